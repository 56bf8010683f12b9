// The slot form: add, book or edit one conference slot (who, when, where, an interpreter).

import * as api from '../../api.js';
import { h, nameText, replace } from '../../dom.js';
import { clockText } from '../../clock.js';
import { actions, checkbox, checkedOf, field, form, onSubmit, submitKeys, valueOf } from '../forms.js';
import { printed } from '../printing.js';
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
  const booked = bookedIds(o.slots, c?.id ?? null);
  const chosen = o.studentId ?? c?.student_id ?? null;
  const childName = chosen != null ? o.students.find((s) => s.id === chosen)?.display_name ?? '' : '';
  const studentOptions = [
    { value: '', label: 'Open slot — no family yet' },
    ...o.students.map((s) => ({ value: String(s.id), label: booked.has(s.id) ? `${s.display_name} (booked)` : s.display_name })),
  ];

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
    field({ id: 'conference_student_id', label: 'Family', type: 'select', options: studentOptions, value: chosen != null ? String(chosen) : '' }),
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

  const $ = (id) => formEl.querySelector(`#${id}`);
  const dateInput = $('conference_date');
  const timeInput = $('conference_time');
  const studentSelect = $('conference_student_id');
  const interpreterSelect = $('conference_interpreter_language');
  const attendeesInput = $('conference_attendees');
  $('conference_minutes').min = String(MIN_MINUTES);
  $('conference_minutes').max = String(MAX_MINUTES);
  $('conference_minutes').step = '5';
  $('conference_minutes').setAttribute('inputmode', 'numeric');

  // "Who came" is for a conference that has happened: a past or today's slot.
  const storedPast = o.purpose === 'edit' && DATE_RE.test(today) && date <= today;
  const showAttendees = () => {
    const day = dateInput.value;
    attendeesField.hidden = !(attendeesInput.value.trim() || storedPast || (DATE_RE.test(day) && DATE_RE.test(today) && day < today));
  };
  showAttendees();

  // A new slot starts when the last one of its day ends, until the teacher picks a time.
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

  // Choosing a child whose primary contact prefers another language picks that interpreter,
  // unless the teacher has chosen one themselves.
  let interpreterTouched = false;
  let autoChosen = false;
  let lookup = 0;
  interpreterSelect.addEventListener('change', () => {
    interpreterTouched = true;
    autoChosen = false;
  });
  const onChild = async () => {
    const token = ++lookup;
    const id = studentSelect.value || null;
    if (id == null) {
      interpreterNote.replaceChildren();
      if (!interpreterTouched && autoChosen) {
        interpreterSelect.value = '';
        autoChosen = false;
      }
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
      if (!interpreterTouched && autoChosen) {
        interpreterSelect.value = '';
        autoChosen = false;
      }
      return;
    }
    const code = lg.guardian.preferred_language;
    replace(interpreterNote, nameText(lg.guardian.name), ' prefers ', h('span', { dir: 'auto' }, languageText(ctx, code)), '.');
    if (interpreterTouched) return;
    if (code && !isEnglish(code)) {
      const match = [...interpreterSelect.options].find((opt) => opt.value.toLowerCase() === code.toLowerCase());
      if (match) interpreterSelect.value = match.value;
      else {
        interpreterSelect.append(h('option', { value: code }, languageText(ctx, code)));
        interpreterSelect.value = code;
      }
      autoChosen = true;
    } else if (autoChosen) {
      interpreterSelect.value = '';
      autoChosen = false;
    }
  };
  studentSelect.addEventListener('change', onChild);
  formEl.lookUpFamily = onChild;

  submitKeys(formEl, o.cancel ?? undefined);
  onSubmit(
    formEl,
    async () => {
      const day = dateInput.value;
      const time = timeInput.value.slice(0, 5);
      const minutesText = valueOf(formEl, 'conference_minutes').trim();
      const minutes = Number(minutesText);
      const problems = {};
      if (!DATE_RE.test(day)) problems.date = 'Enter the day of the conference.';
      if (!TIME_RE.test(time)) problems.starts_at = 'Enter the time it starts.';
      if (!minutesText || !Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
        problems.minutes = `A conference lasts between ${MIN_MINUTES} and ${MAX_MINUTES} minutes.`;
      }
      if (Object.keys(problems).length) throw { message: 'Check the highlighted fields.', fields: problems };
      const student = studentSelect.value;
      const details = {
        class_id: c?.class_id ?? o.cls.id,
        student_id: student || null,
        starts_at: `${day}T${time}`,
        minutes,
        place: valueOf(formEl, 'conference_place'),
        interpreter_language: interpreterSelect.value || null,
        attendees: attendeesInput.value,
        notes: valueOf(formEl, 'conference_notes'),
        sensitive: checkedOf(formEl, 'conference_sensitive'),
      };
      const saved = c ? await api.updateConference(c.id, details) : await api.addConference(details);
      if (details.student_id != null && (!c || c.student_id !== details.student_id)) ctx.status('Conference booked.');
      else ctx.status(c ? 'Conference saved.' : 'Slot added.');
      await ctx.refresh(`#conference-${saved.id}`);
    },
    conferenceField,
  );
  return formEl;
}
