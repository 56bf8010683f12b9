//! The question bank and the families' answers.

use rapport::model::{Answer, AnswerDetails, Id, Question, QuestionDetails};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

#[tauri::command(rename_all = "snake_case")]
pub async fn list_questions(
    record: State<'_, Record>,
    include_retired: bool,
) -> Result<Vec<Question>, CommandError> {
    record
        .run(move |store| store.questions(include_retired))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_question(
    record: State<'_, Record>,
    details: QuestionDetails,
) -> Result<Question, CommandError> {
    record.run(move |store| store.add_question(&details)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_question(
    record: State<'_, Record>,
    id: Id,
    details: QuestionDetails,
) -> Result<Question, CommandError> {
    record
        .run(move |store| store.update_question(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_question_retired(
    record: State<'_, Record>,
    id: Id,
    retired: bool,
) -> Result<Question, CommandError> {
    record
        .run(move |store| store.set_question_retired(id, retired))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn reorder_questions(
    record: State<'_, Record>,
    order: Vec<Id>,
) -> Result<Vec<Question>, CommandError> {
    record
        .run(move |store| store.reorder_questions(&order))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_answer(
    record: State<'_, Record>,
    details: AnswerDetails,
) -> Result<Answer, CommandError> {
    record.run(move |store| store.add_answer(&details)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_answer(
    record: State<'_, Record>,
    id: Id,
    details: AnswerDetails,
) -> Result<Answer, CommandError> {
    record
        .run(move |store| store.update_answer(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_answer(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_answer(id)).await
}
