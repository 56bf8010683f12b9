// The sync with another computer, from the page: when it runs and what it says. A record that
// syncs through a folder (Settings → Another computer) syncs as the window opens (a protected
// record's window opens afresh after its unlock), a quiet minute after the last edit, and on "Sync
// now"; never two at once. A sync that brought the other computer's changes has the screen drawn
// again. The sidebar says how the sync stands (#sync-area), and is hidden while the record does
// not sync. The words (syncLine, conflictsText, syncTrouble) are pure: tests/ui/sync.test.mjs.

import * as api from './api.js';
import { whileBusy } from './dom.js';
import { plural, sinceText } from './format.js';

/** How long after the last edit the sync runs. */
const QUIET_MS = 60_000;
/** How often "Last synced 3 minutes ago" is brought up to date. */
const TICK_MS = 30_000;
/** Where the sidebar's links take the teacher: Settings, at "Another computer". */
export const SYNC_SETTINGS = '#/settings?sync';

// ----- the words -----

/** "12 changes sent, 4 received", "1 change received", "nothing new". */
export function changesText(sent, received) {
  if (sent && received) return `${plural(sent, 'change', 'changes')} sent, ${received} received`;
  if (sent) return `${plural(sent, 'change', 'changes')} sent`;
  if (received) return `${plural(received, 'change', 'changes')} received`;
  return 'nothing new';
}

/**
 * How the sync stands, in one line: "Last synced 3 minutes ago · 12 changes sent, 4 received",
 * "Not synced yet", or, when the folder is not there, "The sync folder is not there (USB
 * stick?) · 3 changes wait here". Empty when the record does not sync.
 * @param {{folder_found: boolean, last_synced_at: string|null, last_sent: number, last_received: number, waiting: number}|null} status
 * @param {Date} now
 * @returns {string}
 */
export function syncLine(status, now) {
  if (!status) return '';
  const waiting = status.waiting ? `${plural(status.waiting, 'change waits', 'changes wait')} here` : null;
  let parts;
  if (!status.folder_found) parts = ['The sync folder is not there (USB stick?)', waiting];
  else if (!status.last_synced_at) parts = ['Not synced yet', waiting];
  else parts = [`Last synced ${sinceText(status.last_synced_at, now)}`, changesText(status.last_sent, status.last_received), waiting];
  return parts.filter(Boolean).join(' · ');
}

/** "1 thing changed on both computers", "3 things changed on both computers". */
export function conflictsText(count) {
  return `${plural(count, 'thing', 'things')} changed on both computers`;
}

/**
 * What went wrong in the last sync, for the teacher: a title and the core's sentences (a file
 * refused and why, a newer Rapport on the other computer, a folder that could not be written),
 * or null when nothing did.
 * @param {{refused?: string[], update_needed?: boolean}|null} report what the sync did
 * @param {{message?: string}|null} error why it failed, when it did
 * @returns {{title: string, lines: string[]}|null}
 */
export function syncTrouble(report, error) {
  if (error) return { title: 'The last sync did not finish.', lines: [error.message || 'Try Sync now again.'] };
  const refused = report?.refused ?? [];
  if (report?.update_needed) return { title: 'The other computer has a newer Rapport: update Rapport on this computer.', lines: refused };
  if (!refused.length) return null;
  const title = refused.length === 1 ? 'A file in the sync folder was refused.' : `${refused.length} files in the sync folder were refused.`;
  return { title, lines: refused };
}

// ----- the scheduler -----

/**
 * How the sync stands: the latest status (null while the record does not sync), and what this
 * window's last sync did (its report) or why it failed.
 */
const state = { status: null, report: null, error: null };
/** The sync running now, or null. */
let running = null;
/** Another sync is wanted once the running one ends (an edit came while it ran). */
let again = false;
let quietTimer = 0;
/** Draws the screen again with the other computer's changes (app.js). */
let redraw = async () => {};
/** @type {Set<(state: {status: any, report: any, error: any}) => void>} */
const watchers = new Set();

/** How the sync stands now (read only). */
export function currentSync() {
  return { ...state };
}

