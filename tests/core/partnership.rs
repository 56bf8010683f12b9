//! The partnership record against real SQLite files: the question bank and answers, SMART goals
//! with check-ins and home activities, contacts and follow-ups, praise and positive calls,
//! concerns with causes, and the student page and Today read-outs built from them.

use crate::support::day;
use rapport::insights;
use rapport::model::*;
use rapport::Store;
use tempfile::TempDir;

struct Class {
    _dir: TempDir,
    store: Store,
    student: Id,
    mother: Id,
    father: Id,
    barred: Id,
}

/// A record with one child, two guardians who may be contacted and one who may not.
fn class() -> Class {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
    let class = store
        .start_class(
            &ClassDetails {
                name: "Room 12".into(),
                ..Default::default()
            },
            day("2026-11-24"),
        )
        .unwrap();
    let student = store
        .add_student(&StudentDetails {
            class_id: class.id,
            given_name: "José".into(),
            family_name: "Núñez".into(),
            ..Default::default()
        })
        .unwrap()
        .id;
    let guardian = |name: &str| GuardianDetails {
        name: name.into(),
        phone: "555-0101".into(),
        ..Default::default()
    };
    let mother = store
        .add_guardian(student, &guardian("María Núñez"), GuardianLink::default())
        .unwrap()
        .id;
    let father = store
        .add_guardian(student, &guardian("Carlos Núñez"), GuardianLink::default())
        .unwrap()
        .id;
    let barred = store
        .add_guardian(
            student,
            &GuardianDetails {
                may_contact: false,
                no_contact_reason: "Court order on file".into(),
                ..guardian("Luis Núñez")
            },
            GuardianLink::default(),
        )
        .unwrap()
        .id;
    Class {
        _dir: dir,
        store,
        student,
        mother,
        father,
        barred,
    }
}

fn contact(student: Id, guardian: Option<Id>, on: &str, kind: ContactKind) -> ContactDetails {
    ContactDetails {
        student_id: student,
        guardian_id: guardian,
        happened_on: day(on),
        method: ContactMethod::Phone,
        initiated_by: Initiator::Teacher,
        kind,
        summary: "Talked about the week".into(),
        outcome: String::new(),
        reached: true,
        follow_up_on: None,
        follow_up_done: false,
        sensitive: false,
    }
}

#[test]
fn a_new_record_starts_with_the_seed_question_bank() {
    let c = class();
    let questions = c.store.questions(false).unwrap();
    assert_eq!(questions.len(), rapport::questions::SEED_QUESTIONS.len());
    assert_eq!(questions[0].seed_key.as_deref(), Some("strengths"));
    assert!(questions
        .iter()
        .any(|q| q.prompt.contains("which language")));
    let positions: Vec<_> = questions.iter().map(|q| q.position).collect();
    assert_eq!(positions, (1..=questions.len() as i64).collect::<Vec<_>>());
}

#[test]
fn the_teacher_edits_reorders_retires_and_adds_questions() {
    let mut c = class();
    let questions = c.store.questions(false).unwrap();
    let first = questions[0].id;
    let edited = c
        .store
        .update_question(
            first,
            &QuestionDetails {
                prompt: "  What is your child  good at? ".into(),
                topic: QuestionTopic::Strengths,
            },
        )
        .unwrap();
    assert_eq!(edited.prompt, "What is your child good at?");
    let added = c
        .store
        .add_question(&QuestionDetails {
            prompt: "What makes your child laugh?".into(),
            topic: QuestionTopic::Other,
        })
        .unwrap();
    assert_eq!(added.position, questions.len() as i64 + 1);

    let mut order: Vec<Id> = c
        .store
        .questions(true)
        .unwrap()
        .iter()
        .map(|q| q.id)
        .collect();
    order.rotate_right(1);
    let reordered = c.store.reorder_questions(&order).unwrap();
    assert_eq!(reordered[0].id, added.id);
    assert_eq!(
        c.store.reorder_questions(&order[1..]).unwrap_err().code(),
        "conflict"
    );

    c.store.set_question_retired(first, true).unwrap();
    assert!(c
        .store
        .questions(false)
        .unwrap()
        .iter()
        .all(|q| q.id != first));
    assert!(c
        .store
        .questions(true)
        .unwrap()
        .iter()
        .any(|q| q.id == first && q.retired));
    let error = c
        .store
        .add_question(&QuestionDetails {
            prompt: " ".into(),
            topic: QuestionTopic::Other,
        })
        .unwrap_err();
    assert_eq!(error.field_problems()[0].field, "prompt");
}

