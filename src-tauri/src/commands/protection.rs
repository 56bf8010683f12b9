//! Protection from the window: unlocking a protected record (with the passphrase, or the recovery
//! key and a new passphrase), locking it, protecting a record (the recovery key comes back once,
//! to show and to print on the recovery sheet), changing the passphrase and removing the
//! protection. Secrets pass through here to the core and are not kept or logged.

use rapport::protect::{self, RecoveryKey};
use rapport::uses::{self, PrintedDocument};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use super::printing::{save, SavedFile};
use crate::error::CommandError;
use crate::state::{Record, Secret};

/// Opens the locked record with its passphrase; the window then starts again.
#[tauri::command]
pub async fn unlock(record: State<'_, Record>, passphrase: String) -> Result<(), CommandError> {
    record.unlock(Secret::Passphrase(passphrase)).await?;
    record.back_up_in_background().await
}

/// Forgotten passphrase: the recovery key from the sheet sets a new passphrase and opens the
/// record.
#[tauri::command(rename_all = "snake_case")]
pub async fn unlock_with_recovery_key(
    record: State<'_, Record>,
    recovery_key: String,
    new_passphrase: String,
) -> Result<(), CommandError> {
    let secret = Secret::RecoveryKey {
        key: recovery_key,
        new_passphrase,
    };
    record.unlock(secret).await?;
    record.back_up_in_background().await
}

/// Locks the window now; `false` when the record is not protected (there is nothing to lock).
#[tauri::command]
pub async fn lock_now(record: State<'_, Record>) -> Result<bool, CommandError> {
    record.lock().await
}

/// What protecting the record did.
#[derive(Debug, Serialize)]
pub struct ProtectedRecord {
    /// Shown once, to write down or print on the recovery sheet.
    pub recovery_key: String,
    /// Backups in the backups folder that were encrypted too.
    pub backups: usize,
    /// Why some backups are still plain (they are encrypted at the next start).
    pub backups_left: Option<String>,
}

/// Protects the record with a passphrase: the record and its backups are encrypted.
#[tauri::command]
pub async fn protect_record(
    record: State<'_, Record>,
    passphrase: String,
) -> Result<ProtectedRecord, CommandError> {
    record
        .run_alone(move |store| {
            let protected = store.protect(&passphrase)?;
            log::info!("the record was protected ({} backups)", protected.backups);
            Ok(ProtectedRecord {
                recovery_key: protected.recovery_key.text().to_string(),
                backups: protected.backups,
                backups_left: protected.backups_left.map(|e| e.to_string()),
            })
        })
        .await
}

/// Saves the recovery sheet for the recovery key just shown; `null` when the teacher cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_recovery_sheet<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    recovery_key: String,
) -> Result<Option<SavedFile>, CommandError> {
    let printed = record
        .run(move |store| {
            let key = RecoveryKey::parse(&recovery_key)?;
            // Only this record's recovery key goes on its sheet.
            protect::recover(store.path(), &key)?;
            Ok(PrintedDocument {
                printed: uses::recovery_sheet(store, &key)?,
                file_name: "Rapport recovery sheet.pdf".into(),
            })
        })
        .await?;
    save(app, printed).await
}

/// Changes the passphrase, given the current one; the record is not re-encrypted.
#[tauri::command]
pub async fn change_passphrase(
    record: State<'_, Record>,
    current: String,
    new: String,
) -> Result<(), CommandError> {
    record
        .run(move |store| protect::change_passphrase(store.path(), &current, &new))
        .await
}

/// Removes the protection, given the passphrase: the record and its backups become plain files.
#[tauri::command]
pub async fn unprotect_record(
    record: State<'_, Record>,
    passphrase: String,
) -> Result<usize, CommandError> {
    record
        .run_alone(move |store| {
            protect::unlock(store.path(), &passphrase)?;
            let backups = store.unprotect()?.backups;
            log::info!("the record's protection was removed ({backups} backups)");
            Ok(backups)
        })
        .await
}
