//! printpdf makes a document's PDF objects on one core. A document of many pages (a class's part)
//! is made as two halves, one on each core, and put together: the second half's pages join the
//! first half's page tree and use its resources.
//!
//! For the second half's pages to use the first half's fonts, both halves must embed the same
//! fonts with the same widths and the same text for each glyph. printpdf decides those from the
//! glyphs a document's pages show, the text a glyph carries the last time it is shown counting.
//! So each half ends with the same page, which shows every glyph of the whole document with its
//! text (`every_glyph`): both halves make the same font objects. That page is then taken out.

use lopdf::{Object, ObjectId};
use printpdf::{PdfDocument, PdfPage, PdfSaveOptions};

/// From how many pages a document is made in halves: below it, a thread costs more than it saves.
const HALVES_FROM: usize = 8;

/// The PDF objects of `pdf` with `pages`. `every_glyph` is a page that shows every glyph the
/// pages show, with the text each glyph is to copy as.
pub(super) fn make(
    mut pdf: PdfDocument,
    mut pages: Vec<PdfPage>,
    every_glyph: PdfPage,
) -> lopdf::Document {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if pages.len() < HALVES_FROM || cores < 2 {
        pdf.with_pages(pages);
        return save(&pdf);
    }
    // Halves of about as many operations, which is about as much work.
    let total: usize = pages.iter().map(|page| page.ops.len()).sum();
    let mut counted = 0;
    let middle = pages
        .iter()
        .position(|page| {
            counted += page.ops.len();
            counted * 2 >= total
        })
        .map_or(pages.len() / 2, |last| last + 1)
        .clamp(1, pages.len() - 1);
    let mut later = pages.split_off(middle);
    later.push(every_glyph.clone());
    pages.push(every_glyph);
    let later = PdfDocument {
        pages: later,
        ..pdf.clone()
    };
    pdf.with_pages(pages);
    let (mut first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| save(&later));
        (save(&pdf), second.join())
    });
    drop((pdf, later));
    let mut second = second.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    take_last_page(&mut second);
    match take_last_page(&mut first) {
        Some(resources) => append_pages(first, second, resources),
        None => first,
    }
}

/// printpdf's objects for `pdf`, fonts as given (see `fonts.rs`), streams not yet deflated.
fn save(pdf: &PdfDocument) -> lopdf::Document {
    pdf.to_lopdf_document(
        &PdfSaveOptions {
            subset_fonts: true,
            ..Default::default()
        },
        &mut Vec::new(),
    )
}

/// The page tree of `pdf` and its pages.
fn page_tree(pdf: &lopdf::Document) -> Option<(ObjectId, Vec<ObjectId>)> {
    let tree = pdf
        .catalog()
        .ok()?
        .get(b"Pages")
        .ok()?
        .as_reference()
        .ok()?;
    let kids = pdf
        .get_dictionary(tree)
        .ok()?
        .get(b"Kids")
        .ok()?
        .as_array()
        .ok()?
        .iter()
        .filter_map(|kid| kid.as_reference().ok())
        .collect();
    Some((tree, kids))
}

/// Takes `pdf`'s last page out, with its contents and resources, and gives the resources of the
/// page before it (every page's are the same: the document's fonts, named once).
fn take_last_page(pdf: &mut lopdf::Document) -> Option<Object> {
    let (tree, mut kids) = page_tree(pdf)?;
    let last = kids.pop()?;
    if let Some(Object::Dictionary(page)) = pdf.objects.remove(&last) {
        for key in [b"Contents".as_slice(), b"Resources"] {
            if let Ok(id) = page.get(key).and_then(Object::as_reference) {
                pdf.objects.remove(&id);
            }
        }
    }
    set_kids(pdf, tree, &kids);
    let before = pdf.get_dictionary(*kids.last()?).ok()?;
    before.get(b"Resources").ok().cloned()
}

fn set_kids(pdf: &mut lopdf::Document, tree: ObjectId, kids: &[ObjectId]) {
    if let Ok(tree) = pdf.get_dictionary_mut(tree) {
        tree.set("Count", kids.len() as i64);
        tree.set(
            "Kids",
            kids.iter()
                .map(|&kid| Object::Reference(kid))
                .collect::<Vec<_>>(),
        );
    }
}

