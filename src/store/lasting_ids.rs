//! From numbered rows to lasting ids. Records of schema 5 and earlier named rows by integers that
//! SQLite handed out again after a delete; migration 6 gives every row a UUID v7, and exports and
//! trash snapshots written before it (which hold the old numbers, read as [`Id::legacy`] stand-ins)
//! are mapped here. Every id field of a snapshot or an export is visited with the table it names
//! and whether it is the row's own id or a link to another row.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};

use super::export::{Export, StudentGuardian};
use super::trash::Deleted;
use crate::error::{Error, Result};
use crate::model::*;

/// The tables whose rows have ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Table {
    SchoolYear,
    Class,
    Student,
    Guardian,
    Question,
    Answer,
    Goal,
    CheckIn,
    HomeActivity,
    Contact,
    Praise,
    Concern,
    Conference,
}

impl Table {
    pub(crate) const ALL: [Table; 13] = [
        Table::SchoolYear,
        Table::Class,
        Table::Student,
        Table::Guardian,
        Table::Question,
        Table::Answer,
        Table::Goal,
        Table::CheckIn,
        Table::HomeActivity,
        Table::Contact,
        Table::Praise,
        Table::Concern,
        Table::Conference,
    ];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::SchoolYear => "school_year",
            Table::Class => "class",
            Table::Student => "student",
            Table::Guardian => "guardian",
            Table::Question => "question",
            Table::Answer => "answer",
            Table::Goal => "goal",
            Table::CheckIn => "check_in",
            Table::HomeActivity => "home_activity",
            Table::Contact => "contact",
            Table::Praise => "praise",
            Table::Concern => "concern",
            Table::Conference => "conference",
        }
    }
}

/// Whether an id is the id of the row it sits in, or a link to another row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Own,
    Link,
}

/// Something holding row ids: each is shown to `f` with its table and role, and may be replaced.
pub(crate) trait HoldsIds {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id));
}

impl<T: HoldsIds> HoldsIds for Vec<T> {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        for item in self {
            item.visit_ids(f);
        }
    }
}

fn link(f: &mut dyn FnMut(Table, Role, &mut Id), table: Table, id: &mut Option<Id>) {
    if let Some(id) = id {
        f(table, Role::Link, id);
    }
}

impl HoldsIds for SchoolYear {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::SchoolYear, Role::Own, &mut self.id);
    }
}

impl HoldsIds for Class {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Class, Role::Own, &mut self.id);
        f(Table::SchoolYear, Role::Link, &mut self.school_year_id);
    }
}

impl HoldsIds for Student {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Student, Role::Own, &mut self.id);
        f(Table::Class, Role::Link, &mut self.details.class_id);
    }
}

impl HoldsIds for Guardian {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Guardian, Role::Own, &mut self.id);
    }
}

impl HoldsIds for StudentGuardian {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Student, Role::Link, &mut self.student_id);
        f(Table::Guardian, Role::Link, &mut self.guardian_id);
    }
}

impl HoldsIds for Question {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Question, Role::Own, &mut self.id);
    }
}

impl HoldsIds for Answer {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Answer, Role::Own, &mut self.id);
        f(Table::Student, Role::Link, &mut self.details.student_id);
        link(f, Table::Guardian, &mut self.details.guardian_id);
        f(Table::Question, Role::Link, &mut self.details.question_id);
    }
}

impl HoldsIds for Goal {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Goal, Role::Own, &mut self.id);
        f(Table::Student, Role::Link, &mut self.details.student_id);
        link(f, Table::Answer, &mut self.details.family_answer_id);
    }
}

impl HoldsIds for CheckIn {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::CheckIn, Role::Own, &mut self.id);
        f(Table::Goal, Role::Link, &mut self.details.goal_id);
    }
}

impl HoldsIds for HomeActivity {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::HomeActivity, Role::Own, &mut self.id);
        f(Table::Goal, Role::Link, &mut self.details.goal_id);
    }
}

impl HoldsIds for Contact {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Contact, Role::Own, &mut self.id);
        f(Table::Student, Role::Link, &mut self.details.student_id);
        link(f, Table::Guardian, &mut self.details.guardian_id);
    }
}

impl HoldsIds for Praise {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Praise, Role::Own, &mut self.id);
        f(Table::Student, Role::Link, &mut self.details.student_id);
        link(f, Table::Contact, &mut self.contact_id);
    }
}

