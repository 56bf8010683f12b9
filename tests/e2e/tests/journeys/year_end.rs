//! The end of a school year in the real window: a new year starts with the children carried over
//! (the old class archived), then a child is removed for good and the backups made before are
//! flagged as still holding their record.

use rapport_e2e::{log_lines, record_with_one_family, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_new_year_begins_and_a_child_is_removed_for_good() {
    let data = tempfile::tempdir().unwrap();
    record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    // The start-up backup, taken before anything below.
    let started = std::time::Instant::now();
    while log_lines(data.path(), "automatic backup taken").is_empty() {
        assert!(
            started.elapsed().as_secs() < 20,
            "no start-up backup was logged"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    app.go("#/settings").await;
    app.click("#start-new-year").await;
    app.fill("#new_year_name", "Grade 4 — Room 14").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/new-year.png"))
        .await;
    app.click("#new-year-submit").await;
    app.wait_for_text("#status", "A new year has begun").await;
    app.go("#/students").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    app.wait_for_text("#sidebar, nav, body", "Grade 4 — Room 14")
        .await;

    let href = app
        .script(
            "const a = [...document.querySelectorAll('#view a')].find(a => a.textContent.includes('Amani Diallo'));
             return a ? a.getAttribute('href') : null;",
        )
        .await;
    app.go(href.as_str().expect("a link to Amani's page")).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#purge-student").await;
    app.wait_for_text("#confirm-dialog", "cannot be undone")
        .await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "removed for good").await;
    app.wait_without_text("#view", "Amani Diallo").await;

    app.go("#/settings").await;
    app.wait_for_text("#backup-list", "Holds a child removed for good")
        .await;
    // Those copies can go too.
    app.click("#backup-list .delete-backup").await;
    app.wait_for_text("#confirm-dialog", "cannot be undone")
        .await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "was deleted").await;
    app.wait_without_text("#backup-list-area", "Holds a child removed for good")
        .await;
    app.quit().await;
}
