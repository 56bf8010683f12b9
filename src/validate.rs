//! The rules a record keeps, applied before anything is written. Each `clean_*` function returns the
//! value as it will be stored (NFC, trimmed) or every problem with it at once, each naming its field,
//! so a form can show all of them beside the fields in one go.

use crate::error::{Error, FieldProblem, Result};
use crate::model::{
    AnswerDetails, CheckInDetails, ClassDetails, ConcernDetails, ConferenceDetails, ContactDetails,
    GoalDetails, GuardianDetails, HomeActivityDetails, PraiseCategory, PraiseDetails,
    QuestionDetails, SchoolYearDetails, Settings, StudentDetails,
};
use crate::text::{multi_line, single_line};

/// Longest name, in characters.
pub const MAX_NAME: usize = 100;
/// Longest short field (pronouns, grade, phone, best time, ...), in characters.
pub const MAX_SHORT: usize = 200;
/// Longest free-text note, in characters.
pub const MAX_NOTE: usize = 10_000;
/// Largest export Rapport reads in, in bytes: far above any real record.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;
/// Largest roster Rapport reads in, in bytes of text (a zip's files counted as inflated): a
/// whole school's OneRoster export fits many times over, and a zip that swells past it is
/// refused before it can fill the memory.
pub const MAX_ROSTER_BYTES: u64 = 32 * 1024 * 1024;
/// Longest introduction letter body, in characters.
pub const MAX_LETTER: usize = 8_000;
/// Longest one-sentence text (a question, a goal statement), in characters.
pub const MAX_SENTENCE: usize = 500;
/// The longest texts, for the window to count down to as the teacher nears them.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Limits {
    pub name: usize,
    pub short: usize,
    pub sentence: usize,
    pub note: usize,
    pub letter: usize,
}

/// Every limit above, in one value.
pub const LIMITS: Limits = Limits {
    name: MAX_NAME,
    short: MAX_SHORT,
    sentence: MAX_SENTENCE,
    note: MAX_NOTE,
    letter: MAX_LETTER,
};

/// The most days Today may wait before naming a quiet family.
pub const MAX_QUIET_DAYS: u32 = 365;

/// Collects a form's problems while a value is cleaned (see `error::Problems`).
type Problems = crate::error::Problems<FieldProblem>;

impl Problems {
    fn add(&mut self, field: &'static str, message: impl Into<String>) {
        self.push(FieldProblem {
            field,
            message: message.into(),
        });
    }

    fn required(&mut self, field: &'static str, label: &str, value: &str) {
        if value.is_empty() {
            self.add(field, format!("{label} cannot be empty."));
        }
    }

    fn max_len(&mut self, field: &'static str, label: &str, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.add(
                field,
                format!("{label} is too long ({len} characters; at most {max})."),
            );
        }
    }
}

pub fn clean_school_year(input: &SchoolYearDetails) -> Result<SchoolYearDetails> {
    let mut p = Problems::default();
    let name = single_line(&input.name);
    p.required("name", "The school year's name", &name);
    p.max_len("name", "The school year's name", &name, MAX_NAME);
    if input.ends_on <= input.starts_on {
        p.add("ends_on", "The school year must end after it starts.");
    }
    p.finish(SchoolYearDetails {
        name,
        starts_on: input.starts_on,
        ends_on: input.ends_on,
    })
}

pub fn clean_class(input: &ClassDetails) -> Result<ClassDetails> {
    let mut p = Problems::default();
    let out = ClassDetails {
        name: single_line(&input.name),
        grade: single_line(&input.grade),
        room: single_line(&input.room),
    };
    p.required("name", "The class name", &out.name);
    p.max_len("name", "The class name", &out.name, MAX_NAME);
    p.max_len("grade", "The grade", &out.grade, MAX_SHORT);
    p.max_len("room", "The room", &out.room, MAX_SHORT);
    p.finish(out)
}

