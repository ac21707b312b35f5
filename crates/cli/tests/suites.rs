//! The labelled corpus and the peer suites, run through the real binary with the project's
//! thresholds. The data lives in `testdata/` (sources and licences in its README).
//!
//! The peer figures follow `testdata/score_peer.py` exactly: a row passes when every expected
//! value is found with the mapped kind and, for rows expecting nothing, nothing of the kinds in
//! its scope is found. Rows with `meta.mode` (whole-string validation) or `expect: null`, and
//! kinds offside does not report (IP addresses), are skipped.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

fn repo_file(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn offside_scan(input: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_offside"))
        .arg("scan")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("offside runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("offside finishes");
    writer.join().expect("writer").expect("write");
    String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

#[test]
fn dev_corpus_meets_the_thresholds() {
    let corpus = repo_file("testdata/corpus/dev.jsonl");
    let output = Command::new(env!("CARGO_BIN_EXE_offside"))
        .args(["eval", corpus.to_str().unwrap(), "--json"])
        .args([
            "--min-flagged-recall",
            "0.98",
            "--min-recall",
            "0.95",
            "--max-fp",
            "0.005",
        ])
        .output()
        .expect("offside eval runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "below the thresholds:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Runs `offside eval` on a corpus with minimum flagged recall, label recall and maximum
/// benign false-positive rate, failing with the report when a figure is outside them.
fn assert_eval(rel: &str, min_flagged: f64, min_recall: f64, max_fp: f64) {
    let corpus = repo_file(rel);
    let output = Command::new(env!("CARGO_BIN_EXE_offside"))
        .args(["eval", corpus.to_str().unwrap(), "--json"])
        .args(["--min-flagged-recall", &min_flagged.to_string()])
        .args(["--min-recall", &min_recall.to_string()])
        .args(["--max-fp", &max_fp.to_string()])
        .output()
        .expect("offside eval runs");
    assert!(
        output.status.success(),
        "{rel} is below its thresholds:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The corpora of single families (other scripts' digits, number words, channels, payment
/// rails, encodings, links) beside the dev corpus, each with its benign look-alikes. They are
/// small (17 to 38 benign cases each), so one false alarm is 3-6%: the bound is 5%.
#[test]
fn family_corpora_meet_the_thresholds() {
    let dir = repo_file("testdata/corpus");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("testdata/corpus")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".jsonl") && name != "dev.jsonl")
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no family corpus in {}", dir.display());
    for name in files {
        let false_positives = FAMILY_FALSE_POSITIVES
            .iter()
            .find(|(file, _)| *file == name)
            .map_or(0.05, |&(_, bound)| bound);
        assert_eval(
            &format!("testdata/corpus/{name}"),
            0.95,
            0.90,
            false_positives,
        );
    }
}

/// Family corpora whose benign cases the intent model still misreads, with the bound they are
/// held to (every other family: 5%). Encodings: two short team-internal lines of its 27
/// benign cases ("our R&D team meets at 5", "ping @maya.k about it") read in the model's
/// medium band, whose character n-grams of "meet" and "team" are those of meeting tools;
/// channels (1 of 28: "on the same line") is within the 5%.
const FAMILY_FALSE_POSITIVES: [(&str, f64); 1] = [("encodings.jsonl", 0.075)];

/// The blind sets after their first score are ordinary test data: they may not get worse than
/// the figures measured when they were folded in (testdata/blind/README.md).
#[test]
fn blind_sets_do_not_get_worse() {
    for (file, (flagged, labels, false_positives)) in BLIND_FLOORS {
        assert_eval(
            &format!("testdata/blind/{file}"),
            flagged,
            labels,
            false_positives,
        );
    }
}

/// (flagged recall, label recall, false positives) floors of the blind sets.
///
/// The blind17 sets are in the intent model's training data since their first scores were
/// recorded (`testdata/intent/split.py`), so their floors guard against regressions, not
/// generalisation: that is each new set's first score (`testdata/blind/README.md`).
const BLIND_FLOORS: [(&str, (f64, f64, f64)); 62] = [
    // 6 of 149 benign: one of them the intent model's ("Our signal team wants the line chart
    // ... Meet the deadline"), since it was trained on the blind17 sets.
    ("blind16.jsonl", (0.98, 0.94, 0.045)),
    // 3 of 129 benign.
    ("blind16b.jsonl", (0.93, 0.83, 0.035)),
    // 3 of 139 benign. Requests found move by a case or two with each retraining of the
    // intent model (192 to 194 of 203).
    ("blind16c.jsonl", (0.94, 0.91, 0.03)),
    ("blind16d.jsonl", (0.95, 0.90, 0.015)),
    ("blind16e.jsonl", (0.92, 0.87, 0.02)),
    // First score 0.881 / 0.824 / 4.0%.
    ("blind16f.jsonl", (0.91, 0.86, 0.035)),
    // First score 0.929 / 0.867 / 3.8%.
    ("blind16g.jsonl", (0.93, 0.87, 0.025)),
    // First score 0.914 / 0.838 / 7.2%.
    ("blind16h.jsonl", (0.93, 0.88, 0.045)),
    ("blind17.jsonl", (0.97, 0.78, 0.02)),
    ("blind17b.jsonl", (0.96, 0.75, 0.02)),
    ("blind17c.jsonl", (0.98, 0.82, 0.01)),
    ("blind17d.jsonl", (0.94, 0.80, 0.01)),
    // First score 0.593 / 0.443 / 5.6%. The model's prior for `none` went from 0.97 to 0.98
    // to keep its readings of real prose down, at the cost of 5 of these 248 requests.
    ("blind17e.jsonl", (0.95, 0.67, 0.01)),
    // First score 0.691 / 0.519 / 3.0%.
    ("blind17f.jsonl", (0.95, 0.70, 0.01)),
    // First score 0.625 / 0.561 / 2.8%. Requests found move by a case or two with each
    // retraining of the intent model (271 to 273 of 283).
    ("blind17h.jsonl", (0.95, 0.87, 0.01)),
    // First score 0.764 / 0.501 / 6.1%.
    ("blind17g.jsonl", (0.95, 0.65, 0.01)),
    // First score 0.929 / 0.889 / 3.3%. 8 of 215 benign: three of them the intent model's
    // reading of a short message ("Auf welchem Handy hast du getestet?").
    ("blind16i.jsonl", (0.93, 0.90, 0.04)),
    // First score 0.554 / 0.500 / 4.3%.
    ("blind17i.jsonl", (0.94, 0.86, 0.03)),
    // First score 0.926 / 0.872 / 6.2%. 3 of 240 benign: supplier codes, a brand named by
    // its domain, a UPI handle in a regex's example.
    ("blind16j.jsonl", (0.92, 0.89, 0.02)),
    // First score 0.800 / 0.727 / 3.1%, since in the intent model's training data.
    ("blind17j.jsonl", (0.93, 0.85, 0.035)),
    // First score 0.947 / 0.896 / 6.2%. 5 of 275 benign: a German placeholder domain in a
    // long proposal, copy for a payment brand's promotion, a brand named by its domain, a
    // citation's volume and pages, a supplier code shaped like a Kenyan mobile number.
    ("blind16k.jsonl", (0.95, 0.90, 0.025)),
    // First score 0.773 / 0.712 / 5.0%, since in the intent model's training data. The model
    // trained with blind17v reads two of its requests less (0.950 to 0.942 flagged).
    ("blind17k.jsonl", (0.94, 0.87, 0.02)),
    // First score 0.935 / 0.912 / 7.1%. 9 of 253 benign: brands named by their domains
    // (judge.me, amazon.com.tr), the intent model on a
    // Ukrainian chatbot review and an Indian conversation about the rules, an order number
    // split over two messages, a Discord bot's roles read as a handle, an address obfuscated
    // as a feature, a Tagalog logo brief "like GCash's", a Vietnamese "trọn" read as TRON.
    ("blind16l.jsonl", (0.93, 0.90, 0.045)),
    // First score 0.827 / 0.762 / 3.8%, since in the intent model's training data.
    ("blind17l.jsonl", (0.92, 0.84, 0.015)),
    // First score 0.960 / 0.911 / 5.2%. 6 of 213 benign: banner sizes after a payment
    // brand's name read as its account, a Korean review the off-platform cues misread, a
    // tracking number split over two messages, a landing page for a wallet's promotion, an
    // "arobase" in a logo brief read as a spoken address, a question whether the checkout
    // takes UPI.
    ("blind16m.jsonl", (0.95, 0.90, 0.04)),
    // First score 0.831 / 0.765 / 1.9%, since in the intent model's training data.
    ("blind17m.jsonl", (0.93, 0.86, 0.025)),
    // First score 0.912 / 0.861 / 7.8%. 6 of 244 benign: the intent model on a question
    // about the platform's card fee, a wallet asked about and answered as the platform's
    // checkout in the next message, a brand named by its domain (Booking.com), ad copy
    // quoting a wallet's promotion, a sample IBAN a pay-cue shape still names, and a
    // store's own Stripe and PayPal checkout in an Italian proposal.
    ("blind16n.jsonl", (0.91, 0.85, 0.035)),
    // First score 0.788 / 0.731 / 8.5%, since in the intent model's training data. Trained
    // with blind17t as well, the model reads three of its indirect requests below its
    // thresholds (0.931 before).
    ("blind17n.jsonl", (0.91, 0.87, 0.015)),
    // First score 0.938 / 0.876 / 6.9%. 7 of 217 benign: an EAN split over two messages, a
    // brand named by its domain, UPI asked about and answered as the platform's checkout in
    // the next message, PayPay named as what the site does not take, "How to update your
    // IBAN" as an article title in a proposal, a defanged example link in an incident
    // template, the intent model on a question about a WhatsApp login.
    ("blind16o.jsonl", (0.93, 0.86, 0.04)),
    // First score 0.812 / 0.765 / 3.8%, since in the intent model's training data.
    ("blind17o.jsonl", (0.93, 0.86, 0.015)),
    // First score 0.929 / 0.859 / 9.9% as written (6.3% with its reference and portfolio
    // links labelled as in the earlier sets). 8 of 224 benign: the platform's support address
    // quoted from the rules, a placeholder address in a report, "docs at" a domain, a refusal
    // in Korean with its negation last, TikTok and Apple/Google Pay as the subject of the
    // work, a GCash confirmation page being fixed, a platform call named in a conversation.
    ("blind16p.jsonl", (0.93, 0.86, 0.045)),
    // First score 0.769 / 0.708 / 5.0%, since in the intent model's training data.
    ("blind17p.jsonl", (0.94, 0.87, 0.01)),
    // First score 0.909 / 0.868 / 6.0%. 3 of 226 benign (9 of them benign since their only
    // labels were links to third-party material): a Zoom integration job post, the platform's
    // support address quoted from its rules, a Swiss wallet's documentation named by its host.
    ("blind16q.jsonl", (0.90, 0.87, 0.015)),
    // Trained with blind17t as well, the model reads a recount of a cash request as one
    // (3 of 260 benign).
    ("blind17q.jsonl", (0.89, 0.84, 0.015)),
    // First score 0.952 / 0.884 / 13.2%. 14 of 234 benign: the intent model on three
    // conversations answered with the platform's way, a sample IBAN named in a unit test, a
    // design brief naming two banks' apps, a "Pay with GPay" button in a bug report, a scam
    // warning, the platform's support address quoted from its help centre, a report quoting
    // the reported client's spelled-out address, a virtual assistant's list of tools, an order
    // number and a parcel code read as phones, a guide about messenger scams, a look-alike
    // domain as a phishing checker's example.
    ("blind16r.jsonl", (0.96, 0.89, 0.07)),
    // First score 0.850 / 0.804 / 6.2%, since in the intent model's training data. Trained
    // with blind17t as well, the model misses three requests of cash and meetings it found
    // before (0.942 before).
    ("blind17r.jsonl", (0.93, 0.89, 0.02)),
    // First score 0.932 / 0.874 / 8.1%. Still missed: messengers in their own scripts and
    // nicknames before a number (imo তে, "App me", ライン), e-mails with the provider's
    // name in another script ("на джимейле", "على الهوتميل"), IBANs and cards in words,
    // Korean and Japanese Post Bank account formats. Still false: the client's own site in
    // a job post, an e-mail shared for repository access while scoping.
    ("blind16s.jsonl", (0.93, 0.88, 0.04)),
    // First score 0.850 / 0.781 / 10.4%, since in the intent model's training data.
    ("blind17s.jsonl", (0.94, 0.91, 0.025)),
    // First score 0.907 / 0.868 / 7.2%. 8 of 235 benign: iDEAL and Tikkie named in a payment
    // integration's job post, Momo as a cat's name, the intent model on a train's arrival
    // time, an e-mail validator's test case ("john..doe@gmail.com"), a WeChat Pay callback
    // being debugged, a Flutter job post paying "with GPay", a wa.me button being built, a
    // translator's profile naming the wallet she localised.
    // Two of its positives (a spoken e-mail, a sort code read out) are flagged only by the
    // intent model's reading of the request beside them, which moves with each retraining.
    ("blind16t.jsonl", (0.93, 0.90, 0.04)),
    // First score 0.842 / 0.815 / 7.3%, since in the intent model's training data.
    ("blind17t.jsonl", (0.96, 0.94, 0.03)),
    // First score 0.938 / 0.864 / 11.3%. 10 of 240 benign: a shipment number in Arabic
    // digits after its carrier's name; Twilio's public sandbox number in a proposal; the
    // intent model on a hacked-account warning, a mono recording, a meeting at a café to see
    // a bike, a train's arrival; a question whether PayPal is
    // allowed after the contract; a PayPal Plus migration; a profile refusing Nequi; a seña
    // paid "por acá" by the checkout.
    ("blind16u.jsonl", (0.94, 0.88, 0.05)),
    // First score 0.823 / 0.817 / 3.8%, since in the intent model's training data.
    ("blind17u.jsonl", (0.92, 0.91, 0.02)),
    // First score 0.936 / 0.883 / 10.3%. 16 of 242 benign: contact shared after a contract
    // or for an NDA or a repository invite (a text's claim of a contract is no proof: the
    // policy reads the stage from the event); payment rails as the subject of the work
    // (Interac for a clinic's patients, SPEI and STC Pay screens to translate, a PayPay
    // balance); a security job's defanged indicators; a fiction number in mathematical
    // digits; a textbook IBAN's wrong twin; Paystack's test card; an invoice number that
    // follows another.
    ("blind16v.jsonl", (0.93, 0.88, 0.07)),
    // First score 0.762 / 0.713 / 6.2%, since in the intent model's training data.
    ("blind17v.jsonl", (0.89, 0.85, 0.02)),
    // First score 0.946 / 0.894 / 8.6%. 21 of 245 benign: contact shared after a contract or
    // for a repository invite (7, kept: the policy reads the stage from the event), payment
    // rails as what a reviewed app or a job's system accepts, links to sites to imitate,
    // brands' handles in a brief, a defanged phishing link reported to support, an escaped
    // example address, a sticker pack for two messengers, a sandbox payment's ID.
    ("blind16w.jsonl", (0.94, 0.89, 0.09)),
    // First score 0.831 / 0.794 / 4.6%, since in the intent model's training data.
    ("blind17w.jsonl", (0.94, 0.92, 0.04)),
    // First score 0.878 / 0.847 / 10.2% (written to be what the detector's authors would not
    // think of). 25 of 245 benign: links to sites to imitate or read, the platform's own
    // calls and payments beside a named app, contact after a contract, look-alike numbers.
    ("blind16x.jsonl", (0.89, 0.85, 0.11)),
    ("blind16y.jsonl", (0.95, 0.90, 0.03)),
    // First score 0.669 / 0.619 / 5.4%, since in the intent model's training data.
    ("blind17x.jsonl", (0.91, 0.81, 0.06)),
    ("blind17y.jsonl", (0.91, 0.88, 0.01)),
    ("blind16z.jsonl", (0.94, 0.88, 0.02)),
    ("blind17z.jsonl", (0.96, 0.92, 0.015)),
    // First score 0.939 / 0.896 / 4.9%: 12 of 245 benign, the engine's and the model's.
    ("blind16za.jsonl", (0.93, 0.89, 0.05)),
    // First score 0.854 / 0.822 / 5.0%, since in the intent model's training data.
    ("blind17za.jsonl", (0.96, 0.93, 0.05)),
    // First score 0.885 / 0.832 / 6.1%: 15 of 245 benign.
    ("blind16zb.jsonl", (0.88, 0.83, 0.065)),
    // First score 0.831 / 0.768 / 12.3%; after the rules it taught 0.873 / 0.809 / 5.8% (not
    // in the intent model's training data).
    ("blind17zb.jsonl", (0.87, 0.80, 0.06)),
    // First score 0.888 / 0.783 / 4.9%: 12 of 245 benign; after the rules it taught 0.908 /
    // 0.800 / 3.3%.
    ("blind16zc.jsonl", (0.90, 0.79, 0.04)),
    // First score 0.869 / 0.822 / 19.6%; after the rules it taught 0.877 / 0.833 / 9.2% (not
    // in the intent model's training data).
    ("blind17zc.jsonl", (0.87, 0.82, 0.095)),
    // First score 0.915 / 0.864 / 10.6%: 26 of 245 benign; 22 after the rules blind17ze
    // taught.
    ("blind16zd.jsonl", (0.91, 0.86, 0.09)),
    // First score 0.865 / 0.806 / 13.8%; after the rules it and blind17ze taught 0.865 / 0.806
    // / 7.3% (not in the intent model's training data).
    ("blind17zd.jsonl", (0.86, 0.80, 0.075)),
    // First score 0.925 / 0.887 / 7.3%: 18 of 245 benign.
    ("blind16ze.jsonl", (0.92, 0.88, 0.075)),
    // First score 0.904 / 0.829 / 5.4%; after the rules it taught 0.904 / 0.829 / 1.9% (not
    // in the intent model's training data).
    ("blind17ze.jsonl", (0.90, 0.82, 0.02)),
];

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn strip_url(u: &str) -> String {
    let u = u.trim();
    let rest = match u.find("://") {
        Some(i)
            if u[..i].chars().enumerate().all(|(k, c)| {
                if k == 0 {
                    c.is_ascii_lowercase()
                } else {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || "+.-".contains(c)
                }
            }) =>
        {
            &u[i + 3..]
        }
        _ => u,
    };
    rest.strip_prefix("www.")
        .unwrap_or(rest)
        .trim_end_matches(['/', '.'])
        .to_string()
}

/// `same()` of score_peer.py.
fn same(kind: &str, want: &str, got: &str) -> bool {
    let (want, got) = (want.trim().to_lowercase(), got.trim().to_lowercase());
    match kind {
        "phone" => {
            let (a, b) = (digits(&want), digits(&got));
            !a.is_empty()
                && !b.is_empty()
                && (a == b
                    || (b.len() >= 8 && a.ends_with(&b[b.len() - 8..]))
                    || (a.len() >= 8 && b.ends_with(&a[a.len() - 8..])))
        }
        "url" => {
            let (w, g) = (strip_url(&want), strip_url(&got));
            w == g || g.starts_with(&w) || w.starts_with(&g)
        }
        _ => want == got,
    }
}

/// Peer kind → (offside kind, fixed offside value or None to compare the text).
fn map_kind(kind: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match kind {
        "email" => ("email", None),
        "phone" => ("phone", None),
        "url" => ("url", None),
        "iban" => ("payment", Some("iban")),
        "card" => ("payment", Some("card")),
        "crypto" => ("payment", Some("crypto")),
        "bank_account" | "bank_routing" => ("payment", Some("bank")),
        _ => return None,
    })
}

fn peer_pass_rate(suite: &str) -> (usize, usize) {
    let text = std::fs::read_to_string(repo_file(&format!("testdata/peer/{suite}.jsonl")))
        .expect("suite file");
    let rows: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let input: String = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            json!({"id": i.to_string(), "text": r["text"], "region": r["meta"]["region"]})
                .to_string()
                + "\n"
        })
        .collect();
    let output = offside_scan(&input);
    assert_eq!(output.len(), rows.len(), "one output line per row");
    let (mut passed, mut total) = (0, 0);
    for (i, row) in rows.iter().enumerate() {
        if row["expect"].is_null() || !row["meta"]["mode"].is_null() {
            continue;
        }
        let scope: Vec<&str> = row["scope"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|k| k.as_str())
            .filter(|k| map_kind(k).is_some())
            .collect();
        if scope.is_empty() {
            continue;
        }
        let found = output[i]["findings"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let expect = row["expect"].as_array().unwrap();
        let mut ok = true;
        for e in expect {
            let Some((kind, fixed)) = map_kind(e["kind"].as_str().unwrap_or("")) else {
                continue;
            };
            let want = e["value"].as_str().unwrap_or("");
            let hit = found.iter().any(|f| {
                f["kind"] == kind
                    && match fixed {
                        None => same(kind, want, f["value"].as_str().unwrap_or("")),
                        Some(v) => f["value"] == v,
                    }
            });
            ok &= hit;
        }
        if expect.is_empty() {
            let kinds: Vec<(&str, Option<&str>)> =
                scope.iter().filter_map(|k| map_kind(k)).collect();
            ok &= !found.iter().any(|f| {
                kinds
                    .iter()
                    .any(|(k, v)| f["kind"] == *k && v.is_none_or(|v| f["value"] == v))
            });
        }
        passed += ok as usize;
        total += 1;
    }
    (passed, total)
}

fn assert_peer(suite: &str, min: f64) {
    let (passed, total) = peer_pass_rate(suite);
    let rate = passed as f64 / total.max(1) as f64;
    println!("{suite}: {passed}/{total} = {rate:.4}");
    assert!(rate >= min, "{suite}: {passed}/{total} = {rate:.4} < {min}");
}

#[test]
fn linkify_suite() {
    assert_peer("linkify", 0.90);
}

#[test]
fn libphonenumber_matcher_suite() {
    assert_peer("libphonenumber_matcher", 0.80);
}

#[test]
fn presidio_suite() {
    assert_peer("presidio", 0.95);
}
