//! A row's lasting identity. Every row of the record is named by a UUID (version 7: time-ordered,
//! random in its low bits) that is never handed out again: not after a delete, a restore, a purge, a
//! new school year, nor on another computer. Trash snapshots, links, roster keys and the ledger of
//! removals name rows by it, so an undo can never put one child's notes on another child.
//!
//! Stored as text (`0193b7c2-…`), sent to the window as a string (a page's numbers cannot hold
//! 128 bits), ordered by creation within a process.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Uuid);

impl Id {
    /// A new id, never handed out before.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Id {
        Id(Uuid::now_v7())
    }

    /// The stand-in for a row id written by Rapport before ids were lasting (a number, in an
    /// export or a trash snapshot of schema 5 and earlier). It is never a real row's id: readers of
    /// old files turn it into a lasting one ([`crate::store`]'s legacy mapping).
    pub fn legacy(number: i64) -> Id {
        Id(Uuid::from_u64_pair(0, number as u64))
    }

    /// The old number, when this is a [`Id::legacy`] stand-in.
    pub fn legacy_number(self) -> Option<i64> {
        let (high, low) = self.0.as_u64_pair();
        (high == 0).then_some(low as i64)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.hyphenated(), f)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.legacy_number() {
            Some(n) => write!(f, "Id(legacy {n})"),
            None => write!(f, "Id({})", self.0.hyphenated()),
        }
    }
}

/// The nil id, which no row has: what a form's details hold before the window fills them in.
impl Default for Id {
    fn default() -> Id {
        Id(Uuid::nil())
    }
}

/// Why a text is not an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a Rapport id (ids look like 0193b7c2-5e7a-7c3d-9f1e-2a4b6c8d0e1f)")]
pub struct NotAnId(pub String);

impl FromStr for Id {
    type Err = NotAnId;

    fn from_str(text: &str) -> Result<Id, NotAnId> {
        Uuid::try_parse(text.trim())
            .map(Id)
            .map_err(|_| NotAnId(text.to_string()))
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.hyphenated())
    }
}

/// Reads an id as text, or, from a file written before ids were lasting, as a number (which
/// becomes an [`Id::legacy`] stand-in for the reader to map).
impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a row id")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id, E> {
                text.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Id, E> {
                Ok(Id::legacy(n))
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Id, E> {
                i64::try_from(n)
                    .map(Id::legacy)
                    .map_err(|_| E::custom("a row number too large"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl rusqlite::types::ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
        let text = self.0.hyphenated().encode_lower(&mut text);
        Ok(rusqlite::types::ToSqlOutput::from(text.to_string()))
    }
}

impl rusqlite::types::FromSql for Id {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        // Parsed from the bytes: an id is ASCII, and a page lists thousands of them.
        let bytes = value.as_bytes()?;
        Uuid::try_parse_ascii(bytes)
            .map(Id)
            .map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_unique_and_ordered_by_creation() {
        let ids: Vec<Id> = (0..1000).map(|_| Id::new()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert!(ids.iter().all(|id| id.legacy_number().is_none()));
    }

    #[test]
    fn an_id_reads_back_from_text_and_json() {
        let id = Id::new();
        assert_eq!(id.to_string().parse::<Id>().unwrap(), id);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
    }

    #[test]
    fn an_old_numbered_id_reads_as_a_legacy_stand_in() {
        let id: Id = serde_json::from_str("42").unwrap();
        assert_eq!(id.legacy_number(), Some(42));
        assert!("42".parse::<Id>().is_err());
    }
}
