//! The deterministic generator of sample submissions: a realistic year of
//! reports from the campaign's units, in every input format offices use
//! (XLSX with a title block, Windows-1258 CSV, Excel "Unicode text", UTF-8
//! CSV, JSON, NDJSON), with late and missing reports, a correction, a few
//! bad rows and a file that names no unit. `data/samples/` holds its output
//! (a test proves it); the binary embeds that folder for `demo`.

mod containers;
mod corpus;
mod documents;
mod fuzz;
mod generator;
mod report;
mod writers;

pub use corpus::{CorpusError, CorpusOptions, CorpusStats, generate_corpus};
pub use fuzz::{fuzz_docx, fuzz_workbook, fuzz_xls};
pub use generator::generate;
pub use report::SampleFile;

use std::path::Path;

use include_dir::{Dir, include_dir};

static BUNDLED: Dir = include_dir!("$CARGO_MANIFEST_DIR/data/samples");

/// The seed of the bundled samples.
pub const SAMPLE_SEED: u64 = 2023;

/// Writes the bundled sample files (as committed in `data/samples/`) under
/// `dir`; returns how many.
pub fn extract_bundled(dir: &Path) -> std::io::Result<usize> {
    fn walk(d: &Dir, root: &Path, n: &mut usize) -> std::io::Result<()> {
        for f in d.files() {
            let path = root.join(f.path());
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, f.contents())?;
            *n += 1;
        }
        for sub in d.dirs() {
            walk(sub, root, n)?;
        }
        Ok(())
    }
    let mut n = 0;
    walk(&BUNDLED, dir, &mut n)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::generator::*;
    use super::*;
    use crate::reference::Reference;

    /// The legacy-encoding detector's false positives on generated titles
    /// (every template at every unit's place, as typed, in capitals and
    /// with the unit's name), the reference data's labels and names, and
    /// titles in other languages with Latin-1 letters and symbols: none.
    #[test]
    fn no_generated_title_is_taken_for_a_legacy_encoding() {
        use crate::ingest::{Verdict, detect_legacy};
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        let mut texts: Vec<String> = Vec::new();
        for theme in THEMES.iter().map(|(t, _)| *t) {
            for template in titles(theme) {
                for u in &c.units {
                    let title = template.replace("{place}", &place(u));
                    texts.push(title.to_uppercase());
                    texts.push(format!("{}: {title}", u.name_vi));
                    texts.push(format!("{title} ({} 2023)", u.aliases.join(", ")));
                    texts.push(title);
                }
            }
        }
        for t in &c.themes {
            texts.push(t.name_vi.clone());
            texts.extend(t.aliases.iter().cloned());
        }
        for s in &c.subthemes {
            texts.push(s.name_vi.clone());
            texts.extend(s.aliases.iter().cloned());
        }
        for l in c.forms.iter().chain(&c.languages) {
            texts.push(l.name_vi.clone());
            texts.extend(l.aliases.iter().cloned());
        }
        for u in &c.units {
            texts.push(u.name_vi.clone());
            texts.extend(u.aliases.iter().cloned());
        }
        texts.extend(c.keywords.iter().map(|k| k.keyword.clone()));
        for foreign in [
            "Human rights day ® 2023",
            "Café ¸ la carte",
            "José Müller, Señor García",
            "Gérard Depardieu à Paris",
            "Überprüfung für Mädchen",
            "© Báo Điện Biên Phủ ½ trang",
            "UNICEF Việt Nam ® – Ngày Quốc tế Thiếu nhi",
            "Fête de la musique à Hà Nội",
            "Straße, Ñandú, Ærø, Þór",
            "Tài Bé Cá Hà Lê",
            "Thái",
            "Mông",
            "Khơ Mú",
            "Tày",
        ] {
            texts.push(foreign.to_string());
        }
        let taken: Vec<&String> = texts
            .iter()
            .filter(|t| detect_legacy(t) != Verdict::Unicode)
            .collect();
        eprintln!(
            "{} generated and reference texts: {} taken for TCVN3 or VNI",
            texts.len(),
            taken.len()
        );
        assert!(texts.len() >= 3000, "{} texts", texts.len());
        assert!(taken.is_empty(), "{taken:?}");
    }

    /// The committed samples are exactly what the generator makes; run with
    /// BAOCAO_WRITE_SAMPLES=1 to write them after changing the generator.
    #[test]
    fn committed_samples_are_the_generator_s_output() {
        let r = Reference::bundled().unwrap();
        let files = generate(r.campaign(2023).unwrap(), SAMPLE_SEED);
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
        if std::env::var_os("BAOCAO_WRITE_SAMPLES").is_some() {
            let _ = std::fs::remove_dir_all(&root);
            for f in &files {
                let p = root.join(&f.path);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, &f.bytes).unwrap();
            }
        }
        for f in &files {
            let on_disk = std::fs::read(root.join(&f.path)).unwrap_or_default();
            assert!(
                on_disk == f.bytes,
                "{} differs from the generator's output",
                f.path
            );
        }
        let committed = std::fs::read_dir(root.join("2023")).unwrap().count();
        assert_eq!(committed, files.len());
        let total: usize = files.iter().map(|f| f.bytes.len()).sum();
        assert!(total < 2_000_000, "samples take {total} bytes");
    }

    #[test]
    fn the_same_seed_gives_the_same_files() {
        let r = Reference::bundled().unwrap();
        let c = r.campaign(2023).unwrap();
        assert_eq!(generate(c, 7), generate(c, 7));
        assert_ne!(generate(c, 7), generate(c, 8));
    }
}
