// One item of Today's lists and its next step: the button's label, what it does (the contact
// dialog with the right preset, or the goal on the student page), and "Mark done" on a follow-up.

import * as api from '../../api.js';
import { h, nameText, whileBusy } from '../../dom.js';
import { localTimes } from '../../clock.js';
import { callSummary } from '../../parts/record.js';
import { openContactDialog } from '../contact-dialog.js';

const LOG_LABELS = {
  positive: 'Share good news',
  introduction: 'Introduce yourself',
  concern: 'Talk it through',
  information: 'Get in touch',
  conference: 'Log a meeting',
};

/** The label of an item's next step ("Follow up", "Call now", "Share good news", ...). */
export function actionLabel(item) {
  switch (item.action) {
    case 'follow_up':
      return 'Follow up';
    case 'praise_call':
      return 'Call now';
    case 'check_in':
      return 'Add a check-in';
    case 'review_goal':
      return 'Review the goal';
    case 'prepare_conference':
      return 'Prepare';
    default:
      return LOG_LABELS[item.kind] ?? 'Log a contact';
  }
}

/** How the contact dialog opens for an item: the follow-up, the praise or the concern it is about. */
function contactPreset(ctx, item, page) {
  if (item.action === 'follow_up') return { followUpOf: item.item_id, kind: 'information' };
  if (item.action === 'praise_call') {
    const praise = (page.praise ?? []).find((p) => p.id === item.item_id);
    return { kind: 'positive', praiseId: item.item_id, summary: praise ? callSummary(ctx, praise) : '' };
  }
  const preset = { kind: item.kind ?? 'information' };
  if (item.kind === 'concern' && item.item_id != null) {
    const concern = (page.concerns ?? []).find((k) => k.id === item.item_id);
    if (concern) {
      preset.about = concern.observed.split('\n')[0];
      preset.concernId = concern.id;
    }
  }
  return preset;
}

/**
 * Does an item's next step: opens the contact dialog (after fetching the child's page) or goes to
 * the goal on the student page. Today is drawn again after a save.
 */
export async function act(ctx, item, sectionId, button) {
  if (item.action === 'prepare_conference') {
    ctx.go(`#/students/${item.student_id}`);
    return;
  }
  if (item.action === 'check_in' || item.action === 'review_goal') {
    ctx.go(`#/students/${item.student_id}?goal-${item.item_id}`);
    return;
  }
  let page;
  try {
    page = await whileBusy(button, () => api.getStudent(item.student_id));
  } catch (err) {
    ctx.alert(err);
    return;
  }
  const saved = await openContactDialog(ctx, page, contactPreset(ctx, item, page));
  if (!saved) return;
  await ctx.refresh(`#${sectionId}-title`);
}

async function markDone(ctx, item, sectionId, button) {
  try {
    await whileBusy(button, () => api.setFollowUpDone(item.item_id, true));
    await ctx.refresh(`#${sectionId}-title`);
    ctx.undoable(
      'Follow-up done.',
      () => api.setFollowUpDone(item.item_id, false),
      () => ctx.refresh(`#${sectionId}-title`),
    );
  } catch (err) {
    ctx.alert(err);
  }
}

/** One item: the child, an Overdue badge, the detail, and its buttons (none when read only). */
export function todayItem(ctx, item, sectionId, readOnly) {
  const forChild = () => h('span', { class: 'visually-hidden' }, ' for ', nameText(item.display_name));
  const action = h('button', { type: 'button', class: 'button small today-action', dataset: { action: item.action } }, actionLabel(item), forChild());
  action.addEventListener('click', () => act(ctx, item, sectionId, action));
  let done = null;
  if (item.action === 'follow_up' && item.item_id != null) {
    done = h('button', { type: 'button', class: 'button small subtle today-done' }, 'Mark done', forChild());
    done.addEventListener('click', () => markDone(ctx, item, sectionId, done));
  }
  return h(
    'li',
    { class: ['nudge', 'today-item', item.overdue && 'overdue'], dataset: { studentId: String(item.student_id), action: item.action } },
    h(
      'div',
      { class: 'nudge-text' },
      h('a', { href: `#/students/${item.student_id}`, class: 'student-name', dir: 'auto' }, item.display_name),
      item.overdue ? [' ', h('span', { class: 'badge caution overdue-badge' }, 'Overdue')] : null,
      h('p', { class: 'nudge-detail', dir: 'auto' }, localTimes(item.detail)),
    ),
    readOnly ? null : h('div', { class: 'today-buttons' }, action, done),
  );
}
