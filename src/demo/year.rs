//! A believable school year of partnership for a demo class: introductions in the first weeks,
//! families' answers to the questionnaire, SMART goals with check-ins and learning at home, praise and
//! the positive calls it led to, concerns talked through (or not yet), and follow-ups — up to `until`,
//! so Today has real, varied content. Deterministic for a given seed.

use chrono::{Duration, NaiveDate};

use super::dice::Dice;
use crate::error::Result;
use crate::model::*;
use crate::store::Store;

const INTRODUCTIONS: &[&str] = &[
    "Introduced myself and the class routines; asked about the best way to stay in touch.",
    "Welcome call. Shared the class schedule and invited questions any time.",
    "Met at the open house; family is glad to hear from me by text.",
    "First call of the year: talked about what the child enjoyed last year.",
];

const INFORMATION: &[&str] = &[
    "Shared the field trip details and permission slip.",
    "Reminded about reading logs coming home on Fridays.",
    "Explained the new math unit and a game to play at home.",
    "Family asked about after-school clubs; sent the list.",
    "Talked about sleep and the early start after the holiday.",
];

const POSITIVE: &[&str] = &[
    "Called to share how well the presentation went.",
    "Told the family about a great week of reading.",
    "Shared a kind moment at recess.",
    "Celebrated finishing the book report on time.",
];

const ANSWERS: &[(&str, &[&str])] = &[
    (
        "strengths",
        &[
            "Never gives up on a puzzle. Very patient with younger cousins.",
            "Draws all the time and notices small details.",
            "Kind and funny; makes friends easily.",
            "Loves numbers and counts everything on the way to school.",
            "Remembers every story we read together.",
        ],
    ),
    (
        "interests",
        &[
            "Football on Saturdays, and building things from boxes.",
            "Dinosaurs, drawing comics, and helping cook dinner.",
            "Swimming, and looking after our dog.",
            "Music: sings in the car and is learning the keyboard.",
        ],
    ),
    (
        "worries",
        &[
            "Reading out loud in front of the class makes them nervous.",
            "A new baby at home means less sleep for everyone.",
            "Sometimes comes home upset about recess.",
            "Nothing big; we want them to keep enjoying school.",
        ],
    ),
    (
        "learning",
        &[
            "Learns best by doing: hands-on, with short breaks.",
            "Likes to watch first, then try alone.",
            "Needs instructions one step at a time.",
            "Talking it through out loud helps a lot.",
        ],
    ),
    (
        "home",
        &[
            "Grandmother lives with us and helps with homework.",
            "We speak mostly our home language; English at school.",
            "Dad works nights, so mornings are rushed.",
            "We moved in the summer and are still settling in.",
        ],
    ),
    (
        "people",
        &[
            "Grandma, big sister, and best friend from next door.",
            "Cousins who live nearby, and the football coach.",
        ],
    ),
    (
        "hopes",
        &[
            "Reading chapter books by the end of the year.",
            "More confidence to speak up in class.",
            "Making good friends and enjoying school.",
            "Getting faster with times tables.",
        ],
    ),
    (
        "contact",
        &[
            "Text after 5 pm is best. Calls in our home language, please.",
            "Email any time; phone only if urgent.",
            "A note in the backpack works well for us.",
        ],
    ),
    (
        "ask",
        &[
            "Ask about the stories they write at home: they are proud of them.",
            "Ask how they feel about lunch time.",
        ],
    ),
];

