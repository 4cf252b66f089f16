//! One reader per input format, each turning a file's bytes into a
//! [`Table`]: delimited text (any of the encodings Vietnamese offices
//! produce, separator detected), XLSX (first sheet with a recognisable
//! table, header found under the title block) and JSON / NDJSON.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1258};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::limits::{
    MAX_CELLS, MAX_COLUMNS, MAX_SHEET_ROWS, check_lines, check_unpacked, too_many_columns,
};
use super::table::{Cell, Field, Preamble, SourceRow, Table, find_header};
use super::values::excel_serial_to_date;

/// What a reader made of a file.
#[derive(Debug)]
pub struct ReadOutput {
    pub table: Table,
    /// Metadata a JSON envelope carried (`unit`, `period`, `received_at`).
    pub envelope: Preamble,
    /// Rows the reader could not shape into cells, with why.
    pub bad_rows: Vec<(u64, Value, String)>,
    /// For messages: `UTF-8`, `windows-1258, ';'`, `sheet "Báo cáo"`.
    pub detail: String,
}

const NO_HEADER: &str = "no header row was found: the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài (at least two of them on one row)";

/// Bytes to text: a BOM decides (UTF-8, UTF-16 LE/BE); without one, UTF-16
/// is recognised by its zero bytes, valid UTF-8 is UTF-8, and anything else
/// is Windows-1258 (Excel's "CSV" on a Vietnamese Windows). The result is NFC.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (text, name) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        (
            enc.decode_without_bom_handling(&bytes[bom..])
                .0
                .into_owned(),
            enc.name(),
        )
    } else if let Some(enc) = utf16_without_bom(bytes) {
        (
            enc.decode_without_bom_handling(bytes).0.into_owned(),
            enc.name(),
        )
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_owned(), "UTF-8")
    } else {
        (
            WINDOWS_1258
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            "windows-1258",
        )
    };
    let text = if unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        text
    } else {
        text.nfc().collect()
    };
    (text, name)
}

/// True when `bytes` look like binary data rather than text in one of the
/// encodings [`decode`] reads: zero bytes that are not UTF-16's.
pub fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.contains(&0) && Encoding::for_bom(bytes).is_none() && utf16_without_bom(bytes).is_none()
}

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(2000) & !1];
    if sample.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if zeros_at(1) * 10 > half * 3 && zeros_at(0) * 10 < half {
        Some(UTF_16LE)
    } else if zeros_at(0) * 10 > half * 3 && zeros_at(1) * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn csv_rows(text: &str, delimiter: u8, limit: usize) -> Result<Vec<SourceRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line numbers from byte offsets: the csv crate's own line count lags by
    // one after CRLF endings (it counts the LF only once the next record starts).
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u64);
    while out.len() < limit {
        match reader.read_record(&mut record) {
            Ok(true) => {
                if record.len() > MAX_COLUMNS {
                    return Err(too_many_columns(record.len()));
                }
                let mut start = record
                    .position()
                    .map(|p| p.byte() as usize)
                    .unwrap_or(0)
                    .min(bytes.len());
                if bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
                if start > counted_to {
                    line += bytes[counted_to..start]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count() as u64;
                    counted_to = start;
                }
                out.push(SourceRow {
                    line,
                    cells: record.iter().map(Cell::text_nfc).collect(),
                });
            }
            Ok(false) | Err(_) => break,
        }
    }
    Ok(out)
}

/// Delimited text: the separator (`,` `;` or tab) is the one under which a
/// header row names the most contract fields; quoted fields may hold
/// separators and line breaks.
pub fn read_delimited(bytes: &[u8]) -> Result<ReadOutput, String> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err("the file holds no text, only blank space".into());
    }
    check_lines(&text)?;
    let mut best: Option<(usize, u8)> = None;
    for delimiter in [b'\t', b';', b','] {
        let sample = csv_rows(&text, delimiter, 40)?;
        if let Some((_, score)) = find_header(&sample)
            && best.is_none_or(|(s, _)| score > s)
        {
            best = Some((score, delimiter));
        }
    }
    let (_, delimiter) = best.ok_or(NO_HEADER)?;
    let grid = csv_rows(&text, delimiter, usize::MAX)?;
    let (at, _) = find_header(&grid).ok_or(NO_HEADER)?;
    let shown = match delimiter {
        b'\t' => "tab".to_string(),
        d => format!("'{}'", d as char),
    };
    Ok(ReadOutput {
        table: Table::from_grid(grid, at),
        envelope: Preamble::default(),
        bad_rows: Vec::new(),
        detail: format!("{encoding}, {shown}-separated"),
    })
}

fn xlsx_cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => excel_serial_to_date(dt.as_f64())
            .map(Cell::Date)
            .unwrap_or(Cell::Number(dt.as_f64())),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// XLSX: the first sheet that holds a table with recognisable headers.
