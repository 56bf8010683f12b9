// Import a class roster (#/import): a spreadsheet with one row per child, or a OneRoster export
// (.zip or folder). The teacher chooses the file, says which class, sees a preview (who would be
// added, updated or left as they are, or every problem with the file) and then imports. Nothing is
// written before Import; importing again updates the class instead of duplicating it. Works with
// no class yet too (the welcome screen offers it): the import then makes the class.

import * as api from '../api.js';
import { h, nameText, replace, whileBusy } from '../dom.js';
import { actions, clearErrors, field, form, showErrors } from './forms.js';

/** "1 child", "6 children". */
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whether an error is a roster the core turned down (nothing was written). */
const isRejected = (err) => err?.code === 'rejected';

/**
 * The class to fill, from the chosen file: a select of the export's classes (OneRoster) or the name
 * of a class (a spreadsheet).
 * @param {object} ctx
 * @param {[string, string][]} classes the export's (sourcedId, title)
 * @returns {HTMLElement}
 */
function classField(ctx, classes) {
  if (classes.length) {
    const only = classes.length === 1;
    return field({
      id: 'roster-class',
      label: 'Class to import',
      type: 'select',
      required: true,
      names: true,
      value: only ? classes[0][0] : '',
      options: [
        ...(only ? [] : [{ value: '', label: 'Choose a class…' }]),
        ...classes.map(([id, title]) => ({ value: id, label: title || id })),
      ],
      hint: only
        ? 'The only class in this export. A class of this name is made if there is none.'
        : `This export has ${classes.length} classes. A class of the chosen name is made if there is none.`,
    });
  }
  const cls = ctx.currentClass;
  return field({
    id: 'roster-class-name',
    label: 'Class to fill',
    names: true,
    required: !cls || cls.archived,
    value: cls && !cls.archived ? cls.name : '',
    hint: 'A class of this name is made if there is none.',
  });
}

/**
 * The class `importRoster` is given: the OneRoster class's sourcedId, or the typed class name (null
 * for the current class). Throws a field problem when an export's class is not chosen yet, or no
 * name is typed while there is no open class to fill.
 * @param {HTMLFormElement} formEl
 * @param {object|null} current the current class
 * @returns {string|null}
 */
function chosenClass(formEl, current) {
  const select = formEl.querySelector('#roster-class');
  if (select) {
    if (!select.value) {
      const message = 'Choose the class to import.';
      throw { code: 'validation', message, fields: { 'roster-class': message } };
    }
    return select.value;
  }
  const name = formEl.querySelector('#roster-class-name')?.value.trim() ?? '';
  if (!name && (!current || current.archived)) {
    const message = current
      ? `${current.name} is archived: type the name of the class to fill.`
      : 'Type the name of the class to fill.';
    throw { code: 'validation', message, fields: { 'roster-class-name': message } };
  }
  return name || null;
}

/**
 * Names under a small heading ("To add"), or nothing when there are none.
 * @param {string} id the list's id
 * @param {string} title
 * @param {string[]} names
 * @returns {HTMLElement[]|null}
 */
function nameList(id, title, names) {
  if (!names.length) return null;
  return [
    h('h3', { id: `${id}-title` }, title, ' ', h('span', { class: 'count' }, `(${names.length})`)),
    h(
      'ul',
      { class: 'roster-names', id, 'aria-labelledby': `${id}-title` },
      names.map((name) => h('li', { dir: 'auto' }, name)),
    ),
  ];
}

/**
 * "Grade 3 — Room 12 (a new class): 6 to add, 0 to update, 0 unchanged; 6 new guardians."
 * @param {object} report what importRoster gave
 * @returns {(string|Node)[]}
 */
function summaryText(report) {
  const guardians = [plural(report.guardians_added, 'new guardian', 'new guardians')];
  if (report.guardians_updated) {
    guardians.push(plural(report.guardians_updated, 'guardian to update', 'guardians to update'));
  }
  return [
    nameText(report.class_name),
    report.class_created ? ' (a new class)' : '',
    `: ${report.added.length} to add, ${report.updated.length} to update, ${report.unchanged.length} unchanged; `,
    `${guardians.join(', ')}.`,
  ];
}

/**
 * Every problem of a rejected roster and how many there are. From `problems` when the error carries
 * them; otherwise from the message, whose first line counts them ("Nothing was imported: 3 problems
 * need fixing first.") and whose other lines name them (the first 20, then "… and N more.").
 * @param {any} err a RapportError with code 'rejected'
 * @returns {{problems: string[], count: number}}
 */
