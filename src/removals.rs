//! The ledger of children removed for good. A family's request to be forgotten must outlast the
//! record it was made in: restoring a backup taken before the removal, or importing an export,
//! would otherwise bring the child back without a word. So each removal is written to a small file
//! beside the record's backups (`backups/removed-for-good.json`), outside the record, naming the
//! rows by their lasting ids and the time, never by a name. Whatever record is put in place is
//! cleared again of every row the ledger names, and the ledger's times tell which backups still
//! hold a removed child.
//!
//! Ids alone are not enough: the same child may have been entered again since a backup was made
//! (a roster imported after a restore), under another id. So each removal also keeps a sign of
//! each record of the child: salted hashes of the name and of the school's id, and the ids of the
//! guardians. A record sharing two of the three with a sign is the same child, by the rule a
//! purge itself follows (`Store::purge_student`).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::model::Id;

/// The ledger's file name, in the backups folder.
pub const LEDGER_FILE: &str = "removed-for-good.json";
const FORMAT: &str = "rapport-removals";

/// One removal for good: the child's records (every year's copy) and the guardians who went
/// with them, by id only, and a sign of each record to know the child by under another id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub at: DateTime<Utc>,
    pub students: Vec<Id>,
    #[serde(default)]
    pub guardians: Vec<Id>,
    #[serde(default)]
    pub signs: Vec<ChildSign>,
}

/// A child known without their name: salted hashes of the name and the school's id, and the
/// guardians' ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildSign {
    pub name: String,
    #[serde(default)]
    pub school_id: Option<String>,
    #[serde(default)]
    pub guardians: Vec<Id>,
}

impl ChildSign {
    /// Two of the three (name, school id, a guardian) in common: the same child.
    pub fn same_child(&self, other: &ChildSign) -> bool {
        let name = self.name == other.name;
        let school_id = self.school_id.is_some() && self.school_id == other.school_id;
        let guardian = self.guardians.iter().any(|g| other.guardians.contains(g));
        u8::from(name) + u8::from(school_id) + u8::from(guardian) >= 2
    }
}

/// The removals of one record, with the salt of its signs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    format: String,
    /// Random, per ledger: the same name hashes differently in another teacher's ledger.
    salt: String,
    removals: Vec<Removal>,
}

impl Ledger {
    fn new() -> Ledger {
        Ledger {
            format: FORMAT.into(),
            salt: Id::new().to_string(),
            removals: Vec::new(),
        }
    }

    /// Every removal for good, oldest first.
    pub fn removals(&self) -> &[Removal] {
        &self.removals
    }

    /// When a child was last removed for good, if ever.
    pub fn last(&self) -> Option<DateTime<Utc>> {
        self.removals.iter().map(|r| r.at).max()
    }

    /// The sign of a child's record.
    pub fn sign(
        &self,
        given_name: &str,
        family_name: &str,
        school_id: Option<&str>,
        guardians: Vec<Id>,
    ) -> ChildSign {
        ChildSign {
            name: self.hash(&format!("name\u{1f}{given_name}\u{1f}{family_name}")),
            school_id: school_id.map(|id| self.hash(&format!("school id\u{1f}{id}"))),
            guardians,
        }
    }

    fn hash(&self, text: &str) -> String {
        let digest = Sha256::new()
            .chain_update(self.salt.as_bytes())
            .chain_update([0u8])
            .chain_update(text.as_bytes())
            .finalize();
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Which removal, if any, a record with this id and sign falls under (by id or by sign).
    pub fn removal_of(&self, id: Id, sign: &ChildSign) -> Option<usize> {
        self.removals.iter().position(|r| {
            r.students.contains(&id) || r.signs.iter().any(|known| known.same_child(sign))
        })
    }
}

/// Where the ledger of the record at `db_path` is kept.
pub fn ledger_path(db_path: &Path) -> PathBuf {
    crate::paths::backups_dir(db_path).join(LEDGER_FILE)
}

/// The ledger of the record at `db_path` (an empty one when there is none yet).
pub fn read(db_path: &Path) -> Result<Ledger> {
    let path = ledger_path(db_path);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ledger::new()),
        Err(e) => {
            return Err(Error::io(
                "Could not read the list of children removed for good",
                e,
            ))
        }
    };
    let ledger: Ledger = serde_json::from_str(&text)
        .ok()
        .filter(|l: &Ledger| l.format == FORMAT)
        .ok_or_else(|| {
            Error::BadFile(format!(
                "The list of children removed for good ({}) is damaged, so Rapport cannot make \
                 sure they stay removed. Restore that file from a copy, or ask for help. Nothing \
                 was changed.",
                path.display()
            ))
        })?;
    Ok(ledger)
}

