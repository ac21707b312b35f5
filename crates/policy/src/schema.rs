//! JSON schemas (feature `openapi`) of the wire types whose JSON is written by hand: a
//! finding ([`FindingJson`]), a finding kind ([`KindName`]), a user id ([`PartyId`]) and an
//! instant ([`Time`]). The other wire types derive theirs next to their serde attributes,
//! so a schema and the JSON it describes are kept in one place.
//!
//! The service builds its OpenAPI document from these; nothing here knows HTTP.

use offside_detect::Kind;
use serde_json::{json, Value};
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::event::{PartyId, Time};
use crate::policy::KindName;
use crate::{FindingJson, LinkRole};

/// A schema written as JSON. The values below are constants checked by the tests, so a
/// malformed one fails there, not in a server.
fn schema(value: Value) -> RefOr<Schema> {
    RefOr::T(serde_json::from_value(value).expect("a well-formed JSON schema"))
}

/// The names of every finding kind, as the JSON writes them.
fn kind_names() -> Vec<&'static str> {
    Kind::ALL.iter().map(|kind| kind.as_str()).collect()
}

impl PartialSchema for KindName {
    fn schema() -> RefOr<Schema> {
        schema(json!({"type": "string", "enum": kind_names(), "description": "A finding kind."}))
    }
}

impl ToSchema for KindName {
    fn name() -> std::borrow::Cow<'static, str> {
        "Kind".into()
    }
}

impl PartialSchema for PartyId {
    fn schema() -> RefOr<Schema> {
        schema(json!({
            "type": ["string", "integer"],
            "description": "A user's id: a string, or an integer (answered as its decimal form)."
        }))
    }
}

impl ToSchema for PartyId {}

impl PartialSchema for Time {
    fn schema() -> RefOr<Schema> {
        schema(json!({
            "type": "string",
            "format": "date-time",
            "description": "An instant in RFC 3339 (`2025-05-06T10:00:00Z`)."
        }))
    }
}

impl ToSchema for Time {}

impl PartialSchema for FindingJson<'_> {
    fn schema() -> RefOr<Schema> {
        let link_roles: Vec<Value> = [
            LinkRole::Own,
            LinkRole::Contact,
            LinkRole::Reference,
            LinkRole::Unknown,
        ]
        .iter()
        .map(|role| json!(role))
        .collect();
        let index = json!({"type": "integer", "minimum": 0});
        schema(json!({
            "type": "object",
            "description": "A finding in a message or a conversation (the fields after `rule` only where they apply).",
            "required": ["kind", "value", "start", "end", "confidence", "rule"],
            "properties": {
                "kind": {"type": "string", "enum": kind_names()},
                "value": {"type": "string", "description": "The value as written (normalised for a split or encoded value)."},
                "start": {"type": "integer", "minimum": 0, "description": "Byte offset of its start in the original text (in a conversation, in message `message`)."},
                "end": {"type": "integer", "minimum": 0, "description": "Byte offset of its end (in a conversation, in the last of `messages`)."},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "rule": {"type": "string", "description": "The detector's rule that made it, e.g. `email/token`."},
                "role": {"type": "string", "enum": link_roles, "description": "A link's role (`offside scan` only)."},
                "message": {"type": "integer", "minimum": 0, "description": "In a conversation: the message it starts in."},
                "messages": {"type": "array", "items": index, "description": "A value split over messages: every message it spans."},
                "parts": {"type": "array", "description": "A split value's span in each message (`offside scan` only).", "items": {
                    "type": "object",
                    "required": ["message", "start", "end"],
                    "properties": {"message": index, "start": index, "end": index}
                }}
            }
        }))
    }
}

impl ToSchema for FindingJson<'_> {
    fn name() -> std::borrow::Cow<'static, str> {
        "Finding".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_schemas_are_well_formed() {
        for (name, schema) in [
            (KindName::name(), KindName::schema()),
            (PartyId::name(), PartyId::schema()),
            (Time::name(), Time::schema()),
            (FindingJson::name(), FindingJson::schema()),
        ] {
            let value = serde_json::to_value(schema).unwrap();
            assert!(value.get("type").is_some(), "{name}: {value}");
        }
    }
}
