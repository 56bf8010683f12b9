//! OneRoster 1.1 CSV, the export student information systems write: a folder or a `.zip` with
//! `manifest.csv`, `users.csv`, `enrollments.csv`, `classes.csv` and `orgs.csv`. One class is
//! read: its students come from enrollments with role `student`; their guardians are the users
//! with role `parent`, `guardian` or `relative` that a student's `agentSourcedIds` names (a
//! guardian shared by siblings is one person, by sourcedId). Teachers and aides are never
//! students. Rows marked `tobedeleted` are left out.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::text::{decode, key, Rows};
use super::{Problems, Roster, RosterGuardian, RosterStudent};
use crate::error::{Error, Result};
use crate::model::{GuardianDetails, Id, StudentDetails};
use crate::validate::{clean_guardian, clean_student, MAX_ROSTER_BYTES};

const FILES: [&str; 5] = [
    "manifest.csv",
    "users.csv",
    "enrollments.csv",
    "classes.csv",
    "orgs.csv",
];

/// One CSV file of the export, with its header keys.
struct Table {
    file: &'static str,
    headers: Vec<String>,
    /// (row number, fields); the header is row 1.
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn column(&self, name: &str) -> Option<usize> {
        let wanted = key(name);
        self.headers.iter().position(|h| *h == wanted)
    }

    /// Rows not marked for deletion.
    fn live(&self) -> impl Iterator<Item = &(usize, Vec<String>)> {
        let status = self.column("status");
        self.rows.iter().filter(move |(_, fields)| {
            status
                .and_then(|i| fields.get(i))
                .is_none_or(|s| !s.eq_ignore_ascii_case("tobedeleted"))
        })
    }
}

/// Reads the files of an export from a folder or a zip, by their names in lower case.
fn files(path: &Path) -> Result<HashMap<String, String>> {
    let mut found = HashMap::new();
    let too_big = || {
        Error::BadFile(format!(
            "{} holds more than any roster Rapport reads ({} MB). Nothing was changed.",
            path.display(),
            MAX_ROSTER_BYTES / (1024 * 1024)
        ))
    };
    if path.is_dir() {
        for name in FILES {
            let file = path.join(name);
            if file.is_file() {
                found.insert(name.to_string(), super::text::read_limited(&file)?);
            }
        }
        return Ok(found);
    }
    let io = |e: std::io::Error| Error::io(format!("Could not read {}", path.display()), e);
    if std::fs::metadata(path).map_err(io)?.len() > MAX_ROSTER_BYTES {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| {
        Error::BadFile(format!(
            "{} is not a zip file Rapport can read ({e}). Nothing was changed.",
            path.display()
        ))
    })?;
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(|e| {
            Error::BadFile(format!(
                "{} is damaged ({e}). Nothing was changed.",
                path.display()
            ))
        })?;
        // Files may sit in a folder inside the zip; only the five names matter.
        let name = entry
            .name()
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !FILES.contains(&name.as_str()) {
            continue;
        }
        // What a zip says of its sizes is not to be believed: the bytes actually inflated are
        // counted, and reading stops one byte past what may still come.
        if total.saturating_add(entry.size()) > MAX_ROSTER_BYTES {
            return Err(too_big());
        }
        let room = MAX_ROSTER_BYTES - total;
        let mut bytes = Vec::new();
        (&mut entry)
            .take(room + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        total += bytes.len() as u64;
        if total > MAX_ROSTER_BYTES {
            return Err(too_big());
        }
        found.insert(name, decode(&bytes));
    }
    Ok(found)
}

fn table(file: &'static str, text: &str, problems: &mut Problems) -> Table {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map(|h| h.iter().map(key).collect())
        .unwrap_or_default();
    let mut rows = Vec::new();
    for (row, record) in Rows::after_header(reader, text) {
        match record {
            Ok(r) if r.iter().all(str::is_empty) => {}
            Ok(r) => rows.push((row, r.iter().map(str::to_string).collect())),
            Err(e) => {
                problems.add(file, row, None, format!("this row cannot be read ({e})"));
            }
        }
    }
    Table {
        file,
        headers,
        rows,
    }
}

/// The classes of a OneRoster export, as (sourcedId, title), for the teacher to pick one.
pub fn classes(path: &Path) -> Result<Vec<(String, String)>> {
    let files = files(path)?;
    let Some(text) = files.get("classes.csv") else {
        return Ok(Vec::new());
    };
    let mut problems = Problems::default();
    let table = table("classes.csv", text, &mut problems);
    let (id, title) = (table.column("sourcedId"), table.column("title"));
    Ok(table
        .live()
        .filter_map(|(_, f)| Some((f.get(id?)?.clone(), f.get(title?)?.clone())))
        .collect())
}

