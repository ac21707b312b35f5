//! The one decision path and the one record path. `offside check`, `offside record`,
//! `offside replay`, `POST /v1/check`, `POST /v1/events`, `POST /v1/attachments`, the
//! console's simulator and the stream consumer (`offside consume`) all decide with
//! [`decide`] (a file's text with [`decide_attachment`], which judges the same way on the
//! findings made in the file's pages) and record with [`record_decided`], so an event gets
//! the same answer whichever way it arrives.
//!
//! Deciding reads everything the event says: its time (refused outside the policy's
//! bounds), its `region`, its conversation (the newest message is judged, the earlier ones
//! are context for values split across messages), and for an attachment its content (a
//! legal document is recognised from its text wherever the text comes from).
//!
//! Recording is idempotent by the event's id: the violations, the answer (with contact
//! values masked) and the evidence (the sender's own words, only when they broke a rule)
//! are committed in one transaction, with a hash of the body. The same id with the same
//! body gets the first answer back and changes nothing; with another body it is a conflict
//! and records nothing. This is what makes HTTP retries and stream redeliveries safe.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use offside_detect::{Engine, Finding, Region};
use offside_ledger::{ContactHasher, Ledger, NewDecision, RecordDecision, StoredDecision};
use offside_policy::event::{Attachment, ConversationMessage, PartyId, Recognised};
use offside_policy::{Decision, Event, Policy, Surface, Time};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::attachments::ScannedDocument;
use crate::error::ApiError;
use crate::state::AppState;

/// An event as the service takes it: the policy's event, with an id that is a string or an
/// integer (kept as its decimal form).
pub type ApiEvent = Event<PartyId>;

/// Texts longer than this (in total) are scanned on the blocking pool, so one huge request
/// does not stall the other requests of its worker thread.
pub(crate) const INLINE_SCAN_BYTES: usize = 32 * 1024;

/// A decision as the API answers it.
#[derive(Serialize)]
pub(crate) struct DecisionAnswer<'a> {
    /// The event's id, when it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) id: Option<&'a str>,
    #[serde(flatten)]
    pub(crate) decision: &'a Decision,
    /// For recorded events: the ledger events written (one per violation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) recorded: Option<Vec<String>>,
}

/// A decision, and what it was made on.
#[derive(Debug, Clone)]
pub struct Decided {
    /// The decision.
    pub decision: Decision,
    /// The messages the decision looked at when earlier messages took part (the earlier
    /// ones followed by the event's text); findings' `message` indices point into it.
    pub with_history: Option<Vec<ConversationMessage>>,
    /// What a reviewer needs to see the evidence in place, as JSON: the sender's own words
    /// (another party's messages are replaced by a placeholder), only when a rule was
    /// broken.
    pub evidence: Option<String>,
}

/// Why an event could not be decided, in words that name the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DecideError(pub String);

/// The event's region hint, parsed; the error names the field.
pub fn event_region<Id>(event: &Event<Id>) -> Result<Option<Region>, DecideError> {
    event
        .region
        .as_deref()
        .map(|code| {
            Region::parse(code).map_err(|error| DecideError(format!("\"region\": {error}")))
        })
        .transpose()
}

/// Now, as the policy's time.
pub fn now() -> Time {
    Time(jiff::Timestamp::now())
}

/// Decides on an event: the one decision every path makes. `earlier` are the recent
/// messages of the event's conversation that the caller keeps (the service's conversation
/// buffer), used when the event carries a single text; `now` is the moment of deciding
/// (events dated outside the policy's bounds around it are refused).
pub fn decide<Id: Clone>(
    engine: &Engine,
    policy: &Policy,
    event: &Event<Id>,
    earlier: Vec<ConversationMessage>,
    now: Time,
) -> Result<Decided, DecideError> {
    policy
        .check_time(event.at, now)
        .map_err(|error| DecideError(error.to_string()))?;
    let region = event_region(event)?;
    let mut event = event.clone();
    let joined = event.text.is_some() && !earlier.is_empty();
    if let (Some(text), true) = (&event.text, joined) {
        let mut messages = earlier;
        messages.push(ConversationMessage {
            from: event.sender.id.clone(),
            text: text.clone(),
        });
        event.text = None;
        event.conversation = Some(messages);
    }
    recognise_attachment(&mut event);
    let findings = panic::catch_unwind(AssertUnwindSafe(|| {
        let texts = event.texts();
        match (&event.text, texts.as_slice()) {
            (Some(text), _) => engine.scan(text, region),
            (None, texts) => engine.scan_conversation(texts, region),
        }
    }))
    .map_err(|_| {
        DecideError("internal error: the detection engine panicked on this event".into())
    })?;
    judge(policy, &event, &findings, joined)
}

