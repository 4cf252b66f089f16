//! The words and numbers of the summary's documents: theme and unit-kind
//! names, column headings, and numbers as Vietnamese (1.234,5) or English
//! (1,234.5) readers write them. Shared by the charts, the page, the
//! Markdown copy and the workbook.

use std::fmt::Write;

use super::answer::{Answer, Cell};
use super::options::Lang;
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

/// A number cell as the language writes it: an integer grouped
/// (`2.850`), a decimal with its decimals (a whole one keeps one: `100,0`),
/// anything else as [`show`] would without a column.
pub(super) fn format_cell(v: &Cell, lang: Lang) -> String {
    match v {
        Cell::Int(n) => format_f64(lang, *n as f64),
        Cell::Decimal(f) if f.fract() == 0.0 => {
            format!("{}{}0", format_f64(lang, *f), lang.t(",", "."))
        }
        Cell::Decimal(f) => format_f64(lang, *f),
        Cell::Text(s) => s.clone(),
        Cell::Date(d) => match lang {
            Lang::Vi => d.format("%d/%m/%Y").to_string(),
            Lang::En => d.to_string(),
        },
        Cell::Bool(b) => match (lang, b) {
            (Lang::Vi, true) => "có".into(),
            (Lang::Vi, false) => "không".into(),
            (Lang::En, b) => b.to_string(),
        },
        Cell::Null => String::new(),
    }
}

/// A cell of `answer`'s `row` in `column` as every document shows it (the
/// page, the Markdown copy, the Word report): codes by their labels (kinds
/// of unit and of report, statuses, kinds of gap, themes, units), dates
/// and periods the way the language writes them (`05/07/2023`, `07/2023`
/// in Vietnamese), numbers too. The workbook keeps the values themselves
/// ([`workbook_cell`]).
pub(super) fn show(answer: &Answer, row: &[Cell], column: &str, c: &Campaign, l: Lang) -> String {
    let v = answer.get(row, column);
    let code = v.text();
    let theme = |code: &str| theme_label(c, code, l);
    match (column, code) {
        (_, _) if !matches!(v, Cell::Text(_)) => format_cell(v, l),
        ("unit_kind", _) => kind_label(code, l),
        ("period_kind", "annual") => l.t("Năm", "Annual").to_string(),
        ("period_kind", "monthly") => l.t("Tháng", "Monthly").to_string(),
        ("period_kind", "all") => l.t("Tất cả", "All").to_string(),
        ("status", "on_time") => l.t("Đúng hạn", "On time").to_string(),
        ("status", "late") => l.t("Muộn", "Late").to_string(),
        ("status", "missing") => l.t("Chưa nộp", "Missing").to_string(),
        ("gap", "unit_silent_all_year") => l
            .t("Đơn vị không có hoạt động cả năm", "Unit silent all year")
            .to_string(),
        ("gap", "unit_without_theme") => l
            .t(
                "Đơn vị không có hoạt động về chủ đề",
                "Unit without the theme",
            )
            .to_string(),
        ("gap", "peak_without_theme") => l
            .t("Đợt cao điểm thiếu chủ đề", "Peak period without the theme")
            .to_string(),
        ("gap", "office_silent") => l
            .t(
                "Nhiều tháng liền không gửi báo cáo",
                "Months running without a report",
            )
            .to_string(),
        ("detail", "no activity reported") => l
            .t("không có hoạt động", "no activity reported")
            .to_string(),
        ("detail", _) if answer.get(row, "gap").text().ends_with("_theme") => theme(code),
        ("theme_code", _) => theme(code),
        // the query names themes in Vietnamese: the English report by code
        ("theme", _) if l == Lang::En => match answer.get(row, "theme_code") {
            Cell::Text(t) => theme(t),
            _ => code.to_string(),
        },
        ("unit_code", _) => match c.unit(&crate::domain::UnitCode(code.to_string())) {
            Some(u) => u.name_vi.clone(),
            None if code == "(unknown unit)" => {
                l.t("(không rõ đơn vị)", "(unknown unit)").to_string()
            }
            None => code.to_string(),
        },
        ("period" | "month" | "detail", _) if l == Lang::Vi => vi_periods(code),
        _ => code.to_string(),
    }
}

