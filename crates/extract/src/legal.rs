//! Recognising the legal documents the policy exempts, from their content.
//!
//! The policy lets a non-disclosure agreement, a business licence, an identity document for
//! a local authority and background-check paperwork carry names, e-mail addresses and
//! postal addresses. Uploaders rarely say what a file is, so [`classify`] reads it: a
//! document is recognised as a kind only when it **opens with** one of that kind's titles
//! and its body uses several of that kind's distinctive terms. Both are needed because the
//! exception is worth faking: "NDA — call me on 415 555 2671" is a title with no body, and a
//! job post that says "you will sign a non-disclosure agreement" has the phrase but not at
//! the top. The [`Classification`] carries the title and terms it saw, so the decision can
//! say why and a reviewer can check it against the file.

use std::fmt;

/// A kind of legal document the policy exempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// A non-disclosure (confidentiality) agreement.
    Nda,
    /// A business licence or registration certificate.
    BusinessLicense,
    /// An identity document (passport, identity card, driving licence).
    IdDocument,
    /// Background-check paperwork.
    BackgroundCheck,
}

impl DocumentKind {
    /// The snake-case name, as the policy spells attachment kinds.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Nda => "nda",
            DocumentKind::BusinessLicense => "business_license",
            DocumentKind::IdDocument => "id_document",
            DocumentKind::BackgroundCheck => "background_check",
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DocumentKind::Nda => "a non-disclosure agreement",
            DocumentKind::BusinessLicense => "a business licence",
            DocumentKind::IdDocument => "an identity document",
            DocumentKind::BackgroundCheck => "background-check paperwork",
        })
    }
}

/// What a document was recognised as, and the evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// The kind.
    pub kind: DocumentKind,
    /// The title it opens with, as written in the lowercased text.
    pub title: String,
    /// The distinctive terms of that kind found in its body, in the order of the lexicon.
    pub terms: Vec<String>,
}

impl Classification {
    /// One sentence of evidence: `its title reads "mutual non-disclosure agreement" and it
    /// uses 5 terms of one (confidential information, receiving party, ...)`.
    pub fn reason(&self) -> String {
        format!(
            "it opens with the title \"{}\" and uses {} terms of {} ({})",
            self.title,
            self.terms.len(),
            self.kind,
            self.terms.join(", ")
        )
    }
}

/// The words that make a kind: titles, of which one must open the document, and terms, of
/// which `min_terms` must appear anywhere in it. English first, then Spanish, Portuguese,
/// French and German, the languages the detector reads numbers in.
struct Lexicon {
    kind: DocumentKind,
    titles: &'static [&'static str],
    terms: &'static [&'static str],
    min_terms: usize,
    /// Shorter texts are not this kind: a real agreement or certificate has a body.
    min_bytes: usize,
}

