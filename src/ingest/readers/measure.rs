//! Workbooks measured before calamine opens them. calamine lays out every
//! sheet of an `.xls` or `.ods` file whole, as a rectangle from its first
//! used cell to its last, the moment the file is opened; a file that lies
//! about its size (an `.xls` DIMENSIONS record of four billion rows, an
//! `.ods` cell repeated over a million rows) would exhaust memory there or
//! abort the process. These scans read the file as a stream first and
//! refuse what would not fit in [`MAX_GRID_CELLS`]; they also learn what
//! calamine does not tell: an `.xls` file's BIFF version and declared code
//! page, and an `.ods` sheet's merged ranges.

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use crate::i18n::Msg;
use crate::ingest::cell::Merge;
use crate::ingest::limits::{
    MAX_GRID_CELLS, MAX_SHEET_ROWS, cannot_open, damaged_because, grid_too_large,
};
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::values::is_spreadsheet_error;
use crate::msg;

/// What the scan of an `.xls` file learned.
#[derive(Debug, Default)]
pub(super) struct XlsLayout {
    /// BIFF8 (Excel 97 and later), whose text is always Unicode; otherwise
    /// BIFF5 (Excel 95), whose text is in the declared code page.
    pub biff8: bool,
    /// The CODEPAGE record's value, if any (1200 is UTF-16).
    pub codepage: Option<u16>,
    /// Per sheet, the rows Excel hides (0-based), which calamine reads as
    /// any other.
    pub hidden_rows: HashMap<String, Vec<u32>>,
    /// Per sheet, the columns Excel hides (0-based).
    pub hidden_cols: HashMap<String, Vec<u32>>,
}

/// The most hidden rows noted per sheet.
const MAX_HIDDEN_ROWS: usize = 10_000;

/// The largest sheet an `.xls` can hold (BIFF8: 65,536 rows, 256 columns).
const XLS_ROWS: u32 = 65_536;
const XLS_COLUMNS: u32 = 256;

fn damaged(e: &dyn std::fmt::Display) -> Problem {
    cannot_open("xls", e)
}

/// An `.xls` damaged as our own scan found (`why`, the id of our words).
fn broken(why: &str) -> Problem {
    damaged_because("xls", Msg::new(why))
}

fn protected() -> Problem {
    Problem::new(ReasonCode::FileEncrypted, msg!("read-xls-encrypted"))
}

/// Reads the workbook stream of an `.xls` file record by record: the BIFF
/// version, the code page, each worksheet's DIMENSIONS record (refused when
/// it is beyond what the format can hold) and the rectangle of its cells.
///
/// Errors: `file.damaged` (not a compound file, no workbook stream, a
/// record cut short), `file.encrypted` (protected with a password),
/// `file.not_a_table` (a Word 97-2003 document),
/// `file.too_large` (sheets spanning more than [`MAX_GRID_CELLS`]).
pub(super) fn xls(bytes: &[u8]) -> Result<XlsLayout, Problem> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n));
    let Some(name) = name else {
        if file.is_stream("/EncryptedPackage") {
            return Err(protected());
        }
        if file.is_stream("/WordDocument") {
            return Err(Problem::new(
                ReasonCode::FileNotATable,
                msg!("read-xls-is-doc"),
            ));
        }
        return Err(broken("read-xls-no-workbook"));
    };
    let mut stream = Vec::new();
    file.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|e| damaged(&e))?;
    let mut scan = XlsScan {
        stream_len: stream.len(),
        ..Default::default()
    };
    let mut at = 0usize;
    while at + 4 <= stream.len() {
        let typ = u16::from_le_bytes([stream[at], stream[at + 1]]);
        let len = u16::from_le_bytes([stream[at + 2], stream[at + 3]]) as usize;
        let Some(data) = stream.get(at + 4..at + 4 + len) else {
            return Err(broken("read-xls-record-past-end"));
        };
        scan.record(typ, data, at)?;
        at += 4 + len;
    }
    Ok(scan.layout)
}

/// The state of a scan of a workbook stream, record by record.
#[derive(Default)]
struct XlsScan {
    layout: XlsLayout,
    stream_len: usize,
    /// Sheets by where they start.
    names: HashMap<usize, String>,
    /// The hidden rows and columns of the sheet being read, and where it
    /// starts.
    hidden: Option<(usize, Vec<u32>, Vec<u32>)>,
    /// Cells of the sheets read so far (first to last used cell).
    total: u64,
    /// (first row, first column, last row, last column) of the sheet's cells.
    rect: Option<(u32, u32, u32, u32)>,
    in_sheet: bool,
    /// Substreams (charts) nested in the sheet.
    depth: usize,
    /// No BOF seen yet.
    started: bool,
}

