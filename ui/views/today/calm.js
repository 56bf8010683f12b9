// Today's calm sections: a class with no students yet, nothing waiting, and every family
// reachable. Each says so in a sentence instead of an empty list.

import { h } from '../../dom.js';

export function emptyClass() {
  return h(
    'section',
    { class: 'today-section calm', id: 'today-empty' },
    h('h2', null, 'No students yet'),
    h('p', null, 'Add the children in your class, then the people to call about each of them.'),
    h('p', null, h('a', { class: 'button primary', href: '#/students/new' }, 'Add a student')),
  );
}

export function caughtUp() {
  return h(
    'section',
    { class: 'today-section calm', id: 'today-caught-up' },
    h('h2', null, 'Nothing waiting today.'),
    h('p', null, 'No follow-ups due, no calls waiting, and every family has heard from you lately.'),
  );
}

export function allReachable() {
  return h(
    'section',
    { class: 'today-section calm', id: 'today-all-reachable' },
    h('h2', null, 'Every family can be reached.'),
    h('p', null, 'Each child has a guardian on record with a phone number or email the school may use.'),
  );
}
