//! Search across everything: the full-text index of migration 0011 (FTS5 with the trigram
//! tokenizer: any part of a word, in any script, case and accents folded), kept in step by
//! triggers, asked here. Terms of three characters or more use the index; a shorter term (a
//! two-character name) is looked for in the matches' text.

use rusqlite::{params_from_iter, types::Value, Connection};
use serde::Serialize;

use super::Store;
use crate::error::Result;
use crate::model::Id;

/// One thing found: what kind, which row, the child it is about, and the words around the match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// `student`, `guardian`, `answer`, `goal`, `check_in`, `home_activity`, `contact`,
    /// `praise` or `concern`.
    pub kind: String,
    pub item: Id,
    pub student_id: Option<Id>,
    pub student: Option<String>,
    pub snippet: String,
}

/// Fills the index from the record (migration 0011, and a rebuild).
pub(crate) fn fill(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM search; DELETE FROM search_row;
         INSERT INTO search (kind, item, student, text) SELECT 'student', t.id, t.id, t.given_name || ' ' || t.family_name || ' ' || t.family_name || t.given_name || ' ' || t.preferred_name || ' ' || t.latin_name || ' ' || t.notes FROM student t;
         INSERT INTO search (kind, item, student, text) SELECT 'guardian', t.id, NULL, t.name || ' ' || t.relationship || ' ' || t.phone || ' ' || t.email || ' ' || t.best_time FROM guardian t;
         INSERT INTO search (kind, item, student, text) SELECT 'answer', t.id, t.student_id, t.answer FROM answer t;
         INSERT INTO search (kind, item, student, text) SELECT 'goal', t.id, t.student_id, t.statement || ' ' || t.measure || ' ' || t.steps || ' ' || t.why FROM goal t;
         INSERT INTO search (kind, item, student, text) SELECT 'check_in', t.id, (SELECT student_id FROM goal WHERE id = t.goal_id), t.note FROM check_in t;
         INSERT INTO search (kind, item, student, text) SELECT 'home_activity', t.id, (SELECT student_id FROM goal WHERE id = t.goal_id), t.title || ' ' || t.details || ' ' || t.how_often FROM home_activity t;
         INSERT INTO search (kind, item, student, text) SELECT 'contact', t.id, t.student_id, t.summary || ' ' || t.outcome FROM contact t;
         INSERT INTO search (kind, item, student, text) SELECT 'praise', t.id, t.student_id, t.note FROM praise t;
         INSERT INTO search (kind, item, student, text) SELECT 'concern', t.id, t.student_id, t.observed || ' ' || t.setting || ' ' || t.strategies || ' ' || t.plan || ' ' || t.notes FROM concern t;
         INSERT INTO search_row (kind, item, row) SELECT kind, item, rowid FROM search;",
    )?;
    Ok(())
}

/// A term as an FTS5 phrase: in double quotes, its own quotes doubled.
fn phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

impl Store {
    /// What matches every word of `query` (case and accents aside), best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let (long, short): (Vec<&str>, Vec<&str>) =
            terms.iter().partition(|t| t.chars().count() >= 3);
        let mut conditions = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        if !long.is_empty() {
            conditions.push("search MATCH ?".to_string());
            values.push(Value::Text(
                long.iter()
                    .map(|t| phrase(t))
                    .collect::<Vec<_>>()
                    .join(" AND "),
            ));
        }
        for term in &short {
            conditions.push("text LIKE ?".to_string());
            values.push(Value::Text(format!("%{}%", term.replace(['%', '_'], ""))));
        }
        values.push(Value::Integer(limit as i64));
        let order = if long.is_empty() {
            "rowid DESC"
        } else {
            "rank"
        };
        let sql = format!(
            "SELECT kind, item, coalesce(student,
                        (SELECT student_id FROM student_guardian WHERE guardian_id = item LIMIT 1)),
                    {snippet}
             FROM search WHERE {} ORDER BY {order} LIMIT ?",
            conditions.join(" AND "),
            snippet = if long.is_empty() {
                "substr(text, 1, 120)"
            } else {
                "snippet(search, 3, '', '', '…', 40)"
            }
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Id>(1)?,
                r.get::<_, Option<Id>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (kind, item, student_id, snippet) = row?;
            let student = match student_id {
                Some(id) => self.student(id).ok().map(|s| s.details.display_name()),
                None => None,
            };
            hits.push(SearchHit {
                kind,
                item,
                student_id,
                student,
                snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
            });
        }
        Ok(hits)
    }

    /// Fills the search index again from the record (should it ever be out of step).
    pub fn rebuild_search(&mut self) -> Result<()> {
        self.atomically(|store| fill(&store.conn))
    }
}
