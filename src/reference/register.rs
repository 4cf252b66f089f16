//! The dated register of units (`units.csv`) and its lineage
//! (`unit_lineage.csv`): every unit that ever reported, with the days it
//! existed, and what became of each unit that ended (merged, split, renamed,
//! abolished). Matching a report to its unit and expecting reports both ask
//! the register "which units existed on this day"; history across a reform
//! asks it "which of today's units does this old unit's work belong to".

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Deserialize;

use super::error::ReferenceError;
use super::files::{Ctx, known_rows, list};
use super::matching::{Match, UnitIndex};
use super::types::Unit;
use crate::domain::{Period, UnitCode, UnitKind};

/// What happened to a unit on the day it ended (`unit_lineage.change_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Joined another unit, which carries on its work (one successor).
    Merged,
    /// Its work went to several successors.
    Split,
    /// The same body under a new name and code (one successor).
    Renamed,
    /// Ended; its successors, if any, took over its territory or work.
    Abolished,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Merged,
        ChangeKind::Split,
        ChangeKind::Renamed,
        ChangeKind::Abolished,
    ];

    /// The code as `unit_lineage.csv` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Merged => "merged",
            ChangeKind::Split => "split",
            ChangeKind::Renamed => "renamed",
            ChangeKind::Abolished => "abolished",
        }
    }

    fn parse(s: &str) -> Option<ChangeKind> {
        ChangeKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One row of the lineage: `predecessor` ended the day before `date`, and
/// `successor` (none for a unit abolished without one) carries on part or
/// all of its work. A split lists one row per successor, each with the
/// share of the predecessor the source states (a fraction, 0 < share <= 1),
/// or none.
#[derive(Debug, Clone, PartialEq)]
pub struct Lineage {
    pub predecessor: UnitCode,
    pub successor: Option<UnitCode>,
    pub date: NaiveDate,
    pub kind: ChangeKind,
    pub share: Option<f64>,
    /// How sure the source is: `confirmed`, `partly-confirmed`, `inferred`, ...
    pub status: String,
    pub source: String,
}

/// Where a unit's work belongs on a chosen day, following the lineage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// The unit itself existed that day.
    Same,
    /// One unit of that day carries on all of its work (merged, renamed, or
    /// abolished with one successor, possibly through several changes).
    One(UnitCode),
    /// Several units of that day took parts of it: never assigned to one.
    Split(Vec<UnitCode>),
    /// It ended with no successor.
    Ended,
    /// It did not exist yet.
    NotYet,
}

/// Every unit with its dates, and the lineage between them.
#[derive(Debug, Default)]
pub struct Register {
    pub units: Vec<Unit>,
    pub lineage: Vec<Lineage>,
    /// Where it was read from (`data/reference/units.csv`), for messages.
    pub origin: String,
    /// The names to match, built the first time a name is matched (a
    /// query over the units never needs it).
    index: std::sync::OnceLock<UnitIndex>,
}

#[derive(Deserialize)]
struct UnitRow {
    unit_code: String,
    name_vi: String,
    unit_kind: String,
    #[serde(default)]
    parent_code: String,
    valid_from: String,
    #[serde(default)]
    valid_to: String,
    #[serde(default)]
    aliases: String,
    #[serde(default)]
    admin_code: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    source: String,
}

#[derive(Deserialize)]
struct LineageRow {
    predecessor_code: String,
    #[serde(default)]
    successor_code: String,
    change_date: String,
    change_kind: String,
    #[serde(default)]
    share: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    source: String,
}

/// The columns of `units.csv`; the first five are required.
pub(super) const UNIT_COLUMNS: [&str; 10] = [
    "unit_code",
    "name_vi",
    "unit_kind",
    "parent_code",
    "valid_from",
    "valid_to",
    "aliases",
    "admin_code",
    "status",
    "source",
];

/// The columns of `unit_lineage.csv`.
pub(super) const LINEAGE_COLUMNS: [&str; 7] = [
    "predecessor_code",
    "successor_code",
    "change_date",
    "change_kind",
    "share",
    "status",
    "source",
];

