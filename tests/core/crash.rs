//! Crash safety, for real: a child process writes to a record in a loop (single transactions, and
//! roster imports of 150 children with their guardians, all or nothing) and is killed with SIGKILL at random moments, again
//! and again. After every kill the record passes `PRAGMA integrity_check`, every write whose commit
//! returned is there, and no batch is half-written.
//!
//! The same runs on a record protected by a passphrase (SQLCipher): its encrypted pages and
//! journal must be just as safe.
//!
//! The child is this same test binary, started with `RAPPORT_CRASH_WRITER` set (and
//! `RAPPORT_CRASH_PASSPHRASE` for a protected record). Runs: 60 plain and 30 protected, or
//! `RAPPORT_CRASH_RUNS` each (fewer for a quick check).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rapport::model::{
    ClassDetails, ContactDetails, ContactKind, ContactMethod, Id, Initiator, StudentDetails,
};
use rapport::roster::{ClassTarget, Roster, RosterGuardian, RosterStudent};
use rapport::Store;

const WRITER_ENV: &str = "RAPPORT_CRASH_WRITER";
const PASSPHRASE_ENV: &str = "RAPPORT_CRASH_PASSPHRASE";
const PASSPHRASE: &str = "crash test passphrase";
/// Children in one all-or-nothing batch.
const BATCH: usize = 150;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

/// The writer: runs only in the child process. Prints `contact ID` after each committed contact
/// and `batch N` after each committed batch, flushing each line, so the parent knows what was
/// committed before it killed us. It says `ready` once the record is open (unlocking takes a
/// moment), and the parent's clock starts then.
#[test]
fn writer_child() {
    let Some(path) = std::env::var_os(WRITER_ENV) else {
        return;
    };
    let mut store = open(
        Path::new(&path),
        std::env::var(PASSPHRASE_ENV).ok().as_deref(),
    );
    let class_id = store.classes().unwrap()[0].id;
    let student_id = store
        .students(class_id)
        .unwrap()
        .iter()
        .find(|s| s.family_name == "Diallo")
        .unwrap()
        .id;
    let out = std::io::stdout();
    let mut batch = store
        .students(class_id)
        .unwrap()
        .iter()
        .filter(|s| s.family_name.starts_with("Batch"))
        .count()
        / BATCH;
    use std::io::Write;
    writeln!(out.lock(), "ready").unwrap();
    out.lock().flush().unwrap();
    for round in 0.. {
        if round % 25 == 24 {
            // A big import: a roster of BATCH children with a guardian each, all or nothing.
            batch += 1;
            writeln!(out.lock(), "importing {batch}").unwrap();
            out.lock().flush().unwrap();
            let roster = Roster {
                class_name: None,
                source: None,
                grade: "3".into(),
                students: (0..BATCH)
                    .map(|n| RosterStudent {
                        school_id: Some(format!("B{batch}-{n}")),
                        given_name: format!("Child {n}"),
                        family_name: format!("Batch {batch}"),
                        guardians: vec![RosterGuardian {
                            name: format!("Guardian {batch}-{n}"),
                            phone: format!("555-{n:04}"),
                            ..Default::default()
                        }],
                        source: format!("roster.csv row {}", n + 2),
                        ..Default::default()
                    })
                    .collect(),
            };
            store
                .import_roster(&roster, &ClassTarget::Named("Room 12".into()), day(), false)
                .unwrap();
            writeln!(out.lock(), "batch {batch}").unwrap();
        } else {
            let contact = store
                .add_contact(&ContactDetails {
                    student_id,
                    guardian_id: None,
                    happened_on: day(),
                    method: ContactMethod::Phone,
                    initiated_by: Initiator::Teacher,
                    kind: ContactKind::Positive,
                    summary: format!("Call {round}"),
                    outcome: String::new(),
                    reached: true,
                    follow_up_on: None,
                    follow_up_done: false,
                    sensitive: false,
                })
                .unwrap();
            writeln!(out.lock(), "contact {}", contact.id).unwrap();
        }
        out.lock().flush().unwrap();
    }
}

/// A tiny deterministic generator for kill delays (no dependency needed for this).
struct Dice(u64);

impl Dice {
    fn between(&mut self, low: u64, high: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        low + (self.0 >> 33) % (high - low)
    }
}

/// The record, unlocked with `passphrase` when it is protected.
fn open(path: &Path, passphrase: Option<&str>) -> Store {
    match passphrase {
        Some(passphrase) => Store::unlock(path, passphrase).unwrap(),
        None => Store::open(path).unwrap(),
    }
}

#[test]
fn a_record_survives_being_killed_mid_write_again_and_again() {
    survives_kills(None, 60);
}

