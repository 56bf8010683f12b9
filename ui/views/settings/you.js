// "You": the teacher's name, the school, how families can reach them, after how many quiet days
// Today names a family, and the paper to print on (form#you-form).

import * as api from '../../api.js';
import { h } from '../../dom.js';
import { actions, field, form, onSubmit, valueOf } from '../forms.js';
import { QUIET_DAYS_DEFAULT, quietDaysField, readQuietDays } from './quiet-days.js';

export function youForm(ctx) {
  const s = ctx.info.settings ?? {};
  const formEl = form(
    { id: 'you-form', 'aria-labelledby': 'you-title' },
    field({ id: 'teacher_name', label: 'Your name', value: s.teacher_name, names: true, autocomplete: 'name', hint: 'As families know you, for example “Ms. Rivera”.' }),
    field({ id: 'school_name', label: 'School name', value: s.school_name, names: true }),
    field({
      id: 'contact_hours',
      label: 'How families can reach you',
      value: s.contact_hours,
      hint: 'Printed in the introduction letter, for example “by phone at 555-0142, weekdays 3–4 pm”.',
    }),
    quietDaysField(s.quiet_days ?? QUIET_DAYS_DEFAULT),
    field({
      id: 'paper',
      label: 'Paper for printing',
      type: 'select',
      value: s.paper ?? 'letter',
      options: [
        { value: 'letter', label: 'Letter (8.5 × 11 in)' },
        { value: 'a4', label: 'A4 (210 × 297 mm)' },
      ],
    }),
    actions(h('button', { type: 'submit', class: 'button primary', id: 'save-you' }, 'Save')),
  );
  onSubmit(formEl, async () => {
    const quietDays = readQuietDays(formEl);
    await api.saveSettings({
      ...ctx.info.settings,
      teacher_name: valueOf(formEl, 'teacher_name'),
      school_name: valueOf(formEl, 'school_name'),
      current_class_id: ctx.currentClass?.id ?? null,
      quiet_days: quietDays,
      paper: valueOf(formEl, 'paper'),
      contact_hours: valueOf(formEl, 'contact_hours'),
    });
    await ctx.reloadInfo();
    ctx.status('Saved.');
    await ctx.refresh('#save-you');
  });
  return formEl;
}
