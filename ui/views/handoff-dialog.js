// The handoff to next year's teacher, in two modal <dialog>s.
//
// "Hand over to next year’s teacher…" (Students, for the class; a child's page, for that child)
// lists the class's children to choose (all ticked; from a child's page only that child), says
// what goes in the file and that private notes never do, and saves the handoff file where the
// teacher picks. Once saved it says where and for how many children and, when the record is
// protected, shows the file's one-time passphrase, once, to pass on another way than the file.
//
// "Receive a handoff…" (Students) asks for a handoff file, for its one-time passphrase when it is
// encrypted (a wrong one is said at the field, for another try), shows what it holds child by
// child (matched on the school's id to a child already in the class, or new), and reads it into
// the class; nothing already there is changed. The student list is drawn again once it is in.
//
// Escape or Cancel closes either dialog, except while a file is being written or read, and the
// focus goes back to the button that opened it. The words (counts, the saved and received
// sentences) are pure functions, tested under node (tests/ui/handoff.test.mjs).

import * as api from '../api.js';
import { h, nameText, replace, whileBusy } from '../dom.js';
import { mediumDate, plural } from '../format.js';
import { actions, clearErrors, errorMessage, field, form, onSubmit, showErrors } from './forms.js';

/** "1 child", "2 children". */
const childrenText = (n) => plural(n, 'child', 'children');

/** What a handoff file holds, said before it is saved. */
const WHAT_GOES_IN =
  'The file holds what each family told us, the goals and their progress, what works (concerns talked ' +
  'through, with what was tried and agreed), learning at home and a summary of the contacts. Private ' +
  'notes, and anything marked private, never go in.';

/** Said at the passphrase field when the file does not open with what was typed. */
export const WRONG_PASSPHRASE = 'That is not this file’s passphrase.';

/** The field a problem with the children chosen lands on. */
const CHILDREN_FIELD = 'handoff_children';

// ----- the words -----

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

// ----- shared by both dialogs -----

/**
 * Shows `dialog` as a modal, and resolves with what `result()` gives once it closes (it is then
 * removed, and the focus goes back to `returnTo`, or to `after()` when that is given).
 * @param {HTMLDialogElement} dialog
 * @param {HTMLElement} first what has the focus first
 * @param {{returnTo: any, result: () => any, after?: () => Promise<any>|null}} o
 */
function showDialog(dialog, first, { returnTo, result, after }) {
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', async () => {
      dialog.remove();
      const then = after?.();
      if (then) {
        try {
          await then;
        } catch (err) {
          console.warn('the page could not be drawn again', err);
        }
      } else if (returnTo instanceof HTMLElement && returnTo.isConnected) {
        returnTo.focus();
      }
      resolve(result());
    });
    dialog.showModal();
    first.focus();
  });
}

// ----- sending -----

/**
 * The children to hand over: a checkbox each, Select all and Select none, and how many are chosen.
 * @param {object[]} students the class's children (listStudents)
 * @param {string|null} only the one child ticked, or null for all
 * @returns {HTMLFieldSetElement}
 */
function childrenFieldset(students, only) {
  const count = h('p', { class: 'hint handoff-count', id: 'handoff-count', role: 'status' });
  const boxes = () => [...fieldset.querySelectorAll('input[name="handoff"]')];
  const recount = () => replace(count, chosenText(boxes().filter((b) => b.checked).length, students.length));
  const setAll = (checked) => {
    for (const box of boxes()) box.checked = checked;
    recount();
  };
  const fieldset = h(
    'fieldset',
    { class: 'field carry-over', id: CHILDREN_FIELD },
    h('legend', null, 'Children to hand over'),
    h(
      'div',
      { class: 'carry-select' },
      h('button', { type: 'button', class: 'button small', id: 'handoff-all', onclick: () => setAll(true) }, 'Select all'),
      h('button', { type: 'button', class: 'button small', id: 'handoff-none', onclick: () => setAll(false) }, 'Select none'),
    ),
    h(
      'div',
      { class: 'carry-list handoff-list', id: 'handoff-list' },
      students.map((s) =>
        h(
          'div',
          { class: 'field-check' },
          h('input', {
            type: 'checkbox',
            id: `handoff-child-${s.id}`,
            name: 'handoff',
            value: String(s.id),
            checked: only == null || String(s.id) === String(only),
          }),
          h('label', { for: `handoff-child-${s.id}`, dir: 'auto' }, s.display_name),
        ),
      ),
    ),
    count,
  );
  fieldset.addEventListener('change', recount);
  recount();
  return fieldset;
}

/**
 * What the dialog shows once the file is saved: where, for how many, and the one-time passphrase
 * when there is one.
 * @param {{path: string, children: number, passphrase: string|null}} saved
 * @param {() => void} close
 * @returns {HTMLElement}
 */
