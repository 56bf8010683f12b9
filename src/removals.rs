//! The ledger of children removed for good. A family's request to be forgotten must outlast the
//! record it was made in: restoring a backup taken before the removal, or importing an export,
//! would otherwise bring the child back without a word. So each removal is written to a small file
//! beside the record's backups (`backups/removed-for-good.json`), outside the record, naming the
//! rows by their lasting ids and the time, never by a name. Whatever record is put in place is
//! cleared again of every row the ledger names, and the ledger's times tell which backups still
//! hold a removed child.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Id;

/// The ledger's file name, in the backups folder.
pub const LEDGER_FILE: &str = "removed-for-good.json";
const FORMAT: &str = "rapport-removals";

/// One removal for good: the child's records (every year's copy) and the guardians who went
/// with them, by id only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub at: DateTime<Utc>,
    pub students: Vec<Id>,
    #[serde(default)]
    pub guardians: Vec<Id>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Ledger {
    format: String,
    removals: Vec<Removal>,
}

/// Where the ledger of the record at `db_path` is kept.
pub fn ledger_path(db_path: &Path) -> PathBuf {
    crate::backup::backups_dir(db_path).join(LEDGER_FILE)
}

/// Every removal for good of the record at `db_path`, oldest first (none when there is no ledger).
pub fn read(db_path: &Path) -> Result<Vec<Removal>> {
    let path = ledger_path(db_path);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
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
            Error::Conflict(format!(
                "The list of children removed for good ({}) is damaged, so Rapport cannot make \
                 sure they stay removed. Restore that file from a copy, or ask for help. Nothing \
                 was changed.",
                path.display()
            ))
        })?;
    Ok(ledger.removals)
}

/// Adds a removal to the ledger (written whole to a temporary file, then renamed into place).
pub fn record(db_path: &Path, removal: Removal) -> Result<()> {
    let mut removals = read(db_path)?;
    removals.push(removal);
    removals.sort_by_key(|r| r.at);
    let dir = crate::backup::backups_dir(db_path);
    crate::store::create_private_dir(&dir)?;
    let ledger = Ledger {
        format: FORMAT.into(),
        removals,
    };
    let json = serde_json::to_string_pretty(&ledger)
        .map_err(|e| Error::Internal(format!("the list of removals could not be written ({e})")))?;
    crate::files::write_atomically(&ledger_path(db_path), json.as_bytes())
}

/// When a child was last removed for good, if ever.
pub fn last(removals: &[Removal]) -> Option<DateTime<Utc>> {
    removals.iter().map(|r| r.at).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removals_are_kept_beside_the_backups_by_id_and_time_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rapport.sqlite3");
        assert!(read(&db).unwrap().is_empty());
        let first = Removal {
            at: "2026-11-20T10:00:00Z".parse().unwrap(),
            students: vec![Id::new()],
            guardians: vec![Id::new()],
        };
        let second = Removal {
            at: "2026-11-21T10:00:00Z".parse().unwrap(),
            students: vec![Id::new(), Id::new()],
            guardians: vec![],
        };
        record(&db, second.clone()).unwrap();
        record(&db, first.clone()).unwrap();
        assert_eq!(read(&db).unwrap(), [first, second.clone()]);
        assert_eq!(last(&read(&db).unwrap()), Some(second.at));
        assert!(ledger_path(&db).starts_with(dir.path().join("backups")));
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
