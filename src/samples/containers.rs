//! The containers office files come in, written to memory: a zip of parts
//! (`.xlsx`, `.ods`, `.docx`) and an Excel 97-2003 compound file around a
//! workbook stream.

/// A zip of `parts`, deflated or stored; an OpenDocument `mimetype` is
/// always stored, as the format requires. Empty if writing fails (it
/// writes to memory).
pub(super) fn zip_parts(parts: &[(&str, &[u8])], deflated: bool) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, bytes) in parts {
        let method = if deflated && *name != "mimetype" {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        if zip.start_file(*name, options).is_err() || zip.write_all(bytes).is_err() {
            return Vec::new();
        }
    }
    if zip.finish().is_err() {
        return Vec::new();
    }
    out.into_inner()
}

/// An Excel 97-2003 file around a workbook stream (BIFF records): a
/// compound file, as Excel stores it. Empty if writing fails.
pub(super) fn compound_workbook(stream: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let Ok(mut file) =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, std::io::Cursor::new(Vec::new()))
    else {
        return Vec::new();
    };
    let written = file
        .create_stream("/Workbook")
        .and_then(|mut w| w.write_all(stream))
        .and_then(|_| file.flush());
    match written {
        Ok(()) => file.into_inner().into_inner(),
        Err(_) => Vec::new(),
    }
}
