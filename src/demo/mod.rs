//! A realistic, deterministic demo class: a Grade 3 class of 30 children whose families speak
//! Spanish, Vietnamese, Chinese, Arabic, Russian and more, with twins who share their parents, children
//! with two households, and one guardian the school must not contact, and a believable school year of
//! partnership up to today ([`year`]). Used on first start ("Load a demo class"), in tests and, with
//! [`load_large_record`], in benchmarks.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{
    ClassDetails, ConferenceDetails, ContactMethod, GuardianDetails, GuardianLink, Id, NameOrder,
    StudentDetails,
};
use crate::store::Store;

mod dice;
mod large;
mod year;

pub use large::load_large_record;

/// What the demo wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub class_id: Id,
    pub students: usize,
    pub guardians: usize,
}

struct DemoGuardian {
    key: &'static str,
    name: &'static str,
    relationship: &'static str,
    phone: &'static str,
    email: &'static str,
    method: ContactMethod,
    language: &'static str,
    best_time: &'static str,
    no_contact_reason: Option<&'static str>,
}

struct DemoStudent {
    given: &'static str,
    family: &'static str,
    preferred: &'static str,
    order: NameOrder,
    pronouns: &'static str,
    notes: &'static str,
    /// The name in Latin letters the teacher gave, for a name in another script.
    latin: &'static str,
    /// Guardian keys, primary first; a `~` prefix marks a guardian the child does not live with.
    guardians: &'static [&'static str],
}

/// One row of the guardian table below; positional so the table reads as a table.
#[allow(clippy::too_many_arguments)]
const fn g(
    key: &'static str,
    name: &'static str,
    relationship: &'static str,
    phone: &'static str,
    email: &'static str,
    method: ContactMethod,
    language: &'static str,
    best_time: &'static str,
) -> DemoGuardian {
    DemoGuardian {
        key,
        name,
        relationship,
        phone,
        email,
        method,
        language,
        best_time,
        no_contact_reason: None,
    }
}

const fn s(
    given: &'static str,
    family: &'static str,
    guardians: &'static [&'static str],
) -> DemoStudent {
    DemoStudent {
        given,
        family,
        preferred: "",
        order: NameOrder::GivenFirst,
        pronouns: "",
        notes: "",
        latin: "",
        guardians,
    }
}

use ContactMethod::{Email, Meeting, NoteHome, Phone, Text, Video};

