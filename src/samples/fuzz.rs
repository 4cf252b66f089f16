//! Inputs for the fuzz targets (`fuzz/`), shared with the test that
//! replays their corpus.

use super::containers::{compound_workbook, zip_parts};

/// A minimal workbook around fuzzed parts: the bytes are split at the first
/// `0xFF` (never in UTF-8 text) into the sheet's XML and the shared strings'
/// XML, and stored (not compressed) in a zip with the parts every workbook
/// has, so that a fuzzer explores the XML readers rather than zip checksums.
/// Bytes that already are a zip are returned as they are.
pub fn fuzz_workbook(bytes: &[u8]) -> Vec<u8> {
    if bytes.starts_with(b"PK") {
        return bytes.to_vec();
    }
    let (sheet, strings) = match bytes.iter().position(|b| *b == 0xFF) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &b""[..]),
    };
    let parts: [(&str, &[u8]); 6] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="B&#225;o c&#225;o" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", strings),
    ];
    zip_parts(&parts, false)
}

/// An Excel 97-2003 workbook around fuzzed bytes: they are the workbook
/// stream (the BIFF records) inside a well-formed compound file, so that a
/// fuzzer explores the record readers rather than the container. Bytes that
/// already are a compound file are returned as they are.
pub fn fuzz_xls(bytes: &[u8]) -> Vec<u8> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return bytes.to_vec();
    }
    compound_workbook(bytes)
}

/// A Word document around fuzzed bytes: they are `word/document.xml`,
/// stored (not compressed) in a zip. Bytes that already are a zip are
/// returned as they are.
pub fn fuzz_docx(bytes: &[u8]) -> Vec<u8> {
    if bytes.starts_with(b"PK") {
        return bytes.to_vec();
    }
    zip_parts(
        &[
            ("[Content_Types].xml", &b"<Types/>"[..]),
            ("word/document.xml", bytes),
        ],
        false,
    )
}
