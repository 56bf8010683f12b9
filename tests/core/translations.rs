//! Corrections to Rapport's translations: kept in the record, printed in every document a family
//! reads (read back with `pdftotext`), carried by the JSON export, and shared as language pack files
//! through the command line — a bad pack refused whole, each problem named with its line.

use rapport::model::{PraiseCategory, PraiseDetails};
use rapport::packet::Paper;
use rapport::uses::Document;
use rapport::Store;

use crate::pdf::{checked, lay_out, saved};
use crate::support::{demo_with_jose, fresh, rapport, today};

/// Spanish corrections, one in each document José's family reads.
const CORRECTIONS: &[(&str, &str)] = &[
    ("letter.title", "Bienvenidos a este año escolar con {child}"),
    ("questionnaire.title", "Cuéntennos sobre {child}, por favor"),
    ("slip.title", "Su cita con la maestra sobre {child}"),
    ("note.title", "¡Una buena noticia de la escuela!"),
    ("packet.goals", "Las metas de este año"),
    ("praise.helped", "Ayudó a un compañero"),
];

/// The words of a printed document on one line each, so a wrapped sentence still matches.
fn printed_text(store: &Store, document: Document) -> String {
    let (pdf, pages) = saved(lay_out(store, document, Paper::Letter).expect("it prints"));
    checked(&pdf, pages)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn corrections_are_printed_in_every_document_the_family_reads() {
    let (_dir, mut store, class, jose) = demo_with_jose();
    for (key, text) in CORRECTIONS {
        let saved = store.save_translation("es", key, Some(text)).unwrap();
        assert!(saved.corrected, "{key}");
        assert_eq!(saved.text, *text);
    }
    let praise = store
        .add_praise(&PraiseDetails {
            student_id: jose,
            noticed_on: today(),
            category: PraiseCategory::Helped,
            note: "Le explicó las fracciones a Mateo.".into(),
            call_queued: true,
        })
        .unwrap();

    let letter = printed_text(&store, Document::Letter(jose));
    assert!(
        letter.contains("Bienvenidos a este año escolar con José"),
        "{letter}"
    );
    let questionnaire = printed_text(
        &store,
        Document::Questionnaire {
            student: jose,
            guardian: None,
        },
    );
    assert!(
        questionnaire.contains("Cuéntennos sobre José Núñez, por favor")
            || questionnaire.contains("Cuéntennos sobre José, por favor"),
        "{questionnaire}"
    );
    let schedule = printed_text(
        &store,
        Document::Schedule {
            class,
            from: Some(today()),
        },
    );
    assert!(
        schedule.contains("Su cita con la maestra sobre José Núñez"),
        "{schedule}"
    );
    let note = printed_text(&store, Document::GoodNews(praise.id));
    assert!(note.contains("¡Una buena noticia de la escuela!"), "{note}");
    assert!(note.contains("Ayudó a un compañero"), "{note}");
    let packet = printed_text(&store, Document::Packet(jose));
    assert!(
        packet.contains("Las metas de este año / Goals we are working on"),
        "{packet}"
    );
    // Rapport's own Spanish where nothing was corrected, and English untouched.
    assert!(packet.contains(rapport::i18n::handout("es").text("packet.home")));
    let english = printed_text(
        &store,
        Document::Letter(crate::support::child_named(
            &store,
            class,
            "Aaliyah Johnson",
        )),
    );
    assert!(
        english.contains("Welcome to a new year with Aaliyah"),
        "{english}"
    );

    // A correction that drops a placeholder is refused and changes nothing.
    let refused = store
        .save_translation("es", "letter.title", Some("Bienvenidos"))
        .unwrap_err();
    assert_eq!(refused.code(), "validation");
    assert!(refused.to_string().contains("{child}"), "{refused}");
    let shown = store.family_language("es").unwrap();
    let title = shown
        .sections
        .iter()
        .flat_map(|s| &s.strings)
        .find(|s| s.key == "letter.title")
        .unwrap();
    assert_eq!(title.text, CORRECTIONS[0].1);
    assert_eq!(shown.language.corrected, CORRECTIONS.len());

    // The suggested letter body follows a correction of it; the teacher's own wording wins.
    let body = "Soy {teacher}, maestra de {child} en {school}.\nPueden llamarme {contact_hours}.";
    store
        .save_translation("es", "letter.body", Some(body))
        .unwrap();
    assert!(store
        .letter_template("es")
        .unwrap()
        .body
        .starts_with("Soy {teacher}"));

    // Back to Rapport's wording.
    let back = store.save_translation("es", "letter.title", None).unwrap();
    assert!(!back.corrected);
    assert_eq!(back.text, rapport::i18n::handout("es").letter_title);
    // A correction equal to Rapport's wording is none.
    let same = store
        .save_translation("es", "packet.goals", Some(&back_of(&store, "packet.goals")))
        .unwrap();
    assert!(!same.corrected);
}

/// Rapport's own Spanish for `key`.
fn back_of(store: &Store, key: &str) -> String {
    store
        .family_language("es")
        .unwrap()
        .sections
        .iter()
        .flat_map(|s| s.strings.clone())
        .find(|s| s.key == key)
        .unwrap()
        .rapport
}

#[test]
fn the_json_export_carries_the_corrections() {
    let (_dir, mut store, _, _) = demo_with_jose();
    store
        .save_translation("ar", "packet.goals", Some("أهدافنا لهذا العام"))
        .unwrap();
    store
        .save_translation(
            "es",
            "dates.months",
            Some("ene\nfeb\nmar\nabr\nmay\njun\njul\nago\nsep\noct\nnov\ndic"),
        )
        .unwrap();
    let export = store.export().unwrap();
    assert_eq!(export.translations.len(), 2);
    let (_other_dir, mut other) = fresh();
    other.import_export(&export).unwrap();
    assert_eq!(other.corrections().unwrap(), store.corrections().unwrap());
    assert_eq!(other.texts().unwrap().handout("es").months[10], "nov");
}

#[test]
fn a_language_pack_goes_from_one_record_to_another_and_a_bad_one_changes_nothing() {
    let (dir, mut store, _, _) = demo_with_jose();
    store
        .save_translation("fr", "packet.goals", Some("Nos objectifs de l'année"))
        .unwrap();
    store
        .save_translation(
            "fr",
            "note.title",
            Some("Bonne nouvelle de l'école, à partager !"),
        )
        .unwrap();
    drop(store);
    let db = dir.path().join("record.sqlite3");
    let pack = dir.path().join("fr.toml");
    let pack_arg = pack.to_str().unwrap();
    let (ok, out, err) = rapport(
        &db,
        &["language-pack", "export", "fr", "--out", pack_arg],
        &[],
    );
    assert!(ok, "{err}");
    assert!(out.contains("2 corrections"), "{out}");
    let text = std::fs::read_to_string(&pack).unwrap();
    assert!(
        text.starts_with("# French (Français): a Rapport language pack"),
        "{text}"
    );
    assert!(text.contains("goals = \"Nos objectifs de l'année\""));

    // Into a colleague's record: a preview, then the corrections.
    let (other_dir, other) = fresh();
    drop(other);
    let other_db = other_dir.path().join("record.sqlite3");
    let (ok, out, err) = rapport(
        &other_db,
        &["language-pack", "import", pack_arg, "--dry-run"],
        &[],
    );
    assert!(ok, "{err}");
    assert!(out.contains("2 strings would be corrected"), "{out}");
    assert!(Store::open(&other_db)
        .unwrap()
        .corrections()
        .unwrap()
        .is_empty());
    let (ok, out, err) = rapport(&other_db, &["language-pack", "import", pack_arg], &[]);
    assert!(ok, "{err}");
    assert!(out.contains("2 strings corrected"), "{out}");
    assert_eq!(french_goals(&other_db), "Nos objectifs de l'année");

    // A pack with a dropped placeholder and a control character is refused whole, naming the
    // lines; what the colleague had stays.
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let letter = lines.iter().position(|l| l == "[letter]").unwrap();
    let mut broken = lines.clone();
    broken[letter + 1] = broken[letter + 1].replace("{child}", "");
    let goals = lines
        .iter()
        .position(|l| l.starts_with("goals = "))
        .unwrap();
    broken[goals] = "goals = \"Objectifs\\u0007\"".into();
    let broken_pack = dir.path().join("broken.toml");
    std::fs::write(&broken_pack, broken.join("\n")).unwrap();
    let (ok, _, err) = rapport(
        &other_db,
        &["language-pack", "import", broken_pack.to_str().unwrap()],
        &[],
    );
    assert!(!ok);
    assert!(
        err.contains(&format!("line {} (letter.title)", letter + 2)),
        "{err}"
    );
    assert!(
        err.contains(&format!("line {} (packet.goals)", goals + 1)),
        "{err}"
    );
    assert!(err.contains("control character"), "{err}");
    assert_eq!(
        french_goals(&other_db),
        "Nos objectifs de l'année",
        "nothing changed"
    );

    // A pack for a language Rapport does not print in is refused, saying which it prints in.
    std::fs::write(&broken_pack, "[language]\ncode = \"ja\"\n").unwrap();
    let (ok, _, err) = rapport(
        &other_db,
        &["language-pack", "import", broken_pack.to_str().unwrap()],
        &[],
    );
    assert!(!ok);
    assert!(
        err.contains("line 2 (language.code)") && err.contains("zh-Hant"),
        "{err}"
    );
}

/// The French packet's "Goals" heading as the record at `db` prints it.
fn french_goals(db: &std::path::Path) -> String {
    Store::open(db)
        .unwrap()
        .texts()
        .unwrap()
        .handout("fr")
        .text("packet.goals")
        .to_string()
}
