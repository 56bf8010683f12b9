//! Settings and classes.

use rapport::model::{Class, ClassDetails, Id, Settings};
use rapport::{demo, insights};
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_settings(
    record: State<'_, Record>,
    settings: Settings,
) -> Result<Settings, CommandError> {
    record
        .run(move |store| store.save_settings(&settings))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_class(
    record: State<'_, Record>,
    details: ClassDetails,
) -> Result<Class, CommandError> {
    record
        .run(move |store| store.start_class(&details, today()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn update_class(
    record: State<'_, Record>,
    id: Id,
    details: ClassDetails,
) -> Result<Class, CommandError> {
    record
        .run(move |store| store.update_class(id, &details))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn load_demo(record: State<'_, Record>) -> Result<demo::DemoSummary, CommandError> {
    record
        .run(|store| demo::load_demo_class(store, today()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_overview(
    record: State<'_, Record>,
    class_id: Id,
) -> Result<insights::ClassOverview, CommandError> {
    record
        .run(move |store| Ok(insights::class_overview(&store.class_records(class_id)?)))
        .await
}
