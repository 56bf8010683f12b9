//! The handoff to next year's teacher from the window: the teacher chooses children and saves a
//! handoff file (shown its one-time passphrase when the record is protected); the receiving
//! teacher chooses a file, gives its passphrase if it asks for one, sees a preview (each child
//! matched on the school's id or new, and what would be added) and reads it in. The chosen path
//! stays in Rust; the page never names a file.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::Local;
use rapport::model::Id;
use rapport::store::handoff::Received;
use rapport::uses::{self, HandOver};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::Record;

/// A handoff file written.
#[derive(Debug, Serialize)]
pub struct SavedHandoff {
    pub path: String,
    pub children: usize,
    pub bytes: usize,
    /// The one-time passphrase, when the record is protected: shown once, to pass on.
    pub passphrase: Option<String>,
}

/// Saves the handoff file of `student_ids`. `null` when the teacher cancels the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_handoff<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_ids: Vec<Id>,
) -> Result<Option<SavedHandoff>, CommandError> {
    let file = record
        .run(move |store| {
            uses::handoff_file(
                store,
                &HandOver::Students(student_ids),
                Local::now().date_naive(),
            )
        })
        .await?;
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = dialogs::save_as(&app, &file.file_name, dialogs::HANDOFF) else {
            return Ok(None);
        };
        rapport::files::write_atomically(&path, &file.bytes)?;
        log::info!("a handoff file was saved ({} children)", file.children);
        Ok(Some(SavedHandoff {
            path: path.display().to_string(),
            children: file.children,
            bytes: file.bytes.len(),
            passphrase: file.passphrase.as_ref().map(|p| p.text().to_string()),
        }))
    })
    .await
    .map_err(|_| CommandError::internal())?
    .map_err(|e: rapport::Error| CommandError::from(e))
}

/// The handoff file the teacher chose, waiting for its preview and reading.
#[derive(Default)]
pub struct PendingHandoff(Mutex<Option<PathBuf>>);

impl PendingHandoff {
    fn path(&self) -> Result<PathBuf, CommandError> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .ok_or_else(|| CommandError::from(rapport::Error::NotFound("The handoff file")))
    }
}

/// The file chosen.
#[derive(Debug, Serialize)]
pub struct ChosenHandoff {
    pub file_name: String,
    /// It needs its one-time passphrase.
    pub encrypted: bool,
}

/// Asks for a handoff file. `null` when the teacher cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn choose_handoff<R: Runtime>(
    app: AppHandle<R>,
    pending: State<'_, PendingHandoff>,
) -> Result<Option<ChosenHandoff>, CommandError> {
    let chosen =
        tauri::async_runtime::spawn_blocking(move || dialogs::open(&app, dialogs::HANDOFF, false))
            .await
            .map_err(|_| CommandError::internal())?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let encrypted = uses::handoff_is_encrypted(&path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(ChosenHandoff {
        file_name,
        encrypted,
    }))
}

/// Previews (`preview`) or reads the chosen handoff file into `class_id` (default: the current
/// class), with its one-time passphrase when it is encrypted.
#[tauri::command(rename_all = "snake_case")]
pub async fn receive_handoff(
    record: State<'_, Record>,
    pending: State<'_, PendingHandoff>,
    passphrase: Option<String>,
    class_id: Option<Id>,
    preview: bool,
) -> Result<Received, CommandError> {
    let path = pending.path()?;
    let received = record
        .run(move |store| {
            let handoff = uses::read_handoff(&path, passphrase.as_deref())?;
            let class_id = class_id
                .or(store.settings()?.current_class_id)
                .ok_or(rapport::Error::NotFound("A class"))?;
            store.receive_handoff(&handoff, class_id, preview)
        })
        .await?;
    if !preview {
        log::info!(
            "a handoff was read in ({} children)",
            received.children.len()
        );
    }
    Ok(received)
}
