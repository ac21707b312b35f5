//! Reviewer sign-in: argon2id password hashes, database-backed sessions in an HttpOnly,
//! SameSite=Strict cookie (`Secure` when the request came over TLS or the service runs
//! with `--secure-cookies`), and a CSRF token per session that every form sends back.
//!
//! Sign-in is the one door open to anyone, and each attempt costs an argon2 hash (19 MiB
//! and tens of milliseconds of a core). So hashes run behind a semaphore of one permit per
//! core, at most [`MAX_WAITING_SIGN_INS`] attempts wait for one (more are answered `busy`),
//! and failures are throttled per name and per client address with growing lockouts
//! ([`crate::throttle`]): a locked attempt is refused before any hashing or database
//! query. An unknown name is verified against a decoy hash, so it takes as long as a
//! wrong password.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};
use offside_ledger::ConsoleSession;

use crate::auth::{hash_key, random_hex};
use crate::error::ApiError;
use crate::limits::MAX_ID_BYTES;
use crate::state::{AppState, MAX_WAITING_SIGN_INS};

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

/// The threads that hash passwords: a fixed few (one per core), at a lower scheduling
/// priority than the threads that serve requests, so that a sign-in flood can neither
/// take more than their memory (argon2's 19 MiB each, and the allocator arena each thread
/// keeps) nor starve `/healthz` and the API of CPU. Started on first use.
pub struct HashingPool {
    threads: usize,
    jobs: std::sync::OnceLock<std::sync::mpsc::Sender<Job>>,
}

type Job = Box<dyn FnOnce() + Send>;

impl HashingPool {
    /// A pool of `threads` hashing threads (started on the first hash).
    pub fn new(threads: usize) -> HashingPool {
        HashingPool {
            threads: threads.max(1),
            jobs: std::sync::OnceLock::new(),
        }
    }

    fn sender(&self) -> &std::sync::mpsc::Sender<Job> {
        self.jobs.get_or_init(|| {
            let (sender, receiver) = std::sync::mpsc::channel::<Job>();
            let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
            for n in 0..self.threads {
                let receiver = receiver.clone();
                let spawned = std::thread::Builder::new()
                    .name(format!("offside-password-{n}"))
                    .spawn(move || {
                        lower_priority();
                        loop {
                            let job = match receiver.lock() {
                                Ok(receiver) => receiver.recv(),
                                Err(_) => return,
                            };
                            let Ok(job) = job else { return };
                            // A panic in one hash must not take the thread with it.
                            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                        }
                    });
                if let Err(error) = spawned {
                    tracing::error!(%error, "cannot start a password-hashing thread");
                }
            }
            sender
        })
    }

    /// Runs `work` on a hashing thread and waits for its result.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let (done, result) = tokio::sync::oneshot::channel();
        self.sender()
            .send(Box::new(move || {
                let _ = done.send(work());
            }))
            .map_err(|_| ApiError::internal(anyhow::anyhow!("the password hashers stopped")))?;
        result
            .await
            .map_err(|_| ApiError::internal(anyhow::anyhow!("a password hash failed")))
    }
}

/// Lowers the calling thread's scheduling priority (nice 10; Linux keeps it per thread).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority have no memory effects; a failure leaves the priority.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 10);
    }
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

/// A `Set-Cookie` value for the console's cookies; `secure` adds `Secure` (see
/// [`cookies_secure`]).
pub fn set_cookie(name: &str, value: &str, max_age_secs: i64, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/console; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}{secure}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// Whether the cookies of an answer to a request with `headers` get `Secure`: always with
/// `--secure-cookies`, else when the request came over TLS.
pub fn cookies_secure(state: &AppState, headers: &HeaderMap) -> bool {
    state.secure_cookies || crate::headers::came_over_tls(headers)
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

/// What a sign-in attempt came to.
#[derive(Debug)]
pub enum SignIn {
    /// The password was right: the new session's token, for its cookie.
    SignedIn(String),
    /// Wrong name or password.
    Wrong,
    /// Too many recent failures for this name or from this address: not even checked.
    Locked {
        /// When to try again.
        retry_after_secs: u64,
    },
}

/// Counts a sign-in waiting for a password slot while it lives.
struct Waiting<'a>(&'a std::sync::atomic::AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

/// The throttle key of a name: case-folded and bounded.
fn name_key(name: &str) -> String {
    let mut end = name.len().min(MAX_ID_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name[..end].to_lowercase()
}

/// `Some(Locked)` while the name or the client is locked out.
fn locked_out(state: &AppState, name_key: &str, client: &str) -> Option<SignIn> {
    for (throttle, key) in [
        (&state.login_names, name_key),
        (&state.login_addresses, client),
    ] {
        if let Err(retry_after_secs) = throttle.check(key) {
            metrics::counter!("offside_auth_failures_total", "kind" => "sign_in_locked")
                .increment(1);
            return Some(SignIn::Locked { retry_after_secs });
        }
    }
    None
}

/// Checks a name and password from `client` (its address); on success starts a session.
/// `Err(Busy)` when too many sign-ins already wait for a password-hashing slot.
pub async fn sign_in(
    state: &AppState,
    client: &str,
    name: &str,
    password: &str,
) -> Result<SignIn, ApiError> {
    let name_key = name_key(name);
    if let Some(locked) = locked_out(state, &name_key, client) {
        return Ok(locked);
    }
    let waiting = state
        .password_waiting
        .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
    let waiting_guard = Waiting(&state.password_waiting);
    if waiting >= MAX_WAITING_SIGN_INS {
        return Err(ApiError::Busy);
    }
    let permit = state
        .password_slots
        .clone()
        .acquire_owned()
        .await
        .map_err(ApiError::internal)?;
    drop(waiting_guard);
    // The attempts that waited while others failed are held to the lockout those set.
    if let Some(locked) = locked_out(state, &name_key, client) {
        return Ok(locked);
    }
    // A name longer than any stored one is unknown without asking the database.
    let reviewer = if name.len() <= MAX_ID_BYTES {
        state.ledger.reviewer(name).await?
    } else {
        None
    };
    let stored = reviewer
        .as_ref()
        .map(|reviewer| reviewer.password_hash.clone());
    let password = password.to_string();
    let matches = state
        .password_hasher
        .run(move || {
            let _permit = permit;
            let stored = stored.as_deref().unwrap_or_else(|| decoy_hash());
            password_matches(&password, stored)
        })
        .await?;
    let Some(reviewer) = reviewer.filter(|_| matches) else {
        metrics::counter!("offside_auth_failures_total", "kind" => "sign_in").increment(1);
        for (throttle, key, what) in [
            (&state.login_names, name_key.as_str(), "name"),
            (&state.login_addresses, client, "address"),
        ] {
            if let Some(lockout) = throttle.fail(key) {
                tracing::warn!(
                    client,
                    locked = what,
                    lockout_secs = lockout.as_secs(),
                    "repeated failed console sign-ins; locked out for a while"
                );
            }
        }
        return Ok(SignIn::Wrong);
    };
    state.login_names.succeed(&name_key);
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
    Ok(SignIn::SignedIn(token))
}

/// The cookie's max age, matching the session's lifetime.
pub fn session_max_age() -> i64 {
    SESSION_HOURS * 3600
}

/// A console page's reviewer is an extractor: a handler that takes a [`SignedIn`] runs only
/// for a signed-in reviewer, and anyone else is sent to the sign-in page.
impl FromRequestParts<Arc<AppState>> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<SignedIn, Response> {
        signed_in(state, &parts.headers).await
    }
}

/// The signed-in reviewer, or a redirect to the sign-in page.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<SignedIn, Response> {
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
