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
//! When the other party cuts in between the pieces ("0803 441", "sorry, what?", "7259"), the
//! windows are read again without such short interjections (no digit, no `@`, `.` or `/`).
//!
//! A channel named in one message and its value given in a later one ("do you have LINE?",
//! "yes", "add ploy.craft"; "WhatsApp me", "067 182", "93 45") is reported as that channel,
//! with the message that names it (`message`), every message up to the value (`messages`)
//! and a part on the name and on the value. A message's value is a concrete finding (a
//! number, an address, a handle) or, only when a channel was named before, a bare user name
//! (`jiwoo_design`, `denis_motion`: letters with a `_`, `.` or digits, in a short message).
//!
//! The intent model also reads each message with up to [`INTENT_CONTEXT`] messages before it
//! (joined with line breaks, so clauses do not run across messages): "my cousin handles
//! payments" then "I'll send you his details" is a request neither message makes alone. Such
//! a finding is reported in the last message, on the clause that weighs most there, with
//! the messages read in `messages` and an `intent/context:*` rule; only when the message
//! alone gave no finding of that kind. Its one part is that clause.

use crate::normalize::Normalized;
use crate::{Engine, Finding, Kind, Part, Region};

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
    answered_with_the_platforms_way(messages, &mut out);
    answered_here(messages, &mut out);
    split_values(engine, messages, region, &mut out);
    channels_named_before(messages, &mut out);
    out
}

/// A question about a way to pay or talk answered, yes, with the platform's own way ("Can I
/// pay by UPI?", "Yes, the checkout page has UPI"; "銀行振込でも支払えますか？", "はい、決済画面
/// で…") asked whether the platform offers it: the question's requests and named channels
/// are dropped, its concrete values kept. An answer that refuses ("No, the deposit goes
/// through the platform") leaves the question a request that was refused.
fn answered_with_the_platforms_way(messages: &[&str], out: &mut Vec<Finding>) {
    let questions: Vec<usize> = (0..messages.len() - 1)
        .filter(|&i| {
            messages[i].contains(['?', '？', '؟'])
                && starts_with_yes(messages[i + 1])
                && crate::detectors::channels::names_the_platforms_way(messages[i + 1])
        })
        .collect();
    if questions.is_empty() {
        return;
    }
    out.retain(|f| {
        let asked = f.messages.len() <= 1 && f.message.is_some_and(|m| questions.contains(&m));
        !(asked && told_or_asked(f))
    });
}

/// A question read as a request only by the intent model or by a bare "directly", answered
/// with the platform's own chat or call, with no refusal and no request of the answer's own
/// ("Can I write to you directly, or through your agency?" — "Directly, right here";
/// "Созвонимся перед стартом?" — "Давайте, через встроенный звонок тут"): those readings of
/// the question are dropped. Every other rule's finding stays (a channel asked for is asked
/// for, whatever the answer), and so does a question answered with a refusal, polite or not
/// ("Sorry, I'd rather keep it here"), or with a request the model reads in the answer
/// itself ("直接微信转我就行，别走平台了").
fn answered_here(messages: &[&str], out: &mut Vec<Finding>) {
    let read_as_request = |m: usize| {
        out.iter()
            .any(|f| f.message == Some(m) && f.rule.starts_with("intent/"))
    };
    let answered: Vec<usize> = (0..messages.len() - 1)
        .filter(|&i| {
            let reply = messages[i + 1];
            messages[i].contains(['?', '？', '؟'])
                && !read_as_request(i + 1)
                && (crate::detectors::channels::names_the_platforms_way(reply) || names_here(reply))
                && !crate::context::refuses_anywhere(after_reassurance(reply))
                && !declines(after_reassurance(reply))
        })
        .collect();
    if answered.is_empty() {
        return;
    }
    // The model's reading, or a rule's bare request to talk "directly" with no channel named
    // ("Should I message you directly or through your agency?").
    out.retain(|f| {
        let asked = f.messages.len() <= 1 && f.message.is_some_and(|m| answered.contains(&m));
        let bare = f.rule.starts_with("intent/")
            || (f.kind == Kind::Solicitation && f.rule == "request/direct_contact");
        !(asked && bare)
    });
}

