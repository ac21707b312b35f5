//! `offside check`: the pre-send check. JSONL events in, one decision per line out, in
//! input order; nothing is recorded.
//!
//! Each line is an [`Event`] (see `offside check --help`), decided by
//! [`offside::decide`], the one decision path every command and endpoint shares: the
//! event's region hint (else `--region`), its time bounds, its conversation (the newest
//! message is judged; the earlier ones are context for values split across messages) and an
//! attachment's content (legal documents are recognised from their text). A
//! line that cannot be decided gets an error line naming the problem — with the line's
//! `id` when it could be read — and the run goes on; the exit status is then 1.

use std::io::Write;

use anyhow::Result;
use offside::Decided;
use offside_detect::Engine;
use offside_policy::{Decision, Event, Policy};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::json_out::{self, LineLocation};
use crate::pipeline::{self, InputSource, LineOutcome, RunSummary};
use crate::record;

/// An event as read from a line: the id kept as raw JSON, to be echoed verbatim.
pub type LineEvent = Event<Box<RawValue>>;

/// Only the id of a line, read when the whole event could not be.
#[derive(Deserialize)]
struct IdOnly {
    #[serde(default)]
    id: Option<Box<RawValue>>,
}

/// A decision line: the input's id, then the decision's fields, then whatever the caller
/// adds (`offside record` says what it recorded).
#[derive(Serialize)]
struct DecisionLine<'a> {
    id: Option<&'a RawValue>,
    #[serde(flatten)]
    decision: &'a Decision,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    extra: Option<serde_json::Map<String, serde_json::Value>>,
}

/// What happens after each decision: `offside check` does nothing, `offside record` writes
/// to the ledger. `Ok(Err(message))` fails the line (an error line, the run goes on);
/// `Err(error)` stops the run (the database is gone: nothing more can be recorded).
pub type OnDecision<'f> = dyn FnMut(
        &LineEvent,
        &Decided,
    ) -> Result<Result<Option<serde_json::Map<String, serde_json::Value>>, String>>
    + 'f;

/// Decides on every event of `inputs` and writes one line per event to `output`.
pub fn run(
    engine: &Engine,
    policy: &Policy,
    inputs: &[InputSource],
    output: &mut dyn Write,
) -> Result<RunSummary> {
    run_with(engine, policy, inputs, output, &mut |_, _| Ok(Ok(None)))
}

/// Like [`run`], calling `on_decision` after each decision.
pub fn run_with(
    engine: &Engine,
    policy: &Policy,
    inputs: &[InputSource],
    output: &mut dyn Write,
    on_decision: &mut OnDecision<'_>,
) -> Result<RunSummary> {
    let mut summary = RunSummary::default();
    let mut out = Vec::with_capacity(1 << 16);
    pipeline::for_each_line(inputs, |raw_line, location| {
        summary.count(check_line(
            engine,
            policy,
            raw_line,
            location,
            &mut out,
            on_decision,
        )?);
        output.write_all(&out)?;
        out.clear();
        Ok(())
    })?;
    output.flush()?;
    Ok(summary)
}

/// Checks one input line and appends its decision line or error line to `out`.
fn check_line(
    engine: &Engine,
    policy: &Policy,
    raw_line: &[u8],
    location: LineLocation<'_>,
    out: &mut Vec<u8>,
    on_decision: &mut OnDecision<'_>,
) -> Result<LineOutcome> {
    let line = record::trim_line_end(raw_line);
    if record::is_blank(line) {
        return Ok(LineOutcome::Skipped);
    }
    let event = match parse_event(line) {
        Ok(event) => event,
        Err(error) => {
            let id = std::str::from_utf8(line)
                .ok()
                .and_then(|text| serde_json::from_str::<IdOnly>(text).ok())
                .and_then(|id_only| id_only.id);
            json_out::write_error_line_with_id(out, id.as_deref(), &location, &error);
            return Ok(LineOutcome::Failed);
        }
    };
    let id = event.id.as_deref();
    let decided = decide_event(engine, policy, &event);
    let decided = decided.and_then(|decided| match on_decision(&event, &decided) {
        Ok(Ok(extra)) => Ok(Ok((decided, extra))),
        Ok(Err(message)) => Err(message),
        Err(fatal) => Ok(Err(fatal)),
    });
    match decided {
        Ok(Ok((decided, extra))) => {
            let line = DecisionLine {
                id,
                decision: &decided.decision,
                extra,
            };
            // A decision always serialises: its strings are valid and its floats finite
            // or written as null.
            let _ = serde_json::to_writer(&mut *out, &line);
            out.push(b'\n');
            Ok(LineOutcome::Written)
        }
        Ok(Err(fatal)) => Err(fatal),
        Err(error) => {
            json_out::write_error_line_with_id(out, id, &location, &error);
            Ok(LineOutcome::Failed)
        }
    }
}

/// Reads an event, with an error that names the field (`sender: missing field `role``).
pub(crate) fn parse_event(line: &[u8]) -> Result<LineEvent, String> {
    let text = std::str::from_utf8(line).map_err(|error| {
        format!(
            "invalid UTF-8 at byte {} of the line",
            error.valid_up_to() + 1
        )
    })?;
    if !text.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(error) => describe_json_error(&error, ""),
            Ok(_) => "expected a JSON object (an event), not another JSON value".to_owned(),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let event: LineEvent =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = error.path().to_string();
            describe_json_error(error.inner(), &path)
        })?;
    deserializer
        .end()
        .map_err(|error| describe_json_error(&error, ""))?;
    Ok(event)
}

/// serde_json's message without its "at line 1 column N" (each line is its own document),
/// prefixed with the field it is about and followed by the column.
fn describe_json_error(error: &serde_json::Error, path: &str) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    let prefix = match error.classify() {
        serde_json::error::Category::Data if !path.is_empty() && path != "." => {
            format!("\"{path}\": ")
        }
        serde_json::error::Category::Data => String::new(),
        _ => "invalid JSON: ".to_owned(),
    };
    format!("{prefix}{detail} (at column {})", error.column())
}

/// Decides on one event through the shared decision path (which also catches a panic of
/// the engine, so one line fails instead of the whole run).
pub(crate) fn decide_event(
    engine: &Engine,
    policy: &Policy,
    event: &LineEvent,
) -> Result<Decided, String> {
    offside::decide(engine, policy, event, Vec::new(), offside::now()).map_err(|error| error.0)
}
