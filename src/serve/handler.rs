//! One connection's statements. Each statement opens the lake's latest
//! committed snapshot (a [`Session`], as `baocao sql` does for each
//! statement at its prompt), adds PostgreSQL's catalog to it
//! (datafusion-postgres' `pg_catalog`, which the clients' start-up queries
//! read), and is planned and run there by datafusion-postgres. The answer's
//! rows stream to the client while the session, and so the snapshot's
//! files, stay alive; the statement's deadline and memory limit hold for
//! the whole of it. A prepared statement is planned again, on the snapshot
//! of the moment, each time it is executed.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use async_trait::async_trait;
use datafusion::logical_expr::LogicalPlan;
use datafusion::prelude::SessionContext;
use datafusion::sql::sqlparser::ast::Statement;
use datafusion::sql::sqlparser::dialect::PostgreSqlDialect;
use datafusion::sql::sqlparser::parser::Parser as SqlParser;
use datafusion_postgres::datafusion_pg_catalog::pg_catalog::setup_pg_catalog;
use datafusion_postgres::datafusion_pg_catalog::sql::PostgresCompatibilityParser;
use datafusion_postgres::{DfSessionService, Parser};
use futures::{FutureExt, Sink, StreamExt};
use pgwire::api::portal::{Format, Portal};
use pgwire::api::query::{ExtendedQueryHandler, SimpleQueryHandler};
use pgwire::api::results::{FieldInfo, QueryResponse, Response, Tag};
use pgwire::api::stmt::{QueryParser, StoredStatement};
use pgwire::api::store::PortalStore;
use pgwire::api::{ClientInfo, ClientPortalStore, ErrorHandler, Type};
use pgwire::error::{ErrorInfo, PgWireError, PgWireResult};
use pgwire::messages::PgWireBackendMessage;

use super::Shared;
use super::statements::{Decision, decide};
use crate::i18n::Lang;
use crate::query::{Session, SessionOptions};

/// The statement type datafusion-postgres' hooks expect in the portal
/// store: the SQL and, once planned, its statement and plan.
pub type DfStatement = (String, Option<(Statement, LogicalPlan)>);

/// Where a connection keeps its language (`SET lc_messages`, or the
/// `lc_messages` start-up option).
pub const LANGUAGE_KEY: &str = "lc_messages";

/// The language `client` asked for, else the server's.
pub fn language(client: &(impl ClientInfo + ?Sized), default: Lang) -> Lang {
    client
        .metadata()
        .get(LANGUAGE_KEY)
        .and_then(|v| super::statements::language_of(v))
        .unwrap_or(default)
}

/// An error the client reads: `code` is PostgreSQL's SQLSTATE.
pub fn user_error(code: &str, message: String) -> PgWireError {
    PgWireError::UserError(Box::new(ErrorInfo::new(
        "ERROR".into(),
        code.into(),
        message,
    )))
}

/// Plans statements for one connection: the extended protocol's parser.
pub struct Planner {
    pub(super) shared: Arc<Shared>,
    /// Any parser will do for describing a planned statement (it reads only
    /// the plan).
    describer: Arc<Parser>,
    sql_parser: PostgresCompatibilityParser,
}

/// A connection's handlers for the simple and extended query protocols.
pub struct Statements {
    pub(super) shared: Arc<Shared>,
    planner: Arc<Planner>,
    /// The user, for the log.
    pub(super) user: std::sync::OnceLock<String>,
    pub(super) count: AtomicU64,
    /// The snapshot each open cursor (`DECLARE c CURSOR FOR ...`) reads,
    /// kept until `CLOSE` or the end of the connection: its `FETCH`es
    /// read the files of the moment it was declared.
    cursors: std::sync::Mutex<std::collections::HashMap<String, Arc<Session>>>,
    /// Where a cancel request for this connection arrives (set at log-in).
    pub(super) cancel: Arc<Cancel>,
}

/// A connection's registration for cancel requests.
pub type Cancel = std::sync::OnceLock<(
    Arc<pgwire::api::ConnectionHandle>,
    pgwire::api::ConnectionGuard,
)>;

impl Statements {
    pub(super) fn new(shared: Arc<Shared>, cancel: Arc<Cancel>) -> Statements {
        let describer = DfSessionService::new(Arc::new(SessionContext::new())).query_parser();
        Statements {
            planner: Arc::new(Planner {
                shared: shared.clone(),
                describer,
                sql_parser: PostgresCompatibilityParser::new(),
            }),
            shared,
            user: Default::default(),
            count: AtomicU64::new(0),
            cursors: Default::default(),
            cancel,
        }
    }

