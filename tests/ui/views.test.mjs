// Pure pieces of the page's views, loaded as the window loads them (importing a view touches
// neither the DOM nor Tauri until it is called).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { timeRange } from '../../ui/views/conferences.js';
import { childWithoutHandout, englishNote } from '../../ui/views/handouts.js';
import { TWELVE_HOUR } from '../../ui/clock.js';

test('a conference slot reads as one range on the computer\'s clock', () => {
  if (TWELVE_HOUR) {
    assert.equal(timeRange('15:00', 20), '3:00–3:20 pm');
    assert.equal(timeRange('11:40', 30), '11:40 am–12:10 pm');
  } else {
    assert.equal(timeRange('15:00', 20), '15:00–15:20');
  }
});

test('a child\'s guardians whose language has no handout are named, once per language', () => {
  const ctx = {
    info: {
      handout_languages: ['en', 'es'],
      languages: [
        { code: 'vi', english: 'Vietnamese' },
        { code: 'es', english: 'Spanish' },
      ],
    },
  };
  const guardian = (name, language, may_contact = true) => ({ guardian: { name, preferred_language: language, may_contact } });
  const page = {
    student: { id: 'c1' },
    display_name: 'Minh Trần',
    guardians: [guardian('Lan', 'vi'), guardian('Huy', 'vi'), guardian('Ana', 'es'), guardian('Bao', 'vi', false)],
  };
  const gaps = childWithoutHandout(ctx, page);
  assert.equal(gaps.length, 1);
  assert.deepEqual(gaps[0].guardians, ['Lan', 'Huy']);
  assert.equal(gaps[0].language_english, 'Vietnamese');
  assert.equal(englishNote(gaps), ' One family got English: no handout in their language yet.');
  assert.equal(englishNote([]), '');
});
