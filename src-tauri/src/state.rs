//! The open record, shared by every command. Core work runs on tokio's blocking pool, so the store
//! sits behind an `Arc<Mutex<_>>` that a blocking task can take with it. A record that could not
//! be opened keeps its error, and can be replaced by a backup from the window, which opens it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use rapport::backup;
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
    pub second_connection: Arc<Mutex<()>>,
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
        }
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
        let db_path = self.db_path.clone();
        let (restored, store) = tauri::async_runtime::spawn_blocking(move || {
            let restored = backup::restore(&db_path, &from, chrono::Utc::now())?;
            Ok::<_, rapport::Error>((restored, Store::open(&db_path)?))
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
