//! Criterion benchmarks of the engine alone (no JSON): short benign messages, short messages
//! with contact details in several disguises, a conversation, and a 1 MB document.
//!
//! Run with `cargo bench -p offside-detect`; `offside bench` measures the whole CLI path.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use offside_detect::{Engine, EngineOptions, Region};

/// The benchmarks' messages and document (shared with `examples/perf_scan.rs`).
#[path = "shared/messages.rs"]
mod messages;
use messages::{document, BENIGN, POSITIVE};

fn engine() -> Engine {
    Engine::new(EngineOptions {
        default_region: Region::US,
        ..EngineOptions::default()
    })
}

fn short_messages(c: &mut Criterion) {
    let engine = engine();
    let mut group = c.benchmark_group("short_messages");
    for (name, messages) in [("benign", BENIGN), ("positive", POSITIVE)] {
        group.throughput(Throughput::Elements(messages.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                for message in messages {
                    black_box(engine.scan(black_box(message), None));
                }
            })
        });
    }
    let conversation = [
        "ok so my number is",
        "four one five",
        "839",
        "two seven one six",
    ];
    group.throughput(Throughput::Elements(conversation.len() as u64));
    group.bench_function("conversation", |b| {
        b.iter(|| black_box(engine.scan_conversation(black_box(&conversation), None)))
    });
    group.finish();
}

fn long_document(c: &mut Criterion) {
    let engine = engine();
    let doc = document(1_000_000);
    let mut group = c.benchmark_group("document");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("1mb", |b| {
        b.iter(|| black_box(engine.scan(black_box(&doc), None)))
    });
    group.finish();
}

criterion_group!(benches, short_messages, long_document);
criterion_main!(benches);
