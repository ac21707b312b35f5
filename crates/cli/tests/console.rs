//! End-to-end tests of the reviewer console that `offside serve` serves under `/console`:
//! reviewer accounts made with the real `offside reviewers add`, a real server on a loopback
//! port with a real SQLite file, data recorded through the public API.
//!
//! Two kinds of test:
//! - the access rules over plain HTTP (the tiny client of `common/server.rs`): every page
//!   needs a session, the reviewer list needs an admin, every form needs its CSRF token;
//! - a person's round in a real browser: `node tests/browser/console.spec.mjs` drives Debian's
//!   Chromium with playwright-core and leaves screenshots in `target/screenshots/`. It runs
//!   unless `OFFSIDE_SKIP_BROWSER=1`; a missing Chromium fails with an install hint.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::server::{HttpResponse, Server};
use serde_json::{json, Value};

const REVIEWER: &str = "rita";
const REVIEWER_PASSWORD: &str = "rita-console-password-4417";
const ADMIN: &str = "adam";
const ADMIN_PASSWORD: &str = "adam-console-password-9032";

const HELD_ACCOUNT: &str = "f-held";
const APPEAL_ACCOUNT: &str = "f-appeal";

/// The pages a signed-out visitor must not see.
const PAGES: &[&str] = &[
    "/console",
    "/console/items/held-1",
    "/console/accounts/f-held",
    "/console/simulator",
    "/console/overview",
    "/console/admin/reviewers",
];

/// A console with data: two reviewer accounts, a held message and an appeal.
struct Console {
    server: Server,
    /// The admin API key the server was started with.
    master: String,
    /// The review item of the held attachment `held-1`.
    held_item: String,
    /// The review item of the appeal of `msg-appeal`'s violation.
    appeal_item: String,
    _dir: tempfile::TempDir,
}

impl Console {
    fn start() -> Console {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let database = format!("sqlite:{}", dir.path().join("offside.db").display());
        add_reviewer(&database, REVIEWER, REVIEWER_PASSWORD, None);
        add_reviewer(&database, ADMIN, ADMIN_PASSWORD, Some("admin"));
        let master = random_key();
        let server = Server::spawn(Some(&database), None, &["--master-key", &master], &[]);

        let held = json!({
            "id": "held-1", "surface": "attachment", "at": "2026-11-20T10:00:00Z",
            "sender": {"id": HELD_ACCOUNT, "role": "freelancer"},
            "recipient": {"id": "c1", "role": "client"},
            "relationship": {"state": "none"},
            "attachment": {"kind": "other", "name": "brief.pdf"},
            "text": "mail me at alex at gmail dot com"
        });
        let (status, answer) = server.call("POST", "/v1/events", Some(&master), Some(&held));
        assert_eq!(status, 200, "{answer}");
        assert_eq!(
            answer["action"], "hold",
            "the default policy holds contact details in attachments: {answer}"
        );

        let appealed = json!({
            "id": "msg-appeal", "surface": "message", "at": "2026-11-20T11:00:00Z",
            "sender": {"id": APPEAL_ACCOUNT, "role": "freelancer"},
            "recipient": {"id": "c1", "role": "client"},
            "relationship": {"state": "none"},
            "text": "text me on +1 415 839 2716"
        });
        let (status, answer) = server.call("POST", "/v1/events", Some(&master), Some(&appealed));
        assert_eq!(status, 200, "{answer}");
        let violation = answer["recorded"][0]
            .as_str()
            .unwrap_or_else(|| panic!("a recorded violation: {answer}"))
            .to_string();
        let appeal = json!({"violation_id": violation, "note": "it was my office number"});
        let (status, answer) = server.call("POST", "/v1/appeals", Some(&master), Some(&appeal));
        assert_eq!(status, 201, "{answer}");

        let (status, queue) = server.call("GET", "/v1/review/queue", Some(&master), None);
        assert_eq!(status, 200, "{queue}");
        let item = |kind: &str, account: &str| {
            queue["items"]
                .as_array()
                .expect("queue items")
                .iter()
                .find(|item| item["kind"] == kind && item["account"] == account)
                .and_then(|item| item["item_id"].as_str())
                .unwrap_or_else(|| panic!("a {kind} item of {account} in {queue}"))
                .to_string()
        };
        let held_item = item("held_violation", HELD_ACCOUNT);
        let appeal_item = item("appeal", APPEAL_ACCOUNT);
        Console {
            server,
            master,
            held_item,
            appeal_item,
            _dir: dir,
        }
    }

