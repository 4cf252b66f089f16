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

use super::answer::{Answer, Cell, Kind, at};
use super::data::SummaryData;
use super::error::{SummaryError, write_atomic};
use super::figures::{Drawn, closing_sections, headline, units_note};
use super::labels::{self, cols, format_cell, show, theme_label};
use super::options::{Lang, SummaryOptions};
use crate::msg;
use crate::reference::{Campaign, ReportSettings};
use docx_rs::{
    AlignmentType, Docx, Header, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts, Table,
    TableCell, TableLayoutType, TableRow, WidthType,
};

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
fn data_table(rows: &Answer, columns: &[(String, String)], c: &Campaign, l: Lang) -> Table {
    let texts: Vec<Vec<(String, bool)>> = rows
        .rows
        .iter()
        .map(|r| {
            columns
                .iter()
                .map(|(col, _)| {
                    let number = rows.get(r, col).number().is_some();
                    (show(rows, r, col, c, l), number)
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
            // characters across the text width; a column of sentences (a
            // finding, a reason) gets the room of two
            let cap = if longest > 60 { 72 } else { 36 };
            (head + 1).max(longest.min(cap)).max(6)
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
                    "items" => msg!("summary-col-items-paper").say(l),
                    "units" => msg!("summary-col-units-paper").say(l),
                    _ => label.clone(),
                };
                cell(&label, i, true, false)
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
fn reporting_sentence(d: &SummaryData, l: Lang) -> Result<String, SummaryError> {
    let rate = &d.rate;
    let (period_kind, kind) = (rate.text("period_kind")?, rate.text("unit_kind")?);
    let all = rate
        .rows
        .iter()
        .find(|r| at(r, period_kind).text() == "all" && at(r, kind).text() == "all");
    let get = |col: &str| -> Result<String, SummaryError> {
        let col = rate.number(col)?;
        Ok(all.map(|r| format_cell(at(r, col), l)).unwrap_or_default())
    };
    let year = d.year.to_string();
    // no reports owed (or no answer): said so, never a sentence of blanks
    let expected_col = rate.number("expected")?;
    let owed = all
        .and_then(|r| at(r, expected_col).number())
        .is_some_and(|n| n > 0.0);
    if !owed {
        return Ok(msg!("summary-reporting-none", year = year).say(l));
    }
    // the figures as the tables show them (`4,2`, `100,0`)
    Ok(msg!(
        "summary-reporting",
        year = year,
        expected = get("expected")?,
        received = get("received")?,
        rate = get("reporting_rate_pct")?,
        on_time = get("on_time")?,
        late = get("late")?,
        missing = get("missing")?
    )
    .say(l))
}

/// The units whose reports are missing, one line per unit with its
/// periods in order: `- name: năm 2023; tháng 06/2023, 08/2023`
/// (`- name: 2023, 2023-06, 2023-08` in English).
fn missing_lines(d: &SummaryData, l: Lang) -> Result<Vec<String>, SummaryError> {
    let status = &d.status;
    let (state, unit, period) = (
        status.text("status")?,
        status.text("unit")?,
        status.text("period")?,
    );
    let mut units: Vec<(String, Vec<String>)> = Vec::new();
    for r in status
        .rows
        .iter()
        .filter(|r| at(r, state).text() == "missing")
    {
        let (unit, period) = (at(r, unit).text(), at(r, period).text().to_string());
        match units.iter_mut().find(|(u, _)| u == unit) {
            Some((_, periods)) => periods.push(period),
            None => units.push((unit.to_string(), vec![period])),
        }
    }
    units.sort();
    Ok(units
        .into_iter()
        .map(|(unit, mut periods)| {
            periods.sort();
            let (years, months): (Vec<String>, Vec<String>) =
                periods.into_iter().partition(|p| p.len() == 4);
            let months: Vec<String> = months.iter().map(|m| labels::periods(m, l)).collect();
            let said_years = msg!("summary-missing-years", years = years.join(", "));
            let said_months = msg!("summary-missing-months", months = months.join(", "));
            let said = match (years.is_empty(), months.is_empty()) {
                (false, false) => msg!(
                    "summary-missing-both",
                    years = said_years,
                    months = said_months
                ),
                (false, true) => said_years,
                _ => said_months,
            };
            msg!("summary-missing-unit", unit = unit, periods = said).say(l)
        })
        .collect())
}

/// Writes the report to `path`: the page, the header block and title,
/// then sections I to V, the recipients and the signature.
pub(super) fn docx(
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
    charts: &[Drawn],
    s: &ReportSettings,
    path: &Path,
) -> Result<(), SummaryError> {
    let l = o.lang;
    let mut doc = page();
    doc = header_block(doc, s, l);
    doc = title(doc, d.year, s, l);
    doc = reporting(doc, d, c, l)?;
    doc = results(doc, d, c, o, charts)?;
    doc = follow_up(doc, d, c, l);
    doc = officials_words(doc, l);
    doc = signature(doc, s, l);
    let mut xml = doc.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| SummaryError::Io {
        path: path.display().to_string(),
        error: std::io::Error::other(e.to_string()),
    })?;
    write_atomic(path, &bytes.into_inner())
}

/// The page of Decree 30: A4, its margins, Times New Roman 14 pt, page
/// numbers at the top centre from page 2.
fn page() -> Docx {
    Docx::new()
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
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center),
            ),
        )
        .first_header(Header::new())
        .title_pg()
}

