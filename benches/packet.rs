//! How fast the conference packets print, release build: one child's packet, the demo class of 30
//! in one PDF, and bigger classes to show time and memory per child stay flat. Run with
//! `make bench` (`cargo bench -p rapport --bench packet`). Prints figures; asserts nothing.

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use rapport::packet::{fonts::fonts, Paper};
use rapport::uses::{self, Document};
use rapport::{demo, Store};

const RUNS: usize = 30;

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// A line of /proc/self/status in MB (Linux; 0 elsewhere): `VmRSS` now, `VmHWM` the peak.
fn status_mb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Starts measuring the peak resident memory afresh (Linux: writing 5 to clear_refs resets VmHWM).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 15, 0, 0).unwrap();
    if let Some(size) = std::env::var(CLASS_ENV).ok().and_then(|s| s.parse().ok()) {
        generated_class(size, today, now);
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");

    let started = Instant::now();
    let _ = fonts();
    let shaping = started.elapsed().as_secs_f64() * 1000.0;
    for face in &fonts().faces {
        let _ = face.parsed();
    }
    println!(
        "fonts read once per process:                 {shaping:>7.2} ms for shaping, {:.2} ms with every face parsed for embedding",
        started.elapsed().as_secs_f64() * 1000.0
    );

    let mut store = Store::open(dir.path().join("demo.sqlite3")).expect("open");
    demo::load_demo_class(&mut store, today).expect("demo class");
    let class_id = store
        .settings()
        .expect("settings")
        .current_class_id
        .expect("a class");
    let students = store.students(class_id).expect("students");

    for paper in [Paper::Letter, Paper::A4] {
        let times: Vec<Duration> = (0..RUNS)
            .map(|i| {
                let id = students[i % students.len()].id;
                let started = Instant::now();
                uses::print(&store, Document::Packet(id), Some(paper), today, now)
                    .map(|d| d.printed)
                    .expect("packet");
                started.elapsed()
            })
            .collect();
        println!(
            "one packet ({paper:?}), median of {RUNS} children:   {:>7.2} ms",
            median(times)
        );
    }
    let mut class_times = Vec::new();
    let mut class_pdf = Vec::new();
    let mut page_count = 1;
    for _ in 0..10 {
        let started = Instant::now();
        let printed = uses::print(
            &store,
            Document::ClassPackets(class_id),
            Some(Paper::Letter),
            today,
            now,
        )
        .map(|d| d.printed)
        .expect("class packet");
        class_times.push(started.elapsed());
        page_count = printed.pages.max(1);
        class_pdf = printed.bytes;
    }
    println!(
        "demo class of {} in one PDF, median of 10:   {:>7.2} ms; {} KB, {} pages, {:.1} KB per page",
        students.len(),
        median(class_times),
        class_pdf.len() / 1024,
        page_count,
        class_pdf.len() as f64 / 1024.0 / page_count as f64
    );

    // The handoff file of the class, as a plain record writes it and as a protected one does
    // (encrypted under a one-time passphrase: Argon2id 64 MiB x 3 is most of that time).
    let plain =
        uses::handoff_file(&store, &uses::HandOver::Class(class_id), today).expect("handoff");
    let started = Instant::now();
    let handoff = store
        .handoff(&students.iter().map(|s| s.id).collect::<Vec<_>>(), today)
        .expect("handoff");
    let passphrase = rapport::handoff::file::OneTimePassphrase::random();
    let sealed = rapport::handoff::file::seal(&handoff, Some(&passphrase)).expect("sealed");
    println!(
        "handoff file of the demo class of {}:          {} KB plain, {} KB encrypted ({:.0} ms)",
        students.len(),
        plain.bytes.len().div_ceil(1024),
        sealed.len().div_ceil(1024),
        started.elapsed().as_secs_f64() * 1000.0
    );

    // Bigger classes: time per child and memory should not grow with the class. Each size runs in
    // a fresh process (this bench again), so memory freed by an earlier run cannot hide a peak.
    for size in [30, 100, 300] {
        let output = std::process::Command::new(std::env::current_exe().expect("this bench"))
            .env(CLASS_ENV, size.to_string())
            .output()
            .expect("the bench's own process");
        print!("{}", String::from_utf8_lossy(&output.stdout));
    }
}

/// Set to a class size, the bench prints one generated class of that size and nothing else.
const CLASS_ENV: &str = "RAPPORT_BENCH_CLASS";

fn generated_class(size: usize, today: NaiveDate, now: chrono::DateTime<Utc>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(format!("class-{size}.sqlite3"));
    let mut store = Store::open(&path).expect("open");
    let summary = demo::load_large_record(&mut store, today, size, 1).expect("large class");
    let _ = fonts();
    reset_peak();
    let before = status_mb("VmRSS:");
    let started = Instant::now();
    let pdf = uses::print(
        &store,
        Document::ClassPackets(summary.class_id),
        Some(Paper::Letter),
        today,
        now,
    )
    .map(|d| d.printed)
    .expect("class packet")
    .bytes;
    let took = started.elapsed().as_secs_f64() * 1000.0;
    let peak = status_mb("VmHWM:") - before;
    println!(
        "generated class of {size:>3}: {took:>8.1} ms ({:.2} ms per child), {} KB, peak memory +{peak:.1} MB ({:.0} KB per child)",
        took / size as f64,
        pdf.len() / 1024,
        peak * 1024.0 / size as f64
    );
}
