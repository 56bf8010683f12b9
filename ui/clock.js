// The teacher's clock: times read "3:40 pm" or "15:40" as this computer's locale writes them, the
// way its time fields show them. Sentences the core writes ("Conference tomorrow at 3:40 pm",
// "This overlaps the 3:00–3:20 pm conference") say 12-hour times; localTimes() rewrites them for
// a 24-hour clock, so the app never says 3:00 pm beside a field showing 15:00.

/** Whether this computer's clock is a 12-hour one. */
export const TWELVE_HOUR = ['h11', 'h12'].includes(new Intl.DateTimeFormat(undefined, { hour: 'numeric' }).resolvedOptions().hourCycle);

const DAY_MINUTES = 24 * 60;

/** Minutes after midnight as the teacher reads them; `bare` leaves off am/pm. */
export function clockText(total, bare = false, twelveHour = TWELVE_HOUR) {
  const minutes = ((total % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  const hours = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  if (!twelveHour) return `${String(hours).padStart(2, '0')}:${mm}`;
  const h12 = hours % 12 === 0 ? 12 : hours % 12;
  return bare ? `${h12}:${mm}` : `${h12}:${mm} ${hours < 12 ? 'am' : 'pm'}`;
}

function to24(h, mm, half) {
  const hours = (Number(h) % 12) + (half === 'pm' ? 12 : 0);
  return `${String(hours).padStart(2, '0')}:${mm}`;
}

/**
 * A sentence from the core with its 12-hour times ("3:40 pm", "3:00–3:20 pm") written for this
 * computer's clock.
 * @param {string} text
 * @param {boolean} [twelveHour]
 */
export function localTimes(text, twelveHour = TWELVE_HOUR) {
  if (twelveHour || typeof text !== 'string') return text;
  return text
    .replace(/\b(1[0-2]|0?[1-9]):([0-5]\d)–(1[0-2]|0?[1-9]):([0-5]\d) (am|pm)\b/g, (_, h1, m1, h2, m2, half) => {
      // A range the core writes with one am/pm shares it, unless the end wraps past noon.
      const end = to24(h2, m2, half);
      let start = to24(h1, m1, half);
      if (start > end) start = to24(h1, m1, half === 'pm' ? 'am' : 'pm');
      return `${start}–${end}`;
    })
    .replace(/\b(1[0-2]|0?[1-9]):([0-5]\d) (am|pm)\b/g, (_, h, mm, half) => to24(h, mm, half));
}
