//! The calendar file: read back by an independent iCalendar parser (the `ical` crate), every
//! event's time and UID checked, UIDs kept when the file is written again after an edit, and no
//! child's notes or a contact's words in it.

use chrono::{FixedOffset, NaiveDate, Utc};
use rapport::calendar::{self, When};
use rapport::model::*;
use rapport::{demo, uses, Store};

use crate::support::day;

fn demo_record() -> (tempfile::TempDir, Store, Id) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("record.sqlite3")).unwrap();
    let class = demo::load_demo_class(&mut store, day("2026-11-24"))
        .unwrap()
        .class_id;
    (dir, store, class)
}

/// The events of a calendar file as the `ical` crate reads them: (UID, property → value).
fn parsed(text: &str) -> Vec<(String, std::collections::HashMap<String, String>)> {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("a calendar the parser reads");
    assert!(calendars.next().is_none());
    calendar
        .events
        .into_iter()
        .map(|event| {
            let props: std::collections::HashMap<String, String> = event
                .properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect();
            (props["UID"].clone(), props)
        })
        .collect()
}

#[test]
fn the_calendar_file_is_read_back_by_another_parser_with_every_time_and_uid() {
    let (_dir, store, _class) = demo_record();
    let items = store.calendar_items().unwrap();
    let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
    let events = calendar::events(&items, CalendarNames::FirstAndInitial, &new_york);
    assert!(
        events.iter().any(|e| e.kind == "conference"),
        "the demo books conferences"
    );
    assert!(
        events.iter().any(|e| e.kind == "follow-up"),
        "the demo has follow-ups due"
    );
    let stamp = "2026-11-24T12:00:00Z".parse().unwrap();
    let text = calendar::write("Rapport", &events, stamp);
    assert!(
        text.split_inclusive('\n')
            .all(|line| line.ends_with("\r\n")),
        "every line ends CRLF"
    );
    assert!(
        text.split("\r\n").all(|line| line.len() <= 75),
        "lines fold at 75 octets"
    );
    let read = parsed(&text);
    assert_eq!(read.len(), events.len());
    for (event, (uid, props)) in events.iter().zip(&read) {
        assert_eq!(*uid, event.uid());
        assert_eq!(props["DTSTAMP"], "20261124T120000Z");
        match &event.when {
            When::At { start, minutes } => {
                let local = match items.iter().find_map(|i| match i {
                    calendar::CalendarItem::Conference(c, _) if c.id == event.id => Some(c),
                    _ => None,
                }) {
                    Some(c) => c.details.starts_at,
                    None => panic!("a conference event has its conference"),
                };
                // New York (UTC−5): 3:30 pm there is 8:30 pm in UTC.
                let expected = (local + chrono::Duration::hours(5))
                    .format("%Y%m%dT%H%M%SZ")
                    .to_string();
                assert_eq!(props["DTSTART"], expected);
                let end = (local
                    + chrono::Duration::hours(5)
                    + chrono::Duration::minutes(i64::from(*minutes)))
                .format("%Y%m%dT%H%M%SZ")
                .to_string();
                assert_eq!(props["DTEND"], end);
                assert!(props["SUMMARY"].starts_with("Conference: "));
                assert!(start.timestamp() > 0);
            }
            When::Day(due) => {
                assert_eq!(props["DTSTART"], due.format("%Y%m%d").to_string());
                assert!(props["SUMMARY"].starts_with("Follow up: "));
            }
        }
    }
}

