//! The window opens no network socket: the built app is started under `strace -f -e
//! trace=network` (WebKit's web and network processes included) on the demo class, left to show
//! Today and take its start-up backup, then closed. Only local sockets (Unix, netlink) may appear:
//! no AF_INET or AF_INET6 socket, no address connected to. WebDriver is not used here, so its local
//! TCP port cannot hide anything.

use std::time::{Duration, Instant};

use rapport_e2e::{app_binary, log_lines, printed_dir, record_with_demo_class};

#[path = "../../../core/support/network.rs"]
mod network;
use network::beyond_the_machine;

#[test]
fn the_app_opens_no_network_socket() {
    let data = tempfile::tempdir().unwrap();
    record_with_demo_class(data.path());
    let trace = data.path().join("strace.log");
    let mut strace = std::process::Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=network", "-o"])
        .arg(&trace)
        .arg(app_binary())
        .env("RAPPORT_DATA_DIR", data.path())
        .env("RAPPORT_SAVE_DIR", printed_dir(data.path()))
        .spawn()
        .expect("strace is needed for the privacy check (apt install strace)");

    // Wait for the first screen with data, and for the start-up backup.
    let started = Instant::now();
    while log_lines(data.path(), "ready in").is_empty()
        || log_lines(data.path(), "automatic backup").is_empty()
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the app did not show its first screen under strace"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    std::thread::sleep(Duration::from_secs(2));

    // Close the app (strace's child) politely, then let strace finish its log.
    let children = std::fs::read_to_string(format!(
        "/proc/{pid}/task/{pid}/children",
        pid = strace.id()
    ))
    .unwrap_or_default();
    for child in children.split_whitespace() {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", child])
            .status();
    }
    let deadline = Instant::now() + Duration::from_secs(20);
    while strace.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = strace.kill();
            panic!("the app did not stop after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    let log = std::fs::read_to_string(&trace).unwrap();
    let calls: Vec<&str> = log.lines().collect();
    assert!(
        calls.iter().any(|c| c.contains("AF_UNIX")),
        "the trace saw nothing; strace did not follow the app"
    );
    let beyond = beyond_the_machine(&calls);
    assert!(beyond.is_empty(), "network calls: {beyond:#?}");
}
