//! `offside consume`: records the events of a NATS JetStream stream, as `POST /v1/events`
//! does, for platforms that put their messages on a stream rather than call an API.
//!
//! One durable pull consumer, shared by every `offside consume` process given the same
//! `--consumer` name: JetStream hands each message to one of them (a consumer group). Each
//! message is handled in stream order:
//!
//! 1. parsed as an event (the same JSON as `POST /v1/events`, `id` required);
//! 2. decided and recorded with [`crate::ingest::record`]: the decision and its ledger events
//!    are committed in one transaction, keyed by the event id;
//! 3. the stored answer is published to the decisions subject, with `Nats-Msg-Id` set to the
//!    event id so that JetStream drops a republished copy;
//! 4. only then acknowledged.
//!
//! A process that dies anywhere in between leaves the message unacknowledged; JetStream
//! redelivers it after the ack wait, and step 2 finds the id already recorded and returns the
//! first answer without counting anything twice. A malformed event (not JSON, a missing or
//! wrong field, an inconsistent relationship) can never succeed: it is published to the
//! dead-letter subject with the reason in headers, then acknowledged. Anything else (the
//! database is down) is negatively acknowledged with a growing delay and retried; after
//! `--max-deliveries` attempts the message is dead-lettered too, so one poisonous message
//! cannot stall its stream for ever.

use std::sync::Arc;
use std::time::Duration;

use async_nats::jetstream::{self, consumer, AckKind};
use async_nats::HeaderMap;
use futures_util::StreamExt;

use crate::error::ApiError;
use crate::extract::parse_json;
use crate::ingest::{self, ApiEvent};
use crate::serve::{init_logging, shutdown_signal};
use crate::state::AppState;
use crate::state::ServiceOptions;

/// How `offside consume` runs: the NATS server, the stream and its durable consumer, the
/// output subjects, and the service it records through.
#[derive(Debug, Clone)]
pub struct ConsumeConfig {
    /// The NATS server's URL.
    pub nats: String,
    /// The JetStream stream of events; created (with `subjects`) if it does not exist.
    pub stream: String,
    /// The subjects of the events stream, when offside creates it.
    pub subjects: Vec<String>,
    /// The durable consumer's name: processes with the same name share the stream's messages.
    pub consumer: String,
    /// Only the events on this subject (a partition of the stream), set when the durable
    /// consumer is created.
    pub filter_subject: Option<String>,
    /// Where decisions are published (the stored answer, as `POST /v1/events` returns it).
    pub decisions_subject: String,
    /// Where malformed events are published, unchanged, with the reason in the headers.
    pub dead_letter_subject: String,
    /// The stream created for the decisions and dead-letter subjects when no stream
    /// captures them yet.
    pub output_stream: String,
    /// Messages fetched per pull request (at least 1).
    pub batch: usize,
    /// Seconds JetStream waits for an acknowledgement before redelivering (at least 1).
    pub ack_wait: u64,
    /// Deliveries of a message that keeps failing for another reason than its content
    /// before it is dead-lettered.
    pub max_deliveries: i64,
    /// The ledger database: an SQLite file or a `postgres://` URL.
    pub database: String,
    /// The policy, the default region and the hash secret (the HTTP edge's limits do not
    /// apply).
    pub service: ServiceOptions,
}

/// What happened to messages, printed when the consumer stops.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    recorded: u64,
    duplicates: u64,
    dead_lettered: u64,
    retried: u64,
}

/// What to do with one message.
enum Outcome {
    /// Recorded (or found recorded) and its decision published: acknowledge.
    Recorded { duplicate: bool },
    /// Published to the dead-letter subject: acknowledge.
    DeadLettered,
    /// Failed for a reason that may pass: redeliver later.
    Retry(anyhow::Error),
}

