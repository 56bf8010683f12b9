//! Rapport's core: a teacher's private, year-long record of each child's family partnership.
//!
//! Everything a teacher's data goes through lives here, with no window in it: the plain data types
//! ([`model`]), the rules a record must keep ([`validate`]), the SQLite store ([`store`]), the pure
//! read-outs the Today screen shows ([`insights`]) and a realistic demo class ([`demo`]). The desktop
//! shell in `src-tauri/` and the `rapport` command line are two front doors onto this same crate.

pub mod backup;
pub mod calendar;
pub mod causes;
pub mod contact_log;
pub mod demo;
pub mod error;
pub mod files;
pub mod handoff;
pub mod i18n;
pub mod insights;
pub mod languages;
pub mod measure;
pub mod model;
pub mod packet;
pub mod paths;
pub mod protect;
pub mod questions;
pub mod removals;
pub mod roster;
pub mod smart;
pub mod store;
pub mod sync;
pub mod text;
pub mod uses;
pub mod validate;

pub use error::{Error, FieldProblem, Result};
pub use store::Store;