pub fn clean_student(input: &StudentDetails) -> Result<StudentDetails> {
    let mut p = Problems::default();
    let school_student_id = input
        .school_student_id
        .as_deref()
        .map(single_line)
        .filter(|id| !id.is_empty());
    let out = StudentDetails {
        class_id: input.class_id,
        given_name: single_line(&input.given_name),
        family_name: single_line(&input.family_name),
        preferred_name: single_line(&input.preferred_name),
        name_order: input.name_order,
        pronouns: single_line(&input.pronouns),
        grade: single_line(&input.grade),
        school_student_id,
        notes: multi_line(&input.notes),
        latin_name: single_line(&input.latin_name),
    };
    p.required("given_name", "The student's given name", &out.given_name);
    p.max_len("given_name", "The given name", &out.given_name, MAX_NAME);
    p.max_len("family_name", "The family name", &out.family_name, MAX_NAME);
    p.max_len(
        "preferred_name",
        "The preferred name",
        &out.preferred_name,
        MAX_NAME,
    );
    p.max_len("pronouns", "Pronouns", &out.pronouns, MAX_SHORT);
    p.max_len("grade", "The grade", &out.grade, MAX_SHORT);
    p.max_len(
        "latin_name",
        "The name in Latin letters",
        &out.latin_name,
        MAX_NAME,
    );
    if let Some(id) = &out.school_student_id {
        p.max_len(
            "school_student_id",
            "The school's student id",
            id,
            MAX_SHORT,
        );
    }
    p.max_len("notes", "Notes", &out.notes, MAX_NOTE);
    p.finish(out)
}

pub fn clean_guardian(input: &GuardianDetails) -> Result<GuardianDetails> {
    let mut p = Problems::default();
    let out = GuardianDetails {
        name: single_line(&input.name),
        relationship: single_line(&input.relationship),
        phone: single_line(&input.phone),
        email: single_line(&input.email),
        preferred_method: input.preferred_method,
        preferred_language: single_line(&input.preferred_language),
        best_time: single_line(&input.best_time),
        may_contact: input.may_contact,
        no_contact_reason: if input.may_contact {
            String::new()
        } else {
            multi_line(&input.no_contact_reason)
        },
    };
    p.required("name", "The guardian's name", &out.name);
    p.max_len("name", "The guardian's name", &out.name, MAX_NAME);
    p.max_len(
        "relationship",
        "The relationship",
        &out.relationship,
        MAX_SHORT,
    );
    p.max_len(
        "best_time",
        "The best time to reach them",
        &out.best_time,
        MAX_SHORT,
    );
    if let Err(message) = check_phone(&out.phone) {
        p.add("phone", message);
    }
    if let Err(message) = check_email(&out.email) {
        p.add("email", message);
    }
    if !is_language_tag(&out.preferred_language) {
        p.add(
            "preferred_language",
            format!(
                "“{}” is not a language Rapport knows; pick one from the list.",
                out.preferred_language
            ),
        );
    }
    if !out.may_contact {
        if out.no_contact_reason.is_empty() {
            p.add(
                "no_contact_reason",
                "Say why this guardian must not be contacted (for example, a court order), so no one \
                 calls them by mistake.",
            );
        }
        p.max_len(
            "no_contact_reason",
            "The reason",
            &out.no_contact_reason,
            MAX_SHORT,
        );
    }
    p.finish(out)
}

pub fn clean_settings(input: &Settings) -> Result<Settings> {
    let mut p = Problems::default();
    let out = Settings {
        teacher_name: single_line(&input.teacher_name),
        school_name: single_line(&input.school_name),
        current_class_id: input.current_class_id,
        quiet_days: input.quiet_days,
        paper: input.paper,
        contact_hours: single_line(&input.contact_hours),
        lock_minutes: input.lock_minutes,
    };
    p.max_len(
        "contact_hours",
        "How families can reach you",
        &out.contact_hours,
        MAX_SHORT,
    );
    p.max_len("teacher_name", "Your name", &out.teacher_name, MAX_NAME);
    p.max_len(
        "school_name",
        "The school's name",
        &out.school_name,
        MAX_NAME,
    );
    if !(1..=Settings::MAX_LOCK_MINUTES).contains(&out.lock_minutes) {
        p.add(
            "lock_minutes",
            format!(
                "Choose between 1 and {} minutes.",
                Settings::MAX_LOCK_MINUTES
            ),
        );
    }
    if !(1..=MAX_QUIET_DAYS).contains(&out.quiet_days) {
        p.add(
            "quiet_days",
            format!("Choose between 1 and {MAX_QUIET_DAYS} days."),
        );
    }
    p.finish(out)
}

