// "What the family told us", at the top of a student's page: each question the family answered,
// with every answer (two guardians answering one question are both kept), who said it and when, and
// a Private badge for answers meant for the teacher only. Record answers opens one form with a box
// per question in the bank; each answer written is saved. Answers can be edited or deleted in place.
// Also exports the small date/number/badge helpers goals.js shares.

import * as api from '../api.js';
import { h, nameText, replace, whileBusy } from '../dom.js';
import { folded } from './fold.js';
import { actions, checkbox, checkedOf, field, form, formKeys, onSubmit, valueOf } from './forms.js';
import { printed } from './printing.js';
import { childWithoutHandout, confirmEnglish, englishNote } from './handouts.js';
import { deleteWithUndo } from '../parts/delete.js';
import { FAMILY_TOGETHER, choices, dateEl, privateBadge, whoText } from '../parts/record.js';
import { mediumDate } from '../format.js';










/** The "Who answered" choices: each linked guardian, then the family together. */
function guardianSelect(page, id, value) {
  const options = page.guardians.map((lg) => ({
    value: String(lg.guardian.id),
    label: lg.guardian.relationship ? `${lg.guardian.name} (${lg.guardian.relationship})` : lg.guardian.name,
  }));
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: 'A former guardian' });
  options.push({ value: '', label: FAMILY_TOGETHER });
  const wrapper = field({ id, label: 'Who answered', type: 'select', options, value: value ?? '' });
  for (const option of wrapper.querySelectorAll('option')) option.setAttribute('dir', 'auto');
  return wrapper;
}

const guardianValue = (formEl, id) => {
  const v = valueOf(formEl, id);
  return v === '' ? null : v;
};

/** A field error the core would give, raised before calling it (so no malformed value is sent). */
function fieldProblem(fields) {
  return { code: 'validation', message: Object.values(fields).join(' '), fields };
}

/**
 * The section.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @returns {HTMLElement} section#family-answers
 */
