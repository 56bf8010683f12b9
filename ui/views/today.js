// Today: the date, a greeting, the class in two numbers, and what needs doing to reach every
// family (children with no guardian, families with no way to reach them, guardians who must not be
// contacted), plus the languages the families speak. Each list is left out when empty.

import * as api from '../api.js';
import { h, nameText } from '../dom.js';

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
  const overview = await api.classOverview(cls.id);
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
    overview.students === 0 ? emptyClass() : [allReachable, ...nudges],
    languageSection(overview.languages, ctx.info.languages ?? []),
  );
}