/// `first` with `second`'s pages after its own, each with its contents and with `resources`.
fn append_pages(
    mut first: lopdf::Document,
    mut second: lopdf::Document,
    resources: Object,
) -> lopdf::Document {
    let (Some((tree, mut kids)), Some((_, later))) = (page_tree(&first), page_tree(&second)) else {
        return first;
    };
    for page in later {
        let Some(Object::Dictionary(mut page)) = second.objects.remove(&page) else {
            continue;
        };
        if let Ok(contents) = page.get(b"Contents").and_then(Object::as_reference) {
            if let Some(stream) = second.objects.remove(&contents) {
                let moved = first.add_object(stream);
                page.set("Contents", Object::Reference(moved));
            }
        }
        page.set("Resources", resources.clone());
        page.set("Parent", Object::Reference(tree));
        kids.push(first.add_object(Object::Dictionary(page)));
    }
    set_kids(&mut first, tree, &kids);
    first
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::Dictionary;

    fn dictionary(entries: Vec<(&str, Object)>) -> Dictionary {
        let mut dictionary = Dictionary::new();
        for (key, value) in entries {
            dictionary.set(key, value);
        }
        dictionary
    }

    fn pages(count: usize) -> lopdf::Document {
        let mut pdf = lopdf::Document::with_version("1.7");
        let tree = pdf.new_object_id();
        let resources = pdf.add_object(Dictionary::new());
        let kids: Vec<ObjectId> = (0..count)
            .map(|n| {
                let contents = pdf.add_object(lopdf::Stream::new(
                    Dictionary::new(),
                    format!("page {n}").into_bytes(),
                ));
                pdf.add_object(dictionary(vec![
                    ("Type", Object::Name(b"Page".to_vec())),
                    ("Parent", Object::Reference(tree)),
                    ("Contents", Object::Reference(contents)),
                    ("Resources", Object::Reference(resources)),
                ]))
            })
            .collect();
        pdf.objects.insert(
            tree,
            Object::Dictionary(dictionary(vec![("Type", Object::Name(b"Pages".to_vec()))])),
        );
        set_kids(&mut pdf, tree, &kids);
        let catalog = pdf.add_object(dictionary(vec![
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(tree)),
        ]));
        pdf.trailer.set("Root", catalog);
        pdf
    }

    fn contents(pdf: &lopdf::Document) -> Vec<String> {
        let (_, kids) = page_tree(pdf).expect("a page tree");
        kids.iter()
            .map(|&kid| {
                let page = pdf.get_dictionary(kid).expect("a page");
                let id = page
                    .get(b"Contents")
                    .and_then(Object::as_reference)
                    .expect("contents");
                let stream = pdf
                    .get_object(id)
                    .and_then(Object::as_stream)
                    .expect("a stream");
                String::from_utf8_lossy(&stream.content).into_owned()
            })
            .collect()
    }

    #[test]
    fn the_second_halfs_pages_follow_the_firsts_without_the_page_each_half_ends_with() {
        let mut first = pages(3);
        let mut second = pages(3);
        let resources = take_last_page(&mut first).expect("the first half's resources");
        take_last_page(&mut second);
        let objects_before = first.objects.len();
        let joined = append_pages(first, second, resources.clone());
        assert_eq!(contents(&joined), ["page 0", "page 1", "page 0", "page 1"]);
        // Each page moved with its contents: two objects a page, no more.
        assert_eq!(joined.objects.len(), objects_before + 4);
        let (tree, kids) = page_tree(&joined).expect("a page tree");
        let count = joined
            .get_dictionary(tree)
            .and_then(|t| t.get(b"Count"))
            .and_then(Object::as_i64);
        assert_eq!(count.ok(), Some(4));
        for kid in kids {
            let page = joined.get_dictionary(kid).expect("a page");
            assert_eq!(
                page.get(b"Parent").and_then(Object::as_reference).ok(),
                Some(tree)
            );
            assert_eq!(page.get(b"Resources").ok(), Some(&resources));
        }
    }
}
