//! The SQLite store: one file per teacher, opened with safe pragmas and migrated on open. Each
//! aggregate has its own module of plain methods on [`Store`].

mod calendar;
mod classes;
mod conferences;
mod contact_log;
mod contacts;
mod drafts;
pub mod export;
mod family;
mod goals;
mod guardians;
pub mod handoff;
pub mod import_json;
pub(crate) mod lasting_ids;
mod lifecycle;
pub mod lock;
pub mod migrations;
mod pages;
mod roster;
mod rows;
pub mod search;
mod settings;
mod students;
pub mod sync;
mod transact;
pub mod translations;
pub mod trash;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::protect::{self, DataKey};

pub use drafts::Draft;
pub use migrations::LATEST as SCHEMA_VERSION;

/// See [`Store::change_mark`]: the rows this connection has written, and SQLite's count of the
/// commits other connections made to the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeMark {
    here: u64,
    other: i64,
}

/// An open record. Not `Sync`: the desktop shell keeps it behind a mutex.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The key of a protected record; `None` for a plain one.
    key: Option<DataKey>,
    /// How many units of work (`transact.rs`) are open inside one another.
    units: usize,
    /// How many removals for good had to be applied again when the record was opened.
    removed_again: usize,
    /// The record's change mark when the last sync ended: the same at the next sync, nothing
    /// changed in between (`store/sync/`).
    sync_mark: Option<ChangeMark>,
}

/// Whether opening a record applies the removals for good of the ledger beside its backups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Removals {
    Apply,
    Leave,
}

/// What `rapport check` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Health {
    pub path: PathBuf,
    /// `PRAGMA integrity_check` lines: `["ok"]` when healthy.
    pub integrity: Vec<String>,
    pub foreign_key_problems: usize,
    pub schema_version: i64,
    pub classes: i64,
    pub students: i64,
    pub guardians: i64,
}

impl Health {
    pub fn is_healthy(&self) -> bool {
        self.integrity == ["ok"] && self.foreign_key_problems == 0
    }
}

impl Store {
    /// Opens (creating if needed) the record at `path` and brings its schema up to date.
    ///
    /// A record written by a newer Rapport is refused before anything is written to it, and a
    /// protected record is refused (`Error::Locked`) before anything is read: see [`Store::unlock`].
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path.as_ref(), Removals::Apply, None)
    }

    /// Opens the record at `path` with its key: plain when `key` is `None`.
    pub fn open_with_key(path: impl AsRef<Path>, key: Option<DataKey>) -> Result<Store> {
        Store::open_with(path.as_ref(), Removals::Apply, key)
    }

    /// Opens the protected record at `path` with its passphrase (a plain record opens as it is).
    /// A wrong passphrase leaves the file untouched.
    pub fn unlock(path: impl AsRef<Path>, passphrase: &str) -> Result<Store> {
        let path = path.as_ref();
        let key = match protect::is_protected(path)? {
            true => Some(protect::unlock(path, passphrase)?),
            false => None,
        };
        Store::open_with_key(path, key)
    }

    /// Opens a record without clearing it of the removals for good: a copy about to take the
    /// record's place (they are applied once it is there, where what they cleared is reported),
    /// or a second connection beside one that has applied them already (the start-up backup).
    pub fn open_as_is(path: &Path, key: Option<DataKey>) -> Result<Store> {
        Store::open_with(path, Removals::Leave, key)
    }

    fn open_with(path: &Path, removals: Removals, key: Option<DataKey>) -> Result<Store> {
        protect::initialize();
        let path = path.to_path_buf();
        if key.is_none() && protect::is_protected(&path)? && protect::key_path(&path).exists() {
            return Err(Error::Locked);
        }
        prepare_file(&path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(&path, flags)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        // Statements are kept and run again with new values (`prepare_cached`). SQLite would
        // otherwise compile most of them again on every run, in case the new value suggests a
        // better plan (a third of the time it takes to read a class's packets); Rapport's
        // queries look up by key, where the plan never changes.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        // More statements than rusqlite's default of 16 are in use at once: a child's page
        // alone runs fourteen.
        conn.set_prepared_statement_cache_capacity(64);
        if let Some(key) = &key {
            protect::apply_key(&conn, key).map_err(|e| not_a_database(e, &path, true))?;
        }
        migrations::refuse_newer(&conn).map_err(|e| not_a_database(e, &path, key.is_some()))?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::NotWritable(format!(
                "The record at {} could not be opened for safe writing (journal mode {mode}).",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // What is deleted (a child's notes, a trash entry) is overwritten in the file, not left
        // in free pages for anyone with the file to read.
        conn.pragma_update(None, "secure_delete", true)?;
        // Foreign keys go on after the migrations, which rebuild tables (and check every link).
        migrations::migrate(&mut conn)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let mut store = Store {
            conn,
            path,
            key,
            units: 0,
            removed_again: 0,
            sync_mark: None,
        };
        store.purge_expired_trash()?;
        // A record put in place (restored, or copied by hand) is cleared again of every child
        // removed for good. A ledger that cannot be read never keeps the record from opening:
        // restores and imports, which need it, say so.
        if removals == Removals::Apply {
            store.removed_again = match store.apply_removals() {
                Ok(cleared) => cleared,
                Err(Error::BadFile(_) | Error::Io { .. }) => 0,
                Err(other) => return Err(other),
            };
            // A protected record never keeps a plain backup beside it: one left by protecting
            // that was cut short is encrypted now (and again at the next opening if this fails).
            let _ = protect::convert_backups(&store.path, store.key.as_ref());
            // A sync cut short after it changed the record: its snapshot catches up now,
            // before anything else can change the record. Should that fail, the record opens
            // all the same and the next sync says why.
            let _ = store.mend_sync_base();
        }
        Ok(store)
    }

    /// Closes the record's connection (SQLite checkpoints and removes its journal as it goes);
    /// until the store is replaced, it holds an empty in-memory database.
    pub(crate) fn close(&mut self) -> Result<()> {
        let closed = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        closed.close().map_err(|(_, error)| Error::Storage(error))
    }

    /// How many children removed for good were cleared again from this record when it was opened
    /// (a backup from before their removal was put in place).
    pub fn removed_again(&self) -> usize {
        self.removed_again
    }

    /// Keeps the count of children cleared again across a reopening of the same record.
    pub(crate) fn set_removed_again(&mut self, count: usize) {
        self.removed_again = count;
    }

    /// Where this record lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the record is protected by a passphrase (encrypted at rest).
    pub fn is_protected(&self) -> bool {
        self.key.is_some()
    }

    /// A copy of the record's key for a second connection to it (the start-up backup, on its own
    /// thread); wiped from memory when that is dropped. `None` for a plain record.
    pub fn key_copy(&self) -> Option<DataKey> {
        self.key.as_ref().map(DataKey::duplicate)
    }

    /// The record's key, for a second connection to it or to one of its copies.
    pub(crate) fn key(&self) -> Option<&DataKey> {
        self.key.as_ref()
    }

    /// The record's own connection, for turning it into a protected or plain copy.
    pub(crate) fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A mark of the record's state, different after any write committed to it, from this
    /// connection or another: what was worked out from the record (a sync's last look, the first
    /// screen's answers) stands while the mark is the same.
    pub fn change_mark(&self) -> Result<ChangeMark> {
        let other: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?;
        Ok(ChangeMark {
            here: self.conn.total_changes(),
            other,
        })
    }

    /// The schema version of the open record.
    pub fn schema_version(&self) -> Result<i64> {
        migrations::user_version(&self.conn)
    }

    /// Writes a consistent copy of the whole record into a new file at `path` (`VACUUM INTO`:
    /// compact, and safe while other connections write). The backups build on it.
    pub(crate) fn copy_into(&self, path: &Path) -> Result<()> {
        self.conn
            .execute("VACUUM INTO ?1", [path.to_string_lossy().as_ref()])?;
        Ok(())
    }

    /// Runs SQLite's integrity and foreign-key checks and counts what the record holds.
    pub fn check(&self) -> Result<Health> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let foreign_key_problems = stmt.query_map([], |_| Ok(()))?.count();
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Health {
            path: self.path.clone(),
            integrity,
            foreign_key_problems,
            schema_version: self.schema_version()?,
            classes: count("class")?,
            students: count("student")?,
            guardians: count("guardian")?,
        })
    }
}

