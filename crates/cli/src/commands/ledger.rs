//! The commands that touch the enforcement ledger: `offside record` (decide and record),
//! `offside purge` (delete evidence past its retention period), `offside account` (an
//! account's standing and history) and `offside replay` (backtest a policy over historical
//! events, in memory).
//!
//! The ledger is async (sqlx); these commands are one-shot, so each builds a single-threaded
//! tokio runtime and blocks on it.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};

use anyhow::{anyhow, Context as _, Result};
use chrono::{DateTime, Utc};
use indicatif::{ProgressBar, ProgressStyle};
use offside::Decided;
use offside_detect::Engine;
use offside_ledger::standing::standing;
use offside_ledger::{
    record_decided, request_hash, to_utc, violation_events, ContactHasher, Ledger, RecordDecision,
    RecordError, RecordOptions, StoreOptions,
};
use offside_policy::ladder::Sanction;
use offside_policy::Policy;
use serde_json::{Map, Value};

use crate::commands::check::{self, LineEvent};
use crate::pipeline::{InputSource, RunSummary};

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")
}

/// Opens the ledger with the policy's ladder; the error names the database.
fn open_ledger(
    runtime: &tokio::runtime::Runtime,
    database: &str,
    policy: &Policy,
) -> Result<Ledger> {
    let options = StoreOptions {
        ladder: policy.ladder.clone(),
        keep_raw_contacts: false,
    };
    runtime
        .block_on(Ledger::open(database, options))
        .with_context(|| format!("cannot open the ledger database {database}"))
}

/// The id of an event as the ledger keys it: a JSON string's content, any other JSON value's
/// text.
fn event_key(event: &LineEvent) -> Option<String> {
    let raw = event.id.as_deref()?.get();
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::String(text)) => Some(text),
        Ok(Value::Null) => None,
        _ => Some(raw.to_string()),
    }
}

/// `offside record`: decides on every event like `offside check`, then records it exactly as
/// the service does ([`offside_ledger::record_decided`]): the violations against the
/// sender, the answer and the evidence, in one transaction. Every decision line says how
/// many violations were newly recorded (`"recorded"`) and how many were already there
/// (`"already_recorded"`: the same event recorded before). The same id with another body is
/// an error line and records nothing.
pub fn record(
    engine: &Engine,
    policy: &Policy,
    inputs: &[InputSource],
    database: &str,
    hasher: &ContactHasher,
    shadow: bool,
    output: &mut dyn Write,
) -> Result<RunSummary> {
    let runtime = runtime()?;
    let ledger = open_ledger(&runtime, database, policy)?;
    runtime
        .block_on(ledger.bind_hash_secret(hasher))
        .with_context(|| format!("the ledger database {database}"))?;
    let mut on_decision = |event: &LineEvent, decided: &Decided| {
        let Some(source_id) = event_key(event) else {
            return Ok(Err(
                "\"id\": an event must have an id to be recorded (it is the idempotency key)"
                    .to_owned(),
            ));
        };
        let stored = runtime.block_on(record_decided(
            &*ledger,
            event,
            &decided.decision,
            decided.evidence.clone(),
            RecordOptions {
                key: &source_id,
                hasher,
                shadow,
                request_hash: request_hash(event),
            },
        ));
        let stored = match stored {
            Ok(stored) => stored,
            Err(RecordError::Invalid(message)) => return Ok(Err(message)),
            Err(RecordError::Ledger(error @ offside_ledger::Error::Conflict { .. }))
            | Err(RecordError::Ledger(error @ offside_ledger::Error::InvalidEvent { .. })) => {
                return Ok(Err(error.to_string()))
            }
            Err(RecordError::Ledger(error)) => {
                return Err(anyhow::Error::new(error)
                    .context("recording in the ledger failed; lines before this one are recorded"))
            }
        };
        let n_ids = serde_json::from_str::<Value>(&stored.response)
            .ok()
            .and_then(|answer| answer["recorded"].as_array().map(Vec::len))
            .unwrap_or(0) as u64;
        let (n_new, n_old) = if stored.duplicate {
            (0, n_ids)
        } else {
            (n_ids, 0)
        };
        let mut extra = Map::new();
        extra.insert("recorded".into(), n_new.into());
        extra.insert("already_recorded".into(), n_old.into());
        if shadow {
            extra.insert("shadow".into(), true.into());
        }
        Ok(Ok(Some(extra)))
    };
    let summary = check::run_with(engine, policy, inputs, output, &mut on_decision);
    runtime.block_on(ledger.close());
    summary
}

/// `offside purge`: deletes the evidence (the raw text of messages that broke a rule) older
/// than the policy's `privacy.evidence_retention_days`, counted back from `now`.
pub fn purge(
    policy: &Policy,
    database: &str,
    now: DateTime<Utc>,
    output: &mut dyn Write,
) -> Result<()> {
    let runtime = runtime()?;
    let ledger = open_ledger(&runtime, database, policy)?;
    let days = policy.privacy.evidence_retention_days;
    let before = now - chrono::Duration::days(i64::from(days));
    let n_deleted = runtime.block_on(ledger.purge_evidence(before))?;
    runtime.block_on(ledger.close());
    let report = serde_json::json!({
        "evidence_deleted": n_deleted,
        "older_than": before,
        "retention_days": days,
    });
    serde_json::to_writer(&mut *output, &report)?;
    writeln!(output)?;
    Ok(())
}

