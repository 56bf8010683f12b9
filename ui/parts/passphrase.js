// The passphrase fields every protection form shares: a new passphrase typed twice (checked here
// before anything is sent), and a current one. The core checks the length again and says why.

import { h, replace, whileBusy } from '../dom.js';
import { errorMessage, field } from '../views/forms.js';
import { RapportError } from '../api.js';

/**
 * "New passphrase" and "Type it again", with the rule and the advice.
 * @param {number} minChars the core's shortest passphrase
 * @returns {HTMLElement[]}
 */
export function newPassphraseFields(minChars) {
  return [
    field({
      id: 'new_passphrase',
      label: 'New passphrase',
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: `At least ${minChars} characters. A few words you will remember are best, for example “maple canoe Tuesday lantern”.`,
    }),
    field({ id: 'new_passphrase_again', label: 'Type it again', type: 'password', required: true, autocomplete: 'new-password' }),
  ];
}

/** "Current passphrase". */
export function currentPassphraseField(label = 'Current passphrase') {
  return field({ id: 'passphrase', label, type: 'password', required: true, autocomplete: 'current-password' });
}

/**
 * The new passphrase typed in `formEl`, or a field error when the two differ or it is empty.
 * @param {HTMLFormElement} formEl
 * @returns {string}
 */
export function readNewPassphrase(formEl) {
  const first = formEl.querySelector('#new_passphrase')?.value ?? '';
  const again = formEl.querySelector('#new_passphrase_again')?.value ?? '';
  if (!first) {
    throw new RapportError({ code: 'validation', message: 'Choose a passphrase.', fields: [{ field: 'new_passphrase', message: 'Choose a passphrase.' }] });
  }
  if (first !== again) {
    throw new RapportError({
      code: 'validation',
      message: 'The two passphrases are not the same.',
      fields: [{ field: 'new_passphrase_again', message: 'The two passphrases are not the same. Type the passphrase again.' }],
    });
  }
  return first;
}

/** What the teacher must know before a record is protected: said plainly, once. */
export function protectionPromise() {
  return h(
    'div',
    { class: 'callout', id: 'protection-promise' },
    h('p', null, 'Rapport will encrypt the record and its backups. To open it you will need the passphrase, or the recovery key that Rapport shows once and prints on a recovery sheet.'),
    h('p', null, h('strong', null, 'Without both, nobody can open the record: not you, not the school, not the makers of Rapport.')),
    h('p', null, 'Copies you saved elsewhere before (on a USB stick, for example) stay as they were: delete them, and save a new, protected copy.'),
  );
}

/**
 * Asks for a passphrase in a modal dialog and hands it to `submit`; a wrong one is said in the
 * dialog, which stays open for another try. Resolves with what `submit` resolved with, or null
 * when the teacher cancels (Escape or Cancel).
 * @param {{title: string, body: string, confirm: string, submit: (passphrase: string) => Promise<any>}} o
 * @returns {Promise<any>}
 */
export function askPassphrase({ title, body, confirm, submit }) {
  const returnTo = document.activeElement;
  const alertBox = h('div', { class: 'form-alert', role: 'alert', id: 'ask-passphrase-alert' });
  const passphrase = field({ id: 'ask_passphrase', label: 'Passphrase', type: 'password', required: true, autocomplete: 'current-password' });
  const ok = h('button', { type: 'submit', class: 'button primary', id: 'ask-passphrase-submit' }, confirm);
  const cancel = h('button', { type: 'button', class: 'button', id: 'ask-passphrase-cancel' }, 'Cancel');
  const formEl = h('form', { class: 'form', novalidate: true }, h('h2', { id: 'ask-passphrase-title' }, title), h('p', null, body), alertBox, passphrase, h('div', { class: 'form-actions' }, ok, cancel));
  const dialog = h('dialog', { id: 'ask-passphrase-dialog', class: 'dialog', 'aria-labelledby': 'ask-passphrase-title' }, formEl);
  document.body.append(dialog);
  return new Promise((resolve) => {
    let result = null;
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
      resolve(result);
    });
    cancel.addEventListener('click', () => dialog.close());
    formEl.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (ok.disabled) return;
      replace(alertBox);
      try {
        result = await whileBusy(ok, () => submit(formEl.querySelector('#ask_passphrase').value));
        dialog.close();
      } catch (err) {
        replace(alertBox, h('p', null, errorMessage(err)));
        formEl.querySelector('#ask_passphrase').focus();
      }
    });
    dialog.showModal();
    formEl.querySelector('#ask_passphrase').focus();
  });
}
