//! `offside consume`: the NATS JetStream consumer of `offside-server`, configured from the
//! command line and the environment.

use anyhow::Result;
use clap::Args;
use offside_server::ConsumeConfig;

use crate::commands::serve::ServiceArgs;

/// `offside consume`.
#[derive(Debug, Clone, Args)]
pub struct ConsumeArgs {
    /// The NATS server.
    #[arg(
        long,
        value_name = "URL",
        default_value = "nats://127.0.0.1:4222",
        env = "OFFSIDE_NATS_URL",
        hide_env_values = true
    )]
    pub nats: String,

    /// The JetStream stream of events; created (with `--subjects`) if it does not exist.
    #[arg(long, value_name = "NAME", default_value = "OFFSIDE_EVENTS")]
    pub stream: String,

    /// The subjects of the events stream, when offside creates it (comma-separated).
    #[arg(
        long,
        value_name = "SUBJECTS",
        default_value = "offside.events.>",
        value_delimiter = ','
    )]
    pub subjects: Vec<String>,

    /// The durable consumer's name: processes with the same name share the stream's messages.
    #[arg(long, value_name = "NAME", default_value = "offside")]
    pub consumer: String,

    /// Only the events on these subjects (a partition of the stream, e.g. `offside.events.3`);
    /// set when the durable consumer is created.
    #[arg(long, value_name = "SUBJECT")]
    pub filter_subject: Option<String>,

    /// Where decisions are published (the stored answer, as `POST /v1/events` returns it).
    #[arg(long, value_name = "SUBJECT", default_value = "offside.decisions")]
    pub decisions_subject: String,

    /// Where malformed events are published, unchanged, with the reason in the headers
    /// `Offside-Error-Code` and `Offside-Error`.
    #[arg(long, value_name = "SUBJECT", default_value = "offside.dead-letter")]
    pub dead_letter_subject: String,

    /// The stream created for the decisions and dead-letter subjects when no stream captures
    /// them yet.
    #[arg(long, value_name = "NAME", default_value = "OFFSIDE_OUTPUT")]
    pub output_stream: String,

    /// Messages fetched per pull request.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub batch: usize,

    /// Seconds JetStream waits for an acknowledgement before redelivering (set when the
    /// durable consumer is created).
    #[arg(long, value_name = "SECS", default_value_t = 30)]
    pub ack_wait: u64,

    /// Deliveries of a message that keeps failing for another reason than its content
    /// before it is dead-lettered.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_deliveries: i64,

    /// The database, policy and engine settings, shared with `offside serve`.
    #[command(flatten)]
    pub service: ServiceArgs,
}

/// Runs the consumer until SIGTERM or ctrl-c.
pub async fn consume(args: ConsumeArgs) -> Result<()> {
    let service = args.service.options()?;
    offside_server::consume(ConsumeConfig {
        nats: args.nats,
        stream: args.stream,
        subjects: args.subjects,
        consumer: args.consumer,
        filter_subject: args.filter_subject,
        decisions_subject: args.decisions_subject,
        dead_letter_subject: args.dead_letter_subject,
        output_stream: args.output_stream,
        batch: args.batch,
        ack_wait: args.ack_wait,
        max_deliveries: args.max_deliveries,
        database: args.service.database.database,
        service,
    })
    .await
}
