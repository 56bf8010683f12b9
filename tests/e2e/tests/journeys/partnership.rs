//! The partnership record's journeys in the real window: answer the family questionnaire, write a
//! goal the SMART check improves, record a concern with its causes, and make the positive call for
//! a queued praise; each is then on the student page and reflected on Today.

use rapport_e2e::{record_with_one_family, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_works_through_a_familys_partnership_record() {
    let data = tempfile::tempdir().unwrap();
    let student = record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;
    let page = format!("#/students/{student}");

    // Today first: a new family has not been contacted yet.
    app.go("#/today").await;
    app.wait_for_text("#today-quiet", "Amani Diallo").await;

    // 1. Answer the family questionnaire.
    app.go(&page).await;
    app.wait_for_text("#student-name", "Amani Diallo").await;
    app.click("#record-answers").await;
    app.wait_for("#answers-form").await;
    let guardian = app
        .script(
            "const o = [...document.querySelectorAll('#answers_guardian_id option')]
                 .find(o => o.textContent.includes('Fatou Diallo')); return o ? o.value : null;",
        )
        .await;
    app.select(
        "#answers_guardian_id",
        guardian.as_str().expect("Fatou is a choice"),
    )
    .await;
    app.fill(
        "#answers-form textarea[id^='answer-']",
        "Amani loves building with Lego and never gives up.",
    )
    .await;
    app.click("#save-answers").await;
    app.wait_for_text("#family-answers", "never gives up").await;
    app.wait_for_text("#family-answers", "Fatou Diallo").await;

    // 2. A goal that the SMART check improves as it is written.
    app.click("#add-goal").await;
    app.fill("#goal_statement", "Better reading").await;
    app.wait_for_text("#smart-hints", "Say exactly what the child will do")
        .await;
    app.wait_for_text("#smart-hints", "no number to measure")
        .await;
    app.fill(
        "#goal_statement",
        "Read a grade-3 passage aloud at 90 words a minute",
    )
    .await;
    app.fill(
        "#goal_measure",
        "One-minute reading probe every other Friday",
    )
    .await;
    app.fill("#goal_unit", "words per minute").await;
    app.fill("#goal_baseline", "62").await;
    app.fill("#goal_target", "90").await;
    app.fill(
        "#goal_why",
        "Amani wants to read the Lego manuals by himself.",
    )
    .await;
    app.script(
        "const due = document.querySelector('#goal_due_on');
         const d = new Date(); d.setMonth(d.getMonth() + 3);
         due.value = d.toISOString().slice(0, 10);
         due.dispatchEvent(new Event('input', { bubbles: true }));
         due.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    app.wait_for_text("#smart-ok", "This goal is SMART").await;
    app.click("#save-goal").await;
    app.wait_for_text(
        "#goal-list",
        "Read a grade-3 passage aloud at 90 words a minute",
    )
    .await;
    app.fill("#goal-list .check-in-value", "70").await;
    app.click("#goal-list .save-check-in").await;
    app.wait_for_text("#goal-list .goal-progress", "29%").await;
    // A slip of the keyboard asks first; a check-in can be corrected, and the correction undone.
    app.fill("#goal-list .check-in-value", "700").await;
    app.click("#goal-list .save-check-in").await;
    app.wait_for_text("#confirm-dialog", "Is this number right?")
        .await;
    app.click("#confirm-no").await;
    app.script("document.querySelector('#goal-list .check-in-log').open = true;")
        .await;
    app.click("#goal-list .edit-check-in").await;
    app.fill("#goal-list .check-in-edit-value", "76").await;
    app.click("#goal-list .save-check-in-edit").await;
    app.wait_for_text("#goal-list .goal-progress", "50%").await;
    app.click("#undo").await;
    app.wait_for_text("#status", "Undone.").await;
    app.wait_for_text("#goal-list .goal-progress", "29%").await;

    // 3. A concern with its possible causes, not yet talked through with the family.
    app.click("#add-concern").await;
    app.fill(
        "#concern_observed",
        "Leaves his seat during independent writing, most days.",
    )
    .await;
    app.fill("#concern_setting", "Writing block, after lunch")
        .await;
    app.click("#cause-avoidance").await;
    app.click("#cause-skill_gap").await;
    app.click("#save-concern").await;
    app.wait_for_text("#concern-list", "Avoiding a task").await;
    app.wait_for_text("#concern-list", "A skill gap or learning difficulty")
        .await;
    app.wait_for_text("#concern-list", "Not yet discussed")
        .await;

    // 4. Good news, queued for a call home; the call is then logged as a positive contact.
    app.select("#praise_category", "helped").await;
    app.fill("#praise_note", "Helped Mia up when she fell at recess")
        .await;
    app.click("#save-praise").await;
    app.wait_for_text("#praise-list", "Helped Mia up").await;

    app.go("#/today").await;
    app.wait_for_text("#today-praise-calls", "Amani Diallo")
        .await;
    app.wait_for_text("#today-concerns", "Amani Diallo").await;

    app.go(&page).await;
    app.click("#praise-list .call-praise").await;
    app.wait_for("#contact-dialog[open]").await;
    let barred = app
        .script(
            "const o = [...document.querySelectorAll('#contact_guardian_id option')]
                 .find(o => o.textContent.includes('Ousmane')); return o ? o.disabled : null;",
        )
        .await;
    assert_eq!(
        barred,
        serde_json::json!(true),
        "a may-not-contact guardian cannot be chosen"
    );
    // A call: by phone, though Fatou prefers texts; the note written once; "the family" says
    // who it means, never Ousmane.
    let call = app
        .script(
            "return [document.querySelector('#contact_method').value,
                     document.querySelector('#contact_summary').value,
                     document.querySelector('#contact_guardian_id option[value=\"\"]').textContent];",
        )
        .await;
    assert_eq!(
        call,
        serde_json::json!([
            "phone",
            "Helped Mia up when she fell at recess",
            "The family: Fatou Diallo only"
        ])
    );
    app.fill(
        "#contact_outcome",
        "Mum was delighted and will tell his grandmother.",
    )
    .await;
    app.click("#save-contact").await;
    app.wait_for_text("#contact-list", "Mum was delighted")
        .await;
    app.wait_for_text("#praise-list", "Family told").await;

    app.screenshot(&workspace_root().join("docs/screenshots/student-record.png"))
        .await;

    // The good-news call was about something else: the concern still waits on Today.
    app.go("#/today").await;
    app.wait_for_text("#today-concerns", "Amani Diallo").await;
    // A call that talks it through, ticked under "We talked about", settles it.
    app.go(&page).await;
    app.click("#log-contact").await;
    app.wait_for("#contact-dialog[open]").await;
    app.wait_for_text("#contact_concerns", "Leaves his seat")
        .await;
    app.click("#contact_concerns input[type=checkbox]").await;
    app.screenshot(&workspace_root().join("target/e2e-screens/contact-talked-about.png"))
        .await;
    app.fill(
        "#contact_summary",
        "Talked about writing time; Mum will try sentence starters at home.",
    )
    .await;
    app.click("#save-contact").await;
    app.wait_for_text("#concern-list", "Talked through with the family")
        .await;

    // Today reflects all of it: the call is made, the family has been reached, the concern
    // talked through.
    app.go("#/today").await;
    app.wait_for("#class-balance").await;
    let today = app.text("#view").await;
    assert!(
        app.script("return document.querySelector('#today-concerns') === null || !document.querySelector('#today-concerns').textContent.includes('Amani');")
            .await
            == serde_json::json!(true),
        "the concern was talked through"
    );
    assert!(
        !today.contains("No contact with the family yet"),
        "the family was reached today"
    );
    let calls = app.script("return document.querySelector('#today-praise-calls') === null || document.querySelector('#today-praise-calls').hidden;").await;
    assert_eq!(
        calls,
        serde_json::json!(true),
        "no praise left to call about"
    );
    app.wait_for_text("#class-balance", "1").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn today_and_a_student_page_with_a_years_record() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut store =
            rapport::Store::open(data.path().join(rapport::paths::DB_FILE_NAME)).unwrap();
        rapport::demo::load_demo_class(&mut store, chrono::Local::now().date_naive()).unwrap();
    }
    let app = Session::launch(data.path()).await;
    app.go("#/today").await;
    app.wait_for("#today-follow-ups, #today-praise-calls, #today-quiet")
        .await;
    app.wait_for("#class-balance").await;
    app.screenshot(&workspace_root().join("docs/screenshots/today.png"))
        .await;

    // "Call first" comes before every other list, on the first screen, one row per child.
    let call_first = app
        .script(
            "const rows = [...document.querySelectorAll('#today-call-first-list > li')];
             const ids = rows.map((li) => li.dataset.studentId);
             const first = document.querySelector('.today-report');
             return { rows: rows.length, unique: new Set(ids).size,
                      reasons: rows.every((li) => li.querySelectorAll('.call-reason').length > 0),
                      first: first && first.id,
                      top: document.querySelector('#today-call-first').getBoundingClientRect().top };",
        )
        .await;
    assert_eq!(call_first["first"], "today-call-first", "{call_first}");
    let rows = call_first["rows"].as_u64().unwrap();
    assert!((1..=5).contains(&rows), "{call_first}");
    assert_eq!(call_first["unique"].as_u64(), Some(rows), "{call_first}");
    assert_eq!(call_first["reasons"], true, "{call_first}");
    assert!(call_first["top"].as_f64().unwrap() < 800.0, "{call_first}");

    // "Mark done" on a follow-up can be undone, like a delete.
    let count = "return document.querySelectorAll('#today-follow-ups li').length";
    let before = app.script(count).await;
    app.click("#today-follow-ups .today-done").await;
    app.wait_for_text("#status", "Follow-up done.").await;
    assert_ne!(app.script(count).await, before, "the follow-up left Today");
    app.click("#undo").await;
    app.wait_for_text("#status", "Undone.").await;
    assert_eq!(app.script(count).await, before, "and came back");

    app.go("#/students").await;
    // Names in another script are found by their Latin letters: a transliteration, or the
    // spelling the teacher gave.
    let shown = "return [...document.querySelectorAll('#student-list li:not([hidden]) a.student-name')].map(a => a.textContent.trim());";
    for (typed, found) in [("petrova", "Анна Петрова"), ("yusuf", "يوسف حداد")] {
        app.fill("#student-search", typed).await;
        let started = std::time::Instant::now();
        while app.script(shown).await != serde_json::json!([found]) {
            assert!(
                started.elapsed() < rapport_e2e::WAIT,
                "{typed} finds {found}: {}",
                app.script(shown).await
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    app.fill("#student-search", "jose nunez").await;
    app.click("#student-list li:not([hidden]) a.student-name")
        .await;
    app.wait_for_text("#student-name", "José Núñez").await;
    app.wait_for("#family-answers").await;
    app.wait_for("#goals").await;
    app.wait_for("#contact-list").await;
    app.screenshot(&workspace_root().join("docs/screenshots/student-year.png"))
        .await;
    app.script("document.querySelector('#goals').scrollIntoView({ block: 'start' });")
        .await;
    app.wait_for("#goal-list svg.goal-chart").await;
    app.screenshot(&workspace_root().join("docs/screenshots/student-goals.png"))
        .await;
    app.quit().await;
}
