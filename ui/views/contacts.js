// "Staying in touch" on a student's page: how many contacts of each kind there have been, a
// "Log a contact" button that opens the quick contact dialog, and the log itself, newest first:
// when, what about, how, with whom, who started it, what was said and agreed, whether anyone was
// reached, a follow-up date with its Done button, and Edit / Delete.

import * as api from '../api.js';
import { h, nameText, whileBusy } from '../dom.js';
import { folded } from './fold.js';
import { openContactDialog } from './contact-dialog.js';
import { deleteWithUndo } from '../parts/delete.js';
import { choiceLabel, choices, isReadOnly, linkedGuardian, shortDateEl } from '../parts/record.js';

const STARTED_BY = {
  teacher: 'I got in touch',
  family: 'The family got in touch',
  school: 'Someone else at school got in touch',
};

function withWhom(page, contact) {
  if (contact.guardian_id == null) return 'the family';
  const lg = linkedGuardian(page, contact.guardian_id);
  if (!lg) return 'a guardian no longer linked';
  const g = lg.guardian;
  return g.relationship ? [nameText(g.name), ` (${g.relationship})`] : nameText(g.name);
}

function counts(ctx, page) {
  const contacts = page.contacts ?? [];
  if (!contacts.length) return null;
  const byKind = new Map();
  for (const c of contacts) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const notReached = contacts.filter((c) => !c.reached).length;
  const items = choices(ctx, 'contact_kinds')
    .filter((k) => byKind.get(k.value))
    .map((k) => h('li', { class: ['rc-count', `kind-${k.value}`], dataset: { kind: k.value } }, h('span', { class: 'rc-count-n' }, String(byKind.get(k.value))), ' ', k.label));
  if (notReached) items.push(h('li', { class: 'rc-count rc-count-missed' }, h('span', { class: 'rc-count-n' }, String(notReached)), ' not reached'));
  return h('ul', { class: 'rc-counts', id: 'contact-counts', 'aria-label': 'Contacts by kind' }, items);
}

/**
 * One line of the log.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @param {object} c Contact
 * @param {{edit: Function, remove: Function, done: Function}} on
 * @param {boolean} readOnly
 */
function contactItem(ctx, page, c, on, readOnly) {
  const today = ctx.info?.today ?? '';
  const kindLabel = choiceLabel(ctx, 'contact_kinds', c.kind);
  const method = choiceLabel(ctx, 'contact_methods', c.method);
  const followUpDue = c.follow_up_on && !c.follow_up_done;
  const overdue = followUpDue && today && c.follow_up_on < today;
  const hidden = (...text) => h('span', { class: 'visually-hidden' }, ...text);
  const about = [' the contact of ', formatPlain(ctx, c.happened_on)];

  let followUp = null;
  if (c.follow_up_on) {
    followUp = h(
      'div',
      { class: ['rc-follow-up', overdue && 'overdue', c.follow_up_done && 'done'] },
      c.follow_up_done
        ? h('p', null, 'Followed up (was due ', shortDateEl(ctx, c.follow_up_on), ').')
        : h('p', null, overdue ? 'Follow-up overdue since ' : 'Follow up by ', shortDateEl(ctx, c.follow_up_on), '.'),
      !c.follow_up_done && !readOnly
        ? [
            h(
              'button',
              { type: 'button', class: 'button small log-follow-up', onclick: () => on.followUp(c) },
              'Log the follow-up',
              hidden(' to', about),
            ),
            h(
              'button',
              { type: 'button', class: 'button small follow-up-done', onclick: (e) => on.done(c, e.currentTarget) },
              'Done',
              hidden(': follow-up of', about),
            ),
          ]
        : null,
    );
  }

  return h(
    'li',
    {
      class: ['contact', `kind-${c.kind}`, !c.reached && 'not-reached', c.sensitive && 'is-private', followUpDue && 'has-follow-up'],
      id: `contact-${c.id}`,
      tabindex: '-1',
      dataset: { contactId: String(c.id), item: `contact:${c.id}` },
    },
    h(
      'div',
      { class: 'rc-item-head' },
      h('span', { class: 'rc-date' }, shortDateEl(ctx, c.happened_on)),
      h('span', { class: ['badge', 'rc-kind', `kind-${c.kind}`] }, kindLabel),
      !c.reached ? h('span', { class: 'badge caution not-reached-badge' }, 'Not reached') : null,
      c.sensitive ? h('span', { class: 'badge private-badge' }, 'Private') : null,
    ),
    h(
      'p',
      { class: 'rc-meta' },
      method,
      ' with ',
      withWhom(page, c),
      '. ',
      STARTED_BY[c.initiated_by] ?? `Started by: ${choiceLabel(ctx, 'initiators', c.initiated_by)}`,
      '.',
    ),
    c.summary ? folded(h('p', { class: 'rc-text contact-summary', dir: 'auto' }, c.summary), c.summary) : null,
    c.outcome ? folded(h('p', { class: 'rc-text contact-outcome', dir: 'auto' }, h('span', { class: 'rc-label' }, 'Outcome: '), c.outcome), c.outcome) : null,
    followUp,
    readOnly
      ? null
      : h(
          'div',
          { class: 'card-actions rc-actions' },
          h('button', { type: 'button', class: 'button small edit-contact', onclick: () => on.edit(c) }, 'Edit', hidden(about)),
          h('button', { type: 'button', class: 'button small subtle delete-contact', onclick: (e) => on.remove(c, e.currentTarget) }, 'Delete', hidden(about)),
        ),
  );
}

