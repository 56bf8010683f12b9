// Conferences (#/conferences): the class's conference slots. A summary (booked and open slots, and
// the families not yet booked, each with "Book"), the schedule grouped by day (each slot with its
// time, place, the child and family, an interpreter badge, Book / Edit / Delete), the add/edit form
// (form#conference-form) and "Plan an afternoon" (form#plan-slots), which makes back-to-back open
// slots. With no slots yet both forms are shown under a short explanation. One form is open at a
// time; after a save the page is fetched again. The schedule with a reminder slip per family, and
// every child's conference packet, print from the head of the page (an archived class too). The
// child's page shows their slots with renderStudentConferences.
//
// The pieces live in views/conferences/: times and days (time.js), interpreters (languages.js),
// the slot form (slot-form.js), planning an afternoon (plan-form.js) and the drawn schedule
// (schedule.js).

import * as api from '../api.js';
import { h, nameText, replace, whileBusy } from '../dom.js';
import { confirmDialog, form } from './forms.js';
import { printed } from './printing.js';
import { confirmEnglish, englishNote, withoutHandoutSection } from './handouts.js';
import { restoreSentence } from '../parts/delete.js';
import { interpreterBadge } from './conferences/languages.js';
import { planForm } from './conferences/plan-form.js';
import { slotItem, dayHeading } from './conferences/schedule.js';
import { conferenceForm } from './conferences/slot-form.js';
import { DATE_RE, datePart, timePart, timeRange, longDate, bookedIds, byDay } from './conferences/time.js';

export { timeRange } from './conferences/time.js';

/**
 * The conference screen of the current class.
 * @param {object} ctx
 * @returns {Promise<{node: HTMLElement}>}
 */
