// Shared form helpers: labelled fields, per-field error messages from a RapportError, reading
// values back, submit handling that keeps what was typed, and the confirmation <dialog>.

import { h, whileBusy } from '../dom.js';
import { localTimes } from '../clock.js';

/**
 * A labelled text input (or textarea, or select) with room for a hint and an error message.
 * @param {object} o
 * @param {string} o.id the input's id (also its name)
 * @param {string} o.label visible label text
 * @param {string} [o.type] input type, or 'textarea' / 'select'
 * @param {string|null} [o.value]
 * @param {boolean} [o.required] marks the label and sets aria-required (the form is novalidate)
 * @param {string} [o.hint] a short line under the label
 * @param {{value: string, label: string}[]} [o.options] for selects
 * @param {string} [o.list] id of a <datalist>
 * @param {string} [o.autocomplete]
 * @param {boolean} [o.names] the value is a person's name: dir="auto"
 * @param {number} [o.rows] for textareas
 * @param {string} [o.placeholder]
 * @param {'name'|'short'|'sentence'|'note'|'letter'|null} [o.limit] the core's limit for it, counted
 *   down near the end (ui/counters.js); text areas default to "note"
 * @returns {HTMLElement} the wrapper; the control is `wrapper.querySelector('#' + id)`
 */
export function field(o) {
  const hintId = o.hint ? `${o.id}-hint` : null;
  const common = {
    id: o.id,
    name: o.id,
    'aria-required': o.required ? 'true' : null,
    'aria-describedby': hintId,
    dir: o.names ? 'auto' : null,
    autocomplete: o.autocomplete ?? 'off',
    'data-limit': o.limit ?? (o.type === 'textarea' ? 'note' : null),
  };
  let control;
  if (o.type === 'textarea') {
    control = h('textarea', { ...common, rows: o.rows ?? 4, value: o.value ?? '' });
  } else if (o.type === 'select') {
    control = h(
      'select',
      { ...common, autocomplete: null, value: o.value ?? '' },
      (o.options ?? []).map((opt) => h('option', { value: opt.value }, opt.label)),
    );
  } else {
    control = h('input', {
      ...common,
      type: o.type ?? 'text',
      value: o.value ?? '',
      list: o.list ?? null,
      placeholder: o.placeholder ?? null,
      spellcheck: o.names ? 'false' : null,
    });
  }
  if (o.type === 'date' || o.type === 'time') {
    // An empty date reads as empty, not as a grey date that looks filled in.
    const mark = () => control.classList.toggle('empty', !control.value);
    mark();
    control.addEventListener('input', mark);
    control.addEventListener('change', mark);
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: o.id }, o.label, o.required ? h('span', { class: 'required' }, ' (required)') : null),
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
    control,
  );
}

/**
 * A labelled checkbox.
 * @param {object} o
 * @param {string} o.id
 * @param {string|Node|(string|Node)[]} o.label label content (may include a <bdi> name)
 * @param {boolean} [o.checked]
 * @param {string} [o.hint]
 * @returns {HTMLElement}
 */
export function checkbox(o) {
  const hintId = o.hint ? `${o.id}-hint` : null;
  return h(
    'div',
    { class: 'field field-check' },
    h('input', {
      type: 'checkbox',
      id: o.id,
      name: o.id,
      checked: Boolean(o.checked),
      'aria-describedby': hintId,
    }),
    h('label', { for: o.id }, o.label),
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
  );
}

/**
 * A group of radio buttons in a fieldset whose id is `o.name` (so an error for that field lands on
 * the group).
 * @param {object} o
 * @param {string} o.name
 * @param {string} o.legend
 * @param {{value: string, label: string|Node|(string|Node)[]}[]} o.options
 * @param {string} o.value the checked option
 * @returns {HTMLFieldSetElement}
 */
