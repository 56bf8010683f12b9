// The Goals section of a student's page: SMART goals the teacher and family share. Each goal card
// shows the goal, how it is measured, baseline → target, progress in words and as a bar, a small
// line chart of the check-ins, the family answer it grew from, a quick check-in form, and
// "Learning at home" (what the family can do). The add/edit form runs the SMART check as the
// teacher types (debounced api.smartCheck) and shows each hint with its letter. After a change the
// page is fetched again (ctx.refresh).

import * as api from '../api.js';
import { h, replace, svg, whileBusy } from '../dom.js';
import { keepDraft } from '../drafts.js';
import { actions, confirmDialog, field, form, formKeys, onSubmit, radioGroup, radioOf, valueOf } from './forms.js';
import { deleteWithUndo } from '../parts/delete.js';
import { answersById, choices, dateEl, privateBadge } from '../parts/record.js';
import { mediumDate, numberText, snippet } from '../format.js';

const SMART = [
  { key: 'specific', letter: 'S', name: 'Specific' },
  { key: 'measurable', letter: 'M', name: 'Measurable' },
  { key: 'achievable', letter: 'A', name: 'Achievable' },
  { key: 'relevant', letter: 'R', name: 'Relevant' },
  { key: 'time_bound', letter: 'T', name: 'Time-bound' },
];
const SMART_BY_KEY = new Map(SMART.map((s) => [s.key, s]));
const CHECK_DELAY_MS = 250;

/** The core's GoalDetails field names and the form's control ids. */
const GOAL_IDS = {
  area: 'goal_area',
  statement: 'goal_statement',
  measure: 'goal_measure',
  unit: 'goal_unit',
  aim: 'goal_aim',
  baseline: 'goal_baseline',
  target: 'goal_target',
  steps: 'goal_steps',
  why: 'goal_why',
  family_answer_id: 'goal_family_answer_id',
  starts_on: 'goal_starts_on',
  due_on: 'goal_due_on',
  status: 'goal_status',
};
const goalIdFor = (f) => GOAL_IDS[f] ?? f;

function labelOf(ctx, name, value) {
  return choices(ctx, name).find((c) => c.value === value)?.label ?? value;
}

