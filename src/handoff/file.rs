//! The handoff file: `RAPPORT HANDOFF` and a line of JSON saying what it is (format, day made,
//! how many children, whether it is encrypted and the salt of its key), then the handoff itself as
//! JSON, sealed: with XChaCha20-Poly1305 under a key stretched (Argon2id) from a one-time
//! passphrase when the sender's record is protected, with a SHA-256 over everything otherwise. A
//! file cut short or changed in any byte is refused whole.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::Handoff;
use crate::error::{Error, Result};
use crate::protect::{from_hex, random_bytes, to_hex, KdfParams};

const MAGIC: &[u8] = b"RAPPORT HANDOFF\n";
/// The version of the file this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The largest handoff file read: a class of thirty is a few hundred KB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
const NONCE_LEN: usize = 24;
const CHECKSUM_LEN: usize = 32;
/// The letters of a one-time passphrase: no 0/O, 1/I/L to misread when it is read out.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUPS: usize = 5;
const GROUP_LEN: usize = 4;

/// The first line of a handoff file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    pub made_on: NaiveDate,
    pub children: usize,
    pub encrypted: bool,
    /// The salt of the key stretched from the one-time passphrase (hex), when encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salt: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kdf: Option<KdfParams>,
}

/// A passphrase made for one handoff file: twenty letters and digits in groups of four (about 99
/// bits), which the sender passes on to the receiving teacher another way than the file.
pub struct OneTimePassphrase(Zeroizing<String>);

impl OneTimePassphrase {
    pub fn random() -> OneTimePassphrase {
        let bytes: [u8; GROUPS * GROUP_LEN] = random_bytes();
        let mut text = String::new();
        for (n, byte) in bytes.iter().enumerate() {
            if n > 0 && n % GROUP_LEN == 0 {
                text.push('-');
            }
            // 31 letters: the modulo's bias (256 = 8 × 31 + 8) costs a fraction of a bit.
            text.push(ALPHABET[*byte as usize % ALPHABET.len()] as char);
        }
        OneTimePassphrase(Zeroizing::new(text))
    }

    /// As it is shown and passed on: `ABCD-EFGH-…`.
    pub fn text(&self) -> &str {
        &self.0
    }

    /// What the key is stretched from: the letters as typed, without spaces or dashes, in
    /// capitals (a teacher may type it in small letters).
    fn secret(typed: &str) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(
            typed
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_uppercase())
                .collect::<String>()
                .into_bytes(),
        )
    }
}

fn refused(why: &str) -> Error {
    Error::BadFile(format!(
        "This handoff file cannot be read: {why}. Nothing was changed; ask the teacher who sent \
         it for a new copy."
    ))
}

/// The bytes of a handoff file: encrypted under `passphrase` when one is given.
pub fn seal(handoff: &Handoff, passphrase: Option<&OneTimePassphrase>) -> Result<Vec<u8>> {
    let kdf = KdfParams::DEFAULT;
    let salt = random_bytes::<16>();
    let header = Header {
        format: FORMAT_VERSION,
        made_on: handoff.made_on,
        children: handoff.children.len(),
        encrypted: passphrase.is_some(),
        salt: passphrase.map(|_| to_hex(&salt).to_string()),
        kdf: passphrase.map(|_| kdf),
    };
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(
        &serde_json::to_vec(&header)
            .map_err(|e| Error::Internal(format!("a handoff file could not be written ({e})")))?,
    );
    bytes.push(b'\n');
    let plain = Zeroizing::new(
        serde_json::to_vec(handoff)
            .map_err(|e| Error::Internal(format!("a handoff file could not be written ({e})")))?,
    );
    match passphrase {
        Some(passphrase) => {
            let key = kdf.stretch(&OneTimePassphrase::secret(passphrase.text()), &salt)?;
            let nonce = random_bytes::<NONCE_LEN>();
            let sealed = XChaCha20Poly1305::new(key.as_ref().into())
                .encrypt(
                    XNonce::from_slice(&nonce),
                    Payload {
                        msg: &plain,
                        aad: &bytes,
                    },
                )
                .map_err(|_| Error::Internal("a handoff file could not be encrypted".into()))?;
            bytes.extend_from_slice(&nonce);
            bytes.extend_from_slice(&sealed);
        }
        None => {
            bytes.extend_from_slice(&plain);
            let checksum = Sha256::digest(&bytes);
            bytes.extend_from_slice(&checksum);
        }
    }
    Ok(bytes)
}