/// Decides on an attachment read from a file ([`crate::attachments::read_and_scan`]): the
/// one decision of [`decide`], on the document's text (its segments joined by blank lines)
/// and the findings made in it. `event` gives who sent it to whom and when; its text is
/// replaced by the document's, its surface becomes `attachment`, and its attachment gets the
/// file `name` (unless one is given) and the legal document recognised from the content,
/// which the rules use when the caller declared no kind.
pub fn decide_attachment<Id: Clone>(
    policy: &Policy,
    event: &Event<Id>,
    scanned: &ScannedDocument,
    name: Option<&str>,
    now: Time,
) -> Result<Decided, DecideError> {
    policy
        .check_time(event.at, now)
        .map_err(|error| DecideError(error.to_string()))?;
    let mut event = event.clone();
    event.text = Some(scanned.text.clone());
    event.conversation = None;
    event.surface = Surface::Attachment;
    let attachment = event.attachment.get_or_insert(Attachment {
        kind: None,
        name: None,
        recognised: None,
    });
    if attachment.name.is_none() {
        attachment.name = name.map(str::to_owned);
    }
    attachment.recognised = scanned.recognised.as_ref().map(|c| Recognised {
        kind: crate::attachments::attachment_kind(c),
        reason: c.reason(),
    });
    judge(policy, &event, &scanned.text_findings, false)
}

/// The policy's decision on `findings` in `event`, with the evidence kept for reviewers.
/// `joined`: the event's single text was joined to the conversation's earlier messages, and
/// the answer gives that text alone, masked.
fn judge<Id>(
    policy: &Policy,
    event: &Event<Id>,
    findings: &[Finding],
    joined: bool,
) -> Result<Decided, DecideError> {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        offside_policy::decide(event, findings, policy)
    }))
    .map_err(|_| DecideError("internal error: the policy panicked on this event".into()))?;
    let mut decision = outcome.map_err(|error| DecideError(error.to_string()))?;
    let evidence = evidence(event, &decision);
    let history = if joined {
        event.conversation.clone()
    } else {
        None
    };
    if joined {
        // The caller sent one text: answer with that text, masked.
        if let Some(conversation) = decision.redacted_conversation.take() {
            decision.redacted_text = conversation.into_iter().last().map(|message| message.text);
        }
    }
    Ok(Decided {
        decision,
        with_history: history,
        evidence,
    })
}

/// An attachment whose kind the caller did not declare is recognised from its text: a
/// legal document is one wherever its text arrives from (a file, an event's `text`).
fn recognise_attachment<Id>(event: &mut Event<Id>) {
    if event.surface != Surface::Attachment {
        return;
    }
    let Some(text) = event.text.as_deref() else {
        return;
    };
    let declared = event.attachment.as_ref().and_then(|a| a.kind);
    if declared.is_some() {
        return;
    }
    let recognised = offside_extract::classify(text).map(|classification| Recognised {
        kind: crate::attachments::attachment_kind(&classification),
        reason: classification.reason(),
    });
    if let Some(recognised) = recognised {
        event
            .attachment
            .get_or_insert(Attachment {
                kind: None,
                name: None,
                recognised: None,
            })
            .recognised = Some(recognised);
    }
}

/// The evidence kept for reviewers: only when a rule was broken, and only the sender's own
/// words (what another party wrote is not theirs to keep), with the violating findings'
/// canonical values (the stored answer keeps them masked).
fn evidence<Id>(event: &Event<Id>, decision: &Decision) -> Option<String> {
    if decision.violations.is_empty() {
        return None;
    }
    let findings: Vec<Value> = decision
        .violations
        .iter()
        .flat_map(|violation| &violation.findings)
        .map(|finding| {
            serde_json::to_value(offside_policy::FindingJson(finding)).unwrap_or(Value::Null)
        })
        .collect();
    let content = match (&event.text, &event.conversation) {
        (Some(text), _) => {
            serde_json::json!({ "surface": event.surface, "text": text, "findings": findings })
        }
        (None, Some(messages)) => {
            let messages: Vec<Value> = messages
                .iter()
                .map(|message| {
                    let text = if message.from == event.sender.id {
                        message.text.as_str()
                    } else {
                        "[not kept: written by another party]"
                    };
                    serde_json::json!({ "from": message.from, "text": text })
                })
                .collect();
            serde_json::json!({ "surface": event.surface, "conversation": messages, "findings": findings })
        }
        (None, None) => return None,
    };
    Some(content.to_string())
}

/// The hash of an event's body, without its id: the same id with another body is a
/// conflict.
pub fn request_hash<Id: Serialize>(event: &Event<Id>) -> String {
    let mut value = serde_json::to_value(event).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.remove("id");
    }
    hex::encode(Sha256::digest(value.to_string().as_bytes()))
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
    /// The event cannot be recorded as it is (no id, a time out of range).
    #[error("{0}")]
    Invalid(String),
    /// The ledger refused or failed (a conflict, the database).
    #[error(transparent)]
    Ledger(#[from] offside_ledger::Error),
}

