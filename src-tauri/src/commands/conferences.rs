//! Conference slots.

use rapport::model::{Conference, ConferenceDetails, Id, ScheduledConference};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_conferences(
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Vec<ScheduledConference>, CommandError> {
    record.run(move |store| store.conferences(class_id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_conference(
    record: State<'_, Record>,
    details: ConferenceDetails,
) -> Result<Conference, CommandError> {
    record
        .run(move |store| store.add_conference(&details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_conference(
    record: State<'_, Record>,
    id: Id,
    details: ConferenceDetails,
) -> Result<Conference, CommandError> {
    record
        .run(move |store| store.update_conference(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_conference(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_conference(id)).await
}
