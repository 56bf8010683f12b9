//! The conference schedule: a sheet for the teacher (day by day, every slot, who comes, where, and
//! whether an interpreter is needed), then a reminder slip per family in the family's language,
//! several to a page with a line to cut along.

use chrono::{DateTime, NaiveDate, Utc};

use super::fonts::fonts;
use super::layout::{Column, Document, DocumentInfo, Paper, Style, THEME};
use super::{family_handout, Printed, Sender};
use crate::error::{Error, Result};
use crate::i18n::{fill, Handout, Merge, Texts};
use crate::languages;
use crate::model::{Id, ScheduledConference, Settings, StudentRecord};

/// What a schedule prints: the class's name, its conference slots and, for the reminder slips, the
/// record of each child booked (by id).
pub struct ScheduleData<'a> {
    pub class_name: &'a str,
    pub slots: Vec<ScheduledConference>,
    pub booked: &'a dyn Fn(Id) -> Result<StudentRecord>,
    /// Rapport's translations with the record's corrections.
    pub texts: &'a Texts,
}

/// The schedule of a class's conferences on or after `from`, and the families' reminder slips.
pub fn schedule(
    data: ScheduleData,
    settings: &Settings,
    from: NaiveDate,
    paper: Paper,
    now: DateTime<Utc>,
) -> Result<Printed> {
    let class_name = data.class_name;
    let texts = data.texts;
    let english = texts.english();
    let sender = Sender::new(settings, english);
    let slots: Vec<ScheduledConference> = data
        .slots
        .into_iter()
        .filter(|s| s.conference.details.day() >= from)
        .collect();
    if slots.is_empty() {
        return Err(Error::NothingToPrint(format!(
            "No conferences are planned for {} from {} on. Plan them on the Conferences screen first.",
            class_name,
            english.date(from)
        )));
    }
    let mut document = Document::new(
        paper,
        DocumentInfo {
            title: format!("Conference schedule — {}", class_name),
            author: sender.teacher.clone(),
            created: now,
            footer: format!("{} · Conference schedule", class_name),
            page_of: english.page_of.clone(),
        },
    );
    schedule_sheet(&mut document, class_name, &sender, &slots, english);
    let mut first_slip = true;
    for slot in &slots {
        let Some(student_id) = slot.conference.details.student_id else {
            continue;
        };
        let record = (data.booked)(student_id)?;
        if first_slip {
            document.new_section(
                &format!("{} · Reminder slips", class_name),
                &english.page_of,
            );
            first_slip = false;
        }
        reminder_slip(&mut document, slot, &record, settings, texts);
    }
    Ok(document.finish())
}

/// The teacher's sheet: day by day, every slot, who comes, where, and whether an interpreter is
/// needed, with a column to tick who came.
fn schedule_sheet(
    document: &mut Document,
    class_name: &str,
    sender: &Sender,
    slots: &[ScheduledConference],
    english: &Handout,
) {
    document.line("Conference schedule", Style::title(), 0.0);
    document.line(
        &format!("{} · {} · {}", class_name, sender.teacher, sender.school),
        Style::muted(),
        0.0,
    );
    let booked = slots
        .iter()
        .filter(|s| s.conference.details.student_id.is_some())
        .count();
    document.line(
        &format!("{} slots, {booked} booked", slots.len()),
        Style::muted(),
        0.0,
    );
    let mut days: Vec<NaiveDate> = slots.iter().map(|s| s.conference.details.day()).collect();
    days.dedup();
    let columns = [
        Column::new("Time", 1.5),
        Column::new("Child", 1.6),
        Column::new("Family", 2.0),
        Column::new("Place", 1.2),
        Column::new("Interpreter", 1.2),
        Column::new("Came", 0.8),
    ];
    for day in days {
        let rows: Vec<Vec<String>> = slots
            .iter()
            .filter(|s| s.conference.details.day() == day)
            .map(|s| {
                let c = &s.conference.details;
                vec![
                    format!(
                        "{}–{}",
                        english.time(c.starts_at.time()),
                        english.time(c.ends_at().time())
                    ),
                    s.display_name.clone().unwrap_or_else(|| "Open slot".into()),
                    s.family.join(", "),
                    c.place.clone(),
                    c.interpreter_language
                        .as_deref()
                        .map(|code| languages::english_name(code).to_string())
                        .unwrap_or_default(),
                    String::new(),
                ]
            })
            .collect();
        // The day's heading stays with the table's first row.
        document.heading(
            &english.date(day),
            document.table_start_height(&columns, &rows),
        );
        document.table(&columns, &rows);
    }
}

