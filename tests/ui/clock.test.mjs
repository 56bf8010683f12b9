// The teacher's clock (ui/clock.js): the core's 12-hour times rewritten for a 24-hour clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { clockText, localTimes } from '../../ui/clock.js';

test('a 12-hour clock keeps the sentence as the core wrote it', () => {
  assert.equal(localTimes('Conference tomorrow at 3:40 pm, 20 minutes.', true), 'Conference tomorrow at 3:40 pm, 20 minutes.');
});

test('a 24-hour clock reads every time as 24-hour', () => {
  assert.equal(localTimes('Conference tomorrow at 3:40 pm, 20 minutes.', false), 'Conference tomorrow at 15:40, 20 minutes.');
  assert.equal(localTimes('Conference today at 12:05 am.', false), 'Conference today at 00:05.');
  assert.equal(localTimes('Conference today at 12:30 pm.', false), 'Conference today at 12:30.');
  assert.equal(localTimes('This overlaps the 3:00–3:20 pm conference.', false), 'This overlaps the 15:00–15:20 conference.');
  assert.equal(localTimes('This overlaps the 11:50–12:10 pm conference.', false), 'This overlaps the 11:50–12:10 conference.');
  assert.equal(localTimes('Room 3:00 is not a time without am or pm', false), 'Room 3:00 is not a time without am or pm');
});

test('minutes after midnight in either clock', () => {
  assert.equal(clockText(940, false, true), '3:40 pm');
  assert.equal(clockText(940, true, true), '3:40');
  assert.equal(clockText(940, false, false), '15:40');
  assert.equal(clockText(0, false, true), '12:00 am');
});