#[test]
fn two_guardians_may_answer_differently_and_both_are_kept() {
    let c = class();
    let question = c.store.questions(false).unwrap()[0].id;
    let answer = |guardian, text: &str, on: &str| AnswerDetails {
        student_id: c.student,
        guardian_id: guardian,
        question_id: question,
        answer: text.into(),
        answered_on: day(on),
        sensitive: false,
    };
    c.store
        .add_answer(&answer(
            Some(c.mother),
            "He never gives up on a puzzle.",
            "2026-09-02",
        ))
        .unwrap();
    c.store
        .add_answer(&answer(
            Some(c.father),
            "Football! And drawing.",
            "2026-09-05",
        ))
        .unwrap();
    c.store
        .add_answer(&answer(None, "Kind to his little sister.", "2026-09-06"))
        .unwrap();

    let told = c.store.family_answers(c.student).unwrap();
    assert_eq!(told.len(), 1);
    let by: Vec<_> = told[0]
        .answers
        .iter()
        .map(|a| a.guardian_name.as_deref())
        .collect();
    assert_eq!(
        by,
        [None, Some("Carlos Núñez"), Some("María Núñez")],
        "newest first"
    );

    let stranger = c
        .store
        .add_answer(&answer(Some(Id::new()), "x", "2026-09-06"))
        .unwrap_err();
    assert_eq!(stranger.field_problems()[0].field, "guardian_id");
    let empty = c
        .store
        .add_answer(&answer(Some(c.mother), "  ", "2026-09-06"))
        .unwrap_err();
    assert_eq!(empty.field_problems()[0].field, "answer");
}

#[test]
fn goals_carry_check_ins_progress_hints_and_home_activities() {
    let mut c = class();
    let question = c.store.questions(false).unwrap()[0].id;
    let answer = c
        .store
        .add_answer(&AnswerDetails {
            student_id: c.student,
            guardian_id: Some(c.mother),
            question_id: question,
            answer: "He wants to read chapter books like his sister.".into(),
            answered_on: day("2026-09-02"),
            sensitive: false,
        })
        .unwrap();
    let goal = c
        .store
        .add_goal(&GoalDetails {
            student_id: c.student,
            area: GoalArea::Reading,
            statement: "Read a grade-3 passage aloud at 90 words a minute".into(),
            measure: "One-minute reading probe every other Friday".into(),
            unit: "words per minute".into(),
            aim: Aim::Increase,
            baseline: Some(62.0),
            target: Some(90.0),
            steps: "Small-group fluency practice".into(),
            why: String::new(),
            family_answer_id: Some(answer.id),
            starts_on: day("2026-09-15"),
            due_on: Some(day("2027-01-29")),
            status: GoalStatus::Active,
        })
        .unwrap();
    for (on, value) in [("2026-10-02", 68.0), ("2026-10-30", 76.0)] {
        c.store
            .add_check_in(&CheckInDetails {
                goal_id: goal.id,
                on_date: day(on),
                value,
                note: String::new(),
            })
            .unwrap();
    }
    c.store
        .add_home_activity(&HomeActivityDetails {
            goal_id: goal.id,
            title: "Read together for 15 minutes".into(),
            details: "Take turns reading a page each.".into(),
            how_often: "Most evenings".into(),
        })
        .unwrap();
    let goals = c.store.goals_of(c.student, day("2026-11-24")).unwrap();
    assert_eq!(goals.len(), 1);
    assert_eq!(goals[0].check_ins.len(), 2);
    assert_eq!(goals[0].progress, Some(0.5));
    assert!(goals[0].hints.is_empty(), "{:?}", goals[0].hints);
    assert_eq!(
        goals[0].home_activities[0].details.how_often,
        "Most evenings"
    );

    let early = c
        .store
        .add_check_in(&CheckInDetails {
            goal_id: goal.id,
            on_date: day("2026-09-01"),
            value: 1.0,
            note: String::new(),
        })
        .unwrap_err();
    assert_eq!(early.field_problems()[0].field, "on_date");
    let backwards = c
        .store
        .update_goal(
            goal.id,
            &GoalDetails {
                due_on: Some(day("2026-09-01")),
                ..goal.details.clone()
            },
        )
        .unwrap_err();
    assert_eq!(backwards.field_problems()[0].field, "due_on");

    c.store.delete_goal(goal.id).unwrap();
    assert!(c
        .store
        .goals_of(c.student, day("2026-11-24"))
        .unwrap()
        .is_empty());
    assert!(c.store.check().unwrap().is_healthy());
}

