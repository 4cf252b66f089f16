//! The reference data compiled into the binary from `data/reference/`.

use include_dir::{Dir, include_dir};

/// The bundled folder.
pub(super) static BUNDLED: Dir = include_dir!("$CARGO_MANIFEST_DIR/data/reference");

/// The text of one bundled reference file as committed in
/// `data/reference/`: `2023/themes.csv`, or the register's `units.csv`.
pub fn bundled_text(path: &str) -> Option<&'static str> {
    BUNDLED.get_file(path).and_then(|f| f.contents_utf8())
}
