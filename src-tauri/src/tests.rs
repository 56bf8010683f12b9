//! The commands through Tauri's mock runtime with the real config and capability, so permissions
//! are enforced as in the app: round trips, error shapes, and refusals.

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

use crate::commands::names::COMMANDS;
use crate::state::Record;

struct Harness {
    _dir: tempfile::TempDir,
    app: App<MockRuntime>,
    main: WebviewWindow<MockRuntime>,
}

fn harness() -> Harness {
    harness_in(tempfile::tempdir().unwrap())
}

/// The app on the record in `dir` (made there if there is none).
fn harness_in(dir: tempfile::TempDir) -> Harness {
    let app = crate::with_commands(mock_builder())
        .manage(Record::open(dir.path().join(rapport::paths::DB_FILE_NAME)))
        .manage(crate::dialogs::FileDialogs::Folder({
            let saved = dir.path().join("saved");
            std::fs::create_dir_all(&saved).unwrap();
            saved
        }))
        .build(tauri::generate_context!())
        .expect("the app builds");
    let main = WebviewWindowBuilder::new(&app, "main", WebviewUrl::default())
        .build()
        .unwrap();
    Harness {
        _dir: dir,
        app,
        main,
    }
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn a_class_a_student_and_two_guardians_round_trip() {
    let h = harness();
    let class = invoke(
        &h.main,
        "create_class",
        json!({ "details": { "name": "Room 12", "grade": "3" } }),
    )
    .unwrap();
    let info = invoke(&h.main, "app_info", json!({})).unwrap();
    assert_eq!(info["settings"]["current_class_id"], class["id"]);
    assert!(info["open_error"].is_null());
    assert!(info["languages"].as_array().unwrap().len() > 20);

    let student = invoke(
        &h.main,
        "create_student",
        json!({ "details": { "class_id": class["id"], "given_name": "José", "family_name": "Núñez" } }),
    )
    .unwrap();
    for (name, language) in [("María Núñez", "es"), ("Carlos Núñez", "es")] {
        invoke(
            &h.main,
            "add_guardian",
            json!({
                "student_id": student["id"],
                "details": { "name": name, "phone": "555-0101", "preferred_language": language },
                "link": { "is_primary": false, "lives_with": true }
            }),
        )
        .unwrap();
    }
    let page = invoke(&h.main, "get_student", json!({ "id": student["id"] })).unwrap();
    assert_eq!(page["display_name"], "José Núñez");
    assert_eq!(page["guardians"].as_array().unwrap().len(), 2);
    assert_eq!(page["guardians"][0]["link"]["is_primary"], true);

    let list = invoke(&h.main, "list_students", json!({ "class_id": class["id"] })).unwrap();
    assert_eq!(
        list[0]["guardian_names"],
        json!(["María Núñez", "Carlos Núñez"])
    );
}

#[test]
fn validation_errors_carry_code_message_and_fields() {
    let h = harness();
    let class = invoke(
        &h.main,
        "create_class",
        json!({ "details": { "name": "Room 12" } }),
    )
    .unwrap();
    let error = invoke(
        &h.main,
        "create_student",
        json!({ "details": { "class_id": class["id"], "given_name": "  " } }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "validation");
    assert_eq!(
        error["message"],
        "The student's given name cannot be empty."
    );
    assert_eq!(error["fields"][0]["field"], "given_name");

    let error = invoke(&h.main, "get_student", json!({ "id": 4242 })).unwrap_err();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn the_demo_class_loads_once() {
    let h = harness();
    let summary = invoke(&h.main, "load_demo", json!({})).unwrap();
    assert!(summary["students"].as_u64().unwrap() >= 25);
    let overview = invoke(
        &h.main,
        "class_overview",
        json!({ "class_id": summary["class_id"] }),
    )
    .unwrap();
    assert_eq!(overview["do_not_contact"].as_array().unwrap().len(), 1);
    let error = invoke(&h.main, "load_demo", json!({})).unwrap_err();
    assert_eq!(error["code"], "conflict");
}

#[test]
fn an_unknown_command_is_refused() {
    let h = harness();
    let error = invoke(&h.main, "drop_everything", json!({})).unwrap_err();
    let message = error.as_str().unwrap_or_default().to_lowercase();
    assert!(
        message.contains("not found") || message.contains("not allowed"),
        "{error}"
    );
}

#[test]
fn a_window_other_than_main_may_call_nothing() {
    let h = harness();
    let other = WebviewWindowBuilder::new(h.app.handle(), "other", WebviewUrl::default())
        .build()
        .unwrap();
    let error = invoke(&other, "app_info", json!({})).unwrap_err();
    assert!(
        error.as_str().unwrap_or_default().contains("not allowed"),
        "{error}"
    );
    assert!(invoke(&h.main, "app_info", json!({})).is_ok());
}

#[test]
fn every_command_in_the_manifest_is_registered_and_permitted() {
    let h = harness();
    for command in COMMANDS {
        // Called with no arguments: a command that exists and is permitted either answers or
        // complains about its arguments; it is never "not found" or "not allowed".
        if let Err(error) = invoke(&h.main, command, json!({})) {
            let text = error.to_string().to_lowercase();
            assert!(
                !text.contains("not found") || text.contains("was not found"),
                "{command}: {error}"
            );
            assert!(!text.contains("not allowed"), "{command}: {error}");
        }
    }
}

fn config() -> Value {
    serde_json::from_str(include_str!("../tauri.conf.json")).unwrap()
}

#[test]
fn the_capability_grants_exactly_the_manifest_commands_to_main_only() {
    let capability: Value =
        serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    assert_eq!(capability["windows"], json!(["main"]));
    assert!(
        capability.get("remote").is_none(),
        "no remote URLs may call commands"
    );
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_string())
        .collect();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    granted.sort();
    expected.sort();
    assert_eq!(granted, expected);
    assert_eq!(config()["app"]["security"]["capabilities"], json!(["main"]));
}

#[test]
fn the_content_security_policy_allows_nothing_remote() {
    let config = config();
    let security = &config["app"]["security"];
    assert_eq!(security["freezePrototype"], true);
    let csp = security["csp"].as_object().expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        assert!(!value.contains("unsafe-eval"), "{directive}");
        assert!(!value.contains("unsafe-inline"), "{directive}");
        for source in value.split_whitespace() {
            let remote = source.contains("://") && source != "http://ipc.localhost";
            assert!(
                !remote && source != "*" && source != "https:" && source != "http:",
                "{directive}: {source}"
            );
        }
    }
}

#[test]
fn the_app_and_the_command_line_share_one_identifier_and_window_title() {
    let config = config();
    assert_eq!(config["identifier"], rapport::paths::APP_IDENTIFIER);
    assert_eq!(config["app"]["windows"][0]["label"], "main");
    assert_eq!(config["app"]["windows"][0]["title"], "Rapport");
    assert_eq!(config["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn a_deleted_student_can_be_restored_through_the_window() {
    let h = harness();
    let summary = invoke(&h.main, "load_demo", json!({})).unwrap();
    let students = invoke(
        &h.main,
        "list_students",
        json!({ "class_id": summary["class_id"] }),
    )
    .unwrap();
    let first = &students[0];
    let trash_id = invoke(&h.main, "delete_student", json!({ "id": first["id"] })).unwrap();
    let trash = invoke(&h.main, "list_trash", json!({})).unwrap();
    assert_eq!(trash[0]["id"], trash_id);
    assert_eq!(trash[0]["label"], first["display_name"]);
    let restored = invoke(&h.main, "restore_from_trash", json!({ "id": trash_id })).unwrap();
    assert_eq!(
        restored["student_id"], first["id"],
        "the old id was free, so it is kept"
    );
    let page = invoke(&h.main, "get_student", json!({ "id": first["id"] })).unwrap();
    assert_eq!(page["display_name"], first["display_name"]);
    let again = invoke(&h.main, "restore_from_trash", json!({ "id": trash_id })).unwrap_err();
    assert_eq!(again["code"], "not_found");
}

#[test]
fn a_questionnaire_is_printed_to_a_pdf_file() {
    let h = harness();
    let summary = invoke(&h.main, "load_demo", json!({})).unwrap();
    let students = invoke(
        &h.main,
        "list_students",
        json!({ "class_id": summary["class_id"] }),
    )
    .unwrap();
    let jose = students
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["display_name"] == "José Núñez")
        .unwrap();
    let saved = invoke(
        &h.main,
        "print_questionnaire",
        json!({ "student_id": jose["id"] }),
    )
    .unwrap();
    let path = std::path::PathBuf::from(saved["path"].as_str().unwrap());
    assert!(
        path.ends_with("Family questionnaire — José Núñez.pdf"),
        "{path:?}"
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(saved["bytes"], bytes.len());
    assert_eq!(saved["missing_characters"], "");
}

#[test]
fn packets_letters_and_the_schedule_are_printed_to_pdf_files() {
    let h = harness();
    let summary = invoke(&h.main, "load_demo", json!({})).unwrap();
    let class = json!({ "class_id": summary["class_id"] });
    let students = invoke(&h.main, "list_students", class.clone()).unwrap();
    let first = json!({ "student_id": students[0]["id"] });
    for (command, args) in [
        ("print_packet", &first),
        ("print_letter", &first),
        ("print_class_packets", &class),
        ("print_class_letters", &class),
    ] {
        let saved = invoke(&h.main, command, args.clone()).unwrap();
        let bytes = std::fs::read(saved["path"].as_str().unwrap()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{command}");
        assert!(saved["pages"].as_u64().unwrap() >= 1, "{command}");
    }
    // The demo's conferences may all lie before today on the machine's clock; either way the
    // answer is a PDF or a readable conflict.
    match invoke(&h.main, "print_schedule", class) {
        Ok(saved) => assert!(saved["pages"].as_u64().unwrap() >= 1),
        Err(error) => assert_eq!(error["code"], "nothing_to_print", "{error}"),
    }
}

#[test]
fn the_letter_template_saves_resets_and_refuses_unknown_placeholders() {
    let h = harness();
    let languages = invoke(&h.main, "letter_languages", json!({})).unwrap();
    assert_eq!(languages[0]["code"], "en");
    assert_eq!(languages[1]["native"], "Español");
    let suggested = invoke(&h.main, "letter_template", json!({ "language": "es" })).unwrap();
    assert_eq!(suggested["edited"], false);
    let saved = invoke(
        &h.main,
        "save_letter_template",
        json!({ "language": "es", "body": "Hola, {guardian}." }),
    )
    .unwrap();
    assert_eq!(saved["edited"], true);
    let error = invoke(
        &h.main,
        "save_letter_template",
        json!({ "language": "es", "body": "Hola, {familia}." }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "validation");
    assert_eq!(error["fields"][0]["field"], "body");
    assert!(error["fields"][0]["message"]
        .as_str()
        .unwrap()
        .contains("{familia}"));
    let reset = invoke(
        &h.main,
        "save_letter_template",
        json!({ "language": "es", "body": null }),
    )
    .unwrap();
    assert_eq!(reset, suggested);
    let unknown = invoke(&h.main, "letter_template", json!({ "language": "xx" })).unwrap_err();
    assert_eq!(unknown["code"], "not_found");
}

#[test]
fn a_backup_written_now_can_be_restored_and_the_record_as_it_was_is_kept() {
    let h = harness();
    let summary = invoke(&h.main, "load_demo", json!({})).unwrap();
    let listed = invoke(&h.main, "list_backups", json!({})).unwrap();
    assert_eq!(listed["backups"], json!([]));
    let saved = invoke(&h.main, "back_up_now", json!({})).unwrap();
    assert!(saved["bytes"].as_u64().unwrap() > 0);
    let students = invoke(
        &h.main,
        "list_students",
        json!({ "class_id": summary["class_id"] }),
    )
    .unwrap();
    invoke(
        &h.main,
        "delete_student",
        json!({ "id": students[0]["id"] }),
    )
    .unwrap();

    let restored = invoke(&h.main, "restore_from_file", json!({})).unwrap();
    assert_eq!(restored["students"], 30);
    let after = invoke(
        &h.main,
        "list_students",
        json!({ "class_id": summary["class_id"] }),
    )
    .unwrap();
    assert_eq!(
        after.as_array().unwrap().len(),
        30,
        "the deleted child is back"
    );
    let listed = invoke(&h.main, "list_backups", json!({})).unwrap();
    assert_eq!(listed["backups"][0]["kind"], "before_restore");
    let name = listed["backups"][0]["file_name"].clone();
    let back = invoke(&h.main, "restore_backup", json!({ "file_name": name })).unwrap();
    assert_eq!(
        back["students"], 29,
        "and the record as it was can come back too"
    );
    let error = invoke(
        &h.main,
        "restore_backup",
        json!({ "file_name": "../rapport.sqlite3" }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "not_found");
}

#[test]
fn a_record_that_cannot_be_opened_is_replaced_by_one_of_its_backups() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(rapport::paths::DB_FILE_NAME);
    {
        let mut store = rapport::Store::open(&db).unwrap();
        rapport::demo::load_demo_class(&mut store, chrono::Local::now().date_naive()).unwrap();
        let folder = rapport::backup::backups_dir(&db);
        rapport::backup::automatic(&store, &folder, chrono::Utc::now()).unwrap();
    }
    std::fs::write(&db, b"the disk ate the record").unwrap();
    let h = harness_in(dir);
    let info = invoke(&h.main, "app_info", json!({})).unwrap();
    let code = info["open_error"]["code"].clone();
    assert!(code.is_string(), "{info}");
    assert_eq!(
        invoke(&h.main, "list_students", json!({ "class_id": 1 })).unwrap_err()["code"],
        code
    );

    // The window lists the backups and restores one: the record opens, the damaged file is kept.
    let listed = invoke(&h.main, "list_backups", json!({})).unwrap();
    let name = listed["backups"][0]["file_name"].clone();
    let restored = invoke(&h.main, "restore_backup", json!({ "file_name": name })).unwrap();
    assert_eq!(restored["students"], 30);
    let info = invoke(&h.main, "app_info", json!({})).unwrap();
    assert!(info["open_error"].is_null(), "{info}");
    assert_eq!(info["classes"].as_array().unwrap().len(), 1);
    let listed = invoke(&h.main, "list_backups", json!({})).unwrap();
    assert_eq!(listed["backups"][0]["kind"], "before_restore");
}

#[test]
fn a_roster_is_chosen_previewed_and_imported_and_a_bad_one_lists_its_problems() {
    let h = harness();
    let saved = h._dir.path().join("saved");
    std::fs::write(saved.join("roster.csv"), rapport::roster::TEMPLATE).unwrap();
    let chosen = invoke(&h.main, "choose_roster", json!({ "folder": false })).unwrap();
    assert_eq!(chosen["file_name"], "roster.csv");
    let preview = invoke(
        &h.main,
        "import_roster",
        json!({ "class": "Room 12", "dry_run": true }),
    )
    .unwrap();
    assert_eq!(preview["added"], json!(["José Núñez", "Amani Diallo"]));
    assert_eq!(preview["dry_run"], true);
    let info = invoke(&h.main, "app_info", json!({})).unwrap();
    assert_eq!(info["classes"], json!([]), "the preview wrote nothing");
    // The spreadsheet is saved again after the preview: what was previewed is what is imported.
    std::fs::write(
        saved.join("roster.csv"),
        "given_name,family_name\nSomeone,Else\n",
    )
    .unwrap();
    let done = invoke(
        &h.main,
        "import_roster",
        json!({ "class": "Room 12", "dry_run": false }),
    )
    .unwrap();
    assert_eq!(done["added"], preview["added"]);
    let students = invoke(
        &h.main,
        "list_students",
        json!({ "class_id": done["class_id"] }),
    )
    .unwrap();
    assert_eq!(students.as_array().unwrap().len(), 2);

    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        saved.join("broken.csv"),
        "given_name,guardian1_email\n,bad\n",
    )
    .unwrap();
    invoke(&h.main, "choose_roster", json!({ "folder": false })).unwrap();
    let error = invoke(
        &h.main,
        "import_roster",
        json!({ "class": "Room 12", "dry_run": true }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "rejected");
    assert_eq!(error["problems"].as_array().unwrap().len(), 3, "{error}");
    assert!(error["problems"][0]
        .as_str()
        .unwrap()
        .starts_with("broken.csv row 2, given_name:"));

    let template = invoke(&h.main, "save_roster_template", json!({})).unwrap();
    assert!(template
        .as_str()
        .unwrap()
        .ends_with("Rapport roster template.csv"));
}

#[test]
fn a_year_ends_and_a_child_can_be_removed_for_good() {
    let h = harness();
    let summary = invoke(&h.main, "load_demo", json!({})).unwrap();
    let class = summary["class_id"].clone();
    let students = invoke(&h.main, "list_students", json!({ "class_id": class })).unwrap();
    let carry: Vec<Value> = students.as_array().unwrap()[1..]
        .iter()
        .map(|s| s["id"].clone())
        .collect();
    let new = invoke(
        &h.main,
        "start_new_year",
        json!({ "from_class_id": class, "details": { "name": "Grade 4" }, "carry": carry }),
    )
    .unwrap();
    let moved = invoke(&h.main, "list_students", json!({ "class_id": new["id"] })).unwrap();
    assert_eq!(moved.as_array().unwrap().len(), 29);
    let reopened = invoke(
        &h.main,
        "archive_class",
        json!({ "id": class, "archived": false }),
    )
    .unwrap();
    assert_eq!(reopened["archived"], false);

    invoke(&h.main, "back_up_now", json!({})).unwrap();
    let name = invoke(&h.main, "purge_student", json!({ "id": moved[0]["id"] })).unwrap();
    assert_eq!(name, moved[0]["display_name"]);
    let error = invoke(&h.main, "get_student", json!({ "id": moved[0]["id"] })).unwrap_err();
    assert_eq!(error["code"], "not_found");
}
