//! `offside eval`: scores the engine on a labelled corpus, with the same figures and the same
//! matching rules as `testdata/score.py`, so the two can be compared number for number.
//!
//! The scan runs in-process: every case gets its own findings, so there are never missing
//! ids (score.py joins a separate findings file on `str(id)`, and counts the cases it could
//! not join as `missing_ids`; here that figure is always 0 and kept only so that the JSON
//! has the same keys). The summary JSON is printed the way Python's `json.dumps` prints it
//! (`indent=1`, or compact with `--json`), including its float formatting.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::BufRead;

use anyhow::{anyhow, bail, Context as _, Result};
use offside_detect::{Engine, Finding, LinkRole};
use serde::Deserialize;

use crate::pipeline::InputSource;
use crate::record::{self, Body, Record, RegionCache};

/// One label of a corpus case.
#[derive(Debug, Clone, Deserialize)]
pub struct Label {
    /// The kind the detector must report (`email`, `phone`...).
    pub kind: String,
    /// The canonical value, or `None` where only the kind is checked.
    pub value: Option<String>,
}

/// The scoring fields of a corpus line (the text or conversation is read by [`Record`]).
#[derive(Debug, Deserialize)]
struct CaseLabels {
    labels: Vec<Label>,
    #[serde(default)]
    tag: Option<String>,
}

/// One scored case: its id (raw JSON), tag, labels and what the engine found.
#[derive(Debug)]
pub struct Case {
    /// The id as written in the corpus.
    pub id: String,
    /// The generator tag, if any.
    pub tag: Option<String>,
    /// What the case must produce; empty for a benign case.
    pub labels: Vec<Label>,
    /// What the engine found: (kind, value), after `--ignore-kinds`.
    pub found: Vec<(String, Option<String>)>,
}

/// The figures score.py prints, with the counts behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Number of cases.
    pub cases: usize,
    /// Cases with at least one label.
    pub positives: usize,
    /// Cases without labels.
    pub benign: usize,
    /// Positive cases with any finding.
    pub flagged: usize,
    /// Labels in all positive cases.
    pub labels: usize,
    /// Labels matched by a finding of the same kind and value.
    pub labels_matched: usize,
    /// Benign cases with any finding.
    pub false_positives: usize,
    /// Per label kind: (matched, total).
    pub per_kind: BTreeMap<String, (usize, usize)>,
    /// The `MISS` lines, one per unmatched label.
    pub miss_lines: Vec<String>,
    /// The `FP` lines.
    pub fp_lines: Vec<String>,
}

impl Scores {
    /// Positive cases with any finding, over positive cases.
    pub fn flagged_recall(&self) -> f64 {
        self.flagged as f64 / self.positives.max(1) as f64
    }

    /// Labels matched, over labels.
    pub fn label_recall(&self) -> f64 {
        self.labels_matched as f64 / self.labels.max(1) as f64
    }

    /// Benign cases with any finding, over benign cases.
    pub fn benign_fp_rate(&self) -> f64 {
        self.false_positives as f64 / self.benign.max(1) as f64
    }

    /// The summary as Python's `json.dumps(res, indent=1)` (or `json.dumps(res)` when
    /// `compact`) would print it.
    pub fn summary_json(&self, compact: bool) -> String {
        let per_kind: Vec<(String, String)> = self
            .per_kind
            .iter()
            .map(|(kind, (hit, total))| {
                (
                    kind.clone(),
                    python_float(python_round(*hit as f64 / *total as f64, 3)),
                )
            })
            .collect();
        let fields: Vec<(&str, String)> = vec![
            ("cases", self.cases.to_string()),
            ("positives", self.positives.to_string()),
            ("benign", self.benign.to_string()),
            (
                "flagged_recall",
                python_float(python_round(self.flagged_recall(), 4)),
            ),
            (
                "label_recall",
                python_float(python_round(self.label_recall(), 4)),
            ),
            (
                "benign_fp_rate",
                python_float(python_round(self.benign_fp_rate(), 4)),
            ),
            ("per_kind_recall", python_object(&per_kind, compact, 1)),
            ("missing_ids", "0".to_owned()),
        ];
        let fields: Vec<(String, String)> =
            fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        python_object(&fields, compact, 0)
    }
}

