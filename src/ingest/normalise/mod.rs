//! The one normaliser every reader feeds. It settles the submission's
//! metadata (`metadata`: flags > columns > preamble > title > file name >
//! file time), reads once what each column means (`columns`), walks the
//! rows telling items from the rows that are not (`rows`), and turns each
//! item into an activity through one reader per field (`fields`, put
//! together by `item`), or a refusal with a reason a person can act on.
//! Nothing read is dropped: a row is accepted, refused, or a template row
//! (column numbers, totals, section headings) that is counted. What the
//! rows teach about the file (`notes`) is said in the per-file summary.

mod columns;
mod fields;
mod item;
mod metadata;
mod notes;
mod rows;
mod totals;
mod words;

use chrono::NaiveDate;

use self::columns::{Columns, Row};
use self::item::read_item;
use self::notes::FileNotes;
use self::rows::{RowKind, RowWalker, hidden, planned};
use super::body::read_body;
use super::readers::ReadOutput;
use super::reason::{Problem, ReasonCode};
use crate::domain::{Period, UnitCode};
use crate::i18n::Msg;
use crate::lake::Activity;
use crate::msg;
use crate::reference::Reference;
use crate::text::sentence;

pub use item::activity_id;
pub use metadata::Overrides;

/// A refused row (or, with `source_row` None, a refused file).
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub source_row: Option<i64>,
    pub raw: String,
    /// The sentence, in the run's language.
    pub reason: String,
    /// What the sentence says, as messages (one per problem), to say it
    /// again in either language (`rejects.reason_args`).
    pub reason_args: Vec<Msg>,
    /// The kind of the first problem found (the reason lists them all).
    pub code: ReasonCode,
}

/// A file that became a submission.
#[derive(Debug)]
pub(super) struct Normalised {
    pub unit: UnitCode,
    pub period: Period,
    pub received_at: NaiveDate,
    pub activities: Vec<Activity>,
    pub refusals: Vec<Refusal>,
    /// Template rows not counted as data: column numbers, totals.
    pub ignored_rows: usize,
    /// Section heading rows (`I. Phòng, chống mua bán người`).
    pub headings: usize,
    /// The figures of the table's totals rows beside the sums of the
    /// items read ([`totals`]).
    pub totals: Vec<crate::lake::FileTotal>,
    /// How the table was read, for the per-file summary.
    pub notes: Vec<String>,
}

impl Normalised {
    pub(super) fn rows_read(&self) -> usize {
        self.activities.len() + self.refusals.len()
    }
}

