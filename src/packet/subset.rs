//! A TrueType face cut down to the glyphs a document draws, every glyph keeping its id.
//!
//! printpdf can subset a face itself, but it reads every glyph of the face to do it (all 50,000
//! of the CJK face's, for a document that draws a few), and it renumbers the glyphs. Keeping the
//! ids needs none of that: the used glyphs' outlines are copied by the face's own index (`loca`),
//! and every other glyph is left empty. The PDF then names glyphs by their ids in the whole face,
//! and printpdf embeds this program as it is (`layout/output.rs`).

use std::ops::Range;

/// The tables a PDF's TrueType font program needs (ISO 32000-1, 9.9): no character map, names
/// or PostScript names, as the PDF maps codes to glyphs and glyphs to text itself.
const KEPT: [&[u8; 4]; 9] = [
    b"cvt ", b"fpgm", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"prep",
];

/// The glyphs of one face a document draws: a bit for each glyph id, as a page of text draws a
/// thousand glyphs and a class tens of thousands.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct GlyphSet(Vec<u64>);

impl GlyphSet {
    pub fn insert(&mut self, gid: u16) {
        let (word, bit) = (usize::from(gid) / 64, gid % 64);
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        self.0[word] |= 1 << bit;
    }

    pub fn extend(&mut self, other: &GlyphSet) {
        if other.0.len() > self.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (word, theirs) in self.0.iter_mut().zip(&other.0) {
            *word |= theirs;
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.0.iter().enumerate().flat_map(|(index, &word)| {
            (0..64)
                .filter(move |bit| word & (1 << bit) != 0)
                .map(move |bit| (index * 64 + bit) as u16)
        })
    }
}

/// A font program with the glyphs asked for and those they are built from (composite glyphs),
/// and where its `hmtx` table is (the widths printpdf reads). `None` if `font` is not a
/// TrueType face this can read.
pub fn keeping_ids(font: &[u8], glyphs: &GlyphSet) -> Option<Subset> {
    let tables = Tables::read(font)?;
    let head = tables.get(b"head")?;
    let glyph_count = usize::from(read_u16(tables.get(b"maxp")?, 4)?);
    let outlines = Outlines::read(&tables)?;

    // The glyphs kept: .notdef, those asked for, and the components of composite glyphs.
    let mut kept = vec![false; glyph_count];
    let mut pending: Vec<usize> = std::iter::once(0)
        .chain(glyphs.iter().map(usize::from))
        .collect();
    while let Some(gid) = pending.pop() {
        if gid >= glyph_count || std::mem::replace(&mut kept[gid], true) {
            continue;
        }
        pending.extend(components(outlines.of(gid)?)?);
    }

    // Glyphs after the last one kept are left out altogether.
    let count = kept.iter().rposition(|&keep| keep)? + 1;
    let kept = &kept[..count];

    let mut new_glyf = Vec::new();
    let mut offsets = Vec::with_capacity(count + 1);
    for (gid, &keep) in kept.iter().enumerate() {
        offsets.push(new_glyf.len());
        if keep {
            new_glyf.extend_from_slice(outlines.of(gid)?);
            new_glyf.resize(new_glyf.len().next_multiple_of(4), 0);
        }
    }
    offsets.push(new_glyf.len());
    // The short index holds offsets / 2 in 16 bits.
    let short = new_glyf.len() / 2 <= usize::from(u16::MAX);
    let new_loca: Vec<u8> = if short {
        offsets
            .iter()
            .flat_map(|&o| u16::try_from(o / 2).unwrap_or(u16::MAX).to_be_bytes())
            .collect()
    } else {
        offsets
            .iter()
            .flat_map(|&o| u32::try_from(o).unwrap_or(u32::MAX).to_be_bytes())
            .collect()
    };
    let mut new_head = head.to_vec();
    // checkSumAdjustment is set once the whole font is written; indexToLocFormat as chosen.
    new_head.get_mut(8..12)?.fill(0);
    new_head
        .get_mut(50..52)?
        .copy_from_slice(&u16::from(!short).to_be_bytes());
    let mut new_maxp = tables.get(b"maxp")?.to_vec();
    new_maxp
        .get_mut(4..6)?
        .copy_from_slice(&u16::try_from(count).ok()?.to_be_bytes());

    // Widths: a full metric (advance and left side bearing) for each glyph up to the face's
    // count of them, then bearings alone, the last full metric giving their advance. The
    // widths of glyphs not kept are never read: zeros take almost no room once deflated.
    let hmtx = tables.get(b"hmtx")?;
    let face_metrics = usize::from(read_u16(tables.get(b"hhea")?, 34)?);
    let full_metrics = face_metrics.min(count);
    let mut new_hmtx = Vec::with_capacity(full_metrics * 4 + (count - full_metrics) * 2);
    for (gid, &keep) in kept.iter().enumerate() {
        let entry = match gid.checked_sub(face_metrics) {
            None => gid * 4..gid * 4 + 4,
            Some(after) => face_metrics * 4 + after * 2..face_metrics * 4 + after * 2 + 2,
        };
        let bytes = hmtx.get(entry)?;
        if keep || gid + 1 == face_metrics {
            new_hmtx.extend_from_slice(bytes);
        } else {
            new_hmtx.resize(new_hmtx.len() + bytes.len(), 0);
        }
    }
    let hmtx_len = new_hmtx.len();
    let mut new_hhea = tables.get(b"hhea")?.to_vec();
    new_hhea
        .get_mut(34..36)?
        .copy_from_slice(&u16::try_from(full_metrics).ok()?.to_be_bytes());

    let mut made = [
        (b"glyf", new_glyf),
        (b"head", new_head),
        (b"hhea", new_hhea),
        (b"hmtx", new_hmtx),
        (b"loca", new_loca),
        (b"maxp", new_maxp),
    ];
    let mut out: Vec<(&[u8; 4], Vec<u8>)> = Vec::new();
    for tag in KEPT {
        let table = match made.iter_mut().find(|(made, _)| *made == tag) {
            Some((_, table)) => std::mem::take(table),
            None => match tables.get(tag) {
                Some(table) => table.to_vec(),
                // Instructions for hinting are not in every face.
                None if matches!(tag, b"cvt " | b"fpgm" | b"prep") => continue,
                None => return None,
            },
        };
        out.push((tag, table));
    }
    let (bytes, hmtx_at) = write(&out);
    Some(Subset {
        bytes,
        hmtx: (hmtx_at, hmtx_len),
        glyph_count: count as u16,
        full_metrics: full_metrics as u16,
    })
}

/// A font program made by `keeping_ids`.
pub struct Subset {
    pub bytes: Vec<u8>,
    /// Where the `hmtx` table is in `bytes`: offset and length.
    pub hmtx: (usize, usize),
    /// How many glyphs it has (`maxp`), and how many of them have a full metric (`hhea`).
    pub glyph_count: u16,
    pub full_metrics: u16,
}

/// The glyphs a composite glyph is built from (none for a simple glyph); `None` if the outline
/// cannot be read.
fn components(outline: &[u8]) -> Option<Vec<usize>> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAS_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAS_X_AND_Y_SCALE: u16 = 0x0040;
    const HAS_TWO_BY_TWO: u16 = 0x0080;
    if outline.is_empty() || read_u16(outline, 0)? as i16 >= 0 {
        return Some(Vec::new());
    }
    let mut found = Vec::new();
    let mut at = 10;
    loop {
        let flags = read_u16(outline, at)?;
        found.push(usize::from(read_u16(outline, at + 2)?));
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAS_SCALE != 0 {
            2
        } else if flags & HAS_X_AND_Y_SCALE != 0 {
            4
        } else if flags & HAS_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            return Some(found);
        }
    }
}

