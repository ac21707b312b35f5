//! The learned intent detector: the shipped [`crate::intent`] model reads every message and,
//! when a request to take the conversation or the payment off the platform scores above its
//! language's threshold, reports a `solicitation` (contact) or a `payment` with no value
//! (payment), spanning the clause that carries it.
//!
//! It runs last and adds to what the rules found without repeating it: a clause that already
//! holds a finding of the same kind is left to it. A request under a refusal or a prohibition
//! in its clause ("I won't pay you outside the site") is excused, as the rules' requests are
//! (`context::refused_before`, read from the word that weighs most). Findings from the model
//! alone take a confidence under the policy's medium band (0.55, or 0.68 in the model's high
//! band), so the default policy warns or holds rather than blocks on its word alone; the rule
//! names the band: `intent/model:medium`, `intent/model:high`.
//!
//! Texts longer than [`MAX_TEXT`] bytes (documents) are left to the rules: the model is
//! trained on messages, and one sentence in a long text weighs too little in its average.

use crate::detectors::{Detector, ScanContext};
use crate::intent::{self, Assessment, Band, Intent};
use crate::normalize::Normalized;
use crate::{Finding, Kind};

/// Longest text the model reads, in bytes.
pub const MAX_TEXT: usize = 4096;

/// Confidence of a model-only finding in the model's medium band.
pub const MEDIUM_CONFIDENCE: f32 = 0.55;
/// Confidence of a model-only finding in the model's high band.
pub const HIGH_CONFIDENCE: f32 = 0.68;

/// The intent model as a detector (see the module documentation).
#[derive(Debug, Default)]
pub struct IntentDetector;

/// Whether `lower` (the folded, lower-cased text) has a letter: an ASCII letter, or any
/// character outside ASCII. Texts of digits and punctuation only are not read.
fn has_letters(lower: &str) -> bool {
    lower
        .bytes()
        .any(|b| b.is_ascii_lowercase() || !b.is_ascii())
}

/// The finding for an assessment of `text` (the original text the assessment's offsets
/// index), or `None` when a refusal excuses it or `existing` already covers its clause (for
/// a request to talk elsewhere, any finding overlapping it; for a payment, a payment). `context` picks the `intent/context:*` rules, for an intent
/// read with the sender's previous messages.
pub(crate) fn finding_for(
    assessment: &Assessment,
    text: &str,
    existing: &[Finding],
    context: bool,
) -> Option<Finding> {
    let kind = match assessment.intent {
        Intent::Contact => Kind::Solicitation,
        Intent::Payment => Kind::Payment,
        Intent::None => return None,
    };
    let (start, end) = (assessment.start, assessment.end);
    // Asked first, as the cheapest of the reasons to report nothing (each is asked of the
    // assessment alone, so their order changes no finding): most requests the model reads
    // in a message the rules already reported are theirs, and need no clause read again.
    // A request to talk elsewhere whose clause already gave a concrete value or channel is
    // that finding's: the model's would only say it again (and mask the whole clause). A
    // request to pay elsewhere stands beside a contact value ("send the balance to my
    // e-mail"), unless a payment was already found there.
    // A channel or rail only named ("Wise ile direkt gönderirim") covers nothing: the
    // context step keeps such a name only beside a value or a request, so leaving the clause
    // to it would lose both.
    let covered = |f: &Finding| {
        f.rule != "channels/mention"
            && match kind {
                Kind::Solicitation => true,
                _ => f.kind == kind,
            }
    };
    if existing
        .iter()
        .any(|f| covered(f) && f.start < end && start < f.end)
    {
        return None;
    }
    // Refused before the words that carry it, or in its span by a verb of not taking after
    // the rail ("Bizum y transferencias por fuera no las acepto").
    if crate::context::refused_before(text, assessment.anchor)
        || text
            .get(start..end)
            .is_some_and(crate::detectors::channels::refuses_to_take_in)
    {
        return None;
    }
    // The clause, normalised once for the two readings below.
    let clause = text.get(start..end).map(Normalized::new);
    // "Write an article comparing Wise, Payoneer and PayPal fees", "integrate Bizum at the
    // checkout": a clause about the work, which the model alone, unsure, does not overrule.
    if assessment.band == Band::Medium
        && clause
            .as_ref()
            .is_some_and(crate::detectors::channels::names_the_work_in)
    {
        return None;
    }
    // "I'll pay the next milestone through the platform as usual", "оплата через сайт": a
    // clause that names the platform's own way asks for no other.
    if clause
        .as_ref()
        .is_some_and(crate::detectors::channels::names_the_platforms_way_in)
    {
        return None;
    }
    // "Wir zahlen 25 € pro Stunde. Bezahlt wird wie üblich über die Plattform.": a sentence
    // the model, unsure, read apart from a message that goes on to name the platform's way.
    // Named before, the platform's way is often the part that stays ("El anticipo ya quedó
    // en la plataforma. Lo que falta me lo das en efectivo").
    if assessment.band == Band::Medium
        && assessment.clause_alone
        && text.get(end..).is_some_and(|after| {
            crate::detectors::channels::names_the_platforms_way_in(&Normalized::new(after))
        })
    {
        return None;
    }
    let (rule, confidence) = match (assessment.band, context) {
        (Band::High, false) => ("intent/model:high", HIGH_CONFIDENCE),
        (Band::Medium, false) => ("intent/model:medium", MEDIUM_CONFIDENCE),
        (Band::High, true) => ("intent/context:high", HIGH_CONFIDENCE),
        (Band::Medium, true) => ("intent/context:medium", MEDIUM_CONFIDENCE),
    };
    Some(Finding::new(kind, None, start, end, confidence, rule))
}

