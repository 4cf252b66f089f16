//! The one normaliser every reader feeds: it settles the submission's
//! metadata (flags > columns > preamble > file name > file time), then turns
//! each row into an activity or a refusal with a reason a person can act on.
//! Nothing read is dropped: a row is accepted or refused, never lost.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::readers::ReadOutput;
use super::table::{Cell, Field, read_preamble};
use super::values::{parse_date, parse_decimal, parse_int};
use crate::domain::{Period, ThemeCode, UnitCode};
use crate::reference::{Campaign, Inference, Match, Reference, period_bounds};
use crate::text::{clean, fold, sentence};

/// Metadata given on the command line; it wins over anything in the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub unit: Option<String>,
    pub period: Option<String>,
    pub received_at: Option<NaiveDate>,
}

/// One accepted item, ready for the lake.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub activity_id: String,
    pub activity_date: NaiveDate,
    pub date_precision: &'static str,
    pub theme_code: ThemeCode,
    pub subtheme_code: Option<String>,
    pub theme_inferred: bool,
    pub hrc_priority: Option<i32>,
    pub form_code: String,
    pub channel: Option<String>,
    pub title: Option<String>,
    pub quantity: i64,
    pub reach: Option<i64>,
    pub duration_min: Option<f64>,
    pub language: String,
    pub url: Option<String>,
    pub notes: Option<String>,
    pub extra: Option<String>,
    pub source_row: i64,
}

/// A refused row (or, with `source_row` None, a refused file).
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub source_row: Option<i64>,
    pub raw: String,
    pub reason: String,
}

/// A file that became a submission.
#[derive(Debug)]
pub struct Normalised {
    pub unit: UnitCode,
    pub period: Period,
    pub received_at: NaiveDate,
    pub activities: Vec<Activity>,
    pub refusals: Vec<Refusal>,
    /// Template rows not counted as data: column numbers, totals.
    pub ignored_rows: usize,
}

impl Normalised {
    pub fn rows_read(&self) -> usize {
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
    FileName,
}

impl Source {
    fn describe(self) -> &'static str {
        match self {
            Source::Flag => "given on the command line",
            Source::Column => "from the unit/period column",
            Source::Envelope => "from the JSON fields",
            Source::Preamble => "from the lines above the table",
            Source::FileName => "from the file name",
        }
    }
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
    let col = out
        .table
        .headers
        .iter()
        .position(|h| Field::from_header(h) == Some(field))?;
    out.table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(col))
        .find(|c| !c.is_empty())
        .cloned()
}