/** "words per minute" → "Words per minute", for a label. */
function capitalised(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A value and its unit: "62 words per minute". */
function withUnit(n, unit) {
  return unit ? `${numberText(n)} ${unit}` : numberText(n);
}

/** Days since 1970 for a stored date, for the chart's x axis. */
function dayNumber(iso) {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function fieldProblem(fields) {
  return { code: 'validation', message: Object.values(fields).join(' '), fields };
}

/**
 * A number field's value: null when empty, NaN when the teacher typed something that is not a
 * number (an <input type=number> reports that as badInput with an empty value).
 */
function numberIn(el) {
  if (!el) return null;
  if (el.validity?.badInput) return NaN;
  const raw = el.value.trim();
  if (raw === '') return null;
  return Number(raw);
}

// ----- progress and the chart -----

/** "45% of the way from 62 to 90 words per minute", or what is missing for it. */
function progressText(record) {
  const g = record.goal;
  const last = record.check_ins.at(-1);
  const hasRange = g.baseline != null && g.target != null;
  if (!hasRange) return 'Add a baseline and a target to see progress.';
  if (g.baseline === g.target) return 'The baseline and the target are the same number: change one to see progress.';
  const range = `from ${numberText(g.baseline)} to ${withUnit(g.target, g.unit)}`;
  if (!last || record.progress == null) return `No check-in yet. The aim: ${range}.`;
  return `${Math.round(record.progress * 100)}% of the way ${range}`;
}

function progressBlock(record) {
  const g = record.goal;
  const last = record.check_ins.at(-1);
  const text = progressText(record);
  return h(
    'div',
    { class: 'goal-progress' },
    record.progress != null
      ? h('progress', { max: '100', value: String(Math.round(record.progress * 100)), 'aria-hidden': 'true' })
      : null,
    // Takes the focus after a check-in is added or deleted, so the new progress is read out.
    h('p', { class: 'goal-progress-text', tabindex: '-1' }, text),
    last
      ? h('p', { class: 'goal-latest muted' }, 'Latest: ', withUnit(last.value, g.unit), ' on ', dateEl(last.on_date), '.')
      : null,
  );
}

/** Round tick values covering lo..hi, about `count` of them. */
function niceTicks(lo, hi, count = 4) {
  const span = hi - lo;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/**
 * The line chart: baseline and target as labelled dashed lines, check-ins as a line with dots.
 * Scaled to the smallest and largest of the baseline, target and check-ins; dates run from the
 * start (or first check-in) to the due date (or last check-in).
 * @returns {SVGElement|null}
 */
function goalChart(record, today) {
  const g = record.goal;
  const points = record.check_ins.filter((c) => Number.isFinite(c.value));
  const values = [g.baseline, g.target, ...points.map((c) => c.value)].filter((v) => v != null && Number.isFinite(v));
  if (!values.length) return null;

  const W = 600;
  // Shorter while there is nothing but the two lines to show.
  const H = points.length ? 220 : 160;
  const L = 48;
  const R = 104;
  const T = 14;
  const B = 34;
  const PW = W - L - R;
  const PH = H - T - B;

  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.2 || 1;
    lo -= pad;
    hi += pad;
  }
  const ticks = niceTicks(lo, hi);
  lo = Math.min(lo, ticks[0]);
  hi = Math.max(hi, ticks.at(-1));

  const days = points.map((c) => dayNumber(c.on_date));
  let x0 = Math.min(dayNumber(g.starts_on), ...days);
  let x1 = Math.max(g.due_on ? dayNumber(g.due_on) : -Infinity, ...days, points.length ? -Infinity : dayNumber(today));
  if (!Number.isFinite(x0)) x0 = dayNumber(today);
  if (!(x1 > x0)) x1 = x0 + 1;
  const sx = (d) => L + ((d - x0) / (x1 - x0)) * PW;
  const sy = (v) => T + ((hi - v) / (hi - lo)) * PH;
  const fmt = (n) => numberText(n);

  const titleId = `goal-${g.id}-chart-title`;
  const descParts = [];
  if (g.baseline != null) descParts.push(`baseline ${withUnit(g.baseline, g.unit)}`);
  if (g.target != null) descParts.push(`target ${withUnit(g.target, g.unit)}`);
  descParts.push(
    points.length
      ? `${points.length} check-in${points.length === 1 ? '' : 's'}: ${points.map((c) => `${fmt(c.value)} on ${mediumDate(c.on_date)}`).join(', ')}`
      : 'no check-ins yet',
  );

  // Keep the two line labels apart when the baseline and target are close.
  const labels = [];
  if (g.baseline != null) labels.push({ cls: 'baseline', text: `Baseline ${fmt(g.baseline)}`, y: sy(g.baseline) });
  if (g.target != null) labels.push({ cls: 'target', text: `Target ${fmt(g.target)}`, y: sy(g.target) });
  if (labels.length === 2 && Math.abs(labels[0].y - labels[1].y) < 16) {
    const [upper, lower] = labels[0].y <= labels[1].y ? labels : [labels[1], labels[0]];
    const mid = (upper.y + lower.y) / 2;
    upper.y = mid - 8;
    lower.y = mid + 8;
  }

  const line = (cls, y) => svg('line', { class: cls, x1: L, x2: L + PW, y1: y, y2: y });
  return svg(
    'svg',
    {
      class: 'goal-chart',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': titleId,
      focusable: 'false',
    },
    svg('title', { id: titleId }, `Progress chart: ${descParts.join('; ')}.`),
    svg('rect', { class: 'chart-plot', x: L, y: T, width: PW, height: PH }),
    ticks
      .filter((v) => v >= lo && v <= hi)
      .map((v) => [
        svg('line', { class: 'chart-grid', x1: L, x2: L + PW, y1: sy(v), y2: sy(v) }),
        svg('text', { class: 'chart-tick', x: L - 8, y: sy(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, fmt(v)),
      ]),
    g.baseline != null ? line('chart-baseline', sy(g.baseline)) : null,
    g.target != null ? line('chart-target', sy(g.target)) : null,
    labels.map((l) =>
      svg('text', { class: `chart-label chart-label-${l.cls}`, x: L + PW + 8, y: l.y, 'dominant-baseline': 'middle' }, l.text),
    ),
    points.length > 1
      ? svg('polyline', { class: 'chart-line', points: points.map((c) => `${sx(dayNumber(c.on_date))},${sy(c.value)}`).join(' ') })
      : null,
    points.map((c) =>
      svg(
        'circle',
        { class: 'chart-dot', cx: sx(dayNumber(c.on_date)), cy: sy(c.value), r: 5 },
        svg('title', null, `${mediumDate(c.on_date)}: ${withUnit(c.value, g.unit)}`),
      ),
    ),
    points.length
      ? null
      : svg('text', { class: 'chart-empty', x: L + PW / 2, y: T + PH / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, 'No check-ins yet'),
    svg('text', { class: 'chart-date', x: L, y: H - 10, 'text-anchor': 'start' }, mediumDate(new Date(x0 * 86_400_000).toISOString().slice(0, 10))),
    svg(
      'text',
      { class: 'chart-date', x: L + PW, y: H - 10, 'text-anchor': 'end' },
      g.due_on && dayNumber(g.due_on) === x1 ? `Due ${mediumDate(g.due_on)}` : mediumDate(new Date(x1 * 86_400_000).toISOString().slice(0, 10)),
    ),
  );
}

// ----- SMART hints -----

function letterChip(key) {
  const s = SMART_BY_KEY.get(key) ?? { letter: '?', name: key };
  return h('abbr', { class: 'smart-letter', title: s.name, 'aria-hidden': 'true' }, s.letter);
}

/** One hint: its letter, the letter's name for screen readers, the message. */
function hintItem(hint, attrs, extra) {
  const s = SMART_BY_KEY.get(hint.letter);
  return h(
    'li',
    attrs,
    letterChip(hint.letter),
    h('span', { class: 'smart-message' }, h('span', { class: 'visually-hidden' }, `${s?.name ?? hint.letter}: `), hint.message, extra ? [' ', extra] : null),
  );
}

// ----- the goal form -----

function familyAnswerField(page, value) {
  const wrapper = field({
    id: 'goal_family_answer_id',
    label: 'What the family told us that this goal grew from',
    type: 'select',
    hint: (page.family_answers ?? []).length ? null : 'Nothing recorded yet: answers you record above can be linked here later.',
  });
  const select = wrapper.querySelector('select');
  replace(
    select,
    h('option', { value: '' }, 'None'),
    (page.family_answers ?? []).map((group) =>
      h(
        'optgroup',
        { label: snippet(group.question.prompt, 60) },
        group.answers.map((item) =>
          h(
            'option',
            { value: String(item.answer.id), dir: 'auto' },
            `“${snippet(item.answer.answer, 60)}” — ${item.guardian_name ?? 'the family'}, ${mediumDate(item.answer.answered_on)}`,
          ),
        ),
      ),
    ),
  );
  select.value = value == null ? '' : String(value);
  return wrapper;
}

/**
 * Reads the goal form as the core's GoalDetails. With `strict`, a date or number the core could not
 * read is reported beside its field instead of being sent.
 */
function readGoal(ctx, formEl, studentId, strict) {
  const problems = {};
  const num = (name, label) => {
    const n = numberIn(formEl.querySelector(`#${GOAL_IDS[name]}`));
    if (Number.isNaN(n)) {
      problems[name] = `${label} must be a number.`;
      return null;
    }
    return n;
  };
  const answer = valueOf(formEl, 'goal_family_answer_id');
  const details = {
    student_id: studentId,
    area: valueOf(formEl, 'goal_area'),
    statement: valueOf(formEl, 'goal_statement'),
    measure: valueOf(formEl, 'goal_measure'),
    unit: valueOf(formEl, 'goal_unit'),
    aim: radioOf(formEl, 'goal_aim') || 'increase',
    baseline: num('baseline', 'The baseline'),
    target: num('target', 'The target'),
    steps: valueOf(formEl, 'goal_steps'),
    why: valueOf(formEl, 'goal_why'),
    family_answer_id: answer === '' ? null : answer,
    starts_on: valueOf(formEl, 'goal_starts_on'),
    due_on: valueOf(formEl, 'goal_due_on') || null,
    status: valueOf(formEl, 'goal_status') || 'active',
  };
  if (!details.starts_on) {
    if (strict) problems.starts_on = 'Choose the day the goal starts.';
    details.starts_on = ctx.info.today;
  }
  if (strict && Object.keys(problems).length) throw fieldProblem(problems);
  return details;
}

/**
 * The add/edit goal form with the live SMART check.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @param {object|null} goal the Goal being edited, or null for a new one
 * @param {() => void} cancel
 */
function goalForm(ctx, page, goal, cancel) {
  /** @type {ReturnType<typeof keepDraft>} */
  let draft;
  // Cancel and Escape close the form; what was typed stays as a draft.
  const leave = () => {
    cancel();
    draft.close().then((kept) => {
      if (kept) ctx.status('Draft kept: it comes back when you open this again.');
    });
  };
  const g = goal ?? {
    area: choices(ctx, 'goal_areas')[0]?.value ?? 'reading',
    statement: '', measure: '', unit: '', aim: 'increase', baseline: null, target: null,
    steps: '', why: '', family_answer_id: null, starts_on: ctx.info.today, due_on: null, status: 'active',
  };
  const titleId = 'goal-form-title';
  const hintList = h('ul', { id: 'smart-hints', class: 'smart-hints' });
  const ok = h('p', { id: 'smart-ok', class: 'smart-ok', hidden: true }, 'This goal is SMART.');
  const count = h('p', { class: 'smart-count' });
  const strip = h(
    'p',
    { class: 'smart-strip', 'aria-hidden': 'true' },
    SMART.map((s) => h('span', { class: 'smart-strip-letter', dataset: { letter: s.key }, title: s.name }, s.letter)),
  );
  const panel = h(
    'aside',
    { class: 'smart-panel', 'aria-labelledby': 'smart-title' },
    h('h4', { id: 'smart-title' }, 'Is it SMART?'),
    strip,
    h('div', { class: 'smart-status', 'aria-live': 'polite' }, ok, count),
    hintList,
    h('p', { class: 'smart-legend hint' }, 'Specific, Measurable, Achievable, Relevant, Time-bound. These are suggestions: you can save at any time.'),
  );

  const numberField = (name, label, value, hint) => {
    const wrapper = field({ id: GOAL_IDS[name], label, type: 'number', value: value == null ? '' : String(value), hint });
    const input = wrapper.querySelector('input');
    input.setAttribute('step', 'any');
    input.setAttribute('inputmode', 'decimal');
    return wrapper;
  };

  const formEl = form(
    { id: 'goal-form', class: 'panel goal-form', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, goal ? 'Edit the goal' : 'A new goal'),
    h(
      'div',
      { class: 'goal-form-layout' },
      h(
        'div',
        { class: 'goal-form-fields' },
        h(
          'div',
          { class: 'field-row' },
          field({ id: 'goal_area', label: 'Area', type: 'select', options: choices(ctx, 'goal_areas'), value: g.area }),
          field({ id: 'goal_status', label: 'Status', type: 'select', options: choices(ctx, 'goal_statuses'), value: g.status }),
        ),
        field({
          id: 'goal_statement',
          label: 'The goal',
          required: true,
          limit: 'sentence',
          value: g.statement,
          hint: 'What the child will do, in a full sentence. For example “Read a grade-3 passage aloud at 90 words a minute”.',
        }),
        field({ id: 'goal_measure', label: 'How progress is measured, and how often', type: 'textarea', rows: 2, value: g.measure, hint: 'For example “A one-minute reading check every other Friday”.' }),
        h(
          'div',
          { class: 'field-row' },
          field({ id: 'goal_unit', label: 'What the numbers count', value: g.unit, hint: 'For example “words per minute”.' }),
          radioGroup({ name: 'goal_aim', legend: 'Success means the number should', value: g.aim, options: choices(ctx, 'aims').length ? choices(ctx, 'aims') : [{ value: 'increase', label: 'Raise it' }, { value: 'decrease', label: 'Lower it' }] }),
        ),
        h(
          'div',
          { class: 'field-row' },
          numberField('baseline', 'Baseline: where the child is now', g.baseline),
          numberField('target', 'Target: what success looks like', g.target),
        ),
        field({ id: 'goal_steps', label: 'What you will do in class', type: 'textarea', rows: 2, value: g.steps }),
        field({ id: 'goal_why', label: 'Why it matters to the child and the family', type: 'textarea', rows: 2, value: g.why }),
        familyAnswerField(page, g.family_answer_id),
        h(
          'div',
          { class: 'field-row' },
          field({ id: 'goal_starts_on', label: 'Starts on', type: 'date', value: g.starts_on, required: true }),
          field({ id: 'goal_due_on', label: 'To be met by', type: 'date', value: g.due_on ?? '' }),
        ),
      ),
      panel,
    ),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-goal' }, goal ? 'Save goal' : 'Add goal'),
      h('button', { type: 'button', class: 'button', id: 'cancel-goal', onclick: leave }, 'Cancel'),
    ),
  );
  for (const id of ['goal_statement', 'goal_measure', 'goal_unit', 'goal_steps', 'goal_why']) {
    formEl.querySelector(`#${id}`).setAttribute('dir', 'auto');
  }
  formKeys(formEl, leave);
  draft = keepDraft(formEl, { key: goal ? `goal:${goal.id}` : `goal:new:${page.student.id}`, studentId: page.student.id });

  // A letter beside each field label the check has something to say about.
  const flags = new Map();
  for (const [name, id] of Object.entries(GOAL_IDS)) {
    const control = formEl.querySelector(`#${id}`);
    const label = control?.tagName === 'FIELDSET' ? control.querySelector('legend') : formEl.querySelector(`label[for="${id}"]`);
    if (!label) continue;
    const flag = h('span', { class: 'smart-flag', 'aria-hidden': 'true', hidden: true });
    label.append(flag);
    flags.set(name, flag);
  }

  function drawHints(hints, details) {
    replace(
      hintList,
      hints.map((hint) =>
        hintItem(
          hint,
          { class: 'smart-hint', dataset: { letter: hint.letter, field: hint.field } },
          GOAL_IDS[hint.field]
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'link-button smart-go',
                  onclick: () => {
                    const target = formEl.querySelector(`#${GOAL_IDS[hint.field]}`);
                    (target?.tagName === 'FIELDSET' ? target.querySelector('input:checked, input') : target)?.focus();
                  },
                },
                'Go to field',
              )
            : null,
        ),
      ),
    );
    hintList.hidden = hints.length === 0;
    ok.hidden = hints.length > 0;
    count.textContent = hints.length ? `${hints.length} suggestion${hints.length === 1 ? '' : 's'} to make it SMART` : '';
    count.hidden = hints.length === 0;
    const open = new Set(hints.map((x) => x.letter));
    // Whether a target is achievable can only be judged once there are two numbers to compare.
    if (details.baseline == null || details.target == null) open.add('achievable');
    for (const el of strip.children) el.classList.toggle('met', !open.has(el.dataset.letter));
    for (const [name, flag] of flags) {
      const mine = hints.filter((x) => x.field === name);
      flag.hidden = mine.length === 0;
      flag.textContent = [...new Set(mine.map((x) => SMART_BY_KEY.get(x.letter)?.letter ?? '?'))].join(' ');
      flag.title = mine.map((x) => x.message).join(' ');
    }
  }

  // The live check: the latest request wins; a failed check leaves the last hints up.
  let timer = 0;
  let asked = 0;
  async function check() {
    const token = ++asked;
    try {
      const details = readGoal(ctx, formEl, page.student.id, false);
      const hints = await api.smartCheck(details);
      if (token === asked && formEl.isConnected) drawHints(hints, details);
    } catch (err) {
      console.warn('SMART check failed', err);
    }
  }
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  };
  formEl.addEventListener('input', later);
  formEl.addEventListener('change', later);
  // Until the first check answers, nothing is claimed either way.
  hintList.hidden = true;
  count.hidden = true;
  check();

  onSubmit(
    formEl,
    async () => {
      clearTimeout(timer);
      const details = readGoal(ctx, formEl, page.student.id, true);
      const saved = goal ? await api.updateGoal(goal.id, details) : await api.addGoal(details);
      await draft.saved();
      ctx.status(goal ? 'Goal saved.' : 'Goal added.');
      await ctx.refresh(`li.goal[data-goal-id="${saved.id}"] .goal-statement`);
    },
    goalIdFor,
  );
  return formEl;
}

// ----- one goal -----

function checkInForm(ctx, record) {
  const g = record.goal;
  const id = (name) => `check-in-${name}-${g.id}`;
  const ids = { on_date: id('date'), value: id('value'), note: id('note') };
  const formEl = form(
    { class: 'check-in-form', 'aria-labelledby': id('title') },
    h('h4', { id: id('title') }, 'Add a check-in'),
    h(
      'div',
      { class: 'inline-fields' },
      field({ id: ids.on_date, label: 'Date', type: 'date', value: ctx.info.today }),
      field({ id: ids.value, label: g.unit ? capitalised(g.unit) : 'Measured', type: 'number' }),
      field({ id: ids.note, label: 'Note (optional)' }),
      h('div', { class: 'inline-submit' }, h('button', { type: 'submit', class: 'button save-check-in' }, 'Save check-in')),
    ),
  );
  formEl.querySelector(`#${ids.on_date}`).classList.add('check-in-date');
  const value = formEl.querySelector(`#${ids.value}`);
  value.classList.add('check-in-value');
  value.setAttribute('step', 'any');
  value.setAttribute('inputmode', 'decimal');
  const note = formEl.querySelector(`#${ids.note}`);
  note.classList.add('check-in-note');
  note.setAttribute('dir', 'auto');
  onSubmit(
    formEl,
    async () => {
      const onDate = valueOf(formEl, ids.on_date);
      const n = numberIn(value);
      const problems = {};
      if (!onDate) problems.on_date = 'Choose the date of the check-in.';
      if (n == null) problems.value = 'Enter the number you measured.';
      else if (Number.isNaN(n)) problems.value = 'The check-in value must be a number.';
      if (Object.keys(problems).length) throw fieldProblem(problems);
      if (!(await plausible(g, n))) return;
      await api.addCheckIn({ goal_id: g.id, on_date: onDate, value: n, note: note.value });
      ctx.status('Check-in saved.');
      await ctx.refresh(`li.goal[data-goal-id="${g.id}"] .goal-progress-text`);
    },
    (f) => ids[f] ?? f,
  );
  return formEl;
}

/**
 * True when a check-in's value is plausible for the goal, or the teacher says it is right: a value
 * far outside the goal's range (a slip of the keyboard: 500 on a goal from 6 to 9) asks first.
 */
async function plausible(g, n) {
  if (g.baseline == null || g.target == null) return true;
  const low = Math.min(g.baseline, g.target);
  const high = Math.max(g.baseline, g.target);
  const span = Math.max(high - low, Math.abs(high) * 0.1, 1);
  if (n >= low - span && n <= high + span) return true;
  return confirmDialog({
    title: 'Is this number right?',
    body: [
      `${withUnit(n, g.unit)} is far from this goal, which goes from ${numberText(g.baseline)} to ${withUnit(g.target, g.unit)}.`,
      'Save it anyway, or go back and correct it.',
    ],
    confirm: 'Save it anyway',
  });
}

/** Turns a check-in's row into a small form; saving can be undone, like a delete. */
function editCheckIn(ctx, g, c, row) {
  const focus = `li.goal[data-goal-id="${g.id}"] .goal-progress-text`;
  const label = (text) => ({ 'aria-label': `${text} of the check-in on ${mediumDate(c.on_date)}` });
  const date = h('input', { type: 'date', class: 'check-in-edit-date', value: c.on_date, ...label('Date') });
  const value = h('input', { type: 'number', step: 'any', inputmode: 'decimal', class: 'check-in-edit-value', value: String(c.value), ...label(g.unit ? capitalised(g.unit) : 'Value') });
  const note = h('input', { type: 'text', class: 'check-in-edit-note', dir: 'auto', value: c.note, ...label('Note') });
  const save = h('button', { type: 'button', class: 'button small primary save-check-in-edit' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'button small', onclick: () => ctx.refresh(focus) }, 'Cancel');
  const submit = async () => {
    const n = numberIn(value);
    if (n == null || Number.isNaN(n)) {
      ctx.alert('Enter the number you measured.');
      value.focus();
      return;
    }
    if (!(await plausible(g, n))) return;
    const before = { goal_id: g.id, on_date: c.on_date, value: c.value, note: c.note };
    try {
      await whileBusy(save, () => api.updateCheckIn(c.id, { goal_id: g.id, on_date: date.value, value: n, note: note.value }));
      ctx.undoable('Check-in saved.', () => api.updateCheckIn(c.id, before), () => ctx.refresh(focus));
      await ctx.refresh(focus);
    } catch (err) {
      ctx.alert(err);
    }
  };
  save.addEventListener('click', submit);
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      ctx.refresh(focus);
    }
  });
  row.replaceChildren(h('td', null, date), h('td', { class: 'num' }, value), h('td', null, note), h('td', { class: 'check-in-edit-actions' }, save, ' ', cancel));
  value.focus();
}

