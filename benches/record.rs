//! How fast the record answers the screens a teacher opens most, on a large record: ten school
//! years of 300 children each (`rapport demo --students 300 --years 10`). Run with `make bench`
//! (`cargo bench -p rapport --bench record`). Prints timings; asserts nothing.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rapport::{demo, insights, Store};

const STUDENTS: usize = 300;
const YEARS: usize = 10;
const RUNS: usize = 50;

fn summary(label: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label:<44} median {:>7.2} ms   p95 {:>7.2} ms   max {:>7.2} ms   ({} runs)",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(*times.last().unwrap()),
        times.len()
    );
}

fn time<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = work();
    (value, started.elapsed())
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("bench.sqlite3");
    let (summary_, built) = time(|| {
        let mut store = Store::open(&path).expect("open");
        demo::load_large_record(&mut store, today, STUDENTS, YEARS).expect("demo record")
    });
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "record: {YEARS} years x {STUDENTS} students = {} students, {} guardians; built in {:.2} s; {:.1} MB",
        summary_.students,
        summary_.guardians,
        built.as_secs_f64(),
        size as f64 / 1e6
    );

    let (store, opened) = time(|| Store::open(&path).expect("reopen"));
    println!(
        "open the record (pragmas, schema check):      {:.2} ms",
        opened.as_secs_f64() * 1000.0
    );
    let class_id = summary_.class_id;
    let plain = screens(&store, class_id, today);
    let (_, exported) =
        time(|| serde_json::to_vec(&store.export().expect("export")).expect("json"));
    println!(
        "export the whole record as JSON:              {:.1} ms",
        exported.as_secs_f64() * 1000.0
    );
    let plain_backup = backups(&store, &dir.path().join("plain"));
    tools(&store, class_id, today);

    // The same record protected by a passphrase (SQLCipher): what it costs.
    println!("\nprotected by a passphrase:");
    let mut store = store;
    let (_, protected_in) = time(|| store.protect(PASSPHRASE).expect("protect"));
    println!(
        "protect the record and its backups:           {:.0} ms",
        protected_in.as_secs_f64() * 1000.0
    );
    drop(store);
    let unlocks: Vec<Duration> = (0..5)
        .map(|_| time(|| Store::unlock(&path, PASSPHRASE).expect("unlock")).1)
        .collect();
    summary("unlock (Argon2id 64 MiB x 3, then open)", unlocks);
    let store = Store::unlock(&path, PASSPHRASE).expect("unlock");
    let protected = screens(&store, class_id, today);
    let protected_backup = backups(&store, &dir.path().join("protected"));
    let slower = |p: Duration, q: Duration| (p.as_secs_f64() / q.as_secs_f64() - 1.0) * 100.0;
    println!(
        "\nprotected vs plain (medians): Today {:+.0}%, student page {:+.0}%, backup {:+.0}%",
        slower(protected.today, plain.today),
        slower(protected.page, plain.page),
        slower(protected_backup, plain_backup)
    );
}

const PASSPHRASE: &str = "a passphrase for the benchmark";

/// The teacher's other tools on the current class of 300 over its school year: the contact-log
/// report (gathered and written, PDF and CSV) and the handoff file of the whole class.
fn tools(store: &Store, class_id: rapport::model::Id, today: NaiveDate) {
    use rapport::uses::{self, HandOver, LogOf};
    let now = chrono::Utc::now();
    for csv in [false, true] {
        let runs: Vec<(usize, Duration)> = (0..5)
            .map(|_| {
                let (bytes, took) = time(|| {
                    let log = uses::contact_log(store, LogOf::Class(class_id), None, None, false)
                        .expect("contact log");
                    uses::contact_log_file(store, &log, csv, now).expect("the report's file")
                });
                (bytes.len(), took)
            })
            .collect();
        let size = runs[0].0;
        summary(
            &format!(
                "contact log of the class, a year, {} ({} KB)",
                if csv { "CSV" } else { "PDF" },
                size / 1024
            ),
            runs.into_iter().map(|r| r.1).collect(),
        );
    }
    let runs: Vec<(usize, Duration)> = (0..5)
        .map(|_| {
            let (file, took) = time(|| {
                uses::handoff_file(store, &HandOver::Class(class_id), today).expect("handoff")
            });
            (file.bytes.len(), took)
        })
        .collect();
    let size = runs[0].0;
    summary(
        &format!("handoff file of the class of 300 ({} KB)", size / 1024),
        runs.into_iter().map(|r| r.1).collect(),
    );
}

/// The medians of the screens compared between a plain and a protected record.
struct Screens {
    today: Duration,
    page: Duration,
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Today, the student page and the student list, `RUNS` times each.
fn screens(store: &Store, class_id: rapport::model::Id, today: NaiveDate) -> Screens {
    let quiet_days = store.settings().expect("settings").quiet_days;
    let today_runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            time(|| {
                insights::today(
                    &store.class_activity(class_id).expect("activity"),
                    today,
                    quiet_days,
                )
            })
            .1
        })
        .collect();
    summary("Today (load class activity + compute)", today_runs.clone());
    let overview_runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            time(|| insights::class_overview(&store.class_records(class_id).expect("records"))).1
        })
        .collect();
    summary("Class overview (Today's head and reach)", overview_runs);

    let students = store.students(class_id).expect("students");
    let page_runs: Vec<Duration> = students
        .iter()
        .step_by((students.len() / RUNS).max(1))
        .take(RUNS)
        .map(|s| time(|| store.student_page(s.id, today).expect("page")).1)
        .collect();
    summary("Student page (everything on it)", page_runs.clone());

    let list_runs: Vec<Duration> = (0..RUNS)
        .map(|_| time(|| store.students(class_id).expect("list")).1)
        .collect();
    summary("Student list (300 children)", list_runs);

    // Search: words from the demo's notes, a name, a part of a word, accents left out.
    let queries = [
        "reading",
        "Núñez",
        "ght shi",
        "mama",
        "math homework",
        "turno",
    ];
    let search_runs: Vec<Duration> = (0..RUNS)
        .map(|n| {
            time(|| {
                store
                    .search(queries[n % queries.len()], 20)
                    .expect("search")
            })
            .1
        })
        .collect();
    summary("Search everything (20 results)", search_runs);
    Screens {
        today: median(today_runs),
        page: median(page_runs),
    }
}

/// A backup of the large record (VACUUM INTO, integrity check, fsync, rename), and a start-up
/// check that finds nothing changed, in `dir`. Returns the backup's time.
fn backups(store: &Store, dir: &std::path::Path) -> Duration {
    std::fs::create_dir_all(dir).expect("a folder for the backups");
    let target = dir.join("backup.sqlite3");
    let runs: Vec<(u64, Duration)> = (0..3)
        .map(|_| time(|| store.back_up_to(&target).expect("backup")))
        .collect();
    let bytes = runs[0].0;
    let took = median(runs.iter().map(|r| r.1).collect());
    println!(
        "back up the record (copy, check, fsync):      {:.1} ms, {:.1} MB (median of 3)",
        took.as_secs_f64() * 1000.0,
        bytes as f64 / 1e6
    );
    let folder = dir.join("backups");
    let now = chrono::Utc::now();
    rapport::backup::automatic(store, &folder, now).expect("first automatic backup");
    let (_, unchanged) = time(|| rapport::backup::automatic(store, &folder, now).expect("again"));
    println!(
        "start-up backup when nothing changed:         {:.1} ms",
        unchanged.as_secs_f64() * 1000.0
    );
    took
}
