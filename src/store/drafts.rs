//! Forms the teacher started and has not saved, kept as they type (the window saves a draft a
//! moment after each change) so that Escape, another page or quitting loses nothing: reopening the
//! form brings the text back. A draft belongs to one child and goes with them; saving its form or
//! "Discard draft" drops it. Drafts live in the record, so they are backed up and protected with
//! it, and never in the web view's own storage.

use std::collections::BTreeMap;

use chrono::{Local, NaiveDateTime};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::{Error, Result};
use crate::model::Id;

/// The longest name a form may give its draft ("contact:<child id>", "goal:<goal id>").
const MAX_FORM_KEY: usize = 200;
/// How many fields a draft may hold, and how much text in all: a few times the longest form.
const MAX_FIELDS: usize = 60;
const MAX_DRAFT_CHARS: usize = 60_000;

/// One unsaved form: its controls' values by control id, as the window read them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub form: String,
    pub student_id: Id,
    pub fields: BTreeMap<String, String>,
    /// When it was last kept, local time.
    pub saved_at: NaiveDateTime,
}

fn check(form: &str, fields: &BTreeMap<String, String>) -> Result<()> {
    if form.trim().is_empty() || form.chars().count() > MAX_FORM_KEY {
        return Err(Error::invalid(
            "form",
            "A draft needs the name of its form.",
        ));
    }
    let chars: usize = fields
        .iter()
        .map(|(k, v)| k.chars().count() + v.chars().count())
        .sum();
    if fields.len() > MAX_FIELDS || chars > MAX_DRAFT_CHARS {
        return Err(Error::invalid(
            "fields",
            format!("This draft is too long to keep (more than {MAX_DRAFT_CHARS} characters). Save the form or shorten it."),
        ));
    }
    Ok(())
}

impl Store {
    /// Keeps what a form holds now, replacing its earlier draft. A form whose every field is
    /// empty keeps no draft.
    pub fn save_draft(
        &self,
        form: &str,
        student_id: Id,
        fields: &BTreeMap<String, String>,
    ) -> Result<()> {
        check(form, fields)?;
        if fields.values().all(|v| v.trim().is_empty()) {
            return self.discard_draft(form);
        }
        self.student(student_id)?;
        let json = serde_json::to_string(fields)
            .map_err(|e| Error::Internal(format!("a draft could not be written: {e}")))?;
        let now = Local::now().naive_local();
        self.conn.execute(
            "INSERT INTO draft (form, student_id, fields, saved_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (form) DO UPDATE SET student_id = excluded.student_id,
                 fields = excluded.fields, saved_at = excluded.saved_at",
            params![form, student_id, json, now],
        )?;
        Ok(())
    }

    /// The draft a form left, if any.
    pub fn draft(&self, form: &str) -> Result<Option<Draft>> {
        let row = self
            .conn
            .query_row(
                "SELECT student_id, fields, saved_at FROM draft WHERE form = ?1",
                [form],
                |r| {
                    Ok((
                        r.get::<_, Id>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, NaiveDateTime>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((student_id, json, saved_at)) = row else {
            return Ok(None);
        };
        // A draft that cannot be read back is no draft: the form opens empty rather than failing.
        let Ok(fields) = serde_json::from_str(&json) else {
            self.discard_draft(form)?;
            return Ok(None);
        };
        Ok(Some(Draft {
            form: form.to_string(),
            student_id,
            fields,
            saved_at,
        }))
    }

    /// Drops a form's draft (after saving the form, or when the teacher discards it).
    pub fn discard_draft(&self, form: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM draft WHERE form = ?1", [form])?;
        Ok(())
    }

    /// The forms with a draft about a child, for the child's page to say so.
    pub fn drafts_of(&self, student_id: Id) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT form FROM draft WHERE student_id = ?1 ORDER BY form")?;
        let forms = stmt
            .query_map([student_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(forms)
    }
}
