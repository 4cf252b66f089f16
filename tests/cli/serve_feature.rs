//! `baocao users` (feature `serve`), and what `serve` and `users` say in a
//! build without the feature.

use super::support::Workdir;

/// `baocao users ARGS --users users`, `stdin` typed on its standard input.
#[cfg(feature = "serve")]
fn users(w: &Workdir, args: &[&str], stdin: &str) -> super::support::Run {
    let mut all = vec!["users"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--users", "users"]);
    w.run_stdin(&all, stdin)
}

#[cfg(feature = "serve")]
#[test]
fn users_are_added_listed_and_removed_and_no_password_is_kept() {
    let w = Workdir::new();
    // the two typings differ: nothing is written
    let differ = users(&w, &["add", "analyst"], "một\nhai\n");
    assert_eq!(differ.code, 1);
    assert!(
        differ.stderr.contains("the two passwords differ"),
        "{}",
        differ.stderr
    );
    assert!(!w.path("users").exists());
    let empty = users(&w, &["add", "analyst"], "\n\n");
    assert_eq!(empty.code, 1);
    assert!(
        empty.stderr.contains("the password is empty"),
        "{}",
        empty.stderr
    );
    let short = users(&w, &["add", "analyst"], "ngắn\nngắn\n");
    assert_eq!(short.code, 1);
    assert!(
        short.stderr.contains("at least 8 characters"),
        "{}",
        short.stderr
    );
    let once = users(&w, &["add", "analyst"], "Mật-khẩu 2023\n");
    assert_eq!(once.code, 1);
    assert!(
        once.stderr.contains("type the password twice"),
        "{}",
        once.stderr
    );
    let bad = users(&w, &["add", "a:b"], "x\nx\n");
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("cannot be a user name"),
        "{}",
        bad.stderr
    );
    for name in ["analyst", "phó.giám.đốc"] {
        let added = users(&w, &["add", name], "Mật-khẩu 2023\nMật-khẩu 2023\n");
        assert_eq!(added.code, 0, "{}", added.stderr);
        assert!(added.stderr.contains(&format!("user {name} added")));
    }
    let again = users(&w, &["add", "analyst"], "mật khẩu mới\nmật khẩu mới\n");
    assert!(
        again.stderr.contains("has a new password"),
        "{}",
        again.stderr
    );
    let file = std::fs::read_to_string(w.path("users")).expect("users file");
    assert!(
        !file.contains("Mật-khẩu") && !file.contains("khẩu mới"),
        "{file}"
    );
    let verifiers: Vec<&str> = file.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(verifiers.len(), 2, "{file}");
    assert!(
        verifiers.iter().all(|l| l.contains(":SCRAM-SHA-256$4096:")),
        "{file}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(w.path("users"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "readable by its owner only: {mode:o}");
    }
    let listed = users(&w, &["list"], "");
    assert_eq!(listed.stdout, "analyst\nphó.giám.đốc\n");
    assert_eq!(users(&w, &["remove", "analyst"], "").code, 0);
    let gone = users(&w, &["remove", "analyst"], "");
    assert_eq!(gone.code, 1);
    assert!(
        gone.stderr.contains("there is no user analyst"),
        "{}",
        gone.stderr
    );
    assert_eq!(users(&w, &["list"], "").stdout, "phó.giám.đốc\n");
}

#[cfg(not(feature = "serve"))]
#[test]
fn without_the_feature_serve_and_users_say_how_to_build_it() {
    let w = Workdir::new();
    for args in [&["serve"][..], &["users", "list"][..]] {
        let run = w.run(args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(run.stderr.contains("--features serve"), "{}", run.stderr);
        let vi = w.run_vi(args);
        assert!(vi.stderr.contains("--features serve"), "{}", vi.stderr);
        assert!(vi.stderr.contains("máy chủ PostgreSQL"), "{}", vi.stderr);
    }
}
