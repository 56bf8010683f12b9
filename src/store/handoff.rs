//! The handoff to next year's teacher (`crate::handoff`): gathering what is handed over of the
//! children chosen, and reading a handoff into this record — each child matched on the school's
//! id in the class it goes to, or added to it; nothing already there is changed (new answers,
//! goals, guardians and concerns are added beside it; the summary of contacts is added to the
//! child's notes). One transaction: a handoff goes in whole or not at all, and the preview is the
//! very same code, undone (`Store::dry_run`).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::handoff::*;
use crate::model::*;
use crate::text::single_line;

/// What reading a handoff did (or would do, previewed) for one child.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ReceivedChild {
    pub name: String,
    pub school_student_id: Option<String>,
    /// The child already in the class with the same school id; `None`: added as a new child.
    pub matched: Option<Id>,
    /// The child's id in this record (after reading; in a preview, the id it would have had).
    pub student_id: Id,
    pub guardians: usize,
    pub answers: usize,
    pub goals: usize,
    pub check_ins: usize,
    pub at_home: usize,
    pub what_works: usize,
    /// Things the record already held, left as they are.
    pub already_here: usize,
}

/// What reading a handoff did, child by child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Received {
    pub teacher: String,
    pub school: String,
    pub made_on: NaiveDate,
    pub class_id: Id,
    pub children: Vec<ReceivedChild>,
    /// Questions the sender asked that this record's bank did not have: added, retired (their
    /// answers show on the child's page; the questionnaire is as it was).
    pub questions_added: usize,
}

fn key(text: &str) -> String {
    single_line(text).to_lowercase()
}

impl Store {
    /// What is handed over of `students`, as of `today`.
    pub fn handoff(&self, students: &[Id], today: NaiveDate) -> Result<Handoff> {
        let settings = self.settings()?;
        let mut children = Vec::with_capacity(students.len());
        for &id in students {
            children.push(self.handed_child(id, today)?);
        }
        Ok(Handoff {
            made_on: today,
            teacher: settings.teacher_name,
            school: settings.school_name,
            children,
        })
    }

    fn handed_child(&self, id: Id, today: NaiveDate) -> Result<HandedChild> {
        let record = self.student_record(id)?;
        let student = record.student.details;
        let guardians = record
            .guardians
            .iter()
            .map(|g| HandedGuardian {
                details: g.guardian.details.clone(),
                is_primary: g.link.is_primary,
                lives_with: g.link.lives_with,
            })
            .collect();
        let mut answers = Vec::new();
        for family in self.family_answers(id)? {
            for by in family.answers {
                if by.answer.details.sensitive {
                    continue;
                }
                answers.push(HandedAnswer {
                    prompt: family.question.prompt.clone(),
                    topic: family.question.topic,
                    guardian: by.guardian_name,
                    answer: by.answer.details.answer,
                    answered_on: by.answer.details.answered_on,
                });
            }
        }
        let goals = self
            .goals_of(id, today)?
            .into_iter()
            .map(|g| {
                let d = g.goal.details;
                HandedGoal {
                    area: d.area,
                    statement: d.statement,
                    measure: d.measure,
                    unit: d.unit,
                    aim: d.aim,
                    baseline: d.baseline,
                    target: d.target,
                    steps: d.steps,
                    why: d.why,
                    starts_on: d.starts_on,
                    due_on: d.due_on,
                    status: d.status,
                    check_ins: g
                        .check_ins
                        .into_iter()
                        .map(|c| HandedCheckIn {
                            on_date: c.details.on_date,
                            value: c.details.value,
                            note: c.details.note,
                        })
                        .collect(),
                    at_home: g
                        .home_activities
                        .into_iter()
                        .map(|h| HandedHomeActivity {
                            title: h.details.title,
                            details: h.details.details,
                            how_often: h.details.how_often,
                        })
                        .collect(),
                }
            })
            .collect();
        let what_works = self
            .concerns_of(id)?
            .into_iter()
            .filter(|c| !c.details.sensitive)
            .map(|c| HandedConcern {
                noticed_on: c.details.noticed_on,
                observed: c.details.observed,
                setting: c.details.setting,
                causes: c.details.causes,
                strategies: c.details.strategies,
                plan: c.details.plan,
                resolved_on: c.details.resolved_on,
            })
            .collect();
        Ok(HandedChild {
            given_name: student.given_name,
            family_name: student.family_name,
            preferred_name: student.preferred_name,
            name_order: student.name_order,
            pronouns: student.pronouns,
            grade: student.grade,
            school_student_id: student.school_student_id,
            latin_name: student.latin_name,
            class: record.class.details.name,
            guardians,
            answers,
            goals,
            what_works,
            contacts: summarize(&self.contacts_of(id)?),
        })
    }

