//! Undo for deletes. Deleting writes a JSON snapshot of everything that goes (a child with their
//! whole record, or one goal, contact, ...) to the trash and then deletes it for real, in one
//! transaction. Restoring writes it back under its own ids (lasting ids, never handed out again, so
//! a restored row can only ever go back to the child it was written for), refuses when what it
//! belongs to is gone, and skips links to things that are gone. Snapshots are kept for
//! [`KEEP_DAYS`] days, then dropped when the record is next opened.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::export::StudentGuardian;
use super::lasting_ids::{HoldsIds, Role, Table};
use super::{rows, OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::*;

/// How long a deleted record can be restored.
pub const KEEP_DAYS: i64 = 30;

/// A goal with what hangs from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct GoalSnapshot {
    goal: Goal,
    check_ins: Vec<CheckIn>,
    home_activities: Vec<HomeActivity>,
}

/// A child with everything about them, and the guardians who went with them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct StudentSnapshot {
    student: Student,
    links: Vec<StudentGuardian>,
    /// Guardians linked to no other child, deleted with this one.
    guardians: Vec<Guardian>,
    answers: Vec<Answer>,
    goals: Vec<GoalSnapshot>,
    contacts: Vec<Contact>,
    praise: Vec<Praise>,
    concerns: Vec<Concern>,
    conferences: Vec<Conference>,
}

impl StudentSnapshot {
    pub(super) fn student(&self) -> &Student {
        &self.student
    }

    /// The guardians the child was linked to when deleted.
    pub(super) fn guardian_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.links.iter().map(|link| link.guardian_id)
    }
}

/// A contact, and the praise and concerns that pointed at it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ContactSnapshot {
    contact: Contact,
    praise_ids: Vec<Id>,
    concern_ids: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Deleted {
    Student(Box<StudentSnapshot>),
    Goal(GoalSnapshot),
    CheckIn(CheckIn),
    HomeActivity(HomeActivity),
    Contact(ContactSnapshot),
    Praise(Praise),
    Concern(Concern),
    Answer(Answer),
    Conference(Conference),
}

impl Deleted {
    fn kind(&self) -> &'static str {
        match self {
            Deleted::Student(_) => "student",
            Deleted::Goal(_) => "goal",
            Deleted::CheckIn(_) => "check_in",
            Deleted::HomeActivity(_) => "home_activity",
            Deleted::Contact(_) => "contact",
            Deleted::Praise(_) => "praise",
            Deleted::Concern(_) => "concern",
            Deleted::Answer(_) => "answer",
            Deleted::Conference(_) => "conference",
        }
    }
}

impl HoldsIds for GoalSnapshot {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        self.goal.visit_ids(f);
        self.check_ins.visit_ids(f);
        self.home_activities.visit_ids(f);
    }
}

impl HoldsIds for StudentSnapshot {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        self.student.visit_ids(f);
        self.links.visit_ids(f);
        self.guardians.visit_ids(f);
        self.answers.visit_ids(f);
        self.goals.visit_ids(f);
        self.contacts.visit_ids(f);
        self.praise.visit_ids(f);
        self.concerns.visit_ids(f);
        self.conferences.visit_ids(f);
    }
}

impl HoldsIds for ContactSnapshot {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        self.contact.visit_ids(f);
        for id in &mut self.praise_ids {
            f(Table::Praise, Role::Link, id);
        }
        for id in &mut self.concern_ids {
            f(Table::Concern, Role::Link, id);
        }
    }
}

impl HoldsIds for Deleted {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        match self {
            Deleted::Student(snapshot) => snapshot.visit_ids(f),
            Deleted::Goal(snapshot) => snapshot.visit_ids(f),
            Deleted::CheckIn(row) => row.visit_ids(f),
            Deleted::HomeActivity(row) => row.visit_ids(f),
            Deleted::Contact(snapshot) => snapshot.visit_ids(f),
            Deleted::Praise(row) => row.visit_ids(f),
            Deleted::Concern(row) => row.visit_ids(f),
            Deleted::Answer(row) => row.visit_ids(f),
            Deleted::Conference(row) => row.visit_ids(f),
        }
    }
}

/// One deleted record, as the trash lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrashItem {
    pub id: Id,
    /// student, goal, check_in, home_activity, contact, praise, concern or answer.
    pub kind: String,
    pub label: String,
    pub student_id: Option<Id>,
    pub deleted_at: DateTime<Utc>,
    /// The last day it can be restored.
    pub keep_until: NaiveDate,
}

/// What a restore brought back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    pub kind: String,
    /// The child it went back to (a restored child keeps their id).
    pub student_id: Option<Id>,
}