/// The header block: the issuing body on the left, the national motto on
/// the right. The issuing body in 12 pt on 8 cm, the motto in 13 pt (its
/// first line 12 pt) on 10 cm: 18 cm, 0.75 cm into each margin, as the
/// Decree's model lays it out, so that each fits on its line.
fn header_block(doc: Docx, s: &ReportSettings, l: Lang) -> Docx {
    let en = l == Lang::En;
    let (narrow, wide) = (4_536, 5_670);
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
            run(&msg!("summary-docx-number", symbol = s.get("symbol", en)).say(l)).size(HEADER),
        ),
    ];
    let right = vec![
        centred(
            run(&msg!("summary-docx-nation").say(l))
                .bold()
                .size(HEADER - 2),
        ),
        centred(
            run(&msg!("summary-docx-motto").say(l))
                .bold()
                .underline("single")
                .size(HEADER),
        ),
        Paragraph::new(),
        centred(
            run(&msg!("summary-docx-place-date", place = s.get("place", en)).say(l))
                .italic()
                .size(HEADER),
        ),
    ];
    doc.add_table(
        Table::without_borders(vec![TableRow::new(vec![
            block_cell(left, narrow),
            block_cell(right, wide),
        ])])
        .set_grid(vec![narrow, wide])
        .layout(TableLayoutType::Fixed)
        .width(narrow + wide, WidthType::Dxa)
        .indent(-425),
    )
}

/// The title and the opening sentence.
fn title(doc: Docx, year: i32, s: &ReportSettings, l: Lang) -> Docx {
    let en = l == Lang::En;
    let year = year.to_string();
    let opening = msg!(
        "summary-docx-opening",
        year = year.clone(),
        issuer = s.get("issuer_name", en)
    );
    doc.add_paragraph(Paragraph::new())
        .add_paragraph(centred(run(&msg!("summary-docx-report").say(l)).bold()))
        .add_paragraph(centred(
            run(&msg!("summary-docx-title", year = year).say(l)).bold(),
        ))
        .add_paragraph(Paragraph::new())
        .add_paragraph(body(&opening.say(l)))
}

/// I. The reporting situation: the sentence, the table of rates, and the
/// units whose reports are missing.
fn reporting(mut doc: Docx, d: &SummaryData, c: &Campaign, l: Lang) -> Result<Docx, SummaryError> {
    doc = doc
        .add_paragraph(heading(&msg!("summary-docx-heading-reporting").say(l)))
        .add_paragraph(body(&reporting_sentence(d, l)?));
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
    let missing = missing_lines(d, l)?;
    let said = if missing.is_empty() {
        msg!("summary-docx-all-sent")
    } else {
        msg!("summary-docx-missing-units")
    };
    doc = doc.add_paragraph(body(&said.say(l)));
    for m in &missing {
        doc = doc.add_paragraph(para(m));
    }
    Ok(doc)
}

