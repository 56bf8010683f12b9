// Today: the date, a greeting, the class in two numbers and its balance of positive and concern
// contacts, then "Call first" (the families most waiting for a call, one row per child with every
// reason, ranked by insights::call_first), the coming week's conferences folded into one line per
// day, and the full lists below it: follow-ups due, good news to call home about, concerns not yet
// talked through, quiet families, children with no good news this month, goals to check and goals
// due soon (from api.today), each item with one button for its next step and long lists folded;
// and what is needed to reach every family (children with no guardian, families with no way to
// reach them, guardians who must not be contacted), plus the languages the families speak. Each
// list is left out when empty.
//
// The pieces live in views/today/: the date, greeting and counts (head.js), the class balance
// (balance.js), the report's lists (report.js) with "Call first" (call-first.js), the week's
// conferences (coming-up.js) and one item with its next step (items.js), reaching every family
// (reach.js), the calm sections (calm.js) and the families' languages (languages.js).

import * as api from '../api.js';
import { h } from '../dom.js';
import { errorMessage } from './forms.js';
import { balanceCard } from './today/balance.js';
import { allReachable, caughtUp, emptyClass } from './today/calm.js';
import { todayHead } from './today/head.js';
import { languageSection } from './today/languages.js';
import { reachSections } from './today/reach.js';
import { reportSections } from './today/report.js';

/**
 * What Today shows below its head for a class with children: the balance, the report's lists
 * and the reach lists, or a sentence where there is nothing to list.
 */
function todayBody(ctx, overview, report, readOnly) {
  const reach = reachSections(overview);
  const sections = report.error ? { first: [], later: [] } : reportSections(ctx, report, readOnly);
  const anyReport = [...sections.first, ...sections.later].some(Boolean);
  return [
    report.error ? null : balanceCard(report.balance),
    report.error
      ? h('p', { class: 'callout caution', id: 'today-report-error' }, 'The list of things to do could not be shown: ', errorMessage(report.error))
      : null,
    !report.error && !anyReport ? caughtUp() : null,
    ...reach.reach,
    ...sections.first,
    ...sections.later,
    ...reach.standing,
    reach.any ? null : allReachable(),
  ];
}

/**
 * The Today screen for the current class.
 * @param {object} ctx
 * @returns {Promise<HTMLElement>}
 */
export async function render(ctx) {
  const cls = ctx.currentClass;
  const [overview, report] = await Promise.all([
    api.classOverview(cls.id),
    api.today(cls.id).catch((err) => ({ error: err })),
  ]);
  const now = new Date();
  const teacher = ctx.info.settings?.teacher_name ?? '';
  return h(
    'section',
    { class: 'page today', id: 'today' },
    todayHead(cls, overview, teacher, now),
    overview.students === 0 ? emptyClass() : todayBody(ctx, overview, report, Boolean(cls.archived)),
    languageSection(overview.languages, ctx.info.languages ?? []),
  );
}
