//! The store's one way to write several rows as one: [`Store::atomically`] runs a closure inside a
//! savepoint that is released when the closure returns `Ok` and rolled back when it returns `Err`
//! or panics; [`Store::dry_run`] runs one and always rolls it back (previews). Units nest. A
//! release that fails (the disk full, the file busy) rolls the unit back too, so no later edit can
//! ever be left inside a transaction that is never committed.

use std::panic::{self, AssertUnwindSafe};

use super::Store;
use crate::error::Result;

/// What becomes of a unit's writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Kept when the work succeeds.
    IfOk,
    /// Never kept: a preview.
    Never,
}

impl Store {
    /// Runs `work` as one unit: if it fails or panics, nothing it wrote is kept.
    pub fn atomically<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.unit(Keep::IfOk, work)
    }

    /// Runs `work` and undoes everything it wrote, whatever its outcome: to preview what an
    /// import would do with the very same code that does it.
    pub fn dry_run<T>(&mut self, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.unit(Keep::Never, work)
    }

    fn unit<T>(&mut self, keep: Keep, work: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("SAVEPOINT unit")?;
        self.units += 1;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(self)));
        self.units -= 1;
        match outcome {
            Ok(Ok(value)) if keep == Keep::IfOk => match self.conn.execute_batch("RELEASE unit") {
                Ok(()) => Ok(value),
                Err(error) => {
                    self.undo_unit();
                    Err(error.into())
                }
            },
            Ok(result) => {
                self.undo_unit();
                result
            }
            Err(panicked) => {
                self.undo_unit();
                panic::resume_unwind(panicked)
            }
        }
    }

    /// Rolls the innermost unit back. Should even that fail, the whole transaction is rolled
    /// back once the outermost unit is left: the record is then as it was before it began.
    fn undo_unit(&mut self) {
        let undone = self
            .conn
            .execute_batch("ROLLBACK TO unit; RELEASE unit")
            .is_ok();
        if !undone && self.units == 0 && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Whether a transaction is open on the record (never, between a store's calls).
    pub fn in_transaction(&self) -> bool {
        !self.conn.is_autocommit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::model::ClassDetails;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("r.sqlite3")).unwrap();
        (dir, store)
    }

    fn class(store: &mut Store, name: &str) -> Result<()> {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        store.start_class(
            &ClassDetails {
                name: name.into(),
                ..Default::default()
            },
            today,
        )?;
        Ok(())
    }

    #[test]
    fn a_failed_unit_keeps_nothing_and_leaves_no_transaction_open() {
        let (_dir, mut store) = store();
        let failed: Result<()> = store.atomically(|store| {
            class(store, "Room 12")?;
            Err(Error::Conflict("no".into()))
        });
        assert!(failed.is_err());
        assert!(store.classes().unwrap().is_empty());
        assert!(!store.in_transaction());
    }

    #[test]
    fn a_panic_in_a_unit_rolls_it_back_and_later_edits_are_committed() {
        let (dir, mut store) = store();
        let panicked = panic::catch_unwind(AssertUnwindSafe(|| {
            let _: Result<()> = store.atomically(|store| {
                class(store, "Room 12")?;
                panic!("a bug");
            });
        }));
        assert!(panicked.is_err());
        assert!(!store.in_transaction());
        class(&mut store, "Room 14").unwrap();
        drop(store);
        let again = Store::open(dir.path().join("r.sqlite3")).unwrap();
        let names: Vec<String> = again
            .classes()
            .unwrap()
            .into_iter()
            .map(|c| c.details.name)
            .collect();
        assert_eq!(names, ["Room 14"], "the later edit reached the file");
    }

    #[test]
    fn a_dry_run_returns_its_result_and_keeps_nothing_even_nested() {
        let (_dir, mut store) = store();
        let made = store
            .atomically(|store| {
                class(store, "Room 12")?;
                store.dry_run(|store| {
                    class(store, "Room 14")?;
                    Ok(store.classes()?.len())
                })
            })
            .unwrap();
        assert_eq!(made, 2, "the preview saw its own writes");
        assert_eq!(store.classes().unwrap().len(), 1);
        assert!(!store.in_transaction());
    }
}
