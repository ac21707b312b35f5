//! The trainer is deterministic: the same corpus, options and seed give the same model file.

use std::path::Path;

use offside_detect::intent::{FeatureConfig, IntentModel};
use offside_intent_train::{build, load, TrainOptions};

fn options(seed: u64) -> TrainOptions {
    TrainOptions {
        // A small table keeps the test quick; the algorithm is the shipped one's.
        config: FeatureConfig {
            bits: 12,
            ..FeatureConfig::DEFAULT
        },
        lang_bits: 10,
        epochs: 5,
        seed,
        ..TrainOptions::default()
    }
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let fixture = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture.jsonl"))
        .expect("fixture loads");
    let first = build(&fixture, &fixture, &options(7)).expect("trains");
    let second = build(&fixture, &fixture, &options(7)).expect("trains");
    assert_eq!(first.bytes, second.bytes);
    // The seed is what fixes the order: another one gives other weights.
    let other = build(&fixture, &fixture, &options(8)).expect("trains");
    assert_ne!(first.bytes, other.bytes);
    // And the file is one the engine reads.
    let model = IntentModel::from_bytes(&first.bytes).expect("parses");
    assert_eq!(model.config().bits, 12);
    assert!(model.languages().count() >= 5);
}

#[test]
fn a_damaged_model_file_is_refused_with_a_reason() {
    let fixture = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture.jsonl"))
        .expect("fixture loads");
    let mut bytes = build(&fixture, &fixture, &options(7))
        .expect("trains")
        .bytes;
    let last = bytes.len() - 20;
    bytes[last] ^= 1;
    let error = IntentModel::from_bytes(&bytes).expect_err("damaged");
    assert!(error.contains("checksum"), "{error}");
    let error = IntentModel::from_bytes(&bytes[..10]).expect_err("short");
    assert!(error.contains("short"), "{error}");
}

#[test]
fn a_corpus_line_without_a_label_is_named() {
    let dir = std::env::temp_dir().join(format!("intent-train-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("bad.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"lang\":\"en\",\"label\":\"none\",\"text\":\"hi\"}\n{\"id\":\"b\",\"lang\":\"en\",\"text\":\"x\"}\n",
    )
    .expect("write");
    let error = load(&path).expect_err("no label").to_string();
    assert!(
        error.contains("line 2") && error.contains("label"),
        "{error}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
