//! Links: personal sites, link shorteners and link-in-bio pages, and the links that belong to
//! a known platform (a social profile, a messenger invite, a meeting room, a payment page).
//!
//! Candidates come from `linkify` over the folded text (so `ｗａ．ｍｅ/…` is a link too);
//! a host must end in a public suffix the `psl` list knows, which is what keeps `os.system`,
//! `e.g.` and `config.rs` out. Bare names that look like source files (`main.py`, `setup.sh`)
//! are not links unless written with a scheme, `www.` or a path; nor are numbered list items
//! written without a space (`2.Design`), dotted names in code (`self.id`, `user.name(`) or a
//! sentence run into the next (`end.The`).
//!
//! Every `url` finding carries a [`LinkRole`]: the sender's own site, a way to contact them, a
//! third party's material, or unknown (see [`link_role`]). Placeholder hosts (`example.com`,
//! `*.test`, `yourcompany.com`) are reported at low confidence as `link/placeholder`.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{packed, AhoCorasick, Input, MatchKind};
use linkify::{LinkFinder, LinkKind};

use super::{phone, Detector, ScanContext};
use crate::normalize::Normalized;
use crate::{Finding, Kind, LinkRole};

/// URL schemes of connection strings to databases, caches and message queues (the IANA URI
/// scheme registry's and the drivers' own): what they reach is a service.
const CONNECTION_SCHEMES: &[&str] = &[
    "postgres",
    "postgresql",
    "mysql",
    "mariadb",
    "mongodb",
    "mongodb+srv",
    "redis",
    "rediss",
    "amqp",
    "amqps",
    "kafka",
    "jdbc",
    "sqlite",
    "mssql",
    "sqlserver",
    "clickhouse",
    "cassandra",
    "nats",
    "mqtt",
    "ldap",
    "ldaps",
];

/// Finds links and classifies them by platform.
pub struct LinkDetector {
    finder: LinkFinder,
    /// Where a long text's words with a possible link are (see [`link_words`]).
    triggers: Triggers,
}

impl Default for LinkDetector {
    fn default() -> Self {
        let mut finder = LinkFinder::new();
        finder.url_must_have_scheme(false);
        finder.kinds(&[LinkKind::Url]);
        LinkDetector {
            finder,
            triggers: Triggers::new(),
        }
    }
}

/// Hosts that belong to a platform: (domain, kind, value). A host matches its domain or any
/// subdomain of it. A path prefix, when given after the domain, must match too.
const PLATFORM_HOSTS: &[(&str, Kind, &str)] = &[
    ("wa.me", Kind::Messenger, "whatsapp"),
    ("whatsapp.com", Kind::Messenger, "whatsapp"),
    ("t.me", Kind::Messenger, "telegram"),
    ("telegram.me", Kind::Messenger, "telegram"),
    ("telegram.dog", Kind::Messenger, "telegram"),
    ("skype.com", Kind::Messenger, "skype"),
    ("discord.gg", Kind::Messenger, "discord"),
    ("discord.com", Kind::Messenger, "discord"),
    ("discordapp.com", Kind::Messenger, "discord"),
    ("signal.me", Kind::Messenger, "signal"),
    ("signal.group", Kind::Messenger, "signal"),
    ("line.me", Kind::Messenger, "line"),
    ("viber.com", Kind::Messenger, "viber"),
    ("slack.com", Kind::Messenger, "slack"),
    ("kik.me", Kind::Messenger, "kik"),
    ("weixin.qq.com", Kind::Messenger, "wechat"),
    ("wa.link", Kind::Messenger, "whatsapp"),
    ("zalo.me", Kind::Messenger, "zalo"),
    ("open.kakao.com", Kind::Messenger, "kakaotalk"),
    ("qr.kakao.com", Kind::Messenger, "kakaotalk"),
    ("imo.im", Kind::Messenger, "imo"),
    ("qm.qq.com", Kind::Messenger, "qq"),
    ("eitaa.com", Kind::Messenger, "eitaa"),
    ("rubika.ir", Kind::Messenger, "rubika"),
    ("ble.ir", Kind::Messenger, "bale"),
    ("splus.ir", Kind::Messenger, "soroush"),
    ("max.ru", Kind::Messenger, "max"),
    ("icq.im", Kind::Messenger, "icq"),
    ("threema.id", Kind::Messenger, "threema"),
    ("viber.click", Kind::Messenger, "viber"),
    ("ig.me", Kind::Social, "instagram"),
    ("wechat.com", Kind::Messenger, "wechat"),
    ("m.me", Kind::Social, "facebook"),
    ("instagram.com", Kind::Social, "instagram"),
    ("instagr.am", Kind::Social, "instagram"),
    ("facebook.com", Kind::Social, "facebook"),
    ("fb.com", Kind::Social, "facebook"),
    ("fb.me", Kind::Social, "facebook"),
    ("linkedin.com", Kind::Social, "linkedin"),
    ("lnkd.in", Kind::Social, "linkedin"),
    ("twitter.com", Kind::Social, "twitter"),
    ("x.com", Kind::Social, "twitter"),
    ("tiktok.com", Kind::Social, "tiktok"),
    ("snapchat.com", Kind::Social, "snapchat"),
    ("youtube.com", Kind::Social, "youtube"),
    ("youtu.be", Kind::Social, "youtube"),
    ("pinterest.com", Kind::Social, "pinterest"),
    ("pin.it", Kind::Social, "pinterest"),
    ("reddit.com", Kind::Social, "reddit"),
    ("github.com", Kind::Social, "github"),
    ("vk.com", Kind::Social, "vk"),
    ("vk.ru", Kind::Social, "vk"),
    ("zoom.us", Kind::Meeting, "zoom"),
    ("zoom.com", Kind::Meeting, "zoom"),
    ("meet.google.com", Kind::Meeting, "google-meet"),
    ("teams.microsoft.com", Kind::Meeting, "teams"),
    ("teams.live.com", Kind::Meeting, "teams"),
    ("calendly.com", Kind::Meeting, "calendly"),
    ("webex.com", Kind::Meeting, "webex"),
    ("whereby.com", Kind::Meeting, "whereby"),
    // Booking pages and meeting rooms of the smaller tools: a time to talk, off the platform.
    ("cal.com", Kind::Meeting, "cal-com"),
    ("savvycal.com", Kind::Meeting, "savvycal"),
    ("tidycal.com", Kind::Meeting, "tidycal"),
    ("zcal.co", Kind::Meeting, "zcal"),
    ("meet.jit.si", Kind::Meeting, "jitsi"),
    ("gotomeet.me", Kind::Meeting, "gotomeeting"),
    ("meet.goto.com", Kind::Meeting, "gotomeeting"),
    ("paypal.me", Kind::Payment, "paypal"),
    ("paypal.com", Kind::Payment, "paypal"),
    ("venmo.com", Kind::Payment, "venmo"),
    ("cash.app", Kind::Payment, "cashapp"),
    ("wise.com", Kind::Payment, "wise"),
    ("revolut.me", Kind::Payment, "revolut"),
    ("revolut.com", Kind::Payment, "revolut"),
    ("payoneer.com", Kind::Payment, "payoneer"),
    ("skrill.com", Kind::Payment, "skrill"),
    ("westernunion.com", Kind::Payment, "western-union"),
    ("moneygram.com", Kind::Payment, "moneygram"),
];

/// Top-level domains that are also common source-file extensions.
const FILE_LIKE_TLDS: &[&str] = &[
    "py", "sh", "pl", "md", "rs", "zip", "mov", "ps", "cc", "ml", "pm", "so", "sc", "rb", "cs",
    "js", "ts", "go", "mk", "bz", "gz",
    // systemd units and network files ("network.target", "static.network").
    "target", "network", "service", "socket", "mount", "timer", "new",
];

