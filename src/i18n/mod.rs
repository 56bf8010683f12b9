//! Family-facing text, one file per language (`languages/<code>.toml`, embedded in the binary):
//! the handouts, the good-news note, the conference packet's headings and the closed lists it
//! prints. Each file's first line says how it was made; `en.toml` is the source the others are
//! translated from, and a test fails when a language misses a string, keeps an English one or
//! drops a placeholder. A language without a file falls back to English; adding a language is
//! adding a file and a line in [`FILES`].

use std::collections::HashMap;
use std::sync::OnceLock;

pub mod corrections;

pub use corrections::{Correction, Texts};

/// Every language file, by code.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("languages/en.toml")),
    ("es", include_str!("languages/es.toml")),
    ("ar", include_str!("languages/ar.toml")),
    ("zh-Hans", include_str!("languages/zh-Hans.toml")),
    ("zh-Hant", include_str!("languages/zh-Hant.toml")),
    ("vi", include_str!("languages/vi.toml")),
    ("ht", include_str!("languages/ht.toml")),
    ("so", include_str!("languages/so.toml")),
    ("hmn", include_str!("languages/hmn.toml")),
    ("ru", include_str!("languages/ru.toml")),
    ("tl", include_str!("languages/tl.toml")),
    ("ko", include_str!("languages/ko.toml")),
    ("pt", include_str!("languages/pt.toml")),
    ("uk", include_str!("languages/uk.toml")),
    ("prs", include_str!("languages/prs.toml")),
    ("fr", include_str!("languages/fr.toml")),
];

/// Every family-facing string in one language. The handouts' strings are fields; everything else
/// (the packet, the note, the closed lists) is asked for by key with [`Handout::text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Handout {
    /// The BCP 47 tag this text is written in.
    pub code: String,
    /// The language's own name ("Español") and its English one.
    pub name: String,
    pub english_name: String,
    /// Written right to left (Arabic, Dari).
    pub rtl: bool,
    /// How the translation was made: the file's first line.
    pub made: String,
    /// "Page {page} of {pages}", at the foot of every page.
    pub page_of: String,
    /// January to December.
    pub months: Vec<String>,
    /// Monday to Sunday.
    pub weekdays: Vec<String>,
    /// A date with `{weekday}`, `{day}`, `{month}` and `{year}`.
    pub date_format: String,
    /// A date without its weekday.
    pub short_date_format: String,
    /// Times as "15:30" (true) or as `time_am` / `time_pm` say (false).
    pub clock_24h: bool,
    pub time_am: String,
    pub time_pm: String,
    /// The decimal separator.
    pub decimal: String,
    /// The introduction letter: its title, greeting, the body Rapport suggests (the teacher may
    /// replace it with their own) and the closing.
    pub letter_title: String,
    pub letter_greeting: String,
    pub letter_body: String,
    pub letter_closing: String,
    /// Fills `{contact_hours}` when the teacher has not said how to reach them.
    pub reach_default: String,
    /// Who the teacher is while Settings has no name yet ("your child's teacher").
    pub teacher_default: String,
    /// The school while Settings has no name yet.
    pub school_default: String,
    /// Joins the names of two guardians in a greeting ("Fatou and Ousmane").
    pub and: String,
    /// Addresses a family when no guardian is on record.
    pub family_of: String,
    /// The conference reminder slip.
    pub slip_title: String,
    pub slip_when: String,
    pub slip_where: String,
    pub slip_length: String,
    pub slip_interpreter: String,
    pub slip_change: String,
    pub slip_closing: String,
    pub questionnaire_title: String,
    pub questionnaire_intro: String,
    pub any_language: String,
    pub child: String,
    pub filled_in_by: String,
    pub date: String,
    pub return_to: String,
    pub thanks: String,
    /// Every string of the file by `section.key` ("packet.goals", "praise.helped").
    strings: HashMap<String, String>,
}

/// A language file that cannot be read: which file, which line, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "{}", self.message)
        }
    }
}

