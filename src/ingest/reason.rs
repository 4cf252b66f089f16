//! A problem found in a row or a file: its kind (a [`ReasonCode`], listed
//! in `domain::reason`) and the sentence a person reads.

pub use crate::domain::ReasonCode;

/// One thing wrong with a row or a file: its kind and the sentence (or
/// part of a sentence) a person reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub code: ReasonCode,
    pub text: String,
}

impl Problem {
    pub fn new(code: ReasonCode, text: impl Into<String>) -> Problem {
        Problem {
            code,
            text: text.into(),
        }
    }
}
