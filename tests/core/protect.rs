//! A protected record, against real files: the record, its journal and every backup hold no
//! child's or guardian's name in any encoding; the passphrase and the recovery key each open it; a
//! wrong one changes nothing; changing the passphrase leaves the record's bytes alone; a plain
//! backup restored into a protected record is encrypted on the way in; removing the protection
//! turns every file back into a plain one.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rapport::backup;
use rapport::model::StudentDetails;
use rapport::protect::{self, RecoveryKey};
use rapport::{demo, Error, Store};

use crate::support::{rapport, today};

const PASSPHRASE: &str = "maple grove 2026";

/// A demo record with one automatic backup beside it, plain.
fn demo_record(dir: &Path) -> (PathBuf, Store) {
    let path = dir.join("rapport.sqlite3");
    let mut store = Store::open(&path).unwrap();
    demo::load_demo_class(&mut store, today()).unwrap();
    backup::automatic(&store, &backup::backups_dir(&path), Utc::now())
        .unwrap()
        .expect("a first backup");
    (path, store)
}

/// Every child's and guardian's name in the record.
fn names(store: &Store) -> Vec<String> {
    let class = store.settings().unwrap().current_class_id.unwrap();
    let mut names: Vec<String> = store
        .students(class)
        .unwrap()
        .iter()
        .flat_map(|s| [s.given_name.clone(), s.family_name.clone()])
        .collect();
    names.extend(
        store
            .all_guardians()
            .unwrap()
            .iter()
            .map(|g| g.guardian.details.name.clone()),
    );
    names.retain(|n| n.chars().count() >= 4);
    names.sort();
    names.dedup();
    names
}

/// The names found in the file at `path`, as UTF-8 or UTF-16 in either byte order. One pass over
/// the file: each window of four bytes is looked up among the names' first four.
fn names_in(path: &Path, names: &[String]) -> Vec<String> {
    let bytes = std::fs::read(path).unwrap();
    let mut needles: std::collections::HashMap<[u8; 4], Vec<(Vec<u8>, &String)>> =
        std::collections::HashMap::new();
    for name in names {
        let le: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = name.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for needle in [name.as_bytes().to_vec(), le, be] {
            let start: [u8; 4] = needle[..4].try_into().unwrap();
            needles.entry(start).or_default().push((needle, name));
        }
    }
    let mut found: Vec<String> = Vec::new();
    for at in 0..bytes.len().saturating_sub(3) {
        let window: [u8; 4] = bytes[at..at + 4].try_into().unwrap();
        for (needle, name) in needles.get(&window).into_iter().flatten() {
            if bytes[at..].starts_with(needle) && !found.contains(name) {
                found.push((*name).clone());
            }
        }
    }
    found
}

fn backups(path: &Path) -> Vec<PathBuf> {
    backup::list(&backup::backups_dir(path))
        .unwrap()
        .into_iter()
        .map(|b| b.path)
        .collect()
}

