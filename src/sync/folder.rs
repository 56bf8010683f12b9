//! The sync folder: the first full copy and every computer's change files, named
//! `<computer id>-<sequence, 8 digits>.rapport-changes`. Files being written by Rapport or by a
//! cloud client (temporary names, conflicted copies) are not change files and are left alone.

use std::path::{Path, PathBuf};

use super::file::{self, Body, Header, SyncKey, MAX_FILE_BYTES};
use crate::error::{Error, Result};
use crate::files::write_atomically;
use crate::model::Id;

/// The record's first full copy in the folder (with `.key` beside it when protected).
pub const FIRST_COPY: &str = "first-copy.rapport";
const EXTENSION: &str = ".rapport-changes";

pub fn first_copy_path(folder: &Path) -> PathBuf {
    folder.join(FIRST_COPY)
}

/// A change file's name, read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeFileName {
    pub computer: Id,
    pub seq: u64,
}

pub fn change_file_name(computer: Id, seq: u64) -> String {
    format!("{computer}-{seq:08}{EXTENSION}")
}

impl ChangeFileName {
    fn parse(name: &str) -> Option<ChangeFileName> {
        let stem = name.strip_suffix(EXTENSION)?;
        let (computer, seq) = stem.rsplit_once('-')?;
        if seq.len() < 8 || !seq.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(ChangeFileName {
            computer: computer.parse().ok()?,
            seq: seq.parse().ok()?,
        })
    }
}

/// Every change file in the folder, by computer and then sequence.
pub fn list_change_files(folder: &Path) -> Result<Vec<ChangeFileName>> {
    let entries = std::fs::read_dir(folder).map_err(|e| {
        Error::io(
            format!("Could not read the sync folder {}", folder.display()),
            e,
        )
    })?;
    let mut names: Vec<ChangeFileName> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| ChangeFileName::parse(&entry.file_name().to_string_lossy()))
        .collect();
    names.sort_by_key(|n| (n.computer, n.seq));
    Ok(names)
}

/// Writes a sealed change file into the folder under its name, all or nothing.
pub fn write_change_file(folder: &Path, header: &Header, sealed: &[u8]) -> Result<()> {
    write_atomically(
        &folder.join(change_file_name(header.computer, header.seq)),
        sealed,
    )
}

/// Reads and opens one change file, checking that it is what its name says.
pub fn read_change_file(
    folder: &Path,
    name: ChangeFileName,
    key: Option<&SyncKey>,
) -> Result<(Header, Body)> {
    let file_name = change_file_name(name.computer, name.seq);
    let path = folder.join(&file_name);
    let size = std::fs::metadata(&path)
        .map_err(|e| Error::io(format!("Could not read {}", path.display()), e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Error::BadFile(format!(
            "The change file {file_name} is too big to be a Rapport change file; nothing of it \
             was applied."
        )));
    }
    let bytes = std::fs::read(&path)
        .map_err(|e| Error::io(format!("Could not read {}", path.display()), e))?;
    let (header, body) = file::open(&bytes, &file_name, key)?;
    if header.computer != name.computer || header.seq != name.seq {
        return Err(Error::BadFile(format!(
            "The change file {file_name} holds another file's changes (it was renamed or copied \
             over); nothing of it was applied."
        )));
    }
    Ok((header, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_other_files_are_not_change_files() {
        let id = Id::new();
        let name = change_file_name(id, 42);
        assert_eq!(
            ChangeFileName::parse(&name),
            Some(ChangeFileName {
                computer: id,
                seq: 42
            })
        );
        for other in [
            format!(".{name}.123.partial"),
            format!("{id}-00000042 (conflicted copy){EXTENSION}"),
            format!("{id}-42{EXTENSION}"),
            FIRST_COPY.to_string(),
            "desktop.ini".into(),
        ] {
            assert_eq!(ChangeFileName::parse(&other), None, "{other}");
        }
    }
}
