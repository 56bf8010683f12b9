//! Guardians and their links to students (many-to-many: siblings share guardians, and a child may
//! have guardians in two households).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::rows;
use super::students::{student_from_row_at, SIBLING_ORDER, STUDENT_COLUMNS};
use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{
    Guardian, GuardianDetails, GuardianLink, GuardianWithStudents, Id, LinkedGuardian, StudentRef,
};
use crate::validate::clean_guardian;

const GUARDIAN_COLUMNS: &str =
    "g.id, g.name, g.relationship, g.phone, g.email, g.preferred_method, \
    g.preferred_language, g.best_time, g.may_contact, g.no_contact_reason";

/// A child's guardians in the order their page lists them: primary contact first, then those the
/// child lives with, then by name.
const GUARDIAN_ORDER: &str = "sg.is_primary DESC, sg.lives_with DESC, g.name COLLATE NOCASE, g.id";

fn guardian_from_row(row: &Row) -> rusqlite::Result<Guardian> {
    Ok(Guardian {
        id: row.get(0)?,
        details: GuardianDetails {
            name: row.get(1)?,
            relationship: row.get(2)?,
            phone: row.get(3)?,
            email: row.get(4)?,
            preferred_method: row.get(5)?,
            preferred_language: row.get(6)?,
            best_time: row.get(7)?,
            may_contact: row.get(8)?,
            no_contact_reason: row.get(9)?,
        },
    })
}

impl Store {
    /// Adds a new guardian and links them to a student. A child's first guardian becomes their
    /// primary contact.
    pub fn add_guardian(
        &mut self,
        student_id: Id,
        details: &GuardianDetails,
        link: GuardianLink,
    ) -> Result<Guardian> {
        let details = clean_guardian(details)?;
        self.refuse_archived_student(student_id)?;
        let id = self.atomically(|store| {
            let conn = &store.conn;
            let id = rows::insert_guardian(conn, Id::new(), &details)?;
            write_link(conn, student_id, id, details.may_contact, link)?;
            Ok(id)
        })?;
        Ok(Guardian { id, details })
    }

