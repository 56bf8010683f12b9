// The ONE place the page talks to Rust. Every other module calls these functions; none calls
// `invoke` itself. Each function resolves with plain JSON and rejects with a RapportError whose
// `code` is a stable word, each meaning one thing the page can act on: validation (fix the fields),
// not_found (reload), conflict (clashes with the record), nothing_to_print (do what the message
// says first), bad_file (choose another file), rejected (a roster's row problems), no_data_folder,
// in_use (another window has the record), too_new, storage, io, internal, locked (the record is
// protected and waits for its passphrase), wrong_passphrase, wrong_recovery_key, wait (too many
// wrong tries: `retryAfter` seconds), needs_passphrase (a protected copy chosen to restore: ask for
// its passphrase and call restoreProtectedFile), sync (the record does not sync, or its sync
// folder cannot be used now: the message says what to do), update_needed (the other computer's
// Rapport is newer: update this one). `message` is a sentence for the teacher; `fields` maps a
// form field to its problem.
//
// After every command that changed the record, the listeners given to onEdit hear of it (the sync
// sends edits after a quiet minute: ui/sync.js; the calendar file kept up to date is written again
// after two quiet seconds: ui/calendar-file.js).

/** Tauri's invoke, looked up when a call is made: importing this module touches nothing, so the
 * page's modules load under node's test runner too. */
const invoke = (command, args) => window.__TAURI__.core.invoke(command, args);

export class RapportError extends Error {
  constructor({ code = 'internal', message = 'Something went wrong.', fields = [], problems = [], retry_after = null } = {}) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
    /** Seconds before the next try is allowed (after repeated wrong passphrases), or null. */
    this.retryAfter = retry_after;
    /** @type {Record<string, string>} field name -> message */
    this.fields = {};
    // A field may have more than one problem (too long, and an unknown placeholder): all are shown.
    for (const f of fields) this.fields[f.field] = this.fields[f.field] ? `${this.fields[f.field]} ${f.message}` : f.message;
    /** @type {string[]} every problem of a rejected import, each naming its file, row and column */
    this.problems = problems;
  }
}

/**
 * The commands that leave the record as it was: reads, printing and saving files beside it,
 * drafts (they stay on this computer), locking and unlocking, a new passphrase (the record's key
 * stays), the sync's own commands, and writing calendar files (reading the record only). Every other command changes the record when it succeeds, a
 * command added later too: one counted as an edit by mistake costs a sync with nothing to send,
 * one left out would keep an edit back.
 */
export const NOT_EDITS = new Set([
  'app_info',
  'ready',
  'open_again',
  'class_overview',
  'list_students',
  'get_student',
  'list_guardians',
  'today',
  'list_questions',
  'smart_check',
  'list_trash',
  'list_conferences',
  'print_questionnaire',
  'print_packet',
  'print_class_packets',
  'print_letter',
  'print_class_letters',
  'print_schedule',
  'print_good_news',
  'print_class_good_news',
  'save_contact_log',
  'letter_languages',
  'letter_template',
  'family_languages',
  'family_language',
  'export_language_pack',
  'choose_language_pack',
  'list_backups',
  'back_up_now',
  'delete_backup',
  'choose_roster',
  'save_roster_template',
  'save_draft',
  'get_draft',
  'discard_draft',
  'unlock',
  'unlock_with_recovery_key',
  'lock_now',
  'save_recovery_sheet',
  'change_passphrase',
  'sync_status',
  'sync_now',
  'start_sync',
  'stop_sync',
  'pick_sync_folder',
  'open_from_sync_folder',
  'sync_conflicts',
  'calendar_settings',
  'export_calendar',
  'refresh_calendar_file',
  'search',
  'save_handoff',
  'choose_handoff',
]);

/**
 * Whether `command`, having succeeded with `args`, changed the record. A roster's preview
 * (dry_run) writes nothing; settling a sync conflict changes the record only when it takes the
 * other computer's value. Restores and protecting or unprotecting the record count: they put
 * another file in its place and end its sync.
 * @param {string} command
 * @param {Record<string, any>} [args]
 */
export function isEdit(command, args = {}) {
  if (command === 'import_roster') return !args.dry_run;
  if (command === 'settle_sync_conflict') return Boolean(args.take_other);
  if (command === 'receive_handoff') return !args.preview;
  return !NOT_EDITS.has(command);
}

/** @type {Set<(command: string) => void>} */
const editListeners = new Set();

