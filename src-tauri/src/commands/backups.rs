//! Backups from the window: the list of automatic backups, "Back up now" to a file the teacher
//! picks (a USB stick), and restoring one of the backups or a file the teacher picks. Restoring
//! keeps the record as it was among the backups, and the window reloads everything afterwards.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use rapport::backup::{self, BackupKind};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::Record;

/// A backup as the Settings screen lists it.
#[derive(Debug, Serialize)]
pub struct BackupRow {
    pub file_name: String,
    pub taken_at: DateTime<Utc>,
    pub bytes: u64,
    pub kind: BackupKind,
    /// Taken before a child was removed for good: it still holds their record.
    pub predates_purge: bool,
}

#[derive(Debug, Serialize)]
pub struct Backups {
    /// Where the automatic backups are kept.
    pub folder: String,
    /// Newest first.
    pub backups: Vec<BackupRow>,
}

/// The automatic backups beside the record.
#[tauri::command]
pub async fn list_backups(record: State<'_, Record>) -> Result<Backups, CommandError> {
    let folder = backup::backups_dir(&record.db_path);
    // A record that could not be opened still lists its backups, to restore one.
    let last_purge = match record.open_error() {
        None => record.run(|store| store.last_purge()).await?,
        Some(_) => None,
    };
    let backups = tauri::async_runtime::spawn_blocking(move || {
        backup::list(&folder).map(|list| {
            let rows = list
                .into_iter()
                .map(|b| BackupRow {
                    file_name: b
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    taken_at: b.taken_at,
                    bytes: b.bytes,
                    kind: b.kind,
                    predates_purge: last_purge.is_some_and(|purged| b.taken_at < purged),
                })
                .collect();
            Backups {
                folder: folder.display().to_string(),
                backups: rows,
            }
        })
    })
    .await
    .map_err(|_| CommandError::internal())?;
    Ok(backups?)
}

/// Deletes one of the backups, by its file name in the backups folder (for a copy that still holds
/// a child removed for good).
#[tauri::command(rename_all = "snake_case")]
pub async fn delete_backup(
    record: State<'_, Record>,
    file_name: String,
) -> Result<(), CommandError> {
    let folder = backup::backups_dir(&record.db_path);
    tauri::async_runtime::spawn_blocking(move || backup::delete(&folder, &file_name))
        .await
        .map_err(|_| CommandError::internal())??;
    log::info!("a backup was deleted");
    Ok(())
}

/// A copy the teacher asked for.
#[derive(Debug, Serialize)]
pub struct SavedBackup {
    pub path: String,
    pub bytes: u64,
}

/// Writes a copy of the record to a file the teacher picks. `null` when they cancel.
#[tauri::command]
pub async fn back_up_now<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
) -> Result<Option<SavedBackup>, CommandError> {
    let name = format!("Rapport backup {}.sqlite3", crate::today());
    let Some(path) = pick(app, Pick::Save(name)).await? else {
        return Ok(None);
    };
    let target = path.clone();
    let bytes = record.run(move |store| store.back_up_to(&target)).await?;
    log::info!("a backup was written ({bytes} bytes)");
    Ok(Some(SavedBackup {
        path: path.display().to_string(),
        bytes,
    }))
}

/// What a restore did.
#[derive(Debug, Serialize)]
pub struct Restored {
    pub students: i64,
    /// Children removed for good after the backup was taken, cleared from it again.
    pub removed_again: usize,
    /// The file that keeps the record as it was before.
    pub kept: String,
}

/// Restores one of the automatic backups, by its file name in the backups folder.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_backup(
    record: State<'_, Record>,
    file_name: String,
) -> Result<Restored, CommandError> {
    let folder = backup::backups_dir(&record.db_path);
    let listed = backup::list(&folder)?;
    // Only a file the folder lists: the page never names an arbitrary path.
    let chosen = listed
        .into_iter()
        .find(|b| {
            b.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == file_name)
        })
        .ok_or(rapport::Error::NotFound("That backup"))?;
    restore(&record, chosen.path).await
}

/// A protected copy the teacher picked, waiting for its passphrase.
#[derive(Default)]
pub struct PendingCopy(std::sync::Mutex<Option<PathBuf>>);

/// Restores a backup file the teacher picks (for example from a USB stick). `null` when they
/// cancel. A copy protected by its own passphrase (its key file beside it) into a record that is
/// not protected is refused with the code `needs_passphrase`: the page asks for it and calls
/// `restore_protected_file`.
#[tauri::command]
pub async fn restore_from_file<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    pending: State<'_, PendingCopy>,
) -> Result<Option<Restored>, CommandError> {
    let Some(path) = pick(app, Pick::Open).await? else {
        return Ok(None);
    };
    let own_key = rapport::protect::is_protected(&path)?
        && rapport::protect::key_path(&path).exists()
        && record.open_error().is_none()
        && !record.run(|store| Ok(store.is_protected())).await?;
    if own_key {
        *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
        return Err(CommandError::needs_passphrase());
    }
    restore(&record, path).await.map(Some)
}

/// Restores the protected copy picked last, with its passphrase: the record then is that copy,
/// protected by the copy's passphrase and recovery key. A wrong passphrase keeps the copy waiting.
#[tauri::command]
pub async fn restore_protected_file(
    record: State<'_, Record>,
    pending: State<'_, PendingCopy>,
    passphrase: String,
) -> Result<Restored, CommandError> {
    let path = pending
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .ok_or(rapport::Error::NotFound("The protected copy"))?;
    let restored = record
        .run_alone(move |store| {
            let key = rapport::protect::unlock(&path, &passphrase)?;
            let kept = store.take_protected_copy(&path, key, Utc::now())?;
            Ok(Restored {
                students: store.check()?.students,
                removed_again: store.removed_again(),
                kept: kept.path.display().to_string(),
            })
        })
        .await?;
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    log::info!(
        "a protected copy was restored ({} students)",
        restored.students
    );
    Ok(restored)
}

async fn restore(record: &Record, from: PathBuf) -> Result<Restored, CommandError> {
    if record.open_error().is_some() {
        let restored = record.restore_unopened(from).await?;
        let students = record.run(|store| Ok(store.check()?.students)).await?;
        log::info!("a backup was restored over a record that could not be opened");
        return Ok(Restored {
            students,
            removed_again: restored.removed_again,
            kept: restored
                .kept
                .map(|k| k.path.display().to_string())
                .unwrap_or_default(),
        });
    }
    let restored = record
        .run_alone(move |store| {
            let kept = store.restore_from(&from, Utc::now())?;
            let students = store.check()?.students;
            Ok(Restored {
                students,
                removed_again: store.removed_again(),
                kept: kept.path.display().to_string(),
            })
        })
        .await?;
    log::info!("a backup was restored ({} students)", restored.students);
    Ok(restored)
}

enum Pick {
    Save(String),
    Open,
}

/// A backup file to write or to read (see `dialogs`).
async fn pick<R: Runtime>(app: AppHandle<R>, pick: Pick) -> Result<Option<PathBuf>, CommandError> {
    tauri::async_runtime::spawn_blocking(move || match pick {
        Pick::Save(name) => dialogs::save_as(&app, &name, dialogs::BACKUP),
        Pick::Open => dialogs::open(&app, dialogs::BACKUP, false),
    })
    .await
    .map_err(|_| CommandError::internal())
}
