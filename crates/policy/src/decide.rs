//! The decision: a pure function of (event, findings, policy).
//!
//! Each finding held against the sender goes through three questions, in order:
//! 1. Which rule is it about? (its kind; kinds in no rule are ignored)
//! 2. Would it break that rule here? Contact: on a public surface always
//!    (`contact.public_surface`), on a private one only before a contract
//!    (`contact.before_contract`). Payment: while [`PaymentRule::Applies`]
//!    (`payment.off_platform`).
//! 3. Does an exception cover it? The first that does is recorded with the finding;
//!    otherwise it is a violation.
//!
//! The action is the heaviest of the violations' actions, each looked up in the policy's
//! table by (violation, surface, confidence band of its most confident finding).

use offside_detect::{Finding, Kind};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::event::{
    Attachment, Body, ContractStage, ConversationMessage, Event, EventError, PaymentRule, Purpose,
    RelationshipState, Surface,
};
use crate::notice;
use crate::policy::{
    Action, Band, ExceptionId, KindName, PartyRole, Policy, RuleName, ViolationId,
};

/// What to do with an event, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    /// The heaviest action any violation calls for; `allow` when there is none.
    pub action: Action,
    /// The rules broken, one entry per violation id, in a stable order.
    pub violations: Vec<Violation>,
    /// The exceptions that excused findings that would otherwise be violations.
    pub exceptions: Vec<ExceptionUse>,
    /// What the sender (and a reviewer) is told: what was found, which rule, what to do
    /// instead; which exception applied. Empty when there is nothing to say.
    pub notice: String,
    /// For a `redact` decision on a text: the text with the violating findings masked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redacted_text: Option<String>,
    /// For a `redact` decision on a conversation: every message, the sender's violating
    /// findings masked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub redacted_conversation: Option<Vec<ConversationMessage>>,
}

/// One rule broken.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Violation {
    /// The rule: `contact` or `payment`.
    pub rule: RuleName,
    /// Which case of it.
    pub id: ViolationId,
    /// The kinds of the violating findings, without repeats.
    pub kinds: Vec<KindName>,
    /// The violating findings, in the shape `offside scan` prints.
    #[serde(serialize_with = "serialize_findings")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<FindingJson>))]
    pub findings: Vec<Finding>,
    /// The points this violation adds on the sanction ladder when recorded (the ladder's
    /// weight for its rule).
    pub severity: f64,
    /// The confidence band of its most confident finding.
    pub band: Band,
    /// The action the policy gives it on this surface in this band.
    pub action: Action,
}

/// One exception that applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExceptionUse {
    /// Which exception.
    pub id: ExceptionId,
    /// Why it applied, in a sentence.
    pub why: String,
    /// The findings it covered.
    #[serde(serialize_with = "serialize_findings")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<FindingJson>))]
    pub findings: Vec<Finding>,
}

/// What the decision needs to know about the event, computed once.
pub(crate) struct Context<'e, Id> {
    pub event: &'e Event<Id>,
    pub body: Body<'e>,
    pub state: RelationshipState,
}

/// Scans an event's text (or its whole conversation, so values split over several messages
/// are found) with `engine`, then [`decide`]s. `region` is the event's region hint, already
/// parsed (the caller reports a bad `region` field its own way); `None` uses the engine's
/// default.
pub fn check<Id>(
    engine: &offside_detect::Engine,
    policy: &Policy,
    event: &Event<Id>,
    region: Option<offside_detect::Region>,
) -> Result<Decision, EventError> {
    let findings = match event.body()? {
        Body::Text(text) => engine.scan(text, region),
        Body::Conversation(messages) => {
            let texts: Vec<&str> = messages.iter().map(|m| m.text.as_str()).collect();
            engine.scan_conversation(&texts, region)
        }
    };
    decide(event, &findings, policy)
}

/// What a link leads to, as the detector judges it from the link and its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkRole {
    /// The sender's own site or portfolio.
    Own,
    /// A way to reach the sender: a contact, booking or link-in-bio page, a profile.
    Contact,
    /// Someone else's material: documentation, an article, a public repository, a site the
    /// work should resemble. Never contact information.
    Reference,
    /// The detector could not tell.
    Unknown,
}

