// The goal form: add or edit a goal, with the SMART check running as the teacher types
// (debounced api.smartCheck) and a draft kept in the record.

import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { keepDraft } from '../../drafts.js';
import { actions, field, form, formKeys, onSubmit, radioGroup, radioOf, valueOf } from '../forms.js';
import { choices } from '../../parts/record.js';
import { mediumDate, snippet } from '../../format.js';
import { SMART, SMART_BY_KEY, hintItem } from './smart-hints.js';
import { fieldProblem, numberIn } from './words.js';

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
export function goalForm(ctx, page, goal, cancel) {
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
