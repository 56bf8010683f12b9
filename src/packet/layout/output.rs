//! From laid-out pages to the PDF file: glyphs become text in the page's content (with the text
//! a reader copies in the fonts' Unicode maps), footers are added per section, fonts are subset
//! and the metadata set.

use printpdf::{FontId, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};

use super::content::{self, Glyphs};
use super::drawing::at;
use super::page_tree;
use super::wrap::fit_line;
use super::{
    fonts, paper_size, shape_line, Document, FaceId, GlyphSet, Section, Shaped, Style, THEME,
};
use crate::packet::Printed;

/// How hard streams are deflated: zlib's default. The best level searches a page's text twice
/// as long for 1% less (the demo class's pages: 133 KB against 132).
const LEVEL: flate2::Compression = flate2::Compression::new(6);

/// How far (in 1/1000 em) a glyph may stand from its shaped place before a TJ number moves it:
/// 0.05 pt at the body's size.
const DRIFT: f32 = 5.0;

/// The name a face has in the PDF's resources: the same in every document, so documents laid
/// out apart can be joined. printpdf also puts it before the subset's font name, where six
/// capital letters say that the font is a subset ("RAPPTA+DejaVuSans").
fn font_id(face: FaceId) -> FontId {
    let letter = char::from(b'A' + face as u8);
    FontId(format!("RAPPT{letter}"))
}

