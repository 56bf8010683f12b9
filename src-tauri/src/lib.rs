//! Rapport's desktop shell: a Tauri window onto the `rapport` core. It opens the record, registers
//! the commands the page may call, and wires the plugins (single instance, window state, dialogs,
//! opener, a log file). No rules of the record live here.

pub mod commands;
pub mod dialogs;
pub mod error;
pub mod first_screen;
pub mod state;

#[cfg(test)]
mod tests;

use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use rapport::paths;
use tauri::webview::PageLoadEvent;
use tauri::{Builder, Manager, Runtime};
use tauri_plugin_log::{Target, TargetKind};
use tauri_plugin_window_state::StateFlags;

use crate::state::Record;

static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// Time since the process started (since the first call, if `run` was not used).
pub(crate) fn since_launch() -> Duration {
    LAUNCHED.get_or_init(Instant::now).elapsed()
}

/// Whether the page has shown its first screen: work that can wait (the start-up backup) waits
/// for it, so that it does not take a core from the window while it starts.
static FIRST_SCREEN: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// The page shows its first screen.
pub(crate) fn first_screen_shown() {
    let (shown, signal) = &FIRST_SCREEN;
    *shown.lock().unwrap_or_else(|p| p.into_inner()) = true;
    signal.notify_all();
}

/// Blocks until the page has shown its first screen, or `at_most` has passed.
fn wait_for_first_screen(at_most: Duration) {
    let (shown, signal) = &FIRST_SCREEN;
    let guard = shown.lock().unwrap_or_else(|p| p.into_inner());
    let _ = signal.wait_timeout_while(guard, at_most, |shown| !*shown);
}

/// Today's date on this computer: the default for new records and the "today" of every rule.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Registers every command of `commands::names::COMMANDS` (shared by the app and its tests).
pub fn with_commands<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    use commands::*;
    builder
        .manage(commands::roster::PendingRoster::default())
        .manage(commands::backups::PendingCopy::default())
        .manage(commands::sync::PendingFolder::default())
        .manage(commands::handoff::PendingHandoff::default())
        .manage(commands::languages::PendingPack::default())
        .manage(first_screen::FirstScreen::default())
        .invoke_handler(tauri::generate_handler![
            app::app_info,
            app::ready,
            app::open_again,
            classes::save_settings,
            classes::create_class,
            classes::update_class,
            classes::load_demo,
            classes::class_overview,
            students::list_students,
            students::get_student,
            students::create_student,
            students::update_student,
            students::delete_student,
            guardians::list_guardians,
            guardians::add_guardian,
            guardians::update_guardian,
            guardians::link_guardian,
            guardians::set_guardian_link,
            guardians::unlink_guardian,
            classes::today,
            family::list_questions,
            family::add_question,
            family::update_question,
            family::set_question_retired,
            family::reorder_questions,
            family::add_answer,
            family::update_answer,
            family::delete_answer,
            goals::smart_check,
            goals::add_goal,
            goals::update_goal,
            goals::delete_goal,
            goals::add_check_in,
            goals::update_check_in,
            goals::delete_check_in,
            goals::add_home_activity,
            goals::delete_home_activity,
            contacts::log_contact,
            contacts::update_contact,
            contacts::delete_contact,
            contacts::set_follow_up_done,
            contacts::add_praise,
            contacts::set_praise_queued,
            contacts::record_praise_call,
            contacts::delete_praise,
            contacts::add_concern,
            contacts::update_concern,
            contacts::delete_concern,
            trash::list_trash,
            trash::restore_from_trash,
            trash::empty_trash,
            conferences::list_conferences,
            conferences::add_conference,
            conferences::update_conference,
            conferences::delete_conference,
            printing::print_questionnaire,
            printing::print_packet,
            printing::print_class_packets,
            printing::print_letter,
            printing::print_class_letters,
            printing::print_schedule,
            printing::print_good_news,
            printing::print_class_good_news,
            printing::letter_languages,
            printing::letter_template,
            printing::save_letter_template,
            backups::list_backups,
            backups::back_up_now,
            backups::restore_backup,
            backups::restore_from_file,
            backups::delete_backup,
            roster::choose_roster,
            roster::import_roster,
            roster::save_roster_template,
            classes::archive_class,
            classes::start_new_year,
            students::purge_student,
            drafts::save_draft,
            drafts::get_draft,
            drafts::discard_draft,
            protection::unlock,
            protection::unlock_with_recovery_key,
            protection::lock_now,
            protection::protect_record,
            protection::save_recovery_sheet,
            protection::change_passphrase,
            protection::unprotect_record,
            backups::restore_protected_file,
            sync::sync_status,
            sync::sync_now,
            sync::start_sync,
            sync::stop_sync,
            sync::pick_sync_folder,
            sync::open_from_sync_folder,
            sync::sync_conflicts,
            sync::settle_sync_conflict,
            calendar::calendar_settings,
            calendar::set_calendar_names,
            calendar::export_calendar,
            calendar::keep_calendar_file,
            calendar::stop_calendar_file,
            calendar::refresh_calendar_file,
            reports::save_contact_log,
            search::search,
            handoff::save_handoff,
            handoff::choose_handoff,
            handoff::receive_handoff,
            languages::family_languages,
            languages::family_language,
            languages::save_translation,
            languages::export_language_pack,
            languages::choose_language_pack,
            languages::import_language_pack,
        ])
}

/// The log file's folder: the app's log folder, or `logs/` beside a record chosen with
/// RAPPORT_DATA_DIR, so a record on a USB stick keeps its log with it.
fn log_target() -> TargetKind {
    let file_name = Some("rapport".to_string());
    match paths::data_dir_override() {
        Some(dir) => TargetKind::Folder {
            path: dir.join("logs"),
            file_name,
        },
        None => TargetKind::LogDir { file_name },
    }
}

