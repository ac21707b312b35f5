//! The handlers through the `Router` with `tower::ServiceExt::oneshot`: no port, a real
//! SQLite file in a temporary directory, and for the tests that go through the ledger's
//! review, report and suspension paths, a real PostgreSQL server too ([`both`]).

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use offside_server::{router, AppState, ServiceOptions};
use offside_testkit::TempPostgres;
use serde_json::{json, Value};
use tower::ServiceExt;

struct Api {
    app: Router,
    state: Arc<AppState>,
    admin: String,
    _dir: tempfile::TempDir,
    _postgres: Option<TempPostgres>,
}

/// Where a test's ledger lives.
#[derive(Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

impl Api {
    async fn new(options: ServiceOptions) -> Api {
        Api::on(Backend::Sqlite, options)
            .await
            .expect("SQLite is always there")
    }

    /// The API over a ledger on `backend`; `None` when PostgreSQL tests are skipped
    /// (`OFFSIDE_SKIP_POSTGRES=1`).
    async fn on(backend: Backend, mut options: ServiceOptions) -> Option<Api> {
        let dir = tempfile::tempdir().unwrap();
        let (url, postgres) = match backend {
            Backend::Sqlite => (
                format!("sqlite:{}", dir.path().join("offside.db").display()),
                None,
            ),
            Backend::Postgres => {
                let postgres = TempPostgres::start_or_skip()?;
                (postgres.url("postgres"), Some(postgres))
            }
        };
        options
            .hash_secret
            .get_or_insert_with(|| "api-test-secret-0123456789".to_owned());
        let state = AppState::open(&url, options).await.unwrap();
        let admin = state.ensure_master_key(None).await.unwrap().unwrap();
        // A second start generates nothing: the admin key exists.
        assert_eq!(state.ensure_master_key(None).await.unwrap(), None);
        Some(Api {
            app: router(state.clone()),
            state,
            admin,
            _dir: dir,
            _postgres: postgres,
        })
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        key: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut request = Request::builder().method(method).uri(path);
        if let Some(key) = key {
            request = request.header(header::AUTHORIZATION, format!("Bearer {key}"));
        }
        let request = match body {
            Some(body) => request
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
            None => request.body(Body::empty()).unwrap(),
        };
        self.send(request).await
    }

    async fn send(&self, request: Request<Body>) -> Answer {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        let body = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn key(&self, scopes: &[&str]) -> String {
        let answer = self
            .call(
                Method::POST,
                "/v1/keys",
                Some(&self.admin),
                Some(json!({"name": "test", "scopes": scopes})),
            )
            .await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        answer.body["key_secret"].as_str().unwrap().to_string()
    }
}

/// Runs a scenario `async fn NAME(api: Api)` as two tests, `NAME_sqlite` and
/// `NAME_postgres`, on a fresh ledger of each backend.
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod on_both_backends {
            use super::*;
            $(
                mod $name {
                    use super::*;
                    #[tokio::test]
                    async fn sqlite() {
                        let api = Api::on(Backend::Sqlite, ServiceOptions::default()).await.unwrap();
                        super::super::$name(api).await;
                    }
                    #[tokio::test]
                    async fn postgres() {
                        if let Some(api) = Api::on(Backend::Postgres, ServiceOptions::default()).await {
                            super::super::$name(api).await;
                        }
                    }
                }
            )*
        }
    };
}

both!(
    events_are_idempotent_and_flow_through_review,
    stored_answers_keep_masked_values_and_evidence_only_the_senders_words,
    a_confirmed_report_records_a_violation_against_the_sender,
    suspension_waits_for_a_reviewer,
);

fn event(id: &str, sender: &str, text: &str) -> Value {
    json!({
        "id": id, "text": text, "surface": "message", "at": now(),
        "sender": {"id": sender, "role": "freelancer"},
        "recipient": {"id": "client-1", "role": "client"},
        "relationship": {"state": "none"}
    })
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339()
}

fn code(answer: &Answer) -> &str {
    answer.body["error"]["code"]
        .as_str()
        .unwrap_or("<no error code>")
}

