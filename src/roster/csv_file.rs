//! The simple roster CSV (docs/roster-import.md, `src/roster/template.csv`): one row per child
//! with up to two guardians. Headers may come in any case and order and under the names
//! spreadsheets commonly use ("First Name", "Last name", "Parent 1 Email"); comma, semicolon or
//! tab; quoted fields with commas and line breaks; blank lines are skipped. Every row is checked
//! with the same rules as the app's forms, and every problem is reported at once.

use std::collections::HashMap;

use super::text::{decode, delimiter, key, Rows};
use super::{Problems, Roster, RosterGuardian, RosterStudent};
use crate::error::{Error, FieldProblem, Result};
use crate::languages;
use crate::model::{GuardianDetails, Id, StudentDetails};
use crate::validate::{clean_guardian, clean_student};

/// A column the importer understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    StudentId,
    GivenName,
    FamilyName,
    PreferredName,
    Grade,
    Pronouns,
    LatinName,
    Guardian(usize, GuardianField),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum GuardianField {
    Name,
    Relationship,
    Phone,
    Email,
    Language,
}

/// The header names each column is known by, as keys (lower case, letters and digits only).
fn field_of(key: &str) -> Option<Field> {
    use Field::*;
    Some(match key {
        "studentid" | "id" | "schoolid" | "studentnumber" | "sisid" | "localid" | "identifier" => {
            StudentId
        }
        "givenname" | "firstname" | "first" | "studentfirstname" | "studentgivenname"
        | "forename" => GivenName,
        "familyname" | "lastname" | "last" | "surname" | "studentlastname"
        | "studentfamilyname" => FamilyName,
        "preferredname" | "nickname" | "goesby" | "knownas" => PreferredName,
        "grade" | "gradelevel" | "grades" => Grade,
        "pronouns" => Pronouns,
        "latinname" | "nameinlatinletters" | "romanizedname" | "romanisedname" | "namelatin" => {
            LatinName
        }
        _ => return guardian_field(key),
    })
}

fn guardian_field(key: &str) -> Option<Field> {
    for prefix in ["guardian", "parent", "contact"] {
        let Some(rest) = key.strip_prefix(prefix) else {
            continue;
        };
        // "guardian1name", "parent2email"; "guardianname" is the first guardian.
        let (number, rest) = match rest.chars().next() {
            Some(d @ '1'..='2') => (d as usize - '0' as usize, &rest[1..]),
            _ => (1, rest),
        };
        let field = match rest {
            "" | "name" | "fullname" => GuardianField::Name,
            "relationship" | "relation" | "role" => GuardianField::Relationship,
            "phone" | "phonenumber" | "mobile" | "cell" | "telephone" => GuardianField::Phone,
            "email" | "emailaddress" => GuardianField::Email,
            "language" | "preferredlanguage" | "homelanguage" => GuardianField::Language,
            _ => return None,
        };
        return Some(Field::Guardian(number - 1, field));
    }
    None
}

/// A column's name in the template.
fn template_name(field: Field) -> String {
    match field {
        Field::StudentId => "student_id".into(),
        Field::GivenName => "given_name".into(),
        Field::FamilyName => "family_name".into(),
        Field::PreferredName => "preferred_name".into(),
        Field::Grade => "grade".into(),
        Field::Pronouns => "pronouns".into(),
        Field::LatinName => "latin_name".into(),
        Field::Guardian(slot, f) => {
            let name = match f {
                GuardianField::Name => "name",
                GuardianField::Relationship => "relationship",
                GuardianField::Phone => "phone",
                GuardianField::Email => "email",
                GuardianField::Language => "language",
            };
            format!("guardian{}_{name}", slot + 1)
        }
    }
}

/// The column a form field's problem belongs to.
fn column_of_student(field: &str) -> Option<Field> {
    Some(match field {
        "given_name" => Field::GivenName,
        "family_name" => Field::FamilyName,
        "preferred_name" => Field::PreferredName,
        "grade" => Field::Grade,
        "pronouns" => Field::Pronouns,
        "latin_name" => Field::LatinName,
        "school_student_id" => Field::StudentId,
        _ => return None,
    })
}

fn column_of_guardian(slot: usize, field: &str) -> Option<Field> {
    Some(Field::Guardian(
        slot,
        match field {
            "name" => GuardianField::Name,
            "relationship" => GuardianField::Relationship,
            "phone" => GuardianField::Phone,
            "email" => GuardianField::Email,
            "preferred_language" => GuardianField::Language,
            _ => return None,
        },
    ))
}

