//! Printed documents checked with real tools: `qpdf --check`, `pdftotext` (every name exactly, in
//! every script), `pdffonts` (embedded subset fonts with Unicode maps) and `pdfinfo` (pages, paper,
//! metadata). These tools come from poppler-utils and qpdf, which `make test` installs; the tests
//! fail, not skip, without them.

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, TimeZone, Utc};
use rapport::model::Id;
use rapport::packet::Paper;
use rapport::uses::{self, Document};
use rapport::{demo, Store};

pub(crate) fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
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
pub(crate) fn plain(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')).collect()
}

pub(crate) struct Printed {
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
    let printed = uses::print(
        store,
        Document::Questionnaire { student, guardian },
        Some(paper),
        now.date_naive(),
        now,
    )
    .map(|d| d.printed)
    .unwrap();
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
    // Page numbers are in each copy's language: "Page 1 of 3", "Página 1 de 3".
    let first_pages =
        |text: &str| text.matches("Page 1 of").count() + text.matches("Página 1 de").count();
    assert_eq!(first_pages(&text), 2, "two copies");
    assert_eq!(pages % 2, 0);
    let half = pages / 2;
    assert!(
        text.contains(&format!("Page {half} of {half}"))
            || text.contains(&format!("Página {half} de {half}"))
    );

    let guardian = store.student_record(jose).unwrap().guardians[0].guardian.id;
    let one = print(&store, jose, Some(guardian), Paper::Letter);
    assert_eq!(first_pages(&tool("pdftotext", &[], &one.path)), 1);
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
    let error = uses::print(
        &store,
        Document::Questionnaire {
            student: anna,
            guardian: Some(barred),
        },
        Some(Paper::Letter),
        now.date_naive(),
        now,
    )
    .map(|d| d.printed)
    .unwrap_err();
    assert_eq!(error.code(), "nothing_to_print");
    assert!(error.to_string().contains("must not be contacted"));
}

// ---- The conference packet, the introduction letter and the conference schedule ----

use crate::support::today;
use rapport::model::{
    AnswerDetails, CheckInDetails, ConcernDetails, ContactDetails, ContactKind, ContactMethod,
    GoalArea, GoalDetails, GoalStatus, Initiator, PraiseCategory, PraiseDetails,
};

const NAMES: [&str; 5] = [
    "José Núñez",
    "Nguyễn Thị Hương",
    "王小明",
    "يوسف حداد",
    "Анна Петрова",
];

/// Lays a document out as the app prints it, on `paper`, as of `today()` and `now()`.
pub(crate) fn lay_out(
    store: &Store,
    document: Document,
    paper: Paper,
) -> rapport::Result<rapport::packet::Printed> {
    uses::print(store, document, Some(paper), today(), now()).map(|d| d.printed)
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 24, 15, 30, 0).unwrap()
}

pub(crate) fn saved(printed: rapport::packet::Printed) -> (Printed, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, &printed.bytes).unwrap();
    (
        Printed {
            _dir: dir,
            path,
            missing: printed.missing_characters,
        },
        printed.pages,
    )
}

/// The checks every document passes: qpdf finds nothing wrong, every font is an embedded subset
/// with a Unicode map, the page count is what the layout made, and no character went missing.
/// Returns the text, bidi marks removed.
pub(crate) fn checked(pdf: &Printed, pages: usize) -> String {
    assert!(
        pdf.missing.is_empty(),
        "missing characters: {:?}",
        pdf.missing
    );
    assert!(tool("qpdf", &["--check"], &pdf.path).contains("No syntax or stream encoding errors"));
    let fonts = tool("pdffonts", &[], &pdf.path);
    for row in fonts.lines().skip(2) {
        let columns: Vec<&str> = row.split_whitespace().collect();
        let n = columns.len();
        assert_eq!(&columns[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
        assert!(columns[0].contains('+'), "a subset font name: {row}");
    }
    let info = tool("pdfinfo", &[], &pdf.path);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l[6..].trim() == pages.to_string()),
        "{pages} pages expected: {info}"
    );
    plain(&tool("pdftotext", &[], &pdf.path))
}

fn class_of(store: &Store) -> Id {
    store.settings().unwrap().current_class_id.unwrap()
}

