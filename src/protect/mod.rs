//! Keys for a protected record. SQLCipher encrypts the record (and its journal, and every copy made
//! of it with `VACUUM INTO`: the backups) under a random 256-bit data key. The data key is never
//! kept as it is: a key file beside the record holds it sealed twice, once under a key stretched
//! from the teacher's passphrase with Argon2id, once under a key from the recovery key printed at
//! set-up. Changing the passphrase seals the same data key again; the record is not re-encrypted.
//! Without the passphrase or the recovery key nobody can open the record, the teacher included.

mod convert;
mod key_file;
mod recovery;

use std::io::Read;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::rand_core::RngCore;
use chacha20poly1305::aead::OsRng;
use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::error::{Error, Result};

pub use convert::{change_passphrase, reset_passphrase, Protected, Unprotected};
pub(crate) use convert::{convert_backups, convert_file};
pub use key_file::{check_passphrase, KdfParams, KeyFile, PASSPHRASE_MIN_CHARS};
pub use recovery::RecoveryKey;

/// The record's encryption key: 32 random bytes, wiped from memory when dropped.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A new random key from the operating system's generator.
    pub fn random() -> DataKey {
        let mut bytes = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(bytes.as_mut());
        DataKey(bytes)
    }

    pub(crate) fn from_bytes(bytes: Zeroizing<[u8; 32]>) -> DataKey {
        DataKey(bytes)
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as SQLCipher takes a raw key (`"x'…'"`): used as it is, with no second stretching.
    pub(crate) fn sql_key(&self) -> Zeroizing<String> {
        let mut text = Zeroizing::new(String::with_capacity(67));
        text.push_str("x'");
        text.push_str(&to_hex(self.bytes()));
        text.push('\'');
        text
    }

    /// A copy for a second connection to the same record (a backup being checked).
    pub fn duplicate(&self) -> DataKey {
        DataKey(Zeroizing::new(*self.0))
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

/// The key file beside a record: `rapport.sqlite3` → `rapport.sqlite3.key`.
pub fn key_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_owned();
    name.push(".key");
    PathBuf::from(name)
}

/// The first bytes of every plain SQLite file; an encrypted one starts with random bytes.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether the file at `path` (a record or a backup) is encrypted. A file that does not exist yet,
/// or is too short to tell, is not.
pub fn is_protected(path: &Path) -> Result<bool> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(format!("Could not read {}", path.display()), e)),
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(format!("Could not read {}", path.display()), e)),
        }
    }
    Ok(read == header.len() && &header != PLAIN_HEADER)
}

/// The key of the protected record at `db_path`, with its passphrase.
pub fn unlock(db_path: &Path, passphrase: &str) -> Result<DataKey> {
    KeyFile::read(&key_path(db_path))?.unlock(passphrase)
}

/// The key of the protected record at `db_path`, with the recovery key from its sheet.
pub fn recover(db_path: &Path, recovery: &RecoveryKey) -> Result<DataKey> {
    KeyFile::read(&key_path(db_path))?.recover(recovery)
}

/// Sets SQLCipher up once per process before any connection of Rapport's opens. SQLCipher marks
/// itself ready before it registers `sqlcipher_export` for new connections, so a connection opened
/// on another thread in that moment lacks the function (seen as a flaky "no such function" when
/// records were protected on several threads at once). Every connection opened here waits for it.
pub(crate) fn initialize() {
    static READY: std::sync::Once = std::sync::Once::new();
    READY.call_once(|| {
        // Opening a connection runs SQLite's (and SQLCipher's) initialisation to the end.
        let _ = Connection::open_in_memory();
    });
}

/// Gives a new connection its key: the first thing done on it. SQLCipher is asked not to write its
/// own log to the terminal (a wrong key is reported as an error of ours), and to keep a larger
/// page cache: every page read from the disk is decrypted and checked, so pages are kept
/// decrypted in memory for as long as the connection is open (32 MiB at most).
///
/// `cipher_memory_security` (wiping every allocation SQLite frees) stays off: measured on the
/// 3,000-child record it made Today 2.3 times and the student page 11 times slower, for the rest
/// of the process, since SQLCipher cannot turn it off again. SQLCipher wipes its own copies of the
/// key when a connection closes, and Rapport's are wiped when dropped (`DataKey`), so locking
/// leaves no key in memory; decrypted pages freed at that moment are returned to the allocator.
pub(crate) fn apply_key(conn: &Connection, key: &DataKey) -> Result<()> {
    conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
    // Given through `sqlite3_key` rather than as `PRAGMA key` text, so that no copy of the key
    // is left in the SQL parser's buffers, which SQLite frees without wiping.
    let sql_key = key.sql_key();
    let length = std::ffi::c_int::try_from(sql_key.len())
        .map_err(|_| Error::Internal("the record's key is too long".into()))?;
    // SAFETY: the handle is this open connection's own, used on this thread only, and the key
    // buffer outlives the call; SQLCipher copies the key before it returns.
    let code =
        unsafe { rusqlite::ffi::sqlite3_key(conn.handle(), sql_key.as_ptr().cast(), length) };
    if code != rusqlite::ffi::SQLITE_OK {
        return Err(Error::Internal(format!(
            "SQLCipher did not take the record's key (code {code})"
        )));
    }
    conn.execute_batch("PRAGMA cache_size = -32768;")?;
    Ok(())
}

pub(crate) fn to_hex(bytes: &[u8]) -> Zeroizing<String> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 15)] as char);
    }
    text
}

pub(crate) fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// `len` random bytes.
pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_goes_there_and_back() {
        let bytes = random_bytes::<32>();
        assert_eq!(from_hex(&to_hex(&bytes)).as_deref(), Some(&bytes[..]));
        assert_eq!(from_hex("0g"), None);
        assert_eq!(from_hex("abc"), None);
    }

    #[test]
    fn a_raw_key_reads_as_sqlcipher_expects_and_never_prints() {
        let key = DataKey::random();
        let sql = key.sql_key();
        assert!(sql.starts_with("x'") && sql.ends_with('\'') && sql.len() == 67);
        assert_eq!(format!("{key:?}"), "DataKey(…)");
    }
}