#[test]
fn a_protected_record_its_journal_and_its_backups_hold_no_name() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    let names = names(&store);
    assert!(names.len() > 30, "{names:?}");
    // The scan finds names in a plain file: it can fail.
    assert!(!names_in(&backups(&path)[0], &names).is_empty());

    let protected = store.protect(PASSPHRASE).unwrap();
    assert_eq!(protected.backups, 1);
    assert!(protected.backups_left.is_none());
    assert!(store.is_protected());
    // A new child goes to the journal first: it is encrypted too.
    let class = store.settings().unwrap().current_class_id.unwrap();
    store
        .add_student(&StudentDetails {
            class_id: class,
            given_name: "Zephyrine".into(),
            family_name: "Quillfeather".into(),
            ..Default::default()
        })
        .unwrap();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let wal = PathBuf::from(wal);
    assert!(wal.exists(), "the write is in the journal");
    let mut all_names = names.clone();
    all_names.extend(["Zephyrine".to_string(), "Quillfeather".to_string()]);
    assert_eq!(names_in(&wal, &all_names), Vec::<String>::new());
    // A backup now, and one written elsewhere, are encrypted as they are made.
    let taken = backup::automatic(&store, &backup::backups_dir(&path), Utc::now())
        .unwrap()
        .expect("the record changed");
    let usb = dir.path().join("usb.sqlite3");
    store.back_up_to(&usb).unwrap();
    drop(store);
    let mut files = backups(&path);
    assert_eq!(files.len(), 2);
    assert!(files.contains(&taken.path));
    files.extend([path.clone(), usb.clone()]);
    for file in &files {
        assert!(protect::is_protected(file).unwrap(), "{}", file.display());
        assert_eq!(
            names_in(file, &all_names),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
    // No plain copy was left beside the record or its backups.
    for folder in [dir.path().to_path_buf(), backup::backups_dir(&path)] {
        for entry in std::fs::read_dir(folder).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.ends_with(".partial"), "{name} left behind");
        }
    }
    // Each file opens with the key, and only with it.
    let key = protect::unlock(&path, PASSPHRASE).unwrap();
    assert_eq!(backup::check_file(&usb, Some(&key)).unwrap().students, 31);
    assert!(backup::check_file(&usb, None).is_err());
}

#[test]
fn the_passphrase_and_the_recovery_key_open_it_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    let recovery = store.protect(PASSPHRASE).unwrap().recovery_key;
    drop(store);
    let before = std::fs::read(&path).unwrap();
    let key_file = std::fs::read(protect::key_path(&path)).unwrap();

    assert!(matches!(Store::open(&path), Err(Error::Locked)));
    assert!(matches!(
        Store::unlock(&path, "maple grove 2025"),
        Err(Error::WrongPassphrase)
    ));
    assert!(matches!(
        protect::recover(&path, &RecoveryKey::random()),
        Err(Error::WrongRecoveryKey)
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read(protect::key_path(&path)).unwrap(), key_file);

    let store = Store::unlock(&path, PASSPHRASE).unwrap();
    assert_eq!(store.check().unwrap().students, 30);
    drop(store);
    // Forgotten passphrase: the recovery key, typed from the sheet, sets a new one.
    let typed = recovery.text().to_lowercase().replace('-', " ");
    let recovery = RecoveryKey::parse(&typed).unwrap();
    let store = Store::open_with_key(&path, Some(protect::recover(&path, &recovery).unwrap()));
    assert_eq!(store.unwrap().check().unwrap().students, 30);
    protect::reset_passphrase(&path, &recovery, "a brand new passphrase").unwrap();
    assert!(Store::unlock(&path, "a brand new passphrase").is_ok());
    assert!(matches!(
        Store::unlock(&path, PASSPHRASE),
        Err(Error::WrongPassphrase)
    ));
}

#[test]
fn changing_the_passphrase_does_not_touch_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    store.protect(PASSPHRASE).unwrap();
    drop(store);
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        protect::change_passphrase(&path, "not the passphrase", "whatever it is"),
        Err(Error::WrongPassphrase)
    ));
    protect::change_passphrase(&path, PASSPHRASE, "the second passphrase").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(matches!(
        Store::unlock(&path, PASSPHRASE),
        Err(Error::WrongPassphrase)
    ));
    assert!(Store::unlock(&path, "the second passphrase").is_ok());
}

