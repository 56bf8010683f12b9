//! The conference packet a family takes home: strengths first, what the family told us, goals with
//! their progress, learning at home, concerns talked through (or raised to talk through), our year of contact, next steps, room
//! for notes and signatures. One child, or a whole class in one file (each child on new pages with
//! their own page numbers). Nothing the teacher marked private is ever printed.

use chrono::{DateTime, NaiveDate, Utc};

use super::in_order::for_each_in_order;
use super::layout::{Column, Document, DocumentInfo, Joined, LineChart, Paper, Style, THEME};
use super::{family_handout, Printed, Sender};
use crate::error::{Error, Result};
use crate::i18n::{Handout, Texts};
use crate::model::{
    AnswerBy, Concern, ConcernDetails, Conference, Contact, ContactKind, GoalRecord, GoalStatus,
    Id, PraiseCategory, Settings, StudentPage,
};

/// The packet's words: headings and labels in the family's language with English beside them
/// (the teacher reads the packet too), sentences in the family's language with English under
/// them, and the closed lists (goal areas, kinds of praise and contact, causes) and dates in the
/// family's language. For a family reading English, English alone. What the teacher wrote is
/// printed as written.
struct Words<'a> {
    family: &'a Handout,
    english: &'a Handout,
}

impl<'a> Words<'a> {
    fn for_page(page: &StudentPage, texts: &'a Texts) -> Words<'a> {
        Words {
            family: family_handout(&page.record, texts),
            english: texts.english(),
        }
    }

    fn bilingual(&self) -> bool {
        self.family.code != self.english.code
    }

    /// A heading or label: "Metas en las que trabajamos / Goals we are working on".
    fn label(&self, key: &str) -> String {
        let english = self.english.text(key);
        let theirs = self.family.text(key);
        if !self.bilingual() || theirs == english {
            english.to_string()
        } else {
            format!("{theirs} / {english}")
        }
    }

    /// A sentence: the family's, with English's on the next line when they differ.
    fn sentence(&self, document: &mut Document, key: &str) {
        document.paragraph(self.family.text(key), Style::muted(), 0.0);
        if self.bilingual() {
            document.paragraph(self.english.text(key), Style::small(), 0.0);
        }
    }

    /// A word of a closed list ("goal_area.reading"), or a short phrase, in the family's language.
    fn word(&self, key: &str) -> &str {
        self.family.text(key)
    }

    fn date(&self, day: NaiveDate) -> String {
        self.family.short_date(day)
    }

    /// A number as the family writes it: 12, 12,5.
    fn number(&self, value: f64) -> String {
        self.family.number((value * 100.0).round() / 100.0)
    }
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
    /// Rapport's translations with the record's corrections.
    pub texts: &'a Texts,
    /// When the school year started: the year's contacts count from here.
    pub year_start: NaiveDate,
    pub paper: Paper,
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
}

/// The packet for one child.
pub fn student_packet(page: &StudentPage, with: &PacketSetting) -> Printed {
    let sender = Sender::new(with.settings, with.texts.english());
    let words = Words::for_page(page, with.texts);
    let mut document = Document::new(
        with.paper,
        DocumentInfo {
            title: format!(
                "{} — {}",
                with.texts.english().text("packet.title"),
                page.record.display_name
            ),
            author: sender.teacher.clone(),
            created: with.now,
            footer: footer(page, &words),
            page_of: words.family.page_of.clone(),
        },
    );
    write_packet(
        &mut document,
        page,
        &words,
        with.settings,
        with.today,
        with.year_start,
    );
    document.finish()
}

/// The packets of a whole class in one file, in class-list order, each child starting a new page
/// with their own page numbering. `pages` are read one at a time, and each child is laid out on
/// its own, on every core, while the next are read.
pub fn class_packet(
    class_name: &str,
    pages: impl IntoIterator<Item = Result<StudentPage>>,
    with: &PacketSetting,
) -> Result<Printed> {
    let sender = Sender::new(with.settings, with.texts.english());
    let title = format!(
        "{}s — {class_name}",
        with.texts.english().text("packet.title")
    );
    let lay_out = |page: StudentPage| {
        let words = Words::for_page(&page, with.texts);
        let mut document = Document::new(
            with.paper,
            DocumentInfo {
                title: title.clone(),
                author: sender.teacher.clone(),
                created: with.now,
                footer: footer(&page, &words),
                page_of: words.family.page_of.clone(),
            },
        );
        write_packet(
            &mut document,
            &page,
            &words,
            with.settings,
            with.today,
            with.year_start,
        );
        document
    };
    // The class is made a part at a time, each part's pages let go once it is made (`Joined`).
    let mut joined = Joined::default();
    let mut part: Option<(Document, usize)> = None;
    for_each_in_order(pages, lay_out, |child| {
        let (document, children) = match part.take() {
            None => (child, 1),
            Some((mut document, children)) => {
                document.append(child);
                (document, children + 1)
            }
        };
        if children == CHILDREN_A_PART {
            joined.add(document);
        } else {
            part = Some((document, children));
        }
    })?;
    if let Some((document, _)) = part {
        joined.add(document);
    }
    joined.finish()?.ok_or_else(|| {
        Error::NothingToPrint(format!(
            "{class_name} has no students yet, so there are no packets to print."
        ))
    })
}

/// How many children's packets are made into PDF objects together. Each part embeds its own font
/// subsets, so a class of up to this many is one part, as small as one file can be; a larger class
/// takes about as much memory as this many children do, however large it is.
const CHILDREN_A_PART: usize = 32;

fn footer(page: &StudentPage, words: &Words) -> String {
    format!(
        "{} · {} · {}",
        page.record.display_name,
        page.record.class.details.name,
        words.word("packet.title")
    )
}

/// The conference this packet is for: the next one from today, else the most recent.
fn conference_for(page: &StudentPage, today: NaiveDate) -> Option<&Conference> {
    page.conferences
        .iter()
        .find(|c| c.details.day() >= today)
        .or_else(|| page.conferences.last())
}

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
    words: &'a Words,
) -> impl Iterator<Item = (&'a AnswerBy, &'a str)> {
    answers
        .iter()
        .filter(|a| !a.answer.details.sensitive)
        .filter_map(|a| match a.answer.details.guardian_id {
            None => Some((a, words.word("packet.the_family"))),
            Some(id) => contactable_guardian(page, id).map(|name| (a, name)),
        })
}

