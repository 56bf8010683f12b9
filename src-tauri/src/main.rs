// Rapport's desktop entry point. On Windows release builds, no console window opens beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // WebKitGTK's accelerated compositing gives each layer of the page its own buffers: for
    // Rapport's forms and lists it buys nothing, and it costs the window about 95 MB and some of
    // its start-up (scripts/bench-startup.sh). Set here, before any thread starts; a value the
    // teacher's environment sets wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    rapport_desktop::run();
}
