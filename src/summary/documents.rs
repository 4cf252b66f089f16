//! The summary's documents: the charts built from the year's tables, the
//! self-contained HTML page, the Markdown copy and the Excel workbook. Every
//! figure printed here is a value of a named query's answer.

use std::fmt::Write;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use serde_json::Value;

use super::charts::{self, Chart, GroupBars, HBars, Heatmap, MonthLines, StatusGrid, theme_colour};
use super::data::{SummaryData, Table};
use super::{Lang, SummaryError, SummaryOptions};
use crate::reference::Campaign;

/// A chart as drawn, with the table of its numbers.
pub struct Drawn {
    pub name: &'static str,
    pub title: String,
    pub svg: String,
    pub table: Table,
    pub columns: Vec<(String, String)>,
}

fn theme_label(c: &Campaign, code: &str, lang: Lang) -> String {
    c.themes
        .iter()
        .find(|t| t.code.0 == code)
        .map(|t| lang.t(&t.name_vi, &t.name_en).to_string())
        .unwrap_or_else(|| code.to_string())
}

fn kind_label(kind: &str, lang: Lang) -> String {
    let (vi, en) = match kind {
        "district" => ("UBND cấp huyện", "District committees"),
        "culture_office" => ("Phòng VH-TT", "Culture offices"),
        "press" => ("Báo Điện Biên Phủ", "Provincial newspaper"),
        "broadcaster" => ("Đài PT-TH tỉnh", "Provincial broadcaster"),
        "central_press" => ("Cơ quan báo chí Trung ương", "Central press offices"),
        "department" => ("Sở, ban, ngành", "Departments"),
        "all" => ("Tất cả", "All"),
        other => (other, other),
    };
    lang.t(vi, en).to_string()
}

/// Draws one chart (PNG and SVG) and keeps it with its table.
fn drawn(
    dir: &Path,
    name: &'static str,
    chart: &impl Chart,
    title: &str,
    table: Table,
    columns: Vec<(String, String)>,
) -> Result<Drawn, SummaryError> {
    let svg = charts::render(dir, name, chart).map_err(SummaryError::Draw)?;
    Ok(Drawn {
        name,
        title: title.to_string(),
        svg,
        table,
        columns,
    })
}

