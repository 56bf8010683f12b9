//! Backups and restore against real record files: a backup is a healthy, owner-only copy taken
//! while the record is open; an unchanged record takes no new automatic backup; restoring checks
//! the file first, keeps the record as it was, and leaves no stale journal behind; a bad file is
//! refused with the record untouched; a failed backup never replaces a good one.

use std::path::Path;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use rapport::backup::{self, BackupKind};
use rapport::{demo, Store};

fn demo_record(dir: &Path) -> Store {
    let mut store = Store::open(dir.join("rapport.sqlite3")).unwrap();
    demo::load_demo_class(&mut store, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()).unwrap();
    store
}

fn students(store: &Store) -> usize {
    let class = store.settings().unwrap().current_class_id.unwrap();
    store.students(class).unwrap().len()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_is_a_healthy_owner_only_copy_of_the_open_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_record(dir.path());
    let target = dir.path().join("usb").join("copy.sqlite3");
    std::fs::create_dir(dir.path().join("usb")).unwrap();
    let bytes = store.back_up_to(&target).unwrap();
    assert_eq!(bytes, std::fs::metadata(&target).unwrap().len());
    let checked = backup::check_file(&target, None).unwrap();
    assert_eq!(checked.students, 30);
    assert_eq!(checked.schema_version, rapport::store::SCHEMA_VERSION);
    #[cfg(unix)]
    assert_eq!(mode(&target), 0o600);
    // Nothing is left beside it.
    assert_eq!(
        std::fs::read_dir(dir.path().join("usb")).unwrap().count(),
        1
    );
    let copy = Store::open(&target).unwrap();
    assert_eq!(students(&copy), 30);
}

#[test]
fn an_automatic_backup_is_taken_only_when_the_record_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_record(dir.path());
    let backups = backup::backups_dir(store.path());
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 8, 0, 0).unwrap();
    let first = backup::automatic(&store, &backups, now)
        .unwrap()
        .expect("a first backup");
    assert_eq!(first.kind, BackupKind::Automatic);
    #[cfg(unix)]
    {
        assert_eq!(mode(&first.path), 0o600);
        assert_eq!(mode(&backups), 0o700);
    }
    let later = now + Duration::hours(1);
    assert_eq!(
        backup::automatic(&store, &backups, later).unwrap(),
        None,
        "unchanged"
    );
    let class = store.settings().unwrap().current_class_id.unwrap();
    let first_student = store.students(class).unwrap()[0].id;
    store.delete_student(first_student).unwrap();
    let second = backup::automatic(&store, &backups, later)
        .unwrap()
        .expect("changed");
    let listed = backup::list(&backups).unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0], second, "newest first");
    assert_eq!(
        backup::check_file(&listed[1].path, None).unwrap().students,
        30
    );
    assert_eq!(
        backup::check_file(&listed[0].path, None).unwrap().students,
        29
    );

    // A backup can be deleted by its name in the folder, and nothing outside it.
    let older = listed[1]
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    backup::delete(&backups, &older).unwrap();
    assert_eq!(backup::list(&backups).unwrap().len(), 1);
    let error = backup::delete(&backups, "../rapport.sqlite3").unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert!(store.path().exists());
}

#[test]
fn restoring_brings_the_backup_back_and_keeps_the_record_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rapport.sqlite3");
    let mut store = demo_record(dir.path());
    let saved = dir.path().join("saved.sqlite3");
    store.back_up_to(&saved).unwrap();
    let class = store.settings().unwrap().current_class_id.unwrap();
    for student in store.students(class).unwrap().iter().take(5) {
        store.delete_student(student.id).unwrap();
    }
    assert_eq!(students(&store), 25);
    drop(store);

    let now = Utc.with_ymd_and_hms(2026, 11, 24, 16, 0, 0).unwrap();
    let kept = backup::restore(&db, &saved, None, now)
        .unwrap()
        .kept
        .expect("the record as it was");
    assert_eq!(kept.kind, BackupKind::BeforeRestore);
    assert_eq!(backup::check_file(&kept.path, None).unwrap().students, 25);
    for side in ["rapport.sqlite3-wal", "rapport.sqlite3-shm"] {
        assert!(!dir.path().join(side).exists(), "{side} left behind");
    }
    #[cfg(unix)]
    assert_eq!(mode(&db), 0o600);
    let store = Store::open(&db).unwrap();
    assert_eq!(students(&store), 30);
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn a_file_that_is_not_a_healthy_record_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rapport.sqlite3");
    drop(demo_record(dir.path()));
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 16, 0, 0).unwrap();

    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database at all, just some words").unwrap();
    let error = backup::restore(&db, &text, None, now).unwrap_err();
    assert!(
        error.to_string().contains("not a Rapport record"),
        "{error}"
    );

    let newer = dir.path().join("newer.sqlite3");
    Store::open(&db).unwrap().back_up_to(&newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    assert_eq!(
        backup::restore(&db, &newer, None, now).unwrap_err().code(),
        "too_new"
    );

    let other = dir.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        .unwrap();
    let error = backup::restore(&db, &other, None, now).unwrap_err();
    assert!(
        error.to_string().contains("not a Rapport record"),
        "{error}"
    );

    // Another program's file with a table of the same name, and no Rapport version.
    let lookalike = dir.path().join("lookalike.sqlite3");
    rusqlite::Connection::open(&lookalike)
        .unwrap()
        .execute_batch("CREATE TABLE student (id INTEGER PRIMARY KEY, name TEXT)")
        .unwrap();
    let error = backup::restore(&db, &lookalike, None, now).unwrap_err();
    assert!(
        error.to_string().contains("not a Rapport record"),
        "{error}"
    );
    let error = Store::open(&db)
        .unwrap()
        .restore_from(&lookalike, now)
        .unwrap_err();
    assert!(
        error.to_string().contains("not a Rapport record"),
        "{error}"
    );

    // The record is as it was, and no safety copy was needed.
    assert_eq!(students(&Store::open(&db).unwrap()), 30);
    assert!(backup::list(&backup::backups_dir(&db)).unwrap().is_empty());
}

