//! The contract's fields and the headings that name them: the list a
//! newcomer edits when an office spells a heading a new way (`HEADERS`),
//! the words that make a heading look like a field it is not named as
//! (`LOOKS_LIKE`), and how a note in brackets must fit its field
//! (`Số lượng (tin, bài)` is the quantity, `Số lượng (người)` is not).
//! Which column of a table holds which field is `header`'s job.

use crate::text::fold;

/// The contract's fields (section 3): metadata and item columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Unit,
    Period,
    ReceivedAt,
    ActivityDate,
    Theme,
    Subtheme,
    HrcPriority,
    Form,
    Channel,
    Title,
    Quantity,
    Reach,
    Duration,
    Language,
    Url,
    Notes,
}

/// Accepted headers per field, already folded (no case, marks or
/// punctuation). A note in brackets is also tried without it, so
/// `Số lượng (tin, bài)` is `so luong`.
const HEADERS: &[(Field, &[&str])] = &[
    (
        Field::Unit,
        &[
            "don vi",
            "ten don vi",
            "unit",
            "unit code",
            "don vi bao cao",
        ],
    ),
    (Field::Period, &["ky bao cao", "ky", "period"]),
    (
        Field::ReceivedAt,
        &["ngay nhan", "ngay gui", "received at", "ngay gui bao cao"],
    ),
    (
        Field::ActivityDate,
        &[
            "ngay",
            "ngay dang",
            "ngay phat",
            "ngay thuc hien",
            "thoi gian",
            "date",
            "activity date",
            "ngay phat song",
            "ngay thang",
            "ngay thang nam",
            "ngay dang tai",
            "ngay to chuc",
            "thoi gian thuc hien",
            "thoi gian to chuc",
        ],
    ),
    (
        Field::Theme,
        &[
            "chu de",
            "noi dung",
            "linh vuc",
            "theme",
            "theme code",
            "chu de tuyen truyen",
            "noi dung tuyen truyen",
        ],
    ),
    (
        Field::Subtheme,
        &["noi dung cu the", "tieu muc", "subtheme", "subtheme code"],
    ),
    (
        Field::HrcPriority,
        &["uu tien hdnq", "nhom uu tien", "hrc priority"],
    ),
    (
        Field::Form,
        &[
            "hinh thuc",
            "loai hinh",
            "the loai",
            "form",
            "form code",
            "hinh thuc tuyen truyen",
            "loai hinh tuyen truyen",
        ],
    ),
    (
        Field::Channel,
        &["kenh", "nen tang", "phuong tien", "channel"],
    ),
    (
        Field::Title,
        &[
            "ten tin bai",
            "tieu de",
            "ten san pham",
            "ten hoat dong",
            "title",
            "ten bai",
            "ten chuong trinh",
            "ten tac pham",
            "tieu de tin bai",
        ],
    ),
    (
        Field::Quantity,
        &[
            "so luong",
            "sl",
            "so tin bai",
            "quantity",
            "qty",
            "so luong tin bai",
            "so luong san pham",
            "so san pham",
            "so tin",
            "so bai",
            "so buoi",
            "so cuoc",
            "so lan",
        ],
    ),
    (
        Field::Reach,
        &[
            "luot tiep can",
            "luot xem",
            "so nguoi tham du",
            "so luot nguoi",
            "reach",
            "so luot tiep can",
            "so luot nguoi nghe xem",
            "so luot nguoi xem nghe",
            "luot nghe xem",
            "luot xem nghe",
            "so nguoi tham gia",
            "so luong nguoi tham du",
            "so luong nguoi tham gia",
            "so nguoi nghe",
            "so nguoi xem",
            "luot nguoi tham du",
            "so luot xem",
        ],
    ),
    (
        Field::Duration,
        &["thoi luong phut", "thoi luong", "duration", "duration min"],
    ),
    (
        Field::Language,
        &["ngon ngu", "tieng", "language", "ngon ngu phat song"],
    ),
    (Field::Url, &["duong dan", "link", "url"]),
    (Field::Notes, &["ghi chu", "notes", "note"]),
];

/// Headings that name another unit than the one reporting (who carried an
/// activity out, or took part in it) or a unit of measure: never the
/// report's unit, never a field; kept in `extra`.
const NOT_FIELDS: &[&str] = &[
    "don vi thuc hien",
    "don vi phoi hop",
    "don vi chu tri",
    "don vi tham gia",
    "co quan chu tri",
    "co quan phoi hop",
    "co quan thuc hien",
    "don vi tinh",
    "dvt",
];

/// Word sequences that make a heading look like a field it is not named
/// as (`Tỷ lệ tiếp cận` looks like the reach): only for the fields whose
/// absence changes a figure or refuses every row.
const LOOKS_LIKE: &[(Field, &[&str])] = &[
    (
        Field::Quantity,
        &[
            "so luong", "sl", "so tin", "so bai", "so buoi", "so cuoc", "so lan", "count",
        ],
    ),
    (
        Field::Reach,
        &["tiep can", "luot", "nguoi tham", "nguoi nghe", "nguoi xem"],
    ),
    (Field::ActivityDate, &["ngay", "thoi gian"]),
    (Field::Theme, &["chu de", "linh vuc"]),
    (Field::Form, &["hinh thuc", "loai hinh", "the loai"]),
    (Field::Duration, &["thoi luong"]),
    (Field::Language, &["ngon ngu"]),
];

