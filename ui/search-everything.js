// "Search everything" in words and addresses, kept pure (no DOM) so it can be tested on its own:
// what each kind of hit is called, the sentences the results panel says, and how a hit names the
// item it opens. An item is named "<kind>:<id>" ("contact:0191…"): the student page's items carry
// it as data-item="contact:<id>", and a hit opens the child's page as
// #/students/<child id>?item=contact:<id>, which the page reads to bring that item into view.

/** Each kind the core's search returns, in the teacher's words. */
export const KIND_LABELS = new Map([
  ['student', 'Child'],
  ['guardian', 'Guardian'],
  ['answer', 'Family answer'],
  ['goal', 'Goal'],
  ['check_in', 'Check-in'],
  ['home_activity', 'Learning at home'],
  ['contact', 'Contact'],
  ['praise', 'Praise'],
  ['concern', 'Concern'],
]);

/**
 * The heading of the section of a child's page each kind lives in: where the page goes when the
 * item itself is no longer there (deleted since) or not shown (private, while sitting with the
 * family).
 */
export const SECTION_HEADINGS = new Map([
  ['student', 'student-name'],
  ['guardian', 'guardians-title'],
  ['answer', 'family-answers-title'],
  ['goal', 'goals-title'],
  ['check_in', 'goals-title'],
  ['home_activity', 'goals-title'],
  ['contact', 'contacts-title'],
  ['praise', 'praise-title'],
  ['concern', 'concerns-title'],
]);

/** How many hits one search asks for (the core gives at most 50). */
export const SEARCH_LIMIT = 20;

/** A word shorter than this is looked for among children and guardians only (the core's rule). */
export const INDEXED_LETTERS = 3;

const ITEM_ID = /^[0-9A-Za-z_-]+$/;

/**
 * What a kind of hit is called: "Contact", "Family answer", "Check-in", …
 * @param {string} kind
 * @returns {string}
 */
export function kindLabel(kind) {
  return KIND_LABELS.get(kind) ?? 'Other';
}

/**
 * The name of one item of a child's page, as its data-item attribute carries it.
 * @param {string} kind one of KIND_LABELS' keys
 * @param {string} id the row's id
 * @returns {string} e.g. "contact:0191d2c4-…"
 * @example itemKey('check_in', 'a1') === 'check_in:a1'
 */
export function itemKey(kind, id) {
  return `${kind}:${id}`;
}

/**
 * Reads an item's name back; null when it is not one (an unknown kind, no id, stray text).
 * @param {string|null|undefined} text
 * @returns {{kind: string, id: string}|null}
 */
export function parseItemKey(text) {
  const s = String(text ?? '');
  const colon = s.indexOf(':');
  if (colon < 0) return null;
  const kind = s.slice(0, colon);
  const id = s.slice(colon + 1);
  if (!KIND_LABELS.has(kind) || !ITEM_ID.test(id)) return null;
  return { kind, id };
}

/**
 * The address that opens a hit: its child's page, at the item. Null for a hit that belongs to no
 * child's page (a guardian linked to no child): it is listed, but opens nothing.
 * @param {{kind: string, item: string, student_id: string|null}} hit
 * @returns {string|null}
 */
export function arrivalHash(hit) {
  if (!hit?.student_id || !KIND_LABELS.has(hit.kind) || !ITEM_ID.test(String(hit.item ?? ''))) return null;
  return `#/students/${encodeURIComponent(hit.student_id)}?item=${itemKey(hit.kind, hit.item)}`;
}

/**
 * The item a student page's address asks for ("?item=contact:<id>"), if any.
 * @param {URLSearchParams} query
 * @returns {{kind: string, id: string}|null}
 */
export function itemFromQuery(query) {
  return parseItemKey(query?.get('item'));
}

/**
 * What a hit shows: its kind in words, the child, and the words around the match. A child's own
 * hit shows no snippet: the words indexed for a child are their names run together and the
 * teacher's private notes.
 * @param {{kind: string, student: string|null, snippet: string}} hit
 * @returns {{kind: string, child: string, snippet: string, opens: boolean}}
 */
export function hitParts(hit) {
  return {
    kind: kindLabel(hit.kind),
    child: hit.student ?? '',
    snippet: hit.kind === 'student' ? '' : String(hit.snippet ?? '').trim(),
    opens: arrivalHash(hit) != null,
  };
}

/**
 * What the panel says (and a screen reader hears) about a search's results.
 * @param {number} count hits shown
 * @param {string} query what was searched for
 * @param {number} [limit] how many were asked for
 * @returns {string}
 */
export function resultsSentence(count, query, limit = SEARCH_LIMIT) {
  if (count === 0) return `Nothing found for “${query.trim()}”.`;
  if (count === 1) return '1 result.';
  if (count >= limit) return `The first ${count} results. Type more words to narrow them.`;
  return `${count} results.`;
}

/**
 * True when every word typed is shorter than three letters: the core then looks among children's
 * and guardians' names only (a two-letter name such as "Li" or "小明"), and the panel says so.
 * @param {string} query
 * @returns {boolean}
 */
export function onlyNamesSearched(query) {
  const words = String(query ?? '').split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.every((w) => [...w].length < INDEXED_LETTERS);
}

/**
 * The keys that reach the box, for the shortcuts list and the box's label.
 * @param {boolean} mac the computer is a Mac
 * @returns {string}
 */
export function searchKeys(mac) {
  return mac ? '⌘K' : 'Ctrl+K';
}

/**
 * Whether this computer is a Mac (the box is reached with ⌘K there). Reads navigator when called.
 * @returns {boolean}
 */
export function onMac() {
  const nav = globalThis.navigator;
  return /Mac|iPhone|iPad/.test(String(nav?.platform || nav?.userAgent || ''));
}

/**
 * Whether a key press is Ctrl+K (or ⌘K): "go to the search box". Shift or Alt with it is
 * something else (Alt+K locks the record).
 * @param {{key?: string, code?: string, ctrlKey?: boolean, metaKey?: boolean, altKey?: boolean, shiftKey?: boolean}} event
 * @returns {boolean}
 */
export function isSearchKey(event) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  return event.code === 'KeyK' || String(event.key ?? '').toLowerCase() === 'k';
}
