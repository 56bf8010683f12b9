// Settings (#/settings): you (name, school, how families can reach you, after how many quiet days
// Today names a family, the paper), the introduction letter's wording (see letter-settings.js), the
// class (edit it, switch between classes, add another, and at the end of the year archive it or
// start a new year: see year-settings.js), the questions for families (see questions.js), backups
// of the record (see backup-settings.js), where the record lives on this computer, and what was
// deleted lately (kept for appInfo().trash_days; restore it, or empty the trash).

import * as api from '../api.js';
import { h, nameText, whileBusy } from '../dom.js';
import { localTimes } from '../clock.js';
import { actions, confirmDialog, errorMessage, field, form, onSubmit, valueOf } from './forms.js';
import { readBackups, renderBackupSettings } from './backup-settings.js';
import { readLetterSettings, renderLetterSettings } from './letter-settings.js';
import { renderQuestionBank } from './questions.js';
import { readYearEnd, renderYearEnd } from './year-settings.js';
import { prefixed } from '../parts/record.js';

const QUIET_DAYS_DEFAULT = 21;
const QUIET_DAYS_MAX = 365;

/** The saved quiet-days setting, for forms that save the settings without showing it. */
const savedQuietDays = (ctx) => ctx.info.settings?.quiet_days ?? QUIET_DAYS_DEFAULT;

/** "Name a family on Today when there has been no contact for [21] days". */
function quietDaysField(value) {
  return h(
    'div',
    { class: 'field quiet-days' },
    h('label', { for: 'quiet_days' }, 'Name a family on Today when there has been no contact for'),
    h(
      'div',
      { class: 'quiet-days-input' },
      h('input', {
        type: 'number',
        id: 'quiet_days',
        name: 'quiet_days',
        min: '1',
        max: String(QUIET_DAYS_MAX),
        step: '1',
        inputmode: 'numeric',
        value: String(value),
        'aria-describedby': 'quiet_days-unit quiet_days-hint',
      }),
      h('span', { id: 'quiet_days-unit' }, 'days'),
    ),
    h('p', { class: 'hint', id: 'quiet_days-hint' }, 'Three weeks (21 days) suits most classes.'),
  );
}

/** The quiet-days box as a whole number of days, or a field problem the form shows beside it. */
function readQuietDays(formEl) {
  const el = formEl.querySelector('#quiet_days');
  const raw = el.value.trim();
  const n = raw === '' || el.validity?.badInput ? NaN : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > QUIET_DAYS_MAX) {
    const message = `Choose between 1 and ${QUIET_DAYS_MAX} days.`;
    throw { code: 'validation', message, fields: { quiet_days: message } };
  }
  return n;
}

function youForm(ctx) {
  const s = ctx.info.settings ?? {};
  const formEl = form(
    { id: 'you-form', 'aria-labelledby': 'you-title' },
    field({ id: 'teacher_name', label: 'Your name', value: s.teacher_name, names: true, autocomplete: 'name', hint: 'As families know you, for example “Ms. Rivera”.' }),
    field({ id: 'school_name', label: 'School name', value: s.school_name, names: true }),
    field({
      id: 'contact_hours',
      label: 'How families can reach you',
      value: s.contact_hours,
      hint: 'Printed in the introduction letter, for example “by phone at 555-0142, weekdays 3–4 pm”.',
    }),
    quietDaysField(s.quiet_days ?? QUIET_DAYS_DEFAULT),
    field({
      id: 'paper',
      label: 'Paper for printing',
      type: 'select',
      value: s.paper ?? 'letter',
      options: [
        { value: 'letter', label: 'Letter (8.5 × 11 in)' },
        { value: 'a4', label: 'A4 (210 × 297 mm)' },
      ],
    }),
    actions(h('button', { type: 'submit', class: 'button primary', id: 'save-you' }, 'Save')),
  );
  onSubmit(formEl, async () => {
    const quietDays = readQuietDays(formEl);
    await api.saveSettings({
      ...ctx.info.settings,
      teacher_name: valueOf(formEl, 'teacher_name'),
      school_name: valueOf(formEl, 'school_name'),
      current_class_id: ctx.currentClass?.id ?? null,
      quiet_days: quietDays,
      paper: valueOf(formEl, 'paper'),
      contact_hours: valueOf(formEl, 'contact_hours'),
    });
    await ctx.reloadInfo();
    ctx.status('Saved.');
    await ctx.refresh('#save-you');
  });
  return formEl;
}

