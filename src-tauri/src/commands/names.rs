// Every command the window may call, in one list: `build.rs` turns it into the app manifest (one
// `allow-<name>` permission each), `lib.rs` registers the same handlers, and the tests check that
// the capability grants exactly these. This file is `include!`d by build.rs, so it holds only data.

/// The names of Rapport's Tauri commands.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "ready",
    "save_settings",
    "create_class",
    "update_class",
    "load_demo",
    "class_overview",
    "list_students",
    "get_student",
    "create_student",
    "update_student",
    "delete_student",
    "list_guardians",
    "add_guardian",
    "update_guardian",
    "link_guardian",
    "set_guardian_link",
    "unlink_guardian",
];
