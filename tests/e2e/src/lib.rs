//! Drives the real Rapport window through WebKitWebDriver (via `tauri-driver`), for the journeys in
//! `tests/`. Each session gets free ports, a temporary data folder and a hard time limit; the driver
//! is stopped with SIGTERM (SIGKILL would orphan WebKitWebDriver on its port).
//!
//! These tests fail, never skip, when something they need is missing: a display, `tauri-driver`,
//! or the built app.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use tokio::process::{Child, Command};

/// How long any one wait for the page may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The workspace root (two folders above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// The app binary under test: `$RAPPORT_APP`, or the debug build in the workspace's target folder.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("RAPPORT_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/debug/rapport-desktop"));
    assert!(
        path.is_file(),
        "the app is not built at {}: run `cargo build -p rapport-desktop` (make test does)",
        path.display()
    );
    path
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin/tauri-driver"));
    match in_cargo_home.filter(|p| p.is_file()) {
        Some(path) => path,
        None => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

/// One running app with a WebDriver client on it.
pub struct Session {
    pub client: Client,
    driver: Child,
    /// The record folder the app was started on: finds the app's own process (see `quit`).
    data_dir: PathBuf,
}

impl Drop for Session {
    /// A test that fails midway still stops its driver (and so the app), instead of leaving them
    /// running with the test's output pipe open.
    fn drop(&mut self) {
        self.terminate_driver();
        for pid in app_processes(&self.data_dir) {
            signal(pid, "-TERM");
        }
    }
}

/// The app's processes started on `data_dir` (by their binary and their RAPPORT_DATA_DIR).
fn app_processes(data_dir: &Path) -> Vec<u32> {
    let Ok(app) = app_binary().canonicalize() else {
        return Vec::new();
    };
    let wanted = format!("{}={}", rapport::paths::DATA_DIR_ENV, data_dir.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            let environ = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe.is_some_and(|exe| exe == app)
                && environ
                    .split(|b| *b == 0)
                    .any(|var| var == wanted.as_bytes())
        })
        .collect()
}

fn signal(pid: u32, which: &str) {
    let _ = std::process::Command::new("kill")
        .args([which, &pid.to_string()])
        .status();
}

impl Session {
    fn terminate_driver(&mut self) {
        // Only while it has not been reaped: its id is gone then, and could be another's.
        if let Some(pid) = self.driver.id() {
            let _ = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status();
        }
    }

    /// Starts the app on `data_dir` and waits until the page has loaded.
    pub async fn launch(data_dir: &Path) -> Session {
        Session::launch_until(data_dir, "#view h1").await
    }

    /// Starts the app on `data_dir` and waits for an element matching `css` (the first screen).
    pub async fn launch_until(data_dir: &Path, css: &str) -> Session {
        Session::launch_with(data_dir, css, &[]).await
    }

