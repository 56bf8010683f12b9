// Settings → Another computer: one record at school and at home, kept in step through a folder
// (a USB stick, or a folder OneDrive, Google Drive or Dropbox keeps in step). While the record
// does not sync: what it does, and "Use this record on another computer…", then where the first
// copy went and what to do on the other computer. While it syncs: the folder, how the sync
// stands, Sync now, Stop syncing, what went wrong in the last sync, and "Changed on both
// computers" with a choice for each. When it runs and its words: ui/sync.js.

import * as api from '../../api.js';
import { h, nameText, replace, whileBusy } from '../../dom.js';
import { momentText } from '../../format.js';
import { currentSync, onSyncChange, refreshSyncStatus, syncLine, syncNow, syncStarted, syncStopped, syncTrouble } from '../../sync.js';
import { actions, confirmDialog, errorMessage } from '../forms.js';

/**
 * Reads how the sync stands and what was changed on both computers, with the rest of Settings.
 * @returns {Promise<{status?: any, conflicts?: object[], error?: any}>}
 */
export async function readSync() {
  try {
    const status = await api.syncStatus();
    return { status, conflicts: status ? await api.syncConflicts() : [] };
  } catch (error) {
    return { error };
  }
}

/** A value as the conflict list shows it: an empty one is said so. */
function valueText(text) {
  return text === '' || text == null ? '(empty)' : nameText(text);
}

/** What to do on the other computer, once the first copy is in the folder. */
function startedNote(status) {
  return h(
    'div',
    { class: 'callout sync-started', id: 'sync-started', tabindex: '-1' },
    h('p', null, 'The first copy of this record is in this folder now.'),
    h(
      'p',
      null,
      'On the other computer, install Rapport. On its welcome screen, choose “Open a record from another computer” and pick the same folder there (the USB stick, or the folder OneDrive, Google Drive or Dropbox keeps in step).',
      status.encrypted ? ' It asks for this record’s passphrase.' : null,
    ),
  );
}

/** The last sync's trouble, as a message that is read out: the title and each of the core's sentences. */
function troubleBox(trouble) {
  if (!trouble) return null;
  return h(
    'div',
    { class: 'callout caution sync-trouble', id: 'sync-trouble', role: 'alert' },
    h('p', { class: 'callout-title' }, trouble.title),
    trouble.lines.length ? h('ul', null, trouble.lines.map((line) => h('li', null, line))) : null,
  );
}

/**
 * The "Another computer" group of Settings.
 * @param {object} ctx
 * @param {{status?: any, conflicts?: object[], error?: any}} read what readSync() gave
 * @returns {HTMLElement} section#sync
 */
