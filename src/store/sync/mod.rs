//! Two computers, one record: sync through a folder (see `crate::sync` for its files).
//!
//! Each computer keeps, beside its record, a snapshot of the record as it was at its last sync
//! (`rapport.sqlite3.sync-base`, a `VACUUM INTO` copy, encrypted like the record). A sync:
//!
//! 1. takes the local changes since then as the difference between the record and the snapshot
//!    (SQLite's session extension), stamps them and seals them into the next change file, kept
//!    in the record's outbox until the folder is there;
//! 2. writes the outbox into the folder;
//! 3. applies, in order, every other computer's change files not applied yet, each in one
//!    transaction (`apply.rs` has the rules for conflicts);
//! 4. brings the snapshot up to the record, marking both with the same token.
//!
//! Every step that changes the record changes its token first; a snapshot whose token differs
//! was cut short after such a step, and is brought up to the record when the record is next
//! opened, before anything else can change it.
//!
//! `setup.rs` starts, joins and leaves a sync; `exchange.rs` is one sync; `base.rs` the
//! snapshot; `changes.rs` the session extension's changesets; `apply.rs` the rules for what two
//! computers did; `conflicts.rs` "Changed on both computers"; `tables.rs` what is shared.

mod apply;
mod base;
mod changes;
mod conflicts;
mod exchange;
mod setup;
pub(crate) mod tables;

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::model::Id;
use crate::sync::SyncKey;

pub use conflicts::SyncConflict;
pub use setup::{first_copy, FirstCopy};

/// When and where a value was written: the later stamp wins a field changed on both computers.
/// Stamps are ordered by time, then computer; the sequence number says which change file
/// carried the value, to know whether another computer has seen it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ`: ordered as text.
    at: String,
    computer: String,
    seq: i64,
}

impl PartialOrd for Stamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Stamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.at, &self.computer).cmp(&(&other.at, &other.computer))
    }
}

impl Stamp {
    fn new(at: DateTime<Utc>, computer: Id, seq: u64) -> Stamp {
        Stamp {
            at: at.to_rfc3339_opts(SecondsFormat::Millis, true),
            computer: computer.to_string(),
            seq: seq as i64,
        }
    }

