//! The one normaliser every reader feeds: it settles the submission's
//! metadata (flags > columns > preamble > title > file name > file time),
//! then turns each row into an activity or a refusal with a reason a person
//! can act on. Nothing read is dropped: a row is accepted, refused, or a
//! template row (column numbers, totals, section headings) that is counted.
//! No default hides a column: the quantity is 1 only in a table that has no
//! quantity column, and a figure that cannot be read refuses its row.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::body::{MergedFigures, read_body, row_width};
use super::dates::{DateReading, column_order, parse_date, read_item_date};
use super::header::Field;
use super::legacy::{Legacy, or_legacy};
use super::readers::ReadOutput;
use super::reason::{Problem, ReasonCode};
use super::table::{Cell, SourceRow, read_preamble};
use super::template::{
    Numbering, is_column_number_row, is_footer_row, is_header_row, is_totals_row, numbering,
    split_numbering,
};
use super::values::{ITEM_UNITS, MAX_QUANTITY, MAX_REACH, REACH_UNITS, parse_count, parse_minutes};
use crate::domain::{Period, ThemeCode, UnitCode};
use crate::lake::Activity;
use crate::memo::cached_in;
use crate::reference::{Campaign, Inference, Match, Reference};
use crate::text::{clean, fold, plural, sentence};

/// Metadata given on the command line; it wins over anything in the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub unit: Option<String>,
    pub period: Option<String>,
    pub received_at: Option<NaiveDate>,
}

/// A refused row (or, with `source_row` None, a refused file).
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub source_row: Option<i64>,
    pub raw: String,
    pub reason: String,
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
    /// How the table was read, for the per-file summary.
    pub notes: Vec<String>,
}

impl Normalised {
    pub(super) fn rows_read(&self) -> usize {
        self.activities.len() + self.refusals.len()
    }
}

/// Where a piece of metadata was found, for messages.
#[derive(Debug, Clone, Copy)]
enum Source {
    Flag,
    Column,
    Envelope,
    Preamble,
    Title,
    Letterhead,
    FileName,
}

impl Source {
    fn describe(self) -> &'static str {
        match self {
            Source::Flag => "given on the command line",
            Source::Column => "from the unit/period column",
            Source::Envelope => "from the JSON fields",
            Source::Preamble => "from the lines above the table",
            Source::Title => "from the title line",
            Source::Letterhead => "from the letterhead",
            Source::FileName => "from the file name",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Source::Flag => "the command line",
            Source::Column => "the unit/period column",
            Source::Envelope => "the JSON fields",
            Source::Preamble => "the lines above the table",
            Source::Title => "the title line",
            Source::Letterhead => "the letterhead",
            Source::FileName => "the file name",
        }
    }
}

/// The unit a letterhead names. The issuing body is its lowest line that
/// names a unit (`SỞ TƯ PHÁP` under `UBND TỈNH ĐIỆN BIÊN`); a district
/// office's line takes its place from the line above (`PHÒNG VĂN HÓA VÀ
/// THÔNG TIN` under `ỦY BAN NHÂN DÂN HUYỆN MƯỜNG CHÀ`).
fn letterhead_unit(lines: &[String], c: &Campaign, period: Period) -> Option<UnitCode> {
    for i in (0..lines.len()).rev() {
        let mut candidates = Vec::new();
        if let Some(place) = i.checked_sub(1).and_then(|up| place_of(&lines[up])) {
            candidates.push(format!("{} {place}", lines[i]));
        }
        candidates.push(lines[i].clone());
        for candidate in candidates {
            if let Match::Found(u) = c.match_unit(&candidate, period) {
                return Some(u);
            }
        }
    }
    None
}

