// Add and edit a student (#/students/new, #/students/ID/edit). Input ids equal the core's field
// names, so its messages land beside the right field. A new student's page opens with the
// add-guardian form, so the teacher can say who to call straight away.

import * as api from '../api.js';
import { h } from '../dom.js';
import { actions, field, form, onSubmit, radioGroup, radioOf, valueOf } from './forms.js';

/**
 * The student form, filled from `student` (or blank).
 * @param {object} o
 * @param {Partial<Record<string, any>>} o.student current values
 * @param {string} o.cancelHref where Cancel goes
 * @returns {HTMLFormElement}
 */
function studentForm({ student, cancelHref }) {
  return form(
    { id: 'student-form', 'aria-labelledby': 'student-form-title' },
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'given_name', label: 'Given name', required: true, value: student.given_name, names: true }),
      field({ id: 'family_name', label: 'Family name', value: student.family_name, names: true }),
    ),
    field({
      id: 'preferred_name',
      label: 'Preferred name',
      value: student.preferred_name,
      names: true,
      hint: 'The name the child goes by, if it is not their given name.',
    }),
    radioGroup({
      name: 'name_order',
      legend: 'How the name is written',
      value: student.name_order || 'given_first',
      options: [
        { value: 'given_first', label: ['Given name first — ', h('span', { lang: 'es' }, 'María López')] },
        {
          value: 'family_first',
          label: [
            'Family name first — ',
            h('span', { lang: 'vi' }, 'Nguyễn Thị Hương'),
            ' / ',
            h('span', { lang: 'zh' }, '王小明'),
          ],
        },
      ],
    }),
    field({
      id: 'latin_name',
      label: 'Name in Latin letters (optional)',
      value: student.latin_name ?? '',
      hint: 'For a name written in another script: how you would type it to find the child, such as “Anna Petrova” for Анна Петрова. Never printed.',
    }),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'pronouns', label: 'Pronouns', value: student.pronouns, hint: 'For example she/her, he/him, they/them.' }),
      field({ id: 'grade', label: 'Grade', value: student.grade }),
    ),
    field({ id: 'school_student_id', label: 'Student ID (from the school system)', value: student.school_student_id ?? '' }),
    field({
      id: 'notes',
      label: 'Notes',
      type: 'textarea',
      rows: 5,
      value: student.notes,
      hint: 'Private to you: what helps this child and their family.',
    }),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-student' }, 'Save'),
      h('a', { class: 'button', href: cancelHref, id: 'cancel-student' }, 'Cancel'),
    ),
  );
}

/** Reads the form as the core's StudentDetails. */
function details(formEl, classId) {
  const schoolId = valueOf(formEl, 'school_student_id');
  return {
    class_id: classId,
    given_name: valueOf(formEl, 'given_name'),
    family_name: valueOf(formEl, 'family_name'),
    preferred_name: valueOf(formEl, 'preferred_name'),
    name_order: radioOf(formEl, 'name_order') || 'given_first',
    pronouns: valueOf(formEl, 'pronouns'),
    grade: valueOf(formEl, 'grade'),
    school_student_id: schoolId.trim() ? schoolId : null,
    notes: valueOf(formEl, 'notes'),
    latin_name: valueOf(formEl, 'latin_name'),
  };
}

function page(title, intro, formEl) {
  return h(
    'section',
    { class: 'page student-form-page' },
    h('h1', { id: 'student-form-title' }, title),
    intro ? h('p', { class: 'lead', dir: 'auto' }, intro) : null,
    formEl,
  );
}

/**
 * #/students/new: a blank form for the current class (grade filled from the class).
 * @param {object} ctx
 * @returns {{node: HTMLElement, focus: string}}
 */
export function renderNew(ctx) {
  const cls = ctx.currentClass;
  const formEl = studentForm({ student: { grade: cls.grade ?? '' }, cancelHref: '#/students' });
  onSubmit(formEl, async () => {
    const created = await api.createStudent(details(formEl, cls.id));
    ctx.status('Student added.');
    ctx.go(`#/students/${created.id}?add-guardian`);
  });
  return { node: page('Add a student', `Class: ${cls.name}`, formEl), focus: '#given_name' };
}

/**
 * #/students/ID/edit: the form filled with the student's details.
 * @param {object} ctx
 * @param {number[]} params [student id]
 * @returns {Promise<{node: HTMLElement, focus: string}>}
 */
export async function renderEdit(ctx, [id]) {
  const record = await api.getStudent(id);
  const s = record.student;
  const formEl = studentForm({ student: s, cancelHref: `#/students/${id}` });
  onSubmit(formEl, async () => {
    await api.updateStudent(id, details(formEl, s.class_id));
    ctx.status('Saved.');
    ctx.go(`#/students/${id}`);
  });
  const title = h('span', null, 'Edit ', h('bdi', { dir: 'auto' }, record.display_name));
  return { node: page(title, null, formEl), focus: '#given_name' };
}
