//! The one error type of the HTTP edge: every failure becomes `{"error": {"code",
//! "message"}}` with a stable code and a status. Internal errors are logged (inside the
//! request's span, so with its request id) and answered with a generic message.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Everything a request can fail with. The codes are part of the API: clients match on them.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// No `Authorization: Bearer` header, or an unknown or revoked key.
    #[error("{0}")]
    Unauthorized(&'static str),
    /// The key lacks the scope the endpoint needs.
    #[error("this API key lacks the scope this endpoint needs (one of: {0})")]
    Forbidden(String),
    /// The body is not JSON.
    #[error("{0}")]
    InvalidJson(String),
    /// The body is JSON but a field is missing, unknown or of the wrong type.
    #[error("{0}")]
    InvalidRequest(String),
    /// The event is well-formed but cannot be decided (inconsistent relationship...).
    #[error("{0}")]
    InvalidEvent(String),
    /// A report names an event that was never recorded.
    #[error("{0}")]
    UnknownEvent(String),
    /// A verdict or appeal names a ledger event that does not exist.
    #[error("{0}")]
    UnknownSubject(String),
    /// A verdict or appeal names a ledger event of the wrong type.
    #[error("{0}")]
    WrongSubject(String),
    /// The event id was recorded before with a different body.
    #[error("{0}")]
    Conflict(String),
    /// No API key with this id.
    #[error("no active API key with id {0:?}")]
    UnknownKey(String),
    /// No such route.
    #[error("no such endpoint: {0}")]
    NotFound(String),
    /// The route exists, with other methods.
    #[error("method not allowed on this endpoint")]
    MethodNotAllowed,
    /// The body is larger than the configured limit.
    #[error("the request body is larger than the limit of {0} bytes")]
    BodyTooLarge(usize),
    /// The body is not declared as JSON.
    #[error("the request body must be JSON, sent with Content-Type: application/json")]
    UnsupportedMediaType,
    /// The key sent more requests than its rate allows.
    #[error("rate limit exceeded for this API key; retry after {retry_after_secs} s")]
    RateLimited {
        /// When a request will be accepted again, rounded up.
        retry_after_secs: u64,
    },
    /// An attachment that cannot be read: corrupt, encrypted, over a limit, or of a type
    /// offside does not read.
    #[error("{0}")]
    UnreadableAttachment(String),
    /// Every attachment reader is busy.
    #[error("too many attachments are being read; retry shortly")]
    Busy,
    /// Anything else: logged, never echoed.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

/// The codes of the API's errors, each with the HTTP status it is sent with: the one list
/// that [`ApiError`] maps onto and that the OpenAPI document's `ErrorCode` schema is derived
/// from (its `enum` is this type's serde names, which a test in `openapi.rs` compares with
/// the codes written here).
macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:ident;)*) => {
        /// A stable error code: the `code` of an error answer.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
        #[non_exhaustive]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $($(#[$doc])* $variant,)*
        }

        impl ErrorCode {
            /// Every code, in the order of the list.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The code as the API writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }

            /// The HTTP status it is sent with.
            pub fn status(self) -> StatusCode {
                match self {
                    $(ErrorCode::$variant => StatusCode::$status,)*
                }
            }
        }
    };
}

error_codes! {
    /// No or an unknown or revoked API key.
    Unauthorized = "unauthorized", UNAUTHORIZED;
    /// The key lacks the endpoint's scope.
    Forbidden = "forbidden", FORBIDDEN;
    /// The body is not JSON.
    InvalidJson = "invalid_json", BAD_REQUEST;
    /// A field is missing, unknown or of the wrong type.
    InvalidRequest = "invalid_request", BAD_REQUEST;
    /// The event cannot be decided.
    InvalidEvent = "invalid_event", UNPROCESSABLE_ENTITY;
    /// A report names an event never recorded.
    UnknownEvent = "unknown_event", NOT_FOUND;
    /// A verdict or appeal names no ledger event.
    UnknownSubject = "unknown_subject", NOT_FOUND;
    /// A verdict or appeal names a ledger event of the wrong type.
    WrongSubject = "wrong_subject", CONFLICT;
    /// The id was recorded before with a different body.
    Conflict = "conflict", CONFLICT;
    /// No API key with this id.
    UnknownKey = "unknown_key", NOT_FOUND;
    /// No such route.
    NotFound = "not_found", NOT_FOUND;
    /// The route exists, with other methods.
    MethodNotAllowed = "method_not_allowed", METHOD_NOT_ALLOWED;
    /// The body is over the limit.
    BodyTooLarge = "body_too_large", PAYLOAD_TOO_LARGE;
    /// The body is not declared as JSON.
    UnsupportedMediaType = "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE;
    /// The key's rate limit is exceeded.
    RateLimited = "rate_limited", TOO_MANY_REQUESTS;
    /// The attachment cannot be read.
    UnreadableAttachment = "unreadable_attachment", UNPROCESSABLE_ENTITY;
    /// Every attachment reader is busy.
    Busy = "busy", SERVICE_UNAVAILABLE;
    /// Anything else (logged, never echoed).
    Internal = "internal", INTERNAL_SERVER_ERROR;
}

