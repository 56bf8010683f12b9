// Pure pieces of the page's views, loaded as the window loads them (importing a view touches
// neither the DOM nor Tauri until it is called).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { timeRange } from '../../ui/views/conferences.js';
import { englishNote } from '../../ui/views/handouts.js';
import { TWELVE_HOUR } from '../../ui/clock.js';
import { greeting, partOfDay } from '../../ui/views/today/head.js';
import { dayName } from '../../ui/views/today/coming-up.js';
import { actionLabel } from '../../ui/views/today/items.js';
import { optionLabel } from '../../ui/views/guardians/link-form.js';
import { guardianId, languageText, methodLabel } from '../../ui/views/guardians/words.js';
import { QUIET_DAYS_DEFAULT, readQuietDays, savedQuietDays } from '../../ui/views/settings/quiet-days.js';

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
  assert.equal(englishNote([gap('c1', 'ja'), gap('c1', 'am')]), ' One family got English: no handout in their language yet.');
  assert.equal(englishNote([gap('c1', 'ja'), gap('c2', 'ja')]), ' 2 families got English: no handout in their language yet.');
  assert.equal(englishNote([]), '');
});

// ----- Today (ui/views/today/) -----

test('Today greets by the time of day', () => {
  assert.equal(partOfDay(0), 'Good morning');
  assert.equal(partOfDay(11), 'Good morning');
  assert.equal(partOfDay(12), 'Good afternoon');
  assert.equal(partOfDay(17), 'Good afternoon');
  assert.equal(partOfDay(18), 'Good evening');
  // Without a teacher's name the greeting is one sentence (and needs no DOM).
  assert.deepEqual(greeting('', new Date(2026, 2, 9, 19, 30)), ['Good evening.']);
});

test('a day of the coming week is Today, Tomorrow or its weekday', () => {
  assert.equal(dayName('2026-03-09', '2026-03-09', '2026-03-10'), 'Today');
  assert.equal(dayName('2026-03-10', '2026-03-09', '2026-03-10'), 'Tomorrow');
  const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2026, 2, 11));
  const name = dayName('2026-03-11', '2026-03-09', '2026-03-10');
  assert.ok(name.includes(weekday), name);
  assert.doesNotMatch(name, /2026/);
});

test('each of Today\'s items names its next step', () => {
  assert.equal(actionLabel({ action: 'follow_up', kind: 'information' }), 'Follow up');
  assert.equal(actionLabel({ action: 'praise_call', kind: 'positive' }), 'Call now');
  assert.equal(actionLabel({ action: 'check_in' }), 'Add a check-in');
  assert.equal(actionLabel({ action: 'review_goal' }), 'Review the goal');
  assert.equal(actionLabel({ action: 'prepare_conference' }), 'Prepare');
  assert.equal(actionLabel({ action: 'log', kind: 'concern' }), 'Talk it through');
  assert.equal(actionLabel({ action: 'log', kind: 'introduction' }), 'Introduce yourself');
  assert.equal(actionLabel({ action: 'log', kind: 'something new' }), 'Log a contact');
});

// ----- Guardians (ui/views/guardians/) -----

test('a guardian to link reads with their relationship, children and any bar on contact', () => {
  const gw = (guardian, students = []) => ({ guardian: { relationship: '', may_contact: true, ...guardian }, students });
  assert.equal(
    optionLabel(gw({ name: 'Ana Ruiz', relationship: 'Mother' }, [{ display_name: 'Leo Ruiz' }, { display_name: 'Mia Ruiz' }])),
    'Ana Ruiz (Mother) — guardian of Leo Ruiz, Mia Ruiz',
  );
  assert.equal(optionLabel(gw({ name: 'Bob', may_contact: false })), 'Bob — do not contact');
  assert.equal(optionLabel(gw({ name: 'Lan' })), 'Lan');
});

test('a guardian\'s language and way of being reached in words', () => {
  const info = {
    languages: [
      { code: 'en', english: 'English', native: 'English' },
      { code: 'es', english: 'Spanish', native: 'Español' },
    ],
    contact_methods: [{ value: 'phone', label: 'Phone' }],
  };
  assert.equal(languageText(info, 'ES'), 'Spanish (Español)');
  assert.equal(languageText(info, 'en'), 'English');
  assert.equal(languageText(info, 'tlh'), 'tlh');
  assert.equal(methodLabel(info, 'phone'), 'Phone');
  assert.equal(methodLabel(info, 'pigeon'), 'pigeon');
  assert.equal(guardianId('best_time'), 'guardian_best_time');
});

// ----- Settings (ui/views/settings/) -----

test('the quiet-days box reads as a whole number of days from 1 to 365', () => {
  const formWith = (value, badInput = false) => ({ querySelector: (sel) => (sel === '#quiet_days' ? { value, validity: { badInput } } : null) });
  assert.equal(readQuietDays(formWith('21')), 21);
  assert.equal(readQuietDays(formWith(' 7 ')), 7);
  assert.equal(readQuietDays(formWith('365')), 365);
  for (const bad of ['', '0', '366', '2.5', 'abc']) {
    assert.throws(() => readQuietDays(formWith(bad)), (err) => {
      assert.equal(err.code, 'validation');
      assert.deepEqual(err.fields, { quiet_days: 'Choose between 1 and 365 days.' });
      return true;
    }, bad);
  }
  // A number field the browser could not read reports badInput with an empty value.
  assert.throws(() => readQuietDays(formWith('', true)));
  assert.equal(savedQuietDays({ info: { settings: { quiet_days: 30 } } }), 30);
  assert.equal(savedQuietDays({ info: {} }), QUIET_DAYS_DEFAULT);
});
