//! Parent-teacher conferences: planned slots, booked by a family, with an interpreter when needed.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::Id;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conference {
    pub id: Id,
    #[serde(flatten)]
    pub details: ConferenceDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConferenceDetails {
    pub class_id: Id,
    /// The child whose family comes; `None` for an open slot.
    #[serde(default)]
    pub student_id: Option<Id>,
    /// Local date and time the conference starts, as "YYYY-MM-DDTHH:MM".
    #[serde(with = "minute_time")]
    pub starts_at: NaiveDateTime,
    pub minutes: u32,
    #[serde(default)]
    pub place: String,
    /// The language an interpreter is needed for (a code from the languages list).
    #[serde(default)]
    pub interpreter_language: Option<String>,
    /// Who came (filled in afterwards).
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub notes: String,
    /// The notes are for the teacher only: never printed on documents for the family.
    #[serde(default)]
    pub sensitive: bool,
}

/// A local date and time to the minute, "2026-11-26T15:30" (seconds are accepted and dropped).
mod minute_time {
    use chrono::{NaiveDateTime, Timelike};
    use serde::{Deserialize, Deserializer, Serializer};

    pub const FORMAT: &str = "%Y-%m-%dT%H:%M";

    pub fn serialize<S: Serializer>(time: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&time.format(FORMAT).to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveDateTime::parse_from_str(&text, FORMAT)
            .or_else(|_| NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S"))
            .map(|t| t.with_second(0).unwrap_or(t))
            .map_err(|_| serde::de::Error::custom(format!("“{text}” is not a date and time")))
    }
}

impl ConferenceDetails {
    pub fn ends_at(&self) -> NaiveDateTime {
        self.starts_at + chrono::Duration::minutes(i64::from(self.minutes))
    }

    pub fn day(&self) -> NaiveDate {
        self.starts_at.date()
    }
}

/// A slot as the conference schedule lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScheduledConference {
    pub conference: Conference,
    /// The child's name, when the slot is booked.
    pub display_name: Option<String>,
    /// The guardians who may be contacted, by name, primary first.
    pub family: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_times_travel_to_the_minute() {
        let json = r#"{"class_id": 1, "starts_at": "2026-11-26T15:30", "minutes": 20}"#;
        let slot: ConferenceDetails = serde_json::from_str(json).unwrap();
        assert_eq!(slot.ends_at().format("%H:%M").to_string(), "15:50");
        assert_eq!(
            serde_json::to_value(&slot).unwrap()["starts_at"],
            "2026-11-26T15:30"
        );
        let with_seconds = r#"{"class_id": 1, "starts_at": "2026-11-26T15:30:45", "minutes": 20}"#;
        let slot: ConferenceDetails = serde_json::from_str(with_seconds).unwrap();
        assert_eq!(
            serde_json::to_value(&slot).unwrap()["starts_at"],
            "2026-11-26T15:30"
        );
        let bad = r#"{"class_id": 1, "starts_at": "next Tuesday", "minutes": 20}"#;
        let error = serde_json::from_str::<ConferenceDetails>(bad).unwrap_err();
        assert!(error
            .to_string()
            .contains("“next Tuesday” is not a date and time"));
    }
}
