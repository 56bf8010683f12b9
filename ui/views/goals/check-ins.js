// A goal's check-ins: the quick form, the log, and correcting one in place (with Undo).

import * as api from '../../api.js';
import { h, whileBusy } from '../../dom.js';
import { confirmDialog, field, form, onSubmit, valueOf } from '../forms.js';
import { deleteWithUndo } from '../../parts/delete.js';
import { dateEl } from '../../parts/record.js';
import { mediumDate, numberText } from '../../format.js';
import { capitalised, withUnit, fieldProblem, numberIn } from './words.js';

export function checkInForm(ctx, record) {
  const g = record.goal;
  const id = (name) => `check-in-${name}-${g.id}`;
  const ids = { on_date: id('date'), value: id('value'), note: id('note') };
  const formEl = form(
    { class: 'check-in-form', 'aria-labelledby': id('title') },
    h('h4', { id: id('title') }, 'Add a check-in'),
    h(
      'div',
      { class: 'inline-fields' },
      field({ id: ids.on_date, label: 'Date', type: 'date', value: ctx.info.today }),
      field({ id: ids.value, label: g.unit ? capitalised(g.unit) : 'Measured', type: 'number' }),
      field({ id: ids.note, label: 'Note (optional)' }),
      h('div', { class: 'inline-submit' }, h('button', { type: 'submit', class: 'button save-check-in' }, 'Save check-in')),
    ),
  );
  formEl.querySelector(`#${ids.on_date}`).classList.add('check-in-date');
  const value = formEl.querySelector(`#${ids.value}`);
  value.classList.add('check-in-value');
  value.setAttribute('step', 'any');
  value.setAttribute('inputmode', 'decimal');
  const note = formEl.querySelector(`#${ids.note}`);
  note.classList.add('check-in-note');
  note.setAttribute('dir', 'auto');
  onSubmit(
    formEl,
    async () => {
      const onDate = valueOf(formEl, ids.on_date);
      const n = numberIn(value);
      const problems = {};
      if (!onDate) problems.on_date = 'Choose the date of the check-in.';
      if (n == null) problems.value = 'Enter the number you measured.';
      else if (Number.isNaN(n)) problems.value = 'The check-in value must be a number.';
      if (Object.keys(problems).length) throw fieldProblem(problems);
      if (!(await plausible(g, n))) return;
      await api.addCheckIn({ goal_id: g.id, on_date: onDate, value: n, note: note.value });
      ctx.status('Check-in saved.');
      await ctx.refresh(`li.goal[data-goal-id="${g.id}"] .goal-progress-text`);
    },
    (f) => ids[f] ?? f,
  );
  return formEl;
}

/**
 * True when a check-in's value is plausible for the goal, or the teacher says it is right: a value
 * far outside the goal's range (a slip of the keyboard: 500 on a goal from 6 to 9) asks first.
 */
async function plausible(g, n) {
  if (g.baseline == null || g.target == null) return true;
  const low = Math.min(g.baseline, g.target);
  const high = Math.max(g.baseline, g.target);
  const span = Math.max(high - low, Math.abs(high) * 0.1, 1);
  if (n >= low - span && n <= high + span) return true;
  return confirmDialog({
    title: 'Is this number right?',
    body: [
      `${withUnit(n, g.unit)} is far from this goal, which goes from ${numberText(g.baseline)} to ${withUnit(g.target, g.unit)}.`,
      'Save it anyway, or go back and correct it.',
    ],
    confirm: 'Save it anyway',
  });
}

/** Turns a check-in's row into a small form; saving can be undone, like a delete. */
function editCheckIn(ctx, g, c, row) {
  const focus = `li.goal[data-goal-id="${g.id}"] .goal-progress-text`;
  const label = (text) => ({ 'aria-label': `${text} of the check-in on ${mediumDate(c.on_date)}` });
  const date = h('input', { type: 'date', class: 'check-in-edit-date', value: c.on_date, ...label('Date') });
  const value = h('input', { type: 'number', step: 'any', inputmode: 'decimal', class: 'check-in-edit-value', value: String(c.value), ...label(g.unit ? capitalised(g.unit) : 'Value') });
  const note = h('input', { type: 'text', class: 'check-in-edit-note', dir: 'auto', value: c.note, ...label('Note') });
  const save = h('button', { type: 'button', class: 'button small primary save-check-in-edit' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'button small', onclick: () => ctx.refresh(focus) }, 'Cancel');
  const submit = async () => {
    const n = numberIn(value);
    if (n == null || Number.isNaN(n)) {
      ctx.alert('Enter the number you measured.');
      value.focus();
      return;
    }
    if (!(await plausible(g, n))) return;
    const before = { goal_id: g.id, on_date: c.on_date, value: c.value, note: c.note };
    try {
      await whileBusy(save, () => api.updateCheckIn(c.id, { goal_id: g.id, on_date: date.value, value: n, note: note.value }));
      ctx.undoable('Check-in saved.', () => api.updateCheckIn(c.id, before), () => ctx.refresh(focus));
      await ctx.refresh(focus);
    } catch (err) {
      ctx.alert(err);
    }
  };
  save.addEventListener('click', submit);
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      ctx.refresh(focus);
    }
  });
  row.replaceChildren(h('td', null, date), h('td', { class: 'num' }, value), h('td', null, note), h('td', { class: 'check-in-edit-actions' }, save, ' ', cancel));
  value.focus();
}

export function checkInLog(ctx, record, readOnly) {
  const g = record.goal;
  if (!record.check_ins.length) return null;
  const remove = (c, button) =>
    deleteWithUndo(ctx, button, {
      title: 'Delete this check-in?',
      what: `The check-in of ${withUnit(c.value, g.unit)} on ${mediumDate(c.on_date)} will be removed.`,
      remove: () => api.deleteCheckIn(c.id),
      done: 'Check-in deleted.',
      focus: `li.goal[data-goal-id="${g.id}"] .goal-progress-text`,
    });
  return h(
    'details',
    { class: 'check-in-log' },
    h('summary', null, `All check-ins (${record.check_ins.length})`),
    h(
      'table',
      { class: 'check-in-table' },
      h('caption', { class: 'visually-hidden' }, 'Check-ins, oldest first'),
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col', class: 'num' }, g.unit ? capitalised(g.unit) : 'Measured'), h('th', { scope: 'col' }, 'Note'), readOnly ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions'))),
      ),
      h(
        'tbody',
        null,
        record.check_ins.map((c) =>
          h(
            'tr',
            { class: 'check-in', dataset: { checkInId: String(c.id), item: `check_in:${c.id}` } },
            h('td', null, dateEl(c.on_date)),
            h('td', { class: 'num' }, numberText(c.value)),
            h('td', { dir: 'auto' }, c.note),
            readOnly
              ? null
              : h(
                  'td',
                  null,
                  h(
                    'button',
                    { type: 'button', class: 'button small subtle edit-check-in', onclick: (e) => editCheckIn(ctx, g, c, e.currentTarget.closest('tr')) },
                    'Edit',
                    h('span', { class: 'visually-hidden' }, ` the check-in on ${mediumDate(c.on_date)}`),
                  ),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'button small subtle delete-check-in', onclick: (e) => remove(c, e.currentTarget) },
                    'Delete',
                    h('span', { class: 'visually-hidden' }, ` the check-in on ${mediumDate(c.on_date)}`),
                  ),
                ),
          ),
        ),
      ),
    ),
  );
}
