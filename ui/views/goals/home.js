// Learning at home: what the family can do, tied to the goal.

import * as api from '../../api.js';
import { h } from '../../dom.js';
import { field, form, onSubmit, valueOf } from '../forms.js';
import { deleteWithUndo } from '../../parts/delete.js';
import { fieldProblem } from './words.js';

export function homeActivities(ctx, record, readOnly) {
  const g = record.goal;
  const id = (name) => `home-${name}-${g.id}`;
  const remove = (a, button) =>
    deleteWithUndo(ctx, button, {
      title: 'Remove this activity?',
      what: `“${a.title}” will no longer be suggested for home.`,
      confirm: 'Remove',
      remove: () => api.deleteHomeActivity(a.id),
      done: 'Activity removed.',
      focus: `#${id('title')}`,
    });
  let addForm = null;
  if (!readOnly) {
    const ids = { title: id('new-title'), how_often: id('new-often'), details: id('new-details') };
    addForm = form(
      { class: 'home-activity-form', 'aria-label': 'Add something the family can do at home' },
      h(
        'div',
        { class: 'inline-fields' },
        field({ id: ids.title, label: 'Something the family can do', placeholder: 'e.g. Read together for 15 minutes' }),
        field({ id: ids.how_often, label: 'How often', placeholder: 'e.g. Most evenings' }),
        h('div', { class: 'home-details' }, field({ id: ids.details, label: 'Details for the family (optional)' })),
        h('div', { class: 'inline-submit' }, h('button', { type: 'submit', class: 'button save-home-activity' }, 'Add')),
      ),
    );
    const title = addForm.querySelector(`#${ids.title}`);
    title.classList.add('home-activity-title');
    title.setAttribute('dir', 'auto');
    addForm.querySelector(`#${ids.how_often}`).classList.add('home-activity-often');
    addForm.querySelector(`#${ids.details}`).classList.add('home-activity-details');
    onSubmit(
      addForm,
      async () => {
        if (!title.value.trim()) throw fieldProblem({ title: 'Say what the family can do.' });
        await api.addHomeActivity({
          goal_id: g.id,
          title: title.value,
          how_often: valueOf(addForm, ids.how_often),
          details: valueOf(addForm, ids.details),
        });
        ctx.status('Activity added.');
        await ctx.refresh(`li.goal[data-goal-id="${g.id}"] .home-activity-title`);
      },
      (f) => ids[f] ?? f,
    );
  }
  return h(
    'section',
    { class: 'learning-at-home', 'aria-labelledby': id('title') },
    h('h4', { id: id('title'), tabindex: '-1' }, 'Learning at home'),
    record.home_activities.length
      ? null
      : h('p', { class: 'muted' }, 'What could the family do at home to help with this goal? Small and regular works best.'),
    h(
      'ul',
      { class: 'home-activities' },
      record.home_activities.map((a) =>
        h(
          'li',
          { class: 'home-activity', dataset: { homeActivityId: String(a.id), item: `home_activity:${a.id}` } },
          h(
            'div',
            { class: 'home-activity-text' },
            h('span', { class: 'home-activity-name', dir: 'auto' }, a.title),
            a.how_often ? h('span', { class: 'home-activity-how-often', dir: 'auto' }, ` — ${a.how_often}`) : null,
            a.details ? h('p', { class: 'home-activity-more', dir: 'auto' }, a.details) : null,
          ),
          readOnly
            ? null
            : h(
                'button',
                { type: 'button', class: 'button small subtle delete-home-activity', onclick: (e) => remove(a, e.currentTarget) },
                'Remove',
                h('span', { class: 'visually-hidden' }, ` “${a.title}”`),
              ),
        ),
      ),
    ),
    addForm,
  );
}
