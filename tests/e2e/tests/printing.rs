//! Printing from the real window: the family questionnaire from a student's page is written as a
//! PDF whose text names the child and the guardian who will fill it in.

use rapport_e2e::{printed_dir, record_with_one_family, Session};

#[tokio::test(flavor = "multi_thread")]
async fn the_questionnaire_prints_from_the_student_page() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{student}")).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#print-questionnaire").await;
    app.wait_for_text("#status", "Questionnaire saved to").await;
    app.quit().await;

    let pdf = printed_dir(data.path()).join("Family questionnaire — Amani Diallo.pdf");
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    let text = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Tell us about Amani Diallo"), "{text}");
    assert!(text.contains("Fatou Diallo"));
    assert!(
        !text.contains("Ousmane"),
        "no questionnaire for a guardian who must not be contacted"
    );
}