/// The role the detector gave a `url` finding, `None` when it gave none (then the link is
/// treated as contact information, as before roles existed). This is the one place the
/// policy reads a finding's role.
pub fn link_role(finding: &Finding) -> Option<LinkRole> {
    finding.role.map(|role| match role {
        offside_detect::LinkRole::Own => LinkRole::Own,
        offside_detect::LinkRole::Contact => LinkRole::Contact,
        offside_detect::LinkRole::Reference => LinkRole::Reference,
        offside_detect::LinkRole::Unknown => LinkRole::Unknown,
    })
}

/// Decides on an event given the detector's findings in its text (for a conversation, the
/// findings of `Engine::scan_conversation` over its messages).
///
/// Only the sender can break a rule, and only with what they are sending now: in a
/// conversation the decision is about the newest message, which must be the sender's. A
/// finding counts only when it involves that message and every message it was found in is
/// the sender's; earlier messages are context (a value split across messages is found
/// through them), and what they carried alone was decided when they were sent, so it is
/// never counted or cited again. What the other side wrote never counts.
pub fn decide<Id>(
    event: &Event<Id>,
    findings: &[Finding],
    policy: &Policy,
) -> Result<Decision, EventError> {
    decide_with_roles(event, findings, policy, &link_role)
}

/// [`decide`], with the links' roles read by `role_of` instead of [`link_role`].
pub fn decide_with_roles<Id>(
    event: &Event<Id>,
    findings: &[Finding],
    policy: &Policy,
    role_of: &dyn Fn(&Finding) -> Option<LinkRole>,
) -> Result<Decision, EventError> {
    event.check_consistency()?;
    let context = Context {
        event,
        body: event.body()?,
        state: event.relationship_state(policy.rules.payment.window_months)?,
    };
    let mut violating: Vec<(ViolationId, &Finding)> = Vec::new();
    let mut excused: Vec<(ExceptionId, &Finding)> = Vec::new();
    // Findings whose only doubt is that the link's role is unknown.
    let mut unknown_links: Vec<&Finding> = Vec::new();
    for finding in findings
        .iter()
        .filter(|finding| is_judged(&context, finding))
    {
        let role = match finding.kind {
            Kind::Url => role_of(finding),
            _ => None,
        };
        if role == Some(LinkRole::Reference) {
            // Someone else's material is not contact information, on any surface.
            continue;
        }
        let Some(violation) = would_violate(&context, policy, finding.kind) else {
            continue;
        };
        match covering_exception(&context, policy, finding, role) {
            Some(exception) => excused.push((exception, finding)),
            None => {
                if role == Some(LinkRole::Unknown)
                    && violation == ViolationId::ContactBeforeContract
                {
                    unknown_links.push(finding);
                }
                violating.push((violation, finding));
            }
        }
    }

    let mut violations = Vec::new();
    for id in ViolationId::ALL {
        let findings: Vec<Finding> = violating
            .iter()
            .filter(|(v, _)| *v == id)
            .map(|(_, f)| (*f).clone())
            .collect();
        if findings.is_empty() {
            continue;
        }
        let top_confidence = findings
            .iter()
            .map(|f| f.confidence)
            .fold(f32::MIN, f32::max);
        let band = policy.confidence.band(top_confidence);
        let mut action = policy.action(id, event.surface, band);
        let only_unknown_links = violating
            .iter()
            .filter(|(v, _)| *v == id)
            .all(|(_, f)| unknown_links.iter().any(|u| std::ptr::eq(*u, *f)));
        if only_unknown_links {
            action = action.min(policy.rules.contact.unknown_link_action);
        }
        let mut kinds: Vec<KindName> = findings.iter().map(|f| KindName(f.kind)).collect();
        kinds.sort();
        kinds.dedup();
        violations.push(Violation {
            rule: id.rule(),
            id,
            kinds,
            severity: policy.weight(id.rule()),
            band,
            action,
            findings,
        });
    }

    let mut exceptions = Vec::new();
    for id in EXCEPTION_ORDER {
        let findings: Vec<Finding> = excused
            .iter()
            .filter(|(e, _)| *e == id)
            .map(|(_, f)| (*f).clone())
            .collect();
        if findings.is_empty() {
            continue;
        }
        exceptions.push(ExceptionUse {
            id,
            why: notice::why_exception(&context, policy, id),
            findings,
        });
    }

    let action = violations
        .iter()
        .map(|v| v.action)
        .max()
        .unwrap_or(Action::Allow);
    let notice = notice::render(&context, policy, action, &violations, &exceptions);
    let (redacted_text, redacted_conversation) = if action == Action::Redact {
        let masked: Vec<&Finding> = violations.iter().flat_map(|v| &v.findings).collect();
        redacted(context.body, &masked)
    } else {
        (None, None)
    };
    Ok(Decision {
        action,
        violations,
        exceptions,
        notice,
        redacted_text,
        redacted_conversation,
    })
}

