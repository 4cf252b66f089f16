//! What calamine does not tell of an `.xlsx` sheet, read from its XML: the
//! rows and columns the sheet hides (by hand, or by a filter that shows one
//! month of a year's log), the filter's range, every formula cell and
//! whether it holds a stored result, and whether the workbook asks to be
//! recalculated when it is opened (`<calcPr fullCalcOnLoad="1"/>`, as
//! XlsxWriter and other generators write it: then no stored result was
//! computed by a spreadsheet).

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};

use super::measure::attr;
use crate::ingest::limits::cannot_open;
use crate::ingest::reason::Problem;

/// The most hidden rows, hidden columns or formula cells noted per sheet.
const MAX_NOTED: usize = 100_000;

/// What the scan of one `.xlsx` sheet learned; rows and columns 0-based.
#[derive(Debug, Default, PartialEq)]
pub(super) struct XlsxSheet {
    pub hidden_rows: HashSet<u32>,
    pub hidden_cols: HashSet<u32>,
    /// The range an AutoFilter covers (`A8:H16`), if the sheet has one.
    pub filter: Option<String>,
    /// Formula cells: (row, column) → whether a result is stored.
    pub formulas: HashMap<(u32, u32), bool>,
    /// The workbook asks to be recalculated when opened.
    pub recalc_on_open: bool,
}

/// Scans the sheet `name` of the `.xlsx` workbook `bytes` (its size is
/// already checked). A workbook whose parts cannot be found is left to
/// calamine to refuse: the scan then knows nothing.
pub(super) fn scan(bytes: &[u8], name: &str) -> Result<XlsxSheet, Problem> {
    let damaged = |e: &dyn std::fmt::Display| cannot_open("xlsx", e);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let text = |zip: &mut zip::ZipArchive<Cursor<&[u8]>>, part: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(part).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let (Some(workbook), Some(rels)) = (
        text(&mut zip, "xl/workbook.xml"),
        text(&mut zip, "xl/_rels/workbook.xml.rels"),
    ) else {
        return Ok(XlsxSheet::default());
    };
    let (id, recalc_on_open) = sheet_id(&workbook, name);
    let Some(part) = id.and_then(|id| target(&rels, &id)) else {
        return Ok(XlsxSheet {
            recalc_on_open,
            ..Default::default()
        });
    };
    let Ok(sheet) = zip.by_name(&part) else {
        return Ok(XlsxSheet::default());
    };
    let mut out = read_sheet(BufReader::new(sheet)).map_err(|e| damaged(&e))?;
    out.recalc_on_open = recalc_on_open;
    Ok(out)
}

/// The relationship id of sheet `name` in `xl/workbook.xml`, and whether
/// the workbook asks to be recalculated when opened.
fn sheet_id(workbook: &str, name: &str) -> (Option<String>, bool) {
    let mut xml = quick_xml::Reader::from_str(workbook);
    let (mut id, mut recalc) = (None, false);
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match local(&e) {
                "sheet" if attr(&e, "name").as_deref() == Some(name) => {
                    id = attr(&e, "r:id").or_else(|| {
                        // another prefix for the relationships namespace
                        e.attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == "id")
                            .map(|a| a.value.to_string())
                    });
                }
                "calcPr" => {
                    recalc = matches!(attr(&e, "fullCalcOnLoad").as_deref(), Some("1" | "true"));
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    (id, recalc)
}

/// The part a relationship id points to, as a path in the zip.
fn target(rels: &str, id: &str) -> Option<String> {
    let mut xml = quick_xml::Reader::from_str(rels);
    loop {
        match xml.read_event() {
            Ok(Event::Start(e) | Event::Empty(e))
                if local(&e) == "Relationship" && attr(&e, "Id").as_deref() == Some(id) =>
            {
                let t = attr(&e, "Target")?;
                return Some(match t.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{}", t.trim_start_matches("./")),
                });
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
    }
}

/// An element's name without its namespace prefix.
fn local<'e>(e: &'e BytesStart) -> &'e str {
    e.local_name().into_inner()
}

/// `B9` → (row 8, column 1), 0-based.
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters = r.chars().take_while(char::is_ascii_alphabetic).count();
    let (col, row) = r.split_at(letters);
    if col.is_empty() || col.len() > 3 {
        return None;
    }
    let col = col.bytes().fold(0u32, |n, b| {
        n * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32
    });
    let row: u32 = row.parse().ok()?;
    Some((row.checked_sub(1)?, col - 1))
}