    /// The stamp of a value no sync has carried: older than any other.
    fn origin() -> Stamp {
        Stamp {
            at: String::new(),
            computer: String::new(),
            seq: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConflictKind {
    BothChanged,
    EditOverDelete,
}

impl ConflictKind {
    fn as_str(self) -> &'static str {
        match self {
            ConflictKind::BothChanged => "both_changed",
            ConflictKind::EditOverDelete => "edit_over_delete",
        }
    }
}

fn stamp_of(conn: &Connection, table: &str, key: &str, column: &str) -> Result<Stamp> {
    let found = conn
        .prepare_cached(
            "SELECT at, computer, seq FROM sync_stamp WHERE tbl = ?1 AND pk = ?2 AND col IN (?3, '')
             ORDER BY col DESC LIMIT 1",
        )?
        .query_row(params![table, key, column], |r| {
            Ok(Stamp {
                at: r.get(0)?,
                computer: r.get(1)?,
                seq: r.get(2)?,
            })
        })
        .optional()?;
    Ok(found.unwrap_or_else(Stamp::origin))
}

/// Every stamp of one row (its columns', and its own as a new row).
fn stamps_of_row(conn: &Connection, table: &str, key: &str) -> Result<Vec<Stamp>> {
    let stamps = conn
        .prepare_cached("SELECT at, computer, seq FROM sync_stamp WHERE tbl = ?1 AND pk = ?2")?
        .query_map(params![table, key], |r| {
            Ok(Stamp {
                at: r.get(0)?,
                computer: r.get(1)?,
                seq: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(stamps)
}

fn write_stamp(
    conn: &Connection,
    table: &str,
    key: &str,
    column: &str,
    stamp: &Stamp,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_stamp (tbl, pk, col, at, computer, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (tbl, pk, col) DO UPDATE
         SET at = excluded.at, computer = excluded.computer, seq = excluded.seq",
    )?
    .execute(params![
        table,
        key,
        column,
        stamp.at,
        stamp.computer,
        stamp.seq
    ])?;
    Ok(())
}

/// The snapshot of the record at `db_path` as it was last synced.
pub fn base_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.file_name().unwrap_or_default().to_os_string();
    name.push(".sync-base");
    db_path.with_file_name(name)
}

/// How this record takes part in a sync.
#[derive(Debug, Clone)]
struct State {
    group: Id,
    computer: Id,
    folder: PathBuf,
    encrypted: bool,
    next_seq: u64,
    token: String,
}

/// What the window and `rapport sync --status` show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SyncStatus {
    pub folder: PathBuf,
    /// Whether the folder is there now (a USB stick plugged in).
    pub folder_found: bool,
    pub last_synced_at: Option<DateTime<Utc>>,
    pub last_sent: usize,
    pub last_received: usize,
    /// Changes made here and not yet in the folder.
    pub waiting: usize,
    /// Conflicts the teacher has not looked at yet.
    pub open_conflicts: usize,
    pub encrypted: bool,
}

/// What one sync did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SyncReport {
    pub folder: PathBuf,
    pub folder_found: bool,
    /// Rows added, changed or deleted here and written to the folder by this sync.
    pub sent: usize,
    /// Rows added, changed or deleted by the other computers' files applied.
    pub received: usize,
    /// Changes still waiting for the folder.
    pub waiting: usize,
    /// What this sync could not keep both of.
    pub conflicts: Vec<SyncConflict>,
    /// Files refused (damaged, foreign, from a newer Rapport), each with why; nothing of them
    /// was applied, and the files after them from the same computer wait.
    pub refused: Vec<String>,
    /// Set when another computer runs a newer Rapport: update this one to receive its changes.
    pub update_needed: bool,
    pub at: DateTime<Utc>,
}

impl Store {
    fn sync_state(&self) -> Result<Option<State>> {
        Ok(self
            .conn
            .query_row(
                "SELECT group_id, computer_id, folder, encrypted, next_seq, base_token
                 FROM sync_state",
                [],
                |r| {
                    Ok(State {
                        group: r.get(0)?,
                        computer: r.get(1)?,
                        folder: PathBuf::from(r.get::<_, String>(2)?),
                        encrypted: r.get(3)?,
                        next_seq: r.get::<_, i64>(4)?.max(1) as u64,
                        token: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    fn syncing(&self) -> Result<State> {
        self.sync_state()?.ok_or_else(|| {
            Error::Sync(
                "This record does not sync with another computer. Set it up in Settings → \
                 Another computer (or with `rapport sync DIR`)."
                    .into(),
            )
        })
    }

    /// Whether this record syncs through a folder.
    pub fn syncs(&self) -> Result<bool> {
        Ok(self.sync_state()?.is_some())
    }

    fn sync_key(&self, state: &State) -> Result<Option<SyncKey>> {
        match (state.encrypted, self.key()) {
            (true, Some(key)) => Ok(Some(SyncKey::new(key, state.group))),
            (false, _) => Ok(None),
            (true, None) => Err(Error::Sync(
                "This record's sync was set up while it was protected, and it is not protected \
                 now. Set up the sync again."
                    .into(),
            )),
        }
    }

    pub fn sync_status(&self) -> Result<Option<SyncStatus>> {
        let Some(state) = self.sync_state()? else {
            return Ok(None);
        };
        let (last_synced_at, last_sent, last_received): (Option<DateTime<Utc>>, i64, i64) =
            self.conn.query_row(
                "SELECT last_synced_at, last_sent, last_received FROM sync_state",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
        let waiting: i64 = self.conn.query_row(
            "SELECT coalesce(sum(changes), 0) FROM sync_outbox",
            [],
            |r| r.get(0),
        )?;
        let open_conflicts: i64 = self.conn.query_row(
            "SELECT count(*) FROM sync_conflict WHERE settled = 0",
            [],
            |r| r.get(0),
        )?;
        Ok(Some(SyncStatus {
            folder_found: state.folder.is_dir(),
            folder: state.folder,
            last_synced_at,
            last_sent: last_sent as usize,
            last_received: last_received as usize,
            waiting: waiting as usize,
            open_conflicts: open_conflicts as usize,
            encrypted: state.encrypted,
        }))
    }
}
