//! Writing a checked roster into the record, all or nothing, or only previewing what it would do
//! (the same work inside a transaction that is rolled back). A child already in the class is
//! matched on the school's id (or, without one, on the name) and updated, never duplicated; a
//! guardian is matched on the school's id (OneRoster), or among the child's guardians by name, or
//! among the guardians this import already made (siblings in a simple CSV). What the teacher
//! added by hand (notes, a guardian's best time, who must not be contacted) is never overwritten.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Roster, RosterGuardian, RosterStudent};
use crate::error::{Error, Result};
use crate::model::{Class, ClassDetails, GuardianDetails, GuardianLink, Id, StudentDetails};
use crate::store::Store;

/// Where a roster goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassTarget {
    /// A class of this name: the existing one (not archived), or a new one in today's school year.
    Named(String),
    /// The roster's own class name (OneRoster), else the current class.
    FromRoster,
}

/// What an import did, or would do.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RosterReport {
    pub class_id: Id,
    pub class_name: String,
    pub class_created: bool,
    /// Children's names, as listed.
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    pub guardians_added: usize,
    pub guardians_updated: usize,
    /// True when this was a preview and nothing was written.
    pub dry_run: bool,
}

impl Store {
    /// Imports a roster into a class, or with `dry_run` only reports what it would do.
    pub fn import_roster(
        &mut self,
        roster: &Roster,
        target: &ClassTarget,
        today: NaiveDate,
        dry_run: bool,
    ) -> Result<RosterReport> {
        let work = |store: &mut Store| write(store, roster, target, today);
        let report = match dry_run {
            true => self.dry_run(work)?,
            false => self.atomically(work)?,
        };
        Ok(RosterReport { dry_run, ..report })
    }
}

fn write(
    store: &mut Store,
    roster: &Roster,
    target: &ClassTarget,
    today: NaiveDate,
) -> Result<RosterReport> {
    let (class, class_created) = target_class(store, roster, target, today)?;
    let mut report = RosterReport {
        class_id: class.id,
        class_name: class.details.name.clone(),
        class_created,
        ..Default::default()
    };
    // Guardians made by this import, by (name, phone or email), so siblings share theirs.
    let mut made: Vec<(String, String, Id)> = Vec::new();
    // The class's children, and those this import adds (a roster may list a child on two rows,
    // one per guardian).
    let mut known: Vec<Known> = store
        .students(class.id)?
        .into_iter()
        .map(|s| Known {
            id: s.id,
            school_id: s.school_student_id,
            given_name: s.given_name,
            family_name: s.family_name,
            added_here: false,
        })
        .collect();
    let source = roster.source.as_deref().unwrap_or("");
    for child in &roster.students {
        let name = display(child);
        match find(&known, child) {
            Some(index) => {
                let id = known[index].id;
                let mut changed = update_child(store, &mut known[index], child)?;
                changed |= guardians(store, source, id, child, &mut made, &mut report)?;
                if known[index].added_here {
                    // Another row of a child this import adds: already counted.
                } else if changed {
                    report.updated.push(name);
                } else {
                    report.unchanged.push(name);
                }
            }
            None => {
                let id = add_child(store, class.id, roster, child)?;
                guardians(store, source, id, child, &mut made, &mut report)?;
                known.push(Known {
                    id,
                    school_id: child.school_id.clone(),
                    given_name: child.given_name.clone(),
                    family_name: child.family_name.clone(),
                    added_here: true,
                });
                report.added.push(name);
            }
        }
    }
    // The teacher goes on with the class just filled.
    let settings = store.settings()?;
    if settings.current_class_id != Some(class.id) {
        store.save_settings(&crate::model::Settings {
            current_class_id: Some(class.id),
            ..settings
        })?;
    }
    Ok(report)
}

