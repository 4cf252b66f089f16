//! A problem found in a row or a file: its kind (a [`ReasonCode`], listed
//! in `domain::reason`), the sentence a person reads, and what else the
//! refusal keeps for whoever follows it up (a library's own words about a
//! damaged file, the rows of a file that read nothing), stored in
//! `rejects.raw`.

pub use crate::domain::ReasonCode;

/// One thing wrong with a row or a file: its kind and the sentence (or
/// part of a sentence) a person reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: ReasonCode,
    pub text: String,
    /// Kept with a refused file in `rejects.raw` (JSON), not said.
    pub detail: Option<serde_json::Value>,
}

impl Problem {
    pub fn new(code: ReasonCode, text: impl Into<String>) -> Problem {
        Problem {
            code,
            text: text.into(),
            detail: None,
        }
    }

    /// The problem with `detail` kept beside it.
    pub fn with_detail(mut self, detail: serde_json::Value) -> Problem {
        self.detail = Some(detail);
        self
    }
}