/// A face's glyph outlines (`glyf`), found by its index of them (`loca`).
struct Outlines<'a> {
    loca: &'a [u8],
    glyf: &'a [u8],
    /// The index holds 32-bit offsets, not 16-bit halves.
    long: bool,
}

impl<'a> Outlines<'a> {
    fn read(tables: &Tables<'a>) -> Option<Outlines<'a>> {
        let long = match read_u16(tables.get(b"head")?, 50)? {
            0 => false,
            1 => true,
            _ => return None,
        };
        Some(Outlines {
            loca: tables.get(b"loca")?,
            glyf: tables.get(b"glyf")?,
            long,
        })
    }

    /// Glyph `gid`'s outline (empty for a glyph that draws nothing).
    fn of(&self, gid: usize) -> Option<&'a [u8]> {
        let at = |index: usize| {
            if self.long {
                read_u32(self.loca, index * 4).map(|o| o as usize)
            } else {
                read_u16(self.loca, index * 2).map(|o| usize::from(o) * 2)
            }
        };
        self.glyf.get(at(gid)?..at(gid + 1)?)
    }
}

/// A face's table directory.
struct Tables<'a> {
    font: &'a [u8],
    records: Vec<([u8; 4], Range<usize>)>,
}

impl<'a> Tables<'a> {
    fn read(font: &'a [u8]) -> Option<Tables<'a>> {
        if read_u32(font, 0)? != 0x0001_0000 {
            return None;
        }
        let count = usize::from(read_u16(font, 4)?);
        let records = (0..count)
            .map(|i| {
                let record = font.get(12 + i * 16..28 + i * 16)?;
                let offset = read_u32(record, 8)? as usize;
                let length = read_u32(record, 12)? as usize;
                font.get(offset..offset.checked_add(length)?)?;
                Some((record[..4].try_into().ok()?, offset..offset + length))
            })
            .collect::<Option<_>>()?;
        Some(Tables { font, records })
    }

    fn get(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        let (_, range) = self.records.iter().find(|(t, _)| t == tag)?;
        self.font.get(range.clone())
    }
}

/// An sfnt file of `tables`, which are in tag order, and where its `hmtx` table starts.
fn write(tables: &[(&[u8; 4], Vec<u8>)]) -> (Vec<u8>, usize) {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.leading_zeros() as u16;
    let search_range = 16 << entry_selector;
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000_u32.to_be_bytes());
    for value in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + tables.len() * 16;
    let mut head_at = 0;
    let mut hmtx = 0;
    for (tag, table) in tables {
        match *tag {
            b"head" => head_at = offset,
            b"hmtx" => hmtx = offset,
            _ => {}
        }
        out.extend_from_slice(*tag);
        out.extend_from_slice(&checksum(table).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(table.len() as u32).to_be_bytes());
        offset += table.len().next_multiple_of(4);
    }
    for (_, table) in tables {
        out.extend_from_slice(table);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let adjustment = 0xB1B0_AFBA_u32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    (out, hmtx)
}

/// The sum of a table's big-endian 32-bit words, the last padded with zeros.
fn checksum(table: &[u8]) -> u32 {
    table.chunks(4).fold(0_u32, |sum, word| {
        let mut padded = [0; 4];
        padded[..word.len()].copy_from_slice(word);
        sum.wrapping_add(u32::from_be_bytes(padded))
    })
}

fn read_u16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustybuzz::ttf_parser::{Face, GlyphId};

