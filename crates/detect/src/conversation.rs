//! Conversations: values split over several messages.
//!
//! Users who know a filter reads each message send a number in pieces ("415 839", "27",
//! "16") or an address in parts ("alex", "at gmail", "dot com"). Each message is scanned on
//! its own first; then every window of up to [`WINDOW`] consecutive messages is joined with a
//! space and scanned again. A finding in a joined window that starts in the window's first
//! message and ends in a later one is a split value: it is reported once, with the index of
//! the message it starts in (`message`) and every message that contributed (`messages`).
//! Its `start` is an offset in the first message and its `end` an offset in the last one;
//! `parts` gives the evidence in each contributing message, so that every part can be masked.
//!
//! The intent model also reads each message with up to [`INTENT_CONTEXT`] messages before it
//! (joined with line breaks, so clauses do not run across messages): "my cousin handles
//! payments" then "I'll send you his details" is a request neither message makes alone. Such
//! a finding is reported in the last message, on the clause that weighs most there, with
//! the messages read in `messages` and an `intent/context:*` rule; only when the message
//! alone gave no finding of that kind. Its one part is that clause.

use crate::normalize::Normalized;
use crate::{Engine, Finding, Part, Region};

/// How many consecutive messages a split value may span.
pub const WINDOW: usize = 4;

/// How many earlier messages the intent model reads a message with.
pub const INTENT_CONTEXT: usize = 2;

/// Scans a conversation (oldest message first). See the module documentation.
pub fn scan(engine: &Engine, messages: &[&str], region: Option<Region>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, text) in messages.iter().enumerate() {
        for mut f in engine.scan(text, region) {
            f.message = Some(i);
            f.messages = vec![i];
            out.push(f);
        }
    }
    if messages.len() < 2 {
        return out;
    }
    intent_in_context(messages, &mut out);
    let mut joined = String::new();
    let mut offsets: Vec<usize> = Vec::with_capacity(WINDOW);
    for first in 0..messages.len() - 1 {
        let last = (first + WINDOW).min(messages.len());
        joined.clear();
        offsets.clear();
        for text in &messages[first..last] {
            if !joined.is_empty() {
                joined.push(' ');
            }
            offsets.push(joined.len());
            joined.push_str(text);
        }
        // Which message (relative to `first`) a byte offset of `joined` falls in.
        let message_of = |at: usize| offsets.iter().rposition(|&o| o <= at).unwrap_or(0);
        for f in engine.scan(&joined, region) {
            let start_msg = message_of(f.start);
            let end_msg = message_of(f.end.saturating_sub(1).max(f.start));
            if start_msg != 0 || end_msg == 0 {
                continue;
            }
            let already = out.iter().any(|g| {
                g.kind == f.kind && g.value == f.value && g.messages.contains(&(first + end_msg))
            });
            if already {
                continue;
            }
            let mut split = f.clone();
            split.start = f.start - offsets[0];
            split.end = f.end - offsets[end_msg];
            split.message = Some(first);
            split.messages = (first..=first + end_msg).collect();
            split.parts = (0..=end_msg)
                .filter_map(|k| {
                    let from = offsets[k];
                    let to = from + messages[first + k].len();
                    let start = f.start.max(from);
                    let end = f.end.min(to);
                    (start < end).then(|| Part {
                        message: first + k,
                        start: start - from,
                        end: end - from,
                    })
                })
                .collect();
            out.push(split);
        }
    }
    out
}

/// Intents read with earlier messages as context (see the module documentation).
fn intent_in_context(messages: &[&str], out: &mut Vec<Finding>) {
    let mut joined = String::new();
    for last in 1..messages.len() {
        let first = last.saturating_sub(INTENT_CONTEXT);
        joined.clear();
        let mut offset = 0;
        for (i, text) in messages[first..=last].iter().enumerate() {
            if i > 0 {
                joined.push('\n');
            }
            offset = joined.len();
            joined.push_str(text);
        }
        let normalized = Normalized::new(&joined);
        let Some(assessment) = crate::detectors::intent::assess(&normalized) else {
            continue;
        };
        if assessment.start < offset {
            continue;
        }
        // What this message alone gave, in the joined text's offsets.
        let own: Vec<Finding> = out
            .iter()
            .filter(|f| f.message == Some(last) && f.messages.len() <= 1)
            .map(|f| {
                let mut g = f.clone();
                g.start += offset;
                g.end += offset;
                g
            })
            .collect();
        let kind_found = |f: &Finding| own.iter().any(|g| g.kind == f.kind);
        let Some(mut finding) =
            crate::detectors::intent::finding_for(&assessment, &joined, &own, true)
        else {
            continue;
        };
        if kind_found(&finding) {
            continue;
        }
        finding.start -= offset;
        finding.end -= offset;
        finding.message = Some(last);
        finding.messages = (first..=last).collect();
        finding.parts = vec![Part {
            message: last,
            start: finding.start,
            end: finding.end,
        }];
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineOptions, Kind};

    #[test]
    fn finds_a_number_split_over_messages() {
        let engine = Engine::new(EngineOptions::default());
        let messages = ["sure, it's 415 839", "2716", "thanks"];
        let found = engine.scan_conversation(&messages, Some(Region::US));
        let phone = found.iter().find(|f| f.kind == Kind::Phone).expect("phone");
        assert_eq!(phone.value.as_deref(), Some("+14158392716"));
        assert_eq!(phone.messages, vec![0, 1]);
        assert_eq!(&messages[0][phone.start..], "415 839");
        assert_eq!(&messages[1][..phone.end], "2716");
        let parts: Vec<&str> = phone
            .parts
            .iter()
            .map(|p| &messages[p.message][p.start..p.end])
            .collect();
        assert_eq!(parts, ["415 839", "2716"]);
    }

    #[test]
    fn masking_a_conversation_masks_every_part_of_a_split_value() {
        let engine = Engine::new(EngineOptions::default());
        let messages = ["ok my number", "is 415 839", "27", "16 thanks"];
        let found = engine.scan_conversation(&messages, Some(Region::US));
        let masked = crate::redact_conversation(&messages, &found);
        assert_eq!(masked[0], "ok my number");
        for (original, masked) in messages.iter().zip(&masked).skip(1) {
            assert!(
                !masked.chars().any(|c| c.is_ascii_digit()),
                "{original:?} became {masked:?}"
            );
            assert!(masked.contains("[phone hidden]"), "{masked:?}");
        }
        assert!(masked[3].ends_with(" thanks"));
    }

    #[test]
    fn finds_an_address_split_over_messages() {
        let engine = Engine::new(EngineOptions::default());
        let messages = ["write me", "alex.k", "at gmail dot com"];
        let found = engine.scan_conversation(&messages, None);
        let email = found.iter().find(|f| f.kind == Kind::Email).expect("email");
        assert_eq!(email.value.as_deref(), Some("alex.k@gmail.com"));
        assert_eq!(email.messages, vec![1, 2]);
    }

    #[test]
    fn whole_values_are_not_reported_twice() {
        let engine = Engine::new(EngineOptions::default());
        let messages = ["call 415 839 2716", "ok"];
        let found = engine.scan_conversation(&messages, Some(Region::US));
        assert_eq!(found.iter().filter(|f| f.kind == Kind::Phone).count(), 1);
    }
}
