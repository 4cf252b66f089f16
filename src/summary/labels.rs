//! The words and numbers of the summary's documents: theme and unit-kind
//! names, column headings, and numbers as Vietnamese (1.234,5) or English
//! (1,234.5) readers write them. Shared by the charts, the page, the
//! Markdown copy and the workbook.

use std::fmt::Write;

use serde_json::Value;

use super::Lang;
use crate::reference::Campaign;

pub(super) fn theme_label(c: &Campaign, code: &str, lang: Lang) -> String {
    c.themes
        .iter()
        .find(|t| t.code.0 == code)
        .map(|t| lang.t(&t.name_vi, &t.name_en).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub(super) fn kind_label(kind: &str, lang: Lang) -> String {
    let (vi, en) = match kind {
        "district" => ("UBND cấp huyện", "District committees"),
        "culture_office" => ("Phòng VH-TT", "Culture offices"),
        "press" => ("Báo Điện Biên Phủ", "Provincial newspaper"),
        "broadcaster" => ("Đài PT-TH tỉnh", "Provincial broadcaster"),
        "central_press" => ("Cơ quan báo chí Trung ương", "Central press offices"),
        "department" => ("Sở, ban, ngành", "Departments"),
        "commune" => ("UBND xã", "Commune committees"),
        "ward" => ("UBND phường", "Ward committees"),
        "all" => ("Tất cả", "All"),
        other => (other, other),
    };
    lang.t(vi, en).to_string()
}

/// A number as Vietnamese (1.234,5) or English (1,234.5) readers write
/// it; whole numbers without decimals, others with at most two.
pub(super) fn format_f64(lang: Lang, f: f64) -> String {
    let (thousands, decimal) = match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    };
    let rounded = (f.abs() * 100.0).round() / 100.0;
    let mut out = crate::text::group_thousands(rounded.trunc() as i64, thousands);
    let cents = ((rounded.fract() * 100.0).round() as i64).to_string();
    if rounded.fract() > 0.0 {
        let cents = format!("{:0>2}", cents);
        let _ = write!(out, "{decimal}{}", cents.trim_end_matches('0'));
    }
    format!("{}{out}", if f < 0.0 && rounded > 0.0 { "-" } else { "" })
}

/// A table cell: numbers as [`format_f64`] writes them (a decimal column's
/// whole values keep one decimal, `100,0`), text as it is.
pub(super) fn format_number(v: &Value, lang: Lang) -> String {
    match v {
        Value::Number(n) if n.is_f64() && n.as_f64().is_some_and(|f| f.fract() == 0.0) => {
            format!(
                "{}{}0",
                format_f64(lang, n.as_f64().unwrap_or(0.0)),
                lang.t(",", ".")
            )
        }
        Value::Number(n) => format_f64(lang, n.as_f64().unwrap_or(0.0)),
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A column's heading in the document's language (the column name itself
/// for a column this list does not know).
pub(super) fn column_label(col: &str, l: Lang) -> String {
    let (vi, en) = match col {
        "theme" => ("Chủ đề", "Theme"),
        "items" => ("Mục", "Items"),
        "quantity" => ("Số lượng", "Quantity"),
        "reach" => ("Lượt tiếp cận", "Reach"),
        "units" => ("Đơn vị", "Units"),
        "share_pct" => ("Tỷ lệ (%)", "Share (%)"),
        "unit" => ("Đơn vị", "Unit"),
        "total" => ("Tổng", "Total"),
        "period" => ("Kỳ", "Period"),
        "theme_code" => ("Mã chủ đề", "Theme code"),
        "peak" => ("Đợt cao điểm", "Peak period"),
        "start_date" => ("Từ", "From"),
        "end_date" => ("Đến", "To"),
        "quantity_inside" => ("Trong đợt", "Inside"),
        "quantity_outside" => ("Ngoài đợt", "Outside"),
        "rate_inside" => ("Bình quân/tháng trong", "Rate inside"),
        "rate_outside" => ("Bình quân/tháng ngoài", "Rate outside"),
        "lift" => ("Hệ số tăng", "Lift"),
        "period_kind" => ("Loại báo cáo", "Report"),
        "unit_kind" => ("Loại đơn vị", "Unit kind"),
        "expected" => ("Phải nộp", "Expected"),
        "received" => ("Đã nộp", "Received"),
        "on_time" => ("Đúng hạn", "On time"),
        "late" => ("Muộn", "Late"),
        "missing" => ("Chưa nộp", "Missing"),
        "reporting_rate_pct" => ("Tỷ lệ nộp (%)", "Reporting rate (%)"),
        "on_time_rate_pct" => ("Tỷ lệ đúng hạn (%)", "On-time rate (%)"),
        "due_date" => ("Hạn", "Due"),
        "received_at" => ("Ngày nhận", "Received"),
        "status" => ("Tình trạng", "Status"),
        "form" => ("Hình thức", "Form"),
        "language" => ("Ngôn ngữ", "Language"),
        "duration_min" => ("Thời lượng (phút)", "Minutes"),
        "subtheme" => ("Nội dung cụ thể", "Sub-theme"),
        "gap" => ("Loại khoảng trống", "Gap"),
        "subject" => ("Đối tượng", "Subject"),
        "name" => ("Tên", "Name"),
        "detail" => ("Chi tiết", "Detail"),
        "months" => ("Số tháng", "Months"),
        "rank" => ("Hạng", "Rank"),
        "title" => ("Tên tác phẩm", "Title"),
        "unit_code" => ("Mã đơn vị", "Unit code"),
        "form_code" => ("Hình thức", "Form"),
        "activity_date" => ("Ngày", "Date"),
        "url" => ("Đường dẫn", "Link"),
        "reason_code" => ("Mã lý do", "Reason code"),
        "reason_kind" => ("Lý do", "Reason"),
        "rows_refused" => ("Dòng bị từ chối", "Rows refused"),
        "files_refused" => ("Tệp bị từ chối", "Files refused"),
        "example_file" => ("Tệp ví dụ", "Example file"),
        "example_reason" => ("Lý do cụ thể", "Example reason"),
        other => (other, other),
    };
    l.t(vi, en).to_string()
}

/// Columns with their headings, in the given order.
pub(super) fn cols(names: &[&str], l: Lang) -> Vec<(String, String)> {
    names
        .iter()
        .map(|c| (c.to_string(), column_label(c, l)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_the_way_each_language_writes_them() {
        assert_eq!(format_f64(Lang::Vi, 1234567.0), "1.234.567");
        assert_eq!(format_f64(Lang::En, 1234567.0), "1,234,567");
        assert_eq!(format_f64(Lang::Vi, 2.5), "2,5");
        assert_eq!(format_f64(Lang::Vi, 1.666), "1,67");
        assert_eq!(format_f64(Lang::En, 0.05), "0.05");
        assert_eq!(format_f64(Lang::Vi, -3.0), "-3");
        assert_eq!(format_number(&serde_json::json!(100.0), Lang::Vi), "100,0");
        assert_eq!(format_number(&serde_json::json!(24.5), Lang::Vi), "24,5");
        assert_eq!(format_number(&serde_json::json!(2850), Lang::Vi), "2.850");
        assert_eq!(format_number(&serde_json::json!("Tin"), Lang::Vi), "Tin");
        assert_eq!(format_number(&Value::Null, Lang::Vi), "");
    }
}