function savedPanel(saved, close) {
  return h(
    'div',
    { class: 'handoff-saved', id: 'handoff-saved' },
    h('p', { id: 'handoff-saved-text', tabindex: '-1' }, savedHandoffText(saved)),
    saved.passphrase
      ? h(
          'div',
          { class: 'handoff-passphrase-box', id: 'handoff-passphrase-box' },
          h('h3', { id: 'handoff-passphrase-title' }, 'One-time passphrase'),
          h('p', { class: 'handoff-passphrase', id: 'handoff-passphrase', dir: 'ltr' }, saved.passphrase),
          h(
            'p',
            { id: 'handoff-passphrase-note' },
            'Give this one-time passphrase to the receiving teacher another way than the file (on paper, or read it out). It is shown only now.',
          ),
        )
      : h(
          'p',
          { class: 'hint', id: 'handoff-not-encrypted' },
          'Your record is not protected with a passphrase, so neither is this file: pass it on as carefully as a paper file about the children.',
        ),
    actions(h('button', { type: 'button', class: 'button primary', id: 'handoff-done', onclick: close }, 'Done')),
  );
}

/**
 * Opens "Hand over to next year’s teacher" for `students`.
 * @param {object} ctx the app context (ctx.info.protected)
 * @param {object[]} students the class's children (listStudents)
 * @param {{only?: string|null, returnTo?: HTMLElement|null}} [o] `only`: the one child ticked at
 *   first; `returnTo`: where the focus goes once it closes (default: where it was)
 * @returns {Promise<{path: string, children: number, bytes: number, passphrase: string|null}|null>}
 *   the file saved, or null when closed without one
 */
export function openHandOver(ctx, students, { only = null, returnTo = document.activeElement } = {}) {
  document.getElementById('handoff-dialog')?.remove();

  const save = h('button', { type: 'submit', class: 'button primary', id: 'save-handoff' }, 'Save handoff file…');
  const cancel = h('button', { type: 'button', class: 'button', id: 'cancel-handoff' }, 'Cancel');
  const fieldset = childrenFieldset(students, only);
  const formEl = form(
    { id: 'handoff-form', 'aria-labelledby': 'handoff-title' },
    h('p', { class: 'hint', id: 'handoff-intro' }, WHAT_GOES_IN),
    h(
      'p',
      { class: 'hint', id: 'handoff-protection' },
      ctx.info?.protected
        ? 'Your record is protected, so the file is encrypted: once it is saved you are shown a one-time passphrase to give the receiving teacher.'
        : 'Your record is not protected with a passphrase, so the file is not encrypted.',
    ),
    fieldset,
    actions(save, cancel),
  );
  const body = h('div', { class: 'handoff-body' }, formEl);
  const dialog = h(
    'dialog',
    { id: 'handoff-dialog', class: 'dialog handoff-dialog', 'aria-labelledby': 'handoff-title', 'aria-describedby': 'handoff-intro' },
    h('h2', { id: 'handoff-title' }, 'Hand over to next year’s teacher'),
    body,
  );

  let saved = null;
  const close = () => dialog.close();
  cancel.addEventListener('click', close);
  // While the file is being written (and Rust's save dialog is open) Escape leaves it be: the
  // answer would have nowhere to go.
  dialog.addEventListener('cancel', (event) => {
    if (save.disabled) event.preventDefault();
  });

  onSubmit(
    formEl,
    async () => {
      const ids = [...fieldset.querySelectorAll('input[name="handoff"]:checked')].map((box) => box.value);
      if (!ids.length) {
        const message = 'Choose at least one child to hand over.';
        throw { code: 'validation', message, fields: { [CHILDREN_FIELD]: message } };
      }
      const result = await api.saveHandoff(ids);
      // Cancelled in the save dialog: stay here, to change something or to close.
      if (!result) return;
      saved = result;
      const panel = savedPanel(result, close);
      dialog.removeAttribute('aria-describedby');
      replace(body, panel);
      panel.querySelector('#handoff-saved-text').focus();
    },
    (f) => (f === 'student_ids' ? CHILDREN_FIELD : f),
  );

  const first = fieldset.querySelector('input[name="handoff"]:checked') ?? fieldset.querySelector('input[name="handoff"]') ?? save;
  const shown = showDialog(dialog, first, { returnTo, result: () => saved });
  // From a child's page, that child's box is in view among the class's.
  first.scrollIntoView?.({ block: 'nearest' });
  return shown;
}

/**
 * "Hand over to next year’s teacher…" on a child's page: the class's children, that child ticked.
 * @param {object} ctx
 * @param {string} classId the child's class
 * @param {string} studentId
 * @param {HTMLButtonElement} button
 */
