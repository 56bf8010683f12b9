//! The handoff to next year's teacher in the real window. Students → "Hand over to next year’s
//! teacher…": none chosen is refused at the list, two children are chosen and the file is saved;
//! "Receive a handoff…" then reads that very file (the newest in the tests' folder) back into the
//! class: both children match themselves on the school's id, and nothing already there is doubled.
//! From a protected record, a child's page hands over just that child in an encrypted file: its
//! one-time passphrase is shown once, a wrong one is refused at its field, and the right one, typed
//! in small letters with spaces, opens it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rapport_e2e::{printed_dir, record_with_demo_class, student_id, workspace_root, Session, WAIT};

const PASSPHRASE: &str = "maple canoe tuesday lantern";

/// The handoff files saved in `folder`.
fn handoff_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .expect("the tests' folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|x| x == "rapport-handoff"))
        .collect()
}

/// How many children and guardians the record in `data_dir` holds (read while the app is closed).
fn counts(data_dir: &Path) -> (i64, i64) {
    let store =
        rapport::Store::open(data_dir.join(rapport::paths::DB_FILE_NAME)).expect("open the record");
    let health = store.check().expect("the record's health");
    (health.students, health.guardians)
}

/// Waits until the element with `id` has the focus.
async fn wait_for_focus(app: &Session, id: &str) {
    let started = Instant::now();
    loop {
        let focused = app
            .script("return document.activeElement && document.activeElement.id")
            .await;
        if focused == id {
            return;
        }
        assert!(
            started.elapsed() < WAIT,
            "the focus is on {focused}, not on #{id}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Fails with every WCAG 2.1 A/AA violation axe finds in the window as it is, under `what`.
async fn assert_accessible(app: &Session, what: &str) {
    let violations = app.accessibility_violations().await;
    assert!(violations.is_empty(), "{what}: {violations:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn two_children_are_handed_over_and_the_file_reads_back_into_the_class() {
    let data = tempfile::tempdir().unwrap();
    let class = record_with_demo_class(data.path());
    let jose = student_id(data.path(), class, "José Núñez");
    let sofia = student_id(data.path(), class, "Sofía García");
    let before = counts(data.path());
    let folder = printed_dir(data.path());

    let app = Session::launch(data.path()).await;
    app.go("#/students").await;
    app.wait_for_text("#student-total", "30").await;
    app.click("#hand-over").await;
    app.wait_for("#handoff-dialog[open]").await;
    app.wait_for_text("#handoff-count", "30 of 30 children chosen")
        .await;
    let intro = app.text("#handoff-intro").await;
    assert!(intro.contains("Private notes"), "{intro}");
    assert_accessible(&app, "the handoff dialog").await;

    // None chosen: said at the list, and no file is written.
    app.click("#handoff-none").await;
    app.wait_for_text("#handoff-count", "No child chosen").await;
    app.click("#save-handoff").await;
    app.wait_for_text("#handoff_children-error", "Choose at least one child")
        .await;
    assert!(handoff_files(&folder).is_empty());

    // Two children.
    app.click(&format!("#handoff-child-{jose}")).await;
    app.click(&format!("#handoff-child-{sofia}")).await;
    app.wait_for_text("#handoff-count", "2 of 30 children chosen")
        .await;
    app.click("#save-handoff").await;
    app.wait_for_text(
        "#handoff-saved-text",
        "Saved the handoff file of 2 children",
    )
    .await;
    // The demo record is not protected: no passphrase, and the dialog says the file is plain.
    app.wait_for("#handoff-not-encrypted").await;
    let files = handoff_files(&folder);
    assert_eq!(files.len(), 1, "one handoff file: {files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("Handoff 2 children "), "{name}");
    assert_accessible(&app, "the handoff file saved").await;
    app.click("#handoff-done").await;
    app.wait_without_text("body", "Saved the handoff file")
        .await;

    // Receive: the open dialog (the tests' folder) picks the file just saved.
    app.click("#receive-handoff").await;
    app.wait_for("#receive-handoff-dialog[open]").await;
    app.wait_for_text("#handoff-children", "Sofía García").await;
    let children = app.text("#handoff-children").await;
    assert!(children.contains("José Núñez"), "{children}");
    assert!(
        children.contains("Already in your class (school id S"),
        "{children}"
    );
    assert!(!children.contains("New to your class"), "{children}");
    assert!(children.contains("already here"), "{children}");
    let rows = app
        .script("return document.querySelectorAll('#handoff-children li').length")
        .await;
    assert_eq!(rows.as_u64(), Some(2), "two children in the preview");
    app.wait_for_text("#handoff-from", "Jordan Rivera").await;
    app.wait_for_text("#receive-handoff-confirm", "Receive 2 children")
        .await;
    assert_accessible(&app, "the handoff's preview").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/handoff-preview.png"))
        .await;

    app.click("#receive-handoff-confirm").await;
    app.wait_for_text(
        "#handoff-received",
        "Received 2 children: 2 already in your class",
    )
    .await;
    assert_accessible(&app, "the handoff received").await;
    app.click("#receive-handoff-done").await;
    app.wait_without_text("body", "Received 2 children").await;
    app.wait_for_text("#student-total", "30").await;
    // The list is drawn again, and the focus is back on the button.
    wait_for_focus(&app, "receive-handoff").await;
    app.quit().await;

    // Nobody is doubled: the same children and guardians, with the year's summary in the notes.
    assert_eq!(counts(data.path()), before);
    let store = rapport::Store::open(data.path().join(rapport::paths::DB_FILE_NAME)).unwrap();
    for id in [jose, sofia] {
        let notes = store.student(id).unwrap().details.notes;
        assert!(notes.contains("Handed over by Jordan Rivera on"), "{notes}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_protected_records_handoff_opens_only_with_its_one_time_passphrase() {
    let data = tempfile::tempdir().unwrap();
    let class = record_with_demo_class(data.path());
    let jose = student_id(data.path(), class, "José Núñez");
    let db = data.path().join(rapport::paths::DB_FILE_NAME);
    let mut store = rapport::Store::open(&db).unwrap();
    store.protect(PASSPHRASE).unwrap();
    drop(store);

    let app = Session::launch_until(data.path(), "#lock h1").await;
    app.fill("#passphrase", PASSPHRASE).await;
    app.click("#unlock").await;
    app.wait_for("#view h1").await;

    // From José's page: the class's children, only José ticked.
    app.go(&format!("#/students/{jose}")).await;
    app.wait_for_text("#student-name", "José Núñez").await;
    app.click("#hand-over-student").await;
    app.wait_for("#handoff-dialog[open]").await;
    app.wait_for_text("#handoff-count", "1 of 30 children chosen")
        .await;
    let ticked = app
        .script("return [...document.querySelectorAll('#handoff-list input:checked')].map((box) => box.value)")
        .await;
    assert_eq!(ticked, serde_json::json!([jose.to_string()]));
    app.wait_for_text(
        "#handoff-protection",
        "is protected, so the file is encrypted",
    )
    .await;
    app.click("#save-handoff").await;
    app.wait_for_text("#handoff-saved-text", "Saved the handoff file of 1 child")
        .await;

    // The one-time passphrase, shown once.
    let passphrase = app.text("#handoff-passphrase").await;
    assert_eq!(passphrase.trim().split('-').count(), 5, "{passphrase}");
    app.wait_for_text("#handoff-passphrase-note", "It is shown only now")
        .await;
    assert_accessible(&app, "the one-time passphrase").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/handoff-passphrase.png"))
        .await;
    let files = handoff_files(&printed_dir(data.path()));
    assert_eq!(files.len(), 1, "one handoff file: {files:?}");
    let bytes = std::fs::read(&files[0]).unwrap();
    assert!(
        !String::from_utf8_lossy(&bytes).contains("Núñez"),
        "the file is encrypted"
    );
    app.click("#handoff-done").await;
    app.wait_without_text("body", "One-time passphrase").await;

    // Receive: the file asks for its passphrase; a wrong one is refused at the field.
    app.go("#/students").await;
    app.click("#receive-handoff").await;
    app.wait_for("#receive-handoff-dialog[open]").await;
    app.wait_for("#handoff_passphrase").await;
    assert_accessible(&app, "the handoff's passphrase").await;
    app.fill("#handoff_passphrase", "AAAA-BBBB-CCCC-DDDD-EEEE")
        .await;
    app.click("#receive-handoff-open").await;
    app.wait_for_text("#handoff_passphrase-error", "not this file")
        .await;
    assert_accessible(&app, "a wrong one-time passphrase").await;

    // The right one, as a teacher may type it from paper.
    let typed = passphrase.trim().to_lowercase().replace('-', " ");
    app.fill("#handoff_passphrase", &typed).await;
    app.click("#receive-handoff-open").await;
    app.wait_for_text("#handoff-children", "José Núñez").await;
    app.wait_for_text("#handoff-children", "Already in your class (school id S")
        .await;
    app.click("#receive-handoff-confirm").await;
    app.wait_for_text(
        "#handoff-received",
        "Received 1 child: 1 already in your class",
    )
    .await;
    app.click("#receive-handoff-done").await;
    app.wait_for_text("#student-total", "30").await;
    app.quit().await;

    let store = rapport::Store::unlock(&db, PASSPHRASE).unwrap();
    let notes = store.student(jose).unwrap().details.notes;
    assert!(notes.contains("Handed over by Jordan Rivera on"), "{notes}");
    assert_eq!(store.check().unwrap().students, 30);
}