/// The interpreter line of a slip, naming the language as the family reads it: its own name too
/// when the embedded fonts can draw it, only its own name when it is the slip's language.
fn interpreter_line(code: &str, text: &Handout) -> String {
    let name = match languages::find(code) {
        Some(l) if crate::i18n::handout(l.code).code == text.code => l.native.to_string(),
        Some(l) if l.english == l.native || !fonts().can_draw(l.native) => l.english.to_string(),
        Some(l) => format!("{} ({})", l.english, l.native),
        None => code.to_string(),
    };
    text.slip_interpreter.replace("{language}", &name)
}

/// One family's reminder slip in their language, kept whole on one page with its cut line.
fn reminder_slip(
    document: &mut Document,
    slot: &ScheduledConference,
    record: &StudentRecord,
    settings: &Settings,
    texts: &Texts,
) {
    let text = family_handout(record, texts);
    let c = &slot.conference.details;
    let sender = Sender::new(settings, text);
    let merge = Merge {
        child: &record.display_name,
        teacher: &sender.teacher,
        school: &sender.school,
        ..Merge::default()
    };
    let interpreter = c
        .interpreter_language
        .as_deref()
        .map(|code| interpreter_line(code, text));
    let when = format!(
        "{}, {}–{} ({})",
        text.date(c.day()),
        text.time(c.starts_at.time()),
        text.time(c.ends_at().time()),
        &text
            .slip_length
            .replace("{minutes}", &c.minutes.to_string())
    );
    let place = if c.place.trim().is_empty() {
        sender.school.clone()
    } else {
        format!("{}, {}", c.place.trim(), sender.school)
    };
    let signed = format!("— {}", sender.teacher);
    let change = fill(&text.slip_change, &merge);
    let title = fill(&text.slip_title, &merge);
    // The whole slip and its cut line stay on one page: measured, not guessed.
    let body = Style::body();
    let height = 6.0
        + document.paragraph_height(&title, Style::heading(), 0.0)
        + 2.0
        + document.labelled_height(&text.slip_when, &when, body)
        + document.labelled_height(&text.slip_where, &place, body)
        + interpreter
            .as_deref()
            .map_or(0.0, |i| document.paragraph_height(i, body, 0.0))
        + document.paragraph_height(&change, Style::muted(), 0.0)
        + document.paragraph_height(&text.slip_closing, body, 0.0)
        + document.paragraph_height(&signed, body, 0.0)
        + 8.0
        + Style::small().line_height() * 2.0;
    document.ensure(height);
    document.set_right_to_left(super::right_to_left(text));
    document.space(6.0);
    document.line(&title, Style::heading(), 0.0);
    document.space(2.0);
    document.labelled(&text.slip_when, &when, body);
    document.labelled(&text.slip_where, &place, body);
    if let Some(interpreter) = interpreter {
        document.paragraph(&interpreter, Style::body(), 0.0);
    }
    document.paragraph(&change, Style::muted(), 0.0);
    document.paragraph(&text.slip_closing, body, 0.0);
    document.line(&signed, body.with_color(THEME.accent), 0.0);
    document.space(8.0);
    document.set_right_to_left(false);
    document.cut_line("✂");
}