/// The strings of a language file by `section.key`, the lists (months, weekdays) and flags
/// (clock_24h) as text too: lists joined by a newline, flags as "true" / "false".
pub fn parse_strings(text: &str) -> Result<HashMap<String, String>, FileProblem> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| FileProblem {
        line: e.span().map_or(0, |span| {
            text[..span.start.min(text.len())].lines().count().max(1)
        }),
        message: e.message().to_string(),
    })?;
    let mut strings = HashMap::new();
    for (section, entries) in &table {
        let toml::Value::Table(entries) = entries else {
            return Err(FileProblem {
                line: line_of(text, section),
                message: format!("“{section}” should be a [section]"),
            });
        };
        for (key, value) in entries {
            let text_value = match value {
                toml::Value::String(s) => s.clone(),
                toml::Value::Boolean(b) => b.to_string(),
                toml::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| FileProblem {
                        line: line_of(text, key),
                        message: format!("{section}.{key} should be a list of texts"),
                    })?
                    .join("\n"),
                _ => {
                    return Err(FileProblem {
                        line: line_of(text, key),
                        message: format!("{section}.{key} should be a text"),
                    })
                }
            };
            strings.insert(format!("{section}.{key}"), text_value);
        }
    }
    Ok(strings)
}

/// The line where `key` is set in a language file (0 when it is not found).
pub fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
                || l.trim_end() == format!("[{key}]")
        })
        .map_or(0, |n| n + 1)
}

impl Handout {
    /// A language from its file's strings, any string it lacks taken from `english`.
    fn from_strings(
        made: &str,
        strings: HashMap<String, String>,
        english: Option<&Handout>,
    ) -> Handout {
        let get = |key: &str| -> String {
            strings
                .get(key)
                .cloned()
                .or_else(|| english.and_then(|e| e.strings.get(key).cloned()))
                .unwrap_or_default()
        };
        let list = |key: &str, len: usize| -> Vec<String> {
            let mut items: Vec<String> = get(key).split("\n").map(str::to_string).collect();
            items.resize(len, String::new());
            items
        };
        Handout {
            code: get("language.code"),
            name: get("language.name"),
            english_name: get("language.english_name"),
            rtl: get("language.direction") == "rtl",
            made: made.trim_start_matches('#').trim().to_string(),
            page_of: get("text.page_of"),
            months: list("dates.months", 12),
            weekdays: list("dates.weekdays", 7),
            date_format: get("dates.date"),
            short_date_format: get("dates.short_date"),
            clock_24h: get("dates.clock_24h") == "true",
            time_am: get("dates.time_am"),
            time_pm: get("dates.time_pm"),
            decimal: get("dates.decimal"),
            letter_title: get("letter.title"),
            letter_greeting: get("letter.greeting"),
            letter_body: get("letter.body"),
            letter_closing: get("letter.closing"),
            reach_default: get("letter.reach_default"),
            teacher_default: get("text.teacher_default"),
            school_default: get("text.school_default"),
            and: get("text.and"),
            family_of: get("text.family_of"),
            slip_title: get("slip.title"),
            slip_when: get("slip.when"),
            slip_where: get("slip.where"),
            slip_length: get("slip.length"),
            slip_interpreter: get("slip.interpreter"),
            slip_change: get("slip.change"),
            slip_closing: get("slip.closing"),
            questionnaire_title: get("questionnaire.title"),
            questionnaire_intro: get("questionnaire.intro"),
            any_language: get("questionnaire.any_language"),
            child: get("questionnaire.child"),
            filled_in_by: get("questionnaire.filled_in_by"),
            date: get("questionnaire.date"),
            return_to: get("questionnaire.return_to"),
            thanks: get("questionnaire.thanks"),
            strings: match english {
                Some(english) => {
                    let mut all = english.strings.clone();
                    all.extend(strings);
                    all
                }
                None => strings,
            },
        }
    }

    /// The same language with some strings replaced (`(section.key, text)`), checked already.
    pub(crate) fn corrected<'a>(
        &self,
        fixes: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Handout {
        let mut strings = self.strings.clone();
        for (key, text) in fixes {
            strings.insert(key.to_string(), text.to_string());
        }
        Handout::from_strings(&self.made, strings, None)
    }

    /// Every string of the language, by `section.key`.
    pub fn strings(&self) -> impl Iterator<Item = (&str, &str)> {
        self.strings.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The string at `section.key`, or `None` when the language has no such string.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.strings.get(key).map(String::as_str)
    }

