// The Goals section of a student's page: SMART goals the teacher and family share. Each goal card
// shows the goal, how it is measured, baseline → target, progress in words and as a bar, a small
// line chart of the check-ins, the family answer it grew from, a quick check-in form, and
// "Learning at home" (what the family can do). The add/edit form runs the SMART check as the
// teacher types (debounced api.smartCheck) and shows each hint with its letter. After a change the
// page is fetched again (ctx.refresh).

//
// The pieces live in views/goals/: the form (form.js), a goal's card (card.js), its progress and
// chart (progress.js), check-ins (check-ins.js), learning at home (home.js), the SMART hints
// (smart-hints.js) and shared words (words.js).

import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { deleteWithUndo } from '../parts/delete.js';
import { answersById } from '../parts/record.js';
import { goalCard } from './goals/card.js';
import { goalForm } from './goals/form.js';

/**
 * The Goals section.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @returns {HTMLElement} section#goals
 */
export function renderGoals(ctx, page) {
  const readOnly = Boolean(page.class?.archived);
  const records = page.goals ?? [];
  const answers = answersById(page);
  const section = h('section', { class: 'goals', id: 'goals', 'aria-labelledby': 'goals-title' });
  /** @type {{kind: null|'add'|'edit', id?: number}} */
  let mode = { kind: null };

  const show = (next, focus) => {
    mode = next;
    draw();
    section.querySelector(focus)?.focus();
  };

  const on = {
    edit: (id) => show({ kind: 'edit', id }, '#goal_statement'),
    remove: async (record, button) => {
      const g = record.goal;
      const parts = [];
      if (record.check_ins.length) parts.push(`${record.check_ins.length} check-in${record.check_ins.length === 1 ? '' : 's'}`);
      if (record.home_activities.length) parts.push(`${record.home_activities.length} home activit${record.home_activities.length === 1 ? 'y' : 'ies'}`);
      await deleteWithUndo(ctx, button, {
        title: 'Delete this goal?',
        before: [h('p', { dir: 'auto', class: 'confirm-quote' }, `“${g.statement}”`)],
        what: `The goal${parts.length ? ` with its ${parts.join(' and ')}` : ''} will be removed.`,
        more: [g.status === 'active' ? 'To keep the record of it, mark it “Met”, “Not met” or “Dropped” instead.' : null],
        remove: () => api.deleteGoal(g.id),
        done: 'Goal deleted.',
        focus: '#goals-title',
      });
    },
  };

  function draw() {
    const items = records.map((record) =>
      mode.kind === 'edit' && mode.id === record.goal.id
        ? h(
            'li',
            { class: 'goal editing', id: `goal-${record.goal.id}`, dataset: { goalId: String(record.goal.id) } },
            goalForm(ctx, page, record.goal, () => show({ kind: null }, `li.goal[data-goal-id="${record.goal.id}"] .edit-goal`)),
          )
        : goalCard(ctx, page, record, answers, on, readOnly),
    );
    let foot = null;
    if (mode.kind === 'add') foot = goalForm(ctx, page, null, () => show({ kind: null }, '#add-goal'));
    else if (!readOnly) {
      foot = h(
        'div',
        { class: 'section-actions' },
        h('button', { type: 'button', class: ['button', !records.length && 'primary'], id: 'add-goal', onclick: () => show({ kind: 'add' }, '#goal_statement') }, 'Add a goal'),
      );
    }
    const active = records.filter((r) => r.goal.status === 'active').length;
    replace(
      section,
      h(
        'h2',
        { id: 'goals-title', tabindex: '-1' },
        'Goals',
        records.length ? h('span', { class: 'count' }, ` (${active} active${records.length > active ? `, ${records.length} in all` : ''})`) : null,
      ),
      records.length
        ? h('ul', { class: 'goal-list', id: 'goal-list' }, items)
        : h(
            'div',
            { class: 'goals-empty', id: 'goals-empty' },
            h('p', null, 'No goals yet.'),
            h(
              'p',
              { class: 'muted' },
              'The best goals are set with the family: one clear thing to work on, a number to watch, a date, and something to do at home.',
            ),
          ),
      foot,
    );
  }

  draw();
  return section;
}