impl Document {
    /// Adds `next` after this document's last page: its sections follow, numbered on their own.
    /// A glyph `next` drew for a different character than this document does copies as this
    /// document's (a font's Unicode map gives each glyph one text).
    pub fn append(&mut self, next: Document) {
        let offset = self.pages.len();
        for (glyph, char) in next.glyph_chars {
            self.glyph_chars.entry(glyph).or_insert(char);
        }
        for (glyph, text) in next.own_texts {
            self.own_texts.entry(glyph).or_insert(text);
        }
        self.pages.extend(next.pages);
        self.texts.extend(next.texts);
        self.sections
            .extend(next.sections.into_iter().map(|section| Section {
                first_page: section.first_page + offset,
                ..section
            }));
        for (face, glyphs) in next.glyphs {
            self.glyphs.entry(face).or_default().extend(&glyphs);
        }
        self.missing.extend(next.missing);
        self.y = next.y;
        self.rtl = next.rtl;
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

    /// The text operations of a page that shows every glyph the document draws, each with the
    /// text it copies as: its own text, or none for the font's map to give it. printpdf makes
    /// the fonts' widths and Unicode maps from the glyphs this page shows; the page itself is
    /// then taken out (see `finish_unsaved`).
    fn every_glyph(&self) -> Vec<Op> {
        let mut ops = vec![Op::StartTextSection];
        for (&face, glyphs) in &self.glyphs {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(face)),
                size: Pt(1.0),
            });
            let glyphs = glyphs.iter().map(|gid| {
                let mut glyph = printpdf::Codepoint::new(gid, 0.0);
                glyph.cid = self.own_texts.get(&(face, gid)).cloned();
                glyph
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs.collect())],
            });
        }
        ops.push(Op::EndTextSection);
        ops
    }

    /// Draws shaped text on page `page`, its left edge at `x` and its baseline at `baseline`.
    pub(super) fn draw(
        &mut self,
        page: usize,
        shaped: &Shaped,
        x: f32,
        baseline: f32,
        style: Style,
    ) {
        self.missing.extend(shaped.missing.iter().copied());
        let mut pen = x;
        for run in &shaped.runs {
            let face = &fonts().faces[run.face];
            let used = self.glyphs.entry(run.face).or_insert_with(|| {
                face.parse_soon();
                GlyphSet::default()
            });
            for glyph in &run.glyphs {
                used.insert(glyph.gid);
            }
            if run.glyphs.is_empty() {
                continue;
            }
            let per_em = 1000.0 / style.size;
            let text = &mut self.texts[page];
            if text.color != Some(style.color) {
                content::text_color(&mut text.content, style.color);
                text.color = Some(style.color);
            }
            if text.font != Some((run.face, style.size)) {
                content::font(&mut text.content, &font_id(run.face).0, style.size);
                text.font = Some((run.face, style.size));
            }
            // `Td` moves from where the last run began.
            let start = (at(pen), at(baseline));
            content::move_text(
                &mut text.content,
                start.0 - text.origin.0,
                start.1 - text.origin.1,
            );
            text.origin = start;
            let mut shown = Glyphs::begin(&mut text.content);
            // The viewer advances by the font's own width (1/1000 em, truncated, as printpdf
            // writes /W); a TJ number corrects that to the shaped advance. The differences are
            // carried and written as a whole number once they reach DRIFT: the page looks the
            // same, and the file holds a few short numbers instead of a long one per glyph.
            let mut carry = 0.0_f32;
            for glyph in &run.glyphs {
                let own = face
                    .shaper
                    .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph.gid))
                    .map_or(0.0, |a| (a as f32 * 1000.0 / face.units_per_em).trunc());
                let shift = glyph.x_offset * per_em;
                if shift != 0.0 {
                    shown.shift(carry - shift);
                    carry = 0.0;
                }
                carry += own - glyph.advance * per_em + shift;
                let written = if carry.abs() >= DRIFT {
                    carry.round()
                } else {
                    0.0
                };
                carry -= written;
                shown.glyph(glyph.gid);
                if written != 0.0 {
                    shown.shift(written);
                }
            }
            shown.end();
            // A glyph that stands for one character copies as it from the font's Unicode map;
            // any other (a ligature, a cluster with marks, a glyph drawn for another character
            // before) is given its own text there.
            for glyph in &run.glyphs {
                if let Some(text) = self.glyph_text(run.face, glyph.gid, &glyph.text) {
                    self.own_texts.entry((run.face, glyph.gid)).or_insert(text);
                }
            }
            pen += run.width();
        }
    }

    /// Adds the footers and writes the PDF (fonts subset, metadata set).
    pub fn finish(self) -> Printed {
        self.finish_unsaved().save()
    }

    /// Adds the footers and makes the PDF's objects (fonts subset, streams deflated), not yet
    /// written out: a part of a longer document (see `join.rs`).
    pub(super) fn finish_unsaved(mut self) -> Finished {
        let (width, _) = paper_size(self.paper);
        let style = Style::small();
        let page_count = self.pages.len();
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
            for (offset, page) in (section.first_page..end).enumerate() {
                let page_of = section
                    .page_of
                    .replace("{page}", &(offset + 1).to_string())
                    .replace("{pages}", &(end - section.first_page).to_string());
                let number = shape_line(&page_of, style.size, false);
                self.draw(page, &label, THEME.margin, baseline, style);
                self.draw(
                    page,
                    &number,
                    width - THEME.margin - number.width(),
                    baseline,
                    style,
                );
            }
        }
        let (width_mm, height_mm) = {
            let (w, h) = paper_size(self.paper);
            (Mm(w * 25.4 / 72.0), Mm(h * 25.4 / 72.0))
        };
        // Each page: its drawings, then its text in one text object over them.
        let texts = std::mem::take(&mut self.texts);
        let contents: Vec<Vec<u8>> = std::mem::take(&mut self.pages)
            .into_iter()
            .zip(texts)
            .map(|(mut content, text)| {
                if !text.content.is_empty() {
                    content.reserve(text.content.len() + 6);
                    content.extend_from_slice(b"BT\n");
                    content.extend_from_slice(&text.content);
                    content.extend_from_slice(b"ET\n");
                }
                content
            })
            .collect();
        let missing = self.missing_characters();
        let mut pages = vec![PdfPage::new(width_mm, height_mm, Vec::new()); page_count];
        pages.push(PdfPage::new(width_mm, height_mm, self.every_glyph()));
        let mut pdf = PdfDocument::new(&self.info.title);
        pdf.with_pages(pages);
        for (&face, glyphs) in &self.glyphs {
            let id = font_id(face);
            let font = fonts().faces[face].for_pdf(glyphs, &id.0);
            pdf.resources.fonts.map.insert(id, font);
        }
        let stamp = printpdf::DateTime::from_unix_timestamp(self.info.created.timestamp())
            .unwrap_or_else(|_| printpdf::DateTime::from_unix_timestamp(0).expect("the epoch"));
        let info = &mut pdf.metadata.info;
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
            if let Some(font) = pdf.resources.fonts.map.get_mut(&font_id(face)) {
                font.parsed_font
                    .cache_glyph_mapping(gid, char.encode_utf8(&mut [0; 4]));
            }
        }
        // printpdf makes the file's objects (fonts as Rapport cut them, their widths and
        // Unicode maps, the pages with empty contents) while the pages' contents are deflated
        // on the other cores; then the contents go into their pages, and the page that showed
        // printpdf every glyph is taken out.
        let (mut doc, contents) = std::thread::scope(|scope| {
            let deflated = scope.spawn(|| deflate_all(contents));
            let doc = pdf.to_lopdf_document(
                &PdfSaveOptions {
                    subset_fonts: true,
                    ..Default::default()
                },
                &mut Vec::new(),
            );
            let contents = deflated
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (doc, contents)
        });
        drop(pdf);
        if let Some(pages) = page_tree::take_last_page(&mut doc) {
            for (page, content) in pages.into_iter().zip(contents) {
                page_tree::set_contents(&mut doc, page, content);
            }
        }
        compress_streams(&mut doc);
        Finished {
            pdf: doc,
            missing_characters: missing,
            pages: page_count,
        }
    }
}

/// A document's PDF objects, made and not yet written out.
pub(super) struct Finished {
    pub pdf: lopdf::Document,
    pub missing_characters: Vec<char>,
    pub pages: usize,
}

