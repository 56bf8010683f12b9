//! Settings → Family languages in the real window, with the demo class (José Núñez's family reads
//! Spanish). The teacher finds the letter's title by its English, corrects the Spanish (keeping
//! {child}); a correction that drops {child} is refused under the box and nothing is saved; José's
//! introduction letter prints with the corrected title; the Spanish language pack is exported into
//! the tests' folder, the correction taken back, and the pack imported again after its preview;
//! a pack that drops {child} is refused line by line and changes nothing. axe-core finds no
//! violation on the section, nor with a refused pack's problems shown.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use rapport_e2e::{
    pdf_text, printed_dir, record_with_demo_class, student_id, workspace_root, Session, WAIT,
};

/// The Spanish title the teacher writes, keeping its placeholder.
const CORRECTED: &str = "Bienvenidos a un año nuevo con {child}";
/// The same without {child}: refused.
const WITHOUT_CHILD: &str = "Bienvenidos a un año nuevo";

/// The language packs (TOML files) in `folder`.
fn packs(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("the tests' folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "toml"))
        .collect()
}

/// Waits until `js` (a script returning true or false) returns true, failing with `what`.
async fn wait_until(app: &Session, js: &str, what: &str) {
    let started = Instant::now();
    loop {
        if app.script(js).await == serde_json::Value::Bool(true) {
            return;
        }
        assert!(started.elapsed() < WAIT, "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// A script's string answer.
async fn script_text(app: &Session, js: &str) -> String {
    app.script(js)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// What the language select's chosen option says ("Spanish — Español (1 corrected)").
async fn chosen_language(app: &Session) -> String {
    script_text(
        app,
        "return document.querySelector('#translation-language').selectedOptions[0].textContent",
    )
    .await
}

/// What the letter title's box holds.
async fn title_text(app: &Session) -> String {
    script_text(
        app,
        "return document.querySelector('#translation-letter-title').value",
    )
    .await
}

/// Waits until the element with `id` has the focus.
async fn wait_for_focus(app: &Session, id: &str) {
    wait_until(
        app,
        &format!("return document.activeElement?.id === '{id}'"),
        &format!("the focus never reached #{id}"),
    )
    .await;
}

/// Fails with every WCAG 2.1 A/AA violation axe finds in the window as it is, under `what`.
async fn assert_accessible(app: &Session, what: &str) {
    let violations = app.accessibility_violations().await;
    assert!(violations.is_empty(), "{what}: {violations:#?}");
}

/// Waits until the strings shown are those of the language `code`.
async fn wait_for_language(app: &Session, code: &str) {
    wait_until(
        app,
        &format!("return document.querySelector('#translation-letter-title')?.lang === '{code}'"),
        &format!("the strings of {code} are never shown"),
    )
    .await;
}

/// Opens Settings at Family languages, with Spanish shown and the letter's title found.
async fn find_the_title(app: &Session) {
    app.go("#/settings").await;
    app.wait_for("#family-languages-title").await;
    wait_for_language(app, "es").await;
    app.fill("#translation-filter", "Welcome").await;
    wait_until(
        app,
        "const row = document.querySelector('[data-key=\"letter.title\"]');
         return !!row && row.getClientRects().length > 0;",
        "the letter's title shows under the filter",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_corrects_a_translation_and_shares_it_as_a_language_pack() {
    let data = tempfile::tempdir().unwrap();
    let class = record_with_demo_class(data.path());
    let jose = student_id(data.path(), class, "José Núñez");
    let folder = printed_dir(data.path());

    // 1. Settings → Family languages, as it first shows.
    let app = Session::launch(data.path()).await;
    app.go("#/settings").await;
    app.wait_for("#family-languages-title").await;
    app.script("document.querySelector('#family-languages').scrollIntoView()")
        .await;
    assert_eq!(
        app.script("return document.querySelector('#translation-language').value")
            .await,
        "es",
        "the first language other than English is shown"
    );
    wait_for_language(&app, "es").await;
    assert!(
        !app.text("#translation-made").await.trim().is_empty(),
        "how the translation was made is said"
    );
    assert_accessible(&app, "Family languages").await;

    // 2. The filter finds the letter's title by its English; the correction keeps {child}.
    find_the_title(&app).await;
    let rows = app
        .script(
            "const rows = [...document.querySelectorAll('#translation-groups [data-key]')];
             return [rows.length, rows.filter((r) => !r.hidden).length];",
        )
        .await;
    let (all, shown) = (rows[0].as_u64().unwrap(), rows[1].as_u64().unwrap());
    assert!(all > 100, "every family-facing string is listed: {all}");
    assert!(
        shown >= 1 && shown < all,
        "the filter leaves {shown} of {all}"
    );
    app.wait_for_text("#translation-count", &format!("of {all} strings shown"))
        .await;
    assert_eq!(
        app.script("return document.querySelector('#translation-letter-title').lang")
            .await,
        "es"
    );
    let rapport = title_text(&app).await;
    assert!(rapport.contains("{child}"), "{rapport}");
    assert!(!chosen_language(&app).await.contains("corrected"));
    app.fill("#translation-letter-title", CORRECTED).await;
    app.wait_for_text("#translation-letter-title-state", "Not saved")
        .await;
    app.click("#translation-letter-title-save").await;
    app.wait_for_text("#translation-letter-title-state", "Corrected")
        .await;
    app.wait_for_text("#translation-letter-title-rapport", &rapport)
        .await;
    assert!(
        chosen_language(&app).await.contains("(1 corrected)"),
        "{}",
        chosen_language(&app).await
    );
    app.screenshot(&workspace_root().join("target/e2e-screens/family-languages.png"))
        .await;

    // 3. A correction without {child} is refused under the box, and nothing is saved.
    app.fill("#translation-letter-title", WITHOUT_CHILD).await;
    app.click("#translation-letter-title-save").await;
    app.wait_for_text("#translation-letter-title-error", "{child}")
        .await;
    assert_eq!(
        app.script("return document.querySelector('#translation-letter-title').getAttribute('aria-invalid')")
            .await,
        "true"
    );
    let described = script_text(
        &app,
        "return document.querySelector('#translation-letter-title').getAttribute('aria-describedby')",
    )
    .await;
    assert!(
        described.contains("translation-letter-title-error"),
        "{described}"
    );
    assert_accessible(&app, "a correction refused").await;
    // Read again (French, then Spanish): the unsaved text is dropped when asked, the saved stays.
    app.select("#translation-language", "fr").await;
    app.wait_for("#confirm-dialog[open]").await;
    app.click("#confirm-yes").await;
    wait_for_language(&app, "fr").await;
    app.select("#translation-language", "es").await;
    wait_for_language(&app, "es").await;
    wait_until(
        &app,
        &format!(
            "return document.querySelector('#translation-letter-title')?.value === {}",
            serde_json::Value::from(CORRECTED)
        ),
        "the saved correction is read back",
    )
    .await;
    app.wait_for_text("#translation-letter-title-state", "Corrected")
        .await;

    // 4. José's family reads Spanish: his letter prints with the corrected title.
    app.go(&format!("#/students/{jose}")).await;
    app.wait_for_text("#student-name", "José Núñez").await;
    app.click("#print-letter").await;
    app.wait_for_text("#status", "Letter saved to").await;
    // Lines wrap where the page ends: read the words, not the line breaks.
    let letter = pdf_text(&folder.join("Introduction letter — José Núñez.pdf"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        letter.contains("Bienvenidos a un año nuevo con José"),
        "{letter}"
    );

    // 5. The Spanish language pack, exported into the tests' folder.
    app.go("#/settings").await;
    app.wait_for("#family-languages-title").await;
    wait_for_language(&app, "es").await;
    app.click("#translation-export").await;
    app.wait_for_text("#translation-status", "Saved").await;
    app.wait_for_text("#translation-status", "(1 correction)")
        .await;
    let exported = packs(&folder);
    assert_eq!(exported.len(), 1, "one language pack: {exported:?}");
    let pack = std::fs::read_to_string(&exported[0]).expect("read the pack");
    assert!(pack.contains("code = \"es\""), "{pack}");
    assert!(pack.contains(CORRECTED), "{pack}");

    // 6. Back to Rapport's wording.
    find_the_title(&app).await;
    app.click("#translation-letter-title-reset").await;
    app.wait_for("#confirm-dialog[open]").await;
    app.click("#confirm-yes").await;
    app.wait_without_text("#translation-letter-title-state", "Corrected")
        .await;
    assert_eq!(title_text(&app).await, rapport);
    assert!(!chosen_language(&app).await.contains("corrected"));

    // 7. The pack imported again: its preview first, then the correction is back.
    app.click("#translation-import").await;
    app.wait_for_text("#translation-import-text", "1 string becomes a correction")
        .await;
    let preview = app.text("#translation-import-text").await;
    assert!(preview.contains("Spanish"), "{preview}");
    assert_accessible(&app, "a language pack's preview").await;
    app.click("#translation-import-confirm").await;
    app.wait_for_text("#translation-status", "Imported").await;
    app.wait_for_text("#translation-letter-title-state", "Corrected")
        .await;
    assert_eq!(title_text(&app).await, CORRECTED);
    assert!(chosen_language(&app).await.contains("(1 corrected)"));

    // 8. A pack that drops {child} (the newest in the folder) is refused line by line.
    let broken_text = pack.replacen(CORRECTED, WITHOUT_CHILD, 1);
    let line = broken_text
        .lines()
        .position(|l| l.contains(WITHOUT_CHILD))
        .expect("the title's line")
        + 1;
    let broken = folder.join("es-broken.toml");
    std::fs::write(&broken, broken_text.as_bytes()).unwrap();
    std::fs::File::options()
        .write(true)
        .open(broken)
        .and_then(|f| f.set_modified(SystemTime::now() + Duration::from_secs(60)))
        .expect("the broken pack is the newest");
    app.click("#translation-import").await;
    app.wait_for("#translation-problems").await;
    wait_for_focus(&app, "translation-problems-title").await;
    let problems = app.text("#translation-problems").await;
    assert!(problems.contains("es-broken.toml"), "{problems}");
    assert!(problems.contains(&format!("line {line}")), "{problems}");
    assert!(problems.contains("letter.title"), "{problems}");
    // Nothing changed.
    assert_eq!(title_text(&app).await, CORRECTED);
    assert!(chosen_language(&app).await.contains("(1 corrected)"));

    // 9. The problems shown pass axe too.
    assert_accessible(&app, "a language pack refused").await;

    // 10. Arabic is written from the right: every box says so, and the section still passes axe
    // with the packet's strings unfolded.
    app.select("#translation-language", "ar").await;
    wait_for_language(&app, "ar").await;
    app.fill("#translation-filter", "Goals").await;
    wait_until(
        &app,
        "const box = document.querySelector('#translation-packet-goals');
         return !!box && box.getClientRects().length > 0 && box.dir === 'rtl';",
        "the packet's heading shows, right to left",
    )
    .await;
    app.script("document.querySelector('[data-key=\"packet.goals\"]').scrollIntoView()")
        .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/family-languages-arabic.png"))
        .await;
    assert_accessible(&app, "Arabic strings").await;
    app.quit().await;
}
