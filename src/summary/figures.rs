//! The charts of the summary, built from the year's figures: which charts,
//! in which order, each with the table of its numbers; and the headline
//! figures and closing sections every document shares. Every figure drawn
//! is a value of a named query's answer; a value the answer does not have
//! (a null) is drawn as none, never as a zero.

use std::path::Path;

use super::answer::{Answer, Cell, at};
use super::charts::{self, Chart, GroupBars, HBars, Heatmap, MonthLines, StatusGrid, theme_colour};
use super::data::SummaryData;
use super::error::SummaryError;
use super::labels::{cols, day, format_cell, kind_label, show, stamp, theme_label};
use super::options::{Lang, SummaryOptions};
use crate::i18n::Msg;
use crate::msg;
use crate::reference::Campaign;

/// The unit x theme chart, and the table under it in the documents, show
/// at most this many units: a national lake has thousands, which no page
/// holds; the workbook always has every unit.
pub(super) const MAX_UNITS_SHOWN: usize = 60;

/// A chart as drawn, with the table of its numbers.
pub(super) struct Drawn {
    pub name: &'static str,
    pub title: String,
    pub svg: String,
    pub table: Answer,
    /// The table's columns the documents show under it: (column, heading).
    pub columns: Vec<(String, String)>,
}

/// What every chart of one summary shares.
struct Page<'a> {
    d: &'a SummaryData,
    c: &'a Campaign,
    l: Lang,
    dir: &'a Path,
    /// The footnote: source and date.
    foot: String,
}

impl Page<'_> {
    /// Draws one chart (PNG and SVG files) and keeps it with its table;
    /// every column the documents show must be one of the table's.
    fn drawn(
        &self,
        name: &'static str,
        chart: &impl Chart,
        title: &str,
        table: Answer,
        columns: Vec<(String, String)>,
    ) -> Result<Drawn, SummaryError> {
        for (col, _) in &columns {
            table.col(col)?;
        }
        let svg = charts::render(self.dir, name, chart)?;
        Ok(Drawn {
            name,
            title: title.to_string(),
            svg,
            table,
            columns,
        })
    }

    /// A chart's title: `title` said with the year.
    fn title(&self, title: Msg) -> String {
        title.with("year", self.d.year.to_string()).say(self.l)
    }
}

/// Draws every chart of the summary (PNG and SVG files in `o.out`).
pub(super) fn draw_charts(
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
) -> Result<Vec<Drawn>, SummaryError> {
    let l = o.lang;
    let page = Page {
        d,
        c,
        l,
        dir: &o.out,
        foot: msg!(
            "summary-foot",
            source = o.source.clone(),
            stamp = stamp(&o.stamp, l)
        )
        .say(l),
    };
    Ok(vec![
        themes(&page)?,
        units_by_theme(&page)?,
        monthly(&page)?,
        peaks(&page)?,
        reporting(&page)?,
        offices_monthly(&page)?,
        forms(&page)?,
        languages(&page)?,
    ])
}

/// Quantity per theme (chart 1).
fn themes(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, l) = (p.d, p.l);
    let (code, quantity) = (d.themes.text("theme_code")?, d.themes.number("quantity")?);
    let bars = HBars {
        lang: l,
        title: p.title(msg!("summary-chart-themes-title")),
        subtitle: msg!("summary-chart-themes-subtitle").say(l),
        axis: msg!("summary-chart-themes-axis").say(l),
        foot: p.foot.clone(),
        bars: d
            .themes
            .rows
            .iter()
            .map(|r| {
                let code = at(r, code).text();
                (
                    theme_label(p.c, code, l),
                    at(r, quantity).number(),
                    theme_colour(p.c, code),
                )
            })
            .collect(),
    };
    let columns = cols(
        &["theme", "items", "quantity", "reach", "units", "share_pct"],
        l,
    );
    p.drawn("themes", &bars, &bars.title, d.themes.clone(), columns)
}