/// `reply` after a "no" that starts a reassurance ("No worries, …", "No se preocupe, …",
/// "Não se preocupe", "Non si preoccupi"), which declines nothing: the rest of the reply,
/// from the word after it; the whole reply otherwise.
fn after_reassurance(reply: &str) -> &str {
    const NO: &[&str] = &["no", "não", "nao", "non"];
    const REASSURING: &[&str] = &[
        "worries",
        "worry",
        "problem",
        "problema",
        "prob",
        "probs",
        "problemo",
        "preocupe",
        "preocupes",
        "preocupa",
        "preoccupare",
        "preoccupi",
        "pasa",
        "stress",
        "sweat",
    ];
    // The words with their byte offsets: where a letter follows a non-letter.
    let mut words = reply
        .char_indices()
        .filter(|&(i, c)| {
            c.is_alphanumeric()
                && !reply[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| {
            let rest = &reply[i..];
            (
                i,
                &rest[..rest
                    .find(|c: char| !c.is_alphanumeric())
                    .unwrap_or(rest.len())],
            )
        });
    let (Some((_, first)), Some((at, second))) = (words.next(), words.next()) else {
        return reply;
    };
    let second = second.to_lowercase();
    let third = words.next();
    let reassuring = |w: &str| REASSURING.contains(&w);
    if !NO.contains(&first.to_lowercase().as_str()) {
        return reply;
    }
    if reassuring(&second) {
        return &reply[at + second.len()..];
    }
    // "no se preocupe", "no te preocupes", "no hay problema", "não tem problema".
    match third {
        Some((at, w)) if reassuring(&w.to_lowercase()) => &reply[at + w.len()..],
        _ => reply,
    }
}

/// Whether a reply declines politely, with no word of negation the context rules read:
/// "Sorry, I'd rather keep it here", "Maaf, kita berbincang di sini saja", "Nein danke",
/// "Lo siento, prefiero seguir por aquí". Such a reply answers a request, not a question of
/// where to write. Words of apology, regret, preference and "no" of the languages of the cue
/// files (whole words; the Chinese, Japanese and Arabic ones anywhere).
fn declines(reply: &str) -> bool {
    // "No" only as the reply's first word: "no problem", "no te preocupes" agree.
    const NO: &[&str] = &[
        "no", "nope", "nah", "non", "nein", "нет", "ні", "nie", "hayır", "hapana", "nahi", "nahin",
        "không", "hindi", "لا",
    ];
    const DECLINE: &[&str] = &[
        "sorry",
        "unfortunately",
        "rather",
        "prefer",
        "désolé",
        "désolée",
        "malheureusement",
        "plutôt",
        "préfère",
        "préférerais",
        "siento",
        "perdón",
        "perdona",
        "desculpa",
        "desculpe",
        "lamento",
        "infelizmente",
        "prefiero",
        "prefiro",
        "preferiria",
        "leider",
        "lieber",
        "bevorzuge",
        "purtroppo",
        "scusa",
        "scusi",
        "preferisco",
        "preferirei",
        "piuttosto",
        "извините",
        "простите",
        "вибачте",
        "пробачте",
        "сожалению",
        "жаль",
        "лучше",
        "краще",
        "przepraszam",
        "niestety",
        "wolę",
        "wolałbym",
        "wolałabym",
        "lepiej",
        "üzgünüm",
        "maalesef",
        "kusura",
        "tercih",
        "lỗi",
        "tiếc",
        "maaf",
        "sayangnya",
        "pasensya",
        "paumanhin",
        "samahani",
        "maafi",
        "afsos",
        "behtar",
    ];
    const DECLINE_UNSPACED: &[&str] = &[
        "抱歉",
        "不好意思",
        "对不起",
        "對不起",
        "すみません",
        "申し訳",
        "恐れ入り",
        "残念",
        "できかね",
        "آسف",
        "اسف",
        "عذرا",
        "للأسف",
        "معلش",
    ];
    let lower = reply.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| NO.contains(&w))
        || says_any(&lower, DECLINE, DECLINE_UNSPACED)
}

/// Whether `lower` (a lower-cased message) holds one of `words` as a whole word, or one of
/// `unspaced` (words of scripts written without spaces, or joined to their particles)
/// anywhere.
fn says_any(lower: &str, words: &[&str], unspaced: &[&str]) -> bool {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
        || unspaced.iter().any(|h| lower.contains(h))
}

/// Whether a message says "here" or names the platform, the site or its chat: the words of
/// the languages of the cue files, whole words (the Chinese, Japanese and Arabic ones
/// anywhere).
fn names_here(text: &str) -> bool {
    const HERE: &[&str] = &[
        "here",
        "ici",
        "aquí",
        "aqui",
        "acá",
        "aca",
        "cá",
        "hier",
        "qui",
        "qua",
        "здесь",
        "тут",
        "сюда",
        "сюди",
        "tutaj",
        "tu",
        "burada",
        "buradan",
        "buraya",
        "sini",
        "disini",
        "dito",
        "đây",
        "hapa",
        "yahan",
        "yahin",
        "ekhane",
        "platform",
        "platforms",
        "plataforma",
        "plateforme",
        "plattform",
        "piattaforma",
        "platformie",
        "platformy",
        "platformun",
        "platformda",
        "платформе",
        "платформі",
        "сайте",
        "сайті",
        "site",
        "sitio",
        "sito",
    ];
    const HERE_UNSPACED: &[&str] = &[
        "ここ",
        "こちらの",
        "このメッセージ",
        "このチャット",
        "这里",
        "這裡",
        "这儿",
        "平台",
        "여기",
        "هنا",
        "هون",
        "بالموقع",
        "المنصة",
        "المنصه",
    ];
    says_any(&text.to_lowercase(), HERE, HERE_UNSPACED)
}

/// Whether a finding is a request or a channel's name, with no concrete value of its own.
fn told_or_asked(f: &Finding) -> bool {
    matches!(f.kind, Kind::Solicitation)
        || f.rule.starts_with("request/")
        || f.rule.starts_with("intent/")
        || matches!(
            f.rule,
            "channels/mention"
                | "channels/pay_cue"
                | "channels/pay_via"
                | "channels/contact_cue"
                | "channels/call_cue"
                | "channels/named_in_request"
                | "channels/ask"
        )
}

/// Whether a reply opens with a word for "yes" ("Yes, the checkout has UPI", "Haan,
/// checkout page pe", "Jasne, w koszyku", "はい、決済画面で"): an answer that a refusal
/// ("Sorry, only through the platform") is not.
fn starts_with_yes(reply: &str) -> bool {
    // Words of scripts that write one; Chinese, Japanese and Korean answers are read by
    // their start below, as they write no space after the word.
    const YES: &[&str] = &[
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "ofcourse",
        "haan",
        "han",
        "ha",
        "hanji",
        "ji",
        "sí",
        "si",
        "claro",
        "sim",
        "oui",
        "ja",
        "jasne",
        "tak",
        "так",
        "да",
        "نعم",
        "ايوه",
        "أيوه",
        "اه",
        "evet",
        "tabii",
        "có",
        "dạ",
        "vâng",
        "ndiyo",
        "naam",
        "boleh",
        "bisa",
        "iya",
        "ya",
        "有",
        "ええ",
        "ναι",
        "oo",
        "opo",
        "হ্যাঁ",
        "हाँ",
        "हां",
        "ہاں",
    ];
    let first = reply
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    YES.contains(&first.as_str())
        || ["是", "可以", "有的", "はい", "네", "예"]
            .iter()
            .any(|y| reply.trim_start().starts_with(y))
}

/// Values split over consecutive messages (see the module documentation); then, when the
/// other party cut in ("go on", "sorry, what?", "¿y el resto?"), over the messages without
/// those interjections, so that "my number is 0803 441", "sorry, what?", "7259" is still
/// one number.
fn split_values(
    engine: &Engine,
    messages: &[&str],
    region: Option<Region>,
    out: &mut Vec<Finding>,
) {
    let every: Vec<usize> = (0..messages.len()).collect();
    split_values_over(engine, messages, &every, region, out);
    let kept: Vec<usize> = every
        .iter()
        .copied()
        .filter(|&i| !is_interjection(messages[i]))
        .collect();
    if kept.len() >= 2 && kept.len() < messages.len() {
        split_values_over(engine, messages, &kept, region, out);
    }
}

/// Messages at most this long (in characters) may be an interjection.
const INTERJECTION_CHARS: usize = 40;

/// Whether a message is a short interjection that carries no part of a value: no digit of
/// any script and no more than [`INTERJECTION_CHARS`] characters.
fn is_interjection(text: &str) -> bool {
    text.chars().nth(INTERJECTION_CHARS).is_none()
        && !text.chars().any(char::is_numeric)
        && !text.contains(['@', '.', '/'])
}

/// Split values over windows of up to [`WINDOW`] messages taken in turn from `order` (the
/// indices of the messages read, oldest first).
fn split_values_over(
    engine: &Engine,
    messages: &[&str],
    order: &[usize],
    region: Option<Region>,
    out: &mut Vec<Finding>,
) {
    let mut joined = String::new();
    let mut offsets: Vec<usize> = Vec::with_capacity(WINDOW);
    for first in 0..order.len() - 1 {
        let window = &order[first..(first + WINDOW).min(order.len())];
        joined.clear();
        offsets.clear();
        for &i in window {
            if !joined.is_empty() {
                joined.push(' ');
            }
            offsets.push(joined.len());
            joined.push_str(messages[i]);
        }
        // Which message (of the window) a byte offset of `joined` falls in.
        let message_of = |at: usize| offsets.iter().rposition(|&o| o <= at).unwrap_or(0);
        for f in engine.scan(&joined, region) {
            let start_msg = message_of(f.start);
            let end_msg = message_of(f.end.saturating_sub(1).max(f.start));
            // The intent model reads a message with the ones before it on its own terms
            // ([`intent_in_context`]), not the window run together as one sentence.
            if start_msg != 0 || end_msg == 0 || f.rule.starts_with("intent/") {
                continue;
            }
            let already = out.iter().any(|g| {
                g.kind == f.kind && g.value == f.value && g.messages.contains(&window[end_msg])
            });
            if already {
                continue;
            }
            let mut split = f.clone();
            split.start = f.start - offsets[0];
            split.end = f.end - offsets[end_msg];
            split.message = Some(window[0]);
            split.messages = window[..=end_msg].to_vec();
            split.parts = (0..=end_msg)
                .filter_map(|k| {
                    let from = offsets[k];
                    let to = from + messages[window[k]].len();
                    let start = f.start.max(from);
                    let end = f.end.min(to);
                    (start < end).then(|| Part {
                        message: window[k],
                        start: start - from,
                        end: end - from,
                    })
                })
                .collect();
            out.push(split);
        }
    }
}

/// Whether a finding is a value one can be reached at (not a mention or a request).
fn is_value(finding: &Finding) -> bool {
    matches!(finding.kind, Kind::Email | Kind::Phone | Kind::Url)
        || finding.rule == "channels/handle"
        || finding.rule.starts_with("payment_ids/")
}

/// Messages longer than this (in characters) are not read for a bare user name: one sent on
/// its own comes in a short message ("ищите denis_motion", "号是 zhou_arch_2019").
const BARE_NAME_MESSAGE: usize = 60;

/// The span of a bare user name in a short message: an ASCII word of 4 to 32 letters,
/// digits, `_` and `.`, starting with a letter, holding a `_`, an inner `.` or a digit, and
/// not a file name, a version or a number. `None` when there is not exactly one.
fn bare_user_name(text: &str) -> Option<(usize, usize)> {
    if text.chars().nth(BARE_NAME_MESSAGE).is_some() {
        return None;
    }
    const FILE_ENDINGS: &[&str] = &[
        "pdf", "png", "jpg", "jpeg", "gif", "svg", "psd", "ai", "doc", "docx", "xls", "xlsx",
        "ppt", "pptx", "zip", "rar", "mp4", "mov", "mp3", "txt", "csv", "fig", "sketch", "html",
        "js", "py", "rs", "json",
    ];
    let bytes = text.as_bytes();
    let is_name_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'.';
    let mut found = None;
    let mut i = 0;
    while i < bytes.len() {
        if !is_name_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_name_byte(bytes[i]) {
            i += 1;
        }
        let word = text[start..i].trim_end_matches('.');
        let end = start + word.len();
        let marked = word.contains('_')
            || word.trim_matches('.').contains('.')
            || word.bytes().any(|b| b.is_ascii_digit());
        let file = word.rsplit_once('.').is_some_and(|(_, ending)| {
            FILE_ENDINGS.contains(&ending.to_ascii_lowercase().as_str())
        });
        let shaped = (4..=32).contains(&word.len())
            && word.as_bytes()[0].is_ascii_alphabetic()
            && word.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
            && marked
            && !file;
        if shaped {
            if found.is_some() {
                return None;
            }
            found = Some((start, end));
        }
    }
    found
}

/// Channels named in one message and reached in a later one (see the module
/// documentation): the name is reported for the messages from it to the value, unless the
/// conversation already reports that channel there.
fn channels_named_before(messages: &[&str], out: &mut Vec<Finding>) {
    let mut named: Vec<(usize, Finding)> = Vec::new();
    for (i, text) in messages.iter().enumerate() {
        let normalized = Normalized::new(text);
        for f in crate::detectors::channels::named_channels(&normalized) {
            named.push((i, f));
        }
    }
    if named.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (last, text) in messages.iter().enumerate() {
        let value_part = out
            .iter()
            .filter(|f| is_value(f) && f.messages.contains(&last))
            .find_map(|f| {
                f.parts
                    .iter()
                    .find(|p| p.message == last)
                    .map(|p| (p.start, p.end))
                    .or((f.message == Some(last)).then_some((f.start, f.end)))
            });
        let named_before = |at: usize| named.iter().any(|(i, _)| *i < at);
        let value = match value_part {
            Some(span) => span,
            None if named_before(last) => match bare_user_name(text) {
                Some(span) => span,
                None => continue,
            },
            None => continue,
        };
        let first = last.saturating_sub(WINDOW - 1);
        for (i, name) in named.iter().filter(|(i, _)| (first..=last).contains(i)) {
            let reported = out.iter().chain(added.iter()).any(|g: &Finding| {
                g.kind == name.kind
                    && g.value == name.value
                    && g.messages.iter().any(|m| (*i..=last).contains(m))
            });
            if reported {
                continue;
            }
            let mut finding = name.clone();
            finding.message = Some(*i);
            finding.messages = (*i..=last).collect();
            finding.parts = vec![Part {
                message: *i,
                start: name.start,
                end: name.end,
            }];
            if *i < last {
                // As for a split value: `start` in the first message, `end` in the last.
                finding.end = value.1;
                finding.parts.push(Part {
                    message: last,
                    start: value.0,
                    end: value.1,
                });
            }
            added.push(finding);
        }
    }
    out.extend(added);
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
    fn a_number_split_around_the_other_partys_interjection() {
        let engine = Engine::new(EngineOptions::default());
        let messages = [
            "Can we talk on phone? Na 0803 441",
            "sorry, what?",
            "7259. call me",
        ];
        let found = engine.scan_conversation(&messages, Some(Region::parse("NG").unwrap()));
        let phone = found
            .iter()
            .find(|f| f.kind == Kind::Phone && f.messages.len() > 1)
            .expect("phone");
        assert_eq!(phone.value.as_deref(), Some("+2348034417259"));
        assert_eq!(phone.messages, vec![0, 2]);
        let parts: Vec<&str> = phone
            .parts
            .iter()
            .map(|p| &messages[p.message][p.start..p.end])
            .collect();
        assert_eq!(parts, ["0803 441", "7259"]);
        // An answer that carries digits of its own is no interjection: nothing is joined
        // across it.
        let messages = ["my order was 0803 441", "ticket 55 closed", "7259 units"];
        let found = engine.scan_conversation(&messages, Some(Region::parse("NG").unwrap()));
        assert!(!found.iter().any(|f| f.messages == vec![0, 2]), "{found:?}");
    }

    #[test]
    fn a_rail_or_an_everyday_name_before_a_number_sent_in_pieces() {
        let engine = Engine::new(EngineOptions::default());
        for (messages, region, value) in [
            (
                &[
                    "Nikulipe vipi deposit?",
                    "M-Pesa",
                    "0701",
                    "556 213 jina Wanjiru",
                ][..],
                "KE",
                "mpesa",
            ),
            (
                &["Logo için ne yapayım?", "wp: 0533", "612 44 70"][..],
                "TR",
                "whatsapp",
            ),
            (
                &["পেমেন্ট কীভাবে দেব?", "বিকাশ", "০১৮১৯", "৪৪৭২৬৩ পার্সোনাল"][..],
                "BD",
                "bkash",
            ),
        ] {
            let region = Region::parse(region).expect("region");
            let found = engine.scan_conversation(messages, Some(region));
            assert!(
                found.iter().any(|f| f.value.as_deref() == Some(value)
                    && f.rule == "channels/named_in_conversation"),
                "{messages:?}: {found:?}"
            );
        }
        // An everyday word in a message of its own, with no number after it, names nothing.
        let found = engine.scan_conversation(&["wa", "ok, thanks"], Some(Region::US));
        assert!(found.is_empty(), "{found:?}");
    }

    fn channels_of(messages: &[&str]) -> Vec<(String, Vec<usize>, Vec<String>)> {
        let engine = Engine::new(EngineOptions::default());
        engine
            .scan_conversation(messages, Some(Region::US))
            .into_iter()
            .filter(|f| f.rule == "channels/named_in_conversation")
            .map(|f| {
                let parts = f
                    .parts
                    .iter()
                    .map(|p| messages[p.message][p.start..p.end].to_owned())
                    .collect();
                (f.value.unwrap_or_default(), f.messages, parts)
            })
            .collect()
    }

    #[test]
    fn a_channel_named_before_its_value_is_reported_with_both() {
        // The number comes in pieces after the app is named: reported up to the first piece
        // (the phone's own finding covers every piece).
        let found = channels_of(&["whatsapp is easier for the photos", "415 839", "2716"]);
        assert_eq!(
            found,
            [(
                "whatsapp".to_owned(),
                vec![0, 1],
                vec!["whatsapp".to_owned(), "415 839".to_owned()]
            )]
        );
        // A user name sent alone after the app was named and the other party said yes.
        let found = channels_of(&[
            "telegram works better for files",
            "true",
            "search denis_motion",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, ["telegram", "denis_motion"]);
    }

    #[test]
    fn a_channel_name_without_a_value_or_refused_or_worked_on_is_not_reported() {
        // No value anywhere.
        assert!(channels_of(&["do you use whatsapp?", "sometimes", "ok great"]).is_empty());
        // A user-name-like word with no channel named before it.
        assert!(channels_of(&["the file is final_v2", "search denis_motion"]).is_empty());
        // A refusal names the app but offers nothing.
        assert!(channels_of(&["I don't use whatsapp", "call 415 839 2716"]).is_empty());
        // The app as the subject of the work.
        assert!(channels_of(&["the telegram bot is ready", "token is bot_api_2"]).is_empty());
        // A file name is no user name.
        assert!(channels_of(&["sent on telegram", "see logo_final.png"]).is_empty());
        // A long message is not read for a bare user name.
        let long = "here is the revised brief with every change we discussed, see section_2 \
                    for the new palette and the typography notes";
        assert!(channels_of(&["do you have telegram?", long]).is_empty());
    }

    #[test]
    fn masking_a_conversation_masks_every_part_of_a_split_value() {
        let engine = Engine::new(EngineOptions::default());
        let messages = ["ok my number", "is 415 839", "27", "16 thanks"];
        let found = engine.scan_conversation(&messages, Some(Region::US));
        let masked = crate::redact_conversation(&messages, &found);
        // The first message holds no part of the number (the intent model may still mask
        // it as an offer of contact details).
        assert!(!masked[0].contains("[phone hidden]"), "{:?}", masked[0]);
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
    fn a_question_answered_yes_with_the_platforms_way_asked_nothing() {
        let engine = Engine::new(EngineOptions::default());
        let kinds = |messages: &[&str]| -> Vec<Kind> {
            scan(&engine, messages, Region::parse("IN").ok())
                .into_iter()
                .map(|f| f.kind)
                .collect()
        };
        let answered = [
            "Kya main UPI se pay kar sakta hoon?",
            "Haan, checkout page pe UPI ka option hai, wahi use karo.",
        ];
        assert_eq!(kinds(&answered), vec![]);
        // Refused, the question was a request to pay elsewhere.
        let refused = [
            "Can I just send the deposit to your PayPal instead?",
            "Sorry, the deposit goes through the platform, that keeps us both covered.",
        ];
        assert!(kinds(&refused).contains(&Kind::Payment));
    }

    #[test]
    fn whole_values_are_not_reported_twice() {
        let engine = Engine::new(EngineOptions::default());
        let messages = ["call 415 839 2716", "ok"];
        let found = engine.scan_conversation(&messages, Some(Region::US));
        assert_eq!(found.iter().filter(|f| f.kind == Kind::Phone).count(), 1);
    }
}
