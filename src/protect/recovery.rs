//! The recovery key: 200 random bits printed once on the recovery sheet as eight groups of five
//! letters and digits (Crockford's base 32: no I, L, O or U to misread), read back forgivingly
//! (any case, with or without dashes and spaces, O for 0 and I or L for 1).

use zeroize::Zeroizing;

use crate::error::{Error, Result};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BYTES: usize = 25;
const CHARS: usize = BYTES * 8 / 5;
const GROUP: usize = 5;

/// A recovery key, wiped from memory when dropped.
pub struct RecoveryKey(Zeroizing<[u8; BYTES]>);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

impl RecoveryKey {
    /// A new random recovery key.
    pub fn random() -> RecoveryKey {
        RecoveryKey(Zeroizing::new(super::random_bytes::<BYTES>()))
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.as_ref()
    }

    /// The key as it is printed: `7KQ2M-XR4DA-…`, eight groups of five.
    pub fn text(&self) -> Zeroizing<String> {
        let mut bits: u32 = 0;
        let mut count = 0;
        let mut chars = Zeroizing::new(Vec::with_capacity(CHARS));
        for &byte in self.0.iter() {
            bits = (bits << 8) | u32::from(byte);
            count += 8;
            while count >= 5 {
                count -= 5;
                chars.push(ALPHABET[((bits >> count) & 31) as usize]);
            }
        }
        let mut text = Zeroizing::new(String::with_capacity(CHARS + CHARS / GROUP));
        for (index, group) in chars.chunks(GROUP).enumerate() {
            if index > 0 {
                text.push('-');
            }
            text.extend(group.iter().map(|&c| c as char));
        }
        text
    }

    /// Reads a recovery key as the teacher types it from the sheet.
    pub fn parse(typed: &str) -> Result<RecoveryKey> {
        let mut bits: u32 = 0;
        let mut count = 0;
        let mut bytes = Zeroizing::new([0u8; BYTES]);
        let mut filled = 0;
        let mut read = 0;
        for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let value = match c.to_ascii_uppercase() {
                'O' => 0,
                'I' | 'L' => 1,
                upper => ALPHABET
                    .iter()
                    .position(|&a| a as char == upper)
                    .ok_or_else(not_a_key)?,
            };
            read += 1;
            if read > CHARS {
                return Err(not_a_key());
            }
            bits = (bits << 5) | value as u32;
            count += 5;
            if count >= 8 {
                count -= 8;
                bytes[filled] = (bits >> count) as u8;
                filled += 1;
            }
        }
        if read != CHARS {
            return Err(not_a_key());
        }
        Ok(RecoveryKey(bytes))
    }
}

fn not_a_key() -> Error {
    Error::invalid(
        "recovery_key",
        "A recovery key is eight groups of five letters and digits, as printed on the recovery \
         sheet (for example 7KQ2M-XR4DA-…).",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_key_reads_back_however_it_is_typed() {
        let key = RecoveryKey::random();
        let text = key.text();
        assert_eq!(text.len(), 47);
        assert_eq!(text.split('-').count(), 8);
        let same = |typed: &str| RecoveryKey::parse(typed).unwrap().bytes() == key.bytes();
        assert!(same(&text));
        assert!(same(&text.to_lowercase()));
        assert!(same(&text.replace('-', " ")));
        assert!(same(&text.replace('0', "o").replace('1', "l")));
    }

    #[test]
    fn anything_else_is_refused_with_what_a_key_looks_like() {
        for typed in [
            "",
            "7KQ2M",
            "UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU-UUUUU",
        ] {
            let error = RecoveryKey::parse(typed).expect_err("refused");
            assert!(
                error.to_string().contains("eight groups of five"),
                "{error}"
            );
        }
        let long = format!("{}-A", RecoveryKey::random().text().as_str());
        assert!(RecoveryKey::parse(&long).is_err());
    }
}
