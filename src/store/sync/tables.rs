//! Which tables a sync carries, and what it needs to know of each: its columns, its primary key,
//! and the links between tables (to bring back what a kept edit hangs from).

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::Connection;

use crate::error::Result;

/// The tables both computers share, parents before children. A new table goes here or in
/// [`LOCAL`]; a test fails while it is in neither.
pub const SYNCED: &[&str] = &[
    "school_year",
    "class",
    "student",
    "guardian",
    "student_guardian",
    "question",
    "answer",
    "goal",
    "check_in",
    "home_activity",
    "contact",
    "praise",
    "concern",
    "concern_cause",
    "conference",
    "roster_guardian",
    "setting",
    "trash",
];

/// Tables that belong to one computer's copy: unsaved forms, and the sync's own bookkeeping.
pub const LOCAL: &[&str] = &[
    "draft",
    "sync_state",
    "sync_peer",
    "sync_stamp",
    "sync_outbox",
    "sync_conflict",
    // The search index (derived: each computer's own, kept in step by triggers).
    "search",
    "search_row",
    "search_data",
    "search_idx",
    "search_content",
    "search_docsize",
    "search_config",
];

/// Settings of one computer, not of the record: the class on screen, how soon it locks, the
/// folder it keeps a calendar file in.
pub const LOCAL_SETTINGS: &[&str] = &["current_class_id", "lock_minutes", "calendar_folder"];

/// A link from a column of one table to the primary key of another.
#[derive(Debug, Clone)]
pub struct Link {
    pub column: usize,
    pub parent: String,
}

#[derive(Debug, Clone)]
pub struct TableInfo {
    pub name: String,
    pub columns: Vec<String>,
    /// Indices of the primary key's columns, in key order.
    pub key: Vec<usize>,
    /// This table's links to its parents.
    pub parents: Vec<Link>,
}

impl TableInfo {
    /// The primary key of a row of this table as one text: the stamps' and conflicts' key.
    pub fn key_text(&self, row: &[Value]) -> String {
        key_text(self.key.iter().map(|&i| &row[i]))
    }

    /// `WHERE` clause matching one row by its key, numbering parameters from `first`.
    pub fn key_clause(&self, first: usize) -> String {
        self.key
            .iter()
            .enumerate()
            .map(|(n, &i)| format!("\"{}\" = ?{}", self.columns[i], first + n))
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// Whether a row of this table is part of the rows it links to (a child's link to a guardian,
    /// a concern's cause): its key holds a link. Such a row stays, and comes back, with them.
    pub fn is_part(&self) -> bool {
        self.parents
            .iter()
            .any(|link| self.key.contains(&link.column))
    }

    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// A row's key as text: its key's values, each written plainly, joined by U+001F.
pub fn key_text<'a>(values: impl Iterator<Item = &'a Value>) -> String {
    values
        .map(|v| match v {
            Value::Null => String::new(),
            Value::Integer(i) => i.to_string(),
            Value::Real(r) => r.to_string(),
            Value::Text(t) => t.clone(),
            Value::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
        })
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The synced tables as the open record has them.
#[derive(Debug, Clone)]
pub struct Tables {
    by_name: HashMap<String, TableInfo>,
}

impl Tables {
    pub fn read(conn: &Connection) -> Result<Tables> {
        let mut by_name = HashMap::new();
        for &name in SYNCED {
            let mut columns = Vec::new();
            let mut key: Vec<(i64, usize)> = Vec::new();
            let mut stmt = conn.prepare(&format!("PRAGMA table_info(\"{name}\")"))?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, i64>(5)?)))?;
            for (index, row) in rows.enumerate() {
                let (column, pk) = row?;
                if pk > 0 {
                    key.push((pk, index));
                }
                columns.push(column);
            }
            key.sort();
            let mut parents = Vec::new();
            let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list(\"{name}\")"))?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(2)?, r.get::<_, String>(3)?)))?;
            for row in rows {
                let (parent, from) = row?;
                if let Some(column) = columns.iter().position(|c| *c == from) {
                    parents.push(Link { column, parent });
                }
            }
            by_name.insert(
                name.to_string(),
                TableInfo {
                    name: name.to_string(),
                    columns,
                    key: key.into_iter().map(|(_, i)| i).collect(),
                    parents,
                },
            );
        }
        Ok(Tables { by_name })
    }

    pub fn get(&self, name: &str) -> Option<&TableInfo> {
        self.by_name.get(name)
    }

    /// The tables that link to `parent`, with the linking column.
    pub fn children_of<'a>(
        &'a self,
        parent: &'a str,
    ) -> impl Iterator<Item = (&'a TableInfo, usize)> + 'a {
        self.by_name.values().flat_map(move |t| {
            t.parents
                .iter()
                .filter(move |l| l.parent == parent)
                .map(move |l| (t, l.column))
        })
    }
}

/// The rows of `table` whose column `column` holds `key` (the rows linking to one row), all
/// columns.
pub fn rows_linking(
    conn: &Connection,
    table: &TableInfo,
    column: usize,
    key: &Value,
) -> Result<Vec<Vec<Value>>> {
    let sql = format!(
        "SELECT * FROM \"{}\" WHERE \"{}\" = ?1",
        table.name, table.columns[column]
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([key])?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        found.push(
            (0..table.columns.len())
                .map(|i| row.get::<_, Value>(i))
                .collect::<rusqlite::Result<_>>()?,
        );
    }
    Ok(found)
}

/// One row of `table` by its key, all columns; `None` when it is not there.
pub fn read_row(conn: &Connection, table: &TableInfo, key: &[Value]) -> Result<Option<Vec<Value>>> {
    let sql = format!(
        "SELECT * FROM \"{}\" WHERE {}",
        table.name,
        table.key_clause(1)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(key.iter()))?;
    match rows.next()? {
        Some(row) => {
            let mut values = Vec::with_capacity(table.columns.len());
            for i in 0..table.columns.len() {
                values.push(row.get::<_, Value>(i)?);
            }
            Ok(Some(values))
        }
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_either_synced_or_kept_on_one_computer() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::Store::open(dir.path().join("r.sqlite3")).unwrap();
        let names: Vec<String> = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for name in &names {
            let synced = SYNCED.contains(&name.as_str());
            let local = LOCAL.contains(&name.as_str());
            assert!(
                synced != local,
                "{name}: in SYNCED {synced}, in LOCAL {local}"
            );
        }
        assert_eq!(names.len(), SYNCED.len() + LOCAL.len());
        let tables = Tables::read(&store.conn).unwrap();
        for name in SYNCED {
            assert!(
                !tables.get(name).unwrap().key.is_empty(),
                "{name} has a primary key"
            );
        }
    }
}
