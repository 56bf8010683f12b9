// The SMART letters and one hint of the SMART check, with its letter, for the form and the card.

import { h } from '../../dom.js';

export const SMART = [
  { key: 'specific', letter: 'S', name: 'Specific' },
  { key: 'measurable', letter: 'M', name: 'Measurable' },
  { key: 'achievable', letter: 'A', name: 'Achievable' },
  { key: 'relevant', letter: 'R', name: 'Relevant' },
  { key: 'time_bound', letter: 'T', name: 'Time-bound' },
];

export const SMART_BY_KEY = new Map(SMART.map((s) => [s.key, s]));

function letterChip(key) {
  const s = SMART_BY_KEY.get(key) ?? { letter: '?', name: key };
  return h('abbr', { class: 'smart-letter', title: s.name, 'aria-hidden': 'true' }, s.letter);
}

/** One hint: its letter, the letter's name for screen readers, the message. */
export function hintItem(hint, attrs, extra) {
  const s = SMART_BY_KEY.get(hint.letter);
  return h(
    'li',
    attrs,
    letterChip(hint.letter),
    h('span', { class: 'smart-message' }, h('span', { class: 'visually-hidden' }, `${s?.name ?? hint.letter}: `), hint.message, extra ? [' ', extra] : null),
  );
}
