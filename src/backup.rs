//! Backups of the record and restoring one. A backup is a consistent copy taken while the record is
//! open (`VACUUM INTO` a temporary file beside the target, an integrity check, fsync, rename), so a
//! failed backup never replaces a good one. Automatic backups go to a `backups` folder beside the
//! record, one at start-up when something changed since the last, thinned to about 7 dailies,
//! 4 weeklies and 12 monthlies. Restoring checks the file first, keeps the current record as a
//! backup, and swaps the file in atomically.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::protect::{self, DataKey};
use crate::store::Store;

/// The folder beside the record that holds its automatic backups.
pub use crate::files::sweep_partial_copies;
pub use crate::paths::{backups_dir, BACKUP_DIR};
const PREFIX: &str = "rapport-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y-%m-%dT%H%M%S%.3fZ";
const BEFORE_RESTORE: &str = "-before-restore";

/// Daily, weekly and monthly backups kept by [`thin`].
const DAILIES: usize = 7;
const WEEKLIES: usize = 4;
const MONTHLIES: usize = 12;
/// How long the record as it was before a restore is kept whatever else is taken: it is the way
/// back from restoring the wrong copy.
const KEEP_BEFORE_RESTORE_DAYS: i64 = 30;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// At start-up, because the record changed.
    Automatic,
    /// The record as it was just before another file was restored over it.
    BeforeRestore,
}

/// A backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub path: PathBuf,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
    pub kind: BackupKind,
}

fn file_name(taken_at: DateTime<Utc>, kind: BackupKind) -> String {
    let tag = match kind {
        BackupKind::Automatic => "",
        BackupKind::BeforeRestore => BEFORE_RESTORE,
    };
    format!("{PREFIX}{}{tag}{SUFFIX}", taken_at.format(STAMP))
}

/// A path in `dir` for a backup taken at `now` that no other backup has (two taken within the
/// same millisecond get successive milliseconds), and the time it records.
fn free_path(dir: &Path, now: DateTime<Utc>, kind: BackupKind) -> (PathBuf, DateTime<Utc>) {
    let mut taken_at = now;
    loop {
        let path = dir.join(file_name(taken_at, kind));
        if !path.exists() {
            return (path, taken_at);
        }
        taken_at += chrono::Duration::milliseconds(1);
    }
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupKind)> {
    let core = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, kind) = match core.strip_suffix(BEFORE_RESTORE) {
        Some(stamp) => (stamp, BackupKind::BeforeRestore),
        None => (core, BackupKind::Automatic),
    };
    let time = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((time.and_utc(), kind))
}

/// The backups in `dir`, newest first (an absent folder has none).
pub fn list(dir: &Path) -> Result<Vec<Backup>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("Could not read {}", dir.display()), e)),
    };
    let mut backups: Vec<Backup> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let (taken_at, kind) = parse_name(name.to_str()?)?;
            let bytes = entry.metadata().ok()?.len();
            Some(Backup {
                path: entry.path(),
                taken_at,
                bytes,
                kind,
            })
        })
        .collect();
    backups.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(a.path.cmp(&b.path)));
    Ok(backups)
}

