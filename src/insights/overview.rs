//! Who the teacher cannot reach yet, which guardians must not be contacted, which languages the
//! families speak, and which families have no handout in theirs: pure read-outs over a class's
//! loaded records.

use serde::Serialize;

use crate::languages;
use crate::model::{GuardianDetails, Id, StudentRecord};

/// A child whose family reads a language Rapport has no handouts in yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HandoutGap {
    pub student_id: Id,
    pub display_name: String,
    /// The language's code and English name.
    pub language: String,
    pub language_english: String,
    /// The guardians (who may be contacted) who read it.
    pub guardians: Vec<String>,
}

/// A child named on the Today screen, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nudge {
    pub student_id: Id,
    pub display_name: String,
    /// One sentence a teacher reads: what is missing and what to do.
    pub detail: String,
}

/// How many families prefer one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LanguageCount {
    pub code: String,
    pub english: String,
    pub native: String,
    /// Students with at least one contactable guardian preferring this language.
    pub students: usize,
}

/// What the Today screen shows about reaching the class's families.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClassOverview {
    pub students: usize,
    pub guardians: usize,
    /// Children with no guardian on record.
    pub no_guardian: Vec<Nudge>,
    /// Children whose contactable guardians have no phone number and no email.
    pub no_way_to_reach: Vec<Nudge>,
    /// Children with a guardian who must not be contacted, with the reason.
    pub do_not_contact: Vec<Nudge>,
    /// Children with guardians who may be contacted and read a language Rapport has no
    /// handouts in: their letters and questionnaires print in English. One per child and language.
    pub without_handout: Vec<HandoutGap>,
    /// Languages other than English, most families first: interpreters and translated letters.
    pub languages: Vec<LanguageCount>,
}

/// Looks over a class's records.
pub fn class_overview(records: &[StudentRecord]) -> ClassOverview {
    let mut overview = ClassOverview {
        students: records.len(),
        guardians: 0,
        no_guardian: Vec::new(),
        no_way_to_reach: Vec::new(),
        do_not_contact: Vec::new(),
        without_handout: Vec::new(),
        languages: Vec::new(),
    };
    let mut guardian_ids: Vec<Id> = Vec::new();
    for record in records {
        guardian_ids.extend(record.guardians.iter().map(|g| g.guardian.id));
        if record.guardians.is_empty() {
            let detail = "No guardian on record yet: add who to call.";
            overview.no_guardian.push(nudge(record, detail.into()));
            continue;
        }
        let contactable: Vec<&GuardianDetails> = record
            .guardians
            .iter()
            .map(|g| &g.guardian.details)
            .filter(|d| d.may_contact)
            .collect();
        reachability(record, &contactable, &mut overview);
        handout_gaps(record, &contactable, &mut overview.without_handout);
        count_languages(&contactable, &mut overview.languages);
    }
    guardian_ids.sort_unstable();
    guardian_ids.dedup();
    overview.guardians = guardian_ids.len();
    overview.languages.sort_by(|a, b| {
        b.students
            .cmp(&a.students)
            .then_with(|| a.english.cmp(&b.english))
    });
    overview
}

fn nudge(record: &StudentRecord, detail: String) -> Nudge {
    Nudge {
        student_id: record.student.id,
        display_name: record.display_name.clone(),
        detail,
    }
}

/// A family no one can reach (no guardian who may be contacted has a phone or email), and each
/// guardian who must not be contacted.
fn reachability(
    record: &StudentRecord,
    contactable: &[&GuardianDetails],
    overview: &mut ClassOverview,
) {
    let reachable = contactable
        .iter()
        .any(|d| !d.phone.is_empty() || !d.email.is_empty());
    if !reachable {
        let detail = if contactable.is_empty() {
            "Every guardian on record must not be contacted: add who the school may call."
        } else {
            "No phone number or email for any guardian: add one."
        };
        overview.no_way_to_reach.push(nudge(record, detail.into()));
    }
    for linked in record
        .guardians
        .iter()
        .filter(|g| !g.guardian.details.may_contact)
    {
        let d = &linked.guardian.details;
        overview.do_not_contact.push(nudge(
            record,
            format!("Do not contact {}: {}", d.name, d.no_contact_reason),
        ));
    }
}

/// Guardians who read a language Rapport has no handouts in: one line per child and language.
fn handout_gaps(
    record: &StudentRecord,
    contactable: &[&GuardianDetails],
    gaps: &mut Vec<HandoutGap>,
) {
    for d in contactable
        .iter()
        .filter(|d| !crate::i18n::has_handout(&d.preferred_language))
    {
        let code = d.preferred_language.as_str();
        match gaps
            .iter_mut()
            .find(|g| g.student_id == record.student.id && g.language == code)
        {
            Some(gap) => gap.guardians.push(d.name.clone()),
            None => gaps.push(HandoutGap {
                student_id: record.student.id,
                display_name: record.display_name.clone(),
                language: code.to_string(),
                language_english: languages::find(code)
                    .map_or(code, |l| l.english)
                    .to_string(),
                guardians: vec![d.name.clone()],
            }),
        }
    }
}

