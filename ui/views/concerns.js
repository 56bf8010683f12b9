// "Concerns" on a student's page, written to understand behaviour rather than to punish it: what
// was seen (behaviour anyone could observe), where and when, its possible causes (each with the
// question that helps decide whether it fits), what we tried, when it was talked through with the
// family, and what we agreed. Open concerns come first; one not yet discussed with the family
// offers a call (the contact dialog, after which the concern is linked to that contact).

import * as api from '../api.js';
import { h, replace, whileBusy } from '../dom.js';
import { keepDraft } from '../drafts.js';
import { folded } from './fold.js';
import { actions, checkbox, checkedOf, field, form, onSubmit, submitKeys, valueOf } from './forms.js';
import { openContactDialog } from './contact-dialog.js';
import { deleteWithUndo } from '../parts/delete.js';
import { choiceLabel, choices, isReadOnly, linkedGuardian, prefixed, shortDateEl } from '../parts/record.js';
import { shortDate } from '../format.js';

/** A Concern as the core's ConcernDetails (everything but the id). */
function detailsOf(concern) {
  const { id, ...details } = concern;
  return { ...details, causes: [...(concern.causes ?? [])] };
}

function causeLabel(ctx, code) {
  return choices(ctx, 'causes').find((c) => c.code === code)?.label ?? code;
}

/** The one-line name of a contact in the "talked through" select. */
function contactOption(ctx, page, c) {
  const who = c.guardian_id == null ? 'the family' : linkedGuardian(page, c.guardian_id)?.guardian.name ?? 'a guardian';
  const summary = c.summary ? `: ${c.summary.length > 60 ? `${c.summary.slice(0, 59)}…` : c.summary}` : '';
  return `${shortDate(c.happened_on, ctx.info?.today)} — ${choiceLabel(ctx, 'contact_kinds', c.kind)} with ${who}${summary}`;
}

function causesFieldset(ctx, chosen) {
  const picked = new Set(chosen);
  return h(
    'fieldset',
    { class: 'field rc-causes', id: 'concern_causes', 'aria-describedby': 'concern_causes-hint' },
    h('legend', null, 'Possible causes'),
    h('p', { class: 'hint', id: 'concern_causes-hint' }, 'Tick any that might fit. The question under each helps you decide, and is worth asking the family too.'),
    h(
      'div',
      { class: 'rc-cause-grid' },
      choices(ctx, 'causes').map((c) =>
        h(
          'div',
          { class: 'field-check rc-cause' },
          h('input', {
            type: 'checkbox',
            id: `cause-${c.code}`,
            name: 'concern_causes',
            value: c.code,
            checked: picked.has(c.code),
            'aria-describedby': `cause-${c.code}-hint`,
          }),
          h('label', { for: `cause-${c.code}` }, c.label),
          h('p', { class: 'hint', id: `cause-${c.code}-hint` }, c.prompt),
        ),
      ),
    ),
  );
}

/**
 * The add/edit form.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @param {object|null} concern the Concern to edit
 * @param {() => void} cancel
 */
