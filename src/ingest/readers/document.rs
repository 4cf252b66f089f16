//! Documents (a Word report, a web page saved as `.xls`) as the grid every
//! reader produces: their paragraphs and tables, in order, become rows.
//! The first table whose header names a date and a form is the table of
//! items (tables that only lay out a letterhead come before it); what is
//! above it (paragraphs, and tables as their rows) is the preamble; a table
//! that directly follows it with the same columns is the same table
//! continued (over a page break), its repeated header skipped. Text after
//! the table is narrative: it is not mined for figures, and a second table
//! of items after it refuses the file, since figures must not be dropped.

use super::output::{ReadOutput, no_header, no_header_why};
use super::text::TextCells;
use crate::ingest::cell::{Cell, Merge, SourceRow};
use crate::ingest::header::{Band, find_band};
use crate::ingest::limits::{
    MAX_COLUMNS, MAX_GRID_CELLS, MAX_SHEET_ROWS, grid_too_large, too_many_columns,
};
use crate::ingest::reason::{Problem, ReasonCode};
use crate::ingest::table::{Hidden, Table};
use crate::ingest::template::is_column_number_row;
use crate::msg;

/// A paragraph or a table of a document, in the document's order.
#[derive(Debug)]
pub(super) enum Block {
    /// A paragraph or heading outside any table: its text, split at tabs
    /// (a letterhead set with a tab is two cells).
    Text(Vec<String>),
    Table(LaidTable),
}

/// A table with its merged cells laid out: `rows[r][c]` is the text of
/// grid row `r`, column `c` (empty under a merge), and `merges` the merged
/// ranges as (first row, last row, first column, last column), 0-based.
#[derive(Debug, Default)]
pub(super) struct LaidTable {
    pub rows: Vec<Vec<String>>,
    pub merges: Vec<(usize, usize, usize, usize)>,
    /// Rows the document hides (a web page's `display:none` rows), read as
    /// any other and named in a note.
    pub hidden_rows: Vec<usize>,
    /// Rows each column stays covered by a cell above that spans down
    /// (HTML `rowspan`).
    covered: Vec<usize>,
    col: usize,
    cells: u64,
}

impl LaidTable {
    /// Starts a row: the cells that follow go from its first free column.
    pub(super) fn start_row(&mut self) {
        for c in &mut self.covered {
            *c = c.saturating_sub(1);
        }
        self.rows.push(Vec::new());
        self.col = 0;
    }

    /// Marks the row being read as hidden where the document is shown.
    pub(super) fn hide_row(&mut self) {
        if let Some(last) = self.rows.len().checked_sub(1) {
            self.hidden_rows.push(last);
        }
    }

    /// Skips `n` grid columns (Word's `w:gridBefore`).
    pub(super) fn skip(&mut self, n: usize) {
        self.col = self.col.saturating_add(n);
    }

    /// Places a cell at the row's next free column, spanning `cols` columns
    /// and `rows` rows (both at least 1).
    ///
    /// Errors: `file.too_large` past [`MAX_COLUMNS`] columns or
    /// [`MAX_GRID_CELLS`] cells.
    pub(super) fn cell(&mut self, text: String, cols: usize, rows: usize) -> Result<(), Problem> {
        if self.rows.is_empty() {
            self.start_row();
        }
        while self.covered.get(self.col).is_some_and(|c| *c > 0) {
            self.col += 1;
        }
        let (cols, rows) = (cols.max(1), rows.max(1));
        let last = self.col.saturating_add(cols - 1);
        if last >= MAX_COLUMNS {
            return Err(too_many_columns(last.saturating_add(1)));
        }
        self.cells = self
            .cells
            .saturating_add((cols as u64).saturating_mul(rows as u64));
        if self.cells > MAX_GRID_CELLS {
            return Err(grid_too_large(self.cells));
        }
        let r = self.rows.len() - 1;
        let row = &mut self.rows[r];
        if row.len() <= last {
            row.resize(last + 1, String::new());
        }
        row[self.col] = text;
        if cols > 1 || rows > 1 {
            self.merges.push((r, r + rows - 1, self.col, last));
        }
        if rows > 1 {
            if self.covered.len() <= last {
                self.covered.resize(last + 1, 0);
            }
            for c in &mut self.covered[self.col..=last] {
                *c = rows;
            }
        }
        self.col = last + 1;
        Ok(())
    }

