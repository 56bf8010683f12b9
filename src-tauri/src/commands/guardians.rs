//! Guardians and their links to students.

use rapport::model::{Guardian, GuardianDetails, GuardianLink, GuardianWithStudents, Id};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_guardians(
    record: State<'_, Record>,
) -> Result<Vec<GuardianWithStudents>, CommandError> {
    record.run(|store| store.all_guardians()).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_guardian(
    record: State<'_, Record>,
    student_id: Id,
    details: GuardianDetails,
    link: GuardianLink,
) -> Result<Guardian, CommandError> {
    record
        .run(move |store| store.add_guardian(student_id, &details, link))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_guardian(
    record: State<'_, Record>,
    id: Id,
    details: GuardianDetails,
) -> Result<Guardian, CommandError> {
    record
        .run(move |store| store.update_guardian(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn link_guardian(
    record: State<'_, Record>,
    student_id: Id,
    guardian_id: Id,
    link: GuardianLink,
) -> Result<(), CommandError> {
    record
        .run(move |store| store.link_guardian(student_id, guardian_id, link))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_guardian_link(
    record: State<'_, Record>,
    student_id: Id,
    guardian_id: Id,
    link: GuardianLink,
) -> Result<(), CommandError> {
    record
        .run(move |store| store.set_guardian_link(student_id, guardian_id, link))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn unlink_guardian(
    record: State<'_, Record>,
    student_id: Id,
    guardian_id: Id,
) -> Result<(), CommandError> {
    record
        .run(move |store| store.unlink_guardian(student_id, guardian_id))
        .await
}
