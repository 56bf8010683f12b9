//! The fonts embedded in printed documents, parsed once per process, and the choice of font for
//! each character: the Latin/Greek/Cyrillic face first, then Arabic, Hebrew, CJK and Hangul.

use std::sync::{Arc, Once, OnceLock};

use azul_layout::font::parsed::ParsedFont as AzulParsedFont;
use printpdf::{FontEmbeddingMode, ParsedFont, PdfFont};
use rust_fontconfig::FontBytes;

use super::subset::{self, GlyphSet};

/// One embedded face: for shaping (rustybuzz, which reads the tables it needs as it goes) and for
/// embedding (printpdf's parse, the costly part: begun in the background when a document first
/// draws in the face, so that it is ready when the document is written).
pub struct Face {
    pub name: &'static str,
    pub shaper: rustybuzz::Face<'static>,
    bytes: &'static [u8],
    parsed: OnceLock<ParsedFont>,
    parse_begun: Once,
    pub units_per_em: f32,
}

impl Face {
    /// The face as printpdf embeds it, parsed on first use. Its glyph outlines (the `loca` and
    /// `glyf` tables) are loaded only if something asks for them; printpdf's own `from_bytes`
    /// loads them at once. Rapport shapes with rustybuzz and printpdf subsets from the font's
    /// bytes: the CJK face parses in 2.5 ms instead of 8, and the demo class peaks 9 MB lower.
    pub fn parsed(&self) -> &ParsedFont {
        self.parsed.get_or_init(|| {
            let bytes = Arc::new(FontBytes::Owned(Arc::from(self.bytes)));
            // The files are part of the binary and checked by the tests: a failure here is a
            // build defect, not something a teacher's data can cause.
            AzulParsedFont::from_bytes_shared(bytes, 0, &mut Vec::new())
                .map(ParsedFont::from_azul)
                .unwrap_or_else(|| panic!("the embedded font {} cannot be parsed", self.name))
        })
    }

    /// The face to embed in a document that draws `glyphs`, named `name` (with the six-letter
    /// tag of a subset, "RAPPTA+DejaVuSans"). Rapport cuts it down keeping the glyphs' ids
    /// (`subset.rs`) and printpdf embeds that as it is; were the face one the cut cannot read,
    /// the whole face would be embedded (the pages name glyphs by their ids in the face, which
    /// printpdf's own subsetting would renumber).
    pub fn for_pdf(&self, glyphs: &GlyphSet, tag: &str) -> PdfFont {
        let mut face = self.parsed().clone();
        let Some(subset) = subset::keeping_ids(self.bytes, glyphs) else {
            // The whole face, as the pages name glyphs by their ids in it.
            let mut font = PdfFont::new(face);
            font.meta.embedding_mode = FontEmbeddingMode::Full;
            font.meta.requires_subsetting = false;
            return font;
        };
        let mut inner = face.into_inner();
        inner.font_name = Some(format!(
            "{tag}+{}",
            inner.font_name.as_deref().unwrap_or(self.name)
        ));
        inner.original_bytes = Some(Arc::new(FontBytes::Owned(Arc::from(subset.bytes))));
        // printpdf reads the glyphs' widths for the PDF from the subset's own table.
        inner.hmtx_range = subset.hmtx;
        inner.maxp_table.num_glyphs = subset.glyph_count;
        inner.num_glyphs = subset.glyph_count;
        inner.hhea_table.num_h_metrics = subset.full_metrics;
        face = ParsedFont::from_azul(inner);
        let mut font = PdfFont::new(face);
        font.meta.embedding_mode = FontEmbeddingMode::Full;
        font.meta.requires_subsetting = false;
        font
    }

    /// Begins parsing the face for embedding on a thread of its own, once per process; `parsed`
    /// waits for it.
    pub fn parse_soon(&'static self) {
        self.parse_begun.call_once(|| {
            if self.parsed.get().is_none() {
                std::thread::spawn(move || self.parsed());
            }
        });
    }
}

/// Which of the embedded faces.
pub type FaceId = usize;

pub struct Fonts {
    pub faces: Vec<Face>,
}

const REGULAR: FaceId = 0;
const BOLD: FaceId = 1;
const ARABIC: FaceId = 2;
const ARABIC_BOLD: FaceId = 3;
const HEBREW: FaceId = 4;
const CJK: FaceId = 5;
const HANGUL: FaceId = 6;
const HANGUL_BOLD: FaceId = 7;