export function radioGroup(o) {
  return h(
    'fieldset',
    { class: 'field radio-group', id: o.name },
    h('legend', null, o.legend),
    o.options.map((opt) => {
      const id = `${o.name}_${opt.value}`;
      return h(
        'div',
        { class: 'field-check' },
        h('input', { type: 'radio', id, name: o.name, value: opt.value, checked: opt.value === o.value }),
        h('label', { for: id }, opt.label),
      );
    }),
  );
}

/**
 * A form with `novalidate` (the core's messages are the ones shown), an empty alert slot at the top
 * and the given children.
 * @param {Record<string, any>} attrs e.g. { id, 'aria-labelledby' }
 * @param {...any} children
 * @returns {HTMLFormElement}
 */
export function form(attrs, ...children) {
  return h(
    'form',
    { ...attrs, novalidate: true, class: ['form', attrs.class] },
    h('div', { class: 'form-alert', role: 'alert' }),
    ...children,
  );
}

/**
 * A row of buttons at the foot of a form: a primary submit and optional others.
 * @param {...any} buttons
 * @returns {HTMLElement}
 */
export function actions(...buttons) {
  return h('div', { class: 'form-actions' }, ...buttons);
}

/** The value of a control in `formEl` by id ('' when there is none). */
export function valueOf(formEl, id) {
  const el = formEl.querySelector(`#${CSS.escape(id)}`);
  return el ? el.value : '';
}

/** Whether a checkbox in `formEl` is checked. */
export function checkedOf(formEl, id) {
  const el = formEl.querySelector(`#${CSS.escape(id)}`);
  return Boolean(el && el.checked);
}

/** The value of the checked radio button called `name` in `formEl` ('' when none). */
export function radioOf(formEl, name) {
  const el = formEl.querySelector(`input[type="radio"][name="${CSS.escape(name)}"]:checked`);
  return el ? el.value : '';
}

/**
 * Removes every error message a previous attempt left on a form.
 * @param {HTMLFormElement} formEl
 */
export function clearErrors(formEl) {
  for (const el of formEl.querySelectorAll('[aria-invalid="true"]')) {
    el.removeAttribute('aria-invalid');
    const errorId = `${el.id}-error`;
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== errorId);
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  for (const el of formEl.querySelectorAll('.field-error')) el.remove();
  const alert = formEl.querySelector('.form-alert');
  if (alert) alert.replaceChildren();
}

/**
 * Shows an error from the core on a form: each field message next to its control (aria-invalid and
 * aria-describedby), anything without a control in the form-level alert. Focuses the first
 * problem. What the teacher typed is left as it was.
 * @param {HTMLFormElement} formEl
 * @param {any} err a RapportError (or anything thrown)
 * @param {(field: string) => string} [idFor] maps the core's field name to a control id
 */
export function showErrors(formEl, err, idFor = (f) => f) {
  clearErrors(formEl);
  const fields = err && typeof err.fields === 'object' && err.fields ? err.fields : {};
  const unplaced = [];
  let first = null;
  for (const [name, message] of Object.entries(fields)) {
    const id = idFor(name);
    const control = formEl.querySelector(`#${CSS.escape(id)}`);
    if (!control) {
      unplaced.push(localTimes(message));
      continue;
    }
    const errorId = `${id}-error`;
    const note = h('p', { class: 'field-error', id: errorId }, localTimes(message));
    if (control.tagName === 'FIELDSET') control.append(note);
    else control.insertAdjacentElement('afterend', note);
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    control.setAttribute('aria-describedby', [...described, errorId].join(' '));
    const focusable = control.tagName === 'FIELDSET' ? control.querySelector('input:checked, input') : control;
    first ??= focusable;
  }
  const alertBox = formEl.querySelector('.form-alert');
  const alertText = unplaced.length ? unplaced.join(' ') : first ? '' : errorMessage(err);
  if (alertBox && alertText) {
    alertBox.replaceChildren(h('p', null, alertText));
  }
  if (first) first.focus();
  else if (alertBox && alertText) {
    alertBox.tabIndex = -1;
    alertBox.focus();
  }
}

