//! Test fixtures: a temporary SQLite file, and a throwaway PostgreSQL server that the tests
//! start themselves (`initdb` into a temporary directory, a free loopback port, a private
//! socket directory) and stop when the fixture is dropped.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use offside_ledger::{Ledger, StoreOptions};
use sqlx::Connection;
use tempfile::TempDir;

/// Where a check's ledger lives, and how to look at it from outside the store.
pub struct Ctx {
    /// The URL `Ledger::open` takes.
    pub url: String,
    backend: Backend,
    /// Keeps the SQLite directory alive for the check.
    _dir: Option<TempDir>,
}

enum Backend {
    Sqlite { dir: PathBuf },
    Postgres { data_dir: PathBuf },
}

impl Ctx {
    /// A fresh SQLite file in a temporary directory.
    pub fn sqlite() -> Ctx {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("ledger.sqlite3");
        Ctx {
            url: format!("sqlite:{}", path.display()),
            backend: Backend::Sqlite {
                dir: dir.path().to_path_buf(),
            },
            _dir: Some(dir),
        }
    }

    /// Opens the check's ledger (applying migrations).
    pub async fn open(&self, options: StoreOptions) -> Ledger {
        Ledger::open(&self.url, options)
            .await
            .unwrap_or_else(|error| panic!("opening {}: {error}", self.url))
    }

    /// Runs one SQL statement on the database directly, bypassing the store.
    pub async fn execute_raw(&self, sql: &'static str) {
        match &self.backend {
            Backend::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
                sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
            Backend::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                sqlx::raw_sql(sql).execute(&mut conn).await.unwrap();
                conn.close().await.unwrap();
            }
        }
    }

    /// SQLite's journal mode for the file (`None` for PostgreSQL).
    pub async fn sqlite_journal_mode(&self) -> Option<String> {
        let Backend::Sqlite { .. } = &self.backend else {
            return None;
        };
        let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();
        Some(mode)
    }

    /// Every text column of the ledger's tables, one row per line.
    pub async fn dump_tables(&self) -> String {
        const DUMP: &str = "SELECT event_id || ' ' || account || ' ' || payload AS line FROM events \
             UNION ALL SELECT account || ' ' || kind || ' ' || hash || ' ' || first_event_id FROM contact_hashes \
             UNION ALL SELECT item_id || ' ' || account || ' ' || COALESCE(message_id, '') FROM review_items \
             UNION ALL SELECT name || ' ' || value FROM settings";
        let lines: Vec<String> = match &self.backend {
            Backend::Sqlite { .. } => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url).await.unwrap();
                let lines = sqlx::query_scalar(DUMP).fetch_all(&mut conn).await.unwrap();
                conn.close().await.unwrap();
                lines
            }
            Backend::Postgres { .. } => {
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                let lines = sqlx::query_scalar(DUMP).fetch_all(&mut conn).await.unwrap();
                conn.close().await.unwrap();
                lines
            }
        };
        lines.join("\n")
    }

    /// Whether any file the database wrote (SQLite: the file, its WAL and shared memory;
    /// PostgreSQL: the whole data directory, after a checkpoint) contains `needle`.
    pub async fn files_contain(&self, needle: &str) -> bool {
        let root = match &self.backend {
            Backend::Sqlite { dir } => dir.clone(),
            Backend::Postgres { data_dir } => {
                // Flush everything to the data files, then look at this check's database
                // and at the write-ahead log (shared by all databases of the server).
                self.execute_raw("CHECKPOINT").await;
                let mut conn = sqlx::PgConnection::connect(&self.url).await.unwrap();
                let oid: String = sqlx::query_scalar(
                    "SELECT oid::text FROM pg_database WHERE datname = current_database()",
                )
                .fetch_one(&mut conn)
                .await
                .unwrap();
                conn.close().await.unwrap();
                let needle = needle.as_bytes();
                return dir_contains(&data_dir.join("base").join(oid), needle)
                    || dir_contains(&data_dir.join("pg_wal"), needle);
            }
        };
        dir_contains(&root, needle.as_bytes())
    }
}

fn dir_contains(dir: &Path, needle: &[u8]) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if dir_contains(&path, needle) {
                return true;
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|window| window == needle) {
                return true;
            }
        }
    }
    false
}

pub use offside_testkit::TempPostgres;

/// What the ledger's tests need from a [`TempPostgres`] besides the server itself.
pub trait Databases {
    /// A fresh database on this server for one check.
    async fn database(&self, name: &str) -> Ctx;
}

impl Databases for TempPostgres {
    async fn database(&self, name: &str) -> Ctx {
        let admin_url = self.url("postgres");
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("connecting to the test server");
        let create = format!("CREATE DATABASE \"{name}\"");
        sqlx::raw_sql(sqlx::AssertSqlSafe(create))
            .execute(&mut admin)
            .await
            .expect("creating a database");
        admin.close().await.ok();
        Ctx {
            url: self.url(name),
            backend: Backend::Postgres {
                data_dir: self.data_dir(),
            },
            _dir: None,
        }
    }
}
