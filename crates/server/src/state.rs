//! What every handler shares: the engine, the policy, the ledger and the in-memory helpers.

use std::sync::Arc;

use offside_detect::{Engine, EngineOptions, Region};
use offside_extract::Extractor;
use offside_ledger::{ContactHasher, Ledger, NewApiKey, StoreOptions};
use offside_policy::Policy;

use crate::auth::{hash_key, KeyCache, RateLimiter, Scope};
use crate::conversations::{ConversationBuffer, DEFAULT_CACHE_BYTES};
use crate::throttle::FailureThrottle;

/// Wrong API keys one address may send before its failures are throttled.
const FREE_KEY_FAILURES: u32 = 20;
/// Wrong passwords for one name before it is locked out for a while.
const FREE_NAME_FAILURES: u32 = 5;
/// Failed sign-ins from one address (any names) before it is locked out for a while.
const FREE_ADDRESS_FAILURES: u32 = 20;
/// Sign-ins that may wait for a password-hashing slot; more are refused with `busy`.
pub(crate) const MAX_WAITING_SIGN_INS: usize = 64;

/// How a service is configured, beyond its database.
#[derive(Debug, Clone)]
pub struct ServiceOptions {
    /// The policy decisions are made with.
    pub policy: Policy,
    /// The region of phone numbers without a country code, for events that give none.
    pub default_region: Region,
    /// The contact-hashing secret (16 bytes or more). Required: a service without one
    /// refuses to start, and a ledger refuses any secret but the one its hashes were made
    /// with (it keeps that secret's fingerprint, never the secret).
    pub hash_secret: Option<String>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Requests a second per API key (0: unlimited).
    pub rate_limit: u32,
    /// Console cookies get `Secure` even on requests that did not come over TLS.
    pub secure_cookies: bool,
    /// The byte budget of the conversation cache.
    pub conversation_cache_bytes: usize,
}

impl Default for ServiceOptions {
    fn default() -> ServiceOptions {
        ServiceOptions {
            policy: Policy::default(),
            default_region: Region::US,
            hash_secret: None,
            body_limit: 1 << 20,
            rate_limit: 1000,
            secure_cookies: false,
            conversation_cache_bytes: DEFAULT_CACHE_BYTES,
        }
    }
}

/// The shared state of a running service.
pub struct AppState {
    pub(crate) engine: Engine,
    pub(crate) policy: Policy,
    pub(crate) ledger: Ledger,
    pub(crate) hasher: ContactHasher,
    pub(crate) keys: KeyCache,
    pub(crate) limiter: RateLimiter,
    pub(crate) conversations: ConversationBuffer,
    pub(crate) body_limit: usize,
    pub(crate) extractor: Extractor,
    /// One permit per attachment being read: OCR and PDF parsing are heavy, so at most
    /// one per core runs at a time and the rest are refused with `busy`.
    pub(crate) extract_slots: Arc<tokio::sync::Semaphore>,
    /// Wrong API keys, per client address.
    pub(crate) key_failures: FailureThrottle,
    /// Failed console sign-ins, per reviewer name.
    pub(crate) login_names: FailureThrottle,
    /// Failed console sign-ins, per client address.
    pub(crate) login_addresses: FailureThrottle,
    /// One permit per password being hashed: argon2 takes 19 MiB and a core's worth of
    /// time, so at most one per core but one runs at once, whatever the number of
    /// sign-ins; the core left over keeps answering everything else during a flood.
    pub(crate) password_slots: Arc<tokio::sync::Semaphore>,
    /// The threads the hashes run on (as many as `password_slots` has permits).
    pub(crate) password_hasher: crate::console::session::HashingPool,
    /// How many sign-ins wait for a password slot (at most [`MAX_WAITING_SIGN_INS`]).
    pub(crate) password_waiting: std::sync::atomic::AtomicUsize,
    /// Whether console cookies always get `Secure`.
    pub(crate) secure_cookies: bool,
}

impl AppState {
    /// Opens the database (applying migrations) and builds the state.
    pub async fn open(database: &str, options: ServiceOptions) -> anyhow::Result<Arc<AppState>> {
        let ledger = Ledger::open(
            database,
            StoreOptions {
                ladder: options.policy.ladder.clone(),
                keep_raw_contacts: false,
            },
        )
        .await?;
        AppState::with_ledger(ledger, options).await
    }

    /// Builds the state over an opened ledger.
    pub async fn with_ledger(
        ledger: Ledger,
        options: ServiceOptions,
    ) -> anyhow::Result<Arc<AppState>> {
        let hasher = ContactHasher::configured(options.hash_secret.as_deref())?;
        ledger.bind_hash_secret(&hasher).await?;
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let hashing = cores.saturating_sub(1).max(1);
        Ok(Arc::new(AppState {
            engine: Engine::new(EngineOptions {
                default_region: options.default_region,
                ..EngineOptions::default()
            }),
            policy: options.policy,
            ledger,
            hasher,
            keys: KeyCache::default(),
            limiter: RateLimiter::new(options.rate_limit),
            conversations: ConversationBuffer::new(options.conversation_cache_bytes),
            body_limit: options.body_limit,
            extractor: Extractor::default(),
            extract_slots: Arc::new(tokio::sync::Semaphore::new(cores)),
            key_failures: FailureThrottle::new(FREE_KEY_FAILURES),
            login_names: FailureThrottle::new(FREE_NAME_FAILURES),
            login_addresses: FailureThrottle::new(FREE_ADDRESS_FAILURES),
            password_slots: Arc::new(tokio::sync::Semaphore::new(hashing)),
            password_hasher: crate::console::session::HashingPool::new(hashing),
            password_waiting: std::sync::atomic::AtomicUsize::new(0),
            secure_cookies: options.secure_cookies,
        }))
    }

    /// The ledger (for tests and the CLI).
    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    /// Makes sure an admin key exists. With `configured`, that key is stored (if it is not
    /// already); without, a key is generated and returned only when the database has no
    /// active admin key yet, so it is printed once, on the first start.
    pub async fn ensure_master_key(
        &self,
        configured: Option<&str>,
    ) -> anyhow::Result<Option<String>> {
        ensure_master_key(&self.ledger, configured).await
    }
}

/// See [`AppState::ensure_master_key`].
pub(crate) async fn ensure_master_key(
    ledger: &Ledger,
    configured: Option<&str>,
) -> anyhow::Result<Option<String>> {
    let now = chrono::Utc::now();
    match configured {
        Some(key) => {
            anyhow::ensure!(
                key.len() >= 16 && !key.chars().any(char::is_whitespace),
                "the master key must be at least 16 characters without spaces"
            );
            let hash = hash_key(key);
            if ledger.api_key_by_hash(&hash).await?.is_none() {
                ledger
                    .create_api_key(NewApiKey {
                        key_id: format!("master-{}", &hash[..8]),
                        key_hash: hash,
                        name: "master".into(),
                        scopes: vec![Scope::Admin.to_string()],
                        created_at: now,
                    })
                    .await?;
            }
            Ok(None)
        }
        None => {
            let has_admin = ledger.api_keys().await?.iter().any(|key| {
                key.revoked_at.is_none() && key.scopes.iter().any(|scope| scope == "admin")
            });
            if has_admin {
                return Ok(None);
            }
            let (key_id, key) = crate::auth::new_key()?;
            ledger
                .create_api_key(NewApiKey {
                    key_id: format!("master-{key_id}"),
                    key_hash: hash_key(&key),
                    name: "master".into(),
                    scopes: vec![Scope::Admin.to_string()],
                    created_at: now,
                })
                .await?;
            Ok(Some(key))
        }
    }
}
