// The Guardians section of a student's page: one card per guardian, and the forms to add a new
// guardian, link one the family already has (a sibling's parent), edit one, make one the primary
// contact or remove one from this child. One form is open at a time; after each change the page
// is fetched again.

import * as api from '../api.js';
import { h, nameText, replace, whileBusy } from '../dom.js';
import { fold, matchesWords, queryWords } from '../search.js';
import {
  actions,
  checkbox,
  checkedOf,
  confirmDialog,
  field,
  form,
  onSubmit,
  valueOf,
} from './forms.js';

const RELATIONSHIPS = [
  'Mother', 'Father', 'Grandmother', 'Grandfather', 'Aunt', 'Uncle',
  'Foster parent', 'Stepmother', 'Stepfather', 'Guardian', 'Parent',
];
const NEW_GUARDIAN = {
  name: '', relationship: '', phone: '', email: '', preferred_method: 'phone',
  preferred_language: 'en', best_time: '', may_contact: true, no_contact_reason: '',
};

/** Guardian fields are called name, phone, ... by the core; the inputs are guardian_*. */
const guardianId = (field) => `guardian_${field}`;

function findLanguage(info, code) {
  const lower = String(code ?? '').toLowerCase();
  return (info.languages ?? []).find((l) => l.code.toLowerCase() === lower) ?? null;
}

function languageText(info, code) {
  const l = findLanguage(info, code);
  if (!l) return code;
  return l.english === l.native ? l.english : `${l.english} (${l.native})`;
}

function methodLabel(info, value) {
  return (info.contact_methods ?? []).find((m) => m.value === value)?.label ?? value;
}

function line(label, ...value) {
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', null, ...value));
}

/**
 * One guardian's card.
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {object} lg LinkedGuardian
 * @param {{edit: Function, primary: Function, remove: Function}} on
 * @param {boolean} readOnly
 */
function card(ctx, record, lg, on, readOnly) {
  const g = lg.guardian;
  const id = g.id;
  const child = record.display_name;
  const hidden = (text) => h('span', { class: 'visually-hidden' }, ' ', nameText(text));
  const facts = [
    g.phone ? line('Phone', h('span', { dir: 'ltr' }, g.phone)) : null,
    g.email ? line('Email', h('span', { dir: 'ltr' }, g.email)) : null,
    line('Prefers', `${methodLabel(ctx.info, g.preferred_method)}, in `, h('span', { dir: 'auto' }, languageText(ctx.info, g.preferred_language))),
    g.best_time ? line('Best time', h('span', { dir: 'auto' }, g.best_time)) : null,
    lg.also_guardian_of?.length
      ? line(
          'Also guardian of',
          lg.also_guardian_of.flatMap((s, i) => [
            i ? ', ' : null,
            h('a', { href: `#/students/${s.id}`, dir: 'auto' }, s.display_name),
          ]),
        )
      : null,
  ];
  const buttons = readOnly
    ? []
    : [
        h('button', { type: 'button', class: 'button small edit-guardian', onclick: () => on.edit(id) }, 'Edit', hidden(g.name)),
        !lg.link.is_primary && g.may_contact
          ? h(
              'button',
              { type: 'button', class: 'button small make-primary', onclick: (e) => on.primary(lg, e.currentTarget) },
              'Make primary contact',
              hidden(g.name),
            )
          : null,
        h(
          'button',
          { type: 'button', class: 'button small subtle remove-guardian', onclick: (e) => on.remove(lg, e.currentTarget) },
          'Remove from this child',
          hidden(g.name),
        ),
      ];
  return h(
    'li',
    { class: ['guardian-card', !g.may_contact && 'no-contact'], id: `guardian-${id}`, dataset: { guardianId: String(id) } },
    h(
      'article',
      { 'aria-labelledby': `guardian-${id}-name` },
      h('h3', { id: `guardian-${id}-name`, class: 'guardian-name', dir: 'auto', tabindex: '-1' }, g.name),
      g.relationship ? h('p', { class: 'relationship', dir: 'auto' }, g.relationship) : null,
      h(
        'ul',
        { class: 'badges', 'aria-label': 'About this guardian' },
        lg.link.is_primary ? h('li', { class: 'badge primary' }, 'Primary contact') : null,
        h('li', { class: 'badge' }, lg.link.lives_with ? 'Lives with ' : 'Does not live with ', nameText(child)),
      ),
      g.may_contact
        ? null
        : h(
            'div',
            { class: 'callout caution no-contact-box', role: 'note' },
            h('p', { class: 'callout-title' }, 'Do not contact'),
            h('p', { dir: 'auto', class: 'no-contact-reason' }, g.no_contact_reason),
          ),
      h('dl', { class: 'facts' }, facts),
      !g.phone && !g.email && g.may_contact ? h('p', { class: 'muted' }, 'No phone number or email yet.') : null,
      buttons.length ? h('div', { class: 'card-actions' }, buttons) : null,
    ),
  );
}

