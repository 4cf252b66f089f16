//! `gen`: a large corpus for scale tests and benchmarks, from the same
//! row generator and file layouts as the bundled samples. Province 1 is the
//! bundled Điện Biên; every further province gets the same kinds of units
//! under its own name. Every unit reports every month it exists (about N
//! items a report, a few big producers and many small ones) and once a
//! year; a share of rows is bad and some reports are corrected. Files are
//! written one at a time (memory does not grow with the corpus) to
//! `OUT/inbox/YEAR/MM/`, and a reference folder for every year to
//! `OUT/reference/`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::generator::Gen;
use super::report::{Layout, Report, Row, latest, ymd};
use crate::domain::{UnitCode, UnitKind};
use crate::reference::{Reference, ReferenceError, Unit};

/// What to generate.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    pub out: PathBuf,
    pub provinces: u32,
    pub units_per_province: u32,
    pub years: u32,
    pub items_per_report: u32,
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Default)]
pub struct CorpusStats {
    pub units: usize,
    pub files: u64,
    pub items: u64,
    pub bad_rows: u64,
    /// Items whose reach is 100 times what it was (stored, flagged).
    pub typed_wrong_reach: u64,
    /// Reports asked to state a wrong total (only titled XLSX files
    /// write a totals row).
    pub wrong_totals: u64,
    pub corrections: u64,
    pub bytes: u64,
}

/// What can stop the generator.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}", crate::msg!("samples-cannot-write", path = path.clone(), error = source.to_string()))]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Options(crate::i18n::Msg),
    #[error(transparent)]
    Reference(#[from] ReferenceError),
}

/// The first campaign year; the bundled reference is its template.
const FIRST_YEAR: i32 = 2023;

/// Province names after the 2025 merger; Điện Biên is province 1.
const PROVINCES: [&str; 34] = [
    "Điện Biên",
    "Lai Châu",
    "Sơn La",
    "Lào Cai",
    "Cao Bằng",
    "Lạng Sơn",
    "Tuyên Quang",
    "Thái Nguyên",
    "Phú Thọ",
    "Quảng Ninh",
    "Bắc Ninh",
    "Hà Nội",
    "Hải Phòng",
    "Hưng Yên",
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Huế",
    "Đà Nẵng",
    "Quảng Ngãi",
    "Gia Lai",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "Tây Ninh",
    "Hồ Chí Minh",
    "Đồng Tháp",
    "Vĩnh Long",
    "Cần Thơ",
    "An Giang",
    "Cà Mau",
];

fn province_name(p: u32) -> String {
    PROVINCES
        .get(p as usize)
        .map(|s| s.to_string())
        .unwrap_or_else(|| format!("Tỉnh Số {}", p + 1))
}

