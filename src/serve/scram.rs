//! SCRAM-SHA-256 (RFC 5802, RFC 7677) on the server's side, from a stored
//! verifier: the client proves it knows the password without sending it,
//! and the server proves it holds the verifier. No channel binding
//! (`SCRAM-SHA-256-PLUS` is not offered); a client asking for it is
//! refused.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::{digest, hmac};

use super::users::Verifier;

/// Why an exchange failed: a message that does not follow RFC 5802, or a
/// proof that does not match (a wrong password or an unknown user).
#[derive(Debug, PartialEq, Eq)]
pub enum ScramError {
    Malformed(&'static str),
    WrongProof,
}

/// The server's state between its first message and the client's last.
#[derive(Debug)]
pub struct Exchange {
    verifier: Verifier,
    /// `n,,` or `y,,`: what the client's `c=` must repeat, base64-encoded.
    gs2_header: String,
    client_first_bare: String,
    server_first: String,
    nonce: String,
}

/// The value of attribute `key` (`r=...`) among `message`'s comma-separated
/// attributes.
fn attribute(message: &str, key: char) -> Option<&str> {
    message.split(',').find_map(|part| {
        let mut chars = part.chars();
        (chars.next() == Some(key) && chars.next() == Some('=')).then(|| &part[2..])
    })
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Vec<u8> {
    hmac::sign(&hmac::Key::new(hmac::HMAC_SHA256, key), data)
        .as_ref()
        .to_vec()
}

/// Reads the client's first message (`n,,n=user,r=nonce`) and answers with
/// the server's (`r=nonce+server nonce,s=salt,i=iterations`), for the
/// user whose `verifier` is given (a made-up one for an unknown user, so
/// the two cannot be told apart). `server_nonce` is fresh randomness.
pub fn client_first(
    message: &[u8],
    verifier: Verifier,
    server_nonce: &str,
) -> Result<(String, Exchange), ScramError> {
    let text = std::str::from_utf8(message).map_err(|_| ScramError::Malformed("utf-8"))?;
    let mut parts = text.splitn(3, ',');
    let flag = parts.next().ok_or(ScramError::Malformed("flag"))?;
    let authzid = parts.next().ok_or(ScramError::Malformed("authzid"))?;
    let bare = parts.next().ok_or(ScramError::Malformed("bare"))?;
    // "p=..." asks for channel binding, which is not offered
    if !matches!(flag, "n" | "y") {
        return Err(ScramError::Malformed("channel binding"));
    }
    let client_nonce = attribute(bare, 'r')
        .filter(|n| !n.is_empty())
        .ok_or(ScramError::Malformed("nonce"))?;
    let nonce = format!("{client_nonce}{server_nonce}");
    let server_first = format!(
        "r={nonce},s={},i={}",
        STANDARD.encode(&verifier.salt),
        verifier.iterations
    );
    Ok((
        server_first.clone(),
        Exchange {
            verifier,
            gs2_header: STANDARD.encode(format!("{flag},{authzid},")),
            client_first_bare: bare.to_string(),
            server_first,
            nonce,
        },
    ))
}

impl Exchange {
    /// Checks the client's last message (`c=biws,r=nonce,p=proof`) and
    /// returns the server's (`v=signature`). The proof is checked as
    /// PostgreSQL does: ClientKey = proof XOR HMAC(StoredKey, AuthMessage),
    /// and SHA-256(ClientKey) must be StoredKey.
    pub fn client_final(&self, message: &[u8]) -> Result<String, ScramError> {
        let text = std::str::from_utf8(message).map_err(|_| ScramError::Malformed("utf-8"))?;
        let (without_proof, proof) = text
            .rsplit_once(",p=")
            .ok_or(ScramError::Malformed("proof"))?;
        if attribute(without_proof, 'c') != Some(self.gs2_header.as_str()) {
            return Err(ScramError::Malformed("channel binding"));
        }
        if attribute(without_proof, 'r') != Some(self.nonce.as_str()) {
            return Err(ScramError::Malformed("nonce"));
        }
        let proof = STANDARD
            .decode(proof)
            .map_err(|_| ScramError::Malformed("proof"))?;
        let auth_message = format!(
            "{},{},{}",
            self.client_first_bare, self.server_first, without_proof
        );
        let signature = hmac_sha256(&self.verifier.stored_key, auth_message.as_bytes());
        if proof.len() != signature.len() {
            return Err(ScramError::WrongProof);
        }
        let client_key: Vec<u8> = proof.iter().zip(&signature).map(|(a, b)| a ^ b).collect();
        let stored = digest::digest(&digest::SHA256, &client_key);
        // equal in constant time: an HMAC of both under one key
        let key = hmac::Key::new(hmac::HMAC_SHA256, self.nonce.as_bytes());
        let tag = hmac::sign(&key, stored.as_ref());
        if hmac::verify(&key, &self.verifier.stored_key, tag.as_ref()).is_err() {
            return Err(ScramError::WrongProof);
        }
        let server_signature = hmac_sha256(&self.verifier.server_key, auth_message.as_bytes());
        Ok(format!("v={}", STANDARD.encode(server_signature)))
    }
}

/// A verifier for a user who does not exist: derived from the server's
/// secret and the name, so the same name always gets the same salt (as a
/// real user would) and no proof matches it.
pub fn made_up(secret: &[u8], name: &str) -> Verifier {
    let salt = hmac_sha256(secret, format!("salt:{name}").as_bytes());
    Verifier {
        iterations: 4096,
        salt: salt[..16].to_vec(),
        stored_key: hmac_sha256(secret, format!("stored:{name}").as_bytes()),
        server_key: hmac_sha256(secret, format!("server:{name}").as_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postgres_protocol::authentication::sasl::{ChannelBinding, ScramSha256};

    /// rust-postgres' client against our server, message by message.
    fn exchange(stored_for: &str, typed: &str) -> Result<(), String> {
        let verifier = Verifier::new(stored_for);
        let mut client = ScramSha256::new(typed.as_bytes(), ChannelBinding::unsupported());
        let (server_first, state) = client_first(client.message(), verifier, "c2VydmVyLW5vbmNl")
            .map_err(|e| format!("{e:?}"))?;
        client
            .update(server_first.as_bytes())
            .map_err(|e| e.to_string())?;
        let server_final = state
            .client_final(client.message())
            .map_err(|e| format!("{e:?}"))?;
        // the client checks the server's signature
        client
            .finish(server_final.as_bytes())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn the_right_password_is_accepted_and_the_server_proves_itself() {
        assert_eq!(exchange("Mật-khẩu 2023", "Mật-khẩu 2023"), Ok(()));
        // NFD typed, NFC stored: SASLprep makes them one
        assert_eq!(exchange("mật", "ma\u{323}\u{302}t"), Ok(()));
    }

    #[test]
    fn a_wrong_password_and_an_unknown_user_fail_alike() {
        assert_eq!(exchange("đúng", "sai"), Err("WrongProof".to_string()));
        let mut client = ScramSha256::new(b"anything", ChannelBinding::unsupported());
        let (server_first, state) =
            client_first(client.message(), made_up(b"secret", "nobody"), "bm9uY2U=").unwrap();
        client.update(server_first.as_bytes()).unwrap();
        assert_eq!(
            state.client_final(client.message()),
            Err(ScramError::WrongProof)
        );
        // the same name gets the same salt each time, as a real user would
        assert_eq!(made_up(b"secret", "nobody"), made_up(b"secret", "nobody"));
        assert_ne!(
            made_up(b"secret", "nobody").salt,
            made_up(b"secret", "other").salt
        );
    }

    #[test]
    fn channel_binding_and_bad_messages_are_refused() {
        let v = Verifier::new("x");
        assert!(client_first(b"p=tls-server-end-point,,n=,r=abc", v.clone(), "s").is_err());
        assert!(client_first(b"n,,n=,r=", v.clone(), "s").is_err());
        let (_, state) = client_first(b"n,,n=,r=abc", v, "def").unwrap();
        // a nonce that is not the one agreed
        assert!(matches!(
            state.client_final(b"c=biws,r=abcxyz,p=AAAA"),
            Err(ScramError::Malformed("nonce"))
        ));
    }
}
