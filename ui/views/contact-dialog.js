// The quick contact log: a modal <dialog> to note a call, message or meeting with a child's family
// in a few seconds. Everything has a sensible default (today, the primary guardian the school may
// contact, that guardian's preferred way, "We spoke"), so often only the summary needs typing;
// Enter (Ctrl+Enter in a text area) saves and Escape cancels. It also edits a logged contact, makes
// the positive call for a praise (recordPraiseCall) and follows up on an earlier contact. What is
// typed is kept as a draft in the record (ui/drafts.js) and comes back the next time the dialog is
// opened for the same thing, also after a restart.
// Also home to the small helpers the contact, praise and concern sections share.

import * as api from '../api.js';
import { h, nameText } from '../dom.js';
import { keepDraft } from '../drafts.js';
import { actions, checkbox, checkedOf, field, form, onSubmit, submitKeys, valueOf } from './forms.js';
import { choiceLabel, choices, linkedGuardian, prefixed, shortDateEl } from '../parts/record.js';
import { shortDate } from '../format.js';

// ----- shared helpers -----



/** The concerns ticked under "We talked about". */
function talkedConcerns(formEl) {
  return [...formEl.querySelectorAll('input[name="contact_concerns"]:checked')].map((el) => el.value);
}

/** A long note cut to its first words, for a one-line label. */
function shortText(text, max = 80) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}







/** The ways of reaching a family that are a call: a "Call now" never defaults to an email. */
const CALLING = ['phone', 'video', 'meeting'];

/** The way to call a guardian: how they prefer to be reached, when that is a call; else the phone. */
function callingMethod(lg) {
  const preferred = lg?.guardian.preferred_method;
  return CALLING.includes(preferred) ? preferred : 'phone';
}

/**
 * What "The family" means for this child: everyone, or, when someone must not be contacted, the
 * guardians who may be, by name.
 */
function familyOption(page) {
  const all = page.guardians ?? [];
  const may = all.filter((lg) => lg.guardian.may_contact).map((lg) => lg.guardian.name);
  if (may.length === all.length) return { label: 'The family', disabled: false };
  if (!may.length) return { label: 'The family (no one may be contacted)', disabled: true };
  const names = may.length === 1 ? may[0] : `${may.slice(0, -1).join(', ')} and ${may[may.length - 1]}`;
  return { label: `The family: ${names} only`, disabled: false };
}




// ----- the dialog -----

/** The modifier key for Ctrl+Enter as this computer names it. */
const MOD = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '') ? '⌘' : 'Ctrl';

function guardianOptionLabel(lg) {
  const g = lg.guardian;
  const rel = g.relationship ? ` (${g.relationship})` : '';
  const primary = lg.link?.is_primary && g.may_contact ? ' — primary contact' : '';
  const barred = g.may_contact ? '' : ` — do not contact: ${g.no_contact_reason || 'see their card'}`;
  return `${g.name}${rel}${primary}${barred}`;
}

/** The guardian to preselect: the one asked for if the school may contact them, else the primary. */
function defaultGuardian(page, wanted) {
  const all = page.guardians ?? [];
  const ok = (lg) => lg && lg.guardian.may_contact;
  const asked = linkedGuardian(page, wanted);
  if (ok(asked)) return asked;
  return all.find((lg) => ok(lg) && lg.link?.is_primary) ?? all.find(ok) ?? null;
}

function languageName(ctx, code) {
  if (!code || code.toLowerCase() === 'en') return '';
  const l = (ctx.info?.languages ?? []).find((x) => x.code.toLowerCase() === code.toLowerCase());
  if (!l) return code;
  return l.english === l.native ? l.english : `${l.english} (${l.native})`;
}

/** How to reach the chosen guardian, in one line under the select. */
function reachLine(ctx, page, guardianIdValue) {
  const lg = guardianIdValue ? linkedGuardian(page, guardianIdValue) : null;
  if (!lg) {
    return (page.guardians ?? []).length
      ? 'The family in general, not one guardian in particular.'
      : 'No guardian on record yet: this is logged for the family.';
  }
  const g = lg.guardian;
  const parts = [];
  if (g.phone) parts.push(h('span', { dir: 'ltr', class: 'reach-phone' }, g.phone));
  if (g.email) parts.push(h('span', { dir: 'ltr', class: 'reach-email' }, g.email));
  if (g.best_time) parts.push(h('span', { dir: 'auto' }, `best ${g.best_time}`));
  const lang = languageName(ctx, g.preferred_language);
  if (lang) parts.push(h('span', { dir: 'auto' }, `speaks ${lang}`));
  if (!parts.length) return 'No phone number or email on record.';
  return parts.flatMap((p, i) => (i ? [' · ', p] : [p]));
}

