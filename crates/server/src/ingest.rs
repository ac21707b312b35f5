//! Deciding and recording one event: what `POST /v1/check`, `POST /v1/events` and the
//! stream consumer (`offside consume`) share.
//!
//! Recording is idempotent by the event's id: the first answer is stored with the ledger
//! events in one transaction, and every later delivery of the same id gets that answer back
//! and changes nothing. This is what makes HTTP retries and stream redeliveries safe.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use offside_detect::{Finding, Region};
use offside_ledger::{NewDecision, RecordDecision};
use offside_policy::event::{ConversationMessage, PartyId};
use offside_policy::{Decision, Event};
use serde::Serialize;

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

pub(crate) fn event_region(event: &ApiEvent) -> Result<Option<Region>, ApiError> {
    event
        .region
        .as_deref()
        .map(|code| {
            Region::parse(code)
                .map_err(|error| ApiError::InvalidRequest(format!("\"region\": {error}")))
        })
        .transpose()
}

/// Scans and decides on an event. A single text with a `conversation_id` is checked
/// together with the conversation's recent messages, so a value split over several
/// requests is found; only findings that involve the new text count (the earlier messages
/// were decided when they arrived), and the answer's `redacted_text` is the new text's.
pub(crate) fn decide_event(state: &AppState, event: &ApiEvent) -> Result<Decided, ApiError> {
    let region = event_region(event)?;
    let earlier = match (&event.text, &event.conversation_id) {
        (Some(_), Some(conversation_id)) => state.conversations.recent(conversation_id),
        _ => Vec::new(),
    };
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        if earlier.is_empty() {
            return offside_policy::check(&state.engine, &state.policy, event, region).map(
                |decision| Decided {
                    decision,
                    with_history: None,
                },
            );
        }
        decide_with_history(state, event, earlier, region)
    }));
    match outcome {
        Ok(Ok(decided)) => Ok(decided),
        Ok(Err(error)) => Err(ApiError::InvalidEvent(error.to_string())),
        Err(_) => Err(ApiError::internal(anyhow::anyhow!(
            "the detection engine panicked on an event"
        ))),
    }
}

/// A decision, and the conversation it was made on when earlier messages took part.
pub(crate) struct Decided {
    pub(crate) decision: Decision,
    /// The earlier messages of the conversation followed by the event's text, when the
    /// decision looked at them (findings' `message` indices point into it).
    pub(crate) with_history: Option<Vec<ConversationMessage>>,
}

impl Decided {
    /// What a reviewer needs to see the evidence in place, as JSON; `None` when the decision
    /// found nothing to review.
    fn evidence(&self, event: &ApiEvent) -> Option<String> {
        if self.decision.violations.is_empty() {
            return None;
        }
        let content = match (&self.with_history, &event.conversation, &event.text) {
            (Some(messages), _, _) | (None, Some(messages), _) => {
                serde_json::json!({ "surface": event.surface, "conversation": messages })
            }
            (None, None, Some(text)) => {
                serde_json::json!({ "surface": event.surface, "text": text })
            }
            (None, None, None) => return None,
        };
        Some(content.to_string())
    }
}

fn decide_with_history(
    state: &AppState,
    event: &ApiEvent,
    mut messages: Vec<ConversationMessage>,
    region: Option<Region>,
) -> Result<Decided, offside_policy::EventError> {
    let text = event.text.clone().unwrap_or_default();
    messages.push(ConversationMessage {
        from: event.sender.id.clone(),
        text,
    });
    let last = messages.len() - 1;
    let texts: Vec<&str> = messages.iter().map(|m| m.text.as_str()).collect();
    let findings: Vec<Finding> = state
        .engine
        .scan_conversation(&texts, region)
        .into_iter()
        .filter(|finding| finding.message == Some(last) || finding.messages.contains(&last))
        .collect();
    let mut as_conversation = event.clone();
    as_conversation.text = None;
    as_conversation.conversation = Some(messages);
    let mut decision = offside_policy::decide(&as_conversation, &findings, &state.policy)?;
    // The caller sent one text: answer with that text, masked.
    if let Some(conversation) = decision.redacted_conversation.take() {
        decision.redacted_text = conversation.into_iter().last().map(|message| message.text);
    }
    Ok(Decided {
        decision,
        with_history: as_conversation.conversation,
    })
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
/// one transaction before this returns. An event id seen before returns its first answer.
pub async fn record(state: &Arc<AppState>, event: ApiEvent) -> Result<Recorded, ApiError> {
    crate::limits::check_event(&event)?;
    let Some(PartyId(id)) = event.id.clone() else {
        return Err(ApiError::InvalidRequest(
            "\"id\" is required: the event's id is its idempotency key".into(),
        ));
    };
    if let Some(first) = state.ledger.decision(&id).await? {
        return Ok(Recorded {
            event_id: id,
            response: first.response,
            duplicate: true,
        });
    }
    let at = offside_ledger::to_utc(event.at)
        .ok_or_else(|| ApiError::InvalidRequest("\"at\" is out of range".into()))?;
    let n_bytes = event_bytes(&event);
    let (event, decided) = cpu(state, n_bytes, move |state| {
        let decided = decide_event(state, &event);
        (event, decided)
    })
    .await?;
    let decided = decided?;
    let evidence = decided.evidence(&event);
    let decision = decided.decision;
    let sender = event.sender.id.0.clone();
    let ledger_events = offside_ledger::violation_events(
        &decision,
        RecordDecision {
            source_id: &id,
            sender: &sender,
            at,
            hasher: &state.hasher,
            shadow: false,
        },
    );
    let answer = DecisionAnswer {
        id: Some(&id),
        decision: &decision,
        recorded: Some(ledger_events.iter().map(|e| e.id.clone()).collect()),
    };
    let response = serde_json::to_string(&answer).map_err(ApiError::internal)?;
    let stored = state
        .ledger
        .record_decision(
            NewDecision {
                event_id: id.clone(),
                account: sender,
                at,
                response,
                evidence,
            },
            ledger_events,
        )
        .await?;
    if !stored.duplicate {
        count_decision(&decision, "events");
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
