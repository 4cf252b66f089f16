//! Text as offices store it: the bytes of a delimited file become Unicode
//! (UTF-8, UTF-16, Windows-1258, or the legacy TCVN3 and VNI encodings),
//! and every text cell of every format is checked for Vietnamese typed in a
//! legacy font inside a Unicode file, converted, and counted for the
//! file's summary.

use std::collections::BTreeMap;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1258};
use unicode_normalization::UnicodeNormalization;

use crate::ingest::cell::Cell;
use crate::ingest::legacy::{self, Legacy, Verdict};

/// Bytes to text: a BOM decides (UTF-8, UTF-16 LE/BE); without one, UTF-16
/// is recognised by its zero bytes, valid UTF-8 is UTF-8, and anything else
/// is Windows-1258 (Excel's "CSV" on a Vietnamese Windows) unless TCVN3 or
/// VNI reads more of it as Vietnamese. The result is NFC; the name is the
/// encoding's.
pub(super) fn decode(bytes: &[u8]) -> (String, &'static str) {
    let (text, name) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        (
            enc.decode_without_bom_handling(&bytes[bom..])
                .0
                .into_owned(),
            enc.name(),
        )
    } else if let Some(enc) = utf16_without_bom(bytes) {
        (
            enc.decode_without_bom_handling(bytes).0.into_owned(),
            enc.name(),
        )
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_owned(), "UTF-8")
    } else if let Some(old) = legacy::detect_bytes(bytes) {
        (legacy::decode_bytes(old, bytes), old.name())
    } else {
        (
            WINDOWS_1258
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            "windows-1258",
        )
    };
    let text = if unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        text
    } else {
        text.nfc().collect()
    };
    (text, name)
}

/// True when `bytes` look like binary data rather than text in one of the
/// encodings [`decode`] reads: zero bytes that are not UTF-16's.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    head.contains(&0) && Encoding::for_bom(bytes).is_none() && utf16_without_bom(bytes).is_none()
}

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(2000) & !1];
    if sample.len() < 4 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if zeros_at(1) * 10 > half * 3 && zeros_at(0) * 10 < half {
        Some(UTF_16LE)
    } else if zeros_at(0) * 10 > half * 3 && zeros_at(1) * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Makes text cells, converting text typed in a legacy encoding, and keeps
/// count for the file's summary.
#[derive(Debug, Default)]
pub(super) struct TextCells {
    /// Per encoding: cells converted, and the first one (before, after).
    converted: BTreeMap<Legacy, (usize, String, String)>,
    /// Cells that look legacy-encoded but do not convert cleanly: (line,
    /// column, encoding).
    pub unconvertible: Vec<(u64, usize, Legacy)>,
    /// The encoding the whole workbook is typed in (an Excel 5.0/95
    /// workbook typed in a legacy font): every cell is converted with it.
    pub book: Option<Legacy>,
}

/// A cell whose lines each hold only a figure (`12` over `500`: two
/// paragraphs of a Word cell, `<br>` in a web page, Alt+Enter in Excel)
/// keeps them apart as `12 / 500`: collapsed to one line they would read
/// as twelve thousand five hundred. Other text is left as it is.
fn figures_kept_apart(raw: &str) -> std::borrow::Cow<'_, str> {
    let breaks = ['\n', '\r', '\u{0B}', '\u{2028}', '\u{2029}'];
    if !raw.contains(breaks) {
        return raw.into();
    }
    let lines: Vec<&str> = raw
        .split(breaks)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let figure = |l: &&str| {
        l.chars().any(|c| c.is_ascii_digit())
            && l.chars().all(|c| {
                c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | ',' | '-' | '+')
            })
    };
    if lines.len() > 1 && lines.iter().all(figure) {
        lines.join(" / ").into()
    } else {
        raw.into()
    }
}

/// A cell's text read once per distinct raw text (see [`crate::memo`]):
/// the cell, and what a legacy encoding made of it, if anything.
#[derive(Clone)]
struct ReadCell {
    cell: Cell,
    legacy: Option<LegacyRead>,
}

#[derive(Clone)]
enum LegacyRead {
    /// (the encoding, the text as typed, as converted)
    Converted(Legacy, String, String),
    Unconvertible(Legacy),
}

thread_local! {
    static CELLS: crate::memo::Cache<ReadCell> = Default::default();
    static ASCII_CELLS: crate::memo::Cache<Cell> = Default::default();
}

fn read_cell(raw: &str) -> ReadCell {
    let raw = &*figures_kept_apart(raw);
    match legacy::detect(raw) {
        Verdict::Unicode => ReadCell {
            cell: Cell::text(raw),
            legacy: None,
        },
        Verdict::Converted(old, text) => ReadCell {
            cell: Cell::text(&text),
            legacy: Some(LegacyRead::Converted(old, raw.to_string(), text)),
        },
        Verdict::Unconvertible(old) => ReadCell {
            cell: Cell::text(raw),
            legacy: Some(LegacyRead::Unconvertible(old)),
        },
    }
}

