// The class: edit its name, grade and room, switch between classes, and add another. (The end of
// the year, archiving it or starting a new one, is year-settings.js.)

import * as api from '../../api.js';
import { h } from '../../dom.js';
import { prefixed } from '../../parts/record.js';
import { actions, field, form, onSubmit, valueOf } from '../forms.js';
import { savedQuietDays } from './quiet-days.js';

/** form#class-form: the current class's name, grade and room (read only when archived). */
export function classForm(ctx) {
  const cls = ctx.currentClass;
  const formEl = form(
    { id: 'class-form', 'aria-labelledby': 'class-title' },
    cls.archived ? h('p', { class: 'callout' }, 'This class is archived: it can be read but no longer changed.') : null,
    field({ id: 'class_name', label: 'Class name', required: true, value: cls.name, names: true }),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'class_grade', label: 'Grade', value: cls.grade }),
      field({ id: 'class_room', label: 'Room', value: cls.room }),
    ),
    cls.archived ? null : actions(h('button', { type: 'submit', class: 'button primary', id: 'save-class' }, 'Save class')),
  );
  onSubmit(
    formEl,
    async () => {
      await api.updateClass(cls.id, {
        name: valueOf(formEl, 'class_name'),
        grade: valueOf(formEl, 'class_grade'),
        room: valueOf(formEl, 'class_room'),
      });
      await ctx.reloadInfo();
      ctx.status('Saved.');
      await ctx.refresh('#save-class');
    },
    prefixed('class_'),
  );
  return formEl;
}

/** form#switch-class-form: which class Rapport shows; null with only one class. */
export function switchForm(ctx) {
  const classes = ctx.info.classes ?? [];
  if (classes.length < 2) return null;
  const formEl = form(
    { id: 'switch-class-form', 'aria-labelledby': 'switch-title' },
    h('h3', { id: 'switch-title' }, 'Switch class'),
    field({
      id: 'current_class',
      label: 'Show this class',
      type: 'select',
      value: String(ctx.currentClass.id),
      options: classes.map((c) => ({ value: String(c.id), label: c.archived ? `${c.name} (archived)` : c.name })),
    }),
    actions(h('button', { type: 'submit', class: 'button', id: 'switch-class' }, 'Switch')),
  );
  onSubmit(
    formEl,
    async () => {
      const s = ctx.info.settings ?? {};
      await api.saveSettings({
        ...s,
        current_class_id: valueOf(formEl, 'current_class') || null,
        quiet_days: savedQuietDays(ctx),
      });
      await ctx.reloadInfo();
      ctx.status('Switched class.');
      await ctx.refresh('#switch-class');
    },
    (f) => (f === 'current_class_id' ? 'current_class' : f),
  );
  return formEl;
}

/** div#new-class: "Add another class", which opens form#new-class-form in its place. */
export function newClassArea(ctx) {
  const area = h('div', { class: 'new-class', id: 'new-class' });
  const openButton = h('button', { type: 'button', class: 'button', id: 'add-class' }, 'Add another class');
  const showButton = () => {
    area.replaceChildren(openButton);
  };
  openButton.addEventListener('click', () => {
    const formEl = form(
      { id: 'new-class-form', class: 'panel', 'aria-labelledby': 'new-class-title' },
      h('h3', { id: 'new-class-title' }, 'Add another class'),
      h('p', { class: 'hint' }, 'The new class becomes the one Rapport shows.'),
      field({ id: 'new_class_name', label: 'Class name', required: true, names: true, hint: 'For example “Period 2 Biology”.' }),
      h(
        'div',
        { class: 'field-row' },
        field({ id: 'new_class_grade', label: 'Grade' }),
        field({ id: 'new_class_room', label: 'Room' }),
      ),
      actions(
        h('button', { type: 'submit', class: 'button primary', id: 'create-class' }, 'Add class'),
        h('button', {
          type: 'button',
          class: 'button',
          id: 'cancel-class',
          onclick: () => {
            showButton();
            openButton.focus();
          },
        }, 'Cancel'),
      ),
    );
    onSubmit(
      formEl,
      async () => {
        await api.createClass({
          name: valueOf(formEl, 'new_class_name'),
          grade: valueOf(formEl, 'new_class_grade'),
          room: valueOf(formEl, 'new_class_room'),
        });
        await ctx.reloadInfo();
        ctx.status('Class added.');
        await ctx.refresh('#class_name');
      },
      prefixed('new_class_'),
    );
    area.replaceChildren(formEl);
    formEl.querySelector('#new_class_name').focus();
  });
  showButton();
  return area;
}
