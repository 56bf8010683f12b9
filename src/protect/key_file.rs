//! The key file beside a protected record: the data key sealed (XChaCha20-Poly1305) under a key
//! stretched from the passphrase with Argon2id, and again under one from the recovery key. The
//! file holds no secret by itself; its seals tell a wrong passphrase from a right one.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use super::{from_hex, random_bytes, to_hex, DataKey, RecoveryKey};
use crate::error::{Error, Result};

const FORMAT: &str = "rapport-key";
const VERSION: u32 = 1;

/// The shortest passphrase accepted (NIST SP 800-63B's minimum for a chosen secret).
pub const PASSPHRASE_MIN_CHARS: usize = 8;

/// How hard the passphrase is stretched. Stored in the key file, so a later version can ask for
/// more without locking anyone out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub memory_kib: u32,
    pub iterations: u32,
    pub lanes: u32,
}

impl KdfParams {
    /// 64 MiB, 3 passes, 1 lane: above OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane),
    /// well under a second on a school laptop.
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        iterations: 3,
        lanes: 1,
    };

    /// OWASP's minimum: never less than this, whatever a key file says.
    const MINIMUM: KdfParams = KdfParams {
        memory_kib: 19 * 1024,
        iterations: 2,
        lanes: 1,
    };

    pub(crate) fn stretch(&self, secret: &[u8], salt: &[u8]) -> Result<Zeroizing<[u8; 32]>> {
        let params = Params::new(self.memory_kib, self.iterations, self.lanes, Some(32))
            .map_err(|e| Error::Internal(format!("key stretching settings refused ({e})")))?;
        let mut key = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(secret, salt, key.as_mut())
            .map_err(|e| Error::Internal(format!("key stretching failed ({e})")))?;
        Ok(key)
    }
}

/// The data key sealed under one secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Seal {
    salt: String,
    nonce: String,
    sealed: String,
}

/// What opens a seal.
enum Secret<'a> {
    Passphrase(&'a str),
    Recovery(&'a RecoveryKey),
}

impl Secret<'_> {
    /// What the seal is bound to, so a seal cannot be moved from one slot to the other.
    fn label(&self) -> &'static [u8] {
        match self {
            Secret::Passphrase(_) => b"rapport-key/1/passphrase",
            Secret::Recovery(_) => b"rapport-key/1/recovery",
        }
    }

    /// The secret's bytes: a passphrase in Unicode's composed form, so that "é" typed on any
    /// keyboard is the same passphrase.
    fn bytes(&self) -> Zeroizing<Vec<u8>> {
        match self {
            Secret::Passphrase(text) => Zeroizing::new(text.nfc().collect::<String>().into_bytes()),
            Secret::Recovery(key) => Zeroizing::new(key.bytes().to_vec()),
        }
    }

    fn wrong(&self) -> Error {
        match self {
            Secret::Passphrase(_) => Error::WrongPassphrase,
            Secret::Recovery(_) => Error::WrongRecoveryKey,
        }
    }
}

impl Seal {
    fn new(data_key: &DataKey, secret: &Secret, kdf: &KdfParams) -> Result<Seal> {
        let salt = random_bytes::<16>();
        let nonce = random_bytes::<24>();
        let key = kdf.stretch(&secret.bytes(), &salt)?;
        let cipher = XChaCha20Poly1305::new(key.as_ref().into());
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: data_key.bytes(),
                    aad: secret.label(),
                },
            )
            .map_err(|_| Error::Internal("the record's key could not be sealed".into()))?;
        Ok(Seal {
            salt: to_hex(&salt).to_string(),
            nonce: to_hex(&nonce).to_string(),
            sealed: to_hex(&sealed).to_string(),
        })
    }

    fn open(&self, secret: &Secret, kdf: &KdfParams) -> Result<DataKey> {
        let damaged = || Error::BadFile("The record's key file is damaged.".into());
        let salt = from_hex(&self.salt).ok_or_else(damaged)?;
        let nonce = from_hex(&self.nonce)
            .filter(|n| n.len() == 24)
            .ok_or_else(damaged)?;
        let sealed = from_hex(&self.sealed).ok_or_else(damaged)?;
        let key = kdf.stretch(&secret.bytes(), &salt)?;
        let cipher = XChaCha20Poly1305::new(key.as_ref().into());
        let opened = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&nonce),
                    Payload {
                        msg: &sealed,
                        aad: secret.label(),
                    },
                )
                .map_err(|_| secret.wrong())?,
        );
        let bytes: [u8; 32] = opened.as_slice().try_into().map_err(|_| damaged())?;
        Ok(DataKey::from_bytes(Zeroizing::new(bytes)))
    }
}

/// The key file's contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    format: String,
    version: u32,
    kdf: KdfParams,
    passphrase: Seal,
    recovery: Seal,
}

impl KeyFile {
    /// Seals `data_key` under a new passphrase and a recovery key.
    pub fn new(data_key: &DataKey, passphrase: &str, recovery: &RecoveryKey) -> Result<KeyFile> {
        check_passphrase(passphrase)?;
        let kdf = KdfParams::DEFAULT;
        Ok(KeyFile {
            format: FORMAT.into(),
            version: VERSION,
            kdf,
            passphrase: Seal::new(data_key, &Secret::Passphrase(passphrase), &kdf)?,
            recovery: Seal::new(data_key, &Secret::Recovery(recovery), &kdf)?,
        })
    }

