//! The introduction letter, merged per family: the teacher's wording (or Rapport's suggestion) in
//! the family's language where Rapport has a translation, addressed to every guardian who may be
//! contacted. One child, or every family of a class in one file.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::layout::{Document, DocumentInfo, Paper, Style, THEME};
use super::{contactable_names, family_handout, no_one_to_address, Printed, Sender};
use crate::error::{Error, Result};
use crate::i18n::{fill, Handout, Merge, Texts};
use crate::model::{Settings, StudentRecord};

/// The letter's body in each language Rapport has handouts in, by language code: the teacher's
/// wording, or Rapport's suggestion.
pub type LetterBodies = BTreeMap<String, String>;

/// What every letter of a printing shares.
pub struct LetterSetting<'a> {
    pub settings: &'a Settings,
    /// Rapport's translations with the record's corrections.
    pub texts: &'a Texts,
    pub bodies: &'a LetterBodies,
    pub paper: Paper,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
}

/// The letter to one child's family.
pub fn student_letter(record: &StudentRecord, with: &LetterSetting) -> Result<Printed> {
    if no_one_to_address(record) {
        return Err(Error::NothingToPrint(format!(
            "None of {}'s guardians may be contacted, so no letter is printed.",
            record.display_name
        )));
    }
    let mut document = None;
    write_letter(&mut document, record, with);
    let document = document.ok_or_else(|| Error::Internal("nothing was laid out".into()))?;
    Ok(document.finish())
}

/// A letter to every family of a class, in class-list order, each on its own pages.
/// `records` come one at a time (a class's children in class-list order), so only one child's
/// record is in memory at once.
pub fn class_letters(
    class_name: &str,
    records: impl IntoIterator<Item = Result<StudentRecord>>,
    with: &LetterSetting,
) -> Result<Printed> {
    let mut document = None;
    let mut students = 0;
    for record in records {
        let record = record?;
        students += 1;
        // A family with no one who may be contacted gets no letter.
        if !no_one_to_address(&record) {
            write_letter(&mut document, &record, with);
        }
    }
    let document = document.ok_or_else(|| {
        Error::NothingToPrint(if students == 0 {
            format!("{class_name} has no students yet, so there are no letters to print.")
        } else {
            format!(
                "No family in {class_name} has a guardian who may be contacted, so there are no letters to print."
            )
        })
    })?;
    Ok(document.finish())
}

fn write_letter(document: &mut Option<Document>, record: &StudentRecord, with: &LetterSetting) {
    let LetterSetting {
        settings,
        texts,
        bodies,
        paper,
        today,
        now,
    } = *with;
    let text = family_handout(record, texts);
    let body = bodies
        .get(&text.code)
        .cloned()
        .unwrap_or_else(|| text.suggested_letter_body());
    let sender = Sender::new(settings, text);
    // The letter calls the child by their first name ("I am looking forward to getting to know
    // Hamza"); the footer keeps the whole name so a class's letters can be sorted.
    let child = record.student.details.first_name();
    let names = contactable_names(record);
    let family_of = text.family_of.replace("{child}", child);
    let guardian = if names.is_empty() {
        family_of
    } else {
        text.names(&names)
    };
    let merge = Merge {
        child,
        guardian: &guardian,
        teacher: &sender.teacher,
        school: &sender.school,
        contact_hours: if settings.contact_hours.trim().is_empty() {
            &text.reach_default
        } else {
            settings.contact_hours.trim()
        },
    };
    let document = start_letter(document, record, text, &sender, paper, now);
    document.set_right_to_left(super::right_to_left(text));
    document.line(
        &sender.school,
        Style::strong().with_color(THEME.accent),
        0.0,
    );
    document.line(&sender.teacher, Style::muted(), 0.0);
    document.line(&text.date(today), Style::muted(), 0.0);
    document.space(18.0);
    document.paragraph(&fill(&text.letter_title, &merge), Style::title(), 0.0);
    document.space(10.0);
    document.paragraph(&fill(&text.letter_greeting, &merge), Style::body(), 0.0);
    document.space(6.0);
    for paragraph in body.split('\n').filter(|p| !p.trim().is_empty()) {
        document.paragraph(&fill(paragraph.trim(), &merge), Style::body(), 0.0);
        document.space(7.0);
    }
    document.space(6.0);
    sign_off(document, text, &sender);
}

/// The letter's first page: a new section of the class's document, or the document itself.
fn start_letter<'a>(
    document: &'a mut Option<Document>,
    record: &StudentRecord,
    text: &Handout,
    sender: &Sender,
    paper: Paper,
    now: DateTime<Utc>,
) -> &'a mut Document {
    let footer = format!("{} · {}", record.display_name, record.class.details.name);
    match document {
        Some(document) => {
            document.new_section(&footer, &text.page_of);
            document
        }
        None => document.insert(Document::new(
            paper,
            DocumentInfo {
                title: format!("Introduction letter — {}", record.display_name),
                author: sender.teacher.clone(),
                created: now,
                footer,
                page_of: text.page_of.clone(),
            },
        )),
    }
}

/// The closing, the space to sign and the signature, kept together.
fn sign_off(document: &mut Document, text: &Handout, sender: &Sender) {
    document.ensure(
        document.paragraph_height(&text.letter_closing, Style::body(), 0.0)
            + 26.0
            + document.paragraph_height(&sender.teacher, Style::strong(), 0.0)
            + document.paragraph_height(&sender.school, Style::muted(), 0.0),
    );
    document.paragraph(&text.letter_closing, Style::body(), 0.0);
    document.space(26.0);
    document.line(&sender.teacher, Style::strong(), 0.0);
    document.line(&sender.school, Style::muted(), 0.0);
}
