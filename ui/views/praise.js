// "Good news" on a student's page: a one-line form to note a good deed in seconds (what kind, a few
// words, when, and whether to call home about it), then the list: praise waiting for a call home
// first, each with "Call now" (the contact dialog, saved with recordPraiseCall), then the rest,
// newest first, saying when the family was told. Each can print a good-news note home, in the
// family's language, for a family the phone does not reach.

import * as api from '../api.js';
import { h, whileBusy } from '../dom.js';
import { actions, checkbox, checkedOf, field, form, onSubmit, submitKeys, valueOf } from './forms.js';
import { openContactDialog } from './contact-dialog.js';
import { deleteWithUndo } from '../parts/delete.js';
import { printed } from './printing.js';
import { callSummary, choiceLabel, choices, isReadOnly, praiseText, prefixed, shortDateEl } from '../parts/record.js';

const waiting = (p) => p.call_queued && p.contact_id == null;

function quickForm(ctx, page) {
  const formEl = form(
    { id: 'praise-form', class: 'rc-quick', 'aria-label': 'Note good news' },
    h(
      'div',
      { class: 'rc-quick-row' },
      field({ id: 'praise_category', label: 'What they did', type: 'select', options: choices(ctx, 'praise_categories'), value: choices(ctx, 'praise_categories')[0]?.value }),
      field({ id: 'praise_note', label: 'In a few words', placeholder: 'Optional' }),
      field({ id: 'praise_noticed_on', label: 'When', type: 'date', value: ctx.info?.today ?? '' }),
      checkbox({ id: 'praise_call_queued', label: 'Call home about it', checked: true }),
      actions(h('button', { type: 'submit', class: 'button primary', id: 'save-praise' }, 'Add')),
    ),
  );
  submitKeys(formEl);
  onSubmit(
    formEl,
    async () => {
      const noticed = valueOf(formEl, 'praise_noticed_on');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(noticed)) throw { message: 'Check the date.', fields: { noticed_on: 'Enter the day it happened.' } };
      const queued = checkedOf(formEl, 'praise_call_queued');
      await api.addPraise({
        student_id: page.student.id,
        noticed_on: noticed,
        category: valueOf(formEl, 'praise_category'),
        note: valueOf(formEl, 'praise_note'),
        call_queued: queued,
      });
      ctx.status(queued ? 'Good news noted. The call home is on your list.' : 'Good news noted.');
      await ctx.refresh('#praise_category');
    },
    prefixed('praise_'),
  );
  return formEl;
}

function praiseItem(ctx, page, p, on, readOnly) {
  const called = p.contact_id != null ? (page.contacts ?? []).find((c) => c.id === p.contact_id) ?? null : null;
  const hidden = (text) => h('span', { class: 'visually-hidden' }, text);
  const text = praiseText(ctx, p);
  const what = ` about “${text.length > 60 ? `${text.slice(0, 59)}…` : text}”`;
  let status;
  if (p.contact_id != null) {
    status = h('p', { class: 'rc-status told' }, 'Family told', called ? [' ', shortDateEl(ctx, called.happened_on)] : null, '.');
  } else if (p.call_queued) {
    status = h('p', { class: 'rc-status queued' }, 'Call home waiting.');
  } else {
    status = null;
  }
  // Printing is no edit: the note home stays in an archived class, as the other prints do.
  const note = h(
    'button',
    { type: 'button', class: 'button small print-good-news', dataset: { praise: String(p.id) }, onclick: (e) => on.print(p, e.currentTarget) },
    hidden('Print a good-news '),
    'Note home',
    hidden(what),
  );
  const buttons = readOnly
    ? [note]
    : [
        waiting(p)
          ? h('button', { type: 'button', class: 'button small primary call-praise', onclick: () => on.call(p) }, 'Call now', hidden(what))
          : null,
        waiting(p)
          ? h('button', { type: 'button', class: 'button small unqueue-praise', onclick: (e) => on.queue(p, false, e.currentTarget) }, 'No call needed', hidden(what))
          : null,
        p.contact_id == null && !p.call_queued
          ? h('button', { type: 'button', class: 'button small queue-praise', onclick: (e) => on.queue(p, true, e.currentTarget) }, 'Add to calls', hidden(what))
          : null,
        note,
        h('button', { type: 'button', class: 'button small subtle delete-praise', onclick: (e) => on.remove(p, e.currentTarget) }, 'Delete', hidden(what)),
      ];
  return h(
    'li',
    { class: ['praise', waiting(p) && 'waiting'], id: `praise-${p.id}`, tabindex: '-1', dataset: { praiseId: String(p.id), item: `praise:${p.id}` } },
    h(
      'div',
      { class: 'rc-praise-main' },
      h('span', { class: 'rc-date' }, shortDateEl(ctx, p.noticed_on)),
      h(
        'p',
        { class: 'rc-text praise-text' },
        p.category === 'other' && p.note ? null : h('span', { class: 'rc-label' }, choiceLabel(ctx, 'praise_categories', p.category)),
        p.note && p.category !== 'other' ? ': ' : null,
        p.note ? h('span', { dir: 'auto', class: 'praise-note' }, p.note) : null,
      ),
      status,
    ),
    buttons.some(Boolean) ? h('div', { class: 'card-actions rc-actions' }, buttons) : null,
  );
}

