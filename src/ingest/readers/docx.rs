//! Word reports (`.docx`): `word/document.xml` read as a stream of
//! paragraphs and tables ([`document`](super::document) makes them the
//! grid). A table cell's paragraphs are one text; `w:gridSpan` and
//! `w:vMerge` are merged cells; a table inside a cell (a table of items in
//! a frame or a layout table) is a table of its own, read before the table
//! around it (whose cell it also gives its text to), and the lines above it
//! in that cell are paragraphs above it; text boxes are read once (not again from their fallback
//! copy) and apart from the cell's line; deleted and moved-away text of
//! tracked changes, hidden text (`w:vanish`, directly or by a style) and
//! struck-out text are not read, as the reader of the page does not read
//! them; a raised or lowered run (a footnote mark) is kept apart from the
//! figure it follows.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::document::{Block, Kind, LaidTable, RowCount, lines_above_nested_table, read_blocks};
use super::measure::attr;
use super::output::ReadOutput;
use crate::ingest::limits::{cannot_open, check_unpacked};
use crate::ingest::reason::Problem;

fn damaged(e: &dyn std::fmt::Display) -> Problem {
    cannot_open("docx", e)
}

/// Tables nested deeper than this are read as their outer cell's text only.
const MAX_NESTING: usize = 8;

/// A table being read, and its open cell.
#[derive(Default)]
struct OpenTable {
    table: LaidTable,
    in_cell: bool,
    cell: String,
    span: usize,
    /// `w:vMerge`: `Some(true)` starts a merge down, `Some(false)` continues it.
    vmerge: Option<bool>,
    /// How much of the open cell's text is already given as paragraphs
    /// (the lines above a table inside it).
    given: usize,
}

/// The paragraphs and tables of a Word document, in order.
#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    lines: RowCount,
    /// How deep in tables the reader is (past [`MAX_NESTING`], tables are
    /// their outer cell's text only).
    tables: usize,
    /// The tables open, outermost first.
    open: Vec<OpenTable>,
    paragraphs: usize,
    paragraph: Vec<String>,
    in_text: bool,
    /// The current run is hidden text (`w:vanish`, directly or by its
    /// style) or struck out (`w:strike`: a figure crossed out and corrected
    /// beside it): not read, as the reader of the page does not read it.
    hidden_run: bool,
    /// The current paragraph's style hides its text.
    hidden_paragraph: bool,
    /// The current run is raised or lowered (`w:vertAlign`): a footnote
    /// mark, kept apart from the figure it follows.
    raised: bool,
    /// Styles whose text is hidden (`styles.xml`).
    hidden_styles: std::collections::HashSet<String>,
    /// Inside what is not text of the page: `w:tabs` (tab stops, not
    /// tabs), `mc:Fallback` (a copy), tracked deletions and moves away,
    /// the formatting a tracked change replaced.
    skipping: usize,
}

impl Body {
    /// Text of a `w:t` element.
    fn text(&mut self, s: &str) {
        if self.in_text {
            self.put(s);
        }
    }

    /// Text of the run being read (a `w:t`, or a tab or break in it),
    /// unless the run is not read.
    fn put(&mut self, s: &str) {
        if self.skipping > 0 || self.hidden_run || self.hidden_paragraph {
            return;
        }
        if std::mem::take(&mut self.raised) && !s.is_empty() {
            self.in_text_break();
        }
        if self.tables > 0 {
            self.cell_text(s);
        } else if let Some(last) = self.paragraph.last_mut() {
            last.push_str(s);
        }
    }

    /// Text into every open cell (an inner table's text is its outer
    /// cell's text too).
    fn cell_text(&mut self, s: &str) {
        for t in self.open.iter_mut().filter(|t| t.in_cell) {
            t.cell.push_str(s);
        }
    }

    /// A line break in the text being read (a cell's or a paragraph's).
    fn in_text_break(&mut self) {
        if self.tables > 0 {
            self.cell_text("\n");
        } else if let Some(last) = self.paragraph.last_mut() {
            last.push('\n');
        }
    }

