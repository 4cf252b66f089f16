//! What each column of the table means, settled once per file from its
//! header and read-only afterwards: which column holds which field (and
//! which JSON keys spell one another way), how its dates are ordered, how
//! the quantity is read, and the notes the header alone gives the per-file
//! summary. Every field reader asks a row's cells through it.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::metadata::Metadata;
use super::words;
use crate::domain::{Period, UnitCode};
use crate::i18n::{Msg, names};
use crate::ingest::body::{MergedFigures, row_width};
use crate::ingest::cell::{Cell, SourceRow};
use crate::ingest::dates::{DateReading, column_order, parse_date, swapped_dates};
use crate::ingest::fields::Field;
use crate::ingest::legacy::Legacy;
use crate::ingest::readers::ReadOutput;
use crate::ingest::table::Hidden;
use crate::msg;
use crate::reference::Campaign;
use crate::text::clean;

/// One row as the field readers see it: its line in the source and its
/// cells, merged values given down to it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row<'r> {
    pub line: u64,
    pub cells: &'r [Cell],
}

/// How the quantity is read in this table.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum QuantityColumn {
    /// The column that holds it: every row must fill it (a JSON item that
    /// does not state it counts 1, as in a table without the column).
    Held { col: usize, keyed: bool },
    /// No column is named as the quantity but these look like one.
    Unclear(Vec<String>),
    /// No quantity column at all: each row counts 1.
    Absent,
    /// Several columns name it (said once for the row, with the others).
    Ambiguous,
    /// Only hidden columns name it: the sheet shows no quantity, yet the
    /// file has one, so no row counts 1 by default.
    Hidden(Vec<String>),
}

/// What each column of the table means, and the report it belongs to.
pub(super) struct Columns<'a> {
    pub campaign: &'a Campaign,
    pub unit: UnitCode,
    pub period: Period,
    pub received_at: NaiveDate,
    pub submission_id: String,
    /// Each column's heading (unique).
    pub names: Vec<String>,
    /// The field each column holds.
    pub fields: Vec<Option<Field>>,
    pub dates: DateReading,
    pub quantity: QuantityColumn,
    /// Unmatched columns that look like a field it lacks: field → names.
    pub missing_like: HashMap<Field, Vec<String>>,
    /// Figure cells merged over several items: (line, column) → lines.
    pub merged: MergedFigures,
    /// Cells that look typed in a legacy encoding but do not convert.
    pub unconvertible: HashMap<u64, Vec<(usize, Legacy)>>,
    /// Fields several columns name with nothing to tell which is meant.
    pub ambiguous: Vec<(Field, Vec<String>)>,
    /// JSON keys spelling a field another way: an item may state it there.
    pub alternates: HashMap<Field, Vec<usize>>,
    /// Fields an item does not state at all: (line, column).
    pub absent: HashSet<(u64, usize)>,
    /// A delimited file's separator and its rows' width.
    pub separator: Option<(char, usize)>,
    /// Columns that look like the quantity without naming it.
    pub quantity_like: Vec<usize>,
    /// What the source hides: hidden rows are not part of the report.
    pub hidden: Hidden,
    /// Formula cells (line, column) whose stored result no spreadsheet
    /// computed.
    pub uncomputed: std::collections::HashMap<(u64, usize), crate::ingest::table::Uncomputed>,
}

impl<'a> Columns<'a> {
    /// The columns of the table `out` read, whose item rows (merged values
    /// given down) are `rows`; and the notes its header gives the per-file
    /// summary (the reader's own notes first).
    pub(super) fn new(
        out: &ReadOutput,
        rows: &[SourceRow],
        meta: &Metadata<'a>,
        submission_id: &str,
        merged: MergedFigures,
    ) -> (Columns<'a>, Vec<String>) {
        let header = &out.table.header;
        let mut notes = out.notes.clone();
        let missing_like = look_alikes(out, &mut notes);
        notes.extend(header_notes(out, rows));
        let (dates, date_note) = date_reading(out, rows, meta.period);
        notes.extend(date_note);
        let mut unconvertible: HashMap<u64, Vec<(usize, Legacy)>> = HashMap::new();
        for (line, col, old) in &out.table.unconvertible {
            unconvertible.entry(*line).or_default().push((*col, *old));
        }
        let columns = Columns {
            campaign: meta.campaign,
            unit: meta.unit.clone(),
            period: meta.period,
            received_at: meta.received_at,
            submission_id: submission_id.to_string(),
            names: header.names.clone(),
            fields: header.fields.clone(),
            dates,
            quantity: quantity_column(out, &missing_like),
            missing_like,
            merged,
            unconvertible,
            ambiguous: header
                .ambiguous
                .iter()
                .map(|(f, cols)| (*f, cols.iter().map(|&c| header.names[c].clone()).collect()))
                .collect(),
            alternates: header
                .alternates
                .iter()
                .map(|(f, cols)| (*f, cols[1..].to_vec()))
                .collect(),
            absent: out.table.absent.clone(),
            separator: out
                .table
                .separator
                .map(|s| (s, row_width(header.names.len(), rows))),
            quantity_like: header
                .looks_like
                .iter()
                .filter(|(_, f)| *f == Field::Quantity)
                .map(|(c, _)| *c)
                .collect(),
            hidden: out.table.hidden.clone(),
            uncomputed: out.table.uncomputed.clone(),
        };
        (columns, notes)
    }