    /// The data key, with the passphrase.
    pub fn unlock(&self, passphrase: &str) -> Result<DataKey> {
        self.passphrase
            .open(&Secret::Passphrase(passphrase), &self.kdf)
    }

    /// The data key, with the recovery key.
    pub fn recover(&self, recovery: &RecoveryKey) -> Result<DataKey> {
        self.recovery.open(&Secret::Recovery(recovery), &self.kdf)
    }

    /// The same data key sealed under a new passphrase; the recovery key stays as printed.
    pub fn with_passphrase(&self, data_key: &DataKey, passphrase: &str) -> Result<KeyFile> {
        check_passphrase(passphrase)?;
        Ok(KeyFile {
            passphrase: Seal::new(data_key, &Secret::Passphrase(passphrase), &self.kdf)?,
            ..self.clone()
        })
    }

    /// Reads the key file at `path`.
    pub fn read(path: &Path) -> Result<KeyFile> {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::BadFile(format!(
                "The record's key file ({}) is missing: without it the record cannot be opened. \
                 Put it back beside the record.",
                path.display()
            )),
            _ => Error::io(format!("Could not read the key file {}", path.display()), e),
        })?;
        let file: KeyFile = serde_json::from_str(&text).map_err(|_| damaged(path))?;
        if file.format != FORMAT {
            return Err(damaged(path));
        }
        if file.version > VERSION {
            return Err(Error::BadFile(format!(
                "The key file {} was written by a newer Rapport. Install the newer Rapport to open \
                 this record.",
                path.display()
            )));
        }
        let KdfParams {
            memory_kib,
            iterations,
            lanes,
        } = file.kdf;
        let weak = memory_kib < KdfParams::MINIMUM.memory_kib
            || iterations < KdfParams::MINIMUM.iterations
            || lanes < KdfParams::MINIMUM.lanes
            || memory_kib > 4 * 1024 * 1024
            || iterations > 64
            || lanes > 16;
        if weak {
            return Err(damaged(path));
        }
        Ok(file)
    }

    /// Writes the key file at `path`, replacing any there at once (never half-written).
    pub fn write(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| Error::Internal(format!("the key file could not be written ({e})")))?;
        crate::files::write_atomically(path, text.as_bytes())
    }
}

fn damaged(path: &Path) -> Error {
    Error::BadFile(format!(
        "The key file {} is damaged or is not a Rapport key file.",
        path.display()
    ))
}

/// A passphrase the teacher can set: long enough, and not only spaces.
pub fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.trim().chars().count() < PASSPHRASE_MIN_CHARS {
        return Err(Error::invalid(
            "passphrase",
            format!(
                "Choose a passphrase of at least {PASSPHRASE_MIN_CHARS} characters; a few words \
                 you will remember are best."
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_passphrase_and_the_recovery_key_each_open_the_same_data_key() {
        let data_key = DataKey::random();
        let recovery = RecoveryKey::random();
        let file = KeyFile::new(&data_key, "correct horse battery", &recovery).unwrap();
        assert_eq!(
            file.unlock("correct horse battery").unwrap().bytes(),
            data_key.bytes()
        );
        assert_eq!(file.recover(&recovery).unwrap().bytes(), data_key.bytes());
        assert!(matches!(
            file.unlock("correct horse batterY"),
            Err(Error::WrongPassphrase)
        ));
        assert!(matches!(
            file.recover(&RecoveryKey::random()),
            Err(Error::WrongRecoveryKey)
        ));
    }

    #[test]
    fn a_new_passphrase_seals_the_same_key_and_the_old_one_stops_working() {
        let data_key = DataKey::random();
        let recovery = RecoveryKey::random();
        let file = KeyFile::new(&data_key, "first passphrase", &recovery).unwrap();
        let changed = file
            .with_passphrase(&data_key, "second passphrase")
            .unwrap();
        assert_eq!(
            changed.unlock("second passphrase").unwrap().bytes(),
            data_key.bytes()
        );
        assert!(changed.unlock("first passphrase").is_err());
        assert_eq!(
            changed.recover(&recovery).unwrap().bytes(),
            data_key.bytes()
        );
    }

    #[test]
    fn the_same_passphrase_in_composed_or_decomposed_form_is_the_same() {
        let data_key = DataKey::random();
        let file = KeyFile::new(&data_key, "caf\u{e9} au lait", &RecoveryKey::random()).unwrap();
        assert!(file.unlock("cafe\u{301} au lait").is_ok());
    }

    #[test]
    fn a_short_passphrase_is_refused() {
        let error = KeyFile::new(&DataKey::random(), "  short ", &RecoveryKey::random())
            .expect_err("refused");
        assert!(
            error.to_string().contains("at least 8 characters"),
            "{error}"
        );
    }

    #[test]
    fn a_weakened_or_foreign_key_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.sqlite3.key");
        let file =
            KeyFile::new(&DataKey::random(), "a passphrase", &RecoveryKey::random()).unwrap();
        file.write(&path).unwrap();
        assert_eq!(KeyFile::read(&path).unwrap(), file);
        let weakened = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\"iterations\": 3", "\"iterations\": 1");
        std::fs::write(&path, weakened).unwrap();
        assert!(matches!(KeyFile::read(&path), Err(Error::BadFile(_))));
        std::fs::write(&path, "{}").unwrap();
        assert!(matches!(KeyFile::read(&path), Err(Error::BadFile(_))));
        std::fs::remove_file(&path).unwrap();
        let missing = KeyFile::read(&path).expect_err("missing");
        assert!(missing.to_string().contains("is missing"), "{missing}");
    }
}
