//! Reading reference CSV texts into typed records: one reader for every
//! file (a byte-order mark dropped, fields trimmed, semicolons taken as the
//! separator), and every problem reported with the file, the line and the
//! field, so whoever edits next year's folder knows exactly what to fix.

use chrono::NaiveDate;
use serde::Deserialize;

use super::error::ReferenceError;

/// Which file of which folder is being read, for messages.
pub(super) struct Ctx<'a> {
    pub(super) dir: &'a str,
    pub(super) file: &'static str,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(dir: &'a str, file: &'static str) -> Ctx<'a> {
        Ctx { dir, file }
    }

    pub(super) fn err(&self, line: u64, field: &str, message: crate::i18n::Msg) -> ReferenceError {
        ReferenceError::Invalid {
            file: format!("{}/{}", self.dir, self.file),
            line,
            field: field.into(),
            message,
        }
    }

    pub(super) fn date(
        &self,
        line: u64,
        field: &str,
        s: &str,
    ) -> Result<NaiveDate, ReferenceError> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
            let shaped = s.trim().len() == 10
                && s.trim().chars().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            let message = if shaped {
                crate::msg!("reference-not-a-day", value = s)
            } else {
                crate::msg!("reference-not-a-date", value = s)
            };
            self.err(line, field, message)
        })
    }

    pub(super) fn code(&self, line: u64, field: &str, s: &str) -> Result<String, ReferenceError> {
        let ok = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
        if ok {
            Ok(s.to_string())
        } else {
            Err(self.err(line, field, crate::msg!("reference-not-a-code", value = s)))
        }
    }

    pub(super) fn nonempty(
        &self,
        line: u64,
        field: &str,
        s: &str,
    ) -> Result<String, ReferenceError> {
        let s = crate::text::clean(s);
        if s.is_empty() {
            Err(self.err(line, field, crate::msg!("reference-empty-field")))
        } else {
            Ok(s)
        }
    }
}

/// A reader of one reference CSV text: a byte-order mark dropped, fields
/// trimmed, and semicolons taken as the separator when the header has no
/// comma (Excel in Vietnamese settings saves "CSV" that way); `flexible`
/// lets lines have fewer fields than the header.
pub(super) fn csv_reader(text: &str, flexible: bool) -> csv::Reader<&[u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.contains(';') && !first.contains(',') {
        b';'
    } else {
        b','
    };
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(flexible)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Rows of one CSV file with the line each came from.
pub(super) fn rows<T: for<'de> Deserialize<'de>>(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
) -> Result<Vec<(u64, T)>, ReferenceError> {
    rows_of(ctx, read, None)
}

/// Like [`rows`], and a header that is not one of `known` is an error
/// naming it (a misspelt `valid_until` would otherwise read as empty).
pub(super) fn known_rows<T: for<'de> Deserialize<'de>>(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    known: &[&str],
) -> Result<Vec<(u64, T)>, ReferenceError> {
    rows_of(ctx, read, Some(known))
}

fn rows_of<T: for<'de> Deserialize<'de>>(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
    known: Option<&[&str]>,
) -> Result<Vec<(u64, T)>, ReferenceError> {
    let text = read(ctx.file)?.ok_or_else(|| ReferenceError::File {
        file: format!("{}/{}", ctx.dir, ctx.file),
        message: crate::msg!("reference-campaign-file-missing"),
    })?;
    let mut reader = csv_reader(&text, false);
    let headers = reader
        .headers()
        .map_err(|e| ctx.err(1, "", crate::i18n::Msg::verbatim(e.to_string())))?
        .clone();
    if let Some(known) = known {
        for h in headers.iter() {
            if !known.contains(&h) {
                return Err(ctx.err(
                    1,
                    h,
                    crate::msg!(
                        "reference-unknown-column",
                        column = h,
                        file = ctx.file,
                        columns = known.join(", ")
                    ),
                ));
            }
        }
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            ctx.err(
                line,
                "",
                crate::msg!("reference-bad-csv", error = e.to_string()),
            )
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let row = record.deserialize::<T>(Some(&headers)).map_err(|e| {
            let field = match e.kind() {
                csv::ErrorKind::Deserialize { err, .. } => {
                    err.field().and_then(|f| headers.get(f as usize))
                }
                _ => None,
            }
            .unwrap_or("");
            ctx.err(line, field, crate::i18n::Msg::verbatim(e.to_string()))
        })?;
        out.push((line, row));
    }
    Ok(out)
}

pub(super) fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(crate::text::clean)
        .filter(|a| !a.is_empty())
        .collect()
}