/// Draws every chart of the summary (PNG and SVG files in `opts.out`).
pub fn draw_charts(
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
) -> Result<Vec<Drawn>, SummaryError> {
    let l = o.lang;
    let foot = format!(
        "{}: baocao, {} ({}) · {} {}",
        l.t("Nguồn", "Source"),
        l.t("báo cáo của các đơn vị", "reports of the units"),
        o.source,
        l.t("lập ngày", "made on"),
        o.stamp
    );
    let year = d.year;
    let dir = &o.out;
    let mut out = Vec::new();

    // 1. quantity per theme
    let bars = HBars {
        lang: l,
        title: format!(
            "{} {year}",
            l.t(
                "Số lượng tin, bài, hoạt động theo chủ đề,",
                "Quantity of items per theme,"
            )
        ),
        subtitle: l
            .t(
                "Chủ đề theo mục 2.1 Công văn của Sở TT&TT",
                "Themes of section 2.1 of the Department's letter",
            )
            .into(),
        axis: l
            .t(
                "Số lượng (tin, bài, buổi, ...)",
                "Quantity (items, articles, sessions, ...)",
            )
            .into(),
        foot: foot.clone(),
        bars: d
            .themes
            .rows
            .iter()
            .map(|r| {
                let code = Table::text(r, "theme_code");
                (
                    theme_label(c, &code, l),
                    Table::num(r, "quantity"),
                    theme_colour(c, &code),
                )
            })
            .collect(),
    };
    out.push(drawn(
        dir,
        "themes",
        &bars,
        &bars.title,
        d.themes.clone(),
        cols(
            &["theme", "items", "quantity", "reach", "units", "share_pct"],
            l,
        ),
    )?);

    // 2. unit x theme heat map
    let theme_codes: Vec<String> = c.themes.iter().map(|t| t.code.0.clone()).collect();
    let heat = Heatmap {
        lang: l,
        title: format!(
            "{} {year}",
            l.t(
                "Số lượng theo đơn vị và chủ đề,",
                "Quantity per unit and theme,"
            )
        ),
        subtitle: l
            .t(
                "Ô trống: đơn vị không có hoạt động nào về chủ đề đó",
                "Empty cell: the unit reported nothing on that theme",
            )
            .into(),
        foot: foot.clone(),
        columns: theme_codes
            .iter()
            .map(|code| (theme_label(c, code, l), theme_colour(c, code)))
            .collect(),
        rows: d
            .units
            .rows
            .iter()
            .map(|r| {
                (
                    Table::text(r, "unit"),
                    theme_codes.iter().map(|code| Table::num(r, code)).collect(),
                )
            })
            .collect(),
    };
    let mut unit_cols = cols(&["unit"], l);
    unit_cols.extend(
        theme_codes
            .iter()
            .map(|code| (code.clone(), theme_label(c, code, l))),
    );
    unit_cols.extend(cols(&["total"], l));
    out.push(drawn(
        dir,
        "units_by_theme",
        &heat,
        &heat.title,
        d.units.clone(),
        unit_cols,
    )?);

    // 3. monthly lines with the peak windows
    let months: Vec<String> = (1..=12)
        .map(|m| match l {
            Lang::Vi => format!("T{m}"),
            Lang::En => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ][m - 1]
                .to_string(),
        })
        .collect();
    let series = theme_codes
        .iter()
        .map(|code| {
            let mut v = vec![0.0; 12];
            for r in d
                .trend
                .rows
                .iter()
                .filter(|r| Table::text(r, "theme_code") == *code)
            {
                let m = Table::num(r, "month") as usize;
                if (1..=12).contains(&m) {
                    v[m - 1] = Table::num(r, "quantity");
                }
            }
            (theme_label(c, code, l), theme_colour(c, code), v)
        })
        .collect();
    let windows = c
        .peaks
        .iter()
        .map(|p| {
            let first = if p.start.format("%Y").to_string() == year.to_string() {
                p.start
                    .format("%m")
                    .to_string()
                    .parse::<usize>()
                    .unwrap_or(1)
                    - 1
            } else {
                0
            };
            let last = if p.end.format("%Y").to_string() == year.to_string() {
                p.end
                    .format("%m")
                    .to_string()
                    .parse::<usize>()
                    .unwrap_or(12)
                    - 1
            } else {
                11
            };
            (
                format!(
                    "{} ({} – {})",
                    p.code.to_uppercase(),
                    p.start.format("%d/%m"),
                    p.end.format("%d/%m")
                ),
                first,
                last,
            )
        })
        .collect();
    let lines = MonthLines {
        lang: l,
        title: format!(
            "{} {year}",
            l.t(
                "Số lượng theo tháng và chủ đề,",
                "Quantity per month and theme,"
            )
        ),
        subtitle: l
            .t(
                "Vùng tô xám: các đợt truyền thông cao điểm (mục 2.2)",
                "Shaded: the peak communication periods (section 2.2)",
            )
            .into(),
        axis: l.t("Số lượng", "Quantity").into(),
        foot: foot.clone(),
        months,
        series,
        windows,
    };
    out.push(drawn(
        dir,
        "monthly",
        &lines,
        &lines.title,
        d.trend.clone(),
        cols(&["period", "theme_code", "items", "quantity", "reach"], l),
    )?);

    // 4. peak windows: monthly rate inside versus outside
    let peaks = GroupBars {
        lang: l,
        title: format!(
            "{} {year}",
            l.t(
                "Bình quân mỗi tháng trong và ngoài đợt cao điểm,",
                "Monthly rate inside and outside the peak periods,"
            )
        ),
        subtitle: l
            .t(
                "Mỗi cột: một đợt cao điểm và một chủ đề liên quan",
                "Each group: a peak period and a theme it concerns",
            )
            .into(),
        axis: l
            .t("Số lượng bình quân mỗi tháng", "Average quantity per month")
            .into(),
        foot: foot.clone(),
        series: vec![
            (
                l.t("Trong đợt cao điểm", "Inside the window").into(),
                charts::PALETTE[0],
            ),
            (
                l.t("Ngoài đợt (cùng năm)", "Outside it (same year)").into(),
                charts::PALETTE[1],
            ),
        ],
        groups: d
            .peaks
            .rows
            .iter()
            .map(|r| {
                (
                    format!(
                        "{} · {}",
                        Table::text(r, "peak_code").to_uppercase(),
                        theme_label(c, &Table::text(r, "theme_code"), l)
                    ),
                    vec![Table::num(r, "rate_inside"), Table::num(r, "rate_outside")],
                )
            })
            .collect(),
        stacked: false,
    };
    out.push(drawn(
        dir,
        "peaks",
        &peaks,
        &peaks.title,
        d.peaks.clone(),
        cols(
            &[
                "peak",
                "theme_code",
                "start_date",
                "end_date",
                "quantity_inside",
                "quantity_outside",
                "rate_inside",
                "rate_outside",
                "lift",
            ],
            l,
        ),
    )?);

    // 5. reporting status per unit kind
    let status_series = vec![
        (l.t("Đúng hạn", "On time").to_string(), charts::PALETTE[2]),
        (l.t("Muộn", "Late").to_string(), charts::PALETTE[1]),
        (l.t("Chưa nộp", "Missing").to_string(), charts::PALETTE[5]),
    ];
    let rate_rows: Vec<&serde_json::Map<String, Value>> = d
        .rate
        .rows
        .iter()
        .filter(|r| Table::text(r, "unit_kind") != "all" && Table::text(r, "period_kind") != "all")
        .collect();
    let reporting = GroupBars {
        lang: l,
        title: format!("{} {year}", l.t("Tình hình nộp báo cáo theo loại đơn vị,", "Reports received per kind of unit,")),
        subtitle: l.t("Báo cáo năm (hạn 05/11) và báo cáo tháng của Phòng VH-TT (hạn ngày 15)", "Annual reports (due 5 Nov) and the culture offices' monthly reports (due the 15th)").into(),
        axis: l.t("Số báo cáo", "Reports").into(),
        foot: foot.clone(),
        series: status_series.clone(),
        groups: rate_rows.iter().map(|r| {
            let kind = kind_label(&Table::text(r, "unit_kind"), l);
            let period = if Table::text(r, "period_kind") == "monthly" { l.t("hằng tháng", "monthly") } else { l.t("năm", "annual") };
            (format!("{kind} ({period})"), vec![Table::num(r, "on_time"), Table::num(r, "late"), Table::num(r, "missing")])
        }).collect(),
        stacked: true,
    };
    out.push(drawn(
        dir,
        "reporting",
        &reporting,
        &reporting.title,
        d.rate.clone(),
        cols(
            &[
                "period_kind",
                "unit_kind",
                "expected",
                "received",
                "on_time",
                "late",
                "missing",
                "reporting_rate_pct",
                "on_time_rate_pct",
            ],
            l,
        ),
    )?);

    // 6. culture offices' monthly reports, month by month
    let monthly: Vec<&serde_json::Map<String, Value>> = d
        .status
        .rows
        .iter()
        .filter(|r| {
            Table::text(r, "period_kind") == "monthly"
                && Table::text(r, "unit_kind") == "culture_office"
        })
        .collect();
    let mut periods: Vec<String> = monthly.iter().map(|r| Table::text(r, "period")).collect();
    periods.sort();
    periods.dedup();
    let mut offices: Vec<(String, Vec<String>)> = Vec::new();
    for r in &monthly {
        let name = Table::text(r, "unit");
        if !offices.iter().any(|(n, _)| *n == name) {
            offices.push((name.clone(), vec![String::new(); periods.len()]));
        }
        let col = periods
            .iter()
            .position(|p| *p == Table::text(r, "period"))
            .unwrap_or(0);
        if let Some(row) = offices.iter_mut().find(|(n, _)| *n == name) {
            row.1[col] = Table::text(r, "status");
        }
    }
    offices.sort();
    let grid = StatusGrid {
        title: format!(
            "{} {year}",
            l.t(
                "Báo cáo tháng của các Phòng VH-TT,",
                "Monthly reports of the culture offices,"
            )
        ),
        subtitle: l
            .t(
                "Mỗi ô: báo cáo của một tháng (hạn ngày 15)",
                "Each cell: one month's report (due the 15th)",
            )
            .into(),
        foot: foot.clone(),
        columns: periods
            .iter()
            .map(|p| match l {
                Lang::Vi => format!("T{}", p[5..].trim_start_matches('0')),
                Lang::En => p.clone(),
            })
            .collect(),
        rows: offices,
        legend: vec![
            ("on_time".into(), status_series[0].0.clone()),
            ("late".into(), status_series[1].0.clone()),
            ("missing".into(), status_series[2].0.clone()),
        ],
    };
    let status_table = Table {
        name: "reporting_status".into(),
        columns: d.status.columns.clone(),
        rows: monthly.iter().map(|r| (*r).clone()).collect(),
    };
    out.push(drawn(
        dir,
        "offices_monthly",
        &grid,
        &grid.title,
        status_table,
        cols(&["unit", "period", "due_date", "received_at", "status"], l),
    )?);

    // 7. forms and 8. languages
    let forms = HBars {
        lang: l,
        title: format!(
            "{} {year}",
            l.t("Hình thức truyền thông,", "Forms of communication,")
        ),
        subtitle: l
            .t(
                "Tin, bài, phát thanh, truyền hình, tuyên truyền lưu động, ...",
                "News, articles, broadcasts, mobile outreach, ...",
            )
            .into(),
        axis: l.t("Số lượng", "Quantity").into(),
        foot: foot.clone(),
        bars: d
            .forms
            .rows
            .iter()
            .map(|r| {
                (
                    Table::text(r, "form"),
                    Table::num(r, "quantity"),
                    charts::PALETTE[0],
                )
            })
            .collect(),
    };
    out.push(drawn(
        dir,
        "forms",
        &forms,
        &forms.title,
        d.forms.clone(),
        cols(&["form", "items", "quantity", "reach", "share_pct"], l),
    )?);
    let vietnamese = d
        .languages
        .rows
        .iter()
        .find(|r| Table::text(r, "language_code") == "vi")
        .map(|r| Table::num(r, "quantity"))
        .unwrap_or(0.0);
    let langs = HBars {
        lang: l,
        title: format!(
            "{} {year}",
            l.t(
                "Truyền thông bằng tiếng dân tộc thiểu số,",
                "Output in ethnic-minority languages,"
            )
        ),
        subtitle: format!(
            "{} {}",
            l.t(
                "Số lượng theo ngôn ngữ phát sóng, đăng tải; bằng tiếng Việt:",
                "Quantity per language of broadcast or publication; in Vietnamese:"
            ),
            format_number(&Value::from(vietnamese as i64), l)
        ),
        axis: l.t("Số lượng", "Quantity").into(),
        foot,
        bars: d
            .languages
            .rows
            .iter()
            .filter(|r| Table::text(r, "language_code") != "vi")
            .enumerate()
            .map(|(i, r)| {
                (
                    Table::text(r, "language"),
                    Table::num(r, "quantity"),
                    charts::PALETTE[(i + 2) % 8],
                )
            })
            .collect(),
    };
    out.push(drawn(
        dir,
        "languages",
        &langs,
        &langs.title,
        d.languages.clone(),
        cols(
            &[
                "language",
                "items",
                "quantity",
                "reach",
                "duration_min",
                "units",
            ],
            l,
        ),
    )?);
    Ok(out)
}

