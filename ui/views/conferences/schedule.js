// The schedule as drawn: the slots grouped by day, a day's heading, and one slot with its buttons
// (or, for the slot being edited or booked, the slot form in its place).

import { h, nameText } from '../../dom.js';
import { longDate } from '../../format.js';
import { folded } from '../fold.js';
import { interpreterBadge } from './languages.js';
import { slotForm } from './panels.js';
import { DATE_RE, datePart, timePart, timeRange, weekdayDate, daysFrom, byDay } from './time.js';

export function slotItem(ctx, s, on, readOnly) {
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

export function dayHeading(ctx, date) {
  const days = daysFrom(ctx.info?.today, date);
  const note = days === 0 ? 'Today' : days === 1 ? 'Tomorrow' : days < 0 ? 'Past' : null;
  return h(
    'h2',
    { id: `day-${date}`, class: 'day-title', tabindex: '-1' },
    h('time', { datetime: date }, longDate(date)),
    note ? h('span', { class: 'day-note' }, ` · ${note}`) : null,
  );
}

/**
 * div#conference-schedule: every day with its slots.
 * @param {import('./screen.js').Screen} screen
 * @param {object} on the buttons' handlers (actions.js)
 */
export function schedule(screen, on) {
  const { ctx, slots, today, mode, readOnly } = screen;
  const editing = (c) => ['edit', 'book', 'book-family'].includes(mode.kind) && mode.id === c.id;
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
            if (!editing(c)) return slotItem(ctx, s, on, readOnly);
            return h('li', { class: 'conference-slot editing', id: `conference-${c.id}`, dataset: { conferenceId: String(c.id) } }, slotForm(screen, c));
          }),
        ),
      ),
    ),
  );
}
