//! The shipped intent model: it loads, it scores on validation what its metadata records,
//! its explanations name n-grams of the text, and hard negatives stay clean.

use std::path::{Path, PathBuf};

use offside_detect::intent::{self, Intent};
use offside_detect::normalize::Normalized;
use offside_detect::{Engine, EngineOptions, Kind};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn metadata() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/intent.meta.json");
    let text = std::fs::read_to_string(&path).expect("intent.meta.json next to the model");
    serde_json::from_str(&text).expect("metadata is JSON")
}

#[test]
fn the_shipped_model_loads_and_scores_what_its_metadata_records() {
    let model = intent::shipped().expect("the shipped model parses");
    let meta = metadata();
    assert_eq!(
        meta["bytes"].as_u64(),
        Some(intent::shipped_bytes().len() as u64)
    );
    let corpora = meta["training"]["corpora"].as_array().expect("corpora");
    let validation = corpora
        .iter()
        .find(|c| c["role"] == "validation")
        .and_then(|c| c["path"].as_str())
        .expect("validation path");
    let text = std::fs::read_to_string(root().join(validation)).expect("validation set");
    let (mut total, mut correct, mut flagged_pos, mut flagged_neg) = (0u64, 0u64, 0u64, 0u64);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("JSON row");
        let label = row["label"].as_str().expect("label");
        let got = model.classify(&Normalized::new(row["text"].as_str().expect("text")));
        total += 1;
        correct += u64::from(got.label() == label);
        if label == "none" {
            flagged_neg += u64::from(got != Intent::None);
        } else {
            flagged_pos += u64::from(got != Intent::None);
        }
    }
    let recorded = &meta["validation"];
    assert_eq!(recorded["total"].as_u64(), Some(total));
    assert_eq!(recorded["correct"].as_u64(), Some(correct));
    assert_eq!(recorded["flagged_positives"].as_u64(), Some(flagged_pos));
    assert_eq!(recorded["flagged_negatives"].as_u64(), Some(flagged_neg));
}

#[test]
fn the_model_file_is_small_and_every_language_has_thresholds() {
    let model = intent::shipped().expect("parses");
    assert!(intent::shipped_bytes().len() <= 5 * 1024 * 1024);
    assert!(model.languages().count() >= 10);
    for (lang, t) in model.languages() {
        assert!(
            (0.0..=1.0).contains(&t.threshold) && t.high >= t.threshold,
            "{lang}: {t:?}"
        );
    }
}

/// The words and n-grams of a text's normalised form an explanation may name.
fn present(ngram: &str, lower: &str) -> bool {
    ngram
        .split(' ')
        .filter(|part| !part.is_empty())
        .all(|part| lower.contains(part))
}

#[test]
fn explanations_name_ngrams_present_in_the_text() {
    let engine = Engine::new(EngineOptions::default());
    for text in [
        "let's settle the next part directly, the site eats a big cut",
        "my cousin handles payments, I'll send you his details",
        "can we continue this conversation somewhere else?",
        "thanks, the logo looks great",
        "¿lo arreglamos por fuera?",
    ] {
        let explained = engine.explain_intent(text);
        assert!(!explained.is_empty(), "{text}");
        assert!(explained.len() <= 10);
        let lower = text.to_lowercase();
        for (ngram, weight) in &explained {
            assert!(present(ngram, &lower), "{ngram:?} not in {text:?}");
            assert!(weight.is_finite());
        }
        // Most weighty first.
        for pair in explained.windows(2) {
            assert!(pair[0].1.abs() >= pair[1].1.abs());
        }
    }
    assert!(engine.explain_intent("").is_empty());
}

fn intent_findings(engine: &Engine, text: &str) -> Vec<(Kind, &'static str)> {
    engine
        .scan(text, None)
        .into_iter()
        .filter(|f| f.rule.starts_with("intent/"))
        .map(|f| (f.kind, f.rule))
        .collect()
}