impl HoldsIds for Concern {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Concern, Role::Own, &mut self.id);
        f(Table::Student, Role::Link, &mut self.details.student_id);
        link(f, Table::Contact, &mut self.details.contact_id);
    }
}

impl HoldsIds for Conference {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        f(Table::Conference, Role::Own, &mut self.id);
        f(Table::Class, Role::Link, &mut self.details.class_id);
        link(f, Table::Student, &mut self.details.student_id);
    }
}

impl HoldsIds for Export {
    fn visit_ids(&mut self, f: &mut dyn FnMut(Table, Role, &mut Id)) {
        link(f, Table::Class, &mut self.settings.current_class_id);
        self.school_years.visit_ids(f);
        self.classes.visit_ids(f);
        self.students.visit_ids(f);
        self.guardians.visit_ids(f);
        self.student_guardians.visit_ids(f);
        self.questions.visit_ids(f);
        self.answers.visit_ids(f);
        self.goals.visit_ids(f);
        self.check_ins.visit_ids(f);
        self.home_activities.visit_ids(f);
        self.contacts.visit_ids(f);
        self.praise.visit_ids(f);
        self.concerns.visit_ids(f);
        self.conferences.visit_ids(f);
    }
}

/// Gives every numbered row of an export written before ids were lasting a new lasting id, with
/// its links following it. An export with lasting ids is left as it is.
// `Id::default()` is the nil id, not a new one: clippy's `or_default` would be wrong here.
#[allow(clippy::unwrap_or_default)]
pub(crate) fn map_legacy_export(export: &mut Export) {
    let mut given: HashMap<(Table, i64), Id> = HashMap::new();
    export.visit_ids(&mut |table, _, id| {
        if let Some(number) = id.legacy_number() {
            *id = *given.entry((table, number)).or_insert_with(Id::new);
        }
    });
}

