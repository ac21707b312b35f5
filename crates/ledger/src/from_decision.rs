//! From a policy decision to the ledger events that record it.
//!
//! The policy says which rules a message broke; the ledger records one violation per broken
//! rule, against the **sender** only, with its contact values hashed. The event ids derive
//! from the message id and the violation id (`m-42#contact.before_contract`), so recording
//! the same message twice — a retried request, a redelivered stream message — changes
//! nothing.

use chrono::{DateTime, Utc};
use offside_detect::Kind;
use offside_policy::{Action, Decision, RuleName};

use crate::contacts::ContactHasher;
use crate::event::{Event, EventBody, Rule, Violation};

/// How a decision is recorded.
#[derive(Debug, Clone, Copy)]
pub struct RecordDecision<'a> {
    /// The id of the message (or profile edit, proposal...) the decision is about.
    pub source_id: &'a str,
    /// The sender's account: the only party a violation is ever recorded against.
    pub sender: &'a str,
    /// When the message was sent.
    pub at: DateTime<Utc>,
    /// Hashes the contact values found.
    pub hasher: &'a ContactHasher,
    /// Record as would-have-been (shadow mode): kept for measurement, no effect on standing.
    pub shadow: bool,
}

/// The ledger events for a decision: one `violation_recorded` per violation, none when the
/// decision allows the message.
pub fn violation_events(decision: &Decision, how: RecordDecision<'_>) -> Vec<Event> {
    decision
        .violations
        .iter()
        .map(|violation| {
            let mut contacts: Vec<_> = violation
                .findings
                .iter()
                .filter_map(|finding| {
                    let value = finding.value.as_deref()?;
                    is_concrete(finding.kind, value)
                        .then(|| how.hasher.hash(finding.kind.as_str(), value))
                })
                .collect();
            contacts.sort_by(|a, b| (&a.kind, &a.hash).cmp(&(&b.kind, &b.hash)));
            contacts.dedup_by(|a, b| a.kind == b.kind && a.hash == b.hash);
            Event {
                id: format!("{}#{}", how.source_id, violation.id.as_str()),
                at: how.at,
                body: EventBody::ViolationRecorded(Violation {
                    account: how.sender.to_string(),
                    rule: match violation.rule {
                        RuleName::Contact => Rule::Contact,
                        RuleName::Payment => Rule::Payment,
                    },
                    rule_id: violation.id.as_str().to_string(),
                    kinds: violation
                        .kinds
                        .iter()
                        .map(|kind| kind.0.as_str().to_string())
                        .collect(),
                    weight: violation.severity,
                    source_message_id: how.source_id.to_string(),
                    shadow: how.shadow,
                    held: violation.action == Action::Hold,
                    contacts,
                    reported_by: None,
                }),
            }
        })
        .collect()
}

/// Whether a finding's value names one person's contact (an address, a number, a link, a
/// handle) rather than a service many people use (`whatsapp`, `paypal`, `iban`): only
/// concrete values link accounts, or strangers who named the same app would be joined.
pub fn is_concrete(kind: Kind, value: &str) -> bool {
    match kind {
        Kind::Email | Kind::Phone | Kind::Url => !value.trim().is_empty(),
        Kind::Solicitation => false,
        // A service's name is letters, spaces and dashes; a handle, number or address has
        // something else (`@`, digits, `/`, `:`).
        _ => value
            .chars()
            .any(|c| !(c.is_alphabetic() || c == '-' || c == '_' || c == ' ')),
    }
}

/// Converts the policy's time to the ledger's.
pub fn to_utc(time: offside_policy::Time) -> Option<DateTime<Utc>> {
    let ts = time.0;
    DateTime::<Utc>::from_timestamp(ts.as_second(), u32::try_from(ts.subsec_nanosecond()).ok()?)
}