#[test]
fn writing_again_after_an_edit_keeps_every_uid_and_no_private_words_go_in() {
    let (dir, store, class) = demo_record();
    let now = Utc::now();
    let (before, count) = uses::calendar(&store, None, now).unwrap();
    let uids = |text: &str| {
        parsed(text)
            .into_iter()
            .map(|(uid, _)| uid)
            .collect::<Vec<_>>()
    };
    let booked = store
        .conferences(class)
        .unwrap()
        .into_iter()
        .find(|c| c.conference.details.student_id.is_some())
        .unwrap()
        .conference;
    let mut details = booked.details.clone();
    details.place = "Library, table 2".into();
    details.notes = "PRIVATE-NOTE-XYZ about the custody case".into();
    store.update_conference(booked.id, &details).unwrap();
    let child = store.students(class).unwrap()[0].id;
    store
        .add_contact(&ContactDetails {
            student_id: child,
            guardian_id: None,
            happened_on: day("2026-11-24"),
            method: ContactMethod::Phone,
            initiated_by: Initiator::Teacher,
            kind: ContactKind::Concern,
            summary: "SECRET-WORDS about the family".into(),
            outcome: "AGREED-WORDS".into(),
            reached: true,
            follow_up_on: NaiveDate::from_ymd_opt(2026, 12, 2),
            follow_up_done: false,
            sensitive: true,
        })
        .unwrap();
    let (after, count_after) = uses::calendar(&store, None, now).unwrap();
    assert_eq!(count_after, count + 1);
    let (old, new) = (uids(&before), uids(&after));
    assert!(
        old.iter().all(|uid| new.contains(uid)),
        "every event keeps its UID"
    );
    let edited = parsed(&after)
        .into_iter()
        .find(|(uid, _)| uid.contains(&booked.id.to_string()))
        .unwrap();
    assert_eq!(edited.1["LOCATION"], "Library\\, table 2");
    for secret in [
        "PRIVATE-NOTE-XYZ",
        "SECRET-WORDS",
        "AGREED-WORDS",
        "custody",
    ] {
        assert!(!after.contains(secret), "{secret} is not in the calendar");
    }
    // Named as the teacher chooses.
    store.set_calendar_names(CalendarNames::Initials).unwrap();
    let (initials, _) = uses::calendar(&store, None, now).unwrap();
    assert!(initials.contains("Conference: ") && !initials.contains("Núñez"));
    let (full, _) = uses::calendar(&store, Some(CalendarNames::Full), now).unwrap();
    assert!(full.contains("José Núñez"));

    // The command line writes the same file.
    drop(store);
    let out = dir.path().join("rapport.ics");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_rapport"))
        .arg("--db")
        .arg(dir.path().join("record.sqlite3"))
        .args(["calendar", "--names", "first-initial", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(uids(&written), uids(&after));
}

#[test]
fn a_calendar_file_kept_up_to_date_is_written_again_in_its_folder() {
    let (dir, store, class) = demo_record();
    assert_eq!(
        uses::refresh_calendar_file(&store, Utc::now()).unwrap(),
        None
    );
    let folder = dir.path().join("calendar");
    std::fs::create_dir(&folder).unwrap();
    store.set_calendar_folder(Some(&folder)).unwrap();
    let (path, events) = uses::refresh_calendar_file(&store, Utc::now())
        .unwrap()
        .unwrap();
    assert_eq!(path, folder.join(uses::CALENDAR_FILE));
    let child = store.students(class).unwrap()[0].id;
    store
        .add_contact(&ContactDetails {
            student_id: child,
            guardian_id: None,
            happened_on: day("2026-11-24"),
            method: ContactMethod::Email,
            initiated_by: Initiator::Teacher,
            kind: ContactKind::Information,
            summary: String::new(),
            outcome: String::new(),
            reached: true,
            follow_up_on: NaiveDate::from_ymd_opt(2026, 12, 3),
            follow_up_done: false,
            sensitive: false,
        })
        .unwrap();
    let (_, more) = uses::refresh_calendar_file(&store, Utc::now())
        .unwrap()
        .unwrap();
    assert_eq!(more, events + 1);
    assert_eq!(parsed(&std::fs::read_to_string(&path).unwrap()).len(), more);
    std::fs::remove_dir_all(&folder).unwrap();
    let gone = uses::refresh_calendar_file(&store, Utc::now()).unwrap_err();
    assert!(gone.to_string().contains("Settings → Calendar"), "{gone}");
}
