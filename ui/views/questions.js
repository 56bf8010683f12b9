// The question bank in Settings: the questions the teacher asks each family, in order. Edit a
// question in place, move it up or down, retire it (no longer asked; answers already given stay on
// each child's page) or bring it back, and add new ones. The list is re-read after each change.

import * as api from '../api.js';
import { h, replace, whileBusy } from '../dom.js';
import { actions, field, form, formKeys, onSubmit, valueOf } from './forms.js';
import { snippet } from '../format.js';

const byPosition = (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The question bank section for Settings.
 * @param {object} ctx
 * @returns {HTMLElement} section#question-bank
 */
export function renderQuestionBank(ctx) {
  const topics = ctx.info.choices?.question_topics ?? [];
  const topicLabel = (value) => topics.find((t) => t.value === value)?.label ?? value;
  const section = h('section', { class: 'settings-group question-bank', id: 'question-bank', 'aria-labelledby': 'question-bank-title' });
  /** @type {object[]|null} every question, retired too, in order */
  let questions = null;
  let loadError = null;
  let editing = null;
  /** The open edit form, kept across redraws so that nothing typed is lost. */
  let editFormEl = null;
  let busy = false;

  const active = () => questions.filter((q) => !q.retired);
  const retired = () => questions.filter((q) => q.retired);

  async function load(focus) {
    try {
      questions = (await api.listQuestions(true)).sort(byPosition);
      loadError = null;
    } catch (err) {
      loadError = err;
    }
    draw();
    if (focus) focusOn(focus);
  }

  /** Focuses a selector, or the first that exists of a list of them. */
  function focusOn(selectors) {
    for (const sel of [selectors].flat()) {
      const el = section.querySelector(sel);
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  }

  /** Runs a change, then re-reads the list; a failure is shown at the top of the page. */
  async function change(button, work, message, focus) {
    if (busy) return;
    busy = true;
    try {
      await whileBusy(button, work);
      ctx.status(message);
      await load(focus);
    } catch (err) {
      ctx.alert(err);
    } finally {
      busy = false;
    }
  }

  function move(q, by, button) {
    const ids = active().map((x) => x.id);
    const from = ids.indexOf(q.id);
    const to = from + by;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to], ids[from]];
    const order = [...ids, ...retired().map((x) => x.id)];
    const item = `#question-${q.id}`;
    const here = by < 0 ? '.move-up' : '.move-down';
    const other = by < 0 ? '.move-down' : '.move-up';
    change(button, () => api.reorderQuestions(order), by < 0 ? 'Moved up.' : 'Moved down.', [`${item} ${here}`, `${item} ${other}`]);
  }

  function retire(q, button) {
    const list = active();
    const next = list[list.indexOf(q) + 1] ?? list[list.indexOf(q) - 1];
    change(
      button,
      () => api.setQuestionRetired(q.id, true),
      'Question retired. Answers families already gave are kept.',
      [next ? `#question-${next.id} .retire-question` : null, `#question-${q.id} .restore-question`].filter(Boolean),
    );
  }

  function restore(q, button) {
    change(button, () => api.setQuestionRetired(q.id, false), 'Question restored.', `#question-${q.id} .retire-question`);
  }

  function editForm(q) {
    const back = () => {
      editing = null;
      editFormEl = null;
      draw();
      focusOn(`#question-${q.id} .edit-question`);
    };
    const formEl = form(
      { id: 'edit-question-form', class: 'question-edit', 'aria-label': 'Edit the question' },
      field({ id: 'edit_question_prompt', label: 'Question', type: 'textarea', rows: 2, value: q.prompt, required: true }),
      field({ id: 'edit_question_topic', label: 'Topic', type: 'select', options: topics, value: q.topic }),
      actions(
        h('button', { type: 'submit', class: 'button primary small', id: 'save-question' }, 'Save'),
        h('button', { type: 'button', class: 'button small', id: 'cancel-question', onclick: back }, 'Cancel'),
      ),
    );
    formEl.querySelector('#edit_question_prompt').setAttribute('dir', 'auto');
    // A question is one line: Enter saves, as it does in a text field.
    formEl.querySelector('#edit_question_prompt').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        formEl.requestSubmit();
      }
    });
    formKeys(formEl, back);
    onSubmit(
      formEl,
      async () => {
        await api.updateQuestion(q.id, {
          prompt: valueOf(formEl, 'edit_question_prompt'),
          topic: valueOf(formEl, 'edit_question_topic'),
        });
        editing = null;
        editFormEl = null;
        ctx.status('Question saved.');
        await load(`#question-${q.id} .edit-question`);
      },
      (f) => `edit_question_${f}`,
    );
    return formEl;
  }

  function questionItem(q, index, count) {
    const hidden = (text) => h('span', { class: 'visually-hidden' }, text);
    const about = `: ${snippet(q.prompt, 50)}`;
    if (editing === q.id) {
      editFormEl ??= editForm(q);
      return h('li', { class: ['question', 'editing', q.retired && 'retired'], id: `question-${q.id}`, dataset: { questionId: String(q.id) } }, editFormEl);
    }
    const buttons = q.retired
      ? [
          h('button', { type: 'button', class: 'button small restore-question', onclick: (e) => restore(q, e.currentTarget) }, 'Restore', hidden(about)),
        ]
      : [
          h(
            'button',
            { type: 'button', class: 'button small subtle icon-button move-up', title: 'Move up', disabled: index === 0, onclick: (e) => move(q, -1, e.currentTarget) },
            h('span', { 'aria-hidden': 'true' }, '↑'),
            hidden(`Move up${about}`),
          ),
          h(
            'button',
            { type: 'button', class: 'button small subtle icon-button move-down', title: 'Move down', disabled: index === count - 1, onclick: (e) => move(q, 1, e.currentTarget) },
            h('span', { 'aria-hidden': 'true' }, '↓'),
            hidden(`Move down${about}`),
          ),
          h(
            'button',
            { type: 'button', class: 'button small subtle edit-question', onclick: () => { editing = q.id; editFormEl = null; draw(); focusOn('#edit_question_prompt'); } },
            'Edit',
            hidden(about),
          ),
          h('button', { type: 'button', class: 'button small subtle retire-question', onclick: (e) => retire(q, e.currentTarget) }, 'Retire', hidden(about)),
        ];
    return h(
      'li',
      { class: ['question', q.retired && 'retired'], id: `question-${q.id}`, dataset: { questionId: String(q.id) } },
      h(
        'div',
        { class: 'question-text' },
        h('p', { class: 'question-prompt', dir: 'auto' }, q.prompt),
        h('span', { class: 'badge question-topic' }, topicLabel(q.topic)),
      ),
      h('div', { class: 'question-actions' }, buttons),
    );
  }

  function newForm() {
    const formEl = form(
      { id: 'new-question-form', class: 'new-question', 'aria-labelledby': 'new-question-title' },
      h('h3', { id: 'new-question-title' }, 'Add a question'),
      h(
        'div',
        { class: 'new-question-fields' },
        field({ id: 'new_question_prompt', label: 'Question', hint: 'Open questions work best: “What makes your child laugh?”' }),
        field({ id: 'new_question_topic', label: 'Topic', type: 'select', options: topics, value: 'other' }),
      ),
      actions(h('button', { type: 'submit', class: 'button primary', id: 'add-question' }, 'Add question')),
    );
    formEl.querySelector('#new_question_prompt').setAttribute('dir', 'auto');
    onSubmit(
      formEl,
      async () => {
        await api.addQuestion({
          prompt: valueOf(formEl, 'new_question_prompt'),
          topic: valueOf(formEl, 'new_question_topic') || 'other',
        });
        formEl.querySelector('#new_question_prompt').value = '';
        ctx.status('Question added.');
        await load('#new_question_prompt');
      },
      (f) => `new_question_${f}`,
    );
    return formEl;
  }

  function draw() {
    const head = [
      h('h2', { id: 'question-bank-title' }, 'Questions for families'),
      h(
        'p',
        { class: 'section-intro' },
        'What you ask each family, in this order. Open questions let parents tell you what they know best. ' +
          'Retiring a question stops asking it; answers already given stay on each child’s page.',
      ),
    ];
    if (loadError) {
      replace(
        section,
        head,
        h('p', { class: 'callout caution' }, loadError.message || 'The questions could not be read.'),
        h('button', { type: 'button', class: 'button', onclick: () => load('#question-list') }, 'Try again'),
      );
      return;
    }
    if (!questions) {
      replace(section, head, h('p', { class: 'loading' }, 'Reading the questions…'));
      return;
    }
    const live = active();
    const old = retired();
    replace(
      section,
      head,
      live.length
        ? h('ol', { class: 'question-list', id: 'question-list' }, live.map((q, i) => questionItem(q, i, live.length)))
        : h('p', { class: 'muted', id: 'no-active-questions' }, 'No questions yet: add one below.'),
      addForm,
      old.length
        ? h(
            'div',
            { class: 'retired-questions' },
            h('h3', { id: 'retired-title' }, 'Retired ', h('span', { class: 'count' }, `(${old.length})`)),
            h('p', { class: 'hint' }, 'No longer asked. Restore one to ask it again.'),
            h('ul', { class: 'question-list retired-list', id: 'retired-question-list', 'aria-labelledby': 'retired-title' }, old.map((q, i) => questionItem(q, i, old.length))),
          )
        : null,
    );
  }

  const addForm = newForm();
  draw();
  load();
  return section;
}
