//! The summary's charts, drawn with plotters on its drawing primitives so
//! that the layout (long Vietnamese labels, wrapped or abbreviated, never
//! overlapping) is ours. Each chart is drawn twice from the same code: PNG
//! (1800 px wide, legible on A4) and SVG (inlined in the HTML page). Text is
//! NFC and set in DejaVu Sans, embedded, so every Vietnamese glyph exists.

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use unicode_normalization::UnicodeNormalization;

use super::error::{SummaryError, write_atomic};
use super::labels::format_f64;
use super::options::Lang;
use crate::msg;

use crate::reference::Campaign;

/// The font family name the charts use (registered from the `dejavu` crate).
pub const FONT: &str = "DejaVu Sans";

/// Registers the embedded font once per process.
pub fn register_font() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, dejavu::sans::regular());
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, dejavu::sans::bold());
    });
}

/// Okabe–Ito, a palette people with any common colour blindness tell apart;
/// one colour per theme in every chart.
pub(super) const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
    RGBColor(0, 0, 0),       // black
];
/// What a chart writes where a figure has no value (a null).
pub(super) const NO_VALUE: &str = "—";
const INK: RGBColor = RGBColor(33, 33, 33);
const GRID: RGBColor = RGBColor(220, 220, 220);
const FAINT: RGBColor = RGBColor(120, 120, 120);
const STATUS: [(&str, RGBColor); 3] = [
    ("on_time", RGBColor(0, 158, 115)),
    ("late", RGBColor(230, 159, 0)),
    ("missing", RGBColor(213, 94, 0)),
];

/// The colour of a theme, by its place in the reference list.
pub(super) fn theme_colour(campaign: &Campaign, code: &str) -> RGBColor {
    let i = campaign
        .themes
        .iter()
        .position(|t| t.code.0 == code)
        .unwrap_or(7);
    PALETTE[i % PALETTE.len()]
}

pub(super) const WIDTH: u32 = 1800;

type Area<DB> = DrawingArea<DB, Shift>;
type Res<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

fn style(size: u32, colour: RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size).into_font(),
        color: colour.to_backend_color(),
        pos: Pos::default(),
    }
}

fn bold(size: u32) -> TextStyle<'static> {
    TextStyle {
        font: (FONT, size, FontStyle::Bold).into_font(),
        color: INK.to_backend_color(),
        pos: Pos::default(),
    }
}

/// A chart that knows its height and draws on any plotters backend.
pub(super) trait Chart {
    fn height(&self) -> u32;
    fn draw<DB: DrawingBackend>(&self, root: &Area<DB>) -> Res<DB>;
}

fn put<DB: DrawingBackend>(
    root: &Area<DB>,
    s: &str,
    at: (i32, i32),
    st: &TextStyle,
    h: HPos,
    v: VPos,
) -> Res<DB> {
    let s: String = s.nfc().collect();
    root.draw(&Text::new(s, at, st.pos(Pos::new(h, v))))
}

fn width_of<DB: DrawingBackend>(root: &Area<DB>, s: &str, st: &TextStyle) -> u32 {
    root.estimate_text_size(s, st)
        .map(|(w, _)| w)
        .unwrap_or(s.chars().count() as u32 * 14)
}

/// Shortens a unit or label to fit `max` pixels: the usual abbreviations
/// first (`Ủy ban nhân dân` → `UBND`), then an ellipsis.
fn fit<DB: DrawingBackend>(root: &Area<DB>, s: &str, st: &TextStyle, max: u32) -> String {
    let mut s: String = s.nfc().collect();
    for (long, short) in [
        ("Ủy ban nhân dân", "UBND"),
        ("Phòng Văn hóa - Thông tin", "Phòng VH-TT"),
        ("thành phố", "TP."),
        ("thị xã", "TX."),
        ("huyện", "H."),
        ("Thông tin và Truyền thông", "TT&TT"),
        ("Phóng viên thường trú", "PVTT"),
        ("Đài Truyền hình Việt Nam", "VTV"),
    ] {
        if width_of(root, &s, st) <= max {
            return s;
        }
        s = s.replace(long, short);
    }
    while width_of(root, &s, st) > max && s.chars().count() > 2 {
        let keep: String = s.chars().take(s.chars().count() - 2).collect();
        s = format!("{}…", keep.trim_end());
    }
    s
}