/// Runs the consumer until SIGTERM or ctrl-c: the message in hand is finished and
/// acknowledged; messages fetched but not started are redelivered after the ack wait.
pub async fn consume(config: ConsumeConfig) -> anyhow::Result<()> {
    init_logging();
    anyhow::ensure!(config.batch > 0, "--batch must be at least 1");
    anyhow::ensure!(config.ack_wait > 0, "--ack-wait must be at least 1 second");
    let state = AppState::open(
        &config.database,
        ServiceOptions {
            rate_limit: 0,
            ..config.service.clone()
        },
    )
    .await?;
    let client = async_nats::ConnectOptions::new()
        .name("offside-consume")
        .connect(config.nats.as_str())
        .await
        .map_err(|error| {
            anyhow::anyhow!(
                "cannot connect to NATS ({}): {error}",
                without_credentials(&config.nats)
            )
        })?;
    let js = jetstream::new(client);
    let consumer = open_consumer(&js, &config).await?;
    ensure_output_stream(&js, &config).await?;
    eprintln!(
        "offside: consuming stream {} as consumer {}; decisions to {}, dead letters to {}",
        config.stream, config.consumer, config.decisions_subject, config.dead_letter_subject
    );
    tracing::info!(
        stream = %config.stream,
        consumer = %config.consumer,
        database = state.ledger().backend(),
        "consuming"
    );
    let mut messages = consumer
        .stream()
        .max_messages_per_batch(config.batch)
        .messages()
        .await
        .map_err(|error| anyhow::anyhow!("cannot pull from {}: {error}", config.stream))?;
    let mut tally = Tally::default();
    let shutdown = shutdown_signal();
    tokio::pin!(shutdown);
    loop {
        let message = tokio::select! {
            () = &mut shutdown => break,
            next = messages.next() => next,
        };
        let message = match message {
            None => anyhow::bail!("the pull subscription on {} ended", config.stream),
            Some(Err(error)) => {
                // Missed heartbeats and the like: the stream reconnects by itself.
                tracing::warn!(%error, "pull error");
                continue;
            }
            Some(Ok(message)) => message,
        };
        let delivered = message.info().map_or(1, |info| info.delivered);
        let sequence = message.info().map_or(0, |info| info.stream_sequence);
        let outcome = handle(&state, &js, &config, &message, delivered).await;
        let ack = match outcome {
            Outcome::Recorded { duplicate } => {
                if duplicate {
                    tally.duplicates += 1;
                } else {
                    tally.recorded += 1;
                }
                message.ack().await
            }
            Outcome::DeadLettered => {
                tally.dead_lettered += 1;
                message.ack().await
            }
            Outcome::Retry(error) => {
                tally.retried += 1;
                tracing::warn!(sequence, delivered, error = %format!("{error:#}"), "will retry");
                let delay = Duration::from_secs(delivered.clamp(1, 30) as u64);
                message.ack_with(AckKind::Nak(Some(delay))).await
            }
        };
        if let Err(error) = ack {
            // Not acknowledged: it comes back, and its id makes the second pass a no-op.
            tracing::warn!(sequence, %error, "acknowledgement failed");
        }
    }
    state.ledger().close().await;
    eprintln!(
        "offside: consumer stopped: {} recorded, {} duplicates, {} dead-lettered, {} retried",
        tally.recorded, tally.duplicates, tally.dead_lettered, tally.retried
    );
    Ok(())
}

/// The events stream (created if missing) and the durable pull consumer on it.
async fn open_consumer(
    js: &jetstream::Context,
    config: &ConsumeConfig,
) -> anyhow::Result<consumer::PullConsumer> {
    let stream = js
        .get_or_create_stream(jetstream::stream::Config {
            name: config.stream.clone(),
            subjects: config.subjects.clone(),
            ..Default::default()
        })
        .await
        .map_err(|error| anyhow::anyhow!("stream {}: {error}", config.stream))?;
    let pull = consumer::pull::Config {
        durable_name: Some(config.consumer.clone()),
        ack_policy: consumer::AckPolicy::Explicit,
        ack_wait: Duration::from_secs(config.ack_wait),
        filter_subject: config.filter_subject.clone().unwrap_or_default(),
        ..Default::default()
    };
    stream
        .get_or_create_consumer(&config.consumer, pull)
        .await
        .map_err(|error| {
            anyhow::anyhow!(
                "consumer {} on stream {}: {error}",
                config.consumer,
                config.stream
            )
        })
}

/// Makes sure a stream captures the decisions and dead-letter subjects, so that publishing
/// to them is acknowledged (and deduplicated by `Nats-Msg-Id`).
async fn ensure_output_stream(
    js: &jetstream::Context,
    config: &ConsumeConfig,
) -> anyhow::Result<()> {
    let mut uncaptured = Vec::new();
    for subject in [&config.decisions_subject, &config.dead_letter_subject] {
        if js.stream_by_subject(subject.as_str()).await.is_err() {
            uncaptured.push(subject.clone());
        }
    }
    if uncaptured.is_empty() {
        return Ok(());
    }
    js.get_or_create_stream(jetstream::stream::Config {
        name: config.output_stream.clone(),
        subjects: uncaptured.clone(),
        ..Default::default()
    })
    .await
    .map_err(|error| anyhow::anyhow!("stream {}: {error}", config.output_stream))?;
    for subject in &uncaptured {
        js.stream_by_subject(subject.as_str()).await.map_err(|_| {
            anyhow::anyhow!(
                "no stream captures {subject}: stream {} exists with other subjects; \
                 add {subject} to it or choose another --output-stream",
                config.output_stream
            )
        })?;
    }
    Ok(())
}

