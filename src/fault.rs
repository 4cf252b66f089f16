//! Crash points, so that tests can check what a crash leaves behind: with
//! `BAOCAO_CRASH_AT=<name>` in the environment the process aborts at the
//! point of that name, as `kill -9` would: no unwinding, no clean-up, no
//! locks released by code (the kernel releases them, as it does for a kill).
//! `<name>#<n>` aborts the n-th time the point is passed (counting from 1).
//! With `BAOCAO_PAUSE_AT=<name>` the process sleeps there instead, for
//! `BAOCAO_PAUSE_MS` milliseconds (1000), each time: a slow run, so that
//! tests can run others beside it.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable that names the crash point.
pub const CRASH_AT: &str = "BAOCAO_CRASH_AT";

static PASSED: AtomicUsize = AtomicUsize::new(0);

/// The environment variable that names the pause point.
pub const PAUSE_AT: &str = "BAOCAO_PAUSE_AT";

/// Aborts the process when `CRASH_AT` names this point, sleeps when
/// `PAUSE_AT` does.
pub fn point(name: &str) {
    if std::env::var_os(PAUSE_AT).is_some_and(|v| v == name) {
        let ms = std::env::var("BAOCAO_PAUSE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000);
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    let Some(wanted) = std::env::var_os(CRASH_AT) else {
        return;
    };
    let wanted = wanted.to_string_lossy();
    let (at, nth) = match wanted.split_once('#') {
        Some((at, n)) => (at, n.parse().unwrap_or(1)),
        None => (&*wanted, 1),
    };
    if at == name && PASSED.fetch_add(1, Ordering::SeqCst) + 1 >= nth {
        std::process::abort();
    }
}
