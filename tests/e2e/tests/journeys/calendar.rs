//! The calendar in the real window: Settings → Calendar names children by initials, keeps a
//! calendar file up to date in a folder (a follow-up logged on a child's page reaches it within
//! seconds), and exports one file; both are real iCalendar files with no child's words in them.

use std::time::{Duration, Instant};

use rapport_e2e::{printed_dir, record_with_demo_class, student_id, workspace_root, Session};

fn events(text: &str) -> usize {
    text.matches("BEGIN:VEVENT").count()
}

#[tokio::test(flavor = "multi_thread")]
async fn conferences_and_follow_ups_go_to_the_teachers_calendar() {
    let data = tempfile::tempdir().unwrap();
    let class = record_with_demo_class(data.path());
    let jose = student_id(data.path(), class, "José Núñez");
    // The folder dialog answers with the newest folder of the test's folder: this one.
    let kept_in = printed_dir(data.path()).join("calendar");
    std::fs::create_dir_all(&kept_in).unwrap();
    let kept = kept_in.join("Rapport calendar.ics");

    let app = Session::launch(data.path()).await;
    app.go("#/settings").await;
    app.wait_for("#calendar-title").await;
    app.click("#calendar-names-initials").await;
    app.wait_for_text("#calendar-status", "Saved").await;
    app.click("#keep-calendar-file").await;
    app.wait_for("#calendar-file").await;
    let before = std::fs::read_to_string(&kept).expect("the kept file is written at once");
    assert!(
        before.contains("SUMMARY:Conference: J. N."),
        "children named by initials"
    );
    assert!(!before.contains("Núñez"));

    // A follow-up logged on José's page reaches the kept file after a quiet moment.
    app.go(&format!("#/students/{jose}")).await;
    app.click("#log-contact").await;
    app.wait_for("#contact-dialog[open]").await;
    app.fill("#contact_summary", "WORDS-THAT-STAY-IN-RAPPORT")
        .await;
    app.script(
        "const f = document.querySelector('#contact_follow_up_on');
         const d = new Date(); d.setDate(d.getDate() + 5);
         f.value = d.toISOString().slice(0, 10);
         f.dispatchEvent(new Event('input', { bubbles: true }));
         f.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    app.click("#save-contact").await;
    app.wait_for_text("#contact-list", "WORDS-THAT-STAY-IN-RAPPORT")
        .await;
    let started = Instant::now();
    let after = loop {
        let text = std::fs::read_to_string(&kept).unwrap_or_default();
        if events(&text) == events(&before) + 1 {
            break text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the kept file was not written again"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(!after.contains("WORDS-THAT-STAY-IN-RAPPORT"));

    // Export to calendar: one file, the same events.
    app.go("#/settings").await;
    app.wait_for("#calendar-title").await;
    app.click("#export-calendar").await;
    app.wait_for_text("#calendar-status", "Saved").await;
    let exported =
        std::fs::read_to_string(printed_dir(data.path()).join("Rapport calendar.ics")).unwrap();
    assert_eq!(events(&exported), events(&after));
    app.script("document.querySelector('#calendar-title').scrollIntoView()")
        .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/calendar-settings.png"))
        .await;
    let violations = app.accessibility_violations().await;
    assert!(
        violations.is_empty(),
        "Settings with the calendar: {violations:#?}"
    );
    app.click("#stop-calendar-file").await;
    app.wait_for("#keep-calendar-file").await;
    app.quit().await;
}
