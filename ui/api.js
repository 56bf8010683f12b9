// The ONE place the page talks to Rust. Every other module calls these functions; none calls
// `invoke` itself. Each function resolves with plain JSON and rejects with a RapportError whose
// `code` is a stable word (validation, not_found, conflict, too_new, storage, io, internal) and
// whose `message` is a sentence for the teacher; `fields` maps a form field to its problem.

const { invoke } = window.__TAURI__.core;

export class RapportError extends Error {
  constructor({ code = 'internal', message = 'Something went wrong.', fields = [] } = {}) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
    /** @type {Record<string, string>} field name -> message */
    this.fields = Object.fromEntries(fields.map((f) => [f.field, f.message]));
  }
}

async function call(command, args = {}) {
  try {
    return await invoke(command, args);
  } catch (raw) {
    if (raw && typeof raw === 'object' && 'code' in raw) throw new RapportError(raw);
    throw new RapportError({ message: String(raw) });
  }
}

// The app: version, where the record lives, whether it opened, settings, classes, lists for forms.
export const appInfo = () => call('app_info');
// Tells Rust the first screen is drawn; resolves with milliseconds since launch.
export const ready = () => call('ready');

export const saveSettings = (settings) => call('save_settings', { settings });
export const createClass = (details) => call('create_class', { details });
export const updateClass = (id, details) => call('update_class', { id, details });
export const loadDemo = () => call('load_demo');
export const classOverview = (classId) => call('class_overview', { class_id: classId });

export const listStudents = (classId) => call('list_students', { class_id: classId });
export const getStudent = (id) => call('get_student', { id });
export const createStudent = (details) => call('create_student', { details });
export const updateStudent = (id, details) => call('update_student', { id, details });
export const deleteStudent = (id) => call('delete_student', { id });

export const listGuardians = () => call('list_guardians');
export const addGuardian = (studentId, details, link) =>
  call('add_guardian', { student_id: studentId, details, link });
export const updateGuardian = (id, details) => call('update_guardian', { id, details });
export const linkGuardian = (studentId, guardianId, link) =>
  call('link_guardian', { student_id: studentId, guardian_id: guardianId, link });
export const setGuardianLink = (studentId, guardianId, link) =>
  call('set_guardian_link', { student_id: studentId, guardian_id: guardianId, link });
export const unlinkGuardian = (studentId, guardianId) =>
  call('unlink_guardian', { student_id: studentId, guardian_id: guardianId });