    /// Reads `handoff` into the class `class_id`; with `preview`, says what it would do and
    /// changes nothing. Refused whole, naming the child and the part, when any of it breaks a rule.
    pub fn receive_handoff(
        &mut self,
        handoff: &Handoff,
        class_id: Id,
        preview: bool,
    ) -> Result<Received> {
        let work = |store: &mut Store| store.receive_all(handoff, class_id);
        if preview {
            self.dry_run(work)
        } else {
            self.atomically(work)
        }
    }

    fn receive_all(&mut self, handoff: &Handoff, class_id: Id) -> Result<Received> {
        let class = self.class(class_id)?;
        if class.archived {
            return Err(Error::Conflict(format!(
                "The class “{}” is archived: choose this year's class to receive the handoff. \
                 Nothing was changed.",
                class.details.name
            )));
        }
        let mut questions: HashMap<String, Id> = self
            .questions(true)?
            .into_iter()
            .map(|q| (key(&q.prompt), q.id))
            .collect();
        let mut received = Received {
            teacher: handoff.teacher.clone(),
            school: handoff.school.clone(),
            made_on: handoff.made_on,
            class_id,
            children: Vec::new(),
            questions_added: 0,
        };
        for (n, child) in handoff.children.iter().enumerate() {
            let done = self
                .receive_child(
                    handoff,
                    child,
                    class_id,
                    &mut questions,
                    &mut received.questions_added,
                )
                .map_err(|e| {
                    let name = format!("{} {}", child.given_name.trim(), child.family_name.trim());
                    let child = match name.trim() {
                        "" => format!("child {}", n + 1),
                        name => format!("child {} ({name})", n + 1),
                    };
                    Error::BadFile(format!(
                        "The handoff cannot be read in: {child}: {e} Nothing was changed."
                    ))
                })?;
            received.children.push(done);
        }
        Ok(received)
    }

