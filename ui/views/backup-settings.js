// Backups in Settings: where Rapport keeps its automatic copies of the record, "Back up now" to a
// file the teacher picks (a USB stick), and restoring either one of the copies or a file the
// teacher picks. Restoring asks first; the record as it was is kept among the backups, and the
// whole window reads its data again afterwards. A backup taken before a child was removed for good
// is marked, since it still holds that child's record.

import * as api from '../api.js';
import { h, replace, whileBusy } from '../dom.js';
import { actions, confirmDialog, errorMessage } from './forms.js';
import { askPassphrase } from '../parts/passphrase.js';

const KB = 1024;
const MB = 1024 * 1024;

/** A backup's moment ("2025-04-11T18:02:00Z") in the teacher's local date and time. */
export function takenText(moment) {
  const d = new Date(moment);
  return Number.isNaN(d.getTime()) ? String(moment ?? '') : d.toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
}

/** A file size as whole kilobytes, rounded up ("148 KB"). */
function kbText(bytes) {
  return `${Math.ceil((bytes ?? 0) / KB)} KB`;
}

/** A file size for the list: kilobytes below a megabyte, else megabytes to one decimal. */
function sizeText(bytes) {
  return bytes < MB ? kbText(bytes) : `${(bytes / MB).toFixed(1)} MB`;
}

/** Why a backup is marked "Holds a child removed for good". */
const PURGE_NOTE = 'Made before a child was removed for good: it still holds their record. Delete this copy if it should go too.';

/** Said before restoring a copy that still holds a child removed for good. */
const REMOVED_AGAIN_NOTE = 'This copy still holds a child removed for good. Rapport removes them again as it restores it.';

/** What the status says of children removed for good that a restore cleared again. */
export function removedAgainText(count) {
  if (!count) return '';
  return count === 1
    ? ' A child removed for good after this copy was made was removed again.'
    : ` ${count} children removed for good after this copy was made were removed again.`;
}

/** "The record as it is now is kept…": the second paragraph of every restore question. */
const KEPT_FIRST = 'The record as it is now is kept as a backup first, so you can go back.';

/**
 * A "Restore" button for the backup taken `when`, named in full for screen readers.
 * @param {string} when
 * @param {boolean} [primary] the main action of its screen
 * @returns {HTMLButtonElement}
 */
export function restoreButton(when, primary = false) {
  return h(
    'button',
    { type: 'button', class: primary ? 'button small primary restore-backup' : 'button small restore-backup' },
    'Restore',
    h('span', { class: 'visually-hidden' }, ` the backup from ${when}`),
  );
}

/**
 * A backup in a list: when it was taken, its kind, whether it still holds a child removed for
 * good, its size, and `actions`.
 * @param {{file_name: string, taken_at: string, kind: string, bytes: number, predates_purge?: boolean}} backup
 * @param {...(HTMLElement|null)} actions
 * @returns {HTMLLIElement}
 */
export function backupEntry(backup, ...actions) {
  return h(
    'li',
    { class: 'backup', dataset: { fileName: backup.file_name } },
    h(
      'p',
      { class: 'backup-what' },
      h('time', { class: 'backup-when', datetime: backup.taken_at }, takenText(backup.taken_at)),
      backup.kind === 'before_restore' ? [' ', h('span', { class: 'backup-kind muted' }, 'Before a restore')] : null,
      backup.predates_purge
        ? [
            ' ',
            h('span', { class: 'backup-purge muted', title: PURGE_NOTE }, 'Holds a child removed for good'),
            h('span', { class: 'visually-hidden' }, `. ${PURGE_NOTE}`),
          ]
        : null,
    ),
    h('p', { class: 'backup-size' }, sizeText(backup.bytes)),
    h('div', { class: 'backup-actions' }, actions),
  );
}

/**
 * Reads the backups the section lists first. Read with the rest of Settings, so that the page is
 * drawn at once and nothing below it jumps.
 * @returns {Promise<{folder?: string, backups?: object[], error?: any}>}
 */
export async function readBackups() {
  try {
    return await api.listBackups();
  } catch (error) {
    return { error };
  }
}

/**
 * The Backups section for Settings.
 * @param {object} ctx
 * @param {{folder?: string, backups?: object[], error?: any}} listed what readBackups() gave
 * @returns {HTMLElement} section#backups
 */
/**
 * Restores a file the teacher picks. A protected copy from another computer (its key file beside
 * it) asks for the passphrase it was protected with; the record is then protected by it, and the
 * window starts again with its lock. Resolves with what was restored, or null.
 */
async function restoreChosenFile() {
  try {
    return await api.restoreFromFile();
  } catch (err) {
    if (err?.code !== 'needs_passphrase') throw err;
    const restored = await askPassphrase({
      title: 'This copy is protected',
      body: err.message,
      confirm: 'Restore the copy',
      submit: (passphrase) => api.restoreProtectedFile(passphrase),
    });
    if (restored) window.location.reload();
    return null;
  }
}

