//! The calendar from the window: how children are named in it, "Export to calendar…" (one
//! file), and "Keep a calendar file up to date…" (a file in a folder the teacher picks, written
//! again after every change, for Outlook, Google or Apple Calendar to subscribe to).

use chrono::Utc;
use rapport::model::CalendarNames;
use rapport::uses;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::Record;

/// A way to name children, as Settings offers it.
#[derive(Debug, Serialize)]
pub struct NamesChoice {
    pub word: &'static str,
    pub label: &'static str,
}

/// Settings → Calendar.
#[derive(Debug, Serialize)]
pub struct CalendarSettings {
    pub names: &'static str,
    pub choices: Vec<NamesChoice>,
    /// The file kept up to date, when there is one.
    pub file: Option<String>,
}

/// A calendar file written.
#[derive(Debug, Serialize)]
pub struct CalendarWritten {
    pub path: String,
    pub events: usize,
}

async fn settings(record: &Record) -> Result<CalendarSettings, CommandError> {
    record
        .run(|store| {
            Ok(CalendarSettings {
                names: store.calendar_names()?.as_str(),
                choices: CalendarNames::ALL
                    .iter()
                    .map(|n| NamesChoice {
                        word: n.as_str(),
                        label: n.label(),
                    })
                    .collect(),
                file: store
                    .calendar_folder()?
                    .map(|f| f.join(uses::CALENDAR_FILE).display().to_string()),
            })
        })
        .await
}

#[tauri::command]
pub async fn calendar_settings(
    record: State<'_, Record>,
) -> Result<CalendarSettings, CommandError> {
    settings(&record).await
}

/// How children are named in the calendar (the file kept up to date is written again).
#[tauri::command]
pub async fn set_calendar_names(
    record: State<'_, Record>,
    names: String,
) -> Result<CalendarSettings, CommandError> {
    let names = CalendarNames::parse(&names).ok_or(rapport::Error::NotFound("That choice"))?;
    record
        .run(move |store| {
            store.set_calendar_names(names)?;
            uses::refresh_calendar_file(store, Utc::now())
        })
        .await?;
    settings(&record).await
}

/// "Export to calendar…": one file where the teacher picks. `null` when they cancel.
#[tauri::command]
pub async fn export_calendar<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
) -> Result<Option<CalendarWritten>, CommandError> {
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        dialogs::save_as(&app, uses::CALENDAR_FILE, dialogs::CALENDAR)
    })
    .await
    .map_err(|_| CommandError::internal())?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let written = record
        .run(move |store| {
            let (text, events) = uses::calendar(store, None, Utc::now())?;
            rapport::files::write_atomically(&path, text.as_bytes())?;
            Ok(CalendarWritten {
                path: path.display().to_string(),
                events,
            })
        })
        .await?;
    log::info!("a calendar file was written ({} events)", written.events);
    Ok(Some(written))
}

/// "Keep a calendar file up to date…": the teacher picks a folder; the file is written there
/// now and after every change. `null` when they cancel.
#[tauri::command]
pub async fn keep_calendar_file<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
) -> Result<Option<CalendarSettings>, CommandError> {
    let chosen =
        tauri::async_runtime::spawn_blocking(move || dialogs::open(&app, dialogs::CALENDAR, true))
            .await
            .map_err(|_| CommandError::internal())?;
    let Some(folder) = chosen else {
        return Ok(None);
    };
    record
        .run(move |store| {
            store.set_calendar_folder(Some(&folder))?;
            uses::refresh_calendar_file(store, Utc::now())
        })
        .await?;
    log::info!("a calendar file is kept up to date");
    settings(&record).await.map(Some)
}

/// No calendar file kept up to date any more (the file stays where it is).
#[tauri::command]
pub async fn stop_calendar_file(
    record: State<'_, Record>,
) -> Result<CalendarSettings, CommandError> {
    record.run(|store| store.set_calendar_folder(None)).await?;
    settings(&record).await
}

/// Writes the calendar file kept up to date again (the page asks after each change): how many
/// events, or `null` when no file is kept.
#[tauri::command]
pub async fn refresh_calendar_file(
    record: State<'_, Record>,
) -> Result<Option<CalendarWritten>, CommandError> {
    let written = record
        .run(|store| uses::refresh_calendar_file(store, Utc::now()))
        .await?;
    Ok(written.map(|(path, events)| CalendarWritten {
        path: path.display().to_string(),
        events,
    }))
}
