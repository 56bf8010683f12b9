//! The languages a family may prefer to be contacted in: one list, used by the forms, the validation
//! and (later) the choice of translated handouts. Codes are BCP 47 language tags.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Language {
    /// BCP 47 tag, as stored (`es`, `zh-Hans`).
    pub code: &'static str,
    /// The name in English, for the teacher.
    pub english: &'static str,
    /// The name in the language itself, for the family.
    pub native: &'static str,
    /// Written right to left.
    pub rtl: bool,
}

const fn lang(code: &'static str, english: &'static str, native: &'static str) -> Language {
    Language {
        code,
        english,
        native,
        rtl: false,
    }
}

const fn rtl(code: &'static str, english: &'static str, native: &'static str) -> Language {
    Language {
        code,
        english,
        native,
        rtl: true,
    }
}

/// The languages most often spoken by families in K-12 schools, English first.
pub const LANGUAGES: &[Language] = &[
    lang("en", "English", "English"),
    lang("es", "Spanish", "Español"),
    rtl("ar", "Arabic", "العربية"),
    lang("zh-Hans", "Chinese (Simplified)", "简体中文"),
    lang("zh-Hant", "Chinese (Traditional)", "繁體中文"),
    lang("vi", "Vietnamese", "Tiếng Việt"),
    lang("ru", "Russian", "Русский"),
    lang("uk", "Ukrainian", "Українська"),
    lang("ht", "Haitian Creole", "Kreyòl ayisyen"),
    lang("pt", "Portuguese", "Português"),
    lang("fr", "French", "Français"),
    lang("so", "Somali", "Soomaali"),
    lang("tl", "Tagalog", "Tagalog"),
    lang("ko", "Korean", "한국어"),
    lang("ja", "Japanese", "日本語"),
    rtl("prs", "Dari", "دری"),
    rtl("fa", "Persian (Farsi)", "فارسی"),
    rtl("ps", "Pashto", "پښتو"),
    rtl("ur", "Urdu", "اردو"),
    rtl("he", "Hebrew", "עברית"),
    lang("hi", "Hindi", "हिन्दी"),
    lang("bn", "Bengali", "বাংলা"),
    lang("pa", "Punjabi", "ਪੰਜਾਬੀ"),
    lang("ne", "Nepali", "नेपाली"),
    lang("my", "Burmese", "မြန်မာ"),
    lang("hmn", "Hmong", "Hmoob"),
    lang("sw", "Swahili", "Kiswahili"),
    lang("ff", "Fula", "Pulaar"),
    lang("wo", "Wolof", "Wolof"),
    lang("am", "Amharic", "አማርኛ"),
    lang("ti", "Tigrinya", "ትግርኛ"),
    lang("pl", "Polish", "Polski"),
    lang("de", "German", "Deutsch"),
    lang("it", "Italian", "Italiano"),
    lang("tr", "Turkish", "Türkçe"),
    lang("asl", "American Sign Language", "ASL"),
];

/// The language with this code, if Rapport knows it.
pub fn find(code: &str) -> Option<&'static Language> {
    LANGUAGES.iter().find(|l| l.code.eq_ignore_ascii_case(code))
}

/// The language a roster names by code ("es"), English name ("Spanish") or own name ("Español"),
/// ignoring case.
pub fn from_roster(text: &str) -> Option<&'static Language> {
    let text = text.trim();
    find(text).or_else(|| {
        LANGUAGES.iter().find(|l| {
            l.english.eq_ignore_ascii_case(text)
                || l.native.to_lowercase() == text.to_lowercase()
                || l.english
                    .split(" (")
                    .next()
                    .is_some_and(|short| short.eq_ignore_ascii_case(text))
        })
    })
}

/// The English name for a code, or the code itself for one Rapport does not list.
pub fn english_name(code: &str) -> &str {
    find(code).map_or(code, |l| l.english)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_english_is_first() {
        assert_eq!(LANGUAGES[0].code, "en");
        let mut codes: Vec<_> = LANGUAGES.iter().map(|l| l.code.to_lowercase()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), LANGUAGES.len());
    }

    #[test]
    fn finds_codes_case_insensitively() {
        assert_eq!(
            find("ZH-hans").map(|l| l.english),
            Some("Chinese (Simplified)")
        );
        assert!(find("ar").is_some_and(|l| l.rtl));
        assert_eq!(english_name("xx"), "xx");
    }
}
