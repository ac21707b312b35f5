//! The connection loop of `offside serve`: HTTP/1.1 over hyper with the limits a service
//! open to the network needs, which `axum::serve` does not set.
//!
//! - **Header timeout** ([`ConnectionLimits::header_timeout`]): a connection must send a
//!   complete request head within it, counted from when the connection starts waiting for
//!   one. It is therefore also the idle timeout of a keep-alive connection between two
//!   requests. A slow-headers flood (connections that never finish their headers) is closed
//!   after it, and counted.
//! - **Body timeout** ([`ConnectionLimits::body_timeout`]): the whole request body must
//!   arrive within it, counted from the end of the headers; a handler reading a body that
//!   trickles in gets an error when it passes.
//! - **Connection cap** ([`ConnectionLimits::max_connections`], also bounded by the
//!   process's open-files limit, whose soft value is raised to the hard one at start-up):
//!   past it, new connections are accepted and closed at once, so they cost no memory, and
//!   the log says so (once per [`LOG_EVERY`], with a count).
//!
//! Each request carries its client's address ([`ClientAddr`]) for the per-address throttles.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::Router;
use bytes::Bytes;
use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_service::Service;

use crate::auth::ClientAddr;

/// How often a repeated event (refused connections, timed-out headers) is logged at most.
pub const LOG_EVERY: Duration = Duration::from_secs(10);

/// Connections kept free of the open-files limit for the database, logs and files.
const SPARE_FILES: u64 = 128;

/// The limits of the connection loop.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Time to send a complete request head (also the keep-alive idle timeout).
    pub header_timeout: Duration,
    /// Time to send a whole request body, from the end of its head.
    pub body_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
}

/// A log line at most once per [`LOG_EVERY`], counting the events in between.
struct Throttled {
    count: AtomicU64,
    last: Mutex<Option<Instant>>,
}

impl Throttled {
    fn new() -> Throttled {
        Throttled {
            count: AtomicU64::new(0),
            last: Mutex::new(None),
        }
    }

    /// Counts one event; `Some(events since the last line)` when a line is due.
    fn hit(&self) -> Option<u64> {
        self.count.fetch_add(1, Ordering::Relaxed);
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        if last.is_some_and(|at| now.duration_since(at) < LOG_EVERY) {
            return None;
        }
        *last = Some(now);
        Some(self.count.swap(0, Ordering::Relaxed))
    }
}

/// Raises the soft open-files limit to the hard one and returns it (`None` if unknown).
fn raise_open_files_limit() -> Option<u64> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct passed.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit {
                rlim_cur: limit.rlim_max,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
    }
    Some(limit.rlim_cur)
}

/// The connection cap in force: the configured one, within the open-files limit.
pub fn effective_max_connections(configured: usize) -> usize {
    match raise_open_files_limit() {
        Some(files) if files != libc::RLIM_INFINITY => {
            let room =
                usize::try_from(files.saturating_sub(SPARE_FILES).max(16)).unwrap_or(usize::MAX);
            configured.min(room)
        }
        _ => configured,
    }
}

/// Serves `app` on `listener` within `limits` until `shutdown` resolves, then lets the
/// requests in flight finish (for at most `drain`).
pub async fn run(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
    drain: Duration,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let refused = Arc::new(Throttled::new());
    let timed_out = Arc::new(Throttled::new());
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors, or a connection reset before it was accepted:
                // wait a little rather than spin.
                tracing::warn!(%error, "cannot accept a connection");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = slots.clone().try_acquire_owned() else {
            drop(stream);
            metrics::counter!("offside_connections_refused_total").increment(1);
            if let Some(count) = refused.hit() {
                tracing::warn!(
                    max_connections = limits.max_connections,
                    refused = count,
                    "connection limit reached: new connections are closed at once"
                );
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = app.clone();
        let body_timeout = limits.body_timeout;
        let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let mut router = router.clone();
            async move {
                let mut request = request.map(|body| Body::new(TimedBody::new(body, body_timeout)));
                request.extensions_mut().insert(ClientAddr(peer));
                let response = router.call(request).await;
                Ok::<_, Infallible>(response.unwrap_or_else(|never| match never {}))
            }
        });
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        let timed_out = timed_out.clone();
        let header_timeout = limits.header_timeout;
        metrics::gauge!("offside_connections_open").increment(1.0);
        tokio::spawn(async move {
            let _permit = permit;
            if let Err(error) = connection.await {
                if error.is_timeout() {
                    metrics::counter!("offside_connections_timed_out_total").increment(1);
                    if let Some(count) = timed_out.hit() {
                        tracing::info!(
                            closed = count,
                            header_timeout_secs = header_timeout.as_secs_f64(),
                            "closed connections that sent no complete request within the header timeout"
                        );
                    }
                }
            }
            metrics::gauge!("offside_connections_open").decrement(1.0);
        });
    }
    drop(listener);
    if tokio::time::timeout(drain, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            drain_secs = drain.as_secs(),
            "requests still in flight after the drain time; closing them"
        );
    }
}

/// A request body that must arrive whole before a deadline.
struct TimedBody {
    inner: Incoming,
    deadline: Pin<Box<tokio::time::Sleep>>,
    timeout: Duration,
}

impl TimedBody {
    fn new(inner: Incoming, timeout: Duration) -> TimedBody {
        TimedBody {
            inner,
            deadline: Box::pin(tokio::time::sleep(timeout)),
            timeout,
        }
    }
}

/// The error of a body that did not arrive in time.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive within the body timeout of {0:?}")]
pub struct BodyTimeout(Duration);

impl HttpBody for TimedBody {
    type Data = Bytes;
    type Error = axum::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::BoxError>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => Poll::Ready(frame.map(|f| f.map_err(Into::into))),
            Poll::Pending => {
                if this.deadline.as_mut().poll(cx).is_ready() {
                    metrics::counter!("offside_request_body_timeouts_total").increment(1);
                    return Poll::Ready(Some(Err(BodyTimeout(this.timeout).into())));
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