impl Detector for LinkDetector {
    fn name(&self) -> &'static str {
        "link"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[
            Kind::Url,
            Kind::Social,
            Kind::Messenger,
            Kind::Meeting,
            Kind::Payment,
            Kind::Phone,
        ]
    }

    fn detect(&self, text: &Normalized<'_>, scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        let folded = text.folded();
        // The last link's end and role, for a link listed after it.
        let mut previous: Option<(usize, LinkRole)> = None;
        for (offset, link) in links_in(&self.finder, &self.triggers, folded) {
            let (link_start, link_end) =
                cut_at_cjk(folded, offset + link.start(), offset + link.end());
            let Some(parsed) = parse_link(&folded[link_start..link_end]) else {
                continue;
            };
            let (start, end) = text.original_span(link_start, link_end);
            if looks_like_code_or_prose(folded, link_start, link_end, &parsed) {
                continue;
            }
            // "upi://pay?pa=ravi@okaxis&am=1500", the link a payment QR code carries: a way to
            // pay the writer (and a link all the same).
            if let Some(method) = payment_scheme(&parsed) {
                out.push(Finding::new(
                    Kind::Payment,
                    Some(method.to_string()),
                    start,
                    end,
                    0.95,
                    "link/payment_uri",
                ));
            } else if parsed.scheme.as_deref().is_some_and(is_payment_scheme) {
                // The same schemes naming no payee are talk about the format, not a site.
                continue;
            }
            let repository = is_repository(&parsed.host, &parsed.path);
            let platform = if repository {
                None
            } else {
                platform(&parsed.host, &parsed.path)
            };
            // Initials ("М.Ю.", "K.Io."): a one-letter name under a suffix, bare, written in
            // capitals, another script or followed by a dot, is no site.
            if platform.is_none() && !parsed.explicit && parsed.path.len() <= 1 {
                let one_letter = parsed
                    .host
                    .split_once('.')
                    .is_some_and(|(name, _)| name.len() == 1)
                    && parsed.host.matches('.').count() == 1;
                let written = &folded[link_start..link_end];
                let initials = folded[link_end..].starts_with('.')
                    || written.bytes().any(|b| b.is_ascii_uppercase())
                    || !text.original.get(start..end).is_some_and(str::is_ascii);
                if one_letter && initials {
                    continue;
                }
            }
            if !parsed.explicit
                && (inclusive_writing(text.original.get(start..end))
                    || escaped_or_templated(text.original, start, end))
            {
                continue;
            }
            let (kind, value, rule) = match platform {
                Some((kind, value)) => (kind, value.to_string(), "link/platform"),
                None => {
                    // Report the user's own characters when they are plain (an IDN host
                    // "üñîçøðé.com"), the folded ones when they were disguised.
                    let value = match text.original.get(start..end) {
                        Some(orig) if crate::normalize::is_plain(orig) => parse_link(orig)
                            .map(|p| p.value)
                            .unwrap_or_else(|| parsed.value.clone()),
                        _ => parsed.value.clone(),
                    };
                    (Kind::Url, value, "link/url")
                }
            };
            let placeholder = kind == Kind::Url && is_placeholder_host(&parsed.host);
            let (confidence, rule) = if placeholder && !is_reserved_host(&parsed.host) {
                (0.3, "link/placeholder")
            } else if placeholder {
                (
                    if parsed.explicit { 0.95 } else { 0.85 },
                    "link/placeholder",
                )
            } else if parsed.explicit {
                (0.95, rule)
            } else {
                (0.85, rule)
            };
            // wa.me/<number> carries a phone number in international format, zalo.me/<number>
            // a Vietnamese one in national format.
            let number_in_path = match parsed.host.as_str() {
                "wa.me" => Some("+"),
                "zalo.me" => Some(""),
                _ => None,
            };
            if let Some(prefix) = number_in_path {
                let digits: String = parsed
                    .path
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                let number = if prefix.is_empty() {
                    phone::valid_number_for(&digits, "VN")
                } else {
                    phone::valid_number(&format!("+{digits}"), scan)
                };
                if let Some(number) = number {
                    out.push(Finding::new(
                        Kind::Phone,
                        Some(number),
                        start,
                        end,
                        0.95,
                        "link/wa_me_number",
                    ));
                }
            }
            let mut finding = Finding::new(kind, Some(value), start, end, confidence, rule);
            let mut role = match platform {
                Some((kind, _)) => platform_link_role(
                    text.original,
                    (start, end),
                    kind,
                    &parsed.host,
                    &parsed.path,
                ),
                None => link_role(text.original, start, end, &parsed.host, &parsed.path),
            };
            // A link listed after a reference ("compare canva.com, adobe.com and figma.com")
            // is one too unless its own words say otherwise.
            if role == LinkRole::Unknown
                && previous.is_some_and(|(prev_end, prev_role)| {
                    prev_role == LinkRole::Reference && listed_after(text.original, prev_end, start)
                })
            {
                role = LinkRole::Reference;
            }
            previous = Some((end, role));
            if kind == Kind::Url {
                // A public repository is third-party material unless the words before it
                // make it the writer's own work or a way to reach them.
                finding.role = Some(match role {
                    LinkRole::Own | LinkRole::Contact => role,
                    _ if repository => LinkRole::Reference,
                    _ => role,
                });
            } else {
                let mut url = Finding::new(
                    Kind::Url,
                    Some(parsed.value.clone()),
                    start,
                    end,
                    confidence,
                    "link/platform_url",
                );
                url.role = Some(role);
                out.push(url);
                // Documentation or an article on a platform's site ("developers.zoom.us/docs",
                // "developers.facebook.com/docs/whatsapp") is about the platform, not a way to
                // reach anyone on it: the link alone is reported, as a reference.
                if role == LinkRole::Reference && parsed.path.trim_end_matches('/').len() > 1 {
                    continue;
                }
            }
            out.push(finding);
        }
    }
}

/// The hosts with a known role, from `data/link_hosts.tsv` (made by `gen_link_hosts.py` from
/// the `top-sites` package and two short curated lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HostRole {
    /// A link-in-bio or booking service: its pages are ways to reach a person.
    Contact,
    /// A host where anyone publishes their own pages: the link's role is not the host's.
    User,
    /// A link shortener: where the link goes is hidden.
    Shortener,
    /// One of the most linked-to sites on the web: third-party material.
    Reference,
    /// A marketplace: its pages may be anyone's profile, so the words around a link say
    /// whose it is.
    Marketplace,
}

static LINK_HOSTS: LazyLock<HashMap<&'static str, HostRole>> = LazyLock::new(|| {
    include_str!("../../data/link_hosts.tsv")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (host, role) = line.split_once('\t')?;
            let role = match role.trim() {
                "contact" => HostRole::Contact,
                "user" => HostRole::User,
                "shortener" => HostRole::Shortener,
                "reference" => HostRole::Reference,
                "marketplace" => HostRole::Marketplace,
                _ => return None,
            };
            Some((host.trim(), role))
        })
        .collect()
});

/// The role listed for `host` or for the nearest parent domain listed.
fn host_role(host: &str) -> Option<HostRole> {
    let mut rest = host;
    loop {
        if let Some(role) = LINK_HOSTS.get(rest) {
            return Some(*role);
        }
        rest = &rest[rest.find('.')? + 1..];
        if !rest.contains('.') {
            return None;
        }
    }
}

/// Whether `domain` is a marketplace's or one of the most linked-to sites: a company's, whose
/// service mailboxes ("support@", "trust@") are no person's address.
pub(crate) fn is_service_domain(domain: &str) -> bool {
    matches!(
        host_role(domain),
        Some(HostRole::Reference | HostRole::Marketplace)
    )
}

/// Words before a link that make it the writer's own site ("my portfolio: …", "check out my
/// work at …", "mi sitio web …"), matched in the clause before the link.
static OWN_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"(?i-u)\b(?:my|our|mi|mis|meu|minha|mon|ma|mes|mein|meine|mijn|il mio|la mia)\s+(?:[a-z]+\s+)?(?:web\s*site|site|sitio(?:\s+web)?|pagina(?:\s+web)?|page|homepage|portfolio|portafolio|work|works|projects|trabajos|trabajo|proyectos|projetos|trabalhos|travaux|arbeiten|lavori|case\s+studies|blog|shop|store|boutique|tienda|loja|gallery|studio|agency|company|business|landing\s+page|webseite|seite|startseite|domain|url|link|reel|showreel|demo|channel|videos?|repo|repository|code|articles?)\b|\b(?:full\s+)?portfolio(?:\s+here)?\s*[:\-]",
    )
});