function problemsOf(err) {
  if (Array.isArray(err.problems) && err.problems.length) {
    return { problems: err.problems, count: err.problems.length };
  }
  const [first = '', ...rest] = String(err.message ?? '').split('\n');
  const problems = rest.filter((line) => line.trim());
  if (!problems.length) return { problems: [first], count: 1 };
  const counted = /(\d+) problems?\b/.exec(first);
  return { problems, count: counted ? Number(counted[1]) : problems.length };
}

/**
 * "Nothing was imported": every problem the core found, by file, row and column.
 * @param {any} err a RapportError with code 'rejected'
 * @returns {HTMLElement}
 */
function problemsSection(err) {
  const { problems, count } = problemsOf(err);
  return h(
    'section',
    { class: 'roster-problems', id: 'roster-problems', role: 'alert', 'aria-labelledby': 'roster-problems-title' },
    h('h2', { id: 'roster-problems-title', tabindex: '-1' }, 'Nothing was imported. Fix these in the file, then choose it again:'),
    h(
      'p',
      { class: 'roster-problem-count', id: 'roster-problem-count' },
      count === 1 ? '1 problem.' : `${count} problems.`,
    ),
    h('ol', { class: 'roster-problem-list', id: 'roster-problem-list' }, problems.map((p) => h('li', { dir: 'auto' }, p))),
  );
}

/**
 * The import screen.
 * @param {object} ctx
 * @returns {{node: HTMLElement}}
 */
