//! One reader per input format, each turning a file's bytes into a
//! [`Table`]: delimited text (any of the encodings Vietnamese offices
//! produce, separator detected), workbooks (the visible sheet whose table
//! matches best, header band found under the title block, merged cells)
//! and JSON / NDJSON. Every text cell passes through [`TextCells`], which
//! converts text typed in a legacy Vietnamese encoding and counts it.

mod delimited;
mod document;
mod docx;
mod formula;
mod html;
mod json;
mod measure;
mod output;
mod sheet_xml;
mod text;
mod workbook;

pub(super) use delimited::read_delimited;
pub(super) use docx::read_docx;
pub(super) use html::{looks_like_html, read_html};
pub(super) use json::read_json;
pub(super) use output::ReadOutput;
pub(super) use text::is_binary;
pub(super) use workbook::{read_ods, read_xls, read_xlsx};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::cell::Cell;

    /// The legacy-encoding detector's false positives on every text cell of
    /// the bundled samples (Unicode, Windows-1258 and UTF-16 files, and
    /// workbooks, Word and HTML reports): none.
    #[test]
    fn no_text_of_the_bundled_samples_is_taken_for_a_legacy_encoding() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/2023");
        let (mut files, mut cells) = (0, 0);
        for entry in std::fs::read_dir(&dir).expect("samples") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("sample");
            let ext = path.extension().map(|e| e.to_string_lossy().to_string());
            let out = match ext.as_deref() {
                Some("csv" | "txt") => read_delimited(&bytes),
                Some("xlsx") => read_xlsx(&bytes),
                Some("xls") if looks_like_html(&bytes) => read_html(&bytes),
                Some("xls") => read_xls(&bytes),
                Some("ods") => read_ods(&bytes),
                Some("docx") => read_docx(&bytes),
                Some("json" | "ndjson") => read_json(&bytes),
                _ => continue,
            }
            .unwrap_or_else(|p| panic!("{}: {}", path.display(), p.text()));
            files += 1;
            assert!(
                out.notes.iter().all(|n| !n.contains("legacy")),
                "{}: {:?}",
                path.display(),
                out.notes
            );
            assert!(out.table.unconvertible.is_empty(), "{}", path.display());
            let t = &out.table;
            cells += t
                .rows
                .iter()
                .chain(&t.preamble)
                .flat_map(|r| &r.cells)
                .filter(|c| matches!(c, Cell::Text(s) if !s.is_ascii()))
                .count();
            cells += t.header.names.iter().filter(|n| !n.is_ascii()).count();
        }
        eprintln!(
            "{files} sample files, {cells} non-ASCII text cells: none taken for TCVN3 or VNI"
        );
        assert!(files >= 100, "{files} sample files");
        assert!(cells > 1000, "{cells} text cells");
    }

    /// Every `read-...` id the readers name (also those chosen by a match
    /// or kept in a table, which the i18n module's own check cannot see)
    /// is in both message files.
    #[test]
    fn every_read_message_named_in_the_readers_is_in_both_files() {
        use crate::i18n::{Lang, lookup};
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ingest");
        let re = regex::Regex::new(r#""(read-[a-z0-9-]+)""#).unwrap();
        let mut files: Vec<_> = std::fs::read_dir(src.join("readers"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        for f in ["sniff.rs", "limits.rs", "guard.rs", "header.rs"] {
            files.push(src.join(f));
        }
        let mut named = 0;
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            for c in re.captures_iter(&text) {
                named += 1;
                for lang in Lang::ALL {
                    assert!(
                        lookup(&c[1], lang).is_some(),
                        "{} ({}) is not in locales/{}/ingest-read.ftl",
                        &c[1],
                        path.display(),
                        lang.code()
                    );
                }
            }
        }
        assert!(named > 50, "{named} ids");
    }
}
