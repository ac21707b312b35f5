//! The SQLite backend: the embedded default, one database file in WAL mode.

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::store::StoreOptions;

type Db = sqlx::Sqlite;
type StoreType = SqliteStore;
const BACKEND: &str = "sqlite";

/// The ledger in one SQLite file. Migrations are applied when it is opened.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: Pool<Db>,
    options: StoreOptions,
}

impl SqliteStore {
    /// Opens (creating if needed) the ledger file at `path` and brings its schema up to
    /// date. WAL mode lets readers work while one writer commits; `synchronous = FULL`
    /// makes a committed `record` survive a power cut, not only a crash of the process.
    pub async fn open(path: impl AsRef<Path>, options: StoreOptions) -> Result<SqliteStore, Error> {
        let connect = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(connect)
            .await?;
        apply_migrations(&pool).await?;
        Ok(SqliteStore { pool, options })
    }
}

/// Writers take SQLite's write lock at `BEGIN`, so two writers queue on the busy timeout
/// instead of failing when a read transaction tries to become a write one.
async fn begin_write(pool: &Pool<Db>) -> Result<Transaction<'static, Db>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// `BEGIN IMMEDIATE` already excludes other writers, including other migrators.
async fn lock_schema(_tx: &mut Transaction<'static, Db>) -> Result<(), sqlx::Error> {
    Ok(())
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "events, contact hashes, review queue",
        sql: include_str!("../migrations/sqlite/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "decisions, api keys, settings",
        sql: include_str!("../migrations/sqlite/0002_service.sql"),
    },
    Migration {
        version: 3,
        name: "reviewers, console sessions, evidence",
        sql: include_str!("../migrations/sqlite/0003_console.sql"),
    },
    Migration {
        version: 4,
        name: "request hashes of stored answers",
        sql: include_str!("../migrations/sqlite/0004_request_hash.sql"),
    },
];

include!("sql_common.rs");
