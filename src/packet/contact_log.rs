//! The contact-log report as a PDF, for the teacher to bring to a meeting: for each child, every
//! contact with the family in a table, the follow-ups, and the concerns with their possible
//! causes, what was tried and what was agreed. In English, like the rest of the window.

use chrono::{DateTime, Utc};

use super::layout::{Column, Document, DocumentInfo, Paper, Style};
use super::Printed;
use crate::contact_log::{concern_causes_and_tried, follow_up_text, ContactLog};

/// The report, one child after another.
pub fn contact_log(log: &ContactLog, teacher: &str, paper: Paper, now: DateTime<Utc>) -> Printed {
    let mut document = Document::new(
        paper,
        DocumentInfo {
            title: format!("Contact log: {}", log.about),
            author: teacher.to_string(),
            created: now,
            footer: format!("Contact log · {} · {}", log.about, log.period()),
            page_of: "Page {page} of {pages}".into(),
        },
    );
    document.paragraph(&format!("Contact log: {}", log.about), Style::title(), 0.0);
    document.space(4.0);
    let mut about = format!("Contacts with the family and concerns, {}.", log.period());
    if log.include_private {
        about.push_str(" Private entries are included and marked.");
    }
    if !teacher.trim().is_empty() {
        about.push_str(&format!(
            " Kept by {teacher}; printed {}.",
            now.format("%-d %B %Y")
        ));
    }
    document.paragraph(&about, Style::muted(), 0.0);
    let columns = [
        Column::new("Date", 0.13),
        Column::new("With whom · how", 0.21),
        Column::new("Kind", 0.17),
        Column::new("What was said and agreed", 0.33),
        Column::new("Follow-up", 0.16),
    ];
    for (n, child) in log.children.iter().enumerate() {
        if n > 0 {
            document.space(10.0);
        }
        document.heading(&format!("{} · {}", child.name, child.class), 60.0);
        if child.contacts.is_empty() && child.concerns.is_empty() {
            document.paragraph("No contact or concern in this period.", Style::muted(), 0.0);
            continue;
        }
        if !child.contacts.is_empty() {
            let rows: Vec<Vec<String>> = child
                .contacts
                .iter()
                .map(|c| {
                    let mut said = c.said.clone();
                    if !c.agreed.is_empty() {
                        said = format!("{said} · Agreed: {}", c.agreed)
                            .trim_start_matches(" · ")
                            .to_string();
                    }
                    if c.private {
                        said = format!("(private) {said}");
                    }
                    vec![
                        c.on.format("%-d %b %Y").to_string(),
                        format!(
                            "{} · {}{}",
                            c.with_whom,
                            c.how,
                            if c.reached { "" } else { " (not reached)" }
                        ),
                        match c.started_by.as_str() {
                            "Teacher" => c.kind.clone(),
                            other => format!("{} · {} started it", c.kind, other.to_lowercase()),
                        },
                        said,
                        follow_up_text(c.follow_up),
                    ]
                })
                .collect();
            document.table(&columns, &rows);
        }
        for concern in &child.concerns {
            let mut title = format!("Concern of {}", concern.noticed_on.format("%-d %B %Y"));
            if concern.private {
                title.push_str(" (private)");
            }
            if let Some(resolved) = concern.resolved_on {
                title.push_str(&format!(", resolved {}", resolved.format("%-d %B %Y")));
            }
            document.paragraph(&title, Style::body().bold(), 0.0);
            document.labelled("What was seen", &concern.seen, Style::body());
            let causes = concern_causes_and_tried(concern);
            if !causes.is_empty() {
                document.labelled("Causes and tried", &causes, Style::body());
            }
            if !concern.agreed.is_empty() {
                document.labelled("What was agreed", &concern.agreed, Style::body());
            }
            document.space(4.0);
        }
    }
    document.finish()
}
