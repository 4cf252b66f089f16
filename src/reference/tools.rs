//! The work an official does on reference folders: make next year's
//! campaign from an earlier one (`reference new`), check a folder before
//! using it (`reference check`), and say what changed between two
//! campaigns in sentences to hold against the new letter (`reference diff`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::campaign::Campaign;
use super::campaign_files::CAMPAIGN_FILES;
use super::error::ReferenceError;
use super::loading::{Reference, read_file};
use super::matching::Match;
use super::register::{Fate, Register};
use super::settings::ReportSettings;
use super::types::{Due, Obligation, Unit};
use crate::domain::{Period, UnitCode, UnitKind};
use crate::msg;

/// What `reference new` did: the files it wrote and what the official must
/// check, one sentence each.
#[derive(Debug)]
pub struct NewCampaign {
    pub written: Vec<PathBuf>,
    pub notes: Vec<String>,
}

/// Writes a complete reference folder to `out` (which must not exist or be
/// empty): the register, every campaign of `reference`, and a campaign for
/// `year` made from campaign `from`: its themes, sub-themes, HRC priorities,
/// forms, languages and keyword rules copied, its peak periods left as a
/// header row for the department to fill from its new letter, and its
/// obligations moved to `year` and to the kinds of units that exist then
/// (a kind that no longer exists gives way to the kinds of its units'
/// successors). Errors: `from` missing, `year` already there, `out` in use
/// or not writable.
pub fn new_campaign(
    reference: &Reference,
    year: i32,
    from: i32,
    out: &Path,
) -> Result<NewCampaign, ReferenceError> {
    let source = reference
        .campaign(from)
        .ok_or_else(|| ReferenceError::File {
            file: reference.origin.clone(),
            message: msg!(
                "reference-new-no-source",
                from = from.to_string(),
                years = reference.years_list()
            ),
        })?;
    if reference.campaigns.contains_key(&year) {
        return Err(ReferenceError::File {
            file: reference.origin.clone(),
            message: msg!("reference-new-year-exists", year = year.to_string()),
        });
    }
    if out.exists()
        && std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(ReferenceError::File {
            file: out.display().to_string(),
            message: msg!("reference-new-out-not-empty"),
        });
    }
    let register = &source.register;
    let mut written = Vec::new();
    let mut write = |rel: String, text: &str| -> Result<(), ReferenceError> {
        let path = out.join(rel);
        crate::atomic::write_bytes(&path, text.as_bytes()).map_err(|e| ReferenceError::File {
            file: path.display().to_string(),
            message: msg!("reference-new-cannot-write", error = e.to_string()),
        })?;
        written.push(path);
        Ok(())
    };
    let (units, lineage) = register_csv(register);
    write("units.csv".into(), &units)?;
    write("report_settings.csv".into(), &reference.report.csv())?;
    let mut notes = Vec::new();
    // a register without lineage (the layout before it) gets none invented:
    // `reference check` then asks for it
    if register.lineage.is_empty() {
        let ended = register
            .units
            .iter()
            .filter(|u| u.valid_to.is_some())
            .count();
        if ended > 0 {
            notes.push(msg!("reference-new-no-lineage", ended = ended).to_string());
        }
    } else {
        write("unit_lineage.csv".into(), &lineage)?;
    }
    for (y, c) in &reference.campaigns {
        for (file, text) in &c.texts {
            write(format!("{y}/{file}"), text)?;
        }
    }
    for file in CAMPAIGN_FILES {
        let text = source.texts.get(file).cloned().unwrap_or_default();
        let text = match file {
            "peak_periods.csv" => {
                notes.push(
                    msg!(
                        "reference-new-fill-peaks",
                        year = year.to_string(),
                        from = from.to_string()
                    )
                    .to_string(),
                );
                text.lines().next().unwrap_or_default().to_string() + "\n"
            }
            "obligations.csv" => obligations_for(source, year, &mut notes),
            _ => text,
        };
        write(format!("{year}/{file}"), &text)?;
    }
    notes.push(msg!("reference-new-check-obligations", year = year.to_string()).to_string());
    notes.extend(issuer_warning(register, &reference.report, year));
    Ok(NewCampaign { written, notes })
}

