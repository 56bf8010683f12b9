//! A sync killed (SIGKILL) while it applies the other computer's change files leaves the record
//! exactly as it was before the file it was applying: one whole file more or less, never part of
//! one. Reopened, it finishes the sync and ends like the other computer.
//!
//! The child is this test binary, started with `RAPPORT_SYNC_CRASH_CHILD` set to the record.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rapport::model::*;
use rapport::Store;

use crate::support::day;
use crate::sync::{at, first, join, record_of};

const CHILD_ENV: &str = "RAPPORT_SYNC_CRASH_CHILD";
/// Change files the other computer writes, and contacts in each.
const FILES: usize = 6;
const CONTACTS: usize = 60;

#[test]
fn sync_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(Path::new(&path)).unwrap();
    println!("ready");
    store.sync(at(500)).unwrap();
    println!("done");
}

#[test]
fn a_sync_killed_mid_apply_leaves_the_record_as_before_that_file() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let mut school = first(folder.path());
    let crate::sync::Computer {
        _dir: _home_dir,
        store: home,
    } = join(folder.path(), None);
    let home_path = home.path().to_path_buf();
    drop(home);
    let class = school.store.classes().unwrap()[0].id;
    let children: Vec<Id> = school
        .store
        .students(class)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    // The record after each file: what home must look like whenever it is stopped.
    let mut states = vec![record_of(&school.store)];
    for file in 0..FILES {
        for n in 0..CONTACTS {
            school
                .store
                .add_contact(&ContactDetails {
                    student_id: children[n % children.len()],
                    guardian_id: None,
                    happened_on: day("2026-11-24"),
                    method: ContactMethod::Phone,
                    initiated_by: Initiator::Teacher,
                    kind: ContactKind::Information,
                    summary: format!("File {file}, call {n}"),
                    outcome: String::new(),
                    reached: true,
                    follow_up_on: None,
                    follow_up_done: false,
                    sensitive: false,
                })
                .unwrap();
        }
        school.store.sync(at(10 + file as i64)).unwrap();
        states.push(record_of(&school.store));
    }
    let pristine = std::fs::read(&home_path).unwrap();
    let base = rapport::store::sync::base_path(&home_path);
    let pristine_base = std::fs::read(&base).unwrap();
    // How long a whole sync takes here, to kill within it.
    let whole = run_child(&home_path, None);
    let runs: u64 = std::env::var("RAPPORT_CRASH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(12);
    let mut mid = 0;
    for run in 0..runs {
        std::fs::write(&home_path, &pristine).unwrap();
        std::fs::write(&base, &pristine_base).unwrap();
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{side}", home_path.display()));
        }
        let delay = whole.mul_f64((run as f64 + 0.5) / runs as f64);
        run_child(&home_path, Some(delay));
        let store = Store::open(&home_path).unwrap();
        assert!(store.check().unwrap().is_healthy());
        let now = record_of(&store);
        let at_file = states.iter().position(|s| *s == now);
        assert!(
            at_file.is_some(),
            "run {run}: the record is between two files"
        );
        if !matches!(at_file, Some(0) | Some(FILES)) {
            mid += 1;
        }
        // Reopened, the sync finishes.
        let mut store = store;
        let report = store.sync(at(600)).unwrap();
        assert!(report.refused.is_empty());
        assert_eq!(record_of(&store), states[FILES], "run {run}");
    }
    eprintln!("{runs} kills, {mid} between files; each left whole files only");
    assert!(
        mid > 0,
        "some kills landed between the first and the last file"
    );
}

/// Runs the child on the record; with `kill_after`, kills it that long after it is ready.
/// Returns how long it ran.
fn run_child(path: &Path, kill_after: Option<Duration>) -> Duration {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "sync_crash::sync_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(Ok(line)) = lines.next() {
        if line.contains("ready") {
            break;
        }
    }
    let started = Instant::now();
    match kill_after {
        Some(delay) => {
            std::thread::sleep(delay);
            let _ = child.kill();
        }
        None => {
            for line in lines.by_ref() {
                if line.map(|l| l.contains("done")).unwrap_or(false) {
                    break;
                }
            }
        }
    }
    child.wait().unwrap();
    started.elapsed()
}