impl Store {
    /// Writes a consistent copy of the record to `target`, all or nothing: `VACUUM INTO` a
    /// temporary file beside it, check that copy's integrity, flush it to disk, then rename it
    /// over `target`. The copy is readable by its owner only. Returns its size in bytes.
    ///
    /// A protected record's copy is encrypted like the record; a copy outside the backups folder
    /// (a USB stick) gets the record's key file beside it (`copy.sqlite3.key`), so that it can be
    /// restored on another computer with the passphrase or the recovery key.
    pub fn back_up_to(&self, target: &Path) -> Result<u64> {
        if is_part_of_record(self.path(), target) {
            return Err(Error::Conflict(
                "A backup cannot be written over the record itself or its journal. Choose \
                 another file, for example on a USB stick. Nothing was changed."
                    .into(),
            ));
        }
        let temp = partial_path(target)?;
        let result = (|| {
            remove_if_present(&temp)?;
            self.copy_into(&temp)?;
            check_file(&temp, self.key())?;
            finish_file(&temp, target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        let bytes = result?;
        let elsewhere = target.parent() != Some(backups_dir(self.path()).as_path());
        if self.is_protected() && elsewhere {
            let key_file = protect::key_path(self.path());
            let sealed = std::fs::read(&key_file)
                .map_err(|e| Error::io(format!("Could not read {}", key_file.display()), e))?;
            crate::files::write_atomically(&protect::key_path(target), &sealed)?;
        }
        Ok(bytes)
    }
}

/// Puts a protected copy made on another computer (or by a record protected before) in the place
/// of a record that is not protected (or does not exist yet), with `key` from the copy's own key
/// file beside it. The record as it was is kept among the backups; afterwards the record is
/// protected by the copy's passphrase and recovery key (its key file is copied beside it), and the
/// backups beside it are encrypted when it is opened.
pub fn restore_protected_copy(
    db_path: &Path,
    from: &Path,
    key: &DataKey,
    now: DateTime<Utc>,
) -> Result<Restored> {
    if protect::is_protected(db_path)? {
        return Err(protected_already());
    }
    if db_path.exists() && check_file(db_path, None).is_ok() {
        let mut store = Store::open(db_path)?;
        let kept = store.take_protected_copy(from, key.duplicate(), now)?;
        return Ok(Restored {
            kept: Some(kept),
            removed_again: store.removed_again(),
        });
    }
    check_file(from, Some(key))?;
    let sealed = sealed_key_of(from)?;
    if let Some(dir) = db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::create_private_dir(dir)?;
    }
    // The key file first: beside a plain record it is never used, so a crash before the swap
    // leaves the record as it was.
    crate::files::write_atomically(&protect::key_path(db_path), &sealed)?;
    swap_in(db_path, from, Some(key))?;
    let removed_again = Store::open_with_key(db_path, Some(key.duplicate()))?.removed_again();
    Ok(Restored {
        kept: None,
        removed_again,
    })
}

/// A protected record cannot take a copy protected by another passphrase.
fn protected_already() -> Error {
    Error::Conflict(
        "This record is protected by its own passphrase, so a copy protected by another one \
         cannot take its place. Remove the protection first (Settings or `rapport unprotect`), \
         then restore the copy. Nothing was changed."
            .into(),
    )
}

/// The key file beside a protected copy, as it is written.
fn sealed_key_of(copy: &Path) -> Result<Vec<u8>> {
    let path = protect::key_path(copy);
    std::fs::read(&path).map_err(|e| Error::io(format!("Could not read {}", path.display()), e))
}

/// Whether `target` is the record at `db_path`, its journal (`-wal`, `-shm`) or its lock file,
/// however the path is spelled (a link, `..`, another case on a case-insensitive disk aside).
fn is_part_of_record(db_path: &Path, target: &Path) -> bool {
    let folder = |path: &Path| {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()
    };
    if folder(db_path).is_none() || folder(db_path) != folder(target) {
        return false;
    }
    let (Some(record), Some(name)) = (db_path.file_name(), target.file_name()) else {
        return false;
    };
    let record = record.to_string_lossy();
    let parts = [
        record.to_string(),
        format!("{record}-wal"),
        format!("{record}-shm"),
        format!("{record}-journal"),
        format!("{record}.lock"),
    ];
    parts
        .iter()
        .any(|part| part.as_str() == name.to_string_lossy())
}

/// `.name.PID.partial` beside `target`.
pub(crate) fn partial_path(target: &Path) -> Result<PathBuf> {
    let name = target.file_name().ok_or_else(|| {
        Error::io(
            format!("{} is not a file name", target.display()),
            std::io::ErrorKind::InvalidInput.into(),
        )
    })?;
    Ok(target.with_file_name(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    )))
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(format!("Could not remove {}", path.display()), e)),
    }
}

