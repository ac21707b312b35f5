//! API keys: generation, hashing, the cache in front of the database, scopes and the
//! per-key rate limit.
//!
//! A key is `osk_<key id>_<64 hex digits>`: 256 random bits, so a plain SHA-256 is a safe
//! stored form (argon2's slowness protects guessable passwords, and slows every request
//! for nothing here). The database is the truth; the cache keeps a verified key for a few
//! seconds so a busy server does not read the database on every request, which is also how
//! long a revocation made by another process (`offside keys revoke`) takes to bite.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use offside_ledger::{ApiKey, Ledger};
use sha2::{Digest, Sha256};

use crate::error::ApiError;
use crate::state::AppState;

/// The address of the client a request came from, put in the request's extensions by the
/// server's connection loop.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub std::net::SocketAddr);

/// The key that throttles a request's client: its IP address (all ports of a host are one
/// client), or `"unknown"` when the request did not come through the connection loop.
pub(crate) fn client_key(extensions: &axum::http::Extensions) -> String {
    extensions
        .get::<ClientAddr>()
        .map_or_else(|| "unknown".to_owned(), |addr| addr.0.ip().to_string())
}

/// Authenticates the caller of every `/v1` route before its body is read, so a caller
/// without a key learns nothing of the schema and costs no parsing. Wrong or missing keys
/// are counted per client address and, past a few, answered `429` with `Retry-After`
/// without a database query. The caller is put in the request's extensions.
pub(crate) async fn require_key(
    State(state): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let client = client_key(request.extensions());
    if let Err(retry_after_secs) = state.key_failures.check(&client) {
        return ApiError::RateLimited { retry_after_secs }.into_response();
    }
    match state
        .keys
        .authenticate(&state.ledger, request.headers())
        .await
    {
        Ok(caller) => {
            request.extensions_mut().insert(caller);
            next.run(request).await
        }
        Err(error) => {
            if matches!(error, ApiError::Unauthorized(_)) {
                metrics::counter!("offside_auth_failures_total", "kind" => "api_key").increment(1);
                if let Some(lockout) = state.key_failures.fail(&client) {
                    tracing::warn!(
                        client,
                        lockout_secs = lockout.as_secs(),
                        "repeated requests with a wrong API key; throttling the address"
                    );
                }
            }
            error.into_response()
        }
    }
}

/// What a key may do. `admin` may do everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// `POST /v1/check`, `POST /v1/scan`: decide without recording.
    Check,
    /// `POST /v1/events`, reports and appeals: record.
    Ingest,
    /// The review queue, verdicts, appeal decisions, account standing.
    Review,
    /// Everything, including key management.
    Admin,
}

impl Scope {
    /// Every scope.
    pub const ALL: [Scope; 4] = [Scope::Check, Scope::Ingest, Scope::Review, Scope::Admin];

    /// The name used in the API, the CLI and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Check => "check",
            Scope::Ingest => "ingest",
            Scope::Review => "review",
            Scope::Admin => "admin",
        }
    }
}

/// Its JSON schema: a string, one of [`Scope::ALL`]'s names.
impl utoipa::PartialSchema for Scope {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(Scope::ALL.map(Scope::as_str)))
            .description(Some("What an API key may do; `admin` may do everything."))
            .into()
    }
}

impl utoipa::ToSchema for Scope {}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scope {
    type Err = String;
    fn from_str(name: &str) -> Result<Scope, String> {
        Scope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == name.trim())
            .ok_or_else(|| {
                format!("unknown scope {name:?}: expected check, ingest, review or admin")
            })
    }
}

/// Lower-case hex SHA-256 of a key: its stored form.
pub fn hash_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

/// `n` random bytes from the operating system, as hex.
pub(crate) fn random_hex(n: usize) -> anyhow::Result<String> {
    let mut bytes = vec![0u8; n];
    getrandom::fill(&mut bytes)
        .map_err(|error| anyhow::anyhow!("the system random generator failed: {error}"))?;
    Ok(hex::encode(bytes))
}

/// A fresh key: `(key id, key)`. Only the key's hash is to be stored.
pub fn new_key() -> anyhow::Result<(String, String)> {
    let key_id = random_hex(6)?;
    let secret = random_hex(32)?;
    let key = format!("osk_{key_id}_{secret}");
    Ok((key_id, key))
}

/// The verified key of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The key's public id (rate limits are per key).
    pub key_id: String,
    scopes: Vec<Scope>,
}

impl Caller {
    fn from_key(key: &ApiKey) -> Caller {
        Caller {
            key_id: key.key_id.clone(),
            scopes: key
                .scopes
                .iter()
                .filter_map(|name| name.parse().ok())
                .collect(),
        }
    }

