// The introduction letter in Settings: the wording families receive at the start of the year, one
// per language Rapport has handouts in. Choose a language, edit the letter (its placeholders are
// filled in for each family), save it, or go back to the wording Rapport suggests. Switching the
// language asks before it drops changes not yet saved.

import * as api from '../api.js';
import { h, replace, whileBusy } from '../dom.js';
import { actions, clearErrors, confirmDialog, errorMessage, field, form, formKeys, onSubmit } from './forms.js';

/** What each placeholder becomes in a family's letter. */
const PLACEHOLDERS = [
  ['{child}', 'the child’s first name'],
  ['{guardian}', 'the names of the family members you may contact'],
  ['{teacher}', 'your name'],
  ['{school}', 'the school’s name'],
  ['{contact_hours}', 'how families can reach you, from “You” above'],
];

/** "English", or "Spanish — Español" when the language has a name of its own. */
function languageLabel(language) {
  return language.native && language.native !== language.english ? `${language.english} — ${language.native}` : language.english;
}

/**
 * The letter editor, once the languages and the first letter are read.
 * @param {object} ctx
 * @param {{code: string, english: string, native: string}[]} languages
 * @param {{language: string, body: string, edited: boolean}} first
 * @returns {HTMLFormElement} form#letter-form
 */
function letterForm(ctx, languages, first) {
  /** The saved letter the box shows: what "unsaved changes" are measured against. */
  let shown = first;
  let loading = false;
  /** Bumped by every read or save, so that an answer arriving late cannot replace a newer one. */
  let token = 0;
  const englishName = (code) => languages.find((l) => l.code === code)?.english ?? code;

  const saveButton = h('button', { type: 'submit', class: 'button primary', id: 'letter-save' }, 'Save letter');
  const resetButton = h('button', { type: 'button', class: 'button', id: 'letter-reset' }, 'Use Rapport’s wording');
  const state = h('p', { class: 'muted', id: 'letter-state' });
  const languageField = field({
    id: 'letter-language',
    label: 'Language',
    type: 'select',
    value: first.language,
    options: languages.map((l) => ({ value: l.code, label: languageLabel(l) })),
  });
  const bodyField = field({
    id: 'letter-body',
    label: 'The letter',
    type: 'textarea',
    limit: 'letter',
    rows: 12,
    value: first.body,
    hint: 'Each line is a paragraph. Rapport adds the title and “Dear …,” above it, and your name and school below.',
  });
  bodyField.append(
    h(
      'p',
      { class: 'hint', id: 'letter-placeholders' },
      'Rapport fills in ',
      PLACEHOLDERS.map(([code, meaning], i) => [i ? '; ' : '', h('code', null, code), ` with ${meaning}`]),
      '.',
    ),
  );
  const formEl = form({ id: 'letter-form', 'aria-labelledby': 'letter-title' }, languageField, bodyField, state, actions(saveButton, resetButton));
  const select = formEl.querySelector('#letter-language');
  const body = formEl.querySelector('#letter-body');
  for (const option of select.querySelectorAll('option')) option.setAttribute('dir', 'auto');
  body.setAttribute('dir', 'auto');
  body.setAttribute('aria-describedby', 'letter-body-hint letter-placeholders');

  const dirty = () => body.value !== shown.body;
  /** The buttons as the shown letter and any read in progress allow. */
  const sync = () => {
    body.readOnly = loading;
    saveButton.disabled = loading;
    resetButton.disabled = loading || !shown.edited;
  };
  const show = (letter) => {
    shown = letter;
    select.value = letter.language;
    body.value = letter.body;
    state.textContent = letter.edited ? 'Your own wording.' : 'Rapport’s suggested wording.';
    sync();
  };

  async function switchTo(code) {
    const mine = ++token;
    clearErrors(formEl);
    loading = true;
    sync();
    try {
      const letter = await api.letterTemplate(code);
      if (mine === token) show(letter);
    } catch (err) {
      if (mine === token) select.value = shown.language;
      ctx.alert(err);
    } finally {
      if (mine === token) {
        loading = false;
        sync();
      }
    }
  }

  select.addEventListener('change', async () => {
    const next = select.value;
    if (next === shown.language) return;
    if (dirty()) {
      const yes = await confirmDialog({
        title: 'Leave your changes unsaved?',
        body: [`Your changes to the ${englishName(shown.language)} letter are not saved yet. Showing the ${englishName(next)} letter drops them.`],
        confirm: 'Drop my changes',
      });
      if (!yes) {
        select.value = shown.language;
        return;
      }
    }
    await switchTo(next);
  });

  resetButton.addEventListener('click', async () => {
    const language = shown.language;
    const yes = await confirmDialog({
      title: 'Use Rapport’s wording?',
      body: [`Your own wording of the ${englishName(language)} letter will be replaced by the wording Rapport suggests.`],
      confirm: 'Use Rapport’s wording',
      danger: true,
    });
    if (!yes) return;
    const mine = ++token;
    clearErrors(formEl);
    try {
      const letter = await whileBusy(resetButton, () => api.saveLetterTemplate(language, null));
      if (mine !== token) return;
      show(letter);
      ctx.status(`The ${englishName(language)} letter is back to Rapport’s suggested wording.`);
      body.focus();
    } catch (err) {
      ctx.alert(err);
    } finally {
      sync();
    }
  });

  formKeys(formEl, null);
  onSubmit(
    formEl,
    async () => {
      const mine = ++token;
      const letter = await api.saveLetterTemplate(shown.language, body.value);
      if (mine === token) show(letter);
      ctx.status('Letter saved.');
    },
    (f) => ({ body: 'letter-body', language: 'letter-language' })[f] ?? f,
  );
  show(first);
  return formEl;
}

/**
 * Reads what the letter editor shows first: the languages, and the first language's letter. Read
 * with the rest of Settings, so that the page is drawn at once and nothing below it jumps.
 * @returns {Promise<{languages?: object[], first?: object, error?: any}>}
 */
export async function readLetterSettings() {
  try {
    const languages = await api.letterLanguages();
    const first = await api.letterTemplate(languages[0]?.code ?? 'en');
    return { languages, first };
  } catch (error) {
    return { error };
  }
}

/**
 * The introduction letter section for Settings.
 * @param {object} ctx
 * @param {{languages?: object[], first?: object, error?: any}} letter what readLetterSettings() gave
 * @returns {HTMLElement} section#letter-settings
 */
export function renderLetterSettings(ctx, letter) {
  const section = h('section', { class: 'settings-group letter-settings', id: 'letter-settings', 'aria-labelledby': 'letter-title' });
  const head = [
    h('h2', { id: 'letter-title' }, 'Introduction letter'),
    h(
      'p',
      { class: 'section-intro' },
      'The letter families receive at the start of the year. Rapport merges it for each family, in their language where it has a translation.',
    ),
  ];

  function draw(loaded) {
    if (!loaded.error) {
      replace(section, head, letterForm(ctx, loaded.languages, loaded.first));
      return;
    }
    replace(
      section,
      head,
      h('p', { class: 'callout caution', id: 'letter-error' }, errorMessage(loaded.error)),
      h('button', { type: 'button', class: 'button', id: 'letter-retry', onclick: retry }, 'Try again'),
    );
  }

  async function retry() {
    replace(section, head, h('p', { class: 'loading' }, 'Reading the letter…'));
    draw(await readLetterSettings());
    section.querySelector('#letter-language, #letter-retry')?.focus();
  }

  draw(letter);
  return section;
}
