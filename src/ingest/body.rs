//! The body of a report form as it is drawn: cells merged down over
//! several rows, items drawn over two rows, and rows of a delimited file
//! longer than its header.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::cell::{Cell, SourceRow};
use super::fields::Field;
use super::readers::ReadOutput;

/// A figure cell merged over several rows: its first and last line.
pub(super) type MergedFigures = HashMap<(u64, usize), (u64, u64)>;

/// The most cells of merged ranges the body is read through (a report's
/// merges cover a few dozen).
const MERGED_CELLS_READ: usize = 1_000_000;

/// The body as the form draws it, once merged cells are read.
pub(super) struct Body<'a> {
    /// The rows with each cell merged down over several item rows given to
    /// every row it covers (a date or a form shared by the activities under
    /// it), and the text of continuation rows joined to their item.
    pub(super) rows: Cow<'a, [SourceRow]>,
    /// Figure cells merged over several items, which cannot be shared out
    /// and refuse their rows.
    pub(super) figures: MergedFigures,
    /// Rows that only continue the item above them: (line, item's line).
    pub(super) continuations: Vec<(u64, u64)>,
}

/// Reads the merged cells of the body. A row whose cells are all merged
/// from the row above, but for text (a title wrapped onto a second row),
/// continues that item: it is one activity drawn over two rows.
pub(super) fn read_body(out: &ReadOutput) -> Body<'_> {
    let table = &out.table;
    let down: Vec<_> = table
        .merges
        .iter()
        .filter(|m| {
            m.last_line > m.first_line && (m.first_col as usize) < table.header.fields.len()
        })
        .collect();
    let mut body = Body {
        rows: Cow::Borrowed(&table.rows),
        figures: MergedFigures::new(),
        continuations: Vec::new(),
    };
    if down.is_empty() {
        return body;
    }
    let read = &table.rows;
    // the rows a merge covers (rows are in line order): a range past the
    // table, however large, costs nothing
    let span = |first: u64, last: u64| {
        read.partition_point(|r| r.line < first)..read.partition_point(|r| r.line <= last)
    };
    let texty = |col: usize| {
        matches!(
            table.header.fields.get(col).copied().flatten(),
            Some(Field::Title | Field::Notes | Field::Channel | Field::Url)
        )
    };
    // a hostile sheet may declare many merges over many rows: the work is
    // bounded by what a real form could hold
    let mut budget = MERGED_CELLS_READ;
    let down: Vec<_> = down
        .into_iter()
        .take_while(|m| {
            let r = span(m.first_line, m.last_line);
            budget = budget.saturating_sub(r.end - r.start);
            budget > 0
        })
        .collect();
    // rows continuing the item above: covered by merges from one row only,
    // holding nothing of their own but text
    let mut anchors: HashMap<u64, Vec<u64>> = HashMap::new();
    for m in &down {
        for row in &read[span(m.first_line, m.last_line)] {
            if row.line > m.first_line {
                anchors.entry(row.line).or_default().push(m.first_line);
            }
        }
    }
    let lines: HashSet<u64> = read.iter().map(|r| r.line).collect();
    let mut continues: HashMap<u64, u64> = HashMap::new();
    for row in read {
        let Some(from) = anchors.get(&row.line) else {
            continue;
        };
        let own_text_only = row
            .cells
            .iter()
            .enumerate()
            .all(|(c, cell)| cell.is_empty() || (texty(c) && matches!(cell, Cell::Text(_))));
        if own_text_only && from.iter().all(|&a| a == from[0]) && lines.contains(&from[0]) {
            let item = continues.get(&from[0]).copied().unwrap_or(from[0]);
            continues.insert(row.line, item);
        }
    }
    let mut rows = table.rows.clone();
    for m in down {
        let col = m.first_col as usize;
        let range = span(m.first_line, m.last_line);
        let anchor = match rows.get(range.start) {
            Some(r) if r.line == m.first_line => r.cells.get(col).cloned().unwrap_or(Cell::Empty),
            _ => continue,
        };
        if anchor.is_empty() {
            continue;
        }
        let figure = matches!(
            table.header.fields.get(col).copied().flatten(),
            Some(Field::Quantity | Field::Reach | Field::Duration)
        );
        let items = rows[range.clone()]
            .iter()
            .filter(|r| !continues.contains_key(&r.line))
            .count();
        for row in &mut rows[range] {
            if figure {
                if items > 1 {
                    body.figures
                        .insert((row.line, col), (m.first_line, m.last_line));
                }
            } else if row.line > m.first_line {
                if row.cells.len() <= col {
                    row.cells.resize(col + 1, Cell::Empty);
                }
                if row.cells[col].is_empty() {
                    row.cells[col] = anchor.clone();
                }
            }
        }
    }
    // a continuation's text joins its item's
    let at: HashMap<u64, usize> = rows.iter().enumerate().map(|(i, r)| (r.line, i)).collect();
    let mut lines: Vec<(u64, u64)> = continues.into_iter().collect();
    lines.sort();
    for &(line, item) in &lines {
        let (Some(&from), Some(&to)) = (at.get(&line), at.get(&item)) else {
            continue;
        };
        for (c, cell) in read[from].cells.iter().enumerate() {
            if let Cell::Text(more) = cell {
                let target = &mut rows[to].cells;
                if target.len() <= c {
                    target.resize(c + 1, Cell::Empty);
                }
                target[c] = match &target[c] {
                    Cell::Text(t) => Cell::Text(format!("{t} {more}")),
                    _ => Cell::Text(more.clone()),
                };
            }
        }
    }
    body.rows = Cow::Owned(rows);
    body.continuations = lines;
    body
}

/// How many cells a row of a delimited file may have: the header's, or,
/// when nearly every data row is longer by the same trailing separators
/// (the header was typed without them), that length. A longer row holds
/// a value split at an unquoted separator.
pub(super) fn row_width(header: usize, rows: &[SourceRow]) -> usize {
    let longer: Vec<usize> = rows
        .iter()
        .map(|r| r.cells.len())
        .filter(|&n| n > header)
        .collect();
    match longer.first() {
        Some(&n) if longer.iter().all(|&m| m == n) && longer.len() * 10 >= rows.len() * 9 => n,
        _ => header,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delimited_row_wider_than_its_table_is_split_at_a_separator() {
        let rows = |lens: &[usize]| {
            lens.iter()
                .map(|&n| SourceRow {
                    line: 1,
                    cells: vec![Cell::Empty; n],
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(row_width(6, &rows(&[6, 7, 7])), 6);
        assert_eq!(row_width(7, &rows(&[8, 7, 5])), 7);
        // the header typed without the trailing separators every row has
        assert_eq!(row_width(6, &rows(&[7; 12])), 7);
    }
}
