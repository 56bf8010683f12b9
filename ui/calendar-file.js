// The calendar file kept up to date (Settings → Calendar, "Keep a calendar file up to date…"),
// from the page: the core writes it when the teacher picks its folder or changes how children are
// named; after every other saved edit (api.onEdit) this module has it written again, two quiet
// seconds after the last one, and never two at once. Whether a file is kept is read once at start
// and told again by Settings (calendarFileSettings); a restore puts another record in place, so
// it is found out again by the next write. A write that fails (the folder is gone: a USB stick
// taken out) is said once in the status line, and not again until a write succeeds or the teacher
// picks a folder again. The words (calendarTrouble) are pure: tests/ui/calendar.test.mjs.

import * as api from './api.js';

/** How long after the last edit the file is written again. */
export const QUIET_MS = 2000;

/** Commands that write the file themselves (or stop it being kept): Settings says what follows. */
const CALENDAR_COMMANDS = new Set(['set_calendar_names', 'keep_calendar_file', 'stop_calendar_file']);
/** Commands that put another record in place: whether it keeps a file is not known any more. */
const RESTORES = new Set(['restore_backup', 'restore_from_file', 'restore_protected_file']);

// ----- the words -----

/**
 * What the status line says when the file could not be written: the core's sentence (it says
 * what to do), after a title.
 * @param {{message?: string}|null} error
 * @returns {string}
 */
export function calendarTrouble(error) {
  const why = error?.message || 'Choose its folder again in Settings → Calendar.';
  return `The calendar file was not updated. ${why}`;
}

// ----- the scheduler -----

/** Whether a file is kept: true, false, or null while not known (not read yet, or after a restore). */
let kept = null;
let quietTimer = 0;
/** The write running now, or null. */
let running = null;
/** Another write is wanted once the running one ends (an edit came while it ran). */
let again = false;
/** The last failure was said: it is not said again until a write succeeds or the settings change. */
let told = false;
/** Puts a message in the status line (app.js). */
let say = (_message) => {};

/**
 * What Settings → Calendar read or saved: whether a file is kept from now on.
 * @param {{file: string|null}|null} settings
 */
export function calendarFileSettings(settings) {
  kept = Boolean(settings?.file);
  told = false;
}

/** Whether a file is kept, as far as this module knows (true, false, or null when not known). */
export function calendarFileKept() {
  return kept;
}

async function writeOnce() {
  if (kept === false) return;
  let written;
  try {
    written = await api.refreshCalendarFile();
  } catch (err) {
    // A window locking as it writes starts afresh with its unlock: nothing to say.
    if (err?.code === 'locked') return;
    console.warn('the calendar file could not be written', err);
    if (!told) {
      told = true;
      say(calendarTrouble(err));
    }
    return;
  }
  kept = Boolean(written);
  told = false;
}

/**
 * Writes the file now (when one is kept), or, when a write is running, once more after it.
 * @returns {Promise<void>}
 */
function writeNow() {
  clearTimeout(quietTimer);
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await writeOnce();
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * The record changed (an edit here, or changes a sync brought from the other computer): the file
 * is written again after two quiet seconds, when one is kept.
 */
export function calendarChanged() {
  if (kept === false) return;
  clearTimeout(quietTimer);
  quietTimer = setTimeout(writeNow, QUIET_MS);
}

/** @param {string} command the edit the core saved */
function edited(command) {
  if (CALENDAR_COMMANDS.has(command)) {
    // The core wrote the file, or stopped keeping it; Settings tells what it keeps now.
    kept = null;
    told = false;
    return;
  }
  if (RESTORES.has(command)) kept = null;
  calendarChanged();
}

/**
 * Starts keeping the calendar file up to date as the window opens.
 * @param {{status: (message: string) => void}} o `status` says a message in the status line
 */
export function installCalendarFile(o) {
  say = o.status;
  api.onEdit(edited);
  api.calendarSettings().then(
    (settings) => {
      // Settings may have said something newer meanwhile.
      if (kept === null) calendarFileSettings(settings);
      // Written once as the window opens: edits made meanwhile (the command line, the other
      // computer's changes synced at start) reach the file without waiting for the next edit.
      calendarChanged();
    },
    (err) => console.warn('the calendar settings could not be read', err),
  );
}
