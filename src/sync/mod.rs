//! The files two computers share to keep one record in step, through a folder the teacher picks (a
//! USB stick, or a folder a cloud client keeps in step). The folder holds the record's first full
//! copy and change files, never the live record: a cloud client copying a file SQLite is writing
//! would damage it. Each change file is named by the computer that wrote it and its sequence
//! number, written whole under a temporary name and renamed, and sealed: with an authenticated
//! cipher under a key drawn from the record's key when the record is protected, with a checksum
//! otherwise. A truncated, altered or foreign file is refused whole.
//!
//! This module knows the files only; `store::sync` makes and applies their changes.

mod file;
mod folder;

pub use file::{
    open as open_file, seal as seal_file, Body, Header, RemovedIds, RevivedRow, SqlValue, SyncKey,
    FORMAT_VERSION,
};
pub use folder::{
    change_file_name, first_copy_path, list_change_files, read_change_file, write_change_file,
    ChangeFileName, FIRST_COPY,
};