#[test]
fn the_class_packet_has_every_child_in_every_script_each_numbered_on_their_own() {
    let (_dir, store) = demo_store();
    let class = class_of(&store);
    let students = store.students(class).unwrap().len();
    let printed = lay_out(&store, Document::ClassPackets(class), Paper::Letter).unwrap();
    assert!(
        printed.bytes.len() < 400 * 1024,
        "{} bytes",
        printed.bytes.len()
    );
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    for name in NAMES {
        assert!(text.contains(name), "{name}");
    }
    // Each child's pages are numbered on their own, in their family's language: "Page 1 of",
    // "Página 1 de", "1쪽"…, each counted once.
    let mut markers: Vec<String> = Vec::new();
    for code in rapport::i18n::handout_languages() {
        let text = rapport::i18n::handout(code);
        let page_of = &text.page_of;
        let (page, pages) = (
            page_of.find("{page}").unwrap(),
            page_of.find("{pages}").unwrap(),
        );
        let marker = if page < pages {
            page_of[..pages].replace("{page}", "1")
        } else {
            page_of[pages + "{pages}".len()..].replace("{page}", "1")
        };
        // Extraction may lose a space beside right-to-left words, and reads a right-to-left
        // footer in an English page's order: compared without spaces, both ways.
        markers.push(marker.split_whitespace().collect());
        if text.rtl {
            markers.push(marker.split_whitespace().rev().collect());
        }
    }
    markers.sort();
    markers.dedup();
    let squeezed: String = text.split_whitespace().collect();
    assert_eq!(
        markers
            .iter()
            .map(|m| squeezed.matches(m.as_str()).count())
            .sum::<usize>(),
        students,
        "one numbering per child"
    );
    for section in [
        "Starting with strengths",
        "What the family told us",
        "Goals we are working on",
        "Learning at home",
        "Our communication this year",
        "Next steps",
        "Notes from our conference",
    ] {
        // A heading beside its translation may wrap: read the words, not the lines.
        assert_eq!(words(&text).matches(section).count(), students, "{section}");
    }
    // Two signatures a child; a label beside its translation wraps under its line.
    assert_eq!(text.matches("signature").count(), students * 2);
    assert!(text.contains("Concerns we talked about"));
    // The table's header repeats with it, and the counts are the record's.
    assert!(text.contains("Kind of contact"));
}

#[test]
fn a_class_with_no_children_yet_prints_nothing_and_says_why() {
    let (_dir, store) = demo_store();
    let year = store.class(class_of(&store)).unwrap().school_year_id;
    let empty = store
        .add_class(
            year,
            &rapport::model::ClassDetails {
                name: "Grade 4 — Room 9".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let refused = lay_out(&store, Document::ClassPackets(empty.id), Paper::Letter);
    assert_eq!(
        refused.err().map(|e| e.to_string()).as_deref(),
        Some("Grade 4 — Room 9 has no students yet, so there are no packets to print.")
    );
}

#[test]
fn a_class_made_in_several_parts_is_one_file_with_each_childs_own_pages_in_order() {
    let (_dir, mut store) = crate::support::fresh();
    // More children than one part holds: three parts, the last a short one.
    let class = demo::load_large_record(&mut store, today(), 70, 1)
        .unwrap()
        .class_id;
    let printed = lay_out(&store, Document::ClassPackets(class), Paper::Letter).unwrap();
    let (pdf, pages) = saved(printed);
    let class_text = checked(&pdf, pages);
    // Each part subsets the fonts anew, and each subset has a name of its own.
    let fonts = tool("pdffonts", &[], &pdf.path);
    let names: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter_map(|row| row.split_whitespace().next())
        .collect();
    let mut distinct = names.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), names.len(), "{fonts}");
    assert!(names.len() > 8, "more than one part's fonts: {fonts}");
    // Page by page, the class's file reads as each child's own packet does, in class-list order.
    let mut expected = String::new();
    for child in store.students(class).unwrap() {
        let own = lay_out(&store, Document::Packet(child.id), Paper::Letter).unwrap();
        let (own, own_pages) = saved(own);
        expected.push_str(&checked(&own, own_pages));
    }
    // A bracket is one glyph drawn for "(" in one direction and ")" in the other; which of the two
    // it copies as follows what its document drew first, and a child's own packet starts with
    // them. The brackets are left out of the comparison.
    let pages_of = |text: &str| -> Vec<String> {
        text.split('\u{c}')
            .filter(|page| !page.trim().is_empty())
            .map(|page| page.replace(['(', ')'], ""))
            .collect()
    };
    let (class_pages, own_pages) = (pages_of(&class_text), pages_of(&expected));
    assert_eq!(class_pages.len(), pages);
    assert_eq!(class_pages.len(), own_pages.len());
    for (number, (class_page, own_page)) in class_pages.iter().zip(&own_pages).enumerate() {
        assert_eq!(class_page, own_page, "page {}", number + 1);
    }
}

