//! Generates Tauri's context and an app manifest with one permission per command, so every command
//! is checked against `capabilities/main.json` before it runs.

include!("src/commands/names.rs");

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