struct GoalTemplate {
    area: GoalArea,
    statement: &'static str,
    measure: &'static str,
    unit: &'static str,
    aim: Aim,
    baseline: (i64, i64),
    change: i64,
    steps: &'static str,
    why: &'static str,
    at_home: (&'static str, &'static str, &'static str),
}

const GOALS: &[GoalTemplate] = &[
    GoalTemplate {
        area: GoalArea::Reading,
        statement: "Read a grade-3 passage aloud at 90 words a minute with few errors",
        measure: "One-minute reading probe, every other Friday",
        unit: "words per minute",
        aim: Aim::Increase,
        baseline: (55, 70),
        change: 25,
        steps: "Small-group fluency practice three times a week; paired reading with a buddy.",
        why: "The family hopes to see chapter books this year.",
        at_home: ("Read together for 15 minutes", "Take turns reading a page each; any language counts.", "Most evenings"),
    },
    GoalTemplate {
        area: GoalArea::Math,
        statement: "Answer 40 multiplication facts to 10 correctly in two minutes",
        measure: "Two-minute facts check every week",
        unit: "facts correct",
        aim: Aim::Increase,
        baseline: (12, 22),
        change: 20,
        steps: "Daily five-minute fact games; a facts ring to practise with.",
        why: "Fluent facts free up attention for problem solving.",
        at_home: ("Play a times-tables card game", "Flip two cards and multiply; the winner keeps both.", "Three times a week"),
    },
    GoalTemplate {
        area: GoalArea::Behaviour,
        statement: "Stay with independent writing for the whole 20-minute block, with one planned break",
        measure: "Teacher tally of times leaving the seat during writing, each day",
        unit: "times out of seat a day",
        aim: Aim::Decrease,
        baseline: (4, 7),
        change: 3,
        steps: "Sentence starters on the desk; a movement break card to use once.",
        why: "Writing time is when the child falls behind; the family wants them to feel successful.",
        at_home: ("Write a three-line note to someone in the family", "A shopping list or a birthday card counts.", "Twice a week"),
    },
    GoalTemplate {
        area: GoalArea::Social,
        statement: "Join a group game at recess on at least 4 of 5 days without adult help",
        measure: "Recess duty check-in each Friday",
        unit: "days a week",
        aim: Aim::Increase,
        baseline: (1, 2),
        change: 3,
        steps: "Recess buddy rota; practise joining phrases in morning circle.",
        why: "The family worries recess feels lonely.",
        at_home: ("Practise asking to join a game", "Role-play at the park: “Can I play too?”", "At weekends"),
    },
    GoalTemplate {
        area: GoalArea::Attendance,
        statement: "Arrive before the 8:30 bell on at least 18 of 20 school days each month",
        measure: "Attendance record, counted monthly",
        unit: "late arrivals a month",
        aim: Aim::Decrease,
        baseline: (5, 8),
        change: 4,
        steps: "A morning greeting job that starts at 8:25; a check-in call with the family each month.",
        why: "Mornings are rushed at home; the first lesson is reading.",
        at_home: ("A morning checklist on the fridge", "Pack the bag the night before.", "Every school night"),
    },
];

const PRAISE_NOTES: &[(PraiseCategory, &str)] = &[
    (
        PraiseCategory::Helped,
        "Helped a classmate who fell at recess and walked them to the nurse.",
    ),
    (
        PraiseCategory::StoodUp,
        "Stood up for a new student who was being left out.",
    ),
    (
        PraiseCategory::Persevered,
        "Kept going on a hard math problem and solved it.",
    ),
    (
        PraiseCategory::Thanked,
        "Thanked the lunch staff by name without being asked.",
    ),
    (
        PraiseCategory::Litter,
        "Picked up litter in the playground on their own.",
    ),
    (
        PraiseCategory::Kindness,
        "Shared their snack with a friend who forgot theirs.",
    ),
    (
        PraiseCategory::Other,
        "Read their story aloud to the class with real expression.",
    ),
];

const CONCERNS: &[(&str, &str, &[&str], &str, &str)] = &[
    (
        "Leaves the seat and wanders during independent writing, most days this week.",
        "Writing block, after lunch",
        &["avoidance", "skill_gap"],
        "Sentence starters; a short movement break halfway.",
        "Family will practise letter formation at home; check in again in two weeks.",
    ),
    (
        "Upset and tearful at drop-off three mornings in a row.",
        "Arrival, at the classroom door",
        &["home_change", "unmet_needs"],
        "A calm morning job; greeting at the door.",
        "Family will share any changes at home; we agreed on a goodbye routine.",
    ),
    (
        "Arguments with the same two classmates during group work.",
        "Group projects, afternoons",
        &["peer_conflict", "unclear_expectations"],
        "Group roles written on cards; seating change.",
        "Talk at home about taking turns; review in a week.",
    ),
    (
        "Covers ears and hides under the table during assemblies.",
        "Assemblies in the hall",
        &["sensory"],
        "Ear defenders; sitting at the end of a row near the door.",
        "Family will bring the ear defenders used at home.",
    ),
];

/// Fills one class's school year from `starts_on` up to `until` (never past the year's end).
pub fn fill_year(
    store: &mut Store,
    class_id: Id,
    starts_on: NaiveDate,
    until: NaiveDate,
    seed: u64,
) -> Result<()> {
    if until < starts_on {
        return Ok(());
    }
    let mut dice = Dice::new(seed);
    let questions = store.questions(false)?;
    // In the order the children were added, so the same children get the same year.
    let mut students = store.students(class_id)?;
    students.sort_by_key(|s| s.id);
    for (index, summary) in students.into_iter().enumerate() {
        let record = store.student_record(summary.id)?;
        let contactable: Vec<&Guardian> = record
            .guardians
            .iter()
            .map(|g| &g.guardian)
            .filter(|g| g.details.may_contact)
            .collect();
        let Some(primary) = contactable.first().copied() else {
            continue;
        };
        let mut child = Child {
            store: &mut *store,
            dice: &mut dice,
            student_id: summary.id,
            primary,
            others: &contactable[1..],
            starts_on,
            until,
            showcase: index < SHOWCASE,
        };
        child.introduction()?;
        let answers = child.answers(&questions)?;
        child.goals(&answers)?;
        child.contacts_through_the_year()?;
        child.praise()?;
        child.concern()?;
    }
    Ok(())
}

/// The first children in class order always have answers and a goal, so the demo shows a full page.
const SHOWCASE: usize = 3;

struct Child<'a> {
    store: &'a mut Store,
    dice: &'a mut Dice,
    student_id: Id,
    primary: &'a Guardian,
    others: &'a [&'a Guardian],
    starts_on: NaiveDate,
    until: NaiveDate,
    showcase: bool,
}