    fn user_of(&self, client: &(impl ClientInfo + ?Sized)) -> String {
        self.user
            .get_or_init(|| client.metadata().get("user").cloned().unwrap_or_default())
            .clone()
    }

    fn parse(&self, sql: &str, lang: Lang) -> PgWireResult<Vec<Statement>> {
        self.planner.parse(sql, lang)
    }

    async fn open(&self) -> PgWireResult<(Arc<Session>, DfSessionService)> {
        self.planner.open().await
    }

    /// Refused statements get their sentence; `SET lc_messages` changes the
    /// connection's language. `Some` when the statement needs no plan.
    fn screen<C: ClientInfo + ?Sized>(
        &self,
        client: &mut C,
        statement: &Statement,
    ) -> Option<PgWireResult<Response>> {
        match decide(statement) {
            Decision::Run => None,
            Decision::Language(lang) => {
                client
                    .metadata_mut()
                    .insert(LANGUAGE_KEY.into(), lang.code().into());
                Some(Ok(Response::Execution(Tag::new("SET"))))
            }
            Decision::Refuse(msg) => {
                let lang = language(client, self.shared.lang);
                tracing::info!(
                    user = %self.user_of(client),
                    reason = %msg.say(self.shared.lang),
                    "refused: {}",
                    statement.to_string().chars().take(200).collect::<String>()
                );
                Some(Err(user_error("25006", msg.say(lang))))
            }
        }
    }

    /// Keeps `session` for the cursors `statement` declares; lets go of
    /// those it closes.
    fn track_cursors(&self, statement: &Statement, session: &Arc<Session>) {
        use datafusion::sql::sqlparser::ast::CloseCursor;
        let Ok(mut cursors) = self.cursors.lock() else {
            return;
        };
        match statement {
            Statement::Declare { stmts } => {
                for d in stmts {
                    for name in &d.names {
                        cursors.insert(name.value.clone(), session.clone());
                    }
                }
            }
            Statement::Close {
                cursor: CloseCursor::All,
            } => cursors.clear(),
            Statement::Close {
                cursor: CloseCursor::Specific { name },
            } => {
                cursors.remove(&name.value);
            }
            _ => {}
        }
    }

    /// What stops a statement started now: the server's time limit, or the
    /// client's `statement_timeout` if shorter, or a cancel request.
    async fn stop(&self, client: &(impl ClientInfo + ?Sized), lang: Lang) -> Stop {
        let mut limit = self.shared.limits.statement_timeout;
        if let Some(ms) = client
            .metadata()
            .get("statement_timeout_ms")
            .and_then(|s| s.parse::<u64>().ok())
        {
            limit = limit.min(std::time::Duration::from_millis(ms));
        }
        let cancel = match self.cancel.get() {
            Some((handle, _)) => Some(handle.start_query().await),
            None => None,
        };
        Stop {
            deadline: tokio::time::Instant::now() + limit,
            limit,
            cancel,
            lang,
        }
    }

    /// Wraps an answer so that its rows keep `session` (the snapshot) alive
    /// while they stream, stop at the deadline, and are counted for the log.
    fn guard(&self, response: Response, session: Arc<Session>, run: Run, stop: Stop) -> Response {
        let Response::Query(query) = response else {
            drop(run);
            return response;
        };
        let tag = query.command_tag().to_string();
        let schema = query.row_schema();
        // The engine's stream is drained on its own task: a plan that
        // computes for long without yielding (a filter over a cross join)
        // then holds that task, not the connection, and the deadline or a
        // cancel answers the client at once; the task is aborted.
        let mut rows = query.data_rows;
        let lang = run.lang;
        let (tx, rx) = futures::channel::mpsc::channel(64);
        let drain = self.shared.engine.spawn(async move {
            let mut tx = tx;
            loop {
                let next = std::panic::AssertUnwindSafe(rows.next())
                    .catch_unwind()
                    .await;
                let item = match next {
                    Ok(Some(item)) => item,
                    Ok(None) => break,
                    // an engine's panic (DataFusion under memory pressure)
                    // is the statement's error, not the connection's end
                    Err(panic) => Err(engine_fault(&*panic, lang)),
                };
                let failed = item.is_err();
                if futures::SinkExt::send(&mut tx, item).await.is_err() || failed {
                    break;
                }
            }
        });
        let state = (
            rx,
            Some(session),
            run,
            stop,
            false,
            Aborting(drain.abort_handle()),
        );
        let stream = futures::stream::unfold(
            state,
            |(mut rx, session, mut run, mut stop, done, drain)| async move {
                if done {
                    return None;
                }
                let item = tokio::select! {
                    item = rx.next() => item,
                    e = stop.wait() => Some(Err(e)),
                };
                match item {
                    Some(Ok(row)) => {
                        run.rows += 1;
                        Some((Ok(row), (rx, session, run, stop, false, drain)))
                    }
                    Some(Err(e)) => {
                        run.failed = true;
                        Some((Err(e), (rx, session, run, stop, true, drain)))
                    }
                    None => None,
                }
            },
        );
        let mut answer = QueryResponse::new(schema, stream);
        answer.set_command_tag(&tag);
        Response::Query(answer)
    }

