//! The realistic attachment set (`testdata/attachments`: 40 generated files as people send
//! them, 12 of them clean look-alikes) through `offside scan --docs`, scored the way
//! `testdata/attachments/score.py` scores it: at least 95% of the expected values found, and
//! no clean file with a finding.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use common::{json_lines, offside, stderr};
use serde_json::Value;

fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/attachments")
}

#[test]
fn the_realistic_set_is_read_as_people_send_it() {
    let dir = testdata();
    let files = dir.join("files");
    let output = offside(
        &["scan", "--docs", files.to_str().expect("a UTF-8 path")],
        b"",
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let reports: HashMap<String, Value> = json_lines(&output)
        .into_iter()
        .map(|report| {
            let file = report["file"].as_str().unwrap_or_default();
            let name = file.rsplit('/').next().unwrap_or_default().to_owned();
            (name, report)
        })
        .collect();
    let manifest = std::fs::read_to_string(dir.join("manifest.jsonl")).expect("the manifest");
    let (mut expected, mut found, mut clean, mut clean_flagged) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let entry: Value = serde_json::from_str(line).expect("a manifest line");
        let name = entry["file"].as_str().expect("a file name");
        let Some(report) = reports.get(name) else {
            problems.push(format!("{name}: no report"));
            continue;
        };
        let got: BTreeSet<(String, String)> = report["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| {
                (
                    f["kind"].as_str().unwrap_or_default().to_owned(),
                    f["value"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let wanted = entry["expected"].as_array().expect("expected values");
        if wanted.is_empty() {
            clean += 1;
            if !got.is_empty() {
                clean_flagged += 1;
                problems.push(format!("{name}: clean file with findings {got:?}"));
            }
        }
        for pair in wanted {
            expected += 1;
            let want = (
                pair[0].as_str().unwrap_or_default().to_owned(),
                pair[1].as_str().unwrap_or_default().to_owned(),
            );
            if got.contains(&want) {
                found += 1;
            } else {
                problems.push(format!("{name}: missed {want:?}"));
            }
        }
    }
    assert!(
        expected >= 50 && clean >= 10,
        "{expected} values, {clean} clean files"
    );
    assert!(
        found * 100 >= expected * 95 && clean_flagged == 0,
        "{found} of {expected} values found, {clean_flagged} of {clean} clean files flagged:\n{}",
        problems.join("\n")
    );
}
