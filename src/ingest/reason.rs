//! A problem found in a row or a file: its kind (a [`ReasonCode`], listed
//! in `domain::reason`), the sentence a person reads, and what else the
//! refusal keeps for whoever follows it up (a library's own words about a
//! damaged file, the rows of a file that read nothing), stored in
//! `rejects.raw`.

pub use crate::domain::ReasonCode;
use crate::i18n::Msg;

/// One thing wrong with a row or a file: its kind and the sentence (or
/// part of a sentence) a person reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: ReasonCode,
    /// What is said: a message of `locales/*/ingest*.ftl` with its values.
    pub msg: Msg,
    /// Kept with a refused file in `rejects.raw` (JSON), not said (boxed:
    /// a problem is the error of many small functions).
    pub detail: Option<Box<serde_json::Value>>,
}

impl Problem {
    pub fn new(code: ReasonCode, msg: impl Into<Msg>) -> Problem {
        Problem {
            code,
            msg: msg.into(),
            detail: None,
        }
    }

    /// The sentence in the process's language ([`crate::i18n::current`]).
    pub fn text(&self) -> String {
        self.msg.to_string()
    }

    /// The problem with `detail` kept beside it.
    pub fn with_detail(mut self, detail: serde_json::Value) -> Problem {
        self.detail = Some(Box::new(detail));
        self
    }
}
