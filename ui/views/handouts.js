// Families whose language Rapport has no handouts in yet: their letters, questionnaires and
// reminder slips print in English. Said before printing (a question with the families named), in
// the printing status, and as a list on Conferences. The core names them (classOverview's
// without_handout); for one child the page works it out from the guardians and the handout
// languages appInfo() lists.

import { h, nameText } from '../dom.js';
import { confirmDialog } from './forms.js';

/** The languages Rapport has handouts in ("en", "es"), by primary subtag. */
function handoutLanguages(ctx) {
  return new Set(ctx.info?.handout_languages ?? ['en']);
}

function englishName(ctx, code) {
  return (ctx.info?.languages ?? []).find((l) => l.code === code)?.english ?? code;
}

/**
 * This child's guardians who may be contacted and read a language with no handout, as the core's
 * nudges are shaped ({student_id, display_name, detail}).
 * @param {object} ctx
 * @param {object} page StudentPage
 */
export function childWithoutHandout(ctx, page) {
  const have = handoutLanguages(ctx);
  return (page.guardians ?? [])
    .map((lg) => lg.guardian)
    .filter((g) => g.may_contact && !have.has(String(g.preferred_language ?? 'en').split('-')[0].toLowerCase()))
    .map((g) => {
      const language = englishName(ctx, g.preferred_language);
      return {
        student_id: page.student.id,
        display_name: page.display_name,
        detail: `${g.name} reads ${language}: Rapport has no handouts in ${language} yet, so letters and questionnaires print in English.`,
      };
    });
}

/**
 * Asks before printing when some families will get English. Resolves true to go ahead.
 * @param {{display_name: string, detail: string}[]} gaps
 * @param {string} what e.g. 'the introduction letters'
 */
export function confirmEnglish(gaps, what) {
  if (!gaps.length) return Promise.resolve(true);
  return confirmDialog({
    title: gaps.length === 1 ? 'One family will get English' : `${gaps.length} families will get English`,
    body: [
      `Rapport has no handouts in their language yet, so ${what} for them print in English. Plan an interpreter, or a translation from your district.`,
      h(
        'ul',
        { class: 'no-handout-list' },
        gaps.map((g) => h('li', null, h('strong', null, nameText(g.display_name)), ': ', h('span', { dir: 'auto' }, g.detail))),
      ),
    ],
    confirm: 'Print anyway',
  });
}

/** The status's last sentence after printing: who got English. */
export function englishNote(gaps) {
  if (!gaps.length) return '';
  return gaps.length === 1 ? ' One family got English: no handout in their language yet.' : ` ${gaps.length} families got English: no handout in their language yet.`;
}

/**
 * "Families whose language has no handout yet", for Conferences: each family named, or nothing.
 * @param {{student_id: string, display_name: string, detail: string}[]} gaps
 */
export function withoutHandoutSection(gaps) {
  if (!gaps?.length) return null;
  return h(
    'section',
    { class: 'no-handout', id: 'no-handout', 'aria-labelledby': 'no-handout-title' },
    h('h2', { id: 'no-handout-title' }, 'Families whose language has no handout yet ', h('span', { class: 'count' }, `(${gaps.length})`)),
    h('p', { class: 'section-intro' }, 'Their letters, questionnaires and reminder slips print in English. Plan an interpreter for the conference.'),
    h(
      'ul',
      { class: 'nudges' },
      gaps.map((g) =>
        h(
          'li',
          { class: 'nudge' },
          h('div', { class: 'nudge-text' }, h('a', { href: `#/students/${g.student_id}`, class: 'student-name', dir: 'auto' }, g.display_name), h('p', { class: 'nudge-detail', dir: 'auto' }, g.detail)),
        ),
      ),
    ),
  );
}
