//! School years and the classes in them.

use chrono::NaiveDate;
use rusqlite::{params, Row};

use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{Class, ClassDetails, Id, SchoolYear, SchoolYearDetails, Settings};
use crate::validate::{clean_class, clean_school_year};

const CLASS_COLUMNS: &str = "id, school_year_id, name, grade, room, archived";

fn class_from_row(row: &Row) -> rusqlite::Result<Class> {
    Ok(Class {
        id: row.get(0)?,
        school_year_id: row.get(1)?,
        details: ClassDetails {
            name: row.get(2)?,
            grade: row.get(3)?,
            room: row.get(4)?,
        },
        archived: row.get(5)?,
    })
}

fn year_from_row(row: &Row) -> rusqlite::Result<SchoolYear> {
    Ok(SchoolYear {
        id: row.get(0)?,
        details: SchoolYearDetails {
            name: row.get(1)?,
            starts_on: row.get(2)?,
            ends_on: row.get(3)?,
        },
    })
}

impl Store {
    pub fn add_school_year(&self, details: &SchoolYearDetails) -> Result<SchoolYear> {
        let details = clean_school_year(details)?;
        let id = Id::new();
        self.conn.execute(
            "INSERT INTO school_year (id, name, starts_on, ends_on) VALUES (?1, ?2, ?3, ?4)",
            params![id, details.name, details.starts_on, details.ends_on],
        )?;
        Ok(SchoolYear { id, details })
    }

    pub fn school_year(&self, id: Id) -> Result<SchoolYear> {
        self.conn
            .query_row(
                "SELECT id, name, starts_on, ends_on FROM school_year WHERE id = ?1",
                [id],
                year_from_row,
            )
            .or_not_found("That school year")
    }

    /// The school years, newest first.
    pub fn school_years(&self) -> Result<Vec<SchoolYear>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, starts_on, ends_on FROM school_year ORDER BY starts_on DESC",
        )?;
        let years = stmt.query_map([], year_from_row)?;
        Ok(years.collect::<rusqlite::Result<_>>()?)
    }

    /// The school year with exactly these details, added if there is none yet.
    pub fn find_or_add_school_year(&self, details: &SchoolYearDetails) -> Result<SchoolYear> {
        let details = clean_school_year(details)?;
        let existing = self
            .school_years()?
            .into_iter()
            .find(|y| y.details.name == details.name);
        match existing {
            Some(year) => Ok(year),
            None => self.add_school_year(&details),
        }
    }

    pub fn add_class(&self, school_year_id: Id, details: &ClassDetails) -> Result<Class> {
        let details = clean_class(details)?;
        self.school_year(school_year_id)?;
        let id = Id::new();
        self.conn.execute(
            "INSERT INTO class (id, school_year_id, name, grade, room) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                school_year_id,
                details.name,
                details.grade,
                details.room
            ],
        )?;
        Ok(Class {
            id,
            school_year_id,
            details,
            archived: false,
        })
    }

    /// Starts a class in the school year that contains `today` (adding the year if needed) and
    /// makes it the class the window opens on.
    pub fn start_class(&mut self, details: &ClassDetails, today: NaiveDate) -> Result<Class> {
        self.atomically(|store| {
            let year = store.find_or_add_school_year(&SchoolYearDetails::containing(today))?;
            let class = store.add_class(year.id, details)?;
            let settings = store.settings()?;
            store.save_settings(&Settings {
                current_class_id: Some(class.id),
                ..settings
            })?;
            Ok(class)
        })
    }

    pub fn update_class(&self, id: Id, details: &ClassDetails) -> Result<Class> {
        let details = clean_class(details)?;
        let class = self.class(id)?;
        self.refuse_archived(&class)?;
        self.conn.execute(
            "UPDATE class SET name = ?2, grade = ?3, room = ?4 WHERE id = ?1",
            params![id, details.name, details.grade, details.room],
        )?;
        self.class(id)
    }

    pub fn class(&self, id: Id) -> Result<Class> {
        self.conn
            .query_row(
                &format!("SELECT {CLASS_COLUMNS} FROM class WHERE id = ?1"),
                [id],
                class_from_row,
            )
            .or_not_found("That class")
    }

    /// Every class, the current school year's first, then by name.
    pub fn classes(&self) -> Result<Vec<Class>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT c.{} FROM class c JOIN school_year y ON y.id = c.school_year_id
             ORDER BY c.archived, y.starts_on DESC, c.name COLLATE NOCASE",
            CLASS_COLUMNS.replace(", ", ", c.")
        ))?;
        let classes = stmt.query_map([], class_from_row)?;
        Ok(classes.collect::<rusqlite::Result<_>>()?)
    }

    /// Archives a class at the end of its year (read-only from then on), or reopens it.
    pub fn set_class_archived(&self, id: Id, archived: bool) -> Result<Class> {
        let changed = self.conn.execute(
            "UPDATE class SET archived = ?2 WHERE id = ?1",
            params![id, archived],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That class"));
        }
        self.class(id)
    }

    pub(crate) fn refuse_archived(&self, class: &Class) -> Result<()> {
        if class.archived {
            return Err(Error::Conflict(format!(
                "The class “{}” is archived and can no longer be changed.",
                class.details.name
            )));
        }
        Ok(())
    }
}