fn write_packet(
    document: &mut Document,
    page: &StudentPage,
    words: &Words,
    settings: &Settings,
    today: NaiveDate,
    year_start: NaiveDate,
) {
    // Before the teacher's and school's names are set, the family reads "your child's teacher"
    // in its own words.
    let sender = &Sender::new(settings, words.family);
    let child = page.record.display_name.as_str();
    let conference = conference_for(page, today);
    // A family reading Arabic or Dari reads the packet from the right.
    document.set_right_to_left(words.family.rtl);

    // Header.
    document.line(
        &format!("{} · {}", words.label("packet.title"), sender.school),
        Style::strong().with_color(THEME.accent),
        0.0,
    );
    document.line(child, Style::title(), 0.0);
    document.line(
        &format!("{} · {}", page.record.class.details.name, sender.teacher),
        Style::muted(),
        0.0,
    );
    document.space(4.0);
    // With no conference booked the date is left to write in: the day of printing is not the
    // day of the conference.
    match conference {
        Some(c) => {
            let when = format!(
                "{} · {}",
                words.family.date(c.details.day()),
                words.family.time(c.details.starts_at.time())
            );
            document.labelled(&words.label("packet.date"), &when, Style::body());
        }
        None => {
            document.labelled(&words.label("packet.date"), "", Style::body());
            document.writing_lines(1);
        }
    }
    let attended = conference
        .map(|c| c.details.attendees.trim())
        .filter(|a| !a.is_empty());
    match attended {
        Some(who) => document.labelled(&words.label("packet.who_attended"), who, Style::body()),
        None => {
            document.labelled(&words.label("packet.who_attended"), "", Style::body());
            document.writing_lines(1);
        }
    }

    strengths(document, page, words);
    family(document, page, words);
    goals(document, page, words);
    home(document, page, words);
    concerns(document, page, words);
    communication(document, page, words, year_start);
    next_steps(document, page, words, sender);

    // The notes and the signatures are one block: signatures never start a page on their own.
    let signatures = 36.0 + Style::small().line_height() * 2.0;
    document.ensure(
        Style::heading().line_height() * 2.0
            + THEME.writing_line * NOTE_LINES as f32
            + 6.0
            + signatures,
    );
    document.heading(
        &words.label("packet.notes"),
        THEME.writing_line * NOTE_LINES as f32 + signatures,
    );
    document.writing_lines(NOTE_LINES);
    document.space(6.0);
    document.signature_lines(
        &[
            &words.label("packet.family_signature"),
            &words.label("packet.teacher_signature"),
        ],
        &words.label("packet.date"),
    );
    document.set_right_to_left(false);
}

