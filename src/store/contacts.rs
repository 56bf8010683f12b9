//! The contact log, praise and positive calls, and concerns with their causes.

use std::collections::HashMap;

use rusqlite::{params, Row};

use super::rows;
use super::trash::Deleted;
use super::{OptionalRow, Store};
use crate::error::{Error, Result};
use crate::model::{
    Concern, ConcernDetails, Contact, ContactDetails, ContactKind, ContactLinks, Id, Praise,
    PraiseDetails,
};
use crate::validate::{clean_concern, clean_contact, clean_praise};

pub(super) const CONTACT_COLUMNS: &str = "c.id, c.student_id, c.guardian_id, c.happened_on, c.method, \
    c.initiated_by, c.kind, c.summary, c.outcome, c.reached, c.follow_up_on, c.follow_up_done, c.sensitive";
pub(super) const PRAISE_COLUMNS: &str =
    "p.id, p.student_id, p.noticed_on, p.category, p.note, p.call_queued, p.contact_id";
pub(super) const CONCERN_COLUMNS: &str =
    "k.id, k.student_id, k.noticed_on, k.observed, k.setting, \
    k.strategies, k.contact_id, k.plan, k.notes, k.sensitive, k.resolved_on, k.share_at_conference";

pub(super) fn contact_from_row(row: &Row) -> rusqlite::Result<Contact> {
    Ok(Contact {
        id: row.get(0)?,
        details: ContactDetails {
            student_id: row.get(1)?,
            guardian_id: row.get(2)?,
            happened_on: row.get(3)?,
            method: row.get(4)?,
            initiated_by: row.get(5)?,
            kind: row.get(6)?,
            summary: row.get(7)?,
            outcome: row.get(8)?,
            reached: row.get(9)?,
            follow_up_on: row.get(10)?,
            follow_up_done: row.get(11)?,
            sensitive: row.get(12)?,
        },
    })
}

pub(super) fn praise_from_row(row: &Row) -> rusqlite::Result<Praise> {
    Ok(Praise {
        id: row.get(0)?,
        details: PraiseDetails {
            student_id: row.get(1)?,
            noticed_on: row.get(2)?,
            category: row.get(3)?,
            note: row.get(4)?,
            call_queued: row.get(5)?,
        },
        contact_id: row.get(6)?,
    })
}

/// A concern without its causes (they are read separately).
pub(super) fn concern_from_row(row: &Row) -> rusqlite::Result<Concern> {
    Ok(Concern {
        id: row.get(0)?,
        details: ConcernDetails {
            student_id: row.get(1)?,
            noticed_on: row.get(2)?,
            observed: row.get(3)?,
            setting: row.get(4)?,
            causes: Vec::new(),
            strategies: row.get(5)?,
            contact_id: row.get(6)?,
            plan: row.get(7)?,
            notes: row.get(8)?,
            sensitive: row.get(9)?,
            resolved_on: row.get(10)?,
            share_at_conference: row.get(11)?,
        },
    })
}

impl Store {
    /// Logs a contact. The guardian must be one of the child's, and one the school may contact.
    pub fn add_contact(&self, details: &ContactDetails) -> Result<Contact> {
        let details = clean_contact(details)?;
        self.check_contact_links(&details)?;
        let id = rows::insert_contact(&self.conn, Id::new(), &details)?;
        Ok(Contact { id, details })
    }

    pub fn update_contact(&self, id: Id, details: &ContactDetails) -> Result<Contact> {
        let details = clean_contact(details)?;
        self.check_contact_links(&details)?;
        let changed = self.conn.execute(
            "UPDATE contact SET guardian_id = ?2, happened_on = ?3, method = ?4, initiated_by = ?5,
                 kind = ?6, summary = ?7, outcome = ?8, reached = ?9, follow_up_on = ?10,
                 follow_up_done = ?11, sensitive = ?12
             WHERE id = ?1 AND student_id = ?13",
            params![
                id,
                details.guardian_id,
                details.happened_on,
                details.method,
                details.initiated_by,
                details.kind,
                details.summary,
                details.outcome,
                details.reached,
                details.follow_up_on,
                details.follow_up_done,
                details.sensitive,
                details.student_id
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound("That contact"));
        }
        Ok(Contact { id, details })
    }

    pub fn contact(&self, id: Id) -> Result<Contact> {
        self.conn
            .query_row(
                &format!("SELECT {CONTACT_COLUMNS} FROM contact c WHERE c.id = ?1"),
                [id],
                contact_from_row,
            )
            .or_not_found("That contact")
    }

    /// Marks a contact's follow-up done (or not done).
    pub fn set_follow_up_done(&self, id: Id, done: bool) -> Result<Contact> {
        let contact = self.contact(id)?;
        self.refuse_archived_student(contact.details.student_id)?;
        self.conn.execute(
            "UPDATE contact SET follow_up_done = ?2 WHERE id = ?1",
            params![id, done],
        )?;
        self.contact(id)
    }

