//! The app itself: what the window needs to start, and the "ready" signal of the first render.

use rapport::languages::{Language, LANGUAGES};
use rapport::model::{Class, ContactMethod, SchoolYear, Settings};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandError;
use crate::state::Record;

#[derive(Debug, Serialize)]
pub struct ContactMethodChoice {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Set when the record could not be opened; the window shows it instead of the app.
    pub open_error: Option<CommandError>,
    pub settings: Settings,
    pub classes: Vec<Class>,
    pub school_years: Vec<SchoolYear>,
    pub languages: &'static [Language],
    pub contact_methods: Vec<ContactMethodChoice>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn app_info<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
) -> Result<AppInfo, CommandError> {
    let (settings, classes, school_years) = match record.open_error() {
        Some(_) => Default::default(),
        None => {
            record
                .run(|store| Ok((store.settings()?, store.classes()?, store.school_years()?)))
                .await?
        }
    };
    Ok(AppInfo {
        version: app.package_info().version.to_string(),
        db_path: record.db_path.display().to_string(),
        open_error: record.open_error().cloned(),
        settings,
        classes,
        school_years,
        languages: LANGUAGES,
        contact_methods: ContactMethod::ALL
            .iter()
            .map(|m| ContactMethodChoice {
                value: m.as_str(),
                label: m.label(),
            })
            .collect(),
    })
}

/// Called once by the page when its first screen shows real data; logs and returns the time since
/// the process started, in milliseconds.
#[tauri::command(rename_all = "snake_case")]
pub async fn ready() -> u128 {
    let elapsed = crate::since_launch().as_millis();
    log::info!("ready in {elapsed} ms");
    elapsed
}