/// A number as Vietnamese (1.234,5) or English (1,234.5) readers write
/// it; whole numbers without decimals, others with at most two.
pub fn format_f64(lang: Lang, f: f64) -> String {
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
pub fn format_number(v: &Value, lang: Lang) -> String {
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

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn html_table(t: &Table, cols: &[(String, String)], lang: Lang) -> String {
    let mut s = String::from("<table>\n<thead><tr>");
    for (_, label) in cols {
        let _ = write!(s, "<th>{}</th>", esc(label));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        s.push_str("<tr>");
        for (c, _) in cols {
            let v = r.get(c).cloned().unwrap_or(Value::Null);
            let class = if v.is_number() { " class=\"n\"" } else { "" };
            let _ = write!(s, "<td{class}>{}</td>", esc(&format_number(&v, lang)));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// A column's heading in the document's language (the column name itself
/// for a column this list does not know).
fn column_label(col: &str, l: Lang) -> String {
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
fn cols(names: &[&str], l: Lang) -> Vec<(String, String)> {
    names
        .iter()
        .map(|c| (c.to_string(), column_label(c, l)))
        .collect()
}

/// The sections that close both documents: gaps, award candidates and the
/// refused rows still to follow up.
fn closing_sections(d: &SummaryData, l: Lang) -> [(&'static str, &Table); 3] {
    [
        (l.t("Những khoảng trống", "Gaps"), &d.gaps),
        (
            l.t(
                "Tác phẩm đề xuất khen thưởng (mục 2.3)",
                "Award candidates (section 2.3)",
            ),
            &d.top,
        ),
        (
            l.t(
                "Số liệu bị từ chối cần đôn đốc đơn vị bổ sung",
                "Refused rows to follow up with the units",
            ),
            &d.rejects,
        ),
    ]
}

/// The headline figures: (label, value).
fn headline(d: &SummaryData, l: Lang) -> Vec<(String, Value)> {
    let sum = |col: &str| {
        Value::from(
            d.themes
                .rows
                .iter()
                .map(|r| Table::num(r, col))
                .sum::<f64>() as i64,
        )
    };
    let reporting_units = d
        .units
        .rows
        .iter()
        .filter(|r| Table::num(r, "total") > 0.0)
        .count();
    let all =
        d.rate.rows.iter().find(|r| {
            Table::text(r, "period_kind") == "all" && Table::text(r, "unit_kind") == "all"
        });
    let pick = |col: &str| all.and_then(|r| r.get(col).cloned()).unwrap_or(Value::Null);
    vec![
        (l.t("Tin, bài, hoạt động", "Items").into(), sum("items")),
        (l.t("Số lượng", "Quantity").into(), sum("quantity")),
        (l.t("Lượt tiếp cận", "Reach").into(), sum("reach")),
        (
            l.t("Đơn vị có hoạt động", "Units reporting activity")
                .into(),
            Value::from(reporting_units),
        ),
        (
            l.t("Tỷ lệ nộp báo cáo (%)", "Reporting rate (%)").into(),
            pick("reporting_rate_pct"),
        ),
        (
            l.t("Tỷ lệ đúng hạn (%)", "On-time rate (%)").into(),
            pick("on_time_rate_pct"),
        ),
    ]
}

const CSS: &str = "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#212121;line-height:1.45}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #0072b2;padding-bottom:.2em}h3{margin-top:1.5em}\
.cards{display:flex;flex-wrap:wrap;gap:1em}.card{border:1px solid #ddd;border-radius:6px;padding:.8em 1.2em;min-width:10em}\
.card b{display:block;font-size:1.6em;color:#0072b2}table{border-collapse:collapse;margin:1em 0;font-size:.9em;width:100%}\
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f6fa}td.n{text-align:right;white-space:nowrap}\
figure{margin:1em 0}figure svg{width:100%;height:auto}footer{margin-top:3em;color:#777;font-size:.85em}";

/// The self-contained page: charts inline as SVG, a table under each.
pub fn html(d: &SummaryData, c: &Campaign, o: &SummaryOptions, charts: &[Drawn]) -> String {
    let l = o.lang;
    let mut s = String::new();
    let title = format!(
        "{} {}",
        l.t(
            "Báo cáo tổng hợp kết quả truyền thông về quyền con người năm",
            "Summary of communication on human rights,"
        ),
        d.year
    );
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        l.t("vi", "en"),
        esc(&title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", esc(&title));
    let _ = writeln!(s, "<p>{} {}</p>", esc(l.t("Tỉnh Điện Biên. Số liệu từ báo cáo của các cơ quan, đơn vị gửi Sở Thông tin và Truyền thông; lập ngày", "Điện Biên province. Figures from the reports units sent to the Department of Information and Communications; made on")), esc(&o.stamp));
    s.push_str("<div class=\"cards\">\n");
    for (label, v) in headline(d, l) {
        let _ = writeln!(
            s,
            "<div class=\"card\"><b>{}</b>{}</div>",
            esc(&format_number(&v, l)),
            esc(&label)
        );
    }
    s.push_str("</div>\n");
    for ch in charts {
        let _ = writeln!(
            s,
            "<h2>{}</h2>\n<figure>{}</figure>",
            esc(&ch.title),
            strip_xml_header(&ch.svg)
        );
        s.push_str(&html_table(&ch.table, &ch.columns, l));
    }
    let _ = writeln!(
        s,
        "<h2>{}</h2>",
        esc(l.t("Theo từng chủ đề", "Theme by theme"))
    );
    for t in &c.themes {
        let row = d
            .themes
            .rows
            .iter()
            .find(|r| Table::text(r, "theme_code") == t.code.0);
        let _ = writeln!(s, "<h3>{}</h3>", esc(l.t(&t.name_vi, &t.name_en)));
        if let Some(r) = row {
            let _ = writeln!(
                s,
                "<p>{}: {} · {}: {} · {}: {} · {}: {}</p>",
                esc(l.t("Số mục", "Items")),
                format_number(&r["items"], l),
                esc(l.t("Số lượng", "Quantity")),
                format_number(&r["quantity"], l),
                esc(l.t("Lượt tiếp cận", "Reach")),
                format_number(&r["reach"], l),
                esc(l.t("Đơn vị", "Units")),
                format_number(&r["units"], l)
            );
        }
        let subs = Table {
            rows: d
                .subthemes
                .rows
                .iter()
                .filter(|r| Table::text(r, "theme_code") == t.code.0)
                .cloned()
                .collect(),
            ..d.subthemes.clone()
        };
        if !subs.rows.is_empty() {
            s.push_str(&html_table(
                &subs,
                &cols(&["subtheme", "items", "quantity", "reach"], l),
                l,
            ));
        }
    }
    let _ = writeln!(
        s,
        "<h2>{}</h2>",
        esc(l.t("Theo từng đợt cao điểm", "Peak period by peak period"))
    );
    for p in &c.peaks {
        let rows = Table {
            rows: d
                .peaks
                .rows
                .iter()
                .filter(|r| Table::text(r, "peak_code") == p.code)
                .cloned()
                .collect(),
            ..d.peaks.clone()
        };
        let _ = writeln!(
            s,
            "<h3>{} ({} – {})</h3>",
            esc(l.t(&p.name_vi, &p.name_en)),
            p.start.format("%d/%m/%Y"),
            p.end.format("%d/%m/%Y")
        );
        s.push_str(&html_table(
            &rows,
            &cols(
                &[
                    "theme_code",
                    "quantity_inside",
                    "rate_inside",
                    "rate_outside",
                    "lift",
                ],
                l,
            ),
            l,
        ));
    }
    for (title, table) in closing_sections(d, l) {
        let _ = writeln!(s, "<h2>{}</h2>", esc(title));
        s.push_str(&html_table(
            table,
            &cols(
                &table.columns.iter().map(String::as_str).collect::<Vec<_>>(),
                l,
            ),
            l,
        ));
    }
    let _ = writeln!(
        s,
        "<footer>baocao · {} · {}</footer>\n</body>\n</html>",
        esc(&o.source),
        esc(&o.stamp)
    );
    s
}

fn strip_xml_header(svg: &str) -> &str {
    svg.find("<svg").map(|i| &svg[i..]).unwrap_or(svg)
}

fn md_table(t: &Table, cols: &[(String, String)], lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| {} |",
        cols.iter()
            .map(|(_, l)| l.replace('|', "\\|"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(s, "|{}", cols.iter().map(|_| "---|").collect::<String>());
    for r in &t.rows {
        let cells: Vec<String> = cols
            .iter()
            .map(|(c, _)| format_number(r.get(c).unwrap_or(&Value::Null), lang).replace('|', "\\|"))
            .collect();
        let _ = writeln!(s, "| {} |", cells.join(" | "));
    }
    s
}

/// The same content as Markdown, charts linked as PNG files.
pub fn markdown(d: &SummaryData, _c: &Campaign, o: &SummaryOptions, charts: &[Drawn]) -> String {
    let l = o.lang;
    let mut s = format!(
        "# {} {}\n\n",
        l.t(
            "Báo cáo tổng hợp kết quả truyền thông về quyền con người năm",
            "Summary of communication on human rights,"
        ),
        d.year
    );
    let _ = writeln!(s, "{} {}\n", l.t("Lập ngày", "Made on"), o.stamp);
    for (label, v) in headline(d, l) {
        let _ = writeln!(s, "- {label}: **{}**", format_number(&v, l));
    }
    for ch in charts {
        let _ = writeln!(s, "\n## {}\n\n![{}]({}.png)\n", ch.title, ch.title, ch.name);
        s.push_str(&md_table(&ch.table, &ch.columns, l));
    }
    for (title, table) in closing_sections(d, l) {
        let _ = writeln!(s, "\n## {title}\n");
        s.push_str(&md_table(
            table,
            &cols(
                &table.columns.iter().map(String::as_str).collect::<Vec<_>>(),
                l,
            ),
            l,
        ));
    }
    s
}

/// One sheet per table, header row bold and frozen, numbers as numbers.
pub fn workbook(d: &SummaryData, o: &SummaryOptions, path: &Path) -> Result<(), SummaryError> {
    let bad = |e: rust_xlsxwriter::XlsxError| SummaryError::Workbook {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let mut book = Workbook::new();
    let stamp = chrono::NaiveDate::parse_from_str(&o.stamp, "%Y-%m-%d").unwrap_or_default();
    let created = ExcelDateTime::from_ymd(
        stamp.format("%Y").to_string().parse().unwrap_or(2000),
        stamp.format("%m").to_string().parse().unwrap_or(1),
        stamp.format("%d").to_string().parse().unwrap_or(1),
    )
    .map_err(bad)?;
    book.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title(format!("baocao {}", d.year)),
    );
    let header = Format::new().set_bold().set_background_color("F2F6FA");
    for t in [
        &d.themes,
        &d.subthemes,
        &d.units,
        &d.peaks,
        &d.forms,
        &d.languages,
        &d.trend,
        &d.rate,
        &d.status,
        &d.gaps,
        &d.top,
        &d.rejects,
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(&t.name).map_err(bad)?;
        for (j, col) in t.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, j as u16, col, &header)
                .map_err(bad)?;
            sheet.set_column_width(j as u16, 16).map_err(bad)?;
        }
        for (i, r) in t.rows.iter().enumerate() {
            for (j, col) in t.columns.iter().enumerate() {
                let (row, c) = (i as u32 + 1, j as u16);
                match r.get(col) {
                    Some(Value::Number(n)) => {
                        sheet
                            .write_number(row, c, n.as_f64().unwrap_or(0.0))
                            .map_err(bad)?;
                    }
                    Some(Value::String(s)) => {
                        sheet.write_string(row, c, s).map_err(bad)?;
                    }
                    Some(Value::Bool(b)) => {
                        sheet.write_boolean(row, c, *b).map_err(bad)?;
                    }
                    _ => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(bad)?;
    }
    book.save(path).map_err(bad)?;
    Ok(())
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
