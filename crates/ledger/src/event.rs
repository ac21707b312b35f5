//! The events the ledger records. Every event is a fact that happened at a time; nothing is
//! ever updated or deleted, and an account's standing is derived from these facts alone.
//!
//! Events that act on an earlier event (a verdict, an appeal, a decision) name it by its event
//! id and carry no account of their own: the account is the one of the event they act on, so
//! a verdict can never land on a different account than the violation it judges.

use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize};

use crate::contacts::ContactValue;
use crate::error::Error;

/// The longest event id, account name, message id or reviewer name accepted, in bytes.
pub const MAX_ID_BYTES: usize = 256;

/// The longest free-text note accepted, in bytes.
pub const MAX_NOTE_BYTES: usize = 8192;

/// One recorded fact: a unique id, when it happened, and what happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Unique id chosen by the producer. Recording an id twice changes nothing.
    pub id: String,
    /// When the fact happened (RFC 3339 in JSON). Standing is computed in this order.
    #[serde(deserialize_with = "deserialize_rfc3339")]
    pub at: DateTime<Utc>,
    /// What happened.
    #[serde(flatten)]
    pub body: EventBody,
}

/// What happened, by event type. In JSON: a `"type"` field with the snake-case name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventBody {
    /// A message broke a rule; recorded against its sender.
    ViolationRecorded(Violation),
    /// A user reported a message they received. A mark in the reporter's favour.
    ReportFiled(Report),
    /// A reviewer confirmed or dismissed a violation, or judged a report.
    ReviewVerdict(ReviewVerdict),
    /// The sender of a violation appealed it.
    AppealFiled(AppealFiled),
    /// A reviewer decided an appeal.
    AppealDecided(AppealDecided),
    /// A reviewer lifted the account's current sanction.
    SanctionLifted(SanctionLifted),
    /// A reviewer confirmed the suspension an account's violations reached; until then the
    /// account is held at restriction.
    SuspensionConfirmed(SuspensionConfirmed),
}

/// The rule a violation broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Contact details shared (or asked for) before a contract.
    Contact,
    /// Payment taken or offered off the platform.
    Payment,
}

impl Rule {
    /// The snake-case name used in JSON and SQL.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Contact => "contact",
            Rule::Payment => "payment",
        }
    }
}

/// A violation, recorded against the **sender** of the message: the only party ever at
/// fault. There is deliberately no field for the recipient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    /// The sender's account.
    pub account: String,
    /// Which rule was broken.
    pub rule: Rule,
    /// The policy's rule id (for example `contact/before_contract`), shown to the user.
    pub rule_id: String,
    /// The kinds of findings (for example `email`, `phone`, `paypal`).
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Points this violation adds before decay (normally the ladder's weight for the rule).
    pub weight: f64,
    /// The message (or other source event) the violation was found in.
    pub source_message_id: String,
    /// Recorded by a shadow run: kept for measurement, never moves standing.
    #[serde(default)]
    pub shadow: bool,
    /// The message was held for a reviewer; it waits in the review queue until a verdict.
    #[serde(default)]
    pub held: bool,
    /// Keyed hashes of the contact values found (see [`crate::ContactHasher`]).
    #[serde(default)]
    pub contacts: Vec<ContactValue>,
    /// The user whose report, confirmed by a reviewer, recorded this violation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
}

/// A report filed by the recipient of a message. It never puts anything on the reporter's
/// record except a count in their favour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Who reported.
    pub reporter: String,
    /// The reported message.
    pub message_id: String,
    /// The reported message's sender, when the reporter's surface knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about_account: Option<String>,
    /// What the reporter said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The rule the reporter says was broken; contact when not given. A reviewer who
    /// confirms the report records a violation of it against `about_account`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

/// A reviewer's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The violation (or report) stands.
    Confirm,
    /// The violation was wrong: it stops counting.
    Dismiss,
}

