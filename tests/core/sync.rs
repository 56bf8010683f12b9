//! Two computers, one record, through a sync folder: against real record files in temporary
//! folders, edited through the core's own operations.

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use rapport::model::*;
use rapport::store::sync::SyncReport;
use rapport::{demo, uses, Store};
use tempfile::TempDir;

use crate::support::{day, rapport};

/// One computer: its own data folder (removed with it) and record.
pub struct Computer {
    pub _dir: TempDir,
    pub store: Store,
}

pub fn at(minute: i64) -> DateTime<Utc> {
    "2026-11-24T08:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::minutes(minute)
}

/// The first computer: the demo class, syncing through `folder`.
pub fn first(folder: &Path) -> Computer {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    demo::load_demo_class(&mut store, day("2026-11-24")).unwrap();
    store.start_sync(folder, at(0)).unwrap();
    Computer { _dir: dir, store }
}

/// Another computer opening the record found in `folder` in place of its new, empty one.
pub fn join(folder: &Path, passphrase: Option<&str>) -> Computer {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    uses::open_from_sync_folder(&mut store, folder, passphrase, at(1)).unwrap();
    Computer { _dir: dir, store }
}

/// What must be the same on every computer: the whole export (but the two settings that belong
/// to one computer) and the trash.
pub fn record_of(store: &Store) -> serde_json::Value {
    let mut export = serde_json::to_value(store.export().unwrap()).unwrap();
    export["settings"]["current_class_id"] = serde_json::Value::Null;
    export["settings"]["lock_minutes"] = serde_json::Value::Null;
    export["exported_at"] = serde_json::Value::Null;
    let trash: Vec<_> = store
        .trash()
        .unwrap()
        .into_iter()
        .map(|t| (t.id, t.kind, t.label))
        .collect();
    serde_json::json!({ "export": export, "trash": trash })
}

fn sync(c: &mut Computer, minute: i64) -> SyncReport {
    c.store.sync(at(minute)).unwrap()
}

fn class_of(store: &Store) -> Id {
    store.classes().unwrap()[0].id
}

fn child(store: &Store, name: &str) -> Id {
    crate::support::child_named(store, class_of(store), name)
}

fn call(student_id: Id, summary: &str) -> ContactDetails {
    ContactDetails {
        student_id,
        guardian_id: None,
        happened_on: day("2026-11-24"),
        method: ContactMethod::Phone,
        initiated_by: Initiator::Teacher,
        kind: ContactKind::Positive,
        summary: summary.into(),
        outcome: String::new(),
        reached: true,
        follow_up_on: None,
        follow_up_done: false,
        sensitive: false,
    }
}

#[test]
fn a_contact_logged_on_one_computer_appears_on_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    assert_eq!(record_of(&school.store), record_of(&home.store));

    let jose = child(&school.store, "José Núñez");
    let contact = school
        .store
        .add_contact(&call(jose, "Told his mother about the science fair"))
        .unwrap();
    let sent = sync(&mut school, 10);
    assert_eq!((sent.sent, sent.received, sent.folder_found), (1, 0, true));
    let received = sync(&mut home, 11);
    assert_eq!((received.sent, received.received), (0, 1));
    assert_eq!(home.store.contact(contact.id).unwrap(), contact);
    assert_eq!(record_of(&school.store), record_of(&home.store));

    // Nothing new: nothing sent, nothing received.
    let again = sync(&mut home, 12);
    assert_eq!((again.sent, again.received), (0, 0));
    let status = home.store.sync_status().unwrap().unwrap();
    assert_eq!(status.last_synced_at, Some(at(12)));
    assert_eq!(status.waiting, 0);
    assert!(home.store.check().unwrap().is_healthy());
}