#[test]
fn a_guardian_who_must_not_be_contacted_cannot_be_chosen_for_a_contact() {
    let c = class();
    let error = c
        .store
        .add_contact(&contact(
            c.student,
            Some(c.barred),
            "2026-11-20",
            ContactKind::Information,
        ))
        .unwrap_err();
    assert_eq!(error.field_problems()[0].field, "guardian_id");
    assert_eq!(
        error.to_string(),
        "Luis Núñez must not be contacted: Court order on file"
    );
    assert!(c.store.contacts_of(c.student).unwrap().is_empty());
}

#[test]
fn contacts_log_follow_ups_that_can_be_marked_done() {
    let c = class();
    let logged = c
        .store
        .add_contact(&ContactDetails {
            follow_up_on: Some(day("2026-11-27")),
            ..contact(
                c.student,
                Some(c.mother),
                "2026-11-20",
                ContactKind::Concern,
            )
        })
        .unwrap();
    let backwards = c
        .store
        .add_contact(&ContactDetails {
            follow_up_on: Some(day("2026-11-01")),
            ..contact(
                c.student,
                Some(c.mother),
                "2026-11-20",
                ContactKind::Concern,
            )
        })
        .unwrap_err();
    assert_eq!(backwards.field_problems()[0].field, "follow_up_on");
    let done = c.store.set_follow_up_done(logged.id, true).unwrap();
    assert!(done.details.follow_up_done);
    assert_eq!(c.store.contacts_of(c.student).unwrap(), [done]);
}

#[test]
fn making_a_praise_call_logs_a_linked_positive_contact() {
    let mut c = class();
    let praise = c
        .store
        .add_praise(&PraiseDetails {
            student_id: c.student,
            noticed_on: day("2026-11-23"),
            category: PraiseCategory::Helped,
            note: "Helped Mia up when she fell at recess".into(),
            call_queued: true,
        })
        .unwrap();
    let call = contact(
        c.student,
        Some(c.father),
        "2026-11-24",
        ContactKind::Information,
    );
    let logged = c.store.record_praise_call(praise.id, &call).unwrap();
    assert_eq!(
        logged.details.kind,
        ContactKind::Positive,
        "a praise call is always positive"
    );
    let praise = c.store.praise(praise.id).unwrap();
    assert_eq!(praise.contact_id, Some(logged.id));
    assert!(!praise.details.call_queued);
    assert_eq!(
        c.store
            .record_praise_call(praise.id, &call)
            .unwrap_err()
            .code(),
        "conflict"
    );
    assert_eq!(
        c.store
            .set_praise_queued(praise.id, true)
            .unwrap_err()
            .code(),
        "conflict"
    );

    // A failed call (a barred guardian) writes nothing at all.
    let second = c
        .store
        .add_praise(&PraiseDetails {
            student_id: c.student,
            noticed_on: day("2026-11-24"),
            category: PraiseCategory::Kindness,
            note: String::new(),
            call_queued: true,
        })
        .unwrap();
    let barred = contact(
        c.student,
        Some(c.barred),
        "2026-11-24",
        ContactKind::Positive,
    );
    assert!(c.store.record_praise_call(second.id, &barred).is_err());
    assert_eq!(c.store.contacts_of(c.student).unwrap().len(), 1);
    assert!(c.store.praise(second.id).unwrap().details.call_queued);

    let vague = c
        .store
        .add_praise(&PraiseDetails {
            student_id: c.student,
            noticed_on: day("2026-11-24"),
            category: PraiseCategory::Other,
            note: String::new(),
            call_queued: false,
        })
        .unwrap_err();
    assert_eq!(vague.field_problems()[0].field, "note");
}

