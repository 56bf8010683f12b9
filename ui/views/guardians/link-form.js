// Linking a guardian the family already has (a sibling's parent) to this child: a search box over
// the record's other guardians, the list it filters, lives with and primary contact.

import * as api from '../../api.js';
import { h, nameText, replace } from '../../dom.js';
import { fold, matchesWords, queryWords } from '../../search.js';
import { actions, checkbox, checkedOf, form, onSubmit } from '../forms.js';

/** "Ana Ruiz (Mother) — guardian of Leo Ruiz, Mia Ruiz — do not contact": one choice of the list. */
export function optionLabel(gw) {
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
 * The primary box follows the chosen guardian: one who must not be contacted cannot be the
 * primary contact; the box comes back as it was for one who may.
 * @returns {() => void} brings the box in step with the list's choice
 */
function primaryFollowsChoice(primaryBox, select, candidates) {
  let wasPrimary = primaryBox.checked;
  return () => {
    const gw = candidates.find((c) => String(c.guardian.id) === select.value);
    const barred = gw ? !gw.guardian.may_contact : false;
    if (barred && !primaryBox.disabled) wasPrimary = primaryBox.checked;
    if (!barred && primaryBox.disabled) primaryBox.checked = wasPrimary;
    primaryBox.disabled = barred;
    if (barred) primaryBox.checked = false;
  };
}

/**
 * The search box and the list it filters (keeping the choice while it still shows, choosing the
 * only match); Escape in a filled box empties it.
 * @returns {{filterInput: HTMLInputElement, select: HTMLSelectElement, none: HTMLElement, fill: () => void}}
 */
function guardianPicker(candidates, afterFill) {
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
  const fill = () => {
    const words = queryWords(filterInput.value);
    const chosen = select.value;
    const shown = keyed.filter((k) => matchesWords(k.key, words));
    replace(select, shown.map((k) => h('option', { value: String(k.gw.guardian.id), dir: 'auto' }, optionLabel(k.gw))));
    if (shown.some((k) => String(k.gw.guardian.id) === chosen)) select.value = chosen;
    else if (shown.length === 1) select.value = String(shown[0].gw.guardian.id);
    none.hidden = shown.length > 0;
    afterFill();
  };
  for (const type of ['input', 'change', 'search']) filterInput.addEventListener(type, fill);
  filterInput.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && filterInput.value) {
      event.preventDefault();
      filterInput.value = '';
      fill();
    }
  });
  return { filterInput, select, none, fill };
}

/**
 * The form to link a guardian already in the record (a sibling's parent) to this child.
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {object[]} candidates GuardianWithStudents not yet linked to this child
 * @param {boolean} hasPrimary
 * @param {() => void} cancel
 */
export function linkForm(ctx, record, candidates, hasPrimary, cancel) {
  // fill() runs (and brings the primary box in step) only once the form is made, below.
  const { filterInput, select, none, fill } = guardianPicker(candidates, () => syncPrimary());
  const primary = checkbox({ id: 'link_is_primary', label: 'Primary contact', checked: !hasPrimary });
  const syncPrimary = primaryFollowsChoice(primary.querySelector('input'), select, candidates);
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
