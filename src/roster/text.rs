//! Bytes of a roster file as text: what spreadsheets really write. UTF-8 with or without a byte
//! order mark, or Windows-1252 from older Excel; files over the import limit are refused unread.

use std::path::Path;

use crate::error::{Error, Result};
use crate::validate::MAX_IMPORT_BYTES;

/// Reads a file no bigger than the import limit.
pub(crate) fn read_limited(path: &Path) -> Result<String> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("Could not read {}", path.display()), e))?
        .len();
    if size > MAX_IMPORT_BYTES {
        return Err(Error::Conflict(format!(
            "{} is {} MB, more than any roster Rapport reads ({} MB). Nothing was changed.",
            path.display(),
            size / (1024 * 1024),
            MAX_IMPORT_BYTES / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Error::io(format!("Could not read {}", path.display()), e))?;
    Ok(decode(&bytes))
}

/// UTF-8 (a byte order mark is dropped), or else Windows-1252, which every byte sequence is.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// The delimiter of a CSV file: comma, semicolon (European Excel) or tab, whichever its header
/// line has most of, outside quotes.
pub(crate) fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

/// A header as a key: lower case, letters and digits only ("Given Name" → "givenname").
pub(crate) fn key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_files_in_every_encoding_read_the_same() {
        assert_eq!(decode("José".as_bytes()), "José");
        assert_eq!(decode(b"\xEF\xBB\xBFJos\xC3\xA9"), "José");
        assert_eq!(decode(b"Jos\xE9 N\xFA\xF1ez"), "José Núñez");
    }

    #[test]
    fn the_delimiter_is_the_one_the_header_uses() {
        assert_eq!(delimiter("a,b,c\n1;2;3"), b',');
        assert_eq!(delimiter("\n\"x;y\",b,c"), b',');
        assert_eq!(delimiter("Vorname;Nachname;Klasse"), b';');
        assert_eq!(delimiter("a\tb"), b'\t');
        assert_eq!(key(" Given Name "), "givenname");
        assert_eq!(key("guardian1_e-mail"), "guardian1email");
    }
}
