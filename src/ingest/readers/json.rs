//! JSON: `{"unit", "period", "received_at", "items": [...]}`, a bare array
//! of item objects, or NDJSON (one item object per line, as data-collection
//! apps export). Each item becomes a row of every field any item has.

use serde_json::Value;

use crate::i18n::Msg;

use super::output::ReadOutput;
use super::text::{TextCells, decode};
use crate::ingest::cell::{Cell, SourceRow};
use crate::ingest::fields::Field;
use crate::ingest::header::Header;
use crate::ingest::limits::{MAX_CELLS, MAX_COLUMNS, too_many_columns};
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::{Preamble, Table};
use crate::msg;

fn json_cell(v: &Value, text: &mut TextCells, line: u64, col: usize) -> Cell {
    match v {
        Value::Null => Cell::Empty,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => n.as_f64().map(Cell::Number).unwrap_or(Cell::Empty),
        Value::String(s) => text.cell(s, line, col),
        other => Cell::Text(other.to_string()),
    }
}

/// JSON or NDJSON items as a table.
pub(crate) fn read_json(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    let (text, _) = decode(bytes);
    if text.trim().is_empty() {
        return Err(Problem::new(ReasonCode::FileBlank, msg!("read-file-blank")));
    }
    let mut cells = TextCells::default();
    let mut envelope = Preamble::default();
    let (items, detail) = items_of(&text, &mut cells, &mut envelope)?;
    // `"items": []` beside the unit and period: a report of no activity
    let stated_empty = items.is_empty() && detail == "JSON";
    let names = field_names(&items)?;
    let header = Header::from_names(&names, true);
    let (rows, bad_rows, absent) = lay_out(items, &names, &header, &mut cells);
    if stated_empty {
        return Ok(ReadOutput {
            table: Table {
                keyed: true,
                stated_empty: true,
                ..Default::default()
            },
            envelope,
            detail,
            ..Default::default()
        });
    }
    if names.is_empty() && bad_rows.is_empty() {
        return Err(Problem::new(
            ReasonCode::FileNoTable,
            msg!("read-json-no-items"),
        ));
    }
    if header.score() < 2 && bad_rows.is_empty() {
        return Err(Problem::new(
            ReasonCode::FileNoTable,
            msg!("read-json-no-known-fields"),
        ));
    }
    let notes = cells.notes();
    Ok(ReadOutput {
        table: Table {
            header,
            rows,
            unconvertible: cells.unconvertible,
            keyed: true,
            absent,
            ..Default::default()
        },
        envelope,
        bad_rows,
        detail,
        notes,
    })
}

/// An item and the line (or place in the list) it came from; an item that
/// is not JSON is the reason why.
type Item = (u64, Result<Value, Msg>);

/// The items of a JSON text: an object with `items` (whose other fields
/// are the envelope's metadata), a list of items, one item object, or
/// NDJSON; and how the file was laid out, for messages.
fn items_of(
    text: &str,
    cells: &mut TextCells,
    envelope: &mut Preamble,
) -> Result<(Vec<Item>, String), Problem> {
    let mut items: Vec<Item> = Vec::new();
    let detail;
    match serde_json::from_str::<Value>(text) {
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
                            return Err(Problem::new(
                                ReasonCode::FileNoTable,
                                msg!("read-json-items-not-a-list"),
                            ));
                        }
                    },
                    (_, Some(Field::Unit)) => {
                        envelope.unit = Some(json_cell(&value, cells, 0, 0).to_string())
                    }
                    (_, Some(Field::Period)) => {
                        envelope.period = Some(json_cell(&value, cells, 0, 0).to_string())
                    }
                    (_, Some(Field::ReceivedAt)) => {
                        envelope.received_at = Some(json_cell(&value, cells, 0, 0))
                    }
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
            detail = crate::i18n::tr("read-detail-json-array");
        }
        Ok(_) => {
            return Err(Problem::new(
                ReasonCode::FileNoTable,
                msg!("read-json-no-list"),
            ));
        }
        Err(e) if e.is_eof() => {
            return Err(Problem::new(
                ReasonCode::FileDamaged,
                msg!("read-json-cut-short", error = e.to_string()),
            ));
        }
        Err(e) => {
            items = ndjson_items(text);
            if items.iter().all(|(_, item)| item.is_err()) {
                return Err(Problem::new(
                    ReasonCode::FileNotJson,
                    msg!("read-not-json", error = e.to_string()),
                ));
            }
            detail = "NDJSON".to_string();
        }
    }
    Ok((items, detail))
}

