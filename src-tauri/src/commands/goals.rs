//! SMART goals, check-ins and learning at home.

use rapport::model::{
    CheckIn, CheckInDetails, Goal, GoalDetails, HomeActivity, HomeActivityDetails, Id,
};
use rapport::smart::{self, SmartHint};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

/// The SMART check as the teacher types: pure, no record needed.
#[tauri::command(rename_all = "snake_case")]
pub async fn smart_check(details: GoalDetails) -> Vec<SmartHint> {
    smart::check(&details, crate::today())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_goal(
    record: State<'_, Record>,
    details: GoalDetails,
) -> Result<Goal, CommandError> {
    record.run(move |store| store.add_goal(&details)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_goal(
    record: State<'_, Record>,
    id: Id,
    details: GoalDetails,
) -> Result<Goal, CommandError> {
    record
        .run(move |store| store.update_goal(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_goal(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_goal(id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_check_in(
    record: State<'_, Record>,
    details: CheckInDetails,
) -> Result<CheckIn, CommandError> {
    record.run(move |store| store.add_check_in(&details)).await
}

/// Corrects a check-in's date, value or note.
#[tauri::command(rename_all = "snake_case")]
pub async fn update_check_in(
    record: State<'_, Record>,
    id: Id,
    details: CheckInDetails,
) -> Result<CheckIn, CommandError> {
    record
        .run(move |store| store.update_check_in(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_check_in(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record.run(move |store| store.delete_check_in(id)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_home_activity(
    record: State<'_, Record>,
    details: HomeActivityDetails,
) -> Result<HomeActivity, CommandError> {
    record
        .run(move |store| store.add_home_activity(&details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_home_activity(record: State<'_, Record>, id: Id) -> Result<Id, CommandError> {
    record
        .run(move |store| store.delete_home_activity(id))
        .await
}
