//! Roster import against real record files and fixtures written from the OneRoster 1.1 CSV
//! specification (tests/fixtures/oneroster): the right children and guardians arrive, teachers
//! and aides do not, siblings share one guardian record, importing again updates instead of
//! duplicating, a preview writes nothing, and a broken file is refused whole with every problem
//! named by file, row and column.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rapport::error::Error;
use rapport::model::Id;
use rapport::roster::{self, ClassTarget};
use rapport::Store;

/// Rosters come on the first day of school.
fn today() -> NaiveDate {
    crate::support::day("2026-09-01")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/oneroster")
}

/// The fixture files, to change one before writing them out.
fn fixture_files() -> HashMap<String, String> {
    [
        "manifest.csv",
        "users.csv",
        "enrollments.csv",
        "classes.csv",
        "orgs.csv",
    ]
    .iter()
    .map(|n| {
        (
            n.to_string(),
            std::fs::read_to_string(fixtures().join(n)).unwrap(),
        )
    })
    .collect()
}

fn write_folder(dir: &Path, files: &HashMap<String, String>) -> PathBuf {
    let folder = dir.join("export");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, text) in files {
        std::fs::write(folder.join(name), text).unwrap();
    }
    folder
}

fn write_zip(dir: &Path, files: &HashMap<String, String>) -> PathBuf {
    let path = dir.join("oneroster.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in files {
        // Some systems put the files in a folder inside the zip.
        zip.start_file(format!("export-2026/{name}"), options)
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    path
}

fn problems(error: Error) -> Vec<String> {
    match error {
        Error::Rejected(p) => p.iter().map(ToString::to_string).collect(),
        other => panic!("expected row problems, got {other}"),
    }
}

fn names(store: &Store, class: Id) -> Vec<String> {
    let mut names: Vec<String> = store
        .students(class)
        .unwrap()
        .into_iter()
        .map(|s| s.display_name)
        .collect();
    names.sort();
    names
}

#[test]
fn a_oneroster_class_arrives_with_its_families_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let roster = roster::read(&fixtures(), Some("Grade 3 — Room 12")).unwrap();
    let report = store
        .import_roster(&roster, &ClassTarget::FromRoster, today(), false)
        .unwrap();
    assert!(report.class_created);
    assert_eq!(report.class_name, "Grade 3 — Room 12");
    assert_eq!(report.added.len(), 6, "{:?}", report.added);
    assert_eq!(
        names(&store, report.class_id),
        [
            "José Núñez",
            "Mateo García",
            "Sofía García",
            "Thị Hương Nguyễn",
            "Анна Петрова",
            "王小明"
        ]
    );
    // Teachers and aides are not students; the teacher named as an agent is no guardian.
    assert!(!names(&store, report.class_id)
        .iter()
        .any(|n| n.contains("Rivera") || n.contains("Helper")));
    let guardians = store.all_guardians().unwrap();
    assert_eq!(guardians.len(), 6, "one Lucía García for both siblings");
    let lucia = guardians
        .iter()
        .find(|g| g.guardian.details.name == "Lucía García")
        .unwrap();
    assert_eq!(lucia.students.len(), 2);
    let class = store.class(report.class_id).unwrap();
    assert_eq!(class.details.grade, "03");
    let jose = store
        .students(report.class_id)
        .unwrap()
        .into_iter()
        .find(|s| s.display_name == "José Núñez")
        .unwrap();
    assert_eq!(jose.school_student_id.as_deref(), Some("S24100"));
    let record = store.student_record(jose.id).unwrap();
    assert_eq!(record.guardians.len(), 2);
    assert!(record.guardians[0].link.is_primary);
    assert!(store.check().unwrap().is_healthy());
}

#[test]
fn importing_the_same_roster_again_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let first = roster::read(&fixtures(), Some("class-3a")).unwrap();
    store
        .import_roster(&first, &ClassTarget::FromRoster, today(), false)
        .unwrap();
    let again = store
        .import_roster(&first, &ClassTarget::FromRoster, today(), false)
        .unwrap();
    assert!(!again.class_created);
    assert!(
        again.added.is_empty() && again.updated.is_empty(),
        "{again:?}"
    );
    assert_eq!(again.unchanged.len(), 6);

    // The school changed a phone number and a child's preferred name.
    let mut files = fixture_files();
    let users = files["users.csv"]
        .replace("555-0105", "555-0199")
        .replace(",mgarcia,,Mateo,García,,", ",mgarcia,,Matteo,García,,");
    files.insert("users.csv".into(), users);
    let changed = roster::read(&write_zip(dir.path(), &files), Some("class-3a")).unwrap();
    let report = store
        .import_roster(&changed, &ClassTarget::FromRoster, today(), false)
        .unwrap();
    assert!(report.added.is_empty());
    assert_eq!(report.guardians_updated, 1);
    assert_eq!(
        report.updated,
        ["Sofía García", "Matteo García"],
        "{report:?}"
    );
    assert!(report.unchanged.contains(&"王小明".to_string()));
    assert_eq!(store.all_guardians().unwrap().len(), 6);
    assert_eq!(store.students(report.class_id).unwrap().len(), 6);
}