function checkInLog(ctx, record, readOnly) {
  const g = record.goal;
  if (!record.check_ins.length) return null;
  const remove = (c, button) =>
    deleteWithUndo(ctx, button, {
      title: 'Delete this check-in?',
      what: `The check-in of ${withUnit(c.value, g.unit)} on ${mediumDate(c.on_date)} will be removed.`,
      remove: () => api.deleteCheckIn(c.id),
      done: 'Check-in deleted.',
      focus: `li.goal[data-goal-id="${g.id}"] .goal-progress-text`,
    });
  return h(
    'details',
    { class: 'check-in-log' },
    h('summary', null, `All check-ins (${record.check_ins.length})`),
    h(
      'table',
      { class: 'check-in-table' },
      h('caption', { class: 'visually-hidden' }, 'Check-ins, oldest first'),
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col', class: 'num' }, g.unit ? capitalised(g.unit) : 'Measured'), h('th', { scope: 'col' }, 'Note'), readOnly ? null : h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions'))),
      ),
      h(
        'tbody',
        null,
        record.check_ins.map((c) =>
          h(
            'tr',
            { class: 'check-in', dataset: { checkInId: String(c.id) } },
            h('td', null, dateEl(c.on_date)),
            h('td', { class: 'num' }, numberText(c.value)),
            h('td', { dir: 'auto' }, c.note),
            readOnly
              ? null
              : h(
                  'td',
                  null,
                  h(
                    'button',
                    { type: 'button', class: 'button small subtle edit-check-in', onclick: (e) => editCheckIn(ctx, g, c, e.currentTarget.closest('tr')) },
                    'Edit',
                    h('span', { class: 'visually-hidden' }, ` the check-in on ${mediumDate(c.on_date)}`),
                  ),
                  ' ',
                  h(
                    'button',
                    { type: 'button', class: 'button small subtle delete-check-in', onclick: (e) => remove(c, e.currentTarget) },
                    'Delete',
                    h('span', { class: 'visually-hidden' }, ` the check-in on ${mediumDate(c.on_date)}`),
                  ),
                ),
          ),
        ),
      ),
    ),
  );
}