/**
 * The sentence to show for anything thrown.
 * @param {any} err
 * @returns {string}
 */
export function errorMessage(err) {
  if (err && typeof err.message === 'string' && err.message) return localTimes(err.message);
  return 'Something went wrong, and nothing was saved. Please try again.';
}

/**
 * Wires a form's submit (Enter or the submit button): clears old errors, disables the submit
 * button while `save` runs, and on failure shows the errors and keeps every typed value.
 * @param {HTMLFormElement} formEl
 * @param {() => Promise<void>} save reads the form and calls the core
 * @param {(field: string) => string} [idFor] field name -> control id
 */
export function onSubmit(formEl, save, idFor) {
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = formEl.querySelector('button[type="submit"]');
    if (button?.disabled) return;
    clearErrors(formEl);
    try {
      await whileBusy(button, save);
    } catch (err) {
      if (formEl.isConnected) showErrors(formEl, err, idFor);
      else console.error(err);
    }
  });
}

/**
 * Asks a yes/no question in a modal <dialog>. Escape or Cancel answers no. Focus starts on Cancel
 * and returns to where it was.
 * @param {object} o
 * @param {string} o.title
 * @param {any[]} [o.body] paragraphs: a string, an array of text and nodes (one paragraph), or a
 *   ready-made node
 * @param {string} o.confirm label of the button that goes ahead
 * @param {boolean} [o.danger] style the confirm button as destructive
 * @returns {Promise<boolean>}
 */
export function confirmDialog({ title, body = [], confirm, danger = false }) {
  const returnTo = document.activeElement;
  const cancelButton = h('button', { type: 'submit', value: 'cancel', id: 'confirm-no', class: 'button', autofocus: true }, 'Cancel');
  const dialog = h(
    'dialog',
    { id: 'confirm-dialog', class: 'dialog', 'aria-labelledby': 'confirm-title' },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'confirm-title' }, title),
      (Array.isArray(body) ? body : [body]).map((p) => (p instanceof Node ? p : h('p', null, p))),
      h(
        'div',
        { class: 'form-actions' },
        h('button', { type: 'submit', value: 'confirm', id: 'confirm-yes', class: danger ? 'button danger' : 'button primary' }, confirm),
        cancelButton,
      ),
    ),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      const yes = dialog.returnValue === 'confirm';
      dialog.remove();
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
      resolve(yes);
    });
    dialog.showModal();
    cancelButton.focus();
  });
}

/**
 * Escape cancels a form; Ctrl+Enter (or Cmd+Enter) in a textarea saves it.
 * @param {HTMLFormElement} formEl
 * @param {() => void} cancel
 */
export function formKeys(formEl, cancel) {
  formEl.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && cancel) {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.tagName === 'TEXTAREA') {
      event.preventDefault();
      formEl.requestSubmit();
    }
  });
}

/**
 * Keyboard shortcuts for a form: Enter in a one-line field or a select submits, Ctrl+Enter (or
 * Cmd+Enter) submits from a text area; Escape calls `cancel` when given. Text being composed with
 * an input method is left alone.
 * @param {HTMLFormElement} formEl
 * @param {() => void} [cancel]
 */
export function submitKeys(formEl, cancel) {
  formEl.addEventListener('keydown', (event) => {
    if (event.isComposing || event.keyCode === 229) return;
    const t = event.target;
    if (event.key === 'Escape' && cancel) {
      event.preventDefault();
      event.stopPropagation();
      cancel();
      return;
    }
    if (event.key !== 'Enter') return;
    const tag = t?.tagName;
    const oneLine = tag === 'SELECT' || (tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(t.type));
    const area = tag === 'TEXTAREA' && (event.ctrlKey || event.metaKey);
    if (!oneLine && !area) return;
    event.preventDefault();
    formEl.requestSubmit();
  });
}
