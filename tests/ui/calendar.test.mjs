// The calendar, from the page: the words of Settings → Calendar (ui/views/settings/calendar.js),
// which of its commands are edits (ui/api.js), and when the calendar file kept up to date is
// written again (ui/calendar-file.js), with a stand-in for Tauri's invoke and node's fake timers.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';

import * as api from '../../ui/api.js';
import { QUIET_MS, calendarChanged, calendarFileKept, calendarFileSettings, calendarTrouble, installCalendarFile } from '../../ui/calendar-file.js';
import { STOPPED_TEXT, exportedText, keptText } from '../../ui/views/settings/calendar.js';

const FILE = '/home/ana/OneDrive/Rapport calendar.ics';
const GONE = 'The calendar folder /home/ana/OneDrive is not there; choose it again in Settings → Calendar.';

test('the section says what was saved, and what to do with it', () => {
  assert.equal(
    exportedText({ path: '/home/ana/Rapport calendar.ics', events: 20 }),
    'Saved 20 events to /home/ana/Rapport calendar.ics. Import it into your calendar; importing it again updates the same events.',
  );
  assert.match(exportedText({ path: '/x.ics', events: 1 }), /^Saved 1 event to \/x\.ics\. Import it/);
  assert.equal(
    exportedText({ path: '/x.ics', events: 0 }),
    'Saved to /x.ics, with no events yet: no conference is booked and no follow-up is due. Import it into your calendar; importing it again updates the same events.',
  );
  assert.equal(keptText(FILE), `Saved ${FILE}. Rapport writes it again after every change.`);
  assert.match(STOPPED_TEXT, /no longer updates the calendar file\. The file stays where it is\.$/);
});

test('a calendar file that could not be written is said with the core\'s sentence', () => {
  assert.equal(calendarTrouble({ code: 'conflict', message: GONE }), `The calendar file was not updated. ${GONE}`);
  assert.equal(calendarTrouble(null), 'The calendar file was not updated. Choose its folder again in Settings → Calendar.');
});

test('reading and writing calendar files are not edits; its settings are', () => {
  for (const read of ['calendar_settings', 'export_calendar', 'refresh_calendar_file']) assert.ok(!api.isEdit(read), read);
  for (const edit of ['set_calendar_names', 'keep_calendar_file', 'stop_calendar_file']) assert.ok(api.isEdit(edit), edit);
});

// ----- the file kept up to date -----

/** What the stand-in core was asked, and how it answers refresh_calendar_file. */
const core = {
  asked: [],
  /** @type {(() => Promise<any>)} */
  refresh: async () => ({ path: FILE, events: 3 }),
  file: FILE,
};
globalThis.window = {
  __TAURI__: {
    core: {
      invoke: async (command, args) => {
        core.asked.push(command);
        if (command === 'calendar_settings') return { names: 'first_initial', choices: [], file: core.file };
        if (command === 'refresh_calendar_file') return core.refresh();
        return null;
      },
    },
  },
};
const said = [];
const refreshes = () => core.asked.filter((c) => c === 'refresh_calendar_file').length;
/** Lets the stand-in's promises settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));
/** An edit saved in the window (any command that changes the record). */
const edit = () => api.saveSettings({});

const warn = console.warn;

test('the kept file is written again two quiet seconds after the last edit, and only when one is kept', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  console.warn = () => {};
  t.after(() => {
    mock.timers.reset();
    console.warn = warn;
  });

  installCalendarFile({ status: (message) => said.push(message) });
  await settle();
  assert.equal(calendarFileKept(), true);
  assert.deepEqual(core.asked, ['calendar_settings']);

  // Three edits close together: one write, two seconds after the last.
  await edit();
  mock.timers.tick(1500);
  await edit();
  mock.timers.tick(1500);
  await edit();
  mock.timers.tick(QUIET_MS - 1);
  await settle();
  assert.equal(refreshes(), 0);
  mock.timers.tick(1);
  await settle();
  assert.equal(refreshes(), 1);

  // No file kept: nothing is asked of the core.
  calendarFileSettings({ file: null });
  await edit();
  mock.timers.tick(QUIET_MS);
  calendarChanged();
  mock.timers.tick(QUIET_MS);
  await settle();
  assert.equal(refreshes(), 1);

  // A restore puts another record in place: the next write finds out whether it keeps a file.
  core.refresh = async () => null;
  await api.restoreBackup('rapport-2026-03-01.sqlite');
  mock.timers.tick(QUIET_MS);
  await settle();
  assert.equal(refreshes(), 2);
  assert.equal(calendarFileKept(), false);

  // Settings' own commands write the file themselves: no second write after them.
  await api.keepCalendarFile();
  calendarFileSettings({ file: FILE });
  mock.timers.tick(QUIET_MS);
  await settle();
  assert.equal(refreshes(), 2);
  assert.deepEqual(said, []);
});

test('never two writes at once: an edit during one brings one more after it', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  calendarFileSettings({ file: FILE });
  const before = refreshes();
  let finish;
  core.refresh = () => new Promise((resolve) => (finish = () => resolve({ path: FILE, events: 3 })));

  await edit();
  mock.timers.tick(QUIET_MS);
  await settle();
  assert.equal(refreshes(), before + 1);
  await edit();
  mock.timers.tick(QUIET_MS);
  await edit();
  mock.timers.tick(QUIET_MS);
  await settle();
  assert.equal(refreshes(), before + 1, 'the second waits for the first');
  finish();
  await settle();
  assert.equal(refreshes(), before + 2, 'one more, for both edits');
  finish();
  await settle();
  assert.equal(refreshes(), before + 2);
});

test('a folder that is gone is said once, and again only after a write worked', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  console.warn = () => {};
  t.after(() => {
    mock.timers.reset();
    console.warn = warn;
  });
  calendarFileSettings({ file: FILE });
  said.length = 0;
  const fail = async () => {
    throw { code: 'conflict', message: GONE };
  };
  const write = async () => {
    await edit();
    mock.timers.tick(QUIET_MS);
    await settle();
  };

  core.refresh = fail;
  await write();
  await write();
  await write();
  assert.deepEqual(said, [`The calendar file was not updated. ${GONE}`]);
  assert.equal(calendarFileKept(), true, 'the folder may come back (a USB stick)');

  core.refresh = async () => ({ path: FILE, events: 3 });
  await write();
  core.refresh = fail;
  await write();
  assert.equal(said.length, 2);

  // A locking window says nothing.
  core.refresh = async () => {
    throw { code: 'locked', message: 'The record is locked.' };
  };
  calendarFileSettings({ file: FILE });
  await write();
  assert.equal(said.length, 2);
});
