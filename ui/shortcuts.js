// Keyboard shortcuts: Alt with a letter goes to a screen or starts a common note, Ctrl+K (⌘K on a
// Mac) goes to the sidebar's "Search everything" box, and "?" (outside a text box) lists them all. One list, SHORTCUTS, drives both the keys and the list shown, so the
// two cannot disagree. Nothing happens while a dialog is open or a key is being composed.

import { h } from './dom.js';
import { isSearchKey, onMac, searchKeys } from './search-everything.js';

/**
 * Each shortcut: the key as KeyboardEvent.code with Alt, the words shown, and what it does: go to
 * a route, or click/focus an element of the current page (when the page has it).
 */
export const SHORTCUTS = [
  { code: 'KeyT', keys: 'Alt+T', label: 'Today', hash: '#/today' },
  { code: 'KeyS', keys: 'Alt+S', label: 'Students', hash: '#/students' },
  { code: 'KeyC', keys: 'Alt+C', label: 'Conferences', hash: '#/conferences' },
  { code: 'KeyF', keys: 'Alt+F', label: 'Sitting with the family: hide private notes, or show them again', click: '#family-view-toggle' },
  { code: 'KeyJ', keys: 'Alt+J', label: 'On a child’s page: jump to a section', focus: '#student-jump a' },
  { code: 'KeyL', keys: 'Alt+L', label: 'On a child’s page: log a contact', click: '#log-contact' },
  { code: 'KeyG', keys: 'Alt+G', label: 'On a child’s page: note good news', focus: '#praise_category' },
  { code: 'KeyN', keys: 'Alt+N', label: 'On a child’s page: note a concern', click: '#add-concern' },
  { code: 'KeyA', keys: 'Alt+A', label: 'On a child’s page: add a goal', click: '#add-goal' },
  { code: 'KeyK', keys: 'Alt+K', label: 'Lock Rapport now (a record protected by a passphrase)', click: '#lock-now' },
];

/** Keys that work inside forms and dialogs, listed with the rest. */
const FORM_KEYS = [
  ['Enter', 'In a form: save'],
  ['Ctrl+Enter', 'In a text box: save'],
  ['Esc', 'Close a form or dialog (what you typed is kept as a draft)'],
  ['?', 'This list (outside a text box)'],
];

function typing(target) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select');
}

/** The shortcut an Alt+key press means, if any. */
export function shortcutFor(event) {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return SHORTCUTS.find((s) => s.code === event.code) ?? null;
}

function run(shortcut) {
  if (shortcut.hash) {
    location.hash = shortcut.hash;
    return true;
  }
  const el = document.querySelector(shortcut.click ?? shortcut.focus);
  if (!(el instanceof HTMLElement) || el.hidden || el.closest('[hidden]')) return false;
  el.scrollIntoView({ block: 'center' });
  if (shortcut.click) el.click();
  else el.focus();
  return true;
}

/** The "?" list: a modal dialog with every shortcut, closed by Escape or its button. */
export function showShortcuts() {
  if (document.getElementById('shortcuts-dialog')) return;
  const returnTo = document.activeElement;
  const close = h('button', { type: 'submit', class: 'button primary', id: 'shortcuts-close' }, 'Close');
  const row = (keys, label) => h('tr', null, h('th', { scope: 'row' }, h('kbd', null, keys)), h('td', null, label));
  const dialog = h(
    'dialog',
    { id: 'shortcuts-dialog', class: 'dialog shortcuts-dialog', 'aria-labelledby': 'shortcuts-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'),
      h(
        'table',
        { class: 'shortcuts' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Keys'), h('th', { scope: 'col' }, 'What they do'))),
        h(
          'tbody',
          null,
          row(searchKeys(onMac()), 'Search everything: children, guardians, families’ answers, goals and notes'),
          SHORTCUTS.map((s) => row(s.keys, s.label)),
          FORM_KEYS.map(([k, l]) => row(k, l)),
        ),
      ),
      h('div', { class: 'form-actions' }, close),
    ),
  );
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
  });
  dialog.showModal();
  close.focus();
}

/** Listens for the shortcuts on the whole window. */
export function installShortcuts() {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || document.querySelector('dialog[open]')) return;
    if (event.key === '?' && !event.altKey && !event.ctrlKey && !event.metaKey && !typing(event.target)) {
      event.preventDefault();
      showShortcuts();
      return;
    }
    if (isSearchKey(event)) {
      const box = document.getElementById('everything-search-box');
      if (box instanceof HTMLInputElement && !box.closest('[hidden]')) {
        event.preventDefault();
        box.focus();
        box.select();
      }
      return;
    }
    const shortcut = shortcutFor(event);
    if (shortcut && run(shortcut)) event.preventDefault();
  });
}
