// Protection (Settings, and offered on the welcome screen): protect the record with a passphrase,
// then see the recovery key once and save the recovery sheet; for a protected record, after how
// many idle minutes the window locks, "Lock now", a new passphrase, and removing the protection.

import * as api from '../../api.js';
import { h, replace, whileBusy } from '../../dom.js';
import { lockWindow } from '../../app-lock.js';
import { actions, checkbox, errorMessage, field, form, onSubmit, valueOf } from '../forms.js';
import { currentPassphraseField, newPassphraseFields, protectionPromise, readNewPassphrase } from '../../parts/passphrase.js';

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

/** After how many minutes without use the window locks. */
function lockMinutesForm(ctx) {
  const s = ctx.info.settings ?? {};
  const formEl = form(
    { id: 'lock-minutes-form', 'aria-label': 'When the window locks' },
    field({
      id: 'lock_minutes',
      label: 'Lock after this many minutes without use',
      type: 'number',
      value: String(s.lock_minutes ?? 10),
      hint: 'The window also locks when the computer wakes from sleep, and with “Lock now” (Alt+K).',
    }),
    actions(h('button', { type: 'submit', class: 'button', id: 'save-lock-minutes' }, 'Save')),
  );
  onSubmit(formEl, async () => {
    const minutes = Number.parseInt(valueOf(formEl, 'lock_minutes'), 10);
    await api.saveSettings({ ...ctx.info.settings, lock_minutes: Number.isFinite(minutes) ? minutes : 0 });
    await ctx.reloadInfo();
    ctx.status('Saved.');
  });
  return formEl;
}

/** A form revealed by a button, for the less common changes. */
function revealed(buttonAttrs, label, build) {
  const area = h('div');
  const button = h('button', { type: 'button', class: 'button', ...buttonAttrs }, label);
  const close = () => {
    replace(area, button);
    button.focus();
  };
  button.addEventListener('click', () => {
    const formEl = build(close);
    replace(area, formEl);
    formEl.querySelector('input')?.focus();
  });
  replace(area, button);
  return area;
}

function changePassphraseForm(ctx, close) {
  const formEl = form(
    { id: 'change-passphrase-form', 'aria-label': 'Change the passphrase' },
    currentPassphraseField(),
    ...newPassphraseFields(ctx.info.passphrase_min_chars ?? 8),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'change-passphrase-submit' }, 'Change the passphrase'),
      h('button', { type: 'button', class: 'button', id: 'change-passphrase-cancel' }, 'Cancel'),
    ),
  );
  formEl.querySelector('#change-passphrase-cancel').addEventListener('click', close);
  onSubmit(formEl, async () => {
    const next = readNewPassphrase(formEl);
    await api.changePassphrase(valueOf(formEl, 'passphrase'), next);
    ctx.status('The passphrase is changed. The recovery key stays the same.');
    close();
  }, (f) => (f === 'passphrase' ? 'new_passphrase' : f));
  return formEl;
}

function unprotectForm(close) {
  const formEl = form(
    { id: 'unprotect-form', 'aria-label': 'Remove the protection' },
    h('p', { class: 'callout caution' }, 'The record and its backups will be plain files again: anyone who copies one can read every child’s notes. The recovery sheet will open nothing.'),
    currentPassphraseField('Passphrase, to confirm'),
    actions(
      h('button', { type: 'submit', class: 'button danger', id: 'unprotect-submit' }, 'Remove the protection'),
      h('button', { type: 'button', class: 'button', id: 'unprotect-cancel' }, 'Cancel'),
    ),
  );
  formEl.querySelector('#unprotect-cancel').addEventListener('click', close);
  onSubmit(formEl, async () => {
    await api.unprotectRecord(valueOf(formEl, 'passphrase'));
    // Start again as a plain record: no lock, no lock button.
    window.location.reload();
  });
  return formEl;
}

/**
 * The Protection group of Settings.
 * @param {object} ctx
 * @returns {HTMLElement}
 */
export function protectionSection(ctx) {
  const section = h('section', { class: 'settings-group', id: 'protection', 'aria-labelledby': 'protection-title' });
  const title = h('h2', { id: 'protection-title' }, 'Protection');
  if (!ctx.info.protected) {
    replace(
      section,
      title,
      h('p', null, 'Anyone who copies this record or one of its backups can read it. Protect it with a passphrase: the record and its backups are encrypted, and the window locks when you step away.'),
      protectArea(ctx, () => window.location.reload()),
    );
    return section;
  }
  const lockNow = h('button', { type: 'button', class: 'button', id: 'settings-lock-now' }, 'Lock now');
  lockNow.addEventListener('click', () => lockWindow());
  replace(
    section,
    title,
    h('p', { id: 'protection-state' }, 'This record is protected: it and its backups are encrypted, and only your passphrase or the recovery key opens them.'),
    lockMinutesForm(ctx),
    h('div', { class: 'form-actions' }, lockNow),
    revealed({ id: 'change-passphrase-start' }, 'Change the passphrase…', (close) => changePassphraseForm(ctx, close)),
    revealed({ id: 'unprotect-start' }, 'Remove the protection…', unprotectForm),
  );
  return section;
}
