//! Conferences and follow-ups as an iCalendar file (RFC 5545) for the calendar the teacher
//! already uses (Outlook, Google, Apple). Each item has a UID that never changes, so importing
//! or subscribing again updates it instead of adding another; times are written in UTC, so every
//! calendar places them the same; text is escaped and lines are folded at 75 octets, ended by
//! CRLF. No child's private notes go in: a child is named as the teacher chooses (full name,
//! first name and initial, or initials), and a conference's notes and a contact's words stay in
//! Rapport.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

use crate::model::{CalendarNames, Conference, Contact, Id, Student, StudentDetails};

/// A booked conference or a follow-up due, with its child, as the record has them.
#[derive(Debug, Clone)]
pub enum CalendarItem {
    Conference(Conference, Student),
    FollowUp(Contact, Student, NaiveDate),
}

impl CalendarNames {
    /// A child's name as this choice writes it.
    pub fn name(self, child: &StudentDetails) -> String {
        let first = match child.preferred_name.is_empty() {
            true => child.given_name.as_str(),
            false => child.preferred_name.as_str(),
        };
        let initial = |name: &str| {
            name.chars()
                .next()
                .map(|c| format!("{}.", c.to_uppercase()))
                .unwrap_or_default()
        };
        match self {
            CalendarNames::Full => child.display_name(),
            CalendarNames::FirstAndInitial => format!("{first} {}", initial(&child.family_name))
                .trim()
                .to_string(),
            CalendarNames::Initials => {
                format!("{} {}", initial(first), initial(&child.family_name))
                    .trim()
                    .to_string()
            }
        }
    }
}

/// When an event happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// From a moment, for some minutes.
    At { start: DateTime<Utc>, minutes: u32 },
    /// All day (a follow-up due that day).
    Day(NaiveDate),
}

/// One event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The item's lasting id and what kind it is: the UID is made of both.
    pub kind: &'static str,
    pub id: Id,
    pub when: When,
    pub summary: String,
    pub location: String,
    pub description: String,
}

impl Event {
    /// The event's UID: the same every time the file is written.
    pub fn uid(&self) -> String {
        format!("{}-{}@rapport", self.kind, self.id)
    }
}

/// The events of `items`, children named as `names` says; a conference's local time is read in
/// `zone` (the computer's own).
pub fn events<Z: TimeZone>(items: &[CalendarItem], names: CalendarNames, zone: &Z) -> Vec<Event> {
    items
        .iter()
        .map(|item| match item {
            CalendarItem::Conference(conference, child) => {
                let d = &conference.details;
                let mut description = vec![format!("{} minutes.", d.minutes)];
                if let Some(language) = &d.interpreter_language {
                    description.push(format!(
                        "Interpreter: {}.",
                        crate::languages::english_name(language)
                    ));
                }
                Event {
                    kind: "conference",
                    id: conference.id,
                    when: When::At {
                        start: in_utc(d.starts_at, zone),
                        minutes: d.minutes,
                    },
                    summary: format!("Conference: {}", names.name(&child.details)),
                    location: d.place.clone(),
                    description: description.join(" "),
                }
            }
            CalendarItem::FollowUp(contact, child, due) => {
                let d = &contact.details;
                Event {
                    kind: "follow-up",
                    id: contact.id,
                    when: When::Day(*due),
                    summary: format!("Follow up: {}’s family", names.name(&child.details)),
                    location: String::new(),
                    // What was said stays in Rapport; so does what the contact was about.
                    description: format!(
                        "After the {} of {}.",
                        d.method.label().to_lowercase(),
                        d.happened_on.format("%Y-%m-%d")
                    ),
                }
            }
        })
        .collect()
}

/// A local date and time in UTC: the earlier of two when a clock goes back, the moment after a
/// gap when it goes forward.
fn in_utc<Z: TimeZone>(local: NaiveDateTime, zone: &Z) -> DateTime<Utc> {
    zone.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|moment| moment.with_timezone(&Utc))
        .unwrap_or_else(|| local.and_utc())
}

/// The calendar file's text.
pub fn write(name: &str, events: &[Event], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&fold(&text));
        out.push_str("\r\n");
    };
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//Rapport//Family partnership//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(name)));
    let stamp = utc(stamp);
    for event in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", event.uid()));
        line(format!("DTSTAMP:{stamp}"));
        match &event.when {
            When::At { start, minutes } => {
                line(format!("DTSTART:{}", utc(*start)));
                let end = *start + chrono::Duration::minutes(i64::from(*minutes));
                line(format!("DTEND:{}", utc(end)));
            }
            When::Day(day) => {
                line(format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
                let next = day.succ_opt().unwrap_or(*day);
                line(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
                line("TRANSP:TRANSPARENT".into());
            }
        }
        line(format!("SUMMARY:{}", escape(&event.summary)));
        if !event.location.is_empty() {
            line(format!("LOCATION:{}", escape(&event.location)));
        }
        if !event.description.is_empty() {
            line(format!("DESCRIPTION:{}", escape(&event.description)));
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// A moment in UTC, as RFC 5545 writes it: `20261124T153000Z`.
fn utc(moment: DateTime<Utc>) -> String {
    moment.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Text as a property value: backslash, semicolon, comma and line breaks escaped, and no
/// other control character.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded after 75 octets (RFC 5545 3.1): the rest continues on lines that start
/// with a space, never splitting a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 74 * 3);
    let mut octets = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if octets + len > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_at_75_octets_between_characters() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf\u{7}"), "a\\,b\\;c\\\\d\\ne\\nf");
        let long = format!("SUMMARY:{}", "é".repeat(100));
        let folded = fold(&long);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
    }

    #[test]
    fn children_are_named_as_the_teacher_chooses() {
        let child = StudentDetails {
            given_name: "José".into(),
            family_name: "Núñez".into(),
            ..Default::default()
        };
        assert_eq!(CalendarNames::Full.name(&child), "José Núñez");
        assert_eq!(CalendarNames::FirstAndInitial.name(&child), "José N.");
        assert_eq!(CalendarNames::Initials.name(&child), "J. N.");
    }
}
