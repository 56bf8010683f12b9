//! The end of a year and removing a child for good, against real record files: an archived class
//! is read-only but still prints; a new year carries the chosen children over with the same
//! guardians and leaves the old year intact; a purge deletes every row about a child, their trash
//! included, and leaves no trace of them in the file, while backups taken before it are flagged.

use crate::support::today;
use chrono::{NaiveDate, TimeZone, Utc};
use rapport::model::{ClassDetails, Id, StudentDetails};
use rapport::packet::Paper;
use rapport::uses::{self, Document};
use rapport::{backup, demo, Store};

fn demo_store(dir: &std::path::Path) -> (Store, Id) {
    let mut store = Store::open(dir.join("rapport.sqlite3")).unwrap();
    let class = demo::load_demo_class(&mut store, today()).unwrap().class_id;
    (store, class)
}

#[test]
fn an_archived_class_cannot_change_but_still_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (store, class) = demo_store(dir.path());
    store.archive_class(class, true).unwrap();
    let error = store
        .add_student(&StudentDetails {
            class_id: class,
            given_name: "Late".into(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(error.code(), "conflict");
    let now = Utc.with_ymd_and_hms(2027, 7, 1, 9, 0, 0).unwrap();
    let printed = uses::print(
        &store,
        Document::ClassPackets(class),
        Some(Paper::A4),
        today(),
        now,
    )
    .map(|d| d.printed)
    .unwrap();
    assert!(printed.pages >= 30);
    assert!(!store.archive_class(class, false).unwrap().archived);
}

#[test]
fn a_new_year_carries_the_chosen_children_and_their_guardians_over() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, old) = demo_store(dir.path());
    let students = store.students(old).unwrap();
    let moving: Vec<Id> = students.iter().skip(2).map(|s| s.id).collect();
    let jose_before = students
        .iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap();
    let page_before = store.student_page(jose_before.id, today()).unwrap();

    let june = NaiveDate::from_ymd_opt(2027, 6, 20).unwrap();
    let new = store
        .start_new_year(
            old,
            &ClassDetails {
                name: "Grade 4 — Room 14".into(),
                grade: "4".into(),
                room: "14".into(),
            },
            &moving,
            june,
        )
        .unwrap();
    assert_eq!(
        store.school_year(new.school_year_id).unwrap().details.name,
        "2027–2028"
    );
    assert_eq!(store.settings().unwrap().current_class_id, Some(new.id));
    let carried = store.students(new.id).unwrap();
    assert_eq!(carried.len(), moving.len());
    // The same guardian records, not copies.
    let guardians_before = store.all_guardians().unwrap().len();
    let jose_now = carried
        .iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap();
    let linked: Vec<Id> = store
        .guardians_of(jose_now.id)
        .unwrap()
        .iter()
        .map(|g| g.guardian.id)
        .collect();
    let linked_before: Vec<Id> = page_before
        .record
        .guardians
        .iter()
        .map(|g| g.guardian.id)
        .collect();
    assert_eq!(linked, linked_before);
    assert_eq!(store.all_guardians().unwrap().len(), guardians_before);
    // The new year starts fresh; the old year is archived and exactly as it was.
    assert!(store
        .student_page(jose_now.id, june)
        .unwrap()
        .contacts
        .is_empty());
    assert!(store.class(old).unwrap().archived);
    assert_eq!(store.students(old).unwrap().len(), students.len());
    assert_eq!(
        store
            .student_page(jose_before.id, today())
            .unwrap()
            .contacts,
        page_before.contacts
    );
    // Removing a child for good removes them from every year, and only them.
    store
        .purge_student(jose_now.id, chrono::Utc::now())
        .unwrap();
    assert_eq!(
        store.student(jose_before.id).unwrap_err().code(),
        "not_found"
    );
    assert_eq!(store.students(old).unwrap().len(), students.len() - 1);
    assert_eq!(store.students(new.id).unwrap().len(), moving.len() - 1);
    let other = carried
        .iter()
        .find(|s| s.display_name != "José Núñez")
        .unwrap();
    // A child from another class cannot be carried.
    let error = store
        .start_new_year(
            old,
            &ClassDetails {
                name: "Again".into(),
                ..Default::default()
            },
            &[other.id],
            june,
        )
        .unwrap_err();
    assert_eq!(error.code(), "conflict");
}

