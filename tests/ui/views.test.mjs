// Pure pieces of the page's views, loaded as the window loads them (importing a view touches
// neither the DOM nor Tauri until it is called).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { timeRange } from '../../ui/views/conferences.js';
import { englishNote } from '../../ui/views/handouts.js';
import { TWELVE_HOUR } from '../../ui/clock.js';

test('a conference slot reads as one range on the computer\'s clock', () => {
  if (TWELVE_HOUR) {
    assert.equal(timeRange('15:00', 20), '3:00–3:20 pm');
    assert.equal(timeRange('11:40', 30), '11:40 am–12:10 pm');
  } else {
    assert.equal(timeRange('15:00', 20), '15:00–15:20');
  }
});

test('the printing status counts families, not languages', () => {
  const gap = (student_id, language) => ({ student_id, display_name: 'Minh Trần', language, language_english: language, guardians: ['Lan'] });
  // One family reading two languages without a handout is one family that got English.
  assert.equal(englishNote([gap('c1', 'vi'), gap('c1', 'so')]), ' One family got English: no handout in their language yet.');
  assert.equal(englishNote([gap('c1', 'vi'), gap('c2', 'vi')]), ' 2 families got English: no handout in their language yet.');
  assert.equal(englishNote([]), '');
});
