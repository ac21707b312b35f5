//! Bounds on the identifiers and free text a caller sends, checked at the edge before
//! anything is decided, stored or cached.
//!
//! An id travels far: it is a key of the ledger, of the conversation cache, of the rate
//! limiter, and it is echoed in answers and error messages. Without a bound, 2,000 events
//! with a 500 KB `conversation_id` hold a gigabyte. Every id is therefore at most
//! [`MAX_ID_BYTES`] and every note or reason at most [`MAX_NOTE_BYTES`]; a longer value gets
//! a `400 invalid_request` that names the field and its length and quotes only its first
//! [`QUOTE_CHARS`] characters ([`quote`]), never the whole value.

use offside_policy::Event;

use crate::error::ApiError;
use crate::ingest::ApiEvent;

/// The longest id accepted: event ids, account (party) ids, conversation ids, key ids,
/// reviewer names, subject ids.
pub const MAX_ID_BYTES: usize = 256;

/// The longest free-text field accepted besides the texts that are scanned: reasons,
/// notes, key names, attachment names, plans.
pub const MAX_NOTE_BYTES: usize = 4096;

/// How much of a caller's value an error message quotes.
pub const QUOTE_CHARS: usize = 40;

/// `value` quoted for an error message: the whole of it when short, else its first
/// [`QUOTE_CHARS`] characters, an ellipsis and its length.
pub fn quote(value: &str) -> String {
    match value.char_indices().nth(QUOTE_CHARS) {
        None => format!("{value:?}"),
        Some((cut, _)) => format!("{:?}… ({} bytes)", &value[..cut], value.len()),
    }
}

/// `Err` when the id `value` of `field` is empty or longer than [`MAX_ID_BYTES`].
pub fn check_id(field: &str, value: &str) -> Result<(), ApiError> {
    if value.is_empty() {
        return Err(ApiError::InvalidRequest(format!("\"{field}\" is empty")));
    }
    check_len(field, value, MAX_ID_BYTES)
}

/// `Err` when the free text `value` of `field` is longer than [`MAX_NOTE_BYTES`].
pub fn check_note(field: &str, value: &str) -> Result<(), ApiError> {
    check_len(field, value, MAX_NOTE_BYTES)
}

fn check_len(field: &str, value: &str, limit: usize) -> Result<(), ApiError> {
    if value.len() > limit {
        return Err(ApiError::InvalidRequest(format!(
            "\"{field}\" is {} bytes, over the limit of {limit}: {}",
            value.len(),
            quote(value)
        )));
    }
    Ok(())
}

/// Checks every id and short text field of an event (the texts themselves are bounded by
/// the body limit and scanned in bounded segments).
pub fn check_event(event: &ApiEvent) -> Result<(), ApiError> {
    check_event_fields(event, event.id.as_ref().map(|id| id.0.as_str()))
}

/// [`check_event`] for an event whose id is of any type, given as text.
pub fn check_event_fields<Id>(event: &Event<Id>, id: Option<&str>) -> Result<(), ApiError> {
    if let Some(id) = id {
        check_id("id", id)?;
    }
    check_id("sender.id", &event.sender.id.0)?;
    if let Some(plan) = &event.sender.plan {
        check_note("sender.plan", plan)?;
    }
    if let Some(recipient) = &event.recipient {
        check_id("recipient.id", &recipient.id.0)?;
        if let Some(plan) = &recipient.plan {
            check_note("recipient.plan", plan)?;
        }
    }
    if let Some(conversation_id) = &event.conversation_id {
        check_id("conversation_id", conversation_id)?;
    }
    for (index, message) in event.conversation.iter().flatten().enumerate() {
        check_id(&format!("conversation[{index}].from"), &message.from.0)?;
    }
    if let Some(name) = event.attachment.as_ref().and_then(|a| a.name.as_ref()) {
        check_note("attachment.name", name)?;
    }
    if let Some(region) = &event.region {
        check_len("region", region, 16)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_quoted_by_a_prefix() {
        assert_eq!(quote("abc"), "\"abc\"");
        let long = "é".repeat(10_000);
        let quoted = quote(&long);
        assert!(quoted.len() < 120, "{quoted}");
        assert!(quoted.ends_with("(20000 bytes)"), "{quoted}");
    }

    #[test]
    fn ids_are_bounded_and_not_echoed_whole() {
        check_id("id", &"a".repeat(MAX_ID_BYTES)).unwrap();
        let long = "a".repeat(100_000);
        let error = check_id("conversation_id", &long).unwrap_err().to_string();
        assert!(error.contains("conversation_id"), "{error}");
        assert!(error.contains("100000 bytes"), "{error}");
        assert!(error.len() < 200, "{error}");
        assert!(check_id("id", "").is_err());
        check_note("note", &"n".repeat(MAX_NOTE_BYTES)).unwrap();
        assert!(check_note("note", &"n".repeat(MAX_NOTE_BYTES + 1)).is_err());
    }
}
