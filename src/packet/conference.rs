//! The conference packet a family takes home: strengths first, what the family told us, goals with
//! their progress, learning at home, concerns talked through (or raised to talk through), our year of contact, next steps, room
//! for notes and signatures. One child, or a whole class in one file (each child on new pages with
//! their own page numbers). Nothing the teacher marked private is ever printed.

use chrono::{DateTime, NaiveDate, Utc};

use super::layout::{Column, Document, DocumentInfo, LineChart, Paper, Style, THEME};
use super::{Printed, Sender};
use crate::error::{Error, Result};
use crate::i18n::handout;
use crate::model::{
    AnswerBy, Concern, ConcernDetails, Conference, Contact, ContactKind, GoalRecord, GoalStatus,
    Id, PraiseCategory, Settings, StudentPage,
};

/// The packet's own words: it is written in the teacher's language, like the record it prints.
mod words {
    pub const TITLE: &str = "Family conference";
    pub const STRENGTHS: &str = "Starting with strengths";
    pub const NO_STRENGTHS: &str =
        "Nothing written down yet: let's begin with what you see at home.";
    pub const FAMILY: &str = "What the family told us";
    pub const NOT_HEARD: &str =
        "We have not heard from you yet. What would you like us to know about your child?";
    pub const GOALS: &str = "Goals we are working on";
    pub const NO_GOALS: &str = "We will set a goal together at this conference.";
    pub const HOME: &str = "Learning at home";
    pub const NO_HOME: &str = "We will choose something to do at home together.";
    pub const CONCERNS: &str = "Concerns we talked about";
    pub const CONCERNS_TO_TALK: &str = "Concerns to talk about together";
    pub const COMMUNICATION: &str = "Our communication this year";
    pub const NEXT: &str = "Next steps";
    pub const NOTES: &str = "Notes from our conference";
    pub const PAGE_OF: &str = "Page {page} of {pages}";
}

/// Contacts listed in full under the counts.
const RECENT_CONTACTS: usize = 6;
/// Praise listed under strengths, newest first.
const PRAISE_SHOWN: usize = 8;
/// Height of a goal's progress chart, in points.
const CHART_HEIGHT: f32 = 80.0;
/// Ruled lines for notes taken at the conference.
const NOTE_LINES: usize = 6;
/// Empty rows in Next steps for what is agreed at the conference.
const BLANK_STEPS: usize = 3;

/// What every packet of a printing shares.
pub struct PacketSetting<'a> {
    pub settings: &'a Settings,
    /// When the school year started: the year's contacts count from here.
    pub year_start: NaiveDate,
    pub paper: Paper,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
}

/// The packet for one child.
pub fn student_packet(page: &StudentPage, with: &PacketSetting) -> Printed {
    let sender = Sender::new(with.settings, crate::i18n::handout("en"));
    let mut document = Document::new(
        with.paper,
        DocumentInfo {
            title: format!("{} — {}", words::TITLE, page.record.display_name),
            author: sender.teacher.clone(),
            created: with.now,
            footer: footer(page),
            page_of: words::PAGE_OF.into(),
        },
    );
    write_packet(&mut document, page, &sender, with.today, with.year_start);
    document.finish()
}

/// The packets of a whole class in one file, in class-list order, each child starting a new page
/// with their own page numbering. `pages` come one at a time, so only one child's record is in
/// memory at once.
pub fn class_packet(
    class_name: &str,
    pages: impl IntoIterator<Item = Result<StudentPage>>,
    with: &PacketSetting,
) -> Result<Printed> {
    let sender = Sender::new(with.settings, crate::i18n::handout("en"));
    let mut document: Option<Document> = None;
    for page in pages {
        let page = page?;
        let document = match document.as_mut() {
            Some(document) => {
                document.new_section(&footer(&page), words::PAGE_OF);
                document
            }
            None => document.insert(Document::new(
                with.paper,
                DocumentInfo {
                    title: format!("{}s — {class_name}", words::TITLE),
                    author: sender.teacher.clone(),
                    created: with.now,
                    footer: footer(&page),
                    page_of: words::PAGE_OF.into(),
                },
            )),
        };
        write_packet(document, &page, &sender, with.today, with.year_start);
    }
    let document = document.ok_or_else(|| {
        Error::NothingToPrint(format!(
            "{class_name} has no students yet, so there are no packets to print."
        ))
    })?;
    Ok(document.finish())
}

fn footer(page: &StudentPage) -> String {
    format!(
        "{} · {} · {}",
        page.record.display_name,
        page.record.class.details.name,
        words::TITLE
    )
}