    fn get(&self, path: &str, cookie: Option<&str>) -> HttpResponse {
        let mut headers = Vec::new();
        if let Some(cookie) = cookie {
            headers.push(("Cookie", cookie));
        }
        self.server.send("GET", path, &headers, b"")
    }

    /// A form POST as a browser sends it from the console's own pages.
    fn post_form(&self, path: &str, cookie: Option<&str>, fields: &[(&str, &str)]) -> HttpResponse {
        let origin = self.server.url();
        let mut headers = vec![
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", origin.as_str()),
        ];
        if let Some(cookie) = cookie {
            headers.push(("Cookie", cookie));
        }
        self.server
            .send("POST", path, &headers, form_encode(fields).as_bytes())
    }

    /// GET /console/login: the login CSRF cookie (as `name=value`) and the form's field.
    fn login_form(&self) -> (String, String) {
        let page = self.get("/console/login", None);
        assert_eq!(page.status, 200, "GET /console/login: {}", page.body);
        let cookie = cookie_value(&page, "offside_login_csrf")
            .unwrap_or_else(|| panic!("GET /console/login sets offside_login_csrf: {page:?}"));
        let field = csrf_field(&page.body)
            .unwrap_or_else(|| panic!("the login page has a csrf field: {}", page.body));
        assert_eq!(
            field, cookie,
            "the login csrf field holds the cookie's value"
        );
        (format!("offside_login_csrf={cookie}"), field)
    }

    /// Signs in through the login form; the session cookie and its CSRF token.
    fn sign_in(&self, name: &str, password: &str) -> Session {
        let (cookie, csrf) = self.login_form();
        let answer = self.post_form(
            "/console/login",
            Some(&cookie),
            &[("name", name), ("password", password), ("csrf", &csrf)],
        );
        assert_eq!(
            (answer.status, location_path(&answer).as_deref()),
            (303, Some("/console")),
            "signing in as {name}: {answer:?}"
        );
        let set_cookie = answer
            .headers_named("set-cookie")
            .into_iter()
            .find(|header| header.starts_with("offside_session="))
            .unwrap_or_else(|| panic!("signing in sets offside_session: {answer:?}"))
            .to_string();
        let attributes = set_cookie.to_ascii_lowercase();
        for attribute in ["httponly", "samesite=strict", "path=/console"] {
            assert!(
                attributes.split(';').any(|part| part.trim() == attribute),
                "offside_session has {attribute}: {set_cookie}"
            );
        }
        let token = cookie_value(&answer, "offside_session").expect("the session token");
        let cookie = format!("offside_session={token}");
        let queue = self.get("/console", Some(&cookie));
        assert_eq!(queue.status, 200, "GET /console as {name}: {}", queue.body);
        let csrf = csrf_field(&queue.body)
            .unwrap_or_else(|| panic!("the queue page has a csrf field: {}", queue.body));
        Session { cookie, csrf }
    }

    /// The account's standing through the API, without what moves by itself.
    fn standing(&self, account: &str) -> Value {
        let (status, mut standing) = self.server.call(
            "GET",
            &format!("/v1/accounts/{account}"),
            Some(&self.master),
            None,
        );
        assert_eq!(status, 200, "{standing}");
        // Points decay continuously; to the thousandth they do not move within a test.
        round_numbers(&mut standing);
        standing.as_object_mut().expect("an object").remove("as_of");
        standing
    }

    fn open_items(&self) -> Vec<String> {
        let (status, queue) = self
            .server
            .call("GET", "/v1/review/queue", Some(&self.master), None);
        assert_eq!(status, 200, "{queue}");
        queue["items"]
            .as_array()
            .expect("queue items")
            .iter()
            .filter_map(|item| item["item_id"].as_str().map(str::to_string))
            .collect()
    }
}

