// "Receive a handoff…" (Students) asks for a handoff file, for its one-time passphrase when it is
// encrypted (a wrong one is said at the field, for another try), shows what it holds child by
// child (matched on the school's id to a child already in the class, or new), and reads it into
// the class; nothing already there is changed. The student list is drawn again once it is in.
// Escape or Cancel closes the dialog, except while the file is being read.

import * as api from '../../api.js';
import { h, nameText, replace, whileBusy } from '../../dom.js';
import { mediumDate } from '../../format.js';
import { actions, clearErrors, errorMessage, field, form, showErrors } from '../forms.js';
import { showDialog } from './dialog.js';
import {
  WRONG_PASSPHRASE,
  childSummary,
  matchText,
  questionsText,
  receiveLabel,
  receivedText,
} from './words.js';

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

