//! The uses: what a teacher asks of Rapport, written once for both front doors. The window's
//! commands (`src-tauri`) and the command line (`src/bin/rapport/main.rs`) each call these in a few
//! lines and only present the result; no rule (which class Today is about, which paper a document
//! is printed on, what its file is called, which class a roster fills) is written twice.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result};
use crate::insights::{self, TodayReport};
use crate::model::Id;
use crate::packet::{self, Paper, Printed};
use crate::roster::{ClassTarget, Roster, RosterReport};
use crate::Store;

/// What Today lists for a class (the current class when none is given) on `date`, naming
/// families quiet for the teacher's setting.
pub fn today(store: &Store, class: Option<Id>, date: NaiveDate) -> Result<TodayReport> {
    let settings = store.settings()?;
    let class_id = class
        .or(settings.current_class_id)
        .ok_or(Error::NotFound("A class"))?;
    Ok(insights::today(
        &store.class_activity(class_id)?,
        date,
        settings.quiet_days,
    ))
}

/// A document Rapport prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// One child's conference packet.
    Packet(Id),
    /// Every child's packet in a class, in one PDF.
    ClassPackets(Id),
    /// One family's introduction letter.
    Letter(Id),
    /// Every family's introduction letter in a class.
    ClassLetters(Id),
    /// The blank family questionnaire: for one guardian, or each who may be contacted.
    Questionnaire { student: Id, guardian: Option<Id> },
    /// The conference schedule from `from` (default: today) with a reminder slip per family.
    Schedule { class: Id, from: Option<NaiveDate> },
    /// The good-news note of one praise entry, in the family's language.
    GoodNews(Id),
    /// A good-news note for every praise waiting for a positive call in a class (the queue on
    /// Today), for families the phone does not reach: two to a page.
    ClassGoodNews(Id),
}

impl Document {
    /// The start of the file's name.
    fn title(self) -> &'static str {
        match self {
            Self::Packet(_) => "Conference packet",
            Self::ClassPackets(_) => "Conference packets",
            Self::Letter(_) => "Introduction letter",
            Self::ClassLetters(_) => "Introduction letters",
            Self::Questionnaire { .. } => "Family questionnaire",
            Self::Schedule { .. } => "Conference schedule",
            Self::GoodNews(_) | Self::ClassGoodNews(_) => "Good news",
        }
    }

    /// Who the document is about, for its file name: the child's name or the class's.
    fn about(self, store: &Store) -> Result<String> {
        Ok(match self {
            Self::Packet(id) | Self::Letter(id) | Self::Questionnaire { student: id, .. } => {
                store.student_record(id)?.display_name
            }
            Self::ClassPackets(id)
            | Self::ClassLetters(id)
            | Self::Schedule { class: id, .. }
            | Self::ClassGoodNews(id) => store.class(id)?.details.name,
            Self::GoodNews(id) => {
                store
                    .student_record(store.praise(id)?.details.student_id)?
                    .display_name
            }
        })
    }

    /// Gathers what the document prints from the record, then lays it out: the documents are
    /// pure functions of their data and never read the store themselves.
    fn lay_out(
        self,
        store: &Store,
        paper: Paper,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Printed> {
        use packet::{conference, letter, questionnaire, schedule};
        let settings = store.settings()?;
        let texts = store.texts()?;
        let packet_setting = |school_year| -> Result<conference::PacketSetting> {
            Ok(conference::PacketSetting {
                settings: &settings,
                texts: &texts,
                year_start: store.school_year(school_year)?.details.starts_on,
                paper,
                today,
                now,
            })
        };
        match self {
            Self::Packet(id) => {
                let page = store.student_page(id, today)?;
                let with = packet_setting(page.record.class.school_year_id)?;
                Ok(conference::student_packet(&page, &with))
            }
            Self::ClassPackets(id) => {
                let class = store.class(id)?;
                let with = packet_setting(class.school_year_id)?;
                let pages = store
                    .students(id)?
                    .into_iter()
                    .map(|s| store.student_page(s.id, today));
                conference::class_packet(&class.details.name, pages, &with)
            }
            Self::Letter(id) | Self::ClassLetters(id) => {
                let bodies = crate::i18n::handout_languages()
                    .map(|code| Ok((code.to_string(), store.letter_template(code)?.body)))
                    .collect::<Result<letter::LetterBodies>>()?;
                let with = letter::LetterSetting {
                    settings: &settings,
                    texts: &texts,
                    bodies: &bodies,
                    paper,
                    today,
                    now,
                };
                match self {
                    Self::Letter(_) => letter::student_letter(&store.student_record(id)?, &with),
                    _ => {
                        let class = store.class(id)?;
                        let records = store.class_records(id)?.into_iter().map(Ok);
                        letter::class_letters(&class.details.name, records, &with)
                    }
                }
            }
            Self::Questionnaire { student, guardian } => questionnaire::questionnaire(
                &store.student_record(student)?,
                guardian,
                &settings,
                &texts,
                &store.questions(false)?,
                paper,
                now,
            ),
            Self::Schedule { class, from } => {
                let class_name = store.class(class)?.details.name;
                let booked = |id| store.student_record(id);
                let data = schedule::ScheduleData {
                    class_name: &class_name,
                    slots: store.conferences(class)?,
                    booked: &booked,
                    texts: &texts,
                };
                schedule::schedule(data, &settings, from.unwrap_or(today), paper, now)
            }
            Self::GoodNews(_) | Self::ClassGoodNews(_) => {
                let praise = match self {
                    Self::GoodNews(id) => vec![store.praise(id)?],
                    Self::ClassGoodNews(class) => {
                        let mut queued = Vec::new();
                        for child in store.students(class)? {
                            queued.extend(
                                store
                                    .praise_of(child.id)?
                                    .into_iter()
                                    .filter(|p| p.details.call_queued),
                            );
                        }
                        if queued.is_empty() {
                            return Err(Error::NothingToPrint(
                                "No good news is waiting for a call home: queue a call from a \
                                 child's good news first."
                                    .into(),
                            ));
                        }
                        queued
                    }
                    _ => Vec::new(),
                };
                let mut notes = Vec::with_capacity(praise.len());
                for p in praise {
                    let record = store.student_record(p.details.student_id)?;
                    notes.push((p, record));
                }
                let with = packet::good_news::NoteSetting {
                    settings: &settings,
                    texts: &texts,
                    paper,
                    now,
                    title: format!("Good news — {}", self.about(store)?),
                };
                packet::good_news::good_news(&notes, &with)
            }
        }
    }
}

