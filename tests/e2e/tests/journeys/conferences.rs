//! Conferences in the real window: book a family's slot (the interpreter is suggested from the
//! family's language), a clashing slot is refused beside its field, and Today shows it coming up.

use rapport_e2e::{record_with_one_family, workspace_root, Session};

#[tokio::test(flavor = "multi_thread")]
async fn a_teacher_books_a_conference_and_sees_it_on_today() {
    let data = tempfile::tempdir().unwrap();
    record_with_one_family(data.path());
    let app = Session::launch(data.path()).await;

    app.click("#nav-conferences").await;
    app.wait_for("#conferences-empty").await;
    let tomorrow = app
        .script("const d = new Date(); d.setDate(d.getDate() + 1); return d.toISOString().slice(0, 10);")
        .await;
    let tomorrow = tomorrow.as_str().expect("a date").to_string();
    app.script(&format!(
        "const f = document.querySelector('#conference_date'); f.value = '{tomorrow}';
         f.dispatchEvent(new Event('input', {{ bubbles: true }})); f.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    ))
    .await;
    app.script(
        "const t = document.querySelector('#conference_time'); t.value = '15:30';
         t.dispatchEvent(new Event('input', { bubbles: true })); t.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    let amani = app
        .script(
            "const o = [...document.querySelectorAll('#conference_student_id option')]
                 .find(o => o.textContent.includes('Amani Diallo')); return o ? o.value : null;",
        )
        .await;
    app.select(
        "#conference_student_id",
        amani.as_str().expect("Amani is a choice"),
    )
    .await;
    // Fatou Diallo prefers Fula (Pulaar): the interpreter is suggested.
    let started = std::time::Instant::now();
    loop {
        let language = app
            .script("return document.querySelector('#conference_interpreter_language').value;")
            .await;
        if language == serde_json::json!("ff") {
            break;
        }
        assert!(
            started.elapsed() < rapport_e2e::WAIT,
            "no Fula interpreter suggested: {language}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.click("#save-conference").await;
    app.wait_for_text("#conferences", "Amani Diallo").await;
    app.wait_for_text(".conference-slot .interpreter-badge", "Fula")
        .await;

    // A slot that clashes is refused beside the time field.
    app.click("#add-conference").await;
    app.script(&format!(
        "const f = document.querySelector('#conference_date'); f.value = '{tomorrow}';
         f.dispatchEvent(new Event('change', {{ bubbles: true }}));
         const t = document.querySelector('#conference_time'); t.value = '15:40';
         t.dispatchEvent(new Event('change', {{ bubbles: true }}));"
    ))
    .await;
    app.click("#save-conference").await;
    app.wait_for_text("#conference_time-error", "overlaps")
        .await;

    app.click("#nav-today").await;
    // The coming week's conferences are one folded line per day; opening it names each family.
    app.wait_for_text(
        "#today-conferences summary",
        "Tomorrow: 1 conference to prepare for",
    )
    .await;
    app.click("#today-conferences summary").await;
    app.wait_for_text("#today-conferences", "Amani Diallo")
        .await;
    app.wait_for_text("#today-conferences", "Fula interpreter needed")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_conference_schedule() {
    let data = tempfile::tempdir().unwrap();
    {
        let mut store =
            rapport::Store::open(data.path().join(rapport::paths::DB_FILE_NAME)).unwrap();
        rapport::demo::load_demo_class(&mut store, chrono::Local::now().date_naive()).unwrap();
    }
    let app = Session::launch(data.path()).await;
    app.click("#nav-conferences").await;
    app.wait_for(".conference-slot.booked").await;
    app.wait_for(".conference-slot.open").await;
    app.wait_for_text("#conferences", "José Núñez").await;
    app.screenshot(&workspace_root().join("docs/screenshots/conferences.png"))
        .await;
    app.quit().await;
}
