//! Settings and classes.

use rapport::model::{Class, ClassDetails, Id, Settings};
use rapport::{demo, insights};
use tauri::State;

use crate::error::CommandError;
use crate::first_screen::FirstScreen;
use crate::state::Record;

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
        .run(move |store| store.start_class(&details, crate::today()))
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

/// Archives a class at the end of its year (read-only, still printable), or reopens it.
#[tauri::command(rename_all = "snake_case")]
pub async fn archive_class(
    record: State<'_, Record>,
    id: Id,
    archived: bool,
) -> Result<Class, CommandError> {
    record
        .run(move |store| store.archive_class(id, archived))
        .await
}

/// Starts the next school year from a class: a new class with the chosen children carried over
/// (same guardians), the old class archived. The new class becomes the current one.
#[tauri::command(rename_all = "snake_case")]
pub async fn start_new_year(
    record: State<'_, Record>,
    from_class_id: Id,
    details: ClassDetails,
    carry: Vec<Id>,
) -> Result<Class, CommandError> {
    record
        .run(move |store| store.start_new_year(from_class_id, &details, &carry, crate::today()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn load_demo(record: State<'_, Record>) -> Result<demo::DemoSummary, CommandError> {
    record
        .run(|store| demo::load_demo_class(store, crate::today()))
        .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_overview(
    record: State<'_, Record>,
    first: State<'_, FirstScreen>,
    class_id: Id,
) -> Result<insights::ClassOverview, CommandError> {
    let first = first.inner().clone();
    record
        .run(
            move |store| match first.overview(store, class_id, crate::today()) {
                Some(overview) => Ok(overview),
                None => Ok(insights::class_overview(&store.class_records(class_id)?)),
            },
        )
        .await
}

/// Everything the Today screen lists for a class, as of today.
#[tauri::command(rename_all = "snake_case")]
pub async fn today(
    record: State<'_, Record>,
    first: State<'_, FirstScreen>,
    class_id: Id,
) -> Result<insights::TodayReport, CommandError> {
    let first = first.inner().clone();
    record
        .run(move |store| {
            let date = crate::today();
            match first.today(store, class_id, date) {
                Some(report) => Ok(report),
                None => rapport::uses::today(store, Some(class_id), date),
            }
        })
        .await
}
