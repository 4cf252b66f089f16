//! HTML tables: what web reporting systems' "Xuất Excel" save under an
//! `.xls` name, and `.htm`/`.html` pages. The page is tokenised as browsers
//! tokenise it (html5ever) and read as a stream, never held as a tree: a
//! table's rows and cells (`colspan`, `rowspan` as merged cells), the
//! text outside tables (`<p>`, headings: the title lines) as paragraphs;
//! [`document`](super::document) makes them the grid. A cell is the text it
//! shows (Excel's `mso-number-format` text cells are text, as every cell
//! is), or the number Excel saved beside it (`x:num`, when what it shows is
//! rounded or a date); what the page hides in a cell (a style, a hiding
//! class) or strikes out (`<s>`, `<del>`) is not read, while a hidden row is
//! read and named, as a sheet's hidden row is; a `<sup>` footnote mark is
//! kept apart from its figure;
//! `<style>` and `<script>` are not text; `<br>` is a line break in a
//! cell; a table inside a cell (a layout table around the table of items)
//! is a table of its own, and its text is also that cell's text.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, StartTag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};

use super::document::{Block, Kind, LaidTable, RowCount, lines_above_nested_table, read_blocks};
use super::output::ReadOutput;
use super::text::decode;
use crate::ingest::limits::{MAX_HTML_BYTES, megabytes};
use crate::ingest::reason::{Problem, ReasonCode};

/// True when the bytes are an HTML page or fragment: after a byte-order
/// mark and blank space they open a tag, and the first kilobytes name
/// `<html`, `<table` or an HTML doctype.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    // a page saved as UTF-16 (with its byte-order mark) is read as text first
    let utf16 = encoding_rs::Encoding::for_bom(bytes)
        .filter(|(e, _)| *e != encoding_rs::UTF_8)
        .map(|(e, bom)| {
            let head = &bytes[bom..bytes.len().min(8192) & !1];
            e.decode_without_bom_handling(head)
                .0
                .into_owned()
                .into_bytes()
        });
    let bytes = utf16.as_deref().unwrap_or(bytes);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|i| bytes[i] != b'<') {
        return false;
    }
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    [&b"<html"[..], b"<table", b"<!doctype html"]
        .iter()
        .any(|tag| head.windows(tag.len()).any(|w| w == *tag))
}

#[derive(Default)]
struct Page {
    blocks: Vec<Block>,
    lines: RowCount,
    /// The tables open, outermost first (a layout table around the table
    /// of items is common in web pages): each is laid out as a block of its
    /// own, and an inner table's text is also its outer cell's text.
    tables: Vec<OpenTable>,
    paragraph: String,
    /// Inside `<head>`, `<style>` or `<script>`: not text of the page.
    hidden: usize,
    /// Inside an element the page hides (`style="display:none"`, the
    /// `hidden` attribute): its name, and how many of that name are open.
    hiding: Option<(String, usize)>,
    /// The page's style sheet, as read so far, and the classes it hides.
    style_sheet: String,
    hidden_classes: Vec<String>,
    in_style: bool,
    error: Option<Problem>,
}

/// A table being read, and its open cell.
#[derive(Default)]
struct OpenTable {
    table: LaidTable,
    in_cell: bool,
    cell: String,
    spans: (usize, usize),
    /// The open cell's `x:num`, the number Excel saved for it.
    value: Option<String>,
    /// How much of the open cell's text is already given as paragraphs
    /// (the lines above a table inside it).
    given: usize,
}

impl OpenTable {
    fn close_cell(&mut self) -> Result<(), Problem> {
        if self.in_cell {
            self.in_cell = false;
            self.given = 0;
            let shown = std::mem::take(&mut self.cell);
            let text = self.value.take().unwrap_or(shown);
            let (cols, rows) = self.spans;
            self.table.cell(text, cols, rows)?;
        }
        Ok(())
    }
}

/// Tables nested deeper than this are read as their outer cell's text only.
const MAX_NESTING: usize = 8;

/// The tags that end a paragraph of text outside a table.
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "br", "li", "tr", "caption", "center", "body",
];

/// Elements that never hold text or other elements.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

impl Page {
    /// True while inside an element the page hides: its tags and text are
    /// not read, as a browser does not show them. `hides` says whether this
    /// start tag hides its element.
    fn hidden_by_page(&mut self, start: bool, name: &str, hides: bool, closed: bool) -> bool {
        if let Some((hidden, open)) = &mut self.hiding {
            if hidden == name && !VOID.contains(&name) && !closed {
                if start {
                    *open += 1;
                } else {
                    *open -= 1;
                    if *open == 0 {
                        self.hiding = None;
                    }
                }
            }
            return true;
        }
        if start && hides && !closed && !VOID.contains(&name) {
            self.hiding = Some((name.to_string(), 1));
            return true;
        }
        false
    }

