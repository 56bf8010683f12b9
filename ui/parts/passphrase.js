// The passphrase fields every protection form shares: a new passphrase typed twice (checked here
// before anything is sent), and a current one. The core checks the length again and says why.

import { h } from '../dom.js';
import { field } from '../views/forms.js';
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
  );
}
