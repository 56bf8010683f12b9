//! Changes as SQLite's session extension sees them. The local changes since the last sync are the
//! difference between the record and its snapshot taken then (`sqlite3session_diff` against the
//! snapshot, ATTACHed with the record's key): edits made by any process are caught without a
//! session kept open. A changeset read back becomes plain [`Change`]s for `apply.rs`.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetIter, Session};
use rusqlite::types::Value;
use rusqlite::{params, Connection};

use super::tables::{read_row, rows_linking, TableInfo, Tables, SYNCED};
use crate::error::{Error, Result};
use crate::protect::DataKey;
use crate::sync::{RevivedRow, SqlValue};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Insert,
    Update,
    Delete,
}

/// One row added, changed or deleted. `old` holds what a delete removed and, for a change, the
/// key and the old value of each changed column; `new` what an insert adds and, for a change,
/// the new value of each changed column. Columns a change leaves alone are `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub table: String,
    pub op: Op,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
}

impl Change {
    /// The row's key values.
    pub fn key(&self, table: &TableInfo) -> Vec<Value> {
        let values = match self.op {
            Op::Insert => &self.new,
            Op::Update | Op::Delete => &self.old,
        };
        table
            .key
            .iter()
            .map(|&i| values[i].clone().unwrap_or(Value::Null))
            .collect()
    }
}

/// The changes between the snapshot at `base` and the record, as a changeset.
/// With `only`, the other tables are taken to be the same.
pub fn diff(
    conn: &Connection,
    base: &Path,
    key: Option<&DataKey>,
    only: Option<&HashSet<String>>,
) -> Result<Vec<u8>> {
    attach_base(conn, base, key)?;
    let changes = (|| -> Result<Vec<u8>> {
        let mut session = Session::new(conn)?;
        for &table in SYNCED
            .iter()
            .filter(|t| only.is_none_or(|o| o.contains(**t)))
        {
            session.attach(Some(table))?;
            session.diff("base", table)?;
        }
        let mut bytes = Vec::new();
        session.changeset_strm(&mut bytes)?;
        Ok(bytes)
    })();
    let detached = conn.execute("DETACH DATABASE base", []);
    let changes = changes?;
    detached?;
    Ok(changes)
}

/// Attaches the snapshot as `base`, with the record's key when it is protected.
fn attach_base(conn: &Connection, base: &Path, key: Option<&DataKey>) -> Result<()> {
    let sql_key = key.map(DataKey::sql_key).unwrap_or_default();
    conn.execute(
        "ATTACH DATABASE ?1 AS base KEY ?2",
        params![base.to_string_lossy(), sql_key.as_str()],
    )?;
    Ok(())
}

/// Reads a changeset back. A changeset SQLite cannot read is refused whole.
pub fn decode(changeset: &[u8], name: &str) -> Result<Vec<Change>> {
    let damaged = |_| {
        Error::BadFile(format!(
            "The change file {name} holds changes Rapport cannot read; nothing of it was applied."
        ))
    };
    let mut changes = Vec::new();
    if changeset.is_empty() {
        return Ok(changes);
    }
    let mut input: &[u8] = changeset;
    let reader: &mut dyn std::io::Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader).map_err(damaged)?;
    while let Some(item) = iter.next().map_err(damaged)? {
        let op = item.op().map_err(damaged)?;
        let columns = usize::try_from(op.number_of_columns()).unwrap_or(0);
        let kind = match op.code() {
            Action::SQLITE_INSERT => Op::Insert,
            Action::SQLITE_UPDATE => Op::Update,
            Action::SQLITE_DELETE => Op::Delete,
            _ => return Err(damaged(rusqlite::Error::InvalidQuery)),
        };
        let table = op.table_name().to_string();
        let mut old = vec![None; columns];
        let mut new = vec![None; columns];
        for i in 0..columns {
            if kind != Op::Insert {
                old[i] = item.old_value(i).ok().and_then(owned);
            }
            if kind != Op::Delete {
                new[i] = item.new_value(i).ok().and_then(owned);
            }
        }
        changes.push(Change {
            table,
            op: kind,
            old,
            new,
        });
    }
    Ok(changes)
}

fn owned(value: rusqlite::types::ValueRef<'_>) -> Option<Value> {
    rusqlite::types::FromSql::column_result(value).ok()
}

/// The whole rows the other computer needs to keep what these changes touch, should it have
/// deleted them: each changed row as it is now, every row each added or changed row hangs
/// from (a goal's child, the child's class, the class's year), and the rows that are part of
/// those (the child's links to their guardians).
pub fn rows_to_revive(
    conn: &Connection,
    tables: &Tables,
    changes: &[Change],
) -> Result<Vec<RevivedRow>> {
    let mut seen = HashSet::new();
    let mut rows = Vec::new();
    for change in changes {
        let Some(table) = tables.get(&change.table) else {
            continue;
        };
        match change.op {
            Op::Delete => {}
            Op::Update => add_row(
                conn,
                tables,
                table,
                &change.key(table),
                &mut seen,
                &mut rows,
            )?,
            Op::Insert => {
                let values: Vec<Value> = change
                    .new
                    .iter()
                    .map(|v| v.clone().unwrap_or(Value::Null))
                    .collect();
                add_parents(conn, tables, table, &values, &mut seen, &mut rows)?;
            }
        }
    }
    Ok(rows)
}

fn add_row(
    conn: &Connection,
    tables: &Tables,
    table: &TableInfo,
    key: &[Value],
    seen: &mut HashSet<(String, String)>,
    rows: &mut Vec<RevivedRow>,
) -> Result<()> {
    if !seen.insert((table.name.clone(), super::tables::key_text(key.iter()))) {
        return Ok(());
    }
    let Some(values) = read_row(conn, table, key)? else {
        return Ok(());
    };
    add_parents(conn, tables, table, &values, seen, rows)?;
    rows.push(RevivedRow {
        table: table.name.clone(),
        values: values.into_iter().map(SqlValue::from).collect(),
    });
    add_parts(conn, tables, table, key, seen, rows)
}

/// The rows that are part of the row keyed `key` (see `TableInfo::is_part`), as they are now.
/// What else they link to is not added: the other computer brings a part back only when all it
/// links to is there. A part is not marked seen, so that one changed itself still brings what it
/// hangs from (it may then be sent twice, the same).
fn add_parts(
    conn: &Connection,
    tables: &Tables,
    table: &TableInfo,
    key: &[Value],
    seen: &HashSet<(String, String)>,
    rows: &mut Vec<RevivedRow>,
) -> Result<()> {
    let [key] = key else {
        return Ok(());
    };
    for (part, column) in tables.children_of(&table.name) {
        if !part.key.contains(&column) {
            continue;
        }
        for values in rows_linking(conn, part, column, key)? {
            if !seen.contains(&(part.name.clone(), part.key_text(&values))) {
                rows.push(RevivedRow {
                    table: part.name.clone(),
                    values: values.into_iter().map(SqlValue::from).collect(),
                });
            }
        }
    }
    Ok(())
}

fn add_parents(
    conn: &Connection,
    tables: &Tables,
    table: &TableInfo,
    values: &[Value],
    seen: &mut HashSet<(String, String)>,
    rows: &mut Vec<RevivedRow>,
) -> Result<()> {
    for link in &table.parents {
        let value = &values[link.column];
        if matches!(value, Value::Null) {
            continue;
        }
        if let Some(parent) = tables.get(&link.parent) {
            add_row(
                conn,
                tables,
                parent,
                std::slice::from_ref(value),
                seen,
                rows,
            )?;
        }
    }
    Ok(())
}
