// The partnership report (api.today) as Today's lists: "Call first" and the week's conferences,
// then follow-ups due, good news to call home about, concerns not yet talked through (first), and
// quiet families, no good news this month, goals to check and goals due soon (later). Each list
// is left out when empty; long ones show their first few and a "Show all" button. The good news
// to share can be printed as notes home, for the families the phone does not reach.

import * as api from '../../api.js';
import { h } from '../../dom.js';
import { printed } from '../printing.js';
import { callFirstSection } from './call-first.js';
import { conferenceSection } from './coming-up.js';
import { todayItem } from './items.js';

/** Lists longer than this show their first items and a "Show all" button. */
const SHORT_LIST = 5;

/** "Show all 9" / "Show the first 5": hides or shows the items past the first few. */
function showAllToggle(lis, listId) {
  const toggle = h('button', { type: 'button', class: 'button small show-all', 'aria-expanded': 'false', 'aria-controls': listId }, `Show all ${lis.length}`);
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    lis.forEach((li, i) => {
      if (i >= SHORT_LIST) li.hidden = !open;
    });
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? `Show the first ${SHORT_LIST}` : `Show all ${lis.length}`;
  });
  return toggle;
}

/**
 * One list of the report.
 * @param {object} ctx
 * @param {object} o
 * @param {string} o.id
 * @param {string} o.title
 * @param {string} o.intro
 * @param {object[]} o.items TodayItem
 * @param {boolean} [o.collapse] show the first few and a "Show all" button
 * @param {string} [o.className] a class of the section
 * @param {HTMLElement[]} [o.actions] buttons beside "Show all"
 * @param {boolean} readOnly
 */
function reportSection(ctx, o, readOnly) {
  const items = o.items ?? [];
  if (!items.length) return null;
  const listId = `${o.id}-list`;
  const long = o.collapse && items.length > SHORT_LIST;
  const lis = items.map((item, i) => {
    const li = todayItem(ctx, item, o.id, readOnly);
    if (long && i >= SHORT_LIST) li.hidden = true;
    return li;
  });
  const actions = [long ? showAllToggle(lis, listId) : null, ...(o.actions ?? [])].filter(Boolean);
  return h(
    'section',
    { class: ['today-section', 'today-report', o.className], id: o.id, 'aria-labelledby': `${o.id}-title` },
    h('h2', { id: `${o.id}-title`, tabindex: '-1' }, o.title, ' ', h('span', { class: 'count' }, `(${items.length})`)),
    h('p', { class: 'section-intro' }, o.intro),
    h('ul', { class: 'nudges today-items', id: listId }, lis),
    actions.length ? h('div', { class: 'section-actions' }, actions) : null,
    o.footer ?? null,
  );
}

/**
 * "Print notes home for these": a good-news note for every praise waiting for a call, two to a
 * page, for the families the phone does not reach. Printing is no edit, so it stays in an
 * archived class.
 * @param {object} ctx
 */
function printNotesButton(ctx) {
  const classId = ctx.currentClass.id;
  return h(
    'button',
    {
      type: 'button',
      class: 'button small',
      id: 'print-class-good-news',
      onclick: (e) => printed(ctx, e.currentTarget, 'Good-news notes', () => api.printClassGoodNews(classId)),
    },
    'Print notes home for these',
  );
}

/**
 * Every list of the report, in two groups: `first` goes above the reach lists, `later` below.
 * Empty lists are null.
 * @param {object} ctx
 * @param {object} report api.today()
 * @param {boolean} readOnly
 * @returns {{first: (HTMLElement|null)[], later: (HTMLElement|null)[]}}
 */
export function reportSections(ctx, report, readOnly) {
  const days = ctx.info?.settings?.quiet_days ?? 21;
  const list = (o) => reportSection(ctx, o, readOnly);
  return {
    first: [
      callFirstSection(ctx, report.call_first, readOnly),
      conferenceSection(ctx, report.conferences_coming_up, readOnly),
      list({ id: 'today-follow-ups', title: 'Follow-ups due', intro: 'You planned to get back to these families.', items: report.follow_ups, collapse: true }),
      list({
        id: 'today-praise-calls',
        title: 'Good news to share',
        intro: 'Good deeds waiting for a call home. Two minutes can make a family’s day.',
        items: report.praise_to_call,
        className: 'good-news-section',
        collapse: true,
        actions: report.praise_to_call?.length ? [printNotesButton(ctx)] : [],
      }),
      list({
        id: 'today-concerns',
        title: 'Concerns not yet talked through',
        intro: 'Talk these through with the family while they are fresh, to understand them together.',
        items: report.concerns_without_call,
        collapse: true,
      }),
    ],
    later: [
      list({
        id: 'today-quiet',
        title: 'Families you have not been in touch with',
        intro: `No one reached for ${days} days or more, or not yet this year.`,
        items: report.quiet_families,
        collapse: true,
      }),
      list({
        id: 'today-no-positive',
        title: 'No good news shared this month',
        intro: 'Every family deserves to hear something good about their child.',
        items: report.no_positive_this_month,
        collapse: true,
      }),
      list({ id: 'today-goals-check', title: 'Goals to check on', intro: 'No check-in for a while: note how it is going.', items: report.goals_to_check, collapse: true }),
      list({ id: 'today-goals-due', title: 'Goals due soon', intro: 'Look back at how each went, and share it with the family.', items: report.goals_due_soon, collapse: true }),
    ],
  };
}