/// The unit x theme heat map (chart 2): a column per theme of the pivoted
/// table; with more units than a page holds, the units with the most work.
fn units_by_theme(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, c, l) = (p.d, p.c, p.l);
    let unit_themes = &d.unit_themes;
    let (shown, shown_note) = top_units(&d.units, l)?;
    let unit = shown.text("unit")?;
    let theme_cols = unit_themes
        .iter()
        .map(|code| shown.number(code))
        .collect::<Result<Vec<_>, _>>()?;
    let heat = Heatmap {
        lang: l,
        title: p.title(msg!("summary-chart-units-title")),
        subtitle: match d.units_as_of {
            None => format!(
                "{}{shown_note}",
                msg!("summary-chart-units-subtitle").say(l)
            ),
            // the long note goes under the table; the chart says the day
            Some(as_of) => msg!("summary-chart-units-subtitle-as-of", day = day(as_of, l)).say(l),
        },
        foot: p.foot.clone(),
        columns: unit_themes
            .iter()
            .map(|code| (theme_label(c, code, l), theme_colour(c, code)))
            .collect(),
        rows: shown
            .rows
            .iter()
            .map(|r| {
                let values = theme_cols.iter().map(|&col| at(r, col).number()).collect();
                (at(r, unit).text().to_string(), values)
            })
            .collect(),
    };
    let mut unit_cols = cols(&["unit"], l);
    unit_cols.extend(
        unit_themes
            .iter()
            .map(|code| (code.clone(), theme_label(c, code, l))),
    );
    unit_cols.extend(cols(&["total"], l));
    p.drawn("units_by_theme", &heat, &heat.title, shown, unit_cols)
}

/// The units the chart and the documents show: every unit, or the
/// [`MAX_UNITS_SHOWN`] with the most work (`total`, then name), and the
/// sentence that says so (empty when every unit is shown).
fn top_units(all: &Answer, l: Lang) -> Result<(Answer, String), SummaryError> {
    if all.rows.len() <= MAX_UNITS_SHOWN {
        return Ok((all.clone(), String::new()));
    }
    let (total, unit) = (all.number("total")?, all.text("unit")?);
    let mut shown = all.clone();
    shown.rows.sort_by(|a, b| {
        let t = |r: &[Cell]| at(r, total).number().unwrap_or(f64::NEG_INFINITY);
        t(b).total_cmp(&t(a))
            .then_with(|| at(a, unit).text().cmp(at(b, unit).text()))
    });
    shown.rows.truncate(MAX_UNITS_SHOWN);
    let note = msg!(
        "summary-units-top",
        shown = MAX_UNITS_SHOWN,
        all = all.rows.len()
    );
    Ok((shown, format!(" · {}", note.say(l))))
}

/// Monthly lines with the peak windows (chart 3).
fn monthly(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, c, l) = (p.d, p.c, p.l);
    let year = d.year;
    let months: Vec<String> = (1..=12)
        .map(|m| msg!("summary-month-short", month = m).say(l))
        .collect();
    let (theme, month, quantity) = (
        d.trend.text("theme_code")?,
        d.trend.number("month")?,
        d.trend.number("quantity")?,
    );
    let series = c
        .themes
        .iter()
        .map(|t| {
            let code = &t.code.0;
            // the query lists every month and theme, zero where nothing happened
            let mut v = vec![Some(0.0); 12];
            for r in d.trend.rows.iter().filter(|r| at(r, theme).text() == code) {
                let m = at(r, month).number().unwrap_or(0.0) as usize;
                if (1..=12).contains(&m) {
                    v[m - 1] = at(r, quantity).number();
                }
            }
            (theme_label(c, code, l), theme_colour(c, code), v)
        })
        .collect();
    let windows = c
        .peaks
        .iter()
        .map(|pk| {
            use chrono::Datelike;
            let first = if pk.start.year() == year {
                pk.start.month0()
            } else {
                0
            };
            let last = if pk.end.year() == year {
                pk.end.month0()
            } else {
                11
            };
            (
                format!(
                    "{} ({} – {})",
                    pk.code.to_uppercase(),
                    pk.start.format("%d/%m"),
                    pk.end.format("%d/%m")
                ),
                first as usize,
                last as usize,
            )
        })
        .collect();
    let lines = MonthLines {
        lang: l,
        title: p.title(msg!("summary-chart-monthly-title")),
        subtitle: msg!("summary-chart-monthly-subtitle").say(l),
        axis: msg!("summary-axis-quantity").say(l),
        foot: p.foot.clone(),
        months,
        series,
        windows,
    };
    let columns = cols(&["period", "theme_code", "items", "quantity", "reach"], l);
    p.drawn("monthly", &lines, &lines.title, d.trend.clone(), columns)
}