/// Parses, records and publishes one message; never acknowledges it (the caller does).
async fn handle(
    state: &Arc<AppState>,
    js: &jetstream::Context,
    config: &ConsumeConfig,
    message: &jetstream::Message,
    delivered: i64,
) -> Outcome {
    let recorded = match parse_json::<ApiEvent>(&message.payload) {
        Ok(event) => ingest::record(state, event).await,
        Err(error) => Err(error),
    };
    match recorded {
        Ok(recorded) => {
            let mut headers = HeaderMap::new();
            headers.insert(
                async_nats::header::NATS_MESSAGE_ID,
                recorded.event_id.as_str(),
            );
            headers.insert(
                "Offside-Duplicate",
                if recorded.duplicate { "true" } else { "false" },
            );
            match publish(js, &config.decisions_subject, headers, recorded.response).await {
                Ok(()) => Outcome::Recorded {
                    duplicate: recorded.duplicate,
                },
                Err(error) => Outcome::Retry(error),
            }
        }
        Err(error) => {
            let permanent = matches!(
                error,
                ApiError::InvalidJson(_)
                    | ApiError::InvalidRequest(_)
                    | ApiError::InvalidEvent(_)
                    | ApiError::Conflict(_)
            );
            if !permanent && delivered < config.max_deliveries {
                return Outcome::Retry(anyhow::Error::new(error));
            }
            let (code, _) = error.code_and_status();
            let reason = match &error {
                ApiError::Internal(_) => {
                    tracing::error!(error = %format!("{error:#}"), "giving up on a message");
                    format!(
                        "internal error on each of {delivered} deliveries (see the consumer's log)"
                    )
                }
                other => other.to_string(),
            };
            dead_letter(js, config, message, code, &reason).await
        }
    }
}

async fn dead_letter(
    js: &jetstream::Context,
    config: &ConsumeConfig,
    message: &jetstream::Message,
    code: &str,
    reason: &str,
) -> Outcome {
    let info = message.info().ok();
    let mut headers = HeaderMap::new();
    if let Some(info) = &info {
        // One dead letter per stream message, however often it is redelivered.
        headers.insert(
            async_nats::header::NATS_MESSAGE_ID,
            format!("dead-letter:{}:{}", info.stream, info.stream_sequence).as_str(),
        );
        headers.insert("Offside-Stream", info.stream);
        headers.insert(
            "Offside-Stream-Sequence",
            info.stream_sequence.to_string().as_str(),
        );
    }
    headers.insert("Offside-Subject", message.subject.as_str());
    headers.insert("Offside-Error-Code", code);
    headers.insert("Offside-Error", header_value(reason).as_str());
    tracing::warn!(
        code,
        sequence = info.as_ref().map_or(0, |info| info.stream_sequence),
        "dead-lettered a message"
    );
    match publish(
        js,
        &config.dead_letter_subject,
        headers,
        message.payload.clone(),
    )
    .await
    {
        Ok(()) => Outcome::DeadLettered,
        Err(error) => Outcome::Retry(error),
    }
}

/// Publishes and waits for JetStream's acknowledgement.
async fn publish(
    js: &jetstream::Context,
    subject: &str,
    headers: HeaderMap,
    payload: impl Into<bytes::Bytes>,
) -> anyhow::Result<()> {
    js.publish_with_headers(subject.to_string(), headers, payload.into())
        .await
        .map_err(|error| anyhow::anyhow!("publishing to {subject}: {error}"))?
        .await
        .map_err(|error| anyhow::anyhow!("publishing to {subject}: {error}"))?;
    Ok(())
}

/// A server URL for messages: `nats://user:secret@host` loses its `user:secret@`.
fn without_credentials(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    if scheme.is_empty() {
        host.to_string()
    } else {
        format!("{scheme}://{host}")
    }
}

/// A header value: one line, at most 1000 bytes.
fn header_value(text: &str) -> String {
    let mut value: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if value.len() > 1000 {
        let mut end = 1000;
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        value.truncate(end);
    }
    value
}

#[cfg(test)]
mod tests {
    use super::{header_value, without_credentials};

    #[test]
    fn urls_in_messages_carry_no_credentials() {
        assert_eq!(
            without_credentials("nats://user:s3cret@nats.internal:4222"),
            "nats://nats.internal:4222"
        );
        assert_eq!(without_credentials("tls://token@host"), "tls://host");
        assert_eq!(without_credentials("127.0.0.1:4222"), "127.0.0.1:4222");
    }

    #[test]
    fn header_values_are_one_bounded_line() {
        assert_eq!(header_value("a\r\nb\tc"), "a  b c");
        let long = "é".repeat(800);
        let value = header_value(&long);
        assert!(value.len() <= 1000 && value.chars().all(|c| c == 'é'));
    }
}
