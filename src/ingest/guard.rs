//! One file must never stop a run: a reader that panics on a hostile file
//! (a bug here or in a library: calamine 0.38 overflows on a cell reference
//! past `u32`, found by the xlsx fuzzer) is caught, and the file is refused
//! with what happened instead. While a file is being read the panic message
//! is kept for the refusal rather than printed.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// Where and why a reader panicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ReaderPanic {
    pub message: String,
    /// `file:line`, the path from the crate's folder on (`calamine-0.38.0/src/...`).
    pub location: String,
}

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static CAUGHT: RefCell<Option<ReaderPanic>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

/// Runs `read`, turning a panic into a [`ReaderPanic`].
pub(super) fn guarded<T>(read: impl FnOnce() -> T) -> Result<T, ReaderPanic> {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !GUARDED.get() {
                return previous(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| crate::i18n::tr("read-panic-without-message"));
            let location = info.location().map_or_else(String::new, |l| {
                let file = l.file();
                // from the crate's own folder: no build machine's paths
                let short = file
                    .rsplit_once("/registry/src/")
                    .and_then(|(_, rest)| rest.split_once('/'))
                    .map_or(file, |(_, rest)| rest);
                format!("{short}:{}", l.line())
            });
            CAUGHT.set(Some(ReaderPanic { message, location }));
        }));
    });
    GUARDED.set(true);
    let result = panic::catch_unwind(AssertUnwindSafe(read));
    GUARDED.set(false);
    result.map_err(|_| {
        CAUGHT.take().unwrap_or(ReaderPanic {
            message: crate::i18n::tr("read-panic-without-message"),
            location: String::new(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message_and_the_thread_goes_on() {
        let caught = guarded(|| -> u32 { panic!("cell reference {} is too far", "A99999999999") });
        let caught = caught.unwrap_err();
        assert_eq!(caught.message, "cell reference A99999999999 is too far");
        assert!(
            caught.location.starts_with("src/ingest/guard.rs:"),
            "{}",
            caught.location
        );
        assert_eq!(guarded(|| 2 + 2), Ok(4));
    }
}
