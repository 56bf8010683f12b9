//! Corrections to Rapport's translations. A district checks the machine translations and corrects
//! them string by string (Settings → Family languages) or shares a whole language as a *language
//! pack*: a file in the same TOML format as `languages/<code>.toml`. Every correction is checked
//! against English the same way, whichever way it comes: a known string, its placeholders kept,
//! one line unless English has paragraphs, lists of the same length, no control characters, and a
//! bounded length. [`Texts`] is every language with the record's corrections applied: what the
//! documents print.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{english, handout, handout_languages, parse_strings, Handout};
use crate::error::{Error, FileProblem, Result};

/// One string of a language as the teacher, or a language pack, corrected it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// A language Rapport has handouts in ("es", "zh-Hant").
    pub language: String,
    /// The string's `section.key` ("letter.title").
    pub key: String,
    pub text: String,
}

/// How a string is written, and so how it is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One line.
    Line,
    /// Paragraphs, one per line (the letter's body).
    Paragraphs,
    /// A list of a fixed length, one item per line (months, weekdays).
    List(usize),
    /// `true` or `false` (whether times are written on a 24-hour clock).
    Flag,
}

impl Kind {
    /// "line", "paragraphs", "list" or "flag", for the window.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Line => "line",
            Kind::Paragraphs => "paragraphs",
            Kind::List(_) => "list",
            Kind::Flag => "flag",
        }
    }

    /// How many items a list has.
    pub fn items(self) -> Option<usize> {
        match self {
            Kind::List(items) => Some(items),
            _ => None,
        }
    }
}

/// A group of strings, as Settings shows them: where they are printed.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    pub key: &'static str,
    pub title: &'static str,
    pub about: &'static str,
}

/// The sections a language file holds, in its order (`[language]`, which names the language, is
/// not a correction).
pub const SECTIONS: &[Section] = &[
    Section {
        key: "dates",
        title: "Dates and times",
        about: "How dates, times and numbers are written on every document.",
    },
    Section {
        key: "text",
        title: "Every document",
        about: "Page numbers, joining names, and the words used while Settings has no name yet.",
    },
    Section {
        key: "letter",
        title: "Introduction letter",
        about: "The letter at the start of the year. Your own wording of its body (Introduction \
                letter above) takes the place of Rapport's.",
    },
    Section {
        key: "slip",
        title: "Conference reminder slip",
        about: "The slip each family gets with the conference schedule.",
    },
    Section {
        key: "questionnaire",
        title: "Family questionnaire",
        about: "The questionnaire sent home for families to fill in.",
    },
    Section {
        key: "questions",
        title: "Rapport's questions",
        about: "The questions Rapport starts the question bank with, as families read them. \
                Questions you wrote are printed as you wrote them.",
    },
    Section {
        key: "note",
        title: "Good-news note",
        about: "The half-page note home about something good a child did.",
    },
    Section {
        key: "packet",
        title: "Conference packet",
        about: "The packet's headings and labels, printed beside the English ones.",
    },
    Section {
        key: "goal_area",
        title: "Goal areas",
        about: "The area of each goal, in the packet.",
    },
    Section {
        key: "goal_status",
        title: "Goal progress",
        about: "Where each goal stands, in the packet.",
    },
    Section {
        key: "contact_kind",
        title: "Kinds of contact",
        about: "In the packet's year of contact.",
    },
    Section {
        key: "contact_method",
        title: "Ways of contact",
        about: "In the packet's year of contact.",
    },
    Section {
        key: "praise",
        title: "Kinds of good news",
        about: "In the packet's strengths and on the good-news note.",
    },
    Section {
        key: "cause",
        title: "Possible causes",
        about: "The causes of a concern talked through, in the packet.",
    },
];

/// The most a pack file may weigh: a whole language is about 20 KB.
pub const MAX_PACK_BYTES: usize = 512 * 1024;
/// Problems of a bad pack listed before "and N more".
const PROBLEMS_SHOWN: usize = 20;

/// How the string at `key` is written, or `None` when it is not one a teacher corrects (the
/// `[language]` section, or a key Rapport does not print).
pub fn kind_of(key: &str) -> Option<Kind> {
    let source = english().get(key)?;
    if key.starts_with("language.") {
        return None;
    }
    Some(match key {
        "dates.clock_24h" => Kind::Flag,
        "dates.months" | "dates.weekdays" => Kind::List(source.split('\n').count()),
        _ if source.contains('\n') => Kind::Paragraphs,
        _ => Kind::Line,
    })
}

/// The longest correction accepted for `key`: three times English, and never less than English
/// with 60 characters more (a short label may need a longer phrase).
pub fn max_chars(key: &str) -> usize {
    let english = english().get(key).map_or(0, |s| s.chars().count());
    (english * 3).max(english + 60)
}

