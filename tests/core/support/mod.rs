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