/// A letter template: not empty, not too long, and only placeholders Rapport fills.
pub fn clean_letter_body(body: &str) -> Result<String> {
    let mut p = Problems::default();
    let out = multi_line(body);
    if out.is_empty() {
        p.add(
            "body",
            "Write the letter, or reset it to Rapport's wording.",
        );
    }
    p.max_len("body", "The letter", &out, MAX_LETTER);
    let unknown = crate::i18n::unknown_placeholders(&out);
    if !unknown.is_empty() {
        p.add(
            "body",
            format!(
                "{} is not something Rapport can fill in. Use {}.",
                unknown.join(", "),
                crate::i18n::PLACEHOLDERS.join(", ")
            ),
        );
    }
    p.finish(out)
}

pub fn clean_question(input: &QuestionDetails) -> Result<QuestionDetails> {
    let mut p = Problems::default();
    let out = QuestionDetails {
        prompt: single_line(&input.prompt),
        topic: input.topic,
    };
    p.required("prompt", "The question", &out.prompt);
    p.max_len("prompt", "The question", &out.prompt, MAX_SENTENCE);
    p.finish(out)
}

pub fn clean_answer(input: &AnswerDetails) -> Result<AnswerDetails> {
    let mut p = Problems::default();
    let out = AnswerDetails {
        answer: multi_line(&input.answer),
        ..input.clone()
    };
    p.required("answer", "The answer", &out.answer);
    p.max_len("answer", "The answer", &out.answer, MAX_NOTE);
    p.finish(out)
}

pub fn clean_goal(input: &GoalDetails) -> Result<GoalDetails> {
    let mut p = Problems::default();
    let out = GoalDetails {
        statement: single_line(&input.statement),
        measure: multi_line(&input.measure),
        unit: single_line(&input.unit),
        steps: multi_line(&input.steps),
        why: multi_line(&input.why),
        ..input.clone()
    };
    p.required("statement", "The goal", &out.statement);
    p.max_len("statement", "The goal", &out.statement, MAX_SENTENCE);
    p.max_len(
        "measure",
        "How progress is measured",
        &out.measure,
        MAX_NOTE,
    );
    p.max_len("unit", "What the numbers count", &out.unit, MAX_SHORT);
    p.max_len("steps", "What you will do in class", &out.steps, MAX_NOTE);
    p.max_len(
        "why",
        "Why it matters to the child and the family",
        &out.why,
        MAX_NOTE,
    );
    let scale = crate::measure::scale(&out.measure, &out.unit);
    for (field, label, value) in [
        ("baseline", "The baseline", out.baseline),
        ("target", "The target", out.target),
    ] {
        if let Some(problem) = value.and_then(|v| measure_problem(label, v, scale)) {
            p.add(field, problem);
        }
    }
    if out.due_on.is_some_and(|due| due < out.starts_on) {
        p.add("due_on", "The due date cannot come before the start date.");
    }
    p.finish(out)
}

/// The largest measure a goal takes (words a minute, days a week, a percentage...): anything
/// bigger is a typing slip, and would not draw on a chart.
pub const MAX_MEASURE: f64 = 1e9;

/// What is wrong with a goal's number, saying the real limit: beyond what any measure takes, or
/// outside the scale the goal's measure names ("8 of 10 problems" takes 0 to 10).
pub fn measure_problem(
    label: &str,
    value: f64,
    scale: Option<crate::measure::Scale>,
) -> Option<String> {
    use crate::measure::number;
    if !value.is_finite() {
        return Some(format!("{label} must be a number."));
    }
    if value.abs() > MAX_MEASURE {
        return Some(format!(
            "{label} can be at most {} (and at least -{0}).",
            number(MAX_MEASURE)
        ));
    }
    match scale {
        Some(scale) if !scale.contains(value) => Some(format!(
            "{label} must be between {} and {}: the measure is {}.",
            number(scale.low),
            number(scale.high),
            scale.describe()
        )),
        _ => None,
    }
}

