//! The teacher's settings, kept as key/value rows so later versions can add keys without a migration.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Error;
use crate::error::Result;
use crate::i18n::Handout;
use crate::model::{Id, LetterTemplate, Settings};
use crate::validate::{clean_letter_body, clean_settings};

const TEACHER_NAME: &str = "teacher_name";
const SCHOOL_NAME: &str = "school_name";
const CURRENT_CLASS: &str = "current_class_id";
const QUIET_DAYS: &str = "quiet_days";
const PAPER: &str = "paper";
const CONTACT_HOURS: &str = "contact_hours";
const LOCK_MINUTES: &str = "lock_minutes";
/// Followed by the language code: `letter_template.es`.
const LETTER_TEMPLATE: &str = "letter_template.";

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
            contact_hours: self.setting(CONTACT_HOURS)?.unwrap_or_default(),
            lock_minutes: self
                .setting(LOCK_MINUTES)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(Settings::DEFAULT_LOCK_MINUTES),
        })
    }

    /// The introduction letter's body in `language` (one Rapport has handouts in).
    pub fn letter_template(&self, language: &str) -> Result<LetterTemplate> {
        let handout = letter_language(language)?;
        let saved = self.setting(&format!("{LETTER_TEMPLATE}{}", handout.code))?;
        let body = match saved.as_ref() {
            Some(saved) => saved.clone(),
            // Rapport's wording, with the record's corrections to it.
            None => self.texts()?.handout(&handout.code).suggested_letter_body(),
        };
        Ok(LetterTemplate {
            language: handout.code.to_string(),
            edited: saved.is_some(),
            body,
        })
    }

    /// Saves the teacher's wording of the letter in `language`, or with `None` goes back to
    /// Rapport's suggestion.
    pub fn save_letter_template(
        &mut self,
        language: &str,
        body: Option<&str>,
    ) -> Result<LetterTemplate> {
        let handout = letter_language(language)?;
        let key = format!("{LETTER_TEMPLATE}{}", handout.code);
        match body {
            Some(body) => {
                let body = clean_letter_body(body)?;
                self.conn.execute(
                    "INSERT INTO setting (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, body],
                )?;
            }
            None => {
                self.conn
                    .execute("DELETE FROM setting WHERE key = ?1", [key])?;
            }
        }
        self.letter_template(&handout.code)
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<Settings> {
        let settings = clean_settings(settings)?;
        if let Some(id) = settings.current_class_id {
            self.class(id)?;
        }
        self.atomically(|store| {
            let conn = &store.conn;
            for (key, value) in [
                (TEACHER_NAME, Some(settings.teacher_name.clone())),
                (SCHOOL_NAME, Some(settings.school_name.clone())),
                (
                    CURRENT_CLASS,
                    settings.current_class_id.map(|id| id.to_string()),
                ),
                (QUIET_DAYS, Some(settings.quiet_days.to_string())),
                (PAPER, Some(settings.paper.as_str().to_string())),
                (CONTACT_HOURS, Some(settings.contact_hours.clone())),
                (LOCK_MINUTES, Some(settings.lock_minutes.to_string())),
            ] {
                match value {
                    Some(value) => conn.execute(
                        "INSERT INTO setting (key, value) VALUES (?1, ?2)
                         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        params![key, value],
                    )?,
                    None => conn.execute("DELETE FROM setting WHERE key = ?1", [key])?,
                };
            }
            Ok(())
        })?;
        self.settings()
    }

    pub(super) fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

/// The handout language for a letter template; only languages Rapport has handouts in.
fn letter_language(language: &str) -> Result<&'static Handout> {
    let handout = crate::i18n::handout(language);
    if handout.code != language {
        return Err(Error::NotFound("A letter in that language"));
    }
    Ok(handout)
}
