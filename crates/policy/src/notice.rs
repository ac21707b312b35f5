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
    contains_words, enterprise_party, finding_text, Context, ExceptionUse, Violation,
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
            describe_findings(&violation.findings)
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
        sentences.push(format!(
            "Allowed by the {} exception: {}. {}",
            exception.id.as_str(),
            describe_findings(&exception.findings),
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
fn describe_findings(findings: &[Finding]) -> String {
    let mut items: Vec<String> = Vec::new();
    for item in findings.iter().map(describe_finding) {
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

fn describe_finding(finding: &Finding) -> String {
    let value = finding.value.as_deref().filter(|v| !v.is_empty());
    match (finding.kind, value) {
        (Kind::Email, Some(email)) => format!("an e-mail address ({})", mask_email(email)),
        (Kind::Phone, Some(phone)) => format!("a phone number ending in {}", last_digits(phone)),
        (Kind::Url, Some(url)) => format!("a link ({})", mask_url(url)),
        (Kind::Social, Some(network)) => format!("a {network} profile"),
        (Kind::Messenger, Some(app)) => format!("a {app} contact"),
        (Kind::Meeting, Some(service)) => format!("a {service} meeting link"),
        (Kind::Payment, Some(method)) => format!("a {method} payment request"),
        (Kind::Payment, None) => "an offer to pay or be paid outside the platform".to_owned(),
        (Kind::Solicitation, _) => "a request to continue outside the platform".to_owned(),
        (kind, _) => format!("a {kind}"),
    }
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
            if has(Kind::Meeting) {
                advice.push(
                    "use the platform's video call instead of an outside meeting link".to_owned(),
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
            if mentions_legal && (has(Kind::Email) || has(Kind::Phone)) {
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
            "A freelancer may link to their own work on a portfolio site to show it; the link may not be used to get in touch.".to_owned()
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
}