#[test]
fn concerns_keep_their_causes_and_the_contact_that_discussed_them() {
    let mut c = class();
    let call = c
        .store
        .add_contact(&contact(
            c.student,
            Some(c.mother),
            "2026-11-18",
            ContactKind::Concern,
        ))
        .unwrap();
    let details = ConcernDetails {
        student_id: c.student,
        noticed_on: day("2026-11-16"),
        observed: "Leaves his seat during independent writing, most days".into(),
        setting: "Writing block, after lunch".into(),
        causes: vec!["avoidance".into(), "skill_gap".into(), "avoidance".into()],
        strategies: "Sentence starters; a movement break halfway".into(),
        contact_id: Some(call.id),
        plan: "Mum will practise letter formation at home; check in Friday".into(),
        notes: "Grandfather in hospital".into(),
        sensitive: true,
        resolved_on: None,
        share_at_conference: false,
    };
    let concern = c.store.add_concern(&details).unwrap();
    let back = c.store.concern(concern.id).unwrap();
    assert_eq!(back.details.causes, ["avoidance", "skill_gap"]);
    assert!(back.details.sensitive);

    let resolved = ConcernDetails {
        causes: vec!["sensory".into()],
        resolved_on: Some(day("2026-11-23")),
        ..details.clone()
    };
    c.store.update_concern(concern.id, &resolved).unwrap();
    assert_eq!(
        c.store.concerns_of(c.student).unwrap()[0].details.causes,
        ["sensory"]
    );

    let unknown = c
        .store
        .add_concern(&ConcernDetails {
            causes: vec!["bad_day".into()],
            ..details.clone()
        })
        .unwrap_err();
    assert_eq!(unknown.field_problems()[0].field, "causes");
    let empty = c
        .store
        .add_concern(&ConcernDetails {
            observed: " ".into(),
            ..details
        })
        .unwrap_err();
    assert_eq!(empty.field_problems()[0].field, "observed");
}

#[test]
fn the_student_page_gathers_the_record_and_the_balance() {
    let c = class();
    c.store
        .add_contact(&contact(
            c.student,
            Some(c.mother),
            "2026-09-10",
            ContactKind::Positive,
        ))
        .unwrap();
    c.store
        .add_contact(&contact(
            c.student,
            Some(c.mother),
            "2026-11-10",
            ContactKind::Positive,
        ))
        .unwrap();
    c.store
        .add_contact(&contact(
            c.student,
            None,
            "2026-11-12",
            ContactKind::Concern,
        ))
        .unwrap();
    c.store
        .add_contact(&ContactDetails {
            reached: false,
            ..contact(
                c.student,
                Some(c.father),
                "2026-11-13",
                ContactKind::Positive,
            )
        })
        .unwrap();
    let page = c.store.student_page(c.student, day("2026-11-24")).unwrap();
    assert_eq!(page.record.display_name, "José Núñez");
    assert_eq!(page.contacts.len(), 4);
    assert_eq!(
        page.balance.last_30_days,
        Balance {
            positive: 1,
            concern: 1
        }
    );
    assert_eq!(
        page.balance.this_year,
        Balance {
            positive: 2,
            concern: 1
        },
        "an unanswered call is no contact"
    );
    let json = serde_json::to_value(&page).unwrap();
    assert_eq!(
        json["display_name"], "José Núñez",
        "the page keeps the record's fields at the top"
    );
    assert!(json["guardians"].is_array() && json["goals"].is_array());
}

