// The conference screen as drawn: its head (Add a slot, Plan an afternoon and the two print
// buttons), the lead and, in its body, either the empty state with both forms open, or the
// summary, the open form and the schedule; the families without a handout in their language last.
// draw() redraws the head's buttons and the body after a form opens or closes.

import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { confirmEnglish, englishNote, withoutHandoutSection } from '../handouts.js';
import { printed } from '../printing.js';
import { slotActions } from './actions.js';
import { addForm, planAfternoonForm } from './panels.js';
import { schedule } from './schedule.js';
import { show } from './screen.js';
import { summary } from './summary.js';

/**
 * The print buttons, made once so that a redraw while a PDF is being written keeps them busy.
 * @param {import('./screen.js').Screen} screen
 */
function printButtons(screen) {
  const { ctx, cls, gaps } = screen;
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
  return { printSchedule, printPackets };
}

function emptyState(readOnly) {
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

/** The head's buttons: the two that open a form (once there are slots, unless read only), then printing. */
function headButtons(screen, print) {
  const { mode, readOnly, students } = screen;
  const hasSlots = screen.slots.length > 0;
  return [
    readOnly || !hasSlots
      ? null
      : [
          h('button', { type: 'button', class: 'button primary', id: 'add-conference', 'aria-expanded': String(mode.kind === 'add'), onclick: () => show(screen, { kind: 'add' }, '#conference_date') }, 'Add a slot'),
          h('button', { type: 'button', class: 'button', id: 'plan-afternoon', 'aria-expanded': String(mode.kind === 'plan'), onclick: () => show(screen, { kind: 'plan' }, '#plan_date') }, 'Plan an afternoon'),
        ],
    // The schedule needs slots; the packets only children.
    hasSlots ? print.printSchedule : null,
    students.length ? print.printPackets : null,
  ];
}

/** The body: the empty state with both forms, or the summary, the open form and the schedule. */
function bodyParts(screen, on) {
  const { mode, readOnly, forms } = screen;
  if (!screen.slots.length) {
    const open = readOnly ? [] : [forms.plan ?? planAfternoonForm(screen), forms.add ?? addForm(screen, mode.studentId ?? null)];
    for (const f of open) f.querySelector('#cancel-plan, #cancel-conference').hidden = true;
    return [emptyState(readOnly), open, withoutHandoutSection(screen.gaps)];
  }
  let panel = null;
  if (mode.kind === 'add') panel = forms.add ?? addForm(screen, mode.studentId ?? null);
  else if (mode.kind === 'plan') panel = forms.plan ?? planAfternoonForm(screen);
  if (panel) panel.querySelector('#cancel-plan, #cancel-conference').hidden = false;
  return [summary(screen, on), readOnly ? null : panel, schedule(screen, on), withoutHandoutSection(screen.gaps)];
}

/**
 * section#conferences, drawn; sets screen.draw and screen.node.
 * @param {import('./screen.js').Screen} screen
 * @returns {HTMLElement}
 */
export function conferencePage(screen) {
  const body = h('div', { class: 'conferences-body', id: 'conferences-body' });
  const headActions = h('div', { class: 'head-actions', id: 'conference-actions' });
  const print = printButtons(screen);
  const on = slotActions(screen);
  screen.draw = () => {
    replace(headActions, ...headButtons(screen, print));
    replace(body, ...bodyParts(screen, on));
  };
  screen.node = h(
    'section',
    { class: 'page conferences', id: 'conferences' },
    h('div', { class: 'page-head' }, h('h1', { id: 'conferences-title' }, 'Conferences'), headActions),
    h('p', { class: 'lead' }, 'Plan your conference slots, book each family, and note who needs an interpreter.'),
    screen.readOnly ? h('p', { class: 'callout' }, 'This class is archived: its conferences can be read but no longer changed.') : null,
    body,
  );
  screen.draw();
  return screen.node;
}
