//! The summary as an Excel workbook: one sheet per named query's answer,
//! numbers as numbers, for those who work the figures further.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::data::SummaryData;
use super::error::{SummaryError, write_atomic};
use super::labels::{WorkbookCell, workbook_cell};
use super::options::SummaryOptions;

/// One sheet per table, header row bold and frozen, numbers as numbers.
pub(super) fn workbook(
    d: &SummaryData,
    o: &SummaryOptions,
    path: &Path,
) -> Result<(), SummaryError> {
    let bad = |e: rust_xlsxwriter::XlsxError| SummaryError::Workbook {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let stamp = chrono::NaiveDate::parse_from_str(&o.stamp, "%Y-%m-%d").unwrap_or_default();
    let created = ExcelDateTime::from_ymd(
        stamp.format("%Y").to_string().parse().unwrap_or(2000),
        stamp.format("%m").to_string().parse().unwrap_or(1),
        stamp.format("%d").to_string().parse().unwrap_or(1),
    )
    .map_err(bad)?;
    book.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title(format!("baocao {}", d.year)),
    );
    let header = Format::new().set_bold().set_background_color("F2F6FA");
    for t in [
        &d.themes,
        &d.subthemes,
        &d.units,
        &d.peaks,
        &d.forms,
        &d.languages,
        &d.trend,
        &d.rate,
        &d.status,
        &d.gaps,
        &d.top,
        &d.rejects,
        &d.quality,
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.query).map_err(bad)?;
        for (j, (col, _)) in t.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, j as u16, col, &header)
                .map_err(bad)?;
            sheet.set_column_width(j as u16, 16).map_err(bad)?;
        }
        for (i, r) in t.rows.iter().enumerate() {
            for (j, cell) in r.iter().enumerate() {
                let (row, c) = (i as u32 + 1, j as u16);
                match workbook_cell(cell) {
                    WorkbookCell::Number(n) => {
                        sheet.write_number(row, c, n).map_err(bad)?;
                    }
                    WorkbookCell::Text(s) => {
                        sheet.write_string(row, c, s.as_ref()).map_err(bad)?;
                    }
                    WorkbookCell::Bool(b) => {
                        sheet.write_boolean(row, c, b).map_err(bad)?;
                    }
                    WorkbookCell::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(bad)?;
    }
    let bytes = book.save_to_buffer().map_err(bad)?;
    write_atomic(path, &bytes)
}