#[test]
fn a_preview_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let roster = roster::read(&fixtures(), Some("class-3a")).unwrap();
    let preview = store
        .import_roster(&roster, &ClassTarget::FromRoster, today(), true)
        .unwrap();
    assert!(preview.dry_run);
    assert_eq!(preview.added.len(), 6);
    assert!(store.classes().unwrap().is_empty());
    assert!(store.all_guardians().unwrap().is_empty());
}

#[test]
fn a_broken_export_is_refused_whole_with_every_problem_located() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = fixture_files();
    let users = files["users.csv"]
        .replace(",hnguyen,,Thị Hương,Nguyễn,", ",hnguyen,,,Nguyễn,")
        .replace("olga@example.org", "olga-at-example");
    files.insert("users.csv".into(), users);
    let enrollments = files["enrollments.csv"].clone()
        + "e-11,,2026-08-01T00:00:00Z,class-3a,org-1,s-99,student,false,,\n";
    files.insert("enrollments.csv".into(), enrollments);
    let found =
        problems(roster::read(&write_folder(dir.path(), &files), Some("class-3a")).unwrap_err());
    assert_eq!(
        found,
        [
            "users.csv row 5: givenName is empty",
            "users.csv row 17, email: “olga-at-example” is not a complete email address; it should look like name@example.org.",
            "enrollments.csv row 12, userSourcedId: s-99 is not in users.csv",
        ]
    );

    let mut missing = fixture_files();
    missing.remove("enrollments.csv");
    let found = problems(roster::read(&write_zip(dir.path(), &missing), None).unwrap_err());
    assert_eq!(
        found,
        ["enrollments.csv: this file is missing from the OneRoster export"]
    );

    let found = problems(roster::read(&fixtures(), None).unwrap_err());
    assert!(found[0].contains("choose one with --class"), "{found:?}");
    assert!(found[0].contains("Grade 4 — Room 14"));

    let text = dir.path().join("not.zip");
    std::fs::write(&text, "hello").unwrap();
    assert_eq!(roster::read(&text, None).unwrap_err().code(), "bad_file");
}

#[test]
fn a_spreadsheet_roster_imports_siblings_with_one_shared_guardian() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    // Windows-1252 from older Excel, semicolons, CRLF.
    let mut bytes =
        b"First name;Last name;Parent 1 name;Parent 1 phone;Parent 1 language\r\n".to_vec();
    bytes.extend_from_slice(b"Sof\xEDa;Garc\xEDa;Luc\xEDa Garc\xEDa;555-0105;Spanish\r\n");
    bytes.extend_from_slice(b"Mateo;Garc\xEDa;Luc\xEDa Garc\xEDa;555-0105;es\r\n");
    let path = dir.path().join("klasse.csv");
    std::fs::write(&path, &bytes).unwrap();
    let roster = roster::read(&path, None).unwrap();
    let report = store
        .import_roster(
            &roster,
            &ClassTarget::Named("Room 7".into()),
            today(),
            false,
        )
        .unwrap();
    assert_eq!(report.added, ["Sofía García", "Mateo García"]);
    let guardians = store.all_guardians().unwrap();
    assert_eq!(guardians.len(), 1);
    assert_eq!(guardians[0].students.len(), 2);
    assert_eq!(guardians[0].guardian.details.preferred_language, "es");
    // Again: matched by name, nothing new.
    let again = store
        .import_roster(
            &roster,
            &ClassTarget::Named("room 7".into()),
            today(),
            false,
        )
        .unwrap();
    assert_eq!(again.unchanged.len(), 2);
    assert_eq!(store.classes().unwrap().len(), 1);
}

