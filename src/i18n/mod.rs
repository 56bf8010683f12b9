//! Family-facing text of the printed handouts, one file per language. A language without a file
//! falls back to English; adding a language is adding a file and a line in [`HANDOUTS`].

mod en;
mod es;

/// Every family-facing string of the handouts, in one language. Placeholders in braces
/// (see [`PLACEHOLDERS`]) are filled in when a handout is printed.
pub struct Handout {
    /// The BCP 47 tag this text is written in.
    pub code: &'static str,
    /// "Page {page} of {pages}", at the foot of every page.
    pub page_of: &'static str,
    /// January to December.
    pub months: [&'static str; 12],
    /// Monday to Sunday.
    pub weekdays: [&'static str; 7],
    /// A date with `{weekday}`, `{day}`, `{month}` and `{year}`.
    pub date_format: &'static str,
    /// Times as "15:30" (true) or "3:30 pm" (false).
    pub clock_24h: bool,
    /// The introduction letter: its title, greeting, the body Rapport suggests (the teacher may
    /// replace it with their own) and the closing.
    pub letter_title: &'static str,
    pub letter_greeting: &'static str,
    pub letter_body: &'static str,
    pub letter_closing: &'static str,
    /// Fills `{contact_hours}` when the teacher has not said how to reach them.
    pub reach_default: &'static str,
    /// Who the teacher is while Settings has no name yet ("your child's teacher").
    pub teacher_default: &'static str,
    /// The school while Settings has no name yet.
    pub school_default: &'static str,
    /// Joins the names of two guardians in a greeting ("Fatou and Ousmane").
    pub and: &'static str,
    /// Addresses a family when no guardian is on record.
    pub family_of: &'static str,
    /// The conference reminder slip.
    pub slip_title: &'static str,
    pub slip_when: &'static str,
    pub slip_where: &'static str,
    pub slip_length: &'static str,
    pub slip_interpreter: &'static str,
    pub slip_change: &'static str,
    pub slip_closing: &'static str,
    pub questionnaire_title: &'static str,
    pub questionnaire_intro: &'static str,
    pub any_language: &'static str,
    pub child: &'static str,
    pub filled_in_by: &'static str,
    pub date: &'static str,
    pub return_to: &'static str,
    pub thanks: &'static str,
    /// The seed questions (`src/questions.rs`), by key.
    pub questions: &'static [(&'static str, &'static str)],
}

impl Handout {
    /// The seed question with this key, in this language.
    /// Rapport's wording of the introduction letter, for a teacher who has not written their own.
    pub fn suggested_letter_body(&self) -> String {
        crate::text::multi_line(self.letter_body)
    }

    pub fn question(&self, key: &str) -> Option<&'static str> {
        self.questions
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, q)| *q)
    }
}

const HANDOUTS: &[&Handout] = &[&en::HANDOUT, &es::HANDOUT];

/// The languages Rapport has handouts in, by code.
pub fn handout_languages() -> impl Iterator<Item = &'static str> {
    HANDOUTS.iter().map(|h| h.code)
}

/// Whether Rapport has handouts in a language (by its primary subtag): a family whose language
/// has none gets English, and the window says so before printing.
pub fn has_handout(language: &str) -> bool {
    let primary = language.split('-').next().unwrap_or("");
    HANDOUTS
        .iter()
        .any(|h| h.code.eq_ignore_ascii_case(primary))
}

/// The handout text for a language (by its primary subtag), or English.
pub fn handout(language: &str) -> &'static Handout {
    let primary = language
        .split('-')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    HANDOUTS
        .iter()
        .find(|h| h.code == primary)
        .copied()
        .unwrap_or(&en::HANDOUT)
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
                self.weekdays[date.weekday().num_days_from_monday() as usize],
            )
            .replace("{day}", &date.day().to_string())
            .replace("{month}", self.months[date.month0() as usize])
            .replace("{year}", &date.year().to_string())
    }

    /// A time of day as this language writes it.
    pub fn time(&self, time: chrono::NaiveTime) -> String {
        use chrono::Timelike;
        if self.clock_24h {
            format!("{}:{:02}", time.hour(), time.minute())
        } else {
            let (pm, hour) = time.hour12();
            format!(
                "{hour}:{:02} {}",
                time.minute(),
                if pm { "pm" } else { "am" }
            )
        }
    }

    /// "Fatou Diallo and Ousmane Diallo", "A, B and C".
    pub fn names(&self, names: &[&str]) -> String {
        match names {
            [] => String::new(),
            [one] => (*one).to_string(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.and),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_translates_every_seed_question() {
        for handout in HANDOUTS {
            for seed in crate::questions::SEED_QUESTIONS {
                assert!(
                    handout.question(seed.key).is_some(),
                    "{} lacks {}",
                    handout.code,
                    seed.key
                );
            }
            assert_eq!(
                handout.questions.len(),
                crate::questions::SEED_QUESTIONS.len(),
                "{}",
                handout.code
            );
        }
    }

    #[test]
    fn every_language_writes_its_letter_with_known_placeholders_only() {
        for handout in HANDOUTS {
            for text in [
                handout.letter_title,
                handout.letter_greeting,
                handout.letter_body,
                handout.letter_closing,
                handout.slip_title,
                handout.slip_change,
            ] {
                assert_eq!(
                    unknown_placeholders(text),
                    Vec::<String>::new(),
                    "{}",
                    handout.code
                );
            }
            assert!(
                handout.letter_body.contains("{contact_hours}"),
                "{}",
                handout.code
            );
        }
    }

    #[test]
    fn dates_and_times_read_as_each_language_writes_them() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let time = chrono::NaiveTime::from_hms_opt(15, 30, 0).unwrap();
        assert_eq!(handout("en").date(day), "Thursday, November 26, 2026");
        assert_eq!(handout("es").date(day), "jueves, 26 de noviembre de 2026");
        assert_eq!(handout("en").time(time), "3:30 pm");
        assert_eq!(handout("es").time(time), "15:30");
        assert_eq!(handout("en").names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(handout("es").names(&["Ana", "Luis"]), "Ana y Luis");
    }

    #[test]
    fn misspelt_placeholders_are_found() {
        assert_eq!(
            unknown_placeholders("Dear {guardian}, {chlid} is {child} {chlid}"),
            vec!["{chlid}".to_string()]
        );
    }

    #[test]
    fn a_language_without_a_file_falls_back_to_english() {
        assert_eq!(handout("es").code, "es");
        assert_eq!(handout("es-MX").code, "es");
        assert_eq!(handout("vi").code, "en");
    }
}