/// The order exceptions are tried in, and listed in.
const EXCEPTION_ORDER: [ExceptionId; 5] = [
    ExceptionId::PlatformTools,
    ExceptionId::LegalDocument,
    ExceptionId::ScopingAccess,
    ExceptionId::PortfolioLink,
    ExceptionId::EnterprisePlan,
];

/// The indices of the messages a finding was found in (0 for a single text).
fn finding_messages(finding: &Finding) -> Vec<usize> {
    if finding.messages.is_empty() {
        vec![finding.message.unwrap_or(0)]
    } else {
        finding.messages.clone()
    }
}

/// Whether a finding is judged: always for a single text; in a conversation, when it
/// involves the newest message and every message it was found in is the sender's.
fn is_judged<Id>(context: &Context<'_, Id>, finding: &Finding) -> bool {
    match context.body {
        Body::Text(_) => true,
        Body::Conversation(messages) => {
            let in_messages = finding_messages(finding);
            let newest = messages.len().checked_sub(1);
            newest.is_some_and(|newest| in_messages.contains(&newest))
                && in_messages.iter().all(|&idx| {
                    messages
                        .get(idx)
                        .is_some_and(|message| message.from == context.event.sender.id)
                })
        }
    }
}

/// The text of the message a finding starts in.
pub(crate) fn finding_text<'e, Id>(context: &Context<'e, Id>, finding: &Finding) -> &'e str {
    match context.body {
        Body::Text(text) => text,
        Body::Conversation(messages) => messages
            .get(finding.message.unwrap_or(0))
            .map_or("", |message| message.text.as_str()),
    }
}

/// The violation a finding of this kind would be here, before exceptions.
fn would_violate<Id>(
    context: &Context<'_, Id>,
    policy: &Policy,
    kind: Kind,
) -> Option<ViolationId> {
    match policy.rule_of(kind)? {
        RuleName::Contact if policy.is_public(context.event.surface) => {
            Some(ViolationId::ContactPublicSurface)
        }
        RuleName::Contact => match context.state.stage {
            ContractStage::BeforeContract => Some(ViolationId::ContactBeforeContract),
            ContractStage::UnderContract | ContractStage::AfterContract => None,
        },
        RuleName::Payment => match context.state.payment {
            PaymentRule::Applies { .. } => Some(ViolationId::PaymentOffPlatform),
            PaymentRule::Lifted(_) => None,
        },
    }
}