    /// Places an empty cell that continues the cell above it downwards
    /// (Word's `w:vMerge` without `restart`), widening that cell's merge.
    pub(super) fn continue_above(&mut self, cols: usize) -> Result<(), Problem> {
        let (col, r) = (self.col, self.rows.len().saturating_sub(1));
        self.cell(String::new(), cols, 1)?;
        if self.merges.last().is_some_and(|m| m.0 == r && m.2 == col) {
            self.merges.pop(); // its own span: the merge above covers it
        }
        let above = self
            .merges
            .iter_mut()
            .rev()
            .find(|m| m.1 + 1 == r && m.2 == col);
        match above {
            Some(m) => m.1 = r,
            None if r > 0 => self.merges.push((r - 1, r, col, col + cols.max(1) - 1)),
            None => {}
        }
        Ok(())
    }

    fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    fn is_blank(&self) -> bool {
        self.rows.iter().flatten().all(|t| t.trim().is_empty())
    }
}

/// Counts a document's rows (paragraphs and table rows) as they are read:
/// more than [`MAX_SHEET_ROWS`] is not a report.
#[derive(Debug, Default)]
pub(super) struct RowCount(u64);

impl RowCount {
    /// Counts one more row of `kind`'s document.
    ///
    /// Errors: `file.too_large` past [`MAX_SHEET_ROWS`].
    pub(super) fn add(&mut self, kind: Kind) -> Result<(), Problem> {
        self.0 += 1;
        if self.0 > MAX_SHEET_ROWS as u64 {
            return Err(Problem::new(
                ReasonCode::FileTooLarge,
                msg!(
                    kind.t("read-doc-too-many-rows", "read-page-too-many-rows"),
                    max = MAX_SHEET_ROWS.to_string()
                ),
            ));
        }
        Ok(())
    }
}

/// The lines typed in a layout table's cell above a table nested in it
/// (`Đơn vị: ...`, the title), given as paragraphs above that table:
/// `cell[*given..]` becomes one [`Block::Text`] per non-empty line, each
/// counted in `lines`, and `given` moves to the cell's end.
///
/// Errors: `file.too_large` from [`RowCount::add`].
pub(super) fn lines_above_nested_table(
    cell: &str,
    given: &mut usize,
    blocks: &mut Vec<Block>,
    lines: &mut RowCount,
    kind: Kind,
) -> Result<(), Problem> {
    for line in cell[*given..]
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        lines.add(kind)?;
        blocks.push(Block::Text(vec![line.to_string()]));
    }
    *given = cell.len();
    Ok(())
}

/// What kind of document, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Html,
}

impl Kind {
    /// The first for a Word document, the second for a web page.
    fn t(self, word: &'static str, html: &'static str) -> &'static str {
        match self {
            Kind::Word => word,
            Kind::Html => html,
        }
    }

    /// What the file is called where a hidden row is said (`document`,
    /// `page`): a word the normaliser names, not a sentence.
    fn noun(self) -> &'static str {
        match self {
            Kind::Word => "document",
            Kind::Html => "page",
        }
    }
}