fn strengths(document: &mut Document, page: &StudentPage, words: &Words) {
    document.heading(
        &words.label("packet.strengths"),
        Style::body().line_height() * 2.0,
    );
    let mut any = false;
    for answers in page
        .family_answers
        .iter()
        .filter(|a| a.question.seed_key.as_deref() == Some("strengths"))
    {
        for (by, who) in printable_answers(page, &answers.answers, words) {
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
            (category, "") => words.word(&praise_key(category)).to_string(),
            (category, note) => format!("{}: {note}", words.word(&praise_key(category))),
        };
        document.bullet(
            &format!("{} — {what}", words.date(praise.details.noticed_on)),
            Style::body(),
        );
    }
    if !any {
        words.sentence(document, "packet.no_strengths");
    }
}

fn praise_key(category: PraiseCategory) -> String {
    format!("praise.{}", category.as_str())
}

fn family(document: &mut Document, page: &StudentPage, words: &Words) {
    let told: Vec<_> = page
        .family_answers
        .iter()
        .filter(|a| a.question.seed_key.as_deref() != Some("strengths"))
        .filter(|a| printable_answers(page, &a.answers, words).next().is_some())
        .collect();
    document.heading(
        &words.label("packet.family"),
        Style::body().line_height() * 3.0,
    );
    if told.is_empty() {
        words.sentence(document, "packet.no_family");
        document.writing_lines(3);
        return;
    }
    for answers in told {
        document.ensure(Style::strong().line_height() + Style::body().line_height() * 2.0);
        // A question from Rapport's bank, as Rapport wrote it, is asked in the family's language.
        let prompt = answers
            .question
            .seed_key
            .as_deref()
            .filter(|key| words.english.question(key) == Some(answers.question.prompt.as_str()))
            .and_then(|key| words.family.question(key))
            .unwrap_or(&answers.question.prompt);
        document.paragraph(prompt, Style::strong(), 0.0);
        for (by, who) in printable_answers(page, &answers.answers, words) {
            document.paragraph(&by.answer.details.answer, Style::body(), 10.0);
            document.paragraph(
                &format!("— {who}, {}", words.date(by.answer.details.answered_on)),
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

fn goals(document: &mut Document, page: &StudentPage, words: &Words) {
    // The heading stays with the first goal's block.
    let first = shown_goals(page)
        .next()
        .map_or(Style::body().line_height() * 3.0, |g| {
            goal_block_height(document, g)
        });
    document.heading(&words.label("packet.goals"), first);
    let mut any = false;
    for record in shown_goals(page) {
        any = true;
        let goal = &record.goal.details;
        // The goal's statement, its numbers and its chart stay together.
        document.ensure(goal_block_height(document, record));
        document.paragraph(&goal.statement, Style::strong(), 0.0);
        let mut facts = vec![
            words
                .word(&format!("goal_area.{}", goal.area.as_str()))
                .to_string(),
            words
                .word(&format!("goal_status.{}", goal.status.as_str()))
                .to_string(),
        ];
        if let Some(due) = goal.due_on {
            facts.push(format!(
                "{}: {}",
                words.word("packet.by_when"),
                words.date(due)
            ));
        }
        document.line(&facts.join(" · "), Style::small(), 0.0);
        let unit = goal.unit.trim();
        if let (Some(baseline), Some(target)) = (goal.baseline, goal.target) {
            document.labelled(
                &words.label("packet.from_to"),
                &format!(
                    "{} → {} {unit}",
                    words.number(baseline),
                    words.number(target)
                ),
                Style::body(),
            );
        }
        if let Some(latest) = record.check_ins.last() {
            let mut progress = format!(
                "{} {unit} · {}",
                words.number(latest.details.value),
                words.date(latest.details.on_date)
            );
            if let Some(share) = record.progress {
                progress.push_str(&format!(" · {:.0}%", share * 100.0));
            }
            document.labelled(&words.label("packet.latest"), &progress, Style::body());
            chart(document, record, words);
        }
        if !goal.steps.trim().is_empty() {
            document.labelled(
                &words.label("packet.what_we_do"),
                &goal.steps,
                Style::body(),
            );
        }
        if !goal.why.trim().is_empty() {
            document.labelled(&words.label("packet.why"), &goal.why, Style::body());
        }
        document.space(8.0);
    }
    if !any {
        words.sentence(document, "packet.no_goals");
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
fn chart(document: &mut Document, record: &GoalRecord, words: &Words) {
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
    let baseline_label = goal.baseline.map(|b| {
        words
            .word("packet.start")
            .replace("{value}", &words.number(b))
    });
    let target_label = goal.target.map(|t| {
        words
            .word("packet.target")
            .replace("{value}", &words.number(t))
    });
    let mut guides: Vec<(&str, f32)> = Vec::new();
    if let (Some(label), Some(value)) = (&baseline_label, goal.baseline) {
        guides.push((label, value as f32));
    }
    if let (Some(label), Some(value)) = (&target_label, goal.target) {
        guides.push((label, value as f32));
    }
    let (from, to) = (words.date(first_day), words.date(last_day));
    document.line_chart(&LineChart {
        points: &points,
        x_range: (0.0, x(last_day)),
        x_labels: (&from, &to),
        guides: &guides,
        height: CHART_HEIGHT,
    });
}

fn home(document: &mut Document, page: &StudentPage, words: &Words) {
    document.heading(
        &words.label("packet.home"),
        Style::body().line_height() * 2.0,
    );
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
                &words
                    .word("packet.for_goal")
                    .replace("{goal}", &record.goal.details.statement),
                Style::small(),
                Style::body().size * 1.2,
            );
        }
    }
    if !any {
        words.sentence(document, "packet.no_home");
        document.writing_lines(2);
    }
}

/// Whether the family may read of a concern in the packet: it was talked through with them, or
/// the teacher chose to raise it at the conference. A family never first reads of a concern on
/// paper under a heading that is not true.
fn printed(concern: &Concern) -> bool {
    concern.details.contact_id.is_some() || concern.details.share_at_conference
}

fn concerns(document: &mut Document, page: &StudentPage, words: &Words) {
    let (talked, to_talk): (Vec<&Concern>, Vec<&Concern>) = page
        .concerns
        .iter()
        .filter(|c| printed(c))
        .partition(|c| c.details.contact_id.is_some());
    for (heading, list) in [
        ("packet.concerns", talked),
        ("packet.concerns_to_talk", to_talk),
    ] {
        if list.is_empty() {
            continue;
        }
        document.heading(&words.label(heading), Style::body().line_height() * 3.0);
        for concern in list {
            concern_entry(document, &concern.details, words);
        }
    }
}

fn concern_entry(document: &mut Document, concern: &ConcernDetails, words: &Words) {
    document.ensure(Style::strong().line_height() * 3.0);
    document.paragraph(&concern.observed, Style::strong(), 0.0);
    let status = match concern.resolved_on {
        Some(day) => words
            .word("packet.resolved")
            .replace("{date}", &words.date(day)),
        None => words.word("packet.still_working").to_string(),
    };
    let mut facts = vec![
        words
            .word("packet.noticed")
            .replace("{date}", &words.date(concern.noticed_on)),
        status,
    ];
    if !concern.setting.trim().is_empty() {
        facts.push(concern.setting.clone());
    }
    document.line(&facts.join(" · "), Style::small(), 0.0);
    let causes: Vec<&str> = concern
        .causes
        .iter()
        .map(|code| match words.word(&format!("cause.{code}")) {
            "" => code.as_str(),
            word => word,
        })
        .collect();
    if !causes.is_empty() {
        document.labelled(
            &words.label("packet.causes"),
            &causes.join("; "),
            Style::body(),
        );
    }
    if !concern.strategies.trim().is_empty() {
        document.labelled(
            &words.label("packet.tried"),
            &concern.strategies,
            Style::body(),
        );
    }
    if !concern.plan.trim().is_empty() {
        document.labelled(&words.label("packet.agreed"), &concern.plan, Style::body());
    }
    // The teacher's notes (`concern.notes`) are private and never printed.
    document.space(6.0);
}

fn communication(
    document: &mut Document,
    page: &StudentPage,
    words: &Words,
    year_start: NaiveDate,
) {
    document.heading(&words.label("packet.communication"), 60.0);
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
    // "Contacts: 12 (1 September 2026 → 24 November 2026) · Positive news: 5 · Concern: 1", the
    // last two counting the contacts in which the family was reached.
    document.paragraph(
        &format!(
            "{}: {} ({} →) · {}: {} · {}: {}",
            words.word("packet.contacts"),
            this_year.len(),
            words.date(year_start),
            words.word("contact_kind.positive"),
            reached_of(ContactKind::Positive),
            words.word("contact_kind.concern"),
            reached_of(ContactKind::Concern)
        ),
        Style::body(),
        0.0,
    );
    document.space(4.0);
    contacts_by_kind(document, &this_year, words);
    recent_contacts(document, page, &this_year, words);
}

/// How many contacts of each kind, and in how many the family was reached.
fn contacts_by_kind(document: &mut Document, this_year: &[&Contact], words: &Words) {
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
                words
                    .word(&format!("contact_kind.{}", kind.as_str()))
                    .to_string(),
                of_kind.len().to_string(),
                reached.to_string(),
            ]
        })
        .collect();
    let titles =
        ["packet.contact_kind", "packet.contacts", "packet.we_talked"].map(|k| words.label(k));
    let columns = [
        Column::new(&titles[0], 3.0),
        Column::new(&titles[1], 1.0),
        Column::new(&titles[2], 1.0),
    ];
    document.table(&columns, &counts);
}