impl TextCells {
    /// The cell for `raw`, the text of row `line`, column `col`.
    pub(super) fn cell(&mut self, raw: &str, line: u64, col: usize) -> Cell {
        if let Some(old) = self.book
            && let Some(text) = legacy::convert_in_book(&figures_kept_apart(raw), old)
        {
            self.converted
                .entry(old)
                .or_insert((0, raw.to_string(), text.clone()))
                .0 += 1;
            return Cell::text(&text);
        }
        let read = crate::memo::cached(&CELLS, raw, || read_cell(raw));
        match read.legacy {
            None => {}
            Some(LegacyRead::Converted(old, before, after)) => {
                self.converted.entry(old).or_insert((0, before, after)).0 += 1;
            }
            Some(LegacyRead::Unconvertible(old)) => self.unconvertible.push((line, col, old)),
        }
        read.cell
    }

    /// A cell of text already decoded to NFC (a delimited file).
    pub(super) fn cell_nfc(&mut self, raw: &str, line: u64, col: usize) -> Cell {
        if raw.is_ascii() {
            crate::memo::cached(&ASCII_CELLS, raw, || {
                Cell::text_nfc(&figures_kept_apart(raw))
            })
        } else {
            self.cell(raw, line, col)
        }
    }

    /// Sentences for the file's summary: what was converted.
    pub(super) fn notes(&self) -> Vec<String> {
        self.converted
            .iter()
            .map(|(old, (n, before, after))| {
                // as typed: the legacy text's soft hyphen (ư in TCVN3) is kept
                let shown = |s: &str| {
                    let s = crate::text::collapse_spaces(s);
                    match s.char_indices().nth(40) {
                        Some((i, _)) => format!("{}...", &s[..i]),
                        None => s,
                    }
                };
                crate::msg!(
                    "read-note-legacy-cells",
                    n = *n,
                    encoding = old.name(),
                    before = shown(before),
                    after = shown(after)
                )
                .to_string()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_on_separate_lines_stay_apart() {
        let mut cells = TextCells::default();
        let mut read = |s: &str| cells.cell(s, 1, 0).to_string();
        assert_eq!(read("12\n500"), "12 / 500");
        assert_eq!(read("1\r\n000"), "1 / 000");
        assert_eq!(read("1.234\n"), "1.234");
        // text over two lines is one line of text
        assert_eq!(
            read("Tuyên truyền lưu động\n(phối hợp)"),
            "Tuyên truyền lưu động (phối hợp)"
        );
        assert_eq!(read("Năm\n2023"), "Năm 2023");
        assert_eq!(cells.cell_nfc("2\n3", 1, 0).to_string(), "2 / 3");
    }

    #[test]
    fn decodes_every_encoding_the_contract_names() {
        let s = "Phóng sự về quyền con người";
        assert_eq!(decode(s.as_bytes()), (s.to_string(), "UTF-8"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(s.as_bytes());
        assert_eq!(decode(&bom).0, s);
        let mut le = vec![0xFF, 0xFE];
        le.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le), (s.to_string(), "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(s.encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be), (s.to_string(), "UTF-16BE"));
        let composed = crate::text::to_windows_1258_form(s);
        let (legacy, _, bad) = WINDOWS_1258.encode(&composed);
        assert!(!bad);
        assert_eq!(decode(&legacy), (s.to_string(), "windows-1258"));
    }

    #[test]
    fn legacy_bytes_are_told_from_windows_1258() {
        // "Tuyên truyền phòng, chống mua bán người" in TCVN3 bytes
        let tcvn3: &[u8] = b"Tuy\xaan truy\xd2n ph\xdfng, ch\xe8ng mua b\xb8n ng\xad\xeai";
        assert_eq!(
            decode(tcvn3),
            (
                "Tuyên truyền phòng, chống mua bán người".to_string(),
                "TCVN3 (ABC)"
            )
        );
        // "Tiếng Việt" in VNI-Windows bytes
        let vni: &[u8] = b"Ti\x65\xe1ng Vi\x65\xe4t";
        assert_eq!(decode(vni), ("Tiếng Việt".to_string(), "VNI-Windows"));
    }

    #[test]
    fn legacy_cells_are_converted_and_counted() {
        let mut cells = TextCells::default();
        assert_eq!(
            cells.cell("C¶nh gi¸c", 8, 4),
            Cell::Text("Cảnh giác".into())
        );
        assert_eq!(
            cells.cell("Cảnh giác", 9, 4),
            Cell::Text("Cảnh giác".into())
        );
        assert_eq!(cells.cell("Th¸i", 9, 5), Cell::Text("Thái".into()));
        assert_eq!(
            cells.notes(),
            vec![
                "2 cells typed in the legacy TCVN3 (ABC) encoding converted to Unicode (e.g. 'C¶nh gi¸c' is 'Cảnh giác')"
            ]
        );
        assert!(cells.unconvertible.is_empty());
    }
}
