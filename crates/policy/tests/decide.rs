//! The decision as a pure function: hand-made findings, no detector, so each rule and
//! exception is tested on exactly the finding it is about.

use offside_detect::{Finding, Kind};
use offside_policy::{decide, Action, Event, ExceptionId, Policy, ViolationId};

/// A message event before any contract, with the fields of `extra` (JSON object members
/// separated by " | ") replacing or adding to it.
fn event(extra: &str) -> Event<u64> {
    let mut base: serde_json::Value = serde_json::from_str(
        r#"{"id": 1, "surface": "message", "at": "2026-05-06T10:00:00Z",
            "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"}}"#,
    )
    .unwrap();
    let extra: serde_json::Value =
        serde_json::from_str(&format!("{{{}}}", extra.replace(" | ", ", "))).unwrap();
    for (key, value) in extra.as_object().unwrap() {
        base[key] = value.clone();
    }
    serde_json::from_value(base).unwrap()
}

fn finding(kind: Kind, value: Option<&str>, confidence: f32) -> Finding {
    Finding::new(
        kind,
        value.map(str::to_owned),
        0,
        4,
        confidence,
        "test/rule",
    )
}

/// What a decision comes to: the action, the violations and the exceptions.
type Outcome = (Action, Vec<ViolationId>, Vec<ExceptionId>);

fn outcome(event: &Event<u64>, findings: &[Finding]) -> Outcome {
    let decision = decide(event, findings, &Policy::default()).unwrap();
    (
        decision.action,
        decision.violations.iter().map(|v| v.id).collect(),
        decision.exceptions.iter().map(|e| e.id).collect(),
    )
}

#[test]
fn rules_and_exceptions_by_case() {
    use ExceptionId as E;
    use ViolationId as V;
    let email = finding(Kind::Email, Some("a@b.com"), 0.97);
    let messenger = finding(Kind::Messenger, Some("telegram"), 0.9);
    let paypal = finding(Kind::Payment, Some("paypal"), 0.9);
    let behance = finding(Kind::Url, Some("behance.net/maya"), 0.95);
    let platform = finding(Kind::Url, Some("offside.example.com/call/1"), 0.95);
    let table: Vec<(&str, &str, Vec<Finding>, Outcome)> = vec![
        (
            "email before contract",
            r#""text": "x""#,
            vec![email.clone()],
            (Action::Redact, vec![V::ContactBeforeContract], vec![]),
        ),
        (
            "email under contract",
            r#""text": "x" | "relationship": {"state": "active", "first_contract_at": "2026-01-01T00:00:00Z"}"#,
            vec![email.clone()],
            (Action::Allow, vec![], vec![]),
        ),
        (
            "email on a review",
            r#""text": "x" | "surface": "review""#,
            vec![email.clone()],
            (Action::Block, vec![V::ContactPublicSurface], vec![]),
        ),
        (
            "medium confidence on a profile holds",
            r#""text": "x" | "surface": "profile""#,
            vec![finding(Kind::Email, Some("a@b.com"), 0.75)],
            (Action::Hold, vec![V::ContactPublicSurface], vec![]),
        ),
        (
            "payment under contract",
            r#""text": "x" | "relationship": {"state": "active", "first_contract_at": "2026-01-01T00:00:00Z"}"#,
            vec![paypal.clone()],
            (Action::Block, vec![V::PaymentOffPlatform], vec![]),
        ),
        (
            "payment is never excused by enterprise",
            r#""text": "x" | "sender": {"id": "f1", "role": "freelancer", "plan": "Enterprise"}"#,
            vec![paypal.clone(), email.clone()],
            (
                Action::Block,
                vec![V::PaymentOffPlatform],
                vec![E::EnterprisePlan],
            ),
        ),
        (
            "nda covers email, not messenger",
            r#""text": "x" | "surface": "attachment" | "attachment": {"kind": "nda"}"#,
            vec![email.clone(), messenger.clone()],
            (
                Action::Hold,
                vec![V::ContactBeforeContract],
                vec![E::LegalDocument],
            ),
        ),
        (
            "portfolio from a client is a violation",
            r#""text": "x" | "sender": {"id": "c1", "role": "client"}"#,
            vec![behance.clone()],
            (Action::Redact, vec![V::ContactBeforeContract], vec![]),
        ),
        (
            "portfolio from a freelancer",
            r#""text": "x""#,
            vec![behance.clone()],
            (Action::Allow, vec![], vec![E::PortfolioLink]),
        ),
        (
            "platform link on a job post",
            r#""text": "x" | "surface": "job_post""#,
            vec![platform.clone()],
            (Action::Allow, vec![], vec![E::PlatformTools]),
        ),
        (
            "scoping purpose covers email only",
            r#""text": "x" | "purpose": "scoping_access""#,
            vec![email.clone(), messenger.clone()],
            (
                Action::Redact,
                vec![V::ContactBeforeContract],
                vec![E::ScopingAccess],
            ),
        ),
    ];
    for (name, extra, findings, expected) in table {
        assert_eq!(outcome(&event(extra), &findings), expected, "{name}");
    }
}

