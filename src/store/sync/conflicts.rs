//! "Changed on both computers": what a sync could not keep both of, in words a teacher reads
//! (whose record, which thing, which field, the value kept and the other one), and the choice
//! to take the other value instead.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::Serialize;

use super::tables::{read_row, Tables};
use crate::error::{Error, Result};
use crate::model::Id;
use crate::store::Store;

/// One conflict as the window lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SyncConflict {
    pub id: Id,
    /// `both_changed` or `edit_over_delete`.
    pub kind: String,
    pub seen_at: chrono::DateTime<chrono::Utc>,
    /// The child it is about, by name, when it is about one.
    pub student_id: Option<Id>,
    pub student: Option<String>,
    /// What was changed: "Goal “Read 90 words a minute”", "Guardian Ana López".
    pub thing: String,
    /// The field: "Target", "Phone" (empty for a row kept over a deletion).
    pub field: String,
    /// The value the record holds now, and the other computer's (or this one's, when the other
    /// computer's won), as the teacher reads them.
    pub kept: String,
    pub other: String,
    /// Whether the value that lost was the other computer's.
    pub other_is_theirs: bool,
    /// Whether "Use the other value" can be offered (the field still holds the kept value).
    pub can_take_other: bool,
}

pub(super) fn to_json(value: &Value) -> String {
    let json = match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => serde_json::json!(i),
        Value::Real(r) => serde_json::json!({ "real": r.to_bits() }),
        Value::Text(t) => serde_json::json!(t),
        Value::Blob(_) => serde_json::Value::Null,
    };
    json.to_string()
}

fn from_json(text: &str) -> Value {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Number(n)) => n.as_i64().map(Value::Integer).unwrap_or(Value::Null),
        Ok(serde_json::Value::String(s)) => Value::Text(s),
        Ok(serde_json::Value::Object(o)) => o
            .get("real")
            .and_then(|b| b.as_u64())
            .map(|bits| Value::Real(f64::from_bits(bits)))
            .unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

/// Yes/no columns, shown as words.
const FLAGS: &[&str] = &[
    "sensitive",
    "reached",
    "may_contact",
    "archived",
    "call_queued",
    "follow_up_done",
    "is_primary",
    "lives_with",
    "retired",
    "share_at_conference",
];

fn shown(column: &str, value: &Value) -> String {
    match value {
        Value::Null => "(empty)".into(),
        Value::Integer(i) if FLAGS.contains(&column) => if *i == 0 { "no" } else { "yes" }.into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => crate::measure::number(*r),
        Value::Text(t) if t.is_empty() => "(empty)".into(),
        Value::Text(t) => t.clone(),
        Value::Blob(_) => "(data)".into(),
    }
}

/// The start of a long text, cut at a word.
fn snippet(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_string();
    }
    let cut: String = text.chars().take(most).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{}…", cut.trim_end())
}