/// José's record, made very long: many contacts, praise, answers and goals, plus private things
/// that must never be printed.
fn long_record(store: &mut Store) -> Id {
    let jose = student(store, "José Núñez");
    let guardian = store.student_record(jose).unwrap().guardians[0].guardian.id;
    let day = |n: i64| NaiveDate::from_ymd_opt(2026, 8, 20).unwrap() + chrono::Duration::days(n);
    for n in 0..40 {
        store
            .add_contact(&ContactDetails {
                student_id: jose,
                guardian_id: Some(guardian),
                happened_on: day(n * 2),
                method: ContactMethod::Phone,
                initiated_by: Initiator::Teacher,
                kind: if n % 3 == 0 { ContactKind::Concern } else { ContactKind::Positive },
                summary: format!("Call number {n}: talked about reading at home and how the week went, at some length so that the summary wraps onto a second line."),
                outcome: String::new(),
                reached: true,
                follow_up_on: (n % 10 == 0).then(|| day(n * 2 + 14)),
                follow_up_done: false,
                sensitive: n == 39,
            })
            .unwrap();
    }
    store
        .add_contact(&ContactDetails {
            student_id: jose,
            guardian_id: Some(guardian),
            happened_on: day(95),
            method: ContactMethod::Phone,
            initiated_by: Initiator::Family,
            kind: ContactKind::Information,
            summary: "SENSITIVE-CONTACT the family asked to keep this between us".into(),
            outcome: String::new(),
            reached: true,
            follow_up_on: None,
            follow_up_done: false,
            sensitive: true,
        })
        .unwrap();
    for n in 0..20 {
        store
            .add_praise(&PraiseDetails {
                student_id: jose,
                noticed_on: day(n * 4),
                category: PraiseCategory::Helped,
                note: format!("Helped a classmate with their work, number {n}."),
                call_queued: false,
            })
            .unwrap();
    }
    for n in 0..4 {
        let goal = store
            .add_goal(&GoalDetails {
                student_id: jose,
                area: GoalArea::Math,
                statement: format!("Goal {n}: solve two-step word problems with at least 80% accuracy on the weekly check"),
                measure: "Correct answers on the weekly check".into(),
                unit: "%".into(),
                aim: rapport::model::Aim::Increase,
                baseline: Some(40.0),
                target: Some(80.0),
                steps: "Draw the problem first, then write the number sentence; check with a partner. ".repeat(3),
                why: "The family said math homework is the hardest part of the evening.".into(),
                family_answer_id: None,
                starts_on: day(10),
                due_on: Some(day(200)),
                status: GoalStatus::Active,
            })
            .unwrap();
        for week in 0..10 {
            store
                .add_check_in(&CheckInDetails {
                    goal_id: goal.id,
                    on_date: day(14 + week * 7),
                    value: 40.0 + (week * 3 + n) as f64,
                    note: String::new(),
                })
                .unwrap();
        }
        store
            .add_home_activity(&rapport::model::HomeActivityDetails {
                goal_id: goal.id,
                title: format!("Kitchen math {n}"),
                details: "Make up a two-step problem while cooking dinner together.".into(),
                how_often: "Twice a week".into(),
            })
            .unwrap();
    }
    let question = store.questions(false).unwrap()[2].id;
    store
        .add_answer(&AnswerDetails {
            student_id: jose,
            guardian_id: Some(guardian),
            question_id: question,
            answer: "SENSITIVE-ANSWER something only the teacher may read".into(),
            answered_on: day(1),
            sensitive: true,
        })
        .unwrap();
    store
        .add_answer(&AnswerDetails {
            student_id: jose,
            guardian_id: Some(guardian),
            question_id: question,
            answer: "A very long answer. ".repeat(120),
            answered_on: day(2),
            sensitive: false,
        })
        .unwrap();
    store
        .add_concern(&ConcernDetails {
            student_id: jose,
            noticed_on: day(30),
            observed: "Puts his head down during independent writing".into(),
            setting: "Writing block, after lunch".into(),
            causes: vec![rapport::causes::CAUSES[0].code.into()],
            strategies: "A short movement break before writing.".into(),
            contact_id: None,
            plan: "Earlier bedtime on school nights; a check-in at 1 pm.".into(),
            notes: "PRIVATE-NOTE the teacher's own note".into(),
            sensitive: true,
            resolved_on: None,
            // Raised at the conference: printed, but never its private notes.
            share_at_conference: true,
        })
        .unwrap();
    jose
}

