//! Replays a fuzz corpus through one target several times and prints the resident memory
//! after each pass: memory that grows pass after pass on the same inputs is a leak; memory
//! that levels off after the first pass is a cache.
//!
//! `cargo run --release -p offside-fuzz-targets --example rss_replay -- TARGET DIR PASSES`

use std::{env, fs, process::ExitCode};

fn status_kb(field: &str) -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let [name, dir, passes] = args.as_slice() else {
        eprintln!("usage: rss_replay TARGET DIR PASSES");
        return ExitCode::from(2);
    };
    let Some(&(_, target)) = offside_fuzz_targets::TARGETS
        .iter()
        .find(|(n, _)| n == name)
    else {
        eprintln!("rss_replay: no target named {name:?}");
        return ExitCode::from(2);
    };
    let Ok(passes) = passes.parse::<u32>() else {
        eprintln!("rss_replay: PASSES must be a whole number, not {passes:?}");
        return ExitCode::from(2);
    };
    let mut inputs: Vec<(String, Vec<u8>)> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| {
                let path = e.ok()?.path();
                Some((path.display().to_string(), fs::read(&path).ok()?))
            })
            .collect(),
        Err(e) => {
            eprintln!("rss_replay: cannot read {dir}: {e}");
            return ExitCode::from(2);
        }
    };
    inputs.sort();
    let rss_kb = || status_kb("VmRSS:");
    let peak_kb = || status_kb("VmHWM:");
    println!("{} inputs, rss {} kB before", inputs.len(), rss_kb());
    for pass in 1..=passes {
        for (path, input) in &inputs {
            let before = peak_kb();
            target(input);
            let after = peak_kb();
            if after > before + 20_000 {
                println!("  {path}: peak {before} -> {after} kB");
            }
        }
        println!("pass {pass}: rss {} kB, peak {} kB", rss_kb(), peak_kb());
    }
    ExitCode::SUCCESS
}
