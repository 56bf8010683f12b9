//! The journeys through the real Rapport window, in one test binary (one link instead of nine).
//! They run one at a time (`--test-threads=1`): each starts its own app under the shared display.

mod accessibility;
mod backups;
mod calendar;
mod conferences;
mod family_languages;
mod handoff;
mod journey;
mod one_owner;
mod partnership;
mod printing;
mod privacy;
mod protection;
mod recovery;
mod reports;
mod roster;
mod search;
mod teachers_day;
mod two_computers;
mod undo;
mod year_end;