#[test]
fn a_very_long_record_flows_across_pages_and_keeps_private_things_private() {
    let (_dir, mut store) = demo_store();
    let jose = long_record(&mut store);
    for paper in [Paper::Letter, Paper::A4] {
        let printed = lay_out(&store, Document::Packet(jose), paper).unwrap();
        let (pdf, pages) = saved(printed);
        // RAPPORT_PDF_OUT=folder keeps the packet, to look at it.
        if let Some(folder) = std::env::var_os("RAPPORT_PDF_OUT") {
            std::fs::copy(
                &pdf.path,
                Path::new(&folder).join(format!("long-{paper:?}.pdf")),
            )
            .unwrap();
        }
        assert!(pages >= 5, "{pages} pages");
        let text = checked(&pdf, pages);
        // Numbered in the family's language (José's family reads Spanish).
        let language = store.guardians_of(jose).unwrap()[0]
            .guardian
            .details
            .preferred_language
            .clone();
        let last = rapport::i18n::handout(&language)
            .page_of
            .replace("{page}", &pages.to_string())
            .replace("{pages}", &pages.to_string());
        assert!(text.contains(&last), "{last}");
        for private in ["SENSITIVE-CONTACT", "SENSITIVE-ANSWER", "PRIVATE-NOTE"] {
            assert!(!text.contains(private), "{private} was printed");
        }
        for shown in [
            "Goal 3: solve two-step word problems",
            "Kitchen math 3",
            "Earlier bedtime on school nights",
            "Puts his head down during independent writing",
            &rapport::i18n::handout(&language)
                .text("packet.target")
                .replace("{value}", "80"),
            rapport::i18n::handout(&language).text("packet.family_signature"),
        ] {
            assert!(text.contains(shown), "{shown} is missing");
        }
        // Every page renders; rendering is what a person looks at.
        let out = pdf.path.with_extension("");
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "30"])
            .arg(&pdf.path)
            .arg(&out)
            .status()
            .expect("pdftoppm (poppler-utils)");
        assert!(status.success());
        let rendered = std::fs::read_dir(pdf.path.parent().unwrap())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "png")
            })
            .count();
        assert_eq!(rendered, pages);
    }
}

#[test]
fn letters_are_merged_per_family_in_their_language_from_the_teachers_template() {
    let (_dir, mut store) = demo_store();
    let class = class_of(&store);
    let mut settings = store.settings().unwrap();
    settings.contact_hours = "by phone at 555-0142, weekdays 3–4 pm".into();
    store.save_settings(&settings).unwrap();
    store
        .save_letter_template(
            "en",
            Some("Hello! I am {teacher} at {school}. {child} is in my class.\nReach me {contact_hours}."),
        )
        .unwrap();
    let printed = lay_out(&store, Document::ClassLetters(class), Paper::A4).unwrap();
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    assert!(pages >= store.students(class).unwrap().len());
    // English families get the teacher's words; a Spanish-speaking family gets Rapport's Spanish.
    assert!(text.contains("Hello! I am Jordan Rivera at Maple Grove Elementary."));
    assert!(text.contains("Reach me by phone at 555-0142, weekdays 3–4 pm."));
    assert!(text.contains("Bienvenidos a un nuevo año con José"));
    assert!(text.contains("Pueden comunicarse conmigo by phone at 555-0142"));
    for name in ["Hương", "小明", "يوسف", "Анна"] {
        assert!(text.contains(name), "{name}");
    }
    // A guardian who must not be contacted is not addressed.
    let anna = store
        .student_record(student(&store, "Анна Петрова"))
        .unwrap();
    for guardian in &anna.guardians {
        assert_eq!(
            text.contains(&guardian.guardian.details.name),
            guardian.guardian.details.may_contact,
            "{}",
            guardian.guardian.details.name
        );
    }

    let error = store
        .save_letter_template("en", Some("Dear {guardain}, ..."))
        .unwrap_err();
    assert_eq!(error.code(), "validation");
    assert!(error.to_string().contains("{guardain}"), "{error}");
    let reset = store.save_letter_template("en", None).unwrap();
    assert!(!reset.edited);
    assert!(reset.body.contains("{contact_hours}"));
}

#[test]
fn the_schedule_lists_every_slot_and_each_family_gets_a_slip_in_its_language() {
    let (_dir, store) = demo_store();
    let class = class_of(&store);
    let slots = store.conferences(class).unwrap();
    let booked = slots
        .iter()
        .filter(|s| s.conference.details.student_id.is_some())
        .count();
    assert!(booked > 5);
    let printed = lay_out(
        &store,
        Document::Schedule {
            class,
            from: Some(today()),
        },
        Paper::Letter,
    )
    .unwrap();
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    assert!(text.contains("Conference schedule"));
    assert_eq!(
        text.matches("Page 1 of").count(),
        2,
        "the sheet and the slips"
    );
    assert!(
        text.contains("Su reunión sobre José Núñez"),
        "José's family reads Spanish"
    );
    assert!(text.contains("Nos acompañará un intérprete de Español."));
    // Each family's slip is in its language: the Vietnamese family's names its interpreter in
    // Vietnamese.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let vietnamese = rapport::i18n::handout("vi")
        .slip_interpreter
        .replace("{language}", "Tiếng Việt");
    assert!(flat.contains(&vietnamese), "{vietnamese}");
    for slot in slots
        .iter()
        .filter(|s| s.conference.details.day() >= today())
    {
        if let Some(name) = &slot.display_name {
            assert!(
                text.matches(name.as_str()).count() >= 2,
                "{name}: sheet and slip"
            );
        }
    }

    let none = uses::print(
        &store,
        Document::Schedule {
            class,
            from: Some(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()),
        },
        Some(Paper::Letter),
        NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
        now(),
    )
    .map(|d| d.printed)
    .unwrap_err();
    assert_eq!(none.code(), "nothing_to_print");
}

