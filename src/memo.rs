//! Answers of pure functions of a text, kept per thread, so that each
//! distinct cell text of a run is parsed or matched once: a year of reports
//! holds at most 366 distinct dates and a province a few hundred distinct
//! unit, theme, form and language labels, repeated in every file. Each
//! ingest worker thread keeps its own caches (no locking); a cache that
//! grows past [`CAPACITY`] (titles are many and seldom repeat) starts again.

use std::cell::RefCell;
use std::thread::LocalKey;

/// The most answers one cache keeps.
pub const CAPACITY: usize = 1 << 16;

/// A cache: text -> answer.
pub type Cache<V> = RefCell<foldhash::HashMap<Box<str>, V>>;

/// The answer of `compute` for `key`, computed once per thread while the
/// cache holds it. `compute` must depend on `key` alone (and on values fixed
/// for the life of the thread); it may use other caches, or this one.
pub fn cached<V: Clone + 'static>(
    cache: &'static LocalKey<Cache<V>>,
    key: &str,
    compute: impl FnOnce() -> V,
) -> V {
    cache.with(|c| cached_in(c, key, compute))
}

/// [`cached`] with a cache of the caller's (one file's answers, say).
pub fn cached_in<V: Clone>(cache: &Cache<V>, key: &str, compute: impl FnOnce() -> V) -> V {
    if let Some(v) = cache.borrow().get(key) {
        return v.clone();
    }
    let v = compute();
    let mut map = cache.borrow_mut();
    if map.len() >= CAPACITY {
        map.clear();
    }
    map.insert(key.into(), v.clone());
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        static LENGTHS: Cache<usize> = RefCell::default();
        static CALLS: Cell<usize> = const { Cell::new(0) };
    }

    fn length(s: &str) -> usize {
        cached(&LENGTHS, s, || {
            CALLS.set(CALLS.get() + 1);
            s.chars().count()
        })
    }

    #[test]
    fn each_distinct_text_is_computed_once() {
        let texts = ["Tin", "Bài", "Tin", "Tin", "Phóng sự", "Bài"];
        let got: Vec<usize> = texts.iter().map(|t| length(t)).collect();
        assert_eq!(got, [3, 3, 3, 3, 8, 3]);
        assert_eq!(CALLS.get(), 3);
    }
}
