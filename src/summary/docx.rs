//! The annual report as the department sends it: a Word document in the
//! state administrative format (Decree 30/2020/NĐ-CP): A4, Times New Roman
//! 14 pt, the Decree's margins, the two-column header block, the number
//! left for the clerk, the title, the body (reporting situation, results
//! with the charts and their tables, what to follow up), headed blanks for
//! the assessment and proposals the official writes, the recipients and
//! the signature block. Written with `docx-rs`; the one thing it cannot say,
//! a table's header row repeated on every page (`w:tblHeader`), is added to
//! its XML after it is built.

use std::path::Path;

use docx_rs::{
    AlignmentType, Docx, Header, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts, Table,
    TableCell, TableLayoutType, TableRow, WidthType,
};
use serde_json::Value;

use super::data::{SummaryData, Table as Rows};
use super::figures::{Drawn, closing_sections, headline, units_note};
use super::labels::{cols, format_number, kind_label, theme_label};
use super::{Lang, SummaryError, SummaryOptions};
use crate::reference::{Campaign, ReportSettings};

/// A4 in twentieths of a point; the margins of Decree 30 (top and bottom
/// 20 mm, left 30 mm, right 15 mm): 1 mm = 56.7 twips.
const A4: (u32, u32) = (11_906, 16_838);
const MARGIN: (i32, i32, i32, i32) = (1_134, 851, 1_134, 1_701);
/// The text width: 210 - 30 - 15 = 165 mm.
const TEXT_WIDTH: usize = 9_355;
/// Charts at 16 cm wide, in EMU (360,000 per cm).
const CHART_WIDTH_EMU: u32 = 5_760_000;
const FONT: &str = "Times New Roman";
/// Sizes in half-points: body 14 pt, tables 11 pt, recipients 12 pt.
const BODY: usize = 28;
const SMALL: usize = 22;
const RECIPIENTS: usize = 24;
const HEADER: usize = 26;

fn run(text: &str) -> Run {
    Run::new().add_text(text)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text))
}

fn centred(r: Run) -> Paragraph {
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text).bold())
        .keep_next(true)
        .align(AlignmentType::Both)
}

fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text))
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(567)),
            None,
            None,
        )
}

/// A cell of the header block or the signature block: lines, no borders.
fn block_cell(lines: Vec<Paragraph>, width: usize) -> TableCell {
    let mut cell = TableCell::new()
        .width(width, WidthType::Dxa)
        .clear_all_border();
    for p in lines {
        cell = cell.add_paragraph(p);
    }
    cell
}