/// A cell as the workbook holds it, for those who work the figures
/// further: numbers as numbers, the query's own text and codes, dates as
/// `YYYY-MM-DD` text (as `baocao query` prints them), nothing for a null.
pub(super) enum WorkbookCell<'a> {
    Number(f64),
    Text(std::borrow::Cow<'a, str>),
    Bool(bool),
    Empty,
}

/// See [`WorkbookCell`].
pub(super) fn workbook_cell(v: &Cell) -> WorkbookCell<'_> {
    match v {
        Cell::Int(n) => WorkbookCell::Number(*n as f64),
        Cell::Decimal(f) => WorkbookCell::Number(*f),
        Cell::Text(s) => WorkbookCell::Text(s.as_str().into()),
        Cell::Date(d) => WorkbookCell::Text(d.to_string().into()),
        Cell::Bool(b) => WorkbookCell::Bool(*b),
        Cell::Null => WorkbookCell::Empty,
    }
}

/// `2023-07` as `07/2023`, and each month in a text (`2023-06 .. 2023-08`);
/// a year stays as it is.
pub(super) fn vi_periods(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let month = w.len() == 7
                && w.as_bytes()[4] == b'-'
                && w.chars()
                    .enumerate()
                    .all(|(i, ch)| i == 4 || ch.is_ascii_digit());
            if month {
                format!("{}/{}", &w[5..7], &w[..4])
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
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
        assert_eq!(format_cell(&Cell::Decimal(100.0), Lang::Vi), "100,0");
        assert_eq!(format_cell(&Cell::Decimal(24.5), Lang::Vi), "24,5");
        assert_eq!(format_cell(&Cell::Int(2850), Lang::Vi), "2.850");
        assert_eq!(format_cell(&Cell::Text("Tin".into()), Lang::Vi), "Tin");
        assert_eq!(format_cell(&Cell::Null, Lang::Vi), "");
    }

    #[test]
    fn codes_read_as_words_and_dates_as_the_language_writes_them() {
        use super::super::answer::Kind;
        let reference = crate::reference::Reference::bundled().unwrap();
        let c = reference.campaign(2023).unwrap();
        let t = |s: &str| Cell::Text(s.into());
        let a = Answer::new(
            "reporting_status",
            [
                "unit_code",
                "period_kind",
                "period",
                "due_date",
                "status",
                "gap",
                "detail",
            ]
            .iter()
            .map(|n| {
                (
                    n.to_string(),
                    if *n == "due_date" {
                        Kind::Date
                    } else {
                        Kind::Text
                    },
                )
            })
            .collect(),
            vec![vec![
                t("so-y-te"),
                t("monthly"),
                t("2023-07"),
                Cell::Date(chrono::NaiveDate::from_ymd_opt(2023, 7, 15).unwrap()),
                t("on_time"),
                t("unit_without_theme"),
                t("trafficking"),
            ]],
        );
        let row = &a.rows[0];
        let vi: Vec<String> = a
            .names()
            .iter()
            .map(|n| show(&a, row, n, c, Lang::Vi))
            .collect();
        assert_eq!(
            vi,
            [
                "Sở Y tế",
                "Tháng",
                "07/2023",
                "15/07/2023",
                "Đúng hạn",
                "Đơn vị không có hoạt động về chủ đề",
                "Phòng, chống mua bán người",
            ]
        );
        assert_eq!(show(&a, row, "status", c, Lang::En), "On time");
        assert_eq!(show(&a, row, "due_date", c, Lang::En), "2023-07-15");
        assert_eq!(show(&a, row, "period", c, Lang::En), "2023-07");
        // a column the answer does not have shows nothing
        assert_eq!(show(&a, row, "lift", c, Lang::Vi), "");
        assert!(matches!(workbook_cell(&row[4]), WorkbookCell::Text(s) if s == "on_time"));
        assert!(matches!(workbook_cell(&row[3]), WorkbookCell::Text(s) if s == "2023-07-15"));
        assert!(matches!(workbook_cell(&Cell::Null), WorkbookCell::Empty));
    }
}