/**
 * The add/edit guardian form.
 * @param {object} ctx
 * @param {object} o
 * @param {object} o.record StudentRecord
 * @param {object} o.guardian GuardianDetails to start from
 * @param {{is_primary: boolean, lives_with: boolean}} o.link
 * @param {string|Node} o.title
 * @param {string|null} o.note a line under the title
 * @param {() => void} o.cancel
 */
function guardianForm(ctx, { record, guardian: g, link, title, note, cancel }) {
  const languages = (ctx.info.languages ?? []).map((l) => ({
    value: l.code,
    label: l.native === l.english ? l.english : `${l.native} — ${l.english}`,
  }));
  if (g.preferred_language && !findLanguage(ctx.info, g.preferred_language)) {
    languages.push({ value: g.preferred_language, label: g.preferred_language });
  }
  const methods = (ctx.info.contact_methods ?? []).map((m) => ({ value: m.value, label: m.label }));
  const reason = field({
    id: 'guardian_no_contact_reason',
    label: 'Why not? (for example, a court order)',
    type: 'textarea',
    rows: 3,
    required: true,
    value: g.no_contact_reason,
  });
  reason.hidden = g.may_contact;
  const child = nameText(record.display_name);

  const formEl = form(
    { id: 'guardian-form', class: 'panel', 'aria-labelledby': 'guardian-form-title' },
    h('h3', { id: 'guardian-form-title' }, title),
    note ? h('p', { class: 'hint' }, note) : null,
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'guardian_name', label: 'Name', required: true, value: g.name, names: true }),
      field({ id: 'guardian_relationship', label: 'Relationship', value: g.relationship, list: 'guardian-relationships' }),
    ),
    h('datalist', { id: 'guardian-relationships' }, RELATIONSHIPS.map((r) => h('option', { value: r }))),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'guardian_phone', label: 'Phone', type: 'tel', value: g.phone, autocomplete: 'off' }),
      field({ id: 'guardian_email', label: 'Email', type: 'email', value: g.email }),
    ),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'guardian_preferred_method', label: 'Prefers to be reached by', type: 'select', options: methods, value: g.preferred_method }),
      field({ id: 'guardian_preferred_language', label: 'Preferred language', type: 'select', options: languages, value: g.preferred_language || 'en' }),
    ),
    field({ id: 'guardian_best_time', label: 'Best time to reach them', value: g.best_time, hint: 'For example “Weekdays after 5 pm”.' }),
    checkbox({ id: 'guardian_lives_with', label: ['Lives with ', child], checked: link.lives_with }),
    checkbox({ id: 'guardian_is_primary', label: 'Primary contact', checked: link.is_primary && g.may_contact, hint: 'The first person to call about this child.' }),
    checkbox({ id: 'guardian_may_contact', label: 'The school may contact this guardian', checked: g.may_contact }),
    reason,
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-guardian' }, 'Save'),
      h('button', { type: 'button', class: 'button', id: 'cancel-guardian', onclick: cancel }, 'Cancel'),
    ),
  );
  const mayContact = formEl.querySelector('#guardian_may_contact');
  const primary = formEl.querySelector('#guardian_is_primary');
  // A guardian who must not be contacted cannot be the primary contact; the box comes back as it
  // was when contact is allowed again.
  let wasPrimary = link.is_primary;
  const sync = () => {
    reason.hidden = mayContact.checked;
    if (!mayContact.checked && !primary.disabled) wasPrimary = primary.checked;
    if (mayContact.checked && primary.disabled) primary.checked = wasPrimary;
    primary.disabled = !mayContact.checked;
    if (!mayContact.checked) primary.checked = false;
  };
  mayContact.addEventListener('change', sync);
  sync();
  return formEl;
}

