//! A year of sample submissions for a campaign: which units report which
//! periods (a few late, a few missing, a correction), the activities of
//! each report (themes weighted, titles and forms by kind of unit, peak
//! periods busier), a few bad rows, and the layout each is written in.

use chrono::{Datelike, Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::report::{Layout, Report, Row, SampleFile, latest, ymd};
use crate::domain::UnitKind;
use crate::reference::{Campaign, Inference, Unit};

const MISSING_MONTHLY: [(&str, u32); 3] = [
    ("pvhtt-nam-po", 9),
    ("pvhtt-muong-nhe", 11),
    ("pvhtt-muong-nhe", 12),
];
const MISSING_ANNUAL: [&str; 5] = [
    "so-gtvt",
    "so-xay-dung",
    "bchqs-tinh",
    "vtv-dien-bien",
    "ubnd-h-nam-po",
];

pub(super) fn titles(theme: &str) -> &'static [&'static str] {
    match theme {
        "religion" => &[
            "Bảo đảm quyền tự do tín ngưỡng, tôn giáo tại {place}",
            "Đăng ký sinh hoạt tôn giáo tập trung cho các điểm nhóm Tin lành ở {place}",
            "Phản bác luận điệu xuyên tạc về tôn giáo",
        ],
        "ethnic" => &[
            "Chính sách an sinh xã hội cho đồng bào dân tộc thiểu số {place}",
            "Bảo tồn văn hóa truyền thống của đồng bào dân tộc thiểu số",
            "Đồng bào dân tộc thiểu số ở {place} tiếp cận giáo dục, y tế",
        ],
        "trafficking" => &[
            "Phòng, chống mua bán người tại {place}",
            "Hỗ trợ nạn nhân mua bán người trở về hòa nhập cộng đồng",
            "Cảnh giác với thủ đoạn mua bán người qua mạng xã hội",
        ],
        "labour" => &[
            "Bảo đảm quyền của người lao động đi làm việc ở nước ngoài",
            "Lương tối thiểu vùng và bảo hiểm cho người lao động",
            "Hỗ trợ nhà ở cho người lao động tại {place}",
        ],
        "commitments" => &[
            "Việt Nam thực thi Công ước chống phân biệt chủng tộc",
            "Việt Nam tại Hội đồng Nhân quyền Liên Hợp quốc nhiệm kỳ 2023-2025",
            "Dự thảo Báo cáo quốc gia UPR chu kỳ IV",
        ],
        _ => &[
            "Kỷ niệm 75 năm Tuyên ngôn thế giới về nhân quyền",
            "Tìm hiểu pháp luật về quyền con người ở {place}",
            "Thành tựu bảo đảm quyền con người của Việt Nam",
        ],
    }
}

/// Forms a unit of this kind typically uses (Vietnamese labels or aliases).
fn forms_for(kind: UnitKind) -> &'static [&'static str] {
    match kind {
        UnitKind::Press | UnitKind::CentralPress => &[
            "Tin",
            "Bài",
            "Phóng sự",
            "Tin bài trên Cổng TTĐT",
            "Bài viết",
        ],
        UnitKind::Broadcaster => &[
            "Chương trình phát thanh",
            "Chương trình truyền hình",
            "Phóng sự",
            "Tin",
            "Nền tảng số, mạng xã hội",
        ],
        UnitKind::CultureOffice => &[
            "Tuyên truyền lưu động",
            "Bảng tin điện tử",
            "Tin bài trên Cổng TTĐT",
            "Phát thanh",
            "Tiểu phẩm",
            "Kịch truyền thanh",
            "Tờ rơi",
        ],
        _ => &[
            "Tin bài trên Cổng/Trang TTĐT",
            "Hội nghị",
            "Ấn phẩm",
            "Mạng xã hội",
            "Tập huấn",
            "Zalo",
        ],
    }
}

pub(super) const THEMES: [(&str, u32); 6] = [
    ("religion", 14),
    ("ethnic", 24),
    ("trafficking", 20),
    ("labour", 12),
    ("commitments", 12),
    ("general", 18),
];

pub(super) fn place(unit: &Unit) -> String {
    ["huyện ", "thành phố ", "thị xã "]
        .iter()
        .find_map(|p| unit.name_vi.find(p).map(|i| unit.name_vi[i..].to_string()))
        .unwrap_or_else(|| "tỉnh Điện Biên".to_string())
}

pub(super) struct Gen<'a> {
    pub(super) rng: ChaCha8Rng,
    pub(super) campaign: &'a Campaign,
}

