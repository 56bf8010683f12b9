// The locked screen: the record is protected and closed. No record data is in the page (the window
// is started afresh after locking). The passphrase opens it; "Forgot the passphrase?" takes the
// recovery key from the sheet and a new passphrase. After repeated wrong tries the core makes the
// next one wait, and the button counts the seconds down.

import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { actions, form, onSubmit, valueOf, field } from './forms.js';
import { currentPassphraseField, newPassphraseFields, readNewPassphrase } from '../parts/passphrase.js';

/**
 * Keeps `button` disabled while the core asks to wait, with the seconds left on it.
 * @param {HTMLButtonElement} button
 * @param {number} seconds
 */
function waitOn(button, seconds) {
  const label = button.textContent;
  let left = seconds;
  const tick = () => {
    if (!button.isConnected) return;
    if (left <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.disabled = true;
    button.textContent = `Try again in ${left} s`;
    left -= 1;
    setTimeout(tick, 1000);
  };
  // After the failed try's own busy state is over.
  setTimeout(tick, 0);
}

/** Submits `formEl` with `work`; on success starts the window again, unlocked. */
function unlockWith(formEl, work) {
  onSubmit(formEl, async () => {
    try {
      await work();
    } catch (err) {
      if (err?.retryAfter) waitOn(formEl.querySelector('button[type="submit"]'), err.retryAfter);
      // The passphrase was right but the record will not open (damaged): the window starts
      // again on the recovery screen, which restores a backup in its place.
      const info = await api.appInfo().catch(() => null);
      if (info?.open_error && info.open_error.code !== 'locked') {
        window.location.reload();
        return;
      }
      throw err;
    }
    window.location.reload();
  });
}

function passphraseForm(showRecovery) {
  const formEl = form(
    { id: 'unlock-form', 'aria-labelledby': 'lock-title' },
    currentPassphraseField('Passphrase'),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'unlock' }, 'Unlock'),
      h('button', { type: 'button', class: 'button subtle', id: 'forgot-passphrase' }, 'Forgot the passphrase?'),
    ),
  );
  formEl.querySelector('#forgot-passphrase').addEventListener('click', showRecovery);
  unlockWith(formEl, () => api.unlock(valueOf(formEl, 'passphrase')));
  return formEl;
}

function recoveryForm(minChars, showPassphrase) {
  const formEl = form(
    { id: 'recovery-key-form', 'aria-labelledby': 'recovery-key-title' },
    h('h2', { id: 'recovery-key-title' }, 'Use the recovery key'),
    h('p', null, 'Type the recovery key from the recovery sheet you printed when you protected the record, then choose a new passphrase. Nothing in the record is lost.'),
    field({
      id: 'recovery_key',
      label: 'Recovery key',
      hint: 'Eight groups of five letters and digits. Dashes and spaces may be left out.',
      autocomplete: 'off',
      names: false,
    }),
    ...newPassphraseFields(minChars),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'recover' }, 'Set the new passphrase and unlock'),
      h('button', { type: 'button', class: 'button', id: 'back-to-passphrase' }, 'Back'),
    ),
  );
  formEl.querySelector('#recovery_key').setAttribute('spellcheck', 'false');
  formEl.querySelector('#back-to-passphrase').addEventListener('click', showPassphrase);
  unlockWith(formEl, () => {
    const next = readNewPassphrase(formEl);
    return api.unlockWithRecoveryKey(valueOf(formEl, 'recovery_key'), next);
  });
  return formEl;
}

/**
 * Fills `main` with the locked screen.
 * @param {HTMLElement} main
 * @param {{db_path?: string, passphrase_min_chars?: number}} info
 */
export function renderLock(main, info) {
  document.title = 'Rapport is locked';
  main.classList.add('locked');
  const area = h('div', { id: 'lock-area' });
  const showPassphrase = () => {
    replace(area, passphraseForm(showRecovery));
    area.querySelector('#passphrase').focus();
  };
  const showRecovery = () => {
    replace(area, recoveryForm(info.passphrase_min_chars ?? 8, showPassphrase));
    area.querySelector('#recovery_key').focus();
  };
  replace(
    main,
    h(
      'section',
      { class: 'page lock', id: 'lock' },
      h('h1', { id: 'lock-title' }, 'Rapport is locked'),
      h('p', { class: 'lead' }, 'Your record is protected. Type your passphrase to open it.'),
      area,
      info.db_path ? h('p', { class: 'muted' }, 'Record: ', h('code', { class: 'path', dir: 'ltr' }, info.db_path)) : null,
    ),
  );
  showPassphrase();
}