/// Peak windows (chart 4): the monthly rate inside versus outside; a window
/// over the whole year has no outside, and no bar for it.
fn peaks(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, l) = (p.d, p.l);
    let (peak, theme) = (d.peaks.text("peak_code")?, d.peaks.text("theme_code")?);
    let (inside, outside) = (
        d.peaks.number("rate_inside")?,
        d.peaks.number("rate_outside")?,
    );
    let chart = GroupBars {
        lang: l,
        title: p.title(msg!("summary-chart-peaks-title")),
        subtitle: msg!("summary-chart-peaks-subtitle").say(l),
        axis: msg!("summary-chart-peaks-axis").say(l),
        foot: p.foot.clone(),
        series: vec![
            (msg!("summary-peaks-inside").say(l), charts::PALETTE[0]),
            (msg!("summary-peaks-outside").say(l), charts::PALETTE[1]),
        ],
        groups: d
            .peaks
            .rows
            .iter()
            .map(|r| {
                (
                    format!(
                        "{} · {}",
                        at(r, peak).text().to_uppercase(),
                        theme_label(p.c, at(r, theme).text(), l)
                    ),
                    vec![at(r, inside).number(), at(r, outside).number()],
                )
            })
            .collect(),
        stacked: false,
    };
    let columns = cols(
        &[
            "peak",
            "theme_code",
            "start_date",
            "end_date",
            "quantity_inside",
            "quantity_outside",
            "rate_inside",
            "rate_outside",
            "lift",
        ],
        l,
    );
    p.drawn("peaks", &chart, &chart.title, d.peaks.clone(), columns)
}

/// The labels of the three statuses, in the order the charts draw them.
fn status_series(l: Lang) -> Vec<(String, plotters::style::RGBColor)> {
    vec![
        (msg!("summary-status-on-time").say(l), charts::PALETTE[2]),
        (msg!("summary-status-late").say(l), charts::PALETTE[1]),
        (msg!("summary-status-missing").say(l), charts::PALETTE[5]),
    ]
}

/// Reporting status per kind of unit (chart 5).
fn reporting(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, l) = (p.d, p.l);
    let rate = &d.rate;
    let (kind, period_kind) = (rate.text("unit_kind")?, rate.text("period_kind")?);
    let counts = [
        rate.number("on_time")?,
        rate.number("late")?,
        rate.number("missing")?,
    ];
    let chart = GroupBars {
        lang: l,
        title: p.title(msg!("summary-chart-reporting-title")),
        subtitle: msg!("summary-chart-reporting-subtitle").say(l),
        axis: msg!("summary-chart-reporting-axis").say(l),
        foot: p.foot.clone(),
        series: status_series(l),
        groups: rate
            .rows
            .iter()
            .filter(|r| at(r, kind).text() != "all" && at(r, period_kind).text() != "all")
            .map(|r| {
                let unit_kind = kind_label(at(r, kind).text(), l);
                let label = if at(r, period_kind).text() == "monthly" {
                    msg!("summary-reporting-group-monthly", kind = unit_kind)
                } else {
                    msg!("summary-reporting-group-annual", kind = unit_kind)
                };
                let values = counts.iter().map(|&col| at(r, col).number()).collect();
                (label.say(l), values)
            })
            .collect(),
        stacked: true,
    };
    let columns = cols(
        &[
            "period_kind",
            "unit_kind",
            "expected",
            "received",
            "on_time",
            "late",
            "missing",
            "reporting_rate_pct",
            "on_time_rate_pct",
        ],
        l,
    );
    p.drawn("reporting", &chart, &chart.title, rate.clone(), columns)
}