#[test]
fn a_protected_record_survives_being_killed_mid_write_again_and_again() {
    survives_kills(Some(PASSPHRASE), 30);
}

fn survives_kills(passphrase: Option<&str>, default_runs: usize) {
    if std::env::var_os(WRITER_ENV).is_some() {
        return;
    }
    let runs: usize = std::env::var("RAPPORT_CRASH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(default_runs);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        if let Some(passphrase) = passphrase {
            store.protect(passphrase).unwrap();
        }
        let class = store
            .start_class(
                &ClassDetails {
                    name: "Room 12".into(),
                    ..Default::default()
                },
                day(),
            )
            .unwrap();
        store
            .add_student(&StudentDetails {
                class_id: class.id,
                given_name: "Amani".into(),
                family_name: "Diallo".into(),
                ..Default::default()
            })
            .unwrap();
    }
    let mut dice = Dice(0x5eed);
    let mut committed_contacts: Vec<Id> = Vec::new();
    let mut committed_batches = 0usize;
    let mut killed_mid_import = 0usize;
    let started = Instant::now();
    for run in 0..runs {
        let mut writer = Command::new(std::env::current_exe().unwrap());
        writer
            .args([
                "--exact",
                "crash::writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(WRITER_ENV, &path)
            .env_remove(PASSPHRASE_ENV)
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some(passphrase) = passphrase {
            writer.env(PASSPHRASE_ENV, passphrase);
        }
        let mut child = writer.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (ready_tx, ready) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                // libtest prints "test crash::writer_child ... " on the same line first.
                if line.ends_with("ready") {
                    let _ = ready_tx.send(());
                }
                lines.push(line);
            }
            lines
        });
        // A protected record takes a moment (the passphrase is stretched) to open: its clock
        // starts once it is open, so the kills land in its writes and not in its unlocking.
        let delay = match passphrase {
            Some(_) => {
                let _ = ready.recv_timeout(Duration::from_secs(20));
                dice.between(20, 200)
            }
            None => dice.between(30, 400),
        };
        std::thread::sleep(Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL: no destructors, no flush, no checkpoint.
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        if lines.last().is_some_and(|l| l.starts_with("importing ")) {
            killed_mid_import += 1;
        }
        for line in lines {
            if let Some(id) = line.strip_prefix("contact ") {
                committed_contacts.push(id.parse().unwrap());
            } else if let Some(n) = line.strip_prefix("batch ") {
                committed_batches = committed_batches.max(n.parse().unwrap());
            }
        }

        let store = open(&path, passphrase);
        let health = store.check().unwrap();
        assert!(health.is_healthy(), "run {run}: {:?}", health.integrity);
        let class_id = store.classes().unwrap()[0].id;
        let amani = store.students(class_id).unwrap();
        let student_id = amani.iter().find(|s| s.family_name == "Diallo").unwrap().id;
        let contacts: Vec<Id> = store
            .contacts_of(student_id)
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        if std::env::var_os("RAPPORT_CRASH_DEBUG").is_some() {
            eprintln!(
                "run {run}: committed {} (last {:?}), in the record {} (max {:?})",
                committed_contacts.len(),
                committed_contacts.last(),
                contacts.len(),
                contacts.iter().max()
            );
        }
        for id in &committed_contacts {
            assert!(
                contacts.contains(id),
                "run {run}: committed contact {id} is gone"
            );
        }
        // Every batch is all there or not there at all; every committed one is there.
        let mut sizes = std::collections::BTreeMap::new();
        for s in amani.iter().filter(|s| s.family_name.starts_with("Batch")) {
            *sizes.entry(s.family_name.clone()).or_insert(0usize) += 1;
        }
        for (name, size) in &sizes {
            assert_eq!(*size, BATCH, "run {run}: {name} is half-written");
        }
        let guardians = store
            .all_guardians()
            .unwrap()
            .iter()
            .filter(|g| g.guardian.details.name.starts_with("Guardian "))
            .count();
        assert_eq!(
            guardians,
            sizes.len() * BATCH,
            "run {run}: guardians of a half import"
        );
        assert!(
            sizes.len() >= committed_batches,
            "run {run}: a committed batch is gone"
        );
    }
    println!(
        "{} record: {runs} kills in {:.1} s ({killed_mid_import} in the middle of an import): {} committed contacts and {committed_batches} imports of {BATCH} all present, none half-written, integrity ok every time",
        if passphrase.is_some() { "protected" } else { "plain" },
        started.elapsed().as_secs_f64(),
        committed_contacts.len()
    );
    assert!(
        committed_contacts.len() > runs,
        "the writer should commit work between kills"
    );
}