#[test]
fn the_same_field_changed_on_both_keeps_the_later_edit_and_lists_the_other() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    let mut details = school.store.student(jose).unwrap().details;
    details.notes = "Loves drawing (school)".into();
    school.store.update_student(jose, &details).unwrap();
    sync(&mut school, 10);
    let mut details = home.store.student(jose).unwrap().details;
    details.notes = "Loves drawing (home)".into();
    details.pronouns = "he/him".into();
    home.store.update_student(jose, &details).unwrap();
    // Home syncs later: its edit is the later one.
    let at_home = sync(&mut home, 20);
    assert_eq!(at_home.conflicts.len(), 1, "{:?}", at_home.conflicts);
    let listed = &at_home.conflicts[0];
    assert_eq!(listed.student.as_deref(), Some("José Núñez"));
    assert_eq!(listed.field, "Notes");
    assert_eq!(
        (listed.kept.as_str(), listed.other.as_str()),
        ("Loves drawing (home)", "Loves drawing (school)")
    );
    assert!(listed.other_is_theirs && listed.can_take_other);
    let at_school = sync(&mut school, 21);
    assert_eq!(at_school.conflicts.len(), 1);
    assert_eq!(at_school.conflicts[0].kept, "Loves drawing (home)");
    assert!(!at_school.conflicts[0].other_is_theirs);
    let on_both = |c: &Computer| c.store.student(jose).unwrap().details;
    assert_eq!(on_both(&school), on_both(&home));
    assert_eq!(
        on_both(&school).pronouns,
        "he/him",
        "a field changed on one side only is kept"
    );

    // The teacher takes the other value at school; it reaches home, and the list empties.
    let id = school.store.sync_conflicts().unwrap()[0].id;
    school.store.settle_sync_conflict(id, true).unwrap();
    assert!(school.store.sync_conflicts().unwrap().is_empty());
    sync(&mut school, 30);
    sync(&mut home, 31);
    assert_eq!(
        home.store.student(jose).unwrap().details.notes,
        "Loves drawing (school)"
    );
    assert!(home
        .store
        .sync_conflicts()
        .unwrap()
        .iter()
        .all(|c| !c.can_take_other));
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn an_edit_on_one_and_a_delete_on_the_other_keeps_the_edit_on_both() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    let goal = school.store.goals_of(jose, day("2026-11-24")).unwrap()[0]
        .goal
        .clone();
    school.store.delete_goal(goal.id).unwrap();
    sync(&mut school, 10);
    let mut details = goal.details.clone();
    details.statement = "Read 100 words a minute by March".into();
    home.store.update_goal(goal.id, &details).unwrap();
    let at_home = sync(&mut home, 20);
    assert!(
        at_home
            .conflicts
            .iter()
            .any(|c| c.kind == "edit_over_delete"),
        "{:?}",
        at_home.conflicts
    );
    assert_eq!(
        home.store.goal(goal.id).unwrap().details.statement,
        details.statement
    );
    let at_school = sync(&mut school, 21);
    assert!(at_school
        .conflicts
        .iter()
        .any(|c| c.kind == "edit_over_delete"));
    assert_eq!(
        school.store.goal(goal.id).unwrap().details.statement,
        details.statement
    );
    assert!(
        school.store.trash().unwrap().is_empty(),
        "the deletion was undone, its trash entry with it"
    );
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

/// A child deleted at school while home edits one of their contacts, then brought back from the
/// trash at school before school hears of the edit: bringing back writes the contact's old words
/// again, a change of its own, and both computers settle the clash the same way (the random
/// syncs found them ending apart, each sure of a different summary).
#[test]
fn a_child_brought_back_while_the_other_computer_edited_them_ends_the_same_on_both() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    let contact = school.store.contacts_of(jose).unwrap()[0].clone();
    school.store.delete_student(jose).unwrap();
    sync(&mut school, 10);
    let mut details = contact.details.clone();
    details.summary = "Talked about the reading log".into();
    home.store.update_contact(contact.id, &details).unwrap();
    sync(&mut home, 20);
    let entry = school.store.trash().unwrap()[0].id;
    school.store.restore(entry).unwrap();
    sync(&mut school, 30);
    sync(&mut home, 40);
    sync(&mut school, 50);
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

fn guardian_ids(store: &Store, child: Id) -> Vec<Id> {
    store
        .guardians_of(child)
        .unwrap()
        .iter()
        .map(|g| g.guardian.id)
        .collect()
}

