// Today: the date, a greeting, the class in two numbers and its balance of positive and concern
// contacts, then "Call first" (the families most waiting for a call, one row per child with every
// reason, ranked by insights::call_first), the coming week's conferences folded into one line per
// day, and the full lists below it: follow-ups due, good news to call home about, concerns not yet
// talked through, quiet families, children with no good news this month, goals to check and goals
// due soon (from api.today), each item with one button for its next step and long lists folded;
// and what is needed to reach every family (children with no guardian, families with no way to
// reach them, guardians who must not be contacted), plus the languages the families speak. Each
// list is left out when empty.

import * as api from '../api.js';
import { h, nameText, svg, whileBusy } from '../dom.js';
import { openContactDialog } from './contact-dialog.js';
import { errorMessage } from './forms.js';
import { localTimes } from '../clock.js';
import { callSummary } from '../parts/record.js';

const DATE = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

function greeting(teacherName, now) {
  const hour = now.getHours();
  const part = hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
  return teacherName ? [`${part}, `, nameText(teacherName), '.'] : [`${part}.`];
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One list of children who need something, each with a link to their page and a next step.
 * @param {object} o
 * @param {string} o.id section id
 * @param {string} o.title
 * @param {string} o.intro
 * @param {{student_id: number, display_name: string, detail: string}[]} o.nudges
 * @param {string} o.action label of the next step
 * @param {string} o.query what the student page should open (see student.js)
 * @param {boolean} [o.caution]
 */
function nudgeSection(o) {
  if (!o.nudges?.length) return null;
  return h(
    'section',
    { class: ['today-section', o.caution && 'caution-section'], id: o.id, 'aria-labelledby': `${o.id}-title` },
    h('h2', { id: `${o.id}-title` }, o.title, ' ', h('span', { class: 'count' }, `(${o.nudges.length})`)),
    h('p', { class: 'section-intro' }, o.intro),
    h(
      'ul',
      { class: 'nudges' },
      o.nudges.map((n) =>
        h(
          'li',
          { class: 'nudge', dataset: { studentId: String(n.student_id) } },
          h(
            'div',
            { class: 'nudge-text' },
            h('a', { href: `#/students/${n.student_id}`, class: 'student-name', dir: 'auto' }, n.display_name),
            h('p', { class: 'nudge-detail', dir: 'auto' }, n.detail),
          ),
          h(
            'a',
            { class: 'button small', href: `#/students/${n.student_id}?${o.query}` },
            o.action,
            h('span', { class: 'visually-hidden' }, ' for ', nameText(n.display_name)),
          ),
        ),
      ),
    ),
  );
}

function languageSection(languages, known) {
  if (!languages?.length) return null;
  const rtl = new Set(known.filter((l) => l.rtl).map((l) => l.code));
  return h(
    'section',
    { class: 'today-section', id: 'today-languages', 'aria-labelledby': 'today-languages-title' },
    h('h2', { id: 'today-languages-title' }, 'Languages your families speak'),
    h(
      'p',
      { class: 'section-intro' },
      'Besides English. Plan an interpreter for meetings and translated letters home for these families.',
    ),
    h(
      'ul',
      { class: 'languages' },
      languages.map((l) =>
        h(
          'li',
          { class: 'language' },
          h('span', { class: 'language-native', lang: l.code, dir: rtl.has(l.code) ? 'rtl' : 'auto' }, l.native),
          l.english !== l.native ? h('span', { class: 'language-english' }, ` — ${l.english}`) : null,
          h('span', { class: 'language-count' }, plural(l.students, 'student', 'students')),
        ),
      ),
    ),
  );
}

// ----- the partnership report -----

/** Lists longer than this show their first items and a "Show all" button. */
const SHORT_LIST = 5;

const LOG_LABELS = {
  positive: 'Share good news',
  introduction: 'Introduce yourself',
  concern: 'Talk it through',
  information: 'Get in touch',
  conference: 'Log a meeting',
};

function actionLabel(item) {
  switch (item.action) {
    case 'follow_up':
      return 'Follow up';
    case 'praise_call':
      return 'Call now';
    case 'check_in':
      return 'Add a check-in';
    case 'review_goal':
      return 'Review the goal';
    case 'prepare_conference':
      return 'Prepare';
    default:
      return LOG_LABELS[item.kind] ?? 'Log a contact';
  }
}

/**
 * Does an item's next step: opens the contact dialog (after fetching the child's page) or goes to
 * the goal on the student page. Today is drawn again after a save.
 */
async function act(ctx, item, sectionId, button) {
  if (item.action === 'prepare_conference') {
    ctx.go(`#/students/${item.student_id}`);
    return;
  }
  if (item.action === 'check_in' || item.action === 'review_goal') {
    ctx.go(`#/students/${item.student_id}?goal-${item.item_id}`);
    return;
  }
  let page;
  try {
    page = await whileBusy(button, () => api.getStudent(item.student_id));
  } catch (err) {
    ctx.alert(err);
    return;
  }
  let preset;
  if (item.action === 'follow_up') {
    preset = { followUpOf: item.item_id, kind: 'information' };
  } else if (item.action === 'praise_call') {
    const praise = (page.praise ?? []).find((p) => p.id === item.item_id);
    preset = { kind: 'positive', praiseId: item.item_id, summary: praise ? callSummary(ctx, praise) : '' };
  } else {
    preset = { kind: item.kind ?? 'information' };
    if (item.kind === 'concern' && item.item_id != null) {
      const concern = (page.concerns ?? []).find((k) => k.id === item.item_id);
      if (concern) {
        preset.about = concern.observed.split('\n')[0];
        preset.concernId = concern.id;
      }
    }
  }
  const saved = await openContactDialog(ctx, page, preset);
  if (!saved) return;
  await ctx.refresh(`#${sectionId}-title`);
}

async function markDone(ctx, item, sectionId, button) {
  try {
    await whileBusy(button, () => api.setFollowUpDone(item.item_id, true));
    await ctx.refresh(`#${sectionId}-title`);
    ctx.undoable(
      'Follow-up done.',
      () => api.setFollowUpDone(item.item_id, false),
      () => ctx.refresh(`#${sectionId}-title`),
    );
  } catch (err) {
    ctx.alert(err);
  }
}

function todayItem(ctx, item, sectionId, readOnly) {
  const forChild = () => h('span', { class: 'visually-hidden' }, ' for ', nameText(item.display_name));
  const action = h('button', { type: 'button', class: 'button small today-action', dataset: { action: item.action } }, actionLabel(item), forChild());
  action.addEventListener('click', () => act(ctx, item, sectionId, action));
  let done = null;
  if (item.action === 'follow_up' && item.item_id != null) {
    done = h('button', { type: 'button', class: 'button small subtle today-done' }, 'Mark done', forChild());
    done.addEventListener('click', () => markDone(ctx, item, sectionId, done));
  }
  return h(
    'li',
    { class: ['nudge', 'today-item', item.overdue && 'overdue'], dataset: { studentId: String(item.student_id), action: item.action } },
    h(
      'div',
      { class: 'nudge-text' },
      h('a', { href: `#/students/${item.student_id}`, class: 'student-name', dir: 'auto' }, item.display_name),
      item.overdue ? [' ', h('span', { class: 'badge caution overdue-badge' }, 'Overdue')] : null,
      h('p', { class: 'nudge-detail', dir: 'auto' }, localTimes(item.detail)),
    ),
    readOnly ? null : h('div', { class: 'today-buttons' }, action, done),
  );
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
 * @param {any} [o.footer] a line under the list (a link)
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
  let toggle = null;
  if (long) {
    toggle = h('button', { type: 'button', class: 'button small show-all', 'aria-expanded': 'false', 'aria-controls': listId }, `Show all ${items.length}`);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      lis.forEach((li, i) => {
        if (i >= SHORT_LIST) li.hidden = !open;
      });
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? `Show the first ${SHORT_LIST}` : `Show all ${items.length}`;
    });
  }
  return h(
    'section',
    { class: ['today-section', 'today-report', o.className], id: o.id, 'aria-labelledby': `${o.id}-title` },
    h('h2', { id: `${o.id}-title`, tabindex: '-1' }, o.title, ' ', h('span', { class: 'count' }, `(${items.length})`)),
    h('p', { class: 'section-intro' }, o.intro),
    h('ul', { class: 'nudges today-items', id: listId }, lis),
    toggle ? h('div', { class: 'section-actions' }, toggle) : null,
    o.footer ?? null,
  );
}