#[test]
fn hard_negatives_stay_clean() {
    let engine = Engine::new(EngineOptions::default());
    for text in [
        // Refusals.
        "I can't share my phone number here, let's keep it on the site.",
        "sorry, I won't take payment outside the platform",
        // Reports of someone else's request.
        "another freelancer asked me to pay him outside the site, I reported him",
        // Quoting the rules.
        "the terms say all payments must go through the platform",
        // Feature work.
        "Could you build a Telegram bot that posts our daily prices?",
        "We need to integrate PayPal checkout into the Shopify store.",
        "please add a contact form to the landing page",
        // Platform-internal requests and everyday talk.
        "I'll release the milestone once the files are uploaded here",
        "Thanks, I'll leave a review once it arrives.",
        "Bumped lodash to 4.17.21",
    ] {
        assert_eq!(intent_findings(&engine, text), [], "{text}");
    }
}

#[test]
fn model_findings_span_a_clause_and_stay_under_the_medium_band() {
    let engine = Engine::new(EngineOptions::default());
    let mut found = 0;
    for text in [
        "Great work so far. For the next milestone just send it to my cousin's account, he handles payments.",
        "the site eats 20% of everything. there's a better way, we settle the rest directly",
        "bahar baat karte hain na, yahan sab slow hai",
        "¿lo arreglamos por fuera? te paso mi número",
        "hablemos por otro lado mejor",
    ] {
        for f in engine.scan(text, None) {
            if !f.rule.starts_with("intent/") {
                continue;
            }
            found += 1;
            assert!(matches!(f.kind, Kind::Solicitation | Kind::Payment), "{f:?}");
            assert_eq!(f.value, None);
            assert!(f.confidence < 0.7, "{f:?}");
            assert!(
                f.rule == "intent/model:high" || f.rule == "intent/model:medium",
                "{f:?}"
            );
            let span = &text[f.start..f.end];
            assert!(!span.is_empty() && !span.contains(". "), "{span:?}");
        }
    }
    assert!(found >= 2, "the model found {found} of five requests");
}

/// A proposal of ordinary sentences, each long enough to be read on its own.
const PROPOSAL: &str = "Hello, I have read the brief for the bakery website carefully and I like the warm colours you chose. \
I have built more than forty shop sites with online ordering, delivery slots and a loyalty page for small businesses. \
The first draft of the home page and the menu would be ready within five working days of the start.";

#[test]
fn a_request_in_one_sentence_of_a_long_message_is_read_on_its_own() {
    let model = intent::shipped().expect("the shipped model parses");
    let request = "For the remaining milestones I would rather we settle the payments between ourselves directly, without the site taking its cut.";
    let text = format!("{PROPOSAL} {request}");
    let normalized = Normalized::new(&text);
    let scores = model.scores(&normalized);
    // The request is the fourth sentence (clause 3), and it reads as a payment there.
    assert_eq!(scores.clause, Some(3), "{scores:?}");
    assert_eq!(model.classify(&normalized), Intent::Payment);
    let assessment = model.assess(&normalized).expect("an intent");
    let at = text.find(request).unwrap();
    assert!(
        assessment.start >= at && assessment.end <= text.len(),
        "{assessment:?}"
    );
    // The proposal alone reads as nothing, whole or sentence by sentence.
    assert_eq!(model.classify(&Normalized::new(PROPOSAL)), Intent::None);
}

#[test]
fn a_short_sentence_is_not_read_on_its_own() {
    let model = intent::shipped().expect("the shipped model parses");
    // Under ten words: read only as part of the whole.
    for short in ["Pay me directly.", "Let's talk on WhatsApp!", "Your call."] {
        let text = format!("{PROPOSAL} {short}");
        let scores = model.scores(&Normalized::new(&text));
        assert_ne!(scores.clause, Some(3), "{short:?}: {scores:?}");
    }
}
