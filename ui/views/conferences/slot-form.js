// The slot form: add, book or edit one conference slot (who, when, where, an interpreter). A new
// slot starts when the last one of its day ends; "Who came" shows for a slot that has happened;
// choosing a child whose primary contact prefers another language picks that interpreter.

import * as api from '../../api.js';
import { h, nameText, replace } from '../../dom.js';
import { clockText } from '../../clock.js';
import { actions, checkbox, checkedOf, field, form, onSubmit, submitKeys, valueOf } from '../forms.js';
import { isEnglish, languageText, interpreterOptions } from './languages.js';
import { DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES, DATE_RE, TIME_RE, datePart, timePart, toMinutes, timeRange, weekdayDate, nextFreeTime, bookedIds } from './time.js';

/** The class's room as a place: "12" becomes "Room 12", anything else stays as typed. */
export function defaultPlace(cls) {
  const room = String(cls?.room ?? '').trim();
  if (!room) return '';
  return /^[0-9][0-9A-Za-z-]*$/.test(room) ? `Room ${room}` : room;
}

/** Core field names -> control ids. */
function conferenceField(name) {
  if (name === 'starts_at') return 'conference_time';
  return `conference_${name}`;
}

/**
 * The primary contact of a child's page (or the first guardian who may be contacted).
 * @param {object} page StudentPage
 */
function primaryGuardian(page) {
  const reachable = (page.guardians ?? []).filter((lg) => lg.guardian?.may_contact);
  return reachable.find((lg) => lg.link?.is_primary) ?? reachable[0] ?? null;
}

/** The family choices: an open slot, then each child ("(booked)" when they have another slot). */
function studentOptions(o, c) {
  const booked = bookedIds(o.slots, c?.id ?? null);
  return [
    { value: '', label: 'Open slot — no family yet' },
    ...o.students.map((s) => ({ value: String(s.id), label: booked.has(s.id) ? `${s.display_name} (booked)` : s.display_name })),
  ];
}

/** The form's title and the line under it (or null), for its purpose. */
function titleAndIntro(o, c, chosen, date, today) {
  const childName = chosen != null ? o.students.find((s) => s.id === chosen)?.display_name ?? '' : '';
  let title;
  if (o.purpose === 'add') title = 'Add a conference slot';
  else if (o.purpose === 'book-family') title = ['Book the family of ', nameText(childName)];
  else if (o.purpose === 'book') title = ['Book the ', timeRange(timePart(c.starts_at), c.minutes), ' slot'];
  else title = ['Edit the ', timeRange(timePart(c.starts_at), c.minutes), ' slot'];
  const intro =
    o.purpose === 'book-family' && c
      ? `This is the first open slot, ${weekdayDate(date, today)} at ${clockText(toMinutes(timePart(c.starts_at)))}. Change the time here, or press Escape and choose Book on another open slot.`
      : o.purpose === 'add'
        ? 'Leave the family empty for an open slot you can book later.'
        : null;
  return { title, intro };
}

/**
 * form#conference-form as drawn, with the "Who came" field and the interpreter note the form's
 * behaviour needs.
 */
