//! The charts of the summary, built from the year's figures: which charts,
//! in which order, each with the table of its numbers; and the headline
//! figures and closing sections both documents share. Every figure drawn is
//! a value of a named query's answer.

use std::path::Path;

use serde_json::Value;

use super::charts::{self, Chart, GroupBars, HBars, Heatmap, MonthLines, StatusGrid, theme_colour};
use super::data::{SummaryData, Table};
use super::labels::{cols, format_number, kind_label, theme_label};
use super::{Lang, SummaryError, SummaryOptions};
use crate::reference::Campaign;

/// The unit x theme chart, and the table under it in the documents, show
/// at most this many units: a national lake has thousands, which no page
/// holds; the workbook always has every unit.
pub(super) const MAX_UNITS_SHOWN: usize = 60;

/// The units the chart and the documents show: every unit, or the
/// [`MAX_UNITS_SHOWN`] with the most work (`total`, then name), and the
/// sentence that says so (empty when every unit is shown).
fn top_units(all: &Table, l: Lang) -> (Table, String) {
    if all.rows.len() <= MAX_UNITS_SHOWN {
        return (all.clone(), String::new());
    }
    let mut rows = all.rows.clone();
    rows.sort_by(|a, b| {
        Table::num(b, "total")
            .total_cmp(&Table::num(a, "total"))
            .then_with(|| Table::text(a, "unit").cmp(&Table::text(b, "unit")))
    });
    rows.truncate(MAX_UNITS_SHOWN);
    let of = format_number(&Value::from(all.rows.len()), l);
    let note = match l {
        Lang::Vi => {
            format!(" · {MAX_UNITS_SHOWN}/{of} đơn vị có số lượng lớn nhất (đủ: summary.xlsx)")
        }
        Lang::En => format!(" · the {MAX_UNITS_SHOWN} of {of} units with most (all: summary.xlsx)"),
    };
    (
        Table {
            name: all.name.clone(),
            columns: all.columns.clone(),
            rows,
        },
        note,
    )
}

/// A chart as drawn, with the table of its numbers.
pub(super) struct Drawn {
    pub name: &'static str,
    pub title: String,
    pub svg: String,
    pub table: Table,
    pub columns: Vec<(String, String)>,
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
pub(super) fn draw_charts(
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

    // 2. unit x theme heat map: a column per theme of the pivoted table;
    // with more units than a page holds, the units with the most work
    let theme_codes: Vec<String> = c.themes.iter().map(|t| t.code.0.clone()).collect();
    let unit_themes = &d.unit_themes;
    let (shown, shown_note) = top_units(&d.units, l);
    let heat = Heatmap {
        lang: l,
        title: format!(
            "{} {year}",
            l.t(
                "Số lượng theo đơn vị và chủ đề,",
                "Quantity per unit and theme,"
            )
        ),
        subtitle: match units_note(d, l) {
            None => format!(
                "{}{shown_note}",
                l.t(
                    "Ô trống: đơn vị không có hoạt động nào về chủ đề đó",
                    "Empty cell: the unit reported nothing on that theme",
                )
            ),
            // the long note goes under the table; the chart says the day
            Some(_) => match (l, d.units_as_of) {
                (Lang::Vi, Some(day)) => format!(
                    "Ô trống: không có hoạt động · đơn vị theo danh mục ngày {} (→: đơn vị đã chia tách)",
                    day.format("%d/%m/%Y")
                ),
                (_, day) => format!(
                    "Empty cell: nothing reported · units as of {} (→: a unit that was split)",
                    day.map(|d| d.to_string()).unwrap_or_default()
                ),
            },
        },
        foot: foot.clone(),
        columns: unit_themes
            .iter()
            .map(|code| (theme_label(c, code, l), theme_colour(c, code)))
            .collect(),
        rows: shown
            .rows
            .iter()
            .map(|r| {
                (
                    Table::text(r, "unit"),
                    unit_themes.iter().map(|code| Table::num(r, code)).collect(),
                )
            })
            .collect(),
    };
    let mut unit_cols = cols(&["unit"], l);
    unit_cols.extend(
        unit_themes
            .iter()
            .map(|code| (code.clone(), theme_label(c, code, l))),
    );
    unit_cols.extend(cols(&["total"], l));
    out.push(drawn(
        dir,
        "units_by_theme",
        &heat,
        &heat.title,
        shown,
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

/// The sections that close both documents: gaps, award candidates and the
/// refused rows still to follow up.
pub(super) fn closing_sections(d: &SummaryData, l: Lang) -> [(&'static str, &Table); 3] {
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
pub(super) fn headline(d: &SummaryData, l: Lang) -> Vec<(String, Value)> {
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

/// For a year shown on a later day's units: which day, and how merged and
/// split units are shown (the unit x theme table and chart say it).
pub(super) fn units_note(d: &SummaryData, l: Lang) -> Option<String> {
    let day = d.units_as_of?;
    Some(match l {
        Lang::Vi => format!(
            "Đơn vị theo danh mục ngày {}: đơn vị sáp nhập tính cho đơn vị kế thừa; đơn vị bị chia tách giữ dòng riêng (→ nơi tiếp nhận).",
            day.format("%d/%m/%Y")
        ),
        Lang::En => format!(
            "Units as of {day}: a merged unit counts for its successor; a split unit keeps its own row (→ where its work went)."
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Map, json};

    fn units(n: usize) -> Table {
        Table {
            name: "coverage_by_unit".into(),
            columns: vec!["unit".into(), "total".into()],
            rows: (0..n)
                .map(|i| {
                    let mut r = Map::new();
                    r.insert("unit".into(), json!(format!("u{i:04}")));
                    // totals 0, 1, 2, ...; two units share the largest
                    r.insert(
                        "total".into(),
                        json!(if i == 0 { (n - 1) as f64 } else { i as f64 }),
                    );
                    r
                })
                .collect(),
        }
    }

    #[test]
    fn a_page_of_units_is_shown_whole_and_thousands_by_their_top() {
        let (shown, note) = top_units(&units(MAX_UNITS_SHOWN), Lang::Vi);
        assert_eq!(shown.rows.len(), MAX_UNITS_SHOWN);
        assert_eq!(note, "");
        let (shown, note) = top_units(&units(5100), Lang::Vi);
        assert_eq!(shown.rows.len(), MAX_UNITS_SHOWN);
        // the largest total first; a tie goes to the name
        let names: Vec<String> = shown.rows.iter().map(|r| Table::text(r, "unit")).collect();
        assert_eq!(&names[..3], ["u0000", "u5099", "u5098"]);
        assert_eq!(names.last().unwrap(), &format!("u{:04}", 5099 - 58));
        assert_eq!(
            note,
            " · 60/5.100 đơn vị có số lượng lớn nhất (đủ: summary.xlsx)"
        );
        let (_, note) = top_units(&units(5100), Lang::En);
        assert_eq!(
            note,
            " · the 60 of 5,100 units with most (all: summary.xlsx)"
        );
    }
}
