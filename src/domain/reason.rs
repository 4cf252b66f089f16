//! Why a row or a file is refused, by kind: every refusal carries a stable
//! dotted code (`date.outside_period`) beside its sentence, so refusals can
//! be counted and followed up by kind. The codes are listed once, here, each
//! with the one-line description that `reason_codes` shows in SQL.

use std::fmt;

macro_rules! reason_codes {
    ($($variant:ident = $code:literal : $describe:literal, $describe_vi:literal,)*) => {
        /// The kind of a refusal, stored in `rejects.reason_code`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ReasonCode {
            $(#[doc = $describe] $variant,)*
        }

        impl ReasonCode {
            /// Every code, in the order of this list.
            pub const ALL: &'static [ReasonCode] = &[$(ReasonCode::$variant,)*];

            /// The stable code as stored, e.g. `date.outside_period`.
            pub fn code(self) -> &'static str {
                match self {
                    $(ReasonCode::$variant => $code,)*
                }
            }

            /// One line on what this kind of refusal means.
            pub fn describe(self) -> &'static str {
                match self {
                    $(ReasonCode::$variant => $describe,)*
                }
            }

            /// [`ReasonCode::describe`] in Vietnamese, as officials write it.
            pub fn describe_vi(self) -> &'static str {
                match self {
                    $(ReasonCode::$variant => $describe_vi,)*
                }
            }
        }
    };
}

