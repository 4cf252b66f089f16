//! Crash points, so that tests can check what a crash leaves behind: with
//! `BAOCAO_CRASH_AT=<name>` in the environment the process aborts at the
//! point of that name, as `kill -9` would: no unwinding, no clean-up, no
//! locks released by code (the kernel releases them, as it does for a kill).

/// The environment variable that names the crash point.
pub const CRASH_AT: &str = "BAOCAO_CRASH_AT";

/// Aborts the process when `CRASH_AT` names this point.
pub fn point(name: &str) {
    if std::env::var_os(CRASH_AT).is_some_and(|v| v == name) {
        std::process::abort();
    }
}