/// Breaks a label into lines of at most `max` pixels, at spaces.
fn wrap<DB: DrawingBackend>(root: &Area<DB>, s: &str, st: &TextStyle, max: u32) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in s.split_whitespace() {
        let last = lines
            .last_mut()
            .map(|l| {
                if l.is_empty() {
                    word.to_string()
                } else {
                    format!("{l} {word}")
                }
            })
            .unwrap_or_default();
        if width_of(root, &last, st) <= max || lines.last().is_some_and(|l| l.is_empty()) {
            if let Some(l) = lines.last_mut() {
                *l = last;
            }
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

/// Title, optional subtitle, and footnote with source and date; returns the
/// area between them.
fn frame<DB: DrawingBackend>(
    root: &Area<DB>,
    title: &str,
    subtitle: &str,
    foot: &str,
) -> Result<(i32, i32), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    put(root, title, (40, 40), &bold(40), HPos::Left, VPos::Center)?;
    if !subtitle.is_empty() {
        put(
            root,
            subtitle,
            (40, 88),
            &style(26, FAINT),
            HPos::Left,
            VPos::Center,
        )?;
    }
    put(
        root,
        foot,
        (40, h as i32 - 28),
        &style(20, FAINT),
        HPos::Left,
        VPos::Center,
    )?;
    let _ = w;
    Ok((120, h as i32 - 60))
}

/// Rounded-up axis maximum and a tick step.
fn nice_max(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// Horizontal grid lines and their values for a vertical value axis.
fn y_ticks<DB: DrawingBackend>(
    root: &Area<DB>,
    lang: Lang,
    (left, right): (i32, i32),
    (max, step): (f64, f64),
    y: impl Fn(f64) -> i32,
) -> Res<DB> {
    let mut t = 0.0;
    while t <= max + 1e-9 {
        root.draw(&PathElement::new(vec![(left, y(t)), (right, y(t))], GRID))?;
        put(
            root,
            &format_f64(lang, t),
            (left - 12, y(t)),
            &style(22, FAINT),
            HPos::Right,
            VPos::Center,
        )?;
        t += step;
    }
    Ok(())
}

/// The title of a vertical value axis, written upwards along it.
fn y_title<DB: DrawingBackend>(root: &Area<DB>, title: &str, (top, bottom): (i32, i32)) -> Res<DB> {
    let st = style(24, INK).transform(FontTransform::Rotate270);
    put(
        root,
        title,
        (40, (top + bottom) / 2),
        &st,
        HPos::Center,
        VPos::Center,
    )
}

/// One horizontal bar per row, labels on the left in full (wrapped).
pub(super) struct HBars {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub axis: String,
    pub foot: String,
    /// (label, value, colour); a bar with no value (a null) is drawn as
    /// none, labelled "—", never as a zero.
    pub bars: Vec<(String, Option<f64>, RGBColor)>,
}

impl Chart for HBars {
    fn height(&self) -> u32 {
        260 + self.bars.len() as u32 * 96
    }

    fn draw<DB: DrawingBackend>(&self, root: &Area<DB>) -> Res<DB> {
        let (top, bottom) = frame(root, &self.title, &self.subtitle, &self.foot)?;
        let (w, _) = root.dim_in_pixel();
        let label_w = 620u32;
        let left = 40 + label_w as i32 + 20;
        let right = w as i32 - 140;
        let plot_bottom = bottom - 70;
        let (max, step) = nice_max(self.bars.iter().filter_map(|b| b.1).fold(0.0, f64::max));
        let x = |v: f64| left + ((right - left) as f64 * v / max) as i32;
        let mut t = 0.0;
        while t <= max + 1e-9 {
            root.draw(&PathElement::new(
                vec![(x(t), top), (x(t), plot_bottom)],
                GRID,
            ))?;
            put(
                root,
                &format_f64(self.lang, t),
                (x(t), plot_bottom + 22),
                &style(22, FAINT),
                HPos::Center,
                VPos::Center,
            )?;
            t += step;
        }
        put(
            root,
            &self.axis,
            ((left + right) / 2, plot_bottom + 58),
            &style(24, INK),
            HPos::Center,
            VPos::Center,
        )?;
        let band = (plot_bottom - top) / self.bars.len().max(1) as i32;
        let lab = style(24, INK);
        for (i, (label, value, colour)) in self.bars.iter().enumerate() {
            let y0 = top + band * i as i32;
            let mid = y0 + band / 2;
            if let Some(value) = value {
                root.draw(&Rectangle::new(
                    [
                        (left, y0 + band / 5),
                        (x(*value).max(left + 1), y0 + band * 4 / 5),
                    ],
                    colour.filled(),
                ))?;
            }
            let lines = wrap(root, label, &lab, label_w);
            let n = lines.len() as i32;
            for (j, line) in lines.iter().enumerate() {
                put(
                    root,
                    line,
                    (left - 16, mid + (j as i32 * 2 - (n - 1)) * 15),
                    &lab,
                    HPos::Right,
                    VPos::Center,
                )?;
            }
            put(
                root,
                &value.map_or(NO_VALUE.to_string(), |v| format_f64(self.lang, v)),
                (x(value.unwrap_or(0.0)) + 10, mid),
                &style(24, INK),
                HPos::Left,
                VPos::Center,
            )?;
        }
        root.draw(&PathElement::new(
            vec![(left, top), (left, plot_bottom)],
            INK,
        ))?;
        Ok(())
    }
}

/// Units (rows) by themes (columns), cell shade by quantity; zero cells white.
pub(super) struct Heatmap {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub foot: String,
    pub columns: Vec<(String, RGBColor)>,
    /// (unit, a value per column); an empty cell for none or zero.
    pub rows: Vec<(String, Vec<Option<f64>>)>,
}

const HEAT_ROW: i32 = 34;

impl Chart for Heatmap {
    fn height(&self) -> u32 {
        (330 + self.rows.len() as i32 * HEAT_ROW) as u32
    }

    fn draw<DB: DrawingBackend>(&self, root: &Area<DB>) -> Res<DB> {
        let (top, _) = frame(root, &self.title, &self.subtitle, &self.foot)?;
        let (w, _) = root.dim_in_pixel();
        let label_w = 640u32;
        let left = 40 + label_w as i32 + 16;
        let head = top + 60;
        let cell_w = (w as i32 - left - 40) / self.columns.len().max(1) as i32;
        let max = self
            .rows
            .iter()
            .flat_map(|r| r.1.iter().flatten())
            .fold(0.0f64, |a, b| a.max(*b))
            .max(1.0);
        let head_style = style(22, INK);
        for (j, (name, _)) in self.columns.iter().enumerate() {
            let cx = left + cell_w * j as i32 + cell_w / 2;
            let lines = wrap(root, name, &head_style, cell_w as u32 - 12);
            let n = lines.len() as i32;
            for (k, line) in lines.iter().enumerate() {
                put(
                    root,
                    line,
                    (cx, head - 14 - (n - 1 - k as i32) * 26),
                    &head_style,
                    HPos::Center,
                    VPos::Center,
                )?;
            }
        }
        let lab = style(22, INK);
        for (i, (name, values)) in self.rows.iter().enumerate() {
            let y0 = head + HEAT_ROW * i as i32;
            put(
                root,
                &fit(root, name, &lab, label_w),
                (left - 12, y0 + HEAT_ROW / 2),
                &lab,
                HPos::Right,
                VPos::Center,
            )?;
            for (j, v) in values.iter().enumerate() {
                let x0 = left + cell_w * j as i32;
                let colour = self.columns[j].1;
                if let Some(v) = v.filter(|v| *v > 0.0) {
                    let a = 0.25 + 0.75 * (v / max);
                    root.draw(&Rectangle::new(
                        [(x0 + 1, y0 + 1), (x0 + cell_w - 1, y0 + HEAT_ROW - 1)],
                        colour.mix(a).filled(),
                    ))?;
                    let text_colour = if a > 0.6 { WHITE } else { INK };
                    put(
                        root,
                        &format_f64(self.lang, v),
                        (x0 + cell_w / 2, y0 + HEAT_ROW / 2),
                        &style(20, text_colour),
                        HPos::Center,
                        VPos::Center,
                    )?;
                }
                root.draw(&Rectangle::new(
                    [(x0, y0), (x0 + cell_w, y0 + HEAT_ROW)],
                    GRID,
                ))?;
            }
        }
        Ok(())
    }
}

/// Lines over the months, peak windows shaded and labelled behind them.
pub(super) struct MonthLines {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub axis: String,
    pub foot: String,
    pub months: Vec<String>,
    /// (name, colour, a value per month); a month with no value (a
    /// null) has no point.
    pub series: Vec<(String, RGBColor, Vec<Option<f64>>)>,
    /// (label, first month index 0-11, last month index)
    pub windows: Vec<(String, usize, usize)>,
}

impl Chart for MonthLines {
    fn height(&self) -> u32 {
        1100
    }

    fn draw<DB: DrawingBackend>(&self, root: &Area<DB>) -> Res<DB> {
        let (top, bottom) = frame(root, &self.title, &self.subtitle, &self.foot)?;
        let (w, _) = root.dim_in_pixel();
        let left = 130;
        let right = w as i32 - 420;
        let win_top = top + 10;
        let plot_top = win_top + self.windows.len() as i32 * 34 + 10;
        let plot_bottom = bottom - 70;
        let n = self.months.len().max(2);
        let x = |i: f64| left + ((right - left) as f64 * (i + 0.5) / n as f64) as i32;
        let (max, step) = nice_max(
            self.series
                .iter()
                .flat_map(|s| s.2.iter().flatten())
                .fold(0.0, |a: f64, b| a.max(*b)),
        );
        let y = |v: f64| plot_bottom - ((plot_bottom - plot_top) as f64 * v / max) as i32;
        // peak windows: a shaded band over their months and a labelled bracket above
        for (k, (label, first, last)) in self.windows.iter().enumerate() {
            let x0 = x(*first as f64 - 0.5);
            let x1 = x(*last as f64 + 0.5);
            // a window over the whole year is marked by its bracket only
            if *first > 0 || *last < n - 1 {
                root.draw(&Rectangle::new(
                    [(x0, plot_top), (x1, plot_bottom)],
                    RGBColor(0, 0, 0).mix(0.06).filled(),
                ))?;
            }
            let yk = win_top + 34 * k as i32 + 14;
            root.draw(&PathElement::new(
                vec![(x0, yk + 10), (x0, yk), (x1, yk), (x1, yk + 10)],
                FAINT,
            ))?;
            put(
                root,
                label,
                (x0 + 8, yk - 2),
                &style(20, FAINT),
                HPos::Left,
                VPos::Bottom,
            )?;
        }
        y_ticks(root, self.lang, (left, right), (max, step), y)?;
        for (i, m) in self.months.iter().enumerate() {
            put(
                root,
                m,
                (x(i as f64), plot_bottom + 22),
                &style(22, INK),
                HPos::Center,
                VPos::Center,
            )?;
        }
        y_title(root, &self.axis, (plot_top, plot_bottom))?;
        for (_, colour, values) in &self.series {
            let pts: Vec<(i32, i32)> = values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.map(|v| (x(i as f64), y(v))))
                .collect();
            root.draw(&PathElement::new(pts.clone(), colour.stroke_width(4)))?;
            for p in pts {
                root.draw(&Circle::new(p, 6, colour.filled()))?;
            }
        }
        // legend on the right, wrapped names
        let lab = style(22, INK);
        let mut ly = plot_top;
        for (name, colour, _) in &self.series {
            root.draw(&Rectangle::new(
                [(right + 30, ly), (right + 60, ly + 22)],
                colour.filled(),
            ))?;
            for line in wrap(root, name, &lab, 300) {
                put(
                    root,
                    &line,
                    (right + 72, ly + 11),
                    &lab,
                    HPos::Left,
                    VPos::Center,
                )?;
                ly += 28;
            }
            ly += 14;
        }
        Ok(())
    }
}

/// Groups of bars side by side (e.g. inside / outside a window per theme,
/// or on time / late / missing per unit kind), stacked when `stacked`.
pub(super) struct GroupBars {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub axis: String,
    pub foot: String,
    pub series: Vec<(String, RGBColor)>,
    /// (label, a value per series); a value that is none (a null: a peak
    /// window over the whole year has no months outside it) is drawn as no
    /// bar, labelled "—", never as a zero.
    pub groups: Vec<(String, Vec<Option<f64>>)>,
    pub stacked: bool,
}

impl Chart for GroupBars {
    fn height(&self) -> u32 {
        1080
    }

    fn draw<DB: DrawingBackend>(&self, root: &Area<DB>) -> Res<DB> {
        let (top, bottom) = frame(root, &self.title, &self.subtitle, &self.foot)?;
        let (w, _) = root.dim_in_pixel();
        let left = 130;
        let right = w as i32 - 40;
        let legend_y = top + 4;
        let plot_top = top + 60;
        let plot_bottom = bottom - 190;
        let totals = self.groups.iter().map(|g| {
            if self.stacked {
                g.1.iter().flatten().sum()
            } else {
                g.1.iter().flatten().fold(0.0, |a: f64, b| a.max(*b))
            }
        });
        let (max, step) = nice_max(totals.fold(0.0, f64::max));
        let y = |v: f64| plot_bottom - ((plot_bottom - plot_top) as f64 * v / max) as i32;
        let mut lx = left;
        for (name, colour) in &self.series {
            root.draw(&Rectangle::new(
                [(lx, legend_y), (lx + 30, legend_y + 24)],
                colour.filled(),
            ))?;
            put(
                root,
                name,
                (lx + 40, legend_y + 12),
                &style(22, INK),
                HPos::Left,
                VPos::Center,
            )?;
            lx += 60 + width_of(root, name, &style(22, INK)) as i32 + 30;
        }
        y_ticks(root, self.lang, (left, right), (max, step), y)?;
        y_title(root, &self.axis, (plot_top, plot_bottom))?;
        let band = (right - left) / self.groups.len().max(1) as i32;
        let lab = style(22, INK);
        for (i, (label, values)) in self.groups.iter().enumerate() {
            let x0 = left + band * i as i32;
            let inner = band * 3 / 4;
            let gx = x0 + (band - inner) / 2;
            if self.stacked {
                let mut base = 0.0;
                for (k, v) in values.iter().enumerate() {
                    let Some(v) = v else { continue };
                    if *v > 0.0 {
                        root.draw(&Rectangle::new(
                            [(gx, y(base + v)), (gx + inner, y(base))],
                            self.series[k].1.filled(),
                        ))?;
                        if y(base) - y(base + v) > 26 {
                            put(
                                root,
                                &format_f64(self.lang, *v),
                                (gx + inner / 2, (y(base) + y(base + v)) / 2),
                                &style(20, WHITE),
                                HPos::Center,
                                VPos::Center,
                            )?;
                        }
                    }
                    base += v;
                }
            } else {
                let bw = inner / values.len().max(1) as i32;
                for (k, v) in values.iter().enumerate() {
                    let bx = gx + bw * k as i32;
                    if let Some(v) = v {
                        root.draw(&Rectangle::new(
                            [(bx + 2, y(*v)), (bx + bw - 2, y(0.0))],
                            self.series[k].1.filled(),
                        ))?;
                    }
                    put(
                        root,
                        &v.map_or(NO_VALUE.to_string(), |v| format_f64(self.lang, v)),
                        (bx + bw / 2, y(v.unwrap_or(0.0)) - 14),
                        &style(18, INK),
                        HPos::Center,
                        VPos::Center,
                    )?;
                }
            }
            let lines = wrap(root, label, &lab, band as u32 - 10);
            for (j, line) in lines.iter().enumerate() {
                put(
                    root,
                    line,
                    (x0 + band / 2, plot_bottom + 24 + j as i32 * 26),
                    &lab,
                    HPos::Center,
                    VPos::Center,
                )?;
            }
        }
        root.draw(&PathElement::new(
            vec![(left, plot_bottom), (right, plot_bottom)],
            INK,
        ))?;
        Ok(())
    }
}

/// A grid of statuses: rows (culture offices) by columns (months).
pub(super) struct StatusGrid {
    pub title: String,
    pub subtitle: String,
    pub foot: String,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
    pub legend: Vec<(String, String)>,
}

impl Chart for StatusGrid {
    fn height(&self) -> u32 {
        330 + self.rows.len() as u32 * 48
    }

    fn draw<DB: DrawingBackend>(&self, root: &Area<DB>) -> Res<DB> {
        let (top, _) = frame(root, &self.title, &self.subtitle, &self.foot)?;
        let (w, _) = root.dim_in_pixel();
        let label_w = 620u32;
        let left = 40 + label_w as i32 + 16;
        let mut lx = left;
        for (key, name) in &self.legend {
            let colour = STATUS
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, c)| *c)
                .unwrap_or(GRID);
            root.draw(&Rectangle::new(
                [(lx, top), (lx + 30, top + 24)],
                colour.filled(),
            ))?;
            put(
                root,
                name,
                (lx + 40, top + 12),
                &style(22, INK),
                HPos::Left,
                VPos::Center,
            )?;
            lx += 80 + width_of(root, name, &style(22, INK)) as i32;
        }
        let head = top + 80;
        let cell_w = (w as i32 - left - 40) / self.columns.len().max(1) as i32;
        for (j, c) in self.columns.iter().enumerate() {
            put(
                root,
                c,
                (left + cell_w * j as i32 + cell_w / 2, head - 18),
                &style(22, INK),
                HPos::Center,
                VPos::Center,
            )?;
        }
        let lab = style(22, INK);
        for (i, (name, statuses)) in self.rows.iter().enumerate() {
            let y0 = head + 48 * i as i32;
            put(
                root,
                &fit(root, name, &lab, label_w),
                (left - 12, y0 + 24),
                &lab,
                HPos::Right,
                VPos::Center,
            )?;
            for (j, s) in statuses.iter().enumerate() {
                let x0 = left + cell_w * j as i32;
                if let Some((_, colour)) = STATUS.iter().find(|(k, _)| k == s) {
                    root.draw(&Rectangle::new(
                        [(x0 + 3, y0 + 3), (x0 + cell_w - 3, y0 + 45)],
                        colour.filled(),
                    ))?;
                }
                root.draw(&Rectangle::new([(x0, y0), (x0 + cell_w, y0 + 48)], GRID))?;
            }
        }
        Ok(())
    }
}