/// The field names the items use, in the order first met; refused past
/// the reading limits.
fn field_names(items: &[Item]) -> Result<Vec<String>, Problem> {
    let mut names: Vec<String> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (_, item) in items {
        if let Ok(Value::Object(map)) = item {
            for key in map.keys() {
                if seen.insert(key) {
                    names.push(key.clone());
                    if names.len() > MAX_COLUMNS {
                        return Err(too_many_columns(names.len()));
                    }
                }
            }
        }
    }
    // each item becomes a row of every field any item has
    if names.len().saturating_mul(items.len()) > MAX_CELLS {
        return Err(Problem::new(
            ReasonCode::FileTooLarge,
            msg!(
                "read-json-too-many-fields",
                items = items.len().to_string(),
                names = names.len().to_string()
            ),
        ));
    }
    Ok(names)
}

/// The rows, the items refused, and the (line, column) of fields an item
/// does not state at all.
type LaidOut = (
    Vec<SourceRow>,
    Vec<(u64, Value, Problem)>,
    std::collections::HashSet<(u64, usize)>,
);

/// The items as rows of every field any item has (cells of fields an
/// item does not state at all are noted as absent), and the items that
/// are not objects, refused.
fn lay_out(items: Vec<Item>, names: &[String], header: &Header, cells: &mut TextCells) -> LaidOut {
    let mut rows = Vec::new();
    let mut bad_rows = Vec::new();
    let mut absent = std::collections::HashSet::new();
    for (line, item) in items {
        match item {
            Ok(Value::Object(map)) => {
                let mut row = Vec::with_capacity(names.len());
                for (col, h) in names.iter().enumerate() {
                    match map.get(h) {
                        Some(v) => row.push(json_cell(v, cells, line, col)),
                        None => {
                            // only the fields' keys matter: a default is
                            // for an item that does not state the field
                            if header.fields[col].is_some()
                                || header
                                    .alternates
                                    .iter()
                                    .any(|(_, cols)| cols.contains(&col))
                            {
                                absent.insert((line, col));
                            }
                            row.push(Cell::Empty);
                        }
                    }
                }
                rows.push(SourceRow { line, cells: row });
            }
            Ok(other) => bad_rows.push((
                line,
                other,
                Problem::new(ReasonCode::RowMalformed, msg!("read-json-item-not-object")),
            )),
            Err(reason) => bad_rows.push((
                line,
                Value::Null,
                Problem::new(ReasonCode::RowMalformed, reason),
            )),
        }
    }
    (rows, bad_rows, absent)
}

/// Splits NDJSON into one item per non-blank line, keeping line numbers.
fn ndjson_items(text: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(line).map_err(|e| {
            msg!(
                "read-ndjson-bad-line",
                line = (i + 1).to_string(),
                column = e.column().to_string()
            )
        });
        items.push((i as u64 + 1, parsed));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(out.bad_rows[0].2.code, ReasonCode::RowMalformed);
        assert_eq!(
            out.bad_rows[0].2.msg.say(crate::i18n::Lang::Vi),
            "dòng 4 không phải JSON hợp lệ (bị ngắt ở ký tự thứ 2): đề nghị viết mỗi hoạt động thành một đối tượng JSON trên một dòng riêng"
        );
    }

    #[test]
    fn blank_and_empty_json_are_refused_in_vietnamese() {
        use crate::i18n::Lang::Vi;
        let blank = read_json(b" \n\t\n").unwrap_err();
        assert_eq!(blank.code, ReasonCode::FileBlank);
        assert_eq!(
            blank.msg.say(Vi),
            "tệp không có chữ nào, chỉ có khoảng trắng"
        );
        let none = read_json(b"[]").unwrap_err();
        assert_eq!(none.code, ReasonCode::FileNoTable);
        assert_eq!(none.msg.say(Vi), "tệp JSON không có hoạt động nào");
        let cut = read_json(br#"{"unit": "so-y-te", "items": [{"date": "#).unwrap_err();
        assert_eq!(cut.code, ReasonCode::FileDamaged);
        assert!(
            cut.msg
                .say(Vi)
                .starts_with("tệp JSON bị cắt cụt (EOF while parsing"),
            "{}",
            cut.msg.say(Vi)
        );
    }
}
