//! "Call first": the short list at the top of Today that says which families to call before any
//! other, one row per child with every reason, so a child who sits in four of Today's lists is one
//! row here.
//!
//! The rule, as the teacher reads it under the list:
//!
//! - A child is listed when their family needs a call: a follow-up has come due, a concern has not
//!   been talked through, or the family has been quiet (no one reached for the quiet-days setting,
//!   or not yet this year). Good news waiting to be shared and "no good news this month" are added
//!   to a listed child's reasons, but do not list a child on their own (they have their own lists,
//!   and every child would qualify on the first of the month).
//! - Each reason carries points: a follow-up past its date 8, a concern not talked through 4, a
//!   follow-up due today 3, a quiet family 2, good news waiting 1, no good news this month 1.
//! - The most points first; on a tie, the family that has waited longest (the oldest date among
//!   the reasons; a family never reached has waited all year); then class-list order.
//! - At most [`CALL_FIRST_MAX`] rows; the rest stay in the lists below.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::today::{TodayItem, TodayReport};
use crate::model::{Id, StudentSummary};

/// How many children "Call first" names at most.
pub const CALL_FIRST_MAX: usize = 5;

/// Why a family is on the "Call first" list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallReason {
    FollowUpOverdue,
    ConcernNotTalkedThrough,
    FollowUpDue,
    QuietFamily,
    GoodNewsWaiting,
    NoGoodNewsThisMonth,
}

impl CallReason {
    /// The points the ranking gives this reason.
    pub fn points(self) -> u32 {
        match self {
            Self::FollowUpOverdue => 8,
            Self::ConcernNotTalkedThrough => 4,
            Self::FollowUpDue => 3,
            Self::QuietFamily => 2,
            Self::GoodNewsWaiting | Self::NoGoodNewsThisMonth => 1,
        }
    }

    /// Whether this reason lists a child on its own.
    fn needs_a_call(self) -> bool {
        self.points() >= 2
    }
}

/// One reason, with a short phrase for the row ("Follow-up overdue since 20 November").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub reason: CallReason,
    pub phrase: String,
    /// The date the reason dates from (due date, day noticed, last contact); none when it has none.
    pub since: Option<NaiveDate>,
}

/// One child on the "Call first" list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CallFirst {
    pub student_id: Id,
    pub display_name: String,
    /// Every reason, the heaviest first.
    pub reasons: Vec<Reason>,
    pub points: u32,
    /// The step the row's button takes: the heaviest reason's Today item.
    pub next: TodayItem,
}

/// The list and how many more children needed a call than it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct CallFirstList {
    pub children: Vec<CallFirst>,
    pub more: usize,
}

fn short_date(day: NaiveDate) -> String {
    day.format("%-d %B").to_string()
}

/// Every reason each child has, with the Today item behind it, from the report's lists.
fn reasons_by_child<'r>(
    report: &'r TodayReport,
    today: NaiveDate,
) -> HashMap<Id, Vec<(Reason, &'r TodayItem)>> {
    let mut by_child: HashMap<Id, Vec<(Reason, &'r TodayItem)>> = HashMap::new();
    let mut add = |reason: CallReason, phrase: String, since, from: &'r TodayItem| {
        by_child.entry(from.student_id).or_default().push((
            Reason {
                reason,
                phrase,
                since,
            },
            from,
        ));
    };
    for item in &report.follow_ups {
        let due = item.date.unwrap_or(today);
        if due < today {
            let phrase = format!("Follow-up overdue since {}", short_date(due));
            add(CallReason::FollowUpOverdue, phrase, Some(due), item);
        } else {
            add(
                CallReason::FollowUpDue,
                "Follow-up due today".into(),
                Some(due),
                item,
            );
        }
    }
    for item in &report.concerns_without_call {
        let phrase = match item.date {
            Some(day) => format!("Concern of {} not talked through", short_date(day)),
            None => "Concern not talked through".into(),
        };
        add(CallReason::ConcernNotTalkedThrough, phrase, item.date, item);
    }
    for item in &report.quiet_families {
        let (phrase, since) = match item.date {
            Some(day) => (format!("Not in touch since {}", short_date(day)), Some(day)),
            None => ("No contact yet this year".to_string(), Some(NaiveDate::MIN)),
        };
        add(CallReason::QuietFamily, phrase, since, item);
    }
    for item in &report.praise_to_call {
        add(
            CallReason::GoodNewsWaiting,
            "Good news to share".into(),
            item.date,
            item,
        );
    }
    for item in &report.no_positive_this_month {
        let phrase = format!("No good news yet in {}", today.format("%B"));
        add(CallReason::NoGoodNewsThisMonth, phrase, None, item);
    }
    by_child
}