/// The class a roster fills, and whether this import made it: the named class (or the roster's
/// own) when it exists and is open, the current class when the roster names none, else a new one.
fn target_class(
    store: &mut Store,
    roster: &Roster,
    target: &ClassTarget,
    today: NaiveDate,
) -> Result<(Class, bool)> {
    let name = match target {
        ClassTarget::Named(name) => Some(name.trim().to_string()),
        ClassTarget::FromRoster => roster.class_name.clone(),
    };
    let existing = match &name {
        Some(name) => store
            .classes()?
            .into_iter()
            .find(|c| !c.archived && c.details.name.eq_ignore_ascii_case(name)),
        None => match store.settings()?.current_class_id {
            Some(id) => Some(store.class(id)?),
            None => None,
        },
    };
    match existing {
        Some(class) if class.archived => Err(Error::Conflict(format!(
            "{} is archived, so no roster can be imported into it.",
            class.details.name
        ))),
        Some(class) => Ok((class, false)),
        None => {
            let details = ClassDetails {
                name: name.unwrap_or_else(|| "My class".into()),
                grade: roster.grade.clone(),
                ..Default::default()
            };
            Ok((store.start_class(&details, today)?, true))
        }
    }
}

/// The class's child a roster row is about: by the school's id; else by name, among children the
/// school has given no id yet (a child entered by hand before the first import).
fn find(known: &[Known], child: &RosterStudent) -> Option<usize> {
    let same_name = |k: &Known| {
        k.given_name.eq_ignore_ascii_case(&child.given_name)
            && k.family_name.eq_ignore_ascii_case(&child.family_name)
    };
    match &child.school_id {
        Some(id) => known
            .iter()
            .position(|k| k.school_id.as_deref() == Some(id.as_str()))
            .or_else(|| {
                known
                    .iter()
                    .position(|k| k.school_id.is_none() && same_name(k))
            }),
        None => known.iter().position(same_name),
    }
}

/// Brings a known child up to the roster (a blank cell keeps what the teacher wrote); whether
/// anything changed.
fn update_child(store: &mut Store, known: &mut Known, child: &RosterStudent) -> Result<bool> {
    let current = store.student(known.id)?.details;
    let wanted = StudentDetails {
        given_name: child.given_name.clone(),
        family_name: child.family_name.clone(),
        preferred_name: keep_or(&child.preferred_name, &current.preferred_name),
        grade: keep_or(&child.grade, &current.grade),
        pronouns: keep_or(&child.pronouns, &current.pronouns),
        latin_name: keep_or(&child.latin_name, &current.latin_name),
        school_student_id: child
            .school_id
            .clone()
            .or(current.school_student_id.clone()),
        ..current.clone()
    };
    if wanted == current {
        return Ok(false);
    }
    store.update_student(known.id, &wanted).map_err(at(child))?;
    known.school_id = wanted.school_student_id;
    Ok(true)
}

/// Adds a child the class does not have yet (with the roster's grade when the row has none).
fn add_child(
    store: &mut Store,
    class_id: Id,
    roster: &Roster,
    child: &RosterStudent,
) -> Result<Id> {
    let student = store
        .add_student(&StudentDetails {
            class_id,
            given_name: child.given_name.clone(),
            family_name: child.family_name.clone(),
            preferred_name: child.preferred_name.clone(),
            grade: if child.grade.is_empty() {
                roster.grade.clone()
            } else {
                child.grade.clone()
            },
            pronouns: child.pronouns.clone(),
            latin_name: child.latin_name.clone(),
            school_student_id: child.school_id.clone(),
            name_order: name_order(&child.family_name),
            ..Default::default()
        })
        .map_err(at(child))?;
    Ok(student.id)
}

/// Rosters do not say in which order a child's names go; a Chinese, Japanese or Korean family name
/// goes first ("王小明", "김민준"). The teacher can change it on the child's page.
fn name_order(family_name: &str) -> crate::model::NameOrder {
    match family_name.chars().next() {
        Some(c) if crate::text::joins_names_without_space(c) => {
            crate::model::NameOrder::FamilyFirst
        }
        _ => crate::model::NameOrder::GivenFirst,
    }
}

fn display(child: &RosterStudent) -> String {
    StudentDetails {
        given_name: child.given_name.clone(),
        family_name: child.family_name.clone(),
        preferred_name: child.preferred_name.clone(),
        name_order: name_order(&child.family_name),
        ..Default::default()
    }
    .display_name()
}

/// The roster's value, or what the record has when the roster leaves it empty.
fn keep_or(roster: &str, current: &str) -> String {
    if roster.is_empty() {
        current.to_string()
    } else {
        roster.to_string()
    }
}

/// A child of the class as an import matches rows against it.
struct Known {
    id: Id,
    school_id: Option<String>,
    given_name: String,
    family_name: String,
    /// Added by this import: another row of the same child is not counted again.
    added_here: bool,
}

