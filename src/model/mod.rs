//! The plain data of a teacher's record. Serde types with no I/O; the store reads and writes them,
//! the window shows them. This file holds school years, classes, students and guardians; the
//! partnership record is in [`family`] (questions and answers), [`goals`] and [`contacts`]
//! (contacts, praise, concerns).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::joins_names_without_space;

/// Declares a closed list of choices stored as text: each variant has its stored word and the
/// label a teacher reads. Generates `ALL`, `as_str`, `parse` and `label`, and serde as the word.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = ($word:literal, $label:literal)),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $word)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word stored in the record and sent to the window.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            pub fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }

            /// How a teacher says it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

pub mod conferences;
pub mod contacts;
pub mod family;
pub mod goals;
mod id;

pub use conferences::*;
pub use contacts::*;
pub use family::*;
pub use goals::*;
pub use id::{Id, NotAnId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolYear {
    pub id: Id,
    #[serde(flatten)]
    pub details: SchoolYearDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolYearDetails {
    /// How the school names it, e.g. "2026–2027".
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl SchoolYearDetails {
    /// The school year that `day` falls in, assuming years run August to July (the usual US/EU
    /// calendar); the teacher can rename and re-date it.
    pub fn containing(day: NaiveDate) -> Self {
        use chrono::Datelike;
        let first = if day.month() >= 8 {
            day.year()
        } else {
            day.year() - 1
        };
        SchoolYearDetails {
            name: format!("{first}–{}", first + 1),
            starts_on: NaiveDate::from_ymd_opt(first, 8, 15).unwrap_or(day),
            ends_on: NaiveDate::from_ymd_opt(first + 1, 6, 30).unwrap_or(day),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Class {
    pub id: Id,
    pub school_year_id: Id,
    #[serde(flatten)]
    pub details: ClassDetails,
    /// An archived class is read-only (end of year).
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct ClassDetails {
    /// "Room 12", "Grade 3 — Ms. Rivera", "Period 2 Biology".
    pub name: String,
    pub grade: String,
    pub room: String,
}

text_enum! {
    /// How a student's two names are put together for display and print.
    #[derive(Default)]
    pub enum NameOrder {
        /// "María López" — given name first.
        #[default]
        GivenFirst = ("given_first", "Given name first"),
        /// "Nguyễn Thị Hương", "王小明" — family name first.
        FamilyFirst = ("family_first", "Family name first"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Student {
    pub id: Id,
    #[serde(flatten)]
    pub details: StudentDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct StudentDetails {
    pub class_id: Id,
    pub given_name: String,
    pub family_name: String,
    /// The name the child goes by, if not their given name.
    pub preferred_name: String,
    pub name_order: NameOrder,
    pub pronouns: String,
    pub grade: String,
    /// The id from the school's information system, when known; unique within a class.
    pub school_student_id: Option<String>,
    pub notes: String,
    /// The name in Latin letters, for a name written in another script ("Anna Petrova" for
    /// "Анна Петрова"): the class list is searched by it. Never shown or printed instead of the
    /// name. Empty: a transliteration stands in (`text::latin`).
    pub latin_name: String,
}

impl StudentDetails {
    /// The child's name in Latin letters, to find and sort by: the one the teacher or the roster
    /// gave, else a transliteration of the name. Empty for a name already in Latin letters,
    /// accents and all.
    pub fn name_in_latin_letters(&self) -> String {
        if !self.latin_name.is_empty() {
            return self.latin_name.clone();
        }
        let names = [&self.given_name, &self.family_name, &self.preferred_name];
        if names
            .iter()
            .all(|n| n.chars().all(crate::text::is_latin_script))
        {
            return String::new();
        }
        crate::text::latin(&self.display_name())
    }

    /// The name a letter calls the child by: the preferred name, or the given name.
    pub fn first_name(&self) -> &str {
        if self.preferred_name.is_empty() {
            &self.given_name
        } else {
            &self.preferred_name
        }
    }

    /// The name to call the child by: preferred name (or given name) and family name, in the
    /// child's name order. Ideographic names are joined without a space ("王小明").
    pub fn display_name(&self) -> String {
        let first = if self.preferred_name.is_empty() {
            &self.given_name
        } else {
            &self.preferred_name
        };
        let (a, b) = match self.name_order {
            NameOrder::GivenFirst => (first.as_str(), self.family_name.as_str()),
            NameOrder::FamilyFirst => (self.family_name.as_str(), first.as_str()),
        };
        join_name(a, b)
    }

    /// The full legal name, in the child's name order (for printed records).
    pub fn full_name(&self) -> String {
        match self.name_order {
            NameOrder::GivenFirst => join_name(&self.given_name, &self.family_name),
            NameOrder::FamilyFirst => join_name(&self.family_name, &self.given_name),
        }
    }
}

fn join_name(a: &str, b: &str) -> String {
    if a.is_empty() || b.is_empty() {
        return format!("{a}{b}");
    }
    let unspaced = a.chars().last().is_some_and(joins_names_without_space)
        && b.chars().next().is_some_and(joins_names_without_space);
    if unspaced {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

text_enum! {
    /// How a guardian prefers to be reached, and how a contact happened.
    #[derive(Default)]
    pub enum ContactMethod {
        #[default]
        Phone = ("phone", "Phone call"),
        Text = ("text", "Text message"),
        Email = ("email", "Email"),
        NoteHome = ("note_home", "Note home"),
        Meeting = ("meeting", "Meeting in person"),
        Video = ("video", "Video call"),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guardian {
    pub id: Id,
    #[serde(flatten)]
    pub details: GuardianDetails,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuardianDetails {
    /// The name as the family writes it.
    pub name: String,
    /// Mother, father, grandmother, foster parent, aunt, ...
    pub relationship: String,
    pub phone: String,
    pub email: String,
    pub preferred_method: ContactMethod,
    /// A code from [`crate::languages::LANGUAGES`] (or another BCP 47 tag).
    pub preferred_language: String,
    /// "Weekdays after 5 pm", "Not Tuesdays".
    pub best_time: String,
    /// False when the school must not contact this guardian (a custody order, a safety plan).
    pub may_contact: bool,
    /// Why not, when `may_contact` is false; shown wherever the guardian could be chosen.
    pub no_contact_reason: String,
}

impl Default for GuardianDetails {
    fn default() -> Self {
        GuardianDetails {
            name: String::new(),
            relationship: String::new(),
            phone: String::new(),
            email: String::new(),
            preferred_method: ContactMethod::Phone,
            preferred_language: "en".into(),
            best_time: String::new(),
            may_contact: true,
            no_contact_reason: String::new(),
        }
    }
}

/// How one guardian stands to one student.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuardianLink {
    /// The first person to call about this child.
    pub is_primary: bool,
    /// The child lives with this guardian (some children have two households).
    pub lives_with: bool,
}

impl Default for GuardianLink {
    fn default() -> Self {
        GuardianLink {
            is_primary: false,
            lives_with: true,
        }
    }
}

/// A student named briefly, e.g. a sibling who shares a guardian.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentRef {
    pub id: Id,
    pub display_name: String,
}

/// A guardian as seen from one student's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedGuardian {
    pub guardian: Guardian,
    pub link: GuardianLink,
    /// Other students this guardian is linked to (siblings, usually).
    pub also_guardian_of: Vec<StudentRef>,
}

/// A guardian with every student they are linked to: the choices when a sibling's guardian is
/// linked to a new student.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianWithStudents {
    pub guardian: Guardian,
    pub students: Vec<StudentRef>,
}

/// Everything on a student's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentRecord {
    pub student: Student,
    pub display_name: String,
    pub full_name: String,
    pub class: Class,
    /// Primary contact first, then the other guardians by name.
    pub guardians: Vec<LinkedGuardian>,
}

/// A student's whole page: who they are, their guardians, and the partnership record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentPage {
    #[serde(flatten)]
    pub record: StudentRecord,
    /// "What the family told us", at the top of the page.
    pub family_answers: Vec<FamilyAnswers>,
    pub goals: Vec<GoalRecord>,
    /// Newest first.
    pub contacts: Vec<Contact>,
    pub praise: Vec<Praise>,
    pub concerns: Vec<Concern>,
    /// In time order.
    pub conferences: Vec<Conference>,
    pub balance: BalanceReport,
    /// The forms with an unsaved draft about this child ("contact:<id>", "goal:<id>"), so the
    /// page can say a draft is waiting.
    pub drafts: Vec<String>,
}

/// A class's partnership record, loaded in bulk for Today (the store gathers it, `insights::today` reads it).
#[derive(Debug, Clone, Default)]
pub struct ClassActivity {
    pub students: Vec<StudentSummary>,
    /// When the class's school year started: "this year" counts from here.
    pub year_starts_on: Option<NaiveDate>,
    pub contacts: Vec<Contact>,
    pub praise: Vec<Praise>,
    pub concerns: Vec<Concern>,
    pub goals: Vec<Goal>,
    pub check_ins: Vec<CheckIn>,
    pub conferences: Vec<Conference>,
}

/// One line of the class list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StudentSummary {
    pub id: Id,
    pub class_id: Id,
    pub display_name: String,
    pub given_name: String,
    pub family_name: String,
    pub grade: String,
    pub pronouns: String,
    pub school_student_id: Option<String>,
    /// Names of the linked guardians, so that search finds a child by a parent's name.
    pub guardian_names: Vec<String>,
    /// The child's name in Latin letters (the one the teacher gave, else a transliteration), so
    /// that "Petrova" finds "Анна Петрова". For searching only, never shown.
    pub latin_name: String,
    /// At least one linked guardian must not be contacted.
    pub has_no_contact_guardian: bool,
}

text_enum! {
    /// How children are named in the calendar file.
    #[derive(Default)]
    pub enum CalendarNames {
        /// "José Núñez"
        Full = ("full", "Full name"),
        /// "José N."
        #[default]
        FirstAndInitial = ("first_initial", "First name and initial"),
        /// "J. N."
        Initials = ("initials", "Initials"),
    }
}

text_enum! {
    /// The paper printed documents are laid out for.
    #[derive(Default)]
    pub enum Paper {
        #[default]
        Letter = ("letter", "US Letter"),
        A4 = ("a4", "A4"),
    }
}

/// The teacher's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub teacher_name: String,
    pub school_name: String,
    /// The class the window opens on.
    pub current_class_id: Option<Id>,
    /// Today names a family not reached for this many days.
    pub quiet_days: u32,
    /// Letter or A4, for everything Rapport prints.
    pub paper: Paper,
    /// How and when families can reach the teacher ("by phone 555-0100, weekdays 3–4 pm"),
    /// printed in the introduction letter.
    pub contact_hours: String,
    /// A protected record's window locks after this many minutes without a key or a click.
    pub lock_minutes: u32,
}

/// The introduction letter's body in one language: the teacher's own wording, or the one Rapport
/// suggests until they write theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterTemplate {
    /// A language Rapport has handouts in.
    pub language: String,
    pub body: String,
    /// False while this is Rapport's suggestion.
    pub edited: bool,
}

impl Settings {
    pub const DEFAULT_QUIET_DAYS: u32 = 21;
    pub const DEFAULT_LOCK_MINUTES: u32 = 10;
    /// The longest idle time before a protected record locks: a school day's half.
    pub const MAX_LOCK_MINUTES: u32 = 240;
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            teacher_name: String::new(),
            school_name: String::new(),
            current_class_id: None,
            quiet_days: Settings::DEFAULT_QUIET_DAYS,
            paper: Paper::Letter,
            contact_hours: String::new(),
            lock_minutes: Settings::DEFAULT_LOCK_MINUTES,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_name_in_another_script_has_a_latin_form_to_find_and_sort_by() {
        let named = StudentDetails {
            given_name: "يوسف".into(),
            family_name: "حداد".into(),
            latin_name: "Yusuf Haddad".into(),
            ..Default::default()
        };
        assert_eq!(named.name_in_latin_letters(), "Yusuf Haddad");
        let transliterated = StudentDetails {
            given_name: "Анна".into(),
            family_name: "Петрова".into(),
            ..Default::default()
        };
        assert_eq!(transliterated.name_in_latin_letters(), "Anna Petrova");
        let plain = StudentDetails {
            given_name: "Ana".into(),
            family_name: "Silva".into(),
            ..Default::default()
        };
        assert_eq!(plain.name_in_latin_letters(), "");
    }

    use super::*;

    fn student(given: &str, family: &str, order: NameOrder) -> StudentDetails {
        StudentDetails {
            given_name: given.into(),
            family_name: family.into(),
            name_order: order,
            ..Default::default()
        }
    }

    #[test]
    fn display_name_follows_the_childs_name_order() {
        assert_eq!(
            student("José", "Núñez", NameOrder::GivenFirst).display_name(),
            "José Núñez"
        );
        assert_eq!(
            student("Thị Hương", "Nguyễn", NameOrder::FamilyFirst).display_name(),
            "Nguyễn Thị Hương"
        );
    }

    #[test]
    fn ideographic_names_join_without_a_space() {
        assert_eq!(
            student("小明", "王", NameOrder::FamilyFirst).display_name(),
            "王小明"
        );
        assert_eq!(
            student("Xiaoming", "Wang", NameOrder::GivenFirst).display_name(),
            "Xiaoming Wang"
        );
    }

    #[test]
    fn preferred_name_is_used_for_display_but_not_the_full_name() {
        let mut s = student("Alexander", "Petrov", NameOrder::GivenFirst);
        s.preferred_name = "Sasha".into();
        assert_eq!(s.display_name(), "Sasha Petrov");
        assert_eq!(s.full_name(), "Alexander Petrov");
    }

    #[test]
    fn a_missing_family_name_leaves_no_stray_space() {
        assert_eq!(
            student("Oluwaseun", "", NameOrder::GivenFirst).display_name(),
            "Oluwaseun"
        );
    }

    #[test]
    fn school_year_runs_august_to_june() {
        let nov = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(SchoolYearDetails::containing(nov).name, "2026–2027");
        let march = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        assert_eq!(SchoolYearDetails::containing(march).name, "2026–2027");
    }

    #[test]
    fn contact_methods_round_trip_through_their_words() {
        for &m in ContactMethod::ALL {
            assert_eq!(ContactMethod::parse(m.as_str()), Some(m));
            assert_eq!(serde_json::to_value(m).unwrap(), m.as_str());
        }
        assert_eq!(ContactMethod::parse("pigeon"), None);
        assert_eq!(ContactMethod::NoteHome.label(), "Note home");
    }
}
