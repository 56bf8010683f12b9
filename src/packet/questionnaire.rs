//! The blank family questionnaire: one per guardian who may be contacted, in their preferred
//! language where Rapport has a translation, with the child's name filled in and room to write.

use chrono::{DateTime, Utc};

use super::layout::{Document, DocumentInfo, Paper, Style, THEME};
use super::Printed;
use crate::error::{Error, Result};
use crate::i18n::{fill, Handout, Merge, Texts};
use crate::model::{Guardian, Id, Question, Settings, StudentRecord};

/// Ruled lines under each question.
const LINES_PER_QUESTION: usize = 4;

/// The questionnaire for one child: for `guardian_id` only, or one for each guardian who may be
/// contacted (each on its own pages), or a single English one when no guardian is on record.
pub fn questionnaire(
    record: &StudentRecord,
    guardian_id: Option<Id>,
    settings: &Settings,
    texts: &Texts,
    questions: &[Question],
    paper: Paper,
    now: DateTime<Utc>,
) -> Result<Printed> {
    let guardians = addressed(record, guardian_id)?;
    let child = record.display_name.as_str();
    let footer = format!("{child} · {}", record.class.details.name);
    let first_language = guardians
        .first()
        .copied()
        .flatten()
        .map_or("en", |g| g.details.preferred_language.as_str());
    let mut document = Document::new(
        paper,
        DocumentInfo {
            title: format!("Family questionnaire — {child}"),
            author: settings.teacher_name.clone(),
            created: now,
            footer: footer.clone(),
            page_of: texts.handout(first_language).page_of.clone(),
        },
    );
    for (index, guardian) in guardians.iter().enumerate() {
        let text = texts.handout(guardian.map_or("en", |g| g.details.preferred_language.as_str()));
        if index > 0 {
            document.new_section(&footer, &text.page_of);
        }
        write_one(&mut document, text, child, *guardian, settings, questions);
    }
    Ok(document.finish())
}

/// Who gets a questionnaire: the guardian asked for, or each who may be contacted, or (no
/// guardian on record) one addressed to no one. A guardian who must not be contacted gets none.
fn addressed(record: &StudentRecord, guardian_id: Option<Id>) -> Result<Vec<Option<&Guardian>>> {
    if let Some(id) = guardian_id {
        let linked = record
            .guardians
            .iter()
            .find(|g| g.guardian.id == id)
            .ok_or(Error::NotFound("That guardian of this student"))?;
        if !linked.guardian.details.may_contact {
            return Err(Error::NothingToPrint(format!(
                "{} must not be contacted, so no questionnaire is printed for them.",
                linked.guardian.details.name
            )));
        }
        return Ok(vec![Some(&linked.guardian)]);
    }
    let contactable: Vec<_> = record
        .guardians
        .iter()
        .map(|g| &g.guardian)
        .filter(|g| g.details.may_contact)
        .map(Some)
        .collect();
    match (contactable.is_empty(), record.guardians.is_empty()) {
        (true, false) => Err(Error::NothingToPrint(format!(
            "None of {}'s guardians may be contacted, so no questionnaire is printed.",
            record.display_name
        ))),
        (true, true) => Ok(vec![None]),
        (false, _) => Ok(contactable),
    }
}

/// One guardian's questionnaire, in their language, each question with its writing lines.
fn write_one(
    document: &mut Document,
    text: &Handout,
    child: &str,
    guardian: Option<&Guardian>,
    settings: &Settings,
    questions: &[Question],
) {
    let sender = super::Sender::new(settings, text);
    let merge = Merge {
        child,
        teacher: &sender.teacher,
        school: &sender.school,
        ..Merge::default()
    };
    document.set_right_to_left(super::right_to_left(text));
    document.line(
        &fill(&text.questionnaire_title, &merge),
        Style::title(),
        0.0,
    );
    document.space(4.0);
    document.paragraph(&fill(&text.questionnaire_intro, &merge), Style::body(), 0.0);
    document.paragraph(&text.any_language, Style::muted(), 0.0);
    document.space(8.0);
    document.line(&format!("{}: {child}", &text.child), Style::strong(), 0.0);
    let by = guardian.map(|g| g.details.name.as_str()).unwrap_or("");
    document.line(
        &format!("{}: {by}", &text.filled_in_by),
        Style::strong(),
        0.0,
    );
    document.line(&format!("{}:", &text.date), Style::strong(), 0.0);
    for (number, question) in questions.iter().enumerate() {
        let prompt = question
            .seed_key
            .as_deref()
            .and_then(|key| text.question(key))
            .unwrap_or(question.prompt.as_str());
        // A question is never parted from its writing lines.
        document.heading(
            &format!("{}. {prompt}", number + 1),
            THEME.writing_line * LINES_PER_QUESTION as f32,
        );
        document.writing_lines(LINES_PER_QUESTION);
    }
    document.space(12.0);
    document.paragraph(&fill(&text.thanks, &merge), Style::body(), 0.0);
    document.paragraph(&fill(&text.return_to, &merge), Style::muted(), 0.0);
}
