// A child's conference slots on their page (section#student-conferences): when, where, and an
// interpreter badge, with a link to the whole schedule.

import { h } from '../../dom.js';
import { longDate } from '../../format.js';
import { interpreterBadge } from './languages.js';
import { DATE_RE, datePart, timePart, timeRange } from './time.js';

/**
 * section#student-conferences: a child's conference slots in a few lines, or null when none.
 * @param {object} ctx
 * @param {object} page StudentPage (page.conferences in time order)
 * @returns {HTMLElement|null}
 */
export function renderStudentConferences(ctx, page) {
  const list = page.conferences ?? [];
  if (!list.length) return null;
  const today = ctx.info?.today ?? '';
  return h(
    'section',
    { class: 'student-conferences', id: 'student-conferences', 'aria-labelledby': 'student-conferences-title' },
    h(
      'div',
      { class: 'student-conferences-head' },
      h('h2', { id: 'student-conferences-title' }, list.length === 1 ? 'Conference' : 'Conferences'),
      h('a', { href: '#/conferences', id: 'student-conferences-link' }, 'All conferences'),
    ),
    h(
      'ul',
      { class: 'student-conference-list' },
      list.map((c) => {
        const date = datePart(c.starts_at);
        const start = timePart(c.starts_at);
        return h(
          'li',
          { class: ['student-conference', DATE_RE.test(today) && date < today && 'past'], dataset: { conferenceId: String(c.id) } },
          h('time', { datetime: `${date}T${start}`, class: 'student-conference-when' }, longDate(date), ', ', timeRange(start, c.minutes)),
          c.place ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', { class: 'student-conference-place', dir: 'auto' }, c.place)] : null,
          c.interpreter_language ? [' ', interpreterBadge(ctx, c.interpreter_language)] : null,
        );
      }),
    ),
  );
}
