//! The endpoints. [`ENDPOINTS`] is the route table: each endpoint's method, path, the
//! scopes that may call it and the error codes it answers. The router is built from it,
//! the scope check of every `/v1` route reads its scopes there (before the body is read),
//! and the OpenAPI document ([`crate::openapi`]) takes each operation's scopes and errors
//! from it, so what is enforced and what is documented cannot drift apart. Each handler
//! parses, calls the policy or the ledger, and answers JSON; every failure is an
//! [`ApiError`]. The request and answer types derive their JSON schemas
//! (`utoipa::ToSchema`) and each handler carries its `#[utoipa::path]`.
//!
//! | endpoint | scope |
//! |---|---|
//! | `POST /v1/check`, `POST /v1/scan`, `POST /v1/attachments` | check or ingest (recording an attachment: ingest) |
//! | `POST /v1/events`, `POST /v1/reports`, `POST /v1/appeals` | ingest |
//! | `GET /v1/review/queue`, `POST /v1/review/verdicts`, `POST /v1/review/suspensions`, `POST /v1/appeals/decisions` | review |
//! | `GET /v1/accounts/{account}`, `GET /v1/accounts/{account}/linked` | review or ingest |
//! | `POST /v1/keys`, `GET /v1/keys`, `DELETE /v1/keys/{key_id}` | admin |
//! | `GET /healthz`, `GET /metrics`, `GET /openapi.json` | open |
//!
//! (`admin` may call every endpoint.)

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, MethodRouter};
use axum::{middleware, Extension, Json, Router};
use offside::wire::{self, FindingJson};
use offside_detect::Region;
use offside_ledger::{
    record_decided, request_hash, ApiKey, AppealDecided, AppealFiled, AppealOutcome,
    DecisionAnswer, Event as LedgerEvent, EventBody, LinkedAccount, NewApiKey, RecordError,
    RecordOptions, Report, ReviewItem, ReviewVerdict, Rule, SanctionLifted, Standing,
    SuspensionConfirmed, Verdict,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{hash_key, Caller, Scope};
use crate::error::{ApiError, ErrorCode};
use crate::extract::{parse_json, ApiJson, BodyLimit};
use crate::ingest::{self, count_decision, cpu, decide_event, event_bytes, ApiEvent};
use crate::limits::{check_id, check_note};
use crate::state::AppState;

type Shared = Arc<AppState>;

/// The most texts one `POST /v1/scan` takes.
const MAX_SCAN_TEXTS: usize = 1000;

/// One endpoint of the API.
pub(crate) struct Endpoint {
    /// Its method.
    pub method: Method,
    /// Its path, in axum's and OpenAPI's syntax (`/v1/keys/{key_id}`).
    pub path: &'static str,
    /// The scopes of the keys that may call it (`admin` may call everything); empty for an
    /// open endpoint, which takes no key.
    pub scopes: &'static [Scope],
    /// The error codes it answers besides [`AUTHENTICATED_ERRORS`] (for an endpoint with
    /// scopes) or [`OPEN_ERRORS`].
    pub errors: &'static [ErrorCode],
    /// Its handler, as axum routes it.
    handler: fn(&AppState) -> MethodRouter<Shared>,
}

/// What every endpoint that takes a key may answer: the key's and the body's errors.
pub(crate) const AUTHENTICATED_ERRORS: &[ErrorCode] = &[
    ErrorCode::InvalidJson,
    ErrorCode::InvalidRequest,
    ErrorCode::Unauthorized,
    ErrorCode::Forbidden,
    ErrorCode::BodyTooLarge,
    ErrorCode::UnsupportedMediaType,
    ErrorCode::RateLimited,
    ErrorCode::Internal,
];

/// What every open endpoint may answer.
pub(crate) const OPEN_ERRORS: &[ErrorCode] = &[];

const CHECK: &[Scope] = &[Scope::Check, Scope::Ingest];
const INGEST: &[Scope] = &[Scope::Ingest];
const REVIEW: &[Scope] = &[Scope::Review];
const ACCOUNTS: &[Scope] = &[Scope::Review, Scope::Ingest];
const ADMIN: &[Scope] = &[Scope::Admin];

/// The route table: the router is built from it, the scope check reads it, and the OpenAPI
/// document takes its operations' scopes and errors from it.
pub(crate) static ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        method: Method::GET,
        path: "/healthz",
        scopes: &[],
        errors: &[ErrorCode::Internal],
        handler: |_| get(healthz),
    },
    Endpoint {
        method: Method::GET,
        path: "/metrics",
        scopes: &[],
        errors: &[],
        handler: |_| get(metrics),
    },
    Endpoint {
        method: Method::GET,
        path: "/openapi.json",
        scopes: &[],
        errors: &[],
        handler: |_| get(openapi),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/check",
        scopes: CHECK,
        errors: &[ErrorCode::InvalidEvent],
        handler: |_| post(check),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/scan",
        scopes: CHECK,
        errors: &[],
        handler: |_| post(scan),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/attachments",
        scopes: CHECK,
        errors: &[
            ErrorCode::InvalidEvent,
            ErrorCode::Conflict,
            ErrorCode::UnreadableAttachment,
            ErrorCode::Busy,
        ],
        handler: |state| {
            post(attachment).layer(DefaultBodyLimit::max(attachment_body_limit(state)))
        },
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/events",
        scopes: INGEST,
        errors: &[ErrorCode::InvalidEvent, ErrorCode::Conflict],
        handler: |_| post(record_event),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/reports",
        scopes: INGEST,
        errors: &[ErrorCode::UnknownEvent, ErrorCode::Conflict],
        handler: |_| post(file_report),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/appeals",
        scopes: INGEST,
        errors: &[
            ErrorCode::UnknownSubject,
            ErrorCode::WrongSubject,
            ErrorCode::Conflict,
        ],
        handler: |_| post(file_appeal),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/appeals/decisions",
        scopes: REVIEW,
        errors: &[
            ErrorCode::UnknownSubject,
            ErrorCode::WrongSubject,
            ErrorCode::Conflict,
        ],
        handler: |_| post(decide_appeal),
    },
    Endpoint {
        method: Method::GET,
        path: "/v1/review/queue",
        scopes: REVIEW,
        errors: &[],
        handler: |_| get(review_queue),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/review/verdicts",
        scopes: REVIEW,
        errors: &[
            ErrorCode::UnknownSubject,
            ErrorCode::WrongSubject,
            ErrorCode::Conflict,
        ],
        handler: |_| post(review_verdict),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/review/suspensions",
        scopes: REVIEW,
        errors: &[ErrorCode::UnknownSubject, ErrorCode::Conflict],
        handler: |_| post(review_suspension),
    },
    Endpoint {
        method: Method::GET,
        path: "/v1/accounts/{account}",
        scopes: ACCOUNTS,
        errors: &[],
        handler: |_| get(account_standing),
    },
    Endpoint {
        method: Method::GET,
        path: "/v1/accounts/{account}/linked",
        scopes: ACCOUNTS,
        errors: &[],
        handler: |_| get(linked_accounts),
    },
    Endpoint {
        method: Method::POST,
        path: "/v1/keys",
        scopes: ADMIN,
        errors: &[],
        handler: |_| post(create_key),
    },
    Endpoint {
        method: Method::GET,
        path: "/v1/keys",
        scopes: ADMIN,
        errors: &[],
        handler: |_| get(list_keys),
    },
    Endpoint {
        method: Method::DELETE,
        path: "/v1/keys/{key_id}",
        scopes: ADMIN,
        errors: &[ErrorCode::UnknownKey],
        handler: |_| delete(revoke_key),
    },
];

