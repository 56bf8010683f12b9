//! The handoff to next year's teacher: a class read into another teacher's record whole, matched
//! on the school's id, overwriting nothing, never a private word in the file; encrypted with a
//! one-time passphrase when the sender's record is protected; a broken handoff refused whole.

use rapport::error::Error;
use rapport::model::*;
use rapport::uses::{self, HandOver};
use rapport::Store;

use crate::support::{day, fresh_in, rapport, today};

/// Words only private entries of José's hold.
const PRIVATE: [&str; 3] = ["custody-hearing", "night-terrors", "eviction-notice"];

/// The demo class, with a private answer, contact and concern about José and a note on him.
fn sender() -> (tempfile::TempDir, Store, Id, Id) {
    let (dir, store, class, jose) = crate::support::demo_with_jose();
    let question = store.questions(false).unwrap()[0].id;
    store
        .add_answer(&AnswerDetails {
            student_id: jose,
            guardian_id: None,
            question_id: question,
            answer: format!("A {} is coming up.", PRIVATE[0]),
            answered_on: day("2026-10-01"),
            sensitive: true,
        })
        .unwrap();
    let mut details = store.student(jose).unwrap().details;
    details.notes = format!("He has {} since the move.", PRIVATE[1]);
    store.update_student(jose, &details).unwrap();
    (dir, store, class, jose)
}

fn receiver(dir: &std::path::Path) -> (Store, Id) {
    let mut store = fresh_in(dir, "receiver.sqlite3");
    let class = store
        .start_class(
            &ClassDetails {
                name: "Grade 4 — Room 7".into(),
                grade: "4".into(),
                room: "7".into(),
            },
            day("2027-08-20"),
        )
        .unwrap();
    (store, class.id)
}

fn counts(store: &Store) -> serde_json::Value {
    serde_json::to_value(store.export().unwrap())
        .map(|v| {
            serde_json::json!({
                "students": v["students"].as_array().map_or(0, |a| a.len()),
                "guardians": v["guardians"].as_array().map_or(0, |a| a.len()),
                "answers": v["answers"].as_array().map_or(0, |a| a.len()),
                "goals": v["goals"].as_array().map_or(0, |a| a.len()),
                "concerns": v["concerns"].as_array().map_or(0, |a| a.len()),
            })
        })
        .unwrap()
}