/// The refusal of a report whose unit did not exist during its period:
/// `unit.abolished` with its successors named when it had ended before the
/// period began and the lineage says what became of it, `unit.not_valid`
/// otherwise (it began later, its end is all the register knows, or the
/// name designates several units of other times).
fn not_in_period(
    c: &Campaign,
    text: &str,
    src: Source,
    period: Period,
    units: &[UnitCode],
) -> Problem {
    let (start, _) = period.bounds();
    let register = &c.register;
    if let [code] = units
        && let Some(u) = register.unit(code)
        && u.valid_to.is_some_and(|to| to < start)
        && let Some(what) = register.what_became_of(code)
    {
        let what = format!("it {what}");
        // through later changes, the units of the period's first day, when
        // they are not the successors already named
        let direct: std::collections::BTreeSet<UnitCode> = register
            .changes_of(code)
            .iter()
            .filter_map(|l| l.successor.clone())
            .collect();
        let now = match register.fate_on(code, start) {
            crate::reference::Fate::One(s) if direct != [s.clone()].into() => {
                format!("; in {period} its work belongs to {s}")
            }
            crate::reference::Fate::Split(list) if direct != list.iter().cloned().collect() => {
                format!(
                    "; in {period} its work belongs to {}",
                    list.iter()
                        .map(|c| c.0.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            _ => String::new(),
        };
        let advice = match (register.fate_on(code, start), direct.len()) {
            (crate::reference::Fate::One(s), _) => {
                format!("If {s} sent it, write its name in the file or pass --unit {s}")
            }
            (_, 0) => "Check who sent it and pass --unit with that unit's code".to_string(),
            _ => "Pass --unit with the code of the successor that sent it".to_string(),
        };
        return Problem::new(
            ReasonCode::UnitAbolished,
            format!(
                "the unit '{text}' ({}) is {} ({}), which no longer existed in {period}: {what}{now}. {advice}",
                src.describe(),
                u.code,
                u.name_vi
            ),
        );
    }
    let spans: Vec<String> = units
        .iter()
        .filter_map(|code| register.unit(code))
        .map(|u| format!("{} existed {}", u.code, u.span()))
        .collect();
    Problem::new(
        ReasonCode::UnitNotValid,
        format!(
            "the unit '{text}' ({}) did not exist in {period}: {}. Check the period, or pass --unit with the code of the unit that sent it",
            src.describe(),
            spans.join("; ")
        ),
    )
}

/// `huyện Mường Chà` out of `ỦY BAN NHÂN DÂN HUYỆN MƯỜNG CHÀ`, `xã Mường
/// Chà` out of `ỦY BAN NHÂN DÂN XÃ MƯỜNG CHÀ`.
fn place_of(line: &str) -> Option<String> {
    let folded: Vec<char> = crate::text::strip_marks_lower(line).chars().collect();
    let chars: Vec<char> = line.chars().collect();
    if folded.len() != chars.len() {
        return None;
    }
    let text: String = folded.iter().collect();
    // the 2025 communes and wards too: `PHÒNG VĂN HÓA - XÃ HỘI` under
    // `ỦY BAN NHÂN DÂN XÃ MƯỜNG CHÀ`
    [
        ("huyen ", 0),
        ("thi xa ", 0),
        ("thanh pho ", 0),
        (" xa ", 1),
        (" phuong ", 1),
    ]
    .iter()
    .find_map(|(w, skip)| {
        let at = text.find(w)? + skip;
        let start = text[..at].chars().count();
        Some(chars[start..].iter().collect())
    })
}

/// `<unit_code>_<period>[_<anything>].<ext>` → (unit, period) parts.
fn file_name_parts(file_name: &str) -> (Option<String>, Option<String>) {
    let stem = file_name
        .rsplit_once('.')
        .map(|(s, _)| s)
        .unwrap_or(file_name);
    let mut parts = stem.split('_');
    let unit = parts.next().filter(|u| !u.is_empty()).map(str::to_string);
    let period = parts
        .next()
        .filter(|p| Period::parse(p).is_some())
        .map(str::to_string);
    match period {
        Some(p) => (unit, Some(p)),
        None => (None, None),
    }
}

fn first_in_column(out: &ReadOutput, field: Field) -> Option<Cell> {
    let col = out.table.header.column(field)?;
    out.table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(col))
        .find(|c| !c.is_empty())
        .cloned()
}

/// The first of the candidates that holds a value, with where it came from.
fn first_found(candidates: [(Option<String>, Source); 6]) -> Option<(String, Source)> {
    candidates
        .into_iter()
        .find_map(|(v, src)| v.map(|v| (v, src)))
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
    let preamble = read_preamble(&out.table.preamble);
    let (name_unit, name_period) = file_name_parts(file_name);
    let column = |field| first_in_column(out, field).map(|c| c.to_string());

    let period_candidates = [
        (flags.period.clone(), Source::Flag),
        (column(Field::Period), Source::Column),
        (out.envelope.period.clone(), Source::Envelope),
        (preamble.period.clone(), Source::Preamble),
        (preamble.title_period.clone(), Source::Title),
        (name_period, Source::FileName),
    ];
    let (period_text, period_src) = first_found(period_candidates.clone())
    .ok_or_else(|| {
        let text = match (&preamble.title_span, out.table.keyed) {
            (Some(title), _) => format!(
                "the title '{title}' names several months or part of a year, and a file is the report of one month, one quarter or one year: say which with a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023'), or pass --period"
            ),
            (None, true) => "the file does not say which period it reports on: add a field \"period\": \"2023-07\" (or \"2023\") beside \"items\", or to each item, name the file <unit_code>_<period>.json (e.g. pvhtt-tuan-giao_2023-07.json), or pass --period".to_string(),
            (None, false) => "the file does not say which period it reports on: add a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023') above the table, a 'Kỳ báo cáo' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --period".to_string(),
        };
        Problem::new(ReasonCode::PeriodMissing, text)
    })?;
    let period = or_legacy(&period_text, Period::parse).ok_or_else(|| {
        Problem::new(
            ReasonCode::PeriodInvalid,
            format!(
                "the period '{period_text}' ({}) is not a period: write 2023-07 or Tháng 7/2023 (a month), Quý III/2023 (a quarter) or 2023",
                period_src.describe()
            ),
        )
    })?;
    let campaign = reference.campaign(period.year()).ok_or_else(|| {
        Problem::new(
            ReasonCode::PeriodNoReference,
            format!(
                "there is no reference data for {} (this run has: {}): make its campaign folder with `baocao reference new {} --from {}`, fill it from the letter, and pass --reference",
                period.year(),
                reference.years_list(),
                period.year(),
                reference.campaigns.keys().next_back().copied().unwrap_or(2023)
            ),
        )
    })?;

    let unit_candidates = [
        (flags.unit.clone(), Source::Flag),
        (column(Field::Unit), Source::Column),
        (out.envelope.unit.clone(), Source::Envelope),
        (preamble.unit.clone(), Source::Preamble),
        (
            letterhead_unit(&preamble.letterhead, campaign, period).map(|u| u.0),
            Source::Letterhead,
        ),
        (name_unit, Source::FileName),
    ];
    let (unit_text, unit_src) = first_found(unit_candidates.clone())
    .ok_or_else(|| {
        Problem::new(
            ReasonCode::UnitMissing,
            if out.table.keyed {
                "the file does not say which unit sent it: add a field \"unit\" beside \"items\", or to each item, name the file <unit_code>_<period>.json (e.g. pvhtt-tuan-giao_2023-07.json), or pass --unit"
            } else {
                "the file does not say which unit sent it: add a line 'Đơn vị: <unit name>' above the table, a 'Đơn vị' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --unit"
            },
        )
    })?;
    let unit = match or_legacy(&unit_text, |t| match campaign.match_unit(t, period) {
        Match::NotFound => None,
        found => Some(found),
    })
    .unwrap_or(Match::NotFound)
    {
        Match::Found(u) => u,
        Match::Ambiguous(list) => {
            return Err(Problem::new(
                ReasonCode::UnitAmbiguous,
                format!(
                    "the unit '{unit_text}' ({}) could be any of {}: pass --unit with the right code",
                    unit_src.describe(),
                    join_codes(&list)
                ),
            ));
        }
        Match::NotFound => {
            return Err(Problem::new(
                ReasonCode::UnitUnknown,
                format!(
                    "the unit '{unit_text}' ({}) is not in the reference list of units: check the name, or pass --unit with a code from units.csv",
                    unit_src.describe()
                ),
            ));
        }
        Match::Outside(list) => {
            return Err(not_in_period(campaign, &unit_text, unit_src, period, &list));
        }
    };

    let received_cell = flags
        .received_at
        .map(Cell::Date)
        .or_else(|| first_in_column(out, Field::ReceivedAt))
        .or_else(|| out.envelope.received_at.clone())
        .or_else(|| preamble.received_at.clone());
    let received_at = match received_cell {
        Some(cell) => match parse_date(&cell) {
            Ok(Some((d, _))) => d,
            _ => {
                return Err(Problem::new(
                    ReasonCode::ReceivedInvalid,
                    format!("the received date '{cell}' is not a date: write dd/mm/yyyy"),
                ));
            }
        },
        None => modified.ok_or(Problem::new(
            ReasonCode::ReceivedMissing,
            "the file does not say when it was received and its modification time is unknown: pass --received-at",
        ))?,
    };

    // where the sources disagree, the first found wins, and the summary says so
    let mut disagreements = Vec::new();
    for (text, src) in period_candidates
        .iter()
        .filter_map(|(t, s)| t.as_ref().map(|t| (t, *s)))
    {
        if let Some(other) = or_legacy(text, Period::parse)
            && other != period
        {
            disagreements.push(format!(
                "according to {} the period is {other}, according to {} {period}: read as {period}",
                src.noun(),
                period_src.noun()
            ));
        }
    }
    for (text, src) in unit_candidates
        .iter()
        .filter_map(|(t, s)| t.as_ref().map(|t| (t, *s)))
    {
        if let Some(Match::Found(other)) = or_legacy(text, |t| {
            Some(campaign.match_unit(t, period)).filter(|m| *m != Match::NotFound)
        }) && other != unit
        {
            disagreements.push(format!(
                "according to {} the unit is {other}, according to {} {unit}: read as {unit}",
                src.noun(),
                unit_src.noun()
            ));
        }
    }

    let body = read_body(out);
    let rows = &body.rows;
    let continuing: std::collections::HashSet<u64> =
        body.continuations.iter().map(|(line, _)| *line).collect();
    let ctx = RowContext::new(
        out,
        rows,
        campaign,
        &unit,
        period,
        received_at,
        submission_id,
        body.figures.clone(),
    );
    let mut n = Normalised {
        unit: unit.clone(),
        period,
        received_at,
        activities: Vec::new(),
        refusals: Vec::new(),
        ignored_rows: 0,
        headings: 0,
        notes: disagreements.into_iter().chain(ctx.notes.clone()).collect(),
    };
    if !body.continuations.is_empty() {
        n.notes.push(format!(
            "{} drawn over two rows or more (cells merged down, the text continued): read as one item each ({})",
            if body.continuations.len() == 1 { "an item" } else { "items" },
            body.continuations
                .iter()
                .map(|(line, item)| format!("row {line} continues row {item}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for (line, raw, problem) in &out.bad_rows {
        n.refusals.push(Refusal {
            source_row: Some(*line as i64),
            raw: raw.to_string(),
            reason: sentence(&problem.text),
            code: problem.code,
        });
    }
    let mut section = Section::default();
    // the signature block and notes under the table are not items
    let mut in_footer = false;
    // the header repeated over a new page was the row before: the column
    // numbers may follow it again
    let mut after_header = true;
    // template rows are told by the cells as read, before merged values
    // are given down to them (a total under a merged date is still a total)
    for (i, (read, row)) in out.table.rows.iter().zip(rows.iter()).enumerate() {
        if read.cells.iter().all(Cell::is_empty) || continuing.contains(&read.line) {
            continue;
        }
        let dated = ctx.dated(&read.cells);
        in_footer = !dated && (in_footer || is_footer_row(&read.cells));
        let header = !dated && is_header_row(&read.cells);
        let numbers = (i < 2 || after_header) && is_column_number_row(&read.cells);
        after_header = header;
        if numbers || is_totals_row(&read.cells, dated) || in_footer || header {
            n.ignored_rows += 1;
            continue;
        }
        if let Some(opened) = ctx.heading(&read.cells) {
            n.headings += 1;
            section = opened;
            continue;
        }
        if let Some(plan) = &section.plan {
            n.refusals.push(Refusal {
                source_row: Some(row.line as i64),
                raw: ctx.raw(&row.cells),
                reason: sentence(&format!(
                    "this row is under the heading '{plan}': what is planned is not an activity done, so it is not counted; report it in the period it is done"
                )),
                code: ReasonCode::RowPlanned,
            });
            continue;
        }
        match ctx.activity(row.line, &row.cells, section.theme.as_ref()) {
            Ok(a) => n.activities.push(a),
            Err(problems) => n.refusals.push(Refusal {
                source_row: Some(row.line as i64),
                raw: ctx.raw(&row.cells),
                reason: sentence(
                    &problems
                        .iter()
                        .map(|p| p.text.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                code: problems
                    .first()
                    .map_or(ReasonCode::RowMalformed, |p| p.code),
            }),
        }
    }
    n.notes.extend(ctx.closing_notes());
    if n.rows_read() == 0 {
        return Err(Problem::new(
            ReasonCode::FileNoRows,
            if n.ignored_rows + n.headings > 0 {
                "the table has a header but no activity rows (only column numbers, totals or section headings): fill in one row per activity"
            } else {
                "the table has a header row but no data rows: fill in one row per activity"
            },
        ));
    }
    Ok(n)
}

fn join_codes(list: &[UnitCode]) -> String {
    list.iter()
        .map(|u| u.0.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// How the quantity is read in this table.
#[derive(Debug, Clone)]
enum QuantityColumn {
    /// The column that holds it: every row must fill it (a JSON item that
    /// does not state it counts 1, as in a table without the column).
    Held { col: usize, keyed: bool },
    /// No column is named as the quantity but these look like one.
    Unclear(Vec<String>),
    /// No quantity column at all: each row counts 1.
    Absent,
    /// Several columns name it (said once for the row, with the others).
    Ambiguous,
}

/// What each column of the table means, settled once per file.
struct RowContext<'a> {
    campaign: &'a Campaign,
    unit: &'a UnitCode,
    period: Period,
    received_at: NaiveDate,
    submission_id: &'a str,
    names: Vec<String>,
    fields: Vec<Option<Field>>,
    dates: DateReading,
    quantity: QuantityColumn,
    /// Unmatched columns that look like a field it lacks: field → names.
    missing_like: HashMap<Field, Vec<String>>,
    merged: MergedFigures,
    unconvertible: HashMap<u64, Vec<(usize, Legacy)>>,
    /// Fields several columns name with nothing to tell which is meant.
    ambiguous: Vec<(Field, Vec<String>)>,
    /// JSON keys spelling a field another way: an item may state it there.
    alternates: HashMap<Field, Vec<usize>>,
    /// Fields an item does not state at all: (line, column).
    absent: std::collections::HashSet<(u64, usize)>,
    /// A delimited file's separator and its header's width.
    separator: Option<(char, usize)>,
    /// Columns that look like the quantity without naming it.
    quantity_like: Vec<usize>,
    notes: Vec<String>,
    /// Figures a formula left within floating-point noise of a whole
    /// number, read as that number: how many, and the first.
    rounded: std::cell::RefCell<(usize, Option<f64>)>,
    /// Rows dated after the report was received (plans, or a wrong date).
    after_received: std::cell::RefCell<Vec<u64>>,
    /// Language labels counted as `other`.
    other_languages: std::cell::RefCell<std::collections::BTreeSet<String>>,
    /// The last unit cell seen to name the file's unit (rows repeat it).
    unit_cell_ok: std::cell::RefCell<Option<String>>,
    /// The campaign's answer for each distinct label of the file.
    matches: Matches<'a>,
}

/// The campaign's answers for a file's distinct theme, sub-theme, form and
/// language labels and titles, each asked once: a file of 10,000 items
/// holds a few dozen distinct labels.
#[derive(Default)]
struct Matches<'a> {
    themes: Answers<Option<(ThemeCode, Option<String>)>>,
    subthemes: Answers<Option<&'a crate::reference::Subtheme>>,
    forms: Answers<Option<&'a str>>,
    languages: Answers<Option<String>>,
    inferred: Answers<Inference>,
}

type Answers<V> = crate::memo::Cache<V>;

impl<'a> RowContext<'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        out: &ReadOutput,
        rows: &[SourceRow],
        campaign: &'a Campaign,
        unit: &'a UnitCode,
        period: Period,
        received_at: NaiveDate,
        submission_id: &'a str,
        merged: MergedFigures,
    ) -> Self {
        let header = &out.table.header;
        let mut notes = out.notes.clone();
        let mut missing_like: HashMap<Field, Vec<String>> = HashMap::new();
        for (col, field) in &header.looks_like {
            let name = &header.names[*col];
            match header.column(*field) {
                Some(held) => notes.push(format!(
                    "column \"{name}\" looks like the {} but is not read as it: the {} is column \"{}\" (kept in extra)",
                    field.name(),
                    field.name(),
                    header.names[held]
                )),
                None => {
                    missing_like.entry(*field).or_default().push(name.clone());
                    notes.push(format!(
                        "column \"{name}\" looks like the {} but is not one of its names, so it is not read as it (kept in extra); if it is the {}, name it '{}'",
                        field.name(),
                        field.name(),
                        field.heading()
                    ));
                }
            }
        }
        if header.rows > 1 {
            let under: Vec<String> = header
                .names
                .iter()
                .zip(&header.fields)
                .filter(|(name, field)| field.is_some() && name.contains(" / "))
                .map(|(name, field)| format!("\"{name}\" as the {}", field.map_or("", Field::name)))
                .collect();
            let (start, end) = out.table.header_lines;
            let mut note = format!("the header takes rows {start} to {end}");
            if !under.is_empty() {
                note.push_str(&format!(": read {}", under.join(", ")));
            }
            notes.push(note);
        }
        for (col, field) in &header.repeated {
            let held = header
                .column(*field)
                .map_or("", |c| header.names[c].as_str());
            notes.push(format!(
                "column \"{}\" also names the {}, which column \"{held}\" holds: it is kept in extra",
                header.names[*col],
                field.name()
            ));
        }
        for (col, name) in header.names.iter().enumerate() {
            let blank = header.fields[col].is_none() && name == &format!("column {}", col + 1);
            if blank
                && rows
                    .iter()
                    .any(|r| r.cells.get(col).is_some_and(|c| !c.is_empty()))
            {
                notes.push(format!(
                    "column {} has no heading: its values are kept in extra",
                    col + 1
                ));
            }
        }
        let quantity = match header.column(Field::Quantity) {
            Some(col) => QuantityColumn::Held {
                col,
                keyed: out.table.keyed,
            },
            None if header.ambiguous.iter().any(|(f, _)| *f == Field::Quantity) => {
                QuantityColumn::Ambiguous
            }
            None => match missing_like.get(&Field::Quantity) {
                Some(names) => QuantityColumn::Unclear(names.clone()),
                None => QuantityColumn::Absent,
            },
        };
        let mut dates = DateReading {
            system: out.table.dates,
            ..Default::default()
        };
        if let Some(col) = header.column(Field::ActivityDate) {
            // each item's date, under whichever key it states it
            let mut cols = vec![col];
            if let Some((_, more)) = header
                .alternates
                .iter()
                .find(|(f, _)| *f == Field::ActivityDate)
            {
                cols.extend(&more[1..]);
            }
            let cells: Vec<&Cell> = rows
                .iter()
                .filter_map(|r| {
                    cols.iter()
                        .filter_map(|&c| r.cells.get(c))
                        .find(|c| !c.is_empty())
                })
                .collect();
            let (order, note) = column_order(&cells, period);
            dates.order = order;
            notes.extend(note);
        }
        let mut unconvertible: HashMap<u64, Vec<(usize, Legacy)>> = HashMap::new();
        for (line, col, old) in &out.table.unconvertible {
            unconvertible.entry(*line).or_default().push((*col, *old));
        }
        RowContext {
            campaign,
            unit,
            period,
            received_at,
            submission_id,
            names: header.names.clone(),
            fields: header.fields.clone(),
            dates,
            quantity,
            missing_like,
            merged,
            unconvertible,
            ambiguous: header
                .ambiguous
                .iter()
                .map(|(f, cols)| (*f, cols.iter().map(|&c| header.names[c].clone()).collect()))
                .collect(),
            alternates: header
                .alternates
                .iter()
                .map(|(f, cols)| (*f, cols[1..].to_vec()))
                .collect(),
            absent: out.table.absent.clone(),
            separator: out
                .table
                .separator
                .map(|s| (s, row_width(header.names.len(), rows))),
            quantity_like: header
                .looks_like
                .iter()
                .filter(|(_, f)| *f == Field::Quantity)
                .map(|(c, _)| *c)
                .collect(),
            notes,
            rounded: std::cell::RefCell::new((0, None)),
            other_languages: Default::default(),
            after_received: Default::default(),
            unit_cell_ok: std::cell::RefCell::new(None),
            matches: Matches::default(),
        }
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    fn cell<'c>(&self, cells: &'c [Cell], field: Field) -> &'c Cell {
        let first = self
            .column(field)
            .and_then(|i| cells.get(i))
            .unwrap_or(&Cell::Empty);
        if first.is_empty()
            && let Some(cols) = self.alternates.get(&field)
        {
            // an item that states the field under another key
            return cols
                .iter()
                .filter_map(|&c| cells.get(c))
                .find(|c| !c.is_empty())
                .unwrap_or(first);
        }
        first
    }

    /// The columns a field may be read from in an item (JSON keys that
    /// spell it several ways).
    fn columns(&self, field: Field) -> Vec<usize> {
        let mut cols: Vec<usize> = self.column(field).into_iter().collect();
        cols.extend(self.alternates.get(&field).into_iter().flatten());
        cols
    }

    fn text(&self, cells: &[Cell], field: Field) -> Option<String> {
        match self.cell(cells, field) {
            Cell::Empty | Cell::Formula(_) => None,
            // cells are cleaned when read
            Cell::Text(t) => Some(t.clone()),
            other => Some(clean(&other.to_string())).filter(|s| !s.is_empty()),
        }
    }

    /// The row's cells by header, as JSON text (`rejects.raw`).
    fn raw(&self, cells: &[Cell]) -> String {
        let map: Map<String, Value> = self
            .names
            .iter()
            .zip(cells)
            .filter(|(_, c)| !c.is_empty())
            .map(|(h, c)| (h.clone(), c.to_json()))
            .collect();
        Value::Object(map).to_string()
    }

    /// True when the row's date cell holds a date.
    fn dated(&self, cells: &[Cell]) -> bool {
        let date = self.cell(cells, Field::ActivityDate);
        matches!(date, Cell::Date(_)) || parse_date(date).is_ok_and(|d| d.is_some())
    }

    /// When the row is a section heading (`I. Phòng, chống mua bán người`,
    /// `II | Quyền của đồng bào dân tộc thiểu số`), the theme it names, if
    /// any. A heading has no date and no form; it is one text, or a
    /// numbering cell and a text; it is numbered with a Roman numeral or a
    /// letter, or names a theme exactly (a number alone, `1.`, makes a
    /// heading only with a theme its words name); a subtotal in the figure
    /// columns is allowed.
    fn heading(&self, cells: &[Cell]) -> Option<Section> {
        // a heading's text may stand in any column (a CSV puts it under
        // `Ngày`), but it holds no date and no form
        let date = self.cell(cells, Field::ActivityDate);
        let form = self.text(cells, Field::Form);
        if matches!(date, Cell::Date(_) | Cell::Number(_))
            || parse_date(date).is_ok_and(|d| d.is_some())
            || form.is_some_and(|f| self.campaign.match_form(&f).is_some())
        {
            return None;
        }
        let filled: Vec<&Cell> = cells
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                !c.is_empty()
                    && !matches!(
                        self.fields.get(*i).copied().flatten(),
                        Some(Field::Quantity | Field::Reach | Field::Duration)
                    )
            })
            .map(|(_, c)| c)
            .collect();
        let (mark, text) = match filled[..] {
            [Cell::Text(t)] => match split_numbering(t) {
                Some((mark, rest)) => (Some(mark), rest.to_string()),
                None => (None, t.clone()),
            },
            [mark, Cell::Text(t)] => (Some(numbering(&mark.to_string())?), t.clone()),
            _ => return None,
        };
        let exact = self.campaign.match_theme(&text);
        let named = exact
            .clone()
            .or_else(|| match self.campaign.infer_theme(&text) {
                Inference::Theme(t) => Some((t, None)),
                _ => None,
            });
        let key = fold(&text);
        let plan = [
            "ke hoach",
            "du kien",
            "phuong huong",
            "nhiem vu",
            "de xuat",
            "kien nghi",
        ]
        .iter()
        .any(|w| key.starts_with(w))
        .then(|| text.clone());
        match (mark, &exact, &named) {
            (Some(Numbering::Strong), _, _)
            | (_, Some(_), _)
            | (Some(Numbering::Weak), _, Some(_)) => Some(Section {
                theme: if plan.is_some() { None } else { named },
                plan,
            }),
            _ => None,
        }
    }

    fn activity(
        &self,
        line: u64,
        cells: &[Cell],
        section: Option<&(ThemeCode, Option<String>)>,
    ) -> Result<Activity, Vec<Problem>> {
        let c = self.campaign;
        let mut problems = Vec::new();
        let mut extra: BTreeMap<usize, (String, Value)> = BTreeMap::new();
        for (i, cell) in cells.iter().enumerate() {
            let alternate = self.alternates.values().any(|cols| cols.contains(&i));
            if self.fields.get(i).copied().flatten().is_none() && !alternate && !cell.is_empty() {
                let name = self
                    .names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("column {}", i + 1));
                extra.insert(i, (name, cell.to_json()));
            }
        }

        // a workbook saved without calculating: none of its figures can be trusted
        let formulas: Vec<String> = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Cell::Formula(_)))
            .map(|(i, c)| format!("'{}' ({c})", self.names.get(i).map_or("?", String::as_str)))
            .collect();
        if !formulas.is_empty() {
            problems.push(Problem::new(
                ReasonCode::CellFormulaWithoutValue,
                format!(
                    "the cell{} {} {} a formula with no stored result (the workbook was saved without calculating it): open the file in Excel, let it calculate, save it again and resend it",
                    plural(formulas.len()),
                    formulas.join(", "),
                    if formulas.len() == 1 { "is" } else { "are" }
                ),
            ));
        }
        for (col, old) in self.unconvertible.get(&line).into_iter().flatten() {
            problems.push(Problem::new(
                ReasonCode::TextLegacyEncodingUnconvertible,
                format!(
                    "the {} '{}' looks typed in the legacy {} encoding but does not convert to Vietnamese: retype it in Unicode (Unikey set to Unicode) and send the file again",
                    self.names.get(*col).map_or("cell", String::as_str),
                    cells.get(*col).map(|c| c.to_string()).unwrap_or_default(),
                    old.name()
                ),
            ));
        }

        if let Some((separator, width)) = self.separator
            && cells.len() > width
        {
            problems.push(Problem::new(
                ReasonCode::RowTooManyCells,
                format!(
                    "the row has {} cells but the table {width} columns: a value probably holds the separator '{separator}' unquoted (a number written 1{separator}200, a title with a '{separator}' in it); put that value in quotes, or write 1.200, and send the file again",
                    cells.len()
                ),
            ));
        }
        for (field, names) in &self.ambiguous {
            problems.push(Problem::new(
                ReasonCode::ColumnAmbiguous,
                format!(
                    "{} columns name the {} ({}) and nothing tells which holds this report's figure: keep one, or head them 'Kế hoạch' and 'Kết quả' (a hidden column counts too)",
                    names.len(),
                    field.name(),
                    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(" and ")
                ),
            ));
        }
        for field in self.alternates.keys() {
            let given: Vec<(usize, &Cell)> = self
                .columns(*field)
                .into_iter()
                .filter_map(|c| cells.get(c).map(|x| (c, x)))
                .filter(|(_, x)| !x.is_empty())
                .collect();
            if given.windows(2).any(|w| w[0].1 != w[1].1) {
                problems.push(Problem::new(
                    ReasonCode::ColumnAmbiguous,
                    format!(
                        "the item gives the {} twice, {}: keep one",
                        field.name(),
                        given
                            .iter()
                            .map(|(c, x)| format!("'{x}' as {}", self.names[*c]))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    ),
                ));
            }
        }

        if let Some(u) = self.text(cells, Field::Unit)
            && self.unit_cell_ok.borrow().as_ref() != Some(&u)
        {
            if or_legacy(&u, |t| {
                Some(c.match_unit(t, self.period)).filter(|m| *m != Match::NotFound)
            }) == Some(Match::Found(self.unit.clone()))
            {
                *self.unit_cell_ok.borrow_mut() = Some(u);
            } else {
                problems.push(Problem::new(ReasonCode::RowOtherUnit, format!("this row names the unit '{u}' but the file is the report of {}: send each unit's rows in its own file", self.unit)));
            }
        }
        if let Some(p) = self.text(cells, Field::Period)
            && or_legacy(&p, Period::parse) != Some(self.period)
        {
            problems.push(Problem::new(
                ReasonCode::RowOtherPeriod,
                format!(
                    "this row names the period '{p}' but the file reports on {}",
                    self.period
                ),
            ));
        }

        let date = if self.column(Field::ActivityDate).is_none() {
            if !self
                .ambiguous
                .iter()
                .any(|(f, _)| *f == Field::ActivityDate)
            {
                problems.push(Problem::new(
                    ReasonCode::DateMissing,
                    self.no_column(Field::ActivityDate),
                ));
            }
            None
        } else {
            match read_item_date(
                self.cell(cells, Field::ActivityDate),
                self.dates,
                self.period,
            ) {
                Ok((d, p)) => {
                    if d > self.received_at {
                        self.after_received.borrow_mut().push(line);
                    }
                    // a period may outlast its unit (a 2025 annual report
                    // from a district abolished on 1 July): its work after
                    // that day is its successors' to report. (Before its
                    // valid_from is not refused: the 2023 units' 2023-01-01
                    // is when the register starts knowing them, and a
                    // reporting window opens in the month before.)
                    if let Some(u) = c.unit(self.unit)
                        && u.valid_to.is_some_and(|to| to < d)
                    {
                        let what = c
                            .register
                            .what_became_of(self.unit)
                            .map(|w| format!(" (it {w})"))
                            .unwrap_or_default();
                        problems.push(Problem::new(
                            ReasonCode::DateOutsideUnit,
                            format!(
                                "the item is dated {d}, but {} existed {}{what}: an item of that day belongs in the report of the unit that existed then",
                                self.unit,
                                u.span()
                            ),
                        ));
                    }
                    Some((d, p))
                }
                Err(p) if p.code == ReasonCode::CellFormulaWithoutValue => None,
                Err(p) => {
                    problems.push(p);
                    None
                }
            }
        };

        let subtheme = match self.text(cells, Field::Subtheme) {
            None => None,
            Some(s) => match cached_in(&self.matches.subthemes, &s, || {
                or_legacy(&s, |t| c.match_subtheme(t))
            }) {
                Some(sub) => Some(sub),
                None => {
                    problems.push(Problem::new(
                        ReasonCode::SubthemeUnknown,
                        format!(
                            "the sub-theme '{s}' is not in the list of sub-themes (subthemes.csv)"
                        ),
                    ));
                    None
                }
            },
        };
        let title = self.text(cells, Field::Title);
        let mut inferred = false;
        let theme: Option<(ThemeCode, Option<String>)> = match self.text(cells, Field::Theme) {
            Some(t) => match cached_in(&self.matches.themes, &t, || {
                or_legacy(&t, |t| c.match_theme(t))
            }) {
                Some(found) => Some(found),
                None => {
                    let codes: Vec<&str> = c.themes.iter().map(|t| t.code.0.as_str()).collect();
                    problems.push(Problem::new(
                        ReasonCode::ThemeUnknown,
                        format!(
                            "the theme '{t}' is not a theme code, label or sub-theme (codes: {})",
                            codes.join(", ")
                        ),
                    ));
                    None
                }
            },
            None => match (
                &subtheme,
                section,
                title
                    .as_deref()
                    .map(|t| cached_in(&self.matches.inferred, t, || c.infer_theme(t))),
            ) {
                (Some(sub), _, _) => Some((sub.theme.clone(), Some(sub.code.clone()))),
                // the section heading above the row names it: the file said it
                (None, Some(named), _) => Some(named.clone()),
                (None, None, Some(Inference::Theme(t))) => {
                    inferred = true;
                    Some((t, None))
                }
                (None, None, Some(Inference::Ambiguous(list))) => {
                    let names: Vec<&str> = list.iter().map(|t| t.0.as_str()).collect();
                    problems.push(Problem::new(ReasonCode::ThemeAmbiguous, format!("the theme is empty and the title matches several themes ({}): fill in the theme", names.join(", "))));
                    None
                }
                (None, None, _) => {
                    problems.push(Problem::new(ReasonCode::ThemeMissing, "the theme is empty and cannot be inferred from the title: fill in the theme"));
                    None
                }
            },
        };
        let (theme_code, subtheme_code) = match (theme, subtheme) {
            (Some((t, sub_from_theme)), Some(sub)) => {
                if sub.theme != t {
                    problems.push(Problem::new(
                        ReasonCode::SubthemeMismatch,
                        format!(
                            "the sub-theme {} belongs to the theme {}, not {t}",
                            sub.code, sub.theme
                        ),
                    ));
                }
                (Some(t), Some(sub.code.clone()).or(sub_from_theme))
            }
            (Some((t, sub)), None) => (Some(t), sub),
            (None, _) => (None, None),
        };

        let hrc_priority = match self.cell(cells, Field::HrcPriority) {
            Cell::Empty | Cell::Formula(_) => None,
            cell => {
                let digits: String = cell
                    .to_string()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                match digits.parse::<i32>() {
                    Ok(n) if (1..=8).contains(&n) && digits.len() == 1 => Some(n),
                    _ => {
                        problems.push(Problem::new(
                            ReasonCode::HrcPriorityInvalid,
                            format!("the HRC priority '{cell}' is not a group number from 1 to 8"),
                        ));
                        None
                    }
                }
            }
        };

        let form = match self.text(cells, Field::Form) {
            None if self.column(Field::Form).is_none() => {
                problems.push(Problem::new(
                    ReasonCode::FormMissing,
                    self.no_column(Field::Form),
                ));
                None
            }
            None if matches!(self.cell(cells, Field::Form), Cell::Formula(_)) => None,
            None => {
                problems.push(Problem::new(ReasonCode::FormMissing, "the form is missing"));
                None
            }
            Some(f) => match cached_in(&self.matches.forms, &f, || {
                or_legacy(&f, |t| c.match_form(t))
            }) {
                Some(code) => Some(code.to_string()),
                None => {
                    let labels: Vec<&str> = c.forms.iter().map(|f| f.name_vi.as_str()).collect();
                    problems.push(Problem::new(
                        ReasonCode::FormUnknown,
                        format!(
                            "the form '{f}' is not in the list of forms ({})",
                            labels.join(", ")
                        ),
                    ));
                    None
                }
            },
        };

        let quantity = match &self.quantity {
            QuantityColumn::Absent => Some(1),
            QuantityColumn::Ambiguous => None,
            QuantityColumn::Unclear(names) => {
                problems.push(Problem::new(
                    ReasonCode::QuantityColumnUnclear,
                    format!(
                        "no column is named as the quantity, but {} {} like one, so the quantity cannot be read: if it counts the items, name it 'Số lượng' (or 'SL') and send the file again",
                        names
                            .iter()
                            .map(|n| format!("'{n}'"))
                            .collect::<Vec<_>>()
                            .join(" and "),
                        if names.len() == 1 { "looks" } else { "look" }
                    ),
                ));
                None
            }
            QuantityColumn::Held { col, keyed } => {
                let cell = self.cell(cells, Field::Quantity);
                // an item without the key states no quantity: it counts 1
                let unstated = *keyed
                    && self
                        .columns(Field::Quantity)
                        .iter()
                        .all(|&c| self.absent.contains(&(line, c)));
                match self.figure(line, *col, cell, Field::Quantity) {
                    Err(p) => {
                        problems.extend(p);
                        None
                    }
                    Ok(()) => match parse_count(cell, ITEM_UNITS, MAX_QUANTITY) {
                        Ok(None) if unstated => {
                            // an item that states a quantity-like field instead
                            let like: Vec<&String> = self
                                .quantity_like
                                .iter()
                                .filter(|&&c| cells.get(c).is_some_and(|x| !x.is_empty()))
                                .map(|&c| &self.names[c])
                                .collect();
                            if like.is_empty() {
                                Some(1)
                            } else {
                                problems.push(Problem::new(
                                    ReasonCode::QuantityColumnUnclear,
                                    format!(
                                        "the item states no quantity, but {} looks like one: name it 'quantity' (or 'Số lượng')",
                                        like.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(" and ")
                                    ),
                                ));
                                None
                            }
                        }
                        Ok(None) => {
                            problems.push(Problem::new(
                                ReasonCode::QuantityMissing,
                                format!(
                                    "the quantity is empty, and the table has a quantity column ('{}'): fill in how many items the row counts, 1 or more",
                                    self.names[*col]
                                ),
                            ));
                            None
                        }
                        Ok(Some(n)) if n >= 1 => Some(n),
                        Ok(Some(n)) => {
                            problems.push(Problem::new(
                                ReasonCode::QuantityInvalid,
                                format!("the quantity {n} is not allowed: it counts items, so it is 1 or more"),
                            ));
                            None
                        }
                        Err(why) => {
                            problems.push(Problem::new(
                                ReasonCode::QuantityInvalid,
                                format!("the quantity '{cell}' {why}"),
                            ));
                            None
                        }
                    },
                }
            }
        };
        let reach = self.optional_figure(
            line,
            cells,
            Field::Reach,
            ReasonCode::ReachInvalid,
            |c| parse_count(c, REACH_UNITS, MAX_REACH),
            &mut problems,
        );
        let duration_min = self.optional_figure(
            line,
            cells,
            Field::Duration,
            ReasonCode::DurationInvalid,
            parse_minutes,
            &mut problems,
        );
        let language = match self.text(cells, Field::Language) {
            None => "vi".to_string(),
            Some(l) => match cached_in(&self.matches.languages, &l, || {
                or_legacy(&l, |t| c.match_language(t).map(str::to_string))
                    .or_else(|| c.language_within(&l))
            }) {
                Some(code) => code,
                None => {
                    // an ethnic language the list does not name: counted as `other`, the label kept
                    self.other_languages.borrow_mut().insert(l.clone());
                    let i = self.column(Field::Language).unwrap_or(0);
                    extra.insert(
                        i,
                        (
                            self.names.get(i).cloned().unwrap_or_default(),
                            Value::String(l),
                        ),
                    );
                    "other".to_string()
                }
            },
        };

        if !problems.is_empty() {
            return Err(problems);
        }
        let (Some((activity_date, precision)), Some(theme_code), Some(form_code), Some(quantity)) =
            (date, theme_code, form, quantity)
        else {
            return Err(vec![Problem::new(
                ReasonCode::RowMalformed,
                "the row is incomplete",
            )]);
        };
        let extra =
            (!extra.is_empty()).then(|| Value::Object(extra.into_values().collect()).to_string());
        Ok(Activity {
            activity_id: activity_id(self.submission_id, line),
            activity_date,
            date_precision: precision,
            theme_code,
            subtheme_code,
            theme_inferred: inferred,
            hrc_priority,
            form_code,
            channel: self.text(cells, Field::Channel),
            title,
            quantity,
            reach,
            duration_min,
            language,
            url: self.text(cells, Field::Url),
            notes: self.text(cells, Field::Notes),
            extra,
            source_row: line as i64,
        })
    }

    /// An optional figure (the reach, the duration): none where the table
    /// has no column for it or the cell is empty; a cell that cannot be
    /// read, or is negative, is a problem of kind `code`.
    fn optional_figure<T: Copy + PartialOrd + Default + std::fmt::Display>(
        &self,
        line: u64,
        cells: &[Cell],
        field: Field,
        code: ReasonCode,
        parse: fn(&Cell) -> Result<Option<T>, String>,
        problems: &mut Vec<Problem>,
    ) -> Option<T> {
        let col = self.column(field)?;
        let cell = self.cell(cells, field);
        if let Err(p) = self.figure(line, col, cell, field) {
            problems.extend(p);
            return None;
        }
        match parse(cell) {
            Ok(Some(v)) if v < T::default() => {
                problems.push(Problem::new(
                    code,
                    format!("the {} {v} is negative", field.name()),
                ));
                None
            }
            Ok(v) => v,
            Err(why) => {
                problems.push(Problem::new(
                    code,
                    format!("the {} '{cell}' {why}", field.name()),
                ));
                None
            }
        }
    }

    /// A figure cell that cannot be read as the row's own: merged over
    /// several rows, or a formula Excel never calculated (said once, above).
    fn figure(&self, line: u64, col: usize, cell: &Cell, field: Field) -> Result<(), Vec<Problem>> {
        if let Some((first, last)) = self.merged.get(&(line, col)) {
            return Err(vec![Problem::new(
                ReasonCode::CellMergedFigure,
                format!(
                    "the {} is one cell merged over rows {first} to {last}, and a figure cannot be shared out between activities: give each row its own {}",
                    field.name(),
                    field.heading()
                ),
            )]);
        }
        if matches!(cell, Cell::Formula(_)) {
            return Err(Vec::new());
        }
        if let Cell::Number(n) = cell
            && field != Field::Duration
            && n.fract() != 0.0
            && super::values::as_whole(*n).is_some()
        {
            let mut rounded = self.rounded.borrow_mut();
            rounded.0 += 1;
            rounded.1.get_or_insert(*n);
        }
        Ok(())
    }

    /// Notes only the rows could tell.
    fn closing_notes(&self) -> Vec<String> {
        let (n, first) = *self.rounded.borrow();
        let others = self.other_languages.borrow();
        let after = self.after_received.borrow();
        let late = (!after.is_empty()).then(|| {
            format!(
                "{} dated after the report was received ({}): check that {} done, not planned (row{} {})",
                if after.len() == 1 { "an item is" } else { "items are" },
                self.received_at.format("%d/%m/%Y"),
                if after.len() == 1 { "it was" } else { "they were" },
                plural(after.len()),
                after.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")
            )
        });
        let languages = (!others.is_empty()).then(|| {
            format!(
                "language{} {} counted as other (another ethnic-minority language), the label kept in extra",
                plural(others.len()),
                others.iter().map(|l| format!("'{l}'")).collect::<Vec<_>>().join(", ")
            )
        });
        late.into_iter().chain(languages).chain(match first {
            Some(x) if n > 0 => vec![format!(
                "{n} figure{} within floating-point noise of a whole number, as a computed figure is stored (e.g. {x:?}), read as {}",
                plural(n),
                if n == 1 {
                    "that whole number"
                } else {
                    "those whole numbers"
                }
            )],
            _ => Vec::new(),
        })
        .collect()
    }

    /// Why a required field cannot be read when no column holds it.
    fn no_column(&self, field: Field) -> String {
        match self.missing_like.get(&field) {
            Some(names) => format!(
                "no column is named as the {}; {} looks like one: name it '{}'",
                field.name(),
                names
                    .iter()
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(" and "),
                field.heading()
            ),
            None => format!(
                "the table has no {} column: add one named '{}'",
                field.name(),
                field.heading()
            ),
        }
    }
}