function homeActivities(ctx, record, readOnly) {
  const g = record.goal;
  const id = (name) => `home-${name}-${g.id}`;
  const remove = (a, button) =>
    deleteWithUndo(ctx, button, {
      title: 'Remove this activity?',
      what: `“${a.title}” will no longer be suggested for home.`,
      confirm: 'Remove',
      remove: () => api.deleteHomeActivity(a.id),
      done: 'Activity removed.',
      focus: `#${id('title')}`,
    });
  let addForm = null;
  if (!readOnly) {
    const ids = { title: id('new-title'), how_often: id('new-often'), details: id('new-details') };
    addForm = form(
      { class: 'home-activity-form', 'aria-label': 'Add something the family can do at home' },
      h(
        'div',
        { class: 'inline-fields' },
        field({ id: ids.title, label: 'Something the family can do', placeholder: 'e.g. Read together for 15 minutes' }),
        field({ id: ids.how_often, label: 'How often', placeholder: 'e.g. Most evenings' }),
        h('div', { class: 'home-details' }, field({ id: ids.details, label: 'Details for the family (optional)' })),
        h('div', { class: 'inline-submit' }, h('button', { type: 'submit', class: 'button save-home-activity' }, 'Add')),
      ),
    );
    const title = addForm.querySelector(`#${ids.title}`);
    title.classList.add('home-activity-title');
    title.setAttribute('dir', 'auto');
    addForm.querySelector(`#${ids.how_often}`).classList.add('home-activity-often');
    addForm.querySelector(`#${ids.details}`).classList.add('home-activity-details');
    onSubmit(
      addForm,
      async () => {
        if (!title.value.trim()) throw fieldProblem({ title: 'Say what the family can do.' });
        await api.addHomeActivity({
          goal_id: g.id,
          title: title.value,
          how_often: valueOf(addForm, ids.how_often),
          details: valueOf(addForm, ids.details),
        });
        ctx.status('Activity added.');
        await ctx.refresh(`li.goal[data-goal-id="${g.id}"] .home-activity-title`);
      },
      (f) => ids[f] ?? f,
    );
  }
  return h(
    'section',
    { class: 'learning-at-home', 'aria-labelledby': id('title') },
    h('h4', { id: id('title'), tabindex: '-1' }, 'Learning at home'),
    record.home_activities.length
      ? null
      : h('p', { class: 'muted' }, 'What could the family do at home to help with this goal? Small and regular works best.'),
    h(
      'ul',
      { class: 'home-activities' },
      record.home_activities.map((a) =>
        h(
          'li',
          { class: 'home-activity', dataset: { homeActivityId: String(a.id) } },
          h(
            'div',
            { class: 'home-activity-text' },
            h('span', { class: 'home-activity-name', dir: 'auto' }, a.title),
            a.how_often ? h('span', { class: 'home-activity-how-often', dir: 'auto' }, ` — ${a.how_often}`) : null,
            a.details ? h('p', { class: 'home-activity-more', dir: 'auto' }, a.details) : null,
          ),
          readOnly
            ? null
            : h(
                'button',
                { type: 'button', class: 'button small subtle delete-home-activity', onclick: (e) => remove(a, e.currentTarget) },
                'Remove',
                h('span', { class: 'visually-hidden' }, ` “${a.title}”`),
              ),
        ),
      ),
    ),
    addForm,
  );
}

