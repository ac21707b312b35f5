//! The notice: what the sender (and a reviewer) is told.
//!
//! A notice says what was found (the kind, and the value partly masked: `a***@gmail.com`,
//! "a phone number ending in 2716", `linktr.ee/…`; names of services such as `whatsapp`
//! are shown as they are), which rule it breaks and what to do instead. Values are masked
//! because a notice travels further than the message (e-mails, logs, review queues); the
//! decision's `findings` keep the full value and span for those who may see them. When an
//! exception let something through, the notice says which one and why. When nothing was
//! found, or nothing mattered (contact details under a contract), the notice is empty:
//! notices are targeted, never a reminder sent to everyone.

use offside_detect::{Finding, Kind};

use crate::decide::{
    contains_words, enterprise_party, finding_text, names_product_only, Context, ExceptionUse,
    Violation,
};
use crate::event::{Attachment, AttachmentKind, Body, PaymentRule, Purpose};
use crate::policy::{Action, Band, ExceptionId, PartyRole, Policy, ViolationId};

/// The notice for a decision.
pub(crate) fn render<Id>(
    context: &Context<'_, Id>,
    policy: &Policy,
    action: Action,
    violations: &[Violation],
    exceptions: &[ExceptionUse],
) -> String {
    if violations.is_empty() && exceptions.is_empty() {
        return String::new();
    }
    let mut sentences: Vec<String> = vec![lead(action).to_owned()];
    let surface = context.event.surface.noun();
    for violation in violations {
        let mut found = format!(
            "Found in your {surface}: {}",
            describe_findings(context, &violation.findings)
        );
        if violation.band == Band::Low {
            found.push_str(" (low confidence: the detector is not sure)");
        }
        found.push('.');
        sentences.push(found);
        sentences.push(format!(
            "This breaks rule {}: {}.",
            violation.id.as_str(),
            explain(context, policy, violation.id)
        ));
        sentences.push(format!("Instead, {}.", instead(context, policy, violation)));
    }
    for exception in exceptions {
        // An exception excuses what it covers; when something else broke a rule, saying
        // "allowed" next to "not delivered" would contradict the lead.
        let opening = if violations.is_empty() {
            "Allowed by"
        } else {
            "Not counted against you, by"
        };
        sentences.push(format!(
            "{opening} the {} exception: {}. {}",
            exception.id.as_str(),
            describe_findings(context, &exception.findings),
            exception.why
        ));
    }
    sentences.join(" ")
}

fn lead(action: Action) -> &'static str {
    match action {
        Action::Allow => "Allowed.",
        Action::Warn => "Delivered with a warning.",
        Action::Redact => "Delivered with the details below hidden.",
        Action::Hold => "Held for a moderator to review before delivery.",
        Action::Block => "Not delivered: please edit it and try again.",
    }
}