/// The model's assessment of a text, if it is one the model reads and passes a threshold.
pub(crate) fn assess(text: &Normalized<'_>) -> Option<Assessment> {
    if text.original.len() > MAX_TEXT || !has_letters(text.lower()) {
        return None;
    }
    let assessment = intent::shipped()?.assess(text)?;
    // A text of a few words gives the model a few n-grams, and its thresholds were chosen on
    // messages of sentence length: there only the high band is trusted ("o ponto de
    // partida", "a.b@c" scored in the medium band). Short requests with a channel or a
    // payment word are the phrase rules' to find.
    let n_words = words(text.lower());
    if n_words < MIN_WORDS || assessment.band == Band::Medium && n_words < MIN_WORDS_FOR_MEDIUM {
        return None;
    }
    Some(assessment)
}

/// Words (of two letters or more) a text needs before a medium-band score is reported.
const MIN_WORDS_FOR_MEDIUM: usize = 4;

/// Words a text needs before any score is reported: one word ("deal", "ok") asks nothing
/// that the phrase rules would not find by its name.
const MIN_WORDS: usize = 2;

/// How many words of two letters or more `text` has.
fn words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| word.chars().nth(1).is_some())
        .count()
}

impl Detector for IntentDetector {
    fn name(&self) -> &'static str {
        "intent"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[Kind::Solicitation, Kind::Payment]
    }

    fn detect(&self, text: &Normalized<'_>, _scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        let Some(assessment) = assess(text) else {
            return;
        };
        if let Some(finding) = finding_for(&assessment, text.original, out, false) {
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessment(
        text: &str,
        intent: Intent,
        clause: &str,
        anchor: &str,
        band: Band,
    ) -> Assessment {
        let start = text.find(clause).unwrap_or(0);
        Assessment {
            intent,
            score: 0.8,
            band,
            start,
            end: start + clause.len(),
            anchor: text.find(anchor).unwrap_or(0),
            clause_alone: false,
        }
    }

    #[test]
    fn a_request_under_a_refusal_is_excused() {
        let text = "I won't pay you directly, rules are rules";
        let a = assessment(text, Intent::Payment, text, "directly", Band::High);
        assert_eq!(finding_for(&a, text, &[], false), None);
        // The refusal must be in the clause before the word that carries the request.
        let text = "No worries at all. Send the rest straight to my account";
        let a = assessment(
            text,
            Intent::Payment,
            "Send the rest straight to my account",
            "straight",
            Band::Medium,
        );
        let found = finding_for(&a, text, &[], false).expect("not excused");
        assert_eq!(found.kind, Kind::Payment);
        assert_eq!(found.value, None);
        assert_eq!(found.rule, "intent/model:medium");
        assert_eq!(
            &text[found.start..found.end],
            "Send the rest straight to my account"
        );
        assert!(found.confidence < 0.7);
    }

    #[test]
    fn a_sentence_read_alone_is_excused_by_the_platforms_way_named_after_it() {
        let text = "We pay 25 euros per hour and person, drinks are on us. Payment goes through the platform as usual once the job is done.";
        let clause = "We pay 25 euros per hour and person, drinks are on us.";
        let mut a = assessment(text, Intent::Payment, clause, "pay", Band::Medium);
        a.clause_alone = true;
        assert_eq!(finding_for(&a, text, &[], false), None);
        // Read in the whole text, or sure of itself, the model is not overruled.
        a.clause_alone = false;
        assert!(finding_for(&a, text, &[], false).is_some());
        a.clause_alone = true;
        a.band = Band::High;
        assert!(finding_for(&a, text, &[], false).is_some());
        // Named before, the platform's way is the part that stays.
        let text = "The deposit went through the platform as usual. The rest you hand me in cash when I deliver the van.";
        let clause = "The rest you hand me in cash when I deliver the van.";
        let mut a = assessment(text, Intent::Payment, clause, "cash", Band::Medium);
        a.clause_alone = true;
        assert!(finding_for(&a, text, &[], false).is_some());
    }

    #[test]
    fn a_rail_only_named_in_the_clause_leaves_the_request_to_the_model() {
        let text = "Western Union se bhej dein, platform ki zarurat nahi";
        let a = assessment(text, Intent::Payment, text, "bhej", Band::High);
        // Kept by the context step only beside a value or a request: it covers nothing.
        let mention = Finding::new(
            Kind::Payment,
            Some("western-union".into()),
            0,
            13,
            0.5,
            "channels/mention",
        );
        let found = finding_for(&a, text, std::slice::from_ref(&mention), false);
        assert_eq!(found.map(|f| f.kind), Some(Kind::Payment));
    }

    #[test]
    fn a_clause_the_rules_already_reported_is_left_to_them() {
        let text = "let's talk outside this site";
        let a = assessment(text, Intent::Contact, text, "outside", Band::High);
        let rule = Finding::new(
            Kind::Solicitation,
            None,
            6,
            28,
            0.75,
            "request/off_platform",
        );
        assert_eq!(
            finding_for(&a, text, std::slice::from_ref(&rule), false),
            None
        );
        // Any finding over the clause covers a request to talk elsewhere: the value or
        // channel it names is the finding; the model's would only mask the clause again.
        let payment = Finding::new(Kind::Payment, None, 6, 28, 0.75, "request/pay_directly");
        assert_eq!(finding_for(&a, text, &[payment], true), None);
        let found = finding_for(&a, text, &[], true).expect("kept");
        assert_eq!(found.rule, "intent/context:high");
        assert_eq!(found.kind, Kind::Solicitation);
        // A request to pay elsewhere is covered only by a payment finding.
        let pay = assessment(text, Intent::Payment, text, "outside", Band::High);
        let email = Finding::new(Kind::Email, None, 6, 28, 0.9, "email/address");
        assert!(finding_for(&pay, text, &[email], false).is_some());
    }

    #[test]
    fn texts_without_letters_are_not_read() {
        assert!(!has_letters("12:30 - 45.99 $ !!"));
        assert!(has_letters("ok"));
        assert!(has_letters("да"));
        assert!(assess(&Normalized::new("4829137 / 2024-05-06")).is_none());
        assert!(assess(&Normalized::new(&"pay me directly ".repeat(400))).is_none());
    }
}
