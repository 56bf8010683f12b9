//! Text as it is printed: normalised to NFC, put in visual order with the Unicode bidi algorithm,
//! split into runs by the font that has each character, and shaped with rustybuzz (Arabic joins,
//! Latin kerns). Each glyph keeps the text it stands for, so copy-paste and `pdftotext` give the
//! right characters back.

use std::cell::RefCell;
use std::rc::Rc;

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use rustybuzz::{Script, ShapePlan};
use unicode_bidi::BidiInfo;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::fonts::{fonts, FaceId};

/// A shaped glyph.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub gid: u16,
    /// Pen advance, in points.
    pub advance: f32,
    /// Horizontal shift of this glyph alone (marks), in points.
    pub x_offset: f32,
    /// The characters this glyph shows (empty for the later glyphs of one cluster). Held inline
    /// (up to 24 bytes): a glyph costs no allocation of its own, to make or to copy.
    pub text: CompactString,
}

/// Glyphs in one face, in visual (left-to-right) order.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub face: FaceId,
    pub glyphs: Vec<Glyph>,
}

impl Run {
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}

/// A line of text ready to draw, and any characters no embedded font has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shaped {
    pub runs: Vec<Run>,
    pub missing: Vec<char>,
}

impl Shaped {
    pub fn width(&self) -> f32 {
        self.runs.iter().map(Run::width).sum()
    }
}

/// Shaped text is kept per thread: a class's packets measure the same words and print the same
/// labels thousands of times. Bounded: the cache is emptied when it grows past this many entries.
/// A class's labels and common words fit many times over; at 20,000 the caches of a large class's
/// names and notes held about 10 MB more at the peak (class of 300: +80 MB, now +71 MB).
const CACHE_LIMIT: usize = 4_000;

thread_local! {
    static SHAPED: RefCell<FxHashMap<(CompactString, u32, bool), Rc<Shaped>>> =
        RefCell::new(FxHashMap::default());
    static PLANS: RefCell<FxHashMap<(FaceId, bool, Script), Rc<ShapePlan>>> =
        RefCell::new(FxHashMap::default());
}

/// Shapes one line (no line breaks) at `size` points. Shared, not copied: a cached line is
/// handed out as it is.
pub fn shape_line(text: &str, size: f32, bold: bool) -> Rc<Shaped> {
    // A word or a short label is held inline: looking it up allocates nothing.
    let key = (CompactString::from(text), size.to_bits(), bold);
    if let Some(shaped) = SHAPED.with(|cache| cache.borrow().get(&key).cloned()) {
        return shaped;
    }
    let shaped = Rc::new(match words_of_left_to_right_line(text) {
        Some(words) => shape_words(&words, size, bold),
        None => shape_uncached(text, size, bold),
    });
    SHAPED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, shaped.clone());
    });
    shaped
}

/// The words of a line written left to right only, when it has more than one: such a line is its
/// words and spaces side by side, each shaped once and cached (a class's packets repeat their
/// words far more than their lines). `None` for one word, or for a line the bidi algorithm must
/// reorder.
fn words_of_left_to_right_line(text: &str) -> Option<Vec<&str>> {
    use unicode_bidi::BidiClass::*;
    let reordered = |c: char| {
        matches!(
            unicode_bidi::bidi_class(c),
            R | AL | AN | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
        )
    };
    let words: Vec<&str> = text.split(' ').collect();
    (words.iter().filter(|w| !w.is_empty()).count() > 1
        && !text.chars().any(|c| reordered(c) || c.is_control()))
    .then_some(words)
}

/// A line from its words' shapes, a space's between each two.
fn shape_words(words: &[&str], size: f32, bold: bool) -> Shaped {
    let space = shape_line(" ", size, bold);
    let mut shaped = Shaped::default();
    for (index, word) in words.iter().enumerate() {
        let pieces = (index > 0)
            .then_some(&space)
            .into_iter()
            .cloned()
            .chain((!word.is_empty()).then(|| shape_line(word, size, bold)));
        for piece in pieces {
            shaped.missing.extend_from_slice(&piece.missing);
            for run in &piece.runs {
                match shaped.runs.last_mut() {
                    Some(last) if last.face == run.face => {
                        last.glyphs.extend_from_slice(&run.glyphs)
                    }
                    _ => shaped.runs.push(run.clone()),
                }
            }
        }
    }
    shaped.missing.sort_unstable();
    shaped.missing.dedup();
    shaped
}

