//! The teacher's day in the real window: nothing typed is lost (drafts outlive Escape, another
//! page and a restart), private notes leave the screen while sitting with the family, the keyboard
//! reaches the common notes in a few keys, long text is folded, a text box nearly full says so,
//! and families whose language has no handout are named before printing.

use rapport_e2e::{record_with_demo_class, record_with_one_family, Session};

const ESCAPE: &str = "\u{e00c}";

/// Adds a long private note and a private contact to the one family's record.
fn with_private_notes(data: &std::path::Path, student: rapport::model::Id) {
    use rapport::model::*;
    let mut store = rapport::Store::open(data.join(rapport::paths::DB_FILE_NAME)).unwrap();
    let mut details = store.student(student).unwrap().details;
    details.notes = "Mum works nights at the hospital; call after 4 pm. ".repeat(60);
    store.update_student(student, &details).unwrap();
    store
        .log_contact(
            &ContactDetails {
                student_id: student,
                guardian_id: None,
                happened_on: chrono::Local::now().date_naive(),
                method: ContactMethod::Phone,
                initiated_by: Initiator::Teacher,
                kind: ContactKind::Information,
                summary: "Talked about the custody hearing next week.".into(),
                outcome: String::new(),
                reached: true,
                follow_up_on: None,
                follow_up_done: false,
                sensitive: true,
            },
            &ContactLinks::default(),
        )
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn typed_work_comes_back_after_escape_another_page_and_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let page = format!("#/students/{student}");
    let app = Session::launch(data.path()).await;
    app.go(&page).await;

    // Escape closes the concern form; what was typed is kept.
    app.click("#add-concern").await;
    app.fill(
        "#concern_observed",
        "Put his head down during maths, three days running",
    )
    .await;
    app.press("#concern_observed", ESCAPE).await;
    app.wait_for_text("#status", "Draft kept").await;
    app.click("#add-concern").await;
    app.wait_for_text("#concern-form-draft-note", "is back")
        .await;
    let typed = "return document.querySelector('#concern_observed').value";
    assert_eq!(
        app.script(typed).await,
        "Put his head down during maths, three days running"
    );

    // A goal half written, then a click on Today in the sidebar: it is there on coming back.
    app.click("#add-goal").await;
    app.fill("#goal_statement", "Read aloud for ten minutes each night")
        .await;
    app.click("#nav-today").await;
    app.wait_for("#today").await;
    app.quit().await;

    // After a restart both drafts come back; Discard empties the form for good.
    let app = Session::launch(data.path()).await;
    app.go(&page).await;
    app.click("#add-goal").await;
    app.wait_for_text("#goal-form-draft-note", "is back").await;
    assert_eq!(
        app.script("return document.querySelector('#goal_statement').value")
            .await,
        "Read aloud for ten minutes each night"
    );
    app.click("#goal-form-discard-draft").await;
    assert_eq!(
        app.script("return document.querySelector('#goal_statement').value")
            .await,
        ""
    );
    app.click("#cancel-goal").await;
    app.click("#add-goal").await;
    app.wait_for("#goal_statement").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        app.script("return document.querySelector('#goal-form-draft-note') === null")
            .await
            .as_bool()
            .unwrap(),
        "a discarded draft stays gone"
    );
    app.click("#cancel-goal").await;

    // The concern's draft is back too; saving the form drops it.
    app.click("#add-concern").await;
    app.wait_for_text("#concern-form-draft-note", "is back")
        .await;
    app.click("#save-concern").await;
    app.wait_for_text("#concern-list", "three days running")
        .await;
    app.click("#add-concern").await;
    app.wait_for("#concern_observed").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.script(typed).await, "", "a saved form leaves no draft");

    // The contact dialog keeps its draft too: Escape, then Log a contact again.
    app.press("#concern_observed", ESCAPE).await;
    app.click("#log-contact").await;
    app.wait_for("#contact-dialog[open]").await;
    let focused = "return document.activeElement && document.activeElement.id";
    assert_eq!(
        app.script(focused).await,
        "contact_summary",
        "the dialog starts where a person types"
    );
    // An empty "Follow up on" shows no date; in a 900×600 window "We spoke" is in sight.
    let empty =
        "return document.querySelector('#contact_follow_up_on').classList.contains('empty')";
    assert_eq!(app.script(empty).await, true);
    app.client.set_window_size(900, 600).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let in_sight = app
        .script(
            "const box = document.querySelector('#contact_reached').getBoundingClientRect();
             const foot = document.querySelector('#contact-dialog .form-actions').getBoundingClientRect();
             return box.top >= 0 && box.bottom <= Math.min(foot.top, window.innerHeight);",
        )
        .await;
    assert_eq!(in_sight, true, "We spoke is visible at 900×600");
    app.client.set_window_size(1280, 800).await.unwrap();
    app.fill("#contact_summary", "Left a message about the class trip")
        .await;
    app.press("#contact_summary", ESCAPE).await;
    app.wait_for_text("#status", "Draft kept").await;
    app.click("#log-contact").await;
    app.wait_for_text("#contact-form-draft-note", "is back")
        .await;
    assert_eq!(
        app.script("return document.querySelector('#contact_summary').value")
            .await,
        "Left a message about the class trip"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sitting_with_the_family_hides_every_private_note() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    with_private_notes(data.path(), student);
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{student}")).await;

    // The long private note is marked private and folded.
    app.wait_for_text("#notes-title", "Private notes").await;
    app.wait_for_text("#student-notes-section .fold-toggle", "Show all")
        .await;
    let height = "return document.querySelector('#student-notes').getBoundingClientRect().height";
    let folded = app.script(height).await.as_f64().unwrap();
    app.click("#student-notes-section .fold-toggle").await;
    app.wait_for_text("#student-notes-section .fold-toggle", "Show less")
        .await;
    assert!(app.script(height).await.as_f64().unwrap() > folded * 3.0);

    let shown = |css: &str| {
        format!("const el = document.querySelector('{css}'); return !!el && el.getClientRects().length > 0;")
    };
    assert_eq!(app.script(&shown("#student-notes-section")).await, true);
    assert_eq!(app.script(&shown("li.contact.is-private")).await, true);
    assert_eq!(app.script(&shown(".no-contact-reason")).await, true);

    app.click("#family-view-toggle").await;
    app.wait_for_text("#family-view-banner", "Private notes are hidden")
        .await;
    for css in [
        "#student-notes-section",
        "li.contact.is-private",
        ".no-contact-reason",
    ] {
        assert_eq!(app.script(&shown(css)).await, false, "{css} is hidden");
    }
    assert_eq!(
        app.script(
            "return document.querySelector('#family-view-toggle').getAttribute('aria-pressed')"
        )
        .await,
        "true"
    );
    app.quit().await;

    // Still on after a restart (in the middle of a meeting), until the teacher turns it off.
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{student}")).await;
    app.wait_for("#student-name").await;
    assert_eq!(app.script(&shown("#student-notes-section")).await, false);
    app.click("#family-view-end").await;
    app.wait_for_text("#status", "shown again").await;
    assert_eq!(app.script(&shown("#student-notes-section")).await, true);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_reaches_the_common_notes_in_a_few_keys() {
    let data = tempfile::tempdir().unwrap();
    record_with_demo_class(data.path());
    let app = Session::launch(data.path()).await;

    // Today: the first call to make is a few Tabs from the top of the window.
    app.go("#/today").await;
    app.wait_for("#today-call-first").await;
    let to_call = app
        .tabs_to("#today-call-first .today-action")
        .await
        .unwrap();
    assert!(to_call <= 12, "{to_call} Tabs to the first call");

    // A child's page: "Concerns" in the jump menu, then one Tab, reaches "Note a concern".
    let page = app
        .script(
            "return document.querySelector('#today-call-first .student-name').getAttribute('href')",
        )
        .await;
    app.go(page.as_str().unwrap()).await;
    app.wait_for("#student-jump").await;
    let to_jump = app
        .tabs_to("#student-jump a[data-target='concerns-title']")
        .await
        .unwrap();
    assert!(to_jump <= 16, "{to_jump} Tabs to the jump menu's Concerns");
    app.click("#student-jump a[data-target='concerns-title']")
        .await;
    let focused = "return document.activeElement && document.activeElement.id";
    assert_eq!(app.script(focused).await, "concerns-title");

    // Alt+N notes a concern, with the focus in "What was seen".
    let alt = |code: &str, key: &str| {
        format!(
            "document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {{ key: '{key}', code: '{code}', altKey: true, bubbles: true, cancelable: true }}));"
        )
    };
    app.script(&alt("KeyN", "n")).await;
    app.wait_for("#concern-form").await;
    assert_eq!(app.script(focused).await, "concern_observed");

    // "?" lists every shortcut; Escape closes the list.
    app.script(
        "document.querySelector('#cancel-concern').click(); document.activeElement.blur();
         document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '?', bubbles: true, cancelable: true }));",
    )
    .await;
    app.wait_for_text("#shortcuts-dialog", "Alt+N").await;
    app.press("#shortcuts-close", ESCAPE).await;
    app.wait_without_text("body", "What they do").await;

    // Alt+T goes to Today.
    app.script(&alt("KeyT", "t")).await;
    app.wait_for("#today").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_nearly_full_box_counts_down_and_languages_without_handouts_are_named() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    {
        use rapport::model::*;
        let mut store =
            rapport::Store::open(data.path().join(rapport::paths::DB_FILE_NAME)).unwrap();
        let class = store.student(student).unwrap().details.class_id;
        let child = store
            .add_student(&StudentDetails {
                class_id: class,
                given_name: "Abebe".into(),
                family_name: "Bekele".into(),
                ..Default::default()
            })
            .unwrap();
        store
            .add_guardian(
                child.id,
                &GuardianDetails {
                    name: "Tigist Bekele".into(),
                    phone: "555-0190".into(),
                    preferred_language: "am".into(),
                    ..Default::default()
                },
                GuardianLink::default(),
            )
            .unwrap();
    }
    let app = Session::launch(data.path()).await;

    // A counter appears near the limit of "What was said", before Save.
    app.go(&format!("#/students/{student}")).await;
    app.click("#log-contact").await;
    app.wait_for("#contact-dialog[open]").await;
    app.script(
        "const box = document.querySelector('#contact_summary'); box.value = 'x'.repeat(9500);
         box.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await;
    app.wait_for_text("#contact_summary-count", "500 characters left of 10,000")
        .await;
    app.script(
        "const box = document.querySelector('#contact_summary'); box.value = 'x'.repeat(10020);
         box.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await;
    app.wait_for_text("#contact_summary-count", "20 characters too many")
        .await;
    app.click("#save-contact").await;
    app.wait_for_text("#contact_summary-error", "What was said is too long")
        .await;
    app.click("#cancel-contact").await;

    // Conferences names the family whose language has no handout, and the letters say so before printing.
    app.go("#/conferences").await;
    app.wait_for_text("#no-handout", "Tigist Bekele").await;
    app.wait_for_text("#no-handout", "Amharic").await;
    app.go("#/students").await;
    app.click("#print-class-letters").await;
    app.wait_for_text("#confirm-dialog", "Amharic").await;
    app.click("#confirm-no").await;
    app.quit().await;
}