/// score.py's `value_match`: does a finding's value `got` satisfy a label's `want`?
pub fn value_match(kind: &str, want: Option<&str>, got: Option<&str>) -> bool {
    let Some(want) = want else { return true };
    let got = got.unwrap_or("").to_lowercase();
    let want = want.to_lowercase();
    match kind {
        "phone" => {
            let (a, b) = (digits(&want), digits(&got));
            if a.is_empty() || b.is_empty() {
                return false;
            }
            let (len_a, len_b) = (a.chars().count(), b.chars().count());
            a == b || (len_b >= 8 && a.ends_with(&b)) || (len_a >= 8 && b.ends_with(&a))
        }
        "email" => python_strip(&got) == want,
        "url" => {
            let without_scheme = strip_scheme(&got);
            let g = without_scheme
                .strip_prefix("www.")
                .unwrap_or(without_scheme);
            let g = g.trim_end_matches('/');
            let w = want.trim_end_matches('/');
            g == w || g.starts_with(w)
        }
        _ => got.replace(['_', ' '], "-") == want,
    }
}

/// Python's `re.sub(r"\D", "", s)`: keeps the digits. (Python's `\d` is the Unicode category
/// Nd; `char::is_numeric` also admits the rare Nl/No characters such as `½`, which never
/// occur in a canonical phone value.)
fn digits(s: &str) -> String {
    s.chars().filter(|c| c.is_numeric()).collect()
}

/// `re.sub(r"^[a-z]+://", "", s)`.
fn strip_scheme(s: &str) -> &str {
    let n_letters = s.bytes().take_while(u8::is_ascii_lowercase).count();
    if n_letters > 0 && s[n_letters..].starts_with("://") {
        &s[n_letters + 3..]
    } else {
        s
    }
}

/// Python's `str.strip()`: Unicode whitespace, which also counts the ASCII separators
/// U+001C..U+001F.
fn python_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
}

/// Python's `round(x, ndigits)` (correctly rounded, ties to even on the exact binary value,
/// which is what Rust's fixed-precision formatting does too).
fn python_round(x: f64, ndigits: usize) -> f64 {
    format!("{x:.ndigits$}").parse().unwrap_or(x)
}

/// Python's `repr(float)`: the shortest round-trip form, `1.0` not `1`, `1e-05` not `1e-5`.
fn python_float(x: f64) -> String {
    let debug = format!("{x:?}");
    match debug.split_once('e') {
        None => debug,
        Some((mantissa, exponent)) => {
            let (sign, digits) = match exponent.strip_prefix('-') {
                Some(digits) => ('-', digits),
                None => ('+', exponent),
            };
            format!("{mantissa}e{sign}{digits:0>2}")
        }
    }
}

/// A string as Python's `json.dumps` writes it (`ensure_ascii=True`).
fn python_json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            ' '..='~' => out.push(c),
            _ => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
    out
}

/// An object of already-formatted values, as `json.dumps` prints it: compact (`", "` and
/// `": "`), or with `indent=1` at nesting `depth`.
fn python_object(fields: &[(String, String)], compact: bool, depth: usize) -> String {
    if fields.is_empty() {
        return "{}".to_owned();
    }
    let items: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}: {}", python_json_str(key), value))
        .collect();
    if compact {
        return format!("{{{}}}", items.join(", "));
    }
    let inner = " ".repeat(depth + 1);
    let outer = " ".repeat(depth);
    format!(
        "{{\n{inner}{}\n{outer}}}",
        items.join(&format!(",\n{inner}"))
    )
}

/// Reads the corpus and scans every case. Any malformed line is an error naming it: a
/// corpus is curated, and scoring part of it would give misleading figures.
pub fn load_and_scan(
    engine: &Engine,
    corpus: &InputSource,
    ignore_kinds: &HashSet<String>,
) -> Result<Vec<Case>> {
    let mut reader = corpus.open()?;
    let mut regions = RegionCache::default();
    let mut cases = Vec::new();
    let mut line = Vec::new();
    let mut line_no = 0;
    loop {
        line.clear();
        if reader
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read {}", corpus.label()))?
            == 0
        {
            break;
        }
        line_no += 1;
        let bytes = record::trim_line_end(&line);
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if record::is_blank(bytes) {
            continue;
        }
        let case = scan_case(engine, &mut regions, bytes, ignore_kinds)
            .map_err(|error| anyhow!("{} line {line_no}: {error}", corpus.label()))?;
        cases.push(case);
    }
    Ok(cases)
}

