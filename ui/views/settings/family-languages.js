// Settings → Family languages: every family-facing string Rapport prints (the questionnaire, the
// introduction letter, the conference reminder slip, the good-news note, the conference packet) in
// the language chosen, beside Rapport's English. The translations were made by machine; a teacher
// (or the district) corrects any string here, and the correction is kept in the record and used in
// every document printed from then on. "Use Rapport's wording" takes a correction back.
//
// One row per string, grouped as the documents are (each group folds away: <details>): the English
// (the row's label), the wording printed now in an input (a text area for paragraphs, lists and
// long lines), "Corrected" and Rapport's own wording under a correction, and Save (enabled once the
// text changed; Enter saves a line, Ctrl+Enter a text area, Escape puts the saved text back). A
// problem with the text (a placeholder dropped, too long) is said under it. Words typed in the
// filter, or "Only corrected strings", show only the rows that match.
//
// Corrections travel as a language pack (a TOML file): "Export language pack…" saves the shown
// language's, "Import language pack…" shows what a pack would change before reading it in; a pack
// the core refuses is listed problem by problem (file, line, key) and changes nothing. Switching
// the language, or importing, asks before it drops changes not yet saved; a token keeps an answer
// that comes back late from replacing a newer one.
//
// The words (optionLabel, previewText, importedText, exportedText) and the filter (rowMatches,
// keyId) are pure.

import * as api from '../../api.js';
import { h, replace, whileBusy } from '../../dom.js';
import { counterText, charCount } from '../../counters.js';
import { plural } from '../../format.js';
import { fold, matchesWords, queryWords } from '../../search.js';
import { actions, checkbox, clearErrors, confirmDialog, errorMessage, field, showErrors } from '../forms.js';

/** A "line" longer than this is edited in a text area, so that all of it can be read. */
const LONG_LINE = 70;
/** Characters a text area's line holds, about, for sizing it to its text. */
const LINE_CHARS = 48;
/** Placeholders in a string: kept exactly, shown as code. */
const PLACEHOLDER = /(\{[A-Za-z_]+\})/;

// ----- the words -----

/**
 * A language in the select: "Spanish — Español (3 corrected)", "English".
 * @param {{english_name: string, name: string, corrected?: number}} language
 * @returns {string}
 */
export function optionLabel(language) {
  const names = language.name && language.name !== language.english_name ? `${language.english_name} — ${language.name}` : language.english_name;
  return language.corrected ? `${names} (${language.corrected} corrected)` : names;
}

/**
 * What a pack would do: "es.toml: Spanish — 1 string becomes a correction, 0 go back to
 * Rapport’s wording, 129 unchanged."
 * @param {{file_name: string, english_name: string, changed: number, restored: number, unchanged: number}} preview
 * @returns {string}
 */
export function previewText(preview) {
  const changed = preview.changed === 1 ? '1 string becomes a correction' : `${preview.changed} strings become corrections`;
  const restored = `${preview.restored} ${preview.restored === 1 ? 'goes' : 'go'} back to Rapport’s wording`;
  return `${preview.file_name}: ${preview.english_name} — ${changed}, ${restored}, ${preview.unchanged} unchanged.`;
}

/**
 * What the section says once a pack is in.
 * @param {{english_name: string, changed: number, restored: number}} done
 * @returns {string}
 */
export function importedText(done) {
  const changed = plural(done.changed, 'correction', 'corrections');
  const restored = done.restored ? `; ${done.restored} ${done.restored === 1 ? 'string is' : 'strings are'} back to Rapport’s wording` : '';
  return `Imported the ${done.english_name} language pack: ${changed}${restored}.`;
}

/**
 * What the section says once a pack is saved: "Saved es.toml (1 correction)."
 * @param {{file_name: string, corrected: number}} written
 * @param {number} [unsaved] strings changed on screen but not saved (not in the file)
 * @returns {string}
 */
export function exportedText(written, unsaved = 0) {
  const saved = `Saved ${written.file_name} (${plural(written.corrected, 'correction', 'corrections')}).`;
  return unsaved ? `${saved} Changes not saved yet are not in it.` : saved;
}