#[test]
fn deleting_a_student_removes_every_row_about_them() {
    let mut c = class();
    let question = c.store.questions(false).unwrap()[0].id;
    c.store
        .add_answer(&AnswerDetails {
            student_id: c.student,
            guardian_id: Some(c.mother),
            question_id: question,
            answer: "Curious".into(),
            answered_on: day("2026-09-01"),
            sensitive: false,
        })
        .unwrap();
    let call = c
        .store
        .add_contact(&contact(
            c.student,
            Some(c.mother),
            "2026-11-18",
            ContactKind::Concern,
        ))
        .unwrap();
    c.store
        .add_concern(&ConcernDetails {
            student_id: c.student,
            noticed_on: day("2026-11-16"),
            observed: "Upset at drop-off".into(),
            setting: String::new(),
            causes: vec!["home_change".into()],
            strategies: String::new(),
            contact_id: Some(call.id),
            plan: String::new(),
            notes: String::new(),
            sensitive: false,
            resolved_on: None,
            share_at_conference: false,
        })
        .unwrap();
    c.store
        .add_praise(&PraiseDetails {
            student_id: c.student,
            noticed_on: day("2026-11-20"),
            category: PraiseCategory::Kindness,
            note: String::new(),
            call_queued: true,
        })
        .unwrap();
    c.store.delete_student(c.student).unwrap();
    let conn = rusqlite::Connection::open(c.store.path()).unwrap();
    for table in [
        "answer",
        "goal",
        "contact",
        "praise",
        "concern",
        "concern_cause",
        "guardian",
        "student_guardian",
    ] {
        let left: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0, "{table} still holds rows about the child");
    }
}

#[test]
fn a_record_from_version_one_is_upgraded_and_keeps_its_class() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!(
            "../../src/store/migrations/0001_foundation.sql"
        ))
        .unwrap();
        conn.execute_batch(
            "INSERT INTO school_year (name, starts_on, ends_on) VALUES ('2026–2027', '2026-08-15', '2027-06-30');
             INSERT INTO class (school_year_id, name) VALUES (1, 'Room 12');
             INSERT INTO student (class_id, given_name, family_name) VALUES (1, 'Ana', 'Silva');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        rapport::store::SCHEMA_VERSION
    );
    let class = store.classes().unwrap()[0].id;
    assert_eq!(store.students(class).unwrap()[0].display_name, "Ana Silva");
    assert_eq!(
        store.questions(false).unwrap().len(),
        rapport::questions::SEED_QUESTIONS.len()
    );
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn today_reads_a_class_in_bulk() {
    let c = class();
    c.store
        .add_contact(&ContactDetails {
            follow_up_on: Some(day("2026-11-23")),
            ..contact(
                c.student,
                Some(c.mother),
                "2026-10-01",
                ContactKind::Concern,
            )
        })
        .unwrap();
    let class_id = c.store.student(c.student).unwrap().details.class_id;
    let activity = c.store.class_activity(class_id).unwrap();
    assert_eq!(activity.students.len(), 1);
    assert_eq!(activity.contacts.len(), 1);
    let report = insights::today(&activity, day("2026-11-24"), 21);
    assert_eq!(report.follow_ups.len(), 1);
    assert!(report.follow_ups[0].overdue);
    assert_eq!(report.quiet_families.len(), 1, "last in touch 54 days ago");
    assert_eq!(report.no_positive_this_month.len(), 1);
}