#[test]
fn a_korean_name_prints_exactly() {
    let (_dir, store) = demo_store();
    let class = class_of(&store);
    let minjun = store
        .add_student(&rapport::model::StudentDetails {
            class_id: class,
            given_name: "민준".into(),
            family_name: "김".into(),
            name_order: rapport::model::NameOrder::FamilyFirst,
            ..Default::default()
        })
        .unwrap();
    let printed = lay_out(&store, Document::Packet(minjun.id), Paper::Letter).unwrap();
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    assert!(text.contains("김민준"), "{text}");
    // The slip for the family who needs a Korean interpreter is in Korean, and names it so.
    let slips = lay_out(
        &store,
        Document::Schedule {
            class,
            from: Some(today()),
        },
        Paper::Letter,
    )
    .unwrap();
    let (pdf, pages) = saved(slips);
    let flat = checked(&pdf, pages)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let korean = rapport::i18n::handout("ko")
        .slip_interpreter
        .replace("{language}", "한국어");
    assert!(flat.contains(&korean), "{korean}");
}

/// A child of the demo class with two guardians who may both be contacted and no sibling.
fn two_guardian_child(store: &Store) -> (Id, Id, Id) {
    let class = class_of(store);
    for summary in store.students(class).unwrap() {
        let record = store.student_record(summary.id).unwrap();
        let contactable: Vec<Id> = record
            .guardians
            .iter()
            .filter(|g| g.guardian.details.may_contact)
            .map(|g| g.guardian.id)
            .collect();
        let shared = store
            .all_guardians()
            .unwrap()
            .iter()
            .any(|g| contactable.contains(&g.guardian.id) && g.students.len() > 1);
        if record.guardians.len() == 2 && contactable.len() == 2 && !shared {
            return (summary.id, contactable[0], contactable[1]);
        }
    }
    panic!("the demo class has a child with two guardians");
}

fn must_not_contact(store: &mut Store, guardian: Id) {
    let mut details = store.guardian(guardian).unwrap().details;
    details.may_contact = false;
    details.no_contact_reason = "Court order".into();
    store.update_guardian(guardian, &details).unwrap();
}

#[test]
fn what_goes_home_never_names_or_counts_what_the_family_must_not_see() {
    let (_dir, mut store) = demo_store();
    let (child, _, other) = two_guardian_child(&store);
    let other_name = store.guardian(other).unwrap().details.name;
    let strengths = store
        .questions(false)
        .unwrap()
        .into_iter()
        .find(|q| q.seed_key.as_deref() == Some("strengths"))
        .unwrap()
        .id;
    store
        .add_answer(&AnswerDetails {
            student_id: child,
            guardian_id: Some(other),
            question_id: strengths,
            answer: "ANSWERED-BY-THE-OTHER-PARENT".into(),
            answered_on: today(),
            sensitive: false,
        })
        .unwrap();
    let packet = |store: &Store| {
        let printed = lay_out(store, Document::Packet(child), Paper::Letter);
        let (pdf, pages) = saved(printed.unwrap());
        checked(&pdf, pages)
    };
    let contacts_line = |text: &str| -> String {
        text.lines()
            .find(|l| l.contains("→) ·"))
            .unwrap()
            .to_string()
    };
    let before = packet(&store);
    assert!(before.contains("ANSWERED-BY-THE-OTHER-PARENT") && before.contains(&other_name));

    // A court order: that parent is no longer to be contacted, and a private call is logged.
    must_not_contact(&mut store, other);
    store
        .add_contact(&ContactDetails {
            student_id: child,
            guardian_id: None,
            happened_on: today(),
            method: ContactMethod::Phone,
            initiated_by: Initiator::School,
            kind: ContactKind::Concern,
            summary: "PRIVATE-CALL".into(),
            outcome: String::new(),
            reached: true,
            follow_up_on: None,
            follow_up_done: false,
            sensitive: true,
        })
        .unwrap();
    let after = packet(&store);
    assert!(!after.contains("ANSWERED-BY-THE-OTHER-PARENT"));
    assert!(!after.contains(&other_name), "{other_name} is named");
    assert!(!after.contains("PRIVATE-CALL"));
    assert_eq!(
        contacts_line(&after),
        contacts_line(&before),
        "a private contact is not counted"
    );
}