#[test]
fn a_record_that_will_not_open_can_still_be_restored_over() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rapport.sqlite3");
    let good = dir.path().join("good.sqlite3");
    demo_record(dir.path()).back_up_to(&good).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 16, 0, 0).unwrap();
    // The record is damaged beyond opening: the command line's restore is the way back.
    std::fs::write(&db, b"garbage where the record was").unwrap();
    assert!(Store::open(&db).is_err());

    let kept = backup::restore(&db, &good, None, now)
        .unwrap()
        .kept
        .unwrap();
    assert_eq!(kept.kind, BackupKind::BeforeRestore);
    assert_eq!(
        std::fs::read(&kept.path).unwrap(),
        b"garbage where the record was",
        "the damaged file is kept as it was"
    );
    assert_eq!(students(&Store::open(&db).unwrap()), 30);
}

#[test]
fn a_failed_backup_never_replaces_the_previous_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_record(dir.path());
    let target = dir.path().join("copy.sqlite3");
    store.back_up_to(&target).unwrap();
    let good = std::fs::read(&target).unwrap();
    let class = store.settings().unwrap().current_class_id.unwrap();
    let first = store.students(class).unwrap()[0].id;
    store.delete_student(first).unwrap();
    // A folder where the temporary copy would go makes the backup fail.
    std::fs::create_dir(
        dir.path()
            .join(format!(".copy.sqlite3.{}.partial", std::process::id())),
    )
    .unwrap();
    assert!(store.back_up_to(&target).is_err());
    assert_eq!(std::fs::read(&target).unwrap(), good);
}

#[test]
fn a_backup_is_never_written_over_the_record_or_its_journal() {
    let dir = tempfile::tempdir().unwrap();
    let store = demo_record(dir.path());
    let before = std::fs::read(store.path()).unwrap();
    let spelled_otherwise = dir.path().join("usb").join("..").join("rapport.sqlite3");
    std::fs::create_dir(dir.path().join("usb")).unwrap();
    for target in [
        store.path().to_path_buf(),
        dir.path().join("rapport.sqlite3-wal"),
        dir.path().join("rapport.sqlite3-shm"),
        spelled_otherwise,
    ] {
        let error = store.back_up_to(&target).unwrap_err();
        assert!(error.to_string().contains("over the record"), "{error}");
    }
    assert_eq!(std::fs::read(store.path()).unwrap(), before);
    assert!(store.check().unwrap().is_healthy());
}

/// `rapport` on the record at `db` with `args`: (succeeded, what it wrote to stderr).
fn rapport(db: &Path, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_writes_nothing_while_the_app_has_the_record_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rapport.sqlite3");
    let copy = dir.path().join("copy.sqlite3");
    let store = demo_record(dir.path());
    store.back_up_to(&copy).unwrap();
    let export = dir.path().join("record.json");
    drop(store);

    // The app holds the record (the same lock the window takes).
    let app = rapport::store::lock::RecordLock::acquire(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    for args in [
        vec!["restore", copy.to_str().unwrap()],
        vec!["demo"],
        vec!["import-json", copy.to_str().unwrap()],
        vec!["import", copy.to_str().unwrap()],
    ] {
        let (ok, said) = rapport(&db, &args);
        assert!(!ok, "rapport {args:?} ran while the app had the record");
        assert!(
            said.contains("open in a Rapport window"),
            "{args:?}: {said}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing was written");
    // Reading still works beside the app.
    let (ok, said) = rapport(&db, &["students"]);
    assert!(ok, "{said}");
    let (ok, said) = rapport(&db, &["export-json", "--out", export.to_str().unwrap()]);
    assert!(ok, "{said}");

    drop(app);
    let (ok, said) = rapport(&db, &["restore", copy.to_str().unwrap()]);
    assert!(ok, "once the app is closed the restore runs: {said}");
}
