//! Settings → Family languages: every family-facing string of a language beside English, each
//! correctable; corrections are kept in the record and every document prints them. A language
//! travels as a language pack file: saved where the teacher chooses, or chosen, previewed and
//! read in. The chosen path stays in Rust; the page never names a file.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::Local;
use rapport::store::translations::{FamilyLanguage, LanguageStrings, PackRead, TranslatedString};
use rapport::uses;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::Record;

/// The languages Rapport prints in, English first, with how many strings the record corrects.
#[tauri::command]
pub async fn family_languages(
    record: State<'_, Record>,
) -> Result<Vec<FamilyLanguage>, CommandError> {
    record.run(|store| store.family_languages()).await
}

/// Every string of a language beside English.
#[tauri::command]
pub async fn family_language(
    record: State<'_, Record>,
    language: String,
) -> Result<LanguageStrings, CommandError> {
    record
        .run(move |store| store.family_language(&language))
        .await
}

/// Corrects one string; `null` goes back to Rapport's wording.
#[tauri::command]
pub async fn save_translation(
    record: State<'_, Record>,
    language: String,
    key: String,
    text: Option<String>,
) -> Result<TranslatedString, CommandError> {
    record
        .run(move |store| store.save_translation(&language, &key, text.as_deref()))
        .await
}

/// A language pack saved.
#[derive(Debug, Serialize)]
pub struct SavedPack {
    pub path: String,
    pub file_name: String,
    pub corrected: usize,
}

/// Saves a language as a language pack where the teacher chooses. `null` when they cancel.
#[tauri::command]
pub async fn export_language_pack<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    language: String,
) -> Result<Option<SavedPack>, CommandError> {
    let pack = record
        .run(move |store| store.language_pack(&language, Local::now().date_naive()))
        .await?;
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = dialogs::save_as(&app, &pack.file_name, dialogs::LANGUAGE_PACK) else {
            return Ok(None);
        };
        rapport::files::write_atomically(&path, pack.text.as_bytes())?;
        log::info!("a language pack was saved ({} corrections)", pack.corrected);
        Ok(Some(SavedPack {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: path.display().to_string(),
            corrected: pack.corrected,
        }))
    })
    .await
    .map_err(|_| CommandError::internal())?
    .map_err(|e: rapport::Error| CommandError::from(e))
}

/// The language pack the teacher chose, waiting to be read in.
#[derive(Default)]
pub struct PendingPack(Mutex<Option<PathBuf>>);

/// What a chosen pack would do.
#[derive(Debug, Serialize)]
pub struct ChosenPack {
    pub file_name: String,
    #[serde(flatten)]
    pub preview: PackRead,
}

/// Asks for a language pack, checks it and says what reading it would change. `null` when the
/// teacher cancels; a bad pack is refused with every problem and its line.
#[tauri::command]
pub async fn choose_language_pack<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    pending: State<'_, PendingPack>,
) -> Result<Option<ChosenPack>, CommandError> {
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        dialogs::open(&app, dialogs::LANGUAGE_PACK, false)
    })
    .await
    .map_err(|_| CommandError::internal())?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = None;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let read = path.clone();
    let preview = record
        .run(move |store| {
            let pack = uses::read_language_pack(&read)?;
            store.dry_run(|store| store.read_language_pack(&pack))
        })
        .await?;
    *pending.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(path);
    Ok(Some(ChosenPack { file_name, preview }))
}

/// Reads the chosen language pack into the record (checked again: the file may have changed).
#[tauri::command]
pub async fn import_language_pack(
    record: State<'_, Record>,
    pending: State<'_, PendingPack>,
) -> Result<PackRead, CommandError> {
    let path = pending
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .ok_or_else(|| CommandError::from(rapport::Error::NotFound("The language pack")))?;
    let read = record
        .run(move |store| {
            let pack = uses::read_language_pack(&path)?;
            store.read_language_pack(&pack)
        })
        .await?;
    log::info!(
        "a language pack was read in ({} corrected, {} back to Rapport's wording)",
        read.changed,
        read.restored
    );
    Ok(read)
}
