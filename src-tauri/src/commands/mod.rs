//! The window's commands, one module per area. Each command is a few lines: take the arguments,
//! run core work on the blocking pool, hand back JSON or a `{code, message}` error. No rules live
//! here; they are in the `rapport` core.

pub mod app;
pub mod backups;
pub mod calendar;
pub mod classes;
pub mod conferences;
pub mod contacts;
pub mod drafts;
pub mod family;
pub mod goals;
pub mod guardians;
pub mod handoff;
pub mod languages;
pub mod names;
pub mod printing;
pub mod protection;
pub mod reports;
pub mod roster;
pub mod search;
pub mod students;
pub mod sync;
pub mod trash;
