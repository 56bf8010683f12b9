//! Documents finished one after another, joined into one PDF file as they come. A class's packets
//! are made a part (a few children) at a time: each part's pages are laid out, made into PDF
//! objects (its fonts subset, its streams deflated), written into the file and let go before the
//! next part is, so the memory a class takes does not grow with the class. Each part embeds its
//! own subsets of the fonts it uses.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use lopdf::xref::XrefType;
use lopdf::{Dictionary, Object, ObjectId};

use super::output::Finished;
use super::Document;
use crate::error::{Error, Result};
use crate::packet::Printed;

/// The file so far: its header and the objects of every part added, numbered from 1 in the order
/// they came. The first part's page tree, catalog and document information are held back and
/// written last, the tree then listing every part's pages.
#[derive(Default)]
pub struct Joined {
    file: Vec<u8>,
    /// Where object `n` starts in `file`, at `starts[n - 1]` (0 until it is written).
    starts: Vec<usize>,
    ends: Option<Ends>,
    /// Why the file could not be made; every later part is then left out.
    failed: Option<Error>,
    parts: usize,
    missing: Vec<char>,
    pages: usize,
}

/// The first part's objects that describe the whole file, and the pages it has.
struct Ends {
    tree: ObjectId,
    objects: BTreeMap<ObjectId, Object>,
    trailer: Dictionary,
    kids: Vec<Object>,
}

impl Joined {
    /// Finishes `part` and writes its pages after those already here.
    pub fn add(&mut self, part: Document) {
        if self.failed.is_some() {
            return;
        }
        let Finished {
            pdf,
            missing_characters,
            pages,
        } = part.finish_unsaved();
        self.pages += pages;
        self.missing.extend(missing_characters);
        if let Err(error) = self.write_part(pdf) {
            self.failed = Some(error);
        }
        self.parts += 1;
    }

    /// The whole file; `Ok(None)` when no part was added.
    pub fn finish(mut self) -> Result<Option<Printed>> {
        if let Some(error) = self.failed.take() {
            return Err(error);
        }
        let Some(mut ends) = self.ends.take() else {
            return Ok(None);
        };
        if let Some(Object::Dictionary(tree)) = ends.objects.get_mut(&ends.tree) {
            tree.set("Count", ends.kids.len() as i64);
            tree.set("Kids", Object::Array(ends.kids));
        }
        let count = self.starts.len() as u32;
        let written = Written::new(ends.objects, ends.trailer, count)?;
        self.append(&written);
        let xref_start = self.file.len();
        let mut xref = format!("xref\n0 {}\n0000000000 65535 f \n", count + 1);
        for start in &self.starts {
            xref.push_str(&format!("{start:010} 00000 n \n"));
        }
        self.file.extend_from_slice(xref.as_bytes());
        self.file.extend_from_slice(b"trailer\n");
        self.file.extend_from_slice(written.trailer());
        self.file
            .extend_from_slice(format!("\nstartxref\n{xref_start}\n%%EOF").as_bytes());
        let mut missing = self.missing;
        missing.sort_unstable();
        missing.dedup();
        Ok(Some(Printed {
            bytes: self.file,
            missing_characters: missing,
            pages: self.pages,
        }))
    }