/// Cells are read one by one (a sheet with one cell at A1 and one at
/// XFD1048576 must not become a grid of 17 billion cells).
pub fn read_xlsx(bytes: &[u8]) -> Result<ReadOutput, String> {
    check_unpacked(bytes)?;
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        format!("the workbook cannot be opened ({e}); it may be damaged or cut short: open it in Excel, save it again as .xlsx and resend it")
    })?;
    let names = book.sheet_names();
    for name in &names {
        let damaged = |e: calamine::XlsxError| {
            format!(
                "sheet \"{name}\" cannot be read ({e}); it may be damaged: save the workbook again from Excel and resend it"
            )
        };
        let mut cells = book.worksheet_cells_reader(name).map_err(damaged)?;
        let mut rows: BTreeMap<u32, Vec<Cell>> = BTreeMap::new();
        while let Some(cell) = cells.next_cell().map_err(damaged)? {
            let (r, c) = cell.get_position();
            let value = xlsx_cell(&Data::from(cell.get_value().clone()));
            if value == Cell::Empty {
                continue;
            }
            if c as usize >= MAX_COLUMNS {
                return Err(too_many_columns(c as usize + 1));
            }
            if r >= MAX_SHEET_ROWS {
                return Err(format!(
                    "sheet \"{name}\" has rows past Excel's last row ({MAX_SHEET_ROWS}): it is damaged; save the workbook again from Excel and resend it"
                ));
            }
            let row = rows.entry(r).or_default();
            if row.len() <= c as usize {
                row.resize(c as usize + 1, Cell::Empty);
            }
            row[c as usize] = value;
        }
        // every row from the first to the last, empty ones too, as Excel shows them
        let first = rows.keys().next().copied().unwrap_or(0);
        let last = rows.keys().next_back().copied().unwrap_or(0);
        let mut grid: Vec<SourceRow> = Vec::new();
        if !rows.is_empty() {
            for r in first..=last {
                grid.push(SourceRow {
                    line: r as u64 + 1,
                    cells: rows.remove(&r).unwrap_or_default(),
                });
            }
        }
        if let Some((at, _)) = find_header(&grid) {
            return Ok(ReadOutput {
                table: Table::from_grid(grid, at),
                envelope: Preamble::default(),
                bad_rows: Vec::new(),
                detail: format!("sheet \"{name}\""),
            });
        }
    }
    Err(format!(
        "no sheet holds a table (looked in {} sheet{}): the table needs column names such as Ngày, Hình thức, Chủ đề and Tên tin bài",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

fn json_cell(v: &Value) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => n.as_f64().map(Cell::Number).unwrap_or(Cell::Empty),
        Value::String(s) => Cell::text(s),
        other => Cell::Text(other.to_string()),
    }
}

