//! One owner of the record: while the window has the record open, the command line writes nothing
//! to it (a restore would swap the file under the window and lose its edits), and a second Rapport
//! on the same record says it is open elsewhere, then opens it once the other has let go.

use rapport::store::lock::RecordLock;
use rapport_e2e::{record_with_one_family, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn the_window_owns_the_record_and_a_second_one_waits_its_turn() {
    let data = tempfile::tempdir().unwrap();
    record_with_one_family(data.path());
    let db = data.path().join(rapport::paths::DB_FILE_NAME);
    let copy = data.path().join("copy.sqlite3");
    rapport::Store::open(&db)
        .unwrap()
        .back_up_to(&copy)
        .unwrap();

    // A folder made with the usual permissions (as the log plugin makes its own) ends up private.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let open_to_all = std::fs::Permissions::from_mode(0o755);
        std::fs::set_permissions(data.path(), open_to_all.clone()).unwrap();
        std::fs::create_dir(data.path().join("logs")).unwrap();
        std::fs::set_permissions(data.path().join("logs"), open_to_all).unwrap();
    }

    // The window holds the record: a restore from the command line is refused, and says why.
    let app = Session::launch(data.path()).await;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(data.path()), 0o700, "the data folder");
        assert_eq!(mode(&data.path().join("logs")), 0o700, "the log folder");
        assert_eq!(
            mode(&data.path().join("logs/rapport.log")),
            0o600,
            "the log"
        );
    }
    assert!(
        RecordLock::is_held(&db).unwrap(),
        "the window holds the record's lock"
    );
    let refused = std::process::Command::new(workspace_root().join("target/debug/rapport"))
        .arg("--db")
        .arg(&db)
        .arg("restore")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("open in a Rapport window"), "{said}");
    // The window's edits still land in the record it shows.
    app.go("#/students").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    app.quit().await;
    let closed = std::time::Instant::now();
    while RecordLock::is_held(&db).unwrap() {
        assert!(
            closed.elapsed() < rapport_e2e::WAIT,
            "closing the window lets go"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // Another Rapport has the record: this window says so, offers nothing that would touch it,
    // and opens the record once the other one lets go.
    let other = RecordLock::acquire(&db).unwrap();
    let app = Session::launch_until(data.path(), "#open-error-title").await;
    app.wait_for_text("#open-error-title", "open in another window")
        .await;
    assert_eq!(
        app.script(
            "return document.querySelectorAll('#recovery-list, #recovery-from-file').length"
        )
        .await,
        0
    );
    app.screenshot(&workspace_root().join("target/e2e-screens/in-use.png"))
        .await;
    app.click("#in-use-again").await;
    app.wait_for_text("#in-use-still", "still open").await;
    drop(other);
    app.click("#in-use-again").await;
    app.wait_for("#view h1").await;
    app.go("#/students").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    app.quit().await;
}
