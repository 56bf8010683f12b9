//! A small page layout on printpdf: lines of shaped text, paragraphs wrapped by measured advances
//! (CJK may break between characters, an over-long word is broken rather than cut off), headings
//! kept with what follows, tables whose header repeats after a page break and whose rows never
//! split, keep-together blocks, ruled lines to write on, signature lines, a line chart, and
//! "Page X of Y" footers numbered per section. Colours and sizes come from one [`Theme`].

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, Rgb, TextItem,
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
    /// Text size inside tables.
    pub table: f32,
    /// Space between a table cell's text and its edges.
    pub cell_padding: f32,
    /// The tint behind a table's header row.
    pub header_fill: (f32, f32, f32),
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
    table: 9.5,
    cell_padding: 4.0,
    header_fill: (0.898, 0.945, 0.945),
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
    pub fn cell() -> Style {
        Style {
            size: THEME.table,
            bold: false,
            color: THEME.ink,
        }
    }
    /// The same look, bold.
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    /// The same look, in another colour.
    pub fn with_color(self, color: (f32, f32, f32)) -> Style {
        Style { color, ..self }
    }
    pub fn line_height(self) -> f32 {
        self.size * THEME.leading
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
    pub page_of: &'static str,
}

/// A run of pages numbered on their own ("Page 1 of 3"), with their own footer.
struct Section {
    first_page: usize,
    footer: String,
    page_of: &'static str,
}

/// A table column: its title and its share of the text width.
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    pub title: &'a str,
    pub share: f32,
}

impl<'a> Column<'a> {
    /// A column titled `title`, taking `share` of the width against the others' shares.
    pub const fn new(title: &'a str, share: f32) -> Self {
        Column { title, share }
    }
}

/// A line chart: points joined in order, with labelled horizontal guides (a baseline, a target).
pub struct LineChart<'a> {
    /// (x, y) in the caller's units; x is usually days.
    pub points: &'a [(f32, f32)],
    /// The x the chart spans, left to right.
    pub x_range: (f32, f32),
    /// Printed under the left and right ends of the x axis.
    pub x_labels: (&'a str, &'a str),
    /// Horizontal lines with a label at their right end.
    pub guides: &'a [(&'a str, f32)],
    pub height: f32,
}

/// A document being laid out, top to bottom.
pub struct Document {
    paper: Paper,
    info: DocumentInfo,
    pdf: PdfDocument,
    font_ids: HashMap<FaceId, printpdf::FontId>,
    /// The character each glyph stands for, given to the font's Unicode map once instead of to
    /// every glyph drawn: a heap-allocated string per glyph was a third of a class's memory.
    glyph_chars: HashMap<(FaceId, u16), char>,
    pages: Vec<Vec<Op>>,
    /// Pages are numbered within their section.
    sections: Vec<Section>,
    /// Distance of the next line's top from the page bottom, in points.
    y: f32,
    missing: Vec<char>,
    /// Lines start at the right margin.
    rtl: bool,
}

