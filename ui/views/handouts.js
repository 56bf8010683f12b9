// Families whose language Rapport has no handouts in yet: their letters, questionnaires and
// reminder slips print in English. Said before printing (a question with the families named), in
// the printing status, and as a list on Conferences. The core names them (classOverview's
// without_handout), for a class or for one child.

import * as api from '../api.js';
import { h, nameText } from '../dom.js';
import { confirmDialog } from './forms.js';

/**
 * This child's families whose language has no handout, as the core finds them for the class
 * (classOverview's without_handout): the rule lives in the core only.
 * @param {object} page StudentPage (or StudentRecord)
 * @returns {Promise<object[]>} HandoutGap
 */
export async function childWithoutHandout(page) {
  const overview = await api.classOverview(page.class.id);
  return (overview.without_handout ?? []).filter((g) => g.student_id === page.student.id);
}

/** "Somali: Hodan Ali and Abdi Ali", each name isolated so a right-to-left one keeps its place. */
function gapLine(gap) {
  const names = [];
  gap.guardians.forEach((name, i) => {
    if (i > 0) names.push(i === gap.guardians.length - 1 ? ' and ' : ', ');
    names.push(nameText(name));
  });
  return [h('span', { class: 'gap-language' }, gap.language_english), ': ', ...names];
}

/** How many families a list of gaps is about. */
function familyCount(gaps) {
  return new Set(gaps.map((g) => g.student_id)).size;
}

/**
 * Asks before printing when some families will get English. Resolves true to go ahead.
 * @param {object[]} gaps HandoutGap
 * @param {string} what e.g. 'the introduction letters'
 */
export function confirmEnglish(gaps, what) {
  if (!gaps.length) return Promise.resolve(true);
  const n = familyCount(gaps);
  return confirmDialog({
    title: n === 1 ? 'One family will get English' : `${n} families will get English`,
    body: [
      `Rapport has no handouts in their language yet, so ${what} for them print in English. Plan an interpreter, or a translation from your district.`,
      h(
        'ul',
        { class: 'no-handout-list' },
        gaps.map((g) => h('li', null, h('strong', null, nameText(g.display_name)), ' — ', gapLine(g))),
      ),
    ],
    confirm: 'Print anyway',
  });
}

/** The status's last sentence after printing: who got English. */
export function englishNote(gaps) {
  if (!gaps.length) return '';
  const n = familyCount(gaps);
  return n === 1 ? ' One family got English: no handout in their language yet.' : ` ${n} families got English: no handout in their language yet.`;
}

/**
 * "Families whose language has no handout yet", for Conferences: each family named, or nothing.
 * @param {object[]} gaps HandoutGap
 */
export function withoutHandoutSection(gaps) {
  if (!gaps?.length) return null;
  return h(
    'section',
    { class: 'no-handout', id: 'no-handout', 'aria-labelledby': 'no-handout-title' },
    h('h2', { id: 'no-handout-title' }, 'Families whose language has no handout yet ', h('span', { class: 'count' }, `(${familyCount(gaps)})`)),
    h('p', { class: 'section-intro' }, 'Their letters, questionnaires and reminder slips print in English. Plan an interpreter for the conference.'),
    h(
      'ul',
      { class: 'nudges' },
      gaps.map((g) =>
        h(
          'li',
          { class: 'nudge' },
          h('div', { class: 'nudge-text' }, h('a', { href: `#/students/${g.student_id}`, class: 'student-name', dir: 'auto' }, g.display_name), h('p', { class: 'nudge-detail' }, gapLine(g))),
        ),
      ),
    ),
  );
}
