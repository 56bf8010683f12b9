//! The core's one error type. Every variant reads as a sentence a teacher can act on, and carries a
//! stable `code` word that the window can switch on.

use serde::Serialize;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One thing wrong with a file being read in (a roster), where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    pub file: String,
    /// 1-based, counting the header as row 1; 0 for the file as a whole.
    pub row: usize,
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if self.row > 0 {
            write!(f, " row {}", self.row)?;
        }
        match &self.column {
            Some(column) if !self.message.starts_with(column.as_str()) => {
                write!(f, ", {column}: {}", self.message)
            }
            _ => write!(f, ": {}", self.message),
        }
    }
}

/// Every problem with an input, collected before any is reported, so a form or a file shows them
/// all at once: field problems become `Error::Invalid`, file problems `Error::Rejected`.
#[derive(Debug)]
pub(crate) struct Problems<P>(pub Vec<P>);

impl<P> Default for Problems<P> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<P: IntoError> Problems<P> {
    pub fn push(&mut self, problem: P) {
        self.0.push(problem);
    }

    /// `value` when nothing was found, else the error listing every problem.
    pub fn finish<T>(self, value: T) -> Result<T> {
        match self.0.is_empty() {
            true => Ok(value),
            false => Err(P::into_error(self.0)),
        }
    }
}

/// How a list of problems becomes an error.
pub(crate) trait IntoError: Sized {
    fn into_error(problems: Vec<Self>) -> Error;
}

impl IntoError for FieldProblem {
    fn into_error(problems: Vec<Self>) -> Error {
        Error::Invalid(problems)
    }
}

impl IntoError for FileProblem {
    fn into_error(problems: Vec<Self>) -> Error {
        Error::Rejected(problems)
    }
}

/// One field of a form that cannot be saved as typed, with what to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The field's name as the data type spells it (`given_name`, `email`, ...).
    pub field: &'static str,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule; nothing was written.
    #[error("{}", join_messages(.0))]
    Invalid(Vec<FieldProblem>),

    /// The thing asked for does not exist (any more).
    #[error("{0} was not found. It may have been deleted; reload to see the current record.")]
    NotFound(&'static str),

    /// The request clashes with what is already recorded (an archived class, a call already
    /// made, a record that is not empty).
    #[error("{0}")]
    Conflict(String),

    /// A document has nothing to print (a class with no students, no conference planned, no
    /// guardian who may be contacted); the message says what to do first.
    #[error("{0}")]
    NothingToPrint(String),

    /// A file to read in is not what it should be (not an export, a backup or a roster Rapport
    /// reads, damaged, too big, missing); nothing was changed.
    #[error("{0}")]
    BadFile(String),

    /// This computer has no user data folder to keep the record in.
    #[error("No user data folder was found; pass --db PATH or set RAPPORT_DB.")]
    NoDataFolder,

    /// The database was written by a newer Rapport; it was not touched.
    #[error(
        "This record was saved by a newer version of Rapport (data version {found}; this version \
         understands up to {known}). Install the newer Rapport to open it. The file has not been changed."
    )]
    TooNew { found: i64, known: i64 },

    /// Another Rapport (a window, or a command that writes) has the record open.
    #[error(
        "This record is open in a Rapport window right now. Close that window first, then try \
         again. Nothing was changed."
    )]
    InUse,

    /// The record is protected by a passphrase and was not unlocked; nothing was read or changed.
    #[error(
        "This record is protected by a passphrase. Unlock it with its passphrase or recovery key; \
         nothing was changed."
    )]
    Locked,
    /// The passphrase does not open the record's key.
    #[error(
        "That passphrase does not open this record. Check Caps Lock and the keyboard's language, \
         or use the recovery key from the recovery sheet. Nothing was changed."
    )]
    WrongPassphrase,
    /// The recovery key does not open the record's key.
    #[error(
        "That recovery key does not open this record. Check it against the recovery sheet \
         (0 and O, 1 and I read the same). Nothing was changed."
    )]
    WrongRecoveryKey,
    /// The file exists but is not a Rapport (SQLite) database.
    #[error(
        "{0} is not a Rapport record (it is not an SQLite database, or it is a protected record \
         whose key file is missing). Nothing was changed."
    )]
    NotADatabase(String),

    #[error("The record could not be read or saved ({0}). Nothing was changed.")]
    Storage(#[from] rusqlite::Error),

    /// The record's file cannot be written safely (its journal could not be set up).
    #[error("{0}")]
    NotWritable(String),

    /// A file to import has problems; nothing was written. Each names its file, row and column.
    #[error("{}", rejected_message(.0))]
    Rejected(Vec<FileProblem>),

    /// The record does not sync with another computer, or its sync folder cannot be used now;
    /// the message says which and what to do.
    #[error("{0}")]
    Sync(String),

    /// A change file or a first copy was written by a newer Rapport; nothing of it was applied.
    #[error("{0}")]
    UpdateNeeded(String),

    /// Something that should not happen; the message says what, without children's data.
    #[error("Rapport hit an unexpected problem: {0}. Nothing was changed.")]
    Internal(String),

    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A stable word for the kind of error, for the window to switch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "validation",
            Error::NotFound(_) => "not_found",
            Error::Conflict(_) => "conflict",
            Error::NothingToPrint(_) => "nothing_to_print",
            Error::BadFile(_) => "bad_file",
            Error::Sync(_) => "sync",
            Error::UpdateNeeded(_) => "update_needed",
            Error::NoDataFolder => "no_data_folder",
            Error::TooNew { .. } => "too_new",
            Error::InUse => "in_use",
            Error::Locked => "locked",
            Error::WrongPassphrase => "wrong_passphrase",
            Error::WrongRecoveryKey => "wrong_recovery_key",
            Error::NotADatabase(_) | Error::Storage(_) | Error::NotWritable(_) => "storage",
            Error::Io { .. } => "io",
            Error::Internal(_) => "internal",
            Error::Rejected(_) => "rejected",
        }
    }

    /// A single-field validation error.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid(vec![FieldProblem {
            field,
            message: message.into(),
        }])
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// The field-level problems, when the error is a validation error.
    pub fn field_problems(&self) -> &[FieldProblem] {
        match self {
            Error::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

/// How many of a file's problems the error's own message lists (the window lists them all from
/// `problems`; the command line from `rejection`).
const LISTED_PROBLEMS: usize = 20;

fn rejected_message(problems: &[FileProblem]) -> String {
    rejection(problems, LISTED_PROBLEMS)
}

/// "Nothing was imported: 3 problems need fixing first." and the first `limit` problems, one a
/// line, then how many more.
pub fn rejection(problems: &[FileProblem], limit: usize) -> String {
    let mut message = match problems.len() {
        1 => "Nothing was imported: 1 problem needs fixing first.".to_string(),
        n => format!("Nothing was imported: {n} problems need fixing first."),
    };
    for problem in problems.iter().take(limit) {
        message.push_str(&format!("\n{problem}"));
    }
    if problems.len() > limit {
        message.push_str(&format!("\n… and {} more.", problems.len() - limit));
    }
    message
}

fn join_messages(problems: &[FieldProblem]) -> String {
    problems
        .iter()
        .map(|p| p.message.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}
