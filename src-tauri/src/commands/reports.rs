//! The contact-log report from the window: for a child (their page) or a class, over a date
//! range, as a PDF or a CSV the teacher saves where they pick (the PDF opens in the viewer).

use chrono::{NaiveDate, Utc};
use rapport::model::Id;
use rapport::uses::{self, LogOf};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{self, FileDialogs};
use crate::error::CommandError;
use crate::state::Record;

/// A report written.
#[derive(Debug, Serialize)]
pub struct SavedReport {
    pub path: String,
    /// Contacts and concerns in it.
    pub entries: usize,
    pub period: String,
}

/// Saves the contact log of a child (`student_id`) or a class (`class_id`) between `from` and
/// `to` (either open), private entries only with `include_private`, as a CSV when `csv` else a
/// PDF. `null` when the teacher cancels the save dialog.
#[tauri::command(rename_all = "snake_case")]
#[allow(clippy::too_many_arguments)]
pub async fn save_contact_log<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
    student_id: Option<Id>,
    class_id: Option<Id>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    include_private: bool,
    csv: bool,
) -> Result<Option<SavedReport>, CommandError> {
    let of = match (student_id, class_id) {
        (Some(student), _) => LogOf::Student(student),
        (None, Some(class)) => LogOf::Class(class),
        (None, None) => return Err(rapport::Error::NotFound("A student or a class").into()),
    };
    let (bytes, file_name, entries, period) = record
        .run(move |store| {
            let log = uses::contact_log(store, of, from, to, include_private)?;
            let bytes = uses::contact_log_file(store, &log, csv, Utc::now())?;
            let entries = log
                .children
                .iter()
                .map(|c| c.contacts.len() + c.concerns.len())
                .sum::<usize>();
            let name = format!(
                "Contact log {}.{}",
                log.about.replace(['/', '\\', ':'], "-"),
                if csv { "csv" } else { "pdf" }
            );
            Ok((bytes, name, entries, log.period()))
        })
        .await?;
    tauri::async_runtime::spawn_blocking(move || {
        let kind = if csv { dialogs::CSV } else { dialogs::PDF };
        let Some(path) = dialogs::save_as(&app, &file_name, kind) else {
            return Ok(None);
        };
        rapport::files::write_atomically(&path, &bytes)?;
        if !csv
            && app.state::<FileDialogs>().opens_what_it_writes()
            && app
                .opener()
                .open_path(path.to_string_lossy(), None::<&str>)
                .is_err()
        {
            log::warn!("the report could not be opened by the PDF viewer");
        }
        log::info!("a contact log was saved ({entries} entries)");
        Ok(Some(SavedReport {
            path: path.display().to_string(),
            entries,
            period,
        }))
    })
    .await
    .map_err(|_| CommandError::internal())?
    .map_err(|e: rapport::Error| CommandError::from(e))
}
