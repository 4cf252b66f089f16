//! Which reader reads a file: its extension, checked against its first
//! bytes, so that a workbook named `.csv` is caught rather than misread, and
//! within a family (spreadsheets, Word) the bytes decide, as Excel and Word
//! decide when they open a file.

use super::readers;
use super::reason::{Problem, ReasonCode};

pub(super) type ReadFn = fn(&[u8]) -> Result<readers::ReadOutput, Problem>;

/// The extensions read, for messages.
const READ: &str = ".xlsx, .xls, .ods, .csv, .tsv, .txt, .json, .docx or .html";

/// The reader for a file, from its extension, checked against its first
/// bytes so that a workbook named `.csv` is caught rather than misread.
/// Within a family the bytes decide, as Excel and Word decide when they
/// open a file: a spreadsheet name (`.xls`, `.xlsx`, `.ods`) may hold an
/// Excel 97-2003 workbook, an `.xlsx` or `.ods` workbook, an HTML table
/// (what web systems' "Xuất Excel" save as `.xls`) or, for `.xls`, text
/// separated by tabs; a Word name (`.docx`, `.doc`) a Word document or
/// HTML. The format returned is what the bytes are.
pub(super) fn sniff(ext: &str, bytes: &[u8]) -> Result<(Format, ReadFn), Problem> {
    use ReasonCode::*;
    let refuse = |code, text: String| Err(Problem::new(code, text));
    if bytes.is_empty() {
        return refuse(
            FileEmpty,
            "The file is empty (0 bytes): ask the unit to send it again.".into(),
        );
    }
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    // a Word document or workbook protected with a password: Office
    // keeps it encrypted in a compound file, LibreOffice in its zip
    if (is_ole && ole_encrypted(bytes)) || zip_encrypted(bytes) {
        return refuse(FileEncrypted, encrypted(ext));
    }
    if !is_ole && old_excel(bytes) {
        return refuse(
            FileOldExcel,
            format!(
                "The file is named .{ext} but is an Excel 2.x-4.0 worksheet, a format from before 1995 that baocao does not read: open it in Excel or LibreOffice, save it as .xlsx and ingest it again."
            ),
        );
    }
    let zip = bytes.starts_with(b"PK\x03\x04").then(|| zip_kind(bytes));
    if let Some(Zip::Other(what)) = zip {
        return refuse(
            FileNotATable,
            format!(
                "The file is named .{ext} but is {what}: ask the unit for the table as Excel (.xlsx) or CSV."
            ),
        );
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return refuse(
            FileNotATable,
            format!(
                "The file is named .{ext} but is {what}: ask the unit for the table as Excel (.xlsx) or CSV."
            ),
        );
    }
    let spreadsheet_xml = {
        let head = &bytes[..bytes.len().min(4096)];
        head.windows(5).any(|w| w == b"<?xml") && head.windows(9).any(|w| w == b"<Workbook")
    };
    let html = zip.is_none() && !is_ole && !spreadsheet_xml && readers::looks_like_html(bytes);
    let text = matches!(ext, "csv" | "tsv" | "txt" | "json" | "ndjson" | "jsonl");
    if (text || ext == "xls") && zip.is_none() && !is_ole && !html && readers::is_binary(bytes) {
        return refuse(
            FileNotATable,
            format!(
                "The file is named .{ext} but holds binary data, not text or a workbook: check that it is the right file, and send the table as .xlsx, .csv or .json."
            ),
        );
    }
    let sheet = matches!(ext, "xls" | "xlsx" | "xlsm" | "ods");
    let word = matches!(ext, "docx" | "doc");
    match ext {
        _ if sheet && spreadsheet_xml => refuse(FileUnsupportedType, "The file is an Excel 2003 XML spreadsheet, which is not read: open it in Excel, save it as .xlsx and ingest it again.".into()),
        _ if sheet && matches!(zip, Some(Zip::Workbook | Zip::Damaged)) => Ok((Format::Xlsx, readers::read_xlsx)),
        _ if sheet && zip == Some(Zip::Ods) => Ok((Format::Ods, readers::read_ods)),
        _ if sheet && is_ole => Ok((Format::Xls, readers::read_xls)),
        _ if (sheet || word) && html => Ok((Format::Html, readers::read_html)),
        _ if word && matches!(zip, Some(Zip::Word | Zip::Damaged)) => Ok((Format::Docx, readers::read_docx)),
        _ if (sheet || word || text) && zip == Some(Zip::Word) => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is a Word document: rename it to .docx and ingest it again (its table of activities is then read)."
        )),
        _ if (sheet || text || word) && zip == Some(Zip::Ods) => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is a LibreOffice spreadsheet: rename it to .ods and ingest it again."
        )),
        _ if (sheet || text || word) && zip.is_some() => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is an Excel workbook: rename it to .xlsx (or save it from Excel as CSV) and ingest it again."
        )),
        "xls" => Ok((Format::Txt, readers::read_delimited)),
        "doc" if is_ole => refuse(FileUnsupportedType, "The file is an old Word 97-2003 document (.doc): open it in Word, save it as .docx (its table of activities is then read) and ingest it again.".into()),
        _ if word && is_ole => refuse(FileWrongExtension, format!("The file is named .{ext} but is an old Word 97-2003 document: open it in Word, save it as .docx and ingest it again.")),
        _ if sheet || word => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is not {}: if it is a CSV, rename it to .csv; otherwise save it again from {}.",
            match ext {
                "ods" => "a LibreOffice spreadsheet",
                "docx" | "doc" => "a Word document",
                _ => "an Excel workbook",
            },
            match ext {
                "ods" => "LibreOffice Calc as .ods",
                "docx" | "doc" => "Word as .docx",
                _ => "Excel as .xlsx",
            }
        )),
        _ if text && is_ole => refuse(FileWrongExtension, format!(
            "The file is named .{ext} but is an Excel 97-2003 workbook: rename it to .xls and ingest it again."
        )),
        "htm" | "html" => Ok((Format::Html, readers::read_html)),
        "csv" => Ok((Format::Csv, readers::read_delimited)),
        "tsv" => Ok((Format::Tsv, readers::read_delimited)),
        "txt" => Ok((Format::Txt, readers::read_delimited)),
        "json" | "ndjson" | "jsonl" => Ok((Format::Json, readers::read_json)),
        "" => refuse(FileNoExtension, format!("The file has no extension, so its format is unknown: name it after what it is ({READ}).")),
        other => refuse(FileUnsupportedType, format!("Files of type .{other} are not read: send the report as {READ}.")),
    }
}

