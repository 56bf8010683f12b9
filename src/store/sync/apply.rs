//! Applying another computer's change file: one transaction, so a file is applied whole or not at
//! all (a power cut mid-way leaves the record as it was before it). The rules, the same on every
//! computer so that every copy ends the same:
//!
//! - A field changed on one computer only takes the new value.
//! - A field changed on both: the later edit wins (the time and computer of the sync that carried
//!   each value are its stamp), and the value that lost is listed under "Changed on both computers".
//! - A row deleted on one computer and changed (or added to) on the other is kept, with the rows
//!   it hangs from: the computer that deleted it brings it back as the other computer sent it
//!   (a change file carries whole rows for this), and the other does not delete it. Both list
//!   it. The rest of that deletion stands, and its trash entry goes, as it can no longer be
//!   restored whole.
//! - A child removed for good stays removed, whatever the other computer did meanwhile.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, ErrorCode};

use super::changes::{Change, Op};
use super::tables::{key_text, read_row, rows_linking, TableInfo, Tables, LOCAL_SETTINGS};
use super::{ConflictKind, Stamp};
use crate::error::Result;
use crate::model::Id;
use crate::sync::RevivedRow;

/// A conflict seen while applying, written to `sync_conflict` when the file is applied.
#[derive(Debug, Clone)]
pub(super) struct Seen {
    pub kind: ConflictKind,
    pub table: String,
    pub key: String,
    pub column: String,
    pub kept: Value,
    pub other: Value,
    pub other_is_theirs: bool,
}

/// What applying one file did.
#[derive(Debug, Clone, Default)]
pub(super) struct Outcome {
    pub changes: usize,
    pub conflicts: Vec<Seen>,
}

type RowId = (String, String);

/// The state of one application.
struct Apply<'a> {
    tables: &'a Tables,
    stamp: &'a Stamp,
    /// What the sending computer had seen of every other computer's files.
    seen: &'a [(Id, u64)],
    /// The whole rows the sender sent, by table and key, their values read once.
    revive: HashMap<RowId, Vec<Value>>,
    removed: &'a HashSet<Id>,
    outcome: Outcome,
}

/// Applies `changes` (already checked to be whole) inside the caller's unit of work.
pub(super) fn apply_changes(
    conn: &Connection,
    tables: &Tables,
    stamp: &Stamp,
    seen: &[(Id, u64)],
    changes: &[Change],
    revive: &[RevivedRow],
    removed: &HashSet<Id>,
) -> Result<Outcome> {
    let mut run = Apply {
        tables,
        stamp,
        seen,
        revive: revive
            .iter()
            .filter_map(|row| {
                let table = tables.get(&row.table)?;
                let values: Vec<Value> = row.values.iter().cloned().map(Value::from).collect();
                (values.len() == table.columns.len())
                    .then(|| ((row.table.clone(), table.key_text(&values)), values))
            })
            .collect(),
        removed,
        outcome: Outcome::default(),
    };
    let changes: Vec<&Change> = changes
        .iter()
        .filter(|c| tables.get(&c.table).is_some() && !is_local_setting(c))
        .collect();
    let kept = run.kept_deletions(conn, &changes)?;
    for change in changes.iter().filter(|c| c.op == Op::Insert) {
        run.insert(conn, change)?;
    }
    for change in changes.iter().filter(|c| c.op == Op::Update) {
        run.update(conn, change)?;
    }
    for change in changes.iter().filter(|c| c.op == Op::Delete) {
        run.delete(conn, change, &kept)?;
    }
    run.outcome.changes = changes.len();
    Ok(run.outcome)
}

fn is_local_setting(change: &Change) -> bool {
    if change.table != "setting" {
        return false;
    }
    let values = if change.op == Op::Insert {
        &change.new
    } else {
        &change.old
    };
    matches!(values.first(), Some(Some(Value::Text(key))) if LOCAL_SETTINGS.contains(&key.as_str()))
}

/// A changed value: `None` (not carried) reads as NULL only where the changeset has it.
fn value(v: &Option<Value>) -> Value {
    v.clone().unwrap_or(Value::Null)
}

