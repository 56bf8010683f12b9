//! The contact-log report: the PDF read with `pdftotext` and checked with `qpdf`, the CSV read
//! back by the `csv` crate and by Python's csv module with formula cells neutralised, private
//! entries only when asked for, and the date range kept.

use std::process::Command;

use chrono::Utc;
use rapport::model::*;
use rapport::uses::{self, LogOf};
use rapport::Store;

use crate::support::day;

fn record() -> (tempfile::TempDir, Store, Id, Id) {
    let (dir, store, class, jose) = crate::support::demo_with_jose();
    for (summary, sensitive, on) in [
        ("=HYPERLINK(\"evil\") said the form", false, "2026-11-20"),
        ("Mother mentioned the night shift", false, "2026-11-21"),
        ("PRIVATE custody arrangement", true, "2026-11-22"),
    ] {
        store
            .add_contact(&ContactDetails {
                student_id: jose,
                guardian_id: None,
                happened_on: day(on),
                method: ContactMethod::Phone,
                initiated_by: Initiator::Family,
                kind: ContactKind::Information,
                summary: summary.into(),
                outcome: "-5 minutes of recess, agreed".into(),
                reached: true,
                follow_up_on: Some(day("2026-12-01")),
                follow_up_done: false,
                sensitive,
            })
            .unwrap();
    }
    (dir, store, class, jose)
}

fn pdftotext(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    // A table cell wraps over lines: the words are what count.
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_pdf_has_every_contact_and_concern_and_private_ones_only_when_asked() {
    let (dir, store, class, jose) = record();
    let log = uses::contact_log(
        &store,
        LogOf::Student(jose),
        Some(day("2026-08-01")),
        None,
        false,
    )
    .unwrap();
    let pdf = dir.path().join("jose.pdf");
    std::fs::write(
        &pdf,
        uses::contact_log_file(&store, &log, false, Utc::now()).unwrap(),
    )
    .unwrap();
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let text = pdftotext(&pdf);
    assert!(text.contains("Contact log: José Núñez"));
    assert!(text.contains("Mother mentioned the night shift"));
    assert!(text.contains("family started it"));
    assert!(text.contains("due 2026-12-01, not done yet"));
    assert!(!text.contains("custody"), "a private contact is left out");
    let with_private = uses::contact_log(&store, LogOf::Student(jose), None, None, true).unwrap();
    std::fs::write(
        &pdf,
        uses::contact_log_file(&store, &with_private, false, Utc::now()).unwrap(),
    )
    .unwrap();
    let text = pdftotext(&pdf);
    assert!(text.contains("(private) PRIVATE custody arrangement"));

    // A class: every child has a heading; a range leaves out what is outside it.
    let november = uses::contact_log(
        &store,
        LogOf::Class(class),
        Some(day("2026-11-21")),
        Some(day("2026-11-30")),
        false,
    )
    .unwrap();
    assert_eq!(
        november.children.len(),
        store.students(class).unwrap().len()
    );
    let jose_log = november
        .children
        .iter()
        .find(|c| c.name == "José Núñez")
        .unwrap();
    assert_eq!(jose_log.contacts.len(), 1);
    assert_eq!(
        jose_log.contacts[0].said,
        "Mother mentioned the night shift"
    );
    let swapped = uses::contact_log(
        &store,
        LogOf::Class(class),
        Some(day("2026-11-30")),
        Some(day("2026-11-01")),
        false,
    );
    assert_eq!(swapped.unwrap_err().code(), "conflict");
}

#[test]
fn the_csv_reads_back_in_two_csv_readers_with_formulas_neutralised() {
    let (dir, store, class, _) = record();
    let log = uses::contact_log(&store, LogOf::Class(class), None, None, false).unwrap();
    let bytes = uses::contact_log_file(&store, &log, true, Utc::now()).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "Child");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let entries: usize = log
        .children
        .iter()
        .map(|c| c.contacts.len() + c.concerns.len())
        .sum();
    assert_eq!(rows.len(), entries);
    let said = headers
        .iter()
        .position(|h| h == "What was said or seen")
        .unwrap();
    let agreed = headers.iter().position(|h| h == "What was agreed").unwrap();
    let formula = rows.iter().find(|r| r[said].contains("HYPERLINK")).unwrap();
    assert!(formula[said].starts_with("'="), "{}", &formula[said]);
    assert!(formula[agreed].starts_with("'-5"), "{}", &formula[agreed]);
    assert!(rows
        .iter()
        .any(|r| &r[0] == "José Núñez" && r[said].contains("night shift")));
    assert!(!rows.iter().any(|r| r[said].contains("custody")));
    assert!(
        rows.iter().any(|r| &r[2] == "Concern"),
        "the demo's concerns are in it"
    );

    // Python's csv module reads the same cells.
    let path = dir.path().join("class.csv");
    std::fs::write(&path, &bytes).unwrap();
    let script = "import csv,sys\nrows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\nprint(len(rows)-1)\nprint(next(r[9] for r in rows if 'HYPERLINK' in r[9]))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = String::from_utf8_lossy(&out.stdout);
    let mut lines = printed.lines();
    assert_eq!(lines.next().unwrap(), entries.to_string());
    assert!(lines.next().unwrap().starts_with("'=HYPERLINK"));
}
