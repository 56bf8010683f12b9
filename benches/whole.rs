//! What a teacher waits for when they press Print: `rapport packet` as a whole process (start,
//! open the record, read it, lay out, write the file), release build, median of paired runs. The
//! in-process figures of `benches/packet.rs` leave out the process, the fonts' first parse and
//! cold caches. When headless Chromium is installed it prints comparable HTML (the same pages'
//! text, one section per page) in the same pairs, for a browser-based app's figure. Memory is the
//! peak resident size from GNU time when it is installed. Run with `make bench`. Prints figures;
//! asserts nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const PAIRS: usize = 7;

/// The `rapport` binary built with this bench.
fn rapport() -> &'static str {
    env!("CARGO_BIN_EXE_rapport")
}

/// One whole run of `program args`: wall time in ms and peak resident memory in MB (when GNU time
/// can measure it).
fn run(program: &str, args: &[&str]) -> (f64, Option<f64>) {
    let time = Path::new("/usr/bin/time");
    let started = Instant::now();
    let output = if time.exists() {
        Command::new(time)
            .args(["-f", "%M"])
            .arg(program)
            .args(args)
            .output()
    } else {
        Command::new(program).args(args).output()
    }
    .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    let took = started.elapsed().as_secs_f64() * 1000.0;
    assert!(
        output.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let peak = time
        .exists()
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()
                .and_then(|l| l.trim().parse::<f64>().ok())
        })
        .flatten()
        .map(|kb| kb / 1024.0);
    (took, peak)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn kb(path: &Path) -> u64 {
    std::fs::metadata(path)
        .map_or(0, |m| m.len())
        .div_ceil(1024)
}

/// Pages of a PDF, from pdfinfo (0 when it is not installed).
fn pages(path: &Path) -> usize {
    Command::new("pdfinfo")
        .arg(path)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().ok()))
                .flatten()
        })
        .unwrap_or(0)
}

/// A record with a class: the demo class, or a generated class of `students`.
fn record(dir: &Path, name: &str, students: Option<usize>) -> (PathBuf, String, String) {
    let db = dir.join(name);
    let db_arg = db.to_str().expect("a UTF-8 path");
    let mut args = vec!["--db", db_arg, "demo"];
    let size = students.map(|s| s.to_string());
    if let Some(size) = &size {
        args.extend(["--students", size, "--years", "1"]);
    }
    run(rapport(), &args);
    let listed = Command::new(rapport())
        .args(["--db", db_arg, "students", "--json"])
        .output()
        .expect("rapport students");
    let classes: serde_json::Value =
        serde_json::from_slice(&listed.stdout).expect("the students as JSON");
    let class = &classes[0];
    (
        db,
        class["class"]["id"].as_str().expect("a class").to_string(),
        class["students"][0]["id"]
            .as_str()
            .expect("a student")
            .to_string(),
    )
}

/// Headless Chromium, when installed.
fn chromium() -> Option<&'static str> {
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .into_iter()
    .find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// HTML with the text of each page of `pdf` on a page of its own, for the browser to print.