impl Gen<'_> {
    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.rng.random_range(0..items.len())]
    }

    fn theme(&mut self, date: NaiveDate) -> &'static str {
        // peak windows (July to September) raise ethnic, religion and general
        let peak = (7..=9).contains(&date.month());
        let weights: Vec<u32> = THEMES
            .iter()
            .map(|(t, w)| {
                if peak && matches!(*t, "ethnic" | "religion" | "general" | "commitments") {
                    w * 2
                } else {
                    *w
                }
            })
            .collect();
        let mut x = self.rng.random_range(0..weights.iter().sum::<u32>());
        for ((t, _), w) in THEMES.iter().zip(&weights) {
            if x < *w {
                return t;
            }
            x -= w;
        }
        "general"
    }

    fn row(&mut self, unit: &Unit, from: NaiveDate, to: NaiveDate) -> Row {
        let span = (to - from).num_days().max(0) as u64;
        let date = from + Days::new(self.rng.random_range(0..=span));
        let theme = self.theme(date);
        let title = self.pick(titles(theme)).replace("{place}", &place(unit));
        let form = self.pick(forms_for(unit.kind)).to_string();
        let big = matches!(
            unit.kind,
            UnitKind::Broadcaster | UnitKind::Press | UnitKind::CentralPress
        );
        let reach = if self.rng.random_bool(0.8) {
            Some(if big {
                self.rng.random_range(2_000..60_000)
            } else {
                self.rng.random_range(40..3_000)
            })
        } else {
            None
        };
        let ethnic_language = matches!(unit.kind, UnitKind::Broadcaster | UnitKind::CultureOffice)
            && self.rng.random_bool(0.25);
        let language = if ethnic_language {
            self.pick(&["Thái", "Mông", "Khơ Mú", "Tiếng Thái", "H'Mông"])
                .to_string()
        } else {
            String::new()
        };
        let broadcast = form.contains("phát thanh")
            || form.contains("truyền hình")
            || form.contains("Phát thanh");
        let inferable =
            matches!(self.campaign.infer_theme(&title), Inference::Theme(ref t) if t.0 == theme);
        let theme_cell = if inferable && self.rng.random_bool(0.15) {
            String::new()
        } else {
            let t = self
                .campaign
                .themes
                .iter()
                .find(|t| t.code.0 == theme)
                .map(|t| t.name_vi.clone())
                .unwrap_or_default();
            if self.rng.random_bool(0.3) {
                theme.to_string()
            } else {
                t
            }
        };
        let subtheme = if self.rng.random_bool(0.3) {
            let subs: Vec<&str> = self
                .campaign
                .subthemes
                .iter()
                .filter(|s| s.theme.0 == theme)
                .map(|s| s.code.as_str())
                .collect();
            if subs.is_empty() {
                String::new()
            } else {
                self.pick(&subs).to_string()
            }
        } else {
            String::new()
        };
        let hrc = if theme == "commitments" && self.rng.random_bool(0.5) {
            Some(self.rng.random_range(1..=8))
        } else {
            None
        };
        Row {
            date,
            theme: theme_cell,
            subtheme,
            hrc,
            form,
            title,
            quantity: if self.rng.random_bool(0.7) {
                1
            } else {
                self.rng.random_range(2..12)
            },
            reach,
            duration: broadcast.then(|| [5.0, 10.0, 15.0, 2.5, 30.0][self.rng.random_range(0..5)]),
            language,
            channel: if big {
                self.pick(&[
                    "Báo in",
                    "Trang điện tử",
                    "Sóng phát thanh",
                    "Kênh truyền hình",
                    "Fanpage",
                ])
                .to_string()
            } else {
                String::new()
            },
            url: String::new(),
            notes: String::new(),
            raw_override: None,
        }
    }

    pub(super) fn rows(
        &mut self,
        unit: &Unit,
        n: usize,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<Row> {
        let mut rows: Vec<Row> = (0..n).map(|_| self.row(unit, from, to)).collect();
        rows.sort_by_key(|r| r.date);
        rows
    }

    pub(super) fn received(&mut self, due: NaiveDate, late: bool) -> NaiveDate {
        if late {
            due + Days::new(self.rng.random_range(1..12))
        } else {
            due - Days::new(self.rng.random_range(0..8))
        }
    }
}

