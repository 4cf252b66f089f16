//! Hostile and broken input: each file is refused with a sentence that says
//! what is wrong, the run goes on with the other files, and every run here
//! is held to 512 MB of data memory (`ulimit -d`), so a reader that tried to
//! hold a bomb in memory would fail the test instead of the machine.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

use crate::support::{Run, Workdir, v};

/// Runs `baocao args` in `w` with its data memory capped at 512 MB.
fn run_capped(w: &Workdir, args: &[&str]) -> Run {
    let out = Command::new("bash")
        .current_dir(w.dir.path())
        .arg("-c")
        .arg("ulimit -d 524288 && exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin("baocao"))
        .args(args)
        .env("BAOCAO_LANG", "en")
        .output()
        .expect("run bash");
    Run::from(out)
}

fn hostile_fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/hostile")
            .join(name),
    )
    .expect("fixture")
}

/// A zip of `entries` stored uncompressed.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(*name, stored).expect("zip entry");
        std::io::Write::write_all(&mut zip, bytes).expect("zip write");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

#[test]
fn hostile_files_are_refused_with_a_reason_in_bounded_memory() {
    let w = Workdir::new();
    w.fixture("so-y-te_2023.json", "good.json");
    let header = "Ngày,Chủ đề,Hình thức,Tên tin bài";
    let mut files: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "line-200mb.csv",
            vec![b'x'; 200 << 20],
            "The file is 200.0 MB, more than the 64.0 MB a report may be",
        ),
        (
            "line-3mb.csv",
            format!("{header}\n{}\n", "y".repeat(3 << 20)).into_bytes(),
            "Line 2 is 3.0 MB long, longer than any report row can be (1.0 MB at most)",
        ),
        (
            "million-columns.tsv",
            "a\t".repeat(1_000_000).into_bytes(),
            "Line 1 is 1.9 MB long",
        ),
        (
            "5000-columns.csv",
            format!(
                "{header}{}\n2023-05-01,ethnic,Bài viết,Tin\n",
                (0..5000).map(|i| format!(",c{i}")).collect::<String>()
            )
            .into_bytes(),
            "The table has more than 1000 columns (5004 or more)",
        ),
        (
            "nested.json",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            "The file is not JSON (recursion limit exceeded",
        ),
        (
            "many-keys.json",
            format!(
                "{{\"items\": [{{{}}}]}}",
                (0..1500)
                    .map(|i| format!("\"k{i}\": 1"))
                    .collect::<Vec<_>>()
                    .join(",")
            )
            .into_bytes(),
            "The table has more than 1000 columns (1001 or more)",
        ),
        (
            "zip-bomb.xlsx",
            hostile_fixture("bomb.xlsx"),
            "The workbook unpacks to 286.1 MB or more, more than the 256.0 MB any report needs",
        ),
        (
            "zip-bomb-lying.xlsx",
            hostile_fixture("bomb-lying-sizes.xlsx"),
            "File is larger than its declared uncompressed size",
        ),
        (
            "image.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "The file is named .csv but is a PNG image",
        ),
        (
            "random.json",
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                .collect(),
            "The file is named .json but holds binary data, not text",
        ),
        (
            "letter.xlsx",
            zip_of(&[
                ("[Content_Types].xml", b"<Types/>"),
                ("word/document.xml", b"<w:document/>"),
            ]),
            "The file is named .xlsx but is a Word document",
        ),
        (
            "archive.csv",
            zip_of(&[("bao-cao.csv", b"a,b\n")]),
            "The file is named .csv but is a zip archive (unpack it and send the report inside)",
        ),
        (
            "text.xlsx",
            format!("{header}\n2023-05-01,ethnic,Bài viết,Tin\n").into_bytes(),
            "The file is named .xlsx but is not an Excel workbook",
        ),
    ];
    // the formats of contract 3.1 (tests/fixtures/formats/make_fixtures.py)
    files.extend([
        (
            "truncated.xls",
            hostile_fixture("truncated.xls"),
            "The workbook cannot be opened as an Excel 97-2003 workbook",
        ),
        (
            // calamine would reserve 4 billion rows x 8 columns of cells
            "lying-dimensions.xls",
            hostile_fixture("lying-dimensions.xls"),
            "A sheet of the workbook says it spans rows 1 to 4294967280 and 8 columns, which an Excel 97-2003 workbook cannot hold",
        ),
        (
            "bomb.docx",
            hostile_fixture("bomb.docx"),
            "The Word document unpacks to 300.0 MB or more",
        ),
        (
            "repeated.ods",
            hostile_fixture("repeated.ods"),
            "The tables of the file span 17179869184 cells or more",
        ),
        (
            "one-line.html",
            format!(
                "<html><body><table><tr><td>Ngày</td><td>Hình thức</td></tr>{}</table></body></html>",
                "<tr><td>05/07/2023</td><td>Tin</td></tr>".repeat((50 << 20) / 40)
            )
            .into_bytes(),
            "The web page is 50.0 MB, more than the 16.0 MB",
        ),
    ]);
    // one cell in A1 and one in Excel's last cell: not a grid of 17 billion cells
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Ngày").expect("cell");
    sheet.write_string(1_048_575, 16_383, "x").expect("cell");
    files.push((
        "far-cell.xlsx",
        book.save_to_buffer().expect("xlsx"),
        "The table has more than 1000 columns (16384 or more)",
    ));
    for (name, bytes, _) in &files {
        w.write(&format!("inbox/{name}"), bytes);
    }
    let run = run_capped(&w, &["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (name, _, why) in &files {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(&format!("inbox/{name}:")))
            .unwrap_or_else(|| panic!("{name} is not in the report:\n{}", run.stderr));
        assert!(
            line.starts_with("  REFUSED") && line.contains(why),
            "{name}: {line}"
        );
    }
    assert!(run.stderr.contains(&format!(
        "{} files: 1 ingested, 0 already in the lake, {} refused",
        files.len() + 1,
        files.len()
    )));
    // each refusal is kept in the lake with its reason
    let rejects = w.rows("lake/rejects");
    assert_eq!(rejects.len(), files.len());
    for (name, _, why) in &files {
        let r = rejects
            .iter()
            .find(|r| v(r, "source_file").as_str() == Some(&format!("inbox/{name}")))
            .unwrap_or_else(|| panic!("no reject for {name}"));
        assert!(v(r, "reason").as_str().unwrap().contains(why), "{name}");
        assert_eq!(v(r, "source_row"), serde_json::Value::Null);
    }
    // a larger limit reads the 200 MB line, and refuses it for its length
    std::fs::remove_dir_all(w.path("lake")).expect("rm lake");
    let big = w.path("inbox/line-200mb.csv");
    let run = run_capped(
        &w,
        &["ingest", big.to_str().unwrap(), "--max-file-mb", "300"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("Line 1 is 200.0 MB long"),
        "{}",
        run.stderr
    );
}

fn link(target: &str, at: &Path) {
    std::os::unix::fs::symlink(target, at).expect("symlink");
}

#[test]
fn links_and_odd_names_in_an_inbox() {
    let w = Workdir::new();
    let report = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/so-y-te_2023.json"),
    )
    .expect("fixture");
    // outside the inbox: a report that must not be read through links
    w.write("outside/so-y-te_2023.json", &report);
    std::fs::create_dir_all(w.path("inbox")).expect("mkdir");
    link("../outside/so-y-te_2023.json", &w.path("inbox/link.json"));
    link("../outside", &w.path("inbox/linked-folder"));
    link("loop", &w.path("inbox/loop"));
    link("/etc/passwd", &w.path("inbox/passwd.csv"));
    let fifo = w.path("inbox/pipe.csv");
    let made_fifo = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    // odd names, each a distinct copy of a good report (one more space)
    let odd: Vec<PathBuf> = [
        b"so-y-te_2023 (b\xe1\xba\xa3n s\xe1\xbb\xada)\nm\xe1\xbb\x9bi.json".to_vec(),
        b"so-y-te_2023-\xff\xfe.json".to_vec(),
        b"-so-y-te_2023.json".to_vec(),
        // the decomposed form macOS file names use
        "sở-y-tế_2023.json".nfd().collect::<String>().into_bytes(),
        format!("so-y-te_2023 {}.json", "dài ".repeat(45)).into_bytes(),
    ]
    .iter()
    .enumerate()
    .map(|(i, name)| {
        let path = w.path("inbox").join(std::ffi::OsStr::from_bytes(name));
        let mut bytes = report.clone();
        bytes.extend(std::iter::repeat_n(b' ', i + 1));
        std::fs::write(&path, bytes).expect("write an oddly named file");
        path
    })
    .collect();
    let run = run_capped(&w, &["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for skipped in ["link.json", "linked-folder", "loop", "passwd.csv"] {
        assert!(
            run.stderr.contains(&format!(
                "  skipped  inbox/{skipped}: a symbolic link; links inside a folder are not followed"
            )),
            "{skipped}: {}",
            run.stderr
        );
    }
    if made_fifo {
        assert!(
            run.stderr.contains(
                "  skipped  inbox/pipe.csv: not a regular file (a pipe, socket or device)"
            ),
            "{}",
            run.stderr
        );
    }
    // every oddly named file read, each on one line of the report
    assert!(
        run.stderr.contains(&format!(
            "{} files: {} ingested, 0 already in the lake, 0 refused",
            odd.len(),
            odd.len()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("inbox/so-y-te_2023 (bản sửa)\\nmới.json"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("inbox/so-y-te_2023-\u{fffd}\u{fffd}.json"),
        "{}",
        run.stderr
    );
    let subs = w.rows("lake/submissions");
    assert_eq!(subs.len(), odd.len());
    assert!(
        subs.iter()
            .all(|s| !v(s, "source_file").as_str().unwrap().contains("outside")),
        "a file outside the inbox was read"
    );
    // named on the command line a link is followed (the user chose it); a
    // device is refused with what to do
    let run = run_capped(&w, &["ingest", "inbox/link.json", "--lake", "lake2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 file: 1 ingested"), "{}", run.stderr);
    let run = run_capped(&w, &["ingest", "/dev/zero", "--lake", "lake3"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "/dev/zero is not a file or a folder (a pipe, socket or device): name report files or folders of them"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_reader_that_panics_refuses_the_file_and_the_run_goes_on() {
    // found by the xlsx fuzzer: a cell reference of 35 digits overflows
    // calamine's row arithmetic (a panic in builds with overflow checks)
    let w = Workdir::new();
    let book = baocao::samples::fuzz_workbook(&hostile_fixture("calamine-overflow-sheet.bin"));
    w.write("inbox/overflow.xlsx", &book);
    w.fixture("so-y-te_2023.json", "good.json");
    let run = run_capped(&w, &["ingest", "inbox"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("2 files: 1 ingested, 0 already in the lake, 1 refused"),
        "{}",
        run.stderr
    );
    if cfg!(debug_assertions) {
        assert!(
            run.stderr.contains(
                "  REFUSED  inbox/overflow.xlsx: The file could not be read: the reader stopped on it (attempt to multiply with overflow at calamine-0.38.0/src/xlsx/mod.rs:3112); it may be damaged: open it in Excel or a text editor, save it again and resend it"
            ),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}
