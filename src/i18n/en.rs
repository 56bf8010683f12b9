//! English.

use super::Handout;

pub const HANDOUT: Handout = Handout {
    code: "en",
    questionnaire_title: "Tell us about {child}",
    questionnaire_intro: "You know {child} better than anyone. What you tell us helps us teach {child} \
        well this year, and it stays between you and {child}'s teacher. Answer as much or as little as \
        you like.",
    any_language: "Please write in whichever language you prefer.",
    child: "Child",
    filled_in_by: "Filled in by",
    date: "Date",
    return_to: "Please return this page to {teacher} at {school}. Thank you!",
    thanks: "Thank you for helping us get to know {child}.",
    questions: &[
        ("strengths", "What are your child's greatest strengths? What are they proud of?"),
        ("interests", "What does your child love to do outside school?"),
        ("worries", "Is anything worrying you or your child about this school year?"),
        ("learning", "How does your child learn best? What helps when something is hard?"),
        ("home", "Is there anything about home or family life you would like me to know?"),
        ("people", "Who are the important people in your child's life?"),
        ("hopes", "What are your hopes for your child this year?"),
        ("contact", "How, when, and in which language would you like me to contact you?"),
        ("ask", "Is there a question you hope I will ask about your child? What is your answer?"),
    ],
};
