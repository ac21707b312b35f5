//! The console's pages and forms. Every page but sign-in takes its reviewer as an extractor
//! ([`SignedIn`], [`Admin`] for reviewer admin), so no handler repeats the session check; the
//! filter and simulator lists come from the enums' `ALL` constants; stored answers and
//! evidence are read as the typed views of [`super::stored`].

// A handler's early exit is a ready response (a redirect, an error page): returned as the
// `Err` of a `Result`, the axum idiom, however large a `Response` is.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{DateTime, Duration, Utc};
use maud::{html, Markup, DOCTYPE};
use offside_detect::Kind;
use offside_ledger::{
    AppealDecided, AppealOutcome, Event as LedgerEvent, EventBody, NewReviewer, ReviewItem,
    ReviewItemKind, ReviewVerdict, Verdict,
};
use offside_policy::{Surface, ViolationId};
use serde::Deserialize;
use serde_json::Value;

use super::highlight::{highlight, Span};
use super::session::{self, Role, SignIn, SignedIn, LOGIN_CSRF_COOKIE, SESSION_COOKIE};
use super::stored::{StoredAnswer, StoredEvidence, StoredFinding};
use crate::auth::ClientAddr;
use crate::error::ApiError;
use crate::ingest::{decide_event, ApiEvent};
use crate::state::AppState;

type Shared = Arc<AppState>;

/// The most open items the queue page reads.
const QUEUE_LIMIT: u32 = 500;

const STYLE: &str = include_str!("style.css");

pub async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

// ---------------------------------------------------------------------------------------
// Layout and helpers

fn page(title: &str, who: Option<&SignedIn>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · offside console" }
                link rel="stylesheet" href="/console/style.css";
            }
            body {
                @if let Some(who) = who {
                    header {
                        nav aria-label="Console" {
                            a href="/console" { "Queue" }
                            a href="/console/overview" { "Overview" }
                            a href="/console/simulator" { "Simulator" }
                            @if who.role == Role::Admin {
                                a href="/console/admin/reviewers" { "Reviewers" }
                            }
                            span.who { (who.name) " (" (who.role.as_str()) ")" }
                            form #signout method="post" action="/console/logout" {
                                input type="hidden" name="csrf" value=(who.csrf);
                                button type="submit" { "Sign out" }
                            }
                        }
                    }
                }
                main { h1 { (title) } (body) }
            }
        }
    }
}

fn html_response(status: StatusCode, markup: Markup) -> Response {
    (status, markup).into_response()
}

fn error_page(status: StatusCode, who: Option<&SignedIn>, message: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    html_response(status, page(title, who, html! { p.error { (message) } }))
}

/// Form fields of a urlencoded body; an unreadable body has no fields.
fn form_fields(body: &Bytes) -> BTreeMap<String, String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// The session's CSRF token must come back with the form.
fn check_csrf(who: &SignedIn, fields: &BTreeMap<String, String>) -> Result<(), Response> {
    match fields.get("csrf") {
        Some(token) if session::same_token(token, &who.csrf) => Ok(()),
        _ => Err(error_page(
            StatusCode::FORBIDDEN,
            Some(who),
            "This form is missing its security token or the token is stale. Reload the page and try again.",
        )),
    }
}

fn internal(error: impl Into<ApiError>) -> Response {
    error.into().into_response()
}

fn age(since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - since).num_minutes().max(0);
    match minutes {
        0..=59 => format!("{minutes} min"),
        60..=2879 => format!("{} h", minutes / 60),
        _ => format!("{} d", minutes / 1440),
    }
}

// ---------------------------------------------------------------------------------------
// Sign-in

pub async fn login_form(State(state): State<Shared>, headers: HeaderMap) -> Response {
    let token = match session::new_token() {
        Ok(token) => token,
        Err(error) => return internal(error),
    };
    let secure = session::cookies_secure(&state, &headers);
    login_page(StatusCode::OK, &token, None, secure)
}

fn login_page(status: StatusCode, token: &str, error: Option<&str>, secure: bool) -> Response {
    let body = html! {
        @if let Some(error) = error { p.error role="alert" { (error) } }
        form #login method="post" action="/console/login" {
            input type="hidden" name="csrf" value=(token);
            label for="name" { "Name" }
            input #name type="text" name="name" autocomplete="username" required autofocus;
            label for="password" { "Password" }
            input #password type="password" name="password" autocomplete="current-password" required;
            button type="submit" { "Sign in" }
        }
    };
    let mut response = html_response(status, page("Sign in", None, body));
    response.headers_mut().append(
        header::SET_COOKIE,
        session::set_cookie(LOGIN_CSRF_COOKIE, token, 3600, secure),
    );
    response
}