/// Words before a link that make it a way to reach the writer ("book a call at …", "contact
/// me via …").
static CONTACT_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"(?i-u)\b(?:contact\s+(?:me|us)|reach\s+(?:me|us)|book\s+(?:a\s+)?(?:call|slot|meeting|session|time|me)|schedule\s+(?:a\s+)?(?:call|meeting)|find\s+me|dm\s+me|message\s+me|all\s+my\s+links|link\s+in\s+(?:my\s+)?bio)\b",
    )
});

/// Words before a link that make it third-party material: a site to imitate or to read
/// ("something like …", "similar to …", "parecido a …", "read …", "see the docs at …").
static REFERENCE_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    crate::lexicon::ascii_regex(
        r"(?i-u)\b(?:like|similar\s+to|such\s+as|inspired\s+by|inspiration|reference|read|see\s+the|check\s+the|per|according\s+to|based\s+on|parecid[oa]s?\s+(?:a|al|ao|com)|como\s+(?:el|la|o|a)|tipo|lembrar|igual\s+(?:a|ao)|wie|comme|article|articulo|artigo|docs|documentation|tutorial|guide|guia)\b",
    )
});

/// First path segments of the writer's own pages on an unlisted host (`/portfolio`, `/work`).
const OWN_SEGMENTS: &[&str] = &[
    "portfolio",
    "portafolio",
    "work",
    "my-work",
    "projects",
    "case-studies",
];

/// First path segments of contact, booking and profile pages (`/contact`, `/book`, `/u/…`,
/// `/@maya`, `/~maya`).
const CONTACT_SEGMENTS: &[&str] = &[
    "contact",
    "contact-us",
    "contactus",
    "contact-me",
    "contacts",
    "kontakt",
    "contacto",
    "contato",
    "book",
    "booking",
    "bookings",
    "book-online",
    "book-now",
    "schedule",
    "appointment",
    "appointments",
    "reserve",
    "meet",
    "hire",
    "hire-me",
    "in",
    "u",
    "user",
    "users",
    "profile",
    "profiles",
    "people",
    "members",
    "member",
];

/// Path segments of documentation, articles and other reference material.
const REFERENCE_SEGMENTS: &[&str] = &[
    "docs",
    "doc",
    "documentation",
    "wiki",
    "blog",
    "blogs",
    "article",
    "articles",
    // Posts of publishing platforms (Substack, Viblo, Telegraph) and public datasets
    // (Kaggle, Hugging Face).
    "p",
    "post",
    "posts",
    "datasets",
    "dataset",
    "news",
    "questions",
    "q",
    "issues",
    // Bug trackers' tickets and bugs ("code.djangoproject.com/ticket/31335",
    // "bugzilla.mozilla.org/show_bug.cgi"): an issue, like a repository's.
    "ticket",
    "tickets",
    "bug",
    "bugs",
    "show_bug.cgi",
    "browse",
    "pull",
    "blob",
    "tree",
    "file",
    "files",
    "design",
    "proto",
    "reference",
    "guide",
    "guides",
    "tutorial",
    "tutorials",
    "learn",
    "help",
    "kb",
    "manual",
    "api",
    "spec",
    "specs",
    "papers",
    "abs",
    "pdf",
    "watch",
    "dp",
    "product",
    "products",
    "package",
    "packages",
    "crates",
    "library",
    "templates",
    "developers",
    "developer",
    "community",
    "hc",
    "faq",
];

/// Host labels that start documentation and reference sites (`docs.rs`, `developer.apple.com`).
const REFERENCE_SUBDOMAINS: &[&str] = &[
    "docs",
    "doc",
    "developer",
    "developers",
    "learn",
    "wiki",
    "support",
    "help",
    "api",
    "documentation",
];

/// The link cues (`data/link_cues.tsv`) as one automaton over folded, lower-cased text.
static LINK_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(crate::lexicon::link_cues().iter().map(|cue| &cue.phrase))
        .expect("link cue automaton")
});

/// What the link cues in a stretch of text say about a link.
#[derive(Debug, Clone, Copy, Default)]
struct CueRoles {
    own: bool,
    contact: bool,
    reference: bool,
    reader: bool,
    subject: bool,
}

/// Which roles the link cues in `window` (original text) say, among the cues that stand on
/// that side of a link (`after`).
fn cue_roles(window: &str, after: bool) -> CueRoles {
    use crate::lexicon::LinkCueRole;
    let mut roles = CueRoles::default();
    if window.trim().is_empty() {
        return roles;
    }
    let normalized = Normalized::new(window);
    let cues = crate::lexicon::link_cues();
    let hits = crate::context::phrase_hits(normalized.lower(), &LINK_CUES, |i| {
        cues.get(i)
            .filter(|cue| cue.after == after)
            .map(|cue| (cue.phrase.as_str(), cue.stem))
    });
    for (_, _, index) in hits {
        match cues[index].role {
            LinkCueRole::Own => roles.own = true,
            LinkCueRole::Contact => roles.contact = true,
            LinkCueRole::Reference => roles.reference = true,
            LinkCueRole::Reader => roles.reader = true,
            LinkCueRole::Subject => roles.subject = true,
        }
    }
    roles
}

/// How far before a link its cues are looked for, in bytes: the end of its clause ("my site
/// is great, see stripe.com/docs" is about the docs), and the end of its sentence for the
/// reader's site ("votre site actuel, fromagerie.ca").
const CUE_REACH_BEFORE: usize = 64;
/// How far after a link its trailing cues are looked for ("sahibinden.com benzeri").
const CUE_REACH_AFTER: usize = 32;

/// What the words around a link say it is to the writer of `original` (the link stands at
/// `start..end`), if they say anything ([`OWN_CUE`], [`CONTACT_CUE`], [`REFERENCE_CUE`] and
/// `data/link_cues.tsv`): the writer's own and contact cues in the end of the clause before
/// it, then reference cues in that clause or just after the link, and words naming the
/// reader's own site anywhere in the sentence before it. `broad` takes the
/// common words of [`REFERENCE_CUE`] ("like", "read", "per") for reference cues too.
fn role_by_words(original: &str, start: usize, end: usize, broad: bool) -> Option<LinkRole> {
    use crate::normalize::{ceil_char_boundary, floor_char_boundary};
    let tail = |text: &str, reach: usize| -> usize {
        ceil_char_boundary(text, text.len().saturating_sub(reach))
    };
    let sentence = crate::context::sentence_before(original, start);
    let sentence = &sentence[tail(sentence, CUE_REACH_BEFORE)..];
    let sentence_cues = cue_roles(sentence, false);
    // The site the work is done on is the client's, even when they call it theirs.
    if sentence_cues.subject {
        return Some(LinkRole::Reference);
    }
    let clause = crate::context::clause_before(original, start);
    let near = &clause[tail(clause, 48)..];
    let near_cues = cue_roles(near, false);
    if near_cues.own || OWN_CUE.is_match(near) {
        return Some(LinkRole::Own);
    }
    if near_cues.contact || CONTACT_CUE.is_match(near) {
        return Some(LinkRole::Contact);
    }
    let clause = &clause[tail(clause, CUE_REACH_BEFORE)..];
    let end = floor_char_boundary(original, end.min(original.len()));
    let after = crate::context::clause_after(original, end);
    let after = &after[..floor_char_boundary(after, CUE_REACH_AFTER.min(after.len()))];
    (broad && REFERENCE_CUE.is_match(near)
        || cue_roles(clause, false).reference
        || sentence_cues.reader
        || cue_roles(after, true).reference)
        .then_some(LinkRole::Reference)
}