/// The "Call first" list for `report` (made for `today`), ranked by the rule above; `students` in
/// class-list order breaks the last ties.
pub fn call_first(
    report: &TodayReport,
    students: &[StudentSummary],
    today: NaiveDate,
) -> CallFirstList {
    let order: HashMap<Id, usize> = students
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let mut rows: Vec<CallFirst> = reasons_by_child(report, today)
        .into_iter()
        .filter(|(_, reasons)| reasons.iter().any(|(r, _)| r.reason.needs_a_call()))
        .map(|(student_id, mut reasons)| {
            // Several good deeds waiting read as one reason.
            let deeds = reasons
                .iter()
                .filter(|(r, _)| r.reason == CallReason::GoodNewsWaiting)
                .count();
            let mut first_deed = true;
            reasons.retain_mut(|(r, _)| {
                if r.reason != CallReason::GoodNewsWaiting {
                    return true;
                }
                if deeds > 1 {
                    r.phrase = format!("{deeds} good deeds to share");
                }
                std::mem::replace(&mut first_deed, false)
            });
            // Heaviest first; among equals the oldest, a reason with no date last.
            reasons.sort_by_key(|(r, _)| {
                (
                    Reverse(r.reason.points()),
                    r.since.unwrap_or(NaiveDate::MAX),
                    r.reason,
                )
            });
            let next = reasons[0].1.clone();
            let reasons: Vec<Reason> = reasons.into_iter().map(|(r, _)| r).collect();
            CallFirst {
                student_id,
                display_name: next.display_name.clone(),
                points: reasons.iter().map(|r| r.reason.points()).sum(),
                reasons,
                next,
            }
        })
        .collect();
    let waited_since = |row: &CallFirst| {
        row.reasons
            .iter()
            .filter_map(|r| r.since)
            .min()
            .unwrap_or(NaiveDate::MAX)
    };
    rows.sort_by_key(|row| {
        (
            Reverse(row.points),
            waited_since(row),
            order.get(&row.student_id).copied().unwrap_or(usize::MAX),
        )
    });
    let more = rows.len().saturating_sub(CALL_FIRST_MAX);
    rows.truncate(CALL_FIRST_MAX);
    CallFirstList {
        children: rows,
        more,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::NextAction;
    use crate::model::ContactKind;

    const TODAY: &str = "2026-11-24";

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn student(n: i64) -> StudentSummary {
        StudentSummary {
            id: Id::legacy(n),
            display_name: format!("Child {n}"),
            ..Default::default()
        }
    }

    fn item(student: i64, date: Option<&str>, action: NextAction) -> TodayItem {
        TodayItem {
            student_id: Id::legacy(student),
            display_name: format!("Child {student}"),
            detail: String::new(),
            action,
            item_id: Some(Id::legacy(100 + student)),
            kind: (action == NextAction::LogContact).then_some(ContactKind::Concern),
            date: date.map(day),
            overdue: false,
        }
    }

    fn class(n: i64) -> Vec<StudentSummary> {
        (1..=n).map(student).collect()
    }

    fn ranked(report: &TodayReport, students: &[StudentSummary]) -> Vec<String> {
        call_first(report, students, day(TODAY))
            .children
            .iter()
            .map(|c| format!("{} {}", c.display_name, c.points))
            .collect()
    }

    #[test]
    fn an_overdue_follow_up_outranks_a_concern_and_a_quiet_family() {
        let report = TodayReport {
            follow_ups: vec![item(1, Some("2026-11-20"), NextAction::FollowUp)],
            concerns_without_call: vec![item(2, Some("2026-11-10"), NextAction::LogContact)],
            quiet_families: vec![item(3, None, NextAction::LogContact)],
            ..Default::default()
        };
        assert_eq!(
            ranked(&report, &class(3)),
            ["Child 1 8", "Child 2 4", "Child 3 2"]
        );
    }

    #[test]
    fn one_row_per_child_with_every_reason_heaviest_first() {
        let report = TodayReport {
            follow_ups: vec![item(1, Some("2026-11-24"), NextAction::FollowUp)],
            concerns_without_call: vec![item(1, Some("2026-11-18"), NextAction::LogContact)],
            quiet_families: vec![item(1, Some("2026-10-01"), NextAction::LogContact)],
            praise_to_call: vec![
                item(1, Some("2026-11-21"), NextAction::PraiseCall),
                item(1, Some("2026-11-22"), NextAction::PraiseCall),
            ],
            no_positive_this_month: vec![item(1, None, NextAction::LogContact)],
            ..Default::default()
        };
        let list = call_first(&report, &class(1), day(TODAY));
        assert_eq!(list.children.len(), 1);
        let row = &list.children[0];
        let phrases: Vec<&str> = row.reasons.iter().map(|r| r.phrase.as_str()).collect();
        assert_eq!(
            phrases,
            [
                "Concern of 18 November not talked through",
                "Follow-up due today",
                "Not in touch since 1 October",
                "2 good deeds to share",
                "No good news yet in November",
            ]
        );
        assert_eq!(row.points, 4 + 3 + 2 + 1 + 1);
        // The button talks the concern through: the heaviest reason's step.
        assert_eq!(row.next.action, NextAction::LogContact);
        assert_eq!(row.next.kind, Some(ContactKind::Concern));
    }

    #[test]
    fn good_news_alone_does_not_list_a_child() {
        let report = TodayReport {
            praise_to_call: vec![item(1, Some("2026-11-21"), NextAction::PraiseCall)],
            no_positive_this_month: vec![
                item(1, None, NextAction::LogContact),
                item(2, None, NextAction::LogContact),
            ],
            ..Default::default()
        };
        assert!(call_first(&report, &class(2), day(TODAY))
            .children
            .is_empty());
    }

    #[test]
    fn ties_go_to_the_longest_wait_then_class_order() {
        let report = TodayReport {
            quiet_families: vec![
                item(1, Some("2026-10-20"), NextAction::LogContact),
                item(2, Some("2026-10-01"), NextAction::LogContact),
                item(3, None, NextAction::LogContact),
                item(4, None, NextAction::LogContact),
            ],
            ..Default::default()
        };
        // Never reached (3 and 4, in class order), then the longest quiet.
        assert_eq!(
            ranked(&report, &class(4)),
            ["Child 3 2", "Child 4 2", "Child 2 2", "Child 1 2"]
        );
        // Class order is the list's order, not the ids'.
        let mut students = class(4);
        students.swap(2, 3);
        assert_eq!(ranked(&report, &students)[..2], ["Child 4 2", "Child 3 2"]);
    }

    #[test]
    fn the_list_is_short_and_says_how_many_more() {
        let report = TodayReport {
            quiet_families: (1..=8)
                .map(|n| item(n, None, NextAction::LogContact))
                .collect(),
            ..Default::default()
        };
        let list = call_first(&report, &class(8), day(TODAY));
        assert_eq!(list.children.len(), CALL_FIRST_MAX);
        assert_eq!(list.more, 8 - CALL_FIRST_MAX);
    }
}
