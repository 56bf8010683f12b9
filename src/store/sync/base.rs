//! The snapshot of the record as it was at its last sync, beside it: taken when a sync starts,
//! brought up to the record after each sync (and after one cut short, when the record opens).

use std::path::Path;

use rusqlite::session::{ConflictAction, ConflictType};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{base_path, changes, State};
use crate::error::{Error, Result};
use crate::protect::{self, DataKey};
use crate::store::Store;

/// What the snapshot must take in to catch up with the record.
pub(super) enum CatchUp {
    /// Unknown (a sync cut short): every table is compared.
    Whole,
    /// The changes that went into the record since, in order: taken as they are.
    Changes(Vec<Vec<u8>>),
}

impl Store {
    /// Takes a new snapshot of the record as it is now (the start of a sync, or one lost).
    pub(super) fn take_base(&self) -> Result<()> {
        let base = base_path(self.path());
        let partial = base.with_extension("sync-base.partial");
        let _ = std::fs::remove_file(&partial);
        self.copy_into(&partial)?;
        private(&partial);
        std::fs::rename(&partial, &base)
            .map_err(|e| Error::io(format!("Could not write {}", base.display()), e))
    }

    /// Brings the snapshot up to the record when its token says it is behind: after a sync's
    /// steps (and after one cut short, when the record is opened again).
    pub(super) fn bring_base_up(&self, state: &State, catch_up: CatchUp) -> Result<()> {
        let base = base_path(self.path());
        if !base.exists() {
            // Lost (deleted by hand): what changed here since the last sync cannot be told
            // apart from the rest any more; a new snapshot starts from now.
            return self.take_base();
        }
        let data_key = self.key_copy();
        let conn = open_base(&base, data_key.as_ref())?;
        let token: Option<String> = conn
            .query_row("SELECT base_token FROM sync_state", [], |r| r.get(0))
            .optional()?;
        if token.as_deref() == Some(state.token.as_str()) {
            return Ok(());
        }
        let changesets = match catch_up {
            CatchUp::Changes(changesets) => changesets,
            CatchUp::Whole => vec![changes::diff(&self.conn, &base, data_key.as_ref(), None)?],
        };
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let brought =
            (|| -> Result<()> {
                for changeset in changesets.iter().filter(|c| !c.is_empty()) {
                    let mut input: &[u8] = changeset;
                    conn.apply_strm(&mut input, None::<fn(&str) -> bool>, |conflict, _| {
                        match conflict {
                            ConflictType::SQLITE_CHANGESET_DATA
                            | ConflictType::SQLITE_CHANGESET_CONFLICT => {
                                ConflictAction::SQLITE_CHANGESET_REPLACE
                            }
                            _ => ConflictAction::SQLITE_CHANGESET_OMIT,
                        }
                    })?;
                }
                conn.execute("UPDATE sync_state SET base_token = ?1", [&state.token])?;
                Ok(())
            })();
        match brought {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(error) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(error);
            }
        }
        Ok(())
    }

    /// Whether the snapshot holds exactly what the record holds (after a sync, it must): for
    /// tests of the sync's bookkeeping.
    #[doc(hidden)]
    pub fn sync_snapshot_is_current(&self) -> Result<bool> {
        let data_key = self.key_copy();
        let base = base_path(self.path());
        Ok(changes::diff(&self.conn, &base, data_key.as_ref(), None)?.is_empty())
    }

    /// Brings the snapshot up to date if a sync was cut short (run when the record opens).
    pub(crate) fn mend_sync_base(&self) -> Result<()> {
        match self.sync_state()? {
            Some(state) => self.bring_base_up(&state, CatchUp::Whole),
            None => Ok(()),
        }
    }
}

/// Readable by its owner only, as the record is.
pub(super) fn private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    #[cfg(not(unix))]
    let _ = path;
}

pub(super) fn open_base(path: &Path, key: Option<&DataKey>) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if let Some(key) = key {
        protect::apply_key(&conn, key)?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    // The snapshot mirrors the record row for row: no cascade of its own.
    conn.pragma_update(None, "foreign_keys", false)?;
    Ok(conn)
}
