//! What the data-quality checks of the contract's section 8 read from the
//! reference folder: the bounds a figure should stay within
//! (`bounds.csv`, for the outliers' `min_max` algorithm and the rules) and
//! the validation rules (`validation_rules.csv`), in DHIS2's terms: a left
//! side, an operator, a right side and what to do when a value is missing.
//! A folder without one of the files takes the bundled one.

use serde::Deserialize;

use super::bundled::bundled_text;
use super::error::ReferenceError;
use super::files::{Ctx, known_rows};
use crate::domain::UnitKind;

/// A figure a bound or an outlier check is about.
pub const FIELDS: [&str; 3] = ["reach", "quantity", "duration_min"];

/// One line of `bounds.csv`: `field` of items of `form_code` (`*`: any
/// form) sent by units of `unit_kind` (`*`: any kind) should lie in
/// `min..=max` (either may be open). For `quantity` the figure is a
/// report's quantity of that form in one month; for `reach` and
/// `duration_min` it is one item's.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub field: String,
    pub form_code: String,
    pub unit_kind: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The line of the file, to say where a bound came from.
    pub line: u64,
}

impl Bound {
    /// How closely the bound fits `form` and `kind`: 3 for both named,
    /// 2 for the form only, 1 for the kind only, 0 for neither; `None`
    /// when it does not apply.
    pub fn fits(&self, field: &str, form: &str, kind: &str) -> Option<u8> {
        let form_fits = self.form_code == "*" || self.form_code == form;
        let kind_fits = self.unit_kind == "*" || self.unit_kind == kind;
        (self.field == field && form_fits && kind_fits)
            .then(|| 2 * u8::from(self.form_code != "*") + u8::from(self.unit_kind != "*"))
    }
}

/// The operators of a rule, as DHIS2 names them.
pub const OPERATORS: [&str; 8] = [
    "equal_to",
    "not_equal_to",
    "greater_than",
    "greater_than_or_equal_to",
    "less_than",
    "less_than_or_equal_to",
    "compulsory_pair",
    "exclusive_pair",
];

/// What a rule does when a side is missing (null), as DHIS2 names it:
/// skip the check when either side is missing, when both are, or never
/// (a missing figure then counts as 0).
pub const MISSING_VALUE_STRATEGIES: [&str; 3] = [
    "SKIP_IF_ANY_VALUE_MISSING",
    "SKIP_IF_ALL_VALUES_MISSING",
    "NEVER_SKIP",
];

/// What a rule is checked on: each current item (`item`, the view
/// `rule_items`), each current report (`submission`, `rule_submissions`)
/// or each unit and year (`unit_year`, `rule_unit_years`).
pub const SCOPES: [&str; 3] = ["item", "submission", "unit_year"];

/// The columns a rule's sides may name, per scope: the columns of the
/// views `rule_items`, `rule_submissions` and `rule_unit_years` (a test
/// keeps them equal).
pub const SCOPE_COLUMNS: [(&str, &[&str]); 3] = [
    (
        "item",
        &[
            "activity_id",
            "submission_id",
            "unit_code",
            "unit_kind",
            "year",
            "month",
            "activity_date",
            "form_code",
            "title",
            "source_row",
            "quantity",
            "reach",
            "duration_min",
            "bound_reach_min",
            "bound_reach_max",
            "bound_duration_min",
            "bound_duration_max",
        ],
    ),
    (
        "submission",
        &[
            "submission_id",
            "unit_code",
            "unit_kind",
            "period_kind",
            "period",
            "year",
            "received_at",
            "rows_read",
            "rows_accepted",
            "rows_rejected",
            "items",
            "quantity",
            "reach",
            "duration_min",
            "activity_id",
            "source_row",
            "title",
        ],
    ),
    (
        "unit_year",
        &[
            "unit_code",
            "unit_kind",
            "year",
            "submission_id",
            "annual_quantity",
            "monthly_quantity",
            "monthly_reports",
            "activity_id",
            "source_row",
            "title",
        ],
    ),
];

