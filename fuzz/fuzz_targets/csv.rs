//! Any bytes named `.csv` go through ingest's reading path (sniffing,
//! the reader, the normaliser): a refusal is fine, a panic or a hang is not.
#![no_main]

use std::sync::OnceLock;

use baocao::reference::Reference;
use libfuzzer_sys::fuzz_target;

static REFERENCE: OnceLock<Reference> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let reference = REFERENCE.get_or_init(|| Reference::load(None).expect("bundled reference"));
    let _ = baocao::ingest::read_bytes("so-y-te_2023-05.csv", bytes, reference);
});