/// Records a decided event: its violations against the sender, the answer and the evidence,
/// in one transaction. The first answer comes back for a repeated id with the same body;
/// another body is [`offside_ledger::Error::Conflict`] and records nothing.
pub async fn record_decided<Id>(
    ledger: &Ledger,
    event: &Event<Id>,
    decided: &Decided,
    how: RecordOptions<'_>,
) -> Result<StoredDecision, RecordError> {
    let at = offside_ledger::to_utc(event.at)
        .ok_or_else(|| RecordError::Invalid("\"at\": out of the range the ledger stores".into()))?;
    let sender = event.sender.id.0.clone();
    let ledger_events = offside_ledger::violation_events(
        &decided.decision,
        RecordDecision {
            source_id: how.key,
            sender: &sender,
            at,
            hasher: how.hasher,
            shadow: how.shadow,
        },
    );
    let recorded: Vec<String> = ledger_events.iter().map(|e| e.id.clone()).collect();
    let response = stored_answer(how.key, &decided.decision, &recorded);
    Ok(ledger
        .record_decision(
            NewDecision {
                event_id: how.key.to_string(),
                account: sender,
                at,
                response,
                evidence: decided.evidence.clone(),
                request_hash: Some(how.request_hash),
            },
            ledger_events,
        )
        .await?)
}

/// Decides on an event for the service: [`decide`] with the conversation buffer's recent
/// messages when the event is a single text with a `conversation_id`.
pub(crate) fn decide_event(state: &AppState, event: &ApiEvent) -> Result<Decided, ApiError> {
    let earlier = match (&event.text, &event.conversation_id) {
        (Some(_), Some(conversation_id)) => state.conversations.recent(conversation_id),
        _ => Vec::new(),
    };
    decide(&state.engine, &state.policy, event, earlier, now())
        .map_err(|error| ApiError::InvalidEvent(error.0))
}

/// Runs CPU-bound work inline when it is small, on the blocking pool when it is not.
pub(crate) async fn cpu<T: Send + 'static>(
    state: &Arc<AppState>,
    n_bytes: usize,
    work: impl FnOnce(&AppState) -> T + Send + 'static,
) -> Result<T, ApiError> {
    if n_bytes <= INLINE_SCAN_BYTES {
        return Ok(work(state));
    }
    let state = state.clone();
    tokio::task::spawn_blocking(move || work(&state))
        .await
        .map_err(ApiError::internal)
}

pub(crate) fn event_bytes(event: &ApiEvent) -> usize {
    event.texts().iter().map(|text| text.len()).sum()
}

pub(crate) fn count_decision(decision: &Decision, endpoint: &'static str) {
    metrics::counter!(
        "offside_decisions_total",
        "action" => decision.action.as_str(),
        "endpoint" => endpoint
    )
    .increment(1);
    for violation in &decision.violations {
        for finding in &violation.findings {
            metrics::counter!("offside_findings_total", "kind" => finding.kind.as_str())
                .increment(1);
        }
    }
}

/// The stored answer to a recorded event.
#[derive(Debug)]
pub struct Recorded {
    /// The event's id.
    pub event_id: String,
    /// The answer, as JSON text: the same bytes for every delivery of the event.
    pub response: String,
    /// True when the event had been recorded before: nothing changed.
    pub duplicate: bool,
}

/// Decides on an event and records it: the decision and its ledger events are committed in
/// one transaction before this returns. An event id seen before returns its first answer
/// (the same body) or a conflict (another body).
pub async fn record(state: &Arc<AppState>, event: ApiEvent) -> Result<Recorded, ApiError> {
    crate::limits::check_event(&event)?;
    let Some(PartyId(id)) = event.id.clone() else {
        return Err(ApiError::InvalidRequest(
            "\"id\" is required: the event's id is its idempotency key".into(),
        ));
    };
    let hash = request_hash(&event);
    if let Some(first) = state.ledger.decision(&id).await? {
        if first
            .request_hash
            .as_ref()
            .is_some_and(|first| *first != hash)
        {
            return Err(offside_ledger::Error::Conflict { event_id: id }.into());
        }
        return Ok(Recorded {
            event_id: id,
            response: first.response,
            duplicate: true,
        });
    }
    let n_bytes = event_bytes(&event);
    let (event, decided) = cpu(state, n_bytes, move |state| {
        let decided = decide_event(state, &event);
        (event, decided)
    })
    .await?;
    let decided = decided?;
    let stored = record_decided(
        &state.ledger,
        &event,
        &decided,
        RecordOptions {
            key: &id,
            hasher: &state.hasher,
            shadow: false,
            request_hash: hash,
        },
    )
    .await
    .map_err(|error| match error {
        RecordError::Invalid(message) => ApiError::InvalidRequest(message),
        RecordError::Ledger(error) => error.into(),
    })?;
    if !stored.duplicate {
        count_decision(&decided.decision, "events");
        if let (Some(conversation_id), Some(text)) = (&event.conversation_id, &event.text) {
            state
                .conversations
                .push(conversation_id, &event.sender.id, text);
        }
    }
    Ok(Recorded {
        event_id: id,
        response: stored.response,
        duplicate: stored.duplicate,
    })
}
