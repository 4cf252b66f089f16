//! The file's own totals (the contract's section 8): a table's totals row
//! (`Tổng cộng`, `Cộng`, `Tổng số`) states the sum of its items; each
//! figure it states (quantity, reach) is kept beside the sum of the items
//! read above it, so a difference (the submitter's arithmetic, or a
//! misreading of ours) becomes a finding, never a refusal. A sub-total
//! (`Cộng mục I`) sums the items since the totals row before it; a grand
//! total sums the table from its start; running totals (`Lũy kế`) are not
//! checked: they carry earlier months.

use super::columns::Columns;
use crate::ingest::cell::Cell;
use crate::ingest::fields::Field;
use crate::ingest::template::sum_label;
use crate::ingest::values::{ITEM_UNITS, MAX_QUANTITY, MAX_REACH, REACH_UNITS, parse_count};
use crate::lake::{Activity, FileTotal};

/// A figure a totals row may state: its field, its name, how an item
/// holds it, the words that may follow it and the largest it may be.
type Figure = (
    Field,
    &'static str,
    fn(&Activity) -> Option<i64>,
    &'static [&'static str],
    i64,
);

/// The totals rows met so far in one table, and where the last one was.
#[derive(Debug, Default)]
pub(super) struct TotalsCheck {
    /// Items and refused rows before the last totals row.
    since: (usize, usize),
    pub found: Vec<FileTotal>,
}

impl TotalsCheck {
    /// Looks at a template row (`line`, its cells as read): when it is a
    /// totals row, keeps each figure it states beside the sum of
    /// `activities` (every item accepted so far) with `refused` rows
    /// refused so far.
    pub(super) fn row(
        &mut self,
        cols: &Columns,
        line: u64,
        cells: &[Cell],
        activities: &[Activity],
        refused: usize,
    ) {
        let Some((label, part)) = sum_label(cells) else {
            return;
        };
        let figures: [Figure; 2] = [
            (
                Field::Quantity,
                "quantity",
                |a| Some(a.quantity),
                ITEM_UNITS,
                MAX_QUANTITY,
            ),
            (Field::Reach, "reach", |a| a.reach, REACH_UNITS, MAX_REACH),
        ];
        for (field, name, value, units, max) in figures {
            let Some(cell) = cols.column(field).and_then(|c| cells.get(c)) else {
                continue;
            };
            let Ok(Some(stated)) = parse_count(cell, units, max) else {
                continue;
            };
            let sum = |from: usize| -> (i64, i64) {
                let items = &activities[from.min(activities.len())..];
                (items.iter().filter_map(value).sum(), items.len() as i64)
            };
            let whole = sum(0);
            let segment = sum(self.since.0);
            // the sum the row agrees with; else the one its label names
            let from_last = stated != whole.0 && (stated == segment.0 || part);
            let ((items_sum, items), refused_from) = if from_last {
                (segment, self.since.1)
            } else {
                (whole, 0)
            };
            self.found.push(FileTotal {
                source_row: line as i64,
                label: crate::text::clean(label),
                field: name.to_string(),
                stated,
                items_sum,
                items,
                rows_refused: refused.saturating_sub(refused_from) as i64,
            });
        }
        self.since = (activities.len(), refused);
    }
}
