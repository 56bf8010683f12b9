//! The one INSERT for each row of the partnership record. The `add_*` methods check a row and then
//! write it here; restoring from the trash writes here directly, since a restored row was checked
//! when it was first written (a guardian who has since become do-not-contact must not make an old
//! contact impossible to restore).

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::model::*;

pub(super) fn insert_student(conn: &Connection, id: Id, d: &StudentDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO student (id, class_id, given_name, family_name, preferred_name, name_order,
                              pronouns, grade, school_student_id, notes, latin_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id,
            d.class_id,
            d.given_name,
            d.family_name,
            d.preferred_name,
            d.name_order.as_str(),
            d.pronouns,
            d.grade,
            d.school_student_id,
            d.notes,
            d.latin_name
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_guardian(conn: &Connection, id: Id, d: &GuardianDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO guardian (id, name, relationship, phone, email, preferred_method,
                               preferred_language, best_time, may_contact, no_contact_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            d.name,
            d.relationship,
            d.phone,
            d.email,
            d.preferred_method,
            d.preferred_language,
            d.best_time,
            d.may_contact,
            d.no_contact_reason
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_answer(conn: &Connection, id: Id, d: &AnswerDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO answer (id, student_id, guardian_id, question_id, answer, answered_on, sensitive)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            d.student_id,
            d.guardian_id,
            d.question_id,
            d.answer,
            d.answered_on,
            d.sensitive
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_goal(conn: &Connection, id: Id, d: &GoalDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO goal (id, student_id, area, statement, measure, unit, aim, baseline, target, steps,
                           why, family_answer_id, starts_on, due_on, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            id,
            d.student_id,
            d.area,
            d.statement,
            d.measure,
            d.unit,
            d.aim,
            d.baseline,
            d.target,
            d.steps,
            d.why,
            d.family_answer_id,
            d.starts_on,
            d.due_on,
            d.status
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_check_in(conn: &Connection, id: Id, d: &CheckInDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO check_in (id, goal_id, on_date, value, note) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, d.goal_id, d.on_date, d.value, d.note],
    )?;
    Ok(id)
}

pub(super) fn insert_home_activity(
    conn: &Connection,
    id: Id,
    d: &HomeActivityDetails,
) -> Result<Id> {
    conn.execute(
        "INSERT INTO home_activity (id, goal_id, title, details, how_often) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            id,d.goal_id, d.title, d.details, d.how_often],
    )?;
    Ok(id)
}

pub(super) fn insert_contact(conn: &Connection, id: Id, d: &ContactDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO contact (id, student_id, guardian_id, happened_on, method, initiated_by, kind,
                              summary, outcome, reached, follow_up_on, follow_up_done, sensitive)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            d.student_id,
            d.guardian_id,
            d.happened_on,
            d.method,
            d.initiated_by,
            d.kind,
            d.summary,
            d.outcome,
            d.reached,
            d.follow_up_on,
            d.follow_up_done,
            d.sensitive
        ],
    )?;
    Ok(id)
}

pub(super) fn insert_praise(
    conn: &Connection,
    id: Id,
    d: &PraiseDetails,
    contact_id: Option<Id>,
) -> Result<Id> {
    conn.execute(
        "INSERT INTO praise (id, student_id, noticed_on, category, note, call_queued, contact_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            d.student_id,
            d.noticed_on,
            d.category,
            d.note,
            d.call_queued,
            contact_id
        ],
    )?;
    Ok(id)
}

/// A concern and its causes.
pub(super) fn insert_concern(conn: &Connection, id: Id, d: &ConcernDetails) -> Result<Id> {
    insert_concern_row(conn, id, d)?;
    write_causes(conn, id, &d.causes)?;
    Ok(id)
}

/// A concern without its causes (restoring writes those once the row has its final id).
pub(super) fn insert_concern_row(conn: &Connection, id: Id, d: &ConcernDetails) -> Result<Id> {
    conn.execute(
        "INSERT INTO concern (id, student_id, noticed_on, observed, setting, strategies, contact_id,
                              plan, notes, sensitive, resolved_on, share_at_conference)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            d.student_id,
            d.noticed_on,
            d.observed,
            d.setting,
            d.strategies,
            d.contact_id,
            d.plan,
            d.notes,
            d.sensitive,
            d.resolved_on,
            d.share_at_conference
        ],
    )?;
    Ok(id)
}

/// Adds the cause rows of a concern.
pub(super) fn write_causes(conn: &Connection, concern_id: Id, causes: &[String]) -> Result<()> {
    let mut insert =
        conn.prepare_cached("INSERT INTO concern_cause (concern_id, cause) VALUES (?1, ?2)")?;
    for cause in causes {
        insert.execute(params![concern_id, cause])?;
    }
    Ok(())
}

pub(super) fn insert_link(
    conn: &Connection,
    student_id: Id,
    guardian_id: Id,
    link: GuardianLink,
) -> Result<()> {
    conn.execute(
        "INSERT INTO student_guardian (student_id, guardian_id, is_primary, lives_with)
         VALUES (?1, ?2, ?3, ?4)",
        params![student_id, guardian_id, link.is_primary, link.lives_with],
    )?;
    Ok(())
}
