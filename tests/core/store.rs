//! The store against real SQLite files: opening, migrating, refusing newer records, and round trips
//! of every aggregate the foundation keeps.

use crate::support::{fresh, today};
use rapport::model::*;
use rapport::{demo, store::SCHEMA_VERSION, Error, Store};

fn class(store: &Store) -> Class {
    let year = store
        .add_school_year(&SchoolYearDetails::containing(today()))
        .unwrap();
    store
        .add_class(
            year.id,
            &ClassDetails {
                name: "Room 12".into(),
                grade: "3".into(),
                room: "12".into(),
            },
        )
        .unwrap()
}

fn student(class_id: Id, given: &str, family: &str) -> StudentDetails {
    StudentDetails {
        class_id,
        given_name: given.into(),
        family_name: family.into(),
        ..Default::default()
    }
}

fn guardian(name: &str) -> GuardianDetails {
    GuardianDetails {
        name: name.into(),
        phone: "555-0100".into(),
        ..Default::default()
    }
}

#[test]
fn open_creates_a_migrated_record_with_safe_pragmas() {
    let (_dir, store) = fresh();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let health = store.check().unwrap();
    assert!(health.is_healthy(), "{health:?}");
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_everything_and_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite3");
    let id = {
        let store = Store::open(&path).unwrap();
        let class = class(&store);
        store
            .add_student(&student(class.id, "Ana", "Silva"))
            .unwrap()
            .id
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.student(id).unwrap().details.given_name, "Ana");
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn a_record_from_a_newer_version_is_refused_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x TEXT); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path)
        .err()
        .expect("a newer record must be refused");
    assert!(
        matches!(error, Error::TooNew { found: 999, .. }),
        "{error:?}"
    );
    assert_eq!(error.code(), "too_new");
    assert!(error.to_string().contains("newer version of Rapport"));
    assert!(error.to_string().contains("has not been changed"));
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file was modified"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("letter.sqlite3");
    std::fs::write(&path, "Dear families, welcome to Grade 3! ".repeat(200)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path).err().expect("refused");
    assert!(
        error.to_string().contains("is not a Rapport record"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn the_record_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/record.sqlite3");
    Store::open(&path).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let folder = std::fs::metadata(path.parent().unwrap())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(folder, 0o700);
}

#[test]
fn students_round_trip_with_every_field() {
    let (_dir, store) = fresh();
    let class = class(&store);
    let details = StudentDetails {
        class_id: class.id,
        given_name: "Alexander".into(),
        family_name: "Petrov".into(),
        preferred_name: "Sasha".into(),
        name_order: NameOrder::GivenFirst,
        pronouns: "he/him".into(),
        grade: "3".into(),
        school_student_id: Some("S-1042".into()),
        notes: "Allergic to peanuts.\nSits near the front.".into(),
        latin_name: String::new(),
    };
    let added = store.add_student(&details).unwrap();
    assert_eq!(store.student(added.id).unwrap().details, details);

    let mut changed = details.clone();
    changed.pronouns = "they/them".into();
    changed.school_student_id = None;
    store.update_student(added.id, &changed).unwrap();
    assert_eq!(store.student(added.id).unwrap().details, changed);
}

#[test]
fn unicode_names_in_every_script_are_stored_as_nfc() {
    let (_dir, store) = fresh();
    let class = class(&store);
    let names = [
        ("José", "Núñez"),
        (
            "Thi\u{0323} Hu\u{031B}o\u{031B}ng",
            "Nguye\u{0302}\u{0303}n",
        ),
        ("小明", "王"),
        ("يوسف", "حداد"),
        ("Анна", "Петрова"),
        ("שירה", "כהן"),
        ("さくら", "田中"),
    ];
    for (given, family) in names {
        let id = store
            .add_student(&student(class.id, given, family))
            .unwrap()
            .id;
        let back = store.student(id).unwrap().details;
        use unicode_normalization::UnicodeNormalization;
        assert_eq!(back.given_name, given.nfc().collect::<String>());
        assert_eq!(back.family_name, family.nfc().collect::<String>());
    }
    let hương = store
        .students(class.id)
        .unwrap()
        .into_iter()
        .find(|s| s.family_name == "Nguyễn")
        .expect("the NFC spelling finds the decomposed input");
    assert_eq!(hương.given_name, "Thị Hương");
}

#[test]
fn invalid_input_writes_nothing() {
    let (_dir, mut store) = fresh();
    let class = class(&store);
    let error = store
        .add_student(&student(class.id, " ", "Núñez"))
        .unwrap_err();
    assert_eq!(error.code(), "validation");
    assert_eq!(store.check().unwrap().students, 0);

    let ana = store
        .add_student(&student(class.id, "Ana", "Silva"))
        .unwrap();
    let mut bad = guardian("Ana's mother");
    bad.email = "ana@silva".into();
    let error = store
        .add_guardian(ana.id, &bad, GuardianLink::default())
        .unwrap_err();
    assert_eq!(error.field_problems()[0].field, "email");
    assert_eq!(store.check().unwrap().guardians, 0);
}

#[test]
fn a_student_in_a_missing_class_is_not_found() {
    let (_dir, store) = fresh();
    let error = store
        .add_student(&student(Id::new(), "Ana", "Silva"))
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(
        error.to_string(),
        "That class was not found. It may have been deleted; reload to see the current record."
    );
}

#[test]
fn school_ids_are_unique_within_a_class() {
    let (_dir, store) = fresh();
    let class = class(&store);
    let mut first = student(class.id, "Ana", "Silva");
    first.school_student_id = Some("1001".into());
    store.add_student(&first).unwrap();
    let mut second = student(class.id, "Ben", "Ng");
    second.school_student_id = Some(" 1001 ".into());
    let error = store.add_student(&second).unwrap_err();
    assert_eq!(error.field_problems()[0].field, "school_student_id");
    assert!(error
        .to_string()
        .contains("Ana Silva already has the school id “1001”"));
}

#[test]
fn guardians_round_trip_and_the_first_becomes_primary() {
    let (_dir, mut store) = fresh();
    let class = class(&store);
    let ana = store
        .add_student(&student(class.id, "Ana", "Silva"))
        .unwrap();
    let details = GuardianDetails {
        name: "Mariana Silva".into(),
        relationship: "Mother".into(),
        phone: "+1 (555) 010-4477".into(),
        email: "mariana@example.org".into(),
        preferred_method: ContactMethod::Text,
        preferred_language: "pt".into(),
        best_time: "After 5 pm".into(),
        may_contact: true,
        no_contact_reason: String::new(),
    };
    let mother = store
        .add_guardian(ana.id, &details, GuardianLink::default())
        .unwrap();
    let father = store
        .add_guardian(
            ana.id,
            &guardian("Paulo Silva"),
            GuardianLink {
                is_primary: false,
                lives_with: false,
            },
        )
        .unwrap();
    let record = store.student_record(ana.id).unwrap();
    assert_eq!(record.guardians.len(), 2);
    assert_eq!(record.guardians[0].guardian, mother);
    assert!(record.guardians[0].link.is_primary);
    assert_eq!(record.guardians[1].guardian.id, father.id);
    assert!(!record.guardians[1].link.is_primary);
    assert!(!record.guardians[1].link.lives_with);

    store
        .set_guardian_link(
            ana.id,
            father.id,
            GuardianLink {
                is_primary: true,
                lives_with: false,
            },
        )
        .unwrap();
    let record = store.student_record(ana.id).unwrap();
    assert_eq!(
        record.guardians[0].guardian.id, father.id,
        "one primary contact at a time"
    );
    assert!(!record.guardians[1].link.is_primary);

    let mut changed = details.clone();
    changed.phone = "555-0199".into();
    store.update_guardian(mother.id, &changed).unwrap();
    assert_eq!(store.guardian(mother.id).unwrap().details, changed);
}

#[test]
fn siblings_share_one_guardian_record() {
    let (_dir, mut store) = fresh();
    let class = class(&store);
    let mateo = store
        .add_student(&student(class.id, "Mateo", "García"))
        .unwrap();
    let sofia = store
        .add_student(&student(class.id, "Sofía", "García"))
        .unwrap();
    let lucia = store
        .add_guardian(mateo.id, &guardian("Lucía García"), GuardianLink::default())
        .unwrap();
    store
        .link_guardian(sofia.id, lucia.id, GuardianLink::default())
        .unwrap();
    let error = store
        .link_guardian(sofia.id, lucia.id, GuardianLink::default())
        .unwrap_err();
    assert_eq!(error.code(), "conflict");

    let mut changed = lucia.details.clone();
    changed.phone = "555-0222".into();
    store.update_guardian(lucia.id, &changed).unwrap();
    let sofia_page = store.student_record(sofia.id).unwrap();
    assert_eq!(sofia_page.guardians[0].guardian.details.phone, "555-0222");
    assert_eq!(
        sofia_page.guardians[0].also_guardian_of[0].display_name,
        "Mateo García"
    );
    assert_eq!(store.check().unwrap().guardians, 1);
}

#[test]
fn deleting_a_student_keeps_guardians_shared_with_a_sibling() {
    let (_dir, mut store) = fresh();
    let class = class(&store);
    let mateo = store
        .add_student(&student(class.id, "Mateo", "García"))
        .unwrap();
    let sofia = store
        .add_student(&student(class.id, "Sofía", "García"))
        .unwrap();
    let shared = store
        .add_guardian(mateo.id, &guardian("Lucía García"), GuardianLink::default())
        .unwrap();
    store
        .link_guardian(sofia.id, shared.id, GuardianLink::default())
        .unwrap();
    store
        .add_guardian(
            mateo.id,
            &guardian("Mateo's godfather"),
            GuardianLink::default(),
        )
        .unwrap();

    store.delete_student(mateo.id).unwrap();
    assert_eq!(store.student(mateo.id).unwrap_err().code(), "not_found");
    assert_eq!(
        store.check().unwrap().guardians,
        1,
        "only the shared guardian is left"
    );
    assert_eq!(
        store.student_record(sofia.id).unwrap().guardians[0]
            .guardian
            .id,
        shared.id
    );

    store.unlink_guardian(sofia.id, shared.id).unwrap();
    assert_eq!(
        store.check().unwrap().guardians,
        0,
        "a guardian of no one is removed"
    );
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn a_guardian_who_may_not_be_contacted_is_never_made_primary_by_default() {
    let (_dir, mut store) = fresh();
    let class = class(&store);
    let anna = store
        .add_student(&student(class.id, "Анна", "Петрова"))
        .unwrap();
    let mut barred = guardian("Виктор Петров");
    barred.may_contact = false;
    barred.no_contact_reason = "Court order".into();
    store
        .add_guardian(anna.id, &barred, GuardianLink::default())
        .unwrap();
    let mother = store
        .add_guardian(anna.id, &guardian("Ольга Петрова"), GuardianLink::default())
        .unwrap();
    let record = store.student_record(anna.id).unwrap();
    assert_eq!(record.guardians[0].guardian.id, mother.id);
    assert!(record.guardians[0].link.is_primary);
    let summary = &store.students(class.id).unwrap()[0];
    assert!(summary.has_no_contact_guardian);

    let barred_id = record.guardians[1].guardian.id;
    let error = store
        .set_guardian_link(
            anna.id,
            barred_id,
            GuardianLink {
                is_primary: true,
                lives_with: false,
            },
        )
        .unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(error.to_string().contains("cannot be the primary contact"));

    let mut now_barred = store.guardian(mother.id).unwrap().details;
    now_barred.may_contact = false;
    now_barred.no_contact_reason = "Safety plan".into();
    store.update_guardian(mother.id, &now_barred).unwrap();
    let record = store.student_record(anna.id).unwrap();
    assert!(
        record.guardians.iter().all(|g| !g.link.is_primary),
        "no barred primary contact"
    );
}

#[test]
fn settings_round_trip_and_fall_back_to_an_existing_class() {
    let (_dir, mut store) = fresh();
    assert_eq!(store.settings().unwrap(), Settings::default());
    let class = class(&store);
    assert_eq!(store.settings().unwrap().current_class_id, Some(class.id));
    let saved = store
        .save_settings(&Settings {
            teacher_name: "  Jordan   Rivera ".into(),
            school_name: "Maple Grove Elementary".into(),
            current_class_id: Some(class.id),
            quiet_days: 14,
            paper: Paper::A4,
            contact_hours: " by email,  any time ".into(),
            lock_minutes: 5,
        })
        .unwrap();
    assert_eq!(saved.teacher_name, "Jordan Rivera");
    assert_eq!(saved.contact_hours, "by email, any time");
    assert_eq!(store.settings().unwrap().quiet_days, 14);
    assert_eq!(store.settings().unwrap().paper, Paper::A4);
    assert_eq!(store.settings().unwrap().lock_minutes, 5);
    for lock_minutes in [0, Settings::MAX_LOCK_MINUTES + 1] {
        let error = store
            .save_settings(&Settings {
                lock_minutes,
                ..saved.clone()
            })
            .unwrap_err();
        assert_eq!(error.field_problems()[0].field, "lock_minutes");
    }
    let error = store
        .save_settings(&Settings {
            quiet_days: 0,
            ..saved.clone()
        })
        .unwrap_err();
    assert_eq!(error.field_problems()[0].field, "quiet_days");
    let error = store
        .save_settings(&Settings {
            current_class_id: Some(Id::new()),
            ..saved
        })
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
}

#[test]
fn atomically_keeps_nothing_when_the_work_fails() {
    let (_dir, mut store) = fresh();
    let class = class(&store);
    let result: rapport::Result<()> = store.atomically(|store| {
        let ana = store.add_student(&student(class.id, "Ana", "Silva"))?;
        store.add_guardian(ana.id, &guardian("Mariana Silva"), GuardianLink::default())?;
        store.add_student(&student(class.id, "", "Nobody"))?;
        Ok(())
    });
    assert_eq!(result.unwrap_err().code(), "validation");
    let health = store.check().unwrap();
    assert_eq!((health.students, health.guardians), (0, 0));
}

#[test]
fn the_demo_class_is_realistic_and_deterministic() {
    let record_of = |store: &Store, class_id| {
        crate::support::ids_by_appearance(
            serde_json::to_value(store.class_records(class_id).unwrap()).unwrap(),
        )
    };
    let (_a, mut first) = fresh();
    let (_b, mut second) = fresh();
    let one = demo::load_demo_class(&mut first, today()).unwrap();
    let two = demo::load_demo_class(&mut second, today()).unwrap();
    assert_eq!((one.students, one.guardians), (two.students, two.guardians));
    assert_eq!(
        record_of(&first, one.class_id),
        record_of(&second, two.class_id)
    );
    assert!((25..=32).contains(&one.students));

    let records = first.class_records(one.class_id).unwrap();
    let names: Vec<_> = records.iter().map(|r| r.display_name.as_str()).collect();
    for expected in [
        "José Núñez",
        "Nguyễn Thị Hương",
        "王小明",
        "يوسف حداد",
        "Анна Петрова",
    ] {
        assert!(names.contains(&expected), "missing {expected} in {names:?}");
    }
    let languages: std::collections::BTreeSet<_> = records
        .iter()
        .flat_map(|r| {
            r.guardians
                .iter()
                .map(|g| g.guardian.details.preferred_language.clone())
        })
        .collect();
    for code in ["es", "vi", "zh-Hans", "ar", "ru", "en"] {
        assert!(languages.contains(code), "no {code} family");
    }
    assert!(
        records
            .iter()
            .any(|r| r.guardians.iter().any(|g| !g.link.lives_with)),
        "two households"
    );
    assert!(
        records
            .iter()
            .any(|r| r.guardians.iter().any(|g| !g.also_guardian_of.is_empty())),
        "siblings"
    );
    let barred: Vec<_> = records
        .iter()
        .filter(|r| r.guardians.iter().any(|g| !g.guardian.details.may_contact))
        .collect();
    assert_eq!(barred.len(), 1, "one child with a may-not-contact guardian");
    assert_eq!(
        first.settings().unwrap().current_class_id,
        Some(one.class_id)
    );

    let error = demo::load_demo_class(&mut first, today()).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert_eq!(first.check().unwrap().students as usize, one.students);
}

#[test]
fn names_in_other_scripts_sort_and_are_found_by_their_latin_letters() {
    let (_dir, mut store) = fresh();
    let summary = demo::load_demo_class(&mut store, today()).unwrap();
    let students = store.students(summary.class_id).unwrap();
    let keys: Vec<String> = students
        .iter()
        .map(|s| rapport::text::sort_key(&s.family_name))
        .collect();
    assert!(
        keys.windows(2).all(|w| w[0] <= w[1]),
        "sorted by family name in Latin letters: {keys:?}"
    );
    let named = |display: &str| {
        students
            .iter()
            .position(|s| s.display_name == display)
            .unwrap()
    };
    let anna = named("Анна Петрова");
    assert_eq!(students[anna].latin_name, "Anna Petrova");
    assert!(anna < students.len() - 1, "not after Z");
    assert_eq!(students[named("يوسف حداد")].latin_name, "Yusuf Haddad");
    assert_eq!(students[named("José Núñez")].latin_name, "");
}

/// A class's records read at once are each child's record as their own page reads it: the same
/// guardians in the same order, and the same brothers and sisters (the demo's families share
/// guardians across two households).
#[test]
fn a_class_read_at_once_is_each_childs_own_record() {
    let (_dir, mut store) = crate::support::fresh();
    let summary =
        rapport::demo::load_demo_class(&mut store, crate::support::day("2026-11-24")).unwrap();
    let at_once = store.class_records(summary.class_id).unwrap();
    let one_by_one: Vec<_> = store
        .students(summary.class_id)
        .unwrap()
        .iter()
        .map(|s| store.student_record(s.id).unwrap())
        .collect();
    assert_eq!(at_once.len(), 30);
    assert!(at_once
        .iter()
        .any(|r| r.guardians.iter().any(|g| !g.also_guardian_of.is_empty())));
    assert_eq!(at_once, one_by_one);
}
