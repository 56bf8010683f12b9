//! Turning a plain record into a protected one and back, with every backup beside it. Each file is
//! copied into a new file under the new key (`sqlcipher_export`), the copy checked, flushed and
//! renamed over the old one, so no step leaves a half-converted file. The order keeps a crash
//! harmless: protecting writes the key file, then the record, then the backups (a record found
//! protected converts any plain backup left beside it when it is opened); unprotecting does the
//! backups first, then the record, then removes the key file.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags};

use super::{apply_key, is_protected, key_path, DataKey, KeyFile, RecoveryKey};
use crate::backup;
use crate::error::{Error, Result};
use crate::store::Store;

/// What protecting a record did.
#[derive(Debug)]
pub struct Protected {
    /// To print on the recovery sheet now: it is not kept anywhere in readable form.
    pub recovery_key: RecoveryKey,
    /// The key file written beside the record.
    pub key_file: PathBuf,
    /// Backups in the backups folder that were encrypted too.
    pub backups: usize,
    /// Why some backups are still plain, if they are: the record is protected all the same, and
    /// they are encrypted when it is next opened.
    pub backups_left: Option<Error>,
    /// Whether the record synced with another computer: it no longer does, and is set up
    /// again (the other computer opens the new, protected first copy).
    pub sync_stopped: bool,
}

/// What removing the protection did.
#[derive(Debug)]
pub struct Unprotected {
    /// Backups in the backups folder that were turned back into plain files.
    pub backups: usize,
    /// Whether the record synced with another computer: it no longer does.
    pub sync_stopped: bool,
}

impl Store {
    /// Protects this record with `passphrase`: a new random key encrypts the record and every
    /// backup in its folder, and is sealed in a key file beside the record under the passphrase
    /// and under a new recovery key, which is returned to be printed.
    pub fn protect(&mut self, passphrase: &str) -> Result<Protected> {
        if self.is_protected() {
            return Err(Error::Conflict(
                "This record is already protected by a passphrase. Nothing was changed.".into(),
            ));
        }
        // A sync's files and snapshot are sealed as the record was when it was set up: a record
        // that changes its protection leaves its sync, to be set up again.
        let sync_stopped = self.syncs()?;
        self.forget_sync()?;
        let key = DataKey::random();
        let recovery_key = RecoveryKey::random();
        let key_file = KeyFile::new(&key, passphrase, &recovery_key)?;
        let db_path = self.path().to_path_buf();
        let key_file_path = key_path(&db_path);
        let temp = backup::partial_path(&db_path)?;
        let prepared = (|| {
            export_into(self.connection(), &temp, Some(&key))?;
            backup::check_file(&temp, Some(&key))?;
            key_file.write(&key_file_path)
        })();
        if let Err(error) = prepared {
            let _ = std::fs::remove_file(&temp);
            return Err(error);
        }
        if let Err(error) = self.swap_record(&temp, Some(key)) {
            let _ = std::fs::remove_file(&key_file_path);
            return Err(error);
        }
        // The record is protected now: whatever happens to the backups, the recovery key must
        // reach the teacher.
        let (backups, backups_left) = match convert_backups(&db_path, self.key()) {
            Ok(count) => (count, None),
            Err(error) => (0, Some(error)),
        };
        Ok(Protected {
            recovery_key,
            key_file: key_file_path,
            backups,
            backups_left,
            sync_stopped,
        })
    }