/// `offside account ID`: the account's standing now (or at `as_of`), its history and the
/// accounts linked to it through shared contact values, as one JSON document.
pub fn account(
    policy: &Policy,
    database: &str,
    account_id: &str,
    as_of: Option<DateTime<Utc>>,
    output: &mut dyn Write,
) -> Result<()> {
    let runtime = runtime()?;
    let ledger = open_ledger(&runtime, database, policy)?;
    let now = as_of.unwrap_or_else(Utc::now);
    let (events, linked) = runtime.block_on(async {
        let events = ledger.events_for(account_id).await?;
        let linked = ledger.linked_accounts(account_id).await?;
        Ok::<_, offside_ledger::Error>((events, linked))
    })?;
    runtime.block_on(ledger.close());
    let standing = standing(account_id, &events, &policy.ladder, now);
    let document = serde_json::json!({
        "account": account_id,
        "standing": standing,
        "history": events,
        "linked_accounts": linked,
    });
    serde_json::to_writer_pretty(&mut *output, &document)?;
    writeln!(output)?;
    Ok(())
}

/// What one policy did over a history.
#[derive(Default)]
struct Tally {
    by_action: BTreeMap<&'static str, u64>,
    by_violation: BTreeMap<&'static str, u64>,
    ledger_events: HashMap<String, Vec<offside_ledger::Event>>,
}

/// One policy's side of a replay.
struct Side<'p> {
    policy: &'p Policy,
    tally: Tally,
    hasher: ContactHasher,
}

impl<'p> Side<'p> {
    fn new(policy: &'p Policy) -> Result<Side<'p>> {
        // Replay never stores values; any fixed key gives consistent hashes within the run.
        let hasher = ContactHasher::new(b"offside replay, in memory only", false)
            .map_err(|error| anyhow!("{error}"))?;
        Ok(Side {
            policy,
            tally: Tally::default(),
            hasher,
        })
    }

    fn decide(
        &mut self,
        engine: &Engine,
        event: &LineEvent,
        key: &str,
        at: DateTime<Utc>,
    ) -> Result<&'static str, String> {
        let decision = check::decide_event(engine, self.policy, event)?.decision;
        let action = decision.action.as_str();
        *self.tally.by_action.entry(action).or_default() += 1;
        for violation in &decision.violations {
            *self
                .tally
                .by_violation
                .entry(violation.id.as_str())
                .or_default() += 1;
        }
        let events = violation_events(
            &decision,
            RecordDecision {
                source_id: key,
                sender: &event.sender.id.0,
                at,
                hasher: &self.hasher,
                shadow: false,
            },
        );
        if !events.is_empty() {
            self.tally
                .ledger_events
                .entry(event.sender.id.0.clone())
                .or_default()
                .extend(events);
        }
        Ok(action)
    }

    /// For each sanction, how many accounts hold it at `at`.
    fn sanctions_at(&self, at: DateTime<Utc>) -> BTreeMap<&'static str, u64> {
        let mut counts = BTreeMap::new();
        for (account, events) in &self.tally.ledger_events {
            let sanction = standing(account, events, &self.policy.ladder, at).sanction;
            if sanction != Sanction::None {
                *counts.entry(sanction.as_str()).or_default() += 1;
            }
        }
        counts
    }
}

/// `offside replay`: decides on every historical event under the baseline policy and under
/// the candidate, builds both ledgers in memory, and prints what would change: decisions by
/// action, violations by rule id, accounts by sanction at the end of the history, and the
/// events whose action changed.
pub fn replay(
    engine: &Engine,
    baseline: &Policy,
    candidate: &Policy,
    inputs: &[InputSource],
    output: &mut dyn Write,
) -> Result<RunSummary> {
    let mut old = Side::new(baseline)?;
    let mut new = Side::new(candidate)?;
    let mut summary = RunSummary::default();
    let mut changed: Vec<Value> = Vec::new();
    let mut n_changed = 0u64;
    let mut last_at: Option<DateTime<Utc>> = None;
    let progress = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} events replayed ({per_sec})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut errors: Vec<Value> = Vec::new();
    crate::pipeline::for_each_line(inputs, |raw_line, location| {
        let line = crate::record::trim_line_end(raw_line);
        if crate::record::is_blank(line) {
            return Ok(());
        }
        progress.inc(1);
        let outcome = (|| {
            let event = check::parse_event(line)?;
            let key = event_key(&event).ok_or("\"id\": every historical event needs an id")?;
            let at = to_utc(event.at).ok_or("\"at\": out of range")?;
            let before = old.decide(engine, &event, &key, at)?;
            let after = new.decide(engine, &event, &key, at)?;
            last_at = Some(last_at.map_or(at, |last| last.max(at)));
            Ok::<_, String>((key, before, after))
        })();
        match outcome {
            Ok((key, before, after)) => {
                summary.written += 1;
                if before != after {
                    n_changed += 1;
                    if changed.len() < 20 {
                        changed.push(serde_json::json!({"id": key, "from": before, "to": after}));
                    }
                }
            }
            Err(error) => {
                summary.failed += 1;
                errors.push(serde_json::json!({
                    "file": location.file,
                    "line": location.line,
                    "error": error,
                }));
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    let end = last_at.unwrap_or_else(Utc::now);
    let side = |side: &Side<'_>| {
        serde_json::json!({
            "decisions_by_action": side.tally.by_action,
            "violations_by_rule": side.tally.by_violation,
            "accounts_by_sanction": side.sanctions_at(end),
        })
    };
    let report = serde_json::json!({
        "events": summary.written,
        "failed_lines": summary.failed,
        "as_of": end,
        "baseline": side(&old),
        "candidate": side(&new),
        "changed_actions": n_changed,
        "changed_examples": changed,
        "errors": errors,
    });
    serde_json::to_writer_pretty(&mut *output, &report)?;
    writeln!(output)?;
    Ok(summary)
}