impl Store {
    /// Writes `deleted` to the trash and runs `delete`, together or not at all. Returns the trash
    /// entry's id, so the deletion can be undone at once.
    pub(super) fn discard(
        &mut self,
        label: String,
        student_id: Option<Id>,
        deleted: Deleted,
        delete: impl FnOnce(&Connection) -> Result<()>,
    ) -> Result<Id> {
        let payload = serde_json::to_string(&deleted)
            .map_err(|e| Error::Internal(format!("the deleted record could not be kept ({e})")))?;
        let trash_id = self.atomically(|store| {
            let conn = &store.conn;
            let trash_id = Id::new();
            conn.execute(
                "INSERT INTO trash (id, kind, label, student_id, deleted_at, payload)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    trash_id,
                    deleted.kind(),
                    label,
                    student_id,
                    Utc::now(),
                    payload
                ],
            )?;
            delete(conn)?;
            Ok(trash_id)
        })?;
        Ok(trash_id)
    }

    /// What can be restored, newest first.
    pub fn trash(&self) -> Result<Vec<TrashItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, kind, label, student_id, deleted_at FROM trash ORDER BY deleted_at DESC, id DESC",
        )?;
        let items = stmt.query_map([], |row| {
            let deleted_at: DateTime<Utc> = row.get(4)?;
            Ok(TrashItem {
                id: row.get(0)?,
                kind: row.get(1)?,
                label: row.get(2)?,
                student_id: row.get(3)?,
                keep_until: (deleted_at + Duration::days(KEEP_DAYS)).date_naive(),
                deleted_at,
            })
        })?;
        Ok(items.collect::<rusqlite::Result<_>>()?)
    }

    /// Drops what was deleted before `cutoff`; returns how many records went.
    pub fn purge_trash_before(&self, cutoff: DateTime<Utc>) -> Result<usize> {
        Ok(self
            .conn
            .execute("DELETE FROM trash WHERE deleted_at < ?1", [cutoff])?)
    }

    /// Drops what was deleted more than [`KEEP_DAYS`] days ago.
    pub fn purge_expired_trash(&self) -> Result<usize> {
        self.purge_trash_before(Utc::now() - Duration::days(KEEP_DAYS))
    }

    /// Empties the trash: nothing in it can be restored any more, and what it held is overwritten
    /// in the file (a child's whole record may be in there).
    pub fn empty_trash(&self) -> Result<usize> {
        let emptied = self.conn.execute("DELETE FROM trash", [])?;
        // The journal still holds the pages as they were: fold it in and empty it.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(emptied)
    }

    /// Brings a deleted record back and takes it out of the trash.
    pub fn restore(&mut self, trash_id: Id) -> Result<Restored> {
        let (kind, payload): (String, String) = self
            .conn
            .query_row(
                "SELECT kind, payload FROM trash WHERE id = ?1",
                [trash_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .or_not_found("That deleted record")?;
        let deleted: Deleted = serde_json::from_str(&payload)
            .map_err(|e| Error::Internal(format!("the deleted record could not be read ({e})")))?;
        self.atomically(|store| {
            let student_id = store.put_back(deleted)?;
            store
                .conn
                .execute("DELETE FROM trash WHERE id = ?1", [trash_id])?;
            Ok(Restored { kind, student_id })
        })
    }

    /// Drops the trash entries whose record is back in the record: a deletion undone on this
    /// computer because the other one changed what was deleted (a sync). Such an entry could
    /// never be restored. Returns how many went.
    pub(super) fn drop_trash_of_live_rows(&self) -> Result<usize> {
        let mut stmt = self.conn.prepare("SELECT id, payload FROM trash")?;
        let entries = stmt
            .query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut dropped = 0;
        for (entry, payload) in entries {
            let Some((table, id)) = main_row(&payload) else {
                continue;
            };
            if exists(&self.conn, table, id)? {
                dropped += self
                    .conn
                    .execute("DELETE FROM trash WHERE id = ?1", [entry])?;
            }
        }
        Ok(dropped)
    }

    /// Writes a deleted entry back under its own id; the child it belongs to.
    fn put_back(&mut self, deleted: Deleted) -> Result<Option<Id>> {
        Ok(match deleted {
            Deleted::Student(snapshot) => Some(self.restore_student(*snapshot)?),
            Deleted::Goal(goal) => self.put_back_goal(goal)?,
            Deleted::CheckIn(check_in) => self.put_back_check_in(check_in)?,
            Deleted::HomeActivity(activity) => self.put_back_home_activity(activity)?,
            Deleted::Contact(snapshot) => self.put_back_contact(snapshot)?,
            Deleted::Praise(praise) => self.put_back_praise(praise)?,
            Deleted::Concern(concern) => self.put_back_concern(concern)?,
            Deleted::Conference(conference) => self.put_back_conference(conference)?,
            Deleted::Answer(answer) => self.put_back_answer(answer)?,
        })
    }

    fn put_back_goal(&mut self, goal: GoalSnapshot) -> Result<Option<Id>> {
        let student_id = goal.goal.details.student_id;
        self.restore_target(student_id)?;
        let answer = self.own_answer(goal.goal.details.family_answer_id, student_id)?;
        restore_goal(&self.conn, goal, |_| answer)?;
        Ok(Some(student_id))
    }

    fn put_back_check_in(&mut self, check_in: CheckIn) -> Result<Option<Id>> {
        let goal = self
            .goal(check_in.details.goal_id)
            .map_err(|_| gone("goal"))?;
        self.restore_target(goal.details.student_id)?;
        absent(&self.conn, "check_in", check_in.id)?;
        rows::insert_check_in(&self.conn, check_in.id, &check_in.details)?;
        Ok(Some(goal.details.student_id))
    }

    fn put_back_home_activity(&mut self, activity: HomeActivity) -> Result<Option<Id>> {
        let goal = self
            .goal(activity.details.goal_id)
            .map_err(|_| gone("goal"))?;
        self.restore_target(goal.details.student_id)?;
        absent(&self.conn, "home_activity", activity.id)?;
        rows::insert_home_activity(&self.conn, activity.id, &activity.details)?;
        Ok(Some(goal.details.student_id))
    }

    fn put_back_contact(&mut self, snapshot: ContactSnapshot) -> Result<Option<Id>> {
        let mut details = snapshot.contact.details;
        let id = snapshot.contact.id;
        self.restore_target(details.student_id)?;
        details.guardian_id = self.still_linked(details.student_id, details.guardian_id)?;
        absent(&self.conn, "contact", id)?;
        rows::insert_contact(&self.conn, id, &details)?;
        for praise in snapshot.praise_ids {
            self.conn.execute(
                "UPDATE praise SET contact_id = ?2
                     WHERE id = ?1 AND contact_id IS NULL AND student_id = ?3",
                params![praise, id, details.student_id],
            )?;
        }
        for concern in snapshot.concern_ids {
            self.conn.execute(
                "UPDATE concern SET contact_id = ?2
                     WHERE id = ?1 AND contact_id IS NULL AND student_id = ?3",
                params![concern, id, details.student_id],
            )?;
        }
        Ok(Some(details.student_id))
    }

    fn put_back_praise(&mut self, praise: Praise) -> Result<Option<Id>> {
        let student_id = praise.details.student_id;
        self.restore_target(student_id)?;
        let contact = self.own_contact(praise.contact_id, student_id)?;
        absent(&self.conn, "praise", praise.id)?;
        rows::insert_praise(&self.conn, praise.id, &praise.details, contact)?;
        Ok(Some(student_id))
    }

    fn put_back_concern(&mut self, concern: Concern) -> Result<Option<Id>> {
        let mut details = concern.details;
        self.restore_target(details.student_id)?;
        details.contact_id = self.own_contact(details.contact_id, details.student_id)?;
        absent(&self.conn, "concern", concern.id)?;
        rows::insert_concern(&self.conn, concern.id, &details)?;
        Ok(Some(details.student_id))
    }

    fn put_back_conference(&mut self, conference: Conference) -> Result<Option<Id>> {
        let details = conference.details;
        if let Some(student_id) = details.student_id {
            self.restore_target(student_id)?;
        }
        self.check_conference(&details, None).map_err(|e| match e {
            Error::NotFound(_) => gone("class"),
            other => other,
        })?;
        absent(&self.conn, "conference", conference.id)?;
        super::conferences::insert_conference(&self.conn, conference.id, &details)?;
        Ok(details.student_id)
    }

    fn put_back_answer(&mut self, answer: Answer) -> Result<Option<Id>> {
        let mut details = answer.details;
        self.restore_target(details.student_id)?;
        self.question(details.question_id)?;
        details.guardian_id = self.still_linked(details.student_id, details.guardian_id)?;
        absent(&self.conn, "answer", answer.id)?;
        rows::insert_answer(&self.conn, answer.id, &details)?;
        Ok(Some(details.student_id))
    }

    /// Brings a child back under their own ids, with their guardians: their own come back, and
    /// guardians shared with a sibling are linked again if they are still in the record (an id is
    /// never another person's). Links to rows that are gone are left out.
    fn restore_student(&mut self, s: StudentSnapshot) -> Result<Id> {
        let class = self
            .class(s.student.details.class_id)
            .map_err(|_| gone("class"))?;
        self.refuse_archived(&class)?;
        if let Some(school_id) = &s.student.details.school_student_id {
            let taken: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM student WHERE class_id = ?1 AND school_student_id = ?2)",
                params![class.id, school_id],
                |r| r.get(0),
            )?;
            if taken {
                return Err(Error::Conflict(format!(
                    "Another student in this class now has the school id “{school_id}”, so {} cannot \
                     be restored. Change that student's id first.",
                    s.student.details.display_name()
                )));
            }
        }
        let conn = &self.conn;
        let student_id = s.student.id;
        absent(conn, "student", student_id)?;
        rows::insert_student(conn, student_id, &s.student.details)?;
        for guardian in &s.guardians {
            if !exists(conn, "guardian", guardian.id)? {
                rows::insert_guardian(conn, guardian.id, &guardian.details)?;
            }
        }
        for link in &s.links {
            if exists(conn, "guardian", link.guardian_id)? {
                let restored = GuardianLink {
                    is_primary: link.is_primary,
                    lives_with: link.lives_with,
                };
                rows::insert_link(conn, student_id, link.guardian_id, restored)?;
            }
        }
        let linked = |guardian: Option<Id>| -> Result<Option<Id>> {
            self.still_linked(student_id, guardian)
        };
        for answer in &s.answers {
            let details = AnswerDetails {
                guardian_id: linked(answer.details.guardian_id)?,
                ..answer.details.clone()
            };
            rows::insert_answer(conn, answer.id, &details)?;
        }
        for goal in s.goals {
            let answer = self.own_answer(goal.goal.details.family_answer_id, student_id)?;
            restore_goal(conn, goal, |_| answer)?;
        }
        for contact in &s.contacts {
            let details = ContactDetails {
                guardian_id: linked(contact.details.guardian_id)?,
                ..contact.details.clone()
            };
            rows::insert_contact(conn, contact.id, &details)?;
        }
        for praise in &s.praise {
            let contact = self.own_contact(praise.contact_id, student_id)?;
            rows::insert_praise(conn, praise.id, &praise.details, contact)?;
        }
        for concern in &s.concerns {
            let details = ConcernDetails {
                contact_id: self.own_contact(concern.details.contact_id, student_id)?,
                ..concern.details.clone()
            };
            rows::insert_concern(conn, concern.id, &details)?;
        }
        for conference in &s.conferences {
            absent(conn, "conference", conference.id)?;
            super::conferences::insert_conference(conn, conference.id, &conference.details)?;
        }
        Ok(student_id)
    }

    /// The child a restored record goes back to: present, and in a class that is not archived.
    fn restore_target(&self, student_id: Id) -> Result<()> {
        self.student(student_id).map_err(|_| gone("child"))?;
        self.refuse_archived_student(student_id)
    }

    /// `guardian_id` if that guardian is still linked to the child.
    fn still_linked(&self, student_id: Id, guardian_id: Option<Id>) -> Result<Option<Id>> {
        let Some(guardian_id) = guardian_id else {
            return Ok(None);
        };
        let linked: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM student_guardian WHERE student_id = ?1 AND guardian_id = ?2)",
            params![student_id, guardian_id],
            |r| r.get(0),
        )?;
        Ok(linked.then_some(guardian_id))
    }

    /// `contact_id` if that contact still exists and is the child's.
    fn own_contact(&self, contact_id: Option<Id>, student_id: Id) -> Result<Option<Id>> {
        self.owned("contact", contact_id, student_id)
    }

    /// `answer_id` if that answer still exists and is the child's.
    fn own_answer(&self, answer_id: Option<Id>, student_id: Id) -> Result<Option<Id>> {
        self.owned("answer", answer_id, student_id)
    }

    fn owned(&self, table: &str, id: Option<Id>, student_id: Id) -> Result<Option<Id>> {
        let Some(id) = id else { return Ok(None) };
        let owner: Option<Id> = self
            .conn
            .query_row(
                &format!("SELECT student_id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok((owner == Some(student_id)).then_some(id))
    }

    /// A goal with its check-ins and home activities, for the trash.
    pub(super) fn goal_snapshot(&self, goal: Goal) -> Result<GoalSnapshot> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, goal_id, on_date, value, note FROM check_in WHERE goal_id = ?1 ORDER BY id",
        )?;
        let check_ins = stmt
            .query_map([goal.id], super::goals::check_in_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, goal_id, title, details, how_often FROM home_activity WHERE goal_id = ?1 ORDER BY id",
        )?;
        let home_activities = stmt
            .query_map([goal.id], super::goals::activity_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(GoalSnapshot {
            goal,
            check_ins,
            home_activities,
        })
    }

    /// A child with their whole record, and the guardians who are theirs alone, for the trash.
    pub(super) fn student_snapshot(&self, student: Student) -> Result<StudentSnapshot> {
        let id = student.id;
        let mut stmt = self.conn.prepare(
            "SELECT student_id, guardian_id, is_primary, lives_with FROM student_guardian
             WHERE student_id = ?1 ORDER BY guardian_id",
        )?;
        let links: Vec<StudentGuardian> = stmt
            .query_map([id], |r| {
                Ok(StudentGuardian {
                    student_id: r.get(0)?,
                    guardian_id: r.get(1)?,
                    is_primary: r.get(2)?,
                    lives_with: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut guardians = Vec::new();
        for link in &links {
            let shared: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM student_guardian WHERE guardian_id = ?1 AND student_id <> ?2)",
                params![link.guardian_id, id],
                |r| r.get(0),
            )?;
            if !shared {
                guardians.push(self.guardian(link.guardian_id)?);
            }
        }
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM answer a WHERE a.student_id = ?1 ORDER BY a.id",
            super::family::ANSWER_COLUMNS
        ))?;
        let answers = stmt
            .query_map([id], super::family::answer_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {} FROM goal g WHERE g.student_id = ?1 ORDER BY g.id",
            super::goals::GOAL_COLUMNS
        ))?;
        let goals = stmt
            .query_map([id], super::goals::goal_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .map(|g| self.goal_snapshot(g))
            .collect::<Result<_>>()?;
        let mut contacts = self.contacts_of(id)?;
        contacts.reverse();
        let mut praise = self.praise_of(id)?;
        praise.reverse();
        Ok(StudentSnapshot {
            student,
            links,
            guardians,
            answers,
            goals,
            contacts,
            praise,
            concerns: self.concerns_of(id)?,
            conferences: self.conferences_of(id)?,
        })
    }

    /// A contact and what pointed at it, for the trash.
    pub(super) fn contact_snapshot(&self, contact: Contact) -> Result<ContactSnapshot> {
        let ids = |table: &str| -> Result<Vec<Id>> {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id FROM {table} WHERE contact_id = ?1 ORDER BY id"
            ))?;
            let ids = stmt.query_map([contact.id], |r| r.get(0))?;
            Ok(ids.collect::<rusqlite::Result<_>>()?)
        };
        Ok(ContactSnapshot {
            praise_ids: ids("praise")?,
            concern_ids: ids("concern")?,
            contact,
        })
    }
}

