//! Printing: the core lays out the PDF, the teacher picks where it goes in the save dialog, Rust
//! writes it (temporary file, then rename) and opens it. The page never touches the file system.

use std::path::PathBuf;

use rapport::model::Id;
use rapport::packet::{questionnaire::questionnaire, Printed};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::CommandError;
use crate::state::Record;

/// Where printed files go: asked each time, or one folder (RAPPORT_SAVE_DIR, for tests and
/// scripted use), in which case nothing is opened either.
pub enum SaveTarget {
    Dialog,
    Folder(PathBuf),
}

/// A file Rapport wrote.
#[derive(Debug, Serialize)]
pub struct SavedFile {
    pub path: String,
    pub bytes: usize,
    /// Characters no embedded font has, left out of the document (empty when all was printed).
    pub missing_characters: String,
}

/// Prints the blank family questionnaire for a child (every guardian who may be contacted, or
/// one). Resolves with `null` when the teacher cancels the save dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_questionnaire<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_id: Id,
    guardian_id: Option<Id>,
) -> Result<Option<SavedFile>, CommandError> {
    let (printed, name) = record
        .run(move |store| {
            let paper = store.settings()?.paper;
            let printed = questionnaire(store, student_id, guardian_id, paper, chrono::Utc::now())?;
            Ok((printed, store.student_record(student_id)?.display_name))
        })
        .await?;
    save(app, format!("Family questionnaire — {name}.pdf"), printed).await
}

async fn save<R: Runtime>(
    app: AppHandle<R>,
    file_name: String,
    printed: Printed,
) -> Result<Option<SavedFile>, CommandError> {
    let file_name = safe_file_name(&file_name);
    tauri::async_runtime::spawn_blocking(move || {
        let (path, open) = match app.state::<SaveTarget>().inner() {
            SaveTarget::Folder(folder) => (folder.join(&file_name), false),
            SaveTarget::Dialog => {
                let chosen = app
                    .dialog()
                    .file()
                    .set_file_name(&file_name)
                    .add_filter("PDF document", &["pdf"])
                    .blocking_save_file();
                match chosen.and_then(|p| p.into_path().ok()) {
                    Some(path) => (path, true),
                    None => return Ok(None),
                }
            }
        };
        rapport::files::write_atomically(&path, &printed.bytes)?;
        if open {
            // The PDF is written; if no viewer opens it, the teacher still has the file.
            if let Err(error) = app.opener().open_path(path.to_string_lossy(), None::<&str>) {
                log::warn!("the printed file could not be opened: {error}");
            }
        }
        log::info!("printed a document of {} bytes", printed.bytes.len());
        Ok(Some(SavedFile {
            path: path.display().to_string(),
            bytes: printed.bytes.len(),
            missing_characters: printed.missing_characters.iter().collect(),
        }))
    })
    .await
    .map_err(|_| CommandError::internal())?
    .map_err(|e: rapport::Error| CommandError::from(e))
}

/// A file name any file system accepts, keeping the child's name readable.
fn safe_file_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_lose_only_what_file_systems_refuse() {
        assert_eq!(
            super::safe_file_name("Questionnaire — 王小明.pdf"),
            "Questionnaire — 王小明.pdf"
        );
        assert_eq!(super::safe_file_name("a/b:c?.pdf"), "a-b-c-.pdf");
    }
}