/// Each language besides English that a child's family reads, counted once per child.
fn count_languages(contactable: &[&GuardianDetails], counts: &mut Vec<LanguageCount>) {
    let mut codes: Vec<&str> = contactable
        .iter()
        .map(|d| d.preferred_language.as_str())
        .filter(|code| !code.eq_ignore_ascii_case("en"))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        match counts.iter_mut().find(|l| l.code == code) {
            Some(count) => count.students += 1,
            None => {
                let known = languages::find(code);
                counts.push(LanguageCount {
                    code: code.to_string(),
                    english: known.map_or(code, |l| l.english).to_string(),
                    native: known.map_or(code, |l| l.native).to_string(),
                    students: 1,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    /// Small numbers stand for ids in these tests.
    fn id(n: i64) -> Id {
        Id::legacy(n)
    }

    fn record(n: i64, name: &str, guardians: Vec<(i64, GuardianDetails)>) -> StudentRecord {
        let details = StudentDetails {
            class_id: id(1),
            given_name: name.into(),
            ..Default::default()
        };
        StudentRecord {
            display_name: details.display_name(),
            full_name: details.full_name(),
            student: Student { id: id(n), details },
            class: Class {
                id: id(1),
                school_year_id: id(1),
                details: ClassDetails::default(),
                archived: false,
            },
            guardians: guardians
                .into_iter()
                .map(|(gid, details)| LinkedGuardian {
                    guardian: Guardian {
                        id: id(gid),
                        details,
                    },
                    link: GuardianLink::default(),
                    also_guardian_of: vec![],
                })
                .collect(),
        }
    }

    fn guardian(phone: &str, language: &str) -> GuardianDetails {
        GuardianDetails {
            name: "G".into(),
            phone: phone.into(),
            preferred_language: language.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_child_with_no_guardian_is_named() {
        let o = class_overview(&[
            record(1, "Ana", vec![]),
            record(2, "Ben", vec![(7, guardian("555-0101", "en"))]),
        ]);
        assert_eq!(o.no_guardian.len(), 1);
        assert_eq!(o.no_guardian[0].display_name, "Ana");
        assert!(o.no_way_to_reach.is_empty());
    }

    #[test]
    fn a_guardian_without_phone_or_email_cannot_be_reached() {
        let o = class_overview(&[record(1, "Ana", vec![(7, guardian("", "en"))])]);
        assert_eq!(o.no_way_to_reach.len(), 1);
        assert!(o.no_way_to_reach[0]
            .detail
            .contains("No phone number or email"));
    }

    #[test]
    fn only_contactable_guardians_count_as_a_way_to_reach_a_family() {
        let mut barred = guardian("555-0110", "ru");
        barred.may_contact = false;
        barred.no_contact_reason = "Court order".into();
        let o = class_overview(&[record(1, "Anna", vec![(9, barred)])]);
        assert_eq!(o.no_way_to_reach.len(), 1);
        assert_eq!(o.do_not_contact.len(), 1);
        assert!(o.do_not_contact[0].detail.ends_with("Court order"));
        assert!(
            o.languages.is_empty(),
            "a barred guardian's language needs no interpreter"
        );
    }

    #[test]
    fn languages_count_students_once_and_skip_english() {
        let o = class_overview(&[
            record(
                1,
                "Mateo",
                vec![(1, guardian("1", "es")), (2, guardian("2", "es"))],
            ),
            record(
                2,
                "Sofía",
                vec![(1, guardian("1", "es")), (2, guardian("2", "es"))],
            ),
            record(
                3,
                "Hương",
                vec![(3, guardian("3", "vi")), (4, guardian("4", "en"))],
            ),
        ]);
        assert_eq!(o.guardians, 4, "shared guardians are counted once");
        let counts: Vec<_> = o
            .languages
            .iter()
            .map(|l| (l.code.as_str(), l.students))
            .collect();
        assert_eq!(counts, [("es", 2), ("vi", 1)]);
        assert_eq!(o.languages[0].native, "Español");
    }

    #[test]
    fn families_whose_language_has_no_handout_are_named() {
        let barred = GuardianDetails {
            may_contact: false,
            ..guardian("9", "ja")
        };
        let named = |name: &str, language: &str| GuardianDetails {
            name: name.into(),
            ..guardian("1", language)
        };
        let o = class_overview(&[
            record(1, "Mateo", vec![(1, guardian("1", "es"))]),
            record(
                2,
                "Hương",
                vec![
                    (3, named("Yuki", "ja")),
                    (4, named("Haru", "ja")),
                    (5, guardian("4", "en")),
                ],
            ),
            record(3, "Amina", vec![(6, guardian("5", "en")), (7, barred)]),
        ]);
        // Spanish, Vietnamese and English have handouts, Japanese none yet; a guardian who may not
        // be contacted gets none; two guardians reading one language are one line.
        assert_eq!(o.without_handout.len(), 1, "{:?}", o.without_handout);
        let gap = &o.without_handout[0];
        assert_eq!(gap.display_name, "Hương");
        assert_eq!(gap.language_english, "Japanese");
        assert_eq!(gap.guardians, ["Yuki", "Haru"]);
    }
}