/// Lays a document's blocks out as one grid and reads its table of items.
/// Lines count the document's paragraphs and table rows from the top.
///
/// Errors: `file.no_table` (no table at all: the narrative is not read for
/// figures; or no table with a header), `file.several_reports` (a second
/// table of items further down).
pub(super) fn read_blocks(blocks: Vec<Block>, kind: Kind) -> Result<ReadOutput, Problem> {
    let tables = blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(t) if !t.is_blank()))
        .count();
    if tables == 0 {
        let text = msg!(kind.t("read-doc-no-table", "read-page-no-table"));
        return Err(Problem::new(ReasonCode::FileNoTable, text));
    }
    // each table's own header band, found once
    let bands: Vec<Option<Band>> = blocks
        .iter()
        .map(|block| match block {
            Block::Table(t) => header_of(t),
            Block::Text(_) => None,
        })
        .collect();
    let numbers: Vec<usize> = (0..blocks.len())
        .filter(|&i| matches!(blocks[i], Block::Table(_)))
        .collect();
    // tables are numbered as a reader counts them, from the top
    let number_of = |i: usize| numbers.iter().position(|b| *b == i).map_or(0, |n| n + 1);
    let (at, band) = items_table(&blocks, &bands, kind, tables)?;
    let Block::Table(items) = &blocks[at] else {
        return Err(Problem::new(ReasonCode::FileNoTable, no_header()));
    };
    let header_rows: Vec<Vec<String>> =
        items.rows[band.start..band.start + band.header.rows].to_vec();
    let (continued, next) = continuation(&blocks, &bands, at, &header_rows);
    // a further table of items after the narrative
    for (i, band) in bands.iter().enumerate().skip(next) {
        if band.as_ref().is_some_and(|b| b.header.has_required()) {
            return Err(Problem::new(
                ReasonCode::FileSeveralReports,
                msg!(
                    kind.t("read-doc-two-tables", "read-page-two-tables"),
                    first = number_of(at).to_string(),
                    second = number_of(i).to_string()
                ),
            ));
        }
    }
    let mut grid = Grid::new(&blocks);
    grid.preamble(&blocks[..at]);
    let start = grid.rows.len() + band.start;
    grid.items(&blocks, at, &continued, band, &header_rows);
    let tables = numbers.len().to_string();
    let detail = if continued.is_empty() {
        msg!(
            kind.t("read-detail-table", "read-detail-html-table"),
            table = number_of(at).to_string(),
            tables = tables
        )
    } else {
        msg!(
            kind.t("read-detail-tables", "read-detail-html-tables"),
            first = number_of(at).to_string(),
            last = number_of(*continued.last().unwrap_or(&at)).to_string(),
            tables = tables
        )
    }
    .to_string();
    let band = Band {
        start,
        header: band.header.clone(),
    };
    let notes = grid.cells.notes();
    let mut table = Table::from_grid(grid.rows, band, grid.merges);
    table.unconvertible = grid.cells.unconvertible;
    table.hidden = Hidden {
        rows: grid.hidden.into_iter().collect(),
        place: kind.noun(),
        ..Default::default()
    };
    Ok(ReadOutput {
        table,
        detail,
        notes,
        ..Default::default()
    })
}

/// The items' table: the first with a date and a form column (and rows
/// under its header), else the first with a header at all; its block
/// index and header band.
fn items_table<'b>(
    blocks: &[Block],
    bands: &'b [Option<Band>],
    kind: Kind,
    tables: usize,
) -> Result<(usize, &'b Band), Problem> {
    let mut best: Option<(usize, &Band)> = None;
    for (i, block) in blocks.iter().enumerate() {
        let Block::Table(t) = block else { continue };
        let Some(band) = &bands[i] else { continue };
        let good = band.header.has_required() && t.rows.len() > band.start + band.header.rows;
        match &best {
            Some((_, b)) if b.header.has_required() || !good => {}
            _ => best = Some((i, band)),
        }
    }
    best.ok_or_else(|| {
        Problem::new(
            ReasonCode::FileNoTable,
            msg!(
                kind.t("read-doc-no-header", "read-page-no-header"),
                tables = tables,
                why = no_header_why()
            ),
        )
    })
}

/// Whether `t` starts with the header rows of the items' table.
fn repeats_header(t: &LaidTable, header_rows: &[Vec<String>]) -> bool {
    t.rows.len() >= header_rows.len() && t.rows[..header_rows.len()] == header_rows[..]
}

