//! The whole record as one documented, stable JSON value (`docs/export-format.md`): every table, in
//! id order, with nothing left out, so a teacher can take their data anywhere.

use rusqlite::Row;
use serde::{Deserialize, Serialize};

use super::contacts::{attach_causes, concern_from_row, contact_from_row, praise_from_row};
use super::contacts::{CONCERN_COLUMNS, CONTACT_COLUMNS, PRAISE_COLUMNS};
use super::goals::{check_in_from_row, goal_from_row, GOAL_COLUMNS};
use super::students::{student_from_row, STUDENT_COLUMNS};
use super::Store;
use crate::error::Result;
use crate::model::*;

// The trash is not exported: what the teacher deleted is not part of the record they take away.

/// What `format` says in every export.
pub const EXPORT_FORMAT: &str = "rapport-export";
/// The version of the export's shape; it changes only when a field changes meaning or goes away.
/// Version 2: ids are lasting ids (UUID text) instead of row numbers; version 1 still imports.
pub const EXPORT_VERSION: u32 = 2;

/// How one guardian stands to one student, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentGuardian {
    pub student_id: Id,
    pub guardian_id: Id,
    pub is_primary: bool,
    pub lives_with: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub format_version: u32,
    /// The schema version of the record it came from.
    pub schema_version: i64,
    pub settings: Settings,
    pub school_years: Vec<SchoolYear>,
    pub classes: Vec<Class>,
    pub students: Vec<Student>,
    pub guardians: Vec<Guardian>,
    pub student_guardians: Vec<StudentGuardian>,
    pub questions: Vec<Question>,
    pub answers: Vec<Answer>,
    pub goals: Vec<Goal>,
    pub check_ins: Vec<CheckIn>,
    pub home_activities: Vec<HomeActivity>,
    pub contacts: Vec<Contact>,
    pub praise: Vec<Praise>,
    pub concerns: Vec<Concern>,
    pub conferences: Vec<Conference>,
    /// The teacher's own wording of the introduction letter, per language (only where edited).
    #[serde(default)]
    pub letter_templates: Vec<LetterTemplate>,
    /// The teacher's corrections to Rapport's translations, string by string.
    #[serde(default)]
    pub translations: Vec<crate::i18n::Correction>,
}

impl Store {
    /// Everything in the record.
    pub fn export(&self) -> Result<Export> {
        let mut concerns = self.all(
            &format!("SELECT {CONCERN_COLUMNS} FROM concern k ORDER BY k.id"),
            concern_from_row,
        )?;
        let mut stmt = self
            .conn
            .prepare("SELECT concern_id, cause FROM concern_cause ORDER BY concern_id, cause")?;
        attach_causes(
            &mut concerns,
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?,
        )?;
        let mut years = self.school_years()?;
        years.sort_by_key(|y| y.id);
        let mut classes = self.classes()?;
        classes.sort_by_key(|c| c.id);
        Ok(Export {
            format: EXPORT_FORMAT.into(),
            format_version: EXPORT_VERSION,
            schema_version: self.schema_version()?,
            settings: self.settings()?,
            school_years: years,
            classes,
            students: self.all(
                &format!("SELECT {STUDENT_COLUMNS} FROM student s ORDER BY s.id"),
                student_from_row,
            )?,
            guardians: self
                .all("SELECT id FROM guardian ORDER BY id", |r| r.get::<_, Id>(0))?
                .into_iter()
                .map(|id| self.guardian(id))
                .collect::<Result<_>>()?,
            student_guardians: self.all(
                "SELECT student_id, guardian_id, is_primary, lives_with FROM student_guardian
                 ORDER BY student_id, guardian_id",
                student_guardian_from_row,
            )?,
            questions: self.questions(true)?,
            answers: self.all(
                &format!(
                    "SELECT {} FROM answer a ORDER BY a.id",
                    super::family::ANSWER_COLUMNS
                ),
                super::family::answer_from_row,
            )?,
            goals: self.all(
                &format!("SELECT {GOAL_COLUMNS} FROM goal g ORDER BY g.id"),
                goal_from_row,
            )?,
            check_ins: self.all(
                "SELECT id, goal_id, on_date, value, note FROM check_in ORDER BY id",
                check_in_from_row,
            )?,
            home_activities: self.all(
                "SELECT id, goal_id, title, details, how_often FROM home_activity ORDER BY id",
                super::goals::activity_from_row,
            )?,
            contacts: self.all(
                &format!("SELECT {CONTACT_COLUMNS} FROM contact c ORDER BY c.id"),
                contact_from_row,
            )?,
            praise: self.all(
                &format!("SELECT {PRAISE_COLUMNS} FROM praise p ORDER BY p.id"),
                praise_from_row,
            )?,
            concerns,
            conferences: self.all(
                &format!(
                    "SELECT {} FROM conference f ORDER BY f.id",
                    super::conferences::CONFERENCE_COLUMNS
                ),
                super::conferences::conference_from_row,
            )?,
            letter_templates: crate::i18n::handout_languages()
                .map(|code| self.letter_template(code))
                .filter(|t| t.as_ref().map_or(true, |t| t.edited))
                .collect::<Result<_>>()?,
            translations: self.corrections()?,
        })
    }

    fn all<T>(&self, sql: &str, read: impl FnMut(&Row) -> rusqlite::Result<T>) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], read)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn student_guardian_from_row(r: &Row) -> rusqlite::Result<StudentGuardian> {
    Ok(StudentGuardian {
        student_id: r.get(0)?,
        guardian_id: r.get(1)?,
        is_primary: r.get(2)?,
        lives_with: r.get(3)?,
    })
}