/// A sentence when the `year` report would go out under an issuing body
/// (`issuer_name` of `settings`) that the register says no longer existed
/// by December of that year, naming what became of it.
pub fn issuer_warning(register: &Register, settings: &ReportSettings, year: i32) -> Option<String> {
    let name = settings.get("issuer_name", false);
    let december = Period::Month { year, month: 12 };
    let Match::Outside(list) = register.match_unit(name, december) else {
        return None;
    };
    let code = list.first()?;
    let what = register
        .what_became_of_msg(code)
        .unwrap_or_else(|| msg!("reference-issuer-ended"));
    Some(
        msg!(
            "reference-issuer-warning",
            year = year.to_string(),
            name = name,
            code = code.to_string(),
            what = what
        )
        .to_string(),
    )
}

/// The register as `units.csv` and `unit_lineage.csv` texts.
pub fn register_csv(r: &Register) -> (String, String) {
    let mut units = csv::Writer::from_writer(Vec::new());
    let _ = units.write_record(super::register::UNIT_COLUMNS);
    for u in &r.units {
        let _ = units.write_record([
            u.code.0.as_str(),
            &u.name_vi,
            u.kind.as_str(),
            u.parent.as_ref().map(|p| p.0.as_str()).unwrap_or(""),
            &u.valid_from.to_string(),
            &u.valid_to.map(|d| d.to_string()).unwrap_or_default(),
            &u.aliases.join("|"),
            u.admin_code.as_deref().unwrap_or(""),
            &u.status,
            &u.source,
        ]);
    }
    let mut lineage = csv::Writer::from_writer(Vec::new());
    let _ = lineage.write_record(super::register::LINEAGE_COLUMNS);
    for l in &r.lineage {
        let _ = lineage.write_record([
            l.predecessor.0.as_str(),
            l.successor.as_ref().map(|s| s.0.as_str()).unwrap_or(""),
            &l.date.to_string(),
            l.kind.as_str(),
            &l.share.map(|s| s.to_string()).unwrap_or_default(),
            &l.status,
            &l.source,
        ]);
    }
    let text = |w: csv::Writer<Vec<u8>>| {
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    };
    (text(units), text(lineage))
}

/// `date` moved by `years`, the 29th of February to the 28th.
fn shift(date: NaiveDate, years: i32) -> NaiveDate {
    let y = date.year() + years;
    NaiveDate::from_ymd_opt(y, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, date.month(), 28))
        .unwrap_or(date)
}

fn shift_period(p: Period, years: i32) -> Period {
    match p {
        Period::Year(y) => Period::Year(y + years),
        Period::Month { year, month } => Period::Month {
            year: year + years,
            month,
        },
        Period::Quarter { year, quarter } => Period::Quarter {
            year: year + years,
            quarter,
        },
    }
}

/// The first day of the campaign `source`: units that ended before it are
/// not its units, and their successors were already asked by it.
fn source_start(source: &Campaign) -> NaiveDate {
    Period::Year(source.year).bounds().0
}

