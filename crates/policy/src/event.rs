//! What happened: who sent what to whom, on which surface, at which stage of their
//! relationship. This is the input format of `offside check`, one event a line.
//!
//! The wire format is loose where JSON is loose (an id may be a string or a number) and
//! strict everywhere else: unknown fields are errors, because a misspelt
//! `"conversion_fee_paid"` that was silently ignored would change the decision. The
//! relationship is checked once, in [`Event::relationship_state`], into a
//! [`RelationshipState`] that the rules read instead of a handful of booleans.

use std::fmt;
use std::str::FromStr;

use jiff::{ToSpan, Zoned};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// One event to decide on. `Id` is the caller's: the policy never reads it, and
/// `offside check` keeps it as raw JSON so that it is echoed verbatim.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Event<Id> {
    /// The caller's identifier of the event, echoed in the decision.
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// A single message. Exactly one of `text` and `conversation` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The recent messages of one conversation, oldest first. Only findings in messages
    /// whose `from` is the sender's id count against the sender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Vec<ConversationMessage>>,
    /// Where the text was typed.
    pub surface: Surface,
    /// When the text is sent (or was sent): the clock of every time rule.
    pub at: Time,
    /// Who wrote it: the only party a violation is ever held against.
    pub sender: Party,
    /// Who receives it, when there is one party (not on public surfaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Party>,
    /// The two parties' contract history.
    pub relationship: Relationship,
    /// What the attachment is, for `"surface": "attachment"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
    /// Why the text was sent, when the platform knows (its "request access" flow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Purpose>,
    /// The ISO 3166 region to assume for phone numbers without a country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The platform's conversation id, carried along for the caller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
}

fn none<T>() -> Option<T> {
    None
}

/// One message of a conversation.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConversationMessage {
    /// The id of the party who wrote it.
    pub from: PartyId,
    /// What they wrote.
    pub text: String,
}

/// Where a text was typed. Some surfaces are public (see the policy's
/// `rules.contact.public_surfaces`); the others are between two parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Surface {
    /// A message in a conversation.
    Message,
    /// A proposal sent for a job.
    Proposal,
    /// A job post, public.
    JobPost,
    /// A user's profile, public.
    Profile,
    /// The text of an attached file.
    Attachment,
    /// A review left after a contract, shown on the reviewed user's profile.
    Review,
}

impl Surface {
    /// Every surface, in a stable order.
    pub const ALL: [Surface; 6] = [
        Surface::Message,
        Surface::Proposal,
        Surface::JobPost,
        Surface::Profile,
        Surface::Attachment,
        Surface::Review,
    ];

    /// The snake-case name used in JSON and in the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            Surface::Message => "message",
            Surface::Proposal => "proposal",
            Surface::JobPost => "job_post",
            Surface::Profile => "profile",
            Surface::Attachment => "attachment",
            Surface::Review => "review",
        }
    }

    /// The surface in a sentence: "job post".
    pub fn noun(self) -> &'static str {
        match self {
            Surface::JobPost => "job post",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for Surface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A user's id: a string, or a number (kept as its decimal form) since platforms use both.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PartyId(pub String);

impl<'de> Deserialize<'de> for PartyId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PartyId, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = PartyId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a user id (a string or an integer)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartyId, E> {
                Ok(PartyId(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<PartyId, E> {
                Ok(PartyId(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<PartyId, E> {
                Ok(PartyId(v.to_string()))
            }
        }
        deserializer.deserialize_any(IdVisitor)
    }
}

impl Serialize for PartyId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// One side of an event.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// The user's id; conversation messages name their author by it.
    pub id: PartyId,
    /// Client or freelancer.
    pub role: Role,
    /// The account's plan (`"enterprise"`...), when it has one that matters to the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
}

/// Which side of the marketplace a user is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Hires (or a guest, a buyer).
    Client,
    /// Is hired (or a host, a seller).
    Freelancer,
}

/// The contract history of the two parties, as the platform sends it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// Whether a contract exists, existed, or never did.
    pub state: ContractState,
    /// When their first contract started; required unless `state` is `none`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_contract_at: Option<Time>,
    /// When their last contract ended, for `state` `ended` (informative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Time>,
    /// The conversion fee was paid: payment may leave the platform.
    #[serde(default, skip_serializing_if = "is_false")]
    pub conversion_fee_paid: bool,
    /// The two parties knew each other before the platform: the two-year rule does not
    /// apply to them.
    #[serde(default, skip_serializing_if = "is_false")]
    pub started_off_platform: bool,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// The `state` of a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContractState {
    /// No contract between the two parties, ever.
    None,
    /// A contract is in place.
    Active,
    /// They had a contract; none is running now.
    Ended,
}

impl ContractState {
    /// The snake-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ContractState::None => "none",
            ContractState::Active => "active",
            ContractState::Ended => "ended",
        }
    }
}