#[test]
fn a_child_kept_for_an_edit_made_elsewhere_keeps_their_guardians_on_both() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    let guardians = guardian_ids(&school.store, jose);
    assert!(!guardians.is_empty(), "the demo gives José a family");
    school.store.delete_student(jose).unwrap();
    sync(&mut school, 10);
    // Meanwhile, at home, a call with José's guardian is noted on one of his contacts.
    let contact = home.store.contacts_of(jose).unwrap()[0].clone();
    let mut details = contact.details.clone();
    details.guardian_id = Some(guardians[0]);
    details.summary = "Spoke with his guardian about the reading log".into();
    home.store.update_contact(contact.id, &details).unwrap();
    sync(&mut home, 20);
    sync(&mut school, 30);
    for c in [&mut school, &mut home] {
        let linked = guardian_ids(&c.store, jose);
        assert!(linked.contains(&guardians[0]), "{linked:?}");
        // The contact can be edited again: its guardian is still one of José's.
        let mut again = c.store.contact(contact.id).unwrap().details;
        again.outcome = "Will read together each night".into();
        c.store.update_contact(contact.id, &again).unwrap();
    }
    sync(&mut school, 40);
    sync(&mut home, 50);
    sync(&mut school, 60);
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn a_child_deleted_on_one_and_given_a_contact_on_the_other_is_kept_with_the_contact_on_both() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    let details = school.store.student(jose).unwrap().details;
    school.store.delete_student(jose).unwrap();
    sync(&mut school, 10);
    let contact = home
        .store
        .add_contact(&call(jose, "Mother called back"))
        .unwrap();
    let at_home = sync(&mut home, 20);
    assert!(at_home
        .conflicts
        .iter()
        .any(|c| c.kind == "edit_over_delete" && c.thing == "The child's details"));
    let at_school = sync(&mut school, 21);
    assert!(at_school
        .conflicts
        .iter()
        .any(|c| c.kind == "edit_over_delete"));
    for c in [&school, &home] {
        assert_eq!(c.store.student(jose).unwrap().details, details);
        assert_eq!(c.store.contact(contact.id).unwrap(), contact);
        // The rest of the deletion stands; its trash entry could not restore it whole any more.
        assert!(c.store.trash().unwrap().is_empty());
    }
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn a_removal_for_good_wins_over_an_edit_and_reaches_every_copy() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    school.store.purge_student(jose, at(5)).unwrap();
    sync(&mut school, 10);
    home.store
        .add_contact(&call(jose, "A call made before the news arrived"))
        .unwrap();
    sync(&mut home, 20);
    sync(&mut school, 21);
    for c in [&school, &home] {
        assert_eq!(c.store.student(jose).unwrap_err().code(), "not_found");
        // And it stays removed through a restore of a backup from before.
        assert!(rapport::removals::read(c.store.path())
            .unwrap()
            .removals()
            .iter()
            .any(|r| r.students.contains(&jose)));
    }
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn a_missing_folder_loses_nothing_and_the_changes_wait() {
    let folder = tempfile::tempdir().unwrap();
    let stick = folder.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let mut school = first(&stick);
    let mut home = join(&stick, None);
    let unplugged = folder.path().join("unplugged");
    std::fs::rename(&stick, &unplugged).unwrap();
    let jose = child(&school.store, "José Núñez");
    school.store.add_contact(&call(jose, "One")).unwrap();
    let away = sync(&mut school, 10);
    assert!(!away.folder_found);
    assert_eq!((away.sent, away.waiting), (0, 1));
    school.store.add_contact(&call(jose, "Two")).unwrap();
    assert_eq!(sync(&mut school, 11).waiting, 2);
    std::fs::rename(&unplugged, &stick).unwrap();
    let back = sync(&mut school, 12);
    assert_eq!((back.sent, back.waiting), (2, 0));
    assert_eq!(sync(&mut home, 13).received, 2);
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn one_changed_byte_in_a_change_file_is_refused_and_nothing_of_it_applied() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    school.store.add_contact(&call(jose, "One")).unwrap();
    sync(&mut school, 10);
    let file = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".rapport-changes"))
        .unwrap();
    let good = std::fs::read(&file).unwrap();
    let before = record_of(&home.store);
    for at_byte in [0, good.len() / 2, good.len() - 1] {
        let mut bad = good.clone();
        bad[at_byte] ^= 0x20;
        std::fs::write(&file, &bad).unwrap();
        let report = sync(&mut home, 20);
        assert_eq!(report.received, 0);
        assert_eq!(report.refused.len(), 1, "{report:?}");
        assert!(
            report.refused[0].contains("refused") || report.refused[0].contains("not a Rapport"),
            "{}",
            report.refused[0]
        );
        assert_eq!(record_of(&home.store), before);
    }
    std::fs::write(&file, &good[..good.len() - 10]).unwrap();
    assert_eq!(sync(&mut home, 21).refused.len(), 1);
    std::fs::write(&file, &good).unwrap();
    assert_eq!(sync(&mut home, 22).received, 1);
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn a_protected_record_syncs_through_encrypted_files_opened_with_its_passphrase() {
    let folder = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    demo::load_demo_class(&mut store, day("2026-11-24")).unwrap();
    store.protect("correct horse battery").unwrap();
    store.start_sync(folder.path(), at(0)).unwrap();
    let mut school = Computer { _dir: dir, store };
    let first_copy = std::fs::read(folder.path().join("first-copy.rapport")).unwrap();
    assert!(!first_copy.starts_with(b"SQLite format 3"));

    let home_dir = tempfile::tempdir().unwrap();
    let mut home_store = Store::open(home_dir.path().join("rapport.sqlite3")).unwrap();
    let wrong = uses::open_from_sync_folder(
        &mut home_store,
        folder.path(),
        Some("wrong passphrase"),
        at(1),
    );
    assert_eq!(wrong.unwrap_err().code(), "wrong_passphrase");
    assert!(home_store.is_empty_record().unwrap());
    uses::open_from_sync_folder(
        &mut home_store,
        folder.path(),
        Some("correct horse battery"),
        at(1),
    )
    .unwrap();
    let mut home = Computer {
        _dir: home_dir,
        store: home_store,
    };
    assert!(home.store.is_protected());

    let jose = child(&school.store, "José Núñez");
    school
        .store
        .add_contact(&call(jose, "Secret words about the science fair"))
        .unwrap();
    sync(&mut school, 10);
    for entry in std::fs::read_dir(folder.path()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(12).any(|w| w == b"Secret words"),
            "no plain text in the folder"
        );
    }
    assert_eq!(sync(&mut home, 11).received, 1);
    assert_eq!(record_of(&school.store), record_of(&home.store));
    // A plain record cannot read them: the folder is not its own.
    drop(home);
}

