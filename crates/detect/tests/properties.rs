//! Invariants that hold for any input: detection never panics, and every finding's span is a
//! valid, char-aligned range of the original text.

use offside_detect::{redact, Engine, EngineOptions, Finding, Region};
use proptest::prelude::*;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(EngineOptions::default()));

fn check_spans(text: &str, findings: &[Finding]) {
    for f in findings {
        assert!(
            f.start <= f.end && f.end <= text.len(),
            "{f:?} out of {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        assert!((0.0..=1.0).contains(&f.confidence), "{f:?}");
    }
}

/// Characters users hide contact details with, mixed with ordinary ones.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        3 => proptest::char::range('0', '9'),
        2 => Just(' '),
        1 => prop::sample::select(vec![
            '@', '.', '+', '-', '(', ')', '[', ']', '#', '$', ':', '/', '_', '\n',
            '\u{200B}', '\u{202E}', '\u{FE0F}', '\u{20E3}', '＠', '．', '０', '９', 'ａ', 'а', 'о',
            'е', 'ß', 'é', '𝐚', '𝟗', '·', '—', '’', '中', '😀', '\u{0301}',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..200).prop_map(|cs| cs.into_iter().collect())
}

/// Fragments of real disguises, shuffled together.
fn fragment_text() -> impl Strategy<Value = String> {
    let fragments = vec![
        "alex",
        " at ",
        " dot ",
        "gmail",
        "com",
        "[at]",
        "(dot)",
        "arroba",
        "punto",
        "four",
        "one",
        "five",
        "oh",
        "double",
        "eighty",
        "six17",
        "S123",
        "l9",
        "+1 ",
        "415",
        "839",
        "2716",
        "whats app",
        "tele gram",
        "ping me on ",
        "my gmail is ",
        "pay me directly",
        "IBAN ",
        "ES91 2100 0418 4502 0005 1332",
        "bc1q",
        "0x",
        "wa.me/",
        "t.me/",
        "https://",
        "bit.ly/x",
        "$cash",
        "live:",
        "order #",
        "part number ",
        "can't share",
        " ",
        ", ",
        "\n",
    ];
    prop::collection::vec(prop::sample::select(fragments), 0..30).prop_map(|fs| fs.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_and_spans_are_valid(text in tricky_text()) {
        let findings = ENGINE.scan(&text, None);
        check_spans(&text, &findings);
        let _ = redact(&text, &findings);
    }

    #[test]
    fn disguise_fragments_keep_valid_spans(text in fragment_text(), gb in any::<bool>()) {
        let region = gb.then(|| Region::parse("GB").unwrap());
        let findings = ENGINE.scan(&text, region);
        check_spans(&text, &findings);
    }

    #[test]
    fn conversations_keep_valid_spans(messages in prop::collection::vec(fragment_text(), 1..5)) {
        let refs: Vec<&str> = messages.iter().map(String::as_str).collect();
        for f in ENGINE.scan_conversation(&refs, None) {
            let first = f.message.expect("conversation findings name their message");
            let last = *f.messages.last().expect("and every contributing message");
            prop_assert!(f.start <= refs[first].len() && refs[first].is_char_boundary(f.start));
            prop_assert!(f.end <= refs[last].len() && refs[last].is_char_boundary(f.end));
        }
    }
}

/// A 10 MB input of each adversarial shape scans without panicking, with valid spans. Its
/// time is measured by `offside bench`, not here; a quadratic scan would not finish the suite.
#[test]
fn ten_megabyte_inputs() {
    let shapes = [
        "4 1 5 8 3 9 2 7 1 6 ",
        "alex at gmail dot com and ",
        "call me +1 415 555 0132 or my gmail is alex_k. pay me directly via paypal: x@y.com ",
        "a l e x @ g m a i l . c o m ",
        "1234567890",
        "(at)[dot]{at}",
        "ｍａｒｉａ＠ｉｃｌｏｕｄ．ｃｏｍ ",
        "whats app telegram paypal ",
        "@@@@....",
    ];
    for shape in shapes {
        let text = shape.repeat(10 * 1024 * 1024 / shape.len());
        let findings = ENGINE.scan(&text, None);
        check_spans(&text, &findings);
    }
}
