// Adding and editing a guardian: the guardian form (form.js) with its title and note, wired to
// the core. Editing saves the details, and the link to this child when it changed.

import * as api from '../../api.js';
import { h, nameText } from '../../dom.js';
import { onSubmit } from '../forms.js';
import { guardianForm, readGuardian } from './form.js';
import { NEW_GUARDIAN, guardianId } from './words.js';

/**
 * The edit form in place of `lg`'s card (li#guardian-<id>.editing).
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {object} lg LinkedGuardian
 * @param {() => void} cancel
 */
export function editForm(ctx, record, lg, cancel) {
  const studentId = record.student.id;
  const others = lg.also_guardian_of ?? [];
  const formEl = guardianForm(ctx, {
    record,
    guardian: lg.guardian,
    link: lg.link,
    title: ['Edit ', nameText(lg.guardian.name)],
    note: others.length
      ? ['Changes to their details show for ', others.flatMap((s, i) => [i ? ', ' : null, nameText(s.display_name)]), ' too.']
      : null,
    cancel,
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

/**
 * The form to add a new guardian for the child; the first one becomes the primary contact.
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {boolean} hasPrimary
 * @param {() => void} cancel
 */
export function addForm(ctx, record, hasPrimary, cancel) {
  const child = record.display_name;
  const formEl = guardianForm(ctx, {
    record,
    guardian: NEW_GUARDIAN,
    link: { is_primary: !hasPrimary, lives_with: true },
    title: ['Add a guardian for ', nameText(child)],
    note: record.guardians.length ? null : ['Who should you call about ', nameText(child), '?'],
    cancel,
  });
  onSubmit(
    formEl,
    async () => {
      const { details, link } = readGuardian(formEl);
      const added = await api.addGuardian(record.student.id, details, link);
      ctx.status('Guardian added.');
      await ctx.refresh(`#guardian-${added.id}-name`);
    },
    guardianId,
  );
  return formEl;
}
