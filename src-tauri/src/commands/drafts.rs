//! Drafts of unsaved forms: kept as the teacher types, given back when the form opens again.

use std::collections::BTreeMap;

use rapport::model::Id;
use rapport::store::Draft;
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

#[tauri::command(rename_all = "snake_case")]
pub async fn save_draft(
    record: State<'_, Record>,
    form: String,
    student_id: Id,
    fields: BTreeMap<String, String>,
) -> Result<(), CommandError> {
    record
        .run(move |store| store.save_draft(&form, student_id, &fields))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_draft(
    record: State<'_, Record>,
    form: String,
) -> Result<Option<Draft>, CommandError> {
    record.run(move |store| store.draft(&form)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn discard_draft(record: State<'_, Record>, form: String) -> Result<(), CommandError> {
    record.run(move |store| store.discard_draft(&form)).await
}