impl Field {
    /// The field a header names, if any: the whole text folded, or the
    /// text without a note in brackets (`Lượt tiếp cận (lượt người)`).
    pub(super) fn from_header(header: &str) -> Option<Field> {
        // headers are short; a title or a sentence is not folded (costly) to find out
        if header.chars().count() > 60 {
            return None;
        }
        let exact = |key: &str| {
            HEADERS
                .iter()
                .find(|(_, names)| names.contains(&key))
                .map(|(f, _)| *f)
        };
        if !header.contains(['(', '[']) {
            let key = fold(header);
            if NOT_FIELDS.contains(&key.as_str()) {
                return None;
            }
            return exact(&key)
                // `Số lượng thực hiện`, `SL kế hoạch`: a figure, at a stage
                // (`Đơn vị thực hiện` is who did it, not the reporting unit)
                .or_else(|| {
                    STAGE_WORDS
                        .iter()
                        .find_map(|w| key.strip_suffix(&format!(" {w}")))
                        .and_then(exact)
                        .filter(|f| f.is_figure())
                })
                // a data-collection app's group path: `group_hd/so_luong`
                .or_else(|| {
                    header
                        .rsplit_once('/')
                        .filter(|(_, last)| !last.trim().is_empty())
                        .and_then(|(_, last)| exact(&fold(last)))
                })
                // a program's property name: `SoLuong`, `TenTinBai`
                .or_else(|| words_of_camel_case(header).and_then(|h| exact(&fold(&h))));
        }
        // the notes in brackets must fit the field (`Lượt tiếp cận (%)` is a rate)
        exact(&fold(header))
            .or_else(|| exact(&fold(&without_brackets(header))))
            .filter(|f| f.takes_note(header))
    }

    /// Whether the notes in brackets of `header` fit the field: a count of
    /// items in `(tin, bài)` or `(buổi)`, but not of people (`Số lượng
    /// (người)` counts people: a reach), a rate (`(%)`), money or time; a
    /// duration in minutes only (`(giờ)` would store hours as minutes).
    fn takes_note(self, header: &str) -> bool {
        let note = brackets(header);
        let words = format!(" {} ", fold(&note));
        let has = |list: &[&str]| list.iter().any(|w| words.contains(&format!(" {w} ")));
        let figure = matches!(self, Field::Quantity | Field::Reach | Field::Duration);
        if figure && note.contains('%') {
            return false;
        }
        match self {
            Field::Quantity => !has(&[
                "nguoi", "xem", "nghe", "tiep can", "truy cap", "phut", "gio", "giay", "dong",
                "trieu", "ty le",
            ]),
            Field::Reach => !has(&[
                "tin", "bai", "buoi", "cuoc", "san pham", "phut", "gio", "giay", "dong", "trieu",
                "ty le",
            ]),
            Field::Duration => {
                let w = fold(&note);
                w.split(' ')
                    .all(|w| matches!(w, "phut" | "min" | "minutes" | "p" | ""))
            }
            _ => true,
        }
    }

    /// The field a header looks like without being one of its names.
    pub(super) fn looks_like(header: &str) -> Option<Field> {
        if header.chars().count() > 60 {
            return None;
        }
        let key = format!(" {} ", fold(header));
        LOOKS_LIKE
            .iter()
            .find(|(_, stems)| stems.iter().any(|s| key.contains(&format!(" {s} "))))
            .map(|(f, _)| *f)
    }

    /// A figure of the item: the quantity, the reach, the duration.
    pub(super) fn is_figure(self) -> bool {
        matches!(self, Field::Quantity | Field::Reach | Field::Duration)
    }

    pub(super) fn is_metadata(self) -> bool {
        matches!(self, Field::Unit | Field::Period | Field::ReceivedAt)
    }

    /// The field's name in messages (`quantity` / `số lượng`), said in
    /// the language of the message it is part of.
    pub(super) fn name(self) -> crate::i18n::Msg {
        let key = match self {
            Field::Unit => "unit",
            Field::Period => "period",
            Field::ReceivedAt => "received-at",
            Field::ActivityDate => "activity-date",
            Field::Theme => "theme",
            Field::Subtheme => "subtheme",
            Field::HrcPriority => "hrc-priority",
            Field::Form => "form",
            Field::Channel => "channel",
            Field::Title => "title",
            Field::Quantity => "quantity",
            Field::Reach => "reach",
            Field::Duration => "duration",
            Field::Language => "language",
            Field::Url => "url",
            Field::Notes => "notes",
        };
        crate::msg!("ingest-field", field = key)
    }