/**
 * The id of a string's control, from its key: "letter.title" → "translation-letter-title".
 * @param {string} key
 * @returns {string}
 */
export function keyId(key) {
  return `translation-${String(key).replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * Whether a string is shown under the filter: every word typed is in its English, its wording
 * (printed now or Rapport's) or its key, case and accents aside; with `onlyCorrected`, only
 * corrections.
 * @param {{key: string, english: string, text: string, rapport: string, corrected: boolean}} string
 * @param {string[]} words from queryWords()
 * @param {boolean} onlyCorrected
 * @returns {boolean}
 */
export function rowMatches(string, words, onlyCorrected) {
  if (onlyCorrected && !string.corrected) return false;
  if (!words.length) return true;
  return matchesWords(fold([string.key, string.english, string.text, string.rapport].join('\n')), words);
}

/** The English with its placeholders as code, so that they stand out as what must be kept. */
function withPlaceholders(text) {
  return String(text ?? '')
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 ? h('code', { class: 'placeholder' }, part) : part));
}

/** A string edited in a text area: paragraphs, lists, and lines too long to read in one box. */
function multiline(string) {
  return string.kind !== 'line' || charCount(string.english ?? '') > LONG_LINE || charCount(string.text ?? '') > LONG_LINE;
}

/** How many rows a text area shows: a list's items, else about as many as its text takes. */
function areaRows(string) {
  if (string.kind === 'list') return Math.max(2, string.items ?? String(string.text).split('\n').length);
  const lines = String(string.text ?? '')
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(charCount(line) / LINE_CHARS)), 0);
  return Math.min(string.kind === 'paragraphs' ? 14 : 5, Math.max(string.kind === 'paragraphs' ? 4 : 2, lines));
}

// ----- one string -----

/**
 * A row: the English beside the wording printed now, with Save and "Use Rapport's wording".
 * @param {object} string a string of familyLanguage().sections[].strings
 * @param {{code: string, english_name: string, rtl: boolean}} language
 * @param {{save: (row: object) => void, reset: (row: object) => void, changed: (row: object) => void}} on
 * @returns {object} the row: {el, form, control, data, busy, ...}
 */
function stringRow(string, language, on) {
  const id = keyId(string.key);
  const dir = language.rtl ? 'rtl' : null;
  const common = {
    id,
    name: id,
    lang: language.code,
    dir,
    maxlength: string.max_chars ?? null,
    autocomplete: 'off',
    'data-kind': string.kind,
    value: string.text,
  };
  const control = multiline(string) ? h('textarea', { ...common, rows: areaRows(string) }) : h('input', { ...common, type: 'text' });
  const state = h('p', { class: 'translation-state', id: `${id}-state` });
  const rapport = h('p', { class: 'hint translation-rapport', id: `${id}-rapport` });
  const save = h('button', { type: 'submit', class: 'button small primary', id: `${id}-save`, 'aria-describedby': `${id}-english` }, 'Save');
  const reset = h('button', { type: 'button', class: 'button small', id: `${id}-reset`, 'aria-describedby': `${id}-english` }, 'Use Rapport’s wording');
  const formEl = h(
    'form',
    { class: 'translation-form', novalidate: true },
    h(
      'div',
      { class: 'translation-english' },
      h(
        'label',
        { for: id, class: 'translation-label' },
        h('span', { class: 'visually-hidden' }, `${language.english_name} wording of: `),
        h('span', { lang: 'en', dir: 'ltr', id: `${id}-english`, class: 'translation-english-text' }, withPlaceholders(string.english)),
      ),
      state,
    ),
    h('div', { class: 'translation-own' }, control, rapport, h('div', { class: 'translation-actions' }, save, reset)),
  );
  const el = h('li', { class: 'translation-row', dataset: { key: string.key } }, formEl);
  const row = { id, el, form: formEl, control, state, rapport, save, reset, data: string, language, busy: false };

  formEl.addEventListener('submit', (event) => {
    event.preventDefault();
    on.save(row);
  });
  reset.addEventListener('click', () => on.reset(row));
  control.addEventListener('input', () => {
    // A line stays one line, even pasted from several.
    if (string.kind === 'line' && control.value.includes('\n')) control.value = control.value.replace(/\s*\n+\s*/g, ' ');
    on.changed(row);
  });
  formEl.addEventListener('keydown', (event) => {
    if (event.isComposing || event.keyCode === 229 || event.target !== control) return;
    if (event.key === 'Escape' && rowDirty(row)) {
      // The saved text back; Escape goes no further (nothing else closes).
      event.preventDefault();
      event.stopPropagation();
      control.value = row.data.text;
      clearErrors(formEl);
      on.changed(row);
    } else if (event.key === 'Enter' && control.tagName === 'TEXTAREA' && (event.ctrlKey || event.metaKey || (string.kind === 'line' && !event.shiftKey))) {
      event.preventDefault();
      formEl.requestSubmit();
    }
  });
  drawRow(row);
  return row;
}

/** Whether the row's box holds text not saved yet. */
function rowDirty(row) {
  return row.control.value !== row.data.text;
}

/** The row as its saved string and its box say: marker, Rapport's wording, buttons, descriptions. */
function drawRow(row) {
  const { data } = row;
  const dirty = rowDirty(row);
  row.el.classList.toggle('corrected', Boolean(data.corrected));
  replace(
    row.state,
    h('code', { class: 'translation-key' }, data.key),
    data.kind === 'list' ? ` · ${plural(data.items ?? 0, 'line', 'lines')}, one each` : null,
    data.corrected ? [' ', h('span', { class: 'badge' }, 'Corrected')] : null,
    dirty ? [' ', h('span', { class: 'badge caution' }, 'Not saved')] : null,
  );
  if (data.corrected) {
    replace(row.rapport, 'Rapport’s wording: ', h('span', { lang: row.language.code, dir: row.language.rtl ? 'rtl' : null, class: 'translation-rapport-text' }, data.rapport));
    row.rapport.hidden = false;
  } else {
    row.rapport.replaceChildren();
    row.rapport.hidden = true;
  }
  row.save.disabled = row.busy || !dirty;
  row.reset.hidden = !data.corrected;
  row.reset.disabled = row.busy;
  drawCounter(row);
  describe(row);
}

/** The count of characters left, under the box once it is nearly full. */
function drawCounter(row) {
  const id = `${row.id}-count`;
  const said = counterText(charCount(row.control.value), row.data.max_chars);
  let line = row.form.querySelector(`#${CSS.escape(id)}`);
  if (!said) {
    line?.remove();
    return;
  }
  if (!line) {
    line = h('p', { class: 'char-count', id });
    row.control.insertAdjacentElement('afterend', line);
  }
  line.textContent = said.text;
  line.classList.toggle('over', said.over);
}

