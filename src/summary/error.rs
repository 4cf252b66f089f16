//! What can go wrong making the summary, and the one way its files are
//! written (whole or not at all).

use std::path::Path;

use super::answer::AnswerError;
use crate::i18n::Msg;
use crate::msg;
use crate::query::QueryError;

/// What can go wrong making the summary.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error("{}", msg!("summary-error-empty-year", year = .0.to_string()))]
    EmptyYear(i32),
    #[error("{}", msg!("summary-error-no-campaign", year = .0.to_string()))]
    NoCampaign(i32),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Answer(#[from] AnswerError),
    #[error("{0}")]
    Draw(Msg),
    #[error(
        "{}",
        msg!("summary-error-io", path = path.clone(), error = error.to_string())
    )]
    Io { path: String, error: std::io::Error },
    #[error(
        "{}",
        msg!("summary-error-workbook", path = path.clone(), error = message.clone())
    )]
    Workbook { path: String, message: String },
}

/// Writes `bytes` to `path` whole or not at all (see [`crate::atomic`]).
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SummaryError> {
    crate::atomic::write_bytes(path, bytes).map_err(|e| SummaryError::Io {
        path: e.path.display().to_string(),
        error: e.error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn an_empty_year_is_said_in_both_languages() {
        assert_eq!(
            SummaryError::EmptyYear(2022).to_string(),
            "the lake holds no activity for 2022: ingest that year's reports first, or choose another --year"
        );
        assert_eq!(
            msg!("summary-error-empty-year", year = "2022").say(Lang::Vi),
            "Kho dữ liệu chưa có hoạt động nào của năm 2022: hãy nạp (ingest) báo cáo của năm đó trước, hoặc chọn năm khác bằng --year"
        );
        assert_eq!(
            msg!(
                "summary-answer-kind",
                query = "coverage_by_peak",
                column = "lift",
                found = msg!("summary-cells-text"),
                wanted = msg!("summary-cells-numbers")
            )
            .say(Lang::Vi),
            "Cột lift của truy vấn coverage_by_peak chứa chữ, trong khi báo cáo tổng hợp cần số"
        );
    }
}
