//! Where the record lives on disk. The desktop app and the command line agree on one file, so a
//! teacher can back up or check with `rapport` the same record the window shows.

use std::path::{Path, PathBuf};

/// The app's identifier; the desktop shell's `tauri.conf.json` carries the same one (a test checks).
pub const APP_IDENTIFIER: &str = "org.rapport.desktop";

/// Overrides the data folder (tests, or a teacher who keeps Rapport on a USB stick).
pub const DATA_DIR_ENV: &str = "RAPPORT_DATA_DIR";

/// Overrides the database file itself (the command line's `--db`).
pub const DB_ENV: &str = "RAPPORT_DB";

/// The database's file name inside the data folder.
pub const DB_FILE_NAME: &str = "rapport.sqlite3";

/// The folder beside the record that holds its backups (and the removals ledger).
pub const BACKUP_DIR: &str = "backups";

/// The backups folder of the record at `db_path`.
pub fn backups_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(BACKUP_DIR)
}

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

/// Makes `dir` readable by its owner only, and with `files` the files directly in it too: for the
/// data folder (its own files are made owner-only as they are created) and the log folder, which
/// the log plugin may have made first with the usual permissions. On other systems than Unix the
/// user's own profile folders are private already.
pub fn make_private(dir: &Path, files: bool) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if !dir.is_dir() {
            return Ok(());
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        if files {
            for entry in std::fs::read_dir(dir)?.flatten() {
                if entry.file_type().is_ok_and(|t| t.is_file()) {
                    std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600))?;
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (dir, files);
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_folder_made_by_someone_else_becomes_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let logs = dir.path().join("logs");
        std::fs::create_dir(&logs).unwrap();
        std::fs::set_permissions(&logs, std::fs::Permissions::from_mode(0o755)).unwrap();
        let log = logs.join("rapport.log");
        std::fs::write(&log, "started").unwrap();
        std::fs::set_permissions(&log, std::fs::Permissions::from_mode(0o644)).unwrap();
        make_private(&logs, true).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!((mode(&logs), mode(&log)), (0o700, 0o600));
    }
}
