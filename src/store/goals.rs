//! SMART goals, their check-ins, and learning at home.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::rows;
use super::trash::Deleted;
use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{
    CheckIn, CheckInDetails, Goal, GoalDetails, GoalRecord, HomeActivity, HomeActivityDetails, Id,
};
use crate::smart;
use crate::validate::{clean_check_in, clean_goal, clean_home_activity};

pub(super) const GOAL_COLUMNS: &str = "g.id, g.student_id, g.area, g.statement, g.measure, g.unit, \
    g.aim, g.baseline, g.target, g.steps, g.why, g.family_answer_id, g.starts_on, g.due_on, g.status";

pub(super) fn goal_from_row(row: &Row) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: row.get(0)?,
        details: GoalDetails {
            student_id: row.get(1)?,
            area: row.get(2)?,
            statement: row.get(3)?,
            measure: row.get(4)?,
            unit: row.get(5)?,
            aim: row.get(6)?,
            baseline: row.get(7)?,
            target: row.get(8)?,
            steps: row.get(9)?,
            why: row.get(10)?,
            family_answer_id: row.get(11)?,
            starts_on: row.get(12)?,
            due_on: row.get(13)?,
            status: row.get(14)?,
        },
    })
}

pub(super) fn check_in_from_row(row: &Row) -> rusqlite::Result<CheckIn> {
    Ok(CheckIn {
        id: row.get(0)?,
        details: CheckInDetails {
            goal_id: row.get(1)?,
            on_date: row.get(2)?,
            value: row.get(3)?,
            note: row.get(4)?,
        },
    })
}

pub(super) fn activity_from_row(row: &Row) -> rusqlite::Result<HomeActivity> {
    Ok(HomeActivity {
        id: row.get(0)?,
        details: HomeActivityDetails {
            goal_id: row.get(1)?,
            title: row.get(2)?,
            details: row.get(3)?,
            how_often: row.get(4)?,
        },
    })
}

impl Store {
    pub fn add_goal(&self, details: &GoalDetails) -> Result<Goal> {
        let details = clean_goal(details)?;
        self.check_goal_links(&details)?;
        let id = rows::insert_goal(&self.conn, Id::new(), &details)?;
        Ok(Goal { id, details })
    }