    /// Numbers `pdf`'s objects on from those already written, writes them, and keeps its pages
    /// for the page tree. The first part's tree, catalog and information are kept for the end;
    /// a later part's are dropped, its pages joining the first part's tree.
    fn write_part(&mut self, mut pdf: lopdf::Document) -> Result<()> {
        let tree = page_tree(&pdf).ok_or_else(|| unjoinable("a part has no page tree"))?;
        let catalog = reference(&pdf.trailer, b"Root");
        let info = reference(&pdf.trailer, b"Info");
        let first = self.ends.is_none();
        if first {
            self.file = format!("%PDF-{}\n%", pdf.version).into_bytes();
            self.file.extend_from_slice(&pdf.binary_mark);
            self.file.push(b'\n');
        } else {
            for id in [catalog, info].into_iter().flatten() {
                pdf.objects.remove(&id);
            }
        }
        // The objects are numbered on from those written; a later part's page tree is the
        // first part's, so its pages' parent is.
        let mut numbers: HashMap<ObjectId, ObjectId> = HashMap::new();
        let mut next = self.starts.len() as u32;
        for &id in pdf.objects.keys() {
            let number = match &self.ends {
                Some(ends) if id == tree => ends.tree,
                _ => {
                    next += 1;
                    (next, 0)
                }
            };
            numbers.insert(id, number);
        }
        self.starts.resize(next as usize, 0);
        let mut kids = match pdf.objects.get(&tree) {
            Some(Object::Dictionary(pages)) => pages
                .get(b"Kids")
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        if !first {
            pdf.objects.remove(&tree);
        }
        let mut objects = BTreeMap::new();
        for (id, mut object) in std::mem::take(&mut pdf.objects) {
            renumber(&mut object, &numbers);
            if !first {
                retag_subset(&mut object, self.parts);
            }
            objects.insert(numbers[&id], object);
        }
        for kid in &mut kids {
            renumber(kid, &numbers);
        }
        if first {
            let mut trailer = pdf.trailer;
            for (_, value) in trailer.iter_mut() {
                renumber(value, &numbers);
            }
            let held = [Some(tree), catalog, info].into_iter().flatten();
            let held: BTreeMap<ObjectId, Object> = held
                .filter_map(|id| {
                    let number = numbers.get(&id)?;
                    Some((*number, objects.remove(number)?))
                })
                .collect();
            self.ends = Some(Ends {
                tree: numbers[&tree],
                objects: held,
                trailer,
                kids,
            });
        } else if let Some(ends) = &mut self.ends {
            ends.kids.extend(kids);
        }
        let written = Written::new(objects, Dictionary::new(), next)?;
        self.append(&written);
        Ok(())
    }

    /// Puts `written`'s objects at the end of the file and notes where each starts.
    fn append(&mut self, written: &Written) {
        let at = self.file.len();
        for &(number, start) in &written.starts {
            if let Some(slot) = self.starts.get_mut(number as usize - 1) {
                *slot = at + start - written.body.start;
            }
        }
        self.file
            .extend_from_slice(&written.bytes[written.body.clone()]);
    }
}

/// Objects as lopdf writes them: the text of a small PDF file holding just them, where each
/// starts in it, and where its objects and its trailer's dictionary are.
struct Written {
    bytes: Vec<u8>,
    body: Range<usize>,
    starts: Vec<(u32, usize)>,
    trailer: Range<usize>,
}

impl Written {
    /// Writes `objects` (with `trailer`, its size that of a file of `count` objects) with lopdf
    /// and reads back where each object starts.
    fn new(
        objects: BTreeMap<ObjectId, Object>,
        trailer: Dictionary,
        count: u32,
    ) -> Result<Written> {
        let mut pdf = lopdf::Document::new();
        pdf.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
        pdf.objects = objects;
        pdf.trailer = trailer;
        pdf.max_id = count;
        let mut bytes = Vec::new();
        pdf.save_to(&mut bytes)
            .map_err(|e| unjoinable(&e.to_string()))?;
        drop(pdf);
        Written::read(bytes)
            .ok_or_else(|| unjoinable("lopdf wrote a cross-reference table Rapport cannot read"))
    }