/// Turns what a reader produced into a submission, or refuses the file
/// with a sentence saying what is wrong and what to do.
pub(super) fn normalise(
    out: &ReadOutput,
    file_name: &str,
    submission_id: &str,
    modified: Option<NaiveDate>,
    flags: &Overrides,
    reference: &Reference,
) -> Result<Normalised, Problem> {
    let meta = metadata::settle(out, file_name, modified, flags, reference)?;
    let body = read_body(out);
    let (cols, header_notes) =
        Columns::new(out, &body.rows, &meta, submission_id, body.figures.clone());
    let mut n = Normalised {
        unit: meta.unit.clone(),
        period: meta.period,
        received_at: meta.received_at,
        activities: Vec::new(),
        refusals: Vec::new(),
        ignored_rows: 0,
        headings: 0,
        totals: Vec::new(),
        notes: meta.disagreements.into_iter().chain(header_notes).collect(),
    };
    n.notes.extend(continuation_note(&body.continuations));
    for (line, raw, problem) in &out.bad_rows {
        n.refusals.push(Refusal {
            source_row: Some(*line as i64),
            raw: raw.to_string(),
            reason: sentence(&problem.text()),
            reason_args: vec![problem.msg.clone()],
            code: problem.code,
        });
    }
    let mut notes = FileNotes::default();
    let mut totals = totals::TotalsCheck::default();
    let mut walker = RowWalker::new(&cols, &body.continuations);
    for (i, (read, row)) in out.table.rows.iter().zip(body.rows.iter()).enumerate() {
        let refuse = |problems: Vec<Problem>| refusal(&cols, row.line, &row.cells, problems);
        match walker.kind(i, read) {
            RowKind::Skipped => {}
            RowKind::Template => {
                n.ignored_rows += 1;
                let refused = n.refusals.len();
                totals.row(&cols, row.line, &read.cells, &n.activities, refused);
            }
            RowKind::Heading => n.headings += 1,
            RowKind::Planned(plan) => n.refusals.push(refuse(vec![planned(&plan)])),
            RowKind::Hidden => n.refusals.push(refuse(vec![hidden(&cols, row.line)])),
            RowKind::Item => {
                let item = Row {
                    line: row.line,
                    cells: &row.cells,
                };
                match read_item(&cols, &item, walker.section_theme(), &mut notes) {
                    Ok(a) => n.activities.push(a),
                    Err(problems) => n.refusals.push(refuse(problems)),
                }
            }
        }
    }
    n.notes
        .extend(notes.closing(meta.received_at).iter().map(Msg::to_string));
    n.notes.extend(
        totals
            .found
            .iter()
            .filter(|t| !t.agrees())
            .map(|t| total_disagrees(t).to_string()),
    );
    n.totals = totals.found;
    if n.activities.is_empty() && !n.refusals.is_empty() {
        return Err(no_items(&n));
    }
    if n.rows_read() == 0 {
        // a form whose rows are only its template (column numbers, a total
        // of nothing, section headings), or a JSON `"items": []`, states
        // that nothing was done; a header and nothing else says nothing
        if n.ignored_rows + n.headings == 0 && !out.table.stated_empty {
            return Err(Problem::new(
                ReasonCode::FileNoRows,
                msg!("normalise-no-data-rows"),
            ));
        }
        n.notes
            .push(msg!("normalise-states-no-activity").to_string());
    }
    Ok(n)
}

/// The per-file summary's note on a totals row that disagrees with the
/// items read above it.
pub fn total_disagrees(t: &crate::lake::FileTotal) -> Msg {
    msg!(
        "normalise-total-mismatch",
        row = t.source_row.to_string(),
        label = t.label.clone(),
        field = t.field.clone(),
        stated = t.stated,
        sum = t.items_sum,
        items = t.items,
        refused = t.rows_refused
    )
}

/// The refusal of a file whose every row was refused: it reads nothing, so
/// it is not received and never replaces the report it would correct. The
/// rows' reasons and cells are kept with it.
fn no_items(n: &Normalised) -> Problem {
    let count = n.refusals.len();
    let first = &n.refusals[0];
    let reason = crate::i18n::sentence(first.reason_args.clone());
    let first_said = match first.source_row {
        Some(row) => msg!(
            "normalise-no-items-row",
            row = row.to_string(),
            reason = reason
        ),
        None => msg!("normalise-no-items-first", reason = reason),
    };
    let same = n.refusals.iter().all(|r| r.code == first.code);
    let others = match (count, same) {
        (1, _) => Msg::verbatim(""),
        (2, true) => msg!("normalise-no-items-same-one"),
        (_, true) => msg!("normalise-no-items-same", count = count - 1),
        (2, false) => msg!("normalise-no-items-another-one"),
        (_, false) => msg!("normalise-no-items-another", count = count - 1),
    };
    let text = msg!(
        "normalise-no-items",
        count = count,
        unit = n.unit.to_string(),
        period = n.period.said(),
        first = first_said,
        others = others,
    );
    let rows: Vec<serde_json::Value> = n
        .refusals
        .iter()
        .map(|r| {
            serde_json::json!({
                "source_row": r.source_row,
                "reason_code": r.code.code(),
                "reason": r.reason,
                "raw": serde_json::from_str::<serde_json::Value>(&r.raw).unwrap_or(serde_json::Value::Null),
            })
        })
        .collect();
    Problem::new(ReasonCode::FileNoItems, text).with_detail(serde_json::json!({ "rows": rows }))
}