/// Turns what a reader produced into a submission, or refuses the file
/// with a sentence saying what is wrong and what to do.
pub fn normalise(
    out: &ReadOutput,
    file_name: &str,
    submission_id: &str,
    modified: Option<NaiveDate>,
    flags: &Overrides,
    reference: &Reference,
) -> Result<Normalised, String> {
    let preamble = read_preamble(&out.table.preamble);
    let (name_unit, name_period) = file_name_parts(file_name);
    let pick = |flag: Option<String>,
                field: Field,
                env: Option<String>,
                pre: Option<String>,
                name: Option<String>| {
        flag.map(|v| (v, Source::Flag))
            .or_else(|| first_in_column(out, field).map(|c| (c.to_string(), Source::Column)))
            .or_else(|| env.map(|v| (v, Source::Envelope)))
            .or_else(|| pre.map(|v| (v, Source::Preamble)))
            .or_else(|| name.map(|v| (v, Source::FileName)))
    };

    let (period_text, period_src) = pick(
        flags.period.clone(),
        Field::Period,
        out.envelope.period.clone(),
        preamble.period.clone(),
        name_period,
    )
    .ok_or("the file does not say which period it reports on: add a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023') above the table, a 'Kỳ báo cáo' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --period")?;
    let period = Period::parse(&period_text).ok_or_else(|| {
        format!(
            "the period '{period_text}' ({}) is not a period: write 2023-07, Tháng 7/2023 or 2023",
            period_src.describe()
        )
    })?;
    let campaign = reference.campaign(period.year()).ok_or_else(|| {
        format!(
            "there is no reference data for {} (this run has: {}); add a folder data/reference/{}/ or pass --reference",
            period.year(),
            reference.years_list(),
            period.year()
        )
    })?;

    let (unit_text, unit_src) = pick(flags.unit.clone(), Field::Unit, out.envelope.unit.clone(), preamble.unit.clone(), name_unit)
        .ok_or("the file does not say which unit sent it: add a line 'Đơn vị: <unit name>' above the table, a 'Đơn vị' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --unit")?;
    let unit = match campaign.match_unit(&unit_text) {
        Match::Found(u) => u,
        Match::Ambiguous(list) => {
            return Err(format!(
                "the unit '{unit_text}' ({}) could be any of {}: pass --unit with the right code",
                unit_src.describe(),
                join_codes(&list)
            ));
        }
        Match::NotFound => {
            return Err(format!(
                "the unit '{unit_text}' ({}) is not in the reference list of units: check the name, or pass --unit with a code from units.csv",
                unit_src.describe()
            ));
        }
    };
    if let Some(u) = campaign.unit(&unit) {
        let (start, end) = period_bounds(period);
        if end < u.valid_from || u.valid_to.is_some_and(|to| to < start) {
            return Err(format!(
                "the unit {unit} existed from {} to {}, but the report is for {period}: check the period",
                u.valid_from,
                u.valid_to
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "now".into())
            ));
        }
    }

    let received_cell = flags
        .received_at
        .map(Cell::Date)
        .or_else(|| first_in_column(out, Field::ReceivedAt))
        .or_else(|| out.envelope.received_at.clone())
        .or_else(|| preamble.received_at.clone());
    let received_at = match received_cell {
        Some(cell) => match parse_date(&cell) {
            Ok(Some((d, _))) => d,
            _ => return Err(format!("the received date '{cell}' is not a date: write dd/mm/yyyy")),
        },
        None => modified.ok_or("the file does not say when it was received and its modification time is unknown: pass --received-at")?,
    };

    let rows = RowContext::new(out, campaign, &unit, period, submission_id);
    let mut n = Normalised {
        unit: unit.clone(),
        period,
        received_at,
        activities: Vec::new(),
        refusals: Vec::new(),
        ignored_rows: 0,
    };
    for (line, raw, reason) in &out.bad_rows {
        n.refusals.push(Refusal {
            source_row: Some(*line as i64),
            raw: raw.to_string(),
            reason: sentence(reason),
        });
    }
    for (i, row) in out.table.rows.iter().enumerate() {
        if row.cells.iter().all(Cell::is_empty) {
            continue;
        }
        if (i < 2 && is_column_number_row(&row.cells)) || is_totals_row(&row.cells) {
            n.ignored_rows += 1;
            continue;
        }
        match rows.activity(row.line, &row.cells) {
            Ok(a) => n.activities.push(a),
            Err(problems) => n.refusals.push(Refusal {
                source_row: Some(row.line as i64),
                raw: rows.raw(&row.cells),
                reason: sentence(&problems.join("; ")),
            }),
        }
    }
    if n.rows_read() == 0 {
        return Err(if n.ignored_rows > 0 {
            "the table has a header but no activity rows (only column numbers or totals): fill in one row per activity".into()
        } else {
            "the table has a header row but no data rows: fill in one row per activity".into()
        });
    }
    Ok(n)
}

fn join_codes(list: &[UnitCode]) -> String {
    list.iter()
        .map(|u| u.0.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `(1) (2) (3)` or `1 2 3` under the header: a template's column numbers.
fn is_column_number_row(cells: &[Cell]) -> bool {
    let filled: Vec<String> = cells
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.to_string())
        .collect();
    filled.len() >= 3
        && filled
            .iter()
            .enumerate()
            .all(|(i, s)| s.trim_matches(|c| c == '(' || c == ')') == (i + 1).to_string())
}

/// A `Tổng cộng` / `Cộng` row that sums the table.
fn is_totals_row(cells: &[Cell]) -> bool {
    // only a short text can be a totals label (folding every row is costly)
    let first = cells
        .iter()
        .find(|c| !c.is_empty())
        .filter(|c| matches!(c, Cell::Text(t) if t.chars().count() <= 12))
        .map(|c| fold(&c.to_string()));
    matches!(
        first.as_deref(),
        Some("tong cong" | "cong" | "tong" | "tong so" | "total")
    )
}

/// What each column of the table means, settled once per file.
struct RowContext<'a> {
    campaign: &'a Campaign,
    unit: &'a UnitCode,
    period: Period,
    submission_id: &'a str,
    headers: Vec<String>,
    fields: Vec<Option<Field>>,
    /// The last unit cell seen to name the file's unit (rows repeat it).
    unit_cell_ok: std::cell::RefCell<Option<String>>,
}