    fn start(&self, client: &(impl ClientInfo + ?Sized), sql: &str) -> Run {
        self.count.fetch_add(1, Ordering::Relaxed);
        Run::new(
            self.shared.clone(),
            self.user_of(client),
            sql,
            language(client, self.shared.lang),
        )
    }
}

/// What stops a statement: its deadline, or the client's cancel request
/// (psql's Ctrl-C, DBeaver's "cancel").
pub(super) struct Stop {
    deadline: tokio::time::Instant,
    limit: std::time::Duration,
    cancel: Option<futures::channel::oneshot::Receiver<()>>,
    lang: Lang,
}

impl Stop {
    /// Resolves, with the error to send, when the statement must stop.
    async fn wait(&mut self) -> PgWireError {
        loop {
            match &mut self.cancel {
                Some(rx) => tokio::select! {
                    _ = tokio::time::sleep_until(self.deadline) => return self.timed_out(),
                    got = rx => {
                        self.cancel = None;
                        if got.is_ok() {
                            return user_error("57014", crate::msg!("serve-cancelled").say(self.lang));
                        }
                    }
                },
                None => {
                    tokio::time::sleep_until(self.deadline).await;
                    return self.timed_out();
                }
            }
        }
    }

    fn timed_out(&self) -> PgWireError {
        user_error(
            "57014",
            crate::msg!("serve-timeout", seconds = self.limit.as_secs()).say(self.lang),
        )
    }
}

/// A future polled inside the engine's runtime: the tasks DataFusion
/// spawns while it plans and starts a statement run there, not among the
/// connections (whose timers, cancels and other clients stay answered
/// while a statement computes).
struct Entered<F> {
    engine: tokio::runtime::Handle,
    inner: std::pin::Pin<Box<F>>,
}

impl<F: std::future::Future> std::future::Future for Entered<F> {
    type Output = F::Output;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<F::Output> {
        let _inside = self.engine.enter();
        self.inner.as_mut().poll(cx)
    }
}

impl Statements {
    /// Plans and starts a statement (`work`) inside the engine's runtime,
    /// until `stop` says to stop; a panic in it is the statement's error,
    /// and any error marks `run` failed.
    async fn bounded<T>(
        &self,
        run: &mut Run,
        stop: &mut Stop,
        work: impl std::future::Future<Output = PgWireResult<T>>,
    ) -> PgWireResult<T> {
        let lang = stop.lang;
        let entered = Entered {
            engine: self.shared.engine.clone(),
            inner: Box::pin(work),
        };
        let work = std::panic::AssertUnwindSafe(entered).catch_unwind();
        let planned = tokio::select! {
            planned = work => planned.unwrap_or_else(|p| Err(engine_fault(&*p, lang))),
            e = stop.wait() => Err(e),
        };
        run.failed |= planned.is_err();
        planned
    }
}

/// Aborts the task draining a statement's rows when the statement's
/// stream is dropped (answered, failed, or the client gone).
struct Aborting(tokio::task::AbortHandle);

impl Drop for Aborting {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The error for a statement whose engine panicked, with what it said.
fn engine_fault(panic: &(dyn std::any::Any + Send), lang: Lang) -> PgWireError {
    let said = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    user_error(
        "XX000",
        crate::msg!("serve-engine-fault", error = said).say(lang),
    )
}

/// One statement while it runs: counted among the server's running
/// statements (which a shutdown waits for), logged when it ends.
pub(super) struct Run {
    shared: Arc<Shared>,
    user: String,
    sql: String,
    started: Instant,
    rows: u64,
    failed: bool,
    lang: Lang,
}

impl Planner {
    /// A fresh session on the lake's latest snapshot, with PostgreSQL's
    /// catalog, and datafusion-postgres' service over it.
    async fn open(&self) -> PgWireResult<(Arc<Session>, DfSessionService)> {
        let options = SessionOptions {
            memory_limit: Some(self.shared.limits.memory_bytes),
            ..SessionOptions::default()
        };
        let session =
            Session::open_options(&self.shared.lake, self.shared.reference.clone(), options)
                .await
                .map_err(|e| user_error("58000", e.to_string()))?;
        let ctx = session.context().clone();
        let catalog = ctx.state().config_options().catalog.default_catalog.clone();
        // the functions and type names PostgreSQL's clients use, then the
        // server's one catalog in place of the statement's own
        setup_pg_catalog(&ctx, &catalog, self.shared.auth.clone())
            .map_err(|e| user_error("58000", e.to_string()))?;
        if let Some(c) = ctx.catalog(&catalog) {
            c.register_schema("pg_catalog", self.shared.pg_catalog.clone())
                .map_err(|e| user_error("58000", e.to_string()))?;
        }
        Ok((Arc::new(session), DfSessionService::new(Arc::new(ctx))))
    }

