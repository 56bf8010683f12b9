//! Family-facing text of the printed handouts, one file per language. A language without a file
//! falls back to English; adding a language is adding a file and a line in [`HANDOUTS`].

mod en;
mod es;

/// Every family-facing string of the handouts, in one language. `{child}`, `{teacher}` and
/// `{school}` are filled in when a handout is printed.
pub struct Handout {
    /// The BCP 47 tag this text is written in.
    pub code: &'static str,
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
    pub fn question(&self, key: &str) -> Option<&'static str> {
        self.questions
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, q)| *q)
    }
}

const HANDOUTS: &[&Handout] = &[&en::HANDOUT, &es::HANDOUT];

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

/// Fills `{child}`, `{teacher}` and `{school}`.
pub fn fill(text: &str, child: &str, teacher: &str, school: &str) -> String {
    text.replace("{child}", child)
        .replace("{teacher}", teacher)
        .replace("{school}", school)
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
    fn a_language_without_a_file_falls_back_to_english() {
        assert_eq!(handout("es").code, "es");
        assert_eq!(handout("es-MX").code, "es");
        assert_eq!(handout("vi").code, "en");
    }
}
