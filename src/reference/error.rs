//! What can go wrong loading reference data: every error names the file,
//! and for a field, its line and name.

/// What can go wrong loading reference data.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{file} line {line}, field `{field}`: {message}")]
    Invalid {
        file: String,
        line: u64,
        field: String,
        message: String,
    },
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error(
        "no reference data in {0}: expected units.csv with year folders (2023/, ...), or one year folder holding themes.csv and the other campaign files"
    )]
    Empty(String),
}
