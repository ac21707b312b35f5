//! The service's side of the one decision path and the one record path: an event of
//! `POST /v1/check`, `POST /v1/events`, the console's simulator or the stream consumer is
//! decided with [`offside::decide`] (joined to the conversation buffer's recent messages
//! when it is a single text with a `conversation_id`) and recorded with
//! [`offside_ledger::record_decided`], the functions `offside check` and `offside record`
//! call too. Large texts are scanned on the blocking pool ([`cpu`]).

use std::sync::Arc;

use offside_ledger::{record_decided, request_hash, RecordError, RecordOptions};
use offside_policy::event::PartyId;
use offside_policy::{Decision, Event};

use offside::Decided;

use crate::error::ApiError;
use crate::state::AppState;

/// An event as the service takes it: the policy's event, with an id that is a string or an
/// integer (kept as its decimal form).
pub type ApiEvent = Event<PartyId>;

/// Texts longer than this (in total) are scanned on the blocking pool, so one huge request
/// does not stall the other requests of its worker thread.
pub(crate) const INLINE_SCAN_BYTES: usize = 32 * 1024;

/// Decides on an event for the service: [`decide`] with the conversation buffer's recent
/// messages when the event is a single text with a `conversation_id`.
pub(crate) fn decide_event(state: &AppState, event: &ApiEvent) -> Result<Decided, ApiError> {
    let earlier = match (&event.text, &event.conversation_id) {
        (Some(_), Some(conversation_id)) => state.conversations.recent(conversation_id),
        _ => Vec::new(),
    };
    offside::decide(&state.engine, &state.policy, event, earlier, offside::now())
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
        &*state.ledger,
        &event,
        &decided.decision,
        decided.evidence.clone(),
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