pub async fn login(
    State(state): State<Shared>,
    client: Option<Extension<ClientAddr>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let fields = form_fields(&body);
    let expected = session::cookie(&headers, LOGIN_CSRF_COOKIE);
    let sent = fields.get("csrf");
    let csrf_ok = matches!((expected, sent), (Some(a), Some(b)) if session::same_token(a, b));
    if !csrf_ok {
        return error_page(
            StatusCode::FORBIDDEN,
            None,
            "The sign-in form is missing its security token. Reload the sign-in page.",
        );
    }
    let secure = session::cookies_secure(&state, &headers);
    let client = client.map_or_else(|| "unknown".to_owned(), |addr| addr.0 .0.ip().to_string());
    let name = fields.get("name").map_or("", String::as_str);
    let password = fields.get("password").map_or("", String::as_str);
    let retry_page = |status: StatusCode, retry_after_secs: u64, message: &str| {
        let token = match session::new_token() {
            Ok(token) => token,
            Err(error) => return error.into_response(),
        };
        let mut response = login_page(status, &token, Some(message), secure);
        if let Ok(value) = HeaderValue::from_str(&retry_after_secs.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    };
    match session::sign_in(&state, &client, name, password).await {
        Ok(SignIn::SignedIn(token)) => {
            let mut response = Redirect::to("/console").into_response();
            response.headers_mut().append(
                header::SET_COOKIE,
                session::set_cookie(SESSION_COOKIE, &token, session::session_max_age(), secure),
            );
            response.headers_mut().append(
                header::SET_COOKIE,
                session::set_cookie(LOGIN_CSRF_COOKIE, "", 0, secure),
            );
            response
        }
        Ok(SignIn::Wrong) => {
            let token = match session::new_token() {
                Ok(token) => token,
                Err(error) => return error.into_response(),
            };
            login_page(
                StatusCode::UNAUTHORIZED,
                &token,
                Some("Wrong name or password."),
                secure,
            )
        }
        Ok(SignIn::Locked { retry_after_secs }) => retry_page(
            StatusCode::TOO_MANY_REQUESTS,
            retry_after_secs,
            &format!(
                "Too many failed sign-ins. Try again in {retry_after_secs} second{}.",
                if retry_after_secs == 1 { "" } else { "s" }
            ),
        ),
        Err(ApiError::Busy) => retry_page(
            StatusCode::SERVICE_UNAVAILABLE,
            1,
            "Too many sign-ins at once. Try again in a moment.",
        ),
        Err(error) => error.into_response(),
    }
}

pub async fn logout(
    State(state): State<Shared>,
    headers: HeaderMap,
    who: SignedIn,
    body: Bytes,
) -> Response {
    if let Err(response) = check_csrf(&who, &form_fields(&body)) {
        return response;
    }
    if let Err(error) = session::sign_out(&state, &who).await {
        return error.into_response();
    }
    let mut response = Redirect::to("/console/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        session::set_cookie(
            SESSION_COOKIE,
            "",
            0,
            session::cookies_secure(&state, &headers),
        ),
    );
    response
}

// ---------------------------------------------------------------------------------------
// The queue

/// An open item with what the queue and the item page show about it.
struct ItemView {
    item: ReviewItem,
    /// The message concerned (for appeals: the appealed violation's message).
    message_id: Option<String>,
    /// Whose message it is (the account a verdict acts on).
    sender: Option<String>,
    /// The stored answer to the message.
    answer: Option<StoredAnswer>,
    /// The message's content and surface, when evidence was kept.
    content: Option<StoredEvidence>,
    /// For reports: the reporter's reason. For appeals: the appellant's note.
    reason: Option<String>,
}

impl ItemView {
    fn rules(&self) -> Vec<String> {
        self.answer
            .iter()
            .flat_map(|answer| &answer.violations)
            .map(|violation| violation.id.clone())
            .collect()
    }