/// A check-in on its own; [`check_in_fits`] checks it against its goal's measure.
pub fn clean_check_in(input: &CheckInDetails) -> Result<CheckInDetails> {
    let mut p = Problems::default();
    let out = CheckInDetails {
        note: multi_line(&input.note),
        ..input.clone()
    };
    if let Some(problem) = measure_problem("The check-in value", out.value, None) {
        p.add("value", problem);
    }
    p.max_len("note", "The note", &out.note, MAX_NOTE);
    p.finish(out)
}

/// A check-in's value against its goal's measure ("8 of 10 problems": 0 to 10).
pub fn check_in_fits(value: f64, goal: &GoalDetails) -> Result<()> {
    let scale = crate::measure::scale(&goal.measure, &goal.unit);
    match measure_problem("The check-in value", value, scale) {
        Some(problem) => Err(Error::invalid("value", problem)),
        None => Ok(()),
    }
}

pub fn clean_home_activity(input: &HomeActivityDetails) -> Result<HomeActivityDetails> {
    let mut p = Problems::default();
    let out = HomeActivityDetails {
        goal_id: input.goal_id,
        title: single_line(&input.title),
        details: multi_line(&input.details),
        how_often: single_line(&input.how_often),
    };
    p.required("title", "The activity", &out.title);
    p.max_len("title", "The activity", &out.title, MAX_SHORT);
    p.max_len(
        "details",
        "The details for the family",
        &out.details,
        MAX_NOTE,
    );
    p.max_len("how_often", "How often", &out.how_often, MAX_SHORT);
    p.finish(out)
}

pub fn clean_contact(input: &ContactDetails) -> Result<ContactDetails> {
    let mut p = Problems::default();
    let out = ContactDetails {
        summary: multi_line(&input.summary),
        outcome: multi_line(&input.outcome),
        ..input.clone()
    };
    p.max_len("summary", "What was said", &out.summary, MAX_NOTE);
    p.max_len("outcome", "Outcome or next step", &out.outcome, MAX_NOTE);
    if out.follow_up_on.is_some_and(|f| f < out.happened_on) {
        p.add(
            "follow_up_on",
            "The follow-up date cannot come before the contact.",
        );
    }
    p.finish(out)
}

pub fn clean_praise(input: &PraiseDetails) -> Result<PraiseDetails> {
    let mut p = Problems::default();
    let out = PraiseDetails {
        note: multi_line(&input.note),
        ..input.clone()
    };
    if out.category == PraiseCategory::Other && out.note.is_empty() {
        p.add("note", "Say what the child did.");
    }
    p.max_len("note", "The note", &out.note, MAX_NOTE);
    p.finish(out)
}

pub fn clean_concern(input: &ConcernDetails) -> Result<ConcernDetails> {
    let mut p = Problems::default();
    let mut causes: Vec<String> = input.causes.iter().map(|c| c.trim().to_string()).collect();
    causes.sort();
    causes.dedup();
    let out = ConcernDetails {
        observed: multi_line(&input.observed),
        setting: single_line(&input.setting),
        causes,
        strategies: multi_line(&input.strategies),
        plan: multi_line(&input.plan),
        notes: multi_line(&input.notes),
        ..input.clone()
    };
    p.required("observed", "What was seen", &out.observed);
    p.max_len("observed", "What was seen", &out.observed, MAX_NOTE);
    p.max_len("setting", "Where and when", &out.setting, MAX_SHORT);
    p.max_len("strategies", "What we tried", &out.strategies, MAX_NOTE);
    p.max_len("plan", "What we agreed", &out.plan, MAX_NOTE);
    p.max_len("notes", "Notes", &out.notes, MAX_NOTE);
    if let Some(unknown) = out.causes.iter().find(|c| crate::causes::find(c).is_none()) {
        p.add(
            "causes",
            format!("“{unknown}” is not a cause Rapport knows."),
        );
    }
    if out.resolved_on.is_some_and(|r| r < out.noticed_on) {
        p.add(
            "resolved_on",
            "It cannot be resolved before it was noticed.",
        );
    }
    p.finish(out)
}

/// The shortest and longest conference, in minutes.
pub const CONFERENCE_MINUTES: std::ops::RangeInclusive<u32> = 5..=240;