/// A laid-out document and the name to save it under: "{title} — {child or class}.pdf".
#[derive(Debug)]
pub struct PrintedDocument {
    pub printed: Printed,
    pub file_name: String,
}

/// Lays a document out on `paper`, or on the paper chosen in Settings when none is given.
pub fn print(
    store: &Store,
    document: Document,
    paper: Option<Paper>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<PrintedDocument> {
    let paper = match paper {
        Some(paper) => paper,
        None => store.settings()?.paper,
    };
    let printed = document.lay_out(store, paper, today, now)?;
    let file_name = safe_file_name(&format!(
        "{} — {}.pdf",
        document.title(),
        document.about(store)?
    ));
    Ok(PrintedDocument { printed, file_name })
}

/// The recovery sheet for a record just protected, on the paper chosen in Settings.
pub fn recovery_sheet(
    store: &Store,
    recovery_key: &crate::protect::RecoveryKey,
) -> Result<Printed> {
    let settings = store.settings()?;
    let key = recovery_key.text();
    let record = store.path().display().to_string();
    Ok(packet::recovery_sheet::recovery_sheet(
        &packet::recovery_sheet::RecoverySheet {
            teacher: &settings.teacher_name,
            school: &settings.school_name,
            record: &record,
            key: &key,
            paper: settings.paper,
            now: Utc::now(),
        },
    ))
}

/// A file name any file system accepts, keeping the child's name readable.
pub fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// The class a roster fills: the one the teacher named (a CSV roster names none of its own), else
/// the roster's own class (OneRoster) or the current class. A blank name names nothing.
pub fn roster_target(asked: Option<&str>, roster: &Roster) -> ClassTarget {
    match asked.map(str::trim) {
        Some(name) if !name.is_empty() && roster.class_name.is_none() => {
            ClassTarget::Named(name.to_string())
        }
        _ => ClassTarget::FromRoster,
    }
}

/// Imports (or with `dry_run` previews) a roster read from a file, into the class
/// [`roster_target`] picks.
pub fn import_roster(
    store: &mut Store,
    roster: &Roster,
    asked: Option<&str>,
    today: NaiveDate,
    dry_run: bool,
) -> Result<RosterReport> {
    store.import_roster(roster, &roster_target(asked, roster), today, dry_run)
}

/// Opens, in place of this empty record, the record another computer shares through `folder`
/// (its first full copy, unlocked with `passphrase` when protected), then syncs: this computer
/// takes part in the sync from now on.
pub fn open_from_sync_folder(
    store: &mut Store,
    folder: &std::path::Path,
    passphrase: Option<&str>,
    now: DateTime<Utc>,
) -> Result<crate::store::sync::SyncReport> {
    if !store.is_empty_record()? {
        return Err(Error::Conflict(
            "A record from another computer can only be opened in place of an empty one, and \
             this one already holds classes or students. Nothing was changed."
                .into(),
        ));
    }
    let first = crate::sync::first_copy_path(folder);
    let key = match first.exists() && crate::protect::is_protected(&first)? {
        true => {
            let passphrase = passphrase.ok_or(Error::Locked)?;
            Some(crate::protect::unlock(&first, passphrase)?)
        }
        false => None,
    };
    let copy = crate::store::sync::first_copy(folder, key.as_ref())?;
    match key {
        Some(key) => {
            // An empty record protected here takes the copy's protection instead: both
            // computers then open the record with the same passphrase.
            if store.is_protected() {
                store.unprotect()?;
            }
            store.take_protected_copy(&first, key, now)?
        }
        // A plain copy into a record protected here is encrypted on the way in; the sync's
        // files stay as the first computer began them.
        None => store.restore_from(&first, now)?,
    };
    store.join_sync(folder, copy)?;
    store.sync(now)
}

/// The calendar file of the classes not archived: booked conferences and open follow-ups, each
/// child named as the teacher chose (`names`, else the record's setting); local times read in
/// this computer's time zone. Returns the file's text and how many events it holds.
pub fn calendar(
    store: &Store,
    names: Option<crate::model::CalendarNames>,
    now: DateTime<Utc>,
) -> Result<(String, usize)> {
    let names = match names {
        Some(names) => names,
        None => store.calendar_names()?,
    };
    let events = crate::calendar::events(&store.calendar_items()?, names, &chrono::Local);
    let settings = store.settings()?;
    let title = match settings.teacher_name.trim() {
        "" => "Rapport: conferences and follow-ups".to_string(),
        teacher => format!("Rapport ({teacher}): conferences and follow-ups"),
    };
    Ok((crate::calendar::write(&title, &events, now), events.len()))
}

/// The calendar file's name in the folder the teacher keeps it up to date in.
pub const CALENDAR_FILE: &str = "Rapport calendar.ics";

/// Writes the calendar file again in the folder the teacher keeps it up to date in (after a
/// change): its path and how many events, or `None` when no such folder is set.
pub fn refresh_calendar_file(
    store: &Store,
    now: DateTime<Utc>,
) -> Result<Option<(std::path::PathBuf, usize)>> {
    let Some(folder) = store.calendar_folder()? else {
        return Ok(None);
    };
    if !folder.is_dir() {
        return Err(Error::Conflict(format!(
            "The calendar folder {} is not there; choose it again in Settings → Calendar.",
            folder.display()
        )));
    }
    let (text, events) = calendar(store, None, now)?;
    let path = folder.join(CALENDAR_FILE);
    crate::files::write_atomically(&path, text.as_bytes())?;
    Ok(Some((path, events)))
}

/// Whose contact log: one child, or every child of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogOf {
    Student(Id),
    Class(Id),
}

