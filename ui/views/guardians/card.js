// One guardian's card: name and relationship, the primary-contact and lives-with badges, "Do not
// contact" with its reason, how to reach them, the other children they are a guardian of, and
// Edit / Make primary contact / Remove from this child.

import { h, nameText } from '../../dom.js';
import { languageText, methodLabel } from './words.js';

function line(label, ...value) {
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', null, ...value));
}

/** The card's facts: phone, email, what they prefer, the best time, the other children. */
function facts(ctx, lg) {
  const g = lg.guardian;
  return [
    g.phone ? line('Phone', h('span', { dir: 'ltr' }, g.phone)) : null,
    g.email ? line('Email', h('span', { dir: 'ltr' }, g.email)) : null,
    line('Prefers', `${methodLabel(ctx.info, g.preferred_method)}, in `, h('span', { dir: 'auto' }, languageText(ctx.info, g.preferred_language))),
    g.best_time ? line('Best time', h('span', { dir: 'auto' }, g.best_time)) : null,
    lg.also_guardian_of?.length
      ? line(
          'Also guardian of',
          lg.also_guardian_of.flatMap((s, i) => [
            i ? ', ' : null,
            h('a', { href: `#/students/${s.id}`, dir: 'auto' }, s.display_name),
          ]),
        )
      : null,
  ];
}

/** The card's buttons, each naming the guardian for screen readers (none when read only). */
function buttons(lg, on, readOnly) {
  if (readOnly) return [];
  const g = lg.guardian;
  const hidden = (text) => h('span', { class: 'visually-hidden' }, ' ', nameText(text));
  return [
    h('button', { type: 'button', class: 'button small edit-guardian', onclick: () => on.edit(g.id) }, 'Edit', hidden(g.name)),
    !lg.link.is_primary && g.may_contact
      ? h(
          'button',
          { type: 'button', class: 'button small make-primary', onclick: (e) => on.primary(lg, e.currentTarget) },
          'Make primary contact',
          hidden(g.name),
        )
      : null,
    h(
      'button',
      { type: 'button', class: 'button small subtle remove-guardian', onclick: (e) => on.remove(lg, e.currentTarget) },
      'Remove from this child',
      hidden(g.name),
    ),
  ];
}

/**
 * One guardian's card.
 * @param {object} ctx
 * @param {object} record StudentRecord
 * @param {object} lg LinkedGuardian
 * @param {{edit: Function, primary: Function, remove: Function}} on
 * @param {boolean} readOnly
 */
export function card(ctx, record, lg, on, readOnly) {
  const g = lg.guardian;
  const id = g.id;
  const actions = buttons(lg, on, readOnly);
  return h(
    'li',
    { class: ['guardian-card', !g.may_contact && 'no-contact'], id: `guardian-${id}`, dataset: { guardianId: String(id), item: `guardian:${id}` } },
    h(
      'article',
      { 'aria-labelledby': `guardian-${id}-name` },
      h('h3', { id: `guardian-${id}-name`, class: 'guardian-name', dir: 'auto', tabindex: '-1' }, g.name),
      g.relationship ? h('p', { class: 'relationship', dir: 'auto' }, g.relationship) : null,
      h(
        'ul',
        { class: 'badges', 'aria-label': 'About this guardian' },
        lg.link.is_primary ? h('li', { class: 'badge primary' }, 'Primary contact') : null,
        h('li', { class: 'badge' }, lg.link.lives_with ? 'Lives with ' : 'Does not live with ', nameText(record.display_name)),
      ),
      g.may_contact
        ? null
        : h(
            'div',
            { class: 'callout caution no-contact-box', role: 'note' },
            h('p', { class: 'callout-title' }, 'Do not contact'),
            h('p', { dir: 'auto', class: 'no-contact-reason' }, g.no_contact_reason),
          ),
      h('dl', { class: 'facts' }, facts(ctx, lg)),
      !g.phone && !g.email && g.may_contact ? h('p', { class: 'muted' }, 'No phone number or email yet.') : null,
      actions.length ? h('div', { class: 'card-actions' }, actions) : null,
    ),
  );
}