pub fn clean_conference(input: &ConferenceDetails) -> Result<ConferenceDetails> {
    let mut p = Problems::default();
    let out = ConferenceDetails {
        place: single_line(&input.place),
        interpreter_language: input
            .interpreter_language
            .as_deref()
            .map(single_line)
            .filter(|code| !code.is_empty()),
        attendees: multi_line(&input.attendees),
        notes: multi_line(&input.notes),
        ..input.clone()
    };
    if !CONFERENCE_MINUTES.contains(&out.minutes) {
        p.add(
            "minutes",
            format!(
                "A conference lasts between {} and {} minutes.",
                CONFERENCE_MINUTES.start(),
                CONFERENCE_MINUTES.end()
            ),
        );
    }
    if CONFERENCE_MINUTES.contains(&out.minutes) && out.ends_at().date() != out.day() {
        p.add(
            "minutes",
            "A conference ends on the day it starts; choose an earlier time.",
        );
    }
    p.max_len("place", "Place", &out.place, MAX_SHORT);
    if let Some(code) = &out.interpreter_language {
        if !is_language_tag(code) {
            p.add(
                "interpreter_language",
                format!("“{code}” is not a language Rapport knows; pick one from the list."),
            );
        }
    }
    p.max_len("attendees", "Who came", &out.attendees, MAX_NOTE);
    p.max_len("notes", "Notes", &out.notes, MAX_NOTE);
    p.finish(out)
}

/// A phone number as people write them: digits with spaces, `+ - ( ) .` and an optional extension.
fn check_phone(phone: &str) -> std::result::Result<(), String> {
    if phone.is_empty() {
        return Ok(());
    }
    if phone.chars().count() > 40 {
        return Err("The phone number is too long (at most 40 characters).".into());
    }
    let lower = phone.to_lowercase();
    let (number, extension) = match lower.split_once("ext") {
        Some((n, e)) => (n, Some(e.trim_start_matches(['.', ' ', ':']))),
        None => match lower.split_once(" x") {
            Some((n, e)) => (n, Some(e)),
            None => (lower.as_str(), None),
        },
    };
    let allowed = |c: char| c.is_ascii_digit() || " +-().".contains(c);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let extension_ok =
        extension.is_none_or(|e| !e.is_empty() && e.trim().chars().all(|c| c.is_ascii_digit()));
    if !number.chars().all(allowed) || !extension_ok {
        return Err(format!(
            "“{phone}” is not a phone number: use digits, spaces and + - ( ) only, for example 555-0142."
        ));
    }
    if digits < 3 {
        return Err(format!(
            "“{phone}” has too few digits to be a phone number."
        ));
    }
    Ok(())
}

/// An email address: one `@`, something before it, a domain with a dot after it, no spaces.
fn check_email(email: &str) -> std::result::Result<(), String> {
    if email.is_empty() {
        return Ok(());
    }
    if email.chars().count() > 254 {
        return Err("The email address is too long (at most 254 characters).".into());
    }
    let incomplete = || {
        format!("“{email}” is not a complete email address; it should look like name@example.org.")
    };
    let (local, domain) = email.split_once('@').ok_or_else(incomplete)?;
    let domain_ok = !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    if local.is_empty() || !domain_ok {
        return Err(incomplete());
    }
    if email
        .chars()
        .any(|c| c.is_whitespace() || c == ',' || c == ';')
    {
        return Err(format!(
            "“{email}” contains a space or a separator; enter one email address per guardian."
        ));
    }
    Ok(())
}

