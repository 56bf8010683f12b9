//! Breaking text into lines by measured width: between words, between ideographs, and inside a
//! word only when it is wider than the line.

use super::{shape_line, Shaped, Style};
use crate::text::is_unspaced_script;

/// Punctuation that never starts a line (Chinese and Japanese line breaking: kinsoku).
fn closes(c: char) -> bool {
    "，。、；：！？）」』】》〉…・,.;:!?)".contains(c)
}

/// Punctuation that never ends a line.
fn opens(c: char) -> bool {
    "（「『【《〈(".contains(c)
}

/// Breaks `text` into lines no wider than `width`: between words, and between ideographs.
pub fn wrap(text: &str, style: Style, width: f32) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(" ".into());
        } else if closes(c) && word.is_empty() && tokens.last().is_some_and(|t| t != " ") {
            // "，" "。" never start a line: they stay with the ideograph they follow.
            if let Some(last) = tokens.last_mut() {
                last.push(c);
            }
        } else if is_unspaced_script(c) {
            // "「" never ends a line: it stays with the ideograph it opens.
            if !word.is_empty() && !word.ends_with(opens) {
                tokens.push(std::mem::take(&mut word));
            }
            word.push(c);
            tokens.push(std::mem::take(&mut word));
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    // Each token is measured once; a line's width is the sum of its tokens' (kerning across a
    // space is negligible, and a small allowance absorbs it).
    let measure = |t: &str| shape_line(t, style.size, style.bold).width();
    let space = measure(" ");
    let width = width - 0.5;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0.0_f32;
    let mut pending_space = false;
    for token in tokens {
        if token == " " {
            pending_space = !line.is_empty();
            continue;
        }
        let token_width = measure(&token);
        let mut gap = if pending_space { space } else { 0.0 };
        pending_space = false;
        if !line.is_empty() && line_width + gap + token_width > width {
            lines.push(std::mem::take(&mut line));
            (line_width, gap) = (0.0, 0.0);
        }
        if line.is_empty() && token_width > width {
            // A word wider than the line is broken between characters, never cut off.
            for piece in break_word(&token, width, &measure) {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                line_width = measure(&piece);
                line = piece;
            }
        } else {
            if gap > 0.0 {
                line.push(' ');
            }
            line.push_str(&token);
            line_width += gap + token_width;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line no wider than `width`, shortened with "…" when it is wider.
pub(super) fn fit_line(text: &str, style: Style, width: f32) -> std::rc::Rc<Shaped> {
    let shaped = shape_line(text, style.size, style.bold);
    if shaped.width() <= width {
        return shaped;
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let shorter: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        let shaped = shape_line(&shorter, style.size, style.bold);
        if shaped.width() <= width {
            return shaped;
        }
    }
    shape_line("…", style.size, style.bold)
}

/// Pieces of one word, each fitting `width`.
fn break_word(word: &str, width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if measure(&piece) > width && piece.chars().count() > 1 {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::super::THEME;
    use super::*;

    #[test]
    fn chinese_punctuation_never_starts_a_line_and_an_opening_quote_never_ends_one() {
        let text = "这一年里我会经常与您联系，而不只是在出现问题的时候。「小明」做了值得庆祝的事情时，我会告诉您；我也希望您告诉我。";
        for width in (40..200).step_by(7) {
            let lines = wrap(text, Style::body(), width as f32);
            assert_eq!(lines.concat(), text, "nothing lost at {width}");
            for line in &lines {
                let first = line.chars().next().unwrap();
                let last = line.chars().last().unwrap();
                assert!(!closes(first), "{line:?} starts with {first} at {width}");
                assert!(!opens(last), "{line:?} ends with {last} at {width}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_words_whole_and_every_line_fits() {
        let text = "Parents know their children best. Please tell us what your child loves, what worries you, and how we can help.";
        let lines = wrap(text, Style::body(), 200.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(
                shape_line(line, THEME.body, false).width() <= 200.0,
                "{line}"
            );
        }
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken_not_cut_off() {
        let word = "Supercalifragilisticexpialidocious-and-then-some-more-letters";
        let lines = wrap(&format!("See {word} here"), Style::body(), 120.0);
        assert_eq!(lines.concat().replace(' ', ""), format!("See{word}here"));
        for line in &lines {
            assert!(
                shape_line(line, THEME.body, false).width() <= 120.0,
                "{line}"
            );
        }
    }

    #[test]
    fn chinese_may_break_between_characters() {
        let text = "王小明的家人希望他今年能更有信心地在课堂上发言并交到好朋友";
        let lines = wrap(text, Style::body(), 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), text);
    }
}
