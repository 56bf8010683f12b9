//! Seeded random edits on two and three computers, through the core's own operations (adding,
//! changing, deleting and restoring children's records, settings, removals for good), with syncs
//! in random orders. At the end every computer's record is the same, healthy, and every conflict
//! a sync met was listed. Runs: `RAPPORT_SYNC_RUNS` per computer count (8 by default).

use chrono::NaiveDate;
use rapport::model::*;

use crate::support::day;
use crate::sync::{at, first, join, record_of, Computer};

/// A small, seeded generator (xorshift64*): the same seed, the same run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
        (!items.is_empty()).then(|| items[self.below(items.len())].clone())
    }

    fn word(&mut self) -> String {
        const WORDS: &[&str] = &[
            "reading",
            "kind",
            "late",
            "drawing",
            "soccer",
            "shy",
            "señora",
            "قراءة",
            "数学",
        ];
        format!("{} {}", WORDS[self.below(WORDS.len())], self.below(1000))
    }
}

thread_local! {
    /// Which computer edits now, for the trace.
    static WHO: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn today() -> NaiveDate {
    day("2026-11-24")
}

fn students(c: &Computer) -> Vec<Id> {
    let class = c.store.classes().unwrap()[0].id;
    c.store
        .students(class)
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect()
}

/// One random edit through the core's operations. Errors an edit may meet when its target went
/// meanwhile (a child deleted on this computer) are part of the game.
fn edit(rng: &mut Rng, c: &mut Computer, minute: i64) {
    let Some(student) = rng.pick(&students(c)) else {
        return;
    };
    let store = &mut c.store;
    let goals: Vec<Goal> = store
        .goals_of(student, today())
        .unwrap()
        .into_iter()
        .map(|g| g.goal)
        .collect();
    let contacts = store.contacts_of(student).unwrap();
    let op = rng.below(16);
    if std::env::var("RAPPORT_SYNC_TRACE").is_ok() {
        eprintln!(
            "minute {minute}: op {op} on {student} by computer {}",
            WHO.with(|w| w.get())
        );
    }
    let result = match op {
        0 | 1 => store
            .add_contact(&ContactDetails {
                student_id: student,
                guardian_id: None,
                happened_on: today(),
                method: ContactMethod::Phone,
                initiated_by: Initiator::Teacher,
                kind: ContactKind::Information,
                summary: rng.word(),
                outcome: String::new(),
                reached: true,
                follow_up_on: rng.chance(50).then(|| day("2026-12-01")),
                follow_up_done: false,
                sensitive: rng.chance(20),
            })
            .map(|_| ()),
        2 => match rng.pick(&contacts) {
            Some(contact) => {
                let mut details = contact.details.clone();
                details.summary = rng.word();
                store.update_contact(contact.id, &details).map(|_| ())
            }
            None => Ok(()),
        },
        3 => store
            .add_praise(&PraiseDetails {
                student_id: student,
                noticed_on: today(),
                category: PraiseCategory::Helped,
                note: rng.word(),
                call_queued: rng.chance(50),
            })
            .map(|_| ()),
        4 => match rng.pick(&store.praise_of(student).unwrap()) {
            Some(praise) => store.delete_praise(praise.id).map(|_| ()),
            None => Ok(()),
        },
        5 => store
            .add_goal(&GoalDetails {
                student_id: student,
                area: GoalArea::Reading,
                statement: format!("Read {} words a minute by March", 60 + rng.below(60)),
                measure: "words a minute".into(),
                unit: "words".into(),
                aim: Aim::Increase,
                baseline: Some(40.0),
                target: Some(90.0),
                steps: String::new(),
                why: String::new(),
                family_answer_id: None,
                starts_on: today(),
                due_on: Some(day("2027-03-01")),
                status: GoalStatus::Active,
            })
            .map(|_| ()),
        6 => match rng.pick(&goals) {
            Some(goal) => {
                let mut details = goal.details.clone();
                match rng.chance(50) {
                    true => {
                        details.statement =
                            format!("Read {} words a minute by March", 60 + rng.below(60))
                    }
                    false => details.target = Some(80.0 + rng.below(40) as f64),
                }
                store.update_goal(goal.id, &details).map(|_| ())
            }
            None => Ok(()),
        },
        7 => match rng.pick(&goals) {
            Some(goal) => store.delete_goal(goal.id).map(|_| ()),
            None => Ok(()),
        },
        8 => match rng.pick(&goals) {
            Some(goal) => store
                .add_check_in(&CheckInDetails {
                    goal_id: goal.id,
                    on_date: today(),
                    value: 40.0 + rng.below(50) as f64 + 0.1,
                    note: rng.word(),
                })
                .map(|_| ()),
            None => Ok(()),
        },
        9 => {
            let mut details = store.student(student).unwrap().details;
            match rng.chance(50) {
                true => details.notes = rng.word(),
                false => details.preferred_name = rng.word(),
            }
            store.update_student(student, &details).map(|_| ())
        }
        10 if rng.chance(30) => store.delete_student(student).map(|_| ()),
        11 => match rng.pick(&store.trash().unwrap()) {
            Some(entry) => store.restore(entry.id).map(|_| ()),
            None => Ok(()),
        },
        12 => store
            .add_concern(&ConcernDetails {
                student_id: student,
                noticed_on: today(),
                observed: rng.word(),
                setting: String::new(),
                causes: vec![rapport::causes::CAUSES[rng.below(3)].code.to_string()],
                strategies: String::new(),
                contact_id: None,
                plan: String::new(),
                notes: String::new(),
                sensitive: false,
                share_at_conference: false,
                resolved_on: None,
            })
            .map(|_| ()),
        13 => match rng.pick(&contacts) {
            Some(contact) => store
                .set_follow_up_done(contact.id, rng.chance(50))
                .map(|_| ()),
            None => Ok(()),
        },
        14 => {
            let mut settings = store.settings().unwrap();
            settings.teacher_name = format!("Ms. {}", rng.word());
            store.save_settings(&settings).map(|_| ())
        }
        15 if rng.chance(15) => store.purge_student(student, at(minute)).map(|_| ()),
        15 => match rng.pick(&store.guardians_of(student).unwrap()) {
            Some(linked) => {
                let mut details = linked.guardian.details.clone();
                details.phone = format!("555-01{:02}", rng.below(100));
                store
                    .update_guardian(linked.guardian.id, &details)
                    .map(|_| ())
            }
            None => Ok(()),
        },
        _ => Ok(()),
    };
    if let Err(error) = result {
        // Only what a concurrent deletion can cause.
        assert!(
            matches!(error.code(), "not_found" | "conflict"),
            "an edit failed: {error}"
        );
    }
}

fn run(seed: u64, computers: usize, steps: usize) -> (usize, usize) {
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let folder = tempfile::tempdir().unwrap();
    let mut all = vec![first(folder.path())];
    for _ in 1..computers {
        all.push(join(folder.path(), None));
    }
    let mut conflicts = 0;
    let mut minute = 10;
    for _ in 0..steps {
        minute += 1;
        let who = rng.below(computers);
        WHO.with(|w| w.set(who));
        edit(&mut rng, &mut all[who], minute);
        if std::env::var("RAPPORT_SYNC_CHECK_EACH").is_ok() {
            eprintln!("check after minute {minute}");
            settle_all(&mut all, &mut minute, seed);
        }
        if rng.chance(35) {
            minute += 1;
            let who = rng.below(computers);
            let report = all[who].store.sync(at(minute)).unwrap();
            assert!(
                all[who].store.sync_snapshot_is_current().unwrap(),
                "seed {seed}: the snapshot is behind"
            );
            if std::env::var("RAPPORT_SYNC_TRACE").is_ok() {
                eprintln!(
                    "minute {minute}: computer {who} syncs: sent {} received {} conflicts {:?}",
                    report.sent,
                    report.received,
                    report
                        .conflicts
                        .iter()
                        .map(|c| (&c.kind, &c.thing, &c.field, &c.kept, &c.other))
                        .collect::<Vec<_>>()
                );
            }
            conflicts += report.conflicts.len();
        }
    }
    conflicts += settle_all(&mut all, &mut minute, seed);
    (steps, conflicts)
}

#[test]
fn one_seed_when_asked() {
    if let Ok(seed) = std::env::var("RAPPORT_SYNC_SEED") {
        let computers = std::env::var("RAPPORT_SYNC_COMPUTERS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2);
        let steps = std::env::var("RAPPORT_SYNC_STEPS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(80);
        run(seed.parse().unwrap(), computers, steps);
    }
}

/// Everyone syncs until nothing moves; then every record must be the same. Returns the
/// conflicts listed meanwhile.
fn settle_all(all: &mut [Computer], minute: &mut i64, seed: u64) -> usize {
    let mut conflicts = 0;
    for round in 0..3 {
        let mut moved = 0;
        for c in all.iter_mut() {
            *minute += 1;
            let report = c.store.sync(at(*minute)).unwrap();
            assert!(
                c.store.sync_snapshot_is_current().unwrap(),
                "seed {seed}: the snapshot is behind"
            );
            assert!(report.refused.is_empty(), "{:?}", report.refused);
            conflicts += report.conflicts.len();
            moved += report.sent + report.received;
        }
        if round == 2 {
            assert_eq!(moved, 0, "seed {seed}: still moving after two rounds");
        }
    }
    let expected = record_of(&all[0].store);
    for (n, c) in all.iter().enumerate() {
        assert!(
            c.store.check().unwrap().is_healthy(),
            "seed {seed}, computer {n}"
        );
        let got = record_of(&c.store);
        if got != expected {
            for (key, rows) in expected["export"].as_object().unwrap() {
                if rows != &got["export"][key] {
                    eprintln!("differs in {key}");
                    if let (Some(x), Some(y)) = (rows.as_array(), got["export"][key].as_array()) {
                        for r in x.iter().filter(|r| !y.contains(r)) {
                            eprintln!("  only on 0: {r}");
                        }
                        for r in y.iter().filter(|r| !x.contains(r)) {
                            eprintln!("  only on {n}: {r}");
                        }
                    }
                }
            }
            let (a, b) = (expected.to_string(), got.to_string());
            let from = a
                .bytes()
                .zip(b.bytes())
                .position(|(x, y)| x != y)
                .unwrap_or(0);
            panic!(
                "seed {seed}: computer {n} differs from computer 0 at …{}… vs …{}…",
                &a[from.saturating_sub(200)..(from + 200).min(a.len())],
                &b[from.saturating_sub(200)..(from + 200).min(b.len())]
            );
        }
    }
    conflicts
}

fn runs() -> u64 {
    std::env::var("RAPPORT_SYNC_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

#[test]
fn two_computers_editing_at_random_end_with_the_same_record() {
    let (mut steps, mut conflicts) = (0, 0);
    for seed in 1..=runs() {
        let (s, c) = run(seed, 2, 80);
        steps += s;
        conflicts += c;
    }
    eprintln!(
        "two computers: {} runs, {steps} steps, {conflicts} conflicts listed",
        runs()
    );
    assert!(conflicts > 0, "the runs met conflicts, and listed them");
}

#[test]
fn three_computers_editing_at_random_end_with_the_same_record() {
    let (mut steps, mut conflicts) = (0, 0);
    for seed in 101..=100 + runs() {
        let (s, c) = run(seed, 3, 80);
        steps += s;
        conflicts += c;
    }
    eprintln!(
        "three computers: {} runs, {steps} steps, {conflicts} conflicts listed",
        runs()
    );
    assert!(conflicts > 0, "the runs met conflicts, and listed them");
}