fn comparable_html(pdf: &Path, html: &Path) -> bool {
    let Ok(output) = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
    else {
        return false;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut out = String::from(
        "<!doctype html><meta charset=utf-8><title>Conference packets</title><style>\
         @page{size:letter;margin:0.75in}body{font:9.5pt 'DejaVu Sans',sans-serif;color:#1d2730}\
         section{break-after:page}h1{font-size:13pt;color:#1f6f78}p{margin:0 0 2pt;white-space:pre-wrap}\
         </style>",
    );
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        out.push_str("<section>");
        let mut lines = page.lines().filter(|l| !l.trim().is_empty());
        if let Some(first) = lines.next() {
            out.push_str(&format!("<h1>{}</h1>", escape(first.trim())));
        }
        for line in lines {
            out.push_str(&format!("<p>{}</p>", escape(line.trim_end())));
        }
        out.push_str("</section>");
    }
    std::fs::write(html, out).is_ok()
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (demo, class, student) = record(dir.path(), "demo.sqlite3", None);
    let demo_arg = demo.to_str().expect("a UTF-8 path");
    let class_pdf = dir.path().join("class.pdf");
    let one_pdf = dir.path().join("one.pdf");

    // The floor: a command that opens the record and reads it, printing nothing.
    let floor = median(
        (0..PAIRS)
            .filter_map(|_| run(rapport(), &["--db", demo_arg, "check"]).1)
            .collect(),
    );
    let one = median(
        (0..PAIRS)
            .map(|_| {
                run(
                    rapport(),
                    &[
                        "--db",
                        demo_arg,
                        "packet",
                        "--student",
                        &student,
                        "--out",
                        one_pdf.to_str().expect("a UTF-8 path"),
                    ],
                )
                .0
            })
            .collect(),
    );
    println!(
        "whole command, one packet, median of {PAIRS}:            {one:>7.1} ms ({} KB)",
        kb(&one_pdf)
    );

    let class_args = [
        "--db",
        demo_arg,
        "packet",
        "--class",
        &class,
        "--out",
        class_pdf.to_str().expect("a UTF-8 path"),
    ];
    let browser = chromium();
    let html = dir.path().join("class.html");
    let browser_pdf = dir.path().join("browser.pdf");
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    let mut peak = Vec::new();
    for pair in 0..PAIRS {
        let (took, memory) = run(rapport(), &class_args);
        ours.push(took);
        peak.extend(memory);
        if pair == 0 && browser.is_some() && !comparable_html(&class_pdf, &html) {
            println!("(pdftotext is needed to write the browser's HTML; no comparison)");
        }
        if let Some(browser) = browser.filter(|_| html.exists()) {
            let target = format!("--print-to-pdf={}", browser_pdf.display());
            let page = format!("file://{}", html.display());
            theirs.push(
                run(
                    browser,
                    &[
                        "--headless",
                        "--disable-gpu",
                        "--no-sandbox",
                        "--no-pdf-header-footer",
                        &target,
                        &page,
                    ],
                )
                .0,
            );
        }
    }
    let ours = median(ours);
    let memory = if peak.is_empty() {
        String::new()
    } else {
        format!(
            ", peak {:.0} MB ({:+.0} above `check`)",
            median(peak.clone()),
            median(peak) - floor
        )
    };
    println!(
        "whole command, demo class in one PDF, median of {PAIRS}:   {ours:>7.1} ms ({} KB, {} pages{memory})",
        kb(&class_pdf),
        pages(&class_pdf)
    );
    match browser {
        Some(browser) if !theirs.is_empty() => {
            let theirs = median(theirs);
            println!(
                "headless {browser} printing the same pages' text as HTML: {theirs:>7.1} ms ({} KB, {} pages): Rapport {:.1}x faster, {:.1}x smaller",
                kb(&browser_pdf),
                pages(&browser_pdf),
                theirs / ours,
                kb(&browser_pdf) as f64 / kb(&class_pdf).max(1) as f64
            );
        }
        _ => println!("(headless Chromium is not installed: no browser comparison)"),
    }

    // Bigger classes, each a whole command: time and peak memory above the floor.
    for size in [30, 100, 300] {
        let (db, class, _) = record(dir.path(), &format!("class-{size}.sqlite3"), Some(size));
        let db_arg = db.to_str().expect("a UTF-8 path");
        let floor = run(rapport(), &["--db", db_arg, "check"]).1;
        let out = dir.path().join(format!("class-{size}.pdf"));
        let (took, memory) = run(
            rapport(),
            &[
                "--db",
                db_arg,
                "packet",
                "--class",
                &class,
                "--out",
                out.to_str().expect("a UTF-8 path"),
            ],
        );
        let memory = match (memory, floor) {
            (Some(peak), Some(floor)) => {
                format!(", peak {peak:.0} MB, {:+.0} MB above `check`", peak - floor)
            }
            _ => String::new(),
        };
        println!(
            "whole command, generated class of {size:>3}:            {took:>7.1} ms ({:.2} ms per child), {} KB{memory}",
            took / size as f64,
            kb(&out)
        );
    }
}