    fn kinds(&self) -> Vec<String> {
        let mut kinds: Vec<String> = self
            .answer
            .iter()
            .flat_map(|answer| &answer.violations)
            .flat_map(|violation| violation.kinds.iter().cloned())
            .collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    fn surface(&self) -> Option<&str> {
        self.content.as_ref()?.surface.as_deref()
    }
}

async fn load_item(state: &AppState, item: ReviewItem) -> Result<ItemView, ApiError> {
    let mut message_id = item.message_id.clone();
    let mut reason = None;
    let events = state.ledger.events_for(&item.account).await?;
    if let Some(event) = events.iter().find(|event| event.id == item.item_id) {
        match &event.body {
            EventBody::AppealFiled(appeal) => {
                reason = appeal.note.clone();
                message_id = events.iter().find_map(|event| match &event.body {
                    EventBody::ViolationRecorded(violation) if event.id == appeal.violation_id => {
                        Some(violation.source_message_id.clone())
                    }
                    _ => None,
                });
            }
            EventBody::ReportFiled(report) => reason = report.reason.clone(),
            _ => {}
        }
    }
    let (mut answer, mut content, mut sender) = (None, None, None);
    if let Some(message_id) = &message_id {
        if let Some(decision) = state.ledger.decision(message_id).await? {
            sender = Some(decision.account);
            answer = StoredAnswer::parse(&decision.response);
        }
        if let Some(evidence) = state.ledger.evidence(message_id).await? {
            content = StoredEvidence::parse(&evidence.content);
        }
    }
    if item.kind != ReviewItemKind::Report {
        sender.get_or_insert_with(|| item.account.clone());
    }
    Ok(ItemView {
        item,
        message_id,
        sender,
        answer,
        content,
        reason,
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct QueueFilter {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    finding: String,
    #[serde(default)]
    surface: String,
    #[serde(default)]
    min_age_hours: String,
}

impl QueueFilter {
    fn keeps(&self, view: &ItemView, now: DateTime<Utc>) -> bool {
        let min_age: Option<i64> = self.min_age_hours.trim().parse().ok();
        (self.kind.is_empty() || view.item.kind.as_str() == self.kind)
            && (self.rule.is_empty() || view.rules().contains(&self.rule))
            && (self.finding.is_empty() || view.kinds().contains(&self.finding))
            && (self.surface.is_empty() || view.surface() == Some(self.surface.as_str()))
            && min_age.is_none_or(|hours| now - view.item.opened_at >= Duration::hours(hours))
    }
}

const KINDS: [&str; 3] = ["held_violation", "report", "appeal"];
fn select(name: &str, label: &str, options: &[&str], chosen: &str) -> Markup {
    html! {
        label for=(name) { (label) }
        select #(name) name=(name) {
            option value="" selected[chosen.is_empty()] { "any" }
            @for option in options {
                option value=(option) selected[*option == chosen] { (option) }
            }
        }
    }
}

pub async fn queue(
    State(state): State<Shared>,
    Query(filter): Query<QueueFilter>,
    who: SignedIn,
) -> Response {
    let now = Utc::now();
    let items = match state.ledger.open_review_items(QUEUE_LIMIT).await {
        Ok(items) => items,
        Err(error) => return internal(error),
    };
    let mut views = Vec::with_capacity(items.len());
    for item in items {
        match load_item(&state, item).await {
            Ok(view) if filter.keeps(&view, now) => views.push(view),
            Ok(_) => {}
            Err(error) => return error.into_response(),
        }
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for view in &views {
        *counts.entry(view.item.kind.as_str()).or_default() += 1;
    }
    let counts_text = counts
        .iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect::<Vec<_>>()
        .join(", ");
    let body = html! {
        form #filters method="get" action="/console" {
            (select("kind", "Item", &KINDS, &filter.kind))
            (select("rule", "Rule", &ViolationId::ALL.map(ViolationId::as_str), &filter.rule))
            (select("finding", "Finding kind", &Kind::ALL.map(Kind::as_str), &filter.finding))
            (select("surface", "Surface", &Surface::ALL.map(Surface::as_str), &filter.surface))
            label for="min_age_hours" { "Older than (hours)" }
            input #min_age_hours type="number" min="0" name="min_age_hours" value=(filter.min_age_hours);
            button type="submit" { "Filter" }
        }
        p #counts { (views.len()) " open" @if !counts_text.is_empty() { ": " (counts_text) } }
        @if views.is_empty() {
            p { "Nothing waits for review." }
        } @else {
            table #queue {
                thead { tr { th { "Age" } th { "Kind" } th { "Account" } th { "Rule" } th { "Kinds" } th { "Surface" } th { "" } } }
                tbody {
                    @for view in &views {
                        tr.item data-kind=(view.item.kind.as_str()) data-item-id=(view.item.item_id) {
                            td { (age(view.item.opened_at, now)) }
                            td { (view.item.kind.as_str()) }
                            td { a href=(format!("/console/accounts/{}", urlencode(view.sender.as_deref().unwrap_or(&view.item.account)))) { (view.sender.as_deref().unwrap_or(&view.item.account)) } }
                            td { (view.rules().join(", ")) }
                            td { (view.kinds().join(", ")) }
                            td { (view.surface().unwrap_or("")) }
                            td { a.open href=(format!("/console/items/{}", urlencode(&view.item.item_id))) { "Open" } }
                        }
                    }
                }
            }
        }
    };
    html_response(StatusCode::OK, page("Review queue", Some(&who), body))
}

/// `text` as one path segment or query value: every byte but the unreserved ones escaped.
fn urlencode(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, UNRESERVED).to_string()
}

/// RFC 3986's unreserved characters: everything else is escaped in a path segment.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

// ---------------------------------------------------------------------------------------
// One item

/// The findings of an answer: (message index, span) pairs.
fn answer_spans(answer: Option<&StoredAnswer>) -> Vec<(Option<usize>, Span)> {
    answer
        .into_iter()
        .flat_map(StoredAnswer::findings)
        .map(|finding| {
            let span = Span {
                start: finding.start,
                end: finding.end,
                kind: finding.kind.clone(),
                value: finding.value.clone(),
            };
            (finding.message, span)
        })
        .collect()
}

fn evidence_markup(content: Option<&StoredEvidence>, answer: Option<&StoredAnswer>) -> Markup {
    let spans = answer_spans(answer);
    let Some(content) = content else {
        return html! { p #evidence.muted { "No evidence was kept for this message (it had no findings when it was recorded)." } };
    };
    if let Some(text) = &content.text {
        let own: Vec<Span> = spans
            .iter()
            .filter(|(message, _)| message.is_none())
            .map(|(_, span)| span.clone())
            .collect();
        return html! { blockquote #evidence { (highlight(text, &own)) } };
    }
    html! {
        div #evidence {
            ol #conversation {
                @for (index, message) in content.conversation.iter().enumerate() {
                    @let own: Vec<Span> = spans.iter().filter(|(m, _)| *m == Some(index)).map(|(_, s)| s.clone()).collect();
                    li {
                        span.from { (message.from.as_deref().unwrap_or("?")) ": " }
                        (highlight(&message.text, &own))
                    }
                }
            }
        }
    }
}

/// A finding's canonical value, read from the evidence (stored answers keep only masked
/// values): the evidence's finding at the same place; `None` without evidence.
fn written_value<'e>(
    content: Option<&'e StoredEvidence>,
    finding: &StoredFinding,
) -> Option<&'e str> {
    let kept = content?
        .findings
        .iter()
        .find(|kept| kept.same_place(finding))?;
    Some(&kept.value)
}

