//! A small page layout on printpdf: lines of shaped text, paragraphs wrapped by measured advances
//! (CJK may break between characters, an over-long word is broken rather than cut off), headings
//! kept with what follows, tables whose header repeats after a page break and whose rows never
//! split, keep-together blocks, ruled lines to write on, signature lines, a line chart, and
//! "Page X of Y" footers numbered per section. Colours and sizes come from one [`Theme`].

mod content;
mod drawing;
mod join;
mod output;
mod page_tree;
mod table;
mod theme;
mod wrap;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;

use super::fonts::{fonts, FaceId};
use super::shape::{shape_line, Shaped};
use super::subset::GlyphSet;

pub use crate::model::Paper;
pub use drawing::LineChart;
pub use join::Joined;
pub use table::Column;
pub use theme::{Style, Theme, THEME};
pub use wrap::wrap;

/// Width and height of a sheet, in points.
fn paper_size(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::Letter => (612.0, 792.0),
        Paper::A4 => (595.28, 841.89),
    }
}

/// What is known about a document for its metadata and footers.
pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub created: DateTime<Utc>,
    /// Printed left of "Page X of Y" on every page of the first section.
    pub footer: String,
    /// The page number as it is printed, in the reader's language: "Page {page} of {pages}".
    pub page_of: String,
}

/// A run of pages numbered on their own ("Page 1 of 3"), with their own footer.
struct Section {
    first_page: usize,
    footer: String,
    page_of: String,
}

/// A document being laid out, top to bottom. It is plain data until `finish` makes the PDF: a
/// class's children are laid out each in their own document, on every core, and joined in order
/// (`append`).
pub struct Document {
    paper: Paper,
    info: DocumentInfo,
    /// The faces its text is drawn in and the glyphs of each: embedded when the PDF is made.
    glyphs: BTreeMap<FaceId, GlyphSet>,
    /// The character each glyph stands for, given to the font's Unicode map once instead of to
    /// every glyph drawn: a heap-allocated string per glyph was a third of a class's memory.
    glyph_chars: FxHashMap<(FaceId, u16), char>,
    /// The text of each glyph drawn with a text of its own (a ligature's letters), the first
    /// time: what the document's fonts say the glyph copies as (see `output.rs`).
    own_texts: FxHashMap<(FaceId, u16), String>,
    /// Each page's drawings (rules, tints, charts), as content operators in order.
    pages: Vec<Vec<u8>>,
    /// Each page's text, drawn over its drawings in one text object (`output.rs`).
    texts: Vec<PageText>,
    /// Pages are numbered within their section.
    sections: Vec<Section>,
    /// Distance of the next line's top from the page bottom, in points.
    y: f32,
    missing: Vec<char>,
    /// Lines start at the right margin.
    rtl: bool,
}

/// A page's text: its operations, and what they last set. Colour and font are set only when they
/// change, and each run of glyphs moves from where the last began (one text object a page: no
/// text is ever under a drawing, so the page's text can come after all of them).
#[derive(Debug, Default)]
struct PageText {
    /// The text's operators, to go in one text object over the page's drawings.
    content: Vec<u8>,
    color: Option<(f32, f32, f32)>,
    font: Option<(FaceId, f32)>,
    /// Where the last run began, as written (to a hundredth of a point).
    origin: (f32, f32),
}

impl Document {
    pub fn new(paper: Paper, info: DocumentInfo) -> Document {
        let (_, height) = paper_size(paper);
        Document {
            paper,
            sections: vec![Section {
                first_page: 0,
                footer: info.footer.clone(),
                page_of: info.page_of.clone(),
            }],
            info,
            glyphs: BTreeMap::new(),
            glyph_chars: FxHashMap::default(),
            own_texts: FxHashMap::default(),
            pages: vec![Vec::new()],
            texts: vec![PageText::default()],
            y: height - THEME.margin,
            missing: Vec::new(),
            rtl: false,
        }
    }

    /// The width text may take, in points.
    pub fn width(&self) -> f32 {
        paper_size(self.paper).0 - 2.0 * THEME.margin
    }

