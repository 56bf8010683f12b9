//! Conference slots for a class: planned, booked by a family, and never double-booked.

use rusqlite::{params, Row};

use super::trash::Deleted;
use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{Conference, ConferenceDetails, Id, ScheduledConference};
use crate::validate::clean_conference;

pub(super) const CONFERENCE_COLUMNS: &str =
    "f.id, f.class_id, f.student_id, f.starts_at, f.minutes, \
    f.place, f.interpreter_language, f.attendees, f.notes, f.sensitive";

pub(super) fn conference_from_row(row: &Row) -> rusqlite::Result<Conference> {
    Ok(Conference {
        id: row.get(0)?,
        details: ConferenceDetails {
            class_id: row.get(1)?,
            student_id: row.get(2)?,
            starts_at: read_time(row, 3)?,
            minutes: row.get(4)?,
            place: row.get(5)?,
            interpreter_language: row.get(6)?,
            attendees: row.get(7)?,
            notes: row.get(8)?,
            sensitive: row.get(9)?,
        },
    })
}

/// How a slot's start is stored: local time to the minute.
const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

pub(super) fn stored_time(details: &ConferenceDetails) -> String {
    details.starts_at.format(TIME_FORMAT).to_string()
}

fn read_time(row: &Row, column: usize) -> rusqlite::Result<chrono::NaiveDateTime> {
    let text: String = row.get(column)?;
    chrono::NaiveDateTime::parse_from_str(&text, TIME_FORMAT).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e))
    })
}

pub(super) fn insert_conference(
    conn: &rusqlite::Connection,
    id: Id,
    d: &ConferenceDetails,
) -> Result<Id> {
    conn.execute(
        "INSERT INTO conference (id, class_id, student_id, starts_at, minutes, place, interpreter_language,
                                 attendees, notes, sensitive)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            d.class_id,
            d.student_id,
            stored_time(d),
            d.minutes,
            d.place,
            d.interpreter_language,
            d.attendees,
            d.notes,
            d.sensitive
        ],
    )?;
    Ok(id)
}

impl Store {
    pub fn add_conference(&self, details: &ConferenceDetails) -> Result<Conference> {
        let details = clean_conference(details)?;
        self.check_conference(&details, None)?;
        let id = insert_conference(&self.conn, Id::new(), &details)?;
        self.conference(id)
    }

    pub fn update_conference(&self, id: Id, details: &ConferenceDetails) -> Result<Conference> {
        let details = clean_conference(details)?;
        let current = self.conference(id)?;
        if current.details.class_id != details.class_id {
            return Err(Error::invalid(
                "class_id",
                "A conference stays in its class.",
            ));
        }
        self.check_conference(&details, Some(id))?;
        self.conn.execute(
            "UPDATE conference SET student_id = ?2, starts_at = ?3, minutes = ?4, place = ?5,
                 interpreter_language = ?6, attendees = ?7, notes = ?8, sensitive = ?9
             WHERE id = ?1",
            params![
                id,
                details.student_id,
                stored_time(&details),
                details.minutes,
                details.place,
                details.interpreter_language,
                details.attendees,
                details.notes,
                details.sensitive
            ],
        )?;
        self.conference(id)
    }

    pub fn conference(&self, id: Id) -> Result<Conference> {
        self.conn
            .query_row(
                &format!("SELECT {CONFERENCE_COLUMNS} FROM conference f WHERE f.id = ?1"),
                [id],
                conference_from_row,
            )
            .or_not_found("That conference")
    }

    /// Deletes a conference slot (to the trash).
    pub fn delete_conference(&mut self, id: Id) -> Result<Id> {
        let conference = self.conference(id)?;
        self.refuse_archived(&self.class(conference.details.class_id)?)?;
        let who = match conference.details.student_id {
            Some(student) => format!(
                " with the family of {}",
                self.student(student)?.details.display_name()
            ),
            None => String::new(),
        };
        let label = format!(
            "Conference on {}{who}",
            conference
                .details
                .starts_at
                .format("%-d %B %Y at %-I:%M %P")
        );
        let student_id = conference.details.student_id;
        self.discard(label, student_id, Deleted::Conference(conference), |tx| {
            tx.execute("DELETE FROM conference WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// A class's conference schedule, in time order, with each booked family's names.
    pub fn conferences(&self, class_id: Id) -> Result<Vec<ScheduledConference>> {
        self.class(class_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONFERENCE_COLUMNS} FROM conference f WHERE f.class_id = ?1 ORDER BY f.starts_at, f.id"
        ))?;
        let conferences = stmt
            .query_map([class_id], conference_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        conferences
            .into_iter()
            .map(|conference| {
                let (display_name, family) = match conference.details.student_id {
                    Some(student) => {
                        let record = self.student_record(student)?;
                        let family = record
                            .guardians
                            .iter()
                            .filter(|g| g.guardian.details.may_contact)
                            .map(|g| g.guardian.details.name.clone())
                            .collect();
                        (Some(record.display_name), family)
                    }
                    None => (None, Vec::new()),
                };
                Ok(ScheduledConference {
                    conference,
                    display_name,
                    family,
                })
            })
            .collect()
    }

    /// A child's conferences, in time order.
    pub fn conferences_of(&self, student_id: Id) -> Result<Vec<Conference>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONFERENCE_COLUMNS} FROM conference f WHERE f.student_id = ?1 ORDER BY f.starts_at, f.id"
        ))?;
        let conferences = stmt.query_map([student_id], conference_from_row)?;
        Ok(conferences.collect::<rusqlite::Result<_>>()?)
    }

    /// The class is open, the child is in it, and the slot overlaps no other slot of the class.
    pub(super) fn check_conference(
        &self,
        details: &ConferenceDetails,
        except: Option<Id>,
    ) -> Result<()> {
        let class = self.class(details.class_id)?;
        self.refuse_archived(&class)?;
        if let Some(student_id) = details.student_id {
            let student = self.student(student_id)?;
            if student.details.class_id != class.id {
                return Err(Error::invalid(
                    "student_id",
                    "Choose a child in this class.",
                ));
            }
        }
        let (starts, ends) = (details.starts_at, details.ends_at());
        for other in self.conferences(class.id)? {
            let o = &other.conference.details;
            if Some(other.conference.id) == except || o.ends_at() <= starts || ends <= o.starts_at {
                continue;
            }
            let with = other
                .display_name
                .map(|name| format!(" with the family of {name}"))
                .unwrap_or_default();
            return Err(Error::invalid(
                "starts_at",
                format!(
                    "This overlaps the {}–{} conference{with}.",
                    o.starts_at.format("%-I:%M"),
                    o.ends_at().format("%-I:%M %P")
                ),
            ));
        }
        Ok(())
    }
}
