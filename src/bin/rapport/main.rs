//! `rapport`: the headless command line onto the same record as the desktop app. No window, no GTK.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Local, NaiveDate};
use clap::{Parser, Subcommand};
use rapport::model::{CalendarNames, Id};
use rapport::packet::{self, Paper};
use rapport::store::lock::RecordLock;
use rapport::uses::{self, Document};
use rapport::{backup, demo, files, insights, paths, Error, Store};

#[derive(Parser)]
#[command(
    name = "rapport",
    version,
    about = "Rapport's command line: the same private record as the desktop app, without a window."
)]
struct Cli {
    /// The record to use. Defaults to the desktop app's own (in $RAPPORT_DATA_DIR or the user data folder).
    #[arg(long, global = true, env = paths::DB_ENV, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(flatten)]
    secrets: protection::Secrets,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill an empty record with a realistic demo class (or, with --students/--years, a large
    /// many-year record for benchmarks).
    Demo {
        /// The day the demo's school year is built around (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        /// Generated children per class (a large record instead of the demo class).
        #[arg(long, value_name = "N")]
        students: Option<usize>,
        /// School years of classes, ending with this one (a large record instead of the demo class).
        #[arg(long, value_name = "Y")]
        years: Option<usize>,
    },
    /// Check the record's integrity and schema version (exit 0 when healthy).
    Check {
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What Today lists: follow-ups, calls to make, quiet families, goals to check.
    Today {
        /// The class (default: the one the app opens on).
        #[arg(long, value_name = "ID")]
        class: Option<Id>,
        /// The day to compute Today for (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the whole record as JSON (see docs/export-format.md).
    ExportJson {
        /// The file to write (default: standard output). Written atomically.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Import a class roster: the simple CSV (see `rapport roster-template`) or a OneRoster 1.1
    /// CSV export (a folder or .zip). All or nothing: every problem is listed by file, row and
    /// column, and nothing is written. Importing the same roster again updates it.
    Import {
        /// The roster file, OneRoster folder or .zip.
        path: PathBuf,
        /// The class: for a CSV, the class to fill (made if new; default: the current class);
        /// for OneRoster, the class to take (by title or sourcedId).
        #[arg(long, value_name = "NAME")]
        class: Option<String>,
        /// Only show what would be added, updated and left as it is.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write the roster CSV template (one row per child, up to two guardians).
    RosterTemplate {
        /// Where to write it.
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
    /// Read an export (from `export-json`) into an empty record, for example on a new computer.
    /// All or nothing: a problem names its row and nothing is written.
    ImportJson {
        /// The export to read.
        file: PathBuf,
    },
    /// Print the conference packet of a child, or of a whole class in one PDF.
    Packet {
        #[command(flatten)]
        who: StudentOrClass,
        /// The day the packet is printed for (default: today): picks the conference it is for.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        #[command(flatten)]
        output: Output,
    },
    /// Print a family handout as PDF.
    Handout {
        #[command(subcommand)]
        handout: HandoutKind,
    },
    /// Back the record up now, safely while the app may be running: into the backups folder
    /// beside the record (skipped when nothing changed since the newest), or to --out FILE.
    Backup {
        /// Where to write the copy, for example on a USB stick (written atomically).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the backups beside the record, newest first.
    Backups {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Replace the record with a backup. The file is checked first; the record as it was is kept
    /// in the backups folder. Refused while the app has the record open.
    Restore {
        /// The backup to restore.
        file: PathBuf,
    },
    #[command(flatten)]
    Protection(protection::ProtectionCommand),
    /// Sync the record with another computer through a folder (a USB stick, or a folder that
    /// OneDrive, Google Drive or Dropbox keeps in step). The first time, on a record with
    /// classes it starts syncing through DIR (writing the record's first full copy there); on an
    /// empty record it opens the record found in DIR. Then it sends this computer's changes and
    /// receives the others', and prints what was sent, received and every conflict. Exit 0 when
    /// it synced.
    Sync {
        /// The sync folder (needed the first time; afterwards the record remembers it).
        dir: Option<PathBuf>,
        /// Only show where and when the record last synced, and what waits.
        #[arg(long)]
        status: bool,
    },
    /// A report: `rapport report contacts` writes the contact log of a child or a class (every
    /// contact with the family, follow-ups, concerns with their causes and what was agreed) as a
    /// PDF or, for a .csv file, a CSV for a spreadsheet.
    Report {
        #[command(subcommand)]
        report: ReportKind,
    },
    /// Search everything: children, guardians, family answers, goals, check-ins, learning at home,
    /// contacts, praise and concerns (any part of a word; case and accents do not matter).
    Search {
        /// The words to find.
        text: String,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Print the results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Hand children over to next year's teacher: what the family told us, goals and their
    /// progress, what works, learning at home and a summary of contacts, never a private note. When
    /// the record is protected the file is encrypted with a one-time passphrase, printed once, to
    /// pass on to the receiving teacher another way than the file.
    Handoff {
        /// A child to hand over (repeat for more).
        #[arg(
            long = "student",
            value_name = "ID",
            conflicts_with = "class",
            required_unless_present = "class"
        )]
        students: Vec<Id>,
        /// Every child of this class.
        #[arg(long, value_name = "ID")]
        class: Option<Id>,
        /// The file to write (written atomically).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a handoff file from another teacher into a class: each child matched on the school's
    /// id, or added; nothing already here is changed. An encrypted file asks for its one-time
    /// passphrase (or reads $RAPPORT_HANDOFF_PASSPHRASE).
    Receive {
        /// The handoff file.
        file: PathBuf,
        /// The class the children go to (default: the one the app opens on).
        #[arg(long, value_name = "ID")]
        class: Option<Id>,
        /// Only say what would be read in; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Share corrections to Rapport's translations: write a language as a language pack file, or
    /// read one in (checked first: placeholders kept, lengths bounded, no control characters; a
    /// bad pack is refused whole, each problem named with its line).
    #[command(subcommand)]
    LanguagePack(LanguagePackCommand),
    /// Write conferences and follow-ups due as an iCalendar file (.ics) for Outlook, Google or
    /// Apple Calendar. Each item keeps its UID, so importing the file again updates it. No
    /// child's notes go in; children are named as --names says (default: Settings).
    Calendar {
        /// The file to write (written atomically).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// How children are named: full, first_initial or initials.
        #[arg(long, value_parser = parse_names)]
        names: Option<CalendarNames>,
    },
    /// List the students, class by class.
    Students {
        /// Only this class (by id).
        #[arg(long, value_name = "ID")]
        class: Option<Id>,
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum LanguagePackCommand {
    /// Write every family-facing string of a language, with this record's corrections.
    Export {
        /// The language's code: es, ar, zh-Hans, zh-Hant, vi, ht, so, hmn, ru, tl, ko, pt, uk,
        /// prs, fr or en.
        language: String,
        /// The file to write (written atomically).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Read a language pack: its strings become this record's corrections (strings with
    /// Rapport's own wording go back to it).
    Import {
        /// The language pack file (.toml).
        file: PathBuf,
        /// Only say what would change; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum ReportKind {
    /// The contact log of a child or a class, for a student support meeting, an IEP or 504
    /// meeting, or the principal. Private entries only with --include-private.
    Contacts {
        #[command(flatten)]
        who: StudentOrClass,
        /// The first day (YYYY-MM-DD; default: the beginning of the record).
        #[arg(long, value_name = "DATE")]
        from: Option<NaiveDate>,
        /// The last day (YYYY-MM-DD; default: today and after).
        #[arg(long, value_name = "DATE")]
        to: Option<NaiveDate>,
        /// Include the entries marked private.
        #[arg(long)]
        include_private: bool,
        /// The file: .pdf for the printed report, .csv for a spreadsheet. Written atomically.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Prints a line to standard output; when the reader has gone (`rapport students | head`), stops
/// quietly instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        if let Err(error) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("rapport: could not print: {error}");
            std::process::exit(1);
        }
    }};
}

mod handoff;
mod language_pack;
mod protection;
mod sync;

/// One child, or every child of a class.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
struct StudentOrClass {
    /// The child (by id; see `rapport students`).
    #[arg(long, value_name = "ID")]
    student: Option<Id>,
    /// Every child of the class (by id), in one PDF.
    #[arg(long, value_name = "ID")]
    class: Option<Id>,
}

/// Where a printed document goes, and on what paper.
#[derive(clap::Args)]
struct Output {
    /// Where to write the PDF (written atomically: a failed write leaves any old file as it was).
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Paper size (default: the one chosen in the app's settings).
    #[arg(long, value_name = "letter|a4", value_parser = parse_paper)]
    paper: Option<Paper>,
}

#[derive(Subcommand)]
enum HandoutKind {
    /// The blank family questionnaire: one per guardian who may be contacted, in their language.
    Questionnaire {
        /// The child (by id; see `rapport students`).
        #[arg(long, value_name = "ID")]
        student: Id,
        /// Only this guardian (by id).
        #[arg(long, value_name = "ID")]
        guardian: Option<Id>,
        #[command(flatten)]
        output: Output,
    },
    /// The introduction letter, merged for a child's family or for every family of a class.
    Letter {
        #[command(flatten)]
        who: StudentOrClass,
        #[command(flatten)]
        output: Output,
    },
    /// The conference schedule sheet and a reminder slip per family.
    Schedule {
        /// The class (by id).
        #[arg(long, value_name = "ID")]
        class: Id,
        /// Leave out conferences before this day (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<NaiveDate>,
        #[command(flatten)]
        output: Output,
    },
    /// A good-news note home in the family's language: for one praise entry (--praise), or for
    /// every praise waiting for a positive call in a class (--class), two to a page.
    GoodNews {
        /// The praise entry (by id; see `rapport search` or the window).
        #[arg(
            long,
            value_name = "ID",
            conflicts_with = "class",
            required_unless_present = "class"
        )]
        praise: Option<Id>,
        /// Every praise queued for a call in this class.
        #[arg(long, value_name = "ID")]
        class: Option<Id>,
        #[command(flatten)]
        output: Output,
    },
}

/// Writes a printed document where the teacher asked, and says what happened.
fn write_printed(printed: &packet::Printed, out: &std::path::Path) -> Result<(), Error> {
    files::write_atomically(out, &printed.bytes)?;
    if !printed.missing_characters.is_empty() {
        let missing: String = printed.missing_characters.iter().collect();
        eprintln!(
            "rapport: warning: no embedded font has these characters, so they are left out: {missing}"
        );
    }
    eprintln!(
        "Wrote {} ({} KB).",
        out.display(),
        printed.bytes.len().div_ceil(1024)
    );
    Ok(())
}

impl Command {
    /// Whether the command changes the record (or swaps its file): such a command takes the
    /// record for its whole run, and is refused while the app has it open. Reading ones never wait.
    fn writes(&self) -> bool {
        matches!(
            self,
            Command::Restore { .. }
                | Command::Protection(_)
                | Command::ImportJson { .. }
                | Command::Demo { .. }
                | Command::Import { dry_run: false, .. }
                | Command::Sync { status: false, .. }
                | Command::Receive { dry_run: false, .. }
                | Command::LanguagePack(LanguagePackCommand::Import { dry_run: false, .. })
        )
    }
}

/// Says that children removed for good were cleared again from what was put in place.
fn say_removed_again(count: usize) {
    match count {
        0 => {}
        1 => say!("1 child removed for good after that copy was made was removed again."),
        n => say!("{n} children removed for good after that copy was made were removed again."),
    }
}

fn parse_names(word: &str) -> Result<CalendarNames, String> {
    CalendarNames::parse(&word.to_ascii_lowercase().replace('-', "_")).ok_or_else(|| {
        format!("“{word}” is not a way to name children: use full, first_initial or initials")
    })
}

fn parse_paper(word: &str) -> Result<Paper, String> {
    Paper::parse(&word.to_ascii_lowercase())
        .ok_or_else(|| format!("“{word}” is not a paper size: use letter or a4"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Error::Rejected(problems)) => {
            // Every problem, where the window's message stops at the first twenty.
            eprintln!(
                "rapport: {}",
                rapport::error::rejection(&problems, usize::MAX)
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("rapport: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let path = cli
        .db
        .or_else(paths::default_db_path)
        .ok_or(Error::NoDataFolder)?;
    let _owner = match cli.command.writes() {
        true => Some(RecordLock::acquire(&path)?),
        false => None,
    };
    // A restore swaps the file: it runs before the record is opened.
    if let Command::Restore { file } = &cli.command {
        restore(&path, file, &cli.secrets)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Protecting opens the record itself (or only its key file).
    if let Command::Protection(command) = cli.command {
        protection::run(command, &path, &cli.secrets)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut store = cli.secrets.open(&path)?;
    let today = || Local::now().date_naive();
    match cli.command {
        Command::Restore { .. } | Command::Protection(_) => {
            unreachable!("done above, before the record was opened")
        }
        Command::Backup { out } => back_up(&store, &path, out)?,
        Command::Backups { json } => list_backups(&path, json)?,
        Command::Import {
            path: roster,
            class,
            dry_run,
        } => import_roster(&mut store, &roster, class.as_deref(), dry_run)?,
        Command::RosterTemplate { out } => {
            files::write_atomically(&out, rapport::roster::TEMPLATE.as_bytes())?;
            say!("Wrote the roster template to {}.", out.display());
        }
        Command::ImportJson { file } => import_json(&mut store, &path, &file)?,
        Command::ExportJson { out } => export_json(&store, out)?,
        Command::Demo {
            today: on,
            students,
            years,
        } => load_demo(&mut store, &path, on.unwrap_or_else(today), students, years)?,
        Command::Check { json } => return check(&store, json),
        Command::Today { class, date, json } => {
            let report = uses::today(&store, class, date.unwrap_or_else(today))?;
            match json {
                true => say!("{}", to_json(&report)?),
                false => print_today(&report),
            }
        }
        Command::Packet { who, date, output } => {
            let document = match (who.student, who.class) {
                (Some(student), _) => Document::Packet(student),
                (None, Some(class)) => Document::ClassPackets(class),
                (None, None) => return Err(Error::NotFound("A student or a class")),
            };
            print(&store, document, &output, date.unwrap_or_else(today))?;
        }
        Command::Handout { handout } => {
            let (document, output) = handout.document()?;
            print(&store, document, &output, today())?;
        }
        Command::Students { class, json } => list_students(&store, class, json)?,
        Command::Report {
            report:
                ReportKind::Contacts {
                    who,
                    from,
                    to,
                    include_private,
                    out,
                },
        } => {
            let of = match (who.student, who.class) {
                (Some(student), _) => uses::LogOf::Student(student),
                (None, Some(class)) => uses::LogOf::Class(class),
                (None, None) => return Err(Error::NotFound("A student or a class")),
            };
            let log = uses::contact_log(&store, of, from, to, include_private)?;
            let csv = out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            let bytes = uses::contact_log_file(&store, &log, csv, chrono::Utc::now())?;
            files::write_atomically(&out, &bytes)?;
            let entries: usize = log
                .children
                .iter()
                .map(|c| c.contacts.len() + c.concerns.len())
                .sum();
            say!(
                "Wrote {} ({entries} entries, {}).",
                out.display(),
                log.period()
            );
        }
        Command::Search { text, limit, json } => {
            let hits = store.search(&text, limit)?;
            match json {
                true => say!("{}", to_json(&hits)?),
                false if hits.is_empty() => say!("Nothing found for “{text}”."),
                false => {
                    for hit in hits {
                        let who = hit.student.unwrap_or_default();
                        say!("{who} · {} · {}", hit.kind.replace('_', " "), hit.snippet);
                    }
                }
            }
        }
        Command::Handoff {
            students,
            class,
            out,
        } => handoff::send(&store, students, class, &out)?,
        Command::Receive {
            file,
            class,
            dry_run,
        } => handoff::receive(&mut store, &file, class, dry_run)?,
        Command::LanguagePack(LanguagePackCommand::Export { language, out }) => {
            language_pack::export(&store, &language, &out)?
        }
        Command::LanguagePack(LanguagePackCommand::Import { file, dry_run }) => {
            language_pack::import(&mut store, &file, dry_run)?
        }
        Command::Calendar { out, names } => {
            let (text, events) = uses::calendar(&store, names, chrono::Utc::now())?;
            files::write_atomically(&out, text.as_bytes())?;
            say!("Wrote {} ({events} events).", out.display());
        }
        Command::Sync { status: true, .. } => return sync::status(&store, &path),
        Command::Sync { dir, .. } => return sync::run(&mut store, dir, &cli.secrets),
    }
    Ok(ExitCode::SUCCESS)
}

impl HandoutKind {
    /// The document a handout command asks for, and where it goes.
    fn document(self) -> Result<(Document, Output), Error> {
        Ok(match self {
            HandoutKind::Questionnaire {
                student,
                guardian,
                output,
            } => (Document::Questionnaire { student, guardian }, output),
            HandoutKind::Letter { who, output } => match (who.student, who.class) {
                (Some(student), _) => (Document::Letter(student), output),
                (None, Some(class)) => (Document::ClassLetters(class), output),
                (None, None) => return Err(Error::NotFound("A student or a class")),
            },
            HandoutKind::Schedule {
                class,
                from,
                output,
            } => (Document::Schedule { class, from }, output),
            HandoutKind::GoodNews {
                praise,
                class,
                output,
            } => match (praise, class) {
                (Some(praise), _) => (Document::GoodNews(praise), output),
                (None, Some(class)) => (Document::ClassGoodNews(class), output),
                (None, None) => return Err(Error::NotFound("A praise entry or a class")),
            },
        })
    }
}

/// Lays a document out (on the paper asked for, else the one in Settings) and writes it.
fn print(
    store: &Store,
    document: Document,
    output: &Output,
    today: NaiveDate,
) -> Result<(), Error> {
    let printed = uses::print(store, document, output.paper, today, chrono::Utc::now())?;
    write_printed(&printed.printed, &output.out)
}

/// Restores `file` into the record: a plain or protected record's own backup, or a protected copy
/// with its key file beside it (from another computer), opened with its passphrase.
fn restore(path: &Path, file: &Path, secrets: &protection::Secrets) -> Result<(), Error> {
    let now = chrono::Utc::now();
    let (restored, key) = match secrets.key(path)? {
        Some(key) => (backup::restore(path, file, Some(&key), now)?, Some(key)),
        None => match secrets.key(file)? {
            Some(key) => (
                backup::restore_protected_copy(path, file, &key, now)?,
                Some(key),
            ),
            None => (backup::restore(path, file, None, now)?, None),
        },
    };
    let checked = backup::check_file(path, key.as_ref())?;
    say!(
        "Restored {} ({} students) into {}.",
        file.display(),
        checked.students,
        path.display()
    );
    if let Some(kept) = restored.kept {
        say!("The record as it was is kept in {}.", kept.path.display());
    }
    say_removed_again(restored.removed_again);
    Ok(())
}

fn back_up(store: &Store, path: &Path, out: Option<PathBuf>) -> Result<(), Error> {
    let started = std::time::Instant::now();
    let (written, bytes) = match out {
        Some(out) => {
            let bytes = store.back_up_to(&out)?;
            (out, bytes)
        }
        None => {
            let dir = backup::backups_dir(path);
            match backup::automatic(store, &dir, chrono::Utc::now())? {
                Some(taken) => (taken.path, taken.bytes),
                None => {
                    say!(
                        "Nothing changed since the newest backup in {}; no new copy was needed.",
                        dir.display()
                    );
                    return Ok(());
                }
            }
        }
    };
    say!(
        "Backed up to {} ({} KB in {} ms{}).",
        written.display(),
        bytes.div_ceil(1024),
        started.elapsed().as_millis(),
        if store.is_protected() {
            "; protected by the record's passphrase"
        } else {
            ""
        }
    );
    Ok(())
}

fn list_backups(path: &Path, json: bool) -> Result<(), Error> {
    let list = backup::list(&backup::backups_dir(path))?;
    if json {
        say!("{}", to_json(&list)?);
        return Ok(());
    }
    if list.is_empty() {
        say!("No backups yet. `rapport backup` takes one.");
    }
    for b in &list {
        let kind = match b.kind {
            backup::BackupKind::Automatic => "",
            backup::BackupKind::BeforeRestore => "  (the record before a restore)",
        };
        say!(
            "{}  {:>8} KB  {}{kind}",
            b.taken_at.with_timezone(&Local).format("%Y-%m-%d %H:%M"),
            b.bytes.div_ceil(1024),
            b.path.display()
        );
    }
    Ok(())
}

fn import_roster(
    store: &mut Store,
    roster_path: &Path,
    class: Option<&str>,
    dry_run: bool,
) -> Result<(), Error> {
    let roster = rapport::roster::read(roster_path, class)?;
    let started = std::time::Instant::now();
    let report = uses::import_roster(store, &roster, class, Local::now().date_naive(), dry_run)?;
    let (verb_add, verb_update) = match dry_run {
        true => ("Would add", "Would update"),
        false => ("Added", "Updated"),
    };
    if dry_run {
        say!("Preview only: nothing was written.");
    }
    say!(
        "Class “{}”{}.",
        report.class_name,
        if report.class_created { " (new)" } else { "" }
    );
    for (verb, names) in [(verb_add, &report.added), (verb_update, &report.updated)] {
        match names.len() {
            0 => say!("{verb} no children."),
            n => say!("{verb} {n} children: {}", names.join(", ")),
        }
    }
    say!("Unchanged: {} children.", report.unchanged.len());
    say!(
        "Guardians: {} new, {} updated. ({} ms)",
        report.guardians_added,
        report.guardians_updated,
        started.elapsed().as_millis()
    );
    Ok(())
}

fn import_json(store: &mut Store, path: &Path, file: &Path) -> Result<(), Error> {
    let export = read_export(file)?;
    let imported = store.import_export(&export)?;
    say!(
        "Read {}: {} classes, {} students, {} guardians and {} contacts, into {}.",
        file.display(),
        imported.classes,
        imported.students,
        imported.guardians,
        imported.contacts,
        path.display()
    );
    say_removed_again(imported.removed_again);
    Ok(())
}

fn export_json(store: &Store, out: Option<PathBuf>) -> Result<(), Error> {
    let json = to_json(&store.export()?)? + "\n";
    if store.is_protected() {
        eprintln!(
            "rapport: warning: the export is not protected by the passphrase: anyone who can read \
             it can read every child's notes. Keep it safe, and delete it once it has done its job."
        );
    }
    match out {
        Some(out) => {
            files::write_atomically(&out, json.as_bytes())?;
            eprintln!("Wrote the whole record to {}.", out.display());
        }
        None => say!("{}", json.trim_end()),
    }
    Ok(())
}

fn load_demo(
    store: &mut Store,
    path: &Path,
    today: NaiveDate,
    students: Option<usize>,
    years: Option<usize>,
) -> Result<(), Error> {
    if students.is_none() && years.is_none() {
        let summary = demo::load_demo_class(store, today)?;
        say!(
            "Added the demo class “{}”: {} students and {} guardians, in {}.",
            demo::CLASS_NAME,
            summary.students,
            summary.guardians,
            path.display()
        );
        return Ok(());
    }
    let (students, years) = (students.unwrap_or(30), years.unwrap_or(1));
    let summary = demo::load_large_record(store, today, students, years)?;
    say!(
        "Added a demo record of {years} school years with {students} students each \
         ({} students and {} guardians in all), in {}.",
        summary.students,
        summary.guardians,
        path.display()
    );
    Ok(())
}

/// Says whether the record is healthy; exits with failure when it is not.
fn check(store: &Store, json: bool) -> Result<ExitCode, Error> {
    let health = store.check()?;
    if json {
        say!("{}", to_json(&health)?);
    } else {
        say!("record:          {}", health.path.display());
        say!(
            "schema version:  {} (this build writes {})",
            health.schema_version,
            rapport::store::SCHEMA_VERSION
        );
        say!("integrity:       {}", health.integrity.join("; "));
        say!("foreign keys:    {} problems", health.foreign_key_problems);
        say!(
            "holds:           {} classes, {} students, {} guardians",
            health.classes,
            health.students,
            health.guardians
        );
    }
    if !health.is_healthy() {
        eprintln!("rapport: the record is damaged; restore it from a backup.");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn list_students(store: &Store, class: Option<Id>, json: bool) -> Result<(), Error> {
    let classes = match class {
        Some(id) => vec![store.class(id)?],
        None => store.classes()?,
    };
    let mut listing = Vec::new();
    for class in classes {
        let students = store.students(class.id)?;
        listing.push((class, students));
    }
    if json {
        let value: Vec<_> = listing
            .iter()
            .map(|(class, students)| serde_json::json!({ "class": class, "students": students }))
            .collect();
        say!("{}", to_json(&value)?);
        return Ok(());
    }
    if listing.is_empty() {
        say!("No classes yet. Add one in the app, or try `rapport demo`.");
    }
    for (class, students) in &listing {
        say!(
            "{} (class {}): {} students",
            class.details.name,
            class.id,
            students.len()
        );
        for s in students {
            say!(
                "  {}  {:<32}  {}",
                s.id,
                s.display_name,
                s.guardian_names.join(", ")
            );
        }
    }
    Ok(())
}

fn print_today(report: &insights::TodayReport) {
    let first = &report.call_first;
    if !first.children.is_empty() {
        say!("Call first ({})", first.children.len());
        for row in &first.children {
            let reasons: Vec<&str> = row.reasons.iter().map(|r| r.phrase.as_str()).collect();
            say!("  {:<28}  {}", row.display_name, reasons.join("; "));
        }
        if first.more > 0 {
            say!("  and {} more in the lists below", first.more);
        }
        say!();
    }
    let sections = [
        ("Follow-ups due", &report.follow_ups),
        ("Good news to call home about", &report.praise_to_call),
        (
            "Concerns not yet talked through with the family",
            &report.concerns_without_call,
        ),
        ("Families not reached lately", &report.quiet_families),
        (
            "No positive news this month",
            &report.no_positive_this_month,
        ),
        ("Goals to check in on", &report.goals_to_check),
        ("Goals due soon", &report.goals_due_soon),
    ];
    for (title, items) in sections {
        if items.is_empty() {
            continue;
        }
        say!("{title} ({})", items.len());
        for item in items {
            say!("  {:<28}  {}", item.display_name, item.detail);
        }
        say!();
    }
    let b = report.balance;
    say!(
        "Positive / concern contacts: last 30 days {} / {}, this year {} / {}",
        b.last_30_days.positive,
        b.last_30_days.concern,
        b.this_year.positive,
        b.this_year.concern
    );
}

/// An export file, refused with a clear message when it is too big or not an export.
fn read_export(file: &std::path::Path) -> Result<rapport::store::export::Export, Error> {
    let size = std::fs::metadata(file)
        .map_err(|e| Error::io(format!("Could not read {}", file.display()), e))?
        .len();
    if size > rapport::validate::MAX_IMPORT_BYTES {
        return Err(Error::BadFile(format!(
            "{} is {} MB, more than any record Rapport reads ({} MB). Nothing was changed.",
            file.display(),
            size / (1024 * 1024),
            rapport::validate::MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(file)
        .map_err(|e| Error::io(format!("Could not read {}", file.display()), e))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        Error::BadFile(format!(
            "{} is not a Rapport export ({e}). Nothing was changed.",
            file.display()
        ))
    })
}

fn to_json(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::Internal(format!("the JSON could not be written: {e}")))
}
