// The end of the year, in Settings → Class: archive the current class (read-only, still printable)
// or reopen it, and "Start a new year…": a new class with the chosen children of this one carried
// over with their guardians. Starting a new year archives the old class and makes the new one the
// class Rapport shows.

import * as api from '../api.js';
import { h, nameText, whileBusy } from '../dom.js';
import { actions, confirmDialog, errorMessage, field, form, onSubmit, valueOf } from './forms.js';
import { prefixed } from '../parts/record.js';


/** "with 3 children", "with 1 child", "with no children". */
function childrenText(n) {
  if (n === 0) return 'no children';
  return n === 1 ? '1 child' : `${n} children`;
}

/**
 * Reads the children of the current class (the ones a new year can carry over) with the rest of
 * Settings, so that the page is drawn at once.
 * @param {object} ctx
 * @returns {Promise<{students?: object[], error?: any}>}
 */
export async function readYearEnd(ctx) {
  const cls = ctx.currentClass;
  if (!cls) return { students: [] };
  try {
    return { students: await api.listStudents(cls.id) };
  } catch (error) {
    return { error };
  }
}

/**
 * Archives the current class after asking, or reopens it; then Settings is drawn again with the
 * other button focused.
 * @param {object} ctx
 * @param {{id: number, name: string}} cls
 * @param {boolean} archived what the class should become
 * @param {HTMLButtonElement} button
 */
async function setArchived(ctx, cls, archived, button) {
  if (button.disabled) return;
  if (archived) {
    const yes = await confirmDialog({
      title: ['Archive ', nameText(cls.name), '?'],
      body: ['It stays in Rapport to read and print, but can no longer be changed. You can reopen it.'],
      confirm: 'Archive this class',
    });
    if (!yes) return;
  }
  ctx.clearAlert();
  try {
    await whileBusy(button, () => api.archiveClass(cls.id, archived));
    await ctx.reloadInfo();
    ctx.status([nameText(cls.name), archived ? ' is archived.' : ' is open again.']);
    await ctx.refresh(archived ? '#unarchive-class' : '#archive-class');
  } catch (err) {
    ctx.alert(err);
  }
}

/**
 * "Children to carry over": a checkbox per child of the class, all ticked, with Select all and
 * Select none. Its id is the field an error about the carried children lands on.
 * @param {{students?: object[], error?: any}} listed what readYearEnd() gave
 * @returns {HTMLFieldSetElement}
 */
function carryFieldset(listed) {
  const students = listed.students ?? [];
  const setAll = (fieldset, checked) => {
    for (const box of fieldset.querySelectorAll('input[name="carry"]')) box.checked = checked;
  };
  let body;
  if (listed.error) {
    body = h('p', { class: 'callout caution', id: 'carry-error' }, errorMessage(listed.error));
  } else if (!students.length) {
    body = h('p', { class: 'muted', id: 'carry-empty' }, 'This class has no children to carry over.');
  } else {
    body = [
      h(
        'div',
        { class: 'carry-select' },
        h('button', { type: 'button', class: 'button small', id: 'carry-all', onclick: (e) => setAll(e.currentTarget.closest('fieldset'), true) }, 'Select all'),
        h('button', { type: 'button', class: 'button small', id: 'carry-none', onclick: (e) => setAll(e.currentTarget.closest('fieldset'), false) }, 'Select none'),
      ),
      h(
        'div',
        { class: 'carry-list', id: 'carry-list' },
        students.map((s) =>
          h(
            'div',
            { class: 'field-check' },
            h('input', { type: 'checkbox', id: `carry-${s.id}`, name: 'carry', value: String(s.id), checked: true }),
            h('label', { for: `carry-${s.id}`, dir: 'auto' }, s.display_name),
          ),
        ),
      ),
    ];
  }
  return h(
    'fieldset',
    { class: 'field carry-over', id: 'new_year_carry', 'aria-describedby': 'new_year_carry-hint' },
    h('legend', null, 'Children to carry over'),
    body,
    h('p', { class: 'hint', id: 'new_year_carry-hint' }, 'Their guardians come along. This year’s record stays in the archived class, to read and print.'),
  );
}

