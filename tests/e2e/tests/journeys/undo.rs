//! Undo in the real window: a deleted child comes back with one click, and a deleted record comes
//! back from Settings → Recently deleted.

use rapport_e2e::{record_with_one_family, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_undoes_a_delete_and_restores_from_the_trash() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    let page = format!("#/students/{student}");

    // Delete the child, then Undo straight away.
    app.go(&page).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#delete-student").await;
    app.wait_for_text("#confirm-dialog", "30 days").await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "deleted").await;
    app.click("#undo").await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.wait_for_text("#guardian-list", "Fatou Diallo").await;

    // Good news noted and deleted, then brought back from Recently deleted.
    app.go(&page).await;
    app.wait_for("#praise-form").await;
    app.fill("#praise_note", "Read his story to the class")
        .await;
    app.click("#save-praise").await;
    app.wait_for_text("#praise-list", "Read his story").await;
    app.click("#praise-list .delete-praise").await;
    if app
        .script("return !!document.querySelector('#confirm-dialog[open]');")
        .await
        == serde_json::json!(true)
    {
        app.click("#confirm-yes").await;
    }
    app.wait_without_text("#praise", "Read his story").await;
    app.go("#/settings").await;
    app.wait_for_text("#trash-list", "Amani Diallo").await;
    app.click("#trash-list li.trash-item .restore-item").await;
    app.wait_for_text("#status", "Restored").await;
    app.go(&page).await;
    app.wait_for_text("#praise-list", "Read his story").await;
    app.quit().await;
}