/// The service's routes ([`ENDPOINTS`] and the console), with its limits and metrics
/// middleware.
pub fn router(state: Shared) -> Router {
    let body_limit = state.body_limit;
    // Install the recorder before the first request records anything.
    crate::metrics::handle();
    let mut open = Router::new();
    let mut api = Router::new();
    for endpoint in ENDPOINTS {
        let handler = (endpoint.handler)(&state);
        if endpoint.scopes.is_empty() {
            open = open.route(endpoint.path, handler);
        } else {
            let allowed = Allowed {
                state: state.clone(),
                scopes: endpoint.scopes,
            };
            api = api.route(
                endpoint.path,
                handler.route_layer(middleware::from_fn_with_state(allowed, require_scope)),
            );
        }
    }
    // Every /v1 route authenticates its caller (outermost), then checks the key's scope and
    // rate, all before its body is read.
    let api = api.route_layer(middleware::from_fn_with_state(
        state.clone(),
        crate::auth::require_key,
    ));
    open.merge(api)
        .merge(crate::console::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(Extension(BodyLimit(body_limit)))
        .layer(middleware::from_fn(crate::headers::secure_headers))
        .layer(middleware::from_fn(crate::metrics::track))
        .with_state(state)
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::NotFound(crate::limits::quote(uri.path()))
}

/// A path segment naming an id: a JSON error when it is not UTF-8 or too long.
fn path_id(path: Result<Path<String>, PathRejection>, field: &str) -> Result<String, ApiError> {
    let Path(value) = path.map_err(|rejection| {
        ApiError::InvalidRequest(format!(
            "the {field} in the path cannot be read: {}",
            crate::limits::quote(&rejection.body_text())
        ))
    })?;
    crate::limits::check_id(field, &value)?;
    Ok(value)
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// The scopes of one endpoint, for [`require_scope`].
#[derive(Clone)]
struct Allowed {
    state: Shared,
    scopes: &'static [Scope],
}

/// Checks the scope of the key the request was authenticated with (by
/// [`crate::auth::require_key`]) against its endpoint's in [`ENDPOINTS`], then the key's
/// rate limit, before the body is read.
async fn require_scope(
    State(allowed): State<Allowed>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let caller = request
        .extensions()
        .get::<Arc<Caller>>()
        .cloned()
        .ok_or_else(|| ApiError::internal(anyhow::anyhow!("no authenticated caller")))?;
    check_scope(&caller, allowed.scopes)?;
    allowed.state.limiter.check(&caller.key_id)?;
    Ok(next.run(request).await)
}

/// Forbidden unless the caller's key has one of `allowed` (or admin).
fn check_scope(caller: &Caller, allowed: &[Scope]) -> Result<(), ApiError> {
    if caller.may(allowed) {
        return Ok(());
    }
    let names: Vec<&str> = allowed.iter().map(|scope| scope.as_str()).collect();
    Err(ApiError::Forbidden(format!(
        "{}, or admin",
        names.join(", ")
    )))
}

/// A JSON answer from bytes already serialised (stored answers are returned byte for byte).
fn json_bytes(status: StatusCode, body: Vec<u8>, duplicate: Option<bool>) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(duplicate) = duplicate {
        response.headers_mut().insert(
            "offside-duplicate",
            HeaderValue::from_static(if duplicate { "true" } else { "false" }),
        );
    }
    response
}

// ---------------------------------------------------------------------------------------
// Open endpoints

/// The answer of `GET /healthz`.
#[derive(Serialize, ToSchema)]
struct Health {
    /// Always `ok`: a service that is not answers an error.
    status: &'static str,
}

/// Liveness and database reachability.
#[utoipa::path(get, path = "/healthz", responses(
    (status = 200, description = "The service and its database answer.", body = Health)
))]
async fn healthz(State(state): State<Shared>) -> Result<Json<Health>, ApiError> {
    // A read that goes to the database: a server whose database is gone is not healthy.
    state.ledger.decision("").await?;
    Ok(Json(Health { status: "ok" }))
}

