//! One owner of the record file. While the app has a record open it holds an operating-system lock
//! on a file beside it (`rapport.sqlite3.lock`: flock on Unix, LockFileEx on Windows, through the
//! standard library), so a second app, a restore or an import from the command line cannot swap or
//! fill the record under it; the lock goes with the process, even when it crashes. The lock is on
//! a file of its own, not on the record, so it never meets SQLite's own locks on the record.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Held while the record is owned; dropping it lets another owner in.
#[derive(Debug)]
pub struct RecordLock {
    _file: File,
}

/// The lock file of the record at `db_path`: its name with `.lock` added.
pub fn lock_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    db_path.with_file_name(name)
}

impl RecordLock {
    /// Takes the record at `db_path` for this process, or says it is open elsewhere.
    pub fn acquire(db_path: &Path) -> Result<RecordLock> {
        let path = lock_path(db_path);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            super::create_private_dir(dir)?;
        }
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).map_err(|e| {
            Error::io(
                "Could not take the record for this window (its lock file could not be opened)",
                e,
            )
        })?;
        match file.try_lock() {
            Ok(()) => Ok(RecordLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::InUse),
            Err(TryLockError::Error(e)) => Err(Error::io(
                "Could not take the record for this window (its lock file could not be locked)",
                e,
            )),
        }
    }

    /// Whether another process (or another lock in this one) holds the record now.
    pub fn is_held(db_path: &Path) -> Result<bool> {
        match RecordLock::acquire(db_path) {
            Ok(_released_at_once) => Ok(false),
            Err(Error::InUse) => Ok(true),
            Err(other) => Err(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_owner_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("rapport.sqlite3");
        let first = RecordLock::acquire(&db).unwrap();
        assert!(matches!(RecordLock::acquire(&db), Err(Error::InUse)));
        assert!(RecordLock::is_held(&db).unwrap());
        drop(first);
        assert!(!RecordLock::is_held(&db).unwrap());
        let _again = RecordLock::acquire(&db).unwrap();
    }

    #[test]
    fn the_lock_file_sits_beside_the_record() {
        assert_eq!(
            lock_path(Path::new("/x/rapport.sqlite3")),
            Path::new("/x/rapport.sqlite3.lock")
        );
    }
}
