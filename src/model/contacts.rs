//! Talking with families all year: the contact log, praise and the positive calls it leads to,
//! and concerns with their possible causes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ContactMethod, Id};

text_enum! {
    /// Why the teacher and the family were in touch.
    pub enum ContactKind {
        Introduction = ("introduction", "Introduction"),
        Positive = ("positive", "Positive news"),
        Concern = ("concern", "Concern"),
        Information = ("information", "Information"),
        Conference = ("conference", "Conference"),
    }
}

text_enum! {
    /// Who started a contact.
    pub enum Initiator {
        Teacher = ("teacher", "I did"),
        Family = ("family", "The family"),
        School = ("school", "Someone else at school"),
    }
}

text_enum! {
    /// Good deeds worth a call home; `Other` is described in the note.
    pub enum PraiseCategory {
        StoodUp = ("stood_up", "Stood up for a classmate"),
        Helped = ("helped", "Helped someone who was hurt or stuck"),
        Persevered = ("persevered", "Worked hard to overcome an obstacle"),
        Thanked = ("thanked", "Thanked a staff member"),
        Litter = ("litter", "Picked up litter without being asked"),
        Kindness = ("kindness", "Was kind to someone"),
        Other = ("other", "Something else"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: Id,
    #[serde(flatten)]
    pub details: ContactDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactDetails {
    pub student_id: Id,
    /// The guardian spoken with; `None` for the family in general. Never one who must not be
    /// contacted.
    #[serde(default)]
    pub guardian_id: Option<Id>,
    pub happened_on: NaiveDate,
    pub method: ContactMethod,
    #[serde(default = "Initiator::default_initiator")]
    pub initiated_by: Initiator,
    pub kind: ContactKind,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub outcome: String,
    /// False when the teacher tried but did not reach anyone (a voicemail, no answer).
    #[serde(default = "yes")]
    pub reached: bool,
    #[serde(default)]
    pub follow_up_on: Option<NaiveDate>,
    #[serde(default)]
    pub follow_up_done: bool,
    /// For the teacher only: never printed on documents for the family.
    #[serde(default)]
    pub sensitive: bool,
}

fn yes() -> bool {
    true
}

impl Initiator {
    fn default_initiator() -> Initiator {
        Initiator::Teacher
    }
}

/// What else a newly logged contact settles.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactLinks {
    /// An earlier contact whose follow-up this one is: marked done.
    pub completes_follow_up_of: Option<Id>,
    /// The concerns this contact talked through with the family ("We talked about: …"): linked,
    /// if someone was reached. Only a contact that discussed a concern talks it through.
    pub discusses_concerns: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Praise {
    pub id: Id,
    #[serde(flatten)]
    pub details: PraiseDetails,
    /// The positive contact that told the family, once the call is made.
    pub contact_id: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PraiseDetails {
    pub student_id: Id,
    pub noticed_on: NaiveDate,
    pub category: PraiseCategory,
    #[serde(default)]
    pub note: String,
    /// Waiting for a positive call home.
    #[serde(default)]
    pub call_queued: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    pub id: Id,
    #[serde(flatten)]
    pub details: ConcernDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConcernDetails {
    pub student_id: Id,
    pub noticed_on: NaiveDate,
    /// What was seen, as behaviour anyone could observe.
    pub observed: String,
    /// Where and when it happens.
    #[serde(default)]
    pub setting: String,
    /// Possible causes, as codes from [`crate::causes::CAUSES`].
    #[serde(default)]
    pub causes: Vec<String>,
    /// What has been tried.
    #[serde(default)]
    pub strategies: String,
    /// The contact in which it was discussed with the family.
    #[serde(default)]
    pub contact_id: Option<Id>,
    /// What the teacher and family agreed.
    #[serde(default)]
    pub plan: String,
    #[serde(default)]
    pub notes: String,
    /// The notes are for the teacher only: never printed on documents for the family.
    #[serde(default)]
    pub sensitive: bool,
    /// The teacher chose to raise it at the conference, though no contact has talked it through
    /// yet. The packet prints a concern only when it was talked through or is shared this way.
    #[serde(default)]
    pub share_at_conference: bool,
    #[serde(default)]
    pub resolved_on: Option<NaiveDate>,
}

/// Positive and concern contacts over a period: the balance a teacher keeps an eye on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Balance {
    pub positive: u32,
    pub concern: u32,
}

/// The balance over the last 30 days and over the school year so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct BalanceReport {
    pub last_30_days: Balance,
    pub this_year: Balance,
}

impl BalanceReport {
    /// Positive versus concern contacts in the last 30 days and since the year started.
    pub fn count<'a>(
        contacts: impl IntoIterator<Item = &'a Contact>,
        today: NaiveDate,
        year_starts_on: Option<NaiveDate>,
    ) -> Self {
        let month_ago = today - chrono::Duration::days(30);
        let mut report = Self::default();
        let count = |b: &mut Balance, kind| match kind {
            ContactKind::Positive => b.positive += 1,
            ContactKind::Concern => b.concern += 1,
            _ => {}
        };
        for contact in contacts {
            let d = &contact.details;
            if !d.reached || d.happened_on > today {
                continue;
            }
            if year_starts_on.is_none_or(|start| d.happened_on >= start) {
                count(&mut report.this_year, d.kind);
            }
            if d.happened_on > month_ago {
                count(&mut report.last_30_days, d.kind);
            }
        }
        report
    }
}
