//! Students: the class list, a student's page, add, edit, delete.

use rapport::model::{Id, Student, StudentDetails, StudentPage, StudentSummary};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_students(
    record: State<'_, Record>,
    class_id: Id,
) -> Result<Vec<StudentSummary>, CommandError> {
    record.run(move |store| store.students(class_id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn get_student(record: State<'_, Record>, id: Id) -> Result<StudentPage, CommandError> {
    record
        .run(move |store| store.student_page(id, crate::today()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_student(
    record: State<'_, Record>,
    details: StudentDetails,
) -> Result<Student, CommandError> {
    record.run(move |store| store.add_student(&details)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_student(
    record: State<'_, Record>,
    id: Id,
    details: StudentDetails,
) -> Result<Student, CommandError> {
    record
        .run(move |store| store.update_student(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_student(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_student(id)).await
}

/// Removes a child for good (no trash, no undo): every row about them and their trash entries.
/// Resolves with their name.
#[tauri::command]
pub async fn purge_student(record: State<'_, Record>, id: Id) -> Result<String, CommandError> {
    let name = record
        .run(move |store| store.purge_student(id, chrono::Utc::now()))
        .await?;
    log::info!("a student was removed for good");
    Ok(name)
}