#[test]
fn a_reimport_keeps_what_the_teacher_set_and_strangers_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    // Two children whose guardians share a name but nothing else; no language given.
    let csv =
        "given_name,family_name,guardian1_name\nAna,Ruiz,Maria Garcia\nBen,Lee,Maria Garcia\n";
    let path = dir.path().join("roster.csv");
    std::fs::write(&path, csv).unwrap();
    let roster = roster::read(&path, None).unwrap();
    let room = ClassTarget::Named("Room 7".into());
    store.import_roster(&roster, &room, today(), false).unwrap();
    let guardians = store.all_guardians().unwrap();
    assert_eq!(guardians.len(), 2, "two people called Maria Garcia");

    // The teacher learns one Maria reads Spanish; the same file imported again leaves it so.
    let maria = guardians[0].guardian.clone();
    let mut details = maria.details.clone();
    details.preferred_language = "es".into();
    store.update_guardian(maria.id, &details).unwrap();
    let again = store.import_roster(&roster, &room, today(), false).unwrap();
    assert_eq!(again.unchanged.len(), 2);
    assert_eq!(
        store.guardian(maria.id).unwrap().details.preferred_language,
        "es"
    );
}

#[test]
fn a_child_entered_by_hand_or_listed_twice_is_one_child() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let room = ClassTarget::Named("Room 7".into());
    let first = "given_name,family_name\nAna,Ruiz\n";
    let path = dir.path().join("first.csv");
    std::fs::write(&path, first).unwrap();
    let class = store
        .import_roster(&roster::read(&path, None).unwrap(), &room, today(), false)
        .unwrap()
        .class_id;
    // The school's export: Ana now has an id, and Ben is listed once per guardian.
    let export = "student_id,given_name,family_name,guardian1_name,guardian1_phone\n\
                  S-1,Ana,Ruiz,,\n\
                  S-2,Ben,Lee,Kim Lee,555-0101\n\
                  S-2,Ben,Lee,Sam Lee,555-0102\n";
    let path = dir.path().join("export.csv");
    std::fs::write(&path, export).unwrap();
    let roster = roster::read(&path, None);
    // The same id on two rows is a mistake in a spreadsheet made by hand...
    assert!(problems(roster.unwrap_err())[0].contains("row 3"));
    // ...but rows of one child without an id are one child with both guardians.
    let export = export.replace("S-2", "");
    std::fs::write(&path, export).unwrap();
    let report = store
        .import_roster(&roster::read(&path, None).unwrap(), &room, today(), false)
        .unwrap();
    assert_eq!(report.updated, ["Ana Ruiz"]);
    assert_eq!(report.added, ["Ben Lee"]);
    assert_eq!(names(&store, class), ["Ana Ruiz", "Ben Lee"]);
    let id_of = |name: &str| {
        store
            .students(class)
            .unwrap()
            .into_iter()
            .find(|s| s.display_name == name)
            .unwrap()
            .id
    };
    let ana = id_of("Ana Ruiz");
    assert_eq!(
        store
            .student(ana)
            .unwrap()
            .details
            .school_student_id
            .as_deref(),
        Some("S-1")
    );
    let ben = id_of("Ben Lee");
    assert_eq!(store.guardians_of(ben).unwrap().len(), 2);
}

#[test]
fn the_class_a_roster_fills_becomes_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let path = dir.path().join("roster.csv");
    std::fs::write(&path, "given_name,family_name\nAna,Ruiz\n").unwrap();
    let roster = roster::read(&path, None).unwrap();
    let first = store
        .import_roster(
            &roster,
            &ClassTarget::Named("Room 7".into()),
            today(),
            false,
        )
        .unwrap()
        .class_id;
    let second = store
        .import_roster(
            &roster,
            &ClassTarget::Named("Room 9".into()),
            today(),
            false,
        )
        .unwrap()
        .class_id;
    assert_eq!(store.settings().unwrap().current_class_id, Some(second));
    // Importing again into the first (an existing class that is not the current one)...
    store
        .import_roster(
            &roster,
            &ClassTarget::Named("Room 7".into()),
            today(),
            false,
        )
        .unwrap();
    assert_eq!(store.settings().unwrap().current_class_id, Some(first));
    // ...while a preview changes nothing.
    store
        .import_roster(&roster, &ClassTarget::Named("Room 9".into()), today(), true)
        .unwrap();
    assert_eq!(store.settings().unwrap().current_class_id, Some(first));
}

#[test]
fn problems_name_the_row_a_spreadsheet_shows() {
    // A note with a line break in row 2, a blank row 3, and the mistake in row 4.
    let csv = "given_name,family_name,notes\nAna,Ruiz,\"Line one\nline two\"\n\n,Lee,\n";
    let error = roster::csv_file::parse("roster.csv", csv).unwrap_err();
    let problems = problems(error);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("roster.csv row 4"), "{problems:?}");
}