fn shape_uncached(text: &str, size: f32, bold: bool) -> Shaped {
    let text: String = text.nfc().filter(|c| !c.is_control()).collect();
    let mut shaped = Shaped::default();
    if text.is_empty() {
        return shaped;
    }
    let bidi = BidiInfo::new(&text, None);
    for paragraph in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for range in runs {
            let rtl = levels[range.start].is_rtl();
            let piece = &text[range];
            let mut segments = font_segments(piece, bold, &mut shaped.missing);
            // In a right-to-left run the segments themselves go right to left.
            if rtl {
                segments.reverse();
            }
            for (face, segment) in segments {
                shaped.runs.push(shape_segment(face, segment, size, rtl));
            }
        }
    }
    shaped.missing.sort_unstable();
    shaped.missing.dedup();
    shaped
}

/// Splits text into the longest pieces one face can draw; combining marks stay with their base.
fn font_segments<'a>(text: &'a str, bold: bool, missing: &mut Vec<char>) -> Vec<(FaceId, &'a str)> {
    let fonts = fonts();
    let mut segments: Vec<(FaceId, &str)> = Vec::new();
    let mut start = 0;
    let mut current: Option<FaceId> = None;
    for (index, c) in text.char_indices() {
        let face = if c.is_whitespace() || unicode_normalization::char::is_combining_mark(c) {
            current.or_else(|| fonts.face_for(c, bold))
        } else {
            match fonts.face_for(c, bold) {
                Some(face) => Some(face),
                None => {
                    missing.push(c);
                    current.or(Some(0))
                }
            }
        };
        if face != current {
            if let Some(face) = current {
                segments.push((face, &text[start..index]));
            }
            start = index;
            current = face;
        }
    }
    if let Some(face) = current {
        segments.push((face, &text[start..]));
    }
    segments
}

