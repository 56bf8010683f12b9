//! What Today lists, each list most urgent first: follow-ups due, good news waiting for a call,
//! concerns not talked through, quiet families, no good news this month, goals to check and due,
//! conferences this week, and the class's balance of positive and concern contacts. The ranked
//! "Call first" list is built from these lists (`call_first.rs`).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

pub use crate::model::ClassActivity;
use crate::model::{BalanceReport, Conference, ContactKind, GoalStatus, Id, StudentSummary};

/// Goals with no check-in for this many days are named.
pub const STALE_GOAL_DAYS: i64 = 21;
/// Goals due within this many days are named.
pub const GOAL_DUE_SOON_DAYS: i64 = 14;
/// Conferences within this many days are named.
pub const CONFERENCE_SOON_DAYS: i64 = 7;

/// The next action a Today item offers, for the window to turn into a button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NextAction {
    /// Log a contact with the family (`kind` says which).
    LogContact,
    /// Mark a contact's follow-up done (`item_id` is the contact).
    FollowUp,
    /// Make the positive call for a praise (`item_id` is the praise).
    PraiseCall,
    /// Add a check-in to a goal (`item_id` is the goal).
    CheckIn,
    /// Look at a goal (`item_id` is the goal).
    ReviewGoal,
    /// Get ready for a conference (`item_id` is the conference).
    PrepareConference,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodayItem {
    pub student_id: Id,
    pub display_name: String,
    /// One sentence: what and since when.
    pub detail: String,
    pub action: NextAction,
    /// The contact, praise or goal the action is about.
    pub item_id: Option<Id>,
    /// For `LogContact`: the kind of contact to offer.
    pub kind: Option<ContactKind>,
    /// The date the item is about (due date, last contact, ...), for sorting and display.
    pub date: Option<NaiveDate>,
    /// Past its date.
    pub overdue: bool,
}

/// Everything the Today screen lists, each list most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct TodayReport {
    pub follow_ups: Vec<TodayItem>,
    pub praise_to_call: Vec<TodayItem>,
    pub concerns_without_call: Vec<TodayItem>,
    pub quiet_families: Vec<TodayItem>,
    pub no_positive_this_month: Vec<TodayItem>,
    pub goals_to_check: Vec<TodayItem>,
    pub goals_due_soon: Vec<TodayItem>,
    /// Booked conferences from today to a week ahead, soonest first.
    pub conferences_coming_up: Vec<TodayItem>,
    /// Positive and concern contacts for the whole class.
    pub balance: BalanceReport,
    /// The families to call before any other, one row per child (see `call_first`).
    pub call_first: super::CallFirstList,
}

fn long_date(day: NaiveDate) -> String {
    day.format("%-d %B").to_string()
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

fn ago(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{n} days ago"),
    }
}

/// The class's names by id, and a Today item for a child with them.
struct Names<'a>(HashMap<Id, &'a str>);

impl<'a> Names<'a> {
    fn of(students: &'a [StudentSummary]) -> Self {
        Self(
            students
                .iter()
                .map(|s| (s.id, s.display_name.as_str()))
                .collect(),
        )
    }

    fn item(&self, student_id: Id, detail: String, action: NextAction) -> TodayItem {
        TodayItem {
            student_id,
            display_name: self
                .0
                .get(&student_id)
                .copied()
                .unwrap_or_default()
                .to_string(),
            detail,
            action,
            item_id: None,
            kind: None,
            date: None,
            overdue: false,
        }
    }
}

/// What Today shows, for `today`, naming families not reached for `quiet_days`.
pub fn today(activity: &ClassActivity, today: NaiveDate, quiet_days: u32) -> TodayReport {
    let names = Names::of(&activity.students);
    let mut report = TodayReport {
        balance: BalanceReport::count(&activity.contacts, today, activity.year_starts_on),
        follow_ups: follow_ups_due(activity, today, &names),
        praise_to_call: praise_waiting(activity, &names),
        concerns_without_call: concerns_not_talked_through(activity, today, &names),
        conferences_coming_up: conferences_this_week(activity, today, &names),
        ..Default::default()
    };
    quiet_families(activity, today, quiet_days, &names, &mut report);
    goals_to_look_at(activity, today, &names, &mut report);
    report.call_first = super::call_first(&report, &activity.students, today);
    report
}