    /// The column that holds `field`.
    pub(super) fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    /// The cell of `field` in `cells`: its column's, or, when that is
    /// empty, the first filled one of the keys that spell it another way.
    pub(super) fn cell<'c>(&self, cells: &'c [Cell], field: Field) -> &'c Cell {
        let first = self
            .column(field)
            .and_then(|i| cells.get(i))
            .unwrap_or(&Cell::Empty);
        if first.is_empty()
            && let Some(cols) = self.alternates.get(&field)
        {
            // an item that states the field under another key
            return cols
                .iter()
                .filter_map(|&c| cells.get(c))
                .find(|c| !c.is_empty())
                .unwrap_or(first);
        }
        first
    }

    /// The columns a field may be read from in an item (JSON keys that
    /// spell it several ways).
    pub(super) fn columns(&self, field: Field) -> Vec<usize> {
        let mut cols: Vec<usize> = self.column(field).into_iter().collect();
        cols.extend(self.alternates.get(&field).into_iter().flatten());
        cols
    }

    /// The text of `field` in `cells`, if any (a formula with no result
    /// has none).
    pub(super) fn text(&self, cells: &[Cell], field: Field) -> Option<String> {
        match self.cell(cells, field) {
            Cell::Empty | Cell::Formula(_) => None,
            // cells are cleaned when read
            Cell::Text(t) => Some(t.clone()),
            other => Some(clean(&other.to_string())).filter(|s| !s.is_empty()),
        }
    }

    /// The name of column `col` (`column N` past the header).
    pub(super) fn name(&self, col: usize) -> String {
        self.names
            .get(col)
            .cloned()
            .unwrap_or_else(|| format!("column {}", col + 1))
    }

    /// The row's cells by header, as JSON text (`rejects.raw`).
    pub(super) fn raw(&self, cells: &[Cell]) -> String {
        let map: Map<String, Value> = self
            .names
            .iter()
            .zip(cells)
            .filter(|(_, c)| !c.is_empty())
            .map(|(h, c)| (h.clone(), c.to_json()))
            .collect();
        Value::Object(map).to_string()
    }

    /// True when the row's date cell holds a date.
    pub(super) fn dated(&self, cells: &[Cell]) -> bool {
        let date = self.cell(cells, Field::ActivityDate);
        matches!(date, Cell::Date(_)) || parse_date(date).is_ok_and(|d| d.is_some())
    }

    /// True when the row at `line` is hidden where the file is shown.
    pub(super) fn is_hidden(&self, line: u64) -> bool {
        self.hidden.rows.contains(&line)
    }

    /// True when several columns name `field` and none holds it.
    pub(super) fn is_ambiguous(&self, field: Field) -> bool {
        self.ambiguous.iter().any(|(f, _)| *f == field)
    }

    /// Why a required field cannot be read when no column holds it.
    pub(super) fn no_column(&self, field: Field) -> Msg {
        match self.missing_like.get(&field) {
            Some(like) => msg!(
                "normalise-no-column-like",
                field = words::field(field),
                names = names(like),
                heading = field.heading(),
            ),
            None => msg!(
                "normalise-no-column",
                field = words::field(field),
                heading = field.heading(),
            ),
        }
    }
}

/// The columns whose heading looks like a field without being one of its
/// names, by the field they look like when the table lacks it; a note for
/// each.
fn look_alikes(out: &ReadOutput, notes: &mut Vec<String>) -> HashMap<Field, Vec<String>> {
    let header = &out.table.header;
    let mut missing_like: HashMap<Field, Vec<String>> = HashMap::new();
    for (col, field) in &header.looks_like {
        let name = &header.names[*col];
        let note = match header.column(*field) {
            Some(held) => msg!(
                "normalise-looks-like-held",
                name = name,
                field = words::field(*field),
                held = &header.names[held],
            ),
            None => {
                missing_like.entry(*field).or_default().push(name.clone());
                msg!(
                    "normalise-looks-like",
                    name = name,
                    field = words::field(*field),
                    heading = field.heading(),
                )
            }
        };
        notes.push(note.to_string());
    }
    missing_like
}