    /// The string at `section.key` ("packet.goals", "praise.helped"); empty when there is none.
    pub fn text(&self, key: &str) -> &str {
        self.strings.get(key).map_or("", String::as_str)
    }

    /// Rapport's wording of the introduction letter, for a teacher who has not written their own.
    pub fn suggested_letter_body(&self) -> String {
        crate::text::multi_line(&self.letter_body)
    }

    /// The seed question with this key, in this language.
    pub fn question(&self, key: &str) -> Option<&str> {
        self.strings
            .get(&format!("questions.{key}"))
            .map(String::as_str)
    }
}

/// The language of the embedded file `index`, read the first time it is asked for: a packet reads
/// English and the family's language, not all sixteen. `None` for a file that cannot be read
/// (the tests read every one, so a broken file never ships; its families would get English).
fn parsed(index: usize) -> Option<&'static Handout> {
    static PARSED: [OnceLock<Option<Handout>>; FILES.len()] =
        [const { OnceLock::new() }; FILES.len()];
    PARSED[index]
        .get_or_init(|| {
            let (code, file) = FILES[index];
            match parse_strings(file) {
                Ok(strings) => {
                    let made = file.lines().next().unwrap_or_default();
                    let english = (index > 0).then(english);
                    Some(Handout::from_strings(made, strings, english))
                }
                Err(problem) => {
                    debug_assert!(false, "the {code} language file: {problem}");
                    None
                }
            }
        })
        .as_ref()
}

/// The languages Rapport has handouts in, by code.
pub fn handout_languages() -> impl Iterator<Item = &'static str> {
    (0..FILES.len()).filter_map(|index| parsed(index).map(|h| h.code.as_str()))
}

/// The language file a BCP 47 tag reads: the tag itself, the script or region a family's tag
/// implies (zh-TW reads Traditional Chinese, fa-AF Dari), or its primary subtag.
fn find(language: &str) -> Option<&'static Handout> {
    let tag = language.trim().to_ascii_lowercase();
    // A file's code is its `language.code` (a test holds them equal).
    let by_code = |code: &str| {
        FILES
            .iter()
            .position(|(file_code, _)| file_code.eq_ignore_ascii_case(code))
            .and_then(parsed)
    };
    if let Some(h) = by_code(&tag) {
        return Some(h);
    }
    let implied = match tag.as_str() {
        t if t.starts_with("zh-hant") || ["zh-tw", "zh-hk", "zh-mo"].contains(&t) => "zh-hant",
        t if t.starts_with("zh") => "zh-hans",
        "fa-af" => "prs",
        t => t.split('-').next().unwrap_or(""),
    };
    by_code(implied)
}

/// Whether Rapport has handouts in a language: a family whose language has none gets English,
/// and the window says so before printing.
pub fn has_handout(language: &str) -> bool {
    find(language).is_some()
}

/// The handout text for a language, or English.
pub fn handout(language: &str) -> &'static Handout {
    find(language).unwrap_or_else(|| english())
}

/// English: the source of every other language.
pub fn english() -> &'static Handout {
    // English is the first file, and a test reads it.
    parsed(0).expect("the English language file is part of the program and read by the tests")
}

/// What fills the placeholders of a handout or a letter template.
#[derive(Debug, Clone, Copy, Default)]
pub struct Merge<'a> {
    pub child: &'a str,
    pub guardian: &'a str,
    pub teacher: &'a str,
    pub school: &'a str,
    pub contact_hours: &'a str,
}

/// The placeholders a teacher may use in a letter template.
pub const PLACEHOLDERS: &[&str] = &[
    "{child}",
    "{guardian}",
    "{teacher}",
    "{school}",
    "{contact_hours}",
];

/// Fills every placeholder.
pub fn fill(text: &str, merge: &Merge) -> String {
    text.replace("{child}", merge.child)
        .replace("{guardian}", merge.guardian)
        .replace("{teacher}", merge.teacher)
        .replace("{school}", merge.school)
        .replace("{contact_hours}", merge.contact_hours)
}

