//! The tables that need neither the reference data nor the lake: every
//! kind of refusal with what it means (`reason_codes`), and a calendar of
//! months (`months`) that trend queries join to so that a month without
//! activity shows as a zero.

use std::sync::Arc;

use arrow::array::{ArrayRef, Int32Array};
use arrow::datatypes::DataType;
use chrono::NaiveDate;

use super::columns::{Table, dates, field, mem, text};
use super::error::QueryError;

/// The tables that need neither the reference nor the lake.
pub(super) const FIXED_TABLES: &[&str] = &["reason_codes", "months"];

/// A table of [`FIXED_TABLES`] (`None` for another name).
pub(super) fn fixed_table(name: &str) -> Result<Option<Table>, QueryError> {
    match name {
        "reason_codes" => reason_codes().map(Some),
        "months" => months().map(Some),
        _ => Ok(None),
    }
}

/// `reason_codes`: every kind of refusal `rejects.reason_code` can hold,
/// with what it means in English (`description`) and Vietnamese
/// (`description_vi`) (the list in `domain::ReasonCode`).
fn reason_codes() -> Result<Table, QueryError> {
    let all = crate::domain::ReasonCode::ALL;
    mem(
        vec![
            field("reason_code", DataType::Utf8, false),
            field("description", DataType::Utf8, false),
            field("description_vi", DataType::Utf8, false),
        ],
        vec![
            text(all.iter().map(|c| c.code().to_string()).collect()),
            text(all.iter().map(|c| c.describe().to_string()).collect()),
            text(all.iter().map(|c| c.describe_vi().to_string()).collect()),
        ],
    )
}

/// The first and last year of the `months` calendar.
pub(super) const CALENDAR_YEARS: (i32, i32) = (2000, 2099);

/// `months`: one row per calendar month of [`CALENDAR_YEARS`], the spine
/// that trend queries join to so that a month without activity shows as a
/// zero rather than as a missing row (`generate_series` only takes literals).
fn months() -> Result<Table, QueryError> {
    let mut label = Vec::new();
    let (mut start, mut end) = (Vec::new(), Vec::new());
    let (mut year, mut month, mut index) = (Vec::new(), Vec::new(), Vec::new());
    for y in CALENDAR_YEARS.0..=CALENDAR_YEARS.1 {
        for m in 1..=12u32 {
            let first = NaiveDate::from_ymd_opt(y, m, 1);
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            label.push(format!("{y}-{m:02}"));
            start.push(first);
            end.push(next.and_then(|n| n.pred_opt()));
            year.push(y);
            month.push(m as i32);
            index.push(y * 12 + m as i32 - 1);
        }
    }
    let int = |v: Vec<i32>| -> ArrayRef { Arc::new(Int32Array::from(v)) };
    mem(
        vec![
            field("month", DataType::Utf8, false),
            field("month_start", DataType::Date32, false),
            field("month_end", DataType::Date32, false),
            field("year", DataType::Int32, false),
            field("month_of_year", DataType::Int32, false),
            field("month_index", DataType::Int32, false),
        ],
        vec![
            text(label),
            dates(start),
            dates(end),
            int(year),
            int(month),
            int(index),
        ],
    )
}

#[cfg(test)]
mod tests {
    use arrow::array::AsArray;
    use datafusion::prelude::SessionContext;

    use super::*;

    async fn one(table: Table, sql: &str) -> String {
        let ctx = SessionContext::new();
        ctx.register_table("t", table).unwrap();
        let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
        let c = arrow::compute::cast(batches[0].column(0), &DataType::Utf8).unwrap();
        c.as_string::<i32>().value(0).to_string()
    }

    #[tokio::test]
    async fn every_reason_code_is_listed_with_what_it_means() {
        let t = fixed_table("reason_codes").unwrap().unwrap();
        let n = one(t.clone(), "SELECT CAST(COUNT(*) AS VARCHAR) FROM t").await;
        assert_eq!(n, crate::domain::ReasonCode::ALL.len().to_string());
        let d = one(
            t,
            "SELECT description FROM t WHERE reason_code = 'date.outside_period'",
        )
        .await;
        assert_eq!(
            d,
            "The activity date is outside the period the file reports on."
        );
        let vi = one(
            fixed_table("reason_codes").unwrap().unwrap(),
            "SELECT description_vi FROM t WHERE reason_code = 'date.outside_period'",
        )
        .await;
        assert_eq!(vi, "Ngày thực hiện nằm ngoài kỳ báo cáo của tệp.");
        assert!(fixed_table("units").unwrap().is_none());
    }

    #[tokio::test]
    async fn a_calendar_of_every_month_with_its_index() {
        let t = fixed_table("months").unwrap().unwrap();
        let n = one(t.clone(), "SELECT CAST(COUNT(*) AS VARCHAR) FROM t").await;
        assert_eq!(n, "1200");
        let feb = one(
            t,
            "SELECT CAST(month_start AS VARCHAR) || ' ' || CAST(month_end AS VARCHAR) || ' ' || CAST(month_index AS VARCHAR) FROM t WHERE month = '2024-02'",
        )
        .await;
        assert_eq!(feb, format!("2024-02-01 2024-02-29 {}", 2024 * 12 + 1));
    }
}