    const DEJAVU: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");

    fn set(gids: impl IntoIterator<Item = u16>) -> GlyphSet {
        let mut set = GlyphSet::default();
        for gid in gids {
            set.insert(gid);
        }
        set
    }

    #[test]
    fn a_glyph_set_holds_each_glyph_once_in_order() {
        let mut one = set([1000, 64, 0, 63, 64]);
        assert_eq!(one.iter().collect::<Vec<_>>(), [0, 63, 64, 1000]);
        one.extend(&set([2, 5000]));
        assert_eq!(one.iter().collect::<Vec<_>>(), [0, 2, 63, 64, 1000, 5000]);
        let mut empty = GlyphSet::default();
        empty.extend(&one);
        assert_eq!(empty, one);
    }

    #[test]
    fn the_glyphs_drawn_keep_their_ids_outlines_and_widths_and_no_others_are_left() {
        let face = Face::parse(DEJAVU, 0).expect("DejaVu Sans");
        let gid = |c: char| face.glyph_index(c).expect("a glyph").0;
        let drawn = [gid('a'), gid('é'), gid('Ж')];
        // "é" is made of two other glyphs, which are kept though not asked for.
        let tables = Tables::read(DEJAVU).expect("tables");
        let outlines = Outlines::read(&tables).expect("outlines");
        let parts = components(outlines.of(usize::from(gid('é'))).expect("an outline"))
            .expect("a readable outline");
        assert_eq!(parts.len(), 2, "é is a composite glyph");

        let subset = keeping_ids(DEJAVU, &set(drawn)).expect("DejaVu Sans is cut");
        assert!(subset.bytes.len() < DEJAVU.len() / 4);
        let cut = Face::parse(&subset.bytes, 0).expect("the subset is a font");
        let last = *drawn.iter().max().expect("glyphs");
        assert_eq!(cut.number_of_glyphs(), last + 1);
        assert_eq!(subset.glyph_count, last + 1);
        let kept = drawn
            .iter()
            .copied()
            .chain(parts.iter().map(|&p| p as u16))
            .chain([0]);
        for g in kept {
            let g = GlyphId(g);
            assert!(face.glyph_bounding_box(g).is_some() || g.0 == 0);
            assert_eq!(
                cut.glyph_bounding_box(g),
                face.glyph_bounding_box(g),
                "{g:?}"
            );
            assert_eq!(cut.glyph_hor_advance(g), face.glyph_hor_advance(g), "{g:?}");
        }
        for left_out in ['b', 'Я', '1'].map(|c| GlyphId(gid(c))) {
            assert!(face.glyph_bounding_box(left_out).is_some());
            assert_eq!(cut.glyph_bounding_box(left_out), None, "{left_out:?}");
        }
        // What printpdf reads the widths from: the subset's own table, as its header says.
        let (at, length) = subset.hmtx;
        let hmtx = &subset.bytes[at..at + length];
        let advance = |g: u16| read_u16(hmtx, usize::from(g) * 4);
        assert_eq!(advance(gid('a')), face.glyph_hor_advance(GlyphId(gid('a'))));
        assert_eq!(
            usize::from(subset.full_metrics) * 4 + usize::from(last + 1 - subset.full_metrics) * 2,
            length
        );
    }