    /// The innermost open table, when the reader is in it (not deeper).
    fn current(&mut self) -> Option<&mut OpenTable> {
        if self.tables == self.open.len() {
            self.open.last_mut()
        } else {
            None
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), Problem> {
        let val = || attr(e, "w:val");
        let number = || {
            val()
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
        };
        match e.name().as_ref() {
            // tab stops; a text box's fallback copy; tracked deletions and
            // moves away (their text is `w:delText`, but not always); the
            // formatting a tracked change replaced
            "w:tabs" | "mc:Fallback" | "w:del" | "w:moveFrom" | "w:rPrChange" | "w:pPrChange"
                if !empty =>
            {
                self.skipping += 1
            }
            _ if self.skipping > 0 => {}
            "w:tbl" if !empty => {
                // the lines above a table inside a cell are paragraphs above it
                if self.tables == self.open.len()
                    && let Some(outer) = self.open.last_mut()
                    && outer.in_cell
                {
                    let (cell, given) = (&outer.cell, &mut outer.given);
                    lines_above_nested_table(
                        cell,
                        given,
                        &mut self.blocks,
                        &mut self.lines,
                        Kind::Word,
                    )?;
                }
                if self.tables == self.open.len() && self.open.len() < MAX_NESTING {
                    self.open.push(OpenTable::default());
                }
                self.tables += 1;
            }
            "w:tr" => {
                if let Some(open) = self.current() {
                    open.table.start_row();
                    self.lines.add(Kind::Word)?;
                }
            }
            "w:gridBefore" => {
                if let Some(open) = self.current() {
                    open.table.skip(number());
                }
            }
            "w:tc" => {
                if let Some(open) = self.current() {
                    open.in_cell = true;
                    open.cell.clear();
                    open.given = 0;
                    open.span = 1;
                    open.vmerge = None;
                }
            }
            "w:gridSpan" => {
                if let Some(open) = self.current().filter(|o| o.in_cell) {
                    open.span = number();
                }
            }
            "w:vMerge" => {
                let restart = val().is_some_and(|v| v == "restart");
                if let Some(open) = self.current().filter(|o| o.in_cell) {
                    open.vmerge = Some(restart);
                }
            }
            "w:p" if !empty => {
                self.paragraphs += 1;
                if self.paragraphs == 1 && self.tables == 0 {
                    self.paragraph = vec![String::new()];
                }
            }
            "w:r" => (self.hidden_run, self.raised) = (false, false),
            "w:vanish" | "w:strike" | "w:dstrike" => self.hidden_run |= toggled_on(e),
            "w:rStyle" => self.hidden_run |= val().is_some_and(|v| self.hidden_styles.contains(&v)),
            "w:pStyle" => {
                self.hidden_paragraph = val().is_some_and(|v| self.hidden_styles.contains(&v))
            }
            "w:vertAlign" => {
                self.raised = val().is_some_and(|v| v == "superscript" || v == "subscript")
            }
            // a text box in a cell is not part of the cell's line
            "w:txbxContent" if !empty => self.in_text_break(),
            "w:t" if !empty => self.in_text = true,
            "w:tab" if self.tables > 0 => self.put(" "),
            "w:tab" if self.paragraphs > 0 => self.paragraph.push(String::new()),
            "w:br" | "w:cr" => self.put("\n"),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), Problem> {
        match name {
            "w:tabs" | "mc:Fallback" | "w:del" | "w:moveFrom" | "w:rPrChange" | "w:pPrChange" => {
                self.skipping = self.skipping.saturating_sub(1)
            }
            _ if self.skipping > 0 => {}
            "w:t" => self.in_text = false,
            "w:p" => {
                self.paragraphs = self.paragraphs.saturating_sub(1);
                self.hidden_paragraph = false;
                if self.paragraphs == 0 && self.tables == 0 {
                    self.lines.add(Kind::Word)?;
                    let paragraph = std::mem::take(&mut self.paragraph);
                    self.blocks.push(Block::Text(paragraph));
                } else if self.tables > 0 {
                    self.cell_text("\n");
                }
            }
            "w:tc" => {
                let closed = match self.current().filter(|o| o.in_cell) {
                    Some(open) => {
                        open.in_cell = false;
                        let text = std::mem::take(&mut open.cell);
                        match open.vmerge {
                            Some(false) => open.table.continue_above(open.span)?,
                            _ => open.table.cell(text, open.span, 1)?,
                        }
                        true
                    }
                    None => false,
                };
                if !closed {
                    self.cell_text(" ");
                }
            }
            "w:tbl" => {
                if self.tables == self.open.len()
                    && let Some(open) = self.open.pop()
                {
                    self.blocks.push(Block::Table(open.table));
                }
                self.tables = self.tables.saturating_sub(1);
                if self.tables > 0 {
                    self.cell_text(" ");
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// A toggle property (`<w:vanish/>`, `<w:strike w:val="0"/>`): on unless
/// its value says off.
fn toggled_on(e: &BytesStart) -> bool {
    attr(e, "w:val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off" | "none"))
}

/// The styles whose text Word hides (`w:vanish` in the style's run
/// properties), from `word/styles.xml` if there is one.
fn hidden_styles<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
) -> Result<std::collections::HashSet<String>, Problem> {
    let mut hidden = std::collections::HashSet::new();
    let Ok(part) = zip.by_name("word/styles.xml") else {
        return Ok(hidden);
    };
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut buf = Vec::new();
    let mut style: Option<String> = None;
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| damaged(&e))? {
            Event::Start(e) if e.name().as_ref() == "w:style" => {
                style = attr(&e, "w:styleId");
            }
            Event::Empty(e) | Event::Start(e) if e.name().as_ref() == "w:vanish" => {
                if let (Some(id), true) = (&style, toggled_on(&e)) {
                    hidden.insert(id.clone());
                }
            }
            Event::End(e) if e.name().as_ref() == "w:style" => style = None,
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(hidden)
}

/// `.docx`: the paragraphs before the table of items are the preamble
/// (`Đơn vị: ...`, `Kỳ báo cáo: ...`, a title with the period, `Ngày gửi:
/// ...`); the first table with a header is the table of items.
///
/// Errors: `file.damaged` (not a zip, no `word/document.xml`, broken XML),
/// `file.too_large` (unpacks past the limit, too many rows, columns or
/// cells), and those of [`read_blocks`].
pub(crate) fn read_docx(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    check_unpacked(bytes, "docx")?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let mut body = Body {
        hidden_styles: hidden_styles(&mut zip)?,
        ..Body::default()
    };
    let part = zip.by_name("word/document.xml").map_err(|e| damaged(&e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut buf = Vec::new();
    loop {
        match xml.read_event_into(&mut buf).map_err(|e| damaged(&e))? {
            Event::Start(e) => body.start(&e, false)?,
            Event::Empty(e) => body.start(&e, true)?,
            Event::End(e) => body.end(e.name().as_ref())?,
            Event::Text(t) => body.text(&t.xml10_content()),
            Event::CData(t) => body.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                        .unwrap_or_default()
                        .to_string(),
                };
                body.text(&c);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    read_blocks(body.blocks, Kind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells of the table of items in a body of WordprocessingML.
    fn cells(body: &str) -> Vec<Vec<String>> {
        let xml = format!(
            r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>Ngày</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Hình thức</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Số lượng</w:t></w:r></w:p></w:tc></w:tr>
{body}</w:tbl></w:body></w:document>"#
        );
        let out = read_docx(&crate::samples::fuzz_docx(xml.as_bytes())).unwrap();
        out.table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn tracked_changes_and_text_boxes_as_word_shows_them() {
        let row = |quantity: &str| {
            format!(
                "<w:tr><w:tc><w:p><w:r><w:t>05/07/2023</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Tin</w:t></w:r></w:p></w:tc><w:tc><w:p>{quantity}</w:p></w:tc></w:tr>"
            )
        };
        let body = [
            // a tracked move away, then the figure that stays
            row("<w:moveFrom><w:r><w:t>6</w:t></w:r></w:moveFrom><w:r><w:t>5</w:t></w:r>"),
            // a deletion written with w:t, an insertion
            row("<w:del><w:r><w:t>7</w:t></w:r></w:del><w:ins><w:r><w:t>8</w:t></w:r></w:ins>"),
            // the run was struck out before a tracked change took it back
            row("<w:r><w:rPr><w:rPrChange><w:rPr><w:strike/></w:rPr></w:rPrChange></w:rPr><w:t>9</w:t></w:r>"),
            // a text box beside the figure, and its fallback copy
            row("<w:r><w:t>150</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>8</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>8</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r>"),
        ]
        .concat();
        let quantities: Vec<String> = cells(&body).into_iter().map(|r| r[2].clone()).collect();
        assert_eq!(quantities, vec!["5", "8", "9", "150 / 8"]);
    }
}