fn slug(name: &str) -> String {
    crate::text::strip_marks_lower(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// The units of every province: province 1 is the bundled list (and more
/// of the same kinds when `per_province` is larger); the others copy its
/// kinds under their own names and codes.
fn units(template: &[Unit], provinces: u32, per_province: u32) -> Vec<Unit> {
    let mut out = Vec::new();
    for p in 0..provinces {
        let province = province_name(p);
        let prefix = slug(&province);
        for k in 0..per_province as usize {
            let base = &template[k % template.len()];
            let round = k / template.len();
            if p == 0 && round == 0 {
                out.push(base.clone());
                continue;
            }
            let mut name = if base.name_vi.contains("Điện Biên") {
                base.name_vi.replace("Điện Biên", &province)
            } else if base.name_vi.ends_with(" tỉnh") {
                format!("{} {province}", base.name_vi)
            } else {
                format!("{} tỉnh {province}", base.name_vi)
            };
            let mut code = if p == 0 {
                base.code.0.clone()
            } else {
                format!("{prefix}-{}", base.code.0)
            };
            if round > 0 {
                let _ = write!(name, " (đơn vị {})", round + 1);
                let _ = write!(code, "-{}", round + 1);
            }
            out.push(Unit {
                code: UnitCode(code),
                name_vi: name,
                kind: base.kind,
                parent: None,
                valid_from: base.valid_from,
                valid_to: base.valid_to,
                aliases: Vec::new(),
                admin_code: None,
                status: String::new(),
                source: String::new(),
            });
        }
    }
    out
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CorpusError {
    let path = path.display().to_string();
    move |source| CorpusError::Io { path, source }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CorpusError> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(io(dir))?;
    }
    fs::write(path, bytes).map_err(io(path))
}

/// `OUT/reference/YEAR/`: the bundled 2023 files with the year moved on
/// and every generated unit added to `units.csv`.
fn write_reference(out: &Path, years: u32, extra_units: &[&Unit]) -> Result<(), CorpusError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for u in extra_units {
        let _ = w.write_record([
            u.code.0.as_str(),
            &u.name_vi,
            u.kind.as_str(),
            "",
            &u.valid_from.to_string(),
            &u.valid_to.map(|d| d.to_string()).unwrap_or_default(),
            "",
            "",
            "",
            "",
        ]);
    }
    let extra = String::from_utf8_lossy(&w.into_inner().unwrap_or_default()).into_owned();
    for y in 0..years as i32 {
        let year = FIRST_YEAR + y;
        for file in [
            "themes.csv",
            "subthemes.csv",
            "hrc_priorities.csv",
            "forms.csv",
            "languages.csv",
            "theme_keywords.csv",
            "peak_periods.csv",
            "obligations.csv",
            "units.csv",
        ] {
            // the register's units.csv goes into each year folder, with the
            // generated units: the layout before the register, still read
            let path = match file {
                "units.csv" => file.to_string(),
                _ => format!("{FIRST_YEAR}/{file}"),
            };
            let text = Reference::bundled_text(&path).unwrap_or_default();
            let text = match file {
                "peak_periods.csv" | "obligations.csv" => {
                    text.replace(&FIRST_YEAR.to_string(), &year.to_string())
                }
                "units.csv" => {
                    let mut t = text.to_string();
                    if !t.ends_with('\n') {
                        t.push('\n');
                    }
                    t + &extra
                }
                _ => text.to_string(),
            };
            write(
                &out.join("reference").join(year.to_string()).join(file),
                text.as_bytes(),
            )?;
        }
    }
    Ok(())
}

/// The layout of a report: mostly UTF-8 CSV, as exports are, with every
/// other format offices send.
fn layout(x: u32, annual: bool) -> Layout {
    match x % 20 {
        0 | 1 => Layout::Csv1258,
        2 => Layout::Utf16Tab,
        3 => Layout::JsonEnvelope,
        4 => Layout::Ndjson,
        5 => Layout::XlsxTitled,
        6 | 7 => Layout::CsvUtf8Preamble,
        _ if annual => Layout::CsvUtf8Preamble,
        _ => Layout::CsvUtf8Columns,
    }
}

/// How much a unit of this kind produces against the average: a few big
/// producers (press, broadcaster), many small ones.
fn weight(kind: UnitKind) -> f64 {
    match kind {
        UnitKind::Press | UnitKind::Broadcaster => 6.0,
        UnitKind::CentralPress => 2.0,
        UnitKind::Department => 1.0,
        UnitKind::District | UnitKind::CultureOffice | UnitKind::Commune | UnitKind::Ward => 0.8,
    }
}

struct Writer<'a> {
    out: &'a Path,
    stats: CorpusStats,
}

impl Writer<'_> {
    fn report(&mut self, report: &Report, rel: &str) -> Result<(), CorpusError> {
        let file = report.file(rel);
        self.stats.files += 1;
        self.stats.items += report.rows.len() as u64;
        self.stats.bytes += file.bytes.len() as u64;
        write(&self.out.join("inbox").join(&file.path), &file.bytes)
    }
}

