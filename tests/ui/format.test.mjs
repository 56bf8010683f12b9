// The page's formats (ui/format.js): one reading of a stored date everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isoDay, longDate, mediumDate, momentText, numberText, parseDay, plural, shortDate, sinceText, snippet } from '../../ui/format.js';

test('a stored day is read in the local calendar, and written back the same', () => {
  const day = parseDay('2026-03-09');
  assert.equal(day.getFullYear(), 2026);
  assert.equal(day.getMonth(), 2);
  assert.equal(day.getDate(), 9);
  assert.equal(isoDay(day), '2026-03-09');
  assert.equal(parseDay('9 March'), null);
  assert.equal(parseDay(null), null);
});

test('a short date leaves the year out only within today\'s year', () => {
  assert.doesNotMatch(shortDate('2026-03-09', '2026-11-30'), /2026/);
  assert.match(shortDate('2025-03-09', '2026-11-30'), /2025/);
  assert.match(mediumDate('2026-03-09'), /2026/);
  assert.equal(shortDate('not a date', '2026-11-30'), 'not a date');
  assert.equal(mediumDate(''), '');
});

test('numbers and snippets', () => {
  assert.equal(numberText(null), '');
  assert.equal(numberText(Number.NaN), '');
  assert.match(numberText(2.5), /2[.,]5/);
  assert.equal(snippet('short'), 'short');
  const cut = snippet('Reads aloud every night with her grandmother, then tells us about it at school', 40);
  assert.ok(cut.endsWith('…') && cut.length <= 41, cut);
});

test('a long date has its weekday and year; a moment its date and time; a count its word', () => {
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2026, 10, 26));
  assert.ok(longDate('2026-11-26').includes(weekday));
  assert.match(longDate('2026-11-26'), /2026/);
  assert.equal(longDate('26 November'), '26 November');
  assert.equal(momentText('not a moment'), 'not a moment');
  assert.equal(momentText(undefined), '');
  assert.match(momentText('2025-04-11T14:03:00Z'), /2025/);
  assert.equal(plural(1, 'student', 'students'), '1 student');
  assert.equal(plural(0, 'student', 'students'), '0 students');
  assert.equal(plural(3, 'more family needs', 'more families need'), '3 more families need');
});

test('how long ago a moment was: just now, minutes, hours, then its date and time', () => {
  const now = new Date('2026-03-09T14:30:00Z');
  assert.equal(sinceText('2026-03-09T14:29:01Z', now), 'just now');
  assert.equal(sinceText('2026-03-09T14:35:00Z', now), 'just now');
  assert.equal(sinceText('2026-03-09T14:29:00Z', now), '1 minute ago');
  assert.equal(sinceText('2026-03-09T13:31:00Z', now), '59 minutes ago');
  assert.equal(sinceText('2026-03-09T13:30:00Z', now), '1 hour ago');
  assert.equal(sinceText('2026-03-08T14:31:00Z', now), '23 hours ago');
  assert.equal(sinceText('2026-03-08T14:30:00Z', now), `on ${momentText('2026-03-08T14:30:00Z')}`);
  assert.equal(sinceText('not a moment', now), 'not a moment');
});
