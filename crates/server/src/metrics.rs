//! Prometheus metrics and the per-request middleware: a request id, a span carrying it (so
//! every log line of the request has it), counters and latency histograms by route.
//!
//! Metric names: `offside_http_requests_total{method,route,status}`,
//! `offside_http_request_duration_seconds{route}` (histogram),
//! `offside_findings_total{kind}`, `offside_decisions_total{action,endpoint}`.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tracing::Instrument;

/// Latency buckets, in seconds: the check path answers in well under a millisecond.
const LATENCY_BUCKETS: [f64; 14] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

/// The process's metrics recorder (one per process: the `metrics` facade is global).
pub fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new();
            let builder = match builder.set_buckets(&LATENCY_BUCKETS) {
                Ok(with_buckets) => with_buckets,
                // Only an empty bucket list is refused; ours is not empty.
                Err(_) => PrometheusBuilder::new(),
            };
            let recorder = builder.build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (a test harness); ours still
            // renders whatever it records.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

static REQUEST_COUNTER: AtomicU64 = AtomicU64::new(0);

fn request_id() -> String {
    static PREFIX: OnceLock<String> = OnceLock::new();
    let prefix =
        PREFIX.get_or_init(|| crate::auth::random_hex(4).unwrap_or_else(|_| "00000000".into()));
    let n = REQUEST_COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{n:x}")
}

/// Gives the request an id, runs it in a span carrying that id, and records its metrics.
pub async fn track(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |path| path.as_str())
        .to_string();
    let method = request.method().as_str().to_string();
    let span = tracing::info_span!("request", request_id = %id, %method, %route);
    let mut response = next.run(request).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let status = response.status();
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    metrics::counter!(
        "offside_http_requests_total",
        "method" => method,
        "route" => route.clone(),
        "status" => status.as_u16().to_string()
    )
    .increment(1);
    metrics::histogram!("offside_http_request_duration_seconds", "route" => route)
        .record(elapsed.as_secs_f64());
    span.in_scope(|| {
        tracing::debug!(
            status = status.as_u16(),
            elapsed_us = elapsed.as_micros() as u64,
            "answered"
        );
    });
    response
}