/** Reads the guardian form as the core's GuardianDetails and GuardianLink. */
function readGuardian(formEl) {
  const mayContact = checkedOf(formEl, 'guardian_may_contact');
  return {
    details: {
      name: valueOf(formEl, 'guardian_name'),
      relationship: valueOf(formEl, 'guardian_relationship'),
      phone: valueOf(formEl, 'guardian_phone'),
      email: valueOf(formEl, 'guardian_email'),
      preferred_method: valueOf(formEl, 'guardian_preferred_method'),
      preferred_language: valueOf(formEl, 'guardian_preferred_language') || 'en',
      best_time: valueOf(formEl, 'guardian_best_time'),
      may_contact: mayContact,
      no_contact_reason: mayContact ? '' : valueOf(formEl, 'guardian_no_contact_reason'),
    },
    link: {
      is_primary: mayContact && checkedOf(formEl, 'guardian_is_primary'),
      lives_with: checkedOf(formEl, 'guardian_lives_with'),
    },
  };
}

function optionLabel(gw) {
  const g = gw.guardian;
  const of = gw.students.map((s) => s.display_name).join(', ');
  return [
    g.name,
    g.relationship ? ` (${g.relationship})` : '',
    of ? ` — guardian of ${of}` : '',
    g.may_contact ? '' : ' — do not contact',
  ].join('');
}

/**
 * The form to link a guardian already in the record (a sibling's parent) to this child.
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {object[]} candidates GuardianWithStudents not yet linked to this child
 * @param {boolean} hasPrimary
 * @param {() => void} cancel
 */