/// Owner-only, flushed, renamed into place, folder flushed. Returns the size.
pub(crate) fn finish_file(temp: &Path, target: &Path) -> Result<u64> {
    let io = |e: std::io::Error| Error::io(format!("Could not write {}", target.display()), e);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(temp, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    }
    let file = std::fs::File::open(temp).map_err(io)?;
    file.sync_all().map_err(io)?;
    let bytes = file.metadata().map_err(io)?.len();
    drop(file);
    std::fs::rename(temp, target).map_err(io)?;
    #[cfg(unix)]
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
    }
    Ok(bytes)
}

/// What a backup file holds, found by opening it read-only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub schema_version: i64,
    pub students: i64,
}

/// Checks that `path` is a healthy Rapport record this version can open, without changing it: a
/// plain file, or one protected by `key` (a protected record's own backups).
pub fn check_file(path: &Path, key: Option<&DataKey>) -> Result<Checked> {
    let shown = path.display().to_string();
    if !path.is_file() {
        return Err(Error::BadFile(format!(
            "There is no file at {shown}. Check the name and the folder. Nothing was changed."
        )));
    }
    protect::initialize();
    let encrypted = protect::is_protected(path)?;
    let not_readable = || match (encrypted, key) {
        (true, None) => Error::BadFile(format!(
            "{shown} is not a Rapport record, or it is protected by a passphrase: a protected \
             backup can be restored only into the record it was made from, with that record \
             unlocked. Nothing was changed."
        )),
        (true, Some(_)) => Error::BadFile(format!(
            "{shown} is protected by another record's passphrase, so this record cannot read it. \
             Nothing was changed."
        )),
        (false, _) => Error::NotADatabase(shown.clone()),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_readable())?;
    if let (true, Some(key)) = (encrypted, key) {
        protect::apply_key(&conn, key).map_err(|_| not_readable())?;
    }
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| not_readable())?;
    if version < 1 {
        return Err(Error::BadFile(format!(
            "{shown} is not a Rapport record (an empty file or another program's). Nothing was changed."
        )));
    }
    if version > crate::store::SCHEMA_VERSION {
        return Err(Error::TooNew {
            found: version,
            known: crate::store::SCHEMA_VERSION,
        });
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| Error::NotADatabase(shown.clone()))?;
    if integrity != "ok" {
        return Err(Error::BadFile(format!(
            "{shown} is damaged ({integrity}), so it was not used. Nothing was changed."
        )));
    }
    let students: i64 = conn
        .query_row("SELECT count(*) FROM student", [], |r| r.get(0))
        .map_err(|_| {
            Error::BadFile(format!(
                "{shown} is an SQLite file but not a Rapport record. Nothing was changed."
            ))
        })?;
    Ok(Checked {
        schema_version: version,
        students,
    })
}

/// Deletes the backup called `file_name` in `dir` (only a file the folder lists as a backup).
pub fn delete(dir: &Path, file_name: &str) -> Result<()> {
    let backup = list(dir)?
        .into_iter()
        .find(|b| {
            b.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == file_name)
        })
        .ok_or(Error::NotFound("That backup"))?;
    std::fs::remove_file(&backup.path)
        .map_err(|e| Error::io(format!("Could not delete {}", backup.path.display()), e))
}