/// The placeholders a text uses (`{child}`), each once, in order.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = Vec::new();
    for (at, _) in text.match_indices('{') {
        if let Some(end) = text[at..].find('}') {
            let word = &text[at..=at + end];
            if !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found
}

/// The text a correction of `key` is kept as, or a sentence saying what to change.
pub fn check(key: &str, text: &str) -> std::result::Result<String, String> {
    let Some(kind) = kind_of(key) else {
        return Err(format!("“{key}” is not a string Rapport prints."));
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    if text.is_empty() {
        return Err("Write the text, or go back to Rapport's wording.".into());
    }
    if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\n') {
        return Err(format!(
            "It holds a control character (U+{:04X}): retype it without.",
            c as u32
        ));
    }
    match kind {
        Kind::Line if text.contains('\n') => return Err("It must be one line.".into()),
        Kind::List(items) if text.split('\n').count() != items => {
            return Err(format!(
                "It needs {items} items, one per line (it has {}).",
                text.split('\n').count()
            ))
        }
        Kind::Flag if text != "true" && text != "false" => {
            return Err("It is “true” (a 24-hour clock) or “false”.".into())
        }
        _ => {}
    }
    let english = english().text(key);
    let wanted = placeholders(english);
    let used = placeholders(&text);
    if let Some(missing) = wanted.iter().find(|p| !used.contains(p)) {
        return Err(format!(
            "Keep {missing} as it is: Rapport puts {} there.",
            placeholder_meaning(missing)
        ));
    }
    if let Some(unknown) = used.iter().find(|p| !wanted.contains(p)) {
        return Err(if wanted.is_empty() {
            format!("{unknown} is not a placeholder this text takes: it takes none.")
        } else {
            format!(
                "{unknown} is not a placeholder this text takes: it takes {}.",
                wanted.join(", ")
            )
        });
    }
    let (length, most) = (text.chars().count(), max_chars(key));
    if length > most {
        return Err(format!(
            "It is too long: at most {most} characters (this is {length})."
        ));
    }
    Ok(text)
}

/// What Rapport puts in place of a placeholder, for a message.
fn placeholder_meaning(placeholder: &str) -> &'static str {
    match placeholder {
        "{child}" => "the child's first name",
        "{guardian}" => "the family's names",
        "{teacher}" => "your name",
        "{school}" => "the school's name",
        "{contact_hours}" => "how families can reach you",
        "{language}" => "the family's language",
        "{minutes}" | "{value}" | "{page}" | "{pages}" => "a number",
        "{date}" | "{day}" | "{month}" | "{year}" | "{weekday}" => "part of a date",
        "{hour}" | "{minute}" => "part of the time",
        _ => "a value",
    }
}

/// Every language with the record's corrections applied: what the documents print. Languages
/// without corrections are Rapport's own, shared, not copied.
#[derive(Debug, Clone, Default)]
pub struct Texts {
    corrected: Vec<Handout>,
}

impl Texts {
    /// Rapport's translations as they are.
    pub fn rapport() -> Texts {
        Texts::default()
    }

    /// Rapport's translations with `corrections` applied (ones for unknown languages or strings
    /// are left out: a newer Rapport may have written them).
    pub fn new(corrections: &[Correction]) -> Texts {
        let mut by_language: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for c in corrections {
            if handout(&c.language).code == c.language && kind_of(&c.key).is_some() {
                by_language
                    .entry(c.language.as_str())
                    .or_default()
                    .push((c.key.as_str(), c.text.as_str()));
            }
        }
        Texts {
            corrected: by_language
                .into_iter()
                .map(|(code, fixes)| handout(code).corrected(fixes))
                .collect(),
        }
    }

    /// The text for a family's language (a BCP 47 tag), corrected, or English.
    pub fn handout(&self, language: &str) -> &Handout {
        let rapport = handout(language);
        self.corrected
            .iter()
            .find(|h| h.code == rapport.code)
            .unwrap_or(rapport)
    }

    /// English, corrected.
    pub fn english(&self) -> &Handout {
        self.handout("en")
    }
}

/// A language pack read and checked: every string it holds that a teacher corrects.
#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub language: String,
    /// Its first line: how it was made.
    pub made: String,
    /// `(key, text)`, checked, in the file's order.
    pub strings: Vec<(String, String)>,
}