fn findings_table(answer: Option<&StoredAnswer>, content: Option<&StoredEvidence>) -> Markup {
    let findings: Vec<&StoredFinding> = answer
        .into_iter()
        .flat_map(StoredAnswer::findings)
        .collect();
    html! {
        table #findings {
            thead { tr { th { "Kind" } th { "Value" } th { "Rule that fired" } th { "Confidence" } } }
            tbody {
                @for finding in findings {
                    tr {
                        td { (finding.kind) }
                        td.finding-value { (written_value(content, finding).unwrap_or(&finding.value)) }
                        td { code { (finding.rule) } }
                        td { (finding.confidence.map(|c| format!("{c:.2}")).unwrap_or_default()) }
                    }
                }
            }
        }
    }
}

/// The open review item `item_id`, or the page that says it is not open (any more).
async fn open_item(state: &AppState, who: &SignedIn, item_id: &str) -> Result<ItemView, Response> {
    let items = state
        .ledger
        .open_review_items(QUEUE_LIMIT)
        .await
        .map_err(internal)?;
    match items.into_iter().find(|item| item.item_id == item_id) {
        Some(item) => load_item(state, item)
            .await
            .map_err(IntoResponse::into_response),
        None => Err(error_page(
            StatusCode::NOT_FOUND,
            Some(who),
            "No open review item with this id: it may have been decided already.",
        )),
    }
}

pub async fn item(
    State(state): State<Shared>,
    Path(item_id): Path<String>,
    who: SignedIn,
) -> Response {
    let view = match open_item(&state, &who, &item_id).await {
        Ok(view) => view,
        Err(response) => return response,
    };
    let now = Utc::now();
    let action = format!("/console/items/{}/verdict", urlencode(&item_id));
    let body = html! {
        dl.facts {
            dt { "Kind" } dd { (view.item.kind.as_str()) }
            dt { "Opened" } dd { (view.item.opened_at.format("%Y-%m-%d %H:%M UTC")) " (" (age(view.item.opened_at, now)) " ago)" }
            @if let Some(sender) = &view.sender {
                dt { "Sender" } dd { a href=(format!("/console/accounts/{}", urlencode(sender))) { (sender) } }
            }
            @if view.item.kind != ReviewItemKind::HeldViolation {
                dt { @if view.item.kind == ReviewItemKind::Report { "Reporter" } @else { "Appellant" } }
                dd { a href=(format!("/console/accounts/{}", urlencode(&view.item.account))) { (view.item.account) } }
            }
            @if let Some(message_id) = &view.message_id { dt { "Message" } dd { code { (message_id) } } }
            dt { "Surface" } dd { (view.surface().unwrap_or("unknown")) }
            dt { "Rule" } dd #rule { (view.rules().join(", ")) }
            @if let Some(action) = view.answer.as_ref().and_then(|a| a.action.as_deref()) {
                dt { "Action taken" } dd { (action) }
            }
            @if let Some(reason) = &view.reason { dt { "Their words" } dd { (reason) } }
        }
        h2 { "Evidence" }
        (evidence_markup(view.content.as_ref(), view.answer.as_ref()))
        h2 { "Findings" }
        (findings_table(view.answer.as_ref(), view.content.as_ref()))
        @if let Some(notice) = view.answer.as_ref().and_then(|a| a.notice.as_deref()) {
            h2 { "What the sender was told" }
            p.notice { (notice) }
        }
        h2 { "Decision" }
        @if view.item.kind == ReviewItemKind::Appeal {
            form #appeal method="post" action=(action) {
                input type="hidden" name="csrf" value=(who.csrf);
                label for="note" { "Note (optional)" }
                textarea #note name="note" rows="2" {}
                button type="submit" name="verdict" value="uphold" { "Uphold the appeal (the violation stops counting)" }
                button type="submit" name="verdict" value="deny" { "Deny the appeal (the violation stands)" }
            }
        } @else {
            form #verdict method="post" action=(action) {
                input type="hidden" name="csrf" value=(who.csrf);
                label for="note" { "Note (optional)" }
                textarea #note name="note" rows="2" {}
                button type="submit" name="verdict" value="confirm" { "Confirm (records the violation)" }
                button type="submit" name="verdict" value="dismiss" { "Dismiss (no fault)" }
            }
        }
    };
    html_response(
        StatusCode::OK,
        page(&format!("Item {item_id}"), Some(&who), body),
    )
}