/// A column's name as a label: `follow_up_on` → "Follow up on".
fn field_label(table: &str, column: &str) -> String {
    let named = match (table, column) {
        (_, "happened_on" | "noticed_on" | "answered_on" | "on_date") => "Date",
        ("goal", "statement") => "The goal",
        ("contact", "summary") => "What was said",
        ("contact", "outcome") => "What was agreed",
        ("concern", "observed") => "What was seen",
        ("concern", "plan") => "What was agreed",
        ("concern", "strategies") => "What was tried",
        ("setting", "value") => "Value",
        _ => "",
    };
    if !named.is_empty() {
        return named.into();
    }
    let words = column.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Store {
    /// Every conflict the teacher has not settled, newest first.
    pub fn sync_conflicts(&self) -> Result<Vec<SyncConflict>> {
        let ids: Vec<Id> = self
            .conn
            .prepare(
                "SELECT id FROM sync_conflict WHERE settled = 0 ORDER BY seen_at DESC, rowid DESC",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        self.sync_conflicts_by_id(&ids)
    }

    pub(super) fn sync_conflicts_by_id(&self, ids: &[Id]) -> Result<Vec<SyncConflict>> {
        let tables = Tables::read(&self.conn)?;
        let mut found = Vec::new();
        for &id in ids {
            if let Some(conflict) = self.describe_conflict(&tables, id)? {
                found.push(conflict);
            }
        }
        Ok(found)
    }

    fn describe_conflict(&self, tables: &Tables, id: Id) -> Result<Option<SyncConflict>> {
        let row = self
            .conn
            .query_row(
                "SELECT kind, seen_at, tbl, pk, col, kept, other, other_is_theirs
                 FROM sync_conflict WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, bool>(7)?,
                    ))
                },
            )
            .optional()?;
        let Some((kind, seen_at, table, key, column, kept, other, other_is_theirs)) = row else {
            return Ok(None);
        };
        let Some(info) = tables.get(&table) else {
            return Ok(None);
        };
        let key_values: Vec<Value> = key
            .split('\u{1f}')
            .map(|k| Value::Text(k.to_string()))
            .collect();
        // A row gone since (deleted, removed for good) has nothing left to decide.
        let Some(values) = read_row(&self.conn, info, &key_values)? else {
            return Ok(None);
        };
        let get = |name: &str| info.column_index(name).map(|i| values[i].clone());
        let text = |name: &str| match get(name) {
            Some(Value::Text(t)) => t,
            _ => String::new(),
        };
        let (kept, other) = (from_json(&kept), from_json(&other));
        let current = info.column_index(&column).map(|i| values[i].clone());
        let can_take_other = kind == "both_changed" && current.as_ref() == Some(&kept);
        let student_id = self.student_of(&table, &values, info)?;
        let student = match student_id {
            Some(s) => self.student(s).ok().map(|s| s.details.display_name()),
            None => None,
        };
        let snippet = |t: String| snippet(&t, 60);
        let thing = match table.as_str() {
            "student" => "The child's details".to_string(),
            "guardian" => format!("Guardian {}", text("name")),
            "goal" => format!("Goal “{}”", snippet(text("statement"))),
            "check_in" => format!("Check-in of {}", text("on_date")),
            "home_activity" => format!("Learning at home “{}”", snippet(text("title"))),
            "contact" => format!("Contact of {}", text("happened_on")),
            "praise" => format!("Good news of {}", text("noticed_on")),
            "concern" => format!("Concern of {}", text("noticed_on")),
            "answer" => "A family's answer".to_string(),
            "conference" => format!("Conference at {}", text("starts_at").replace('T', " ")),
            "class" => format!("Class {}", text("name")),
            "school_year" => format!("School year {}", text("name")),
            "setting" => format!("Setting “{}”", text("key")),
            "student_guardian" => "A guardian's link to the child".to_string(),
            "concern_cause" => "A concern's possible cause".to_string(),
            "question" => format!("Question “{}”", snippet(text("prompt"))),
            other => other.replace('_', " "),
        };
        Ok(Some(SyncConflict {
            id,
            kind,
            seen_at,
            student_id,
            student,
            thing,
            field: if column.is_empty() {
                String::new()
            } else {
                field_label(&table, &column)
            },
            kept: if column.is_empty() {
                String::new()
            } else {
                shown(&column, &kept)
            },
            other: if column.is_empty() {
                String::new()
            } else {
                shown(&column, &other)
            },
            other_is_theirs,
            can_take_other,
        }))
    }

    /// The child a row is about, following its links (a check-in's goal's child).
    fn student_of(
        &self,
        table: &str,
        values: &[Value],
        info: &super::tables::TableInfo,
    ) -> Result<Option<Id>> {
        let link = |name: &str| match info.column_index(name).map(|i| &values[i]) {
            Some(Value::Text(t)) => t.parse::<Id>().ok(),
            _ => None,
        };
        let via = |sql: &str, id: Option<Id>| -> Result<Option<Id>> {
            match id {
                Some(id) => Ok(self.conn.query_row(sql, [id], |r| r.get(0)).optional()?),
                None => Ok(None),
            }
        };
        Ok(match table {
            "student" => link("id"),
            "check_in" | "home_activity" => {
                via("SELECT student_id FROM goal WHERE id = ?1", link("goal_id"))?
            }
            "concern_cause" => via(
                "SELECT student_id FROM concern WHERE id = ?1",
                link("concern_id"),
            )?,
            _ => link("student_id"),
        })
    }

    /// Settles a conflict: with `take_other`, the field takes the other value (an edit like any
    /// other, sent to the other computer at the next sync); either way it leaves the list.
    pub fn settle_sync_conflict(&mut self, id: Id, take_other: bool) -> Result<()> {
        let (table, key, column, kept, other): (String, String, String, String, String) = self
            .conn
            .query_row(
                "SELECT tbl, pk, col, kept, other FROM sync_conflict WHERE id = ?1 AND settled = 0",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?
            .ok_or(Error::NotFound("That conflict"))?;
        self.atomically(|store| {
            if take_other && !column.is_empty() {
                let tables = Tables::read(&store.conn)?;
                let info = tables.get(&table).ok_or(Error::NotFound("That record"))?;
                let index = info.column_index(&column).ok_or(Error::NotFound("That field"))?;
                let key_values: Vec<Value> =
                    key.split('\u{1f}').map(|k| Value::Text(k.to_string())).collect();
                let row = read_row(&store.conn, info, &key_values)?.ok_or(Error::NotFound("That record"))?;
                if row[index] != from_json(&kept) {
                    return Err(Error::Conflict(
                        "That field was changed again since; nothing was changed.".into(),
                    ));
                }
                let sql = format!(
                    "UPDATE \"{}\" SET \"{}\" = ?1 WHERE {}",
                    info.name,
                    column,
                    info.key_clause(2)
                );
                let value = from_json(&other);
                let params = std::iter::once(&value).chain(key_values.iter());
                store.conn.execute(&sql, params_from_iter(params)).map_err(|_| {
                    Error::Conflict(
                        "The other value no longer fits with the rest of the record; nothing was changed."
                            .into(),
                    )
                })?;
            }
            store
                .conn
                .execute("UPDATE sync_conflict SET settled = 1 WHERE id = ?1", params![id])?;
            Ok(())
        })
    }
}