export async function render(ctx) {
  const cls = ctx.currentClass;
  let [slots, students, overview] = await Promise.all([api.listConferences(cls.id), api.listStudents(cls.id), api.classOverview(cls.id)]);
  const gaps = overview.without_handout ?? [];
  const readOnly = Boolean(cls.archived);
  const today = ctx.info?.today ?? '';

  /** @type {{kind: null|'add'|'plan'|'edit'|'book'|'book-family', id?: number, studentId?: number}} */
  let mode = { kind: null };
  /** The open forms, kept across redraws so that nothing typed is lost. */
  let addFormEl = null;
  let planFormEl = null;
  let slotFormEl = null;

  const body = h('div', { class: 'conferences-body', id: 'conferences-body' });
  const headActions = h('div', { class: 'head-actions', id: 'conference-actions' });
  // Made once, so that a redraw while a PDF is being written keeps the button busy.
  const printSchedule = h(
    'button',
    {
      type: 'button',
      class: 'button',
      id: 'print-schedule',
      onclick: async (e) => {
        const button = e.currentTarget;
        if (!(await confirmEnglish(gaps, 'the reminder slips'))) return;
        await printed(ctx, button, 'Schedule', () => api.printSchedule(cls.id), { note: englishNote(gaps) });
      },
    },
    'Print schedule and slips',
  );
  const printPackets = h(
    'button',
    { type: 'button', class: 'button', id: 'print-class-packets', onclick: (e) => printed(ctx, e.currentTarget, 'Packets', () => api.printClassPackets(cls.id)) },
    'Print all packets',
  );

  const slotById = (id) => slots.find((s) => s.conference.id === id)?.conference ?? null;
  const show = (next, focus) => {
    mode = next;
    addFormEl = null;
    planFormEl = null;
    slotFormEl = null;
    draw();
    const target = typeof focus === 'string' ? node.querySelector(focus) : focus;
    target?.focus();
  };
  const closeTo = (focus) => () => show({ kind: null }, focus);

  // With no slots yet both forms stay open: there is nothing to cancel back to (draw() hides
  // their Cancel buttons, and Escape leaves them be).
  const whenSlots = (focus) => () => {
    if (slots.length) closeTo(focus)();
  };
  const makeAddForm = (studentId = null) => {
    addFormEl = conferenceForm(ctx, { cls, slots, students, slot: null, studentId, purpose: 'add', heading: 'h2', cancel: whenSlots('#add-conference') });
    return addFormEl;
  };
  const makePlanForm = () => {
    planFormEl = planForm(ctx, {
      cls,
      slots: () => slots,
      heading: 'h2',
      cancel: whenSlots('#plan-afternoon'),
      // Some slots were added before a problem: show them, and keep the form as it was typed.
      partlyDone: async () => {
        slots = await api.listConferences(cls.id);
        mode = { kind: 'plan' };
        draw();
      },
    });
    return planFormEl;
  };

  const on = {
    book: (c) => show({ kind: 'book', id: c.id }, '#conference_student_id'),
    edit: (c) => show({ kind: 'edit', id: c.id }, '#conference_date'),
    bookFamily: (student) => {
      const firstOpen = slots.find((s) => s.conference.student_id == null && DATE_RE.test(today) && datePart(s.conference.starts_at) >= today);
      if (firstOpen) show({ kind: 'book-family', id: firstOpen.conference.id, studentId: student.id }, '#conference_student_id');
      else show({ kind: 'add', studentId: student.id }, '#conference_date');
      slotFormEl?.lookUpFamily?.();
      addFormEl?.lookUpFamily?.();
    },
    remove: async (s, button) => {
      const c = s.conference;
      const when = `${timeRange(timePart(c.starts_at), c.minutes)} on ${longDate(datePart(c.starts_at))}`;
      const yes = await confirmDialog({
        title: 'Delete this conference slot?',
        body: [
          s.display_name ? ['The ', when, ' slot with the family of ', nameText(s.display_name), ' will be deleted.'] : [`The open ${when} slot will be deleted.`],
          restoreSentence(ctx),
        ],
        confirm: 'Delete',
        danger: true,
      });
      if (!yes) return;
      const date = datePart(c.starts_at);
      try {
        const trashId = await whileBusy(button, () => api.deleteConference(c.id));
        ctx.undoable(
          s.display_name ? ['The conference with the family of ', nameText(s.display_name), ' was deleted.'] : 'Conference slot deleted.',
          trashId,
          () => ctx.refresh(`#conference-${c.id}`),
        );
        const sameDay = slots.filter((x) => x.conference.id !== c.id && datePart(x.conference.starts_at) === date);
        await ctx.refresh(sameDay.length ? `#day-${date}` : '#conferences-title');
      } catch (err) {
        ctx.alert(err);
      }
    },
  };

  function summary() {
    const booked = bookedIds(slots);
    const openSlots = slots.filter((s) => s.conference.student_id == null).length;
    const bookedSlots = slots.length - openSlots;
    const unbooked = students.filter((s) => !booked.has(s.id));
    return h(
      'section',
      { class: 'conference-summary', id: 'conference-summary' },
      h(
        'p',
        { class: 'conference-counts', id: 'conference-counts' },
        h('strong', { id: 'count-booked' }, String(bookedSlots)),
        ' booked',
        ' · ',
        h('strong', { id: 'count-open' }, String(openSlots)),
        openSlots === 1 ? ' open slot' : ' open slots',
        students.length ? [' · ', h('strong', { id: 'count-unbooked' }, String(unbooked.length)), unbooked.length === 1 ? ' family not yet booked' : ' families not yet booked'] : null,
      ),
      unbooked.length
        ? h(
            'div',
            { class: 'unbooked', id: 'unbooked-families' },
            h('h2', { id: 'unbooked-title', tabindex: '-1' }, 'Families not yet booked ', h('span', { class: 'count' }, `(${unbooked.length})`)),
            h(
              'ul',
              { class: 'unbooked-list', id: 'unbooked-list', 'aria-labelledby': 'unbooked-title' },
              unbooked.map((s) =>
                h(
                  'li',
                  { class: 'unbooked-family', dataset: { studentId: String(s.id) } },
                  h('a', { href: `#/students/${s.id}`, class: 'student-name', dir: 'auto' }, s.display_name),
                  readOnly
                    ? null
                    : h(
                        'button',
                        { type: 'button', class: 'button small book-family', onclick: () => on.bookFamily(s) },
                        'Book',
                        h('span', { class: 'visually-hidden' }, ' a conference for the family of ', nameText(s.display_name)),
                      ),
                ),
              ),
            ),
          )
        : students.length
          ? h('p', { class: 'all-booked', id: 'all-booked' }, 'Every family has a conference slot.')
          : null,
    );
  }

  function schedule() {
    return h(
      'div',
      { class: 'conference-schedule', id: 'conference-schedule' },
      byDay(slots).map(({ date, slots: daySlots }) =>
        h(
          'section',
          { class: ['conference-day', DATE_RE.test(today) && date < today && 'past'], dataset: { date }, 'aria-labelledby': `day-${date}` },
          dayHeading(ctx, date),
          h(
            'ul',
            { class: 'conference-slots' },
            daySlots.map((s) => {
              const c = s.conference;
              const editing = ['edit', 'book', 'book-family'].includes(mode.kind) && mode.id === c.id;
              if (!editing) return slotItem(ctx, s, on, readOnly);
              slotFormEl ??= conferenceForm(ctx, {
                cls,
                slots,
                students,
                slot: c,
                studentId: mode.studentId ?? null,
                purpose: mode.kind,
                heading: 'h3',
                cancel: closeTo(mode.kind === 'book-family' ? `#unbooked-list li[data-student-id="${mode.studentId}"] .book-family` : `#conference-${c.id} .${mode.kind === 'book' ? 'book-slot' : 'edit-conference'}`),
              });
              return h('li', { class: 'conference-slot editing', id: `conference-${c.id}`, dataset: { conferenceId: String(c.id) } }, slotFormEl);
            }),
          ),
        ),
      ),
    );
  }

  function emptyState() {
    return h(
      'section',
      { class: 'empty-state conferences-empty', id: 'conferences-empty' },
      h('h2', null, 'No conference slots yet'),
      readOnly
        ? h('p', null, 'No conferences were planned for this class.')
        : [
            h('p', null, 'Plan an afternoon to make back-to-back open slots, then book each child’s family into one. Or add a single slot for one family below.'),
            h('p', { class: 'hint' }, 'Slots never overlap. Note an interpreter where a family needs one; it is chosen for you from the family’s preferred language.'),
          ],
    );
  }

  function draw() {
    const hasSlots = slots.length > 0;
    replace(
      headActions,
      readOnly || !hasSlots
        ? null
        : [
            h('button', { type: 'button', class: 'button primary', id: 'add-conference', 'aria-expanded': String(mode.kind === 'add'), onclick: () => show({ kind: 'add' }, '#conference_date') }, 'Add a slot'),
            h('button', { type: 'button', class: 'button', id: 'plan-afternoon', 'aria-expanded': String(mode.kind === 'plan'), onclick: () => show({ kind: 'plan' }, '#plan_date') }, 'Plan an afternoon'),
          ],
      // The schedule needs slots; the packets only children.
      hasSlots ? printSchedule : null,
      students.length ? printPackets : null,
    );
    if (!hasSlots) {
      const forms = readOnly ? [] : [planFormEl ?? makePlanForm(), addFormEl ?? makeAddForm(mode.studentId ?? null)];
      for (const f of forms) f.querySelector('#cancel-plan, #cancel-conference').hidden = true;
      replace(body, emptyState(), forms, withoutHandoutSection(gaps));
      return;
    }
    let panel = null;
    if (mode.kind === 'add') panel = addFormEl ?? makeAddForm(mode.studentId ?? null);
    else if (mode.kind === 'plan') panel = planFormEl ?? makePlanForm();
    if (panel) panel.querySelector('#cancel-plan, #cancel-conference').hidden = false;
    replace(body, summary(), readOnly ? null : panel, schedule(), withoutHandoutSection(gaps));
  }

  const node = h(
    'section',
    { class: 'page conferences', id: 'conferences' },
    h('div', { class: 'page-head' }, h('h1', { id: 'conferences-title' }, 'Conferences'), headActions),
    h('p', { class: 'lead' }, 'Plan your conference slots, book each family, and note who needs an interpreter.'),
    readOnly ? h('p', { class: 'callout' }, 'This class is archived: its conferences can be read but no longer changed.') : null,
    body,
  );
  draw();
  return { node };
}