#[test]
fn in_a_conversation_only_the_senders_findings_count() {
    let conversation = r#""conversation": [{"from": "c1", "text": "my mail is a@b.com"}, {"from": "f1", "text": "I cannot share mine"}, {"from": "f1", "text": "ok"}]"#;
    let event = event(conversation);
    let mut theirs = finding(Kind::Email, Some("a@b.com"), 0.97);
    theirs.message = Some(0);
    assert_eq!(outcome(&event, &[theirs]).0, Action::Allow);
    // A value split between the two sides is not held against the sender either.
    let mut split = finding(Kind::Phone, Some("+14158392716"), 0.95);
    split.message = Some(0);
    split.messages = vec![0, 1];
    assert_eq!(outcome(&event, &[split]).0, Action::Allow);
    let mut own_split = finding(Kind::Phone, Some("+14158392716"), 0.95);
    own_split.message = Some(1);
    own_split.messages = vec![1, 2];
    assert_eq!(outcome(&event, &[own_split]).0, Action::Redact);
}

#[test]
fn no_findings_no_notice() {
    let decision = decide(&event(r#""text": "hello""#), &[], &Policy::default()).unwrap();
    assert_eq!(decision.action, Action::Allow);
    assert_eq!(decision.notice, "");
    assert!(decision.redacted_text.is_none());
}

#[test]
fn an_event_without_text_is_an_error_not_a_panic() {
    let error = decide(&event(r#""surface": "message""#), &[], &Policy::default()).unwrap_err();
    assert!(error.to_string().contains("missing \"text\""), "{error}");
}

/// An attachment whose kind the caller did not give: the kind offside recognised from the
/// content decides the legal exception, its reason is in the notice, and a declared kind
/// wins over it. Callers cannot claim a recognition themselves.
#[test]
fn a_recognised_legal_document_is_excused_and_says_why() {
    use offside_policy::event::{AttachmentKind, Recognised};

    let email = finding(Kind::Email, Some("jordan@example.com"), 0.95);
    let mut event =
        event(r#""text": "x" | "surface": "attachment" | "attachment": {"name": "a.pdf"}"#);
    assert_eq!(
        outcome(&event, std::slice::from_ref(&email)),
        (
            Action::Hold,
            vec![ViolationId::ContactBeforeContract],
            vec![]
        )
    );

    let recognised = Recognised {
        kind: AttachmentKind::Nda,
        reason: "it opens with the title \"non-disclosure agreement\"".to_owned(),
    };
    event.attachment.as_mut().unwrap().recognised = Some(recognised);
    let decision = decide(&event, std::slice::from_ref(&email), &Policy::default()).unwrap();
    assert_eq!(decision.action, Action::Allow);
    assert_eq!(decision.exceptions[0].id, ExceptionId::LegalDocument);
    assert!(
        decision.exceptions[0]
            .why
            .contains("recognised from its content: it opens with"),
        "{}",
        decision.exceptions[0].why
    );

    event.attachment.as_mut().unwrap().kind = Some(AttachmentKind::Other);
    assert_eq!(
        outcome(&event, std::slice::from_ref(&email)).0,
        Action::Hold,
        "a declared kind wins"
    );

    let claimed: Result<Event<u64>, _> = serde_json::from_str(
        r#"{"text": "x", "surface": "attachment", "at": "2026-05-06T10:00:00Z",
            "sender": {"id": "f1", "role": "freelancer"}, "relationship": {"state": "none"},
            "attachment": {"recognised": {"kind": "nda", "reason": "trust me"}}}"#,
    );
    let error = claimed.unwrap_err().to_string();
    assert!(error.contains("recognised"), "{error}");
}

fn in_message(mut finding: Finding, message: usize) -> Finding {
    finding.message = Some(message);
    finding
}

#[test]
fn in_a_conversation_only_the_newest_message_is_judged() {
    let conversation = r#""conversation": [{"from": "f1", "text": "mail a@b.com"}, {"from": "c1", "text": "ok"}, {"from": "f1", "text": "thanks, talk here"}]"#;
    let earlier = in_message(finding(Kind::Email, Some("a@b.com"), 0.97), 0);
    // The e-mail was in an earlier message: decided then, never counted or cited again.
    let decision = decide(
        &event(conversation),
        std::slice::from_ref(&earlier),
        &Policy::default(),
    )
    .unwrap();
    assert_eq!(decision.action, Action::Allow);
    assert!(decision.violations.is_empty());
    assert_eq!(decision.notice, "");
    // A value split over the sender's two last messages involves the newest: it counts.
    let split_conversation = r#""conversation": [{"from": "c1", "text": "number?"}, {"from": "f1", "text": "415 839"}, {"from": "f1", "text": "2716"}]"#;
    let mut split = in_message(finding(Kind::Phone, Some("+14158392716"), 0.95), 1);
    split.messages = vec![1, 2];
    split.end = 4;
    let decision = decide(&event(split_conversation), &[split], &Policy::default()).unwrap();
    assert_eq!(decision.action, Action::Redact);
    // The other side writing last: nothing of the sender's is new.
    let other_last =
        r#""conversation": [{"from": "f1", "text": "mail a@b.com"}, {"from": "c1", "text": "ok"}]"#;
    let decision = decide(&event(other_last), &[earlier], &Policy::default()).unwrap();
    assert_eq!(decision.action, Action::Allow);
}

#[test]
fn links_by_role() {
    use offside_policy::{decide_with_roles, LinkRole};
    let link = |value: &str| finding(Kind::Url, Some(value), 0.95);
    let role = |finding: &Finding| match finding.value.as_deref() {
        Some("docs.rs/serde") => Some(LinkRole::Reference),
        Some("mayalopez.design/about") => Some(LinkRole::Own),
        Some("mayalopez.design/portfolio") => Some(LinkRole::Contact),
        Some("example.org/x") => Some(LinkRole::Unknown),
        _ => None,
    };
    let policy = Policy::default();
    let decide_on = |extra: &str, value: &str| {
        let decision = decide_with_roles(&event(extra), &[link(value)], &policy, &role).unwrap();
        (
            decision.action,
            decision.violations.iter().map(|v| v.id).collect::<Vec<_>>(),
        )
    };
    // Third-party material is not contact information on any surface.
    for surface in [
        "message",
        "proposal",
        "profile",
        "job_post",
        "attachment",
        "review",
    ] {
        let extra = format!(r#""text": "x" | "surface": "{surface}""#);
        assert_eq!(
            decide_on(&extra, "docs.rs/serde"),
            (Action::Allow, vec![]),
            "{surface}"
        );
    }
    // One's own site and contact pages are contact information.
    assert_eq!(
        decide_on(r#""text": "x""#, "mayalopez.design/about"),
        (Action::Redact, vec![ViolationId::ContactBeforeContract])
    );
    assert_eq!(
        decide_on(
            r#""text": "x" | "surface": "profile""#,
            "mayalopez.design/about"
        ),
        (Action::Block, vec![ViolationId::ContactPublicSurface])
    );
    // A contact page is never a portfolio, whatever its path says.
    assert_eq!(
        decide_on(r#""text": "x""#, "mayalopez.design/portfolio"),
        (Action::Redact, vec![ViolationId::ContactBeforeContract])
    );
    // Unknown links are contact information before a contract under the default policy
    // (its unknown_link_action sets no limit); a policy may cap them at a warning.
    assert_eq!(
        decide_on(r#""text": "x""#, "example.org/x"),
        (Action::Redact, vec![ViolationId::ContactBeforeContract])
    );
    // Without a role (a detector that gives none) a link is contact information.
    assert_eq!(
        decide_on(r#""text": "x""#, "example.org/y"),
        (Action::Redact, vec![ViolationId::ContactBeforeContract])
    );
}

#[test]
fn portfolio_links_follow_policy_md() {
    let link = |value: &str| finding(Kind::Url, Some(value), 0.95);
    let shows = |text: &str, value: &str| {
        let extra = format!(r#""text": "{text}" | "surface": "proposal""#);
        outcome(&event(&extra), &[link(value)])
    };
    let allowed = (Action::Allow, vec![], vec![ExceptionId::PortfolioLink]);
    let refused = (
        Action::Redact,
        vec![ViolationId::ContactBeforeContract],
        vec![],
    );
    assert_eq!(shows("my work", "behance.net/maya"), allowed);
    assert_eq!(
        shows("case studies", "maya.design/case-studies/fintech"),
        allowed
    );
    assert_eq!(shows("my reel", "maya.design/reel"), allowed);
    assert_eq!(shows("details", "maya.design/contact"), refused);
    assert_eq!(shows("book", "maya.design/portfolio/book-a-call"), refused);
    assert_eq!(shows("all my links", "linktr.ee/maya"), refused);
    assert_eq!(shows("my site", "maya.design"), refused);
    assert_eq!(
        shows("see my work and reach me there", "behance.net/maya"),
        refused
    );
}

#[test]
fn events_outside_the_time_bounds_are_refused() {
    let policy = Policy::default();
    let now: offside_policy::Time = "2026-05-06T10:00:00Z".parse().unwrap();
    let at = |text: &str| text.parse::<offside_policy::Time>().unwrap();
    assert!(policy.check_time(at("2026-05-06T09:00:00Z"), now).is_ok());
    assert!(policy.check_time(at("2026-05-07T09:00:00Z"), now).is_ok());
    let future = policy
        .check_time(at("2026-05-07T10:00:01Z"), now)
        .unwrap_err()
        .to_string();
    assert!(future.contains("more than 24 h after now"), "{future}");
    let early = policy
        .check_time(at("0001-01-01T00:00:00Z"), now)
        .unwrap_err()
        .to_string();
    assert!(early.contains("before 2000"), "{early}");
    assert!(policy.check_time(at("2000-01-01T00:00:00Z"), now).is_ok());
}

#[test]
fn notices_cite_products_and_never_contradict_the_lead() {
    let policy = Policy::default();
    let text = "Can we use Microsoft Teams for the interview?";
    let start = text.find("Microsoft Teams").unwrap();
    let teams = Finding::new(
        Kind::Meeting,
        Some("teams".into()),
        start,
        start + "Microsoft Teams".len(),
        0.9,
        "test/rule",
    );
    let extra = format!(r#""text": "{text}""#);
    let decision = decide(&event(&extra), &[teams], &policy).unwrap();
    assert!(
        decision.notice.contains("the product Microsoft Teams"),
        "{}",
        decision.notice
    );
    assert!(
        decision.notice.contains("video call"),
        "{}",
        decision.notice
    );
    assert!(
        !decision.notice.contains("meeting link"),
        "{}",
        decision.notice
    );
    assert_eq!(
        decision.redacted_text.as_deref(),
        Some("Can we use [meeting app hidden] for the interview?")
    );
    let iban = finding(Kind::Payment, Some("iban"), 0.95);
    let decision = decide(&event(r#""text": "x""#), &[iban], &policy).unwrap();
    assert!(
        decision.notice.contains("an IBAN payment"),
        "{}",
        decision.notice
    );
    // An NDA attachment with a messenger ID: blocked or held, never "allowed".
    let email = finding(Kind::Email, Some("a@b.com"), 0.97);
    let whatsapp = finding(Kind::Messenger, Some("whatsapp"), 0.95);
    let nda = r#""text": "x" | "surface": "attachment" | "attachment": {"kind": "nda"}"#;
    let decision = decide(&event(nda), &[email, whatsapp], &policy).unwrap();
    assert_eq!(decision.action, Action::Hold);
    assert!(!decision.notice.contains("Allowed"), "{}", decision.notice);
    assert!(
        !decision.notice.contains("send it as an attachment"),
        "{}",
        decision.notice
    );
}