/// Prometheus metrics.
#[utoipa::path(get, path = "/metrics", responses(
    (status = 200, description = "The metrics in Prometheus' text format.", body = String, content_type = "text/plain")
))]
async fn metrics() -> Response {
    let mut response = crate::metrics::handle().render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4"),
    );
    response
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", responses(
    (status = 200, description = "The OpenAPI 3.1 document of this service.", body = Object)
))]
async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}

// ---------------------------------------------------------------------------------------
// Deciding

/// Decide on one event; nothing is recorded.
#[utoipa::path(post, path = "/v1/check", request_body = ApiEvent, responses(
    (status = 200, description = "The decision, with the event's id.", body = DecisionAnswer)
))]
async fn check(
    State(state): State<Shared>,
    ApiJson(event): ApiJson<ApiEvent>,
) -> Result<Response, ApiError> {
    crate::limits::check_event(&event)?;
    let n_bytes = event_bytes(&event);
    let (event, decided) = cpu(&state, n_bytes, move |state| {
        let decided = decide_event(state, &event);
        (event, decided)
    })
    .await?;
    let decision = decided?.decision;
    count_decision(&decision, "check");
    let answer = DecisionAnswer {
        id: event.id.as_ref().map(|id| id.0.as_str()),
        decision: &decision,
        recorded: None,
    };
    let body = serde_json::to_vec(&answer).map_err(ApiError::internal)?;
    Ok(json_bytes(StatusCode::OK, body, None))
}

/// Decide on and record one event; its id is the idempotency key.
///
/// A retry with the same id and event is answered with the stored answer (header
/// `offside-duplicate: true`); the same id with another event is a conflict.
#[utoipa::path(post, path = "/v1/events", request_body = ApiEvent, responses(
    (status = 200, description = "The decision and the ledger events written (masked as stored).", body = DecisionAnswer,
        headers(("offside-duplicate" = bool, description = "true when the event had been recorded before")))
))]
async fn record_event(
    State(state): State<Shared>,
    ApiJson(event): ApiJson<ApiEvent>,
) -> Result<Response, ApiError> {
    let recorded = ingest::record(&state, event).await?;
    Ok(json_bytes(
        StatusCode::OK,
        recorded.response.into_bytes(),
        Some(recorded.duplicate),
    ))
}

