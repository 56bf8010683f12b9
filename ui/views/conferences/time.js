// Conference times and days: slots are stored as "YYYY-MM-DDTHH:MM" with a length in minutes,
// read on the computer's clock (clock.js); the next free time on a day; slots grouped by day. A
// day in words with its weekday and year is format.js's longDate.

import { TWELVE_HOUR, clockText } from '../../clock.js';

const DAY_IN_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

const DAY_OTHER_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

const DEFAULT_TIME = '15:00';

export const DEFAULT_END = '17:00';

export const DEFAULT_MINUTES = 20;

export const MIN_MINUTES = 5;

export const MAX_MINUTES = 240;

export const DAY_MINUTES = 24 * 60;

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const TIME_RE = /^\d{2}:\d{2}$/;

/** "YYYY-MM-DD" of a starts_at ("YYYY-MM-DDTHH:MM" or with seconds). */
export const datePart = (at) => String(at ?? '').slice(0, 10);

/** "HH:MM" of a starts_at. */
export const timePart = (at) => String(at ?? '').slice(11, 16);

/** "15:40" -> 940. */
export function toMinutes(hhmm) {
  const [hours, minutes] = String(hhmm).split(':').map(Number);
  return hours * 60 + minutes;
}

/** 940 -> "15:40". */
export function fromMinutes(total) {
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

/** "Thu 26 Nov" (with the year when it is not this year). */
export function weekdayDate(iso, today) {
  if (!DATE_RE.test(iso)) return iso;
  return (today && today.slice(0, 4) === iso.slice(0, 4) ? DAY_IN_YEAR : DAY_OTHER_YEAR).format(localDate(iso));
}

/** Whole days from `today` to `iso` (negative in the past). */
export function daysFrom(today, iso) {
  if (!DATE_RE.test(today ?? '') || !DATE_RE.test(iso)) return 0;
  return Math.round((localDate(iso) - localDate(today)) / 86400000);
}

/** Where a new slot on `date` could start: when the last one that day ends, else 3:00 pm. */
export function nextFreeTime(slots, date, exceptId = null) {
  let end = -1;
  for (const s of slots) {
    const c = s.conference;
    if (c.id === exceptId || datePart(c.starts_at) !== date) continue;
    end = Math.max(end, toMinutes(timePart(c.starts_at)) + c.minutes);
  }
  return end < 0 || end >= DAY_MINUTES ? DEFAULT_TIME : fromMinutes(end);
}

/** Ids of the children with a slot (other than `exceptId`). */
export function bookedIds(slots, exceptId = null) {
  return new Set(slots.filter((s) => s.conference.id !== exceptId && s.conference.student_id != null).map((s) => s.conference.student_id));
}

/** The slots grouped by day, in time order: [{date, slots}]. */
export function byDay(slots) {
  const days = new Map();
  for (const s of slots) {
    const date = datePart(s.conference.starts_at);
    if (!days.has(date)) days.set(date, []);
    days.get(date).push(s);
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, list]) => ({ date, slots: list }));
}