/**
 * Calls `listener(command)` after each command that changed the record.
 * @param {(command: string) => void} listener
 * @returns {() => void} stops listening
 */
export function onEdit(listener) {
  editListeners.add(listener);
  return () => editListeners.delete(listener);
}

async function call(command, args = {}) {
  let result;
  try {
    result = await invoke(command, args);
  } catch (raw) {
    if (raw && typeof raw === 'object' && 'code' in raw) throw new RapportError(raw);
    throw new RapportError({ message: String(raw) });
  }
  if (isEdit(command, args)) {
    for (const listener of editListeners) {
      // A listener's trouble is its own: the edit is saved, and its caller hears so.
      try {
        listener(command);
      } catch (err) {
        console.warn('an edit listener failed', err);
      }
    }
  }
  return result;
}

// The app: version, where the record lives, whether it opened, settings, classes, lists for forms.
export const appInfo = () => call('app_info');
// Tells Rust the first screen is drawn; resolves with milliseconds since launch.
// The first screen shows real data: `page` says when (ms since the page began loading) the page's
// own script started and when the screen was drawn, for the start-up log line.
export const ready = (page) => call('ready', { page });
// Tries again to open a record another Rapport window had open; resolves true once it is open.
export const openAgain = () => call('open_again');

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

// ----- the partnership record -----

// Everything Today lists for a class: follow-ups, praise to call, concerns without a call, quiet
// families, no positive news this month, goals to check and goals due soon, and the class balance.
export const today = (classId) => call('today', { class_id: classId });

// What families tell us.
export const listQuestions = (includeRetired = false) =>
  call('list_questions', { include_retired: includeRetired });
export const addQuestion = (details) => call('add_question', { details });
export const updateQuestion = (id, details) => call('update_question', { id, details });
export const setQuestionRetired = (id, retired) => call('set_question_retired', { id, retired });
export const reorderQuestions = (order) => call('reorder_questions', { order });
export const addAnswer = (details) => call('add_answer', { details });
export const updateAnswer = (id, details) => call('update_answer', { id, details });
export const deleteAnswer = (id) => call('delete_answer', { id });

// SMART goals, check-ins, learning at home.
export const smartCheck = (details) => call('smart_check', { details });
export const addGoal = (details) => call('add_goal', { details });
export const updateGoal = (id, details) => call('update_goal', { id, details });
export const deleteGoal = (id) => call('delete_goal', { id });
export const addCheckIn = (details) => call('add_check_in', { details });
export const updateCheckIn = (id, details) => call('update_check_in', { id, details });
export const deleteCheckIn = (id) => call('delete_check_in', { id });
export const addHomeActivity = (details) => call('add_home_activity', { details });
export const deleteHomeActivity = (id) => call('delete_home_activity', { id });

// The contact log, praise and positive calls, concerns.
// Logs a contact; `links` may name the follow-up it completes and the concern it talked through
// ({completes_follow_up_of, discusses_concerns: [concern ids]}), settled in the same transaction.
export const logContact = (details, links = {}) => call('log_contact', { details, links });
export const updateContact = (id, details) => call('update_contact', { id, details });
export const deleteContact = (id) => call('delete_contact', { id });
export const setFollowUpDone = (id, done) => call('set_follow_up_done', { id, done });
export const addPraise = (details) => call('add_praise', { details });
export const setPraiseQueued = (id, queued) => call('set_praise_queued', { id, queued });
export const recordPraiseCall = (praiseId, call_) =>
  call('record_praise_call', { praise_id: praiseId, call: call_ });
export const deletePraise = (id) => call('delete_praise', { id });
export const addConcern = (details) => call('add_concern', { details });
export const updateConcern = (id, details) => call('update_concern', { id, details });
export const deleteConcern = (id) => call('delete_concern', { id });

// The trash: every delete above resolves with the id of its trash entry, for a one-click undo.
// Deleted records can be restored for appInfo().trash_days days.
export const listTrash = () => call('list_trash');
export const restoreFromTrash = (id) => call('restore_from_trash', { id });
export const emptyTrash = () => call('empty_trash');

// Conference slots: {class_id, student_id|null (an open slot), starts_at "YYYY-MM-DDTHH:MM",
// minutes, place, interpreter_language|null, attendees, notes, sensitive}. Slots never overlap.
export const listConferences = (classId) => call('list_conferences', { class_id: classId });
export const addConference = (details) => call('add_conference', { details });
export const updateConference = (id, details) => call('update_conference', { id, details });
export const deleteConference = (id) => call('delete_conference', { id });