/// The first name in `expression` that is neither a column of `scope`,
/// a function (a name before `(`) nor an SQL keyword; `Err` with the
/// parser's words when it is not SQL at all.
fn unknown_name(expression: &str, scope: &str) -> Result<Option<String>, String> {
    use datafusion::sql::sqlparser::dialect::GenericDialect;
    use datafusion::sql::sqlparser::keywords::Keyword;
    use datafusion::sql::sqlparser::tokenizer::{Token, Tokenizer};
    let columns = scope_columns(scope);
    let tokens = Tokenizer::new(&GenericDialect {}, expression)
        .tokenize()
        .map_err(|e| e.to_string())?;
    let meaningful: Vec<&Token> = tokens
        .iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .collect();
    for (i, token) in meaningful.iter().enumerate() {
        let Token::Word(word) = token else {
            continue;
        };
        let name = word.value.to_lowercase();
        let call = matches!(meaningful.get(i + 1), Some(Token::LParen));
        let keyword = word.keyword != Keyword::NoKeyword && word.quote_style.is_none();
        if !call && !keyword && !columns.contains(&name.as_str()) {
            return Ok(Some(word.value.clone()));
        }
    }
    Ok(None)
}

/// The columns of `scope` (none for a scope there is not).
fn scope_columns(scope: &str) -> &'static [&'static str] {
    SCOPE_COLUMNS
        .iter()
        .find(|(s, _)| *s == scope)
        .map(|(_, c)| *c)
        .unwrap_or_default()
}

/// One line of `validation_rules.csv`. `left` and `right` are SQL
/// expressions over the columns of the scope's view; the rule holds when
/// `left operator right` is true. A pair operator holds when both sides
/// are present (`compulsory_pair`) or not both (`exclusive_pair`).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub code: String,
    pub scope: String,
    pub description_vi: String,
    pub description_en: String,
    pub left: String,
    pub operator: String,
    pub right: String,
    pub missing_value_strategy: String,
}

/// The columns of `validation_rules.csv`, in order (also those of the SQL
/// table `validation_rules`).
pub const RULE_COLUMNS: [&str; 8] = [
    "rule_code",
    "scope",
    "description_vi",
    "description_en",
    "left",
    "operator",
    "right",
    "missing_value_strategy",
];

/// The bounds and rules of one reference folder.
#[derive(Debug, Clone, Default)]
pub struct QualityChecks {
    pub bounds: Vec<Bound>,
    pub rules: Vec<Rule>,
}

#[derive(Deserialize)]
struct BoundRow {
    field: String,
    form_code: String,
    unit_kind: String,
    #[serde(default)]
    min: String,
    #[serde(default)]
    max: String,
}

#[derive(Deserialize)]
struct RuleRow {
    rule_code: String,
    scope: String,
    description_vi: String,
    description_en: String,
    left: String,
    operator: String,
    right: String,
    missing_value_strategy: String,
}

impl QualityChecks {
    /// The bundled `bounds.csv` and `validation_rules.csv`.
    ///
    /// # Errors
    /// A bundled file is invalid (a build that should not have passed).
    pub fn bundled() -> Result<QualityChecks, ReferenceError> {
        QualityChecks::read("data/reference", &|f: &str| {
            Ok(bundled_text(f).map(str::to_owned))
        })
    }

    /// Reads both files of `dir` through `read`; a file `read` does not
    /// find is taken from the bundled folder.
    ///
    /// # Errors
    /// A line that is not valid, naming the file, line and field.
    pub(super) fn read(
        dir: &str,
        read: &dyn Fn(&str) -> Result<Option<String>, ReferenceError>,
    ) -> Result<QualityChecks, ReferenceError> {
        let or_bundled = |file: &str| match read(file)? {
            Some(text) => Ok(Some(text)),
            None => Ok(bundled_text(file).map(str::to_owned)),
        };
        Ok(QualityChecks {
            bounds: bounds(&Ctx::new(dir, "bounds.csv"), &or_bundled)?,
            rules: rules(&Ctx::new(dir, "validation_rules.csv"), &or_bundled)?,
        })
    }

    /// The bound of `field` for items of `form` from units of `kind`: the
    /// one that names most of them (form and kind, the form, the kind,
    /// neither).
    pub fn bound(&self, field: &str, form: &str, kind: &str) -> Option<&Bound> {
        self.bounds
            .iter()
            .filter_map(|b| b.fits(field, form, kind).map(|fit| (fit, b)))
            .max_by_key(|(fit, _)| *fit)
            .map(|(_, b)| b)
    }
}

fn one_of(
    ctx: &Ctx,
    line: u64,
    field: &str,
    value: &str,
    allowed: &[&str],
) -> Result<String, ReferenceError> {
    if allowed.contains(&value) {
        return Ok(value.to_string());
    }
    Err(ctx.err(
        line,
        field,
        crate::msg!(
            "reference-not-one-of",
            value = value,
            codes = allowed.join(", ")
        ),
    ))
}