/// The contact-log report of a child or a class between two days (either open), private
/// entries only when asked for.
pub fn contact_log(
    store: &Store,
    of: LogOf,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_private: bool,
) -> Result<crate::contact_log::ContactLog> {
    let (about, children) = match of {
        LogOf::Student(id) => (store.student(id)?.details.display_name(), vec![id]),
        LogOf::Class(id) => (
            store.class(id)?.details.name,
            store.students(id)?.into_iter().map(|s| s.id).collect(),
        ),
    };
    if let (Some(from), Some(to)) = (from, to) {
        if from > to {
            return Err(Error::Conflict(format!(
                "The report would start on {from} and end on {to}, before it starts: swap the two days."
            )));
        }
    }
    store.contact_log(about, &children, from, to, include_private)
}

/// The contact-log report as a file: a PDF, or with `csv` a CSV for a spreadsheet.
pub fn contact_log_file(
    store: &Store,
    log: &crate::contact_log::ContactLog,
    csv: bool,
    now: DateTime<Utc>,
) -> Result<Vec<u8>> {
    if csv {
        return Ok(crate::contact_log::csv(log));
    }
    let settings = store.settings()?;
    Ok(packet::contact_log::contact_log(log, &settings.teacher_name, settings.paper, now).bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_only_what_file_systems_refuse() {
        assert_eq!(
            safe_file_name("Questionnaire — 王小明.pdf"),
            "Questionnaire — 王小明.pdf"
        );
        assert_eq!(safe_file_name("a/b:c?.pdf"), "a-b-c-.pdf");
    }

    #[test]
    fn a_roster_fills_the_class_named_unless_it_names_its_own() {
        let csv = Roster::default();
        assert_eq!(
            roster_target(Some("  Room 4 "), &csv),
            ClassTarget::Named("Room 4".into())
        );
        assert_eq!(roster_target(Some("   "), &csv), ClassTarget::FromRoster);
        assert_eq!(roster_target(None, &csv), ClassTarget::FromRoster);
        let oneroster = Roster {
            class_name: Some("Grade 3".into()),
            ..Default::default()
        };
        assert_eq!(
            roster_target(Some("Room 4"), &oneroster),
            ClassTarget::FromRoster
        );
    }
}

/// Which children a handoff is about.
#[derive(Debug, Clone)]
pub enum HandOver {
    Students(Vec<Id>),
    Class(Id),
}

/// A handoff file written.
pub struct HandoffFile {
    pub bytes: Vec<u8>,
    pub children: usize,
    /// The one-time passphrase the file is encrypted with: given when the record is protected,
    /// for the teacher to pass on another way than the file.
    pub passphrase: Option<crate::handoff::file::OneTimePassphrase>,
    /// "Handoff Room 12 2027-06-18.rapport-handoff".
    pub file_name: String,
}

/// The handoff file of `children`: encrypted with a new one-time passphrase when the record is
/// protected (what leaves a protected record leaves it encrypted), sealed with a checksum otherwise.
pub fn handoff_file(store: &Store, children: &HandOver, today: NaiveDate) -> Result<HandoffFile> {
    let (ids, about) = match children {
        HandOver::Students(ids) => {
            let about = match ids.as_slice() {
                [one] => store.student(*one)?.details.display_name(),
                _ => format!("{} children", ids.len()),
            };
            (ids.clone(), about)
        }
        HandOver::Class(class) => (
            store.students(*class)?.iter().map(|s| s.id).collect(),
            store.class(*class)?.details.name,
        ),
    };
    if ids.is_empty() {
        return Err(Error::NothingToPrint(
            "Choose at least one child to hand over.".into(),
        ));
    }
    let handoff = store.handoff(&ids, today)?;
    let passphrase = store
        .is_protected()
        .then(crate::handoff::file::OneTimePassphrase::random);
    let bytes = crate::handoff::file::seal(&handoff, passphrase.as_ref())?;
    Ok(HandoffFile {
        bytes,
        children: ids.len(),
        passphrase,
        file_name: safe_file_name(&format!("Handoff {about} {today}.rapport-handoff")),
    })
}

/// Reads a handoff file from `path`: refused when it is not one, is damaged, or (encrypted) the
/// passphrase is not the one it was sealed with.
pub fn read_handoff(
    path: &std::path::Path,
    passphrase: Option<&str>,
) -> Result<crate::handoff::Handoff> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("{} could not be read", path.display()), e))?
        .len();
    if size > crate::handoff::file::MAX_FILE_BYTES {
        return Err(Error::BadFile(
            "This file is far larger than a handoff file can be. Nothing was changed.".into(),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Error::io(format!("{} could not be read", path.display()), e))?;
    crate::handoff::file::open(&bytes, passphrase)
}

/// Whether the handoff file at `path` is encrypted (and so needs its one-time passphrase).
pub fn handoff_is_encrypted(path: &std::path::Path) -> Result<bool> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut head))
        .map_err(|e| Error::io(format!("{} could not be read", path.display()), e))?;
    Ok(crate::handoff::file::header(&head)?.0.encrypted)
}

/// Reads and checks the language pack at `path`: refused whole, every problem named with its
/// line, when any string breaks a rule.
pub fn read_language_pack(path: &std::path::Path) -> Result<crate::i18n::corrections::Pack> {
    use crate::i18n::corrections::{read_pack, MAX_PACK_BYTES};
    let unreadable = |e| Error::io(format!("{} could not be read", path.display()), e);
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if size > MAX_PACK_BYTES as u64 {
        return Err(Error::BadFile(format!(
            "{file_name} is far larger than a language pack can be. Nothing was changed."
        )));
    }
    read_pack(&file_name, &std::fs::read(path).map_err(unreadable)?)
}