/// A refused row: its raw cells and one sentence naming every problem,
/// its kind the first one's.
fn refusal(
    cols: &Columns,
    line: u64,
    cells: &[super::cell::Cell],
    problems: Vec<Problem>,
) -> Refusal {
    let msgs: Vec<Msg> = problems.iter().map(|p| p.msg.clone()).collect();
    Refusal {
        source_row: Some(line as i64),
        raw: cols.raw(cells),
        reason: crate::i18n::reason(&msgs, crate::i18n::current()),
        reason_args: msgs,
        code: problems
            .first()
            .map_or(ReasonCode::RowMalformed, |p| p.code),
    }
}

/// The note for items drawn over two rows or more.
fn continuation_note(continuations: &[(u64, u64)]) -> Option<String> {
    (!continuations.is_empty()).then(|| {
        let rows: Vec<String> = continuations
            .iter()
            .map(|(line, item)| {
                msg!(
                    "normalise-continues",
                    line = line.to_string(),
                    item = item.to_string()
                )
                .to_string()
            })
            .collect();
        msg!(
            "normalise-continued",
            count = continuations.len(),
            rows = rows.join(", ")
        )
        .to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::ingest::cell::{Cell, Merge, SourceRow};
    use crate::ingest::header::Header;
    use crate::ingest::normalise::columns::tests::table;

    /// A cell merged down from `first_line` to `last_line` in column `col`.
    fn merge(first_line: u64, last_line: u64, col: u32) -> Merge {
        Merge {
            first_line,
            last_line,
            first_col: col,
            last_col: col,
        }
    }

    fn read(out: &ReadOutput) -> Normalised {
        let reference = Reference::bundled().unwrap();
        let flags = Overrides {
            unit: Some("so-gddt".into()),
            period: Some("2023".into()),
            received_at: NaiveDate::from_ymd_opt(2023, 11, 1),
        };
        normalise(out, "x.xlsx", "id", None, &flags, &reference).unwrap()
    }

    #[test]
    fn merged_cells_give_descriptions_down_and_refuse_shared_figures() {
        let mut out = table(
            &[
                "Ngày",
                "Chủ đề",
                "Hình thức",
                "Tên tin bài",
                "Số lượng",
                "Lượt tiếp cận",
            ],
            &[
                (5, &["15/03/2023", "ethnic", "Hội nghị", "Một", "1", "100"]),
                (6, &["", "", "", "Hai", "1", "300"]),
                (7, &["16/03/2023", "", "", "Ba", "1", ""]),
                (8, &["17/03/2023", "general", "Tin", "Bốn", "2", ""]),
            ],
        );
        // the date over rows 5-6, theme and form over 5-7, the reach over 6-7
        out.table.merges = vec![
            merge(5, 6, 0),
            merge(5, 7, 1),
            merge(5, 7, 2),
            merge(6, 7, 5),
        ];
        let n = read(&out);
        let got: Vec<(i64, String, &str, &str)> = n
            .activities
            .iter()
            .map(|a| {
                (
                    a.source_row,
                    a.activity_date.to_string(),
                    a.theme_code.0.as_str(),
                    a.form_code.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (5, "2023-03-15".into(), "ethnic", "meeting"),
                (8, "2023-03-17".into(), "general", "news"),
            ]
        );
        let refused: Vec<(Option<i64>, ReasonCode)> =
            n.refusals.iter().map(|r| (r.source_row, r.code)).collect();
        assert_eq!(
            refused,
            vec![
                (Some(6), ReasonCode::CellMergedFigure),
                (Some(7), ReasonCode::CellMergedFigure)
            ]
        );
        assert_eq!(
            n.refusals[0].reason,
            "The reach is one cell merged over rows 6 to 7, and a figure cannot be shared out between activities: give each row its own Lượt tiếp cận."
        );
    }

    #[test]
    fn section_headings_are_not_items_and_give_their_theme() {
        let out = table(
            &[
                "STT",
                "Ngày",
                "Chủ đề",
                "Hình thức",
                "Tên tin bài",
                "Số lượng",
            ],
            &[
                // numbered with a Roman numeral, in its own cell
                (5, &["I", "Phòng, chống mua bán người", "", "", "", ""]),
                (6, &["1", "05/03/2023", "", "Tin", "Cảnh giác", "1"]),
                // names its own theme
                (7, &["2", "06/03/2023", "labour", "Tin", "Việc làm", "1"]),
                // numbered in its text, with a subtotal
                (
                    8,
                    &[
                        "II. Quyền của đồng bào dân tộc thiểu số",
                        "",
                        "",
                        "",
                        "",
                        "7",
                    ],
                ),
                (9, &["3", "07/03/2023", "", "Bài", "Bản tin vùng cao", "2"]),
                // a heading that names no theme ends the section's theme
                (10, &["", "B. CÁC HOẠT ĐỘNG KHÁC", "", "", "", ""]),
                (
                    11,
                    &["4", "08/03/2023", "", "Tin", "Tin không rõ chủ đề", "1"],
                ),
                // a number alone with words naming no theme is an item, refused
                (12, &["5", "Tuyên truyền miệng", "", "", "", ""]),
                // a number alone with words that name a theme is a heading
                (
                    13,
                    &["3.", "Tuyên truyền về quyền con người", "", "", "", ""],
                ),
                (14, &["6", "09/03/2023", "", "Tin", "Bản tin", "1"]),
            ],
        );
        let n = read(&out);
        assert_eq!(n.headings, 4);
        let got: Vec<(i64, &str, bool)> = n
            .activities
            .iter()
            .map(|a| (a.source_row, a.theme_code.0.as_str(), a.theme_inferred))
            .collect();
        assert_eq!(
            got,
            vec![
                (6, "trafficking", false),
                (7, "labour", false),
                (9, "ethnic", false),
                (14, "general", false)
            ]
        );
        let refused: Vec<(Option<i64>, ReasonCode)> =
            n.refusals.iter().map(|r| (r.source_row, r.code)).collect();
        assert_eq!(
            refused,
            vec![
                (Some(11), ReasonCode::ThemeMissing),
                (Some(12), ReasonCode::DateInvalid)
            ]
        );
    }

    #[test]
    fn an_item_drawn_over_two_rows_is_one_item_and_a_total_under_merges_is_a_total() {
        let mut out = table(
            &[
                "Ngày",
                "Chủ đề",
                "Hình thức",
                "Tên tin bài",
                "Số lượng",
                "Lượt tiếp cận",
            ],
            &[
                (
                    5,
                    &[
                        "15/03/2023",
                        "ethnic",
                        "Hội nghị",
                        "Tập huấn cho",
                        "2",
                        "100",
                    ],
                ),
                // the title goes on; every other cell is merged from row 5
                (6, &["", "", "", "giáo viên vùng cao", "", ""]),
                (7, &["16/03/2023", "general", "Tin", "Bản tin", "1", "50"]),
                (8, &["", "", "", "Tổng cộng", "3", "150"]),
            ],
        );
        out.table.merges = (0..6)
            .filter(|c| *c != 3)
            .map(|c| merge(5, 6, c))
            .chain([merge(7, 8, 0), merge(7, 8, 1), merge(7, 8, 2)])
            .collect();
        let n = read(&out);
        let got: Vec<(i64, Option<&str>, i64, Option<i64>)> = n
            .activities
            .iter()
            .map(|a| (a.source_row, a.title.as_deref(), a.quantity, a.reach))
            .collect();
        assert_eq!(
            got,
            vec![
                (5, Some("Tập huấn cho giáo viên vùng cao"), 2, Some(100)),
                (7, Some("Bản tin"), 1, Some(50)),
            ]
        );
        assert!(n.refusals.is_empty(), "{:?}", n.refusals);
        assert_eq!(n.ignored_rows, 1);
        assert!(
            n.notes
                .iter()
                .any(|note| note.contains("row 6 continues row 5")),
            "{:?}",
            n.notes
        );
    }

    #[test]
    fn json_items_name_a_field_their_own_way_and_an_unstated_quantity_counts_one() {
        let mut out = table(
            &["date", "form", "theme", "quantity", "SL", "count"],
            &[
                (1, &["2023-03-05", "Tin", "general", "2", "", ""]),
                (2, &["2023-03-06", "Tin", "general", "", "4", ""]),
                (3, &["2023-03-07", "Tin", "general", "", "", ""]),
                (4, &["2023-03-08", "Tin", "general", "", "", ""]),
                (5, &["2023-03-09", "Tin", "general", "", "", "8"]),
                (6, &["2023-03-10", "Tin", "general", "3", "5", ""]),
            ],
        );
        out.table.header = Header::from_names(
            &["date", "form", "theme", "quantity", "SL", "count"].map(String::from),
            true,
        );
        out.table.keyed = true;
        // item 3 has no quantity key at all; item 4 states it empty (null)
        for line in [3, 5] {
            out.table.absent.extend([(line, 3), (line, 4)]);
        }
        out.table
            .absent
            .extend([(4, 4), (1, 5), (2, 5), (3, 5), (4, 5), (6, 5)]);
        let n = read(&out);
        let got: Vec<(i64, i64)> = n
            .activities
            .iter()
            .map(|a| (a.source_row, a.quantity))
            .collect();
        assert_eq!(got, vec![(1, 2), (2, 4), (3, 1)]);
        let refused: Vec<(Option<i64>, ReasonCode)> =
            n.refusals.iter().map(|r| (r.source_row, r.code)).collect();
        assert_eq!(
            refused,
            vec![
                (Some(4), ReasonCode::QuantityMissing),
                (Some(5), ReasonCode::QuantityColumnUnclear),
                (Some(6), ReasonCode::ColumnAmbiguous)
            ]
        );
    }

    #[test]
    fn the_letterhead_names_the_unit_and_disagreements_are_noted() {
        let reference = Reference::bundled().unwrap();
        let mut out = table(
            &["Ngày", "Hình thức", "Chủ đề"],
            &[(6, &["05/07/2023", "Tin", "general"])],
        );
        out.table.preamble = vec![
            SourceRow {
                line: 1,
                cells: vec![Cell::text("UBND TỈNH ĐIỆN BIÊN")],
            },
            SourceRow {
                line: 2,
                cells: vec![Cell::text("SỞ TƯ PHÁP")],
            },
            SourceRow {
                line: 3,
                cells: vec![Cell::text("BÁO CÁO KẾT QUẢ THÁNG 7 NĂM 2023")],
            },
        ];
        let flags = Overrides {
            received_at: NaiveDate::from_ymd_opt(2023, 8, 1),
            ..Default::default()
        };
        let n = normalise(
            &out,
            "so-noi-vu_2023-06.xlsx",
            "id",
            None,
            &flags,
            &reference,
        )
        .unwrap();
        assert_eq!(
            (n.unit.0.as_str(), n.period.to_string()),
            ("so-tu-phap", "2023-07".into())
        );
        assert_eq!(
            n.notes[..2],
            [
                "according to the file name the period is 2023-06, according to the title line 2023-07: read as 2023-07".to_string(),
                "according to the file name the unit is so-noi-vu, according to the letterhead so-tu-phap: read as so-tu-phap".to_string(),
            ]
        );
    }

    #[test]
    fn rows_that_are_not_items_plans_footers_and_repeated_headers() {
        let out = table(
            &[
                "STT",
                "Ngày",
                "Chủ đề",
                "Hình thức",
                "Tên tin bài",
                "Số lượng",
                "Ngôn ngữ",
            ],
            &[
                (5, &["I", "Kết quả tuyên truyền", "", "", "", "", ""]),
                (
                    6,
                    &[
                        "1",
                        "05/03/2023",
                        "general",
                        "Tin",
                        "Bản tin",
                        "2",
                        "Tiếng Thái trắng",
                    ],
                ),
                (7, &["", "", "", "", "Tổng số lượt tiếp cận", "", ""]),
                (8, &["", "", "", "", "Lũy kế từ đầu năm", "12", ""]),
                // the header again, over the next page
                (
                    9,
                    &[
                        "STT",
                        "Ngày",
                        "Chủ đề",
                        "Hình thức",
                        "Tên tin bài",
                        "Số lượng",
                        "Ngôn ngữ",
                    ],
                ),
                (
                    10,
                    &[
                        "2",
                        "06/03/2023",
                        "general",
                        "Tin",
                        "Bản tin 2",
                        "1",
                        "Song ngữ Việt - Mông",
                    ],
                ),
                (
                    11,
                    &["II", "Kế hoạch tuyên truyền quý II", "", "", "", "", ""],
                ),
                (
                    12,
                    &["1", "10/04/2023", "general", "Tin", "Dự kiến", "1", ""],
                ),
                (13, &["", "Nơi nhận:", "", "", "", "", ""]),
                (14, &["", "- Sở TT&TT;", "", "", "", "", ""]),
                (15, &["", "", "", "", "GIÁM ĐỐC", "", ""]),
                (16, &["", "", "", "", "Nguyễn Văn A", "", ""]),
            ],
        );
        let n = read(&out);
        let got: Vec<(i64, &str)> = n
            .activities
            .iter()
            .map(|a| (a.source_row, a.language.as_str()))
            .collect();
        // Tiếng Thái trắng is Thai; a bilingual Việt - Mông programme is Hmong
        assert_eq!(got, vec![(6, "thai"), (10, "hmong")]);
        let refused: Vec<(Option<i64>, ReasonCode)> =
            n.refusals.iter().map(|r| (r.source_row, r.code)).collect();
        assert_eq!(refused, vec![(Some(12), ReasonCode::RowPlanned)]);
        assert_eq!(n.headings, 2);
        // the running totals, the repeated header and the signature block
        assert_eq!(n.ignored_rows, 7);
    }

    #[test]
    fn no_received_date_and_no_file_time_refuses_the_file() {
        let out = table(
            &["Ngày", "Hình thức", "Chủ đề"],
            &[(2, &["05/03/2023", "Tin", "general"])],
        );
        let reference = Reference::bundled().unwrap();
        let flags = Overrides {
            unit: Some("so-gddt".into()),
            period: Some("2023".into()),
            received_at: None,
        };
        let err = normalise(&out, "x.csv", "id", None, &flags, &reference).unwrap_err();
        assert_eq!(err.code, ReasonCode::ReceivedMissing);
    }

    #[test]
    fn a_file_whose_every_row_is_refused_says_the_first_rows_reason_in_either_language() {
        let out = table(
            &["Ngày", "Chủ đề", "Hình thức"],
            &[
                (5, &["05/03/2023", "", "Tin"]),
                (6, &["06/03/2023", "", "Tin"]),
            ],
        );
        let reference = Reference::bundled().unwrap();
        let flags = Overrides {
            unit: Some("so-gddt".into()),
            period: Some("2023".into()),
            received_at: NaiveDate::from_ymd_opt(2023, 11, 1),
        };
        let err = normalise(&out, "x.xlsx", "id", None, &flags, &reference).unwrap_err();
        assert_eq!(err.code, ReasonCode::FileNoItems);
        let said = |lang| crate::i18n::reason(std::slice::from_ref(&err.msg), lang);
        assert_eq!(
            said(Lang::En),
            "Every row of the file is refused (2 rows), so it holds no item that can be read: it is not counted as received, and the report of so-gddt for 2023 already in the lake, if any, stays current. Row 5: The theme is empty and cannot be inferred from the title: fill in the theme. The other row is refused for the same kind of reason."
        );
        assert_eq!(
            said(Lang::Vi),
            "Mọi dòng của tệp đều bị từ chối (2 dòng), nên tệp không có hoạt động nào đọc được: tệp không được tính là đã nhận, và báo cáo của so-gddt kỳ năm 2023 đã có trong kho dữ liệu (nếu có) vẫn giữ nguyên. Dòng 5: Chủ đề để trống và không suy ra được từ tên tin bài: hãy điền chủ đề. Dòng còn lại bị từ chối vì cùng loại lý do."
        );
        // the sentence is said again from what the lake keeps
        let json = serde_json::json!([err.msg]).to_string();
        assert_eq!(
            crate::i18n::reason_from_json(&json, Lang::Vi).as_deref(),
            Some(said(Lang::Vi).as_str())
        );
    }
}