/// A data table: a header row repeated across pages, 11 pt, each column
/// as wide as its longest text asks (names wide, figures narrow), within
/// the text width.
fn data_table(rows: &Rows, columns: &[(String, String)], c: &Campaign, l: Lang) -> Table {
    let texts: Vec<Vec<(String, bool)>> = rows
        .rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|(col, _)| {
                    let v = r.get(col).unwrap_or(&Value::Null);
                    (cell_text(col, v, r, c, l), v.is_number())
                })
                .collect()
        })
        .collect();
    let weights: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (_, label))| {
            let head = label
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(4);
            let longest = texts
                .iter()
                .map(|r| r[i].0.chars().count())
                .max()
                .unwrap_or(0);
            // a header word is never broken: 11 pt Times is about 80
            // characters across the text width
            (head + 1).max(longest.min(36)).max(6)
        })
        .collect();
    let widths = column_widths(&weights);
    let cell = |text: &str, i: usize, bold: bool, number: bool| {
        let mut r = run(text).size(SMALL);
        if bold {
            r = r.bold();
        }
        let align = if number {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        TableCell::new()
            .width(widths[i], WidthType::Dxa)
            .add_paragraph(Paragraph::new().add_run(r).align(align))
    };
    let header = TableRow::new(
        columns
            .iter()
            .enumerate()
            .map(|(i, (col, label))| {
                // on paper, counts say what they count
                let label = match col.as_str() {
                    "items" => l.t("Số tin, bài, hoạt động", "Items"),
                    "units" => l.t("Số đơn vị", "Units"),
                    _ => label,
                };
                cell(label, i, true, false)
            })
            .collect(),
    )
    // the first row kept whole: `repeat_header_rows` makes it the header
    .cant_split();
    let mut out = vec![header];
    for r in &texts {
        // a row is never split across two pages
        out.push(
            TableRow::new(
                r.iter()
                    .enumerate()
                    .map(|(i, (text, number))| cell(text, i, false, *number))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(out)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// Column widths in twips from the characters each column asks for: a
/// short column (figures, dates, codes) gets what it asks (about 115 twips
/// a character at 11 pt, and the cell's padding); the long ones share the
/// rest of the text width by what they ask.
fn column_widths(chars: &[usize]) -> Vec<usize> {
    const PER_CHAR: usize = 115;
    const PADDING: usize = 230;
    let need: Vec<usize> = chars.iter().map(|c| c * PER_CHAR + PADDING).collect();
    let short = |i: usize| chars[i] <= 12;
    let fixed: usize = (0..chars.len())
        .filter(|&i| short(i))
        .map(|i| need[i])
        .sum();
    let long_weight: usize = (0..chars.len())
        .filter(|&i| !short(i))
        .map(|i| chars[i])
        .sum();
    if long_weight == 0 || fixed >= TEXT_WIDTH {
        // all short (or too many): the width shared by what each asks
        let total: usize = need.iter().sum::<usize>().max(1);
        return need.iter().map(|n| TEXT_WIDTH * n / total).collect();
    }
    let rest = TEXT_WIDTH - fixed;
    (0..chars.len())
        .map(|i| {
            if short(i) {
                need[i]
            } else {
                rest * chars[i] / long_weight
            }
        })
        .collect()
}

/// A cell as the document shows it: codes by their labels (kinds, report
/// kinds, statuses, kinds of gap, themes, units), dates and periods the way
/// the language writes them (`05/07/2023`, `07/2023` in Vietnamese),
/// numbers too.
fn cell_text(
    column: &str,
    v: &Value,
    row: &serde_json::Map<String, Value>,
    c: &Campaign,
    l: Lang,
) -> String {
    let code = v.as_str().unwrap_or_default();
    let theme = |code: &str| theme_label(c, code, l);
    match (column, code) {
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
        ("detail", _)
            if row
                .get("gap")
                .and_then(Value::as_str)
                .is_some_and(|g| g.ends_with("_theme")) =>
        {
            theme(code)
        }
        ("theme_code", _) => theme(code),
        // the query names themes in Vietnamese: the English report by code
        ("theme", _) if l == Lang::En => match row.get("theme_code").and_then(Value::as_str) {
            Some(t) => theme(t),
            None => code.to_string(),
        },
        ("unit_code", _) => match c.unit(&crate::domain::UnitCode(code.to_string())) {
            Some(u) => u.name_vi.clone(),
            None if code == "(unknown unit)" => {
                l.t("(không rõ đơn vị)", "(unknown unit)").to_string()
            }
            None => code.to_string(),
        },
        _ if l == Lang::Vi && is_iso_date(code) => {
            format!("{}/{}/{}", &code[8..10], &code[5..7], &code[..4])
        }
        ("period" | "month" | "detail", _) if l == Lang::Vi => vi_periods(code),
        _ => format_number(v, l),
    }
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.chars().enumerate().all(|(i, ch)| {
            if i == 4 || i == 7 {
                ch == '-'
            } else {
                ch.is_ascii_digit()
            }
        })
}

/// `2023-07` as `07/2023`, and each month in a text (`2023-06 .. 2023-08`);
/// a year stays as it is.
fn vi_periods(text: &str) -> String {
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

/// The pixel size of a PNG, from its IHDR chunk (bytes 16..24).
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    (bytes.get(1..4) == Some(b"PNG")).then_some(())?;
    Some((be(16)?, be(20)?))
}

/// The report's figures in one sentence: expected, received (rate), on
/// time, late, missing (`reporting_rate`'s `all` row).
fn reporting_sentence(d: &SummaryData, l: Lang) -> String {
    let all = d
        .rate
        .rows
        .iter()
        .find(|r| Rows::text(r, "period_kind") == "all" && Rows::text(r, "unit_kind") == "all");
    let get = |c: &str| {
        all.and_then(|r| r.get(c))
            .map(|v| format_number(v, l))
            .unwrap_or_default()
    };
    let year = d.year;
    // no reports owed (or no answer): said so, never a sentence of blanks
    let owed = all
        .and_then(|r| r.get("expected"))
        .and_then(Value::as_f64)
        .is_some_and(|n| n > 0.0);
    if !owed {
        return match l {
            Lang::Vi => format!("Trong năm {year}, không có báo cáo nào phải gửi."),
            Lang::En => format!("No reports were owed in {year}."),
        };
    }
    let (expected, received, rate) = (get("expected"), get("received"), get("reporting_rate_pct"));
    let (on_time, late, missing) = (get("on_time"), get("late"), get("missing"));
    match l {
        Lang::Vi => format!(
            "Tổng số báo cáo các cơ quan, đơn vị, địa phương phải gửi trong năm {year}: {expected}; đã nhận {received} ({rate}%), trong đó đúng hạn {on_time}, muộn {late}; chưa gửi {missing}."
        ),
        Lang::En => format!(
            "Reports the agencies, units and localities owed in {year}: {expected}; received {received} ({rate}%), of which {on_time} on time and {late} late; missing {missing}."
        ),
    }
}

/// The units whose reports are missing, one line per unit with its
/// periods in order: `- name: năm 2023; tháng 06/2023, 08/2023`.
fn missing_lines(d: &SummaryData, l: Lang) -> Vec<String> {
    let mut units: Vec<(String, Vec<String>)> = Vec::new();
    for r in d
        .status
        .rows
        .iter()
        .filter(|r| Rows::text(r, "status") == "missing")
    {
        let (unit, period) = (Rows::text(r, "unit"), Rows::text(r, "period"));
        match units.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, periods)) => periods.push(period),
            None => units.push((unit, vec![period])),
        }
    }
    units.sort();
    units
        .into_iter()
        .map(|(unit, mut periods)| {
            periods.sort();
            let (years, months): (Vec<String>, Vec<String>) =
                periods.into_iter().partition(|p| p.len() == 4);
            let said = match l {
                Lang::En => years
                    .into_iter()
                    .chain(months)
                    .collect::<Vec<_>>()
                    .join(", "),
                Lang::Vi => {
                    let mut parts = Vec::new();
                    if !years.is_empty() {
                        parts.push(format!("năm {}", years.join(", ")));
                    }
                    if !months.is_empty() {
                        let months: Vec<String> = months.iter().map(|m| vi_periods(m)).collect();
                        parts.push(format!("tháng {}", months.join(", ")));
                    }
                    parts.join("; ")
                }
            };
            format!("- {unit}: {said}")
        })
        .collect()
}

/// Writes the report to `path`.
pub(super) fn docx(
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
    charts: &[Drawn],
    s: &ReportSettings,
    path: &Path,
) -> Result<(), SummaryError> {
    let l = o.lang;
    let en = l == Lang::En;
    let year = d.year;
    let mut doc = Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN.0)
                .right(MARGIN.1)
                .bottom(MARGIN.2)
                .left(MARGIN.3),
        )
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .default_size(BODY)
        // page numbers at the top centre from page 2 (Decree 30)
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center),
            ),
        )
        .first_header(Header::new())
        .title_pg();

    // the header block: issuing body left, the national motto right
    // the issuing body in 12 pt on 8 cm, the motto in 13 pt (its first line
    // 12 pt) on 10 cm: 18 cm, 0.75 cm into each margin, as the Decree's
    // model lays it out, so that each fits on its line
    let (narrow, wide) = (4_536, 5_670);
    let half = TEXT_WIDTH / 2;
    let left = vec![
        centred(run(s.get("issuer_parent", en)).size(HEADER - 2)),
        centred(
            run(s.get("issuer", en))
                .bold()
                .underline("single")
                .size(HEADER - 2),
        ),
        Paragraph::new(),
        centred(
            run(&format!(
                "{}: .../{}",
                l.t("Số", "No."),
                s.get("symbol", en)
            ))
            .size(HEADER),
        ),
    ];
    let right = vec![
        centred(
            run(l.t(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIET NAM",
            ))
            .bold()
            .size(HEADER - 2),
        ),
        centred(
            run(l.t(
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            ))
            .bold()
            .underline("single")
            .size(HEADER),
        ),
        Paragraph::new(),
        centred(
            run(&match l {
                Lang::Vi => format!("{}, ngày ... tháng ... năm ...", s.get("place", en)),
                Lang::En => format!("{}, date: .../.../...", s.get("place", en)),
            })
            .italic()
            .size(HEADER),
        ),
    ];
    doc = doc.add_table(
        Table::without_borders(vec![TableRow::new(vec![
            block_cell(left, narrow),
            block_cell(right, wide),
        ])])
        .set_grid(vec![narrow, wide])
        .layout(TableLayoutType::Fixed)
        .width(narrow + wide, WidthType::Dxa)
        .indent(-425),
    );
    doc = doc
        .add_paragraph(Paragraph::new())
        .add_paragraph(centred(run(l.t("BÁO CÁO", "REPORT")).bold()))
        .add_paragraph(centred(
            run(&match l {
                Lang::Vi => format!("Kết quả công tác truyền thông về quyền con người năm {year}"),
                Lang::En => format!("Results of communication on human rights, {year}"),
            })
            .bold(),
        ))
        .add_paragraph(Paragraph::new());
    doc = doc.add_paragraph(body(&match l {
        Lang::Vi => format!(
            "Thực hiện công văn về tăng cường công tác truyền thông về quyền con người năm {year}, trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương, {} báo cáo kết quả như sau:",
            s.get("issuer_name", en)
        ),
        Lang::En => format!(
            "Following the letter on communication on human rights in {year}, and from the reports of the agencies, units and localities, the {} reports as follows:",
            s.get("issuer_name", en)
        ),
    }));

    // I. the reporting situation
    doc = doc
        .add_paragraph(heading(l.t("I. TÌNH HÌNH GỬI BÁO CÁO", "I. REPORTING")))
        .add_paragraph(body(&reporting_sentence(d, l)));
    let rate_cols = cols(
        &[
            "period_kind",
            "unit_kind",
            "expected",
            "received",
            "on_time",
            "late",
            "missing",
            "reporting_rate_pct",
        ],
        l,
    );
    doc = doc.add_table(data_table(&d.rate, &rate_cols, c, l));
    let missing = missing_lines(d, l);
    doc = doc.add_paragraph(body(if missing.is_empty() {
        l.t(
            "Tất cả các đơn vị đã gửi đủ báo cáo.",
            "Every unit sent every report.",
        )
    } else {
        l.t(
            "Các cơ quan, đơn vị chưa gửi báo cáo:",
            "Units whose reports are missing:",
        )
    }));
    for m in &missing {
        doc = doc.add_paragraph(para(m));
    }

    // II. results: the headline, then each chart with its table
    doc = doc.add_paragraph(heading(l.t(
        "II. KẾT QUẢ CÔNG TÁC TRUYỀN THÔNG",
        "II. RESULTS OF THE COMMUNICATION",
    )));
    for (label, v) in headline(d, l) {
        doc = doc.add_paragraph(para(&format!("- {label}: {}", format_number(&v, l))));
    }
    for (i, ch) in charts.iter().enumerate() {
        let n = i + 1;
        let png_path = o.out.join(format!("{}.png", ch.name));
        let bytes = std::fs::read(&png_path).map_err(|error| SummaryError::Io {
            path: png_path.display().to_string(),
            error,
        })?;
        let (w, h) = png_size(&bytes).unwrap_or((1800, 900));
        let height = (CHART_WIDTH_EMU as u64 * h as u64 / w.max(1) as u64) as u32;
        let pic = Pic::new_with_dimensions(bytes, w, h).size(CHART_WIDTH_EMU, height);
        doc = doc
            .add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_image(pic))
                    .align(AlignmentType::Center)
                    .keep_next(true),
            )
            .add_paragraph(centred(
                run(&format!("{} {n}. {}", l.t("Biểu đồ", "Chart"), ch.title))
                    .italic()
                    .size(SMALL + 2),
            ));
        // on paper, the tables a reader reads: the reporting table is in
        // section I, the month-by-month ones are the workbook's sheets
        let keep: &[&str] = match ch.name {
            "peaks" => &[
                "peak",
                "theme_code",
                "start_date",
                "end_date",
                "quantity_inside",
                "lift",
            ],
            _ => &[],
        };
        match ch.name {
            "reporting" => {}
            "monthly" | "offices_monthly" => {
                doc = doc.add_paragraph(body(&match l {
                    Lang::Vi => format!(
                        "Số liệu chi tiết theo tháng: trang tính {} của tệp summary.xlsx.",
                        ch.table.name
                    ),
                    Lang::En => format!(
                        "Month-by-month figures: sheet {} of summary.xlsx.",
                        ch.table.name
                    ),
                }));
            }
            "units_by_theme" if units_note(d, l).is_some() => {
                doc = doc.add_paragraph(body(&units_note(d, l).unwrap_or_default()));
                doc = doc.add_table(data_table(&ch.table, &ch.columns, c, l));
            }
            _ => {
                let columns: Vec<(String, String)> = ch
                    .columns
                    .iter()
                    .filter(|(col, _)| keep.is_empty() || keep.contains(&col.as_str()))
                    .cloned()
                    .collect();
                doc = doc.add_table(data_table(&ch.table, &columns, c, l));
            }
        }
        if ch.name == "themes" {
            // the sub-themes under the themes, each theme by its name
            let mut subthemes = d.subthemes.clone();
            for r in &mut subthemes.rows {
                let label = theme_label(c, &Rows::text(r, "theme_code"), l);
                r.insert("theme".into(), Value::from(label));
            }
            let sub_cols = cols(
                &["theme", "subtheme", "items", "quantity", "reach", "units"],
                l,
            );
            doc = doc
                .add_paragraph(para(l.t("Theo chủ đề phụ:", "By sub-theme:")))
                .add_table(data_table(&subthemes, &sub_cols, c, l));
        }
    }

    // III. what to follow up
    doc = doc.add_paragraph(heading(
        l.t("III. NHỮNG NỘI DUNG CẦN LƯU Ý", "III. POINTS TO FOLLOW UP"),
    ));
    for (i, (title, table)) in closing_sections(d, l).into_iter().enumerate() {
        doc = doc.add_paragraph(heading(&format!("{}. {title}", i + 1)));
        if table.rows.is_empty() {
            doc = doc.add_paragraph(body(l.t("Không có.", "None.")));
        } else {
            // on paper, the columns a reader acts on (the workbook has all)
            let keep: &[&str] = match table.name.as_str() {
                "top_works" => &["rank", "theme", "title", "unit", "activity_date", "reach"],
                "rejects_summary" => &[
                    "unit_code",
                    "reason_kind",
                    "rows_refused",
                    "files_refused",
                    "example_reason",
                ],
                "gaps" => &["gap", "name", "detail", "months"],
                _ => &[],
            };
            let names: Vec<&str> = table
                .columns
                .iter()
                .map(String::as_str)
                .filter(|c| keep.is_empty() || keep.contains(c))
                .collect();
            doc = doc.add_table(data_table(table, &cols(&names, l), c, l));
        }
    }

    // IV-V. the official's own words: headed blanks, never invented text
    let dots = ".".repeat(90);
    for title in [
        l.t("IV. ĐÁNH GIÁ CHUNG", "IV. ASSESSMENT"),
        l.t("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"),
    ] {
        doc = doc.add_paragraph(heading(title));
        for _ in 0..3 {
            doc = doc.add_paragraph(para(&dots));
        }
    }

    // recipients and signature
    let recipients: Vec<Paragraph> = std::iter::once(
        Paragraph::new().add_run(
            run(l.t("Nơi nhận:", "To:"))
                .bold()
                .italic()
                .size(RECIPIENTS),
        ),
    )
    .chain({
        let list: Vec<&str> = s
            .get("recipients", en)
            .split('|')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .collect();
        let last = list.len().saturating_sub(1);
        // each recipient ends with `;`, the last with `.`
        list.into_iter().enumerate().map(move |(i, r)| {
            let end = if i == last { "." } else { ";" };
            Paragraph::new().add_run(run(&format!("- {r}{end}")).size(SMALL))
        })
    })
    .collect();
    let mut signature = vec![
        centred(run(s.get("signer_authority", en)).bold()),
        centred(run(s.get("signer_title", en)).bold()),
    ];
    for _ in 0..4 {
        signature.push(Paragraph::new());
    }
    signature.push(centred(run(s.get("signer_name", en)).bold()));
    doc = doc.add_paragraph(Paragraph::new()).add_table(
        Table::without_borders(vec![TableRow::new(vec![
            block_cell(recipients, half),
            block_cell(signature, half),
        ])])
        .set_grid(vec![half, half])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa),
    );

    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| SummaryError::Io {
        path: path.display().to_string(),
        error: std::io::Error::other(e.to_string()),
    })?;
    super::write_atomic(path, &bytes.into_inner())
}

