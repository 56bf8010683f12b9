//! A record that will not open (here: its file overwritten): the window says so and lists the
//! backups beside it instead of the app; restoring one starts Rapport again on it, and the damaged
//! file is kept among the backups as it was.

use rapport::backup::{self, BackupKind};
use rapport_e2e::{record_with_one_family, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_record_is_replaced_by_one_of_its_backups_from_the_window() {
    let data = tempfile::tempdir().unwrap();
    record_with_one_family(data.path());
    let db = data.path().join(rapport::paths::DB_FILE_NAME);
    let folder = backup::backups_dir(&db);
    {
        let store = rapport::Store::open(&db).unwrap();
        backup::automatic(&store, &folder, chrono::Utc::now()).unwrap();
    }
    std::fs::write(&db, b"the disk ate the record").unwrap();

    let app = Session::launch_until(data.path(), "#open-error-title").await;
    app.wait_for("#recovery-list li.backup").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/recovery.png"))
        .await;
    app.click("#recovery-list .restore-backup").await;
    app.wait_for_text("#confirm-dialog", "kept among the backups")
        .await;
    app.click("#confirm-yes").await;

    // The window starts again, on the restored record.
    app.wait_for("#view h1").await;
    app.go("#/students").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    let kept = backup::list(&folder).unwrap();
    assert!(
        kept.iter().any(|b| b.kind == BackupKind::BeforeRestore
            && std::fs::read(&b.path).unwrap() == b"the disk ate the record"),
        "the damaged file is kept: {kept:?}"
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_protected_record_is_replaced_by_one_of_its_backups_after_the_passphrase() {
    let data = tempfile::tempdir().unwrap();
    record_with_one_family(data.path());
    let db = data.path().join(rapport::paths::DB_FILE_NAME);
    let folder = backup::backups_dir(&db);
    {
        let mut store = rapport::Store::open(&db).unwrap();
        store.protect("recovery journey passphrase").unwrap();
        backup::automatic(&store, &folder, chrono::Utc::now()).unwrap();
    }
    // The first page is damaged: the key still unseals, but the record will not open.
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[100..3000].fill(0);
    std::fs::write(&db, bytes).unwrap();

    let app = Session::launch_until(data.path(), "#lock h1").await;
    app.fill("#passphrase", "recovery journey passphrase").await;
    app.click("#unlock").await;
    app.wait_for("#recovery-list li.backup").await;
    app.click("#recovery-list .restore-backup").await;
    app.click("#confirm-yes").await;
    app.wait_for("#view h1").await;
    app.go("#/students").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    app.quit().await;
    assert!(rapport::protect::is_protected(&db).unwrap());
    let store = rapport::Store::unlock(&db, "recovery journey passphrase").unwrap();
    assert!(store.check().unwrap().is_healthy());
}