#[test]
fn a_purged_child_leaves_no_trace_and_older_backups_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, class) = demo_store(dir.path());
    let jose = store
        .students(class)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap()
        .id;
    let mut details = store.student(jose).unwrap().details;
    details.notes = "PURGE-MARKER-7f3a private note".into();
    store.update_student(jose, &details).unwrap();
    let page = store.student_page(jose, today()).unwrap();
    assert!(!page.contacts.is_empty() && !page.goals.is_empty());
    // Something of his in the trash too.
    store.delete_goal(page.goals[0].goal.id).unwrap();
    let shared = store.all_guardians().unwrap().len();

    let folder = backup::backups_dir(store.path());
    let before = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    backup::automatic(&store, &folder, before).unwrap().unwrap();

    let purge_time = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    assert_eq!(store.purge_student(jose, purge_time).unwrap(), "José Núñez");
    assert_eq!(store.student(jose).unwrap_err().code(), "not_found");
    assert!(store
        .trash()
        .unwrap()
        .iter()
        .all(|t| t.student_id != Some(jose)));
    let export = store.export().unwrap();
    assert!(export.contacts.iter().all(|c| c.details.student_id != jose));
    assert!(export.goals.iter().all(|g| g.details.student_id != jose));
    assert!(export
        .conferences
        .iter()
        .all(|c| c.details.student_id != Some(jose)));
    assert!(export
        .guardians
        .iter()
        .all(|g| g.details.name != "María Núñez"));
    assert_eq!(
        store.all_guardians().unwrap().len(),
        shared - 2,
        "his parents, linked to no other child"
    );
    assert!(store.check().unwrap().is_healthy());

    // No trace in the file or its journal.
    for name in ["rapport.sqlite3", "rapport.sqlite3-wal"] {
        let path = dir.path().join(name);
        if let Ok(bytes) = std::fs::read(&path) {
            assert!(
                !bytes.windows(18).any(|w| w == b"PURGE-MARKER-7f3a "),
                "{name} still holds the purged child's note"
            );
        }
    }
    // The backup taken before still holds him, and is flagged.
    assert_eq!(store.last_purge().unwrap(), Some(purge_time));
    let listed = backup::list(&folder).unwrap();
    assert!(listed[0].taken_at < purge_time);
}

/// José's record in the old class, carried into a new year; returns (old id, new copy's id, new
/// class id).
fn carried_over(store: &mut Store, old: Id) -> (Id, Id, Id) {
    let jose = store
        .students(old)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap()
        .id;
    let mut details = store.student(jose).unwrap().details;
    details.school_student_id = Some("7".into());
    store.update_student(jose, &details).unwrap();
    let new = store
        .start_new_year(
            old,
            &ClassDetails {
                name: "Grade 4 — Room 14".into(),
                ..Default::default()
            },
            &[jose],
            NaiveDate::from_ymd_opt(2027, 6, 20).unwrap(),
        )
        .unwrap();
    let copy = store.students(new.id).unwrap()[0].id;
    (jose, copy, new.id)
}

#[test]
fn a_purge_spares_another_child_who_only_shares_the_school_id() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, old) = demo_store(dir.path());
    let (jose, copy, new_class) = carried_over(&mut store, old);
    // Schools reuse short ids: in another class of the new year "7" is a different child, with a
    // different family.
    let year = store.class(new_class).unwrap().school_year_id;
    let other_class = store
        .add_class(
            year,
            &ClassDetails {
                name: "Grade 3 — Room 9".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .id;
    let ana = store
        .add_student(&StudentDetails {
            class_id: other_class,
            given_name: "Ana".into(),
            family_name: "Ruiz".into(),
            school_student_id: Some("7".into()),
            ..Default::default()
        })
        .unwrap()
        .id;

    store.purge_student(jose, Utc::now()).unwrap();
    assert_eq!(store.student(copy).unwrap_err().code(), "not_found");
    assert_eq!(store.student(ana).unwrap().details.given_name, "Ana");
}

#[test]
fn a_purge_also_empties_the_trash_of_a_copy_deleted_from_another_year() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, old) = demo_store(dir.path());
    let (jose, copy, _) = carried_over(&mut store, old);
    // He left during the new year: his new record went to the trash, the old year kept his.
    store.delete_student(copy).unwrap();
    assert!(store
        .trash()
        .unwrap()
        .iter()
        .any(|t| t.label == "José Núñez"));

    store.purge_student(jose, Utc::now()).unwrap();
    let left: Vec<String> = store
        .trash()
        .unwrap()
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert!(
        left.iter().all(|label| !label.contains("José")),
        "still in the trash: {left:?}"
    );
    assert!(store.check().unwrap().is_healthy());
}

