//! How to make the summary: the language of its documents, the year, the
//! output folder and the stamps every document carries; and the files it
//! wrote.

use std::path::PathBuf;

pub use crate::i18n::Lang;

/// How to make the summary.
#[derive(Debug, Clone)]
pub struct SummaryOptions {
    pub year: i32,
    pub lang: Lang,
    pub out: PathBuf,
    /// The generation stamp printed on every document (a date).
    pub stamp: String,
    /// Where the figures come from, for footnotes.
    pub source: String,
}

/// The files written, in order.
#[derive(Debug, Clone)]
pub struct SummaryFiles {
    pub files: Vec<PathBuf>,
}