/// Follow-ups that have come due, oldest first.
fn follow_ups_due(activity: &ClassActivity, today: NaiveDate, names: &Names) -> Vec<TodayItem> {
    let mut out = Vec::new();
    // Follow-ups that have come due.
    for contact in &activity.contacts {
        let d = &contact.details;
        let Some(due) = d
            .follow_up_on
            .filter(|due| *due <= today && !d.follow_up_done)
        else {
            continue;
        };
        let when = if due == today {
            "due today".to_string()
        } else {
            format!("due {} ({})", long_date(due), ago(days_between(due, today)))
        };
        let about = if d.summary.is_empty() {
            d.kind.label().to_lowercase()
        } else {
            d.summary.clone()
        };
        out.push(TodayItem {
            item_id: Some(contact.id),
            date: Some(due),
            overdue: due < today,
            ..names.item(
                d.student_id,
                format!("Follow up, {when}: {about}"),
                NextAction::FollowUp,
            )
        });
    }
    out.sort_by_key(|i| (i.date, i.student_id));

    out
}

/// Praise waiting for a call home, oldest first.
fn praise_waiting(activity: &ClassActivity, names: &Names) -> Vec<TodayItem> {
    let mut out = Vec::new();
    // Praise waiting for a call home.
    for praise in activity
        .praise
        .iter()
        .filter(|p| p.details.call_queued && p.contact_id.is_none())
    {
        let d = &praise.details;
        let what = if d.note.is_empty() {
            d.category.label()
        } else {
            d.note.as_str()
        };
        let what = what.trim_end_matches('.');
        out.push(TodayItem {
            item_id: Some(praise.id),
            date: Some(d.noticed_on),
            ..names.item(
                d.student_id,
                format!(
                    "{what} ({}). Call home with the good news.",
                    long_date(d.noticed_on)
                ),
                NextAction::PraiseCall,
            )
        });
    }
    out.sort_by_key(|i| (i.date, i.item_id));

    out
}

/// Open concerns no conversation has talked through, oldest first.
fn concerns_not_talked_through(
    activity: &ClassActivity,
    today: NaiveDate,
    names: &Names,
) -> Vec<TodayItem> {
    let mut out = Vec::new();
    // A call about something else (the
    // good-news call) does not count: only a contact linked to the concern does, as the
    // child's page says.
    for concern in activity
        .concerns
        .iter()
        .filter(|c| c.details.resolved_on.is_none() && c.details.contact_id.is_none())
    {
        let d = &concern.details;
        out.push(TodayItem {
            kind: Some(ContactKind::Concern),
            item_id: Some(concern.id),
            date: Some(d.noticed_on),
            overdue: days_between(d.noticed_on, today) > 2,
            ..names.item(
                d.student_id,
                format!(
                    "A concern noted {} ({}) has not been talked through with the family.",
                    long_date(d.noticed_on),
                    ago(days_between(d.noticed_on, today))
                ),
                NextAction::LogContact,
            )
        });
    }
    out.sort_by_key(|i| (i.date, i.student_id));

    out
}

/// Families not reached for `quiet_days` (or not yet this year), and children with no positive
/// contact this month.
fn quiet_families(
    activity: &ClassActivity,
    today: NaiveDate,
    quiet_days: u32,
    names: &Names,
    out: &mut TodayReport,
) {
    // Last contact with each family, and last positive one.
    let mut last_reached: HashMap<Id, NaiveDate> = HashMap::new();
    let mut positive_this_month: HashMap<Id, bool> = HashMap::new();
    for contact in &activity.contacts {
        let d = &contact.details;
        if d.happened_on > today {
            continue;
        }
        if d.reached {
            let last = last_reached.entry(d.student_id).or_insert(d.happened_on);
            *last = (*last).max(d.happened_on);
            if d.kind == ContactKind::Positive
                && d.happened_on.year() == today.year()
                && d.happened_on.month() == today.month()
            {
                positive_this_month.insert(d.student_id, true);
            }
        }
    }

    // Quiet families and children with no positive contact this month, in class-list order.
    for student in &activity.students {
        match last_reached.get(&student.id) {
            None => out.quiet_families.push(TodayItem {
                kind: Some(ContactKind::Introduction),
                ..names.item(
                    student.id,
                    "No contact with the family yet this year.".into(),
                    NextAction::LogContact,
                )
            }),
            Some(&last) if days_between(last, today) >= i64::from(quiet_days) => {
                out.quiet_families.push(TodayItem {
                    kind: Some(ContactKind::Information),
                    date: Some(last),
                    overdue: true,
                    ..names.item(
                        student.id,
                        format!(
                            "Last in touch {} ({}).",
                            long_date(last),
                            ago(days_between(last, today))
                        ),
                        NextAction::LogContact,
                    )
                })
            }
            Some(_) => {}
        }
        if !positive_this_month.contains_key(&student.id) {
            out.no_positive_this_month.push(TodayItem {
                kind: Some(ContactKind::Positive),
                ..names.item(
                    student.id,
                    format!(
                        "No positive news shared with the family in {}.",
                        today.format("%B")
                    ),
                    NextAction::LogContact,
                )
            });
        }
    }
    // Never-contacted families first, then the longest quiet.
    out.quiet_families
        .sort_by_key(|i| i.date.map_or(0, |d| d.num_days_from_ce()));
}

