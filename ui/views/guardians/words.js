// What the guardian pieces share: a new guardian's starting details, the relationships offered,
// the form's control ids, and a language or a way of reaching someone in words.

export const RELATIONSHIPS = [
  'Mother', 'Father', 'Grandmother', 'Grandfather', 'Aunt', 'Uncle',
  'Foster parent', 'Stepmother', 'Stepfather', 'Guardian', 'Parent',
];

export const NEW_GUARDIAN = {
  name: '', relationship: '', phone: '', email: '', preferred_method: 'phone',
  preferred_language: 'en', best_time: '', may_contact: true, no_contact_reason: '',
};

/** Guardian fields are called name, phone, ... by the core; the inputs are guardian_*. */
export const guardianId = (field) => `guardian_${field}`;

/** The language Rapport lists with this code (any case), or null. */
export function findLanguage(info, code) {
  const lower = String(code ?? '').toLowerCase();
  return (info.languages ?? []).find((l) => l.code.toLowerCase() === lower) ?? null;
}

/** "Spanish (Español)" for a code; the code itself for one Rapport does not list. */
export function languageText(info, code) {
  const l = findLanguage(info, code);
  if (!l) return code;
  return l.english === l.native ? l.english : `${l.english} (${l.native})`;
}

/** "Phone", "Email", ... for a preferred method's value. */
export function methodLabel(info, value) {
  return (info.contact_methods ?? []).find((m) => m.value === value)?.label ?? value;
}
