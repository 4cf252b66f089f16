//! Why a row or a file is refused, by kind: every refusal carries a stable
//! dotted code (`date.outside_period`) beside its sentence, so refusals can
//! be counted and followed up by kind. The codes are listed once, here, each
//! with the one-line description that `reason_codes` shows in SQL.

use std::fmt;

macro_rules! reason_codes {
    ($($variant:ident = $code:literal : $describe:literal,)*) => {
        /// The kind of a refusal, stored in `rejects.reason_code`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ReasonCode {
            $(#[doc = $describe] $variant,)*
        }

        impl ReasonCode {
            /// Every code, in the order of this list.
            pub const ALL: &'static [ReasonCode] = &[$(ReasonCode::$variant,)*];

            /// The stable code as stored, e.g. `date.outside_period`.
            pub fn code(self) -> &'static str {
                match self {
                    $(ReasonCode::$variant => $code,)*
                }
            }

            /// One line on what this kind of refusal means.
            pub fn describe(self) -> &'static str {
                match self {
                    $(ReasonCode::$variant => $describe,)*
                }
            }
        }
    };
}

reason_codes! {
    FileEmpty = "file.empty": "The file is empty (0 bytes).",
    FileBlank = "file.blank": "The file holds only blank space.",
    FileNotATable = "file.not_a_table": "The file is a document, an image, an archive or binary data, not a table.",
    FileWrongExtension = "file.wrong_extension": "The file's name says one format but its bytes are another.",
    FileOldExcel = "file.old_excel": "An Excel 2.x-4.0 worksheet, a format from before 1995 (before v3: a workbook protected with a password; before v2: every Excel 97-2003 .xls workbook).",
    FileEncrypted = "file.encrypted": "A workbook or Word document protected with a password, whose contents cannot be read without it.",
    FileUnsupportedType = "file.unsupported_type": "A kind of file baocao does not read.",
    FileNoExtension = "file.no_extension": "The file name has no extension, so its format is unknown.",
    FileTooBig = "file.too_big": "The file is larger than --max-file-mb allows; it was not read.",
    FileTooLarge = "file.too_large": "The table is beyond the reading limits (line length, columns, cells, unpacked size).",
    FileDamaged = "file.damaged": "The file cannot be opened or read to its end: damaged or cut short.",
    FileReaderStopped = "file.reader_stopped": "The reader failed on the file in a way nobody foresaw.",
    FileNotJson = "file.not_json": "The file is named .json but holds no JSON items.",
    FileNoTable = "file.no_table": "No table with recognisable column names was found.",
    FileNoRows = "file.no_rows": "The table has a header but no activity rows.",
    FileNoItems = "file.no_items": "Every row of the file was refused: it reads no item, so it is not received and never replaces the report it would correct (its rows' reasons are in raw).",
    FileSeveralReports = "file.several_reports": "The workbook holds tables of activities on several visible sheets: a file is one report.",
    PeriodMissing = "period.missing": "The file does not say which period it reports on.",
    PeriodInvalid = "period.invalid": "The period the file states is not a period.",
    PeriodNoReference = "period.no_reference": "There is no reference data for the period's year.",
    UnitMissing = "unit.missing": "The file does not say which unit sent it.",
    UnitUnknown = "unit.unknown": "The unit named is not in the reference list of units.",
    UnitAmbiguous = "unit.ambiguous": "The unit named could be several units.",
    UnitNotValid = "unit.not_valid": "The unit did not exist during the period reported on.",
    UnitAbolished = "unit.abolished": "The unit had been abolished, merged or renamed before the period reported on; the refusal names its successors.",
    ReceivedMissing = "received.missing": "Nothing says when the file was received.",
    ReceivedInvalid = "received.invalid": "The received date is not a date.",
    RowMalformed = "row.malformed": "A JSON item that is not an object of named fields, or a line that is not JSON.",
    RowOtherUnit = "row.other_unit": "The row names another unit than the file's.",
    RowOtherPeriod = "row.other_period": "The row names another period than the file's.",
    RowHidden = "row.hidden": "The row is hidden in the sheet (by hand or by a filter): what the sheet does not show is not part of the report.",
    RowPlanned = "row.planned": "The row is under a heading of plans (Kế hoạch, Phương hướng): what is planned is not an activity done.",
    DateMissing = "date.missing": "The activity date is empty.",
    DateInvalid = "date.invalid": "The activity date is not a date.",
    DateOutsidePeriod = "date.outside_period": "The activity date is outside the period the file reports on.",
    DateOutsideUnit = "date.outside_unit": "The activity date falls after the reporting unit ended (abolished, merged, split or renamed).",
    DateLocaleSwapped = "date.locale_swapped": "A real date cell whose day and month a spreadsheet set to another locale turned round, in a column typed day-first, and the column does not settle which it is.",
    DateMonthFirstAmbiguous = "date.month_first_ambiguous": "The date reads differently day-first and month-first, and its column does not settle which.",
    ThemeUnknown = "theme.unknown": "The theme is not a theme code, label or sub-theme.",
    ThemeMissing = "theme.missing": "The theme is empty and cannot be inferred from the title.",
    ThemeAmbiguous = "theme.ambiguous": "The theme is empty and the title matches several themes.",
    SubthemeUnknown = "subtheme.unknown": "The sub-theme is not in the list of sub-themes.",
    SubthemeMismatch = "subtheme.mismatch": "The sub-theme belongs to another theme than the row's.",
    HrcPriorityInvalid = "hrc_priority.invalid": "The HRC priority is not a group number from 1 to 8.",
    FormMissing = "form.missing": "The form is empty.",
    FormUnknown = "form.unknown": "The form is not in the list of forms.",
    QuantityMissing = "quantity.missing": "The quantity cell is empty in a table that has a quantity column.",
    QuantityInvalid = "quantity.invalid": "The quantity is not a whole number of 1 or more.",
    QuantityColumnUnclear = "quantity.column_unclear": "A column looks like the quantity but its heading is not one baocao knows, so no quantity can be read.",
    ReachInvalid = "reach.invalid": "The reach is not a whole number of 0 or more.",
    DurationInvalid = "duration.invalid": "The duration is not a number of minutes.",
    ColumnAmbiguous = "column.ambiguous": "A figure (or the date) is given by two columns, or twice in one item, and nothing tells which is this report's.",
    RowTooManyCells = "row.too_many_cells": "A row of a delimited file has more cells than its header: a value holds the separator unquoted.",
    CellFormulaWithoutValue = "cell.formula_without_value": "A formula cell with no stored result: the workbook was never calculated.",
    CellFormulaNotCalculated = "cell.formula_not_calculated": "A formula cell of a workbook that asks to be recalculated when opened: its stored result was never computed by a spreadsheet.",
    CellMergedFigure = "cell.merged_figure": "A figure merged over several rows, which cannot be split between them.",
    TextLegacyEncodingUnconvertible = "text.legacy_encoding_unconvertible": "Text typed in a legacy Vietnamese encoding (TCVN3, VNI) that does not convert cleanly.",
}

impl ReasonCode {
    /// The code for its stored text, e.g. `date.outside_period`.
    pub fn from_code(code: &str) -> Option<ReasonCode> {
        ReasonCode::ALL.iter().copied().find(|c| c.code() == code)
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_dotted_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for c in ReasonCode::ALL {
            assert!(seen.insert(c.code()), "{} twice", c.code());
            let (kind, what) = c.code().split_once('.').expect("dotted");
            assert!(!kind.is_empty() && !what.is_empty());
            assert!(
                c.code()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '_'),
                "{}",
                c.code()
            );
            assert!(c.describe().ends_with('.'), "{}", c.describe());
            assert_eq!(ReasonCode::from_code(c.code()), Some(*c));
        }
        assert_eq!(ReasonCode::from_code("date.nonsense"), None);
        assert_eq!(
            ReasonCode::DateOutsidePeriod.to_string(),
            "date.outside_period"
        );
    }
}
