//! The passphrase on the command line: where it comes from (a prompt on a terminal, the
//! `RAPPORT_PASSPHRASE` variable or `--passphrase-file`), opening a protected record with it, and
//! the commands that protect a record, change its passphrase and remove the protection.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rapport::protect::{self, DataKey, RecoveryKey};
use rapport::{Error, Store};
use zeroize::Zeroizing;

/// The variable a script sets to give the passphrase.
pub const PASSPHRASE_ENV: &str = "RAPPORT_PASSPHRASE";
/// The variable a script sets to give a new passphrase (`protect`, `change-passphrase`).
pub const NEW_PASSPHRASE_ENV: &str = "RAPPORT_NEW_PASSPHRASE";

/// Where the passphrases come from.
#[derive(clap::Args, Default)]
pub struct Secrets {
    /// Read the record's passphrase from the first line of this file (else $RAPPORT_PASSPHRASE,
    /// else a prompt on the terminal).
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

/// What a protection command asks for.
#[derive(clap::Subcommand)]
pub enum ProtectionCommand {
    /// Protect the record with a passphrase: the record and its backups are encrypted, and a
    /// recovery key is printed once. Without both, nobody can open the record.
    Protect {
        /// Read the new passphrase from this file (else $RAPPORT_NEW_PASSPHRASE, else asked twice).
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
        /// Also write the recovery sheet (a PDF to print and keep safe) to this file.
        #[arg(long, value_name = "FILE.pdf")]
        recovery_sheet: Option<PathBuf>,
    },
    /// Change the passphrase (the record is not re-encrypted). With --recovery-key, set a new one
    /// when the passphrase is forgotten.
    ChangePassphrase {
        /// Read the new passphrase from this file (else $RAPPORT_NEW_PASSPHRASE, else asked twice).
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
        /// Prove it is you with the recovery key from the recovery sheet instead of the
        /// passphrase (asked on the terminal, or $RAPPORT_RECOVERY_KEY).
        #[arg(long)]
        recovery_key: bool,
    },
    /// Remove the protection: the record and its backups become plain files again.
    Unprotect {
        /// Do not ask for confirmation (for scripts).
        #[arg(long)]
        yes: bool,
    },
}

/// Said when a change of protection stopped the record's sync.
const SYNC_STOPPED: &str = "This record no longer syncs with the other computer: run `rapport \
    sync DIR` with a new, empty folder, and open the record from that folder on the other computer.";

impl Secrets {
    /// The record's passphrase.
    pub(crate) fn passphrase(&self, db_path: &Path) -> Result<Zeroizing<String>, Error> {
        if let Some(file) = &self.passphrase_file {
            return first_line(file);
        }
        if let Ok(text) = std::env::var(PASSPHRASE_ENV) {
            return Ok(Zeroizing::new(text));
        }
        if std::io::stdin().is_terminal() {
            return ask(&format!("Passphrase for {}: ", db_path.display()));
        }
        Err(Error::Conflict(format!(
            "This record is protected by a passphrase. Give it in {PASSPHRASE_ENV} or with \
             --passphrase-file FILE, or run rapport in a terminal to be asked. Nothing was changed."
        )))
    }

    /// The key of the record at `db_path`: `None` when it is not protected.
    pub fn key(&self, db_path: &Path) -> Result<Option<DataKey>, Error> {
        // A file that is not a plain record and has no key file beside it is not asked about:
        // opening it says what it is.
        match protect::is_protected(db_path)? && protect::key_path(db_path).exists() {
            true => Ok(Some(protect::unlock(db_path, &self.passphrase(db_path)?)?)),
            false => Ok(None),
        }
    }

