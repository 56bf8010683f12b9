//! A change file: a first line naming the format, a line of JSON saying whose and which changes
//! they are, then the changes sealed. A plain record's files end with a SHA-256 of all that comes
//! before; a protected record's are XChaCha20-Poly1305 ciphertext (the header line is
//! authenticated with it) under a key drawn from the record's data key and the sync's id.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::model::Id;
use crate::protect::DataKey;

/// The first line of every change file.
const MAGIC: &[u8] = b"RAPPORT CHANGES\n";
/// The version of the file's layout (not of the record's schema, which the header carries too).
pub const FORMAT_VERSION: u32 = 1;
const NONCE_LEN: usize = 24;
const CHECKSUM_LEN: usize = 32;
/// No school day comes near this; a bigger file is refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Whose changes a file holds: readable before the changes are opened, and sealed with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    /// The shared record's id: a file of another record is foreign.
    pub group: Id,
    pub computer: Id,
    pub seq: u64,
    /// What the writing computer had applied of each other computer's files when it wrote
    /// this one (computer, last sequence number): a deletion in this file was made without
    /// knowing of anything later.
    pub seen: Vec<(Id, u64)>,
    /// The record's schema version on the computer that wrote it.
    pub schema_version: i64,
    pub made_at: DateTime<Utc>,
    /// How many rows it adds, changes or deletes.
    pub changes: u64,
    pub encrypted: bool,
}

/// A value of a column, as JSON can carry it exactly (a real as its bits).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "lowercase")]
pub enum SqlValue {
    Null,
    Integer(i64),
    Real(u64),
    Text(String),
    Blob(Vec<u8>),
}

impl From<rusqlite::types::Value> for SqlValue {
    fn from(value: rusqlite::types::Value) -> SqlValue {
        use rusqlite::types::Value;
        match value {
            Value::Null => SqlValue::Null,
            Value::Integer(i) => SqlValue::Integer(i),
            Value::Real(r) => SqlValue::Real(r.to_bits()),
            Value::Text(t) => SqlValue::Text(t),
            Value::Blob(b) => SqlValue::Blob(b),
        }
    }
}

impl From<SqlValue> for rusqlite::types::Value {
    fn from(value: SqlValue) -> rusqlite::types::Value {
        use rusqlite::types::Value;
        match value {
            SqlValue::Null => Value::Null,
            SqlValue::Integer(i) => Value::Integer(i),
            SqlValue::Real(bits) => Value::Real(f64::from_bits(bits)),
            SqlValue::Text(t) => Value::Text(t),
            SqlValue::Blob(b) => Value::Blob(b),
        }
    }
}

/// A whole row as the writing computer had it: what the other computer needs to bring back a
/// row it deleted while this one changed it (or added to it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RevivedRow {
    pub table: String,
    pub values: Vec<SqlValue>,
}

/// A removal for good, by ids only (the signs of the ledger are salted per computer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedIds {
    pub at: DateTime<Utc>,
    pub students: Vec<Id>,
    pub guardians: Vec<Id>,
}

/// What a change file carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Body {
    /// SQLite's changeset (the session extension's format).
    pub changeset: Vec<u8>,
    pub revive: Vec<RevivedRow>,
    pub removals: Vec<RemovedIds>,
}

#[derive(Serialize, Deserialize)]
struct BodyExtras {
    revive: Vec<RevivedRow>,
    removals: Vec<RemovedIds>,
}

impl Body {
    fn to_bytes(&self) -> Result<Vec<u8>> {
        let extras = serde_json::to_vec(&BodyExtras {
            revive: self.revive.clone(),
            removals: self.removals.clone(),
        })
        .map_err(|e| Error::Internal(format!("a change file could not be written ({e})")))?;
        let mut bytes = Vec::with_capacity(8 + self.changeset.len() + extras.len());
        bytes.extend_from_slice(&(self.changeset.len() as u64).to_le_bytes());
        bytes.extend_from_slice(&self.changeset);
        bytes.extend_from_slice(&extras);
        Ok(bytes)
    }

    fn from_bytes(bytes: &[u8]) -> Option<Body> {
        let len = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
        let end = 8usize.checked_add(usize::try_from(len).ok()?)?;
        let changeset = bytes.get(8..end)?.to_vec();
        let extras: BodyExtras = serde_json::from_slice(bytes.get(end..)?).ok()?;
        Some(Body {
            changeset,
            revive: extras.revive,
            removals: extras.removals,
        })
    }
}

/// The key that seals a protected record's change files: drawn from the record's data key and
/// the sync's id, so it is the same on every computer holding the record, and used for nothing else.
pub struct SyncKey(Zeroizing<[u8; 32]>);

impl SyncKey {
    pub fn new(data_key: &DataKey, group: Id) -> SyncKey {
        let digest = Sha256::new()
            .chain_update(b"rapport sync key 1\0")
            .chain_update(data_key.bytes())
            .chain_update(group.to_string().as_bytes())
            .finalize();
        SyncKey(Zeroizing::new(digest.into()))
    }
}