    /// Removes the protection: the record and every backup in its folder become plain files
    /// again, and the key file is removed.
    pub fn unprotect(&mut self) -> Result<Unprotected> {
        let Some(key) = self.key().map(DataKey::duplicate) else {
            return Err(Error::Conflict(
                "This record is not protected by a passphrase. Nothing was changed.".into(),
            ));
        };
        let sync_stopped = self.syncs()?;
        self.forget_sync()?;
        let db_path = self.path().to_path_buf();
        let backups = convert_backups_with(&db_path, Some(&key), None)?;
        let temp = backup::partial_path(&db_path)?;
        let prepared = (|| {
            export_into(self.connection(), &temp, None)?;
            backup::check_file(&temp, None).map(|_| ())
        })();
        if let Err(error) = prepared {
            let _ = std::fs::remove_file(&temp);
            return Err(error);
        }
        self.swap_record(&temp, None)?;
        match std::fs::remove_file(key_path(&db_path)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(
                "The record is no longer protected, but its key file could not be removed",
                e,
            )),
            _ => Ok(Unprotected {
                backups,
                sync_stopped,
            }),
        }
    }

    /// Closes the record, puts the checked copy at `temp` in its place and opens that with `key`;
    /// on failure the record stays as it was, open as before.
    fn swap_record(&mut self, temp: &Path, key: Option<DataKey>) -> Result<()> {
        let db_path = self.path().to_path_buf();
        let removed_again = self.removed_again();
        let old_key = self.key().map(DataKey::duplicate);
        let swapped = self.close().and_then(|()| {
            // The last connection to close removes the journal; one still there means another
            // connection has the record open, and its changes would be lost.
            let mut wal = db_path.as_os_str().to_owned();
            wal.push("-wal");
            if Path::new(&wal).exists() {
                return Err(Error::InUse);
            }
            backup::finish_file(temp, &db_path).map(|_| ())
        });
        let (key, result) = match swapped {
            Ok(()) => (key, Ok(())),
            Err(error) => {
                let _ = std::fs::remove_file(temp);
                (old_key, Err(error))
            }
        };
        *self = Store::open_as_is(&db_path, key)?;
        self.set_removed_again(removed_again);
        result
    }
}

/// Sets a new passphrase, given the current one; the record itself is not touched.
pub fn change_passphrase(db_path: &Path, current: &str, new: &str) -> Result<()> {
    let path = key_path(db_path);
    let file = KeyFile::read(&path)?;
    let key = file.unlock(current)?;
    file.with_passphrase(&key, new)?.write(&path)
}

/// Sets a new passphrase with the recovery key, when the passphrase is forgotten.
pub fn reset_passphrase(db_path: &Path, recovery: &RecoveryKey, new: &str) -> Result<()> {
    let path = key_path(db_path);
    let file = KeyFile::read(&path)?;
    let key = file.recover(recovery)?;
    file.with_passphrase(&key, new)?.write(&path)
}

/// Encrypts every plain backup in the record's backups folder under `key` (nothing when `None`).
/// Returns how many were converted.
pub(crate) fn convert_backups(db_path: &Path, key: Option<&DataKey>) -> Result<usize> {
    match key {
        Some(key) => convert_backups_with(db_path, None, Some(key)),
        None => Ok(0),
    }
}

/// Converts every backup in the record's folder that is not yet under `to`.
fn convert_backups_with(
    db_path: &Path,
    from: Option<&DataKey>,
    to: Option<&DataKey>,
) -> Result<usize> {
    let dir = crate::paths::backups_dir(db_path);
    let mut converted = 0;
    for found in backup::list(&dir)? {
        if is_protected(&found.path)? != to.is_some() {
            convert_file(&found.path, from, to)?;
            converted += 1;
        }
    }
    Ok(converted)
}

/// Rewrites the file at `path` (a backup, or a copy about to become the record) under `to`,
/// reading it with `from`: a new file beside it, checked, flushed and renamed over it.
pub(crate) fn convert_file(
    path: &Path,
    from: Option<&DataKey>,
    to: Option<&DataKey>,
) -> Result<()> {
    let temp = backup::partial_path(&path.with_extension("converting"))?;
    super::initialize();
    let result = (|| {
        let conn = Connection::open_with_flags(
            path,
            // Attached files open with the main file's flags: the new copy must be creatable.
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if let Some(key) = from {
            apply_key(&conn, key)?;
        }
        export_into(&conn, &temp, to)?;
        conn.close().map_err(|(_, e)| Error::Storage(e))?;
        backup::check_file(&temp, to)?;
        backup::finish_file(&temp, path).map(|_| ())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Writes the whole database open on `conn` into a new file at `to`, encrypted under `key` or
/// plain, schema version included.
fn export_into(conn: &Connection, to: &Path, key: Option<&DataKey>) -> Result<()> {
    let _ = std::fs::remove_file(to);
    let sql_key = key.map(DataKey::sql_key).unwrap_or_default();
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        params![to.to_string_lossy(), sql_key.as_str()],
    )?;
    let exported = (|| -> Result<()> {
        conn.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
        let version: i64 = conn.pragma_query_value(Some("main"), "user_version", |r| r.get(0))?;
        conn.pragma_update(Some("converted"), "user_version", version)?;
        Ok(())
    })();
    let detached = conn.execute("DETACH DATABASE converted", []);
    exported?;
    detached?;
    Ok(())
}
