//! Where the record lives on disk. The desktop app and the command line agree on one file, so a
//! teacher can back up or check with `rapport` the same record the window shows.

use std::path::PathBuf;

/// The app's identifier; the desktop shell's `tauri.conf.json` carries the same one (a test checks).
pub const APP_IDENTIFIER: &str = "org.rapport.desktop";

/// Overrides the data folder (tests, or a teacher who keeps Rapport on a USB stick).
pub const DATA_DIR_ENV: &str = "RAPPORT_DATA_DIR";

/// Overrides the database file itself (the command line's `--db`).
pub const DB_ENV: &str = "RAPPORT_DB";

/// The database's file name inside the data folder.
pub const DB_FILE_NAME: &str = "rapport.sqlite3";

/// The data folder chosen with `$RAPPORT_DATA_DIR`, if any.
pub fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// The data folder: `$RAPPORT_DATA_DIR`, or the platform's local user data folder joined with the
/// app identifier (what Tauri calls `app_local_data_dir`: `~/.local/share/org.rapport.desktop` on
/// Linux, `%LOCALAPPDATA%\org.rapport.desktop` on Windows). Never the roaming folder: Windows
/// copies that between computers at sign-in, and a live SQLite file must not travel that way.
pub fn data_dir() -> Option<PathBuf> {
    data_dir_override().or_else(|| dirs::data_local_dir().map(|d| d.join(APP_IDENTIFIER)))
}

/// The database file the desktop app uses.
pub fn default_db_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join(DB_FILE_NAME))
}