// Printing: Rust lays out the PDF, asks where to save it, writes it and opens it. Each resolves
// with {path, bytes, pages, missing_characters} or null when the teacher cancels. The paper size
// is the one in Settings.
export const printQuestionnaire = (studentId, guardianId = null) =>
  call('print_questionnaire', { student_id: studentId, guardian_id: guardianId });
/** The conference packet for one child. */
export const printPacket = (studentId) => call('print_packet', { student_id: studentId });
/** Every child's conference packet in one PDF, each child on new pages. */
export const printClassPackets = (classId) => call('print_class_packets', { class_id: classId });
/** The introduction letter to one child's family. */
export const printLetter = (studentId) => call('print_letter', { student_id: studentId });
/** The introduction letter to every family of a class, in one PDF. */
export const printClassLetters = (classId) => call('print_class_letters', { class_id: classId });
/** The good-news note of one praise entry, in the family's language: {path, pages, ...} as the
 * other printing commands, or null when cancelled. */
export const printGoodNews = (praiseId) => call('print_good_news', { praise_id: praiseId });
/** A good-news note for every praise waiting for a positive call in the class, two to a page. Fails
 * with 'nothing_to_print' when no call is queued. */
export const printClassGoodNews = (classId) => call('print_class_good_news', { class_id: classId });
/** The conference schedule (from today on) and a reminder slip per family. */
export const printSchedule = (classId) => call('print_schedule', { class_id: classId });

// The contact-log report for a student support meeting, an IEP/504 meeting or the principal: every
// contact, follow-up and concern of one child (studentId) or of a class (classId), between `from`
// and `to` ('YYYY-MM-DD', either left empty for no bound), private entries only with
// includePrivate, as a PDF (opened once saved) or with `csv` a CSV for a spreadsheet. Asks where
// to save it: {path, entries, period ("1 September 2026 – 30 November 2026" or "the whole
// record")}, or null when cancelled. Fails with 'conflict' when `from` comes after `to`.
export const saveContactLog = ({ studentId = null, classId = null, from = null, to = null, includePrivate = false, csv = false }) =>
  call('save_contact_log', {
    student_id: studentId ?? null,
    class_id: classId ?? null,
    from: from || null,
    to: to || null,
    include_private: Boolean(includePrivate),
    csv: Boolean(csv),
  });

// Search everything: children, guardians, family answers, goals, check-ins, learning at home,
// contacts, praise and concerns (any part of a word of three letters or more; case and accents do
// not matter; a two-letter word alone looks among children and guardians). Resolves with at most
// `limit` (default 20, at most 50) hits, children and guardians first, then everything else newest
// first: [{kind, item, student_id, student, snippet}], where `kind` is one of student, guardian,
// answer, goal, check_in, home_activity, contact, praise, concern; `item` the id of that row;
// `student_id`/`student` the child whose page holds it (a guardian: their first child; may be
// null); `snippet` the words around the match.
export const search = (query, limit = 20) => call('search', { query, limit });

// The handoff to next year's teacher. saveHandoff asks where to save the file of the children
// chosen: {path, children, bytes, passphrase} (passphrase: the one-time passphrase, "ABCD-EFGH-
// JKLM-NPQR-STUV", when the record is protected, to show once and pass on; else null), or null
// when cancelled. Fails with 'nothing_to_print' when no child is chosen.
export const saveHandoff = (studentIds) => call('save_handoff', { student_ids: studentIds });
// chooseHandoff asks for a handoff file: {file_name, encrypted} or null when cancelled.
export const chooseHandoff = () => call('choose_handoff');
// receiveHandoff reads the chosen file into classId (default: the current class), with its
// one-time passphrase when it is encrypted; with preview, changes nothing and says what it would
// do. Resolves with {teacher, school, made_on, class_id, questions_added, children: [{name,
// school_student_id, matched (the id of the child already in the class, or null: a new child),
// student_id, guardians, answers, goals, check_ins, at_home, what_works, already_here}]}. Fails
// with 'wrong_passphrase' (a wrong or missing passphrase), 'bad_file' (not a handoff file, damaged,
// or a child's part breaks a rule: the message names it; nothing was changed), 'update_needed'.
export const receiveHandoff = ({ passphrase = null, classId = null, preview = false } = {}) =>
  call('receive_handoff', { passphrase: passphrase || null, class_id: classId ?? null, preview: Boolean(preview) });

