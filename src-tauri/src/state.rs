//! The open record, shared by every command. Core work runs on tokio's blocking pool, so the store
//! sits behind an `Arc<Mutex<_>>` that a blocking task can take with it. A record that could not
//! be opened keeps its error, and can be replaced by a backup from the window, which opens it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use rapport::backup;
use rapport::protect::{self, DataKey, RecoveryKey};
use rapport::store::lock::RecordLock;
use rapport::Store;

use crate::error::CommandError;

type Opened = Result<Arc<Mutex<Store>>, CommandError>;

pub struct Record {
    pub db_path: PathBuf,
    opened: RwLock<Opened>,
    /// The operating-system lock that makes this window the record's one owner, for as long as
    /// the app runs; `None` when another Rapport had it at start (the window says so).
    owner: Mutex<Option<RecordLock>>,
    /// Held while another connection has the record open (the start-up backup, on its own
    /// thread); a restore waits for it, since swapping the file under an open connection would
    /// leave that connection to remove the new record's journal.
    second_connection: Arc<Mutex<()>>,
    /// Wrong passphrases in a row, and when the next try is allowed.
    tries: Mutex<Tries>,
    /// The key of a protected record that the passphrase unsealed but that would not open
    /// (damaged): restoring one of its backups in its place needs it.
    unopened_key: Mutex<Option<DataKey>>,
}

/// What proves the teacher may open a protected record.
pub enum Secret {
    Passphrase(String),
    /// The recovery key from the sheet, and the new passphrase it sets.
    RecoveryKey {
        key: String,
        new_passphrase: String,
    },
}

/// Wrong tries so far: after the third, each wait doubles (5 s, 10 s, 20 s … at most 5 minutes).
#[derive(Default)]
struct Tries {
    failed: u32,
    wait_until: Option<Instant>,
}

impl Tries {
    const FREE: u32 = 3;
    const LONGEST: Duration = Duration::from_secs(300);

    /// Seconds left before the next try is allowed.
    fn wait_left(&self) -> Option<u64> {
        let left = self.wait_until?.checked_duration_since(Instant::now())?;
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }

    /// Counts a wrong try; returns the wait before the next, if there is one.
    fn failed(&mut self) -> Option<u64> {
        self.failed += 1;
        let over = self.failed.checked_sub(Self::FREE)?;
        let wait = Duration::from_secs(5 << over.min(6)).min(Self::LONGEST);
        self.wait_until = Some(Instant::now() + wait);
        Some(wait.as_secs())
    }
}

impl Record {
    /// Takes the record at `db_path` and opens it, keeping the error (open in another window, a
    /// newer version, a damaged file) to show in the window instead of failing to start.
    pub fn open(db_path: PathBuf) -> Self {
        let (owner, opened) = take_and_open(&db_path);
        Record {
            db_path,
            opened: RwLock::new(opened),
            owner: Mutex::new(owner),
            second_connection: Arc::default(),
            tries: Mutex::default(),
            unopened_key: Mutex::default(),
        }
    }

    /// Whether the record is protected and waits for its passphrase.
    pub fn is_locked(&self) -> bool {
        self.open_error().is_some_and(|e| e.code == "locked")
    }