    /// Deletes a contact (to the trash: it can be restored for 30 days). Praise and concerns that
    /// pointed at it stay, unlinked until it is restored.
    pub fn delete_contact(&mut self, id: Id) -> Result<Id> {
        let contact = self.contact(id)?;
        let student_id = contact.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: {} contact, {}",
            self.student(student_id)?.details.display_name(),
            contact.details.kind.label().to_lowercase(),
            contact.details.happened_on.format("%-d %B %Y")
        );
        let snapshot = self.contact_snapshot(contact)?;
        self.discard(
            label,
            Some(student_id),
            Deleted::Contact(snapshot),
            |conn| {
                conn.execute("DELETE FROM contact WHERE id = ?1", [id])?;
                Ok(())
            },
        )
    }

    /// A student's contacts, newest first.
    pub fn contacts_of(&self, student_id: Id) -> Result<Vec<Contact>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONTACT_COLUMNS} FROM contact c WHERE c.student_id = ?1
             ORDER BY c.happened_on DESC, c.id DESC"
        ))?;
        let contacts = stmt.query_map([student_id], contact_from_row)?;
        Ok(contacts.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_praise(&self, details: &PraiseDetails) -> Result<Praise> {
        let details = clean_praise(details)?;
        self.refuse_archived_student(details.student_id)?;
        let id = rows::insert_praise(&self.conn, Id::new(), &details, None)?;
        self.praise(id)
    }

    pub fn praise(&self, id: Id) -> Result<Praise> {
        self.conn
            .query_row(
                &format!("SELECT {PRAISE_COLUMNS} FROM praise p WHERE p.id = ?1"),
                [id],
                praise_from_row,
            )
            .or_not_found("That praise")
    }

    /// Puts a praise in the queue of positive calls to make, or takes it out.
    pub fn set_praise_queued(&self, id: Id, queued: bool) -> Result<Praise> {
        let praise = self.praise(id)?;
        self.refuse_archived_student(praise.details.student_id)?;
        if queued && praise.contact_id.is_some() {
            return Err(Error::Conflict(
                "The family has already been called about this.".into(),
            ));
        }
        self.conn.execute(
            "UPDATE praise SET call_queued = ?2 WHERE id = ?1",
            params![id, queued],
        )?;
        self.praise(id)
    }

    /// Makes the positive call for a praise: logs the contact (always a positive one) and links
    /// it, taking the praise off the queue. One transaction: both happen or neither does.
    pub fn record_praise_call(&mut self, praise_id: Id, call: &ContactDetails) -> Result<Contact> {
        let praise = self.praise(praise_id)?;
        if praise.contact_id.is_some() {
            return Err(Error::Conflict(
                "The family has already been called about this.".into(),
            ));
        }
        let call = ContactDetails {
            student_id: praise.details.student_id,
            kind: ContactKind::Positive,
            ..call.clone()
        };
        self.atomically(|store| {
            let contact = store.add_contact(&call)?;
            // A call that reached nobody is logged, and the good news waits for the next try.
            if contact.details.reached {
                store.conn.execute(
                    "UPDATE praise SET contact_id = ?2, call_queued = 0 WHERE id = ?1",
                    params![praise_id, contact.id],
                )?;
            }
            Ok(contact)
        })
    }

    /// Logs a contact and, in the same transaction, marks the follow-up it answers done and links
    /// the concerns it talked through, so a contact never lands without the rest.
    pub fn log_contact(
        &mut self,
        details: &ContactDetails,
        also: &ContactLinks,
    ) -> Result<Contact> {
        self.atomically(|store| {
            let contact = store.add_contact(details)?;
            if let Some(earlier) = also.completes_follow_up_of {
                let earlier = store.contact(earlier)?;
                if earlier.details.student_id != details.student_id {
                    return Err(Error::invalid(
                        "follow_up_of",
                        "That follow-up is about another student.",
                    ));
                }
                store.set_follow_up_done(earlier.id, true)?;
            }
            for &concern_id in &also.discusses_concerns {
                let mut concern = store.concern(concern_id)?;
                if concern.details.student_id != details.student_id {
                    return Err(Error::invalid(
                        "concern_id",
                        "That concern is about another student.",
                    ));
                }
                // The first conversation that reached the family is the one the concern points to.
                if contact.details.reached && concern.details.contact_id.is_none() {
                    concern.details.contact_id = Some(contact.id);
                    store.update_concern(concern_id, &concern.details)?;
                }
            }
            Ok(contact)
        })
    }

    /// Deletes a praise (to the trash).
    pub fn delete_praise(&mut self, id: Id) -> Result<Id> {
        let praise = self.praise(id)?;
        let student_id = praise.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: good news, {}",
            self.student(student_id)?.details.display_name(),
            praise.details.category.label().to_lowercase()
        );
        self.discard(label, Some(student_id), Deleted::Praise(praise), |conn| {
            conn.execute("DELETE FROM praise WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// A student's praise, newest first.
    pub fn praise_of(&self, student_id: Id) -> Result<Vec<Praise>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PRAISE_COLUMNS} FROM praise p WHERE p.student_id = ?1
             ORDER BY p.noticed_on DESC, p.id DESC"
        ))?;
        let praise = stmt.query_map([student_id], praise_from_row)?;
        Ok(praise.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_concern(&mut self, details: &ConcernDetails) -> Result<Concern> {
        let details = clean_concern(details)?;
        self.check_concern_links(&details)?;
        let id = self.atomically(|store| {
            let conn = &store.conn;
            let id = rows::insert_concern(conn, Id::new(), &details)?;
            Ok(id)
        })?;
        Ok(Concern { id, details })
    }

    pub fn update_concern(&mut self, id: Id, details: &ConcernDetails) -> Result<Concern> {
        let details = clean_concern(details)?;
        self.check_concern_links(&details)?;
        self.atomically(|store| {
            let conn = &store.conn;
            let changed = conn.execute(
                "UPDATE concern SET noticed_on = ?2, observed = ?3, setting = ?4, strategies = ?5,
                     contact_id = ?6, plan = ?7, notes = ?8, sensitive = ?9, resolved_on = ?10,
                     share_at_conference = ?12
                 WHERE id = ?1 AND student_id = ?11",
                params![
                    id,
                    details.noticed_on,
                    details.observed,
                    details.setting,
                    details.strategies,
                    details.contact_id,
                    details.plan,
                    details.notes,
                    details.sensitive,
                    details.resolved_on,
                    details.student_id,
                    details.share_at_conference
                ],
            )?;
            if changed == 0 {
                return Err(Error::NotFound("That concern"));
            }
            conn.execute("DELETE FROM concern_cause WHERE concern_id = ?1", [id])?;
            rows::write_causes(conn, id, &details.causes)?;
            Ok(())
        })?;
        Ok(Concern { id, details })
    }

    pub fn concern(&self, id: Id) -> Result<Concern> {
        let mut concern = self
            .conn
            .query_row(
                &format!("SELECT {CONCERN_COLUMNS} FROM concern k WHERE k.id = ?1"),
                [id],
                concern_from_row,
            )
            .or_not_found("That concern")?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT cause FROM concern_cause WHERE concern_id = ?1 ORDER BY cause",
        )?;
        concern.details.causes = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(concern)
    }

    /// Deletes a concern with its causes (to the trash).
    pub fn delete_concern(&mut self, id: Id) -> Result<Id> {
        let concern = self.concern(id)?;
        let student_id = concern.details.student_id;
        self.refuse_archived_student(student_id)?;
        let label = format!(
            "{}: concern noted {}",
            self.student(student_id)?.details.display_name(),
            concern.details.noticed_on.format("%-d %B %Y")
        );
        self.discard(label, Some(student_id), Deleted::Concern(concern), |conn| {
            conn.execute("DELETE FROM concern WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// A student's concerns, open ones first, newest first.
    pub fn concerns_of(&self, student_id: Id) -> Result<Vec<Concern>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CONCERN_COLUMNS} FROM concern k WHERE k.student_id = ?1
             ORDER BY k.resolved_on IS NOT NULL, k.noticed_on DESC, k.id DESC"
        ))?;
        let mut concerns = stmt
            .query_map([student_id], concern_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT cc.concern_id, cc.cause FROM concern_cause cc
             JOIN concern k ON k.id = cc.concern_id WHERE k.student_id = ?1 ORDER BY cc.cause",
        )?;
        attach_causes(
            &mut concerns,
            stmt.query_map([student_id], |r| Ok((r.get(0)?, r.get(1)?)))?,
        )?;
        Ok(concerns)
    }

    fn check_contact_links(&self, details: &ContactDetails) -> Result<()> {
        self.refuse_archived_student(details.student_id)?;
        if let Some(guardian_id) = details.guardian_id {
            let guardian = self.linked_guardian(details.student_id, guardian_id, "guardian_id")?;
            if !guardian.details.may_contact {
                return Err(Error::invalid(
                    "guardian_id",
                    format!(
                        "{} must not be contacted: {}",
                        guardian.details.name, guardian.details.no_contact_reason
                    ),
                ));
            }
        }
        Ok(())
    }

    fn check_concern_links(&self, details: &ConcernDetails) -> Result<()> {
        self.refuse_archived_student(details.student_id)?;
        if let Some(contact_id) = details.contact_id {
            let contact = self.contact(contact_id)?;
            if contact.details.student_id != details.student_id {
                return Err(Error::invalid(
                    "contact_id",
                    "Link one of this student's contacts.",
                ));
            }
        }
        Ok(())
    }
}

/// Puts each `(concern id, cause)` row onto its concern.
pub(super) fn attach_causes(
    concerns: &mut [Concern],
    rows: impl Iterator<Item = rusqlite::Result<(Id, String)>>,
) -> Result<()> {
    let mut by_concern: HashMap<Id, Vec<String>> = HashMap::new();
    for row in rows {
        let (id, cause) = row?;
        by_concern.entry(id).or_default().push(cause);
    }
    for concern in concerns {
        concern.details.causes = by_concern.remove(&concern.id).unwrap_or_default();
    }
    Ok(())
}