/// A unit's rows are `(line, unit)`; the line is kept for messages.
type Lined<T> = Vec<(u64, T)>;

impl Register {
    /// Reads `units.csv` and, when `lineage` is true, `unit_lineage.csv`
    /// from `dir` through `read`, and validates both: every field, no two
    /// rows of one code valid on the same day, and a closed lineage. The
    /// first problem is the error; [`Register::check`] lists them all.
    pub fn load(
        dir: &str,
        read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
        lineage: bool,
    ) -> Result<Register, ReferenceError> {
        let (register, problems) = Register::check(dir, read, lineage)?;
        match problems.into_iter().next() {
            Some(first) => Err(first),
            None => Ok(register),
        }
    }

    /// Like [`Register::load`], but returns the register with every
    /// problem of its dates and lineage; an unreadable field is still an
    /// error at once.
    pub fn check(
        dir: &str,
        read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
        lineage: bool,
    ) -> Result<(Register, Vec<ReferenceError>), ReferenceError> {
        let c = Ctx::new(dir, "units.csv");
        let unit_rows = known_rows::<UnitRow>(&c, read, &UNIT_COLUMNS)?;
        let mut units: Lined<Unit> = Vec::new();
        let mut problems = Vec::new();
        // codes seen so far, and the codes of the file (for parents): a
        // register of thousands of units is checked in one pass
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        let codes: std::collections::HashSet<&str> = unit_rows
            .iter()
            .map(|(_, u)| u.unit_code.as_str())
            .collect();
        for (line, r) in &unit_rows {
            let line = *line;
            let code = c.code(line, "unit_code", &r.unit_code)?;
            let Some(kind) = UnitKind::parse(&r.unit_kind) else {
                return Err(c.err(
                    line,
                    "unit_kind",
                    crate::msg!(
                        "reference-not-one-of",
                        value = r.unit_kind.clone(),
                        codes = UnitKind::codes()
                    ),
                ));
            };
            let parent = match r.parent_code.as_str() {
                "" => None,
                p if codes.contains(p) => Some(UnitCode(p.to_string())),
                p => {
                    return Err(c.err(
                        line,
                        "parent_code",
                        crate::msg!("reference-unknown-parent", code = p),
                    ));
                }
            };
            let valid_from = c.date(line, "valid_from", &r.valid_from)?;
            let valid_to = match r.valid_to.as_str() {
                "" => None,
                s => Some(c.date(line, "valid_to", s)?),
            };
            if let Some(to) = valid_to
                && to < valid_from
            {
                problems.push(c.err(
                    line,
                    "valid_to",
                    crate::msg!(
                        "reference-valid-to-before-from",
                        to = to.to_string(),
                        from = valid_from.to_string()
                    ),
                ));
            }
            let unit = Unit {
                code: UnitCode(code),
                name_vi: c.nonempty(line, "name_vi", &r.name_vi)?,
                kind,
                parent,
                valid_from,
                valid_to,
                aliases: list(&r.aliases),
                admin_code: Some(r.admin_code.clone()).filter(|a| !a.is_empty()),
                status: r.status.clone(),
                source: r.source.clone(),
            };
            // one code, one row: a unit's new name is an alias, or a new
            // code with a lineage row `renamed`
            if let Some((other_line, other)) = seen.get(&unit.code.0).map(|&i| &units[i]) {
                let message = if other.overlaps(&unit) {
                    crate::msg!(
                        "reference-code-overlaps",
                        code = unit.code.to_string(),
                        span = unit.span_msg(),
                        other = other_line.to_string(),
                        other_span = other.span_msg()
                    )
                } else {
                    crate::msg!(
                        "reference-code-twice",
                        code = unit.code.to_string(),
                        other = other_line.to_string()
                    )
                };
                problems.push(c.err(line, "unit_code", message));
            } else {
                seen.insert(unit.code.0.clone(), units.len());
            }
            units.push((line, unit));
        }
        let mut register = Register {
            lineage: Vec::new(),
            origin: format!("{dir}/units.csv"),
            index: Default::default(),
            units: Vec::new(),
        };
        if lineage {
            let (rows, more) = read_lineage(dir, read, &units)?;
            register.lineage = rows;
            problems.extend(more);
        }
        register.units = units.into_iter().map(|(_, u)| u).collect();
        Ok((register, problems))
    }

