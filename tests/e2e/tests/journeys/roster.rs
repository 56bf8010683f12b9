//! Starting from the school's roster in the real window: from the welcome screen of an empty
//! record, a roster with mistakes is refused with every problem listed (nothing is written), the
//! corrected file is previewed, then imported, and the children are on the Students page.

use rapport_e2e::{printed_dir, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_imports_a_class_roster_after_fixing_the_file() {
    let data = tempfile::tempdir().unwrap();
    // The app picks the newest roster in its test folder instead of showing a file dialog.
    let folder = printed_dir(data.path());
    std::fs::write(
        folder.join("class list.csv"),
        "First Name;Last Name;Parent 1 Name;Parent 1 Email\n;Núñez;María Núñez;maria@\nAmani;Diallo;;\n",
    )
    .unwrap();
    let app = Session::launch(data.path()).await;
    app.click("#welcome-import").await;
    app.wait_for_text("#import-title", "Import a class roster")
        .await;
    app.click("#choose-roster-file").await;
    app.wait_for_text("#roster-file", "class list.csv").await;
    app.fill("#roster-class-name", "Grade 3 — Room 12").await;
    app.click("#preview-roster").await;
    app.wait_for_text("#roster-problems", "class list.csv row 2, First Name")
        .await;
    app.wait_for_text("#roster-problems", "Parent 1 Email")
        .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/roster-problems.png"))
        .await;

    std::thread::sleep(std::time::Duration::from_millis(50));
    std::fs::write(
        folder.join("class list fixed.csv"),
        "First Name;Last Name;Parent 1 Name;Parent 1 Email;Parent 1 Language\n\
         José;Núñez;María Núñez;maria@example.org;Spanish\n\
         Amani;Diallo;Fatou Diallo;;fr\n",
    )
    .unwrap();
    app.click("#choose-roster-file").await;
    app.wait_for_text("#roster-file", "class list fixed.csv")
        .await;
    app.fill("#roster-class-name", "Grade 3 — Room 12").await;
    app.click("#preview-roster").await;
    app.wait_for_text("#roster-summary", "2 to add").await;
    app.wait_for_text("#roster-added", "José Núñez").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/roster-preview.png"))
        .await;
    app.click("#import-roster").await;
    app.wait_for_text("#status", "Imported: 2 added").await;
    app.wait_for_text("#view", "Amani Diallo").await;
    app.wait_for_text("#view", "María Núñez").await;
    app.quit().await;
}
