// The sync with another computer, from the page: its words (ui/sync.js) and which commands are
// edits that it sends (ui/api.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { changesText, conflictsText, syncLine, syncTrouble } from '../../ui/sync.js';
import { NOT_EDITS, isEdit } from '../../ui/api.js';

const NOW = new Date('2026-03-09T14:30:00Z');
const status = (over = {}) => ({
  folder: '/media/usb/Rapport',
  folder_found: true,
  last_synced_at: '2026-03-09T14:27:00Z',
  last_sent: 0,
  last_received: 0,
  waiting: 0,
  open_conflicts: 0,
  encrypted: false,
  ...over,
});

test('the status line says when the record last synced and what went each way', () => {
  assert.equal(syncLine(status({ last_sent: 12, last_received: 4 }), NOW), 'Last synced 3 minutes ago · 12 changes sent, 4 received');
  assert.equal(syncLine(status({ last_synced_at: '2026-03-09T14:29:31Z' }), NOW), 'Last synced just now · nothing new');
  assert.equal(syncLine(status({ last_synced_at: '2026-03-09T14:29:00Z', last_sent: 1 }), NOW), 'Last synced 1 minute ago · 1 change sent');
  assert.equal(syncLine(status({ last_synced_at: '2026-03-09T12:10:00Z', last_received: 1 }), NOW), 'Last synced 2 hours ago · 1 change received');
  // A clock a little behind the other computer's is not "in the future".
  assert.equal(syncLine(status({ last_synced_at: '2026-03-09T14:31:00Z' }), NOW), 'Last synced just now · nothing new');
  assert.match(syncLine(status({ last_synced_at: '2026-03-01T08:00:00Z' }), NOW), /^Last synced on .*2026.* · nothing new$/);
});

test('a record that never synced, or whose folder is away, says so with what waits', () => {
  assert.equal(syncLine(status({ last_synced_at: null }), NOW), 'Not synced yet');
  assert.equal(syncLine(status({ folder_found: false, waiting: 3 }), NOW), 'The sync folder is not there (USB stick?) · 3 changes wait here');
  assert.equal(syncLine(status({ folder_found: false, waiting: 1 }), NOW), 'The sync folder is not there (USB stick?) · 1 change waits here');
  assert.equal(syncLine(status({ folder_found: false }), NOW), 'The sync folder is not there (USB stick?)');
  assert.equal(syncLine(status({ waiting: 2 }), NOW), 'Last synced 3 minutes ago · nothing new · 2 changes wait here');
  assert.equal(syncLine(null, NOW), '');
});

test('counts of changes and of conflicts read as words', () => {
  assert.equal(changesText(0, 0), 'nothing new');
  assert.equal(changesText(2, 0), '2 changes sent');
  assert.equal(changesText(0, 5), '5 changes received');
  assert.equal(changesText(1, 1), '1 change sent, 1 received');
  assert.equal(conflictsText(1), '1 thing changed on both computers');
  assert.equal(conflictsText(3), '3 things changed on both computers');
});

test('the last sync\'s trouble: a failure, a newer Rapport, refused files, or nothing', () => {
  const clean = { refused: [], update_needed: false };
  assert.equal(syncTrouble(clean, null), null);
  assert.equal(syncTrouble(null, null), null);
  const failed = syncTrouble(clean, { code: 'sync', message: 'The change file could not be written to the sync folder; the changes wait here.' });
  assert.equal(failed.title, 'The last sync did not finish.');
  assert.deepEqual(failed.lines, ['The change file could not be written to the sync folder; the changes wait here.']);
  const newer = syncTrouble({ refused: ['The other computer runs a newer Rapport.'], update_needed: true }, null);
  assert.match(newer.title, /newer Rapport: update Rapport on this computer/);
  assert.deepEqual(newer.lines, ['The other computer runs a newer Rapport.']);
  assert.match(syncTrouble({ refused: ['a', 'b'], update_needed: false }, null).title, /^2 files in the sync folder were refused/);
  assert.match(syncTrouble({ refused: ['a'], update_needed: false }, null).title, /^A file in the sync folder was refused/);
});

test('edits are every command that changes the record, and nothing else', () => {
  for (const edit of ['create_student', 'add_goal', 'log_contact', 'delete_concern', 'restore_from_trash', 'empty_trash', 'save_settings', 'save_letter_template', 'archive_class', 'start_new_year', 'purge_student', 'restore_backup', 'restore_from_file', 'protect_record', 'unprotect_record', 'load_demo']) {
    assert.ok(isEdit(edit), edit);
  }
  for (const read of ['app_info', 'list_students', 'get_student', 'today', 'class_overview', 'smart_check', 'save_draft', 'get_draft', 'discard_draft', 'unlock', 'lock_now', 'change_passphrase', 'print_packet', 'back_up_now', 'sync_now', 'start_sync', 'stop_sync', 'open_from_sync_folder', 'sync_conflicts']) {
    assert.ok(!isEdit(read), read);
  }
  // A roster's preview writes nothing; its import does.
  assert.ok(!isEdit('import_roster', { class: null, dry_run: true }));
  assert.ok(isEdit('import_roster', { class: null, dry_run: false }));
  // Settling a conflict changes the record only when the other computer's value is taken.
  assert.ok(!isEdit('settle_sync_conflict', { id: 'x', take_other: false }));
  assert.ok(isEdit('settle_sync_conflict', { id: 'x', take_other: true }));
});

test('the page names only commands the window has', () => {
  const names = readFileSync(new URL('../../src-tauri/src/commands/names.rs', import.meta.url), 'utf8');
  const commands = new Set([...names.matchAll(/^\s*"([a-z_]+)",$/gm)].map((m) => m[1]));
  assert.ok(commands.has('sync_now') && commands.has('app_info'));
  for (const name of NOT_EDITS) assert.ok(commands.has(name), `NOT_EDITS names ${name}, which is no command`);
  const api = readFileSync(new URL('../../ui/api.js', import.meta.url), 'utf8');
  const called = [...api.matchAll(/\bcall\('([a-z_]+)'/g)].map((m) => m[1]);
  assert.ok(called.length > 80);
  for (const name of called) assert.ok(commands.has(name), `api.js calls ${name}, which is no command`);
});