pub async fn verdict(
    State(state): State<Shared>,
    Path(item_id): Path<String>,
    who: SignedIn,
    body: Bytes,
) -> Response {
    let fields = form_fields(&body);
    if let Err(response) = check_csrf(&who, &fields) {
        return response;
    }
    let view = match open_item(&state, &who, &item_id).await {
        Ok(view) => view,
        Err(response) => return response,
    };
    let note = fields
        .get("note")
        .map(|note| note.trim().to_string())
        .filter(|note| !note.is_empty());
    let choice = fields.get("verdict").map_or("", String::as_str);
    let body = match (view.item.kind, choice) {
        (ReviewItemKind::Appeal, "uphold" | "deny") => EventBody::AppealDecided(AppealDecided {
            appeal_id: item_id.clone(),
            outcome: if choice == "uphold" {
                AppealOutcome::Upheld
            } else {
                AppealOutcome::Denied
            },
            reviewer: who.name.clone(),
            note,
        }),
        // A suspension reached by the ladder: confirming it suspends the account, dismissing
        // it lifts the sanction.
        (ReviewItemKind::Suspension, "confirm") => {
            EventBody::SuspensionConfirmed(offside_ledger::SuspensionConfirmed {
                account: view.item.account.clone(),
                reviewer: who.name.clone(),
                note,
            })
        }
        (ReviewItemKind::Suspension, "dismiss") => {
            EventBody::SanctionLifted(offside_ledger::SanctionLifted {
                account: view.item.account.clone(),
                reviewer: who.name.clone(),
                note,
            })
        }
        (ReviewItemKind::HeldViolation | ReviewItemKind::Report, "confirm" | "dismiss") => {
            EventBody::ReviewVerdict(ReviewVerdict {
                subject_id: item_id.clone(),
                verdict: if choice == "confirm" {
                    Verdict::Confirm
                } else {
                    Verdict::Dismiss
                },
                reviewer: who.name.clone(),
                note,
            })
        }
        _ => {
            return error_page(
                StatusCode::BAD_REQUEST,
                Some(&who),
                &format!(
                    "{choice:?} is not a decision for a {} item.",
                    view.item.kind.as_str()
                ),
            )
        }
    };
    let suffix = if view.item.kind == ReviewItemKind::Appeal {
        "decision"
    } else {
        "verdict"
    };
    let event = LedgerEvent {
        id: format!("{item_id}#{suffix}"),
        at: Utc::now(),
        body,
    };
    if let Err(error) = state.ledger.record(event).await {
        return ApiError::from(error).into_response();
    }
    let account = view.sender.unwrap_or(view.item.account);
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("done", &format!("{choice} on {item_id} by {}", who.name))
        .finish();
    Redirect::to(&format!(
        "/console/accounts/{}?{query}",
        urlencode(&account)
    ))
    .into_response()
}

// ---------------------------------------------------------------------------------------
// Accounts

#[derive(Debug, Default, Deserialize)]
pub struct AccountQuery {
    #[serde(default)]
    done: Option<String>,
}

fn describe(event: &LedgerEvent) -> String {
    match &event.body {
        EventBody::ViolationRecorded(v) => format!(
            "violation {} ({}){}{}",
            v.rule_id,
            v.kinds.join(", "),
            if v.held { ", held for review" } else { "" },
            if v.shadow { ", shadow" } else { "" }
        ),
        EventBody::ReportFiled(r) => format!("reported message {}", r.message_id),
        EventBody::ReviewVerdict(v) => format!(
            "{} by {} on {}{}",
            match v.verdict {
                Verdict::Confirm => "confirmed",
                Verdict::Dismiss => "dismissed",
            },
            v.reviewer,
            v.subject_id,
            v.note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default()
        ),
        EventBody::AppealFiled(a) => format!("appealed {}", a.violation_id),
        EventBody::AppealDecided(a) => format!(
            "appeal {} by {}{}",
            match a.outcome {
                AppealOutcome::Upheld => "upheld",
                AppealOutcome::Denied => "denied",
            },
            a.reviewer,
            a.note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default()
        ),
        EventBody::SanctionLifted(_) => "sanction lifted by a reviewer".to_string(),
        EventBody::SuspensionConfirmed(c) => format!("suspension confirmed by {}", c.reviewer),
    }
}

pub async fn account(
    State(state): State<Shared>,
    Path(account): Path<String>,
    Query(query): Query<AccountQuery>,
    who: SignedIn,
) -> Response {
    let now = Utc::now();
    let (standing, events, linked) = match (
        state.ledger.standing(&account, now).await,
        state.ledger.events_for(&account).await,
        state.ledger.linked_accounts(&account).await,
    ) {
        (Ok(standing), Ok(events), Ok(linked)) => (standing, events, linked),
        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => return internal(error),
    };
    let body = html! {
        @if let Some(done) = &query.done { p #flash role="status" { "Recorded: " (done) "." } }
        dl.facts {
            dt { "Sanction" } dd #sanction { (standing.sanction.as_str()) }
            @if let Some(until) = standing.sanction_until { dt { "Until" } dd { (until.format("%Y-%m-%d %H:%M UTC")) } }
            dt { "Points" } dd #points { (format!("{:.2}", standing.points)) }
            dt { "Appeals pending" } dd { (standing.appeals_pending) }
        }
        h2 { "Violations" }
        table #violations {
            thead { tr { th { "When" } th { "Rule" } th { "Kinds" } th { "Status" } th { "Points now" } th { "Message" } } }
            tbody {
                @for v in &standing.violations {
                    tr {
                        td { (v.at.format("%Y-%m-%d %H:%M")) }
                        td { (v.rule_id) }
                        td { (v.kinds.join(", ")) }
                        td { (format!("{:?}", v.status).to_lowercase()) @if v.appeal_pending { " (appeal pending)" } }
                        td { (format!("{:.2}", v.points_now)) }
                        td { code { (v.source_message_id) } }
                    }
                }
            }
        }
        h2 { "Reports filed by this account" }
        p #reports-filed { (standing.reports_filed) " filed, " (standing.reports_confirmed) " confirmed by a reviewer (marks in the account's favour)." }
        h2 { "Linked accounts" }
        div #linked {
            @if linked.is_empty() { p { "No other account shared a contact value with this one." } }
            @else {
                ul { @for link in &linked {
                    li { a href=(format!("/console/accounts/{}", urlencode(&link.account))) { (link.account) } " — " (link.n_values) " shared value(s)" }
                } }
            }
        }
        h2 { "Timeline" }
        ol #timeline {
            @for event in &events {
                li { time datetime=(event.at.to_rfc3339()) { (event.at.format("%Y-%m-%d %H:%M")) } " " (describe(event)) }
            }
        }
    };
    html_response(
        StatusCode::OK,
        page(&format!("Account {account}"), Some(&who), body),
    )
}

