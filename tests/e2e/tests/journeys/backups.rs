//! Backups in the real window: the start-up backup is listed in Settings, "Back up now" writes a
//! copy where the teacher chose, and restoring it brings back a child deleted since, while the
//! record as it was is kept among the backups.

use rapport_e2e::{log_lines, printed_dir, record_with_one_family, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_backs_up_deletes_a_child_and_restores_the_backup() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;

    app.go("#/settings").await;
    app.wait_for("#backups-title").await;
    // The record changed before this start (it was just made), so a backup was taken at start-up.
    let started = std::time::Instant::now();
    while log_lines(data.path(), "automatic backup taken").is_empty() {
        assert!(
            started.elapsed().as_secs() < 20,
            "no start-up backup was logged"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.go("#/today").await;
    app.go("#/settings").await;
    app.wait_for("#backup-list li.backup").await;

    app.click("#back-up-now").await;
    app.wait_for_text("#status", "Backed up to").await;
    let copies: Vec<_> = std::fs::read_dir(printed_dir(data.path()))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite3"))
        .collect();
    assert_eq!(copies.len(), 1, "one copy where the teacher chose");

    app.go(&format!("#/students/{student}")).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#delete-student").await;
    app.click("#confirm-yes").await;
    app.wait_without_text("#view", "Amani Diallo").await;

    app.go("#/settings").await;
    app.click("#restore-from-file").await;
    app.wait_for_text("#confirm-dialog", "kept as a backup")
        .await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "Restored: 1 student").await;
    app.wait_for_text("#backup-list", "Before a restore").await;
    app.script("document.querySelector('#backups').scrollIntoView()")
        .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/backups.png"))
        .await;

    app.go("#/students").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    app.quit().await;
}
