// Conferences (#/conferences): the class's conference slots. A summary (booked and open slots, and
// the families not yet booked, each with "Book"), the schedule grouped by day (each slot with its
// time, place, the child and family, an interpreter badge, Book / Edit / Delete), the add/edit form
// (form#conference-form) and "Plan an afternoon" (form#plan-slots), which makes back-to-back open
// slots. With no slots yet both forms are shown under a short explanation. One form is open at a
// time; after a save the page is fetched again. The schedule with a reminder slip per family, and
// every child's conference packet, print from the head of the page (an archived class too). Also
// home to the small helpers the Today screen and the student page use to describe a slot.

import * as api from '../api.js';
import { h, nameText, replace, whileBusy } from '../dom.js';
import { TWELVE_HOUR, clockText } from '../clock.js';
import { folded } from './fold.js';
import { actions, checkbox, checkedOf, confirmDialog, errorMessage, field, form, onSubmit, submitKeys, valueOf } from './forms.js';
import { printed } from './printing.js';
import { confirmEnglish, englishNote, withoutHandoutSection } from './handouts.js';
import { restoreSentence } from '../parts/delete.js';

const LONG_DATE = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const DAY_IN_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const DAY_OTHER_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

const DEFAULT_TIME = '15:00';
const DEFAULT_END = '17:00';
const DEFAULT_MINUTES = 20;
const MIN_MINUTES = 5;
const MAX_MINUTES = 240;
const DAY_MINUTES = 24 * 60;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^\d{2}:\d{2}$/;

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// ----- times and dates -----

/** "YYYY-MM-DD" of a starts_at ("YYYY-MM-DDTHH:MM" or with seconds). */
export const datePart = (at) => String(at ?? '').slice(0, 10);
/** "HH:MM" of a starts_at. */
export const timePart = (at) => String(at ?? '').slice(11, 16);

/** "15:40" -> 940. */
function toMinutes(hhmm) {
  const [hours, minutes] = String(hhmm).split(':').map(Number);
  return hours * 60 + minutes;
}

