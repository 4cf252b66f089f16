//! Workbooks as Excel means them, whichever program saved them (`.xlsx`,
//! Excel 97-2003 `.xls`, LibreOffice `.ods`, all through calamine): hidden
//! sheets are never reports; of the
//! visible sheets, the one whose table matches the contract best is read
//! (a sheet of drop-down lists is not a table of activities); serial dates
//! follow the workbook's date system (1900, or 1904 from Excel for Mac);
//! merged ranges are kept for the header band and the body; a formula
//! with no stored result is a cell with no value. `.xlsx` cells are read
//! one by one (a sheet with one cell at A1 and one at XFD1048576 must not
//! become a grid of 17 billion cells); `.xls` and `.ods` sheets, which
//! calamine lays out whole when it opens the file, are measured first
//! ([`super::measure`]).

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{
    Data, Ods, Range, Reader, SheetType, SheetVisible, Xls, XlsOptions, Xlsx, open_workbook_from_rs,
};

use super::formula;
use super::measure::{self, OdsLayout, XlsLayout};
use super::output::{ReadOutput, no_header_why};
use super::sheet_xml::{self, XlsxSheet};
use super::text::TextCells;
use crate::ingest::cell::DateSystem;
use crate::ingest::cell::{Cell, Merge, SourceRow};
use crate::ingest::header::{Band, find_band_hiding};
use crate::ingest::limits::{
    MAX_COLUMNS, MAX_SHEET_ROWS, cannot_open, cause, check_unpacked, too_many_columns,
};
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::{Hidden, Table};
use crate::msg;

/// The most merged ranges a sheet may declare; a report has a few dozen.
const MAX_MERGES: usize = 100_000;

/// One sheet as read: its rows, merges and text conversions.
struct Sheet {
    name: String,
    grid: Vec<SourceRow>,
    merges: Vec<Merge>,
    cells: TextCells,
    /// The rows and columns it hides.
    hidden: Hidden,
    /// Formula cells (line, column) whose stored result no spreadsheet
    /// computed.
    uncomputed: std::collections::HashMap<(u64, usize), crate::ingest::table::Uncomputed>,
    /// Cells under a merged cell that hold something the spreadsheet does
    /// not show (a merge made keeping the covered contents): how many, and
    /// the first (line, column, text).
    covered: (usize, Option<(u64, usize, String)>),
}

/// The most cells looked at under merged cells: merges are a few dozen
/// cells each in a report.
const MAX_COVERED_CELLS: u64 = 1_000_000;

impl Sheet {
    /// Empties the cells a merged cell covers: the spreadsheet shows only
    /// the merged cell's own value there. The grid holds every line from
    /// its first to its last.
    fn clear_covered(&mut self) {
        let Some(first) = self.grid.first().map(|r| r.line) else {
            return;
        };
        let mut looked = 0u64;
        for m in &self.merges {
            for line in m.first_line..=m.last_line {
                let Some(row) = line
                    .checked_sub(first)
                    .and_then(|i| self.grid.get_mut(i as usize))
                else {
                    continue;
                };
                let last = (m.last_col as usize).min(row.cells.len().saturating_sub(1));
                for col in m.first_col as usize..=last {
                    looked += 1;
                    if looked > MAX_COVERED_CELLS {
                        return;
                    }
                    let own = line == m.first_line && col == m.first_col as usize;
                    if own || row.cells.get(col).is_none_or(Cell::is_empty) {
                        continue;
                    }
                    let hidden = std::mem::replace(&mut row.cells[col], Cell::Empty);
                    self.covered.0 += 1;
                    if self.covered.1.is_none() {
                        self.covered.1 = Some((line, col, hidden.to_string()));
                    }
                }
            }
        }
    }
}

