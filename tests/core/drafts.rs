//! Drafts of unsaved forms against a real record file: kept and given back after the record is
//! closed and opened again (a restart), replaced as the teacher types, dropped when saved, empty
//! forms keep nothing, and a draft goes with its child (delete and removal for good).

use std::collections::BTreeMap;

use rapport::model::*;
use rapport::Store;

fn fields(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn record() -> (tempfile::TempDir, std::path::PathBuf, Id) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("record.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let class = store
        .start_class(
            &ClassDetails {
                name: "Room 4".into(),
                ..Default::default()
            },
            "2026-09-01".parse().unwrap(),
        )
        .unwrap();
    let child = store
        .add_student(&StudentDetails {
            class_id: class.id,
            given_name: "Mina".into(),
            family_name: "Park".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    (dir, path, child)
}

#[test]
fn a_draft_comes_back_after_a_restart_until_its_form_is_saved() {
    let (_dir, path, child) = record();
    let key = format!("concern:new:{child}");
    {
        let store = Store::open(&path).unwrap();
        store
            .save_draft(
                &key,
                child,
                &fields(&[
                    ("concern_observed", "Left her seat"),
                    ("cause-hungry", "true"),
                ]),
            )
            .unwrap();
        // Typing on replaces the draft.
        store
            .save_draft(
                &key,
                child,
                &fields(&[
                    ("concern_observed", "Left her seat four times"),
                    ("cause-hungry", "true"),
                ]),
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let draft = store
        .draft(&key)
        .unwrap()
        .expect("the draft outlived the restart");
    assert_eq!(draft.student_id, child);
    assert_eq!(draft.fields["concern_observed"], "Left her seat four times");
    assert_eq!(draft.fields["cause-hungry"], "true");
    assert_eq!(
        store
            .student_page(child, "2026-11-30".parse().unwrap())
            .unwrap()
            .drafts,
        std::slice::from_ref(&key)
    );
    // Another form's draft is its own.
    assert!(store.draft(&format!("goal:new:{child}")).unwrap().is_none());

    store.discard_draft(&key).unwrap();
    assert!(store.draft(&key).unwrap().is_none());
    assert!(store
        .student_page(child, "2026-11-30".parse().unwrap())
        .unwrap()
        .drafts
        .is_empty());
}

#[test]
fn an_emptied_form_keeps_no_draft() {
    let (_dir, path, child) = record();
    let store = Store::open(&path).unwrap();
    let key = format!("contact:{child}:new");
    store
        .save_draft(
            &key,
            child,
            &fields(&[("contact_summary", "Called about the trip")]),
        )
        .unwrap();
    store
        .save_draft(&key, child, &fields(&[("contact_summary", "  ")]))
        .unwrap();
    assert!(store.draft(&key).unwrap().is_none());
}

#[test]
fn a_draft_is_refused_for_a_child_not_in_the_record_or_when_too_long() {
    let (_dir, path, child) = record();
    let store = Store::open(&path).unwrap();
    let err = store
        .save_draft(
            "goal:new:x",
            Id::new(),
            &fields(&[("goal_statement", "Read")]),
        )
        .unwrap_err();
    assert_eq!(err.code(), "not_found", "{err}");
    let huge = "x".repeat(70_000);
    let err = store
        .save_draft("goal:new:x", child, &fields(&[("goal_statement", &huge)]))
        .unwrap_err();
    assert!(err.to_string().contains("too long"), "{err}");
    assert!(store.draft("goal:new:x").unwrap().is_none());
}

#[test]
fn a_draft_goes_with_its_child() {
    let (_dir, path, child) = record();
    let mut store = Store::open(&path).unwrap();
    let key = format!("goal:new:{child}");
    store
        .save_draft(
            &key,
            child,
            &fields(&[("goal_statement", "Read aloud every night")]),
        )
        .unwrap();
    // A draft is not part of an export: it is not yet part of the record's story.
    let export = serde_json::to_string(&store.export().unwrap()).unwrap();
    assert!(export.contains("Mina") && !export.contains("Read aloud every night"));
    store.delete_student(child).unwrap();
    assert!(
        store.draft(&key).unwrap().is_none(),
        "deleting the child drops the draft"
    );

    let (_dir2, path2, child2) = record();
    let mut store = Store::open(&path2).unwrap();
    let key = format!("goal:new:{child2}");
    store
        .save_draft(
            &key,
            child2,
            &fields(&[("goal_statement", "Read aloud every night")]),
        )
        .unwrap();
    store.purge_student(child2, chrono::Utc::now()).unwrap();
    assert!(
        store.draft(&key).unwrap().is_none(),
        "removing the child for good drops the draft"
    );
}
