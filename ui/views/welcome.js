// First run: no class yet. A short welcome, the "Set up your class" form, "Import a roster"
// (#/import, which makes the class), "Load a demo class", opening the record kept on another
// computer through a sync folder, and protecting the record with a passphrase (recommended; also
// in Settings).
// Also exports the demo loader, which the empty student list offers too.

import * as api from '../api.js';
import { h, whileBusy } from '../dom.js';
import { actions, field, form, onSubmit, valueOf } from './forms.js';
import { askPassphrase } from '../parts/passphrase.js';
import { protectArea } from '../parts/protect-record.js';

/** Class form fields are called name/grade/room by the core; the inputs are class_*. */
const CLASS_FIELDS = { name: 'class_name', grade: 'class_grade', room: 'class_room' };

/**
 * Loads the demo class, makes it the current class and opens the student list.
 * @param {object} ctx the view context from app.js
 * @param {HTMLButtonElement} button disabled while the demo loads
 */
export async function loadDemoAndOpen(ctx, button) {
  try {
    const demo = await whileBusy(button, async () => {
      // The core makes the demo class the one the app opens on.
      const summary = await api.loadDemo();
      await ctx.reloadInfo();
      return summary;
    });
    ctx.status(`Loaded a demo class of ${demo.students} students and ${demo.guardians} guardians.`);
    ctx.go('#/students');
  } catch (err) {
    ctx.alert(err);
  }
}

/** Tries that a passphrase dialog stays open for: the passphrase was wrong or missing, or too
 * many wrong ones came in a row (the core says how long to wait). */
const TRY_AGAIN = new Set(['wrong_passphrase', 'locked', 'wait']);

/**
 * Opens the record kept in step on another computer: the teacher picks the sync folder, types
 * the record's passphrase when it is protected, and the window starts again on that record (a
 * different one now, perhaps protected), which then syncs.
 * @param {object} ctx
 * @param {HTMLButtonElement} button busy while the folder is picked and opened
 */
async function openFromSyncFolder(ctx, button) {
  if (button.disabled) return;
  ctx.clearAlert();
  let picked;
  try {
    picked = await whileBusy(button, () => api.pickSyncFolder());
  } catch (err) {
    ctx.alert(err);
    return;
  }
  if (!picked) return;
  if (!picked.protected) {
    try {
      await whileBusy(button, () => api.openFromSyncFolder(null));
      window.location.reload();
      return;
    } catch (err) {
      // Only a record protected after all goes on, to its passphrase.
      if (err?.code !== 'locked') {
        ctx.alert(err);
        return;
      }
    }
  }
  // A wrong passphrase is said in the dialog, which stays open; any other trouble closes it.
  const outcome = await askPassphrase({
    title: 'This record is protected',
    body: `The record in ${picked.folder} is protected. Type the passphrase it has on the other computer.`,
    confirm: 'Open the record',
    submit: async (passphrase) => {
      try {
        return { opened: await api.openFromSyncFolder(passphrase) };
      } catch (error) {
        if (TRY_AGAIN.has(error?.code)) throw error;
        return { error };
      }
    },
  });
  if (outcome?.error) ctx.alert(outcome.error);
  else if (outcome?.opened) window.location.reload();
}

/** "Already use Rapport on another computer?": the record from its sync folder. */
function syncOffer(ctx) {
  const open = h('button', { type: 'button', class: 'button', id: 'open-from-sync' }, 'Open a record from another computer…');
  open.addEventListener('click', () => openFromSyncFolder(ctx, open));
  return h(
    'aside',
    { class: 'sync-offer', id: 'sync-offer', 'aria-labelledby': 'sync-offer-title' },
    h('h2', { id: 'sync-offer-title' }, 'Already use Rapport on another computer?'),
    h(
      'p',
      null,
      'Keep one record at school and at home: on the other computer, choose Settings → Another computer → Use this record on another computer, with a USB stick or a shared folder. Then pick the same folder here.',
    ),
    open,
  );
}

