// Settings → Calendar: the booked conferences and the follow-ups due, in the teacher's own
// calendar (Outlook, Google or Apple Calendar), without a child's notes or what was said. How
// children are named there; "Export to calendar…" (one file to import); and a calendar file kept
// up to date in a folder the teacher picks (to subscribe to, or to keep in step with OneDrive or
// Dropbox), or "Stop updating it". Writing the kept file after each change: ui/calendar-file.js.
// The words (exportedText, keptText, STOPPED_TEXT) are pure: tests/ui/calendar.test.mjs.

import * as api from '../../api.js';
import { h, replace, whileBusy } from '../../dom.js';
import { calendarFileSettings } from '../../calendar-file.js';
import { plural } from '../../format.js';
import { actions, errorMessage } from '../forms.js';

/** The file's name in the folder the teacher picks (`uses::CALENDAR_FILE`). */
const FILE_NAME = 'Rapport calendar.ics';

// ----- the words -----

/**
 * What the section says once "Export to calendar…" saved its file.
 * @param {{path: string, events: number}} written
 * @returns {string}
 */
export function exportedText(written) {
  const what = written.events
    ? `Saved ${plural(written.events, 'event', 'events')} to ${written.path}.`
    : `Saved to ${written.path}, with no events yet: no conference is booked and no follow-up is due.`;
  return `${what} Import it into your calendar; importing it again updates the same events.`;
}

/**
 * What the section says once a folder was picked and the file written there.
 * @param {string} file the file's path
 * @returns {string}
 */
export function keptText(file) {
  return `Saved ${file}. Rapport writes it again after every change.`;
}

/** What the section says once the file is no longer kept up to date. */
export const STOPPED_TEXT = 'Rapport no longer updates the calendar file. The file stays where it is.';

// ----- reading -----

/**
 * Reads the calendar settings with the rest of Settings.
 * @returns {Promise<{settings?: {names: string, choices: {word: string, label: string}[], file: string|null}, error?: any}>}
 */
export async function readCalendar() {
  try {
    const settings = await api.calendarSettings();
    calendarFileSettings(settings);
    return { settings };
  } catch (error) {
    return { error };
  }
}

// ----- the section -----

/**
 * The "Calendar" group of Settings.
 * @param {object} ctx
 * @param {{settings?: any, error?: any}} read what readCalendar() gave
 * @returns {HTMLElement} section#calendar
 */
export function calendarSection(ctx, read) {
  const title = h('h2', { id: 'calendar-title', tabindex: '-1' }, 'Calendar');
  const section = h('section', { class: 'settings-group calendar', id: 'calendar', 'aria-labelledby': 'calendar-title' });
  if (read.error) {
    return replace(section, title, h('p', { class: 'callout caution', id: 'calendar-error' }, errorMessage(read.error)));
  }
  let settings = read.settings;

  /** The section's own messages: kept until the next one, and read out. */
  const note = h('p', { class: 'calendar-note', id: 'calendar-status', role: 'status' });
  let noteToken = 0;
  function say(text) {
    const token = ++noteToken;
    note.replaceChildren();
    // A fresh text on the next frame is read out even when it repeats ("Saved." twice).
    requestAnimationFrame(() => {
      if (token === noteToken) note.textContent = text;
    });
  }

  // How children are named: saved as soon as it changes; a change made while one saves waits for it.
  const names = h(
    'fieldset',
    { class: 'field radio-group', id: 'calendar-names' },
    h('legend', null, 'Name children as'),
    settings.choices.map((choice) => {
      const id = `calendar-names-${choice.word}`;
      return h(
        'div',
        { class: 'field-check' },
        h('input', { type: 'radio', id, name: 'calendar-names', value: choice.word, checked: choice.word === settings.names }),
        h('label', { for: id }, choice.label),
      );
    }),
  );
  let wanted = null;
  let saving = false;
  names.addEventListener('change', async (event) => {
    wanted = event.target.value;
    if (saving) return;
    saving = true;
    ctx.clearAlert();
    try {
      let asked;
      do {
        asked = wanted;
        settings = await api.setCalendarNames(asked);
        calendarFileSettings(settings);
      } while (wanted !== asked);
      say('Saved.');
    } catch (err) {
      // Back to what is saved, and the reason at the top of the page.
      for (const radio of names.querySelectorAll('input')) radio.checked = radio.value === settings.names;
      wanted = settings.names;
      ctx.alert(err);
    } finally {
      saving = false;
    }
  });

  const exportButton = h('button', { type: 'button', class: 'button', id: 'export-calendar' }, 'Export to calendar…');
  exportButton.addEventListener('click', async () => {
    if (exportButton.disabled) return;
    ctx.clearAlert();
    let written;
    try {
      written = await whileBusy(exportButton, () => api.exportCalendar());
    } catch (err) {
      ctx.alert(err);
      return;
    }
    if (written) say(exportedText(written));
  });

  // The file kept up to date: a button to pick its folder, or where it is and "Stop updating it".
  const fileArea = h('div', { class: 'calendar-file-area', id: 'calendar-file-area' });

  function drawFile() {
    if (!settings.file) {
      const keep = h('button', { type: 'button', class: 'button', id: 'keep-calendar-file' }, 'Keep a calendar file up to date…');
      keep.addEventListener('click', () => keepFile(keep));
      replace(
        fileArea,
        h(
          'p',
          { id: 'calendar-keep-intro' },
          `To keep your calendar in step without importing again, pick a folder: Rapport writes “${FILE_NAME}” there after every change. `,
          'Subscribe to that file from your calendar, or put the folder in OneDrive or Dropbox.',
        ),
        actions(keep),
      );
      return keep;
    }
    const stop = h('button', { type: 'button', class: 'button', id: 'stop-calendar-file' }, 'Stop updating it');
    stop.addEventListener('click', () => stopFile(stop));
    replace(
      fileArea,
      h(
        'p',
        { id: 'calendar-file-note', tabindex: '-1' },
        'Rapport writes ',
        h('code', { class: 'path', id: 'calendar-file', dir: 'ltr' }, settings.file),
        ' again after every change. If you stop, the file stays where it is.',
      ),
      actions(stop),
    );
    return stop;
  }

  async function keepFile(button) {
    if (button.disabled) return;
    ctx.clearAlert();
    let kept;
    try {
      kept = await whileBusy(button, () => api.keepCalendarFile());
    } catch (err) {
      ctx.alert(err);
      return;
    }
    if (!kept) return;
    settings = kept;
    calendarFileSettings(settings);
    drawFile();
    say(keptText(settings.file));
    // The button is gone: the focus goes to what took its place.
    fileArea.querySelector('#calendar-file-note')?.focus();
  }

  async function stopFile(button) {
    if (button.disabled) return;
    ctx.clearAlert();
    try {
      settings = await whileBusy(button, () => api.stopCalendarFile());
    } catch (err) {
      ctx.alert(err);
      return;
    }
    calendarFileSettings(settings);
    const keep = drawFile();
    say(STOPPED_TEXT);
    keep.focus();
  }

  drawFile();
  return replace(
    section,
    title,
    h(
      'p',
      { id: 'calendar-intro' },
      'Put your conferences and the follow-ups due in Outlook, Google or Apple Calendar. No child’s notes, and nothing that was said, go into it.',
    ),
    names,
    actions(exportButton),
    fileArea,
    note,
  );
}
