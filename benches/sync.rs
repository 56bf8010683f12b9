//! Two computers, one record, on a large record (`rapport demo --students 300 --years 10`) and on
//! the demo class (a teacher's first year): the
//! first full copy written to the sync folder (time, size), opening it on the second computer,
//! and a school day's edits (about 200 changes) synced end to end: sent by one computer, received
//! and applied by the other. Plain and protected. Run with `make bench` (`cargo bench -p rapport
//! --bench sync`). Prints timings; asserts nothing.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use rapport::model::*;
use rapport::{demo, uses, Store};

const STUDENTS: usize = 300;
const YEARS: usize = 10;
const DAYS: usize = 7;

fn time<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// About 200 changes a teacher makes in a day: contacts, praise, check-ins, goals and notes.
fn school_day(store: &Store, class: Id, day: usize, today: NaiveDate) -> usize {
    let children = store.students(class).expect("children");
    let mut changes = 0;
    for (n, child) in children.iter().cycle().skip(day * 37).take(60).enumerate() {
        store
            .add_contact(&ContactDetails {
                student_id: child.id,
                guardian_id: None,
                happened_on: today,
                method: ContactMethod::Phone,
                initiated_by: Initiator::Teacher,
                kind: ContactKind::Positive,
                summary: format!("Day {day}: told the family about today's reading ({n})"),
                outcome: String::new(),
                reached: true,
                follow_up_on: None,
                follow_up_done: false,
                sensitive: false,
            })
            .expect("contact");
        store
            .add_praise(&PraiseDetails {
                student_id: child.id,
                noticed_on: today,
                category: PraiseCategory::Helped,
                note: format!("Helped a classmate ({day}/{n})"),
                call_queued: n % 3 == 0,
            })
            .expect("praise");
        changes += 2;
        if n % 2 == 0 {
            let goals = store.goals_of(child.id, today).expect("goals");
            if let Some(goal) = goals.first() {
                store
                    .add_check_in(&CheckInDetails {
                        goal_id: goal.goal.id,
                        on_date: today,
                        value: 40.0 + n as f64,
                        note: String::new(),
                    })
                    .expect("check-in");
                let mut details = goal.goal.details.clone();
                details.steps = format!("Practice reading aloud, day {day}");
                store.update_goal(goal.goal.id, &details).expect("goal");
                changes += 2;
            }
        }
        if n % 3 == 0 {
            let mut details = store.student(child.id).expect("child").details;
            details.notes = format!("Noted on day {day}");
            store.update_student(child.id, &details).expect("child");
            changes += 1;
        }
    }
    changes
}

fn pair(label: &str, passphrase: Option<&str>, source: &std::path::Path, today: NaiveDate) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("sync");
    std::fs::create_dir(&folder).expect("folder");
    let school_path = dir.path().join("school.sqlite3");
    std::fs::copy(source, &school_path).expect("copy");
    let mut school = Store::open(&school_path).expect("open");
    if let Some(passphrase) = passphrase {
        school.protect(passphrase).expect("protect");
    }
    let now = |minute: i64| -> DateTime<Utc> { Utc::now() + chrono::Duration::minutes(minute) };
    let (_, started) = time(|| school.start_sync(&folder, now(0)).expect("start"));
    let size = std::fs::metadata(rapport::sync::first_copy_path(&folder)).map_or(0, |m| m.len());
    println!(
        "{label}: first full copy (and this computer's snapshot): {:.0} ms, {:.1} MB",
        ms(started),
        size as f64 / 1e6
    );
    let mut home = Store::open(dir.path().join("home.sqlite3")).expect("home");
    let (_, joined) =
        time(|| uses::open_from_sync_folder(&mut home, &folder, passphrase, now(1)).expect("join"));
    println!(
        "{label}: opened on the other computer (copy, snapshot, first sync): {:.0} ms",
        ms(joined)
    );
    let class = school
        .classes()
        .expect("classes")
        .iter()
        .find(|c| !c.archived)
        .expect("a class")
        .id;
    let (mut sends, mut receives, mut totals) = (Vec::new(), Vec::new(), Vec::new());
    let mut changes = 0;
    for day in 0..DAYS {
        changes = school_day(&school, class, day, today);
        let (sent, send) = time(|| school.sync(now(10 + day as i64 * 2)).expect("send"));
        let (received, receive) = time(|| home.sync(now(11 + day as i64 * 2)).expect("receive"));
        assert_eq!(sent.sent, received.received);
        sends.push(send);
        receives.push(receive);
        totals.push(send + receive);
    }
    let (_, quiet) = time(|| home.sync(now(100)).expect("quiet"));
    println!(
        "{label}: a school day ({changes} changes) end to end: median {:.0} ms (send {:.0} ms, receive and apply {:.0} ms), {DAYS} days",
        ms(median(totals)),
        ms(median(sends)),
        ms(median(receives))
    );
    println!("{label}: a sync with nothing new: {:.0} ms", ms(quiet));
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("large.sqlite3");
    {
        let mut store = Store::open(&path).expect("open");
        demo::load_large_record(&mut store, today, STUDENTS, YEARS).expect("demo record");
    }
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!(
        "record: {YEARS} years x {STUDENTS} children, {:.1} MB",
        size as f64 / 1e6
    );
    pair("large, plain", None, &path, today);
    pair(
        "large, protected",
        Some("a long bench passphrase"),
        &path,
        today,
    );
    let demo_path = dir.path().join("demo.sqlite3");
    {
        let mut store = Store::open(&demo_path).expect("open");
        demo::load_demo_class(&mut store, today).expect("demo class");
    }
    pair("demo class, plain", None, &demo_path, today);
    pair(
        "demo class, protected",
        Some("a long bench passphrase"),
        &demo_path,
        today,
    );
}