/// A reviewer's verdict on a violation or a report, named by its event id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewVerdict {
    /// The event id of the violation or report under review.
    pub subject_id: String,
    /// Confirm or dismiss.
    pub verdict: Verdict,
    /// Who decided.
    pub reviewer: String,
    /// Why, in the reviewer's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An appeal against a violation, filed by its sender.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppealFiled {
    /// The event id of the appealed violation.
    pub violation_id: String,
    /// What the appellant said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How an appeal was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppealOutcome {
    /// The appeal succeeded: the violation is overturned and stops counting.
    Upheld,
    /// The appeal failed: the violation stands.
    Denied,
}

/// A reviewer's decision on an appeal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppealDecided {
    /// The event id of the appeal.
    pub appeal_id: String,
    /// Upheld or denied.
    pub outcome: AppealOutcome,
    /// Who decided.
    pub reviewer: String,
    /// Why, in the reviewer's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A reviewer confirmed that an account's suspension stands (permanent loss of access
/// comes only after human review).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuspensionConfirmed {
    /// Whose suspension.
    pub account: String,
    /// Who confirmed it.
    pub reviewer: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A reviewer lifted the account's current sanction (the only way a suspension ends).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SanctionLifted {
    /// Whose sanction.
    pub account: String,
    /// Who lifted it.
    pub reviewer: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl EventBody {
    /// The snake-case event type, as stored in the `kind` column.
    pub fn type_name(&self) -> &'static str {
        match self {
            EventBody::ViolationRecorded(_) => "violation_recorded",
            EventBody::ReportFiled(_) => "report_filed",
            EventBody::ReviewVerdict(_) => "review_verdict",
            EventBody::AppealFiled(_) => "appeal_filed",
            EventBody::AppealDecided(_) => "appeal_decided",
            EventBody::SanctionLifted(_) => "sanction_lifted",
            EventBody::SuspensionConfirmed(_) => "suspension_confirmed",
        }
    }

    /// The account the event names itself, if it names one (violations, reports, lifts).
    /// Verdicts, appeals and decisions belong to the account of the event they act on.
    pub fn own_account(&self) -> Option<&str> {
        match self {
            EventBody::ViolationRecorded(violation) => Some(&violation.account),
            EventBody::ReportFiled(report) => Some(&report.reporter),
            EventBody::SanctionLifted(lift) => Some(&lift.account),
            EventBody::SuspensionConfirmed(confirmed) => Some(&confirmed.account),
            EventBody::ReviewVerdict(_)
            | EventBody::AppealFiled(_)
            | EventBody::AppealDecided(_) => None,
        }
    }

    /// The event id this event acts on, if any.
    pub fn subject_id(&self) -> Option<&str> {
        match self {
            EventBody::ReviewVerdict(verdict) => Some(&verdict.subject_id),
            EventBody::AppealFiled(appeal) => Some(&appeal.violation_id),
            EventBody::AppealDecided(decision) => Some(&decision.appeal_id),
            EventBody::ViolationRecorded(_)
            | EventBody::ReportFiled(_)
            | EventBody::SanctionLifted(_)
            | EventBody::SuspensionConfirmed(_) => None,
        }
    }

    /// The message this event is about, if any (violations and reports).
    pub fn message_id(&self) -> Option<&str> {
        match self {
            EventBody::ViolationRecorded(violation) => Some(&violation.source_message_id),
            EventBody::ReportFiled(report) => Some(&report.message_id),
            _ => None,
        }
    }
}

impl Event {
    /// Parses one event from JSON, naming the field that was wrong on failure (a bad
    /// timestamp, an unknown type, a missing account).
    pub fn from_json(json: &str) -> Result<Event, Error> {
        let event: Event = serde_json::from_str(json).map_err(|error| Error::InvalidEvent {
            event_id: String::new(),
            reason: error.to_string(),
        })?;
        event.validate()?;
        Ok(event)
    }

    /// The event as JSON, the form stored in the `payload` column.
    pub fn to_json(&self) -> Result<String, Error> {
        serde_json::to_string(self).map_err(|error| Error::InvalidEvent {
            event_id: self.id.clone(),
            reason: format!("cannot be written as JSON: {error}"),
        })
    }