    #[test]
    fn the_subset_is_a_well_formed_font_file() {
        let subset = keeping_ids(DEJAVU, &set([36, 68])).expect("DejaVu Sans is cut");
        // Every table's checksum as its record says, and the whole file's as `head` says.
        let tables = Tables::read(&subset.bytes).expect("tables");
        for (index, (tag, range)) in tables.records.iter().enumerate() {
            let recorded = read_u32(&subset.bytes, 12 + index * 16 + 4).expect("a record");
            let mut table = subset.bytes[range.clone()].to_vec();
            if tag == b"head" {
                table[8..12].fill(0);
            }
            assert_eq!(
                checksum(&table),
                recorded,
                "{}",
                String::from_utf8_lossy(tag)
            );
        }
        assert_eq!(checksum(&subset.bytes), 0xB1B0_AFBA);
        let tags: Vec<&[u8; 4]> = tables.records.iter().map(|(tag, _)| tag).collect();
        let mut sorted = tags.clone();
        sorted.sort();
        assert_eq!(tags, sorted, "tables in tag order");
    }

    #[test]
    fn what_is_not_a_truetype_face_is_not_cut() {
        let drawn = set([36]);
        assert!(keeping_ids(b"not a font at all", &drawn).is_none());
        assert!(keeping_ids(&DEJAVU[..2000], &drawn).is_none());
        let mut cff = DEJAVU.to_vec();
        cff[..4].copy_from_slice(b"OTTO");
        assert!(keeping_ids(&cff, &drawn).is_none());
    }
}
