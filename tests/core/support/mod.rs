//! Helpers shared by the core's test modules.

use std::collections::HashMap;

/// `value` with every lasting id replaced by its order of first appearance ("id 1", "id 2", …):
/// two records built the same way compare equal, links included, though their ids differ.
pub fn ids_by_appearance(value: serde_json::Value) -> serde_json::Value {
    fn walk(value: serde_json::Value, seen: &mut HashMap<String, usize>) -> serde_json::Value {
        use serde_json::Value;
        match value {
            Value::String(text) if text.parse::<rapport::model::Id>().is_ok() => {
                let next = seen.len() + 1;
                Value::String(format!("id {}", seen.entry(text).or_insert(next)))
            }
            Value::Array(items) => Value::Array(items.into_iter().map(|v| walk(v, seen)).collect()),
            Value::Object(map) => {
                Value::Object(map.into_iter().map(|(k, v)| (k, walk(v, seen))).collect())
            }
            other => other,
        }
    }
    walk(value, &mut HashMap::new())
}

/// The day most tests take as today.
pub fn today() -> chrono::NaiveDate {
    day("2026-11-24")
}

/// A date from "YYYY-MM-DD".
pub fn day(date: &str) -> chrono::NaiveDate {
    date.parse().expect("a YYYY-MM-DD date")
}

/// A new, empty record in a temporary folder (kept as long as the folder is).
pub fn fresh() -> (tempfile::TempDir, rapport::Store) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = fresh_in(dir.path(), "record.sqlite3");
    (dir, store)
}

/// A new, empty record called `name` in `dir`.
pub fn fresh_in(dir: &std::path::Path, name: &str) -> rapport::Store {
    rapport::Store::open(dir.join(name)).expect("a new record")
}

/// `rapport` on the record at `db` with `args` and environment `env` (stdin is not a terminal,
/// no passphrase from the environment unless given): (succeeded, standard output, standard error).
pub fn rapport(
    db: &std::path::Path,
    args: &[&str],
    env: &[(&str, &str)],
) -> (bool, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("RAPPORT_PASSPHRASE")
        .env_remove("RAPPORT_NEW_PASSPHRASE")
        .envs(env.iter().copied())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the rapport command runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A new record with the demo class: (its folder, the record, the class, José Núñez's id).
pub fn demo_with_jose() -> (
    tempfile::TempDir,
    rapport::Store,
    rapport::model::Id,
    rapport::model::Id,
) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = fresh_in(dir.path(), "record.sqlite3");
    let class = rapport::demo::load_demo_class(&mut store, today())
        .expect("the demo class")
        .class_id;
    let jose = child_named(&store, class, "José Núñez");
    (dir, store, class, jose)
}

/// The id of the child shown as `name` in `class`.
pub fn child_named(
    store: &rapport::Store,
    class: rapport::model::Id,
    name: &str,
) -> rapport::model::Id {
    store
        .students(class)
        .expect("the class's children")
        .into_iter()
        .find(|s| s.display_name == name)
        .unwrap_or_else(|| panic!("{name} is in the class"))
        .id
}
