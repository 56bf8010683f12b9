// "Conferences coming up": the coming week's conferences folded into one line per day ("Tomorrow:
// 8 conferences to prepare for"); opening a day shows each family with Prepare.

import { h } from '../../dom.js';
import { isoDay, plural } from '../../format.js';
import { todayItem } from './items.js';

const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });

/** "Today", "Tomorrow", else the weekday and date ("Thursday, 26 November") of a "YYYY-MM-DD". */
export function dayName(iso, todayIso, tomorrowIso) {
  if (iso === todayIso) return 'Today';
  if (iso === tomorrowIso) return 'Tomorrow';
  const [y, m, d] = iso.split('-').map(Number);
  return DAY.format(new Date(y, m - 1, d));
}

/** The items by day, in the order they come: Map of "YYYY-MM-DD" to items. */
function byDay(items) {
  const days = new Map();
  for (const item of items) {
    const key = item.date ?? '';
    if (!days.has(key)) days.set(key, []);
    days.get(key).push(item);
  }
  return days;
}

/**
 * Conferences of the coming week, one folded line per day; null when there are none.
 * @param {object} ctx
 * @param {object[]} items TodayItem, each with its date
 * @param {boolean} readOnly
 */
export function conferenceSection(ctx, items, readOnly) {
  if (!items?.length) return null;
  const now = new Date();
  const todayIso = isoDay(now);
  const tomorrowIso = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1));
  const days = byDay(items);
  return h(
    'section',
    { class: 'today-section today-report conferences-section', id: 'today-conferences', 'aria-labelledby': 'today-conferences-title' },
    h('h2', { id: 'today-conferences-title', tabindex: '-1' }, 'Conferences coming up', ' ', h('span', { class: 'count' }, `(${items.length})`)),
    h('p', { class: 'section-intro' }, 'Booked for the next seven days. Look over each child’s record before you meet the family.'),
    [...days].map(([iso, dayItems]) =>
      h(
        'details',
        { class: 'conference-day', dataset: { day: iso } },
        h(
          'summary',
          null,
          h('strong', null, dayName(iso, todayIso, tomorrowIso)),
          `: ${plural(dayItems.length, 'conference', 'conferences')} to prepare for`,
        ),
        h('ul', { class: 'nudges today-items' }, dayItems.map((item) => todayItem(ctx, item, 'today-conferences', readOnly))),
      ),
    ),
    h('p', { class: 'section-link' }, h('a', { href: '#/conferences', id: 'today-conferences-link' }, 'See the conference schedule')),
  );
}