// ---------------------------------------------------------------------------------------
// Simulator

fn simulator_page(
    who: &SignedIn,
    fields: &BTreeMap<String, String>,
    result: Option<Markup>,
) -> Markup {
    let get = |name: &str, default: &'static str| -> String {
        fields
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_string())
    };
    let surface = get("surface", "message");
    let relationship = get("relationship", "none");
    let role = get("role", "freelancer");
    let body = html! {
        form #simulate method="post" action="/console/simulator" {
            input type="hidden" name="csrf" value=(who.csrf);
            label for="text" { "Text" }
            textarea #text name="text" rows="4" required { (get("text", "")) }
            label for="surface" { "Surface" }
            select #surface name="surface" { @for s in Surface::ALL.map(Surface::as_str) { option value=(s) selected[s == surface] { (s) } } }
            label for="relationship" { "Relationship" }
            select #relationship name="relationship" {
                @for (value, label) in [("none", "none: no contract yet"), ("active", "active contract (started 30 days ago)"), ("ended", "ended contract (started 3 years ago)")] {
                    option value=(value) selected[value == relationship] { (label) }
                }
            }
            label for="role" { "Sender" }
            select #role name="role" { @for r in ["freelancer", "client"] { option value=(r) selected[r == role] { (r) } } }
            fieldset {
                legend { "Exceptions" }
                label { input type="checkbox" name="enterprise" value="1" checked[fields.contains_key("enterprise")]; " the sender is on the enterprise plan" }
                label { input type="checkbox" name="scoping_access" value="1" checked[fields.contains_key("scoping_access")]; " shared to give access needed to scope the work" }
                label { input type="checkbox" name="legal_document" value="1" checked[fields.contains_key("legal_document")]; " the text is an NDA (attachment)" }
            }
            button type="submit" { "Decide" }
        }
        @if let Some(result) = result { (result) }
    };
    page("Policy simulator", Some(who), body)
}

pub async fn simulator_form(who: SignedIn) -> Response {
    html_response(StatusCode::OK, simulator_page(&who, &BTreeMap::new(), None))
}

/// The event the simulator's fields describe.
fn simulated_event(fields: &BTreeMap<String, String>, now: DateTime<Utc>) -> Value {
    let sender_role = if fields.get("role").map(String::as_str) == Some("client") {
        "client"
    } else {
        "freelancer"
    };
    let recipient_role = if sender_role == "client" {
        "freelancer"
    } else {
        "client"
    };
    let relationship = match fields.get("relationship").map(String::as_str) {
        Some("active") => serde_json::json!({
            "state": "active",
            "first_contract_at": (now - Duration::days(30)).to_rfc3339(),
        }),
        Some("ended") => serde_json::json!({
            "state": "ended",
            "first_contract_at": (now - Duration::days(3 * 365)).to_rfc3339(),
        }),
        _ => serde_json::json!({ "state": "none" }),
    };
    let surface = fields
        .get("surface")
        .map_or("message", String::as_str)
        .to_string();
    let mut event = serde_json::json!({
        "id": "simulated",
        "text": fields.get("text").cloned().unwrap_or_default(),
        "surface": surface,
        "at": now.to_rfc3339(),
        "sender": { "id": "simulated-sender", "role": sender_role },
        "recipient": { "id": "simulated-recipient", "role": recipient_role },
        "relationship": relationship,
    });
    if fields.contains_key("enterprise") {
        event["sender"]["plan"] = Value::String("enterprise".into());
    }
    if fields.contains_key("scoping_access") {
        event["purpose"] = Value::String("scoping_access".into());
    }
    if fields.contains_key("legal_document") && surface == "attachment" {
        event["attachment"] = serde_json::json!({ "kind": "nda", "name": "agreement.pdf" });
    }
    event
}