#[test]
fn the_export_holds_every_row_in_a_stable_shape() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
    rapport::demo::load_demo_class(&mut store, day("2026-11-24")).unwrap();
    let export = store.export().unwrap();
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(json["format"], "rapport-export");
    assert_eq!(json["format_version"], 2);
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    for (key, table) in [
        ("school_years", "school_year"),
        ("classes", "class"),
        ("students", "student"),
        ("guardians", "guardian"),
        ("student_guardians", "student_guardian"),
        ("questions", "question"),
        ("answers", "answer"),
        ("goals", "goal"),
        ("check_ins", "check_in"),
        ("home_activities", "home_activity"),
        ("contacts", "contact"),
        ("praise", "praise"),
        ("concerns", "concern"),
    ] {
        let rows: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(json[key].as_array().unwrap().len() as i64, rows, "{key}");
        assert!(rows > 0, "the demo fills {table}");
    }
    let causes: i64 = conn
        .query_row("SELECT count(*) FROM concern_cause", [], |r| r.get(0))
        .unwrap();
    let exported: usize = export.concerns.iter().map(|c| c.details.causes.len()).sum();
    assert_eq!(exported as i64, causes);
    // Round trip through text: the documented shape reads back into the same values.
    let text = serde_json::to_string(&export).unwrap();
    let back: rapport::store::export::Export = serde_json::from_str(&text).unwrap();
    assert_eq!(back, export);
    assert_eq!(
        store.export().unwrap(),
        export,
        "exporting twice gives the same record"
    );
}

#[test]
fn the_demo_year_is_deterministic_and_gives_today_something_in_every_list() {
    let make = || {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
        let summary = rapport::demo::load_demo_class(&mut store, day("2026-11-24")).unwrap();
        (dir, store, summary)
    };
    let (_a, first, summary) = make();
    let (_b, second, _) = make();
    let export = |store: &Store| serde_json::to_value(store.export().unwrap()).unwrap();
    assert_eq!(
        crate::support::ids_by_appearance(export(&first)),
        crate::support::ids_by_appearance(export(&second))
    );
    let report = insights::today(
        &first.class_activity(summary.class_id).unwrap(),
        day("2026-11-24"),
        21,
    );
    assert!(!report.follow_ups.is_empty(), "follow-ups");
    assert!(!report.praise_to_call.is_empty(), "praise to call");
    assert!(
        !report.concerns_without_call.is_empty(),
        "concerns without a call"
    );
    assert!(!report.quiet_families.is_empty(), "quiet families");
    assert!(
        !report.no_positive_this_month.is_empty(),
        "no positive this month"
    );
    assert!(!report.goals_to_check.is_empty(), "goals to check");
    assert!(!report.goals_due_soon.is_empty(), "goals due soon");
    assert!(report.balance.this_year.positive > report.balance.this_year.concern);
}

/// Whatever day the demo is loaded (the window's tests load it on the day they run), Today has a
/// follow-up to mark done and children to call first.
#[test]
fn the_demo_has_a_follow_up_due_on_any_day_of_the_year() {
    let first = day("2026-09-25");
    // Every nineteen days from late September to June: each weekday, and term by term.
    for step in 0..14 {
        let today = first + chrono::Duration::days(step * 19);
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
        let summary = rapport::demo::load_demo_class(&mut store, today).unwrap();
        let report = insights::today(&store.class_activity(summary.class_id).unwrap(), today, 21);
        assert!(!report.follow_ups.is_empty(), "a follow-up due on {today}");
        assert!(
            (1..=5).contains(&report.call_first.children.len()),
            "one to five children to call first on {today}: {}",
            report.call_first.children.len()
        );
    }
}