impl Ledger {
    /// Adds a removal and writes the ledger beside the backups of the record at `db_path`
    /// (whole, to a temporary file, then renamed into place).
    pub fn record(mut self, db_path: &Path, removal: Removal) -> Result<()> {
        self.removals.push(removal);
        self.write(db_path)
    }

    fn write(mut self, db_path: &Path) -> Result<()> {
        self.removals.sort_by_key(|r| r.at);
        let dir = crate::paths::backups_dir(db_path);
        crate::files::create_private_dir(&dir)?;
        let json = serde_json::to_string_pretty(&self).map_err(|e| {
            Error::Internal(format!("the list of removals could not be written ({e})"))
        })?;
        crate::files::write_atomically(&ledger_path(db_path), json.as_bytes())
    }
}

/// Adds the removals for good made on another computer of a synced record (by ids: that
/// computer's signs are salted with its own ledger's salt) that this ledger does not hold yet.
pub fn merge_ids(db_path: &Path, removals: &[crate::sync::RemovedIds]) -> Result<()> {
    if removals.is_empty() {
        return Ok(());
    }
    let mut ledger = read(db_path)?;
    let mut added = false;
    for removal in removals {
        let known = ledger.removals.iter().any(|k| {
            removal.students.iter().all(|s| k.students.contains(s))
                && removal.guardians.iter().all(|g| k.guardians.contains(g))
        });
        if !known {
            ledger.removals.push(Removal {
                at: removal.at,
                students: removal.students.clone(),
                guardians: removal.guardians.clone(),
                signs: Vec::new(),
            });
            added = true;
        }
    }
    match added {
        true => ledger.write(db_path),
        false => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_are_kept_beside_the_backups_by_id_time_and_sign_never_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rapport.sqlite3");
        assert!(read(&db).unwrap().removals().is_empty());
        let ledger = read(&db).unwrap();
        let guardian = Id::new();
        let sign = ledger.sign("José", "Núñez", Some("S-104"), vec![guardian]);
        let first = Removal {
            at: "2026-11-20T10:00:00Z".parse().unwrap(),
            students: vec![Id::new()],
            guardians: vec![guardian],
            signs: vec![sign.clone()],
        };
        let second = Removal {
            at: "2026-11-21T10:00:00Z".parse().unwrap(),
            students: vec![Id::new(), Id::new()],
            guardians: vec![],
            signs: vec![],
        };
        ledger.record(&db, second.clone()).unwrap();
        read(&db).unwrap().record(&db, first.clone()).unwrap();
        let ledger = read(&db).unwrap();
        assert_eq!(ledger.removals(), [first, second.clone()]);
        assert_eq!(ledger.last(), Some(second.at));
        assert!(ledger_path(&db).starts_with(dir.path().join("backups")));
        let text = std::fs::read_to_string(ledger_path(&db)).unwrap();
        assert!(!text.contains("Núñez") && !text.contains("S-104"));

        // The same child under another id: the name and the school id, or a guardian.
        let again = ledger.sign("José", "Núñez", Some("S-104"), vec![]);
        assert_eq!(ledger.removal_of(Id::new(), &again), Some(0));
        let cousin = ledger.sign("José", "Núñez", Some("S-999"), vec![Id::new()]);
        assert_eq!(
            ledger.removal_of(Id::new(), &cousin),
            None,
            "one sign in common is not enough"
        );
    }

    #[test]
    fn a_damaged_ledger_is_refused_not_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rapport.sqlite3");
        std::fs::create_dir(dir.path().join("backups")).unwrap();
        std::fs::write(ledger_path(&db), "{ not json").unwrap();
        let error = read(&db).unwrap_err();
        assert!(error.to_string().contains("damaged"), "{error}");
    }
}
