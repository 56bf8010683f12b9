// What the conference screen's buttons do: book an open slot, edit a slot, book a family (into the
// first open slot from today on, else a new one), and delete a slot with Undo.

import * as api from '../../api.js';
import { nameText, whileBusy } from '../../dom.js';
import { longDate } from '../../format.js';
import { restoreSentence } from '../../parts/delete.js';
import { confirmDialog } from '../forms.js';
import { show } from './screen.js';
import { DATE_RE, datePart, timePart, timeRange } from './time.js';

/** Books the family of `student`: the slot form on the first open slot to come, else the add form. */
function bookFamily(screen, student) {
  const { slots, today } = screen;
  const firstOpen = slots.find((s) => s.conference.student_id == null && DATE_RE.test(today) && datePart(s.conference.starts_at) >= today);
  if (firstOpen) show(screen, { kind: 'book-family', id: firstOpen.conference.id, studentId: student.id }, '#conference_student_id');
  else show(screen, { kind: 'add', studentId: student.id }, '#conference_date');
  screen.forms.slot?.lookUpFamily?.();
  screen.forms.add?.lookUpFamily?.();
}

/** Asks, deletes the slot `s` while `button` is busy, offers Undo and refreshes the page. */
async function removeSlot(screen, s, button) {
  const { ctx } = screen;
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
    const sameDay = screen.slots.filter((x) => x.conference.id !== c.id && datePart(x.conference.starts_at) === date);
    await ctx.refresh(sameDay.length ? `#day-${date}` : '#conferences-title');
  } catch (err) {
    ctx.alert(err);
  }
}

/**
 * The handlers the summary and the schedule's buttons call.
 * @param {import('./screen.js').Screen} screen
 */
export function slotActions(screen) {
  return {
    book: (c) => show(screen, { kind: 'book', id: c.id }, '#conference_student_id'),
    edit: (c) => show(screen, { kind: 'edit', id: c.id }, '#conference_date'),
    bookFamily: (student) => bookFamily(screen, student),
    remove: (s, button) => removeSlot(screen, s, button),
  };
}
