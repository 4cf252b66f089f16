//! `demo` on the bundled samples: a folder of over a hundred mixed files,
//! checked against the lake read back independently.

use std::collections::HashSet;

use super::support::{Workdir, v};

#[test]
fn demo_ingests_the_bundled_samples_and_prints_what_landed() {
    let w = Workdir::new();
    let run = w.run(&["demo", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("What landed in out/lake:"),
        "{}",
        run.stdout
    );

    let inbox_files = std::fs::read_dir(w.path("out/inbox/2023")).unwrap().count();
    let subs = w.rows("out/lake/submissions");
    let rejects = w.rows("out/lake/rejects");
    let whole_file = rejects
        .iter()
        .filter(|r| v(r, "source_row").is_null())
        .count();
    // every file is either a submission or a refused file: nothing lost
    assert_eq!(subs.len() + whole_file, inbox_files);
    assert!(inbox_files >= 60, "{inbox_files} sample files");
    // the one correction supersedes one report
    assert_eq!(
        subs.iter()
            .filter(|s| !v(s, "superseded_by").is_null())
            .count(),
        1
    );
    // rows_read = accepted + rejected, and the lake's rows agree with the ledger
    let acts = w.rows("out/lake/activities");
    let accepted: i64 = subs
        .iter()
        .map(|s| v(s, "rows_accepted").as_i64().unwrap())
        .sum();
    let rejected: i64 = subs
        .iter()
        .map(|s| v(s, "rows_rejected").as_i64().unwrap())
        .sum();
    assert_eq!(acts.len() as i64, accepted);
    assert_eq!((rejects.len() - whole_file) as i64, rejected);
    for s in &subs {
        assert_eq!(
            v(s, "rows_read").as_i64().unwrap(),
            v(s, "rows_accepted").as_i64().unwrap() + v(s, "rows_rejected").as_i64().unwrap()
        );
    }
    // every format the contract names is among the samples
    let formats: HashSet<String> = subs
        .iter()
        .map(|s| v(s, "format").as_str().unwrap().to_string())
        .collect();
    for f in ["csv", "txt", "xlsx", "json", "ndjson"] {
        assert!(formats.contains(f), "no {f} sample in {formats:?}");
    }
    // what demo printed agrees with the independent count of current items
    let current: HashSet<String> = subs
        .iter()
        .filter(|s| v(s, "superseded_by").is_null())
        .map(|s| v(s, "submission_id").as_str().unwrap().to_string())
        .collect();
    let current_items = acts
        .iter()
        .filter(|a| current.contains(v(a, "submission_id").as_str().unwrap()))
        .count();
    let quantity: i64 = acts
        .iter()
        .filter(|a| current.contains(v(a, "submission_id").as_str().unwrap()))
        .map(|a| v(a, "quantity").as_i64().unwrap())
        .sum();
    assert!(
        run.stdout.contains(&format!(
            "  {current_items} activities, quantity {quantity}"
        )),
        "{}",
        run.stdout
    );
    // it ends with the trend files as of the samples' last day
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(w.path("out/trends/manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["as_of"], "2023-12-31");
    assert_eq!(manifest["files"].as_array().unwrap().len(), 8);
    let alerts = w.rows("out/trends/alerts.parquet").len();
    assert!(
        run.stdout.contains(&format!(
            "The trend files as of 2023-12-31 (8 files, {alerts} alerts) are in out/trends"
        )),
        "{}",
        run.stdout
    );
}