/// José, the demo's child with a conference and two parents of his own.
fn jose(store: &Store, class: Id) -> Id {
    store
        .students(class)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap()
        .id
}

#[test]
fn restoring_a_backup_from_before_a_removal_for_good_removes_the_child_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, class) = demo_store(dir.path());
    let jose = jose(&store, class);
    let students = store.students(class).unwrap().len();
    let folder = backup::backups_dir(store.path());
    let before = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    let older = backup::automatic(&store, &folder, before).unwrap().unwrap();
    let usb = dir.path().join("usb-copy.sqlite3");
    store.back_up_to(&usb).unwrap();
    let export = store.export().unwrap();
    let purge_time = Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap();
    store.purge_student(jose, purge_time).unwrap();
    let ledger = std::fs::read_to_string(rapport::removals::ledger_path(store.path())).unwrap();
    assert!(ledger.contains(&jose.to_string()));
    assert!(!ledger.contains("Núñez"), "ids and times, never names");

    // From the window (the record open) and from the command line (the file swapped).
    let after = Utc.with_ymd_and_hms(2026, 11, 24, 10, 0, 0).unwrap();
    store.restore_from(&older.path, after).unwrap();
    assert_eq!(store.removed_again(), 1);
    assert_eq!(store.student(jose).unwrap_err().code(), "not_found");
    assert_eq!(store.students(class).unwrap().len(), students - 1);
    assert!(store.check().unwrap().is_healthy());
    // The backups taken before the removal are still flagged: the ledger is not in the record.
    assert_eq!(store.last_purge().unwrap(), Some(purge_time));
    let db = store.path().to_path_buf();
    drop(store);
    assert_eq!(
        backup::restore(&db, &usb, None, after)
            .unwrap()
            .removed_again,
        1
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.student(jose).unwrap_err().code(), "not_found");
    drop(store);

    // An export from before the removal: read into a new record beside the same backups.
    let fresh = dir.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    let fresh_db = fresh.join("rapport.sqlite3");
    std::fs::create_dir(fresh.join("backups")).unwrap();
    std::fs::copy(
        rapport::removals::ledger_path(&db),
        rapport::removals::ledger_path(&fresh_db),
    )
    .unwrap();
    let mut imported = Store::open(&fresh_db).unwrap();
    let read = imported.import_export(&export).unwrap();
    assert_eq!(read.removed_again, 1);
    assert_eq!(imported.student(jose).unwrap_err().code(), "not_found");
    assert_eq!(imported.students(class).unwrap().len(), students - 1);
}

#[test]
fn a_purge_sweeps_half_written_copies_and_thinning_keeps_the_copy_just_taken() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, class) = demo_store(dir.path());
    let folder = backup::backups_dir(store.path());
    let noon = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
    backup::automatic(&store, &folder, noon).unwrap().unwrap();
    // A crash left a copy half-written: it holds the child too.
    let staged = folder.join(".staged-4242.sqlite3");
    std::fs::write(&staged, b"half a record").unwrap();
    let partial = folder.join(".rapport-x.sqlite3.4242.partial");
    std::fs::write(&partial, b"half a record").unwrap();
    let jose = jose(&store, class);
    store.purge_student(jose, noon).unwrap();
    assert!(!staged.exists() && !partial.exists());

    // A clock set back a year: the copy taken now is kept, and so is the history.
    let mut details = store
        .student(store.students(class).unwrap()[0].id)
        .unwrap()
        .details;
    details.notes = "changed".into();
    let first = store.students(class).unwrap()[0].id;
    store.update_student(first, &details).unwrap();
    let year_ago = noon - chrono::Duration::days(365);
    let taken = backup::automatic(&store, &folder, year_ago)
        .unwrap()
        .unwrap();
    assert!(taken.path.exists(), "the copy just taken stays");
    assert_eq!(backup::list(&folder).unwrap().len(), 2);
}
