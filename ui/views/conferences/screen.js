// The conference screen's state: what was fetched (the slots, the class list, the families without
// a handout), which form is open, and the open forms, kept across redraws so that nothing typed is
// lost. show() opens one form (or none), redraws and moves the focus.

import * as api from '../../api.js';

/**
 * @typedef {object} Screen
 * @property {object} ctx
 * @property {object} cls the current class
 * @property {object[]} slots ScheduledConference, fetched again after a partly done plan
 * @property {object[]} students the class list
 * @property {object[]} gaps families without a handout in their language
 * @property {boolean} readOnly the class is archived
 * @property {string} today "YYYY-MM-DD"
 * @property {{kind: null|'add'|'plan'|'edit'|'book'|'book-family', id?: number, studentId?: number}} mode
 * @property {{add: HTMLFormElement|null, plan: HTMLFormElement|null, slot: HTMLFormElement|null}} forms
 * @property {() => void} draw redraws the head's buttons and the body (set by page.js)
 * @property {HTMLElement|null} node the screen's section (set by page.js)
 */

/**
 * Fetches what the screen shows for the current class.
 * @param {object} ctx
 * @returns {Promise<Screen>}
 */
export async function loadScreen(ctx) {
  const cls = ctx.currentClass;
  const [slots, students, overview] = await Promise.all([api.listConferences(cls.id), api.listStudents(cls.id), api.classOverview(cls.id)]);
  return {
    ctx,
    cls,
    slots,
    students,
    gaps: overview.without_handout ?? [],
    readOnly: Boolean(cls.archived),
    today: ctx.info?.today ?? '',
    mode: { kind: null },
    forms: { add: null, plan: null, slot: null },
    draw: () => {},
    node: null,
  };
}

/**
 * Opens `next` (a form, or none with {kind: null}), dropping the forms that were open, and moves
 * the focus to `focus` (a selector within the screen, or an element).
 * @param {Screen} screen
 */
export function show(screen, next, focus) {
  screen.mode = next;
  screen.forms = { add: null, plan: null, slot: null };
  screen.draw();
  const target = typeof focus === 'string' ? screen.node.querySelector(focus) : focus;
  target?.focus();
}

/** A Cancel: closes the open form and puts the focus on `focus`. */
export const closeTo = (screen, focus) => () => show(screen, { kind: null }, focus);
