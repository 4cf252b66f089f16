//! baocao: the analytics pipeline over the human-rights communication
//! reports that units of Điện Biên province send to the Department of
//! Information and Communications. The modules follow the data's path:
//! reference data → ingest → lake → query → summary and trends; `samples`
//! makes realistic input. `lake` defines the tables every stage reads and
//! writes (ingest builds its records); `domain`, `text` and `atomic` are
//! shared by all.

pub mod atomic;
pub mod domain;
pub mod fault;
pub mod i18n;
pub mod ingest;
pub mod lake;
pub mod memo;
pub mod query;
pub mod reference;
pub mod samples;
#[cfg(feature = "serve")]
pub mod serve;
pub mod summary;
pub mod text;
pub mod trends;
