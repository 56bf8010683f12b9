//! English.

use super::Handout;

pub const HANDOUT: Handout = Handout {
    code: "en",
    page_of: "Page {page} of {pages}",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    date_format: "{weekday}, {month} {day}, {year}",
    clock_24h: false,
    letter_title: "Welcome to a new year with {child}",
    letter_greeting: "Dear {guardian},",
    reach_default: "through the school office",
    teacher_default: "your child's teacher",
    school_default: "school",
    letter_body: "My name is {teacher}, and I am {child}'s teacher at {school} this year. I am \
        looking forward to getting to know {child}, and I would like to get to know you too: you \
        know {child} better than anyone.\n\
        I will be in touch all year, not only when something is wrong. You will hear from me when \
        {child} does something worth celebrating, and I hope you will tell me about what {child} \
        loves, what is hard, and anything that would help me teach {child} well.\n\
        You can reach me {contact_hours}. Please tell me how, when and in which language you would \
        like me to contact you.",
    letter_closing: "With warm wishes,",
    and: "and",
    family_of: "Family of {child}",
    slip_title: "Your conference about {child}",
    slip_when: "When",
    slip_where: "Where",
    slip_length: "{minutes} minutes",
    slip_interpreter: "An interpreter who speaks {language} will be with us.",
    slip_change: "If this time does not work for you, please tell {teacher} and we will find another one.",
    slip_closing: "We look forward to seeing you!",
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
