//! baocao: the analytics pipeline over the human-rights communication
//! reports that units of Điện Biên province send to the Department of
//! Information and Communications. The modules follow the data's path:
//! reference data → ingest → lake → query → summary and trends; `samples`
//! makes realistic input.

pub mod domain;
pub mod fault;
pub mod ingest;
pub mod lake;
pub mod query;
pub mod reference;
pub mod samples;
pub mod summary;
pub mod text;
pub mod trends;