function drawForm(ctx, o, c, date, today) {
  const chosen = o.studentId ?? c?.student_id ?? null;
  const { title, intro } = titleAndIntro(o, c, chosen, date, today);
  const attendeesField = field({ id: 'conference_attendees', label: 'Who came', type: 'textarea', rows: 2, value: c?.attendees ?? '', hint: 'For example: mother and grandmother, with the interpreter.' });
  const interpreterNote = h('p', { class: 'hint interpreter-note', id: 'conference-interpreter-note', 'aria-live': 'polite' });
  const formEl = form(
    { id: 'conference-form', class: 'panel conference-form', 'aria-labelledby': 'conference-form-title', dataset: { purpose: o.purpose } },
    h(o.heading, { id: 'conference-form-title' }, title),
    intro ? h('p', { class: 'hint form-intro' }, intro) : null,
    h(
      'div',
      { class: 'field-row conf-row-3' },
      field({ id: 'conference_date', label: 'Day', type: 'date', value: date }),
      field({ id: 'conference_time', label: 'Starts at', type: 'time', value: c ? timePart(c.starts_at) : nextFreeTime(o.slots, date) }),
      field({ id: 'conference_minutes', label: 'Minutes', type: 'number', value: String(c?.minutes ?? DEFAULT_MINUTES) }),
    ),
    field({ id: 'conference_place', label: 'Place', value: c ? c.place : defaultPlace(o.cls), placeholder: 'For example: Room 12' }),
    field({ id: 'conference_student_id', label: 'Family', type: 'select', options: studentOptions(o, c), value: chosen != null ? String(chosen) : '' }),
    field({
      id: 'conference_interpreter_language',
      label: 'Interpreter',
      type: 'select',
      options: interpreterOptions(ctx, c?.interpreter_language),
      value: c?.interpreter_language ?? '',
      hint: 'Chosen for you when the family’s primary contact prefers a language other than English.',
    }),
    interpreterNote,
    attendeesField,
    field({ id: 'conference_notes', label: 'Notes', type: 'textarea', rows: 3, value: c?.notes ?? '', hint: 'What to share, what to ask, what you agreed.' }),
    checkbox({ id: 'conference_sensitive', label: 'These notes are private', checked: Boolean(c?.sensitive), hint: 'For you only: never printed for the family.' }),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-conference' }, o.purpose === 'add' ? 'Add the slot' : o.purpose === 'edit' ? 'Save changes' : 'Book'),
      o.cancel ? h('button', { type: 'button', class: 'button', id: 'cancel-conference', onclick: o.cancel }, 'Cancel') : null,
    ),
  );
  return { formEl, attendeesField, interpreterNote };
}

/**
 * The day's field leads: "Who came" is for a conference that has happened (a past or today's
 * slot), and a new slot starts when the last one of its day ends, until the teacher picks a time.
 */
function followTheDay(formEl, o, c, date, today, attendeesField) {
  const dateInput = formEl.querySelector('#conference_date');
  const timeInput = formEl.querySelector('#conference_time');
  const attendeesInput = formEl.querySelector('#conference_attendees');
  const storedPast = o.purpose === 'edit' && DATE_RE.test(today) && date <= today;
  const showAttendees = () => {
    const day = dateInput.value;
    attendeesField.hidden = !(attendeesInput.value.trim() || storedPast || (DATE_RE.test(day) && DATE_RE.test(today) && day < today));
  };
  showAttendees();

  let timeTouched = Boolean(c);
  timeInput.addEventListener('input', () => {
    timeTouched = true;
  });
  const onDate = () => {
    showAttendees();
    if (!timeTouched && DATE_RE.test(dateInput.value)) timeInput.value = nextFreeTime(o.slots, dateInput.value, c?.id ?? null);
  };
  dateInput.addEventListener('input', onDate);
  dateInput.addEventListener('change', onDate);
}

/**
 * Choosing a child whose primary contact prefers another language picks that interpreter (adding
 * the language when the list lacks it), unless the teacher has chosen one themselves; the note
 * says who prefers what.
 * @returns {() => Promise<void>} looks the chosen child's family up
 */
function interpreterFollowsChild(ctx, formEl, interpreterNote) {
  const studentSelect = formEl.querySelector('#conference_student_id');
  const interpreterSelect = formEl.querySelector('#conference_interpreter_language');
  let interpreterTouched = false;
  let autoChosen = false;
  let lookup = 0;
  interpreterSelect.addEventListener('change', () => {
    interpreterTouched = true;
    autoChosen = false;
  });
  const clearAutoChosen = () => {
    if (!interpreterTouched && autoChosen) {
      interpreterSelect.value = '';
      autoChosen = false;
    }
  };
  const choose = (code) => {
    const match = [...interpreterSelect.options].find((opt) => opt.value.toLowerCase() === code.toLowerCase());
    if (match) interpreterSelect.value = match.value;
    else {
      interpreterSelect.append(h('option', { value: code }, languageText(ctx, code)));
      interpreterSelect.value = code;
    }
    autoChosen = true;
  };
  const onChild = async () => {
    const token = ++lookup;
    const id = studentSelect.value || null;
    if (id == null) {
      interpreterNote.replaceChildren();
      clearAutoChosen();
      return;
    }
    let page;
    try {
      page = await api.getStudent(id);
    } catch (err) {
      console.warn('Could not look up the family’s language', err);
      return;
    }
    if (token !== lookup || !formEl.isConnected) return;
    const lg = primaryGuardian(page);
    if (!lg) {
      replace(interpreterNote, 'No guardian of ', nameText(page.display_name), ' may be contacted yet.');
      clearAutoChosen();
      return;
    }
    const code = lg.guardian.preferred_language;
    replace(interpreterNote, nameText(lg.guardian.name), ' prefers ', h('span', { dir: 'auto' }, languageText(ctx, code)), '.');
    if (interpreterTouched) return;
    if (code && !isEnglish(code)) choose(code);
    else clearAutoChosen();
  };
  studentSelect.addEventListener('change', onChild);
  return onChild;
}

