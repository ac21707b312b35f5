//! The commands, one module each (their clap arguments are in `main.rs` and [`crate::args`],
//! except the server's, which the modules of `serve`, `consume`, `keys` and `reviewers`
//! define). Only those four link `offside-server`; `check` and `scan --docs` decide through
//! the `offside` crate and `record`, `account`, `replay` and `purge` work on the ledger
//! through `offside-ledger`.

pub mod bench;
pub mod bench_docs;
pub mod bench_memory;
pub mod bench_serve;
pub mod check;
pub mod consume;
pub mod docs;
pub mod eval;
pub mod keys;
pub mod ledger;
pub mod reviewers;
pub mod serve;
