//! Importing a class roster from the window: the teacher picks a file (a CSV, a OneRoster .zip)
//! or a OneRoster folder, sees a preview (what would be added, updated and left as it is, or every
//! problem by file, row and column), and then imports it. The chosen path stays in Rust; the page
//! never names a file.

use std::path::PathBuf;
use std::sync::Mutex;

use rapport::roster::{self, Roster, RosterReport};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::Record;

/// The roster file the teacher chose, waiting for its preview and import, and the roster the
/// preview read (for the class asked for): the import writes what the preview showed, even if the
/// file is saved again in between.
#[derive(Default)]
pub struct PendingRoster(Mutex<Pending>);

#[derive(Default)]
struct Pending {
    path: Option<PathBuf>,
    previewed: Option<(Option<String>, Roster)>,
}

impl PendingRoster {
    fn lock(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn path(&self) -> Result<PathBuf, CommandError> {
        self.lock()
            .path
            .clone()
            .ok_or_else(|| CommandError::from(rapport::Error::NotFound("The roster file")))
    }

    /// The roster the last preview read for `class`, if there was one.
    fn previewed(&self, class: &Option<String>) -> Option<Roster> {
        match &self.lock().previewed {
            Some((for_class, roster)) if for_class == class => Some(roster.clone()),
            _ => None,
        }
    }
}

/// The file the teacher chose.
#[derive(Debug, Serialize)]
pub struct ChosenRoster {
    pub file_name: String,
    /// OneRoster: the export's classes as (sourcedId, title), to choose from.
    pub oneroster_classes: Vec<(String, String)>,
}

/// Asks for a roster: a file (CSV or .zip), or with `folder` a OneRoster folder. `null` when the
/// teacher cancels.
#[tauri::command]
pub async fn choose_roster<R: Runtime>(
    app: AppHandle<R>,
    pending: State<'_, PendingRoster>,
    folder: bool,
) -> Result<Option<ChosenRoster>, CommandError> {
    let chosen =
        tauri::async_runtime::spawn_blocking(move || dialogs::open(&app, dialogs::ROSTER, folder))
            .await
            .map_err(|_| CommandError::internal())?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let is_oneroster = path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    let oneroster_classes = if is_oneroster {
        roster::oneroster::classes(&path)?
    } else {
        Vec::new()
    };
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    *pending.lock() = Pending {
        path: Some(path),
        previewed: None,
    };
    Ok(Some(ChosenRoster {
        file_name,
        oneroster_classes,
    }))
}

/// Previews (`dry_run`) or imports the chosen roster. `class`: the OneRoster class to take (title
/// or sourcedId), or for a CSV the class to fill (default: the current class).
#[tauri::command(rename_all = "snake_case")]
pub async fn import_roster(
    record: State<'_, Record>,
    pending: State<'_, PendingRoster>,
    class: Option<String>,
    dry_run: bool,
) -> Result<RosterReport, CommandError> {
    let path = pending.path()?;
    let previewed = if dry_run {
        pending.lock().previewed = None;
        None
    } else {
        pending.previewed(&class)
    };
    let asked = class.clone();
    let (report, roster) = record
        .run(move |store| {
            let roster = match previewed {
                Some(roster) => roster,
                None => roster::read(&path, class.as_deref())?,
            };
            let report = rapport::uses::import_roster(
                store,
                &roster,
                class.as_deref(),
                crate::today(),
                dry_run,
            )?;
            Ok((report, roster))
        })
        .await?;
    pending.lock().previewed = dry_run.then_some((asked, roster));
    if !dry_run {
        log::info!(
            "a roster was imported: {} added, {} updated",
            report.added.len(),
            report.updated.len()
        );
    }
    Ok(report)
}

/// Saves the roster CSV template where the teacher picks. `null` when they cancel.
#[tauri::command]
pub async fn save_roster_template<R: Runtime>(
    app: AppHandle<R>,
) -> Result<Option<String>, CommandError> {
    tauri::async_runtime::spawn_blocking(move || {
        let path = dialogs::save_as(&app, "Rapport roster template.csv", dialogs::CSV);
        match path {
            Some(path) => {
                rapport::files::write_atomically(&path, roster::TEMPLATE.as_bytes())?;
                Ok(Some(path.display().to_string()))
            }
            None => Ok(None),
        }
    })
    .await
    .map_err(|_| CommandError::internal())?
    .map_err(|e: rapport::Error| CommandError::from(e))
}