/// A BCP 47 tag's shape: letters, then optional `-` parts of letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn guardian(name: &str) -> GuardianDetails {
        GuardianDetails {
            name: name.into(),
            ..Default::default()
        }
    }

    fn fields(err: Error) -> Vec<&'static str> {
        err.field_problems().iter().map(|p| p.field).collect()
    }

    #[test]
    fn empty_student_name_is_refused_with_a_message_for_the_field() {
        let err = clean_student(&StudentDetails {
            given_name: "   ".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(err.code(), "validation");
        assert_eq!(err.to_string(), "The student's given name cannot be empty.");
        assert_eq!(fields(err), ["given_name"]);
    }

    #[test]
    fn over_long_text_is_refused_with_its_length() {
        let err = clean_student(&StudentDetails {
            given_name: "A".repeat(MAX_NAME + 1),
            notes: "n".repeat(MAX_NOTE + 5),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!(fields(err), ["given_name", "notes"]);
        let err = clean_guardian(&guardian(&"é".repeat(101))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The guardian's name is too long (101 characters; at most 100)."
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(clean_guardian(&guardian(&"王".repeat(MAX_NAME))).is_ok());
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "maria",
            "maria@",
            "@example.org",
            "maria@example",
            "maria@@example.org",
            "a b@x.org",
            "a@x..org",
            "a@x.org, b@y.org",
        ] {
            let mut g = guardian("María");
            g.email = bad.into();
            let err = clean_guardian(&g).unwrap_err();
            assert_eq!(fields(err), ["email"], "{bad}");
        }
        let mut g = guardian("María");
        g.email = " maria.lopez@example.org ".into();
        assert_eq!(clean_guardian(&g).unwrap().email, "maria.lopez@example.org");
    }

    #[test]
    fn phone_numbers_allow_common_shapes_only() {
        for good in [
            "555-0142",
            "+1 (555) 010-4477",
            "020 7946 0958",
            "555.0142 ext. 12",
            "555-0142 x7",
        ] {
            let mut g = guardian("Ana");
            g.phone = good.into();
            assert!(clean_guardian(&g).is_ok(), "{good}");
        }
        for bad in ["call me", "12", "555-0142 ext"] {
            let mut g = guardian("Ana");
            g.phone = bad.into();
            assert_eq!(fields(clean_guardian(&g).unwrap_err()), ["phone"], "{bad}");
        }
    }

    #[test]
    fn a_guardian_who_may_not_be_contacted_needs_a_reason() {
        let mut g = guardian("Viktor Petrov");
        g.may_contact = false;
        let err = clean_guardian(&g).unwrap_err();
        assert_eq!(fields(err), ["no_contact_reason"]);
        g.no_contact_reason = "Court order on file with the office".into();
        assert!(clean_guardian(&g).is_ok());
    }

    #[test]
    fn a_reason_is_dropped_when_contact_is_allowed() {
        let mut g = guardian("Ana");
        g.no_contact_reason = "left over".into();
        assert_eq!(clean_guardian(&g).unwrap().no_contact_reason, "");
    }

    #[test]
    fn language_must_look_like_a_tag() {
        let mut g = guardian("Ana");
        g.preferred_language = "Spanish!".into();
        assert_eq!(
            fields(clean_guardian(&g).unwrap_err()),
            ["preferred_language"]
        );
        g.preferred_language = "zh-Hant".into();
        assert!(clean_guardian(&g).is_ok());
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let mut g = guardian("");
        g.email = "nope".into();
        g.phone = "abc".into();
        assert_eq!(
            fields(clean_guardian(&g).unwrap_err()),
            ["name", "phone", "email"]
        );
    }

    #[test]
    fn school_year_must_end_after_it_starts() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        let err = clean_school_year(&SchoolYearDetails {
            name: "2026–2027".into(),
            starts_on: day,
            ends_on: day,
        })
        .unwrap_err();
        assert_eq!(fields(err), ["ends_on"]);
    }

    #[test]
    fn a_conference_ends_on_the_day_it_starts_and_measures_are_plausible() {
        let evening = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(23, 0, 0)
            .unwrap();
        let slot = |minutes| ConferenceDetails {
            class_id: Id::new(),
            student_id: Some(Id::new()),
            starts_at: evening,
            minutes,
            place: String::new(),
            interpreter_language: None,
            attendees: String::new(),
            notes: String::new(),
            sensitive: false,
        };
        assert!(clean_conference(&slot(45)).is_ok());
        assert_eq!(
            fields(clean_conference(&slot(120)).unwrap_err()),
            ["minutes"]
        );
        let check_in = |value| CheckInDetails {
            goal_id: Id::new(),
            on_date: evening.date(),
            value,
            note: String::new(),
        };
        assert!(clean_check_in(&check_in(1e6)).is_ok());
        assert_eq!(
            fields(clean_check_in(&check_in(1e39)).unwrap_err()),
            ["value"]
        );
    }
}