export function syncSection(ctx, read) {
  const section = h('section', { class: 'settings-group sync', id: 'sync', 'aria-labelledby': 'sync-title' });
  const title = () => h('h2', { id: 'sync-title', tabindex: '-1' }, 'Another computer');
  /** Stops the in-place updates of the last drawing. */
  let unwatch = () => {};

  function drawOff() {
    unwatch();
    const start = h('button', { type: 'button', class: 'button primary', id: 'start-sync' }, 'Use this record on another computer…');
    start.addEventListener('click', async () => {
      if (start.disabled) return;
      ctx.clearAlert();
      let status;
      try {
        status = await whileBusy(start, () => api.startSync());
      } catch (err) {
        ctx.alert(err);
        return;
      }
      if (!status) return;
      drawOn(status, [], true);
      syncStarted(status);
      section.querySelector('#sync-started')?.focus();
    });
    replace(
      section,
      title(),
      h(
        'p',
        { id: 'sync-intro' },
        'Work on this record at school and at home. Pick a USB stick, or a folder that OneDrive, Google Drive or Dropbox keeps in step on both computers. ',
        'The folder holds the changes, never the live record, and nothing leaves this computer except into that folder.',
      ),
      actions(start),
    );
  }

  /**
   * @param {any} status
   * @param {object[]|{error: any}} conflicts
   * @param {boolean} [started] the sync was just set up: say what to do on the other computer
   */
  function drawOn(status, conflicts, started = false) {
    unwatch();
    const line = h('p', { class: 'sync-line', id: 'sync-line' }, syncLine(status, new Date()));
    const troubleArea = h('div');
    let troubleShown = '';
    const showTrouble = (state) => {
      const trouble = syncTrouble(state.report, state.error);
      const key = JSON.stringify(trouble);
      if (key === troubleShown) return;
      troubleShown = key;
      replace(troubleArea, troubleBox(trouble));
    };
    showTrouble(currentSync());

    const now = h('button', { type: 'button', class: 'button', id: 'settings-sync-now' }, 'Sync now');
    now.addEventListener('click', () => {
      if (!now.disabled) whileBusy(now, syncNow);
    });
    const stop = h('button', { type: 'button', class: 'button', id: 'stop-sync' }, 'Stop syncing…');
    stop.addEventListener('click', () => stopSyncing(stop));

    const conflictArea = h('div', { class: 'conflict-area', id: 'conflict-area' });
    drawConflicts(conflictArea, conflicts);

    replace(
      section,
      title(),
      h('p', null, 'This record syncs with another computer through ', h('code', { class: 'path', id: 'sync-folder', dir: 'ltr' }, status.folder), '.'),
      started ? startedNote(status) : null,
      line,
      troubleArea,
      actions(now, stop),
      h('h3', { id: 'conflicts-title', tabindex: '-1' }, 'Changed on both computers'),
      conflictArea,
    );

    // A sync in the background (or the passing minutes) updates the line and the trouble here.
    const stopWatching = onSyncChange((state) => {
      if (!section.isConnected) {
        stopWatching();
        return;
      }
      if (!state.status) return;
      const text = syncLine(state.status, new Date());
      if (line.textContent !== text) line.textContent = text;
      showTrouble(state);
    });
    unwatch = stopWatching;
  }

  async function stopSyncing(button) {
    if (button.disabled) return;
    const yes = await confirmDialog({
      title: 'Stop syncing?',
      body: [
        'This computer keeps the record as it is, and stops sending and receiving changes. The folder and the other computer’s record stay as they are.',
        'Changes made here since the last sync do not reach the other computer. To sync again, set it up again with an empty folder.',
      ],
      confirm: 'Stop syncing',
      danger: true,
    });
    if (!yes) return;
    ctx.clearAlert();
    try {
      await whileBusy(button, () => api.stopSync());
    } catch (err) {
      ctx.alert(err);
      return;
    }
    syncStopped();
    drawOff();
    ctx.status('This record no longer syncs with another computer.');
    section.querySelector('#sync-title')?.focus();
  }

  /**
   * The conflicts, each with its choice; an empty list says so.
   * @param {HTMLElement} area
   * @param {object[]|{error: any}} conflicts
   */
  function drawConflicts(area, conflicts) {
    if (!Array.isArray(conflicts)) {
      replace(area, h('p', { class: 'callout caution', id: 'conflicts-error' }, errorMessage(conflicts.error)));
    } else if (!conflicts.length) {
      replace(area, h('p', { class: 'muted', id: 'no-conflicts' }, 'Nothing was changed on both computers.'));
    } else {
      replace(
        area,
        h('p', { id: 'conflicts-intro' }, 'These were changed on both computers before they synced, and Rapport kept one change of each. Check each one.'),
        h('ul', { class: 'conflict-list', id: 'conflict-list', 'aria-labelledby': 'conflicts-title' }, conflicts.map((c) => conflictItem(area, c))),
      );
    }
  }

  /** One conflict: who and what, the value kept and the other one, and the choice. */
  function conflictItem(area, conflict) {
    const whatId = `conflict-${conflict.id}-what`;
    const button = (label, cls, takeOther) => {
      const b = h('button', { type: 'button', class: `button small ${cls}`, 'aria-describedby': whatId }, label);
      b.addEventListener('click', () => settle(area, b, conflict, takeOther));
      return b;
    };
    const what = h(
      'p',
      { class: 'conflict-what', id: whatId },
      conflict.student ? [h('strong', null, nameText(conflict.student)), ': '] : null,
      nameText(conflict.thing),
      conflict.field ? [' · ', conflict.field] : null,
    );
    const when = h('p', { class: 'conflict-when muted' }, 'Found ', h('time', { datetime: conflict.seen_at }, momentText(conflict.seen_at)));
    const body =
      conflict.kind === 'edit_over_delete'
        ? [
            h('p', null, 'Deleted on one computer and changed on the other: the change was kept.'),
            actions(button('OK', 'conflict-ok', false)),
          ]
        : [
            h('p', { class: 'conflict-kept' }, 'Kept: ', valueText(conflict.kept)),
            h('p', { class: 'conflict-other' }, conflict.other_is_theirs ? 'The other computer had: ' : 'This computer had: ', valueText(conflict.other)),
            actions(
              button('Keep this', 'keep-this', false),
              conflict.can_take_other ? button('Use the other value', 'take-other', true) : null,
            ),
          ];
    return h('li', { class: 'conflict', dataset: { conflictId: String(conflict.id), kind: conflict.kind } }, what, when, body);
  }

  async function settle(area, button, conflict, takeOther) {
    if (button.disabled) return;
    ctx.clearAlert();
    try {
      await whileBusy(button, () => api.settleSyncConflict(conflict.id, takeOther));
    } catch (err) {
      ctx.alert(err);
      return;
    }
    let conflicts;
    try {
      conflicts = await api.syncConflicts();
    } catch (error) {
      conflicts = { error };
    }
    drawConflicts(area, conflicts);
    refreshSyncStatus();
    ctx.status(takeOther ? 'The other value is in the record now.' : conflict.kind === 'edit_over_delete' ? 'Noted.' : 'Kept as it is.');
    // The button is gone with the old list: the focus goes back to the heading.
    section.querySelector('#conflicts-title')?.focus();
  }

  if (read.error) {
    replace(section, title(), h('p', { class: 'callout caution', id: 'sync-error' }, errorMessage(read.error)));
  } else if (read.status) {
    drawOn(read.status, read.conflicts ?? []);
  } else {
    drawOff();
  }
  return section;
}
