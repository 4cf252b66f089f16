//! The summary as Markdown: the same sections, figures and tables as the
//! page, with the charts as PNG images beside it.

use std::fmt::Write;

use serde_json::Value;

use super::data::{SummaryData, Table};
use super::figures::{Drawn, closing_sections, headline, units_note};
use super::labels::{cols, format_number};
use super::{Lang, SummaryOptions};
use crate::reference::Campaign;

fn md_table(t: &Table, cols: &[(String, String)], lang: Lang) -> String {
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
            .map(|(c, _)| format_number(r.get(c).unwrap_or(&Value::Null), lang).replace('|', "\\|"))
            .collect();
        let _ = writeln!(s, "| {} |", cells.join(" | "));
    }
    s
}

/// The same content as Markdown, charts linked as PNG files.
pub(super) fn markdown(
    d: &SummaryData,
    _c: &Campaign,
    o: &SummaryOptions,
    charts: &[Drawn],
) -> String {
    let l = o.lang;
    let mut s = format!(
        "# {} {}\n\n",
        l.t(
            "Báo cáo tổng hợp kết quả truyền thông về quyền con người năm",
            "Summary of communication on human rights,"
        ),
        d.year
    );
    let _ = writeln!(s, "{} {}\n", l.t("Lập ngày", "Made on"), o.stamp);
    for (label, v) in headline(d, l) {
        let _ = writeln!(s, "- {label}: **{}**", format_number(&v, l));
    }
    for ch in charts {
        let _ = writeln!(s, "\n## {}\n\n![{}]({}.png)\n", ch.title, ch.title, ch.name);
        if ch.name == "units_by_theme"
            && let Some(note) = units_note(d, l)
        {
            let _ = writeln!(s, "{note}\n");
        }
        s.push_str(&md_table(&ch.table, &ch.columns, l));
    }
    for (title, table) in closing_sections(d, l) {
        let _ = writeln!(s, "\n## {title}\n");
        s.push_str(&md_table(
            table,
            &cols(
                &table.columns.iter().map(String::as_str).collect::<Vec<_>>(),
                l,
            ),
            l,
        ));
    }
    s
}
