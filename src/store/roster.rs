//! What a roster import keeps in the record besides children and guardians: the school's own id
//! for a guardian (a OneRoster sourcedId), so importing the same roster again updates the guardian
//! it made instead of adding another. The matching itself is in `roster::apply`.

use rusqlite::{params, OptionalExtension};

use super::Store;
use crate::error::Result;
use crate::model::Id;

impl Store {
    /// The guardian an earlier import from the school `source` made for its id `school_id`, if
    /// still there.
    pub(crate) fn roster_guardian(&self, source: &str, school_id: &str) -> Result<Option<Id>> {
        Ok(self
            .conn
            .query_row(
                "SELECT guardian_id FROM roster_guardian WHERE source = ?1 AND school_id = ?2",
                [source, school_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Remembers that the school `source`'s id `school_id` names this guardian.
    pub(crate) fn remember_roster_guardian(
        &self,
        source: &str,
        school_id: &str,
        guardian_id: Id,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO roster_guardian (source, school_id, guardian_id) VALUES (?1, ?2, ?3)
             ON CONFLICT (source, school_id) DO UPDATE SET guardian_id = excluded.guardian_id",
            params![source, school_id, guardian_id],
        )?;
        Ok(())
    }
}
