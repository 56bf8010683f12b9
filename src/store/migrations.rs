//! Numbered schema migrations, embedded in the binary. All pending ones are applied in one IMMEDIATE
//! transaction and the schema version is kept in `PRAGMA user_version`, so a record is always at one
//! known version: never half-upgraded.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::{Error, Result};

struct Migration {
    version: i64,
    sql: &'static str,
    /// Data the new schema starts with, written from the one place in the code that holds it.
    then: Option<fn(&Transaction) -> Result<()>>,
}

/// Every migration, in order. A shipped migration is never edited: add the next number instead.
const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/0001_foundation.sql"),
        then: None,
    },
    Migration {
        version: 2,
        sql: include_str!("migrations/0002_partnership.sql"),
        then: Some(seed_question_bank),
    },
    Migration {
        version: 3,
        sql: include_str!("migrations/0003_trash.sql"),
        then: None,
    },
    Migration {
        version: 4,
        sql: include_str!("migrations/0004_conferences.sql"),
        then: None,
    },
    Migration {
        version: 5,
        sql: include_str!("migrations/0005_roster.sql"),
        then: None,
    },
    Migration {
        version: 6,
        sql: include_str!("migrations/0006_lasting_ids.sql"),
        then: Some(super::lasting_ids::migrate),
    },
    Migration {
        version: 7,
        sql: include_str!("migrations/0007_concern_shared.sql"),
        then: None,
    },
    Migration {
        version: 8,
        sql: include_str!("migrations/0008_latin_name.sql"),
        then: None,
    },
    Migration {
        version: 9,
        sql: include_str!("migrations/0009_drafts.sql"),
        then: None,
    },
    Migration {
        version: 10,
        sql: include_str!("migrations/0010_sync.sql"),
        then: None,
    },
    Migration {
        version: 11,
        sql: include_str!("migrations/0011_search.sql"),
        then: Some(fill_search),
    },
    Migration {
        version: 12,
        sql: include_str!("migrations/0012_search_people_first.sql"),
        then: Some(fill_search),
    },
];

/// The search index starts with everything the record holds.
fn fill_search(tx: &Transaction) -> Result<()> {
    super::search::fill(tx)
}

/// The question bank a record starts with (`src/questions.rs`).
fn seed_question_bank(tx: &Transaction) -> Result<()> {
    // Migration 6 gives these lasting ids: here they are still numbered.
    let mut insert = tx.prepare(
        "INSERT INTO question (prompt, topic, position, seed_key) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (index, seed) in crate::questions::SEED_QUESTIONS.iter().enumerate() {
        insert.execute(rusqlite::params![
            seed.prompt,
            seed.topic.as_str(),
            index as i64 + 1,
            seed.key
        ])?;
    }
    Ok(())
}

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Refuses a record written by a newer Rapport, before anything touches it.
pub(crate) fn refuse_newer(conn: &Connection) -> Result<i64> {
    let found = user_version(conn)?;
    if found > LATEST {
        return Err(Error::TooNew {
            found,
            known: LATEST,
        });
    }
    Ok(found)
}

/// Brings the schema up to [`LATEST`]. Call it with foreign keys off (tables are rebuilt); the
/// links are checked before the new schema is committed.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    // Read again under the write lock: another process may have migrated meanwhile.
    let current = refuse_newer(&tx)?;
    if current == LATEST {
        return Ok(());
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        tx.execute_batch(migration.sql)?;
        if let Some(then) = migration.then {
            then(&tx)?;
        }
    }
    let broken = tx
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |_| Ok(()))?
        .count();
    if broken > 0 {
        return Err(Error::Internal(format!(
            "updating the record would have broken {broken} links between its rows"
        )));
    }
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

/// Brings a new database up to `version` only: for tests of what later migrations do to data.
#[cfg(test)]
pub(crate) fn migrate_until(conn: &mut Connection, version: i64) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version <= version) {
        tx.execute_batch(migration.sql)?;
        if let Some(then) = migration.then {
            then(&tx)?;
        }
    }
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_numbered_from_one_without_gaps() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(migration.version, index as i64 + 1);
        }
    }

    #[test]
    fn a_failing_migration_leaves_the_schema_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE school_year (id INTEGER PRIMARY KEY);")
            .unwrap();
        assert!(migrate(&mut conn).is_err());
        assert_eq!(user_version(&conn).unwrap(), 0);
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1, "the half-applied migration was rolled back");
    }
}