/// The first exception that covers a finding, if any.
fn covering_exception<Id>(
    context: &Context<'_, Id>,
    policy: &Policy,
    finding: &Finding,
    role: Option<LinkRole>,
) -> Option<ExceptionId> {
    let event = context.event;
    let surface = event.surface;
    let kind = KindName(finding.kind);
    let exceptions = &policy.exceptions;
    let value = finding.value.as_deref().unwrap_or("");

    let platform = &exceptions.platform_tools;
    if applies(&platform.covers, &platform.surfaces, kind, surface)
        && host_matches(value, &platform.hosts)
    {
        return Some(ExceptionId::PlatformTools);
    }

    let legal = &exceptions.legal_document;
    if applies(&legal.covers, &legal.surfaces, kind, surface)
        && event
            .attachment
            .as_ref()
            .and_then(Attachment::effective_kind)
            .is_some_and(|kind| legal.attachment_kinds.contains(&kind))
    {
        return Some(ExceptionId::LegalDocument);
    }

    let scoping = &exceptions.scoping_access;
    if applies(&scoping.covers, &scoping.surfaces, kind, surface)
        && (event.purpose == Some(Purpose::ScopingAccess)
            || names_scoping_system(policy, finding_text(context, finding)))
    {
        return Some(ExceptionId::ScopingAccess);
    }

    let portfolio = &exceptions.portfolio_link;
    if applies(&portfolio.covers, &portfolio.surfaces, kind, surface)
        && portfolio.roles.contains(&event.sender.role)
        && role != Some(LinkRole::Contact)
        && !offers_contact(policy, finding_text(context, finding))
    {
        let is_portfolio = match finding.kind {
            Kind::Social => portfolio.networks.iter().any(|network| network == value),
            _ => is_portfolio_link(policy, value),
        };
        if is_portfolio {
            return Some(ExceptionId::PortfolioLink);
        }
    }

    let enterprise = &exceptions.enterprise_plan;
    if applies(&enterprise.covers, &enterprise.surfaces, kind, surface)
        && enterprise_party(context, policy).is_some()
    {
        return Some(ExceptionId::EnterprisePlan);
    }
    None
}

/// Whether a link (`host/path`) shows work: on a portfolio host, or on a page whose path
/// says it shows work; never a contact or booking page, never a link-in-bio page.
pub(crate) fn is_portfolio_link(policy: &Policy, value: &str) -> bool {
    let portfolio = &policy.exceptions.portfolio_link;
    if host_matches(value, &portfolio.link_in_bio_hosts) {
        return false;
    }
    let path = value
        .split_once('/')
        .map_or("", |(_, path)| path)
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let in_list = |list: &[String]| {
        segments
            .iter()
            .any(|segment| list.iter().any(|item| item.eq_ignore_ascii_case(segment)))
    };
    if in_list(&portfolio.contact_paths) {
        return false;
    }
    host_matches(value, &portfolio.hosts) || in_list(&portfolio.work_paths)
}

/// Whether a text offers a link as a way to get in touch ("reach me there").
fn offers_contact(policy: &Policy, text: &str) -> bool {
    let lower = text.to_lowercase();
    policy
        .exceptions
        .portfolio_link
        .contact_cues
        .iter()
        .any(|cue| contains_words(&lower, cue))
}

fn applies(covers: &[KindName], surfaces: &[Surface], kind: KindName, surface: Surface) -> bool {
    covers.contains(&kind) && surfaces.contains(&surface)
}

/// The party whose plan allows direct contact, if any.
pub(crate) fn enterprise_party<Id>(
    context: &Context<'_, Id>,
    policy: &Policy,
) -> Option<PartyRole> {
    let enterprise = &policy.exceptions.enterprise_plan;
    let event = context.event;
    enterprise.parties.iter().copied().find(|party| {
        let plan = match party {
            PartyRole::Sender => event.sender.plan.as_deref(),
            PartyRole::Recipient => event.recipient.as_ref().and_then(|r| r.plan.as_deref()),
        };
        plan.is_some_and(|plan| {
            enterprise
                .plans
                .iter()
                .any(|p| p.eq_ignore_ascii_case(plan))
        })
    })
}