impl Apply<'_> {
    fn table(&self, name: &str) -> &TableInfo {
        // Every change was checked against `tables` before applying.
        self.tables.get(name).expect("a synced table")
    }

    /// The rows whose deletion this file asks for and that this computer keeps: changed (or
    /// added again) by a change the deleting computer had not seen, or given something new here
    /// (a contact logged for a child deleted there). What
    /// they hang from is kept too, and so is everything the same deletion took (its trash entry).
    fn kept_deletions(&mut self, conn: &Connection, changes: &[&Change]) -> Result<HashSet<RowId>> {
        let touched: HashSet<RowId> = changes
            .iter()
            .map(|c| {
                (
                    c.table.clone(),
                    self.table(&c.table).key_text(&c.key(self.table(&c.table))),
                )
            })
            .collect();
        let deletes: HashMap<RowId, &Change> = changes
            .iter()
            .filter(|c| c.op == Op::Delete)
            .map(|c| {
                (
                    (
                        c.table.clone(),
                        self.table(&c.table).key_text(&c.key(self.table(&c.table))),
                    ),
                    *c,
                )
            })
            .collect();
        let mut kept = HashSet::new();
        for (row, change) in &deletes {
            let table = self.table(&change.table);
            let Some(local) = read_row(conn, table, &change.key(table))? else {
                continue;
            };
            // Files are applied in the order they were made in (`receive`), so a row here that
            // differs from the deleted one but by changes the deleting computer had seen is
            // not kept: only what it could not know of.
            if self.changed_unseen(conn, &row.0, &row.1)?
                || self.has_new_children(conn, table, &local, &touched)?
            {
                kept.insert(row.clone());
                self.outcome.conflicts.push(Seen {
                    kind: ConflictKind::EditOverDelete,
                    table: row.0.clone(),
                    key: row.1.clone(),
                    column: String::new(),
                    kept: Value::Null,
                    other: Value::Null,
                    other_is_theirs: true,
                });
            }
        }
        // What the kept rows hang from is kept too.
        let mut queue: Vec<RowId> = kept.iter().cloned().collect();
        while let Some(row) = queue.pop() {
            let Some(change) = deletes.get(&row) else {
                continue;
            };
            for (parent, _) in self.parents_of(change) {
                if deletes.contains_key(&parent) && kept.insert(parent.clone()) {
                    queue.push(parent);
                }
            }
        }
        // And the rows that are part of kept rows (the child's link to a kept guardian), when
        // all they link to stays: the other computer brings them back with those rows.
        let mut parts = Vec::new();
        for (row, change) in &deletes {
            if kept.contains(row) || !self.table(&row.0).is_part() {
                continue;
            }
            let parents = self.parents_of(change);
            if !parents.iter().any(|(parent, _)| kept.contains(parent)) {
                continue;
            }
            let mut all_stay = true;
            for (parent, key) in &parents {
                all_stay &= kept.contains(parent)
                    || (!deletes.contains_key(parent) && self.is_here(conn, &parent.0, key)?);
            }
            if all_stay {
                parts.push(row.clone());
            }
        }
        kept.extend(parts);
        Ok(kept)
    }

    /// Whether the row of `table` keyed `key` is in this record.
    fn is_here(&self, conn: &Connection, table: &str, key: &Value) -> Result<bool> {
        Ok(read_row(conn, self.table(table), std::slice::from_ref(key))?.is_some())
    }

    /// The rows a deleted row linked to, with their keys.
    fn parents_of(&self, change: &Change) -> Vec<(RowId, Value)> {
        self.table(&change.table)
            .parents
            .iter()
            .map(|link| {
                let key = value(&change.old[link.column]);
                let row = (link.parent.clone(), key_text(std::iter::once(&key)));
                (row, key)
            })
            .collect()
    }

    /// Whether the row was written (changed, or added again) by a change file the sending
    /// computer had not seen when it wrote this one.
    fn changed_unseen(&self, conn: &Connection, table: &str, key: &str) -> Result<bool> {
        Ok(super::stamps_of_row(conn, table, key)?
            .iter()
            .any(|stamp| self.unseen(stamp)))
    }

    /// Whether `stamp` is of a change file the sending computer had not seen when it wrote this
    /// one (never its own).
    fn unseen(&self, stamp: &Stamp) -> bool {
        if stamp.computer == self.stamp.computer {
            return false;
        }
        let seen = self
            .seen
            .iter()
            .find(|(computer, _)| computer.to_string() == stamp.computer)
            .map_or(0, |(_, seq)| *seq as i64);
        stamp.seq > seen
    }

    /// Whether rows here link to this one that the file does not know of (added here).
    fn has_new_children(
        &self,
        conn: &Connection,
        table: &TableInfo,
        row: &[Value],
        touched: &HashSet<RowId>,
    ) -> Result<bool> {
        if table.key.len() != 1 {
            return Ok(false);
        }
        let key = &row[table.key[0]];
        for (child, column) in self.tables.children_of(&table.name) {
            for values in rows_linking(conn, child, column, key)? {
                if !touched.contains(&(child.name.clone(), child.key_text(&values))) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    fn insert(&mut self, conn: &Connection, change: &Change) -> Result<()> {
        let table = self.table(&change.table).clone();
        let new: Vec<Value> = change.new.iter().map(value).collect();
        let key = change.key(&table);
        if let Some(local) = read_row(conn, &table, &key)? {
            // Added on both computers under the same key (a setting): field by field.
            let changed: Vec<usize> = (0..new.len()).filter(|&i| new[i] != local[i]).collect();
            let mut set = Vec::new();
            for i in changed {
                if self.settle(conn, &table, &key, i, &local[i], &new[i])? {
                    set.push(i);
                }
            }
            return self.write_columns(conn, &table, &key, &new, &set);
        }
        if !self.parents_present(conn, &table, &new)? {
            return Ok(());
        }
        let columns: Vec<String> = table.columns[..new.len()]
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect();
        let marks: Vec<String> = (1..=new.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO \"{}\" ({}) VALUES ({})",
            table.name,
            columns.join(", "),
            marks.join(", ")
        );
        match conn.execute(&sql, params_from_iter(new.iter())) {
            Ok(_) => {}
            // Another row here holds what must be unique (a school id in a class): the one
            // already here stays.
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::ConstraintViolation =>
            {
                return Ok(());
            }
            Err(other) => return Err(other.into()),
        }
        self.stamp_column(conn, &table, &key, "")?;
        Ok(())
    }

    fn update(&mut self, conn: &Connection, change: &Change) -> Result<()> {
        let table = self.table(&change.table).clone();
        let key = change.key(&table);
        let local = match read_row(conn, &table, &key)? {
            Some(local) => local,
            None => {
                // Deleted here, changed there: the change is kept, the row as sent.
                if self.revive(conn, &table, &key)? {
                    self.note_kept_over_delete(&table, &key);
                    for (i, new) in change.new.iter().enumerate() {
                        if new.is_some() {
                            self.stamp_column(conn, &table, &key, &table.columns[i])?;
                        }
                    }
                }
                return Ok(());
            }
        };
        let mut target = local.clone();
        let mut set = Vec::new();
        for (i, new) in change.new.iter().enumerate() {
            let Some(new) = new else { continue };
            if &local[i] == new {
                self.stamp_if_later(conn, &table, &key, i)?;
                continue;
            }
            // Changed there only: the value here is the one it changed from, and nothing here
            // wrote it since the sender last heard from this computer. (A row brought back from
            // the trash here writes its old values again: the same value, but a change of its
            // own, settled by its stamp as the other computer settles it.)
            let only_there = local[i] == value(&change.old[i])
                && !self.unseen(&super::stamp_of(
                    conn,
                    &table.name,
                    &table.key_text(&key),
                    &table.columns[i],
                )?);
            if only_there || self.settle(conn, &table, &key, i, &local[i], new)? {
                target[i] = new.clone();
                set.push(i);
                if only_there {
                    self.stamp_column(conn, &table, &key, &table.columns[i])?;
                }
            }
        }
        self.write_columns(conn, &table, &key, &target, &set)
    }

    fn delete(&mut self, conn: &Connection, change: &Change, kept: &HashSet<RowId>) -> Result<()> {
        let table = self.table(&change.table);
        let key = change.key(table);
        let row = (table.name.clone(), table.key_text(&key));
        if kept.contains(&row) {
            return Ok(());
        }
        let sql = format!(
            "DELETE FROM \"{}\" WHERE {}",
            table.name,
            table.key_clause(1)
        );
        conn.execute(&sql, params_from_iter(key.iter()))?;
        conn.execute(
            "DELETE FROM sync_stamp WHERE tbl = ?1 AND pk = ?2",
            params![row.0, row.1],
        )?;
        Ok(())
    }

    /// The same field changed here and there: the later stamp wins. Returns whether the value
    /// from there is taken; lists the value that lost either way.
    fn settle(
        &mut self,
        conn: &Connection,
        table: &TableInfo,
        key: &[Value],
        column: usize,
        here: &Value,
        there: &Value,
    ) -> Result<bool> {
        let local = super::stamp_of(
            conn,
            &table.name,
            &table.key_text(key),
            &table.columns[column],
        )?;
        let theirs_win = *self.stamp > local;
        if theirs_win {
            self.stamp_column(conn, table, key, &table.columns[column])?;
        }
        self.outcome.conflicts.push(Seen {
            kind: ConflictKind::BothChanged,
            table: table.name.clone(),
            key: table.key_text(key),
            column: table.columns[column].clone(),
            kept: if theirs_win {
                there.clone()
            } else {
                here.clone()
            },
            other: if theirs_win {
                here.clone()
            } else {
                there.clone()
            },
            other_is_theirs: !theirs_win,
        });
        Ok(theirs_win)
    }

    fn note_kept_over_delete(&mut self, table: &TableInfo, key: &[Value]) {
        self.outcome.conflicts.push(Seen {
            kind: ConflictKind::EditOverDelete,
            table: table.name.clone(),
            key: table.key_text(key),
            column: String::new(),
            kept: Value::Null,
            other: Value::Null,
            other_is_theirs: false,
        });
    }

    fn write_columns(
        &self,
        conn: &Connection,
        table: &TableInfo,
        key: &[Value],
        values: &[Value],
        set: &[usize],
    ) -> Result<()> {
        if set.is_empty() {
            return Ok(());
        }
        let assignments: Vec<String> = set
            .iter()
            .enumerate()
            .map(|(n, &i)| format!("\"{}\" = ?{}", table.columns[i], n + 1))
            .collect();
        let sql = format!(
            "UPDATE \"{}\" SET {} WHERE {}",
            table.name,
            assignments.join(", "),
            table.key_clause(set.len() + 1)
        );
        let params = set.iter().map(|&i| &values[i]).chain(key.iter());
        match conn.execute(&sql, params_from_iter(params)) {
            Ok(_) => Ok(()),
            // The values from both computers do not fit together (a due date before a start
            // date): the row stays as it is here.
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == ErrorCode::ConstraintViolation =>
            {
                Ok(())
            }
            Err(other) => Err(other.into()),
        }
    }

    fn stamp_column(
        &self,
        conn: &Connection,
        table: &TableInfo,
        key: &[Value],
        column: &str,
    ) -> Result<()> {
        super::write_stamp(conn, &table.name, &table.key_text(key), column, self.stamp)
    }

    /// The same value reached both computers: it keeps the later of the two stamps.
    fn stamp_if_later(
        &self,
        conn: &Connection,
        table: &TableInfo,
        key: &[Value],
        column: usize,
    ) -> Result<()> {
        let name = &table.columns[column];
        let local = super::stamp_of(conn, &table.name, &table.key_text(key), name)?;
        if *self.stamp > local {
            self.stamp_column(conn, table, key, name)?;
        }
        Ok(())
    }

    /// Makes sure every row that `values` links to is here, bringing back any this computer
    /// deleted. False when one cannot be (a child removed for good).
    fn parents_present(
        &mut self,
        conn: &Connection,
        table: &TableInfo,
        values: &[Value],
    ) -> Result<bool> {
        for link in &table.parents {
            let parent_key = match values.get(link.column) {
                None | Some(Value::Null) => continue,
                Some(v) => v.clone(),
            };
            let parent = self.table(&link.parent).clone();
            if read_row(conn, &parent, std::slice::from_ref(&parent_key))?.is_none() {
                if !self.revive(conn, &parent, std::slice::from_ref(&parent_key))? {
                    return Ok(false);
                }
                self.note_kept_over_delete(&parent, &[parent_key]);
            }
        }
        Ok(true)
    }

    /// Brings back a row this computer deleted, as the other computer sent it, with what it
    /// hangs from. False when it cannot be (a child removed for good, a row not sent whole).
    fn revive(&mut self, conn: &Connection, table: &TableInfo, key: &[Value]) -> Result<bool> {
        if let [Value::Text(text)] = key {
            if text
                .parse::<Id>()
                .is_ok_and(|id| self.removed.contains(&id))
            {
                return Ok(false);
            }
        }
        let Some(values) = self
            .revive
            .get(&(table.name.clone(), table.key_text(key)))
            .cloned()
        else {
            return Ok(false);
        };
        if !self.parents_present(conn, table, &values)? {
            return Ok(false);
        }
        insert_whole(conn, table, &values)?;
        self.revive_parts(conn, table, key)?;
        Ok(true)
    }

    /// Brings back, with a row brought back, the rows that are part of it and were sent whole
    /// (the child's links to their guardians), each when all it links to is here: as the other
    /// computer kept them (see `kept_deletions`).
    fn revive_parts(&self, conn: &Connection, table: &TableInfo, key: &[Value]) -> Result<()> {
        let [key] = key else {
            return Ok(());
        };
        for ((name, _), values) in &self.revive {
            let part = self.table(name);
            let of_this_row = part.is_part()
                && part
                    .parents
                    .iter()
                    .any(|link| link.parent == table.name && values[link.column] == *key);
            if !of_this_row {
                continue;
            }
            let mut all_here = true;
            for link in &part.parents {
                all_here &= matches!(values[link.column], Value::Null)
                    || self.is_here(conn, &link.parent, &values[link.column])?;
            }
            if all_here {
                insert_whole(conn, part, values)?;
            }
        }
        Ok(())
    }
}

/// Puts back a whole row as the other computer sent it; nothing when one with its key (or with
/// what must be unique) is already here.
fn insert_whole(conn: &Connection, table: &TableInfo, values: &[Value]) -> Result<()> {
    let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT OR IGNORE INTO \"{}\" VALUES ({})",
        table.name,
        marks.join(", ")
    );
    conn.execute(&sql, params_from_iter(values.iter()))?;
    Ok(())
}
