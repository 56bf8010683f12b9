// Unit tests for ui/search-everything.js: the words and addresses of "Search everything" (node --test tests/ui/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  KIND_LABELS,
  SECTION_HEADINGS,
  arrivalHash,
  hitParts,
  isSearchKey,
  itemFromQuery,
  itemKey,
  kindLabel,
  onlyNamesSearched,
  parseItemKey,
  resultsSentence,
  searchKeys,
} from '../../ui/search-everything.js';

const CHILD = '0193b7c2-1a2b-7c3d-8e4f-0123456789ab';
const CONTACT = '0193b7c2-9999-7c3d-8e4f-0123456789ab';

test('every kind the core returns is named in the teacher’s words', () => {
  assert.equal(kindLabel('contact'), 'Contact');
  assert.equal(kindLabel('answer'), 'Family answer');
  assert.equal(kindLabel('goal'), 'Goal');
  assert.equal(kindLabel('check_in'), 'Check-in');
  assert.equal(kindLabel('home_activity'), 'Learning at home');
  assert.equal(kindLabel('praise'), 'Praise');
  assert.equal(kindLabel('concern'), 'Concern');
  assert.equal(kindLabel('student'), 'Child');
  assert.equal(kindLabel('guardian'), 'Guardian');
  assert.equal(kindLabel('toString'), 'Other', 'no name leaks in from an object’s prototype');
  assert.deepEqual([...KIND_LABELS.keys()].sort(), [...SECTION_HEADINGS.keys()].sort(), 'each kind has a section to fall back on');
});

test('an item’s name reads back as it was written, and stray text is no item', () => {
  assert.equal(itemKey('check_in', CONTACT), `check_in:${CONTACT}`);
  for (const kind of KIND_LABELS.keys()) assert.deepEqual(parseItemKey(itemKey(kind, CONTACT)), { kind, id: CONTACT });
  assert.equal(parseItemKey('contact'), null);
  assert.equal(parseItemKey('contact:'), null);
  assert.equal(parseItemKey(`note:${CONTACT}`), null, 'an unknown kind');
  assert.equal(parseItemKey('contact:"] , *'), null, 'nothing that could break out of a selector');
  assert.equal(parseItemKey(null), null);
});

test('a hit opens its child’s page at the item, and the page reads the item back', () => {
  const hash = arrivalHash({ kind: 'contact', item: CONTACT, student_id: CHILD });
  assert.equal(hash, `#/students/${CHILD}?item=contact:${CONTACT}`);
  // As the router reads it (ui/app.js parseHash): the path, then the query.
  const [path, search] = hash.slice(1).split('?');
  assert.match(path, /^\/students\/([0-9a-f-]{36})$/);
  assert.deepEqual(itemFromQuery(new URLSearchParams(search)), { kind: 'contact', id: CONTACT });
  assert.equal(itemFromQuery(new URLSearchParams('guardians')), null);
  // A child opens their own page at the top; a guardian with no child opens nothing.
  assert.equal(arrivalHash({ kind: 'student', item: CHILD, student_id: CHILD }), `#/students/${CHILD}?item=student:${CHILD}`);
  assert.equal(arrivalHash({ kind: 'guardian', item: CONTACT, student_id: null }), null);
});

test('a hit shows its kind, the child and the words around the match, but no child’s private notes', () => {
  const contact = { kind: 'contact', item: CONTACT, student_id: CHILD, student: 'José Núñez', snippet: '  Welcome call. Shared the class schedule… ' };
  assert.deepEqual(hitParts(contact), { kind: 'Contact', child: 'José Núñez', snippet: 'Welcome call. Shared the class schedule…', opens: true });
  const child = { kind: 'student', item: CHILD, student_id: CHILD, student: 'Анна Петрова', snippet: 'Анна Петрова ПетроваАнна Father: no contact' };
  assert.equal(hitParts(child).snippet, '');
  const alone = { kind: 'guardian', item: CONTACT, student_id: null, student: null, snippet: 'Ольга Петрова Mother' };
  assert.deepEqual(hitParts(alone), { kind: 'Guardian', child: '', snippet: 'Ольга Петрова Mother', opens: false });
});

test('the results panel says how many, or that nothing was found', () => {
  assert.equal(resultsSentence(0, '  zebra '), 'Nothing found for “zebra”.');
  assert.equal(resultsSentence(1, 'x'), '1 result.');
  assert.equal(resultsSentence(7, 'x'), '7 results.');
  assert.equal(resultsSentence(20, 'x', 20), 'The first 20 results. Type more words to narrow them.');
});

test('words under three letters look among names only, counted in letters of any script', () => {
  assert.equal(onlyNamesSearched('Li'), true);
  assert.equal(onlyNamesSearched('小明'), true);
  assert.equal(onlyNamesSearched('Li Na'), true);
  assert.equal(onlyNamesSearched('Li reading'), false);
  assert.equal(onlyNamesSearched('Анна'), false);
  assert.equal(onlyNamesSearched('   '), false);
});

test('Ctrl+K or ⌘K reaches the box; Alt+K (lock) and Ctrl+Shift+K do not', () => {
  assert.equal(isSearchKey({ key: 'k', code: 'KeyK', ctrlKey: true }), true);
  assert.equal(isSearchKey({ key: 'k', code: 'KeyK', metaKey: true }), true);
  assert.equal(isSearchKey({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }), false);
  assert.equal(isSearchKey({ key: 'k', code: 'KeyK', altKey: true }), false);
  assert.equal(isSearchKey({ key: 'k', code: 'KeyK' }), false);
  assert.equal(isSearchKey({ key: 'л', code: 'KeyK', ctrlKey: true }), true, 'a Cyrillic keyboard: the same key');
  assert.equal(searchKeys(false), 'Ctrl+K');
  assert.equal(searchKeys(true), '⌘K');
});
