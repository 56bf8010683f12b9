//! Search across everything, from the sidebar box and Ctrl+K.

use rapport::store::search::SearchHit;
use tauri::State;

use crate::error::CommandError;
use crate::state::Record;

/// The most results a search returns.
const MOST: usize = 50;

/// What matches every word of `query`: children and guardians first, then everything else,
/// newest first; at most `limit` (50 at most).
#[tauri::command(rename_all = "snake_case")]
pub async fn search(
    record: State<'_, Record>,
    query: String,
    limit: Option<usize>,
) -> Result<Vec<SearchHit>, CommandError> {
    let limit = limit.unwrap_or(20).min(MOST);
    record.run(move |store| store.search(&query, limit)).await
}
