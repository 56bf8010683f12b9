// The head of Today: the date, a greeting for the time of day, and the class in two numbers.

import { h, nameText } from '../../dom.js';
import { isoDay, longDate } from '../../format.js';

/** "Good morning" before noon, "Good afternoon" before six, then "Good evening". */
export function partOfDay(hour) {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

/** "Good morning, Ms. Rivera." (the name isolated), or "Good morning." without one. */
export function greeting(teacherName, now) {
  const part = partOfDay(now.getHours());
  return teacherName ? [`${part}, `, nameText(teacherName), '.'] : [`${part}.`];
}

/**
 * The title, the greeting and the counts.
 * @param {object} cls the current class
 * @param {object} overview classOverview()
 * @param {string} teacher the teacher's name
 * @param {Date} now
 */
export function todayHead(cls, overview, teacher, now) {
  return [
    h('h1', { id: 'today-title' }, longDate(isoDay(now))),
    h('p', { class: 'lead' }, ...greeting(teacher, now)),
    h(
      'dl',
      { class: 'stats', id: 'today-counts' },
      h('div', { class: 'stat' }, h('dt', null, 'Students'), h('dd', { id: 'count-students' }, String(overview.students))),
      h('div', { class: 'stat' }, h('dt', null, 'Guardians'), h('dd', { id: 'count-guardians' }, String(overview.guardians))),
      h('div', { class: 'stat stat-class' }, h('dt', null, 'Class'), h('dd', { dir: 'auto' }, cls.name)),
    ),
  ];
}