    /// `bytes` as lopdf writes a file (`startxref` at the end, one classic cross-reference table
    /// and then the trailer before it), read back.
    fn read(bytes: Vec<u8>) -> Option<Written> {
        let tail = find_last(&bytes, b"startxref\n")?;
        let number: String = bytes[tail + 10..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        let xref: usize = number.parse().ok()?;
        let mut lines = bytes.get(xref..tail)?.split(|&b| b == b'\n');
        if lines.next()? != b"xref" {
            return None;
        }
        let mut starts = Vec::new();
        let mut trailer = None;
        let mut position = xref + 5;
        while let Some(line) = lines.next() {
            position += line.len() + 1;
            if line == b"trailer" {
                trailer = Some(position..tail - 1);
                break;
            }
            // A section: its first object's number and how many follow, one line each.
            let text = std::str::from_utf8(line).ok()?;
            let (first, count) = text.split_once(' ')?;
            let (first, count): (u32, u32) = (first.parse().ok()?, count.trim().parse().ok()?);
            for number in first..first + count {
                let entry = lines.next()?;
                position += entry.len() + 1;
                let mut fields = std::str::from_utf8(entry).ok()?.split_whitespace();
                let offset: usize = fields.next()?.parse().ok()?;
                if fields.nth(1)? == "n" {
                    starts.push((number, offset));
                }
            }
        }
        let body_start = starts.iter().map(|&(_, start)| start).min().unwrap_or(xref);
        Some(Written {
            body: body_start..xref,
            starts,
            trailer: trailer?,
            bytes,
        })
    }

    fn trailer(&self) -> &[u8] {
        &self.bytes[self.trailer.clone()]
    }
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

fn unjoinable(why: &str) -> Error {
    Error::Internal(format!(
        "the class's packets could not be joined into one file ({why})"
    ))
}

/// The document's root page tree.
fn page_tree(pdf: &lopdf::Document) -> Option<ObjectId> {
    let catalog = reference(&pdf.trailer, b"Root")?;
    match pdf.objects.get(&catalog) {
        Some(Object::Dictionary(catalog)) => reference(catalog, b"Pages"),
        _ => None,
    }
}

fn reference(dictionary: &Dictionary, key: &[u8]) -> Option<ObjectId> {
    dictionary.get(key).and_then(Object::as_reference).ok()
}

/// A subset font's name starts with six capitals that tell its subset from others of the same
/// font ("RAPPTA+DejaVuSans", see `output.rs`). Every part subsets the fonts anew, so each part
/// after the first gets tags of its own (the first five letters count the part, the sixth still
/// names the face): no viewer or printer can take one part's subset for another's.
fn retag_subset(object: &mut Object, part: usize) {
    let mut tag = [b'A'; 5];
    let mut rest = part;
    for letter in tag.iter_mut().rev() {
        *letter = b'A' + (rest % 26) as u8;
        rest /= 26;
    }
    retag(object, &tag);
}

/// Gives the subset names in `object` (a font, its descendant font, its descriptor) `tag`.
fn retag(object: &mut Object, tag: &[u8; 5]) {
    match object {
        Object::Dictionary(dictionary) => {
            for (key, value) in dictionary.iter_mut() {
                match value {
                    Object::Name(name)
                        if (key == b"BaseFont" || key == b"FontName")
                            && name.starts_with(b"RAPPT")
                            && name.get(6) == Some(&b'+') =>
                    {
                        name[..5].copy_from_slice(tag);
                    }
                    Object::Dictionary(_) | Object::Array(_) => retag(value, tag),
                    _ => {}
                }
            }
        }
        Object::Array(items) => {
            for item in items {
                retag(item, tag);
            }
        }
        _ => {}
    }
}

/// Every reference in `object` given its number in the joined file.
fn renumber(object: &mut Object, numbers: &HashMap<ObjectId, ObjectId>) {
    match object {
        Object::Reference(id) => {
            if let Some(number) = numbers.get(id) {
                *id = *number;
            }
        }
        Object::Array(items) => {
            for item in items {
                renumber(item, numbers);
            }
        }
        Object::Dictionary(dictionary) => {
            for (_, value) in dictionary.iter_mut() {
                renumber(value, numbers);
            }
        }
        Object::Stream(stream) => {
            for (_, value) in stream.dict.iter_mut() {
                renumber(value, numbers);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{Dictionary, Object, Written};
    use std::collections::BTreeMap;

    #[test]
    fn objects_lopdf_writes_are_found_where_its_table_says() {
        let mut objects = BTreeMap::new();
        objects.insert((3, 0), Object::Integer(42));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        objects.insert((5, 0), Object::Dictionary(page));
        let mut trailer = Dictionary::new();
        trailer.set("Root", Object::Reference((5, 0)));
        let written = Written::new(objects, trailer, 7).unwrap();
        let numbers: Vec<u32> = written.starts.iter().map(|&(number, _)| number).collect();
        assert_eq!(numbers, [3, 5]);
        for &(number, start) in &written.starts {
            let object = &written.bytes[start..];
            assert!(object.starts_with(format!("{number} 0 obj").as_bytes()));
        }
        assert_eq!(written.body.start, written.starts[0].1);
        assert!(written.bytes[written.body.clone()].ends_with(b"endobj\n"));
        let trailer = String::from_utf8_lossy(written.trailer());
        assert!(
            trailer.starts_with("<<") && trailer.ends_with(">>"),
            "{trailer}"
        );
        assert!(
            trailer.contains("/Root 5 0 R") && trailer.contains("/Size 8"),
            "{trailer}"
        );
    }

    #[test]
    fn a_file_without_a_table_to_read_is_not_read() {
        let no_table = b"%PDF-1.4\n1 0 obj\n1\nendobj\nstartxref\n9\n%%EOF";
        assert!(Written::read(no_table.to_vec()).is_none());
        assert!(Written::read(b"not a PDF".to_vec()).is_none());
    }
}
