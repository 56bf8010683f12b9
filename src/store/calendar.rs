//! What the calendar file holds, read from the record: the booked conferences and the open
//! follow-ups of every class not archived, each with its child. The file itself is written by
//! `crate::calendar`.

use std::path::{Path, PathBuf};

use rusqlite::params;

use super::conferences::{conference_from_row, CONFERENCE_COLUMNS};
use super::contacts::{contact_from_row, CONTACT_COLUMNS};
use super::Store;
use crate::calendar::CalendarItem;
use crate::error::Result;
use crate::model::CalendarNames;

const NAMES: &str = "calendar_names";
/// The folder this computer keeps a calendar file up to date in (not synced: a path of one
/// computer).
pub(crate) const FOLDER: &str = "calendar_folder";

impl Store {
    /// Every booked conference and open follow-up of the classes not archived, in time order.
    pub fn calendar_items(&self) -> Result<Vec<CalendarItem>> {
        let mut items = Vec::new();
        let conferences = self
            .conn
            .prepare(&format!(
                "SELECT {CONFERENCE_COLUMNS} FROM conference f JOIN class cl ON cl.id = f.class_id
                 WHERE cl.archived = 0 AND f.student_id IS NOT NULL ORDER BY f.starts_at, f.id"
            ))?
            .query_map([], conference_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for conference in conferences {
            if let Some(student) = conference.details.student_id {
                items.push(CalendarItem::Conference(conference, self.student(student)?));
            }
        }
        let follow_ups = self
            .conn
            .prepare(&format!(
                "SELECT {CONTACT_COLUMNS} FROM contact c JOIN student s ON s.id = c.student_id
                 JOIN class cl ON cl.id = s.class_id
                 WHERE cl.archived = 0 AND c.follow_up_on IS NOT NULL AND c.follow_up_done = 0
                 ORDER BY c.follow_up_on, c.id"
            ))?
            .query_map([], contact_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for contact in follow_ups {
            if let Some(due) = contact.details.follow_up_on {
                let student = self.student(contact.details.student_id)?;
                items.push(CalendarItem::FollowUp(contact, student, due));
            }
        }
        Ok(items)
    }

    /// How children are named in the calendar file.
    pub fn calendar_names(&self) -> Result<CalendarNames> {
        Ok(self
            .setting(NAMES)?
            .and_then(|word| CalendarNames::parse(&word))
            .unwrap_or_default())
    }

    /// The folder this computer keeps the calendar file up to date in, if any.
    pub fn calendar_folder(&self) -> Result<Option<PathBuf>> {
        Ok(self.setting(FOLDER)?.map(PathBuf::from))
    }

    /// Keeps the calendar file up to date in `folder` from now on, or (`None`) no longer.
    pub fn set_calendar_folder(&self, folder: Option<&Path>) -> Result<()> {
        match folder {
            Some(folder) => self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![FOLDER, folder.to_string_lossy()],
            )?,
            None => self
                .conn
                .execute("DELETE FROM setting WHERE key = ?1", [FOLDER])?,
        };
        Ok(())
    }

    pub fn set_calendar_names(&self, names: CalendarNames) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![NAMES, names.as_str()],
        )?;
        Ok(())
    }
}