/// What a link is to the writer of `original` (the link stands at `start..end`): the words
/// around it first ("my portfolio: …" is the writer's own even on a site builder, "inspiré de
/// leboncoin.fr" a site to imitate; [`role_by_words`]), then the host ([`LINK_HOSTS`]) and the
/// path's first segments.
pub(crate) fn link_role(
    original: &str,
    start: usize,
    end: usize,
    host: &str,
    path: &str,
) -> LinkRole {
    let role = host_role(host);
    let words = role_by_words(original, start, end, true);
    if words == Some(LinkRole::Own) {
        return LinkRole::Own;
    }
    if role == Some(HostRole::Shortener) || is_placeholder_host(host) {
        return LinkRole::Unknown;
    }
    let first = first_segment(path);
    let first = first.as_deref();
    let contact_host = role == Some(HostRole::Contact);
    match words {
        Some(LinkRole::Contact) => return LinkRole::Contact,
        // A booking or link-in-bio page reaches a person whatever is said around it.
        Some(LinkRole::Reference) if !(contact_host && first.is_some()) => {
            return LinkRole::Reference
        }
        _ => {}
    }
    let contact_path = first
        .is_some_and(|s| s.starts_with('@') || s.starts_with('~') || CONTACT_SEGMENTS.contains(&s));
    if contact_host || contact_path {
        return LinkRole::Contact;
    }
    if role == Some(HostRole::Reference) || is_reference_location(host, path) {
        return LinkRole::Reference;
    }
    if role.is_none() && first.is_some_and(|s| OWN_SEGMENTS.contains(&s)) {
        return LinkRole::Own;
    }
    LinkRole::Unknown
}

/// What a platform's link (a profile, a chat, a room to meet in, a payment page) is to the
/// writer of `original`. The platforms are popular sites, so their host says nothing: a link
/// with a path is a way to reach its writer unless it is documentation or an article
/// ([`is_reference_location`]), or, for a profile or a post, the words around it say it is a
/// third party's ("as in this tutorial youtu.be/…"); a chat, a room or a payment page reaches
/// its writer whatever the words. A platform's bare home page is a mention.
fn platform_link_role(
    original: &str,
    (start, end): (usize, usize),
    kind: Kind,
    host: &str,
    path: &str,
) -> LinkRole {
    let has_path = path.trim_end_matches('/').len() > 1;
    let reachable = matches!(kind, Kind::Messenger | Kind::Meeting | Kind::Payment);
    // The common words of REFERENCE_CUE ("if you like, instagram.com/maya") are not enough.
    match role_by_words(original, start, end, false) {
        Some(role @ (LinkRole::Own | LinkRole::Contact)) => role,
        Some(LinkRole::Reference) if !reachable || !has_path => LinkRole::Reference,
        // An API host is where a chat link is served from (`api.whatsapp.com/send?phone=…`).
        _ if !has_path || !host.starts_with("api.") && is_reference_location(host, path) => {
            LinkRole::Reference
        }
        _ => LinkRole::Contact,
    }
}

/// The first segment of a link's path, lower-cased (`/In/maya` → `in`).
fn first_segment(path: &str) -> Option<String> {
    path.split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .find(|s| !s.is_empty())
        .map(str::to_ascii_lowercase)
}

/// Whether a link's host or path is a reference's wherever it is written: documentation and
/// developer sites, articles, institutions' hosts ([`is_reference_path`],
/// [`REFERENCE_SUBDOMAINS`], [`is_institutional`]).
fn is_reference_location(host: &str, path: &str) -> bool {
    let reference_host = host
        .split('.')
        .next()
        .is_some_and(|label| REFERENCE_SUBDOMAINS.contains(&label))
        && host.matches('.').count() >= 1
        && host_role(host) != Some(HostRole::User);
    reference_host || is_reference_path(path) || is_institutional(host)
}

/// Whether the link at `start` is listed right after the one that ends at `prev_end` (in
/// `original`): only commas, slashes, "and"/"or" and their equivalents between them.
fn listed_after(original: &str, prev_end: usize, start: usize) -> bool {
    const JOINERS: &[&str] = &[
        "and",
        "or",
        "y",
        "e",
        "o",
        "ou",
        "et",
        "und",
        "oder",
        "i",
        "и",
        "или",
        "або",
        "і",
        "ve",
        "veya",
        "dan",
        "atau",
        "và",
        "hoặc",
        "at",
        "en",
        "of",
        "และ",
        "和",
        "或",
        "や",
        "と",
        "و",
        "او",
        "או",
        "ו",
        "및",
        "와",
        "과",
    ];
    let Some(between) = original.get(prev_end..start) else {
        return false;
    };
    between.chars().count() <= 12
        && between
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '&' | '、' | '，' | '،'))
            .filter(|word| !word.is_empty())
            .all(|word| JOINERS.contains(&word.to_lowercase().as_str()))
}

/// Whether a path is a reference's: documentation, an article (`/docs/`, `/wiki/`, a dated
/// `/2021/04/` path), a PDF.
fn is_reference_path(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let first = segments.next().map(str::to_ascii_lowercase);
    let second = segments.next();
    let is_year = |s: &str| {
        s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && s.starts_with(['1', '2'])
    };
    // A site's language comes first on many ("habr.com/ru/articles/…", "/en-us/docs/…"):
    // the segment after it says what the page is.
    let is_language = |s: &str| {
        let s = s.to_ascii_lowercase();
        let (lang, region) = s.split_once(['-', '_']).unwrap_or((&s, ""));
        lang.len() == 2
            && lang.bytes().all(|b| b.is_ascii_lowercase())
            && (region.is_empty() || region.len() == 2)
    };
    let (first, second) = match (first, second) {
        (Some(lang), Some(next)) if is_language(&lang) => {
            (Some(next.to_ascii_lowercase()), segments.next())
        }
        other => other,
    };
    first
        .as_deref()
        .is_some_and(|s| REFERENCE_SEGMENTS.contains(&s) || is_year(s) && second.is_some())
        || path.to_ascii_lowercase().ends_with(".pdf")
}

/// Government, academic and international bodies' hosts (`asi.nic.in`, `gov.uk`, `mit.edu`,
/// `who.int`): third-party material.
fn is_institutional(host: &str) -> bool {
    let mut labels = host.split('.').skip(1);
    labels.any(|label| {
        matches!(
            label,
            "gov" | "gob" | "gouv" | "govt" | "nic" | "edu" | "ac" | "int" | "mil"
        )
    })
}

/// `github.com/<owner>/<repo>` (and GitLab's, Bitbucket's, a gist): a repository is
/// third-party material, not a profile; `github.com/<user>` stays a social profile.
fn is_repository(host: &str, path: &str) -> bool {
    let segments = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split('/')
        .filter(|s| !s.is_empty())
        .count();
    match host {
        "gist.github.com" => segments >= 1,
        "github.com" | "gitlab.com" | "bitbucket.org" | "codeberg.org" => segments >= 2,
        _ => false,
    }
}

/// Whether a bare domain is a word of French inclusive writing: a middle dot (`·`, or the
/// interpunct's look-alikes) before a gender or plural ending ("développeur·se",
/// "étudiant·es", "un·e"), which folds to a dot and reads as a Swedish or Spanish site.
fn inclusive_writing(original: Option<&str>) -> bool {
    const ENDINGS: &[&str] = &[
        "e", "es", "s", "se", "ses", "ne", "nes", "le", "les", "ve", "ves", "fe", "x", "rice",
        "rices", "trice", "trices", "euse", "euses", "ice", "ices", "ère", "ères", "eure", "eures",
    ];
    original.is_some_and(|written| {
        written
            .split_once(['\u{00B7}', '\u{2022}', '\u{2219}', '\u{22C5}', '\u{0387}'])
            .is_some_and(|(word, ending)| {
                let ending = ending.trim_end_matches(|c: char| !c.is_alphanumeric());
                word.chars().last().is_some_and(char::is_alphabetic)
                    && ENDINGS.contains(&ending.to_lowercase().as_str())
            })
    })
}