    /// Parses `sql` as datafusion-postgres does (rewriting what PostgreSQL
    /// clients write into what DataFusion plans).
    fn parse(&self, sql: &str, lang: Lang) -> PgWireResult<Vec<Statement>> {
        self.sql_parser.parse(sql).map_err(|e| {
            user_error(
                "42601",
                crate::msg!("query-syntax-error", error = e.to_string()).say(lang),
            )
        })
    }
}

impl Run {
    fn new(shared: Arc<Shared>, user: String, sql: &str, lang: Lang) -> Run {
        shared.running.fetch_add(1, Ordering::SeqCst);
        Run {
            shared,
            user,
            sql: sql
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(300)
                .collect(),
            started: Instant::now(),
            rows: 0,
            failed: false,
            lang,
        }
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        let ms = self.started.elapsed().as_secs_f64() * 1000.0;
        tracing::info!(
            user = %self.user,
            duration_ms = %format!("{ms:.1}"),
            rows = self.rows,
            ok = !self.failed && !std::thread::panicking(),
            "statement: {}",
            self.sql
        );
        self.shared.running.fetch_sub(1, Ordering::SeqCst);
    }
}

#[async_trait]
impl SimpleQueryHandler for Statements {
    async fn do_query<C>(&self, client: &mut C, query: &str) -> PgWireResult<Vec<Response>>
    where
        C: ClientInfo + ClientPortalStore + Sink<PgWireBackendMessage> + Unpin + Send + Sync,
        C::PortalStore: PortalStore,
        C::Error: std::fmt::Debug,
        PgWireError: From<<C as Sink<PgWireBackendMessage>>::Error>,
    {
        let statements = self.parse(query, language(client, self.shared.lang))?;
        if statements.is_empty() {
            return Ok(vec![Response::EmptyQuery]);
        }
        // each statement's own text, for the engine's parser to rewrite once
        let texts: Vec<String> = if statements.len() == 1 {
            vec![query.to_string()]
        } else {
            match SqlParser::parse_sql(&PostgreSqlDialect {}, query) {
                Ok(plain) if plain.len() == statements.len() => {
                    plain.iter().map(|s| s.to_string()).collect()
                }
                _ => statements.iter().map(|s| s.to_string()).collect(),
            }
        };
        // one snapshot for all the statements of one query, as PostgreSQL
        // runs them in one transaction
        let mut opened: Option<(Arc<Session>, DfSessionService)> = None;
        let mut answers = Vec::new();
        for (statement, sql) in statements.iter().zip(texts) {
            if let Some(answer) = self.screen(client, statement) {
                answers.push(answer?);
                continue;
            }
            let mut run = self.start(client, &sql);
            let mut stop = self.stop(client, run.lang).await;
            let work = async {
                if opened.is_none() {
                    opened = Some(self.open().await?);
                }
                let Some((session, service)) = &opened else {
                    unreachable!("opened above")
                };
                let mut answer = SimpleQueryHandler::do_query(service, client, &sql).await?;
                Ok::<_, PgWireError>((session.clone(), answer.pop()))
            };
            let (session, answer) = self.bounded(&mut run, &mut stop, work).await?;
            self.track_cursors(statement, &session);
            let answer = answer.unwrap_or(Response::EmptyQuery);
            answers.push(self.guard(answer, session, run, stop));
        }
        Ok(answers)
    }
}

#[async_trait]
impl QueryParser for Planner {
    type Statement = DfStatement;

