//! How to make the summary: the language of its documents, the year, the
//! output folder and the stamps every document carries; and the files it
//! wrote.

use std::path::PathBuf;

/// The language of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// Picks the Vietnamese or English text.
    pub fn t<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

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