    /// The units that existed on some day of `period`.
    pub fn units_in(&self, period: Period) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.valid_during(period))
    }

    /// The units that existed on `day`.
    pub fn units_on(&self, day: NaiveDate) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.valid_on(day))
    }

    /// The register's row of `code`.
    pub fn unit(&self, code: &UnitCode) -> Option<&Unit> {
        self.units.iter().find(|u| &u.code == code)
    }

    /// The unit a name, alias or code designates among the units that
    /// existed during `period`; [`Match::Outside`] when it names only units
    /// that did not.
    pub fn match_unit(&self, text: &str, period: Period) -> Match<UnitCode> {
        let candidates = self
            .index
            .get_or_init(|| UnitIndex::build(&self.units))
            .candidates(&self.units, text);
        if candidates.is_empty() {
            return Match::NotFound;
        }
        let codes = |ix: &mut dyn Iterator<Item = &usize>| -> Vec<UnitCode> {
            let mut out: Vec<UnitCode> = Vec::new();
            for i in ix {
                let code = &self.units[*i].code;
                if !out.contains(code) {
                    out.push(code.clone());
                }
            }
            out
        };
        let valid = codes(
            &mut candidates
                .iter()
                .filter(|i| self.units[**i].valid_during(period)),
        );
        match valid.len() {
            1 => Match::Found(valid.into_iter().next().unwrap_or_default()),
            0 => Match::Outside(codes(&mut candidates.iter())),
            _ => Match::Ambiguous(valid),
        }
    }

    /// The lineage rows that start from `code`.
    pub fn changes_of(&self, code: &UnitCode) -> Vec<&Lineage> {
        self.lineage
            .iter()
            .filter(|l| &l.predecessor == code)
            .collect()
    }

    /// What became of `code`, as the end of a sentence about it: `was
    /// merged into so-tai-chinh (Sở Tài chính) on 2025-03-01`, `was
    /// abolished on 2025-07-01; its successors are ...`; `None` when the
    /// lineage says nothing of it.
    pub fn what_became_of(&self, code: &UnitCode) -> Option<String> {
        self.what_became_of_msg(code).map(|m| m.to_string())
    }

    /// [`Register::what_became_of`] as a message, to be said in either
    /// language.
    pub fn what_became_of_msg(&self, code: &UnitCode) -> Option<crate::i18n::Msg> {
        let changes = self.changes_of(code);
        let first = changes.first()?;
        let successors: Vec<String> = changes
            .iter()
            .filter_map(|l| l.successor.as_ref())
            .map(|s| match self.unit(s) {
                Some(u) => format!("{s} ({})", u.name_vi),
                None => s.to_string(),
            })
            .collect();
        let list = successors.join(", ");
        let date = first.date.to_string();
        let id = match first.kind {
            ChangeKind::Merged => "reference-became-merged",
            ChangeKind::Split => "reference-became-split",
            ChangeKind::Renamed => "reference-became-renamed",
            ChangeKind::Abolished if successors.is_empty() => "reference-became-abolished",
            ChangeKind::Abolished => "reference-became-abolished-successors",
        };
        Some(crate::msg!(id, list = list, date = date))
    }

    /// Where the work of `code` belongs on `day`: itself if it existed,
    /// else the units of that day its lineage leads to.
    pub fn fate_on(&self, code: &UnitCode, day: NaiveDate) -> Fate {
        let rows: Vec<&Unit> = self.units.iter().filter(|u| &u.code == code).collect();
        if rows.iter().any(|u| u.valid_on(day)) {
            return Fate::Same;
        }
        if !rows.is_empty() && rows.iter().all(|u| u.valid_from > day) {
            return Fate::NotYet;
        }
        let mut found = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut whole = true;
        self.descend(code, day, &mut found, &mut seen, &mut whole);
        let found: Vec<UnitCode> = found.into_iter().collect();
        match found.as_slice() {
            [] => Fate::Ended,
            // all of its work went, change after change, to one unit
            [one] if whole => Fate::One(one.clone()),
            // split somewhere on the way (even if one branch ended since):
            // never all of it to one unit
            _ => Fate::Split(found),
        }
    }

    /// Follows the lineage from `code` to the units that exist on `day`;
    /// `whole` turns false where the work divided (a change with several
    /// successors) or a branch ended.
    fn descend(
        &self,
        code: &UnitCode,
        day: NaiveDate,
        found: &mut BTreeSet<UnitCode>,
        seen: &mut BTreeSet<UnitCode>,
        whole: &mut bool,
    ) {
        if !seen.insert(code.clone()) {
            return;
        }
        let changes: Vec<&Lineage> = self
            .changes_of(code)
            .into_iter()
            .filter(|l| l.date <= day)
            .collect();
        if changes.len() != 1 || changes.iter().any(|l| l.successor.is_none()) {
            *whole = false;
        }
        for l in changes {
            let Some(next) = &l.successor else { continue };
            if self
                .units
                .iter()
                .any(|u| &u.code == next && u.valid_on(day))
            {
                found.insert(next.clone());
            } else {
                self.descend(next, day, found, seen, whole);
            }
        }
    }

    /// Every day on which some unit's [`Fate`] may change: the first days of
    /// validity, the days after the last, and the change dates, in order.
    pub fn turning_days(&self) -> Vec<NaiveDate> {
        let mut days = BTreeSet::new();
        for u in &self.units {
            days.insert(u.valid_from);
            if let Some(next) = u.valid_to.and_then(|d| d.succ_opt()) {
                days.insert(next);
            }
        }
        days.extend(self.lineage.iter().map(|l| l.date));
        days.into_iter().collect()
    }
}