/// The same table continued after block `at`: each next block that is not
/// a blank paragraph and is a table of the same width that repeats the
/// header or has none of its own. Returns those blocks and the first
/// block after them.
fn continuation(
    blocks: &[Block],
    bands: &[Option<Band>],
    at: usize,
    header_rows: &[Vec<String>],
) -> (Vec<usize>, usize) {
    let Block::Table(items) = &blocks[at] else {
        return (Vec::new(), at + 1);
    };
    let width = items.width();
    let continues = |i: usize, t: &LaidTable| {
        t.width() == width
            && !t.is_blank()
            && (repeats_header(t, header_rows) || bands[i].is_none())
    };
    let mut continued = Vec::new();
    let mut next = at + 1;
    while let Some(block) = blocks.get(next) {
        match block {
            Block::Text(t) if t.iter().all(|s| s.trim().is_empty()) => next += 1,
            Block::Table(t) if continues(next, t) => {
                continued.push(next);
                next += 1;
            }
            _ => break,
        }
    }
    (continued, next)
}

/// The grid the document's blocks make: every paragraph and table row has
/// its line, read or not.
struct Grid {
    /// The first line of each block.
    starts: Vec<u64>,
    cells: TextCells,
    rows: Vec<SourceRow>,
    merges: Vec<Merge>,
    hidden: Vec<u64>,
}

impl Grid {
    fn new(blocks: &[Block]) -> Grid {
        let mut starts = Vec::with_capacity(blocks.len());
        let mut line = 1u64;
        for block in blocks {
            starts.push(line);
            line += match block {
                Block::Text(_) => 1,
                Block::Table(t) => t.rows.len() as u64,
            };
        }
        Grid {
            starts,
            cells: TextCells::default(),
            rows: Vec::new(),
            merges: Vec::new(),
            hidden: Vec::new(),
        }
    }

    fn push(&mut self, row: &[String], line: u64) {
        let cells = row
            .iter()
            .enumerate()
            .map(|(col, s)| self.cells.cell(s, line, col))
            .collect();
        self.rows.push(SourceRow { line, cells });
    }

    /// The blocks above the items' table, as lines. A table above the
    /// items lays out lines (a letterhead: the issuing body over the
    /// department on the left, the motto on the right, each a cell of two
    /// paragraphs): line k of the row is the k-th paragraph of each of its
    /// cells.
    fn preamble(&mut self, blocks: &[Block]) {
        for (i, block) in blocks.iter().enumerate() {
            let line = self.starts[i];
            match block {
                Block::Text(t) => self.push(t, line),
                Block::Table(t) => {
                    for (r, row) in t.rows.iter().enumerate() {
                        let lines: Vec<Vec<&str>> = row
                            .iter()
                            .map(|cell| cell.split('\n').filter(|l| !l.trim().is_empty()).collect())
                            .collect();
                        let depth = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
                        for k in 0..depth {
                            let sub: Vec<String> = lines
                                .iter()
                                .map(|l| l.get(k).map_or(String::new(), |s| s.to_string()))
                                .collect();
                            self.push(&sub, line + r as u64);
                        }
                    }
                }
            }
        }
    }

