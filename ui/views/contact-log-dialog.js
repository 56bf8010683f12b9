// The contact-log report: a modal <dialog> that saves a documented log of parent contact for a
// student support meeting, an IEP/504 meeting or the principal — every contact, follow-up and
// concern of one child (their page: "Contact log…") or of a class (Students: "Class contact
// log…"). The teacher picks a period (either end may stay empty), whether private entries go in
// (they are marked in the report) and a PDF to print or a CSV for a spreadsheet; Rust asks where
// to save it. Once saved the dialog closes and the status line says where the report went; a
// failure (the period ends before it starts) is said in the dialog, which stays open. Escape or
// Cancel closes it, and the focus goes back to the button that opened it. Also offered in an
// archived class: it is read only, but its reports still print.

import * as api from '../api.js';
import { h, nameText } from '../dom.js';
import { plural } from '../format.js';
import { actions, checkbox, checkedOf, field, form, onSubmit, radioGroup, radioOf, valueOf } from './forms.js';

/**
 * The status once the report is saved: "Saved the contact log (12 entries, the whole record) to
 * PATH."
 * @param {{path: string, entries: number, period: string}} saved what saveContactLog resolved with
 * @returns {string}
 */
export function savedLogText(saved) {
  const entries = plural(Number(saved?.entries) || 0, 'entry', 'entries');
  const period = saved?.period ? `, ${saved.period}` : '';
  return `Saved the contact log (${entries}${period}) to ${saved?.path ?? ''}.`;
}

/**
 * What the dialog's fields ask for, as saveContactLog takes it (empty dates are no bound).
 * @param {{from?: string, to?: string, includePrivate?: boolean, format?: string}} values
 * @param {{studentId?: string|null, classId?: string|null}} of
 */
export function logRequest({ from = '', to = '', includePrivate = false, format = 'pdf' }, { studentId = null, classId = null }) {
  return {
    studentId: studentId ?? null,
    classId: studentId == null ? (classId ?? null) : null,
    from: from || null,
    to: to || null,
    includePrivate: Boolean(includePrivate),
    csv: format === 'csv',
  };
}

/** The core's field names for the period, mapped to the dialog's controls. */
const FIELD_IDS = { from: 'log_from', to: 'log_to' };

/**
 * Opens the contact-log dialog for a child or a class.
 * @param {object} ctx the app context (ctx.status)
 * @param {{studentId?: string|null, classId?: string|null, name: string}} of whose log, and the
 *   name shown in the title
 * @returns {Promise<{path: string, entries: number, period: string}|null>} the report saved, or
 *   null when closed without one
 */
export function openContactLog(ctx, { studentId = null, classId = null, name }) {
  const existing = document.getElementById('contact-log-dialog');
  if (existing) existing.remove();
  const returnTo = document.activeElement;

  const save = h('button', { type: 'submit', class: 'button primary', id: 'save-contact-log' }, 'Save the report…');
  const cancel = h('button', { type: 'button', class: 'button', id: 'cancel-contact-log' }, 'Cancel');
  const formEl = form(
    { id: 'contact-log-form', 'aria-labelledby': 'contact-log-title' },
    h(
      'p',
      { class: 'hint', id: 'contact-log-intro' },
      'Every contact with the family, the follow-ups and how they ended, the concerns with their possible causes, and what was tried and agreed.',
    ),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'log_from', label: 'From', type: 'date', hint: 'Optional: empty starts at the first entry.' }),
      field({ id: 'log_to', label: 'To', type: 'date', hint: 'Optional: empty goes to the latest entry.' }),
    ),
    checkbox({
      id: 'log_private',
      label: 'Include private entries',
      checked: false,
      hint: 'Private entries are left out unless you tick this; included, each is marked private in the report.',
    }),
    radioGroup({
      name: 'log_format',
      legend: 'Save as',
      value: 'pdf',
      options: [
        { value: 'pdf', label: 'PDF to print' },
        { value: 'csv', label: 'CSV for a spreadsheet' },
      ],
    }),
    actions(save, cancel),
  );
  const dialog = h(
    'dialog',
    { id: 'contact-log-dialog', class: 'dialog', 'aria-labelledby': 'contact-log-title', 'aria-describedby': 'contact-log-intro' },
    h('h2', { id: 'contact-log-title' }, 'Contact log for ', nameText(name)),
    formEl,
  );

  let saved = null;
  cancel.addEventListener('click', () => dialog.close());
  // While the report is being written (and Rust's save dialog is open) Escape leaves it be: the
  // answer would have nowhere to go.
  dialog.addEventListener('cancel', (event) => {
    if (save.disabled) event.preventDefault();
  });

  onSubmit(
    formEl,
    async () => {
      const request = logRequest(
        {
          from: valueOf(formEl, 'log_from'),
          to: valueOf(formEl, 'log_to'),
          includePrivate: checkedOf(formEl, 'log_private'),
          format: radioOf(formEl, 'log_format'),
        },
        { studentId, classId },
      );
      const result = await api.saveContactLog(request);
      // Cancelled in the save dialog: stay here, to change something or to close.
      if (!result) return;
      saved = result;
      dialog.close();
      ctx.status(savedLogText(result));
    },
    (f) => FIELD_IDS[f] ?? f,
  );

  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
      resolve(saved);
    });
    dialog.showModal();
    formEl.querySelector('#log_from').focus();
  });
}