export function renderFamilyAnswers(ctx, page) {
  const readOnly = Boolean(page.class?.archived);
  const studentId = page.student.id;
  const child = page.display_name;
  const groups = page.family_answers ?? [];
  const count = groups.reduce((n, g) => n + g.answers.length, 0);
  const section = h('section', { class: 'family-answers', id: 'family-answers', 'aria-labelledby': 'family-answers-title' });
  /** @type {{kind: null|'record'|'edit', id?: number, questions?: object[]}} */
  let mode = { kind: null };

  const show = (next, focus) => {
    mode = next;
    draw();
    section.querySelector(focus)?.focus();
  };

  // The questions are read as the page is drawn, so that Record answers opens at once.
  let ready = null;
  const early = readOnly ? null : api.listQuestions(false).then((q) => (ready = q), () => null);

  async function openRecord(button) {
    try {
      const questions = ready ?? (await whileBusy(button, async () => (await early) ?? api.listQuestions(false)));
      show({ kind: 'record', questions }, '#answers_guardian_id');
    } catch (err) {
      ctx.alert(err);
    }
  }

  async function remove(item, button) {
    const who = whoText(page, item);
    await deleteWithUndo(ctx, button, {
      title: 'Delete this answer?',
      what: [
        'What ',
        who === FAMILY_TOGETHER ? 'the family' : nameText(who),
        ` told you on ${mediumDate(item.answer.answered_on)} will be removed from `,
        nameText(child),
        '’s record.',
      ],
      remove: () => api.deleteAnswer(item.answer.id),
      done: 'Answer deleted.',
      focus: '#family-answers-title',
      focusAfter: count > 1 ? '#family-answers-title' : '#record-answers',
    });
  }

  function answerItem(question, item) {
    const a = item.answer;
    const who = whoText(page, item);
    if (mode.kind === 'edit' && mode.id === a.id) return editItem(question, item);
    return h(
      'li',
      { class: ['family-answer', a.sensitive && 'sensitive'], id: `family-answer-${a.id}`, tabindex: '-1', dataset: { answerId: String(a.id), item: `answer:${a.id}` } },
      folded(h('blockquote', { class: 'answer-text', dir: 'auto' }, a.answer), a.answer),
      h(
        'div',
        { class: 'answer-foot' },
        h(
          'p',
          { class: 'answer-meta' },
          h('span', { class: 'answer-who' }, who === FAMILY_TOGETHER ? who : nameText(who)),
          h('span', { 'aria-hidden': 'true' }, ' · '),
          h('span', { class: 'visually-hidden' }, ', '),
          dateEl(a.answered_on, { class: 'answer-date' }),
          a.sensitive ? [' ', privateBadge()] : null,
        ),
        readOnly
          ? null
          : h(
              'div',
              { class: 'answer-actions' },
              h(
                'button',
                { type: 'button', class: 'button small subtle edit-answer', onclick: () => show({ kind: 'edit', id: a.id }, '#edit_answer_text') },
                'Edit',
                h('span', { class: 'visually-hidden' }, ' the answer from ', who),
              ),
              h(
                'button',
                { type: 'button', class: 'button small subtle delete-answer', onclick: (e) => remove(item, e.currentTarget) },
                'Delete',
                h('span', { class: 'visually-hidden' }, ' the answer from ', who),
              ),
            ),
      ),
    );
  }

  function editItem(question, item) {
    const a = item.answer;
    const back = () => show({ kind: null }, `#family-answer-${a.id} .edit-answer`);
    const formEl = form(
      { id: 'edit-answer-form', class: 'answer-edit', 'aria-label': 'Edit this answer' },
      field({ id: 'edit_answer_text', label: 'Their answer', type: 'textarea', rows: 4, value: a.answer, required: true }),
      h(
        'div',
        { class: 'field-row' },
        guardianSelect(page, 'edit_answer_guardian_id', a.guardian_id == null ? '' : String(a.guardian_id)),
        field({ id: 'edit_answer_answered_on', label: 'When they told you', type: 'date', value: a.answered_on, required: true }),
      ),
      checkbox({ id: 'edit_answer_sensitive', label: 'Private: for you only', checked: a.sensitive, hint: 'Never printed for the family.' }),
      actions(
        h('button', { type: 'submit', class: 'button primary', id: 'save-answer-edit' }, 'Save'),
        h('button', { type: 'button', class: 'button', id: 'cancel-answer-edit', onclick: back }, 'Cancel'),
      ),
    );
    formKeys(formEl, back);
    const text = formEl.querySelector('#edit_answer_text');
    text.setAttribute('dir', 'auto');
    onSubmit(
      formEl,
      async () => {
        const answeredOn = valueOf(formEl, 'edit_answer_answered_on');
        if (!answeredOn) throw fieldProblem({ answered_on: 'Choose the date they told you.' });
        await api.updateAnswer(a.id, {
          student_id: studentId,
          guardian_id: guardianValue(formEl, 'edit_answer_guardian_id'),
          question_id: a.question_id,
          answer: text.value,
          answered_on: answeredOn,
          sensitive: checkedOf(formEl, 'edit_answer_sensitive'),
        });
        ctx.status('Answer saved.');
        await ctx.refresh(`#family-answer-${a.id}`);
      },
      (f) => ({ answer: 'edit_answer_text', question_id: 'edit_answer_text', guardian_id: 'edit_answer_guardian_id', answered_on: 'edit_answer_answered_on', sensitive: 'edit_answer_sensitive' })[f] ?? f,
    );
    return h('li', { class: 'family-answer editing', id: `family-answer-${a.id}`, dataset: { answerId: String(a.id) } }, formEl);
  }

  /** The answers already given to a question, as a hint under its box in the record form. */
  function answeredHint(questionId) {
    const group = groups.find((g) => g.question.id === questionId);
    if (!group) return null;
    const latest = group.answers[0];
    const more = group.answers.length - 1;
    return `Already answered by ${whoText(page, latest)} on ${mediumDate(latest.answer.answered_on)}${more > 0 ? ` and ${more} more` : ''}. A new answer is kept alongside.`;
  }

  function recordForm(questions) {
    const back = () => show({ kind: null }, '#record-answers');
    const primary = page.guardians.find((lg) => lg.link.is_primary) ?? page.guardians[0];
    // Which question failed while saving, so the core's "answer" message lands on its box.
    let failing = null;
    const formEl = form(
      { id: 'answers-form', class: 'panel answers-form', 'aria-labelledby': 'answers-form-title' },
      h('h3', { id: 'answers-form-title' }, 'Record what the family told you'),
      h(
        'p',
        { class: 'hint' },
        'Write their words as closely as you can. Leave a question blank if they did not answer it: only what you write is saved.',
      ),
      h(
        'div',
        { class: 'field-row' },
        guardianSelect(page, 'answers_guardian_id', primary ? String(primary.guardian.id) : ''),
        field({ id: 'answers_answered_on', label: 'When they told you', type: 'date', value: ctx.info.today, required: true }),
      ),
      questions.length
        ? h(
            'div',
            { class: 'answer-boxes' },
            questions.map((q) => field({ id: `answer-${q.id}`, label: q.prompt, type: 'textarea', rows: 3, hint: answeredHint(q.id) })),
          )
        : h(
            'p',
            { class: 'callout', id: 'no-questions' },
            'Your question bank is empty. ',
            h('a', { href: '#/settings' }, 'Add questions in Settings'),
            '.',
          ),
      checkbox({
        id: 'answers_sensitive',
        label: 'Private: for you only',
        hint: 'For anything the family shared in confidence. Private answers are never printed for the family.',
      }),
      actions(
        h('button', { type: 'submit', class: 'button primary', id: 'save-answers' }, 'Save answers'),
        h('button', { type: 'button', class: 'button', id: 'cancel-answers', onclick: back }, 'Cancel'),
      ),
    );
    for (const q of questions) formEl.querySelector(`#answer-${q.id}`).setAttribute('dir', 'auto');
    formKeys(formEl, back);
    const idFor = (f) => {
      if ((f === 'answer' || f === 'question_id') && failing) return `answer-${failing}`;
      return { guardian_id: 'answers_guardian_id', answered_on: 'answers_answered_on', sensitive: 'answers_sensitive' }[f] ?? f;
    };
    onSubmit(
      formEl,
      async () => {
        failing = null;
        const answeredOn = valueOf(formEl, 'answers_answered_on');
        const filled = questions.filter((q) => valueOf(formEl, `answer-${q.id}`).trim());
        const problems = {};
        if (!answeredOn) problems.answered_on = 'Choose the date they told you.';
        if (!filled.length && questions.length) problems[`answer-${questions[0].id}`] = 'Write at least one answer.';
        if (!questions.length) problems.questions = 'There are no questions to answer yet.';
        if (Object.keys(problems).length) throw fieldProblem(problems);
        const common = {
          student_id: studentId,
          guardian_id: guardianValue(formEl, 'answers_guardian_id'),
          answered_on: answeredOn,
          sensitive: checkedOf(formEl, 'answers_sensitive'),
        };
        const saved = [];
        for (const q of filled) {
          const box = formEl.querySelector(`#answer-${q.id}`);
          try {
            saved.push(await api.addAnswer({ ...common, question_id: q.id, answer: box.value }));
          } catch (err) {
            failing = q.id;
            if (saved.length) ctx.status(`${saved.length} of ${filled.length} answers saved; the rest are still in the form.`);
            throw err;
          }
          // Saved: empty the box so that trying again after a later problem cannot save it twice.
          box.value = '';
        }
        ctx.status(saved.length === 1 ? 'Answer saved.' : `${saved.length} answers saved.`);
        await ctx.refresh(`#family-answer-${saved[0].id}`);
      },
      idFor,
    );
    return formEl;
  }

  function emptyState() {
    return h(
      'div',
      { class: 'family-empty', id: 'family-empty' },
      h('p', { class: 'family-empty-title' }, 'Parents know their children best.'),
      h(
        'p',
        null,
        'Ask ',
        nameText(child),
        '’s family what they know: strengths, worries, how ',
        nameText(child),
        ' learns best, their hopes for the year. Write down what they tell you, in their words. ' +
          'It shows them you are listening, and it gives you goals to work on together.',
      ),
    );
  }

  function draw() {
    const list = groups.length
      ? h(
          'ul',
          { class: 'answer-groups', id: 'family-answer-list' },
          groups.map((g) =>
            h(
              'li',
              { class: 'answer-group', dataset: { questionId: String(g.question.id) } },
              h(
                'h3',
                { class: 'answer-question', dir: 'auto' },
                g.question.prompt,
                g.question.retired ? h('span', { class: 'retired-note' }, ' (no longer asked)') : null,
              ),
              h('ul', { class: 'answers' }, g.answers.map((item) => answerItem(g.question, item))),
            ),
          ),
        )
      : emptyState();
    let foot = null;
    if (mode.kind === 'record') foot = recordForm(mode.questions);
    else if (!readOnly) {
      const button = h(
        'button',
        { type: 'button', class: ['button', !groups.length && 'primary'], id: 'record-answers', onclick: (e) => openRecord(e.currentTarget) },
        groups.length ? 'Record more answers' : 'Record the family’s answers',
      );
      const print = h(
        'button',
        { type: 'button', class: 'button', id: 'print-questionnaire', onclick: (e) => printQuestionnaire(ctx, page, e.currentTarget) },
        'Print the questionnaire',
      );
      foot = h(
        'div',
        { class: 'section-actions' },
        button,
        print,
        groups.length ? null : h('a', { href: '#/settings', class: 'quiet-link' }, 'Change the questions'),
      );
    }
    replace(
      section,
      h(
        'h2',
        { id: 'family-answers-title', tabindex: '-1' },
        'What the family told us',
        count ? h('span', { class: 'count' }, ` (${count})`) : null,
      ),
      groups.length ? h('p', { class: 'section-intro' }, 'In their own words. Parents know their children best.') : null,
      readOnly && !groups.length ? h('p', { class: 'muted' }, 'No answers were recorded.') : list,
      foot,
    );
  }

  draw();
  return section;
}

/**
 * Prints the blank questionnaire for every guardian who may be contacted, each in their language:
 * Rust asks where to save it, writes it and opens it.
 * @param {object} ctx
 * @param {object} page the StudentPage
 * @param {HTMLButtonElement} button
 */
async function printQuestionnaire(ctx, page, button) {
  let gaps;
  try {
    gaps = await childWithoutHandout(page);
  } catch (err) {
    ctx.alert(err);
    return;
  }
  if (!(await confirmEnglish(gaps, 'the questionnaires'))) return;
  return printed(ctx, button, 'Questionnaire', () => api.printQuestionnaire(page.student.id), { pages: false, note: englishNote(gaps) });
}