impl Child<'_> {
    fn day(&self, offset: i64) -> Option<NaiveDate> {
        Some(self.starts_on + Duration::days(offset)).filter(|d| *d <= self.until)
    }

    /// A day between `low` and `high` days into the year, if it has come yet.
    fn some_day(&mut self, low: i64, high: i64) -> Option<NaiveDate> {
        let offset = self.dice.between(low, high);
        self.day(offset)
    }

    fn contact(&mut self, on: NaiveDate, kind: ContactKind, summary: &str) -> ContactDetails {
        let guardian = if !self.others.is_empty() && self.dice.chance(30) {
            *self.dice.pick(self.others)
        } else {
            self.primary
        };
        ContactDetails {
            student_id: self.student_id,
            guardian_id: Some(guardian.id),
            happened_on: on,
            method: guardian.details.preferred_method,
            initiated_by: if self.dice.chance(20) {
                Initiator::Family
            } else {
                Initiator::Teacher
            },
            kind,
            summary: summary.to_string(),
            outcome: String::new(),
            reached: self.dice.chance(88),
            follow_up_on: None,
            follow_up_done: false,
            sensitive: false,
        }
    }

    fn introduction(&mut self) -> Result<()> {
        // Most families hear from the teacher in the first two weeks; a few are still waiting.
        if !self.dice.chance(88) {
            return Ok(());
        }
        let offset = self.dice.between(2, 14);
        if let Some(on) = self.day(offset) {
            let summary = *self.dice.pick(INTRODUCTIONS);
            let mut intro = self.contact(on, ContactKind::Introduction, summary);
            intro.reached = true;
            self.store.add_contact(&intro)?;
        }
        Ok(())
    }

    fn answers(&mut self, questions: &[Question]) -> Result<Vec<Answer>> {
        let mut given = Vec::new();
        if !self.showcase && !self.dice.chance(75) {
            return Ok(given);
        }
        let Some(on) = self.some_day(5, 21) else {
            return Ok(given);
        };
        let mut answerers = vec![Some(self.primary.id)];
        if let Some(second) = self.others.first() {
            if self.dice.chance(35) {
                answerers.push(Some(second.id));
            }
        } else if self.dice.chance(15) {
            answerers.push(None);
        }
        for (turn, guardian_id) in answerers.into_iter().enumerate() {
            for question in questions {
                let Some(key) = question.seed_key.as_deref() else {
                    continue;
                };
                let Some((_, pool)) = ANSWERS.iter().find(|(k, _)| *k == key) else {
                    continue;
                };
                if !self.dice.chance(if turn == 0 { 70 } else { 35 }) {
                    continue;
                }
                let answer = self.store.add_answer(&AnswerDetails {
                    student_id: self.student_id,
                    guardian_id,
                    question_id: question.id,
                    answer: self.dice.pick(pool).to_string(),
                    answered_on: on + Duration::days(turn as i64),
                    sensitive: key == "home" && self.dice.chance(30),
                })?;
                given.push(answer);
            }
        }
        Ok(given)
    }

    fn goals(&mut self, answers: &[Answer]) -> Result<()> {
        let count = match self.dice.below(10) {
            _ if self.showcase => 1,
            0..=3 => 0,
            4..=8 => 1,
            _ => 2,
        };
        let first = self.dice.below(GOALS.len() as u64) as usize;
        for n in 0..count {
            let template = &GOALS[(first + n) % GOALS.len()];
            let Some(starts_on) = self.some_day(18, 40) else {
                return Ok(());
            };
            let baseline = self.dice.between(template.baseline.0, template.baseline.1);
            let target = match template.aim {
                Aim::Increase => baseline + template.change,
                Aim::Decrease => (baseline - template.change).max(0),
            };
            let linked = answers
                .iter()
                .find(|a| a.details.answered_on <= starts_on)
                .filter(|_| self.dice.chance(50))
                .map(|a| a.id);
            let goal = self.store.add_goal(&GoalDetails {
                student_id: self.student_id,
                area: template.area,
                statement: template.statement.into(),
                measure: template.measure.into(),
                unit: template.unit.into(),
                aim: template.aim,
                baseline: Some(baseline as f64),
                target: Some(target as f64),
                steps: template.steps.into(),
                why: if linked.is_some() {
                    String::new()
                } else {
                    template.why.into()
                },
                family_answer_id: linked,
                starts_on,
                due_on: Some(starts_on + Duration::days(self.dice.between(75, 150))),
                status: GoalStatus::Active,
            })?;
            let (title, details, how_often) = template.at_home;
            self.store.add_home_activity(&HomeActivityDetails {
                goal_id: goal.id,
                title: title.into(),
                details: details.into(),
                how_often: how_often.into(),
            })?;
            // Check-ins every two weeks or so; some goals have gone quiet lately.
            let quiet_at_end = if self.dice.chance(25) { 28 } else { 0 };
            let mut on = starts_on + Duration::days(self.dice.between(10, 16));
            let mut value = baseline as f64;
            let step = (target - baseline) as f64 / 8.0;
            while on <= self.until - Duration::days(quiet_at_end) {
                value += step * (0.4 + self.dice.below(12) as f64 / 10.0);
                self.store.add_check_in(&CheckInDetails {
                    goal_id: goal.id,
                    on_date: on,
                    value: value.round().max(0.0),
                    note: String::new(),
                })?;
                on += Duration::days(self.dice.between(12, 17));
            }
        }
        Ok(())
    }

    fn contacts_through_the_year(&mut self) -> Result<()> {
        let mut on = self.starts_on + Duration::days(self.dice.between(20, 45));
        while on <= self.until {
            let (kind, pool) = if self.dice.chance(45) {
                (ContactKind::Positive, POSITIVE)
            } else {
                (ContactKind::Information, INFORMATION)
            };
            let summary = *self.dice.pick(pool);
            let mut contact = self.contact(on, kind, summary);
            if self.dice.chance(12) {
                let due = on + Duration::days(7);
                contact.follow_up_on = Some(due);
                // Old follow-ups are done; a few recent ones are still open.
                contact.follow_up_done = due + Duration::days(21) < self.until
                    || (due + Duration::days(3) < self.until && self.dice.chance(70));
            }
            self.store.add_contact(&contact)?;
            on += Duration::days(self.dice.between(18, 48));
        }
        // Whatever the dice said, the first children have a follow-up that came due this week and
        // is still open, so Today always has one to show (and a test always has one to mark done).
        if self.showcase {
            let on = self.until - Duration::days(8);
            if on >= self.starts_on {
                let summary = *self.dice.pick(INFORMATION);
                let mut contact = self.contact(on, ContactKind::Information, summary);
                contact.follow_up_on = Some(on + Duration::days(7));
                self.store.add_contact(&contact)?;
            }
        }
        Ok(())
    }

    fn praise(&mut self) -> Result<()> {
        for _ in 0..self.dice.between(0, 4) {
            let span = (self.until - self.starts_on).num_days().max(0);
            let Some(noticed_on) = self.some_day(0, span) else {
                continue;
            };
            let (category, note) = *self.dice.pick(PRAISE_NOTES);
            let recent = (self.until - noticed_on).num_days() <= 10;
            let praise = self.store.add_praise(&PraiseDetails {
                student_id: self.student_id,
                noticed_on,
                category,
                note: note.into(),
                call_queued: recent && self.dice.chance(60),
            })?;
            if !recent && self.dice.chance(55) {
                let called_on =
                    (noticed_on + Duration::days(self.dice.between(0, 2))).min(self.until);
                let mut call = self.contact(called_on, ContactKind::Positive, note);
                call.reached = true;
                self.store.record_praise_call(praise.id, &call)?;
            }
        }
        Ok(())
    }

    fn concern(&mut self) -> Result<()> {
        if !self.dice.chance(18) {
            return Ok(());
        }
        let span = (self.until - self.starts_on).num_days();
        // Concerns not yet talked through with the family are the recent ones.
        let discussed = self.dice.chance(65);
        let noticed = if discussed {
            self.some_day(span / 3, span - 4)
        } else {
            self.some_day(span - 6, span - 1)
        };
        let Some(noticed_on) = noticed else {
            return Ok(());
        };
        let (observed, setting, causes, strategies, plan) = *self.dice.pick(CONCERNS);
        let contact_id = if discussed {
            let on = noticed_on + Duration::days(self.dice.between(1, 3));
            let mut call = self.contact(
                on,
                ContactKind::Concern,
                "Talked through what we have seen and what might be behind it.",
            );
            call.reached = true;
            call.outcome = plan.into();
            call.follow_up_on = Some(on + Duration::days(14));
            call.follow_up_done = on + Duration::days(17) < self.until;
            Some(self.store.add_contact(&call)?.id)
        } else {
            None
        };
        let resolved_on = Some(noticed_on + Duration::days(self.dice.between(14, 30)))
            .filter(|d| discussed && *d <= self.until && self.dice.chance(50));
        let sensitive = self.dice.chance(30);
        self.store.add_concern(&ConcernDetails {
            student_id: self.student_id,
            noticed_on,
            observed: observed.into(),
            setting: setting.into(),
            causes: causes.iter().map(|c| c.to_string()).collect(),
            strategies: strategies.into(),
            contact_id,
            plan: if discussed {
                plan.into()
            } else {
                String::new()
            },
            notes: if sensitive {
                "Family shared a private matter; see the office file.".into()
            } else {
                String::new()
            },
            sensitive,
            resolved_on,
            share_at_conference: false,
        })?;
        Ok(())
    }
}
