// The contact-log report from the page: what the dialog asks Rust for (ui/views/contact-log-dialog.js
// and ui/api.js) and the status once it is saved.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { logRequest, savedLogText } from '../../ui/views/contact-log-dialog.js';
import * as api from '../../ui/api.js';

test('the status says how many entries, over which period, and where the report went', () => {
  assert.equal(
    savedLogText({ path: '/home/ana/Contact log Leo Ruiz.pdf', entries: 12, period: 'the whole record' }),
    'Saved the contact log (12 entries, the whole record) to /home/ana/Contact log Leo Ruiz.pdf.',
  );
  assert.equal(
    savedLogText({ path: 'C:\\Reports\\log.csv', entries: 1, period: '1 September 2026 – 30 November 2026' }),
    'Saved the contact log (1 entry, 1 September 2026 – 30 November 2026) to C:\\Reports\\log.csv.',
  );
  assert.equal(savedLogText({ path: '/tmp/log.pdf', entries: 0, period: '' }), 'Saved the contact log (0 entries) to /tmp/log.pdf.');
});

test('the dialog asks for a child or a class, empty dates as no bound, PDF unless CSV is chosen', () => {
  assert.deepEqual(logRequest({ from: '', to: '', includePrivate: false, format: 'pdf' }, { studentId: 's1' }), {
    studentId: 's1',
    classId: null,
    from: null,
    to: null,
    includePrivate: false,
    csv: false,
  });
  assert.deepEqual(logRequest({ from: '2026-09-01', to: '2026-11-30', includePrivate: true, format: 'csv' }, { classId: 'c1' }), {
    studentId: null,
    classId: 'c1',
    from: '2026-09-01',
    to: '2026-11-30',
    includePrivate: true,
    csv: true,
  });
});

test('saveContactLog sends the command its snake_case arguments and is no edit', async () => {
  const calls = [];
  globalThis.window = {
    __TAURI__: {
      core: {
        invoke: async (command, args) => {
          calls.push([command, args]);
          return null;
        },
      },
    },
  };
  let edits = 0;
  const stop = api.onEdit(() => {
    edits += 1;
  });
  try {
    assert.equal(await api.saveContactLog({ studentId: 's1', from: '', to: '2026-11-30', includePrivate: true, csv: false }), null);
    assert.equal(await api.saveContactLog({ classId: 'c1' }), null);
  } finally {
    stop();
    delete globalThis.window;
  }
  assert.deepEqual(calls, [
    ['save_contact_log', { student_id: 's1', class_id: null, from: null, to: '2026-11-30', include_private: true, csv: false }],
    ['save_contact_log', { student_id: null, class_id: 'c1', from: null, to: null, include_private: false, csv: false }],
  ]);
  assert.equal(edits, 0);
  assert.ok(api.NOT_EDITS.has('save_contact_log'));
  assert.ok(!api.isEdit('save_contact_log'));
});