/// II. Results: the headline figures, then each chart with its caption
/// and the table a reader reads on paper.
fn results(
    mut doc: Docx,
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
    charts: &[Drawn],
) -> Result<Docx, SummaryError> {
    let l = o.lang;
    doc = doc.add_paragraph(heading(&msg!("summary-docx-heading-results").say(l)));
    for (label, v) in headline(d, l)? {
        doc = doc.add_paragraph(para(&format!("- {label}: {}", format_cell(&v, l))));
    }
    for (i, ch) in charts.iter().enumerate() {
        doc = chart(doc, ch, i + 1, o)?;
        doc = chart_table(doc, d, ch, c, l)?;
    }
    Ok(doc)
}

/// A chart at 16 cm wide, kept with its numbered caption.
fn chart(doc: Docx, ch: &Drawn, n: usize, o: &SummaryOptions) -> Result<Docx, SummaryError> {
    let l = o.lang;
    let png_path = o.out.join(format!("{}.png", ch.name));
    let bytes = std::fs::read(&png_path).map_err(|error| SummaryError::Io {
        path: png_path.display().to_string(),
        error,
    })?;
    let (w, h) = png_size(&bytes).unwrap_or((1800, 900));
    let height = (CHART_WIDTH_EMU as u64 * h as u64 / w.max(1) as u64) as u32;
    let pic = Pic::new_with_dimensions(bytes, w, h).size(CHART_WIDTH_EMU, height);
    Ok(doc
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_image(pic))
                .align(AlignmentType::Center)
                .keep_next(true),
        )
        .add_paragraph(centred(
            run(&msg!(
                "summary-docx-caption",
                n = n.to_string(),
                title = ch.title.clone()
            )
            .say(l))
            .italic()
            .size(SMALL + 2),
        )))
}

/// The table under a chart, as a reader reads it on paper: the reporting
/// table is in section I, the month-by-month ones are the workbook's
/// sheets; the themes' chart is followed by the sub-themes.
fn chart_table(
    mut doc: Docx,
    d: &SummaryData,
    ch: &Drawn,
    c: &Campaign,
    l: Lang,
) -> Result<Docx, SummaryError> {
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
            let sheet = msg!("summary-docx-monthly-sheet", sheet = ch.table.query.clone());
            doc = doc.add_paragraph(body(&sheet.say(l)));
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
        let code = subthemes.text("theme_code")?;
        subthemes.columns.push(("theme".into(), Kind::Text));
        for r in &mut subthemes.rows {
            let label = theme_label(c, at(r, code).text(), l);
            r.push(Cell::Text(label));
        }
        let sub_cols = cols(
            &["theme", "subtheme", "items", "quantity", "reach", "units"],
            l,
        );
        doc = doc
            .add_paragraph(para(&msg!("summary-docx-by-subtheme").say(l)))
            .add_table(data_table(&subthemes, &sub_cols, c, l));
    }
    Ok(doc)
}

