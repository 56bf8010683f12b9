//! Children's data never leaves the machine: the command line is run under `strace -f -e
//! trace=network` through everything it does (a demo class, Today, a class of packets, the whole
//! record as JSON, a backup), and not one network socket is opened: no AF_INET or AF_INET6 socket,
//! no connect or send to an address. (The window is checked the same way in tests/e2e.) strace
//! comes from `make test`'s packages; without it this test fails rather than skips.

use std::path::Path;
use std::process::Command;

#[path = "support/network.rs"]
mod network;
use network::beyond_the_machine;

/// Runs `rapport` with `args` under strace; returns the network calls it made.
fn traced(dir: &Path, args: &[&str]) -> Vec<String> {
    let log = dir.join("strace.log");
    let status = Command::new("strace")
        // openat too, to prove the trace saw the program at work (it opens the record).
        .args(["-f", "-qq", "-e", "trace=network,openat", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_rapport"))
        .arg("--db")
        .arg(dir.join("rapport.sqlite3"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("strace is needed for the privacy check (apt install strace)");
    assert!(status.success(), "rapport {args:?} failed");
    let trace = std::fs::read_to_string(&log).unwrap();
    assert!(
        trace.contains("rapport.sqlite3"),
        "strace did not see rapport {args:?} open its record"
    );
    trace
        .lines()
        .filter(|line| !line.contains("openat("))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_command_line_opens_no_network_socket() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let file = |name: &str| out.join(name).to_string_lossy().into_owned();
    let mut calls = traced(dir.path(), &["demo", "--today", "2026-11-24"]);
    let class = rapport::Store::open(dir.path().join("rapport.sqlite3"))
        .unwrap()
        .classes()
        .unwrap()[0]
        .id
        .to_string();
    for args in [
        vec!["today", "--date", "2026-11-24"],
        vec![
            "packet",
            "--class",
            &class,
            "--date",
            "2026-11-24",
            "--out",
            &file("class.pdf"),
        ],
        vec![
            "handout",
            "letter",
            "--class",
            &class,
            "--out",
            &file("letters.pdf"),
        ],
        vec!["export-json", "--out", &file("record.json")],
        vec!["backup"],
    ] {
        calls.extend(traced(dir.path(), &args));
    }
    assert!(out.join("class.pdf").is_file() && out.join("record.json").is_file());
    let bad = beyond_the_machine(&calls);
    assert!(bad.is_empty(), "network calls: {bad:#?}");
}

#[test]
fn the_check_itself_would_see_a_network_socket() {
    // The filter is not vacuous: a real TCP socket attempt, as strace prints it, is caught.
    let calls = vec![
        "1234 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3".to_string(),
        "1234 connect(3, {sa_family=AF_INET6, sin6_port=htons(443)}, 28) = -1".to_string(),
        "1234 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 4".to_string(),
        "1234 recvmsg(5, {msg_name={sa_family=AF_NETLINK}, [{rtm_family=AF_INET}]}) = 52"
            .to_string(),
    ];
    assert_eq!(beyond_the_machine(&calls).len(), 2);
}