function classForm(ctx) {
  const cls = ctx.currentClass;
  const formEl = form(
    { id: 'class-form', 'aria-labelledby': 'class-title' },
    cls.archived ? h('p', { class: 'callout' }, 'This class is archived: it can be read but no longer changed.') : null,
    field({ id: 'class_name', label: 'Class name', required: true, value: cls.name, names: true }),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'class_grade', label: 'Grade', value: cls.grade }),
      field({ id: 'class_room', label: 'Room', value: cls.room }),
    ),
    cls.archived ? null : actions(h('button', { type: 'submit', class: 'button primary', id: 'save-class' }, 'Save class')),
  );
  onSubmit(
    formEl,
    async () => {
      await api.updateClass(cls.id, {
        name: valueOf(formEl, 'class_name'),
        grade: valueOf(formEl, 'class_grade'),
        room: valueOf(formEl, 'class_room'),
      });
      await ctx.reloadInfo();
      ctx.status('Saved.');
      await ctx.refresh('#save-class');
    },
    prefixed('class_'),
  );
  return formEl;
}

function switchForm(ctx) {
  const classes = ctx.info.classes ?? [];
  if (classes.length < 2) return null;
  const formEl = form(
    { id: 'switch-class-form', 'aria-labelledby': 'switch-title' },
    h('h3', { id: 'switch-title' }, 'Switch class'),
    field({
      id: 'current_class',
      label: 'Show this class',
      type: 'select',
      value: String(ctx.currentClass.id),
      options: classes.map((c) => ({ value: String(c.id), label: c.archived ? `${c.name} (archived)` : c.name })),
    }),
    actions(h('button', { type: 'submit', class: 'button', id: 'switch-class' }, 'Switch')),
  );
  onSubmit(
    formEl,
    async () => {
      const s = ctx.info.settings ?? {};
      await api.saveSettings({
        ...s,
        current_class_id: valueOf(formEl, 'current_class') || null,
        quiet_days: savedQuietDays(ctx),
      });
      await ctx.reloadInfo();
      ctx.status('Switched class.');
      await ctx.refresh('#switch-class');
    },
    (f) => (f === 'current_class_id' ? 'current_class' : f),
  );
  return formEl;
}

function newClassArea(ctx) {
  const area = h('div', { class: 'new-class', id: 'new-class' });
  const openButton = h('button', { type: 'button', class: 'button', id: 'add-class' }, 'Add another class');
  const showButton = () => {
    area.replaceChildren(openButton);
  };
  openButton.addEventListener('click', () => {
    const formEl = form(
      { id: 'new-class-form', class: 'panel', 'aria-labelledby': 'new-class-title' },
      h('h3', { id: 'new-class-title' }, 'Add another class'),
      h('p', { class: 'hint' }, 'The new class becomes the one Rapport shows.'),
      field({ id: 'new_class_name', label: 'Class name', required: true, names: true, hint: 'For example “Period 2 Biology”.' }),
      h(
        'div',
        { class: 'field-row' },
        field({ id: 'new_class_grade', label: 'Grade' }),
        field({ id: 'new_class_room', label: 'Room' }),
      ),
      actions(
        h('button', { type: 'submit', class: 'button primary', id: 'create-class' }, 'Add class'),
        h('button', {
          type: 'button',
          class: 'button',
          id: 'cancel-class',
          onclick: () => {
            showButton();
            openButton.focus();
          },
        }, 'Cancel'),
      ),
    );
    onSubmit(
      formEl,
      async () => {
        await api.createClass({
          name: valueOf(formEl, 'new_class_name'),
          grade: valueOf(formEl, 'new_class_grade'),
          room: valueOf(formEl, 'new_class_room'),
        });
        await ctx.reloadInfo();
        ctx.status('Class added.');
        await ctx.refresh('#class_name');
      },
      prefixed('new_class_'),
    );
    area.replaceChildren(formEl);
    formEl.querySelector('#new_class_name').focus();
  });
  showButton();
  return area;
}

