//! Failure throttling: growing delays, then a temporary lockout, for whoever keeps failing
//! to authenticate (a wrong API key from one address, wrong passwords for one name or from
//! one address).
//!
//! Each key (an address, a name) counts its recent failures. The first
//! [`FailureThrottle::free`] cost nothing; after that each failure locks the key for twice
//! as long as the one before (1 s, 2 s, 4 s... up to [`MAX_LOCKOUT`]), and attempts while
//! locked are refused with `429` and `Retry-After` without doing any of the expensive work
//! (no password hash, no database query). A success clears the key; a key with no failure
//! for [`FORGET_AFTER`] is forgotten. The table holds at most [`MAX_KEYS`] keys, so a flood
//! of addresses cannot grow it without bound: when it is full, keys whose last failure is
//! older than their lockout go first, then the oldest half.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The longest lockout.
pub const MAX_LOCKOUT: Duration = Duration::from_secs(15 * 60);

/// How long a key's failures are remembered after its last one.
pub const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);

/// The most keys a throttle remembers.
pub const MAX_KEYS: usize = 100_000;

/// Failures per key, with lockouts.
pub struct FailureThrottle {
    free: u32,
    entries: Mutex<HashMap<String, Failures>>,
}

#[derive(Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
    locked_until: Instant,
}

impl FailureThrottle {
    /// A throttle that lets `free` failures through before the first lockout.
    pub fn new(free: u32) -> FailureThrottle {
        FailureThrottle {
            free,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// `Err(seconds to wait)` while `key` is locked out.
    pub fn check(&self, key: &str) -> Result<(), u64> {
        let now = Instant::now();
        let entries = self.lock();
        match entries.get(key) {
            Some(failures) if failures.locked_until > now => {
                Err(ceil_secs(failures.locked_until - now))
            }
            _ => Ok(()),
        }
    }

    /// Counts a failure of `key`; returns how long it is now locked out, if it is.
    pub fn fail(&self, key: &str) -> Option<Duration> {
        let now = Instant::now();
        let mut entries = self.lock();
        if entries.len() >= MAX_KEYS && !entries.contains_key(key) {
            prune(&mut entries, now);
        }
        let failures = entries.entry(key.to_owned()).or_insert(Failures {
            count: 0,
            last: now,
            locked_until: now,
        });
        if now.duration_since(failures.last) > FORGET_AFTER {
            failures.count = 0;
        }
        failures.count = failures.count.saturating_add(1);
        failures.last = now;
        let over = failures.count.saturating_sub(self.free);
        if over == 0 {
            return None;
        }
        let lockout = Duration::from_secs(1u64 << (over - 1).min(20)).min(MAX_LOCKOUT);
        failures.locked_until = now + lockout;
        Some(lockout)
    }

    /// Forgets the failures of `key` (after a success).
    pub fn succeed(&self, key: &str) {
        self.lock().remove(key);
    }

    /// How many keys are remembered.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        self.entries
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// Makes room: drops the keys that are neither locked nor recent, then, if that was not
/// enough, the older half.
fn prune(entries: &mut HashMap<String, Failures>, now: Instant) {
    entries.retain(|_, f| f.locked_until > now && now.duration_since(f.last) <= FORGET_AFTER);
    if entries.len() >= MAX_KEYS / 2 {
        let mut lasts: Vec<Instant> = entries.values().map(|f| f.last).collect();
        let middle = lasts.len() / 2;
        let (_, cut, _) = lasts.select_nth_unstable(middle);
        let cut = *cut;
        entries.retain(|_, f| f.last > cut);
        tracing::warn!(
            kept = entries.len(),
            "the failure throttle was full; the older half of its keys was forgotten"
        );
    }
}

fn ceil_secs(duration: Duration) -> u64 {
    duration.as_secs() + u64::from(duration.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_failures_then_growing_lockouts_then_success_clears() {
        let throttle = FailureThrottle::new(3);
        for _ in 0..3 {
            assert_eq!(throttle.check("alice"), Ok(()));
            assert_eq!(throttle.fail("alice"), None);
        }
        assert_eq!(throttle.fail("alice"), Some(Duration::from_secs(1)));
        assert_eq!(throttle.check("alice"), Err(1));
        assert_eq!(throttle.fail("alice"), Some(Duration::from_secs(2)));
        assert_eq!(throttle.fail("alice"), Some(Duration::from_secs(4)));
        assert_eq!(throttle.check("alice"), Err(4));
        for _ in 0..40 {
            throttle.fail("alice");
        }
        assert_eq!(throttle.check("alice"), Err(MAX_LOCKOUT.as_secs()));
        // Other keys are not affected.
        assert_eq!(throttle.check("bob"), Ok(()));
        throttle.succeed("alice");
        assert_eq!(throttle.check("alice"), Ok(()));
    }

    #[test]
    fn the_table_stays_bounded() {
        let throttle = FailureThrottle::new(0);
        for n in 0..(MAX_KEYS + 10) {
            throttle.fail(&n.to_string());
        }
        assert!(throttle.len() <= MAX_KEYS, "{}", throttle.len());
    }
}
