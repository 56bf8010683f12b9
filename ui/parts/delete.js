// Deleting from the page, the one way: ask (saying what goes and for how long it can be restored,
// from the core's trash setting), delete to the trash while the button is busy, refresh, and offer
// Undo in the status line. Used by every section that deletes something.

import { whileBusy } from '../dom.js';
import { confirmDialog } from '../views/forms.js';

/** "You can restore it from Settings → Recently deleted for 30 days." (the days from the core). */
export function restoreSentence(ctx, them = 'it') {
  const days = ctx.info?.trash_days ?? 30;
  return `You can restore ${them} from Settings → Recently deleted for ${days} days.`;
}

/**
 * Asks, deletes, refreshes and offers Undo.
 * @param {object} ctx
 * @param {HTMLButtonElement} button the Delete button (busy while deleting)
 * @param {object} o
 * @param {string|any[]} o.title the question
 * @param {string|any[]} o.what what goes: a sentence (or text and nodes); the restore sentence follows it
 * @param {Node[]} [o.before] paragraphs before it (a quote of what goes)
 * @param {any[]} [o.more] further paragraphs (null ones are left out)
 * @param {string} [o.confirm] the button that goes ahead ("Delete")
 * @param {() => Promise<string>} o.remove the core call; resolves with the trash entry's id
 * @param {string|any[]} o.done the status ("Goal deleted.")
 * @param {string} o.focus where the focus goes after the refresh, and after Undo
 * @param {string} [o.focusAfter] where it goes after the delete, when not `focus`
 */
export async function deleteWithUndo(ctx, button, o) {
  const what = Array.isArray(o.what) ? o.what : [o.what];
  const yes = await confirmDialog({
    title: o.title,
    body: [...(o.before ?? []), [...what, ' ', restoreSentence(ctx)], ...(o.more ?? []).filter(Boolean)],
    confirm: o.confirm ?? 'Delete',
    danger: true,
  });
  if (!yes) return;
  try {
    const trashId = await whileBusy(button, o.remove);
    ctx.undoable(o.done, trashId, () => ctx.refresh(o.focus));
    await ctx.refresh(o.focusAfter ?? o.focus);
  } catch (err) {
    ctx.alert(err);
  }
}