/// Goals whose check-ins have gone quiet, and goals due soon.
fn goals_to_look_at(
    activity: &ClassActivity,
    today: NaiveDate,
    names: &Names,
    out: &mut TodayReport,
) {
    // Goals: check-ins gone quiet, and due dates coming up.
    let mut last_check_in: HashMap<Id, NaiveDate> = HashMap::new();
    for check_in in &activity.check_ins {
        let last = last_check_in
            .entry(check_in.details.goal_id)
            .or_insert(check_in.details.on_date);
        *last = (*last).max(check_in.details.on_date);
    }
    for goal in activity
        .goals
        .iter()
        .filter(|g| g.details.status == GoalStatus::Active)
    {
        let d = &goal.details;
        if d.starts_on > today {
            continue;
        }
        let since = last_check_in.get(&goal.id).copied();
        let quiet_since = since.unwrap_or(d.starts_on);
        if days_between(quiet_since, today) >= STALE_GOAL_DAYS {
            let detail = match since {
                Some(day) => format!(
                    "“{}”: last check-in {} ({}).",
                    d.statement,
                    long_date(day),
                    ago(days_between(day, today))
                ),
                None => format!(
                    "“{}”: no check-in since it started {}.",
                    d.statement,
                    long_date(d.starts_on)
                ),
            };
            out.goals_to_check.push(TodayItem {
                item_id: Some(goal.id),
                date: Some(quiet_since),
                ..names.item(d.student_id, detail, NextAction::CheckIn)
            });
        }
        if let Some(due) = d.due_on {
            let left = days_between(today, due);
            if left <= GOAL_DUE_SOON_DAYS {
                let when = match left {
                    l if l < 0 => format!("was due {} ({})", long_date(due), ago(-l)),
                    0 => "is due today".to_string(),
                    1 => "is due tomorrow".to_string(),
                    l => format!("is due {} (in {l} days)", long_date(due)),
                };
                out.goals_due_soon.push(TodayItem {
                    item_id: Some(goal.id),
                    date: Some(due),
                    overdue: left < 0,
                    ..names.item(
                        d.student_id,
                        format!("“{}” {when}.", d.statement),
                        NextAction::ReviewGoal,
                    )
                });
            }
        }
    }
    out.goals_to_check.sort_by_key(|i| (i.date, i.item_id));
    out.goals_due_soon.sort_by_key(|i| (i.date, i.item_id));
}

