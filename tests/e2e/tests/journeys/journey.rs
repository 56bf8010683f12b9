//! The foundation's journeys in the real Rapport window (WebKitGTK under Xvfb, through
//! tauri-driver): a teacher starts with an empty record, sets up a class, adds a child with two
//! guardians, finds them by search, closes the app, and finds everything still there.

use std::path::PathBuf;

use rapport_e2e::{log_lines, workspace_root, Session};

fn screenshot_path(name: &str) -> PathBuf {
    workspace_root().join("docs/screenshots").join(name)
}

/// Adds a guardian through the student page's form.
async fn add_guardian(app: &Session, name: &str, relationship: &str, phone: &str, email: &str) {
    app.click("#add-guardian").await;
    app.fill("#guardian_name", name).await;
    app.fill("#guardian_relationship", relationship).await;
    app.fill("#guardian_phone", phone).await;
    app.fill("#guardian_email", email).await;
    app.click("#save-guardian").await;
    app.wait_for_text("#guardian-list", name).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_adds_a_child_with_two_guardians_and_finds_them_after_a_restart() {
    let data = tempfile::tempdir().unwrap();

    // First start: an empty record greets the teacher.
    let app = Session::launch(data.path()).await;
    app.wait_for_text("#view h1", "Welcome to Rapport").await;
    app.fill("#class_name", "Grade 3 — Room 12").await;
    app.fill("#teacher_name", "Jordan Rivera").await;
    app.click("#setup-class").await;
    app.wait_for_text("#sidebar-class", "Grade 3 — Room 12")
        .await;

    // Add a student; an empty given name is refused next to the field and nothing is lost.
    app.go("#/students").await;
    app.click("#add-student").await;
    app.fill("#family_name", "Núñez").await;
    app.click("#save-student").await;
    app.wait_for_text("#given_name-error", "given name cannot be empty")
        .await;
    app.fill("#given_name", "José").await;
    app.click("#save-student").await;
    app.wait_for_text("#student-name", "José Núñez").await;

    // A new student's page opens on the guardian form. Two guardians; a malformed email is
    // explained beside the email field.
    app.fill("#guardian_name", "María Núñez").await;
    app.fill("#guardian_email", "maria@").await;
    app.click("#save-guardian").await;
    app.wait_for_text("#guardian_email-error", "not a complete email address")
        .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/field-error.png"))
        .await;
    app.fill("#guardian_relationship", "Mother").await;
    app.fill("#guardian_phone", "555-0101").await;
    app.fill("#guardian_email", "maria.nunez@example.org").await;
    app.click("#save-guardian").await;
    app.wait_for_text("#guardian-list", "María Núñez").await;
    add_guardian(&app, "Carlos Núñez", "Father", "555-0102", "").await;
    let guardians = app.text("#guardian-list").await;
    assert!(guardians.contains("Primary contact"), "{guardians}");
    assert!(guardians.contains("maria.nunez@example.org"), "{guardians}");

    // A classmate, so that search has something to leave out.
    app.go("#/students/new").await;
    app.fill("#given_name", "Анна").await;
    app.fill("#family_name", "Петрова").await;
    app.click("#save-student").await;
    app.wait_for_text("#student-name", "Анна Петрова").await;

    // Instant search, accent-blind, and by a guardian's name.
    app.go("#/students").await;
    app.wait_for_text("#student-list", "Анна Петрова").await;
    app.fill("#student-search", "nunez").await;
    app.wait_for_text("#student-count", "1 of 2 students match")
        .await;
    let visible = visible_rows(&app).await;
    assert_eq!(visible, ["José Núñez"]);
    app.fill("#student-search", "carlos").await;
    app.wait_for_text("#student-count", "1 of 2 students match")
        .await;
    assert_eq!(visible_rows(&app).await, ["José Núñez"]);

    // The student page as a teacher sees it, for the README.
    app.click("#student-list a.student-name").await;
    app.wait_for_text("#guardian-list", "Carlos Núñez").await;
    app.screenshot(&screenshot_path("student-page.png")).await;
    app.quit().await;

    // Reopen: everything is still there.
    let app = Session::launch(data.path()).await;
    app.wait_for_text("#sidebar-class", "Grade 3 — Room 12")
        .await;
    app.go("#/students").await;
    app.wait_for_text("#student-list", "José Núñez").await;
    app.wait_for_text("#student-list", "Анна Петрова").await;
    app.fill("#student-search", "maría").await;
    app.wait_for_text("#student-count", "1 of 2 students match")
        .await;
    app.click("#student-list li:not([hidden]) a.student-name")
        .await;
    app.wait_for_text("#student-name", "José Núñez").await;
    let guardians = app.text("#guardian-list").await;
    assert!(
        guardians.contains("María Núñez") && guardians.contains("Carlos Núñez"),
        "{guardians}"
    );
    app.quit().await;

    let ready = log_lines(data.path(), "ready in ");
    assert_eq!(ready.len(), 2, "one ready line per start: {ready:?}");
    for line in &ready {
        println!("startup: {line}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_class_loads_from_the_empty_app() {
    let data = tempfile::tempdir().unwrap();
    let app = Session::launch(data.path()).await;
    app.click("#load-demo").await;
    app.wait_for_text("#sidebar-class", "Grade 3 — Room 12")
        .await;
    app.go("#/today").await;
    app.wait_for_text("#today-do-not-contact", "Виктор Петров")
        .await;

    app.go("#/students").await;
    app.wait_for_text("#student-total", "30").await;
    for name in ["Nguyễn Thị Hương", "王小明", "يوسف حداد", "Анна Петрова"]
    {
        app.wait_for_text("#student-list", name).await;
    }
    app.screenshot(&screenshot_path("students.png")).await;

    // Twins share their mother's record: her card links to the sibling.
    app.fill("#student-search", "sofia garcia").await;
    app.click("#student-list li:not([hidden]) a.student-name")
        .await;
    app.wait_for_text("#student-name", "Sofía García").await;
    app.wait_for_text("#guardian-list", "Mateo García").await;
    app.quit().await;
}

/// The names in the student list that search leaves visible.
async fn visible_rows(app: &Session) -> Vec<String> {
    let value = app
        .client
        .execute(
            "return [...document.querySelectorAll('#student-list li.student-row:not([hidden]) a.student-name')]
                 .map(a => a.textContent.trim());",
            vec![],
        )
        .await
        .expect("read the visible rows");
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}