/// Whether a link's value (`host/path`) is on one of `hosts` or a subdomain of one.
pub(crate) fn host_matches(value: &str, hosts: &[String]) -> bool {
    let host = value
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("")
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    !host.is_empty()
        && hosts.iter().any(|domain| {
            let domain = domain.to_ascii_lowercase();
            host == domain
                || (host.len() > domain.len()
                    && host.ends_with(&domain)
                    && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
        })
}

/// Whether a text names a system one may be invited to *and* says it is about access.
fn names_scoping_system(policy: &Policy, text: &str) -> bool {
    let scoping = &policy.exceptions.scoping_access;
    let lower = text.to_lowercase();
    scoping.systems.iter().any(|s| contains_words(&lower, s))
        && scoping
            .access_words
            .iter()
            .any(|w| contains_words(&lower, w))
}

/// Whether `haystack` (lower case) contains `needle` as whole words, ignoring case.
pub(crate) fn contains_words(haystack: &str, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return false;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    haystack.match_indices(&needle).any(|(start, _)| {
        let end = start + needle.len();
        let before_ok = haystack[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word(c));
        let after_ok = haystack[end..].chars().next().is_none_or(|c| !is_word(c));
        before_ok && after_ok
    })
}

/// The text, or each message, with the given findings masked.
fn redacted(
    body: Body<'_>,
    masked: &[&Finding],
) -> (Option<String>, Option<Vec<ConversationMessage>>) {
    match body {
        Body::Text(text) => {
            let findings: Vec<Finding> = masked.iter().map(|f| (*f).clone()).collect();
            (Some(mask(text, &findings)), None)
        }
        Body::Conversation(messages) => {
            let conversation = messages
                .iter()
                .enumerate()
                .map(|(message_idx, message)| {
                    let in_message: Vec<Finding> = masked
                        .iter()
                        .filter_map(|f| part_in_message(f, message_idx, &message.text))
                        .collect();
                    ConversationMessage {
                        from: message.from.clone(),
                        text: mask(&message.text, &in_message),
                    }
                })
                .collect();
            (None, Some(conversation))
        }
    }
}

/// Whether a meeting or messaging finding only names the product ("a call on Microsoft
/// Teams"), with no link, handle or number the author wrote.
pub(crate) fn names_product_only(finding: &Finding, text: &str) -> bool {
    matches!(finding.kind, Kind::Meeting | Kind::Messenger)
        && text.get(finding.start..finding.end).is_some_and(|span| {
            !span
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '/' | '@' | '.' | '+' | ':'))
        })
}

