//! The sample reports in the formats of contract section 3.1: an Excel
//! 97-2003 workbook (`.xls`), a LibreOffice spreadsheet (`.ods`), a Word
//! report (`.docx`) and a web system's "Xuất Excel" (an HTML table named
//! `.xls`). Each carries every field the titled `.xlsx` layout carries, so
//! a unit's figures do not depend on its format. No crate writes `.xls`,
//! `.ods` or this `.docx` with a stable byte output, so the few records
//! and XML parts are written here (the readers' tests use files made by
//! xlwt, odfpy and python-docx instead).

use super::containers::zip_parts;
use super::report::{Report, Row};
use crate::text::group_thousands;

/// A cell of a sample table.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum SampleCell {
    Empty,
    Text(String),
    Number(f64),
}

impl SampleCell {
    fn text(s: impl Into<String>) -> SampleCell {
        let s = s.into();
        if s.is_empty() {
            SampleCell::Empty
        } else {
            SampleCell::Text(s)
        }
    }

    /// As a person would type it in Word or a web page (`1.234`, `2,5`).
    fn shown(&self) -> String {
        match self {
            SampleCell::Empty => String::new(),
            SampleCell::Text(s) => s.clone(),
            SampleCell::Number(n) if n.fract() == 0.0 => group_thousands(*n as i64, '.'),
            SampleCell::Number(n) => n.to_string().replace('.', ","),
        }
    }
}

/// The item columns of the titled layouts (`.xlsx` too, with its own name
/// for the date); here "Số lượng" and "Lượt tiếp cận" sit under a "Kết
/// quả" heading merged over both.
pub(super) const ITEM_COLUMNS: [&str; 12] = [
    "Ngày",
    "Chủ đề",
    "Nội dung cụ thể",
    "Ưu tiên HĐNQ",
    "Hình thức",
    "Tên tin bài",
    "Số lượng",
    "Lượt tiếp cận",
    "Thời lượng (phút)",
    "Ngôn ngữ",
    "Kênh",
    "Ghi chú",
];
const RESULT_COLUMNS: (usize, usize) = (6, 7);

/// An item's cells under [`ITEM_COLUMNS`]: figures as numbers, a bad
/// value the generator planted as the text it is.
pub(super) fn item_cells(r: &Row) -> Vec<SampleCell> {
    let number = |n: Option<f64>| n.map_or(SampleCell::Empty, SampleCell::Number);
    vec![
        SampleCell::text(r.date_dmy()),
        SampleCell::text(r.theme_text()),
        SampleCell::text(r.subtheme.clone()),
        number(r.hrc.map(f64::from)),
        SampleCell::text(r.form.clone()),
        SampleCell::text(r.title.clone()),
        r.over("quantity")
            .map_or(SampleCell::Number(r.quantity as f64), SampleCell::text),
        number(r.reach.map(|n| n as f64)),
        number(r.duration),
        SampleCell::text(r.language.clone()),
        SampleCell::text(r.channel.clone()),
        SampleCell::text(r.notes.clone()),
    ]
}

