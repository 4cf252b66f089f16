//! What can go wrong answering a question, each said as a sentence a
//! user can act on.

use std::fmt;

use datafusion::error::DataFusionError;

use crate::i18n::Msg;
use crate::msg;

/// What can go wrong answering a question.
#[derive(Debug)]
pub enum QueryError {
    NoLake(String),
    Lake(Msg),
    /// The statement refused, as a phrase (`a statement that writes ...`).
    ReadOnly(Msg),
    /// DataFusion's error explained, said in the process's language when
    /// it was made.
    Sql {
        message: String,
    },
    Empty,
    UnknownQuery {
        name: String,
        /// The named query nearest the mistyped name, if any.
        suggestion: Option<String>,
        known: String,
    },
    Param(Msg),
    BadQueryFile {
        file: String,
        message: Msg,
    },
    DataFusion(DataFusionError),
    Arrow(arrow::error::ArrowError),
    Output {
        path: String,
        source: std::io::Error,
    },
    OutputFormat {
        path: String,
        message: Msg,
    },
}

impl QueryError {
    /// The error as a message, to be said in either language (DataFusion's
    /// and Arrow's own words as they are).
    pub fn msg(&self) -> Msg {
        match self {
            QueryError::NoLake(lake) => msg!("query-no-lake", lake = lake.clone()),
            QueryError::Lake(m) | QueryError::Param(m) => m.clone(),
            QueryError::ReadOnly(what) => msg!("query-read-only", what = what.clone()),
            QueryError::Sql { message } => Msg::verbatim(message.clone()),
            QueryError::Empty => msg!("query-no-sql"),
            QueryError::UnknownQuery {
                name,
                suggestion,
                known,
            } => msg!(
                "query-unknown",
                name = name.clone(),
                suggestion = suggest(suggestion),
                known = known.clone()
            ),
            QueryError::BadQueryFile { file, message } => msg!(
                "query-bad-query-file",
                file = file.clone(),
                message = message.clone()
            ),
            QueryError::DataFusion(e) => Msg::verbatim(e.to_string()),
            QueryError::Arrow(e) => Msg::verbatim(e.to_string()),
            QueryError::Output { path, .. } => msg!("query-cannot-write", path = path.clone()),
            QueryError::OutputFormat { path, message } => msg!(
                "query-cannot-write-format",
                path = path.clone(),
                message = message.clone()
            ),
        }
    }
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.msg().fmt(f)
    }
}

impl std::error::Error for QueryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // DataFusion's and Arrow's errors are said as themselves (as
        // thiserror's `transparent`): their causes come next
        match self {
            QueryError::DataFusion(e) => e.source(),
            QueryError::Arrow(e) => e.source(),
            QueryError::Output { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<DataFusionError> for QueryError {
    fn from(e: DataFusionError) -> QueryError {
        QueryError::DataFusion(e)
    }
}

impl From<arrow::error::ArrowError> for QueryError {
    fn from(e: arrow::error::ArrowError) -> QueryError {
        QueryError::Arrow(e)
    }
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
pub(super) fn suggest(name: &Option<String>) -> Msg {
    match name {
        Some(n) => msg!("query-did-you-mean", name = n.clone()),
        None => Msg::verbatim(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::lake::Lake;
    use crate::query::{ReferenceSource, Session};

    #[tokio::test]
    async fn a_lake_that_does_not_exist_is_said_in_vietnamese() {
        let lake = Lake::new("/nonexistent/kho");
        let err = match Session::open(&lake, ReferenceSource::lazy(None).unwrap()).await {
            Err(e) => e,
            Ok(_) => panic!("a session on no lake"),
        };
        assert_eq!(
            err.msg().say(Lang::Vi),
            "không có kho dữ liệu (lake) tại /nonexistent/kho: hãy nạp báo cáo trước (baocao ingest PATH --lake /nonexistent/kho), hoặc chạy baocao demo"
        );
        assert_eq!(
            err.to_string(),
            "there is no lake at /nonexistent/kho: ingest reports first (baocao ingest PATH --lake /nonexistent/kho), or run baocao demo"
        );
        let busy = crate::lake::LakeError::Busy("kho".into());
        assert_eq!(
            busy.msg().say(Lang::Vi),
            "một lần chạy baocao khác đang dùng kho; hãy chạy lại khi lần đó kết thúc (không có --no-wait thì baocao sẽ chờ)"
        );
        assert_eq!(
            QueryError::ReadOnly(msg!("query-statement-dml"))
                .msg()
                .say(Lang::Vi),
            "kho dữ liệu chỉ cho phép đọc: câu lệnh ghi hoặc sao chép dữ liệu (INSERT, UPDATE, DELETE, COPY) bị từ chối; hãy dùng câu lệnh SELECT để truy vấn"
        );
    }
}
