// The add/edit guardian form (form#guardian-form) as drawn and read: name, relationship, phone,
// email, how and in which language they prefer to be reached, the best time, lives with, primary
// contact, and whether the school may contact them (with the reason when not).

import { h, nameText } from '../../dom.js';
import { actions, checkbox, checkedOf, field, form, valueOf } from '../forms.js';
import { RELATIONSHIPS, findLanguage } from './words.js';

/** The language choices: "Español — Spanish", ..., and the guardian's own when Rapport does not list it. */
function languageOptions(info, g) {
  const languages = (info.languages ?? []).map((l) => ({
    value: l.code,
    label: l.native === l.english ? l.english : `${l.native} — ${l.english}`,
  }));
  if (g.preferred_language && !findLanguage(info, g.preferred_language)) {
    languages.push({ value: g.preferred_language, label: g.preferred_language });
  }
  return languages;
}

/**
 * A guardian who must not be contacted cannot be the primary contact, and the reason is asked
 * for; the primary box comes back as it was when contact is allowed again.
 */
function keepPrimaryInStep(formEl, reason, link) {
  const mayContact = formEl.querySelector('#guardian_may_contact');
  const primary = formEl.querySelector('#guardian_is_primary');
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
export function guardianForm(ctx, { record, guardian: g, link, title, note, cancel }) {
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
      field({ id: 'guardian_preferred_language', label: 'Preferred language', type: 'select', options: languageOptions(ctx.info, g), value: g.preferred_language || 'en' }),
    ),
    field({ id: 'guardian_best_time', label: 'Best time to reach them', value: g.best_time, hint: 'For example “Weekdays after 5 pm”.' }),
    checkbox({ id: 'guardian_lives_with', label: ['Lives with ', nameText(record.display_name)], checked: link.lives_with }),
    checkbox({ id: 'guardian_is_primary', label: 'Primary contact', checked: link.is_primary && g.may_contact, hint: 'The first person to call about this child.' }),
    checkbox({ id: 'guardian_may_contact', label: 'The school may contact this guardian', checked: g.may_contact }),
    reason,
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-guardian' }, 'Save'),
      h('button', { type: 'button', class: 'button', id: 'cancel-guardian', onclick: cancel }, 'Cancel'),
    ),
  );
  keepPrimaryInStep(formEl, reason, link);
  return formEl;
}

/** Reads the guardian form as the core's GuardianDetails and GuardianLink. */
export function readGuardian(formEl) {
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