impl Report<'_> {
    /// The lines above the table: the letterhead, the title with the
    /// period, the unit and the date sent.
    fn title_lines(&self) -> Vec<String> {
        let period = match self.period.split_once('-') {
            Some((y, m)) => format!("THÁNG {} NĂM {y}", m.trim_start_matches('0')),
            None => format!("NĂM {}", self.period),
        };
        vec![
            "UBND TỈNH ĐIỆN BIÊN".into(),
            self.unit.name_vi.to_uppercase(),
            format!("BÁO CÁO KẾT QUẢ TRUYỀN THÔNG VỀ QUYỀN CON NGƯỜI {period}"),
            format!("Đơn vị: {}", self.unit_label),
            format!("Ngày gửi: {}", self.received.format("%d/%m/%Y")),
        ]
    }

    /// An Excel 97-2003 workbook: the title lines (the title merged across
    /// the table), a header of two rows, the items.
    pub(super) fn xls(&self) -> Vec<u8> {
        let mut book = biff::Sheet::default();
        let title = self.title_lines();
        for (r, line) in title.iter().enumerate() {
            book.cell(r as u16, 0, &SampleCell::Text(line.clone()));
        }
        book.merge(2, 2, 0, ITEM_COLUMNS.len() as u16 - 1);
        let h = title.len() as u16 + 1;
        header_rows(|r, c, v, span| {
            book.cell(h + r, c as u16, &SampleCell::text(v));
            if let Some((rows, cols)) = span {
                book.merge(h + r, h + r + rows - 1, c as u16, (c + cols) as u16 - 1);
            }
        });
        for (i, row) in self.rows.iter().enumerate() {
            for (c, v) in item_cells(row).iter().enumerate() {
                book.cell(h + 2 + i as u16, c as u16, v);
            }
        }
        biff::workbook("Báo cáo", &book)
    }

    /// A LibreOffice spreadsheet, laid out as the `.xls` one.
    pub(super) fn ods(&self) -> Vec<u8> {
        let mut rows = String::new();
        let cell = |v: &SampleCell, span: Option<(u16, usize)>| {
            let spans = span.map_or(String::new(), |(r, c)| {
                format!(r#" table:number-rows-spanned="{r}" table:number-columns-spanned="{c}""#)
            });
            match v {
                SampleCell::Empty => format!("<table:table-cell{spans}/>"),
                SampleCell::Text(s) => format!(
                    r#"<table:table-cell office:value-type="string"{spans}><text:p>{}</text:p></table:table-cell>"#,
                    xml_escape(s)
                ),
                SampleCell::Number(n) => format!(
                    r#"<table:table-cell office:value-type="float" office:value="{n}"{spans}><text:p>{n}</text:p></table:table-cell>"#
                ),
            }
        };
        let title = self.title_lines();
        for (r, line) in title.iter().enumerate() {
            let span = (r == 2).then_some((1, ITEM_COLUMNS.len()));
            rows.push_str(&format!(
                "<table:table-row>{}</table:table-row>",
                cell(&SampleCell::Text(line.clone()), span)
            ));
        }
        rows.push_str("<table:table-row><table:table-cell/></table:table-row>");
        let mut header = vec![vec![String::new(); ITEM_COLUMNS.len()]; 2];
        header_rows(|r, c, v, span| {
            header[r as usize][c] = cell(&SampleCell::text(v), span);
        });
        for row in header {
            let row: String = row
                .into_iter()
                .map(|c| {
                    if c.is_empty() {
                        "<table:covered-table-cell/>".to_string()
                    } else {
                        c
                    }
                })
                .collect();
            rows.push_str(&format!("<table:table-row>{row}</table:table-row>"));
        }
        for r in &self.rows {
            let row: String = item_cells(r).iter().map(|v| cell(v, None)).collect();
            rows.push_str(&format!("<table:table-row>{row}</table:table-row>"));
        }
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Báo cáo">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
        zip_parts(
            &[
                (
                    "mimetype",
                    b"application/vnd.oasis.opendocument.spreadsheet",
                ),
                ("META-INF/manifest.xml", manifest.as_bytes()),
                ("content.xml", content.as_bytes()),
            ],
            true,
        )
    }

    /// A Word report: the title lines and a sentence of narrative, then the
    /// table (its header of two rows with merged cells), then what comes
    /// next month.
    pub(super) fn docx(&self) -> Vec<u8> {
        let paragraph = |s: &str| {
            format!(
                "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                xml_escape(s)
            )
        };
        let mut body: String = self.title_lines().iter().map(|l| paragraph(l)).collect();
        let quantity: i64 = self.rows.iter().map(|r| r.quantity).sum();
        body.push_str(&paragraph(&format!(
            "Trong kỳ, đơn vị đã thực hiện {} hoạt động thông tin, tuyên truyền về quyền con người; kết quả cụ thể như sau:",
            group_thousands(quantity, '.')
        )));
        let tc = |text: &str, grid_span: usize, vmerge: Option<&str>| {
            let mut props = String::new();
            if grid_span > 1 {
                props.push_str(&format!("<w:gridSpan w:val=\"{grid_span}\"/>"));
            }
            if let Some(v) = vmerge {
                props.push_str(v);
            }
            format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", paragraph(text))
        };
        let mut header = [String::new(), String::new()];
        header_rows(|r, c, v, span| {
            let cell = match span {
                Some((2, _)) => tc(v, 1, Some("<w:vMerge w:val=\"restart\"/>")),
                Some((_, cols)) => tc(v, cols, None),
                None => tc(v, 1, None),
            };
            header[r as usize].push_str(&cell);
            // the row below continues a heading merged down
            if span.is_some_and(|(rows, _)| rows == 2) {
                header[1].push_str(&tc("", 1, Some("<w:vMerge/>")));
            }
            let _ = c;
        });
        let mut table = format!(
            "<w:tbl><w:tblGrid>{}</w:tblGrid>",
            "<w:gridCol/>".repeat(ITEM_COLUMNS.len())
        );
        for row in header {
            table.push_str(&format!("<w:tr>{row}</w:tr>"));
        }
        for r in &self.rows {
            let row: String = item_cells(r)
                .iter()
                .map(|v| tc(&v.shown(), 1, None))
                .collect();
            table.push_str(&format!("<w:tr>{row}</w:tr>"));
        }
        table.push_str("</w:tbl>");
        body.push_str(&table);
        body.push_str(&paragraph(
            "Phương hướng kỳ tới: tiếp tục thông tin, tuyên truyền theo Kế hoạch.",
        ));
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
        zip_parts(
            &[
                ("[Content_Types].xml", types.as_bytes()),
                ("_rels/.rels", rels.as_bytes()),
                ("word/document.xml", document.as_bytes()),
            ],
            true,
        )
    }

    /// What a web reporting system's "Xuất Excel" saves: one HTML table,
    /// its title rows spanning it, the header's headings spanning rows and
    /// columns, dates marked as text (`mso-number-format:"\@"`).
    pub(super) fn html(&self) -> Vec<u8> {
        let width = ITEM_COLUMNS.len();
        let mut page = String::from(
            "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><meta charset=\"utf-8\"><style>.text{mso-number-format:\"\\@\";}</style></head><body><table border=\"1\">\n",
        );
        for line in self.title_lines() {
            page.push_str(&format!(
                "<tr><td colspan=\"{width}\">{}</td></tr>\n",
                xml_escape(&line)
            ));
        }
        let mut header = [String::new(), String::new()];
        header_rows(|r, _, v, span| {
            let attrs = match span {
                Some((2, _)) => " rowspan=\"2\"".to_string(),
                Some((_, cols)) => format!(" colspan=\"{cols}\""),
                None => String::new(),
            };
            header[r as usize].push_str(&format!("<th{attrs}>{}</th>", xml_escape(v)));
        });
        for row in header {
            page.push_str(&format!("<tr>{row}</tr>\n"));
        }
        for r in &self.rows {
            page.push_str("<tr>");
            for (c, v) in item_cells(r).iter().enumerate() {
                let class = if c == 0 { " class=\"text\"" } else { "" };
                page.push_str(&format!("<td{class}>{}</td>", xml_escape(&v.shown())));
            }
            page.push_str("</tr>\n");
        }
        page.push_str("</table></body></html>\n");
        page.into_bytes()
    }
}