// ----- call first -----

const REASON_ORDER_HELP = [
  'A follow-up past its date counts 8, a concern not yet talked through 4, a follow-up due today 3, a family not in touch for a while 2, good news waiting or none yet this month 1 each.',
  'The most first; on a tie, the family that has waited longest, then the order of the class list.',
  'Good news alone does not put a child here: it has its own lists below.',
];

/**
 * "Call first": one row per child with every reason and the step for the heaviest one.
 * @param {object} ctx
 * @param {{children: object[], more: number}} list
 * @param {boolean} readOnly
 */
function callFirstSection(ctx, list, readOnly) {
  if (!list?.children?.length) return null;
  const rows = list.children.map((row) => {
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
  });
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

// ----- conferences: one folded line per day -----

const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });

function dayName(iso, todayIso, tomorrowIso) {
  if (iso === todayIso) return 'Today';
  if (iso === tomorrowIso) return 'Tomorrow';
  const [y, m, d] = iso.split('-').map(Number);
  return DAY.format(new Date(y, m - 1, d));
}

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Conferences of the coming week, one folded line per day ("Tomorrow: 8 conferences to prepare
 * for"); opening a day shows each family with Prepare.
 */
function conferenceSection(ctx, items, readOnly) {
  if (!items?.length) return null;
  const now = new Date();
  const todayIso = isoDay(now);
  const tomorrowIso = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  const days = new Map();
  for (const item of items) {
    const key = item.date ?? '';
    if (!days.has(key)) days.set(key, []);
    days.get(key).push(item);
  }
  return h(
    'section',
    { class: 'today-section today-report conferences-section', id: 'today-conferences', 'aria-labelledby': 'today-conferences-title' },
    h('h2', { id: 'today-conferences-title', tabindex: '-1' }, 'Conferences coming up', ' ', h('span', { class: 'count' }, `(${items.length})`)),
    h('p', { class: 'section-intro' }, 'Booked for the next seven days. Look over each child’s record before you meet the family.'),
    [...days].map(([iso, dayItems]) =>
      h(
        'details',
        { class: 'conference-day', dataset: { day: iso } },
        h(
          'summary',
          null,
          h('strong', null, dayName(iso, todayIso, tomorrowIso)),
          `: ${plural(dayItems.length, 'conference', 'conferences')} to prepare for`,
        ),
        h('ul', { class: 'nudges today-items' }, dayItems.map((item) => todayItem(ctx, item, 'today-conferences', readOnly))),
      ),
    ),
    h('p', { class: 'section-link' }, h('a', { href: '#/conferences', id: 'today-conferences-link' }, 'See the conference schedule')),
  );
}

/** The share of positive contacts as a two-colour bar (decoration; the numbers say it). */
function balanceBar(b) {
  const total = b.positive + b.concern;
  if (!total) return null;
  const pos = Math.round((b.positive / total) * 100);
  return svg(
    'svg',
    { class: 'class-balance-bar', viewBox: '0 0 100 4', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { class: 'class-balance-positive', x: 0, y: 0, width: pos, height: 4 }),
    svg('rect', { class: 'class-balance-concern', x: pos, y: 0, width: 100 - pos, height: 4 }),
  );
}

function balanceCard(balance) {
  const month = balance?.last_30_days ?? { positive: 0, concern: 0 };
  const year = balance?.this_year ?? { positive: 0, concern: 0 };
  const tilted = month.concern > month.positive;
  return h(
    'div',
    { class: ['class-balance', tilted && 'tilted'], id: 'class-balance' },
    h(
      'p',
      { class: 'class-balance-line' },
      'Positive / concern contacts — last 30 days: ',
      h('strong', { class: 'balance-month' }, `${month.positive} / ${month.concern}`),
      ' · this year: ',
      h('strong', { class: 'balance-year' }, `${year.positive} / ${year.concern}`),
    ),
    balanceBar(month),
    tilted
      ? h(
          'p',
          { class: 'class-balance-nudge', id: 'class-balance-nudge' },
          'More concern calls than good news lately. A few quick positive calls home help families hear that their child is doing well, too.',
        )
      : null,
  );
}

function reportSections(ctx, report, readOnly) {
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

function emptyClass() {
  return h(
    'section',
    { class: 'today-section calm', id: 'today-empty' },
    h('h2', null, 'No students yet'),
    h('p', null, 'Add the children in your class, then the people to call about each of them.'),
    h('p', null, h('a', { class: 'button primary', href: '#/students/new' }, 'Add a student')),
  );
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

  const nudges = [
    nudgeSection({
      id: 'today-no-guardian',
      title: 'Children with no guardian on record',
      intro: 'Add who to call about each of these children.',
      nudges: overview.no_guardian,
      action: 'Add a guardian',
      query: 'add-guardian',
    }),
    nudgeSection({
      id: 'today-unreachable',
      title: 'Families you cannot reach yet',
      intro: 'There is no phone number or email the school may use for these children.',
      nudges: overview.no_way_to_reach,
      action: 'Add contact details',
      query: 'guardians',
    }),
    nudgeSection({
      id: 'today-do-not-contact',
      title: 'Do not contact',
      intro: 'These guardians must not be contacted. Check before any call, letter or meeting.',
      nudges: overview.do_not_contact,
      action: 'See guardians',
      query: 'guardians',
      caution: true,
    }),
  ].filter(Boolean);

  const [reachNudges, standing] = [nudges.filter((n) => n.id !== 'today-do-not-contact'), nudges.filter((n) => n.id === 'today-do-not-contact')];
  const readOnly = Boolean(cls.archived);
  const sections = report.error ? { first: [], later: [] } : reportSections(ctx, report, readOnly);
  const anyReport = [...sections.first, ...sections.later].some(Boolean);
  const reportProblem = report.error
    ? h('p', { class: 'callout caution', id: 'today-report-error' }, 'The list of things to do could not be shown: ', errorMessage(report.error))
    : null;
  const caughtUp =
    overview.students > 0 && !report.error && !anyReport
      ? h(
          'section',
          { class: 'today-section calm', id: 'today-caught-up' },
          h('h2', null, 'Nothing waiting today.'),
          h('p', null, 'No follow-ups due, no calls waiting, and every family has heard from you lately.'),
        )
      : null;

  const allReachable =
    overview.students > 0 && nudges.length === 0
      ? h(
          'section',
          { class: 'today-section calm', id: 'today-all-reachable' },
          h('h2', null, 'Every family can be reached.'),
          h('p', null, 'Each child has a guardian on record with a phone number or email the school may use.'),
        )
      : null;

  return h(
    'section',
    { class: 'page today', id: 'today' },
    h('h1', { id: 'today-title' }, DATE.format(now)),
    h('p', { class: 'lead' }, ...greeting(teacher, now)),
    h(
      'dl',
      { class: 'stats', id: 'today-counts' },
      h('div', { class: 'stat' }, h('dt', null, 'Students'), h('dd', { id: 'count-students' }, String(overview.students))),
      h('div', { class: 'stat' }, h('dt', null, 'Guardians'), h('dd', { id: 'count-guardians' }, String(overview.guardians))),
      h('div', { class: 'stat stat-class' }, h('dt', null, 'Class'), h('dd', { dir: 'auto' }, cls.name)),
    ),
    overview.students === 0
      ? emptyClass()
      : [
          report.error ? null : balanceCard(report.balance),
          reportProblem,
          caughtUp,
          ...reachNudges,
          ...sections.first,
          ...sections.later,
          ...standing,
          allReachable,
        ],
    languageSection(overview.languages, ctx.info.languages ?? []),
  );
}