/// A batch of texts to scan.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ScanRequest {
    /// The texts, at most 1000.
    #[schema(max_items = 1000)]
    texts: Vec<String>,
    /// The ISO 3166 region to assume for phone numbers without a country code.
    #[serde(default)]
    region: Option<String>,
}

/// The findings of each text, in the order of the texts.
#[derive(Serialize, ToSchema)]
struct ScanAnswer {
    results: Vec<ScanResult>,
}

/// The findings of one text.
#[derive(Serialize, ToSchema)]
struct ScanResult {
    #[schema(value_type = Vec<FindingJson>)]
    findings: Vec<serde_json::Value>,
}

/// Findings for a batch of texts.
#[utoipa::path(post, path = "/v1/scan", request_body = ScanRequest, responses(
    (status = 200, description = "The findings of each text.", body = ScanAnswer)
))]
async fn scan(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<ScanRequest>,
) -> Result<Json<ScanAnswer>, ApiError> {
    if request.texts.len() > MAX_SCAN_TEXTS {
        return Err(ApiError::InvalidRequest(format!(
            "\"texts\" has {} entries; at most {MAX_SCAN_TEXTS} per request",
            request.texts.len()
        )));
    }
    let region = parse_region(request.region.as_deref())?;
    let n_bytes = request.texts.iter().map(String::len).sum();
    let results = cpu(&state, n_bytes, move |state| {
        panic::catch_unwind(AssertUnwindSafe(|| {
            request
                .texts
                .iter()
                .map(|text| {
                    let findings = state.engine.scan(text, region);
                    for finding in &findings {
                        metrics::counter!("offside_findings_total", "kind" => finding.kind.as_str())
                            .increment(1);
                    }
                    ScanResult {
                        findings: findings
                            .iter()
                            .map(|f| {
                                serde_json::to_value(FindingJson::decision(f)).unwrap_or_default()
                            })
                            .collect(),
                    }
                })
                .collect::<Vec<_>>()
        }))
    })
    .await?
    .map_err(|_| ApiError::internal(anyhow::anyhow!("the detection engine panicked on a text")))?;
    Ok(Json(ScanAnswer { results }))
}

/// A `"region"` field: `None` when absent, an error naming the field when not a region.
fn parse_region(code: Option<&str>) -> Result<Option<Region>, ApiError> {
    code.map(|code| {
        Region::parse(code)
            .map_err(|error| ApiError::InvalidRequest(format!("\"region\": {error}")))
    })
    .transpose()
}

// ---------------------------------------------------------------------------------------
// Attachments

