//! The PostgreSQL backend, for deployments that already run a database server.

use std::time::Duration;

use sqlx::postgres::PgPoolOptions;

use crate::store::StoreOptions;

type Db = sqlx::Postgres;
type StoreType = PostgresStore;
const BACKEND: &str = "postgres";

/// The ledger in a PostgreSQL database. Migrations are applied when it is opened.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: Pool<Db>,
    options: StoreOptions,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user@host:port/db`) and brings the schema up to date.
    pub async fn open(url: &str, options: StoreOptions) -> Result<PostgresStore, Error> {
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await?;
        apply_migrations(&pool).await?;
        Ok(PostgresStore { pool, options })
    }
}

async fn begin_write(pool: &Pool<Db>) -> Result<Transaction<'static, Db>, sqlx::Error> {
    pool.begin().await
}

/// Two servers starting at once must not both apply a migration: the first takes this
/// transaction-scoped lock, the second waits and then finds the schema up to date.
async fn lock_schema(tx: &mut Transaction<'static, Db>) -> Result<(), sqlx::Error> {
    // The key is arbitrary but fixed: "offside" in ASCII.
    sqlx::query("SELECT pg_advisory_xact_lock(31356312623866981)")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "events, contact hashes, review queue",
        sql: include_str!("../migrations/postgres/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "decisions, api keys, settings",
        sql: include_str!("../migrations/postgres/0002_service.sql"),
    },
    Migration {
        version: 3,
        name: "reviewers, console sessions, evidence",
        sql: include_str!("../migrations/postgres/0003_console.sql"),
    },
    Migration {
        version: 4,
        name: "request hashes of stored answers",
        sql: include_str!("../migrations/postgres/0004_request_hash.sql"),
    },
];

include!("sql_common.rs");
