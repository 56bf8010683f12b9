//! Printed documents for families and for the teacher, as PDF: the family questionnaire (and,
//! as this grows, the introduction letter, conference schedule and the conference packet). Built on
//! a small layout layer over printpdf with embedded, subset fonts for every script a family writes.

pub mod fonts;
pub mod layout;
pub mod questionnaire;
pub mod shape;

pub use layout::Paper;

/// A finished PDF, and the characters no embedded font could draw (reported, never hidden).
#[derive(Debug, Clone)]
pub struct Printed {
    pub bytes: Vec<u8>,
    pub missing_characters: Vec<char>,
}