    /// The items' table (block `at`) and its continuations, their merged
    /// cells and the item rows hidden where the file is shown.
    fn items(
        &mut self,
        blocks: &[Block],
        at: usize,
        continued: &[usize],
        band: &Band,
        header_rows: &[Vec<String>],
    ) {
        let Block::Table(items) = &blocks[at] else {
            return;
        };
        for (k, i) in std::iter::once(at)
            .chain(continued.iter().copied())
            .enumerate()
        {
            let Block::Table(t) = &blocks[i] else {
                continue;
            };
            // a continuation may repeat the header on its new page, and the
            // column numbers under it (`(1) (2) (3)`) if the first part has them
            let skip = if k > 0 {
                let header = if repeats_header(t, header_rows) {
                    header_rows.len()
                } else {
                    0
                };
                let numbers = items
                    .rows
                    .get(band.start + header_rows.len())
                    .filter(|row| {
                        let cells: Vec<Cell> = row.iter().map(|s| Cell::text(s)).collect();
                        is_column_number_row(&cells)
                    });
                match numbers {
                    Some(first) if t.rows.get(header) == Some(first) => header + 1,
                    _ => header,
                }
            } else {
                0
            };
            let first = self.starts[i];
            let data_from = if k == 0 {
                band.start + header_rows.len()
            } else {
                skip
            };
            self.hidden.extend(
                t.hidden_rows
                    .iter()
                    .filter(|r| **r >= data_from)
                    .filter(|r| t.rows[**r].iter().any(|c| !c.trim().is_empty()))
                    .map(|r| first + *r as u64),
            );
            for (r, row) in t.rows.iter().enumerate().skip(skip) {
                self.push(row, first + r as u64);
            }
            self.merges.extend(
                t.merges
                    .iter()
                    .filter(|m| m.0 >= skip)
                    .map(|&(r0, r1, c0, c1)| Merge {
                        first_line: first + r0 as u64,
                        last_line: first + r1 as u64,
                        first_col: c0 as u32,
                        last_col: c1 as u32,
                    }),
            );
        }
    }
}

