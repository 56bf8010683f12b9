//! Text as teachers type it and families read it: normalised to NFC so that "Nguyễn" typed on two
//! keyboards is one name, trimmed, and free of control characters that would break a printed page.

use unicode_normalization::UnicodeNormalization;

/// A one-line value (a name, a phone number): NFC, trimmed, inner runs of whitespace collapsed to one
/// space, control characters removed.
pub fn single_line(value: &str) -> String {
    let nfc: String = value.nfc().collect();
    nfc.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A multi-line value (notes): NFC, trimmed, line breaks kept as `\n`, other control characters removed.
pub fn multi_line(value: &str) -> String {
    let nfc: String = value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let cleaned: String = nfc
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    cleaned
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Whether a character is written without spaces between words (Han, Kana, Hangul syllables are
/// spaced, but names in them are not), which decides how a family name and given name are joined.
pub fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F) // CJK Extensions B..
}

/// Whether a family name and a given name in this script are written together ("王小明",
/// "김민준"): the unspaced scripts, and Hangul, whose sentences are spaced but whose names are not.
pub fn joins_names_without_space(c: char) -> bool {
    is_unspaced_script(c) || matches!(c as u32, 0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F)
}

/// Text in Latin letters: a transliteration ("Анна Петрова" → "Anna Petrova", "王小明" →
/// "Wang Xiao Ming"), for finding and sorting names written in another script. Approximate by
/// nature: a name's own Latin spelling, when the teacher gives one, is better.
pub fn latin(text: &str) -> String {
    deunicode::deunicode(text)
}

/// Whether a character is written in Latin letters (accented ones too: "Núñez", "Nguyễn"), or is
/// not a letter at all.
pub(crate) fn is_latin_script(c: char) -> bool {
    !c.is_alphabetic()
        || c.is_ascii()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// How a name sorts: its Latin letters, lower case.
pub fn sort_key(name: &str) -> String {
    if name.is_ascii() {
        return name.to_ascii_lowercase();
    }
    latin(name).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_line_composes_to_nfc_and_collapses_space() {
        let decomposed = "  Nguye\u{0302}\u{0303}n \t Thi\u{0323}  ";
        assert_eq!(single_line(decomposed), "Nguyễn Thị");
        assert_eq!(single_line("a\u{0007}b\nc"), "a b c");
    }

    #[test]
    fn multi_line_keeps_paragraphs() {
        assert_eq!(
            multi_line("  first\r\nsecond  \n\n third\u{0000}"),
            "first\nsecond\n\n third"
        );
    }

    #[test]
    fn names_in_other_scripts_have_a_latin_form_to_find_and_sort_by() {
        assert_eq!(latin("Анна Петрова"), "Anna Petrova");
        assert_eq!(sort_key("Петрова"), "petrova");
        assert!(sort_key("王").starts_with("wang"));
    }
}