const GUARDIANS: &[DemoGuardian] = &[
    g(
        "nunez-m",
        "María Núñez",
        "Mother",
        "555-0101",
        "maria.nunez@example.org",
        Phone,
        "es",
        "After 5 pm",
    ),
    g(
        "nunez-c",
        "Carlos Núñez",
        "Father",
        "555-0102",
        "",
        Text,
        "es",
        "Weekday mornings",
    ),
    g(
        "pham",
        "Phạm Thị Lan",
        "Mother",
        "555-0103",
        "lan.pham@example.org",
        Phone,
        "vi",
        "Evenings after 6",
    ),
    g(
        "nguyen",
        "Nguyễn Văn Hùng",
        "Father",
        "555-0104",
        "",
        Text,
        "vi",
        "Weekends",
    ),
    g(
        "li",
        "李娜",
        "Mother",
        "555-0105",
        "li.na@example.com",
        Email,
        "zh-Hans",
        "Lunchtime",
    ),
    g(
        "wang",
        "王伟",
        "Father",
        "555-0106",
        "",
        Phone,
        "zh-Hans",
        "After 7 pm",
    ),
    g(
        "haddad",
        "ليلى حداد",
        "Mother",
        "555-0107",
        "",
        Text,
        "ar",
        "Mornings before 9",
    ),
    g(
        "haddad-k",
        "كريم حداد",
        "Father",
        "555-0108",
        "karim.haddad@example.org",
        Phone,
        "ar",
        "After 4 pm",
    ),
    g(
        "petrova",
        "Ольга Петрова",
        "Mother",
        "555-0109",
        "olga.petrova@example.org",
        Email,
        "ru",
        "Any weekday",
    ),
    DemoGuardian {
        no_contact_reason: Some(
            "Court order on file with the front office: no contact and no information.",
        ),
        ..g(
            "petrov",
            "Виктор Петров",
            "Father",
            "555-0110",
            "",
            Phone,
            "ru",
            "",
        )
    },
    g(
        "garcia-l",
        "Lucía García",
        "Mother",
        "555-0111",
        "lucia.garcia@example.org",
        Text,
        "es",
        "After 3:30 pm",
    ),
    g(
        "garcia-j",
        "Javier García",
        "Father",
        "555-0112",
        "",
        Phone,
        "es",
        "Weekends",
    ),
    g(
        "obrien",
        "Siobhan O'Brien",
        "Mother",
        "555-0113",
        "siobhan.obrien@example.com",
        Email,
        "en",
        "Evenings",
    ),
    g(
        "walsh",
        "Daniel Walsh",
        "Father",
        "555-0114",
        "dan.walsh@example.com",
        Text,
        "en",
        "Weekends (every other)",
    ),
    g(
        "johnson",
        "Dorothy Johnson",
        "Grandmother",
        "555-0115",
        "",
        Phone,
        "en",
        "Afternoons",
    ),
    g(
        "kim",
        "Kim Ji-woo",
        "Mother",
        "555-0116",
        "jiwoo.kim@example.org",
        Email,
        "ko",
        "Mornings",
    ),
    g(
        "sharma",
        "Anjali Sharma",
        "Mother",
        "555-0117",
        "anjali.sharma@example.org",
        Email,
        "en",
        "After 6 pm",
    ),
    g(
        "okafor",
        "Chinedu Okafor",
        "Father",
        "555-0118",
        "c.okafor@example.com",
        Phone,
        "en",
        "Lunchtime",
    ),
    g(
        "okafor-n",
        "Ngozi Okafor",
        "Mother",
        "555-0119",
        "",
        Text,
        "en",
        "Evenings",
    ),
    g(
        "miller",
        "Karen Miller",
        "Foster parent",
        "555-0120",
        "karen.miller@example.org",
        Phone,
        "en",
        "Any time",
    ),
    g(
        "rahimi",
        "زهرا رحیمی",
        "Mother",
        "555-0121",
        "",
        Video,
        "fa",
        "Mornings",
    ),
    g(
        "schmidt",
        "Julia Schmidt",
        "Mother",
        "555-0122",
        "julia.schmidt@example.com",
        Email,
        "en",
        "Evenings",
    ),
    g(
        "rossi",
        "Giulia Rossi",
        "Mother",
        "555-0123",
        "",
        NoteHome,
        "it",
        "Pick-up time",
    ),
    g(
        "silva",
        "Ana Silva",
        "Mother",
        "555-0124",
        "ana.silva@example.org",
        Text,
        "pt",
        "After 5 pm",
    ),
    g(
        "joseph",
        "Marie-Claude Joseph",
        "Aunt",
        "555-0125",
        "",
        Phone,
        "ht",
        "Weekday evenings",
    ),
    g(
        "ali",
        "Hodan Ali",
        "Mother",
        "555-0126",
        "",
        Phone,
        "so",
        "Mid-morning",
    ),
    g(
        "ali-a",
        "Abdi Ali",
        "Father",
        "555-0127",
        "abdi.ali@example.com",
        Phone,
        "so",
        "After 6 pm",
    ),
    g(
        "nowak",
        "Katarzyna Nowak",
        "Mother",
        "555-0128",
        "k.nowak@example.org",
        Email,
        "pl",
        "Evenings",
    ),
    g(
        "cruz",
        "Rosa Cruz",
        "Grandmother",
        "555-0129",
        "",
        Meeting,
        "es",
        "Drop-off time",
    ),
    g(
        "kovalenko",
        "Оксана Коваленко",
        "Mother",
        "555-0130",
        "oksana.k@example.org",
        Text,
        "uk",
        "After 4 pm",
    ),
    g(
        "thompson",
        "Michael Thompson",
        "Father",
        "555-0131",
        "m.thompson@example.com",
        Email,
        "en",
        "Lunchtime",
    ),
    g(
        "brown",
        "Tanya Brown",
        "Mother",
        "555-0132",
        "",
        Text,
        "en",
        "After 5:30 pm",
    ),
    g(
        "greene",
        "Marcus Greene",
        "Father",
        "555-0133",
        "marcus.greene@example.com",
        Phone,
        "en",
        "Weekends",
    ),
    g(
        "chen",
        "陳美玲",
        "Mother",
        "555-0134",
        "meiling.chen@example.com",
        Email,
        "zh-Hant",
        "Evenings",
    ),
    g(
        "cohen",
        "Rachel Cohen",
        "Mother",
        "555-0135",
        "rachel.cohen@example.org",
        Email,
        "en",
        "Mornings",
    ),
    g(
        "tanaka",
        "田中裕子",
        "Mother",
        "555-0136",
        "yuko.tanaka@example.com",
        Email,
        "ja",
        "After 7 pm",
    ),
    g(
        "hernandez",
        "Guadalupe Hernández",
        "Mother",
        "555-0137",
        "",
        Phone,
        "es",
        "Afternoons",
    ),
    g(
        "martin",
        "Sophie Martin",
        "Mother",
        "555-0138",
        "sophie.martin@example.org",
        Email,
        "fr",
        "Evenings",
    ),
    g(
        "rivera",
        "Alex Rivera",
        "Parent",
        "555-0139",
        "alex.rivera@example.com",
        Text,
        "en",
        "Any time",
    ),
    g(
        "rivera-t",
        "Teresa Rivera",
        "Parent",
        "555-0140",
        "",
        Phone,
        "es",
        "Weekends",
    ),
];

