//! The question bank and the families' answers.

use std::collections::HashMap;

use rusqlite::{params, Row};

use super::rows;
use super::trash::Deleted;
use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{Answer, AnswerBy, AnswerDetails, FamilyAnswers, Id, Question, QuestionDetails};
use crate::validate::{clean_answer, clean_question};

const QUESTION_COLUMNS: &str = "id, prompt, topic, position, retired, seed_key";
pub(super) const ANSWER_COLUMNS: &str =
    "a.id, a.student_id, a.guardian_id, a.question_id, a.answer, a.answered_on, a.sensitive";

fn question_from_row(row: &Row) -> rusqlite::Result<Question> {
    Ok(Question {
        id: row.get(0)?,
        prompt: row.get(1)?,
        topic: row.get(2)?,
        position: row.get(3)?,
        retired: row.get(4)?,
        seed_key: row.get(5)?,
    })
}

pub(super) fn answer_from_row(row: &Row) -> rusqlite::Result<Answer> {
    Ok(Answer {
        id: row.get(0)?,
        details: AnswerDetails {
            student_id: row.get(1)?,
            guardian_id: row.get(2)?,
            question_id: row.get(3)?,
            answer: row.get(4)?,
            answered_on: row.get(5)?,
            sensitive: row.get(6)?,
        },
    })
}

impl Store {
    /// The question bank in questionnaire order; retired questions only when asked for.
    pub fn questions(&self, include_retired: bool) -> Result<Vec<Question>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {QUESTION_COLUMNS} FROM question WHERE retired = 0 OR ?1 ORDER BY position, id"
        ))?;
        let questions = stmt.query_map([include_retired], question_from_row)?;
        Ok(questions.collect::<rusqlite::Result<_>>()?)
    }

    pub fn question(&self, id: Id) -> Result<Question> {
        self.conn
            .query_row(
                &format!("SELECT {QUESTION_COLUMNS} FROM question WHERE id = ?1"),
                [id],
                question_from_row,
            )
            .or_not_found("That question")
    }

    /// Adds a question at the end of the questionnaire.
    pub fn add_question(&self, details: &QuestionDetails) -> Result<Question> {
        let details = clean_question(details)?;
        let id = Id::new();
        self.conn.execute(
            "INSERT INTO question (id, prompt, topic, position)
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM question))",
            params![id, details.prompt, details.topic],
        )?;
        self.question(id)
    }

    pub fn update_question(&self, id: Id, details: &QuestionDetails) -> Result<Question> {
        let details = clean_question(details)?;
        let changed = self.conn.execute(
            "UPDATE question SET prompt = ?2, topic = ?3 WHERE id = ?1",
            params![id, details.prompt, details.topic],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That question"));
        }
        self.question(id)
    }

    /// Retires a question (no longer asked; its answers stay) or brings it back.
    pub fn set_question_retired(&self, id: Id, retired: bool) -> Result<Question> {
        let changed = self.conn.execute(
            "UPDATE question SET retired = ?2 WHERE id = ?1",
            params![id, retired],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That question"));
        }
        self.question(id)
    }

    /// Puts the questions in the order given, which must name every question once.
    pub fn reorder_questions(&mut self, order: &[Id]) -> Result<Vec<Question>> {
        let mut known: Vec<Id> = self.questions(true)?.iter().map(|q| q.id).collect();
        let mut given = order.to_vec();
        known.sort_unstable();
        given.sort_unstable();
        if known != given {
            return Err(Error::Conflict(
                "The question list changed while you were reordering it. Reload and try again."
                    .into(),
            ));
        }
        self.atomically(|store| {
            let conn = &store.conn;
            for (index, id) in order.iter().enumerate() {
                conn.execute(
                    "UPDATE question SET position = ?2 WHERE id = ?1",
                    params![id, index as i64 + 1],
                )?;
            }
            Ok(())
        })?;
        self.questions(true)
    }

    /// Records what a guardian (or the family together) answered.
    pub fn add_answer(&self, details: &AnswerDetails) -> Result<Answer> {
        let details = clean_answer(details)?;
        self.check_answer_links(&details)?;
        let id = rows::insert_answer(&self.conn, Id::new(), &details)?;
        Ok(Answer { id, details })
    }

    pub fn update_answer(&self, id: Id, details: &AnswerDetails) -> Result<Answer> {
        let details = clean_answer(details)?;
        self.check_answer_links(&details)?;
        let changed = self.conn.execute(
            "UPDATE answer SET guardian_id = ?2, question_id = ?3, answer = ?4, answered_on = ?5,
                 sensitive = ?6
             WHERE id = ?1 AND student_id = ?7",
            params![
                id,
                details.guardian_id,
                details.question_id,
                details.answer,
                details.answered_on,
                details.sensitive,
                details.student_id
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That answer"));
        }
        Ok(Answer { id, details })
    }

    /// Deletes a family's answer (to the trash).
    pub fn delete_answer(&mut self, id: Id) -> Result<Id> {
        let answer = self
            .conn
            .query_row(
                &format!("SELECT {ANSWER_COLUMNS} FROM answer a WHERE a.id = ?1"),
                [id],
                answer_from_row,
            )
            .or_not_found("That answer")?;
        let student_id = answer.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: a family answer",
            self.student(student_id)?.details.display_name()
        );
        self.discard(label, Some(student_id), Deleted::Answer(answer), |conn| {
            conn.execute("DELETE FROM answer WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// "What the family told us": each question with answers, in questionnaire order, newest
    /// answer first. Answers to retired questions are kept and shown.
    pub fn family_answers(&self, student_id: Id) -> Result<Vec<FamilyAnswers>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ANSWER_COLUMNS}, g.name FROM answer a LEFT JOIN guardian g ON g.id = a.guardian_id
             WHERE a.student_id = ?1 ORDER BY a.answered_on DESC, a.id DESC"
        ))?;
        let mut by_question: HashMap<Id, Vec<AnswerBy>> = HashMap::new();
        let rows = stmt.query_map([student_id], |row| {
            Ok(AnswerBy {
                answer: answer_from_row(row)?,
                guardian_name: row.get(7)?,
            })
        })?;
        for answer in rows {
            let answer = answer?;
            by_question
                .entry(answer.answer.details.question_id)
                .or_default()
                .push(answer);
        }
        Ok(self
            .questions(true)?
            .into_iter()
            .filter_map(|question| {
                by_question
                    .remove(&question.id)
                    .map(|answers| FamilyAnswers { question, answers })
            })
            .collect())
    }

    fn check_answer_links(&self, details: &AnswerDetails) -> Result<()> {
        self.refuse_archived_student(details.student_id)?;
        self.question(details.question_id)?;
        if let Some(guardian_id) = details.guardian_id {
            self.linked_guardian(details.student_id, guardian_id, "guardian_id")?;
        }
        Ok(())
    }
}
