// Students: the class list with instant search (by the child's names, school id or a guardian's
// name, ignoring accents and case), "Add a student", "Print introduction letters" (one letter
// per family, in one PDF), "Class contact log…" (every child's contact log in one report:
// contact-log-dialog.js), "Hand over to next year’s teacher…" and "Receive a handoff…"
// (handoff/send.js, handoff/receive.js), "Import a roster" (#/import), and a helpful empty state.

import * as api from '../api.js';
import { h, nameText, replace } from '../dom.js';
import { haystack, matchesWords, queryWords } from '../search.js';
import { loadDemoAndOpen } from './welcome.js';
import { printed } from './printing.js';
import { openContactLog } from './contact-log-dialog.js';
import { receiveButton } from './handoff/receive.js';
import { handOverButton } from './handoff/send.js';
import { confirmEnglish, englishNote } from './handouts.js';

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A grade as a teacher reads it: "3" becomes "Grade 3", "Year 4" stays as typed.
 * @param {string} grade
 * @returns {string}
 */
export function gradeLabel(grade) {
  if (!grade) return '';
  return /^(\d{1,2}|k|pk|tk)$/i.test(grade.trim()) ? `Grade ${grade.trim()}` : grade;
}

function row(s) {
  const meta = [s.pronouns, gradeLabel(s.grade), s.school_student_id ? `ID ${s.school_student_id}` : '']
    .filter(Boolean)
    .join(' · ');
  const guardians = s.guardian_names ?? [];
  return h(
    'li',
    { class: 'student-row', dataset: { studentId: String(s.id) } },
    h(
      'div',
      { class: 'student-main' },
      h('a', { href: `#/students/${s.id}`, class: 'student-name', dir: 'auto' }, s.display_name),
      meta ? h('span', { class: 'student-meta', dir: 'auto' }, meta) : null,
    ),
    h(
      'div',
      { class: 'student-guardians' },
      guardians.length
        ? [
            h('span', { class: 'visually-hidden' }, 'Guardians: '),
            guardians.flatMap((name, i) => (i ? [', ', nameText(name)] : [nameText(name)])),
          ]
        : h('span', { class: 'muted' }, 'No guardian on record'),
    ),
    s.has_no_contact_guardian ? h('span', { class: 'badge caution' }, 'Do not contact: see guardians') : null,
  );
}

async function recordHasStudents(ctx, currentCount) {
  if (currentCount > 0) return true;
  const others = (ctx.info.classes ?? []).filter((c) => c.id !== ctx.currentClass.id);
  const lists = await Promise.all(others.map((c) => api.listStudents(c.id)));
  return lists.some((l) => l.length > 0);
}

function emptyState(ctx, offerDemo) {
  const demo = offerDemo ? h('button', { type: 'button', class: 'button', id: 'load-demo' }, 'Load a demo class') : null;
  demo?.addEventListener('click', () => loadDemoAndOpen(ctx, demo));
  return h(
    'section',
    { class: 'empty-state', id: 'students-empty' },
    h('h2', null, 'No students in this class yet'),
    h('p', null, 'Start with a child’s name; you can add their guardians straight after.'),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', class: 'button primary', id: 'add-student', onclick: () => ctx.go('#/students/new') }, 'Add a student'),
      h('a', { class: 'button', id: 'open-import', href: '#/import' }, 'Import a roster'),
      // A new teacher's class may start from last year's teacher's handoff.
      ctx.currentClass?.archived ? null : receiveButton(ctx),
      demo,
    ),
    h('p', { class: 'hint' }, 'A roster brings in the whole class at once, from a spreadsheet or your school’s OneRoster export.'),
    offerDemo ? h('p', { class: 'hint' }, 'Or look around first with a made-up class of children and their families.') : null,
  );
}

/**
 * The student list of the current class.
 * @param {object} ctx
 * @returns {Promise<{node: HTMLElement, focus?: string}>}
 */