/// Notes on a header of several rows, columns repeating a field another
/// holds, and columns without a heading that hold values.
fn header_notes(out: &ReadOutput, rows: &[SourceRow]) -> Vec<String> {
    let header = &out.table.header;
    let mut notes = Vec::new();
    if header.rows > 1 {
        let under: Vec<String> = header
            .names
            .iter()
            .zip(&header.fields)
            .filter_map(|(name, field)| {
                let field = field.filter(|_| name.contains(" / "))?;
                let said = msg!(
                    "normalise-header-read-as",
                    name = name,
                    field = words::field(field)
                );
                Some(said.to_string())
            })
            .collect();
        let (start, end) = out.table.header_lines;
        let (start, end) = (start.to_string(), end.to_string());
        let note = if under.is_empty() {
            msg!("normalise-header-rows", start = start, end = end)
        } else {
            msg!(
                "normalise-header-rows-read",
                start = start,
                end = end,
                columns = under.join(", "),
            )
        };
        notes.push(note.to_string());
    }
    for (col, field) in &header.repeated {
        let held = header
            .column(*field)
            .map_or("", |c| header.names[c].as_str());
        let note = msg!(
            "normalise-column-repeats",
            name = &header.names[*col],
            field = words::field(*field),
            held = held,
        );
        notes.push(note.to_string());
    }
    for (col, name) in header.names.iter().enumerate() {
        let filled = rows
            .iter()
            .any(|r| r.cells.get(col).is_some_and(|c| !c.is_empty()));
        if let Some(heading) = name.strip_suffix(" (hidden column)")
            && filled
        {
            let note = msg!(
                "normalise-column-hidden",
                name = heading,
                place = words::place(out.table.hidden.place),
            );
            notes.push(note.to_string());
        }
        let blank = header.fields[col].is_none() && name == &format!("column {}", col + 1);
        if blank
            && rows
                .iter()
                .any(|r| r.cells.get(col).is_some_and(|c| !c.is_empty()))
        {
            let note = msg!(
                "normalise-column-no-heading",
                column = (col + 1).to_string()
            );
            notes.push(note.to_string());
        }
    }
    notes
}

/// How the table's quantity is read.
fn quantity_column(out: &ReadOutput, missing_like: &HashMap<Field, Vec<String>>) -> QuantityColumn {
    let header = &out.table.header;
    match header.column(Field::Quantity) {
        Some(col) => QuantityColumn::Held {
            col,
            keyed: out.table.keyed,
        },
        None if header.ambiguous.iter().any(|(f, _)| *f == Field::Quantity) => {
            QuantityColumn::Ambiguous
        }
        None => {
            let hidden: Vec<String> = header
                .names
                .iter()
                .filter_map(|n| n.strip_suffix(" (hidden column)"))
                .filter(|n| Field::from_header(n) == Some(Field::Quantity))
                .map(str::to_string)
                .collect();
            match missing_like.get(&Field::Quantity) {
                _ if !hidden.is_empty() => QuantityColumn::Hidden(hidden),
                Some(names) => QuantityColumn::Unclear(names.clone()),
                None => QuantityColumn::Absent,
            }
        }
    }
}

/// How the date column is read: the source's date system, and the order
/// of day and month its `a/b/yyyy` dates prove (with the note when that
/// is month-first).
fn date_reading(
    out: &ReadOutput,
    rows: &[SourceRow],
    period: Period,
) -> (DateReading, Option<String>) {
    let header = &out.table.header;
    let mut dates = DateReading {
        system: out.table.dates,
        ..Default::default()
    };
    let Some(col) = header.column(Field::ActivityDate) else {
        return (dates, None);
    };
    // each item's date, under whichever key it states it
    let mut cols = vec![col];
    if let Some((_, more)) = header
        .alternates
        .iter()
        .find(|(f, _)| *f == Field::ActivityDate)
    {
        cols.extend(&more[1..]);
    }
    // the rows the file shows (a hidden row's date does not say how its
    // column was typed)
    let cells: Vec<&Cell> = rows
        .iter()
        .filter(|r| !out.table.hidden.rows.contains(&r.line))
        .filter_map(|r| {
            cols.iter()
                .filter_map(|&c| r.cells.get(c))
                .find(|c| !c.is_empty())
        })
        .collect();
    let (order, note) = column_order(&cells, period);
    dates.order = order;
    let (swapped, swap_note) = swapped_dates(&cells, period);
    dates.swapped = swapped;
    (dates, note.or(swap_note))
}

