//! Bytes of a roster file as text: what spreadsheets really write. UTF-8 with or without a byte
//! order mark, or Windows-1252 from older Excel; files over the import limit are refused unread.

use std::path::Path;

use crate::error::{Error, Result};
use crate::validate::MAX_ROSTER_BYTES;

/// Reads a file no bigger than the import limit.
pub(crate) fn read_limited(path: &Path) -> Result<String> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("Could not read {}", path.display()), e))?
        .len();
    if size > MAX_ROSTER_BYTES {
        return Err(Error::BadFile(format!(
            "{} is {} MB, more than any roster Rapport reads ({} MB). Nothing was changed.",
            path.display(),
            size / (1024 * 1024),
            MAX_ROSTER_BYTES / (1024 * 1024)
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

/// The records after a CSV file's header, each with the row a spreadsheet shows it on: a cell
/// holding a line break does not push later rows down (the csv reader's line numbers would), and
/// blank lines, which the reader skips, still count.
pub(crate) struct Rows<'a> {
    reader: csv::Reader<&'a [u8]>,
    text: &'a str,
    row: usize,
}

impl<'a> Rows<'a> {
    /// `reader` reads `text` and has read its header.
    pub(crate) fn after_header(reader: csv::Reader<&'a [u8]>, text: &'a str) -> Self {
        let leading = blank_lines_at(text, 0);
        Rows {
            reader,
            text,
            row: 1 + leading,
        }
    }

    fn advance(&mut self, at: Option<&csv::Position>) -> usize {
        let blank = at.map_or(0, |p| blank_lines_at(self.text, p.byte() as usize));
        self.row += 1 + blank;
        self.row
    }
}

/// The blank lines between a record's position (where the reader left the previous record,
/// possibly between the `\r` and `\n` of its line end) and the record's first character.
fn blank_lines_at(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(bytes.len());
    // The rest of the previous record's CRLF.
    if i > 0 && bytes[i - 1] == b'\r' && bytes.get(i) == Some(&b'\n') {
        i += 1;
    }
    let mut breaks = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => i += 2,
            b'\r' | b'\n' => i += 1,
            _ => break,
        }
        breaks += 1;
    }
    breaks
}

impl Iterator for Rows<'_> {
    type Item = (usize, csv::Result<csv::StringRecord>);

    fn next(&mut self) -> Option<Self::Item> {
        let mut record = csv::StringRecord::new();
        let before = self.reader.position().byte();
        match self.reader.read_record(&mut record) {
            Ok(false) => None,
            Ok(true) => {
                let row = self.advance(record.position());
                Some((row, Ok(record)))
            }
            // An error that consumed nothing would repeat forever: stop there.
            Err(_) if self.reader.position().byte() == before => None,
            Err(error) => {
                let row = self.advance(error.position());
                Some((row, Err(error)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them() {
        let rows = |text: &str| -> Vec<(usize, String)> {
            let mut reader = csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(text.as_bytes());
            reader.headers().unwrap();
            Rows::after_header(reader, text)
                .map(|(row, record)| (row, record.unwrap()[0].to_string()))
                .collect()
        };
        let expected = [(2, "Ana"), (4, "Ben"), (5, ""), (6, "Cy"), (7, "Dee")]
            .map(|(row, name)| (row, name.to_string()));
        // Windows, Unix and old Mac line ends: a line break in a cell, a blank line, an empty row.
        let windows =
            "name,note\r\nAna,\"two\r\nlines\"\r\n\r\nBen,x\r\n,\r\nCy,\"a\nb\nc\"\r\nDee,y";
        assert_eq!(rows(windows), expected);
        assert_eq!(rows(&windows.replace("\r\n", "\n")), expected);
        assert_eq!(
            rows(&windows.replace("\r\n", "\r").replace('\n', "\r")),
            expected
        );
        // Blank lines above the header push every row down too.
        assert_eq!(
            rows("\n\nname\nAna\n\n\nBen"),
            [(4, "Ana".into()), (7, "Ben".into())]
        );
    }

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