/// The reserved names of RFC 2606 and RFC 6761 (`example.com`, `*.example`, `*.test`,
/// `*.invalid`, `*.localhost`). Test suites and demos use them in place of real addresses, so
/// a value at one is named a placeholder by its rule but keeps its usual confidence; only the
/// "your …" names of forms and templates are reported at low confidence.
pub(crate) fn is_reserved_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    match labels.as_slice() {
        [.., tld] if matches!(*tld, "example" | "test" | "invalid" | "localhost") => true,
        [.., "example", tld] => matches!(*tld, "com" | "org" | "net"),
        _ => false,
    }
}

/// Hosts that stand for "some site" in examples and templates: the reserved names of RFC 2606
/// and RFC 6761 (`example.com`, `*.example`, `*.test`, `*.invalid`, `*.localhost`) and the
/// "your …" names of forms and templates.
pub(crate) fn is_placeholder_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    if matches!(*tld, "example" | "test" | "invalid" | "localhost") {
        return true;
    }
    let name = labels.len().checked_sub(2).map_or("", |i| labels[i]);
    matches!(
        name,
        "example" | "domain" | "yourdomain" | "mydomain" | "somedomain"
    ) || (name.starts_with("your") && name.len() > 4)
        || LOCAL_YOUR_DOMAIN.contains(&name)
        || matches!(
            name,
            "website" | "yoursite" | "mysite" | "company" | "sitename"
        ) && labels.len() == 2
}

/// Whether a bare name at `start..end` of `original` is the tail of a percent-escape
/// (`user%40example.com`: "40example.com") or a template's variable (`{{ kontakt.email }}`,
/// `${user.name}`): code, not a site.
fn escaped_or_templated(original: &str, start: usize, end: usize) -> bool {
    let before = original.get(..start).unwrap_or_default();
    let after = original.get(end..).unwrap_or_default();
    let opened = before.trim_end();
    // `{{ x }}`, `${x}`, `{ x }`; a name in single braces written tight (`{example.org/}`) is
    // a name all the same.
    let template = opened.ends_with("{{")
        || opened.ends_with("${")
        || opened.ends_with('{') && opened.len() < before.len();
    before.ends_with('%') || template && after.trim_start().starts_with('}')
}

/// "your-domain" in the languages of the marketplaces, as documentation and templates write
/// it (`staging.ihre-domain.de`, `tu-dominio.com`).
const LOCAL_YOUR_DOMAIN: &[&str] = &[
    "ihre-domain",
    "ihredomain",
    "deine-domain",
    "deinedomain",
    "meine-domain",
    "tu-dominio",
    "tudominio",
    "tu-sitio",
    "seu-dominio",
    "seudominio",
    "seu-site",
    "votre-domaine",
    "votredomaine",
    "votre-site",
    "ton-domaine",
    "tuo-dominio",
    "tuodominio",
    "uw-domein",
    "jouw-domein",
    "twoja-domena",
    "alan-adiniz",
    "alanadiniz",
    "domain-anda",
    "domainanda",
    "ten-mien-cua-ban",
];

/// Whether a bare name found by `linkify` (no scheme, no `www.`) is something else written
/// with dots: a numbered list item without its space (`2.Design`), a sentence run into the
/// next (`end.The`), or a dotted name in code (`self.id`, `user.name(`, `user_id.name`).
fn looks_like_code_or_prose(folded: &str, start: usize, end: usize, link: &ParsedLink) -> bool {
    if link.explicit {
        return false;
    }
    let written = &folded[start..end];
    let host_len = written.find(['/', '?', '#']).unwrap_or(written.len());
    let host_written = &written[..host_len];
    let labels: Vec<&str> = host_written.split('.').collect();
    let [first, .., last] = labels.as_slice() else {
        return false;
    };
    // "2.Design", "12.Testing": a list number is no domain name.
    if first.len() <= 2 && first.bytes().all(|b| b.is_ascii_digit()) && labels.len() == 2 {
        return true;
    }
    // Host names have no `_` (`user_id.name`) and no camel case (`myObject.name`); a
    // capitalised last label after a lower-case one is a new sentence ("end.The").
    if host_written.contains('_') {
        return true;
    }
    let camel = |label: &str| {
        label
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
    };
    if labels.iter().any(|l| camel(l)) {
        return true;
    }
    let capitalised = last.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && last.bytes().skip(1).all(|b| b.is_ascii_lowercase());
    if capitalised && labels.len() == 2 && first.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    // Code: a call, an index or an assignment right after the name, a member access or a
    // call before it, or a code object's name first ("self.id", "console.log").
    if host_len == written.len() {
        let after = folded[end..].trim_start_matches(' ');
        if after.starts_with(['(', '[', '=', ';']) || after.starts_with("->") {
            return true;
        }
    }
    // An IRC channel or a hashtag ("#debian.de"), an assignment or a variable, or the end
    // of a file name or an identifier ("logo_final.ai").
    if folded[..start].ends_with(['=', '$', '#', '_']) {
        return true;
    }
    // A numbered list run together ("3.Letterhead.4.Social"): a label of digits between
    // words, where no host name has one.
    if link.path.is_empty()
        && labels.len() >= 3
        && labels[1..labels.len() - 1]
            .iter()
            .any(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
        && labels
            .iter()
            .any(|l| l.bytes().any(|b| b.is_ascii_alphabetic()))
    {
        return true;
    }
    // The .NET technologies ("ASP.NET", "VB.NET", "ADO.NET"), written in capitals.
    if link.path.is_empty() && labels.len() == 2 && *last == "NET" && first.len() <= 4 {
        return true;
    }
    // A code object's member ("self.id", "user.name"), not a site under a classic
    // top-level domain ("code.org", "email.com").
    let classic = ["com", "net", "org", "edu", "gov"];
    labels.len() >= 2
        && link.path.is_empty()
        && !classic.iter().any(|tld| last.eq_ignore_ascii_case(tld))
        && crate::lexicon::is_code_object(&first.to_ascii_lowercase())
}

/// A link `linkify` found inside Chinese, Japanese or Korean text, which puts no space around
/// it ("参考サイトはmuji.com/jp/storeのような雰囲気"), without the words glued to it: a host
/// written in Latin letters starts after the last CJK character before its first dot, and
/// the link ends at the first CJK character after its first Latin letter. A host written in
/// CJK itself (an IDN, "例え.jp") is left whole, and a link with a scheme keeps its start.
fn cut_at_cjk(text: &str, start: usize, end: usize) -> (usize, usize) {
    use crate::normalize::is_cjk;
    let link = &text[start..end];
    if !link.chars().any(is_cjk) {
        return (start, end);
    }
    let mut new_start = start;
    if !link.contains("://") {
        let first_label = &link[..link.find('.').unwrap_or(link.len())];
        if let Some((i, c)) = first_label.char_indices().rev().find(|&(_, c)| is_cjk(c)) {
            let rest = &first_label[i + c.len_utf8()..];
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                new_start = start + i + c.len_utf8();
            }
        }
    }
    let kept = &text[new_start..end];
    let Some(latin) = kept.find(|c: char| c.is_ascii_alphanumeric()) else {
        return (new_start, end);
    };
    let host_is_cjk = kept[..kept.find('.').unwrap_or(kept.len())]
        .chars()
        .any(is_cjk);
    if host_is_cjk {
        return (new_start, end);
    }
    let new_end = kept[latin..]
        .char_indices()
        .find(|&(_, c)| is_cjk(c))
        .map_or(end, |(i, _)| new_start + latin + i);
    // Not past a full stop or comma the CJK text put right before it.
    let trimmed = text[new_start..new_end].trim_end_matches(['.', ',', '。', '、']);
    (new_start, new_start + trimmed.len())
}

