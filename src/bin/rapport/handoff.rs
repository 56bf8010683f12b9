//! `rapport handoff` and `rapport receive`: children handed over to next year's teacher.

use std::io::IsTerminal;
use std::path::Path;

use chrono::Local;
use rapport::model::Id;
use rapport::store::handoff::Received;
use rapport::uses::{self, HandOver};
use rapport::{files, Error, Store};
use zeroize::Zeroizing;

/// The variable a script sets to give a handoff file's one-time passphrase.
const PASSPHRASE_ENV: &str = "RAPPORT_HANDOFF_PASSPHRASE";

/// Writes the handoff file of the children asked for, and prints its one-time passphrase when
/// the record is protected.
pub fn send(store: &Store, students: Vec<Id>, class: Option<Id>, out: &Path) -> Result<(), Error> {
    let children = match class {
        Some(class) => HandOver::Class(class),
        None => HandOver::Students(students),
    };
    let file = uses::handoff_file(store, &children, Local::now().date_naive())?;
    files::write_atomically(out, &file.bytes)?;
    say!(
        "Wrote {} ({} {}, {} KB). No private note is in it.",
        out.display(),
        file.children,
        if file.children == 1 {
            "child"
        } else {
            "children"
        },
        file.bytes.len().div_ceil(1024)
    );
    if let Some(passphrase) = &file.passphrase {
        say!(
            "The file is encrypted. Its one-time passphrase, to give the receiving teacher another \
             way than the file (on paper, or read out):\n\n    {}\n",
            passphrase.text()
        );
    }
    Ok(())
}

/// Reads a handoff file into a class (the current one by default), or with `dry_run` says what it
/// would do.
pub fn receive(
    store: &mut Store,
    file: &Path,
    class: Option<Id>,
    dry_run: bool,
) -> Result<(), Error> {
    let passphrase = match uses::handoff_is_encrypted(file)? {
        true => Some(one_time_passphrase()?),
        false => None,
    };
    let handoff = uses::read_handoff(file, passphrase.as_deref().map(|p| p.as_str()))?;
    let class_id = class
        .or(store.settings()?.current_class_id)
        .ok_or(Error::NotFound("A class"))?;
    let received = store.receive_handoff(&handoff, class_id, dry_run)?;
    print(
        &received,
        store.class(class_id)?.details.name.as_str(),
        dry_run,
    );
    Ok(())
}

fn one_time_passphrase() -> Result<Zeroizing<String>, Error> {
    if let Ok(text) = std::env::var(PASSPHRASE_ENV) {
        return Ok(Zeroizing::new(text));
    }
    if std::io::stdin().is_terminal() {
        return super::protection::ask("The handoff file's one-time passphrase: ");
    }
    Err(Error::Conflict(format!(
        "This handoff file is encrypted. Give its one-time passphrase in {PASSPHRASE_ENV}, or run \
         rapport in a terminal to be asked. Nothing was changed."
    )))
}

fn print(received: &Received, class: &str, dry_run: bool) {
    let from = match (received.teacher.trim(), received.school.trim()) {
        ("", "") => String::new(),
        (teacher, "") => format!(" from {teacher}"),
        ("", school) => format!(" from {school}"),
        (teacher, school) => format!(" from {teacher}, {school}"),
    };
    say!(
        "{} {} {}{from} (made {}) into {class}:",
        if dry_run { "Would read" } else { "Read" },
        received.children.len(),
        if received.children.len() == 1 {
            "child"
        } else {
            "children"
        },
        received.made_on
    );
    for child in &received.children {
        let how = match (&child.matched, &child.school_student_id) {
            (Some(_), Some(id)) => format!("already in the class (school id {id})"),
            (None, Some(id)) => format!("new to the class (school id {id})"),
            _ => "new to the class (no school id to match)".to_string(),
        };
        say!(
            "  {} — {how}: {}, {}, {} ({}, {} at home), {} about what works{}",
            child.name,
            count(child.guardians, "guardian"),
            count(child.answers, "answer"),
            count(child.goals, "goal"),
            count(child.check_ins, "check-in"),
            child.at_home,
            child.what_works,
            match child.already_here {
                0 => String::new(),
                n => format!("; {n} already here, left as they are"),
            }
        );
    }
    if received.questions_added > 0 {
        say!(
            "{} of the other teacher's questions were added to the question bank, retired, so \
             their answers show on the children's pages.",
            received.questions_added
        );
    }
    if dry_run {
        say!("Nothing was changed (--dry-run).");
    }
}

/// "1 goal", "2 goals".
fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}