/// Takes an automatic backup into `dir` unless the record is unchanged since the newest one
/// (the copies are compared byte for byte), then thins the folder. Returns the new backup.
pub fn automatic(store: &Store, dir: &Path, now: DateTime<Utc>) -> Result<Option<Backup>> {
    crate::files::create_private_dir(dir)?;
    // Copies a crash left half-written hold the record too: they go.
    sweep_partial_copies(dir, Some(chrono::Duration::minutes(10)));
    let (target, taken_at) = free_path(dir, now, BackupKind::Automatic);
    let staged = dir.join(format!(".staged-{}{SUFFIX}", std::process::id()));
    store.back_up_to(&staged)?;
    let previous = list(dir)?.into_iter().next();
    let unchanged = match &previous {
        Some(previous) => match store.key() {
            None => same_bytes(&staged, &previous.path)?,
            // Encrypted pages differ in every copy (each is written with a fresh random IV): the
            // copies are compared by what they hold.
            Some(key) => {
                content_digest(&staged, key).ok() == content_digest(&previous.path, key).ok()
            }
        },
        None => false,
    };
    if unchanged {
        remove_if_present(&staged)?;
        return Ok(None);
    }
    std::fs::rename(&staged, &target)
        .map_err(|e| Error::io(format!("Could not write {}", target.display()), e))?;
    let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    // The copy just taken stays, whatever the clock says.
    for old in thin(&list(dir)?, now)
        .into_iter()
        .filter(|old| *old != target)
    {
        remove_if_present(&old)?;
    }
    Ok(Some(Backup {
        path: target,
        taken_at,
        bytes,
        kind: BackupKind::Automatic,
    }))
}

fn same_bytes(a: &Path, b: &Path) -> Result<bool> {
    let read = |p: &Path| {
        std::fs::read(p).map_err(|e| Error::io(format!("Could not read {}", p.display()), e))
    };
    Ok(read(a)? == read(b)?)
}

/// A digest of everything a protected copy holds: every table's rows, in the order a `VACUUM INTO`
/// copy stores them (the same for two copies of an unchanged record).
fn content_digest(path: &Path, key: &DataKey) -> Result<[u8; 32]> {
    use rusqlite::types::ValueRef;
    use sha2::{Digest, Sha256};
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    protect::apply_key(&conn, key)?;
    let mut hash = Sha256::new();
    let tables: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (table, sql) in tables {
        hash.update(sql.as_bytes());
        let mut stmt =
            conn.prepare(&format!("SELECT * FROM \"{}\"", table.replace('"', "\"\"")))?;
        let columns = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            for i in 0..columns {
                match row.get_ref(i)? {
                    ValueRef::Null => hash.update([0]),
                    ValueRef::Integer(v) => {
                        hash.update([[1].as_slice(), &v.to_le_bytes()].concat())
                    }
                    ValueRef::Real(v) => hash.update([[2].as_slice(), &v.to_le_bytes()].concat()),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        hash.update([3]);
                        hash.update((t.len() as u64).to_le_bytes());
                        hash.update(t);
                    }
                }
            }
        }
    }
    Ok(hash.finalize().into())
}

/// The backups to delete so that about 7 dailies, 4 weeklies and 12 monthlies remain: the newest
/// backup of each of the 7 latest days that have one, of the 4 latest such weeks and of the 12
/// latest such months, and the two newest of all. Counting days that have a backup rather than
/// days on the calendar means a summer without the app, or a clock set a year ahead for one
/// start, never empties the history. The record as it was before a restore stays 30 days.
/// `backups` is newest first.
pub fn thin(backups: &[Backup], now: DateTime<Utc>) -> Vec<PathBuf> {
    // A clock set back must not make recent copies look young or old: now is never before the
    // newest backup.
    let now = backups.iter().map(|b| b.taken_at).fold(now, DateTime::max);
    // The two newest always stay: the record as it was at the last two starts.
    let mut keep: Vec<bool> = (0..backups.len()).map(|i| i < 2).collect();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    let mut months = Vec::new();
    for (index, backup) in backups.iter().enumerate() {
        let day = backup.taken_at.date_naive();
        let mut newest_of = |seen: &mut Vec<_>, period, limit: usize| {
            if seen.len() < limit && !seen.contains(&period) {
                seen.push(period);
                keep[index] = true;
            }
        };
        newest_of(&mut days, (day.year(), day.ordinal()), DAILIES);
        newest_of(
            &mut weeks,
            (day.iso_week().year(), day.iso_week().week()),
            WEEKLIES,
        );
        newest_of(&mut months, (day.year(), day.month()), MONTHLIES);
        if backup.kind == BackupKind::BeforeRestore
            && (now - backup.taken_at).num_days() < KEEP_BEFORE_RESTORE_DAYS
        {
            keep[index] = true;
        }
    }
    backups
        .iter()
        .zip(keep)
        .filter(|(_, keep)| !keep)
        .map(|(b, _)| b.path.clone())
        .collect()
}