/// JSON: `{"unit", "period", "received_at", "items": [...]}`, a bare array
/// of item objects, or NDJSON (one item object per line).
pub fn read_json(bytes: &[u8]) -> Result<ReadOutput, String> {
    let (text, _) = decode(bytes);
    if text.trim().is_empty() {
        return Err("the file holds no text, only blank space".into());
    }
    let mut envelope = Preamble::default();
    let mut items: Vec<(u64, Result<Value, String>)> = Vec::new();
    let detail;
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) if map.contains_key("items") => {
            for (key, value) in map {
                match (key.as_str(), Field::from_header(&key)) {
                    ("items", _) => match value {
                        Value::Array(list) => {
                            items = list
                                .into_iter()
                                .enumerate()
                                .map(|(i, v)| (i as u64 + 1, Ok(v)))
                                .collect()
                        }
                        _ => {
                            return Err(
                                "\"items\" must be a list of objects, one per activity".into()
                            );
                        }
                    },
                    (_, Some(Field::Unit)) => envelope.unit = Some(json_cell(&value).to_string()),
                    (_, Some(Field::Period)) => {
                        envelope.period = Some(json_cell(&value).to_string())
                    }
                    (_, Some(Field::ReceivedAt)) => envelope.received_at = Some(json_cell(&value)),
                    _ => {}
                }
            }
            detail = "JSON".to_string();
        }
        // one item object on its own: NDJSON of one line
        Ok(single @ Value::Object(_)) => {
            items.push((1, Ok(single)));
            detail = "NDJSON".to_string();
        }
        Ok(Value::Array(list)) => {
            items = list
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i as u64 + 1, Ok(v)))
                .collect();
            detail = "JSON array".to_string();
        }
        Ok(_) => {
            return Err(
                "the JSON holds neither an object with \"items\" nor a list of items".into(),
            );
        }
        Err(e) if e.is_eof() => {
            return Err(format!(
                "the JSON is cut short ({e}); resend the complete file"
            ));
        }
        Err(e) => {
            items = ndjson_items(&text);
            if items.iter().all(|(_, item)| item.is_err()) {
                return Err(format!(
                    "the file is not JSON ({e}) and no line of it is a JSON item: if it holds a table, send it as .csv or .xlsx"
                ));
            }
            detail = "NDJSON".to_string();
        }
    }
    let mut headers: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (_, item) in &items {
        if let Ok(Value::Object(map)) = item {
            for key in map.keys() {
                if seen.insert(key) {
                    headers.push(key.clone());
                    if headers.len() > MAX_COLUMNS {
                        return Err(too_many_columns(headers.len()));
                    }
                }
            }
        }
    }
    // each item becomes a row of every field any item has
    if headers.len().saturating_mul(items.len()) > MAX_CELLS {
        return Err(format!(
            "the {} items use {} different field names between them, too many to lay out as a table: give every item the same fields (date, theme, form, title, ...)",
            items.len(),
            headers.len()
        ));
    }
    let mut rows = Vec::new();
    let mut bad_rows = Vec::new();
    for (line, item) in items {
        match item {
            Ok(Value::Object(map)) => {
                let cells = headers
                    .iter()
                    .map(|h| map.get(h).map(json_cell).unwrap_or(Cell::Empty))
                    .collect();
                rows.push(SourceRow { line, cells });
            }
            Ok(other) => bad_rows.push((
                line,
                other,
                "this item is not an object of named fields".to_string(),
            )),
            Err(reason) => bad_rows.push((line, Value::Null, reason)),
        }
    }
    if headers.is_empty() && bad_rows.is_empty() {
        return Err("the JSON holds no items".into());
    }
    let score = headers
        .iter()
        .filter_map(|h| Field::from_header(h))
        .filter(|f| !f.is_metadata())
        .count();
    if score < 2 && bad_rows.is_empty() {
        return Err("the JSON items have no known fields: name them like the columns, e.g. date, theme, form, title (or Ngày, Chủ đề, Hình thức, Tên tin bài)".into());
    }
    Ok(ReadOutput {
        table: Table {
            headers,
            rows,
            preamble: Vec::new(),
        },
        envelope,
        bad_rows,
        detail,
    })
}

/// Splits NDJSON into one item per non-blank line, keeping line numbers.
fn ndjson_items(text: &str) -> Vec<(u64, Result<Value, String>)> {
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("line {} is not valid JSON ({e})", i + 1));
        items.push((i as u64 + 1, parsed));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_encoding_the_contract_names() {
        let s = "Phóng sự về quyền con người";
        assert_eq!(decode(s.as_bytes()), (s.to_string(), "UTF-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(s.as_bytes());
        assert_eq!(decode(&bom).0, s);
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le), (s.to_string(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be), (s.to_string(), "UTF-16BE"));
        let composed = crate::text::to_windows_1258_form(s);
        let (legacy, _, bad) = WINDOWS_1258.encode(&composed);
        assert!(!bad);
        assert_eq!(decode(&legacy), (s.to_string(), "windows-1258"));
    }

    #[test]
    fn separator_is_detected_and_quotes_hold_newlines() {
        let csv =
            "Ngày;Hình thức;Tên tin bài\n05/07/2023;Tin;\"Một; hai\nba\"\n06/07/2023;Bài;Bốn\n";
        let out = read_delimited(csv.as_bytes()).unwrap();
        assert_eq!(out.table.headers, vec!["Ngày", "Hình thức", "Tên tin bài"]);
        assert_eq!(out.table.rows.len(), 2);
        assert_eq!(out.table.rows[0].cells[2], Cell::Text("Một; hai ba".into()));
        assert_eq!(out.table.rows[1].line, 4);
        assert!(out.detail.contains("';'"), "{}", out.detail);
    }

    #[test]
    fn json_envelope_and_ndjson() {
        let env = r#"{"unit":"so-y-te","period":"2023","items":[{"date":"2023-07-05","form":"Tin","theme":"general"}]}"#;
        let out = read_json(env.as_bytes()).unwrap();
        assert_eq!(out.envelope.unit.as_deref(), Some("so-y-te"));
        assert_eq!(out.table.rows.len(), 1);
        let nd = "{\"date\":\"2023-07-05\",\"form\":\"Tin\"}\n\n{\"date\":\"2023-07-06\",\"form\":\"Bài\"}\n{oops\n";
        let out = read_json(nd.as_bytes()).unwrap();
        assert_eq!(
            out.table.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            vec![1, 3]
        );
        assert_eq!(out.bad_rows.len(), 1);
        assert_eq!(out.bad_rows[0].0, 4);
    }
}
