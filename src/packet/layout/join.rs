//! Documents finished one after another, joined into one PDF file. A class's packets are made a
//! part (a few children) at a time: each part's pages are laid out, made into PDF objects (its
//! fonts subset, its streams deflated) and let go before the next part is, so the memory a class
//! takes does not grow with the class. Each part embeds its own subsets of the fonts it uses.

use lopdf::{Object, ObjectId};

use super::output::Finished;
use super::Document;
use crate::packet::Printed;

/// The file so far: the first part's objects, with each later part's pages added to its page
/// tree.
#[derive(Default)]
pub struct Joined {
    pdf: Option<lopdf::Document>,
    parts: usize,
    missing: Vec<char>,
    pages: usize,
}

impl Joined {
    /// Finishes `part` and adds its pages after those already here.
    pub fn add(&mut self, part: Document) {
        let Finished {
            pdf,
            missing_characters,
            pages,
        } = part.finish_unsaved();
        self.pages += pages;
        self.missing.extend(missing_characters);
        match &mut self.pdf {
            None => self.pdf = Some(pdf),
            Some(joined) => add_pages(joined, pdf, self.parts),
        }
        self.parts += 1;
    }

    /// The whole file; `None` when no part was added.
    pub fn finish(self) -> Option<Printed> {
        let mut missing = self.missing;
        missing.sort_unstable();
        missing.dedup();
        let whole = Finished {
            pdf: self.pdf?,
            missing_characters: missing,
            pages: self.pages,
        };
        Some(whole.save())
    }
}

/// Moves `part`'s pages, and everything they use, into `joined`, after its pages. The part's own
/// catalog, page tree and document information are left behind. `number` counts the parts
/// before it.
fn add_pages(joined: &mut lopdf::Document, part: lopdf::Document, number: usize) {
    let offset = joined.max_id;
    let tree = page_tree(joined);
    let part_tree = page_tree(&part);
    let part_catalog = reference(&part.trailer, b"Root");
    let part_info = reference(&part.trailer, b"Info");
    let mut kids = Vec::new();
    if let Some(Object::Dictionary(pages)) = part_tree.and_then(|id| part.objects.get(&id)) {
        if let Ok(list) = pages.get(b"Kids").and_then(Object::as_array) {
            kids = list
                .iter()
                .filter_map(|kid| kid.as_reference().ok())
                .map(|(number, generation)| (number + offset, generation))
                .collect();
        }
    }
    for (id, mut object) in part.objects {
        if [part_tree, part_catalog, part_info].contains(&Some(id)) {
            continue;
        }
        shift_references(&mut object, offset);
        retag_subset(&mut object, number);
        if let (Object::Dictionary(page), Some(tree)) = (&mut object, tree) {
            if page.has_type(b"Page") {
                page.set("Parent", Object::Reference(tree));
            }
        }
        joined.objects.insert((id.0 + offset, id.1), object);
    }
    // The part's own catalog and page tree may have been its last objects: the file's count of
    // objects is one more than the highest number kept.
    joined.max_id = joined
        .objects
        .keys()
        .next_back()
        .map_or(joined.max_id, |id| id.0);
    if let Some(Object::Dictionary(pages)) = tree.and_then(|id| joined.objects.get_mut(&id)) {
        let count = pages
            .get(b"Count")
            .and_then(Object::as_i64)
            .unwrap_or_default();
        pages.set("Count", count + kids.len() as i64);
        if let Ok(Object::Array(list)) = pages.get_mut(b"Kids") {
            list.extend(kids.into_iter().map(Object::Reference));
        }
    }
}

/// The document's root page tree.
fn page_tree(pdf: &lopdf::Document) -> Option<ObjectId> {
    let catalog = reference(&pdf.trailer, b"Root")?;
    match pdf.objects.get(&catalog) {
        Some(Object::Dictionary(catalog)) => reference(catalog, b"Pages"),
        _ => None,
    }
}

fn reference(dictionary: &lopdf::Dictionary, key: &[u8]) -> Option<ObjectId> {
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

/// Every reference in `object` moved up by `offset` object numbers.
fn shift_references(object: &mut Object, offset: u32) {
    match object {
        Object::Reference(id) => id.0 += offset,
        Object::Array(items) => {
            for item in items {
                shift_references(item, offset);
            }
        }
        Object::Dictionary(dictionary) => {
            for (_, value) in dictionary.iter_mut() {
                shift_references(value, offset);
            }
        }
        Object::Stream(stream) => {
            for (_, value) in stream.dict.iter_mut() {
                shift_references(value, offset);
            }
        }
        _ => {}
    }
}