/** Reads the form as the core's conference details, or throws the problems beside their fields. */
function readSlot(formEl, o, c) {
  const day = valueOf(formEl, 'conference_date');
  const time = valueOf(formEl, 'conference_time').slice(0, 5);
  const minutesText = valueOf(formEl, 'conference_minutes').trim();
  const minutes = Number(minutesText);
  const problems = {};
  if (!DATE_RE.test(day)) problems.date = 'Enter the day of the conference.';
  if (!TIME_RE.test(time)) problems.starts_at = 'Enter the time it starts.';
  if (!minutesText || !Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    problems.minutes = `A conference lasts between ${MIN_MINUTES} and ${MAX_MINUTES} minutes.`;
  }
  if (Object.keys(problems).length) throw { message: 'Check the highlighted fields.', fields: problems };
  return {
    class_id: c?.class_id ?? o.cls.id,
    student_id: valueOf(formEl, 'conference_student_id') || null,
    starts_at: `${day}T${time}`,
    minutes,
    place: valueOf(formEl, 'conference_place'),
    interpreter_language: valueOf(formEl, 'conference_interpreter_language') || null,
    attendees: valueOf(formEl, 'conference_attendees'),
    notes: valueOf(formEl, 'conference_notes'),
    sensitive: checkedOf(formEl, 'conference_sensitive'),
  };
}

/** Saves the slot (adds it, or updates `c`), says what happened and fetches the page again. */
async function saveSlot(ctx, formEl, o, c) {
  const details = readSlot(formEl, o, c);
  const saved = c ? await api.updateConference(c.id, details) : await api.addConference(details);
  if (details.student_id != null && (!c || c.student_id !== details.student_id)) ctx.status('Conference booked.');
  else ctx.status(c ? 'Conference saved.' : 'Slot added.');
  await ctx.refresh(`#conference-${saved.id}`);
}

/**
 * form#conference-form: adds a slot, edits one, or books a family into one.
 * @param {object} ctx
 * @param {object} o
 * @param {object} o.cls the class
 * @param {object[]} o.slots the schedule (ScheduledConference)
 * @param {object[]} o.students the class list
 * @param {object|null} o.slot the Conference to edit, or null for a new one
 * @param {number|null} [o.studentId] the child to choose
 * @param {'add'|'edit'|'book'|'book-family'} o.purpose
 * @param {'h2'|'h3'} o.heading
 * @param {(() => void)|null} o.cancel
 */
export function conferenceForm(ctx, o) {
  const today = ctx.info?.today ?? '';
  const c = o.slot;
  const date = c ? datePart(c.starts_at) : today;
  const { formEl, attendeesField, interpreterNote } = drawForm(ctx, o, c, date, today);
  const minutesInput = formEl.querySelector('#conference_minutes');
  minutesInput.min = String(MIN_MINUTES);
  minutesInput.max = String(MAX_MINUTES);
  minutesInput.step = '5';
  minutesInput.setAttribute('inputmode', 'numeric');
  followTheDay(formEl, o, c, date, today, attendeesField);
  formEl.lookUpFamily = interpreterFollowsChild(ctx, formEl, interpreterNote);
  submitKeys(formEl, o.cancel ?? undefined);
  onSubmit(formEl, () => saveSlot(ctx, formEl, o, c), conferenceField);
  return formEl;
}