/// The conference this packet is for: the next one from today, else the most recent.
fn conference_for(page: &StudentPage, today: NaiveDate) -> Option<&Conference> {
    page.conferences
        .iter()
        .find(|c| c.details.day() >= today)
        .or_else(|| page.conferences.last())
}

/// How the packet names the family as a whole.
const FAMILY: &str = "The family";

/// A guardian's name if they are still this child's guardian and may be contacted. The packet
/// goes home: it never names someone the family must not hear from (a custody order).
fn contactable_guardian(page: &StudentPage, id: Id) -> Option<&str> {
    page.record
        .guardians
        .iter()
        .find(|g| g.guardian.id == id && g.guardian.details.may_contact)
        .map(|g| g.guardian.details.name.as_str())
}

/// The answers a packet may print, each with who gave it: none marked private, and none from a
/// guardian who may not be contacted or is no longer the child's.
fn printable_answers<'a>(
    page: &'a StudentPage,
    answers: &'a [AnswerBy],
) -> impl Iterator<Item = (&'a AnswerBy, &'a str)> {
    answers
        .iter()
        .filter(|a| !a.answer.details.sensitive)
        .filter_map(|a| match a.answer.details.guardian_id {
            None => Some((a, FAMILY)),
            Some(id) => contactable_guardian(page, id).map(|name| (a, name)),
        })
}

fn short_date(date: NaiveDate) -> String {
    date.format("%b %-d, %Y").to_string()
}

/// A number as a teacher writes it: 12, 12.5.
fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

fn write_packet(
    document: &mut Document,
    page: &StudentPage,
    sender: &Sender,
    today: NaiveDate,
    year_start: NaiveDate,
) {
    let child = page.record.display_name.as_str();
    let english = handout("en");
    let conference = conference_for(page, today);

    // Header.
    document.line(
        &format!("{} · {}", words::TITLE, sender.school),
        Style::strong().with_color(THEME.accent),
        0.0,
    );
    document.line(child, Style::title(), 0.0);
    document.line(
        &format!(
            "{} · Teacher: {}",
            page.record.class.details.name, sender.teacher
        ),
        Style::muted(),
        0.0,
    );
    document.space(4.0);
    // With no conference booked the date is left to write in: the day of printing is not the
    // day of the conference.
    match conference {
        Some(c) => {
            let when = format!(
                "{} at {}",
                english.date(c.details.day()),
                english.time(c.details.starts_at.time())
            );
            document.labelled("Date", &when, Style::body());
        }
        None => {
            document.labelled("Date", "", Style::body());
            document.writing_lines(1);
        }
    }
    let attended = conference
        .map(|c| c.details.attendees.trim())
        .filter(|a| !a.is_empty());
    match attended {
        Some(who) => document.labelled("Who attended", who, Style::body()),
        None => {
            document.labelled("Who attended", "", Style::body());
            document.writing_lines(1);
        }
    }

    strengths(document, page);
    family(document, page);
    goals(document, page);
    home(document, page);
    concerns(document, page);
    communication(document, page, year_start);
    next_steps(document, page, sender);

    // The notes and the signatures are one block: signatures never start a page on their own.
    let signatures = 36.0 + Style::small().line_height() * 2.0;
    document.ensure(
        Style::heading().line_height() * 2.0
            + THEME.writing_line * NOTE_LINES as f32
            + 6.0
            + signatures,
    );
    document.heading(
        words::NOTES,
        THEME.writing_line * NOTE_LINES as f32 + signatures,
    );
    document.writing_lines(NOTE_LINES);
    document.space(6.0);
    document.signature_lines(&["Family signature", "Teacher signature"], "Date");
}

fn strengths(document: &mut Document, page: &StudentPage) {
    document.heading(words::STRENGTHS, Style::body().line_height() * 2.0);
    let mut any = false;
    for answers in page
        .family_answers
        .iter()
        .filter(|a| a.question.seed_key.as_deref() == Some("strengths"))
    {
        for (by, who) in printable_answers(page, &answers.answers) {
            any = true;
            document.bullet(
                &format!("“{}” — {who}", by.answer.details.answer),
                Style::body(),
            );
        }
    }
    for praise in page.praise.iter().take(PRAISE_SHOWN) {
        any = true;
        let what = match (praise.details.category, praise.details.note.trim()) {
            (PraiseCategory::Other, note) if !note.is_empty() => note.to_string(),
            (category, "") => category.label().to_string(),
            (category, note) => format!("{}: {note}", category.label()),
        };
        document.bullet(
            &format!("{} — {what}", short_date(praise.details.noticed_on)),
            Style::body(),
        );
    }
    if !any {
        document.paragraph(words::NO_STRENGTHS, Style::muted(), 0.0);
    }
}

