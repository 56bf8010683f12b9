//! The recovery sheet, printed once when a record is protected: the recovery key, large and in
//! groups, who and which record it is for, and how to use it. It is for the teacher, so it is in
//! English like the rest of the window.

use chrono::{DateTime, Utc};

use super::layout::{Document, DocumentInfo, Paper, Style, THEME};
use super::Printed;

/// What the sheet names.
pub struct RecoverySheet<'a> {
    pub teacher: &'a str,
    pub school: &'a str,
    /// The record's file, so a teacher with two records knows which sheet opens which.
    pub record: &'a str,
    /// The key as printed: eight groups of five.
    pub key: &'a str,
    pub paper: Paper,
    pub now: DateTime<Utc>,
}

/// The one-page recovery sheet.
pub fn recovery_sheet(sheet: &RecoverySheet) -> Printed {
    let mut document = Document::new(
        sheet.paper,
        DocumentInfo {
            title: "Rapport recovery sheet".into(),
            author: sheet.teacher.to_string(),
            created: sheet.now,
            footer: "Rapport recovery sheet · keep it safe, away from the computer".into(),
            page_of: "Page {page} of {pages}".into(),
        },
    );
    document.paragraph("Rapport recovery sheet", Style::title(), 0.0);
    document.space(6.0);
    document.paragraph(
        "This sheet opens your Rapport record if you forget its passphrase. Keep it somewhere \
         safe and away from the computer: with your important papers, not in the laptop bag.",
        Style::body(),
        0.0,
    );
    document.space(8.0);
    let unknown = |text: &str| {
        if text.trim().is_empty() {
            "—".to_string()
        } else {
            text.to_string()
        }
    };
    document.labelled("Teacher", &unknown(sheet.teacher), Style::body());
    document.labelled("School", &unknown(sheet.school), Style::body());
    document.labelled("Record", sheet.record, Style::body());
    document.labelled(
        "Protected on",
        &sheet.now.format("%-d %B %Y").to_string(),
        Style::body(),
    );
    document.heading("Recovery key", 60.0);
    let groups: Vec<&str> = sheet.key.split('-').collect();
    let key_style = Style::title().bold().with_color(THEME.ink);
    for line in groups.chunks(4) {
        document.line(&line.join("  -  "), key_style, 12.0);
        document.space(4.0);
    }
    document.space(4.0);
    document.paragraph(
        "Letters and digits only: 0 is zero and 1 is one (there is no O, I or L in a key). \
         Dashes and spaces may be left out when typing it.",
        Style::muted(),
        0.0,
    );
    document.heading("If you forget the passphrase", 60.0);
    for step in [
        "Open Rapport. On the locked screen choose \u{201c}Forgot the passphrase?\u{201d}.",
        "Type the recovery key above, then choose a new passphrase. Nothing in the record is lost.",
        "On the command line: rapport change-passphrase --recovery-key",
    ] {
        document.bullet(step, Style::body());
    }
    document.heading("Keep in mind", 40.0);
    for point in [
        "Without the passphrase or this sheet, nobody can open the record: not you, not the \
         school, not the makers of Rapport.",
        "Changing the passphrase does not change this key. Protecting the record again (after \
         removing the protection) makes a new key and a new sheet; this one then opens nothing.",
        "Anyone holding this sheet and a copy of the record can read it: keep the sheet as you \
         would keep the record.",
    ] {
        document.bullet(point, Style::body());
    }
    document.space(10.0);
    document.paragraph(
        "Where I keep a second copy of this sheet:",
        Style::muted(),
        0.0,
    );
    document.writing_lines(2);
    document.finish()
}