export async function handOverChild(ctx, classId, studentId, button) {
  if (button.disabled) return;
  ctx.clearAlert();
  let students;
  try {
    students = await whileBusy(button, () => api.listStudents(classId));
  } catch (err) {
    ctx.alert(err);
    return;
  }
  await openHandOver(ctx, students, { only: studentId, returnTo: button });
}

/**
 * The Students page's "Hand over to next year’s teacher…" for the class's children.
 * @param {object} ctx
 * @param {object[]} students
 * @returns {HTMLButtonElement}
 */
export function handOverButton(ctx, students) {
  const button = h('button', { type: 'button', class: 'button', id: 'hand-over' }, 'Hand over to next year’s teacher…');
  button.addEventListener('click', () => openHandOver(ctx, students, { returnTo: button }));
  return button;
}

// ----- receiving -----

/**
 * One child in the preview: name, matched or new, and what is added.
 * @param {object} child a ReceivedChild
 */
function childItem(child) {
  const matched = child.matched != null;
  return h(
    'li',
    { class: 'handoff-child' },
    h('p', { class: 'handoff-child-name' }, nameText(child.name)),
    h('p', { class: ['handoff-match', !matched && 'new'] }, matchText(child)),
    h('p', { class: 'handoff-counts' }, childSummary(child)),
  );
}

/** "From Jordan Rivera, Maple Grove Elementary, made on 18 Jun 2027." */
function fromLine(report) {
  const who = [report.teacher, report.school].filter((x) => x && String(x).trim());
  return [
    'From ',
    who.length ? who.flatMap((name, i) => (i ? [', ', nameText(name)] : [nameText(name)])) : 'a teacher who gave no name',
    report.made_on ? `, made on ${mediumDate(report.made_on)}` : '',
    '.',
  ];
}

/**
 * The receiving dialog for the file chosen.
 * @param {object} ctx
 * @param {{file_name: string, encrypted: boolean}} chosen what chooseHandoff resolved with
 * @param {HTMLElement|null} returnTo
 * @returns {Promise<object|null>} what was read in, or null when closed before
 */