fn cell_of(d: &Data, system: DateSystem, text: &mut TextCells, line: u64, col: usize) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        // a LibreOffice time or duration cell: `PT01H30M00S`
        Data::DurationIso(s) => {
            iso_minutes(s).map_or_else(|| text.cell(s, line, col), Cell::Minutes)
        }
        // a LibreOffice date cell (`office:date-value="2023-07-05"`, with a
        // time or not): a real date, as Excel's serial is, so a date a
        // US-locale spreadsheet turned round is seen in `.ods` too
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| text.cell(s, line, col), Cell::Date),
        Data::String(s) => text.cell(s, line, col),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        // a time of day or a duration (`1:30`): less than a day
        Data::DateTime(dt) if dt.is_duration() || (0.0..1.0).contains(&dt.as_f64()) => {
            // to the second: a time cell holds a fraction of a day
            Cell::Minutes((dt.as_f64() * 24.0 * 3600.0).round() / 60.0)
        }
        Data::DateTime(dt) => system
            .serial_to_date(dt.as_f64())
            .map(Cell::Date)
            .unwrap_or(Cell::Number(dt.as_f64())),
        // as Excel shows it: #REF!, #DIV/0!
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

/// An `.xlsx` sheet, its cells read one by one; `scan` says what calamine
/// does not: which cells hold formulas (a formula with no stored result,
/// or in a workbook that asks to be recalculated when opened, has no
/// value) and what the sheet hides.
fn read_sheet<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    system: DateSystem,
    scan: XlsxSheet,
) -> Result<Sheet, Problem> {
    let damaged = |e: calamine::XlsxError| sheet_damaged(name, &e);
    let mut text = TextCells::default();
    let mut cells = book.worksheet_cells_reader(name).map_err(damaged)?;
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    // formula cells with a stored result: (row, column) → formula
    let mut formulas: std::collections::HashMap<(u32, u32), String> = Default::default();
    // each shared formula's anchor: its index → (row, column, text)
    let mut anchors: std::collections::HashMap<usize, (u32, u32, String)> = Default::default();
    while let Some(cell) = cells.next_cell_with_formula_metadata().map_err(damaged)? {
        let (r, c) = cell.pos;
        let value = cell_of(
            &Data::from(cell.value),
            system,
            &mut text,
            r as u64 + 1,
            c as usize,
        );
        // a formula Excel never calculated: no value, and not an empty cell
        let uncalculated = scan.formulas.get(&(r, c)) == Some(&false);
        if let Some(calamine::XlsxFormulaMetadata::Shared {
            shared_index,
            formula,
            ..
        }) = &cell.formula
        {
            anchors.insert(*shared_index, (r, c, formula.clone()));
        }
        let formula_text = |f: &calamine::XlsxFormulaMetadata| formula_text(f, (r, c), &anchors);
        let value = match (value, cell.formula) {
            (Cell::Empty, Some(f)) => Cell::Formula(formula_text(&f)),
            (Cell::Text(t), Some(f)) if t.is_empty() => Cell::Formula(formula_text(&f)),
            (_, Some(f)) if uncalculated => Cell::Formula(formula_text(&f)),
            (v, Some(f)) => {
                formulas.insert((r, c), formula_text(&f));
                v
            }
            (v, None) => v,
        };
        if value == Cell::Empty {
            continue;
        }
        if c as usize >= MAX_COLUMNS {
            return Err(too_many_columns(c as usize + 1));
        }
        if r >= MAX_SHEET_ROWS {
            return Err(Problem::new(
                ReasonCode::FileDamaged,
                msg!(
                    "read-sheet-past-last-row",
                    sheet = name,
                    max = MAX_SHEET_ROWS.to_string()
                ),
            ));
        }
        let row = rows.entry(r).or_default();
        if row.len() <= c as usize {
            row.resize(c as usize + 1, Cell::Empty);
        }
        row[c as usize] = value;
    }
    drop(cells);
    let uncomputed = uncomputed_results(&mut rows, &formulas, &scan);
    // formula cells calamine gives no formula for (the cells a shared
    // formula reaches, written `<f t="shared" si="0"/>` with no result)
    for (&(r, c), &stored) in &scan.formulas {
        if stored {
            continue;
        }
        let row = rows.entry(r).or_default();
        if row.len() <= c as usize {
            row.resize(c as usize + 1, Cell::Empty);
        }
        if !matches!(row[c as usize], Cell::Formula(_)) {
            row[c as usize] = Cell::Formula(shared_formula());
        }
    }
    let merges = merges_of(book.merge_cells_by_sheet_name(name).map_err(damaged)?);
    Ok(Sheet {
        name: name.to_string(),
        grid: every_row(rows),
        merges,
        cells: text,
        hidden: Hidden {
            rows: scan.hidden_rows.iter().map(|r| *r as u64 + 1).collect(),
            cols: scan.hidden_cols.iter().map(|c| *c as usize).collect(),
            filter: scan.filter,
            place: "sheet",
        },
        uncomputed,
        covered: (0, None),
    })
}

