//! Contact values as keyed hashes.
//!
//! The ledger has to answer "which other accounts shared this phone number?" without keeping
//! a list of everyone's phone numbers. A keyed hash (HMAC-SHA256 with a secret from the
//! configuration) answers equality questions and nothing else: without the secret, nobody who
//! reads the database can confirm a guessed number, which a plain SHA-256 of a phone number
//! would allow in seconds. The raw value is kept only when the configuration says so.

use hmac::{KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::error::Error;

/// The shortest secret accepted, in bytes: shorter keys make the hashes guessable.
pub const MIN_SECRET_BYTES: usize = 16;

/// A contact value found in a violating message, as the ledger stores it.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactValue {
    /// The finding's kind (`email`, `phone`, `url`, `payment`...).
    pub kind: String,
    /// Lower-case hex HMAC-SHA256 of the kind and the canonical value.
    pub hash: String,
    /// The value itself, only when the configuration keeps raw values (and the store was
    /// opened with `keep_raw_contacts`); otherwise absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}

impl std::fmt::Debug for ContactValue {
    /// Never prints the raw value: debug output ends up in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactValue")
            .field("kind", &self.kind)
            .field("hash", &self.hash)
            .field("raw", &self.raw.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Turns contact values into [`ContactValue`]s with a secret key.
#[derive(Clone)]
pub struct ContactHasher {
    secret: Vec<u8>,
    keep_raw: bool,
}

impl std::fmt::Debug for ContactHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContactHasher")
            .field("secret", &"<redacted>")
            .field("keep_raw", &self.keep_raw)
            .finish()
    }
}

impl ContactHasher {
    /// A hasher with the configured secret. `keep_raw` keeps the raw value next to the hash
    /// (for deployments whose reviewers must see it); it is off unless configured.
    pub fn new(secret: &[u8], keep_raw: bool) -> Result<ContactHasher, Error> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(Error::WeakSecret {
                n_bytes: secret.len(),
            });
        }
        Ok(ContactHasher {
            secret: secret.to_vec(),
            keep_raw,
        })
    }

    /// The hasher a deployment configures: `secret` from `OFFSIDE_HASH_SECRET` or
    /// `--hash-secret`, raw values not kept. With none, or a weak one, the error says how to
    /// configure it.
    pub fn configured(secret: Option<&str>) -> Result<ContactHasher, Error> {
        let secret = secret.ok_or_else(|| {
            Error::HashSecret(
                "no secret for hashing contact values: set OFFSIDE_HASH_SECRET or pass \
                 --hash-secret (16 bytes or more, for example the output of `openssl rand -hex 32`), \
                 and keep it: the ledger stores its fingerprint and refuses any other secret"
                    .to_owned(),
            )
        })?;
        ContactHasher::new(secret.as_bytes(), false).map_err(|error| {
            Error::HashSecret(format!("OFFSIDE_HASH_SECRET / --hash-secret: {error}"))
        })
    }

    /// The stored form of `value`, found as a `kind`. Values are compared after trimming and
    /// lower-casing (the detector already gives canonical values: E.164 phones, lower-case
    /// e-mails); the kind is part of the hashed text, so a hash names a (kind, value) pair.
    pub fn hash(&self, kind: &str, value: &str) -> ContactValue {
        let canonical = canonical_value(value);
        let mut mac = match <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret) {
            Ok(mac) => mac,
            // HMAC takes keys of any length; this arm exists only to avoid a panic path.
            Err(_) => unreachable_hmac(),
        };
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(canonical.as_bytes());
        let digest = mac.finalize().into_bytes();
        ContactValue {
            kind: kind.to_string(),
            hash: hex::encode(digest),
            raw: self.keep_raw.then_some(canonical),
        }
    }
}

impl ContactHasher {
    /// A fingerprint of the secret, to store next to the hashes: HMAC-SHA256 of a fixed
    /// label under the secret. It tells whether a later process has the same secret and
    /// reveals nothing of it.
    pub fn fingerprint(&self) -> String {
        let mut mac = match <hmac::Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret) {
            Ok(mac) => mac,
            Err(_) => unreachable_hmac(),
        };
        mac.update(b"offside contact-hash secret fingerprint v1");
        hex::encode(mac.finalize().into_bytes())
    }
}

/// HMAC accepts every key length, so `new_from_slice` never fails; this is its error arm,
/// kept out of line so the happy path reads plainly.
#[cold]
fn unreachable_hmac() -> ! {
    unreachable!("HMAC-SHA256 accepts keys of any length")
}

fn canonical_value(value: &str) -> String {
    value.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_value_same_hash_other_key_other_hash() {
        let one = ContactHasher::new(b"0123456789abcdef-one", false).unwrap();
        let two = ContactHasher::new(b"0123456789abcdef-two", false).unwrap();
        let a = one.hash("email", "John@Example.com ");
        let b = one.hash("email", "john@example.com");
        assert_eq!(a, b);
        assert_eq!(a.hash.len(), 64);
        assert_eq!(a.raw, None);
        assert_ne!(a.hash, two.hash("email", "john@example.com").hash);
        assert_ne!(a.hash, one.hash("url", "john@example.com").hash);
        assert!(!format!("{a:?}").contains("john"));
    }

    #[test]
    fn short_secret_is_refused() {
        assert!(matches!(
            ContactHasher::new(b"short", false),
            Err(Error::WeakSecret { n_bytes: 5 })
        ));
    }

    #[test]
    fn raw_kept_only_when_asked() {
        let hasher = ContactHasher::new(&[7; 32], true).unwrap();
        assert_eq!(
            hasher.hash("phone", "+14155550100").raw.as_deref(),
            Some("+14155550100")
        );
    }
}