/// III. What to follow up: gaps, award candidates, refused rows and the
/// figures data-quality flags, each
/// in the columns a reader acts on (the workbook has them all).
fn follow_up(mut doc: Docx, d: &SummaryData, c: &Campaign, l: Lang) -> Docx {
    doc = doc.add_paragraph(heading(&msg!("summary-docx-heading-follow-up").say(l)));
    for (i, (title, table)) in closing_sections(d, l).into_iter().enumerate() {
        doc = doc.add_paragraph(heading(&format!("{}. {title}", i + 1)));
        if table.rows.is_empty() {
            doc = doc.add_paragraph(body(&msg!("summary-docx-none").say(l)));
            continue;
        }
        let keep: &[&str] = match table.query.as_str() {
            "top_works" => &[
                "rank",
                "theme",
                "title",
                "unit",
                "activity_date",
                "reach",
                "check",
            ],
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
            .names()
            .into_iter()
            .filter(|c| keep.is_empty() || keep.contains(c))
            .collect();
        doc = doc.add_table(data_table(table, &cols(&names, l), c, l));
    }
    doc
}

/// IV-V. The official's own words: headed blanks, never invented text.
fn officials_words(mut doc: Docx, l: Lang) -> Docx {
    let dots = ".".repeat(90);
    for title in [
        msg!("summary-docx-heading-assessment"),
        msg!("summary-docx-heading-proposals"),
    ] {
        doc = doc.add_paragraph(heading(&title.say(l)));
        for _ in 0..3 {
            doc = doc.add_paragraph(para(&dots));
        }
    }
    doc
}

/// The recipients (each ends with `;`, the last with `.`) and the
/// signature block.
fn signature(doc: Docx, s: &ReportSettings, l: Lang) -> Docx {
    let en = l == Lang::En;
    let half = TEXT_WIDTH / 2;
    let list: Vec<&str> = s
        .get("recipients", en)
        .split('|')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .collect();
    let last = list.len().saturating_sub(1);
    let recipients: Vec<Paragraph> = std::iter::once(
        Paragraph::new().add_run(
            run(&msg!("summary-docx-recipients").say(l))
                .bold()
                .italic()
                .size(RECIPIENTS),
        ),
    )
    .chain(list.into_iter().enumerate().map(|(i, r)| {
        let end = if i == last { "." } else { ";" };
        Paragraph::new().add_run(run(&format!("- {r}{end}")).size(SMALL))
    }))
    .collect();
    let mut signer = vec![
        centred(run(s.get("signer_authority", en)).bold()),
        centred(run(s.get("signer_title", en)).bold()),
    ];
    for _ in 0..4 {
        signer.push(Paragraph::new());
    }
    signer.push(centred(run(s.get("signer_name", en)).bold()));
    doc.add_paragraph(Paragraph::new()).add_table(
        Table::without_borders(vec![TableRow::new(vec![
            block_cell(recipients, half),
            block_cell(signer, half),
        ])])
        .set_grid(vec![half, half])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa),
    )
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
    fn the_report_s_sentences_are_said_in_its_language() {
        let sentence = msg!(
            "summary-reporting",
            year = "2023",
            expected = "119",
            received = "111",
            rate = "93,3",
            on_time = "96",
            late = "15",
            missing = "8"
        );
        assert_eq!(
            sentence.say(Lang::Vi),
            "Tổng số báo cáo các cơ quan, đơn vị, địa phương phải gửi trong năm 2023: 119; đã nhận 111 (93,3%), trong đó đúng hạn 96, muộn 15; chưa gửi 8."
        );
        let missing = msg!(
            "summary-missing-unit",
            unit = "Phòng Văn hóa - Thông tin huyện Tuần Giáo",
            periods = msg!(
                "summary-missing-both",
                years = msg!("summary-missing-years", years = "2023"),
                months = msg!("summary-missing-months", months = "06/2023, 08/2023")
            )
        );
        assert_eq!(
            missing.say(Lang::Vi),
            "- Phòng Văn hóa - Thông tin huyện Tuần Giáo: năm 2023; tháng 06/2023, 08/2023"
        );
        assert_eq!(
            missing.say(Lang::En),
            "- Phòng Văn hóa - Thông tin huyện Tuần Giáo: 2023, 06/2023, 08/2023"
        );
        let caption = msg!(
            "summary-docx-caption",
            n = "8",
            title = "Hình thức truyền thông, 2023"
        );
        assert_eq!(
            caption.say(Lang::Vi),
            "Biểu đồ 8. Hình thức truyền thông, 2023"
        );
        assert_eq!(
            msg!("summary-docx-place-date", place = "Điện Biên").say(Lang::Vi),
            "Điện Biên, ngày ... tháng ... năm ..."
        );
    }

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