/** aria-describedby: the key and marker, Rapport's wording under a correction, the count, an error. */
function describe(row) {
  const ids = [`${row.id}-state`];
  if (!row.rapport.hidden) ids.push(`${row.id}-rapport`);
  for (const suffix of ['count', 'error']) {
    if (row.form.querySelector(`#${CSS.escape(`${row.id}-${suffix}`)}`)) ids.push(`${row.id}-${suffix}`);
  }
  row.control.setAttribute('aria-describedby', ids.join(' '));
}

// ----- a rejected pack -----

/**
 * "Nothing was imported": what the core said, and every problem it found by file, line and key.
 * A refused pack's message counts the problems on its first line and lists them after it: the
 * list says them once, from `problems`.
 * @param {any} err a RapportError with code 'rejected' or 'bad_file'
 * @returns {HTMLElement} section#translation-problems
 */
function problemsBox(err) {
  const problems = Array.isArray(err?.problems) ? err.problems : [];
  const message = problems.length ? errorMessage(err).split('\n')[0] : errorMessage(err);
  return h(
    'section',
    { class: 'roster-problems translation-problems', id: 'translation-problems', role: 'alert', 'aria-labelledby': 'translation-problems-title' },
    h(
      'h3',
      { id: 'translation-problems-title', tabindex: '-1' },
      problems.length ? 'Nothing was imported. Fix these in the file, then import it again:' : 'Nothing was imported.',
    ),
    h('p', { id: 'translation-problems-message', dir: 'auto' }, message),
    problems.length
      ? h('ol', { class: 'roster-problem-list', id: 'translation-problem-list' }, problems.map((p) => h('li', { dir: 'auto' }, p)))
      : null,
  );
}

