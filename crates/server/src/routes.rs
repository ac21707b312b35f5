//! The endpoints. Each handler authorises, parses, calls the policy or the ledger, and
//! answers JSON; every failure is an [`ApiError`].
//!
//! | endpoint | scope |
//! |---|---|
//! | `POST /v1/check`, `POST /v1/scan`, `POST /v1/attachments` | check (or ingest) |
//! | `POST /v1/events`, `POST /v1/reports`, `POST /v1/appeals` | ingest |
//! | `GET /v1/review/queue`, `POST /v1/review/verdicts`, `POST /v1/review/suspensions`, `POST /v1/appeals/decisions` | review |
//! | `GET /v1/accounts/{id}`, `GET /v1/accounts/{id}/linked` | review (or ingest) |
//! | `POST /v1/keys`, `GET /v1/keys`, `DELETE /v1/keys/{key_id}` | admin |
//! | `GET /healthz`, `GET /metrics`, `GET /openapi.json` | open |

use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::rejection::PathRejection;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{middleware, Extension, Json, Router};
use offside::wire::{self, FindingJson};
use offside_detect::Region;
use offside_ledger::{
    record_decided, request_hash, AppealDecided, AppealFiled, AppealOutcome, DecisionAnswer,
    Event as LedgerEvent, EventBody, NewApiKey, RecordError, RecordOptions, Report, ReviewVerdict,
    Rule, SanctionLifted, SuspensionConfirmed, Verdict,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::auth::{hash_key, Caller, Scope};
use crate::error::ApiError;
use crate::extract::{parse_json, ApiJson, BodyLimit};
use crate::ingest::{self, count_decision, cpu, decide_event, event_bytes, ApiEvent};
use crate::limits::{check_id, check_note};
use crate::state::AppState;

type Shared = Arc<AppState>;

/// The most texts one `POST /v1/scan` takes.
const MAX_SCAN_TEXTS: usize = 1000;

/// The service's routes, with its limits and metrics middleware.
pub fn router(state: Shared) -> Router {
    let body_limit = state.body_limit;
    // Install the recorder before the first request records anything.
    crate::metrics::handle();
    // Every /v1 route authenticates its caller before its body is read.
    let api = Router::new()
        .route("/v1/check", post(check))
        .route("/v1/scan", post(scan))
        .route(
            "/v1/attachments",
            post(attachment).layer(DefaultBodyLimit::max(attachment_body_limit(&state))),
        )
        .route("/v1/events", post(record_event))
        .route("/v1/reports", post(file_report))
        .route("/v1/appeals", post(file_appeal))
        .route("/v1/appeals/decisions", post(decide_appeal))
        .route("/v1/review/queue", get(review_queue))
        .route("/v1/review/verdicts", post(review_verdict))
        .route("/v1/review/suspensions", post(review_suspension))
        .route("/v1/accounts/{account}", get(account_standing))
        .route("/v1/accounts/{account}/linked", get(linked_accounts))
        .route("/v1/keys", post(create_key).get(list_keys))
        .route("/v1/keys/{key_id}", delete(revoke_key))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            crate::auth::require_key,
        ));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .merge(api)
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

/// Checks the scope of the key the request was authenticated with (by
/// [`crate::auth::require_key`], before the body was read), then the key's rate limit.
async fn authorize(
    state: &AppState,
    caller: &Arc<Caller>,
    allowed: &[Scope],
) -> Result<Arc<Caller>, ApiError> {
    let caller = caller.clone();
    if !caller.may(allowed) {
        let names: Vec<&str> = allowed.iter().map(|scope| scope.as_str()).collect();
        return Err(ApiError::Forbidden(format!(
            "{}, or admin",
            names.join(", ")
        )));
    }
    state.limiter.check(&caller.key_id)?;
    Ok(caller)
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

async fn healthz(State(state): State<Shared>) -> Result<Json<serde_json::Value>, ApiError> {
    // A read that goes to the database: a server whose database is gone is not healthy.
    state.ledger.decision("").await?;
    Ok(Json(serde_json::json!({"status": "ok"})))
}

async fn metrics() -> Response {
    let mut response = crate::metrics::handle().render().into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4"),
    );
    response
}

async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}

// ---------------------------------------------------------------------------------------
// Deciding

async fn check(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(event): ApiJson<ApiEvent>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Check, Scope::Ingest]).await?;
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