    /// The heading the contract names it by, for messages.
    pub(super) fn heading(self) -> &'static str {
        match self {
            Field::Unit => "Đơn vị",
            Field::Period => "Kỳ báo cáo",
            Field::ReceivedAt => "Ngày gửi",
            Field::ActivityDate => "Ngày",
            Field::Theme => "Chủ đề",
            Field::Subtheme => "Nội dung cụ thể",
            Field::HrcPriority => "Ưu tiên HĐNQ",
            Field::Form => "Hình thức",
            Field::Channel => "Kênh",
            Field::Title => "Tên tin bài",
            Field::Quantity => "Số lượng",
            Field::Reach => "Lượt tiếp cận",
            Field::Duration => "Thời lượng (phút)",
            Field::Language => "Ngôn ngữ",
            Field::Url => "Đường dẫn",
            Field::Notes => "Ghi chú",
        }
    }
}

/// Words that say which stage a figure is at: planned or done.
const STAGE_WORDS: &[&str] = &[
    "ke hoach",
    "chi tieu",
    "du kien",
    "luy ke",
    "thuc hien",
    "thuc te",
    "da thuc hien",
    "ket qua",
    "kh",
    "th",
];

/// `SoLuong` → `So Luong`, `TenTinBai` → `Ten Tin Bai`: a name written as
/// programs name properties (PowerShell, a web system's JSON), one word
/// per capital; none for a name with spaces or without such capitals.
fn words_of_camel_case(name: &str) -> Option<String> {
    if name.contains(char::is_whitespace) {
        return None;
    }
    let mut out = String::with_capacity(name.len() + 4);
    let mut previous_small = false;
    let mut split = false;
    for c in name.chars() {
        if c.is_uppercase() && previous_small {
            out.push(' ');
            split = true;
        }
        previous_small = c.is_lowercase();
        out.push(c);
    }
    split.then_some(out)
}

/// The notes in brackets of a text: `Số lượng (tin, bài)` → `tin, bài`.
fn brackets(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                out.push(' ');
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth > 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The text without its notes in brackets: `Số lượng (tin, bài)` →
/// `Số lượng`.
fn without_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_case_marks_spacing_or_notes() {
        assert_eq!(Field::from_header("Hình thức"), Some(Field::Form));
        assert_eq!(Field::from_header("HINH THUC"), Some(Field::Form));
        assert_eq!(Field::from_header("  hình   thức "), Some(Field::Form));
        assert_eq!(
            Field::from_header("Thời lượng (phút)"),
            Some(Field::Duration)
        );
        assert_eq!(Field::from_header("Tên tin, bài"), Some(Field::Title));
        assert_eq!(
            Field::from_header("activity_date"),
            Some(Field::ActivityDate)
        );
        assert_eq!(Field::from_header("Ngày nhận"), Some(Field::ReceivedAt));
        assert_eq!(Field::from_header("STT"), None);
        // wrapped with Alt+Enter, with a unit note in brackets, abbreviated
        assert_eq!(
            Field::from_header("Số lượng\n(tin, bài)"),
            Some(Field::Quantity)
        );
        assert_eq!(
            Field::from_header("Lượt tiếp cận\n(lượt người)"),
            Some(Field::Reach)
        );
        assert_eq!(Field::from_header("SL"), Some(Field::Quantity));
        assert_eq!(
            Field::from_header("Số lượt người nghe, xem"),
            Some(Field::Reach)
        );
        assert_eq!(
            Field::from_header("Ngày\nphát sóng"),
            Some(Field::ActivityDate)
        );
        // a rate of reach is not the reach
        assert_eq!(Field::from_header("Tỷ lệ tiếp cận"), None);
        assert_eq!(Field::looks_like("Tỷ lệ tiếp cận"), Some(Field::Reach));
        assert_eq!(
            Field::looks_like("Số lượng sản phẩm in"),
            Some(Field::Quantity)
        );
        assert_eq!(Field::looks_like("Dân số địa bàn"), None);
        assert_eq!(Field::looks_like("Ghi chú"), None);
    }

    #[test]
    fn another_unit_or_a_unit_of_measure_names_no_field() {
        for h in [
            "Đơn vị thực hiện",
            "Đơn vị phối hợp",
            "Cơ quan chủ trì",
            "ĐVT",
            "Đơn vị tính",
        ] {
            assert_eq!(Field::from_header(h), None, "{h}");
            assert_eq!(Field::looks_like(h), None, "{h}");
        }
        assert_eq!(Field::from_header("Đơn vị"), Some(Field::Unit));
        // a program's property names
        assert_eq!(Field::from_header("SoLuong"), Some(Field::Quantity));
        assert_eq!(Field::from_header("TenTinBai"), Some(Field::Title));
        assert_eq!(Field::from_header("HinhThuc"), Some(Field::Form));
        assert_eq!(Field::from_header("ChuDe"), Some(Field::Theme));
        assert_eq!(
            Field::from_header("NgayThucHien"),
            Some(Field::ActivityDate)
        );
        assert_eq!(
            Field::from_header("Số lượng thực hiện"),
            Some(Field::Quantity)
        );
    }
}
