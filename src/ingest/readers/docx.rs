//! Word reports (`.docx`): `word/document.xml` read as a stream of
//! paragraphs and tables ([`document`](super::document) makes them the
//! grid). A table cell's paragraphs are one text; `w:gridSpan` and
//! `w:vMerge` are merged cells; a table inside a cell gives its text to
//! that cell; text boxes are read once (not again from their fallback
//! copy); deleted text of tracked changes and hidden text (`w:vanish`)
//! are not read, as Word neither shows nor prints them.

use std::io::{BufReader, Cursor};

use quick_xml::events::{BytesStart, Event};

use super::ReadOutput;
use super::document::{Block, Kind, LaidTable, RowCount, read_blocks};
use crate::ingest::limits::check_unpacked;
use crate::ingest::reason::{Problem, ReasonCode};

fn damaged(e: &dyn std::fmt::Display) -> Problem {
    Problem::new(
        ReasonCode::FileDamaged,
        format!(
            "the Word document cannot be read ({e}); it may be damaged or cut short: open it in Word, save it again as .docx and resend it"
        ),
    )
}

/// The paragraphs and tables of a Word document, in order.
#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    lines: RowCount,
    tables: usize,
    table: LaidTable,
    paragraphs: usize,
    paragraph: Vec<String>,
    in_cell: bool,
    cell: String,
    span: usize,
    /// `w:vMerge`: `Some(true)` starts a merge down, `Some(false)` continues it.
    vmerge: Option<bool>,
    in_text: bool,
    /// The current run is hidden text (`w:vanish`): Word does not show
    /// or print it, so it is not read.
    hidden_run: bool,
    /// Inside `w:tabs` (tab stops, not tabs) or `mc:Fallback` (a copy).
    skipping: usize,
}

impl Body {
    fn text(&mut self, s: &str) {
        if !self.in_text || self.skipping > 0 || self.hidden_run {
            return;
        }
        if self.tables > 0 {
            if self.in_cell {
                self.cell.push_str(s);
            }
        } else if let Some(last) = self.paragraph.last_mut() {
            last.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), Problem> {
        let val = || {
            e.try_get_attribute("w:val")
                .ok()
                .flatten()
                .map(|a| a.value.to_string())
        };
        let number = || {
            val()
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
        };
        match e.name().as_ref() {
            "w:tabs" | "mc:Fallback" if !empty => self.skipping += 1,
            _ if self.skipping > 0 => {}
            "w:tbl" if !empty => {
                self.tables += 1;
                if self.tables == 1 {
                    self.table = LaidTable::default();
                }
            }
            "w:tr" if self.tables == 1 => {
                self.lines.add(Kind::Word)?;
                self.table.start_row();
            }
            "w:gridBefore" if self.tables == 1 => self.table.skip(number()),
            "w:tc" if self.tables == 1 => {
                self.in_cell = true;
                self.cell.clear();
                self.span = 1;
                self.vmerge = None;
            }
            "w:gridSpan" if self.tables == 1 && self.in_cell => self.span = number(),
            "w:vMerge" if self.tables == 1 && self.in_cell => {
                self.vmerge = Some(val().is_some_and(|v| v == "restart"))
            }
            "w:p" if !empty => {
                self.paragraphs += 1;
                if self.paragraphs == 1 && self.tables == 0 {
                    self.paragraph = vec![String::new()];
                }
            }
            "w:r" => self.hidden_run = false,
            "w:vanish" => {
                self.hidden_run = val().is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
            }
            "w:t" if !empty => self.in_text = true,
            "w:tab" => {
                if self.tables > 0 {
                    self.in_text = true;
                    self.text(" ");
                    self.in_text = false;
                } else if self.paragraphs > 0 {
                    self.paragraph.push(String::new());
                }
            }
            "w:br" | "w:cr" => {
                let was = std::mem::replace(&mut self.in_text, true);
                self.text("\n");
                self.in_text = was;
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), Problem> {
        match name {
            "w:tabs" | "mc:Fallback" => self.skipping = self.skipping.saturating_sub(1),
            _ if self.skipping > 0 => {}
            "w:t" => self.in_text = false,
            "w:p" => {
                self.paragraphs = self.paragraphs.saturating_sub(1);
                if self.paragraphs == 0 && self.tables == 0 {
                    self.lines.add(Kind::Word)?;
                    let paragraph = std::mem::take(&mut self.paragraph);
                    self.blocks.push(Block::Text(paragraph));
                } else if self.in_cell {
                    self.cell.push('\n');
                }
            }
            "w:tc" if self.tables == 1 && self.in_cell => {
                self.in_cell = false;
                let text = std::mem::take(&mut self.cell);
                match self.vmerge {
                    Some(false) => self.table.continue_above(self.span)?,
                    _ => self.table.cell(text, self.span, 1)?,
                }
            }
            "w:tc" if self.tables > 1 && self.in_cell => self.cell.push(' '),
            "w:tbl" => {
                self.tables = self.tables.saturating_sub(1);
                if self.tables == 0 {
                    let table = std::mem::take(&mut self.table);
                    self.blocks.push(Block::Table(table));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// `.docx`: the paragraphs before the table of items are the preamble
/// (`Đơn vị: ...`, `Kỳ báo cáo: ...`, a title with the period, `Ngày gửi:
/// ...`); the first table with a header is the table of items.
///
/// Errors: `file.damaged` (not a zip, no `word/document.xml`, broken XML),
/// `file.too_large` (unpacks past the limit, too many rows, columns or
/// cells), and those of [`read_blocks`].
pub fn read_docx(bytes: &[u8]) -> Result<ReadOutput, Problem> {
    check_unpacked(bytes, "Word document")?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e))?;
    let part = zip.by_name("word/document.xml").map_err(|e| damaged(&e))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut body = Body::default();
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
