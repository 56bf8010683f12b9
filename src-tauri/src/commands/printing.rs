//! Printing: the core lays out the PDF, the teacher picks where it goes in the save dialog, Rust
//! writes it (temporary file, then rename) and opens it. The page never touches the file system.

use chrono::Utc;
use rapport::model::{Id, LetterTemplate};
use rapport::uses::{self, Document, PrintedDocument};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{self, FileDialogs};
use crate::error::CommandError;
use crate::state::Record;

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
    let document = Document::Questionnaire {
        student: student_id,
        guardian: guardian_id,
    };
    print(app, &record, document).await
}

/// Prints the conference packet for one child.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_packet<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    print(app, &record, Document::Packet(student_id)).await
}

/// Prints every child's packet in a class, in one PDF.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_class_packets<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    print(app, &record, Document::ClassPackets(class_id)).await
}

/// Prints the introduction letter for one child's family.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_letter<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    print(app, &record, Document::Letter(student_id)).await
}

/// Prints every family's introduction letter in a class.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_class_letters<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    print(app, &record, Document::ClassLetters(class_id)).await
}

/// Prints the conference schedule from today on, and a reminder slip per family.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_schedule<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    let document = Document::Schedule {
        class: class_id,
        from: None,
    };
    print(app, &record, document).await
}

/// Prints the good-news note of one praise entry, in the family's language.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_good_news<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    praise_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    print(app, &record, Document::GoodNews(praise_id)).await
}

/// Prints a good-news note for every praise waiting for a positive call in a class, two to a
/// page: for the families the phone does not reach.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_class_good_news<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Option<SavedFile>, CommandError> {
    print(app, &record, Document::ClassGoodNews(class_id)).await
}

/// Lays a document out on the record's thread (on the paper chosen in Settings, as of today) and
/// saves it under the name the core gives it.
async fn print<R: Runtime>(
    app: AppHandle<R>,
    record: &Record,
    document: Document,
) -> Result<Option<SavedFile>, CommandError> {
    let printed = record
        .run(move |store| uses::print(store, document, None, crate::today(), Utc::now()))
        .await?;
    save(app, printed).await
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

pub(crate) async fn save<R: Runtime>(
    app: AppHandle<R>,
    document: PrintedDocument,
) -> Result<Option<SavedFile>, CommandError> {
    let PrintedDocument { printed, file_name } = document;
    tauri::async_runtime::spawn_blocking(move || {
        let Some(path) = dialogs::save_as(&app, &file_name, dialogs::PDF) else {
            return Ok(None);
        };
        rapport::files::write_atomically(&path, &printed.bytes)?;
        // The PDF is written; if no viewer opens it, the teacher still has the file. The opener's
        // error names the file, and a packet's file name is a child's name: the log gets only the
        // kind of trouble.
        if app.state::<FileDialogs>().opens_what_it_writes()
            && app
                .opener()
                .open_path(path.to_string_lossy(), None::<&str>)
                .is_err()
        {
            log::warn!("the printed file could not be opened by the PDF viewer");
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
