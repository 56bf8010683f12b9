// What is needed to reach every family: children with no guardian, families with no way to reach
// them, and guardians who must not be contacted, each child with a link to the step on their page.

import { h, nameText } from '../../dom.js';

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

/**
 * The lists of families not yet reachable (`reach`) and of guardians not to contact (`standing`,
 * shown at the foot of Today); `any` says whether there was anything to list at all.
 * @param {object} overview classOverview()
 * @returns {{reach: HTMLElement[], standing: HTMLElement[], any: boolean}}
 */
export function reachSections(overview) {
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
  return {
    reach: nudges.filter((n) => n.id !== 'today-do-not-contact'),
    standing: nudges.filter((n) => n.id === 'today-do-not-contact'),
    any: nudges.length > 0,
  };
}