    /// Checks what the types cannot: ids and names are non-empty, short and free of control
    /// characters, weights are finite and not negative, notes are of a sane length.
    pub fn validate(&self) -> Result<(), Error> {
        let invalid = |reason: String| Error::InvalidEvent {
            event_id: self.id.clone(),
            reason,
        };
        check_id("id", &self.id).map_err(invalid)?;
        // Stored times are fixed-width text so that text order is time order; that holds for
        // four-digit years only.
        if !(1..=9999).contains(&self.at.year()) {
            return Err(invalid(format!(
                "`at` must be between years 0001 and 9999, got {}",
                self.at
            )));
        }
        let mut notes: Vec<&Option<String>> = Vec::new();
        match &self.body {
            EventBody::ViolationRecorded(violation) => {
                check_id("account", &violation.account).map_err(invalid)?;
                check_id("rule_id", &violation.rule_id).map_err(invalid)?;
                check_id("source_message_id", &violation.source_message_id).map_err(invalid)?;
                for kind in &violation.kinds {
                    check_id("kinds[]", kind).map_err(invalid)?;
                }
                if !violation.weight.is_finite() || violation.weight < 0.0 {
                    return Err(invalid(format!(
                        "weight must be a finite number >= 0, got {}",
                        violation.weight
                    )));
                }
                for contact in &violation.contacts {
                    check_id("contacts[].kind", &contact.kind).map_err(invalid)?;
                    if contact.hash.len() != 64
                        || !contact.hash.bytes().all(|b| b.is_ascii_hexdigit())
                    {
                        return Err(invalid(format!(
                            "contacts[].hash must be 64 hex digits (HMAC-SHA256), got {:?}",
                            contact.hash
                        )));
                    }
                }
            }
            EventBody::ReportFiled(report) => {
                check_id("reporter", &report.reporter).map_err(invalid)?;
                check_id("message_id", &report.message_id).map_err(invalid)?;
                if let Some(about) = &report.about_account {
                    check_id("about_account", about).map_err(invalid)?;
                }
                notes.push(&report.reason);
            }
            EventBody::ReviewVerdict(verdict) => {
                check_id("subject_id", &verdict.subject_id).map_err(invalid)?;
                check_id("reviewer", &verdict.reviewer).map_err(invalid)?;
                notes.push(&verdict.note);
            }
            EventBody::AppealFiled(appeal) => {
                check_id("violation_id", &appeal.violation_id).map_err(invalid)?;
                notes.push(&appeal.note);
            }
            EventBody::AppealDecided(decision) => {
                check_id("appeal_id", &decision.appeal_id).map_err(invalid)?;
                check_id("reviewer", &decision.reviewer).map_err(invalid)?;
                notes.push(&decision.note);
            }
            EventBody::SanctionLifted(lift) => {
                check_id("account", &lift.account).map_err(invalid)?;
                check_id("reviewer", &lift.reviewer).map_err(invalid)?;
                notes.push(&lift.note);
            }
            EventBody::SuspensionConfirmed(confirmed) => {
                check_id("account", &confirmed.account).map_err(invalid)?;
                check_id("reviewer", &confirmed.reviewer).map_err(invalid)?;
                notes.push(&confirmed.note);
            }
        }
        // Violation ids end in `#<rule id>` (`m-42#contact.before_contract`); no other
        // event may take such an id, or it could take the place of a violation not yet
        // recorded.
        let is_violation = matches!(self.body, EventBody::ViolationRecorded(_));
        if !is_violation
            && VIOLATION_ID_SUFFIXES
                .iter()
                .any(|suffix| self.id.ends_with(suffix))
        {
            return Err(invalid(
                "ids ending in \"#<rule id>\" are reserved for violations".into(),
            ));
        }
        for note in notes.into_iter().flatten() {
            if note.len() > MAX_NOTE_BYTES || note.contains('\0') {
                return Err(invalid(format!(
                    "note must be at most {MAX_NOTE_BYTES} bytes without NUL characters"
                )));
            }
        }
        if self.id.trim() != self.id {
            return Err(invalid("id must not start or end with whitespace".into()));
        }
        Ok(())
    }
}

