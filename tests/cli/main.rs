//! The one integration-test binary: every module drives the real `baocao`
//! executable on real-looking files and reads what it wrote back with the
//! arrow-rs `parquet` crate, as any other Parquet reader would.

#[cfg(feature = "cluster")]
mod cluster;
mod concurrency;
mod crash;
mod demo;
mod disk;
mod formats;
mod fuzz_corpus;
mod hostile;
mod ingest;
mod ingest_errors;
mod lake_files;
mod language;
mod quality;
mod query;
mod real_world;
mod real_world_third;
mod reason_codes;
mod register;
mod report_docx;
mod rollup;
#[cfg(feature = "s3")]
mod s3;
mod scale;
#[cfg(feature = "serve")]
mod serve;
mod serve_feature;
mod sql;
mod summary;
mod support;
mod trends;
mod typed_names;