fn bounds(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
) -> Result<Vec<Bound>, ReferenceError> {
    let known = ["field", "form_code", "unit_kind", "min", "max"];
    let mut out: Vec<Bound> = Vec::new();
    for (line, row) in known_rows::<BoundRow>(ctx, read, &known)? {
        let field = one_of(ctx, line, "field", &row.field, &FIELDS)?;
        let form_code = match row.form_code.as_str() {
            "*" => "*".to_string(),
            code => ctx.code(line, "form_code", code)?,
        };
        let unit_kind = match row.unit_kind.as_str() {
            "*" => "*".to_string(),
            kind => {
                let kinds: Vec<&str> = UnitKind::ALL.iter().map(|k| k.as_str()).collect();
                one_of(ctx, line, "unit_kind", kind, &kinds)?
            }
        };
        let number = |name: &str, s: &str| -> Result<Option<f64>, ReferenceError> {
            if s.is_empty() {
                return Ok(None);
            }
            // `5.000` or `5,000`: five thousand as people write it, which a
            // number reader would take for five
            let (head, groups) = s.split_once(['.', ',']).unwrap_or((s, ""));
            let grouped = !groups.is_empty()
                && (1..=3).contains(&head.len())
                && head.bytes().all(|b| b.is_ascii_digit())
                && groups
                    .split(['.', ','])
                    .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
            if grouped {
                let whole: String = s.chars().filter(char::is_ascii_digit).collect();
                return Err(ctx.err(
                    line,
                    name,
                    crate::msg!("reference-bound-grouped", value = s, whole = whole),
                ));
            }
            s.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n >= 0.0)
                .map(Some)
                .ok_or_else(|| {
                    ctx.err(
                        line,
                        name,
                        crate::msg!("reference-bound-not-number", value = s),
                    )
                })
        };
        let (min, max) = (number("min", &row.min)?, number("max", &row.max)?);
        match (min, max) {
            (None, None) => return Err(ctx.err(line, "max", crate::msg!("reference-bound-open"))),
            (Some(lo), Some(hi)) if lo > hi => {
                return Err(ctx.err(
                    line,
                    "min",
                    crate::msg!("reference-bound-reversed", min = lo, max = hi),
                ));
            }
            _ => {}
        }
        if let Some(twice) = out
            .iter()
            .find(|b| b.field == field && b.form_code == form_code && b.unit_kind == unit_kind)
        {
            return Err(ctx.err(
                line,
                "field",
                crate::msg!("reference-bound-twice", line = twice.line),
            ));
        }
        out.push(Bound {
            field,
            form_code,
            unit_kind,
            min,
            max,
            line,
        });
    }
    Ok(out)
}