/// Draws `chart` to `dir/name.png` and `dir/name.svg`; returns the SVG text.
pub(super) fn render(dir: &Path, name: &str, chart: &impl Chart) -> Result<String, SummaryError> {
    register_font();
    let height = chart.height();
    let png_path = dir.join(format!("{name}.png"));
    let cannot_draw = |file: String, e: String| {
        SummaryError::Draw(msg!("summary-error-draw", file = file, error = e))
    };
    {
        let root = BitMapBackend::new(&png_path, (WIDTH, height)).into_drawing_area();
        chart
            .draw(&root)
            .map_err(|e| cannot_draw(format!("{name}.png"), e.to_string()))?;
        root.present().map_err(|e| {
            SummaryError::Draw(msg!(
                "summary-error-draw-write",
                path = png_path.display().to_string(),
                error = e.to_string()
            ))
        })?;
    }
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (WIDTH, height)).into_drawing_area();
        chart
            .draw(&root)
            .map_err(|e| cannot_draw(format!("{name}.svg"), e.to_string()))?;
        root.present()
            .map_err(|e| cannot_draw(format!("{name}.svg"), e.to_string()))?;
    }
    write_atomic(&dir.join(format!("{name}.svg")), text.as_bytes())?;
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pixels of one character drawn in the chart font.
    fn glyph_pixels(c: char) -> Vec<u8> {
        register_font();
        let mut buf = vec![0u8; 64 * 64 * 3];
        {
            let root = BitMapBackend::with_buffer(&mut buf, (64, 64)).into_drawing_area();
            root.fill(&WHITE).unwrap();
            root.draw(&Text::new(
                c.to_string(),
                (8, 8),
                (FONT, 40).into_font().color(&BLACK),
            ))
            .unwrap();
            root.present().unwrap();
        }
        buf
    }

    #[test]
    fn vietnamese_letters_render_as_real_glyphs_not_the_missing_glyph_box() {
        // U+E000 is a private-use code point DejaVu has no glyph for: its
        // rendering is the font's missing-glyph box
        let missing = glyph_pixels('\u{E000}');
        let blank = vec![255u8; 64 * 64 * 3];
        for c in "Quyền tự do tín ngưỡng, tôn giáo; Phòng, chống mua bán người; Đồng bào dân tộc thiểu số; Khơ Mú, H'Mông".chars().filter(|c| !c.is_whitespace() && !c.is_ascii_punctuation()) {
            let p = glyph_pixels(c);
            assert_ne!(p, missing, "'{c}' renders as the missing-glyph box");
            assert_ne!(p, blank, "'{c}' renders as nothing");
        }
        // and the check can fail: a code point outside the font is the box
        assert_eq!(glyph_pixels('\u{E001}'), missing);
    }

    #[test]
    fn long_unit_names_are_abbreviated_to_fit() {
        register_font();
        let mut buf = vec![0u8; 400 * 50 * 3];
        let root = BitMapBackend::with_buffer(&mut buf, (400, 50)).into_drawing_area();
        let st = style(22, INK);
        let name = "Phòng Văn hóa - Thông tin thành phố Điện Biên Phủ";
        let short = fit(&root, name, &st, 300);
        assert!(width_of(&root, &short, &st) <= 300, "{short}");
        assert!(short.starts_with("Phòng VH-TT"), "{short}");
        assert_eq!(fit(&root, "Sở Y tế", &st, 300), "Sở Y tế");
    }

    #[test]
    fn axis_maximum_is_rounded_up() {
        assert_eq!(nice_max(447.0), (500.0, 100.0));
        assert_eq!(nice_max(18.0), (20.0, 5.0));
        assert_eq!(nice_max(0.0), (1.0, 1.0));
    }
}