/// The links `linkify` finds in `text`, each with the offset of the piece it was found in:
/// all those [`parse_link`] keeps, and maybe some it drops.
///
/// Running `linkify` over a whole document sends every full stop and colon to its scanners,
/// which walk the word around it. Only the words (runs without a space or line break) that
/// hold a possible link are given to it instead: a link never contains a space or a line
/// break, and each scanner stops at them, so a word's links are the same as the whole text's
/// links in that word.
fn links_in<'t>(
    finder: &'t LinkFinder,
    triggers: &'t Triggers,
    text: &'t str,
) -> impl Iterator<Item = (usize, linkify::Link<'t>)> + 't {
    link_words(triggers, text).flat_map(move |(start, end)| {
        finder
            .links(&text[start..end])
            .map(move |link| (start, link))
    })
}

/// The byte ranges of the words of `text` (split at spaces and line breaks) that can hold a
/// link that [`parse_link`] keeps: one with `://` (a scheme) or with a dot followed by an ASCII
/// letter (a top-level domain). The numbers of a long document ("$314.99", "v1.18.1",
/// "24.8 kg") are most of its dots, and none of them are looked at again (see
/// [`is_tld_dot`]).
///
/// A short text (a chat message) is given whole when it can hold such a link: splitting it
/// saves nothing and would add its own searches to every message with a link.
fn link_words<'t>(
    triggers: &'t Triggers,
    text: &'t str,
) -> impl Iterator<Item = (usize, usize)> + 't {
    let bytes = text.as_bytes();
    let short = bytes.len() <= SHORT_TEXT;
    let whole = (short && could_hold_link(text)).then_some((0, bytes.len()));
    // Where to look for the next trigger (nowhere in a short text, given whole), and where
    // the last word given out ended.
    let mut from = if short { bytes.len() } else { 0 };
    let mut given_end = 0;
    whole.into_iter().chain(std::iter::from_fn(move || {
        let i = triggers.find(bytes, from)?;
        let start = memchr::memrchr2(b' ', b'\n', &bytes[given_end..i])
            .map_or(given_end, |s| given_end + s + 1);
        let end = memchr::memchr2(b' ', b'\n', &bytes[i..]).map_or(bytes.len(), |e| i + e);
        from = end;
        given_end = end;
        Some((start, end))
    }))
}

/// A searcher for what starts a possible link in [`link_words`]: a top-level domain's dot
/// ([`is_tld_dot`]) or `://`. Searching for these pairs skips the dots before digits and
/// spaces, most of a document's, many bytes at a time, where a search for every dot and
/// colon stops at each (Teddy takes a third of the instructions `memchr2` did).
enum Triggers {
    /// Teddy, where the CPU has the vector instructions it needs.
    Teddy(packed::Searcher),
    /// The same matches elsewhere.
    Automaton(AhoCorasick),
}

impl Triggers {
    fn new() -> Triggers {
        let patterns = Triggers::patterns();
        // Slim Teddy reads twice the bytes per step of the fat one it would pick for 53
        // patterns; its extra candidates are rare here.
        let teddy = packed::Config::new()
            .only_teddy_fat(Some(false))
            .builder()
            .extend(&patterns)
            .build();
        match teddy {
            Some(teddy) => Triggers::Teddy(teddy),
            None => Triggers::automaton(),
        }
    }

    /// The portable searcher (also what the tests hold Teddy to).
    fn automaton() -> Triggers {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(Triggers::patterns())
            .expect("53 two- and three-byte patterns build");
        Triggers::Automaton(automaton)
    }

    /// A dot with each letter that can follow it in a top-level domain, and `://`.
    fn patterns() -> Vec<Vec<u8>> {
        let tld_dots = (0..=u8::MAX)
            .filter(|&next| is_tld_dot(b'.', next))
            .map(|next| vec![b'.', next]);
        tld_dots.chain([b"://".to_vec()]).collect()
    }

    /// Where the first trigger in `bytes` at or after `from` starts.
    fn find(&self, bytes: &[u8], from: usize) -> Option<usize> {
        let found = match self {
            Triggers::Teddy(teddy) => {
                teddy.find_in(bytes, aho_corasick::Span::from(from..bytes.len()))
            }
            Triggers::Automaton(automaton) => automaton.find(Input::new(bytes).range(from..)),
        };
        found.map(|m| m.start())
    }
}

/// Whether `text` has a top-level domain's dot or a scheme: one pass over its bytes, as a
/// short text needs no more. (The byte test for a colon first: a substring search costs
/// several times more, and most texts have no colon.)
fn could_hold_link(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|w| is_tld_dot(w[0], w[1]))
        || (bytes.contains(&b':') && text.contains("://"))
}

/// Whether `dot, next` starts a top-level domain: a dot followed by an ASCII letter.
///
/// This is why a text (or a word) with neither such a dot nor `://` has no link [`parse_link`]
/// keeps. `linkify`'s scheme scanner starts at `://`. Its host scanner checks the last label
/// of a host: it must start with two ASCII letters right after the dot (`valid_tld`), unless
/// the host is all digits and dots, four numbers (an IPv4 address). Such a host without a
/// scheme is no registrable name, so [`parse_link`] drops it.
fn is_tld_dot(dot: u8, next: u8) -> bool {
    dot == b'.' && next.is_ascii_alphabetic()
}

/// The length up to which [`link_words`] gives a text whole.
const SHORT_TEXT: usize = 256;

/// A link split into what a reviewer needs.
struct ParsedLink {
    /// Lower-case host without `www.`.
    host: String,
    /// Path, query and fragment as written (may be empty).
    path: String,
    /// `host + path` without a trailing `/`: the finding's value.
    value: String,
    /// Written with a scheme or `www.`.
    explicit: bool,
    /// The scheme, lower case, if written (`https`, `upi`).
    scheme: Option<String>,
}

fn parse_link(link: &str) -> Option<ParsedLink> {
    let (scheme, rest) = match link.find("://") {
        Some(i) => (Some(link[..i].to_ascii_lowercase()), &link[i + 3..]),
        None => (None, link),
    };

    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let mut host = rest[..host_end].to_ascii_lowercase();
    // user:pass@ and :port
    if let Some(at) = host.rfind('@') {
        host = host[at + 1..].to_string();
    }
    if let Some(colon) = host.find(':') {
        host.truncate(colon);
    }
    let host = host.trim_end_matches('.').to_string();
    let www = host.starts_with("www.");
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    // With a scheme the writer made it a link, whatever the host (an IP, `localhost`, a
    // custom scheme such as `upi://pay?...`); without one, the host must end in a known
    // public suffix.
    if scheme.is_none() && (host.is_empty() || !super::email::is_registrable(&host)) {
        return None;
    }
    if scheme.is_some() && rest.is_empty() {
        return None;
    }
    // A database's or a queue's connection string (`postgres://app:secret@db:5432/shop`)
    // reaches a service, never a person.
    if scheme
        .as_deref()
        .is_some_and(|s| CONNECTION_SCHEMES.contains(&s))
    {
        return None;
    }
    // A web link still needs a real host: a registrable name, an IP address or `localhost`
    // ("http://microsoft" is a typo, not a site); so does a defanged one (`hxxp://`), whose
    // `[.]` the decoding pass reads back.
    if matches!(scheme.as_deref(), Some("http" | "https" | "hxxp" | "hxxps"))
        && !(super::email::is_registrable(&host)
            || host == "localhost"
            || host.parse::<std::net::IpAddr>().is_ok())
    {
        return None;
    }
    let path = rest[host_end..].to_string();
    let explicit = scheme.is_some() || www;
    let tld = host.rsplit('.').next().unwrap_or("");
    if !explicit && path.len() <= 1 && FILE_LIKE_TLDS.contains(&tld) {
        return None;
    }
    // A file's name with a version or draft label in it ("logo.final.v3.ai"): no site's
    // host has a label "v3" before its suffix.
    if !explicit
        && path.len() <= 1
        && host.split('.').any(|label| {
            label == "final"
                || (label.len() > 1
                    && label.starts_with('v')
                    && label[1..].bytes().all(|b| b.is_ascii_digit()))
        })
    {
        return None;
    }
    // A bare dotted name whose last label is capitalised or whose first is a code object
    // ("os.system", "self.name") is not a link; psl already rejects most of these.
    let mut value = format!("{host}{path}");
    while value.ends_with('/') {
        value.pop();
    }
    Some(ParsedLink {
        host,
        path,
        value,
        explicit,
        scheme,
    })
}

