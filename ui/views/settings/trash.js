// "Recently deleted": every trash entry (what it is, when it was deleted, until when it can be
// restored) with Restore, and Empty the trash. After a restore, a link to the child's page takes
// the focus. Entries are kept for appInfo().trash_days.

import * as api from '../../api.js';
import { h, nameText, whileBusy } from '../../dom.js';
import { localTimes } from '../../clock.js';
import { momentText } from '../../format.js';
import { actions, confirmDialog, errorMessage } from '../forms.js';

/** What each kind of trash entry is, in plain words. */
const TRASH_KINDS = {
  student: 'Student',
  goal: 'Goal',
  check_in: 'Check-in',
  home_activity: 'Learning at home',
  contact: 'Contact',
  praise: 'Good news',
  concern: 'Concern',
  answer: 'Family answer',
};
const KEEP_UNTIL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * A stored day ("2025-04-11") as the teacher reads it, the same day in every time zone. (Written
 * with dateStyle "medium", which in some locales reads unlike format.js's mediumDate.)
 */
function dayText(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(iso ?? '') : KEEP_UNTIL.format(d);
}

/**
 * After a restore: the trash redrawn, and (when the record belongs to a child) a link to the
 * child's page, which takes the focus.
 * @param {object} ctx
 * @param {{kind: string, label: string}} item what was restored
 * @param {{kind: string, student_id: number|null}} restored
 */
async function afterRestore(ctx, item, restored) {
  ctx.status('Restored.');
  await ctx.refresh('#trash-title');
  const section = document.getElementById('trash');
  if (!section || restored?.student_id == null) return;
  const isStudent = (restored.kind ?? item.kind) === 'student';
  const link = h(
    'a',
    { href: `#/students/${restored.student_id}`, id: 'trash-restored-link' },
    isStudent ? ['Open ', nameText(item.label), '’s page'] : 'Open the student’s page',
  );
  const note = h(
    'p',
    { class: 'callout trash-restored', id: 'trash-restored' },
    isStudent ? [nameText(item.label), ' is back. '] : [TRASH_KINDS[item.kind] ?? 'The record', ' is back. '],
    link,
  );
  section.querySelector('#trash-title')?.after(note);
  link.focus();
}

/** One entry: its kind and label, when it was deleted and until when it can be restored, Restore. */
function trashItem(ctx, item) {
  const kind = TRASH_KINDS[item.kind] ?? 'Record';
  const restore = h(
    'button',
    { type: 'button', class: 'button small restore-item' },
    'Restore',
    h('span', { class: 'visually-hidden' }, [' ', nameText(item.label)]),
  );
  restore.addEventListener('click', async () => {
    if (restore.disabled) return;
    ctx.clearAlert();
    let restored;
    try {
      restored = await whileBusy(restore, () => api.restoreFromTrash(item.id));
    } catch (err) {
      ctx.alert(err);
      return;
    }
    await afterRestore(ctx, item, restored);
  });
  return h(
    'li',
    { class: 'trash-item', dataset: { trashId: String(item.id), kind: item.kind } },
    h(
      'p',
      { class: 'trash-what' },
      h('span', { class: 'badge trash-kind' }, kind),
      ' ',
      nameText(localTimes(item.label), { class: 'trash-label' }),
    ),
    h(
      'p',
      { class: 'trash-when' },
      h('span', { class: 'trash-deleted' }, 'Deleted ', h('time', { datetime: item.deleted_at }, momentText(item.deleted_at))),
      h('span', { class: 'trash-keep' }, 'Can be restored until ', h('time', { datetime: item.keep_until }, dayText(item.keep_until))),
    ),
    h('div', { class: 'trash-actions' }, restore),
  );
}

/** "Empty the trash": asks (saying how many records go), then removes them for good. */
function emptyTrashButton(ctx, count) {
  const emptyButton = h('button', { type: 'button', class: 'button danger', id: 'empty-trash' }, 'Empty the trash');
  emptyButton.addEventListener('click', async () => {
    const yes = await confirmDialog({
      title: 'Empty the trash?',
      body: [
        'Everything in the trash will be removed for good.',
        count === 1 ? 'That is 1 record.' : `That is ${count} records.`,
      ],
      confirm: 'Empty the trash',
      danger: true,
    });
    if (!yes) return;
    try {
      const removed = await whileBusy(emptyButton, () => api.emptyTrash());
      ctx.status(removed === 1 ? '1 record removed for good.' : `${removed} records removed for good.`);
      await ctx.refresh('#trash-title');
    } catch (err) {
      ctx.alert(err);
    }
  });
  return emptyButton;
}

/**
 * "Recently deleted": every trash entry with a Restore button, and Empty the trash.
 * @param {object} ctx
 * @param {{items?: object[], error?: any}} trash what listTrash() gave
 * @returns {HTMLElement}
 */
export function trashSection(ctx, trash) {
  const items = trash.items ?? [];
  let body;
  if (trash.error) {
    body = h('p', { class: 'callout caution', id: 'trash-error' }, errorMessage(trash.error));
  } else if (!items.length) {
    body = h('p', { class: 'muted', id: 'trash-empty' }, `Nothing deleted in the last ${ctx.info?.trash_days ?? 30} days.`);
  } else {
    const emptyButton = emptyTrashButton(ctx, items.length);
    body = [
      h('ul', { class: 'trash-list', id: 'trash-list' }, items.map((item) => trashItem(ctx, item))),
      actions(emptyButton),
    ];
  }
  return h(
    'section',
    { class: 'settings-group trash', id: 'trash', 'aria-labelledby': 'trash-title' },
    h('h2', { id: 'trash-title', tabindex: '-1' }, 'Recently deleted'),
    h('p', { id: 'trash-intro' }, `Deleted records are kept here for ${ctx.info?.trash_days ?? 30} days, then removed for good. Nothing here is printed or exported.`),
    body,
  );
}
