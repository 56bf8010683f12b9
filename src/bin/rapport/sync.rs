//! `rapport sync`: two computers, one record, through a folder.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Utc;
use rapport::error::Error;
use rapport::store::sync::{SyncReport, SyncStatus};
use rapport::{protect, uses, Store};

use super::protection::Secrets;

/// Syncs the record through `dir` (or the folder it remembers), starting the sync or opening
/// the folder's record the first time. Exit 0 when it synced.
pub fn run(store: &mut Store, dir: Option<PathBuf>, secrets: &Secrets) -> Result<ExitCode, Error> {
    let now = Utc::now();
    let report = match (store.syncs()?, dir) {
        (false, None) => {
            return Err(Error::Sync(
                "This record does not sync yet: give the sync folder, `rapport sync DIR`.".into(),
            ))
        }
        (false, Some(dir)) if store.is_empty_record()? => {
            let first = rapport::sync::first_copy_path(&dir);
            let passphrase = match first.exists() && protect::is_protected(&first)? {
                true => Some(secrets.passphrase(&first)?),
                false => None,
            };
            let report = uses::open_from_sync_folder(
                store,
                &dir,
                passphrase.as_deref().map(|p| p.as_str()),
                now,
            )?;
            say!(
                "Opened the record shared through {}; this computer syncs with it now.",
                dir.display()
            );
            report
        }
        (false, Some(dir)) => {
            store.start_sync(&dir, now)?;
            let size =
                std::fs::metadata(rapport::sync::first_copy_path(&dir)).map_or(0, |m| m.len());
            say!(
                "This record syncs through {} now: its first full copy is there ({} KB). On the \
                 other computer, run `rapport sync {}` on a new record, or choose \"Open a record \
                 from another computer\" on its welcome screen.",
                dir.display(),
                size.div_ceil(1024),
                dir.display()
            );
            store.sync(now)?
        }
        (true, dir) => {
            if let Some(dir) = dir {
                store.move_sync_folder(&dir)?;
            }
            store.sync(now)?
        }
    };
    Ok(print_report(&report))
}

fn print_report(report: &SyncReport) -> ExitCode {
    if !report.folder_found {
        eprintln!(
            "rapport: the sync folder {} is not there (a USB stick not plugged in?). Nothing is \
             lost: {} waiting here until it is.",
            report.folder.display(),
            changes(report.waiting)
        );
        return ExitCode::FAILURE;
    }
    say!(
        "Synced through {}: {} sent, {} received.",
        report.folder.display(),
        changes(report.sent),
        changes(report.received)
    );
    for conflict in &report.conflicts {
        say!("{}", describe(conflict));
    }
    for refused in &report.refused {
        eprintln!("rapport: {refused}");
    }
    match report.refused.is_empty() {
        true => ExitCode::SUCCESS,
        false => ExitCode::FAILURE,
    }
}

/// One conflict as a line: "Changed on both computers: José Núñez — Goal “…”, Target: kept 90
/// (the other computer had 100)."
pub fn describe(conflict: &rapport::store::sync::SyncConflict) -> String {
    let whose = conflict
        .student
        .as_ref()
        .map(|name| format!("{name} — "))
        .unwrap_or_default();
    match conflict.kind.as_str() {
        "edit_over_delete" => format!(
            "Deleted on one computer, changed on the other (kept): {whose}{}.",
            conflict.thing
        ),
        _ => format!(
            "Changed on both computers: {whose}{}, {}: kept “{}” ({} had “{}”).",
            conflict.thing,
            conflict.field,
            conflict.kept,
            if conflict.other_is_theirs {
                "the other computer"
            } else {
                "this computer"
            },
            conflict.other
        ),
    }
}

fn changes(n: usize) -> String {
    match n {
        1 => "1 change".into(),
        n => format!("{n} changes"),
    }
}

/// `rapport sync --status`.
pub fn status(store: &Store, path: &Path) -> Result<ExitCode, Error> {
    let Some(status) = store.sync_status()? else {
        say!("{} does not sync with another computer.", path.display());
        return Ok(ExitCode::SUCCESS);
    };
    print_status(&status);
    for conflict in store.sync_conflicts()? {
        say!("{}", describe(&conflict));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_status(status: &SyncStatus) {
    say!(
        "Syncs through {}{}.",
        status.folder.display(),
        if status.folder_found {
            ""
        } else {
            " (not there now)"
        }
    );
    match status.last_synced_at {
        Some(at) => say!(
            "Last synced {} · {} sent, {} received.",
            at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M"),
            changes(status.last_sent),
            changes(status.last_received)
        ),
        None => say!("Not synced yet."),
    }
    if status.waiting > 0 {
        say!("{} waiting for the folder.", changes(status.waiting));
    }
    if status.open_conflicts > 0 {
        say!(
            "Changed on both computers: {} to look at.",
            status.open_conflicts
        );
    }
}
