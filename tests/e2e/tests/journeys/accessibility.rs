//! Every screen, dialog and mode against axe-core's WCAG 2.1 A/AA rules, in the real window with
//! the demo class: Today, the student list, a child's page (with a form open, the contact dialog,
//! the family view), Conferences, Settings and the shortcuts list. No violation is allowed.

use rapport_e2e::{record_with_demo_class, Session};

async fn check(app: &Session, screen: &str, failures: &mut Vec<String>) {
    for v in app.accessibility_violations().await {
        failures.push(format!("{screen}: {v}"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_meets_wcag_2_1_aa() {
    let data = tempfile::tempdir().unwrap();
    record_with_demo_class(data.path());
    let app = Session::launch(data.path()).await;
    let mut failures = Vec::new();

    app.go("#/today").await;
    app.wait_for("#today-call-first").await;
    check(&app, "Today", &mut failures).await;
    app.click("#today-call-first-rule summary").await;
    app.click("#today-conferences summary").await;
    check(&app, "Today, folded parts open", &mut failures).await;

    app.go("#/students").await;
    app.wait_for("#students-title").await;
    check(&app, "Students", &mut failures).await;

    let page = app
        .script("return document.querySelector('.student-list a[href^=\"#/students/\"]').getAttribute('href')")
        .await;
    app.go(page.as_str().unwrap()).await;
    app.wait_for("#student-jump").await;
    check(&app, "A child's page", &mut failures).await;
    // Opened by script: this journey checks what is drawn, the others check the clicks.
    app.script("document.querySelector('#add-concern').click()")
        .await;
    app.wait_for("#concern-form").await;
    app.script("document.querySelector('#add-goal').click()")
        .await;
    app.wait_for("#goal-form").await;
    check(
        &app,
        "A child's page with the concern and goal forms",
        &mut failures,
    )
    .await;
    app.click("#family-view-toggle").await;
    app.wait_for("body.family-view").await;
    check(&app, "Sitting with the family", &mut failures).await;
    app.click("#family-view-end").await;
    app.click("#log-contact").await;
    app.wait_for("#contact-dialog[open]").await;
    check(&app, "The contact dialog", &mut failures).await;
    app.click("#cancel-contact").await;
    app.click("#shortcuts-button").await;
    app.wait_for("#shortcuts-dialog[open]").await;
    check(&app, "Keyboard shortcuts", &mut failures).await;
    app.click("#shortcuts-close").await;
    app.click("#contact-log").await;
    app.wait_for("#contact-log-dialog[open]").await;
    check(&app, "The contact-log dialog", &mut failures).await;
    app.click("#cancel-contact-log").await;

    app.go("#/conferences").await;
    app.wait_for("#conferences-title").await;
    check(&app, "Conferences", &mut failures).await;

    app.go("#/settings").await;
    app.wait_for("#view h1").await;
    check(&app, "Settings", &mut failures).await;

    app.quit().await;
    assert!(
        failures.is_empty(),
        "WCAG 2.1 A/AA violations:\n{}",
        failures.join("\n")
    );
}