/// (Chart 6) The culture offices' monthly reports, month by month.
fn offices_monthly(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, l) = (p.d, p.l);
    let status = &d.status;
    let (period_kind, kind) = (status.text("period_kind")?, status.text("unit_kind")?);
    let (unit, period, state) = (
        status.text("unit")?,
        status.text("period")?,
        status.text("status")?,
    );
    let monthly = status.filtered(|r| {
        at(r, period_kind).text() == "monthly" && at(r, kind).text() == "culture_office"
    });
    let mut periods: Vec<String> = monthly
        .rows
        .iter()
        .map(|r| at(r, period).text().to_string())
        .collect();
    periods.sort();
    periods.dedup();
    let mut offices: Vec<(String, Vec<String>)> = Vec::new();
    for r in &monthly.rows {
        let name = at(r, unit).text();
        if !offices.iter().any(|(n, _)| n == name) {
            offices.push((name.to_string(), vec![String::new(); periods.len()]));
        }
        let col = periods
            .iter()
            .position(|p| p == at(r, period).text())
            .unwrap_or(0);
        if let Some(row) = offices.iter_mut().find(|(n, _)| n == name) {
            row.1[col] = at(r, state).text().to_string();
        }
    }
    offices.sort();
    let labels = status_series(l);
    let grid = StatusGrid {
        title: p.title(msg!("summary-chart-offices-title")),
        subtitle: msg!("summary-chart-offices-subtitle").say(l),
        foot: p.foot.clone(),
        columns: periods
            .iter()
            .map(|p| match p.get(5..).and_then(|m| m.parse::<u32>().ok()) {
                Some(m) => msg!("summary-month-short", month = m).say(l),
                None => p.clone(),
            })
            .collect(),
        rows: offices,
        legend: vec![
            ("on_time".into(), labels[0].0.clone()),
            ("late".into(), labels[1].0.clone()),
            ("missing".into(), labels[2].0.clone()),
        ],
    };
    let columns = cols(&["unit", "period", "due_date", "received_at", "status"], l);
    p.drawn("offices_monthly", &grid, &grid.title, monthly, columns)
}

/// The forms of communication (chart 7).
fn forms(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, l) = (p.d, p.l);
    let quantity = d.forms.number("quantity")?;
    // the form's name in the document's language
    d.forms.text("form")?;
    d.forms.text("form_code")?;
    let chart = HBars {
        lang: l,
        title: p.title(msg!("summary-chart-forms-title")),
        subtitle: msg!("summary-chart-forms-subtitle").say(l),
        axis: msg!("summary-axis-quantity").say(l),
        foot: p.foot.clone(),
        bars: d
            .forms
            .rows
            .iter()
            .map(|r| {
                (
                    show(&d.forms, r, "form", p.c, l),
                    at(r, quantity).number(),
                    charts::PALETTE[0],
                )
            })
            .collect(),
    };
    let columns = cols(&["form", "items", "quantity", "reach", "share_pct"], l);
    p.drawn("forms", &chart, &chart.title, d.forms.clone(), columns)
}

/// (Chart 8) Output in ethnic-minority languages (Vietnamese in the subtitle).
fn languages(p: &Page) -> Result<Drawn, SummaryError> {
    let (d, l) = (p.d, p.l);
    let langs = &d.languages;
    let (code, quantity) = (langs.text("language_code")?, langs.number("quantity")?);
    langs.text("language")?;
    let vietnamese = langs
        .rows
        .iter()
        .find(|r| at(r, code).text() == "vi")
        .map_or(Cell::Int(0), |r| at(r, quantity).clone());
    let chart = HBars {
        lang: l,
        title: p.title(msg!("summary-chart-languages-title")),
        subtitle: msg!(
            "summary-chart-languages-subtitle",
            vietnamese = format_cell(&vietnamese, l)
        )
        .say(l),
        axis: msg!("summary-axis-quantity").say(l),
        foot: p.foot.clone(),
        bars: langs
            .rows
            .iter()
            .filter(|r| at(r, code).text() != "vi")
            .enumerate()
            .map(|(i, r)| {
                (
                    show(langs, r, "language", p.c, l),
                    at(r, quantity).number(),
                    charts::PALETTE[(i + 2) % 8],
                )
            })
            .collect(),
    };
    let columns = cols(
        &[
            "language",
            "items",
            "quantity",
            "reach",
            "duration_min",
            "units",
        ],
        l,
    );
    p.drawn("languages", &chart, &chart.title, langs.clone(), columns)
}

