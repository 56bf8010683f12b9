//! Printing: the core lays out the PDF, the teacher picks where it goes in the save dialog, Rust
//! writes it (temporary file, then rename) and opens it. The page never touches the file system.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use rapport::model::{Id, LetterTemplate};
use rapport::packet::{conference, letter, questionnaire::questionnaire, schedule, Paper, Printed};
use rapport::Store;
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
    pub pages: usize,
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
    let about = About::Student(student_id);
    print(
        app,
        &record,
        "Family questionnaire",
        about,
        move |store, paper, _, now| questionnaire(store, student_id, guardian_id, paper, now),
    )
    .await
}

/// Prints the conference packet for one child.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_packet<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    let about = About::Student(student_id);
    print(
        app,
        &record,
        "Conference packet",
        about,
        move |store, paper, today, now| {
            conference::student_packet(store, student_id, paper, today, now)
        },
    )
    .await
}

/// Prints every child's conference packet in one file.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_class_packets<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    let about = About::Class(class_id);
    print(
        app,
        &record,
        "Conference packets",
        about,
        move |store, paper, today, now| {
            conference::class_packet(store, class_id, paper, today, now)
        },
    )
    .await
}

/// Prints the introduction letter to one child's family.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_letter<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    let about = About::Student(student_id);
    print(
        app,
        &record,
        "Introduction letter",
        about,
        move |store, paper, today, now| {
            letter::student_letter(store, student_id, paper, today, now)
        },
    )
    .await
}

/// Prints the introduction letter to every family of a class in one file.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_class_letters<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    let about = About::Class(class_id);
    print(
        app,
        &record,
        "Introduction letters",
        about,
        move |store, paper, today, now| letter::class_letters(store, class_id, paper, today, now),
    )
    .await
}

/// Prints the conference schedule from today on, and a reminder slip per family.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_schedule<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    let about = About::Class(class_id);
    print(
        app,
        &record,
        "Conference schedule",
        about,
        move |store, paper, today, now| schedule::schedule(store, class_id, today, paper, now),
    )
    .await
}

/// What a printed document is about, to name its file after.
enum About {
    Student(Id),
    Class(Id),
}

/// Lays a document out on the record's thread (on the paper chosen in Settings, as of today),
/// names its file "{title} — {child or class}.pdf" and saves it.
async fn print<R: Runtime>(
    app: AppHandle<R>,
    record: &Record,
    title: &'static str,
    about: About,
    lay_out: impl FnOnce(&Store, Paper, NaiveDate, DateTime<Utc>) -> rapport::Result<Printed>
        + Send
        + 'static,
) -> Result<Option<SavedFile>, CommandError> {
    let (printed, name) = record
        .run(move |store| {
            let paper = store.settings()?.paper;
            let printed = lay_out(store, paper, crate::today(), Utc::now())?;
            let name = match about {
                About::Student(id) => store.student_record(id)?.display_name,
                About::Class(id) => store.class(id)?.details.name,
            };
            Ok((printed, name))
        })
        .await?;
    save(app, format!("{title} — {name}.pdf"), printed).await
}

/// A language the introduction letter can be written in.
#[derive(Debug, Serialize)]
pub struct LetterLanguage {
    pub code: &'static str,
    pub english: &'static str,
    pub native: &'static str,
}

/// The languages Rapport has handouts in, English first.
#[tauri::command]
pub async fn letter_languages() -> Vec<LetterLanguage> {
    rapport::i18n::handout_languages()
        .map(|code| {
            let known = rapport::languages::find(code);
            LetterLanguage {
                code,
                english: known.map_or(code, |l| l.english),
                native: known.map_or(code, |l| l.native),
            }
        })
        .collect()
}

/// The introduction letter's wording in a language: the teacher's own, or Rapport's suggestion.
#[tauri::command]
pub async fn letter_template(
    record: State<'_, Record>,
    language: String,
) -> Result<LetterTemplate, CommandError> {
    record
        .run(move |store| store.letter_template(&language))
        .await
}

/// Saves the teacher's wording of the letter; `null` goes back to Rapport's suggestion.
#[tauri::command]
pub async fn save_letter_template(
    record: State<'_, Record>,
    language: String,
    body: Option<String>,
) -> Result<LetterTemplate, CommandError> {
    record
        .run(move |store| store.save_letter_template(&language, body.as_deref()))
        .await
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
            // The opener's error names the file, and a packet's file name is a child's name:
            // the log gets only the kind of trouble.
            if app
                .opener()
                .open_path(path.to_string_lossy(), None::<&str>)
                .is_err()
            {
                log::warn!("the printed file could not be opened by the PDF viewer");
            }
        }
        log::info!("printed a document of {} bytes", printed.bytes.len());
        Ok(Some(SavedFile {
            path: path.display().to_string(),
            bytes: printed.bytes.len(),
            pages: printed.pages,
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