/// A table's own header band, found on its rows alone.
fn header_of(t: &LaidTable) -> Option<Band> {
    let mut cells = TextCells::default();
    let grid: Vec<SourceRow> = t
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let line = r as u64 + 1;
            SourceRow {
                line,
                cells: row
                    .iter()
                    .enumerate()
                    .map(|(c, s)| cells.cell(s, line, c))
                    .collect(),
            }
        })
        .collect();
    let merges: Vec<Merge> = t
        .merges
        .iter()
        .map(|&(r0, r1, c0, c1)| Merge {
            first_line: r0 as u64 + 1,
            last_line: r1 as u64 + 1,
            first_col: c0 as u32,
            last_col: c1 as u32,
        })
        .collect();
    find_band(&grid, &merges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> LaidTable {
        let mut t = LaidTable::default();
        for row in rows {
            t.start_row();
            for cell in *row {
                t.cell(cell.to_string(), 1, 1).unwrap();
            }
        }
        t
    }

    #[test]
    fn rowspan_and_colspan_are_laid_out_as_html_does() {
        // | A (2 rows) | B C (2 cols) |
        // |            | D   | E      |
        let mut t = LaidTable::default();
        t.start_row();
        t.cell("A".into(), 1, 2).unwrap();
        t.cell("BC".into(), 2, 1).unwrap();
        t.start_row();
        t.cell("D".into(), 1, 1).unwrap();
        t.cell("E".into(), 1, 1).unwrap();
        assert_eq!(t.rows[0], vec!["A", "BC", ""]);
        assert_eq!(t.rows[1], vec!["", "D", "E"]);
        assert_eq!(t.merges, vec![(0, 1, 0, 0), (0, 0, 1, 2)]);
    }

    #[test]
    fn word_vertical_merges_extend_down() {
        let mut t = LaidTable::default();
        for r in 0..3 {
            t.start_row();
            if r == 0 {
                t.cell("05/07/2023".into(), 1, 1).unwrap();
            } else {
                t.continue_above(1).unwrap();
            }
            t.cell(format!("item {r}"), 1, 1).unwrap();
        }
        assert_eq!(t.merges, vec![(0, 2, 0, 0)]);
        assert_eq!(t.rows[2], vec!["", "item 2"]);
    }

    #[test]
    fn a_table_continued_over_a_page_is_one_table() {
        let header: &[&str] = &["Ngày", "Hình thức", "Tên tin bài"];
        let blocks = vec![
            Block::Text(vec!["Đơn vị: Phòng VH-TT huyện Tuần Giáo".into()]),
            Block::Text(vec!["BÁO CÁO THÁNG 7 NĂM 2023".into()]),
            Block::Table(table(&[header, &["05/07/2023", "Tin", "Một"]])),
            Block::Text(vec![String::new()]),
            Block::Table(table(&[header, &["06/07/2023", "Bài", "Hai"]])),
            Block::Text(vec!["Phương hướng tháng tới: ...".into()]),
        ];
        let out = read_blocks(blocks, Kind::Word).unwrap();
        let t = &out.table;
        assert_eq!(t.preamble.len(), 2);
        assert_eq!(t.rows.len(), 2, "{:?}", t.rows);
        assert_eq!(t.rows[0].line, 4);
        assert_eq!(
            t.rows[1].line, 7,
            "line 5 is blank, line 6 the repeated header"
        );
        assert_eq!(out.detail, "tables 1-2 of 2, one table continued");
    }

    #[test]
    fn a_letterhead_laid_out_as_a_table_gives_its_lines() {
        let mut letterhead = LaidTable::default();
        letterhead.start_row();
        for cell in [
            "UBND TỈNH ĐIỆN BIÊN\nSỞ TƯ PHÁP\n",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n",
        ] {
            letterhead.cell(cell.into(), 1, 1).unwrap();
        }
        let blocks = vec![
            Block::Table(letterhead),
            Block::Text(vec!["BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN NĂM 2023".into()]),
            Block::Table(table(&[
                &["Ngày", "Hình thức", "Tên tin bài"],
                &["05/07/2023", "Tin", "Một"],
            ])),
        ];
        let out = read_blocks(blocks, Kind::Word).unwrap();
        let p = crate::ingest::table::read_preamble(&out.table.preamble);
        assert_eq!(p.letterhead, vec!["UBND TỈNH ĐIỆN BIÊN", "SỞ TƯ PHÁP"]);
        assert_eq!(p.title_period.as_deref(), Some("2023"));
        assert_eq!(out.detail, "table 2 of 2");
    }

    #[test]
    fn a_second_table_of_items_after_text_refuses_the_file() {
        let header: &[&str] = &["Ngày", "Hình thức", "Tên tin bài"];
        let blocks = vec![
            Block::Table(table(&[header, &["05/07/2023", "Tin", "Một"]])),
            Block::Text(vec!["2. Hội nghị".into()]),
            Block::Table(table(&[header, &["06/07/2023", "Hội nghị", "Hai"]])),
        ];
        let err = read_blocks(blocks, Kind::Word).unwrap_err();
        assert_eq!(err.code, ReasonCode::FileSeveralReports);
        assert!(err.text().contains("table 1 and table 2"), "{}", err.text());
        assert_eq!(
            err.msg.say(crate::i18n::Lang::Vi),
            "văn bản có hai bảng hoạt động, bảng 1 và bảng 2, giữa hai bảng có lời văn; các hoạt động của một báo cáo phải nằm trong một bảng (bảng nối tiếp sang trang sau được đọc là một bảng): đề nghị gộp hai bảng rồi gửi lại báo cáo"
        );
    }

    #[test]
    fn a_word_document_without_a_table_is_refused_in_vietnamese() {
        let blocks = vec![Block::Text(vec![
            "Trong tháng, đơn vị đã đăng 12 tin.".into(),
        ])];
        let err = read_blocks(blocks, Kind::Word).unwrap_err();
        assert_eq!(err.code, ReasonCode::FileNoTable);
        assert_eq!(
            err.msg.say(crate::i18n::Lang::Vi),
            "văn bản Word không có bảng nào: các hoạt động và số liệu phải được trình bày trong một bảng (các cột như Ngày, Hình thức, Chủ đề, Tên tin bài, Số lượng), vì phần lời văn không được đọc để lấy số liệu; đề nghị đơn vị đưa các hoạt động vào một bảng trong văn bản, hoặc gửi bảng dưới dạng Excel"
        );
    }
}