/**
 * Calls `watcher` each time how the sync stands may have changed (and as the minutes pass).
 * @param {(state: {status: any, report: any, error: any}) => void} watcher
 * @returns {() => void} stops watching
 */
export function onSyncChange(watcher) {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

function changed() {
  drawSidebar();
  for (const watcher of watchers) {
    try {
      watcher(currentSync());
    } catch (err) {
      console.warn('a sync watcher failed', err);
    }
  }
}

async function readStatus() {
  try {
    state.status = await api.syncStatus();
  } catch (err) {
    console.warn('the sync status could not be read', err);
    return;
  }
  if (!state.status) {
    state.report = null;
    state.error = null;
    clearTimeout(quietTimer);
  }
}

/** Reads how the sync stands again (after a conflict was settled, say) and says so. */
export async function refreshSyncStatus() {
  await readStatus();
  changed();
}

async function syncOnce() {
  clearTimeout(quietTimer);
  let report;
  try {
    report = await api.syncNow();
  } catch (err) {
    // A window locking as it syncs starts afresh: nothing to say.
    if (err?.code !== 'locked') state.error = err;
    await readStatus();
    changed();
    return;
  }
  state.error = null;
  state.report = report;
  if (report) await readStatus();
  else state.status = null;
  changed();
  announce();
  if (report?.received > 0) await redraw();
}

/** Says how a sync went, once, to a screen reader: the status line itself changes every half
 * minute ("3 minutes ago") and is not a live region. */
function announce() {
  const el = $('sync-announce');
  if (el && state.status) el.textContent = syncLine(state.status, new Date());
}

/**
 * Syncs now, or, when a sync is running, once more after it. Resolves when done; how it went is
 * in currentSync().
 * @returns {Promise<void>}
 */
export function syncNow() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await syncOnce();
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** An edit was saved: the sync runs after a quiet minute. A restore or a change of protection
 * ends the sync: the status is read again at once, so the sidebar says so. */
async function edited() {
  if (!state.status) return;
  clearTimeout(quietTimer);
  await readStatus();
  changed();
  if (state.status) quietTimer = setTimeout(syncNow, QUIET_MS);
}

/** The record syncs from now on (Settings → Another computer): the first sync runs at once. */
export function syncStarted(status) {
  state.status = status;
  state.report = null;
  state.error = null;
  changed();
  syncNow();
}

/** The record no longer syncs. */
export function syncStopped() {
  clearTimeout(quietTimer);
  state.status = null;
  state.report = null;
  state.error = null;
  changed();
}

// ----- the sidebar -----

const $ = (id) => document.getElementById(id);

/** Sets a node's text only when it changes. */
function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

function drawSidebar() {
  const area = $('sync-area');
  if (!area) return;
  const { status } = state;
  if (!status) {
    if (area.contains(document.activeElement)) $('main')?.focus({ preventScroll: true });
    area.hidden = true;
    return;
  }
  setText($('sync-status'), syncLine(status, new Date()));
  const conflicts = $('sync-conflicts-link');
  conflicts.hidden = !status.open_conflicts;
  setText(conflicts, status.open_conflicts ? conflictsText(status.open_conflicts) : '');
  $('sync-trouble-link').hidden = !syncTrouble(state.report, state.error);
  area.hidden = false;
}

/** A link to Settings → Another computer that also works when Settings is already open there. */
function wireSettingsLink(link) {
  link?.addEventListener('click', (event) => {
    if (location.hash !== SYNC_SETTINGS) return;
    event.preventDefault();
    $('sync-title')?.focus();
  });
}

/**
 * Starts the sync as the window opens: the sidebar's line and buttons, the edits it waits on,
 * and the first sync.
 * @param {{redraw: () => Promise<void>}} o `redraw` draws the screen again with what a sync brought
 */
export function installSync(o) {
  redraw = o.redraw;
  api.onEdit(edited);
  const button = $('sync-now');
  button?.addEventListener('click', () => {
    if (!button.disabled) whileBusy(button, syncNow);
  });
  wireSettingsLink($('sync-conflicts-link'));
  wireSettingsLink($('sync-trouble-link'));
  setInterval(() => {
    if (state.status) changed();
  }, TICK_MS);
  syncNow();
}
