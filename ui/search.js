// Search folding for the student list, kept pure (no DOM) so it can be reasoned about and tested on
// its own. The rule matches the core's `text::search_key`: lower case, decompose (NFD), drop every
// combining mark, so "nunez" finds "Núñez" and "nguyen" finds "Nguyễn". A few letters that carry
// their mark inside the letter itself (đ, ø, ł, ß, ...) are spelt out too, since no NFD removes them.

const MARKS = /\p{M}/gu;
const SPACES = /\s+/u;
const LETTERS = new Map([
  ['đ', 'd'],
  ['ð', 'd'],
  ['ø', 'o'],
  ['ł', 'l'],
  ['ı', 'i'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
]);
const SPELT_OUT = new RegExp(`[${[...LETTERS.keys()].join('')}]`, 'gu');

/**
 * Folds text for matching: lower case, no accents or other combining marks.
 * @param {string|null|undefined} text
 * @returns {string}
 * @example fold('José NÚÑEZ') === 'jose nunez'
 */
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPELT_OUT, (c) => LETTERS.get(c) ?? c);
}

/**
 * The folded words of what the teacher typed; empty when there is nothing to search for.
 * @param {string} query
 * @returns {string[]}
 */
export function queryWords(query) {
  return fold(query).split(SPACES).filter(Boolean);
}

/**
 * Everything a student can be found by, folded into one string: display name, given and family
 * names, the name in Latin letters (given, or transliterated by the core: "Petrova" finds
 * "Анна Петрова"), the school's student id and every guardian's name.
 * @param {{display_name?: string, given_name?: string, family_name?: string, latin_name?: string,
 *          school_student_id?: string|null, guardian_names?: string[]}} student
 * @returns {string}
 */
export function haystack(student) {
  return fold(
    [
      student.display_name,
      student.given_name,
      student.family_name,
      student.latin_name ?? '',
      student.school_student_id ?? '',
      ...(student.guardian_names ?? []),
    ].join('\n'),
  );
}

/**
 * True when every typed word occurs somewhere in the folded text (in any order). An empty query
 * matches everything.
 * @param {string} folded a {@link haystack} (or any {@link fold}ed text)
 * @param {string[]} words from {@link queryWords}
 * @returns {boolean}
 */
export function matchesWords(folded, words) {
  return words.every((word) => folded.includes(word));
}

/**
 * The students that match a query, in their original order.
 * @template {object} S
 * @param {S[]} students StudentSummary values
 * @param {string} query what the teacher typed
 * @returns {S[]}
 */
export function filterStudents(students, query) {
  const words = queryWords(query);
  if (words.length === 0) return students.slice();
  return students.filter((s) => matchesWords(haystack(s), words));
}
