//! Reviewer sign-in: argon2id password hashes, database-backed sessions in an HttpOnly,
//! SameSite=Strict cookie, and a CSRF token per session that every form sends back.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use offside_ledger::ConsoleSession;

use crate::auth::{hash_key, random_hex};
use crate::error::ApiError;
use crate::state::AppState;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "offside_session";
/// The cookie that carries the sign-in form's CSRF token (there is no session yet).
pub const LOGIN_CSRF_COOKIE: &str = "offside_login_csrf";
/// How long a session lasts: one working day.
const SESSION_HOURS: i64 = 12;

/// A reviewer's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Works the queue, reads accounts, runs the simulator.
    Reviewer,
    /// Also manages reviewer accounts.
    Admin,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
        }
    }

    /// Reads a stored or typed name.
    pub fn parse(name: &str) -> Option<Role> {
        match name {
            "reviewer" => Some(Role::Reviewer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// A signed-in reviewer.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The reviewer's name, written into every verdict.
    pub name: String,
    /// What they may do.
    pub role: Role,
    /// The token their forms must carry.
    pub csrf: String,
    /// The hash of their session token (to sign out).
    token_hash: String,
}

/// The argon2id PHC string of a password, with a fresh random salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt)
        .map_err(|error| anyhow::anyhow!("the system random generator failed: {error}"))?;
    let salt = SaltString::encode_b64(&salt)
        .map_err(|error| anyhow::anyhow!("cannot encode a salt: {error}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|error| anyhow::anyhow!("cannot hash the password: {error}"))?
        .to_string())
}

fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A PHC string to verify against when the name is unknown, so that a wrong name takes as
/// long as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password").unwrap_or_default())
}

/// The value of cookie `name` in the request, if any.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// A `Set-Cookie` value for the console's cookies.
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Equal without an early exit, for tokens.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A fresh token for the sign-in form.
pub fn new_token() -> Result<String, ApiError> {
    random_hex(24).map_err(ApiError::internal)
}

/// Checks a name and password; on success starts a session and returns its cookie value.
pub async fn sign_in(
    state: &AppState,
    name: &str,
    password: &str,
) -> Result<Option<String>, ApiError> {
    let reviewer = state.ledger.reviewer(name).await?;
    let stored = reviewer
        .as_ref()
        .map_or(decoy_hash(), |reviewer| reviewer.password_hash.as_str())
        .to_string();
    let password = password.to_string();
    let matches = tokio::task::spawn_blocking(move || password_matches(&password, &stored))
        .await
        .map_err(ApiError::internal)?;
    let Some(reviewer) = reviewer.filter(|_| matches) else {
        return Ok(None);
    };
    let token = random_hex(32).map_err(ApiError::internal)?;
    let now = Utc::now();
    state
        .ledger
        .create_session(ConsoleSession {
            token_hash: hash_key(&token),
            reviewer: reviewer.name,
            csrf_token: new_token()?,
            created_at: now,
            expires_at: now + Duration::hours(SESSION_HOURS),
        })
        .await?;
    Ok(Some(token))
}

/// The cookie's max age, matching the session's lifetime.
pub fn session_max_age() -> i64 {
    SESSION_HOURS * 3600
}

/// The signed-in reviewer, or a redirect to the sign-in page.
pub async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<SignedIn, Response> {
    let to_login = || Redirect::to("/console/login").into_response();
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Err(to_login());
    };
    let token_hash = hash_key(token);
    let session = match state.ledger.session(&token_hash, Utc::now()).await {
        Ok(Some(session)) => session,
        Ok(None) => return Err(to_login()),
        Err(error) => return Err(ApiError::from(error).into_response()),
    };
    let role = match state.ledger.reviewer(&session.reviewer).await {
        Ok(Some(reviewer)) => Role::parse(&reviewer.role).unwrap_or(Role::Reviewer),
        Ok(None) => return Err(to_login()),
        Err(error) => return Err(ApiError::from(error).into_response()),
    };
    Ok(SignedIn {
        name: session.reviewer,
        role,
        csrf: session.csrf_token,
        token_hash,
    })
}

/// Ends the session.
pub async fn sign_out(state: &AppState, who: &SignedIn) -> Result<(), ApiError> {
    state.ledger.delete_session(&who.token_hash).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(password_matches("correct horse", &hash));
        assert!(!password_matches("correct horse ", &hash));
        assert!(!password_matches("correct horse", "not a phc string"));
        assert_ne!(hash, hash_password("correct horse").unwrap(), "salted");
    }

    #[test]
    fn cookies_are_found_by_exact_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; offside_session_x=2; offside_session=3"),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE), Some("3"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn tokens_compare_exactly() {
        assert!(same_token("abc", "abc"));
        assert!(!same_token("abc", "abd"));
        assert!(!same_token("abc", "abcd"));
        assert!(!same_token("", "a"));
    }
}