/// A little-endian u16 of `data` at `i`.
fn u16_at(data: &[u8], i: usize) -> Option<u32> {
    data.get(i..i + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]) as u32)
}

impl XlsScan {
    /// One record of type `typ`, starting at `record_at` in the stream.
    fn record(&mut self, typ: u16, data: &[u8], record_at: usize) -> Result<(), Problem> {
        let in_cells = self.in_sheet && self.depth == 0;
        match typ {
            // BOF: the workbook's globals, a worksheet, or a chart inside one
            0x0809 | 0x0409 | 0x0209 | 0x0009 => self.bof(typ, data, record_at),
            0x000A => return self.eof(),
            // BOUNDSHEET8: where a sheet starts (calamine slices the stream
            // there unchecked)
            0x0085 if !self.in_sheet => return self.boundsheet(data),
            // ROW: a row Excel hides (fDyZero)
            0x0208 if in_cells => {
                if let (Some(row), Some(flags), Some((_, rows, _))) =
                    (u16_at(data, 0), u16_at(data, 12), self.hidden.as_mut())
                    && flags & 0x20 != 0
                    && rows.len() < MAX_HIDDEN_ROWS
                {
                    rows.push(row);
                }
            }
            // COLINFO: columns Excel hides (fHidden)
            0x007D if in_cells => {
                if let (Some(first), Some(last), Some(flags), Some((_, _, cols))) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, 8),
                    self.hidden.as_mut(),
                ) && flags & 0x0001 != 0
                {
                    cols.extend((first..=last.min(XLS_COLUMNS)).take(MAX_HIDDEN_ROWS));
                }
            }
            // FILEPASS: the workbook is encrypted
            0x002F if !self.in_sheet => return Err(protected()),
            0x0042 if !self.in_sheet => self.layout.codepage = u16_at(data, 0).map(|p| p as u16),
            // DIMENSIONS: calamine reserves rows x columns cells from it
            0x0200 if in_cells => return dimensions(data),
            // cells: NUMBER, LABEL, BOOLERR, FORMULA, RK, LABELSST, RSTRING, MULRK
            0x0203 | 0x0204 | 0x0205 | 0x0006 | 0x027E | 0x00FD | 0x00D6 | 0x00BD if in_cells => {
                return self.cell(typ, data);
            }
            _ => {}
        }
        Ok(())
    }

    fn bof(&mut self, typ: u16, data: &[u8], record_at: usize) {
        if !self.started {
            self.layout.biff8 = typ == 0x0809 && u16_at(data, 0) == Some(0x0600);
            self.started = true;
        } else if self.in_sheet || self.depth > 0 {
            self.depth += 1;
        } else {
            self.in_sheet = u16_at(data, 2) == Some(0x0010);
            self.rect = None;
            self.hidden = self.in_sheet.then(|| (record_at, Vec::new(), Vec::new()));
        }
    }

    /// EOF: the end of a nested chart, or of a sheet, whose cells count
    /// towards the limit.
    fn eof(&mut self) -> Result<(), Problem> {
        if self.depth > 0 {
            self.depth -= 1;
        } else if self.in_sheet {
            self.in_sheet = false;
            if let Some((start, rows, cols)) = self.hidden.take()
                && let Some(name) = self.names.get(&start)
            {
                if !rows.is_empty() {
                    self.layout.hidden_rows.insert(name.clone(), rows);
                }
                if !cols.is_empty() {
                    self.layout.hidden_cols.insert(name.clone(), cols);
                }
            }
            if let Some((r0, c0, r1, c1)) = self.rect.take() {
                self.total += (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64;
                if self.total > MAX_GRID_CELLS {
                    return Err(grid_too_large(self.total));
                }
            }
        }
        Ok(())
    }

    /// BOUNDSHEET8: where a sheet starts, and its name (a short string,
    /// 8-bit or UTF-16 by its flag).
    fn boundsheet(&mut self, data: &[u8]) -> Result<(), Problem> {
        let position = data
            .get(..4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let Some(position) = position.filter(|p| (*p as usize) < self.stream_len) else {
            return Err(broken("read-xls-sheet-past-end"));
        };
        if let (Some(&n), Some(&flags)) = (data.get(6), data.get(7)) {
            let raw = &data[8.min(data.len())..];
            let name: String = if flags & 1 == 1 {
                let units: Vec<u16> = raw
                    .chunks_exact(2)
                    .take(n as usize)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                raw.iter().take(n as usize).map(|b| *b as char).collect()
            };
            self.names.insert(position as usize, name.replace('\0', ""));
        }
        Ok(())
    }

    /// A cell record: the sheet's rectangle of cells grows to it.
    fn cell(&mut self, typ: u16, data: &[u8]) -> Result<(), Problem> {
        let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) else {
            return Ok(());
        };
        let last_col = if typ == 0x00BD {
            // MULRK: a run of 6-byte cells from its first column to its
            // last (calamine subtracts them unchecked)
            let last = u16_at(data, data.len().saturating_sub(2)).unwrap_or(0);
            if last < col || data.len() != 6 + 6 * (last - col + 1) as usize {
                return Err(broken("read-xls-row-length"));
            }
            last
        } else {
            col
        };
        self.rect = Some(match self.rect {
            None => (row, col, row, last_col),
            Some((r0, c0, r1, c1)) => (r0.min(row), c0.min(col), r1.max(row), c1.max(last_col)),
        });
        Ok(())
    }
}

