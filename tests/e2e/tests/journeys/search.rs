//! Search everything from the sidebar, in the real window with the demo class: Ctrl+K reaches the
//! box from anywhere, a word of the demo's welcome calls lists the contacts it is in, the arrow
//! key and Enter open the child's page at the contact chosen (focused, in sight, highlighted),
//! Escape closes the list and leaves the focus in the box, and a child's name in Cyrillic finds
//! the child, opened with a click. The open results meet WCAG 2.1 A/AA.

use std::time::{Duration, Instant};

use rapport_e2e::{record_with_demo_class, workspace_root, Session, WAIT};

const CTRL_K: &str = "\u{e009}k\u{e000}";
const ARROW_DOWN: &str = "\u{e015}";
const ENTER: &str = "\u{e007}";
const ESCAPE: &str = "\u{e00c}";

/// A word of one of the demo's welcome calls ("Welcome call. Shared the class schedule and
/// invited questions any time.", src/demo/year.rs) and of no other text in the demo: every hit
/// is a contact.
const WORD: &str = "schedule";

/// Waits until the script `js` returns something other than null or false, and returns that.
async fn wait_until(app: &Session, js: &str, what: &str) -> serde_json::Value {
    let started = Instant::now();
    loop {
        let value = app.script(js).await;
        if !value.is_null() && value != serde_json::Value::Bool(false) {
            return value;
        }
        assert!(started.elapsed() < WAIT, "{what}: {value}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The focus is in the search box.
const IN_THE_BOX: &str = "return document.activeElement?.id === 'everything-search-box';";

#[tokio::test(flavor = "multi_thread")]
async fn search_everything_opens_a_contact_and_a_child_where_they_are() {
    let data = tempfile::tempdir().unwrap();
    record_with_demo_class(data.path());
    let app = Session::launch(data.path()).await;
    app.wait_for("#everything-search:not([hidden])").await;

    // Ctrl+K from anywhere (here: a button of the sidebar) goes to the box.
    app.press("#shortcuts-button", CTRL_K).await;
    wait_until(&app, IN_THE_BOX, "Ctrl+K puts the focus in the search box").await;

    // A word from the welcome calls: the contacts it is in, each with its kind and child.
    app.press("#everything-search-box", WORD).await;
    app.wait_for("#everything-panel:not([hidden]) #everything-results [role='option']")
        .await;
    let first = wait_until(
        &app,
        "const o = document.querySelector('#everything-results [role=\"option\"]');
         return o && { kind: o.dataset.kind, opens: o.dataset.opens ?? null, text: o.textContent,
                       child: o.querySelector('.everything-hit-child')?.textContent ?? '',
                       expanded: document.getElementById('everything-search-box').getAttribute('aria-expanded') };",
        "a first result",
    )
    .await;
    assert_eq!(first["kind"], "contact", "{first}");
    assert_eq!(first["expanded"], "true", "{first}");
    let text = first["text"].as_str().unwrap();
    assert!(text.starts_with("Contact"), "the kind in words: {first}");
    assert!(text.contains(WORD), "the words around the match: {first}");
    let opens = first["opens"]
        .as_str()
        .expect("the result opens a contact")
        .to_string();
    assert!(opens.starts_with("contact:"), "{first}");
    let child = first["child"].as_str().unwrap().to_string();
    assert!(!child.is_empty(), "the child is named: {first}");
    wait_until(
        &app,
        "const t = document.getElementById('everything-announce').textContent; return /result/.test(t) && t;",
        "the number of results is announced",
    )
    .await;
    app.screenshot(&workspace_root().join("target/e2e-screens/search-everything.png"))
        .await;
    let violations = app.accessibility_violations().await;
    assert!(violations.is_empty(), "the search results: {violations:#?}");

    // The arrow key chooses the first result (the focus stays in the box), Enter opens it.
    app.press("#everything-search-box", ARROW_DOWN).await;
    wait_until(
        &app,
        "const box = document.getElementById('everything-search-box');
         const o = document.getElementById(box.getAttribute('aria-activedescendant') || '-');
         return document.activeElement === box && o?.getAttribute('aria-selected') === 'true' && o.dataset.hit === '0';",
        "ArrowDown chooses the first result",
    )
    .await;
    app.press("#everything-search-box", ENTER).await;
    app.wait_for_text("#student-name", &child).await;
    let arrived = wait_until(
        &app,
        "const item = document.activeElement?.closest('[data-item]');
         if (!item || !item.dataset.item.startsWith('contact:')) return false;
         const r = item.getBoundingClientRect();
         return { item: item.dataset.item, arrived: item.classList.contains('arrived'), text: item.textContent,
                  seen: r.bottom > 0 && r.top < window.innerHeight, address: location.hash,
                  panel: document.getElementById('everything-panel').hidden };",
        "the contact has the focus",
    )
    .await;
    assert_eq!(
        arrived["item"],
        opens.as_str(),
        "the contact chosen: {arrived}"
    );
    assert_eq!(arrived["arrived"], true, "it is highlighted: {arrived}");
    assert_eq!(arrived["seen"], true, "it is in sight: {arrived}");
    assert_eq!(arrived["panel"], true, "the results closed: {arrived}");
    assert!(
        arrived["text"].as_str().unwrap().contains(WORD),
        "{arrived}"
    );
    assert!(
        !arrived["address"].as_str().unwrap().contains("item="),
        "a refresh does not jump again: {arrived}"
    );

    // Ctrl+K again: the box keeps the word; the arrow key shows the results again, and Escape
    // closes them with the focus left in the box.
    app.press("#shortcuts-button", CTRL_K).await;
    wait_until(&app, IN_THE_BOX, "Ctrl+K goes back to the box").await;
    app.press("#everything-search-box", ARROW_DOWN).await;
    app.wait_for("#everything-panel:not([hidden])").await;
    app.press("#everything-search-box", ESCAPE).await;
    wait_until(
        &app,
        &format!(
            "const box = document.getElementById('everything-search-box');
             return document.getElementById('everything-panel').hidden && document.activeElement === box
               && box.value === '{WORD}' && box.getAttribute('aria-expanded') === 'false';"
        ),
        "Escape closes the results and keeps the focus in the box",
    )
    .await;

    // A child's name in Cyrillic finds the child, opened with a click at the top of her page.
    // Her mother, Ольга Петрова, is found too, on Анна's page.
    app.fill("#everything-search-box", "Петрова").await;
    let anna = "#everything-results [role='option'][data-kind='student']";
    app.wait_for_text(anna, "Анна Петрова").await;
    app.wait_for_text(
        "#everything-results [role='option'][data-kind='guardian'] .everything-hit-child",
        "Анна Петрова",
    )
    .await;
    let label = app
        .script(&format!(
            "return document.querySelector(\"{anna}\").querySelector('.everything-hit-kind').textContent;"
        ))
        .await;
    assert_eq!(label, "Child");
    app.click(anna).await;
    app.wait_for_text("#student-name", "Анна Петрова").await;
    let focused = wait_until(
        &app,
        "const el = document.activeElement; return el?.id === 'student-name' && el.dataset.item;",
        "the child's name has the focus",
    )
    .await;
    assert!(
        focused.as_str().unwrap().starts_with("student:"),
        "{focused}"
    );
    app.quit().await;
}