/// What a file is, as its bytes say: the format recorded in
/// `submissions.format` and `lake_overview`'s `formats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Xlsx,
    Xls,
    Ods,
    Docx,
    Html,
    Csv,
    Tsv,
    Txt,
    Json,
    Ndjson,
}

impl Format {
    /// The format as stored (`xlsx`, `ndjson`, ...).
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Txt => "txt",
            Format::Json => "json",
            Format::Ndjson => "ndjson",
        }
    }

    /// The format an extension names (`xlsm` is `xlsx`, `htm` is `html`,
    /// `ndjson` and `jsonl` are JSON), if any.
    pub(super) fn named(ext: &str) -> Option<Format> {
        Some(match ext {
            "xlsx" | "xlsm" => Format::Xlsx,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "docx" => Format::Docx,
            "html" | "htm" => Format::Html,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "txt" => Format::Txt,
            "json" | "ndjson" | "jsonl" => Format::Json,
            _ => return None,
        })
    }
}

/// Why a file protected with a password is refused, by what its name says.
fn encrypted(ext: &str) -> String {
    let (what, how) = match ext {
        "docx" | "doc" => (
            "Word document",
            "in Word: File, Info, Protect Document, Encrypt with Password, then an empty password",
        ),
        "ods" | "odt" => (
            "LibreOffice file",
            "in LibreOffice: File, Save As, without \"Save with password\"",
        ),
        _ => (
            "workbook",
            "in Excel: File, Info, Protect Workbook, Encrypt with Password, then an empty password",
        ),
    };
    format!(
        "The {what} is protected with a password, so its contents cannot be read: ask the unit to remove the password ({how}) and to send it again."
    )
}

/// An Office file protected with a password: a compound file holding an
/// `EncryptedPackage` stream (Office 2007 and later), or an Excel 97-2003
/// workbook whose globals start with `FILEPASS` (checked by its reader).
fn ole_encrypted(bytes: &[u8]) -> bool {
    cfb::CompoundFile::open(std::io::Cursor::new(bytes))
        .is_ok_and(|f| f.is_stream("/EncryptedPackage") || f.is_stream("/EncryptionInfo"))
}

