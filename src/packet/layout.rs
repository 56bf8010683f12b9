//! A small page layout on printpdf: lines of shaped text, paragraphs wrapped by measured advances
//! (CJK may break between characters), headings kept with what follows, ruled lines to write on,
//! page breaks, and "Page X of Y" footers. Colours and sizes come from one [`Theme`].

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    Rgb, TextItem,
};

use super::fonts::{fonts, FaceId};
use super::shape::{shape_line, Shaped};
use crate::text::is_unspaced_script;

pub use crate::model::Paper;

/// Width and height of a sheet, in points.
fn paper_size(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::Letter => (612.0, 792.0),
        Paper::A4 => (595.28, 841.89),
    }
}

/// The one place for the printed documents' colours and sizes.
pub struct Theme {
    pub margin: f32,
    pub body: f32,
    pub small: f32,
    pub title: f32,
    pub heading: f32,
    /// Line height as a multiple of the font size.
    pub leading: f32,
    pub ink: (f32, f32, f32),
    pub muted: (f32, f32, f32),
    pub accent: (f32, f32, f32),
    pub rule: (f32, f32, f32),
    /// Space between ruled writing lines.
    pub writing_line: f32,
}

pub const THEME: Theme = Theme {
    margin: 54.0,
    body: 11.0,
    small: 8.5,
    title: 20.0,
    heading: 13.5,
    leading: 1.35,
    ink: (0.114, 0.153, 0.188),
    muted: (0.38, 0.42, 0.46),
    accent: (0.122, 0.435, 0.471),
    rule: (0.72, 0.75, 0.78),
    writing_line: 24.0,
};

/// How a piece of text looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub color: (f32, f32, f32),
}

impl Style {
    pub fn body() -> Style {
        Style {
            size: THEME.body,
            bold: false,
            color: THEME.ink,
        }
    }
    pub fn muted() -> Style {
        Style {
            size: THEME.body,
            bold: false,
            color: THEME.muted,
        }
    }
    pub fn small() -> Style {
        Style {
            size: THEME.small,
            bold: false,
            color: THEME.muted,
        }
    }
    pub fn title() -> Style {
        Style {
            size: THEME.title,
            bold: true,
            color: THEME.accent,
        }
    }
    pub fn heading() -> Style {
        Style {
            size: THEME.heading,
            bold: true,
            color: THEME.accent,
        }
    }
    pub fn strong() -> Style {
        Style {
            size: THEME.body,
            bold: true,
            color: THEME.ink,
        }
    }
    fn line_height(self) -> f32 {
        self.size * THEME.leading
    }
}

/// What is known about a document for its metadata and footers.
pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub created: DateTime<Utc>,
    /// Printed left of "Page X of Y" on every page.
    pub footer: String,
}

/// A document being laid out, top to bottom.
pub struct Document {
    paper: Paper,
    info: DocumentInfo,
    pdf: PdfDocument,
    font_ids: HashMap<FaceId, printpdf::FontId>,
    pages: Vec<Vec<Op>>,
    /// Index of the first page of each section; pages are numbered within their section.
    sections: Vec<usize>,
    /// Distance of the next line's top from the page bottom, in points.
    y: f32,
    missing: Vec<char>,
}

impl Document {
    pub fn new(paper: Paper, info: DocumentInfo) -> Document {
        let (_, height) = paper_size(paper);
        Document {
            paper,
            pdf: PdfDocument::new(&info.title),
            info,
            font_ids: HashMap::new(),
            pages: vec![Vec::new()],
            sections: vec![0],
            y: height - THEME.margin,
            missing: Vec::new(),
        }
    }

    fn width(&self) -> f32 {
        paper_size(self.paper).0 - 2.0 * THEME.margin
    }

    fn bottom(&self) -> f32 {
        THEME.margin + THEME.small * 3.0
    }

    /// Starts a new page.
    pub fn page_break(&mut self) {
        self.pages.push(Vec::new());
        self.y = paper_size(self.paper).1 - THEME.margin;
    }

    /// Starts a new section on a new page, with its own page numbering ("Page 1 of 3").
    pub fn new_section(&mut self) {
        self.page_break();
        self.sections.push(self.pages.len() - 1);
    }

    /// Makes room for `height` points, breaking the page if they do not fit.
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < self.bottom() {
            self.page_break();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
    }

    /// One line of text at the left margin (plus `indent`), no wrapping.
    pub fn line(&mut self, text: &str, style: Style, indent: f32) {
        self.ensure(style.line_height());
        self.y -= style.line_height();
        let baseline = self.y + (style.line_height() - style.size) / 2.0 + style.size * 0.22;
        let shaped = shape_line(text, style.size, style.bold);
        let ops = self.draw(&shaped, THEME.margin + indent, baseline, style);
        self.pages.last_mut().expect("a page").extend(ops);
    }

