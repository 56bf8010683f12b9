//! Students: add, edit, list, delete, and the whole record on a student's page.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};

use super::rows;
use super::trash::Deleted;
use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{Id, Student, StudentDetails, StudentRecord, StudentRef, StudentSummary};
use crate::validate::clean_student;

pub(super) const STUDENT_COLUMNS: &str = "s.id, s.class_id, s.given_name, s.family_name, \
    s.preferred_name, s.name_order, s.pronouns, s.grade, s.school_student_id, s.notes, s.latin_name";

/// The other children a guardian is linked to, as a page lists them: by given name.
pub(super) const SIBLING_ORDER: &str = "s.given_name COLLATE NOCASE, s.id";

pub(super) fn student_from_row(row: &Row) -> rusqlite::Result<Student> {
    student_from_row_at(row, 0)
}

/// A student from [`STUDENT_COLUMNS`] starting at column `at`.
pub(super) fn student_from_row_at(row: &Row, at: usize) -> rusqlite::Result<Student> {
    Ok(Student {
        id: row.get(at)?,
        details: StudentDetails {
            class_id: row.get(at + 1)?,
            given_name: row.get(at + 2)?,
            family_name: row.get(at + 3)?,
            preferred_name: row.get(at + 4)?,
            name_order: row.get(at + 5)?,
            pronouns: row.get(at + 6)?,
            grade: row.get(at + 7)?,
            school_student_id: row.get(at + 8)?,
            notes: row.get(at + 9)?,
            latin_name: row.get(at + 10)?,
        },
    })
}

impl Store {
    pub fn add_student(&self, details: &StudentDetails) -> Result<Student> {
        let details = clean_student(details)?;
        let class = self.class(details.class_id)?;
        self.refuse_archived(&class)?;
        self.refuse_duplicate_school_id(&details, None)?;
        let id = rows::insert_student(&self.conn, Id::new(), &details)?;
        Ok(Student { id, details })
    }

    pub fn update_student(&self, id: Id, details: &StudentDetails) -> Result<Student> {
        let details = clean_student(details)?;
        let current = self.student(id)?;
        self.refuse_archived(&self.class(current.details.class_id)?)?;
        let target = self.class(details.class_id)?;
        self.refuse_archived(&target)?;
        self.refuse_duplicate_school_id(&details, Some(id))?;
        self.conn.execute(
            "UPDATE student SET class_id = ?2, given_name = ?3, family_name = ?4, preferred_name = ?5,
                 name_order = ?6, pronouns = ?7, grade = ?8, school_student_id = ?9, notes = ?10,
                 latin_name = ?11
             WHERE id = ?1",
            params![
                id,
                details.class_id,
                details.given_name,
                details.family_name,
                details.preferred_name,
                details.name_order.as_str(),
                details.pronouns,
                details.grade,
                details.school_student_id,
                details.notes,
                details.latin_name
            ],
        )?;
        Ok(Student { id, details })
    }

    pub fn student(&self, id: Id) -> Result<Student> {
        self.conn
            .query_row(
                &format!("SELECT {STUDENT_COLUMNS} FROM student s WHERE s.id = ?1"),
                [id],
                student_from_row,
            )
            .or_not_found("That student")
    }

    /// Deletes a student with their whole record, and every guardian linked to no other student.
    /// It all goes to the trash, from which it can be restored for 30 days.
    pub fn delete_student(&mut self, id: Id) -> Result<Id> {
        let student = self.student(id)?;
        self.refuse_archived(&self.class(student.details.class_id)?)?;
        let label = student.details.display_name();
        let snapshot = self.student_snapshot(student)?;
        self.discard(
            label,
            Some(id),
            Deleted::Student(Box::new(snapshot)),
            |tx| delete_with_lone_guardians(tx, id),
        )
    }