/// What an attached file is.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    /// The kind of document, as the uploader declared it. When it is not given, offside may
    /// recognise a legal document from the file's content (see [`Attachment::recognised`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AttachmentKind>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What offside recognised the file as from its content. Set by offside after reading
    /// the file, never read from the caller's input (a caller who knows says `kind`).
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub recognised: Option<Recognised>,
}

impl Attachment {
    /// The kind the rules use: the declared one, else the recognised one, else none.
    pub fn effective_kind(&self) -> Option<AttachmentKind> {
        self.kind.or(self.recognised.as_ref().map(|r| r.kind))
    }
}

/// A kind recognised from a document's content, and the evidence for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recognised {
    /// What the document was recognised as.
    pub kind: AttachmentKind,
    /// Why, in a sentence a reviewer can check against the file.
    pub reason: String,
}

/// The kinds of attachment the policy tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    /// A non-disclosure agreement.
    Nda,
    /// A business licence.
    BusinessLicense,
    /// An identity document for a local authority.
    IdDocument,
    /// Background-check paperwork.
    BackgroundCheck,
    /// Anything else.
    Other,
}

impl AttachmentKind {
    /// The snake-case name used in JSON and in the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentKind::Nda => "nda",
            AttachmentKind::BusinessLicense => "business_license",
            AttachmentKind::IdDocument => "id_document",
            AttachmentKind::BackgroundCheck => "background_check",
            AttachmentKind::Other => "other",
        }
    }

    /// The document in a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            AttachmentKind::Nda => "an NDA",
            AttachmentKind::BusinessLicense => "a business licence",
            AttachmentKind::IdDocument => "an ID document",
            AttachmentKind::BackgroundCheck => "background-check paperwork",
            AttachmentKind::Other => "a document",
        }
    }
}

/// Why a text was sent, when the platform knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Sharing an address so the other side can invite it to a system needed to scope the
    /// work (a code host, an analytics account...).
    ScopingAccess,
}

/// An instant, written in RFC 3339 (`2025-05-06T10:00:00Z`, `2025-05-06T12:00:00+02:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub jiff::Timestamp);

impl Time {
    /// `months` calendar months after this instant, counted in UTC (the two-year rule is
    /// 24 months: 2024-02-29 + 24 months is 2026-02-28). `None` if out of range.
    pub fn plus_months(self, months: u32) -> Option<Time> {
        let zoned: Zoned = self.0.to_zoned(jiff::tz::TimeZone::UTC);
        let later = zoned.checked_add(i64::from(months).months()).ok()?;
        Some(Time(later.timestamp()))
    }

    /// The UTC calendar date, for notices: `2026-05-06`.
    pub fn date(self) -> String {
        self.0.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()
    }
}

impl FromStr for Time {
    type Err = String;
    fn from_str(text: &str) -> Result<Time, String> {
        // jiff also reads RFC 9557 (`...Z[Europe/Paris]`), a superset; the offset is what
        // fixes the instant. jiff takes offsets up to ±25:59:59; RFC 3339's are hours 00-23
        // and minutes, so +25:00 or +05:30:15 are refused here.
        let shown = quote_prefix(text);
        let time = jiff::Timestamp::from_str(text).map(Time).map_err(|error| {
            // jiff's message may quote the rest of the input: keep its start only.
            let error = error.to_string();
            let error = match error.char_indices().nth(160) {
                Some((cut, _)) => format!("{}…", &error[..cut]),
                None => error,
            };
            format!(
                "invalid RFC 3339 timestamp {shown} ({error}); expected a date, time and offset such as \"2025-05-06T10:00:00Z\""
            )
        })?;
        let offset = jiff::fmt::temporal::Pieces::parse(text)
            .ok()
            .and_then(|pieces| match pieces.offset() {
                Some(jiff::fmt::temporal::PiecesOffset::Numeric(numeric)) => {
                    Some(numeric.offset().seconds())
                }
                _ => None,
            });
        if let Some(seconds) = offset {
            if seconds.unsigned_abs() >= 24 * 3600 || seconds % 60 != 0 {
                return Err(format!(
                    "invalid RFC 3339 timestamp {shown}: the offset must be hours 00-23 and minutes, such as \"+05:30\""
                ));
            }
        }
        Ok(time)
    }
}