// The introduction letter's wording, per language Rapport has handouts in:
// {language, body, edited}. `body` may use {child}, {guardian}, {teacher}, {school} and
// {contact_hours}. Saving null goes back to Rapport's suggested wording.
export const letterLanguages = () => call('letter_languages');
export const letterTemplate = (language) => call('letter_template', { language });
export const saveLetterTemplate = (language, body) => call('save_letter_template', { language, body });

// Family languages: every family-facing string Rapport prints (the handouts, the good-news note,
// the conference packet), machine-translated, and the teacher's corrections kept in the record.
// familyLanguages resolves with the 16 languages, English first: [{code, name (its own: "Español"),
// english_name, rtl, made (how the translation was made, a sentence), corrected (how many strings
// the teacher corrected)}]. familyLanguage(language) adds {sections: [{section, title, about,
// strings: [{key ("letter.title"), kind ('line' | 'paragraphs': a line each | 'list': exactly
// `items` lines), items, english, rapport (Rapport's own wording), text (what is printed now),
// corrected, max_chars}]}]}. saveTranslation keeps a correction (text null: back to Rapport's
// wording) and resolves with the string as above; text that drops or misspells a placeholder
// ({child}, ...) or is too long fails with 'validation' and a `text` field.
export const familyLanguages = () => call('family_languages');
export const familyLanguage = (language) => call('family_language', { language });
export const saveTranslation = (language, key, text) => call('save_translation', { language, key, text: text ?? null });
// Language packs, to share corrections with colleagues. exportLanguagePack asks where to save the
// language's pack: {path, file_name, corrected}, or null when cancelled. chooseLanguagePack asks
// for a pack and says what it would do: {file_name, code, name, english_name, made, changed
// (strings that would become corrections), restored (back to Rapport's wording), unchanged}, or
// null when cancelled; a pack that breaks a rule fails with 'rejected' (or 'bad_file') and
// `problems`, each naming the file, line and key. importLanguagePack reads the pack chosen:
// {code, name, english_name, changed, restored}.
export const exportLanguagePack = (language) => call('export_language_pack', { language });
export const chooseLanguagePack = () => call('choose_language_pack');
export const importLanguagePack = () => call('import_language_pack');

// Backups. Automatic ones are taken at start-up when the record changed and kept beside it:
// {folder, backups: [{file_name, taken_at (UTC, ISO), bytes, kind: 'automatic'|'before_restore'}]},
// newest first. backUpNow asks where to write a copy ({path, bytes} or null when cancelled).
// Restoring keeps the record as it was among the backups and resolves with {students, kept};
// afterwards the whole window must reload its data.
export const listBackups = () => call('list_backups');
export const backUpNow = () => call('back_up_now');
export const restoreBackup = (fileName) => call('restore_backup', { file_name: fileName });
export const restoreFromFile = () => call('restore_from_file');
/** Deletes one automatic backup, by file name (for a copy that holds a child removed for good). */
export const deleteBackup = (fileName) => call('delete_backup', { file_name: fileName });

// Roster import. chooseRoster asks for a file (CSV or OneRoster .zip), or with folder=true a
// OneRoster folder: {file_name, oneroster_classes: [[sourcedId, title]]} or null when cancelled.
// importRoster(class, dryRun) previews (dryRun) or imports the chosen roster. `class`: the
// OneRoster class to take (title or sourcedId), or for a CSV the class to fill (default: the
// current class). Resolves with {class_id, class_name, class_created, added: [name], updated,
// unchanged, guardians_added, guardians_updated, dry_run}. A bad roster fails with
// {code: 'rejected', message, problems: ['roster.csv row 3, given_name: …', …]}: nothing written.
export const chooseRoster = (folder = false) => call('choose_roster', { folder });
export const importRoster = (className, dryRun) =>
  call('import_roster', { class: className ?? null, dry_run: dryRun });
/** Saves the roster CSV template where the teacher picks: the path, or null when cancelled. */
export const saveRosterTemplate = () => call('save_roster_template');

// The end of a year. archiveClass makes a class read-only (still printable) or reopens it.
// startNewYear makes the next year's class from `fromClassId` with the chosen children (ids)
// carried over with the same guardians, archives the old class, and makes the new one current;
// resolves with the new Class. purgeStudent removes a child for good (no trash, no undo) and
// resolves with their name. listBackups rows carry predates_purge: true for backups taken before
// a child was removed for good (they still hold that child's record).
export const archiveClass = (id, archived) => call('archive_class', { id, archived });
export const startNewYear = (fromClassId, details, carry) =>
  call('start_new_year', { from_class_id: fromClassId, details, carry });
