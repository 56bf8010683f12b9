//! Records and exports written by the previous version of Rapport (schema 5, numbered rows), as
//! that version wrote them: `tests/fixtures/previous-version/` holds its demo record and its
//! `export-json` of it, made with the build before lasting ids. Opening the old record migrates
//! it, and reading the old export fills a new record; either way every row is there and every
//! link still joins the same rows. Everything added since (drafts, Call first) works on the
//! migrated record too. The old record is kept as text (`demo-schema-5.sql`, the `sqlite3 .dump`
//! of the file the old version wrote: its own schema and rows, the fictional demo class only), and
//! each test builds a record file from it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rapport::Store;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/previous-version")
        .join(name)
}

/// Each child (by name) with what hangs from them, joined through the export's ids, whatever
/// they are (numbers in format 1, lasting ids after): guardians, answers, goals with their
/// check-ins and home activities, contacts, praise with the call that told the family, concerns
/// with their causes and the contact that talked them through.
fn by_child(export: &Value) -> BTreeMap<String, Vec<String>> {
    let rows = |key: &str| export[key].as_array().cloned().unwrap_or_default();
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or("").to_string();
    let find = |key: &str, id: &Value| rows(key).into_iter().find(|r| r["id"] == *id);
    let mut children = BTreeMap::new();
    for student in rows("students") {
        let id = &student["id"];
        let mut facts = Vec::new();
        for link in rows("student_guardians")
            .iter()
            .filter(|l| l["student_id"] == *id)
        {
            let guardian = find("guardians", &link["guardian_id"]).unwrap();
            facts.push(format!(
                "guardian {} primary {}",
                text(&guardian, "name"),
                link["is_primary"]
            ));
        }
        for answer in rows("answers").iter().filter(|a| a["student_id"] == *id) {
            let question = find("questions", &answer["question_id"]).unwrap();
            facts.push(format!(
                "answer to {}: {}",
                text(&question, "prompt"),
                text(answer, "answer")
            ));
        }
        for goal in rows("goals").iter().filter(|g| g["student_id"] == *id) {
            let values: Vec<String> = rows("check_ins")
                .iter()
                .filter(|c| c["goal_id"] == goal["id"])
                .map(|c| format!("{}={}", text(c, "on_date"), c["value"]))
                .collect();
            let home: Vec<String> = rows("home_activities")
                .iter()
                .filter(|h| h["goal_id"] == goal["id"])
                .map(|h| text(h, "title"))
                .collect();
            let grows_from = find("answers", &goal["family_answer_id"]).map(|a| text(&a, "answer"));
            facts.push(format!(
                "goal {} {values:?} {home:?} from {grows_from:?}",
                text(goal, "statement")
            ));
        }
        let contact = |id: &Value| find("contacts", id).map(|c| text(&c, "summary"));
        for c in rows("contacts").iter().filter(|c| c["student_id"] == *id) {
            let with = find("guardians", &c["guardian_id"]).map(|g| text(&g, "name"));
            facts.push(format!(
                "contact {} {} with {with:?}",
                text(c, "happened_on"),
                text(c, "summary")
            ));
        }
        for p in rows("praise").iter().filter(|p| p["student_id"] == *id) {
            facts.push(format!(
                "praise {} told in {:?}",
                text(p, "note"),
                contact(&p["contact_id"])
            ));
        }
        for k in rows("concerns").iter().filter(|k| k["student_id"] == *id) {
            facts.push(format!(
                "concern {} {} talked in {:?}",
                text(k, "observed"),
                k["causes"],
                contact(&k["contact_id"])
            ));
        }
        for c in rows("conferences")
            .iter()
            .filter(|c| c["student_id"] == *id)
        {
            facts.push(format!("conference {}", text(c, "starts_at")));
        }
        facts.sort();
        let name = format!(
            "{} {}",
            text(&student, "given_name"),
            text(&student, "family_name")
        );
        children.insert(name, facts);
    }
    children
}

/// A record file at `path` as the previous version wrote it: its schema, its rows, version 5.
fn old_record(path: &Path) {
    let dump = std::fs::read_to_string(fixture("demo-schema-5.sql")).unwrap();
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&dump).unwrap();
    assert_eq!(
        conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
            .unwrap(),
        5
    );
}

