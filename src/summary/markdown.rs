//! The summary as Markdown: the same sections, figures and tables as the
//! page, with the charts as PNG images beside it.

use std::fmt::Write;

use super::answer::Answer;
use super::data::SummaryData;
use super::error::SummaryError;
use super::figures::{Drawn, closing_sections, headline, units_note};
use super::labels::{cols, format_cell, show, stamp};
use super::options::{Lang, SummaryOptions};
use crate::msg;
use crate::reference::Campaign;

/// A table of `t`'s rows in the columns `cols` (column, heading), each cell
/// as every document shows it.
fn md_table(t: &Answer, cols: &[(String, String)], c: &Campaign, lang: Lang) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| {} |",
        cols.iter()
            .map(|(_, l)| l.replace('|', "\\|"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    let _ = writeln!(s, "|{}", cols.iter().map(|_| "---|").collect::<String>());
    for r in &t.rows {
        let cells: Vec<String> = cols
            .iter()
            .map(|(col, _)| show(t, r, col, c, lang).replace('|', "\\|"))
            .collect();
        let _ = writeln!(s, "| {} |", cells.join(" | "));
    }
    s
}

/// The same content as Markdown, charts linked as PNG files.
pub(super) fn markdown(
    d: &SummaryData,
    c: &Campaign,
    o: &SummaryOptions,
    charts: &[Drawn],
) -> Result<String, SummaryError> {
    let l = o.lang;
    let mut s = format!(
        "# {}\n\n",
        msg!("summary-title", year = d.year.to_string()).say(l)
    );
    let made_on = msg!("summary-made-on", stamp = stamp(&o.stamp, l));
    let _ = writeln!(s, "{}\n", made_on.say(l));
    for (label, v) in headline(d, l)? {
        let _ = writeln!(s, "- {label}: **{}**", format_cell(&v, l));
    }
    for ch in charts {
        let _ = writeln!(s, "\n## {}\n\n![{}]({}.png)\n", ch.title, ch.title, ch.name);
        if ch.name == "units_by_theme"
            && let Some(note) = units_note(d, l)
        {
            let _ = writeln!(s, "{note}\n");
        }
        s.push_str(&md_table(&ch.table, &ch.columns, c, l));
    }
    for (title, table) in closing_sections(d, l) {
        let _ = writeln!(s, "\n## {title}\n");
        s.push_str(&md_table(table, &cols(&table.names(), l), c, l));
    }
    Ok(s)
}
