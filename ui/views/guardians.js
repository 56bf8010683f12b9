// The Guardians section of a student's page: one card per guardian, and the forms to add a new
// guardian, link one the family already has (a sibling's parent), edit one, make one the primary
// contact or remove one from this child. One form is open at a time; after each change the page
// is fetched again.
//
// The pieces live in views/guardians/: a guardian's card (card.js), the add/edit form as drawn and
// read (form.js) and wired to the core (add-edit.js), linking a guardian the family already has
// (link-form.js), making one the primary contact or removing one (actions.js), and the words and
// lists they share (words.js).

import { h, replace } from '../dom.js';
import { makePrimary, removeGuardian } from './guardians/actions.js';
import { addForm, editForm } from './guardians/add-edit.js';
import { card } from './guardians/card.js';
import { linkForm } from './guardians/link-form.js';

/** The buttons under the cards: add a guardian, and link one the family already has. */
function sectionActions(show, candidates) {
  return h(
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
    primary: (lg, button) => makePrimary(ctx, studentId, lg, button),
    remove: (lg, button) => removeGuardian(ctx, studentId, record.display_name, lg, button),
  };

  function draw() {
    const cards = record.guardians.map((lg) =>
      mode.kind === 'edit' && mode.id === lg.guardian.id
        ? editForm(ctx, record, lg, closeTo(`#guardian-${lg.guardian.id} .edit-guardian`))
        : card(ctx, record, lg, on, readOnly),
    );
    let foot = null;
    if (mode.kind === 'add') foot = addForm(ctx, record, hasPrimary, closeTo('#add-guardian'));
    else if (mode.kind === 'link') foot = linkForm(ctx, record, candidates, hasPrimary, closeTo('#link-guardian'));
    else if (!readOnly) foot = sectionActions(show, candidates);
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