    fn receive_child(
        &mut self,
        handoff: &Handoff,
        child: &HandedChild,
        class_id: Id,
        questions: &mut HashMap<String, Id>,
        questions_added: &mut usize,
    ) -> Result<ReceivedChild> {
        let summary = child.contacts.sentence(&handoff.teacher, handoff.made_on);
        let school_id = child
            .school_student_id
            .as_deref()
            .map(single_line)
            .filter(|s| !s.is_empty());
        let matched = match &school_id {
            Some(school_id) => self
                .class_records(class_id)?
                .into_iter()
                .find(|r| r.student.details.school_student_id.as_deref() == Some(school_id))
                .map(|r| r.student),
            None => None,
        };
        let mut done = ReceivedChild {
            school_student_id: school_id.clone(),
            matched: matched.as_ref().map(|s| s.id),
            ..ReceivedChild::default()
        };
        let student = match matched {
            Some(student) => {
                if student.details.notes.contains(&summary) {
                    done.already_here += 1;
                } else {
                    let mut details = student.details.clone();
                    details.notes = if details.notes.trim().is_empty() {
                        summary
                    } else {
                        format!("{}\n\n{summary}", details.notes.trim_end())
                    };
                    self.update_student(student.id, &details)?;
                }
                self.student(student.id)?
            }
            None => self.add_student(&StudentDetails {
                class_id,
                given_name: child.given_name.clone(),
                family_name: child.family_name.clone(),
                preferred_name: child.preferred_name.clone(),
                name_order: child.name_order,
                pronouns: child.pronouns.clone(),
                grade: child.grade.clone(),
                school_student_id: school_id,
                notes: summary,
                latin_name: child.latin_name.clone(),
            })?,
        };
        let id = student.id;
        done.student_id = id;
        done.name = student.details.display_name();

        // Guardians: one with the same name as a guardian of the child is the same person.
        let mut guardians: HashMap<String, Id> = self
            .guardians_of(id)?
            .into_iter()
            .map(|g| (key(&g.guardian.details.name), g.guardian.id))
            .collect();
        let has_primary = self.guardians_of(id)?.iter().any(|g| g.link.is_primary);
        for guardian in &child.guardians {
            if guardians.contains_key(&key(&guardian.details.name)) {
                done.already_here += 1;
                continue;
            }
            let link = GuardianLink {
                is_primary: guardian.is_primary && !has_primary,
                lives_with: guardian.lives_with,
            };
            let added = self
                .add_guardian(id, &guardian.details, link)
                .map_err(|e| part("a guardian", e))?;
            guardians.insert(key(&added.details.name), added.id);
            done.guardians += 1;
        }

        // What the family told us: beside the answers already here, never over them.
        let existing: Vec<(Id, Option<Id>, String)> = self
            .family_answers(id)?
            .into_iter()
            .flat_map(|f| {
                f.answers.into_iter().map(move |a| {
                    (
                        f.question.id,
                        a.answer.details.guardian_id,
                        key(&a.answer.details.answer),
                    )
                })
            })
            .collect();
        for answer in &child.answers {
            let question_id = match questions.get(&key(&answer.prompt)) {
                Some(&q) => q,
                None => {
                    let added = self
                        .add_question(&QuestionDetails {
                            prompt: answer.prompt.clone(),
                            topic: answer.topic,
                        })
                        .map_err(|e| part("a question", e))?;
                    self.set_question_retired(added.id, true)?;
                    questions.insert(key(&answer.prompt), added.id);
                    *questions_added += 1;
                    added.id
                }
            };
            let guardian_id = answer
                .guardian
                .as_deref()
                .and_then(|name| guardians.get(&key(name)).copied());
            if existing.contains(&(question_id, guardian_id, key(&answer.answer))) {
                done.already_here += 1;
                continue;
            }
            self.add_answer(&AnswerDetails {
                student_id: id,
                guardian_id,
                question_id,
                answer: answer.answer.clone(),
                answered_on: answer.answered_on,
                sensitive: false,
            })
            .map_err(|e| part("an answer", e))?;
            done.answers += 1;
        }

        // Goals with their check-ins and learning at home.
        let goals_here: Vec<(String, NaiveDate)> = self
            .goals_of(id, handoff.made_on)?
            .into_iter()
            .map(|g| (key(&g.goal.details.statement), g.goal.details.starts_on))
            .collect();
        for goal in &child.goals {
            if goals_here.contains(&(key(&goal.statement), goal.starts_on)) {
                done.already_here += 1;
                continue;
            }
            let added = self
                .add_goal(&GoalDetails {
                    student_id: id,
                    area: goal.area,
                    statement: goal.statement.clone(),
                    measure: goal.measure.clone(),
                    unit: goal.unit.clone(),
                    aim: goal.aim,
                    baseline: goal.baseline,
                    target: goal.target,
                    steps: goal.steps.clone(),
                    why: goal.why.clone(),
                    family_answer_id: None,
                    starts_on: goal.starts_on,
                    due_on: goal.due_on,
                    status: goal.status,
                })
                .map_err(|e| part("a goal", e))?;
            done.goals += 1;
            for check_in in &goal.check_ins {
                self.add_check_in(&CheckInDetails {
                    goal_id: added.id,
                    on_date: check_in.on_date,
                    value: check_in.value,
                    note: check_in.note.clone(),
                })
                .map_err(|e| part("a check-in", e))?;
                done.check_ins += 1;
            }
            for activity in &goal.at_home {
                self.add_home_activity(&HomeActivityDetails {
                    goal_id: added.id,
                    title: activity.title.clone(),
                    details: activity.details.clone(),
                    how_often: activity.how_often.clone(),
                })
                .map_err(|e| part("learning at home", e))?;
                done.at_home += 1;
            }
        }

        // What works: the concerns talked through, with what was tried and agreed.
        let concerns_here: Vec<(String, NaiveDate)> = self
            .concerns_of(id)?
            .into_iter()
            .map(|c| (key(&c.details.observed), c.details.noticed_on))
            .collect();
        for concern in &child.what_works {
            if concerns_here.contains(&(key(&concern.observed), concern.noticed_on)) {
                done.already_here += 1;
                continue;
            }
            self.add_concern(&ConcernDetails {
                student_id: id,
                noticed_on: concern.noticed_on,
                observed: concern.observed.clone(),
                setting: concern.setting.clone(),
                causes: concern.causes.clone(),
                strategies: concern.strategies.clone(),
                contact_id: None,
                plan: concern.plan.clone(),
                notes: String::new(),
                sensitive: false,
                share_at_conference: false,
                resolved_on: concern.resolved_on,
            })
            .map_err(|e| part("what works", e))?;
            done.what_works += 1;
        }
        Ok(done)
    }
}

/// An error of one part of a child, named.
fn part(what: &str, error: Error) -> Error {
    Error::BadFile(format!("{what}: {error}"))
}

/// The year's contacts in numbers.
fn summarize(contacts: &[Contact]) -> ContactSummary {
    let mut summary = ContactSummary::default();
    let mut reached_by: HashMap<ContactMethod, u32> = HashMap::new();
    for contact in contacts {
        let c = &contact.details;
        summary.total += 1;
        if c.reached {
            summary.reached += 1;
            *reached_by.entry(c.method).or_default() += 1;
        }
        match c.kind {
            ContactKind::Positive => summary.positive += 1,
            ContactKind::Concern => summary.concern += 1,
            _ => {}
        }
        summary.first_on = Some(
            summary
                .first_on
                .map_or(c.happened_on, |d| d.min(c.happened_on)),
        );
        summary.last_on = Some(
            summary
                .last_on
                .map_or(c.happened_on, |d| d.max(c.happened_on)),
        );
    }
    summary.works_best = reached_by
        .into_iter()
        .max_by_key(|(method, n)| (*n, std::cmp::Reverse(method.as_str())))
        .map(|(method, _)| method);
    summary
}