/// A tiny deterministic generator, for mutating files.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn mutate(text: &str, dice: &mut Dice) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let specials = [b'"', b',', b';', b'\n', b'\r', 0xFF, 0xC3, 0x00, b' '];
    for _ in 0..1 + dice.next() % 12 {
        if bytes.is_empty() {
            break;
        }
        let at = (dice.next() as usize) % bytes.len();
        match dice.next() % 4 {
            0 => bytes[at] = specials[(dice.next() as usize) % specials.len()],
            1 => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, specials[(dice.next() as usize) % specials.len()]),
            _ => {
                let end = (at + (dice.next() as usize) % 40).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

#[test]
fn no_input_makes_the_parsers_panic() {
    // Mutations of real files (quotes, delimiters, line breaks, invalid UTF-8, NULs, cut and
    // repeated pieces): every one is read or refused with problems, never a panic.
    let mut dice = Dice(42);
    let template = roster::TEMPLATE;
    for _ in 0..3_000 {
        let bytes = mutate(template, &mut dice);
        let _ = roster::csv_file::parse_bytes("fuzz.csv", &bytes);
    }
    let files = fixture_files();
    let names: Vec<&String> = files.keys().collect();
    for _ in 0..1_500 {
        let mut changed = files.clone();
        let name = names[(dice.next() as usize) % names.len()].clone();
        let bytes = mutate(&files[&name], &mut dice);
        changed.insert(name, String::from_utf8_lossy(&bytes).into_owned());
        let _ = roster::oneroster::from_files(&changed, Some("class-3a"));
    }
}

/// One child with one guardian, as a OneRoster from the school `source` gives them.
fn one_family(source: &str, child: &str, guardian: &str, guardian_id: &str) -> roster::Roster {
    roster::Roster {
        class_name: Some("Room 9".into()),
        source: Some(source.into()),
        grade: "3".into(),
        students: vec![roster::RosterStudent {
            school_id: Some(format!("{source}-{child}")),
            given_name: child.into(),
            family_name: "Family".into(),
            guardians: vec![roster::RosterGuardian {
                school_id: Some(guardian_id.into()),
                name: guardian.into(),
                phone: "555-0100".into(),
                ..Default::default()
            }],
            source: "users.csv row 2".into(),
            ..Default::default()
        }],
    }
}

#[test]
fn a_guardian_id_matches_only_within_its_school_and_for_the_same_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let room = ClassTarget::Named("Room 9".into());
    store
        .import_roster(
            &one_family("north", "Ana", "Maria Lopez", "p1"),
            &room,
            today(),
            false,
        )
        .unwrap();
    let maria = store.all_guardians().unwrap()[0].guardian.clone();
    // The teacher learns the school must not call Maria.
    let mut barred = maria.details.clone();
    barred.may_contact = false;
    barred.no_contact_reason = "Court order".into();
    store.update_guardian(maria.id, &barred).unwrap();

    // Another school's roster reuses the id "p1" for someone else; then this school's own roster
    // gives "p1" to a new person (ids are recycled). Neither is Maria.
    store
        .import_roster(
            &one_family("south", "Ben", "John Smith", "p1"),
            &room,
            today(),
            false,
        )
        .unwrap();
    store
        .import_roster(
            &one_family("north", "Cleo", "Tom Baker", "p1"),
            &room,
            today(),
            false,
        )
        .unwrap();
    let guardians = store.all_guardians().unwrap();
    assert_eq!(guardians.len(), 3, "three families, never merged");
    let maria_now = store.guardian(maria.id).unwrap().details;
    assert_eq!(maria_now.name, "Maria Lopez");
    assert!(!maria_now.may_contact);
    for other in guardians.iter().filter(|g| g.guardian.id != maria.id) {
        assert!(
            other.guardian.details.may_contact,
            "“do not contact” stays with Maria"
        );
        assert_eq!(other.students.len(), 1);
    }
    // The same school's roster with Maria again still finds her.
    let again = store
        .import_roster(
            &one_family("north", "Ana", "Maria Lopez", "p1"),
            &room,
            today(),
            false,
        )
        .unwrap();
    assert_eq!(again.guardians_added, 0);
}

#[test]
fn a_zip_that_swells_past_the_limit_is_refused_by_what_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    // 40 MB of text that deflates to a few kilobytes, in a file the import reads.
    let path = dir.path().join("bomb.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("users.csv", options).unwrap();
    let line = "x".repeat(1023) + "\n";
    for _ in 0..40 * 1024 {
        zip.write_all(line.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024);
    let error = roster::read(&path, None).unwrap_err();
    assert!(
        error.to_string().contains("more than any roster"),
        "{error}"
    );
}
