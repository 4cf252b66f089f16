//! The fuzzers' corpus as regression tests: every input `fuzz/run.sh` found
//! interesting (and every crash it ever found, in `fuzz/artifacts/`) goes
//! through ingest's reading path again. None may panic, and every refusal
//! must be a sentence.

use std::path::Path;

use baocao::reference::Reference;

#[test]
fn every_fuzz_input_is_read_or_refused_with_a_sentence() {
    let reference = Reference::load(None).expect("bundled reference");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut total = 0;
    for target in ["csv", "xlsx", "json", "xls", "docx", "html"] {
        let mut inputs = 0;
        for dir in ["corpus", "artifacts"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
                continue;
            };
            for entry in entries.flatten() {
                let mut bytes = std::fs::read(entry.path()).expect("read a fuzz input");
                // as each target wraps its input
                bytes = match target {
                    "xlsx" => baocao::samples::fuzz_workbook(&bytes),
                    "xls" => baocao::samples::fuzz_xls(&bytes),
                    "docx" => baocao::samples::fuzz_docx(&bytes),
                    _ => bytes,
                };
                let name = format!("so-y-te_2023-05.{target}");
                let outcome = std::panic::catch_unwind(|| {
                    baocao::ingest::read_bytes(&name, &bytes, &reference)
                });
                let outcome = outcome.unwrap_or_else(|_| {
                    panic!("{} made the {target} reader panic", entry.path().display())
                });
                if let Err(reason) = outcome {
                    // ingest catches a reader's panic; our own code must not panic
                    assert!(
                        !reason.starts_with(baocao::ingest::READER_STOPPED)
                            || reason.contains(" at calamine-"),
                        "{}: {reason}",
                        entry.path().display()
                    );
                    let first = reason.chars().next().unwrap_or(' ');
                    assert!(
                        first.is_uppercase() && reason.ends_with('.'),
                        "{}: the refusal is not a sentence: {reason}",
                        entry.path().display()
                    );
                }
                inputs += 1;
            }
        }
        assert!(
            inputs >= 10,
            "only {inputs} inputs kept for the {target} fuzzer"
        );
        total += inputs;
    }
    eprintln!("{total} fuzz inputs replayed");
}