/// The two header rows: `f(row, column, text, Some((rows, columns)))` for
/// a heading spanning more than one cell. Headings outside "Kết quả" span
/// both rows; "Kết quả" spans its two columns, which are named below it.
fn header_rows(mut f: impl FnMut(u16, usize, &str, Option<(u16, usize)>)) {
    let (first, last) = RESULT_COLUMNS;
    for (c, name) in ITEM_COLUMNS.iter().enumerate() {
        if c == first {
            f(0, c, "Kết quả", Some((1, last - first + 1)));
        }
        if (first..=last).contains(&c) {
            f(1, c, name, None);
        } else {
            f(0, c, name, Some((2, 1)));
        }
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The few BIFF8 records an Excel 97-2003 workbook of one sheet needs
/// ([MS-XLS] 2.4), in a compound file.
mod biff {
    use super::SampleCell;

    /// One sheet's cells and merged ranges.
    #[derive(Default)]
    pub(super) struct Sheet {
        cells: Vec<(u16, u16, SampleCell)>,
        merges: Vec<(u16, u16, u16, u16)>,
    }

    impl Sheet {
        pub(super) fn cell(&mut self, row: u16, col: u16, v: &SampleCell) {
            if *v != SampleCell::Empty {
                self.cells.push((row, col, v.clone()));
            }
        }

        pub(super) fn merge(
            &mut self,
            first_row: u16,
            last_row: u16,
            first_col: u16,
            last_col: u16,
        ) {
            self.merges.push((first_row, last_row, first_col, last_col));
        }
    }

    fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
        out.extend(typ.to_le_bytes());
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
    }

    /// An XLUnicodeString: the length, then the text as UTF-16.
    fn unicode(s: &str, short: bool) -> Vec<u8> {
        let units: Vec<u16> = s.encode_utf16().collect();
        let mut out = if short {
            vec![units.len() as u8]
        } else {
            (units.len() as u16).to_le_bytes().to_vec()
        };
        out.push(1); // fHighByte: two bytes a character
        out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        out
    }

    fn bof(kind: u16) -> Vec<u8> {
        let mut d = Vec::new();
        for v in [0x0600u16, kind, 0x0DBB, 0x07CC] {
            d.extend(v.to_le_bytes());
        }
        d.extend([0u8; 8]);
        d
    }

    /// The workbook's bytes: globals (code page, a font, the 16 style
    /// formats and one cell format, the sheet's entry), then the sheet.
    pub(super) fn workbook(name: &str, sheet: &Sheet) -> Vec<u8> {
        let mut globals = Vec::new();
        record(&mut globals, 0x0809, &bof(0x0005));
        record(&mut globals, 0x0042, &1200u16.to_le_bytes()); // CODEPAGE: UTF-16
        let mut font = vec![200, 0, 0, 0, 0xFF, 0x7F, 0x90, 0x01, 0, 0, 0, 0, 0, 0];
        font.extend(unicode("Times New Roman", true));
        for _ in 0..4 {
            record(&mut globals, 0x0031, &font);
        }
        // XF: the 15 style formats Excel expects, then cell formats (the
        // cells use number 16)
        for i in 0..17 {
            let mut xf = vec![0u8; 20];
            let flags: u16 = if i < 15 { 0xFFF5 } else { 0x0001 };
            xf[4..6].copy_from_slice(&flags.to_le_bytes());
            xf[6] = 0x20; // aligned bottom
            record(&mut globals, 0x00E0, &xf);
        }
        record(&mut globals, 0x0293, &[0x00, 0x80, 0x00, 0xFF]); // STYLE: Normal
        let mut entry = vec![0u8; 6]; // the sheet's position, filled below
        entry.extend(unicode(name, true));
        let entry_at = globals.len() + 4;
        record(&mut globals, 0x0085, &entry);
        record(&mut globals, 0x000A, &[]);
        let position = globals.len() as u32;
        globals[entry_at..entry_at + 4].copy_from_slice(&position.to_le_bytes());

        let mut s = Vec::new();
        record(&mut s, 0x0809, &bof(0x0010));
        let rows = sheet.cells.iter().map(|c| c.0 + 1).max().unwrap_or(0) as u32;
        let cols = sheet.cells.iter().map(|c| c.1 + 1).max().unwrap_or(0);
        let mut dims = Vec::new();
        dims.extend(0u32.to_le_bytes());
        dims.extend(rows.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        dims.extend(cols.to_le_bytes());
        dims.extend(0u16.to_le_bytes());
        record(&mut s, 0x0200, &dims);
        for (row, col, v) in &sheet.cells {
            let mut d = Vec::new();
            d.extend(row.to_le_bytes());
            d.extend(col.to_le_bytes());
            d.extend(16u16.to_le_bytes()); // the cell format
            match v {
                SampleCell::Text(t) => {
                    d.extend(unicode(t, false));
                    record(&mut s, 0x0204, &d); // LABEL
                }
                SampleCell::Number(n) => {
                    d.extend(n.to_le_bytes());
                    record(&mut s, 0x0203, &d); // NUMBER
                }
                SampleCell::Empty => {}
            }
        }
        if !sheet.merges.is_empty() {
            let mut d = (sheet.merges.len() as u16).to_le_bytes().to_vec();
            for (r0, r1, c0, c1) in &sheet.merges {
                for v in [r0, r1, c0, c1] {
                    d.extend(v.to_le_bytes());
                }
            }
            record(&mut s, 0x00E5, &d); // MERGEDCELLS
        }
        record(&mut s, 0x000A, &[]);
        globals.extend(s);
        crate::samples::containers::compound_workbook(&globals)
    }
}