/// The sections that close every document: gaps, award candidates, the
/// refused rows and the figures data-quality flags, to follow up.
pub(super) fn closing_sections(d: &SummaryData, l: Lang) -> [(String, &Answer); 4] {
    [
        (msg!("summary-section-gaps").say(l), &d.gaps),
        (msg!("summary-section-awards").say(l), &d.top),
        (msg!("summary-section-rejects").say(l), &d.rejects),
        (msg!("summary-section-quality").say(l), &d.follow_up),
    ]
}

/// The headline figures: (label, value).
pub(super) fn headline(d: &SummaryData, l: Lang) -> Result<Vec<(String, Cell)>, SummaryError> {
    let sum = |col: &str| -> Result<Cell, SummaryError> {
        Ok(Cell::Int(d.themes.sum(d.themes.number(col)?) as i64))
    };
    let total = d.units.number("total")?;
    let reporting_units = d
        .units
        .rows
        .iter()
        .filter(|r| at(r, total).number().is_some_and(|t| t > 0.0))
        .count();
    let rate = &d.rate;
    let (period_kind, kind) = (rate.text("period_kind")?, rate.text("unit_kind")?);
    let all = rate
        .rows
        .iter()
        .find(|r| at(r, period_kind).text() == "all" && at(r, kind).text() == "all");
    let pick = |col: &str| -> Result<Cell, SummaryError> {
        let col = rate.number(col)?;
        Ok(all.map_or(Cell::Null, |r| at(r, col).clone()))
    };
    Ok(vec![
        (msg!("summary-headline-items").say(l), sum("items")?),
        (msg!("summary-headline-quantity").say(l), sum("quantity")?),
        (msg!("summary-headline-reach").say(l), sum("reach")?),
        (
            msg!("summary-headline-units").say(l),
            Cell::Int(reporting_units as i64),
        ),
        (
            msg!("summary-headline-reporting-rate").say(l),
            pick("reporting_rate_pct")?,
        ),
        (
            msg!("summary-headline-on-time-rate").say(l),
            pick("on_time_rate_pct")?,
        ),
    ])
}

/// For a year shown on a later day's units: which day, and how merged and
/// split units are shown (the unit x theme table and chart say it).
pub(super) fn units_note(d: &SummaryData, l: Lang) -> Option<String> {
    let as_of = d.units_as_of?;
    Some(msg!("summary-units-note", day = day(as_of, l)).say(l))
}

#[cfg(test)]
mod tests {
    use super::super::answer::Kind;
    use super::*;

    fn units(n: usize) -> Answer {
        Answer::new(
            "coverage_by_unit",
            vec![("unit".into(), Kind::Text), ("total".into(), Kind::Decimal)],
            (0..n)
                .map(|i| {
                    // totals 0, 1, 2, ...; two units share the largest
                    let total = if i == 0 { (n - 1) as f64 } else { i as f64 };
                    vec![Cell::Text(format!("u{i:04}")), Cell::Decimal(total)]
                })
                .collect(),
        )
    }

    #[test]
    fn a_page_of_units_is_shown_whole_and_thousands_by_their_top() {
        let (shown, note) = top_units(&units(MAX_UNITS_SHOWN), Lang::Vi).unwrap();
        assert_eq!(shown.rows.len(), MAX_UNITS_SHOWN);
        assert_eq!(note, "");
        let (shown, note) = top_units(&units(5100), Lang::Vi).unwrap();
        assert_eq!(shown.rows.len(), MAX_UNITS_SHOWN);
        // the largest total first; a tie goes to the name
        let names: Vec<&str> = shown.rows.iter().map(|r| r[0].text()).collect();
        assert_eq!(&names[..3], ["u0000", "u5099", "u5098"]);
        assert_eq!(names.last().unwrap(), &format!("u{:04}", 5099 - 58));
        assert_eq!(
            note,
            " · 60/5.100 đơn vị có số lượng lớn nhất (đủ: summary.xlsx)"
        );
        let (_, note) = top_units(&units(5100), Lang::En).unwrap();
        assert_eq!(
            note,
            " · the 60 of 5,100 units with most (all: summary.xlsx)"
        );
    }
}
