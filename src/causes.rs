//! The possible causes of a behaviour, to think through and discuss with the family. This is the
//! one list: the concern form, the record and the printed packet all read it from here. Add a cause
//! by adding a line; never reuse a code, since concerns store codes.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cause {
    /// Stored in the record.
    pub code: &'static str,
    /// What the teacher reads.
    pub label: &'static str,
    /// A question that helps decide whether it fits.
    pub prompt: &'static str,
}

pub const CAUSES: &[Cause] = &[
    Cause {
        code: "attention",
        label: "Seeking attention",
        prompt: "Does it happen more when adults or classmates are watching?",
    },
    Cause {
        code: "avoidance",
        label: "Avoiding a task",
        prompt: "Does it start when a particular kind of work begins?",
    },
    Cause {
        code: "unmet_needs",
        label: "Unmet needs (hunger, tiredness)",
        prompt: "Has the child eaten and slept? Is it worse before lunch or late in the day?",
    },
    Cause {
        code: "skill_gap",
        label: "A skill gap or learning difficulty",
        prompt: "Can the child do what is asked, when it is easier or one-to-one?",
    },
    Cause {
        code: "peer_conflict",
        label: "Conflict with peers",
        prompt: "Is the same classmate always nearby?",
    },
    Cause {
        code: "home_change",
        label: "A change at home",
        prompt: "Has anything changed for the family lately: a move, a new baby, a loss?",
    },
    Cause {
        code: "not_challenged",
        label: "Boredom, or not challenged",
        prompt: "Does it happen when the child has finished early?",
    },
    Cause {
        code: "unclear_expectations",
        label: "Unclear expectations",
        prompt: "Could the child say what was expected, in their own words?",
    },
    Cause {
        code: "sensory",
        label: "Sensory overload",
        prompt: "Is it louder, brighter or more crowded when it happens?",
    },
];

/// The cause with this code.
pub fn find(code: &str) -> Option<&'static Cause> {
    CAUSES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_words() {
        let mut codes: Vec<_> = CAUSES.iter().map(|c| c.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), CAUSES.len());
        assert!(CAUSES.iter().all(|c| c
            .code
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch == '_')));
        assert_eq!(find("sensory").map(|c| c.label), Some("Sensory overload"));
    }
}
