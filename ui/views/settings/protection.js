// Settings → Protection: protect the record with a passphrase (parts/protect-record.js, shared with
// the welcome screen); for a protected record, after how many idle minutes the window locks, "Lock
// now", a new passphrase, and removing the protection.

import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { lockWindow } from '../../app-lock.js';
import { actions, field, form, onSubmit, valueOf } from '../forms.js';
import { currentPassphraseField, newPassphraseFields, readNewPassphrase } from '../../parts/passphrase.js';
import { protectArea } from '../../parts/protect-record.js';
import { currentSync } from '../../sync.js';

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
/** While the record syncs: changing its protection takes it out of the sync (the sync's files
 * are sealed as the record was when it began). */
function syncNote() {
  if (!currentSync().status) return null;
  return h(
    'p',
    { class: 'callout caution', id: 'protection-sync-note' },
    'This record syncs with another computer. Protecting it, or removing the protection, stops the sync: afterwards, set it up again under Another computer with a new, empty folder.',
  );
}

export function protectionSection(ctx) {
  const section = h('section', { class: 'settings-group', id: 'protection', 'aria-labelledby': 'protection-title' });
  const title = h('h2', { id: 'protection-title' }, 'Protection');
  if (!ctx.info.protected) {
    replace(
      section,
      title,
      h('p', null, 'Anyone who copies this record or one of its backups can read it. Protect it with a passphrase: the record and its backups are encrypted, and the window locks when you step away.'),
      syncNote(),
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
    syncNote(),
    lockMinutesForm(ctx),
    h('div', { class: 'form-actions' }, lockNow),
    revealed({ id: 'change-passphrase-start' }, 'Change the passphrase…', (close) => changePassphraseForm(ctx, close)),
    revealed({ id: 'unprotect-start' }, 'Remove the protection…', unprotectForm),
  );
  return section;
}