    /// A paragraph wrapped to the text width.
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        let width = self.width() - indent;
        for line in text.split('\n') {
            for wrapped in wrap(line, style, width) {
                self.line(&wrapped, style, indent);
            }
        }
    }

    /// A section heading, kept on the page with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        let style = Style::heading();
        self.ensure(style.line_height() * 2.0 + keep);
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

    /// `count` ruled lines to write on.
    pub fn writing_lines(&mut self, count: usize) {
        for _ in 0..count {
            self.ensure(THEME.writing_line);
            self.y -= THEME.writing_line;
            let y = self.y + 4.0;
            self.rule(
                THEME.margin,
                y,
                THEME.margin + self.width(),
                THEME.rule,
                0.5,
            );
        }
    }

    fn rule(&mut self, x1: f32, y: f32, x2: f32, color: (f32, f32, f32), thickness: f32) {
        let point = |x: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        let ops = self.pages.last_mut().expect("a page");
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetOutlineColor { col: rgb(color) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1), point(x2)],
                is_closed: false,
            },
        });
        ops.push(Op::RestoreGraphicsState);
    }

    fn font_id(&mut self, face: FaceId) -> printpdf::FontId {
        let pdf = &mut self.pdf;
        self.font_ids
            .entry(face)
            .or_insert_with(|| pdf.add_font(&fonts().faces[face].parsed))
            .clone()
    }

    /// The operations that draw shaped text with its left edge at `x` and its baseline at `baseline`.
    fn draw(&mut self, shaped: &Shaped, x: f32, baseline: f32, style: Style) -> Vec<Op> {
        let mut ops = Vec::new();
        self.missing.extend(shaped.missing.iter().copied());
        let mut pen = x;
        for run in &shaped.runs {
            let face = &fonts().faces[run.face];
            let font = self.font_id(run.face);
            let per_em = 1000.0 / style.size;
            let mut items = Vec::with_capacity(run.glyphs.len() * 2);
            for glyph in &run.glyphs {
                // The viewer advances by the font's own width (1/1000 em, truncated, as printpdf
                // writes /W); the TJ number after each glyph corrects that to the shaped advance.
                let own = face
                    .shaper
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph.gid))
                    .map_or(0.0, |a| (a as f32 * 1000.0 / face.units_per_em).trunc());
                let shift = glyph.x_offset * per_em;
                if shift != 0.0 {
                    items.push(TextItem::Offset(-shift));
                }
                let text = if glyph.text.is_empty() {
                    None
                } else {
                    Some(glyph.text.clone())
                };
                let mut codepoint =
                    printpdf::Codepoint::new(glyph.gid, own - glyph.advance * per_em + shift);
                codepoint.cid = text;
                items.push(TextItem::GlyphIds(vec![codepoint]));
            }
            ops.push(Op::StartTextSection);
            ops.push(Op::SetFillColor {
                col: rgb(style.color),
            });
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(style.size),
            });
            ops.push(Op::SetTextCursor {
                pos: Point {
                    x: Pt(pen),
                    y: Pt(baseline),
                },
            });
            ops.push(Op::ShowText { items });
            ops.push(Op::EndTextSection);
            pen += run.width();
        }
        ops
    }

    /// Characters no embedded font could draw (each shows as a gap); empty when all was printed.
    pub fn missing_characters(&self) -> Vec<char> {
        let mut missing = self.missing.clone();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Adds the footers and writes the PDF (fonts subset, metadata set).
    pub fn finish(mut self) -> (Vec<u8>, Vec<char>) {
        let (width, _) = paper_size(self.paper);
        let mut ends = self.sections.clone();
        ends.push(self.pages.len());
        let style = Style::small();
        let footer = self.info.footer.clone();
        let mut pages = std::mem::take(&mut self.pages);
        let baseline = THEME.margin - style.size;
        let label = shape_line(&footer, style.size, false);
        for (index, ops) in pages.iter_mut().enumerate() {
            let section = ends
                .windows(2)
                .find(|w| (w[0]..w[1]).contains(&index))
                .unwrap_or(&[0, 1]);
            let page = format!(
                "Page {} of {}",
                index - section[0] + 1,
                section[1] - section[0]
            );
            let number = shape_line(&page, style.size, false);
            ops.extend(self.draw(&label, THEME.margin, baseline, style));
            ops.extend(self.draw(
                &number,
                width - THEME.margin - number.width(),
                baseline,
                style,
            ));
        }
        let (width_mm, height_mm) = {
            let (w, h) = paper_size(self.paper);
            (Mm(w * 25.4 / 72.0), Mm(h * 25.4 / 72.0))
        };
        let pdf_pages = pages
            .into_iter()
            .map(|ops| PdfPage::new(width_mm, height_mm, ops))
            .collect();
        let missing = self.missing_characters();
        let stamp = printpdf::DateTime::from_unix_timestamp(self.info.created.timestamp())
            .unwrap_or_else(|_| printpdf::DateTime::from_unix_timestamp(0).expect("the epoch"));
        let info = &mut self.pdf.metadata.info;
        info.document_title = self.info.title.clone();
        info.author = self.info.author.clone();
        info.creator = "Rapport".into();
        info.producer = format!("Rapport {}", env!("CARGO_PKG_VERSION"));
        info.creation_date = stamp;
        info.modification_date = stamp;
        info.metadata_date = stamp;
        self.pdf.with_pages(pdf_pages);
        let bytes = self.pdf.save(
            &PdfSaveOptions {
                subset_fonts: true,
                ..Default::default()
            },
            &mut Vec::new(),
        );
        (bytes, missing)
    }
}

fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
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
        } else if is_unspaced_script(c) {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for token in tokens {
        let candidate = format!("{line}{token}");
        if !line.trim().is_empty()
            && shape_line(candidate.trim_end(), style.size, style.bold).width() > width
        {
            lines.push(line.trim_end().to_string());
            line = if token == " " { String::new() } else { token };
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn chinese_may_break_between_characters() {
        let text = "王小明的家人希望他今年能更有信心地在课堂上发言并交到好朋友";
        let lines = wrap(text, Style::body(), 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), text);
    }
}
