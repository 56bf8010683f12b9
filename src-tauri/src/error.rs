//! Errors as the window sees them: `{ code, message, fields }`. `code` is a stable word the page can
//! switch on; `message` is a sentence a teacher can act on; `fields` names form fields to mark.
//! Internals (SQL, paths of temp files, panics) never reach the message.

use rapport::FieldProblem;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldProblem>,
    /// Every problem of a rejected import, each naming its file, row and column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// Seconds to wait before trying again (after repeated wrong passphrases).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl CommandError {
    /// Something that should not happen (a panicked task); the teacher can retry.
    pub fn internal() -> Self {
        CommandError {
            code: "internal",
            message:
                "Rapport hit an unexpected problem and did not save this change. Please try again; \
                      if it keeps happening, restart Rapport."
                    .into(),
            fields: Vec::new(),
            problems: Vec::new(),
            retry_after: None,
        }
    }

    /// The file chosen is protected by its own passphrase: the page asks for it.
    pub fn needs_passphrase() -> Self {
        CommandError {
            code: "needs_passphrase",
            message: "This copy is protected by a passphrase. Type the passphrase it was \
                      protected with; your record will then be protected by it too."
                .into(),
            fields: Vec::new(),
            problems: Vec::new(),
            retry_after: None,
        }
    }

    /// Too many wrong passphrases: the next try waits.
    pub fn wait(seconds: u64) -> Self {
        CommandError {
            code: "wait",
            message: format!(
                "Too many wrong tries. Wait {seconds} second{} before trying again.",
                if seconds == 1 { "" } else { "s" }
            ),
            fields: Vec::new(),
            problems: Vec::new(),
            retry_after: Some(seconds),
        }
    }

    /// The same error, saying how long to wait before the next try.
    pub fn with_retry_after(mut self, seconds: Option<u64>) -> Self {
        if let Some(seconds) = seconds {
            self.message
                .push_str(&format!(" Wait {seconds} seconds before the next try."));
            self.retry_after = Some(seconds);
        }
        self
    }
}

impl From<rapport::Error> for CommandError {
    fn from(error: rapport::Error) -> Self {
        let problems = match &error {
            rapport::Error::Rejected(problems) => {
                problems.iter().map(ToString::to_string).collect()
            }
            _ => Vec::new(),
        };
        CommandError {
            code: error.code(),
            fields: error.field_problems().to_vec(),
            message: error.to_string(),
            problems,
            retry_after: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_serialize_as_code_message_and_fields() {
        let error = CommandError::from(rapport::Error::invalid("email", "“x” is not an email."));
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "validation",
                "message": "“x” is not an email.",
                "fields": [{ "field": "email", "message": "“x” is not an email." }]
            })
        );
        let json =
            serde_json::to_value(CommandError::from(rapport::Error::NotFound("That student")))
                .unwrap();
        assert_eq!(json["code"], "not_found");
        assert!(json.get("fields").is_none());
    }
}