/// `text` quoted for an error message, cut to its first 40 characters when longer.
fn quote_prefix(text: &str) -> String {
    match text.char_indices().nth(40) {
        None => format!("{text:?}"),
        Some((cut, _)) => format!("{:?}… ({} bytes)", &text[..cut], text.len()),
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Time, D::Error> {
        struct TimeVisitor;
        impl Visitor<'_> for TimeVisitor {
            type Value = Time;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp string such as \"2025-05-06T10:00:00Z\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Time, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(TimeVisitor)
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// What an event asks to check.
#[derive(Debug, Clone, Copy)]
pub enum Body<'e> {
    /// One text.
    Text(&'e str),
    /// A conversation, oldest message first.
    Conversation(&'e [ConversationMessage]),
}

/// Where the two parties stand, computed once from [`Relationship`] and the event's time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RelationshipState {
    /// Whether a contract exists.
    pub stage: ContractStage,
    /// Whether off-platform payment is still a violation between them.
    pub payment: PaymentRule,
}

/// Whether the two parties have a contract: what the contact rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractStage {
    /// No contract yet: contact details are a violation on every surface.
    BeforeContract,
    /// A contract is running: private surfaces may carry contact details.
    UnderContract,
    /// A contract ran and ended: private surfaces may still carry contact details.
    AfterContract,
}

/// Whether off-platform payment is a violation for this relationship at this time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentRule {
    /// It is a violation. `until` is when that stops (the end of the two-year window);
    /// `None` before any contract, when the window has not started.
    Applies {
        /// The first instant at which payment may leave the platform.
        until: Option<Time>,
    },
    /// It is not a violation any more, and why.
    Lifted(PaymentLifted),
}

/// Why off-platform payment is no longer a violation between two parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentLifted {
    /// The conversion fee was paid.
    ConversionFeePaid,
    /// The relationship started off the platform.
    StartedOffPlatform,
    /// The window after the first contract has passed.
    WindowPassed {
        /// When it passed.
        at: Time,
    },
}

/// Why an event cannot be decided. The `Display` form names the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EventError {
    /// Neither `text` nor `conversation`.
    #[error("missing \"text\" (or \"conversation\"): nothing to check")]
    MissingBody,
    /// Both `text` and `conversation`.
    #[error("both \"text\" and \"conversation\" given: use one of them")]
    AmbiguousBody,
    /// `state` is `active` or `ended` without `first_contract_at`.
    #[error("relationship.first_contract_at is required when relationship.state is {state:?}")]
    MissingFirstContract {
        /// The state given.
        state: &'static str,
    },
    /// `state` is `none` but a contract date is given.
    #[error("relationship.{field} is given but relationship.state is \"none\" (no contract)")]
    ContractDateWithoutContract {
        /// `first_contract_at` or `ended_at`.
        field: &'static str,
    },
    /// `ended_at` with a running contract.
    #[error("relationship.ended_at is given but relationship.state is \"active\"; use \"ended\"")]
    EndedWhileActive,
    /// The first contract starts after the event.
    #[error(
        "relationship.first_contract_at ({first_contract_at}) is after the event's \"at\" ({at})"
    )]
    ContractAfterEvent {
        /// The first contract's start.
        first_contract_at: Time,
        /// The event's time.
        at: Time,
    },
    /// An `attachment` on another surface than `attachment`.
    #[error("\"attachment\" is given but \"surface\" is {surface:?}; attachment details go with \"surface\": \"attachment\"")]
    AttachmentOnOtherSurface {
        /// The surface given.
        surface: &'static str,
    },
    /// The event is dated before the policy's earliest year.
    #[error("\"at\" ({at}) is before {earliest_year}: events from before then are refused (policy: events.earliest_year)")]
    TooEarly {
        /// The event's time.
        at: Time,
        /// The policy's earliest year.
        earliest_year: i16,
    },
    /// The event is dated too far after the moment it is decided.
    #[error("\"at\" ({at}) is more than {max_hours} h after now ({now}): check the sender's clock (policy: events.max_future_skew_hours)")]
    TooFarInFuture {
        /// The event's time.
        at: Time,
        /// The moment it was decided.
        now: Time,
        /// The policy's allowance.
        max_hours: u32,
    },
    /// The two-year window cannot be computed (a date near the end of time).
    #[error("relationship.first_contract_at ({0}) is too far in the future to compute the payment window")]
    WindowOutOfRange(Time),
}

