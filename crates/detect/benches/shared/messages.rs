//! The messages and the document the engine's benchmarks scan: everyday marketplace chatter,
//! contact details in several disguises, and a long document made of both. Shared by
//! `benches/scan.rs` and `examples/perf_scan.rs`, so both measure the same text.
#![allow(dead_code)]

/// Everyday marketplace chatter, with the numbers that must not become phones and the
/// technology mentions that must not become channels.
pub const BENIGN: &[&str] = &[
    "Hi! Is this still available?",
    "Can you do $45.99? I can pick up on 2024-05-06.",
    "Order #4829137 shipped today, tracking should update by Friday.",
    "Part number XK-2231-117 fits the 2016 model, size 10.5.",
    "Lot 88213: 24 pieces at $3.50 each, shipping included.",
    "Version 2.4.1 fixed the crash; build 10423 is uploaded.",
    "Dimensions: 120 x 60 x 75 cm, weight 23.5 kg.",
    "ISBN 978-3-16-148410-0, good condition.",
    "I can't share my phone number here, let's keep it on the site.",
    "Could you build a Telegram bot that posts our daily prices?",
    "We need to integrate PayPal checkout into the Shopify store.",
    "The Zoom SDK crashes on Android 14, can you look at the logs?",
    "Thanks, I'll leave a review once it arrives.",
    "Delivery between 9:30 and 11:00 on 12/03, invoice 2024-0915 attached.",
    "¿Sigue disponible? Me interesa mucho, gracias.",
    "sounds good 👍",
];

/// Messages that carry a contact detail or an off-platform payment attempt.
pub const POSITIVE: &[&str] = &[
    "email me at alex.m@gmail.com",
    "write me: alex at gmail dot com",
    "call me on (415) 839-2716",
    "text me four one five, eight three nine, two seven one six",
    "add me on whats app +44 7911 123456",
    "my insta is @maya_runs, DM me there",
    "t.me/jdoe88 is faster",
    "pay me via paypal.me/lenaw and I ship today",
    "ａｌｅｘ＠ｇｍａｉｌ．ｃｏｍ",
    "ntanaka\u{200B}@\u{200B}proton.me",
    "join zoom.us/j/8392716455 at 5",
    "IBAN DE89 3704 0044 0532 0130 00, pay direct and skip the fees",
    "what's your number? let's talk outside this site",
    "my gmail is sofia.r, message me",
    "k.tanaka (at) outlook [dot] com",
    "4 1 5 8 3 9 2 7 1 6",
];

/// A document of about `n_bytes`, made of varied paragraphs: each paragraph takes the
/// messages in a different rotation so the text does not repeat in one period.
pub fn document(n_bytes: usize) -> String {
    let mut doc = String::with_capacity(n_bytes + 1024);
    let mut paragraph_idx = 0usize;
    while doc.len() < n_bytes {
        for sentence_idx in 0..8 {
            let pick = paragraph_idx * 7 + sentence_idx * 3;
            // One sentence in 24 carries a contact detail.
            let sentence = if (paragraph_idx + sentence_idx).is_multiple_of(24) {
                POSITIVE[pick % POSITIVE.len()]
            } else {
                BENIGN[pick % BENIGN.len()]
            };
            doc.push_str(sentence);
            doc.push(' ');
        }
        doc.push_str("\n\n");
        paragraph_idx += 1;
    }
    doc
}