/// What [`restore`] did.
#[derive(Debug)]
pub struct Restored {
    /// The record as it was, kept among the backups (none when there was no record yet).
    pub kept: Option<Backup>,
    /// Children removed for good after the backup was made, cleared from it again.
    pub removed_again: usize,
}

/// Replaces the record at `db_path` with the backup at `from` (see [`Store::restore_from`]); a
/// record that does not exist yet is simply created from it.
///
/// `key` is the record's key when it is protected: a plain backup put in its place is encrypted
/// on the way in.
pub fn restore(
    db_path: &Path,
    from: &Path,
    key: Option<&DataKey>,
    now: DateTime<Utc>,
) -> Result<Restored> {
    check_file(from, key)?;
    let open = || Store::open_with_key(db_path, key.map(DataKey::duplicate));
    if db_path.exists() {
        if check_file(db_path, key).is_ok() {
            let mut store = open()?;
            let kept = store.restore_from(from, now)?;
            return Ok(Restored {
                kept: Some(kept),
                removed_again: store.removed_again(),
            });
        }
        // The record itself cannot be opened (damaged, or not a record): the way to repair it.
        // Its bytes are kept as they are, then the backup goes in its place.
        let dir = backups_dir(db_path);
        crate::files::create_private_dir(&dir)?;
        let (target, taken_at) = free_path(&dir, now, BackupKind::BeforeRestore);
        let temp = partial_path(&target)?;
        std::fs::copy(db_path, &temp)
            .map_err(|e| Error::io(format!("Could not read {}", db_path.display()), e))?;
        let bytes = finish_file(&temp, &target)?;
        swap_in(db_path, from, key)?;
        return Ok(Restored {
            kept: Some(Backup {
                path: target,
                taken_at,
                bytes,
                kind: BackupKind::BeforeRestore,
            }),
            removed_again: open()?.removed_again(),
        });
    }
    if let Some(dir) = db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        crate::files::create_private_dir(dir)?;
    }
    swap_in(db_path, from, key)?;
    Ok(Restored {
        kept: None,
        removed_again: open()?.removed_again(),
    })
}

impl Store {
    /// The record as it is now, kept in the backups folder before something takes its place.
    fn keep_before_restore(&self, now: DateTime<Utc>) -> Result<Backup> {
        let dir = backups_dir(self.path());
        crate::files::create_private_dir(&dir)?;
        let (target, taken_at) = free_path(&dir, now, BackupKind::BeforeRestore);
        let bytes = self.back_up_to(&target)?;
        Ok(Backup {
            path: target,
            taken_at,
            bytes,
            kind: BackupKind::BeforeRestore,
        })
    }

    /// Replaces this record with the backup at `from`. The file is checked first (a healthy
    /// Rapport record this version can open); the record as it is now is kept in the backups
    /// folder (the returned backup); the new file is copied beside the record, flushed and renamed
    /// over it, and the old record's `-wal` and `-shm` files are removed so SQLite cannot replay
    /// them into it; the copy is opened once before the swap, so a file that passes the checks but
    /// cannot be opened never takes the record's place. Afterwards this store has the restored
    /// record open. On any failure the record is left as it was (put back from the kept copy if
    /// the restored one will not open).
    pub fn restore_from(&mut self, from: &Path, now: DateTime<Utc>) -> Result<Backup> {
        check_file(from, self.key())?;
        let db_path = self.path().to_path_buf();
        let key = self.key().map(DataKey::duplicate);
        let open = || Store::open_with_key(&db_path, key.as_ref().map(DataKey::duplicate));
        let kept = self.keep_before_restore(now)?;
        // Close the record (its WAL is checkpointed and removed as the last connection closes),
        // swap the file, and open whichever file is now in place.
        if let Err(error) = self.close() {
            *self = open()?;
            return Err(error);
        }
        let swapped = swap_in(&db_path, from, key.as_ref());
        let reopened = open();
        match (swapped, reopened) {
            (Ok(()), Ok(store)) => {
                *self = store;
                Ok(kept)
            }
            (Err(error), Ok(store)) => {
                *self = store;
                Err(error)
            }
            (_, Err(error)) => {
                // Put the record back as it was.
                swap_in(&db_path, &kept.path, key.as_ref())?;
                *self = open()?;
                Err(error)
            }
        }
    }
}