fn family(document: &mut Document, page: &StudentPage) {
    let told: Vec<_> = page
        .family_answers
        .iter()
        .filter(|a| a.question.seed_key.as_deref() != Some("strengths"))
        .filter(|a| printable_answers(page, &a.answers).next().is_some())
        .collect();
    document.heading(words::FAMILY, Style::body().line_height() * 3.0);
    if told.is_empty() {
        document.paragraph(words::NOT_HEARD, Style::muted(), 0.0);
        document.writing_lines(3);
        return;
    }
    for answers in told {
        document.ensure(Style::strong().line_height() + Style::body().line_height() * 2.0);
        document.paragraph(&answers.question.prompt, Style::strong(), 0.0);
        for (by, who) in printable_answers(page, &answers.answers) {
            document.paragraph(&by.answer.details.answer, Style::body(), 10.0);
            document.paragraph(
                &format!("— {who}, {}", short_date(by.answer.details.answered_on)),
                Style::small(),
                10.0,
            );
        }
        document.space(4.0);
    }
}

/// Goals shown to the family: those being worked on and those reached or not reached this year.
fn shown_goals(page: &StudentPage) -> impl Iterator<Item = &GoalRecord> {
    page.goals
        .iter()
        .filter(|g| g.goal.details.status != GoalStatus::Dropped)
}

fn goals(document: &mut Document, page: &StudentPage) {
    // The heading stays with the first goal's block.
    let first = shown_goals(page)
        .next()
        .map_or(Style::body().line_height() * 3.0, |g| {
            goal_block_height(document, g)
        });
    document.heading(words::GOALS, first);
    let mut any = false;
    for record in shown_goals(page) {
        any = true;
        let goal = &record.goal.details;
        // The goal's statement, its numbers and its chart stay together.
        document.ensure(goal_block_height(document, record));
        document.paragraph(&goal.statement, Style::strong(), 0.0);
        let mut facts = vec![
            goal.area.label().to_string(),
            goal.status.label().to_string(),
        ];
        if let Some(due) = goal.due_on {
            facts.push(format!("by {}", short_date(due)));
        }
        document.line(&facts.join(" · "), Style::small(), 0.0);
        let unit = goal.unit.trim();
        if let (Some(baseline), Some(target)) = (goal.baseline, goal.target) {
            document.labelled(
                "From → to",
                &format!("{} → {} {unit}", number(baseline), number(target)),
                Style::body(),
            );
        }
        if let Some(latest) = record.check_ins.last() {
            let mut progress = format!(
                "{} {unit} on {}",
                number(latest.details.value),
                short_date(latest.details.on_date)
            );
            if let Some(share) = record.progress {
                progress.push_str(&format!(" ({:.0}% of the way)", share * 100.0));
            }
            document.labelled("Latest", &progress, Style::body());
            chart(document, record);
        }
        if !goal.steps.trim().is_empty() {
            document.labelled("What we are doing", &goal.steps, Style::body());
        }
        if !goal.why.trim().is_empty() {
            document.labelled("Why it matters", &goal.why, Style::body());
        }
        document.space(8.0);
    }
    if !any {
        document.paragraph(words::NO_GOALS, Style::muted(), 0.0);
        document.writing_lines(2);
    }
}

/// The height of a goal's statement, facts, numbers and chart, kept on one page.
fn goal_block_height(document: &Document, record: &GoalRecord) -> f32 {
    let chart = if record.check_ins.is_empty() {
        0.0
    } else {
        CHART_HEIGHT + Style::small().line_height() * 1.6 + 4.0
    };
    document.paragraph_height(&record.goal.details.statement, Style::strong(), 0.0)
        + Style::small().line_height()
        + Style::body().line_height() * 2.0
        + chart
}