/// Reads `unit_lineage.csv` against the register's `units`: the rows it
/// could read, and the problems that do not stop the reading (each names
/// its file, line and field); an error stops it.
fn read_lineage(
    dir: &str,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    units: &Lined<Unit>,
) -> Result<(Vec<Lineage>, Vec<ReferenceError>), ReferenceError> {
    let c = Ctx::new(dir, "unit_lineage.csv");
    let mut problems = Vec::new();
    let out = lineage_rows(&c, read, units, &mut problems)?;
    let by_pred = check_changes(&c, &out, &mut problems);
    check_closed(dir, units, &by_pred, &mut problems);
    Ok((out.into_iter().map(|(_, l)| l).collect(), problems))
}

/// The rows of `unit_lineage.csv`, each checked by itself: a known kind,
/// date and share, units of the register, a successor that existed on the
/// day, and a predecessor whose last day is the day before.
fn lineage_rows(
    c: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    units: &Lined<Unit>,
    problems: &mut Vec<ReferenceError>,
) -> Result<Lined<Lineage>, ReferenceError> {
    let mut out: Lined<Lineage> = Vec::new();
    let known = |code: &str| units.iter().find(|(_, u)| u.code.0 == code);
    for (line, r) in known_rows::<LineageRow>(c, read, &LINEAGE_COLUMNS)? {
        let kind = ChangeKind::parse(&r.change_kind).ok_or_else(|| {
            c.err(
                line,
                "change_kind",
                crate::msg!("reference-change-kind", value = r.change_kind.clone()),
            )
        })?;
        let date = c.date(line, "change_date", &r.change_date)?;
        let share = match r.share.as_str() {
            "" => None,
            s => Some(
                s.parse::<f64>()
                    .ok()
                    .filter(|x| *x > 0.0 && *x <= 1.0)
                    .ok_or_else(|| {
                        c.err(line, "share", crate::msg!("reference-bad-share", value = s))
                    })?,
            ),
        };
        let Some((_, pred)) = known(&r.predecessor_code) else {
            problems.push(c.err(
                line,
                "predecessor_code",
                crate::msg!("reference-unknown-unit", code = r.predecessor_code.clone()),
            ));
            continue;
        };
        let successor = match r.successor_code.as_str() {
            "" => None,
            s => match known(s) {
                Some((_, u)) => {
                    if !u.valid_on(date) {
                        problems.push(c.err(
                            line,
                            "successor_code",
                            crate::msg!(
                                "reference-successor-not-valid",
                                code = s,
                                date = date.to_string(),
                                span = u.span_msg()
                            ),
                        ));
                    }
                    Some(u.code.clone())
                }
                None => {
                    problems.push(c.err(
                        line,
                        "successor_code",
                        crate::msg!("reference-unknown-unit", code = s),
                    ));
                    continue;
                }
            },
        };
        if successor.is_none() && kind != ChangeKind::Abolished {
            problems.push(c.err(
                line,
                "successor_code",
                crate::msg!("reference-needs-successor", kind = kind.as_str()),
            ));
        }
        if share.is_some() && kind != ChangeKind::Split {
            problems.push(c.err(line, "share", crate::msg!("reference-share-not-split")));
        }
        if pred.valid_to.and_then(|d| d.succ_opt()) != Some(date) {
            problems.push(c.err(
                line,
                "change_date",
                crate::msg!(
                    "reference-change-not-after-end",
                    code = pred.code.to_string(),
                    span = pred.span_msg(),
                    date = date.to_string()
                ),
            ));
        }
        out.push((
            line,
            Lineage {
                predecessor: pred.code.clone(),
                successor,
                date,
                kind,
                share,
                status: r.status,
                source: r.source,
            },
        ));
    }
    Ok(out)
}

