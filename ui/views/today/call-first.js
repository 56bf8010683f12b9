// "Call first": the families most waiting for a call, one row per child with every reason (ranked
// by insights::call_first in the core), the step for the heaviest one, and the rule in words.

import { h, nameText } from '../../dom.js';
import { plural } from '../../format.js';
import { act, actionLabel } from './items.js';

/** The ranking rule of src/insights/call_first.rs, as the teacher reads it. */
const REASON_ORDER_HELP = [
  'A follow-up past its date counts 8, a concern not yet talked through 4, a follow-up due today 3, a family not in touch for a while 2, good news waiting or none yet this month 1 each.',
  'The most first; on a tie, the family that has waited longest, then the order of the class list.',
  'Good news alone does not put a child here: it has its own lists below.',
];

function callFirstRow(ctx, row, readOnly) {
  const item = row.next;
  const action = h('button', { type: 'button', class: 'button small today-action', dataset: { action: item.action } }, actionLabel(item), h('span', { class: 'visually-hidden' }, ' for ', nameText(row.display_name)));
  action.addEventListener('click', () => act(ctx, item, 'today-call-first', action));
  return h(
    'li',
    { class: 'nudge today-item call-first-item', dataset: { studentId: String(row.student_id), action: item.action } },
    h(
      'div',
      { class: 'nudge-text' },
      h('a', { href: `#/students/${row.student_id}`, class: 'student-name', dir: 'auto' }, row.display_name),
      h(
        'ul',
        { class: 'call-reasons' },
        row.reasons.map((r, i) => h('li', { class: ['call-reason', `reason-${r.reason}`, i === 0 && 'heaviest'] }, r.phrase)),
      ),
    ),
    readOnly ? null : h('div', { class: 'today-buttons' }, action),
  );
}

/**
 * "Call first": one row per child with every reason and the step for the heaviest one.
 * @param {object} ctx
 * @param {{children: object[], more: number}} list
 * @param {boolean} readOnly
 */
export function callFirstSection(ctx, list, readOnly) {
  if (!list?.children?.length) return null;
  const rows = list.children.map((row) => callFirstRow(ctx, row, readOnly));
  return h(
    'section',
    { class: 'today-section today-report call-first', id: 'today-call-first', 'aria-labelledby': 'today-call-first-title' },
    h('h2', { id: 'today-call-first-title', tabindex: '-1' }, 'Call first'),
    h('p', { class: 'section-intro' }, 'The families most waiting to hear from you, with every reason. The lists below have the rest.'),
    h('ol', { class: 'nudges today-items call-first-list', id: 'today-call-first-list' }, rows),
    list.more
      ? h('p', { class: 'section-more', id: 'today-call-first-more' }, `${plural(list.more, 'more family needs', 'more families need')} a call: see the lists below.`)
      : null,
    h(
      'details',
      { class: 'rule', id: 'today-call-first-rule' },
      h('summary', null, 'How this list is ranked'),
      REASON_ORDER_HELP.map((p) => h('p', null, p)),
    ),
  );
}
