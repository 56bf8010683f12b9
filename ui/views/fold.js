// Long text folded: a note of many lines shows its first few and a "Show all" button, so one long
// entry does not push the rest of a child's page out of sight. Short text is left as it is.

import { h } from '../dom.js';

/** Text longer than this, or with more lines than FOLD_LINES, is folded. */
export const FOLD_CHARS = 480;
export const FOLD_LINES = 5;

let counter = 0;

/** Whether `text` is long enough to fold. */
export function isLong(text) {
  const s = String(text ?? '');
  return s.length > FOLD_CHARS || s.split('\n').length > FOLD_LINES;
}

/**
 * `el` (showing `text`) as it is when short, else in a folded box with a "Show all" button that
 * says how long the whole is and opens it (aria-expanded; "Show less" folds it again).
 * @param {HTMLElement} el
 * @param {string} text
 * @returns {HTMLElement}
 */
export function folded(el, text) {
  if (!isLong(text)) return el;
  el.id ||= `folded-${++counter}`;
  el.classList.add('folded');
  const words = String(text).trim().split(/\s+/).length;
  const more = `Show all (${words} words)`;
  const button = h('button', { type: 'button', class: 'link-button fold-toggle', 'aria-expanded': 'false', 'aria-controls': el.id }, more);
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    el.classList.toggle('folded', !open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Show less' : more;
  });
  return h('div', { class: 'foldable' }, el, button);
}