    /// Opens the protected record with the passphrase, or sets a new passphrase with the
    /// recovery key and opens it. Wrong tries are counted; after three, each makes the next wait
    /// longer. A record that is open already stays as it is.
    pub async fn unlock(&self, secret: Secret) -> Result<(), CommandError> {
        if !self.is_locked() {
            return Ok(());
        }
        if let Some(seconds) = self.lock_tries().wait_left() {
            return Err(CommandError::wait(seconds));
        }
        let db_path = self.db_path.clone();
        let opened = tauri::async_runtime::spawn_blocking(
            move || -> Result<Store, (rapport::Error, Option<DataKey>)> {
                let unseal = || -> rapport::Result<DataKey> {
                    Ok(match secret {
                        Secret::Passphrase(passphrase) => protect::unlock(&db_path, &passphrase)?,
                        Secret::RecoveryKey {
                            key,
                            new_passphrase,
                        } => {
                            let recovery = RecoveryKey::parse(&key)?;
                            protect::check_passphrase(&new_passphrase)?;
                            let key = protect::recover(&db_path, &recovery)?;
                            protect::reset_passphrase(&db_path, &recovery, &new_passphrase)?;
                            key
                        }
                    })
                };
                let key = unseal().map_err(|e| (e, None))?;
                let spare = key.duplicate();
                Store::open_with_key(&db_path, Some(key)).map_err(|e| (e, Some(spare)))
            },
        )
        .await
        .map_err(|_| CommandError::internal())?;
        match opened {
            Ok(store) => {
                *self.lock_tries() = Tries::default();
                *self.opened.write().unwrap_or_else(|p| p.into_inner()) =
                    Ok(Arc::new(Mutex::new(store)));
                log::info!("the record was unlocked");
                Ok(())
            }
            Err((
                error @ (rapport::Error::WrongPassphrase | rapport::Error::WrongRecoveryKey),
                _,
            )) => {
                let wait = self.lock_tries().failed();
                log::info!("a wrong passphrase or recovery key was given");
                Err(CommandError::from(error).with_retry_after(wait))
            }
            // The passphrase was right but the record will not open: the window shows the
            // recovery screen, which restores a backup with this key.
            Err((error, Some(key))) => {
                log::error!("the unlocked record could not be opened: {}", error.code());
                *self.unopened_key.lock().unwrap_or_else(|p| p.into_inner()) = Some(key);
                let error = CommandError::from(error);
                *self.opened.write().unwrap_or_else(|p| p.into_inner()) = Err(error.clone());
                Err(error)
            }
            Err((error, None)) => Err(error.into()),
        }
    }

    /// Closes a protected record: the store (and its key) is dropped as soon as the commands
    /// running on it finish. `false` when the record is not protected (it cannot be locked).
    pub async fn lock(&self) -> Result<bool, CommandError> {
        if self.open_error().is_some() {
            return Ok(self.is_locked());
        }
        if !self.run(|store| Ok(store.is_protected())).await? {
            return Ok(false);
        }
        *self.opened.write().unwrap_or_else(|p| p.into_inner()) =
            Err(rapport::Error::Locked.into());
        log::info!("the record was locked");
        Ok(true)
    }

    fn lock_tries(&self) -> std::sync::MutexGuard<'_, Tries> {
        self.tries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes the start-up backup on its own thread and connection, so the window never waits
    /// for it: a copy in the backups folder when the record changed since the newest one, then
    /// thinning. A protected record's copy is encrypted like the record.
    pub async fn back_up_in_background(&self) -> Result<(), CommandError> {
        let key: Option<DataKey> = self.run(|store| Ok(store.key_copy())).await?;
        let db_path = self.db_path.clone();
        let gate = self.second_connection.clone();
        std::thread::spawn(move || {
            let _open = gate.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let started = Instant::now();
            // The window's own connection has cleared the removals for good; this one only copies.
            let taken = Store::open_as_is(&db_path, key).and_then(|store| {
                let folder = backup::backups_dir(&db_path);
                backup::automatic(&store, &folder, chrono::Utc::now())
            });
            match taken {
                Ok(Some(backup)) => log::info!(
                    "automatic backup taken: {} KB in {} ms",
                    backup.bytes.div_ceil(1024),
                    started.elapsed().as_millis()
                ),
                Ok(None) => log::info!("automatic backup not needed: nothing changed"),
                Err(error) => log::warn!("the automatic backup failed: {}", error.code()),
            }
        });
        Ok(())
    }

    /// Tries again to take a record that another Rapport had open; `Ok(true)` once it is open.
    pub async fn open_again(&self) -> Result<bool, CommandError> {
        if self.open_error().is_none() {
            return Ok(true);
        }
        if self.owned() {
            // Open but unreadable: that is for the recovery screen, not for a second try.
            return Ok(false);
        }
        let db_path = self.db_path.clone();
        let (owner, opened) = tauri::async_runtime::spawn_blocking(move || take_and_open(&db_path))
            .await
            .map_err(|_| CommandError::internal())?;
        let now_open = opened.is_ok();
        *self.owner.lock().unwrap_or_else(|p| p.into_inner()) = owner;
        *self.opened.write().unwrap_or_else(|p| p.into_inner()) = opened;
        Ok(now_open)
    }

