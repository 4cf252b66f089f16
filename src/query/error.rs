//! What can go wrong answering a question, each said as a sentence a
//! user can act on.

use datafusion::error::DataFusionError;

/// What can go wrong answering a question.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(
        "there is no lake at {0}: ingest reports first (baocao ingest PATH --lake {0}), or run baocao demo"
    )]
    NoLake(String),
    #[error("{0}")]
    Lake(String),
    #[error(
        "baocao only reads the lake: {0} is refused (no CREATE, INSERT, UPDATE, DELETE, COPY or SET); ask a question with SELECT"
    )]
    ReadOnly(String),
    #[error("{message}")]
    Sql { message: String },
    #[error("there is no SQL to run: give a statement, --file FILE, or - to read standard input")]
    Empty,
    #[error("unknown query '{name}'{}; the named queries are: {known} (see baocao queries)", suggest(.suggestion))]
    UnknownQuery {
        name: String,
        /// The named query nearest the mistyped name, if any.
        suggestion: Option<String>,
        known: String,
    },
    #[error("{0}")]
    Param(String),
    #[error("the named query file {file} is malformed: {message}")]
    BadQueryFile { file: String, message: String },
    #[error(transparent)]
    DataFusion(#[from] DataFusionError),
    #[error(transparent)]
    Arrow(#[from] arrow::error::ArrowError),
    #[error(
        "cannot write {path} (check that its folder exists and can be written, and that the disk has room)"
    )]
    Output {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {message}")]
    OutputFormat { path: String, message: String },
}

impl From<crate::atomic::WriteError> for QueryError {
    fn from(e: crate::atomic::WriteError) -> QueryError {
        QueryError::Output {
            path: e.path.display().to_string(),
            source: e.error,
        }
    }
}

/// ` (did you mean 'x'?)`, or nothing.
pub(super) fn suggest(name: &Option<String>) -> String {
    name.as_ref()
        .map(|n| format!(" (did you mean '{n}'?)"))
        .unwrap_or_default()
}
