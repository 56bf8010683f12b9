//! The end of a school year and a child's record removed for good. A class is archived (read-only,
//! still printable) and a new year starts with the children and guardians the teacher carries
//! over; the old year's record stays as it was. Purging a child deletes every row about them, the
//! trash included, overwriting the deleted content on disk. Backups taken before a purge still
//! hold the child's record: the purge is written to the ledger beside them (`removals`), which
//! flags those backups and clears the child again from any record put in place later.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::trash::Deleted;
use super::Store;
use crate::error::{Error, Result};
use crate::model::{
    Class, ClassDetails, GuardianLink, Id, SchoolYearDetails, Student, StudentDetails,
};
use crate::removals::Removal;

/// Where records purged before the ledger existed kept the time of the last purge (RFC 3339).
const LAST_PURGE: &str = "last_purge_at";

impl Store {
    /// Archives (read-only, still printable) or reopens a class.
    pub fn archive_class(&self, id: Id, archived: bool) -> Result<Class> {
        self.set_class_archived(id, archived)
    }

    /// Starts the next school year: a new class (in the school year after `from`'s, or today's if
    /// that is later) with the chosen children of `from` carried over (their names and details,
    /// linked to the same guardians), and `from` archived. The new class becomes the current one.
    pub fn start_new_year(
        &mut self,
        from: Id,
        details: &ClassDetails,
        carry: &[Id],
        today: NaiveDate,
    ) -> Result<Class> {
        let old = self.class(from)?;
        let old_year = self.school_year(old.school_year_id)?;
        let next = SchoolYearDetails::containing(old_year.details.ends_on + Duration::days(60));
        let now = SchoolYearDetails::containing(today);
        let year = if now.starts_on > next.starts_on {
            now
        } else {
            next
        };
        self.atomically(|store| {
            let year = store.find_or_add_school_year(&year)?;
            let class = store.add_class(year.id, details)?;
            for &id in carry {
                let student = store.student(id)?;
                if student.details.class_id != from {
                    return Err(Error::Conflict(format!(
                        "{} is not in {}, so they cannot be carried over from it.",
                        student.details.display_name(),
                        old.details.name
                    )));
                }
                let carried = store.add_student(&StudentDetails {
                    class_id: class.id,
                    ..student.details.clone()
                })?;
                for linked in store.guardians_of(id)? {
                    store.link_guardian(
                        carried.id,
                        linked.guardian.id,
                        GuardianLink {
                            is_primary: linked.link.is_primary,
                            lives_with: linked.link.lives_with,
                        },
                    )?;
                }
            }
            store.set_class_archived(from, true)?;
            let settings = store.settings()?;
            store.save_settings(&crate::model::Settings {
                current_class_id: Some(class.id),
                ..settings
            })?;
            Ok(class)
        })
    }