#[cfg(test)]
pub(super) mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::ingest::header::Header;
    use crate::ingest::table::Table;
    use crate::reference::Reference;

    static REFERENCE: LazyLock<Reference> =
        LazyLock::new(|| Reference::bundled().expect("bundled reference"));

    /// What a reader makes of a table of text cells under `names`.
    pub(in crate::ingest::normalise) fn table(
        names: &[&str],
        rows: &[(u64, &[&str])],
    ) -> ReadOutput {
        ReadOutput {
            table: Table {
                header: Header::from_names(
                    &names.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                    false,
                ),
                rows: rows
                    .iter()
                    .map(|(line, cells)| SourceRow {
                        line: *line,
                        cells: cells.iter().map(|c| Cell::text(c)).collect(),
                    })
                    .collect(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    /// The columns of `out` as the annual 2023 report of `so-gddt`,
    /// received on 1 November 2023, would read them.
    pub(in crate::ingest::normalise) fn columns(out: &ReadOutput) -> Columns<'static> {
        columns_of(out, Period::Year(2023))
    }

    /// [`columns`] for another period.
    pub(in crate::ingest::normalise) fn columns_of(
        out: &ReadOutput,
        period: Period,
    ) -> Columns<'static> {
        let meta = Metadata {
            // the bundled reference has the 2023 campaign; its register spans the reform
            campaign: REFERENCE.campaign(2023).expect("campaign"),
            unit: UnitCode("so-gddt".into()),
            period,
            received_at: NaiveDate::from_ymd_opt(2023, 11, 1).expect("date"),
            disagreements: Vec::new(),
        };
        Columns::new(out, &out.table.rows, &meta, "id", Default::default()).0
    }

    #[test]
    fn each_field_is_found_by_its_column_and_json_keys_by_their_alternates() {
        let mut out = table(&["Ngày", "Hình thức", "Số lượng"], &[]);
        let cols = columns(&out);
        assert_eq!(cols.column(Field::Form), Some(1));
        assert_eq!(
            cols.quantity,
            QuantityColumn::Held {
                col: 2,
                keyed: false
            }
        );
        let cells = [Cell::text("05/07/2023"), Cell::Empty, Cell::text("3")];
        assert_eq!(cols.text(&cells, Field::Form), None);
        assert_eq!(cols.text(&cells, Field::Quantity).as_deref(), Some("3"));
        assert!(cols.dated(&cells));
        assert_eq!(cols.raw(&cells), r#"{"Ngày":"05/07/2023","Số lượng":"3"}"#);
        // JSON keys spelling the quantity two ways: an item may use either
        out.table.header =
            Header::from_names(&["date", "form", "quantity", "SL"].map(String::from), true);
        out.table.keyed = true;
        let cols = columns(&out);
        assert_eq!(cols.columns(Field::Quantity), vec![2, 3]);
        let cells = [Cell::Empty, Cell::Empty, Cell::Empty, Cell::text("4")];
        assert_eq!(cols.cell(&cells, Field::Quantity), &Cell::text("4"));
    }

    #[test]
    fn a_table_without_a_quantity_column_or_with_one_nobody_named() {
        assert_eq!(
            columns(&table(&["Ngày", "Hình thức"], &[])).quantity,
            QuantityColumn::Absent
        );
        let out = table(&["Ngày", "Hình thức", "Số lượng sản phẩm in"], &[]);
        let cols = columns(&out);
        assert_eq!(
            cols.quantity,
            QuantityColumn::Unclear(vec!["Số lượng sản phẩm in".into()])
        );
        assert_eq!(
            cols.no_column(Field::ActivityDate).to_string(),
            "the table has no activity date column: add one named 'Ngày'"
        );
        assert_eq!(
            columns(&table(&["Ngày", "Hình thức", "Số lượng", "SL"], &[])).quantity,
            QuantityColumn::Ambiguous
        );
    }

    #[test]
    fn the_header_alone_gives_notes() {
        let out = table(
            &[
                "Ngày",
                "Hình thức",
                "Tỷ lệ tiếp cận",
                "Tên tin bài",
                "Tiêu đề",
                "",
            ],
            &[(2, &["05/07/2023", "Tin", "5%", "A", "B", "x"])],
        );
        let meta = Metadata {
            campaign: REFERENCE.campaign(2023).expect("campaign"),
            unit: UnitCode("so-gddt".into()),
            period: Period::Year(2023),
            received_at: NaiveDate::from_ymd_opt(2023, 11, 1).expect("date"),
            disagreements: Vec::new(),
        };
        let (_, notes) = Columns::new(&out, &out.table.rows, &meta, "id", Default::default());
        assert_eq!(
            notes,
            [
                "column \"Tỷ lệ tiếp cận\" looks like the reach but is not one of its names, so it is not read as it (kept in extra); if it is the reach, name it 'Lượt tiếp cận'",
                "column \"Tiêu đề\" also names the title, which column \"Tên tin bài\" holds: it is kept in extra",
                "column 6 has no heading: its values are kept in extra",
            ]
        );
    }
}
