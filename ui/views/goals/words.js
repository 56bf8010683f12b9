// Small words and numbers the goal pieces share: labels of the closed lists, a value with its
// unit, a day as a number for the chart, and reading a number field.

import { field } from '../forms.js';
import { choices } from '../../parts/record.js';
import { numberText } from '../../format.js';

export function labelOf(ctx, name, value) {
  return choices(ctx, name).find((c) => c.value === value)?.label ?? value;
}

/** "words per minute" → "Words per minute", for a label. */
export function capitalised(text) {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** A value and its unit: "62 words per minute". */
export function withUnit(n, unit) {
  return unit ? `${numberText(n)} ${unit}` : numberText(n);
}

/** Days since 1970 for a stored date, for the chart's x axis. */
export function dayNumber(iso) {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

export function fieldProblem(fields) {
  return { code: 'validation', message: Object.values(fields).join(' '), fields };
}

/**
 * A number field's value: null when empty, NaN when the teacher typed something that is not a
 * number (an <input type=number> reports that as badInput with an empty value).
 */
export function numberIn(el) {
  if (!el) return null;
  if (el.validity?.badInput) return NaN;
  const raw = el.value.trim();
  if (raw === '') return null;
  return Number(raw);
}