const FILES: [(&str, &[u8]); 8] = [
    ("DejaVu Sans", include_bytes!("fonts/DejaVuSans.ttf")),
    (
        "DejaVu Sans Bold",
        include_bytes!("fonts/DejaVuSans-Bold.ttf"),
    ),
    (
        "Noto Sans Arabic",
        include_bytes!("fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "Noto Sans Arabic Bold",
        include_bytes!("fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "Noto Sans Hebrew",
        include_bytes!("fonts/NotoSansHebrew-Regular.ttf"),
    ),
    (
        "Droid Sans Fallback",
        include_bytes!("fonts/DroidSansFallbackFull.ttf"),
    ),
    // Nanum Gothic, a text face, kept to Hangul, Latin and punctuation (fonts/README.md).
    (
        "Nanum Gothic",
        include_bytes!("fonts/NanumGothic-Hangul.ttf"),
    ),
    (
        "Nanum Gothic Bold",
        include_bytes!("fonts/NanumGothicBold-Hangul.ttf"),
    ),
];

/// The embedded fonts, parsed on first use.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let faces = FILES
            .iter()
            .map(|(name, bytes)| {
                // The files are part of the binary and checked by the tests: a failure here is a
                // build defect, not something a teacher's data can cause.
                let shaper = rustybuzz::Face::from_slice(bytes, 0)
                    .unwrap_or_else(|| panic!("the embedded font {name} cannot be read"));
                Face {
                    name,
                    units_per_em: shaper.units_per_em() as f32,
                    shaper,
                    bytes,
                    parsed: OnceLock::new(),
                    parse_begun: Once::new(),
                }
            })
            .collect();
        Fonts { faces }
    })
}

impl Fonts {
    /// The face to draw `c` with: the face made for its script first (DejaVu has some Arabic and
    /// Hebrew, but Noto's are the ones made to be shaped), then the fallback order; `None` when no
    /// embedded font has it.
    /// Whether every character of `text` has a face.
    pub fn can_draw(&self, text: &str) -> bool {
        text.chars()
            .all(|c| c.is_whitespace() || self.face_for(c, false).is_some())
    }

    pub fn face_for(&self, c: char, bold: bool) -> Option<FaceId> {
        let (latin, arabic, hangul) = if bold {
            (BOLD, ARABIC_BOLD, HANGUL_BOLD)
        } else {
            (REGULAR, ARABIC, HANGUL)
        };
        let preferred = match c as u32 {
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Some(arabic),
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => Some(HEBREW),
            // Korean in a face made for reading it (the CJK fallback has Hangul too).
            0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Some(hangul),
            _ => None,
        };
        preferred
            .into_iter()
            .chain([latin, arabic, HEBREW, CJK, HANGUL])
            .find(|&id| self.faces[id].shaper.glyph_index(c).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_face_is_embedded_as_rapport_cuts_it() {
        for face in &fonts().faces {
            let mut drawn = GlyphSet::default();
            drawn.insert(3);
            let font = face.for_pdf(&drawn, "RAPPTA");
            // Not left to printpdf's subsetting, which would read every glyph of the face.
            assert_eq!(
                font.meta.embedding_mode,
                FontEmbeddingMode::Full,
                "{}",
                face.name
            );
            let name = font.parsed_font.font_name.clone().unwrap_or_default();
            assert!(name.starts_with("RAPPTA+"), "{name}");
            let program = font.parsed_font.source_bytes().expect("a font program");
            assert!(program.as_slice().len() < face.bytes.len(), "{}", face.name);
        }
    }

    #[test]
    fn every_script_a_family_writes_in_has_a_face() {
        let fonts = fonts();
        for (c, face) in [
            ('é', REGULAR),
            ('ễ', REGULAR),
            ('Ж', REGULAR),
            ('ب', ARABIC),
            ('ש', HEBREW),
            ('王', CJK),
            ('さ', CJK),
            ('한', HANGUL),
        ] {
            assert_eq!(fonts.face_for(c, false), Some(face), "{c}");
        }
        assert_eq!(fonts.face_for('A', true), Some(BOLD));
        assert_eq!(
            fonts.face_for('한', true),
            Some(HANGUL_BOLD),
            "a Korean text face, bold"
        );
        assert_eq!(
            fonts.face_for('\u{1D11E}', false),
            None,
            "a musical symbol no font has"
        );
    }

    #[test]
    fn every_character_of_every_language_has_a_glyph() {
        let fonts = fonts();
        for code in crate::i18n::handout_languages() {
            let text = crate::i18n::handout(code);
            for (key, value) in text.strings() {
                // Joiners are shaped, not drawn.
                for c in value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}'..='\u{200F}'))
                {
                    assert!(
                        fonts.face_for(c, false).is_some() && fonts.face_for(c, true).is_some(),
                        "{code}: {key} has {c:?} (U+{:04X}), which no embedded font has",
                        c as u32
                    );
                }
            }
        }
    }
}