/// DIMENSIONS: a sheet that claims more rows or columns than the format
/// holds is refused before calamine reserves them.
fn dimensions(data: &[u8]) -> Result<(), Problem> {
    let (first_row, last_row, last_col) = if data.len() >= 14 {
        let u32_at =
            |i: usize| u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
        (u32_at(0), u32_at(4), u16_at(data, 10).unwrap_or(0))
    } else {
        (
            u16_at(data, 0).unwrap_or(0),
            u16_at(data, 2).unwrap_or(0),
            u16_at(data, 6).unwrap_or(0),
        )
    };
    let lying = last_row >= 1
        && last_col >= 1
        && (first_row > last_row - 1 || last_row > XLS_ROWS || last_col > XLS_COLUMNS);
    if lying {
        return Err(Problem::new(
            ReasonCode::FileDamaged,
            msg!(
                "read-xls-dimensions",
                first = (first_row + 1).to_string(),
                last = last_row.to_string(),
                columns = last_col.to_string(),
                rows_max = XLS_ROWS.to_string(),
                columns_max = XLS_COLUMNS.to_string()
            ),
        ));
    }
    Ok(())
}

/// What the scan of an `.ods` file learned: each sheet's merged ranges,
/// hidden rows and number cells that show an error.
#[derive(Debug, Default)]
pub(super) struct OdsLayout {
    pub merges: HashMap<String, Vec<Merge>>,
    /// Per sheet, the rows LibreOffice hides (`table:visibility`
    /// `collapse` or `filter`), 0-based.
    pub hidden_rows: HashMap<String, Vec<u32>>,
    /// Per sheet, the columns it hides, 0-based.
    pub hidden_cols: HashMap<String, Vec<u32>>,
    /// Per sheet, number cells that show an error (`#DIV/0!`, `Err:502`)
    /// over the number they carry: (row, column, what they show), 0-based.
    pub errors: HashMap<String, Vec<(u32, u32, String)>>,
}

/// The most error cells noted per sheet.
const MAX_ERRORS: usize = 10_000;

