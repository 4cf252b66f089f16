//! The summary as one self-contained HTML page: charts inline as SVG, the
//! table of each chart's numbers under it, nothing fetched from elsewhere.

use std::fmt::Write;

use super::answer::{Answer, at};
use super::data::SummaryData;
use super::error::SummaryError;
use super::figures::{Drawn, closing_sections, headline, units_note};
use super::labels::{cols, day, format_cell, named, show, stamp};
use super::options::{Lang, SummaryOptions};
use crate::msg;
use crate::reference::Campaign;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A table of `t`'s rows in the columns `cols` (column, heading), each cell
/// as every document shows it; numbers right-aligned.
fn html_table(t: &Answer, cols: &[(String, String)], c: &Campaign, lang: Lang) -> String {
    let mut s = String::from("<table>\n<thead><tr>");
    for (_, label) in cols {
        let _ = write!(s, "<th>{}</th>", esc(label));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        s.push_str("<tr>");
        for (col, _) in cols {
            let number = t.get(r, col).number().is_some();
            let class = if number { " class=\"n\"" } else { "" };
            let _ = write!(s, "<td{class}>{}</td>", esc(&show(t, r, col, c, lang)));
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

const CSS: &str = "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#212121;line-height:1.45}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #0072b2;padding-bottom:.2em}h3{margin-top:1.5em}\
.cards{display:flex;flex-wrap:wrap;gap:1em}.card{border:1px solid #ddd;border-radius:6px;padding:.8em 1.2em;min-width:10em}\
.card b{display:block;font-size:1.6em;color:#0072b2}table{border-collapse:collapse;margin:1em 0;font-size:.9em;width:100%}\
th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f6fa}td.n{text-align:right;white-space:nowrap}\
figure{margin:1em 0}figure svg{width:100%;height:auto}footer{margin-top:3em;color:#777;font-size:.85em}";

/// The self-contained page: charts inline as SVG, a table under each.
pub(super) fn html(
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
    charts: &[Drawn],
) -> Result<String, SummaryError> {
    let l = o.lang;
    let mut s = String::new();
    let title = msg!("summary-title", year = d.year.to_string()).say(l);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        l.code(),
        esc(&title)
    );
    let _ = writeln!(s, "<h1>{}</h1>", esc(&title));
    let intro = msg!("summary-intro", stamp = stamp(&o.stamp, l));
    let _ = writeln!(s, "<p>{}</p>", esc(&intro.say(l)));
    s.push_str("<div class=\"cards\">\n");
    for (label, v) in headline(d, l)? {
        let _ = writeln!(
            s,
            "<div class=\"card\"><b>{}</b>{}</div>",
            esc(&format_cell(&v, l)),
            esc(&label)
        );
    }
    s.push_str("</div>\n");
    for ch in charts {
        let _ = writeln!(
            s,
            "<h2>{}</h2>\n<figure>{}</figure>",
            esc(&ch.title),
            strip_xml_header(&ch.svg)
        );
        if ch.name == "units_by_theme"
            && let Some(note) = units_note(d, l)
        {
            let _ = writeln!(s, "<p>{}</p>", esc(&note));
        }
        s.push_str(&html_table(&ch.table, &ch.columns, c, l));
    }
    let _ = writeln!(s, "<h2>{}</h2>", esc(&msg!("summary-by-theme").say(l)));
    let (theme_code, sub_theme) = (
        d.themes.text("theme_code")?,
        d.subthemes.text("theme_code")?,
    );
    let figures = ["items", "quantity", "reach", "units"]
        .map(|col| d.themes.number(col))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    for t in &c.themes {
        let row = d
            .themes
            .rows
            .iter()
            .find(|r| at(r, theme_code).text() == t.code.0);
        let name = named(c, "theme", &t.code.0, l).unwrap_or_default();
        let _ = writeln!(s, "<h3>{}</h3>", esc(&name));
        if let Some(r) = row {
            let f = |i: usize| format_cell(at(r, figures[i]), l);
            let said = msg!(
                "summary-theme-figures",
                items = f(0),
                quantity = f(1),
                reach = f(2),
                units = f(3)
            );
            let _ = writeln!(s, "<p>{}</p>", esc(&said.say(l)));
        }
        let subs = d
            .subthemes
            .filtered(|r| at(r, sub_theme).text() == t.code.0);
        if !subs.rows.is_empty() {
            s.push_str(&html_table(
                &subs,
                &cols(&["subtheme", "items", "quantity", "reach"], l),
                c,
                l,
            ));
        }
    }
    let _ = writeln!(s, "<h2>{}</h2>", esc(&msg!("summary-by-peak").say(l)));
    let peak_code = d.peaks.text("peak_code")?;
    for p in &c.peaks {
        let rows = d.peaks.filtered(|r| at(r, peak_code).text() == p.code);
        let _ = writeln!(
            s,
            "<h3>{} ({} – {})</h3>",
            esc(&named(c, "peak", &p.code, l).unwrap_or_default()),
            day(p.start, l),
            day(p.end, l)
        );
        s.push_str(&html_table(
            &rows,
            &cols(
                &[
                    "theme_code",
                    "quantity_inside",
                    "rate_inside",
                    "rate_outside",
                    "lift",
                ],
                l,
            ),
            c,
            l,
        ));
    }
    for (title, table) in closing_sections(d, l) {
        let _ = writeln!(s, "<h2>{}</h2>", esc(&title));
        s.push_str(&html_table(table, &cols(&table.names(), l), c, l));
    }
    let _ = writeln!(
        s,
        "<footer>baocao · {} · {}</footer>\n</body>\n</html>",
        esc(&o.source),
        esc(&o.stamp)
    );
    Ok(s)
}

fn strip_xml_header(svg: &str) -> &str {
    svg.find("<svg").map(|i| &svg[i..]).unwrap_or(svg)
}