function familyQuote(answers, answerId) {
  const found = answerId == null ? null : answers.get(answerId);
  if (!found) return null;
  const a = found.item.answer;
  return h(
    'figure',
    { class: ['goal-family-quote', a.sensitive && 'sensitive'] },
    h('blockquote', { dir: 'auto' }, a.answer),
    h(
      'figcaption',
      null,
      '— ',
      h('bdi', { dir: 'auto' }, found.who),
      `, ${mediumDate(a.answered_on)}, asked “`,
      h('bdi', { dir: 'auto' }, found.question.prompt),
      '”',
      a.sensitive ? [' ', privateBadge()] : null,
    ),
  );
}

function goalCard(ctx, page, record, answers, on, readOnly) {
  const g = record.goal;
  const today = ctx.info.today;
  const overdue = g.status === 'active' && g.due_on && g.due_on < today;
  const range =
    g.baseline != null || g.target != null
      ? h(
          'p',
          { class: 'goal-range' },
          g.baseline != null ? ['From ', h('strong', null, numberText(g.baseline))] : 'From (no baseline)',
          ' → ',
          g.target != null ? h('strong', null, numberText(g.target)) : '(no target)',
          g.unit ? [' ', h('span', { dir: 'auto' }, g.unit)] : null,
          h('span', { class: 'muted' }, g.aim === 'decrease' ? ' (lower is better)' : ''),
        )
      : null;
  const fact = (label, value) =>
    value ? h('div', { class: 'fact' }, h('dt', null, label), h('dd', { dir: 'auto', class: 'pre' }, value)) : null;
  const chart = goalChart(record, today);
  return h(
    'li',
    { class: ['goal', `goal-${g.status}`], id: `goal-${g.id}`, dataset: { goalId: String(g.id) } },
    h(
      'article',
      { 'aria-labelledby': `goal-${g.id}-statement` },
      h(
        'ul',
        { class: 'badges goal-badges', 'aria-label': 'About this goal' },
        h('li', { class: 'badge goal-area' }, labelOf(ctx, 'goal_areas', g.area)),
        h('li', { class: ['badge', 'goal-status', `status-${g.status}`] }, labelOf(ctx, 'goal_statuses', g.status)),
        overdue ? h('li', { class: 'badge caution' }, 'Past its date') : null,
      ),
      h('h3', { class: 'goal-statement', id: `goal-${g.id}-statement`, dir: 'auto', tabindex: '-1' }, g.statement),
      h(
        'p',
        { class: 'goal-dates muted' },
        'Started ',
        dateEl(g.starts_on),
        g.due_on ? [' · to be met by ', dateEl(g.due_on)] : ' · no date set',
      ),
      range,
      h(
        'div',
        { class: 'goal-body' },
        h('div', { class: 'goal-visual' }, progressBlock(record), chart),
        h(
          'div',
          { class: 'goal-words' },
          h(
            'dl',
            { class: 'facts goal-facts' },
            fact('How it is measured', g.measure),
            fact('What I will do', g.steps),
            fact('Why it matters', g.why),
          ),
          familyQuote(answers, g.family_answer_id),
        ),
      ),
      record.hints.length && g.status === 'active'
        ? h(
            'div',
            { class: 'goal-hints' },
            h('p', { class: 'goal-hints-title' }, 'To make this goal SMART:'),
            h('ul', null, record.hints.map((hint) => hintItem(hint, { class: 'goal-hint', dataset: { hintLetter: hint.letter } }))),
          )
        : null,
      readOnly ? null : checkInForm(ctx, record),
      checkInLog(ctx, record, readOnly),
      homeActivities(ctx, record, readOnly),
      readOnly
        ? null
        : h(
            'div',
            { class: 'card-actions goal-actions' },
            h('button', { type: 'button', class: 'button small edit-goal', onclick: () => on.edit(g.id) }, 'Edit goal'),
            h('button', { type: 'button', class: 'button small subtle delete-goal', onclick: (e) => on.remove(record, e.currentTarget) }, 'Delete goal'),
          ),
    ),
  );
}