/// The section a heading opens: the theme it names, and, for a plan
/// (`II. KẾ HOẠCH TUYÊN TRUYỀN THÁNG 11, 12`, `PHƯƠNG HƯỚNG ...`), its text:
/// what is planned is not an activity done.
#[derive(Debug, Clone, Default)]
struct Section {
    theme: Option<(ThemeCode, Option<String>)>,
    plan: Option<String>,
}

/// Stable id of an item: its submission and its row.
pub fn activity_id(submission_id: &str, line: u64) -> String {
    let digest = Sha256::digest(format!("{submission_id}:{line}").as_bytes());
    hex::encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_gives_unit_and_period() {
        assert_eq!(
            file_name_parts("pvhtt-tuan-giao_2023-07_sua-lan-2.csv"),
            (Some("pvhtt-tuan-giao".into()), Some("2023-07".into()))
        );
        assert_eq!(
            file_name_parts("so-y-te_2023.json"),
            (Some("so-y-te".into()), Some("2023".into()))
        );
        assert_eq!(file_name_parts("bao cao thang 7.xlsx"), (None, None));
    }

    use crate::ingest::header::Header;
    use crate::ingest::table::{Merge, Table};

    fn table(names: &[&str], rows: &[(u64, &[&str])]) -> ReadOutput {
        ReadOutput {
            table: Table {
                header: Header::from_names(
                    &names.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                    false,
                ),
                rows: rows
                    .iter()
                    .map(|(line, cells)| SourceRow {
                        line: *line,
                        cells: cells.iter().map(|c| Cell::text(c)).collect(),
                    })
                    .collect(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

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
        let c = reference.campaign(2023).unwrap();
        let y2023 = Period::Year(2023);
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            letterhead_unit(&lines(&["UBND TỈNH ĐIỆN BIÊN", "SỞ TƯ PHÁP"]), c, y2023),
            Some(UnitCode("so-tu-phap".into()))
        );
        assert_eq!(
            letterhead_unit(
                &lines(&[
                    "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG CHÀ",
                    "PHÒNG VĂN HÓA VÀ THÔNG TIN"
                ]),
                c,
                y2023
            ),
            Some(UnitCode("pvhtt-muong-cha".into()))
        );
        assert_eq!(
            letterhead_unit(&lines(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]), c, y2023),
            None
        );
        // after the 2025 reform: a commune's office under its committee; the
        // district's letterhead names no unit that exists then
        let aug2026 = Period::Month {
            year: 2026,
            month: 8,
        };
        assert_eq!(
            letterhead_unit(
                &lines(&["ỦY BAN NHÂN DÂN XÃ MƯỜNG CHÀ", "PHÒNG VĂN HÓA - XÃ HỘI"]),
                c,
                aug2026
            ),
            Some(UnitCode("ubnd-xa-muong-cha".into()))
        );
        assert_eq!(
            letterhead_unit(
                &lines(&[
                    "ỦY BAN NHÂN DÂN HUYỆN MƯỜNG CHÀ",
                    "PHÒNG VĂN HÓA VÀ THÔNG TIN"
                ]),
                c,
                aug2026
            ),
            None
        );
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
}
