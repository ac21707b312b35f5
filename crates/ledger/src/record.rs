//! The one record path: a decided event written to the ledger. `offside record`,
//! `POST /v1/events`, `POST /v1/attachments?record=true` and the stream consumer all record
//! with [`record_decided`], so an event is recorded the same way whichever way it arrives.
//!
//! Recording is idempotent by the event's id: the violations ([`crate::violation_events`]),
//! the answer (with contact values masked: raw values are kept only in the evidence) and the
//! evidence (the sender's own words, only when they broke a rule) are committed in one
//! transaction ([`Store::record_decision`]) with a hash of the body ([`request_hash`]). The
//! same id with the same body gets the first answer back and changes nothing; with another
//! body it is [`Error::Conflict`] and records nothing. This is what makes HTTP retries and
//! stream redeliveries safe.

use offside_policy::{Decision, Event as PolicyEvent};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::contacts::ContactHasher;
use crate::error::Error;
use crate::from_decision::{to_utc, violation_events, RecordDecision};
use crate::service::{NewDecision, StoredDecision};
use crate::store::Store;

/// The answer to one event, as the service gives it and the ledger stores it: the event's
/// id, the decision's fields, and for a recorded event the ledger events written.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DecisionAnswer<'a> {
    /// The event's id, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The decision.
    #[serde(flatten)]
    #[cfg_attr(feature = "openapi", schema(value_type = Decision))]
    pub decision: &'a Decision,
    /// For recorded events: the ledger events written (one per violation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<Vec<String>>,
}

/// The answer as stored: the decision with every contact value masked (raw values are
/// kept only in `evidence`), the id and the ledger events written.
pub fn stored_answer(id: &str, decision: &Decision, recorded: &[String]) -> String {
    let answer = DecisionAnswer {
        id: Some(id),
        decision,
        recorded: Some(recorded.to_vec()),
    };
    let mut value = serde_json::to_value(&answer).unwrap_or(Value::Null);
    for list in ["violations", "exceptions"] {
        let Some(items) = value.get_mut(list).and_then(Value::as_array_mut) else {
            continue;
        };
        for item in items {
            let Some(findings) = item.get_mut("findings").and_then(Value::as_array_mut) else {
                continue;
            };
            for finding in findings {
                let kind = finding["kind"].as_str().unwrap_or("").to_owned();
                if let Some(raw) = finding.get("value").and_then(Value::as_str) {
                    let masked = offside_policy::mask_value(&kind, raw);
                    finding["value"] = Value::String(masked);
                }
            }
        }
    }
    value.to_string()
}

/// The hash of an event's body, without its id: the same id with another body is a
/// conflict.
pub fn request_hash<Id: Serialize>(event: &PolicyEvent<Id>) -> String {
    let mut value = serde_json::to_value(event).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.remove("id");
    }
    hex::encode(Sha256::digest(value.to_string().as_bytes()))
}

/// How to record a decided event.
pub struct RecordOptions<'a> {
    /// The event's id: the idempotency key.
    pub key: &'a str,
    /// Hashes contact values with the configured secret.
    pub hasher: &'a ContactHasher,
    /// Shadow mode: violations kept for measurement, no effect on standing.
    pub shadow: bool,
    /// The hash of the request's body ([`request_hash`]).
    pub request_hash: String,
}

/// Why recording failed.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The event cannot be recorded as it is (a time out of the range the ledger stores).
    #[error("{0}")]
    Invalid(String),
    /// The ledger refused or failed (a conflict, the database).
    #[error(transparent)]
    Ledger(#[from] Error),
}

/// Records a decided event: its violations against the sender, the answer and the
/// `evidence` (what the decision keeps for reviewers), in one transaction. The first answer
/// comes back for a repeated id with the same body; another body is [`Error::Conflict`] and
/// records nothing.
pub async fn record_decided<Id: Sync>(
    store: &dyn Store,
    event: &PolicyEvent<Id>,
    decision: &Decision,
    evidence: Option<String>,
    how: RecordOptions<'_>,
) -> Result<StoredDecision, RecordError> {
    let at = to_utc(event.at)
        .ok_or_else(|| RecordError::Invalid("\"at\": out of the range the ledger stores".into()))?;
    let sender = event.sender.id.0.clone();
    let ledger_events = violation_events(
        decision,
        RecordDecision {
            source_id: how.key,
            sender: &sender,
            at,
            hasher: how.hasher,
            shadow: how.shadow,
        },
    );
    let recorded: Vec<String> = ledger_events.iter().map(|e| e.id.clone()).collect();
    let response = stored_answer(how.key, decision, &recorded);
    Ok(store
        .record_decision(
            NewDecision {
                event_id: how.key.to_string(),
                account: sender,
                at,
                response,
                evidence,
                request_hash: Some(how.request_hash),
            },
            ledger_events,
        )
        .await?)
}
