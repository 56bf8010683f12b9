// A student's page (#/students/ID), the child's year-long partnership record. In order: the
// header (names, details, Print the conference packet or the introduction letter, "Contact log…"
// (contact-log-dialog.js), "Hand over to next year’s teacher…" (handoff/send.js), Edit and Delete, "Remove for good…" (also in an archived class: a
// family may ask for it), the balance of positive and concern contacts), the child's conference
// slots when there are any (conferences.js), notes, "What the family told us" (family.js),
// Guardians (guardians.js), Goals (goals.js), "Staying in touch" (contacts.js), "Good news"
// (praise.js) and Concerns (concerns.js). The route may ask for "?add-guardian" (open the add
// form), "?guardians" (go straight to the guardians) or "?goal-ID" (that goal's check-in value,
// ready to type); the query is then dropped from the address so a later refresh does not do it
// again. "?item=contact:<id>" (a search hit: any item's data-item) opens the page at that item
// (arrival.js).

import * as api from '../api.js';
import { h, nameText, whileBusy } from '../dom.js';
import { confirmDialog } from './forms.js';
import { guardianSection } from './guardians.js';
import { gradeLabel } from './students.js';
import { renderFamilyAnswers } from './family.js';
import { folded } from './fold.js';
import { renderGoals } from './goals.js';
import { renderContacts } from './contacts.js';
import { renderPraise } from './praise.js';
import { renderConcerns } from './concerns.js';
import { renderStudentConferences } from './conferences.js';
import { printed } from './printing.js';
import { openContactLog } from './contact-log-dialog.js';
import { handOverChild } from './handoff/send.js';
import { childWithoutHandout, confirmEnglish, englishNote } from './handouts.js';
import { restoreSentence } from '../parts/delete.js';
import { privateBadge } from '../parts/record.js';
import { itemFromQuery } from '../search-everything.js';
import { arriveAt } from './arrival.js';

function fact(label, value, attrs = {}) {
  if (!value) return null;
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', attrs, value));
}

/**
 * "Positive vs concern contacts — last 30 days: 3 / 1 · this year: 9 / 2", marked gently when
 * concerns have outnumbered good news this month.
 * @param {{last_30_days: {positive: number, concern: number}, this_year: {positive: number, concern: number}}} b
 */
function balanceLine(b) {
  if (!b) return null;
  const recent = b.last_30_days ?? { positive: 0, concern: 0 };
  const year = b.this_year ?? { positive: 0, concern: 0 };
  const pair = (t) => h('span', { class: 'balance-pair' }, `${t.positive} / ${t.concern}`);
  const tipped = recent.concern > recent.positive;
  return h(
    'p',
    { class: ['balance-line', tipped && 'tipped'], id: 'student-balance' },
    h('span', { class: 'balance-label' }, 'Positive vs concern contacts'),
    ' — last 30 days: ',
    pair(recent),
    ' · this year: ',
    pair(year),
    tipped ? h('span', { class: 'balance-nudge' }, ' · Time for some good news.') : null,
  );
}

/** The sections of a child's page the "Jump to" menu (Alt+J) reaches, by their headings. */
const SECTIONS = [
  ['family-answers-title', 'Family'],
  ['guardians-title', 'Guardians'],
  ['goals-title', 'Goals'],
  ['contacts-title', 'Contacts'],
  ['praise-title', 'Good news'],
  ['concerns-title', 'Concerns'],
];

/**
 * "Jump to: Family · Guardians · …": links that bring a section's heading into view and focus it,
 * so the Tab after it lands on that section's first button. (Their address stays the page's, so
 * the route is never lost.)
 */
function jumpMenu(studentId) {
  return h(
    'nav',
    { class: 'jump-menu', id: 'student-jump', 'aria-label': 'Sections of this page' },
    h(
      'ul',
      null,
      SECTIONS.map(([target, label]) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              href: `#/students/${studentId}`,
              dataset: { target },
              onclick: (event) => {
                event.preventDefault();
                const heading = document.getElementById(target);
                if (!heading) return;
                heading.tabIndex = -1;
                heading.scrollIntoView({ block: 'start' });
                heading.focus({ preventScroll: true });
              },
            },
            label,
          ),
        ),
      ),
    ),
  );
}

/** The goal id a "?goal-ID" query asks for, if any. */
function goalQuery(query) {
  for (const key of query.keys()) {
    const m = /^goal-([0-9a-f-]{36})$/.exec(key);
    if (m) return m[1];
  }
  return null;
}

async function deleteStudent(ctx, record, button) {
  const name = record.display_name;
  const yes = await confirmDialog({
    title: ['Delete ', nameText(name), '?'],
    body: [
      [nameText(name), ' and everything recorded about them will be deleted. ', restoreSentence(ctx, 'them')],
      'Guardians shared with a brother or sister are kept. Guardians linked only to this child are deleted too.',
    ],
    confirm: 'Delete',
    danger: true,
  });
  if (!yes) return;
  try {
    const trashId = await whileBusy(button, () => api.deleteStudent(record.student.id));
    ctx.undoable([nameText(name), ' was deleted.'], trashId, (restored) => ctx.go(`#/students/${restored?.student_id ?? record.student.id}`));
    ctx.go('#/students');
  } catch (err) {
    ctx.alert(err);
  }
}

/**
 * Removes the child for good after asking: no trash, no undo. Kept apart from Delete, and offered
 * in an archived class too, since a family may ask for their child's record to go.
 * @param {object} ctx
 * @param {object} record what getStudent() gave
 * @param {HTMLButtonElement} button
 */