const LEXICONS: &[Lexicon] = &[
    Lexicon {
        kind: DocumentKind::Nda,
        titles: &[
            "non-disclosure agreement",
            "nondisclosure agreement",
            "non disclosure agreement",
            "confidentiality agreement",
            "mutual nda",
            "confidentiality and non-disclosure",
            "acuerdo de confidencialidad",
            "contrato de confidencialidad",
            "acordo de confidencialidade",
            "termo de confidencialidade",
            "accord de confidentialité",
            "accord de non-divulgation",
            "geheimhaltungsvereinbarung",
            "vertraulichkeitsvereinbarung",
        ],
        terms: &[
            "confidential information",
            "disclosing party",
            "receiving party",
            "trade secret",
            "shall not disclose",
            "return or destroy",
            "injunctive relief",
            "governing law",
            "term of this agreement",
            "in witness whereof",
            "effective date",
            "the parties",
            "obligations",
            "información confidencial",
            "parte reveladora",
            "parte receptora",
            "informação confidencial",
            "parte divulgadora",
            "informations confidentielles",
            "partie divulgatrice",
            "vertrauliche informationen",
            "offenlegende partei",
        ],
        min_terms: 3,
        min_bytes: 400,
    },
    Lexicon {
        kind: DocumentKind::BusinessLicense,
        titles: &[
            "business license",
            "business licence",
            "business registration certificate",
            "certificate of incorporation",
            "certificate of formation",
            "certificate of organization",
            "articles of organization",
            "trade license",
            "trade licence",
            "certificate of registration",
            "licencia de funcionamiento",
            "licencia comercial",
            "certificado de registro mercantil",
            "alvará de funcionamento",
            "extrait kbis",
            "gewerbeanmeldung",
            "gewerbeschein",
            "handelsregisterauszug",
        ],
        terms: &[
            "license number",
            "licence number",
            "license no",
            "licence no",
            "registration number",
            "business name",
            "date of issue",
            "issued on",
            "expiration date",
            "expiry date",
            "valid until",
            "issuing authority",
            "secretary of state",
            "department of",
            "city of",
            "county of",
            "owner",
            "tax id",
            "business address",
            "número de licencia",
            "razón social",
            "numéro siren",
            "numéro siret",
            "registre du commerce",
            "betriebsstätte",
            "handelsregister",
        ],
        min_terms: 3,
        min_bytes: 200,
    },
    Lexicon {
        kind: DocumentKind::IdDocument,
        titles: &[
            "passport",
            "identity card",
            "national identity card",
            "national id card",
            "driver license",
            "driver's license",
            "driving licence",
            "residence permit",
            "pasaporte",
            "documento nacional de identidad",
            "carteira de identidade",
            "passaporte",
            "carte nationale d'identité",
            "permis de conduire",
            "reisepass",
            "personalausweis",
            "führerschein",
        ],
        terms: &[
            "surname",
            "given names",
            "date of birth",
            "place of birth",
            "nationality",
            "date of issue",
            "date of expiry",
            "expires",
            "sex",
            "issuing authority",
            "document no",
            "apellidos",
            "fecha de nacimiento",
            "nacionalidad",
            "data de nascimento",
            "nationalité",
            "date de naissance",
            "geburtsdatum",
            "staatsangehörigkeit",
        ],
        min_terms: 3,
        min_bytes: 100,
    },
    Lexicon {
        kind: DocumentKind::BackgroundCheck,
        titles: &[
            "background check",
            "background screening",
            "background report",
            "criminal record check",
            "criminal background check",
            "police clearance certificate",
            "certificate of good conduct",
            "dbs certificate",
            "disclosure and barring service",
            "certificado de antecedentes penales",
            "atestado de antecedentes criminais",
            "extrait de casier judiciaire",
            "führungszeugnis",
        ],
        terms: &[
            "criminal history",
            "criminal record",
            "sex offender",
            "county criminal",
            "ssn trace",
            "employment verification",
            "fair credit reporting act",
            "consumer reporting agency",
            "disclosure and authorization",
            "records found",
            "no records",
            "date of birth",
            "report date",
            "antecedentes",
            "casier judiciaire",
            "eintragungen",
        ],
        min_terms: 3,
        min_bytes: 200,
    },
];

/// How far into the (whitespace-collapsed, lowercased) text a title may start: a cover
/// line, a letterhead or a logo's OCR noise may come first, a paragraph of prose may not.
const TITLE_WINDOW: usize = 300;

/// Recognises a legal document from its text: the first kind whose title opens the text
/// and whose terms it uses enough of, or `None`.
pub fn classify(text: &str) -> Option<Classification> {
    let folded = fold(text);
    let opening = prefix(&folded, TITLE_WINDOW);
    LEXICONS.iter().find_map(|lexicon| {
        if folded.len() < lexicon.min_bytes {
            return None;
        }
        let title = lexicon
            .titles
            .iter()
            .filter_map(|title| find_words(opening, title).map(|at| (at, *title)))
            .min_by_key(|(at, title)| (*at, std::cmp::Reverse(title.len())))?
            .1;
        // Terms count in the body, not in the title itself ("confidentiality agreement"
        // does not make "the parties" appear).
        let terms: Vec<String> = lexicon
            .terms
            .iter()
            .filter(|term| find_words(&folded, term).is_some())
            .map(|term| (*term).to_owned())
            .collect();
        (terms.len() >= lexicon.min_terms).then(|| Classification {
            kind: lexicon.kind,
            title: title.to_owned(),
            terms,
        })
    })
}

/// Lowercase, with every run of whitespace (and the hyphen-newline of a broken word left
/// as is) collapsed to one space, and typographic apostrophes made straight.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
            continue;
        }
        space = false;
        let c = if c == '\u{2019}' { '\'' } else { c };
        out.extend(c.to_lowercase());
    }
    out
}

