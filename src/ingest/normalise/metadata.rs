//! Who sent the report, for which period, and when it was received: each
//! settled once per file, the first source found winning (flags, then
//! columns, JSON fields, lines above the table, the title line, the
//! letterhead, the file name and the file time), and every other source
//! that says otherwise noted.

use chrono::NaiveDate;

use super::words;
use crate::domain::{Period, UnitCode};
use crate::i18n::Msg;
use crate::ingest::cell::Cell;
use crate::ingest::dates::parse_date;
use crate::ingest::fields::Field;
use crate::ingest::legacy::or_legacy;
use crate::ingest::readers::ReadOutput;
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::{Preamble, read_preamble};
use crate::msg;
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
    /// sentence each (in the run's language), for the per-file summary.
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
    /// Where the value came from, said after it (`from the file name`).
    fn describe(self) -> Msg {
        match self {
            Source::Flag => msg!("normalise-from-flag"),
            Source::Column => msg!("normalise-from-column"),
            Source::Envelope => msg!("normalise-from-envelope"),
            Source::Preamble => msg!("normalise-from-preamble"),
            Source::Title => msg!("normalise-from-title"),
            Source::Letterhead => msg!("normalise-from-letterhead"),
            Source::FileName => msg!("normalise-from-file-name"),
        }
    }

    /// The source itself (`the file name`).
    fn noun(self) -> Msg {
        match self {
            Source::Flag => msg!("normalise-source-flag"),
            Source::Column => msg!("normalise-source-column"),
            Source::Envelope => msg!("normalise-source-envelope"),
            Source::Preamble => msg!("normalise-source-preamble"),
            Source::Title => msg!("normalise-source-title"),
            Source::Letterhead => msg!("normalise-source-letterhead"),
            Source::FileName => msg!("normalise-source-file-name"),
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
            disagreements.push(
                msg!(
                    "normalise-disagree-period",
                    source = src.noun(),
                    other = other.to_string(),
                    by = period_src.noun(),
                    period = period.to_string(),
                )
                .to_string(),
            );
        }
    }
    for (text, src) in present(&units) {
        if let Some(Match::Found(other)) = or_legacy(text, |t| {
            Some(campaign.match_unit(t, period)).filter(|m| *m != Match::NotFound)
        }) && other != unit
        {
            disagreements.push(
                msg!(
                    "normalise-disagree-unit",
                    source = src.noun(),
                    other = other.to_string(),
                    by = unit_src.noun(),
                    unit = unit.to_string(),
                )
                .to_string(),
            );
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
            (Some(title), _) => msg!("normalise-period-span", title = title),
            (None, true) => msg!("normalise-period-missing-json"),
            (None, false) => msg!("normalise-period-missing"),
        };
        Problem::new(ReasonCode::PeriodMissing, text)
    })?;
    let period = or_legacy(&text, Period::parse).ok_or_else(|| {
        Problem::new(
            ReasonCode::PeriodInvalid,
            msg!(
                "normalise-period-invalid",
                text = &text,
                source = src.describe()
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
            msg!(
                "normalise-no-reference",
                year = period.year().to_string(),
                years = reference.years_list(),
                latest = reference
                    .campaigns
                    .keys()
                    .next_back()
                    .copied()
                    .unwrap_or(2023)
                    .to_string(),
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
                msg!("normalise-unit-missing-json")
            } else {
                msg!("normalise-unit-missing")
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
            msg!(
                "normalise-unit-ambiguous",
                text = &text,
                source = src.describe(),
                units = join_codes(&list),
            ),
        )),
        Match::NotFound => {
            let names = campaign.units.iter().map(|u| u.name_vi.as_str());
            let said = match crate::text::did_you_mean(&text, names) {
                Some(near) => msg!(
                    "normalise-unit-unknown-near",
                    text = &text,
                    source = src.describe(),
                    near = near,
                ),
                None => msg!(
                    "normalise-unit-unknown",
                    text = &text,
                    source = src.describe()
                ),
            };
            Err(Problem::new(ReasonCode::UnitUnknown, said))
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
                msg!("normalise-received-invalid", cell = cell.to_string()),
            )),
        },
        None => modified.ok_or(Problem::new(
            ReasonCode::ReceivedMissing,
            msg!("normalise-received-missing"),
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
        && let Some(what) = register.what_became_of_msg(code)
    {
        // through later changes, the units of the period's first day, when
        // they are not the successors already named
        let direct: std::collections::BTreeSet<UnitCode> = register
            .changes_of(code)
            .iter()
            .filter_map(|l| l.successor.clone())
            .collect();
        let belongs = |units: String| {
            msg!(
                "normalise-unit-now-belongs",
                period = period.said(),
                units = units
            )
        };
        let now = match register.fate_on(code, start) {
            Fate::One(s) if direct != [s.clone()].into() => belongs(s.to_string()),
            Fate::Split(list) if direct != list.iter().cloned().collect() => {
                belongs(join_codes(&list))
            }
            _ => Msg::verbatim(""),
        };
        let advice = match (register.fate_on(code, start), direct.len()) {
            (Fate::One(s), _) => msg!("normalise-advice-successor", unit = s.to_string()),
            (_, 0) => msg!("normalise-advice-check"),
            _ => msg!("normalise-advice-successors"),
        };
        return Problem::new(
            ReasonCode::UnitAbolished,
            msg!(
                "normalise-unit-abolished",
                text = text,
                source = src.describe(),
                code = u.code.to_string(),
                name = &u.name_vi,
                period = period.said(),
                what = what,
                now = now,
                advice = advice,
            ),
        );
    }
    let spans: Vec<Msg> = units
        .iter()
        .filter_map(|code| register.unit(code))
        .map(|u| {
            msg!(
                "normalise-unit-existed",
                unit = u.code.to_string(),
                span = words::span(u)
            )
        })
        .collect();
    Problem::new(
        ReasonCode::UnitNotValid,
        msg!(
            "normalise-unit-not-valid",
            text = text,
            source = src.describe(),
            period = period.said(),
            spans = spans,
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

    #[test]
    fn a_file_that_names_no_unit_is_refused_in_vietnamese() {
        let reference = Reference::bundled().unwrap();
        let c = reference.campaign(2023).unwrap();
        let none: Candidates = [
            (None, Source::Flag),
            (None, Source::Column),
            (None, Source::Envelope),
            (None, Source::Preamble),
            (None, Source::Letterhead),
            (None, Source::FileName),
        ];
        let p = unit(&none, c, Period::Year(2023), false).unwrap_err();
        assert_eq!(p.code, ReasonCode::UnitMissing);
        assert_eq!(
            crate::i18n::reason(&[p.msg], crate::i18n::Lang::Vi),
            "Tệp không cho biết đơn vị nào gửi báo cáo: hãy thêm dòng 'Đơn vị: <tên đơn vị>' phía trên bảng, thêm cột 'Đơn vị', đặt tên tệp theo mẫu <mã đơn vị>_<kỳ báo cáo>.csv (ví dụ pvhtt-tuan-giao_2023-07.csv), hoặc dùng --unit."
        );
        // a unit that had ended, said in Vietnamese with its source
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
        let vi = p.msg.say(crate::i18n::Lang::Vi);
        assert!(
            vi.starts_with(
                "đơn vị 'Sở Kế hoạch và Đầu tư' (lấy từ các dòng phía trên bảng) là so-khdt ("
            ),
            "{vi}"
        );
    }
}
