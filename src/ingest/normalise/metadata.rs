//! Who sent the report, for which period, and when it was received: each
//! settled once per file, the first source found winning (flags, then
//! columns, JSON fields, lines above the table, the title line, the
//! letterhead, the file name and the file time), and every other source
//! that says otherwise noted.

use chrono::NaiveDate;

use crate::domain::{Period, UnitCode};
use crate::ingest::cell::Cell;
use crate::ingest::dates::parse_date;
use crate::ingest::fields::Field;
use crate::ingest::legacy::or_legacy;
use crate::ingest::readers::ReadOutput;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::{Preamble, read_preamble};
use crate::reference::{Campaign, Fate, Match, Reference};

/// Metadata given on the command line; it wins over anything in the file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub unit: Option<String>,
    pub period: Option<String>,
    pub received_at: Option<NaiveDate>,
}

/// The submission's metadata, as settled from every source.
#[derive(Debug)]
pub(super) struct Metadata<'r> {
    /// The campaign of the period's year.
    pub campaign: &'r Campaign,
    pub unit: UnitCode,
    pub period: Period,
    pub received_at: NaiveDate,
    /// Sources that say another unit or period than the one read, one
    /// sentence each, for the per-file summary.
    pub disagreements: Vec<String>,
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

/// The sources of one piece of metadata, in the order they win.
type Candidates = [(Option<String>, Source); 6];

