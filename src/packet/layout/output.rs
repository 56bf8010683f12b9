//! From laid-out pages to the PDF file: glyphs become text operations (with the text a reader
//! copies), footers are added per section, fonts are subset and the metadata set.

use printpdf::{Mm, Op, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem};

use super::drawing::rgb;
use super::wrap::fit_line;
use super::{fonts, paper_size, shape_line, Document, FaceId, Shaped, Style, THEME};
use crate::packet::Printed;

impl Document {
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
    pub(super) fn draw(&mut self, shaped: &Shaped, x: f32, baseline: f32, style: Style) -> Vec<Op> {
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

    /// Adds the footers and writes the PDF (fonts subset, metadata set).
    pub fn finish(mut self) -> Printed {
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
        Printed {
            bytes,
            missing_characters: missing,
            pages: page_count,
        }
    }
}