#[test]
fn the_command_line_starts_a_sync_opens_it_elsewhere_and_reports_conflicts() {
    let folder = tempfile::tempdir().unwrap();
    let school_dir = tempfile::tempdir().unwrap();
    let home_dir = tempfile::tempdir().unwrap();
    let school = school_dir.path().join("rapport.sqlite3");
    let home = home_dir.path().join("rapport.sqlite3");
    let dir = folder.path().to_str().unwrap();
    assert!(rapport(&school, &["demo"], &[]).0);
    let (ok, out, err) = rapport(&school, &["sync", dir], &[]);
    assert!(ok, "{err}");
    assert!(out.contains("its first full copy is there"), "{out}");
    let (ok, out, err) = rapport(&home, &["sync", dir], &[]);
    assert!(ok, "{err}");
    assert!(out.contains("Opened the record shared through"), "{out}");
    assert!(out.contains("0 changes sent, 0 changes received"), "{out}");

    // The same note changed on both: the later sync's value is kept, the other listed.
    for (db, note) in [
        (&school, "Loves maps (school)"),
        (&home, "Loves maps (home)"),
    ] {
        let store = Store::open(db).unwrap();
        let jose = child(&store, "José Núñez");
        let mut details = store.student(jose).unwrap().details;
        details.notes = note.into();
        store.update_student(jose, &details).unwrap();
    }
    let (ok, out, _) = rapport(&school, &["sync"], &[]);
    assert!(
        ok && out.contains("1 change sent, 0 changes received"),
        "{out}"
    );
    let (ok, out, _) = rapport(&home, &["sync"], &[]);
    assert!(ok, "{out}");
    assert!(out.contains("1 change sent, 1 change received"), "{out}");
    assert!(
        out.contains("Changed on both computers: José Núñez — The child's details, Notes: kept “Loves maps (home)” (the other computer had “Loves maps (school)”)."),
        "{out}"
    );
    let (ok, out, _) = rapport(&home, &["sync", "--status"], &[]);
    assert!(ok);
    assert!(
        out.contains("Last synced") && out.contains("Changed on both computers: 1 to look at."),
        "{out}"
    );

    // A folder not there: a clear message, a failing exit, nothing lost.
    let away = folder.path().with_extension("away");
    std::fs::rename(folder.path(), &away).unwrap();
    let (ok, _, err) = rapport(&home, &["sync"], &[]);
    assert!(!ok);
    assert!(err.contains("is not there"), "{err}");
    std::fs::rename(&away, folder.path()).unwrap();
    let (ok, _, err) = rapport(&school, &["sync", home_dir.path().to_str().unwrap()], &[]);
    assert!(
        !ok && err.contains("not this record's sync folder"),
        "{err}"
    );
}