reason_codes! {
    FileEmpty = "file.empty": "The file is empty (0 bytes).",
        "Tệp rỗng (0 byte).",
    FileBlank = "file.blank": "The file holds only blank space.",
        "Tệp chỉ có khoảng trắng, không có nội dung.",
    FileNotATable = "file.not_a_table": "The file is a document, an image, an archive or binary data, not a table.",
        "Tệp là văn bản, hình ảnh, tệp nén hoặc dữ liệu nhị phân, không phải bảng số liệu.",
    FileWrongExtension = "file.wrong_extension": "The file's name says one format but its bytes are another.",
        "Phần mở rộng của tên tệp không đúng với định dạng thực tế của tệp.",
    FileOldExcel = "file.old_excel": "An Excel 2.x-4.0 worksheet, a format from before 1995 (before v3: a workbook protected with a password; before v2: every Excel 97-2003 .xls workbook).",
        "Tệp là bảng tính Excel 2.x-4.0, định dạng cũ từ trước năm 1995 nên không đọc được.",
    FileEncrypted = "file.encrypted": "A workbook or Word document protected with a password, whose contents cannot be read without it.",
        "Bảng tính hoặc văn bản Word được đặt mật khẩu, không thể đọc nội dung nếu không gỡ mật khẩu.",
    FileUnsupportedType = "file.unsupported_type": "A kind of file baocao does not read.",
        "Phần mềm tổng hợp không đọc được loại tệp này.",
    FileNoExtension = "file.no_extension": "The file name has no extension, so its format is unknown.",
        "Tên tệp không có phần mở rộng nên không xác định được định dạng.",
    FileTooBig = "file.too_big": "The file is larger than --max-file-mb allows; it was not read.",
        "Dung lượng tệp vượt quá mức tối đa cho phép nên tệp không được đọc.",
    FileTooLarge = "file.too_large": "The table is beyond the reading limits (line length, columns, cells, unpacked size).",
        "Bảng vượt quá giới hạn đọc (độ dài dòng, số cột, số ô, dung lượng sau giải nén).",
    FileDamaged = "file.damaged": "The file cannot be opened or read to its end: damaged or cut short.",
        "Không mở hoặc không đọc hết được tệp: tệp bị hỏng hoặc bị cắt cụt.",
    FileReaderStopped = "file.reader_stopped": "The reader failed on the file in a way nobody foresaw.",
        "Phần mềm gặp lỗi ngoài dự kiến khi đọc tệp.",
    FileNotJson = "file.not_json": "The file is named .json but holds no JSON items.",
        "Tệp có phần mở rộng .json nhưng không chứa mục dữ liệu JSON nào.",
    FileNoTable = "file.no_table": "No table with recognisable column names was found.",
        "Không tìm thấy bảng nào có tên cột nhận biết được.",
    FileNoRows = "file.no_rows": "The table has a header but no activity rows.",
        "Bảng có dòng tiêu đề nhưng không có dòng hoạt động nào.",
    FileNoItems = "file.no_items": "Every row of the file was refused: it reads no item, so it is not received and never replaces the report it would correct (its rows' reasons are in raw).",
        "Tất cả các dòng của tệp đều bị từ chối: tệp không có dòng nào đọc được nên không được tính là đã nhận và không thay thế báo cáo đã gửi trước đó mà tệp định điều chỉnh.",
    FileSeveralReports = "file.several_reports": "The workbook holds tables of activities on several visible sheets: a file is one report.",
        "Tệp Excel có bảng hoạt động ở nhiều trang tính đang hiển thị, trong khi mỗi tệp chỉ được chứa một báo cáo.",
    PeriodMissing = "period.missing": "The file does not say which period it reports on.",
        "Tệp không ghi kỳ báo cáo.",
    PeriodInvalid = "period.invalid": "The period the file states is not a period.",
        "Kỳ báo cáo ghi trong tệp không phải là một kỳ hợp lệ.",
    PeriodNoReference = "period.no_reference": "There is no reference data for the period's year.",
        "Chưa có dữ liệu tham chiếu cho năm của kỳ báo cáo.",
    UnitMissing = "unit.missing": "The file does not say which unit sent it.",
        "Tệp không ghi đơn vị gửi báo cáo.",
    UnitUnknown = "unit.unknown": "The unit named is not in the reference list of units.",
        "Đơn vị ghi trong tệp không có trong danh mục đơn vị.",
    UnitAmbiguous = "unit.ambiguous": "The unit named could be several units.",
        "Tên đơn vị ghi trong tệp trùng với nhiều đơn vị, không xác định được là đơn vị nào.",
    UnitNotValid = "unit.not_valid": "The unit did not exist during the period reported on.",
        "Đơn vị chưa tồn tại hoặc không còn tồn tại trong kỳ báo cáo.",
    UnitAbolished = "unit.abolished": "The unit had been abolished, merged or renamed before the period reported on; the refusal names its successors.",
        "Đơn vị đã giải thể, sáp nhập hoặc đổi tên trước kỳ báo cáo (xem đơn vị kế thừa trong danh mục đơn vị).",
    ReceivedMissing = "received.missing": "Nothing says when the file was received.",
        "Không có thông tin về ngày nhận tệp.",
    ReceivedInvalid = "received.invalid": "The received date is not a date.",
        "Ngày nhận không phải là ngày hợp lệ.",
    RowMalformed = "row.malformed": "A JSON item that is not an object of named fields, or a line that is not JSON.",
        "Mục JSON không phải là đối tượng gồm các trường có tên, hoặc dòng không phải JSON.",
    RowOtherUnit = "row.other_unit": "The row names another unit than the file's.",
        "Dòng ghi đơn vị khác với đơn vị của tệp.",
    RowOtherPeriod = "row.other_period": "The row names another period than the file's.",
        "Dòng ghi kỳ báo cáo khác với kỳ của tệp.",
    RowHidden = "row.hidden": "The row is hidden in the sheet (by hand or by a filter): what the sheet does not show is not part of the report.",
        "Dòng bị ẩn trong trang tính (ẩn thủ công hoặc do bộ lọc): nội dung bị ẩn không được tính vào báo cáo.",
    RowPlanned = "row.planned": "The row is under a heading of plans (Kế hoạch, Phương hướng): what is planned is not an activity done.",
        "Dòng nằm dưới đề mục kế hoạch (Kế hoạch, Phương hướng): việc dự kiến chưa phải là hoạt động đã thực hiện.",
    DateMissing = "date.missing": "The activity date is empty.",
        "Ngày thực hiện để trống.",
    DateInvalid = "date.invalid": "The activity date is not a date.",
        "Ngày thực hiện không phải là ngày hợp lệ.",
    DateOutsidePeriod = "date.outside_period": "The activity date is outside the period the file reports on.",
        "Ngày thực hiện nằm ngoài kỳ báo cáo của tệp.",
    DateOutsideUnit = "date.outside_unit": "The activity date falls after the reporting unit ended (abolished, merged, split or renamed).",
        "Ngày thực hiện sau thời điểm đơn vị báo cáo đã giải thể, sáp nhập, chia tách hoặc đổi tên.",
    DateLocaleSwapped = "date.locale_swapped": "A real date cell whose day and month a spreadsheet set to another locale turned round, in a column typed day-first, and the column does not settle which it is.",
        "Ô kiểu ngày bị đảo ngày và tháng do bảng tính được cài đặt theo định dạng vùng khác, trong khi cột ghi ngày trước tháng; cột không đủ căn cứ để xác định ngày đúng.",
    DateMonthFirstAmbiguous = "date.month_first_ambiguous": "The date reads differently day-first and month-first, and its column does not settle which.",
        "Ngày có thể hiểu theo hai cách (ngày/tháng hoặc tháng/ngày) cho kết quả khác nhau, và cột không đủ căn cứ để xác định cách ghi đúng.",
    ThemeUnknown = "theme.unknown": "The theme is not a theme code, label or sub-theme.",
        "Chủ đề không khớp với mã chủ đề, tên chủ đề hoặc chủ đề phụ nào trong danh mục.",
    ThemeMissing = "theme.missing": "The theme is empty and cannot be inferred from the title.",
        "Chủ đề để trống và không suy ra được từ tên tin, bài.",
    ThemeAmbiguous = "theme.ambiguous": "The theme is empty and the title matches several themes.",
        "Chủ đề để trống và tên tin, bài khớp với nhiều chủ đề.",
    SubthemeUnknown = "subtheme.unknown": "The sub-theme is not in the list of sub-themes.",
        "Chủ đề phụ không có trong danh mục chủ đề phụ.",
    SubthemeMismatch = "subtheme.mismatch": "The sub-theme belongs to another theme than the row's.",
        "Chủ đề phụ không thuộc chủ đề ghi ở dòng này mà thuộc chủ đề khác.",
    HrcPriorityInvalid = "hrc_priority.invalid": "The HRC priority is not a group number from 1 to 8.",
        "Nhóm ưu tiên của Việt Nam tại Hội đồng Nhân quyền Liên hợp quốc không phải là số từ 1 đến 8.",
    FormMissing = "form.missing": "The form is empty.",
        "Hình thức tuyên truyền để trống.",
    FormUnknown = "form.unknown": "The form is not in the list of forms.",
        "Hình thức tuyên truyền không có trong danh mục hình thức.",
    QuantityMissing = "quantity.missing": "The quantity cell is empty in a table that has a quantity column.",
        "Ô số lượng để trống trong bảng có cột số lượng.",
    QuantityInvalid = "quantity.invalid": "The quantity is not a whole number of 1 or more.",
        "Số lượng không phải là số nguyên từ 1 trở lên.",
    QuantityColumnUnclear = "quantity.column_unclear": "A column looks like the quantity but its heading is not one baocao knows, so no quantity can be read.",
        "Có cột có vẻ là cột số lượng nhưng tiêu đề cột không thuộc các tên phần mềm nhận diện được, nên không đọc được số lượng.",
    ReachInvalid = "reach.invalid": "The reach is not a whole number of 0 or more.",
        "Số lượt tiếp cận không phải là số nguyên từ 0 trở lên.",
    DurationInvalid = "duration.invalid": "The duration is not a number of minutes.",
        "Thời lượng không phải là số phút.",
    ColumnAmbiguous = "column.ambiguous": "A figure (or the date) is given by two columns, or twice in one item, and nothing tells which is this report's.",
        "Một số liệu (hoặc ngày) được ghi ở hai cột, hoặc hai lần trong một mục, và không xác định được số liệu nào thuộc báo cáo này.",
    RowTooManyCells = "row.too_many_cells": "A row of a delimited file has more cells than its header: a value holds the separator unquoted.",
        "Dòng của tệp CSV có nhiều ô hơn dòng tiêu đề: có giá trị chứa dấu phân cách nhưng không đặt trong ngoặc kép.",
    CellFormulaWithoutValue = "cell.formula_without_value": "A formula cell with no stored result: the workbook was never calculated.",
        "Ô công thức không có kết quả lưu sẵn: bảng tính chưa từng được tính toán.",
    CellFormulaNotCalculated = "cell.formula_not_calculated": "A formula cell whose stored result no spreadsheet computed: the workbook asks to be recalculated when opened, or the result is not what the formula gives.",
        "Ô chứa công thức có kết quả lưu sẵn nhưng chưa được phần mềm bảng tính (Excel, LibreOffice) tính ra (tệp yêu cầu tính lại khi mở, hoặc kết quả không khớp với công thức).",
    CellMergedFigure = "cell.merged_figure": "A figure merged over several rows, which cannot be split between them.",
        "Ô số liệu được trộn (gộp) qua nhiều dòng nên không thể chia cho từng dòng.",
    TextLegacyEncodingUnconvertible = "text.legacy_encoding_unconvertible": "Text typed in a legacy Vietnamese encoding (TCVN3, VNI) that does not convert cleanly.",
        "Nội dung gõ bằng bảng mã tiếng Việt cũ (TCVN3, VNI) không chuyển đổi được trọn vẹn sang Unicode.",
}

impl ReasonCode {
    /// The code for its stored text, e.g. `date.outside_period`.
    pub fn from_code(code: &str) -> Option<ReasonCode> {
        ReasonCode::ALL.iter().copied().find(|c| c.code() == code)
    }
}

impl fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_dotted_and_read_back() {
        let mut seen = std::collections::HashSet::new();
        for c in ReasonCode::ALL {
            assert!(seen.insert(c.code()), "{} twice", c.code());
            let (kind, what) = c.code().split_once('.').expect("dotted");
            assert!(!kind.is_empty() && !what.is_empty());
            assert!(
                c.code()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '_'),
                "{}",
                c.code()
            );
            assert!(c.describe().ends_with('.'), "{}", c.describe());
            assert_eq!(ReasonCode::from_code(c.code()), Some(*c));
        }
        assert_eq!(ReasonCode::from_code("date.nonsense"), None);
        assert_eq!(
            ReasonCode::DateOutsidePeriod.to_string(),
            "date.outside_period"
        );
    }
}