fn rules(
    ctx: &Ctx,
    read: &impl Fn(&str) -> Result<Option<String>, ReferenceError>,
) -> Result<Vec<Rule>, ReferenceError> {
    let mut out: Vec<Rule> = Vec::new();
    for (line, row) in known_rows::<RuleRow>(ctx, read, &RULE_COLUMNS)? {
        let code = ctx.code(line, "rule_code", &row.rule_code)?;
        if out.iter().any(|r| r.code == code) {
            return Err(ctx.err(
                line,
                "rule_code",
                crate::msg!("reference-rule-twice", code = code),
            ));
        }
        let scope = one_of(ctx, line, "scope", &row.scope, &SCOPES)?;
        let expression = |name: &str, s: &str| -> Result<String, ReferenceError> {
            let s = ctx.nonempty(line, name, s)?;
            if s.contains(';') || s.contains("--") {
                return Err(ctx.err(
                    line,
                    name,
                    crate::msg!("reference-rule-expression", value = s),
                ));
            }
            let message = match unknown_name(&s, &scope) {
                Ok(None) => return Ok(s),
                Ok(Some(unknown)) => crate::msg!(
                    "reference-rule-unknown-column",
                    name = unknown,
                    scope = scope.clone(),
                    columns = scope_columns(&scope).join(", ")
                ),
                Err(why) => crate::msg!("reference-rule-not-sql", value = s.clone(), error = why),
            };
            Err(ctx.err(line, name, message))
        };
        out.push(Rule {
            scope: scope.clone(),
            description_vi: ctx.nonempty(line, "description_vi", &row.description_vi)?,
            description_en: ctx.nonempty(line, "description_en", &row.description_en)?,
            left: expression("left", &row.left)?,
            operator: one_of(ctx, line, "operator", &row.operator, &OPERATORS)?,
            right: expression("right", &row.right)?,
            missing_value_strategy: one_of(
                ctx,
                line,
                "missing_value_strategy",
                &row.missing_value_strategy,
                &MISSING_VALUE_STRATEGIES,
            )?,
            code,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checks(bounds: &str, rules: &str) -> Result<QualityChecks, ReferenceError> {
        let (bounds, rules) = (bounds.to_string(), rules.to_string());
        QualityChecks::read("ref", &move |f: &str| {
            Ok(Some(if f == "bounds.csv" {
                bounds.clone()
            } else {
                rules.clone()
            }))
        })
    }

    const RULES_HEADER: &str = "rule_code,scope,description_vi,description_en,left,operator,right,missing_value_strategy\n";

    #[test]
    fn the_bundled_checks_load() {
        let q = QualityChecks::bundled().unwrap();
        assert!(
            q.bounds
                .iter()
                .any(|b| b.field == "reach" && b.form_code == "meeting")
        );
        assert!(q.rules.len() >= 3);
    }

    #[test]
    fn the_bound_that_names_most_wins() {
        let q = checks(
            "field,form_code,unit_kind,min,max\nreach,meeting,*,1,5000\nreach,meeting,commune,,800\nreach,*,*,,100000\n",
            RULES_HEADER,
        )
        .unwrap();
        assert_eq!(
            q.bound("reach", "meeting", "commune").unwrap().max,
            Some(800.0)
        );
        assert_eq!(
            q.bound("reach", "meeting", "district").unwrap().max,
            Some(5000.0)
        );
        assert_eq!(
            q.bound("reach", "news", "press").unwrap().max,
            Some(100000.0)
        );
        assert!(q.bound("duration_min", "news", "press").is_none());
    }

    #[test]
    fn a_bad_line_is_named() {
        let header = "field,form_code,unit_kind,min,max\n";
        for (body, field) in [
            ("reech,meeting,*,1,5\n", "field"),
            ("reach,meeting,village,1,5\n", "unit_kind"),
            ("reach,meeting,*,9,5\n", "min"),
            ("reach,meeting,*,,\n", "max"),
            ("reach,meeting,*,một,5\n", "min"),
            ("reach,meeting,*,1,5.000\n", "max"),
            ("reach,meeting,*,1,\"5,000\"\n", "max"),
            ("reach,meeting,*,1,5\nreach,meeting,*,2,6\n", "field"),
        ] {
            let e = checks(&format!("{header}{body}"), RULES_HEADER).unwrap_err();
            let ReferenceError::Invalid { field: f, file, .. } = &e else {
                panic!("{e:?}")
            };
            assert_eq!(
                (f.as_str(), file.as_str()),
                (field, "ref/bounds.csv"),
                "{body}"
            );
        }
        let rule = |op: &str, missing: &str| {
            format!("{RULES_HEADER}r1,item,Mô tả,Description,reach,{op},1,{missing}\n")
        };
        let e = checks(header, &rule("at_most", "NEVER_SKIP")).unwrap_err();
        assert!(matches!(e, ReferenceError::Invalid { ref field, .. } if field == "operator"));
        let e = checks(header, &rule("less_than", "SKIP")).unwrap_err();
        assert!(
            matches!(e, ReferenceError::Invalid { ref field, .. } if field == "missing_value_strategy")
        );
        assert!(checks(header, &rule("less_than", "NEVER_SKIP")).is_ok());
        // a column the scope does not have is named, with the ones it has
        let typo = format!(
            "{RULES_HEADER}r2,item,Mô tả,Description,\"CASE WHEN form_code = 'meeting' THEN reach END\",less_than_or_equal_to,reach_maxx,NEVER_SKIP\n"
        );
        let e = checks(header, &typo).unwrap_err();
        let ReferenceError::Invalid {
            field,
            line,
            message,
            ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!((field.as_str(), *line), ("right", 2));
        let said = message.say(crate::i18n::Lang::En);
        assert!(
            said.contains("'reach_maxx'") && said.contains("bound_reach_max"),
            "{said}"
        );
        // functions, keywords and literals are not columns
        let fine = format!(
            "{RULES_HEADER}r3,unit_year,Mô tả,Description,\"COALESCE(annual_quantity, 0) * 2\",greater_than,\"CAST(monthly_quantity AS DOUBLE)\",NEVER_SKIP\n"
        );
        assert!(checks(header, &fine).is_ok());
    }
}