/// A formula's stored result that is not what the formula gives (worked
/// out from the sheet's own numbers, [`formula::evaluate`]) was never
/// computed: a program wrote it, or a spreadsheet that did not recalculate
/// passed it on (LibreOffice saving an XlsxWriter file drops the request
/// to recalculate and keeps the 0). It becomes a formula with no value. In
/// a workbook that asks to be recalculated when opened (as programs that do
/// not calculate write them: XlsxWriter stores 0 for every formula) a
/// formula baocao cannot work out is not trusted either (contract 3.2: no
/// spreadsheet computed it). Their places (line, column) are returned.
fn uncomputed_results(
    rows: &mut BTreeMap<u32, Vec<Cell>>,
    formulas: &std::collections::HashMap<(u32, u32), String>,
    scan: &XlsxSheet,
) -> std::collections::HashMap<(u64, usize), crate::ingest::table::Uncomputed> {
    use crate::ingest::table::Uncomputed;
    let read = |r: u32, c: u32| match rows.get(&r).and_then(|row| row.get(c as usize)) {
        _ if scan.formulas.contains_key(&(r, c)) => formula::Cell::Other,
        Some(Cell::Number(n)) => formula::Cell::Number(*n),
        None | Some(Cell::Empty) => formula::Cell::Empty,
        Some(_) => formula::Cell::Other,
    };
    let mut not_computed = Vec::new();
    for (&(r, c), &stored) in &scan.formulas {
        let Some(Cell::Number(v)) = rows.get(&r).and_then(|row| row.get(c as usize)) else {
            continue;
        };
        let text = formulas.get(&(r, c));
        let why = match text.and_then(|f| formula::evaluate(f, &read)) {
            Some(e) if (e - v).abs() <= 1e-9 * e.abs().max(1.0) => None,
            _ if scan.recalc_on_open => Some(Uncomputed::RecalculationAsked),
            Some(_) => Some(Uncomputed::Disagrees),
            None => None,
        };
        if let (true, Some(why)) = (stored, why) {
            not_computed.push((r, c, text.cloned().unwrap_or_else(shared_formula), why));
        }
    }
    let mut places = std::collections::HashMap::new();
    for (r, c, text, why) in not_computed {
        if let Some(cell) = rows.get_mut(&r).and_then(|row| row.get_mut(c as usize)) {
            *cell = Cell::Formula(text);
            places.insert((r as u64 + 1, c as usize), why);
        }
    }
    places
}