const STUDENTS: &[DemoStudent] = &[
    DemoStudent {
        notes: "Loves drawing; proud big brother.",
        ..s("José", "Núñez", &["nunez-m", "nunez-c"])
    },
    DemoStudent {
        order: NameOrder::FamilyFirst,
        ..s("Thị Hương", "Nguyễn", &["pham", "nguyen"])
    },
    DemoStudent {
        order: NameOrder::FamilyFirst,
        ..s("小明", "王", &["li", "wang"])
    },
    DemoStudent {
        order: NameOrder::GivenFirst,
        latin: "Yusuf Haddad",
        ..s("يوسف", "حداد", &["haddad", "haddad-k"])
    },
    DemoStudent {
        notes: "Father: no contact (see guardian).",
        ..s("Анна", "Петрова", &["petrova", "~petrov"])
    },
    s("Mateo", "García", &["garcia-l", "garcia-j"]),
    s("Sofía", "García", &["garcia-l", "garcia-j"]),
    s("Liam", "O'Brien", &["obrien", "~walsh"]),
    DemoStudent {
        pronouns: "she/her",
        ..s("Aaliyah", "Johnson", &["johnson"])
    },
    DemoStudent {
        preferred: "Ethan",
        ..s("Min-jun", "Kim", &["kim"])
    },
    s("Priya", "Sharma", &["sharma"]),
    s("Amara", "Okafor", &["okafor", "okafor-n"]),
    s("Noah", "Williams", &["miller"]),
    s("Fatima", "Rahimi", &["rahimi"]),
    s("Oliver", "Schmidt", &["schmidt"]),
    s("Mia", "Rossi", &["rossi"]),
    s("Lucas", "Silva", &["silva"]),
    s("Widelene", "Joseph", &["joseph"]),
    s("Hamza", "Ali", &["ali", "ali-a"]),
    s("Emma", "Nowak", &["nowak"]),
    s("Isabella", "Cruz", &["cruz"]),
    DemoStudent {
        preferred: "Max",
        ..s("Maksym", "Kovalenko", &["kovalenko"])
    },
    s("Grace", "Thompson", &["thompson"]),
    s("Jayden", "Brown", &["brown", "~greene"]),
    DemoStudent {
        order: NameOrder::FamilyFirst,
        ..s("美玲", "陳", &["chen"])
    },
    s("Benjamin", "Cohen", &["cohen"]),
    DemoStudent {
        order: NameOrder::FamilyFirst,
        ..s("さくら", "田中", &["tanaka"])
    },
    s("Diego", "Hernández", &["hernandez"]),
    DemoStudent {
        pronouns: "they/them",
        ..s("Sam", "Rivera", &["rivera", "rivera-t"])
    },
    s("Chloé", "Martin", &["martin"]),
];

/// The seed of the demo class's school year: the same record on every machine.
const DEMO_SEED: u64 = 2026;

/// The demo class's name, so callers can find it.
pub const CLASS_NAME: &str = "Grade 3 — Room 12";

