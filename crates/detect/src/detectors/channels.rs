//! Channels named in words: messaging apps, social networks, meeting tools and payment
//! methods, and requests to move talk or payment off the platform.
//!
//! A channel's *name* is not a violation: "build me a Telegram bot" and "integrate PayPal
//! checkout" are the daily work of a freelance marketplace. What makes a mention a finding is
//! its *shape*: an invitation ("ping me on skype", "let's switch to wapp"), a handle or ID
//! ("tele gram: @abecker", "my weixin is hrossi", "venmo: @nadia"), an offer to pay that way
//! ("send it via wise", "I accept payoneer"), or a concrete contact value next to it
//! ("whatsapp +44 7911 123456", kept by [`crate::context`]). Each shape is one pattern below;
//! the channels' names are data (`data/channels/*.tsv`, one file per language, read by
//! [`crate::lexicon::channel_names`]): disguised, regional and described names ("whats app",
//! "wh@tsapp", "guasap", "вотсап", "the paper-plane app") are alternatives of the channel,
//! read from the folded text, and a name that is also an everyday word ("line", "teams",
//! "wise") counts only in a strong shape. Requests in other languages are told by cue words
//! (`data/offplatform/*.tsv`): within a sentence, a word of paying or of what is still owed
//! with a payment method, or with "directly"/"outside the platform", and a word of contact
//! with a messenger's name. The word after a channel decides whether it is the
//! subject of the work ("bot", "sdk", "integration", "button"), and [`crate::context`] drops
//! patterns under a refusal or prohibition ("please don't text me on whatsapp").

use regex::Regex;
use regex_automata::nfa::thompson;
use regex_automata::{Anchored, Input, PatternID, Span};

use super::{Detector, ScanContext};
use crate::normalize::Normalized;
use crate::{Finding, Kind};

use crate::lexicon::{channel_names, ChannelName, CueRole, WordClass};

/// Words after a channel name that make it the subject of the work, not a way to talk.
/// Words for a user name or ID in other languages, as a regex alternation over the folded,
/// lower-cased text ("telegram kullanıcı adım: emre_codes", "telegram ник: grigory_web").
const ID_WORDS: &str = r"kullanici\s+adim?|nombre\s+de\s+usuario|usuario|benutzername|nutzername|nom\s+d'utilisateur|identifiant|nome\s+utente|nazwa\s+uzytkownika|ник|никнейм|логин|юзернейм|아이디|用户名|账号|帳號|微信号|id\s+пользователя";

pub(crate) const WORK_NOUNS: &[&str] = &[
    "bot",
    "bots",
    "api",
    "apis",
    "sdk",
    "sdks",
    "integration",
    "integrations",
    "integrate",
    "button",
    "buttons",
    "checkout",
    "plugin",
    "plugins",
    "clone",
    "style",
    "inspired",
    "widget",
    "widgets",
    "webhook",
    "webhooks",
    "ads",
    "ad",
    "campaign",
    "campaigns",
    "marketing",
    "page",
    "pages",
    "store",
    "shop",
    "gateway",
    "ipn",
    "sandbox",
    "developer",
    "developers",
    "template",
    "templates",
    "theme",
    "automation",
    "scraper",
    "exporter",
    "chat",
    "feed",
    "carousel",
    "carousels",
    "reels",
    "reel",
    "post",
    "posts",
    "stories",
    "story",
    "analytics",
    "pixel",
    "business",
    "login",
    "oauth",
    "library",
    "lib",
    "module",
    "package",
    "extension",
    "server",
    "client",
    "connector",
    "export",
    "import",
    "data",
    "logo",
    "icon",
    "design",
    "designs",
    "banner",
    "thumbnail",
    "video",
    "videos",
    "content",
    "channel",
    "group",
    "groups",
    "share",
    "link",
    "links",
    "embed",
    "feature",
    "features",
    "support",
    "flow",
    "flows",
    "notification",
    "notifications",
    "message",
    "messages",
    "history",
    "app",
    "apps",
    "clone",
    "version",
    "update",
    "updates",
    "issue",
    "issues",
    "bug",
    "bugs",
    "error",
    "errors",
    "payments",
    "payouts",
    "payout",
    "subscription",
    "subscriptions",
    "sdk's",
    "calls",
    "call",
    "meeting",
    "meetings",
    "recording",
    "recordings",
    "level",
    "in",
    "out",
    "effect",
    "transition",
    "lens",
    "filter",
    "filters",
    "profile",
    "profiles",
    "account",
    "accounts",
    "verification",
    "status",
    "ui",
    "ux",
    "component",
    "components",
    "form",
    "forms",
    "field",
    "fields",
    "input",
    "code",
    "script",
    "scripts",
    "docs",
    "documentation",
    "tutorial",
    "course",
    "strategy",
    "growth",
    "followers",
    "audience",
    "influencer",
    "influencers",
    "creator",
    "creators",
    "algorithm",
    "trends",
    "trend",
];

/// One pattern shape and what it reports.
struct Shape {
    rule: &'static str,
    /// Also report a solicitation (an invitation to move off the platform).
    solicits: bool,
    /// Where a channel whose name is an ordinary word may stand in this shape.
    ordinary: OrdinaryWords,
    /// Check the word right after the channel for a work noun.
    check_work_noun: bool,
    /// Check the captured handle against [`crate::lexicon::NOT_A_NAME`].
    check_handle: bool,
    /// Only payment channels.
    payment_only: bool,
}

/// Where a channel named by an ordinary word ("signal", "line", "session") counts in a shape.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OrdinaryWords {
    /// Anywhere the shape matches (the shape itself is strong: a handle, an ID).
    Anywhere,
    /// Only at the end of a clause: "let's switch to signal, it's faster".
    EndOfClause,
    /// Only before a question mark: "your signal?" asks, "enjoy your session!" does not.
    EndOfQuestion,
}

/// Patterns without a channel: off-platform payment and contact requests.
struct Request {
    rule: &'static str,
    /// Report a generic payment finding (value `None`).
    payment: bool,
    /// Report a solicitation.
    solicitation: bool,
    /// Only when the clause talks about money ("off the site" + "cut").
    needs_money_word: bool,
    /// Only when the clause talks about talking ("somewhere else" + "chat").
    needs_talk_word: bool,
}

/// An off-platform cue phrase and every role the data gives it.
struct CuePhrase {
    phrase: String,
    stem: bool,
    roles: Vec<CueRole>,
}

/// Finds channel invitations, handles, payment offers and off-platform requests.
pub struct ChannelDetector {
    /// Every shape and request pattern (shapes first, then requests, then [`MEETING_ID`]): one
    /// pass over a text finds where each of them matches.
    patterns: Patterns,
    /// For each shape, in order, what reads its capture groups.
    shape_readers: Vec<LazyShapeReader>,
    /// Which channels' names occur in a shape's match (what its reader needs), built on the
    /// first match of a shape.
    channel_rows: std::sync::LazyLock<ChannelRows>,
    /// One pattern per channel (`\b<spellings>\b`, in [`channel_names`] order): a plain match
    /// says which channel it is by its pattern, where one alternation with a group per
    /// channel needs a capture search for every mention.
    mention_regex: regex_automata::meta::Regex,
    /// The messengers' and networks' names that start outside ASCII alone, one pattern per
    /// row of `foreign_rows` (their rows in [`channel_names`]): what [`handles_after_names`]
    /// looks for, without running every name over every text.
    foreign_mentions: regex_automata::meta::Regex,
    foreign_rows: Vec<usize>,
    shapes: Vec<Shape>,
    requests: Vec<Request>,
    cashtag: Regex,
    skype_live: Regex,
    money_words: Regex,
    talk_words: Regex,
    /// The literals some match must start with ([`gate_literals`]); `None` when the patterns
    /// give none, and every text is searched.
    triggers: Option<aho_corasick::AhoCorasick>,
    /// Each channel row's account identifier, whole (`^(?:…)$`), by row.
    id_shapes: Vec<Option<Regex>>,
    /// The distinct phrases of [`crate::lexicon::cues`], by pattern of `cue_automaton`.
    cue_phrases: Vec<CuePhrase>,
    /// The phrases of [`crate::lexicon::cues`], by index.
    cue_automaton: aho_corasick::AhoCorasick,
}

/// The regex group of every channel's spellings, each alternative in a group `c<i>` (its row in
/// [`channel_names`]) and followed by a word boundary where its spelling ends with an ASCII
/// letter or digit. With `lead`, only the spellings that start with one: a pattern that starts
/// with the group must start at a word (see [`Patterns::starts`]). `keep` picks the rows (by
/// index and row).
fn channel_group_of(lead: bool, keep: impl Fn(usize, &ChannelName) -> bool) -> String {
    let alternatives: Vec<String> = channel_names()
        .iter()
        .enumerate()
        .filter(|&(i, c)| (!lead || c.bounded_start) && keep(i, c))
        .map(|(i, c)| {
            let tail = if c.bounded_end { r"\b" } else { "" };
            format!("(?P<c{i}>(?:{}){tail})", c.pattern)
        })
        .collect();
    format!(r"(?P<ch>{})", alternatives.join("|"))
}

/// The rule of a payment rail's account identifier after its name.
const ACCOUNT_ID_RULE: &str = "channels/account_id";

/// A meeting's ID after its name ("zoom id: 123 456 7890"), searched after the shape and
/// request patterns in the same pass (see [`Patterns`]).
const MEETING_ID: &str =
    r"\b(?:zoom|meeting)\s*(?:id|#|number|no)\s*[:#]?\s*\d{3}[\s-]?\d{3,4}[\s-]?\d{3,5}\b";

/// Patterns, each with what its matches report.
type Table<T> = Vec<(String, T)>;

/// The shape and request patterns (with `\b` as written, before [`ascii_word_boundaries`]) and
/// what each reports.
fn pattern_table() -> (Table<Shape>, Table<Request>) {
    pattern_table_of(&|_| true)
}

/// Whether a channel row takes part in the shapes: every row but a generic word for a way
/// of paying and a bank's name, which is
/// found as a mention (kept beside a value or in a request to pay, see
/// [`crate::context`]) and before an account number (`payments`); inside every shape its
/// hundred spellings would only make the shapes' automaton larger.
fn in_shapes(row: &ChannelName) -> bool {
    row.file != "banks" && row.file != METHODS_FILE
}

/// Whether `c` is a Cyrillic letter (whose words, like Latin ones, are spaced).
fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04ff}').contains(&c)
}

/// The file of the generic words for a way of paying ("virement", "на карту", "Krypto"):
/// they only say which method a request to pay names ([`channels_named_in`]).
const METHODS_FILE: &str = "methods";