fn scan_case(
    engine: &Engine,
    regions: &mut RegionCache,
    line: &[u8],
    ignore_kinds: &HashSet<String>,
) -> Result<Case> {
    let record = Record::parse(line)?;
    let region = record.region(regions)?;
    let findings: Vec<Finding> = match record.body()? {
        Body::Text(text) => engine.scan(text, region),
        Body::Conversation(messages) => {
            let texts: Vec<&str> = messages.iter().map(|m| m.text()).collect();
            engine.scan_conversation(&texts, region)
        }
    };
    // The line is valid UTF-8 JSON here, so this second parse can only fail on the labels.
    let meta: CaseLabels = serde_json::from_slice(line).map_err(|error| {
        let message = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        anyhow!(
            "{} (at column {}); a corpus line needs \"labels\": [{{\"kind\", \"value\"}}, ...]",
            message.strip_suffix(&suffix).unwrap_or(&message),
            error.column()
        )
    })?;
    let found = findings
        .into_iter()
        .filter(|f| !ignore_kinds.contains(f.kind.as_str()))
        // A link to third-party material is not contact information (POLICY.md rule 1): it
        // counts neither as a hit nor as a false positive, as in score.py.
        .filter(|f| f.role != Some(LinkRole::Reference))
        .map(|f| (f.kind.as_str().to_owned(), f.value))
        .collect();
    Ok(Case {
        id: record.id.map_or("null", |id| id.get()).to_owned(),
        tag: meta.tag,
        labels: meta.labels,
        found,
    })
}

/// Scores the cases as score.py does.
pub fn score(cases: &[Case]) -> Scores {
    let mut scores = Scores {
        cases: cases.len(),
        positives: 0,
        benign: 0,
        flagged: 0,
        labels: 0,
        labels_matched: 0,
        false_positives: 0,
        per_kind: BTreeMap::new(),
        miss_lines: Vec::new(),
        fp_lines: Vec::new(),
    };
    for case in cases {
        if case.labels.is_empty() {
            scores.benign += 1;
            if !case.found.is_empty() {
                scores.false_positives += 1;
                scores.fp_lines.push(format!(
                    "FP   {}{} found {}",
                    case.id,
                    tag_text(case),
                    found_text(&case.found)
                ));
            }
            continue;
        }
        scores.positives += 1;
        if !case.found.is_empty() {
            scores.flagged += 1;
        }
        for label in &case.labels {
            scores.labels += 1;
            let per_kind = scores.per_kind.entry(label.kind.clone()).or_default();
            per_kind.1 += 1;
            let matched = case.found.iter().any(|(kind, value)| {
                *kind == label.kind
                    && value_match(&label.kind, label.value.as_deref(), value.as_deref())
            });
            if matched {
                scores.labels_matched += 1;
                per_kind.0 += 1;
            } else {
                scores.miss_lines.push(format!(
                    "MISS {}{} want {} {}; found {}",
                    case.id,
                    tag_text(case),
                    label.kind,
                    value_text(label.value.as_deref()),
                    found_text(&case.found)
                ));
            }
        }
    }
    scores
}

fn tag_text(case: &Case) -> String {
    case.tag
        .as_deref()
        .map_or(String::new(), |tag| format!(" [{tag}]"))
}

fn value_text(value: Option<&str>) -> String {
    value.map_or("null".to_owned(), |v| {
        serde_json::to_string(v).unwrap_or_default()
    })
}

