// The forms the conference screen opens: adding a slot, planning an afternoon, and the slot form
// in place of a slot (edit it, book it, or book a family into it). Each is made once and kept on
// the screen until another form opens. With no slots yet both the add and plan forms stay open:
// there is nothing to cancel back to (page.js hides their Cancel buttons, and Escape leaves them be).

import * as api from '../../api.js';
import { planForm } from './plan-form.js';
import { closeTo } from './screen.js';
import { conferenceForm } from './slot-form.js';

/** A Cancel that closes the form only once there are slots to go back to. */
const whenSlots = (screen, focus) => () => {
  if (screen.slots.length) closeTo(screen, focus)();
};

/** The add form (form#conference-form), kept on the screen; `studentId` chooses the family. */
export function addForm(screen, studentId = null) {
  const { ctx, cls, slots, students } = screen;
  screen.forms.add = conferenceForm(ctx, { cls, slots, students, slot: null, studentId, purpose: 'add', heading: 'h2', cancel: whenSlots(screen, '#add-conference') });
  return screen.forms.add;
}

/** "Plan an afternoon" (form#plan-slots), kept on the screen. */
export function planAfternoonForm(screen) {
  screen.forms.plan = planForm(screen.ctx, {
    cls: screen.cls,
    slots: () => screen.slots,
    heading: 'h2',
    cancel: whenSlots(screen, '#plan-afternoon'),
    // Some slots were added before a problem: show them, and keep the form as it was typed.
    partlyDone: async () => {
      screen.slots = await api.listConferences(screen.cls.id);
      screen.mode = { kind: 'plan' };
      screen.draw();
    },
  });
  return screen.forms.plan;
}

/** Where the focus goes back to when the slot form in place of `c` is cancelled. */
function slotFormCancelFocus(mode, c) {
  if (mode.kind === 'book-family') return `#unbooked-list li[data-student-id="${mode.studentId}"] .book-family`;
  return `#conference-${c.id} .${mode.kind === 'book' ? 'book-slot' : 'edit-conference'}`;
}

/** The slot form for the Conference `c` being edited or booked (made once, then kept). */
export function slotForm(screen, c) {
  const { ctx, cls, slots, students, mode } = screen;
  screen.forms.slot ??= conferenceForm(ctx, {
    cls,
    slots,
    students,
    slot: c,
    studentId: mode.studentId ?? null,
    purpose: mode.kind,
    heading: 'h3',
    cancel: closeTo(screen, slotFormCancelFocus(mode, c)),
  });
  return screen.forms.slot;
}