function linkForm(ctx, record, candidates, hasPrimary, cancel) {
  const keyed = candidates.map((gw) => ({
    gw,
    key: fold([gw.guardian.name, gw.guardian.relationship, ...gw.students.map((s) => s.display_name)].join('\n')),
  }));
  const filterInput = h('input', {
    type: 'search', id: 'link_guardian_search', autocomplete: 'off', spellcheck: 'false', dir: 'auto',
    'aria-controls': 'link_guardian_id',
  });
  const select = h('select', { id: 'link_guardian_id', name: 'link_guardian_id', size: Math.min(8, Math.max(3, candidates.length)) });
  const none = h('p', { class: 'muted', id: 'link-guardian-none', hidden: true }, 'No guardian matches.');
  const primary = checkbox({ id: 'link_is_primary', label: 'Primary contact', checked: !hasPrimary });
  const primaryBox = primary.querySelector('input');
  const fill = () => {
    const words = queryWords(filterInput.value);
    const chosen = select.value;
    const shown = keyed.filter((k) => matchesWords(k.key, words));
    replace(select, shown.map((k) => h('option', { value: String(k.gw.guardian.id), dir: 'auto' }, optionLabel(k.gw))));
    if (shown.some((k) => String(k.gw.guardian.id) === chosen)) select.value = chosen;
    else if (shown.length === 1) select.value = String(shown[0].gw.guardian.id);
    none.hidden = shown.length > 0;
    syncPrimary();
  };
  let wasPrimary = primaryBox.checked;
  const syncPrimary = () => {
    const gw = candidates.find((c) => String(c.guardian.id) === select.value);
    const barred = gw ? !gw.guardian.may_contact : false;
    if (barred && !primaryBox.disabled) wasPrimary = primaryBox.checked;
    if (!barred && primaryBox.disabled) primaryBox.checked = wasPrimary;
    primaryBox.disabled = barred;
    if (barred) primaryBox.checked = false;
  };
  for (const type of ['input', 'change', 'search']) filterInput.addEventListener(type, fill);
  filterInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && filterInput.value) {
      event.preventDefault();
      filterInput.value = '';
      fill();
    }
  });
  select.addEventListener('change', syncPrimary);

  const formEl = form(
    { id: 'link-guardian-form', class: 'panel', 'aria-labelledby': 'link-guardian-title' },
    h('h3', { id: 'link-guardian-title' }, 'Add a guardian this family already has'),
    h('p', { class: 'hint' }, 'For a brother’s or sister’s parent: they are linked, not copied, so a change to their phone number shows on every child’s page.'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'link_guardian_search' }, 'Find a guardian'),
      filterInput,
    ),
    h('div', { class: 'field' }, h('label', { for: 'link_guardian_id' }, 'Guardian'), select, none),
    checkbox({ id: 'link_lives_with', label: ['Lives with ', nameText(record.display_name)], checked: true }),
    primary,
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-link-guardian' }, 'Add to this child'),
      h('button', { type: 'button', class: 'button', id: 'cancel-link-guardian', onclick: cancel }, 'Cancel'),
    ),
  );
  fill();
  onSubmit(
    formEl,
    async () => {
      const guardianIdValue = select.value;
      if (!select.value) throw { fields: { guardian_id: 'Choose a guardian from the list.' } };
      await api.linkGuardian(record.student.id, guardianIdValue, {
        is_primary: checkedOf(formEl, 'link_is_primary'),
        lives_with: checkedOf(formEl, 'link_lives_with'),
      });
      ctx.status('Guardian added.');
      await ctx.refresh(`#guardian-${guardianIdValue}-name`);
    },
    (f) => (f === 'guardian_id' ? 'link_guardian_id' : f),
  );
  return formEl;
}

/**
 * The Guardians section of a student's page.
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {object[]} allGuardians listGuardians()
 * @param {'add'|null} open a form to open at once
 * @param {boolean} readOnly the class is archived
 * @returns {HTMLElement} section#guardians
 */