    fn bottom(&self) -> f32 {
        THEME.margin + THEME.small * 3.0
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Vec::new());
        self.texts.push(PageText::default());
        self.y = paper_size(self.paper).1 - THEME.margin;
    }

    /// Starts a new section on a new page, with its own footer and page numbering ("Page 1 of 3").
    pub fn new_section(&mut self, footer: &str, page_of: &str) {
        self.page_break();
        self.sections.push(Section {
            first_page: self.pages.len() - 1,
            footer: footer.to_string(),
            page_of: page_of.to_string(),
        });
    }

    /// The height a full page offers.
    fn page_height(&self) -> f32 {
        paper_size(self.paper).1 - THEME.margin - self.bottom()
    }

    /// Keeps the next `height` points together: breaks the page first if they do not fit here
    /// (and would fit on a fresh page).
    pub fn ensure(&mut self, height: f32) {
        let top = paper_size(self.paper).1 - THEME.margin;
        if self.y - height < self.bottom() && self.y < top {
            self.page_break();
        }
    }

    /// The height a paragraph will take.
    pub fn paragraph_height(&self, text: &str, style: Style, indent: f32) -> f32 {
        let width = self.width() - indent;
        text.split('\n')
            .map(|line| wrap(line, style, width).len() as f32 * style.line_height())
            .sum()
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
    }

    /// Moves down to the middle of the page, where a half-page note's lower half starts (nothing
    /// when the upper half already runs past it).
    pub fn space_to_middle(&mut self) {
        let middle = paper_size(self.paper).1 / 2.0;
        if self.y > middle {
            self.y = middle;
        }
    }

    /// Lays out what follows right to left (Arabic, Hebrew, Persian, Urdu): lines, labels and
    /// bullets start at the right margin. Each line's own order comes from the bidi algorithm.
    pub fn set_right_to_left(&mut self, rtl: bool) {
        self.rtl = rtl;
    }

    /// One line of text at the start margin (plus `indent`); text too wide for the page (a very
    /// long name, a long setting) wraps rather than running off it.
    pub fn line(&mut self, text: &str, style: Style, indent: f32) {
        let width = self.width() - indent;
        if shape_line(text, style.size, style.bold).width() <= width {
            self.one_line(text, style, indent);
        } else {
            for wrapped in wrap(text, style, width) {
                self.one_line(&wrapped, style, indent);
            }
        }
    }

    /// One line of text that is known to fit.
    fn one_line(&mut self, text: &str, style: Style, indent: f32) {
        self.ensure(style.line_height());
        self.y -= style.line_height();
        self.text_from_start(text, style, indent, self.y);
    }

    /// Text whose start is `indent` points in from the start margin: the left margin, or the
    /// right one in a right-to-left document.
    fn text_from_start(&mut self, text: &str, style: Style, indent: f32, bottom: f32) {
        if self.rtl {
            let shaped = shape_line(text, style.size, style.bold);
            let x = THEME.margin + self.width() - indent - shaped.width();
            self.draw_shaped(&shaped, style, x, bottom);
        } else {
            self.text_at(text, style, THEME.margin + indent, bottom);
        }
    }

    /// One line of text in a line box whose bottom is at `bottom`.
    fn text_at(&mut self, text: &str, style: Style, x: f32, bottom: f32) {
        let shaped = shape_line(text, style.size, style.bold);
        self.draw_shaped(&shaped, style, x, bottom);
    }

    fn draw_shaped(&mut self, shaped: &Shaped, style: Style, x: f32, bottom: f32) {
        let baseline = bottom + (style.line_height() - style.size) / 2.0 + style.size * 0.22;
        self.draw(self.texts.len() - 1, shaped, x, baseline, style);
    }

    /// The height `labelled` will take.
    pub fn labelled_height(&self, label: &str, value: &str, style: Style) -> f32 {
        let indent = shape_line(&format!("{label}: "), style.size, true).width();
        wrap(value, style, self.width() - indent).len() as f32 * style.line_height()
    }

    /// A line with a bold label and its value after it ("Date: 24 November"), the value wrapped.
    pub fn labelled(&mut self, label: &str, value: &str, style: Style) {
        let label = format!("{label}: ");
        let indent = shape_line(&label, style.size, true).width();
        let lines = wrap(value, style, self.width() - indent);
        self.ensure(style.line_height() * lines.len().min(3) as f32);
        for (index, line) in lines.iter().enumerate() {
            self.ensure(style.line_height());
            self.y -= style.line_height();
            if index == 0 {
                self.text_from_start(&label, style.bold(), 0.0, self.y);
            }
            self.text_from_start(line, style, indent, self.y);
        }
    }

    /// A bulleted paragraph.
    pub fn bullet(&mut self, text: &str, style: Style) {
        let indent = style.size * 1.2;
        let height = self.paragraph_height(text, style, indent);
        self.ensure(height.min(style.line_height() * 2.0));
        self.ensure(style.line_height());
        let top = self.y;
        self.text_from_start("•", style, style.size * 0.2, top - style.line_height());
        self.paragraph(text, style, indent);
    }

    /// A paragraph wrapped to the text width.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        let width = self.width() - indent;
        for line in text.split('\n') {
            for wrapped in wrap(line, style, width) {
                self.one_line(&wrapped, style, indent);
            }
        }
    }

    /// A section heading, kept on the page with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        let style = Style::heading();
        // Space above, the heading however many lines it wraps to, the rule and space below.
        let height = style.size * 0.6 + self.paragraph_height(text, style, 0.0) + 9.0;
        self.ensure(height + keep);
        self.space(style.size * 0.6);
        self.paragraph(text, style, 0.0);
        let y = self.y - 3.0;
        self.rule(
            THEME.margin,
            y,
            THEME.margin + self.width(),
            THEME.accent,
            0.8,
        );
        self.space(6.0);
    }

    /// Characters no embedded font could draw (each shows as a gap); empty when all was printed.
    pub fn missing_characters(&self) -> Vec<char> {
        let mut missing = self.missing.clone();
        missing.sort_unstable();
        missing.dedup();
        missing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info() -> DocumentInfo {
        DocumentInfo {
            title: "Test".into(),
            author: "Ms Lee".into(),
            created: Utc::now(),
            footer: "Footer".into(),
            page_of: "Page {page} of {pages}".into(),
        }
    }

    #[test]
    fn a_table_repeats_its_header_and_never_splits_a_row() {
        let mut document = Document::new(Paper::Letter, info());
        let columns = [
            Column {
                title: "When",
                share: 1.0,
            },
            Column {
                title: "What",
                share: 3.0,
            },
        ];
        let rows: Vec<Vec<String>> = (0..80)
            .map(|i| vec![format!("Day {i}"), "A note long enough to wrap onto a second line of its cell, and maybe a third one as well.".repeat(1 + i % 2)])
            .collect();
        document.table(&columns, &rows);
        let pages = document.pages.len();
        assert!(pages > 2, "{pages}");
        // Every page starts with the header row's tint.
        for page in 0..pages {
            assert!(
                operations(&document.pages[page])
                    .iter()
                    .any(|op| op.operator == "re"),
                "a page without the header row"
            );
        }
        assert!(document.y >= document.bottom() - 6.0);
    }

    #[test]
    fn keeping_together_moves_a_block_to_the_next_page_only_when_needed() {
        let mut document = Document::new(Paper::A4, info());
        document.ensure(100.0);
        assert_eq!(document.pages.len(), 1);
        document.space(document.page_height() - 50.0);
        document.ensure(100.0);
        assert_eq!(document.pages.len(), 2);
        // A block taller than a page starts at the top and is not pushed on forever.
        document.ensure(10_000.0);
        assert_eq!(document.pages.len(), 2);
    }

    /// The operators of a page's content, read back.
    fn operations(content: &[u8]) -> Vec<lopdf::content::Operation> {
        lopdf::content::Content::decode(content)
            .expect("content lopdf can read")
            .operations
    }

    /// The glyphs shown on `page`, in order.
    fn glyphs_shown(document: &Document, page: usize) -> Vec<u16> {
        operations(&document.texts[page].content)
            .iter()
            .filter(|op| op.operator == "TJ")
            .flat_map(|op| op.operands[0].as_array().expect("an array").clone())
            .filter_map(|item| item.as_str().ok().map(<[u8]>::to_vec))
            .flat_map(|codes| {
                codes
                    .chunks(2)
                    .map(|code| u16::from_be_bytes([code[0], code[1]]))
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn documents_laid_out_apart_join_with_their_pages_sections_and_glyph_texts() {
        // One glyph standing for a different character in each document (as a font may draw
        // two characters with one glyph).
        let one_glyph = |text: &str| Shaped {
            runs: vec![crate::packet::shape::Run {
                face: 0,
                glyphs: vec![crate::packet::shape::Glyph {
                    gid: 36,
                    advance: 6.0,
                    x_offset: 0.0,
                    text: text.into(),
                }],
            }],
            missing: vec!['☃'],
        };
        let mut first = Document::new(Paper::Letter, info());
        first.draw(0, &one_glyph("a"), 72.0, 700.0, Style::body());
        first.page_break();
        first.draw(1, &one_glyph("a"), 72.0, 700.0, Style::body());
        let mut next = Document::new(
            Paper::Letter,
            DocumentInfo {
                footer: "Next".into(),
                ..info()
            },
        );
        next.draw(0, &one_glyph("b"), 72.0, 700.0, Style::body());
        next.new_section("Last", "{page}/{pages}");
        next.draw(1, &one_glyph("b"), 72.0, 700.0, Style::body());
        first.append(next);

        assert_eq!(first.pages.len(), 4);
        assert_eq!(first.texts.len(), 4);
        let sections: Vec<(usize, &str)> = first
            .sections
            .iter()
            .map(|s| (s.first_page, s.footer.as_str()))
            .collect();
        assert_eq!(sections, [(0, "Footer"), (2, "Next"), (3, "Last")]);
        // Each page shows its glyph; the font's map gives the glyph the text it had first.
        for page in 0..4 {
            assert_eq!(glyphs_shown(&first, page), [36], "page {page}");
        }
        assert_eq!(first.glyph_chars.get(&(0, 36)), Some(&'a'));
        assert_eq!(first.missing_characters(), ['☃']);
        let printed = first.finish();
        assert_eq!(printed.pages, 4);
    }

    /// Where each run of text starts on the first page, left to right: its moves added up.
    fn text_starts(document: &Document) -> Vec<f32> {
        let mut x = 0.0;
        operations(&document.texts[0].content)
            .iter()
            .filter(|op| op.operator == "Td")
            .map(|op| {
                x += op.operands[0].as_float().expect("a number");
                x
            })
            .collect()
    }

    /// The x of the first glyph drawn on the first page.
    fn first_x(document: &Document) -> f32 {
        text_starts(document)[0]
    }

    #[test]
    fn a_right_to_left_document_starts_its_lines_at_the_right_margin() {
        let text = "أخبرونا عن طفلكم";
        let mut ltr = Document::new(Paper::Letter, info());
        ltr.line(text, Style::body(), 0.0);
        assert_eq!(first_x(&ltr), THEME.margin);
        let mut rtl = Document::new(Paper::Letter, info());
        rtl.set_right_to_left(true);
        rtl.line(text, Style::body(), 0.0);
        let width = shape_line(text, THEME.body, false).width();
        let right = THEME.margin + rtl.width();
        assert!((first_x(&rtl) - (right - width)).abs() < 0.5);
    }

    #[test]
    fn a_right_to_left_chart_runs_from_the_right_with_its_labels_at_the_left() {
        let chart = |rtl: bool| {
            let mut document = Document::new(Paper::Letter, info());
            document.set_right_to_left(rtl);
            document.line_chart(&drawing::LineChart {
                points: &[(0.0, 10.0), (30.0, 20.0)],
                x_range: (0.0, 30.0),
                x_labels: ("first", "last"),
                guides: &[("target", 25.0)],
                height: 80.0,
            });
            // The x of each text drawn, in order: the guide's label, then the dates.
            let xs = text_starts(&document);
            // The polyline's first point: the rules are level, each a move and one line.
            let ops = operations(&document.pages[0]);
            let number = |op: &lopdf::content::Operation, n: usize| {
                op.operands[n].as_float().expect("a number")
            };
            let first_point = ops
                .windows(2)
                .find(|pair| {
                    pair[0].operator == "m"
                        && pair[1].operator == "l"
                        && number(&pair[0], 1) != number(&pair[1], 1)
                })
                .map(|pair| number(&pair[0], 0))
                .expect("the line");
            (xs, first_point)
        };
        let middle = THEME.margin + Document::new(Paper::Letter, info()).width() / 2.0;
        let (ltr, ltr_start) = chart(false);
        let (rtl, rtl_start) = chart(true);
        assert!(ltr[0] > middle && rtl[0] < middle, "the guide's label");
        assert!(
            ltr_start < middle && rtl_start > middle,
            "time starts at the right"
        );
        assert!(
            ltr[1] < middle && rtl[2] > middle,
            "the first date under the start"
        );
    }
}