#[test]
fn a_large_record_spans_years_with_only_the_current_class_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
    let summary = rapport::demo::load_large_record(&mut store, day("2026-11-24"), 12, 3).unwrap();
    assert_eq!(summary.students, 36);
    let classes = store.classes().unwrap();
    assert_eq!(classes.len(), 3);
    assert_eq!(classes.iter().filter(|c| !c.archived).count(), 1);
    assert_eq!(
        store.settings().unwrap().current_class_id,
        Some(summary.class_id)
    );
    assert!(!store.class(summary.class_id).unwrap().archived);
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn logging_a_contact_settles_its_follow_up_and_concern_together_or_not_at_all() {
    let mut c = class();
    let earlier = c
        .store
        .add_contact(&ContactDetails {
            follow_up_on: Some(day("2026-11-20")),
            ..contact(
                c.student,
                Some(c.mother),
                "2026-11-13",
                ContactKind::Concern,
            )
        })
        .unwrap();
    let concern = c
        .store
        .add_concern(&ConcernDetails {
            student_id: c.student,
            noticed_on: day("2026-11-12"),
            observed: "Upset at drop-off".into(),
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
    let links = ContactLinks {
        completes_follow_up_of: Some(earlier.id),
        discusses_concerns: vec![concern.id],
    };

    // A barred guardian: nothing at all is written.
    let refused = c
        .store
        .log_contact(
            &contact(
                c.student,
                Some(c.barred),
                "2026-11-21",
                ContactKind::Concern,
            ),
            &links,
        )
        .unwrap_err();
    assert_eq!(refused.field_problems()[0].field, "guardian_id");
    assert!(!c.store.contact(earlier.id).unwrap().details.follow_up_done);
    assert_eq!(
        c.store.concern(concern.id).unwrap().details.contact_id,
        None
    );

    let call = c
        .store
        .log_contact(
            &contact(
                c.student,
                Some(c.mother),
                "2026-11-21",
                ContactKind::Concern,
            ),
            &links,
        )
        .unwrap();
    assert!(c.store.contact(earlier.id).unwrap().details.follow_up_done);
    assert_eq!(
        c.store.concern(concern.id).unwrap().details.contact_id,
        Some(call.id)
    );
}

#[test]
fn a_praise_call_that_reached_nobody_stays_on_the_call_list() {
    let mut c = class();
    let praise = c
        .store
        .add_praise(&PraiseDetails {
            student_id: c.student,
            noticed_on: day("2026-11-23"),
            category: PraiseCategory::Kindness,
            note: String::new(),
            call_queued: true,
        })
        .unwrap();
    let voicemail = ContactDetails {
        reached: false,
        ..contact(
            c.student,
            Some(c.mother),
            "2026-11-24",
            ContactKind::Positive,
        )
    };
    c.store.record_praise_call(praise.id, &voicemail).unwrap();
    let after = c.store.praise(praise.id).unwrap();
    assert_eq!(after.contact_id, None);
    assert!(
        after.details.call_queued,
        "still waiting for a call that gets through"
    );
    assert_eq!(
        c.store.contacts_of(c.student).unwrap().len(),
        1,
        "the attempt is logged"
    );
}

fn slot(class_id: Id, student_id: Option<Id>, at: &str, minutes: u32) -> ConferenceDetails {
    ConferenceDetails {
        class_id,
        student_id,
        starts_at: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap(),
        minutes,
        place: "Room 12".into(),
        interpreter_language: Some("es".into()),
        attendees: String::new(),
        notes: String::new(),
        sensitive: false,
    }
}

#[test]
fn conference_slots_are_planned_booked_and_never_overlap() {
    let mut c = class();
    let class_id = c.store.student(c.student).unwrap().details.class_id;
    let booked = c
        .store
        .add_conference(&slot(class_id, Some(c.student), "2026-11-26T15:30", 20))
        .unwrap();
    c.store
        .add_conference(&slot(class_id, None, "2026-11-26T15:50", 20))
        .unwrap();
    let overlap = c
        .store
        .add_conference(&slot(class_id, None, "2026-11-26T15:40", 20))
        .unwrap_err();
    assert_eq!(overlap.field_problems()[0].field, "starts_at");
    assert_eq!(
        overlap.to_string(),
        "This overlaps the 3:30–3:50 pm conference with the family of José Núñez."
    );
    let too_long = c
        .store
        .add_conference(&slot(class_id, None, "2026-11-27T15:00", 600))
        .unwrap_err();
    assert_eq!(too_long.field_problems()[0].field, "minutes");

    let schedule = c.store.conferences(class_id).unwrap();
    assert_eq!(schedule.len(), 2);
    assert_eq!(schedule[0].display_name.as_deref(), Some("José Núñez"));
    assert_eq!(
        schedule[0].family,
        ["María Núñez", "Carlos Núñez"],
        "the barred guardian is not listed"
    );
    assert_eq!(schedule[1].display_name, None, "an open slot");

    // Moving a slot may not land on another; editing it in place is fine.
    let mut moved = booked.details.clone();
    moved.notes = "Bring the reading log".into();
    c.store.update_conference(booked.id, &moved).unwrap();
    moved.starts_at =
        chrono::NaiveDateTime::parse_from_str("2026-11-26T15:55", "%Y-%m-%dT%H:%M").unwrap();
    assert_eq!(
        c.store
            .update_conference(booked.id, &moved)
            .unwrap_err()
            .field_problems()[0]
            .field,
        "starts_at"
    );

    let page = c.store.student_page(c.student, day("2026-11-24")).unwrap();
    assert_eq!(page.conferences.len(), 1);
    let report = insights::today(
        &c.store.class_activity(class_id).unwrap(),
        day("2026-11-24"),
        21,
    );
    assert_eq!(report.conferences_coming_up.len(), 1);

    let trash = c.store.delete_conference(booked.id).unwrap();
    assert_eq!(c.store.conferences(class_id).unwrap().len(), 1);
    c.store.restore(trash).unwrap();
    assert_eq!(
        c.store.conference(booked.id).unwrap().details.notes,
        "Bring the reading log"
    );
    assert_eq!(c.store.export().unwrap().conferences.len(), 2);
}

/// "8 of 10 problems" with a baseline of -5 and a target of a million was saved and called SMART;
/// a 14-digit target was refused as "not a number". The measure's scale and the real limit now
/// say what is wrong; a check-in can be corrected.
#[test]
fn numbers_must_fit_the_measure_and_a_check_in_can_be_corrected() {
    let c = class();
    let goal = |baseline: f64, target: f64| GoalDetails {
        student_id: c.student,
        area: GoalArea::Math,
        statement: "Solve two-step word problems on her own, most days".into(),
        measure: "8 of 10 problems correct on the Friday quiz".into(),
        unit: "problems".into(),
        aim: Aim::Increase,
        baseline: Some(baseline),
        target: Some(target),
        steps: String::new(),
        why: "Her mother wants her to feel confident in math".into(),
        family_answer_id: None,
        starts_on: day("2026-09-15"),
        due_on: Some(day("2027-01-29")),
        status: GoalStatus::Active,
    };
    let hints = rapport::smart::check(&goal(-5.0, 1_000_000.0), day("2026-11-24"));
    assert!(
        hints
            .iter()
            .any(|h| h.field == "target" && h.message.contains("between 0 and 10")),
        "{hints:?}"
    );
    let refused = c.store.add_goal(&goal(-5.0, 1_000_000.0)).unwrap_err();
    let fields: Vec<&str> = refused.field_problems().iter().map(|p| p.field).collect();
    assert_eq!(fields, ["baseline", "target"]);
    assert!(
        refused.to_string().contains("the measure is out of 10"),
        "{refused}"
    );
    let huge = GoalDetails {
        measure: "words read correctly in a minute".into(),
        unit: "words".into(),
        ..goal(40.0, 12_345_678_901_234.0)
    };
    let refused = c.store.add_goal(&huge).unwrap_err();
    assert!(
        refused.to_string().contains("at most 1,000,000,000"),
        "{refused}"
    );

    let saved = c.store.add_goal(&goal(4.0, 8.0)).unwrap();
    let check_in = |value: f64| CheckInDetails {
        goal_id: saved.id,
        on_date: day("2026-10-02"),
        value,
        note: String::new(),
    };
    let refused = c.store.add_check_in(&check_in(500.0)).unwrap_err();
    assert_eq!(refused.field_problems()[0].field, "value");
    let first = c.store.add_check_in(&check_in(6.0)).unwrap();
    let corrected = c
        .store
        .update_check_in(
            first.id,
            &CheckInDetails {
                note: "Re-marked".into(),
                ..check_in(7.0)
            },
        )
        .unwrap();
    assert_eq!(corrected.details.goal_id, saved.id);
    assert_eq!(c.store.check_in(first.id).unwrap().details.value, 7.0);
    assert!(c.store.update_check_in(first.id, &check_in(11.0)).is_err());
    assert_eq!(
        c.store.check_in(first.id).unwrap().details.note,
        "Re-marked"
    );
}