/// Fills an empty record with the demo class, in the school year that contains `today`.
/// Refuses (writing nothing) when the record already has students.
pub fn load_demo_class(store: &mut Store, today: NaiveDate) -> Result<DemoSummary> {
    if store.check()?.students > 0 {
        return Err(Error::Conflict(
            "This record already has students, so the demo class was not added. Open an empty \
             record to try the demo (for example `rapport --db demo.sqlite3 demo`)."
                .into(),
        ));
    }
    store.atomically(|store| {
        let class = store.start_class(
            &ClassDetails {
                name: CLASS_NAME.into(),
                grade: "3".into(),
                room: "12".into(),
            },
            today,
        )?;
        let mut guardian_ids: Vec<(&str, Id)> = Vec::new();
        for (number, child) in STUDENTS.iter().enumerate() {
            let student = store.add_student(&StudentDetails {
                class_id: class.id,
                given_name: child.given.into(),
                family_name: child.family.into(),
                preferred_name: child.preferred.into(),
                name_order: child.order,
                pronouns: child.pronouns.into(),
                grade: "3".into(),
                school_student_id: Some(format!("S{:05}", 24_100 + number)),
                notes: child.notes.into(),
                latin_name: child.latin.into(),
            })?;
            for key in child.guardians {
                let (key, lives_with) = match key.strip_prefix('~') {
                    Some(key) => (key, false),
                    None => (*key, true),
                };
                let link = GuardianLink {
                    is_primary: false,
                    lives_with,
                };
                match guardian_ids.iter().find(|(k, _)| *k == key) {
                    Some(&(_, id)) => store.link_guardian(student.id, id, link)?,
                    None => {
                        let demo = GUARDIANS
                            .iter()
                            .find(|d| d.key == key)
                            .ok_or(Error::NotFound("A demo guardian"))?;
                        let guardian = store.add_guardian(student.id, &details_of(demo), link)?;
                        guardian_ids.push((key, guardian.id));
                    }
                }
            }
        }
        let year = store.school_year(class.school_year_id)?;
        year::fill_year(store, class.id, year.details.starts_on, today, DEMO_SEED)?;
        plan_conferences(store, class.id, today)?;
        let mut settings = store.settings()?;
        if settings.teacher_name.is_empty() {
            settings.teacher_name = "Jordan Rivera".into();
        }
        if settings.school_name.is_empty() {
            settings.school_name = "Maple Grove Elementary".into();
        }
        store.save_settings(&settings)?;
        Ok(DemoSummary {
            class_id: class.id,
            students: STUDENTS.len(),
            guardians: guardian_ids.len(),
        })
    })
}

/// Two afternoons of 20-minute conferences, two days and nine days from `today`, booked by most
/// families in the order they joined, with an interpreter where the family prefers another language.
fn plan_conferences(store: &mut Store, class_id: Id, today: NaiveDate) -> Result<()> {
    let mut students = store.students(class_id)?;
    students.sort_by_key(|s| s.id);
    let mut families = students.into_iter().filter_map(|s| {
        let record = store.student_record(s.id).ok()?;
        let guardian = record
            .guardians
            .iter()
            .find(|g| g.guardian.details.may_contact)?;
        let language =
            Some(guardian.guardian.details.preferred_language.clone()).filter(|l| l != "en");
        Some((s.id, language))
    });
    for days_ahead in [2, 9] {
        let day = today + chrono::Duration::days(days_ahead);
        for slot in 0..9 {
            let Some(starts_at) = day.and_hms_opt(15, 0, 0) else {
                continue;
            };
            let (student_id, interpreter_language) = match (slot, families.next()) {
                // The last slot of each afternoon stays open for a family who needs another time.
                (8, _) | (_, None) => (None, None),
                (_, Some(family)) => (Some(family.0), family.1),
            };
            store.add_conference(&ConferenceDetails {
                class_id,
                student_id,
                starts_at: starts_at + chrono::Duration::minutes(20 * slot),
                minutes: 20,
                place: "Room 12".into(),
                interpreter_language,
                attendees: String::new(),
                notes: String::new(),
                sensitive: false,
            })?;
        }
    }
    Ok(())
}

fn details_of(demo: &DemoGuardian) -> GuardianDetails {
    GuardianDetails {
        name: demo.name.into(),
        relationship: demo.relationship.into(),
        phone: demo.phone.into(),
        email: demo.email.into(),
        preferred_method: demo.method,
        preferred_language: demo.language.into(),
        best_time: demo.best_time.into(),
        may_contact: demo.no_contact_reason.is_none(),
        no_contact_reason: demo.no_contact_reason.unwrap_or_default().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guardian_key_is_used_and_known() {
        for child in STUDENTS {
            for key in child.guardians {
                let key = key.trim_start_matches('~');
                assert!(
                    GUARDIANS.iter().any(|g| g.key == key),
                    "unknown guardian {key}"
                );
            }
        }
        for guardian in GUARDIANS {
            let used = STUDENTS.iter().any(|c| {
                c.guardians
                    .iter()
                    .any(|k| k.trim_start_matches('~') == guardian.key)
            });
            assert!(used, "unused guardian {}", guardian.key);
        }
    }
}
