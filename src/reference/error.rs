//! What can go wrong loading reference data: every error names the file,
//! and for a field, its line and name.

use crate::i18n::Msg;
use crate::msg;

/// What can go wrong loading reference data.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.msg())]
pub enum ReferenceError {
    Invalid {
        file: String,
        line: u64,
        field: String,
        message: Msg,
    },
    File {
        file: String,
        message: Msg,
    },
    /// No reference data in the folder (a path, or "the bundled data").
    Empty(Msg),
}

impl ReferenceError {
    /// The error as a message, to be said in either language.
    pub fn msg(&self) -> Msg {
        match self {
            ReferenceError::Invalid {
                file,
                line,
                field,
                message,
            } => msg!(
                "reference-invalid",
                file = file.clone(),
                line = line.to_string(),
                field = field.clone(),
                message = message.clone()
            ),
            ReferenceError::File { file, message } => {
                msg!(
                    "reference-file",
                    file = file.clone(),
                    message = message.clone()
                )
            }
            ReferenceError::Empty(folder) => msg!("reference-empty", folder = folder.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::files::Ctx;
    use crate::i18n::Lang;

    #[test]
    fn a_reference_problem_is_said_in_vietnamese() {
        let ctx = Ctx::new("ref/2026", "peak_periods.csv");
        let e = ctx.date(4, "end_date", "2026-02-30").unwrap_err();
        assert_eq!(
            e.to_string(),
            "ref/2026/peak_periods.csv line 4, field `end_date`: '2026-02-30' is not a day of the calendar: check the month and day"
        );
        assert_eq!(
            e.msg().say(Lang::Vi),
            "ref/2026/peak_periods.csv dòng 4, trường `end_date`: '2026-02-30' không phải là một ngày có thật: hãy kiểm tra tháng và ngày"
        );
        let e = ctx.code(5, "peak_code", "Tet 2026").unwrap_err();
        assert_eq!(
            e.msg().say(Lang::Vi),
            "ref/2026/peak_periods.csv dòng 5, trường `peak_code`: 'Tet 2026' không phải là một mã: hãy dùng chữ cái ASCII thường, chữ số và dấu gạch nối"
        );
    }
}