#[test]
fn changing_the_protection_stops_the_sync_and_it_is_set_up_again_protected() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let protected = school.store.protect("correct horse battery").unwrap();
    assert!(protected.sync_stopped);
    assert!(!school.store.syncs().unwrap());
    assert!(!rapport::store::sync::base_path(school.store.path()).exists());
    let again = tempfile::tempdir().unwrap();
    school.store.start_sync(again.path(), at(5)).unwrap();
    let mut home = join(again.path(), Some("correct horse battery"));
    let jose = child(&school.store, "José Núñez");
    school
        .store
        .add_contact(&call(jose, "After protecting"))
        .unwrap();
    sync(&mut school, 10);
    assert_eq!(sync(&mut home, 11).received, 1);
    assert_eq!(record_of(&school.store), record_of(&home.store));
}

#[test]
fn an_empty_record_protected_here_opens_a_plain_or_a_protected_folder() {
    // A plain folder: this computer's record stays protected; the sync's files stay plain.
    let plain_folder = tempfile::tempdir().unwrap();
    let mut school = first(plain_folder.path());
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    store.protect("passphrase at home").unwrap();
    uses::open_from_sync_folder(&mut store, plain_folder.path(), None, at(1)).unwrap();
    assert!(store.is_protected());
    let mut home = Computer { _dir: dir, store };
    let jose = child(&school.store, "José Núñez");
    school
        .store
        .add_contact(&call(jose, "Plain folder"))
        .unwrap();
    sync(&mut school, 10);
    assert_eq!(sync(&mut home, 11).received, 1);
    home.store
        .add_contact(&call(jose, "Back from home"))
        .unwrap();
    sync(&mut home, 12);
    assert_eq!(sync(&mut school, 13).received, 1);
    assert_eq!(record_of(&school.store), record_of(&home.store));

    // A protected folder: the empty record takes the copy's protection (and passphrase).
    let folder = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    demo::load_demo_class(&mut store, day("2026-11-24")).unwrap();
    store.protect("the school passphrase").unwrap();
    store.start_sync(folder.path(), at(0)).unwrap();
    let mut school = Computer { _dir: dir, store };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    store.protect("another passphrase").unwrap();
    uses::open_from_sync_folder(
        &mut store,
        folder.path(),
        Some("the school passphrase"),
        at(1),
    )
    .unwrap();
    drop(store);
    let mut store =
        Store::unlock(dir.path().join("rapport.sqlite3"), "the school passphrase").unwrap();
    let jose = child(&school.store, "José Núñez");
    school
        .store
        .add_contact(&call(jose, "Protected folder"))
        .unwrap();
    sync(&mut school, 10);
    assert_eq!(store.sync(at(11)).unwrap().received, 1);
    assert_eq!(record_of(&school.store), record_of(&store));
}

#[test]
fn a_change_file_from_a_newer_rapport_is_not_applied_and_says_to_update() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let jose = child(&school.store, "José Núñez");
    school
        .store
        .add_contact(&call(jose, "Written by a newer Rapport"))
        .unwrap();
    sync(&mut school, 10);
    let path = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".rapport-changes"))
        .unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let (mut header, body) =
        rapport::sync::open_file(&std::fs::read(&path).unwrap(), &name, None).unwrap();
    header.schema_version = rapport::store::SCHEMA_VERSION + 1;
    std::fs::write(
        &path,
        rapport::sync::seal_file(&header, &body, None).unwrap(),
    )
    .unwrap();
    let before = record_of(&home.store);
    let report = sync(&mut home, 11);
    assert!(report.update_needed);
    assert_eq!(report.received, 0);
    assert!(
        report.refused[0].contains("Update Rapport on this computer"),
        "{:?}",
        report.refused
    );
    assert_eq!(record_of(&home.store), before);
}

#[test]
fn a_computers_own_settings_stay_on_it() {
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let mut home = join(folder.path(), None);
    let mut settings = school.store.settings().unwrap();
    settings.lock_minutes = 3;
    settings.teacher_name = "Ms. Okafor".into();
    school.store.save_settings(&settings).unwrap();
    school
        .store
        .set_calendar_folder(Some(folder.path()))
        .unwrap();
    sync(&mut school, 10);
    sync(&mut home, 11);
    let at_home = home.store.settings().unwrap();
    assert_eq!(
        at_home.teacher_name, "Ms. Okafor",
        "the record's settings travel"
    );
    assert_eq!(
        at_home.lock_minutes,
        rapport::model::Settings::DEFAULT_LOCK_MINUTES
    );
    assert_eq!(home.store.calendar_folder().unwrap(), None);
}
