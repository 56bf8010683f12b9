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
    headers: Vec<String>,
    /// (row number, fields); the header is row 1.
    rows: Vec<(usize, Vec<String>)>,
}

/// One row of a table, read by column name.
#[derive(Clone, Copy)]
struct Row<'a> {
    table: &'a Table,
    /// The row's number in its file (the header is row 1).
    number: usize,
    fields: &'a [String],
}

impl Row<'_> {
    /// The value in `column`, or "" when the table has no such column or the row is short.
    fn get(&self, column: &str) -> String {
        self.table
            .column(column)
            .and_then(|i| self.fields.get(i))
            .cloned()
            .unwrap_or_default()
    }
}

impl Table {
    /// Rows not marked for deletion, to read by column name.
    fn live_rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.live().map(move |(number, fields)| Row {
            table: self,
            number: *number,
            fields,
        })
    }

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
    Table { headers, rows }
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
    let Some([users, enrollments, classes]) = tables(files, &mut problems) else {
        return problems.finish(Roster::default());
    };
    let class_row = match choose_class(&classes, class) {
        Ok(row) => row,
        Err(message) => {
            problems.add("classes.csv", 0, None, message);
            return problems.finish(Roster::default());
        }
    };
    let class_id = class_row.get("sourcedId");
    let users = index_users(&users, &mut problems);
    let mut roster = Roster {
        class_name: Some(class_row.get("title")).filter(|t| !t.is_empty()),
        source: Some(class_row.get("schoolSourcedId")).filter(|s| !s.is_empty()),
        grade: first_grade(&class_row.get("grades")),
        students: Vec::new(),
    };
    let mut guardians_read: HashMap<String, Option<RosterGuardian>> = HashMap::new();
    for enrollment in enrollments.live_rows() {
        if enrollment.get("classSourcedId") != class_id
            || !enrollment.get("role").eq_ignore_ascii_case("student")
        {
            continue;
        }
        let Some(user) = enrolled_student(&enrollment, &users, &mut problems) else {
            continue;
        };
        let Some(student) = student_details(&user, &mut problems) else {
            continue;
        };
        let mut guardians = Vec::new();
        for agent in user.get("agentSourcedIds").split(',').map(str::trim) {
            if agent.is_empty() {
                continue;
            }
            let read = match guardians_read.get(agent) {
                Some(read) => read.clone(),
                None => {
                    let read = guardian(agent, &user, &users, &mut problems);
                    guardians_read.insert(agent.to_string(), read.clone());
                    read
                }
            };
            guardians.extend(read);
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
            source: format!("users.csv row {}", user.number),
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

/// The three tables a class needs, each with the columns it is read by; `None` (with every
/// problem noted) when a file, a column or a row cannot be read.
fn tables(files: &HashMap<String, String>, problems: &mut Problems) -> Option<[Table; 3]> {
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
        return None;
    }
    let needed: [(&'static str, &[&str]); 3] = [
        (
            "users.csv",
            &["sourcedId", "role", "givenName", "familyName"],
        ),
        (
            "enrollments.csv",
            &["classSourcedId", "userSourcedId", "role"],
        ),
        ("classes.csv", &["sourcedId", "title"]),
    ];
    let tables = needed.map(|(name, columns)| {
        let t = table(name, &files[name], problems);
        for column in columns {
            if t.column(column).is_none() {
                problems.add(
                    name,
                    1,
                    Some(column),
                    format!("the {column} column is missing"),
                );
            }
        }
        t
    });
    problems.0.is_empty().then_some(tables)
}

/// The class asked for (by sourcedId or title), or the only one; else what to say.
fn choose_class<'a>(classes: &'a Table, wanted: Option<&str>) -> Result<Row<'a>, String> {
    let live: Vec<Row> = classes.live_rows().collect();
    let chosen = match wanted {
        Some(wanted) => live.iter().find(|c| {
            c.get("sourcedId") == wanted || c.get("title").eq_ignore_ascii_case(wanted.trim())
        }),
        None if live.len() == 1 => live.first(),
        None => None,
    };
    if let Some(row) = chosen {
        return Ok(*row);
    }
    let titles: Vec<String> = live
        .iter()
        .map(|c| format!("“{}” ({})", c.get("title"), c.get("sourcedId")))
        .collect();
    Err(match wanted {
        Some(wanted) => format!(
            "there is no class “{wanted}”; the export has {}",
            titles.join(", ")
        ),
        None => format!(
            "the export has {} classes; choose one with --class: {}",
            titles.len(),
            titles.join(", ")
        ),
    })
}

