//! The teacher's settings, kept as key/value rows so later versions can add keys without a migration.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;
use crate::model::{Id, Settings};
use crate::validate::clean_settings;

const TEACHER_NAME: &str = "teacher_name";
const SCHOOL_NAME: &str = "school_name";
const CURRENT_CLASS: &str = "current_class_id";
const QUIET_DAYS: &str = "quiet_days";
const PAPER: &str = "paper";

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        let current_class_id = self
            .setting(CURRENT_CLASS)?
            .and_then(|v| v.parse::<Id>().ok());
        // A current class that was deleted is no class at all.
        let current_class_id = match current_class_id {
            Some(id) if self.class(id).is_ok() => Some(id),
            _ => self.classes()?.first().map(|c| c.id),
        };
        Ok(Settings {
            teacher_name: self.setting(TEACHER_NAME)?.unwrap_or_default(),
            school_name: self.setting(SCHOOL_NAME)?.unwrap_or_default(),
            current_class_id,
            quiet_days: self
                .setting(QUIET_DAYS)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(Settings::DEFAULT_QUIET_DAYS),
            paper: self
                .setting(PAPER)?
                .and_then(|v| crate::model::Paper::parse(&v))
                .unwrap_or_default(),
        })
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let settings = clean_settings(settings)?;
        if let Some(id) = settings.current_class_id {
            self.class(id)?;
        }
        let tx = self.conn.savepoint()?;
        for (key, value) in [
            (TEACHER_NAME, Some(settings.teacher_name.clone())),
            (SCHOOL_NAME, Some(settings.school_name.clone())),
            (
                CURRENT_CLASS,
                settings.current_class_id.map(|id| id.to_string()),
            ),
            (QUIET_DAYS, Some(settings.quiet_days.to_string())),
            (PAPER, Some(settings.paper.as_str().to_string())),
        ] {
            match value {
                Some(value) => tx.execute(
                    "INSERT INTO setting (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )?,
                None => tx.execute("DELETE FROM setting WHERE key = ?1", [key])?,
            };
        }
        tx.commit()?;
        self.settings()
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }
}