    async fn parse_sql<C>(
        &self,
        client: &C,
        sql: &str,
        types: &[Option<Type>],
    ) -> PgWireResult<Option<DfStatement>>
    where
        C: ClientInfo + Unpin + Send + Sync,
    {
        let statements = self.parse(sql, language(client, self.shared.lang))?;
        if let Some(first) = statements.first()
            && let Decision::Refuse(msg) = decide(first)
        {
            return Err(user_error(
                "25006",
                msg.say(language(client, self.shared.lang)),
            ));
        }
        // planned on the snapshot of the moment, to describe its parameters
        // and columns; planned again, from the client's own text (the
        // parser's rewriting is done once), when executed
        let (_session, service) = self.open().await?;
        let parsed = service.query_parser().parse_sql(client, sql, types).await?;
        Ok(parsed.map(|(_, planned)| (sql.to_string(), planned)))
    }

    fn get_parameter_types(&self, statement: &DfStatement) -> PgWireResult<Vec<Type>> {
        self.describer.get_parameter_types(statement)
    }

    fn get_result_schema(
        &self,
        statement: &DfStatement,
        column_format: Option<&Format>,
    ) -> PgWireResult<Vec<FieldInfo>> {
        self.describer.get_result_schema(statement, column_format)
    }
}

#[async_trait]
impl ExtendedQueryHandler for Statements {
    type Statement = DfStatement;
    type QueryParser = Planner;

    fn query_parser(&self) -> Arc<Planner> {
        self.planner.clone()
    }

    async fn do_query<C>(
        &self,
        client: &mut C,
        portal: &Portal<DfStatement>,
        max_rows: usize,
    ) -> PgWireResult<Response>
    where
        C: ClientInfo + ClientPortalStore + Sink<PgWireBackendMessage> + Unpin + Send + Sync,
        C::PortalStore: PortalStore<Statement = DfStatement>,
        C::Error: std::fmt::Debug,
        PgWireError: From<<C as Sink<PgWireBackendMessage>>::Error>,
    {
        let sql = portal.statement.statement.0.clone();
        if let (_, Some((statement, _))) = &portal.statement.statement
            && let Some(answer) = self.screen(client, statement)
        {
            return answer;
        }
        let mut run = self.start(client, &sql);
        let mut stop = self.stop(client, run.lang).await;
        let work = async {
            let (session, service) = self.open().await?;
            // planned again on this snapshot, with the parameters as bound
            let statement = service
                .query_parser()
                .parse_sql(&*client, &sql, &portal.statement.parameter_types)
                .await?;
            let Some(statement) = statement else {
                return Ok((session, Response::EmptyQuery));
            };
            let stored = StoredStatement::new(
                portal.statement.id.clone(),
                statement,
                portal.statement.parameter_types.clone(),
            );
            let mut fresh = Portal::new_cursor(portal.name.clone(), Arc::new(stored));
            fresh.parameter_format = portal.parameter_format.clone();
            fresh.parameters = portal.parameters.clone();
            fresh.result_column_format = portal.result_column_format.clone();
            fresh.state = portal.state.clone();
            let answer = ExtendedQueryHandler::do_query(&service, client, &fresh, max_rows).await?;
            Ok::<_, PgWireError>((session, answer))
        };
        let (session, answer) = self.bounded(&mut run, &mut stop, work).await?;
        if let (_, Some((statement, _))) = &portal.statement.statement {
            self.track_cursors(statement, &session);
        }
        Ok(self.guard(answer, session, run, stop))
    }
}

/// Says the engine's errors as `baocao sql` says them, in the connection's
/// language, with PostgreSQL's SQLSTATE for their kind.
pub struct Explain {
    pub(super) lang: Lang,
}

impl ErrorHandler for Explain {
    fn on_error<C>(&self, client: &C, error: &mut PgWireError)
    where
        C: ClientInfo,
    {
        let PgWireError::ApiError(inner) = error else {
            return;
        };
        let lang = language(client, self.lang);
        let message = inner.to_string();
        let (code, text) = crate::i18n::speaking_sync(lang, || explain(&message));
        *error = user_error(code, text);
    }
}

/// The SQLSTATE and sentence for an engine's error message.
pub fn explain(message: &str) -> (&'static str, String) {
    let lower = message.to_lowercase();
    let code = if lower.contains("resources exhausted") {
        "53200"
    } else if lower.contains("sql error") || lower.contains("parsererror") {
        "42601"
    } else if lower.contains("not found") && (lower.contains("table") || lower.contains("view")) {
        "42P01"
    } else if lower.contains("schema error") || lower.contains("no field named") {
        "42703"
    } else {
        "XX000"
    };
    let said = if code == "53200" {
        crate::msg!("serve-memory-limit").to_string()
    } else {
        crate::query::explain_message(message.to_string()).to_string()
    };
    (code, said)
}
