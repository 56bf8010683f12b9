//! Writing files so that a failure never leaves a half-written file where a good one was: write a
//! temporary file beside the target, flush it to disk, rename it over the target, then flush the
//! folder. Used for every file Rapport produces (exports now; PDFs and backups later).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Replaces `path` with `bytes`, all or nothing. The file is readable by its owner only.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| {
            Error::io(
                format!("{} is not a file name", path.display()),
                std::io::ErrorKind::InvalidInput.into(),
            )
        })?
        .to_string_lossy()
        .into_owned();
    let temp = folder.join(format!(".{name}.{}.partial", std::process::id()));
    let written = (|| -> std::io::Result<()> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)?;
        #[cfg(unix)]
        std::fs::File::open(folder)?.sync_all()?;
        Ok(())
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        Error::io(format!("Could not write {}", path.display()), e)
    })
}

/// Creates `dir` (and its parents) readable by its owner only, when it does not exist yet.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| Error::io(format!("Could not create the folder {}", dir.display()), e))?;
    }
    Ok(())
}

/// Removes the copies a backup leaves while it is being written (`.staged-…`, `….partial`) from
/// `dir`: those older than `older_than` (a crash left them), or all of them. They hold the whole
/// record, so a child removed for good must not outlive the purge in one of them.
pub fn sweep_partial_copies(dir: &Path, older_than: Option<chrono::Duration>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let partial = (name.starts_with(".staged-") && name.ends_with(".sqlite3"))
            || (name.starts_with('.') && name.ends_with(".partial"));
        let old_enough = match older_than {
            None => true,
            Some(age) => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| now.duration_since(modified).ok())
                .is_some_and(|elapsed| elapsed.as_secs() >= age.num_seconds().max(0) as u64),
        };
        if partial && old_enough {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        write_atomically(&path, b"good").unwrap();
        // A folder where the temporary file would go makes the write fail.
        std::fs::create_dir(
            dir.path()
                .join(format!(".record.json.{}.partial", std::process::id())),
        )
        .unwrap();
        let error = write_atomically(&path, b"bad").unwrap_err();
        assert_eq!(error.code(), "io");
        assert_eq!(std::fs::read(&path).unwrap(), b"good");
    }
}