pub(crate) use crate::files::create_private_dir;

fn prepare_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_private_dir(dir)?;
    }
    if !path.exists() {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(Error::io(
                    format!("Could not create the record {}", path.display()),
                    e,
                ))
            }
        }
    }
    Ok(())
}

fn not_a_database(error: Error, path: &Path, keyed: bool) -> Error {
    match &error {
        Error::Storage(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::NotADatabase) && keyed =>
        {
            Error::BadFile(format!(
                "The key file beside {} does not open this record: it belongs to another record, \
                 the record was replaced by a file that is not protected with it, or the record \
                 is damaged. Nothing was changed.",
                path.display()
            ))
        }
        Error::Storage(rusqlite::Error::SqliteFailure(e, _))
            if matches!(e.code, ErrorCode::NotADatabase) =>
        {
            Error::NotADatabase(path.display().to_string())
        }
        _ => error,
    }
}

/// The record stores each closed list of choices as its word (`"note_home"`, `"behaviour"`).
macro_rules! stored_as_word {
    ($($kind:ty),+ $(,)?) => {$(
        impl rusqlite::types::ToSql for $kind {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $kind {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let word = value.as_str()?;
                <$kind>::parse(word).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unknown {} “{word}”", stringify!($kind)).into(),
                    )
                })
            }
        }
    )+};
}

use crate::model::{
    Aim, ContactKind, ContactMethod, GoalArea, GoalStatus, Initiator, NameOrder, PraiseCategory,
    QuestionTopic,
};
stored_as_word!(
    Aim,
    ContactKind,
    ContactMethod,
    GoalArea,
    GoalStatus,
    Initiator,
    NameOrder,
    PraiseCategory,
    QuestionTopic
);

/// Turns "no row" into a typed not-found error naming what was looked for.
pub(crate) trait OptionalRow<T> {
    fn or_not_found(self, what: &'static str) -> Result<T>;
}

impl<T> OptionalRow<T> for rusqlite::Result<T> {
    fn or_not_found(self, what: &'static str) -> Result<T> {
        match self {
            Err(rusqlite::Error::QueryReturnedNoRows) => Err(Error::NotFound(what)),
            other => Ok(other?),
        }
    }
}
