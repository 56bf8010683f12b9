// After how many days without contact Today names a family: the field, reading it back as a whole
// number of days, and the saved setting for forms that save the settings without showing it.

import { h } from '../../dom.js';

export const QUIET_DAYS_DEFAULT = 21;
export const QUIET_DAYS_MAX = 365;

/** The saved quiet-days setting, for forms that save the settings without showing it. */
export const savedQuietDays = (ctx) => ctx.info.settings?.quiet_days ?? QUIET_DAYS_DEFAULT;

/** "Name a family on Today when there has been no contact for [21] days". */
export function quietDaysField(value) {
  return h(
    'div',
    { class: 'field quiet-days' },
    h('label', { for: 'quiet_days' }, 'Name a family on Today when there has been no contact for'),
    h(
      'div',
      { class: 'quiet-days-input' },
      h('input', {
        type: 'number',
        id: 'quiet_days',
        name: 'quiet_days',
        min: '1',
        max: String(QUIET_DAYS_MAX),
        step: '1',
        inputmode: 'numeric',
        value: String(value),
        'aria-describedby': 'quiet_days-unit quiet_days-hint',
      }),
      h('span', { id: 'quiet_days-unit' }, 'days'),
    ),
    h('p', { class: 'hint', id: 'quiet_days-hint' }, 'Three weeks (21 days) suits most classes.'),
  );
}

/** The quiet-days box as a whole number of days, or a field problem the form shows beside it. */
export function readQuietDays(formEl) {
  const el = formEl.querySelector('#quiet_days');
  const raw = el.value.trim();
  const n = raw === '' || el.validity?.badInput ? NaN : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > QUIET_DAYS_MAX) {
    const message = `Choose between 1 and ${QUIET_DAYS_MAX} days.`;
    throw { code: 'validation', message, fields: { quiet_days: message } };
  }
  return n;
}