impl<Id> Event<Id> {
    /// What to check: the text or the conversation, exactly one of them.
    pub fn body(&self) -> Result<Body<'_>, EventError> {
        match (&self.text, &self.conversation) {
            (Some(text), None) => Ok(Body::Text(text)),
            (None, Some(messages)) => Ok(Body::Conversation(messages)),
            (None, None) => Err(EventError::MissingBody),
            (Some(_), Some(_)) => Err(EventError::AmbiguousBody),
        }
    }

    /// Checks the relationship against the event and computes where the parties stand.
    /// `window_months` is the policy's payment window (24: the two-year rule).
    pub fn relationship_state(&self, window_months: u32) -> Result<RelationshipState, EventError> {
        let relationship = &self.relationship;
        let stage = match relationship.state {
            ContractState::None => {
                if relationship.first_contract_at.is_some() {
                    return Err(EventError::ContractDateWithoutContract {
                        field: "first_contract_at",
                    });
                }
                if relationship.ended_at.is_some() {
                    return Err(EventError::ContractDateWithoutContract { field: "ended_at" });
                }
                ContractStage::BeforeContract
            }
            ContractState::Active if relationship.ended_at.is_some() => {
                return Err(EventError::EndedWhileActive)
            }
            ContractState::Active => ContractStage::UnderContract,
            ContractState::Ended => ContractStage::AfterContract,
        };
        let first_contract_at = match (stage, relationship.first_contract_at) {
            (ContractStage::BeforeContract, _) => None,
            (_, None) => {
                return Err(EventError::MissingFirstContract {
                    state: relationship.state.as_str(),
                })
            }
            (_, Some(first)) if first > self.at => {
                return Err(EventError::ContractAfterEvent {
                    first_contract_at: first,
                    at: self.at,
                })
            }
            (_, Some(first)) => Some(first),
        };
        let payment = if relationship.conversion_fee_paid {
            PaymentRule::Lifted(PaymentLifted::ConversionFeePaid)
        } else if relationship.started_off_platform {
            PaymentRule::Lifted(PaymentLifted::StartedOffPlatform)
        } else {
            match first_contract_at {
                None => PaymentRule::Applies { until: None },
                Some(first) => {
                    let until = first
                        .plus_months(window_months)
                        .ok_or(EventError::WindowOutOfRange(first))?;
                    if self.at >= until {
                        PaymentRule::Lifted(PaymentLifted::WindowPassed { at: until })
                    } else {
                        PaymentRule::Applies { until: Some(until) }
                    }
                }
            }
        };
        Ok(RelationshipState { stage, payment })
    }

    /// Checks the fields that only make sense together.
    pub fn check_consistency(&self) -> Result<(), EventError> {
        if self.attachment.is_some() && self.surface != Surface::Attachment {
            return Err(EventError::AttachmentOnOtherSurface {
                surface: self.surface.as_str(),
            });
        }
        Ok(())
    }

    /// The texts to scan, oldest first (one for a single text).
    pub fn texts(&self) -> Vec<&str> {
        match (&self.text, &self.conversation) {
            (Some(text), _) => vec![text.as_str()],
            (None, Some(messages)) => messages.iter().map(|m| m.text.as_str()).collect(),
            (None, None) => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(relationship: &str) -> Event<u64> {
        let json = format!(
            r#"{{"id": 1, "text": "hi", "surface": "message", "at": "2026-05-06T10:00:00Z",
               "sender": {{"id": "f1", "role": "freelancer"}}, "relationship": {relationship}}}"#
        );
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn offsets_are_rfc_3339_hours_and_minutes() {
        for good in [
            "2026-05-06T10:00:00Z",
            "2026-05-06T10:00:00+23:59",
            "2026-05-06T10:00:00-12:00",
            "2026-05-06T10:00:00+05:30",
        ] {
            good.parse::<Time>()
                .unwrap_or_else(|e| panic!("{good}: {e}"));
        }
        for bad in [
            "2026-05-06T10:00:00+25:00",
            "2026-05-06T10:00:00-24:00",
            "2026-05-06T10:00:00+05:30:15",
        ] {
            let error = bad.parse::<Time>().unwrap_err();
            assert!(error.contains("offset"), "{bad}: {error}");
        }
        let long = format!("2026-05-06T10:00:00Z{}", "x".repeat(10_000));
        assert!(long.parse::<Time>().unwrap_err().len() < 400);
    }

    #[test]
    fn the_two_year_window_is_24_calendar_months() {
        let inside = event(r#"{"state": "ended", "first_contract_at": "2024-05-07T10:00:00Z"}"#);
        assert_eq!(
            inside.relationship_state(24).unwrap().payment,
            PaymentRule::Applies {
                until: Some("2026-05-07T10:00:00Z".parse().unwrap())
            }
        );
        let passed = event(r#"{"state": "ended", "first_contract_at": "2024-05-05T10:00:00Z"}"#);
        assert!(matches!(
            passed.relationship_state(24).unwrap().payment,
            PaymentRule::Lifted(PaymentLifted::WindowPassed { .. })
        ));
        let exactly = event(r#"{"state": "active", "first_contract_at": "2024-05-06T10:00:00Z"}"#);
        assert!(matches!(
            exactly.relationship_state(24).unwrap().payment,
            PaymentRule::Lifted(PaymentLifted::WindowPassed { .. })
        ));
    }

    #[test]
    fn leap_day_plus_two_years_is_the_end_of_february() {
        let time: Time = "2024-02-29T00:00:00Z".parse().unwrap();
        assert_eq!(time.plus_months(24).unwrap().date(), "2026-02-28");
    }

    #[test]
    fn fee_and_off_platform_start_lift_the_payment_rule_in_every_state() {
        let fee = event(r#"{"state": "none", "conversion_fee_paid": true}"#);
        assert_eq!(
            fee.relationship_state(24).unwrap().payment,
            PaymentRule::Lifted(PaymentLifted::ConversionFeePaid)
        );
        let off = event(
            r#"{"state": "active", "first_contract_at": "2026-01-01T00:00:00Z", "started_off_platform": true}"#,
        );
        assert_eq!(
            off.relationship_state(24).unwrap().payment,
            PaymentRule::Lifted(PaymentLifted::StartedOffPlatform)
        );
        let none = event(r#"{"state": "none"}"#);
        assert_eq!(
            none.relationship_state(24).unwrap(),
            RelationshipState {
                stage: ContractStage::BeforeContract,
                payment: PaymentRule::Applies { until: None }
            }
        );
    }

    #[test]
    fn inconsistent_relationships_name_the_field() {
        let table = [
            (r#"{"state": "active"}"#, "first_contract_at is required"),
            (
                r#"{"state": "none", "first_contract_at": "2026-01-01T00:00:00Z"}"#,
                "relationship.first_contract_at is given",
            ),
            (
                r#"{"state": "active", "first_contract_at": "2026-01-01T00:00:00Z", "ended_at": "2026-02-01T00:00:00Z"}"#,
                "ended_at is given",
            ),
            (
                r#"{"state": "active", "first_contract_at": "2027-01-01T00:00:00Z"}"#,
                "is after the event",
            ),
        ];
        for (relationship, expected) in table {
            let message = event(relationship)
                .relationship_state(24)
                .unwrap_err()
                .to_string();
            assert!(message.contains(expected), "{relationship}: {message}");
        }
    }

    #[test]
    fn bad_timestamps_and_unknown_fields_are_errors() {
        let bad_time = r#"{"text": "hi", "surface": "message", "at": "yesterday",
            "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"}}"#;
        let message = serde_json::from_str::<Event<u64>>(bad_time)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("invalid RFC 3339 timestamp \"yesterday\""),
            "{message}"
        );
        let typo = r#"{"text": "hi", "surface": "message", "at": "2026-01-01T00:00:00Z",
            "sender": {"id": 7, "role": "client"}, "relationship": {"state": "none", "conversion_fee": true}}"#;
        let message = serde_json::from_str::<Event<u64>>(typo)
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("unknown field `conversion_fee`"),
            "{message}"
        );
    }
}
