//! SMART goals, their dated check-ins, and what the family can do at home.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

text_enum! {
    pub enum GoalArea {
        Reading = ("reading", "Reading"),
        Math = ("math", "Math"),
        Behaviour = ("behaviour", "Behaviour"),
        Social = ("social", "Social"),
        Attendance = ("attendance", "Attendance"),
        Other = ("other", "Other"),
    }
}

text_enum! {
    /// Whether success means the measure goes up (words read) or down (late arrivals).
    pub enum Aim {
        Increase = ("increase", "Raise it"),
        Decrease = ("decrease", "Lower it"),
    }
}

text_enum! {
    pub enum GoalStatus {
        Active = ("active", "Active"),
        Met = ("met", "Met"),
        NotMet = ("not_met", "Not met"),
        Dropped = ("dropped", "Dropped"),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Id,
    #[serde(flatten)]
    pub details: GoalDetails,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalDetails {
    pub student_id: Id,
    pub area: GoalArea,
    /// Specific: what the child will do. "Read a grade-3 passage aloud at 90 words a minute."
    pub statement: String,
    /// Measurable: how progress is measured. "One-minute reading probe, every other Friday."
    #[serde(default)]
    pub measure: String,
    /// What the numbers count: "words per minute", "late arrivals a month".
    #[serde(default)]
    pub unit: String,
    #[serde(default = "Aim::default_aim")]
    pub aim: Aim,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    /// What the teacher will do.
    #[serde(default)]
    pub steps: String,
    /// Relevant: why it matters to this child and family.
    #[serde(default)]
    pub why: String,
    /// The family's answer the goal grew from, if any.
    #[serde(default)]
    pub family_answer_id: Option<Id>,
    pub starts_on: NaiveDate,
    /// Time-bound.
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    #[serde(default = "GoalStatus::default_status")]
    pub status: GoalStatus,
}

impl Aim {
    fn default_aim() -> Aim {
        Aim::Increase
    }
}

impl GoalStatus {
    fn default_status() -> GoalStatus {
        GoalStatus::Active
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub id: Id,
    #[serde(flatten)]
    pub details: CheckInDetails,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckInDetails {
    pub goal_id: Id,
    pub on_date: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeActivity {
    pub id: Id,
    #[serde(flatten)]
    pub details: HomeActivityDetails,
}

/// Something the family can do at home, tied to a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeActivityDetails {
    pub goal_id: Id,
    /// "Read together for 15 minutes".
    pub title: String,
    #[serde(default)]
    pub details: String,
    /// "Most evenings", "Twice a week".
    #[serde(default)]
    pub how_often: String,
}

/// A goal with everything that hangs from it, as the student page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalRecord {
    pub goal: Goal,
    /// Oldest first.
    pub check_ins: Vec<CheckIn>,
    pub home_activities: Vec<HomeActivity>,
    /// How far the latest check-in is from the baseline toward the target, 0.0 to 1.0 (beyond
    /// either end is clamped); `None` without a baseline, a target and a check-in.
    pub progress: Option<f64>,
    /// What the SMART check says about the goal today.
    pub hints: Vec<SmartHint>,
}

/// Which letter of SMART a hint is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmartLetter {
    Specific,
    Measurable,
    Achievable,
    Relevant,
    TimeBound,
}

/// A hint the SMART check gives about a goal as written (`crate::smart`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SmartHint {
    pub letter: SmartLetter,
    /// The form field to look at.
    pub field: &'static str,
    pub message: String,
}
