//! What a screen needs, read in one go: a student's whole page, and a class's activity for Today
//! (a handful of bulk queries, not one per child, so Today stays fast for a large class).

use chrono::NaiveDate;

use super::contacts::{
    attach_causes, concern_from_row, contact_from_row, praise_from_row, CONCERN_COLUMNS,
    CONTACT_COLUMNS, PRAISE_COLUMNS,
};
use super::goals::{check_in_from_row, goal_from_row, GOAL_COLUMNS};
use super::Store;
use crate::error::Result;
use crate::model::{BalanceReport, ClassActivity, Id, StudentPage};

impl Store {
    /// Everything on a student's page, with SMART hints and the balance as of `today`.
    pub fn student_page(&self, id: Id, today: NaiveDate) -> Result<StudentPage> {
        let record = self.student_record(id)?;
        let year = self.school_year(record.class.school_year_id)?;
        let contacts = self.contacts_of(id)?;
        Ok(StudentPage {
            family_answers: self.family_answers(id)?,
            goals: self.goals_of(id, today)?,
            praise: self.praise_of(id)?,
            concerns: self.concerns_of(id)?,
            conferences: self.conferences_of(id)?,
            balance: BalanceReport::count(&contacts, today, Some(year.details.starts_on)),
            drafts: self.drafts_of(id)?,
            contacts,
            record,
        })
    }

    /// A class's students and their whole partnership record, for the Today rules.
    pub fn class_activity(&self, class_id: Id) -> Result<ClassActivity> {
        let class = self.class(class_id)?;
        let year = self.school_year(class.school_year_id)?;
        let in_class = |columns: &str, table: &str, alias: &str, order: &str| {
            format!(
                "SELECT {columns} FROM {table} {alias} JOIN student s ON s.id = {alias}.student_id
                 WHERE s.class_id = ?1 ORDER BY {order}"
            )
        };
        let mut stmt = self.conn.prepare_cached(&in_class(
            CONTACT_COLUMNS,
            "contact",
            "c",
            "c.happened_on, c.id",
        ))?;
        let contacts = stmt
            .query_map([class_id], contact_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(&in_class(
            PRAISE_COLUMNS,
            "praise",
            "p",
            "p.noticed_on, p.id",
        ))?;
        let praise = stmt
            .query_map([class_id], praise_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(&in_class(
            CONCERN_COLUMNS,
            "concern",
            "k",
            "k.noticed_on, k.id",
        ))?;
        let mut concerns = stmt
            .query_map([class_id], concern_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT cc.concern_id, cc.cause FROM concern_cause cc JOIN concern k ON k.id = cc.concern_id
             JOIN student s ON s.id = k.student_id WHERE s.class_id = ?1 ORDER BY cc.cause",
        )?;
        attach_causes(
            &mut concerns,
            stmt.query_map([class_id], |r| Ok((r.get(0)?, r.get(1)?)))?,
        )?;
        let mut stmt = self
            .conn
            .prepare_cached(&in_class(GOAL_COLUMNS, "goal", "g", "g.id"))?;
        let goals = stmt
            .query_map([class_id], goal_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.goal_id, c.on_date, c.value, c.note FROM check_in c
             JOIN goal g ON g.id = c.goal_id JOIN student s ON s.id = g.student_id
             WHERE s.class_id = ?1 ORDER BY c.on_date, c.id",
        )?;
        let check_ins = stmt
            .query_map([class_id], check_in_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let conferences = self
            .conferences(class_id)?
            .into_iter()
            .map(|s| s.conference)
            .collect();
        Ok(ClassActivity {
            conferences,
            students: self.students(class_id)?,
            year_starts_on: Some(year.details.starts_on),
            contacts,
            praise,
            concerns,
            goals,
            check_ins,
        })
    }
}