/// Booked conferences from today to a week ahead, soonest first.
fn conferences_this_week(
    activity: &ClassActivity,
    today: NaiveDate,
    names: &Names,
) -> Vec<TodayItem> {
    let mut out = Vec::new();
    // Conferences coming up: booked ones, today to a week ahead.
    let mut soon: Vec<&Conference> = activity
        .conferences
        .iter()
        .filter(|c| {
            let left = days_between(today, c.details.day());
            c.details.student_id.is_some() && (0..=CONFERENCE_SOON_DAYS).contains(&left)
        })
        .collect();
    soon.sort_by_key(|c| (c.details.starts_at, c.id));
    for conference in soon {
        let d = &conference.details;
        let Some(student_id) = d.student_id else {
            continue;
        };
        let day = match days_between(today, d.day()) {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            _ => d.starts_at.format("%A %-d %B").to_string(),
        };
        let mut detail = format!(
            "Conference {day} at {}, {} minutes",
            d.starts_at.format("%-I:%M %P"),
            d.minutes
        );
        if !d.place.is_empty() {
            detail.push_str(&format!(", {}", d.place));
        }
        detail.push('.');
        if let Some(code) = &d.interpreter_language {
            detail.push_str(&format!(
                " {} interpreter needed.",
                crate::languages::english_name(code)
            ));
        }
        out.push(TodayItem {
            item_id: Some(conference.id),
            date: Some(d.day()),
            ..names.item(student_id, detail, NextAction::PrepareConference)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    const TODAY: &str = "2026-11-24";

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    /// Small numbers stand for ids in these tests.
    fn id(n: i64) -> Id {
        Id::legacy(n)
    }

    fn student(n: i64, name: &str) -> StudentSummary {
        StudentSummary {
            id: id(n),
            class_id: id(1),
            display_name: name.into(),
            latin_name: String::new(),
            given_name: name.into(),
            family_name: String::new(),
            grade: String::new(),
            pronouns: String::new(),
            school_student_id: None,
            guardian_names: vec![],
            has_no_contact_guardian: false,
        }
    }

    fn contact(n: i64, student: i64, on: &str, kind: ContactKind) -> Contact {
        Contact {
            id: id(n),
            details: ContactDetails {
                student_id: id(student),
                guardian_id: None,
                happened_on: day(on),
                method: ContactMethod::Phone,
                initiated_by: Initiator::Teacher,
                kind,
                summary: String::new(),
                outcome: String::new(),
                reached: true,
                follow_up_on: None,
                follow_up_done: false,
                sensitive: false,
            },
        }
    }

    fn goal(n: i64, student: i64, starts: &str, due: Option<&str>) -> Goal {
        Goal {
            id: id(n),
            details: GoalDetails {
                student_id: id(student),
                area: GoalArea::Reading,
                statement: "Read 90 words a minute".into(),
                measure: String::new(),
                unit: String::new(),
                aim: Aim::Increase,
                baseline: Some(60.0),
                target: Some(90.0),
                steps: String::new(),
                why: String::new(),
                family_answer_id: None,
                starts_on: day(starts),
                due_on: due.map(day),
                status: GoalStatus::Active,
            },
        }
    }

    fn class(contacts: Vec<Contact>) -> ClassActivity {
        ClassActivity {
            students: vec![student(1, "Ana"), student(2, "Ben"), student(3, "Chen")],
            year_starts_on: Some(day("2026-08-15")),
            contacts,
            ..Default::default()
        }
    }

    fn names(items: &[TodayItem]) -> Vec<&str> {
        items.iter().map(|i| i.display_name.as_str()).collect()
    }

    fn run(activity: &ClassActivity) -> TodayReport {
        today(activity, day(TODAY), 21)
    }

    #[test]
    fn follow_ups_due_today_or_overdue_are_listed_oldest_first() {
        let mut due_today = contact(1, 1, "2026-11-20", ContactKind::Information);
        due_today.details.follow_up_on = Some(day(TODAY));
        let mut overdue = contact(2, 2, "2026-11-01", ContactKind::Concern);
        overdue.details.follow_up_on = Some(day("2026-11-10"));
        overdue.details.summary = "Reading log".into();
        let mut later = contact(3, 3, "2026-11-20", ContactKind::Information);
        later.details.follow_up_on = Some(day("2026-11-30"));
        let mut done = contact(4, 3, "2026-11-01", ContactKind::Information);
        done.details.follow_up_on = Some(day("2026-11-05"));
        done.details.follow_up_done = true;
        let report = run(&class(vec![due_today, overdue, later, done]));
        assert_eq!(names(&report.follow_ups), ["Ben", "Ana"]);
        assert!(report.follow_ups[0].overdue && !report.follow_ups[1].overdue);
        assert_eq!(
            report.follow_ups[0].detail,
            "Follow up, due 10 November (14 days ago): Reading log"
        );
        assert_eq!(report.follow_ups[0].item_id, Some(id(2)));
        assert_eq!(report.follow_ups[1].action, NextAction::FollowUp);
    }

    #[test]
    fn families_quiet_for_the_setting_or_never_reached_are_named() {
        let recent = contact(1, 1, "2026-11-20", ContactKind::Information);
        let quiet = contact(2, 2, "2026-11-03", ContactKind::Information);
        let mut tried = contact(3, 3, "2026-11-23", ContactKind::Positive);
        tried.details.reached = false;
        let report = run(&class(vec![recent, quiet, tried]));
        assert_eq!(
            names(&report.quiet_families),
            ["Chen", "Ben"],
            "never reached first"
        );
        assert_eq!(
            report.quiet_families[0].detail,
            "No contact with the family yet this year."
        );
        assert_eq!(
            report.quiet_families[0].kind,
            Some(ContactKind::Introduction)
        );
        assert_eq!(
            report.quiet_families[1].detail,
            "Last in touch 3 November (21 days ago)."
        );
        let relaxed = today(
            &class(vec![contact(2, 2, "2026-11-03", ContactKind::Information)]),
            day(TODAY),
            30,
        );
        assert_eq!(names(&relaxed.quiet_families), ["Ana", "Chen"]);
    }

    #[test]
    fn no_positive_contact_this_month_means_this_calendar_month() {
        let last_month = contact(1, 1, "2026-10-30", ContactKind::Positive);
        let this_month = contact(2, 2, "2026-11-02", ContactKind::Positive);
        let concern = contact(3, 3, "2026-11-20", ContactKind::Concern);
        let report = run(&class(vec![last_month, this_month, concern]));
        assert_eq!(names(&report.no_positive_this_month), ["Ana", "Chen"]);
        assert_eq!(
            report.no_positive_this_month[0].kind,
            Some(ContactKind::Positive)
        );
        assert!(report.no_positive_this_month[0]
            .detail
            .ends_with("in November."));
    }

    #[test]
    fn a_concern_is_named_until_a_contact_talks_it_through() {
        let concern = |n, student, on: &str| Concern {
            id: id(n),
            details: ConcernDetails {
                student_id: id(student),
                noticed_on: day(on),
                observed: "Upset at drop-off".into(),
                setting: String::new(),
                causes: vec![],
                strategies: String::new(),
                contact_id: None,
                plan: String::new(),
                notes: String::new(),
                sensitive: false,
                resolved_on: None,
                share_at_conference: false,
            },
        };
        // Ana's family got the good-news call after her concern was noted: about something
        // else, so her concern is still waiting to be talked through.
        let good_news = contact(1, 1, "2026-11-20", ContactKind::Positive);
        // Ben's concern was talked through in a call that is linked to it.
        let mut bens = concern(2, 2, "2026-11-18");
        bens.details.contact_id = Some(id(2));
        let mut resolved = concern(3, 3, "2026-11-01");
        resolved.details.resolved_on = Some(day("2026-11-05"));
        let activity = ClassActivity {
            concerns: vec![concern(1, 1, "2026-11-18"), bens, resolved],
            ..class(vec![
                good_news,
                contact(2, 2, "2026-11-19", ContactKind::Concern),
            ])
        };
        let report = run(&activity);
        assert_eq!(
            names(&report.concerns_without_call),
            ["Ana"],
            "a call about something else does not talk a concern through"
        );
        let item = &report.concerns_without_call[0];
        assert_eq!(item.kind, Some(ContactKind::Concern));
        assert!(item.overdue);
        assert!(item.detail.contains("18 November (6 days ago)"));
    }

    #[test]
    fn praise_waiting_for_a_call_is_listed_until_the_call_is_made() {
        let praise = |n, student, queued, contact: Option<i64>| Praise {
            id: id(n),
            details: PraiseDetails {
                student_id: id(student),
                noticed_on: day("2026-11-21"),
                category: PraiseCategory::Helped,
                note: String::new(),
                call_queued: queued,
            },
            contact_id: contact.map(id),
        };
        let activity = ClassActivity {
            praise: vec![
                praise(1, 1, true, None),
                praise(2, 2, false, None),
                praise(3, 3, false, Some(9)),
            ],
            ..class(vec![])
        };
        let report = run(&activity);
        assert_eq!(names(&report.praise_to_call), ["Ana"]);
        assert_eq!(report.praise_to_call[0].action, NextAction::PraiseCall);
        assert!(report.praise_to_call[0]
            .detail
            .starts_with("Helped someone who was hurt or stuck (21 November)"));
    }

    #[test]
    fn goals_quiet_for_three_weeks_or_due_within_two_are_named() {
        let check_in = |goal: i64, on: &str| CheckIn {
            id: id(goal * 10),
            details: CheckInDetails {
                goal_id: id(goal),
                on_date: day(on),
                value: 70.0,
                note: String::new(),
            },
        };
        let mut met = goal(4, 3, "2026-09-01", Some("2026-11-25"));
        met.details.status = GoalStatus::Met;
        let activity = ClassActivity {
            goals: vec![
                goal(1, 1, "2026-09-01", Some("2027-01-29")),
                goal(2, 2, "2026-11-10", Some("2026-12-01")),
                goal(3, 3, "2026-09-01", Some("2026-11-20")),
                met,
            ],
            check_ins: vec![check_in(1, "2026-11-03"), check_in(3, "2026-11-20")],
            ..class(vec![])
        };
        let report = run(&activity);
        assert_eq!(
            names(&report.goals_to_check),
            ["Ana"],
            "21 days since the last check-in"
        );
        assert!(report.goals_to_check[0]
            .detail
            .contains("last check-in 3 November (21 days ago)"));
        assert_eq!(names(&report.goals_due_soon), ["Chen", "Ben"]);
        assert!(report.goals_due_soon[0].overdue);
        assert!(report.goals_due_soon[0]
            .detail
            .ends_with("was due 20 November (4 days ago)."));
        assert!(report.goals_due_soon[1]
            .detail
            .ends_with("is due 1 December (in 7 days)."));
    }

    #[test]
    fn balance_counts_reached_positive_and_concern_contacts() {
        let mut unreached = contact(5, 1, "2026-11-20", ContactKind::Positive);
        unreached.details.reached = false;
        let contacts = vec![
            contact(1, 1, "2026-11-20", ContactKind::Positive),
            contact(2, 2, "2026-10-01", ContactKind::Positive),
            contact(3, 2, "2026-11-01", ContactKind::Concern),
            contact(4, 3, "2026-06-01", ContactKind::Concern),
            contact(6, 3, "2026-11-21", ContactKind::Information),
            unreached,
        ];
        let report = BalanceReport::count(&contacts, day(TODAY), Some(day("2026-08-15")));
        assert_eq!(
            report.last_30_days,
            Balance {
                positive: 1,
                concern: 1
            }
        );
        assert_eq!(
            report.this_year,
            Balance {
                positive: 2,
                concern: 1
            },
            "June was last school year"
        );
        assert_eq!(run(&class(contacts)).balance, report);
    }

    #[test]
    fn booked_conferences_in_the_coming_week_are_named_soonest_first() {
        let slot = |n, student: Option<i64>, at: &str, language: Option<&str>| Conference {
            id: id(n),
            details: ConferenceDetails {
                class_id: id(1),
                student_id: student.map(id),
                starts_at: chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").unwrap(),
                minutes: 20,
                place: "Room 12".into(),
                interpreter_language: language.map(str::to_string),
                attendees: String::new(),
                notes: String::new(),
                sensitive: false,
            },
        };
        let activity = ClassActivity {
            conferences: vec![
                slot(1, Some(1), "2026-11-26T15:30", Some("es")),
                slot(2, Some(2), "2026-11-24T16:00", None),
                slot(3, None, "2026-11-25T15:00", None),
                slot(4, Some(3), "2026-12-09T15:00", None),
                slot(5, Some(3), "2026-11-20T15:00", None),
            ],
            ..class(vec![])
        };
        let report = run(&activity);
        assert_eq!(
            names(&report.conferences_coming_up),
            ["Ben", "Ana"],
            "open slots, past and far ones are left out"
        );
        assert_eq!(
            report.conferences_coming_up[0].detail,
            "Conference today at 4:00 pm, 20 minutes, Room 12."
        );
        assert_eq!(
            report.conferences_coming_up[1].detail,
            "Conference Thursday 26 November at 3:30 pm, 20 minutes, Room 12. Spanish interpreter needed."
        );
        assert_eq!(
            report.conferences_coming_up[1].action,
            NextAction::PrepareConference
        );
    }

    #[test]
    fn an_empty_class_has_nothing_due() {
        let report = today(&ClassActivity::default(), day(TODAY), 21);
        assert_eq!(report, TodayReport::default());
    }
}