/// Reads a simple roster CSV; `file` names it in problems.
pub fn parse(file: &str, text: &str) -> Result<Roster> {
    let mut problems = Problems::default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let Some(columns) = Columns::read(file, &mut reader, &mut problems) else {
        return problems.finish(Roster::default());
    };
    let mut roster = Roster::default();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    for (row, record) in Rows::after_header(reader, text) {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.add(file, row, None, format!("this row cannot be read ({e})"));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() > columns.headers.len() {
            problems.add(
                file,
                row,
                None,
                format!(
                    "this row has {} fields but the header has {}; a comma may need quotes",
                    record.len(),
                    columns.headers.len()
                ),
            );
            continue;
        }
        let cells = Cells {
            columns: &columns,
            record: &record,
            row,
        };
        let student = cells.student(&mut problems);
        cells.check_id_is_new(&mut seen_ids, &mut problems);
        let guardians = (0..2)
            .filter_map(|slot| cells.guardian(slot, &mut problems))
            .collect();
        if let Some(student) = student {
            roster.students.push(RosterStudent {
                school_id: student.school_student_id.clone(),
                given_name: student.given_name,
                family_name: student.family_name,
                preferred_name: student.preferred_name,
                grade: student.grade,
                pronouns: student.pronouns,
                latin_name: student.latin_name,
                guardians,
                source: format!("{file} row {row}"),
            });
        }
    }
    if roster.students.is_empty() && problems.0.is_empty() {
        problems.add(file, 0, None, "there are no children in this file");
    }
    problems.finish(roster)
}

/// The file's header: which column holds each field.
struct Columns<'a> {
    file: &'a str,
    headers: Vec<String>,
    index: HashMap<Field, usize>,
}

impl<'a> Columns<'a> {
    /// The header row, with every problem noted; `None` when no row can be read by it.
    fn read(
        file: &'a str,
        reader: &mut csv::Reader<&[u8]>,
        problems: &mut Problems,
    ) -> Option<Self> {
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(e) => {
                problems.add(
                    file,
                    1,
                    None,
                    format!("the header row cannot be read ({e})"),
                );
                return None;
            }
        };
        let mut index = HashMap::new();
        for (i, header) in headers.iter().enumerate() {
            if let Some(field) = field_of(&key(header)) {
                if index.insert(field, i).is_some() {
                    problems.add(file, 1, Some(header), "this column appears twice");
                }
            }
        }
        if !index.contains_key(&Field::GivenName) {
            problems.add(
                file,
                1,
                None,
                "no column for the child's first name: name one “given_name” (see the template)",
            );
            return None;
        }
        Some(Columns {
            file,
            headers,
            index,
        })
    }

    /// A problem is named by the file's own header, or by the template's name for a column the
    /// file does not have.
    fn header_of(&self, field: Field) -> String {
        self.index
            .get(&field)
            .and_then(|&i| self.headers.get(i))
            .cloned()
            .unwrap_or_else(|| template_name(field))
    }
}

/// One row's cells, read by field.
struct Cells<'a> {
    columns: &'a Columns<'a>,
    record: &'a csv::StringRecord,
    row: usize,
}

impl Cells<'_> {
    fn get(&self, field: Field) -> String {
        self.columns
            .index
            .get(&field)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
            .to_string()
    }

    fn school_id(&self) -> Option<String> {
        Some(self.get(Field::StudentId)).filter(|id| !id.is_empty())
    }

    /// The child, cleaned; each problem under its column's header.
    fn student(&self, problems: &mut Problems) -> Option<StudentDetails> {
        let student = StudentDetails {
            class_id: Id::default(),
            given_name: self.get(Field::GivenName),
            family_name: self.get(Field::FamilyName),
            preferred_name: self.get(Field::PreferredName),
            grade: self.get(Field::Grade),
            pronouns: self.get(Field::Pronouns),
            latin_name: self.get(Field::LatinName),
            school_student_id: self.school_id(),
            ..Default::default()
        };
        match clean_student(&student) {
            Ok(s) => Some(s),
            Err(error) => {
                report(problems, self.columns.file, self.row, &error, |f| {
                    column_of_student(f).map(|c| self.columns.header_of(c))
                });
                None
            }
        }
    }

    /// Two children with one school id are a mistake in the file.
    fn check_id_is_new(&self, seen: &mut HashMap<String, usize>, problems: &mut Problems) {
        let Some(id) = self.school_id() else {
            return;
        };
        if let Some(first) = seen.insert(id.clone(), self.row) {
            problems.add(
                self.columns.file,
                self.row,
                Some(&self.columns.header_of(Field::StudentId)),
                format!("{id} is also the id of the child in row {first}"),
            );
        }
    }

    /// Guardian 1 or 2 (`slot` 0 or 1), when any of their cells is filled, cleaned.
    fn guardian(&self, slot: usize, problems: &mut Problems) -> Option<RosterGuardian> {
        let g = |f: GuardianField| self.get(Field::Guardian(slot, f));
        let filled = [
            GuardianField::Name,
            GuardianField::Relationship,
            GuardianField::Phone,
            GuardianField::Email,
            GuardianField::Language,
        ]
        .iter()
        .any(|f| !g(*f).is_empty());
        if !filled {
            return None;
        }
        let language_text = g(GuardianField::Language);
        let language = if language_text.is_empty() {
            Some("en")
        } else {
            languages::from_roster(&language_text).map(|l| l.code)
        };
        if language.is_none() {
            problems.add(
                self.columns.file,
                self.row,
                Some(&self.columns.header_of(Field::Guardian(slot, GuardianField::Language))),
                format!(
                    "“{language_text}” is not a language Rapport knows; write its name (Spanish) or code (es)"
                ),
            );
        }
        let details = GuardianDetails {
            name: g(GuardianField::Name),
            relationship: g(GuardianField::Relationship),
            phone: g(GuardianField::Phone),
            email: g(GuardianField::Email),
            preferred_language: language.unwrap_or("en").to_string(),
            may_contact: true,
            ..Default::default()
        };
        match clean_guardian(&details) {
            Ok(clean) => Some(RosterGuardian {
                school_id: None,
                name: clean.name,
                relationship: clean.relationship,
                phone: clean.phone,
                email: clean.email,
                // A blank cell says nothing: it must not undo a language set in the app.
                language: if language_text.is_empty() {
                    String::new()
                } else {
                    clean.preferred_language
                },
            }),
            Err(error) => {
                report(problems, self.columns.file, self.row, &error, |f| {
                    column_of_guardian(slot, f).map(|c| self.columns.header_of(c))
                });
                None
            }
        }
    }
}