/// A sheet calamine has laid out whole (`.xls`, `.ods`): its non-empty
/// cells, at their places on the sheet; a formula with no stored result is
/// a [`Cell::Formula`].
fn sheet_of_range(
    name: &str,
    range: &Range<Data>,
    formulas: &Range<String>,
    merges: Vec<Merge>,
    system: DateSystem,
    book: Option<crate::ingest::legacy::Legacy>,
) -> Sheet {
    let mut text = TextCells::default();
    text.book = book;
    let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
    let mut put = |r: u32, c: usize, value: Cell| {
        let row = rows.entry(r).or_default();
        if row.len() <= c {
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    for (r, c, d) in range.used_cells() {
        let (r, c) = (top + r as u32, left as usize + c);
        let value = cell_of(d, system, &mut text, r as u64 + 1, c);
        if value != Cell::Empty {
            put(r, c, value);
        }
    }
    // a formula with no value (a file written by a program that does not
    // calculate): a cell with no value, not an empty one, as in `.xlsx`
    let (top, left) = formulas.start().unwrap_or((0, 0));
    for (r, c, formula) in formulas.used_cells() {
        let (r, c) = (top + r as u32, left + c as u32);
        let stored = range.get_value((r, c)).is_some_and(|d| match d {
            Data::Empty => false,
            Data::String(s) => !s.is_empty(),
            _ => true,
        });
        if !stored && !formula.is_empty() {
            // LibreOffice writes `of:=[.A1]*2`: the formula as it shows it
            let shown = formula.strip_prefix("of:").unwrap_or(formula);
            put(
                r,
                c as usize,
                Cell::Formula(shown.trim_start_matches('=').to_string()),
            );
        }
    }
    Sheet {
        name: name.to_string(),
        grid: every_row(rows),
        merges,
        cells: text,
        hidden: Hidden {
            place: "sheet",
            ..Default::default()
        },
        uncomputed: Default::default(),
        covered: (0, None),
    }
}

/// Every row from the first to the last, empty ones too, as Excel shows them.
fn every_row(mut rows: BTreeMap<u32, Vec<Cell>>) -> Vec<SourceRow> {
    let mut grid: Vec<SourceRow> = Vec::new();
    if let (Some(&first), Some(&last)) = (rows.keys().next(), rows.keys().next_back()) {
        for r in first..=last {
            grid.push(SourceRow {
                line: r as u64 + 1,
                cells: rows.remove(&r).unwrap_or_default(),
            });
        }
    }
    grid
}

fn merges_of(dims: Vec<calamine::Dimensions>) -> Vec<Merge> {
    dims.into_iter()
        .take(MAX_MERGES)
        .filter(|d| d.start.0 <= d.end.0 && d.start.1 <= d.end.1)
        .map(|d| Merge {
            first_line: d.start.0 as u64 + 1,
            last_line: d.end.0 as u64 + 1,
            first_col: d.start.1,
            last_col: d.end.1,
        })
        .collect()
}

/// Minutes from an ISO 8601 time or duration (`PT01H30M00S`, `PT90M`,
/// `PT0.5H`); `None` for anything else (days, years, negative).
fn iso_minutes(iso: &str) -> Option<f64> {
    let mut rest = iso.strip_prefix("PT")?;
    let mut minutes = 0.0;
    while !rest.is_empty() {
        let end = rest.find(|c: char| c.is_ascii_alphabetic())?;
        let n: f64 = rest[..end].parse().ok()?;
        minutes += n * match &rest[end..=end] {
            "H" => 60.0,
            "M" => 1.0,
            "S" => 1.0 / 60.0,
            _ => return None,
        };
        rest = &rest[end + 1..];
    }
    minutes.is_finite().then_some(minutes)
}

/// A formula cell's text, as Excel shows it in the formula bar: a cell a
/// shared formula reaches shows its anchor's formula moved to it
/// ([`formula::shifted`]).
fn formula_text(
    f: &calamine::XlsxFormulaMetadata,
    (r, c): (u32, u32),
    anchors: &std::collections::HashMap<usize, (u32, u32, String)>,
) -> String {
    match f {
        calamine::XlsxFormulaMetadata::Normal { formula }
        | calamine::XlsxFormulaMetadata::Shared { formula, .. } => formula.clone(),
        calamine::XlsxFormulaMetadata::SharedDerived { shared_index } => anchors
            .get(shared_index)
            .and_then(|(ar, ac, text)| {
                formula::shifted(text, r as i64 - *ar as i64, c as i64 - *ac as i64)
            })
            .unwrap_or_else(shared_formula),
        // a kind calamine adds later
        _ => shared_formula(),
    }
}

/// The text of a formula cell whose formula the file does not spell out.
fn shared_formula() -> String {
    crate::i18n::tr("read-shared-formula")
}

/// The sentence for a sheet that opens but cannot be read to its end.
fn sheet_damaged(name: &str, e: &dyn std::fmt::Display) -> Problem {
    let raw = e.to_string();
    Problem::new(
        ReasonCode::FileDamaged,
        msg!(
            "read-sheet-damaged",
            sheet = name,
            cause = cause(&raw),
            error = raw.clone()
        ),
    )
    .with_detail(serde_json::json!({ "error": raw }))
}

/// A workbook calamine has opened, of one of the three kinds (an `.xlsx`
/// with its bytes, whose sheets' XML says what calamine does not).
enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>, &'a [u8]),
    Xls(Xls<Cursor<&'a [u8]>>, XlsLayout),
    Ods(Ods<Cursor<&'a [u8]>>, OdsLayout),
}

/// The rows (0-based) and columns a workbook's scan found hidden on one
/// sheet, as the [`Hidden`] of its table.
fn hidden_of(rows: Option<&Vec<u32>>, cols: Option<&Vec<u32>>) -> Hidden {
    Hidden {
        rows: rows.into_iter().flatten().map(|r| *r as u64 + 1).collect(),
        cols: cols.into_iter().flatten().map(|c| *c as usize).collect(),
        filter: None,
        place: "sheet",
    }
}

impl Book<'_> {
    fn sheets(&self) -> Vec<calamine::Sheet> {
        match self {
            Book::Xlsx(b, _) => b.sheets_metadata().to_vec(),
            Book::Xls(b, _) => b.sheets_metadata().to_vec(),
            Book::Ods(b, _) => b.sheets_metadata().to_vec(),
        }
    }

    fn sheet(&mut self, name: &str, system: DateSystem) -> Result<Sheet, Problem> {
        let damaged = |e: &dyn std::fmt::Display| sheet_damaged(name, e);
        match self {
            Book::Xlsx(b, bytes) => {
                let scan = sheet_xml::scan(bytes, name)?;
                read_sheet(b, name, system, scan)
            }
            Book::Xls(b, layout) => {
                let range = b.worksheet_range(name).map_err(|e| damaged(&e))?;
                let formulas = b.worksheet_formula(name).map_err(|e| damaged(&e))?;
                let merges = b.merge_cells_by_sheet_name(name).map_err(|e| damaged(&e))?;
                // an Excel 5.0/95 workbook is typed in one code page: when
                // its text is mostly Vietnamese in a legacy font, all of it is
                let book = (!layout.biff8)
                    .then(|| {
                        crate::ingest::legacy::detect_book(range.used_cells().filter_map(
                            |(_, _, d)| match d {
                                Data::String(s) => Some(s.as_str()),
                                _ => None,
                            },
                        ))
                    })
                    .flatten();
                let mut sheet =
                    sheet_of_range(name, &range, &formulas, merges_of(merges), system, book);
                sheet.hidden =
                    hidden_of(layout.hidden_rows.get(name), layout.hidden_cols.get(name));
                Ok(sheet)
            }
            Book::Ods(b, layout) => {
                let range = b.worksheet_range(name).map_err(|e| damaged(&e))?;
                let formulas = b.worksheet_formula(name).map_err(|e| damaged(&e))?;
                let merges = layout.merges.remove(name).unwrap_or_default();
                let mut sheet = sheet_of_range(name, &range, &formulas, merges, system, None);
                sheet.hidden =
                    hidden_of(layout.hidden_rows.get(name), layout.hidden_cols.get(name));
                // a number cell that shows an error is the error it shows
                let first = sheet.grid.first().map_or(1, |row| row.line);
                for (r, c, error) in layout.errors.remove(name).unwrap_or_default() {
                    // the grid holds every line from its first to its last
                    let at = (r as u64 + 1).checked_sub(first);
                    if let Some(row) = at.and_then(|i| sheet.grid.get_mut(i as usize))
                        && let Some(cell) = row.cells.get_mut(c as usize)
                    {
                        *cell = Cell::Text(error);
                    }
                }
                Ok(sheet)
            }
        }
    }
}

/// `.xlsx`: the visible sheet whose table matches the contract best.
pub(crate) fn read_xlsx(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    check_unpacked(bytes, "xlsx")?;
    let book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| cannot_open("xlsx", &e))?;
    let system = if book.has_1904_epoch() {
        DateSystem::Excel1904
    } else {
        DateSystem::Excel1900
    };
    read_book(Book::Xlsx(book, bytes), system)
}

/// Excel 97-2003 `.xls` (BIFF8, and the BIFF5 of Excel 95): measured
/// before calamine opens it; BIFF8 text is always Unicode, whatever code
/// page the file declares (calamine decodes it with the declared one,
/// putting NULs between the letters when that is not UTF-16).
pub(crate) fn read_xls(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    let layout = measure::xls(bytes)?;
    let mut options = XlsOptions::default();
    if layout.biff8 {
        options.force_codepage = Some(1200);
    }
    let book =
        Xls::new_with_options(Cursor::new(bytes), options).map_err(|e| cannot_open("xls", &e))?;
    let system = if book.has_1904_epoch() {
        DateSystem::Excel1904
    } else {
        DateSystem::Excel1900
    };
    let (biff8, codepage) = (layout.biff8, layout.codepage);
    let mut out = read_book(Book::Xls(book, layout), system)?;
    if let Some(page) = codepage.filter(|p| biff8 && *p != 1200) {
        out.notes
            .push(msg!("read-note-code-page", page = page.to_string()).to_string());
    }
    Ok(out)
}

/// LibreOffice `.ods`: measured (and its merged ranges read) before
/// calamine opens it; its dates are ISO text, not serials.
pub(crate) fn read_ods(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    check_unpacked(bytes, "ods")?;
    let layout = measure::ods(bytes)?;
    let book: Ods<_> =
        open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| cannot_open("ods", &e))?;
    read_book(Book::Ods(book, layout), DateSystem::Excel1900)
}