impl Finished {
    /// The PDF file.
    pub fn save(mut self) -> Printed {
        let mut bytes = Vec::new();
        // Writing into memory cannot fail.
        let _ = self.pdf.save_to(&mut bytes);
        Printed {
            bytes,
            missing_characters: self.missing_characters,
            pages: self.pages,
        }
    }
}

/// The pages' contents as streams, deflated on every core.
fn deflate_all(contents: Vec<Vec<u8>>) -> Vec<lopdf::Stream> {
    let mut streams: Vec<lopdf::Stream> = contents
        .into_iter()
        .map(|content| lopdf::Stream::new(lopdf::Dictionary::new(), content))
        .collect();
    deflate_on_every_core(streams.iter_mut().collect());
    for stream in &mut streams {
        // Done: one left as it was did not get smaller.
        stream.allows_compression = false;
    }
    streams
}

/// Deflates every stream not deflated yet (the fonts' programs and Unicode maps).
fn compress_streams(doc: &mut lopdf::Document) {
    let streams: Vec<&mut lopdf::Stream> = doc
        .objects
        .values_mut()
        .filter_map(|object| match object {
            lopdf::Object::Stream(stream)
                if stream.allows_compression && stream.dict.get(b"Filter").is_err() =>
            {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    deflate_on_every_core(streams);
}

/// Deflates `streams` on every core: they are independent.
fn deflate_on_every_core(mut streams: Vec<&mut lopdf::Stream>) {
    // Largest first, dealt out in turn, so the threads finish together.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4);
    let mut shares: Vec<Vec<&mut lopdf::Stream>> = (0..threads).map(|_| Vec::new()).collect();
    for (index, stream) in streams.into_iter().enumerate() {
        shares[index % threads].push(stream);
    }
    std::thread::scope(|scope| {
        for share in shares.into_iter().filter(|share| !share.is_empty()) {
            scope.spawn(move || {
                // One compressor a thread, reset for each stream: its window and tables (a
                // few hundred KB) are made once, not once a stream.
                let mut compressor = flate2::Compress::new(LEVEL, true);
                for stream in share {
                    deflate(stream, &mut compressor);
                }
            });
        }
    });
}

/// One stream deflated with `compressor` (zlib format), when that makes it smaller.
fn deflate(stream: &mut lopdf::Stream, compressor: &mut flate2::Compress) {
    compressor.reset();
    let input = &stream.content;
    let mut compressed = Vec::with_capacity(input.len() / 3 + 64);
    loop {
        let done = usize::try_from(compressor.total_in()).unwrap_or(input.len());
        match compressor.compress_vec(
            &input[done.min(input.len())..],
            &mut compressed,
            flate2::FlushCompress::Finish,
        ) {
            Ok(flate2::Status::StreamEnd) => break,
            // The output is full: room for as much again.
            Ok(_) => compressed.reserve(compressed.capacity().max(64)),
            Err(_) => return,
        }
    }
    if compressed.len() + 19 < input.len() {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(compressed);
    }
}

#[cfg(test)]
mod tests {
    use super::{deflate, font_id, fonts};

    #[test]
    fn each_face_has_a_subset_tag_of_six_capitals_of_its_own() {
        let ids: Vec<String> = (0..fonts().faces.len()).map(|f| font_id(f).0).collect();
        for id in &ids {
            assert_eq!(id.len(), 6, "{id}");
            assert!(id.bytes().all(|b| b.is_ascii_uppercase()), "{id}");
        }
        let mut distinct = ids.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), ids.len());
    }

    fn inflated(stream: &lopdf::Stream) -> Vec<u8> {
        use std::io::Read;
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(&stream.content[..])
            .read_to_end(&mut out)
            .expect("a zlib stream");
        out
    }

    #[test]
    fn streams_deflated_one_after_another_with_one_compressor_each_inflate_to_their_own_text() {
        // Text that compresses to more than a third of its size (the first guess of room),
        // then text that compresses well, then text too short to gain anything.
        let mut seed = 7_u32;
        let varied: Vec<u8> = (0..60_000)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                b"0123456789ABCDEF <>TJ"[(seed >> 16) as usize % 21]
            })
            .collect();
        let repeated = b"BT /RAPPTA 10 Tf 72 700 Td [<0041>] TJ ET\n".repeat(500);
        let mut compressor = flate2::Compress::new(super::LEVEL, true);
        for text in [varied, repeated] {
            let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), text.clone());
            deflate(&mut stream, &mut compressor);
            assert_eq!(
                stream.dict.get(b"Filter").unwrap().as_name().unwrap(),
                b"FlateDecode"
            );
            assert!(stream.content.len() < text.len());
            assert_eq!(inflated(&stream), text);
        }
        let mut short = lopdf::Stream::new(lopdf::Dictionary::new(), b"q Q".to_vec());
        deflate(&mut short, &mut compressor);
        assert!(short.dict.get(b"Filter").is_err());
        assert_eq!(short.content, b"q Q");
    }
}
