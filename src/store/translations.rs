//! The teacher's corrections to Rapport's translations, kept in the record as settings
//! (`translation.<language>.<section.key>`): they go into backups and to the teacher's other
//! computer with everything else, and every document prints them ([`Store::texts`]). Language packs
//! carry a whole language in and out.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::i18n::corrections::{self, check, kind_of, max_chars, Kind, Pack, SECTIONS};
use crate::i18n::{handout, handout_languages, Correction, Handout, Texts};

/// Followed by the language code, a dot and the string's key: `translation.es.letter.title`.
const TRANSLATION: &str = "translation.";

/// A language Rapport prints in, as Settings lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FamilyLanguage {
    pub code: String,
    pub name: String,
    pub english_name: String,
    pub rtl: bool,
    /// How Rapport's translation was made.
    pub made: String,
    /// How many strings this record corrects.
    pub corrected: usize,
}

/// One string of a language beside English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslatedString {
    /// `section.key`.
    pub key: String,
    /// "line", "paragraphs" (one per line) or "list" (`items` of them, one per line).
    pub kind: &'static str,
    pub items: Option<usize>,
    /// Rapport's English.
    pub english: String,
    /// Rapport's own wording in this language.
    pub rapport: String,
    /// What is printed: the correction, or Rapport's wording.
    pub text: String,
    pub corrected: bool,
    pub max_chars: usize,
}

/// A group of strings: where they are printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslatedSection {
    pub section: &'static str,
    pub title: &'static str,
    pub about: &'static str,
    pub strings: Vec<TranslatedString>,
}

/// Every string of a language beside English, for Settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageStrings {
    #[serde(flatten)]
    pub language: FamilyLanguage,
    pub sections: Vec<TranslatedSection>,
}

/// A language pack to save: its file name and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguagePackFile {
    pub file_name: String,
    pub text: String,
    pub corrected: usize,
}

/// What reading a language pack does (or did): strings that become corrections, strings that go
/// back to Rapport's wording, strings already as the pack has them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackRead {
    pub code: String,
    pub name: String,
    pub english_name: String,
    /// The pack's first line: how it was made.
    pub made: String,
    pub changed: usize,
    pub restored: usize,
    pub unchanged: usize,
}

impl Store {
    /// Every correction in the record, by language and key.
    pub fn corrections(&self) -> Result<Vec<Correction>> {
        let mut stmt = self.conn.prepare(
            "SELECT key, value FROM setting WHERE key LIKE 'translation.%' ORDER BY key",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        let mut corrections = Vec::new();
        for row in rows {
            let (key, text) = row?;
            let Some((language, key)) = key
                .strip_prefix(TRANSLATION)
                .and_then(|rest| rest.split_once('.'))
            else {
                continue;
            };
            corrections.push(Correction {
                language: language.to_string(),
                key: key.to_string(),
                text,
            });
        }
        Ok(corrections)
    }

    /// Rapport's translations with this record's corrections: what every document prints.
    pub fn texts(&self) -> Result<Texts> {
        Ok(Texts::new(&self.corrections()?))
    }

    /// The languages Rapport prints in, English first, with how many strings each corrects.
    pub fn family_languages(&self) -> Result<Vec<FamilyLanguage>> {
        let corrections = self.corrections()?;
        Ok(handout_languages()
            .map(|code| summary(handout(code), &corrections))
            .collect())
    }

    /// Every string of `language` beside English, corrected or not.
    pub fn family_language(&self, language: &str) -> Result<LanguageStrings> {
        let rapport = known_language(language)?;
        let corrections = self.corrections()?;
        let texts = Texts::new(&corrections);
        let shown = texts.handout(&rapport.code);
        let sections = SECTIONS
            .iter()
            .map(|section| {
                let prefix = format!("{}.", section.key);
                let mut keys: Vec<&str> = crate::i18n::english()
                    .strings()
                    .map(|(k, _)| k)
                    .filter(|k| {
                        // The clock is a setting of the language, not a string to read.
                        k.starts_with(&prefix) && kind_of(k).is_some_and(|kind| kind != Kind::Flag)
                    })
                    .collect();
                // In the English file's order, each key looked up once.
                keys.sort_by_cached_key(|k| corrections::position_in_english(k));
                TranslatedSection {
                    section: section.key,
                    title: section.title,
                    about: section.about,
                    strings: keys
                        .into_iter()
                        .map(|key| translated(rapport, shown, key))
                        .collect(),
                }
            })
            .collect();
        Ok(LanguageStrings {
            language: summary(rapport, &corrections),
            sections,
        })
    }

    /// Corrects one string of `language`, or with `None` goes back to Rapport's wording. A
    /// correction the same as Rapport's wording is no correction.
    pub fn save_translation(
        &mut self,
        language: &str,
        key: &str,
        text: Option<&str>,
    ) -> Result<TranslatedString> {
        let rapport = known_language(language)?;
        if kind_of(key).is_none() {
            return Err(Error::NotFound("That string"));
        }
        let text = match text {
            Some(text) => Some(check(key, text).map_err(|m| Error::invalid("text", m))?),
            None => None,
        };
        self.write_translation(rapport, key, text.as_deref())?;
        let texts = self.texts()?;
        Ok(translated(rapport, texts.handout(&rapport.code), key))
    }

    fn write_translation(
        &mut self,
        rapport: &Handout,
        key: &str,
        text: Option<&str>,
    ) -> Result<()> {
        let setting = format!("{TRANSLATION}{}.{key}", rapport.code);
        match text.filter(|t| *t != rapport.text(key)) {
            Some(text) => self.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![setting, text],
            )?,
            None => self
                .conn
                .execute("DELETE FROM setting WHERE key = ?1", [setting])?,
        };
        Ok(())
    }