/// Words in braces that are not placeholders ("{chlid}"), as written.
pub fn unknown_placeholders(text: &str) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open..];
        match after.find('}') {
            Some(close) => {
                let word = &after[..=close];
                if !PLACEHOLDERS.contains(&word) && !unknown.iter().any(|u| u == word) {
                    unknown.push(word.to_string());
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    unknown
}

impl Handout {
    /// A date as this language writes it ("Thursday, November 26" / "jueves 26 de noviembre").
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        self.date_format
            .replace(
                "{weekday}",
                &self.weekdays[date.weekday().num_days_from_monday() as usize],
            )
            .replace("{day}", &date.day().to_string())
            .replace("{month}", &self.months[date.month0() as usize])
            .replace("{year}", &date.year().to_string())
    }

    /// A date without its weekday ("November 26, 2026" / "26 de noviembre de 2026").
    pub fn short_date(&self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        self.short_date_format
            .replace("{day}", &date.day().to_string())
            .replace("{month}", &self.months[date.month0() as usize])
            .replace("{year}", &date.year().to_string())
    }

    /// A number as this language writes it ("2.5" / "2,5"), without needless decimals.
    pub fn number(&self, value: f64) -> String {
        let text = if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value}")
        };
        text.replace('.', &self.decimal)
    }

    /// A time of day as this language writes it.
    pub fn time(&self, time: chrono::NaiveTime) -> String {
        use chrono::Timelike;
        if self.clock_24h {
            format!("{}:{:02}", time.hour(), time.minute())
        } else {
            let (pm, hour) = time.hour12();
            let pattern = if pm { &self.time_pm } else { &self.time_am };
            pattern
                .replace("{hour}", &hour.to_string())
                .replace("{minute}", &format!("{:02}", time.minute()))
        }
    }

    /// "Fatou Diallo and Ousmane Diallo", "A, B and C".
    pub fn names(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_string(),
            // "李娜和王伟": a language written without spaces joins without them.
            [rest @ .., last] if self.and.chars().all(crate::text::is_unspaced_script) => {
                format!("{}{}{last}", rest.join("、"), self.and)
            }
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.and),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings a language writes exactly as English does: the word is the same.
    const SAME_AS_ENGLISH: &[(&str, &str)] = &[
        ("fr", "slip.length"),
        ("fr", "questionnaire.date"),
        ("fr", "packet.date"),
    ];

    /// The text outside its placeholders.
    fn words(text: &str) -> impl Iterator<Item = char> + '_ {
        let mut inside = false;
        text.chars().filter(move |&c| {
            match c {
                '{' => inside = true,
                '}' => {
                    inside = false;
                    return false;
                }
                _ => {}
            }
            !inside
        })
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .match_indices('{')
            .filter_map(|(at, _)| text[at..].find('}').map(|end| &text[at..=at + end]))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_language_file_has_every_string_of_english_with_its_placeholders() {
        let english = parse_strings(FILES[0].1).unwrap();
        assert_eq!(FILES.len(), 16, "sixteen languages");
        for (code, file) in FILES {
            let first = file.lines().next().unwrap_or_default();
            assert!(
                first.starts_with("# ") && first.len() > 40,
                "{code}: the first line says how the translation was made"
            );
            let strings = parse_strings(file).unwrap_or_else(|p| panic!("{code}: {p}"));
            assert_eq!(strings["language.code"], *code);
            for (key, en) in &english {
                let text = strings
                    .get(key)
                    .unwrap_or_else(|| panic!("{code} lacks {key}"));
                assert!(!text.trim().is_empty(), "{code}: {key} is empty");
                if key.starts_with("language.") {
                    continue;
                }
                assert_eq!(
                    placeholders(text),
                    placeholders(en),
                    "{code}: {key} keeps English's placeholders"
                );
                if *code != "en"
                    && !SAME_AS_ENGLISH.contains(&(code, key.as_str()))
                    && words(en).any(char::is_alphabetic)
                    && !key.starts_with("dates.clock")
                {
                    assert_ne!(text, en, "{code}: {key} is still English");
                }
                assert!(
                    !text.chars().any(|c| c.is_control() && c != '\n'),
                    "{code}: {key} has a control character"
                );
            }
            for key in strings.keys() {
                assert!(
                    english.contains_key(key),
                    "{code}: {key} is not a string Rapport prints"
                );
            }
            let handout = handout(code);
            assert_eq!(handout.code, *code);
            assert!(
                handout.months.iter().all(|m| !m.is_empty()),
                "{code}: twelve months"
            );
            assert!(
                handout.weekdays.iter().all(|d| !d.is_empty()),
                "{code}: seven days"
            );
            for seed in crate::questions::SEED_QUESTIONS {
                assert!(
                    handout.question(seed.key).is_some(),
                    "{code} lacks {}",
                    seed.key
                );
            }
            assert!(
                handout.letter_body.contains("{contact_hours}"),
                "{code}: the letter says how to reach the teacher"
            );
            assert_eq!(
                handout.rtl,
                ["ar", "prs"].contains(code),
                "{code}: direction"
            );
        }
    }

    #[test]
    fn the_lists_the_packet_prints_are_in_every_language() {
        use crate::model::*;
        for code in handout_languages() {
            let text = handout(code);
            let keys = GoalArea::ALL
                .iter()
                .map(|a| format!("goal_area.{}", a.as_str()))
                .chain(
                    GoalStatus::ALL
                        .iter()
                        .map(|s| format!("goal_status.{}", s.as_str())),
                )
                .chain(
                    ContactKind::ALL
                        .iter()
                        .map(|k| format!("contact_kind.{}", k.as_str())),
                )
                .chain(
                    ContactMethod::ALL
                        .iter()
                        .map(|m| format!("contact_method.{}", m.as_str())),
                )
                .chain(
                    PraiseCategory::ALL
                        .iter()
                        .map(|p| format!("praise.{}", p.as_str())),
                )
                .chain(
                    crate::causes::CAUSES
                        .iter()
                        .map(|c| format!("cause.{}", c.code)),
                );
            for key in keys {
                assert!(!text.text(&key).is_empty(), "{code} lacks {key}");
            }
        }
    }

    #[test]
    fn dates_times_and_numbers_read_as_each_language_writes_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let time = chrono::NaiveTime::from_hms_opt(15, 30, 0).unwrap();
        assert_eq!(handout("en").date(day), "Thursday, November 26, 2026");
        assert_eq!(handout("en").short_date(day), "November 26, 2026");
        assert_eq!(handout("es").date(day), "jueves, 26 de noviembre de 2026");
        assert_eq!(handout("en").time(time), "3:30 pm");
        assert_eq!(handout("es").time(time), "15:30");
        assert_eq!(handout("zh-Hans").date(day), "2026年11月26日星期四");
        assert_eq!(handout("ko").time(time), "오후 3:30");
        assert_eq!(handout("en").number(2.5), "2.5");
        assert_eq!(handout("fr").number(2.5), "2,5");
        assert_eq!(handout("fr").number(90.0), "90");
        assert_eq!(handout("en").names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(handout("es").names(&["Ana", "Luis"]), "Ana y Luis");
        assert_eq!(handout("zh-Hans").names(&["李娜", "王伟"]), "李娜和王伟");
    }

    #[test]
    fn misspelt_placeholders_are_found() {
        assert_eq!(
            unknown_placeholders("Dear {guardian}, {chlid} is {child} {chlid}"),
            vec!["{chlid}".to_string()]
        );
    }

    #[test]
    fn a_family_reads_the_file_of_its_language_or_english() {
        assert_eq!(handout("es").code, "es");
        assert_eq!(handout("es-MX").code, "es");
        assert_eq!(handout("vi").code, "vi");
        assert_eq!(handout("zh").code, "zh-Hans");
        assert_eq!(handout("zh-CN").code, "zh-Hans");
        assert_eq!(handout("zh-TW").code, "zh-Hant");
        assert_eq!(handout("ZH-hant").code, "zh-Hant");
        assert_eq!(handout("fa-AF").code, "prs");
        assert_eq!(handout("ja").code, "en");
        assert!(!has_handout("ja"));
        assert!(has_handout("hmn"));
    }

    #[test]
    fn a_broken_file_names_its_line() {
        let problem = parse_strings("[text]\npage_of = \"Page\"\nand = \n").unwrap_err();
        assert_eq!(problem.line, 3, "{problem}");
        let problem = parse_strings("[text]\nand = 3\n").unwrap_err();
        assert_eq!(problem.line, 2, "{problem}");
    }
}
