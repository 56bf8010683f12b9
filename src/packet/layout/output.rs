//! From laid-out pages to the PDF file: glyphs become text operations (with the text a reader
//! copies), footers are added per section, fonts are subset and the metadata set.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use printpdf::{FontId, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, Point, Pt, TextItem};

use super::drawing::{at, rgb};
use super::halves;
use super::wrap::fit_line;
use super::{
    fonts, paper_size, shape_line, Document, FaceId, GlyphSet, Section, Shaped, Style, THEME,
};
use crate::packet::Printed;

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

fn face_of(font: &FontId) -> Option<FaceId> {
    let letter = font.0.strip_prefix("RAPPT")?.bytes().next()?;
    Some(usize::from(letter.checked_sub(b'A')?))
}

impl Document {
    /// Adds `next` after this document's last page: its sections follow, numbered on their own.
    /// A glyph `next` drew for a different character than this document does gets its own text,
    /// so both still copy as what they show.
    pub fn append(&mut self, next: Document) {
        let offset = self.pages.len();
        let mut differing: HashMap<(FaceId, u16), char> = HashMap::new();
        for (glyph, char) in next.glyph_chars {
            match self.glyph_chars.entry(glyph) {
                Entry::Vacant(entry) => {
                    entry.insert(char);
                }
                Entry::Occupied(entry) if *entry.get() != char => {
                    differing.insert(glyph, char);
                }
                Entry::Occupied(_) => {}
            }
        }
        for (glyph, text) in next.own_texts {
            self.own_texts.entry(glyph).or_insert(text);
        }
        let mut texts = next.texts;
        if !differing.is_empty() {
            for text in &mut texts {
                give_own_text(&mut text.ops, &differing);
            }
        }
        self.pages.extend(next.pages);
        self.texts.extend(texts);
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
    /// text it copies as: its own text, or none for the font's map to give it (see `halves.rs`).
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
            let per_em = 1000.0 / style.size;
            // A glyph the font's own map gives for its one character goes into a string of
            // such characters, which printpdf writes as one hex string; any other glyph (a
            // ligature, a form chosen by the shaper, a glyph that carries its own text) goes by
            // its id, and printpdf writes each as a string of its own. Both draw the same glyphs.
            let mut items = Vec::new();
            let mut glyphs: Vec<printpdf::Codepoint> = Vec::new();
            let mut chars = String::new();
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
                    flush(&mut items, &mut glyphs, &mut chars);
                    items.push(TextItem::Offset(carry - shift));
                    carry = 0.0;
                }
                carry += own - glyph.advance * per_em + shift;
                let written = if carry.abs() >= DRIFT {
                    carry.round()
                } else {
                    0.0
                };
                carry -= written;
                let text = self.glyph_text(run.face, glyph.gid, &glyph.text);
                let by_char = glyph.by_char.then(|| glyph.text.chars().next()).flatten();
                match (text, by_char) {
                    (None, Some(char)) => {
                        if !glyphs.is_empty() {
                            items.push(TextItem::GlyphIds(std::mem::take(&mut glyphs)));
                        }
                        chars.push(char);
                        if written != 0.0 {
                            flush(&mut items, &mut glyphs, &mut chars);
                            items.push(TextItem::Offset(written));
                        }
                    }
                    (text, _) => {
                        if !chars.is_empty() {
                            items.push(TextItem::Text(std::mem::take(&mut chars)));
                        }
                        if let Some(text) = &text {
                            self.own_texts
                                .entry((run.face, glyph.gid))
                                .or_insert_with(|| text.clone());
                        }
                        let mut codepoint = printpdf::Codepoint::new(glyph.gid, written);
                        codepoint.cid = text;
                        glyphs.push(codepoint);
                    }
                }
            }
            flush(&mut items, &mut glyphs, &mut chars);
            let text = &mut self.texts[page];
            if text.color != Some(style.color) {
                text.ops.push(Op::SetFillColor {
                    col: rgb(style.color),
                });
                text.color = Some(style.color);
            }
            if text.font != Some((run.face, style.size)) {
                text.ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(run.face)),
                    size: Pt(style.size),
                });
                text.font = Some((run.face, style.size));
            }
            // `Td` moves from where the last run began.
            let start = (at(pen).0, at(baseline).0);
            text.ops.push(Op::SetTextCursor {
                pos: Point {
                    x: at(start.0 - text.origin.0),
                    y: at(start.1 - text.origin.1),
                },
            });
            text.origin = start;
            text.ops.push(Op::ShowText { items });
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
        let pdf_pages = std::mem::take(&mut self.pages)
            .into_iter()
            .zip(texts)
            .map(|(mut ops, text)| {
                if !text.ops.is_empty() {
                    ops.reserve(text.ops.len() + 2);
                    ops.push(Op::StartTextSection);
                    ops.extend(text.ops);
                    ops.push(Op::EndTextSection);
                }
                PdfPage::new(width_mm, height_mm, ops)
            })
            .collect();
        let missing = self.missing_characters();
        let every_glyph = PdfPage::new(width_mm, height_mm, self.every_glyph());
        let mut pdf = PdfDocument::new(&self.info.title);
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
        // printpdf builds the file (fonts as Rapport cut them, text encoded), on both cores for
        // a long document; Rapport deflates its streams.
        let mut doc = halves::make(pdf, pdf_pages, every_glyph);
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