fn read_book(mut book: Book, system: DateSystem) -> Result<ReadOutput, Problem> {
    let sheets = book.sheets();
    let hidden: Vec<&str> = sheets
        .iter()
        .filter(|s| s.visible != SheetVisible::Visible)
        .map(|s| s.name.as_str())
        .collect();
    let visible: Vec<&str> = sheets
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.as_str())
        .collect();
    let mut best: Option<(Band, Sheet)> = None;
    let mut others = Vec::new();
    // visible sheets that each hold a table of activities (a date and a
    // form column, and rows under them)
    let mut reports = Vec::new();
    for name in &visible {
        let mut sheet = book.sheet(name, system)?;
        sheet.clear_covered();
        let Some(band) = find_band_hiding(&sheet.grid, &sheet.merges, &sheet.hidden.cols) else {
            continue;
        };
        let rows_under = sheet.grid.len() > band.start + band.header.rows;
        if band.header.has_required() && rows_under {
            reports.push(name.to_string());
        }
        match &best {
            Some((b, _)) if band.rank() <= b.rank() => others.push(sheet.name),
            _ => {
                if let Some((_, previous)) = best.replace((band, sheet)) {
                    others.push(previous.name);
                }
            }
        }
    }
    let Some((band, sheet)) = best else {
        let problem = if hidden.is_empty() {
            msg!(
                "read-no-sheet-with-table",
                visible = visible.len(),
                why = no_header_why()
            )
        } else {
            msg!(
                "read-no-sheet-with-table-hidden",
                visible = visible.len(),
                hidden = hidden.len(),
                names = quoted(&hidden),
                why = no_header_why()
            )
        };
        return Err(Problem::new(ReasonCode::FileNoTable, problem));
    };
    if reports.len() > 1 {
        return Err(Problem::new(
            ReasonCode::FileSeveralReports,
            msg!(
                "read-several-sheets",
                n = reports.len(),
                names = quoted(&reports.iter().map(String::as_str).collect::<Vec<_>>())
            ),
        ));
    }
    let mut notes = Vec::new();
    if system == DateSystem::Excel1904 {
        notes.push(msg!("read-note-1904").to_string());
    }
    if !hidden.is_empty() {
        notes.push(
            msg!(
                "read-note-hidden-sheets",
                n = hidden.len(),
                names = quoted(&hidden)
            )
            .to_string(),
        );
    }
    if !others.is_empty() {
        notes.push(
            msg!(
                "read-note-best-sheet",
                sheet = sheet.name.clone(),
                others = quoted(&others.iter().map(String::as_str).collect::<Vec<_>>())
            )
            .to_string(),
        );
    }
    if let (n, Some((line, col, text))) = &sheet.covered {
        notes.push(
            msg!(
                "read-note-covered-cells",
                n = *n,
                row = line.to_string(),
                column = (col + 1).to_string(),
                text = text.clone()
            )
            .to_string(),
        );
    }
    notes.extend(sheet.cells.notes());
    let detail = msg!("read-detail-sheet", sheet = sheet.name.clone()).to_string();
    let mut table = Table::from_grid(sheet.grid, band, sheet.merges);
    table.dates = system;
    table.unconvertible = sheet.cells.unconvertible;
    table.hidden = sheet.hidden;
    table.uncomputed = sheet.uncomputed;
    Ok(ReadOutput {
        table,
        detail,
        notes,
        ..Default::default()
    })
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang::{En, Vi};

    /// A workbook of `sheets` (name, hidden), each with a table of
    /// activities.
    fn workbook(sheets: &[(&str, bool)]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        for (name, hidden) in sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(*name).unwrap();
            for (c, h) in ["Ngày", "Hình thức", "Tên tin bài"].iter().enumerate() {
                sheet.write_string(0, c as u16, *h).unwrap();
            }
            for (c, v) in ["05/07/2023", "Tin", "Một"].iter().enumerate() {
                sheet.write_string(1, c as u16, *v).unwrap();
            }
            if *hidden {
                sheet.set_hidden(true);
            }
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_workbook_with_two_reports_is_refused_in_either_language() {
        let err = read_xlsx(&workbook(&[("Tháng 7", false), ("Tháng 8", false)])).unwrap_err();
        assert_eq!(err.code, ReasonCode::FileSeveralReports);
        assert_eq!(
            err.msg.say(Vi),
            "bảng tính có bảng hoạt động trên 2 trang tính đang hiện (\"Tháng 7\", \"Tháng 8\"), trong khi mỗi tệp là một báo cáo (một đơn vị, một kỳ báo cáo): đề nghị gửi mỗi báo cáo thành một tệp riêng, hoặc ẩn hay xóa các trang tính không thuộc báo cáo này"
        );
        assert_eq!(
            err.msg.say(En),
            "the workbook holds tables of activities on 2 visible sheets (\"Tháng 7\", \"Tháng 8\"), and a file is one report (one unit, one period): send each report in its own file, or hide or delete the sheets that are not this report"
        );
    }

    #[test]
    fn a_hidden_sheet_is_noted_and_the_detail_names_the_sheet() {
        let out = read_xlsx(&workbook(&[("Báo cáo", false), ("Cũ", true)])).unwrap();
        assert_eq!(out.detail, "sheet \"Báo cáo\"");
        assert_eq!(
            out.notes,
            vec!["hidden sheet \"Cũ\" not read: hidden sheets are not reports"]
        );
        let note = msg!("read-note-hidden-sheets", n = 2, names = "\"A\", \"B\"");
        assert_eq!(
            note.say(En),
            "hidden sheets \"A\", \"B\" not read: hidden sheets are not reports"
        );
        assert_eq!(
            note.say(Vi),
            "không đọc 2 trang tính ẩn \"A\", \"B\": trang tính ẩn không phải báo cáo"
        );
    }
}