fn round_numbers(value: &mut Value) {
    match value {
        Value::Number(number) if number.is_f64() => {
            let rounded = (number.as_f64().unwrap_or_default() * 1000.0).round() / 1000.0;
            *value = json!(rounded);
        }
        Value::Array(items) => items.iter_mut().for_each(round_numbers),
        Value::Object(fields) => fields.values_mut().for_each(round_numbers),
        _ => {}
    }
}

/// A signed-in console session.
struct Session {
    /// `offside_session=TOKEN`.
    cookie: String,
    /// The token its forms send back.
    csrf: String,
}

/// `offside reviewers add NAME [--role ROLE] --database DB`, the password on stdin.
fn add_reviewer(database: &str, name: &str, password: &str, role: Option<&str>) {
    let mut args = vec!["reviewers", "add", name];
    if let Some(role) = role {
        args.extend(["--role", role]);
    }
    args.extend(["--database", database]);
    let output = common::offside(&args, format!("{password}\n").as_bytes());
    assert!(
        output.status.success(),
        "offside {}: {}",
        args.join(" "),
        common::stderr(&output)
    );
}

/// 32 random characters for the master key.
fn random_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("random bytes");
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// `fields`, and a `csrf` field when given.
fn with_csrf<'a>(fields: &[(&'a str, &'a str)], csrf: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
    let mut fields = fields.to_vec();
    if let Some(csrf) = csrf {
        fields.push(("csrf", csrf));
    }
    fields
}

fn form_encode(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", percent_encode(name), percent_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value a response's `Set-Cookie` gives the cookie `name`.
fn cookie_value(response: &HttpResponse, name: &str) -> Option<String> {
    response
        .headers_named("set-cookie")
        .into_iter()
        .find_map(|header| {
            let pair = header.split(';').next()?;
            let (cookie, value) = pair.split_once('=')?;
            (cookie.trim() == name).then(|| value.trim().to_string())
        })
}

/// The path (without the query) a redirect points to.
fn location_path(response: &HttpResponse) -> Option<String> {
    let location = response.header("location")?;
    let path = match location.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |start| &rest[start..]),
        None => location,
    };
    Some(path.split(['?', '#']).next().unwrap_or(path).to_string())
}

/// The tags named `tag` in `html`, as their source text (`<input ...>`).
fn tags<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find('>') else { break };
        if after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/') {
            found.push(&rest[start..start + open.len() + end + 1]);
        }
        rest = &after[end..];
    }
    found
}

/// The value of the attribute `name` in a tag's source (`name="v"`, `name='v'`, `name=v`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(index) = rest.find(name) {
        let before = rest[..index].chars().next_back();
        let after = rest[index + name.len()..].trim_start();
        rest = &rest[index + name.len()..];
        if !before.is_some_and(|c| c.is_ascii_whitespace()) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let value = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split(quote).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '>')
                .next()
                .unwrap_or(""),
        };
        return Some(value.replace("&amp;", "&").replace("&quot;", "\""));
    }
    None
}

/// The value of the first `<input name="csrf">` in a page.
fn csrf_field(html: &str) -> Option<String> {
    tags(html, "input")
        .into_iter()
        .find(|tag| attribute(tag, "name").as_deref() == Some("csrf"))
        .and_then(|tag| attribute(tag, "value"))
}

/// The `action` of the form with `id`, or `page` when it has none.
fn form_action(html: &str, id: &str, page: &str) -> String {
    let form = tags(html, "form")
        .into_iter()
        .find(|tag| attribute(tag, "id").as_deref() == Some(id))
        .unwrap_or_else(|| panic!("a form#{id} in {html}"));
    attribute(form, "action")
        .filter(|action| !action.is_empty())
        .unwrap_or_else(|| page.to_string())
}