function openReceive(ctx, chosen, returnTo) {
  document.getElementById('receive-handoff-dialog')?.remove();
  const cls = ctx.currentClass;
  const classId = cls?.id ?? null;
  const alertBox = h('div', { class: 'form-alert', role: 'alert', id: 'receive-handoff-alert' });
  const body = h('div', { class: 'handoff-body', id: 'receive-handoff-body' });
  const dialog = h(
    'dialog',
    { id: 'receive-handoff-dialog', class: 'dialog handoff-dialog', 'aria-labelledby': 'receive-handoff-title' },
    h('h2', { id: 'receive-handoff-title' }, 'Receive a handoff'),
    h('p', { id: 'receive-handoff-file' }, 'Chosen: ', nameText(chosen.file_name)),
    alertBox,
    body,
  );

  let busy = false;
  let received = null;
  /** The passphrase the preview opened the file with, for reading it in. */
  let passphrase = null;
  const close = () => dialog.close();
  dialog.addEventListener('cancel', (event) => {
    if (busy) event.preventDefault();
  });
  const cancelButton = (label = 'Cancel') => h('button', { type: 'button', class: 'button', id: 'cancel-receive-handoff', onclick: close }, label);

  const run = async (button, work) => {
    busy = true;
    try {
      return await whileBusy(button, work);
    } finally {
      busy = false;
    }
  };
  /** Says what went wrong in the dialog's alert; the focus goes to `focus`, else to the alert. */
  const showAlert = (err, focus = null) => {
    replace(alertBox, h('p', null, errorMessage(err)));
    if (focus) {
      focus.focus();
      return;
    }
    alertBox.tabIndex = -1;
    alertBox.focus();
  };

  const showDone = (done) => {
    const finish = h('button', { type: 'button', class: 'button primary', id: 'receive-handoff-done', onclick: close }, 'Done');
    const message = h(
      'div',
      { class: 'callout handoff-received', id: 'handoff-received', tabindex: '-1' },
      h('p', null, receivedText(done)),
      h('p', null, 'Their pages now hold what the other teacher handed over, beside what was already there.'),
    );
    replace(body, message, actions(finish));
    message.focus();
  };

  const showPreview = (report) => {
    const children = report.children ?? [];
    const confirm = h('button', { type: 'button', class: 'button primary', id: 'receive-handoff-confirm', disabled: !children.length }, receiveLabel(children.length));
    confirm.addEventListener('click', async () => {
      if (confirm.disabled) return;
      replace(alertBox);
      let done;
      try {
        done = await run(confirm, () => api.receiveHandoff({ passphrase, classId, preview: false }));
      } catch (err) {
        showAlert(err);
        return;
      }
      received = done;
      showDone(done);
    });
    const questions = questionsText(report.questions_added);
    const section = h(
      'section',
      { class: 'handoff-preview', id: 'receive-handoff-preview', 'aria-labelledby': 'receive-handoff-preview-title' },
      h('h3', { id: 'receive-handoff-preview-title', tabindex: '-1' }, 'What this file holds'),
      h('p', { id: 'handoff-from' }, fromLine(report)),
      h(
        'p',
        { class: 'hint', id: 'handoff-into' },
        cls ? ['Into your class ', nameText(cls.name), '. '] : null,
        'Nothing already in your record is changed: what the file holds is added beside it, and the summary of contacts goes into each child’s notes.',
      ),
      h('ul', { class: 'handoff-children', id: 'handoff-children', 'aria-labelledby': 'receive-handoff-preview-title' }, children.map(childItem)),
      questions ? h('p', { id: 'handoff-questions' }, questions) : null,
      actions(confirm, cancelButton()),
    );
    replace(body, section);
    section.querySelector('h3').focus();
  };

  /**
   * Reads the file for its preview. A wrong passphrase is said at its field (when asked for one).
   * @param {HTMLButtonElement|null} button
   * @param {string|null} typed
   * @param {HTMLFormElement|null} formEl the passphrase form, when the file is encrypted
   */
  const preview = async (button, typed, formEl) => {
    let report;
    try {
      report = await run(button, () => api.receiveHandoff({ passphrase: typed, classId, preview: true }));
    } catch (err) {
      if (formEl && err?.code === 'wrong_passphrase') {
        showErrors(formEl, { code: 'wrong_passphrase', fields: { handoff_passphrase: WRONG_PASSPHRASE } });
        return;
      }
      if (formEl) {
        showAlert(err);
        return;
      }
      // Nothing more can be done with this file: the alert says why, and Close ends it.
      const closeButton = cancelButton('Close');
      replace(body, actions(closeButton));
      showAlert(err, closeButton);
      return;
    }
    passphrase = typed;
    showPreview(report);
  };

  const askPassphrase = () => {
    const show = h('button', { type: 'submit', class: 'button primary', id: 'receive-handoff-open' }, 'Show what it holds');
    const passphraseField = field({
      id: 'handoff_passphrase',
      label: 'One-time passphrase',
      required: true,
      hint: 'The teacher who sent the file gave it to you apart from it, on paper or out loud. Small letters are fine, and the dashes may be left out.',
    });
    const input = passphraseField.querySelector('#handoff_passphrase');
    input.setAttribute('spellcheck', 'false');
    input.setAttribute('autocapitalize', 'characters');
    input.setAttribute('dir', 'ltr');
    const formEl = h(
      'form',
      { class: 'form', id: 'receive-handoff-passphrase-form', novalidate: true, 'aria-labelledby': 'receive-handoff-title' },
      h('p', { id: 'receive-handoff-encrypted' }, 'This file is encrypted. Type its one-time passphrase to see what it holds.'),
      passphraseField,
      actions(show, cancelButton()),
    );
    formEl.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (show.disabled) return;
      clearErrors(formEl);
      replace(alertBox);
      const typed = input.value.trim();
      if (!typed) {
        showErrors(formEl, { code: 'validation', fields: { handoff_passphrase: 'Type the one-time passphrase that came with the file.' } });
        return;
      }
      await preview(show, typed, formEl);
    });
    replace(body, formEl);
    return input;
  };

  let first;
  if (chosen.encrypted) {
    first = askPassphrase();
  } else {
    first = h('p', { class: 'muted', id: 'receive-handoff-reading', tabindex: '-1' }, 'Reading the file…');
    replace(body, first);
  }
  const shown = showDialog(dialog, first, {
    returnTo,
    result: () => received,
    // Once children came in, the student list is drawn again with them.
    after: () => (received ? ctx.refresh('#receive-handoff') : null),
  });
  if (!chosen.encrypted) preview(null, null, null);
  return shown;
}

/**
 * "Receive a handoff…": asks for the file, then opens the receiving dialog. Nothing happens when
 * the teacher cancels the file dialog.
 * @param {object} ctx
 * @param {HTMLButtonElement} button
 * @returns {Promise<object|null>} what was read in, or null
 */
export async function chooseAndReceive(ctx, button) {
  if (button.disabled) return null;
  ctx.clearAlert();
  let chosen;
  try {
    chosen = await whileBusy(button, () => api.chooseHandoff());
  } catch (err) {
    ctx.alert(err);
    return null;
  }
  if (!chosen) return null;
  return openReceive(ctx, chosen, button);
}

/**
 * The Students page's "Receive a handoff…".
 * @param {object} ctx
 * @returns {HTMLButtonElement}
 */
export function receiveButton(ctx) {
  const button = h('button', { type: 'button', class: 'button', id: 'receive-handoff' }, 'Receive a handoff…');
  button.addEventListener('click', () => chooseAndReceive(ctx, button));
  return button;
}