    /// Whether this window holds the record's lock.
    fn owned(&self) -> bool {
        self.owner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .is_some()
    }

    fn opened(&self) -> Opened {
        self.opened
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Why the record could not be opened, if it could not.
    pub fn open_error(&self) -> Option<CommandError> {
        self.opened().err()
    }

    /// Puts the backup at `from` in the place of a record that could not be opened (its file is
    /// kept among the backups as it was), and opens it. Says what it kept, if there was a file,
    /// and how many children removed for good it cleared again.
    pub async fn restore_unopened(&self, from: PathBuf) -> Result<backup::Restored, CommandError> {
        // Never swap a record that another Rapport has open.
        if !self.owned() {
            return Err(rapport::Error::InUse.into());
        }
        if self.is_locked() {
            return Err(rapport::Error::Locked.into());
        }
        let db_path = self.db_path.clone();
        let key = self
            .unopened_key
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(DataKey::duplicate);
        let (restored, store) = tauri::async_runtime::spawn_blocking(move || {
            let restored = backup::restore(&db_path, &from, key.as_ref(), chrono::Utc::now())?;
            Ok::<_, rapport::Error>((restored, Store::open_with_key(&db_path, key)?))
        })
        .await
        .map_err(|_| CommandError::internal())??;
        *self
            .opened
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Ok(Arc::new(Mutex::new(store)));
        log::info!("the record was replaced by a backup and opened");
        Ok(restored)
    }

    /// Runs `work` on the store in tokio's blocking pool, so the window never waits on disk.
    pub async fn run<T, F>(&self, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> rapport::Result<T> + Send + 'static,
    {
        let store = self.opened()?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier command poisons the lock, but SQLite rolled its transaction back,
            // so the store itself is sound: carry on with it.
            let mut store = store
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut store).map_err(|error| {
                log::warn!("a command failed: {}", error.code());
                CommandError::from(error)
            })
        })
        .await
        .map_err(|_| CommandError::internal())?
    }

    /// Runs `work` like [`Record::run`], once no second connection has the record open (the
    /// start-up backup's): for work that swaps the record's file (restore, protect, unprotect).
    pub async fn run_alone<T, F>(&self, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> rapport::Result<T> + Send + 'static,
    {
        let gate = self.second_connection.clone();
        self.run(move |store| {
            let _alone = gate.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(store)
        })
        .await
    }
}

/// The record's lock, then the record: no lock, no record (another Rapport has it open). A
/// record that will not open keeps its lock: restoring a backup in its place needs it.
fn take_and_open(db_path: &std::path::Path) -> (Option<RecordLock>, Opened) {
    let failed = |error: rapport::Error| {
        log::error!("the record could not be opened: {}", error.code());
        CommandError::from(error)
    };
    let owner = match acquire_patiently(db_path) {
        Ok(owner) => owner,
        Err(error) => return (None, Err(failed(error))),
    };
    let opened = Store::open(db_path)
        .map(|store| Arc::new(Mutex::new(store)))
        .map_err(failed);
    (Some(owner), opened)
}

/// How long a new window waits for a Rapport that is closing (still writing its last edit and
/// letting go of the record) before it says the record is open elsewhere.
const CLOSING_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Takes the record's lock, waiting briefly for one that another window is letting go of: a
/// teacher who closes Rapport and opens it again at once should never be told it is in use.
fn acquire_patiently(db_path: &std::path::Path) -> rapport::Result<RecordLock> {
    let started = std::time::Instant::now();
    loop {
        match RecordLock::acquire(db_path) {
            Err(rapport::Error::InUse) if started.elapsed() < CLOSING_GRACE => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            taken => return taken,
        }
    }
}
