//! Named queries: one SQL file per question in `queries/` (embedded in the
//! binary), each opening with a header comment: `-- name: description`, its
//! parameters (`--   $year INT (default 2023) the campaign year`) and its
//! columns. Parameters are bound by DataFusion, never spliced into the SQL.

use std::sync::LazyLock;

use datafusion::common::ScalarValue;
use include_dir::{Dir, include_dir};
use regex::Regex;

use super::error::QueryError;

static QUERIES: Dir = include_dir!("$CARGO_MANIFEST_DIR/queries");

/// A parameter's declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    Int,
    /// A decimal number (`2.5`, or `2,5` as Vietnamese writes it).
    Number,
    Text,
    Date,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub kind: ParamKind,
    pub default: Option<String>,
    /// The values a TEXT parameter may take (`[z|mod_z|min_max]` after
    /// its type), or the lower bound of an INT or NUMBER one (`[>0]`,
    /// `[>=1]`); empty: any.
    pub choices: Vec<String>,
    pub doc: String,
}

/// One named query, as its file says.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedQuery {
    pub name: String,
    pub description: String,
    pub params: Vec<Param>,
    pub columns: String,
    pub sql: String,
}

impl NamedQuery {
    /// What the query answers, in `lang`: the message `named-<name>` of
    /// `locales/*/queries.ftl` (the file's header comment says it in
    /// English for whoever reads the SQL).
    pub fn description_in(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::lookup(&format!("named-{}", self.name.replace('_', "-")), lang)
            .unwrap_or_else(|| self.description.clone())
    }
}

/// Reads a query file's header.
pub fn parse(file: &str, text: &str) -> Result<NamedQuery, QueryError> {
    static PARAM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^--\s+\$(\w+)\s+(INT|NUMBER|TEXT|DATE)(?:\s+\[([^\]]*)\])?(?:\s+\(default ([^)]*)\))?\s*(.*)$",
        )
        .unwrap()
    });
    let bad = |message: crate::i18n::Msg| QueryError::BadQueryFile {
        file: file.to_string(),
        message,
    };
    let stem = file.trim_end_matches(".sql");
    let first = text.lines().next().unwrap_or("");
    let (name, description) = first
        .strip_prefix("--")
        .and_then(|l| l.split_once(':'))
        .map(|(n, d)| (n.trim().to_string(), d.trim().to_string()))
        .ok_or_else(|| bad(crate::msg!("query-file-first-line")))?;
    if name != stem {
        return Err(bad(crate::msg!(
            "query-file-name-mismatch",
            name = name,
            stem = stem
        )));
    }
    let mut params = Vec::new();
    let mut columns = String::new();
    for line in text.lines().take_while(|l| l.starts_with("--")) {
        if let Some(c) = PARAM.captures(line) {
            let kind = match &c[2] {
                "INT" => ParamKind::Int,
                "NUMBER" => ParamKind::Number,
                "DATE" => ParamKind::Date,
                _ => ParamKind::Text,
            };
            params.push(Param {
                name: c[1].to_string(),
                kind,
                choices: c
                    .get(3)
                    .map(|v| {
                        v.as_str()
                            .split('|')
                            .map(|s| s.trim().to_string())
                            .collect()
                    })
                    .unwrap_or_default(),
                default: c.get(4).map(|d| d.as_str().trim().to_string()),
                doc: c[5].trim().to_string(),
            });
        } else if let Some(cols) = line
            .trim_start_matches("--")
            .trim()
            .strip_prefix("Columns:")
        {
            columns = cols.trim().to_string();
        }
    }
    Ok(NamedQuery {
        name,
        description,
        params,
        columns,
        sql: text.to_string(),
    })
}

