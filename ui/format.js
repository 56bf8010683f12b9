// How the page writes dates, numbers and short snippets: one place, so the same date reads the same
// on every screen. Pure (no DOM, no Tauri): node's test runner covers it (tests/ui/format.test.mjs).
// Stored dates are "YYYY-MM-DD" calendar days, read in the computer's own calendar.

const SAME_YEAR = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const OTHER_YEAR = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const MEDIUM = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const LONG = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const MOMENT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const NUMBER = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A stored "YYYY-MM-DD" as a local Date, or null when it is not one. */
export function parseDay(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso ?? ''));
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A local Date as "YYYY-MM-DD". */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "3 Mar", with the year when it is not `today`'s year ("3 Mar 2025"). */
export function shortDate(iso, today) {
  const date = parseDay(iso);
  if (!date) return iso ?? '';
  return (today && String(today).slice(0, 4) === iso.slice(0, 4) ? SAME_YEAR : OTHER_YEAR).format(date);
}

/** "15 Sept 2026": a date with its year, where no "today" is at hand. */
export function mediumDate(iso) {
  const date = parseDay(iso);
  return date ? MEDIUM.format(date) : (iso ?? '');
}

/** "Thursday, 26 November 2026": a day with its weekday, as a page's title or a day's heading. */
export function longDate(iso) {
  const date = parseDay(iso);
  return date ? LONG.format(date) : iso;
}

/** An RFC 3339 moment ("2025-04-11T14:03:00Z") in the teacher's local date and time. */
export function momentText(moment) {
  const d = new Date(moment);
  return Number.isNaN(d.getTime()) ? String(moment ?? '') : MOMENT.format(d);
}

/**
 * How long before `now` a moment was, to follow a verb ("Last synced …"): "just now" within the
 * minute (or a moment ahead of this computer's clock), "3 minutes ago", "2 hours ago", and after a
 * day "on " and its date and time.
 * @param {string} moment RFC 3339
 * @param {Date} now
 */
export function sinceText(moment, now) {
  const d = new Date(moment);
  if (Number.isNaN(d.getTime())) return String(moment ?? '');
  const minutes = Math.floor((now.getTime() - d.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour', 'hours')} ago`;
  return `on ${MOMENT.format(d)}`;
}

/** "1 student", "3 students": a count with its word. */
export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** A number as a teacher reads it (no trailing zeros, at most two decimals). */
export function numberText(n) {
  return n == null || !Number.isFinite(n) ? '' : NUMBER.format(n);
}

/** Text cut to about `max` characters at a word boundary, with an ellipsis. */
export function snippet(text, max = 70) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:—-]+$/, '')}…`;
}
