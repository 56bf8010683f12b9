//! Protecting the record in the real window: a passphrase set in Settings (a short one and two
//! different ones refused at their fields), the recovery key shown once and its sheet saved, the
//! record and its backup encrypted on disk; "Lock now" (Alt+K) leaves no child's name in the page;
//! wrong passphrases get a clear message and then a wait; the right one opens the record again;
//! a new passphrase is set in Settings; the window locks when the computer wakes from sleep and
//! by itself when left idle; the recovery key sets a new passphrase.

use rapport::protect;
use rapport_e2e::{
    pdf_text, printed_dir, record_with_demo_class, record_with_one_family, workspace_root, Session,
};

const PASSPHRASE: &str = "maple canoe tuesday lantern";
const ALT_K: &str = "\u{e00a}k\u{e000}";

/// A child's name from the demo class, as the page shows it.
async fn a_child_on_today(app: &Session) -> String {
    app.go("#/students").await;
    app.wait_for(".student-list a[href^=\"#/students/\"]").await;
    let name = app
        .script("return document.querySelector('.student-list a[href^=\"#/students/\"]').textContent.trim()")
        .await;
    name.as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_protects_the_record_locks_it_and_opens_it_again() {
    let data = tempfile::tempdir().unwrap();
    record_with_demo_class(data.path());
    let db = data.path().join(rapport::paths::DB_FILE_NAME);
    let app = Session::launch(data.path()).await;
    let child = a_child_on_today(&app).await;

    app.go("#/settings").await;
    app.click("#protect-start").await;
    app.wait_for("#protection-promise").await;
    assert!(app
        .text("#protection-promise")
        .await
        .contains("Without both, nobody can open the record"));
    app.fill("#new_passphrase", "short").await;
    app.fill("#new_passphrase_again", "short").await;
    app.click("#protect-submit").await;
    app.wait_for_text("#new_passphrase-error", "at least 8 characters")
        .await;
    app.fill("#new_passphrase", PASSPHRASE).await;
    app.fill("#new_passphrase_again", "maple canoe tuesday lanterns")
        .await;
    app.click("#protect-submit").await;
    app.wait_for_text("#new_passphrase_again-error", "not the same")
        .await;
    app.fill("#new_passphrase_again", PASSPHRASE).await;
    app.screenshot(&workspace_root().join("target/e2e-screens/protect-form.png"))
        .await;
    app.click("#protect-submit").await;

    // The recovery key, once, and its sheet.
    let key = app.text("#recovery-key").await;
    assert_eq!(key.split('-').count(), 8, "{key}");
    assert_eq!(
        app.script("return document.querySelector('#recovery-done').disabled")
            .await,
        true
    );
    app.click("#save-recovery-sheet").await;
    app.wait_for_text("#recovery-sheet-note", "Saved to").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/recovery-key.png"))
        .await;
    let sheet = printed_dir(data.path()).join("Rapport recovery sheet.pdf");
    let text = pdf_text(&sheet);
    assert!(text.contains("Rapport recovery sheet"), "{text}");
    let bare = |t: &str| t.replace(|c: char| c.is_whitespace() || c == '-', "");
    assert!(
        bare(&text).contains(&bare(&key)),
        "the key on the sheet: {text}"
    );
    app.click("#recovery-kept").await;
    app.click("#recovery-done").await;
    // The window starts again, now with the lock.
    app.wait_for("#protection-state").await;

    // On disk: the record is encrypted, and so is every backup beside it.
    assert!(protect::is_protected(&db).unwrap());
    assert!(protect::key_path(&db).exists());

    // Lock now (Alt+K): the locked screen, with nothing of the record in the page.
    app.wait_for("#lock-now:not([hidden])").await;
    app.press("#shortcuts-button", ALT_K).await;
    app.wait_for_text("#lock h1", "Rapport is locked").await;
    let page = app.script("return document.body.innerText").await;
    let page = page.as_str().unwrap();
    assert!(
        !page.contains(&child),
        "{child} is still in the locked page"
    );
    let violations = app.accessibility_violations().await;
    assert!(violations.is_empty(), "the locked screen: {violations:?}");

    // Wrong passphrases: a clear message, then a wait after the third.
    for _ in 0..3 {
        app.fill("#passphrase", "not my passphrase").await;
        app.click("#unlock").await;
        app.wait_for_text("#unlock-form .form-alert", "does not open this record")
            .await;
    }
    app.wait_for_text("#unlock", "Try again in").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/locked.png"))
        .await;
    assert!(protect::is_protected(&db).unwrap());
    // The right one, once the wait is over.
    app.wait_for_text("#unlock", "Unlock").await;
    app.fill("#passphrase", PASSPHRASE).await;
    app.click("#unlock").await;
    app.wait_for("#view h1").await;
    assert_eq!(a_child_on_today(&app).await, child);

    // Settings of a protected record: when it locks, and a new passphrase.
    app.go("#/settings").await;
    app.wait_for("#protection-state").await;
    app.click("#change-passphrase-start").await;
    app.wait_for("#change-passphrase-form").await;
    let violations = app.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "Settings → Protection: {violations:?}"
    );
    app.fill("#passphrase", "not my passphrase").await;
    app.fill("#new_passphrase", "lantern canoe maple").await;
    app.fill("#new_passphrase_again", "lantern canoe maple")
        .await;
    app.click("#change-passphrase-submit").await;
    app.wait_for_text(
        "#change-passphrase-form .form-alert",
        "does not open this record",
    )
    .await;
    app.fill("#passphrase", PASSPHRASE).await;
    app.click("#change-passphrase-submit").await;
    app.wait_for("#change-passphrase-start").await;
    // The computer sleeps and wakes: the clock jumps two minutes between two ticks.
    app.script("const real = Date.now; Date.now = () => real() + 120000;")
        .await;
    app.wait_for_text("#lock h1", "Rapport is locked").await;
    app.quit().await;
    assert!(rapport::Store::unlock(&db, "lantern canoe maple").is_ok());

    // Left idle, the window locks by itself (the tests' seam makes minutes seconds).
    let app = Session::launch_with(
        data.path(),
        "#lock h1",
        &[("RAPPORT_IDLE_LOCK_SECONDS", "3")],
    )
    .await;
    app.fill("#passphrase", "lantern canoe maple").await;
    app.click("#unlock").await;
    app.wait_for("#view h1").await;
    app.wait_for_text("#lock h1", "Rapport is locked").await;

    // Forgotten passphrase: the recovery key from the sheet sets a new one.
    app.click("#forgot-passphrase").await;
    app.fill("#recovery_key", &key.to_lowercase().replace('-', " "))
        .await;
    app.fill("#new_passphrase", "a brand new passphrase").await;
    app.fill("#new_passphrase_again", "a brand new passphrase")
        .await;
    app.click("#recover").await;
    app.wait_for("#view h1").await;
    app.quit().await;
    assert!(rapport::Store::unlock(&db, "a brand new passphrase").is_ok());
    assert!(matches!(
        rapport::Store::unlock(&db, "lantern canoe maple"),
        Err(rapport::Error::WrongPassphrase)
    ));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_first_start_offers_to_protect_the_record() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join(rapport::paths::DB_FILE_NAME);
    let app = Session::launch_until(data.path(), "#welcome").await;
    app.click("#protect-start").await;
    app.fill("#new_passphrase", PASSPHRASE).await;
    app.fill("#new_passphrase_again", PASSPHRASE).await;
    app.click("#protect-submit").await;
    app.wait_for("#recovery-key").await;
    let violations = app.accessibility_violations().await;
    assert!(violations.is_empty(), "the recovery key: {violations:?}");
    app.click("#recovery-kept").await;
    app.click("#recovery-done").await;
    app.wait_for_text("#protect-offer h2", "This record is protected")
        .await;
    // The class is made in the protected record.
    app.fill("#class_name", "Grade 2 — Room 4").await;
    app.click("#setup-class").await;
    app.wait_for("#students-title").await;
    app.quit().await;
    assert!(protect::is_protected(&db).unwrap());
    let store = rapport::Store::unlock(&db, PASSPHRASE).unwrap();
    assert_eq!(store.classes().unwrap()[0].details.name, "Grade 2 — Room 4");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_protected_copy_from_another_computer_restores_with_its_passphrase() {
    // Computer A: a protected record, and a copy of it on a USB stick (its key file beside it).
    let a = tempfile::tempdir().unwrap();
    record_with_demo_class(a.path());
    let mut store = rapport::Store::open(a.path().join(rapport::paths::DB_FILE_NAME)).unwrap();
    store.protect(PASSPHRASE).unwrap();
    let usb = tempfile::tempdir().unwrap();
    let copy = usb.path().join("rapport-copy.sqlite3");
    store.back_up_to(&copy).unwrap();
    drop(store);

    // Computer B: a plain record of its own. The open dialog (the tests' folder) finds the copy.
    let b = tempfile::tempdir().unwrap();
    record_with_one_family(b.path());
    let db = b.path().join(rapport::paths::DB_FILE_NAME);
    let folder = printed_dir(b.path());
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(&copy, folder.join("rapport-copy.sqlite3")).unwrap();
    std::fs::copy(
        protect::key_path(&copy),
        protect::key_path(&folder.join("rapport-copy.sqlite3")),
    )
    .unwrap();
    let app = Session::launch(b.path()).await;
    app.go("#/settings").await;
    app.click("#restore-from-file").await;
    app.click("#confirm-yes").await;
    app.wait_for("#ask-passphrase-dialog[open]").await;
    let violations = app.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "the copy's passphrase: {violations:?}"
    );
    app.fill("#ask_passphrase", "not the passphrase").await;
    app.click("#ask-passphrase-submit").await;
    app.wait_for_text("#ask-passphrase-alert", "does not open")
        .await;
    assert!(!protect::is_protected(&db).unwrap());
    app.fill("#ask_passphrase", PASSPHRASE).await;
    app.click("#ask-passphrase-submit").await;
    // The window starts again on the copy, protected by its passphrase.
    app.wait_for("#protection-state").await;
    app.wait_for("#lock-now:not([hidden])").await;
    app.quit().await;
    let store = rapport::Store::unlock(&db, PASSPHRASE).unwrap();
    assert_eq!(store.check().unwrap().students, 30);
}