fn assert_forbidden(response: &HttpResponse, what: &str) {
    assert_eq!(response.status, 403, "{what} answers 403: {response:?}");
    assert!(
        cookie_value(response, "offside_session").is_none_or(|value| value.is_empty()),
        "{what} sets no session: {response:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Access rules over HTTP

#[test]
fn every_page_needs_a_session() {
    let console = Console::start();
    for page in PAGES {
        for cookie in [None, Some("offside_session=not-a-session-token")] {
            let answer = console.get(page, cookie);
            assert_eq!(
                (answer.status, location_path(&answer).as_deref()),
                (303, Some("/console/login")),
                "GET {page} with cookie {cookie:?} redirects to the login page: {answer:?}"
            );
        }
    }
    let login = console.get("/console/login", None);
    assert_eq!(login.status, 200, "{login:?}");
}

#[test]
fn wrong_password_is_refused() {
    let console = Console::start();
    let (cookie, csrf) = console.login_form();
    for (name, password) in [
        (REVIEWER, "not-the-password"),
        ("nobody", REVIEWER_PASSWORD),
    ] {
        let answer = console.post_form(
            "/console/login",
            Some(&cookie),
            &[("name", name), ("password", password), ("csrf", &csrf)],
        );
        assert_eq!(answer.status, 401, "{name}/{password}: {answer:?}");
        assert!(
            answer.body.contains("Wrong name or password"),
            "{}",
            answer.body
        );
        assert!(
            answer.body.contains("id=\"login\""),
            "the form again: {}",
            answer.body
        );
        assert!(cookie_value(&answer, "offside_session").is_none_or(|v| v.is_empty()));
    }
}

#[test]
fn the_reviewer_list_is_for_admins() {
    let console = Console::start();
    let rita = console.sign_in(REVIEWER, REVIEWER_PASSWORD);
    let answer = console.get("/console/admin/reviewers", Some(&rita.cookie));
    assert_eq!(answer.status, 403, "as {REVIEWER}: {answer:?}");

    let adam = console.sign_in(ADMIN, ADMIN_PASSWORD);
    let answer = console.get("/console/admin/reviewers", Some(&adam.cookie));
    assert_eq!(answer.status, 200, "as {ADMIN}: {answer:?}");
    assert!(answer.body.contains(REVIEWER), "{}", answer.body);
    assert!(
        answer.body.contains("id=\"add-reviewer\""),
        "{}",
        answer.body
    );
}

#[test]
fn the_login_form_needs_its_csrf_token() {
    let console = Console::start();
    let (cookie, csrf) = console.login_form();
    let credentials = [("name", REVIEWER), ("password", REVIEWER_PASSWORD)];
    let with = |csrf| with_csrf(&credentials, csrf);
    let answer = console.post_form("/console/login", Some(&cookie), &with(None));
    assert_forbidden(&answer, "a login without the csrf field");
    let answer = console.post_form("/console/login", Some(&cookie), &with(Some("wrong")));
    assert_forbidden(&answer, "a login with a wrong csrf field");
    let answer = console.post_form("/console/login", None, &with(Some(&csrf)));
    assert_forbidden(&answer, "a login without the csrf cookie");
    // The same form with its token signs in.
    console.sign_in(REVIEWER, REVIEWER_PASSWORD);
}

#[test]
fn the_verdict_form_needs_its_csrf_token() {
    let console = Console::start();
    let rita = console.sign_in(REVIEWER, REVIEWER_PASSWORD);
    let adam = console.sign_in(ADMIN, ADMIN_PASSWORD);
    let path = format!(
        "/console/items/{}/verdict",
        percent_encode(&console.held_item)
    );
    let item = console.get(
        &format!("/console/items/{}", percent_encode(&console.held_item)),
        Some(&rita.cookie),
    );
    assert_eq!(item.status, 200, "the held item's page: {item:?}");
    let action = form_action(&item.body, "verdict", &path);
    assert_eq!(
        percent_decode(&action),
        format!("/console/items/{}/verdict", console.held_item),
        "form#verdict posts to /console/items/{{item_id}}/verdict (the id percent-encoded)"
    );
    let before = console.standing(HELD_ACCOUNT);

    let verdict = [("verdict", "confirm"), ("note", "csrf test")];
    let fields = |csrf| with_csrf(&verdict, csrf);
    for (csrf, what) in [
        (None, "without the csrf field"),
        (Some("wrong"), "with a wrong csrf field"),
        (
            Some(adam.csrf.as_str()),
            "with another session's csrf token",
        ),
    ] {
        let answer = console.post_form(&path, Some(&rita.cookie), &fields(csrf));
        assert_forbidden(&answer, &format!("a verdict {what}"));
        assert_eq!(
            console.standing(HELD_ACCOUNT),
            before,
            "a verdict {what} changes nothing"
        );
        assert!(
            console.open_items().contains(&console.held_item),
            "a verdict {what} leaves the item open"
        );
    }

    let answer = console.post_form(&path, Some(&rita.cookie), &fields(Some(&rita.csrf)));
    assert_eq!(
        (answer.status, location_path(&answer)),
        (303, Some(format!("/console/accounts/{HELD_ACCOUNT}"))),
        "a verdict with its token: {answer:?}"
    );
    let after = console.standing(HELD_ACCOUNT);
    assert_eq!(
        after["violations"][0]["status"], "confirmed",
        "the verdict with its token was recorded: {after}"
    );
    assert_ne!(after["sanction"], "none", "{after}");
    assert!(after["points"].as_f64().unwrap() > 0.0, "{after}");
    let open = console.open_items();
    assert!(!open.contains(&console.held_item), "{open:?}");
    assert!(open.contains(&console.appeal_item), "{open:?}");
}

#[test]
fn the_simulator_form_needs_its_csrf_token() {
    let console = Console::start();
    let rita = console.sign_in(REVIEWER, REVIEWER_PASSWORD);
    let simulation = [
        ("text", "call me at four one five 839 2716"),
        ("surface", "message"),
        ("relationship", "none"),
    ];
    let fields = |csrf| with_csrf(&simulation, csrf);
    let answer = console.post_form("/console/simulator", Some(&rita.cookie), &fields(None));
    assert_forbidden(&answer, "a simulation without the csrf field");
    let answer = console.post_form(
        "/console/simulator",
        Some(&rita.cookie),
        &fields(Some("wrong")),
    );
    assert_forbidden(&answer, "a simulation with a wrong csrf field");
    let answer = console.post_form(
        "/console/simulator",
        Some(&rita.cookie),
        &fields(Some(&rita.csrf)),
    );
    assert_eq!(
        answer.status, 200,
        "a simulation with its token: {answer:?}"
    );
    assert!(answer.body.contains("decision-action"), "{}", answer.body);
    assert!(answer.body.contains("+14158392716"), "{}", answer.body);
}

#[test]
fn the_add_reviewer_form_needs_its_csrf_token_and_an_admin() {
    let console = Console::start();
    let adam = console.sign_in(ADMIN, ADMIN_PASSWORD);
    let rita = console.sign_in(REVIEWER, REVIEWER_PASSWORD);
    let page = console.get("/console/admin/reviewers", Some(&adam.cookie));
    assert_eq!(page.status, 200, "{page:?}");
    let action = form_action(&page.body, "add-reviewer", "/console/admin/reviewers");
    let new_password = "mallory-console-password-5521";
    let reviewer = [
        ("name", "mallory"),
        ("password", new_password),
        ("role", "reviewer"),
    ];
    let fields = |csrf| with_csrf(&reviewer, csrf);
    let cannot_sign_in = |what: &str| {
        let (cookie, csrf) = console.login_form();
        let answer = console.post_form(
            "/console/login",
            Some(&cookie),
            &[
                ("name", "mallory"),
                ("password", new_password),
                ("csrf", &csrf),
            ],
        );
        assert_eq!(answer.status, 401, "{what} made no account: {answer:?}");
        let list = console.get("/console/admin/reviewers", Some(&adam.cookie));
        assert!(!list.body.contains("mallory"), "{what}: {}", list.body);
    };

    for (csrf, what) in [
        (None, "without the csrf field"),
        (Some("wrong"), "with a wrong csrf field"),
        (
            Some(rita.csrf.as_str()),
            "with another session's csrf token",
        ),
    ] {
        let answer = console.post_form(&action, Some(&adam.cookie), &fields(csrf));
        let what = format!("adding a reviewer {what}");
        assert_forbidden(&answer, &what);
        cannot_sign_in(&what);
    }
    let answer = console.post_form(&action, Some(&rita.cookie), &fields(Some(&rita.csrf)));
    assert_forbidden(&answer, "adding a reviewer as a reviewer");
    cannot_sign_in("adding a reviewer as a reviewer");

    let answer = console.post_form(&action, Some(&adam.cookie), &fields(Some(&adam.csrf)));
    assert!(
        (200..400).contains(&answer.status),
        "adding a reviewer as an admin with the token: {answer:?}"
    );
    console.sign_in("mallory", new_password);
}

#[test]
fn the_sign_out_form_needs_its_csrf_token() {
    let console = Console::start();
    let rita = console.sign_in(REVIEWER, REVIEWER_PASSWORD);
    let adam = console.sign_in(ADMIN, ADMIN_PASSWORD);
    let page = console.get("/console", Some(&rita.cookie));
    let action = form_action(&page.body, "signout", "/console/logout");
    assert_eq!(
        action, "/console/logout",
        "form#signout posts to /console/logout"
    );
    for (fields, what) in [
        (vec![], "without the csrf field"),
        (vec![("csrf", "wrong")], "with a wrong csrf field"),
        (
            vec![("csrf", adam.csrf.as_str())],
            "with another session's csrf token",
        ),
    ] {
        let answer = console.post_form("/console/logout", Some(&rita.cookie), &fields);
        assert_eq!(answer.status, 403, "a sign-out {what}: {answer:?}");
        let still = console.get("/console", Some(&rita.cookie));
        assert_eq!(still.status, 200, "a sign-out {what} leaves the session");
    }
    let answer = console.post_form(
        "/console/logout",
        Some(&rita.cookie),
        &[("csrf", &rita.csrf)],
    );
    assert_eq!(answer.status, 303, "a sign-out with its token: {answer:?}");
    let after = console.get("/console", Some(&rita.cookie));
    assert_eq!(
        (after.status, location_path(&after).as_deref()),
        (303, Some("/console/login")),
        "the signed-out token no longer signs in: {after:?}"
    );
    let other = console.get("/console", Some(&adam.cookie));
    assert_eq!(other.status, 200, "another session is not signed out");
}

// ---------------------------------------------------------------------------------------
// A person's round, in a browser

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the repository root")
}

#[test]
fn browser_round() {
    if std::env::var_os("OFFSIDE_SKIP_BROWSER").is_some_and(|value| value == "1") {
        eprintln!(
            "\n!!! SKIPPED: console browser test (OFFSIDE_SKIP_BROWSER=1): \
             the reviewer console was NOT tested in a browser !!!\n"
        );
        return;
    }
    let chromium = std::env::var("OFFSIDE_CHROMIUM").unwrap_or("/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).is_file(),
        "no Chromium at {chromium}: install Debian's (`apt-get install -y chromium`), point \
         OFFSIDE_CHROMIUM at one, or set OFFSIDE_SKIP_BROWSER=1 to skip the browser test"
    );
    let root = repo_root();
    if !root
        .join("tests/browser/node_modules/playwright-core")
        .is_dir()
    {
        let status = Command::new("npm")
            .args(["ci", "--prefix", "tests/browser"])
            .current_dir(&root)
            .status()
            .expect("running npm (Node.js 20 and npm are needed for the browser test)");
        assert!(status.success(), "npm ci --prefix tests/browser: {status}");
    }

    let console = Console::start();
    let screenshots = root.join("target/screenshots");
    let mut child = Command::new("node")
        .arg("tests/browser/console.spec.mjs")
        .current_dir(&root)
        .env("OFFSIDE_URL", console.server.url())
        .env("REVIEWER_NAME", REVIEWER)
        .env("REVIEWER_PASSWORD", REVIEWER_PASSWORD)
        .env("ADMIN_NAME", ADMIN)
        .env("ADMIN_PASSWORD", ADMIN_PASSWORD)
        .env("SCREENSHOT_DIR", &screenshots)
        .env("OFFSIDE_CHROMIUM", &chromium)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running node (Node.js 20 is needed for the browser test)");
    let read_all = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        })
    };
    let stdout = read_all(Box::new(child.stdout.take().expect("piped stdout")));
    let stderr = read_all(Box::new(child.stderr.take().expect("piped stderr")));
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for node") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = format!(
        "--- stdout ---\n{}--- stderr ---\n{}",
        stdout.join().unwrap_or_default(),
        stderr.join().unwrap_or_default()
    );
    match status {
        Some(status) => assert!(
            status.success(),
            "node tests/browser/console.spec.mjs failed ({status}); screenshots in {}\n{output}",
            screenshots.display()
        ),
        None => panic!("node tests/browser/console.spec.mjs took over 300 s\n{output}"),
    }
    // Shown with --nocapture.
    println!("{output}");
}
