//! One reader per field of an item, each with the tests of the class of
//! cells it reads. Each takes the table's [`Columns`](super::columns::Columns),
//! the row, what the file's rows have taught so far (`&mut FileNotes`) and
//! the row's problems (`&mut Vec<Problem>`, in the order a person reads
//! them); each returns its value, or none when the row is refused for it.

pub(super) mod date;
pub(super) mod extra;
pub(super) mod figures;
pub(super) mod form;
pub(super) mod hrc;
pub(super) mod language;
pub(super) mod quantity;
pub(super) mod report;
pub(super) mod row;
pub(super) mod text;
pub(super) mod theme;
