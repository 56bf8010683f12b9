// The summary above the schedule: how many slots are booked and open, and the families not yet
// booked, each with "Book" (or a line saying every family has a slot).

import { h, nameText } from '../../dom.js';
import { bookedIds } from './time.js';

/** "3 booked · 2 open slots · 4 families not yet booked". */
function counts(slots, students, unbooked) {
  const openSlots = slots.filter((s) => s.conference.student_id == null).length;
  const bookedSlots = slots.length - openSlots;
  return h(
    'p',
    { class: 'conference-counts', id: 'conference-counts' },
    h('strong', { id: 'count-booked' }, String(bookedSlots)),
    ' booked',
    ' · ',
    h('strong', { id: 'count-open' }, String(openSlots)),
    openSlots === 1 ? ' open slot' : ' open slots',
    students.length ? [' · ', h('strong', { id: 'count-unbooked' }, String(unbooked.length)), unbooked.length === 1 ? ' family not yet booked' : ' families not yet booked'] : null,
  );
}

/** The families not yet booked, each linked to the child's page and with "Book" unless read only. */
function unbookedFamilies(unbooked, on, readOnly) {
  return h(
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
  );
}

/**
 * section#conference-summary.
 * @param {import('./screen.js').Screen} screen
 * @param {{bookFamily: Function}} on
 */
export function summary(screen, on) {
  const { slots, students, readOnly } = screen;
  const booked = bookedIds(slots);
  const unbooked = students.filter((s) => !booked.has(s.id));
  return h(
    'section',
    { class: 'conference-summary', id: 'conference-summary' },
    counts(slots, students, unbooked),
    unbooked.length
      ? unbookedFamilies(unbooked, on, readOnly)
      : students.length
        ? h('p', { class: 'all-booked', id: 'all-booked' }, 'Every family has a conference slot.')
        : null,
  );
}