    /// Whether the key may call an endpoint open to `allowed`.
    pub fn may(&self, allowed: &[Scope]) -> bool {
        self.scopes
            .iter()
            .any(|scope| *scope == Scope::Admin || allowed.contains(scope))
    }
}

/// How long a verified key is trusted without asking the database again.
const KEY_CACHE_TTL: Duration = Duration::from_secs(5);

/// Verified keys by hash.
#[derive(Default)]
pub struct KeyCache {
    entries: RwLock<HashMap<String, (Arc<Caller>, Instant)>>,
}

impl KeyCache {
    /// The caller of a request, checked against the cache, then the database.
    pub async fn authenticate(
        &self,
        ledger: &Ledger,
        headers: &HeaderMap,
    ) -> Result<Arc<Caller>, ApiError> {
        let Some(value) = headers.get(axum::http::header::AUTHORIZATION) else {
            return Err(ApiError::Unauthorized(
                "missing API key: send the header `Authorization: Bearer <key>`",
            ));
        };
        let key = value
            .to_str()
            .ok()
            .and_then(|text| {
                let (scheme, key) = text.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
            })
            .filter(|key| !key.is_empty())
            .ok_or(ApiError::Unauthorized(
                "malformed Authorization header: expected `Bearer <key>`",
            ))?;
        let hash = hash_key(key);
        if let Some((caller, at)) = self.read().get(&hash) {
            if at.elapsed() < KEY_CACHE_TTL {
                return Ok(caller.clone());
            }
        }
        let stored = ledger.api_key_by_hash(&hash).await?;
        match stored {
            Some(key) if key.revoked_at.is_none() => {
                let caller = Arc::new(Caller::from_key(&key));
                self.write().insert(hash, (caller.clone(), Instant::now()));
                Ok(caller)
            }
            _ => {
                self.write().remove(&hash);
                Err(ApiError::Unauthorized("unknown or revoked API key"))
            }
        }
    }

    /// Forgets every cached key (after a revocation through the API).
    pub fn clear(&self) {
        self.write().clear();
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, (Arc<Caller>, Instant)>> {
        self.entries
            .read()
            .unwrap_or_else(|poison| poison.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, (Arc<Caller>, Instant)>> {
        self.entries
            .write()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// A token bucket per key: `per_second` requests a second on average, bursts of up to
/// one second's worth. 0 turns the limit off.
pub struct RateLimiter {
    per_second: u32,
    buckets: Mutex<HashMap<String, Bucket>>,
}

struct Bucket {
    tokens: f64,
    refilled_at: Instant,
}

impl RateLimiter {
    /// A limiter allowing `per_second` requests a second per key (0: unlimited).
    pub fn new(per_second: u32) -> RateLimiter {
        RateLimiter {
            per_second,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token from the key's bucket.
    pub fn check(&self, key_id: &str) -> Result<(), ApiError> {
        if self.per_second == 0 {
            return Ok(());
        }
        let rate = f64::from(self.per_second);
        let now = Instant::now();
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let bucket = buckets.entry(key_id.to_string()).or_insert(Bucket {
            tokens: rate,
            refilled_at: now,
        });
        let elapsed = now.duration_since(bucket.refilled_at).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * rate).min(rate);
        bucket.refilled_at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - bucket.tokens) / rate;
            Err(ApiError::RateLimited {
                retry_after_secs: wait.ceil().max(1.0) as u64,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_random_and_hash_to_hex() {
        let (id_one, one) = new_key().unwrap();
        let (_, two) = new_key().unwrap();
        assert_ne!(one, two);
        assert!(one.starts_with(&format!("osk_{id_one}_")));
        assert_eq!(one.len(), 4 + 12 + 1 + 64);
        assert_eq!(hash_key(&one).len(), 64);
        assert_ne!(hash_key(&one), hash_key(&two));
    }

    #[test]
    fn scopes_parse_and_admin_may_do_everything() {
        assert_eq!("review".parse::<Scope>(), Ok(Scope::Review));
        assert!("root".parse::<Scope>().is_err());
        let admin = Caller {
            key_id: "a".into(),
            scopes: vec![Scope::Admin],
        };
        let checker = Caller {
            key_id: "c".into(),
            scopes: vec![Scope::Check],
        };
        assert!(admin.may(&[Scope::Review]));
        assert!(checker.may(&[Scope::Check, Scope::Ingest]));
        assert!(!checker.may(&[Scope::Ingest]));
    }

    #[test]
    fn the_bucket_empties_and_says_when_to_retry() {
        let limiter = RateLimiter::new(3);
        for _ in 0..3 {
            limiter.check("k").unwrap();
        }
        assert!(matches!(
            limiter.check("k"),
            Err(ApiError::RateLimited {
                retry_after_secs: 1
            })
        ));
        // Other keys have buckets of their own.
        limiter.check("other").unwrap();
        RateLimiter::new(0).check("k").unwrap();
    }
}
