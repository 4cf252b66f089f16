//! Who may connect: a users file of `name:verifier` lines, each verifier
//! PostgreSQL's own SCRAM-SHA-256 form (`SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>`,
//! base64; what `pg_authid.rolpassword` holds), from which no password can
//! be read back and with which no client can log in. `#` starts a comment.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::ServeError;
use crate::i18n::Msg;

/// One user's SCRAM-SHA-256 verifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verifier {
    pub iterations: u32,
    pub salt: Vec<u8>,
    /// SHA-256(HMAC(SaltedPassword, "Client Key")), 32 bytes.
    pub stored_key: Vec<u8>,
    /// HMAC(SaltedPassword, "Server Key"), 32 bytes.
    pub server_key: Vec<u8>,
}

impl Verifier {
    /// A new verifier of `password` with a random salt, 4096 iterations,
    /// the password SASLprep-ed as libpq does.
    pub fn new(password: &str) -> Verifier {
        let text = postgres_protocol::password::scram_sha_256(password.as_bytes());
        // the crate's own output always parses
        Verifier::parse(&text).unwrap_or_else(|| unreachable!("{text}"))
    }

    /// Reads `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`.
    pub fn parse(text: &str) -> Option<Verifier> {
        let rest = text.strip_prefix("SCRAM-SHA-256$")?;
        let (head, keys) = rest.split_once('$')?;
        let (iterations, salt) = head.split_once(':')?;
        let (stored, server) = keys.split_once(':')?;
        let decode = |s: &str| STANDARD.decode(s).ok();
        let v = Verifier {
            iterations: iterations.parse().ok().filter(|&i| i > 0)?,
            salt: decode(salt)?,
            stored_key: decode(stored)?,
            server_key: decode(server)?,
        };
        (v.stored_key.len() == 32 && v.server_key.len() == 32 && !v.salt.is_empty()).then_some(v)
    }
}

impl std::fmt::Display for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SCRAM-SHA-256${}:{}${}:{}",
            self.iterations,
            STANDARD.encode(&self.salt),
            STANDARD.encode(&self.stored_key),
            STANDARD.encode(&self.server_key)
        )
    }
}

/// The users file: names and verifiers, in the file's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Users {
    pub path: PathBuf,
    pub users: Vec<(String, Verifier)>,
}

/// A user name: letters, digits, `_`, `.`, `-`, `@`; 1 to 63 characters
/// (PostgreSQL's limit).
pub fn valid_name(name: &str) -> bool {
    (1..=63).contains(&name.chars().count())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'))
}

impl Users {
    /// Reads `path`; a missing file is no users. Errors: a file that cannot
    /// be read, or a line that is not `name:verifier` (with its number).
    pub fn load(path: &Path) -> Result<Users, ServeError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Users {
                    path: path.to_path_buf(),
                    users: vec![],
                });
            }
            Err(e) => {
                return Err(ServeError::Users(crate::msg!(
                    "serve-users-unreadable",
                    path = path.display().to_string(),
                    error = e.to_string()
                )));
            }
        };
        let mut users = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = line
                .split_once(':')
                .filter(|(name, _)| valid_name(name))
                .and_then(|(name, v)| Some((name.to_string(), Verifier::parse(v)?)));
            match parsed {
                Some(user) => users.push(user),
                None => {
                    return Err(ServeError::Users(crate::msg!(
                        "serve-users-bad-line",
                        path = path.display().to_string(),
                        line = i + 1
                    )));
                }
            }
        }
        Ok(Users {
            path: path.to_path_buf(),
            users,
        })
    }

    /// The verifier of `name`.
    pub fn get(&self, name: &str) -> Option<&Verifier> {
        self.users.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// Adds `name` or replaces its verifier; true when it replaced one.
    pub fn set(&mut self, name: &str, verifier: Verifier) -> bool {
        match self.users.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => {
                *v = verifier;
                true
            }
            None => {
                self.users.push((name.to_string(), verifier));
                false
            }
        }
    }

    /// Removes `name`; false when there was none.
    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.users.len();
        self.users.retain(|(n, _)| n != name);
        self.users.len() < before
    }

    /// Writes the file whole or not at all, readable by its owner only.
    pub fn save(&self) -> Result<(), ServeError> {
        let mut text = String::from(
            "# baocao serve: users who may connect (baocao users add NAME).\n\
             # PostgreSQL SCRAM-SHA-256 verifiers: no password can be read back from them.\n",
        );
        for (name, v) in &self.users {
            text.push_str(&format!("{name}:{v}\n"));
        }
        let path = self.path.clone();
        let written = crate::atomic::write_atomic(&self.path, None, |f| {
            let failed = |error| crate::atomic::WriteError {
                action: "write",
                path: path.clone(),
                error,
            };
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                f.set_permissions(std::fs::Permissions::from_mode(0o600))
                    .map_err(failed)?;
            }
            std::io::Write::write_all(f, text.as_bytes()).map_err(failed)
        });
        written
            .map_err(|e: crate::atomic::WriteError| ServeError::Users(Msg::verbatim(e.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verifier_reads_back_as_written_and_holds_no_password() {
        let v = Verifier::new("mật khẩu 2023");
        let text = v.to_string();
        assert!(text.starts_with("SCRAM-SHA-256$4096:"), "{text}");
        assert!(!text.contains("mật"));
        assert_eq!(Verifier::parse(&text), Some(v.clone()));
        // a second verifier of the same password has its own salt
        assert_ne!(Verifier::new("mật khẩu 2023").salt, v.salt);
    }

    #[test]
    fn malformed_verifiers_are_not_read() {
        assert!(Verifier::parse("SCRAM-SHA-256$4096:c2FsdA==$abc:def").is_none());
        assert!(Verifier::parse("SCRAM-SHA-256$0:c2FsdA==$").is_none());
        assert!(Verifier::parse("md5abcdef").is_none());
    }

    #[test]
    fn names_are_checked() {
        assert!(valid_name("phan_tich"));
        assert!(valid_name("nguyễn.văn.a"));
        assert!(!valid_name("a:b"));
        assert!(!valid_name(""));
        assert!(!valid_name("a b"));
    }
}