/// Adds a form-rule error's field problems at `row`, each under its column's header.
fn report(
    problems: &mut Problems,
    file: &str,
    row: usize,
    error: &Error,
    column: impl Fn(&str) -> Option<String>,
) {
    let fields: &[FieldProblem] = error.field_problems();
    if fields.is_empty() {
        problems.add(file, row, None, error.to_string());
    }
    for p in fields {
        let header = column(p.field).filter(|h| !h.is_empty());
        problems.add(file, row, header.as_deref(), p.message.clone());
    }
}

/// Reads the bytes of a simple roster CSV (for tests and fuzzing: any bytes at all).
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Roster> {
    parse(file, &decode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(result: Result<Roster>) -> Vec<String> {
        match result {
            Err(Error::Rejected(p)) => p.iter().map(ToString::to_string).collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    #[test]
    fn the_template_reads_as_two_children() {
        let roster = parse("template.csv", super::super::TEMPLATE).unwrap();
        assert_eq!(roster.students.len(), 2);
        let jose = &roster.students[0];
        assert_eq!(jose.school_id.as_deref(), Some("S24100"));
        assert_eq!(jose.guardians.len(), 2);
        assert_eq!(jose.guardians[0].language, "es");
        assert_eq!(roster.students[1].guardians.len(), 1);
    }

    #[test]
    fn headers_in_any_case_and_order_semicolons_crlf_and_quoted_newlines() {
        let text = "\r\nLast Name;First Name;Parent 1 Email;Parent1 Name;Parent 1 Language\r\n\
                    \"Núñez; Pérez\";José;maria@example.org;María Núñez;Spanish\r\n\
                    ;;;;\r\n\
                    Nguyễn;\"Thị\nHương\";;;\r\n";
        let roster = parse("export.csv", text).unwrap();
        assert_eq!(roster.students.len(), 2);
        assert_eq!(roster.students[0].family_name, "Núñez; Pérez");
        assert_eq!(roster.students[0].guardians[0].email, "maria@example.org");
        assert_eq!(roster.students[0].guardians[0].language, "es");
        assert!(roster.students[1].given_name.contains("Hương"));
        assert!(roster.students[1].guardians.is_empty());
    }

    #[test]
    fn every_bad_row_is_named_with_its_column() {
        let text =
            "given_name,family_name,guardian1_name,guardian1_email,guardian1_language,student_id\n\
                    Ana,Ruiz,Rosa Ruiz,not-an-email,es,A1\n\
                    ,Lee,,,,A2\n\
                    Max,Kim,Ji-woo Kim,,Klingon,A1\n";
        let found = problems(parse("roster.csv", text));
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(
            found[0].starts_with("roster.csv row 2, guardian1_email:"),
            "{}",
            found[0]
        );
        assert!(
            found[1].starts_with("roster.csv row 3, given_name:"),
            "{}",
            found[1]
        );
        assert!(found
            .iter()
            .any(|p| p.contains("row 4") && p.contains("Klingon")));
        assert!(found
            .iter()
            .any(|p| p.contains("row 4") && p.contains("A1 is also the id of the child in row 2")));
    }

    #[test]
    fn a_file_without_a_first_name_column_says_so() {
        let found = problems(parse("names.csv", "surname,grade\nLee,3\n"));
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("given_name"), "{}", found[0]);
        assert!(!problems(parse("empty.csv", "given_name\n\n")).is_empty());
    }
}
