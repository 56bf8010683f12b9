// Interpreters: a family's language by name, the interpreter badge of a slot, and the choices
// offered in the slot form.

import { h } from '../../dom.js';

function findLanguage(ctx, code) {
  const lower = String(code ?? '').toLowerCase();
  return (ctx.info?.languages ?? []).find((l) => l.code.toLowerCase() === lower) ?? null;
}

export const isEnglish = (code) => /^en(-|$)/i.test(String(code ?? ''));

/** "Spanish (Español)" for a code; the code itself for one Rapport does not list. */
export function languageText(ctx, code) {
  const l = findLanguage(ctx, code);
  if (!l) return String(code ?? '');
  return l.english === l.native ? l.english : `${l.english} (${l.native})`;
}

/** The "Interpreter: Spanish (Español)" badge. */
export function interpreterBadge(ctx, code) {
  if (!code) return null;
  const l = findLanguage(ctx, code);
  return h(
    'span',
    { class: 'badge interpreter-badge' },
    'Interpreter: ',
    l ? [l.english, l.english !== l.native ? [' (', h('span', { lang: l.code, dir: l.rtl ? 'rtl' : 'ltr' }, l.native), ')'] : null] : String(code),
  );
}

/** The options of the interpreter select: "No interpreter", then "Español — Spanish", ... */
export function interpreterOptions(ctx, current) {
  const options = [{ value: '', label: 'No interpreter' }];
  for (const l of ctx.info?.languages ?? []) {
    if (isEnglish(l.code)) continue;
    options.push({ value: l.code, label: l.english === l.native ? l.english : `${l.native} — ${l.english}` });
  }
  if (current && !options.some((o) => o.value.toLowerCase() === String(current).toLowerCase())) {
    options.push({ value: current, label: current });
  }
  return options;
}