/**
 * section#student-conferences: a child's conference slots in a few lines, or null when none.
 * @param {object} ctx
 * @param {object} page StudentPage (page.conferences in time order)
 * @returns {HTMLElement|null}
 */
export function renderStudentConferences(ctx, page) {
  const list = page.conferences ?? [];
  if (!list.length) return null;
  const today = ctx.info?.today ?? '';
  return h(
    'section',
    { class: 'student-conferences', id: 'student-conferences', 'aria-labelledby': 'student-conferences-title' },
    h(
      'div',
      { class: 'student-conferences-head' },
      h('h2', { id: 'student-conferences-title' }, list.length === 1 ? 'Conference' : 'Conferences'),
      h('a', { href: '#/conferences', id: 'student-conferences-link' }, 'All conferences'),
    ),
    h(
      'ul',
      { class: 'student-conference-list' },
      list.map((c) => {
        const date = datePart(c.starts_at);
        const start = timePart(c.starts_at);
        return h(
          'li',
          { class: ['student-conference', DATE_RE.test(today) && date < today && 'past'], dataset: { conferenceId: String(c.id) } },
          h('time', { datetime: `${date}T${start}`, class: 'student-conference-when' }, longDate(date), ', ', timeRange(start, c.minutes)),
          c.place ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', { class: 'student-conference-place', dir: 'auto' }, c.place)] : null,
          c.interpreter_language ? [' ', interpreterBadge(ctx, c.interpreter_language)] : null,
        );
      }),
    ),
  );
}
