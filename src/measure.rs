//! What a goal's measure says about the numbers it takes. "8 of 10 problems" counts out of 10, so
//! a baseline, target or check-in below 0 or above 10 is a slip; "% of words read correctly" runs
//! from 0 to 100. A measure that names no such scale ("words a minute") takes any number up to
//! [`crate::validate::MAX_MEASURE`].

/// The numbers a goal's measure allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub low: f64,
    pub high: f64,
    /// True for a percentage, false for "out of N".
    pub percent: bool,
}

impl Scale {
    pub fn contains(&self, value: f64) -> bool {
        (self.low..=self.high).contains(&value)
    }

    /// How the scale reads in a message: "out of 10", "a percentage".
    pub fn describe(&self) -> String {
        if self.percent {
            "a percentage".to_string()
        } else {
            format!("out of {}", number(self.high))
        }
    }
}

/// A number as a teacher writes it: no ".0", thousands grouped ("1,000").
pub fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        let digits = format!("{}", value.abs() as i64);
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if value < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    } else {
        format!("{value}")
    }
}

/// The scale a goal's measure and unit name, if any: "out of N", "of N", "N/M" (out of M), or a
/// percentage ("%", "percent").
pub fn scale(measure: &str, unit: &str) -> Option<Scale> {
    let text = format!("{measure} {unit}").to_lowercase();
    if text.contains('%') || text.contains("percent") {
        return Some(Scale {
            low: 0.0,
            high: 100.0,
            percent: true,
        });
    }
    out_of(&text).map(|high| Scale {
        low: 0.0,
        high,
        percent: false,
    })
}

/// N in "… of N …" or "…/N": the last one the text names.
fn out_of(text: &str) -> Option<f64> {
    let mut found = None;
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices("of ") {
        let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        if starts_word {
            if let Some(n) = leading_number(&text[at + 3..]) {
                found = Some(n);
            }
        }
    }
    for (at, _) in text.match_indices('/') {
        let after_digit = at > 0 && bytes[at - 1].is_ascii_digit();
        if after_digit {
            if let Some(n) = leading_number(&text[at + 1..]) {
                found = Some(n);
            }
        }
    }
    found.filter(|n| *n > 0.0)
}

/// The number a text starts with ("10 problems" → 10; "1,000 words" → 1000).
fn leading_number(text: &str) -> Option<f64> {
    let digits: String = text
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    if digits.is_empty() {
        return None;
    }
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_out_of_n_or_a_percentage_bounds_its_numbers() {
        let ten = scale("8 of 10 problems correct", "problems").unwrap();
        assert_eq!((ten.low, ten.high), (0.0, 10.0));
        assert!(ten.contains(8.0) && !ten.contains(-5.0) && !ten.contains(1_000_000.0));
        assert_eq!(ten.describe(), "out of 10");
        assert_eq!(scale("spelling test, out of 20", "").unwrap().high, 20.0);
        assert_eq!(scale("", "3/5 steps").unwrap().high, 5.0);
        assert_eq!(scale("correct sums, 7/12", "").unwrap().high, 12.0);
        assert!(scale("% of words read correctly", "").unwrap().percent);
        assert_eq!(scale("of 1,000 words", "").unwrap().high, 1000.0);
        assert_eq!(
            scale("words read correctly in a minute", "words a minute"),
            None
        );
        assert_eq!(scale("days a week on time", "days"), None);
        assert_eq!(scale("a proof of concept", ""), None);
    }

    #[test]
    fn numbers_read_as_a_teacher_writes_them() {
        assert_eq!(number(1_000_000_000.0), "1,000,000,000");
        assert_eq!(number(10.0), "10");
        assert_eq!(number(2.5), "2.5");
        assert_eq!(number(-5.0), "-5");
    }
}