    /// Links an existing guardian (a sibling's parent, say) to another student.
    pub fn link_guardian(
        &mut self,
        student_id: Id,
        guardian_id: Id,
        link: GuardianLink,
    ) -> Result<()> {
        self.refuse_archived_student(student_id)?;
        let guardian = self.guardian(guardian_id)?;
        self.atomically(|store| {
            let conn = &store.conn;
            let linked: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM student_guardian WHERE student_id = ?1 AND guardian_id = ?2)",
                params![student_id, guardian_id],
                |r| r.get(0),
            )?;
            if linked {
                return Err(Error::Conflict(format!(
                    "{} is already a guardian of this student.",
                    guardian.details.name
                )));
            }
            write_link(
                conn,
                student_id,
                guardian_id,
                guardian.details.may_contact,
                link,
            )?;
            Ok(())
        })?;
        Ok(())
    }

    /// Changes how a guardian stands to a student (primary contact, lives with).
    pub fn set_guardian_link(
        &mut self,
        student_id: Id,
        guardian_id: Id,
        link: GuardianLink,
    ) -> Result<()> {
        self.refuse_archived_student(student_id)?;
        let guardian = self.guardian(guardian_id)?;
        if link.is_primary && !guardian.details.may_contact {
            return Err(Error::Conflict(format!(
                "{} must not be contacted, so they cannot be the primary contact.",
                guardian.details.name
            )));
        }
        self.atomically(|store| {
            let conn = &store.conn;
            if link.is_primary {
                conn.execute(
                    "UPDATE student_guardian SET is_primary = 0 WHERE student_id = ?1",
                    [student_id],
                )?;
            }
            let changed = conn.execute(
                "UPDATE student_guardian SET is_primary = ?3, lives_with = ?4
                 WHERE student_id = ?1 AND guardian_id = ?2",
                params![student_id, guardian_id, link.is_primary, link.lives_with],
            )?;
            if changed == 0 {
                return Err(Error::NotFound("That guardian of this student"));
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Saves a guardian's details. A guardian who may no longer be contacted stops being anyone's
    /// primary contact.
    pub fn update_guardian(&mut self, id: Id, details: &GuardianDetails) -> Result<Guardian> {
        let details = clean_guardian(details)?;
        self.atomically(|store| {
            let conn = &store.conn;
            let changed = conn.execute(
                "UPDATE guardian SET name = ?2, relationship = ?3, phone = ?4, email = ?5,
                     preferred_method = ?6, preferred_language = ?7, best_time = ?8, may_contact = ?9,
                     no_contact_reason = ?10
                 WHERE id = ?1",
                params![
                    id,
                    details.name,
                    details.relationship,
                    details.phone,
                    details.email,
                    details.preferred_method.as_str(),
                    details.preferred_language,
                    details.best_time,
                    details.may_contact,
                    details.no_contact_reason
                ],
            )?;
            if changed == 0 {
                return Err(Error::NotFound("That guardian"));
            }
            if !details.may_contact {
                conn.execute(
                    "UPDATE student_guardian SET is_primary = 0 WHERE guardian_id = ?1",
                    [id],
                )?;
            }
            Ok(())
        })?;
        Ok(Guardian { id, details })
    }

    pub fn guardian(&self, id: Id) -> Result<Guardian> {
        self.conn
            .query_row(
                &format!("SELECT {GUARDIAN_COLUMNS} FROM guardian g WHERE g.id = ?1"),
                [id],
                guardian_from_row,
            )
            .or_not_found("That guardian")
    }

    /// Removes a guardian from a student. A guardian left with no student is deleted, since the
    /// record keeps guardians only for the children they belong to.
    pub fn unlink_guardian(&mut self, student_id: Id, guardian_id: Id) -> Result<()> {
        self.refuse_archived_student(student_id)?;
        self.atomically(|store| {
            let conn = &store.conn;
            let removed = conn.execute(
                "DELETE FROM student_guardian WHERE student_id = ?1 AND guardian_id = ?2",
                params![student_id, guardian_id],
            )?;
            if removed == 0 {
                return Err(Error::NotFound("That guardian of this student"));
            }
            conn.execute(
                "DELETE FROM guardian WHERE id = ?1
                 AND NOT EXISTS (SELECT 1 FROM student_guardian WHERE guardian_id = ?1)",
                [guardian_id],
            )?;
            Ok(())
        })?;
        Ok(())
    }

    /// A student's guardians: primary contact first, then those the child lives with, then by name.
    pub fn guardians_of(&self, student_id: Id) -> Result<Vec<LinkedGuardian>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {GUARDIAN_COLUMNS}, sg.is_primary, sg.lives_with
             FROM guardian g JOIN student_guardian sg ON sg.guardian_id = g.id
             WHERE sg.student_id = ?1
             ORDER BY {GUARDIAN_ORDER}"
        ))?;
        let rows = stmt
            .query_map([student_id], |row| {
                Ok((
                    guardian_from_row(row)?,
                    GuardianLink {
                        is_primary: row.get(10)?,
                        lives_with: row.get(11)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(guardian, link)| {
                Ok(LinkedGuardian {
                    also_guardian_of: self.students_of_guardian(guardian.id, Some(student_id))?,
                    guardian,
                    link,
                })
            })
            .collect()
    }

    /// Every child's guardians in a class, by child, each list in the order of [`guardians_of`]:
    /// four queries for the whole class instead of a few for each child.
    ///
    /// [`guardians_of`]: Store::guardians_of
    pub(super) fn guardians_of_class(
        &self,
        class_id: Id,
    ) -> Result<HashMap<Id, Vec<LinkedGuardian>>> {
        // Each guardian of the class with every child they are linked to, in the order of
        // `students_of_guardian`.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT sg.guardian_id, {STUDENT_COLUMNS}
             FROM student_guardian sg JOIN student s ON s.id = sg.student_id
             WHERE sg.guardian_id IN (
                 SELECT c.guardian_id FROM student_guardian c
                 JOIN student cs ON cs.id = c.student_id WHERE cs.class_id = ?1)
             ORDER BY {SIBLING_ORDER}"
        ))?;
        let mut children_of: HashMap<Id, Vec<StudentRef>> = HashMap::new();
        let mut rows = stmt.query([class_id])?;
        while let Some(row) = rows.next()? {
            let guardian_id: Id = row.get(0)?;
            let student = student_from_row_at(row, 1)?;
            children_of
                .entry(guardian_id)
                .or_default()
                .push(StudentRef {
                    id: student.id,
                    display_name: student.details.display_name(),
                });
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {GUARDIAN_COLUMNS}, sg.is_primary, sg.lives_with, sg.student_id
             FROM guardian g JOIN student_guardian sg ON sg.guardian_id = g.id
             JOIN student s ON s.id = sg.student_id
             WHERE s.class_id = ?1
             ORDER BY {GUARDIAN_ORDER}"
        ))?;
        let mut by_child: HashMap<Id, Vec<LinkedGuardian>> = HashMap::new();
        let mut rows = stmt.query([class_id])?;
        while let Some(row) = rows.next()? {
            let guardian = guardian_from_row(row)?;
            let student_id: Id = row.get(12)?;
            let also_guardian_of = children_of
                .get(&guardian.id)
                .map(|children| {
                    children
                        .iter()
                        .filter(|c| c.id != student_id)
                        .cloned()
                        .collect()
                })
                .unwrap_or_default();
            by_child
                .entry(student_id)
                .or_default()
                .push(LinkedGuardian {
                    guardian,
                    link: GuardianLink {
                        is_primary: row.get(10)?,
                        lives_with: row.get(11)?,
                    },
                    also_guardian_of,
                });
        }
        Ok(by_child)
    }

    /// Every guardian in the record with their students, by name: the choices for "add a
    /// guardian this family already has".
    pub fn all_guardians(&self) -> Result<Vec<GuardianWithStudents>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {GUARDIAN_COLUMNS} FROM guardian g ORDER BY g.name COLLATE NOCASE, g.id"
        ))?;
        let guardians = stmt
            .query_map([], guardian_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        guardians
            .into_iter()
            .map(|guardian| {
                Ok(GuardianWithStudents {
                    students: self.students_of_guardian(guardian.id, None)?,
                    guardian,
                })
            })
            .collect()
    }

    /// The guardian, if they are linked to this student; otherwise a problem with `field`.
    pub(super) fn linked_guardian(
        &self,
        student_id: Id,
        guardian_id: Id,
        field: &'static str,
    ) -> Result<Guardian> {
        let linked: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM student_guardian WHERE student_id = ?1 AND guardian_id = ?2)",
            params![student_id, guardian_id],
            |r| r.get(0),
        )?;
        if !linked {
            return Err(Error::invalid(
                field,
                "Choose one of this student's guardians.",
            ));
        }
        self.guardian(guardian_id)
    }

    pub(super) fn refuse_archived_student(&self, student_id: Id) -> Result<()> {
        let student = self.student(student_id)?;
        self.refuse_archived(&self.class(student.details.class_id)?)
    }
}

/// Writes a link; a new primary contact replaces the old one, and a child with no primary contact
/// gets this guardian as theirs, unless they may not be contacted.
fn write_link(
    conn: &Connection,
    student_id: Id,
    guardian_id: Id,
    may_contact: bool,
    link: GuardianLink,
) -> Result<()> {
    let has_primary = conn
        .query_row(
            "SELECT 1 FROM student_guardian WHERE student_id = ?1 AND is_primary = 1",
            [student_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if link.is_primary && has_primary {
        conn.execute(
            "UPDATE student_guardian SET is_primary = 0 WHERE student_id = ?1",
            [student_id],
        )?;
    }
    rows::insert_link(
        conn,
        student_id,
        guardian_id,
        GuardianLink {
            is_primary: link.is_primary || (!has_primary && may_contact),
            lives_with: link.lives_with,
        },
    )?;
    Ok(())
}