/// The last day an item of `rows` is dated: a report is not sent before
/// what it reports was done.
/// A year of sample submissions for a campaign, deterministic for a seed.
pub fn generate(campaign: &Campaign, seed: u64) -> Vec<SampleFile> {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed),
        campaign,
    };
    let year = campaign.year;
    let mut files = Vec::new();
    let offices: Vec<&Unit> = campaign
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::CultureOffice)
        .collect();

    // Monthly reports: the period of month M runs from the 15th of M-1 to the 14th of M.
    for (i, unit) in offices.iter().enumerate() {
        let layout = match i {
            // Excel 97-2003 and a web system's export, as some offices send
            4 => Layout::Xls,
            8 => Layout::HtmlXls,
            _ => [
                Layout::XlsxTitled,
                Layout::Csv1258,
                Layout::Utf16Tab,
                Layout::CsvUtf8Columns,
            ][i % 4],
        };
        for month in 6..=12u32 {
            if MISSING_MONTHLY.contains(&(unit.code.0.as_str(), month)) {
                continue;
            }
            let from = ymd(year, month - 1, 15);
            let to = ymd(year, month, 14);
            let n = g.rng.random_range(3..9);
            let mut rows = g.rows(unit, n, from, to);
            let late = g.rng.random_bool(0.12);
            let received = g.received(ymd(year, month, 15), late).max(latest(&rows));
            let period = format!("{year}-{month:02}");
            let mut report = Report {
                unit,
                unit_label: unit.name_vi.clone(),
                period: period.clone(),
                received,
                rows: Vec::new(),
                layout,
            };
            if unit.code.0 == "pvhtt-muong-cha" && month == 7 {
                // the first July report has a form nobody knows; a correction follows
                let mut bad = rows.clone();
                bad[1].form = "Video clip".into();
                report.rows = bad;
                files.push(report.file(&format!("2023/{}_{period}.csv", unit.code)));
                report.received = received + Days::new(2);
                report.rows = rows;
                files.push(report.file(&format!("2023/{}_{period}_ban-sua.csv", unit.code)));
                continue;
            }
            match (unit.code.0.as_str(), month) {
                ("pvhtt-tuan-giao", 8) => {
                    rows[0].raw_override = Some(("date", "31/02/2023".into()))
                }
                ("pvhtt-dien-bien", 10) => rows[1].raw_override = Some(("quantity", "-2".into())),
                ("pvhtt-muong-ang", 9) => {
                    rows[0].theme = String::new();
                    rows[0].title = "Người lao động dân tộc thiểu số được hỗ trợ việc làm".into();
                }
                ("pvhtt-tua-chua", 11) => rows[2].form = String::new(),
                _ => {}
            }
            report.rows = rows;
            let ext = layout.extension();
            files.push(report.file(&format!("2023/{}_{period}.{ext}", unit.code)));
        }
    }

    // A district's monthly report that no obligation asks for: kept and counted.
    if let Some(unit) = campaign
        .units
        .iter()
        .find(|u| u.code.0 == "ubnd-h-tuan-giao")
    {
        let rows = g.rows(unit, 4, ymd(year, 7, 15), ymd(year, 8, 14));
        let report = Report {
            unit,
            unit_label: "UBND H. Tuần Giáo".into(),
            period: format!("{year}-08"),
            received: ymd(year, 8, 14),
            rows,
            layout: Layout::CsvUtf8Preamble,
        };
        files.push(report.file("2023/ubnd-h-tuan-giao_2023-08.csv"));
    }

    // Annual reports, due 5 November; a few units never send theirs.
    for (i, unit) in campaign.units.iter().enumerate() {
        if MISSING_ANNUAL.contains(&unit.code.0.as_str()) {
            continue;
        }
        let layout = match unit.kind {
            UnitKind::Department if i % 2 == 0 => Layout::JsonEnvelope,
            UnitKind::Department if i % 4 == 1 => Layout::Docx,
            UnitKind::Department if i % 8 == 3 => Layout::Ods,
            UnitKind::Press => Layout::Ods,
            UnitKind::Department | UnitKind::Broadcaster => Layout::XlsxTitled,
            UnitKind::CentralPress => Layout::Ndjson,
            UnitKind::District | UnitKind::Commune | UnitKind::Ward => Layout::CsvUtf8Preamble,
            UnitKind::CultureOffice => Layout::XlsxTitled,
        };
        let n = match unit.kind {
            UnitKind::Broadcaster | UnitKind::Press => g.rng.random_range(14..24),
            UnitKind::CultureOffice => g.rng.random_range(4..8),
            _ => g.rng.random_range(3..12),
        };
        let mut rows = g.rows(unit, n, ymd(year, 1, 1), ymd(year, 10, 31));
        if unit.code.0 == "so-ldtbxh" {
            rows[0].raw_override = Some(("theme", "Bình đẳng giới".into()));
        }
        // figures that read right but look wrong (the contract's section 8):
        // a meeting's reach of 150 typed with two zeros too many, and a
        // totals row that does not add up (the first culture office's)
        if unit.code.0 == "so-tu-phap" {
            rows[0].form = "Hội nghị".into();
            rows[0].reach = Some(15_000);
        }
        if offices.first().is_some_and(|o| o.code == unit.code) {
            let sum: i64 = rows.iter().map(|r| r.quantity).sum();
            rows[0].raw_override = Some(("total", (sum + 2).to_string()));
        }
        let late = g.rng.random_bool(0.1);
        let received = g.received(ymd(year, 11, 5), late).max(latest(&rows));
        let label = if i % 3 == 0 {
            unit.name_vi.clone()
        } else {
            unit.aliases
                .first()
                .cloned()
                .unwrap_or_else(|| unit.name_vi.clone())
        };
        let report = Report {
            unit,
            unit_label: label,
            period: year.to_string(),
            received,
            rows,
            layout,
        };
        files.push(report.file(&format!("2023/{}_{year}.{}", unit.code, layout.extension())));
    }

    // A file that does not say who sent it: refused whole, kept in rejects.
    if let Some(unit) = offices.first() {
        let rows = g.rows(unit, 3, ymd(year, 9, 15), ymd(year, 10, 14));
        let report = Report {
            unit,
            unit_label: String::new(),
            period: format!("{year}-10"),
            received: ymd(year, 10, 12),
            rows,
            layout: Layout::CsvUtf8Preamble,
        };
        files.push(report.file("2023/bao-cao-thang-10.csv"));
    }
    files
}