/// An OpenDocument file saved with a password: its manifest names the
/// encryption of its parts.
fn zip_encrypted(bytes: &[u8]) -> bool {
    use std::io::Read;
    if !bytes.starts_with(b"PK\x03\x04") {
        return false;
    }
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    let mut manifest = String::new();
    match zip.by_name("META-INF/manifest.xml") {
        Ok(entry) => {
            let _ = entry.take(1 << 20).read_to_string(&mut manifest);
        }
        Err(_) => return false,
    }
    manifest.contains("encryption-data")
}

/// An Excel 2.x-4.0 worksheet: not a compound file, it starts with a BOF
/// record of BIFF2 (`09 00`), BIFF3 (`09 02`) or BIFF4 (`09 04`).
fn old_excel(bytes: &[u8]) -> bool {
    let record = |b: &[u8]| u16::from_le_bytes([b[0], b[1]]);
    bytes.len() >= 8
        && matches!(record(&bytes[0..2]), 0x0009 | 0x0209 | 0x0409)
        && (4..=16).contains(&record(&bytes[2..4]))
}

/// What a file is, by its first bytes, when it is not a table.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"\x7FELF", "a program"),
    (b"{\\rtf", "a Rich Text document"),
];

/// What a zip file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zip {
    /// An Excel workbook (`xl/`) or another Office package.
    Workbook,
    /// A zip too damaged to tell: the reader its name points to says how.
    Damaged,
    /// A LibreOffice spreadsheet (its `mimetype` says so).
    Ods,
    /// A Word document (`word/`).
    Word,
    /// Not a report: what it is, for the message.
    Other(&'static str),
}

fn zip_kind(bytes: &[u8]) -> Zip {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Zip::Damaged;
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let has = |prefix: &str| names.iter().any(|n| n.starts_with(prefix));
    let mut mimetype = String::new();
    if let Ok(entry) = zip.by_name("mimetype") {
        let _ = entry.take(100).read_to_string(&mut mimetype);
    }
    if has("xl/") {
        Zip::Workbook
    } else if has("word/") {
        Zip::Word
    } else if has("ppt/") {
        Zip::Other("a PowerPoint presentation")
    } else if mimetype.contains("opendocument.spreadsheet") {
        Zip::Ods
    } else if mimetype.contains("opendocument.text") {
        Zip::Other(
            "a LibreOffice text document (.odt): save it as .docx, whose table of activities is read, or send the table as .ods",
        )
    } else if has("[Content_Types].xml") {
        Zip::Workbook
    } else {
        Zip::Other("a zip archive (unpack it and send the report inside)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(names: &[&str]) -> Vec<u8> {
        use std::io::Write;
        let mut out = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for name in names {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
                .unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    /// Within a family the bytes decide which reader reads the file.
    #[test]
    fn the_bytes_decide_within_a_family() {
        let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        let html = b"<html><body><table><tr><td>Ngay</td></tr></table></body></html>";
        let cases: Vec<(&str, Vec<u8>, Result<&str, ReasonCode>)> = vec![
            ("xls", ole.to_vec(), Ok("xls")),
            ("xlsx", ole.to_vec(), Ok("xls")),
            ("xls", html.to_vec(), Ok("html")),
            ("htm", html.to_vec(), Ok("html")),
            ("doc", html.to_vec(), Ok("html")),
            ("xls", b"Ngay\tHinh thuc\n".to_vec(), Ok("txt")),
            ("xls", zip_of(&["xl/workbook.xml"]), Ok("xlsx")),
            ("ods", zip_of(&["mimetype", "content.xml"]), Ok("ods")),
            ("xlsx", zip_of(&["mimetype", "content.xml"]), Ok("ods")),
            ("docx", zip_of(&["word/document.xml"]), Ok("docx")),
            ("xlsx", zip_of(&["word/document.xml"]), Err(ReasonCode::FileWrongExtension)),
            ("docx", zip_of(&["xl/workbook.xml"]), Err(ReasonCode::FileWrongExtension)),
            ("doc", ole.to_vec(), Err(ReasonCode::FileUnsupportedType)),
            ("xlsx", b"Ngay,Hinh thuc\n".to_vec(), Err(ReasonCode::FileWrongExtension)),
            ("xls", b"\x00\x01\x02binary\x00".to_vec(), Err(ReasonCode::FileNotATable)),
            (
                "xls",
                b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"><Table/></Workbook>".to_vec(),
                Err(ReasonCode::FileUnsupportedType),
            ),
        ];
        for (ext, bytes, want) in cases {
            let got = sniff(ext, &bytes)
                .map(|(format, _)| format.as_str())
                .map_err(|p| p.code);
            assert_eq!(got, want, ".{ext}");
        }
    }
}