pub async fn simulate(State(state): State<Shared>, who: SignedIn, body: Bytes) -> Response {
    let fields = form_fields(&body);
    if let Err(response) = check_csrf(&who, &fields) {
        return response;
    }
    let event = simulated_event(&fields, Utc::now());
    let result = match serde_json::from_value::<ApiEvent>(event.clone()) {
        Err(error) => {
            html! { p.error { "The simulator built an event the policy refuses: " (error) } }
        }
        Ok(parsed) => match decide_event(&state, &parsed) {
            Err(error) => html! { p.error { (error.to_string()) } },
            Ok(decided) => {
                // Read as a stored answer is, so the page shows it as an item would.
                let answer: StoredAnswer = serde_json::to_value(&decided.decision)
                    .and_then(serde_json::from_value)
                    .unwrap_or_default();
                let exceptions: Vec<&str> =
                    answer.exceptions.iter().map(|e| e.id.as_str()).collect();
                let content = StoredEvidence {
                    text: event["text"].as_str().map(str::to_owned),
                    ..StoredEvidence::default()
                };
                html! {
                    section #result {
                        h2 { "Decision" }
                        dl.facts {
                            dt { "Action" } dd #decision-action { (answer.action.as_deref().unwrap_or("")) }
                            dt { "Violations" } dd { (answer.violations.iter().map(|v| v.id.as_str()).collect::<Vec<_>>().join(", ")) }
                            dt { "Exceptions applied" } dd #exceptions { (exceptions.join(", ")) }
                        }
                        h2 { "Evidence" }
                        (evidence_markup(Some(&content), Some(&answer)))
                        h2 { "Findings" }
                        (findings_table(Some(&answer), None))
                        h2 { "Notice to the sender" }
                        p #notice { (answer.notice.as_deref().unwrap_or("")) }
                        @if let Some(redacted) = &answer.redacted_text {
                            h2 { "Delivered as" }
                            blockquote { (redacted) }
                        }
                    }
                }
            }
        },
    };
    html_response(StatusCode::OK, simulator_page(&who, &fields, Some(result)))
}

// ---------------------------------------------------------------------------------------
// Overview

/// Days shown on the overview.
const OVERVIEW_DAYS: i64 = 14;

/// The series colours; style.css has a `.swatch-N` class for each, in this order (the
/// Content-Security-Policy allows no inline style).
const PALETTE: [&str; 8] = [
    "#3465a4", "#cc0000", "#f57900", "#73d216", "#75507b", "#c17d11", "#555753", "#06989a",
];

/// A stacked bar chart: one bar a day, one colour a series. Plain SVG, no script.
fn bar_chart(title: &str, days: &[String], series: &BTreeMap<String, Vec<u64>>) -> Markup {
    let (width, height, left, bottom) = (640.0_f64, 200.0_f64, 36.0_f64, 24.0_f64);
    let totals: Vec<u64> = (0..days.len())
        .map(|day| series.values().map(|values| values[day]).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1) as f64;
    let slot = (width - left) / days.len().max(1) as f64;
    let scale = (height - bottom - 8.0) / max;
    html! {
        figure {
            figcaption { (title) }
            svg.chart role="img" aria-label=(title) viewBox=(format!("0 0 {width} {height}")) width="100%" {
                text x="0" y="12" font-size="10" { (max as u64) }
                line x1=(left) y1=(height - bottom) x2=(width) y2=(height - bottom) stroke="#888" {}
                @for (day, label) in days.iter().enumerate() {
                    @let mut y = height - bottom;
                    @for (index, (name, values)) in series.iter().enumerate() {
                        @let h = values[day] as f64 * scale;
                        @if values[day] > 0 {
                            rect x=(format!("{:.1}", left + day as f64 * slot + 2.0)) y=(format!("{:.1}", { y -= h; y })) width=(format!("{:.1}", (slot - 4.0).max(1.0))) height=(format!("{h:.1}")) fill=(PALETTE[index % PALETTE.len()]) {
                                title { (label) " " (name) ": " (values[day]) }
                            }
                        }
                    }
                    @if day % 2 == 0 {
                        text x=(format!("{:.1}", left + day as f64 * slot)) y=(height - 8.0) font-size="9" { (label.get(5..).unwrap_or(label)) }
                    }
                }
            }
            ul.legend {
                @for (index, name) in series.keys().enumerate() {
                    li { span class=(format!("swatch swatch-{}", index % PALETTE.len())) {} (name) }
                }
            }
        }
    }
}

pub async fn overview(State(state): State<Shared>, who: SignedIn) -> Response {
    let now = Utc::now();
    let first_day = (now - Duration::days(OVERVIEW_DAYS - 1)).date_naive();
    let since = first_day
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now);
    let (decisions, open) = match (
        state.ledger.decisions_since(since, 10_000).await,
        state.ledger.open_review_items(QUEUE_LIMIT).await,
    ) {
        (Ok(decisions), Ok(open)) => (decisions, open),
        (Err(error), _) | (_, Err(error)) => return internal(error),
    };
    let days: Vec<String> = (0..OVERVIEW_DAYS)
        .map(|offset| (first_day + Duration::days(offset)).to_string())
        .collect();
    let mut actions: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    let mut kinds: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for (at, response) in &decisions {
        let Some(day) = usize::try_from((at.date_naive() - first_day).num_days())
            .ok()
            .filter(|day| *day < days.len())
        else {
            continue;
        };
        let Some(answer) = StoredAnswer::parse(response) else {
            continue;
        };
        let action = answer.action.clone().unwrap_or_else(|| "unknown".into());
        actions.entry(action).or_insert_with(|| vec![0; days.len()])[day] += 1;
        for finding in answer.findings() {
            kinds
                .entry(finding.kind.clone())
                .or_insert_with(|| vec![0; days.len()])[day] += 1;
        }
    }
    let oldest = open.iter().map(|item| item.opened_at).min();
    let body = html! {
        dl.facts {
            dt { "Open review items" } dd #queue-size { (open.len()) }
            dt { "Oldest waiting" } dd #queue-age { (oldest.map(|at| age(at, now)).unwrap_or_else(|| "—".into())) }
            dt { "Decisions recorded (14 days)" } dd { (decisions.len()) }
        }
        (bar_chart("Decisions by action, per day", &days, &actions))
        (bar_chart("Findings by kind, per day (in violations)", &days, &kinds))
    };
    html_response(StatusCode::OK, page("Overview", Some(&who), body))
}