/// The body limit of `POST /v1/attachments`: the largest file the extractor reads, plus
/// room for the multipart framing and the event.
fn attachment_body_limit(state: &AppState) -> usize {
    let file = state.extractor.limits().max_file_bytes;
    usize::try_from(file)
        .unwrap_or(usize::MAX)
        .saturating_add(1 << 20)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct AttachmentQuery {
    /// Record the decision in the ledger, as `POST /v1/events` does (needs the ingest scope
    /// and an event id; the same id with another event or file is a conflict).
    #[serde(default)]
    record: bool,
}

/// The multipart body of `POST /v1/attachments`. A schema only: the handler reads the parts
/// as they come, so that a large file is never copied.
#[derive(ToSchema)]
#[allow(dead_code)]
struct AttachmentUpload {
    /// The file; its type is read from its bytes.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
    /// Fields of the event laid over the default (sent now by a freelancer to a client, no
    /// contract); its text is the file's.
    #[schema(value_type = Option<Object>)]
    event: Option<serde_json::Value>,
}

/// `POST /v1/attachments`: a `multipart/form-data` body with a `file` part and an optional
/// `event` part (JSON laid over [`wire::default_event`]). Answers the findings with
/// their provenance and the decision. With `?record=true` (the `ingest` scope) the decision
/// is recorded like an event's ([`record_decided`]): the event's `id` is the
/// idempotency key, and the same id with another event or another file is a conflict.
#[utoipa::path(post, path = "/v1/attachments", params(AttachmentQuery),
    summary = "Findings and a decision for one attached file (PDF, DOCX, ODT, XLSX, HTML, text, PNG, JPEG, WebP)",
    request_body(content = AttachmentUpload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The file's findings with their provenance, and the decision.", body = wire::Report)
    )
)]
async fn attachment(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    query: Result<Query<AttachmentQuery>, axum::extract::rejection::QueryRejection>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|error| ApiError::InvalidRequest(error.body_text()))?;
    // The route's scopes (check or ingest) were checked before the body; recording takes
    // ingest.
    if query.record {
        check_scope(&caller, INGEST)?;
    }
    let limit = attachment_body_limit(&state);
    let multipart_error = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::BodyTooLarge(limit)
        } else {
            ApiError::InvalidRequest(format!("the multipart body cannot be read: {error}"))
        }
    };
    let mut multipart = multipart.map_err(|rejection| {
        ApiError::InvalidRequest(format!(
            "send the attachment as multipart/form-data with a \"file\" part: {rejection}"
        ))
    })?;
    let mut file: Option<(Option<String>, axum::body::Bytes)> = None;
    let mut overrides: Option<serde_json::Value> = None;
    while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
        match field.name() {
            Some("file") => {
                let name = field.file_name().map(str::to_owned);
                let bytes = field.bytes().await.map_err(multipart_error)?;
                file = Some((name, bytes));
            }
            Some("event") => {
                let bytes = field.bytes().await.map_err(multipart_error)?;
                let value: serde_json::Value = parse_json(&bytes).map_err(|error| {
                    ApiError::InvalidRequest(format!("the \"event\" part: {error}"))
                })?;
                if !value.is_object() {
                    return Err(ApiError::InvalidRequest(
                        "the \"event\" part must be a JSON object".to_owned(),
                    ));
                }
                overrides = Some(value);
            }
            other => {
                return Err(ApiError::InvalidRequest(format!(
                    "unknown part {:?}; send \"file\" and optionally \"event\"",
                    other.unwrap_or("")
                )))
            }
        }
    }
    let (name, bytes) = file.ok_or_else(|| {
        ApiError::InvalidRequest("the multipart body has no \"file\" part".to_owned())
    })?;
    let mut template = wire::default_event(&chrono::Utc::now().to_rfc3339());
    if let Some(overrides) = overrides {
        wire::merge(&mut template, overrides);
    }
    let event: offside_policy::Event<serde_json::Value> = serde_json::from_value(template)
        .map_err(|error| ApiError::InvalidRequest(format!("the \"event\" part: {error}")))?;
    let id_text = event.id.as_ref().map(|id| match id {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    });
    crate::limits::check_event_fields(&event, id_text.as_deref())?;
    let key = match (&id_text, query.record) {
        (Some(key), true) => Some(key.clone()),
        (None, true) => {
            return Err(ApiError::InvalidRequest(
                "\"id\" is required in the \"event\" part to record: it is the idempotency key"
                    .to_owned(),
            ))
        }
        (_, false) => None,
    };
    let region = parse_region(event.region.as_deref())?;
    let permit = state
        .extract_slots
        .clone()
        .try_acquire_owned()
        .map_err(|_| ApiError::Busy)?;
    let work_state = state.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let state = work_state;
        // A file that cannot be read as its type is still judged on the text it shows
        // (the answer then carries "error"); with none, it is unreadable.
        let scanned = offside::read_and_scan(&state.extractor, &state.engine, &bytes, region)
            .map_err(|error| ApiError::UnreadableAttachment(error.to_string()))?;
        let decided = offside::decide_attachment(
            &state.policy,
            &event,
            &scanned,
            name.as_deref(),
            offside::now(),
        )
        .map_err(|error| ApiError::InvalidEvent(error.0))?;
        let mut answer = wire::Report::scanned(name, &scanned);
        answer.id = event.id.clone();
        answer.decision = Some(decided.decision.clone());
        // The file is part of what is recorded: the same id with another file conflicts.
        let file_digest = hex::encode(Sha256::digest(&bytes));
        Ok::<_, ApiError>((answer, decided, event, file_digest))
    })
    .await
    .map_err(ApiError::internal)??;
    let (mut answer, decided, event, file_digest) = answer;
    let Some(key) = key else {
        count_decision(&decided.decision, "attachments");
        let body = serde_json::to_vec(&answer).map_err(ApiError::internal)?;
        return Ok(json_bytes(StatusCode::OK, body, None));
    };
    let request_hash = hex::encode(Sha256::digest(
        format!("{}\n{file_digest}", request_hash(&event)).as_bytes(),
    ));
    let stored = record_decided(
        &*state.ledger,
        &event,
        &decided.decision,
        decided.evidence.clone(),
        RecordOptions {
            key: &key,
            hasher: &state.hasher,
            shadow: false,
            request_hash,
        },
    )
    .await
    .map_err(|error| match error {
        RecordError::Invalid(message) => ApiError::InvalidRequest(message),
        RecordError::Ledger(error) => error.into(),
    })?;
    if !stored.duplicate {
        count_decision(&decided.decision, "attachments");
    }
    // The ledger events written the first time this attachment was recorded.
    let first: serde_json::Value = serde_json::from_str(&stored.response).unwrap_or_default();
    answer.recorded = Some(
        first["recorded"]
            .as_array()
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| id.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default(),
    );
    let body = serde_json::to_vec(&answer).map_err(ApiError::internal)?;
    Ok(json_bytes(StatusCode::OK, body, Some(stored.duplicate)))
}