/** Every family's letter, after saying which families get English. */
async function printLetters(ctx, cls, button) {
  if (button.disabled) return;
  let gaps = [];
  try {
    gaps = (await api.classOverview(cls.id)).without_handout ?? [];
  } catch (err) {
    ctx.alert(err);
    return;
  }
  if (!(await confirmEnglish(gaps, 'the introduction letters'))) return;
  await printed(ctx, button, 'Letters', () => api.printClassLetters(cls.id), { note: englishNote(gaps) });
}

export async function render(ctx) {
  const cls = ctx.currentClass;
  const list = await api.listStudents(cls.id);
  const heading = h(
    'div',
    { class: 'page-head' },
    h('h1', { id: 'students-title' }, 'Students ', h('span', { class: 'count', id: 'student-total' }, `(${list.length})`)),
    list.length
      ? h(
          'div',
          { class: 'head-actions' },
          h('button', { type: 'button', class: 'button primary', id: 'add-student', onclick: () => ctx.go('#/students/new') }, 'Add a student'),
          h(
            'button',
            { type: 'button', class: 'button', id: 'print-class-letters', onclick: (e) => printLetters(ctx, cls, e.currentTarget) },
            'Print introduction letters',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'button',
              id: 'class-contact-log',
              onclick: () => openContactLog(ctx, { classId: cls.id, name: cls.name }),
            },
            'Class contact log…',
          ),
          // The handoff to next year's teacher: saving is reading, so an archived class offers it
          // too; receiving only goes into an open class.
          handOverButton(ctx, list),
          cls.archived ? null : receiveButton(ctx),
          h('a', { class: 'button', id: 'open-import', href: '#/import' }, 'Import a roster'),
        )
      : null,
  );
  if (list.length === 0) {
    const offerDemo = !(await recordHasStudents(ctx, 0));
    return { node: h('section', { class: 'page students' }, heading, h('p', { class: 'lead', dir: 'auto' }, cls.name), emptyState(ctx, offerDemo)) };
  }

  const rows = list.map((s) => ({ el: row(s), key: haystack(s) }));
  const search = h('input', {
    type: 'search',
    id: 'student-search',
    name: 'student-search',
    autocomplete: 'off',
    spellcheck: 'false',
    dir: 'auto',
    'aria-controls': 'student-list',
    'aria-describedby': 'student-search-hint',
  });
  const count = h('p', { class: 'search-count', id: 'student-count', role: 'status', 'aria-live': 'polite' });
  const empty = h('p', { class: 'empty-search', id: 'student-search-empty', hidden: true });

  const filter = () => {
    const words = queryWords(search.value);
    let shown = 0;
    for (const r of rows) {
      const match = matchesWords(r.key, words);
      r.el.hidden = !match;
      if (match) shown += 1;
    }
    count.textContent = words.length ? `${shown} of ${plural(rows.length, 'student', 'students')} match.` : '';
    empty.hidden = shown > 0;
    if (shown === 0) replace(empty, 'No student matches “', nameText(search.value.trim()), '”.');
  };
  // 'change' and 'search' too: a WebDriver clear() and the field's own clear button fire no 'input'.
  for (const type of ['input', 'change', 'search']) search.addEventListener(type, filter);
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value) {
      event.preventDefault();
      search.value = '';
      filter();
    }
  });

  const node = h(
    'section',
    { class: 'page students' },
    heading,
    h('p', { class: 'lead', dir: 'auto' }, cls.name),
    h(
      'div',
      { class: 'search', role: 'search' },
      h('label', { for: 'student-search' }, 'Search students or guardians'),
      h('p', { class: 'hint', id: 'student-search-hint' }, 'Type any part of a name or a student ID. Escape clears.'),
      search,
      count,
    ),
    empty,
    h('ul', { class: 'student-list', id: 'student-list', 'aria-labelledby': 'students-title' }, rows.map((r) => r.el)),
  );
  return { node };
}