#[test]
fn a_class_arrives_whole_in_another_record_without_a_private_word() {
    let (dir, mut sender, class, jose) = sender();
    sender
        .add_concern(&ConcernDetails {
            student_id: jose,
            noticed_on: day("2026-10-05"),
            observed: format!("Talks about an {}", PRIVATE[2]),
            setting: String::new(),
            causes: vec![],
            strategies: String::new(),
            contact_id: None,
            plan: String::new(),
            notes: String::new(),
            sensitive: true,
            share_at_conference: false,
            resolved_on: None,
        })
        .unwrap();
    let file = uses::handoff_file(&sender, &HandOver::Class(class), today()).unwrap();
    assert!(
        file.passphrase.is_none(),
        "a plain record writes a plain file"
    );
    assert_eq!(file.children, 30);
    let text = String::from_utf8_lossy(&file.bytes);
    for word in PRIVATE {
        assert!(!text.contains(word), "{word} is not in the file");
    }
    assert!(text.contains("Núñez"), "the file is the class's");
    let path = dir.path().join("class.rapport-handoff");
    std::fs::write(&path, &file.bytes).unwrap();

    let (mut store, to) = receiver(dir.path());
    let handoff = uses::read_handoff(&path, None).unwrap();
    let preview = store.receive_handoff(&handoff, to, true).unwrap();
    assert_eq!(preview.children.len(), 30);
    assert!(preview.children.iter().all(|c| c.matched.is_none()));
    assert_eq!(counts(&store)["students"], 0, "a preview changes nothing");

    let received = store.receive_handoff(&handoff, to, false).unwrap();
    assert_eq!(
        received.children,
        preview
            .children
            .iter()
            .map(|c| {
                let mut c = c.clone();
                c.student_id = received
                    .children
                    .iter()
                    .find(|r| r.name == c.name && r.school_student_id == c.school_student_id)
                    .unwrap()
                    .student_id;
                c
            })
            .collect::<Vec<_>>(),
        "the preview said what reading did"
    );
    assert_eq!(store.students(to).unwrap().len(), 30);

    // José's page: what the family told us, goals with their progress and learning at home,
    // what works, and the year's contacts in a sentence, as the sender's page had them.
    let new_jose = crate::support::child_named(&store, to, "José Núñez");
    let before = sender.student_page(jose, today()).unwrap();
    let after = store.student_page(new_jose, today()).unwrap();
    let answers = |p: &StudentPage| {
        let mut a: Vec<String> = p
            .family_answers
            .iter()
            .flat_map(|f| f.answers.iter())
            .filter(|a| !a.answer.details.sensitive)
            .map(|a| a.answer.details.answer.clone())
            .collect();
        a.sort();
        a
    };
    assert_eq!(answers(&after), answers(&before));
    assert!(!answers(&before).is_empty());
    assert_eq!(after.goals.len(), before.goals.len());
    for (a, b) in after.goals.iter().zip(&before.goals) {
        assert_eq!(a.goal.details.statement, b.goal.details.statement);
        assert_eq!(a.check_ins.len(), b.check_ins.len());
        assert_eq!(a.home_activities.len(), b.home_activities.len());
        assert_eq!(a.progress, b.progress);
    }
    assert_eq!(
        after.concerns.len(),
        before
            .concerns
            .iter()
            .filter(|c| !c.details.sensitive)
            .count()
    );
    assert!(
        after.contacts.is_empty(),
        "contacts come as a summary, not as entries"
    );
    let notes = &after.record.student.details.notes;
    assert!(notes.starts_with("Handed over by Jordan Rivera"), "{notes}");
    assert!(
        notes.contains(&format!("{} contacts", before.contacts.len())),
        "{notes}"
    );
    assert_eq!(after.record.guardians.len(), before.record.guardians.len());
    assert!(after.record.guardians[0].link.is_primary);

    // Read again: everything is already here, nothing is added twice.
    let again = store.receive_handoff(&handoff, to, false).unwrap();
    assert!(again
        .children
        .iter()
        .all(|c| c.matched.is_some() && c.guardians + c.answers + c.goals + c.what_works == 0));
    assert_eq!(store.students(to).unwrap().len(), 30);
    assert_eq!(
        store
            .student_page(new_jose, today())
            .unwrap()
            .record
            .student
            .details
            .notes,
        *notes
    );
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn a_child_already_in_the_class_keeps_everything_and_gains_what_is_new() {
    let (dir, sender, _class, jose) = sender();
    let sent = sender.student(jose).unwrap().details;
    let guardian = sender.guardians_of(jose).unwrap()[0]
        .guardian
        .details
        .clone();
    let path = dir.path().join("jose.rapport-handoff");
    let file = uses::handoff_file(&sender, &HandOver::Students(vec![jose]), today()).unwrap();
    std::fs::write(&path, &file.bytes).unwrap();

    // The receiving teacher already has José (from the school's roster), his mother with another
    // phone number, and a note of their own.
    let (mut store, to) = receiver(dir.path());
    let here = store
        .add_student(&StudentDetails {
            class_id: to,
            given_name: "Jose".into(),
            family_name: "Nunez".into(),
            preferred_name: String::new(),
            name_order: NameOrder::GivenFirst,
            pronouns: String::new(),
            grade: "4".into(),
            school_student_id: sent.school_student_id.clone(),
            notes: "Sits near the door.".into(),
            latin_name: String::new(),
        })
        .unwrap();
    let mut mother = guardian.clone();
    mother.phone = "555-0000".into();
    store
        .add_guardian(here.id, &mother, GuardianLink::default())
        .unwrap();
    let received = store
        .receive_handoff(&uses::read_handoff(&path, None).unwrap(), to, false)
        .unwrap();
    let child = &received.children[0];
    assert_eq!(child.matched, Some(here.id));
    assert!(child.answers > 0 && child.goals > 0);
    assert!(child.already_here >= 1, "the mother was already here");
    let page = store.student_page(here.id, today()).unwrap();
    assert_eq!(
        page.record.student.details.given_name, "Jose",
        "the name stays as it was"
    );
    let notes = &page.record.student.details.notes;
    assert!(
        notes.starts_with("Sits near the door.\n\nHanded over by"),
        "{notes}"
    );
    let phones: Vec<&str> = page
        .record
        .guardians
        .iter()
        .filter(|g| g.guardian.details.name == guardian.name)
        .map(|g| g.guardian.details.phone.as_str())
        .collect();
    assert_eq!(
        phones,
        ["555-0000"],
        "the guardian here is kept as they are, once"
    );
    assert_eq!(store.students(to).unwrap().len(), 1);
}

#[test]
fn a_protected_record_hands_over_a_file_only_its_one_time_passphrase_opens() {
    let (dir, mut sender, _class, jose) = sender();
    sender.protect("correct horse battery").unwrap();
    let file = uses::handoff_file(&sender, &HandOver::Students(vec![jose]), today()).unwrap();
    let passphrase = file.passphrase.as_ref().expect("a one-time passphrase");
    let text = String::from_utf8_lossy(&file.bytes);
    assert!(!text.contains("Núñez") && !text.contains("José"));
    let path = dir.path().join("jose.rapport-handoff");
    std::fs::write(&path, &file.bytes).unwrap();
    assert!(uses::handoff_is_encrypted(&path).unwrap());
    assert!(matches!(
        uses::read_handoff(&path, None),
        Err(Error::WrongPassphrase)
    ));
    assert!(matches!(
        uses::read_handoff(&path, Some("correct horse battery")),
        Err(Error::WrongPassphrase)
    ));
    let handoff = uses::read_handoff(&path, Some(&passphrase.text().to_lowercase())).unwrap();
    assert_eq!(handoff.children[0].family_name, "Núñez");
    // Another file of the same children has another passphrase.
    let other = uses::handoff_file(&sender, &HandOver::Students(vec![jose]), today()).unwrap();
    assert_ne!(other.passphrase.unwrap().text(), passphrase.text());
}

#[test]
fn a_broken_handoff_is_refused_whole() {
    let (dir, sender, class, _jose) = sender();
    let mut handoff = sender
        .handoff(
            &sender
                .students(class)
                .unwrap()
                .iter()
                .map(|s| s.id)
                .collect::<Vec<_>>(),
            today(),
        )
        .unwrap();
    let (mut store, to) = receiver(dir.path());
    // A goal without its statement, in the first child with goals.
    let n = handoff
        .children
        .iter()
        .position(|c| !c.goals.is_empty())
        .unwrap();
    let named = handoff.children[n].family_name.clone();
    let mut goal = handoff.children[n].goals[0].clone();
    goal.statement = String::new();
    handoff.children[n].goals.push(goal);
    let before = counts(&store);
    let refused = store.receive_handoff(&handoff, to, false).unwrap_err();
    let message = refused.to_string();
    assert!(
        message.contains(&format!("child {} (", n + 1)) && message.contains(&named),
        "{message}"
    );
    assert!(message.contains("Nothing was changed"), "{message}");
    assert_eq!(counts(&store), before, "nothing of it went in");

    // A file with a byte changed, or cut short, is refused before anything is read.
    let file = uses::handoff_file(&sender, &HandOver::Class(class), today()).unwrap();
    let path = dir.path().join("class.rapport-handoff");
    let mut changed = file.bytes.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x01;
    std::fs::write(&path, &changed).unwrap();
    assert!(matches!(
        uses::read_handoff(&path, None),
        Err(Error::BadFile(_))
    ));
    std::fs::write(&path, &file.bytes[..file.bytes.len() - 10]).unwrap();
    assert!(matches!(
        uses::read_handoff(&path, None),
        Err(Error::BadFile(_))
    ));
    std::fs::write(&path, b"given_name,family_name\nAna,Lopez\n").unwrap();
    assert!(uses::read_handoff(&path, None)
        .unwrap_err()
        .to_string()
        .contains("not a Rapport handoff file"));
}

#[test]
fn the_command_line_hands_over_and_receives() {
    let (dir, sender, class, _jose) = sender();
    let db = dir.path().join("record.sqlite3");
    drop(sender);
    let out = dir.path().join("class.rapport-handoff");
    let class = class.to_string();
    let (ok, said, err) = rapport(
        &db,
        &["handoff", "--class", &class, "--out", out.to_str().unwrap()],
        &[],
    );
    assert!(ok, "{err}");
    assert!(
        said.contains("30 children") && said.contains("No private note"),
        "{said}"
    );
    let (store, to) = receiver(dir.path());
    drop(store);
    let other = dir.path().join("receiver.sqlite3");
    let to = to.to_string();
    let file = out.to_str().unwrap();
    let (ok, said, err) = rapport(&other, &["receive", file, "--class", &to, "--dry-run"], &[]);
    assert!(ok, "{err}");
    assert!(
        said.contains("Would read 30 children from Jordan Rivera"),
        "{said}"
    );
    assert!(
        said.contains("José Núñez — new to the class (school id"),
        "{said}"
    );
    assert!(said.contains("Nothing was changed"), "{said}");
    let (ok, said, err) = rapport(&other, &["receive", file, "--class", &to], &[]);
    assert!(ok, "{err}");
    assert!(said.starts_with("Read 30 children"), "{said}");
    let (ok, said, _) = rapport(&other, &["search", "Núñez"], &[]);
    assert!(ok && said.contains("José Núñez"), "{said}");
    let (ok, _, err) = rapport(&other, &["receive", "/nonexistent.rapport-handoff"], &[]);
    assert!(!ok && err.contains("could not be read"), "{err}");
}
