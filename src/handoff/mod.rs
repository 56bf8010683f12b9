//! The handoff to next year's teacher: what the family told us, the goals and their progress, what
//! works, learning at home and a summary of the contacts of the children the teacher chose, in a
//! file the receiving teacher reads into their own Rapport. Never a private note: no answer, goal
//! or concern marked for the teacher only, no child's notes, no contact's words (only how many, how
//! and when). `file.rs` seals it (with a one-time passphrase when the sender's record is
//! protected); `store/handoff.rs` gathers it and reads it in, matched on the school's id.

pub mod file;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    Aim, ContactMethod, GoalArea, GoalStatus, GuardianDetails, NameOrder, QuestionTopic,
};

/// What a handoff file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handoff {
    pub made_on: NaiveDate,
    /// Who handed it over: the sender's teacher and school names from Settings.
    pub teacher: String,
    pub school: String,
    pub children: Vec<HandedChild>,
}

/// One child as handed over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandedChild {
    pub given_name: String,
    pub family_name: String,
    #[serde(default)]
    pub preferred_name: String,
    pub name_order: NameOrder,
    #[serde(default)]
    pub pronouns: String,
    #[serde(default)]
    pub grade: String,
    /// The school's id: what the receiving record matches the child on.
    #[serde(default)]
    pub school_student_id: Option<String>,
    #[serde(default)]
    pub latin_name: String,
    /// The class they were in ("Grade 3 – Room 12, 2026–27").
    #[serde(default)]
    pub class: String,
    #[serde(default)]
    pub guardians: Vec<HandedGuardian>,
    /// What the family told us (answers marked for the teacher only are left out).
    #[serde(default)]
    pub answers: Vec<HandedAnswer>,
    #[serde(default)]
    pub goals: Vec<HandedGoal>,
    /// Concerns talked through, with what was tried and agreed (private ones are left out).
    #[serde(default)]
    pub what_works: Vec<HandedConcern>,
    pub contacts: ContactSummary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandedGuardian {
    #[serde(flatten)]
    pub details: GuardianDetails,
    pub is_primary: bool,
    pub lives_with: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandedAnswer {
    /// The question as the sender asked it: matched to the receiver's bank by its words.
    pub prompt: String,
    pub topic: QuestionTopic,
    /// The guardian's name, or `None` when the family answered together.
    #[serde(default)]
    pub guardian: Option<String>,
    pub answer: String,
    pub answered_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandedGoal {
    pub area: GoalArea,
    pub statement: String,
    #[serde(default)]
    pub measure: String,
    #[serde(default)]
    pub unit: String,
    pub aim: Aim,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub steps: String,
    #[serde(default)]
    pub why: String,
    pub starts_on: NaiveDate,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    pub status: GoalStatus,
    #[serde(default)]
    pub check_ins: Vec<HandedCheckIn>,
    /// Learning at home tied to this goal.
    #[serde(default)]
    pub at_home: Vec<HandedHomeActivity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandedCheckIn {
    pub on_date: NaiveDate,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedHomeActivity {
    pub title: String,
    #[serde(default)]
    pub details: String,
    #[serde(default)]
    pub how_often: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandedConcern {
    pub noticed_on: NaiveDate,
    pub observed: String,
    #[serde(default)]
    pub setting: String,
    #[serde(default)]
    pub causes: Vec<String>,
    #[serde(default)]
    pub strategies: String,
    #[serde(default)]
    pub plan: String,
    #[serde(default)]
    pub resolved_on: Option<NaiveDate>,
}

/// How the year's contacts with the family went, in numbers: never what was said.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactSummary {
    pub total: u32,
    pub reached: u32,
    pub positive: u32,
    pub concern: u32,
    /// The way of reaching the family that worked most often.
    #[serde(default)]
    pub works_best: Option<ContactMethod>,
    #[serde(default)]
    pub first_on: Option<NaiveDate>,
    #[serde(default)]
    pub last_on: Option<NaiveDate>,
}

impl ContactSummary {
    /// The summary in a sentence, for the receiving teacher's notes on the child.
    pub fn sentence(&self, teacher: &str, made_on: NaiveDate) -> String {
        let from = if teacher.trim().is_empty() {
            "the previous teacher".to_string()
        } else {
            teacher.trim().to_string()
        };
        let mut text = format!("Handed over by {from} on {made_on}: ");
        if self.total == 0 {
            text.push_str("no contact with the family was logged.");
            return text;
        }
        text.push_str(&format!(
            "{} contact{} with the family ({} reached; {} positive, {} about a concern)",
            self.total,
            if self.total == 1 { "" } else { "s" },
            self.reached,
            self.positive,
            self.concern
        ));
        if let (Some(first), Some(last)) = (self.first_on, self.last_on) {
            text.push_str(&format!(", {first} to {last}"));
        }
        text.push('.');
        if let Some(method) = self.works_best {
            text.push_str(&format!(" What reached them best: {}.", method.label()));
        }
        text
    }
}