#[test]
fn a_plain_backup_restored_into_a_protected_record_is_encrypted_on_the_way_in() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    let plain = dir.path().join("from-before.sqlite3");
    store.back_up_to(&plain).unwrap();
    let names = names(&store);
    store.protect(PASSPHRASE).unwrap();
    assert!(
        !protect::is_protected(&plain).unwrap(),
        "a copy elsewhere is left as it was"
    );
    store.restore_from(&plain, Utc::now()).unwrap();
    assert!(store.is_protected());
    assert_eq!(store.check().unwrap().students, 30);
    drop(store);
    assert_eq!(names_in(&path, &names), Vec::<String>::new());
    for file in backups(&path) {
        assert!(protect::is_protected(&file).unwrap(), "{}", file.display());
    }
    // The same through the function the command line and the recovery screen use.
    let key = protect::unlock(&path, PASSPHRASE).unwrap();
    backup::restore(&path, &plain, Some(&key), Utc::now()).unwrap();
    assert!(protect::is_protected(&path).unwrap());
    // Without the key, a protected record's backup is refused with a clear message.
    let error = backup::check_file(&backups(&path)[0], None).unwrap_err();
    assert!(
        error.to_string().contains("protected by a passphrase"),
        "{error}"
    );
}

#[test]
fn removing_the_protection_turns_every_file_back_into_a_plain_one() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    let names = names(&store);
    store.protect(PASSPHRASE).unwrap();
    let undone = store.unprotect().unwrap();
    assert_eq!(undone.backups, 1);
    assert!(!store.is_protected());
    assert_eq!(store.check().unwrap().students, 30);
    drop(store);
    assert!(!protect::key_path(&path).exists());
    for file in backups(&path).iter().chain([&path]) {
        assert!(!protect::is_protected(file).unwrap(), "{}", file.display());
        assert!(!names_in(file, &names).is_empty(), "{}", file.display());
    }
    assert_eq!(Store::open(&path).unwrap().check().unwrap().students, 30);
}

#[test]
fn a_protected_record_without_its_key_file_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    store.protect(PASSPHRASE).unwrap();
    drop(store);
    std::fs::rename(protect::key_path(&path), dir.path().join("elsewhere.key")).unwrap();
    let error = Store::unlock(&path, PASSPHRASE).err().expect("refused");
    assert!(error.to_string().contains("key file"), "{error}");
    assert!(error.to_string().contains("is missing"), "{error}");
    // Another record's key file does not open it either, and says so.
    let (other, mut other_store) = demo_record(&dir.path().join("other"));
    other_store.protect(PASSPHRASE).unwrap();
    drop(other_store);
    std::fs::copy(protect::key_path(&other), protect::key_path(&path)).unwrap();
    let error = Store::unlock(&path, PASSPHRASE).err().expect("refused");
    assert!(
        error.to_string().contains("does not open this record"),
        "{error}"
    );
}

