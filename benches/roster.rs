//! How fast a roster imports: a OneRoster 1.1 bundle of 1,000 children (one class) with their
//! guardians, siblings sharing some, as a folder and as a .zip. Run with `make bench`
//! (`cargo bench -p rapport --bench roster`). Prints figures; asserts nothing.

use std::fmt::Write as _;
use std::io::Write as _;
use std::time::Instant;

use chrono::NaiveDate;
use rapport::roster::{self, ClassTarget};
use rapport::Store;

const CHILDREN: usize = 1_000;

fn bundle() -> Vec<(&'static str, String)> {
    let mut users = String::from("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n");
    let mut enrollments = String::from("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate\n");
    let given = [
        "José", "Hương", "小明", "Amani", "Анна", "Fatima", "Liam", "Sofía", "Yusuf", "Mia",
    ];
    let family = [
        "Núñez",
        "Nguyễn",
        "王",
        "Diallo",
        "Петрова",
        "Rahimi",
        "O'Brien",
        "García",
        "Haddad",
        "Rossi",
    ];
    for n in 0..CHILDREN {
        // Every fifth child is the younger sibling of the one before and shares their parents.
        let family_of = if n % 5 == 4 { n - 1 } else { n };
        let agents = format!("p-{family_of}-a,p-{family_of}-b");
        writeln!(
            users,
            "s-{n},,2026-08-01T00:00:00Z,true,org-1,student,s{n},,{},{},,S{n:05},,,,\"{agents}\",03,",
            given[n % 10],
            family[family_of % 10]
        )
        .unwrap();
        if family_of == n {
            for (tag, role) in [("a", "parent"), ("b", "guardian")] {
                writeln!(
                    users,
                    "p-{n}-{tag},,2026-08-01T00:00:00Z,true,org-1,{role},p{n}{tag},,Parent{tag},{},,,p{n}{tag}@example.org,,555-{:04},s-{n},,",
                    family[n % 10],
                    n % 10_000
                )
                .unwrap();
            }
        }
        writeln!(
            enrollments,
            "e-{n},,2026-08-01T00:00:00Z,class-1,org-1,s-{n},student,false,2026-08-15,2027-06-30"
        )
        .unwrap();
    }
    vec![
        ("manifest.csv", "propertyName,value\noneroster.version,1.1\n".into()),
        ("users.csv", users),
        ("enrollments.csv", enrollments),
        ("classes.csv", "sourcedId,status,dateLastModified,title,grades\nclass-1,,2026-08-01T00:00:00Z,Grade 3 — all,03\n".into()),
        ("orgs.csv", "sourcedId,status,dateLastModified,name,type\norg-1,,2026-08-01T00:00:00Z,Maple Grove,school\n".into()),
    ]
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().join("oneroster");
    std::fs::create_dir(&folder).unwrap();
    let files = bundle();
    let zip_path = dir.path().join("oneroster.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut rows = 0;
    for (name, text) in &files {
        std::fs::write(folder.join(name), text).unwrap();
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
        rows += text.lines().count() - 1;
    }
    zip.finish().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();

    let started = Instant::now();
    let read = roster::read(&zip_path, None).expect("read the zip");
    let reading = started.elapsed();
    let mut store = Store::open(dir.path().join("r.sqlite3")).unwrap();
    let started = Instant::now();
    let preview = store
        .import_roster(&read, &ClassTarget::FromRoster, today, true)
        .expect("preview");
    let previewing = started.elapsed();
    let started = Instant::now();
    let report = store
        .import_roster(&read, &ClassTarget::FromRoster, today, false)
        .expect("import");
    let importing = started.elapsed();
    let started = Instant::now();
    let again = store
        .import_roster(
            &roster::read(&folder, None).unwrap(),
            &ClassTarget::FromRoster,
            today,
            false,
        )
        .expect("import again");
    let reimporting = started.elapsed();
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let total = reading + importing;
    println!(
        "OneRoster bundle: {CHILDREN} children, {} guardians, {rows} CSV rows ({} KB zipped)",
        report.guardians_added,
        std::fs::metadata(&zip_path).unwrap().len() / 1024
    );
    println!("read and check the .zip:          {:>8.1} ms", ms(reading));
    println!(
        "preview (written, rolled back):   {:>8.1} ms ({} to add)",
        ms(previewing),
        preview.added.len()
    );
    println!(
        "import:                           {:>8.1} ms",
        ms(importing)
    );
    println!(
        "read + import:                    {:>8.1} ms = {:.0} rows per second",
        ms(total),
        rows as f64 / total.as_secs_f64()
    );
    println!(
        "import the same roster again:     {:>8.1} ms ({} unchanged, {} added)",
        ms(reimporting),
        again.unchanged.len(),
        again.added.len()
    );
}
