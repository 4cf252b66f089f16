//! A quick count of what the lake holds, read straight from its committed
//! Parquet files: what `demo` prints after ingesting. Analysts' questions go
//! through SQL; this is only the at-a-glance view.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::ledger::{ints, strings};
use super::{Lake, LakeError};

/// Totals over current submissions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overview {
    pub submissions: usize,
    pub superseded: usize,
    pub units: usize,
    pub items: u64,
    pub quantity: i64,
    pub rows_refused: u64,
    pub files_refused: u64,
    /// theme_code → (items, quantity)
    pub by_theme: BTreeMap<String, (u64, i64)>,
}

impl Lake {
    /// Counts current activities by theme, and what was refused.
    pub fn overview(&self) -> Result<Overview, LakeError> {
        let state = self.read_state()?;
        let current: HashSet<&str> = state
            .submissions
            .iter()
            .filter(|s| s.superseded_by.is_none())
            .map(|s| s.submission_id.as_str())
            .collect();
        let mut o = Overview {
            submissions: current.len(),
            superseded: state.submissions.len() - current.len(),
            units: state
                .submissions
                .iter()
                .map(|s| &s.unit_code)
                .collect::<HashSet<_>>()
                .len(),
            ..Default::default()
        };
        for rel in &state.files {
            let path = self.root.join(rel);
            let bad = |message: String| LakeError::Ledger {
                path: path.display().to_string(),
                message,
            };
            let file = File::open(&path).map_err(|e| bad(e.to_string()))?;
            let reader = ParquetRecordBatchReaderBuilder::try_new(file)
                .and_then(|b| b.build())
                .map_err(|e| bad(e.to_string()))?;
            for batch in reader {
                let batch = batch.map_err(|e| bad(e.to_string()))?;
                let ids = strings(&batch, "submission_id").map_err(bad)?;
                if rel.starts_with("rejects/") {
                    for row in ints(&batch, "source_row").map_err(bad)? {
                        if row.is_some() {
                            o.rows_refused += 1
                        } else {
                            o.files_refused += 1
                        }
                    }
                    continue;
                }
                let themes = strings(&batch, "theme_code").map_err(bad)?;
                let qty = ints(&batch, "quantity").map_err(bad)?;
                for ((id, theme), q) in ids.iter().zip(themes).zip(qty) {
                    if id.as_deref().is_some_and(|id| current.contains(id)) {
                        let e = o.by_theme.entry(theme.unwrap_or_default()).or_default();
                        e.0 += 1;
                        e.1 += q.unwrap_or(0);
                        o.items += 1;
                        o.quantity += q.unwrap_or(0);
                    }
                }
            }
        }
        Ok(o)
    }
}