#[test]
fn the_command_line_protects_asks_for_the_passphrase_and_removes_the_protection() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store) = demo_record(dir.path());
    drop(store);
    let pass = [("RAPPORT_PASSPHRASE", PASSPHRASE)];
    let sheet = dir.path().join("sheet.pdf");
    let (ok, said, _) = rapport(
        &path,
        &["protect", "--recovery-sheet", sheet.to_str().unwrap()],
        &[("RAPPORT_NEW_PASSPHRASE", PASSPHRASE)],
    );
    assert!(ok, "{said}");
    assert!(said.contains("Recovery key"), "{said}");
    assert!(sheet.exists());
    assert!(protect::is_protected(&path).unwrap());

    // Without the passphrase, or with a wrong one: a clear message, the file untouched.
    let before = std::fs::read(&path).unwrap();
    let (ok, _, error) = rapport(&path, &["check"], &[]);
    assert!(!ok);
    assert!(error.contains("RAPPORT_PASSPHRASE"), "{error}");
    let (ok, _, error) = rapport(
        &path,
        &["students"],
        &[("RAPPORT_PASSPHRASE", "nope nope nope")],
    );
    assert!(!ok);
    assert!(error.contains("does not open this record"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Every command works with it: from the variable, or from a file.
    let (ok, said, _) = rapport(&path, &["check"], &pass);
    assert!(ok && said.contains("30 students"), "{said}");
    let file = dir.path().join("passphrase.txt");
    std::fs::write(&file, format!("{PASSPHRASE}\n")).unwrap();
    let (ok, said, _) = rapport(
        &path,
        &["students", "--passphrase-file", file.to_str().unwrap()],
        &[],
    );
    assert!(ok && said.lines().count() > 30, "{said}");
    let out = dir.path().join("today.json");
    let (ok, _, error) = rapport(
        &path,
        &["export-json", "--out", out.to_str().unwrap()],
        &pass,
    );
    assert!(ok, "{error}");
    assert!(
        error.contains("not protected"),
        "the plain export is said so: {error}"
    );

    // A new passphrase; the old one stops working.
    let (ok, _, error) = rapport(
        &path,
        &["change-passphrase"],
        &[
            ("RAPPORT_PASSPHRASE", PASSPHRASE),
            ("RAPPORT_NEW_PASSPHRASE", "second passphrase"),
        ],
    );
    assert!(ok, "{error}");
    assert!(!rapport(&path, &["check"], &pass).0);

    // Removing the protection asks first; with --yes it goes ahead.
    let second = [("RAPPORT_PASSPHRASE", "second passphrase")];
    let (ok, _, error) = rapport(&path, &["unprotect"], &second);
    assert!(!ok && error.contains("--yes"), "{error}");
    assert!(protect::is_protected(&path).unwrap());
    let (ok, _, error) = rapport(&path, &["unprotect", "--yes"], &second);
    assert!(ok, "{error}");
    assert!(!protect::is_protected(&path).unwrap());
    assert!(rapport(&path, &["check"], &[]).0);
}

#[test]
fn a_protected_copy_on_a_usb_stick_restores_on_another_computer_with_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = demo_record(dir.path());
    store.protect(PASSPHRASE).unwrap();
    // An unchanged protected record takes no new automatic backup, though no two encrypted
    // copies are alike byte for byte.
    let folder = backup::backups_dir(&path);
    let again = |store: &Store| backup::automatic(store, &folder, Utc::now()).unwrap();
    assert!(again(&store).is_none());
    let class = store.settings().unwrap().current_class_id.unwrap();
    store
        .add_student(&StudentDetails {
            class_id: class,
            given_name: "Noor".into(),
            family_name: "Haddad".into(),
            ..Default::default()
        })
        .unwrap();
    assert!(again(&store).is_some());
    assert!(again(&store).is_none());
    // A copy elsewhere carries the key file that opens it.
    let usb = dir.path().join("usb").join("rapport-copy.sqlite3");
    std::fs::create_dir(usb.parent().unwrap()).unwrap();
    store.back_up_to(&usb).unwrap();
    drop(store);
    assert!(protect::key_path(&usb).exists());
    assert!(!protect::key_path(&folder.join("x.sqlite3")).exists());

    // Another computer: a new, empty record; the copy goes in with the passphrase.
    let other = dir.path().join("other").join("rapport.sqlite3");
    drop(Store::open(&other).unwrap());
    let key = protect::unlock(&usb, PASSPHRASE).unwrap();
    backup::restore_protected_copy(&other, &usb, &key, Utc::now()).unwrap();
    let store = Store::unlock(&other, PASSPHRASE).unwrap();
    assert_eq!(store.check().unwrap().students, 31);
    drop(store);
    for file in backups(&other) {
        assert!(protect::is_protected(&file).unwrap(), "{}", file.display());
    }
    // The same from the command line, onto a third computer.
    let third = dir.path().join("third").join("rapport.sqlite3");
    let (ok, said, error) = rapport(
        &third,
        &["restore", usb.to_str().unwrap()],
        &[("RAPPORT_PASSPHRASE", PASSPHRASE)],
    );
    assert!(ok, "{said}{error}");
    assert_eq!(
        Store::unlock(&third, PASSPHRASE)
            .unwrap()
            .check()
            .unwrap()
            .students,
        31
    );
}
