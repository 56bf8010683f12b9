// What the sections of a child's record share: the choice lists and their labels, the child's
// guardians, who said something, good news in a line, the private badge and dates as <time>.
// Each view takes these from here, never from another view.

import { h } from '../dom.js';
import { mediumDate, shortDate } from '../format.js';

/** Who answered "for the family as a whole" rather than one guardian. */
export const FAMILY_TOGETHER = 'The family together';

/**
 * The label of a value from one of ctx.info.choices' lists.
 * @param {object} ctx
 * @param {string} list e.g. 'contact_kinds'
 * @param {string} value
 */
export function choiceLabel(ctx, list, value) {
  return choices(ctx, list).find((c) => c.value === value)?.label ?? value;
}

/** One of ctx.info.choices' lists ([] when missing). */
export function choices(ctx, list) {
  return ctx.info?.choices?.[list] ?? (list === 'contact_methods' ? ctx.info?.contact_methods : null) ?? [];
}

/** This child's linked guardian with `id` ({guardian, link, ...}), or null. */
export function linkedGuardian(page, id) {
  if (id == null) return null;
  return (page.guardians ?? []).find((lg) => lg.guardian.id === id) ?? null;
}

/** Whether the student page is read only (its class is archived). */
export function isReadOnly(page) {
  return Boolean(page.class?.archived);
}

/** Maps a core field name to the id of its control, for a prefix such as "contact_". */
export const prefixed = (prefix) => (f) => `${prefix}${f}`;

/**
 * What a praise says, in a line: the note, after the category unless it is "Something else".
 * @param {object} ctx
 * @param {object} praise
 */
/** What a call home about a praise starts its note with: the teacher's words, written once (the
 * kind of good news is said above the form), or the kind when there are no words. */
export function callSummary(ctx, praise) {
  const note = (praise.note ?? '').trim();
  return note || choiceLabel(ctx, 'praise_categories', praise.category);
}

export function praiseText(ctx, praise) {
  const note = (praise.note ?? '').trim();
  if (praise.category === 'other') return note || choiceLabel(ctx, 'praise_categories', 'other');
  const label = choiceLabel(ctx, 'praise_categories', praise.category);
  return note ? `${label}: ${note}` : label;
}

/** Who gave an answer, with the guardian's relationship when the page knows it. */
export function whoText(page, item) {
  if (item.answer.guardian_id == null) return FAMILY_TOGETHER;
  const lg = page.guardians.find((g) => g.guardian.id === item.answer.guardian_id);
  const name = item.guardian_name ?? lg?.guardian.name ?? 'A former guardian';
  return lg?.guardian.relationship ? `${name} (${lg.guardian.relationship})` : name;
}

/**
 * Every answer on the page by id, with its question and who gave it; goals.js uses this to quote
 * the answer a goal grew from.
 * @param {object} page StudentPage
 * @returns {Map<number, {question: object, item: object, who: string}>}
 */
export function answersById(page) {
  const map = new Map();
  for (const group of page.family_answers ?? []) {
    for (const item of group.answers) map.set(item.answer.id, { question: group.question, item, who: whoText(page, item) });
  }
  return map;
}

/** The small badge on anything meant for the teacher only. */
export function privateBadge() {
  return h('span', { class: 'badge private-badge', title: 'For you only: never printed for the family' }, 'Private');
}

/** A <time> element for a stored date, short ("3 Mar", with the year when it is not this year). */
export function shortDateEl(ctx, iso, attrs = {}) {
  return h('time', { datetime: iso, ...attrs }, shortDate(iso, ctx.info?.today));
}

/** A <time> element for a stored date, with its year. */
export function dateEl(iso, attrs = {}) {
  return h('time', { datetime: iso, ...attrs }, mediumDate(iso));
}
