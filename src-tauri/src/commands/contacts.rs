//! The contact log, praise and positive calls, concerns.

use rapport::model::{
    Concern, ConcernDetails, Contact, ContactDetails, ContactLinks, Id, Praise, PraiseDetails,
};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

/// Logs a contact and, in the same transaction, settles the follow-up or concern it answers.
#[tauri::command(rename_all = "snake_case")]
pub async fn log_contact(
    record: State<'_, Record>,
    details: ContactDetails,
    links: Option<ContactLinks>,
) -> Result<Contact, CommandError> {
    record
        .run(move |store| store.log_contact(&details, &links.unwrap_or_default()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_contact(
    record: State<'_, Record>,
    id: Id,
    details: ContactDetails,
) -> Result<Contact, CommandError> {
    record
        .run(move |store| store.update_contact(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_contact(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_contact(id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_follow_up_done(
    record: State<'_, Record>,
    id: Id,
    done: bool,
) -> Result<Contact, CommandError> {
    record
        .run(move |store| store.set_follow_up_done(id, done))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_praise(
    record: State<'_, Record>,
    details: PraiseDetails,
) -> Result<Praise, CommandError> {
    record.run(move |store| store.add_praise(&details)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_praise_queued(
    record: State<'_, Record>,
    id: Id,
    queued: bool,
) -> Result<Praise, CommandError> {
    record
        .run(move |store| store.set_praise_queued(id, queued))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn record_praise_call(
    record: State<'_, Record>,
    praise_id: Id,
    call: ContactDetails,
) -> Result<Contact, CommandError> {
    record
        .run(move |store| store.record_praise_call(praise_id, &call))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_praise(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_praise(id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_concern(
    record: State<'_, Record>,
    details: ConcernDetails,
) -> Result<Concern, CommandError> {
    record.run(move |store| store.add_concern(&details)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_concern(
    record: State<'_, Record>,
    id: Id,
    details: ConcernDetails,
) -> Result<Concern, CommandError> {
    record
        .run(move |store| store.update_concern(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_concern(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_concern(id)).await
}
