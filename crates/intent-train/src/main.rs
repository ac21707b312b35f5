//! `offside-intent-train`: retrains, compares and times the intent model.
//!
//! Run from the repository root (paths default to the corpus and the shipped model there):
//!
//! ```sh
//! cargo run --release -p offside-intent-train -- train     # writes crates/detect/data/intent.{bin,meta.json}
//! cargo run --release -p offside-intent-train -- compare   # the designs of docs/intent-model.md
//! cargo run --release -p offside-intent-train -- bench     # µs per message of the shipped model
//! cargo run --release -p offside-intent-train -- score     # each validation row's intent score (TSV)
//! cargo run --release -p offside-intent-train -- flagged FILE  # texts of a JSONL file the model flags
//! ```
//!
//! Options: `--train FILE`, `--validation FILE`, `--out FILE`, `--meta FILE`, `--report
//! FILE` (Markdown tables), `--seed N`, `--epochs N`, `--bits N`, `--chars MIN-MAX`, `--words-only`,
//! `--prior-none P`, `--min-threshold T`, `--writer-weight N`, `--l2 X`, `--rate X`, `--bags N`.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use offside_detect::intent::{FeatureConfig, IntentModel};
use offside_detect::normalize::Normalized;
use offside_intent_train::{build, load, macro_f1, metadata, report, Example, TrainOptions};

struct Args {
    command: String,
    train: PathBuf,
    validation: PathBuf,
    out: PathBuf,
    meta: PathBuf,
    report: Option<PathBuf>,
    options: TrainOptions,
    extra: Vec<String>,
}

fn parse_args() -> Result<Args> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_else(|| "train".into());
    let mut parsed = Args {
        command,
        train: "testdata/intent/train.jsonl".into(),
        validation: "testdata/intent/validation.jsonl".into(),
        out: "crates/detect/data/intent.bin".into(),
        meta: "crates/detect/data/intent.meta.json".into(),
        report: None,
        options: TrainOptions::default(),
        extra: Vec::new(),
    };
    while let Some(flag) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match flag.as_str() {
            "--train" => parsed.train = value("--train")?.into(),
            "--validation" => parsed.validation = value("--validation")?.into(),
            "--out" => parsed.out = value("--out")?.into(),
            "--meta" => parsed.meta = value("--meta")?.into(),
            "--report" => parsed.report = Some(value("--report")?.into()),
            "--seed" => parsed.options.seed = value("--seed")?.parse().context("--seed")?,
            "--epochs" => parsed.options.epochs = value("--epochs")?.parse().context("--epochs")?,
            "--bits" => parsed.options.config.bits = value("--bits")?.parse().context("--bits")?,
            "--prior-none" => {
                parsed.options.prior_none =
                    value("--prior-none")?.parse().context("--prior-none")?
            }
            "--min-threshold" => {
                parsed.options.min_threshold = value("--min-threshold")?
                    .parse()
                    .context("--min-threshold")?
            }
            "--writer-weight" => {
                parsed.options.writer_weight = value("--writer-weight")?
                    .parse()
                    .context("--writer-weight")?
            }
            "--bags" => parsed.options.bags = value("--bags")?.parse().context("--bags")?,
            "--l2" => parsed.options.l2 = value("--l2")?.parse().context("--l2")?,
            "--rate" => parsed.options.rate = value("--rate")?.parse().context("--rate")?,
            "--words-only" => parsed.options.config.char_min = 0,
            "--chars" => {
                let v = value("--chars")?;
                let (a, b) = v.split_once('-').context("--chars MIN-MAX")?;
                parsed.options.config.char_min = a.parse().context("--chars")?;
                parsed.options.config.char_max = b.parse().context("--chars")?;
            }
            other if !other.starts_with("--") => parsed.extra.push(other.to_string()),
            other => bail!("unknown option {other:?} (see the module documentation)"),
        }
    }
    if !(10..=22).contains(&parsed.options.config.bits) {
        bail!("--bits must be between 10 and 22");
    }
    Ok(parsed)
}