fn truthy(v: Option<String>) -> bool {
    matches!(v.as_deref(), Some("1" | "true"))
}

/// Streams one sheet's XML.
fn read_sheet(part: impl std::io::BufRead) -> Result<XlsxSheet, quick_xml::Error> {
    let mut xml = quick_xml::Reader::from_reader(part);
    let mut out = XlsxSheet::default();
    let mut buf = Vec::new();
    // the row being read (0-based), and the cell: its place, a formula, a value
    let mut row: Option<u32> = None;
    let mut cell: Option<((u32, u32), bool, bool)> = None;
    let mut next_col = 0u32;
    let mut in_value = false;
    loop {
        let event = xml.read_event_into(&mut buf)?;
        let empty = matches!(event, Event::Empty(_));
        match &event {
            Event::Start(e) | Event::Empty(e) => match local(e) {
                "row" => {
                    let r = attr(e, "r")
                        .and_then(|r| r.parse::<u32>().ok())
                        .and_then(|r| r.checked_sub(1))
                        .or_else(|| row.map(|r| r + 1))
                        .unwrap_or(0);
                    row = Some(r);
                    next_col = 0;
                    if truthy(attr(e, "hidden")) && out.hidden_rows.len() < MAX_NOTED {
                        out.hidden_rows.insert(r);
                    }
                }
                "col" if truthy(attr(e, "hidden")) => {
                    let n = |k| attr(e, k).and_then(|v| v.parse::<u32>().ok());
                    if let (Some(min), Some(max)) = (n("min"), n("max")) {
                        for c in min.max(1)..=max.min(16_384) {
                            if out.hidden_cols.len() >= MAX_NOTED {
                                break;
                            }
                            out.hidden_cols.insert(c - 1);
                        }
                    }
                }
                "c" => {
                    let at = attr(e, "r")
                        .and_then(|r| cell_ref(&r))
                        .unwrap_or((row.unwrap_or(0), next_col));
                    next_col = at.1 + 1;
                    cell = (!empty).then_some((at, false, false));
                }
                "f" => {
                    if let Some(c) = cell.as_mut() {
                        c.1 = true;
                    }
                }
                "v" if !empty => in_value = true,
                "autoFilter" => out.filter = attr(e, "ref"),
                _ => {}
            },
            Event::Text(t) if in_value => {
                if let Some(c) = cell.as_mut()
                    && !t.is_empty()
                {
                    c.2 = true;
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                "v" => in_value = false,
                "c" => {
                    if let Some((at, true, stored)) = cell.take()
                        && out.formulas.len() < MAX_NOTED
                    {
                        out.formulas.insert(at, stored);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("A1"), Some((0, 0)));
        assert_eq!(cell_ref("B9"), Some((8, 1)));
        assert_eq!(cell_ref("AA10"), Some((9, 26)));
        assert_eq!(cell_ref("9"), None);
    }

    #[test]
    fn hidden_rows_columns_filter_and_formulas_of_a_sheet() {
        let xml = r#"<worksheet><cols><col min="3" max="4" hidden="1"/></cols><sheetData>
            <row r="8"><c r="A8" t="s"><v>0</v></c></row>
            <row r="9" hidden="1"><c r="A9"><v>1</v></c><c r="H9"><f>F9+G9</f><v>0</v></c></row>
            <row r="10"><c r="H10"><f t="shared" si="0"/></c><c r="I10"><f t="shared" ref="I10:I12" si="1">G10</f><v></v></c></row>
            </sheetData><autoFilter ref="A8:H16"/></worksheet>"#;
        let s = read_sheet(xml.as_bytes()).unwrap();
        assert_eq!(s.hidden_rows, [8].into());
        assert_eq!(s.hidden_cols, [2, 3].into());
        assert_eq!(s.filter.as_deref(), Some("A8:H16"));
        assert_eq!(
            s.formulas,
            [((8, 7), true), ((9, 7), false), ((9, 8), false)].into()
        );
        let (id, recalc) = sheet_id(
            r#"<workbook><sheets><sheet name="Năm 2023" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="1" fullCalcOnLoad="1"/></workbook>"#,
            "Năm 2023",
        );
        assert_eq!((id.as_deref(), recalc), (Some("rId1"), true));
        assert_eq!(
            target(
                r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#,
                "rId1"
            )
            .as_deref(),
            Some("xl/worksheets/sheet1.xml")
        );
    }
}