/// Reads one class of a OneRoster export: `class` by title or sourcedId, or the only class.
pub fn read(path: &Path, class: Option<&str>) -> Result<Roster> {
    from_files(&files(path)?, class)
}

/// Reads one class from the export's files, by their names in lower case ("users.csv").
pub fn from_files(files: &HashMap<String, String>, class: Option<&str>) -> Result<Roster> {
    let mut problems = Problems::default();
    for name in FILES {
        if !files.contains_key(name) {
            problems.add(
                name,
                0,
                None,
                "this file is missing from the OneRoster export",
            );
        }
    }
    if !problems.0.is_empty() {
        return problems.finish(Roster::default());
    }
    let load = |name: &'static str, problems: &mut Problems| table(name, &files[name], problems);
    let users = load("users.csv", &mut problems);
    let enrollments = load("enrollments.csv", &mut problems);
    let classes = load("classes.csv", &mut problems);
    for (t, needed) in [
        (
            &users,
            &["sourcedId", "role", "givenName", "familyName"][..],
        ),
        (
            &enrollments,
            &["classSourcedId", "userSourcedId", "role"][..],
        ),
        (&classes, &["sourcedId", "title"][..]),
    ] {
        for column in needed {
            if t.column(column).is_none() {
                problems.add(
                    t.file,
                    1,
                    Some(column),
                    format!("the {column} column is missing"),
                );
            }
        }
    }
    if !problems.0.is_empty() {
        return problems.finish(Roster::default());
    }
    let col = |t: &Table, name: &str| t.column(name).unwrap_or(usize::MAX);
    let field = |fields: &[String], index: usize| -> String {
        fields.get(index).cloned().unwrap_or_default()
    };

    // The class.
    let (c_id, c_title, c_grades) = (
        col(&classes, "sourcedId"),
        col(&classes, "title"),
        col(&classes, "grades"),
    );
    let live_classes: Vec<&(usize, Vec<String>)> = classes.live().collect();
    let chosen = match class {
        Some(wanted) => live_classes.iter().find(|(_, f)| {
            field(f, c_id) == wanted || field(f, c_title).eq_ignore_ascii_case(wanted.trim())
        }),
        None if live_classes.len() == 1 => live_classes.first(),
        None => None,
    };
    let Some((_, class_fields)) = chosen else {
        let titles: Vec<String> = live_classes
            .iter()
            .map(|(_, f)| format!("“{}” ({})", field(f, c_title), field(f, c_id)))
            .collect();
        let message = match class {
            Some(wanted) => format!(
                "there is no class “{wanted}”; the export has {}",
                titles.join(", ")
            ),
            None => format!(
                "the export has {} classes; choose one with --class: {}",
                titles.len(),
                titles.join(", ")
            ),
        };
        problems.add("classes.csv", 0, None, message);
        return problems.finish(Roster::default());
    };
    let class_id = field(class_fields, c_id);

    // Users by sourcedId.
    let u = |name: &str| col(&users, name);
    let (u_id, u_role, u_given, u_family) =
        (u("sourcedId"), u("role"), u("givenName"), u("familyName"));
    let (u_identifier, u_email, u_phone, u_sms, u_agents, u_grades, u_preferred) = (
        u("identifier"),
        u("email"),
        u("phone"),
        u("sms"),
        u("agentSourcedIds"),
        u("grades"),
        u("preferredFirstName"),
    );
    let mut by_id: HashMap<String, (usize, &Vec<String>)> = HashMap::new();
    for (row, fields) in users.live() {
        let id = field(fields, u_id);
        if id.is_empty() {
            problems.add("users.csv", *row, Some("sourcedId"), "sourcedId is empty");
        } else if by_id.insert(id.clone(), (*row, fields)).is_some() {
            problems.add(
                "users.csv",
                *row,
                Some("sourcedId"),
                format!("{id} appears twice"),
            );
        }
    }

    let mut roster = Roster {
        class_name: Some(field(class_fields, c_title)).filter(|t| !t.is_empty()),
        source: Some(field(class_fields, col(&classes, "schoolSourcedId")))
            .filter(|s| !s.is_empty()),
        grade: field(class_fields, c_grades)
            .split(',')
            .next()
            .unwrap_or("")
            .trim()
            .to_string(),
        students: Vec::new(),
    };
    let (e_class, e_user, e_role) = (
        col(&enrollments, "classSourcedId"),
        col(&enrollments, "userSourcedId"),
        col(&enrollments, "role"),
    );
    let mut guardians_read: HashMap<String, Option<RosterGuardian>> = HashMap::new();
    for (row, fields) in enrollments.live() {
        if field(fields, e_class) != class_id
            || !field(fields, e_role).eq_ignore_ascii_case("student")
        {
            continue;
        }
        let user_id = field(fields, e_user);
        let Some(&(user_row, user)) = by_id.get(&user_id) else {
            problems.add(
                "enrollments.csv",
                *row,
                Some("userSourcedId"),
                format!("{user_id} is not in users.csv"),
            );
            continue;
        };
        if !field(user, u_role).eq_ignore_ascii_case("student") {
            problems.add(
                "enrollments.csv",
                *row,
                Some("role"),
                format!(
                    "{user_id} is enrolled as a student but users.csv row {user_row} gives the role {}",
                    field(user, u_role)
                ),
            );
            continue;
        }
        let identifier = field(user, u_identifier);
        let details = StudentDetails {
            class_id: Id::default(),
            given_name: field(user, u_given),
            family_name: field(user, u_family),
            preferred_name: field(user, u_preferred),
            grade: field(user, u_grades)
                .split(',')
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
            school_student_id: Some(if identifier.is_empty() {
                user_id.clone()
            } else {
                identifier
            }),
            ..Default::default()
        };
        let student = match clean_student(&details) {
            Ok(s) => s,
            Err(error) => {
                for p in error.field_problems() {
                    let column = match p.field {
                        "given_name" => "givenName",
                        "family_name" => "familyName",
                        "preferred_name" => "preferredFirstName",
                        "grade" => "grades",
                        "school_student_id" => "identifier",
                        other => other,
                    };
                    let message = if p.message.contains("required") || p.message.contains("empty") {
                        format!("{column} is empty")
                    } else {
                        p.message.clone()
                    };
                    problems.add("users.csv", user_row, Some(column), message);
                }
                continue;
            }
        };
        let mut guardians = Vec::new();
        for agent in field(user, u_agents)
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
        {
            let read = guardians_read.entry(agent.to_string()).or_insert_with(|| {
                let Some(&(agent_row, agent_user)) = by_id.get(agent) else {
                    problems.add(
                        "users.csv",
                        user_row,
                        Some("agentSourcedIds"),
                        format!("{agent} is not in users.csv"),
                    );
                    return None;
                };
                let role = field(agent_user, u_role).to_ascii_lowercase();
                if !matches!(role.as_str(), "parent" | "guardian" | "relative") {
                    // A teacher or aide named as an agent is not a family member.
                    return None;
                }
                let name = [field(agent_user, u_given), field(agent_user, u_family)]
                    .iter()
                    .filter(|n| !n.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
                let phone = Some(field(agent_user, u_phone))
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| field(agent_user, u_sms));
                let details = GuardianDetails {
                    name,
                    relationship: match role.as_str() {
                        "parent" => "Parent",
                        "guardian" => "Guardian",
                        _ => "Relative",
                    }
                    .into(),
                    phone,
                    email: field(agent_user, u_email),
                    preferred_language: "en".into(),
                    may_contact: true,
                    ..Default::default()
                };
                match clean_guardian(&details) {
                    Ok(g) => Some(RosterGuardian {
                        school_id: Some(agent.to_string()),
                        name: g.name,
                        relationship: g.relationship,
                        phone: g.phone,
                        email: g.email,
                        language: String::new(),
                    }),
                    Err(error) => {
                        for p in error.field_problems() {
                            let column = match p.field {
                                "name" => "givenName",
                                "phone" => "phone",
                                "email" => "email",
                                other => other,
                            };
                            let message = if p.field == "name" {
                                "givenName and familyName are empty".to_string()
                            } else {
                                p.message.clone()
                            };
                            problems.add("users.csv", agent_row, Some(column), message);
                        }
                        None
                    }
                }
            });
            if let Some(guardian) = read {
                guardians.push(guardian.clone());
            }
        }
        roster.students.push(RosterStudent {
            school_id: student.school_student_id,
            given_name: student.given_name,
            family_name: student.family_name,
            preferred_name: student.preferred_name,
            grade: student.grade,
            pronouns: String::new(),
            latin_name: String::new(),
            guardians,
            source: format!("users.csv row {user_row}"),
        });
    }
    if roster.students.is_empty() && problems.0.is_empty() {
        problems.add(
            "enrollments.csv",
            0,
            None,
            format!("no student is enrolled in the class {class_id}"),
        );
    }
    problems.finish(roster)
}
