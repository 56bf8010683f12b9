//! The SMART check: hints that help a teacher write a goal that is specific, measurable,
//! achievable, relevant and time-bound. A pure function, run as the teacher types; hints advise and
//! never block saving (validation does that).

use chrono::NaiveDate;

use crate::model::{Aim, GoalDetails, GoalStatus};

pub use crate::model::{SmartHint, SmartLetter};

/// Fewer words than this, and a goal statement is rarely specific.
const SPECIFIC_WORDS: usize = 5;

/// Checks a goal as written, on `today`. An empty list means a SMART goal.
pub fn check(goal: &GoalDetails, today: NaiveDate) -> Vec<SmartHint> {
    let mut hints = Hints(Vec::new());
    specific(goal, &mut hints);
    measurable(goal, &mut hints);
    relevant(goal, &mut hints);
    time_bound(goal, today, &mut hints);
    hints.0
}

/// The hints found so far, in the order of the letters.
struct Hints(Vec<SmartHint>);

impl Hints {
    fn add(&mut self, letter: SmartLetter, field: &'static str, message: &str) {
        self.0.push(SmartHint {
            letter,
            field,
            message: message.to_string(),
        });
    }
}

fn specific(goal: &GoalDetails, hints: &mut Hints) {
    if goal.statement.split_whitespace().count() < SPECIFIC_WORDS {
        hints.add(
            SmartLetter::Specific,
            "statement",
            "Say exactly what the child will do, in a full sentence (for example “Read a grade-3 passage \
             aloud at 90 words a minute”).",
        );
    }
}

/// A measure, a baseline and a target that point the way success lies, and numbers the measure
/// can take ("8 of 10 problems" with a target of a million cannot be met).
fn measurable(goal: &GoalDetails, hints: &mut Hints) {
    use SmartLetter::{Achievable, Measurable};
    if goal.measure.trim().is_empty() {
        hints.add(
            Measurable,
            "measure",
            "Say how progress will be measured, and how often.",
        );
    }
    match (goal.baseline, goal.target) {
        (None, None) => hints.add(
            Measurable,
            "target",
            "There is no number to measure: add where the child is now (baseline) and the target.",
        ),
        (None, Some(_)) => hints.add(Measurable, "baseline", "Add a baseline: where the child is now."),
        (Some(_), None) => hints.add(Measurable, "target", "Add a target: the number that means success."),
        (Some(baseline), Some(target)) => match goal.aim {
            Aim::Increase if target <= baseline => hints.add(
                Achievable,
                "target",
                "The target is not above the baseline. If success means a lower number, choose “Lower it”.",
            ),
            Aim::Decrease if target >= baseline => hints.add(
                Achievable,
                "target",
                "The target is not below the baseline. If success means a higher number, choose “Raise it”.",
            ),
            _ => {}
        },
    }
    let scale = crate::measure::scale(&goal.measure, &goal.unit);
    for (field, label, value) in [
        ("baseline", "The baseline", goal.baseline),
        ("target", "The target", goal.target),
    ] {
        if let Some(problem) = value.and_then(|v| crate::validate::measure_problem(label, v, scale))
        {
            hints.add(Measurable, field, &problem);
        }
    }
}

fn relevant(goal: &GoalDetails, hints: &mut Hints) {
    if goal.why.trim().is_empty() && goal.family_answer_id.is_none() {
        hints.add(
            SmartLetter::Relevant,
            "why",
            "Say why this matters to the child and the family, or link what the family told us.",
        );
    }
}

fn time_bound(goal: &GoalDetails, today: NaiveDate, hints: &mut Hints) {
    let message = match goal.due_on {
        None => "There is no date: add when the goal should be met.",
        Some(due) if due < today && goal.status == GoalStatus::Active => {
            "The due date is past: mark the goal met or not met, or set a new date."
        }
        Some(due) if due <= goal.starts_on => "The due date should come after the start date.",
        Some(_) => return,
    };
    hints.add(SmartLetter::TimeBound, "due_on", message);
}

