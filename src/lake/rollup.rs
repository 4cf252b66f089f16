//! The rollup: `rollup/year=YYYY/part-*.parquet`, small aggregates of
//! `activities` that every commit writes with the data it aggregates, so
//! that the named queries (coverage by theme, form, language, unit and
//! month; the trends) read a few rows per report instead of every item.
//!
//! One row per submission, month and **grain**:
//!
//! | grain | key columns set | the others |
//! |---|---|---|
//! | `theme` | `theme_code`, `subtheme_code` (null when the item has none) | null |
//! | `form` | `form_code` | null |
//! | `language` | `language` | null |
//!
//! with `items` (how many items), and the sums of `quantity`, `reach` and
//! `duration_min` (null when every item's value is null, as SQL's `SUM`).
//! Each grain adds up to the submission's items: `SUM(items)` over one
//! grain is `COUNT(*)` of `activities`.
//!
//! Rows are keyed by `submission_id`, so that the current reports are
//! chosen exactly as in `activities` (supersession lives in the ledger and
//! never rewrites a rollup file), and so are the reports current on a day.
//! The ledger marks a lake whose every submission has its rollup rows
//! ([`super::LakeState::rollup`]); a lake written before the rollup gets
//! it at its next ingest or `compact`.

use std::sync::{Arc, LazyLock};

use arrow::array::{
    Array, ArrayRef, AsArray, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray,
};
use arrow::datatypes::{DataType, Float64Type, Int32Type, Int64Type, Schema, SchemaRef};
use arrow::error::ArrowError;

use super::tables::{activities_schema, conform, text, typed};

static ROLLUP: LazyLock<SchemaRef> = LazyLock::new(|| {
    Arc::new(Schema::new(vec![
        text("submission_id"),
        text("unit_code"),
        typed("month", DataType::Int32),
        text("grain"),
        text("theme_code"),
        text("subtheme_code"),
        text("form_code"),
        text("language"),
        typed("items", DataType::Int64),
        typed("quantity", DataType::Int64),
        typed("reach", DataType::Int64),
        typed("duration_min", DataType::Float64),
    ]))
});

/// The columns of `rollup` files (the `year` partition column apart).
pub fn rollup_schema() -> SchemaRef {
    ROLLUP.clone()
}

/// The order rows are written in: a grain's rows together, so that a
/// query reading one grain skips the others' row groups by statistics.
pub const ROLLUP_ORDER: &[&str] = &["grain", "unit_code", "month", "submission_id"];

/// The grains, in the order of [`ROLLUP_ORDER`]'s first column.
pub const GRAINS: [&str; 3] = ["form", "language", "theme"];

#[derive(Default)]
struct Sums {
    items: i64,
    quantity: i64,
    reach: Option<i64>,
    duration: Option<f64>,
}

/// (submission, unit, month, grain, first key, second key).
type Key<'a> = (
    &'a str,
    &'a str,
    i32,
    &'static str,
    Option<&'a str>,
    Option<&'a str>,
);

/// The rollup rows of some `activities` rows (batches of any version of
/// [`activities_schema`]), in no particular order; the writer sorts them.
///
/// # Errors
/// A batch that lacks a column of `activities`.
pub fn rollup_batch(batches: &[RecordBatch]) -> Result<RecordBatch, ArrowError> {
    let schema = activities_schema();
    let conformed = batches
        .iter()
        .map(|b| conform(b, &schema).map_err(ArrowError::SchemaError))
        .collect::<Result<Vec<_>, _>>()?;
    let mut groups: foldhash::HashMap<Key, Sums> = Default::default();
    for b in &conformed {
        let col = |name: &str| b.column(schema.index_of(name).unwrap_or(0));
        let submission = col("submission_id").as_string::<i32>();
        let unit = col("unit_code").as_string::<i32>();
        let month = col("month").as_primitive::<Int32Type>();
        let theme = col("theme_code").as_string::<i32>();
        let subtheme = col("subtheme_code").as_string::<i32>();
        let form = col("form_code").as_string::<i32>();
        let language = col("language").as_string::<i32>();
        let quantity = col("quantity").as_primitive::<Int64Type>();
        let reach = col("reach").as_primitive::<Int64Type>();
        let duration = col("duration_min").as_primitive::<Float64Type>();
        fn text(a: &StringArray, i: usize) -> Option<&str> {
            a.is_valid(i).then(|| a.value(i))
        }
        for i in 0..b.num_rows() {
            let (Some(s), Some(u)) = (text(submission, i), text(unit, i)) else {
                continue;
            };
            let m = if month.is_valid(i) { month.value(i) } else { 0 };
            for (grain, k1, k2) in [
                ("theme", text(theme, i), text(subtheme, i)),
                ("form", text(form, i), None),
                ("language", text(language, i), None),
            ] {
                let sums = groups.entry((s, u, m, grain, k1, k2)).or_default();
                sums.items += 1;
                if quantity.is_valid(i) {
                    sums.quantity += quantity.value(i);
                }
                if reach.is_valid(i) {
                    *sums.reach.get_or_insert(0) += reach.value(i);
                }
                if duration.is_valid(i) {
                    *sums.duration.get_or_insert(0.0) += duration.value(i);
                }
            }
        }
    }
    // in key order, so that the same items give the same file
    let mut groups: Vec<(Key, Sums)> = groups.into_iter().collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let keys: Vec<&Key> = groups.iter().map(|(k, _)| k).collect();
    let strings = |values: Vec<Option<&str>>| -> ArrayRef { Arc::new(StringArray::from(values)) };
    // a grain's own key column; null in the other grains' rows
    let key = |grain: &str, second: bool| -> ArrayRef {
        strings(
            keys.iter()
                .map(|k| match (k.3 == grain, second) {
                    (true, false) => k.4,
                    (true, true) => k.5,
                    _ => None,
                })
                .collect(),
        )
    };
    let sums: Vec<&Sums> = groups.iter().map(|(_, s)| s).collect();
    RecordBatch::try_new(
        rollup_schema(),
        vec![
            strings(keys.iter().map(|k| Some(k.0)).collect()),
            strings(keys.iter().map(|k| Some(k.1)).collect()),
            Arc::new(keys.iter().map(|k| Some(k.2)).collect::<Int32Array>()),
            strings(keys.iter().map(|k| Some(k.3)).collect()),
            key("theme", false),
            key("theme", true),
            key("form", false),
            key("language", false),
            Arc::new(sums.iter().map(|s| s.items).collect::<Int64Array>()),
            Arc::new(sums.iter().map(|s| s.quantity).collect::<Int64Array>()),
            Arc::new(sums.iter().map(|s| s.reach).collect::<Int64Array>()),
            Arc::new(sums.iter().map(|s| s.duration).collect::<Float64Array>()),
        ],
    )
}