    /// Removes a child for good, in every year's class: every row about them (answers, goals,
    /// contacts, praise, concerns, conferences), guardians linked to no other child, and their
    /// entries in the trash, including a copy of them deleted from another year. The same child
    /// elsewhere is a record that shares two of: the school id, the name, a guardian (a year
    /// carried over). A school id alone is not enough: schools reuse short ids from year to year.
    /// The deleted content is overwritten on disk and the journal emptied. Works for archived
    /// classes too (a family may ask for it). Returns the child's name.
    pub fn purge_student(&mut self, id: Id, now: DateTime<Utc>) -> Result<String> {
        let student = self.student(id)?;
        let name = student.details.display_name();
        let mut same_child: Vec<Id> = self
            .conn
            .prepare(
                "SELECT DISTINCT o.id FROM student s JOIN student o ON o.id <> s.id
             WHERE s.id = ?1
               AND (s.school_student_id IS NOT NULL AND o.school_student_id = s.school_student_id)
                 + (o.given_name = s.given_name AND o.family_name = s.family_name)
                 + EXISTS (SELECT 1 FROM student_guardian a JOIN student_guardian b
                           ON a.guardian_id = b.guardian_id
                           WHERE a.student_id = s.id AND b.student_id = o.id) >= 2",
            )?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        same_child.push(id);
        let trashed = self.trashed_copies_of(&student, &same_child)?;
        // The ledger first: a child is never removed without the list that keeps them removed.
        let ledger = crate::removals::read(&self.path)?;
        let mut guardians = Vec::new();
        let mut signs = Vec::new();
        for &child in &same_child {
            let d = self.student(child)?.details;
            let linked: Vec<Id> = self
                .guardians_of(child)?
                .into_iter()
                .map(|g| g.guardian.id)
                .collect();
            let school_id = d.school_student_id.as_deref();
            signs.push(ledger.sign(&d.given_name, &d.family_name, school_id, linked.clone()));
            guardians.extend(linked);
        }
        for (_, copy, linked) in &trashed {
            let d = &copy.details;
            let school_id = d.school_student_id.as_deref();
            signs.push(ledger.sign(&d.given_name, &d.family_name, school_id, linked.clone()));
        }
        // The record runs with secure_delete on (Store::open): the rows are overwritten.
        self.atomically(|store| {
            let conn = &store.conn;
            for &child in &same_child {
                super::students::delete_with_lone_guardians(conn, child)?;
                conn.execute("DELETE FROM trash WHERE student_id = ?1", [child])?;
            }
            for (entry, copy, _) in &trashed {
                conn.execute("DELETE FROM trash WHERE id = ?1", [entry])?;
                conn.execute("DELETE FROM trash WHERE student_id = ?1", [copy.id])?;
            }
            Ok(())
        })?;
        // Fold the journal into the file and empty it, so no copy of the rows lingers there.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        let mut gone = Vec::new();
        for guardian in guardians {
            if self.guardian(guardian).is_err() && !gone.contains(&guardian) {
                gone.push(guardian);
            }
        }
        let mut students = same_child;
        students.extend(trashed.iter().map(|(_, copy, _)| copy.id));
        let removal = Removal {
            at: now,
            students,
            guardians: gone,
            signs,
        };
        ledger.record(&self.path, removal).map_err(|error| {
            Error::Conflict(format!(
                "{name} was removed for good, but the list that keeps them removed after a \
                 restore could not be saved ({error}). Try removing them again."
            ))
        })?;
        crate::files::sweep_partial_copies(&crate::paths::backups_dir(&self.path), None);
        Ok(name)
    }

    /// The same child deleted from another class and still in the trash (by the rule of
    /// `purge_student`, against the guardians of every live copy): (trash entry, child's old id).
    fn trashed_copies_of(
        &self,
        student: &Student,
        copies: &[Id],
    ) -> Result<Vec<(Id, Student, Vec<Id>)>> {
        let mut guardians = HashSet::new();
        for &copy in copies {
            guardians.extend(self.guardians_of(copy)?.into_iter().map(|g| g.guardian.id));
        }
        let details = &student.details;
        let mut found = Vec::new();
        for (entry, other, linked) in self.trashed_students()? {
            let same_id = details.school_student_id.is_some()
                && other.details.school_student_id == details.school_student_id;
            let same_name = other.details.given_name == details.given_name
                && other.details.family_name == details.family_name;
            let shared_guardian = linked.iter().any(|g| guardians.contains(g));
            if copies.contains(&other.id)
                || u8::from(same_id) + u8::from(same_name) + u8::from(shared_guardian) >= 2
            {
                found.push((entry, other, linked));
            }
        }
        Ok(found)
    }