impl Store {
    /// Puts a protected copy with its own key file beside it (a backup from another computer, or
    /// from before the protection was removed) in the place of this record, which is not
    /// protected; `key` comes from the copy's key file. The record as it was is kept among the
    /// backups; afterwards this store has the copy open, protected by the copy's passphrase and
    /// recovery key. On failure the record stays as it was, open as before.
    pub fn take_protected_copy(
        &mut self,
        from: &Path,
        key: DataKey,
        now: DateTime<Utc>,
    ) -> Result<Backup> {
        if self.is_protected() {
            return Err(protected_already());
        }
        check_file(from, Some(&key))?;
        let sealed = sealed_key_of(from)?;
        let db_path = self.path().to_path_buf();
        let kept = self.keep_before_restore(now)?;
        let key_file = protect::key_path(&db_path);
        let swapped = self.close().and_then(|()| {
            // The key file first: beside a plain record it is never used.
            crate::files::write_atomically(&key_file, &sealed)?;
            swap_in(&db_path, from, Some(&key))
        });
        match swapped.and_then(|()| Store::open_with_key(&db_path, Some(key))) {
            Ok(store) => {
                *self = store;
                Ok(kept)
            }
            Err(error) => {
                if !protect::is_protected(&db_path)? {
                    let _ = std::fs::remove_file(&key_file);
                }
                *self = Store::open(&db_path)?;
                Err(error)
            }
        }
    }
}