function concernForm(ctx, page, concern, cancel) {
  const k = concern ?? {};
  /** @type {ReturnType<typeof keepDraft>} */
  let draft;
  // Cancel and Escape close the form; what was typed stays as a draft.
  const leave = () => {
    cancel();
    draft.close().then((kept) => {
      if (kept) ctx.status('Draft kept: it comes back when you open this again.');
    });
  };
  const contactOptions = [
    { value: '', label: 'Not yet discussed' },
    ...(page.contacts ?? []).map((c) => ({ value: String(c.id), label: contactOption(ctx, page, c) })),
  ];
  const formEl = form(
    { id: 'concern-form', class: 'panel rc-concern-form', 'aria-labelledby': 'concern-form-title' },
    h('h3', { id: 'concern-form-title' }, concern ? 'Edit the concern' : 'A new concern'),
    concern ? null : h('p', { class: 'hint' }, 'Describe what anyone could see, think about what might be behind it, and plan the next step with the family.'),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'concern_noticed_on', label: 'Noticed on', type: 'date', value: k.noticed_on ?? ctx.info?.today ?? '' }),
      field({ id: 'concern_setting', label: 'Where and when', value: k.setting ?? '', placeholder: 'For example: reading block, after lunch' }),
    ),
    field({
      id: 'concern_observed',
      label: 'What was seen',
      type: 'textarea',
      rows: 3,
      required: true,
      value: k.observed ?? '',
      hint: 'Behaviour anyone could observe, without judging: “Left his seat four times during reading”, not “He is disruptive”.',
    }),
    causesFieldset(ctx, k.causes ?? []),
    field({ id: 'concern_strategies', label: 'What we tried', type: 'textarea', rows: 2, value: k.strategies ?? '' }),
    field({
      id: 'concern_contact_id',
      label: 'Talked through with the family',
      type: 'select',
      options: contactOptions,
      value: k.contact_id != null ? String(k.contact_id) : '',
      hint: 'The contact in which you discussed it. Log the call first if it is not in the list.',
    }),
    field({ id: 'concern_plan', label: 'What we agreed', type: 'textarea', rows: 2, value: k.plan ?? '' }),
    field({ id: 'concern_notes', label: 'Notes', type: 'textarea', rows: 2, value: k.notes ?? '' }),
    checkbox({ id: 'concern_sensitive', label: 'These notes are private', checked: Boolean(k.sensitive), hint: 'For you only: never printed for the family.' }),
    checkbox({
      id: 'concern_share_at_conference',
      label: 'Raise it at the conference',
      checked: Boolean(k.share_at_conference),
      hint: 'Printed in the conference packet under “Concerns to talk about together”. A concern not yet talked through with the family is printed only if you tick this.',
    }),
    field({ id: 'concern_resolved_on', label: 'Resolved on', type: 'date', value: k.resolved_on ?? '', hint: 'Leave empty while it is still open.' }),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-concern' }, concern ? 'Save changes' : 'Save'),
      h('button', { type: 'button', class: 'button', id: 'cancel-concern', onclick: leave }, 'Cancel'),
    ),
  );
  submitKeys(formEl, leave);
  draft = keepDraft(formEl, { key: concern ? `concern:${concern.id}` : `concern:new:${page.student.id}`, studentId: page.student.id });
  onSubmit(
    formEl,
    async () => {
      const noticed = valueOf(formEl, 'concern_noticed_on');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(noticed)) throw { message: 'Check the date.', fields: { noticed_on: 'Enter the day it was noticed.' } };
      const contact = valueOf(formEl, 'concern_contact_id');
      const details = {
        student_id: page.student.id,
        noticed_on: noticed,
        observed: valueOf(formEl, 'concern_observed'),
        setting: valueOf(formEl, 'concern_setting'),
        causes: [...formEl.querySelectorAll('input[name="concern_causes"]:checked')].map((el) => el.value),
        strategies: valueOf(formEl, 'concern_strategies'),
        contact_id: contact || null,
        plan: valueOf(formEl, 'concern_plan'),
        notes: valueOf(formEl, 'concern_notes'),
        sensitive: checkedOf(formEl, 'concern_sensitive'),
        share_at_conference: checkedOf(formEl, 'concern_share_at_conference'),
        resolved_on: valueOf(formEl, 'concern_resolved_on') || null,
      };
      const saved = concern ? await api.updateConcern(concern.id, details) : await api.addConcern(details);
      await draft.saved();
      ctx.status('Concern saved.');
      await ctx.refresh(`#concern-${saved.id}`);
    },
    prefixed('concern_'),
  );
  return formEl;
}

function detail(label, value, attrs = {}) {
  if (!value) return null;
  return h('div', { class: ['fact', attrs.class] }, h('dt', null, label), h('dd', { dir: 'auto' }, folded(h('span', { class: 'rc-text' }, value), value)));
}

function concernItem(ctx, page, k, on, readOnly) {
  const open = !k.resolved_on;
  const contact = k.contact_id != null ? (page.contacts ?? []).find((c) => c.id === k.contact_id) ?? null : null;
  const hidden = (text) => h('span', { class: 'visually-hidden' }, text);
  const about = ` the concern noticed ${shortDate(k.noticed_on, ctx.info?.today)}`;

  let family;
  if (k.contact_id != null) {
    family = h(
      'p',
      { class: 'rc-discussed' },
      'Talked through with the family',
      contact
        ? [
            ' on ',
            h('button', { type: 'button', class: 'link-button show-contact', onclick: () => on.showContact(contact.id) }, shortDateEl(ctx, contact.happened_on)),
          ]
        : null,
      '.',
    );
  } else if (open) {
    family = h(
      'div',
      { class: 'callout caution rc-not-discussed' },
      h('p', null, k.share_at_conference ? 'Not yet discussed with the family: to raise at the conference.' : 'Not yet discussed with the family.'),
      readOnly
        ? null
        : h('button', { type: 'button', class: 'button small call-about-concern', onclick: () => on.call(k) }, 'Call the family', hidden(about)),
    );
  }

  return h(
    'li',
    { class: ['concern', open ? 'open' : 'resolved', k.sensitive && 'has-private'], id: `concern-${k.id}`, tabindex: '-1', dataset: { concernId: String(k.id), item: `concern:${k.id}` } },
    h(
      'div',
      { class: 'rc-item-head' },
      h('span', { class: 'rc-date' }, 'Noticed ', shortDateEl(ctx, k.noticed_on)),
      k.setting ? h('span', { class: 'rc-setting', dir: 'auto' }, k.setting) : null,
      open
        ? h('span', { class: 'badge open-badge' }, 'Open')
        : h('span', { class: 'badge resolved-badge' }, 'Resolved ', shortDateEl(ctx, k.resolved_on)),
      k.sensitive ? h('span', { class: 'badge private-badge' }, 'Private notes') : null,
    ),
    h('p', { class: 'rc-text concern-observed', dir: 'auto' }, k.observed),
    h(
      'dl',
      { class: 'facts rc-details' },
      detail('Possible causes', (k.causes ?? []).map((c) => causeLabel(ctx, c)).join(', '), { class: 'concern-causes' }),
      detail('What we tried', k.strategies, { class: 'concern-strategies' }),
      detail('What we agreed', k.plan, { class: 'concern-plan' }),
      detail('Notes', k.notes, { class: ['concern-notes', k.sensitive && 'is-private'].filter(Boolean).join(' ') }),
    ),
    family,
    readOnly
      ? null
      : h(
          'div',
          { class: 'card-actions rc-actions' },
          open
            ? h('button', { type: 'button', class: 'button small resolve-concern', onclick: (e) => on.resolve(k, e.currentTarget) }, 'Mark resolved', hidden(about))
            : null,
          h('button', { type: 'button', class: 'button small edit-concern', onclick: () => on.edit(k) }, 'Edit', hidden(about)),
          h('button', { type: 'button', class: 'button small subtle delete-concern', onclick: (e) => on.remove(k, e.currentTarget) }, 'Delete', hidden(about)),
        ),
  );
}