/** Whether an error is a pack the core refused (its problems are listed, not alerted). */
function refusedPack(err) {
  return err?.code === 'rejected' || err?.code === 'bad_file';
}

// ----- the editor -----

/**
 * The editor, once the languages and the first language's strings are read.
 * @param {object} ctx
 * @param {object[]} firstLanguages familyLanguages()
 * @param {object} first familyLanguage() of the language shown first
 * @returns {HTMLElement[]}
 */
function editor(ctx, firstLanguages, first) {
  let languages = firstLanguages.map((l) => ({ ...l }));
  /** The language shown: familyLanguage()'s answer. */
  let shown = first;
  /** Bumped by every read, so that an answer arriving late cannot replace a newer one. */
  let token = 0;
  /** @type {{el: HTMLElement, details: HTMLDetailsElement, count: HTMLElement, rows: object[], shown: number}[]} */
  let groups = [];
  let filtering = false;

  const languageField = field({
    id: 'translation-language',
    label: 'Language',
    type: 'select',
    value: first.code,
    options: languages.map((l) => ({ value: l.code, label: optionLabel(l) })),
  });
  const select = languageField.querySelector('#translation-language');
  for (const option of select.querySelectorAll('option')) option.setAttribute('dir', 'auto');
  select.setAttribute('aria-describedby', 'translation-made');
  const made = h('p', { class: 'translation-made', id: 'translation-made' });
  const englishName = (code) => languages.find((l) => l.code === code)?.english_name ?? code;

  // ----- the section's own messages -----
  const note = h('p', { class: 'translation-status', id: 'translation-status', role: 'status' });
  let noteToken = 0;
  function say(text) {
    const mine = ++noteToken;
    note.replaceChildren();
    // A fresh text on the next frame is read out even when it repeats.
    requestAnimationFrame(() => {
      if (mine === noteToken) note.textContent = text;
    });
  }
  /** The import's preview, or a refused pack's problems. */
  const importArea = h('div', { class: 'translation-import-area', id: 'translation-import-area' });

  // ----- the filter -----
  const filterInput = h('input', {
    type: 'search',
    id: 'translation-filter',
    name: 'translation-filter',
    autocomplete: 'off',
    spellcheck: 'false',
    dir: 'auto',
    'aria-controls': 'translation-groups',
    'aria-describedby': 'translation-filter-hint',
  });
  const onlyField = checkbox({ id: 'translation-only-corrected', label: 'Only corrected strings' });
  const onlyBox = onlyField.querySelector('input');
  const count = h('p', { class: 'search-count', id: 'translation-count', role: 'status', 'aria-live': 'polite' });
  const empty = h('p', { class: 'empty-search', id: 'translation-empty', hidden: true }, 'No string matches. Change the words, or show every string.');
  const groupsEl = h('div', { class: 'translation-groups', id: 'translation-groups' });

  /** Every row of the language shown. */
  const allRows = () => groups.flatMap((g) => g.rows);
  const dirtyRows = () => allRows().filter(rowDirty);

  /** Shows the rows the filter asks for; a group with a match opens, one without is hidden. */
  function applyFilter() {
    const words = queryWords(filterInput.value);
    const only = onlyBox.checked;
    filtering = words.length > 0 || only;
    let total = 0;
    let matching = 0;
    for (const group of groups) {
      group.shown = 0;
      for (const row of group.rows) {
        const match = rowMatches(row.data, words, only);
        row.el.hidden = !match;
        if (match) group.shown += 1;
      }
      group.el.hidden = filtering && group.shown === 0;
      if (filtering && group.shown) group.details.open = true;
      total += group.rows.length;
      matching += group.shown;
    }
    count.textContent = filtering ? `${matching} of ${plural(total, 'string', 'strings')} shown.` : '';
    empty.hidden = !filtering || matching > 0;
    drawCounts();
  }

  /** Each group's summary: how many strings (and corrections), or how many match. */
  function drawCounts() {
    for (const group of groups) {
      const total = group.rows.length;
      const corrected = group.rows.filter((r) => r.data.corrected).length;
      group.count.textContent = filtering
        ? `${group.shown} of ${plural(total, 'string', 'strings')} shown`
        : `${plural(total, 'string', 'strings')}${corrected ? `, ${corrected} corrected` : ''}`;
    }
  }

  // 'change' and 'search' too: a WebDriver clear() and the field's own clear button fire no 'input'.
  for (const type of ['input', 'change', 'search']) filterInput.addEventListener(type, applyFilter);
  filterInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && filterInput.value) {
      event.preventDefault();
      filterInput.value = '';
      applyFilter();
    }
  });
  onlyBox.addEventListener('change', applyFilter);

  // ----- the corrections count in the select -----

  /** Adds `delta` to a language's corrections and says so in its option. */
  function countCorrections(code, delta) {
    const language = languages.find((l) => l.code === code);
    if (!language || !delta) return;
    language.corrected = Math.max(0, (language.corrected ?? 0) + delta);
    drawOption(language);
  }
  function drawOption(language) {
    const option = [...select.options].find((o) => o.value === language.code);
    if (option) option.textContent = optionLabel(language);
  }
  function drawOptions() {
    const value = select.value;
    replace(
      select,
      languages.map((l) => h('option', { value: l.code, dir: 'auto' }, optionLabel(l))),
    );
    select.value = value;
  }

  // ----- saving one string -----

  /**
   * Saves `text` (null: Rapport's wording) for a row's string; a problem with the text is said
   * under its box, anything else at the top of the page.
   */
  async function commit(row, text, button) {
    if (row.busy) return;
    ctx.clearAlert();
    clearErrors(row.form);
    row.busy = true;
    drawRow(row);
    const code = row.language.code;
    const before = row.data;
    let updated;
    try {
      updated = await whileBusy(button, () => api.saveTranslation(code, before.key, text));
    } catch (err) {
      row.busy = false;
      drawRow(row);
      if (err?.fields?.text && row.el.isConnected) {
        showErrors(row.form, { code: err.code, fields: { text: err.fields.text } }, () => row.id);
        describe(row);
      } else {
        ctx.alert(err);
      }
      return;
    }
    row.busy = false;
    countCorrections(code, (updated.corrected ? 1 : 0) - (before.corrected ? 1 : 0));
    if (!row.el.isConnected) return;
    // What was typed meanwhile stays; the box holds the saved text only when it held what was sent.
    const sent = text ?? before.rapport;
    if (text === null || row.control.value === sent) row.control.value = updated.text;
    row.data = updated;
    drawRow(row);
    drawCounts();
    const focus = document.activeElement;
    if (!focus || focus === document.body || row.el.contains(focus)) row.control.focus();
    ctx.status(text === null ? 'Back to Rapport’s wording.' : updated.corrected ? 'Correction saved.' : 'Saved.');
  }

  const on = {
    save(row) {
      if (!rowDirty(row)) return;
      commit(row, row.control.value, row.save);
    },
    async reset(row) {
      if (row.busy) return;
      const yes = await confirmDialog({
        title: 'Use Rapport’s wording?',
        body: [
          'Your correction of this string is replaced by Rapport’s own wording:',
          h('p', { lang: row.language.code, dir: row.language.rtl ? 'rtl' : null, class: 'translation-confirm-text' }, row.data.rapport),
        ],
        confirm: 'Use Rapport’s wording',
        danger: true,
      });
      if (yes) commit(row, null, row.reset);
    },
    changed(row) {
      drawRow(row);
    },
  };

  // ----- the language shown -----

  /** Draws a language's strings, grouped, and applies the filter. */
  function show(detail) {
    shown = detail;
    select.value = detail.code;
    made.textContent = detail.made ?? '';
    const language = languages.find((l) => l.code === detail.code);
    if (language && language.corrected !== detail.corrected) {
      language.corrected = detail.corrected;
      drawOption(language);
    }
    groups = (detail.sections ?? []).map((section) => {
      const rows = (section.strings ?? []).map((s) => stringRow(s, detail, on));
      const part = keyId(section.section).slice('translation-'.length);
      const titleId = `translation-group-${part}-title`;
      const groupCount = h('span', { class: 'translation-group-count' });
      const details = h(
        'details',
        { class: 'translation-details' },
        h('summary', null, h('span', { class: 'visually-hidden' }, `${section.title}: `), groupCount),
        h('ul', { class: 'translation-list' }, rows.map((r) => r.el)),
      );
      const el = h(
        'section',
        { class: 'translation-group', id: `translation-group-${part}`, 'aria-labelledby': titleId, dataset: { section: section.section } },
        h('h3', { id: titleId }, section.title),
        section.about ? h('p', { class: 'hint translation-about' }, section.about) : null,
        details,
      );
      return { el, details, count: groupCount, rows, shown: rows.length };
    });
    replace(groupsEl, groups.map((g) => g.el));
    applyFilter();
  }

  /**
   * Reads and shows a language (with `languages`, the list too: after an import).
   * @param {string} code
   * @param {{languages?: boolean}} [o]
   * @returns {Promise<boolean>} whether it is shown
   */
  async function load(code, o = {}) {
    const mine = ++token;
    groupsEl.setAttribute('aria-busy', 'true');
    try {
      const [list, detail] = await Promise.all([o.languages ? api.familyLanguages() : null, api.familyLanguage(code)]);
      if (mine !== token) return false;
      if (list) {
        languages = list.map((l) => ({ ...l }));
        drawOptions();
      }
      show(detail);
      return true;
    } catch (err) {
      if (mine !== token) return false;
      select.value = shown.code;
      ctx.alert(err);
      return false;
    } finally {
      if (mine === token) groupsEl.removeAttribute('aria-busy');
    }
  }

  /** Asks before dropping changes not saved yet; true to go on. */
  async function mayDrop(what) {
    const dirty = dirtyRows().length;
    if (!dirty) return true;
    return confirmDialog({
      title: 'Leave your changes unsaved?',
      body: [`Your changes to ${plural(dirty, 'string', 'strings')} in ${englishName(shown.code)} are not saved yet. ${what} drops them.`],
      confirm: 'Drop my changes',
    });
  }

  select.addEventListener('change', async () => {
    const next = select.value;
    if (next === shown.code) return;
    if (!(await mayDrop(`Showing ${englishName(next)}`))) {
      select.value = shown.code;
      return;
    }
    ctx.clearAlert();
    await load(next);
  });

  // ----- language packs -----

  const exportButton = h('button', { type: 'button', class: 'button', id: 'translation-export' }, 'Export language pack…');
  const importButton = h('button', { type: 'button', class: 'button', id: 'translation-import' }, 'Import language pack…');

  exportButton.addEventListener('click', async () => {
    if (exportButton.disabled) return;
    ctx.clearAlert();
    const unsaved = dirtyRows().length;
    let written;
    try {
      written = await whileBusy(exportButton, () => api.exportLanguagePack(shown.code));
    } catch (err) {
      ctx.alert(err);
      return;
    }
    if (written) say(exportedText(written, unsaved));
  });

  /** Shows a refused pack's problems, the focus on them. */
  function refused(err) {
    const box = problemsBox(err);
    replace(importArea, box);
    box.querySelector('h3').focus();
  }

  /** "Import" and "Cancel" under what the chosen pack would change. */
  function showPreview(preview) {
    const nothing = !preview.changed && !preview.restored;
    const confirm = h(
      'button',
      { type: 'button', class: 'button primary', id: 'translation-import-confirm', disabled: nothing, 'aria-describedby': 'translation-import-text' },
      'Import',
    );
    const cancel = h('button', { type: 'button', class: 'button', id: 'translation-import-cancel' }, 'Cancel');
    const box = h(
      'section',
      { class: 'callout translation-import-preview', id: 'translation-import-preview', 'aria-labelledby': 'translation-import-title' },
      h('h3', { id: 'translation-import-title', tabindex: '-1' }, 'Import this language pack?'),
      h('p', { id: 'translation-import-text', dir: 'auto' }, previewText(preview)),
      preview.made ? h('p', { class: 'hint translation-import-made' }, preview.made) : null,
      nothing ? h('p', { id: 'translation-import-nothing' }, 'Nothing would change: your record already has this wording.') : null,
      actions(confirm, cancel),
    );
    cancel.addEventListener('click', () => {
      importArea.replaceChildren();
      importButton.focus();
    });
    confirm.addEventListener('click', () => importPack(confirm, preview));
    replace(importArea, box);
    box.querySelector('h3').focus();
  }

  async function importPack(button, preview) {
    if (button.disabled) return;
    if (!(await mayDrop(`Importing the ${preview.english_name} language pack`))) return;
    ctx.clearAlert();
    let done;
    try {
      done = await whileBusy(button, () => api.importLanguagePack());
    } catch (err) {
      if (refusedPack(err)) refused(err);
      else ctx.alert(err);
      return;
    }
    importArea.replaceChildren();
    say(importedText(done));
    // The pack's language, with every language's count read again.
    await load(done.code, { languages: true });
    select.focus();
  }

  importButton.addEventListener('click', async () => {
    if (importButton.disabled) return;
    ctx.clearAlert();
    importArea.replaceChildren();
    let preview;
    try {
      preview = await whileBusy(importButton, () => api.chooseLanguagePack());
    } catch (err) {
      if (refusedPack(err)) refused(err);
      else ctx.alert(err);
      return;
    }
    if (preview) showPreview(preview);
  });

  show(first);
  return [
    h(
      'div',
      { class: 'translation-head' },
      languageField,
      made,
      h(
        'p',
        { class: 'hint', id: 'translation-placeholders' },
        'Keep every word in braces, such as ',
        h('code', null, '{child}'),
        ', exactly as it is: Rapport fills it in for each family. Enter saves a line, Ctrl+Enter a longer text, and Escape puts back what was saved.',
      ),
    ),
    actions(exportButton, importButton),
    note,
    importArea,
    h(
      'div',
      { class: 'translation-tools' },
      h(
        'div',
        { class: 'field translation-filter' },
        h('label', { for: 'translation-filter' }, 'Find a string'),
        h('p', { class: 'hint', id: 'translation-filter-hint' }, 'Words in English or in the translation. Escape clears.'),
        filterInput,
      ),
      onlyField,
    ),
    count,
    empty,
    groupsEl,
  ];
}

