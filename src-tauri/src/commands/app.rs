//! The app itself: what the window needs to start, and the "ready" signal of the first render.

use rapport::languages::{Language, LANGUAGES};
use rapport::model::{
    Aim, Class, ContactKind, ContactMethod, GoalArea, GoalStatus, Initiator, PraiseCategory,
    QuestionTopic, SchoolYear, Settings,
};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::error::CommandError;
use crate::first_screen::FirstScreen;
use crate::state::Record;

/// A closed list of choices for a form: the stored word and what the teacher reads.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

macro_rules! choices {
    ($kind:ty) => {
        <$kind>::ALL
            .iter()
            .map(|c| Choice {
                value: c.as_str(),
                label: c.label(),
            })
            .collect::<Vec<_>>()
    };
}

/// Every list the forms choose from, from the one place in the core that holds each.
#[derive(Debug, Serialize)]
pub struct Choices {
    pub contact_methods: Vec<Choice>,
    pub contact_kinds: Vec<Choice>,
    pub initiators: Vec<Choice>,
    pub praise_categories: Vec<Choice>,
    pub goal_areas: Vec<Choice>,
    pub goal_statuses: Vec<Choice>,
    pub aims: Vec<Choice>,
    pub question_topics: Vec<Choice>,
    pub causes: &'static [rapport::causes::Cause],
}

#[derive(Debug, Serialize)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Set when the record could not be opened; the window shows it instead of the app.
    pub open_error: Option<CommandError>,
    pub settings: Settings,
    pub classes: Vec<Class>,
    pub school_years: Vec<SchoolYear>,
    pub languages: &'static [Language],
    pub contact_methods: Vec<Choice>,
    pub choices: Choices,
    /// Today's date on this computer (YYYY-MM-DD), the default for every date field.
    pub today: chrono::NaiveDate,
    /// The longest texts the record takes, for the counters near a limit.
    pub limits: rapport::validate::Limits,
    /// How many days a deleted record can be restored from Recently deleted.
    pub trash_days: i64,
    /// Whether the record is protected by a passphrase (the window can lock).
    pub protected: bool,
    /// The shortest passphrase the core accepts.
    pub passphrase_min_chars: usize,
    /// Seconds without a key or a click before a protected record locks: the teacher's setting,
    /// unless the tests shorten it (`RAPPORT_IDLE_LOCK_SECONDS`, their one seam for the app lock).
    pub idle_lock_seconds: u64,
}

/// The tests' seam for the idle lock: a few seconds instead of minutes.
fn idle_lock_seconds(settings: &Settings) -> u64 {
    std::env::var("RAPPORT_IDLE_LOCK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(u64::from(settings.lock_minutes) * 60)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn app_info<R: Runtime>(
    app: AppHandle<R>,
    record: State<'_, Record>,
) -> Result<AppInfo, CommandError> {
    let (settings, classes, school_years, protected) = match record.open_error() {
        Some(_) => (
            Settings::default(),
            Vec::new(),
            Vec::new(),
            record.is_locked(),
        ),
        None => {
            record
                .run(|store| {
                    Ok((
                        store.settings()?,
                        store.classes()?,
                        store.school_years()?,
                        store.is_protected(),
                    ))
                })
                .await?
        }
    };
    Ok(AppInfo {
        protected,
        passphrase_min_chars: rapport::protect::PASSPHRASE_MIN_CHARS,
        idle_lock_seconds: idle_lock_seconds(&settings),
        version: app.package_info().version.to_string(),
        db_path: record.db_path.display().to_string(),
        open_error: record.open_error(),
        settings,
        classes,
        school_years,
        languages: LANGUAGES,
        limits: rapport::validate::LIMITS,
        trash_days: rapport::store::trash::KEEP_DAYS,
        contact_methods: choices!(ContactMethod),
        choices: Choices {
            contact_methods: choices!(ContactMethod),
            contact_kinds: choices!(ContactKind),
            initiators: choices!(Initiator),
            praise_categories: choices!(PraiseCategory),
            goal_areas: choices!(GoalArea),
            goal_statuses: choices!(GoalStatus),
            aims: choices!(Aim),
            question_topics: choices!(QuestionTopic),
            causes: rapport::causes::CAUSES,
        },
        today: crate::today(),
    })
}

/// When, in the page's own clock (ms since it began loading), its script started and its first
/// screen was drawn.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
pub struct PageTimes {
    pub script_ms: u64,
    pub screen_ms: u64,
}

/// Called once by the page when its first screen shows real data; logs and returns the time since
/// the process started, in milliseconds (with the page's own timings, where start-up goes).
#[tauri::command(rename_all = "snake_case")]
pub async fn ready<R: Runtime>(app: AppHandle<R>, page: Option<PageTimes>) -> u128 {
    let elapsed = crate::since_launch().as_millis();
    app.state::<FirstScreen>().forget();
    match page {
        Some(page) => log::info!(
            "ready in {elapsed} ms (the page began loading at {} ms; its script started {} ms \
             later and its first screen {} ms after that)",
            elapsed.saturating_sub(u128::from(page.screen_ms)),
            page.script_ms,
            page.screen_ms.saturating_sub(page.script_ms)
        ),
        None => log::info!("ready in {elapsed} ms"),
    }
    crate::first_screen_shown();
    elapsed
}

/// Tries again to open a record that another Rapport window had open (the teacher closed it).
/// `true` once it is open here: the window then starts again.
#[tauri::command]
pub async fn open_again(record: State<'_, Record>) -> Result<bool, CommandError> {
    record.open_again().await
}
