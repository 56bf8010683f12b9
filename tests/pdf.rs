//! Printed documents checked with real tools: `qpdf --check`, `pdftotext` (every name exactly, in
//! every script), `pdffonts` (embedded subset fonts with Unicode maps) and `pdfinfo` (pages, paper,
//! metadata). These tools come from poppler-utils and qpdf, which `make test` installs; the tests
//! fail, not skip, without them.

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use rapport::model::Id;
use rapport::packet::{questionnaire::questionnaire, Paper};
use rapport::{demo, Store};

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(name)
        .args(args)
        .arg(pdf)
        .args(if name == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{name} is needed for the PDF checks (apt install poppler-utils qpdf): {e}")
        });
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{name} failed on {}: {text}{}",
        pdf.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    text
}

/// pdftotext marks right-to-left runs with bidi embedding characters; the words are what count.
fn plain(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')).collect()
}

struct Printed {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    missing: Vec<char>,
}

fn demo_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
    demo::load_demo_class(&mut store, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()).unwrap();
    (dir, store)
}

fn print(store: &Store, student: Id, guardian: Option<Id>, paper: Paper) -> Printed {
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap();
    let printed = questionnaire(store, student, guardian, paper, now).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("questionnaire.pdf");
    std::fs::write(&path, &printed.bytes).unwrap();
    Printed {
        _dir: dir,
        path,
        missing: printed.missing_characters,
    }
}

fn student(store: &Store, name: &str) -> Id {
    let class = store.settings().unwrap().current_class_id.unwrap();
    store
        .students(class)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == name)
        .expect(name)
        .id
}

#[test]
fn the_questionnaire_prints_every_childs_name_exactly_in_every_script() {
    let (_dir, store) = demo_store();
    for name in [
        "José Núñez",
        "Nguyễn Thị Hương",
        "王小明",
        "يوسف حداد",
        "Анна Петрова",
    ] {
        let id = student(&store, name);
        let pdf = print(&store, id, None, Paper::Letter);
        assert!(pdf.missing.is_empty(), "{name}: {:?}", pdf.missing);
        assert!(
            tool("qpdf", &["--check"], &pdf.path).contains("No syntax or stream encoding errors")
        );
        let text = plain(&tool("pdftotext", &[], &pdf.path));
        assert!(text.contains(name), "{name} not found in:\n{text}");
        for guardian in store.student_record(id).unwrap().guardians {
            let guardian = &guardian.guardian.details;
            assert_eq!(
                text.contains(&guardian.name),
                guardian.may_contact,
                "{}",
                guardian.name
            );
        }
        let fonts = tool("pdffonts", &[], &pdf.path);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let n = columns.len();
            assert_eq!(
                &columns[n - 5..n - 2],
                ["yes", "yes", "yes"],
                "embedded, subset, Unicode map: {row}"
            );
            assert!(columns[0].contains('+'), "a subset font name: {row}");
        }
    }
}

#[test]
fn a_spanish_speaking_family_gets_the_questionnaire_in_spanish() {
    let (_dir, store) = demo_store();
    let jose = student(&store, "José Núñez");
    let text = tool(
        "pdftotext",
        &[],
        &print(&store, jose, None, Paper::Letter).path,
    );
    assert!(text.contains("Cuéntenos sobre José Núñez"));
    for seed in rapport::questions::SEED_QUESTIONS {
        let spanish = rapport::i18n::handout("es").question(seed.key).unwrap();
        let opening: String = spanish
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&opening),
            "{opening}"
        );
    }
    assert!(text.contains("Gracias por ayudarnos a conocer a José Núñez."));
    assert!(text.contains("Maple Grove Elementary"));
}

#[test]
fn each_guardian_gets_a_copy_with_its_own_page_numbers() {
    let (_dir, store) = demo_store();
    let jose = student(&store, "José Núñez");
    let both = print(&store, jose, None, Paper::Letter);
    let info = tool("pdfinfo", &[], &both.path);
    let pages: usize = info.lines().find(|l| l.starts_with("Pages:")).unwrap()[6..]
        .trim()
        .parse()
        .unwrap();
    let text = tool("pdftotext", &[], &both.path);
    assert_eq!(text.matches("Page 1 of").count(), 2, "two copies");
    assert_eq!(pages % 2, 0);
    assert!(text.contains(&format!("Page {} of {}", pages / 2, pages / 2)));

    let guardian = store.student_record(jose).unwrap().guardians[0].guardian.id;
    let one = print(&store, jose, Some(guardian), Paper::Letter);
    assert_eq!(
        tool("pdftotext", &[], &one.path)
            .matches("Page 1 of")
            .count(),
        1
    );
}

#[test]
fn letter_and_a4_have_their_own_paper_size_and_the_metadata_is_set() {
    let (_dir, store) = demo_store();
    let jose = student(&store, "José Núñez");
    let letter = tool(
        "pdfinfo",
        &[],
        &print(&store, jose, None, Paper::Letter).path,
    );
    assert!(letter.contains("612 x 792 pts (letter)"), "{letter}");
    let a4 = tool("pdfinfo", &[], &print(&store, jose, None, Paper::A4).path);
    assert!(a4.contains("595.28 x 841.89 pts (A4)"), "{a4}");
    assert!(a4.contains("Family questionnaire — José Núñez"));
    assert!(a4.contains("Jordan Rivera"));
    assert!(a4.contains("2026"), "a real creation date, not 1970: {a4}");
}

#[test]
fn no_questionnaire_is_printed_for_a_guardian_who_must_not_be_contacted() {
    let (_dir, store) = demo_store();
    let anna = student(&store, "Анна Петрова");
    let barred = store
        .student_record(anna)
        .unwrap()
        .guardians
        .into_iter()
        .find(|g| !g.guardian.details.may_contact)
        .unwrap()
        .guardian
        .id;
    let now = Utc::now();
    let error = questionnaire(&store, anna, Some(barred), Paper::Letter, now).unwrap_err();
    assert_eq!(error.code(), "conflict");
    assert!(error.to_string().contains("must not be contacted"));
}