/// Seals `body` under `header` into the bytes of a change file.
pub fn seal(header: &Header, body: &Body, key: Option<&SyncKey>) -> Result<Vec<u8>> {
    let mut bytes = MAGIC.to_vec();
    let line = serde_json::to_vec(header)
        .map_err(|e| Error::Internal(format!("a change file could not be written ({e})")))?;
    bytes.extend_from_slice(&line);
    bytes.push(b'\n');
    let plain = body.to_bytes()?;
    match (header.encrypted, key) {
        (true, Some(key)) => {
            let nonce: [u8; NONCE_LEN] = crate::protect::random_bytes();
            let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
            let sealed = cipher
                .encrypt(
                    XNonce::from_slice(&nonce),
                    Payload {
                        msg: &plain,
                        aad: &bytes,
                    },
                )
                .map_err(|_| Error::Internal("a change file could not be encrypted".into()))?;
            bytes.extend_from_slice(&nonce);
            bytes.extend_from_slice(&sealed);
        }
        (false, _) => {
            bytes.extend_from_slice(&plain);
            let checksum = Sha256::digest(&bytes);
            bytes.extend_from_slice(&checksum);
        }
        (true, None) => {
            return Err(Error::Internal(
                "a protected record's change file has no key".into(),
            ))
        }
    }
    Ok(bytes)
}

/// Reads the header of a change file without opening its changes.
pub fn header(bytes: &[u8], name: &str) -> Result<(Header, usize)> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| refused(name, "it is not a Rapport change file"))?;
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or_else(|| refused(name, "it is cut short"))?;
    let header: Header = serde_json::from_slice(&rest[..end])
        .map_err(|_| refused(name, "its first lines are damaged"))?;
    if header.format != FORMAT_VERSION {
        return Err(Error::UpdateNeeded(format!(
            "The change file {name} was written in a newer format by a newer Rapport. Update \
             Rapport on this computer to sync; nothing of it was applied."
        )));
    }
    Ok((header, MAGIC.len() + end + 1))
}

/// Opens a change file: its header and its changes, or a refusal when any byte of it is not as
/// written (cut short, altered, sealed with another key).
pub fn open(bytes: &[u8], name: &str, key: Option<&SyncKey>) -> Result<(Header, Body)> {
    let (header, start) = header(bytes, name)?;
    let (head, sealed) = bytes.split_at(start);
    let plain = match (header.encrypted, key) {
        (true, Some(key)) => {
            if sealed.len() < NONCE_LEN {
                return Err(refused(name, "it is cut short"));
            }
            let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
            let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
            cipher
                .decrypt(
                    XNonce::from_slice(nonce),
                    Payload {
                        msg: ciphertext,
                        aad: head,
                    },
                )
                .map_err(|_| {
                    refused(
                        name,
                        "it is damaged, cut short, or sealed with another record's key",
                    )
                })?
        }
        (false, None) => {
            if sealed.len() < CHECKSUM_LEN {
                return Err(refused(name, "it is cut short"));
            }
            let (body, checksum) = sealed.split_at(sealed.len() - CHECKSUM_LEN);
            let expected = Sha256::new()
                .chain_update(head)
                .chain_update(body)
                .finalize();
            if expected.as_slice() != checksum {
                return Err(refused(name, "it is damaged or cut short"));
            }
            body.to_vec()
        }
        (true, None) => {
            return Err(refused(
                name,
                "it is encrypted, and this copy of the record is not protected",
            ))
        }
        (false, Some(_)) => {
            return Err(refused(
                name,
                "it is not encrypted, and this record is protected",
            ))
        }
    };
    let body = Body::from_bytes(&plain).ok_or_else(|| refused(name, "its changes are damaged"))?;
    Ok((header, body))
}

fn refused(name: &str, why: &str) -> Error {
    Error::BadFile(format!(
        "The change file {name} was refused: {why}. Nothing of it was applied; the other \
         computer writes it again at its next sync if it still has the changes."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(encrypted: bool) -> Header {
        Header {
            format: FORMAT_VERSION,
            group: Id::new(),
            computer: Id::new(),
            seq: 7,
            seen: vec![(Id::new(), 3)],
            schema_version: 10,
            made_at: Utc::now(),
            changes: 2,
            encrypted,
        }
    }

    fn body() -> Body {
        Body {
            changeset: vec![1, 2, 3, 4, 5],
            revive: vec![RevivedRow {
                table: "goal".into(),
                values: vec![SqlValue::Real(0.1f64.to_bits()), SqlValue::Text("é".into())],
            }],
            removals: vec![],
        }
    }

    #[test]
    fn a_plain_file_opens_as_written_and_any_changed_byte_is_refused() {
        let header = header(false);
        let bytes = seal(&header, &body(), None).unwrap();
        assert_eq!(open(&bytes, "f", None).unwrap(), (header, body()));
        for at in 0..bytes.len() {
            let mut altered = bytes.clone();
            altered[at] ^= 0x01;
            assert!(open(&altered, "f", None).is_err(), "byte {at}");
        }
        for len in 0..bytes.len() {
            assert!(open(&bytes[..len], "f", None).is_err(), "cut at {len}");
        }
    }

    #[test]
    fn an_encrypted_file_opens_only_with_its_key_and_hides_its_changes() {
        let header = header(true);
        let key = SyncKey::new(&DataKey::random(), header.group);
        let bytes = seal(&header, &body(), Some(&key)).unwrap();
        assert!(!bytes
            .windows(3)
            .any(|w| w == "goal".as_bytes().get(..3).unwrap()));
        assert_eq!(open(&bytes, "f", Some(&key)).unwrap().1, body());
        let other = SyncKey::new(&DataKey::random(), header.group);
        assert!(matches!(
            open(&bytes, "f", Some(&other)),
            Err(Error::BadFile(_))
        ));
        assert!(matches!(open(&bytes, "f", None), Err(Error::BadFile(_))));
        let mut altered = bytes.clone();
        let last = altered.len() - 1;
        altered[last] ^= 0x80;
        assert!(matches!(
            open(&altered, "f", Some(&key)),
            Err(Error::BadFile(_))
        ));
    }
}
