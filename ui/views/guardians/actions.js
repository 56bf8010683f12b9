// What a guardian card's buttons do besides Edit: make the guardian the primary contact, or remove
// them from this child (asking first; a guardian of no other child is deleted).

import * as api from '../../api.js';
import { nameText, whileBusy } from '../../dom.js';
import { confirmDialog } from '../forms.js';

/** Makes `lg` the child's primary contact while `button` is busy. */
export async function makePrimary(ctx, studentId, lg, button) {
  try {
    await whileBusy(button, () =>
      api.setGuardianLink(studentId, lg.guardian.id, { is_primary: true, lives_with: lg.link.lives_with }),
    );
    ctx.status(`${lg.guardian.name} is now the primary contact.`);
    await ctx.refresh(`#guardian-${lg.guardian.id}-name`);
  } catch (err) {
    ctx.alert(err);
  }
}

/** Asks, then removes `lg` from the child `child` (a name) while `button` is busy. */
export async function removeGuardian(ctx, studentId, child, lg, button) {
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
}
