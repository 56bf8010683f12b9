//! The seed question bank: open-ended questions that let parents tell the teacher what they know
//! best. A new record starts with these; the teacher can then edit, reorder, retire and add. Each has
//! a stable key so translated questionnaires can follow it.

use crate::model::QuestionTopic;

pub struct SeedQuestion {
    pub key: &'static str,
    pub topic: QuestionTopic,
    pub prompt: &'static str,
}

pub const SEED_QUESTIONS: &[SeedQuestion] = &[
    SeedQuestion {
        key: "strengths",
        topic: QuestionTopic::Strengths,
        prompt: "What are your child's greatest strengths? What are they proud of?",
    },
    SeedQuestion {
        key: "interests",
        topic: QuestionTopic::Interests,
        prompt: "What does your child love to do outside school?",
    },
    SeedQuestion {
        key: "worries",
        topic: QuestionTopic::Worries,
        prompt: "Is anything worrying you or your child about this school year?",
    },
    SeedQuestion {
        key: "learning",
        topic: QuestionTopic::Learning,
        prompt: "How does your child learn best? What helps when something is hard?",
    },
    SeedQuestion {
        key: "home",
        topic: QuestionTopic::Home,
        prompt: "Is there anything about home or family life you would like me to know?",
    },
    SeedQuestion {
        key: "people",
        topic: QuestionTopic::People,
        prompt: "Who are the important people in your child's life?",
    },
    SeedQuestion {
        key: "hopes",
        topic: QuestionTopic::Hopes,
        prompt: "What are your hopes for your child this year?",
    },
    SeedQuestion {
        key: "contact",
        topic: QuestionTopic::Contact,
        prompt: "How, when, and in which language would you like me to contact you?",
    },
    SeedQuestion {
        key: "ask",
        topic: QuestionTopic::Ask,
        prompt: "Is there a question you hope I will ask about your child? What is your answer?",
    },
];
