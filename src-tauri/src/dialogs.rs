//! Every file dialog the window opens, in one place, with the one seam the tests use: when
//! `RAPPORT_SAVE_DIR` names a folder, no dialog opens. A file to save goes into that folder under
//! the name the dialog would have proposed, and a file (or folder) to open is the newest one there
//! of the kinds asked for. Nothing else in the shell knows the seam exists.
//!
//! The functions block until the teacher answers: call them from `spawn_blocking`.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

/// How files are chosen: by asking the teacher, or (tests, scripted use) in one folder.
pub enum FileDialogs {
    Ask,
    Folder(PathBuf),
}

/// A kind of file a dialog offers, by the extensions it filters on.
#[derive(Clone, Copy)]
pub struct FileKind {
    pub label: &'static str,
    pub extensions: &'static [&'static str],
}

pub const PDF: FileKind = FileKind {
    label: "PDF document",
    extensions: &["pdf"],
};
pub const BACKUP: FileKind = FileKind {
    label: "Rapport backup",
    extensions: &["sqlite3", "db"],
};
pub const ROSTER: FileKind = FileKind {
    label: "Class roster",
    extensions: &["csv", "zip", "txt"],
};
pub const CALENDAR: FileKind = FileKind {
    label: "Calendar (iCalendar)",
    extensions: &["ics"],
};
/// A sync folder (folders only: no file filter applies).
pub const SYNC_FOLDER: FileKind = FileKind {
    label: "Sync folder",
    extensions: &[],
};
pub const HANDOFF: FileKind = FileKind {
    label: "Rapport handoff",
    extensions: &["rapport-handoff"],
};
pub const LANGUAGE_PACK: FileKind = FileKind {
    label: "Rapport language pack",
    extensions: &["toml"],
};
pub const CSV: FileKind = FileKind {
    label: "CSV",
    extensions: &["csv"],
};

impl FileDialogs {
    /// Dialogs, unless RAPPORT_SAVE_DIR names a folder.
    pub fn from_env() -> Self {
        match std::env::var_os("RAPPORT_SAVE_DIR").filter(|d| !d.is_empty()) {
            Some(folder) => Self::Folder(folder.into()),
            None => Self::Ask,
        }
    }

    /// Whether a written file should be opened for the teacher (not in the tests' folder).
    pub fn opens_what_it_writes(&self) -> bool {
        matches!(self, Self::Ask)
    }
}

/// Where to save a file proposed as `file_name`; `None` when the teacher cancels.
pub fn save_as<R: Runtime>(app: &AppHandle<R>, file_name: &str, kind: FileKind) -> Option<PathBuf> {
    match app.state::<FileDialogs>().inner() {
        FileDialogs::Folder(folder) => Some(folder.join(file_name)),
        FileDialogs::Ask => app
            .dialog()
            .file()
            .set_file_name(file_name)
            .add_filter(kind.label, kind.extensions)
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// A file of `kind` to read, or with `folder` a folder; `None` when the teacher cancels. In the
/// tests' folder: the newest file of that kind there (or the newest folder, when folders are
/// asked for).
pub fn open<R: Runtime>(app: &AppHandle<R>, kind: FileKind, folder: bool) -> Option<PathBuf> {
    match app.state::<FileDialogs>().inner() {
        FileDialogs::Folder(dir) => newest(dir, kind, folder),
        FileDialogs::Ask if folder => app
            .dialog()
            .file()
            .blocking_pick_folder()
            .and_then(|p| p.into_path().ok()),
        FileDialogs::Ask => app
            .dialog()
            .file()
            .add_filter(kind.label, kind.extensions)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()),
    }
}

/// The newest entry of `dir` that is a file of `kind` (or, with `folders`, also a folder).
fn newest(dir: &Path, kind: FileKind, folders: bool) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            (folders && path.is_dir())
                || path
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| kind.extensions.contains(&x))
        })
        .max_by_key(|path| path.metadata().and_then(|m| m.modified()).ok())
}