/// The SQL that computes the same rows from the items (`FROM` names a
/// table of `activities`' columns and `year`): what a lake written before
/// the rollup is read through, and what the tests compare the stored
/// rollup with.
pub fn rollup_sql(from: &str) -> String {
    let grain = |grain: &str, theme: &str, subtheme: &str, form: &str, language: &str| {
        format!(
            "SELECT submission_id, unit_code, month, '{grain}' AS grain,
       {theme} AS theme_code, {subtheme} AS subtheme_code,
       {form} AS form_code, {language} AS language,
       COUNT(*) AS items, SUM(quantity) AS quantity, SUM(reach) AS reach,
       SUM(duration_min) AS duration_min, year
FROM {from}
GROUP BY submission_id, unit_code, month, year, {theme}, {subtheme}, {form}, {language}"
        )
    };
    let none = "CAST(NULL AS VARCHAR)";
    [
        grain("theme", "theme_code", "subtheme_code", none, none),
        grain("form", none, none, "form_code", none),
        grain("language", none, none, none, "language"),
    ]
    .join("\nUNION ALL\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DatePrecision, ThemeCode, UnitCode};
    use crate::lake::tables::{Activity, ActivityRecord, activities_batch};
    use chrono::NaiveDate;

    fn item(
        sub: &str,
        row: i64,
        theme: &str,
        form: &str,
        qty: i64,
        reach: Option<i64>,
    ) -> ActivityRecord {
        ActivityRecord {
            submission_id: sub.into(),
            unit_code: UnitCode("u1".into()),
            activity: Activity {
                activity_id: format!("{sub}-{row}"),
                activity_date: NaiveDate::from_ymd_opt(2023, 7, 1 + row as u32).unwrap(),
                date_precision: DatePrecision::Day,
                theme_code: ThemeCode(theme.into()),
                subtheme_code: None,
                theme_inferred: false,
                hrc_priority: None,
                form_code: form.into(),
                channel: None,
                title: None,
                quantity: qty,
                reach,
                duration_min: None,
                language: "vi".into(),
                url: None,
                notes: None,
                extra: None,
                source_row: row,
            },
        }
    }

    #[test]
    fn each_grain_adds_up_to_the_items() {
        let rows = vec![
            item("s1", 1, "ethnic", "article", 2, Some(100)),
            item("s1", 2, "ethnic", "video", 3, None),
            item("s1", 3, "religion", "article", 1, None),
            item("s2", 1, "ethnic", "article", 5, Some(7)),
        ];
        let r = rollup_batch(&[activities_batch(&rows).unwrap()]).unwrap();
        // s1: theme ethnic, religion; form article, video; language vi.
        // s2: one of each.
        assert_eq!(r.num_rows(), 5 + 3);
        let grain = r.column(3).as_string::<i32>();
        let items = r.column(8).as_primitive::<Int64Type>();
        let qty = r.column(9).as_primitive::<Int64Type>();
        let reach = r.column(10).as_primitive::<Int64Type>();
        let theme = r.column(4).as_string::<i32>();
        let form = r.column(6).as_string::<i32>();
        let sub = r.column(0).as_string::<i32>();
        for g in GRAINS {
            let total: i64 = (0..r.num_rows())
                .filter(|&i| grain.value(i) == g)
                .map(|i| items.value(i))
                .sum();
            assert_eq!(total, 4, "grain {g}");
            let q: i64 = (0..r.num_rows())
                .filter(|&i| grain.value(i) == g)
                .map(|i| qty.value(i))
                .sum();
            assert_eq!(q, 11, "grain {g}");
        }
        let ethnic_s1 = (0..r.num_rows())
            .find(|&i| {
                sub.value(i) == "s1" && grain.value(i) == "theme" && theme.value(i) == "ethnic"
            })
            .unwrap();
        assert_eq!((items.value(ethnic_s1), qty.value(ethnic_s1)), (2, 5));
        assert_eq!(reach.value(ethnic_s1), 100);
        assert!(form.is_null(ethnic_s1));
        let video = (0..r.num_rows())
            .find(|&i| grain.value(i) == "form" && form.value(i) == "video")
            .unwrap();
        assert!(
            reach.is_null(video),
            "a sum of no reach is null, as SQL's SUM"
        );
    }
}