/// The text with the findings masked, as `offside_detect::redact` does (overlaps merged,
/// invalid spans skipped), except that a meeting product named without a link is masked as
/// an app, not as a link.
fn mask(text: &str, findings: &[Finding]) -> String {
    let mut spans: Vec<(usize, usize, &'static str)> = findings
        .iter()
        .filter(|f| f.start < f.end && f.end <= text.len())
        .filter(|f| text.is_char_boundary(f.start) && text.is_char_boundary(f.end))
        .map(|f| {
            let label = if f.kind == Kind::Meeting && names_product_only(f, text) {
                "[meeting app hidden]"
            } else {
                f.kind.mask()
            };
            (f.start, f.end, label)
        })
        .collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for (start, end, label) in spans {
        if start < cursor {
            cursor = cursor.max(end);
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(label);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// The part of a (possibly split) finding that lies in one message, as a single-message
/// finding: a split value runs from `start` in its first message to `end` in its last, and
/// covers the messages in between whole.
fn part_in_message(finding: &Finding, message_idx: usize, text: &str) -> Option<Finding> {
    let messages = finding_messages(finding);
    let first = *messages.first()?;
    let last = *messages.last()?;
    if !messages.contains(&message_idx) {
        return None;
    }
    let start = if message_idx == first {
        finding.start
    } else {
        0
    };
    let end = if message_idx == last {
        finding.end
    } else {
        text.len()
    };
    let mut part = finding.clone();
    part.start = start.min(text.len());
    part.end = end.min(text.len());
    part.message = None;
    part.messages = Vec::new();
    Some(part)
}

/// Writes a decision's findings ([`FindingJson::decision`]).
fn serialize_findings<S: Serializer>(
    findings: &[Finding],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(findings.iter().map(FindingJson::decision))
}

/// A finding as JSON, the one format of a finding in a message or a conversation: `kind`,
/// `value`, `start`, `end` (bytes of the original text; in a conversation `start` is in
/// message `message` and `end` in the last of `messages`), `confidence`, `rule`, then the
/// fields of [`FindingDetail`], in that order.
#[derive(Debug, Clone, Copy)]
pub struct FindingJson<'f> {
    /// The finding.
    pub finding: &'f Finding,
    /// Which of the optional fields are written.
    pub detail: FindingDetail,
}

/// The optional fields a [`FindingJson`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingDetail {
    /// A decision's finding (the answers of `offside check`, the API and the stream, the
    /// stored answers and evidence, `POST /v1/scan`): `message` when set and, for a value
    /// split over messages, `messages`.
    Decision,
    /// `offside scan`'s finding: the link's `role` when it has one; in a conversation,
    /// `message` and, for a split value, `messages` and `parts` (the evidence's span in
    /// each message).
    Scan {
        /// Whether the finding was made in a conversation.
        in_conversation: bool,
    },
}

impl<'f> FindingJson<'f> {
    /// A decision's finding ([`FindingDetail::Decision`]).
    pub fn decision(finding: &'f Finding) -> FindingJson<'f> {
        FindingJson {
            finding,
            detail: FindingDetail::Decision,
        }
    }

    /// `offside scan`'s finding ([`FindingDetail::Scan`]).
    pub fn scan(finding: &'f Finding, in_conversation: bool) -> FindingJson<'f> {
        FindingJson {
            finding,
            detail: FindingDetail::Scan { in_conversation },
        }
    }
}

impl Serialize for FindingJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// One part of a split value: `{"message", "start", "end"}`.
        struct PartJson<'p>(&'p offside_detect::Part);
        impl Serialize for PartJson<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("message", &self.0.message)?;
                map.serialize_entry("start", &self.0.start)?;
                map.serialize_entry("end", &self.0.end)?;
                map.end()
            }
        }
        /// The parts of a split value, without collecting them.
        struct PartsJson<'p>(&'p [offside_detect::Part]);
        impl Serialize for PartsJson<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.iter().map(PartJson))
            }
        }
        let finding = self.finding;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", finding.kind.as_str())?;
        map.serialize_entry("value", &finding.value)?;
        map.serialize_entry("start", &finding.start)?;
        map.serialize_entry("end", &finding.end)?;
        map.serialize_entry("confidence", &finding.confidence)?;
        map.serialize_entry("rule", finding.rule)?;
        let (in_conversation, scan) = match self.detail {
            FindingDetail::Decision => (true, false),
            FindingDetail::Scan { in_conversation } => (in_conversation, true),
        };
        if let (true, Some(role)) = (scan, finding.role) {
            map.serialize_entry("role", role.as_str())?;
        }
        if in_conversation {
            if let Some(message) = finding.message {
                map.serialize_entry("message", &message)?;
            }
            if finding.messages.len() > 1 {
                map.serialize_entry("messages", &finding.messages)?;
                if scan {
                    map.serialize_entry("parts", &PartsJson(&finding.parts))?;
                }
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_themselves_and_subdomains_only() {
        let hosts = vec!["behance.net".to_owned()];
        assert!(host_matches("behance.net/maya", &hosts));
        assert!(host_matches("www.behance.net/maya", &hosts));
        assert!(host_matches("portfolio.behance.net", &hosts));
        assert!(!host_matches("notbehance.net/maya", &hosts));
        assert!(!host_matches("behance.net.evil.com/x", &hosts));
        assert!(!host_matches("", &hosts));
    }

    #[test]
    fn words_match_whole_words() {
        assert!(contains_words("invite me to your github repo", "github"));
        assert!(contains_words(
            "google analytics access",
            "google analytics"
        ));
        assert!(!contains_words("githubber", "github"));
        assert!(!contains_words("reaccess", "access"));
        assert!(contains_words("(github)", "GitHub"));
    }

    #[test]
    fn split_findings_are_masked_in_every_message_they_span() {
        let mut finding = Finding::new(Kind::Phone, None, 13, 4, 0.9, "test");
        finding.message = Some(0);
        finding.messages = vec![0, 1, 2];
        let texts = ["my number is 415", "839", "2716 thanks"];
        let parts: Vec<(usize, usize)> = texts
            .iter()
            .enumerate()
            .filter_map(|(idx, text)| part_in_message(&finding, idx, text))
            .map(|f| (f.start, f.end))
            .collect();
        // `start` is in the first message, `end` in the last; the middle one is whole.
        assert_eq!(parts, vec![(13, 16), (0, 3), (0, 4)]);
    }
}
