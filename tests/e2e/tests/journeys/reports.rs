//! The contact-log report from the window: a child's page → Contact log…, private entries
//! included, saved as a CSV a spreadsheet reads; the class's as a PDF.

use rapport_e2e::{pdf_text, printed_dir, record_with_demo_class, student_id, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_childs_and_a_class_contact_log_are_saved_from_the_window() {
    let data = tempfile::tempdir().unwrap();
    let class = record_with_demo_class(data.path());
    let jose = student_id(data.path(), class, "José Núñez");
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{jose}")).await;
    app.wait_for_text("#student-name", "José Núñez").await;
    app.click("#contact-log").await;
    app.wait_for("#contact-log-dialog[open]").await;
    app.click("#log_private").await;
    app.click("#log_format_csv").await;
    app.click("#save-contact-log").await;
    app.wait_for_text("#status", "Saved the contact log").await;
    let csv = std::fs::read_to_string(printed_dir(data.path()).join("Contact log José Núñez.csv"))
        .expect("the CSV is saved under the child's name");
    assert!(csv.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert!(csv.contains("José Núñez,Grade 3 — Room 12,Contact,"));

    // The class, as a PDF.
    app.go("#/students").await;
    app.click("#class-contact-log").await;
    app.wait_for("#contact-log-dialog[open]").await;
    app.click("#save-contact-log").await;
    app.wait_for_text("#status", "Room 12.pdf").await;
    let text = pdf_text(&printed_dir(data.path()).join("Contact log Grade 3 — Room 12.pdf"));
    assert!(text.contains("Contact log: Grade 3 — Room 12"));
    assert!(text.contains("José Núñez"));
    app.quit().await;
}
