//! A connection's start-up: TLS required when the server has a certificate,
//! then SCRAM-SHA-256 against the users file, and nothing else (no clear
//! text, no MD5, no trust). An unknown user goes through the same exchange
//! with a made-up verifier, and a failure of either kind is answered with
//! the same sentence after the same pause.

use std::fmt::Debug;
use std::sync::Arc;

use async_trait::async_trait;
use base64::Engine;
use futures::{Sink, SinkExt};
use pgwire::api::auth::{
    DefaultServerParameterProvider, StartupHandler, finish_authentication, protocol_negotiation,
    save_startup_parameters_to_metadata,
};
use pgwire::api::{ClientInfo, PgWireConnectionState, PidSecretKeyGenerator};
use pgwire::error::{ErrorInfo, PgWireError, PgWireResult};
use pgwire::messages::startup::Authentication;
use pgwire::messages::{PgWireBackendMessage, PgWireFrontendMessage};
use tokio::sync::Mutex;

use super::Shared;
use super::handler::{LANGUAGE_KEY, language};
use super::scram::{Exchange, client_first, made_up};

/// How long a failed log-in waits before its answer, whatever the reason.
pub const FAILED_LOGIN_PAUSE: std::time::Duration = std::time::Duration::from_millis(500);

enum State {
    Started,
    /// The server's first message is sent; `known` says whether the user
    /// exists (the exchange is the same either way).
    Exchanging {
        exchange: Box<Exchange>,
        known: bool,
    },
}

/// One connection's start-up handler.
pub struct Startup {
    shared: Arc<Shared>,
    /// False when the server already serves its most connections.
    admitted: bool,
    /// Registered at log-in, for cancel requests.
    cancel: Arc<super::handler::Cancel>,
    state: Mutex<State>,
}

fn fatal(code: &str, message: String) -> PgWireError {
    PgWireError::UserError(Box::new(ErrorInfo::new(
        "FATAL".into(),
        code.into(),
        message,
    )))
}

impl Startup {
    pub(super) fn new(
        shared: Arc<Shared>,
        admitted: bool,
        cancel: Arc<super::handler::Cancel>,
    ) -> Startup {
        Startup {
            shared,
            admitted,
            cancel,
            state: Mutex::new(State::Started),
        }
    }

    /// The answer to a failed log-in: PostgreSQL's code 28P01 and one
    /// sentence for a wrong password and an unknown user alike.
    async fn refuse(
        &self,
        client: &(impl ClientInfo + ?Sized),
        user: &str,
        why: &str,
    ) -> PgWireError {
        tokio::time::sleep(FAILED_LOGIN_PAUSE).await;
        tracing::warn!(
            user = %user,
            addr = %client.socket_addr(),
            reason = why,
            "log-in refused"
        );
        let lang = language(client, self.shared.lang);
        fatal(
            "28P01",
            crate::msg!("serve-login-failed", user = user.to_string()).say(lang),
        )
    }
}

/// The parameters the server reports at start-up: a read-only server that
/// speaks UTF-8.
fn parameters() -> DefaultServerParameterProvider {
    let mut p = DefaultServerParameterProvider::default();
    p.default_transaction_read_only = true;
    p.server_encoding = "UTF8".into();
    p.client_encoding = Some("UTF8".into());
    p
}

#[async_trait]
impl StartupHandler for Startup {
    async fn on_startup<C>(
        &self,
        client: &mut C,
        message: PgWireFrontendMessage,
    ) -> PgWireResult<()>
    where
        C: ClientInfo + Sink<PgWireBackendMessage> + Unpin + Send + Sync,
        C::Error: Debug,
        PgWireError: From<<C as Sink<PgWireBackendMessage>>::Error>,
    {
        match message {
            PgWireFrontendMessage::Startup(ref startup) => {
                protocol_negotiation(client, startup).await?;
                save_startup_parameters_to_metadata(client, startup);
                // `PGOPTIONS='-c lc_messages=en'` (or `--lc_messages=en`)
                // chooses the language
                let asked = client.metadata().get("options").and_then(|options| {
                    options
                        .split_whitespace()
                        .find_map(|o| o.trim_start_matches('-').strip_prefix("lc_messages="))
                        .map(str::to_string)
                });
                if let Some(value) = asked {
                    client.metadata_mut().insert(LANGUAGE_KEY.into(), value);
                }
                let lang = language(client, self.shared.lang);
                if self.shared.tls_required && !client.is_secure() {
                    return Err(fatal("28000", crate::msg!("serve-tls-required").say(lang)));
                }
                if !self.admitted {
                    return Err(fatal(
                        "53300",
                        crate::msg!("serve-too-many", limit = self.shared.limits.max_connections)
                            .say(lang),
                    ));
                }
                client.set_state(PgWireConnectionState::AuthenticationInProgress);
                client
                    .send(PgWireBackendMessage::Authentication(Authentication::SASL(
                        vec!["SCRAM-SHA-256".to_string()],
                    )))
                    .await?;
            }
            PgWireFrontendMessage::PasswordMessageFamily(msg) => {
                let user = client.metadata().get("user").cloned().unwrap_or_default();
                let mut state = self.state.lock().await;
                match &*state {
                    State::Started => {
                        let first = msg.into_sasl_initial_response()?;
                        if first.auth_method != "SCRAM-SHA-256" {
                            return Err(self.refuse(&*client, &user, "mechanism").await);
                        }
                        let data = first.data.unwrap_or_default();
                        let (verifier, known) = match self.shared.users.get(&user) {
                            Some(v) => (v.clone(), true),
                            None => (made_up(&self.shared.secret, &user), false),
                        };
                        let nonce = base64::engine::general_purpose::STANDARD
                            .encode(rand::random::<[u8; 18]>());
                        let Ok((server_first, exchange)) = client_first(&data, verifier, &nonce)
                        else {
                            return Err(self.refuse(&*client, &user, "malformed").await);
                        };
                        client
                            .send(PgWireBackendMessage::Authentication(
                                Authentication::SASLContinue(server_first.into_bytes().into()),
                            ))
                            .await?;
                        *state = State::Exchanging {
                            exchange: Box::new(exchange),
                            known,
                        };
                    }
                    State::Exchanging { exchange, known } => {
                        let last = msg.into_sasl_response()?;
                        let verified = exchange.client_final(&last.data);
                        match (verified, *known) {
                            (Ok(server_final), true) => {
                                client
                                    .send(PgWireBackendMessage::Authentication(
                                        Authentication::SASLFinal(server_final.into_bytes().into()),
                                    ))
                                    .await?;
                                let (pid, key) = self.shared.keys.generate(&*client);
                                client.set_pid_and_secret_key(pid, key.clone());
                                let _ = self.cancel.set(self.shared.cancels.register(pid, key));
                                tracing::info!(
                                    user = %user,
                                    addr = %client.socket_addr(),
                                    tls = client.is_secure(),
                                    application = %client.metadata().get("application_name").cloned().unwrap_or_default(),
                                    "connected"
                                );
                                finish_authentication(client, &parameters()).await?;
                            }
                            (_, known) => {
                                let why = if known { "password" } else { "no such user" };
                                return Err(self.refuse(&*client, &user, why).await);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}