/// Per predecessor: one kind of change; merged and renamed name one
/// successor, a split at least two; shares of a split add up to at most
/// 1. Returns the rows by predecessor.
fn check_changes<'l>(
    c: &Ctx,
    out: &'l Lined<Lineage>,
    problems: &mut Vec<ReferenceError>,
) -> BTreeMap<&'l UnitCode, Vec<(u64, &'l Lineage)>> {
    let mut by_pred: BTreeMap<&UnitCode, Vec<(u64, &Lineage)>> = BTreeMap::new();
    for (line, l) in out {
        by_pred.entry(&l.predecessor).or_default().push((*line, l));
    }
    for (pred, rows) in &by_pred {
        let (line, first) = rows[0];
        if let Some((l, other)) = rows
            .iter()
            .find(|(_, o)| o.kind != first.kind || o.date != first.date)
        {
            problems.push(c.err(
                *l,
                "change_kind",
                crate::msg!(
                    "reference-ends-twice",
                    code = pred.to_string(),
                    kind = first.kind.as_str(),
                    date = first.date.to_string(),
                    line = line.to_string(),
                    other_kind = other.kind.as_str(),
                    other_date = other.date.to_string()
                ),
            ));
            continue;
        }
        match first.kind {
            ChangeKind::Merged | ChangeKind::Renamed if rows.len() > 1 => problems.push(c.err(
                rows[1].0,
                "successor_code",
                crate::msg!(
                    "reference-several-successors",
                    code = pred.to_string(),
                    kind = first.kind.as_str()
                ),
            )),
            ChangeKind::Split if rows.len() < 2 => problems.push(c.err(
                line,
                "change_kind",
                crate::msg!("reference-split-into-one", code = pred.to_string()),
            )),
            _ => {}
        }
        let shares: f64 = rows.iter().filter_map(|(_, l)| l.share).sum();
        if shares > 1.000_001 {
            problems.push(c.err(
                line,
                "share",
                crate::msg!(
                    "reference-shares-over",
                    code = pred.to_string(),
                    shares = shares.to_string()
                ),
            ));
        }
    }
    by_pred
}