    /// `language` as a language pack file, corrections included, to share with colleagues.
    pub fn language_pack(&self, language: &str, today: NaiveDate) -> Result<LanguagePackFile> {
        let rapport = known_language(language)?;
        let corrections = self.corrections()?;
        let texts = Texts::new(&corrections);
        let corrected = summary(rapport, &corrections).corrected;
        let made = format!(
            "{} ({}): a Rapport language pack written on {today}, with {corrected} {} made in \
             Rapport. Rapport's translation: {}",
            rapport.english_name,
            rapport.name,
            if corrected == 1 {
                "correction"
            } else {
                "corrections"
            },
            rapport.made
        );
        Ok(LanguagePackFile {
            file_name: crate::uses::safe_file_name(&format!(
                "{} language pack — Rapport.toml",
                rapport.english_name
            )),
            text: corrections::write_pack(texts.handout(&rapport.code), &made),
            corrected,
        })
    }

    /// Reads a checked language pack into the record: each of its strings becomes a correction,
    /// or goes back to Rapport's wording where the pack has Rapport's wording. Strings the pack
    /// does not hold stay as they are.
    pub fn read_language_pack(&mut self, pack: &Pack) -> Result<PackRead> {
        let rapport = known_language(&pack.language)?;
        let corrections = self.corrections()?;
        let before = Texts::new(&corrections);
        let before = before.handout(&rapport.code);
        let mut read = PackRead {
            code: rapport.code.clone(),
            name: rapport.name.clone(),
            english_name: rapport.english_name.clone(),
            made: pack.made.clone(),
            changed: 0,
            restored: 0,
            unchanged: 0,
        };
        let mut writes = Vec::new();
        for (key, text) in &pack.strings {
            let was_corrected = corrections
                .iter()
                .any(|c| c.language == rapport.code && &c.key == key);
            if before.text(key) == text {
                read.unchanged += 1;
            } else if rapport.text(key) == text {
                read.restored += usize::from(was_corrected);
                writes.push((key.as_str(), None));
            } else {
                read.changed += 1;
                writes.push((key.as_str(), Some(text.as_str())));
            }
        }
        self.atomically(|store| {
            for (key, text) in writes {
                store.write_translation(rapport, key, text)?;
            }
            Ok(())
        })?;
        Ok(read)
    }
}

/// A language Rapport prints in, by its exact code.
fn known_language(language: &str) -> Result<&'static Handout> {
    let rapport = handout(language);
    if rapport.code != language {
        return Err(Error::NotFound("Handouts in that language"));
    }
    Ok(rapport)
}

fn summary(rapport: &Handout, corrections: &[Correction]) -> FamilyLanguage {
    FamilyLanguage {
        code: rapport.code.clone(),
        name: rapport.name.clone(),
        english_name: rapport.english_name.clone(),
        rtl: rapport.rtl,
        made: rapport.made.clone(),
        corrected: corrections
            .iter()
            .filter(|c| c.language == rapport.code && kind_of(&c.key).is_some())
            .count(),
    }
}

fn translated(rapport: &Handout, shown: &Handout, key: &str) -> TranslatedString {
    // Only keys with a kind reach here.
    let kind = kind_of(key).unwrap_or(Kind::Line);
    let text = shown.text(key).to_string();
    TranslatedString {
        key: key.to_string(),
        kind: kind.word(),
        items: kind.items(),
        english: crate::i18n::english().text(key).to_string(),
        rapport: rapport.text(key).to_string(),
        corrected: text != rapport.text(key),
        text,
        max_chars: max_chars(key),
    }
}
