//! Starting a class from the school's own roster: a simple CSV a spreadsheet writes (one row per
//! child, up to two guardians), or a OneRoster 1.1 CSV export (a folder or a `.zip`). Both are read
//! into one [`Roster`]; nothing reaches the record until every row is known good, and then the
//! whole roster is written in one transaction ([`Store::import_roster`](crate::store::Store)).
//! A problem names its file, row and column: "users.csv row 14: givenName is empty".

pub mod apply;
pub mod csv_file;
pub mod oneroster;
mod text;

use std::path::Path;

use serde::Serialize;

use crate::error::Result;

pub use apply::{ClassTarget, RosterReport};

/// The simple CSV template teachers fill in (documented in docs/roster-import.md).
pub const TEMPLATE: &str = include_str!("template.csv");

/// A guardian as the roster gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RosterGuardian {
    /// The school's id for this person (OneRoster sourcedId), when it has one.
    pub school_id: Option<String>,
    pub name: String,
    pub relationship: String,
    pub phone: String,
    pub email: String,
    /// A BCP 47 tag; empty when the roster does not say.
    pub language: String,
}

/// A child as the roster gives them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RosterStudent {
    /// The school's id for this child, matched on when the roster is imported again.
    pub school_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub preferred_name: String,
    pub grade: String,
    pub pronouns: String,
    /// The name in Latin letters, for a name in another script (the simple CSV's `latin_name`).
    pub latin_name: String,
    pub guardians: Vec<RosterGuardian>,
    /// Where the child's row is: "roster.csv row 4".
    pub source: String,
}

/// A class's roster, read and checked, not yet written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Roster {
    /// The class's name in the school's system (OneRoster's class title), if it has one.
    pub class_name: Option<String>,
    /// The school whose ids the roster carries (OneRoster: the class's `schoolSourcedId`); a
    /// guardian's id from one school never matches a guardian another school's roster made.
    pub source: Option<String>,
    pub grade: String,
    pub students: Vec<RosterStudent>,
}

pub use crate::error::FileProblem as Problem;

/// Collects a roster file's problems (see `error::Problems`).
pub(crate) type Problems = crate::error::Problems<Problem>;

impl Problems {
    pub fn add(
        &mut self,
        file: &str,
        row: usize,
        column: Option<&str>,
        message: impl Into<String>,
    ) {
        self.push(Problem {
            file: file.to_string(),
            row,
            column: column.map(str::to_string),
            message: message.into(),
        });
    }
}

/// Reads a roster from `path`: a OneRoster folder or `.zip`, or a simple CSV file. `class` picks
/// the class in a OneRoster export (by title or sourcedId).
pub fn read(path: &Path, class: Option<&str>) -> Result<Roster> {
    let is_zip = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
    if path.is_dir() || is_zip {
        oneroster::read(path, class)
    } else {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "roster.csv".into());
        csv_file::parse(&name, &text::read_limited(path)?)
    }
}
