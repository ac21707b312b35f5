//! The one decision path. `offside check`, `offside record`, `offside replay`,
//! `POST /v1/check`, `POST /v1/events`, `POST /v1/attachments`, the console's simulator and
//! the stream consumer (`offside consume`) all decide with [`decide`] (a file's text with
//! [`decide_attachment`], which judges the same way on the findings made in the file's
//! pages), so an event gets the same answer whichever way it arrives.
//!
//! Deciding reads everything the event says: its time (refused outside the policy's
//! bounds), its `region`, its conversation (the newest message is judged, the earlier ones
//! are context for values split across messages), and for an attachment its content (a
//! legal document is recognised from its text wherever the text comes from). A panic of the
//! engine or the policy on one event is caught and becomes that event's error.

use std::panic::{self, AssertUnwindSafe};

use offside_detect::{Engine, Finding, Region};
use offside_policy::event::{Attachment, ConversationMessage, Recognised};
use offside_policy::{Decision, Event, FindingJson, Policy, Surface, Time};
use serde_json::Value;

use crate::attachments::{attachment_kind, ScannedDocument};

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

/// Decides on an attachment read from a file ([`crate::read_and_scan`]): the
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
        kind: attachment_kind(c),
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
        kind: attachment_kind(&classification),
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
        .map(|finding| serde_json::to_value(FindingJson::decision(finding)).unwrap_or(Value::Null))
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