/// Settles the unit, period and received date of the file `out` read from
/// `file_name`, or refuses the file with a sentence saying what is wrong
/// and what to do. `modified` is the file's modification date, the last
/// resort for the received date.
pub(super) fn settle<'r>(
    out: &ReadOutput,
    file_name: &str,
    modified: Option<NaiveDate>,
    flags: &Overrides,
    reference: &'r Reference,
) -> Result<Metadata<'r>, Problem> {
    // what the sheet does not show says nothing: a hidden `Đơn vị: ...`
    // line or title is not the report's (contract 3.2)
    let shown: Vec<_> = out
        .table
        .preamble
        .iter()
        .filter(|r| !out.table.hidden.rows.contains(&r.line))
        .cloned()
        .collect();
    let preamble = read_preamble(&shown);
    let (name_unit, name_period) = file_name_parts(file_name);
    let column = |field| first_in_column(out, field).map(|c| c.to_string());
    let periods: Candidates = [
        (flags.period.clone(), Source::Flag),
        (column(Field::Period), Source::Column),
        (out.envelope.period.clone(), Source::Envelope),
        (preamble.period.clone(), Source::Preamble),
        (preamble.title_period.clone(), Source::Title),
        (name_period, Source::FileName),
    ];
    let (period, period_src) = period(&periods, &preamble, out.table.keyed)?;
    let campaign = campaign(reference, period)?;
    let units: Candidates = [
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
    let (unit, unit_src) = unit(&units, campaign, period, out.table.keyed)?;
    let received_at = received_at(out, &preamble, flags, modified)?;
    let mut disagreements = Vec::new();
    for (text, src) in present(&periods) {
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
    for (text, src) in present(&units) {
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
    Ok(Metadata {
        campaign,
        unit,
        period,
        received_at,
        disagreements,
    })
}

/// The candidates that hold a value.
fn present(candidates: &Candidates) -> impl Iterator<Item = (&String, Source)> {
    candidates
        .iter()
        .filter_map(|(t, s)| t.as_ref().map(|t| (t, *s)))
}

/// The first of the candidates that holds a value, with where it came from.
fn first_found(candidates: &Candidates) -> Option<(String, Source)> {
    present(candidates).next().map(|(v, s)| (v.clone(), s))
}

/// The period: the first source that states one, which must be a period.
fn period(
    candidates: &Candidates,
    preamble: &Preamble,
    keyed: bool,
) -> Result<(Period, Source), Problem> {
    let (text, src) = first_found(candidates).ok_or_else(|| {
        let text = match (&preamble.title_span, keyed) {
            (Some(title), _) => format!(
                "the title '{title}' names several months or part of a year, and a file is the report of one month, one quarter or one year: say which with a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023'), or pass --period"
            ),
            (None, true) => "the file does not say which period it reports on: add a field \"period\": \"2023-07\" (or \"2023\") beside \"items\", or to each item, name the file <unit_code>_<period>.json (e.g. pvhtt-tuan-giao_2023-07.json), or pass --period".to_string(),
            (None, false) => "the file does not say which period it reports on: add a line 'Kỳ báo cáo: Tháng 7/2023' (or 'Năm 2023') above the table, a 'Kỳ báo cáo' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --period".to_string(),
        };
        Problem::new(ReasonCode::PeriodMissing, text)
    })?;
    let period = or_legacy(&text, Period::parse).ok_or_else(|| {
        Problem::new(
            ReasonCode::PeriodInvalid,
            format!(
                "the period '{text}' ({}) is not a period: write 2023-07 or Tháng 7/2023 (a month), Quý III/2023 (a quarter) or 2023",
                src.describe()
            ),
        )
    })?;
    Ok((period, src))
}

/// The campaign of the period's year.
fn campaign(reference: &Reference, period: Period) -> Result<&Campaign, Problem> {
    reference.campaign(period.year()).ok_or_else(|| {
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
    })
}

/// The unit: the first source that names one, which must name exactly one
/// unit that existed during the period.
fn unit(
    candidates: &Candidates,
    campaign: &Campaign,
    period: Period,
    keyed: bool,
) -> Result<(UnitCode, Source), Problem> {
    let (text, src) = first_found(candidates).ok_or_else(|| {
        Problem::new(
            ReasonCode::UnitMissing,
            if keyed {
                "the file does not say which unit sent it: add a field \"unit\" beside \"items\", or to each item, name the file <unit_code>_<period>.json (e.g. pvhtt-tuan-giao_2023-07.json), or pass --unit"
            } else {
                "the file does not say which unit sent it: add a line 'Đơn vị: <unit name>' above the table, a 'Đơn vị' column, name the file <unit_code>_<period>.csv (e.g. pvhtt-tuan-giao_2023-07.csv), or pass --unit"
            },
        )
    })?;
    let found = or_legacy(&text, |t| match campaign.match_unit(t, period) {
        Match::NotFound => None,
        found => Some(found),
    })
    .unwrap_or(Match::NotFound);
    match found {
        Match::Found(u) => Ok((u, src)),
        Match::Ambiguous(list) => Err(Problem::new(
            ReasonCode::UnitAmbiguous,
            format!(
                "the unit '{text}' ({}) could be any of {}: pass --unit with the right code",
                src.describe(),
                join_codes(&list)
            ),
        )),
        Match::NotFound => {
            let names = campaign.units.iter().map(|u| u.name_vi.as_str());
            let nearest = crate::text::did_you_mean(&text, names)
                .map(|n| format!(" (did you mean '{n}'?)"))
                .unwrap_or_default();
            Err(Problem::new(
                ReasonCode::UnitUnknown,
                format!(
                    "the unit '{text}' ({}) is not in the reference list of units{nearest}: check the name, or pass --unit with a code from units.csv",
                    src.describe()
                ),
            ))
        }
        Match::Outside(list) => Err(not_in_period(campaign, &text, src, period, &list)),
    }
}

/// The received date: the flag, the column, the JSON field, a line above
/// the table, or the file's modification date.
fn received_at(
    out: &ReadOutput,
    preamble: &Preamble,
    flags: &Overrides,
    modified: Option<NaiveDate>,
) -> Result<NaiveDate, Problem> {
    let cell = flags
        .received_at
        .map(Cell::Date)
        .or_else(|| first_in_column(out, Field::ReceivedAt))
        .or_else(|| out.envelope.received_at.clone())
        .or_else(|| preamble.received_at.clone());
    match cell {
        Some(cell) => match parse_date(&cell) {
            Ok(Some((d, _))) => Ok(d),
            _ => Err(Problem::new(
                ReasonCode::ReceivedInvalid,
                format!("the received date '{cell}' is not a date: write dd/mm/yyyy"),
            )),
        },
        None => modified.ok_or(Problem::new(
            ReasonCode::ReceivedMissing,
            "the file does not say when it was received and its modification time is unknown: pass --received-at",
        )),
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
            Fate::One(s) if direct != [s.clone()].into() => {
                format!("; in {period} its work belongs to {s}")
            }
            Fate::Split(list) if direct != list.iter().cloned().collect() => {
                format!("; in {period} its work belongs to {}", join_codes(&list))
            }
            _ => String::new(),
        };
        let advice = match (register.fate_on(code, start), direct.len()) {
            (Fate::One(s), _) => {
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

/// The first filled cell of the column holding `field`.
fn first_in_column(out: &ReadOutput, field: Field) -> Option<Cell> {
    let col = out.table.header.column(field)?;
    out.table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(col))
        .find(|c| !c.is_empty())
        .cloned()
}

/// `a, b, c` of unit codes.
pub(super) fn join_codes(list: &[UnitCode]) -> String {
    list.iter()
        .map(|u| u.0.as_str())
        .collect::<Vec<_>>()
        .join(", ")
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
    fn the_place_of_a_committee_line() {
        assert_eq!(
            place_of("ỦY BAN NHÂN DÂN HUYỆN MƯỜNG CHÀ").as_deref(),
            Some("HUYỆN MƯỜNG CHÀ")
        );
        assert_eq!(
            place_of("ỦY BAN NHÂN DÂN XÃ MƯỜNG CHÀ").as_deref(),
            Some("XÃ MƯỜNG CHÀ")
        );
        assert_eq!(place_of("SỞ TƯ PHÁP"), None);
    }

    #[test]
    fn the_letterhead_names_the_unit() {
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
    }

    #[test]
    fn a_unit_that_had_ended_is_refused_naming_its_successor() {
        let reference = Reference::bundled().unwrap();
        let c = reference.campaign(2023).unwrap();
        let aug2025 = Period::Month {
            year: 2025,
            month: 8,
        };
        let p = not_in_period(
            c,
            "Sở Kế hoạch và Đầu tư",
            Source::Preamble,
            aug2025,
            &[UnitCode("so-khdt".into())],
        );
        assert_eq!(p.code, ReasonCode::UnitAbolished);
        assert!(
            p.text().contains("it was merged into so-tai-chinh"),
            "{}",
            p.text()
        );
        assert!(p.text().contains("from the lines above the table"));
    }
}
