//! Setting a sync up and leaving it: the first full copy written to the folder, a copy from the
//! folder becoming another computer of the sync, the folder seen under another path, and
//! forgetting the sync (a restore, a change of protection, "Stop syncing").

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OpenFlags};

use super::base::private;
use super::{base_path, tables, SyncStatus};
use crate::error::{Error, Result};
use crate::model::Id;
use crate::protect::{self, DataKey};
use crate::store::Store;
use crate::sync as files;

impl Store {
    /// Starts syncing this record through `folder`: writes its first full copy there (with its
    /// key file when protected), for the other computer to open.
    pub fn start_sync(&mut self, folder: &Path, now: DateTime<Utc>) -> Result<SyncStatus> {
        if let Some(state) = self.sync_state()? {
            return Err(Error::Sync(format!(
                "This record already syncs through {}.",
                state.folder.display()
            )));
        }
        if !folder.is_dir() {
            return Err(folder_missing(folder));
        }
        if files::first_copy_path(folder).exists() || !files::list_change_files(folder)?.is_empty()
        {
            return Err(Error::Sync(format!(
                "{} already holds a record's sync files. Choose an empty folder, or open that \
                 record on this computer with \"Open a record from another computer\".",
                folder.display()
            )));
        }
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        let encrypted = self.is_protected();
        self.conn.execute(
            "INSERT INTO sync_state (only, group_id, computer_id, folder, encrypted, base_token)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)",
            params![
                Id::new(),
                Id::new(),
                folder.to_string_lossy(),
                encrypted,
                Id::new().to_string()
            ],
        )?;
        let written = self
            .write_first_copy(&folder)
            .and_then(|()| self.take_base());
        if let Err(error) = written {
            let _ = self.forget_sync();
            let _ = std::fs::remove_file(files::first_copy_path(&folder));
            return Err(error);
        }
        let _ = now;
        self.sync_status()?
            .ok_or_else(|| Error::Internal("the sync was not set up".into()))
    }

    fn write_first_copy(&self, folder: &Path) -> Result<()> {
        let target = files::first_copy_path(folder);
        let partial = folder.join(format!(".{}.partial", files::FIRST_COPY));
        let _ = std::fs::remove_file(&partial);
        self.copy_into(&partial)?;
        if self.is_protected() {
            let key_file = std::fs::read(protect::key_path(self.path()))
                .map_err(|e| Error::io("Could not read the record's key file", e))?;
            crate::files::write_atomically(&protect::key_path(&target), &key_file)?;
        }
        private(&partial);
        std::fs::rename(&partial, &target).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            Error::io(format!("Could not write {}", target.display()), e)
        })
    }

    /// Stops syncing: this record keeps everything, and forgets the folder and its snapshot.
    /// Done to a copy put in the record's place (a restore), and when the protection changes.
    pub fn forget_sync(&mut self) -> Result<()> {
        self.atomically(|store| {
            for table in tables::LOCAL.iter().filter(|t| t.starts_with("sync_")) {
                store.conn.execute(&format!("DELETE FROM {table}"), [])?;
            }
            Ok(())
        })?;
        let _ = std::fs::remove_file(base_path(self.path()));
        Ok(())
    }

    /// This record (just put in place from a sync folder's first copy) becomes another computer
    /// of that sync: its own id, nothing of the first computer's waiting changes.
    pub fn join_sync(&mut self, folder: &Path, first: FirstCopy) -> Result<()> {
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        let FirstCopy {
            group,
            computer: first,
            encrypted,
        } = first;
        self.atomically(|store| {
            store.conn.execute_batch(
                "DELETE FROM sync_state; DELETE FROM sync_peer; DELETE FROM sync_outbox;
                 DELETE FROM sync_conflict;",
            )?;
            store.conn.execute(
                "INSERT INTO sync_state (only, group_id, computer_id, folder, encrypted, base_token)
                 VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                params![group, Id::new(), folder.to_string_lossy(), encrypted, Id::new().to_string()],
            )?;
            store.conn.execute(
                "INSERT INTO sync_peer (computer_id, applied_seq) VALUES (?1, 0)",
                [first],
            )?;
            Ok(())
        })?;
        self.take_base()
    }

    /// Syncs through `folder` from now on: the same sync folder seen at another place (a USB
    /// stick mounted under another name). Refused when it holds another record's sync.
    pub fn move_sync_folder(&mut self, folder: &Path) -> Result<()> {
        let state = self.syncing()?;
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        if folder == state.folder {
            return Ok(());
        }
        let data_key = self.key_copy();
        let FirstCopy { group, .. } = first_copy(&folder, data_key.as_ref()).map_err(|_| {
            Error::Sync(format!(
                "{} is not this record's sync folder (it syncs through {}).",
                folder.display(),
                state.folder.display()
            ))
        })?;
        if group != state.group {
            return Err(Error::Sync(format!(
                "{} holds another record's sync; this record syncs through {}.",
                folder.display(),
                state.folder.display()
            )));
        }
        self.conn.execute(
            "UPDATE sync_state SET folder = ?1",
            [folder.to_string_lossy()],
        )?;
        Ok(())
    }
}

pub(super) fn folder_missing(folder: &Path) -> Error {
    Error::Sync(format!(
        "The sync folder {} is not there (a USB stick not plugged in?). Nothing is lost: the \
         changes wait until it is.",
        folder.display()
    ))
}

/// What a sync folder's first copy says of its sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstCopy {
    /// The sync's id.
    pub group: Id,
    /// The computer that wrote it.
    pub computer: Id,
    /// Whether the sync's change files are encrypted (the record was protected when it began).
    pub encrypted: bool,
}

/// Reads a sync folder's first copy, or says why it cannot be opened.
pub fn first_copy(folder: &Path, key: Option<&DataKey>) -> Result<FirstCopy> {
    let path = files::first_copy_path(folder);
    if !path.exists() {
        return Err(Error::Sync(format!(
            "{} holds no Rapport record to open (no {} in it). On the other computer, choose \
             Settings → Another computer → Use this record on another computer first.",
            folder.display(),
            files::FIRST_COPY
        )));
    }
    let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    if let Some(key) = key {
        protect::apply_key(&conn, key)?;
    }
    let version = crate::store::migrations::user_version(&conn)?;
    if version > crate::store::SCHEMA_VERSION {
        return Err(Error::UpdateNeeded(format!(
            "The record in {} was saved by a newer Rapport. Update Rapport on this computer to \
             open it; nothing was changed.",
            folder.display()
        )));
    }
    conn.query_row(
        "SELECT group_id, computer_id, encrypted FROM sync_state",
        [],
        |r| {
            Ok(FirstCopy {
                group: r.get(0)?,
                computer: r.get(1)?,
                encrypted: r.get(2)?,
            })
        },
    )
    .map_err(|_| {
        Error::BadFile(format!(
            "{} is not a Rapport sync folder's first copy.",
            path.display()
        ))
    })
}
