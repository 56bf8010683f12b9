//! The pages of the objects printpdf makes: the last page (the one that showed printpdf every
//! glyph, see `output.rs`) taken out, and each page given the content Rapport wrote for it.

use lopdf::{Object, ObjectId};

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

/// Takes `pdf`'s last page out, with its contents and resources, and gives the pages left.
pub(super) fn take_last_page(pdf: &mut lopdf::Document) -> Option<Vec<ObjectId>> {
    let (tree, mut kids) = page_tree(pdf)?;
    let last = kids.pop()?;
    if let Some(Object::Dictionary(page)) = pdf.objects.remove(&last) {
        for key in [b"Contents".as_slice(), b"Resources"] {
            if let Ok(id) = page.get(key).and_then(Object::as_reference) {
                pdf.objects.remove(&id);
            }
        }
    }
    if let Ok(tree) = pdf.get_dictionary_mut(tree) {
        tree.set("Count", kids.len() as i64);
        tree.set(
            "Kids",
            kids.iter()
                .map(|&kid| Object::Reference(kid))
                .collect::<Vec<_>>(),
        );
    }
    Some(kids)
}

/// Puts `content` in place of `page`'s contents.
pub(super) fn set_contents(pdf: &mut lopdf::Document, page: ObjectId, content: lopdf::Stream) {
    let contents = pdf
        .get_dictionary(page)
        .and_then(|page| page.get(b"Contents"))
        .and_then(Object::as_reference);
    match contents {
        Ok(id) => {
            pdf.objects.insert(id, Object::Stream(content));
        }
        Err(_) => {
            let id = pdf.add_object(content);
            if let Ok(page) = pdf.get_dictionary_mut(page) {
                page.set("Contents", Object::Reference(id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    fn dictionary(entries: Vec<(&str, Object)>) -> Dictionary {
        let mut dictionary = Dictionary::new();
        for (key, value) in entries {
            dictionary.set(key, value);
        }
        dictionary
    }

    /// A document of `count` pages as printpdf makes them, each with its contents ("page N")
    /// and its resources; the last page's contents are left out when `last_without_contents`.
    fn pages(count: usize, last_without_contents: bool) -> lopdf::Document {
        let mut pdf = lopdf::Document::with_version("1.7");
        let tree = pdf.new_object_id();
        let kids: Vec<Object> = (0..count)
            .map(|n| {
                let resources = pdf.add_object(Dictionary::new());
                let mut page = dictionary(vec![
                    ("Type", Object::Name(b"Page".to_vec())),
                    ("Parent", Object::Reference(tree)),
                    ("Resources", Object::Reference(resources)),
                ]);
                if !(last_without_contents && n + 1 == count) {
                    let contents = pdf.add_object(Stream::new(
                        Dictionary::new(),
                        format!("page {n}").into_bytes(),
                    ));
                    page.set("Contents", Object::Reference(contents));
                }
                Object::Reference(pdf.add_object(page))
            })
            .collect();
        pdf.objects.insert(
            tree,
            Object::Dictionary(dictionary(vec![
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Count", Object::Integer(count as i64)),
                ("Kids", Object::Array(kids)),
            ])),
        );
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
    fn the_last_page_goes_with_its_contents_and_the_others_get_theirs() {
        let mut pdf = pages(4, false);
        let objects_before = pdf.objects.len();
        let kids = take_last_page(&mut pdf).expect("pages");
        assert_eq!(kids.len(), 3);
        // The page went with its contents and its resources.
        assert_eq!(pdf.objects.len(), objects_before - 3);
        assert_eq!(contents(&pdf), ["page 0", "page 1", "page 2"]);
        let (tree, _) = page_tree(&pdf).expect("a page tree");
        let count = pdf
            .get_dictionary(tree)
            .and_then(|t| t.get(b"Count"))
            .and_then(Object::as_i64);
        assert_eq!(count.ok(), Some(3));
        for (n, kid) in kids.iter().enumerate() {
            let written = Stream::new(Dictionary::new(), format!("written {n}").into_bytes());
            set_contents(&mut pdf, *kid, written);
        }
        assert_eq!(contents(&pdf), ["written 0", "written 1", "written 2"]);
    }

    #[test]
    fn a_page_without_contents_is_given_them() {
        let mut pdf = pages(2, true);
        let (_, kids) = page_tree(&pdf).expect("a page tree");
        set_contents(
            &mut pdf,
            kids[1],
            Stream::new(Dictionary::new(), b"late".to_vec()),
        );
        assert_eq!(contents(&pdf), ["page 0", "late"]);
    }
}
