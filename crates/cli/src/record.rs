//! One line of JSONL input, parsed without copying.
//!
//! The input record is `{"id": any, "text": "..."}` or `{"id": any, "conversation":
//! [{"from": "...", "text": "..."}, ...]}`, with an optional `"region"`. Strings borrow from
//! the line unless they contain escapes, and the `id` is kept as the raw JSON text so that it
//! can be echoed verbatim (a number stays `7`, not `7.0`; an object keeps its key order).
//! Every way a line can be wrong becomes a [`RecordError`] whose message names the problem;
//! nothing here panics on any byte string.

use std::borrow::Cow;
use std::fmt;

use offside_detect::Region;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde_json::value::RawValue;

/// A string field that borrows from the input line when it can. `EXPECTING` is what the
/// error message says the field should have been.
macro_rules! borrowed_string_field {
    ($(#[$doc:meta])* $name:ident, $expecting:literal) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name<'a>(pub Cow<'a, str>);

        impl<'de: 'a, 'a> Deserialize<'de> for $name<'a> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct FieldVisitor;
                impl<'de> Visitor<'de> for FieldVisitor {
                    type Value = Cow<'de, str>;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                        Ok(Cow::Borrowed(v))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                        Ok(Cow::Owned(v.to_owned()))
                    }
                    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                        Ok(Cow::Owned(v))
                    }
                }
                deserializer.deserialize_str(FieldVisitor).map($name)
            }
        }
    };
}

borrowed_string_field!(
    /// The `text` of a message.
    MessageText,
    "a string for \"text\""
);
borrowed_string_field!(
    /// The `region` hint of a line.
    RegionCode,
    "a two-letter region code string for \"region\", such as \"GB\""
);

/// The fields of an input line that offside reads; any other field is skipped.
#[derive(Debug, serde::Deserialize)]
#[serde(expecting = "a JSON object with \"text\" or \"conversation\"")]
pub struct Record<'a> {
    /// The caller's identifier, echoed verbatim. `None` when absent or `null`.
    #[serde(borrow, default)]
    pub id: Option<&'a RawValue>,
    /// A single message.
    #[serde(borrow, default)]
    pub text: Option<MessageText<'a>>,
    /// The recent messages of one conversation, oldest first.
    #[serde(borrow, default)]
    pub conversation: Option<Vec<ConversationMessage<'a>>>,
    /// The region to assume for phone numbers without a country code.
    #[serde(borrow, default)]
    pub region: Option<RegionCode<'a>>,
}

/// One message of a conversation.
#[derive(Debug, serde::Deserialize)]
#[serde(expecting = "a conversation message object with \"text\"")]
pub struct ConversationMessage<'a> {
    /// Who wrote it, echoed verbatim by `redact`; offside does not interpret it.
    #[serde(borrow, default)]
    pub from: Option<&'a RawValue>,
    /// What they wrote; [`Record::body`] rejects a conversation where it is missing.
    #[serde(borrow, default)]
    text: Option<MessageText<'a>>,
}

impl ConversationMessage<'_> {
    /// The message text (empty if missing, which [`Record::body`] does not let through).
    pub fn text(&self) -> &str {
        self.text.as_ref().map_or("", |text| &text.0)
    }
}

/// What a line asks to scan.
#[derive(Debug)]
pub enum Body<'r, 'a> {
    /// One message.
    Text(&'r str),
    /// A conversation, oldest message first.
    Conversation(&'r [ConversationMessage<'a>]),
}

