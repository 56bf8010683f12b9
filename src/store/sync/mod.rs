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

mod apply;
mod changes;
mod conflicts;
pub(crate) mod tables;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::session::{ConflictAction, ConflictType};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::model::Id;
use crate::protect::{self, DataKey};
use crate::sync::{self as files, Body, Header, RemovedIds, SyncKey, FORMAT_VERSION};
use tables::Tables;

pub use conflicts::SyncConflict;

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

    /// Starts syncing this record through `folder`: writes its first full copy there (with its
    /// key file when protected), for the other computer to open.
    pub fn start_sync(&mut self, folder: &Path, now: DateTime<Utc>) -> Result<SyncStatus> {
        if let Some(state) = self.sync_state()? {
            return Err(Error::Sync(format!(
                "This record already syncs through {}.",
                state.folder.display()
            )));
        }
        if !folder.is_dir() {
            return Err(folder_missing(folder));
        }
        if files::first_copy_path(folder).exists() || !files::list_change_files(folder)?.is_empty()
        {
            return Err(Error::Sync(format!(
                "{} already holds a record's sync files. Choose an empty folder, or open that \
                 record on this computer with \"Open a record from another computer\".",
                folder.display()
            )));
        }
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        let encrypted = self.is_protected();
        self.conn.execute(
            "INSERT INTO sync_state (only, group_id, computer_id, folder, encrypted, base_token)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)",
            params![
                Id::new(),
                Id::new(),
                folder.to_string_lossy(),
                encrypted,
                Id::new().to_string()
            ],
        )?;
        let written = self
            .write_first_copy(&folder)
            .and_then(|()| self.take_base());
        if let Err(error) = written {
            let _ = self.forget_sync();
            let _ = std::fs::remove_file(files::first_copy_path(&folder));
            return Err(error);
        }
        let _ = now;
        self.sync_status()?
            .ok_or_else(|| Error::Internal("the sync was not set up".into()))
    }

    fn write_first_copy(&self, folder: &Path) -> Result<()> {
        let target = files::first_copy_path(folder);
        let partial = folder.join(format!(".{}.partial", files::FIRST_COPY));
        let _ = std::fs::remove_file(&partial);
        self.copy_into(&partial)?;
        if self.is_protected() {
            let key_file = std::fs::read(protect::key_path(self.path()))
                .map_err(|e| Error::io("Could not read the record's key file", e))?;
            crate::files::write_atomically(&protect::key_path(&target), &key_file)?;
        }
        private(&partial);
        std::fs::rename(&partial, &target).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            Error::io(format!("Could not write {}", target.display()), e)
        })
    }

    /// Takes a new snapshot of the record as it is now (the start of a sync, or one lost).
    fn take_base(&self) -> Result<()> {
        let base = base_path(self.path());
        let partial = base.with_extension("sync-base.partial");
        let _ = std::fs::remove_file(&partial);
        self.copy_into(&partial)?;
        private(&partial);
        std::fs::rename(&partial, &base)
            .map_err(|e| Error::io(format!("Could not write {}", base.display()), e))
    }

    /// Stops syncing: this record keeps everything, and forgets the folder and its snapshot.
    /// Done to a copy put in the record's place (a restore), and when the protection changes.
    pub fn forget_sync(&mut self) -> Result<()> {
        self.atomically(|store| {
            for table in tables::LOCAL.iter().filter(|t| t.starts_with("sync_")) {
                store.conn.execute(&format!("DELETE FROM {table}"), [])?;
            }
            Ok(())
        })?;
        let _ = std::fs::remove_file(base_path(self.path()));
        Ok(())
    }

    /// This record (just put in place from a sync folder's first copy) becomes another computer
    /// of that sync: its own id, nothing of the first computer's waiting changes.
    pub fn join_sync(&mut self, folder: &Path, group: Id, first: Id) -> Result<()> {
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        let encrypted = self.is_protected();
        self.atomically(|store| {
            store.conn.execute_batch(
                "DELETE FROM sync_state; DELETE FROM sync_peer; DELETE FROM sync_outbox;
                 DELETE FROM sync_conflict;",
            )?;
            store.conn.execute(
                "INSERT INTO sync_state (only, group_id, computer_id, folder, encrypted, base_token)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                params![group, Id::new(), folder.to_string_lossy(), encrypted, Id::new().to_string()],
            )?;
            store.conn.execute(
                "INSERT INTO sync_peer (computer_id, applied_seq) VALUES (?1, 0)",
                [first],
            )?;
            Ok(())
        })?;
        self.take_base()
    }

    /// Syncs through `folder` from now on: the same sync folder seen at another place (a USB
    /// stick mounted under another name). Refused when it holds another record's sync.
    pub fn move_sync_folder(&mut self, folder: &Path) -> Result<()> {
        let state = self.syncing()?;
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        if folder == state.folder {
            return Ok(());
        }
        let data_key = self.key_copy();
        let (group, _) = first_copy_ids(&folder, data_key.as_ref()).map_err(|_| {
            Error::Sync(format!(
                "{} is not this record's sync folder (it syncs through {}).",
                folder.display(),
                state.folder.display()
            ))
        })?;
        if group != state.group {
            return Err(Error::Sync(format!(
                "{} holds another record's sync; this record syncs through {}.",
                folder.display(),
                state.folder.display()
            )));
        }
        self.conn.execute(
            "UPDATE sync_state SET folder = ?1",
            [folder.to_string_lossy()],
        )?;
        Ok(())
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

    /// Syncs now: sends this computer's changes, receives the others'. A folder not there now
    /// loses nothing: the changes wait in the record.
    pub fn sync(&mut self, now: DateTime<Utc>) -> Result<SyncReport> {
        let state = self.syncing()?;
        let key = self.sync_key(&state)?;
        let tables = Tables::read(&self.conn)?;
        self.bring_base_up(&state)?;
        let sent = self.stage_local_changes(&state, key.as_ref(), &tables, now)?;
        let mut report = SyncReport {
            folder: state.folder.clone(),
            folder_found: state.folder.is_dir(),
            sent: 0,
            received: 0,
            waiting: 0,
            conflicts: Vec::new(),
            refused: Vec::new(),
            update_needed: false,
            at: now,
        };
        let mut conflict_ids = Vec::new();
        if report.folder_found {
            report.sent = self.deliver_outbox(&state.folder)?;
            let received = self.receive(&state, key.as_ref(), &tables, now, &mut report)?;
            report.received = received.0;
            conflict_ids = received.1;
        }
        self.bring_base_up(&self.syncing()?)?;
        report.waiting = self.sync_status()?.map(|s| s.waiting).unwrap_or(0);
        let _ = sent;
        self.conn.execute(
            "UPDATE sync_state SET last_synced_at = coalesce(?1, last_synced_at),
                 last_sent = ?2, last_received = ?3",
            params![
                report.folder_found.then_some(now),
                report.sent as i64,
                report.received as i64
            ],
        )?;
        report.conflicts = self.sync_conflicts_by_id(&conflict_ids)?;
        Ok(report)
    }

    /// Seals the changes made here since the last sync into the outbox. Returns how many.
    fn stage_local_changes(
        &mut self,
        state: &State,
        key: Option<&SyncKey>,
        tables: &Tables,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        let base = base_path(self.path());
        let data_key = self.key_copy();
        let changeset = changes::diff(&self.conn, &base, data_key.as_ref())?;
        let decoded = changes::decode(&changeset, "this computer's changes")?;
        if decoded.is_empty() {
            return Ok(0);
        }
        let stamp = Stamp::new(now, state.computer, state.next_seq);
        let revive = changes::rows_to_revive(&self.conn, tables, &decoded)?;
        let removals = crate::removals::read(self.path())?
            .removals()
            .iter()
            .map(|r| RemovedIds {
                at: r.at,
                students: r.students.clone(),
                guardians: r.guardians.clone(),
            })
            .collect();
        let seen = self
            .conn
            .prepare("SELECT computer_id, applied_seq FROM sync_peer ORDER BY computer_id")?
            .query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<rusqlite::Result<_>>()?;
        let header = Header {
            format: FORMAT_VERSION,
            group: state.group,
            computer: state.computer,
            seq: state.next_seq,
            seen,
            schema_version: self.schema_version()?,
            made_at: now,
            changes: decoded.len() as u64,
            encrypted: state.encrypted,
        };
        let body = Body {
            changeset,
            revive,
            removals,
        };
        let sealed = crate::sync::seal_file(&header, &body, key)?;
        self.atomically(|store| {
            for change in &decoded {
                let Some(table) = tables.get(&change.table) else {
                    continue;
                };
                let row = table.key_text(&change.key(table));
                match change.op {
                    changes::Op::Delete => {
                        store.conn.execute(
                            "DELETE FROM sync_stamp WHERE tbl = ?1 AND pk = ?2",
                            params![table.name, row],
                        )?;
                    }
                    changes::Op::Insert => {
                        write_stamp(&store.conn, &table.name, &row, "", &stamp)?;
                    }
                    changes::Op::Update => {
                        for (i, new) in change.new.iter().enumerate() {
                            if new.is_some() && !table.key.contains(&i) {
                                write_stamp(
                                    &store.conn,
                                    &table.name,
                                    &row,
                                    &table.columns[i],
                                    &stamp,
                                )?;
                            }
                        }
                    }
                }
            }
            store.conn.execute(
                "INSERT INTO sync_outbox (seq, changes, file) VALUES (?1, ?2, ?3)",
                params![header.seq as i64, decoded.len() as i64, sealed],
            )?;
            store.conn.execute(
                "UPDATE sync_state SET next_seq = next_seq + 1, base_token = ?1",
                [Id::new().to_string()],
            )?;
            Ok(())
        })?;
        Ok(decoded.len())
    }

    /// Writes every waiting change file into the folder. Returns how many changes went.
    fn deliver_outbox(&mut self, folder: &Path) -> Result<usize> {
        let state = self.syncing()?;
        let waiting: Vec<(i64, i64, Vec<u8>)> = self
            .conn
            .prepare("SELECT seq, changes, file FROM sync_outbox ORDER BY seq")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut sent = 0;
        for (seq, count, file) in waiting {
            let name = files::change_file_name(state.computer, seq as u64);
            crate::files::write_atomically(&folder.join(name), &file)
                .map_err(|e| Error::Sync(format!("The change file could not be written to the sync folder ({e}); the changes wait here.")))?;
            self.conn
                .execute("DELETE FROM sync_outbox WHERE seq = ?1", [seq])?;
            sent += count as usize;
        }
        Ok(sent)
    }

    /// Applies every other computer's change files not applied yet, each after every file its
    /// computer had applied when it wrote it (so a deletion is never applied before the edit it
    /// was made after). A file not in the folder yet (a cloud client still copying) holds back
    /// its computer's later files, and those that follow them.
    fn receive(
        &mut self,
        state: &State,
        key: Option<&SyncKey>,
        tables: &Tables,
        now: DateTime<Utc>,
        report: &mut SyncReport,
    ) -> Result<(usize, Vec<Id>)> {
        let names = files::list_change_files(&state.folder)?;
        let mut applied: HashMap<Id, u64> = self
            .conn
            .prepare("SELECT computer_id, applied_seq FROM sync_peer")?
            .query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<rusqlite::Result<_>>()?;
        let present: HashSet<(Id, u64)> = names.iter().map(|n| (n.computer, n.seq)).collect();
        let mut computers: Vec<Id> = names.iter().map(|n| n.computer).collect();
        computers.dedup();
        computers.retain(|c| *c != state.computer);
        let schema = self.schema_version()?;
        let mut stopped: HashSet<Id> = HashSet::new();
        let mut opened: HashMap<Id, (Header, Body)> = HashMap::new();
        let mut received = 0;
        let mut conflict_ids = Vec::new();
        loop {
            let mut progress = false;
            for &computer in &computers {
                if stopped.contains(&computer) {
                    continue;
                }
                let next = applied.get(&computer).copied().unwrap_or(0) + 1;
                if !present.contains(&(computer, next)) {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(slot) = opened.entry(computer) {
                    let name = files::ChangeFileName {
                        computer,
                        seq: next,
                    };
                    match self.open_incoming(state, name, key, schema) {
                        Ok(file) => {
                            slot.insert(file);
                        }
                        Err(error) => {
                            report.update_needed |= matches!(error, Error::UpdateNeeded(_));
                            report.refused.push(error.to_string());
                            stopped.insert(computer);
                            continue;
                        }
                    }
                }
                let Some((header, _)) = opened.get(&computer) else {
                    continue;
                };
                let ready = header.seen.iter().all(|(other, seq)| {
                    *other == state.computer || applied.get(other).copied().unwrap_or(0) >= *seq
                });
                if !ready {
                    continue;
                }
                let Some((header, body)) = opened.remove(&computer) else {
                    continue;
                };
                let (count, ids) = self.apply_file(&header, &body, tables, now)?;
                received += count;
                conflict_ids.extend(ids);
                applied.insert(computer, header.seq);
                progress = true;
            }
            if !progress {
                break;
            }
        }
        Ok((received, conflict_ids))
    }

    /// Reads one change file and checks it belongs here and can be applied by this Rapport.
    fn open_incoming(
        &self,
        state: &State,
        name: files::ChangeFileName,
        key: Option<&SyncKey>,
        schema: i64,
    ) -> Result<(Header, Body)> {
        let (header, body) = files::read_change_file(&state.folder, name, key)?;
        if header.group != state.group {
            return Err(Error::BadFile(format!(
                "The change file {} belongs to another record; nothing of it was applied.",
                files::change_file_name(name.computer, name.seq)
            )));
        }
        if header.schema_version > schema {
            return Err(Error::UpdateNeeded(format!(
                "The other computer runs a newer Rapport (data version {}; this one has \
                 {schema}). Update Rapport on this computer to receive its changes; nothing of \
                 them was applied.",
                header.schema_version
            )));
        }
        Ok((header, body))
    }

    /// Applies one change file whole, or nothing of it.
    fn apply_file(
        &mut self,
        header: &Header,
        body: &Body,
        tables: &Tables,
        now: DateTime<Utc>,
    ) -> Result<(usize, Vec<Id>)> {
        let name = files::change_file_name(header.computer, header.seq);
        let decoded = changes::decode(&body.changeset, &name)?;
        for change in &decoded {
            let fits = tables
                .get(&change.table)
                .is_some_and(|t| change.new.len().max(change.old.len()) <= t.columns.len());
            if !fits && tables.get(&change.table).is_some() {
                return Err(Error::BadFile(format!(
                    "The change file {name} does not fit this record's tables; nothing of it was applied."
                )));
            }
        }
        // Removals for good first: they win over anything in the file.
        let mut removed: HashSet<Id> = HashSet::new();
        crate::removals::merge_ids(self.path(), &body.removals)?;
        for removal in crate::removals::read(self.path())?.removals() {
            removed.extend(removal.students.iter().copied());
            removed.extend(removal.guardians.iter().copied());
        }
        let stamp = Stamp::new(header.made_at, header.computer, header.seq);
        let applied = self.atomically(|store| {
            store.conn.pragma_update(None, "defer_foreign_keys", true)?;
            let outcome = apply::apply_changes(store, tables, &stamp, &header.seen, &decoded, &body.revive, &removed)?;
            if !body.removals.is_empty() {
                store.apply_removals()?;
            }
            store.drop_trash_of_live_rows()?;
            let broken: i64 = store
                .conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if broken > 0 {
                return Err(Error::BadFile(format!(
                    "The changes in {name} could not be fitted into this record ({broken} links \
                     to rows that are not here); nothing of it was applied."
                )));
            }
            let mut ids = Vec::new();
            for seen in &outcome.conflicts {
                let id = Id::new();
                store.conn.execute(
                    "INSERT INTO sync_conflict (id, seen_at, kind, tbl, pk, col, kept, other, other_is_theirs)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        id,
                        now,
                        seen.kind.as_str(),
                        seen.table,
                        seen.key,
                        seen.column,
                        conflicts::to_json(&seen.kept),
                        conflicts::to_json(&seen.other),
                        seen.other_is_theirs
                    ],
                )?;
                ids.push(id);
            }
            store.conn.execute(
                "INSERT INTO sync_peer (computer_id, applied_seq) VALUES (?1, ?2)
                 ON CONFLICT (computer_id) DO UPDATE SET applied_seq = excluded.applied_seq",
                params![header.computer, header.seq as i64],
            )?;
            store.conn.execute(
                "UPDATE sync_state SET base_token = ?1",
                [Id::new().to_string()],
            )?;
            Ok((outcome.changes, ids))
        })?;
        if !body.removals.is_empty() {
            // What a removal for good cleared is not left in the journal.
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(applied)
    }

    /// Brings the snapshot up to the record when its token says it is behind: after a sync's
    /// steps (and after one cut short, when the record is opened again).
    fn bring_base_up(&self, state: &State) -> Result<()> {
        let base = base_path(self.path());
        if !base.exists() {
            // Lost (deleted by hand): what changed here since the last sync cannot be told
            // apart from the rest any more; a new snapshot starts from now.
            return self.take_base();
        }
        let data_key = self.key_copy();
        let conn = open_base(&base, data_key.as_ref())?;
        let token: Option<String> = conn
            .query_row("SELECT base_token FROM sync_state", [], |r| r.get(0))
            .optional()?;
        if token.as_deref() == Some(state.token.as_str()) {
            return Ok(());
        }
        let changeset = changes::diff(&self.conn, &base, data_key.as_ref())?;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let brought =
            (|| -> Result<()> {
                let mut input: &[u8] = &changeset;
                if !changeset.is_empty() {
                    conn.apply_strm(&mut input, None::<fn(&str) -> bool>, |conflict, _| {
                        match conflict {
                            ConflictType::SQLITE_CHANGESET_DATA
                            | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                                ConflictAction::SQLITE_CHANGESET_REPLACE
                            }
                            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
                        }
                    })?;
                }
                conn.execute("UPDATE sync_state SET base_token = ?1", [&state.token])?;
                Ok(())
            })();
        match brought {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(error) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(error);
            }
        }
        Ok(())
    }

    /// Brings the snapshot up to date if a sync was cut short (run when the record opens).
    pub(crate) fn mend_sync_base(&self) -> Result<()> {
        match self.sync_state()? {
            Some(state) => self.bring_base_up(&state),
            None => Ok(()),
        }
    }
}

