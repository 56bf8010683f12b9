//! Undo for deletes: every delete goes to the trash for 30 days, and a restore brings the record
//! back whole, with its links, even when other rows were added in the meantime.

use crate::support::day;
use chrono::{Duration, Utc};
use rapport::model::*;
use rapport::{demo, Store};

fn demo_record() -> (tempfile::TempDir, Store, Id) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
    let summary = demo::load_demo_class(&mut store, day("2026-11-24")).unwrap();
    (dir, store, summary.class_id)
}

/// A student's page without ids, to compare before a delete and after a restore.
fn without_ids(store: &Store, id: Id) -> serde_json::Value {
    let page = store.student_page(id, day("2026-11-24")).unwrap();
    let mut json = serde_json::to_value(&page).unwrap();
    strip_ids(&mut json);
    json
}

fn strip_ids(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.retain(|key, _| key != "id" && !key.ends_with("_id"));
            map.values_mut().for_each(strip_ids);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_ids),
        _ => {}
    }
}

fn find(store: &Store, class_id: Id, name: &str) -> Id {
    store
        .students(class_id)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == name)
        .unwrap_or_else(|| panic!("{name} is in the class"))
        .id
}

#[test]
fn a_deleted_student_comes_back_whole_from_the_trash() {
    let (_dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    let before = without_ids(&store, jose);
    assert!(before["family_answers"].as_array().unwrap().len() > 1);
    let health = store.check().unwrap();

    store.delete_student(jose).unwrap();
    assert_eq!(store.student(jose).unwrap_err().code(), "not_found");
    let trash = store.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(
        (trash[0].kind.as_str(), trash[0].label.as_str()),
        ("student", "José Núñez")
    );
    assert_eq!(
        trash[0].keep_until,
        (trash[0].deleted_at + Duration::days(30)).date_naive()
    );

    // A new child added meanwhile must not collide with the restored rows.
    store
        .add_student(&StudentDetails {
            class_id,
            given_name: "Nadia".into(),
            family_name: "Rahman".into(),
            ..Default::default()
        })
        .unwrap();
    let restored = store.restore(trash[0].id).unwrap();
    let back = restored.student_id.unwrap();
    assert_eq!(without_ids(&store, back), before, "the whole page is back");
    assert!(store.trash().unwrap().is_empty());
    let after = store.check().unwrap();
    assert!(after.is_healthy());
    assert_eq!(
        (after.students, after.guardians),
        (health.students + 1, health.guardians)
    );
}

#[test]
fn a_sibling_keeps_the_shared_guardian_and_the_restored_twin_is_linked_again() {
    let (_dir, mut store, class_id) = demo_record();
    let mateo = find(&store, class_id, "Mateo García");
    let sofia = find(&store, class_id, "Sofía García");
    let guardians = store.check().unwrap().guardians;
    store.delete_student(mateo).unwrap();
    assert_eq!(
        store.check().unwrap().guardians,
        guardians,
        "the parents are Sofía's too"
    );
    let item = store.trash().unwrap()[0].id;
    let back = store.restore(item).unwrap().student_id.unwrap();
    let page = store.student_record(back).unwrap();
    assert_eq!(page.guardians.len(), 2);
    assert!(page
        .guardians
        .iter()
        .all(|g| g.also_guardian_of.iter().any(|s| s.id == sofia)));
    assert_eq!(store.check().unwrap().guardians, guardians);
}

#[test]
fn goals_contacts_praise_concerns_and_answers_are_restored_with_their_links() {
    let (_dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    let before = without_ids(&store, jose);
    let page = store.student_page(jose, day("2026-11-24")).unwrap();
    let goal = page.goals[0].goal.id;
    let contact = page
        .contacts
        .iter()
        .find(|c| c.details.kind == ContactKind::Positive)
        .unwrap()
        .id;
    let answer = page.family_answers[0].answers[0].answer.id;
    store.delete_goal(goal).unwrap();
    store.delete_contact(contact).unwrap();
    store.delete_answer(answer).unwrap();
    for praise in &page.praise {
        store.delete_praise(praise.id).unwrap();
    }
    for concern in &page.concerns {
        store.delete_concern(concern.id).unwrap();
    }
    assert_ne!(without_ids(&store, jose), before);
    // Undo in order, newest first.
    for item in store.trash().unwrap() {
        store.restore(item.id).unwrap();
    }
    let after = store.student_page(jose, day("2026-11-24")).unwrap();
    assert_eq!(after.goals.len(), page.goals.len());
    assert_eq!(
        after.goals.iter().map(|g| g.check_ins.len()).sum::<usize>(),
        page.goals.iter().map(|g| g.check_ins.len()).sum::<usize>()
    );
    assert_eq!(after.contacts.len(), page.contacts.len());
    assert_eq!(after.praise.len(), page.praise.len());
    let called_before = page
        .praise
        .iter()
        .filter(|p| p.contact_id.is_some())
        .count();
    let called_after = after
        .praise
        .iter()
        .filter(|p| p.contact_id.is_some())
        .count();
    assert_eq!(
        called_after, called_before,
        "praise is linked to its restored call again"
    );
    assert_eq!(
        after
            .family_answers
            .iter()
            .map(|f| f.answers.len())
            .sum::<usize>(),
        page.family_answers
            .iter()
            .map(|f| f.answers.len())
            .sum::<usize>()
    );
    assert!(store.check().unwrap().is_healthy());
    assert_eq!(without_ids(&store, jose), before, "the page is as it was");
}

#[test]
fn a_record_cannot_be_restored_to_a_child_who_is_gone() {
    let (_dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    let goal = store.student_page(jose, day("2026-11-24")).unwrap().goals[0]
        .goal
        .id;
    store.delete_goal(goal).unwrap();
    store.delete_student(jose).unwrap();
    let goal_item = store
        .trash()
        .unwrap()
        .into_iter()
        .find(|i| i.kind == "goal")
        .unwrap();
    let error = store.restore(goal_item.id).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(
        error.to_string().contains("no longer in the record"),
        "{error}"
    );
    assert_eq!(
        store.trash().unwrap().len(),
        2,
        "nothing was lost by trying"
    );
}

#[test]
fn the_trash_forgets_after_thirty_days_or_when_emptied() {
    let (_dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    let ana = find(&store, class_id, "Анна Петрова");
    store.delete_student(jose).unwrap();
    store.delete_student(ana).unwrap();
    assert_eq!(
        store
            .purge_trash_before(Utc::now() - Duration::days(30))
            .unwrap(),
        0
    );
    assert_eq!(
        store
            .purge_trash_before(Utc::now() + Duration::seconds(1))
            .unwrap(),
        2
    );
    assert!(store.trash().unwrap().is_empty());
    let mateo = find(&store, class_id, "Mateo García");
    store.delete_student(mateo).unwrap();
    assert_eq!(store.empty_trash().unwrap(), 1);
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let left: i64 = conn
        .query_row("SELECT count(*) FROM trash", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn an_emptied_trash_leaves_no_trace_in_the_file() {
    let (dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    let mut details = store.student(jose).unwrap().details;
    details.notes = "TRASH-MARKER-51c2 private note".into();
    store.update_student(jose, &details).unwrap();
    store.delete_student(jose).unwrap();
    store.empty_trash().unwrap();
    for name in ["record.sqlite3", "record.sqlite3-wal"] {
        if let Ok(bytes) = std::fs::read(dir.path().join(name)) {
            assert!(
                !bytes.windows(17).any(|w| w == b"TRASH-MARKER-51c2"),
                "{name} still holds the deleted child's note"
            );
        }
    }
}

#[test]
fn reopening_the_record_drops_expired_trash() {
    let (dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    store.delete_student(jose).unwrap();
    let path = dir.path().join("record.sqlite3");
    drop(store);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("UPDATE trash SET deleted_at = '2020-01-01T00:00:00Z'", [])
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert!(store.trash().unwrap().is_empty());
}

/// The newest child in a class is deleted and another is added: the newcomer must never inherit
/// what is restored for the child who went (row ids used to be handed out again).
#[test]
fn a_restored_concern_goes_back_to_its_own_child_never_to_one_added_since() {
    let (_dir, mut store, class_id) = demo_record();
    let child = |given: &str| StudentDetails {
        class_id,
        given_name: given.into(),
        family_name: "Lopez".into(),
        ..Default::default()
    };
    let ana = store.add_student(&child("Ana")).unwrap().id;
    let concern = store
        .add_concern(&ConcernDetails {
            student_id: ana,
            noticed_on: day("2026-11-20"),
            observed: "Cries at drop-off".into(),
            setting: String::new(),
            causes: vec![],
            strategies: String::new(),
            contact_id: None,
            plan: String::new(),
            notes: String::new(),
            sensitive: false,
            resolved_on: None,
            share_at_conference: false,
        })
        .unwrap();
    store.delete_concern(concern.id).unwrap();
    store.delete_student(ana).unwrap();
    let ben = store.add_student(&child("Ben")).unwrap().id;
    assert_ne!(ben, ana, "an id is never handed out again");

    let entry = |store: &Store, kind: &str| {
        store
            .trash()
            .unwrap()
            .into_iter()
            .find(|i| i.kind == kind)
            .unwrap()
            .id
    };
    let error = store.restore(entry(&store, "concern")).unwrap_err();
    assert!(
        error.to_string().contains("no longer in the record"),
        "{error}"
    );
    assert!(store.concerns_of(ben).unwrap().is_empty());

    store.restore(entry(&store, "student")).unwrap();
    let restored = store.restore(entry(&store, "concern")).unwrap();
    assert_eq!(restored.student_id, Some(ana));
    assert_eq!(store.student(ana).unwrap().details.given_name, "Ana");
    assert_eq!(store.concerns_of(ana).unwrap()[0].id, concern.id);
    assert!(store.concerns_of(ben).unwrap().is_empty());
}

/// A restore puts every row back under its own id, so what pointed at it finds it again.
#[test]
fn a_restored_child_keeps_every_id_they_had() {
    let (_dir, mut store, class_id) = demo_record();
    let jose = find(&store, class_id, "José Núñez");
    let ids = |store: &Store| {
        serde_json::to_value(store.student_page(jose, day("2026-11-24")).unwrap()).unwrap()
    };
    let before = ids(&store);
    store.delete_student(jose).unwrap();
    let entry = store.trash().unwrap()[0].id;
    assert_eq!(store.restore(entry).unwrap().student_id, Some(jose));
    assert_eq!(ids(&store), before);
}