/// The check-ins over time, with the baseline and target as guides.
fn chart(document: &mut Document, record: &GoalRecord) {
    let goal = &record.goal.details;
    let first_day = record
        .check_ins
        .first()
        .map_or(goal.starts_on, |c| c.details.on_date.min(goal.starts_on));
    // The start date may have been moved after the first check-ins: the range holds it too.
    let last_day = goal
        .due_on
        .into_iter()
        .chain(record.check_ins.last().map(|c| c.details.on_date))
        .chain(std::iter::once(goal.starts_on))
        .max()
        .unwrap_or(first_day);
    let x = |day: NaiveDate| (day - first_day).num_days() as f32;
    let mut points: Vec<(f32, f32)> = Vec::new();
    if let Some(baseline) = goal.baseline {
        points.push((x(goal.starts_on), baseline as f32));
    }
    points.extend(
        record
            .check_ins
            .iter()
            .map(|c| (x(c.details.on_date), c.details.value as f32)),
    );
    let baseline_label = goal.baseline.map(|b| format!("Start {}", number(b)));
    let target_label = goal.target.map(|t| format!("Target {}", number(t)));
    let mut guides: Vec<(&str, f32)> = Vec::new();
    if let (Some(label), Some(value)) = (&baseline_label, goal.baseline) {
        guides.push((label, value as f32));
    }
    if let (Some(label), Some(value)) = (&target_label, goal.target) {
        guides.push((label, value as f32));
    }
    let (from, to) = (short_date(first_day), short_date(last_day));
    document.line_chart(&LineChart {
        points: &points,
        x_range: (0.0, x(last_day)),
        x_labels: (&from, &to),
        guides: &guides,
        height: CHART_HEIGHT,
    });
}

fn home(document: &mut Document, page: &StudentPage) {
    document.heading(words::HOME, Style::body().line_height() * 2.0);
    let mut any = false;
    for record in shown_goals(page) {
        for activity in &record.home_activities {
            any = true;
            let activity = &activity.details;
            let mut text = activity.title.clone();
            if !activity.how_often.trim().is_empty() {
                text.push_str(&format!(" ({})", activity.how_often.trim()));
            }
            if !activity.details.trim().is_empty() {
                text.push_str(&format!(": {}", activity.details.trim()));
            }
            document.bullet(&text, Style::body());
            document.paragraph(
                &format!("For the goal: {}", record.goal.details.statement),
                Style::small(),
                Style::body().size * 1.2,
            );
        }
    }
    if !any {
        document.paragraph(words::NO_HOME, Style::muted(), 0.0);
        document.writing_lines(2);
    }
}

/// Whether the family may read of a concern in the packet: it was talked through with them, or
/// the teacher chose to raise it at the conference. A family never first reads of a concern on
/// paper under a heading that is not true.
fn printed(concern: &Concern) -> bool {
    concern.details.contact_id.is_some() || concern.details.share_at_conference
}

fn concerns(document: &mut Document, page: &StudentPage) {
    let (talked, to_talk): (Vec<&Concern>, Vec<&Concern>) = page
        .concerns
        .iter()
        .filter(|c| printed(c))
        .partition(|c| c.details.contact_id.is_some());
    for (heading, list) in [
        (words::CONCERNS, talked),
        (words::CONCERNS_TO_TALK, to_talk),
    ] {
        if list.is_empty() {
            continue;
        }
        document.heading(heading, Style::body().line_height() * 3.0);
        for concern in list {
            concern_entry(document, &concern.details);
        }
    }
}

fn concern_entry(document: &mut Document, concern: &ConcernDetails) {
    document.ensure(Style::strong().line_height() * 3.0);
    document.paragraph(&concern.observed, Style::strong(), 0.0);
    let status = match concern.resolved_on {
        Some(day) => format!("Resolved {}", short_date(day)),
        None => "Still working on it".to_string(),
    };
    let mut facts = vec![
        format!("Noticed {}", short_date(concern.noticed_on)),
        status,
    ];
    if !concern.setting.trim().is_empty() {
        facts.push(concern.setting.clone());
    }
    document.line(&facts.join(" · "), Style::small(), 0.0);
    let causes: Vec<&str> = concern
        .causes
        .iter()
        .map(|code| crate::causes::find(code).map_or(code.as_str(), |c| c.label))
        .collect();
    if !causes.is_empty() {
        document.labelled("Possible causes", &causes.join("; "), Style::body());
    }
    if !concern.strategies.trim().is_empty() {
        document.labelled("What we tried", &concern.strategies, Style::body());
    }
    if !concern.plan.trim().is_empty() {
        document.labelled("What we agreed", &concern.plan, Style::body());
    }
    // The teacher's notes (`concern.notes`) are private and never printed.
    document.space(6.0);
}