/// An error answer: `{"error": {"code", "message"}}`.
#[derive(Serialize, utoipa::ToSchema)]
#[schema(as = Error)]
pub(crate) struct ErrorBody<'a> {
    error: ErrorFields<'a>,
}

/// What went wrong.
#[derive(Serialize, utoipa::ToSchema)]
struct ErrorFields<'a> {
    /// The stable code clients match on.
    code: ErrorCode,
    /// For people: what was wrong with the request.
    message: &'a str,
}

impl ApiError {
    /// The stable code; its status is [`ErrorCode::status`].
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Unauthorized(_) => ErrorCode::Unauthorized,
            ApiError::Forbidden(_) => ErrorCode::Forbidden,
            ApiError::InvalidJson(_) => ErrorCode::InvalidJson,
            ApiError::InvalidRequest(_) => ErrorCode::InvalidRequest,
            ApiError::InvalidEvent(_) => ErrorCode::InvalidEvent,
            ApiError::UnknownEvent(_) => ErrorCode::UnknownEvent,
            ApiError::UnknownSubject(_) => ErrorCode::UnknownSubject,
            ApiError::WrongSubject(_) => ErrorCode::WrongSubject,
            ApiError::Conflict(_) => ErrorCode::Conflict,
            ApiError::UnknownKey(_) => ErrorCode::UnknownKey,
            ApiError::NotFound(_) => ErrorCode::NotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::BodyTooLarge(_) => ErrorCode::BodyTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::RateLimited { .. } => ErrorCode::RateLimited,
            ApiError::UnreadableAttachment(_) => ErrorCode::UnreadableAttachment,
            ApiError::Busy => ErrorCode::Busy,
            ApiError::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The stable code, and the HTTP status it is sent with.
    pub fn code_and_status(&self) -> (&'static str, StatusCode) {
        let code = self.code();
        (code.as_str(), code.status())
    }

    /// An internal error from anything that can become an `anyhow::Error`.
    pub fn internal(error: impl Into<anyhow::Error>) -> ApiError {
        ApiError::Internal(error.into())
    }
}

impl From<offside_ledger::Error> for ApiError {
    fn from(error: offside_ledger::Error) -> ApiError {
        use offside_ledger::Error as Ledger;
        match error {
            Ledger::InvalidEvent { .. } => ApiError::InvalidRequest(error.to_string()),
            Ledger::UnknownSubject { .. } => ApiError::UnknownSubject(error.to_string()),
            Ledger::WrongSubject { .. } => ApiError::WrongSubject(error.to_string()),
            Ledger::Conflict { .. } => ApiError::Conflict(error.to_string()),
            other => ApiError::Internal(other.into()),
        }
    }
}

/// The longest error message sent: messages quote what the caller sent (a field's value,
/// a path), and a long value is never echoed whole.
const MAX_MESSAGE_BYTES: usize = 512;

/// `message` cut to [`MAX_MESSAGE_BYTES`] on a character boundary, marked when cut.
fn cap_message(mut message: String) -> String {
    if message.len() > MAX_MESSAGE_BYTES {
        let mut cut = MAX_MESSAGE_BYTES;
        while !message.is_char_boundary(cut) {
            cut -= 1;
        }
        message.truncate(cut);
        message.push_str("… (cut)");
    }
    message
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let code = self.code();
        let status = code.status();
        let message = match &self {
            ApiError::Internal(error) => {
                // The span of the request carries its id; the client gets the id in the
                // x-request-id header and nothing of the cause.
                tracing::error!(error = format!("{error:#}"), "internal error");
                "internal error; the server log has the details under this response's x-request-id"
                    .to_string()
            }
            other => cap_message(other.to_string()),
        };
        let body = serde_json::to_vec(&ErrorBody {
            error: ErrorFields {
                code,
                message: &message,
            },
        })
        .unwrap_or_default();
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let ApiError::RateLimited { retry_after_secs } = self {
            if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
        }
        response
    }
}