/// Why a line could not be scanned. The `Display` form is the `"error"` of the output line.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordError {
    /// The line's bytes are not UTF-8.
    InvalidUtf8 {
        /// Byte offset (0-based) of the first invalid byte.
        byte: usize,
    },
    /// The line is not JSON, or stops in the middle of a value.
    InvalidJson {
        /// 1-based column (in bytes) where the parser gave up.
        column: usize,
        /// What the parser expected.
        detail: String,
    },
    /// The line is JSON, but a field has the wrong type or shape.
    InvalidField {
        /// 1-based column (in bytes) where the parser gave up.
        column: usize,
        /// What was wrong.
        detail: String,
    },
    /// The line is valid JSON but not an object.
    NotAnObject,
    /// Neither `"text"` nor `"conversation"` is present.
    MissingBody,
    /// A conversation message has no `"text"`.
    MissingMessageText {
        /// Its 0-based index in the conversation.
        message_idx: usize,
    },
    /// Both `"text"` and `"conversation"` are present.
    AmbiguousBody,
    /// The `"region"` is not a known region code.
    UnknownRegion(String),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::InvalidUtf8 { byte } => {
                write!(f, "invalid UTF-8 at byte {} of the line", byte + 1)
            }
            RecordError::InvalidJson { column, detail } => {
                write!(f, "invalid JSON at column {column}: {detail}")
            }
            RecordError::InvalidField { column, detail } => {
                write!(f, "{detail} (at column {column})")
            }
            RecordError::NotAnObject => f.write_str(
                "expected a JSON object with \"text\" or \"conversation\", not another JSON value",
            ),
            RecordError::MissingBody => {
                f.write_str("missing \"text\" (or \"conversation\"): nothing to scan")
            }
            RecordError::MissingMessageText { message_idx } => write!(
                f,
                "conversation message {message_idx} (counting from 0) has no \"text\""
            ),
            RecordError::AmbiguousBody => {
                f.write_str("both \"text\" and \"conversation\" given: use one of them")
            }
            RecordError::UnknownRegion(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for RecordError {}

impl<'a> Record<'a> {
    /// Parses one line (without its line terminator).
    pub fn parse(line: &'a [u8]) -> Result<Record<'a>, RecordError> {
        let line = std::str::from_utf8(line).map_err(|error| RecordError::InvalidUtf8 {
            byte: error.valid_up_to(),
        })?;
        // serde would also read a struct from an array of its fields in order; a line must
        // be an object.
        let first = line.trim_start_matches(|c: char| c.is_ascii_whitespace());
        if !first.starts_with('{') {
            let value = serde_json::from_str::<de::IgnoredAny>(line);
            return Err(match value {
                Err(error) => record_error_from_json(error),
                Ok(_) => RecordError::NotAnObject,
            });
        }
        serde_json::from_str(line).map_err(record_error_from_json)
    }

    /// What to scan: the text or the conversation, exactly one of them.
    pub fn body(&self) -> Result<Body<'_, 'a>, RecordError> {
        match (&self.text, &self.conversation) {
            (Some(text), None) => Ok(Body::Text(&text.0)),
            (None, Some(conversation)) => {
                match conversation
                    .iter()
                    .position(|message| message.text.is_none())
                {
                    Some(message_idx) => Err(RecordError::MissingMessageText { message_idx }),
                    None => Ok(Body::Conversation(conversation)),
                }
            }
            (None, None) => Err(RecordError::MissingBody),
            (Some(_), Some(_)) => Err(RecordError::AmbiguousBody),
        }
    }

    /// The line's region hint, if it has one.
    pub fn region(&self, cache: &mut RegionCache) -> Result<Option<Region>, RecordError> {
        match &self.region {
            None => Ok(None),
            Some(code) => cache.parse(&code.0).map(Some),
        }
    }
}

/// Remembers the last region code parsed: inputs usually repeat one or a few regions, and
/// this keeps region parsing off the per-line cost.
#[derive(Debug, Default)]
pub struct RegionCache {
    last: Option<(String, Region)>,
}

impl RegionCache {
    /// Parses `code`, reusing the previous result when the code is the same.
    pub fn parse(&mut self, code: &str) -> Result<Region, RecordError> {
        if let Some((last_code, region)) = &self.last {
            if last_code == code {
                return Ok(*region);
            }
        }
        let region =
            Region::parse(code).map_err(|error| RecordError::UnknownRegion(error.to_string()))?;
        self.last = Some((code.to_owned(), region));
        Ok(region)
    }
}

/// Turns a serde_json error into a message about the line, without serde_json's "line 1"
/// (every input line is its own document).
fn record_error_from_json(error: serde_json::Error) -> RecordError {
    let column = error.column();
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), column);
    let detail = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    match error.classify() {
        serde_json::error::Category::Data => RecordError::InvalidField { column, detail },
        _ => RecordError::InvalidJson { column, detail },
    }
}

