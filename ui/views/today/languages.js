// "Languages your families speak": each language besides English with how many children's
// families speak it, for planning interpreters and translated letters.

import { h } from '../../dom.js';
import { plural } from '../../format.js';

/**
 * @param {{code: string, native: string, english: string, students: number}[]} languages
 * @param {{code: string, rtl: boolean}[]} known every language Rapport lists
 */
export function languageSection(languages, known) {
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