/** Reads the form as the core's ContactDetails. */
function readContact(formEl, page, base) {
  const followUp = valueOf(formEl, 'contact_follow_up_on') || null;
  const guardian = valueOf(formEl, 'contact_guardian_id');
  return {
    student_id: page.student.id,
    guardian_id: guardian || null,
    happened_on: valueOf(formEl, 'contact_happened_on'),
    method: valueOf(formEl, 'contact_method'),
    initiated_by: valueOf(formEl, 'contact_initiated_by'),
    kind: valueOf(formEl, 'contact_kind'),
    summary: valueOf(formEl, 'contact_summary'),
    outcome: valueOf(formEl, 'contact_outcome'),
    reached: checkedOf(formEl, 'contact_reached'),
    follow_up_on: followUp,
    // An edited follow-up keeps its "done" unless it was moved to another day.
    follow_up_done: Boolean(base && followUp && base.follow_up_done && base.follow_up_on === followUp),
    sensitive: checkedOf(formEl, 'contact_sensitive'),
  };
}

/** Checks the core cannot: a date must be filled in. Throws a RapportError-like object. */
function checkDates(details) {
  const fields = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(details.happened_on)) fields.happened_on = 'Enter the date of the contact.';
  if (Object.keys(fields).length) throw { message: 'Check the date.', fields };
}

/**
 * Opens the contact log dialog for a child.
 * @param {object} ctx the view context
 * @param {object} page the StudentPage (getStudent)
 * @param {object} [preset]
 * @param {string} [preset.kind] the kind of contact to preselect
 * @param {string} [preset.summary] text to start the summary with
 * @param {number} [preset.praiseId] make the positive call for this praise (recordPraiseCall)
 * @param {number} [preset.followUpOf] the contact whose follow-up is done once this one is saved
 * @param {number} [preset.concernId] the concern this contact talks through with the family
 * @param {object} [preset.contact] a Contact to edit
 * @param {string} [preset.about] a line saying what the contact is about (shown, not saved)
 * @returns {Promise<object|null>} the saved Contact, or null when cancelled. The caller refreshes.
 */
