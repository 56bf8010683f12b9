//! The good-news note: from a praise entry, a half-page note home in the family's language — for
//! families the phone does not reach. "Good news from school!", the family greeted, "Today {child}
//! did something I want you to know about:", the kind of good deed in their language, the
//! teacher's own words as written, and the teacher's name. Two to a page with a line to cut on.

use chrono::{DateTime, Utc};

use super::layout::{Document, DocumentInfo, Paper, Style, THEME};
use super::{contactable_names, family_handout, no_one_to_address, Printed, Sender};
use crate::error::{Error, Result};
use crate::i18n::{fill, Merge, Texts};
use crate::model::{Praise, PraiseCategory, Settings, StudentRecord};

/// Everything the notes of one printing share.
pub struct NoteSetting<'a> {
    pub settings: &'a Settings,
    /// Rapport's translations with the record's corrections.
    pub texts: &'a Texts,
    pub paper: Paper,
    pub now: DateTime<Utc>,
    /// "Good news — José Núñez", "Good news — Grade 3 — Room 12".
    pub title: String,
}

/// A note for each praise entry, with the record of the child it is about, two to a page. A
/// family with no one who may be contacted gets none.
pub fn good_news(notes: &[(Praise, StudentRecord)], with: &NoteSetting) -> Result<Printed> {
    let mut document: Option<Document> = None;
    let mut on_page = 0;
    for (praise, record) in notes.iter().filter(|(_, r)| !no_one_to_address(r)) {
        let document = match &mut document {
            Some(document) => {
                if on_page == 2 {
                    document.page_break();
                    on_page = 0;
                }
                document
            }
            None => document.insert(Document::new(
                with.paper,
                DocumentInfo {
                    title: with.title.clone(),
                    author: with.settings.teacher_name.clone(),
                    created: with.now,
                    // Notes are cut apart: no footer, no page numbers.
                    footer: String::new(),
                    page_of: String::new(),
                },
            )),
        };
        if on_page == 1 {
            document.cut_line("✂");
        }
        write_note(document, praise, record, with, on_page == 0);
        on_page += 1;
    }
    let document = document.ok_or_else(|| {
        Error::NothingToPrint(
            "There is no good news to send home: none of these families has a guardian who may \
             be contacted."
                .into(),
        )
    })?;
    Ok(document.finish())
}

/// One note, in the upper or lower half of the page.
fn write_note(
    document: &mut Document,
    praise: &Praise,
    record: &StudentRecord,
    with: &NoteSetting,
    upper: bool,
) {
    let text = family_handout(record, with.texts);
    let sender = Sender::new(with.settings, text);
    let child = record.student.details.first_name();
    let names = contactable_names(record);
    let guardian = if names.is_empty() {
        text.family_of.replace("{child}", child)
    } else {
        text.names(&names)
    };
    let merge = Merge {
        child,
        guardian: &guardian,
        teacher: &sender.teacher,
        school: &sender.school,
        ..Merge::default()
    };
    document.set_right_to_left(text.rtl);
    if !upper {
        document.space(18.0);
    }
    document.line(
        &sender.school,
        Style::strong().with_color(THEME.accent),
        0.0,
    );
    document.line(&text.date(praise.details.noticed_on), Style::muted(), 0.0);
    document.space(10.0);
    document.paragraph(text.text("note.title"), Style::title(), 0.0);
    document.space(8.0);
    document.paragraph(
        &fill(text.text("note.greeting"), &merge),
        Style::body(),
        0.0,
    );
    document.space(4.0);
    document.paragraph(&fill(text.text("note.lead"), &merge), Style::body(), 0.0);
    document.space(6.0);
    if praise.details.category != PraiseCategory::Other {
        let kind = text.text(&format!("praise.{}", praise.details.category.as_str()));
        document.paragraph(&format!("★ {kind}"), Style::heading(), 0.0);
    }
    let words = praise.details.note.trim();
    if !words.is_empty() {
        // The teacher's words, as written.
        document.paragraph(words, Style::body(), 12.0);
    }
    document.space(10.0);
    document.paragraph(
        &fill(text.text("note.signed"), &merge),
        Style::body().with_color(THEME.accent),
        0.0,
    );
    document.set_right_to_left(false);
    if upper {
        // The lower half starts below the middle of the page.
        document.space_to_middle();
    }
}
