//! How the sample generator lays out one report in each of the formats
//! offices send: the header spellings, encodings, separators, title blocks
//! and number habits differ per layout, as they do in real inboxes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use serde_json::{Map, Value, json};

use super::documents::{ITEM_COLUMNS, SampleCell, item_cells};
use super::report::{Layout, Report, Row, SampleFile};
use crate::domain::UnitKind;
use crate::text::group_thousands;

impl Report<'_> {
    fn period_vi(&self) -> String {
        match self.period.split_once('-') {
            Some((y, m)) => format!("Tháng {}/{y}", m.trim_start_matches('0')),
            None => format!("Năm {}", self.period),
        }
    }

    pub(super) fn file(&self, path: &str) -> SampleFile {
        let bytes = match self.layout {
            Layout::XlsxTitled => self.xlsx(),
            Layout::Csv1258 => self.csv_1258(),
            Layout::Utf16Tab => self.utf16(),
            Layout::CsvUtf8Columns => self.csv_columns(),
            Layout::CsvUtf8Preamble => self.csv_preamble(),
            Layout::JsonEnvelope => self.json(),
            Layout::Ndjson => self.ndjson(),
            Layout::Xls => self.xls(),
            Layout::Ods => self.ods(),
            Layout::Docx => self.docx(),
            Layout::HtmlXls => self.html(),
        };
        SampleFile {
            path: path.to_string(),
            bytes,
        }
    }

    fn csv(records: Vec<Vec<String>>, delimiter: u8) -> String {
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for r in records {
            let _ = w.write_record(&r);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    fn csv_1258(&self) -> Vec<u8> {
        let mut recs = vec![
            vec![format!("Đơn vị: {}", self.unit_label)],
            vec![format!("Kỳ báo cáo: {}", self.period_vi())],
            vec![format!("Ngày gửi: {}", self.received.format("%d/%m/%Y"))],
            vec![],
            [
                "Ngày",
                "Nội dung",
                "Hình thức",
                "Tiêu đề",
                "SL",
                "Lượt xem",
                "Tiếng",
                "Thời lượng (phút)",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for r in &self.rows {
            recs.push(vec![
                r.date_dmy(),
                r.theme_text(),
                r.form.clone(),
                r.title.clone(),
                r.quantity_text(),
                r.reach.map(|n| group_thousands(n, '.')).unwrap_or_default(),
                r.language.clone(),
                r.duration
                    .map(|d| d.to_string().replace('.', ","))
                    .unwrap_or_default(),
            ]);
        }
        let text = crate::text::to_windows_1258_form(&Self::csv(recs, b';'));
        encoding_rs::WINDOWS_1258.encode(&text).0.into_owned()
    }

    fn utf16(&self) -> Vec<u8> {
        let mut recs = vec![
            [
                "Thời gian",
                "Lĩnh vực",
                "Tiểu mục",
                "Thể loại",
                "Tên sản phẩm",
                "Số lượng",
                "Số lượt người",
                "Ngôn ngữ",
                "Ngày gửi",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for r in &self.rows {
            recs.push(vec![
                r.over("date")
                    .map(str::to_string)
                    .unwrap_or_else(|| r.date.format("%-d/%-m/%Y").to_string()),
                r.theme_text(),
                r.subtheme.clone(),
                r.form.clone(),
                r.title.clone(),
                r.quantity_text(),
                r.reach.map(|n| n.to_string()).unwrap_or_default(),
                r.language.clone(),
                self.received.format("%d/%m/%Y").to_string(),
            ]);
        }
        let text = Self::csv(recs, b'\t');
        let mut out = vec![0xFF, 0xFE];
        out.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    fn csv_columns(&self) -> Vec<u8> {
        let mut recs = vec![
            [
                "Đơn vị",
                "Kỳ báo cáo",
                "Ngày nhận",
                "Ngày",
                "Chủ đề",
                "Hình thức",
                "Tên tin bài",
                "Số lượng",
                "Lượt tiếp cận",
                "Đường dẫn",
            ]
            .map(String::from)
            .to_vec(),
        ];
        let (y, m) = self.period.split_once('-').unwrap_or((&self.period, ""));
        for r in &self.rows {
            recs.push(vec![
                self.unit_label.clone(),
                format!("{m}/{y}"),
                self.received.format("%Y-%m-%d").to_string(),
                r.over("date")
                    .map(str::to_string)
                    .unwrap_or_else(|| r.date.format("%Y-%m-%d").to_string()),
                r.theme_text(),
                r.form.clone(),
                r.title.clone(),
                r.quantity_text(),
                r.reach.map(|n| group_thousands(n, ',')).unwrap_or_default(),
                r.url.clone(),
            ]);
        }
        let mut out = vec![0xEF, 0xBB, 0xBF];
        out.extend(Self::csv(recs, b',').into_bytes());
        out
    }

    fn csv_preamble(&self) -> Vec<u8> {
        let mut recs = Vec::new();
        if !self.unit_label.is_empty() {
            recs.push(vec![format!("Đơn vị: {}", self.unit_label)]);
        }
        recs.push(vec![if self.period.contains('-') {
            format!("Kỳ báo cáo: {}", self.period_vi())
        } else {
            self.period_vi()
        }]);
        recs.push(vec![format!(
            "Ngày gửi: {}",
            self.received.format("%d/%m/%Y")
        )]);
        recs.push(
            [
                "Ngày đăng",
                "Chủ đề",
                "Hình thức",
                "Tên hoạt động",
                "Số lượng",
                "Số người tham dự",
                "Ghi chú",
            ]
            .map(String::from)
            .to_vec(),
        );
        for r in &self.rows {
            recs.push(vec![
                r.date_dmy(),
                r.theme_text(),
                r.form.clone(),
                r.title.clone(),
                r.quantity_text(),
                r.reach.map(|n| group_thousands(n, '.')).unwrap_or_default(),
                r.notes.clone(),
            ]);
        }
        Self::csv(recs, b',').into_bytes()
    }

    fn item(&self, r: &Row, dates_iso: bool) -> Map<String, Value> {
        let mut m = Map::new();
        let date = if dates_iso {
            r.over("date")
                .map(str::to_string)
                .unwrap_or_else(|| r.date.to_string())
        } else {
            r.date_dmy()
        };
        m.insert("date".into(), json!(date));
        m.insert("theme".into(), json!(r.theme_text()));
        if !r.subtheme.is_empty() {
            m.insert("subtheme".into(), json!(r.subtheme));
        }
        if let Some(h) = r.hrc {
            m.insert("hrc_priority".into(), json!(h));
        }
        m.insert("form".into(), json!(r.form));
        m.insert("title".into(), json!(r.title));
        match r.over("quantity") {
            Some(q) => m.insert("quantity".into(), json!(q)),
            None => m.insert("quantity".into(), json!(r.quantity)),
        };
        if let Some(n) = r.reach {
            m.insert("reach".into(), json!(n));
        }
        if !r.channel.is_empty() {
            m.insert("channel".into(), json!(r.channel));
        }
        m
    }

    fn json(&self) -> Vec<u8> {
        let items: Vec<Value> = self
            .rows
            .iter()
            .map(|r| Value::Object(self.item(r, true)))
            .collect();
        let doc = json!({
            "unit": self.unit_label,
            "period": self.period,
            "received_at": self.received.to_string(),
            "items": items,
        });
        serde_json::to_vec_pretty(&doc).unwrap_or_default()
    }

    fn ndjson(&self) -> Vec<u8> {
        let mut out = String::new();
        for r in &self.rows {
            let mut m = Map::new();
            m.insert("unit".into(), json!(self.unit.code.0));
            m.insert("period".into(), json!(self.period));
            m.insert("received_at".into(), json!(self.received.to_string()));
            m.extend(self.item(r, false));
            out.push_str(&Value::Object(m).to_string());
            out.push('\n');
        }
        out.into_bytes()
    }

    fn xlsx(&self) -> Vec<u8> {
        let mut book = Workbook::new();
        if let Ok(created) = ExcelDateTime::from_ymd(2023, 11, 1) {
            book.set_properties(
                &DocProperties::new()
                    .set_creation_datetime(&created)
                    .set_author("baocao samples"),
            );
        }
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        let bold = Format::new().set_bold();
        let sheet = book.add_worksheet();
        let _ = sheet.set_name("Báo cáo");
        let upper = if matches!(self.unit.kind, UnitKind::District | UnitKind::CultureOffice) {
            "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN".to_string()
        } else {
            "UBND TỈNH ĐIỆN BIÊN".to_string()
        };
        let title_rows = [
            upper,
            self.unit.name_vi.to_uppercase(),
            "BÁO CÁO KẾT QUẢ TRUYỀN THÔNG VỀ QUYỀN CON NGƯỜI".to_string(),
            if self.period.contains('-') {
                self.period_vi().replace('/', " năm ")
            } else {
                self.period_vi()
            },
            format!("Đơn vị: {}", self.unit_label),
            format!("Ngày gửi: {}", self.received.format("%d/%m/%Y")),
        ];
        for (i, t) in title_rows.iter().enumerate() {
            let _ = sheet.write_string_with_format(i as u32, 0, t, &bold);
        }
        // the item columns every titled layout has, the date named as the
        // form of the province names it
        let headers = ["STT", "Ngày thực hiện"]
            .into_iter()
            .chain(ITEM_COLUMNS.iter().skip(1).copied());
        let h = 7u32;
        for (c, name) in headers.enumerate() {
            let _ = sheet.write_string_with_format(h, c as u16, name, &bold);
            let _ = sheet.write_string(h + 1, c as u16, format!("({})", c + 1));
        }
        let _ = sheet.set_column_width(6, 60);
        let mut total = 0;
        for (i, r) in self.rows.iter().enumerate() {
            let row = h + 2 + i as u32;
            let _ = sheet.write_number(row, 0, (i + 1) as f64);
            match (
                r.over("date"),
                ExcelDateTime::from_ymd(
                    r.date.format("%Y").to_string().parse().unwrap_or(2023),
                    r.date.format("%m").to_string().parse().unwrap_or(1),
                    r.date.format("%d").to_string().parse().unwrap_or(1),
                ),
            ) {
                (None, Ok(d)) => {
                    let _ = sheet.write_datetime_with_format(row, 1, &d, &date_format);
                }
                (over, _) => {
                    let _ = sheet.write_string(
                        row,
                        1,
                        over.map(str::to_string).unwrap_or_else(|| r.date_dmy()),
                    );
                }
            }
            // after the date, each item column one to the right
            for (c, v) in item_cells(r).into_iter().enumerate().skip(1) {
                let c = c as u16 + 1;
                let _ = match v {
                    SampleCell::Text(t) => sheet.write_string(row, c, t),
                    SampleCell::Number(n) => sheet.write_number(row, c, n),
                    SampleCell::Empty => continue,
                };
            }
            if r.over("quantity").is_none() {
                total += r.quantity;
            }
        }
        let last = h + 2 + self.rows.len() as u32;
        let _ = sheet.write_string_with_format(last, 1, "Tổng cộng", &bold);
        // a submitter's slip of arithmetic, where a row asks for one
        let stated = self
            .rows
            .iter()
            .find_map(|r| r.over("total").and_then(|t| t.parse::<i64>().ok()))
            .unwrap_or(total);
        let _ = sheet.write_number_with_format(last, 7, stated as f64, &bold);
        book.save_to_buffer().unwrap_or_default()
    }
}