/// WebKitGTK draws Rapport's pages without its accelerated compositing and without its DMA-BUF
/// renderer, unless the user's environment says otherwise for either. Rapport's screens are forms
/// and lists, with no 3D transforms, video or canvas to accelerate: compositing costs a GL context
/// and its buffers in the web process, and the DMA-BUF renderer (used only for compositing) an EGL
/// display set up in the app's own process before the first page. Measured on the large record
/// under Xvfb (`scripts/bench-startup.sh`, median of 5 launches): compositing off, the app with
/// its WebKit processes holds 419 MB instead of 519 MB (RSS summed; PSS 256 instead of 347) and
/// the first screen is ready in 664 ms instead of 806 ms; the DMA-BUF renderer off too, about
/// 50 ms sooner again (median of 8 launches, four runs).
#[cfg(target_os = "linux")]
fn draw_without_compositing() {
    // Before any thread is started: the environment is only read from here on.
    for setting in [
        "WEBKIT_DISABLE_COMPOSITING_MODE",
        "WEBKIT_DISABLE_DMABUF_RENDERER",
    ] {
        if std::env::var_os(setting).is_none() {
            std::env::set_var(setting, "1");
        }
    }
}

/// The window starts hidden and shows once its page has loaded (or after `SHOW_AT_THE_LATEST`).
/// Shown from the start, its first paint could come before WebKit's page had begun to load: the
/// app's main thread, which serves the page its files, then sat in a wait that ends after 500 ms
/// (perf's scheduler events), and the page began loading that much later. On the large record
/// with a session bus, as on a desktop, that was 3 launches in 7 (ready in 830-870 ms instead of
/// 330-360); none in 36 since. Hidden until it has loaded, the window never shows empty either.
fn show_when_loaded<R: Runtime>(window: &tauri::Window<R>) {
    if !window.is_visible().unwrap_or(false) {
        if let Err(error) = window.show() {
            log::warn!("the window could not be shown: {error}");
        }
    }
}

const SHOW_AT_THE_LATEST: Duration = Duration::from_secs(3);

/// Starts the desktop app.
pub fn run() {
    LAUNCHED.get_or_init(Instant::now);
    #[cfg(target_os = "linux")]
    draw_without_compositing();
    let mut builder = tauri::Builder::default();
    // One window per record: a second launch on the default record focuses the first. A record
    // chosen with RAPPORT_DATA_DIR (tests, a USB stick) is a different record and may run beside it.
    if paths::data_dir_override().is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    }
    let builder = builder
        .plugin(
            tauri_plugin_log::Builder::new()
                .targets([Target::new(log_target()), Target::new(TargetKind::Stderr)])
                // Our own messages name codes and counts, never children; keep the libraries'
                // chatter (which could echo a request) out of the file.
                .level(log::LevelFilter::Info)
                .level_for("tauri", log::LevelFilter::Warn)
                .level_for("wry", log::LevelFilter::Warn)
                .level_for("tao", log::LevelFilter::Warn)
                .build(),
        )
        // The window's size and place are kept between launches; whether it shows is not (see
        // `show_when_loaded`).
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::all() - StateFlags::VISIBLE)
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init());
    with_commands(builder)
        .on_page_load(|webview, payload| {
            if payload.event() == PageLoadEvent::Finished {
                show_when_loaded(&webview.window());
            }
        })
        .setup(|app| {
            let db_path = match paths::default_db_path() {
                Some(path) => path,
                None => app.path().app_local_data_dir()?.join(paths::DB_FILE_NAME),
            };
            // The log plugin may have made the data and log folders first, readable by others.
            let log_dir = match paths::data_dir_override() {
                Some(dir) => dir.join("logs"),
                None => app.path().app_log_dir()?,
            };
            let folders = [(db_path.parent(), false), (Some(log_dir.as_path()), true)];
            for (dir, files) in folders {
                if let Err(error) = dir.map_or(Ok(()), |dir| paths::make_private(dir, files)) {
                    log::warn!("a folder could not be made private: {}", error.kind());
                }
            }
            app.manage(Record::open(db_path));
            // Today's answers are worked out while WebKit starts the page.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let ahead = handle.state::<first_screen::FirstScreen>().inner().clone();
                // A record not open (locked, damaged) has nothing to work out: `run` refuses.
                let _ = handle
                    .state::<Record>()
                    .run(move |store| {
                        ahead.work_out(store, today());
                        Ok(())
                    })
                    .await;
            });
            // The start-up backup waits for the first screen (a large record's takes seconds of
            // a core). A protected record takes it once it is unlocked.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let waited = tauri::async_runtime::spawn_blocking(|| {
                    wait_for_first_screen(Duration::from_secs(10))
                });
                let _ = waited.await;
                let record = handle.state::<Record>();
                if record.open_error().is_none() {
                    let _ = record.back_up_in_background().await;
                }
            });
            // Should the page never finish loading, the window shows anyway.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(SHOW_AT_THE_LATEST);
                if let Some(window) = handle.get_webview_window("main") {
                    show_when_loaded(&window.as_ref().window());
                }
            });
            app.manage(dialogs::FileDialogs::from_env());
            log::info!(
                "Rapport {} started in {} ms",
                app.package_info().version,
                since_launch().as_millis()
            );
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("Rapport could not start its window")
        .run(|app, event| {
            // The last sync before the app goes: the other computer gets today's changes.
            if let tauri::RunEvent::Exit = event {
                commands::sync::sync_at_close(&app.state::<Record>());
            }
        });
}
