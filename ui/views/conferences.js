// Conferences (#/conferences): the class's conference slots. A summary (booked and open slots, and
// the families not yet booked, each with "Book"), the schedule grouped by day (each slot with its
// time, place, the child and family, an interpreter badge, Book / Edit / Delete), the add/edit form
// (form#conference-form) and "Plan an afternoon" (form#plan-slots), which makes back-to-back open
// slots. With no slots yet both forms are shown under a short explanation. One form is open at a
// time; after a save the page is fetched again. The schedule with a reminder slip per family, and
// every child's conference packet, print from the head of the page (an archived class too). The
// child's page shows their slots with renderStudentConferences.
//
// The pieces live in views/conferences/: what was fetched and which form is open (screen.js), the
// screen as drawn (page.js), the summary and families not yet booked (summary.js), the drawn
// schedule (schedule.js), what its buttons do (actions.js), the forms it opens (panels.js): the
// slot form (slot-form.js) and planning an afternoon (plan-form.js), times and days (time.js),
// interpreters (languages.js), and a child's slots on their page (student-list.js).

import { conferencePage } from './conferences/page.js';
import { loadScreen } from './conferences/screen.js';

export { timeRange } from './conferences/time.js';
export { renderStudentConferences } from './conferences/student-list.js';

/**
 * The conference screen of the current class.
 * @param {object} ctx
 * @returns {Promise<{node: HTMLElement}>}
 */
export async function render(ctx) {
  const screen = await loadScreen(ctx);
  return { node: conferencePage(screen) };
}