/// `w:tblHeader` on the first row of every table whose rows `data_table`
/// keeps whole (docx-rs writes `w:cantSplit` for them and has no way to
/// say "header row"): Word and LibreOffice repeat that row at the top of
/// every page the table spans. The header and signature blocks have no
/// such rows and are left alone.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    const MARK: &str = "<w:cantSplit />";
    let xml = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(xml.len() + 4096);
    let mut rest: &str = &xml;
    while let Some(at) = rest.find("<w:tbl>") {
        let end = rest[at..]
            .find("</w:tbl>")
            .map(|e| at + e)
            .unwrap_or(rest.len());
        out.push_str(&rest[..at]);
        out.push_str(&rest[at..end].replacen(MARK, "<w:cantSplit /><w:tblHeader />", 1));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_says_its_size_in_its_header() {
        let mut png = vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13];
        png.extend(b"IHDR");
        png.extend(1800u32.to_be_bytes());
        png.extend(534u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((1800, 534)));
        assert_eq!(png_size(b"GIF89a"), None);
    }

    #[test]
    fn short_columns_get_what_they_ask_and_long_ones_share_the_rest() {
        let w = column_widths(&[36, 6, 24, 8]);
        assert_eq!(w[1], 6 * 115 + 230);
        assert_eq!(w[3], 8 * 115 + 230);
        assert_eq!(w[0] * 24, w[2] * 36, "long columns by what they ask");
        assert!(w.iter().sum::<usize>() <= TEXT_WIDTH);
        let all_short = column_widths(&[6, 6]);
        assert_eq!(all_short, [TEXT_WIDTH / 2, TEXT_WIDTH / 2]);
    }

    #[test]
    fn the_first_row_of_each_data_table_repeats() {
        let row = "<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>";
        let xml =
            format!("<w:tbl><w:tr></w:tr></w:tbl><w:tbl>{row}{row}</w:tbl><w:tbl>{row}</w:tbl>");
        let header = "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr>";
        assert_eq!(
            String::from_utf8(repeat_header_rows(xml.as_bytes())).unwrap(),
            format!(
                "<w:tbl><w:tr></w:tr></w:tbl><w:tbl>{header}{row}</w:tbl><w:tbl>{header}</w:tbl>"
            )
        );
    }
}