async function purgeStudent(ctx, record, button) {
  if (button.disabled) return;
  const name = record.display_name;
  const yes = await confirmDialog({
    title: ['Remove ', nameText(name), ' for good?'],
    body: [
      ['Everything about ', nameText(name), ' is deleted now, in every year’s class and in Recently deleted. This cannot be undone.'],
      ['Backups made before today still hold ', nameText(name), '’s record; Settings → Backups marks them so you can decide what to do with them.'],
    ],
    confirm: 'Remove for good',
    danger: true,
  });
  if (!yes) return;
  ctx.clearAlert();
  try {
    const removed = await whileBusy(button, () => api.purgeStudent(record.student.id));
    await ctx.reloadInfo();
    ctx.status([nameText(removed || name), ' was removed for good.']);
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
 * @returns {Promise<{node: HTMLElement, focus?: string|HTMLElement}>}
 */
export async function render(ctx, [id], query) {
  const [record, allGuardians] = await Promise.all([api.getStudent(id), api.listGuardians()]);
  const s = record.student;
  const readOnly = Boolean(record.class?.archived);
  const openAdd = query.has('add-guardian') && !readOnly;
  const goalId = goalQuery(query);
  const arrival = itemFromQuery(query);
  if ([...query.keys()].length) history.replaceState(null, '', `#/students/${id}`);

  const deleteButton = h('button', { type: 'button', class: 'button subtle', id: 'delete-student' }, 'Delete');
  deleteButton.addEventListener('click', () => deleteStudent(ctx, record, deleteButton));
  const purgeButton = h('button', { type: 'button', class: 'button subtle danger', id: 'purge-student' }, 'Remove for good…');
  purgeButton.addEventListener('click', () => purgeStudent(ctx, record, purgeButton));

  const node = h(
    'article',
    { class: 'page student', id: 'student', dataset: { studentId: String(s.id) } },
    h('div', { class: 'page-top' }, h('p', { class: 'breadcrumb' }, h('a', { href: '#/students' }, 'Students')), jumpMenu(s.id)),
    h(
      'div',
      { class: 'page-head' },
      h('h1', { id: 'student-name', dir: 'auto', dataset: { item: `student:${s.id}` } }, record.display_name),
      // Printing and the contact log stay possible in an archived class; only Edit and Delete go.
      // Removing a child for good stays too: a family may ask for it after the year is over.
      h(
        'div',
        { class: 'head-actions' },
        h(
          'button',
          { type: 'button', class: 'button', id: 'print-packet', onclick: (e) => printed(ctx, e.currentTarget, 'Packet', () => api.printPacket(s.id)) },
          'Print conference packet',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            id: 'print-letter',
            onclick: async (e) => {
              const button = e.currentTarget;
              let gaps;
              try {
                gaps = await childWithoutHandout(record);
              } catch (err) {
                ctx.alert(err);
                return;
              }
              if (!(await confirmEnglish(gaps, 'the introduction letter'))) return;
              await printed(ctx, button, 'Letter', () => api.printLetter(s.id), { pages: false, note: englishNote(gaps) });
            },
          },
          'Print introduction letter',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            id: 'contact-log',
            onclick: () => openContactLog(ctx, { studentId: s.id, name: record.display_name }),
          },
          'Contact log…',
        ),
        // The handoff dialog lists the whole class, this child ticked (handoff/send.js).
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            id: 'hand-over-student',
            onclick: (e) => handOverChild(ctx, record.class.id, s.id, e.currentTarget),
          },
          'Hand over to next year’s teacher…',
        ),
        readOnly
          ? null
          : [
              h('button', { type: 'button', class: 'button', id: 'edit-student', onclick: () => ctx.go(`#/students/${id}/edit`) }, 'Edit'),
              deleteButton,
            ],
        purgeButton,
      ),
    ),
    readOnly ? h('p', { class: 'callout' }, 'This class is archived: its record can be read but no longer changed.') : null,
    balanceLine(record.balance),
    h(
      'dl',
      { class: 'facts student-facts', id: 'student-facts' },
      record.full_name !== record.display_name ? fact('Full name', record.full_name, { dir: 'auto' }) : null,
      fact('Pronouns', s.pronouns, { dir: 'auto' }),
      fact('Grade', gradeLabel(s.grade), { dir: 'auto' }),
      fact('Student ID', s.school_student_id),
      fact('Class', record.class?.name, { dir: 'auto' }),
    ),
    renderStudentConferences(ctx, record),
    s.notes
      ? h(
          'section',
          { class: 'notes is-private', id: 'student-notes-section', 'aria-labelledby': 'notes-title' },
          h('h2', { id: 'notes-title' }, 'Private notes ', privateBadge()),
          folded(h('p', { class: 'notes-text', id: 'student-notes', dir: 'auto' }, s.notes), s.notes),
        )
      : null,
    renderFamilyAnswers(ctx, record),
    guardianSection(ctx, record, allGuardians, openAdd ? 'add' : null, readOnly),
    renderGoals(ctx, record),
    renderContacts(ctx, record),
    renderPraise(ctx, record),
    renderConcerns(ctx, record),
  );

  let focus;
  if (openAdd) focus = '#guardian_name';
  else if (query.has('guardians')) focus = '#guardians-title';
  else if (arrival) focus = arriveAt(node, arrival) ?? undefined;
  else if (goalId != null) {
    const goal = node.querySelector(`li.goal[data-goal-id="${goalId}"]`);
    const field = goal?.querySelector('.check-in-value');
    focus = field ?? goal?.querySelector('.goal-statement') ?? '#goals-title';
    // Once the page is drawn, bring the check-in into the middle of the window, with the goal's
    // progress above it, rather than leaving it at the bottom edge.
    if (field) {
      requestAnimationFrame(() => {
        if (field.isConnected) field.scrollIntoView({ block: 'center' });
      });
    }
  }
  return { node, focus };
}