// ----- reading, and the section -----

/**
 * Reads what the section shows first: the languages, and the first language other than English
 * (Spanish). Read with the rest of Settings, so that the page is drawn at once.
 * @returns {Promise<{languages?: object[], first?: object, error?: any}>}
 */
export async function readFamilyLanguages() {
  try {
    const languages = await api.familyLanguages();
    const firstCode = (languages.find((l) => l.code !== 'en') ?? languages[0])?.code ?? 'en';
    const first = await api.familyLanguage(firstCode);
    return { languages, first };
  } catch (error) {
    return { error };
  }
}

/**
 * The "Family languages" section of Settings.
 * @param {object} ctx
 * @param {{languages?: object[], first?: object, error?: any}} data what readFamilyLanguages() gave
 * @returns {HTMLElement} section#family-languages
 */
export function renderFamilyLanguages(ctx, data) {
  const section = h('section', { class: 'settings-group family-languages', id: 'family-languages', 'aria-labelledby': 'family-languages-title' });
  const head = [
    h('h2', { id: 'family-languages-title', tabindex: '-1' }, 'Family languages'),
    h(
      'p',
      { class: 'section-intro' },
      'Rapport prints the handouts for families (the questionnaire, the introduction letter, the conference reminder, the good-news note and the conference packet) in these languages. ',
      'The translations were made by machine and may be wrong. Correct any string here and Rapport prints your wording in every document. ',
      'Share your corrections with colleagues as a language pack.',
    ),
  ];

  function draw(loaded) {
    if (!loaded.error) {
      replace(section, head, editor(ctx, loaded.languages, loaded.first));
      return;
    }
    replace(
      section,
      head,
      h('p', { class: 'callout caution', id: 'translation-error' }, errorMessage(loaded.error)),
      h('button', { type: 'button', class: 'button', id: 'translation-retry', onclick: retry }, 'Try again'),
    );
  }

  async function retry() {
    replace(section, head, h('p', { class: 'loading' }, 'Reading the family languages…'));
    draw(await readFamilyLanguages());
    section.querySelector('#translation-language, #translation-retry')?.focus();
  }

  draw(data);
  return section;
}