/**
 * The Goals section.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @returns {HTMLElement} section#goals
 */
export function renderGoals(ctx, page) {
  const readOnly = Boolean(page.class?.archived);
  const records = page.goals ?? [];
  const answers = answersById(page);
  const section = h('section', { class: 'goals', id: 'goals', 'aria-labelledby': 'goals-title' });
  /** @type {{kind: null|'add'|'edit', id?: number}} */
  let mode = { kind: null };

  const show = (next, focus) => {
    mode = next;
    draw();
    section.querySelector(focus)?.focus();
  };

  const on = {
    edit: (id) => show({ kind: 'edit', id }, '#goal_statement'),
    remove: async (record, button) => {
      const g = record.goal;
      const parts = [];
      if (record.check_ins.length) parts.push(`${record.check_ins.length} check-in${record.check_ins.length === 1 ? '' : 's'}`);
      if (record.home_activities.length) parts.push(`${record.home_activities.length} home activit${record.home_activities.length === 1 ? 'y' : 'ies'}`);
      await deleteWithUndo(ctx, button, {
        title: 'Delete this goal?',
        before: [h('p', { dir: 'auto', class: 'confirm-quote' }, `“${g.statement}”`)],
        what: `The goal${parts.length ? ` with its ${parts.join(' and ')}` : ''} will be removed.`,
        more: [g.status === 'active' ? 'To keep the record of it, mark it “Met”, “Not met” or “Dropped” instead.' : null],
        remove: () => api.deleteGoal(g.id),
        done: 'Goal deleted.',
        focus: '#goals-title',
      });
    },
  };

  function draw() {
    const items = records.map((record) =>
      mode.kind === 'edit' && mode.id === record.goal.id
        ? h(
            'li',
            { class: 'goal editing', id: `goal-${record.goal.id}`, dataset: { goalId: String(record.goal.id) } },
            goalForm(ctx, page, record.goal, () => show({ kind: null }, `li.goal[data-goal-id="${record.goal.id}"] .edit-goal`)),
          )
        : goalCard(ctx, page, record, answers, on, readOnly),
    );
    let foot = null;
    if (mode.kind === 'add') foot = goalForm(ctx, page, null, () => show({ kind: null }, '#add-goal'));
    else if (!readOnly) {
      foot = h(
        'div',
        { class: 'section-actions' },
        h('button', { type: 'button', class: ['button', !records.length && 'primary'], id: 'add-goal', onclick: () => show({ kind: 'add' }, '#goal_statement') }, 'Add a goal'),
      );
    }
    const active = records.filter((r) => r.goal.status === 'active').length;
    replace(
      section,
      h(
        'h2',
        { id: 'goals-title', tabindex: '-1' },
        'Goals',
        records.length ? h('span', { class: 'count' }, ` (${active} active${records.length > active ? `, ${records.length} in all` : ''})`) : null,
      ),
      records.length
        ? h('ul', { class: 'goal-list', id: 'goal-list' }, items)
        : h(
            'div',
            { class: 'goals-empty', id: 'goals-empty' },
            h('p', null, 'No goals yet.'),
            h(
              'p',
              { class: 'muted' },
              'The best goals are set with the family: one clear thing to work on, a number to watch, a date, and something to do at home.',
            ),
          ),
      foot,
    );
  }

  draw();
  return section;
}