/// At most the first `limit` bytes of `text`, cut on a character boundary.
fn prefix(text: &str, limit: usize) -> &str {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Where `phrase` occurs in `text` as whole words (not inside a longer word).
fn find_words(text: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = text[from..].find(phrase) {
        let start = from + found;
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(start);
        }
        from = start + phrase.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const NDA: &str = "MUTUAL NON-DISCLOSURE AGREEMENT\n\nThis Agreement is entered into as of \
        the Effective Date between Acme Design LLC and Jordan Lee (each a \"Party\").\n\n\
        1. Confidential Information. Each party may disclose to the other information that \
        is confidential. The Receiving Party shall not disclose any Confidential Information \
        of the Disclosing Party to any third party.\n2. Return of materials. On request the \
        Receiving Party shall return or destroy all Confidential Information.\n3. Governing \
        Law. This Agreement is governed by the laws of the State of New York.\n\nContact for \
        notices: jordan.lee@example.com";

    #[test]
    fn an_nda_is_recognised_with_its_evidence() {
        let found = classify(NDA).expect("an NDA");
        assert_eq!(found.kind, DocumentKind::Nda);
        assert_eq!(found.title, "non-disclosure agreement");
        assert!(found.terms.len() >= 4, "{:?}", found.terms);
        assert!(
            found.reason().contains("receiving party"),
            "{}",
            found.reason()
        );
    }

    #[test]
    fn a_title_without_a_body_is_not_an_nda() {
        assert_eq!(
            classify("NDA / Non-disclosure agreement\nCall me on 415 555 2671 or WhatsApp"),
            None
        );
        // Padding does not help: the terms are missing.
        let padded = format!(
            "Non-disclosure agreement\n{}\nmy email is alex@gmail.com",
            "lorem ipsum dolor sit amet ".repeat(40)
        );
        assert_eq!(classify(&padded), None);
    }

    #[test]
    fn the_title_must_open_the_document() {
        let post = format!(
            "{} You will sign a non-disclosure agreement covering confidential information; \
             the receiving party obligations and governing law are standard.",
            "We are looking for a designer for our mobile app, with five years of experience \
             in fintech products and a portfolio of shipped work. "
                .repeat(4)
        );
        assert_eq!(classify(&post), None);
    }

    #[test]
    fn titles_are_whole_words_and_other_languages_count() {
        assert_eq!(find_words("passports office", "passport"), None);
        assert_eq!(find_words("a passport.", "passport"), Some(2));
        let german = format!(
            "Geheimhaltungsvereinbarung\nzwischen der offenlegenden Partei und dem Empfänger. \
             Vertrauliche Informationen sind geheim zu halten. {} Die offenlegende Partei ... \
             obligations, governing law.",
            "Weitere Bestimmungen folgen. ".repeat(12)
        );
        assert_eq!(classify(&german).map(|c| c.kind), Some(DocumentKind::Nda));
    }

    #[test]
    fn a_business_licence_and_a_passport() {
        let licence = "CITY OF AUSTIN\nBUSINESS LICENSE\nLicense Number: BL-2026-004417\n\
            Business Name: Lee Carpentry LLC\nBusiness Address: 500 Congress Ave, Austin TX\n\
            Owner: Jordan Lee\nDate of Issue: 2026-01-04\nExpiration Date: 2027-01-03\n\
            Issued by the Department of Licensing.";
        let found = classify(licence).expect("a licence");
        assert_eq!(found.kind, DocumentKind::BusinessLicense);
        let passport = "PASSPORT\nType P  Code USA\nSurname LEE\nGiven names JORDAN\n\
            Nationality UNITED STATES OF AMERICA\nDate of birth 04 MAR 1990\nSex M\n\
            Date of issue 10 JAN 2020\nDate of expiry 09 JAN 2030\n";
        assert_eq!(
            classify(passport).map(|c| c.kind),
            Some(DocumentKind::IdDocument)
        );
    }

    #[test]
    fn ordinary_documents_are_nothing() {
        let brief = "Project brief\n\nWe need a landing page for our bakery with an order \
            form, a gallery and a contact section. The effective date of the launch is May. \
            The parties involved are the owner and the designer. Budget: $800.";
        assert_eq!(classify(brief), None);
        assert_eq!(classify(""), None);
    }
}
