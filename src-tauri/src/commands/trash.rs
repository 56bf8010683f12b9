//! The trash: what was deleted in the last 30 days, and undo.

use rapport::model::Id;
use rapport::store::trash::{Restored, TrashItem};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_trash(record: State<'_, Record>) -> Result<Vec<TrashItem>, CommandError> {
    record.run(|store| store.trash()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn restore_from_trash(
    record: State<'_, Record>,
    id: Id,
) -> Result<Restored, CommandError> {
    record.run(move |store| store.restore(id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn empty_trash(record: State<'_, Record>) -> Result<usize, CommandError> {
    record.run(|store| store.empty_trash()).await
}