/// Users by sourcedId; an empty or repeated sourcedId is a problem.
fn index_users<'a>(users: &'a Table, problems: &mut Problems) -> HashMap<String, Row<'a>> {
    let mut by_id = HashMap::new();
    for user in users.live_rows() {
        let id = user.get("sourcedId");
        if id.is_empty() {
            problems.add(
                "users.csv",
                user.number,
                Some("sourcedId"),
                "sourcedId is empty",
            );
        } else if by_id.insert(id.clone(), user).is_some() {
            problems.add(
                "users.csv",
                user.number,
                Some("sourcedId"),
                format!("{id} appears twice"),
            );
        }
    }
    by_id
}

/// The user an enrollment names, when it is in users.csv with the role of a student.
fn enrolled_student<'a>(
    enrollment: &Row,
    users: &HashMap<String, Row<'a>>,
    problems: &mut Problems,
) -> Option<Row<'a>> {
    let user_id = enrollment.get("userSourcedId");
    let Some(&user) = users.get(&user_id) else {
        problems.add(
            "enrollments.csv",
            enrollment.number,
            Some("userSourcedId"),
            format!("{user_id} is not in users.csv"),
        );
        return None;
    };
    if !user.get("role").eq_ignore_ascii_case("student") {
        problems.add(
            "enrollments.csv",
            enrollment.number,
            Some("role"),
            format!(
                "{user_id} is enrolled as a student but users.csv row {} gives the role {}",
                user.number,
                user.get("role")
            ),
        );
        return None;
    }
    Some(user)
}

/// A student's details from their users.csv row, cleaned; each problem names its column.
fn student_details(user: &Row, problems: &mut Problems) -> Option<StudentDetails> {
    let identifier = user.get("identifier");
    let details = StudentDetails {
        class_id: Id::default(),
        given_name: user.get("givenName"),
        family_name: user.get("familyName"),
        preferred_name: user.get("preferredFirstName"),
        grade: first_grade(&user.get("grades")),
        school_student_id: Some(if identifier.is_empty() {
            user.get("sourcedId")
        } else {
            identifier
        }),
        ..Default::default()
    };
    match clean_student(&details) {
        Ok(student) => Some(student),
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
                problems.add("users.csv", user.number, Some(column), message);
            }
            None
        }
    }
}

/// A student's agent as a guardian: a parent, guardian or relative in users.csv (a teacher or
/// aide named as an agent is not a family member, and is left out).
fn guardian(
    agent: &str,
    student: &Row,
    users: &HashMap<String, Row>,
    problems: &mut Problems,
) -> Option<RosterGuardian> {
    let Some(user) = users.get(agent) else {
        problems.add(
            "users.csv",
            student.number,
            Some("agentSourcedIds"),
            format!("{agent} is not in users.csv"),
        );
        return None;
    };
    let role = user.get("role").to_ascii_lowercase();
    let relationship = match role.as_str() {
        "parent" => "Parent",
        "guardian" => "Guardian",
        "relative" => "Relative",
        _ => return None,
    };
    let name = [user.get("givenName"), user.get("familyName")]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let phone = Some(user.get("phone"))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| user.get("sms"));
    let details = GuardianDetails {
        name,
        relationship: relationship.into(),
        phone,
        email: user.get("email"),
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
                    other => other,
                };
                let message = match p.field {
                    "name" => "givenName and familyName are empty".to_string(),
                    _ => p.message.clone(),
                };
                problems.add("users.csv", user.number, Some(column), message);
            }
            None
        }
    }
}

/// The first of a comma-separated list of grades ("3,4" is grade 3).
fn first_grade(grades: &str) -> String {
    grades.split(',').next().unwrap_or("").trim().to_string()
}