/** 940 -> "15:40". */
function fromMinutes(total) {
  const hours = Math.floor(total / 60);
  return `${String(hours).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** "3:00–3:20 pm" (or "11:40 am–12:00 pm", or "15:00–15:20") for a start "HH:MM" and a length. */
export function timeRange(start, minutes) {
  const from = toMinutes(start);
  const to = from + Number(minutes || 0);
  const sameHalf = Math.floor(from / 720) === Math.floor((to % DAY_MINUTES) / 720) && to < DAY_MINUTES;
  return `${clockText(from, TWELVE_HOUR && sameHalf)}–${clockText(to)}`;
}

/** A "YYYY-MM-DD" as a local Date. */
function localDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** "Thursday, 26 November 2026" for a "YYYY-MM-DD". */
export function longDate(iso) {
  return DATE_RE.test(iso) ? LONG_DATE.format(localDate(iso)) : iso;
}

/** "Thu 26 Nov" (with the year when it is not this year). */
function weekdayDate(iso, today) {
  if (!DATE_RE.test(iso)) return iso;
  return (today && today.slice(0, 4) === iso.slice(0, 4) ? DAY_IN_YEAR : DAY_OTHER_YEAR).format(localDate(iso));
}

/** Whole days from `today` to `iso` (negative in the past). */
function daysFrom(today, iso) {
  if (!DATE_RE.test(today ?? '') || !DATE_RE.test(iso)) return 0;
  return Math.round((localDate(iso) - localDate(today)) / 86400000);
}

// ----- languages and places -----

function findLanguage(ctx, code) {
  const lower = String(code ?? '').toLowerCase();
  return (ctx.info?.languages ?? []).find((l) => l.code.toLowerCase() === lower) ?? null;
}

const isEnglish = (code) => /^en(-|$)/i.test(String(code ?? ''));

/** "Spanish (Español)" for a code; the code itself for one Rapport does not list. */
export function languageText(ctx, code) {
  const l = findLanguage(ctx, code);
  if (!l) return String(code ?? '');
  return l.english === l.native ? l.english : `${l.english} (${l.native})`;
}

/** The "Interpreter: Spanish (Español)" badge. */
export function interpreterBadge(ctx, code) {
  if (!code) return null;
  const l = findLanguage(ctx, code);
  return h(
    'span',
    { class: 'badge interpreter-badge' },
    'Interpreter: ',
    l ? [l.english, l.english !== l.native ? [' (', h('span', { lang: l.code, dir: l.rtl ? 'rtl' : 'ltr' }, l.native), ')'] : null] : String(code),
  );
}

/** The options of the interpreter select: "No interpreter", then "Español — Spanish", ... */
function interpreterOptions(ctx, current) {
  const options = [{ value: '', label: 'No interpreter' }];
  for (const l of ctx.info?.languages ?? []) {
    if (isEnglish(l.code)) continue;
    options.push({ value: l.code, label: l.english === l.native ? l.english : `${l.native} — ${l.english}` });
  }
  if (current && !options.some((o) => o.value.toLowerCase() === String(current).toLowerCase())) {
    options.push({ value: current, label: current });
  }
  return options;
}

/** The class's room as a place: "12" becomes "Room 12", anything else stays as typed. */
function defaultPlace(cls) {
  const room = String(cls?.room ?? '').trim();
  if (!room) return '';
  return /^[0-9][0-9A-Za-z-]*$/.test(room) ? `Room ${room}` : room;
}

// ----- the schedule's data -----

/** Where a new slot on `date` could start: when the last one that day ends, else 3:00 pm. */
function nextFreeTime(slots, date, exceptId = null) {
  let end = -1;
  for (const s of slots) {
    const c = s.conference;
    if (c.id === exceptId || datePart(c.starts_at) !== date) continue;
    end = Math.max(end, toMinutes(timePart(c.starts_at)) + c.minutes);
  }
  return end < 0 || end >= DAY_MINUTES ? DEFAULT_TIME : fromMinutes(end);
}

/** Ids of the children with a slot (other than `exceptId`). */
function bookedIds(slots, exceptId = null) {
  return new Set(slots.filter((s) => s.conference.id !== exceptId && s.conference.student_id != null).map((s) => s.conference.student_id));
}

/** The slots grouped by day, in time order: [{date, slots}]. */
function byDay(slots) {
  const days = new Map();
  for (const s of slots) {
    const date = datePart(s.conference.starts_at);
    if (!days.has(date)) days.set(date, []);
    days.get(date).push(s);
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, list]) => ({ date, slots: list }));
}

// ----- the add / edit form -----

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
function conferenceForm(ctx, o) {
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

// ----- plan an afternoon -----

/** The start times ("HH:MM") of back-to-back slots from `from` to `to`. */
function planTimes(from, to, minutes) {
  const times = [];
  if (!TIME_RE.test(from) || !TIME_RE.test(to) || !Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) return times;
  for (let t = toMinutes(from); t + minutes <= toMinutes(to); t += minutes) times.push(fromMinutes(t));
  return times;
}

/**
 * form#plan-slots: consecutive open slots on one day, one addConference each. Stops at the first
 * problem and shows it, after saying how many were added.
 * @param {object} ctx
 * @param {object} o
 * @param {object} o.cls
 * @param {() => object[]} o.slots the current schedule
 * @param {'h2'|'h3'} o.heading
 * @param {(() => void)|null} o.cancel
 * @param {(focusDate: string) => Promise<void>} o.partlyDone redraws the schedule, keeping this form
 */
function planForm(ctx, o) {
  const today = ctx.info?.today ?? '';
  const from = nextFreeTime(o.slots(), today);
  const to = fromMinutes(Math.min(DAY_MINUTES - 1, Math.max(toMinutes(DEFAULT_END), toMinutes(from) + 60)));
  const preview = h('p', { class: 'plan-preview', id: 'plan-preview', 'aria-live': 'polite' });
  const formEl = form(
    { id: 'plan-slots', class: 'panel plan-form', 'aria-labelledby': 'plan-slots-title' },
    h(o.heading, { id: 'plan-slots-title' }, 'Plan an afternoon'),
    h('p', { class: 'hint form-intro' }, 'Makes back-to-back open slots. Book a family into each one afterwards.'),
    h(
      'div',
      { class: 'field-row plan-row' },
      field({ id: 'plan_date', label: 'Day', type: 'date', value: today }),
      field({ id: 'plan_from', label: 'From', type: 'time', value: from }),
      field({ id: 'plan_to', label: 'To', type: 'time', value: to }),
      field({ id: 'plan_minutes', label: 'Minutes per slot', type: 'number', value: String(DEFAULT_MINUTES) }),
    ),
    field({ id: 'plan_place', label: 'Place', value: defaultPlace(o.cls), placeholder: 'For example: Room 12' }),
    preview,
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'create-slots' }, 'Create the slots'),
      o.cancel ? h('button', { type: 'button', class: 'button', id: 'cancel-plan', onclick: o.cancel }, 'Cancel') : null,
    ),
  );
  const $ = (id) => formEl.querySelector(`#${id}`);
  const minutesInput = $('plan_minutes');
  minutesInput.min = String(MIN_MINUTES);
  minutesInput.max = String(MAX_MINUTES);
  minutesInput.step = '5';
  minutesInput.setAttribute('inputmode', 'numeric');

  const read = () => {
    const minutesText = minutesInput.value.trim();
    const minutes = minutesText ? Number(minutesText) : NaN;
    return { date: $('plan_date').value, from: $('plan_from').value.slice(0, 5), to: $('plan_to').value.slice(0, 5), minutes };
  };
  const showPreview = () => {
    const p = read();
    const times = planTimes(p.from, p.to, p.minutes);
    if (!times.length) {
      preview.textContent = TIME_RE.test(p.from) && TIME_RE.test(p.to) && Number.isInteger(p.minutes) ? 'No slot fits between these times.' : '';
      return;
    }
    const end = toMinutes(times.at(-1)) + p.minutes;
    preview.textContent = `${plural(times.length, 'slot', 'slots')} of ${p.minutes} minutes, ${timeRange(times[0], end - toMinutes(times[0]))}.`;
  };
  let fromTouched = false;
  $('plan_from').addEventListener('input', () => {
    fromTouched = true;
  });
  const onDate = () => {
    const day = $('plan_date').value;
    if (!fromTouched && DATE_RE.test(day)) $('plan_from').value = nextFreeTime(o.slots(), day);
    showPreview();
  };
  $('plan_date').addEventListener('input', onDate);
  $('plan_date').addEventListener('change', onDate);
  for (const type of ['input', 'change']) formEl.addEventListener(type, showPreview);
  showPreview();

  submitKeys(formEl, o.cancel ?? undefined);
  onSubmit(
    formEl,
    async () => {
      const p = read();
      const problems = {};
      if (!DATE_RE.test(p.date)) problems.plan_date = 'Enter the day.';
      if (!TIME_RE.test(p.from)) problems.plan_from = 'Enter when the first slot starts.';
      if (!TIME_RE.test(p.to)) problems.plan_to = 'Enter when the last slot should end.';
      else if (TIME_RE.test(p.from) && toMinutes(p.to) <= toMinutes(p.from)) problems.plan_to = 'Choose an end time after the start time.';
      if (!Number.isInteger(p.minutes) || p.minutes < MIN_MINUTES || p.minutes > MAX_MINUTES) {
        problems.plan_minutes = `A conference lasts between ${MIN_MINUTES} and ${MAX_MINUTES} minutes.`;
      }
      const times = planTimes(p.from, p.to, p.minutes);
      if (!Object.keys(problems).length && !times.length) problems.plan_to = `Not even one ${p.minutes}-minute slot fits before then.`;
      if (Object.keys(problems).length) throw { message: 'Check the highlighted fields.', fields: problems };

      const place = valueOf(formEl, 'plan_place');
      let added = 0;
      for (const time of times) {
        try {
          await api.addConference({
            class_id: o.cls.id,
            student_id: null,
            starts_at: `${p.date}T${time}`,
            minutes: p.minutes,
            place,
            interpreter_language: null,
            attendees: '',
            notes: '',
            sensitive: false,
          });
          added += 1;
        } catch (err) {
          const before = added ? `Added ${plural(added, 'slot', 'slots')}. The ` : 'The ';
          const which = `${before}${clockText(toMinutes(time))} slot was not added: `;
          if (added) {
            ctx.status(`Added ${plural(added, 'slot', 'slots')}.`);
            await o.partlyDone(p.date);
          }
          const fields = err && typeof err.fields === 'object' && err.fields ? err.fields : {};
          const mapped = {};
          for (const [name, message] of Object.entries(fields)) {
            const id = { starts_at: 'plan_from', minutes: 'plan_minutes', place: 'plan_place' }[name] ?? name;
            mapped[id] = `${which}${message}`;
          }
          throw { message: `${which}${errorMessage(err)}`, fields: mapped };
        }
      }
      ctx.status(`Added ${plural(added, 'slot', 'slots')}.`);
      await ctx.refresh(`#day-${p.date}`);
    },
    (f) => f,
  );
  return formEl;
}

