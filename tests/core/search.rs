//! Search across everything: kept in step with every edit (triggers), case- and accent-insensitive,
//! any part of a word, non-Latin scripts, two-letter names, and rebuilt whole.

use rapport::model::*;
use rapport::Store;

use crate::support::day;

fn record() -> (tempfile::TempDir, Store, Id, Id) {
    crate::support::demo_with_jose()
}

fn contact(student: Id, summary: &str) -> ContactDetails {
    ContactDetails {
        student_id: student,
        guardian_id: None,
        happened_on: day("2026-11-24"),
        method: ContactMethod::Phone,
        initiated_by: Initiator::Family,
        kind: ContactKind::Information,
        summary: summary.into(),
        outcome: String::new(),
        reached: true,
        follow_up_on: None,
        follow_up_done: false,
        sensitive: false,
    }
}

#[test]
fn the_note_about_the_night_shift_is_found_by_any_part_and_without_accents() {
    let (_dir, mut store, _class, jose) = record();
    let added = store
        .add_contact(&contact(
            jose,
            "Su mamá mencionó el turno de noche: the mother works the night shift",
        ))
        .unwrap();
    for query in [
        "night shift",
        "NIGHT",
        "ght shi",
        "mama menciono",
        "MAMÁ",
        "turno noche",
    ] {
        let hits = store.search(query, 20).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.item == added.id && h.kind == "contact"),
            "{query:?} finds the contact: {hits:?}"
        );
        let hit = hits.iter().find(|h| h.item == added.id).unwrap();
        assert_eq!(hit.student.as_deref(), Some("José Núñez"));
    }
    // Changed, then deleted: the index follows.
    let mut details = added.details.clone();
    details.summary = "Talked about the science fair".into();
    store.update_contact(added.id, &details).unwrap();
    assert!(store
        .search("night shift", 20)
        .unwrap()
        .iter()
        .all(|h| h.item != added.id));
    assert!(store
        .search("science fair", 20)
        .unwrap()
        .iter()
        .any(|h| h.item == added.id));
    store.delete_contact(added.id).unwrap();
    assert!(store
        .search("science fair", 20)
        .unwrap()
        .iter()
        .all(|h| h.item != added.id));
    store.restore(store.trash().unwrap()[0].id).unwrap();
    assert!(store
        .search("science fair", 20)
        .unwrap()
        .iter()
        .any(|h| h.item == added.id));
}

#[test]
fn children_guardians_and_non_latin_names_are_found() {
    let (_dir, mut store, class, _) = record();
    // Names in the demo class, in their own scripts.
    let names: Vec<String> = store
        .students(class)
        .unwrap()
        .into_iter()
        .map(|s| s.display_name)
        .collect();
    for name in &names {
        let hits = store.search(name, 50).unwrap();
        assert!(
            hits.iter()
                .any(|h| h.kind == "student" && h.student.as_deref() == Some(name.as_str())),
            "{name} is found by name"
        );
    }
    let chinese = names
        .iter()
        .find(|n| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    if let Some(chinese) = chinese {
        // Two characters: shorter than the index's three, found all the same.
        let given: String = chinese.chars().skip(1).collect();
        assert!(store
            .search(&given, 50)
            .unwrap()
            .iter()
            .any(|h| h.student.as_deref() == Some(chinese.as_str())));
    }
    // A guardian, found by name, belongs to their child's page.
    let guardian = store.all_guardians().unwrap().into_iter().next().unwrap();
    let hits = store.search(&guardian.guardian.details.name, 20).unwrap();
    let hit = hits
        .iter()
        .find(|h| h.kind == "guardian")
        .expect("the guardian is found");
    assert!(
        hit.student_id.is_some(),
        "a guardian's result opens a child's page"
    );
    // Rebuilt whole, the same results.
    let before = store.search("reading", 100).unwrap();
    store.rebuild_search().unwrap();
    assert_eq!(store.search("reading", 100).unwrap(), before);
    assert!(store.search("   ", 10).unwrap().is_empty());
    assert!(
        store.search("\"quoted\" AND (", 10).is_ok(),
        "any text is a safe query"
    );
}

#[test]
fn a_child_comes_before_the_many_notes_that_name_them_and_the_newest_note_is_found() {
    let (_dir, mut store, _class, jose) = record();
    // More notes naming the child than the search ranks one by one.
    for n in 0..450 {
        store
            .add_contact(&contact(
                jose,
                &format!("Called about Núñez homework, week {n}"),
            ))
            .unwrap();
    }
    let newest = store
        .add_contact(&contact(jose, "Núñez family: the night shift changed"))
        .unwrap();
    for _ in 0..2 {
        let hits = store.search("nunez", 20).unwrap();
        assert_eq!(hits.len(), 20);
        assert_eq!(hits[0].kind, "student", "the child first: {:?}", hits[0]);
        assert_eq!(hits[0].item, jose);
        let first_note = hits
            .iter()
            .find(|h| h.kind != "student" && h.kind != "guardian")
            .unwrap();
        assert_eq!(first_note.item, newest.id, "the newest note first");
        // Renamed, the child is still found first (the trigger keeps people apart).
        let mut details = store.student(jose).unwrap().details;
        details.notes = "Loves drawing".into();
        store.update_student(jose, &details).unwrap();
        store.rebuild_search().unwrap();
    }
    // A two-letter word alone looks among the people only.
    assert!(store
        .search("we", 50)
        .unwrap()
        .iter()
        .all(|h| h.kind == "student" || h.kind == "guardian"));
}
