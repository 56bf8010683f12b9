//! The open record, shared by every command. Core work runs on tokio's blocking pool, so the store
//! sits behind an `Arc<Mutex<_>>` that a blocking task can take with it. A record that could not
//! be opened keeps its error, and can be replaced by a backup from the window, which opens it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

use rapport::backup::{self, Backup};
use rapport::Store;

use crate::error::CommandError;

type Opened = Result<Arc<Mutex<Store>>, CommandError>;

pub struct Record {
    pub db_path: PathBuf,
    opened: RwLock<Opened>,
    /// Held while another connection has the record open (the start-up backup, on its own
    /// thread); a restore waits for it, since swapping the file under an open connection would
    /// leave that connection to remove the new record's journal.
    pub second_connection: Arc<Mutex<()>>,
}

impl Record {
    /// Opens the record at `db_path`, keeping the error (a newer version, a damaged file) to show in
    /// the window instead of failing to start.
    pub fn open(db_path: PathBuf) -> Self {
        let opened = Store::open(&db_path)
            .map(|store| Arc::new(Mutex::new(store)))
            .map_err(|error| {
                log::error!("the record could not be opened: {}", error.code());
                CommandError::from(error)
            });
        Record {
            db_path,
            opened: RwLock::new(opened),
            second_connection: Arc::default(),
        }
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
    /// kept among the backups as it was), and opens it. Returns the kept copy, if there was a file.
    pub async fn restore_unopened(&self, from: PathBuf) -> Result<Option<Backup>, CommandError> {
        let db_path = self.db_path.clone();
        let (kept, store) = tauri::async_runtime::spawn_blocking(move || {
            let kept = backup::restore(&db_path, &from, chrono::Utc::now())?;
            Ok::<_, rapport::Error>((kept, Store::open(&db_path)?))
        })
        .await
        .map_err(|_| CommandError::internal())??;
        *self
            .opened
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Ok(Arc::new(Mutex::new(store)));
        log::info!("the record was replaced by a backup and opened");
        Ok(kept)
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