/// Reads the first line of a handoff file: whether it needs a passphrase, and how many children.
pub fn header(bytes: &[u8]) -> Result<(Header, usize)> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| refused("it is not a Rapport handoff file"))?;
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| refused("it is cut short"))?;
    let header: Header =
        serde_json::from_slice(&rest[..end]).map_err(|_| refused("its first line is damaged"))?;
    if header.format != FORMAT_VERSION {
        return Err(Error::UpdateNeeded(
            "This handoff file was written by a newer Rapport. Update Rapport on this computer to \
             read it; nothing was changed."
                .into(),
        ));
    }
    Ok((header, MAGIC.len() + end + 1))
}

/// Opens a handoff file, with the one-time passphrase the sender passed on when it is encrypted.
pub fn open(bytes: &[u8], passphrase: Option<&str>) -> Result<Handoff> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refused("it is far larger than a handoff file can be"));
    }
    let (header, start) = header(bytes)?;
    let (head, sealed) = bytes.split_at(start);
    let plain = if header.encrypted {
        let typed = passphrase.ok_or(Error::WrongPassphrase)?;
        let salt = header
            .salt
            .as_deref()
            .and_then(from_hex)
            .ok_or_else(|| refused("its first line is damaged"))?;
        // A file asking for more memory or time than Rapport ever uses is not one of its own.
        let kdf = header
            .kdf
            .filter(|k| k.memory_kib <= 1024 * 1024 && k.iterations <= 16 && k.lanes <= 8)
            .ok_or_else(|| refused("its first line is damaged"))?;
        if sealed.len() < NONCE_LEN {
            return Err(refused("it is cut short"));
        }
        let key = kdf.stretch(&OneTimePassphrase::secret(typed), &salt)?;
        let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
        Zeroizing::new(
            XChaCha20Poly1305::new(key.as_ref().into())
                .decrypt(
                    XNonce::from_slice(nonce),
                    Payload {
                        msg: ciphertext,
                        aad: head,
                    },
                )
                // A wrong passphrase and a changed byte look the same to the cipher.
                .map_err(|_| Error::WrongPassphrase)?,
        )
    } else {
        if sealed.len() < CHECKSUM_LEN {
            return Err(refused("it is cut short"));
        }
        let (body, checksum) = sealed.split_at(sealed.len() - CHECKSUM_LEN);
        let expected = Sha256::new()
            .chain_update(head)
            .chain_update(body)
            .finalize();
        if expected.as_slice() != checksum {
            return Err(refused("it is damaged or cut short"));
        }
        Zeroizing::new(body.to_vec())
    };
    let handoff: Handoff = serde_json::from_slice(&plain)
        .map_err(|e| refused(&format!("its contents are damaged ({e})")))?;
    if handoff.children.len() != header.children {
        return Err(refused("its contents do not match its first line"));
    }
    Ok(handoff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handoff::ContactSummary;

    fn handoff() -> Handoff {
        Handoff {
            made_on: NaiveDate::from_ymd_opt(2027, 6, 18).unwrap(),
            teacher: "Ms. Rivera".into(),
            school: "Lincoln Elementary".into(),
            children: vec![crate::handoff::HandedChild {
                given_name: "José".into(),
                family_name: "Núñez".into(),
                preferred_name: String::new(),
                name_order: crate::model::NameOrder::GivenFirst,
                pronouns: String::new(),
                grade: "3".into(),
                school_student_id: Some("S-1001".into()),
                latin_name: String::new(),
                class: "Grade 3".into(),
                guardians: vec![],
                answers: vec![],
                goals: vec![],
                what_works: vec![],
                contacts: ContactSummary::default(),
            }],
        }
    }

    #[test]
    fn a_plain_file_opens_and_refuses_every_changed_byte_and_every_cut() {
        let bytes = seal(&handoff(), None).unwrap();
        assert_eq!(open(&bytes, None).unwrap(), handoff());
        for n in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[n] ^= 0x20;
            assert!(open(&changed, None).is_err(), "byte {n} changed");
        }
        for len in 0..bytes.len() {
            assert!(open(&bytes[..len], None).is_err(), "cut at {len}");
        }
    }

    #[test]
    fn an_encrypted_file_needs_its_passphrase_typed_any_way() {
        let passphrase = OneTimePassphrase::random();
        assert_eq!(passphrase.text().len(), 24);
        let bytes = seal(&handoff(), Some(&passphrase)).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("Núñez"));
        let typed = passphrase.text().to_lowercase().replace('-', " ");
        assert_eq!(open(&bytes, Some(&typed)).unwrap(), handoff());
        assert!(matches!(open(&bytes, None), Err(Error::WrongPassphrase)));
        assert!(matches!(
            open(&bytes, Some("AAAA-AAAA-AAAA-AAAA-AAAA")),
            Err(Error::WrongPassphrase)
        ));
        let mut changed = bytes.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        assert!(open(&changed, Some(passphrase.text())).is_err());
    }
}