export function guardianSection(ctx, record, allGuardians, open, readOnly) {
  const studentId = record.student.id;
  const linked = new Set(record.guardians.map((lg) => lg.guardian.id));
  const candidates = allGuardians.filter((gw) => !linked.has(gw.guardian.id));
  const hasPrimary = record.guardians.some((lg) => lg.link.is_primary);
  const child = record.display_name;
  const section = h('section', { class: 'guardians', id: 'guardians', 'aria-labelledby': 'guardians-title' });
  /** @type {{kind: 'add'|'link'|'edit'|null, id?: number}} */
  let mode = { kind: readOnly ? null : open };

  const show = (next, focus) => {
    mode = next;
    draw();
    const target = section.querySelector(focus);
    target?.focus();
  };
  const closeTo = (focus) => () => show({ kind: null }, focus);

  const on = {
    edit: (id) => show({ kind: 'edit', id }, '#guardian_name'),
    primary: async (lg, button) => {
      try {
        await whileBusy(button, () =>
          api.setGuardianLink(studentId, lg.guardian.id, { is_primary: true, lives_with: lg.link.lives_with }),
        );
        ctx.status(`${lg.guardian.name} is now the primary contact.`);
        await ctx.refresh(`#guardian-${lg.guardian.id}-name`);
      } catch (err) {
        ctx.alert(err);
      }
    },
    remove: async (lg, button) => {
      const name = lg.guardian.name;
      const others = lg.also_guardian_of ?? [];
      const yes = await confirmDialog({
        title: ['Remove ', nameText(name), ' from ', nameText(child), '?'],
        body: [
          others.length
            ? [nameText(name), ' stays on record as a guardian of ', others.flatMap((s, i) => [i ? ', ' : null, nameText(s.display_name)]), '.']
            : [nameText(name), ' is not a guardian of any other child, so their details will be deleted.'],
        ],
        confirm: 'Remove',
        danger: true,
      });
      if (!yes) return;
      try {
        await whileBusy(button, () => api.unlinkGuardian(studentId, lg.guardian.id));
        ctx.status('Guardian removed.');
        await ctx.refresh('#guardians-title');
      } catch (err) {
        ctx.alert(err);
      }
    },
  };

  function editForm(lg) {
    const others = lg.also_guardian_of ?? [];
    const formEl = guardianForm(ctx, {
      record,
      guardian: lg.guardian,
      link: lg.link,
      title: ['Edit ', nameText(lg.guardian.name)],
      note: others.length
        ? ['Changes to their details show for ', others.flatMap((s, i) => [i ? ', ' : null, nameText(s.display_name)]), ' too.']
        : null,
      cancel: closeTo(`#guardian-${lg.guardian.id} .edit-guardian`),
    });
    onSubmit(
      formEl,
      async () => {
        const { details, link } = readGuardian(formEl);
        await api.updateGuardian(lg.guardian.id, details);
        if (link.is_primary !== lg.link.is_primary || link.lives_with !== lg.link.lives_with) {
          await api.setGuardianLink(studentId, lg.guardian.id, link);
        }
        ctx.status('Saved.');
        await ctx.refresh(`#guardian-${lg.guardian.id}-name`);
      },
      guardianId,
    );
    return h('li', { class: 'guardian-card editing', id: `guardian-${lg.guardian.id}`, dataset: { guardianId: String(lg.guardian.id) } }, formEl);
  }

  function addForm() {
    const formEl = guardianForm(ctx, {
      record,
      guardian: NEW_GUARDIAN,
      link: { is_primary: !hasPrimary, lives_with: true },
      title: ['Add a guardian for ', nameText(child)],
      note: record.guardians.length ? null : ['Who should you call about ', nameText(child), '?'],
      cancel: closeTo('#add-guardian'),
    });
    onSubmit(
      formEl,
      async () => {
        const { details, link } = readGuardian(formEl);
        const added = await api.addGuardian(studentId, details, link);
        ctx.status('Guardian added.');
        await ctx.refresh(`#guardian-${added.id}-name`);
      },
      guardianId,
    );
    return formEl;
  }

  function draw() {
    const cards = record.guardians.map((lg) =>
      mode.kind === 'edit' && mode.id === lg.guardian.id ? editForm(lg) : card(ctx, record, lg, on, readOnly),
    );
    let foot = null;
    if (mode.kind === 'add') foot = addForm();
    else if (mode.kind === 'link') foot = linkForm(ctx, record, candidates, hasPrimary, closeTo('#link-guardian'));
    else if (!readOnly) {
      foot = h(
        'div',
        { class: 'section-actions' },
        h('button', { type: 'button', class: 'button primary', id: 'add-guardian', onclick: () => show({ kind: 'add' }, '#guardian_name') }, 'Add a guardian'),
        candidates.length
          ? h(
              'button',
              { type: 'button', class: 'button', id: 'link-guardian', onclick: () => show({ kind: 'link' }, '#link_guardian_search') },
              'Add a guardian this family already has',
            )
          : null,
      );
    }
    replace(
      section,
      h('h2', { id: 'guardians-title', tabindex: '-1' }, 'Guardians ', h('span', { class: 'count' }, `(${record.guardians.length})`)),
      record.guardians.length
        ? h('ul', { class: 'guardian-list', id: 'guardian-list' }, cards)
        : h('p', { class: 'muted', id: 'no-guardians' }, 'No guardian on record yet.'),
      foot,
    );
  }

  draw();
  return section;
}