/// The payment schemes and the method each opens: UPI apps (`upi://pay?pa=…`, Google Pay's
/// `tez://upi/pay?pa=…`, PhonePe's, Paytm's and BHIM's own schemes), Alipay's and WeChat
/// Pay's, and the wallet schemes of BIP 21 and EIP 681 when written with `//`.
const PAYMENT_SCHEMES: &[(&str, &str)] = &[
    ("upi", "upi"),
    ("tez", "upi"),
    ("phonepe", "upi"),
    ("paytmmp", "upi"),
    ("paytm", "upi"),
    ("bhim", "upi"),
    ("alipay", "alipay"),
    ("alipays", "alipay"),
    ("wxp", "wechat-pay"),
    ("bitcoin", "crypto"),
    ("ethereum", "crypto"),
    ("litecoin", "crypto"),
    ("dogecoin", "crypto"),
    ("bitcoincash", "crypto"),
    ("tron", "crypto"),
    ("solana", "crypto"),
    ("monero", "crypto"),
    ("ripple", "crypto"),
];

/// Whether `scheme` is one of [`PAYMENT_SCHEMES`].
fn is_payment_scheme(scheme: &str) -> bool {
    PAYMENT_SCHEMES.iter().any(|(name, _)| *name == scheme)
}

/// The payment method a payment link opens ([`PAYMENT_SCHEMES`]), when it names whom to pay:
/// a UPI link with a payee address (`pa=`), Alipay's and WeChat Pay's with a path, a wallet
/// URI with an address. A scheme named in talk about the format ("the upi://pay deep link")
/// names no payee.
fn payment_scheme(link: &ParsedLink) -> Option<&'static str> {
    let scheme = link.scheme.as_deref()?;
    let method = PAYMENT_SCHEMES
        .iter()
        .find(|(name, _)| *name == scheme)
        .map(|&(_, method)| method)?;
    let query = link.path.split_once('?').map_or("", |(_, q)| q);
    let names_payee = match method {
        "upi" => query
            .split('&')
            .any(|pair| pair.starts_with("pa=") && pair.len() > 3),
        "crypto" => link.host.len() >= 20,
        _ => link.path.len() > 1,
    };
    names_payee.then_some(method)
}

