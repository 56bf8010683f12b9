// Drafts: what a teacher types into a form is kept in the record a moment after each change, so
// Escape, Cancel, another page or quitting the app loses nothing. Opening the same form again
// brings the text back with a line that says so and a "Discard draft" button; saving the form
// drops the draft. A form names its draft by what it is for ("contact:<child>:new",
// "goal:<goal id>"), so a draft never lands in a form for something else.

import * as api from './api.js';
import { h } from './dom.js';

/** How long after the last keystroke a draft is kept. */
const KEEP_AFTER_MS = 400;

/** Every form keeping a draft now: kept at once when the page changes. */
const live = new Set();

let wired = false;
function wire() {
  if (wired) return;
  wired = true;
  const keepAll = () => {
    for (const d of live) {
      d.keepNow();
      if (!d.form.isConnected) live.delete(d);
    }
  };
  // The route changes before the next page replaces this one: the form is still there to read.
  window.addEventListener('hashchange', keepAll);
  window.addEventListener('pagehide', keepAll);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') keepAll();
  });
}

/** The controls a draft keeps: every named field a person types in or ticks. */
function controls(formEl) {
  return [...formEl.querySelectorAll('input[id], textarea[id], select[id]')].filter(
    (el) => !['hidden', 'button', 'submit', 'reset', 'file', 'image'].includes(el.type),
  );
}

/** The form's values by control id ('true'/'false' for boxes and radio buttons). */
export function readFields(formEl) {
  const fields = {};
  for (const el of controls(formEl)) {
    fields[el.id] = el.type === 'checkbox' || el.type === 'radio' ? String(el.checked) : el.value;
  }
  return fields;
}

/** Puts values back, telling the form's own listeners (the SMART check, counters). */
export function writeFields(formEl, fields) {
  for (const [id, value] of Object.entries(fields)) {
    const el = formEl.querySelector(`#${CSS.escape(id)}`);
    if (!el || el.disabled) continue;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = value === 'true';
    else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

function same(a, b) {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false;
  return true;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/** "10:42 am" today, else "Monday 30 November at 10:42 am". */
function whenKept(savedAt) {
  const at = new Date(savedAt);
  if (Number.isNaN(at.getTime())) return '';
  const now = new Date();
  return at.toDateString() === now.toDateString() ? TIME.format(at) : `${DAY.format(at)} at ${TIME.format(at)}`;
}

/**
 * Keeps `formEl`'s typed values as a draft, and brings back the draft it left last time.
 * @param {HTMLFormElement} formEl filled with its starting values
 * @param {object} o
 * @param {string} o.key what the form is for
 * @param {string} o.studentId the child the draft is about
 * @param {(el: HTMLElement) => void} [o.placeNote] puts the "draft is back" line (default: the form's top)
 * @returns {{ready: Promise<boolean>, keepNow: () => Promise<boolean>, saved: () => Promise<void>, close: () => Promise<boolean>}}
 *   ready: resolves true when a draft came back; keepNow: keeps what is there now (true when a draft
 *   is kept); saved: the form was saved, drop the draft; close: the form goes away unsaved (keeps
 *   it, says whether a draft is kept)
 */
export function keepDraft(formEl, { key, studentId, placeNote }) {
  wire();
  const initial = readFields(formEl);
  let timer = 0;
  let finished = false;
  let typed = false;
  let note = null;
  /** The last values sent, so an unchanged form is not written again. */
  let lastSent = initial;
  let kept = false;

  /** Saves run one after another, so a later one sees what an earlier one kept. */
  let queue = Promise.resolve(false);
  const keepNow = () => {
    clearTimeout(timer);
    queue = queue.then(keep, keep);
    return queue;
  };
  const keep = async () => {
    if (finished || !typed) return kept;
    const fields = readFields(formEl);
    if (same(fields, lastSent)) return kept;
    lastSent = fields;
    try {
      if (same(fields, initial)) {
        await api.discardDraft(key);
        kept = false;
      } else {
        await api.saveDraft(key, studentId, fields);
        kept = true;
      }
    } catch (err) {
      // Keeping a draft must never stand in the teacher's way; the form itself still saves.
      console.warn('the draft could not be kept', err);
    }
    return kept;
  };

  const onChange = (event) => {
    if (!event.isTrusted || finished) return;
    typed = true;
    clearTimeout(timer);
    timer = setTimeout(keepNow, KEEP_AFTER_MS);
  };
  formEl.addEventListener('input', onChange);
  formEl.addEventListener('change', onChange);
  formEl.addEventListener('focusout', () => {
    if (typed) keepNow();
  });

  const handle = {
    form: formEl,
    keepNow,
    async saved() {
      finished = true;
      clearTimeout(timer);
      live.delete(handle);
      note?.remove();
      try {
        // A save still on its way would bring the draft back after the discard.
        await queue;
        await api.discardDraft(key);
      } catch (err) {
        console.warn('the draft could not be dropped', err);
      }
    },
    async close() {
      const wasKept = await keepNow();
      finished = true;
      live.delete(handle);
      return wasKept;
    },
    ready: Promise.resolve(false),
  };
  live.add(handle);

  handle.ready = api
    .getDraft(key)
    .then((draft) => {
      // Nothing to bring back, or the teacher has already started typing afresh.
      if (!draft || typed || finished || !formEl.isConnected) return false;
      writeFields(formEl, draft.fields);
      lastSent = readFields(formEl);
      kept = true;
      const discard = h('button', { type: 'button', class: 'link-button draft-discard', id: `${formEl.id}-discard-draft` }, 'Discard draft');
      note = h(
        'p',
        { class: 'draft-note', id: `${formEl.id}-draft-note`, role: 'status' },
        `Your draft from ${whenKept(draft.saved_at)} is back. `,
        discard,
      );
      discard.addEventListener('click', async () => {
        writeFields(formEl, initial);
        lastSent = initial;
        kept = false;
        typed = false;
        note.remove();
        note = null;
        try {
          await api.discardDraft(key);
        } catch (err) {
          console.warn('the draft could not be dropped', err);
        }
        controls(formEl)[0]?.focus();
      });
      if (placeNote) placeNote(note);
      else formEl.querySelector('.form-alert')?.after(note);
      return true;
    })
    .catch((err) => {
      console.warn('the draft could not be read', err);
      return false;
    });
  return handle;
}
