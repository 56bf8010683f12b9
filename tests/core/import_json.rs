//! Export is not backup, but it must lose nothing: an export read into an empty record on a new
//! computer gives back the same export, byte for byte. Reading is all or nothing: a record that
//! already holds data, a broken row or a dangling reference is refused with the row named, and
//! nothing is written.

use crate::support::fresh_in as fresh;
use chrono::NaiveDate;
use rapport::demo;
use rapport::model::Id;

fn demo_export(dir: &std::path::Path) -> rapport::store::export::Export {
    let mut store = fresh(dir, "old-computer.sqlite3");
    demo::load_demo_class(&mut store, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()).unwrap();
    let mut settings = store.settings().unwrap();
    settings.contact_hours = "by phone at 555-0142, weekdays 3–4 pm".into();
    store.save_settings(&settings).unwrap();
    store
        .save_letter_template("es", Some("Hola, {guardian}. Soy {teacher}."))
        .unwrap();
    // Something in the trash: deleted things are not part of the record a teacher takes away.
    let class = settings.current_class_id.unwrap();
    let first = store.students(class).unwrap()[0].id;
    store.delete_student(first).unwrap();
    store.export().unwrap()
}

#[test]
fn export_then_import_then_export_gives_the_same_json() {
    let dir = tempfile::tempdir().unwrap();
    let before = demo_export(dir.path());
    let json = serde_json::to_string_pretty(&before).unwrap();

    let mut store = fresh(dir.path(), "new-computer.sqlite3");
    let read: rapport::store::export::Export = serde_json::from_str(&json).unwrap();
    let imported = store.import_export(&read).unwrap();
    assert_eq!(imported.students, 29);
    let after = store.export().unwrap();
    assert_eq!(serde_json::to_string_pretty(&after).unwrap(), json);
    assert!(store.check().unwrap().is_healthy());
    assert!(store.trash().unwrap().is_empty());
    assert!(store.letter_template("es").unwrap().edited);
}

#[test]
fn a_record_that_holds_data_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let export = demo_export(dir.path());
    let mut store = fresh(dir.path(), "in-use.sqlite3");
    demo::load_demo_class(&mut store, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()).unwrap();
    let error = store.import_export(&export).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(error.to_string().contains("empty record"), "{error}");
}

#[test]
fn a_broken_row_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let good = demo_export(dir.path());

    let mut broken = good.clone();
    broken.students[3].details.given_name = "  ".into();
    let mut store = fresh(dir.path(), "new.sqlite3");
    let seeded = store.questions(true).unwrap();
    let error = store.import_export(&broken).unwrap_err();
    assert!(error.to_string().starts_with("students[3]:"), "{error}");

    let mut dangling = good.clone();
    dangling.contacts[0].details.student_id = Id::new();
    let error = store.import_export(&dangling).unwrap_err();
    assert!(error.to_string().starts_with("contacts[0]:"), "{error}");

    let mut newer = good;
    newer.format_version = 99;
    assert_eq!(store.import_export(&newer).unwrap_err().code(), "too_new");

    // Nothing half-written: still empty, and the seed questions are still there.
    assert!(store.classes().unwrap().is_empty());
    assert!(store.all_guardians().unwrap().is_empty());
    assert_eq!(store.questions(true).unwrap(), seeded);
}

/// An export as Rapport wrote it before ids were lasting (format 1): each table numbered its rows
/// from 1, so student 1, guardian 1 and contact 1 all exist.
fn numbered(export: &rapport::store::export::Export) -> serde_json::Value {
    use std::collections::HashMap;
    let table_of_link = |field: &str| match field {
        "student_id" => Some("students"),
        "guardian_id" => Some("guardians"),
        "class_id" | "current_class_id" => Some("classes"),
        "school_year_id" => Some("school_years"),
        "question_id" => Some("questions"),
        "family_answer_id" => Some("answers"),
        "goal_id" => Some("goals"),
        "contact_id" => Some("contacts"),
        _ => None,
    };
    let mut numbers: HashMap<(&str, String), i64> = HashMap::new();
    let mut number = |table: &'static str, id: &serde_json::Value| -> serde_json::Value {
        let Some(text) = id.as_str() else {
            return id.clone();
        };
        let next = numbers.keys().filter(|(t, _)| *t == table).count() as i64 + 1;
        (*numbers.entry((table, text.to_string())).or_insert(next)).into()
    };
    let mut json = serde_json::to_value(export).unwrap();
    json["format_version"] = 1.into();
    json["schema_version"] = 5.into();
    let current = json["settings"]["current_class_id"].clone();
    json["settings"]["current_class_id"] = number("classes", &current);
    for table in [
        "school_years",
        "classes",
        "students",
        "guardians",
        "student_guardians",
        "questions",
        "answers",
        "goals",
        "check_ins",
        "home_activities",
        "contacts",
        "praise",
        "concerns",
        "conferences",
    ] {
        for row in json[table].as_array_mut().unwrap() {
            let row = row.as_object_mut().unwrap();
            for (field, value) in row.iter_mut() {
                let table = match field.as_str() {
                    "id" => table,
                    other => match table_of_link(other) {
                        Some(linked) => linked,
                        None => continue,
                    },
                };
                *value = number(table, value);
            }
        }
    }
    json
}

#[test]
fn an_export_written_before_ids_were_lasting_still_imports_with_every_link() {
    let dir = tempfile::tempdir().unwrap();
    let before = demo_export(dir.path());
    let old = numbered(&before);
    assert_eq!(old["students"][0]["id"], 1);
    assert_eq!(old["guardians"][0]["id"], 1);

    let mut store = fresh(dir.path(), "new-computer.sqlite3");
    let read: rapport::store::export::Export = serde_json::from_value(old).unwrap();
    store.import_export(&read).unwrap();
    let after = store.export().unwrap();
    assert!(store.check().unwrap().is_healthy());
    let same = |export: &rapport::store::export::Export| {
        let mut json = crate::support::ids_by_appearance(serde_json::to_value(export).unwrap());
        json["format_version"] = 0.into();
        json["schema_version"] = 0.into();
        json
    };
    assert_eq!(
        same(&after),
        same(&before),
        "every row and every link came across"
    );
    let ids: Vec<Id> = after.students.iter().map(|s| s.id).collect();
    assert!(ids.iter().all(|id| id.legacy_number().is_none()));
}