fn old_export() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("demo-export-format-1.json")).unwrap())
        .unwrap()
}

#[test]
fn a_record_written_by_the_previous_version_opens_with_every_link_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    old_record(&path);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        rapport::store::SCHEMA_VERSION
    );
    assert!(store.check().unwrap().is_healthy());

    let before = old_export();
    let after = serde_json::to_value(store.export().unwrap()).unwrap();
    let rows = |v: &Value, key: &str| v[key].as_array().map_or(0, Vec::len);
    for key in [
        "students",
        "guardians",
        "answers",
        "goals",
        "check_ins",
        "contacts",
        "praise",
    ] {
        assert_eq!(rows(&after, key), rows(&before, key), "{key}");
    }
    assert_eq!(by_child(&after), by_child(&before));
    let children = by_child(&before);
    assert_eq!(children.len(), 30);
    let facts: usize = children.values().map(Vec::len).sum();
    assert!(
        facts > 400,
        "the comparison has something to compare: {facts} facts"
    );
    assert!(children["José Núñez"]
        .iter()
        .any(|f| f.starts_with("guardian")));

    // It works as a record: the current class is still the class, and a child deleted from it
    // comes back whole under the same ids.
    let class = store.settings().unwrap().current_class_id.unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let jose = store
        .students(class)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap()
        .id;
    let page = serde_json::to_value(store.student_page(jose, today).unwrap()).unwrap();
    let entry = store.delete_student(jose).unwrap();
    store.restore(entry).unwrap();
    assert_eq!(
        serde_json::to_value(store.student_page(jose, today).unwrap()).unwrap(),
        page
    );

    // What this version added works on the old record: a draft of an unsaved form outlives
    // closing it (migration 9), and Today ranks the families to call first.
    let key = format!("concern:new:{jose}");
    let fields = [(
        "concern_observed".to_string(),
        "Quiet at recess".to_string(),
    )]
    .into();
    store.save_draft(&key, jose, &fields).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.draft(&key).unwrap().unwrap().fields, fields);
    assert_eq!(store.student_page(jose, today).unwrap().drafts, [key]);
    let report = rapport::uses::today(&store, Some(class), today).unwrap();
    assert!(!report.call_first.children.is_empty());

    // Migration 11 filled the search index from the old rows: a child, and words of a note;
    // migration 12 put the children and guardians first, ahead of every note naming them.
    let hits = store.search("Núñez", 20).unwrap();
    assert!(hits.iter().any(|h| h.kind == "student" && h.item == jose));
    let people = hits
        .iter()
        .take_while(|h| h.kind == "student" || h.kind == "guardian")
        .count();
    assert!(
        hits[people..]
            .iter()
            .all(|h| h.kind != "student" && h.kind != "guardian"),
        "people first: {hits:?}"
    );
    let note = store.contacts_of(jose).unwrap()[0].details.summary.clone();
    let word = note
        .split_whitespace()
        .find(|w| w.chars().count() >= 4)
        .unwrap();
    assert!(store
        .search(word, 50)
        .unwrap()
        .iter()
        .any(|h| h.kind == "contact"));

    // Migration 10: the old record starts a sync and another computer opens it.
    let mut store = store;
    let folder = tempfile::tempdir().unwrap();
    store.start_sync(folder.path(), chrono::Utc::now()).unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut other = Store::open(home.path().join("rapport.sqlite3")).unwrap();
    rapport::uses::open_from_sync_folder(&mut other, folder.path(), None, chrono::Utc::now())
        .unwrap();
    assert_eq!(other.student(jose).unwrap(), store.student(jose).unwrap());
}

#[test]
fn an_export_written_by_the_previous_version_reads_in_with_every_link_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("rapport.sqlite3")).unwrap();
    let before = old_export();
    let export: rapport::store::export::Export = serde_json::from_value(before.clone()).unwrap();
    store.import_export(&export).unwrap();
    assert!(store.check().unwrap().is_healthy());
    let after = serde_json::to_value(store.export().unwrap()).unwrap();
    assert_eq!(by_child(&after), by_child(&before));
}
