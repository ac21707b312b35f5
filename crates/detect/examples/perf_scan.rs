//! Scans the bench's document (2 MB), its short messages, or a text file a few times, for
//! instruction counts under `perf stat` or valgrind (a shared host's wall-clock times say
//! little).
//!
//! ```sh
//! cargo build --release --example perf_scan -p offside-detect
//! valgrind --tool=callgrind target/release/examples/perf_scan doc 1   # and 3: the difference is two scans
//! perf stat -e instructions target/release/examples/perf_scan short
//! perf stat -e instructions target/release/examples/perf_scan file doc.txt 3   # any text, 3 scans
//! perf stat -e instructions target/release/examples/perf_scan lines messages.txt  # each line a message
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
    let mode = std::env::args().nth(1);
    if mode.as_deref() == Some("lines") {
        let path = std::env::args()
            .nth(2)
            .expect("usage: perf_scan lines PATH");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for line in text.lines() {
            n_findings += engine.scan(line, None).len();
        }
    } else if mode.as_deref() == Some("short") {
        for _ in 0..2000 {
            for text in BENIGN.iter().chain(POSITIVE) {
                n_findings += engine.scan(text, None).len();
            }
        }
    } else {
        let mut args = std::env::args().skip(1);
        let doc = if args.next().as_deref() == Some("file") {
            let path = args.next().expect("usage: perf_scan file PATH [SCANS]");
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        } else {
            document(2 << 20)
        };
        // A short scan first: every lazily built table is made before the document's scans.
        n_findings += engine.scan(POSITIVE.join(" ").as_str(), None).len();
        let n_scans: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2);
        for _ in 0..n_scans {
            n_findings += engine.scan(&doc, None).len();
        }
    }
    println!("{n_findings}");
}
