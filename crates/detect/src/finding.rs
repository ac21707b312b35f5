//! The vocabulary every detector speaks: what kind of thing was found, its canonical value,
//! where it is in the original text, how sure we are and which rule said so.

use std::fmt;

/// What a finding is. The names and the canonical values follow the corpus format
/// (`shared/corpus/README.md`), which is also what `offside scan` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// An e-mail address; value is the de-obfuscated, lower-case address.
    Email,
    /// A phone number; value is E.164 (`+14158392716`), with `;ext=` when an extension is given.
    Phone,
    /// A link to a website; value is host and path without scheme or `www.`.
    Url,
    /// A social network profile or handle; value is the network (`instagram`).
    Social,
    /// A messaging-app ID, link or invitation; value is the app (`whatsapp`).
    Messenger,
    /// An external meeting or scheduling link; value is the service (`zoom`).
    Meeting,
    /// An off-platform payment method or attempt; value is the method (`paypal`, `iban`), or
    /// empty for a generic "pay me outside the platform".
    Payment,
    /// A request to move contact or payment off the platform without a concrete channel.
    Solicitation,
}

impl Kind {
    /// Every kind, in a stable order.
    pub const ALL: [Kind; 8] = [
        Kind::Email,
        Kind::Phone,
        Kind::Url,
        Kind::Social,
        Kind::Messenger,
        Kind::Meeting,
        Kind::Payment,
        Kind::Solicitation,
    ];

    /// The lower-case name used in JSON output and in the corpus labels.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Phone => "phone",
            Kind::Url => "url",
            Kind::Social => "social",
            Kind::Messenger => "messenger",
            Kind::Meeting => "meeting",
            Kind::Payment => "payment",
            Kind::Solicitation => "solicitation",
        }
    }

    /// Parses the lower-case name back into a kind.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The placeholder `redact` puts in place of a finding of this kind.
    pub fn mask(self) -> &'static str {
        match self {
            Kind::Email => "[email hidden]",
            Kind::Phone => "[phone hidden]",
            Kind::Url => "[link hidden]",
            Kind::Social => "[social profile hidden]",
            Kind::Messenger => "[messenger hidden]",
            Kind::Meeting => "[meeting link hidden]",
            Kind::Payment => "[payment details hidden]",
            Kind::Solicitation => "[off-platform request hidden]",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a link is to the person who wrote it: the policy treats a sender's own site, a page to
/// contact them and a third party's material differently (a portfolio or a link to a public
/// repository may be allowed where a booking page is not). Set on `url` findings only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkRole {
    /// The sender's own site or portfolio ("my site", "check out my work at …", a domain that
    /// carries the sender's name).
    Own,
    /// A way to reach the sender: a contact, booking or link-in-bio page, or a profile page.
    Contact,
    /// Third-party material: documentation, an article, a public repository, a widely used
    /// site.
    Reference,
    /// Nothing tells.
    Unknown,
}

impl LinkRole {
    /// The lower-case name used in JSON output and in the corpus labels.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkRole::Own => "own",
            LinkRole::Contact => "contact",
            LinkRole::Reference => "reference",
            LinkRole::Unknown => "unknown",
        }
    }
}

impl fmt::Display for LinkRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What was found.
    pub kind: Kind,
    /// The canonical value (see [`Kind`]); `None` where only the kind is meaningful
    /// (a solicitation, a generic off-platform payment request).
    pub value: Option<String>,
    /// Byte offset of the evidence in the **original** text (inclusive).
    pub start: usize,
    /// Byte offset of the end of the evidence in the original text (exclusive).
    pub end: usize,
    /// How sure the detector is, from 0 to 1. Policies map low confidence to softer actions.
    pub confidence: f32,
    /// The detector and rule that produced the finding, `detector/rule`, so that a reviewer
    /// can be told why.
    pub rule: &'static str,
    /// For conversations: the index of the message the evidence starts in. `start..end` are
    /// then offsets in that message (for values split over several messages, in the first).
    pub message: Option<usize>,
    /// For values split over several messages: every message index that contributed.
    pub messages: Vec<usize>,
    /// For `url` findings: what the link is to its writer (see [`LinkRole`]); `None` for
    /// every other kind.
    pub role: Option<LinkRole>,
    /// For values split over several messages: the evidence in each message that
    /// contributed, in message order (empty otherwise). Masking a split value masks every
    /// part.
    pub parts: Vec<Part>,
}

/// The part of a split value's evidence that lies in one message of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// The message's index in the conversation.
    pub message: usize,
    /// Byte offset of this part in that message's original text (inclusive).
    pub start: usize,
    /// Byte offset of the end of this part in that message's original text (exclusive).
    pub end: usize,
}

/// The rules that recognise values reserved for examples and fiction, besides every
/// `*/placeholder` rule.
const PLACEHOLDER_RULES: &[&str] = &[
    "phone/fiction_range",
    "payment_ids/card_test_number",
    "payment_ids/iban_example",
];

impl Finding {
    /// Whether the value is one reserved for examples and fiction (`user@example.com`, a
    /// published test card, a 555-01xx number): it reaches nobody. The engine drops these
    /// when [`crate::EngineOptions::report_placeholders`] is `false`.
    pub fn is_placeholder(&self) -> bool {
        PLACEHOLDER_RULES.contains(&self.rule) || self.rule.ends_with("/placeholder")
    }

    /// A finding in a single text.
    pub fn new(
        kind: Kind,
        value: Option<String>,
        start: usize,
        end: usize,
        confidence: f32,
        rule: &'static str,
    ) -> Finding {
        Finding {
            kind,
            value,
            start,
            end,
            confidence,
            rule,
            message: None,
            messages: Vec::new(),
            parts: Vec::new(),
            role: None,
        }
    }
}