fn communication(document: &mut Document, page: &StudentPage, year_start: NaiveDate) {
    document.heading(words::COMMUNICATION, 60.0);
    // A contact marked private is neither listed nor counted: even that it happened stays with
    // the teacher.
    let this_year: Vec<&Contact> = page
        .contacts
        .iter()
        .filter(|c| c.details.happened_on >= year_start && !c.details.sensitive)
        .collect();
    let reached_of = |kind: ContactKind| {
        this_year
            .iter()
            .filter(|c| c.details.kind == kind && c.details.reached)
            .count()
    };
    let contacts = match this_year.len() {
        1 => "1 contact".to_string(),
        n => format!("{n} contacts"),
    };
    document.paragraph(
        &format!(
            "{contacts} since {}: {} with good news and {} about a concern.",
            short_date(year_start),
            reached_of(ContactKind::Positive),
            reached_of(ContactKind::Concern)
        ),
        Style::body(),
        0.0,
    );
    document.space(4.0);
    contacts_by_kind(document, &this_year);
    recent_contacts(document, page, &this_year);
}

/// How many contacts of each kind, and in how many the family was reached.
fn contacts_by_kind(document: &mut Document, this_year: &[&Contact]) {
    let kinds = [
        ContactKind::Introduction,
        ContactKind::Positive,
        ContactKind::Concern,
        ContactKind::Information,
        ContactKind::Conference,
    ];
    let counts: Vec<Vec<String>> = kinds
        .iter()
        .map(|kind| {
            let of_kind: Vec<_> = this_year
                .iter()
                .filter(|c| c.details.kind == *kind)
                .collect();
            let reached = of_kind.iter().filter(|c| c.details.reached).count();
            vec![
                kind.label().to_string(),
                of_kind.len().to_string(),
                reached.to_string(),
            ]
        })
        .collect();
    let columns = [
        Column::new("Kind of contact", 3.0),
        Column::new("Contacts", 1.0),
        Column::new("We talked", 1.0),
    ];
    document.table(&columns, &counts);
}

/// The latest contacts of the year: when, with whom, how and about what.
fn recent_contacts(document: &mut Document, page: &StudentPage, this_year: &[&Contact]) {
    let recent: Vec<Vec<String>> = this_year
        .iter()
        .take(RECENT_CONTACTS)
        .map(|c| {
            let with = c
                .details
                .guardian_id
                .and_then(|id| contactable_guardian(page, id))
                .unwrap_or(FAMILY)
                .to_string();
            vec![
                short_date(c.details.happened_on),
                with,
                c.details.method.label().to_string(),
                c.details.summary.clone(),
            ]
        })
        .collect();
    if recent.is_empty() {
        return;
    }
    document.ensure(Style::strong().line_height() + 40.0);
    document.line("Most recent", Style::strong(), 0.0);
    let columns = [
        Column::new("Date", 1.1),
        Column::new("With", 1.5),
        Column::new("How", 1.0),
        Column::new("About", 3.4),
    ];
    document.table(&columns, &recent);
}

fn next_steps(document: &mut Document, page: &StudentPage, sender: &Sender) {
    let child = page.record.display_name.as_str();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for contact in &page.contacts {
        let c = &contact.details;
        if let (Some(day), false, false) = (c.follow_up_on, c.follow_up_done, c.sensitive) {
            rows.push(vec![
                format!("Follow up: {}", c.summary),
                sender.teacher.clone(),
                short_date(day),
            ]);
        }
    }
    for record in page
        .goals
        .iter()
        .filter(|g| g.goal.details.status == GoalStatus::Active)
    {
        let goal = &record.goal.details;
        rows.push(vec![
            format!("Work toward: {}", goal.statement),
            format!("{child} and {}", sender.teacher),
            goal.due_on.map_or_else(|| "—".to_string(), short_date),
        ]);
        for activity in &record.home_activities {
            rows.push(vec![
                format!("At home: {}", activity.details.title),
                "Family".to_string(),
                non_empty_or_dash(&activity.details.how_often),
            ]);
        }
    }
    for concern in page.concerns.iter().filter(|c| {
        printed(c) && c.details.resolved_on.is_none() && !c.details.plan.trim().is_empty()
    }) {
        rows.push(vec![
            concern.details.plan.clone(),
            format!("Family and {}", sender.teacher),
            "—".to_string(),
        ]);
    }
    // Room to write what is agreed at the conference.
    rows.extend((0..BLANK_STEPS).map(|_| vec!["\n".to_string(), String::new(), String::new()]));
    document.heading(words::NEXT, 60.0);
    document.table(
        &[
            Column::new("What", 4.0),
            Column::new("Who", 1.8),
            Column::new("By when", 1.2),
        ],
        &rows,
    );
}

fn non_empty_or_dash(value: &str) -> String {
    if value.trim().is_empty() {
        "—".to_string()
    } else {
        value.trim().to_string()
    }
}
