//! `rapport language-pack`: corrections to Rapport's translations, shared as a file.

use std::path::Path;

use chrono::Local;
use rapport::store::translations::PackRead;
use rapport::{files, uses, Error, Store};

/// Writes `language` as a language pack, with this record's corrections.
pub fn export(store: &Store, language: &str, out: &Path) -> Result<(), Error> {
    let pack = store.language_pack(language, Local::now().date_naive())?;
    files::write_atomically(out, pack.text.as_bytes())?;
    say!(
        "Wrote {} ({} {}).",
        out.display(),
        pack.corrected,
        if pack.corrected == 1 {
            "correction"
        } else {
            "corrections"
        }
    );
    Ok(())
}

/// Reads a language pack into the record, or with `dry_run` says what it would change.
pub fn import(store: &mut Store, file: &Path, dry_run: bool) -> Result<(), Error> {
    let pack = uses::read_language_pack(file)?;
    let read = match dry_run {
        true => store.dry_run(|store| store.read_language_pack(&pack))?,
        false => store.read_language_pack(&pack)?,
    };
    say!("{}", summary(&read, dry_run));
    Ok(())
}

fn summary(read: &PackRead, dry_run: bool) -> String {
    let strings = |n: usize| if n == 1 { "string" } else { "strings" };
    format!(
        "{} ({}){}: {} {} {} corrected, {} {} back to Rapport's wording, {} unchanged.",
        read.english_name,
        read.name,
        if dry_run { ", nothing changed yet" } else { "" },
        read.changed,
        strings(read.changed),
        if dry_run { "would be" } else { "" },
        read.restored,
        if dry_run { "would go" } else { "went" },
        read.unchanged
    )
    .replace("  ", " ")
}
