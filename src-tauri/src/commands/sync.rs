//! Two computers, one record, from the window: start syncing through a folder the teacher
//! picks, open the record found in such a folder on a new computer's welcome screen, sync now,
//! how the sync stands, and "Changed on both computers". The page syncs at start, after a quiet
//! minute following edits, and on "Sync now"; the shell syncs once more when the app closes.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::Utc;
use rapport::model::Id;
use rapport::store::sync::{SyncConflict, SyncReport, SyncStatus};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::Record;

/// A sync folder picked on the welcome screen, waiting to be opened (with its passphrase when
/// its record is protected). The page never names a path itself.
#[derive(Default)]
pub struct PendingFolder(Mutex<Option<PathBuf>>);

/// A folder picked on the welcome screen.
#[derive(Debug, Serialize)]
pub struct PickedFolder {
    pub folder: String,
    /// Whether the record in it is protected: the page asks for its passphrase.
    pub protected: bool,
}

async fn pick_folder<R: Runtime>(app: AppHandle<R>) -> Result<Option<PathBuf>, CommandError> {
    tauri::async_runtime::spawn_blocking(move || dialogs::open(&app, dialogs::SYNC_FOLDER, true))
        .await
        .map_err(|_| CommandError::internal())
}

/// How the sync stands: `null` when the record does not sync.
#[tauri::command]
pub async fn sync_status(record: State<'_, Record>) -> Result<Option<SyncStatus>, CommandError> {
    record.run(|store| store.sync_status()).await
}

/// Syncs now: `null` when the record does not sync.
#[tauri::command]
pub async fn sync_now(record: State<'_, Record>) -> Result<Option<SyncReport>, CommandError> {
    let report = record
        .run(|store| match store.syncs()? {
            true => store.sync(Utc::now()).map(Some),
            false => Ok(None),
        })
        .await?;
    if let Some(report) = &report {
        log::info!(
            "synced: {} sent, {} received, {} conflicts, {} refused, folder {}",
            report.sent,
            report.received,
            report.conflicts.len(),
            report.refused.len(),
            if report.folder_found {
                "found"
            } else {
                "missing"
            }
        );
    }
    Ok(report)
}

/// "Use this record on another computer": the teacher picks an empty folder (a USB stick, or one
/// a cloud client keeps in step); the record's first full copy goes there. `null` on cancel.
#[tauri::command]
pub async fn start_sync<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
) -> Result<Option<SyncStatus>, CommandError> {
    let Some(folder) = pick_folder(app).await? else {
        return Ok(None);
    };
    let status = record
        .run_alone(move |store| store.start_sync(&folder, Utc::now()))
        .await?;
    log::info!("the record syncs through a folder now");
    Ok(Some(status))
}

/// Stops syncing: this computer keeps the record as it is and forgets the folder.
#[tauri::command]
pub async fn stop_sync(record: State<'_, Record>) -> Result<(), CommandError> {
    record.run(|store| store.forget_sync()).await?;
    log::info!("the record no longer syncs");
    Ok(())
}

/// The welcome screen's "Open a record from another computer": the teacher picks the sync
/// folder. `null` on cancel; the page then calls `open_from_sync_folder`.
#[tauri::command]
pub async fn pick_sync_folder<R: Runtime>(
    app: AppHandle<R>,
    pending: State<'_, PendingFolder>,
) -> Result<Option<PickedFolder>, CommandError> {
    let Some(folder) = pick_folder(app).await? else {
        return Ok(None);
    };
    let first = rapport::sync::first_copy_path(&folder);
    if !first.exists() {
        return Err(rapport::Error::Sync(format!(
            "{} holds no Rapport record to open. On the other computer, choose Settings → \
             Another computer → Use this record on another computer, and pick that folder here.",
            folder.display()
        ))
        .into());
    }
    let protected = rapport::protect::is_protected(&first)?;
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(folder.clone());
    Ok(Some(PickedFolder {
        folder: folder.display().to_string(),
        protected,
    }))
}

/// Opens the record of the folder picked last, in place of this empty one, with its passphrase
/// when it is protected, and syncs.
#[tauri::command]
pub async fn open_from_sync_folder(
    record: State<'_, Record>,
    pending: State<'_, PendingFolder>,
    passphrase: Option<String>,
) -> Result<SyncReport, CommandError> {
    let folder = pending
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .ok_or(rapport::Error::NotFound("The sync folder"))?;
    let report = record
        .run_alone(move |store| {
            rapport::uses::open_from_sync_folder(store, &folder, passphrase.as_deref(), Utc::now())
        })
        .await?;
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    log::info!(
        "a record from another computer was opened ({} changes received)",
        report.received
    );
    Ok(report)
}

/// "Changed on both computers", newest first.
#[tauri::command]
pub async fn sync_conflicts(record: State<'_, Record>) -> Result<Vec<SyncConflict>, CommandError> {
    record.run(|store| store.sync_conflicts()).await
}

/// Keeps the value the record holds (`take_other` false) or takes the other computer's.
#[tauri::command(rename_all = "snake_case")]
pub async fn settle_sync_conflict(
    record: State<'_, Record>,
    id: Id,
    take_other: bool,
) -> Result<(), CommandError> {
    record
        .run(move |store| store.settle_sync_conflict(id, take_other))
        .await
}

/// The last sync, when the app closes (the folder there or not: nothing is lost either way).
pub fn sync_at_close(record: &Record) {
    if record.open_error().is_some() || record.is_locked() {
        return;
    }
    let synced = tauri::async_runtime::block_on(record.run(|store| match store.syncs()? {
        true => store.sync(Utc::now()).map(Some),
        false => Ok(None),
    }));
    if let Ok(Some(report)) = synced {
        log::info!(
            "synced at close: {} sent, {} received",
            report.sent,
            report.received
        );
    }
}
