//! The contact-log report's data, read from the record (`crate::contact_log` holds its shape and
//! its CSV, `packet::contact_log` its PDF).

use chrono::NaiveDate;

use super::Store;
use crate::contact_log::{ChildLog, ContactLog, LoggedConcern, LoggedContact};
use crate::error::Result;
use crate::model::Id;

impl Store {
    /// The log of `children` (in that order) between `from` and `to` (either open), with private
    /// entries only when `include_private`. `about` names the child or the class.
    pub fn contact_log(
        &self,
        about: String,
        children: &[Id],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        include_private: bool,
    ) -> Result<ContactLog> {
        let mut log = ContactLog {
            about,
            from,
            to,
            include_private,
            children: Vec::new(),
        };
        for &id in children {
            let student = self.student(id)?;
            let class = self.class(student.details.class_id)?;
            let guardians = self.guardians_of(id)?;
            let name_of = |guardian: Option<Id>| {
                guardian
                    .and_then(|g| guardians.iter().find(|l| l.guardian.id == g))
                    .map(|l| l.guardian.details.name.clone())
                    .unwrap_or_else(|| "The family".into())
            };
            let mut contacts: Vec<LoggedContact> = self
                .contacts_of(id)?
                .into_iter()
                .filter(|c| log.covers(c.details.happened_on))
                .filter(|c| include_private || !c.details.sensitive)
                .map(|c| {
                    let d = c.details;
                    LoggedContact {
                        on: d.happened_on,
                        with_whom: name_of(d.guardian_id),
                        how: d.method.label().into(),
                        kind: d.kind.label().into(),
                        started_by: match d.initiated_by {
                            crate::model::Initiator::Teacher => "Teacher",
                            crate::model::Initiator::Family => "Family",
                            crate::model::Initiator::School => "School",
                        }
                        .into(),
                        reached: d.reached,
                        said: d.summary,
                        agreed: d.outcome,
                        follow_up: d.follow_up_on.map(|on| (on, d.follow_up_done)),
                        private: d.sensitive,
                    }
                })
                .collect();
            contacts.sort_by_key(|c| c.on);
            let mut concerns: Vec<LoggedConcern> = self
                .concerns_of(id)?
                .into_iter()
                .filter(|k| log.covers(k.details.noticed_on))
                .filter(|k| include_private || !k.details.sensitive)
                .map(|k| {
                    let d = k.details;
                    LoggedConcern {
                        noticed_on: d.noticed_on,
                        seen: d.observed,
                        causes: d
                            .causes
                            .iter()
                            .map(|code| {
                                crate::causes::find(code)
                                    .map(|c| c.label.to_string())
                                    .unwrap_or_else(|| code.clone())
                            })
                            .collect(),
                        tried: d.strategies,
                        agreed: d.plan,
                        resolved_on: d.resolved_on,
                        private: d.sensitive,
                    }
                })
                .collect();
            concerns.sort_by_key(|k| k.noticed_on);
            log.children.push(ChildLog {
                name: student.details.display_name(),
                class: class.details.name.clone(),
                contacts,
                concerns,
            });
        }
        Ok(log)
    }
}