/// The latest contacts of the year: when, with whom, how and about what.
fn recent_contacts(
    document: &mut Document,
    page: &StudentPage,
    this_year: &[&Contact],
    words: &Words,
) {
    let recent: Vec<Vec<String>> = this_year
        .iter()
        .take(RECENT_CONTACTS)
        .map(|c| {
            let with = c
                .details
                .guardian_id
                .and_then(|id| contactable_guardian(page, id))
                .unwrap_or(words.word("packet.the_family"))
                .to_string();
            vec![
                words.date(c.details.happened_on),
                with,
                words
                    .word(&format!("contact_method.{}", c.details.method.as_str()))
                    .to_string(),
                c.details.summary.clone(),
            ]
        })
        .collect();
    if recent.is_empty() {
        return;
    }
    document.ensure(Style::strong().line_height() + 40.0);
    document.line(&words.label("packet.most_recent"), Style::strong(), 0.0);
    let titles =
        ["packet.date", "packet.with", "packet.how", "packet.about"].map(|k| words.label(k));
    let columns = [
        Column::new(&titles[0], 1.1),
        Column::new(&titles[1], 1.5),
        Column::new(&titles[2], 1.0),
        Column::new(&titles[3], 3.4),
    ];
    document.table(&columns, &recent);
}

fn next_steps(document: &mut Document, page: &StudentPage, words: &Words, sender: &Sender) {
    let child = page.record.display_name.as_str();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for contact in &page.contacts {
        let c = &contact.details;
        if let (Some(day), false, false) = (c.follow_up_on, c.follow_up_done, c.sensitive) {
            rows.push(vec![
                words
                    .word("packet.follow_up")
                    .replace("{summary}", &c.summary),
                sender.teacher.clone(),
                words.date(day),
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
            words
                .word("packet.work_toward")
                .replace("{goal}", &goal.statement),
            words.family.names(&[child, &sender.teacher]),
            goal.due_on
                .map_or_else(|| "—".to_string(), |day| words.date(day)),
        ]);
        for activity in &record.home_activities {
            rows.push(vec![
                words
                    .word("packet.at_home")
                    .replace("{activity}", &activity.details.title),
                words.word("packet.the_family").to_string(),
                non_empty_or_dash(&activity.details.how_often),
            ]);
        }
    }
    for concern in page.concerns.iter().filter(|c| {
        printed(c) && c.details.resolved_on.is_none() && !c.details.plan.trim().is_empty()
    }) {
        rows.push(vec![
            concern.details.plan.clone(),
            words
                .word("packet.family_and")
                .replace("{teacher}", &sender.teacher),
            "—".to_string(),
        ]);
    }
    // Room to write what is agreed at the conference.
    rows.extend((0..BLANK_STEPS).map(|_| vec!["\n".to_string(), String::new(), String::new()]));
    document.heading(&words.label("packet.next"), 60.0);
    let titles = ["packet.what", "packet.who", "packet.by_when"].map(|k| words.label(k));
    document.table(
        &[
            Column::new(&titles[0], 4.0),
            Column::new(&titles[1], 1.8),
            Column::new(&titles[2], 1.2),
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