/**
 * The "Concerns" section of a student's page.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @returns {HTMLElement} section#concerns
 */
export function renderConcerns(ctx, page) {
  const readOnly = isReadOnly(page);
  const concerns = page.concerns ?? [];
  const section = h('section', { class: 'rc-section concerns', id: 'concerns', 'aria-labelledby': 'concerns-title' });
  /** @type {{kind: 'add'|'edit'|null, id?: number}} */
  let mode = { kind: null };

  const show = (next, focus) => {
    mode = next;
    draw();
    section.querySelector(focus)?.focus();
  };
  const closeTo = (focus) => () => show({ kind: null }, focus);

  const on = {
    edit: (k) => show({ kind: 'edit', id: k.id }, '#concern_observed'),
    call: async (k) => {
      const first = k.observed.split('\n')[0];
      const saved = await openContactDialog(ctx, page, { kind: 'concern', about: first, concernId: k.id });
      if (!saved) return;
      await ctx.refresh(`#concern-${k.id}`);
    },
    resolve: async (k, button) => {
      try {
        await whileBusy(button, () => api.updateConcern(k.id, { ...detailsOf(k), resolved_on: ctx.info?.today }));
        ctx.status('Marked resolved.');
        await ctx.refresh(`#concern-${k.id}`);
      } catch (err) {
        ctx.alert(err);
      }
    },
    remove: (k, button) =>
      deleteWithUndo(ctx, button, {
        title: 'Delete this concern?',
        what: 'It will be removed with its causes, plan and notes.',
        more: ['Logged contacts stay in the contact log.'],
        remove: () => api.deleteConcern(k.id),
        done: 'Concern deleted.',
        focus: '#concerns-title',
      }),
    showContact: (id) => {
      const target = document.getElementById(`contact-${id}`);
      if (!target) return;
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    },
  };

  function draw() {
    const items = concerns.map((k) =>
      mode.kind === 'edit' && mode.id === k.id
        ? h('li', { class: 'concern editing', id: `concern-${k.id}`, dataset: { concernId: String(k.id) } }, concernForm(ctx, page, k, closeTo(`#concern-${k.id} .edit-concern`)))
        : concernItem(ctx, page, k, on, readOnly),
    );
    const openCount = concerns.filter((k) => !k.resolved_on).length;
    replace(
      section,
      h(
        'div',
        { class: 'rc-section-head' },
        h('h2', { id: 'concerns-title', tabindex: '-1' }, 'Concerns ', h('span', { class: 'count' }, openCount ? `(${openCount} open)` : `(${concerns.length})`)),
        readOnly || mode.kind === 'add'
          ? null
          : h('div', { class: 'section-actions' }, h('button', { type: 'button', class: 'button', id: 'add-concern', onclick: () => show({ kind: 'add' }, '#concern_observed') }, 'Note a concern')),
      ),
      readOnly ? null : h('p', { class: 'section-intro' }, 'Understanding behaviour: what was seen, what might be behind it, what we tried, and what we agreed with the family.'),
      mode.kind === 'add' ? concernForm(ctx, page, null, closeTo('#add-concern')) : null,
      concerns.length ? null : h('p', { class: 'muted rc-empty', id: 'no-concerns' }, 'No concerns noted.'),
      h('ul', { class: 'rc-list concern-list', id: 'concern-list' }, items),
    );
  }

  draw();
  return section;
}