export function renderBackupSettings(ctx, listed) {
  /** A restore is running: other Restore buttons wait for it. */
  let restoring = false;
  const intro = h('p', { id: 'backups-intro' });
  const list = h('div', { class: 'backup-list-area', id: 'backup-list-area' });
  const backUpButton = h('button', { type: 'button', class: 'button primary', id: 'back-up-now' }, 'Back up now…');
  const fromFileButton = h('button', { type: 'button', class: 'button', id: 'restore-from-file' }, 'Restore from a file…');

  /**
   * Restores after asking: `work` calls the core. Then the window reads everything again and the
   * page is drawn anew, with the new list of backups.
   * @param {HTMLButtonElement} button
   * @param {{title: string, body: any[], confirm: string}} question
   * @param {() => Promise<{students: number, kept: string, removed_again: number}|null>} work
   */
  async function restoreWith(button, question, work) {
    if (restoring || button.disabled) return;
    const yes = await confirmDialog({ ...question, danger: true });
    if (!yes) return;
    ctx.clearAlert();
    restoring = true;
    let restored;
    try {
      restored = await whileBusy(button, work);
    } catch (err) {
      ctx.alert(err);
      return;
    } finally {
      restoring = false;
    }
    if (!restored) return;
    try {
      await ctx.reloadInfo();
      const students = restored.students === 1 ? '1 student' : `${restored.students} students`;
      ctx.status(`Restored: ${students}. The record as it was is kept in ${restored.kept}.${removedAgainText(restored.removed_again)}`);
      await ctx.refresh('#backups-title');
    } catch (err) {
      ctx.alert(err);
    }
  }

  function backupItem(backup) {
    const when = takenText(backup.taken_at);
    const restore = restoreButton(when);
    restore.addEventListener('click', () =>
      restoreWith(
        restore,
        {
          title: 'Restore this backup?',
          body: [`Your record will be replaced by the backup from ${when}.`, KEPT_FIRST, backup.predates_purge ? REMOVED_AGAIN_NOTE : null].filter(Boolean),
          confirm: 'Restore this backup',
        },
        () => api.restoreBackup(backup.file_name),
      ),
    );
    return backupEntry(backup, restore, backup.predates_purge ? deleteButton(backup, when) : null);
  }

  /**
   * "Delete this copy", for a backup that still holds a child removed for good.
   * @param {{file_name: string}} backup
   * @param {string} when the backup's date and time, as shown
   */
  function deleteButton(backup, when) {
    const button = h(
      'button',
      { type: 'button', class: 'button small subtle danger delete-backup' },
      'Delete this copy',
      h('span', { class: 'visually-hidden' }, ` from ${when}`),
    );
    button.addEventListener('click', async () => {
      if (restoring || button.disabled) return;
      const yes = await confirmDialog({
        title: 'Delete this backup?',
        body: [`The backup from ${when} still holds the record of a child you removed for good. Deleting it cannot be undone.`],
        confirm: 'Delete this copy',
        danger: true,
      });
      if (!yes) return;
      ctx.clearAlert();
      try {
        await whileBusy(button, () => api.deleteBackup(backup.file_name));
      } catch (err) {
        ctx.alert(err);
        return;
      }
      ctx.status(`The backup from ${when} was deleted.`);
      draw(await readBackups());
      // The button is gone with the old list: keyboard focus goes back to the section.
      document.getElementById('backups-title')?.focus();
    });
    return button;
  }

  /** The intro and the list, as `loaded` has them. */
  function draw(loaded) {
    replace(
      intro,
      'Rapport keeps a copy of your record each time it starts after a change: one for each of the last 7 days, 4 weeks and 12 months. ',
      loaded.folder
        ? ['Copies stay on this computer, in ', h('code', { class: 'path', id: 'backups-folder', dir: 'ltr' }, loaded.folder), '. ']
        : 'Copies stay on this computer, beside your record. ',
      'To keep a copy somewhere else, such as a USB stick, use Back up now.',
    );
    const backups = loaded.backups ?? [];
    if (loaded.error) {
      replace(list, h('p', { class: 'callout caution', id: 'backups-error' }, errorMessage(loaded.error)));
    } else if (!backups.length) {
      replace(list, h('p', { class: 'muted', id: 'no-backups' }, 'No backups yet. Rapport takes the first one the next time it starts after a change.'));
    } else {
      replace(
        list,
        h('h3', { id: 'backup-list-title' }, 'Copies on this computer'),
        h('ul', { class: 'backup-list', id: 'backup-list', 'aria-labelledby': 'backup-list-title' }, backups.map(backupItem)),
      );
    }
  }

  backUpButton.addEventListener('click', async () => {
    if (backUpButton.disabled) return;
    ctx.clearAlert();
    let saved;
    try {
      saved = await whileBusy(backUpButton, () => api.backUpNow());
    } catch (err) {
      ctx.alert(err);
      return;
    }
    if (!saved) return;
    ctx.status(`Backed up to ${saved.path} (${kbText(saved.bytes)}).`);
    draw(await readBackups());
  });

  fromFileButton.addEventListener('click', () =>
    restoreWith(
      fromFileButton,
      {
        title: 'Restore a backup file?',
        body: ['Your record will be replaced by the backup in the file you choose next.', KEPT_FIRST],
        confirm: 'Choose the file…',
      },
      restoreChosenFile,
    ),
  );

  draw(listed);
  return h(
    'section',
    { class: 'settings-group backups', id: 'backups', 'aria-labelledby': 'backups-title' },
    h('h2', { id: 'backups-title', tabindex: '-1' }, 'Backups'),
    intro,
    actions(backUpButton, fromFileButton),
    list,
  );
}