/// The obligations of `source` moved to `year`, as `obligations.csv`, with
/// a note for each kind of unit that gave way to its successors' kinds.
fn obligations_for(source: &Campaign, year: i32, notes: &mut Vec<String>) -> String {
    let years = year - source.year;
    let register = &source.register;
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "period_kind",
        "unit_kinds",
        "first_period",
        "last_period",
        "due_date",
        "due_day",
    ]);
    for ob in &source.obligations {
        let first = shift_period(ob.first, years);
        let last = shift_period(ob.last, years);
        let (start, last_day) = (first.bounds().0, last.bounds().1);
        // an annual report is owed by the units of its due date; a monthly
        // one by the units of each month
        let (start, end, until) = match ob.due {
            Due::Date(d) => (
                shift(d, years),
                shift(d, years),
                shift(d, years).to_string(),
            ),
            Due::DayOfMonth(_) => (start, last_day, last.to_string()),
        };
        // every kind with a unit during the obligation's periods, and the
        // kinds of the successors of those that end before its last day
        let mut kinds: Vec<UnitKind> = Vec::new();
        let add = |k: UnitKind, kinds: &mut Vec<UnitKind>| {
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        };
        for kind in &ob.unit_kinds {
            let during: Vec<&Unit> = register
                .units
                .iter()
                .filter(|u| {
                    u.kind == *kind
                        && u.valid_from <= end
                        && u.valid_to.is_none_or(|to| to >= start)
                })
                .collect();
            if !during.is_empty() {
                add(*kind, &mut kinds);
            }
            let mut after = BTreeSet::new();
            for u in register.units.iter().filter(|u| {
                u.kind == *kind
                    && u.valid_to.is_some_and(|to| to < end)
                    && u.valid_to.is_some_and(|to| to >= source_start(source))
            }) {
                let successors = match register.fate_on(&u.code, end) {
                    Fate::One(s) => vec![s],
                    Fate::Split(list) => list,
                    _ => Vec::new(),
                };
                for s in successors {
                    if let Some(su) = register.unit(&s).filter(|su| su.kind != *kind) {
                        after.insert(su.kind);
                    }
                }
            }
            let named: Vec<&str> = after.iter().map(|k| k.as_str()).collect();
            match (during.is_empty(), named.is_empty()) {
                (false, true) => {}
                (true, true) => notes.push(
                    msg!(
                        "reference-new-kind-gone",
                        kind = kind.as_str(),
                        until = until.clone(),
                        period = ob.first.kind()
                    )
                    .to_string(),
                ),
                (during_none, false) => notes.push(
                    msg!(
                        if during_none {
                            "reference-new-kind-replaced"
                        } else {
                            "reference-new-kind-added"
                        },
                        kind = kind.as_str(),
                        until = until.clone(),
                        successors = named.join(", "),
                        period = ob.first.kind()
                    )
                    .to_string(),
                ),
            }
            for k in after {
                add(k, &mut kinds);
            }
        }
        if kinds.is_empty() {
            notes.push(
                msg!(
                    "reference-new-obligation-nobody",
                    period = ob.first.kind(),
                    first = first.to_string(),
                    last = last.to_string(),
                    year = year.to_string()
                )
                .to_string(),
            );
            continue;
        }
        let (due_date, due_day) = match ob.due {
            Due::Date(d) => (shift(d, years).to_string(), String::new()),
            Due::DayOfMonth(d) => (String::new(), d.to_string()),
        };
        let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        let _ = w.write_record([
            ob.first.kind(),
            &kinds.join("|"),
            &first.to_string(),
            &last.to_string(),
            &due_date,
            &due_day,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// What `reference check` found: errors make the folder unusable; warnings
/// are things an official should look at; `facts` say what the folder holds.
#[derive(Debug, Default)]
pub struct Checked {
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
    pub facts: Vec<String>,
}

/// Validates a reference folder (`None`: the bundled one): every file and
/// field, every date range, no two rows of one code valid on one day, a
/// closed lineage, and per campaign obligations that expect someone and
/// peak periods inside their year.
pub fn check(dir: Option<&Path>) -> Checked {
    let mut out = Checked::default();
    if let Some(dir) = dir
        && dir.join("units.csv").exists()
        && !dir.join("themes.csv").exists()
    {
        let read = |file: &str| read_file(&dir.join(file));
        let lineage = dir.join("unit_lineage.csv").exists();
        if !lineage {
            out.warnings.push(
                msg!(
                    "reference-check-no-lineage",
                    folder = dir.display().to_string()
                )
                .to_string(),
            );
        }
        match Register::check(&dir.display().to_string(), &read, lineage) {
            Ok((_, problems)) => out.errors.extend(problems.iter().map(|p| p.to_string())),
            Err(e) => out.errors.push(e.to_string()),
        }
        if !out.errors.is_empty() {
            return out;
        }
    }
    let reference = match Reference::load(dir) {
        Ok(r) => r,
        Err(e) => {
            out.errors.push(e.to_string());
            return out;
        }
    };
    for register in reference.registers() {
        if register.units.is_empty() {
            continue;
        }
        let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
        for l in &register.lineage {
            *by_kind.entry(l.kind.as_str()).or_default() += 1;
        }
        let kinds = by_kind
            .iter()
            .map(|(k, n)| msg!("reference-check-kind-count", n = *n, kind = *k).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        out.facts.push(
            msg!(
                "reference-check-register",
                origin = register.origin.clone(),
                units = register.units.len(),
                rows = register.lineage.len(),
                kinds = kinds
            )
            .to_string(),
        );
    }
    for (year, c) in &reference.campaigns {
        let expected = c.expected_reports();
        out.facts.push(
            msg!(
                "reference-check-campaign",
                year = year.to_string(),
                units = c.units.len(),
                reports = expected.len(),
                peaks = c.peaks.len()
            )
            .to_string(),
        );
        out.warnings.extend(issuer_warning(
            &c.register,
            &reference.report_for(*year),
            *year,
        ));
        if c.peaks.is_empty() {
            out.warnings
                .push(msg!("reference-check-no-peaks", year = year.to_string()).to_string());
        }
        for p in &c.peaks {
            if p.start.year() != *year && p.end.year() != *year {
                out.warnings.push(
                    msg!(
                        "reference-check-peak-outside",
                        year = year.to_string(),
                        peak = p.code.clone(),
                        start = p.start.to_string(),
                        end = p.end.to_string()
                    )
                    .to_string(),
                );
            }
        }
        for (i, ob) in c.obligations.iter().enumerate() {
            for kind in &ob.unit_kinds {
                let owes = expected.iter().any(|e| {
                    c.unit(&e.unit).is_some_and(|u| u.kind == *kind)
                        && ob.first.through(ob.last).contains(&e.period)
                });
                if !owes {
                    out.warnings.push(
                        msg!(
                            "reference-check-obligation-nobody",
                            year = year.to_string(),
                            line = (i + 2).to_string(),
                            kind = kind.as_str()
                        )
                        .to_string(),
                    );
                }
            }
        }
    }
    out
}

/// What changed from campaign `a` to campaign `b`, in sentences: the units
/// that existed in each year (gone, with what became of them; new, with
/// what they came from), the peak periods and the obligations.
pub fn diff(a: &Campaign, b: &Campaign) -> Vec<String> {
    let mut out = diff_units(a, b);
    out.extend(diff_peaks(a, b));
    out.extend(diff_obligations(a, b));
    out
}

/// [`diff`] of the units: gone, new, and ending during the second year.
fn diff_units(a: &Campaign, b: &Campaign) -> Vec<String> {
    let mut out = Vec::new();
    let (ya, yb) = (a.year, b.year);
    let codes =
        |c: &Campaign| -> BTreeSet<UnitCode> { c.units.iter().map(|u| u.code.clone()).collect() };
    let (in_a, in_b) = (codes(a), codes(b));
    out.push(
        msg!(
            "reference-diff-units",
            a = in_a.len(),
            ya = ya.to_string(),
            b = in_b.len(),
            yb = yb.to_string(),
            both = in_a.intersection(&in_b).count()
        )
        .to_string(),
    );
    let reg = &b.register;
    let name = |code: &UnitCode| {
        reg.unit(code)
            .or_else(|| a.register.unit(code))
            .map(|u| format!("{code} ({})", u.name_vi))
            .unwrap_or_else(|| code.to_string())
    };
    let (_, end_b) = Period::Year(yb).bounds();
    for code in in_a.difference(&in_b) {
        let sentence = match reg.what_became_of_msg(code) {
            None => msg!(
                "reference-diff-gone",
                unit = name(code),
                ya = ya.to_string(),
                yb = yb.to_string()
            ),
            Some(what) => msg!("reference-diff-became", unit = name(code), what = what),
        };
        out.push(sentence.to_string());
    }
    for code in in_b.difference(&in_a) {
        let Some(u) = reg.unit(code) else { continue };
        let from: Vec<String> = reg
            .lineage
            .iter()
            .filter(|l| l.successor.as_ref() == Some(code))
            .map(|l| l.predecessor.to_string())
            .collect();
        let new = if from.is_empty() {
            msg!(
                "reference-diff-new",
                yb = yb.to_string(),
                unit = name(code),
                kind = u.kind.as_str(),
                from = u.valid_from.to_string()
            )
        } else {
            msg!(
                "reference-diff-new-taking-over",
                yb = yb.to_string(),
                unit = name(code),
                kind = u.kind.as_str(),
                from = u.valid_from.to_string(),
                predecessors = from.join(", ")
            )
        };
        out.push(new.to_string());
    }
    for u in b
        .units
        .iter()
        .filter(|u| u.valid_to.is_some_and(|to| to < end_b))
    {
        if in_a.contains(&u.code) {
            out.push(
                msg!(
                    "reference-diff-ends",
                    unit = name(&u.code),
                    yb = yb.to_string(),
                    to = u.valid_to.map(|d| d.to_string()).unwrap_or_default()
                )
                .to_string(),
            );
        }
    }
    out
}

/// [`diff`] of the peak periods, by code.
fn diff_peaks(a: &Campaign, b: &Campaign) -> Vec<String> {
    let mut out = Vec::new();
    let (ya, yb) = (a.year, b.year);
    for p in &a.peaks {
        match b.peaks.iter().find(|q| q.code == p.code) {
            None => out.push(
                msg!(
                    "reference-diff-peak-gone",
                    peak = p.code.clone(),
                    name = p.name_vi.clone(),
                    start = p.start.to_string(),
                    end = p.end.to_string(),
                    ya = ya.to_string(),
                    yb = yb.to_string()
                )
                .to_string(),
            ),
            Some(q)
                if (p.start.month(), p.start.day(), p.end.month(), p.end.day())
                    != (q.start.month(), q.start.day(), q.end.month(), q.end.day()) =>
            {
                out.push(
                    msg!(
                        "reference-diff-peak-moves",
                        peak = p.code.clone(),
                        start = p.start.to_string(),
                        end = p.end.to_string(),
                        ya = ya.to_string(),
                        new_start = q.start.to_string(),
                        new_end = q.end.to_string(),
                        yb = yb.to_string()
                    )
                    .to_string(),
                )
            }
            Some(q) if p.themes != q.themes => {
                let themes = |ts: &[crate::domain::ThemeCode]| {
                    ts.iter()
                        .map(|t| t.0.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                out.push(
                    msg!(
                        "reference-diff-peak-themes",
                        peak = p.code.clone(),
                        themes = themes(&p.themes),
                        ya = ya.to_string(),
                        new_themes = themes(&q.themes),
                        yb = yb.to_string()
                    )
                    .to_string(),
                )
            }
            Some(_) => {}
        }
    }
    for q in b
        .peaks
        .iter()
        .filter(|q| !a.peaks.iter().any(|p| p.code == q.code))
    {
        out.push(
            msg!(
                "reference-diff-peak-new",
                yb = yb.to_string(),
                peak = q.code.clone(),
                name = q.name_vi.clone(),
                start = q.start.to_string(),
                end = q.end.to_string()
            )
            .to_string(),
        );
    }
    if b.peaks.is_empty() {
        out.push(msg!("reference-diff-no-peaks", yb = yb.to_string()).to_string());
    }
    out
}

/// [`diff`] of the obligations, as sentences for each year, and the
/// reports each year expects.
fn diff_obligations(a: &Campaign, b: &Campaign) -> Vec<String> {
    let mut out = Vec::new();
    let (ya, yb) = (a.year, b.year);
    let expected = |c: &Campaign, ob: &Obligation| {
        let periods = ob.first.through(ob.last);
        c.expected_reports()
            .iter()
            .filter(|e| {
                periods.contains(&e.period)
                    && c.unit(&e.unit)
                        .is_some_and(|u| ob.unit_kinds.contains(&u.kind))
            })
            .count()
    };
    for (c, y) in [(a, ya), (b, yb)] {
        for ob in &c.obligations {
            let kinds: Vec<&str> = ob.unit_kinds.iter().map(|k| k.as_str()).collect();
            let due = match ob.due {
                Due::Date(d) => msg!("reference-diff-due-date", date = d.to_string()),
                Due::DayOfMonth(d) => msg!("reference-diff-due-day", day = d.to_string()),
            };
            let what = if ob.first == ob.last {
                msg!(
                    "reference-diff-one-report",
                    kind = ob.first.kind(),
                    period = ob.first.to_string()
                )
            } else {
                msg!(
                    "reference-diff-reports",
                    kind = ob.first.kind(),
                    first = ob.first.to_string(),
                    last = ob.last.to_string()
                )
            };
            out.push(
                msg!(
                    "reference-diff-obligation",
                    year = y.to_string(),
                    what = what,
                    kinds = kinds.join(", "),
                    due = due,
                    n = expected(c, ob)
                )
                .to_string(),
            );
        }
    }
    let total = |c: &Campaign| c.expected_reports().len();
    out.push(
        msg!(
            "reference-diff-total",
            a = total(a),
            ya = ya.to_string(),
            b = total(b),
            yb = yb.to_string()
        )
        .to_string(),
    );
    out
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::msg;

    #[test]
    fn a_diff_sentence_is_said_in_vietnamese() {
        let m = msg!(
            "reference-diff-obligation",
            year = "2026",
            what = msg!(
                "reference-diff-reports",
                kind = "monthly",
                first = "2026-06",
                last = "2026-12"
            ),
            kinds = "commune, ward",
            due = msg!("reference-diff-due-day", day = "15"),
            n = 1315
        );
        assert_eq!(
            m.say(Lang::En),
            "Obligation in 2026: monthly reports from 2026-06 to 2026-12 from every commune, ward, due on day 15 of the month reported: 1,315 reports expected."
        );
        assert_eq!(
            m.say(Lang::Vi),
            "Nghĩa vụ báo cáo năm 2026: các báo cáo tháng từ kỳ 2026-06 đến kỳ 2026-12 từ mọi đơn vị loại commune, ward, hạn ngày 15 của tháng được báo cáo: dự kiến 1.315 báo cáo."
        );
        let one = msg!(
            "reference-diff-one-report",
            kind = "annual",
            period = "2026"
        );
        assert_eq!(one.say(Lang::En), "an annual report for 2026");
        assert_eq!(one.say(Lang::Vi), "một báo cáo năm cho kỳ 2026");
    }
}
