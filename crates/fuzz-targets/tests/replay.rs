//! Replays every input kept under `fuzz/corpus/<target>/` and `fuzz/crashes/<target>/`
//! through its target on stable: the fuzzing corpus and every input that once crashed a
//! target are run by plain `cargo test`, so CI guards them without nightly.

use std::path::{Path, PathBuf};

use offside_fuzz_targets::TARGETS;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = fuzz_dir().join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_input_runs_without_a_panic() {
    let mut replayed = 0;
    for (target, run) in TARGETS {
        let corpus = inputs("corpus", target);
        assert!(
            !corpus.is_empty(),
            "fuzz/corpus/{target}/ has no inputs: every target keeps its corpus"
        );
        for path in corpus.iter().chain(&inputs("crashes", target)) {
            let data = std::fs::read(path).unwrap();
            let outcome = std::panic::catch_unwind(|| run(&data));
            assert!(outcome.is_ok(), "{target} panics on {}", path.display());
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} inputs");
}

#[test]
fn every_target_has_a_directory() {
    for entry in std::fs::read_dir(fuzz_dir().join("corpus")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            TARGETS.iter().any(|(target, _)| *target == name),
            "fuzz/corpus/{name} belongs to no target"
        );
    }
}