// ---------------------------------------------------------------------------------------
// Reports, reviews, appeals

/// What recording a ledger event answers.
#[derive(Serialize, ToSchema)]
struct Recorded {
    /// The ledger event's id.
    event_id: String,
    /// The account it was filed under.
    account: String,
    /// True when it was already recorded: nothing changed.
    duplicate: bool,
}

async fn record_ledger_event(state: &AppState, event: LedgerEvent) -> Result<Response, ApiError> {
    let recorded = state.ledger.record(event).await?;
    let status = if recorded.duplicate {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    let body = serde_json::to_vec(&Recorded {
        event_id: recorded.event.id,
        account: recorded.account,
        duplicate: recorded.duplicate,
    })
    .map_err(ApiError::internal)?;
    Ok(json_bytes(status, body, Some(recorded.duplicate)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct ReportRequest {
    /// The reported message: an event recorded through `POST /v1/events`.
    event_id: String,
    reporter: String,
    #[serde(default)]
    reason: Option<String>,
    /// The rule the reporter says was broken; contact when not given.
    #[serde(default)]
    rule: Option<Rule>,
}

/// Report a recorded message; it enters the review queue.
#[utoipa::path(post, path = "/v1/reports", request_body = ReportRequest, responses(
    (status = 201, description = "Recorded.", body = Recorded),
    (status = 200, description = "Recorded before: nothing changed.", body = Recorded)
))]
async fn file_report(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<ReportRequest>,
) -> Result<Response, ApiError> {
    check_id("event_id", &request.event_id)?;
    check_id("reporter", &request.reporter)?;
    check_note("reason", request.reason.as_deref().unwrap_or_default())?;
    let Some(message) = state.ledger.decision(&request.event_id).await? else {
        return Err(ApiError::UnknownEvent(format!(
            "no event {:?} was recorded: report messages recorded through POST /v1/events, offside consume or offside record",
            request.event_id
        )));
    };
    let event = LedgerEvent {
        id: format!("{}#report:{}", request.event_id, request.reporter),
        at: chrono::Utc::now(),
        body: EventBody::ReportFiled(Report {
            reporter: request.reporter,
            message_id: request.event_id,
            about_account: Some(message.account),
            reason: request.reason,
            rule: request.rule,
        }),
    };
    record_ledger_event(&state, event).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct VerdictRequest {
    /// The violation or report judged (a review item's `item_id`).
    subject_id: String,
    verdict: Verdict,
    reviewer: String,
    #[serde(default)]
    note: Option<String>,
}

/// Confirm or dismiss a violation or a report.
#[utoipa::path(post, path = "/v1/review/verdicts", request_body = VerdictRequest, responses(
    (status = 201, description = "Recorded.", body = Recorded),
    (status = 200, description = "Recorded before: nothing changed.", body = Recorded)
))]
async fn review_verdict(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<VerdictRequest>,
) -> Result<Response, ApiError> {
    check_id("subject_id", &request.subject_id)?;
    check_id("reviewer", &request.reviewer)?;
    check_note("note", request.note.as_deref().unwrap_or_default())?;
    // Ids of verdicts, appeals and decisions are the server's, derived from what they act
    // on (a retry changes nothing), never the client's: a client-chosen id could take the
    // place of a violation not yet recorded.
    let event = LedgerEvent {
        id: format!("{}#verdict", request.subject_id),
        at: chrono::Utc::now(),
        body: EventBody::ReviewVerdict(ReviewVerdict {
            subject_id: request.subject_id,
            verdict: request.verdict,
            reviewer: request.reviewer,
            note: request.note,
        }),
    };
    record_ledger_event(&state, event).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AppealRequest {
    /// The appealed violation's ledger event id.
    violation_id: String,
    #[serde(default)]
    note: Option<String>,
}

/// Appeal a violation.
#[utoipa::path(post, path = "/v1/appeals", request_body = AppealRequest, responses(
    (status = 201, description = "Recorded.", body = Recorded),
    (status = 200, description = "Recorded before: nothing changed.", body = Recorded)
))]
async fn file_appeal(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<AppealRequest>,
) -> Result<Response, ApiError> {
    check_id("violation_id", &request.violation_id)?;
    check_note("note", request.note.as_deref().unwrap_or_default())?;
    let event = LedgerEvent {
        id: format!("{}#appeal", request.violation_id),
        at: chrono::Utc::now(),
        body: EventBody::AppealFiled(AppealFiled {
            violation_id: request.violation_id,
            note: request.note,
        }),
    };
    record_ledger_event(&state, event).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct AppealDecisionRequest {
    appeal_id: String,
    outcome: AppealOutcome,
    reviewer: String,
    #[serde(default)]
    note: Option<String>,
}

/// Decide an appeal.
#[utoipa::path(post, path = "/v1/appeals/decisions", request_body = AppealDecisionRequest, responses(
    (status = 201, description = "Recorded.", body = Recorded),
    (status = 200, description = "Recorded before: nothing changed.", body = Recorded)
))]
async fn decide_appeal(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<AppealDecisionRequest>,
) -> Result<Response, ApiError> {
    check_id("appeal_id", &request.appeal_id)?;
    check_id("reviewer", &request.reviewer)?;
    check_note("note", request.note.as_deref().unwrap_or_default())?;
    let event = LedgerEvent {
        id: format!("{}#decision", request.appeal_id),
        at: chrono::Utc::now(),
        body: EventBody::AppealDecided(AppealDecided {
            appeal_id: request.appeal_id,
            outcome: request.outcome,
            reviewer: request.reviewer,
            note: request.note,
        }),
    };
    record_ledger_event(&state, event).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum SuspensionDecision {
    Confirm,
    Lift,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct SuspensionRequest {
    account: String,
    decision: SuspensionDecision,
    reviewer: String,
    #[serde(default)]
    note: Option<String>,
}

/// `POST /v1/review/suspensions`: a reviewer confirms the suspension an account's
/// violations reached (until then it is held at restriction), or lifts it.
#[utoipa::path(post, path = "/v1/review/suspensions",
    summary = "Confirm or lift the suspension an account reached (it is held at restriction until then)", request_body = SuspensionRequest, responses(
    (status = 201, description = "Recorded.", body = Recorded),
    (status = 200, description = "Recorded before: nothing changed.", body = Recorded)
))]
async fn review_suspension(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<SuspensionRequest>,
) -> Result<Response, ApiError> {
    check_id("account", &request.account)?;
    check_id("reviewer", &request.reviewer)?;
    check_note("note", request.note.as_deref().unwrap_or_default())?;
    let now = chrono::Utc::now();
    let standing = state.ledger.standing(&request.account, now).await?;
    let suspended = standing.sanction == offside_policy::ladder::Sanction::Suspension;
    let applies = match request.decision {
        SuspensionDecision::Confirm => standing.suspension_pending_review,
        SuspensionDecision::Lift => standing.suspension_pending_review || suspended,
    };
    if !applies {
        return Err(ApiError::UnknownSubject(format!(
            "account {:?} has no suspension {}",
            request.account,
            if suspended {
                "waiting for review"
            } else {
                "to review or lift"
            }
        )));
    }
    // One decision per review: the id derives from the violation that reached it.
    let since = standing
        .sanction_since
        .map_or_else(String::new, |at| at.format("%Y%m%dT%H%M%S%.fZ").to_string());
    let (suffix, body) = match request.decision {
        SuspensionDecision::Confirm => (
            "suspension-confirmed",
            EventBody::SuspensionConfirmed(SuspensionConfirmed {
                account: request.account.clone(),
                reviewer: request.reviewer,
                note: request.note,
            }),
        ),
        SuspensionDecision::Lift => (
            "suspension-lifted",
            EventBody::SanctionLifted(SanctionLifted {
                account: request.account.clone(),
                reviewer: request.reviewer,
                note: request.note,
            }),
        ),
    };
    let event = LedgerEvent {
        id: format!("{}#{suffix}@{since}", request.account),
        at: now,
        body,
    };
    record_ledger_event(&state, event).await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
struct QueueQuery {
    /// How many items at most (1 to 1000; 100 when not given).
    #[serde(default)]
    limit: Option<u32>,
}

/// The open review items.
#[derive(Serialize, ToSchema)]
struct ReviewQueue {
    /// Oldest first.
    items: Vec<ReviewItem>,
}

/// Open review items, oldest first.
#[utoipa::path(get, path = "/v1/review/queue", params(QueueQuery), responses(
    (status = 200, description = "The open items.", body = ReviewQueue)
))]
async fn review_queue(
    State(state): State<Shared>,
    query: Result<Query<QueueQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<ReviewQueue>, ApiError> {
    let Query(query) = query.map_err(|error| ApiError::InvalidRequest(error.body_text()))?;
    let items = state
        .ledger
        .open_review_items(query.limit.unwrap_or(100).clamp(1, 1000))
        .await?;
    Ok(Json(ReviewQueue { items }))
}

// ---------------------------------------------------------------------------------------
// Accounts

/// An account's standing.
#[utoipa::path(get, path = "/v1/accounts/{account}",
    params(("account" = String, Path, description = "The account's id.")),
    responses((status = 200, description = "The standing now.", body = Standing))
)]
async fn account_standing(
    State(state): State<Shared>,
    account: Result<Path<String>, PathRejection>,
) -> Result<Json<Standing>, ApiError> {
    let account = path_id(account, "account")?;
    Ok(Json(
        state.ledger.standing(&account, chrono::Utc::now()).await?,
    ))
}