#[test]
fn a_family_no_one_may_contact_gets_no_letter_or_questionnaire() {
    let (_dir, mut store) = demo_store();
    let (child, first, second) = two_guardian_child(&store);
    must_not_contact(&mut store, first);
    must_not_contact(&mut store, second);
    let name = store.student(child).unwrap().details.display_name();

    let error = lay_out(&store, Document::Letter(child), Paper::Letter).unwrap_err();
    assert!(error.to_string().contains("may be contacted"), "{error}");
    let error = uses::print(
        &store,
        Document::Questionnaire {
            student: child,
            guardian: None,
        },
        Some(Paper::Letter),
        now().date_naive(),
        now(),
    )
    .map(|d| d.printed)
    .unwrap_err();
    assert!(error.to_string().contains("may be contacted"), "{error}");
    let class = class_of(&store);
    let printed = lay_out(&store, Document::ClassLetters(class), Paper::Letter).unwrap();
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    assert!(!text.contains(&name), "a letter about {name}");
}

#[test]
fn a_letter_and_a_packet_before_the_settings_are_filled_read_in_the_familys_language() {
    let (_dir, mut store) = demo_store();
    let mut settings = store.settings().unwrap();
    settings.teacher_name = String::new();
    settings.school_name = String::new();
    store.save_settings(&settings).unwrap();
    let jose = student(&store, "José Núñez");
    let printed = lay_out(&store, Document::Letter(jose), Paper::Letter).unwrap();
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    assert!(text.contains("la escuela"), "{text}");
    assert!(
        !text.contains("school") && !text.contains("teacher"),
        "{text}"
    );
    // The packet is in both languages, but who the family works with is named in theirs.
    let printed = lay_out(&store, Document::Packet(jose), Paper::Letter).unwrap();
    let (pdf, pages) = saved(printed);
    let text = checked(&pdf, pages);
    assert!(
        text.contains("la maestra o el maestro de su hijo"),
        "{text}"
    );
    assert!(!text.contains("your child's teacher"), "{text}");
}