/// Streams an `.ods` file's `content.xml`: the rectangle each sheet's used
/// cells span once their repeats are counted (refused past
/// [`MAX_GRID_CELLS`]), and the merged ranges (`table:number-columns-spanned`,
/// `table:number-rows-spanned`) calamine does not report.
///
/// Errors: `file.damaged` (no `content.xml`, broken XML), `file.too_large`.
pub(super) fn ods(bytes: &[u8]) -> Result<OdsLayout, Problem> {
    let damaged = |e: &dyn std::fmt::Display| cannot_open("ods", e);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let content = zip.by_name("content.xml").map_err(|e| damaged(&e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut layout = OdsLayout::default();
    let mut buf = Vec::new();
    let mut total = 0u64;
    let mut sheet: Option<(String, Vec<Merge>)> = None;
    let (mut row, mut col, mut row_repeats) = (0u64, 0u64, 1u64);
    // the columns the sheet has declared so far (`table:table-column`)
    let mut declared_cols = 0u64;
    let mut rect: Option<(u64, u64, u64, u64)> = None;
    // the text a number cell shows, while inside it: (row, column, text)
    let mut shown: Option<(u64, u64, String)> = None;
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| damaged(&e))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:table" => {
                    let name = attr(e, "table:name").unwrap_or_default();
                    sheet = Some((name, Vec::new()));
                    (row, rect, declared_cols) = (0, None, 0);
                }
                "table:table-column" => {
                    let cols =
                        repeats(e, "table:number-columns-repeated").min(XLS_COLUMNS as u64 * 64);
                    let visible = attr(e, "table:visibility").is_none_or(|v| v == "visible");
                    if !visible && let Some((name, _)) = &sheet {
                        let hidden = layout.hidden_cols.entry(name.clone()).or_default();
                        let room = MAX_HIDDEN_ROWS.saturating_sub(hidden.len()) as u64;
                        hidden.extend(
                            (declared_cols..declared_cols + cols.min(room)).map(|c| c as u32),
                        );
                    }
                    declared_cols += cols;
                }
                "table:table-row" => {
                    let rows_left = (MAX_SHEET_ROWS as u64).saturating_sub(row);
                    row_repeats = repeats(e, "table:number-rows-repeated").min(rows_left);
                    col = 0;
                    let visible = attr(e, "table:visibility").is_none_or(|v| v == "visible");
                    if !visible && let Some((name, _)) = &sheet {
                        let rows = layout.hidden_rows.entry(name.clone()).or_default();
                        let room = MAX_HIDDEN_ROWS.saturating_sub(rows.len()) as u64;
                        rows.extend((row..row + row_repeats.min(room)).map(|r| r as u32));
                    }
                    if empty {
                        row += row_repeats;
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let cols = repeats(e, "table:number-columns-repeated");
                    let number = attr(e, "office:value-type")
                        .is_some_and(|t| matches!(t.as_str(), "float" | "percentage" | "currency"));
                    if number && !empty {
                        shown = Some((row, col, String::new()));
                    }
                    let used = !empty || attr(e, "office:value-type").is_some();
                    if used && row_repeats > 0 {
                        let (r1, c1) = (row + row_repeats - 1, col.saturating_add(cols - 1));
                        rect = Some(match rect {
                            None => (row, col, r1, c1),
                            Some((a, b, c, d)) => (a.min(row), b.min(col), c.max(r1), d.max(c1)),
                        });
                    }
                    let spans = (
                        repeats(e, "table:number-columns-spanned"),
                        repeats(e, "table:number-rows-spanned"),
                    );
                    if let Some((_, merges)) = sheet.as_mut().filter(|_| spans != (1, 1))
                        && col < u32::MAX as u64
                    {
                        let last_col = col.saturating_add(spans.0 - 1).min(u32::MAX as u64);
                        merges.push(Merge {
                            first_line: row + 1,
                            last_line: row + spans.1,
                            first_col: col as u32,
                            last_col: last_col as u32,
                        });
                    }
                    col = col.saturating_add(cols);
                }
                _ => {}
            }
        }
        match event {
            Event::Text(t) => {
                if let Some((_, _, text)) = shown.as_mut().filter(|(_, _, x)| x.len() < 64) {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-cell" => {
                if let Some((r, c, text)) = shown.take() {
                    let text = text.trim();
                    if let (true, Some((name, _))) = (is_spreadsheet_error(text), &sheet) {
                        let errors = layout.errors.entry(name.clone()).or_default();
                        if errors.len() < MAX_ERRORS && r < u32::MAX as u64 && c < u32::MAX as u64 {
                            errors.push((r as u32, c as u32, text.to_string()));
                        }
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => row += row_repeats,
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some((r0, c0, r1, c1)) = rect.take() {
                    let area = (r1 - r0 + 1).saturating_mul((c1 - c0).saturating_add(1));
                    total = total.saturating_add(area);
                    if total > MAX_GRID_CELLS {
                        return Err(grid_too_large(total));
                    }
                }
                if let Some((name, merges)) = sheet.take() {
                    layout.merges.insert(name, merges);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(layout)
}

/// An attribute's value as text, if the element has it.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| a.value.to_string())
}

/// A repeat or span count: 1 when absent or not a number of 1 or more.
fn repeats(e: &BytesStart, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}