/// This thread's CPU time, in seconds: on a shared machine, wall time would count the time
/// other processes held the core.
fn cpu_seconds() -> f64 {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// Model-only time per message, in µs, over `texts` normalised beforehand, and with
/// normalisation.
fn time_per_message(model: &IntentModel, texts: &[&str]) -> (f64, f64) {
    let normalized: Vec<Normalized<'_>> = texts.iter().map(|t| Normalized::new(t)).collect();
    let rounds = (200_000 / texts.len().max(1)).max(1);
    let mut sink = 0f32;
    let start = cpu_seconds();
    for _ in 0..rounds {
        for n in &normalized {
            sink += model.scores(n).probabilities[1];
        }
    }
    let model_only = (cpu_seconds() - start) * 1e6 / (rounds * texts.len()) as f64;
    if std::env::var_os("INTENT_BENCH_ASSESS").is_some() {
        let start = cpu_seconds();
        for _ in 0..rounds {
            for n in &normalized {
                sink += model.assess(n).map_or(0.0, |a| a.score);
            }
        }
        let assess = (cpu_seconds() - start) * 1e6 / (rounds * texts.len()) as f64;
        let passing = normalized
            .iter()
            .filter(|n| model.assess(n).is_some())
            .count();
        eprintln!(
            "assess: {assess:.3} µs per message ({passing} of {} pass)",
            texts.len()
        );
        let engine = offside_detect::Engine::new(offside_detect::EngineOptions::default());
        let start = cpu_seconds();
        for _ in 0..rounds {
            for t in texts {
                sink += engine.scan(t, None).len() as f32;
            }
        }
        let scan = (cpu_seconds() - start) * 1e6 / (rounds * texts.len()) as f64;
        eprintln!("engine scan (all detectors, the model included): {scan:.3} µs per message");
    }
    drop(normalized);
    let start = cpu_seconds();
    for _ in 0..rounds {
        for t in texts {
            sink += model.scores(&Normalized::new(t)).probabilities[1];
        }
    }
    let with_normalising = (cpu_seconds() - start) * 1e6 / (rounds * texts.len()) as f64;
    std::hint::black_box(sink);
    (model_only, with_normalising)
}

fn short_texts(examples: &[Example]) -> Vec<&str> {
    examples
        .iter()
        .map(|e| e.text.as_str())
        .filter(|t| t.len() <= 120)
        .collect()
}

fn main() -> Result<()> {
    let args = parse_args()?;
    match args.command.as_str() {
        "train" => {
            let train = load(&args.train)?;
            let validation = load(&args.validation)?;
            let built = build(&train, &validation, &args.options)?;
            if let Some(dir) = args.out.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&args.out, &built.bytes)
                .with_context(|| format!("cannot write {}", args.out.display()))?;
            let meta = metadata(
                &built,
                &args.options,
                &[
                    ("train", &args.train, train.len()),
                    ("validation", &args.validation, validation.len()),
                ],
            );
            std::fs::write(&args.meta, serde_json::to_string_pretty(&meta)? + "\n")
                .with_context(|| format!("cannot write {}", args.meta.display()))?;
            let table = report(&built);
            if let Some(path) = &args.report {
                std::fs::write(path, &table)?;
            }
            println!("{table}");
            println!(
                "wrote {} ({} bytes) and {}",
                args.out.display(),
                built.bytes.len(),
                args.meta.display()
            );
        }
        "score" => {
            // Reads the model written by `train` (--out) and prints, for every row of the
            // validation file: language, label, intent score, whether the shipped path
            // (`IntentModel::classify`: the language head's thresholds) reads it as a
            // request, text. For reading what a model gets wrong.
            let bytes = std::fs::read(&args.out)
                .with_context(|| format!("cannot read {}", args.out.display()))?;
            let model = IntentModel::from_bytes(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", args.out.display()))?;
            for e in load(&args.validation)? {
                let normalized = Normalized::new(&e.text);
                let score = model.scores(&normalized).intent_score();
                let flagged = model.classify(&normalized) != offside_detect::intent::Intent::None;
                let text = e.text.replace(['\t', '\n'], " ");
                println!(
                    "{}\t{}\t{score:.3}\t{}\t{text}",
                    e.lang,
                    e.label,
                    u8::from(flagged)
                );
            }
        }
        "flagged" => {
            // Reads the model written by `train` (--out) and a JSONL file of {"id","text"}
            // (any other fields ignored), and prints the rows the shipped path
            // (`IntentModel::classify`) reads as a request, then their count. For measuring
            // a model on real text without rebuilding the engine.
            let file = args.extra.first().context("flagged needs a JSONL file")?;
            let bytes = std::fs::read(&args.out)
                .with_context(|| format!("cannot read {}", args.out.display()))?;
            let model = IntentModel::from_bytes(&bytes).map_err(anyhow::Error::msg)?;
            let text =
                std::fs::read_to_string(file).with_context(|| format!("cannot read {file}"))?;
            let (mut total, mut flagged) = (0usize, 0usize);
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let row: serde_json::Value = serde_json::from_str(line)?;
                let Some(t) = row["text"].as_str() else {
                    continue;
                };
                total += 1;
                if t.len() > 4096 {
                    continue;
                }
                let got = model.classify(&Normalized::new(t));
                if got != offside_detect::intent::Intent::None {
                    flagged += 1;
                    let id = row["id"].as_str().unwrap_or("");
                    let t = t.replace(['\t', '\n'], " ");
                    println!("{id}\t{}\t{t}", got.label());
                }
            }
            println!("{flagged} of {total} flagged");
        }
        "compare" => {
            let train = load(&args.train)?;
            let validation = load(&args.validation)?;
            let texts = short_texts(&validation);
            let shipped = FeatureConfig::DEFAULT;
            let old = FeatureConfig {
                bits: 16,
                char_min: 4,
                char_max: 4,
                ..shipped
            };
            let designs: Vec<(&str, FeatureConfig)> = vec![
                ("words + bigrams + chars 3-5, 2^18 (shipped)", shipped),
                ("words + bigrams + chars 4, 2^16", old),
                (
                    "words + bigrams + chars 4, 2^18",
                    FeatureConfig { bits: 18, ..old },
                ),
                (
                    "words + bigrams + chars 3-5, 2^16",
                    FeatureConfig {
                        bits: 16,
                        ..shipped
                    },
                ),
                (
                    "words + bigrams only, 2^18",
                    FeatureConfig {
                        char_min: 0,
                        char_max: 0,
                        ..shipped
                    },
                ),
            ];
            let mut out = String::new();
            out.push_str("| design | file bytes | macro F1 (argmax) | recall at threshold | FP rate at threshold | shipped path recall / FP | µs/message (model; with normalising) |\n|---|---|---|---|---|---|---|\n");
            let mut per_lang = String::new();
            for (name, config) in designs {
                let options = TrainOptions {
                    config,
                    ..args.options.clone()
                };
                let built = build(&train, &validation, &options)?;
                let all: Vec<&_> = built.scored.iter().collect();
                let d = built.decisions;
                let t = built.model.fallback().threshold;
                let pos = all.iter().filter(|s| s.label != 0).count().max(1);
                let neg = (all.len() - pos).max(1);
                let tp = all
                    .iter()
                    .filter(|s| s.label != 0 && 1.0 - s.probabilities[0] >= t)
                    .count();
                let fp = all
                    .iter()
                    .filter(|s| s.label == 0 && 1.0 - s.probabilities[0] >= t)
                    .count();
                let (model_us, full_us) = time_per_message(&built.model, &texts);
                out.push_str(&format!(
                    "| {name} | {} | {:.3} | {:.3} | {:.3} | {:.3} / {:.3} | {model_us:.2}; {full_us:.2} |\n",
                    built.bytes.len(),
                    macro_f1(&all),
                    tp as f32 / pos as f32,
                    fp as f32 / neg as f32,
                    d.flagged_positives as f32 / d.positives.max(1) as f32,
                    d.flagged_negatives as f32 / d.negatives.max(1) as f32,
                ));
                per_lang.push_str(&format!("\n#### {name}\n\n{}", report(&built)));
            }
            println!("{out}{per_lang}");
            if let Some(path) = &args.report {
                std::fs::write(path, format!("{out}{per_lang}"))?;
            }
        }
        "bench" => {
            let validation = load(&args.validation)?;
            let bytes = std::fs::read(&args.out)
                .with_context(|| format!("cannot read {}", args.out.display()))?;
            let model = IntentModel::from_bytes(&bytes).map_err(anyhow::Error::msg)?;
            let texts = short_texts(&validation);
            let mean = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / texts.len() as f64;
            let (model_us, full_us) = time_per_message(&model, &texts);
            println!(
                "{} short messages (mean {mean:.0} bytes): {model_us:.3} µs of CPU per message for the model, {full_us:.3} µs with normalising",
                texts.len()
            );
        }
        other => bail!("unknown command {other:?}: train, score, flagged, compare or bench"),
    }
    Ok(())
}