export function openContactDialog(ctx, page, preset = {}) {
  // One at a time: a second click while the first dialog opens does nothing.
  if (document.getElementById('contact-dialog')) return Promise.resolve(null);
  const returnTo = document.activeElement;
  const editing = preset.contact ?? null;
  const praise = preset.praiseId != null ? (page.praise ?? []).find((p) => p.id === preset.praiseId) ?? null : null;
  const earlier = preset.followUpOf != null ? (page.contacts ?? []).find((c) => c.id === preset.followUpOf) ?? null : null;
  // A draft belongs to what the dialog is for: this call about this praise, this follow-up...
  const draftKey = ['contact', page.student.id, editing?.id ?? 'new', preset.praiseId ?? '', preset.followUpOf ?? '', preset.concernId ?? '', preset.kind ?? ''].join(':');
  const child = nameText(page.display_name);
  const isPraiseCall = preset.praiseId != null;

  const kind = isPraiseCall
    ? 'positive'
    : editing?.kind ?? preset.kind ?? ((page.contacts ?? []).length ? 'information' : 'introduction');
  const chosen = editing ? linkedGuardian(page, editing.guardian_id) : defaultGuardian(page, earlier?.guardian_id);
  const guardianOptions = [
    ...(page.guardians ?? []).map((lg) => ({ value: String(lg.guardian.id), label: guardianOptionLabel(lg), disabled: !lg.guardian.may_contact })),
    { value: '', ...familyOption(page) },
  ];
  const methods = choices(ctx, 'contact_methods');
  const startMethod = editing?.method ?? (isPraiseCall ? callingMethod(chosen) : chosen?.guardian.preferred_method) ?? methods[0]?.value ?? 'phone';

  let title;
  if (editing) title = ['Edit a contact about ', child];
  else if (isPraiseCall) title = ['Share good news about ', child];
  else if (earlier) title = ['Follow up about ', child];
  else title = ['Log a contact about ', child];

  const guardianField = field({ id: 'contact_guardian_id', label: 'With whom', type: 'select', options: [] });
  const guardianSelect = guardianField.querySelector('select');
  for (const opt of guardianOptions) {
    guardianSelect.append(h('option', { value: opt.value, disabled: opt.disabled, dir: 'auto' }, opt.label));
  }
  guardianSelect.value = chosen ? String(chosen.guardian.id) : '';
  const reach = h('p', { class: 'hint reach', id: 'contact-guardian-reach' });
  guardianSelect.setAttribute('aria-describedby', 'contact-guardian-reach');
  guardianField.append(reach);

  const methodField = field({ id: 'contact_method', label: 'How', type: 'select', options: methods, value: startMethod });
  const kindField = field({ id: 'contact_kind', label: 'What about', type: 'select', options: choices(ctx, 'contact_kinds'), value: kind });
  if (isPraiseCall) {
    kindField.querySelector('select').disabled = true;
  }

  // The child's open concerns not yet talked through: ticking one says this contact talked it
  // through (a call about something else does not). The concern the dialog was opened for is ticked.
  const undiscussed = editing || isPraiseCall ? [] : (page.concerns ?? []).filter((k) => k.contact_id == null && !k.resolved_on);
  const talkedAbout = undiscussed.length
    ? h(
        'fieldset',
        { class: 'field rc-talked-about', id: 'contact_concerns', 'aria-describedby': 'contact_concerns-hint' },
        h('legend', null, 'We talked about'),
        h('p', { class: 'hint', id: 'contact_concerns-hint' }, 'Tick a concern this conversation talked through with the family.'),
        undiscussed.map((k) =>
          h(
            'div',
            { class: 'field-check' },
            h('input', {
              type: 'checkbox',
              id: `talked-${k.id}`,
              name: 'contact_concerns',
              value: k.id,
              checked: k.id === preset.concernId,
            }),
            h('label', { for: `talked-${k.id}` }, 'The concern noted ', shortDateEl(ctx, k.noticed_on), ': ', h('span', { dir: 'auto' }, shortText(k.observed))),
          ),
        ),
      )
    : null;

  const formEl = form(
    { id: 'contact-form', class: 'contact-form', 'aria-labelledby': 'contact-dialog-title' },
    h('div', { class: 'field-row rc-row-2' }, guardianField, methodField),
    h(
      'div',
      { class: 'field-row rc-row-3 rc-align-end' },
      kindField,
      field({ id: 'contact_happened_on', label: 'Date', type: 'date', value: editing?.happened_on ?? ctx.info?.today ?? '' }),
      // "We spoke" sits near the top, where a small window still shows it.
      h(
        'div',
        { class: 'rc-checks' },
        checkbox({
          id: 'contact_reached',
          label: ['We spoke', h('span', { class: 'rc-inline-hint' }, ' — untick if no one answered')],
          checked: editing ? editing.reached : true,
        }),
      ),
    ),
    field({
      id: 'contact_summary',
      label: 'What was said',
      type: 'textarea',
      rows: 3,
      value: editing?.summary ?? preset.summary ?? '',
    }),
    field({ id: 'contact_outcome', label: 'Outcome or next step', type: 'textarea', rows: 2, value: editing?.outcome ?? '' }),
    talkedAbout,
    h(
      'div',
      { class: 'field-row rc-row-3 rc-align-end' },
      field({ id: 'contact_initiated_by', label: 'Who started it', type: 'select', options: choices(ctx, 'initiators'), value: editing?.initiated_by ?? 'teacher' }),
      field({ id: 'contact_follow_up_on', label: 'Follow up on (optional)', type: 'date', value: editing?.follow_up_on ?? '' }),
      h(
        'div',
        { class: 'rc-checks' },
        checkbox({
          id: 'contact_sensitive',
          label: ['Private', h('span', { class: 'rc-inline-hint' }, ' — for you only, never printed')],
          checked: Boolean(editing?.sensitive),
        }),
      ),
    ),
    actions(
      h('button', { type: 'submit', class: 'button primary', id: 'save-contact' }, editing ? 'Save changes' : isPraiseCall ? 'Save the call' : 'Save'),
      h('button', { type: 'button', class: 'button', id: 'cancel-contact' }, 'Cancel'),
      h('span', { class: 'hint rc-keys', 'aria-hidden': 'true' }, `Enter saves · ${MOD}+Enter in a text box · Esc cancels`),
    ),
  );

  const context = [];
  if (praise) {
    const kind = choiceLabel(ctx, 'praise_categories', praise.category);
    context.push(h('p', { class: 'callout rc-context', id: 'contact-praise' }, h('strong', null, 'The good news: '), h('span', { dir: 'auto' }, kind), ` (${shortDate(praise.noticed_on, ctx.info?.today)})`));
  }
  if (preset.about) {
    context.push(h('p', { class: 'callout rc-context', id: 'contact-about' }, h('strong', null, 'About: '), h('span', { dir: 'auto' }, preset.about)));
  }
  if (earlier) {
    context.push(
      h(
        'p',
        { class: 'callout rc-context', id: 'contact-earlier' },
        h('strong', null, 'Following up on '),
        shortDateEl(ctx, earlier.happened_on),
        earlier.summary ? [': ', h('span', { dir: 'auto' }, earlier.summary)] : null,
      ),
    );
  }
  if (editing && editing.guardian_id != null && !linkedGuardian(page, editing.guardian_id)) {
    context.push(h('p', { class: 'callout caution rc-context' }, 'The guardian of this contact is no longer linked to this child. Choose who it was with.'));
  }

  const dialog = h(
    'dialog',
    { id: 'contact-dialog', class: 'dialog contact-dialog', 'aria-labelledby': 'contact-dialog-title' },
    h('h2', { id: 'contact-dialog-title' }, title),
    context,
    formEl,
  );

  // The method follows the guardian until the teacher picks one.
  const methodSelect = methodField.querySelector('select');
  let methodTouched = Boolean(editing);
  methodSelect.addEventListener('change', () => {
    methodTouched = true;
  });
  const showReach = () => {
    const line = reachLine(ctx, page, guardianSelect.value);
    reach.replaceChildren(...(Array.isArray(line) ? line : [line]));
  };
  guardianSelect.addEventListener('change', () => {
    const lg = linkedGuardian(page, guardianSelect.value);
    if (!methodTouched && isPraiseCall) methodSelect.value = callingMethod(lg);
    else if (!methodTouched && lg?.guardian.preferred_method) methodSelect.value = lg.guardian.preferred_method;
    showReach();
  });
  showReach();

  const draft = keepDraft(formEl, { key: draftKey, studentId: page.student.id });

  let saved = null;
  const close = () => dialog.close();
  formEl.querySelector('#cancel-contact').addEventListener('click', close);
  submitKeys(formEl);

  onSubmit(
    formEl,
    async () => {
      const details = readContact(formEl, page, editing);
      checkDates(details);
      let contact;
      if (isPraiseCall) contact = await api.recordPraiseCall(preset.praiseId, { ...details, kind: 'positive' });
      else if (editing) contact = await api.updateContact(editing.id, details);
      else {
        contact = await api.logContact(details, {
          completes_follow_up_of: earlier?.id ?? null,
          discusses_concerns: talkedConcerns(formEl),
        });
      }
      saved = contact;
      await draft.saved();
      close();
      ctx.status(isPraiseCall ? 'Good news shared. The call is logged.' : editing ? 'Contact saved.' : 'Contact logged.');
    },
    prefixed('contact_'),
  );

  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (!saved && returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
      resolve(saved);
      // The form's values can still be read once it is gone from the page.
      if (!saved) {
        draft.close().then((kept) => {
          if (kept) ctx.status('Draft kept: it comes back when you open this again.');
        });
      }
    });
    dialog.showModal();
    // Everything else has a sensible default: start where a person types.
    const summary = formEl.querySelector('#contact_summary');
    summary.focus();
    summary.setSelectionRange(summary.value.length, summary.value.length);
  });
}
