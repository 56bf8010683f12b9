//! The core's tests against real record files, in one test binary: each module below was a binary
//! of its own, and every one of them linked the whole core, which filled small CI disks.

mod backup;
mod calendar;
mod contact_log;
mod crash;
mod drafts;
mod handoff;
mod import_json;
mod lifecycle;
mod partnership;
mod pdf;
mod previous_version;
mod privacy;
mod protect;
mod roster;
mod search;
mod soak;
mod store;
mod support;
mod sync;
mod sync_crash;
mod sync_random;
mod translations;
mod trash;
