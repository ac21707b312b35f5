//! Reading an event from JSON with errors that name the field, worded as `offside check`
//! words them (crates/cli/src/commands/check.rs: `parse_event`, `describe_json_error`). The two are
//! kept equal by tests/test_check.py, which compares the messages with the binary's.
//!
//! [`event_from_line`] reads one JSON line as the CLI does: the message names the field
//! (`"sender": missing field `role``) and ends with the column in the line.
//! [`event_from_value`] reads an already parsed JSON value (a Python dict, say): the same
//! messages without the column, which would point into text the caller never wrote.

use serde::de::DeserializeOwned;

use offside_policy::Event;

/// Reads one event from a JSON line. Errors name the field and the column.
pub fn event_from_line<Id: DeserializeOwned>(text: &str) -> Result<Event<Id>, String> {
    if !text.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Err(error) => describe_json_error(&error, "", true),
            Ok(_) => "expected a JSON object (an event), not another JSON value".to_owned(),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let event: Event<Id> =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = error.path().to_string();
            describe_json_error(error.inner(), &path, true)
        })?;
    deserializer
        .end()
        .map_err(|error| describe_json_error(&error, "", true))?;
    Ok(event)
}

/// Reads one event from a parsed JSON value. Errors name the field, as
/// [`event_from_line`]'s do, without a column.
pub fn event_from_value<Id: DeserializeOwned>(
    value: serde_json::Value,
) -> Result<Event<Id>, String> {
    if !value.is_object() {
        return Err("expected a JSON object (an event), not another JSON value".to_owned());
    }
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        describe_json_error(error.inner(), &path, false)
    })
}

/// serde_json's message without its "at line 1 column N" (each line is its own document),
/// prefixed with the field it is about and, for text, followed by the column.
fn describe_json_error(error: &serde_json::Error, path: &str, with_column: bool) -> String {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let detail = full.strip_suffix(&suffix).unwrap_or(&full);
    let prefix = match error.classify() {
        serde_json::error::Category::Data if !path.is_empty() && path != "." => {
            format!("\"{path}\": ")
        }
        serde_json::error::Category::Data => String::new(),
        _ => "invalid JSON: ".to_owned(),
    };
    if with_column {
        format!("{prefix}{detail} (at column {})", error.column())
    } else {
        format!("{prefix}{detail}")
    }
}