/** "Protect this record": recommended before any child's name is typed. */
function protectOffer(ctx) {
  const offer = h(
    'aside',
    { class: 'protect-offer', id: 'protect-offer', 'aria-labelledby': 'protect-offer-title' },
    h('h2', { id: 'protect-offer-title' }, 'Protect this record with a passphrase (recommended)'),
    h('p', null, 'The record and its backups are encrypted, and the window locks when you step away. You can also do this later in Settings.'),
  );
  offer.append(
    protectArea(ctx, () => {
      offer.replaceChildren(
        h('h2', { id: 'protect-offer-title', tabindex: '-1' }, 'This record is protected'),
        h('p', null, 'The window locks after 10 minutes without use; change that in Settings.'),
      );
      offer.querySelector('h2').focus();
    }),
  );
  return offer;
}

/**
 * The welcome screen.
 * @param {object} ctx
 * @returns {{node: HTMLElement, focus: string}}
 */
export function render(ctx) {
  const setup = form(
    { id: 'setup-form', 'aria-labelledby': 'setup-title' },
    h('h2', { id: 'setup-title' }, 'Set up your class'),
    field({ id: 'class_name', label: 'Class name', required: true, hint: 'For example “Grade 3 — Room 12”.', names: true }),
    h(
      'div',
      { class: 'field-row' },
      field({ id: 'class_grade', label: 'Grade' }),
      field({ id: 'class_room', label: 'Room' }),
    ),
    h('h3', null, 'About you (optional)'),
    field({ id: 'teacher_name', label: 'Your name', hint: 'As families know you, for example “Ms. Rivera”.', names: true, autocomplete: 'name' }),
    field({ id: 'school_name', label: 'School name', names: true }),
    actions(h('button', { type: 'submit', class: 'button primary', id: 'setup-class' }, 'Create my class')),
  );

  onSubmit(
    setup,
    async () => {
      const teacher = valueOf(setup, 'teacher_name');
      const school = valueOf(setup, 'school_name');
      if (teacher.trim() || school.trim()) {
        await api.saveSettings({ ...ctx.info.settings, teacher_name: teacher, school_name: school });
      }
      await api.createClass({
        name: valueOf(setup, 'class_name'),
        grade: valueOf(setup, 'class_grade'),
        room: valueOf(setup, 'class_room'),
      });
      await ctx.reloadInfo();
      ctx.status('Your class is ready.');
      ctx.go('#/students');
    },
    (f) => CLASS_FIELDS[f] ?? f,
  );

  const demoButton = h('button', { type: 'button', class: 'button', id: 'load-demo' }, 'Load a demo class');
  demoButton.addEventListener('click', () => loadDemoAndOpen(ctx, demoButton));

  const node = h(
    'section',
    { class: 'page welcome', id: 'welcome' },
    h('h1', null, 'Welcome to Rapport'),
    h(
      'p',
      { class: 'lead' },
      'A private record of your partnership with each child’s family. Everything stays on this computer.',
    ),
    syncOffer(ctx),
    setup,
    h(
      'aside',
      { class: 'import-offer', 'aria-labelledby': 'import-offer-title' },
      h('h2', { id: 'import-offer-title' }, 'Have a class list already?'),
      h(
        'p',
        null,
        'Bring in the whole class at once from a spreadsheet, or from the OneRoster export of your school’s information system. The class is made for you.',
      ),
      h('a', { class: 'button', id: 'welcome-import', href: '#/import' }, 'Import a roster'),
    ),
    h(
      'aside',
      { class: 'demo-offer', 'aria-labelledby': 'demo-title' },
      h('h2', { id: 'demo-title' }, 'Just looking?'),
      h('p', null, 'Try Rapport with a made-up class of children and their families. You can add your own class later.'),
      demoButton,
    ),
    ctx.info.protected ? null : protectOffer(ctx),
  );
  return { node, focus: '#class_name' };
}