    /// The class list, by family name then given name, with each child's guardians' names.
    pub fn students(&self, class_id: Id) -> Result<Vec<StudentSummary>> {
        self.class(class_id)?;
        let mut guardians: HashMap<Id, (Vec<String>, bool)> = HashMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT sg.student_id, g.name, g.may_contact
             FROM student_guardian sg
             JOIN guardian g ON g.id = sg.guardian_id
             JOIN student s ON s.id = sg.student_id
             WHERE s.class_id = ?1
             ORDER BY sg.is_primary DESC, g.name COLLATE NOCASE",
        )?;
        let mut rows = stmt.query([class_id])?;
        while let Some(row) = rows.next()? {
            let entry = guardians.entry(row.get(0)?).or_default();
            entry.0.push(row.get(1)?);
            entry.1 |= !row.get::<_, bool>(2)?;
        }
        let summaries: Vec<StudentSummary> = self
            .class_list(class_id)?
            .into_iter()
            .map(|s| {
                let (guardian_names, has_no_contact_guardian) =
                    guardians.remove(&s.id).unwrap_or_default();
                StudentSummary {
                    id: s.id,
                    class_id: s.details.class_id,
                    display_name: s.details.display_name(),
                    latin_name: s.details.name_in_latin_letters(),
                    guardian_names,
                    has_no_contact_guardian,
                    given_name: s.details.given_name,
                    family_name: s.details.family_name,
                    grade: s.details.grade,
                    pronouns: s.details.pronouns,
                    school_student_id: s.details.school_student_id,
                }
            })
            .collect();
        Ok(summaries)
    }

    /// A class's students in class-list order: by family name as it reads in Latin letters
    /// ("Петрова" sorts under P, "王" under W, never all after Z), then given name.
    fn class_list(&self, class_id: Id) -> Result<Vec<Student>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STUDENT_COLUMNS} FROM student s WHERE s.class_id = ?1
             ORDER BY s.family_name COLLATE NOCASE, s.given_name COLLATE NOCASE, s.id"
        ))?;
        let mut students = stmt
            .query_map([class_id], student_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        students.sort_by_cached_key(|s| {
            (
                crate::text::sort_key(&s.details.family_name),
                crate::text::sort_key(&s.details.given_name),
            )
        });
        Ok(students)
    }

    /// Everything on a student's page.
    pub fn student_record(&self, id: Id) -> Result<StudentRecord> {
        let student = self.student(id)?;
        let class = self.class(student.details.class_id)?;
        let guardians = self.guardians_of(id)?;
        Ok(StudentRecord {
            display_name: student.details.display_name(),
            full_name: student.details.full_name(),
            student,
            class,
            guardians,
        })
    }

    /// Every student's page in a class, in class-list order.
    pub fn class_records(&self, class_id: Id) -> Result<Vec<StudentRecord>> {
        let class = self.class(class_id)?;
        let mut guardians = self.guardians_of_class(class_id)?;
        Ok(self
            .class_list(class_id)?
            .into_iter()
            .map(|student| StudentRecord {
                display_name: student.details.display_name(),
                full_name: student.details.full_name(),
                guardians: guardians.remove(&student.id).unwrap_or_default(),
                student,
                class: class.clone(),
            })
            .collect())
    }

    /// Students linked to a guardian, other than `except`.
    pub(super) fn students_of_guardian(
        &self,
        guardian_id: Id,
        except: Option<Id>,
    ) -> Result<Vec<StudentRef>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STUDENT_COLUMNS} FROM student s
             JOIN student_guardian sg ON sg.student_id = s.id
             WHERE sg.guardian_id = ?1 AND s.id IS NOT ?2
             ORDER BY {SIBLING_ORDER}"
        ))?;
        let students = stmt.query_map(params![guardian_id, except], student_from_row)?;
        students
            .map(|s| {
                let s = s?;
                Ok(StudentRef {
                    id: s.id,
                    display_name: s.details.display_name(),
                })
            })
            .collect()
    }

    fn refuse_duplicate_school_id(
        &self,
        details: &StudentDetails,
        except: Option<Id>,
    ) -> Result<()> {
        let Some(school_id) = &details.school_student_id else {
            return Ok(());
        };
        let clash: Option<Student> = self
            .conn
            .query_row(
                &format!(
                    "SELECT {STUDENT_COLUMNS} FROM student s
                     WHERE s.class_id = ?1 AND s.school_student_id = ?2 AND s.id IS NOT ?3"
                ),
                params![details.class_id, school_id, except],
                student_from_row,
            )
            .optional()?;
        match clash {
            Some(other) => Err(Error::invalid(
                "school_student_id",
                format!(
                    "{} already has the school id “{school_id}” in this class.",
                    other.details.display_name()
                ),
            )),
            None => Ok(()),
        }
    }
}

/// Deletes a child, and the guardians linked to no other child (a sibling's parents stay).
pub(super) fn delete_with_lone_guardians(conn: &rusqlite::Connection, id: Id) -> Result<()> {
    conn.execute(
        "DELETE FROM guardian WHERE id IN (
         SELECT guardian_id FROM student_guardian WHERE student_id = ?1
         EXCEPT
         SELECT guardian_id FROM student_guardian WHERE student_id <> ?1)",
        [id],
    )?;
    conn.execute("DELETE FROM student WHERE id = ?1", [id])?;
    Ok(())
}
