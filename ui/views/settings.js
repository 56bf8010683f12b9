// Settings (#/settings): you (name, school, how families can reach you, after how many quiet days
// Today names a family, the paper), the introduction letter's wording (see letter-settings.js), the
// family languages (every family-facing string beside English, corrected by the teacher, shared as
// language packs: settings/family-languages.js), the class (edit it, switch between classes, add
// another, and at the end of the year archive it or start a new year: see year-settings.js), the
// questions for families (see questions.js), backups of the record (see backup-settings.js), using
// the record on another computer too (settings/sync.js), the conferences and follow-ups in the
// teacher's own calendar (settings/calendar.js), protecting it with a passphrase
// (settings/protection.js), where the record lives on this computer, and what was deleted lately
// (kept for appInfo().trash_days; restore it, or empty the trash). #/settings?sync opens at "Another computer".
//
// The pieces live in views/settings/: the "You" form (you.js) with its quiet-days field
// (quiet-days.js), "Family languages" (family-languages.js), the class forms (class.js), "Another
// computer" (sync.js), "Calendar" (calendar.js) and "Recently deleted" (trash.js).

import * as api from '../api.js';
import { h } from '../dom.js';
import { readBackups, renderBackupSettings } from './backup-settings.js';
import { readLetterSettings, renderLetterSettings } from './letter-settings.js';
import { renderQuestionBank } from './questions.js';
import { readYearEnd, renderYearEnd } from './year-settings.js';
import { calendarSection, readCalendar } from './settings/calendar.js';
import { classForm, newClassArea, switchForm } from './settings/class.js';
import { readFamilyLanguages, renderFamilyLanguages } from './settings/family-languages.js';
import { protectionSection } from './settings/protection.js';
import { readSync, syncSection } from './settings/sync.js';
import { trashSection } from './settings/trash.js';
import { youForm } from './settings/you.js';

/** "Your record": where the record lives on this computer, and Rapport's version. */
function recordSection(ctx, sync) {
  return h(
    'section',
    { class: 'settings-group', 'aria-labelledby': 'record-title' },
    h('h2', { id: 'record-title' }, 'Your record'),
    h('p', null, h('code', { class: 'path', id: 'db-path', dir: 'ltr' }, ctx.info.db_path ?? '')),
    h(
      'p',
      null,
      sync.status
        ? 'Everything Rapport keeps is in this file on this computer; its changes go only into the sync folder above, for your other computer.'
        : 'Everything Rapport keeps is in this file on this computer; nothing is sent anywhere. Rapport writes files only where you choose (a backup, a printed page, a calendar file).',
    ),
    h('p', { class: 'muted', id: 'settings-version' }, `Rapport version ${ctx.info.version ?? ''}`),
  );
}

/**
 * The settings screen.
 * @param {object} ctx
 * @param {string[]} _params
 * @param {URLSearchParams} [query] "sync": the focus starts at "Another computer"
 * @returns {Promise<{node: HTMLElement, focus: string|null}>}
 */
export async function render(ctx, _params, query) {
  const [trash, letter, families, backups, yearEnd, sync, calendar] = await Promise.all([
    api.listTrash().then(
      (items) => ({ items }),
      (error) => ({ error }),
    ),
    readLetterSettings(),
    readFamilyLanguages(),
    readBackups(),
    readYearEnd(ctx),
    readSync(),
    readCalendar(),
  ]);
  const node = h(
    'section',
    { class: 'page settings', id: 'settings' },
    h('h1', null, 'Settings'),
    h('section', { class: 'settings-group', 'aria-labelledby': 'you-title' }, h('h2', { id: 'you-title' }, 'You'), youForm(ctx)),
    renderLetterSettings(ctx, letter),
    renderFamilyLanguages(ctx, families),
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
    syncSection(ctx, sync),
    calendarSection(ctx, calendar),
    protectionSection(ctx),
    recordSection(ctx, sync),
    trashSection(ctx, trash),
  );
  return { node, focus: query?.has('sync') ? '#sync-title' : null };
}
