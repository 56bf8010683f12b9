//! The contact-log report: for a child or a class over a date range, every contact with the
//! family (date, with whom, how, what kind, reached or not, what was said and agreed), the
//! follow-ups and whether they were done, and the concerns with their possible causes, what was
//! tried and what was agreed: the documented log a student support meeting, an IEP or 504
//! meeting or the principal asks for. Private entries are in it only when the teacher includes
//! them. Written as a PDF (`packet::contact_log`) or as a CSV for a spreadsheet (here).

use chrono::NaiveDate;

/// One child's log.
#[derive(Debug, Clone, PartialEq)]
pub struct ChildLog {
    pub name: String,
    pub class: String,
    pub contacts: Vec<LoggedContact>,
    pub concerns: Vec<LoggedConcern>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoggedContact {
    pub on: NaiveDate,
    /// The guardian's name, or "The family".
    pub with_whom: String,
    pub how: String,
    pub kind: String,
    pub started_by: String,
    pub reached: bool,
    pub said: String,
    pub agreed: String,
    /// The follow-up asked for, and whether it was done.
    pub follow_up: Option<(NaiveDate, bool)>,
    pub private: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LoggedConcern {
    pub noticed_on: NaiveDate,
    pub seen: String,
    pub causes: Vec<String>,
    pub tried: String,
    pub agreed: String,
    pub resolved_on: Option<NaiveDate>,
    pub private: bool,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactLog {
    /// "José Núñez" or "Grade 3 — Room 12".
    pub about: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub include_private: bool,
    pub children: Vec<ChildLog>,
}

impl ContactLog {
    /// "1 September 2026 – 30 November 2026", "from 1 September 2026", or "the whole record".
    pub fn period(&self) -> String {
        let day = |d: NaiveDate| d.format("%-d %B %Y").to_string();
        match (self.from, self.to) {
            (Some(from), Some(to)) => format!("{} – {}", day(from), day(to)),
            (Some(from), None) => format!("from {}", day(from)),
            (None, Some(to)) => format!("up to {}", day(to)),
            (None, None) => "the whole record".into(),
        }
    }

    /// Whether a day falls in the report's range.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|from| day >= from) && self.to.is_none_or(|to| day <= to)
    }
}

const CSV_HEADER: [&str; 13] = [
    "Child",
    "Class",
    "Entry",
    "Date",
    "With whom",
    "How",
    "Kind",
    "Started by",
    "Reached",
    "What was said or seen",
    "Possible causes / what was tried",
    "What was agreed",
    "Follow-up",
];

/// The report as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads accents),
/// one row per contact or concern, and no cell a spreadsheet would run as a formula.
pub fn csv(log: &ContactLog) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    let mut row = |cells: Vec<String>| {
        let cells: Vec<String> = cells.iter().map(|c| neutralised(c)).collect();
        // Writing to memory does not fail.
        let _ = writer.write_record(&cells);
    };
    row(CSV_HEADER.iter().map(|s| s.to_string()).collect());
    let yes_no = |b: bool| if b { "yes" } else { "no" }.to_string();
    for child in &log.children {
        for c in &child.contacts {
            row(vec![
                child.name.clone(),
                child.class.clone(),
                "Contact".into(),
                c.on.to_string(),
                c.with_whom.clone(),
                c.how.clone(),
                c.kind.clone(),
                c.started_by.clone(),
                yes_no(c.reached),
                c.said.clone(),
                String::new(),
                c.agreed.clone(),
                follow_up_text(c.follow_up),
            ]);
        }
        for k in &child.concerns {
            row(vec![
                child.name.clone(),
                child.class.clone(),
                "Concern".into(),
                k.noticed_on.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                k.seen.clone(),
                concern_causes_and_tried(k),
                k.agreed.clone(),
                k.resolved_on
                    .map(|d| format!("resolved {d}"))
                    .unwrap_or_default(),
            ]);
        }
    }
    drop(writer);
    out
}

/// "due 2026-12-01, done" / "due 2026-12-01, not done yet" / "".
pub fn follow_up_text(follow_up: Option<(NaiveDate, bool)>) -> String {
    match follow_up {
        Some((on, true)) => format!("due {on}, done"),
        Some((on, false)) => format!("due {on}, not done yet"),
        None => String::new(),
    }
}

/// "Causes: …. Tried: …".
pub fn concern_causes_and_tried(concern: &LoggedConcern) -> String {
    let mut parts = Vec::new();
    if !concern.causes.is_empty() {
        parts.push(format!("Possible causes: {}.", concern.causes.join("; ")));
    }
    if !concern.tried.is_empty() {
        parts.push(format!("Tried: {}", concern.tried));
    }
    parts.join(" ")
}

/// A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
/// return) gets an apostrophe in front, so it is shown as the text it is (OWASP's advice).
pub fn neutralised(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_are_neutralised() {
        for formula in ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"] {
            assert!(neutralised(formula).starts_with('\''), "{formula:?}");
        }
        assert_eq!(neutralised("Mother called"), "Mother called");
        assert_eq!(neutralised(""), "");
    }
}
