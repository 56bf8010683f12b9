//! What families tell us: the teacher's question bank and each guardian's dated answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

text_enum! {
    /// What a question is about; the seed bank covers each, and the teacher may add any.
    pub enum QuestionTopic {
        Strengths = ("strengths", "Strengths"),
        Interests = ("interests", "Interests"),
        Worries = ("worries", "Worries"),
        Learning = ("learning", "How they learn best"),
        Home = ("home", "Home and family"),
        Hopes = ("hopes", "Hopes for the year"),
        People = ("people", "Important people"),
        Contact = ("contact", "Staying in touch"),
        Ask = ("ask", "What to ask"),
        Other = ("other", "Other"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: Id,
    pub prompt: String,
    pub topic: QuestionTopic,
    /// Order in the questionnaire, from 1.
    pub position: i64,
    /// A retired question is no longer asked; its answers stay.
    pub retired: bool,
    /// The seed question it started as, if any (`src/questions.rs`).
    pub seed_key: Option<String>,
}

/// A question as the teacher writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionDetails {
    pub prompt: String,
    pub topic: QuestionTopic,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: Id,
    #[serde(flatten)]
    pub details: AnswerDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerDetails {
    pub student_id: Id,
    /// Who answered; `None` when the family answered together.
    #[serde(default)]
    pub guardian_id: Option<Id>,
    pub question_id: Id,
    pub answer: String,
    pub answered_on: NaiveDate,
    /// For the teacher only: never printed on documents for the family.
    #[serde(default)]
    pub sensitive: bool,
}

/// One question with what each guardian answered, newest first: "What the family told us".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FamilyAnswers {
    pub question: Question,
    pub answers: Vec<AnswerBy>,
}

/// An answer with who gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerBy {
    pub answer: Answer,
    /// The guardian's name, or `None` for the family together.
    pub guardian_name: Option<String>,
}
