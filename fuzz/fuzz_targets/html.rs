//! Fuzzed bytes as an HTML page go through ingest's
//! reading path as `.html`: a refusal is fine; a panic (which ingest
//! turns into a refusal too) or a hang is a failure, except the known ones
//! upstream listed in fuzz/src/lib.rs.
#![no_main]

use std::sync::OnceLock;

use baocao::reference::Reference;
use libfuzzer_sys::fuzz_target;

static REFERENCE: OnceLock<Reference> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let reference = REFERENCE.get_or_init(|| Reference::load(None).expect("bundled reference"));
    let file = bytes.to_vec();
    let read = baocao::ingest::read_bytes("so-y-te_2023-05.html", &file, reference);
    baocao_fuzz::check(read);
});