    /// Opens the record, asking for its passphrase only when it is protected.
    pub fn open(&self, db_path: &Path) -> Result<Store, Error> {
        Store::open_with_key(db_path, self.key(db_path)?)
    }
}

/// Runs a protection command on the record at `db_path` (already taken by this process).
pub fn run(command: ProtectionCommand, db_path: &Path, secrets: &Secrets) -> Result<(), Error> {
    match command {
        ProtectionCommand::Protect {
            new_passphrase_file,
            recovery_sheet,
        } => protect_record(
            db_path,
            secrets,
            new_passphrase_file.as_deref(),
            recovery_sheet.as_deref(),
        ),
        ProtectionCommand::ChangePassphrase {
            new_passphrase_file,
            recovery_key,
        } => change(
            db_path,
            secrets,
            new_passphrase_file.as_deref(),
            recovery_key,
        ),
        ProtectionCommand::Unprotect { yes } => unprotect_record(db_path, secrets, yes),
    }
}

/// `rapport protect`: encrypts the record and its backups and prints the recovery key once.
fn protect_record(
    db_path: &Path,
    secrets: &Secrets,
    new_passphrase_file: Option<&Path>,
    recovery_sheet: Option<&Path>,
) -> Result<(), Error> {
    let mut store = secrets.open(db_path)?;
    if store.is_protected() {
        return Err(Error::Conflict(
            "This record is already protected; use change-passphrase to change its passphrase. \
             Nothing was changed."
                .into(),
        ));
    }
    let passphrase = new_passphrase(new_passphrase_file)?;
    let started = std::time::Instant::now();
    let protected = store.protect(&passphrase)?;
    say!(
        "Protected {} and {} backup(s) in {} ms. The key file is {}.",
        db_path.display(),
        protected.backups,
        started.elapsed().as_millis(),
        protected.key_file.display()
    );
    if let Some(error) = &protected.backups_left {
        eprintln!(
            "rapport: warning: some backups are still plain files ({error}); they will be \
             protected the next time the record is opened."
        );
    }
    if protected.sync_stopped {
        say!("{SYNC_STOPPED}");
    }
    if let Some(sheet) = recovery_sheet {
        let printed = rapport::uses::recovery_sheet(&store, &protected.recovery_key)?;
        rapport::files::write_atomically(sheet, &printed.bytes)?;
        say!(
            "Wrote the recovery sheet to {}: print it and keep it safe.",
            sheet.display()
        );
    }
    say!(
        "Recovery key (shown once; write it down or print the sheet, and keep it away from the \
         computer):\n\n    {}\n\nWithout the passphrase or this key, nobody can open the record.\n\
         Copies saved elsewhere before (a USB stick) stay as they were: delete them, and save a \
         new, protected copy (rapport backup --out FILE).",
        protected.recovery_key.text().as_str()
    );
    Ok(())
}

/// `rapport change-passphrase`: with the current passphrase, or with the recovery key.
fn change(
    db_path: &Path,
    secrets: &Secrets,
    new_passphrase_file: Option<&Path>,
    with_recovery_key: bool,
) -> Result<(), Error> {
    if !protect::is_protected(db_path)? {
        return Err(Error::Conflict(
            "This record is not protected; use protect to give it a passphrase. Nothing was \
             changed."
                .into(),
        ));
    }
    if with_recovery_key {
        let recovery = RecoveryKey::parse(&recovery_key_text()?)?;
        let new = new_passphrase(new_passphrase_file)?;
        protect::reset_passphrase(db_path, &recovery, &new)?;
    } else {
        let current = secrets.passphrase(db_path)?;
        // Check the current passphrase before asking for a new one.
        protect::unlock(db_path, &current)?;
        let new = new_passphrase(new_passphrase_file)?;
        protect::change_passphrase(db_path, &current, &new)?;
    }
    say!("The passphrase is changed. The recovery key stays the same.");
    Ok(())
}

/// `rapport unprotect`: plain files again, after a confirmation.
fn unprotect_record(db_path: &Path, secrets: &Secrets, yes: bool) -> Result<(), Error> {
    let mut store = secrets.open(db_path)?;
    if !store.is_protected() {
        return Err(Error::Conflict(
            "This record is not protected. Nothing was changed.".into(),
        ));
    }
    if !yes && !confirmed(db_path)? {
        say!("Nothing was changed.");
        return Ok(());
    }
    let done = store.unprotect()?;
    say!(
        "{} and {} backup(s) are no longer protected: anyone with the files can read them.",
        db_path.display(),
        done.backups
    );
    if done.sync_stopped {
        say!("{SYNC_STOPPED}");
    }
    Ok(())
}

/// A new passphrase: from a file, from $RAPPORT_NEW_PASSPHRASE, or typed twice on the terminal.
fn new_passphrase(file: Option<&Path>) -> Result<Zeroizing<String>, Error> {
    let passphrase = if let Some(file) = file {
        first_line(file)?
    } else if let Ok(text) = std::env::var(NEW_PASSPHRASE_ENV) {
        Zeroizing::new(text)
    } else if std::io::stdin().is_terminal() {
        eprintln!(
            "Choose a passphrase of at least {} characters; a few words you will remember are best.",
            protect::PASSPHRASE_MIN_CHARS
        );
        let first = ask("New passphrase: ")?;
        protect::check_passphrase(&first)?;
        if *ask("Type it again: ")? != *first {
            return Err(Error::invalid(
                "passphrase",
                "The two passphrases are not the same. Nothing was changed.",
            ));
        }
        first
    } else {
        return Err(Error::Conflict(format!(
            "Give the new passphrase in {NEW_PASSPHRASE_ENV} or with --new-passphrase-file FILE, \
             or run rapport in a terminal to be asked. Nothing was changed."
        )));
    };
    protect::check_passphrase(&passphrase)?;
    Ok(passphrase)
}

/// The recovery key: from $RAPPORT_RECOVERY_KEY or typed on the terminal.
fn recovery_key_text() -> Result<Zeroizing<String>, Error> {
    if let Ok(text) = std::env::var("RAPPORT_RECOVERY_KEY") {
        return Ok(Zeroizing::new(text));
    }
    if std::io::stdin().is_terminal() {
        return ask("Recovery key (from the recovery sheet): ");
    }
    Err(Error::Conflict(
        "Give the recovery key in RAPPORT_RECOVERY_KEY, or run rapport in a terminal to be asked. \
         Nothing was changed."
            .into(),
    ))
}

/// Asks before the record is turned back into a plain file.
fn confirmed(db_path: &Path) -> Result<bool, Error> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::Conflict(
            "Removing the protection needs a confirmation: run it in a terminal, or add --yes. \
             Nothing was changed."
                .into(),
        ));
    }
    eprint!(
        "Remove the protection of {}? Anyone who copies the record or a backup will be able to \
         read every child's notes. Type yes to go on: ",
        db_path.display()
    );
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .map_err(|e| Error::io("Could not read the answer", e))?;
    Ok(answer.trim().eq_ignore_ascii_case("yes"))
}

/// Asks for a secret on the terminal without showing it.
pub(crate) fn ask(prompt: &str) -> Result<Zeroizing<String>, Error> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|e| Error::io("Could not read the passphrase from the terminal", e))
}

/// The first line of a file (without its line ending): a passphrase kept for a script.
fn first_line(file: &Path) -> Result<Zeroizing<String>, Error> {
    let text = Zeroizing::new(
        std::fs::read_to_string(file)
            .map_err(|e| Error::io(format!("Could not read {}", file.display()), e))?,
    );
    let line = text.lines().next().unwrap_or("");
    Ok(Zeroizing::new(line.to_string()))
}