fn platform(host: &str, path: &str) -> Option<(Kind, &'static str)> {
    for (domain, kind, value) in PLATFORM_HOSTS {
        let matches = host == *domain
            || (host.len() > domain.len()
                && host.ends_with(domain)
                && host.as_bytes()[host.len() - domain.len() - 1] == b'.');
        if matches {
            // A bare platform home page ("paypal.com") is a mention, not a profile; still
            // report it as the platform: the policy decides.
            let _ = path;
            return Some((*kind, value));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Region;

    fn links(text: &str) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        let n = Normalized::new(text);
        LinkDetector::default().detect(
            &n,
            &ScanContext {
                region: Region::US,
                fallback_regions: &[],
            },
            &mut out,
        );
        // A platform's link is also reported as a url (see `platform_links_are_urls_too`).
        out.into_iter()
            .filter(|f| f.rule != "link/platform_url")
            .map(|f| (f.kind, f.value.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn platform_links_are_urls_too() {
        let cases: &[(&str, &str, LinkRole)] = &[
            (
                "wa.me/573104827715",
                "wa.me/573104827715",
                LinkRole::Contact,
            ),
            ("t.me/liamkhan92", "t.me/liamkhan92", LinkRole::Contact),
            ("vk.com/id48217365", "vk.com/id48217365", LinkRole::Contact),
            (
                "here's my calendly: calendly.com/arjun-m/30min",
                "calendly.com/arjun-m/30min",
                LinkRole::Contact,
            ),
            (
                "all my previous work is on github.com/kwame-builds",
                "github.com/kwame-builds",
                LinkRole::Own,
            ),
            (
                "integrate with paypal.com",
                "paypal.com",
                LinkRole::Reference,
            ),
        ];
        for (text, value, role) in cases {
            let found = roles(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            assert_eq!(
                (found[0].0.as_str(), found[0].1),
                (*value, Some(*role)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn classifies_links() {
        assert_eq!(
            links("more about me: studio-mehta.com"),
            vec![(Kind::Url, "studio-mehta.com".into())]
        );
        assert_eq!(
            links("https://bit.ly/4Fk2pQz"),
            vec![(Kind::Url, "bit.ly/4Fk2pQz".into())]
        );
        assert_eq!(
            links("t.me/liamkhan92"),
            vec![(Kind::Messenger, "telegram".into())]
        );
        assert_eq!(
            links("instagram.com/alex_becker"),
            vec![(Kind::Social, "instagram".into())]
        );
        assert_eq!(
            links("meet.google.com/abc-defg-hij"),
            vec![(Kind::Meeting, "google-meet".into())]
        );
        assert_eq!(
            links("wa.me/4915112345678"),
            vec![
                (Kind::Phone, "+4915112345678".into()),
                (Kind::Messenger, "whatsapp".into())
            ]
        );
    }

    /// `links_in` finds exactly the links `parse_link` keeps that `linkify` finds over the
    /// whole text, on long texts that mix links, schemes, dots, numbers, IPv4 addresses,
    /// quotes, brackets and non-ASCII text in every order.
    #[test]
    fn words_give_the_same_links_as_the_whole_text() {
        const PIECES: &[&str] = &[
            "word",
            "site.com",
            "https://ex.org/a?b=(c)",
            "www.x.io",
            "e.g.",
            ". ",
            ".",
            ":",
            "://",
            "ftp://",
            "a.b",
            "1.2.3.4",
            "10.0.0.1:8080/a",
            "http://192.168.0.1",
            "$314.99",
            "v1.18.1",
            "é.ü",
            "'",
            "\"",
            "(",
            ")",
            "[",
            "]",
            "-",
            "@",
            "/",
            "üñîçø.com",
            "wa.me/49151",
            "x",
            "..",
            ".-",
            "mailto:",
            "Go",
            "é",
            "\t",
            "\r",
            "user@host.net",
            "t.me",
            "-foo.com",
            "3.50",
            "|",
            "ｗａ．ｍｅ",
        ];
        const SEPARATORS: &[&str] = &["", "", "", " ", "\n", "  "];
        let LinkDetector { finder, triggers } = LinkDetector::default();
        // A fixed linear congruential generator: the same texts on every run.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..200 {
                text.push_str(PIECES[next(PIECES.len())]);
                text.push_str(SEPARATORS[next(SEPARATORS.len())]);
            }
            let whole: Vec<(usize, usize)> = finder
                .links(&text)
                .filter(|link| parse_link(link.as_str()).is_some())
                .map(|link| (link.start(), link.end()))
                .collect();
            let by_word: Vec<(usize, usize)> = links_in(&finder, &triggers, &text)
                .filter(|(_, link)| parse_link(link.as_str()).is_some())
                .map(|(offset, link)| (offset + link.start(), offset + link.end()))
                .collect();
            assert!(!whole.is_empty());
            assert_eq!(by_word, whole, "{text:?}");
            let (teddy, automaton) = (&triggers, &Triggers::automaton());
            for from in 0..text.len() {
                let bytes = text.as_bytes();
                assert_eq!(teddy.find(bytes, from), automaton.find(bytes, from));
            }
        }
    }

    fn roles(text: &str) -> Vec<(String, Option<LinkRole>, &'static str)> {
        let mut out = Vec::new();
        let n = Normalized::new(text);
        LinkDetector::default().detect(
            &n,
            &ScanContext {
                region: Region::US,
                fallback_regions: &[],
            },
            &mut out,
        );
        out.into_iter()
            .filter(|f| f.kind == Kind::Url)
            .map(|f| (f.value.unwrap_or_default(), f.role, f.rule))
            .collect()
    }

    #[test]
    fn every_url_has_a_role() {
        let cases: &[(&str, LinkRole)] = &[
            ("my portfolio: mayaruns.com", LinkRole::Own),
            ("check out my work at kaicreates.net/gallery", LinkRole::Own),
            ("voici mon site atelier-marie.fr", LinkRole::Own),
            ("linktr.ee/mayaruns", LinkRole::Contact),
            ("book a slot: cal.com/maya/30min", LinkRole::Contact),
            ("studio-mehta.com/contact", LinkRole::Contact),
            ("medium.com/@mayaruns", LinkRole::Contact),
            (
                "https://en.wikipedia.org/wiki/Color_theory",
                LinkRole::Reference,
            ),
            ("github.com/rust-lang/rust/issues/1", LinkRole::Reference),
            ("stackoverflow.com/questions/11227809", LinkRole::Reference),
            ("figma.com/file/AbC123/landing", LinkRole::Reference),
            ("https://docs.stripe.com/payments", LinkRole::Reference),
            ("I like nytimes.com", LinkRole::Reference),
            (
                "something like rappi.com.mx for pharmacies",
                LinkRole::Reference,
            ),
            (
                "read smashingmagazine.com/2021/04/pricing",
                LinkRole::Reference,
            ),
            ("facts from asi.nic.in", LinkRole::Reference),
            (
                "full portfolio here: kavyastudio.in/portfolio",
                LinkRole::Own,
            ),
            ("https://bit.ly/4Fk2pQz", LinkRole::Unknown),
            ("maya.wixsite.com/studio", LinkRole::Unknown),
            ("studio-mehta.com", LinkRole::Unknown),
        ];
        for (text, role) in cases {
            let found = roles(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            assert_eq!(found[0].1, Some(*role), "{text:?}: {found:?}");
        }
        // A profile on GitHub is still the platform's; only repositories are references.
        assert_eq!(
            links("github.com/mayaruns"),
            vec![(Kind::Social, "github".into())]
        );
        // Only url findings carry a role.
        let n = Normalized::new("t.me/liamkhan92");
        let mut out = Vec::new();
        let scan = ScanContext {
            region: Region::US,
            fallback_regions: &[],
        };
        LinkDetector::default().detect(&n, &scan, &mut out);
        assert!(out
            .iter()
            .all(|f| f.role.is_some() == (f.kind == Kind::Url)));
    }

    #[test]
    fn the_words_around_a_link_say_whose_it_is_in_many_languages() {
        let cases: &[(&str, LinkRole)] = &[
            // A site to imitate, read or work on, before or after the link.
            (
                "Site d'annonces inspiré de leboncoin.fr",
                LinkRole::Reference,
            ),
            (
                "sahibinden.com benzeri bir ilan sitesi",
                LinkRole::Reference,
            ),
            ("参考サイト：muji.com/jp の雰囲気で", LinkRole::Reference),
            (
                "Настрой CI по этой статье: habr.com/ru/articles/512432",
                LinkRole::Reference,
            ),
            (
                "Tampilan toko mirip tokopedia.com, tapi hijau",
                LinkRole::Reference,
            ),
            ("ช่วยดึงราคาสินค้าจาก lazada.co.th มาเทียบ", LinkRole::Reference),
            (
                "Train it on data from kaggle-mirror.net/iris",
                LinkRole::Reference,
            ),
            // The reader's own site is not the writer's, even a clause away.
            (
                "Votre site actuel, fromageriedulac.ca, est lent",
                LinkRole::Reference,
            ),
            // The writer's own words win over a reference cue.
            (
                "Te dejo mi reel para que veas el estilo: vimeo.com/387421655",
                LinkRole::Own,
            ),
            (
                "Per le torte prenota qui: pasticceriagiulia.it/prenota",
                LinkRole::Contact,
            ),
            (
                "Meine Seite ist lenaweb.de, mit Kontaktformular",
                LinkRole::Own,
            ),
            // A reference cue in an earlier clause says nothing about this link.
            (
                "Em đã làm dự án tương tự. Xem demo tại minhtran.github.io/shop",
                LinkRole::Unknown,
            ),
            // A booking page reaches its writer whatever the words around it.
            (
                "Like before, book here: cal.com/maya/30min",
                LinkRole::Contact,
            ),
        ];
        for (text, role) in cases {
            let found = roles(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            assert_eq!(found[0].1, Some(*role), "{text:?}: {found:?}");
        }
    }

    #[test]
    fn a_link_listed_after_a_reference_is_one_too() {
        let found = roles("Competitors we like: casper.com, emma-sleep.de and simba-sleep.co.uk");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found.iter().all(|f| f.1 == Some(LinkRole::Reference)),
            "{found:?}"
        );
        // Only joiners between them: a sentence between two links breaks the list.
        let found = roles("Like casper.com. Also see my own shop at mattress-maya.com");
        assert_eq!(found[1].1, Some(LinkRole::Own), "{found:?}");
    }

    #[test]
    fn a_platform_s_documentation_is_a_reference_not_its_account() {
        // The docs of a messenger, a meeting tool or a social site: the link alone, as a
        // reference, and no channel.
        for text in [
            "Ref: developers.facebook.com/docs/whatsapp/cloud-api",
            "API docs: developers.zoom.us/docs/api",
            "Follow the setup in docs.github.com/en/actions/quickstart",
            "jaise is tutorial me hai youtu.be/K7r3aPq1xZs",
        ] {
            let found = links(text);
            assert!(
                found.iter().all(|(kind, _)| *kind == Kind::Url),
                "{text:?}: {found:?}"
            );
            let found = roles(text);
            assert_eq!(found[0].1, Some(LinkRole::Reference), "{text:?}: {found:?}");
        }
        // A chat link reaches its writer whatever the words; its API host is no document.
        let found = links("Como en el anuncio: api.whatsapp.com/send?phone=306945127830");
        assert!(
            found.contains(&(Kind::Messenger, "whatsapp".into())),
            "{found:?}"
        );
        // A profile stays a profile.
        let found = links("If you like, instagram.com/maya.bakes");
        assert!(
            found.contains(&(Kind::Social, "instagram".into())),
            "{found:?}"
        );
    }

    #[test]
    fn placeholders_are_reported_low() {
        for text in [
            "https://example.com/api",
            "see www.yourcompany.com",
            "http://localhost:8080/x",
            "mydomain.com/page",
        ] {
            let found = roles(text);
            assert_eq!(found.len(), 1, "{text:?}: {found:?}");
            assert_eq!(found[0].2, "link/placeholder", "{text:?}");
        }
        assert_eq!(roles("studio-mehta.com")[0].2, "link/url");
    }

    #[test]
    fn lists_initials_channels_and_run_on_sentences_are_not_links() {
        for text in [
            "Plan: 1.Introduction 2.Design 3.Build",
            "We finished the sprint.The demo is Friday",
            "-- М.Ю. Лермонтов",
            "join #debian.de on IRC",
            "the graphical.target unit and static.network file",
            "my skype is live:.cid.1a2b3c4d5e6f",
        ] {
            assert_eq!(links(text), vec![], "{text:?}");
        }
        // Short hosts that are sites stay links.
        assert_eq!(links("e.com"), vec![(Kind::Url, "e.com".into())]);
        assert_eq!(links("x.com/maya"), vec![(Kind::Social, "twitter".into())]);
    }

    #[test]
    fn code_is_not_a_link() {
        for text in [
            "call os.system here",
            "edit main.py and setup.sh",
            "e.g. this",
            "Node.js and vue.js",
            "version 4.17.21",
            "set user.name and self.id before console.log",
            "call session.save() and res.json(data)",
            "read myObject.name and user_id.name",
            "x = obj.id; y=data.name",
        ] {
            assert_eq!(links(text), vec![], "{text:?}");
        }
    }
}