fn found_text(found: &[(String, Option<String>)]) -> String {
    if found.is_empty() {
        return "nothing".to_owned();
    }
    found
        .iter()
        .map(|(kind, value)| format!("{kind} {}", value_text(value.as_deref())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The thresholds of `offside eval`; `None` is not checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Thresholds {
    /// `--min-flagged-recall`.
    pub min_flagged_recall: Option<f64>,
    /// `--min-recall` (label recall).
    pub min_label_recall: Option<f64>,
    /// `--max-fp` (benign false-positive rate).
    pub max_benign_fp_rate: Option<f64>,
}

/// Every threshold the scores do not meet, as a sentence each.
pub fn check(scores: &Scores, thresholds: &Thresholds) -> Vec<String> {
    let mut failures = Vec::new();
    if let Some(min) = thresholds.min_flagged_recall {
        if scores.flagged_recall() < min {
            failures.push(format!(
                "flagged recall {:.4} ({} of {} positive cases) is below --min-flagged-recall {min}",
                scores.flagged_recall(),
                scores.flagged,
                scores.positives
            ));
        }
    }
    if let Some(min) = thresholds.min_label_recall {
        if scores.label_recall() < min {
            failures.push(format!(
                "label recall {:.4} ({} of {} labels) is below --min-recall {min}",
                scores.label_recall(),
                scores.labels_matched,
                scores.labels
            ));
        }
    }
    if let Some(max) = thresholds.max_benign_fp_rate {
        if scores.benign_fp_rate() > max {
            failures.push(format!(
                "benign false-positive rate {:.4} ({} of {} benign cases) is above --max-fp {max}",
                scores.benign_fp_rate(),
                scores.false_positives,
                scores.benign
            ));
        }
    }
    failures
}

/// Parses a threshold: a number from 0 to 1.
pub fn parse_fraction(s: &str) -> Result<f64> {
    let value: f64 = s
        .trim()
        .parse()
        .with_context(|| format!("{s:?} is not a number"))?;
    if !(0.0..=1.0).contains(&value) {
        bail!("{s} is not between 0 and 1");
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_match_follows_score_py() {
        let table: &[(&str, Option<&str>, Option<&str>, bool)] = &[
            ("email", None, None, true),
            (
                "phone",
                Some("+14158392716"),
                Some("+1 (415) 839-2716"),
                true,
            ),
            ("phone", Some("+14158392716"), Some("4158392716"), true),
            ("phone", Some("+14158392716"), Some("8392716"), false),
            ("phone", Some("+14158392716"), None, false),
            (
                "email",
                Some("Alex@Gmail.com"),
                Some(" alex@gmail.com\n"),
                true,
            ),
            (
                "email",
                Some("alex@gmail.com"),
                Some("alex@gmail.co"),
                false,
            ),
            (
                "url",
                Some("linktr.ee/maya"),
                Some("https://www.linktr.ee/maya/"),
                true,
            ),
            (
                "url",
                Some("linktr.ee/maya"),
                Some("linktr.ee/mayaruns"),
                true,
            ),
            (
                "url",
                Some("linktr.ee/mayaruns"),
                Some("linktr.ee/maya"),
                false,
            ),
            ("url", Some("a.com"), Some("HTTP://a.com"), true),
            ("meeting", Some("google-meet"), Some("google meet"), true),
            ("url", Some("a.com"), Some("ftp2://a.com"), false),
            ("meeting", Some("google-meet"), Some("Google_Meet"), true),
            (
                "payment",
                Some("western-union"),
                Some("western union"),
                true,
            ),
            ("payment", Some("paypal"), None, false),
        ];
        for &(kind, want, got, expected) in table {
            assert_eq!(
                value_match(kind, want, got),
                expected,
                "{kind} {want:?} {got:?}"
            );
        }
    }

    #[test]
    fn floats_print_like_python() {
        assert_eq!(python_float(python_round(2.0 / 3.0, 4)), "0.6667");
        assert_eq!(python_float(python_round(1.0, 4)), "1.0");
        assert_eq!(python_float(python_round(0.0, 4)), "0.0");
        assert_eq!(python_float(python_round(0.03125, 4)), "0.0312");
        assert_eq!(python_float(0.00001), "1e-05");
    }

    #[test]
    fn summary_json_matches_json_dumps() {
        let mut per_kind = BTreeMap::new();
        per_kind.insert("email".to_owned(), (1, 2));
        per_kind.insert("ph\u{e9}".to_owned(), (3, 3));
        let scores = Scores {
            cases: 4,
            positives: 3,
            benign: 1,
            flagged: 2,
            labels: 5,
            labels_matched: 4,
            false_positives: 0,
            per_kind,
            miss_lines: Vec::new(),
            fp_lines: Vec::new(),
        };
        assert_eq!(
            scores.summary_json(true),
            "{\"cases\": 4, \"positives\": 3, \"benign\": 1, \"flagged_recall\": 0.6667, \
             \"label_recall\": 0.8, \"benign_fp_rate\": 0.0, \"per_kind_recall\": \
             {\"email\": 0.5, \"ph\\u00e9\": 1.0}, \"missing_ids\": 0}"
        );
        assert_eq!(
            scores.summary_json(false),
            "{\n \"cases\": 4,\n \"positives\": 3,\n \"benign\": 1,\n \"flagged_recall\": 0.6667,\n \
             \"label_recall\": 0.8,\n \"benign_fp_rate\": 0.0,\n \"per_kind_recall\": {\n  \
             \"email\": 0.5,\n  \"ph\\u00e9\": 1.0\n },\n \"missing_ids\": 0\n}"
        );
    }

    #[test]
    fn thresholds_name_what_failed() {
        let scores = score(&[Case {
            id: "\"a\"".to_owned(),
            tag: None,
            labels: vec![Label {
                kind: "email".to_owned(),
                value: Some("a@b.com".to_owned()),
            }],
            found: Vec::new(),
        }]);
        let failures = check(
            &scores,
            &Thresholds {
                min_flagged_recall: Some(0.5),
                min_label_recall: Some(0.5),
                max_benign_fp_rate: Some(0.0),
            },
        );
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert!(failures[0].contains("--min-flagged-recall"));
        assert!(failures[1].contains("--min-recall"));
        assert_eq!(scores.miss_lines.len(), 1);
        assert!(scores.miss_lines[0].starts_with("MISS \"a\" want email \"a@b.com\""));
    }
}