// ----- the schedule -----

function slotItem(ctx, s, on, readOnly) {
  const c = s.conference;
  const today = ctx.info?.today ?? '';
  const date = datePart(c.starts_at);
  const start = timePart(c.starts_at);
  const range = timeRange(start, c.minutes);
  const open = c.student_id == null;
  const hidden = (...text) => h('span', { class: 'visually-hidden' }, ...text);
  const about = () => hidden(' the ', range, ' slot on ', weekdayDate(date, today));
  const family = s.family ?? [];
  return h(
    'li',
    {
      class: ['conference-slot', open ? 'open' : 'booked', DATE_RE.test(today) && date < today && 'past', c.sensitive && 'has-private'],
      id: `conference-${c.id}`,
      tabindex: '-1',
      dataset: open ? { conferenceId: String(c.id) } : { conferenceId: String(c.id), studentId: String(c.student_id) },
    },
    h(
      'div',
      { class: 'slot-when' },
      h('time', { class: 'slot-time', datetime: `${date}T${start}` }, range),
      h('span', { class: 'slot-length' }, `${c.minutes} min`),
    ),
    h(
      'div',
      { class: 'slot-body' },
      open
        ? h('p', { class: 'slot-who' }, h('span', { class: 'slot-open' }, 'Open slot'))
        : h(
            'p',
            { class: 'slot-who' },
            h('a', { href: `#/students/${c.student_id}`, class: 'student-name', dir: 'auto' }, s.display_name ?? 'A child'),
            family.length
              ? h('span', { class: 'slot-family' }, h('span', { class: 'visually-hidden' }, 'Family: '), family.flatMap((name, i) => (i ? [', ', nameText(name)] : [nameText(name)])))
              : h('span', { class: 'slot-family muted' }, 'No guardian who may be contacted'),
          ),
      c.place || c.interpreter_language || (c.sensitive && c.notes)
        ? h(
            'p',
            { class: 'slot-meta' },
            c.place ? h('span', { class: 'slot-place', dir: 'auto' }, c.place) : null,
            interpreterBadge(ctx, c.interpreter_language),
            c.sensitive && c.notes ? h('span', { class: 'badge private-badge' }, 'Private notes') : null,
          )
        : null,
      c.attendees ? h('p', { class: 'slot-attendees', dir: 'auto' }, h('span', { class: 'slot-label' }, 'Who came: '), c.attendees) : null,
      c.notes ? folded(h('p', { class: ['slot-notes', c.sensitive && 'is-private'], dir: 'auto' }, c.notes), c.notes) : null,
    ),
    readOnly
      ? null
      : h(
          'div',
          { class: 'card-actions slot-actions' },
          open ? h('button', { type: 'button', class: 'button small primary book-slot', onclick: () => on.book(c) }, 'Book', about()) : null,
          h('button', { type: 'button', class: 'button small edit-conference', onclick: () => on.edit(c) }, 'Edit', about()),
          h('button', { type: 'button', class: 'button small subtle delete-conference', onclick: (e) => on.remove(s, e.currentTarget) }, 'Delete', about()),
        ),
  );
}

function dayHeading(ctx, date) {
  const days = daysFrom(ctx.info?.today, date);
  const note = days === 0 ? 'Today' : days === 1 ? 'Tomorrow' : days < 0 ? 'Past' : null;
  return h(
    'h2',
    { id: `day-${date}`, class: 'day-title', tabindex: '-1' },
    h('time', { datetime: date }, longDate(date)),
    note ? h('span', { class: 'day-note' }, ` · ${note}`) : null,
  );
}

// ----- the screen -----

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

// ----- for the student page -----

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