/// Closed: every unit that ended says what became of it.
fn check_closed(
    dir: &str,
    units: &Lined<Unit>,
    by_pred: &BTreeMap<&UnitCode, Vec<(u64, &Lineage)>>,
    problems: &mut Vec<ReferenceError>,
) {
    for (line, u) in units {
        let last = units
            .iter()
            .filter(|(_, o)| o.code == u.code)
            .all(|(_, o)| o.valid_from <= u.valid_from);
        if let (Some(to), true) = (u.valid_to, last)
            && !by_pred.contains_key(&u.code)
        {
            problems.push(ReferenceError::Invalid {
                file: format!("{dir}/units.csv"),
                line: *line,
                field: "valid_to".into(),
                message: crate::msg!(
                    "reference-ended-without-lineage",
                    code = u.code.to_string(),
                    to = to.to_string()
                ),
            });
        }
    }
}

impl Unit {
    /// Whether the unit existed on `day`.
    pub fn valid_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| to >= day)
    }

    /// Whether the unit existed on some day of `period` (dates inclusive).
    pub fn valid_during(&self, period: Period) -> bool {
        let (start, end) = period.bounds();
        self.valid_from <= end && self.valid_to.is_none_or(|to| to >= start)
    }

    fn overlaps(&self, other: &Unit) -> bool {
        let ends_before = |a: &Unit, b: &Unit| a.valid_to.is_some_and(|to| to < b.valid_from);
        !ends_before(self, other) && !ends_before(other, self)
    }

    /// `from 2023-01-01 to 2025-06-30` or `from 2025-07-01 on`.
    pub fn span(&self) -> String {
        self.span_msg().to_string()
    }

    /// [`Unit::span`] as a message, to be said in either language.
    pub fn span_msg(&self) -> crate::i18n::Msg {
        match self.valid_to {
            Some(to) => crate::msg!(
                "reference-span",
                from = self.valid_from.to_string(),
                to = to.to_string()
            ),
            None => crate::msg!("reference-span-open", from = self.valid_from.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::Reference;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn code(s: &str) -> UnitCode {
        UnitCode(s.into())
    }

    #[test]
    fn a_reference_check_problem_is_said_in_vietnamese() {
        let units = "unit_code,name_vi,unit_kind,valid_from,valid_to\n\
                     phong-vh,Phòng Văn hoá,culture_office,2023-01-01,2025-06-30\n";
        let lineage = "predecessor_code,successor_code,change_date,change_kind\n";
        let read = |file: &str| {
            Ok(Some(
                if file == "units.csv" { units } else { lineage }.to_string(),
            ))
        };
        let (_, problems) = Register::check("ref", &read, true).unwrap();
        let [problem] = problems.as_slice() else {
            panic!("{problems:?}")
        };
        assert_eq!(
            problem.msg().say(crate::i18n::Lang::Vi),
            "ref/units.csv dòng 2, trường `valid_to`: 'phong-vh' chấm dứt ngày 2025-06-30 nhưng unit_lineage.csv không ghi đơn vị này ra sao: hãy thêm một dòng cho mỗi đơn vị kế thừa, hoặc một dòng change_kind abolished không có successor_code"
        );
        assert_eq!(
            problem.to_string(),
            "ref/units.csv line 2, field `valid_to`: 'phong-vh' ends on 2025-06-30 but unit_lineage.csv does not say what became of it: add a row per successor, or one row with change_kind abolished and no successor_code"
        );
    }

    #[test]
    fn the_bundled_register_spans_the_2025_reform() {
        let r = Reference::bundled().unwrap();
        let reg = &r.register;
        // the 49 units of the 2023 letter; then 22 of them, 2 new
        // departments and the 45 communes and wards of NQ 1661
        assert_eq!(reg.units_on(day("2023-11-05")).count(), 49);
        assert_eq!(reg.units_on(day("2026-11-05")).count(), 22 + 2 + 45);
        let kinds = |k: UnitKind| {
            reg.units_on(day("2026-11-05"))
                .filter(|u| u.kind == k)
                .count()
        };
        assert_eq!((kinds(UnitKind::Commune), kinds(UnitKind::Ward)), (42, 3));
        assert_eq!(
            kinds(UnitKind::District) + kinds(UnitKind::CultureOffice),
            0
        );
        // the commune of a name reused for other land keeps its 2025 code
        let cha = reg.unit(&code("ubnd-xa-muong-cha")).unwrap();
        assert_eq!(cha.admin_code.as_deref(), Some("03166"));
    }

    #[test]
    fn fate_follows_the_lineage_to_the_day_asked() {
        let r = Reference::bundled().unwrap();
        let reg = &r.register;
        let d = day("2026-01-01");
        assert_eq!(reg.fate_on(&code("so-khdt"), day("2024-06-01")), Fate::Same);
        assert_eq!(
            reg.fate_on(&code("so-khdt"), d),
            Fate::One(code("so-tai-chinh"))
        );
        assert_eq!(
            reg.fate_on(&code("ban-dan-toc"), d),
            Fate::One(code("so-dttg"))
        );
        assert_eq!(
            reg.fate_on(&code("ubnd-tx-muong-lay"), d),
            Fate::One(code("ubnd-phuong-muong-lay"))
        );
        match reg.fate_on(&code("ubnd-h-tuan-giao"), d) {
            Fate::Split(list) => assert_eq!(list.len(), 8),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            reg.fate_on(&code("ubnd-xa-muong-cha"), day("2023-11-05")),
            Fate::NotYet
        );
        // the day before the district level ended, the district is itself
        assert_eq!(
            reg.fate_on(&code("ubnd-h-tuan-giao"), day("2025-06-30")),
            Fate::Same
        );
    }

    #[test]
    fn a_split_stays_split_when_one_of_its_branches_ends_later() {
        let units = "unit_code,name_vi,unit_kind,valid_from,valid_to\n\
                     x,Sở X,department,2023-01-01,2024-06-30\n\
                     a,Sở A,department,2023-01-01,\n\
                     b,Sở B,department,2023-01-01,2025-06-30\n";
        let lineage = "predecessor_code,successor_code,change_date,change_kind\n\
                       x,a,2024-07-01,split\n\
                       x,b,2024-07-01,split\n\
                       b,,2025-07-01,abolished\n";
        let read = |file: &str| {
            Ok(Some(match file {
                "units.csv" => units.to_string(),
                _ => lineage.to_string(),
            }))
        };
        let reg = Register::load("t", &read, true).unwrap();
        assert_eq!(
            reg.fate_on(&code("x"), day("2024-12-31")),
            Fate::Split(vec![code("a"), code("b")])
        );
        // B gone: X's work is still not all A's
        assert_eq!(
            reg.fate_on(&code("x"), day("2026-01-01")),
            Fate::Split(vec![code("a")])
        );
        assert_eq!(reg.fate_on(&code("b"), day("2026-01-01")), Fate::Ended);
    }

    #[test]
    fn a_name_resolves_among_the_units_of_the_period() {
        let r = Reference::bundled().unwrap();
        let reg = &r.register;
        let aug = |y| Period::Month { year: y, month: 8 };
        assert_eq!(
            reg.match_unit("UBND xã Mường Chà", aug(2026)),
            Match::Found(code("ubnd-xa-muong-cha"))
        );
        assert_eq!(
            reg.match_unit("Phòng VH-XH xã Mường Chà", aug(2026)),
            Match::Found(code("ubnd-xa-muong-cha"))
        );
        assert_eq!(
            reg.match_unit("UBND P. Mường Thanh", aug(2026)),
            Match::Found(code("ubnd-phuong-muong-thanh"))
        );
        assert_eq!(
            reg.match_unit("UBND X.Na Sang", aug(2026)),
            Match::Found(code("ubnd-xa-na-sang"))
        );
        assert_eq!(
            reg.match_unit("UBND xã Pú Nhi", aug(2026)),
            Match::Found(code("ubnd-xa-pu-nhi"))
        );
        assert_eq!(
            reg.match_unit("UBND huyện Mường Chà", aug(2026)),
            Match::Outside(vec![code("ubnd-h-muong-cha")])
        );
        assert_eq!(
            reg.match_unit("UBND xã Mường Chà", aug(2023)),
            Match::Outside(vec![code("ubnd-xa-muong-cha")])
        );
    }
}
