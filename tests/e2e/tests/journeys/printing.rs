//! Printing from the real window. Each document is written where the app saves printed files
//! (RAPPORT_SAVE_DIR in tests, a save dialog otherwise) and read back with pdftotext: the family
//! questionnaire and the conference packet from a student's page, the class's packets and the
//! conference schedule from the Conferences screen, introduction letters in the teacher's own
//! wording, edited in Settings, and good-news notes home in the family's language, one from a
//! child's good news and the class's from Today.

use rapport_e2e::{
    pdf_text, printed_dir, record_with_demo_class, record_with_one_family, student_id,
    workspace_root, Session,
};

#[tokio::test(flavor = "multi_thread")]
async fn the_questionnaire_prints_from_the_student_page() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{student}")).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#print-questionnaire").await;
    // Fatou reads Fula, which has no handouts yet: the window says so before printing.
    app.wait_for_text("#confirm-dialog", "Fula").await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "Questionnaire saved to").await;
    assert!(app.text("#status").await.contains("One family got English"));
    app.quit().await;

    let text = pdf_text(&printed_dir(data.path()).join("Family questionnaire — Amani Diallo.pdf"));
    assert!(text.contains("Tell us about Amani Diallo"), "{text}");
    assert!(text.contains("Fatou Diallo"));
    assert!(
        !text.contains("Ousmane"),
        "no questionnaire for a guardian who must not be contacted"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_conference_packet_prints_from_the_student_page() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{student}")).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#print-packet").await;
    app.wait_for_text("#status", "Packet saved to").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/student-print.png"))
        .await;
    app.quit().await;

    let text = pdf_text(&printed_dir(data.path()).join("Conference packet — Amani Diallo.pdf"));
    for part in [
        "Amani Diallo",
        "Starting with strengths",
        "What the family told us",
        "Goals we are working on",
        "Next steps",
        "Family signature",
        "Page 1 of",
    ] {
        assert!(text.contains(part), "{part} missing from:\n{text}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_class_packets_and_the_schedule_print_from_the_conferences_screen() {
    let data = tempfile::tempdir().unwrap();
    record_with_demo_class(data.path());
    let app = Session::launch(data.path()).await;
    app.click("#nav-conferences").await;
    app.click("#print-class-packets").await;
    app.wait_for_text("#status", "Packets saved to").await;
    app.click("#print-schedule").await;
    // The Tanakas read Japanese, which has no handouts yet: the window says so before printing.
    app.wait_for_text("#confirm-dialog", "Japanese").await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "Schedule saved to").await;
    assert!(app.text("#status").await.contains("families got English"));
    app.screenshot(&workspace_root().join("target/e2e-screens/conferences-print.png"))
        .await;
    app.quit().await;

    let folder = printed_dir(data.path());
    let packets = pdf_text(&folder.join("Conference packets — Grade 3 — Room 12.pdf"));
    // Each packet's headings are in the family's language with English beside them (spaces
    // aside: extraction may lose them beside right-to-left words).
    let squeezed: String = packets.split_whitespace().collect();
    assert_eq!(
        squeezed.matches("Startingwithstrengths").count(),
        30,
        "a packet per child"
    );
    for name in [
        "José Núñez",
        "Nguyễn Thị Hương",
        "王小明",
        "يوسف حداد",
        "Анна Петрова",
    ] {
        assert!(packets.contains(name), "{name}");
    }
    let schedule = pdf_text(&folder.join("Conference schedule — Grade 3 — Room 12.pdf"));
    assert!(schedule.contains("Conference schedule"));
    assert!(
        schedule.contains("Su reunión sobre José Núñez"),
        "{schedule}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn letters_print_in_the_teachers_own_wording() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    app.go("#/settings").await;
    app.wait_for_text("#letter-state", "suggested").await;
    // A misspelt placeholder is refused beside the letter, and nothing is saved.
    app.fill("#letter-body", "Dear {guardain}, welcome!").await;
    app.click("#letter-save").await;
    app.wait_for_text("#letter-body-error", "{guardain}").await;
    app.fill(
        "#letter-body",
        "Welcome to Room 12, {guardian}! {child} will love it here. Call me {contact_hours}.",
    )
    .await;
    app.click("#letter-save").await;
    app.wait_for_text("#letter-state", "Your own wording").await;
    app.script("document.querySelector('#letter-settings').scrollIntoView()")
        .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/letter-settings.png"))
        .await;
    app.fill("#contact_hours", "by phone at 555-0142, weekdays 3–4 pm")
        .await;
    app.click("#save-you").await;
    app.wait_for_text("#status", "Saved").await;

    app.go("#/students").await;
    app.click("#print-class-letters").await;
    // Fatou reads Fula, which has no handouts yet: the window says so before printing.
    app.wait_for_text("#confirm-dialog", "Fula").await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "Letters saved to").await;
    assert!(app.text("#status").await.contains("One family got English"));
    app.go(&format!("#/students/{student}")).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#print-letter").await;
    app.wait_for_text("#confirm-dialog", "Fula").await;
    app.click("#confirm-yes").await;
    app.wait_for_text("#status", "Letter saved to").await;
    assert!(app.text("#status").await.contains("One family got English"));
    app.quit().await;

    let folder = printed_dir(data.path());
    for file in [
        "Introduction letters — Grade 3 — Room 12.pdf",
        "Introduction letter — Amani Diallo.pdf",
    ] {
        // Lines wrap where the page ends: read the words, not the line breaks.
        let text = pdf_text(&folder.join(file))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            text.contains("Welcome to Room 12, Fatou Diallo! Amani will love it here."),
            "{file}:\n{text}"
        );
        assert!(text.contains("Call me by phone at 555-0142, weekdays 3–4 pm."));
        assert!(
            !text.contains("Ousmane"),
            "not addressed to a barred guardian"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn good_news_notes_go_home_in_the_familys_language() {
    let data = tempfile::tempdir().unwrap();
    let class = record_with_demo_class(data.path());
    let jose = student_id(data.path(), class, "José Núñez");
    let app = Session::launch(data.path()).await;
    app.go(&format!("#/students/{jose}")).await;
    app.wait_for_text("#student-name", "José Núñez").await;

    // Good news noted on his page, queued for a call home (the form's default), then a note home.
    app.wait_for("#praise-form").await;
    app.select("#praise_category", "helped").await;
    app.fill("#praise_note", "Helped Mia up when she fell at recess")
        .await;
    app.click("#save-praise").await;
    app.wait_for_text("#praise-list", "Helped Mia up").await;
    let praise = app
        .script(
            "return [...document.querySelectorAll('#praise-list li.praise')]
               .find((li) => li.textContent.includes('Helped Mia up')).dataset.praiseId;",
        )
        .await;
    let praise = praise.as_str().expect("the new good news's id").to_string();
    app.click(&format!(
        "#praise-list .print-good-news[data-praise='{praise}']"
    ))
    .await;
    app.wait_for_text("#status", "Good-news note saved to")
        .await;

    // Today: every call home waiting, printed as notes for the families the phone does not reach.
    app.go("#/today").await;
    // (José may be past the first few of a long list, folded away: wait for the button.)
    app.wait_for("#today-praise-calls #print-class-good-news")
        .await;
    assert!(
        app.tabs_to("#print-class-good-news").await.is_some(),
        "the class's notes are reached by Tab"
    );
    app.click("#print-class-good-news").await;
    app.wait_for_text("#status", "Good-news notes saved to")
        .await;
    let violations = app.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "Today with the notes home: {violations:#?}"
    );
    app.quit().await;

    let folder = printed_dir(data.path());
    for file in [
        "Good news — José Núñez.pdf",
        "Good news — Grade 3 — Room 12.pdf",
    ] {
        // Lines wrap where the note ends: read the words, not the line breaks.
        let text = pdf_text(&folder.join(file))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // José's family reads Spanish: the note is in Spanish, the teacher's words as written.
        assert!(
            text.contains("¡Buenas noticias de la escuela!"),
            "{file}:\n{text}"
        );
        assert!(
            text.contains("Helped Mia up when she fell at recess"),
            "{file}:\n{text}"
        );
    }
}
