//! Reference data: one dated register of units with its lineage
//! (`data/reference/units.csv`, `unit_lineage.csv`), and one folder per
//! campaign year (`data/reference/2023/`) with its themes, sub-themes, HRC
//! priorities, forms, languages, peak periods, reporting obligations and
//! theme keywords. The bundled folder is embedded in the binary;
//! `--reference DIR` replaces it. Every file is validated at load, and an
//! error names the file, line and field. A campaign folder holding its own
//! `units.csv` (the layout before the register) still loads: its units are
//! its own register, with the lineage of its own `unit_lineage.csv` if it
//! has one.

mod bundled;
mod campaign;
mod campaign_files;
mod error;
mod files;
mod loading;
pub mod matching;
pub mod quality;
pub mod register;
mod settings;
pub mod tools;
mod types;

pub use campaign::Campaign;
pub use campaign_files::CAMPAIGN_FILES;
pub use error::ReferenceError;
pub use loading::Reference;
pub use matching::{Inference, Match};
pub use quality::{Bound, QualityChecks, Rule};
pub use register::{ChangeKind, Fate, Lineage, Register};
pub use settings::ReportSettings;
pub use types::{
    Due, ExpectedReport, HrcPriority, Labelled, Obligation, PeakPeriod, Subtheme, Theme,
    ThemeKeyword, Unit,
};
