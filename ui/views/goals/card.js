// One goal as a card: the goal, its measure, progress and chart, the family's words it grew from,
// check-ins and learning at home.

import { h } from '../../dom.js';
import { dateEl, privateBadge } from '../../parts/record.js';
import { mediumDate, numberText } from '../../format.js';
import { checkInForm, checkInLog } from './check-ins.js';
import { homeActivities } from './home.js';
import { progressBlock, goalChart } from './progress.js';
import { SMART, hintItem } from './smart-hints.js';
import { labelOf } from './words.js';

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

export function goalCard(ctx, page, record, answers, on, readOnly) {
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
    { class: ['goal', `goal-${g.status}`], id: `goal-${g.id}`, dataset: { goalId: String(g.id), item: `goal:${g.id}` } },
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