    fn flush_paragraph(&mut self) -> Result<(), Problem> {
        let text = std::mem::take(&mut self.paragraph);
        if !text.trim().is_empty() {
            self.lines.add(Kind::Html)?;
            self.blocks.push(Block::Text(vec![text]));
        }
        Ok(())
    }

    /// Text into every open cell (an inner table's text is its outer
    /// cell's text too).
    fn cell_text(&mut self, s: &str) {
        for t in self.tables.iter_mut().filter(|t| t.in_cell) {
            t.cell.push_str(s);
        }
    }

    fn tag(
        &mut self,
        start: bool,
        name: &str,
        attr: impl Fn(&str) -> Option<String>,
    ) -> Result<(), Problem> {
        if name == "style" {
            self.in_style = start;
            if !start {
                self.hidden_classes
                    .extend(hidden_classes(&std::mem::take(&mut self.style_sheet)));
            }
        }
        match (start, name) {
            (_, "head" | "style" | "script" | "template" | "noscript") => {
                if start {
                    self.hidden += 1;
                } else {
                    self.hidden = self.hidden.saturating_sub(1);
                }
            }
            // a raised or lowered mark (a footnote) is kept apart from the
            // figure it follows
            (true, "sup" | "sub") if !self.tables.is_empty() => self.cell_text("\n"),
            (true, "sup" | "sub") => self.paragraph.push(' '),
            // a page whose <head> is never closed
            (true, "body") => {
                self.hidden = 0;
                self.flush_paragraph()?;
            }
            _ if self.hidden > 0 => {}
            (true, "table") => {
                if self.tables.is_empty() {
                    self.flush_paragraph()?;
                }
                // the lines above a table inside a layout table's cell are
                // paragraphs above it (`Đơn vị: ...`, the title)
                if let Some(outer) = self.tables.last_mut()
                    && outer.in_cell
                {
                    let (cell, given) = (&outer.cell, &mut outer.given);
                    lines_above_nested_table(
                        cell,
                        given,
                        &mut self.blocks,
                        &mut self.lines,
                        Kind::Html,
                    )?;
                }
                if self.tables.len() < MAX_NESTING {
                    self.tables.push(OpenTable::default());
                }
            }
            (false, "table") => {
                if let Some(mut open) = self.tables.pop() {
                    open.close_cell()?;
                    self.blocks.push(Block::Table(open.table));
                }
                self.cell_text(" ");
            }
            (true, "tr") if !self.tables.is_empty() => {
                self.lines.add(Kind::Html)?;
                if let Some(open) = self.tables.last_mut() {
                    open.close_cell()?;
                    open.table.start_row();
                }
            }
            (false, "tr") => {
                if let Some(open) = self.tables.last_mut() {
                    open.close_cell()?;
                }
            }
            (true, "td" | "th") => {
                self.cell_text(" ");
                if let Some(open) = self.tables.last_mut() {
                    open.close_cell()?;
                    open.in_cell = true;
                    // the value Excel saved beside what the cell shows (`x:num`:
                    // 2.6 shown rounded as 3, a date's serial) is the cell's value
                    open.value =
                        attr("x:num").filter(|v| v.parse::<f64>().is_ok_and(f64::is_finite));
                    let span = |name: &str| {
                        attr(name)
                            .and_then(|v| v.parse::<usize>().ok())
                            .unwrap_or(1)
                    };
                    // as browsers clamp them: colspan 1-1000, rowspan 0-65534
                    open.spans = (
                        span("colspan").clamp(1, 1000),
                        span("rowspan").clamp(1, 65534),
                    );
                }
            }
            (false, "td" | "th") => {
                if let Some(open) = self.tables.last_mut() {
                    open.close_cell()?;
                }
                self.cell_text(" ");
            }
            (_, "br" | "p" | "div" | "li") if !self.tables.is_empty() => self.cell_text("\n"),
            (_, name) if self.tables.is_empty() && BLOCKS.contains(&name) => {
                self.flush_paragraph()?
            }
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, s: &str) {
        if self.in_style {
            self.style_sheet.push_str(s);
        }
        if self.hidden > 0 {
            return;
        }
        if self.tables.is_empty() {
            self.paragraph.push_str(s);
        } else {
            self.cell_text(s);
        }
    }
}

struct Sink(RefCell<Page>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut page = self.0.borrow_mut();
        if page.error.is_some() {
            return TokenSinkResult::Continue;
        }
        match token {
            TagToken(tag) => {
                let name = tag.name.to_ascii_lowercase();
                let start = tag.kind == StartTag;
                let attr = |name: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| (*a.name.local).eq_ignore_ascii_case(name))
                        .map(|a| a.value.trim().to_string())
                };
                // struck-out and deleted text is not read: a figure crossed
                // out and corrected beside it is the corrected one
                let struck = matches!(name.as_str(), "s" | "strike" | "del");
                let hides = struck
                    || tag.attrs.iter().any(|a| {
                        let attr = &*a.name.local;
                        attr.eq_ignore_ascii_case("hidden")
                            || (attr.eq_ignore_ascii_case("class")
                                && a.value
                                    .split_whitespace()
                                    .any(|c| page.hidden_classes.iter().any(|h| h == c)))
                            || (attr.eq_ignore_ascii_case("style") && hides_by_style(&a.value))
                    });
                // a hidden row is read, and named, as a hidden row of a sheet
                // is (Excel saves its hidden rows as `display:none` rows)
                let hidden_row = hides && start && &*name == "tr" && !struck;
                if page.hidden_by_page(start, &name, hides && !hidden_row, tag.self_closing) {
                    return TokenSinkResult::Continue;
                }
                if let Err(e) = page.tag(start, &name, attr) {
                    page.error = Some(e);
                }
                if hidden_row && let Some(open) = page.tables.last_mut() {
                    open.table.hide_row();
                }
                // the text of these is not markup
                if start && !tag.self_closing {
                    match name.as_str() {
                        "style" | "noscript" => return TokenSinkResult::RawData(RawKind::Rawtext),
                        "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                        "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                        _ => {}
                    }
                }
            }
            CharacterTokens(text) if page.hiding.is_none() => page.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// True when CSS declarations (a `style` attribute, a rule's braces) hide
/// what they apply to: `display: none`, `visibility: hidden`.
fn hides_by_style(declarations: &str) -> bool {
    let css: String = declarations
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    css.contains("display:none") || css.contains("visibility:hidden")
}

/// The classes a style sheet hides: rules `.name { display: none }` or
/// `td.name { visibility: hidden }`, read as CSS is written (selectors,
/// then declarations in braces), for the classes Excel and web systems use.
fn hidden_classes(sheet: &str) -> Vec<String> {
    let mut classes = Vec::new();
    for rule in sheet.split('}') {
        let Some((selectors, declarations)) = rule.split_once('{') else {
            continue;
        };
        if !hides_by_style(declarations) {
            continue;
        }
        for selector in selectors.split(',') {
            // the last simple selector: `.an`, `td.an`, `table .an`
            let last = selector.split_whitespace().last().unwrap_or("");
            if let Some((_, class)) = last.split_once('.')
                && !class.is_empty()
                && class
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            {
                classes.push(class.to_string());
            }
        }
    }
    classes
}

/// An HTML page's table of items (see [`read_blocks`]).
///
/// Errors: `file.too_large` (more than [`MAX_HTML_BYTES`], or too many
/// rows, columns or cells), and those of [`read_blocks`].
pub(crate) fn read_html(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(Problem::new(
            ReasonCode::FileTooLarge,
            crate::msg!(
                "read-html-too-big",
                size = megabytes(bytes.len() as u64),
                max = megabytes(MAX_HTML_BYTES as u64)
            ),
        ));
    }
    let (text, encoding) = decode(bytes);
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(text));
    let tokenizer = Tokenizer::new(
        Sink(RefCell::new(Page::default())),
        TokenizerOpts::default(),
    );
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let mut page = tokenizer.sink.0.into_inner();
    if let Some(e) = page.error.take() {
        return Err(e);
    }
    page.flush_paragraph()?;
    // tables the page never closed (cut short): what they hold is read
    while let Some(mut open) = page.tables.pop() {
        open.close_cell()?;
        page.blocks.push(Block::Table(open.table));
    }
    let mut out = read_blocks(page.blocks, Kind::Html)?;
    out.detail = format!("{}, {encoding}", out.detail);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;

    #[test]
    fn an_export_with_title_rows_spanning_the_table() {
        let page = r#"<html><head><meta charset="utf-8"><style>.t{mso-number-format:"\@";}</style></head><body>
<table border=1>
<tr><td colspan=4>UBND HUYỆN TUẦN GIÁO</td></tr>
<tr><td colspan=4><b>BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN THÁNG 7 NĂM 2023</b></td></tr>
<tr><th rowspan=2>Ngày</th><th rowspan=2>Hình thức</th><th colspan=2>Kết quả</th></tr>
<tr><th>Số lượng</th><th>Lượt tiếp cận</th></tr>
<tr><td class=t>05/07/2023</td><td>Tin</td><td>2</td><td>1.250</td></tr>
<tr><td>06/07/2023<td>Bài<td>1<td>300
</table></body></html>"#;
        assert!(looks_like_html(page.as_bytes()));
        let out = read_html(page.as_bytes()).unwrap();
        let t = &out.table;
        assert_eq!(
            t.header.names,
            vec![
                "Ngày",
                "Hình thức",
                "Kết quả / Số lượng",
                "Kết quả / Lượt tiếp cận"
            ]
        );
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells[3], Cell::Text("1.250".into()));
        assert_eq!(
            t.rows[1].cells[1],
            Cell::Text("Bài".into()),
            "cells closed by the next <td>"
        );
        assert_eq!(t.preamble.len(), 2);
        assert_eq!(out.detail, "HTML table 1 of 1, UTF-8");
    }

    #[test]
    fn what_the_page_hides_in_a_cell_is_not_read_its_hidden_rows_are() {
        let page = r#"<table><tr><td>Ngày</td><td>Hình thức</td><td>Số lượng</td></tr>
<tr><td>05/07/2023</td><td>Tin</td><td>5<span style="display: none">0</span></td></tr>
<tr style="DISPLAY:NONE"><td>06/07/2023</td><td>Tin</td><td>7</td></tr>
<tr><td>07/07/2023</td><td hidden>x</td><td>Bài</td><td>2</td></tr></table>"#;
        let out = read_html(page.as_bytes()).unwrap();
        let rows: Vec<Vec<String>> = out
            .table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.to_string()).collect())
            .collect();
        // a hidden row is read, marked hidden (v3: the normaliser refuses
        // it, `row.hidden`); hidden text in a cell is not read
        assert_eq!(
            rows,
            vec![
                vec!["05/07/2023", "Tin", "5"],
                vec!["06/07/2023", "Tin", "7"],
                vec!["07/07/2023", "Bài", "2"]
            ]
        );
        assert_eq!(out.table.hidden.rows, [3].into());
        assert_eq!(out.table.hidden.place, "page");
        assert!(out.notes.is_empty(), "{:?}", out.notes);
    }

    #[test]
    fn a_heading_merged_across_two_columns_with_nothing_under_it_is_one_field() {
        let page = "<table><tr><td>Ngày</td><td>Hình thức</td><td colspan=2>Tên tin bài</td><td>Số lượng</td></tr>\
            <tr><td>05/07/2023</td><td>Tin</td><td colspan=2>Một tin</td><td>2</td></tr></table>";
        let out = read_html(page.as_bytes()).unwrap();
        assert_eq!(
            out.table.header.names,
            vec!["Ngày", "Hình thức", "Tên tin bài", "column 4", "Số lượng"]
        );
        assert_eq!(
            out.table.header.column(crate::ingest::fields::Field::Title),
            Some(2)
        );
    }

    #[test]
    fn the_table_of_items_inside_a_layout_table() {
        let page = "<table width=100%><tr><td><p>Đơn vị: Sở Tư pháp</p>\
            <table><tr><th>Ngày</th><th>Hình thức</th></tr><tr><td>05/07/2023</td><td>Tin</td></tr></table>\
            </td></tr></table>";
        let out = read_html(page.as_bytes()).unwrap();
        assert_eq!(out.table.header.names, vec!["Ngày", "Hình thức"]);
        let p = crate::ingest::table::read_preamble(&out.table.preamble);
        assert_eq!(p.unit.as_deref(), Some("Sở Tư pháp"));
        assert_eq!(out.table.rows.len(), 1);
        assert_eq!(out.table.rows[0].cells[1], Cell::Text("Tin".into()));
    }

    #[test]
    fn text_in_style_and_script_is_not_read() {
        assert!(!looks_like_html(b"Ngay,Hinh thuc\n"));
        let page = "<table><tr><td>Ngày<script>var a='<td>x</td>';</script></td><td>Hình thức</td></tr><tr><td>05/07/2023</td><td>Tin</td></tr></table>";
        let out = read_html(page.as_bytes()).unwrap();
        assert_eq!(out.table.header.names, vec!["Ngày", "Hình thức"]);
    }
}