/** A date as plain text, for button names read by screen readers. */
function formatPlain(ctx, iso) {
  return shortDateEl(ctx, iso).textContent;
}

/**
 * The "Staying in touch" section of a student's page.
 * @param {object} ctx
 * @param {object} page StudentPage
 * @returns {HTMLElement} section#contacts
 */
export function renderContacts(ctx, page) {
  const readOnly = isReadOnly(page);
  const contacts = page.contacts ?? [];

  const on = {
    edit: async (c) => {
      const saved = await openContactDialog(ctx, page, { contact: c });
      if (saved) await ctx.refresh(`#contact-${saved.id}`);
    },
    remove: async (c, button) => {
      const linkedPraise = (page.praise ?? []).some((p) => p.contact_id === c.id);
      const linkedConcern = (page.concerns ?? []).some((k) => k.contact_id === c.id);
      await deleteWithUndo(ctx, button, {
        title: 'Delete this contact?',
        what: ['The contact of ', formatPlain(ctx, c.happened_on), ' with ', withWhom(page, c), ' will be removed from the log.'],
        more: [
          linkedPraise || linkedConcern
            ? `It is linked to ${linkedPraise ? 'good news' : ''}${linkedPraise && linkedConcern ? ' and ' : ''}${linkedConcern ? 'a concern' : ''}, which will be kept.`
            : null,
        ],
        remove: () => api.deleteContact(c.id),
        done: 'Contact deleted.',
        focus: '#contacts-title',
      });
    },
    followUp: async (c) => {
      const saved = await openContactDialog(ctx, page, { followUpOf: c.id, kind: 'information' });
      if (saved) await ctx.refresh(`#contact-${saved.id}`);
    },
    done: async (c, button) => {
      try {
        await whileBusy(button, () => api.setFollowUpDone(c.id, true));
        ctx.status('Follow-up done.');
        await ctx.refresh(`#contact-${c.id}`);
      } catch (err) {
        ctx.alert(err);
      }
    },
  };

  const logButton = readOnly
    ? null
    : h('button', { type: 'button', class: 'button primary', id: 'log-contact' }, 'Log a contact');
  logButton?.addEventListener('click', async () => {
    const saved = await openContactDialog(ctx, page, {});
    if (saved) await ctx.refresh(`#contact-${saved.id}`);
  });

  return h(
    'section',
    { class: 'rc-section contacts', id: 'contacts', 'aria-labelledby': 'contacts-title' },
    h(
      'div',
      { class: 'rc-section-head' },
      h('h2', { id: 'contacts-title', tabindex: '-1' }, 'Staying in touch ', h('span', { class: 'count' }, `(${contacts.length})`)),
      logButton ? h('div', { class: 'section-actions' }, logButton) : null,
    ),
    counts(ctx, page),
    contacts.length
      ? null
      : h(
          'p',
          { class: 'muted rc-empty', id: 'no-contacts' },
          'No contacts logged yet. A first call with good news makes every later call easier.',
        ),
    h('ul', { class: 'rc-list contact-list', id: 'contact-list' }, contacts.map((c) => contactItem(ctx, page, c, on, readOnly))),
  );
}
