// Rapport's desktop entry point. On Windows release builds, no console window opens beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    rapport_desktop::run();
}
