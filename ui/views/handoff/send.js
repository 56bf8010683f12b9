// "Hand over to next year’s teacher…" (Students, for the class; a child's page, for that child)
// lists the class's children to choose (all ticked; from a child's page only that child), says
// what goes in the file and that private notes never do, and saves the handoff file where the
// teacher picks. Once saved it says where and for how many children and, when the record is
// protected, shows the file's one-time passphrase, once, to pass on another way than the file.
// Escape or Cancel closes the dialog, except while the file is being written, and the focus goes
// back to the button that opened it.

import * as api from '../../api.js';
import { h, replace, whileBusy } from '../../dom.js';
import { actions, field, form, onSubmit } from '../forms.js';
import { showDialog } from './dialog.js';
import { CHILDREN_FIELD, WHAT_GOES_IN, chosenText, savedHandoffText } from './words.js';

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