/// Whether a line has nothing but whitespace (such lines are skipped, not errors).
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// The line without its terminator (`\n` or `\r\n`).
pub fn trim_line_end(mut line: &[u8]) -> &[u8] {
    if let [rest @ .., b'\n'] = line {
        line = rest;
    }
    if let [rest @ .., b'\r'] = line {
        line = rest;
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(line: &str) -> String {
        match Record::parse(line.as_bytes()).and_then(|record| record.body().map(|_| ())) {
            Ok(()) => "ok".to_owned(),
            Err(error) => error.to_string(),
        }
    }

    #[test]
    fn text_borrows_unless_escaped() {
        let record = Record::parse(br#"{"id": 1, "text": "plain"}"#).unwrap();
        assert!(matches!(
            record.text.as_ref().unwrap().0,
            Cow::Borrowed("plain")
        ));
        let record = Record::parse(br#"{"id": 1, "text": "tab\there"}"#).unwrap();
        assert_eq!(record.text.as_ref().unwrap().0, "tab\there");
    }

    #[test]
    fn id_is_kept_verbatim() {
        let record = Record::parse(br#"{"id": {"b": [1, 2.50]}, "text": ""}"#).unwrap();
        assert_eq!(record.id.unwrap().get(), r#"{"b": [1, 2.50]}"#);
        let record = Record::parse(br#"{"text": "", "id": null}"#).unwrap();
        assert!(record.id.is_none());
    }

    #[test]
    fn errors_name_the_problem() {
        let table = [
            (r#"{"id": 1, "text": "a""#, "invalid JSON at column 21: EOF"),
            (r#"{"id": 1, "txt": "a"}"#, "missing \"text\""),
            (r#"{"id": 1, "text": 5}"#, "expected a string for \"text\""),
            (r#"[1, 2]"#, "expected a JSON object"),
            (r#""just a string""#, "expected a JSON object"),
            ("hello", "invalid JSON at column 1"),
            ("", "invalid JSON at column 0: EOF"),
            (
                r#"{"id": 1, "text": "a", "conversation": []}"#,
                "both \"text\"",
            ),
            (
                r#"{"id": 1, "conversation": [{"text": "a"}, {"from": "A"}]}"#,
                "conversation message 1 (counting from 0) has no \"text\"",
            ),
            (
                r#"{"id": 1, "region": 44, "text": "a"}"#,
                "region code string",
            ),
            (r#"{"id": 1, "text": "a"} x"#, "trailing characters"),
        ];
        for (line, expected) in table {
            let message = error_of(line);
            assert!(message.contains(expected), "{line}: {message}");
        }
    }

    #[test]
    fn invalid_utf8_is_an_error_not_a_panic() {
        let error = Record::parse(b"{\"text\": \"\xff\"}").unwrap_err();
        assert_eq!(error, RecordError::InvalidUtf8 { byte: 10 });
    }

    #[test]
    fn region_cache_rejects_unknown_codes() {
        let mut cache = RegionCache::default();
        assert!(cache.parse("GB").is_ok());
        assert!(cache.parse("GB").is_ok());
        let message = cache.parse("USA").unwrap_err().to_string();
        assert!(message.contains("\"USA\""), "{message}");
    }

    #[test]
    fn line_ends_are_trimmed() {
        assert_eq!(trim_line_end(b"a\r\n"), b"a");
        assert_eq!(trim_line_end(b"a\n"), b"a");
        assert_eq!(trim_line_end(b"a"), b"a");
        assert!(is_blank(b" \t\r"));
    }
}