export function render(ctx) {
  /** Bumped whenever the file or the class changes, so a preview that comes back late is dropped. */
  let generation = 0;
  let importing = false;

  const chosenSlot = h('div', { class: 'roster-chosen' });
  const classSlot = h('div', { class: 'roster-class-slot' });
  const result = h('div', { class: 'roster-result', id: 'roster-result' });

  const clearResult = () => {
    generation += 1;
    result.replaceChildren();
  };

  /** Shows what went wrong: the roster's problems, or an alert for anything else. */
  const failed = (err) => {
    if (isRejected(err)) {
      const section = problemsSection(err);
      replace(result, section);
      section.querySelector('h2').focus();
    } else {
      ctx.alert(err);
    }
  };

  const importButton = (report, target) => {
    const adding = report.added.length;
    const nothing = adding === 0 && report.updated.length === 0;
    const button = h(
      'button',
      { type: 'button', class: 'button primary', id: 'import-roster', disabled: nothing, 'aria-describedby': 'roster-summary' },
      adding ? `Import ${plural(adding, 'child', 'children')}` : 'Import',
    );
    button.addEventListener('click', async () => {
      if (button.disabled || importing) return;
      ctx.clearAlert();
      importing = true;
      let done;
      try {
        done = await whileBusy(button, () => api.importRoster(target, false));
      } catch (err) {
        importing = false;
        failed(err);
        return;
      }
      importing = false;
      clearResult();
      try {
        // The imported class is now the current one; the sidebar and lists read it again.
        await ctx.reloadInfo();
      } catch (err) {
        ctx.alert(err);
      }
      ctx.status([
        `Imported: ${done.added.length} added, ${done.updated.length} updated, into `,
        nameText(done.class_name),
        '.',
      ]);
      ctx.go('#/students');
    });
    return [
      actions(button),
      nothing
        ? h('p', { class: 'hint', id: 'roster-nothing' }, 'Nothing would change: the class already matches this roster.')
        : null,
    ];
  };

  const showPreview = (report, target) => {
    const section = h(
      'section',
      { class: 'panel roster-preview', id: 'roster-preview', 'aria-labelledby': 'roster-preview-title' },
      h('h2', { id: 'roster-preview-title', tabindex: '-1' }, 'Check before importing'),
      h('p', { id: 'roster-summary' }, summaryText(report)),
      nameList('roster-added', 'To add', report.added),
      nameList('roster-updated', 'To update', report.updated),
      nameList('roster-unchanged', 'Already up to date', report.unchanged),
      importButton(report, target),
    );
    replace(result, section);
    section.querySelector('h2').focus();
  };

  const classForm = (chosen) => {
    const formEl = form(
      { id: 'roster-class-form', 'aria-labelledby': 'import-class-title' },
      classField(ctx, chosen.oneroster_classes ?? []),
      actions(h('button', { type: 'submit', class: 'button', id: 'preview-roster' }, 'Preview')),
    );
    for (const type of ['input', 'change']) {
      formEl.addEventListener(type, (event) => {
        if (event.target.matches?.('#roster-class, #roster-class-name')) clearResult();
      });
    }
    formEl.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = formEl.querySelector('#preview-roster');
      if (button.disabled || importing) return;
      clearErrors(formEl);
      ctx.clearAlert();
      clearResult();
      const asked = generation;
      let target;
      try {
        target = chosenClass(formEl, ctx.currentClass);
      } catch (err) {
        showErrors(formEl, err);
        return;
      }
      let report;
      try {
        report = await whileBusy(button, () => api.importRoster(target, true));
      } catch (err) {
        if (asked !== generation || !formEl.isConnected) return;
        // A problem with the class's name goes beside the field; the roster's, below it.
        if (!isRejected(err) && err?.fields?.name) showErrors(formEl, err, (f) => (f === 'name' ? 'roster-class-name' : f));
        else failed(err);
        return;
      }
      if (asked === generation && formEl.isConnected) showPreview(report, target);
    });
    return formEl;
  };

  const choose = async (button, folder) => {
    if (button.disabled || importing) return;
    ctx.clearAlert();
    let chosen;
    try {
      chosen = await whileBusy(button, () => api.chooseRoster(folder));
    } catch (err) {
      // Whatever was chosen before is no longer what the teacher meant.
      chosenSlot.replaceChildren();
      classStep.hidden = true;
      classSlot.replaceChildren();
      clearResult();
      failed(err);
      return;
    }
    if (!chosen) return;
    clearResult();
    replace(chosenSlot, h('p', { id: 'roster-file' }, 'Chosen: ', nameText(chosen.file_name, { class: 'roster-file-name' })));
    const formEl = classForm(chosen);
    replace(classSlot, formEl);
    classStep.hidden = false;
    formEl.querySelector('#roster-class, #roster-class-name')?.focus();
  };

  const templateButton = h('button', { type: 'button', class: 'button small', id: 'roster-template' }, 'Download the template');
  templateButton.addEventListener('click', async () => {
    if (templateButton.disabled) return;
    ctx.clearAlert();
    try {
      const path = await whileBusy(templateButton, () => api.saveRosterTemplate());
      if (path) ctx.status(`Template saved to ${path}.`);
    } catch (err) {
      ctx.alert(err);
    }
  });

  const fileButton = h('button', { type: 'button', class: 'button primary', id: 'choose-roster-file' }, 'Choose a file…');
  fileButton.addEventListener('click', () => choose(fileButton, false));
  const folderButton = h('button', { type: 'button', class: 'button', id: 'choose-roster-folder' }, 'Choose a OneRoster folder…');
  folderButton.addEventListener('click', () => choose(folderButton, true));

  const classStep = h(
    'section',
    { class: 'import-step', id: 'import-class-step', 'aria-labelledby': 'import-class-title', hidden: true },
    h('h2', { id: 'import-class-title' }, 'Step 2: Which class'),
    classSlot,
  );

  const node = h(
    'article',
    { class: 'page roster-import', id: 'roster-import' },
    h(
      'p',
      { class: 'breadcrumb' },
      ctx.currentClass ? h('a', { href: '#/students' }, 'Students') : h('a', { href: '#/today' }, 'Welcome'),
    ),
    h('h1', { id: 'import-title', tabindex: '-1' }, 'Import a class roster'),
    h(
      'p',
      { class: 'lead', id: 'import-intro' },
      'Bring in your class from a spreadsheet with one row per child (and up to two guardians each), ' +
        'or from the OneRoster export of your school’s information system (a .zip file or a folder). ' +
        'Nothing is changed until you confirm, and importing again updates the class instead of ' +
        'adding the children twice.',
    ),
    h('p', { class: 'roster-template' }, 'Making the spreadsheet yourself? Start from the template: it has the columns Rapport reads. ', templateButton),
    h(
      'section',
      { class: 'import-step', id: 'import-choose-step', 'aria-labelledby': 'import-choose-title' },
      h('h2', { id: 'import-choose-title' }, 'Step 1: Choose the roster'),
      h('div', { class: 'form-actions' }, fileButton, folderButton),
      chosenSlot,
    ),
    classStep,
    result,
  );
  return { node };
}
