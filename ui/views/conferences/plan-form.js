// "Plan an afternoon": a run of open slots from a start to an end time in one go.

import * as api from '../../api.js';
import { h } from '../../dom.js';
import { clockText } from '../../clock.js';
import { plural } from '../../format.js';
import { actions, errorMessage, field, form, onSubmit, submitKeys, valueOf } from '../forms.js';
import { defaultPlace } from './slot-form.js';
import { DEFAULT_END, DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES, DAY_MINUTES, DATE_RE, TIME_RE, toMinutes, fromMinutes, timeRange, nextFreeTime } from './time.js';

/** The start times ("HH:MM") of back-to-back slots from `from` to `to`. */
function planTimes(from, to, minutes) {
  const times = [];
  if (!TIME_RE.test(from) || !TIME_RE.test(to) || !Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) return times;
  for (let t = toMinutes(from); t + minutes <= toMinutes(to); t += minutes) times.push(fromMinutes(t));
  return times;
}

/** The plan as typed: the day, from, to ("HH:MM") and the minutes per slot (NaN when empty). */
function readPlan(formEl) {
  const $ = (id) => formEl.querySelector(`#${id}`);
  const minutesText = $('plan_minutes').value.trim();
  const minutes = minutesText ? Number(minutesText) : NaN;
  return { date: $('plan_date').value, from: $('plan_from').value.slice(0, 5), to: $('plan_to').value.slice(0, 5), minutes };
}

/**
 * The preview line follows what is typed ("3 slots of 20 minutes, 3:00–4:00 pm."), and the first
 * slot starts when the day's last one ends, until the teacher picks a time.
 */
function previewAsTyped(formEl, o, preview) {
  const $ = (id) => formEl.querySelector(`#${id}`);
  const showPreview = () => {
    const p = readPlan(formEl);
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
}

/** What is wrong with the plan `p`, by control id ({} when nothing is). */
function planProblems(p, times) {
  const problems = {};
  if (!DATE_RE.test(p.date)) problems.plan_date = 'Enter the day.';
  if (!TIME_RE.test(p.from)) problems.plan_from = 'Enter when the first slot starts.';
  if (!TIME_RE.test(p.to)) problems.plan_to = 'Enter when the last slot should end.';
  else if (TIME_RE.test(p.from) && toMinutes(p.to) <= toMinutes(p.from)) problems.plan_to = 'Choose an end time after the start time.';
  if (!Number.isInteger(p.minutes) || p.minutes < MIN_MINUTES || p.minutes > MAX_MINUTES) {
    problems.plan_minutes = `A conference lasts between ${MIN_MINUTES} and ${MAX_MINUTES} minutes.`;
  }
  if (!Object.keys(problems).length && !times.length) problems.plan_to = `Not even one ${p.minutes}-minute slot fits before then.`;
  return problems;
}

/**
 * Adds the open slots one by one. At the first problem: says how many were added (and shows them),
 * then throws the problem, naming the slot, beside the plan's fields.
 */
async function addSlots(ctx, o, p, times, place) {
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
  return added;
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
export function planForm(ctx, o) {
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
  const minutesInput = formEl.querySelector('#plan_minutes');
  minutesInput.min = String(MIN_MINUTES);
  minutesInput.max = String(MAX_MINUTES);
  minutesInput.step = '5';
  minutesInput.setAttribute('inputmode', 'numeric');
  previewAsTyped(formEl, o, preview);

  submitKeys(formEl, o.cancel ?? undefined);
  onSubmit(
    formEl,
    async () => {
      const p = readPlan(formEl);
      const times = planTimes(p.from, p.to, p.minutes);
      const problems = planProblems(p, times);
      if (Object.keys(problems).length) throw { message: 'Check the highlighted fields.', fields: problems };
      const added = await addSlots(ctx, o, p, times, valueOf(formEl, 'plan_place'));
      ctx.status(`Added ${plural(added, 'slot', 'slots')}.`);
      await ctx.refresh(`#day-${p.date}`);
    },
    (f) => f,
  );
  return formEl;
}