    /// Starts the app on `data_dir` with more environment variables (the idle lock's seam), and
    /// waits for an element matching `css`.
    pub async fn launch_with(data_dir: &Path, css: &str, env: &[(&str, &str)]) -> Session {
        assert!(
            std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
            "no display: run the end-to-end tests under xvfb-run (make test does)"
        );
        let app = app_binary();
        let (port, native_port) = (free_port(), free_port());
        let driver = Command::new(tauri_driver())
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("RAPPORT_DATA_DIR", data_dir)
            // Printed files go to one folder instead of a native save dialog.
            .env("RAPPORT_SAVE_DIR", printed_dir(data_dir))
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver runs: install it with `cargo install tauri-driver --locked --version '^2'`");
        let url = format!("http://127.0.0.1:{port}");
        // tauri-driver listens at once, but passes the new session on to WebKitWebDriver, which
        // it starts too: on a cold machine that one can take seconds to listen, and a session
        // asked for before then is dropped without an answer.
        for (listener, which) in [(port, "tauri-driver"), (native_port, "WebKitWebDriver")] {
            let started = Instant::now();
            while tokio::net::TcpStream::connect(("127.0.0.1", listener))
                .await
                .is_err()
            {
                assert!(
                    started.elapsed() < WAIT,
                    "{which} did not listen on port {listener}"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app, "args": [] }),
        );
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&url)
            .await
            .expect("a WebDriver session on the app");
        let session = Session {
            client,
            driver,
            data_dir: data_dir.to_path_buf(),
        };
        session.wait_for(css).await;
        session
    }

    /// Waits for an element matching `css` to exist.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element `{css}` appeared: {e}"))
    }

    /// Waits until the element matching `css` shows text containing `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) -> Element {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if let Ok(text) = element.text().await {
                    if text.contains(expected) {
                        return element;
                    }
                    if started.elapsed() > WAIT {
                        panic!("`{css}` shows {text:?}, not {expected:?}");
                    }
                }
            }
            assert!(
                started.elapsed() < WAIT,
                "no element `{css}` showing {expected:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the element matching `css` no longer shows `unwanted` (or is gone).
    pub async fn wait_without_text(&self, css: &str, unwanted: &str) {
        let started = Instant::now();
        loop {
            let text = match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if !text.contains(unwanted) {
                return;
            }
            assert!(started.elapsed() < WAIT, "`{css}` still shows {unwanted:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The text of the element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css).await.text().await.expect("element text")
    }

    /// Chooses the option with `value` in the select matching `css`.
    pub async fn select(&self, css: &str, value: &str) {
        self.wait_for(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("choose {value:?} in `{css}`: {e}"));
    }

    /// Runs a script in the page and returns its result.
    pub async fn script(&self, js: &str) -> serde_json::Value {
        self.client
            .execute(js, vec![])
            .await
            .expect("run a script in the page")
    }

    /// Clicks the element matching `css`, waiting while it is not yet clickable (still hidden, or
    /// covered while the page redraws).
    pub async fn click(&self, css: &str) {
        let started = Instant::now();
        loop {
            let element = self.wait_for(css).await;
            match element.click().await {
                Ok(_) => return,
                Err(e) if started.elapsed() > WAIT => panic!("click `{css}`: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Replaces the value of the field matching `css` with `value`, as typed, waiting while the
    /// field is not yet interactable.
    pub async fn fill(&self, css: &str, value: &str) {
        let started = Instant::now();
        loop {
            let field = self.wait_for(css).await;
            let typed = async {
                field.clear().await?;
                // WebKitWebDriver refuses to type nothing ("Missing text parameter").
                if !value.is_empty() {
                    field.send_keys(value).await?;
                }
                Ok::<_, fantoccini::error::CmdError>(())
            };
            match typed.await {
                Ok(()) => return,
                Err(e) if started.elapsed() > WAIT => panic!("type into `{css}`: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// Types `keys` into the element matching `css` without clearing it first: a key such as
    /// Escape ("\u{e00c}") or Enter ("\u{e007}"), or text added to what is there.
    pub async fn press(&self, css: &str, keys: &str) {
        let element = self.wait_for(css).await;
        element
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("press {keys:?} in `{css}`: {e}"));
    }

    /// Tab presses from the top of the window to the first element matching `css`: its place in
    /// the page's tab order (Rapport uses no positive tabindex), counting only what is shown.
    pub async fn tabs_to(&self, css: &str) -> Option<u64> {
        self.client
            .execute(
                "const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
                   .filter((el) => !el.disabled && el.tabIndex >= 0 && el.type !== 'hidden'
                     && !el.closest('[inert], [hidden]') && el.getClientRects().length > 0);
                 const i = all.findIndex((el) => el.matches(arguments[0]));
                 return i < 0 ? null : i + 1;",
                vec![css.into()],
            )
            .await
            .expect("count the tabs")
            .as_u64()
    }

    /// axe-core's WCAG 2.1 A and AA rules run on the window as it is now: each violation as one
    /// line (rule, what it asks, where). axe is injected once per page load.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        // A status message fading in or out has, for that moment, too little contrast.
        self.wait_for_quiet_status().await;
        let loaded = self.script("return typeof window.axe === 'object'").await;
        if loaded != serde_json::Value::Bool(true) {
            let source = std::fs::read_to_string(axe_core()).expect("read axe-core");
            self.client
                .execute(&format!("{source}\nreturn true;"), vec![])
                .await
                .expect("inject axe-core");
        }
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then((r) => done(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')})`)))
                   .catch((e) => done([`axe failed: ${e}`]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        serde_json::from_value(found).expect("a list of violations")
    }

    /// Follows an in-app link (`#/students`, ...).
    pub async fn go(&self, hash: &str) {
        self.client
            .execute("window.location.hash = arguments[0];", vec![hash.into()])
            .await
            .expect("navigate");
    }

    /// Waits (at most `WAIT`) until passing status messages ("Saved.") have gone.
    async fn wait_for_quiet_status(&self) {
        let started = Instant::now();
        let status = "return document.getElementById('status')?.textContent.trim() ?? ''";
        while self
            .script(status)
            .await
            .as_str()
            .is_some_and(|s| !s.is_empty())
            && started.elapsed() < WAIT
        {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the window, once passing status messages ("Saved.") have gone.
    pub async fn screenshot(&self, path: &Path) {
        self.wait_for_quiet_status().await;
        // Rapport draws without WebKit's accelerated compositing (the shell's lib.rs), and then
        // WebKitWebDriver's screenshot of a page that fits the window never returns (WebKitGTK
        // 2.50 under Xvfb: the window itself is drawn; only the snapshot waits). A page one pixel
        // taller than the window, for the moment of the picture, is taken at once.
        let stretched = self
            .script(
                "const fits = document.documentElement.scrollHeight <= window.innerHeight;
                 if (fits) document.body.style.minHeight = 'calc(100vh + 1px)';
                 return fits;",
            )
            .await;
        let png = self.client.screenshot().await.expect("screenshot");
        if stretched == serde_json::Value::Bool(true) {
            self.script("document.body.style.minHeight = ''").await;
        }
        // The README's pictures in docs/ change only when asked (`make screenshots`): a test run
        // leaves the tree as it found it, its pictures in target/e2e-screens.
        let path = match std::env::var_os("RAPPORT_UPDATE_SCREENSHOTS") {
            Some(_) => path.to_path_buf(),
            None => workspace_root()
                .join("target/e2e-screens")
                .join(path.file_name().expect("a file name")),
        };
        let path = path.as_path();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("screenshot folder");
        }
        std::fs::write(path, png).expect("write screenshot");
    }

    /// Closes the window and stops the driver with SIGTERM, waiting for it to exit.
    pub async fn quit(mut self) {
        // Close the window as a teacher would, then end the session. WebKitWebDriver now and then
        // resets a connection (PLATFORM.md): ask twice.
        let _ = self.client.close_window().await;
        if self.client.clone().close().await.is_err() {
            let _ = self.client.clone().close().await;
        }
        self.terminate_driver();
        if tokio::time::timeout(WAIT, self.driver.wait())
            .await
            .is_err()
        {
            let _ = self.driver.start_kill();
            panic!("tauri-driver did not stop after SIGTERM");
        }
        // The window closes with the session; when the driver lost the session instead, the app
        // is still running on the record and would hold it. Ask it to stop, as closing would.
        let started = Instant::now();
        let mut asked = false;
        loop {
            let running = app_processes(&self.data_dir);
            if running.is_empty() {
                return;
            }
            if !asked && started.elapsed() > Duration::from_secs(3) {
                eprintln!("e2e: the app outlived its WebDriver session; stopping it with SIGTERM");
                running.iter().for_each(|&pid| signal(pid, "-TERM"));
                asked = true;
            }
            assert!(
                started.elapsed() < WAIT,
                "the app did not stop: {running:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// axe-core's script, fetched by `scripts/install-deps.sh --test` (make test-deps) into target/.
fn axe_core() -> PathBuf {
    let dir = workspace_root().join("target/axe-core");
    std::fs::read_dir(&dir)
        .ok()
        .and_then(|files| {
            files
                .filter_map(|f| f.ok().map(|f| f.path()))
                .find(|p| p.extension().is_some_and(|e| e == "js"))
        })
        .unwrap_or_else(|| {
            panic!(
                "no axe-core in {}: run `make test-deps` (scripts/install-deps.sh --test)",
                dir.display()
            )
        })
}

/// A record in `data_dir` with one class and one child with two guardians (one the school must not
/// contact), written through the core before the app starts. Returns the child's id.
pub fn record_with_one_family(data_dir: &Path) -> rapport::model::Id {
    use rapport::model::*;
    let mut store =
        rapport::Store::open(data_dir.join(rapport::paths::DB_FILE_NAME)).expect("open the record");
    let today = chrono::Local::now().date_naive();
    let class = store
        .start_class(
            &ClassDetails {
                name: "Grade 3 — Room 12".into(),
                ..Default::default()
            },
            today,
        )
        .expect("class");
    let student = store
        .add_student(&StudentDetails {
            class_id: class.id,
            given_name: "Amani".into(),
            family_name: "Diallo".into(),
            ..Default::default()
        })
        .expect("student");
    store
        .add_guardian(
            student.id,
            &GuardianDetails {
                name: "Fatou Diallo".into(),
                relationship: "Mother".into(),
                phone: "555-0177".into(),
                preferred_method: ContactMethod::Text,
                preferred_language: "ff".into(),
                ..Default::default()
            },
            GuardianLink::default(),
        )
        .expect("guardian");
    store
        .add_guardian(
            student.id,
            &GuardianDetails {
                name: "Ousmane Diallo".into(),
                relationship: "Father".into(),
                may_contact: false,
                no_contact_reason: "Court order on file with the office".into(),
                ..Default::default()
            },
            GuardianLink {
                is_primary: false,
                lives_with: false,
            },
        )
        .expect("guardian");
    student.id
}

/// The demo class (30 children, a school year around today and a conference week), in the
/// record in `data_dir`; returns the class id.
pub fn record_with_demo_class(data_dir: &Path) -> rapport::model::Id {
    let mut store =
        rapport::Store::open(data_dir.join(rapport::paths::DB_FILE_NAME)).expect("open the record");
    rapport::demo::load_demo_class(&mut store, chrono::Local::now().date_naive())
        .expect("the demo class")
        .class_id
}

/// The id of the child shown as `name` in `class`, in the record in `data_dir` (read before the
/// app starts: the app then owns the record).
pub fn student_id(data_dir: &Path, class: rapport::model::Id, name: &str) -> rapport::model::Id {
    let store =
        rapport::Store::open(data_dir.join(rapport::paths::DB_FILE_NAME)).expect("open the record");
    store
        .students(class)
        .expect("the class's children")
        .into_iter()
        .find(|s| s.display_name == name)
        .unwrap_or_else(|| panic!("{name} is in the class"))
        .id
}

/// The text `pdftotext` reads from a PDF the app printed, with right-to-left marks removed.
pub fn pdf_text(pdf: &Path) -> String {
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    let output = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout)
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}'))
        .collect()
}

/// Where the app under test saves what it prints (created on first use).
pub fn printed_dir(data_dir: &Path) -> PathBuf {
    let dir = data_dir.join("printed");
    std::fs::create_dir_all(&dir).expect("a folder for printed files");
    dir
}

/// The lines of the app's log in `data_dir` that contain `needle`.
pub fn log_lines(data_dir: &Path, needle: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(data_dir.join("logs")) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .flat_map(|text| {
            text.lines()
                .filter(|l| l.contains(needle))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}
