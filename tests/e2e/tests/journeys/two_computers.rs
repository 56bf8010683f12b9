//! Two computers, one record, in two real windows side by side (two data folders, one sync
//! folder): the school's window starts the sync, the home window opens the record from the
//! folder, a contact logged at school appears at home, and the same note changed on both is
//! listed under "Changed on both computers", where home takes the school's words. Settings →
//! Another computer passes axe with a conflict listed.

use rapport_e2e::{record_with_demo_class, student_id, workspace_root, Session};

/// The id of the contact whose summary says `text`, on the child's page now shown.
async fn contact_with(app: &Session, text: &str) -> String {
    let id = app
        .script(&format!(
            "const li = [...document.querySelectorAll('#contact-list > li')]
                 .find(li => li.textContent.includes({text:?}));
             return li ? li.id : null;"
        ))
        .await;
    id.as_str().expect("the contact is listed").to_string()
}

async fn edit_contact(app: &Session, id: &str, summary: &str) {
    app.click(&format!("#{id} .edit-contact")).await;
    app.wait_for("#contact-dialog[open]").await;
    app.fill("#contact_summary", summary).await;
    app.click("#save-contact").await;
    app.wait_for_text("#contact-list", summary).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_contact_logged_at_school_appears_at_home_and_a_clash_is_listed() {
    let root = tempfile::tempdir().unwrap();
    // Both windows' folder dialogs answer with the one folder in `picks`: the sync folder.
    let picks = root.path().join("picks");
    std::fs::create_dir_all(picks.join("sync folder")).unwrap();
    let picks = picks.to_str().unwrap().to_string();
    let (school_dir, home_dir) = (root.path().join("school"), root.path().join("home"));
    std::fs::create_dir_all(&school_dir).unwrap();
    std::fs::create_dir_all(&home_dir).unwrap();
    let class = record_with_demo_class(&school_dir);
    let jose = student_id(&school_dir, class, "José Núñez");
    let page = format!("#/students/{jose}");
    let env = [("RAPPORT_SAVE_DIR", picks.as_str())];

    // At school: Settings → Another computer → Use this record on another computer.
    let school = Session::launch_with(&school_dir, "#view h1", &env).await;
    school.go("#/settings?sync").await;
    school.click("#start-sync").await;
    school
        .wait_for_text("#sync-started", "On the other computer")
        .await;
    school.wait_for_text("#sync-status", "Last synced").await;
    school
        .screenshot(&workspace_root().join("target/e2e-screens/sync-started.png"))
        .await;

    // At home, a new Rapport: Open a record from another computer.
    let home = Session::launch_with(&home_dir, "#open-from-sync", &env).await;
    home.screenshot(&workspace_root().join("target/e2e-screens/sync-welcome.png"))
        .await;
    home.click("#open-from-sync").await;
    home.wait_for_text("#sync-status", "Last synced").await;
    home.go(&page).await;
    home.wait_for_text("#student-name", "José Núñez").await;

    // A contact logged at school, synced: it is on José's page at home.
    school.go(&page).await;
    school.click("#log-contact").await;
    school.wait_for("#contact-dialog[open]").await;
    school
        .fill("#contact_summary", "Called about the science fair")
        .await;
    school.click("#save-contact").await;
    school
        .wait_for_text("#contact-list", "Called about the science fair")
        .await;
    school.click("#sync-now").await;
    school.wait_for_text("#sync-status", "1 change sent").await;
    home.click("#sync-now").await;
    home.wait_for_text("#sync-status", "1 change received")
        .await;
    home.wait_for_text("#contact-list", "Called about the science fair")
        .await;

    // The same words changed on both: home syncs last, so its words are kept and listed.
    let contact = contact_with(&school, "science fair").await;
    edit_contact(
        &school,
        &contact,
        "Science fair: she will bring the poster board",
    )
    .await;
    school.click("#sync-now").await;
    school.wait_for_text("#sync-status", "1 change sent").await;
    edit_contact(
        &home,
        &contact,
        "Science fair: Dad will help at the weekend",
    )
    .await;
    home.click("#sync-now").await;
    home.wait_for_text("#sync-conflicts-link", "1 thing changed on both computers")
        .await;
    home.click("#sync-conflicts-link").await;
    home.wait_for_text("#conflict-list", "José Núñez").await;
    home.wait_for_text("#conflict-list", "Dad will help at the weekend")
        .await;
    home.wait_for_text("#conflict-list", "she will bring the poster board")
        .await;
    home.screenshot(&workspace_root().join("target/e2e-screens/sync-conflicts.png"))
        .await;
    let violations = home.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "Settings → Another computer: {violations:#?}"
    );
    home.click("#conflict-list .take-other").await;
    home.wait_for("#no-conflicts").await;
    home.go(&page).await;
    home.wait_for_text("#contact-list", "she will bring the poster board")
        .await;
    // Taking the other value is an edit like any other: it reaches school too, once home has
    // written it (its last sync also received; this one only sends).
    home.click("#sync-now").await;
    home.wait_without_text("#sync-status", "received").await;
    home.wait_for_text("#sync-status", "1 change sent").await;
    school.click("#sync-now").await;
    school.wait_for_text("#sync-status", "received").await;
    school
        .wait_for_text("#contact-list", "she will bring the poster board")
        .await;

    school.quit().await;
    home.quit().await;
}
