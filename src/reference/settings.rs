//! Who issues the annual report and to whom (`report_settings.csv`), read
//! from the reference folder, a year's own folder overriding it key by key.

use std::collections::BTreeMap;

use super::bundled::bundled_text;
use super::error::ReferenceError;
use super::files::csv_reader;

/// Who issues the annual report and to whom (`report_settings.csv`: `key`,
/// `vi`, `en`): the issuing body and its parent, the document symbol, the
/// place, the signatory's authority, title and name, and the recipients
/// (`|`-separated). A folder without the file takes the bundled one, the
/// values of the 2023 letter.
#[derive(Debug, Clone, Default)]
pub struct ReportSettings {
    values: BTreeMap<String, (String, String)>,
}

impl ReportSettings {
    /// The keys a settings file may hold.
    pub const KEYS: [&str; 9] = [
        "issuer_parent",
        "issuer",
        "issuer_name",
        "symbol",
        "place",
        "signer_authority",
        "signer_title",
        "signer_name",
        "recipients",
    ];

    /// Reads `key,vi,en` rows; a key it does not know, a key given twice,
    /// a value running over several lines (an unclosed quote) or a file
    /// without its header is an error naming the line. A key it does not
    /// give keeps the bundled value.
    pub(super) fn parse(file: &str, text: &str) -> Result<ReportSettings, ReferenceError> {
        let bad = |line: u64, field: &str, message: crate::i18n::Msg| ReferenceError::Invalid {
            file: file.to_string(),
            line,
            field: field.to_string(),
            message,
        };
        let mut reader = csv_reader(text, true);
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| {
                bad(
                    1,
                    "",
                    crate::msg!("reference-bad-csv", error = e.to_string()),
                )
            })?
            .iter()
            .map(str::to_string)
            .collect();
        if header != ["key", "vi", "en"] {
            return Err(bad(
                1,
                "",
                crate::msg!("reference-settings-header", header = header.join(",")),
            ));
        }
        let mut values = BTreeMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                bad(
                    line,
                    "",
                    crate::msg!("reference-bad-csv", error = e.to_string()),
                )
            })?;
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            let get = |n: usize| record.get(n).unwrap_or_default();
            let key = get(0);
            if !Self::KEYS.contains(&key) {
                return Err(bad(
                    line,
                    "key",
                    crate::msg!(
                        "reference-settings-unknown-key",
                        key = key,
                        keys = Self::KEYS.join(", ")
                    ),
                ));
            }
            if record.len() > 3 {
                return Err(bad(line, "", crate::msg!("reference-settings-fields")));
            }
            for (n, field) in [(1, "vi"), (2, "en")] {
                if get(n).contains('\n') {
                    return Err(bad(
                        line,
                        field,
                        crate::msg!("reference-settings-multiline", key = key),
                    ));
                }
            }
            if values
                .insert(
                    key.to_string(),
                    (crate::text::clean(get(1)), crate::text::clean(get(2))),
                )
                .is_some()
            {
                return Err(bad(
                    line,
                    "key",
                    crate::msg!("reference-settings-twice", key = key),
                ));
            }
        }
        Ok(ReportSettings { values })
    }

    /// These settings, with `defaults` for every key they do not give.
    pub(super) fn or(mut self, defaults: &ReportSettings) -> ReportSettings {
        for (k, v) in &defaults.values {
            self.values.entry(k.clone()).or_insert_with(|| v.clone());
        }
        self
    }

    /// The settings as `report_settings.csv` writes them.
    pub fn csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(["key", "vi", "en"]);
        for (key, (vi, en)) in &self.values {
            let _ = w.write_record([key, vi, en]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The value of `key` in Vietnamese, or in English when `english`
    /// (falling back to the Vietnamese); empty when not set.
    pub fn get(&self, key: &str, english: bool) -> &str {
        match self.values.get(key) {
            Some((_, en)) if english && !en.is_empty() => en,
            Some((vi, _)) => vi,
            None => "",
        }
    }
}

impl ReportSettings {
    pub(super) fn bundled() -> Result<ReportSettings, ReferenceError> {
        ReportSettings::parse(
            "data/reference/report_settings.csv",
            bundled_text("report_settings.csv").unwrap_or_default(),
        )
    }
}