/// Migration 6's work between its two SQL files: a new id for every old row (in the order of the
/// old numbers, so creation order is kept), the rows copied, then the trash.
pub(super) fn migrate(tx: &Transaction) -> Result<()> {
    let mut live: HashMap<(Table, i64), Id> = HashMap::new();
    for table in Table::ALL {
        let name = table.name();
        tx.execute_batch(&format!(
            "CREATE TEMP TABLE map_{name} (old INTEGER PRIMARY KEY, new TEXT NOT NULL UNIQUE)"
        ))?;
        let numbers = tx
            .prepare(&format!("SELECT id FROM old_{name} ORDER BY id"))?
            .query_map([], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut insert = tx.prepare(&format!(
            "INSERT INTO map_{name} (old, new) VALUES (?1, ?2)"
        ))?;
        for number in numbers {
            let id = Id::new();
            insert.execute(params![number, id])?;
            live.insert((table, number), id);
        }
    }
    tx.execute_batch(include_str!("migrations/0006_lasting_ids_copy.sql"))?;
    migrate_trash(tx, &live)?;
    let mut drop = String::new();
    for table in [
        "roster_guardian",
        "conference",
        "trash",
        "concern_cause",
        "concern",
        "praise",
        "contact",
        "home_activity",
        "check_in",
        "goal",
        "answer",
        "question",
        "student_guardian",
        "guardian",
        "student",
        "class",
        "school_year",
    ] {
        drop.push_str(&format!("DROP TABLE old_{table};\n"));
    }
    for table in Table::ALL {
        drop.push_str(&format!("DROP TABLE temp.map_{};\n", table.name()));
    }
    tx.execute_batch(&drop)?;
    Ok(())
}

struct OldEntry {
    kind: String,
    label: String,
    student_id: Option<i64>,
    deleted_at: DateTime<Utc>,
    deleted: Deleted,
}

/// The old trash's entries, oldest first; an entry that cannot be read is left behind.
fn old_trash_entries(tx: &Transaction) -> Result<Vec<OldEntry>> {
    let mut stmt = tx.prepare(
        "SELECT kind, label, student_id, deleted_at, payload FROM old_trash ORDER BY deleted_at, id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, DateTime<Utc>>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut entries = Vec::new();
    for row in rows {
        let (kind, label, student_id, deleted_at, payload) = row?;
        // An entry that cannot be read could never be restored; it is left behind.
        if let Ok(deleted) = serde_json::from_str::<Deleted>(&payload) {
            entries.push(OldEntry {
                kind,
                label,
                student_id,
                deleted_at,
                deleted,
            });
        }
    }
    Ok(entries)
}

/// Rewrites the trash's snapshots with lasting ids. An old number named whichever row held it at
/// the time, and a number freed by a delete was handed out again; so a link from an entry is
/// resolved to the row that held the number when that entry was deleted: the first entry deleted
/// at the same time or later that holds a row with that number (it was still alive then), else the
/// live row, else a row that is gone (restoring the entry then says so). This keeps a deleted
/// child's notes with that child, never with the child who got the number afterwards.
#[allow(clippy::unwrap_or_default)] // `Id::default()` is the nil id, not a new one.
fn migrate_trash(tx: &Transaction, live: &HashMap<(Table, i64), Id>) -> Result<()> {
    let mut entries = old_trash_entries(tx)?;
    // Each entry's own rows get new ids; remember which entries held which numbers.
    let mut own: Vec<HashMap<(Table, i64), Id>> = Vec::with_capacity(entries.len());
    let mut holders: HashMap<(Table, i64), Vec<usize>> = HashMap::new();
    for (index, entry) in entries.iter_mut().enumerate() {
        let mut mine = HashMap::new();
        entry.deleted.visit_ids(&mut |table, role, id| {
            if let (Role::Own, Some(number)) = (role, id.legacy_number()) {
                mine.entry((table, number)).or_insert_with(Id::new);
                holders.entry((table, number)).or_default().push(index);
            }
        });
        own.push(mine);
    }
    let mut gone: HashMap<(Table, i64), Id> = HashMap::new();
    let mut resolve = |index: usize, table: Table, number: i64| -> Id {
        let later = holders
            .get(&(table, number))
            .and_then(|list| list.iter().find(|&&holder| holder >= index));
        match later {
            Some(&holder) => own[holder][&(table, number)],
            None => match live.get(&(table, number)) {
                Some(&id) => id,
                None => *gone.entry((table, number)).or_insert_with(Id::new),
            },
        }
    };

    let mut insert = tx.prepare(
        "INSERT INTO trash (id, kind, label, student_id, deleted_at, payload)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (index, mut entry) in entries.into_iter().enumerate() {
        entry.deleted.visit_ids(&mut |table, _, id| {
            if let Some(number) = id.legacy_number() {
                *id = resolve(index, table, number);
            }
        });
        let student_id = entry
            .student_id
            .map(|number| resolve(index, Table::Student, number));
        let payload = serde_json::to_string(&entry.deleted)
            .map_err(|e| Error::Internal(format!("a deleted record could not be kept ({e})")))?;
        insert.execute(params![
            Id::new(),
            entry.kind,
            entry.label,
            student_id,
            entry.deleted_at,
            payload
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Utc};
    use rusqlite::Connection;
    use serde_json::json;

    use crate::store::Store;

    /// A record of schema 5 in which a freed number was handed out again: Ana (student 2) had a
    /// concern (number 1) deleted, then was deleted herself; Ben was added and got number 2, and a
    /// concern numbered 1; then one of Ben's contacts was deleted. Zoe (1) is there throughout.
    fn numbered_record(path: &std::path::Path) {
        let mut conn = Connection::open(path).unwrap();
        super::super::migrations::migrate_until(&mut conn, 5).unwrap();
        let concern = |id: i64, student: i64, observed: &str| json!({"id": id, "student_id": student, "noticed_on": "2026-10-01", "observed": observed});
        let mut anas_concern = concern(1, 2, "Cries at drop-off");
        anas_concern["kind"] = json!("concern");
        let ana = json!({"kind": "student",
            "student": {"id": 2, "class_id": 1, "given_name": "Ana", "family_name": "Lopez"},
            "links": [], "guardians": [], "answers": [], "goals": [], "contacts": [],
            "praise": [], "concerns": [], "conferences": []});
        let bens_call = json!({"kind": "contact",
            "contact": {"id": 2, "student_id": 2, "happened_on": "2026-11-02", "method": "phone",
                        "kind": "concern", "summary": "About the drop-off"},
            "praise_ids": [], "concern_ids": [1]});
        conn.execute_batch(
            "INSERT INTO school_year VALUES (1, '2026–2027', '2026-08-15', '2027-06-30');
             INSERT INTO class (id, school_year_id, name) VALUES (1, 1, 'Room 12');
             INSERT INTO setting VALUES ('current_class_id', '1');
             INSERT INTO student (id, class_id, given_name, family_name) VALUES
                 (1, 1, 'Zoe', 'Adams'), (2, 1, 'Ben', 'Okafor');
             INSERT INTO guardian (id, name) VALUES (1, 'Mary Adams');
             INSERT INTO student_guardian (student_id, guardian_id, is_primary) VALUES (1, 1, 1);
             INSERT INTO contact (id, student_id, guardian_id, happened_on, method, kind)
                 VALUES (1, 1, 1, '2026-10-05', 'phone', 'positive');
             INSERT INTO praise (id, student_id, noticed_on, category, contact_id)
                 VALUES (1, 1, '2026-10-04', 'helped', 1);
             INSERT INTO concern (id, student_id, noticed_on, observed)
                 VALUES (1, 2, '2026-11-01', 'Hides under the table');",
        )
        .unwrap();
        let mut trash = conn
            .prepare(
                "INSERT INTO trash (kind, label, student_id, deleted_at, payload)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .unwrap();
        // Deleted lately, in this order: the trash keeps an entry for thirty days from today.
        let hours_ago = |hours: i64| {
            (Utc::now() - chrono::Duration::hours(hours))
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        };
        for (kind, label, at, payload) in [
            ("concern", "Ana Lopez: concern", hours_ago(3), anas_concern),
            ("student", "Ana Lopez", hours_ago(2), ana),
            ("contact", "Ben Okafor: call", hours_ago(1), bens_call),
        ] {
            trash
                .execute(rusqlite::params![kind, label, 2, at, payload.to_string()])
                .unwrap();
        }
    }

    #[test]
    fn migration_keeps_every_link_and_each_deleted_note_with_its_own_child() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.sqlite3");
        numbered_record(&path);
        let mut store = Store::open(&path).unwrap();
        assert!(store.check().unwrap().is_healthy());

        let settings = store.settings().unwrap();
        let class = store.classes().unwrap()[0].id;
        assert_eq!(settings.current_class_id, Some(class));
        let students = store.students(class).unwrap();
        let id_of = |name: &str| students.iter().find(|s| s.given_name == name).unwrap().id;
        let (zoe, ben) = (id_of("Zoe"), id_of("Ben"));
        let zoes_page = store
            .student_page(zoe, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
            .unwrap();
        assert_eq!(
            zoes_page.record.guardians[0].guardian.details.name,
            "Mary Adams"
        );
        assert_eq!(
            zoes_page.praise[0].contact_id,
            Some(zoes_page.contacts[0].id)
        );
        assert_eq!(store.concerns_of(ben).unwrap().len(), 1);

        let entry = |store: &Store, kind: &str| {
            let items = store.trash().unwrap();
            items.into_iter().find(|i| i.kind == kind).unwrap()
        };
        // Ana's concern was hers: it cannot go to Ben, who has her old number.
        assert_ne!(entry(&store, "concern").student_id, Some(ben));
        let refused = store.restore(entry(&store, "concern").id).unwrap_err();
        assert!(
            refused.to_string().contains("no longer in the record"),
            "{refused}"
        );
        assert_eq!(store.concerns_of(ben).unwrap().len(), 1);
        // Ben's call was his, and his concern that it discussed points at it again.
        let call = store.restore(entry(&store, "contact").id).unwrap();
        assert_eq!(call.student_id, Some(ben));
        let bens = store.concerns_of(ben).unwrap();
        assert!(bens[0].details.contact_id.is_some());
        // Ana comes back, then her concern goes to her.
        let ana = store
            .restore(entry(&store, "student").id)
            .unwrap()
            .student_id
            .unwrap();
        let concern = store.restore(entry(&store, "concern").id).unwrap();
        assert_eq!(concern.student_id, Some(ana));
        assert_eq!(
            store.concerns_of(ana).unwrap()[0].details.observed,
            "Cries at drop-off"
        );
        assert_eq!(store.concerns_of(ben).unwrap().len(), 1);
        assert!(store.check().unwrap().is_healthy());
    }
}