    pub fn update_goal(&self, id: Id, details: &GoalDetails) -> Result<Goal> {
        let details = clean_goal(details)?;
        self.check_goal_links(&details)?;
        let changed = self.conn.execute(
            "UPDATE goal SET area = ?2, statement = ?3, measure = ?4, unit = ?5, aim = ?6, baseline = ?7,
                 target = ?8, steps = ?9, why = ?10, family_answer_id = ?11, starts_on = ?12,
                 due_on = ?13, status = ?14
             WHERE id = ?1 AND student_id = ?15",
            params![
                id,
                details.area,
                details.statement,
                details.measure,
                details.unit,
                details.aim,
                details.baseline,
                details.target,
                details.steps,
                details.why,
                details.family_answer_id,
                details.starts_on,
                details.due_on,
                details.status,
                details.student_id
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That goal"));
        }
        Ok(Goal { id, details })
    }

    pub fn goal(&self, id: Id) -> Result<Goal> {
        self.conn
            .query_row(
                &format!("SELECT {GOAL_COLUMNS} FROM goal g WHERE g.id = ?1"),
                [id],
                goal_from_row,
            )
            .or_not_found("That goal")
    }

    /// Deletes a goal with its check-ins and home activities (to the trash).
    pub fn delete_goal(&mut self, id: Id) -> Result<Id> {
        let goal = self.goal(id)?;
        let student_id = goal.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: goal “{}”",
            self.student(student_id)?.details.display_name(),
            goal.details.statement
        );
        let snapshot = self.goal_snapshot(goal)?;
        self.discard(label, Some(student_id), Deleted::Goal(snapshot), |tx| {
            tx.execute("DELETE FROM goal WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn add_check_in(&self, details: &CheckInDetails) -> Result<CheckIn> {
        let details = self.checked_check_in(details)?;
        let id = rows::insert_check_in(&self.conn, Id::new(), &details)?;
        Ok(CheckIn { id, details })
    }

    /// Corrects a check-in's date, value or note (it stays with its goal).
    pub fn update_check_in(&self, id: Id, details: &CheckInDetails) -> Result<CheckIn> {
        let current = self.check_in(id)?;
        let details = self.checked_check_in(&CheckInDetails {
            goal_id: current.details.goal_id,
            ..details.clone()
        })?;
        self.conn.execute(
            "UPDATE check_in SET on_date = ?2, value = ?3, note = ?4 WHERE id = ?1",
            params![id, details.on_date, details.value, details.note],
        )?;
        Ok(CheckIn { id, details })
    }

    pub fn check_in(&self, id: Id) -> Result<CheckIn> {
        self.conn
            .query_row(
                "SELECT id, goal_id, on_date, value, note FROM check_in WHERE id = ?1",
                [id],
                check_in_from_row,
            )
            .or_not_found("That check-in")
    }

    /// A check-in as it may be saved: its goal's child not archived, not before the goal starts,
    /// and its value within what the goal's measure takes.
    fn checked_check_in(&self, details: &CheckInDetails) -> Result<CheckInDetails> {
        let details = clean_check_in(details)?;
        let goal = self.goal(details.goal_id)?;
        self.refuse_archived_student(goal.details.student_id)?;
        if details.on_date < goal.details.starts_on {
            return Err(Error::invalid(
                "on_date",
                "A check-in cannot come before the goal starts.",
            ));
        }
        crate::validate::check_in_fits(details.value, &goal.details)?;
        Ok(details)
    }

    /// Deletes a check-in (to the trash).
    pub fn delete_check_in(&mut self, id: Id) -> Result<Id> {
        let check_in = self
            .conn
            .query_row(
                "SELECT id, goal_id, on_date, value, note FROM check_in WHERE id = ?1",
                [id],
                check_in_from_row,
            )
            .or_not_found("That check-in")?;
        let goal = self.goal(check_in.details.goal_id)?;
        let student_id = goal.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: check-in of {}",
            self.student(student_id)?.details.display_name(),
            check_in.details.on_date.format("%-d %B %Y")
        );
        self.discard(label, Some(student_id), Deleted::CheckIn(check_in), |tx| {
            tx.execute("DELETE FROM check_in WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    pub fn add_home_activity(&self, details: &HomeActivityDetails) -> Result<HomeActivity> {
        let details = clean_home_activity(details)?;
        self.refuse_archived_student(self.goal(details.goal_id)?.details.student_id)?;
        let id = rows::insert_home_activity(&self.conn, Id::new(), &details)?;
        Ok(HomeActivity { id, details })
    }

    /// Deletes a home activity (to the trash).
    pub fn delete_home_activity(&mut self, id: Id) -> Result<Id> {
        let activity = self
            .conn
            .query_row(
                "SELECT id, goal_id, title, details, how_often FROM home_activity WHERE id = ?1",
                [id],
                activity_from_row,
            )
            .or_not_found("That activity")?;
        let goal = self.goal(activity.details.goal_id)?;
        let student_id = goal.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: learning at home, “{}”",
            self.student(student_id)?.details.display_name(),
            activity.details.title
        );
        self.discard(
            label,
            Some(student_id),
            Deleted::HomeActivity(activity),
            |tx| {
                tx.execute("DELETE FROM home_activity WHERE id = ?1", [id])?;
                Ok(())
            },
        )
    }

    /// A student's goals with check-ins, activities, progress and SMART hints: active goals first,
    /// then by due date.
    pub fn goals_of(&self, student_id: Id, today: NaiveDate) -> Result<Vec<GoalRecord>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {GOAL_COLUMNS} FROM goal g WHERE g.student_id = ?1
             ORDER BY g.status <> 'active', g.due_on IS NULL, g.due_on, g.id"
        ))?;
        let goals = stmt
            .query_map([student_id], goal_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut check_ins: HashMap<Id, Vec<CheckIn>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.goal_id, c.on_date, c.value, c.note FROM check_in c
             JOIN goal g ON g.id = c.goal_id WHERE g.student_id = ?1 ORDER BY c.on_date, c.id",
        )?;
        for check_in in stmt.query_map([student_id], check_in_from_row)? {
            let check_in = check_in?;
            check_ins
                .entry(check_in.details.goal_id)
                .or_default()
                .push(check_in);
        }
        let mut activities: HashMap<Id, Vec<HomeActivity>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.id, h.goal_id, h.title, h.details, h.how_often FROM home_activity h
             JOIN goal g ON g.id = h.goal_id WHERE g.student_id = ?1 ORDER BY h.id",
        )?;
        for activity in stmt.query_map([student_id], activity_from_row)? {
            let activity = activity?;
            activities
                .entry(activity.details.goal_id)
                .or_default()
                .push(activity);
        }
        Ok(goals
            .into_iter()
            .map(|goal| {
                let check_ins = check_ins.remove(&goal.id).unwrap_or_default();
                let progress = match (goal.details.baseline, goal.details.target, check_ins.last())
                {
                    (Some(baseline), Some(target), Some(latest)) => {
                        smart::progress(baseline, target, latest.details.value)
                    }
                    _ => None,
                };
                GoalRecord {
                    hints: smart::check(&goal.details, today),
                    home_activities: activities.remove(&goal.id).unwrap_or_default(),
                    check_ins,
                    progress,
                    goal,
                }
            })
            .collect())
    }

    fn check_goal_links(&self, details: &GoalDetails) -> Result<()> {
        self.refuse_archived_student(details.student_id)?;
        if let Some(answer_id) = details.family_answer_id {
            let owner: Option<Id> = self
                .conn
                .query_row(
                    "SELECT student_id FROM answer WHERE id = ?1",
                    [answer_id],
                    |r| r.get(0),
                )
                .or_not_found("That answer")
                .ok();
            if owner != Some(details.student_id) {
                return Err(Error::invalid(
                    "family_answer_id",
                    "Link one of this student's family answers.",
                ));
            }
        }
        Ok(())
    }
}