/// "an e-mail address (a***@gmail.com) and a phone number ending in 2716".
fn describe_findings<Id>(context: &Context<'_, Id>, findings: &[Finding]) -> String {
    let mut items: Vec<String> = Vec::new();
    for item in findings
        .iter()
        .map(|finding| describe_finding(finding, finding_text(context, finding)))
    {
        if !items.contains(&item) {
            items.push(item);
        }
    }
    match items.len() {
        0 => String::new(),
        1 => items.remove(0),
        n => format!("{} and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// One finding in words, citing only what the author wrote (partly masked). `text` is the
/// message the finding starts in.
fn describe_finding(finding: &Finding, text: &str) -> String {
    let value = finding.value.as_deref().filter(|v| !v.is_empty());
    let written = text.get(finding.start..finding.end).unwrap_or("");
    match (finding.kind, value) {
        (Kind::Email, Some(email)) if wrote_address(written) => {
            format!("an e-mail address ({})", mask_email(email))
        }
        // An address the detector put together (from a web address, say): cite what was
        // written, not an address the author never typed.
        (Kind::Email, _) => format!("an e-mail address written out ({})", mask_written(written)),
        (Kind::Phone, Some(phone)) => format!("a phone number ending in {}", last_digits(phone)),
        (Kind::Url, Some(url)) => format!("a link ({})", mask_url(url)),
        (Kind::Social, Some(network)) => {
            format!("{} profile", with_article(&display_name(network)))
        }
        (Kind::Messenger, Some(app)) if names_product_only(finding, text) => {
            format!("the product {} named as a place to talk", display_name(app))
        }
        (Kind::Messenger, Some(app)) => format!("{} contact", with_article(&display_name(app))),
        (Kind::Meeting, Some(service)) if names_product_only(finding, text) => {
            format!(
                "the product {} named as a place to meet",
                display_name(service)
            )
        }
        (Kind::Meeting, Some(service)) => {
            format!("{} meeting link", with_article(&display_name(service)))
        }
        (Kind::Payment, Some(method)) => format!(
            "{} payment outside the platform",
            with_article(&display_name(method))
        ),
        (Kind::Payment, None) => "an offer to pay or be paid outside the platform".to_owned(),
        (Kind::Solicitation, _) => "a request to continue outside the platform".to_owned(),
        (kind, _) => with_article(kind.as_str()),
    }
}

/// Whether the written evidence of an e-mail finding is an address as written: an `@`, or
/// a spelt-out "at".
fn wrote_address(written: &str) -> bool {
    let lower = written.to_lowercase();
    written.is_empty()
        || lower.contains('@')
        || lower.contains('＠')
        || contains_words(&lower, "at")
        || lower.contains("(at)")
        || lower.contains("[at]")
        || lower.contains("{at}")
}

/// What was written, shortened and with every other letter or digit after the first masked.
fn mask_written(written: &str) -> String {
    let mut out = String::new();
    for (idx, c) in written.chars().take(40).enumerate() {
        out.push(if idx > 0 && c.is_alphanumeric() {
            '*'
        } else {
            c
        });
    }
    out
}

/// The name of a service as people write it: `whatsapp` → WhatsApp, `iban` → IBAN.
pub(crate) fn display_name(value: &str) -> String {
    let known = match value {
        "whatsapp" => "WhatsApp",
        "telegram" => "Telegram",
        "skype" => "Skype",
        "discord" => "Discord",
        "signal" => "Signal",
        "wechat" => "WeChat",
        "line" => "LINE",
        "viber" => "Viber",
        "slack" => "Slack",
        "kik" => "Kik",
        "imessage" => "iMessage",
        "kakaotalk" => "KakaoTalk",
        "zalo" => "Zalo",
        "imo" => "imo",
        "botim" => "BOTIM",
        "qq" => "QQ",
        "eitaa" => "Eitaa",
        "rubika" => "Rubika",
        "bale" => "Bale",
        "soroush" => "Soroush",
        "max" => "MAX",
        "bip" => "BiP",
        "icq" => "ICQ",
        "threema" => "Threema",
        "session" => "Session",
        "zoom" => "Zoom",
        "google-meet" => "Google Meet",
        "teams" => "Microsoft Teams",
        "calendly" => "Calendly",
        "webex" => "Webex",
        "whereby" => "Whereby",
        "paypal" => "PayPal",
        "venmo" => "Venmo",
        "cashapp" => "Cash App",
        "zelle" => "Zelle",
        "wise" => "Wise",
        "payoneer" => "Payoneer",
        "western-union" => "Western Union",
        "moneygram" => "MoneyGram",
        "revolut" => "Revolut",
        "skrill" => "Skrill",
        "iban" => "IBAN",
        "bank" => "bank account",
        "card" => "card",
        "crypto" => "crypto wallet",
        "upi" => "UPI",
        "pix" => "Pix",
        "mpesa" => "M-Pesa",
        "gcash" => "GCash",
        "maya" => "Maya",
        "alipay" => "Alipay",
        "paytm" => "Paytm",
        "phonepe" => "PhonePe",
        "google-pay" => "Google Pay",
        "apple-pay" => "Apple Pay",
        "payeer" => "Payeer",
        "perfect-money" => "Perfect Money",
        "gift-card" => "gift card",
        "bizum" => "Bizum",
        "blik" => "BLIK",
        "interac" => "Interac e-Transfer",
        "kaspi" => "Kaspi",
        "jazzcash" => "JazzCash",
        "easypaisa" => "Easypaisa",
        "bkash" => "bKash",
        "nagad" => "Nagad",
        "vodafone-cash" => "Vodafone Cash",
        "orange-money" => "Orange Money",
        "mtn-momo" => "MTN MoMo",
        "airtel-money" => "Airtel Money",
        "instapay" => "InstaPay",
        "yoomoney" => "YooMoney",
        "qiwi" => "QIWI",
        "mercado-pago" => "Mercado Pago",
        "gopay" => "GoPay",
        "ovo" => "OVO",
        "dana" => "DANA",
        "shopeepay" => "ShopeePay",
        "momo" => "MoMo",
        "zalopay" => "ZaloPay",
        "promptpay" => "PromptPay",
        "twint" => "TWINT",
        "swish" => "Swish",
        "vipps" => "Vipps",
        "mobilepay" => "MobilePay",
        "lydia" => "Lydia",
        "paysafecard" => "paysafecard",
        "neteller" => "Neteller",
        "webmoney" => "WebMoney",
        "wechat-pay" => "WeChat Pay",
        "instagram" => "Instagram",
        "facebook" => "Facebook",
        "linkedin" => "LinkedIn",
        "twitter" => "X (Twitter)",
        "tiktok" => "TikTok",
        "snapchat" => "Snapchat",
        "youtube" => "YouTube",
        "pinterest" => "Pinterest",
        "reddit" => "Reddit",
        "github" => "GitHub",
        "vk" => "VK",
        other => return other.replace(['-', '_'], " "),
    };
    known.to_owned()
}

/// "a" or "an" before a word, by how it is said: "an IBAN", "a UPI", "an e-mail".
pub(crate) fn with_article(word: &str) -> String {
    let article = if takes_an(word) { "an" } else { "a" };
    format!("{article} {word}")
}

fn takes_an(word: &str) -> bool {
    let first_word = word.split_whitespace().next().unwrap_or("");
    let letters: Vec<char> = first_word.chars().filter(|c| c.is_alphanumeric()).collect();
    let Some(&first) = letters.first() else {
        return false;
    };
    let is_initialism = letters.len() > 1
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    if is_initialism {
        // Said letter by letter: "an IBAN", "an SMS", "a UPI".
        return "AEFHILMNORSX8".contains(first) && !first_word.starts_with("UPI");
    }
    let lower = first_word.to_lowercase();
    let vowel_start = "aeio".contains(first.to_ascii_lowercase())
        || (first.eq_ignore_ascii_case(&'u')
            && !lower.starts_with("uni")
            && !lower.starts_with("us"));
    vowel_start || lower.starts_with("hour") || lower.starts_with("honest")
}

/// A contact value as it may be shown or stored outside the evidence: e-mails as
/// `a***@gmail.com`, phones as `…2716`, links as `host/…`; names of services as they are.
pub fn mask_value(kind: &str, value: &str) -> String {
    match kind {
        "email" => mask_email(value),
        "phone" => format!("…{}", last_digits(value)),
        "url" => mask_url(value),
        _ if is_service_name(value) => value.to_owned(),
        _ => "***".to_owned(),
    }
}

/// Whether a value of another kind is a service's name (letters, dashes), safe to show.
fn is_service_name(value: &str) -> bool {
    value
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '_' || c == ' ')
}

/// `alex@gmail.com` → `a***@gmail.com`.
fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

/// The last four digits of a phone number.
fn last_digits(phone: &str) -> String {
    let number = phone.split(";ext=").next().unwrap_or(phone);
    let digits: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(4)..].iter().collect()
}

/// `linktr.ee/mayaruns` → `linktr.ee/…`: the host says where it leads, the path who.
fn mask_url(url: &str) -> String {
    match url.split_once('/') {
        Some((host, path)) if !path.is_empty() => format!("{host}/…"),
        Some((host, _)) => host.to_owned(),
        None => url.to_owned(),
    }
}

fn explain<Id>(context: &Context<'_, Id>, policy: &Policy, violation: ViolationId) -> String {
    match violation {
        ViolationId::ContactBeforeContract => {
            "contact details, and requests to talk elsewhere, are not allowed before a contract exists between you".to_owned()
        }
        ViolationId::ContactPublicSurface => {
            let public: Vec<&str> = policy
                .rules
                .contact
                .public_surfaces
                .iter()
                .map(|s| s.noun())
                .collect();
            format!(
                "contact details are never allowed on public pages ({}), whatever contracts you have",
                public.join(", ")
            )
        }
        ViolationId::PaymentOffPlatform => match context.state.payment {
            PaymentRule::Applies { until: Some(until) } => format!(
                "payment between you must go through the platform for {} after your first contract (until {})",
                months_in_words(policy.rules.payment.window_months),
                until.date()
            ),
            _ => "payment must go through the platform; paying or being paid outside it is not allowed".to_owned(),
        },
    }
}

fn months_in_words(months: u32) -> String {
    match months {
        12 => "one year".to_owned(),
        m if m % 12 == 0 => format!("{} years", m / 12),
        1 => "one month".to_owned(),
        m => format!("{m} months"),
    }
}

fn instead<Id>(context: &Context<'_, Id>, policy: &Policy, violation: &Violation) -> String {
    let has = |kind: Kind| violation.findings.iter().any(|f| f.kind == kind);
    match violation.id {
        ViolationId::PaymentOffPlatform => {
            let mut advice = "keep payment on the platform".to_owned();
            if matches!(
                context.state.payment,
                PaymentRule::Applies { until: Some(_) }
            ) {
                advice.push_str(
                    ", or pay the conversion fee to move this relationship off the platform",
                );
            }
            advice
        }
        ViolationId::ContactPublicSurface => {
            let mut advice = format!(
                "remove the contact details from your {}: people reach you through the platform's messages",
                context.event.surface.noun()
            );
            if has(Kind::Meeting) {
                advice.push_str(" and its video call");
            }
            advice
        }
        ViolationId::ContactBeforeContract => {
            let mut advice = Vec::new();
            let products_only = violation
                .findings
                .iter()
                .filter(|f| f.kind == Kind::Meeting)
                .all(|f| names_product_only(f, finding_text(context, f)));
            if has(Kind::Meeting) && products_only {
                advice.push(
                    "meet in the platform's own video call and use its scheduling tools; after a contract starts you may use any product you like".to_owned(),
                );
            } else if has(Kind::Meeting) {
                advice.push(
                    "use the platform's own video call and scheduling tools instead of an outside meeting link".to_owned(),
                );
            }
            let mentions_legal = violation.findings.iter().any(|finding| {
                let text = finding_text(context, finding).to_lowercase();
                policy
                    .exceptions
                    .legal_document
                    .hint_words
                    .iter()
                    .any(|word| contains_words(&text, word))
            });
            let on_attachment = context.event.surface == crate::event::Surface::Attachment;
            if mentions_legal && !on_attachment && (has(Kind::Email) || has(Kind::Phone)) {
                advice.push("to exchange an NDA or another legal document, send it as an attachment: legal documents may carry names and e-mail addresses".to_owned());
            }
            if violation
                .findings
                .iter()
                .any(|f| !matches!(f.kind, Kind::Meeting))
                || advice.is_empty()
            {
                advice.push("keep talking in the platform's messages until a contract starts; after that you may use any channel".to_owned());
            }
            advice.join("; ")
        }
    }
}

/// Why an exception applied, in a sentence or two.
pub(crate) fn why_exception<Id>(
    context: &Context<'_, Id>,
    policy: &Policy,
    exception: ExceptionId,
) -> String {
    let event = context.event;
    match exception {
        ExceptionId::PlatformTools => {
            "Links to the platform's own tools (its video call, its file sharing) are always fine."
                .to_owned()
        }
        ExceptionId::LegalDocument => {
            let attachment = event.attachment.as_ref();
            let noun = attachment
                .and_then(Attachment::effective_kind)
                .map_or("a legal document", AttachmentKind::noun);
            let recognised = attachment
                .filter(|a| a.kind.is_none())
                .and_then(|a| a.recognised.as_ref())
                .map(|r| format!(" It was recognised from its content: {}.", r.reason))
                .unwrap_or_default();
            format!(
                "This attachment is {noun}: legal documents may carry names, e-mail addresses and postal addresses. Keep the conversation itself on the platform.{recognised}"
            )
        }
        ExceptionId::ScopingAccess => {
            let reason = if event.purpose == Some(Purpose::ScopingAccess) {
                "It was shared through the platform's access request".to_owned()
            } else {
                let text = match context.body {
                    Body::Text(text) => text.to_lowercase(),
                    Body::Conversation(messages) => messages
                        .iter()
                        .filter(|m| m.from == event.sender.id)
                        .map(|m| m.text.to_lowercase())
                        .collect::<Vec<_>>()
                        .join("\n"),
                };
                let system = policy
                    .exceptions
                    .scoping_access
                    .systems
                    .iter()
                    .find(|s| contains_words(&text, s))
                    .map_or("a system", String::as_str);
                format!("It was shared to give access to {system}")
            };
            format!(
                "{reason}, which is allowed to scope the work. Use it only for the invitation and keep the conversation on the platform."
            )
        }
        ExceptionId::PortfolioLink => {
            "A freelancer may link to their own work (a portfolio site, or a page of their own site that shows work) to show it; the link may not be used to get in touch, and contact details found through it may not be used before a contract.".to_owned()
        }
        ExceptionId::EnterprisePlan => {
            let (whose, plan) = match enterprise_party(context, policy) {
                Some(PartyRole::Recipient) => (
                    "the recipient's",
                    event.recipient.as_ref().and_then(|r| r.plan.as_deref()),
                ),
                _ => ("your", event.sender.plan.as_deref()),
            };
            format!(
                "{} plan ({}) allows direct contact. Payment must still go through the platform.",
                capitalise(whose),
                plan.unwrap_or("enterprise")
            )
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_partly_masked() {
        assert_eq!(mask_email("alex@gmail.com"), "a***@gmail.com");
        assert_eq!(last_digits("+14158392716;ext=12"), "2716");
        assert_eq!(last_digits("+12"), "12");
        assert_eq!(mask_url("linktr.ee/mayaruns"), "linktr.ee/…");
        assert_eq!(mask_url("example.com"), "example.com");
        assert_eq!(months_in_words(24), "2 years");
    }

    #[test]
    fn articles_follow_the_sound() {
        assert_eq!(with_article(&display_name("iban")), "an IBAN");
        assert_eq!(with_article(&display_name("upi")), "a UPI");
        assert_eq!(with_article(&display_name("whatsapp")), "a WhatsApp");
        assert_eq!(with_article(&display_name("imessage")), "an iMessage");
        assert_eq!(with_article(&display_name("email")), "an email");
        assert_eq!(
            with_article(&display_name("western-union")),
            "a Western Union"
        );
        assert_eq!(with_article(&display_name("apple-pay")), "an Apple Pay");
        assert_eq!(
            with_article(&display_name("some-new-wallet")),
            "a some new wallet"
        );
    }
}