/// How far `latest` has come from `baseline` toward `target`, clamped to 0.0..=1.0.
pub fn progress(baseline: f64, target: f64, latest: f64) -> Option<f64> {
    let span = target - baseline;
    if span == 0.0 || !span.is_finite() {
        return None;
    }
    Some(((latest - baseline) / span).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::GoalArea;
    use crate::model::Id;

    fn day(d: &str) -> NaiveDate {
        d.parse().unwrap()
    }

    fn smart_goal() -> GoalDetails {
        GoalDetails {
            student_id: Id::new(),
            area: GoalArea::Reading,
            statement: "Read a grade-3 passage aloud at 90 words a minute".into(),
            measure: "One-minute reading probe every other Friday".into(),
            unit: "words per minute".into(),
            aim: Aim::Increase,
            baseline: Some(62.0),
            target: Some(90.0),
            steps: "Small-group fluency practice three times a week".into(),
            why: "José wants to read chapter books like his big sister.".into(),
            family_answer_id: None,
            starts_on: day("2026-09-15"),
            due_on: Some(day("2027-01-29")),
            status: GoalStatus::Active,
        }
    }

    fn letters(goal: &GoalDetails, today: &str) -> Vec<(SmartLetter, &'static str)> {
        check(goal, day(today))
            .iter()
            .map(|h| (h.letter, h.field))
            .collect()
    }

    #[test]
    fn a_smart_goal_gets_no_hints() {
        assert!(check(&smart_goal(), day("2026-11-24")).is_empty());
    }

    #[test]
    fn a_vague_statement_is_not_specific() {
        let goal = GoalDetails {
            statement: "Better reading".into(),
            ..smart_goal()
        };
        assert_eq!(
            letters(&goal, "2026-11-24"),
            [(SmartLetter::Specific, "statement")]
        );
    }

    #[test]
    fn no_number_to_measure() {
        let goal = GoalDetails {
            baseline: None,
            target: None,
            ..smart_goal()
        };
        let hints = check(&goal, day("2026-11-24"));
        assert_eq!(hints.len(), 1);
        assert!(hints[0]
            .message
            .starts_with("There is no number to measure"));
        let goal = GoalDetails {
            baseline: None,
            ..smart_goal()
        };
        assert_eq!(
            letters(&goal, "2026-11-24"),
            [(SmartLetter::Measurable, "baseline")]
        );
        let goal = GoalDetails {
            measure: " ".into(),
            ..smart_goal()
        };
        assert_eq!(
            letters(&goal, "2026-11-24"),
            [(SmartLetter::Measurable, "measure")]
        );
    }

    #[test]
    fn target_must_move_the_way_the_goal_aims() {
        let flat = GoalDetails {
            target: Some(62.0),
            ..smart_goal()
        };
        let hints = check(&flat, day("2026-11-24"));
        assert_eq!(
            hints[0].message.split('.').next(),
            Some("The target is not above the baseline")
        );
        let lower = GoalDetails {
            aim: Aim::Decrease,
            baseline: Some(6.0),
            target: Some(1.0),
            ..smart_goal()
        };
        assert!(
            check(&lower, day("2026-11-24")).is_empty(),
            "fewer late arrivals is fine"
        );
        let wrong_way = GoalDetails {
            aim: Aim::Decrease,
            ..smart_goal()
        };
        assert_eq!(
            letters(&wrong_way, "2026-11-24"),
            [(SmartLetter::Achievable, "target")]
        );
    }

    #[test]
    fn relevance_comes_from_a_reason_or_a_family_answer() {
        let goal = GoalDetails {
            why: String::new(),
            ..smart_goal()
        };
        assert_eq!(
            letters(&goal, "2026-11-24"),
            [(SmartLetter::Relevant, "why")]
        );
        let linked = GoalDetails {
            family_answer_id: Some(Id::new()),
            ..goal
        };
        assert!(check(&linked, day("2026-11-24")).is_empty());
    }

    #[test]
    fn time_bound_needs_a_future_date_while_active() {
        let goal = GoalDetails {
            due_on: None,
            ..smart_goal()
        };
        assert!(check(&goal, day("2026-11-24"))[0]
            .message
            .starts_with("There is no date"));
        let late = letters(&smart_goal(), "2027-02-01");
        assert_eq!(late, [(SmartLetter::TimeBound, "due_on")]);
        assert!(check(&smart_goal(), day("2027-02-01"))[0]
            .message
            .starts_with("The due date is past"));
        let met = GoalDetails {
            status: GoalStatus::Met,
            ..smart_goal()
        };
        assert!(
            check(&met, day("2027-02-01")).is_empty(),
            "a met goal may be past its date"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let goal = GoalDetails {
            statement: "Reading".into(),
            measure: String::new(),
            baseline: None,
            target: None,
            why: String::new(),
            due_on: None,
            ..smart_goal()
        };
        let found: Vec<_> = check(&goal, day("2026-11-24"))
            .iter()
            .map(|h| h.letter)
            .collect();
        use SmartLetter::*;
        assert_eq!(
            found,
            [Specific, Measurable, Measurable, Relevant, TimeBound]
        );
    }

    #[test]
    fn progress_runs_from_baseline_to_target_either_way() {
        assert_eq!(progress(60.0, 90.0, 75.0), Some(0.5));
        assert_eq!(progress(60.0, 90.0, 100.0), Some(1.0));
        assert_eq!(progress(60.0, 90.0, 50.0), Some(0.0));
        assert_eq!(progress(6.0, 1.0, 2.0), Some(0.8));
        assert_eq!(progress(5.0, 5.0, 5.0), None);
    }
}