/// [`pattern_table`] with only the channel rows (their indices in [`channel_names`]) that
/// `rows` keeps in its channel groups.
fn pattern_table_of(rows: &dyn Fn(usize) -> bool) -> (Table<Shape>, Table<Request>) {
    let group = |lead: bool, keep: fn(&ChannelName) -> bool| {
        channel_group_of(lead, |i, c| rows(i) && in_shapes(c) && keep(c))
    };
    let chan = group(false, |_| true);
    let lead = group(true, |_| true);
    let ids = group(true, |c| c.id_shape.is_some());
    // Any identifier of letters, digits, spaces and dashes; each rail's own shape is checked
    // on the match (`ChannelDetector::id_shapes`).
    let id_union = r"[a-z]?\d[\d -]{3,18}\d";
    let handle = r"(?P<handle>[a-z0-9_][a-z0-9_.+-]{1,40}(?:@[a-z0-9.-]+)?)";
    let mut shapes = vec![
        // "ping me on skype", "add me on line", "hit me up on wapp"
        (
            format!(
                r"\b(?:ping|text|txt|message|msg|dm|pm|call|ring|add|hit|reach|contact|find|write|catch|follow|holla\s+at|hmu|talk\s+to|chat\s+with|chat\s+to|meet|see|join)\s+(?:me|us)\s+(?:up\s+|back\s+)?(?:on|at|via|over|in|through|thru|using|@)\s+(?:the\s+)?(?:my\s+)?{chan}"
            ),
            Shape {
                rule: "channels/invitation",
                solicits: true,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        (
            format!(r"\bhmu\s+(?:on|via|@)\s+{chan}"),
            Shape {
                rule: "channels/invitation",
                solicits: true,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        // "let's switch to telegram", "can we move this to whatsapp"
        (
            format!(
                r"\b(?:switch|switching|move|moving|continue|talk|chat|speak|communicate|jump|hop|migrate|shift|take\s+(?:this|it)|go)\b(?:\s+[a-z']+){{0,3}}?\s+(?:to|on|over|via|in|onto|through)\s+(?:the\s+)?{chan}"
            ),
            Shape {
                rule: "channels/move_conversation",
                solicits: true,
                ordinary: OrdinaryWords::EndOfClause,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        // "skype: @oluwaseun_khan", "venmo @nadia", "line id: @zara"
        (
            format!(
                r"\b{lead}\s*(?:id|handle|username|user\s?name|name|number|no|nr|acc(?:ount)?|contact|tag)?\s*(?::|=|-|,|is|->|=>)?\s*@(?P<handle>[a-z0-9_][a-z0-9_.-]{{1,40}})"
            ),
            Shape {
                rule: "channels/handle",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: true,
                payment_only: false,
            },
        ),
        // "skype: live:abc", "paypal: alex@x.com", "whatsapp: +44..."
        (
            format!(
                r"\b{lead}\s*(?:id|handle|username|user\s?name|number|no|nr|acc(?:ount)?|e-?mail|mail|tag|details|address|me|us|{ID_WORDS})?\s*(?::|=|->|=>)\s*\+?{handle}"
            ),
            Shape {
                rule: "channels/handle",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: true,
                payment_only: false,
            },
        ),
        // "LINEのIDは yuki.design_jp", "ID LINE aku nanda.art": an ID word of Japanese after
        // the name, of Indonesian and Malay before it.
        (
            format!(r"\b{lead}\s*の\s*(?:id|アカウント|ユーザー名)\s*(?:は|:|：)\s*@?{handle}"),
            Shape {
                rule: "channels/handle",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: true,
                payment_only: false,
            },
        ),
        (
            format!(r"\bid\s+{lead}\s+(?:aku|saya|ku|gue|gw|sy)\s+@?{handle}"),
            Shape {
                rule: "channels/handle",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: true,
                payment_only: false,
            },
        ),
        // "my weixin is hrossi", "my line id is pmehta"
        (
            format!(
                r"\b(?:my|our|mi|meu|minha|mon|ma|mein|meine)\s+{chan}\s+(?:id\s+|handle\s+|username\s+|user\s+|number\s+|name\s+|account\s+|acc\s+|tag\s+|address\s+|e-?mail\s+)?(?:is|es|e|est|ist)\s+@?{handle}"
            ),
            Shape {
                rule: "channels/my_handle",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: true,
                payment_only: false,
            },
        ),
        // "whatsapp me", "venmo me"
        (
            format!(r"\b{lead}\s+(?:me|us)\b"),
            Shape {
                rule: "channels/verb",
                solicits: true,
                ordinary: OrdinaryWords::EndOfClause,
                check_work_noun: false,
                check_handle: false,
                payment_only: false,
            },
        ),
        // "are you on telegram?", "your whatsapp?", "do you have skype"
        (
            format!(r"\b(?:are\s+you|r\s+u|you)\s+on\s+{chan}"),
            Shape {
                rule: "channels/ask",
                solicits: true,
                ordinary: OrdinaryWords::EndOfClause,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        // The same question in the languages of the cue files: "hast du WhatsApp?", "bist du
        // auf Signal?", "t'as snap ?",
        // "¿tienes Telegram?", "você tem zap?", "tu as Signal ?", "hai Telegram?", "ada WA?".
        (
            format!(
                r"\b(?:hast\s+du|haben\s+sie|bist\s+du\s+(?:auf|bei)|sind\s+sie\s+(?:auf|bei)|tienes|tenes|tiene\s+usted|voce\s+tem|você\s+tem|vc\s+tem|tu\s+tem|tens|tu\s+as|t'as|as-tu|avez-vous|vous\s+avez|hai|punya|ada)\s+(?:(?:un|una|uma|um|ein|eine|einen)\s+)?{chan}"
            ),
            Shape {
                rule: "channels/ask",
                solicits: true,
                ordinary: OrdinaryWords::EndOfClause,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        (
            format!(r"\bdo\s+(?:you|u)\s+(?:have|use)\s+(?:a\s+)?{chan}"),
            Shape {
                rule: "channels/ask",
                solicits: true,
                ordinary: OrdinaryWords::EndOfClause,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        (
            format!(r"\b(?:your|ur|tu|teu|seu|sua|ton|ta|dein|deine|tuo)\s+{chan}"),
            Shape {
                rule: "channels/ask",
                solicits: true,
                ordinary: OrdinaryWords::EndOfQuestion,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        ),
        // "pay me on paypal", "send it via wise", "transfer the balance through zelle"
        (
            format!(
                r"\b(?:pay|paying|paid|send|sending|sent|transfer|transferring|wire|receive|receiving|settle|payment|payments|pmt|invoice|bill|tip)\b(?:\s+(?:me|you|us|it|them|him|her|the|money|rest|balance|payment|funds|deposit|half|upfront|amount|remainder|remaining|cash|directly|direct|\$?\d[\d,.]*k?|usd|eur|dollars|bucks|please|pls|a|an|my|your|in\s+full)){{0,4}}\s+(?:via|through|thru|with|by|on|over|to|using|into|in|as|per|por|pelo|pela|no|na)\s+(?:the\s+|my\s+|your\s+|a\s+|an\s+)?{chan}"
            ),
            Shape {
                rule: "channels/pay_via",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: true,
                check_handle: false,
                payment_only: true,
            },
        ),
        // "paypal to alex@...", "zelle only", "paypal is cheaper"
        (
            format!(
                r"\b{lead}\s+(?:to\s+(?:me|my|\+?[a-z0-9_.]+@|\+?\d)|only|instead|is\s+(?:cheaper|better|easier|faster|fine|ok|okay|preferred)|works\s+for\s+me|please|pls|preferred)"
            ),
            Shape {
                rule: "channels/pay_via",
                solicits: false,
                ordinary: OrdinaryWords::EndOfClause,
                check_work_noun: false,
                check_handle: false,
                payment_only: true,
            },
        ),
        // "I accept payoneer", "we only take zelle"
        (
            format!(
                r"\b(?:i|we)\s+(?:only\s+|also\s+|can\s+|would\s+|'d\s+)?(?:accept|take|prefer|do|receive)\s+(?:payment\s+(?:via|through|by|with|in)\s+|payments\s+(?:via|through|by|with|in)\s+)?(?:only\s+)?{chan}"
            ),
            Shape {
                rule: "channels/pay_via",
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: true,
                check_handle: false,
                payment_only: true,
            },
        ),
        // "let's do a Teams call", "hop on a quick zoom", "I'll send a google meet link": a
        // product named in an invitation to a call is the product, ordinary word or not.
        (
            format!(
                r"\b(?:let'?s|lets|can\s+we|could\s+we|shall\s+we|we\s+can|we\s+could|should\s+we|i'?ll\s+send(?:\s+you)?|i\s+will\s+send(?:\s+you)?|send\s+(?:me|you|us)|hop\s+on|jump\s+on|get\s+on)\s+(?:do\s+|have\s+|set\s+up\s+|schedule\s+|book\s+|hop\s+on\s+|jump\s+on\s+)?(?:a\s+|an\s+|the\s+)?(?:quick\s+|short\s+|brief\s+)?{chan}\s*(?:video\s+)?(?:call|meeting|chat|session|link|invite|invitation)\b"
            ),
            Shape {
                rule: "channels/call_invitation",
                solicits: true,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: false,
                payment_only: false,
            },
        ),
        // "payeer P1023456789", "gcash 0917 123 4567", "paybill 247247", "Zoom: ID 842 1937
        // 5520": a rail's account or a meeting tool's meeting identifier after its name
        // (checked against the row's own shape; only rows with an `id` column are in `ids`).
        (
            format!(
                r"\b{ids}\s*(?:(?:id|account|acc|wallet|number|no|nr|#|ko|po|ni|na|is|at|hai|:)\s*){{0,3}}[:=#-]?\s*(?P<handle>{id_union})\b"
            ),
            Shape {
                rule: ACCOUNT_ID_RULE,
                solicits: false,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: false,
                check_handle: false,
                payment_only: false,
            },
        ),
    ];
    // "do you have X?" asked the way each language asks it: Tagalog "may telegram ka po?",
    // romanised Hindi and Urdu "imo chalate ho?", romanised Bengali "imo te achen?",
    // Polish "ma Pan Signala?", Swahili "uko kwa Telegram?", Tagalog "meron ka bang
    // Viber?", Vietnamese "chị có Messenger không?", Russian "Есть вотсап?", Swahili "una
    // Telegram?", Turkish "WhatsApp var mı?", romanised Hindi "whatsapp hai kya?", Bengali
    // "imo ache?"; Japanese "LINEやってます？". The question itself makes an ordinary word
    // ("line") the channel. (A shape starts at a Latin word, or at a Cyrillic or Arabic one
    // for the shape written in those scripts: Chinese and Korean questions are their cue
    // words', `data/offplatform`.)
    let talk = |c: &ChannelName| matches!(c.kind, Kind::Messenger | Kind::Social);
    let (msg, msg_lead) = (group(false, talk), group(true, talk));
    let ask_in_other_languages = [
        format!(
            r"\b(?:ma\s+pani?(?:\s+moze)?|masz|macie|uko\s+kwa|uko\s+kwenye|uko|meron\s+ka(?:\s+bang?)?)\s+(?:(?:moze|może|mo)\s+)?{msg}"
        ),
        // With a bare "have", the question mark makes the question: "tem zap?", "Есть
        // вотсап?", "Є телеграм?" ("a loja tem WhatsApp Business" states a fact).
        format!(
            r"\b(?:may|co|una|tem)\s+(?:(?:dung|dùng|xai|xài)\s+)?{msg}\s*(?:(?:(?:po|ba|ho)\s+){{0,2}}(?:ka|kayo|khong|không|ko|k)\b|\?)"
        ),
        // Cyrillic and Arabic: no `\b` (a word start of these scripts is checked where
        // the shapes are located, `is_word_start`): "А у вас є вайбер?", "Есть ли у вас
        // телега?", "عندكم سناب؟".
        format!(
            r"(?:(?:есть|є)(?:\s+ли)?(?:\s+у\s+(?:вас|тебя|тебе))?|маєш|маєте|عندك|عندكم|عندكو|عندكوا)\s+{msg}\s*[?؟]"
        ),
        format!(
            r"\b{msg_lead}'?(?:in|un|niz|iniz|unuz)?\s+(?:var\s*mi|hai\s+kya|hai\s+ki|ache\s*\?|ache\s+ki|achhe\s*\?|chalate\s+ho|chalati\s+ho|(?:te|e)\s+achen|(?:te|e)\s+acho|pe\s+ho\s*\?)"
        ),
        format!(
            r"{msg}\s*(?:やってます|してます|ありますか|持ってますか|使ってますか|있어요|있으세요|있나요|하세요)"
        ),
    ];
    shapes.extend(ask_in_other_languages.into_iter().map(|pattern| {
        (
            pattern,
            Shape {
                rule: "channels/ask",
                solicits: true,
                ordinary: OrdinaryWords::Anywhere,
                check_work_noun: true,
                check_handle: false,
                payment_only: false,
            },
        )
    }));
    let platform =
        r"(?:platform|site|app|website|upwork|fiverr|airbnb|etsy|marketplace|portal|system)";
    let requests = vec![
        (
            format!(
                r"\bpay(?:ing|ment|ments)?\s+(?:me|you|us|him|her|them)?\s*(?:directly|direct|outside|off[\s-]+(?:the\s+|this\s+)?{platform}|privately|in\s+person|in\s+cash|cash)\b"
            ),
            Request {
                rule: "request/pay_directly",
                payment: true,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
        (
            r"\b(?:avoid|avoiding|skip|skipping|save|saving|bypass|bypassing|dodge|cut\s+out|no|without|zero|escape|around|evade|pay\s+less)\s+(?:the\s+|on\s+|paying\s+|any\s+|their\s+|all\s+the\s+|those\s+|these\s+)?(?:platform'?s?\s+|site'?s?\s+|service\s+|upwork'?s?\s+|fiverr'?s?\s+|extra\s+|\d+%\s+)?(?:fees?|commission|commissions|cut|middleman|service\s+charges?)\b".to_string(),
            Request {
                rule: "request/avoid_fees",
                payment: true,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
        (
            r"\b(?:nobody|no\s+one|no-one)\s+takes?\s+a\s+cut\b|\bkeep\s+(?:the\s+|their\s+)?(?:fees?|commission|cut)\b|\b(?:fee|commission)[\s-]free\b".to_string(),
            Request {
                rule: "request/avoid_fees",
                payment: true,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
        (
            format!(
                r"\b(?:outside|off|off\s+of|away\s+from|bypass|bypassing|around)[\s-]+(?:the\s+|this\s+|of\s+the\s+|of\s+this\s+)?{platform}\b|\boff[\s-]platform\b"
            ),
            Request {
                rule: "request/off_platform",
                payment: true,
                solicitation: true,
                needs_money_word: true,
                needs_talk_word: false,
            },
        ),
        (
            format!(
                r"\b(?:outside|off|off\s+of|away\s+from)[\s-]+(?:the\s+|this\s+|of\s+the\s+|of\s+this\s+)?(?:{platform}|chat|here)\b|\boff[\s-]platform\b|\belsewhere\b|\b(?:somewhere|someplace|anywhere|some\s+place)\s+else\b"
            ),
            Request {
                rule: "request/off_platform",
                payment: false,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: true,
            },
        ),
        (
            r"\b(?:what'?s|what\s+is|whats|wats|give\s+me|send\s+me|send|share|can\s+i\s+(?:get|have)|could\s+i\s+(?:get|have)|may\s+i\s+(?:get|have)|drop|leave|tell\s+me|need|want|dm\s+me)\s+(?:me\s+)?(?:your|ur|yo|ya)\s+(?:personal\s+|private\s+|direct\s+|real\s+|cell\s+|mobile\s+|phone\s+|e-?mail\s+|contact\s+)?(?:phone|number|#|cell|mobile|email|e-mail|mail|contact|contacts|info|details|digits|handle|socials|address|gmail|num|no)\b".to_string(),
            Request {
                rule: "request/ask_contact",
                payment: false,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
        (
            r"\b(?:contact|reach|call|text|email|e-mail|message|talk\s+to)\s+(?:you|me|each\s+other)\s+directly\b|\bway\s+to\s+(?:contact|reach|call|text|message)\s+(?:you|me)\b|\bdirect\s+contact\b|\b(?:personal|private)\s+(?:contact|number|email|e-mail|phone)\b".to_string(),
            Request {
                rule: "request/direct_contact",
                payment: false,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
        (
            r"\b(?:let'?s|lets|can\s+we|could\s+we|shall\s+we|we\s+can|we\s+could|should\s+we)\s+(?:talk|chat|continue|discuss|speak|connect|take\s+this|move\s+this|do\s+this|communicate)\s+(?:outside|off|elsewhere|privately|directly|offline|off-?line|off\s+platform)".to_string(),
            Request {
                rule: "request/off_platform",
                payment: false,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
        (
            r"\b(?:here'?s|heres|this\s+is)\s+my\s+(?:number|email|e-mail|contact|cell|mobile|phone|digits)\b".to_string(),
            Request {
                rule: "request/offer_contact",
                payment: false,
                solicitation: true,
                needs_money_word: false,
                needs_talk_word: false,
            },
        ),
    ];
    (shapes, requests)
}

impl Default for ChannelDetector {
    fn default() -> Self {
        let (shapes, requests) = pattern_table();
        let (shape_patterns, shapes): (Vec<String>, Vec<Shape>) = shapes.into_iter().unzip();
        let (request_patterns, requests): (Vec<String>, Vec<Request>) =
            requests.into_iter().unzip();
        let patterns: Vec<String> = shape_patterns
            .iter()
            .map(String::as_str)
            .chain(request_patterns.iter().map(String::as_str))
            .chain([MEETING_ID])
            .map(ascii_word_boundaries)
            .collect();
        let patterns_source = patterns.clone();
        // Parsed once: parsing costs about as much as compiling.
        let hirs = regex_automata::util::syntax::parse_many(&patterns).expect("patterns parse");
        let compile = |config: thompson::Config| {
            thompson::Compiler::new()
                .configure(config.which_captures(thompson::WhichCaptures::None))
                .build_many_from_hir(&hirs)
                .expect("patterns compile")
        };
        let patterns = Patterns::new(
            compile(thompson::Config::new()),
            compile(thompson::Config::new().reverse(true)),
        );
        // Only the engines that resolve groups, run on a match already found.
        let groups_only = regex_automata::meta::Config::new()
            .hybrid(false)
            .dfa(false)
            .onepass(false)
            .auto_prefilter(false);
        let shape_readers = hirs[..shapes.len()]
            .iter()
            .enumerate()
            .map(|(shape, hir)| LazyShapeReader::new(shape, hir.clone(), groups_only.clone()))
            .collect();
        // Leftmost-first over patterns in order is the alternation `\b(?:c0|c1|…)\b`.
        let mention_patterns: Vec<String> = channel_names().iter().map(mention_pattern).collect();
        let mention_regex = regex_automata::meta::Regex::new_many(&mention_patterns)
            .expect("channel patterns compile");
        let foreign_rows: Vec<usize> = channel_names()
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.bounded_start && matches!(c.kind, Kind::Messenger | Kind::Social))
            .map(|(i, _)| i)
            .collect();
        let foreign_mentions = regex_automata::meta::Regex::new_many(
            &foreign_rows
                .iter()
                .map(|&i| mention_patterns[i].as_str())
                .collect::<Vec<_>>(),
        )
        .expect("channel patterns compile");
        let cues = crate::lexicon::cues();
        // One pattern per phrase, with every role its rows give it ("japri" is a word of
        // contact and of leaving the platform).
        let mut cue_phrases: Vec<CuePhrase> = Vec::new();
        for cue in cues {
            match cue_phrases.iter_mut().find(|p| p.phrase == cue.phrase) {
                Some(p) => {
                    p.roles.push(cue.role);
                    p.stem |= cue.stem;
                }
                None => cue_phrases.push(CuePhrase {
                    phrase: cue.phrase.clone(),
                    stem: cue.stem,
                    roles: vec![cue.role],
                }),
            }
        }
        // A DFA: the cue words are searched for over every text that passes the gate, and the
        // default NFA reads a byte several times slower.
        let cue_automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(cue_phrases.iter().map(|c| c.phrase.as_str()))
            .expect("cue automaton");
        // The gate: every literal a match of a pattern, a channel's name or a cue must start
        // with, from the same lists, so no word in the data can be unreachable.
        let mut gate_sources: Vec<String> = patterns_source.clone();
        gate_sources.extend(mention_patterns.iter().cloned());
        let triggers = gate_literals(&gate_sources).map(|mut literals| {
            literals.extend(cues.iter().map(|c| c.phrase.as_bytes().to_vec()));
            literals.extend([b"$".to_vec(), b"live:".to_vec()]);
            literals.sort_unstable();
            literals.dedup();
            aho_corasick::AhoCorasick::builder()
                .build(literals)
                .expect("trigger automaton")
        });
        ChannelDetector {
            patterns,
            shape_readers,
            channel_rows: std::sync::LazyLock::new(ChannelRows::new),
            mention_regex,
            foreign_mentions,
            foreign_rows,
            shapes,
            requests,
            cashtag: crate::lexicon::ascii_regex(
                r"(?:^|[^\w$])\$(?P<tag>[A-Za-z][A-Za-z0-9_]{2,20})\b",
            ),
            skype_live: crate::lexicon::ascii_regex(r"\blive:(?:\.cid\.)?[a-z0-9][a-z0-9._-]{2,}"),
            money_words: crate::lexicon::ascii_regex(
                r"\b(?:pay|paid|paying|payment|payments|money|fees?|cut|commission|discount|price|cheaper|invoice|cash|deal|charge|charges|rate|\$)",
            ),
            talk_words: crate::lexicon::ascii_regex(
                r"\b(?:talk|chat|contact|reach|message|continue|discuss|speak|connect|communicate|text|call|meet|conversation)\b",
            ),
            triggers,
            cue_automaton,
            cue_phrases,
            id_shapes: channel_names()
                .iter()
                .map(|c| {
                    c.id_shape
                        .map(|id| crate::lexicon::ascii_regex(&format!("^(?:{id})$")))
                })
                .collect(),
        }
    }
}

/// The pattern of a bare mention of one channel spelling, with a word boundary on each side
/// its spelling has one. A channel's own name of five letters or more may carry a case
/// ending glued to it, as the languages that inflect nouns with suffixes write it
/// ("Telegramdan yozing", "WhatsAppon írj", "WhatsAppissa"): nothing else starts with it.
fn mention_pattern(c: &ChannelName) -> String {
    const CASE_ENDINGS: &str = "da|dan|de|den|ta|tan|te|ten|dagi|daki|deki|ga|ge|ka|ke|qa|\
        ya|ye|on|en|ra|re|rol|bol|ba|be|ban|ben|ssa|sta|lla|lta|iin|issa|ista|ille|illa|a|e|i|u|om|ot";
    let head = if c.bounded_start { r"(?-u:\b)" } else { "" };
    if !c.bounded_end {
        return format!("{head}(?:{})", c.pattern);
    }
    let body = if c.word == WordClass::Name {
        top_level_alternatives(&c.pattern)
            .into_iter()
            .map(|alternative| {
                if min_letters(alternative) >= 5 {
                    format!("(?:{alternative})(?:{CASE_ENDINGS})?")
                } else {
                    format!("(?:{alternative})")
                }
            })
            .collect::<Vec<_>>()
            .join("|")
    } else {
        c.pattern.clone()
    };
    format!(r"{head}(?:{body})(?-u:\b)")
}

/// The alternatives of a regex fragment at its top level (`a|b(?:c|d)` gives `a` and
/// `b(?:c|d)`): a `|` inside a group or a class, or escaped, belongs to it.
fn top_level_alternatives(pattern: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut in_class, mut escaped, mut from) =
        (Vec::new(), 0, false, false, 0);
    for (i, b) in pattern.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            _ if in_class => {}
            b'(' => depth += 1,
            b')' => depth -= 1,
            b'|' if depth == 0 => {
                parts.push(&pattern[from..i]);
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&pattern[from..]);
    parts
}

/// The fewest bytes a match of a regex fragment can have.
fn min_letters(pattern: &str) -> usize {
    regex_syntax::parse(pattern)
        .ok()
        .and_then(|hir| hir.properties().minimum_len())
        .unwrap_or(0)
}

/// The literals that every match of `patterns` starts with (regex-syntax's prefix
/// extraction over each), or `None` if some pattern can match without one: then the gate
/// cannot be derived and every text is searched. Literals of one byte that is a letter are
/// widened to that letter followed by each byte that may come next in a match.
fn gate_literals(patterns: &[String]) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let mut extractor = Extractor::new();
    extractor
        .kind(ExtractKind::Prefix)
        .limit_total(50_000)
        .limit_class(64)
        .limit_literal_len(8);
    let mut literals = Vec::new();
    for pattern in patterns {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(pattern)
            .ok()?;
        let seq = extractor.extract(&hir);
        for literal in seq.literals()? {
            if literal.as_bytes().is_empty() {
                return None;
            }
            literals.push(literal.as_bytes().to_vec());
        }
    }
    Some(literals)
}

/// Every shape and request pattern (shapes first, then requests, then [`MEETING_ID`]),
/// compiled from one parse as a leftmost-first alternation and as the set of all their
/// matches.
struct Patterns {
    /// The alternation, forward and reverse. Its matches say where any pattern can start
    /// (see [`Patterns::starts`]); searched anchored for one pattern, it gives that
    /// pattern's match from a start. Without a literal prefilter: its prefixes ("i", "x",
    /// "no", "you") occur in nearly every text, and restarting the DFA at each of them cost
    /// several times the DFA pass itself.
    first: std::sync::Arc<regex_automata::hybrid::regex::Regex>,
    /// Every match of every pattern, searched anchored: which patterns match from a
    /// position.
    every: regex_automata::hybrid::dfa::DFA,
    caches: regex_automata::util::pool::Pool<PatternCaches, CacheFn>,
}

/// The lazy DFAs' caches of [`Patterns`], one per thread.
struct PatternCaches {
    first: regex_automata::hybrid::regex::Cache,
    every: regex_automata::hybrid::dfa::Cache,
}

type CacheFn = Box<
    dyn Fn() -> PatternCaches + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
>;

impl Patterns {
    /// From the patterns' NFA, without capture groups, and the reverse one.
    fn new(forward: thompson::NFA, reverse: thompson::NFA) -> Patterns {
        use regex_automata::hybrid::dfa::DFA;
        // Room for the start states of every pattern (one per pattern and look-behind) and
        // the states a long text visits: the default 2 MiB is too small for the channel
        // alternation inside each of the shapes.
        let build = |config: regex_automata::hybrid::dfa::Config, nfa| {
            DFA::builder()
                .configure(config.cache_capacity(8 << 20))
                .build_from_nfa(nfa)
                .expect("patterns compile")
        };
        // An anchored search for one pattern needs a start state for each.
        let first_forward = build(DFA::config().starts_for_each_pattern(true), forward.clone());
        // What `hybrid::regex::Builder` builds the reverse of a regex with.
        let first_reverse = build(
            DFA::config()
                .specialize_start_states(false)
                .match_kind(regex_automata::MatchKind::All),
            reverse,
        );
        let first = std::sync::Arc::new(
            regex_automata::hybrid::regex::Regex::builder()
                .build_from_dfas(first_forward, first_reverse),
        );
        let every = build(
            DFA::config().match_kind(regex_automata::MatchKind::All),
            forward,
        );
        let (for_first, for_every) = (first.clone(), every.clone());
        let caches = regex_automata::util::pool::Pool::new(Box::new(move || PatternCaches {
            first: for_first.create_cache(),
            every: for_every.create_cache(),
        }) as CacheFn);
        Patterns {
            first,
            every,
            caches,
        }
    }

    /// Where the patterns match in `lower` (see [`Located`]).
    fn locate<'a>(&'a self, lower: &'a str) -> Located<'a> {
        let mut caches = self.caches.get();
        let starts = self.starts(&mut caches, lower);
        Located {
            patterns: self,
            lower,
            caches,
            starts,
        }
    }

    /// Each (pattern, position) at which a match of that pattern starts in `lower`, sorted.
    /// Every match of any pattern starts inside a match of their leftmost-first alternation
    /// (iterating from before it, the alternation finds a match starting no later, and
    /// resumes where that one ends), and at a word: each pattern begins with `\b` and a
    /// letter, or with a letter of a script `\b` does not see, at a word's start
    /// ([`is_word_start`]). So only the word starts inside the alternation's matches are
    /// asked which patterns match from there.
    fn starts(&self, caches: &mut PatternCaches, lower: &str) -> Vec<(usize, usize)> {
        let mut starts = Vec::new();
        let mut at = 0;
        while at < lower.len() {
            let input = Input::new(lower).range(at..);
            let span = match self.first.try_search(&mut caches.first, &input) {
                Ok(Some(m)) => m.span(),
                Ok(None) => break,
                // Should the DFA give up, a pattern may start anywhere from here.
                Err(_) => Span::from(at..lower.len()),
            };
            for start in span.range().filter(|&i| is_word_start(lower, i)) {
                self.each_at(&mut caches.every, lower, start, |pattern| {
                    starts.push((pattern, start));
                });
            }
            at = span.end.max(at + 1);
        }
        starts.sort_unstable();
        starts.dedup();
        starts
    }

    /// Calls `found` with each pattern that has a match starting at `at` in `haystack` (a
    /// pattern may come more than once). Should the DFA give up, with every pattern.
    fn each_at(
        &self,
        cache: &mut regex_automata::hybrid::dfa::Cache,
        haystack: &str,
        at: usize,
        mut found: impl FnMut(usize),
    ) {
        let input = Input::new(haystack).range(at..).anchored(Anchored::Yes);
        let mut state = regex_automata::hybrid::dfa::OverlappingState::start();
        loop {
            if self
                .every
                .try_search_overlapping_fwd(cache, &input, &mut state)
                .is_err()
            {
                (0..self.every.pattern_len()).for_each(found);
                return;
            }
            let Some(m) = state.get_match() else {
                return;
            };
            found(m.pattern().as_usize());
        }
    }

    /// Where the leftmost-first match of `pattern` from `at` in `haystack` ends, if it has
    /// one there. (The lazy DFA cannot give up: it has no quit bytes and no limit on clearing
    /// its cache.)
    fn end_at(
        &self,
        caches: &mut PatternCaches,
        haystack: &str,
        pattern: PatternID,
        at: usize,
    ) -> Option<usize> {
        let input = Input::new(haystack)
            .range(at..)
            .anchored(Anchored::Pattern(pattern));
        let forward = self.first.forward();
        let end = forward.try_search_fwd(caches.first.forward_mut(), &input);
        Some(end.ok()??.offset())
    }
}

/// Where the shape and request patterns match in one text.
struct Located<'a> {
    patterns: &'a Patterns,
    lower: &'a str,
    caches: regex_automata::util::pool::PoolGuard<'a, PatternCaches, CacheFn>,
    /// See [`Patterns::starts`].
    starts: Vec<(usize, usize)>,
}

impl Located<'_> {
    /// The patterns of `range` that start somewhere in the text, in order: the others match
    /// nowhere, and most texts have none (asking each of the hundred or so patterns for its
    /// matches cost more than the search that found the starts).
    fn patterns_starting(&self, range: std::ops::Range<usize>) -> Vec<usize> {
        let mut patterns: Vec<usize> = self
            .starts
            .iter()
            .map(|&(pattern, _)| pattern)
            .filter(|pattern| range.contains(pattern))
            .collect();
        patterns.dedup();
        patterns
    }

    /// The matches of pattern `pattern` as `find_iter` over the whole text gives them (in
    /// order, not overlapping), each read from its span by `read`: at each of the pattern's
    /// starts that no match before covers, the pattern's leftmost-first match from there.
    fn matches_of<T>(&mut self, pattern: usize, mut read: impl FnMut(Span) -> Option<T>) -> Vec<T> {
        let mut found = Vec::new();
        let Ok(pid) = PatternID::new(pattern) else {
            return found;
        };
        let first = self.starts.partition_point(|&(p, _)| p < pattern);
        let last = self.starts.partition_point(|&(p, _)| p <= pattern);
        let mut resume = 0;
        for &(_, at) in &self.starts[first..last] {
            if at < resume {
                continue;
            }
            let Some(end) = self.patterns.end_at(&mut self.caches, self.lower, pid, at) else {
                continue;
            };
            resume = end;
            found.extend(read(Span::from(at..end)));
        }
        found
    }
}

/// Reads a match of a shape: the channel's name and which channel it is, and the handle. The
/// shape's own regex resolves its capture groups over the match the alternation found.
struct ShapeReader {
    regex: regex_automata::meta::Regex,
    name: Option<usize>,
    handle: Option<usize>,
    /// Each channel alternative's group, with its index in [`channel_names`].
    alternatives: Vec<(usize, usize)>,
    /// Capture slots to read a match into, kept between reads (two slots for each group of
    /// each channel's name, made and zeroed for every read before).
    captures:
        regex_automata::util::pool::Pool<regex_automata::util::captures::Captures, CapturesFn>,
}

/// What makes a pool's values: a boxed closure that a shared detector can hold.
type PoolFn<T> =
    Box<dyn Fn() -> T + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;
type CapturesFn = PoolFn<regex_automata::util::captures::Captures>;

/// A [`ShapeReader`] compiled on its shape's first match: most shapes match in few texts, and
/// compiling all of them (each holds every channel's name) was most of the detector's
/// start-up.
///
/// A match is read with only the channel rows that match somewhere inside it in the shape's
/// channel group ([`ChannelRows`]): the bounded backtracker clears a bit for every state of
/// the regex and byte of the match at each read, and every channel's name makes some 13,000
/// states (about 1,600 instructions a short message went to that clearing). The groups
/// resolve the same: a row that cannot match inside the match takes no part in it, and the
/// rows left are tried in the same order.
struct LazyShapeReader {
    /// The shape's index in [`pattern_table`].
    shape: usize,
    hir: regex_syntax::hir::Hir,
    config: regex_automata::meta::Config,
    reader: std::sync::OnceLock<ShapeReader>,
    /// The readers compiled with fewer channel rows, by those rows (sorted), at most
    /// [`NARROWED_READERS`] of them.
    narrowed: std::sync::Mutex<Vec<(Vec<u32>, std::sync::Arc<ShapeReader>)>>,
}

/// How many readers with fewer channel rows a shape keeps: the sets of names that occur in
/// its matches are few in real text, and one made-up text per set should not grow the memory
/// without end (a shape then reads with every row).
const NARROWED_READERS: usize = 32;

impl LazyShapeReader {
    fn new(
        shape: usize,
        hir: regex_syntax::hir::Hir,
        config: regex_automata::meta::Config,
    ) -> Self {
        LazyShapeReader {
            shape,
            hir,
            config,
            reader: std::sync::OnceLock::new(),
            narrowed: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// See [`ShapeReader::read`]; `rows` says which channel rows occur in `whole`.
    fn read(&self, rows: &ChannelRows, lower: &str, whole: Span) -> Option<ShapeMatch> {
        let narrowed = rows
            .within(lower, whole)
            .filter(|rows| !rows.is_empty())
            .and_then(|rows| self.narrowed(rows));
        match narrowed {
            Some(reader) => reader.read(lower, whole),
            None => self.whole_reader().read(lower, whole),
        }
    }

    /// The reader with every channel row.
    fn whole_reader(&self) -> &ShapeReader {
        self.reader
            .get_or_init(|| ShapeReader::new(self.compile(&self.hir)))
    }

    /// The reader with only `rows` (sorted) in the shape's channel groups, compiled on its
    /// first need; `None` once the shape keeps as many as it may.
    fn narrowed(&self, rows: Vec<u32>) -> Option<std::sync::Arc<ShapeReader>> {
        let mut narrowed = self
            .narrowed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, reader)) = narrowed.iter().find(|(kept, _)| *kept == rows) {
            return Some(reader.clone());
        }
        if narrowed.len() >= NARROWED_READERS {
            return None;
        }
        let (shapes, _) = pattern_table_of(&|row| {
            u32::try_from(row).is_ok_and(|row| rows.binary_search(&row).is_ok())
        });
        let pattern = ascii_word_boundaries(&shapes.get(self.shape)?.0);
        let hir = regex_automata::util::syntax::parse(&pattern).ok()?;
        let reader = std::sync::Arc::new(ShapeReader::new(self.compile(&hir)));
        narrowed.push((rows, reader.clone()));
        Some(reader)
    }

    fn compile(&self, hir: &regex_syntax::hir::Hir) -> regex_automata::meta::Regex {
        regex_automata::meta::Regex::builder()
            .configure(self.config.clone())
            .build_from_hir(hir)
            .expect("shape compiles")
    }
}

/// Which rows of [`channel_names`] match somewhere in a span: one pattern per row (its
/// spellings, without the word boundary a channel group puts after some), every match of
/// each, by a lazy DFA.
struct ChannelRows {
    dfa: regex_automata::hybrid::dfa::DFA,
    caches: regex_automata::util::pool::Pool<regex_automata::hybrid::dfa::Cache, RowsCacheFn>,
}

type RowsCacheFn = PoolFn<regex_automata::hybrid::dfa::Cache>;

impl ChannelRows {
    fn new() -> ChannelRows {
        use regex_automata::hybrid::dfa::DFA;
        let patterns: Vec<String> = channel_names()
            .iter()
            .map(|c| ascii_word_boundaries(&format!("(?:{})", c.pattern)))
            .collect();
        let dfa = DFA::builder()
            // Room for the states of spans that start anywhere in every name: the default
            // 2 MiB would be cleared again and again.
            .configure(
                DFA::config()
                    .match_kind(regex_automata::MatchKind::All)
                    .cache_capacity(8 << 20),
            )
            .thompson(thompson::Config::new().which_captures(thompson::WhichCaptures::None))
            .build_many(&patterns)
            .expect("channel names compile");
        let for_caches = dfa.clone();
        ChannelRows {
            dfa,
            caches: regex_automata::util::pool::Pool::new(Box::new(move || {
                for_caches.create_cache()
            }) as RowsCacheFn),
        }
    }

    /// The rows with a match inside `span` of `haystack` (sorted, once each); `None` should
    /// the DFA give up.
    fn within(&self, haystack: &str, span: Span) -> Option<Vec<u32>> {
        let mut cache = self.caches.get();
        let input = Input::new(haystack).span(span);
        let mut state = regex_automata::hybrid::dfa::OverlappingState::start();
        let mut rows = Vec::new();
        loop {
            self.dfa
                .try_search_overlapping_fwd(&mut cache, &input, &mut state)
                .ok()?;
            let Some(m) = state.get_match() else {
                break;
            };
            rows.push(m.pattern().as_u32());
        }
        rows.sort_unstable();
        rows.dedup();
        Some(rows)
    }
}

/// A match of a shape: all of it, the channel's name in it and which channel that is, and the
/// handle.
struct ShapeMatch {
    whole: Span,
    name: Span,
    channel: &'static ChannelName,
    handle: Option<Span>,
}

impl ShapeReader {
    /// For the regex of a shape built with [`channel_group`].
    fn new(regex: regex_automata::meta::Regex) -> ShapeReader {
        let info = regex.group_info();
        let alternatives = info
            .pattern_names(PatternID::ZERO)
            .enumerate()
            .filter_map(|(group, name)| {
                let channel = name?.strip_prefix('c')?.parse::<usize>().ok()?;
                Some((group, channel))
            })
            .collect();
        let name = info.to_index(PatternID::ZERO, "ch");
        let handle = info.to_index(PatternID::ZERO, "handle");
        let for_captures = regex.clone();
        ShapeReader {
            regex,
            name,
            handle,
            alternatives,
            captures: regex_automata::util::pool::Pool::new(Box::new(move || {
                for_captures.create_captures()
            }) as CapturesFn),
        }
    }

    /// The shape's match over `whole` in `lower`.
    fn read(&self, lower: &str, whole: Span) -> Option<ShapeMatch> {
        let mut caps = self.captures.get();
        caps.clear();
        let input = Input::new(lower).span(whole).anchored(Anchored::Yes);
        self.regex.search_captures(&input, &mut caps);
        let channel = self
            .alternatives
            .iter()
            .find(|&&(group, _)| caps.get_group(group).is_some())
            .and_then(|&(_, channel)| channel_names().get(channel))?;
        Some(ShapeMatch {
            whole: caps.get_match()?.span(),
            name: caps.get_group(self.name?)?,
            channel,
            handle: self.handle.and_then(|group| caps.get_group(group)),
        })
    }
}

/// `pattern` with each `\b` an ASCII word boundary, as [`crate::lexicon::ascii_regex`] reads
/// it.
fn ascii_word_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Whether a word starts at `at`: ASCII letters, digits and `_`, as `(?-u:\b)` sees one,
/// or a letter of another script with no letter or digit before it (the shapes written in
/// Cyrillic or Arabic start without `\b`).
fn is_word_start(lower: &str, at: usize) -> bool {
    let bytes = lower.as_bytes();
    let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    let before = at.checked_sub(1).and_then(|i| bytes.get(i));
    if bytes.get(at).is_some_and(is_word) {
        return !before.is_some_and(is_word);
    }
    lower.is_char_boundary(at)
        && lower[at..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && c.is_alphabetic())
        && !lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// A text up to this long is searched whole for channel mentions; a longer one only where a
/// mention can be kept (see [`mention_windows`]).
const SHORT_TEXT: usize = 9 * 1024;

/// Whether a byte can be part of a channel mention: the spellings are letters, digits, `@`,
/// spaces and `._-` (every byte outside ASCII counts as possible, for Unicode spaces).
fn may_be_in_mention(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || b.is_ascii_whitespace()
        || matches!(b, b'@' | b'.' | b'_' | b'-')
        || !b.is_ascii()
}

/// The parts of a long text's folded, lower-cased view where a bare channel mention can be
/// kept: [`crate::context::resolve`] keeps one only when a concrete value starts within 41
/// bytes after it or ends within 25 bytes before it. Each window reaches that far around a
/// concrete finding of `out` (with slack for folding), widened to bytes no mention can
/// contain, so a search of the window finds exactly the mentions a search of the whole
/// text finds there. Sorted, not overlapping.
fn mention_windows(text: &Normalized<'_>, lower: &str, out: &[Finding]) -> Vec<(usize, usize)> {
    /// More than folding can stretch 41 bytes of the original.
    const SLACK: usize = 32;
    let bytes = lower.as_bytes();
    let mut windows: Vec<(usize, usize)> = out
        .iter()
        .filter(|f| {
            !(f.rule.starts_with("channels/") || f.rule.starts_with("request/"))
                || f.rule == "channels/handle"
        })
        .map(|f| {
            let start = text.folded_offset(f.start).saturating_sub(41 + SLACK);
            let end = (text.folded_offset(f.end) + 26 + SLACK).min(bytes.len());
            (start, end)
        })
        .collect();
    windows.sort_unstable();
    let widen_end = |mut end: usize| {
        while end < bytes.len() && may_be_in_mention(bytes[end]) {
            end += 1;
        }
        end
    };
    // Each byte is looked at once: a window overlapping the last one is widened only past
    // the last one's end, and a new one only back to it.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(windows.len());
    for (mut start, end) in windows {
        let last_end = match merged.last_mut() {
            Some(last) if start <= last.1 => {
                if end > last.1 {
                    last.1 = widen_end(end);
                }
                continue;
            }
            Some(last) => last.1,
            None => 0,
        };
        while start > last_end && may_be_in_mention(bytes[start - 1]) {
            start -= 1;
        }
        merged.push((start, widen_end(end)));
    }
    merged
}

/// Whether `folded` has a `$` right before an ASCII letter, as every cash tag does. Most
/// dollar signs start a price ("$50"), and the cash-tag regex would search around each.
fn may_hold_cashtag(folded: &str) -> bool {
    let bytes = folded.as_bytes();
    memchr::memchr_iter(b'$', bytes)
        .any(|at| bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic))
}

/// Whether the text at `at` ends a clause: end of text, punctuation, or a word that closes
/// an invitation ("instead", "please", "app").
fn ends_clause(lower: &str, at: usize) -> bool {
    let rest = lower.get(at..).unwrap_or("").trim_start_matches(' ');
    match rest.bytes().next() {
        None => true,
        Some(b',' | b'.' | b'!' | b'?' | b';' | b':' | b')' | b'\n') => true,
        _ => matches!(
            next_word(lower, at),
            "instead" | "please" | "pls" | "plz" | "app" | "now" | "asap" | "then" | "or" | "maybe"
                // Indonesian and Tagalog "just" after the name: "lewat OVO aja ya", "sa Maya
                // lang po".
                | "aja" | "saja" | "lang"
        ),
    }
}

/// Whether a question mark follows `at`, after spaces ("your signal?", "ur line ?").
fn ends_question(lower: &str, at: usize) -> bool {
    let rest = lower.get(at..).unwrap_or("").trim_start_matches(' ');
    rest.starts_with(['?', '？', '؟'])
}

/// The word that starts at `at` in `lower` (after spaces), if any.
fn next_word(lower: &str, at: usize) -> &str {
    let rest = lower.get(at..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '-']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .unwrap_or(rest.len());
    &rest[..end]
}

impl ChannelDetector {
    /// Whether `handle` (spaces and dashes ignored) is an account identifier of `channel`'s
    /// rail.
    fn is_account_id(&self, channel: &ChannelName, handle: &str) -> bool {
        let index = channel_names()
            .iter()
            .position(|c| std::ptr::eq(c, channel));
        let Some(Some(shape)) = index.and_then(|i| self.id_shapes.get(i)) else {
            return false;
        };
        let compact: String = handle.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        shape.is_match(&compact)
    }

    /// A handle written before its network ("@maya_runs on insta", "@lena_k on the green
    /// app") and profile paths without a host ("/in/maya-runs" on LinkedIn, "u/maya_runs" on
    /// Reddit). Only the `@`s and `/`s of the text are looked at.
    fn handles_and_paths(&self, text: &Normalized<'_>, lower: &str, out: &mut Vec<Finding>) {
        let bytes = lower.as_bytes();
        let handle_end = |from: usize| {
            let mut end = from;
            while end < bytes.len()
                && (bytes[end].is_ascii_alphanumeric() || matches!(bytes[end], b'_' | b'.' | b'-'))
            {
                end += 1;
            }
            while end > from && matches!(bytes[end - 1], b'.' | b'-') {
                end -= 1;
            }
            end
        };
        let free_before = |at: usize| {
            at == 0
                || !(bytes[at - 1].is_ascii_alphanumeric() || b"._-/@:".contains(&bytes[at - 1]))
        };
        for at in memchr::memchr_iter(b'@', bytes) {
            let end = handle_end(at + 1);
            if !free_before(at) || end - (at + 1) < 2 {
                continue;
            }
            // " on ", " at ", " in ", " via ", " over ", then maybe "the ", then the name.
            let rest = &lower[end..];
            let Some(after) = ["on ", "at ", "in ", "via ", "over "]
                .iter()
                .find_map(|p| rest.trim_start_matches(' ').strip_prefix(p))
            else {
                // Or the name elsewhere in the sentence: "the paper-plane app is easier,
                // I'm @k_voronin there", "пишите в тг: @anna_hr".
                self.handle_in_sentence(text, lower, at, end, out);
                continue;
            };
            let after = after.trim_start_matches(' ');
            let name_at = lower.len() - after.len();
            let input = Input::new(lower).range(name_at..).anchored(Anchored::Yes);
            let Some(m) = self.mention_regex.find(input) else {
                continue;
            };
            let Some(channel) = channel_names().get(m.pattern().as_usize()) else {
                continue;
            };
            if channel.kind == Kind::Payment
                || channel.word == WordClass::Ordinary
                || WORK_NOUNS.contains(&next_word(lower, m.end()))
            {
                continue;
            }
            let (start, end) = text.original_span(at, m.end());
            out.push(channel.finding(start, end, 0.85, "channels/handle_on"));
        }
        for slash in memchr::memchr_iter(b'/', bytes) {
            // "/in/<name>" (LinkedIn) or "u/<name>", "/u/<name>" (Reddit), not in a link.
            let (value, name_start, start) = if slash >= 2
                && &bytes[slash - 2..slash] == b"in"
                && slash >= 3
                && bytes[slash - 3] == b'/'
                && free_before(slash - 3)
            {
                ("linkedin", slash + 1, slash - 3)
            } else if slash >= 1 && bytes[slash - 1] == b'u' {
                let u = slash - 1;
                let start = if u >= 1 && bytes[u - 1] == b'/' {
                    u - 1
                } else {
                    u
                };
                // "/u/lars" is as often a home directory: with the slash, only where Reddit
                // is named.
                if !free_before(start) || (start < u && !lower.contains("reddit")) {
                    continue;
                }
                ("reddit", slash + 1, start)
            } else {
                continue;
            };
            let end = handle_end(name_start);
            let name = &bytes[name_start..end];
            let long_enough = name.len() >= 3 && name.iter().any(u8::is_ascii_alphabetic);
            // "u/min", "u/sec": a unit per something is no user name.
            let unit = matches!(
                name,
                b"min" | b"sec" | b"day" | b"hour" | b"week" | b"month" | b"year" | b"kg" | b"ml"
            );
            if !long_enough || unit || bytes.get(end) == Some(&b'/') {
                continue;
            }
            let (start, end) = text.original_span(start, end);
            out.push(Finding::new(
                Kind::Social,
                Some(value.to_string()),
                start,
                end,
                0.8,
                "channels/profile_path",
            ));
        }
    }

    /// A messenger's or a network's name in the sentence of a free `@handle` at
    /// `at..end`: the handle is on it. An ordinary word ("line", "tg") counts after a
    /// preposition ("в тг: @anna"); a payment rail, work on the channel ("a Telegram bot that
    /// answers @mentions") or a sentence of the platform's own way do not.
    fn handle_in_sentence(
        &self,
        text: &Normalized<'_>,
        lower: &str,
        at: usize,
        end: usize,
        out: &mut Vec<Finding>,
    ) {
        let (sentence_start, sentence_end) = sentence_around(lower, at, end);
        let input = Input::new(lower).range(sentence_start..sentence_end);
        let sentence = &lower[sentence_start..sentence_end];
        if sentence.contains("bot") || sentence.contains("mention") {
            return;
        }
        for m in self.mention_regex.find_iter(input) {
            let Some(channel) = channel_names().get(m.pattern().as_usize()) else {
                continue;
            };
            if !matches!(channel.kind, Kind::Messenger | Kind::Social)
                || (channel.word == WordClass::Ordinary && !after_preposition(lower, m.start()))
                || WORK_NOUNS.contains(&next_word(lower, m.end()))
            {
                continue;
            }
            let (start, end) = text.original_span(m.start().min(at), m.end().max(end));
            out.push(channel.finding(start, end, 0.8, "channels/handle_in_sentence"));
            return;
        }
    }

    /// Every cue word of `lower` that holds its word boundaries, overlapping ones too: a
    /// longer phrase that fails its boundary ("me paga" in "me pagas") must not hide the
    /// shorter one that holds ("pag*"). Phrases of scripts that join words ("แอด") have no
    /// boundaries to ask for; Korean spaces its words, so a phrase that starts with a
    /// syllable starts a word ("번호 알려" asks for a number, "주문번호 알려" for an order
    /// number's).
    fn held_cues<'s>(&'s self, lower: &str) -> Vec<(usize, usize, &'s CuePhrase)> {
        let bytes = lower.as_bytes();
        let is_word = |at: usize| bytes.get(at).is_some_and(|b| b.is_ascii_alphanumeric());
        let hangul = |c: char| ('\u{ac00}'..='\u{d7a3}').contains(&c);
        let mut kept = Vec::new();
        for m in self.cue_automaton.find_overlapping_iter(lower) {
            let Some(cue) = self.cue_phrases.get(m.pattern().as_usize()) else {
                continue;
            };
            let (start, end) = (m.start(), m.end());
            let joined = !cue.phrase.is_ascii();
            let glued_to_hangul = cue.phrase.chars().next().is_some_and(hangul)
                && lower[..start].chars().next_back().is_some_and(hangul);
            // Cyrillic and Greek words are spaced: a phrase starts a word ("бот" is not in
            // "роботи"), though it may run on into an inflection.
            let spaced_alphabet = cue
                .phrase
                .chars()
                .next()
                .is_some_and(|c| is_cyrillic(c) || ('\u{0370}'..='\u{03ff}').contains(&c));
            if spaced_alphabet && letter_before(lower, start) {
                continue;
            }
            let open_start = !glued_to_hangul && (joined || start == 0 || !is_word(start - 1));
            let open_end = joined || cue.stem || !is_word(end);
            if open_start && open_end {
                kept.push((start, end, cue));
            }
        }
        kept
    }

    /// Requests told with cue words of any language (`data/offplatform`): within one
    /// sentence, a word of paying or of what is still to be paid ("the next milestone", "el
    /// resto", "baaki") with a payment channel's name ("the rest via wise", "o resto no
    /// pix") is a payment by that method; with "outside the platform" or, for a word of
    /// paying, "directly" ("pague direto", "seedha mere account me bhej do") it is a payment
    /// with no method. A word of contact ("add me", "напиши мне") with a messenger's or a
    /// network's name is an invitation. A sentence that names the platform's own way of
    /// paying ("through the platform", "escrow") asks for nothing; a channel named as the
    /// subject of the work ("bot", "integración") is not a way to talk or pay.
    fn cue_requests(&self, text: &Normalized<'_>, lower: &str, out: &mut Vec<Finding>) {
        // Of the cue words that hold, one inside another is the longer one's.
        let mut kept = self.held_cues(lower);
        kept.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut hits: Vec<(usize, usize, CueRole)> = Vec::new();
        let mut covered_to = 0;
        for &(start, end, cue) in &kept {
            // Sorted by start, longest first: an earlier match reaching this far holds it.
            let inside_another = end <= covered_to;
            covered_to = covered_to.max(end);
            if !inside_another {
                hits.extend(cue.roles.iter().map(|&role| (start, end, role)));
            }
        }
        // "sin pasar por la plataforma", "para hindi na dumaan sa platform": the platform's
        // own way, denied, is the way around it.
        for hit in hits.iter_mut() {
            if hit.2 == CueRole::Inside && platforms_way_denied(lower, hit.0, hit.1) {
                hit.2 = CueRole::Outside;
            }
        }
        // "les patients doivent pouvoir payer par Interac", "users can pay with M-Pesa": how
        // third parties pay is a description of the work or the service, as "through the
        // platform" is.
        // A payer's noun inside a longer word ("لعملائي", to my customers) is none.
        hits.retain(|h| h.2 != CueRole::Payer || stands_alone(lower, h.0, h.1));
        let payers: Vec<(usize, usize)> = hits
            .iter()
            .filter(|h| h.2 == CueRole::Payer)
            .map(|h| (h.0, h.1))
            .collect();
        // The words of paying that follow theirs in the same clause are theirs too ("my
        // customers pay thru GCash or bank deposit", "half my clients pay with Cash App, and
        // the rest tap a card").
        let mut theirs_to: Option<usize> = None;
        for hit in hits.iter_mut() {
            if hit.2 == CueRole::Pay && paid_by_third_parties(lower, &payers, hit.0, hit.1) {
                // Their word of paying asks nothing of the reader.
                hit.2 = CueRole::Payer;
                theirs_to = Some(hit.1);
            } else if hit.2 == CueRole::Remainder
                && payers.iter().any(|&(ps, pe)| {
                    hit.1 <= ps
                        && within_words_in_clause(lower, (hit.0, hit.1), (ps, pe), 3, usize::MAX)
                })
            {
                // "la mitad de mis clientes paga con Bizum", "половина клиентов платит
                // картой": a part of the payers, not a part of the price.
                hit.2 = CueRole::Payer;
            } else if matches!(hit.2, CueRole::Pay | CueRole::Remainder) {
                if let Some(to) = theirs_to.filter(|&to| to <= hit.0) {
                    if continues_their_clause(&lower[to..hit.0]) {
                        hit.2 = CueRole::Payer;
                        theirs_to = Some(hit.1);
                    } else {
                        theirs_to = None;
                    }
                }
            }
        }
        let mut next = 0;
        // Whether an earlier sentence named the work ("Szukamy programisty do integracji
        // Przelewy24", "We run four laundromats and want a simple app").
        let mut work_named = false;
        while next < hits.len() {
            let (sentence_start, sentence_end) = sentence_around(lower, hits[next].0, hits[next].1);
            let first = next;
            while next < hits.len() && hits[next].0 < sentence_end {
                next += 1;
            }
            let in_sentence = &hits[first..next];
            let work_before = work_named;
            work_named |= in_sentence.iter().any(|h| h.2 == CueRole::Work);
            // "50% upfront via Wise, the rest through the platform": the platform's way named
            // for what is still to be paid is that part's, and the other part is still paid
            // outside; any other word of the platform's way makes the sentence its.
            let mut set_apart = rest_through_platform(lower, in_sentence);
            // "I know you said only through the platform, but could this last one go by
            // USDT?": what the writer grants before "but" is set apart, and the request is
            // what follows it.
            if let Some(cut) = granted_before_but(lower, in_sentence, sentence_start, sentence_end)
            {
                set_apart.push((sentence_start, cut));
            }
            // "über die Plattform kommt nur die Hälfte an": the platform's way complained of is
            // the reason to leave it, not the way asked for.
            set_apart.extend(
                in_sentence
                    .iter()
                    .filter(|h| h.2 == CueRole::Inside && complained_of(lower, in_sentence, h))
                    .map(|h| (h.0, h.1)),
            );
            let within = |spans: &[(usize, usize)], s: usize, e: usize| {
                spans.iter().any(|&(a, b)| a <= s && e <= b)
            };
            if in_sentence
                .iter()
                .any(|h| h.2 == CueRole::Inside && !within(&set_apart, h.0, h.1))
            {
                continue;
            }
            // The words of that part are its own: "régler l'acompte directement sur la
            // plateforme" asks for nothing outside.
            let outside_rest: Vec<(usize, usize, CueRole)>;
            let in_sentence = if set_apart.is_empty() {
                in_sentence
            } else {
                outside_rest = in_sentence
                    .iter()
                    .copied()
                    .filter(|h| !within(&set_apart, h.0, h.1))
                    .collect();
                &outside_rest[..]
            };
            // A cue word inside a channel's name ("pay" in "apple pay") is the name's.
            let has_role = |role: CueRole, mentions: &[(usize, usize)]| {
                in_sentence.iter().any(|&(s, e, r)| {
                    r == role && !mentions.iter().any(|&(ms, me)| ms <= s && e <= me)
                })
            };
            let wants_channel = in_sentence.iter().any(|h| {
                !matches!(
                    h.2,
                    CueRole::Work | CueRole::Inside | CueRole::Payer | CueRole::Complaint
                )
            });
            let mut mentions: Vec<(usize, usize, &'static ChannelName)> = Vec::new();
            if wants_channel {
                let input = Input::new(lower).range(sentence_start..sentence_end);
                for m in self.mention_regex.find_iter(input) {
                    // A generic word for a way of paying ("Überweisung", "transfer ke
                    // rekening") holds the cue of paying it is made of: it is the cue's.
                    if let Some(channel) = channel_names()
                        .get(m.pattern().as_usize())
                        .filter(|c| c.file != METHODS_FILE)
                    {
                        mentions.push((m.start(), m.end(), channel));
                    }
                }
            }
            let spans: Vec<(usize, usize)> = mentions.iter().map(|&(s, e, _)| (s, e)).collect();
            let pays = has_role(CueRole::Pay, &spans);
            let remainder = has_role(CueRole::Remainder, &spans);
            let contact = has_role(CueRole::Contact, &spans);
            let outside = has_role(CueRole::Outside, &spans);
            let direct = has_role(CueRole::Direct, &spans);
            let work = has_role(CueRole::Work, &spans);
            // A word for cash must start a word of its own: "наличн" is not in "безналичный".
            // Nor one denied ("né contanti né altro", "Barzahlung … mach ich nicht").
            let cash = in_sentence.iter().any(|&(s, e, r)| {
                r == CueRole::Cash
                    && (!lower[s..].starts_with(|c: char| (c as u32) < 0x0590)
                        || !letter_before(lower, s))
                    && !spans.iter().any(|&(ms, me)| ms <= s && e <= me)
                    && !neither_nor(lower, s, sentence_start, sentence_end)
                    && !negated_after(&lower[e.min(sentence_end)..sentence_end])
            });
            // "Zakres: płatność BLIK bez przekierowania, karty i Google Pay", "pay at the kiosk
            // or in the app with card, Apple Pay, Cash App or Venmo": after a sentence that
            // named the work, a list of the ways a checkout takes (cards or cash among them),
            // with no one asked to pay and no one paid ("pay me"), describes what is built.
            let menu = work_before
                && !work
                && (cash || names_a_card(&lower[sentence_start..sentence_end]))
                && mentions
                    .iter()
                    .filter(|m| m.2.kind == Kind::Payment)
                    .count()
                    + usize::from(cash)
                    >= 2
                && !(pays_someone(lower, in_sentence)
                    || remainder
                    || direct
                    || outside
                    || contact
                    || has_role(CueRole::Ask, &spans)
                    || has_role(CueRole::Complaint, &spans));
            // A phone number in the sentence, found by the detectors before this one: with a
            // word of paying, a rail's ordinary name there is the rail the number is on
            // ("Bisa DANA atau OVO ke 0813 2277 4519, gak usah lewat sini").
            let (original_start, original_end) = text.original_span(sentence_start, sentence_end);
            let number_in_sentence = out.iter().any(|f| {
                f.kind == Kind::Phone && original_start <= f.start && f.end <= original_end
            });
            for &(start, end, channel) in &mentions {
                if within(&set_apart, start, end) {
                    continue;
                }
                // A bank is where payouts go as well ("withdraw to my BCA account"): its name
                // with a word of paying is no request; beside a number or in a request it is.
                if !in_shapes(channel) {
                    continue;
                }
                // An ordinary word ("pix", "maya", "wise") is a payment method only where it
                // ends the clause: "me paga no pix, fica mais fácil", not "a wise decision".
                // A messenger's ordinary nickname is one after a preposition and a word of
                // contact: "me chama no zap", "ping me on tg".
                // The word of contact names it when it holds the name or ends right before it
                // ("me passa seu zap").
                // "a Zoom call", "einem Teams-Call": the call is the meeting, not a work noun.
                let call_after = channel.kind == Kind::Meeting
                    && call_right_after_name(text, lower, (start, end), in_sentence);
                let contact_names_it = in_sentence.iter().any(|&(s, e, r)| {
                    matches!(r, CueRole::Contact | CueRole::Ask | CueRole::Call)
                        && s < end
                        && start <= e + 1
                }) || call_after;
                let ordinary = channel.word == WordClass::Ordinary
                    && (!(channel.kind == Kind::Payment
                        && (ends_clause(lower, end) || number_in_sentence))
                        || is_wise_suffix(lower, start, end))
                    && !(channel.kind != Kind::Payment
                        && (after_preposition(lower, start)
                            || before_postposition(lower, end)
                            || contact_names_it));
                if work
                    || menu
                    || ordinary
                    || neither_nor(lower, start, sentence_start, sentence_end)
                    || (channel.word == WordClass::Ordinary
                        && !call_after
                        && after_indefinite_article(lower, start))
                    || (!call_after && WORK_NOUNS.contains(&next_word(lower, end)))
                    || negated_after(&lower[end.min(sentence_end)..sentence_end])
                {
                    continue;
                }
                let (rule, solicits) = match channel.kind {
                    Kind::Payment if pays || remainder || direct || outside => {
                        ("channels/pay_cue", false)
                    }
                    Kind::Messenger | Kind::Social | Kind::Meeting if contact => {
                        ("channels/contact_cue", true)
                    }
                    // "proponho uma chamada no Zoom", "Zoomでお話し", "Google Meet üzerinden 20
                    // dakikalık bir görüşme": a word of a call near a meeting tool (five words
                    // at most), in its clause and not denied ("sem Zoom", "niente Zoom").
                    Kind::Meeting
                        if in_sentence.iter().any(|&(s, e, r)| {
                            r == CueRole::Call
                                && within_words_in_clause(lower, (s, e), (start, end), 5, 40)
                                && !call_denied(lower, (s, e), (start, end), sentence_end)
                        }) =>
                    {
                        ("channels/call_cue", true)
                    }
                    _ => continue,
                };
                let (start, end) = text.original_span(start, end);
                out.push(channel.finding(start, end, 0.8, rule));
                if solicits {
                    out.push(Finding::new(
                        Kind::Solicitation,
                        None,
                        start,
                        end,
                        0.75,
                        rule,
                    ));
                }
            }
            // "ваш номер", "ขอเบอร์", "tu correo": a request for the reader's contact details,
            // unless it names something else ("tu número de pedido").
            if !work {
                let ask = in_sentence.iter().find(|&&(s, e, r)| {
                    r == CueRole::Ask
                        && !spans.iter().any(|&(ms, me)| ms <= s && e <= me)
                        && !names_other_number(lower, s, e)
                        && !negated_after(&lower[e.min(sentence_end)..sentence_end])
                });
                let asked = ask
                    .map(|&(start, end, _)| (start, end))
                    .or_else(|| asked_by_verb_and_noun(lower, in_sentence, &spans, sentence_end));
                if let Some((start, end)) = asked {
                    let (start, end) = text.original_span(start, end);
                    out.push(Finding::new(
                        Kind::Solicitation,
                        None,
                        start,
                        end,
                        0.75,
                        "request/ask_contact",
                    ));
                }
            }
            // "transfer langsung ke rekening saya nggak bisa", "на карту переводить не
            // нужно": the request is refused by the words after it.
            let cues_end = in_sentence
                .iter()
                .map(|h| h.1)
                .max()
                .unwrap_or(sentence_end);
            // "proponho integrar o Pix diretamente com a API do seu banco": a payment that is
            // the subject of the work is not a request to pay.
            if work || refused_after(&lower[cues_end.min(sentence_end)..sentence_end]) {
                continue;
            }
            if contact && outside && !pays && !remainder {
                let start = in_sentence.first().map_or(sentence_start, |h| h.0);
                let end = in_sentence
                    .iter()
                    .map(|h| h.1)
                    .max()
                    .unwrap_or(sentence_end);
                let (start, end) = text.original_span(start, end);
                out.push(Finding::new(
                    Kind::Solicitation,
                    None,
                    start,
                    end,
                    0.75,
                    "request/off_platform",
                ));
            }
            if (pays && (direct || outside))
                || (remainder && outside)
                || (cash && (remainder || outside || direct))
            {
                let start = in_sentence.first().map_or(sentence_start, |h| h.0);
                let end = in_sentence
                    .iter()
                    .map(|h| h.1)
                    .max()
                    .unwrap_or(sentence_end);
                let (start, end) = text.original_span(start, end);
                for kind in [Kind::Payment, Kind::Solicitation] {
                    out.push(Finding::new(
                        kind,
                        None,
                        start,
                        end,
                        0.75,
                        "request/pay_outside",
                    ));
                }
            }
        }
    }
}

/// Negations of the languages that put the verb last (Hindi, Urdu, Bengali, Persian, Tamil,
/// Telugu, Turkish): after a word asking for a number, they make it a refusal ("میں آپ کو
/// نمبر نہیں دیتا", "شماره تماس نمیدم"). Not Japanese or Korean, whose polite requests are
/// negative questions ("教えてもらえませんか").
const NEGATIONS_AFTER: &[&str] = &[
    "नहीं",
    "नही",
    "نہیں",
    "نهیں",
    "না",
    "নাই",
    "نمی",
    "نمید",
    "نمیدم",
    "نمی‌دهم",
    "نمیدهم",
    "ندارم",
    "மாட்டேன்",
    "முடியாது",
    "ఇవ్వను",
    "ఇవ్వలేను",
    "vermem",
    "veremem",
    "vermiyorum",
];

/// Turkish verbs of not taking or not offering, last in a sentence that names what they
/// refuse first ("IBAN'a havale ya da elden ödeme teklif etmeyin", "nakit almıyorum"):
/// never said of the platform's own way by a request.
const TURKISH_NOT_TAKING: &[&str] = &[
    "almıyorum",
    "almiyorum",
    "almıyoruz",
    "almiyoruz",
    "etmiyorum",
    "etmiyoruz",
    "etmeyin",
    "etmeyiniz",
];

/// Refusals to take that Chinese, Cantonese and Japanese put after what they refuse, found
/// anywhere in the rest of the sentence as these scripts write no spaces ("轉數快、PayMe…我
/// 一律唔收", "PayPayでの直接のお支払いはお受けできかねます"). "不收" and "唔收" refuse
/// only where no fee follows them ("微信转账不收手续费" asks for the transfer).
const UNSPACED_NEGATIONS_AFTER: &[&str] = &[
    "不收",
    "唔收",
    "不接受",
    "唔接受",
    "できかね",
    "お受けできません",
    "お受けしておりません",
    "受け付けておりません",
    "お断り",
];

/// Whether `rest` holds one of [`UNSPACED_NEGATIONS_AFTER`] that is not about a fee.
fn unspaced_negation_after(rest: &str) -> bool {
    // Every negation is written in CJK or kana: an ASCII rest holds none, and most rests
    // are ASCII, where a substring searcher built for each of them costs more than the test.
    if rest.is_ascii() {
        return false;
    }
    UNSPACED_NEGATIONS_AFTER.iter().any(|n| {
        rest.match_indices(n)
            .any(|(at, _)| !names_a_fee(&rest[at + n.len()..]))
    })
}

/// Whether `text` starts with a Chinese word of a fee or of money ("手续费", "費用", "佣金",
/// "钱"): after "不收" or "唔收" it says no fee is charged, which refuses nothing.
pub(crate) fn names_a_fee(text: &str) -> bool {
    text.starts_with(['手', '费', '費', '续', '續', '佣', '钱', '錢'])
}

/// The verb-last negations written in Latin letters ("share nahi kar sakta", "de nahin
/// sakta"): whole words.
const LATIN_NEGATIONS_AFTER: &[&str] = &["nahi", "nahin", "nhi", "nai", "nahiin"];

/// Verbs of refusing to take, give, leave or work that Russian, Ukrainian and Polish put
/// after "не"/"nie" at the end of a sentence that names the channel first ("на карту
/// напрямую не возьму", "свій вайбер я тут не залишатиму", "na BLIKa nie biorę"): the
/// starts of their forms, folded like the text. Not "can" or "will", which a request uses
/// to give its reason ("через сайт не можу").
const SLAVIC_REFUSING_VERBS: &[&str] = &[
    "возьм",
    "беру",
    "приним",
    "работа",
    "дам",
    "даю",
    "оставлю",
    "оставля",
    "отправл",
    "соглаш",
    "візьм",
    "прийма",
    "працю",
    "залиша",
    "залишу",
    "надсила",
    "погодж",
    "biore",
    "przyjm",
    "podam",
    "podaj",
    "dam",
    "daje",
    "pracuj",
    "zostawi",
    "zgadz",
    // "на карту переводить не нужно", "nie trzeba": not needed.
    "нужн",
    "надо",
    "треба",
    "потрібн",
    "trzeba",
];

/// Whether the rest of a sentence after a request word holds a verb-last negation, as a
/// whole word ("না" is no, "নাম্বারে" a number); Persian's negative verbs start with "نمی";
/// in Russian, Ukrainian and Polish, "не"/"nie" before a verb of refusing
/// ([`SLAVIC_REFUSING_VERBS`]).
fn negated_after(rest: &str) -> bool {
    let (mut two_back, mut previous) = ("", "");
    rest.split(|c: char| !(c.is_alphanumeric() || is_joining_mark(c)))
        .filter(|w| !w.is_empty())
        .any(|w| {
            // German and Dutch put the negation after the verb and its subject: "PayPal
            // außerhalb der Plattform mache ich nicht", "dat doe ik niet".
            let verb_last = germanic_not(previous, w);
            let refused = refuses(two_back, previous, w);
            (two_back, previous) = (previous, w);
            refused
                || verb_last
                || NEGATIONS_AFTER.contains(&w)
                || LATIN_NEGATIONS_AFTER.contains(&w)
                || w.starts_with("نمی")
        })
        || ends_with_will_not(rest)
        || unspaced_negation_after(rest)
        || rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(2)
            .any(turkish_cannot)
}

/// Whether `w` is a Turkish verb of the first person that cannot or does not ("geçemem",
/// "yazamayız", "kullanmıyorum", "vermeyeceğim"): right after a channel's name and its case
/// ending ("WhatsApp'a geçemem"), a refusal.
fn turkish_cannot(w: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "emem",
        "amam",
        "emeyiz",
        "amayız",
        "amayiz",
        "mıyorum",
        "miyorum",
        "muyorum",
        "müyorum",
        "mıyoruz",
        "miyoruz",
        "muyoruz",
        "müyoruz",
        "mayacağım",
        "meyeceğim",
        "mayacagim",
        "meyecegim",
    ];
    w.chars().count() >= 6 && !matches!(w, "tamam") && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Whether a span of the original text refuses to take what it names ([`refuses_to_take`]:
/// "Bizum y transferencias por fuera no las acepto", "bKash e ami payment nei na"; a
/// Turkish, Chinese or Japanese verb of not taking after it: "私下付款我一律唔收"): what
/// makes the intent model's reading of that span a refusal.
pub(crate) fn refuses_to_take_in(span: &str) -> bool {
    let lower = span.to_lowercase();
    let (mut two_back, mut previous) = ("", "");
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let refused = refuses_to_take(two_back, previous, w);
            (two_back, previous) = (previous, w);
            refused
        })
        || unspaced_negation_after(&lower)
}

/// Whether the rest of a sentence after a request's words refuses it in a way that never
/// means "not on the platform" ([`negated_after`]'s "nahi" does: "platform pe nahi"): a
/// Slavic "не"/"nie" before a verb of refusing, an Indonesian "nggak bisa", a Swahili
/// "siwezi", a Turkish "teklif etmeyin", a Japanese "お受けできかねます", a Cantonese "唔收".
fn refused_after(rest: &str) -> bool {
    let (mut two_back, mut previous) = ("", "");
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| {
            let refused = refuses(two_back, previous, w);
            (two_back, previous) = (previous, w);
            refused
        })
        || unspaced_negation_after(rest)
        || ends_with_will_not(rest)
        || ends_with_germanic_not(rest)
}

/// "Zahlung außerhalb der Plattform mach ich nicht, sorry", "dat doe ik niet": German and
/// Dutch put "not" after the verb and its subject, at the end of a refusal; at most two
/// words ("sorry", "leider") may follow. Earlier in a sentence, "ich nicht" gives a
/// request's reason ("weil ich nicht die Gebühr zahlen will").
fn ends_with_germanic_not(rest: &str) -> bool {
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let from = words.len().saturating_sub(4);
    words[from..]
        .windows(2)
        .any(|pair| germanic_not(pair[0], pair[1]))
}

/// "ich nicht", "wir nicht", "ik niet", "we niet": a German or Dutch subject and the "not"
/// after it that ends a refusal.
fn germanic_not(subject: &str, word: &str) -> bool {
    matches!(subject, "ich" | "wir" | "ik" | "we") && matches!(word, "nicht" | "niet")
}

/// "…, я не буду.", "nie będę.": a Slavic "will not" refuses as the last words of the
/// sentence, where no verb follows it that a request's reason would use ("не буду платить
/// комиссию").
fn ends_with_will_not(rest: &str) -> bool {
    let mut words = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let (Some(last), Some(before)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(before, "не" | "nie") && SLAVIC_WILL.contains(&last)
}

/// Forms of "will" in Russian, Ukrainian and Polish, folded like the text.
const SLAVIC_WILL: &[&str] = &["буду", "будем", "будемо", "bede", "będę", "bedziemy"];

/// Whether the word `w`, after `two_back` and `previous`, refuses: a Slavic "не"/"nie"
/// before a verb of refusing ("на карту переводить не нужно"), an Indonesian or Malay
/// "nggak bisa", a Swahili "siwezi", a Romance "not" before a verb of taking or using
/// ("Bizum y transferencias por fuera no las acepto", "PIX não aceito"), a romanised
/// Bengali verb before "na" ("bKash e ami payment nei na").
fn refuses(two_back: &str, previous: &str, w: &str) -> bool {
    (matches!(previous, "не" | "nie") && SLAVIC_REFUSING_VERBS.iter().any(|v| w.starts_with(v)))
        || (INDONESIAN_NOT.contains(&previous) && INDONESIAN_CAN.contains(&w))
        || matches!(w, "siwezi" | "sitaki" | "sikubali")
        || refuses_to_take(two_back, previous, w)
}

/// The part of [`refuses`] that only ever refuses a way of paying or talking named before
/// it, never the platform's way: a Romance "not" before a verb of taking or using, a
/// romanised Bengali verb before "na", a Turkish verb of not taking
/// ([`TURKISH_NOT_TAKING`]). ("Przez aplikację nie trzeba", "здесь не буду", "di sini ga
/// bisa" say the platform's way is not needed: a request's reason.)
fn refuses_to_take(two_back: &str, previous: &str, w: &str) -> bool {
    (ROMANCE_TAKING_VERBS.iter().any(|v| w.starts_with(v))
        && (ROMANCE_NOT.contains(&previous)
            || (ROMANCE_NOT.contains(&two_back) && ROMANCE_OBJECTS.contains(&previous))))
        || (w == "na" && BENGALI_VERBS_BEFORE_NA.contains(&previous))
        || matches!(w, "neina" | "korina" | "nibona" | "dibona")
        || TURKISH_NOT_TAKING.contains(&w)
}

/// "Not" in Spanish, Portuguese and Italian, folded like the text.
const ROMANCE_NOT: &[&str] = &["no", "nao", "não", "non"];

/// The object pronouns that may stand between [`ROMANCE_NOT`] and its verb: "no las acepto",
/// "não os uso", "non li accetto".
const ROMANCE_OBJECTS: &[&str] = &[
    "lo", "la", "los", "las", "le", "les", "li", "o", "a", "os", "as", "me", "se",
];

/// Starts of verbs of taking, receiving or using in Spanish, Portuguese and Italian.
const ROMANCE_TAKING_VERBS: &[&str] = &[
    "acept",
    "aceit",
    "accett",
    "recib",
    "receb",
    "ricev",
    "utiliz",
    "uso",
    "usamos",
    "trabaj",
    "trabalh",
    "lavoro",
    "lavoriamo",
];

/// Romanised Bengali verbs of taking, giving or using that "na" after negates ("nei na",
/// "kori na", "dibo na").
const BENGALI_VERBS_BEFORE_NA: &[&str] = &[
    "nei", "ni", "nebo", "nibo", "kori", "korbo", "dei", "dibo", "chalai", "use", "accept",
];

/// Indonesian and Malay words for "not" and "can" ("nggak bisa", "tidak boleh").
const INDONESIAN_NOT: &[&str] = &[
    "nggak", "gak", "ga", "tidak", "enggak", "ndak", "tak", "tdk", "gk",
];
const INDONESIAN_CAN: &[&str] = &["bisa", "boleh", "dapat"];

/// Whether the channel's name at `start` of `lower` is one of a "neither … nor" list in its
/// sentence `from..to`: Spanish and French "ni Bizum ni transferencias", Italian "né … né".
fn neither_nor(lower: &str, start: usize, from: usize, to: usize) -> bool {
    let is_nor = |w: &str| matches!(w, "ni" | "né" | "ne");
    let before = lower[from..start].trim_end();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    is_nor(word_before)
        && lower[from..to]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| is_nor(w))
            .count()
            >= 2
}

/// The marks that are part of a word in the scripts of [`NEGATIONS_AFTER`]: combining
/// vowel signs and viramas (which `char::is_alphanumeric` does not count) and the zero-width
/// non-joiner Persian writes inside a word.
fn is_joining_mark(c: char) -> bool {
    c == '\u{200C}' || unicode_normalization::char::is_combining_mark(c)
}

/// Whether a handle after an ordinary word ("line", "x", "signal") reads as one: written with
/// `@`, or after an ID word ("line id: zara"), or a user name with a letter and a digit, `_`
/// or `.` in it ("x: maya_runs"); and the word does not follow a `:` or `=` (a field of a
/// record, "user1:x:1000") or a `.` (an address, "charlie.x@p2.org"). "Newsgroups line:
/// Jul" and "ломовую телегу: он" are prose.
fn ordinary_word_handle(lower: &str, start: usize, name_end: usize, handle: Span) -> bool {
    let bytes = lower.as_bytes();
    // A field of a record ("user1:x:1000") or a part of an address ("charlie.x@p2.org").
    if start > 0 && matches!(bytes[start - 1], b':' | b'=' | b'.' | b'_' | b'-' | b'/') {
        return false;
    }
    let between = &lower[name_end..handle.start];
    // "wp@alfa.elzabsoft.pl": a name glued to an address is its local part.
    if between == "@" && lower[handle.range()].contains('.') {
        return false;
    }
    if between.contains('@') {
        return true;
    }
    let id_word = ["id", "handle", "user", "number", "acc", "no", "nr", "tag"]
        .iter()
        .any(|w| between.contains(w));
    let h = &bytes[handle.range()];
    let has_letter = h.iter().any(u8::is_ascii_alphabetic);
    let name_like = has_letter
        && h.iter()
            .any(|b| b.is_ascii_digit() || matches!(b, b'_' | b'.'));
    id_word || name_like
}

/// Drops the findings from `first_new` on whose whole span is a channel's name read in a
/// Vietnamese word: folded, "trọn" (whole) is TRON and "bớt" (less) is "bot", but a name
/// written with Vietnamese tone marks is no name. Handles and values keep their findings.
fn drop_vietnamese_words(original: &str, out: &mut Vec<Finding>, first_new: usize) {
    let vietnamese = |c: char| {
        matches!(
            c,
            '\u{1EA0}'
                ..='\u{1EF9}'
                    | '\u{01A0}'
                    | '\u{01A1}'
                    | '\u{01AF}'
                    | '\u{01B0}'
                    | '\u{0110}'
                    | '\u{0111}'
        )
    };
    let mut idx = 0;
    out.retain(|f| {
        idx += 1;
        if idx <= first_new || f.value.is_none() {
            return true;
        }
        let Some(written) = original.get(f.start..f.end) else {
            return true;
        };
        let one_word = !written.contains(char::is_whitespace);
        !(one_word && written.chars().any(vietnamese))
    });
}

/// Drops the findings from `first_new` on that lie inside a link found before them: the
/// words of a URL's path or query (`?utm_source=whatsapp&pay=paypal`) are the link's, not
/// an invitation or an offer of their own.
fn drop_inside_links(out: &mut Vec<Finding>, first_new: usize) {
    let mut links: Vec<(usize, usize)> = out[..first_new.min(out.len())]
        .iter()
        .filter(|f| f.kind == Kind::Url || f.rule.starts_with("link/"))
        .map(|f| (f.start, f.end))
        .collect();
    if links.is_empty() {
        return;
    }
    links.sort_unstable();
    let mut idx = 0;
    out.retain(|f| {
        idx += 1;
        if idx <= first_new {
            return true;
        }
        // The last link starting at or before the finding is the only one that can hold it
        // (links do not nest).
        let before = links.partition_point(|&(s, _)| s <= f.start);
        !(before > 0 && f.end <= links[before - 1].1)
    });
}

/// Words that deny what follows them in a clause ("without going", "sin pasar", "không").
const DENIALS: &[&str] = &[
    "no", "not", "without", "never", "sin", "sem", "sans", "ohne", "senza", "bina", "baghair",
    "tanpa", "usah", "perlu", "hindi", "huwag", "wala", "khong", "без", "не", "ни", "لا", "بدون",
    "بلا", "nahi", "nahin", "mat", "kein", "keine", "keinen", "keinem", "keiner", "nicht", "pas",
    "bila", "wag", "bo", "khoi",
];

/// Whether the platform's own way named at `at` is denied by the words just before it, in
/// its clause: "without going", "sin pasar", "hindi na dumaan", "gak usah lewat", "не через".
/// Not when the denial keeps to the platform: "nothing except through the platform", "no
/// payments other than", "only".
fn denied_before(lower: &str, at: usize) -> bool {
    // The platform's way as the thing compared against or replaced: "faster than through
    // the platform", "plutôt que via la plateforme", "statt über die Plattform".
    const CONTRASTS: &[&str] = &[
        "instead",
        "rather",
        "plutot",
        "statt",
        "anstatt",
        "invece",
        "lieu",
        "daripada",
        "bukannya",
        "lugar",
        "vez",
        "vi",
        "вместо",
        "чем",
        "بدلا",
        "بدل",
    ];
    const KEEPERS: &[&str] = &[
        "only",
        "except",
        "but",
        "other",
        "than",
        "solo",
        "solamente",
        "so",
        "somente",
        "apenas",
        "seulement",
        "que",
        "nur",
        "außer",
        "ausser",
        "hanya",
        "cuma",
        "lang",
        "sirf",
        "bas",
        "только",
        "кроме",
        "فقط",
        "إلا",
        "tylko",
        "chi",
    ];
    let before = &lower[..at];
    let clause = before
        .rfind([',', '.', ';', '!', '?', '\n', '،'])
        .map_or(before, |cut| &before[cut + 1..]);
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let recent = &words[words.len().saturating_sub(4)..];
    // "faster than going through the platform", "schneller als über die Plattform": a
    // comparative, then "than" or "als" ("other than" keeps it).
    let compared = recent.windows(2).any(|pair| {
        matches!(pair[1], "than" | "als")
            && pair[0].len() > 4
            && pair[0].ends_with("er")
            && pair[0] != "other"
    });
    // "plus simple que de passer par la plateforme", "más rápido que por la página",
    // "più comodo che sul sito": a comparative word in the clause, then its "than" among the
    // last words.
    const MORE: &[&str] = &[
        "plus", "moins", "mieux", "mas", "menos", "mejor", "peor", "melhor", "pior", "piu", "meno",
        "meglio", "peggio",
    ];
    // (French "mais" is "but": Portuguese "mais … do que" is read from its "do que".)
    let compared = compared
        || (recent.iter().any(|w| matches!(*w, "que" | "che"))
            && words.iter().any(|w| MORE.contains(w)))
        || recent.windows(2).any(|pair| pair == ["do", "que"]);
    // Italian "invece" alone is "on the other hand" ("Con Alessandro invece tutto tramite la
    // piattaforma"); only "invece di"/"invece che" replaces what follows.
    let contrasted = recent.iter().enumerate().any(|(i, w)| {
        CONTRASTS.contains(w)
            && (*w != "invece"
                || recent
                    .get(i + 1)
                    .is_some_and(|next| matches!(*next, "di" | "del" | "della" | "dello" | "che")))
    });
    if compared || contrasted {
        return true;
    }
    // Swahili "hakuna haja ya kupitia mfumo", "si lazima kupitia": no need, not a must.
    let needless = recent
        .windows(2)
        .any(|pair| matches!(pair, ["si" | "sio", "lazima"] | ["hakuna", "haja"]));
    (needless || recent.iter().any(|w| DENIALS.contains(w)))
        && !words.iter().any(|w| KEEPERS.contains(w))
}

/// Whether the word at `at` follows the English indefinite article: "drop me a line", "a
/// signal", "a wise choice" are the everyday nouns, never the app.
fn after_indefinite_article(lower: &str, at: usize) -> bool {
    let before = lower[..at].trim_end_matches(' ');
    (before.ends_with(" a") || before.ends_with(" an") || before == "a" || before == "an")
        && before.len() < at
}

/// Whether the word before `at` in `lower` is a preposition that puts a channel after it ("on",
/// "no", "en", "al", "pe", "sa", "ke", "в", …), in the languages of the cue files.
fn after_preposition(lower: &str, at: usize) -> bool {
    let before = lower[..at].trim_end_matches(' ');
    // Past the last byte that is not an ASCII letter or digit: an ASCII byte or the end, so
    // a char boundary whatever comes before ("👍on").
    let word_start = before
        .bytes()
        .rposition(|b| !b.is_ascii_alphanumeric())
        .map_or(0, |i| i + 1);
    // Cyrillic "в" folds to "b".
    matches!(
        &before[word_start..],
        "on" | "via"
            | "in"
            | "no"
            | "na"
            | "pelo"
            | "en"
            | "al"
            | "el"
            | "por"
            | "pe"
            | "par"
            | "sa"
            | "ke"
            | "di"
            | "lewat"
            | "qua"
            | "b"
            | "auf"
            | "über"
            | "uber"
            | "su"
            | "sur"
            | "kwenye"
            | "kupitia"
    ) || {
        // Cyrillic prepositions ("в тг", "на вайбер", "через телегу"), past the last space.
        let word = before.rsplit([' ', ',', '(', ':']).next().unwrap_or("");
        matches!(word, "в" | "во" | "на" | "у" | "через" | "по")
    }
}

/// Whether the three words before `at` in `lower` name someone else who pays ("our users",
/// "customers", "they"): "most of our users in Kenya pay via M-Pesa" describes the product.
fn third_party_payer(lower: &str, at: usize) -> bool {
    let from = crate::normalize::floor_char_boundary(lower, at.saturating_sub(48));
    lower[from..at]
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .any(|w| {
            matches!(
                w,
                "users"
                    | "customers"
                    | "clients"
                    | "buyers"
                    | "shoppers"
                    | "people"
                    | "they"
                    | "merchants"
                    | "subscribers"
                    | "members"
                    | "visitors"
                    | "patients"
            )
        })
}

/// Whether the nominal request "direct contact" / "personal number" at `start..end` of
/// `lower` names a third party's details ("their personal contact information", "the
/// users' private email") or a state ("in direct contact with the owner") rather than asking
/// for the reader's.
fn names_someone_elses_contact(lower: &str, start: usize, end: usize) -> bool {
    let before = lower[..start].trim_end();
    let previous = before
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("");
    let third_party = matches!(previous, "their" | "his" | "her" | "its")
        || (previous.ends_with("s'") || previous.ends_with("'s")) && previous.len() > 2;
    let state = previous == "in" && lower[end..].trim_start().starts_with("with ");
    third_party || state
}

/// Whether "wise" at `start..end` is the English suffix written as a word after a noun of
/// time or work ("milestone wise", "month wise payment"), as Indian English writes it, not
/// the transfer service.
fn is_wise_suffix(lower: &str, start: usize, end: usize) -> bool {
    const COUNTED: &[&str] = &[
        "milestone",
        "milestones",
        "month",
        "monthly",
        "week",
        "weekly",
        "day",
        "daily",
        "task",
        "phase",
        "stage",
        "module",
        "item",
        "page",
        "section",
        "project",
        "hour",
        "time",
        "budget",
        "price",
        "payment",
        "work",
        "feature",
        "step",
        "part",
        "level",
        "order",
    ];
    &lower[start..end] == "wise"
        && lower[..start]
            .split(|c: char| !c.is_ascii_alphanumeric())
            .rfind(|w| !w.is_empty())
            .is_some_and(|w| COUNTED.contains(&w))
        && lower[..start].trim_end().len() + 1 >= start
}

/// Whether a Latin name ending at `at` runs straight into Japanese, Chinese, Korean or Thai
/// text ("LINEも同じ番号", "line上联系", "LINE로"): there it is the brand, written in its own
/// letters inside a sentence of another script, not an English word.
fn glued_to_joined_script(lower: &str, at: usize) -> bool {
    lower[at..].chars().next().is_some_and(|c| {
        matches!(u32::from(c),
            0x0E00..=0x0E7F // Thai
            | 0x3040..=0x30FF // kana
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF // Han
            | 0x1100..=0x11FF | 0xAC00..=0xD7AF // Hangul
        )
    })
}

/// Whether the word after `at` in `lower` is a postposition that puts a channel before it
/// ("whatsapp pe", "imo te", "wp'den"), in the languages of the cue files.
fn before_postposition(lower: &str, at: usize) -> bool {
    let rest = lower[at..].trim_start_matches([' ', '\'', '-']);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || is_joining_mark(c)))
        .unwrap_or(rest.len());
    matches!(
        &rest[..end],
        "pe" | "par"
            | "pr"
            | "te"
            | "üzerinden"
            | "uzerinden"
            | "me"
            | "mein"
            | "ta"
            | "den"
            | "dan"
            | "tan"
            | "ten"
            | "e"
            // The same postpositions in Bengali, Devanagari and Urdu script ("imo তে",
            // "वाइबर पे").
            | "তে"
            | "এ"
            | "পে"
            | "पे"
            | "पर"
            | "में"
            | "پر"
            | "پہ"
            | "میں"
    )
}

/// The most characters between a channel's name and the value it introduces
/// ([`ChannelDetector::introduces_number`], [`handles_after_names`]).
const NAME_TO_VALUE: usize = 24;

/// Where the value after a channel's name ending at `end` starts: past separators (`:`,
/// `=`, `-`, `>`) and at most `words` short words (4 letters or fewer in Latin script — "al",
/// "ke", "aja", "to" — or non-Latin words of up to 3 letters: "তে", "로", "は"), within
/// [`NAME_TO_VALUE`] characters. `None` past a clause break or a longer word.
fn value_start_after_name(lower: &str, end: usize, words: usize) -> Option<usize> {
    let bytes = lower.as_bytes();
    let mut at = end;
    let mut seen = 0;
    while at < bytes.len() && lower[end..at].chars().count() <= NAME_TO_VALUE {
        let c = lower[at..].chars().next()?;
        if matches!(c, ' ' | ':' | '=' | '-' | '>' | '\u{2013}' | '\u{2192}') {
            at += c.len_utf8();
            continue;
        }
        if c.is_ascii_digit() || c == '+' || c == '(' || c == '@' {
            return Some(at);
        }
        // A virama or a vowel sign is part of its word ("নম্বর", "नंबर").
        let in_word = |ch: char| ch.is_alphabetic() || is_joining_mark(ch);
        if !in_word(c) || seen == words {
            return if c.is_alphanumeric() || c == '_' {
                Some(at)
            } else {
                None
            };
        }
        let word_end = lower[at..]
            .find(|ch: char| !in_word(ch))
            .map_or(lower.len(), |i| at + i);
        let word = &lower[at..word_end];
        // A word that goes on with a digit, `_` or `.` is the value itself ("lin_design88").
        if bytes
            .get(word_end)
            .is_some_and(|&b| b.is_ascii_digit() || b == b'_' || b == b'.')
        {
            return Some(at);
        }
        // Letters, not marks: "নম্বর" is four letters and a virama.
        let short = if word.is_ascii() {
            word.len() <= 4
        } else {
            word.chars().filter(|&ch| !is_joining_mark(ch)).count() <= 4
        };
        if !short {
            // A handle or a value in letters starts here, or nothing does: the caller checks.
            return (seen > 0 || at > end).then_some(at);
        }
        seen += 1;
        at = word_end;
    }
    None
}

/// Whether the name of a payment rail ending at `end` is followed by "account" and a number
/// in its clause ("Easypaisa account 0345 7712904", "Zelle account 415…"): the rail's
/// account, not work on accounts.
fn wallet_account_number(lower: &str, end: usize, channel: &ChannelName) -> bool {
    channel.kind == Kind::Payment
        && matches!(next_word(lower, end), "account" | "accounts")
        && number_later_in_clause(lower, end).is_some()
}

/// The most characters between a channel's name and a number further on in its clause
/// ([`number_later_in_clause`]).
const NAME_TO_NUMBER_IN_CLAUSE: usize = 40;

/// Where a number starts after a channel's name ending at `end`, past at most four words of
/// up to eight letters and commas, within [`NAME_TO_NUMBER_IN_CLAUSE`] characters and before
/// any sentence break: "signal me instead: +1 646…", "imo te call den, number 01842…".
fn number_later_in_clause(lower: &str, end: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = 0;
    for (i, c) in lower[end..].char_indices() {
        if lower[end..end + i].chars().count() > NAME_TO_NUMBER_IN_CLAUSE {
            return None;
        }
        if c.is_numeric() || c == '+' || c == '(' {
            return (in_word == 0).then_some(end + i);
        }
        let sentence_break = matches!(
            c,
            '.' | '!'
                | '?'
                | ';'
                | '\n'
                | '\u{964}'
                | '\u{3002}'
                | '\u{ff01}'
                | '\u{ff1f}'
                | '\u{61f}'
        );
        let letter = c.is_alphabetic()
            || c == '\''
            || (!c.is_ascii() && !c.is_whitespace() && !sentence_break);
        if letter {
            if in_word == 0 {
                words += 1;
                if words > 4 {
                    return None;
                }
            }
            in_word += 1;
            if in_word > if c.is_ascii() { 8 } else { 12 } {
                return None;
            }
            continue;
        }
        in_word = 0;
        if sentence_break || !matches!(c, ' ' | ',' | ':' | '-' | '=' | '>') {
            return None;
        }
    }
    None
}

impl ChannelDetector {
    /// Whether `lower[from..to]` holds a word of contact ("call", "text", "number"), the
    /// reader's "me"/"us", or a word for the account a number is ("account", "wallet", "id"):
    /// what makes the words between a name and a number an invitation.
    fn asks_contact_between(&self, lower: &str, from: usize, to: usize) -> bool {
        let me = lower[from..to]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                matches!(
                    w,
                    "me" | "us" | "number" | "no" | "num" | "account" | "acct" | "wallet" | "id"
                )
            });
        me || self.held_cues(lower).iter().any(|&(s, e, cue)| {
            from <= s
                && e <= to
                && cue
                    .roles
                    .iter()
                    .any(|r| matches!(r, CueRole::Contact | CueRole::Ask))
        })
    }

    /// Whether a channel's name that is also an ordinary word ("wa", "imo", "momo", "ovo")
    /// introduces a phone number or an account found by the detectors before this one: the
    /// number starts right after it, past a separator or at most three short words ("mándame
    /// un wa al 315 642 8870", "imo তে কল দেন 01911-223344", "send the MoMo to 024 412 3456").
    /// A payment rail's name needs the number to be where money goes ("to", "ke") or a word
    /// of paying in its sentence ("Dana at 0857…" is a person).
    fn introduces_number(
        &self,
        text: &Normalized<'_>,
        lower: &str,
        start: usize,
        end: usize,
        channel: &ChannelName,
        found: &[Finding],
    ) -> bool {
        if !matches!(channel.kind, Kind::Messenger | Kind::Payment)
            || (WORK_NOUNS.contains(&next_word(lower, end))
                && !wallet_account_number(lower, end, channel))
            || crate::context::refused_before(lower, start)
        {
            return false;
        }
        let starts_value = |at: usize| {
            let (value_at, _) = text.original_span(at, at);
            found.iter().any(|f| {
                (f.kind == Kind::Phone || f.rule.starts_with("payment_ids/"))
                    && (value_at..=value_at + 2).contains(&f.start)
            })
        };
        // Right after the name, or further on in its clause past words of contact ("signal
        // me instead: +1 646…", "imo te call den, number 01842…").
        let value_folded = match value_start_after_name(lower, end, 3) {
            Some(at) if starts_value(at) => at,
            _ => match number_later_in_clause(lower, end) {
                Some(at) if starts_value(at) && self.asks_contact_between(lower, end, at) => at,
                _ => return false,
            },
        };
        // Something stands between: "line 4155550132 of the log" is a line of a log.
        if lower[end..value_folded].trim().is_empty() {
            return false;
        }
        if channel.kind != Kind::Payment {
            return true;
        }
        // Money goes to a number ("MoMo to 024…", "OVO ke 0857…"); a person is called at one.
        // Or the number is the wallet's own: named as its number or its account, or said to
        // be it ("Maya ko 0998…", "Mon MoMo c'est le 6 77…", "নগদ নম্বর ০১৯১৩…", "MoMo: 024…").
        let between = &lower[end..value_folded];
        let directed = between.trim_start().starts_with(':')
            || between
                .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                .any(|w| {
                    matches!(
                        w,
                        // ...or the rail is the verb: "MoMo me on 024…", "GCash me 0917…".
                        "to" | "ke"
                            // "OVO aku 0857…", "my Maya 0917…": the rail is the writer's.
                            | "my"
                            | "aku"
                            | "saya"
                            | "ku"
                            | "mi"
                            | "meu"
                            | "minha"
                            | "mon"
                            | "ma"
                            | "mein"
                            | "meine"
                            | "mój"
                            | "мой"
                            | "мій"
                            | "mera"
                            | "meri"
                            | "amar"
                            | "আমার"
                            | "benim"
                            | "al"
                            | "pe"
                            | "sa"
                            | "para"
                            | "pra"
                            | "kwa"
                            | "на"
                            | "me"
                            | "ko"
                            | "is"
                            | "es"
                            | "est"
                            | "ist"
                            | "ni"
                            | "number"
                            | "no"
                            | "nr"
                            | "num"
                            | "numero"
                            | "nambari"
                            | "namba"
                            | "account"
                            | "acc"
                            | "номер"
                            | "নম্বর"
                            | "নাম্বার"
                            | "नंबर"
                            | "نمبر"
                            | "so"
                    )
                });
        if directed {
            return true;
        }
        let (from, to) = sentence_around(lower, start, end);
        self.held_cues(lower)
            .iter()
            .any(|&(s, e, cue)| from <= s && e <= to && cue.roles.contains(&CueRole::Pay))
    }
}

/// Handles after a channel's name written in a script other than Latin ("微信: lin_design88",
/// "加微信 szpet_hr2024", "카톡 haneul_draws 로", "微信号：wx_88"), which the shape patterns, read
/// from ASCII word starts, do not see: the name, then separators and at most one short word
/// ("号", "아이디", "ID", "は"), then a user name of ASCII letters, digits, `_` and `.` with a
/// digit, a `_` or an inner `.` in it (or after `@` or `:`), not a file name or a number.
fn handles_after_names(
    text: &Normalized<'_>,
    lower: &str,
    shaped: &mut std::collections::HashSet<(usize, usize)>,
    out: &mut Vec<Finding>,
) {
    let bytes = lower.as_bytes();
    let handle_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'.';
    // Every name the search looks for starts outside ASCII.
    if lower.is_ascii() {
        return;
    }
    let detector = shared();
    for m in detector.foreign_mentions.find_iter(lower) {
        let row = detector.foreign_rows.get(m.pattern().as_usize());
        let Some(channel) = row.and_then(|&i| channel_names().get(i)) else {
            continue;
        };
        if shaped.contains(&(m.start(), m.end()))
            || crate::context::refused_before(lower, m.start())
        {
            continue;
        }
        let Some(mut at) = value_start_after_name(lower, m.end(), 1) else {
            continue;
        };
        let marked_before = lower[m.end()..at].contains([':', '@']);
        if bytes.get(at) == Some(&b'@') {
            at += 1;
        }
        let mut end = at;
        while end < bytes.len() && handle_byte(bytes[end]) && end - at <= 40 {
            end += 1;
        }
        let handle = lower[at..end].trim_end_matches('.');
        let end = at + handle.len();
        let glued = bytes.get(end).is_some_and(|&b| b == b'@' || b == b'-');
        let letters = handle.bytes().filter(u8::is_ascii_alphabetic).count();
        let marked = marked_before
            || handle.contains('_')
            || handle.trim_matches('.').contains('.')
            || handle.bytes().any(|b| b.is_ascii_digit());
        let file = handle.rsplit_once('.').is_some_and(|(_, ending)| {
            matches!(
                ending,
                "pdf" | "png" | "jpg" | "jpeg" | "psd" | "ai" | "doc" | "docx" | "zip" | "mp4"
            )
        });
        if handle.len() < 3
            || !handle.as_bytes()[0].is_ascii_alphabetic()
            || letters < 2
            || !marked
            || glued
            || file
            || crate::lexicon::NOT_A_NAME.contains(&handle)
            || WORK_NOUNS.contains(&handle)
        {
            continue;
        }
        shaped.insert((m.start(), m.end()));
        let (start, end) = text.original_span(m.start(), end);
        out.push(channel.finding(start, end, 0.9, "channels/handle"));
    }
}

/// Whether the original character at folded byte `at` of `text` is written in Latin
/// letters (or is no letter at all), not folded into them from another script.
fn starts_latin(text: &Normalized<'_>, at: usize) -> bool {
    let (start, _) = text.original_span(at, at);
    text.original
        .get(start..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(|c| {
            !c.is_alphabetic()
                || c.is_ascii()
                || ('\u{c0}'..='\u{24f}').contains(&c)
                || ('\u{1e00}'..='\u{1eff}').contains(&c)
        })
}

/// The sentence of `lower` around `start..end`: from after the previous `.`, `!`, `?`, `;`,
/// line break, danda or Arabic question mark to the next one, at most [`SENTENCE_REACH`]
/// bytes either side (a text without punctuation stays linear). The folded text writes the
/// ideographic full stop `。` as `.`, with no space after it: a `.` before a Chinese,
/// Japanese or Korean character ends a sentence too.
fn sentence_around(lower: &str, start: usize, end: usize) -> (usize, usize) {
    // `next` reads the character after `c`, only for a `.`: decoding it for every character
    // was half the work of the walk.
    let ends_sentence = |c: char, next: &dyn Fn() -> Option<char>| match c {
        '!' | '?' | ';' | '\n' | '\u{964}' | '\u{965}' | '\u{61f}' | '\u{1362}' | '\u{104b}' => {
            true
        }
        '.' => next().is_none_or(|n| n.is_whitespace() || crate::normalize::is_cjk(n)),
        _ => false,
    };
    let start = crate::normalize::floor_char_boundary(lower, start);
    let end = crate::normalize::floor_char_boundary(lower, end.max(start));
    let mut from = start;
    while start - from < SENTENCE_REACH {
        let Some(c) = lower[..from].chars().next_back() else {
            break;
        };
        if ends_sentence(c, &|| lower[from..].chars().next()) {
            break;
        }
        from -= c.len_utf8();
    }
    let mut to = end;
    while to - end < SENTENCE_REACH {
        let mut rest = lower[to..].chars();
        let Some(c) = rest.next() else {
            break;
        };
        if ends_sentence(c, &|| rest.clone().next()) {
            break;
        }
        to += c.len_utf8();
    }
    (from, to)
}

/// Words after "your number" that make it the number of something else ("tu número de
/// pedido", "the number of pages").
const OF_WORDS: &[&str] = &[
    "de", "do", "da", "del", "di", "du", "des", "of", "for", "van", "von",
];

/// The words for "number" a request for the reader's number ends with ("дайте номер",
/// "ขอเบอร์", "cho em xin số", "nitumie namba").
const NUMBER_NOUNS: &[&str] = &[
    "number",
    "numero",
    "numer",
    "nomor",
    "nomer",
    "numara",
    "номер",
    "namba",
    "nambari",
    "số",
    "เบอร์",
    "رقم",
    "شماره",
];

/// What else a number is the number of, in marketplace talk: an order, a page, an invoice,
/// a size, a quantity, a room, a clause of the brief, a parcel. Matched at the start of the
/// word after the number word (so stems take their endings: "страниц" → "страницы"); Thai,
/// written without spaces, is matched at the start of the rest of the run ("เบอร์เสื้อ").
const OTHER_NUMBERS: &[&str] = &[
    // English
    "booking",
    "confirmation",
    "case",
    "claim",
    "flight",
    "seat",
    "product",
    "order",
    "page",
    "item",
    "invoice",
    "size",
    "quantit",
    "ticket",
    "model",
    "version",
    "room",
    "tracking",
    "reference",
    "ref",
    "serial",
    "row",
    "slide",
    "section",
    "clause",
    "step",
    "task",
    "revision",
    "word",
    "copies",
    "units",
    "pieces",
    // Spanish, Portuguese, Italian, French
    "pedido",
    "orden",
    "pagina",
    "factura",
    "fatura",
    "fattura",
    "ordine",
    "talla",
    "tamanho",
    "taglia",
    "habitacion",
    "quarto",
    "stanza",
    "rastreio",
    "seguimiento",
    "chamado",
    "serie",
    "modelo",
    "commande",
    "facture",
    "taille",
    "chambre",
    "articolo",
    "paginas",
    "pagine",
    // Russian, Ukrainian
    "пункт",
    "заказ",
    "замовлен",
    "страниц",
    "сторінк",
    "строк",
    "рядк",
    "рядок",
    "позици",
    "позиці",
    "версии",
    "версії",
    "задач",
    "завдан",
    "слайд",
    "комнат",
    "кімнат",
    "размер",
    "розмір",
    "трек",
    "накладн",
    "квартир",
    "дом",
    "будинк",
    "счета",
    "счёта",
    "договор",
    // Vietnamese
    "lượng",
    "trang",
    "đơn",
    "hóa",
    "hoá",
    "phiên",
    "mục",
    "dòng",
    "phòng",
    "nhà",
    "câu",
    "size",
    // Thai
    "เสื้อ",
    "หน้า",
    "ออเดอร์",
    "คำสั่ง",
    "บ้าน",
    "ห้อง",
    "รุ่น",
    "พัสดุ",
    "ใบ",
    "ลำดับ",
    "รองเท้า",
    // Swahili, Indonesian/Malay, Polish, Turkish
    "oda",
    "ukurasa",
    "ankara",
    "kifurushi",
    "chumba",
    "nyumba",
    "pesanan",
    "halaman",
    "resi",
    "kamar",
    "rumah",
    "ukuran",
    "zamowien",
    "strony",
    "faktur",
    "pokoj",
    "rozmiar",
    "wersji",
    "punktu",
    "siparis",
    "sayfa",
    "beden",
    // Arabic, Persian
    "الطلب",
    "الصفحة",
    "الفاتورة",
    "الغرفة",
    "المقاس",
    "الشحنة",
    "البند",
    "سفارش",
    "صفحه",
    "فاکتور",
];

/// The words of a phone that may follow a preposition after a number word ("número de
/// telefone", "namba ya simu", "numer do telefonu").
const PHONE_WORDS: &[&str] = &[
    "phone", "mobile", "cell", "telefon", "celular", "movil", "cel", "whatsapp", "wa", "simu",
    "hp", "zap", "telepon", "telegram", "viber", "zalo", "line",
];

/// Whether the request for a number at `start..end` of `lower` ends with a number word
/// followed by what the number is of ("номер пункта", "số lượng", "namba ya oda",
/// "número de pedido"): another number, not the reader's.
fn names_other_number(lower: &str, start: usize, end: usize) -> bool {
    // The lists folded the way texts are ("số" → "so", "lượng" → "luong").
    static FOLDED: std::sync::LazyLock<(Vec<String>, Vec<String>)> =
        std::sync::LazyLock::new(|| {
            let fold = |words: &[&str]| -> Vec<String> {
                let mut folded: Vec<String> = words
                    .iter()
                    .flat_map(|w| [w.to_string(), Normalized::new(w).lower().to_string()])
                    .collect();
                folded.sort_unstable();
                folded.dedup();
                folded
            };
            (fold(NUMBER_NOUNS), fold(OTHER_NUMBERS))
        });
    let (number_nouns, other_numbers) = &*FOLDED;
    let asked = lower[start..end].trim_end();
    if !number_nouns.iter().any(|n| asked.ends_with(n.as_str())) {
        return false;
    }
    let rest = lower[end..].trim_start_matches([' ', '-', '\u{a0}']);
    let word_end = |s: &str| {
        // Thai vowel signs and tone marks, Indic matras: combining marks inside their word.
        s.find(|c: char| {
            !(c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
        })
        .unwrap_or(s.len())
    };
    let next = &rest[..word_end(rest)];
    if next.is_empty() {
        return false;
    }
    let next_lower = crate::normalize::lower_every_script(next);
    let next_lower = next_lower.as_ref();
    // "your number one tip", "tu número uno" (the first, not a phone); not "your number one
    // more time".
    if matches!(next_lower, "one" | "uno") {
        let after = rest[next.len()..].trim_start();
        return !matches!(
            &after[..word_end(after)].to_ascii_lowercase()[..],
            "more" | "mas" | "más" | "vez"
        );
    }
    if OF_WORDS.contains(&next_lower) || matches!(next_lower, "ya" | "za" | "do" | "de") {
        let after = rest[next.len()..].trim_start();
        let after = &after[..word_end(after)].to_ascii_lowercase();
        return !PHONE_WORDS.iter().any(|w| after.starts_with(w));
    }
    // The list is sorted and has no empty word: the words that can start `next_lower` are
    // the run that shares its first byte, not the whole list.
    let first = next_lower.as_bytes().first();
    let run_start = other_numbers.partition_point(|w| w.as_bytes().first() < first);
    other_numbers[run_start..]
        .iter()
        .take_while(|w| w.as_bytes().first() == first)
        .any(|w| next_lower.starts_with(w.as_str()))
}

/// Whether the word right before a noun of contact details at `noun_start` makes it another
/// number, as English compounds do ("your order number", "the booking number", "tracking
/// number").
fn other_number_before(lower: &str, noun_start: usize) -> bool {
    let before = lower[..noun_start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    word.chars().count() >= 3 && OTHER_NUMBERS.iter().any(|w| word.starts_with(w))
}

/// How far a sentence reaches either side of a cue word.
const SENTENCE_REACH: usize = 200;

impl ChannelName {
    /// A finding of this channel at `start..end` (of the original text).
    fn finding(&self, start: usize, end: usize, confidence: f32, rule: &'static str) -> Finding {
        let value = (self.value != crate::lexicon::OTHER_RAIL).then(|| self.value.to_string());
        Finding::new(self.kind, value, start, end, confidence, rule)
    }
}

/// The shared channel detector, for the questions a conversation asks of one message.
fn shared() -> &'static ChannelDetector {
    static SHARED: std::sync::OnceLock<ChannelDetector> = std::sync::OnceLock::new();
    SHARED.get_or_init(ChannelDetector::default)
}

/// Whether the clause of `text`'s original around `start..end` names the platform's own
/// way ([`names_the_platforms_way`]): what excuses a payment shape or a request in it.
fn clause_names_the_platforms_way(text: &Normalized<'_>, start: usize, end: usize) -> bool {
    names_the_platforms_way(crate::context::clause_around(text.original, start, end))
}

/// The payer nouns among the cue words `held` in `lower` ("customers", "los huéspedes") that
/// stand as words of their own: the subjects [`paid_by_third_parties`] looks for.
fn payer_spans(lower: &str, held: &[(usize, usize, &CuePhrase)]) -> Vec<(usize, usize)> {
    held.iter()
        .filter(|&&(s, e, cue)| cue.roles.contains(&CueRole::Payer) && stands_alone(lower, s, e))
        .map(|&(s, e, _)| (s, e))
        .collect()
}

/// [`names_the_platforms_way_in`] of a clause as written.
pub(crate) fn names_the_platforms_way(clause: &str) -> bool {
    names_the_platforms_way_in(&Normalized::new(clause))
}

/// Whether `text` (a clause, normalised) names the platform's own way ("through the
/// platform", "hier im Chat", "через сайт": an `inside` cue of `data/offplatform`) without
/// denying it ("sin pasar por la plataforma"). The intent model's reading of such a clause
/// yields to it.
pub(crate) fn names_the_platforms_way_in(text: &Normalized<'_>) -> bool {
    // Capitals of every script lowered already.
    let lower = text.lower();
    let held = shared().held_cues(lower);
    let payers = payer_spans(lower, &held);
    let hits: Vec<(usize, usize, CueRole)> = held
        .iter()
        .flat_map(|&(start, end, cue)| cue.roles.iter().map(move |&role| (start, end, role)))
        .collect();
    // The part paid through the platform when the rest is not, and what the writer grants
    // before "but", are set apart as the rules set them apart.
    // Not when the rest is denied too: "phần còn lại thanh toán qua sàn, chị không chuyển
    // khoản ngoài đâu".
    let mut set_apart = rest_through_platform(lower, &hits);
    if let Some(cut) = granted_before_but(lower, &hits, 0, lower.len()) {
        set_apart.push((0, cut));
    }
    // And only when another part is paid another way: "Передоплата 30% — через Wise, решту
    // через платформу", not "I'll pay the next milestone through the platform as usual".
    let apart = |spans: &[(usize, usize)], hit: &(usize, usize, CueRole)| {
        spans.iter().any(|&(a, b)| a <= hit.0 && hit.1 <= b)
    };
    let paid_another_way = hits.iter().any(|hit| {
        matches!(
            hit.2,
            CueRole::Remainder | CueRole::Outside | CueRole::Direct | CueRole::Cash
        ) && !apart(&set_apart, hit)
    });
    if !paid_another_way {
        set_apart.clear();
    }
    set_apart.retain(|&(a, b)| {
        let (before, after) = (&lower[..a], &lower[b..]);
        !negated_after(after)
            && !before
                .split(|c: char| !c.is_alphanumeric())
                .chain(after.split(|c: char| !c.is_alphanumeric()))
                .any(|w| DENIALS.contains(&w))
    });
    let inside = hits.iter().any(|hit| {
        hit.2 == CueRole::Inside
            && !platforms_way_denied(lower, hit.0, hit.1)
            && !complained_of(lower, &hits, hit)
            && !apart(&set_apart, hit)
    });
    // Every word of paying tells how third parties pay ("users can pay with GPay").
    let mut pays = held
        .iter()
        .filter(|(_, _, cue)| cue.roles.contains(&CueRole::Pay))
        .peekable();
    inside
        || (!payers.is_empty()
            && pays.peek().is_some()
            && pays.all(|&(start, end, _)| paid_by_third_parties(lower, &payers, start, end)))
}

/// Words for "me" or "us" that make a word of paying next to them the writer's own
/// ("clients pay me", "les clients me paient", "mi pagano", "мне платят").
const FIRST_PERSON_OBJECTS: &[&str] = &[
    "me", "us", "mir", "mich", "uns", "moi", "nous", "mi", "ci", "nos", "mnie", "nam", "мне",
    "нам", "мені", "saya", "aku", "ako", "akin", "mujhe", "hume", "humein", "bana", "bize", "tôi",
    "toi", "mình", "minh", "لي", "ليا", "mimi", "sisi",
];

/// Whether the phrase at `start..end` of `lower` is a word of its own: no letter or digit
/// touches it, unless it is written in a script without spaces between words (Chinese,
/// Japanese, Thai), where any place may start a word. Cue phrases of other scripts match
/// anywhere, which suits stems ("оплат" in "оплатите") but not a noun ("учні" inside
/// "зручніше").
fn stands_alone(lower: &str, start: usize, end: usize) -> bool {
    lower[start..].chars().next().is_some_and(is_unspaced)
        || (!letter_before(lower, start) && !letter_after(lower, end))
}

/// Whether `c` is of a script that writes words without spaces between them (Thai,
/// Myanmar, Khmer, kana, Han), where a phrase may sit inside a longer run of letters.
fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}'
        | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Whether a letter or digit of any script ends right before byte `at` of `lower`.
fn letter_before(lower: &str, at: usize) -> bool {
    lower[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether a letter or digit of any script starts at byte `at` of `lower`.
fn letter_after(lower: &str, at: usize) -> bool {
    lower[at..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
}

/// The parts of a sentence paid through the platform when another part is still paid
/// outside: a word of the platform's way beside a word of what is still to be paid, in one
/// clause. After that word ("the rest through the platform", "решту — через платформу",
/// "其余再通过平台付款", "والباقي عبر المنصة") the part is from it to the platform's way;
/// before it ("metade pela plataforma e a outra metade por TED") the part is all of the
/// sentence up to the platform's way, and what is still to be paid starts the other part.
fn rest_through_platform(
    lower: &str,
    in_sentence: &[(usize, usize, CueRole)],
) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for &(is, ie, role) in in_sentence {
        if role != CueRole::Inside {
            continue;
        }
        // "nusu ulipe hapa kwenye mfumo, nusu iliyobaki uniwekee benki": what is still to
        // be paid may start the next clause after the platform's part.
        let beside = in_sentence.iter().find(|&&(rs, re, r)| {
            r == CueRole::Remainder
                && (close_in_clause(lower, (rs, re), (is, ie))
                    || (ie <= rs && next_clause_starts_with(&lower[ie..rs])))
        });
        match beside {
            Some(&(rs, re, _)) if re <= is => {
                // "puede pagarme directamente por el hito aquí en la plataforma", "pay me
                // directly through the milestone": "directly" just before that part is said
                // of it, and is the platform's way too.
                let from = in_sentence
                    .iter()
                    .filter(|&&(ds, de, r)| {
                        r == CueRole::Direct
                            && de <= rs
                            && within_words_in_clause(lower, (ds, de), (rs, re), 3, usize::MAX)
                            && !lower[de..rs]
                                .split_whitespace()
                                .any(|w| AND_WORDS.contains(&w) || BUT_WORDS.contains(&w))
                    })
                    .map(|h| h.0)
                    .min()
                    .unwrap_or(rs);
                spans.push((from, ie));
            }
            Some(_) => spans.push((0, ie)),
            None => {}
        }
    }
    spans
}

/// Words of contrast that start the clause a request is made in after the writer has granted
/// the platform's way: "I know you said only through the site, but…". Spaced scripts' words
/// are whole words; the Chinese and Japanese ones start the clause after a comma.
const BUT_WORDS: &[&str] = &[
    "but", "pero", "mas", "mais", "aber", "doch", "ma", "però", "tapi", "tetapi", "namun", "nhung",
    "но", "але", "ale", "lakini", "ama", "fakat", "ancak", "lekin", "magar", "kintu", "kaso", "بس",
    "لكن", "بَس", "walakini",
];
const BUT_WORDS_UNSPACED: &[&str] = &[
    "但是",
    "但",
    "可是",
    "不过",
    "不過",
    "でも",
    "けど",
    "しかし",
];

/// Where the part of a sentence the writer grants ends: the first word of contrast with a
/// word of the platform's way before it and none after it, when a word that asks for
/// something (paying, contact, outside, what is still to be paid) follows it. `None` when
/// the sentence has no such turn, or the platform's way comes after it ("I know you want
/// to pay outside, but I only work through the platform").
fn granted_before_but(
    lower: &str,
    in_sentence: &[(usize, usize, CueRole)],
    sentence_start: usize,
    sentence_end: usize,
) -> Option<usize> {
    let first_inside = in_sentence
        .iter()
        .filter(|h| h.2 == CueRole::Inside)
        .map(|h| h.1)
        .min()?;
    let clause = lower.get(first_inside..sentence_end)?;
    let mut at = None;
    let mut offset = 0;
    for word in clause.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if BUT_WORDS.contains(&bare) {
            at = Some(first_inside + offset);
            break;
        }
        offset += word.len();
    }
    for mark in ['，', ','] {
        for (i, _) in clause.match_indices(mark) {
            let after = clause[i + mark.len_utf8()..].trim_start();
            if BUT_WORDS_UNSPACED.iter().any(|w| after.starts_with(w)) {
                let here = first_inside + i;
                at = Some(at.map_or(here, |a: usize| a.min(here)));
            }
        }
    }
    let cut = at?;
    let after: Vec<CueRole> = in_sentence
        .iter()
        .filter(|h| h.0 >= cut)
        .map(|h| h.2)
        .collect();
    let asks = after.iter().any(|r| {
        matches!(
            r,
            CueRole::Pay
                | CueRole::Remainder
                | CueRole::Direct
                | CueRole::Outside
                | CueRole::Contact
                | CueRole::Ask
                | CueRole::Cash
        )
    });
    (asks && !after.contains(&CueRole::Inside) && cut > sentence_start).then_some(cut)
}

/// Words of "and" or "then" that join the platform's part of a payment to the next part
/// ("yahan kar deta hoon aur baqi aadha…", "50% dito sa platform, tapos yung natitira").
const AND_WORDS: &[&str] = &[
    "and",
    "then",
    "aur",
    "phir",
    "y",
    "e",
    "et",
    "und",
    "dann",
    "i",
    "a",
    "potem",
    "и",
    "а",
    "і",
    "та",
    "потом",
    "потім",
    "dan",
    "lalu",
    "at",
    "tapos",
    "ve",
    "na",
    "và",
    "va",
    "rồi",
    "roi",
];

/// Whether `gap`, between the platform's way and a word of what is still to be paid, is
/// the end of one clause and at most the next clause's first word: ", nusu", ", and the";
/// or, without a comma, at most five words of the first clause ("yahan kar deta hoon") then a
/// word of [`AND_WORDS`] and at most one more.
fn next_clause_starts_with(gap: &str) -> bool {
    if !gap.contains(['.', '!', '?', ';', '\n', ',', '，', '،']) {
        let words: Vec<&str> = gap.split_whitespace().collect();
        return words
            .iter()
            .rposition(|w| AND_WORDS.contains(w))
            .is_some_and(|at| at <= 5 && words.len() - at <= 2);
    }
    let Some((head, tail)) = gap.split_once([',', '，', '،']) else {
        return false;
    };
    // "…tramite la piattaforma, anche per l'acconto": the next clause says the same way.
    const ALSO: &[&str] = &[
        "also",
        "even",
        "anche",
        "pure",
        "aussi",
        "meme",
        "auch",
        "tambien",
        "tambem",
        "juga",
        "din",
        "rin",
        "тоже",
        "также",
        "також",
        "cung",
        "pia",
        "de",
        "da",
    ];
    head.trim().is_empty()
        && tail.split_whitespace().count() <= 2
        && !tail.split_whitespace().any(|w| ALSO.contains(&w))
        && !tail.contains(['.', '!', '?', ';', '\n', ',', '，', '،', '也'])
}

/// Whether a complaint about what the platform's way costs stands beside the word of it
/// at `inside`, in one clause: "über die Plattform kommt nur die Hälfte an", "qua sàn bị
/// trừ phí", "through the site they deduct 20%".
fn complained_of(
    lower: &str,
    in_sentence: &[(usize, usize, CueRole)],
    inside: &(usize, usize, CueRole),
) -> bool {
    in_sentence.iter().any(|&(cs, ce, r)| {
        r == CueRole::Complaint
            && (close_in_clause(lower, (cs, ce), (inside.0, inside.1))
                || (cs < inside.1 && inside.0 < ce))
    })
}

/// Whether a meeting tool whose name is also an everyday word is written as a name, with a
/// capital, and a word of a call or a meeting follows it at once: "a Zoom call", "einem
/// Teams-Call", "Zoom görüşmesi", "Teams interview" (not "our sales teams call clients").
fn call_right_after_name(
    text: &Normalized<'_>,
    lower: &str,
    (start, end): (usize, usize),
    in_sentence: &[(usize, usize, CueRole)],
) -> bool {
    let (original_start, original_end) = text.original_span(start, end);
    let capital = text
        .original
        .get(original_start..original_end)
        .and_then(|written| written.chars().next())
        .is_some_and(char::is_uppercase);
    capital
        && in_sentence.iter().any(|&(s, _, r)| {
            r == CueRole::Call
                && s >= end
                && lower[end..s].chars().count() <= 1
                && lower[end..s].chars().all(|c| c == ' ' || c == '-')
        })
}

/// Whether two spans that do not overlap stand at most three words (24 characters: Cyrillic
/// and Devanagari letters take two or three bytes) apart, with no mark of a clause's end
/// between them: "leave your e-mail", "chamada no Zoom".
fn close_in_clause(lower: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    within_words_in_clause(lower, a, b, 3, 24)
}

/// Whether two spans that do not overlap stand at most `words` words and `reach` characters
/// apart, with no mark of a clause's end between them.
fn within_words_in_clause(
    lower: &str,
    a: (usize, usize),
    b: (usize, usize),
    words: usize,
    reach: usize,
) -> bool {
    let gap = if a.1 <= b.0 {
        &lower[a.1..b.0]
    } else if b.1 <= a.0 {
        &lower[b.1..a.0]
    } else {
        return false;
    };
    gap.chars().count() <= reach
        && gap.split_whitespace().count() <= words
        && !gap.contains(['.', '!', '?', ';', '\n', ',', '،', '、', '，', '。'])
}

/// A request for contact details made of a verb that asks or hands over and a noun of
/// contact details, in either order, at most three words apart in one clause ("leave your
/// e-mail in the reply", "¿me pasa su número?", "numaranızı verir misiniz", "留一个邮箱",
/// "番号を教えていただけますか"): the span from the first to the last, unless the noun names
/// another number ("the order number"), a refusal comes before it ("I can't give you my
/// number") or after it, or either word starts inside a longer word or a channel's name.
fn asked_by_verb_and_noun(
    lower: &str,
    in_sentence: &[(usize, usize, CueRole)],
    mentions: &[(usize, usize)],
    sentence_end: usize,
) -> Option<(usize, usize)> {
    let starts_word = |s: usize| {
        let Some(c) = lower[s..].chars().next() else {
            return false;
        };
        crate::normalize::is_cjk(c) || !letter_before(lower, s)
    };
    let held = |role: CueRole| {
        in_sentence.iter().filter(move |&&(s, e, r)| {
            r == role && starts_word(s) && !mentions.iter().any(|&(ms, me)| ms <= s && e <= me)
        })
    };
    for &(noun_start, noun_end, _) in held(CueRole::ContactNoun) {
        if names_other_number(lower, noun_start, noun_end) || other_number_before(lower, noun_start)
        {
            continue;
        }
        for &(verb_start, verb_end, _) in held(CueRole::AskVerb) {
            let (start, end) = (noun_start.min(verb_start), noun_end.max(verb_end));
            if !close_in_clause(lower, (noun_start, noun_end), (verb_start, verb_end)) {
                continue;
            }
            if crate::context::refused_before(lower, start)
                || negated_after(&lower[end.min(sentence_end)..sentence_end])
                || refused_after(&lower[end.min(sentence_end)..sentence_end])
                || negation_near(lower, start, end)
                || noun_is_modifier(lower, noun_start, noun_end)
                || !owned_request(
                    lower,
                    (start, end),
                    (noun_start, noun_end),
                    (verb_start, verb_end),
                )
            {
                continue;
            }
            return Some((start, end));
        }
    }
    None
}

/// Words of negation in the languages of `data/offplatform` ("ne … pas", "belum bisa",
/// "hindi pwede", "mat bhejo", "geen", "kora jabe na"): one of them up to four words before
/// a verb-and-noun request, inside it or up to three words after it makes it a refusal or
/// a rule quoted.
const NEGATION_WORDS: &[&str] = &[
    "not", "don't", "dont", "can't", "cant", "cannot", "won't", "never", "no", "ne", "n'", "pas",
    "ni", "non", "né", "nicht", "kein", "keine", "keinen", "geen", "niet", "не", "ні", "ни", "nie",
    "ga", "gak", "nggak", "enggak", "tidak", "tdk", "belum", "blm", "tak", "bukan", "jangan",
    "hindi", "wag", "huwag", "mat", "nahi", "nahin", "nhi", "na", "không", "khong", "chưa", "chua",
    "đừng", "dung", "لا", "ما", "مش", "مو", "ليس", "değil", "degil", "yok", "sio", "si", "usi",
    "hapana", "nu", "nunca", "jamais", "mai",
];

/// Whether a word is one of [`NEGATION_WORDS`] or an elided or contracted negation ("n'",
/// "don't").
fn is_negation(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    NEGATION_WORDS.contains(&w) || w.starts_with("n'") || w.ends_with("n't")
}

/// Whether a call cue and a meeting tool close together (`a` and `b`, in either order) are
/// denied: a word of negation up to four words before the first in its clause ("sin
/// llamadas por Zoom"), between them ("call but not Zoom"; not Portuguese "no" and "na", which
/// are "in the": "chamada no Zoom"), or right after the second ("Zoom lagbe na").
fn call_denied(lower: &str, a: (usize, usize), b: (usize, usize), sentence_end: usize) -> bool {
    let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let gap = &lower[first.1.min(second.0)..second.0];
    words_before_in_clause(lower, first.0).any(is_negation)
        || gap
            .split_whitespace()
            .any(|w| !matches!(w, "no" | "na") && is_negation(w))
        || negated_after(&lower[second.1.min(sentence_end)..sentence_end])
}

/// Where the clause holding `at` starts: after the last mark of a sentence's or clause's end.
fn clause_start(lower: &str, at: usize) -> usize {
    lower[..at]
        .rfind(['.', '!', '?', ';', '\n', ',', '،', '，', '。'])
        .map_or(0, |i| i + 1)
}

/// The four words before `at` in its clause, nearest first.
fn words_before_in_clause(lower: &str, at: usize) -> impl Iterator<Item = &str> {
    lower[clause_start(lower, at)..at]
        .split_whitespace()
        .rev()
        .take(4)
}

fn negation_near(lower: &str, start: usize, end: usize) -> bool {
    let clause_start = clause_start(lower, start);
    let before = words_before_in_clause(lower, start);
    let inside = lower[start..end].split_whitespace();
    let clause_end = lower[end..]
        .find(['.', '!', '?', ';', '\n', ',', '،', '，', '。'])
        .map_or(lower.len(), |i| end + i);
    let after = lower[end..clause_end].split_whitespace().take(3);
    before.chain(inside).chain(after).any(is_negation)
        // Chinese and Japanese negations inside the words.
        || unspaced_negation(&lower[clause_start..clause_end])
        || lower[end..clause_end].contains("ない")
}

/// Whether a Chinese negation stands in `clause`, other than the "A不A" of a question
/// ("能不能", "可不可以", "方不方便": "can you or not").
fn unspaced_negation(clause: &str) -> bool {
    let mut previous = None;
    let mut chars = clause.chars().peekable();
    while let Some(c) = chars.next() {
        let negates = match c {
            '别' | '別' | '没' | '沒' => true,
            '不' => previous.is_none() || chars.peek() != previous.as_ref(),
            _ => false,
        };
        if negates {
            return true;
        }
        previous = Some(c);
    }
    false
}

/// Whether a verb-and-noun request at `start..end` of `lower` (its noun at
/// `noun_start..noun_end`, its verb at `verb`) asks for someone's own details: a possessive or a "me"/"us" from
/// the word before it to the word after it ("leave your e-mail", "send me an email", "¿me
/// pasa su número?", "namba yako", "nomor kamu", "оставьте свою почту", "number WhatsApp"),
/// or a possessive glued to the noun ("nomormu", "numaranızı"). Bare "number", "mail" and
/// "contact" name many other things ("the room number", "send mail", "den Kontakt zur
/// Realität"). Nouns of the scripts that glue their possessives or particles to the word
/// (Arabic "رقمك", Chinese, Japanese, Korean) are their own evidence.
fn owned_request(
    lower: &str,
    (start, end): (usize, usize),
    (noun_start, noun_end): (usize, usize),
    verb: (usize, usize),
) -> bool {
    const OWNERS: &[&str] = &[
        "your",
        "ur",
        "yr",
        "yours",
        "my",
        "me",
        "us",
        "su",
        "tu",
        "sus",
        "tus",
        "seu",
        "sua",
        "teu",
        "tua",
        "votre",
        "ton",
        "mon",
        "vos",
        "moi",
        "nous",
        "ihre",
        "ihr",
        "deine",
        "dein",
        "meine",
        "mir",
        "mich",
        "uns",
        "uw",
        "mijn",
        "tuo",
        "suo",
        "mio",
        "vostro",
        "mi",
        "ti",
        "le",
        "nos",
        "ваш",
        "вашу",
        "ваши",
        "твой",
        "твою",
        "твои",
        "свой",
        "свою",
        "свои",
        "мой",
        "мне",
        "нам",
        "твій",
        "свій",
        "свої",
        "ваші",
        "твої",
        "мій",
        "мені",
        "twój",
        "twoj",
        "pana",
        "pani",
        "mój",
        "moj",
        "swój",
        "swoj",
        "mnie",
        "yako",
        "yangu",
        "kamu",
        "anda",
        "saya",
        "aku",
        "mo",
        "ko",
        "nyo",
        "ninyo",
        "niyo",
        "ka",
        "hp",
        "wa",
        "whatsapp",
        "telefon",
        "telefonu",
        "телефона",
        "телефону",
        "tumhara",
        "apna",
        "apnar",
        "aapka",
        "apka",
        "mera",
        "amar",
        "celular",
        "telefone",
        "cellulare",
        "portable",
        "simu",
        "sizin",
        "senin",
        "benim",
        "bana",
        "bize",
        "ban",
        "nipe",
        "niachie",
        "tuachie",
        "nitumie",
        "tupe",
    ];
    // A verb of several words asks by itself ("để lại", "wie lautet", "cho xin"), unless its
    // noun is a bare "number".
    let bare_number = matches!(
        lower[noun_start..noun_end].trim(),
        "number" | "numero" | "nummer" | "numer" | "nomor" | "номер"
    );
    if lower[verb.0..verb.1].trim().contains(' ') && !bare_number {
        return true;
    }
    let first = lower[noun_start..].chars().next().unwrap_or(' ');
    if first.is_alphabetic() && !first.is_lowercase() && !first.is_uppercase() {
        // A script without case: Arabic, Chinese, Japanese, Korean, Thai…
        return true;
    }
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let from = lower[..start]
        .trim_end()
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let after = &lower[end..];
    let spaces = after.len() - after.trim_start().len();
    let to = after
        .trim_start()
        .find(char::is_whitespace)
        .map_or(lower.len(), |i| end + spaces + i);
    let window = &lower[from.min(start)..to.max(end)];
    window
        .split_whitespace()
        .any(|w| OWNERS.contains(&word(w).as_str()))
        || ["mu", "ku", "nızı", "nizi", "nı", "ni", "n"]
            .iter()
            .any(|suffix| lower[noun_end..].starts_with(suffix))
}

/// Whether the noun of contact at `start..end` of `lower` only qualifies another noun: "the
/// email template", "a contact form", "la página de contacto", "il modulo di contatto".
fn noun_is_modifier(lower: &str, start: usize, end: usize) -> bool {
    const HEADS: &[&str] = &[
        "template",
        "templates",
        "campaign",
        "campaigns",
        "marketing",
        "newsletter",
        "list",
        "lists",
        "automation",
        "sequence",
        "sequences",
        "design",
        "designs",
        "copy",
        "flow",
        "flows",
        "signature",
        "subject",
        "body",
        "content",
        "draft",
        "drafts",
        "thread",
        "notification",
        "notifications",
        "verification",
        "confirmation",
        "server",
        "client",
        "integration",
        "api",
        "page",
        "pages",
        "form",
        "forms",
        "us",
        "section",
        "button",
        "field",
        "fields",
        "widget",
        "validation",
        "format",
        "input",
        "column",
        "header",
    ];
    const OF: &[&str] = &["de", "di", "du", "des", "of", "da", "do", "del", "della"];
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    let before = lower[..start].split_whitespace().next_back().map(word);
    let after = lower[end..].split_whitespace().next().map(word);
    // "the number of pages", "il numero della stanza", "nomor rekening".
    const BARE_NUMBERS: &[&str] = &[
        "number",
        "numero",
        "nummer",
        "numer",
        "numara",
        "nomor",
        "nomer",
        "номер",
        "namba",
    ];
    const AFTER_NUMBER: &[&str] = &[
        "della", "dello", "del", "dei", "delle", "degli", "des", "rekening", "akun", "order",
        "pesanan", "resi", "invoice",
    ];
    let bare_number = BARE_NUMBERS.contains(&lower[start..end].trim());
    before.is_some_and(|w| OF.contains(&w.as_str()))
        || after.as_deref().is_some_and(|w| {
            HEADS.contains(&w) || (bare_number && (OF.contains(&w) || AFTER_NUMBER.contains(&w)))
        })
}

/// Words for "I" or "we" that make the writer the subject of a clause ("for regular clients
/// I take payment directly", "pra clientes fixos eu trabalho com pagamento direto").
const FIRST_PERSON_SUBJECTS: &[&str] = &[
    "i",
    "i'll",
    "i'd",
    "i'm",
    "we",
    "we'll",
    "je",
    "j'accepte",
    "nous",
    "ich",
    "wir",
    "io",
    "noi",
    "yo",
    "nosotros",
    "eu",
    "nos",
    "nós",
    "я",
    "мы",
    "ja",
    "my",
    "saya",
    "aku",
    "kami",
    "ako",
    "main",
    "hum",
    "ben",
    "biz",
    "tôi",
    "toi",
    "mình",
    "minh",
    "mimi",
    "sisi",
];

/// Words for "for" that make the noun after them (past an article) those served, not those
/// who pay ("for international clients I accept…", "per i clienti esteri accetto…").
const FOR_WORDS: &[&str] = &[
    "for", "para", "pra", "pour", "per", "für", "fur", "voor", "для", "dla", "untuk", "buat",
    "kwa", "cho", "pentru",
];

/// Articles skipped between a word for "for" and its noun.
const ARTICLES: &[&str] = &[
    "the", "our", "my", "les", "nos", "mes", "los", "las", "el", "la", "mis", "i", "gli", "le",
    "die", "den", "der", "unsere", "meine", "os", "as", "meus", "minhas", "sa", "mga", "ng",
];

/// Whether the word of paying at `start..end` of `lower` has third parties as its subject:
/// a `payer` cue ("users", "les patients", "los huéspedes") ends at most five words before
/// it in the same clause ("patients should be able to pay", "los clientes podrán pagar"),
/// with no "I" or "we" between them and no "for" before it ("for regular clients I take
/// payment directly" is an offer), and no "me" or "us" stands next to the word of paying
/// ("my clients pay me by Wise" is one too); or it follows the word of paying at once, as a
/// subject after its verb ("Bei uns zahlen Kunden per PayPal").
fn paid_by_third_parties(lower: &str, payers: &[(usize, usize)], start: usize, end: usize) -> bool {
    const REACH: usize = 48;
    let bare = |w: &str| -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
            .to_string()
    };
    // The subject after its verb ("Bei uns zahlen Kunden per PayPal", "im Salon zahlen die
    // Kundinnen mit TWINT", "pagan los clientes con Bizum"): at most an article between them,
    // and no "me" or "us" after it. A word before the verb is not its object there ("bei
    // uns").
    let first_person = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        FIRST_PERSON_OBJECTS.contains(&w)
    };
    let word_end = lower[end..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(lower.len(), |n| end + n);
    let inverted = payers.iter().any(|&(payer_start, payer_end)| {
        lower.get(word_end..payer_start).is_some_and(|between| {
            let mut words = between.split_whitespace();
            !between.contains(['.', '!', '?', ';', '\n', ':', ',', '،', '。'])
                && words.clone().count() <= 1
                && words.all(|w| ARTICLES.contains(&bare(w).as_str()))
                && !lower[payer_end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(first_person)
        })
    });
    if inverted {
        return true;
    }
    let subject = payers.iter().any(|&(payer_start, payer_end)| {
        let Some(between) = lower.get(payer_end..start) else {
            return false;
        };
        // Vietnamese "Khách ơi, chuyển thẳng MoMo cho em": the customer called, not a subject.
        if between
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(bare(w).as_str(), "ơi" | "oi"))
        {
            return false;
        }
        let mut before = lower[..payer_start].split_whitespace().rev().map(bare);
        let served = match before.next() {
            Some(w) if ARTICLES.contains(&w.as_str()) => before
                .next()
                .is_some_and(|w| FOR_WORDS.contains(&w.as_str())),
            Some(w) => FOR_WORDS.contains(&w.as_str()),
            None => false,
        };
        start - payer_end <= REACH
            && !served
            && !between.contains(['.', '!', '?', ';', '\n', ':', '،', '。'])
            && between.split_whitespace().count() <= 5
            && !between
                .split_whitespace()
                .any(|w| FIRST_PERSON_SUBJECTS.contains(&bare(w).as_str()))
    });
    if !subject {
        return false;
    }
    let before = lower[..start].split_whitespace().next_back().unwrap_or("");
    let after = lower[end..].split_whitespace().next().unwrap_or("");
    // The cue may hold the object itself ("pay me").
    !(first_person(before)
        || first_person(after)
        || lower[start..end].split_whitespace().any(first_person))
}

/// Whether `between`, the words from one word of paying of third parties to the next, keeps
/// to their clause: no sentence ends, no "but", no one else ("me", "you") named.
fn continues_their_clause(between: &str) -> bool {
    const YOU: &[&str] = &["you", "your", "yours", "u"];
    !between.contains(['.', '!', '?', ';', '\n', ':', '،', '。'])
        && between.split_whitespace().count() <= 12
        && !between.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            FIRST_PERSON_OBJECTS.contains(&w)
                || FIRST_PERSON_SUBJECTS.contains(&w)
                || BUT_WORDS.contains(&w)
                || YOU.contains(&w)
        })
}

/// Whether `clause` names a card as a way of paying ("card", "carta", "karty", "карткою",
/// "kredi kartı", "tarjeta", "cartão"): words starting so, folded like the text.
fn names_a_card(clause: &str) -> bool {
    const CARD: &[&str] = &[
        "card", "carta", "carte", "cartão", "cartao", "tarjeta", "karte", "kart", "карт",
    ];
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| CARD.iter().any(|c| w.starts_with(c)))
}

/// Whether a word of paying among `hits` has a first-person object beside it or inside it
/// ("pay me", "paghi a me", "mujhe pay karo").
fn pays_someone(lower: &str, hits: &[(usize, usize, CueRole)]) -> bool {
    let first_person =
        |w: &str| FIRST_PERSON_OBJECTS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()));
    hits.iter()
        .filter(|h| h.2 == CueRole::Pay)
        .any(|&(start, end, _)| {
            lower[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(first_person)
                || lower[end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(first_person)
                || lower[start..end].split_whitespace().any(first_person)
        })
}

/// Whether the platform's own way named at `start..end` of `lower` (an `inside` cue) is
/// denied or compared against, so that it is the way around the platform.
fn platforms_way_denied(lower: &str, start: usize, end: usize) -> bool {
    denied_before(lower, start) || denied_around_unspaced(lower, start, end)
}

/// Whether an `inside` cue at `start..end` of `lower`, in a script written without spaces,
/// is denied the way Chinese, Japanese and Korean deny it: "别在平台内付款" (a negation
/// just before it), "サイト内ではなく", "플랫폼에서 말고" (one just after it).
fn denied_around_unspaced(lower: &str, start: usize, end: usize) -> bool {
    const BEFORE: &[char] = &['别', '別', '不', '勿', '没', '沒', '非', '比'];
    const AFTER: &[&str] = &[
        "ではなく",
        "じゃなく",
        "以外",
        "じゃない",
        "아니라",
        "아닌",
        "말고",
        "而不是",
        "之外",
    ];
    let head = &lower[crate::normalize::floor_char_boundary(lower, start.saturating_sub(9))..start];
    let tail = lower[end..].trim_start();
    head.chars().any(|c| BEFORE.contains(&c)) || AFTER.iter().any(|a| tail.starts_with(a))
}

/// Whether `text` (a clause, normalised) says the channel or payment it talks about is the
/// subject of the work ("integrate", "checkout", "storefront", "an app like…": a `work` cue
/// of `data/offplatform`). The intent model's reading of such a clause at medium confidence
/// yields to it.
pub(crate) fn names_the_work_in(text: &Normalized<'_>) -> bool {
    // Capitals of every script lowered already.
    let lower = text.lower();
    shared()
        .held_cues(lower)
        .into_iter()
        .any(|(start, end, cue)| {
            if !cue.roles.contains(&CueRole::Work) || cue.stem {
                return false;
            }
            // A whole word, not the start or end of another ("both", "доработки", "البوتيم"):
            // the stricter reading, since this one overrules the model.
            let whole = stands_alone(lower, start, end);
            // An ASCII phrase read in letters that had marks ("bớt" folds to "bot").
            let (original_start, original_end) = text.original_span(start, end);
            let unmarked = !cue.phrase.is_ascii()
                || text
                    .original
                    .get(original_start..original_end)
                    .is_some_and(str::is_ascii);
            whole && unmarked
        })
}

/// Whether `word` (folded, lower-cased ASCII) is all of one channel's name: a messenger,
/// network, meeting tool or payment rail.
pub(crate) fn is_channel_name(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    shared().mention_regex.find_iter(&word).any(|m| {
        m.start() == 0
            && m.end() == word.len()
            && channel_names()
                .get(m.pattern().as_usize())
                .is_some_and(|c| c.word == WordClass::Name)
    })
}

/// The channel detector's findings in `text`, from the detector every scan shares.
pub(crate) fn detect_shared(text: &Normalized<'_>, scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
    shared().detect(text, scan, out);
}

/// Messengers and networks that `text` names as a way to talk, near a value or not: by a
/// name that is only ever the channel's, or by an ordinary one in a strong place (after a
/// preposition: "sa Maya", "no zap"); not as the subject of the work ("the Telegram bot")
/// nor after a refusal ("I don't use WhatsApp"). A conversation keeps such a name when a
/// later message of it gives the value ([`crate::conversation`]): "do you have LINE?" then
/// "add ploy.craft". Payment rails too ("M-Pesa", then "0701", then "556 213"), and an
/// everyday word that is the whole message or that a number follows ("wp: 0533").
pub(crate) fn named_channels(text: &Normalized<'_>) -> Vec<Finding> {
    let lower = text.lower();
    let mut out = Vec::new();
    for m in shared().mention_regex.find_iter(lower) {
        let Some(channel) = channel_names().get(m.pattern().as_usize()) else {
            continue;
        };
        if !matches!(channel.kind, Kind::Messenger | Kind::Social | Kind::Payment) {
            continue;
        }
        // A name that is the whole message ("বিকাশ", "M-Pesa") or that a number follows
        // ("wp: 0533", "WA ke 0857-2290-") names the channel of the value sent next.
        let alone = lower[..m.start()].trim().is_empty()
            && lower[m.end()..]
                .trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
                .is_empty();
        let before_number = value_start_after_name(lower, m.end(), 2).is_some_and(|at| {
            !lower[m.end()..at].trim().is_empty()
                && (lower.as_bytes()[at].is_ascii_digit() || lower.as_bytes()[at] == b'+')
        });
        let strong = channel.word != WordClass::Ordinary
            || alone
            || before_number
            || after_preposition(lower, m.start())
            || before_postposition(lower, m.end());
        if !strong
            || WORK_NOUNS.contains(&next_word(lower, m.end()))
            || crate::context::refused_before(lower, m.start())
        {
            continue;
        }
        let (start, end) = text.original_span(m.start(), m.end());
        out.push(channel.finding(start, end, 0.8, "channels/named_in_conversation"));
    }
    out
}

/// The channels named in the sentence `from..to` of the original text of a request of
/// `kind` (a payment request names rails; a request for contact names messengers, networks
/// and meeting tools). A name that is also an everyday word counts where it is written as a
/// name: after a preposition or before a postposition ("über Teams", "Momo cho mình"), glued
/// to a sentence of a script that joins words ("LINEで"), with its capital inside the
/// sentence ("un Lydia"), or in a script other than Latin. Not before a word of work ("a
/// WhatsApp bot") nor after a refusal.
pub(crate) fn channels_named_in(
    text: &Normalized<'_>,
    from: usize,
    to: usize,
    kind: Kind,
) -> Vec<Finding> {
    let lower = text.lower();
    let (start, end) = (
        text.folded_offset(from),
        text.folded_offset(to).min(lower.len()),
    );
    if start >= end {
        return Vec::new();
    }
    let input = Input::new(lower).range(start..end);
    let mut out = Vec::new();
    // Whether each finding of `out` comes from a generic word for a way of paying.
    let mut methods = Vec::new();
    for m in shared().mention_regex.find_iter(input) {
        let Some(channel) = channel_names().get(m.pattern().as_usize()) else {
            continue;
        };
        let fits = match kind {
            Kind::Payment => channel.kind == Kind::Payment,
            _ => matches!(channel.kind, Kind::Messenger | Kind::Social | Kind::Meeting),
        };
        // In a request to pay, a rail's account is where the money goes ("send the balance
        // to my GTB account", "PayPal account ko").
        let work = match next_word(lower, m.end()) {
            "account" | "accounts" if channel.kind == Kind::Payment => false,
            // A gift card's code is what is sent: "send me a $150 Amazon gift card code".
            "code" | "codes" if channel.value == "gift-card" => false,
            word => WORK_NOUNS.contains(&word),
        };
        // A generic word glued to the letters of a longer word of a spaced script is that
        // word: "крипту" in "скрипту" (but "Amazonギフト券" is a gift card).
        let method = channel.file == METHODS_FILE;
        let spaced = |c: char| c.is_alphabetic() && (c.is_ascii() || is_cyrillic(c));
        if method
            && lower[m.start()..].chars().next().is_some_and(spaced)
            && lower[..m.start()].chars().next_back().is_some_and(spaced)
        {
            continue;
        }
        if !fits
            || work
            || crate::context::refused_before(lower, m.start())
            || crate::context::put_aside_after(&lower[m.end()..])
        {
            continue;
        }
        let (span_start, span_end) = text.original_span(m.start(), m.end());
        let written = text.original.get(span_start..span_end).unwrap_or("");
        let capital_inside = written.chars().next().is_some_and(char::is_uppercase)
            && text.original[..span_start]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ',');
        let as_a_name = channel.word == WordClass::Name
            || after_preposition(lower, m.start())
            || before_postposition(lower, m.end())
            || glued_to_joined_script(lower, m.end())
            || capital_inside
            || !written.is_ascii();
        if as_a_name {
            out.push(channel.finding(span_start, span_end, 0.7, "channels/named_in_request"));
            methods.push(method);
        }
    }
    // A rail named by its brand says more than a generic word beside it: "to my PayPal
    // account" is PayPal, not a bank.
    if methods.contains(&false) && methods.contains(&true) {
        let mut generic = methods.iter();
        out.retain(|_| generic.next() != Some(&true));
    }
    out
}

impl Detector for ChannelDetector {
    fn name(&self) -> &'static str {
        "channels"
    }

    fn kinds(&self) -> &'static [Kind] {
        &[
            Kind::Messenger,
            Kind::Social,
            Kind::Meeting,
            Kind::Payment,
            Kind::Solicitation,
        ]
    }

    fn detect(&self, text: &Normalized<'_>, scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        let first_new = out.len();
        self.detect_in(text, scan, out);
        // A handle spelled out letter by letter after a channel's name ("IG: @ b e l l a . n a i
        // l s", "tg: @ k i r a _ d e v") is whole in the compact view, which joins such runs:
        // read the handles there when this text has one and the text itself gave none.
        let compact = text.compact();
        if compact.contains('@')
            && compact != text.folded()
            && !out[first_new..].iter().any(|f| f.rule == "channels/handle")
        {
            let joined = Normalized::new(compact);
            let mut found = Vec::new();
            self.detect_in(&joined, scan, &mut found);
            for mut f in found.into_iter().filter(|f| f.rule == "channels/handle") {
                let Some((start, end)) = text.compact_span(f.start, f.end) else {
                    continue;
                };
                f.start = start;
                f.end = end;
                out.push(f);
            }
        }
    }
}

impl ChannelDetector {
    /// [`Detector::detect`] on one view of a text.
    fn detect_in(&self, text: &Normalized<'_>, _scan: &ScanContext<'_>, out: &mut Vec<Finding>) {
        // Cue words are written in lower case; a sentence may start with a capital in any
        // script ("Скиньте номер"), which the lower-cased view has already lowered.
        let lower = text.lower();
        if self.triggers.as_ref().is_some_and(|t| !t.is_match(lower)) {
            // No shape can match; a name in another script may still carry a handle.
            handles_after_names(text, lower, &mut Default::default(), out);
            return;
        }
        let span = |s: usize, e: usize| text.original_span(s, e);
        let first_new = out.len();
        let mut shaped: std::collections::HashSet<(usize, usize)> = Default::default();
        // Most texts match no shape: one pass over the text says so.
        let mut located = self.patterns.locate(lower);
        for shape_idx in located.patterns_starting(0..self.shapes.len()) {
            let (Some(shape), Some(reader)) = (
                self.shapes.get(shape_idx),
                self.shape_readers.get(shape_idx),
            ) else {
                continue;
            };
            let found = located.matches_of(shape_idx, |span| {
                reader.read(&self.channel_rows, lower, span)
            });
            for ShapeMatch {
                whole,
                name: chan,
                channel,
                handle,
            } in found
            {
                if (shape.payment_only && channel.kind != Kind::Payment)
                    || (shape.rule == "channels/call_invitation" && channel.kind == Kind::Payment)
                {
                    continue;
                }
                // An ordinary word ("signal", "line", "teams") is a channel in a weak shape
                // only when it ends the clause: "let's switch to signal, it's faster".
                if channel.word == WordClass::Ordinary
                    && match shape.ordinary {
                        OrdinaryWords::Anywhere => false,
                        OrdinaryWords::EndOfClause => !ends_clause(lower, chan.end),
                        OrdinaryWords::EndOfQuestion => !ends_question(lower, chan.end),
                    }
                {
                    continue;
                }
                if shape.check_work_noun && WORK_NOUNS.contains(&next_word(lower, chan.end)) {
                    continue;
                }
                // The shape's leading words are Latin ("ta", "tu", "hai"): folded from another
                // script they are other words (Ukrainian "та" is "and").
                if whole.start < chan.start
                    && lower.as_bytes()[whole.start].is_ascii_alphabetic()
                    && !starts_latin(text, whole.start)
                {
                    continue;
                }
                if shape.rule == ACCOUNT_ID_RULE
                    && !handle.is_some_and(|h| self.is_account_id(channel, &lower[h.range()]))
                {
                    continue;
                }
                if shape.check_handle {
                    if let Some(handle) = handle {
                        let h = lower[handle.range()].trim_end_matches(['.', '-']);
                        if crate::lexicon::NOT_A_NAME.contains(&h)
                            || WORK_NOUNS.contains(&h)
                            || h.len() < 2
                        {
                            continue;
                        }
                        if channel.word == WordClass::Ordinary
                            && !ordinary_word_handle(lower, whole.start, chan.end, handle)
                        {
                            continue;
                        }
                        // "pediu meu WhatsApp e quis pagar": an unaccented "e" is Portuguese
                        // and Italian "and", not "é"/"è" folded; only a handle-shaped word
                        // (a digit, dot or underscore in it, or an "@" before it) follows it
                        // as the channel's name.
                        if shape.rule == "channels/my_handle" {
                            let (between_start, _) = span(chan.end, handle.start);
                            let (handle_start, handle_end) = span(handle.start, handle.end);
                            let between = text.original.get(between_start..handle_start);
                            let is_and = between.is_some_and(|b| {
                                b.trim_end_matches('@').split_whitespace().last() == Some("e")
                            });
                            let handle_shaped = between.is_some_and(|b| b.ends_with('@'))
                                || text
                                    .original
                                    .get(handle_start..handle_end)
                                    .is_some_and(|h| {
                                        h.trim_end_matches(['.', '-'])
                                            .chars()
                                            .any(|c| c.is_ascii_digit() || c == '.' || c == '_')
                                    });
                            if is_and && !handle_shaped {
                                continue;
                            }
                            // "My Viber is exploding with good-morning pictures", "my
                            // telegram is crazy today": a word of the language says how the
                            // app is, not what the writer is called there.
                            if !handle_shaped
                                && (crate::lexicon::is_ordinary_word(h)
                                    || (h.len() > 5 && h.ends_with("ing")))
                            {
                                continue;
                            }
                        }
                    }
                }
                // "most of our users pay via M-Pesa": how others pay is the product's talk.
                if shape.rule == "channels/pay_via" && third_party_payer(lower, whole.start) {
                    continue;
                }
                // "your friends and family": an ordinary word is no payment method asked for.
                if shape.rule == "channels/ask"
                    && channel.kind == Kind::Payment
                    && channel.word == WordClass::Ordinary
                {
                    continue;
                }
                let (start, end) = span(whole.start, whole.end);
                // "withdraw my earnings to the bank account", "platform ke checkout mein
                // UPI": a payment shape in a clause that names the platform's own way.
                if channel.kind == Kind::Payment && clause_names_the_platforms_way(text, start, end)
                {
                    continue;
                }
                shaped.insert((chan.start, chan.end));
                out.push(channel.finding(start, end, 0.9, shape.rule));
                if shape.solicits {
                    out.push(Finding::new(
                        Kind::Solicitation,
                        None,
                        start,
                        end,
                        0.8,
                        shape.rule,
                    ));
                }
            }
        }
        handles_after_names(text, lower, &mut shaped, out);
        // Plain mentions: kept by the context step only next to a concrete contact value,
        // so there is nothing to look for when the earlier detectors found none.
        let concrete_found = out.iter().any(|f| {
            matches!(f.kind, Kind::Email | Kind::Phone | Kind::Url)
                || f.rule.starts_with("link/")
                || f.rule.starts_with("payment_ids/")
        });
        let mut mentions = Vec::new();
        if concrete_found && lower.len() <= SHORT_TEXT {
            mentions.extend(self.mention_regex.find_iter(lower));
        } else if concrete_found {
            // A long text: only where a mention can be kept.
            for (start, end) in mention_windows(text, lower, out) {
                let input = regex_automata::Input::new(lower).range(start..end);
                mentions.extend(self.mention_regex.find_iter(input));
            }
        }
        for chan in mentions {
            if shaped.contains(&(chan.start(), chan.end())) {
                continue;
            }
            let Some(channel) = channel_names().get(chan.pattern().as_usize()) else {
                continue;
            };
            if channel.file == METHODS_FILE {
                continue;
            }
            // An ordinary word ("x", "line", "signal") next to a number is still an ordinary
            // word: "120 x 60 x 75 mm". A payment rail's ordinary name after a preposition
            // ("sa Maya na lang po, 0921 330 7785") names the rail.
            let rail_named =
                channel.kind == Kind::Payment && after_preposition(lower, chan.start());
            if channel.word == WordClass::Ordinary
                && !rail_named
                && self.introduces_number(text, lower, chan.start(), chan.end(), channel, out)
            {
                let (start, end) = span(chan.start(), chan.end());
                out.push(channel.finding(start, end, 0.85, "channels/next_to_contact"));
                continue;
            }
            if (channel.word == WordClass::Ordinary
                && !rail_named
                && !glued_to_joined_script(lower, chan.end()))
                || (WORK_NOUNS.contains(&next_word(lower, chan.end()))
                    && !wallet_account_number(lower, chan.end(), channel))
            {
                continue;
            }
            let (start, end) = span(chan.start(), chan.end());
            out.push(channel.finding(start, end, 0.5, "channels/mention"));
        }
        let request_patterns = self.shapes.len()..self.shapes.len() + self.requests.len();
        let mut payers: Option<Vec<(usize, usize)>> = None;
        for pattern_idx in located.patterns_starting(request_patterns) {
            let Some(request) = self.requests.get(pattern_idx - self.shapes.len()) else {
                continue;
            };
            for m in located.matches_of(pattern_idx, Some) {
                let clause = crate::context::clause_around(lower, m.start, m.end);
                if request.needs_money_word && !self.money_words.is_match(clause) {
                    continue;
                }
                if request.needs_talk_word && !self.talk_words.is_match(clause) {
                    continue;
                }
                // "send me your email template": the thing asked for is work, not contact;
                // "what's your order number", "your number one tip": another number.
                if request.rule == "request/ask_contact"
                    && (WORK_NOUNS.contains(&next_word(lower, m.end))
                        || names_other_number(lower, m.start, m.end))
                {
                    continue;
                }
                // "users may share their personal contact information", "I'm in direct
                // contact with the owner": someone else's details, or a state, not a request.
                if request.rule == "request/direct_contact"
                    && names_someone_elses_contact(lower, m.start, m.end)
                {
                    continue;
                }
                // "Our customers pay cash or M-Pesa on delivery": how third parties pay (the
                // payer nouns looked up once a text, at its first request to pay).
                if request.payment
                    && paid_by_third_parties(
                        lower,
                        payers.get_or_insert_with(|| payer_spans(lower, &self.held_cues(lower))),
                        m.start,
                        m.end,
                    )
                {
                    continue;
                }
                let (start, end) = span(m.start, m.end);
                // "you fit message me directly on this chat": a request to talk that names
                // the platform's own way asks for nothing outside it; nor does "directly"
                // said of paying there ("I'll pay you directly, straight from the dashboard
                // here", "payment direct milestone se release kar dijiye").
                if (!request.payment || request.rule == "request/pay_directly")
                    && clause_names_the_platforms_way(text, start, end)
                {
                    continue;
                }
                if request.payment {
                    out.push(Finding::new(
                        Kind::Payment,
                        None,
                        start,
                        end,
                        0.75,
                        request.rule,
                    ));
                }
                if request.solicitation {
                    out.push(Finding::new(
                        Kind::Solicitation,
                        None,
                        start,
                        end,
                        0.75,
                        request.rule,
                    ));
                }
            }
        }
        let folded = text.folded();
        if may_hold_cashtag(folded) {
            for caps in self.cashtag.captures_iter(folded) {
                let Some(tag) = caps.name("tag") else {
                    continue;
                };
                let t = tag.as_str();
                // "$USD", "$AAPL": currency codes and tickers are upper case.
                if !t.bytes().any(|b| b.is_ascii_lowercase()) {
                    continue;
                }
                let cash_app_named = lower.contains("cash app") || lower.contains("cashapp");
                // A shell or Perl variable ("$line", "Rich $alz") is no cash tag: without the
                // app named, one counts only as a whole word in a clause about money.
                if !cash_app_named {
                    let before = tag.start().checked_sub(2).map(|i| folded.as_bytes()[i]);
                    let after = folded.as_bytes().get(tag.end()).copied();
                    let whole_word = before.is_none_or(|b| b.is_ascii_whitespace())
                        && after.is_none_or(|b| b.is_ascii_whitespace() || b",.!?".contains(&b));
                    let clause = crate::context::clause_around(lower, tag.start(), tag.end());
                    if !whole_word || !self.money_words.is_match(clause) {
                        continue;
                    }
                }
                let (start, end) = span(tag.start() - 1, tag.end());
                out.push(Finding::new(
                    Kind::Payment,
                    Some("cashapp".into()),
                    start,
                    end,
                    if cash_app_named { 0.95 } else { 0.6 },
                    "channels/cashtag",
                ));
            }
        }
        // A byte test before the substring search: most texts have no colon.
        let lower_bytes = lower.as_bytes();
        if lower_bytes.contains(&b':') && lower.contains("live:") {
            for m in self.skype_live.find_iter(lower) {
                let (start, end) = span(m.start(), m.end());
                out.push(Finding::new(
                    Kind::Messenger,
                    Some("skype".into()),
                    start,
                    end,
                    0.9,
                    "channels/skype_live_id",
                ));
            }
        }
        self.cue_requests(text, lower, out);
        // Bytes, not characters: `@` and `/` are single bytes in UTF-8.
        if memchr::memchr2(b'@', b'/', lower.as_bytes()).is_some() {
            self.handles_and_paths(text, lower, out);
        }
        drop_inside_links(out, first_new);
        drop_vietnamese_words(text.original, out, first_new);
        let meeting_pattern = self.shapes.len() + self.requests.len();
        for m in located.matches_of(meeting_pattern, Some) {
            let (start, end) = span(m.start, m.end);
            out.push(Finding::new(
                Kind::Meeting,
                Some("zoom".into()),
                start,
                end,
                0.85,
                "channels/meeting_id",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Region;

    #[test]
    fn other_numbers_have_no_empty_word() {
        // `names_other_number` looks a word up in the run of its first byte.
        assert!(OTHER_NUMBERS.iter().all(|w| !w.is_empty()));
        assert!(names_other_number("your number ticket 5", 0, 11));
        assert!(names_other_number("номер заказа", 0, "номер".len()));
        assert!(!names_other_number("your number please", 0, 11));
    }

    #[test]
    fn unspaced_negations_are_never_ascii() {
        // `unspaced_negation_after` skips ASCII text without searching it.
        assert!(UNSPACED_NEGATIONS_AFTER.iter().all(|n| !n.is_ascii()));
        assert!(!unspaced_negation_after("paypal please, no fees"));
        assert!(unspaced_negation_after("我一律唔收"));
        assert!(!unspaced_negation_after("不收手续费"));
    }

    #[test]
    fn mention_windows_hold_every_mention_that_can_be_kept() {
        let lines = [
            "whatsapp +44 7911 123456",
            "telegram is where we chat",
            "ａｌｅｘ＠ｇｍａｉｌ．ｃｏｍ on skype",
            "call 415-839-2716 or viber, thanks",
            "line up the photos on the left",
            "paypal.me/lenaw or venmo",
            "the   green   app: alex@example.com",
            "nothing here at all, just words and a zoom sdk",
        ];
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 4 * SHORT_TEXT {
            text.push_str(lines[k % lines.len()]);
            text.push_str(&", and so on".repeat(k % 13));
            text.push_str(if k % 3 == 0 { "\n" } else { ". " });
            // Talk far from any value: its mentions can never be kept.
            text.push_str(&"we talked about telegram and skype yesterday, fine, ".repeat(k % 5));
            k += 1;
        }
        let normalized = Normalized::new(&text);
        let scan = ScanContext {
            region: Region::US,
            fallback_regions: &[],
        };
        let mut out = Vec::new();
        for detector in crate::detectors::all() {
            if detector.name() == "channels" {
                break;
            }
            detector.detect(&normalized, &scan, &mut out);
        }
        let lower = normalized.lower();
        let windows = mention_windows(&normalized, lower, &out);
        assert!(windows.windows(2).all(|w| w[0].1 < w[1].0), "sorted, apart");
        let mention_regex = ChannelDetector::default().mention_regex;
        let whole: Vec<_> = mention_regex.find_iter(lower).collect();
        let through_windows: Vec<_> = windows
            .iter()
            .flat_map(|&(start, end)| {
                let input = regex_automata::Input::new(lower).range(start..end);
                mention_regex.find_iter(input).collect::<Vec<_>>()
            })
            .collect();
        // Exactly the whole text's mentions that lie in a window...
        let inside: Vec<_> = whole
            .iter()
            .filter(|m| windows.iter().any(|&(s, e)| s <= m.start() && m.end() <= e))
            .copied()
            .collect();
        assert_eq!(through_windows, inside);
        // ...and among them every mention the context step can keep.
        let concrete: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
        let mut n_near = 0;
        for m in &whole {
            let (start, end) = normalized.original_span(m.start(), m.end());
            let near = concrete.iter().any(|&(cs, ce)| {
                (end..end + 41).contains(&cs) || (ce <= start && start - ce <= 25)
            });
            if near {
                n_near += 1;
                assert!(through_windows.contains(m), "{:?}", &lower[m.range()]);
            }
        }
        assert!(n_near > 50, "{n_near}");
        assert!(
            through_windows.len() < whole.len(),
            "the windows leave some text out"
        );
    }

    #[test]
    fn matches_from_the_starts_are_every_match_of_the_whole_text() {
        let lines = [
            "ping me on skype please",
            "let's switch to telegram, it is faster",
            "my weixin is hrossi",
            "pay me via paypal and skip the fees",
            "pay me pay me via paypal to me, paypal only",
            "what's your number?",
            "could you build a telegram bot",
            "venmo: @nadia_k",
            "paypal: alex@example.com or my paypal is alex_b",
            "I accept payoneer",
            "we can talk outside the platform",
            "whatsapp me, are you on telegram? do you have a skype, your line",
            "hmu on snap, nobody takes a cut, fee-free, contact me directly",
            "let's talk outside, here's my number, send me your email",
            "wa wa x x tg ig in on to my me",
            "zoom id: 123 456 7890, meeting #987-6543-210 zoom no 1234567890123",
        ];
        // Every line at many offsets, with filler that matches nothing in between.
        let mut lower = String::new();
        let mut k = 0;
        while lower.len() < 24 * 1024 {
            lower.push_str(lines[k % lines.len()]);
            lower.push(' ');
            lower.push_str(&"ok ".repeat(k % 97));
            k += 1;
        }
        let detector = ChannelDetector::default();
        let mut located = detector.patterns.locate(&lower);
        let (shapes, requests) = pattern_table();
        let sources = shapes.iter().map(|(source, _)| source.as_str());
        let sources = sources.chain(requests.iter().map(|(source, _)| source.as_str()));
        let sources = sources.chain([MEETING_ID]);
        let mut n_matches = 0;
        for (idx, source) in sources.enumerate() {
            let regex = crate::lexicon::ascii_regex(source);
            let reader = detector.shape_readers.get(idx);
            // The whole match, and in a shape the channel's name and the handle.
            let from_starts = located.matches_of(idx, |span| {
                let read =
                    reader.and_then(|reader| reader.read(&detector.channel_rows, &lower, span));
                let parts = read.map(|m| (m.name.range(), m.handle.map(|h| h.range())));
                Some((span.range(), parts))
            });
            let whole: Vec<_> = regex
                .captures_iter(&lower)
                .map(|caps| {
                    let name = caps.name("ch").map(|m| m.range());
                    let handle = caps.name("handle").map(|m| m.range());
                    (
                        caps.get(0).map(|m| m.range()).unwrap_or_default(),
                        name.map(|name| (name, handle)),
                    )
                })
                .collect();
            n_matches += whole.len();
            assert_eq!(from_starts, whole, "{source}");
        }
        assert!(n_matches > 200, "{n_matches}");
    }

    #[test]
    fn a_korean_cue_starts_a_word() {
        let asks = |text: &str| found(text).iter().any(|(k, _, _)| *k == Kind::Solicitation);
        assert!(asks("번호 알려주세요, 연락드릴게요"));
        // The number of an order is no phone number asked for.
        assert!(!asks("주문번호 알려주시면 바로 확인해볼게요."));
    }

    #[test]
    fn the_platforms_way_denied_is_the_way_around_it() {
        let denied = |text: &str| denied_before(text, text.find("through").unwrap());
        assert!(denied("pay me without going through the platform"));
        assert!(denied("send it, no need to go through the platform"));
        assert!(!denied("I only take payment through the platform"));
        assert!(!denied("no payments except through the platform"));
        assert!(!denied("no, let's keep it through the platform"));
        assert!(!denied("send it through the platform"));
        // Compared against or replaced: the way around it too.
        assert!(denied("Twint is faster than going through the platform"));
        assert!(denied("pay me directly instead of through the platform"));
        assert!(denied(
            "paid straight to my account rather than through the platform"
        ));
        assert!(!denied("no other way than through the platform"));
        assert!(!denied("no payment other than through the platform"));
    }

    #[test]
    fn a_clause_naming_the_platforms_way_asks_for_no_other() {
        assert!(names_the_platforms_way(
            "I'll pay the next milestone through the platform as usual"
        ));
        assert!(names_the_platforms_way("оплата через сайт, как обычно"));
        assert!(!names_the_platforms_way(
            "pay me directly instead of through the platform"
        ));
        assert!(!names_the_platforms_way("let's settle the rest between us"));
    }

    #[test]
    fn a_rails_ordinary_name_with_a_number_and_a_word_of_paying_is_the_rail() {
        let engine = crate::Engine::new(crate::EngineOptions::default());
        let payments = |text: &str, region: Region| -> Vec<Option<String>> {
            engine
                .scan(text, Some(region))
                .into_iter()
                .filter(|f| f.kind == Kind::Payment)
                .map(|f| f.value)
                .collect()
        };
        let ph = Region::parse("PH").unwrap();
        assert!(payments(
            "Sa Maya na lang po ninyo ipadala yung natitirang balance, 0917 551 2834, para \
             hindi na dumaan sa platform.",
            ph
        )
        .contains(&Some("maya".to_owned())));
        // The same name as a person, with a number and no word of paying: no rail.
        assert!(
            !payments("Maya will call you tomorrow on 0917 551 2834", ph)
                .contains(&Some("maya".to_owned()))
        );
    }

    #[test]
    fn a_longer_cue_that_fails_its_boundary_does_not_hide_a_shorter_one() {
        // Portuguese "me paga" (a whole word) starts "me pagas"; Spanish "pag*" must still
        // read "pagas" as a word of paying.
        for (text, value) in [
            ("me pagas por PayPal y listo", "paypal"),
            ("si quieres me pagas por Revolut", "revolut"),
            ("me pagaste por Zelle la otra vez, hazlo igual", "zelle"),
        ] {
            assert!(has(text, Kind::Payment, Some(value)), "{text}");
        }
        // The longer cue that holds still takes the words it covers.
        assert!(has("me paga no PayPal", Kind::Payment, Some("paypal")));
    }

    #[test]
    fn a_handle_in_the_sentence_of_a_channels_name_is_on_it() {
        assert!(has(
            "the paper-plane app is easier for files, I'm @k_voronin there",
            Kind::Messenger,
            Some("telegram")
        ));
        assert!(has(
            "Пишите сразу в тг: @anna_hr_it",
            Kind::Messenger,
            Some("telegram")
        ));
        // ID words of other languages, before or after the name.
        assert!(has(
            "Telegram kullanıcı adım: emre_codes, oradan devam edelim",
            Kind::Messenger,
            Some("telegram")
        ));
        assert!(has(
            "LINEのIDは yuki.design_jp です",
            Kind::Messenger,
            Some("line")
        ));
        assert!(has(
            "ID LINE aku nanda.art ya kak",
            Kind::Messenger,
            Some("line")
        ));
        let messenger = |text: &str| found(text).iter().any(|(k, _, _)| *k == Kind::Messenger);
        assert!(!messenger("Build a Telegram bot that replies to @mentions"));
        // An ordinary word without a preposition before it is the word.
        assert!(!messenger("the bottom line for @maria is the budget"));
    }

    #[test]
    fn wechat_pay_is_found_before_wechat() {
        assert!(has(
            "you can pay me via WeChat Pay instead",
            Kind::Payment,
            Some("wechat-pay")
        ));
        assert!(has(
            "微信转账给我就行，不用走平台",
            Kind::Payment,
            Some("wechat-pay")
        ));
    }

    #[test]
    fn a_verb_last_negation_after_a_request_for_the_number_is_a_refusal() {
        let asks = |text: &str| {
            found(text)
                .iter()
                .any(|(_, _, rule)| *rule == "request/ask_contact")
        };
        assert!(asks("कृपया आपका नंबर भेजिए"));
        assert!(!asks("माफ़ कीजिए, कॉन्ट्रैक्ट से पहले आपका नंबर नहीं चाहिए"));
        assert!(!asks("ببخشید، قبل از قرارداد شماره تماس نمیدم"));
    }

    #[test]
    fn context_counts_characters_and_reads_a_report_in_the_next_sentence() {
        let engine = crate::Engine::new(crate::EngineOptions::default());
        let kinds = |text: &str, region: &str| -> Vec<(Kind, Option<String>)> {
            engine
                .scan(text, Some(Region::parse(region).unwrap()))
                .into_iter()
                .map(|f| (f.kind, f.value))
                .collect()
        };
        // A channel named three Burmese words after the number is beside it.
        assert!(kinds("ဖုန်း ၀၉ ၄၅၀ ၁၂၃ ၄၅၆ ကို ဆက်ပါ၊ Viber လည်းရတယ်", "MM")
            .contains(&(Kind::Messenger, Some("viber".to_owned()))));
        // The writer reports the request in the sentence after it.
        assert!(kinds(
            "Заказчик предложил оплатить на карту мимо сервиса. Я пожаловался в поддержку.",
            "RU"
        )
        .is_empty());
        // A refusal answering the request asked back as a question.
        assert!(kinds(
            "¿Pagarte fuera de la plataforma? Lo siento, pero eso no.",
            "ES"
        )
        .is_empty());
        assert!(kinds(
            "Pagamenti fuori dalla piattaforma? No, grazie, non li accetto.",
            "IT"
        )
        .is_empty());
        // A question answered with a yes stays the request.
        assert!(!kinds(
            "Pay you outside the platform? Sure, I'll send it to your PayPal.",
            "US"
        )
        .is_empty());
        // A refusal of something else after an offer leaves the offer.
        assert!(kinds(
            "Pay me on PayPal instead. I refused to pay fees twice.",
            "US"
        )
        .contains(&(Kind::Payment, Some("paypal".to_owned()))));
    }

    fn found(text: &str) -> Vec<(Kind, Option<String>, &'static str)> {
        let mut out = Vec::new();
        let n = Normalized::new(text);
        ChannelDetector::default().detect(
            &n,
            &ScanContext {
                region: Region::US,
                fallback_regions: &[],
            },
            &mut out,
        );
        out.into_iter().map(|f| (f.kind, f.value, f.rule)).collect()
    }

    fn has(text: &str, kind: Kind, value: Option<&str>) -> bool {
        found(text)
            .iter()
            .any(|(k, v, rule)| *k == kind && v.as_deref() == value && *rule != "channels/mention")
    }

    #[test]
    fn invitations_and_handles() {
        assert!(has(
            "let's switch to telegram, it's faster",
            Kind::Messenger,
            Some("telegram")
        ));
        assert!(has(
            "let's switch to telegram, it's faster",
            Kind::Solicitation,
            None
        ));
        assert!(has(
            "tele gram: @abecker",
            Kind::Messenger,
            Some("telegram")
        ));
        assert!(has(
            "ping me on whats app",
            Kind::Messenger,
            Some("whatsapp")
        ));
        assert!(has("my weixin is hrossi", Kind::Messenger, Some("wechat")));
        assert!(has("line id: @zararossi66", Kind::Messenger, Some("line")));
        assert!(has("follow my x @rivanov", Kind::Social, Some("twitter")));
        assert!(has("venmo: @nadiamehta25", Kind::Payment, Some("venmo")));
        assert!(has("send it via wise please", Kind::Payment, Some("wise")));
        assert!(has(
            "I accept payoneer, it's cheaper",
            Kind::Payment,
            Some("payoneer")
        ));
        assert!(has("cash app $zara_lopez", Kind::Payment, Some("cashapp")));
        assert!(has(
            "if you pay me directly we both avoid the fees",
            Kind::Payment,
            None
        ));
        assert!(has("what's your phone number?", Kind::Solicitation, None));
        assert!(has(
            "is there somewhere else we can chat?",
            Kind::Solicitation,
            None
        ));
    }

    #[test]
    fn every_data_row_reads_and_every_canonical_value_is_known() {
        let names = crate::lexicon::read_channel_names().expect("channel data reads");
        let cues = crate::lexicon::read_cues().expect("cue data reads");
        assert!(
            names.len() > 100 && cues.len() > 400,
            "{} {}",
            names.len(),
            cues.len()
        );
        // The canonical values of /specs/labels.md.
        let known: &[(Kind, &[&str])] = &[
            (
                Kind::Social,
                &[
                    "instagram",
                    "facebook",
                    "linkedin",
                    "twitter",
                    "tiktok",
                    "snapchat",
                    "youtube",
                    "pinterest",
                    "reddit",
                    "github",
                    "vk",
                ],
            ),
            (
                Kind::Messenger,
                &[
                    "whatsapp",
                    "telegram",
                    "skype",
                    "discord",
                    "signal",
                    "wechat",
                    "line",
                    "viber",
                    "slack",
                    "kik",
                    "imessage",
                    "kakaotalk",
                    "zalo",
                    "imo",
                    "botim",
                    "qq",
                    "eitaa",
                    "rubika",
                    "bale",
                    "soroush",
                    "max",
                    "bip",
                    "icq",
                    "threema",
                    "session",
                ],
            ),
            (
                Kind::Meeting,
                &[
                    "zoom",
                    "google-meet",
                    "teams",
                    "calendly",
                    "webex",
                    "whereby",
                ],
            ),
            (
                Kind::Payment,
                &[
                    "paypal",
                    "venmo",
                    "cashapp",
                    "zelle",
                    "wise",
                    "payoneer",
                    "western-union",
                    "moneygram",
                    "revolut",
                    "skrill",
                    "iban",
                    "bank",
                    "card",
                    "crypto",
                    "upi",
                    "pix",
                    "mpesa",
                    "gcash",
                    "maya",
                    "alipay",
                    "paytm",
                    "phonepe",
                    "google-pay",
                    "apple-pay",
                    "payeer",
                    "perfect-money",
                    "gift-card",
                    "bizum",
                    "blik",
                    "interac",
                    "kaspi",
                    "jazzcash",
                    "easypaisa",
                    "bkash",
                    "nagad",
                    "vodafone-cash",
                    "orange-money",
                    "mtn-momo",
                    "airtel-money",
                    "instapay",
                    "yoomoney",
                    "qiwi",
                    "mercado-pago",
                    "gopay",
                    "ovo",
                    "dana",
                    "shopeepay",
                    "momo",
                    "zalopay",
                    "promptpay",
                    "twint",
                    "swish",
                    "vipps",
                    "mobilepay",
                    "lydia",
                    "paysafecard",
                    "neteller",
                    "webmoney",
                    "wechat-pay",
                ],
            ),
        ];
        for name in &names {
            let values = known.iter().find(|(k, _)| *k == name.kind).map(|(_, v)| *v);
            let other = name.kind == Kind::Payment && name.value == crate::lexicon::OTHER_RAIL;
            assert!(
                other || values.is_some_and(|v| v.contains(&name.value)),
                "{}",
                name.value
            );
            if let Some(id) = name.id_shape {
                assert!(regex::Regex::new(id).is_ok(), "{id}");
            }
        }
    }

    #[test]
    fn a_spelling_in_another_script_is_found_inside_a_sentence() {
        // Folding a literal alone must give what folding it inside a text gives.
        for name in crate::lexicon::channel_names() {
            if name.pattern.is_ascii() && name.bounded_start {
                continue;
            }
            let regex = regex::Regex::new(&name.pattern).expect("pattern compiles");
            assert!(!regex.is_match(""), "{}", name.pattern);
        }
        for (text, value) in [
            ("напиши мне в вотсап", "whatsapp"),
            ("пиши в ватсапе", "whatsapp"),
            ("راسلني على الواتساب", "whatsapp"),
            ("add me on व्हाट्सएप", "whatsapp"),
            ("加我微信 liwei88", "wechat"),
            ("카톡 아이디 minsu77", "kakaotalk"),
        ] {
            let n = Normalized::new(text);
            let detector = ChannelDetector::default();
            let hit = detector
                .mention_regex
                .find_iter(n.lower())
                .filter_map(|m| channel_names().get(m.pattern().as_usize()))
                .any(|c| c.value == value);
            assert!(hit, "{text}: {:?}", n.lower());
        }
    }

    #[test]
    fn the_gate_opens_for_every_abbreviated_handle() {
        // Each of these is found alone: no other word is needed to open the gate.
        for (text, kind, value) in [
            ("ig: @maya_runs", Kind::Social, "instagram"),
            ("tlgrm: @abecker", Kind::Messenger, "telegram"),
            ("skp: @oluwaseun_k", Kind::Messenger, "skype"),
            ("dc: @nightowl_77", Kind::Messenger, "discord"),
            ("w/a: @lena_k", Kind::Messenger, "whatsapp"),
            ("vx: @lin_wei88", Kind::Messenger, "wechat"),
            ("zalo: @ngoc_anh", Kind::Messenger, "zalo"),
            ("payeer P1023456789", Kind::Payment, "payeer"),
        ] {
            assert!(has(text, kind, Some(value)), "{text}: {:?}", found(text));
        }
        let detector = ChannelDetector::default();
        let gate = detector.triggers.as_ref().expect("the gate is derived");
        for name in channel_names().iter().filter(|c| c.pattern.is_ascii()) {
            // A literal spelling (no regex syntax) must open the gate by itself.
            if name.pattern.bytes().all(|b| b.is_ascii_alphanumeric()) {
                assert!(gate.is_match(name.pattern.as_str()), "{}", name.pattern);
            }
        }
        assert!(!gate.is_match("jjj zzz"));
    }

    #[test]
    fn off_platform_payment_in_every_cue_language() {
        for (text, value) in [
            (
                "For the next milestone, can you pay me via Wise instead?",
                Some("wise"),
            ),
            (
                "let's settle the balance directly, outside the platform",
                None,
            ),
            ("el resto págame por PayPal y listo", Some("paypal")),
            (
                "el siguiente hito me lo pagas directamente, sin comisión",
                None,
            ),
            (
                "o próximo marco você paga direto na minha conta, sem taxa",
                None,
            ),
            ("o resto você me paga no pix, fica mais fácil", Some("pix")),
            ("baaki payment seedha mere account me bhej do", None),
            (
                "agla milestone GPay pe kar dena, platform ke bahar",
                Some("google-pay"),
            ),
            ("le reste, tu peux me payer directement par virement", None),
            // "überweisen" is a bank transfer's own verb.
            ("den Rest kannst du mir direkt überweisen", Some("bank")),
            (
                "il resto pagami direttamente, fuori dalla piattaforma",
                None,
            ),
            ("sisanya bayar langsung ke rekening saya ya", None),
            (
                "yung natitira, bayaran mo na lang ako direkta sa GCash",
                Some("gcash"),
            ),
            ("kalanını doğrudan hesabıma öde", None),
            ("остаток переведи напрямую на карту", None),
            ("الباقي ادفعه مباشرة على حسابي", None),
            ("phần còn lại chuyển khoản trực tiếp cho tôi nhé", None),
        ] {
            assert!(has(text, Kind::Payment, value), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn look_alikes_of_off_platform_payment_raise_nothing() {
        for text in [
            "I'll pay the next milestone through the platform as usual",
            "el siguiente hito lo pago por la plataforma",
            "o resto eu pago pela plataforma, tudo certo",
            "I'll deliver the rest directly in the repo",
            "add Apple Pay to the checkout",
            "integrate M-Pesa STK push for the checkout",
            "preciso integrar o pix no checkout da loja",
            "my friends and family loved the logo",
            "the pix look great, thanks",
            "the bottom line is we need it by Friday",
            "our sales teams use the dashboard daily",
            "I have a background in signal processing",
            "that was a wise decision on the layout",
            "нужен бот для телеграм, который принимает заказы",
            "user1:x:1000:1000:User One:/home/user1:/bin/bash",
            "for line in $lines; do echo $line; done",
        ] {
            let strong: Vec<_> = found(text)
                .into_iter()
                .filter(|(_, _, r)| *r != "channels/mention")
                .collect();
            assert!(strong.is_empty(), "{text:?}: {strong:?}");
        }
    }

    #[test]
    fn words_around_a_channel_are_read_whatever_comes_before_them() {
        for text in [
            "👍on whatsapp 👍",
            "gracias. 👍 pix, ok",
            "é🙂no zap: @x_1",
            "👍",
        ] {
            let _ = found(text);
            assert!(!after_preposition(text, text.len()));
            assert!(!before_postposition(text, 0) || text.starts_with("pe"));
        }
        assert!(after_preposition("👍on ", "👍on ".len()));
    }

    #[test]
    fn a_messenger_asked_about_in_more_languages() {
        for (text, value) in [
            (
                "Bhai, imo chalate ho? Wahan video call pe dikha deta hoon",
                "imo",
            ),
            ("Apu, apni ki imo te achen? Thakle bolen", "imo"),
            (
                "Super. Bist du auf Signal? Würde dir die Korrekturen dort schicken",
                "signal",
            ),
            ("t'as snap ? jte montre le vélo en vidéo", "snapchat"),
        ] {
            assert!(
                found(text)
                    .iter()
                    .any(|(_, v, rule)| v.as_deref() == Some(value) && *rule == "channels/ask"),
                "{text:?}"
            );
        }
        assert!(found("bist du auf der Suche nach Ideen?").is_empty());
    }

    #[test]
    fn a_product_named_in_a_call_invitation_is_the_product() {
        assert!(has(
            "let's do a Teams call tomorrow",
            Kind::Meeting,
            Some("teams")
        ));
        assert!(has(
            "can we hop on a quick zoom call?",
            Kind::Meeting,
            Some("zoom")
        ));
        assert!(has(
            "I'll send you a google meet link",
            Kind::Meeting,
            Some("google-meet")
        ));
        assert!(found("our teams call it a sprint").is_empty());
    }

    #[test]
    fn work_talk_is_not_an_invitation() {
        for text in [
            "We need a Telegram bot for order notifications",
            "Integrate Venmo and PayPal buttons on checkout",
            "Build a Skype chat history exporter",
            "The WhatsApp share button opens a blank page on iOS",
            "Zelle integration is out of scope for phase 1",
            "Instagram carousel designs, 10 slides, 1080x1350",
            "I charge 30 USD/hour, 20 hours a week",
        ] {
            let strong: Vec<_> = found(text)
                .into_iter()
                .filter(|(_, _, r)| *r != "channels/mention")
                .collect();
            assert!(strong.is_empty(), "{text:?}: {strong:?}");
        }
    }

    #[test]
    fn how_third_parties_pay_is_no_request_but_an_offer_to_them_is() {
        let strong = |text: &str| -> Vec<_> {
            found(text)
                .into_iter()
                .filter(|(_, _, r)| *r != "channels/mention")
                .collect()
        };
        for text in [
            "Les patients doivent pouvoir payer leur dépôt par Interac en ligne.",
            "Users should be able to pay with GPay or PhonePe on Android.",
            "Leden moeten via iDEAL kunnen betalen.",
        ] {
            assert!(strong(text).is_empty(), "{text:?}: {:?}", strong(text));
        }
        for text in [
            "Pour les clients fidèles, je prends le paiement par Interac directement.",
            "For long term clients I also accept payment via Payoneer.",
            "My clients pay me via Payoneer directly.",
            // "учні" (pupils) inside "зручніше" names no one.
            "Мені зручніше, щоб ви платили через PayPal, а не тут.",
        ] {
            assert!(
                strong(text)
                    .iter()
                    .any(|(kind, _, _)| *kind == Kind::Payment),
                "{text:?}: {:?}",
                strong(text)
            );
        }
    }

    /// Asserts that `reads` holds for every text of `yes` and for none of `no`.
    fn reads_as(reads: impl Fn(&str) -> bool, yes: &[&str], no: &[&str]) {
        for text in yes {
            assert!(reads(text), "{text:?}: {:?}", found(text));
        }
        for text in no {
            assert!(!reads(text), "{text:?}: {:?}", found(text));
        }
    }

    #[test]
    fn a_word_of_a_call_beside_a_meeting_tool_invites_there() {
        let invites = |text: &str| {
            found(text).iter().any(|(kind, _, rule)| {
                *kind == Kind::Meeting
                    && matches!(*rule, "channels/call_cue" | "channels/contact_cue")
            })
        };
        reads_as(
            invites,
            &[
                "Antes do orçamento, que tal uma videochamada rápida no Zoom amanhã?",
                "Wir könnten die Details in einem kurzen Anruf über Zoom klären.",
                "Possiamo fare una videochiamata su Webex giovedì?",
                "Давайте созвонимся в Zoom завтра утром.",
                "明日Zoomで少し打ち合わせできますか？",
                "Kesho tufanye mkutano kwa Zoom saa nne.",
            ],
            // Denied, the platform's own call, or far from the tool in another clause.
            &[
                "Prefiero la videollamada de la plataforma, sin Zoom.",
                "Las llamadas, mejor aquí; Zoom no lo uso para clientes nuevos.",
                "Nie robię rozmów przez Zoom przed podpisaniem umowy.",
                "Integracja Zoom API z naszym kalendarzem spotkań.",
            ],
        );
    }

    #[test]
    fn slavic_case_endings_of_a_channel_name_are_the_name() {
        for (text, value) in [
            (
                "Napisz do mnie na Instagramie, tam szybciej odpisuję.",
                "instagram",
            ),
            ("Napisz do mnie na wacapie, tu rzadko zaglądam.", "whatsapp"),
            (
                "Hotové kousky dávám na Instáč, jsem tam jako @hrnky.jana.",
                "instagram",
            ),
            ("Napisz do mnie na fejsie, tam mam portfolio.", "facebook"),
        ] {
            assert!(
                found(text)
                    .iter()
                    .any(|(_, v, _)| v.as_deref() == Some(value)),
                "{text:?}: {:?}",
                found(text)
            );
        }
    }

    #[test]
    fn your_number_one_is_the_first_not_a_phone() {
        let asks = |text: &str| {
            found(text)
                .iter()
                .any(|(kind, _, _)| *kind == Kind::Solicitation)
        };
        reads_as(
            asks,
            &[
                "Hey, what's your number? I'll call about the fence.",
                "Can you send me your phone number so I can call?",
                "Sorry, can you send me your number one more time?",
            ],
            &[
                "What's your number one tip for keeping sourdough alive?",
                "Can you send me your order number so I can check the delivery?",
                "Please share your booking number and I will look it up.",
                "¿Cuál es tu número uno en la lista de prioridades?",
            ],
        );
    }

    #[test]
    fn a_meeting_tools_id_after_its_name_is_the_meeting() {
        let meeting = |text: &str| {
            found(text)
                .iter()
                .any(|(kind, value, _)| *kind == Kind::Meeting && value.as_deref() == Some("zoom"))
        };
        reads_as(
            meeting,
            &["Entramos por Zoom: ID 731 4482 9065 a las nueve."],
            &["Objektiv Zoom 24-105 zu verkaufen, kaum benutzt."],
        );
    }

    #[test]
    fn cash_with_the_rest_or_by_hand_is_a_request_to_pay_outside() {
        let pays_outside = |text: &str| {
            found(text).iter().any(|(kind, value, rule)| {
                *kind == Kind::Payment && value.is_none() && *rule == "request/pay_outside"
            })
        };
        reads_as(
            pays_outside,
            &[
                "Решту віддасте мені готівкою після роботи.",
                "Kalanı iş bitince elden nakit verirsiniz.",
                "Il saldo me lo dai in contanti a fine lavori.",
                "Den Rest dann als Barzahlung nach der Montage.",
                "剩下的钱见面给现金就行",
            ],
            // Denied, refused after, or cash without the rest or a way around.
            &[
                "No guarda, fuori dal sito non incasso niente, né contanti né altro.",
                "Barzahlung außerhalb der Plattform mach ich nicht, sorry.",
                "Безналичный расчёт, остаток через сайт.",
                "I paid cash for the printer last year.",
            ],
        );
    }

    #[test]
    fn a_verb_that_asks_beside_a_noun_of_contact_asks_for_it() {
        let asks = |text: &str| {
            found(text).iter().any(|(kind, _, rule)| {
                *kind == Kind::Solicitation && *rule == "request/ask_contact"
            })
        };
        reads_as(
            asks,
            &[
                "Quý khách vui lòng để lại email để tôi gửi bảng báo giá.",
                "Tafadhali niachie barua pepe yako ili nikutumie sampuli.",
                "Если удобно, оставьте в ответе свою почту.",
                "Oiga, ¿me pasa su número? Así le mando la ubicación.",
                "Dzień dobry, oferty proszę z numerem telefonu.",
                "麻烦您回复时留一个邮箱，我把样稿发过去。",
            ],
            // Another number, a refusal, a word that only qualifies, nobody's details.
            &[
                "Mi mandi il numero della stanza?",
                "Je ne communique pas mon numéro avant le contrat.",
                "Please send the email template you drafted.",
                "Incluye la página de contacto del sitio.",
                "The rule is to give them a number or give them a date.",
                "Send email in the background.",
            ],
        );
    }

    #[test]
    fn a_cue_that_runs_past_its_sentence_is_read_without_panicking() {
        // Found by the property test: a cue word ending after the sentence it starts in.
        let text = "fourbc1q.part number live:s123arrobawhats appohwhats appt.me/s123 at \
                    415arroba order #2716six17bit.ly/x dot my gmail is $cashalexwa.me/bit.ly/\
                    x839s123ohgmail0xdoublel9, whats apps123es91 2100 0418 4502 0005 \
                    1332t.me/$cash.bc1q";
        let _ = found(text);
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let _ = found(&text[..cut]);
        }
    }

    #[test]
    fn slavic_refusals_with_the_verb_last_are_refusals() {
        for rest in [
            " напрямую не возьму, даже со скидкой",
            " я тут не залишатиму",
            " nie biore, tylko przez serwis",
        ] {
            assert!(negated_after(rest), "{rest:?}");
        }
        // "Don't worry", "can't" and "don't give" give a request its reason or its manner.
        for rest in [
            ", не переживай",
            ", бо через сайт не можу",
            ", не давай комиссию сайту",
        ] {
            assert!(!negated_after(rest), "{rest:?}");
        }
    }
}
