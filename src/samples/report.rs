//! One sample report as the generator makes it, before it is written in a
//! layout: its unit, period, received date and activity rows, the layout
//! to write it in, and the file it becomes. Plain values: this module
//! imports nothing else of `samples`.

use chrono::NaiveDate;

use crate::reference::Unit;

/// One generated file: its path under the samples folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The shape of one sample file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    /// XLSX with a title block, column numbers and a totals row.
    XlsxTitled,
    /// `;`-separated CSV in Windows-1258 with preamble lines.
    Csv1258,
    /// Excel "Unicode text": UTF-16LE, tab-separated, metadata in the file name.
    Utf16Tab,
    /// UTF-8 CSV with a BOM and unit/period/received columns.
    CsvUtf8Columns,
    /// UTF-8 CSV with preamble lines.
    CsvUtf8Preamble,
    /// JSON envelope with `items`.
    JsonEnvelope,
    /// NDJSON, metadata on every line.
    Ndjson,
    /// Excel 97-2003 (`.xls`) with a title block and a header of two rows.
    Xls,
    /// LibreOffice (`.ods`), laid out as the `.xls` one.
    Ods,
    /// A Word report: narrative and a table with merged header cells.
    Docx,
    /// A web system's "Xuất Excel": an HTML table named `.xls`.
    HtmlXls,
}

impl Layout {
    pub(super) fn extension(self) -> &'static str {
        match self {
            Layout::XlsxTitled => "xlsx",
            Layout::Utf16Tab => "txt",
            Layout::JsonEnvelope => "json",
            Layout::Ndjson => "ndjson",
            Layout::Xls | Layout::HtmlXls => "xls",
            Layout::Ods => "ods",
            Layout::Docx => "docx",
            _ => "csv",
        }
    }
}

/// One activity as the generator made it.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub date: NaiveDate,
    pub theme: String,
    pub subtheme: String,
    pub hrc: Option<u32>,
    pub form: String,
    pub title: String,
    pub quantity: i64,
    pub reach: Option<i64>,
    pub duration: Option<f64>,
    pub language: String,
    pub channel: String,
    pub url: String,
    pub notes: String,
    /// A deliberately bad value for one field: (field, text); `total`:
    /// what the report's totals row states instead of the sum (titled
    /// XLSX only).
    pub raw_override: Option<(&'static str, String)>,
}

impl Row {
    pub(super) fn over(&self, field: &str) -> Option<&str> {
        self.raw_override
            .as_ref()
            .filter(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }

    pub(super) fn date_dmy(&self) -> String {
        self.over("date")
            .map(str::to_string)
            .unwrap_or_else(|| self.date.format("%d/%m/%Y").to_string())
    }

    pub(super) fn quantity_text(&self) -> String {
        self.over("quantity")
            .map(str::to_string)
            .unwrap_or_else(|| self.quantity.to_string())
    }

    pub(super) fn theme_text(&self) -> String {
        self.over("theme")
            .map(str::to_string)
            .unwrap_or_else(|| self.theme.clone())
    }
}

/// One report to write.
pub(super) struct Report<'a> {
    pub unit: &'a Unit,
    /// How the unit names itself in the file (a name or alias); empty: it does not.
    pub unit_label: String,
    pub period: String,
    pub received: NaiveDate,
    pub rows: Vec<Row>,
    pub layout: Layout,
}

/// The last activity date of `rows` (a report is not sent before it).
pub(super) fn latest(rows: &[Row]) -> NaiveDate {
    rows.iter().map(|r| r.date).max().unwrap_or_default()
}

/// The day `y-m-d` (a default day for an impossible one).
pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