/// Ends the string of characters or the list of glyphs being gathered (at most one is not empty).
fn flush(items: &mut Vec<TextItem>, glyphs: &mut Vec<printpdf::Codepoint>, chars: &mut String) {
    if !chars.is_empty() {
        items.push(TextItem::Text(std::mem::take(chars)));
    }
    if !glyphs.is_empty() {
        items.push(TextItem::GlyphIds(std::mem::take(glyphs)));
    }
}

/// Gives the glyphs in `differing` their own text in a page's text operations (see `append`).
fn give_own_text(ops: &mut [Op], differing: &HashMap<(FaceId, u16), char>) {
    let mut face = None;
    for op in ops {
        match op {
            Op::SetFont {
                font: PdfFontHandle::External(font),
                ..
            } => face = face_of(font),
            Op::ShowText { items } => {
                let Some(face) = face else { continue };
                for item in items {
                    let TextItem::GlyphIds(glyphs) = item else {
                        continue;
                    };
                    for glyph in glyphs.iter_mut().filter(|g| g.cid.is_none()) {
                        if let Some(char) = differing.get(&(face, glyph.gid)) {
                            glyph.cid = Some(char.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// Deflates every stream that is not yet, on every core: the work of writing a class's packets
/// is mostly here, and the streams are independent.
fn compress_streams(doc: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = doc
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
        for share in shares {
            scope.spawn(move || {
                // One compressor a thread, reset for each stream: its window and tables (a
                // few hundred KB at the best level) are made once, not once a stream.
                let mut compressor = flate2::Compress::new(flate2::Compression::best(), true);
                let mut for_fonts = None;
                for stream in share {
                    // A font program is tables of numbers (outlines, widths, the glyph index):
                    // the best level searches them four times as long as the default for 1%
                    // less (the demo class: 8 ms against 2, for 2 KB in 280).
                    let compressor = if stream.dict.has(b"Length1") {
                        for_fonts.get_or_insert_with(|| {
                            flate2::Compress::new(flate2::Compression::default(), true)
                        })
                    } else {
                        &mut compressor
                    };
                    deflate(stream, compressor);
                }
            });
        }
    });
}

/// One stream deflated with `compressor` (zlib format, the best compression: it costs little
/// more than the default with zlib-rs), when that makes it smaller.
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
    use super::{deflate, face_of, font_id, fonts};

    #[test]
    fn each_face_has_a_subset_tag_of_six_capitals_that_names_it_back() {
        for face in 0..fonts().faces.len() {
            let id = font_id(face);
            assert_eq!(id.0.len(), 6, "{}", id.0);
            assert!(id.0.bytes().all(|b| b.is_ascii_uppercase()), "{}", id.0);
            assert_eq!(face_of(&id), Some(face));
        }
        assert_eq!(face_of(&printpdf::FontId("F1".into())), None);
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
        let mut compressor = flate2::Compress::new(flate2::Compression::best(), true);
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
