//! Pure read-outs over a class's record, for Today and the Conferences screen. No I/O: the store
//! loads the records, these functions only look at them, so every rule is tested with plain values.
//!
//! - `overview`: who cannot be reached yet, who must not be contacted, the families' languages.
//! - `today`: what Today lists, and the class's balance of positive and concern contacts.
//! - `call_first`: the short ranked list at the top of Today, built from Today's lists.

mod call_first;
mod overview;
mod today;

pub use call_first::{call_first, CallFirst, CallFirstList, CallReason, Reason, CALL_FIRST_MAX};
pub use overview::{class_overview, ClassOverview, HandoutGap, LanguageCount, Nudge};
pub use today::*;
