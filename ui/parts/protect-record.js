// Protecting the record, wherever it is offered (the welcome screen, Settings → Protection): the
// promise said plainly, the passphrase twice, then the recovery key, shown once, with the recovery
// sheet to save and a box to tick before going on.

import * as api from '../api.js';
import { h, replace, whileBusy } from '../dom.js';
import { actions, checkbox, errorMessage, form, onSubmit } from '../views/forms.js';
import { newPassphraseFields, protectionPromise, readNewPassphrase } from './passphrase.js';

/**
 * The recovery key, shown once, with the recovery sheet to save and a box to tick before going on.
 * @param {string} key
 * @param {() => void} done
 */
function recoveryPanel(key, done) {
  const note = h('p', { class: 'muted', id: 'recovery-sheet-note', role: 'status' });
  const save = h('button', { type: 'button', class: 'button primary', id: 'save-recovery-sheet' }, 'Save the recovery sheet…');
  save.addEventListener('click', async () => {
    try {
      const saved = await whileBusy(save, () => api.saveRecoverySheet(key));
      if (saved) replace(note, `Saved to ${saved.path}. Print it, keep it away from the computer, and delete the file.`);
    } catch (err) {
      replace(note, errorMessage(err));
    }
  });
  const kept = checkbox({ id: 'recovery-kept', label: 'I have printed the recovery sheet or written the key down, and put it somewhere safe.' });
  const finish = h('button', { type: 'button', class: 'button', id: 'recovery-done', disabled: true }, 'Done');
  kept.querySelector('input').addEventListener('change', (event) => {
    finish.disabled = !event.target.checked;
  });
  finish.addEventListener('click', done);
  return h(
    'div',
    { class: 'recovery-panel', id: 'recovery-panel', tabindex: '-1', 'aria-labelledby': 'recovery-panel-title' },
    h('h3', { id: 'recovery-panel-title' }, 'The record is protected. Here is its recovery key.'),
    h('p', null, 'If you forget the passphrase, this key opens the record. It is shown only now.'),
    h('p', { class: 'recovery-key', id: 'recovery-key', dir: 'ltr' }, key),
    h('div', { class: 'form-actions' }, save),
    note,
    kept,
    h('div', { class: 'form-actions' }, finish),
  );
}

/**
 * "Protect with a passphrase": the promise said plainly, the passphrase twice, then the recovery
 * key. `done` runs once the teacher has kept the key.
 * @param {object} ctx
 * @param {() => void} done
 * @returns {HTMLElement}
 */
export function protectArea(ctx, done) {
  const area = h('div', { class: 'protect-area', id: 'protect-area' });
  const start = h('button', { type: 'button', class: 'button primary', id: 'protect-start' }, 'Protect with a passphrase…');
  const showForm = () => {
    const formEl = form(
      { id: 'protect-form', 'aria-label': 'Protect the record' },
      protectionPromise(),
      ...newPassphraseFields(ctx.info.passphrase_min_chars ?? 8),
      actions(
        h('button', { type: 'submit', class: 'button primary', id: 'protect-submit' }, 'Protect the record'),
        h('button', { type: 'button', class: 'button', id: 'protect-cancel' }, 'Cancel'),
      ),
    );
    formEl.querySelector('#protect-cancel').addEventListener('click', () => {
      replace(area, start);
      start.focus();
    });
    onSubmit(formEl, async () => {
      const passphrase = readNewPassphrase(formEl);
      const protectedRecord = await api.protectRecord(passphrase);
      await ctx.reloadInfo();
      const panel = recoveryPanel(protectedRecord.recovery_key, done);
      replace(area, panel);
      panel.focus();
      ctx.status(`Protected the record and ${protectedRecord.backups} backup(s).`);
    }, (f) => (f === 'passphrase' ? 'new_passphrase' : f));
    replace(area, formEl);
    formEl.querySelector('#new_passphrase').focus();
  };
  start.addEventListener('click', showForm);
  replace(area, start);
  return area;
}