/// A goal with its check-ins and home activities, under their own ids; `answer_of` says which
/// family answer it still grows from.
fn restore_goal(
    conn: &Connection,
    snapshot: GoalSnapshot,
    answer_of: impl Fn(Option<Id>) -> Option<Id>,
) -> Result<()> {
    let details = GoalDetails {
        family_answer_id: answer_of(snapshot.goal.details.family_answer_id),
        ..snapshot.goal.details
    };
    absent(conn, "goal", snapshot.goal.id)?;
    rows::insert_goal(conn, snapshot.goal.id, &details)?;
    for check_in in snapshot.check_ins {
        rows::insert_check_in(conn, check_in.id, &check_in.details)?;
    }
    for activity in snapshot.home_activities {
        rows::insert_home_activity(conn, activity.id, &activity.details)?;
    }
    Ok(())
}

/// The row a trash entry is the deletion of (a child, a goal, a contact): its table and id.
fn main_row(payload: &str) -> Option<(&'static str, Id)> {
    let mut deleted: Deleted = serde_json::from_str(payload).ok()?;
    let mut first = None;
    deleted.visit_ids(&mut |table, role, id| {
        if first.is_none() && matches!(role, Role::Own) {
            first = Some((table.name(), *id));
        }
    });
    first
}

fn exists(conn: &Connection, table: &str, id: Id) -> Result<bool> {
    Ok(conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?)
}

/// Refuses to restore a row that is in the record already (restored from a backup meanwhile).
fn absent(conn: &Connection, table: &str, id: Id) -> Result<()> {
    if exists(conn, table, id)? {
        return Err(Error::Conflict(
            "This is already back in the record, so there is nothing to restore.".into(),
        ));
    }
    Ok(())
}

fn gone(what: &str) -> Error {
    Error::Conflict(format!(
        "The {what} this belonged to is no longer in the record, so it cannot be restored."
    ))
}