// ----- recently deleted -----

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
const WHEN_DELETED = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const KEEP_UNTIL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** An RFC 3339 moment in the teacher's local date and time. */
function deletedText(moment) {
  const d = new Date(moment);
  return Number.isNaN(d.getTime()) ? String(moment ?? '') : WHEN_DELETED.format(d);
}

/** A stored day ("2025-04-11") as the teacher reads it, the same day in every time zone. */
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
      h('span', { class: 'trash-deleted' }, 'Deleted ', h('time', { datetime: item.deleted_at }, deletedText(item.deleted_at))),
      h('span', { class: 'trash-keep' }, 'Can be restored until ', h('time', { datetime: item.keep_until }, dayText(item.keep_until))),
    ),
    h('div', { class: 'trash-actions' }, restore),
  );
}

/**
 * "Recently deleted": every trash entry with a Restore button, and Empty the trash.
 * @param {object} ctx
 * @param {{items?: object[], error?: any}} trash what listTrash() gave
 * @returns {HTMLElement}
 */
function trashSection(ctx, trash) {
  const items = trash.items ?? [];
  let body;
  if (trash.error) {
    body = h('p', { class: 'callout caution', id: 'trash-error' }, errorMessage(trash.error));
  } else if (!items.length) {
    body = h('p', { class: 'muted', id: 'trash-empty' }, `Nothing deleted in the last ${ctx.info?.trash_days ?? 30} days.`);
  } else {
    const emptyButton = h('button', { type: 'button', class: 'button danger', id: 'empty-trash' }, 'Empty the trash');
    emptyButton.addEventListener('click', async () => {
      const yes = await confirmDialog({
        title: 'Empty the trash?',
        body: [
          'Everything in the trash will be removed for good.',
          items.length === 1 ? 'That is 1 record.' : `That is ${items.length} records.`,
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

/**
 * The settings screen.
 * @param {object} ctx
 * @returns {Promise<HTMLElement>}
 */
export async function render(ctx) {
  const [trash, letter, backups, yearEnd] = await Promise.all([
    api.listTrash().then(
      (items) => ({ items }),
      (error) => ({ error }),
    ),
    readLetterSettings(),
    readBackups(),
    readYearEnd(ctx),
  ]);
  return h(
    'section',
    { class: 'page settings', id: 'settings' },
    h('h1', null, 'Settings'),
    h('section', { class: 'settings-group', 'aria-labelledby': 'you-title' }, h('h2', { id: 'you-title' }, 'You'), youForm(ctx)),
    renderLetterSettings(ctx, letter),
    h(
      'section',
      { class: 'settings-group', 'aria-labelledby': 'class-title' },
      h('h2', { id: 'class-title' }, 'Class'),
      classForm(ctx),
      switchForm(ctx),
      newClassArea(ctx),
      renderYearEnd(ctx, yearEnd),
    ),
    renderQuestionBank(ctx),
    renderBackupSettings(ctx, backups),
    h(
      'section',
      { class: 'settings-group', 'aria-labelledby': 'record-title' },
      h('h2', { id: 'record-title' }, 'Your record'),
      h('p', null, h('code', { class: 'path', id: 'db-path', dir: 'ltr' }, ctx.info.db_path ?? '')),
      h('p', null, 'Everything Rapport keeps is in this file on this computer; nothing is sent anywhere.'),
      h('p', { class: 'muted', id: 'settings-version' }, `Rapport version ${ctx.info.version ?? ''}`),
    ),
    trashSection(ctx, trash),
  );
}