    /// The children in the trash: (trash entry, the child, their guardians' ids).
    fn trashed_students(&self) -> Result<Vec<(Id, Student, Vec<Id>)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, payload FROM trash WHERE kind = 'student'")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?;
        let mut found = Vec::new();
        for row in rows {
            let (entry, payload) = row?;
            // An entry that cannot be read is no one's to judge; it expires on its own.
            if let Ok(Deleted::Student(snapshot)) = serde_json::from_str::<Deleted>(&payload) {
                let linked = snapshot.guardian_ids().collect();
                found.push((entry, snapshot.student().clone(), linked));
            }
        }
        Ok(found)
    }

    /// When a child was last removed for good, if ever (from the ledger beside the backups).
    pub fn last_purge(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(crate::removals::read(&self.path)?.last())
    }

    /// Clears this record again of every child removed for good (the ledger beside the backups):
    /// after a restore of an older backup, an import, or a copy put in place by hand. A record is
    /// the removed child when the ledger names its id, or when it shares two signs with one of the
    /// child's records (the child entered again since, under another id). Returns how many
    /// children removed for good were found in the record (and cleared again).
    pub fn apply_removals(&mut self) -> Result<usize> {
        self.keep_old_purge_time()?;
        let ledger = crate::removals::read(&self.path)?;
        if ledger.removals().is_empty() {
            return Ok(0);
        }
        let links = self.guardians_by_student()?;
        let removal_of = |id: Id, d: &StudentDetails, guardians: Vec<Id>| {
            let school_id = d.school_student_id.as_deref();
            ledger.removal_of(
                id,
                &ledger.sign(&d.given_name, &d.family_name, school_id, guardians),
            )
        };
        // The removals that find a child in the record: what "removed again" counts.
        let mut found = HashSet::new();
        let mut live = Vec::new();
        for student in self.all_students()? {
            let guardians = links.get(&student.id).cloned().unwrap_or_default();
            if let Some(removal) = removal_of(student.id, &student.details, guardians) {
                found.insert(removal);
                live.push(student.id);
            }
        }
        let trashed: Vec<(Id, Id)> = self
            .trashed_students()?
            .into_iter()
            .filter(|(_, s, linked)| removal_of(s.id, &s.details, linked.clone()).is_some())
            .map(|(entry, s, _)| (entry, s.id))
            .collect();
        let named: Vec<Id> = ledger
            .removals()
            .iter()
            .flat_map(|r| r.students.iter().copied())
            .collect();
        let guardians: Vec<Id> = ledger
            .removals()
            .iter()
            .flat_map(|r| r.guardians.iter().copied())
            .collect();
        let cleared = self.atomically(|store| {
            let conn = &store.conn;
            let mut cleared = live.len() + trashed.len();
            for &child in &live {
                super::students::delete_with_lone_guardians(conn, child)?;
            }
            for child in live.iter().chain(&named) {
                cleared += conn.execute("DELETE FROM trash WHERE student_id = ?1", [child])?;
            }
            for &(entry, child) in &trashed {
                conn.execute("DELETE FROM trash WHERE id = ?1", [entry])?;
                conn.execute("DELETE FROM trash WHERE student_id = ?1", [child])?;
            }
            for guardian in &guardians {
                cleared += conn.execute(
                    "DELETE FROM guardian WHERE id = ?1
                     AND NOT EXISTS (SELECT 1 FROM student_guardian WHERE guardian_id = ?1)",
                    [guardian],
                )?;
            }
            Ok(cleared)
        })?;
        // Inside a larger unit (a sync applying a file) the caller empties the journal once
        // that unit is committed.
        if cleared > 0 && !self.in_transaction() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(found.len())
    }

    /// Every child's guardians, by child.
    fn guardians_by_student(&self) -> Result<HashMap<Id, Vec<Id>>> {
        let mut links: HashMap<Id, Vec<Id>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT student_id, guardian_id FROM student_guardian")?;
        for link in stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?)))? {
            let (student, guardian) = link?;
            links.entry(student).or_default().push(guardian);
        }
        Ok(links)
    }

    /// Every child in the record, in every class.
    fn all_students(&self) -> Result<Vec<Student>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM student s",
            super::students::STUDENT_COLUMNS
        ))?;
        let students = stmt
            .query_map([], super::students::student_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(students)
    }

    /// A record purged before the ledger existed kept the time in its settings: it moves to the
    /// ledger, so the backups it flags stay flagged whichever copy is restored.
    fn keep_old_purge_time(&self) -> Result<()> {
        let Some(at) = self
            .setting(LAST_PURGE)?
            .and_then(|v| DateTime::parse_from_rfc3339(&v).ok())
            .map(|t| t.with_timezone(&Utc))
        else {
            return Ok(());
        };
        let ledger = crate::removals::read(&self.path)?;
        if ledger.last().is_none_or(|last| last < at) {
            let removal = Removal {
                at,
                students: vec![],
                guardians: vec![],
                signs: vec![],
            };
            ledger.record(&self.path, removal)?;
        }
        self.conn
            .execute("DELETE FROM setting WHERE key = ?1", [LAST_PURGE])?;
        Ok(())
    }
}