#[test]
fn a_very_long_name_wraps_instead_of_running_off_the_page() {
    let (_dir, store) = demo_store();
    let jose = student(&store, "José Núñez");
    let mut details = store.student(jose).unwrap().details;
    details.given_name = "Maximiliano Sebastián Alejandro Fernando".into();
    details.family_name = "de la Santísima Trinidad Núñez".into();
    store.update_student(jose, &details).unwrap();
    let printed = lay_out(&store, Document::Packet(jose), Paper::Letter).unwrap();
    let (pdf, pages) = saved(printed);
    checked(&pdf, pages);
    // Every word of the title is inside the page (pdftotext -bbox gives each word's box).
    let boxes = tool("pdftotext", &["-bbox", "-f", "1", "-l", "1"], &pdf.path);
    let page_width: f32 = boxes
        .lines()
        .find_map(|l| l.trim().strip_prefix("<page width=\""))
        .and_then(|rest| rest.split('"').next()?.parse().ok())
        .unwrap();
    for word in ["Maximiliano", "Trinidad", "Núñez"] {
        let line = boxes
            .lines()
            .find(|l| l.contains(&format!(">{word}<")))
            .unwrap_or_else(|| panic!("{word} on page 1"));
        let x_max: f32 = line
            .split("xMax=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next()?.parse().ok())
            .unwrap();
        assert!(
            x_max < page_width - 30.0,
            "{word} ends at {x_max} of {page_width}"
        );
    }
}

#[test]
fn a_concern_prints_only_when_talked_through_or_raised_and_says_which() {
    let (_dir, mut store) = demo_store();
    let jose = student(&store, "José Núñez");
    let concern = |observed: &str, share_at_conference: bool| ConcernDetails {
        student_id: jose,
        noticed_on: today() - chrono::Duration::days(3),
        observed: observed.into(),
        setting: String::new(),
        causes: vec![],
        strategies: String::new(),
        contact_id: None,
        plan: "NEVER-AGREED plan".into(),
        notes: String::new(),
        sensitive: false,
        resolved_on: None,
        share_at_conference,
    };
    store
        .add_concern(&concern("Unraised worry about lunchtime", false))
        .unwrap();
    store
        .add_concern(&concern("Forgets the homework folder", true))
        .unwrap();
    let (pdf, pages) = saved(lay_out(&store, Document::Packet(jose), Paper::Letter).unwrap());
    let text = checked(&pdf, pages);
    assert!(
        !text.contains("Unraised worry"),
        "never talked through, never raised"
    );
    let text = words(&text);
    let raised = text
        .find("Concerns to talk about together")
        .expect("the raised heading");
    let folder = text.find("Forgets the homework folder").unwrap();
    assert!(
        folder > raised,
        "under the heading that says it is still to talk about"
    );
    let talked = text.find("Concerns we talked about");
    assert!(talked.is_none_or(|at| at < raised || folder < at));
    assert_eq!(
        text.matches("NEVER-AGREED plan").count(),
        2,
        "only the raised one's plan, twice"
    );
}

/// Text compared as words: whitespace collapsed, marks set apart by extraction (Arabic tanwin)
/// and zero-width joiners (Dari "می‌کند"), which extraction drops, left out on both sides.
fn words(text: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    plain(text)
        .chars()
        .filter(|c| !is_combining_mark(*c) && !matches!(c, '\u{200C}' | '\u{200D}'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The x of the right edge of the first word `word` on the first page, and the page's width,
/// from `pdftotext -bbox` (which writes a right-to-left word in visual order: give it so).
fn right_edge_of(pdf: &Printed, word: &str) -> (f32, f32) {
    let html = tool("pdftotext", &["-bbox", "-f", "1", "-l", "1"], &pdf.path);
    let number = |line: &str, attr: &str| -> f32 {
        let at = line.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
        line[at..].split('"').next().unwrap().parse().unwrap()
    };
    let page = html.lines().find(|l| l.contains("<page ")).unwrap();
    let line = html
        .lines()
        .find(|l| l.contains("<word ") && words(l).contains(word))
        .unwrap_or_else(|| panic!("{word} on the first page"));
    (number(line, "xMax"), number(page, "width"))
}

/// Whether `printed` holds `expected`: the whole sentence left to right; right to left, every
/// word of it (poppler reads the lines of a wrapped right-to-left sentence in its own order).
fn holds(printed: &str, expected: &str, rtl: bool) -> bool {
    if !rtl {
        return printed.contains(expected);
    }
    // Punctuation beside a Latin word sits on its other side once turned around: letters count.
    let joined: String = printed.split_whitespace().collect();
    expected.split_whitespace().all(|word| {
        let letters: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        joined.contains(&letters)
    })
}

#[test]
fn every_language_prints_its_questionnaire_and_letter_in_its_own_words() {
    let (_dir, mut store) = demo_store();
    let jose = student(&store, "José Núñez");
    let mother = store.guardians_of(jose).unwrap()[0].guardian.clone();
    let english = rapport::i18n::english();
    let fill = |text: &str| text.replace("{child}", "José Núñez");
    for code in rapport::i18n::handout_languages() {
        let text = rapport::i18n::handout(code);
        let mut details = mother.details.clone();
        details.preferred_language = code.to_string();
        store.update_guardian(mother.id, &details).unwrap();

        let questionnaire = print(&store, jose, Some(mother.id), Paper::Letter);
        let pages = tool("pdfinfo", &[], &questionnaire.path)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
            .unwrap();
        let printed = words(&checked(&questionnaire, pages));
        let title = words(&fill(&text.questionnaire_title));
        assert!(
            holds(&printed, &title, text.rtl),
            "{code}: {title} in\n{printed}"
        );
        for key in ["strengths", "worries", "contact"] {
            let question = words(text.question(key).unwrap());
            assert!(
                holds(&printed, &question, text.rtl),
                "{code}: {question} in\n{printed}"
            );
            if code != "en" {
                let english = words(english.question(key).unwrap());
                assert!(
                    !printed.contains(&english),
                    "{code}: still English: {english}"
                );
            }
        }
        if code != "en" {
            for sentence in [
                &english.questionnaire_title,
                &english.thanks,
                &english.any_language,
            ] {
                let sentence = words(&fill(sentence));
                assert!(
                    !printed.contains(&sentence),
                    "{code}: still English: {sentence}"
                );
            }
        }
        if text.rtl {
            // Right to left: the title ends at the right margin, not the left.
            let first: String = title.split(' ').next().unwrap().chars().rev().collect();
            let (right, width) = right_edge_of(&questionnaire, &first);
            assert!(
                right > width - 60.0,
                "{code}: the title at the right ({right} of {width})"
            );
        }

        // The conference packet: its headings in the family's language with English beside
        // them, the child's goal area and a date written their way.
        let (packet, pages) =
            saved(lay_out(&store, Document::Packet(jose), Paper::Letter).unwrap());
        // RAPPORT_PDF_OUT=folder keeps each language's packet, questionnaire and letter, to look
        // at them.
        if let Some(folder) = std::env::var_os("RAPPORT_PDF_OUT") {
            let folder = Path::new(&folder);
            std::fs::copy(&packet.path, folder.join(format!("packet-{code}.pdf"))).unwrap();
            std::fs::copy(
                &questionnaire.path,
                folder.join(format!("questionnaire-{code}.pdf")),
            )
            .unwrap();
        }
        let printed = words(&checked(&packet, pages));
        for expected in [
            text.text("packet.strengths").to_string(),
            text.text("packet.goals").to_string(),
            text.text("goal_area.reading").to_string(),
            text.short_date(NaiveDate::from_ymd_opt(2026, 8, 20).unwrap()),
        ] {
            let expected = words(&expected);
            assert!(
                holds(&printed, &expected, text.rtl),
                "{code}: the packet says {expected}"
            );
        }
        assert!(
            holds(&printed, "Starting with strengths", text.rtl),
            "{code}: English beside"
        );
        if text.rtl {
            // Mirrored: the headings end at the right margin, and a table's first column
            // ("Kind of contact") is at the right, not the left.
            let heading: String = words(text.text("packet.strengths"))
                .split(' ')
                .next()
                .unwrap()
                .chars()
                .rev()
                .collect();
            let (right, width) = right_edge_of(&packet, &heading);
            assert!(
                right > width - 60.0,
                "{code}: {heading} at {right} of {width}"
            );
            let html = tool("pdftotext", &["-bbox"], &packet.path);
            let kind = html
                .lines()
                .find(|l| l.contains(">Kind<"))
                .expect("the contacts table");
            let at = kind.find("xMin=\"").unwrap() + 6;
            let x: f32 = kind[at..].split('"').next().unwrap().parse().unwrap();
            assert!(
                x > width / 2.0,
                "{code}: the first column at the right ({x})"
            );
        }

        let letter = lay_out(&store, Document::Letter(jose), Paper::Letter).unwrap();
        let (letter, pages) = saved(letter);
        let printed = words(&checked(&letter, pages));
        // The letter calls the child by their first name.
        let title = words(&text.letter_title.replace("{child}", "José"));
        assert!(
            holds(&printed, &title, text.rtl),
            "{code}: {title} in\n{printed}"
        );
        if code != "en" {
            let english_title = words(&english.letter_title.replace("{child}", "José"));
            assert!(!printed.contains(&english_title), "{code}: still English");
        }
    }
}

#[test]
fn good_news_goes_home_in_each_familys_language_two_notes_to_a_page() {
    use rapport::model::{PraiseCategory, PraiseDetails};
    let (_dir, mut store) = demo_store();
    let class = class_of(&store);
    let jose = student(&store, "José Núñez");
    let mother = store.guardians_of(jose).unwrap()[0].guardian.clone();
    let words_written = "Ayudó a Mateo a recoger sus libros sin que nadie se lo pidiera.";
    let praise = store
        .add_praise(&PraiseDetails {
            student_id: jose,
            noticed_on: today(),
            category: PraiseCategory::Helped,
            note: words_written.into(),
            call_queued: true,
        })
        .unwrap();
    for code in rapport::i18n::handout_languages() {
        let text = rapport::i18n::handout(code);
        let mut details = mother.details.clone();
        details.preferred_language = code.to_string();
        store.update_guardian(mother.id, &details).unwrap();
        let (pdf, pages) =
            saved(lay_out(&store, Document::GoodNews(praise.id), Paper::Letter).unwrap());
        assert_eq!(pages, 1, "{code}: one note, one page");
        let printed = words(&checked(&pdf, pages));
        for expected in [
            text.text("note.title").to_string(),
            text.text("praise.helped").to_string(),
            text.text("note.lead").replace("{child}", "José"),
        ] {
            let expected = words(&expected);
            assert!(
                holds(&printed, &expected, text.rtl),
                "{code}: {expected} in\n{printed}"
            );
        }
        assert!(
            printed.contains(words_written),
            "the teacher's words as written"
        );
        if code != "en" {
            assert!(
                !printed.contains("Good news from school"),
                "{code}: still English"
            );
        }
    }

    // The queue on Today: every praise waiting for a call, two notes to a page.
    let queued: usize = store
        .students(class)
        .unwrap()
        .iter()
        .map(|s| {
            store
                .praise_of(s.id)
                .unwrap()
                .iter()
                .filter(|p| p.details.call_queued)
                .count()
        })
        .sum();
    assert!(queued >= 2, "the demo queues calls: {queued}");
    let (pdf, pages) =
        saved(lay_out(&store, Document::ClassGoodNews(class), Paper::Letter).unwrap());
    assert!(
        pages <= queued.div_ceil(2),
        "{pages} pages for {queued} notes"
    );
    let printed = checked(&pdf, pages);
    assert!(printed.contains("✂") || pages == 1 && queued == 1);
}
