// The record could not be opened (a damaged disk, a file that is not a Rapport record, a record
// from a newer Rapport). Nothing of the app can be shown, but the automatic backups beside the
// record can: the teacher picks one, or a copy from a USB stick, and Rapport puts it in the
// record's place, keeping the file as it was among the backups, then starts again.

import * as api from '../api.js';
import { h, replace, whileBusy } from '../dom.js';
import { confirmDialog, errorMessage } from './forms.js';
import { backupEntry, restoreButton, takenText } from './backup-settings.js';

/**
 * Fills `main` with what can be done when the record cannot be opened.
 * @param {HTMLElement} main the page's main element
 * @param {any} error why the record could not be opened
 * @param {string|null} dbPath the record's file
 */
export async function renderRecovery(main, error, dbPath) {
  const alert = h('div', { id: 'recovery-alert', role: 'alert' });
  const area = h('div', { id: 'recovery-backups' }, h('p', { class: 'muted' }, 'Looking for backups…'));
  const fromFile = h('button', { type: 'button', class: 'button', id: 'recovery-from-file' }, 'Restore from a file…');
  let restoring = false;

  async function restoreWith(button, question, work) {
    if (restoring || button.disabled) return;
    const yes = await confirmDialog({ ...question, danger: true });
    if (!yes) return;
    replace(alert);
    restoring = true;
    let restored;
    try {
      restored = await whileBusy(button, work);
    } catch (err) {
      replace(alert, h('p', { class: 'callout caution', id: 'recovery-error' }, errorMessage(err)));
      return;
    } finally {
      restoring = false;
    }
    if (!restored) return;
    // The record is open now: start the window again, as if it had just been opened.
    window.location.reload();
  }

  const keptNote = 'The file as it is now is kept among the backups, so nothing is lost.';

  function item(backup) {
    const when = takenText(backup.taken_at);
    const button = restoreButton(when, true);
    button.addEventListener('click', () =>
      restoreWith(
        button,
        {
          title: 'Restore this backup?',
          body: [`Rapport will use the backup from ${when} as your record.`, keptNote],
          confirm: 'Restore this backup',
        },
        () => api.restoreBackup(backup.file_name),
      ),
    );
    return backupEntry(backup, button);
  }

  fromFile.addEventListener('click', () =>
    restoreWith(
      fromFile,
      {
        title: 'Restore from a file?',
        body: ['Choose a backup of your record, for example from a USB stick. Rapport checks it before using it.', keptNote],
        confirm: 'Choose the file',
      },
      () => api.restoreFromFile(),
    ),
  );

  replace(
    main,
    h('h1', { id: 'open-error-title' }, 'Rapport cannot open your record'),
    h('p', { class: 'callout caution', id: 'open-error-message' }, errorMessage(error)),
    dbPath ? h('p', null, 'Your record is this file: ', h('code', { id: 'open-error-path', dir: 'ltr' }, dbPath)) : null,
    h('h2', { id: 'recovery-title' }, 'Start again from a backup'),
    h(
      'p',
      null,
      'Rapport keeps a copy of your record each time it starts after a change. Choose the newest one ' +
        'that is from before the trouble began, or a copy you made yourself.',
    ),
    alert,
    area,
    h('div', { class: 'form-actions' }, fromFile),
    h('p', { class: 'muted' }, 'If none of these helps, keep a copy of the file above and ask whoever looks after this computer.'),
  );

  let listed;
  try {
    listed = await api.listBackups();
  } catch (err) {
    replace(area, h('p', { class: 'callout caution', id: 'recovery-list-error' }, errorMessage(err)));
    return;
  }
  const backups = listed.backups ?? [];
  if (!backups.length) {
    replace(area, h('p', { class: 'muted', id: 'recovery-no-backups' }, 'There are no backups on this computer yet.'));
    return;
  }
  replace(
    area,
    h('ul', { class: 'backup-list', id: 'recovery-list', 'aria-labelledby': 'recovery-title' }, backups.map(item)),
  );
}

/**
 * Fills `main` when another Rapport window has the record open: nothing may be read or restored
 * here (that would swap the file under the other window), only tried again once it is closed.
 * @param {HTMLElement} main the page's main element
 * @param {any} error the in_use error
 * @param {string|null} dbPath the record's file
 */
export function renderInUse(main, error, dbPath) {
  const alert = h('div', { id: 'in-use-alert', role: 'status' });
  const again = h('button', { type: 'button', class: 'button primary', id: 'in-use-again' }, 'Try again');
  again.addEventListener('click', async () => {
    if (again.disabled) return;
    replace(alert);
    let open;
    try {
      open = await whileBusy(again, () => api.openAgain());
    } catch (err) {
      replace(alert, h('p', { class: 'callout caution' }, errorMessage(err)));
      return;
    }
    if (open) {
      window.location.reload();
      return;
    }
    replace(alert, h('p', { class: 'callout caution', id: 'in-use-still' }, 'It is still open in the other window. Close that window, then try again.'));
  });
  replace(
    main,
    h('h1', { id: 'open-error-title' }, 'Your record is open in another window'),
    h('p', { class: 'callout', id: 'open-error-message' }, errorMessage(error)),
    dbPath ? h('p', null, 'Your record is this file: ', h('code', { id: 'open-error-path', dir: 'ltr' }, dbPath)) : null,
    h(
      'p',
      null,
      'Only one Rapport window at a time can keep this record, so that no edit is ever lost. ' +
        'Switch to the other window, or close it and choose Try again.',
    ),
    alert,
    h('div', { class: 'form-actions' }, again),
  );
  again.focus();
}