fn shape_segment(face_id: FaceId, text: &str, size: f32, rtl: bool) -> Run {
    let face = &fonts().faces[face_id];
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    // A shaping plan depends only on the face, direction and script: compiled once, reused.
    let plan = PLANS.with(|plans| {
        plans
            .borrow_mut()
            .entry((face_id, rtl, buffer.script()))
            .or_insert_with(|| {
                Rc::new(ShapePlan::new(
                    &face.shaper,
                    buffer.direction(),
                    Some(buffer.script()),
                    None,
                    &[],
                ))
            })
            .clone()
    });
    let output = rustybuzz::shape_with_plan(&face.shaper, &plan, buffer);
    let scale = size / face.units_per_em;
    // Each cluster's text runs from its start to the next cluster start, in logical order.
    let mut starts: Vec<usize> = output
        .glyph_infos()
        .iter()
        .map(|g| g.cluster as usize)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let text_of = |cluster: usize| -> &str {
        let end = starts
            .iter()
            .find(|&&s| s > cluster)
            .copied()
            .unwrap_or(text.len());
        &text[cluster..end]
    };
    // The glyphs of each cluster, in the order they are drawn.
    let infos = output.glyph_infos();
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (index, info) in infos.iter().enumerate() {
        members
            .entry(info.cluster as usize)
            .or_default()
            .push(index);
    }
    let glyphs = infos
        .iter()
        .zip(output.glyph_positions())
        .enumerate()
        .map(|(index, (info, position))| {
            let cluster = info.cluster as usize;
            // Joiners (the Dari "می‌کند" has one) are invisible and drawn with another glyph
            // (often the space's): they stay out of the extracted text, so that glyph keeps its
            // own character.
            let chars: Vec<char> = text_of(cluster)
                .chars()
                .filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}'))
                .collect();
            let same = members.get(&cluster).map_or(&[][..], Vec::as_slice);
            let place = same.iter().position(|&i| i == index).unwrap_or(0);
            let text = if same.len() == chars.len() {
                // A letter and its marks ("دّ", "ệ" undecomposed): each glyph shows one
                // character, so a mark glyph drawn in many words maps to one character
                // everywhere. Right to left, a cluster's glyphs are drawn last letter first.
                let at = if rtl { chars.len() - 1 - place } else { place };
                std::iter::once(chars[at]).collect()
            } else if position.x_advance == 0 {
                // A mark drawn over a ligature ("لاً"): its own character, the marks of the
                // text taken in the order the glyphs are drawn.
                let marks: Vec<char> = chars
                    .iter()
                    .copied()
                    .filter(|&c| is_combining_mark(c))
                    .collect();
                let drawn = same
                    .iter()
                    .take(place)
                    .filter(|&&i| output.glyph_positions()[i].x_advance == 0)
                    .count();
                let at = if rtl {
                    marks.len().checked_sub(drawn + 1)
                } else {
                    Some(drawn)
                };
                at.and_then(|at| marks.get(at))
                    .map(|&mark| std::iter::once(mark).collect())
                    .unwrap_or_default()
            } else if same
                .iter()
                .find(|&&i| output.glyph_positions()[i].x_advance != 0)
                == Some(&index)
            {
                // A ligature ("لا", "fi"): its glyph carries the letters. Text extraction reads
                // a right-to-left line in visual order and turns it around, character by
                // character, so such text is stored the same way.
                let letters = chars.iter().copied().filter(|&c| !is_combining_mark(c));
                match rtl {
                    false => letters.collect(),
                    true => letters.rev().collect(),
                }
            } else {
                CompactString::default()
            };
            Glyph {
                gid: info.glyph_id as u16,
                advance: position.x_advance as f32 * scale,
                x_offset: position.x_offset as f32 * scale,
                text,
            }
        })
        .collect();
    Run {
        face: face_id,
        glyphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(shaped: &Shaped) -> String {
        shaped
            .runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|g| g.text.as_str()))
            .collect()
    }

    #[test]
    fn latin_keeps_its_text_and_measures_its_width() {
        let shaped = shape_line("José Núñez", 12.0, false);
        assert_eq!(text_of(&shaped), "José Núñez");
        assert!(shaped.missing.is_empty());
        assert!((50.0..90.0).contains(&shaped.width()), "{}", shaped.width());
    }

    #[test]
    fn decomposed_vietnamese_is_composed_first() {
        let shaped = shape_line(
            "Nguye\u{0302}\u{0303}n Thi\u{0323} Hu\u{031B}o\u{031B}ng",
            12.0,
            false,
        );
        assert_eq!(text_of(&shaped), "Nguyễn Thị Hương");
        assert_eq!(shaped.runs.len(), 1, "one face draws it all");
    }

    #[test]
    fn mixed_scripts_fall_back_per_character() {
        let shaped = shape_line("Yusuf يوسف and 王小明", 12.0, false);
        let faces: Vec<_> = shaped
            .runs
            .iter()
            .map(|r| fonts().faces[r.face].name)
            .collect();
        assert!(faces.contains(&"Noto Sans Arabic"), "{faces:?}");
        assert!(faces.contains(&"Droid Sans Fallback"), "{faces:?}");
        assert!(shaped.missing.is_empty());
    }

    #[test]
    fn arabic_is_joined_and_laid_out_right_to_left() {
        let shaped = shape_line("يوسف", 12.0, false);
        assert_eq!(shaped.runs.len(), 1);
        // Visual order: the first letter (ي) is drawn last, at the right.
        let texts: Vec<_> = shaped.runs[0]
            .glyphs
            .iter()
            .map(|g| g.text.as_str())
            .collect();
        assert_eq!(texts.last().copied(), Some("ي"));
        // Joined forms differ from the isolated letter's glyph.
        let isolated = shape_line("ي", 12.0, false).runs[0].glyphs[0].gid;
        assert_ne!(shaped.runs[0].glyphs.last().unwrap().gid, isolated);
    }

    #[test]
    fn a_right_to_left_ligature_keeps_its_letters_for_text_extraction() {
        let shaped = shape_line("ليلى", 12.0, false);
        // Visual order, each glyph's text in visual order too: reversed, it reads as typed.
        let visual: String = shaped
            .runs
            .iter()
            .flat_map(|r| r.glyphs.iter().map(|g| g.text.as_str()))
            .collect();
        assert_eq!(visual.chars().rev().collect::<String>(), "ليلى");
    }

    #[test]
    fn a_character_no_font_has_is_reported() {
        let shaped = shape_line("Clef \u{1D11E}", 12.0, false);
        assert_eq!(shaped.missing, ['\u{1D11E}']);
    }
}
