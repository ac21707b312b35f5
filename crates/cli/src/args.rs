//! The options every command that decides or records shares, defined once so that they take
//! the same syntax and mean the same thing in `offside scan`, `check`, `record`, `account`,
//! `purge`, `replay`, `serve`, `consume`, `keys` and `reviewers`:
//!
//! - [`DatabaseArgs`]: `--database` (or `OFFSIDE_DATABASE`): `offside.db`,
//!   `sqlite:offside.db`, `sqlite://offside.db` or `postgres://…`;
//! - [`PolicyArgs`]: `--policy FILE`, the default policy when unset;
//! - [`HashSecretArgs`]: `--hash-secret` (or `OFFSIDE_HASH_SECRET`), with one rule for where
//!   the secret comes from when it is not given ([`HashSecretArgs::resolve`]);
//! - [`EngineArgs`]: `--region`, the region for numbers written without a country code.

use std::path::{Path, PathBuf};

use clap::Args;
use offside_detect::{Engine, EngineOptions, Region};
use offside_ledger::ContactHasher;
use offside_policy::Policy;

/// Where the ledger lives.
#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// The ledger database: an SQLite file (`offside.db`, `sqlite:offside.db`, created if
    /// missing) or a `postgres://user@host/db` URL.
    #[arg(
        long,
        value_name = "URL",
        default_value = "offside.db",
        env = "OFFSIDE_DATABASE",
        global = true
    )]
    pub database: String,
}

/// The policy file.
#[derive(Debug, Clone, Args)]
pub struct PolicyArgs {
    /// The policy file (TOML); the default policy (`offside policy show`) when unset.
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

impl PolicyArgs {
    /// The policy: the file's, or the default one.
    pub fn load(&self) -> anyhow::Result<Policy> {
        self.policy
            .as_deref()
            .map_or_else(|| Ok(Policy::default()), read_policy)
    }
}

/// Reads and checks a policy file; the error names the file and, for a bad file, the line,
/// column and key.
pub fn read_policy(path: &Path) -> anyhow::Result<Policy> {
    let source = std::fs::read_to_string(path)
        .map_err(|error| anyhow::anyhow!("cannot read policy file {}: {error}", path.display()))?;
    Policy::from_toml(&source)
        .map_err(|error| anyhow::anyhow!("policy file {}: {error}", path.display()))
}

/// The secret that keys the hashes of contact values.
#[derive(Debug, Clone, Args)]
pub struct HashSecretArgs {
    /// The secret that keys the hashes of contact values (16 bytes or more). The ledger
    /// keeps its fingerprint and refuses another secret. Required with PostgreSQL; with an
    /// SQLite file and no secret given, the secret is kept in a file beside it
    /// (`offside.db.secret`, made when the database is created, readable by its owner only).
    #[arg(
        long,
        value_name = "SECRET",
        env = "OFFSIDE_HASH_SECRET",
        hide_env_values = true
    )]
    pub hash_secret: Option<String>,
}

impl HashSecretArgs {
    /// The secret for `database`: the one given, else the one kept beside an SQLite file
    /// (made there when neither the file nor the database exists yet). `None` when there is
    /// none; [`ContactHasher::configured`] then says how to set one.
    pub fn resolve(&self, database: &str) -> anyhow::Result<Option<String>> {
        match &self.hash_secret {
            Some(secret) => Ok(Some(secret.clone())),
            None => secret_beside_sqlite_file(database),
        }
    }

    /// The contact hasher for `database`, or an error that says how to set the secret.
    pub fn hasher(&self, database: &str) -> anyhow::Result<ContactHasher> {
        Ok(ContactHasher::configured(
            self.resolve(database)?.as_deref(),
        )?)
    }
}

/// For an SQLite file given without a hash secret: the secret kept in `FILE.secret`, made
/// (32 random bytes, hex, mode 0600) when neither the file nor the database exists yet, so
/// that the embedded default runs with no setup while the secret stays out of the database.
/// `None` for PostgreSQL, or for an existing database with no secret file.
fn secret_beside_sqlite_file(database: &str) -> anyhow::Result<Option<String>> {
    if database.contains("://") && !database.starts_with("sqlite://") {
        return Ok(None);
    }
    let path = database
        .strip_prefix("sqlite://")
        .or_else(|| database.strip_prefix("sqlite:"))
        .unwrap_or(database);
    if path.is_empty() || path == ":memory:" {
        return Ok(None);
    }
    let secret_path = PathBuf::from(format!("{path}.secret"));
    match std::fs::read_to_string(&secret_path) {
        Ok(secret) => return Ok(Some(secret.trim().to_owned())),
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            anyhow::bail!("cannot read {}: {error}", secret_path.display())
        }
        Err(_) => {}
    }
    if Path::new(path).exists() {
        return Ok(None);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| anyhow::anyhow!("the system random generator failed: {error}"))?;
    let secret = hex::encode(bytes);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(&secret_path)
        .map_err(|error| anyhow::anyhow!("cannot create {}: {error}", secret_path.display()))?;
    std::io::Write::write_all(&mut file, format!("{secret}\n").as_bytes())
        .map_err(|error| anyhow::anyhow!("cannot write {}: {error}", secret_path.display()))?;
    eprintln!(
        "offside: made the contact-hash secret in {} (keep it with the ledger, not in its \
         backups; or set OFFSIDE_HASH_SECRET)",
        secret_path.display()
    );
    Ok(Some(secret))
}

/// The detection engine's options.
#[derive(Debug, Clone, Args)]
pub struct EngineArgs {
    /// Region for phone numbers without a country code, for events that give no "region"
    /// (a two-letter ISO 3166 code such as US, GB or DE).
    #[arg(long, value_name = "CODE", default_value = "US", value_parser = parse_region)]
    pub region: Region,
}

impl EngineArgs {
    /// The engine these options describe.
    pub fn engine(&self) -> Engine {
        Engine::new(EngineOptions {
            default_region: self.region,
            ..EngineOptions::default()
        })
    }
}

fn parse_region(code: &str) -> Result<Region, offside_detect::RegionError> {
    Region::parse(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret(given: Option<&str>) -> HashSecretArgs {
        HashSecretArgs {
            hash_secret: given.map(str::to_owned),
        }
    }

    #[test]
    fn an_sqlite_file_gets_one_secret_kept_beside_it_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ledger.db");
        let first = secret(None)
            .resolve(&format!("sqlite:{}", db.display()))
            .unwrap()
            .unwrap();
        assert_eq!(first.len(), 64);
        // The same file, named either way, gives the same secret.
        let again = secret(None).resolve(db.to_str().unwrap()).unwrap();
        assert_eq!(again.as_deref(), Some(first.as_str()));
        // PostgreSQL never gets a made-up secret.
        assert_eq!(
            secret(None).resolve("postgres://u@localhost/db").unwrap(),
            None
        );
        // A given secret wins.
        assert_eq!(
            secret(Some("0123456789abcdef0123"))
                .resolve(db.to_str().unwrap())
                .unwrap()
                .as_deref(),
            Some("0123456789abcdef0123")
        );
    }

    #[test]
    fn an_existing_database_without_its_secret_file_gets_none() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("old.db");
        std::fs::write(&db, b"").unwrap();
        assert_eq!(secret(None).resolve(db.to_str().unwrap()).unwrap(), None);
        assert!(!dir.path().join("old.db.secret").exists());
    }
}
