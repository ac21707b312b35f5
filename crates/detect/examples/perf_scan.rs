//! Scans the bench's document (2 MB) or its short messages a few times, for instruction
//! counts under `perf stat` (a shared host's wall-clock times say little).
//!
//! ```sh
//! cargo build --release --example perf_scan -p offside-detect
//! valgrind --tool=callgrind target/release/examples/perf_scan doc 1   # and 3: the difference is two scans
//! perf stat -e instructions target/release/examples/perf_scan short
//! ```

use offside_detect::{Engine, EngineOptions, Region};

/// The benchmarks' messages and document (shared with `benches/scan.rs`).
#[path = "../benches/shared/messages.rs"]
mod messages;
use messages::{document, BENIGN, POSITIVE};

fn main() {
    let engine = Engine::new(EngineOptions {
        default_region: Region::US,
        ..EngineOptions::default()
    });
    let mut n_findings = 0;
    if std::env::args().nth(1).as_deref() == Some("short") {
        for _ in 0..2000 {
            for text in BENIGN.iter().chain(POSITIVE) {
                n_findings += engine.scan(text, None).len();
            }
        }
    } else {
        let doc = document(2 << 20);
        // A short scan first: every lazily built table is made before the document's scans.
        n_findings += engine.scan(POSITIVE.join(" ").as_str(), None).len();
        let n_scans: usize = std::env::args()
            .nth(2)
            .and_then(|n| n.parse().ok())
            .unwrap_or(2);
        for _ in 0..n_scans {
            n_findings += engine.scan(&doc, None).len();
        }
    }
    println!("{n_findings}");
}