/// The accounts that used a contact value an account used.
#[derive(Serialize, ToSchema)]
struct Linked {
    /// The account asked about.
    account: String,
    /// The others, with what they share.
    linked: Vec<LinkedAccount>,
}

/// Accounts sharing a contact value.
#[utoipa::path(get, path = "/v1/accounts/{account}/linked",
    params(("account" = String, Path, description = "The account's id.")),
    responses((status = 200, description = "The linked accounts.", body = Linked))
)]
async fn linked_accounts(
    State(state): State<Shared>,
    account: Result<Path<String>, PathRejection>,
) -> Result<Json<Linked>, ApiError> {
    let account = path_id(account, "account")?;
    let linked = state.ledger.linked_accounts(&account).await?;
    Ok(Json(Linked { account, linked }))
}

// ---------------------------------------------------------------------------------------
// Keys

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CreateKeyRequest {
    /// What the key is for.
    name: String,
    /// What it may do.
    #[schema(value_type = Vec<Scope>, min_items = 1)]
    scopes: Vec<String>,
}

/// A new key, with its secret.
#[derive(Serialize, ToSchema)]
struct CreatedKey {
    #[serde(flatten)]
    key: ApiKey,
    /// The key itself: shown once, never stored.
    key_secret: String,
}

/// Create an API key (its secret is shown once).
#[utoipa::path(post, path = "/v1/keys", request_body = CreateKeyRequest, responses(
    (status = 201, description = "The key and its secret.", body = CreatedKey)
))]
async fn create_key(
    State(state): State<Shared>,
    ApiJson(request): ApiJson<CreateKeyRequest>,
) -> Result<Response, ApiError> {
    check_note("name", &request.name)?;
    let scopes = parse_scopes(&request.scopes).map_err(ApiError::InvalidRequest)?;
    let (key_id, secret) = crate::auth::new_key().map_err(ApiError::internal)?;
    let key = state
        .ledger
        .create_api_key(NewApiKey {
            key_id,
            key_hash: hash_key(&secret),
            name: request.name,
            scopes,
            created_at: chrono::Utc::now(),
        })
        .await?;
    let body = serde_json::to_vec(&CreatedKey {
        key,
        key_secret: secret,
    })
    .map_err(ApiError::internal)?;
    Ok(json_bytes(StatusCode::CREATED, body, None))
}

