// The counter near a limit (ui/counters.js): silent while far, counts down near the end, says how
// many too many past it, and counts characters as the core does (an emoji or a CJK character is one).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { charCount, counterText } from '../../ui/counters.js';

test('silent until four fifths of the limit', () => {
  assert.equal(counterText(0, 500), null);
  assert.equal(counterText(399, 500), null);
  assert.ok(counterText(400, 500));
});

test('counts down, then says how many too many', () => {
  assert.deepEqual(counterText(499, 500), { text: '1 character left of 500.', over: false });
  assert.deepEqual(counterText(500, 500), { text: '0 characters left of 500.', over: false });
  assert.equal(counterText(512, 500).over, true);
  assert.match(counterText(512, 500).text, /^12 characters too many: at most 500\.$/);
});

test('characters are counted as the core counts them', () => {
  assert.equal(charCount('abc'), 3);
  assert.equal(charCount('王小明'), 3);
  assert.equal(charCount('👍🏽'), 2);
});