#[tokio::test]
async fn keys_and_scopes() {
    let api = Api::new(ServiceOptions::default()).await;
    let body = Some(event("m1", "f1", "hello"));
    let none = api
        .call(Method::POST, "/v1/check", None, body.clone())
        .await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(code(&none), "unauthorized");
    let wrong = api
        .call(Method::POST, "/v1/check", Some("osk_nope"), body.clone())
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);

    let reviewer = api.key(&["review"]).await;
    let forbidden = api
        .call(Method::POST, "/v1/check", Some(&reviewer), body.clone())
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    assert_eq!(code(&forbidden), "forbidden");
    let checker = api.key(&["check"]).await;
    assert_eq!(
        api.call(Method::POST, "/v1/check", Some(&checker), body.clone())
            .await
            .status,
        StatusCode::OK
    );
    // check may not record, nor manage keys.
    assert_eq!(
        api.call(Method::POST, "/v1/events", Some(&checker), body.clone())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        api.call(Method::GET, "/v1/keys", Some(&checker), None)
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Listing never shows secrets or hashes; revoking takes effect at once.
    let listed = api
        .call(Method::GET, "/v1/keys", Some(&api.admin), None)
        .await;
    assert_eq!(listed.body["keys"].as_array().unwrap().len(), 3);
    assert!(!listed.body.to_string().contains(&checker));
    let checker_id = listed.body["keys"][2]["key_id"]
        .as_str()
        .unwrap()
        .to_string();
    let revoked = api
        .call(
            Method::DELETE,
            &format!("/v1/keys/{checker_id}"),
            Some(&api.admin),
            None,
        )
        .await;
    assert_eq!(revoked.status, StatusCode::OK, "{}", revoked.body);
    assert_eq!(
        api.call(Method::POST, "/v1/check", Some(&checker), body.clone())
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let again = api
        .call(
            Method::DELETE,
            &format!("/v1/keys/{checker_id}"),
            Some(&api.admin),
            None,
        )
        .await;
    assert_eq!(code(&again), "unknown_key");
    let bad_scope = api
        .call(
            Method::POST,
            "/v1/keys",
            Some(&api.admin),
            Some(json!({"name": "x", "scopes": ["root"]})),
        )
        .await;
    assert_eq!(code(&bad_scope), "invalid_request");
    assert!(bad_scope.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("root"));

    // Open endpoints.
    assert_eq!(
        api.call(Method::GET, "/healthz", None, None).await.status,
        StatusCode::OK
    );
    let metrics = api.call(Method::GET, "/metrics", None, None).await;
    assert!(
        metrics
            .body
            .as_str()
            .unwrap()
            .contains("offside_http_requests_total"),
        "{}",
        metrics.body
    );
}

#[tokio::test]
async fn check_decides_and_records_nothing() {
    let api = Api::new(ServiceOptions::default()).await;
    let key = api.key(&["check"]).await;
    let answer = api
        .call(
            Method::POST,
            "/v1/check",
            Some(&key),
            Some(event("m1", "f1", "mail me at alex.smith@gmail.com")),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body["id"], "m1");
    assert_ne!(answer.body["action"], "allow");
    assert_eq!(
        answer.body["violations"][0]["id"],
        "contact.before_contract"
    );
    assert!(answer.headers.contains_key("x-request-id"));
    assert_eq!(api.state.ledger().decision("m1").await.unwrap(), None);

    let clean = api
        .call(
            Method::POST,
            "/v1/check",
            Some(&key),
            Some(event("m2", "f1", "see you tomorrow")),
        )
        .await;
    assert_eq!(clean.body["action"], "allow");

    let scanned = api
        .call(
            Method::POST,
            "/v1/scan",
            Some(&key),
            Some(json!({"texts": ["call +1 415 555 2671", "nothing"]})),
        )
        .await;
    assert_eq!(scanned.status, StatusCode::OK, "{}", scanned.body);
    assert_eq!(scanned.body["results"][0]["findings"][0]["kind"], "phone");
    assert_eq!(scanned.body["results"][1]["findings"], json!([]));
}

#[tokio::test]
async fn errors_are_json_with_stable_codes() {
    let api = Api::new(ServiceOptions {
        body_limit: 4096,
        ..ServiceOptions::default()
    })
    .await;
    let key = api.key(&["check", "ingest"]).await;
    let table: Vec<(Request<Body>, StatusCode, &str, &str)> = vec![
        (json_request("/v1/check", &key, "{not json"), StatusCode::BAD_REQUEST, "invalid_json", "invalid JSON"),
        (json_request("/v1/check", &key, r#"{"text": "hi"}"#), StatusCode::BAD_REQUEST, "invalid_request", "missing field `surface`"),
        (
            json_request("/v1/check", &key, &event("m", "f", "hi").to_string().replace("\"message\"", "\"sms\"")),
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "\"surface\"",
        ),
        (
            json_request("/v1/check", &key, &json!({"id": "m", "surface": "message", "at": now(), "sender": {"id": "f", "role": "client"}, "relationship": {"state": "none"}}).to_string()),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_event",
            "nothing to check",
        ),
        (json_request("/v1/events", &key, &json!({"text": "hi", "surface": "message", "at": now(), "sender": {"id": "f", "role": "client"}, "relationship": {"state": "none"}}).to_string()), StatusCode::BAD_REQUEST, "invalid_request", "\"id\" is required"),
        (json_request("/v1/check", &key, &format!("\"{}\"", "x".repeat(5000))), StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", "4096"),
        (json_request("/v1/reports", &key, r#"{"event_id": "never", "reporter": "c1"}"#), StatusCode::NOT_FOUND, "unknown_event", "never"),
        (json_request("/v1/scan", &key, r#"{"texts": ["a"], "region": "XX"}"#), StatusCode::BAD_REQUEST, "invalid_request", "region"),
        (
            Request::post("/v1/check").header(header::AUTHORIZATION, format!("Bearer {key}")).header(header::CONTENT_TYPE, "text/plain").body(Body::from("hi")).unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "application/json",
        ),
        (Request::get("/v1/nothing").body(Body::empty()).unwrap(), StatusCode::NOT_FOUND, "not_found", "/v1/nothing"),
        (Request::get("/v1/check").body(Body::empty()).unwrap(), StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "method"),
    ];
    for (request, status, expected_code, in_message) in table {
        let what = format!("{} {}", request.method(), request.uri());
        let answer = api.send(request).await;
        assert_eq!(answer.status, status, "{what}: {}", answer.body);
        assert_eq!(code(&answer), expected_code, "{what}: {}", answer.body);
        let message = answer.body["error"]["message"].as_str().unwrap();
        assert!(message.contains(in_message), "{what}: {message}");
    }
}

fn json_request(path: &str, key: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header(header::AUTHORIZATION, format!("Bearer {key}"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[tokio::test]
async fn rate_limit_per_key() {
    let api = Api::new(ServiceOptions {
        rate_limit: 2,
        ..ServiceOptions::default()
    })
    .await;
    let key = api.key(&["check"]).await;
    let body = Some(event("m", "f", "hi"));
    for _ in 0..2 {
        assert_eq!(
            api.call(Method::POST, "/v1/check", Some(&key), body.clone())
                .await
                .status,
            StatusCode::OK
        );
    }
    let limited = api
        .call(Method::POST, "/v1/check", Some(&key), body.clone())
        .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(code(&limited), "rate_limited");
    assert!(limited.headers.contains_key(header::RETRY_AFTER));
}

async fn events_are_idempotent_and_flow_through_review(api: Api) {
    let ingest = api.key(&["ingest"]).await;
    let review = api.key(&["review"]).await;
    let m1 = event("m1", "f1", "pay me on paypal, alex.smith@gmail.com");
    let first = api
        .call(Method::POST, "/v1/events", Some(&ingest), Some(m1.clone()))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.headers["offside-duplicate"], "false");
    let recorded: Vec<String> = first.body["recorded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert!(!recorded.is_empty(), "{}", first.body);

    // The same event again: the first answer, nothing changes.
    let again = api
        .call(Method::POST, "/v1/events", Some(&ingest), Some(m1.clone()))
        .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.headers["offside-duplicate"], "true");
    assert_eq!(again.body, first.body);
    // The same id with another body: a conflict, and nothing of it is recorded.
    let mut other = m1.clone();
    other["text"] = json!("all good");
    let conflict = api
        .call(Method::POST, "/v1/events", Some(&ingest), Some(other))
        .await;
    assert_eq!(conflict.status, StatusCode::CONFLICT, "{}", conflict.body);
    assert_eq!(code(&conflict), "conflict");
    let standing = api
        .call(Method::GET, "/v1/accounts/f1", Some(&review), None)
        .await;
    assert_eq!(standing.status, StatusCode::OK, "{}", standing.body);
    assert_eq!(
        standing.body["violations"].as_array().unwrap().len(),
        recorded.len()
    );
    let points_before = standing.body["points"].as_f64().unwrap();
    assert!(points_before > 0.0);

    // A report on the message enters the review queue, oldest first.
    let report = api
        .call(
            Method::POST,
            "/v1/reports",
            Some(&ingest),
            Some(json!({"event_id": "m1", "reporter": "client-1", "reason": "asked for paypal"})),
        )
        .await;
    assert_eq!(report.status, StatusCode::CREATED, "{}", report.body);
    let queue = api
        .call(Method::GET, "/v1/review/queue", Some(&review), None)
        .await;
    let items = queue.body["items"].as_array().unwrap();
    assert!(
        items
            .iter()
            .any(|item| item["kind"] == "report" && item["message_id"] == "m1"),
        "{}",
        queue.body
    );

    // Dismissing the violations brings the points down and closes the report.
    for violation_id in &recorded {
        let verdict = api
            .call(
                Method::POST,
                "/v1/review/verdicts",
                Some(&review),
                Some(json!({"subject_id": violation_id, "verdict": "dismiss", "reviewer": "rita"})),
            )
            .await;
        assert_eq!(verdict.status, StatusCode::CREATED, "{}", verdict.body);
    }
    let after = api
        .call(Method::GET, "/v1/accounts/f1", Some(&review), None)
        .await;
    assert_eq!(
        after.body["points"].as_f64().unwrap(),
        0.0,
        "{}",
        after.body
    );
    let queue = api
        .call(Method::GET, "/v1/review/queue", Some(&review), None)
        .await;
    assert!(
        !queue.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|item| item["message_id"] == "m1"),
        "{}",
        queue.body
    );

    // Appeals: filed by the platform for the user, decided by a reviewer.
    let second = api
        .call(
            Method::POST,
            "/v1/events",
            Some(&ingest),
            Some(event("m2", "f1", "text me at +1 415 555 2671")),
        )
        .await;
    let violation_id = second.body["recorded"][0].as_str().unwrap().to_string();
    let appeal = api
        .call(
            Method::POST,
            "/v1/appeals",
            Some(&ingest),
            Some(json!({"violation_id": violation_id, "note": "it was my office"})),
        )
        .await;
    assert_eq!(appeal.status, StatusCode::CREATED, "{}", appeal.body);
    let appeal_id = appeal.body["event_id"].as_str().unwrap().to_string();
    let decided = api
        .call(
            Method::POST,
            "/v1/appeals/decisions",
            Some(&review),
            Some(json!({"appeal_id": appeal_id, "outcome": "upheld", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(decided.status, StatusCode::CREATED, "{}", decided.body);
    let after = api
        .call(Method::GET, "/v1/accounts/f1", Some(&review), None)
        .await;
    assert_eq!(
        after.body["points"].as_f64().unwrap(),
        0.0,
        "{}",
        after.body
    );
    // Acting on something that is not there, or of the wrong type.
    let unknown = api
        .call(
            Method::POST,
            "/v1/review/verdicts",
            Some(&review),
            Some(json!({"subject_id": "nope", "verdict": "confirm", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(code(&unknown), "unknown_subject");
    let wrong = api
        .call(
            Method::POST,
            "/v1/appeals/decisions",
            Some(&review),
            Some(json!({"appeal_id": violation_id, "outcome": "denied", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(code(&wrong), "wrong_subject");
}

#[tokio::test]
async fn a_number_split_over_two_requests_is_caught() {
    let api = Api::new(ServiceOptions::default()).await;
    let ingest = api.key(&["ingest"]).await;
    let mut first = event("s1", "f1", "my number is 415 555");
    first["conversation_id"] = json!("conv-1");
    let answer = api
        .call(Method::POST, "/v1/events", Some(&ingest), Some(first))
        .await;
    assert_eq!(answer.body["action"], "allow", "{}", answer.body);
    let mut second = event("s2", "f1", "2671 call me");
    second["conversation_id"] = json!("conv-1");
    let answer = api
        .call(
            Method::POST,
            "/v1/events",
            Some(&ingest),
            Some(second.clone()),
        )
        .await;
    assert_ne!(answer.body["action"], "allow", "{}", answer.body);
    assert_eq!(answer.body["violations"][0]["kinds"], json!(["phone"]));
    // Without the conversation the second part alone is nothing.
    second["id"] = json!("s3");
    second["conversation_id"] = json!("conv-2");
    let alone = api
        .call(Method::POST, "/v1/events", Some(&ingest), Some(second))
        .await;
    assert_eq!(alone.body["action"], "allow", "{}", alone.body);
    // The first message's own findings are not counted again on a later message.
    let mut third = event("s4", "f2", "mail alex.smith@gmail.com");
    third["conversation_id"] = json!("conv-3");
    api.call(Method::POST, "/v1/events", Some(&ingest), Some(third))
        .await;
    let mut fourth = event("s5", "f2", "thanks!");
    fourth["conversation_id"] = json!("conv-3");
    let answer = api
        .call(Method::POST, "/v1/events", Some(&ingest), Some(fourth))
        .await;
    assert_eq!(answer.body["action"], "allow", "{}", answer.body);
}

/// The served document parses, and its operations are the router's: each one's method and
/// path reach a handler (neither the not-found fallback nor method-not-allowed), and the
/// other methods of its paths are refused. The route table it is generated from is
/// compared with it in `openapi.rs`'s unit tests.
#[tokio::test]
async fn openapi_lists_every_route_with_its_scopes() {
    let api = Api::new(ServiceOptions::default()).await;
    let document = api.call(Method::GET, "/openapi.json", None, None).await;
    assert_eq!(document.status, StatusCode::OK);
    let document = document.body;
    assert_eq!(document["openapi"], "3.1.0");
    let methods = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
    ];
    let mut n_operations = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        let probe = path.replace("{account}", "a").replace("{key_id}", "k");
        for method in &methods {
            let documented = item.get(method.as_str().to_ascii_lowercase()).is_some();
            let answer = api.call(method.clone(), &probe, None, None).await;
            assert_ne!(code(&answer), "not_found", "{method} {path}");
            if documented {
                n_operations += 1;
                assert_ne!(code(&answer), "method_not_allowed", "{method} {path}");
            } else {
                assert_eq!(code(&answer), "method_not_allowed", "{method} {path}");
            }
        }
    }
    assert_eq!(n_operations, 18);
    // The scopes are the ones the handlers accept, ingest included where it is.
    let scopes = |path: &str, method: &str| document["paths"][path][method]["x-scopes"].clone();
    assert_eq!(
        scopes("/v1/check", "post"),
        json!(["check", "ingest", "admin"])
    );
    assert_eq!(
        scopes("/v1/accounts/{account}", "get"),
        json!(["review", "ingest", "admin"])
    );
    assert_eq!(
        scopes("/v1/accounts/{account}/linked", "get"),
        json!(["review", "ingest", "admin"])
    );
    assert_eq!(scopes("/v1/keys/{key_id}", "delete"), json!(["admin"]));
    assert_eq!(scopes("/healthz", "get"), Value::Null);
    // And they are what the service enforces: an ingest key reads standings, a check key
    // does not.
    let ingest = api.key(&["ingest"]).await;
    let check = api.key(&["check"]).await;
    let standing = api
        .call(Method::GET, "/v1/accounts/acct-1", Some(&ingest), None)
        .await;
    assert_eq!(standing.status, StatusCode::OK, "{}", standing.body);
    let refused = api
        .call(Method::GET, "/v1/accounts/acct-1", Some(&check), None)
        .await;
    assert_eq!(code(&refused), "forbidden");
}

async fn stored_answers_keep_masked_values_and_evidence_only_the_senders_words(api: Api) {
    let key = api.key(&["ingest"]).await;
    let mut event = event("priv-1", "fl-p", "thanks, talk soon");
    event["text"] = Value::Null;
    event.as_object_mut().unwrap().remove("text");
    event["conversation"] = json!([
        {"from": "client-1", "text": "my number is +1 415 839 2716"},
        {"from": "fl-p", "text": "mail me at alex.m@gmail.com"}
    ]);
    let answer = api
        .call(Method::POST, "/v1/events", Some(&key), Some(event))
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.body["action"], "redact", "{}", answer.body);
    let stored = api
        .state
        .ledger()
        .decision("priv-1")
        .await
        .unwrap()
        .unwrap();
    assert!(
        !stored.response.contains("alex.m@gmail.com"),
        "{}",
        stored.response
    );
    assert!(
        stored.response.contains("a***@gmail.com"),
        "{}",
        stored.response
    );
    let evidence = api
        .state
        .ledger()
        .evidence("priv-1")
        .await
        .unwrap()
        .unwrap();
    assert!(
        evidence.content.contains("alex.m@gmail.com"),
        "{}",
        evidence.content
    );
    // What the other side wrote is not kept.
    assert!(
        !evidence.content.contains("839 2716"),
        "{}",
        evidence.content
    );
    // Nothing broken, nothing kept.
    let clean = api
        .call(
            Method::POST,
            "/v1/events",
            Some(&key),
            Some(event_clean("priv-2")),
        )
        .await;
    assert_eq!(clean.status, StatusCode::OK);
    assert!(api
        .state
        .ledger()
        .evidence("priv-2")
        .await
        .unwrap()
        .is_none());
}

fn event_clean(id: &str) -> Value {
    event(id, "fl-p", "I can start on Monday")
}

async fn a_confirmed_report_records_a_violation_against_the_sender(api: Api) {
    let ingest = api.key(&["ingest"]).await;
    let review = api.key(&["review"]).await;
    // The engine allows this message; the recipient reports it.
    let answer = api
        .call(
            Method::POST,
            "/v1/events",
            Some(&ingest),
            Some(event(
                "rep-1",
                "fl-r",
                "let's sort the details out somewhere quieter",
            )),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let report = api
        .call(
            Method::POST,
            "/v1/reports",
            Some(&ingest),
            Some(json!({"event_id": "rep-1", "reporter": "client-1"})),
        )
        .await;
    assert_eq!(report.status, StatusCode::CREATED, "{}", report.body);
    let report_id = report.body["event_id"].as_str().unwrap().to_string();
    let verdict = api
        .call(
            Method::POST,
            "/v1/review/verdicts",
            Some(&review),
            Some(json!({"subject_id": report_id, "verdict": "confirm", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(verdict.status, StatusCode::CREATED, "{}", verdict.body);
    let standing = api
        .call(Method::GET, "/v1/accounts/fl-r", Some(&review), None)
        .await;
    let violations = standing.body["violations"].as_array().unwrap();
    assert_eq!(violations.len(), 1, "{}", standing.body);
    assert_eq!(violations[0]["source_message_id"], "rep-1");
    let reporter = api
        .call(Method::GET, "/v1/accounts/client-1", Some(&review), None)
        .await;
    assert_eq!(reporter.body["reports_confirmed"], 1, "{}", reporter.body);
    assert_eq!(reporter.body["violations"], json!([]));
    // A client cannot choose an id that takes a future violation's place.
    let appeal = api
        .call(
            Method::POST,
            "/v1/appeals",
            Some(&ingest),
            Some(json!({"violation_id": violations[0]["event_id"], "id": "m-9#contact.before_contract"})),
        )
        .await;
    assert_eq!(appeal.status, StatusCode::BAD_REQUEST, "{}", appeal.body);
}

async fn suspension_waits_for_a_reviewer(api: Api) {
    let ingest = api.key(&["ingest"]).await;
    let review = api.key(&["review"]).await;
    for n in 0..4 {
        let answer = api
            .call(
                Method::POST,
                "/v1/events",
                Some(&ingest),
                Some(event(
                    &format!("susp-{n}"),
                    "fl-s",
                    "pay me on paypal instead, it skips the fee",
                )),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        assert_eq!(answer.body["action"], "block", "{}", answer.body);
    }
    let standing = api
        .call(Method::GET, "/v1/accounts/fl-s", Some(&review), None)
        .await;
    assert_eq!(
        standing.body["sanction"], "restriction",
        "{}",
        standing.body
    );
    assert_eq!(standing.body["suspension_pending_review"], true);
    let queue = api
        .call(Method::GET, "/v1/review/queue", Some(&review), None)
        .await;
    assert!(
        queue.body.to_string().contains("\"suspension\""),
        "{}",
        queue.body
    );
    let confirm = api
        .call(
            Method::POST,
            "/v1/review/suspensions",
            Some(&review),
            Some(json!({"account": "fl-s", "decision": "confirm", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(confirm.status, StatusCode::CREATED, "{}", confirm.body);
    let standing = api
        .call(Method::GET, "/v1/accounts/fl-s", Some(&review), None)
        .await;
    assert_eq!(standing.body["sanction"], "suspension", "{}", standing.body);
    let lift = api
        .call(
            Method::POST,
            "/v1/review/suspensions",
            Some(&review),
            Some(json!({"account": "fl-s", "decision": "lift", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(lift.status, StatusCode::CREATED, "{}", lift.body);
    let standing = api
        .call(Method::GET, "/v1/accounts/fl-s", Some(&review), None)
        .await;
    assert_eq!(standing.body["sanction"], "none", "{}", standing.body);
    let again = api
        .call(
            Method::POST,
            "/v1/review/suspensions",
            Some(&review),
            Some(json!({"account": "fl-s", "decision": "confirm", "reviewer": "rita"})),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "{}", again.body);
}
