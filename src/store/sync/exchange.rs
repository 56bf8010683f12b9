//! One sync: this computer's changes staged and sealed into the outbox, the outbox written to
//! the folder, the other computers' files applied in the order they were made, and the snapshot
//! brought up to the record.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::params;

use rusqlite::session::Session;

use super::base::CatchUp;
use super::tables::{Tables, SYNCED};
use super::{apply, base_path, changes, conflicts, write_stamp, Stamp, State, SyncReport};
use crate::error::{Error, Result};
use crate::model::Id;
use crate::store::Store;
use crate::sync::{self as files, Body, Header, RemovedIds, SyncKey, FORMAT_VERSION};

/// This computer's changes staged by a sync, as a changeset.
#[derive(Default)]
struct Staged {
    changeset: Vec<u8>,
}

/// What a sync received: changes, the conflicts listed, what applying each file changed here,
/// and whether any file carried removals for good.
#[derive(Default)]
struct Received {
    changes: usize,
    conflicts: Vec<Id>,
    effects: Vec<Vec<u8>>,
    removals: bool,
}

impl Store {
    /// Syncs now: sends this computer's changes, receives the others'. A folder not there now
    /// loses nothing: the changes wait in the record.
    pub fn sync(&mut self, now: DateTime<Utc>) -> Result<SyncReport> {
        let state = self.syncing()?;
        let key = self.sync_key(&state)?;
        let tables = Tables::read(&self.conn)?;
        self.bring_base_up(&state, CatchUp::Whole)?;
        let staged = self.stage_local_changes(&state, key.as_ref(), &tables, now)?;
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
        let mut received = Received::default();
        if report.folder_found {
            report.sent = self.deliver_outbox(&state.folder)?;
            received = self.receive(&state, key.as_ref(), &tables, now, &mut report)?;
            report.received = received.changes;
        }
        // The snapshot catches up with the very changes that went into the record: this
        // computer's as staged, then each file's as applied.
        let catch_up = match received.removals {
            true => CatchUp::Whole,
            false => CatchUp::Changes(
                std::iter::once(staged.changeset)
                    .chain(received.effects)
                    .filter(|c| !c.is_empty())
                    .collect(),
            ),
        };
        self.bring_base_up(&self.syncing()?, catch_up)?;
        report.waiting = self.sync_status()?.map(|s| s.waiting).unwrap_or(0);
        let conflict_ids = received.conflicts;
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
        self.sync_mark = Some(self.change_mark()?);
        Ok(report)
    }

    /// Seals the changes made here since the last sync into the outbox.
    fn stage_local_changes(
        &mut self,
        state: &State,
        key: Option<&SyncKey>,
        tables: &Tables,
        now: DateTime<Utc>,
    ) -> Result<Staged> {
        // Nothing written since the last sync, by this connection or another: nothing to find.
        if self.sync_mark.is_some() && self.sync_mark == Some(self.change_mark()?) {
            return Ok(Staged::default());
        }
        let base = base_path(self.path());
        let data_key = self.key_copy();
        let changeset = changes::diff(&self.conn, &base, data_key.as_ref(), None)?;
        let decoded = changes::decode(&changeset, "this computer's changes")?;
        if decoded.is_empty() {
            return Ok(Staged::default());
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
        Ok(Staged {
            changeset: body.changeset,
        })
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
    ) -> Result<Received> {
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
        let mut received = Received::default();
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
                let (count, ids, effect) = self.apply_file(&header, &body, tables, now)?;
                received.changes += count;
                received.conflicts.extend(ids);
                received.removals |= !body.removals.is_empty();
                received.effects.push(effect);
                applied.insert(computer, header.seq);
                progress = true;
            }
            if !progress {
                break;
            }
        }
        Ok(received)
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
    ) -> Result<(usize, Vec<Id>, Vec<u8>)> {
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
            // What the file changes here, as SQLite's session sees it (what cascades from it
            // included): the snapshot takes the very same changes afterwards.
            let (outcome, effect) = {
                let mut session = Session::new(&store.conn)?;
                for &table in SYNCED {
                    session.attach(Some(table))?;
                }
                let outcome = apply::apply_changes(
                    &store.conn,
                    tables,
                    &stamp,
                    &header.seen,
                    &decoded,
                    &body.revive,
                    &removed,
                )?;
                store.drop_trash_of_live_rows()?;
                let mut effect = Vec::new();
                session.changeset_strm(&mut effect)?;
                (outcome, effect)
            };
            // Removals for good reach far (every copy of the child): the snapshot is compared
            // whole afterwards.
            if !body.removals.is_empty() {
                store.apply_removals()?;
            }
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
            Ok((outcome.changes, ids, effect))
        })?;
        if !body.removals.is_empty() {
            // What a removal for good cleared is not left in the journal.
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(applied)
    }
}