/// Writes the corpus; `progress` is told each unit-month done of `total`.
pub fn generate_corpus(
    opts: &CorpusOptions,
    mut progress: impl FnMut(u64, u64),
) -> Result<CorpusStats, CorpusError> {
    if opts.provinces == 0 || opts.units_per_province == 0 || opts.years == 0 {
        return Err(CorpusError::Options(crate::msg!("samples-at-least-one")));
    }
    let bundled = Reference::bundled()?;
    let campaign = bundled.campaign(FIRST_YEAR).ok_or_else(|| {
        CorpusError::Options(crate::msg!(
            "samples-no-first-year",
            year = FIRST_YEAR.to_string()
        ))
    })?;
    let units = units(&campaign.units, opts.provinces, opts.units_per_province);
    let extra: Vec<&Unit> = units
        .iter()
        .filter(|u| campaign.unit(&u.code).is_none())
        .collect();
    write_reference(&opts.out, opts.years, &extra)?;
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(opts.seed),
        campaign,
    };
    let mean: f64 = units.iter().map(|u| weight(u.kind)).sum::<f64>() / units.len() as f64;
    let mut w = Writer {
        out: &opts.out,
        stats: CorpusStats {
            units: units.len(),
            ..Default::default()
        },
    };
    let total = units.len() as u64 * 13 * opts.years as u64;
    let mut done = 0;
    for y in 0..opts.years as i32 {
        let year = FIRST_YEAR + y;
        for month in 1..=12u32 {
            // the report of month M covers the 15th of M-1 to the 14th of M
            let from = ymd(year, month, 15)
                .checked_sub_months(chrono::Months::new(1))
                .unwrap_or_default();
            let to = ymd(year, month, 14);
            let due = ymd(year, month, 15);
            for (i, unit) in units.iter().enumerate() {
                done += 1;
                if done % 1000 == 0 {
                    progress(done, total);
                }
                let exists = unit.valid_from <= to && unit.valid_to.is_none_or(|end| end >= from);
                if !exists || g.rng.random_bool(0.03) {
                    continue;
                }
                let n = items(&mut g.rng, opts.items_per_report, weight(unit.kind) / mean);
                let rows = bad_rows(&mut g, unit, n, from, to, &mut w.stats);
                let late = g.rng.random_bool(0.12);
                let received = g.received(due, late).max(latest(&rows));
                let period = format!("{year}-{month:02}");
                let lay = layout(i as u32 * 7 + month, false);
                let mut report = Report {
                    unit,
                    unit_label: unit.name_vi.clone(),
                    period: period.clone(),
                    received,
                    rows,
                    layout: lay,
                };
                let dir = format!("{year}/{month:02}");
                let name = format!("{}_{period}", unit.code);
                w.report(&report, &format!("{dir}/{name}.{}", lay.extension()))?;
                let has_bad = report.rows.iter().any(|r| r.raw_override.is_some());
                if has_bad && g.rng.random_bool(0.3) {
                    for r in &mut report.rows {
                        r.raw_override = None;
                    }
                    report.received = received + Days::new(g.rng.random_range(1..6));
                    w.stats.corrections += 1;
                    w.report(&report, &format!("{dir}/{name}_sua.{}", lay.extension()))?;
                }
            }
        }
        // annual reports, due 5 November, covering January to October
        let due = ymd(year, 11, 5);
        for (i, unit) in units.iter().enumerate() {
            done += 1;
            if done % 1000 == 0 {
                progress(done, total);
            }
            let (from, to) = (ymd(year, 1, 1), ymd(year, 10, 31));
            let exists = unit.valid_from <= to && unit.valid_to.is_none_or(|end| end >= from);
            if !exists || g.rng.random_bool(0.05) {
                continue;
            }
            let n = items(&mut g.rng, opts.items_per_report, weight(unit.kind) / mean);
            let rows = bad_rows(&mut g, unit, n, from, to, &mut w.stats);
            let late = g.rng.random_bool(0.1);
            let lay = layout(i as u32 * 3 + year as u32, true);
            let received = g.received(due, late).max(latest(&rows));
            let report = Report {
                unit,
                unit_label: unit.name_vi.clone(),
                period: year.to_string(),
                received,
                rows,
                layout: lay,
            };
            w.report(
                &report,
                &format!("{year}/nam/{}_{year}.{}", unit.code, lay.extension()),
            )?;
        }
    }
    progress(total, total);
    Ok(w.stats)
}

/// About `mean` x `factor` items, at least one.
fn items(rng: &mut ChaCha8Rng, mean: u32, factor: f64) -> usize {
    let spread = rng.random_range(0.5..1.5);
    ((mean as f64 * factor * spread).round() as usize).max(1)
}

/// `n` rows in the period, about one in 250 with a bad value.
fn bad_rows(
    g: &mut Gen,
    unit: &Unit,
    n: usize,
    from: NaiveDate,
    to: NaiveDate,
    stats: &mut CorpusStats,
) -> Vec<Row> {
    let mut rows = g.rows(unit, n, from, to);
    for r in &mut rows {
        if g.rng.random_bool(0.004) {
            let year = r.date.year();
            r.raw_override = Some(match g.rng.random_range(0..3) {
                0 => ("date", format!("31/02/{year}")),
                1 => ("quantity", "-2".into()),
                _ => ("theme", "Bình đẳng giới".into()),
            });
            stats.bad_rows += 1;
        } else if r.reach.is_some() && g.rng.random_bool(0.001) {
            // a reach typed with two zeros too many: read right, looks wrong
            r.reach = r.reach.map(|reach| reach * 100);
            stats.typed_wrong_reach += 1;
        }
    }
    if rows.len() >= 2 && g.rng.random_bool(0.002) {
        // a totals row that does not add up (titled XLSX files write one)
        let sum: i64 = rows.iter().map(|r| r.quantity).sum();
        if rows[0].raw_override.is_none() {
            rows[0].raw_override = Some(("total", (sum + 1).to_string()));
            stats.wrong_totals += 1;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_copy_the_bundled_kinds_under_their_own_names() {
        let r = Reference::bundled().unwrap();
        let template = &r.campaign(2023).unwrap().units;
        let all = units(template, 2, 60);
        assert_eq!(all.len(), 120);
        assert_eq!(all[0].code, template[0].code);
        let codes: std::collections::HashSet<&str> =
            all.iter().map(|u| u.code.0.as_str()).collect();
        assert_eq!(codes.len(), 120, "unit codes are unique");
        let names: std::collections::HashSet<&str> =
            all.iter().map(|u| u.name_vi.as_str()).collect();
        assert_eq!(names.len(), 120, "unit names are unique");
        assert!(all[60].code.0.starts_with("lai-chau-"), "{}", all[60].code);
        assert_eq!(all[60].kind, template[0].kind);
    }
}
