//! Crash points, so that tests can check what a crash leaves behind: with
//! `BAOCAO_CRASH_AT=<name>` in the environment the process aborts at the
//! point of that name, as `kill -9` would: no unwinding, no clean-up, no
//! locks released by code (the kernel releases them, as it does for a kill).
//! `<name>#<n>` aborts the n-th time the point is passed (counting from 1).

use std::sync::atomic::{AtomicUsize, Ordering};

/// The environment variable that names the crash point.
pub const CRASH_AT: &str = "BAOCAO_CRASH_AT";

static PASSED: AtomicUsize = AtomicUsize::new(0);

/// Aborts the process when `CRASH_AT` names this point.
pub fn point(name: &str) {
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
