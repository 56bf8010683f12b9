// The words of the handoff's dialogs (send.js, receive.js): counts, the saved and received
// sentences. Pure functions, tested under node (tests/ui/handoff.test.mjs).

import { plural } from '../../format.js';

/** "1 child", "2 children". */
export const childrenText = (n) => plural(n, 'child', 'children');

/** What a handoff file holds, said before it is saved. */
export const WHAT_GOES_IN =
  'The file holds what each family told us, the goals and their progress, what works (concerns talked ' +
  'through, with what was tried and agreed), learning at home and a summary of the contacts. Private ' +
  'notes, and anything marked private, never go in.';

/** Said at the passphrase field when the file does not open with what was typed. */
export const WRONG_PASSPHRASE = 'That is not this file’s passphrase.';

/** The field a problem with the children chosen lands on. */
export const CHILDREN_FIELD = 'handoff_children';


/**
 * "Saved the handoff file of 2 children to PATH."
 * @param {{path: string, children: number}} saved what saveHandoff resolved with
 * @returns {string}
 */
export function savedHandoffText(saved) {
  return `Saved the handoff file of ${childrenText(Number(saved?.children) || 0)} to ${saved?.path ?? ''}.`;
}

/**
 * "3 of 30 children chosen.", "No child chosen."
 * @param {number} chosen
 * @param {number} total
 * @returns {string}
 */
export function chosenText(chosen, total) {
  if (!chosen) return 'No child chosen.';
  return `${chosen} of ${childrenText(total)} chosen.`;
}

/**
 * What reading the file adds for one child: "2 guardians, 5 answers, 1 goal with 3 check-ins,
 * 2 things to do at home, 1 about what works" ('' when it adds nothing).
 * @param {{guardians?: number, answers?: number, goals?: number, check_ins?: number, at_home?: number, what_works?: number}} child
 *   a ReceivedChild
 * @returns {string}
 */
export function receivedCounts(child) {
  const n = (key) => Number(child?.[key]) || 0;
  const parts = [];
  if (n('guardians')) parts.push(plural(n('guardians'), 'guardian', 'guardians'));
  if (n('answers')) parts.push(plural(n('answers'), 'answer', 'answers'));
  if (n('goals')) {
    const checkIns = n('check_ins') ? ` with ${plural(n('check_ins'), 'check-in', 'check-ins')}` : '';
    parts.push(`${plural(n('goals'), 'goal', 'goals')}${checkIns}`);
  } else if (n('check_ins')) {
    parts.push(plural(n('check_ins'), 'check-in', 'check-ins'));
  }
  if (n('at_home')) parts.push(plural(n('at_home'), 'thing to do at home', 'things to do at home'));
  if (n('what_works')) parts.push(`${n('what_works')} about what works`);
  return parts.join(', ');
}

/**
 * "1 thing already here is left as it is", "4 things already here are left as they are" ('' for
 * none).
 * @param {{already_here?: number}} child a ReceivedChild
 * @returns {string}
 */
export function alreadyHereText(child) {
  const n = Number(child?.already_here) || 0;
  if (!n) return '';
  return n === 1 ? '1 thing already here is left as it is' : `${n} things already here are left as they are`;
}

/**
 * The line under a child's name in the preview: what is added, then what is left as it is.
 * "2 guardians, 5 answers. 1 thing already here is left as it is."
 * @param {object} child a ReceivedChild
 * @returns {string}
 */
export function childSummary(child) {
  const adds = receivedCounts(child);
  const kept = alreadyHereText(child);
  return [adds ? `${adds}.` : 'Nothing new to add.', kept ? `${kept}.` : ''].filter(Boolean).join(' ');
}

/**
 * "Already in your class (school id S24100)" or "New to your class".
 * @param {{matched?: string|null, school_student_id?: string|null}} child a ReceivedChild
 * @returns {string}
 */
export function matchText(child) {
  if (child?.matched == null) return 'New to your class';
  return child.school_student_id ? `Already in your class (school id ${child.school_student_id})` : 'Already in your class';
}

/**
 * "Receive 2 children", "Receive 1 child".
 * @param {number} n
 */
export function receiveLabel(n) {
  return `Receive ${childrenText(n)}`;
}

/**
 * Said when the sender's questions were not in this record's bank ('' when there were none).
 * @param {number} n questions_added
 * @returns {string}
 */
export function questionsText(n) {
  const count = Number(n) || 0;
  if (!count) return '';
  return count === 1
    ? 'The other teacher asked 1 question your question bank does not have: it is added to the bank as a retired question, so its answers show on the child’s page.'
    : `The other teacher asked ${count} questions your question bank does not have: they are added to the bank as retired questions, so their answers show on the children’s pages.`;
}

/**
 * "Received 3 children: 1 already in your class, 2 added to it."
 * @param {{children?: {matched?: string|null}[]}} received what receiveHandoff resolved with
 * @returns {string}
 */
export function receivedText(received) {
  const children = received?.children ?? [];
  const matched = children.filter((c) => c.matched != null).length;
  const added = children.length - matched;
  const parts = [];
  if (matched) parts.push(`${matched} already in your class`);
  if (added) parts.push(`${added} added to it`);
  return `Received ${childrenText(children.length)}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}