impl Document {
    pub fn new(paper: Paper, info: DocumentInfo) -> Document {
        let (_, height) = paper_size(paper);
        Document {
            paper,
            pdf: PdfDocument::new(&info.title),
            sections: vec![Section {
                first_page: 0,
                footer: info.footer.clone(),
                page_of: info.page_of,
            }],
            info,
            font_ids: HashMap::new(),
            glyph_chars: HashMap::new(),
            pages: vec![Vec::new()],
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
        self.y = paper_size(self.paper).1 - THEME.margin;
    }

    /// Starts a new section on a new page, with its own footer and page numbering ("Page 1 of 3").
    pub fn new_section(&mut self, footer: &str, page_of: &'static str) {
        self.page_break();
        self.sections.push(Section {
            first_page: self.pages.len() - 1,
            footer: footer.to_string(),
            page_of,
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
        let ops = self.draw(shaped, x, baseline, style);
        self.pages.last_mut().expect("a page").extend(ops);
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

    /// A table: the header row repeats at the top of every page the table runs onto, and a row is
    /// never split across pages. Cells wrap; a cell taller than a page is shortened with "…".
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>]) {
        let widths = self.column_widths(columns);
        let style = Style::cell();
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_string()).collect();
        let header = self.wrap_row(&widths, &titles, style.bold());
        let header_height = row_height(&header, style);
        self.ensure(self.table_start_height(columns, rows));
        self.table_row(&widths, &header, header_height, style.bold(), true);
        for row in rows {
            let cells = self.wrap_row(&widths, row, style);
            let height = row_height(&cells, style);
            if self.y - height < self.bottom() {
                self.page_break();
                self.table_row(&widths, &header, header_height, style.bold(), true);
            }
            self.table_row(&widths, &cells, height, style, false);
        }
        self.space(6.0);
    }

    /// The height of a table's header row and first row, which a heading above it keeps with it.
    pub fn table_start_height(&self, columns: &[Column], rows: &[Vec<String>]) -> f32 {
        let widths = self.column_widths(columns);
        let style = Style::cell();
        let titles: Vec<String> = columns.iter().map(|c| c.title.to_string()).collect();
        let header = row_height(&self.wrap_row(&widths, &titles, style.bold()), style);
        header
            + rows.first().map_or(0.0, |r| {
                row_height(&self.wrap_row(&widths, r, style), style)
            })
    }

    fn column_widths(&self, columns: &[Column]) -> Vec<f32> {
        let total: f32 = columns
            .iter()
            .map(|c| c.share)
            .sum::<f32>()
            .max(f32::EPSILON);
        columns
            .iter()
            .map(|c| c.share / total * self.width())
            .collect()
    }

    /// A row's cells wrapped to their columns; a cell taller than most of a page is shortened
    /// with "…".
    fn wrap_row(&self, widths: &[f32], cells: &[String], style: Style) -> Vec<Vec<String>> {
        let pad = THEME.cell_padding;
        let max_lines = ((self.page_height() * 0.6 / style.line_height()).floor() as usize).max(1);
        widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                let mut lines: Vec<String> = text
                    .split('\n')
                    .flat_map(|l| wrap(l, style, width - 2.0 * pad))
                    .collect();
                if lines.len() > max_lines {
                    lines.truncate(max_lines);
                    if let Some(last) = lines.last_mut() {
                        last.push('…');
                    }
                }
                lines
            })
            .collect()
    }

    fn table_row(
        &mut self,
        widths: &[f32],
        cells: &[Vec<String>],
        height: f32,
        style: Style,
        header: bool,
    ) {
        let top = self.y;
        let width: f32 = widths.iter().sum();
        if header {
            self.fill_rect(THEME.margin, top - height, width, height, THEME.header_fill);
        }
        let mut x = THEME.margin;
        for (lines, column) in cells.iter().zip(widths) {
            for (index, line) in lines.iter().enumerate() {
                let bottom = top - THEME.cell_padding - (index + 1) as f32 * style.line_height();
                self.text_at(line, style, x + THEME.cell_padding, bottom);
            }
            x += column;
        }
        self.y = top - height;
        let y = self.y;
        self.rule(THEME.margin, y, THEME.margin + width, THEME.rule, 0.5);
    }

    /// Signature lines side by side, each with its label and a date line under it.
    pub fn signature_lines(&mut self, labels: &[&str], date: &str) {
        let style = Style::small();
        let block = 36.0 + style.line_height() * 2.0;
        self.ensure(block);
        let gap = 24.0;
        let count = labels.len().max(1) as f32;
        let column = (self.width() - gap * (count - 1.0)) / count;
        self.y -= 36.0;
        let line_y = self.y;
        for (index, label) in labels.iter().enumerate() {
            let x = THEME.margin + index as f32 * (column + gap);
            let sign_end = x + column * 0.68;
            self.rule(x, line_y, sign_end, THEME.ink, 0.6);
            self.rule(sign_end + 10.0, line_y, x + column, THEME.ink, 0.6);
            self.text_at(label, style, x, line_y - style.line_height() - 1.0);
            self.text_at(
                date,
                style,
                sign_end + 10.0,
                line_y - style.line_height() - 1.0,
            );
        }
        self.y = line_y - style.line_height() * 2.0;
    }

    /// A dashed line across the page to cut along, with `label` at its start.
    pub fn cut_line(&mut self, label: &str) {
        let style = Style::small();
        self.ensure(style.line_height() * 2.0);
        self.y -= style.line_height();
        let y = self.y + style.line_height() / 2.0;
        let start = THEME.margin + shape_line(label, style.size, false).width() + 6.0;
        self.text_at(label, style, THEME.margin, self.y);
        let mut x = start;
        let end = THEME.margin + self.width();
        while x < end {
            let dash_end = (x + 4.0).min(end);
            self.rule(x, y, dash_end, THEME.muted, 0.5);
            x += 7.0;
        }
        self.y -= style.line_height() / 2.0;
    }

    /// A line chart the width of the text, kept on one page.
    pub fn line_chart(&mut self, chart: &LineChart) {
        let style = Style::small();
        let label_space = style.line_height() * 1.6;
        self.ensure(chart.height + label_space);
        let top = self.y - 4.0;
        let bottom = top - chart.height;
        let values = chart
            .points
            .iter()
            .map(|p| p.1)
            .chain(chart.guides.iter().map(|g| g.1));
        let (mut low, mut high) =
            values.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if low > high {
            (low, high) = (0.0, 1.0);
        }
        if (high - low).abs() < f32::EPSILON {
            (low, high) = (low - 1.0, high + 1.0);
        }
        let margin = (high - low) * 0.12;
        let (low, high) = (low - margin, high + margin);
        let guide_labels: Vec<Shaped> = chart
            .guides
            .iter()
            .map(|g| shape_line(g.0, style.size, false))
            .collect();
        let right_space = guide_labels.iter().map(Shaped::width).fold(0.0, f32::max) + 8.0;
        let left = THEME.margin;
        let right = THEME.margin + self.width() - right_space;
        let (x0, x1) = chart.x_range;
        let span = if (x1 - x0).abs() < f32::EPSILON {
            1.0
        } else {
            x1 - x0
        };
        let to_x = |x: f32| left + (x - x0) / span * (right - left);
        let to_y = |v: f32| bottom + (v - low) / (high - low) * chart.height;
        // The plot area, lightly tinted, with its baseline axis.
        self.fill_rect(
            left,
            bottom,
            right - left,
            chart.height,
            (0.972, 0.98, 0.98),
        );
        self.rule(left, bottom, right, THEME.muted, 0.6);
        for (guide, label) in chart.guides.iter().zip(&guide_labels) {
            let y = to_y(guide.1);
            self.rule(left, y, right, THEME.muted, 0.4);
            let ops = self.draw(label, right + 4.0, y - style.size * 0.3, style);
            self.pages.last_mut().expect("a page").extend(ops);
        }
        let points: Vec<(f32, f32)> = chart
            .points
            .iter()
            .map(|&(x, v)| (to_x(x), to_y(v)))
            .collect();
        if points.len() > 1 {
            self.polyline(&points, THEME.accent, 1.6);
        }
        for &(x, y) in &points {
            self.fill_rect(x - 2.2, y - 2.2, 4.4, 4.4, THEME.accent);
        }
        let (first, last) = chart.x_labels;
        self.text_at(first, style, left, bottom - style.line_height() - 1.0);
        let last_width = shape_line(last, style.size, false).width();
        self.text_at(
            last,
            style,
            right - last_width,
            bottom - style.line_height() - 1.0,
        );
        self.y = bottom - label_space;
    }

    fn fill_rect(&mut self, x: f32, y: f32, width: f32, height: f32, color: (f32, f32, f32)) {
        // A Rect must say how it is painted: with no mode printpdf draws nothing.
        let mut rect = Rect::from_xywh(Pt(x), Pt(y), Pt(width), Pt(height));
        rect.mode = Some(PaintMode::Fill);
        let ops = self.pages.last_mut().expect("a page");
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetFillColor { col: rgb(color) });
        ops.push(Op::DrawPolygon {
            polygon: rect.to_polygon(),
        });
        ops.push(Op::RestoreGraphicsState);
    }

    fn polyline(&mut self, points: &[(f32, f32)], color: (f32, f32, f32), thickness: f32) {
        let ops = self.pages.last_mut().expect("a page");
        ops.push(Op::SaveGraphicsState);
        ops.push(Op::SetOutlineColor { col: rgb(color) });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: Point { x: Pt(x), y: Pt(y) },
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        });
        ops.push(Op::RestoreGraphicsState);
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

    /// The text a glyph carries for copy and search: none when the glyph stands for one character
    /// that the font's Unicode map will give it (see `finish`), its own text otherwise (ligatures,
    /// clusters with marks, a glyph drawn for two different characters).
    fn glyph_text(&mut self, face: FaceId, gid: u16, text: &str) -> Option<String> {
        let mut chars = text.chars();
        let (Some(only), None) = (chars.next(), chars.next()) else {
            return (!text.is_empty()).then(|| text.to_owned());
        };
        match *self.glyph_chars.entry((face, gid)).or_insert(only) {
            known if known == only => None,
            _ => Some(text.to_owned()),
        }
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
            // Glyphs go in one list; a list is only broken where a mark must be shifted.
            let mut items = Vec::new();
            let mut glyphs: Vec<printpdf::Codepoint> = Vec::with_capacity(run.glyphs.len());
            for glyph in &run.glyphs {
                // The viewer advances by the font's own width (1/1000 em, truncated, as printpdf
                // writes /W); the TJ number after each glyph corrects that to the shaped advance.
                let own = face
                    .shaper
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph.gid))
                    .map_or(0.0, |a| (a as f32 * 1000.0 / face.units_per_em).trunc());
                let shift = glyph.x_offset * per_em;
                if shift != 0.0 {
                    if !glyphs.is_empty() {
                        items.push(TextItem::GlyphIds(std::mem::take(&mut glyphs)));
                    }
                    items.push(TextItem::Offset(-shift));
                }
                let text = self.glyph_text(run.face, glyph.gid, &glyph.text);
                let mut codepoint =
                    printpdf::Codepoint::new(glyph.gid, own - glyph.advance * per_em + shift);
                codepoint.cid = text;
                glyphs.push(codepoint);
            }
            if !glyphs.is_empty() {
                items.push(TextItem::GlyphIds(glyphs));
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
    pub fn finish(mut self) -> super::Printed {
        let (width, _) = paper_size(self.paper);
        let style = Style::small();
        let mut pages = std::mem::take(&mut self.pages);
        let page_count = pages.len();
        let baseline = THEME.margin - style.size;
        let sections = std::mem::take(&mut self.sections);
        for (number, section) in sections.iter().enumerate() {
            let end = sections
                .get(number + 1)
                .map_or(page_count, |next| next.first_page);
            // The footer's label gives way to the page number: a long name is shortened with "…".
            let widest_number = section
                .page_of
                .replace("{page}", "888")
                .replace("{pages}", "888");
            let room = self.width() - shape_line(&widest_number, style.size, false).width() - 12.0;
            let label = fit_line(&section.footer, style, room);
            for (offset, ops) in pages[section.first_page..end].iter_mut().enumerate() {
                let page = section
                    .page_of
                    .replace("{page}", &(offset + 1).to_string())
                    .replace("{pages}", &(end - section.first_page).to_string());
                let number = shape_line(&page, style.size, false);
                ops.extend(self.draw(&label, THEME.margin, baseline, style));
                ops.extend(self.draw(
                    &number,
                    width - THEME.margin - number.width(),
                    baseline,
                    style,
                ));
            }
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
        // Glyphs drawn without their own text get it from the font's map when printpdf writes
        // the subset's Unicode table.
        for ((face, gid), char) in std::mem::take(&mut self.glyph_chars) {
            if let Some(font) = self
                .font_ids
                .get(&face)
                .and_then(|id| self.pdf.resources.fonts.map.get_mut(id))
            {
                font.parsed_font
                    .cache_glyph_mapping(gid, char.encode_utf8(&mut [0; 4]));
            }
        }
        self.pdf.with_pages(pdf_pages);
        let bytes = self.pdf.save(
            &PdfSaveOptions {
                subset_fonts: true,
                ..Default::default()
            },
            &mut Vec::new(),
        );
        super::Printed {
            bytes,
            missing_characters: missing,
            pages: page_count,
        }
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
        let gap = if pending_space { space } else { 0.0 };
        if line.is_empty() || line_width + gap + token_width <= width {
            if token_width > width && line.is_empty() {
                // A word wider than the line is broken between characters, never cut off.
                for piece in break_word(&token, width, &measure) {
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    line_width = measure(&piece);
                    line = piece;
                }
            } else {
                if pending_space {
                    line.push(' ');
                }
                line.push_str(&token);
                line_width += gap + token_width;
            }
        } else {
            lines.push(std::mem::take(&mut line));
            if token_width > width {
                for piece in break_word(&token, width, &measure) {
                    if !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    }
                    line_width = measure(&piece);
                    line = piece;
                }
            } else {
                line_width = token_width;
                line = token;
            }
        }
        pending_space = false;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The height of a table row whose cells are wrapped into `cells`.
fn row_height(cells: &[Vec<String>], style: Style) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * style.line_height()
        + 2.0 * THEME.cell_padding
}

/// `text` on one line no wider than `width`, shortened with "…" when it is wider.
fn fit_line(text: &str, style: Style, width: f32) -> Shaped {
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

    fn info() -> DocumentInfo {
        DocumentInfo {
            title: "Test".into(),
            author: "Ms Lee".into(),
            created: Utc::now(),
            footer: "Footer".into(),
            page_of: "Page {page} of {pages}",
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
        for ops in &document.pages {
            assert!(
                ops.iter().any(|op| matches!(op, Op::DrawPolygon { .. })),
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

    /// The x of the first glyph drawn on the last page.
    fn first_x(document: &Document) -> f32 {
        document.pages[0]
            .iter()
            .find_map(|op| match op {
                Op::SetTextCursor { pos } => Some(pos.x.0),
                _ => None,
            })
            .expect("text was drawn")
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
    fn chinese_may_break_between_characters() {
        let text = "王小明的家人希望他今年能更有信心地在课堂上发言并交到好朋友";
        let lines = wrap(text, Style::body(), 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), text);
    }
}