/// A language pack's file: the language's file with `text`'s strings, in English's order with
/// English's comments, under a first line saying how it was made.
pub fn write_pack(text: &Handout, made: &str) -> String {
    let source = super::FILES[0].1;
    let mut out = format!("# {}\n", one_line(made));
    out.push_str(
        "#\n# A Rapport language pack: every family-facing string in one language. Import it in \
         Settings → Family\n# languages. Keep every placeholder in braces ({child}, {teacher}, \
         ...); `\\n` starts a new\n# paragraph; lists keep their length.\n",
    );
    let mut section = "";
    for line in source.lines() {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
        }
        if section.is_empty() {
            continue;
        }
        let key_value = line
            .split_once('=')
            .filter(|_| !line.starts_with('#') && !line.starts_with('['));
        match key_value {
            Some((key, _)) => {
                let key = key.trim();
                let value = text.text(&format!("{section}.{key}"));
                out.push_str(&format!("{key} = {}\n", toml_value(section, key, value)));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// Where `section.key` stands in the English file, to list strings in its order.
pub fn position_in_english(entry: &str) -> usize {
    line_of_entry(super::FILES[0].1, entry)
}

/// The line where `section.key` is set in a TOML file (0 when it is not found): the same key
/// (`title`) is in several sections.
fn line_of_entry(text: &str, entry: &str) -> usize {
    let Some((section, key)) = entry.split_once('.') else {
        return 0;
    };
    let mut current = "";
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim();
        } else if current == section
            && line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            return n + 1;
        }
    }
    0
}

/// A value as the language files write it: a quoted string, a list, or a flag.
fn toml_value(section: &str, key: &str, value: &str) -> String {
    match kind_of(&format!("{section}.{key}")) {
        Some(Kind::Flag) => value.to_string(),
        Some(Kind::List(_)) => format!(
            "[{}]",
            value.split('\n').map(quoted).collect::<Vec<_>>().join(", ")
        ),
        _ => quoted(value),
    }
}

fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a language pack, refusing it whole when any string breaks a rule: every problem is
/// listed with its line.
pub fn read_pack(file_name: &str, bytes: &[u8]) -> Result<Pack> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(Error::BadFile(format!(
            "{file_name} is too big for a language pack ({} KB; a whole language is about 20 KB). \
             Nothing was changed.",
            bytes.len() / 1024
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::BadFile(format!(
            "{file_name} is not a language pack: it is not text (UTF-8). Nothing was changed."
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let problem = |line: usize, key: Option<&str>, message: String| FileProblem {
        file: file_name.to_string(),
        row: 0,
        column: None,
        message: match (line, key) {
            (0, None) => message,
            (0, Some(key)) => format!("{key}: {message}"),
            (line, None) => format!("line {line}: {message}"),
            (line, Some(key)) => format!("line {line} ({key}): {message}"),
        },
    };
    let strings =
        parse_strings(text).map_err(|p| Error::Rejected(vec![problem(p.line, None, p.message)]))?;
    let line_of_key = |key: &str| line_of_entry(text, key);
    let Some(language) = strings.get("language.code") else {
        return Err(Error::Rejected(vec![problem(
            0,
            None,
            "It does not say its language: a pack starts with [language] and code = \"es\" (or \
             another language's code)."
                .into(),
        )]));
    };
    if !handout_languages().any(|code| code == language) {
        return Err(Error::Rejected(vec![problem(
            line_of_key("language.code"),
            Some("language.code"),
            format!(
                "Rapport has no handouts in “{language}”. A pack corrects one of its languages: {}.",
                handout_languages().collect::<Vec<_>>().join(", ")
            ),
        )]));
    }
    // The file's order, so problems read from the top.
    let mut keys: Vec<&String> = strings.keys().collect();
    keys.sort_by_key(|k| (line_of_key(k), k.to_string()));
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    for key in keys {
        if key.starts_with("language.") {
            continue;
        }
        match check(key, &strings[key]) {
            Ok(text) => checked.push((key.clone(), text)),
            Err(message) => problems.push(problem(line_of_key(key), Some(key), message)),
        }
    }
    if !problems.is_empty() {
        let more = problems.len().saturating_sub(PROBLEMS_SHOWN);
        problems.truncate(PROBLEMS_SHOWN);
        if more > 0 {
            problems.push(problem(0, None, format!("and {more} more problems.")));
        }
        return Err(Error::Rejected(problems));
    }
    let made = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix('#'))
        .map(|l| l.trim().to_string())
        .unwrap_or_default();
    Ok(Pack {
        language: language.clone(),
        made,
        strings: checked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correction_keeps_its_placeholders_its_lines_and_a_bounded_length() {
        assert_eq!(
            check("letter.title", "  Bienvenidos a un año con {child} "),
            Ok("Bienvenidos a un año con {child}".into())
        );
        let dropped = check("letter.title", "Bienvenidos").unwrap_err();
        assert!(dropped.contains("{child}"), "{dropped}");
        let unknown = check("letter.title", "Hola {chlid} {child}").unwrap_err();
        assert!(unknown.contains("{chlid}"), "{unknown}");
        assert!(check("packet.goals", "Metas\nMás").is_err(), "one line");
        assert!(check(
            "letter.body",
            &"x {teacher} {child} {school} {contact_hours}\n".repeat(3)
        )
        .is_ok());
        assert!(check("packet.goals", "Metas\u{7}").is_err(), "control");
        assert!(check("packet.goals", &"m".repeat(200)).is_err(), "too long");
        assert!(
            check("packet.goals", &"m".repeat(80)).is_ok(),
            "a longer phrase"
        );
        assert!(
            check("dates.weekdays", "lunes\nmartes").is_err(),
            "seven days"
        );
        assert!(check("dates.clock_24h", "maybe").is_err());
        assert_eq!(check("dates.clock_24h", "true"), Ok("true".into()));
        assert!(check("language.code", "fr").is_err(), "not a correction");
        assert!(check("packet.nothing", "x").is_err(), "unknown");
        assert!(check("packet.goals", "   ").is_err(), "empty");
    }

    #[test]
    fn corrections_change_only_their_language_and_strings() {
        let texts = Texts::new(&[
            Correction {
                language: "es".into(),
                key: "packet.goals".into(),
                text: "Nuestras metas".into(),
            },
            Correction {
                language: "es".into(),
                key: "dates.months".into(),
                text: "ene\nfeb\nmar\nabr\nmay\njun\njul\nago\nsep\noct\nnov\ndic".into(),
            },
            Correction {
                language: "xx".into(),
                key: "packet.goals".into(),
                text: "ignored".into(),
            },
        ]);
        let es = texts.handout("es-MX");
        assert_eq!(es.text("packet.goals"), "Nuestras metas");
        assert_eq!(es.months[10], "nov");
        assert_eq!(es.letter_title, handout("es").letter_title);
        assert_eq!(
            texts.handout("fr").text("packet.goals"),
            handout("fr").text("packet.goals")
        );
        assert_eq!(texts.english().code, "en");
        assert_eq!(texts.handout("ja").code, "en");
    }

    #[test]
    fn every_language_round_trips_through_a_pack() {
        for code in handout_languages() {
            let pack = write_pack(handout(code), "Made by a test");
            let read = read_pack("pack.toml", pack.as_bytes())
                .unwrap_or_else(|e| panic!("{code}: {e}\n{pack}"));
            assert_eq!(read.language, code);
            assert_eq!(read.made, "Made by a test");
            for (key, text) in &read.strings {
                assert_eq!(text, handout(code).text(key), "{code}: {key}");
            }
            let keys = english()
                .strings()
                .filter(|(k, _)| kind_of(k).is_some())
                .count();
            assert_eq!(read.strings.len(), keys, "{code}: every string");
        }
    }

    #[test]
    fn a_bad_pack_is_refused_whole_naming_each_line() {
        let pack = write_pack(handout("fr"), "test");
        let letter = pack.lines().position(|l| l == "[letter]").unwrap();
        let title_line = letter + 2;
        let pack: String = pack
            .lines()
            .enumerate()
            .map(|(n, l)| match l {
                _ if n + 1 == title_line => format!("{}\n", l.replace("{child}", "")),
                _ if l.starts_with("decimal = ") => "decimal = \",\\u0001\"\n".into(),
                _ => format!("{l}\n"),
            })
            .collect();
        let Err(Error::Rejected(problems)) = read_pack("fr.toml", pack.as_bytes()) else {
            panic!("refused");
        };
        let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(
            all.iter().any(|p| p.contains("control character")),
            "{all:?}"
        );
        assert!(
            all.iter()
                .any(|p| p.contains(&format!("line {title_line}")) && p.contains("{child}")),
            "{all:?}"
        );
        let broken = "[language]\ncode = \"fr\"\n[packet]\ngoals = Objectifs\n";
        let Err(Error::Rejected(problems)) = read_pack("fr.toml", broken.as_bytes()) else {
            panic!("refused");
        };
        assert!(problems[0].to_string().contains("line 4"), "{problems:?}");
        let Err(Error::Rejected(problems)) = read_pack(
            "ja.toml",
            b"[language]\ncode = \"ja\"\n[packet]\ngoals = \"x\"\n",
        ) else {
            panic!("refused");
        };
        assert!(problems[0].to_string().contains("line 2"), "{problems:?}");
        assert!(matches!(
            read_pack("x.toml", &[0xff, 0xfe]),
            Err(Error::BadFile(_))
        ));
    }
}