async fn record_event(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(event): ApiJson<ApiEvent>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Ingest]).await?;
    let recorded = ingest::record(&state, event).await?;
    Ok(json_bytes(
        StatusCode::OK,
        recorded.response.into_bytes(),
        Some(recorded.duplicate),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScanRequest {
    texts: Vec<String>,
    #[serde(default)]
    region: Option<String>,
}

#[derive(Serialize)]
struct ScanAnswer {
    results: Vec<ScanResult>,
}

#[derive(Serialize)]
struct ScanResult {
    findings: Vec<serde_json::Value>,
}

async fn scan(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<ScanRequest>,
) -> Result<Json<ScanAnswer>, ApiError> {
    authorize(&state, &caller, &[Scope::Check, Scope::Ingest]).await?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttachmentQuery {
    /// Record the decision in the ledger, as `POST /v1/events` does.
    #[serde(default)]
    record: bool,
}

/// `POST /v1/attachments`: a `multipart/form-data` body with a `file` part and an optional
/// `event` part (JSON laid over [`wire::default_event`]). Answers the findings with
/// their provenance and the decision. With `?record=true` (the `ingest` scope) the decision
/// is recorded like an event's ([`record_decided`]): the event's `id` is the
/// idempotency key, and the same id with another event or another file is a conflict.
async fn attachment(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    query: Result<Query<AttachmentQuery>, axum::extract::rejection::QueryRejection>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|error| ApiError::InvalidRequest(error.body_text()))?;
    let scopes: &[Scope] = if query.record {
        &[Scope::Ingest]
    } else {
        &[Scope::Check, Scope::Ingest]
    };
    authorize(&state, &caller, scopes).await?;
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
#[derive(Serialize)]
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

#[derive(Deserialize)]
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

async fn file_report(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<ReportRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Ingest]).await?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerdictRequest {
    /// The violation or report judged (a review item's `item_id`).
    subject_id: String,
    verdict: Verdict,
    reviewer: String,
    #[serde(default)]
    note: Option<String>,
}

async fn review_verdict(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<VerdictRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Review]).await?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppealRequest {
    /// The appealed violation's ledger event id.
    violation_id: String,
    #[serde(default)]
    note: Option<String>,
}

async fn file_appeal(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<AppealRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Ingest]).await?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppealDecisionRequest {
    appeal_id: String,
    outcome: AppealOutcome,
    reviewer: String,
    #[serde(default)]
    note: Option<String>,
}

async fn decide_appeal(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<AppealDecisionRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Review]).await?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum SuspensionDecision {
    Confirm,
    Lift,
}

#[derive(Deserialize)]
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
async fn review_suspension(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<SuspensionRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Review]).await?;
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QueueQuery {
    #[serde(default)]
    limit: Option<u32>,
}

async fn review_queue(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    query: Result<Query<QueueQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    authorize(&state, &caller, &[Scope::Review]).await?;
    let Query(query) = query.map_err(|error| ApiError::InvalidRequest(error.body_text()))?;
    let items = state
        .ledger
        .open_review_items(query.limit.unwrap_or(100).clamp(1, 1000))
        .await?;
    Ok(Json(serde_json::json!({ "items": items })))
}

// ---------------------------------------------------------------------------------------
// Accounts

async fn account_standing(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    account: Result<Path<String>, PathRejection>,
) -> Result<Json<offside_ledger::Standing>, ApiError> {
    authorize(&state, &caller, &[Scope::Review, Scope::Ingest]).await?;
    let account = path_id(account, "account")?;
    Ok(Json(
        state.ledger.standing(&account, chrono::Utc::now()).await?,
    ))
}

async fn linked_accounts(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    account: Result<Path<String>, PathRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    authorize(&state, &caller, &[Scope::Review, Scope::Ingest]).await?;
    let account = path_id(account, "account")?;
    let linked = state.ledger.linked_accounts(&account).await?;
    Ok(Json(
        serde_json::json!({ "account": account, "linked": linked }),
    ))
}

// ---------------------------------------------------------------------------------------
// Keys

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateKeyRequest {
    name: String,
    scopes: Vec<String>,
}

#[derive(Serialize)]
struct CreatedKey {
    #[serde(flatten)]
    key: offside_ledger::ApiKey,
    /// The key itself: shown once, never stored.
    key_secret: String,
}

async fn create_key(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    ApiJson(request): ApiJson<CreateKeyRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &caller, &[Scope::Admin]).await?;
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

async fn list_keys(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
) -> Result<Json<serde_json::Value>, ApiError> {
    authorize(&state, &caller, &[Scope::Admin]).await?;
    let keys = state.ledger.api_keys().await?;
    Ok(Json(serde_json::json!({ "keys": keys })))
}

async fn revoke_key(
    State(state): State<Shared>,
    Extension(caller): Extension<Arc<Caller>>,
    key_id: Result<Path<String>, PathRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    authorize(&state, &caller, &[Scope::Admin]).await?;
    let key_id = path_id(key_id, "key id")?;
    if !state
        .ledger
        .revoke_api_key(&key_id, chrono::Utc::now())
        .await?
    {
        return Err(ApiError::UnknownKey(key_id));
    }
    state.keys.clear();
    Ok(Json(
        serde_json::json!({ "key_id": key_id, "revoked": true }),
    ))
}
