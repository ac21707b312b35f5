//! The OpenAPI 3.1 document served at `/openapi.json`.
//!
//! Written by hand rather than derived (utoipa): the request and response types are the
//! policy's and the ledger's, which do not derive schemas and should not learn about HTTP.
//! A test checks that every route of the router is in the document and nothing else is.

use serde_json::{json, Value};

fn error_responses(codes: &[&str]) -> Value {
    let mut responses = serde_json::Map::new();
    for code in codes {
        responses.insert(
            (*code).to_string(),
            json!({"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}),
        );
    }
    Value::Object(responses)
}

fn operation(
    summary: &str,
    scope: Option<&str>,
    body: Option<Value>,
    ok: &str,
    errors: &[&str],
) -> Value {
    let mut op = json!({
        "summary": summary,
        "responses": error_responses(errors),
    });
    op["responses"][ok] = json!({"description": "success", "content": {"application/json": {"schema": {"type": "object"}}}});
    if let Some(scope) = scope {
        op["security"] = json!([{"bearer": []}]);
        op["x-scopes"] = json!([scope, "admin"]);
    }
    if let Some(schema) = body {
        op["requestBody"] =
            json!({"required": true, "content": {"application/json": {"schema": schema}}});
    }
    op
}

/// `POST /v1/attachments`: a multipart body, not JSON.
fn attachment_operation(authed: &[&str]) -> Value {
    let mut op = operation(
        "Findings and a decision for one attached file (PDF, DOCX, ODT, XLSX, HTML, text, PNG, JPEG, WebP); with record=true (ingest scope) the decision is recorded like an event's, keyed by the event's id",
        Some("check"),
        None,
        "200",
        &[authed, &["409", "422", "503"]].concat(),
    );
    op["parameters"] = json!([{"name": "record", "in": "query", "required": false,
        "schema": {"type": "boolean", "default": false},
        "description": "record the decision (needs the ingest scope and an event id; the same id with another event or file is 409)"}]);
    op["requestBody"] = json!({"required": true, "content": {"multipart/form-data": {"schema": {
        "type": "object",
        "required": ["file"],
        "properties": {
            "file": {"type": "string", "format": "binary", "description": "the file; its type is read from its bytes"},
            "event": {"type": "object", "description": "fields of the event laid over the default (sent now by a freelancer to a client, no contract); its text is the file's"}
        }
    }}}});
    op
}

/// The document.
pub fn document() -> Value {
    let authed = ["400", "401", "403", "413", "415", "429", "500"];
    let event = json!({"$ref": "#/components/schemas/Event"});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "offside",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Finds contact details and off-platform payment attempts in marketplace messages, decides on them with a policy, and records enforcement history. Errors are {\"error\": {\"code\", \"message\"}}."
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
                        "code": {"type": "string", "enum": ["unauthorized", "forbidden", "invalid_json", "invalid_request", "invalid_event", "unknown_event", "unknown_subject", "wrong_subject", "unknown_key", "not_found", "method_not_allowed", "body_too_large", "unsupported_media_type", "rate_limited", "unreadable_attachment", "busy", "internal"]},
                        "message": {"type": "string"}
                    }}}
                },
                "Event": {
                    "type": "object",
                    "description": "The event of `offside check` (see `offside check --help`); `id` (string or integer) is required by POST /v1/events.",
                    "required": ["surface", "at", "sender", "relationship"],
                    "properties": {
                        "id": {"type": ["string", "integer"]},
                        "text": {"type": "string"},
                        "conversation": {"type": "array", "items": {"type": "object", "properties": {"from": {"type": "string"}, "text": {"type": "string"}}}},
                        "conversation_id": {"type": "string"},
                        "surface": {"type": "string", "enum": ["message", "proposal", "job_post", "profile", "attachment", "review"]},
                        "at": {"type": "string", "format": "date-time"},
                        "sender": {"type": "object"},
                        "recipient": {"type": "object"},
                        "relationship": {"type": "object"},
                        "attachment": {"type": "object"},
                        "purpose": {"type": "string"},
                        "region": {"type": "string"}
                    }
                }
            }
        },
        "paths": {
            "/healthz": {"get": operation("Liveness and database reachability", None, None, "200", &["500"])},
            "/metrics": {"get": operation("Prometheus metrics", None, None, "200", &[])},
            "/openapi.json": {"get": operation("This document", None, None, "200", &[])},
            "/v1/check": {"post": operation("Decide on one event; nothing is recorded", Some("check"), Some(event.clone()), "200", &[&authed[..], &["422"]].concat())},
            "/v1/events": {"post": operation("Decide on and record one event; its id is the idempotency key", Some("ingest"), Some(event), "200", &[&authed[..], &["409", "422"]].concat())},
            "/v1/scan": {"post": operation("Findings for a batch of texts", Some("check"), Some(json!({"type": "object", "required": ["texts"], "properties": {"texts": {"type": "array", "items": {"type": "string"}, "maxItems": 1000}, "region": {"type": "string"}}})), "200", &authed)},
            "/v1/attachments": {"post": attachment_operation(&authed)},
            "/v1/reports": {"post": operation("Report a recorded message; it enters the review queue", Some("ingest"), Some(json!({"type": "object", "required": ["event_id", "reporter"], "properties": {"event_id": {"type": "string"}, "reporter": {"type": "string"}, "reason": {"type": "string"}, "rule": {"type": "string", "enum": ["contact", "payment"]}}})), "201", &[&authed[..], &["404"]].concat())},
            "/v1/appeals": {"post": operation("Appeal a violation", Some("ingest"), Some(json!({"type": "object", "required": ["violation_id"], "properties": {"violation_id": {"type": "string"}, "note": {"type": "string"}}})), "201", &[&authed[..], &["404", "409"]].concat())},
            "/v1/appeals/decisions": {"post": operation("Decide an appeal", Some("review"), Some(json!({"type": "object", "required": ["appeal_id", "outcome", "reviewer"], "properties": {"appeal_id": {"type": "string"}, "outcome": {"type": "string", "enum": ["upheld", "denied"]}, "reviewer": {"type": "string"}, "note": {"type": "string"}}})), "201", &[&authed[..], &["404", "409"]].concat())},
            "/v1/review/queue": {"get": operation("Open review items, oldest first", Some("review"), None, "200", &authed)},
            "/v1/review/suspensions": {"post": operation("Confirm or lift the suspension an account reached (it is held at restriction until then)", Some("review"), Some(json!({"type": "object", "required": ["account", "decision", "reviewer"], "properties": {"account": {"type": "string"}, "decision": {"type": "string", "enum": ["confirm", "lift"]}, "reviewer": {"type": "string"}, "note": {"type": "string"}}})), "201", &[&authed[..], &["404"]].concat())},
            "/v1/review/verdicts": {"post": operation("Confirm or dismiss a violation or report", Some("review"), Some(json!({"type": "object", "required": ["subject_id", "verdict", "reviewer"], "properties": {"subject_id": {"type": "string"}, "verdict": {"type": "string", "enum": ["confirm", "dismiss"]}, "reviewer": {"type": "string"}, "note": {"type": "string"}}})), "201", &[&authed[..], &["404", "409"]].concat())},
            "/v1/accounts/{account}": {"get": operation("An account's standing", Some("review"), None, "200", &authed)},
            "/v1/accounts/{account}/linked": {"get": operation("Accounts sharing a contact value", Some("review"), None, "200", &authed)},
            "/v1/keys": {
                "post": operation("Create an API key (shown once)", Some("admin"), Some(json!({"type": "object", "required": ["name", "scopes"], "properties": {"name": {"type": "string"}, "scopes": {"type": "array", "items": {"type": "string", "enum": ["check", "ingest", "review", "admin"]}}}})), "201", &authed),
                "get": operation("List API keys (never their secrets)", Some("admin"), None, "200", &authed)
            },
            "/v1/keys/{key_id}": {"delete": operation("Revoke an API key", Some("admin"), None, "200", &[&authed[..], &["404"]].concat())}
        }
    })
}