export const purgeStudent = (id) => call('purge_student', { id });

// Drafts of unsaved forms (ui/drafts.js): kept in the record as the teacher types. getDraft
// resolves with {form, student_id, fields: {control id: value}, saved_at} or null.
export const saveDraft = (form, studentId, fields) => call('save_draft', { form, student_id: studentId, fields });
export const getDraft = (form) => call('get_draft', { form });
export const discardDraft = (form) => call('discard_draft', { form });

// Protection: a passphrase, the app lock and the recovery key. The recovery key comes back once
// from protectRecord, to show and to print with saveRecoverySheet; it is not kept.
export const unlock = (passphrase) => call('unlock', { passphrase });
export const unlockWithRecoveryKey = (recoveryKey, newPassphrase) =>
  call('unlock_with_recovery_key', { recovery_key: recoveryKey, new_passphrase: newPassphrase });
export const lockNow = () => call('lock_now');
export const protectRecord = (passphrase) => call('protect_record', { passphrase });
export const saveRecoverySheet = (recoveryKey) => call('save_recovery_sheet', { recovery_key: recoveryKey });
export const changePassphrase = (current, next) => call('change_passphrase', { current, new: next });
export const unprotectRecord = (passphrase) => call('unprotect_record', { passphrase });
export const restoreProtectedFile = (passphrase) => call('restore_protected_file', { passphrase });

// Two computers, one record, kept in step through a folder (a USB stick, or one a cloud client
// keeps in step). syncStatus resolves with null when the record does not sync, else {folder,
// folder_found, last_synced_at (UTC, ISO, or null), last_sent, last_received, waiting (changes
// made here not yet in the folder), open_conflicts, encrypted}. syncNow resolves with null when
// the record does not sync, else what the sync did: {folder, folder_found, sent, received,
// waiting, conflicts: [conflict], refused: [why a file was refused], update_needed, at}.
// startSync asks for an empty folder and writes the record's first copy there: a status, or null
// when cancelled. stopSync keeps the record as it is and forgets the folder.
export const syncStatus = () => call('sync_status');
export const syncNow = () => call('sync_now');
export const startSync = () => call('start_sync');
export const stopSync = () => call('stop_sync');
// The welcome screen's "Open a record from another computer": pickSyncFolder asks for the folder
// ({folder, protected} or null when cancelled); openFromSyncFolder opens the record in it in place
// of this empty one (with its passphrase when protected, else null) and syncs: a sync report.
export const pickSyncFolder = () => call('pick_sync_folder');
export const openFromSyncFolder = (passphrase) => call('open_from_sync_folder', { passphrase: passphrase ?? null });
// "Changed on both computers", newest first: [{id, kind ('both_changed' | 'edit_over_delete'),
// seen_at, student_id, student (a name, or null), thing, field ('' for edit_over_delete), kept,
// other, other_is_theirs, can_take_other}]. Settling keeps the record's value (takeOther false)
// or takes the other one.
export const syncConflicts = () => call('sync_conflicts');
export const settleSyncConflict = (id, takeOther) => call('settle_sync_conflict', { id, take_other: takeOther });

// The calendar: booked conferences and open follow-ups, for Outlook, Google or Apple Calendar
// (never a child's notes or what was said). calendarSettings resolves with {names ('full' |
// 'first_initial' | 'initials'), choices: [{word, label}], file (the path of the calendar file kept
// up to date, or null)}; setCalendarNames, keepCalendarFile and stopCalendarFile resolve with the
// same. exportCalendar asks where to save one file: {path, events}, or null when cancelled.
// keepCalendarFile asks for a folder and writes "Rapport calendar.ics" there now (null when
// cancelled); the page then asks for it to be written again after each change with
// refreshCalendarFile ({path, events}, or null when no file is kept; code 'conflict' when its
// folder is gone: the message says what to do). stopCalendarFile leaves the file where it is.
export const calendarSettings = () => call('calendar_settings');
export const setCalendarNames = (names) => call('set_calendar_names', { names });
export const exportCalendar = () => call('export_calendar');
export const keepCalendarFile = () => call('keep_calendar_file');
export const stopCalendarFile = () => call('stop_calendar_file');
export const refreshCalendarFile = () => call('refresh_calendar_file');