// ---------------------------------------------------------------------------------------
// Admin: reviewer accounts

fn reviewers_page(who: &SignedIn, names: &[(String, String)], message: Option<&str>) -> Markup {
    let body = html! {
        @if let Some(message) = message { p #flash role="status" { (message) } }
        table #reviewers {
            thead { tr { th { "Name" } th { "Role" } } }
            tbody { @for (name, role) in names { tr { td { (name) } td { (role) } } } }
        }
        h2 { "Add a reviewer" }
        form #add-reviewer method="post" action="/console/admin/reviewers" {
            input type="hidden" name="csrf" value=(who.csrf);
            label for="new-name" { "Name" }
            input #new-name type="text" name="name" required;
            label for="new-password" { "Password (12 characters or more)" }
            input #new-password type="password" name="password" autocomplete="new-password" required minlength="12";
            label for="new-role" { "Role" }
            select #new-role name="role" { option value="reviewer" { "reviewer" } option value="admin" { "admin" } }
            button type="submit" { "Add" }
        }
    };
    page("Reviewers", Some(who), body)
}

/// A signed-in admin, as the reviewer-admin pages extract it: another reviewer gets a `403`
/// page, someone not signed in the sign-in page.
pub struct Admin(pub SignedIn);

impl FromRequestParts<Shared> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Admin, Response> {
        let who = SignedIn::from_request_parts(parts, state).await?;
        if who.role != Role::Admin {
            return Err(error_page(
                StatusCode::FORBIDDEN,
                Some(&who),
                "Only admins manage reviewer accounts.",
            ));
        }
        Ok(Admin(who))
    }
}

async fn reviewer_names(state: &AppState) -> Result<Vec<(String, String)>, Response> {
    state
        .ledger
        .reviewers()
        .await
        .map(|all| all.into_iter().map(|r| (r.name, r.role)).collect())
        .map_err(internal)
}

pub async fn reviewers(State(state): State<Shared>, Admin(who): Admin) -> Response {
    match reviewer_names(&state).await {
        Ok(names) => html_response(StatusCode::OK, reviewers_page(&who, &names, None)),
        Err(response) => response,
    }
}

/// Checks a new reviewer's name and password; the error says what is wrong.
pub fn check_new_reviewer(name: &str, password: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 64 {
        return Err("the name must be 1 to 64 characters".into());
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || "-_.@".contains(c))
    {
        return Err("the name may hold letters, digits and - _ . @ only".into());
    }
    if password.chars().count() < 12 {
        return Err("the password must be 12 characters or more".into());
    }
    Ok(())
}

pub async fn add_reviewer(State(state): State<Shared>, Admin(who): Admin, body: Bytes) -> Response {
    let fields = form_fields(&body);
    if let Err(response) = check_csrf(&who, &fields) {
        return response;
    }
    let name = fields.get("name").map_or("", |n| n.trim());
    let password = fields.get("password").map_or("", String::as_str);
    let role = fields
        .get("role")
        .and_then(|role| Role::parse(role))
        .unwrap_or(Role::Reviewer);
    let (status, message) = match check_new_reviewer(name, password) {
        Err(reason) => (StatusCode::BAD_REQUEST, format!("Not added: {reason}.")),
        Ok(()) => {
            let hash = match session::hash_password(password) {
                Ok(hash) => hash,
                Err(error) => return internal(ApiError::internal(error)),
            };
            let created = state
                .ledger
                .create_reviewer(NewReviewer {
                    name: name.to_string(),
                    password_hash: hash,
                    role: role.as_str().to_string(),
                    created_at: Utc::now(),
                })
                .await;
            match created {
                Ok(true) => (StatusCode::OK, format!("Added {name} ({}).", role.as_str())),
                Ok(false) => (
                    StatusCode::CONFLICT,
                    format!("Not added: {name} already exists."),
                ),
                Err(error) => return internal(error),
            }
        }
    };
    match reviewer_names(&state).await {
        Ok(names) => html_response(status, reviewers_page(&who, &names, Some(&message))),
        Err(response) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::urlencode;

    #[test]
    fn path_segments_escape_all_but_unreserved_characters() {
        assert_eq!(urlencode("acct-1_b.c~d"), "acct-1_b.c~d");
        assert_eq!(urlencode("a b/c?d#e&f+g"), "a%20b%2Fc%3Fd%23e%26f%2Bg");
        assert_eq!(urlencode("café"), "caf%C3%A9");
    }
}
