//! Printed documents for families and for the teacher, as PDF: the conference packet (one child, or
//! a whole class in one file), the blank family questionnaire, the introduction letter, and the
//! conference schedule with a reminder slip per family. Built on a small layout layer over printpdf
//! with embedded, subset fonts for every script a family writes.

pub mod conference;
pub mod contact_log;
pub mod fonts;
pub mod good_news;
mod in_order;
pub mod layout;
pub mod letter;
pub mod questionnaire;
pub mod recovery_sheet;
pub mod schedule;
pub mod shape;
mod subset;

pub use layout::Paper;

use crate::i18n::{Handout, Texts};
use crate::model::{Settings, StudentRecord};

/// A finished PDF, and the characters no embedded font could draw (reported, never hidden).
#[derive(Debug, Clone)]
pub struct Printed {
    pub bytes: Vec<u8>,
    pub missing_characters: Vec<char>,
    pub pages: usize,
}

/// Who a document comes from, with words the reader's language has for a setting still empty.
pub(crate) struct Sender {
    pub teacher: String,
    pub school: String,
}

impl Sender {
    pub fn new(settings: &Settings, text: &Handout) -> Sender {
        Sender {
            teacher: non_empty(&settings.teacher_name, &text.teacher_default),
            school: non_empty(&settings.school_name, &text.school_default),
        }
    }
}

fn non_empty(value: &str, otherwise: &str) -> String {
    if value.trim().is_empty() {
        otherwise.to_string()
    } else {
        value.to_string()
    }
}

/// Whether the child has guardians on record but none who may be contacted: then nothing
/// family-facing is printed for them (a letter to "the family" would reach someone who must not
/// hear from the school).
pub(crate) fn no_one_to_address(record: &StudentRecord) -> bool {
    !record.guardians.is_empty() && contactable_names(record).is_empty()
}

/// The guardians a document for the family is addressed to: those who may be contacted, primary
/// first (the order the record keeps).
pub(crate) fn contactable_names(record: &StudentRecord) -> Vec<&str> {
    record
        .guardians
        .iter()
        .filter(|g| g.guardian.details.may_contact)
        .map(|g| g.guardian.details.name.as_str())
        .collect()
}

/// Whether a handout's language is written right to left (its file says so).
pub(crate) fn right_to_left(text: &Handout) -> bool {
    text.rtl
}

/// The handout text for a family: in the first contactable guardian's preferred language, where
/// Rapport has a translation, else English; with the record's corrections.
pub(crate) fn family_handout<'a>(record: &StudentRecord, texts: &'a Texts) -> &'a Handout {
    let language = record
        .guardians
        .iter()
        .find(|g| g.guardian.details.may_contact)
        .map_or("en", |g| g.guardian.details.preferred_language.as_str());
    texts.handout(language)
}