/// Copies `from` beside `db_path`, checks the copy, removes stale journals and renames it into
/// place.
fn swap_in(db_path: &Path, from: &Path, key: Option<&DataKey>) -> Result<()> {
    let temp = partial_path(db_path)?;
    let copied = (|| {
        remove_if_present(&temp)?;
        std::fs::copy(from, &temp)
            .map_err(|e| Error::io(format!("Could not read {}", from.display()), e))?;
        // A protected record never takes a plain file in: the copy is encrypted first.
        if key.is_some() && !protect::is_protected(&temp)? {
            protect::convert_file(&temp, None, key)?;
        }
        check_file(&temp, key)?;
        // Open the copy once (this also brings an older record up to date): what cannot be
        // opened must not replace the record.
        // A copy put in the record's place no longer syncs (its changes since the copy was
        // made would be sent again as new); the sync is set up again from the other computer.
        let mut copy = Store::open_as_is(&temp, key.map(DataKey::duplicate))?;
        copy.forget_sync()?;
        copy.close()?;
        for suffix in ["-wal", "-shm"] {
            let mut side = temp.as_os_str().to_owned();
            side.push(suffix);
            remove_if_present(Path::new(&side))?;
        }
        for suffix in ["-wal", "-shm"] {
            let mut side = db_path.as_os_str().to_owned();
            side.push(suffix);
            remove_if_present(Path::new(&side))?;
        }
        finish_file(&temp, db_path).map(|_| ())
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    copied
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn at(days_ago: i64, hour: u32) -> Backup {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        let taken_at = (now - Duration::days(days_ago))
            .date_naive()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
            .and_utc();
        Backup {
            path: PathBuf::from(file_name(taken_at, BackupKind::Automatic)),
            taken_at,
            bytes: 1,
            kind: BackupKind::Automatic,
        }
    }

    #[test]
    fn names_carry_the_time_and_the_kind() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 9, 5, 7).unwrap() + Duration::milliseconds(42);
        let name = file_name(now, BackupKind::BeforeRestore);
        assert_eq!(
            name,
            "rapport-2026-11-24T090507.042Z-before-restore.sqlite3"
        );
        assert_eq!(parse_name(&name), Some((now, BackupKind::BeforeRestore)));
        assert_eq!(parse_name("rapport.sqlite3"), None);
        let dir = tempfile::tempdir().unwrap();
        let (first, at_first) = free_path(dir.path(), now, BackupKind::Automatic);
        std::fs::write(&first, b"taken").unwrap();
        let (second, at_second) = free_path(dir.path(), now, BackupKind::Automatic);
        assert_ne!(first, second, "two backups in one millisecond keep both");
        assert!(at_second > at_first);
        assert_eq!(parse_name("rapport-yesterday.sqlite3"), None);
    }

    #[test]
    fn a_year_of_daily_backups_thins_to_about_7_dailies_4_weeklies_and_12_monthlies() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        // Two a day for 400 days, newest first.
        let backups: Vec<Backup> = (0..400).flat_map(|d| [at(d, 18), at(d, 8)]).collect();
        let gone = thin(&backups, now);
        let kept: Vec<&Backup> = backups.iter().filter(|b| !gone.contains(&b.path)).collect();
        assert!((20..=25).contains(&kept.len()), "{} kept", kept.len());
        assert_eq!(
            kept[..2],
            [&backups[0], &backups[1]],
            "the two newest are kept"
        );
        // The last 7 days have one each: their newest (and today also its earlier copy).
        for d in 0..7 {
            assert!(kept.contains(&&at(d, 18)), "day {d}");
            assert_eq!(kept.contains(&&at(d, 8)), d == 0, "day {d}, older copy");
        }
        assert!(kept.iter().all(|b| (now - b.taken_at).num_days() < 12 * 31));
        // Thinning again removes nothing more.
        let kept: Vec<Backup> = kept.into_iter().cloned().collect();
        assert!(thin(&kept, now).is_empty());
    }

    #[test]
    fn the_record_before_a_restore_outlives_newer_starts_for_30_days() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        let mut before_restore = at(0, 10);
        before_restore.kind = BackupKind::BeforeRestore;
        before_restore.path = PathBuf::from("before-restore");
        // Two starts with changes later the same day, then a week of daily starts.
        let mut backups = vec![at(0, 11), at(0, 10)];
        backups.push(before_restore.clone());
        let gone = thin(&backups, now);
        assert!(!gone.contains(&before_restore.path));
        let later = now + chrono::Duration::days(29);
        let mut week: Vec<Backup> = (0..29).map(|d| at(-29 + d, 9)).collect();
        week.extend(backups.clone());
        assert!(!thin(&week, later).contains(&before_restore.path));
        let much_later = now + chrono::Duration::days(60);
        let mut months: Vec<Backup> = (0..60).map(|d| at(-60 + d, 9)).collect();
        months.extend(backups);
        assert!(thin(&months, much_later).contains(&before_restore.path));
    }

    #[test]
    fn a_clock_set_a_year_ahead_for_one_start_keeps_the_history() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        let history: Vec<Backup> = (0..60).map(|d| at(d, 9)).collect();
        let kept_now = history.len() - thin(&history, now).len();
        let ahead = now + chrono::Duration::days(400);
        let mut backups = vec![at(-400, 9)];
        backups.extend(history);
        let gone = thin(&backups, ahead);
        // The far-future copy takes one day's, one week's and one month's place, no more; by
        // calendar age every older copy would have gone.
        assert!(
            backups.len() - gone.len() + 2 >= kept_now,
            "{} kept with the clock ahead, {kept_now} before",
            backups.len() - gone.len()
        );
        assert!((0..6).all(|d| !gone.contains(&at(d, 9).path)));
    }

    #[test]
    fn a_single_old_backup_is_kept() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        assert!(thin(&[at(900, 8)], now).is_empty());
    }
}
