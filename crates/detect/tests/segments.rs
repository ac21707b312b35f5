//! Long texts are scanned in bounded segments (`Engine::scan`): these tests check, with small
//! segments so that no input needs to be megabytes long, that a value across a segment cut
//! is found exactly once at its place in the whole text, and that segmented and one-piece
//! scans find exactly the same things on the development corpus and on generated texts.

use offside_detect::{Engine, EngineOptions, Finding, Kind, MIN_SEGMENT_BYTES};

const SEGMENT: usize = MIN_SEGMENT_BYTES;

fn segmented() -> Engine {
    Engine::new(EngineOptions::default()).with_segment_bytes(SEGMENT)
}

fn one_piece() -> Engine {
    Engine::new(EngineOptions::default()).with_segment_bytes(usize::MAX)
}

#[test]
fn a_value_across_a_segment_cut_is_found_once_where_it_stands() {
    let (segmented, one_piece) = (segmented(), one_piece());
    let values = [
        (Kind::Email, "alex.mason@gmail.com"),
        (Kind::Phone, "+447911123456"),
        (Kind::Payment, "DE89370400440532013000"),
    ];
    // No white space for the cut to fall on: the first segment ends at its size exactly,
    // which these starts put inside the value.
    for filler in ["|", "é"] {
        for (kind, value) in values {
            for start in [SEGMENT + 1 - value.len(), SEGMENT - 8, SEGMENT - 1] {
                let mut head = filler.repeat((start - 1) / filler.len());
                while head.len() < start {
                    head.push('|');
                }
                let text = format!("{head}{value}|{}", filler.repeat(3 * SEGMENT));
                assert!(start < SEGMENT && start + value.len() > SEGMENT);
                let findings = segmented.scan(&text, None);
                let found: Vec<&Finding> = findings.iter().filter(|f| f.kind == kind).collect();
                assert_eq!(found.len(), 1, "{value} at {start}: {findings:?}");
                assert_eq!(
                    (found[0].start, found[0].end),
                    (start, start + value.len()),
                    "{value} at {start}"
                );
                assert_eq!(findings, one_piece.scan(&text, None), "{value} at {start}");
            }
        }
    }
}

/// The texts of a JSONL corpus file.
fn corpus_texts(name: &str) -> Vec<String> {
    let path = format!(
        "{}/../../testdata/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter_map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["text"].as_str().map(str::to_owned)
        })
        .collect()
}

fn assert_same(text: &str, what: &str) {
    let one_piece = one_piece().scan(text, None);
    for engine in [
        segmented(),
        segmented().with_segment_bytes(3 * SEGMENT + 17),
        Engine::new(EngineOptions::default()),
    ] {
        let in_segments = engine.scan(text, None);
        if in_segments != one_piece {
            let first = in_segments
                .iter()
                .zip(&one_piece)
                .position(|(a, b)| a != b)
                .unwrap_or(in_segments.len().min(one_piece.len()));
            panic!(
                "{what}: {} findings in segments, {} in one piece; first difference at #{first}: {:?} / {:?}",
                in_segments.len(),
                one_piece.len(),
                in_segments.get(first),
                one_piece.get(first)
            );
        }
        let mut streamed = Vec::new();
        engine.scan_each(text, None, |f| streamed.push(f));
        assert_eq!(streamed, in_segments, "{what}: scan_each");
    }
}

#[test]
fn the_dev_corpus_in_segments_finds_what_it_finds_in_one_piece() {
    for name in [
        "dev.jsonl",
        "numbers.jsonl",
        "channels.jsonl",
        "encodings.jsonl",
        "links.jsonl",
        "payments.jsonl",
        "requests.jsonl",
    ] {
        let texts = corpus_texts(name);
        // Each message alone (short: one piece either way)...
        let (segmented, one_piece) = (segmented(), one_piece());
        for text in &texts {
            assert_eq!(segmented.scan(text, None), one_piece.scan(text, None));
        }
        // ...and the whole file as one long text, so that cuts fall between and inside
        // its messages.
        assert_same(&texts.join("\n\n"), name);
        assert_same(&texts.join(" "), name);
    }
}

/// SplitMix64, for generated texts.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[test]
fn generated_long_texts_in_segments_find_what_they_find_in_one_piece() {
    const SIZE: usize = 120_000;
    let repeat = |unit: &str| unit.repeat(SIZE / unit.len());
    let mut state = 7;
    let digits: String = (0..SIZE / 2)
        .map(|_| format!("{} ", next(&mut state) % 10))
        .collect();
    let token: String = (0..SIZE)
        .map(|_| char::from(b"abcdefghij0123456789"[(next(&mut state) % 20) as usize]))
        .collect();
    let base64: String = (0..SIZE)
        .map(|i| {
            if i % 77 == 76 {
                '\n'
            } else {
                char::from(
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                        [(next(&mut state) % 64) as usize],
                )
            }
        })
        .collect();
    let emails: String = (0..SIZE / 20)
        .map(|i| format!("u{i}@mail{}.com ", i % 97))
        .collect();
    let lines = [
        "Order #4829137 shipped today, tracking should update by Friday.",
        "call me on (415) 839-2716",
        "text me four one five, eight three nine, two seven one six",
        "IBAN DE89 3704 0044 0532 0130 00, pay direct and skip the fees",
        "k.tanaka (at) outlook [dot] com",
        "add me on whats app +44 7911 123456",
        "pay me via paypal.me/lenaw and I ship today",
    ];
    let mut prose = String::new();
    while prose.len() < SIZE {
        prose.push_str(lines[(next(&mut state) % lines.len() as u64) as usize]);
        prose.push_str(["\n\n", "\n", " ", ". "][(next(&mut state) % 4) as usize]);
    }
    let cases = [
        ("spaced digits", digits),
        ("one giant token", token),
        ("base64 lines", base64),
        ("many e-mails", emails),
        ("prose", prose),
        (
            "mixed scripts",
            repeat("Привет alex@gmail.com 電話 ０９０−１２３４−５６７８ مرحبا ٠٥٠١٢٣٤٥٦٧ नमस्ते ९८७६५४३२१० "),
        ),
        ("spoken address", repeat("alex at gmail dot com and ")),
    ];
    for (what, text) in cases {
        assert_same(&text, what);
    }
}
