//! Reading an export (`docs/export-format.md`) back into an empty record, for a teacher moving to a
//! new computer: every row keeps its id, so exporting again gives the same JSON (an export written
//! before ids were lasting gets lasting ones, see `lasting_ids`). All or nothing:
//! one transaction, and the first problem names the row it is in.

use rusqlite::params;
use serde::Serialize;

use super::export::{Export, EXPORT_FORMAT, EXPORT_VERSION};
use super::{rows, Store};
use crate::error::{Error, Result};
use crate::model::GuardianLink;
use crate::validate::*;

/// What an import brought in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Imported {
    pub classes: usize,
    pub students: usize,
    pub guardians: usize,
    pub contacts: usize,
    /// Children removed for good on this computer, left out again (the export predates it).
    pub removed_again: usize,
}

impl Store {
    /// Whether the record holds no school year, class, child, guardian or family answer yet.
    pub fn is_empty_record(&self) -> Result<bool> {
        let held: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM school_year) + (SELECT count(*) FROM class)
                  + (SELECT count(*) FROM student) + (SELECT count(*) FROM guardian)
                  + (SELECT count(*) FROM answer)",
            [],
            |r| r.get(0),
        )?;
        Ok(held == 0)
    }

    /// Fills an empty record from an export. Refuses a record that already holds classes,
    /// students or guardians, an export of a newer format, and any row that breaks a rule; in
    /// every case nothing is written.
    pub fn import_export(&mut self, export: &Export) -> Result<Imported> {
        if export.format != EXPORT_FORMAT {
            return Err(Error::BadFile(format!(
                "This file is not a Rapport export (its format is “{}”).",
                export.format
            )));
        }
        if export.format_version > EXPORT_VERSION || export.schema_version > super::SCHEMA_VERSION {
            return Err(Error::TooNew {
                found: export.schema_version,
                known: super::SCHEMA_VERSION,
            });
        }
        if !self.is_empty_record()? {
            return Err(Error::Conflict(
                "An export can only be read into an empty record, and this one already holds \
                 classes or students. Nothing was changed."
                    .into(),
            ));
        }
        // An export written before ids were lasting (format 1) names rows by numbers: they get
        // lasting ids here, their links following them.
        let mut export = export.clone();
        super::lasting_ids::map_legacy_export(&mut export);
        crate::removals::read(&self.path)?;
        let imported = self.atomically(|store| store.write_export(&export))?;
        Ok(Imported {
            removed_again: self.apply_removals()?,
            ..imported
        })
    }

    fn write_export(&mut self, e: &Export) -> Result<Imported> {
        // The seed question bank of a new record gives way to the exported one.
        self.conn.execute("DELETE FROM question", [])?;
        self.write_classes_and_people(e)?;
        self.write_partnership(e)?;
        for (i, template) in e.letter_templates.iter().enumerate() {
            self.save_letter_template(&template.language, Some(&template.body))
                .map_err(at("letter_templates", i))?;
        }
        for (i, correction) in e.translations.iter().enumerate() {
            self.save_translation(
                &correction.language,
                &correction.key,
                Some(&correction.text),
            )
            .map_err(at("translations", i))?;
        }
        self.save_settings(&e.settings)
            .map_err(|error| Error::BadFile(format!("settings: {error}")))?;
        let problems = self
            .conn
            .prepare("PRAGMA foreign_key_check")?
            .query_map([], |_| Ok(()))?
            .count();
        if problems > 0 {
            return Err(Error::BadFile(format!(
                "The export refers to {problems} rows that are not in it. Nothing was changed."
            )));
        }
        Ok(Imported {
            classes: e.classes.len(),
            students: e.students.len(),
            guardians: e.guardians.len(),
            contacts: e.contacts.len(),
            removed_again: 0,
        })
    }

    /// School years, classes, children, guardians and who is whose.
    fn write_classes_and_people(&self, e: &Export) -> Result<()> {
        let conn = &self.conn;
        each("school_years", &e.school_years, |y| {
            let d = clean_school_year(&y.details)?;
            conn.execute(
                "INSERT INTO school_year (id, name, starts_on, ends_on) VALUES (?1, ?2, ?3, ?4)",
                params![y.id, d.name, d.starts_on, d.ends_on],
            )?;
            Ok(())
        })?;
        each("classes", &e.classes, |c| {
            let d = clean_class(&c.details)?;
            conn.execute(
                "INSERT INTO class (id, school_year_id, name, grade, room, archived)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![c.id, c.school_year_id, d.name, d.grade, d.room, c.archived],
            )?;
            Ok(())
        })?;
        each("students", &e.students, |s| {
            rows::insert_student(conn, s.id, &clean_student(&s.details)?)
        })?;
        each("guardians", &e.guardians, |g| {
            rows::insert_guardian(conn, g.id, &clean_guardian(&g.details)?)
        })?;
        each("student_guardians", &e.student_guardians, |l| {
            let link = GuardianLink {
                is_primary: l.is_primary,
                lives_with: l.lives_with,
            };
            rows::insert_link(conn, l.student_id, l.guardian_id, link)
        })
    }

    /// The questions and every part of the partnership record.
    fn write_partnership(&self, e: &Export) -> Result<()> {
        let conn = &self.conn;
        each("questions", &e.questions, |q| {
            let d = clean_question(&crate::model::QuestionDetails {
                prompt: q.prompt.clone(),
                topic: q.topic,
            })?;
            conn.execute(
                "INSERT INTO question (id, prompt, topic, position, retired, seed_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![q.id, d.prompt, d.topic, q.position, q.retired, q.seed_key],
            )?;
            Ok(())
        })?;
        each("answers", &e.answers, |a| {
            rows::insert_answer(conn, a.id, &clean_answer(&a.details)?)
        })?;
        each("goals", &e.goals, |g| {
            rows::insert_goal(conn, g.id, &clean_goal(&g.details)?)
        })?;
        each("check_ins", &e.check_ins, |c| {
            rows::insert_check_in(conn, c.id, &clean_check_in(&c.details)?)
        })?;
        each("home_activities", &e.home_activities, |h| {
            rows::insert_home_activity(conn, h.id, &clean_home_activity(&h.details)?)
        })?;
        each("contacts", &e.contacts, |c| {
            rows::insert_contact(conn, c.id, &clean_contact(&c.details)?)
        })?;
        each("praise", &e.praise, |p| {
            rows::insert_praise(conn, p.id, &clean_praise(&p.details)?, p.contact_id)
        })?;
        each("concerns", &e.concerns, |k| {
            let d = clean_concern(&k.details)?;
            let id = rows::insert_concern_row(conn, k.id, &d)?;
            rows::write_causes(conn, id, &d.causes)
        })?;
        each("conferences", &e.conferences, |c| {
            super::conferences::insert_conference(conn, c.id, &clean_conference(&c.details)?)
        })
    }
}

/// Cleans and writes each row of one list of an export, naming the row a problem is in.
fn each<T, R>(
    list: &'static str,
    rows: &[T],
    mut write: impl FnMut(&T) -> Result<R>,
) -> Result<()> {
    for (index, row) in rows.iter().enumerate() {
        write(row).map_err(at(list, index))?;
    }
    Ok(())
}

/// Names the row a problem is in: "students[3]: Given name is empty".
fn at(list: &'static str, index: usize) -> impl Fn(Error) -> Error {
    move |error| {
        let message = error.to_string();
        let message = message.trim_end_matches(" Nothing was changed.");
        Error::BadFile(format!("{list}[{index}]: {message} Nothing was changed."))
    }
}
