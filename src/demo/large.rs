//! A large, many-year record for benchmarks: `years` school years, each a class of `students`
//! generated children with their families and a full year of partnership; every year but the
//! current one archived. Deterministic.

use chrono::{Duration, NaiveDate};

use super::dice::Dice;
use super::{year, DemoSummary};
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;

/// Names by family language: family names, children's given names, adults' given names.
struct Community {
    language: &'static str,
    order: NameOrder,
    families: &'static [&'static str],
    children: &'static [&'static str],
    adults: &'static [&'static str],
}

const COMMUNITIES: &[Community] = &[
    Community {
        language: "en",
        order: NameOrder::GivenFirst,
        families: &[
            "Smith", "Johnson", "Williams", "Brown", "Taylor", "Walsh", "O'Brien", "Miller",
            "Davis", "Clarke",
        ],
        children: &[
            "Liam", "Olivia", "Noah", "Emma", "Ava", "Elijah", "Grace", "Leo", "Harper", "Isaac",
        ],
        adults: &[
            "Sarah", "Michael", "Jennifer", "David", "Laura", "James", "Karen", "Robert",
        ],
    },
    Community {
        language: "es",
        order: NameOrder::GivenFirst,
        families: &[
            "García",
            "Núñez",
            "Hernández",
            "López",
            "Martínez",
            "Cruz",
            "Rodríguez",
            "Peña",
        ],
        children: &[
            "Mateo",
            "Sofía",
            "Valentina",
            "Santiago",
            "Camila",
            "Diego",
            "Lucía",
            "Íñigo",
        ],
        adults: &[
            "María",
            "José",
            "Guadalupe",
            "Carlos",
            "Rosa",
            "Javier",
            "Lucía",
            "Miguel",
        ],
    },
    Community {
        language: "vi",
        order: NameOrder::FamilyFirst,
        families: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng"],
        children: &[
            "Thị Hương",
            "Minh Anh",
            "Gia Bảo",
            "Ngọc Hân",
            "Đức Huy",
            "Thu Trang",
        ],
        adults: &["Thị Lan", "Văn Hùng", "Thị Mai", "Văn Nam", "Thị Hoa"],
    },
    Community {
        language: "zh-Hans",
        order: NameOrder::FamilyFirst,
        families: &["王", "李", "张", "刘", "陈", "杨", "赵"],
        children: &["小明", "欣怡", "子轩", "雨桐", "浩然", "梓涵"],
        adults: &["伟", "娜", "静", "强", "敏", "磊"],
    },
    Community {
        language: "ar",
        order: NameOrder::GivenFirst,
        families: &["حداد", "خوري", "منصور", "سعيد", "عباس"],
        children: &["يوسف", "مريم", "عمر", "ليلى", "آدم", "نور"],
        adults: &["ليلى", "كريم", "سارة", "أحمد", "فاطمة"],
    },
    Community {
        language: "ru",
        order: NameOrder::GivenFirst,
        families: &["Петрова", "Иванов", "Смирнова", "Кузнецов", "Попова"],
        children: &["Анна", "Михаил", "София", "Артём", "Алиса", "Максим"],
        adults: &["Ольга", "Виктор", "Елена", "Сергей", "Наталья"],
    },
    Community {
        language: "so",
        order: NameOrder::GivenFirst,
        families: &["Ali", "Hassan", "Mohamed", "Abdi", "Warsame"],
        children: &["Hamza", "Amina", "Yusuf", "Hodan", "Ayaan"],
        adults: &["Hodan", "Abdi", "Faadumo", "Mahad"],
    },
];

const RELATIONSHIPS: [&str; 2] = ["Mother", "Father"];

/// Fills an empty record with `years` school years of `students` children each, ending in the
/// year that contains `today`.
pub fn load_large_record(
    store: &mut Store,
    today: NaiveDate,
    students: usize,
    years: usize,
) -> Result<DemoSummary> {
    if store.check()?.students > 0 {
        return Err(Error::Conflict(
            "This record already has students, so the demo record was not added. Use an empty record.".into(),
        ));
    }
    if students == 0 || years == 0 || students > 5_000 || years > 30 {
        return Err(Error::invalid(
            "students",
            "Choose 1 to 5000 students and 1 to 30 years for a demo record.",
        ));
    }
    store.atomically(|store| {
        let mut dice = Dice::new(42);
        let mut last_class = None;
        let mut guardians = 0;
        for back in (0..years).rev() {
            let day = today - Duration::days(365 * back as i64);
            let year = store.find_or_add_school_year(&SchoolYearDetails::containing(day))?;
            let class = store.add_class(
                year.id,
                &ClassDetails {
                    name: format!("Grade 3 — {}", year.details.name),
                    grade: "3".into(),
                    room: "12".into(),
                },
            )?;
            for number in 0..students {
                guardians += add_family(store, &mut dice, class.id, number)?;
            }
            let until = year.details.ends_on.min(today);
            year::fill_year(
                store,
                class.id,
                year.details.starts_on,
                until,
                1_000 + back as u64,
            )?;
            if back > 0 {
                store.set_class_archived(class.id, true)?;
            }
            last_class = Some(class.id);
        }
        let class_id = last_class.ok_or(Error::NotFound("The demo class"))?;
        let settings = store.settings()?;
        store.save_settings(&Settings {
            current_class_id: Some(class_id),
            ..settings
        })?;
        Ok(DemoSummary {
            class_id,
            students: students * years,
            guardians,
        })
    })
}

/// Adds one generated child with one or two guardians; returns how many guardians.
fn add_family(store: &mut Store, dice: &mut Dice, class_id: Id, number: usize) -> Result<usize> {
    let community = dice.pick(COMMUNITIES);
    let family = *dice.pick(community.families);
    let student = store.add_student(&StudentDetails {
        class_id,
        given_name: dice.pick(community.children).to_string(),
        family_name: family.into(),
        name_order: community.order,
        grade: "3".into(),
        school_student_id: Some(format!("G{number:05}")),
        ..Default::default()
    })?;
    let count = if dice.chance(60) { 2 } else { 1 };
    for (n, relationship) in RELATIONSHIPS.iter().take(count).enumerate() {
        let given = *dice.pick(community.adults);
        let name = match community.order {
            NameOrder::FamilyFirst => format!("{family} {given}"),
            NameOrder::GivenFirst => format!("{given} {family}"),
        };
        store.add_guardian(
            student.id,
            &GuardianDetails {
                name,
                relationship: relationship.to_string(),
                phone: format!("555-{:04}", dice.below(10_000)),
                preferred_method: *dice.pick(ContactMethod::ALL),
                preferred_language: community.language.into(),
                ..Default::default()
            },
            GuardianLink {
                is_primary: n == 0,
                lives_with: n == 0 || dice.chance(70),
            },
        )?;
    }
    Ok(count)
}