/**
 * The form "Start a new year…" opens in `slot` (the button is hidden while it is open).
 * @param {object} ctx
 * @param {{students?: object[], error?: any}} listed
 * @param {HTMLButtonElement} openButton
 * @param {HTMLElement} slot
 */
function openNewYear(ctx, listed, openButton, slot) {
  const from = ctx.currentClass;
  const close = () => {
    slot.replaceChildren();
    openButton.hidden = false;
    openButton.focus();
  };
  const formEl = form(
    { id: 'new-year-form', class: 'panel', 'aria-labelledby': 'new-year-title' },
    h('h4', { id: 'new-year-title' }, 'Start a new year'),
    h('p', { class: 'hint' }, 'The new class becomes the one Rapport shows, and ', nameText(from.name), ' is archived.'),
    field({ id: 'new_year_name', label: 'New class name', required: true, names: true, hint: 'For example “Grade 4 — Room 14”.' }),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'new_year_grade', label: 'Grade' }),
      field({ id: 'new_year_room', label: 'Room' }),
    ),
    carryFieldset(listed),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'new-year-submit' }, 'Start the new year'),
      h('button', { type: 'button', class: 'button', id: 'cancel-new-year', onclick: close }, 'Cancel'),
    ),
  );
  onSubmit(
    formEl,
    async () => {
      if (listed.error) {
        // Without the list, no child could be chosen: the new year would start empty.
        throw { code: 'conflict', message: 'The children of this class could not be read, so the new year was not started. Close Settings and open it again.' };
      }
      const carry = [...formEl.querySelectorAll('input[name="carry"]:checked')].map((box) => box.value);
      const created = await api.startNewYear(
        from.id,
        {
          name: valueOf(formEl, 'new_year_name'),
          grade: valueOf(formEl, 'new_year_grade'),
          room: valueOf(formEl, 'new_year_room'),
        },
        carry,
      );
      await ctx.reloadInfo();
      ctx.status(['A new year has begun: ', nameText(created.name), `, with ${childrenText(carry.length)}.`]);
      ctx.go('#/today');
    },
    prefixed('new_year_'),
  );
  openButton.hidden = true;
  slot.replaceChildren(formEl);
  formEl.querySelector('#new_year_name').focus();
}

/**
 * "End of the year" for the Class group of Settings.
 * @param {object} ctx
 * @param {{students?: object[], error?: any}} listed what readYearEnd() gave
 * @returns {HTMLElement} section#year-end
 */
export function renderYearEnd(ctx, listed) {
  const cls = ctx.currentClass;
  const archiveButton = cls.archived
    ? h('button', { type: 'button', class: 'button', id: 'unarchive-class' }, 'Reopen this class')
    : h('button', { type: 'button', class: 'button', id: 'archive-class' }, 'Archive this class');
  archiveButton.addEventListener('click', () => setArchived(ctx, cls, !cls.archived, archiveButton));
  const slot = h('div', { class: 'new-year', id: 'new-year' });
  const openButton = h('button', { type: 'button', class: 'button', id: 'start-new-year' }, 'Start a new year…');
  openButton.addEventListener('click', () => openNewYear(ctx, listed, openButton, slot));
  return h(
    'section',
    { class: 'year-end', id: 'year-end', 'aria-labelledby': 'year-end-title' },
    h('h3', { id: 'year-end-title' }, 'End of the year'),
    h(
      'p',
      { class: 'hint', id: 'year-end-intro' },
      cls.archived
        ? 'Reopen this class to change its record again, or start the next year from it.'
        : 'When the year is over, start the next one with the children who stay with you, or simply archive this class. An archived class stays in Rapport to read and print.',
    ),
    actions(openButton, archiveButton),
    slot,
  );
}
