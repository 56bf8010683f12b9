//! Search across everything: the full-text index of migration 0011 (FTS5 with the trigram
//! tokenizer: any part of a word, in any script, case and accents folded), kept in step by
//! triggers, asked here. Terms of three characters or more use the index; a shorter term (a
//! two-character name) is looked for in the matches' text, and alone it looks among the people
//! only. Children and guardians have their own part of the index (rowids below zero, migration
//! 0012) and come first, best first; everything else follows, newest first, read from the index's
//! end so that a common word stops after the first few.

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

/// Fills the index from the record (migrations 0011 and 0012, and a rebuild): everything but the
/// people counting up from one in the order it was written (lasting ids start with their time),
/// then the children and guardians counting down from minus one.
pub(crate) fn fill(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM search; DELETE FROM search_row;
         INSERT INTO search (kind, item, student, text) SELECT kind, item, student, text FROM (
             SELECT 'answer' AS kind, t.id AS item, t.student_id AS student, t.answer AS text FROM answer t
             UNION ALL SELECT 'goal', t.id, t.student_id, t.statement || ' ' || t.measure || ' ' || t.steps || ' ' || t.why FROM goal t
             UNION ALL SELECT 'check_in', t.id, (SELECT student_id FROM goal WHERE id = t.goal_id), t.note FROM check_in t
             UNION ALL SELECT 'home_activity', t.id, (SELECT student_id FROM goal WHERE id = t.goal_id), t.title || ' ' || t.details || ' ' || t.how_often FROM home_activity t
             UNION ALL SELECT 'contact', t.id, t.student_id, t.summary || ' ' || t.outcome FROM contact t
             UNION ALL SELECT 'praise', t.id, t.student_id, t.note FROM praise t
             UNION ALL SELECT 'concern', t.id, t.student_id, t.observed || ' ' || t.setting || ' ' || t.strategies || ' ' || t.plan || ' ' || t.notes FROM concern t
         ) ORDER BY item;
         INSERT INTO search (rowid, kind, item, student, text) SELECT -row_number() OVER (ORDER BY t.id), 'student', t.id, t.id, t.given_name || ' ' || t.family_name || ' ' || t.family_name || t.given_name || ' ' || t.preferred_name || ' ' || t.latin_name || ' ' || t.notes FROM student t;
         INSERT INTO search (rowid, kind, item, student, text) SELECT -(SELECT count(*) FROM student) - row_number() OVER (ORDER BY t.id), 'guardian', t.id, NULL, t.name || ' ' || t.relationship || ' ' || t.phone || ' ' || t.email || ' ' || t.best_time FROM guardian t;
         INSERT INTO search_row (kind, item, row) SELECT kind, item, rowid FROM search;",
    )?;
    Ok(())
}

/// A term as an FTS5 phrase: in double quotes, its own quotes doubled.
fn phrase(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// What a search asks of the index: its conditions and their values, and the order of the hits.
struct Asked {
    conditions: String,
    values: Vec<Value>,
    indexed: bool,
}

impl Store {
    /// What matches every word of `query` (case and accents aside), at most `limit`: the children
    /// and guardians first, best first, then everything else, newest first. (Ranking every note
    /// a common word matches is what made a search slow: thousands of them on a large record.)
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let terms: Vec<&str> = query.split_whitespace().collect();
        if terms.is_empty() || limit == 0 {
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
        let asked = Asked {
            conditions: conditions.join(" AND "),
            values,
            indexed: !long.is_empty(),
        };
        let mut hits = self.search_part(&asked, "rowid < 0", "rank", limit)?;
        // Only short words (a two-letter name): the people, not every note read through.
        if hits.len() < limit && asked.indexed {
            let rest = self.search_part(&asked, "rowid >= 0", "rowid DESC", limit - hits.len())?;
            hits.extend(rest);
        }
        Ok(hits)
    }

    /// The hits of `asked` among the index's rows that `rows` picks, at most `limit`.
    fn search_part(
        &self,
        asked: &Asked,
        rows: &str,
        order: &str,
        limit: usize,
    ) -> Result<Vec<SearchHit>> {
        let sql = format!(
            "SELECT kind, item, coalesce(student,
                        (SELECT student_id FROM student_guardian WHERE guardian_id = item LIMIT 1)),
                    {snippet}
             FROM search WHERE {conditions} AND {rows} ORDER BY {order} LIMIT {limit}",
            conditions = asked.conditions,
            snippet = if asked.indexed {
                "snippet(search, 3, '', '', '…', 64)"
            } else {
                "substr(text, 1, 120)"
            },
            order = if asked.indexed { order } else { "rowid DESC" },
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(asked.values.iter()), |r| {
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