/// Checks scope names and returns them deduplicated, in the canonical order.
pub fn parse_scopes(names: &[String]) -> Result<Vec<String>, String> {
    if names.is_empty() {
        return Err("\"scopes\" must name at least one of check, ingest, review, admin".into());
    }
    let mut scopes = Vec::new();
    for name in names {
        let scope: Scope = name.parse()?;
        if !scopes.contains(&scope) {
            scopes.push(scope);
        }
    }
    scopes.sort_by_key(|scope| Scope::ALL.iter().position(|s| s == scope));
    Ok(scopes.iter().map(|scope| scope.to_string()).collect())
}

/// Every API key.
#[derive(Serialize, ToSchema)]
struct KeyList {
    /// Revoked ones too, never their secrets.
    keys: Vec<ApiKey>,
}

/// List API keys (never their secrets).
#[utoipa::path(get, path = "/v1/keys", responses(
    (status = 200, description = "The keys.", body = KeyList)
))]
async fn list_keys(State(state): State<Shared>) -> Result<Json<KeyList>, ApiError> {
    let keys = state.ledger.api_keys().await?;
    Ok(Json(KeyList { keys }))
}

/// A revoked key.
#[derive(Serialize, ToSchema)]
struct Revoked {
    /// Its id.
    key_id: String,
    /// Always true.
    revoked: bool,
}

/// Revoke an API key.
#[utoipa::path(delete, path = "/v1/keys/{key_id}",
    params(("key_id" = String, Path, description = "The key's public id.")),
    responses((status = 200, description = "Revoked.", body = Revoked))
)]
async fn revoke_key(
    State(state): State<Shared>,
    key_id: Result<Path<String>, PathRejection>,
) -> Result<Json<Revoked>, ApiError> {
    let key_id = path_id(key_id, "key id")?;
    if !state
        .ledger
        .revoke_api_key(&key_id, chrono::Utc::now())
        .await?
    {
        return Err(ApiError::UnknownKey(key_id));
    }
    state.keys.clear();
    Ok(Json(Revoked {
        key_id,
        revoked: true,
    }))
}