/// A problem writing a child names the row the child came from.
fn at(child: &RosterStudent) -> impl Fn(Error) -> Error + '_ {
    move |error| Error::Conflict(format!("{}: {error}", child.source))
}

/// Links and updates a child's guardians; true when anything changed.
fn guardians(
    store: &mut Store,
    source: &str,
    student_id: Id,
    child: &RosterStudent,
    made: &mut Vec<(String, String, Id)>,
    report: &mut RosterReport,
) -> Result<bool> {
    let mut changed = false;
    for (index, g) in child.guardians.iter().enumerate() {
        let linked = store.guardians_of(student_id)?;
        let reach = if g.phone.is_empty() {
            g.email.to_lowercase()
        } else {
            g.phone.clone()
        };
        let found = existing_guardian(store, source, g, &linked, made, &reach)?;
        let guardian_id = match found {
            Some(id) => {
                let current = store.guardian(id)?.details;
                let wanted = GuardianDetails {
                    name: g.name.clone(),
                    relationship: keep_or(&g.relationship, &current.relationship),
                    phone: keep_or(&g.phone, &current.phone),
                    email: keep_or(&g.email, &current.email),
                    preferred_language: keep_or(&g.language, &current.preferred_language),
                    ..current.clone()
                };
                if wanted != current {
                    store.update_guardian(id, &wanted).map_err(at(child))?;
                    report.guardians_updated += 1;
                    changed = true;
                }
                if !linked.iter().any(|l| l.guardian.id == id) {
                    store
                        .link_guardian(student_id, id, link(index, &linked))
                        .map_err(at(child))?;
                    changed = true;
                }
                id
            }
            None => {
                let guardian = store
                    .add_guardian(student_id, &details(g), link(index, &linked))
                    .map_err(at(child))?;
                report.guardians_added += 1;
                made.push((g.name.clone(), reach, guardian.id));
                changed = true;
                guardian.id
            }
        };
        if let Some(school_id) = &g.school_id {
            store.remember_roster_guardian(source, school_id, guardian_id)?;
        }
    }
    Ok(changed)
}

/// The guardian this roster line names, if Rapport knows them already: by the school's id, among
/// the child's guardians by name, or among guardians this import just made for a sibling.
fn existing_guardian(
    store: &Store,
    source: &str,
    g: &RosterGuardian,
    linked: &[crate::model::LinkedGuardian],
    made: &[(String, String, Id)],
    reach: &str,
) -> Result<Option<Id>> {
    // The school's id names the guardian an earlier import made, if it is the same school's
    // id and still the same person (two families are never merged on an id alone).
    let by_school_id: Option<Id> = match &g.school_id {
        Some(id) => store.roster_guardian(source, id)?.filter(|&found| {
            store
                .guardian(found)
                .is_ok_and(|known| known.details.name.eq_ignore_ascii_case(&g.name))
        }),
        None => None,
    };
    Ok(by_school_id
        .or_else(|| {
            linked
                .iter()
                .find(|l| l.guardian.details.name.eq_ignore_ascii_case(&g.name))
                .map(|l| l.guardian.id)
        })
        .or_else(|| {
            // A sibling's guardian made by this import: the same name and the same phone or
            // email (two strangers with one name and no details are not one person).
            made.iter()
                .find(|(name, r, _)| {
                    !reach.is_empty() && name.eq_ignore_ascii_case(&g.name) && *r == reach
                })
                .map(|(_, _, id)| *id)
        }))
}

/// The first guardian listed is the primary contact when the child has none yet.
fn link(index: usize, linked: &[crate::model::LinkedGuardian]) -> GuardianLink {
    GuardianLink {
        is_primary: index == 0 && !linked.iter().any(|l| l.link.is_primary),
        lives_with: true,
    }
}

fn details(g: &RosterGuardian) -> GuardianDetails {
    GuardianDetails {
        name: g.name.clone(),
        relationship: g.relationship.clone(),
        phone: g.phone.clone(),
        email: g.email.clone(),
        preferred_method: if g.phone.is_empty() && !g.email.is_empty() {
            crate::model::ContactMethod::Email
        } else {
            crate::model::ContactMethod::Phone
        },
        preferred_language: if g.language.is_empty() {
            "en".into()
        } else {
            g.language.clone()
        },
        may_contact: true,
        ..Default::default()
    }
}