/// Readable by its owner only, as the record is.
fn private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

fn open_base(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = key {
        protect::apply_key(&conn, key)?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // The snapshot mirrors the record row for row: no cascade of its own.
    conn.pragma_update(None, "foreign_keys", false)?;
    Ok(conn)
}

fn folder_missing(folder: &Path) -> Error {
    Error::Sync(format!(
        "The sync folder {} is not there (a USB stick not plugged in?). Nothing is lost: the \
         changes wait until it is.",
        folder.display()
    ))
}

/// Reads a sync folder's first copy: the sync's id and the first computer's, or why not.
pub fn first_copy_ids(folder: &Path, key: Option<&DataKey>) -> Result<(Id, Id)> {
    let path = files::first_copy_path(folder);
    if !path.exists() {
        return Err(Error::Sync(format!(
            "{} holds no Rapport record to open (no {} in it). On the other computer, choose \
             Settings → Another computer → Use this record on another computer first.",
            folder.display(),
            files::FIRST_COPY
        )));
    }
    let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(key) = key {
        protect::apply_key(&conn, key)?;
    }
    let version = super::migrations::user_version(&conn)?;
    if version > super::SCHEMA_VERSION {
        return Err(Error::UpdateNeeded(format!(
            "The record in {} was saved by a newer Rapport. Update Rapport on this computer to \
             open it; nothing was changed.",
            folder.display()
        )));
    }
    conn.query_row("SELECT group_id, computer_id FROM sync_state", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
    .map_err(|_| {
        Error::BadFile(format!(
            "{} is not a Rapport sync folder's first copy.",
            path.display()
        ))
    })
}