/// The endings of violation ids: `#` and a policy rule id.
const VIOLATION_ID_SUFFIXES: [&str; 3] = [
    "#contact.before_contract",
    "#contact.public_surface",
    "#payment.off_platform",
];

/// An identifier is non-empty, at most [`MAX_ID_BYTES`], and has no control characters
/// (PostgreSQL rejects NUL in text, and a newline in an account name is never intended).
fn check_id(field: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("{field} must not be empty"));
    }
    if value.len() > MAX_ID_BYTES {
        return Err(format!(
            "{field} is {} bytes, more than {MAX_ID_BYTES}",
            value.len()
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{field} must not contain control characters"));
    }
    Ok(())
}

/// Reads `at` as RFC 3339 and says so when it is not: chrono's own message ("input contains
/// invalid characters") does not name the field or the value.
fn deserialize_rfc3339<'de, D>(deserializer: D) -> Result<DateTime<Utc>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let text = String::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|error| {
            serde::de::Error::custom(format!(
                "`at` must be an RFC 3339 time such as 2026-01-02T03:04:05Z, got {text:?} ({error})"
            ))
        })
}

/// Formats a time the way the SQL tables store it: RFC 3339 in UTC with nanoseconds, always
/// the same width, so that text order is time order in both backends.
pub(crate) fn sortable_time(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_timestamp_is_named() {
        let json =
            r#"{"id":"e1","at":"yesterday","type":"sanction_lifted","account":"a","reviewer":"r"}"#;
        let error = Event::from_json(json).unwrap_err().to_string();
        assert!(error.contains("`at` must be an RFC 3339 time"), "{error}");
        assert!(error.contains("yesterday"), "{error}");
    }

    #[test]
    fn round_trip_and_type_tag() {
        let json = r#"{"id":"e1","at":"2026-01-02T03:04:05+02:00","type":"report_filed","reporter":"bob","message_id":"m1"}"#;
        let event = Event::from_json(json).unwrap();
        assert_eq!(event.at.to_rfc3339(), "2026-01-02T01:04:05+00:00");
        assert_eq!(event.body.own_account(), Some("bob"));
        let again = Event::from_json(&event.to_json().unwrap()).unwrap();
        assert_eq!(again, event);
    }

    #[test]
    fn invalid_fields_are_named() {
        let json = r#"{"id":"e1","at":"2026-01-02T03:04:05Z","type":"violation_recorded","account":"","rule":"contact","rule_id":"c","weight":1.0,"source_message_id":"m"}"#;
        let error = Event::from_json(json).unwrap_err().to_string();
        assert!(error.contains("account must not be empty"), "{error}");
        let json = r#"{"id":"e1","at":"2026-01-02T03:04:05Z","type":"violation_recorded","account":"a","rule":"contact","rule_id":"c","weight":-1.0,"source_message_id":"m"}"#;
        let error = Event::from_json(json).unwrap_err().to_string();
        assert!(error.contains("weight"), "{error}");
        let json = r#"{"id":"e1","at":"+12026-01-02T03:04:05Z","type":"report_filed","reporter":"bob","message_id":"m1"}"#;
        assert!(Event::from_json(json).is_err());
        let json = r#"{"id":"e1","at":"2026-01-02T03:04:05Z","type":"who_knows"}"#;
        assert!(Event::from_json(json).is_err());
    }

    #[test]
    fn sortable_time_is_fixed_width() {
        let early = "2026-01-02T03:04:05Z".parse::<DateTime<Utc>>().unwrap();
        let later = "2026-01-02T03:04:05.5Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(sortable_time(early).len(), sortable_time(later).len());
        assert!(sortable_time(early) < sortable_time(later));
    }
}
