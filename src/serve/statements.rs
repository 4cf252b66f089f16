//! What a connection may run: exactly what `baocao sql` runs (queries,
//! `EXPLAIN`), plus what PostgreSQL clients send on their own (`SET` of a
//! client setting, `SHOW`, `BEGIN`/`COMMIT`, cursors, `DISCARD`). Every
//! statement that defines, changes or copies data, or sets the engine's
//! own settings, is refused with `baocao sql`'s sentence.

use datafusion::sql::sqlparser::ast::{Expr, Set, Statement, Value};

use crate::i18n::{Lang, Msg};

/// What to do with one statement.
#[derive(Debug, PartialEq)]
pub enum Decision {
    /// Plan and run it (or let the client-setting hooks answer it).
    Run,
    /// `SET lc_messages = 'vi' | 'en'`: the connection's language.
    Language(Lang),
    /// Refused: the sentence, as `baocao sql` says it.
    Refuse(Msg),
}

fn variant(statement: &Statement) -> String {
    let debug = format!("{statement:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The language a `SET lc_messages` value names (`vi`, `vi_VN.UTF-8`, `en`,
/// `en_US`, `C`).
pub fn language_of(value: &str) -> Option<Lang> {
    let v = value.trim_matches(|c| c == '\'' || c == '"').to_lowercase();
    if v.starts_with("vi") {
        Some(Lang::Vi)
    } else if v.starts_with("en") || v == "c" || v == "posix" {
        Some(Lang::En)
    } else {
        None
    }
}

/// Decides what to do with `statement`.
pub fn decide(statement: &Statement) -> Decision {
    let refuse =
        |what: &str| Decision::Refuse(crate::msg!("query-read-only", what = crate::msg!(what)));
    let ddl = || refuse("query-statement-ddl");
    let dml = || refuse("query-statement-dml");
    let other = || refuse("query-statement-other");
    match statement {
        Statement::Query(q) => {
            // SELECT ... INTO makes a table
            if let datafusion::sql::sqlparser::ast::SetExpr::Select(s) = q.body.as_ref()
                && s.into.is_some()
            {
                return ddl();
            }
            Decision::Run
        }
        Statement::Explain { statement, .. } => match decide(statement) {
            Decision::Language(_) => other(),
            d => d,
        },
        Statement::Insert(_)
        | Statement::Update { .. }
        | Statement::Delete(_)
        | Statement::Merge { .. }
        | Statement::Copy { .. }
        | Statement::Truncate { .. } => dml(),
        Statement::Set(set) => match set {
            Set::SingleAssignment {
                variable, values, ..
            } => {
                let name = variable.to_string().to_lowercase();
                if name == "lc_messages" {
                    let value = match values.first() {
                        Some(Expr::Value(v)) => match &v.value {
                            Value::SingleQuotedString(s) | Value::DoubleQuotedString(s) => {
                                s.clone()
                            }
                            other => other.to_string(),
                        },
                        Some(e) => e.to_string(),
                        None => String::new(),
                    };
                    return match language_of(&value) {
                        Some(lang) => Decision::Language(lang),
                        None => {
                            Decision::Refuse(crate::msg!("serve-language-unknown", value = value))
                        }
                    };
                }
                // the engine's own settings are the server's, not a client's
                if name.starts_with("datafusion.") {
                    return other();
                }
                Decision::Run
            }
            _ => Decision::Run,
        },
        Statement::ShowVariable { .. }
        | Statement::ShowStatus { .. }
        | Statement::ShowCatalogs { .. }
        | Statement::ShowTables { .. }
        | Statement::ShowColumns { .. }
        | Statement::StartTransaction { .. }
        | Statement::Commit { .. }
        | Statement::Rollback { .. }
        | Statement::Savepoint { .. }
        | Statement::ReleaseSavepoint { .. }
        | Statement::Declare { .. }
        | Statement::Fetch { .. }
        | Statement::Close { .. }
        | Statement::Discard { .. }
        | Statement::Deallocate { .. } => Decision::Run,
        _ => {
            let name = variant(statement);
            if [
                "Create", "Drop", "Alter", "Grant", "Revoke", "Comment", "Rename",
            ]
            .iter()
            .any(|p| name.starts_with(p))
            {
                ddl()
            } else {
                other()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use datafusion::sql::sqlparser::dialect::PostgreSqlDialect;
    use datafusion::sql::sqlparser::parser::Parser;

    fn decided(sql: &str) -> Decision {
        let statements = Parser::parse_sql(&PostgreSqlDialect {}, sql).unwrap();
        decide(&statements[0])
    }

    /// The kind of statement the refusal names (`query-read-only`'s
    /// `what`), or the refusal's own id.
    fn refused_with(sql: &str) -> String {
        match decided(sql) {
            Decision::Refuse(m) => match m.args.get("what") {
                Some(crate::i18n::Arg::Msg(what)) => what.id.clone(),
                _ => m.id,
            },
            d => panic!("{sql}: {d:?}"),
        }
    }

    #[test]
    fn reading_runs_and_writing_is_refused_with_baocao_sql_s_sentences() {
        for sql in [
            "SELECT 1",
            "WITH a AS (SELECT 1) SELECT * FROM a",
            "EXPLAIN SELECT * FROM activities",
            "SET application_name = 'DBeaver'",
            "SET extra_float_digits = 3",
            "SHOW search_path",
            "BEGIN",
            "COMMIT",
            "DISCARD ALL",
        ] {
            assert_eq!(decided(sql), Decision::Run, "{sql}");
        }
        for (sql, id) in [
            ("CREATE TABLE t (a INT)", "query-statement-ddl"),
            ("CREATE VIEW v AS SELECT 1", "query-statement-ddl"),
            ("DROP TABLE activities", "query-statement-ddl"),
            (
                "ALTER TABLE activities ADD COLUMN x INT",
                "query-statement-ddl",
            ),
            (
                "SELECT * INTO copy_of FROM activities",
                "query-statement-ddl",
            ),
            ("INSERT INTO activities VALUES (1)", "query-statement-dml"),
            ("UPDATE activities SET quantity = 0", "query-statement-dml"),
            ("DELETE FROM activities", "query-statement-dml"),
            ("COPY activities TO '/tmp/x.csv'", "query-statement-dml"),
            ("TRUNCATE activities", "query-statement-dml"),
            (
                "EXPLAIN ANALYZE DELETE FROM activities",
                "query-statement-dml",
            ),
            (
                "SET datafusion.execution.batch_size = 1",
                "query-statement-other",
            ),
        ] {
            assert_eq!(refused_with(sql), id, "{sql}");
        }
    }

    #[test]
    fn lc_messages_chooses_the_language() {
        assert_eq!(
            decided("SET lc_messages = 'en'"),
            Decision::Language(Lang::En)
        );
        assert_eq!(
            decided("SET lc_messages TO 'vi_VN.UTF-8'"),
            Decision::Language(Lang::Vi)
        );
        assert_eq!(
            refused_with("SET lc_messages = 'fr'"),
            "serve-language-unknown"
        );
    }
}
