//! What the fuzz targets accept: any outcome but a reader that stopped,
//! unless it stopped on a bug already known upstream.

/// Panics in calamine 0.38 that ingest catches and refuses the file for
/// (debug builds; release builds wrap instead, and our own bounds refuse the
/// sheet): `get_row_and_optional_column` multiplies a cell reference past
/// `u32` (a 35-digit row), and `get_dimension` subtracts a dimension's start
/// from its end (`<dimension ref="B2:A1"/>`).
///
/// The Excel 97-2003 reader (`xls.rs`, with the record helpers of
/// `utils.rs` and the container of `cfb.rs`) reads records with unchecked
/// slices and arithmetic throughout (a short record, a MULRK whose last
/// column precedes its first, a sheet position past the stream): the fuzzer
/// finds a new one every few thousand inputs. Each is a caught panic that
/// refuses the file; the ones that would not be caught (a DIMENSIONS record
/// that makes calamine reserve terabytes and abort, as in
/// tafia/calamine#174) are refused before calamine sees the file
/// (`src/ingest/readers/measure.rs`), as are the first three found here.
pub const KNOWN_UPSTREAM: &[&str] = &[
    "calamine-0.38.0/src/xls.rs:",
    "calamine-0.38.0/src/utils.rs:",
    "calamine-0.38.0/src/cfb.rs:",
    "calamine-0.38.0/src/xlsx/mod.rs:3112",
    "calamine-0.38.0/src/xlsx/mod.rs:3096",
    "calamine-0.38.0/src/xlsx/mod.rs:3097",
    "calamine-0.38.0/src/xlsx/mod.rs:3049",
    "calamine-0.38.0/src/xlsx/mod.rs:3050",
];

/// Fails the fuzz run when the reader stopped on the input (a panic caught
/// by ingest), except on a known upstream bug.
pub fn check(read: Result<(usize, usize), String>) {
    if let Err(reason) = read
        && reason.starts_with(baocao::ingest::READER_STOPPED)
        && !KNOWN_UPSTREAM.iter().any(|known| reason.contains(known))
    {
        panic!("{reason}");
    }
}
