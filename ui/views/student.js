// A student's page (#/students/ID): the child's names and details, notes, Edit and Delete, and the
// Guardians section (see guardians.js). The route may ask for "?add-guardian" (open the add form)
// or "?guardians" (go straight to the guardians); the query is then dropped from the address so a
// later refresh does not open the form again.

import * as api from '../api.js';
import { h, nameText, whileBusy } from '../dom.js';
import { confirmDialog } from './forms.js';
import { guardianSection } from './guardians.js';
import { gradeLabel } from './students.js';

function fact(label, value, attrs = {}) {
  if (!value) return null;
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', attrs, value));
}

async function deleteStudent(ctx, record, button) {
  const name = record.display_name;
  const yes = await confirmDialog({
    title: ['Delete ', nameText(name), '?'],
    body: [
      [nameText(name), ' and everything recorded about them will be removed from this computer. This cannot be undone.'],
      'Guardians shared with a brother or sister are kept. Guardians linked only to this child are deleted too.',
    ],
    confirm: 'Delete',
    danger: true,
  });
  if (!yes) return;
  try {
    await whileBusy(button, () => api.deleteStudent(record.student.id));
    ctx.status('Student deleted.');
    ctx.go('#/students');
  } catch (err) {
    ctx.alert(err);
  }
}

/**
 * The student page.
 * @param {object} ctx
 * @param {number[]} params [student id]
 * @param {URLSearchParams} query
 * @returns {Promise<{node: HTMLElement, focus?: string}>}
 */
export async function render(ctx, [id], query) {
  const [record, allGuardians] = await Promise.all([api.getStudent(id), api.listGuardians()]);
  const s = record.student;
  const readOnly = Boolean(record.class?.archived);
  const openAdd = query.has('add-guardian') && !readOnly;
  if ([...query.keys()].length) history.replaceState(null, '', `#/students/${id}`);

  const deleteButton = h('button', { type: 'button', class: 'button subtle', id: 'delete-student' }, 'Delete');
  deleteButton.addEventListener('click', () => deleteStudent(ctx, record, deleteButton));

  const node = h(
    'article',
    { class: 'page student', id: 'student', dataset: { studentId: String(s.id) } },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/students' }, 'Students')),
    h(
      'div',
      { class: 'page-head' },
      h('h1', { id: 'student-name', dir: 'auto' }, record.display_name),
      readOnly
        ? null
        : h(
            'div',
            { class: 'head-actions' },
            h('button', { type: 'button', class: 'button', id: 'edit-student', onclick: () => ctx.go(`#/students/${id}/edit`) }, 'Edit'),
            deleteButton,
          ),
    ),
    readOnly ? h('p', { class: 'callout' }, 'This class is archived: its record can be read but no longer changed.') : null,
    h(
      'dl',
      { class: 'facts student-facts', id: 'student-facts' },
      record.full_name !== record.display_name ? fact('Full name', record.full_name, { dir: 'auto' }) : null,
      fact('Pronouns', s.pronouns, { dir: 'auto' }),
      fact('Grade', gradeLabel(s.grade), { dir: 'auto' }),
      fact('Student ID', s.school_student_id),
      fact('Class', record.class?.name, { dir: 'auto' }),
    ),
    s.notes
      ? h(
          'section',
          { class: 'notes', 'aria-labelledby': 'notes-title' },
          h('h2', { id: 'notes-title' }, 'Notes'),
          h('p', { class: 'notes-text', id: 'student-notes', dir: 'auto' }, s.notes),
        )
      : null,
    guardianSection(ctx, record, allGuardians, openAdd ? 'add' : null, readOnly),
  );

  let focus;
  if (openAdd) focus = '#guardian_name';
  else if (query.has('guardians')) focus = '#guardians-title';
  return { node, focus };
}