/**
 * The "Good news" section of a student's page.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @returns {HTMLElement} section#praise
 */
export function renderPraise(ctx, page) {
  const readOnly = isReadOnly(page);
  const all = page.praise ?? [];
  // The calls to make, oldest first (a queue), then everything else as it came (newest first).
  const queue = all.filter(waiting).sort((a, b) => (a.noticed_on < b.noticed_on ? -1 : a.noticed_on > b.noticed_on ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = all.filter((p) => !waiting(p));

  const on = {
    call: async (p) => {
      const saved = await openContactDialog(ctx, page, { kind: 'positive', praiseId: p.id, summary: callSummary(ctx, p) });
      if (saved) await ctx.refresh(`#praise-${p.id}`);
    },
    queue: async (p, queued, button) => {
      try {
        await whileBusy(button, () => api.setPraiseQueued(p.id, queued));
        ctx.status(queued ? 'Added to your calls home.' : 'Taken off your calls home.');
        await ctx.refresh(`#praise-${p.id}`);
      } catch (err) {
        ctx.alert(err);
      }
    },
    print: (p, button) => printed(ctx, button, 'Good-news note', () => api.printGoodNews(p.id), { pages: false }),
    remove: (p, button) =>
      deleteWithUndo(ctx, button, {
        title: 'Delete this good news?',
        what: ['“', h('span', { dir: 'auto' }, praiseText(ctx, p)), '” will be removed.'],
        more: [p.contact_id != null ? 'The call home you logged about it stays in the contact log.' : null],
        remove: () => api.deletePraise(p.id),
        done: 'Good news deleted.',
        focus: '#praise-title',
      }),
  };

  return h(
    'section',
    { class: 'rc-section praise-section', id: 'praise', 'aria-labelledby': 'praise-title' },
    h('h2', { id: 'praise-title', tabindex: '-1' }, 'Good news ', h('span', { class: 'count' }, `(${all.length})`)),
    readOnly ? null : h('p', { class: 'section-intro' }, 'Saw something good? Note it in a line, and let the family hear about it.'),
    readOnly ? null : quickForm(ctx, page),
    queue.length
      ? h('p', { class: 'rc-queue-summary', id: 'praise-queue-summary' }, queue.length === 1 ? '1 call home waiting.' : `${queue.length} calls home waiting.`)
      : null,
    all.length ? null : h('p', { class: 'muted rc-empty', id: 'no-praise' }, 'No good news noted yet.'),
    h('ul', { class: 'rc-list praise-list', id: 'praise-list' }, [...queue, ...rest].map((p) => praiseItem(ctx, page, p, on, readOnly))),
  );
}