impl<'a> RowContext<'a> {
    fn new(
        out: &ReadOutput,
        campaign: &'a Campaign,
        unit: &'a UnitCode,
        period: Period,
        submission_id: &'a str,
    ) -> Self {
        let mut fields: Vec<Option<Field>> = Vec::new();
        let mut headers = Vec::new();
        for (i, h) in out.table.headers.iter().enumerate() {
            let f = Field::from_header(h).filter(|f| !fields.contains(&Some(*f)));
            fields.push(f);
            let name = if h.is_empty() {
                format!("column {}", i + 1)
            } else {
                h.clone()
            };
            let unique = if headers.contains(&name) {
                format!("{name} ({})", i + 1)
            } else {
                name
            };
            headers.push(unique);
        }
        RowContext {
            campaign,
            unit,
            period,
            submission_id,
            headers,
            fields,
            unit_cell_ok: std::cell::RefCell::new(None),
        }
    }

    fn cell<'c>(&self, cells: &'c [Cell], field: Field) -> &'c Cell {
        self.fields
            .iter()
            .position(|f| *f == Some(field))
            .and_then(|i| cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    fn text(&self, cells: &[Cell], field: Field) -> Option<String> {
        match self.cell(cells, field) {
            Cell::Empty => None,
            // cells are cleaned when read
            Cell::Text(t) => Some(t.clone()),
            other => Some(clean(&other.to_string())).filter(|s| !s.is_empty()),
        }
    }

    /// The row's cells by header, as JSON text (`rejects.raw`).
    fn raw(&self, cells: &[Cell]) -> String {
        let map: Map<String, Value> = self
            .headers
            .iter()
            .zip(cells)
            .filter(|(_, c)| !c.is_empty())
            .map(|(h, c)| (h.clone(), c.to_json()))
            .collect();
        Value::Object(map).to_string()
    }

    fn activity(&self, line: u64, cells: &[Cell]) -> Result<Activity, Vec<String>> {
        let c = self.campaign;
        let mut problems = Vec::new();
        let mut extra: BTreeMap<usize, (String, Value)> = BTreeMap::new();
        for (i, cell) in cells.iter().enumerate() {
            if self.fields.get(i).copied().flatten().is_none() && !cell.is_empty() {
                let name = self
                    .headers
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("column {}", i + 1));
                extra.insert(i, (name, cell.to_json()));
            }
        }

        if let Some(u) = self.text(cells, Field::Unit)
            && self.unit_cell_ok.borrow().as_ref() != Some(&u)
        {
            if c.match_unit(&u) == Match::Found(self.unit.clone()) {
                *self.unit_cell_ok.borrow_mut() = Some(u);
            } else {
                problems.push(format!("this row names the unit '{u}' but the file is the report of {}: send each unit's rows in its own file", self.unit));
            }
        }
        if let Some(p) = self.text(cells, Field::Period)
            && Period::parse(&p) != Some(self.period)
        {
            problems.push(format!(
                "this row names the period '{p}' but the file reports on {}",
                self.period
            ));
        }

        let date_cell = self.cell(cells, Field::ActivityDate);
        let date = match parse_date(date_cell) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                problems.push("the activity date is missing".into());
                None
            }
            Err(why) => {
                problems.push(format!("the activity date '{date_cell}' {why}"));
                None
            }
        };

        let subtheme = match self.text(cells, Field::Subtheme) {
            None => None,
            Some(s) => match c.match_subtheme(&s) {
                Some(sub) => Some(sub),
                None => {
                    problems.push(format!(
                        "the sub-theme '{s}' is not in the list of sub-themes (subthemes.csv)"
                    ));
                    None
                }
            },
        };
        let title = self.text(cells, Field::Title);
        let mut inferred = false;
        let theme: Option<(ThemeCode, Option<String>)> = match self.text(cells, Field::Theme) {
            Some(t) => match c.match_theme(&t) {
                Some(found) => Some(found),
                None => {
                    let codes: Vec<&str> = c.themes.iter().map(|t| t.code.0.as_str()).collect();
                    problems.push(format!(
                        "the theme '{t}' is not a theme code, label or sub-theme (codes: {})",
                        codes.join(", ")
                    ));
                    None
                }
            },
            None => match (&subtheme, title.as_deref().map(|t| c.infer_theme(t))) {
                (Some(sub), _) => Some((sub.theme.clone(), Some(sub.code.clone()))),
                (None, Some(Inference::Theme(t))) => {
                    inferred = true;
                    Some((t, None))
                }
                (None, Some(Inference::Ambiguous(list))) => {
                    let names: Vec<&str> = list.iter().map(|t| t.0.as_str()).collect();
                    problems.push(format!("the theme is empty and the title matches several themes ({}): fill in the theme", names.join(", ")));
                    None
                }
                (None, _) => {
                    problems.push("the theme is empty and cannot be inferred from the title: fill in the theme".into());
                    None
                }
            },
        };
        let (theme_code, subtheme_code) = match (theme, subtheme) {
            (Some((t, sub_from_theme)), Some(sub)) => {
                if sub.theme != t {
                    problems.push(format!(
                        "the sub-theme {} belongs to the theme {}, not {t}",
                        sub.code, sub.theme
                    ));
                }
                (Some(t), Some(sub.code.clone()).or(sub_from_theme))
            }
            (Some((t, sub)), None) => (Some(t), sub),
            (None, _) => (None, None),
        };

        let hrc_priority = match self.cell(cells, Field::HrcPriority) {
            Cell::Empty => None,
            cell => {
                let digits: String = cell
                    .to_string()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                match digits.parse::<i32>() {
                    Ok(n) if (1..=8).contains(&n) && digits.len() == 1 => Some(n),
                    _ => {
                        problems.push(format!(
                            "the HRC priority '{cell}' is not a group number from 1 to 8"
                        ));
                        None
                    }
                }
            }
        };

        let form = match self.text(cells, Field::Form) {
            None => {
                problems.push("the form is missing".into());
                None
            }
            Some(f) => match c.match_form(&f) {
                Some(code) => Some(code.to_string()),
                None => {
                    let labels: Vec<&str> = c.forms.iter().map(|f| f.name_vi.as_str()).collect();
                    problems.push(format!(
                        "the form '{f}' is not in the list of forms ({})",
                        labels.join(", ")
                    ));
                    None
                }
            },
        };

        let quantity_cell = self.cell(cells, Field::Quantity);
        let quantity = match parse_int(quantity_cell) {
            Ok(None) => Some(1),
            Ok(Some(n)) if n >= 1 => Some(n),
            Ok(Some(n)) => {
                problems.push(format!(
                    "the quantity {n} is not allowed: it counts items, so it is 1 or more"
                ));
                None
            }
            Err(why) => {
                problems.push(format!("the quantity '{quantity_cell}' {why}"));
                None
            }
        };
        let reach_cell = self.cell(cells, Field::Reach);
        let reach = match parse_int(reach_cell) {
            Ok(Some(n)) if n < 0 => {
                problems.push(format!("the reach {n} is negative"));
                None
            }
            Ok(r) => r,
            Err(why) => {
                problems.push(format!("the reach '{reach_cell}' {why}"));
                None
            }
        };
        let duration_cell = self.cell(cells, Field::Duration);
        let duration_min = match parse_decimal(duration_cell) {
            Ok(Some(d)) if d < 0.0 => {
                problems.push(format!("the duration {d} is negative"));
                None
            }
            Ok(d) => d,
            Err(why) => {
                problems.push(format!("the duration '{duration_cell}' {why}"));
                None
            }
        };
        let language = match self.text(cells, Field::Language) {
            None => "vi".to_string(),
            Some(l) => match c.match_language(&l) {
                Some(code) => code.to_string(),
                None => {
                    // an ethnic language the list does not name: counted as `other`, the label kept
                    let i = self
                        .fields
                        .iter()
                        .position(|f| *f == Some(Field::Language))
                        .unwrap_or(0);
                    extra.insert(
                        i,
                        (
                            self.headers.get(i).cloned().unwrap_or_default(),
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
            return Err(vec!["the row is incomplete".into()]);
        };
        let extra =
            (!extra.is_empty()).then(|| Value::Object(extra.into_values().collect()).to_string());
        Ok(Activity {
            activity_id: activity_id(self.submission_id, line),
            activity_date,
            date_precision: precision.as_str(),
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

    #[test]
    fn template_rows_are_recognised() {
        let t = |v: &[&str]| v.iter().map(|s| Cell::text(s)).collect::<Vec<_>>();
        assert!(is_column_number_row(&t(&["(1)", "(2)", "(3)", "(4)"])));
        assert!(is_column_number_row(&t(&["1", "2", "3"])));
        assert!(!is_column_number_row(&t(&["1", "05/07/2023", "Tin"])));
        assert!(is_totals_row(&t(&["", "Tổng cộng", "", "12"])));
        assert!(!is_totals_row(&t(&["1", "Tổng kết năm"])));
    }
}