/// Every named query, by name.
pub fn all() -> Result<Vec<NamedQuery>, QueryError> {
    let mut out = Vec::new();
    for f in QUERIES.files() {
        let file = f.path().to_string_lossy().to_string();
        if !file.ends_with(".sql") {
            continue;
        }
        let text = f.contents_utf8().ok_or_else(|| QueryError::BadQueryFile {
            file: file.clone(),
            message: crate::msg!("query-file-not-utf8"),
        })?;
        out.push(parse(&file, text)?);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    let written = out.clone();
    for q in &mut out {
        q.sql = expand_includes(q, &written)?;
    }
    Ok(out)
}

/// A query's SQL with each line `-- include: NAME` replaced by the SQL of
/// the named query `NAME` (to be written inside parentheses: a subquery
/// or a CTE's body). The included query's parameters are this query's
/// own, by name, or given on the line as SQL over this query's parameters:
/// `-- include: outliers (year = CAST(date_part('year', $as_of) AS INT))`;
/// any other must be declared by the including file.
fn expand_includes(q: &NamedQuery, all: &[NamedQuery]) -> Result<String, QueryError> {
    let bad = |message: crate::i18n::Msg| QueryError::BadQueryFile {
        file: format!("{}.sql", q.name),
        message,
    };
    let mut sql = String::with_capacity(q.sql.len());
    for line in q.sql.lines() {
        let Some(rest) = line.trim().strip_prefix("-- include:").map(str::trim) else {
            sql.push_str(line);
            sql.push('\n');
            continue;
        };
        let (name, given) = match rest.split_once('(') {
            Some((name, args)) => {
                let args = args.trim_end();
                (name.trim(), args.strip_suffix(')').unwrap_or(args))
            }
            None => (rest, ""),
        };
        let included = all
            .iter()
            .find(|other| other.name == name && other.name != q.name)
            .ok_or_else(|| bad(crate::msg!("query-include-unknown", name = name)))?;
        let mut text = included.sql.clone();
        let mut mapped: Vec<String> = Vec::new();
        for arg in top_level_commas(given) {
            let Some((param, expr)) = arg.split_once('=') else {
                return Err(bad(crate::msg!("query-include-unknown", name = arg)));
            };
            let param = param.trim().trim_start_matches('$');
            let placeholder = Regex::new(&format!(r"\${}\b", regex::escape(param)))
                .map_err(|e| bad(crate::i18n::Msg::verbatim(e.to_string())))?;
            text = placeholder
                .replace_all(&text, regex::NoExpand(&format!("({})", expr.trim())))
                .into_owned();
            mapped.push(param.to_string());
        }
        if let Some(p) = included
            .params
            .iter()
            .find(|p| !mapped.contains(&p.name) && !q.params.iter().any(|own| own.name == p.name))
        {
            return Err(bad(crate::msg!(
                "query-include-param",
                name = name,
                param = p.name.clone()
            )));
        }
        sql.push_str(&text);
        sql.push('\n');
    }
    Ok(sql)
}

/// An INT or NUMBER parameter declared with a lower bound (`[>0]`,
/// `[>=1]` after its type) refuses a value below it, saying the bound.
fn check_lower_bound(p: &Param, text: &str, value: &ScalarValue) -> Result<(), QueryError> {
    let Some(bound) = p
        .choices
        .first()
        .filter(|_| matches!(p.kind, ParamKind::Int | ParamKind::Number))
    else {
        return Ok(());
    };
    let n = match value {
        ScalarValue::Int64(Some(n)) => *n as f64,
        ScalarValue::Float64(Some(f)) => *f,
        _ => return Ok(()),
    };
    let (at_least, limit) = match bound.strip_prefix(">=") {
        Some(limit) => (true, limit),
        None => (false, bound.trim_start_matches('>')),
    };
    let Ok(lowest) = limit.trim().parse::<f64>() else {
        return Ok(());
    };
    if (at_least && n >= lowest) || (!at_least && n > lowest) {
        return Ok(());
    }
    let id = if at_least {
        "query-param-at-least"
    } else {
        "query-param-above"
    };
    Err(QueryError::Param(crate::msg!(
        id,
        param = p.name.clone(),
        value = text,
        limit = limit.trim().to_string()
    )))
}

/// `a = f(x, y), b = 'p, q'` split at the commas outside parentheses and
/// quotes.
fn top_level_commas(s: &str) -> Vec<&str> {
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    let mut out = Vec::new();
    for (i, ch) in s.char_indices() {
        match ch {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out.into_iter().filter(|a| !a.is_empty()).collect()
}

/// The named query `name`.
pub fn find(name: &str) -> Result<NamedQuery, QueryError> {
    let queries = all()?;
    let known = queries
        .iter()
        .map(|q| q.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    queries
        .into_iter()
        .find(|q| q.name == name)
        .ok_or_else(|| QueryError::UnknownQuery {
            name: name.to_string(),
            suggestion: crate::text::did_you_mean(name, known.split(", ")).map(str::to_string),
            known,
        })
}

impl NamedQuery {
    /// Checks `key=value` pairs against the declared parameters and fills
    /// defaults: (name, text, value in the declared type).
    pub fn bind(
        &self,
        given: &[(String, String)],
    ) -> Result<Vec<(String, String, ScalarValue)>, QueryError> {
        let declared = || {
            self.params
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        for (k, _) in given {
            if !self.params.iter().any(|p| &p.name == k) {
                let takes = if self.params.is_empty() {
                    crate::msg!("query-takes-none")
                } else {
                    crate::msg!("query-takes-only", params = declared())
                };
                let nearest =
                    crate::text::did_you_mean(k, self.params.iter().map(|p| p.name.as_str()));
                return Err(QueryError::Param(crate::msg!(
                    "query-no-such-param",
                    query = self.name.clone(),
                    param = k.clone(),
                    suggestion = super::error::suggest(&nearest.map(str::to_string)),
                    takes = takes
                )));
            }
        }
        let mut out = Vec::new();
        for p in &self.params {
            let text = given
                .iter()
                .rev()
                .find(|(k, _)| k == &p.name)
                .map(|(_, v)| v.clone())
                .or_else(|| p.default.clone())
                .ok_or_else(|| {
                    QueryError::Param(crate::msg!(
                        "query-param-needed",
                        query = self.name.clone(),
                        param = p.name.clone(),
                        doc = p.doc.clone()
                    ))
                })?;
            let value = match p.kind {
                ParamKind::Int => text
                    .trim()
                    .parse::<i64>()
                    .map(|n| ScalarValue::Int64(Some(n)))
                    .map_err(|_| {
                        QueryError::Param(crate::msg!(
                            "query-param-not-int",
                            param = p.name.clone(),
                            value = text.clone()
                        ))
                    })?,
                ParamKind::Number => text
                    .trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .map(|n| ScalarValue::Float64(Some(n)))
                    .ok_or_else(|| {
                        QueryError::Param(crate::msg!(
                            "query-param-not-number",
                            param = p.name.clone(),
                            value = text.clone()
                        ))
                    })?,
                ParamKind::Text if !p.choices.is_empty() && !p.choices.contains(&text) => {
                    let nearest =
                        crate::text::did_you_mean(&text, p.choices.iter().map(String::as_str));
                    return Err(QueryError::Param(crate::msg!(
                        "query-param-not-a-choice",
                        param = p.name.clone(),
                        value = text.clone(),
                        choices = p.choices.join(", "),
                        suggestion = super::error::suggest(&nearest.map(str::to_string))
                    )));
                }
                // `none`: the query's own behaviour without that date
                ParamKind::Date if text.trim() == "none" => ScalarValue::Date32(None),
                ParamKind::Date => {
                    let day = if text.trim() == "today" {
                        Some(chrono::Local::now().date_naive())
                    } else {
                        crate::domain::parse_day(&text)
                    };
                    day.map(|d| {
                        ScalarValue::Date32(Some(
                            (d - chrono::NaiveDate::default()).num_days() as i32
                        ))
                    })
                    .ok_or_else(|| {
                        QueryError::Param(crate::msg!(
                            "query-param-not-date",
                            param = p.name.clone(),
                            value = text.clone()
                        ))
                    })?
                }
                ParamKind::Text => ScalarValue::Utf8(Some(text.clone())),
            };
            check_lower_bound(p, &text, &value)?;
            out.push((p.name.clone(), text, value));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_query_says_what_it_answers_in_both_languages() {
        use crate::i18n::{Lang, lookup};
        for q in all().unwrap() {
            let id = format!("named-{}", q.name.replace('_', "-"));
            let vi = lookup(&id, Lang::Vi).unwrap_or_else(|| panic!("{id} is not in vi"));
            let en = lookup(&id, Lang::En).unwrap_or_else(|| panic!("{id} is not in en"));
            // the English message is the header's sentence, word for word
            assert_eq!(en, q.description, "{id}");
            assert_ne!(vi, en, "{id}");
            assert_eq!(q.description_in(Lang::Vi), vi);
        }
    }

    #[test]
    fn every_query_file_has_a_header_naming_it() {
        let all = all().unwrap();
        assert!(all.len() >= 12, "{} queries", all.len());
        for q in &all {
            assert!(!q.description.is_empty(), "{}", q.name);
            assert!(!q.columns.is_empty(), "{} lists no columns", q.name);
        }
    }

    #[test]
    fn an_unknown_query_and_a_bad_parameter_are_said_in_vietnamese() {
        use crate::i18n::Lang;
        let err = find("monthly_trnd").unwrap_err();
        let QueryError::UnknownQuery { suggestion, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(suggestion.as_deref(), Some("monthly_trend"));
        let said = err.msg().say(Lang::Vi);
        assert!(
            said.starts_with(
                "không có truy vấn có tên 'monthly_trnd' (có phải là 'monthly_trend'?); các truy vấn có tên là: "
            ),
            "{said}"
        );
        assert!(said.ends_with(" (xem baocao queries)"), "{said}");
        assert!(
            err.to_string()
                .starts_with("unknown query 'monthly_trnd' (did you mean 'monthly_trend'?); the named queries are: "),
            "{err}"
        );

        let q = parse("t.sql", "-- t: test\n--   $year INT (default 2023) the year\n--   $since DATE (default none) the day\nSELECT $year").unwrap();
        let said = |given: &[(&str, &str)]| {
            let given: Vec<(String, String)> = given
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            q.bind(&given).unwrap_err().msg().say(Lang::Vi)
        };
        assert_eq!(
            said(&[("yaer", "2024")]),
            "t không có tham số 'yaer' (có phải là 'year'?); truy vấn này chỉ nhận các tham số year, since"
        );
        assert_eq!(
            said(&[("year", "năm nay")]),
            "tham số year phải là số nguyên, không phải 'năm nay'"
        );
        assert_eq!(
            said(&[("since", "32/13/2024")]),
            "tham số since phải là ngày dạng YYYY-MM-DD (hoặc dd/mm/yyyy, today, hay none), không phải '32/13/2024'"
        );
    }

    #[test]
    fn parameters_are_checked_and_defaulted() {
        let q = parse("t.sql", "-- t: test\n--   $year INT (default 2023) the year\n--   $limit INT the limit\nSELECT $year").unwrap();
        assert_eq!(q.params.len(), 2);
        let err = q
            .bind(&[("yeer".into(), "1".into())])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "t has no parameter 'yeer' (did you mean 'year'?); it takes only year, limit"
        );
        let err = q.bind(&[]).unwrap_err().to_string();
        assert_eq!(err, "t needs --param limit=... (the limit)");
        let bound = q.bind(&[("limit".into(), "5".into())]).unwrap();
        assert_eq!(bound[0].2, ScalarValue::Int64(Some(2023)));
        assert_eq!(bound[1].2, ScalarValue::Int64(Some(5)));
        let err = q
            .bind(&[("limit".into(), "five".into())])
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "the parameter limit must be a whole number, not 'five'"
        );
    }
}
