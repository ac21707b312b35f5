//! The tables a service keeps next to the ledger (answers by event id, API keys, settings),
//! on both backends: a temporary SQLite file (one test each, `sqlite::NAME`) and a throwaway
//! PostgreSQL server started by the test (`postgres_backend`).

mod support;

use chrono::{DateTime, Duration, Utc};
use offside_ledger::{
    ConsoleSession, ContactHasher, Error, Event, EventBody, NewApiKey, NewDecision, NewReviewer,
    Rule, StoreOptions, Violation,
};
use support::{Ctx, Databases, TempPostgres};

fn day(n: i64) -> DateTime<Utc> {
    "2026-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::days(n)
}

fn violation_of(message_id: &str, account: &str) -> Event {
    let hasher = ContactHasher::new(b"test-secret-0123456789abcdef", false).unwrap();
    Event {
        id: format!("{message_id}#contact.before_contract"),
        at: day(0),
        body: EventBody::ViolationRecorded(Violation {
            account: account.into(),
            rule: Rule::Contact,
            rule_id: "contact.before_contract".into(),
            kinds: vec!["email".into()],
            weight: 1.0,
            source_message_id: message_id.into(),
            shadow: false,
            held: true,
            contacts: vec![hasher.hash("email", "alex@example.com")],
            reported_by: None,
        }),
    }
}

fn decision(event_id: &str, response: &str) -> NewDecision {
    NewDecision {
        event_id: event_id.into(),
        account: "alice".into(),
        at: day(0),
        response: response.into(),
        evidence: None,
        request_hash: None,
    }
}

/// The first answer stays: a second call with the same id changes nothing, not even when
/// it carries other events or another answer.
async fn first_answer_wins(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let first = store
        .record_decision(
            decision("m1", r#"{"action":"hold"}"#),
            vec![violation_of("m1", "alice")],
        )
        .await
        .unwrap();
    assert!(!first.duplicate);
    assert_eq!(store.events_for("alice").await.unwrap().len(), 1);
    assert_eq!(store.open_review_items(10).await.unwrap().len(), 1);

    let again = store
        .record_decision(
            decision("m1", r#"{"action":"allow"}"#),
            vec![violation_of("m1-other", "alice")],
        )
        .await
        .unwrap();
    assert!(again.duplicate);
    assert_eq!(again.response, r#"{"action":"hold"}"#);
    assert_eq!(store.events_for("alice").await.unwrap().len(), 1);
    assert_eq!(
        store.decision("m1").await.unwrap().unwrap().response,
        r#"{"action":"hold"}"#
    );
    assert_eq!(store.decision("m2").await.unwrap(), None);

    // An allowed message has no ledger events, and its answer is kept all the same.
    let allowed = store
        .record_decision(decision("m2", r#"{"action":"allow"}"#), vec![])
        .await
        .unwrap();
    assert!(!allowed.duplicate);
    assert!(store.decision("m2").await.unwrap().is_some());
    store.close().await;

    // Still there after reopening.
    let reopened = ctx.open(StoreOptions::default()).await;
    assert!(reopened.decision("m1").await.unwrap().unwrap().duplicate);
    reopened.close().await;
}

/// Many writers with the same id at once: exactly one stores its answer, everyone gets
/// that answer back, and the ledger has the message's events once.
async fn concurrent_writers_agree(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let mut tasks = Vec::new();
    for writer in 0..8 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store
                .record_decision(
                    decision("race", &format!(r#"{{"writer":{writer}}}"#)),
                    vec![violation_of("race", "alice")],
                )
                .await
                .unwrap()
        }));
    }
    let mut answers = Vec::new();
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    assert_eq!(answers.iter().filter(|answer| !answer.duplicate).count(), 1);
    let stored = store.decision("race").await.unwrap().unwrap().response;
    assert!(answers.iter().all(|answer| answer.response == stored));
    assert_eq!(store.events_for("alice").await.unwrap().len(), 1);
    store.close().await;
}

/// A bad answer or a bad event is refused and leaves nothing behind.
async fn bad_decisions_change_nothing(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let error = store
        .record_decision(decision("", "{}"), vec![])
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidEvent { .. }), "{error}");
    let mut bad_event = violation_of("m3", "alice");
    bad_event.id = String::new();
    let error = store
        .record_decision(
            decision("m3", "{}"),
            vec![violation_of("m3", "alice"), bad_event],
        )
        .await
        .unwrap_err();
    assert!(
        error.to_string().contains("id must not be empty"),
        "{error}"
    );
    assert_eq!(store.decision("m3").await.unwrap(), None);
    assert!(store.events_for("alice").await.unwrap().is_empty());
    store.close().await;
}

/// Keys are stored by hash, listed without it, and revoked once.
async fn api_keys_round_trip(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let key = NewApiKey {
        key_id: "k1".into(),
        key_hash: "ab".repeat(32),
        name: "checker".into(),
        scopes: vec!["check".into(), "ingest".into()],
        created_at: day(1),
    };
    let created = store.create_api_key(key.clone()).await.unwrap();
    assert_eq!(created.scopes, vec!["check", "ingest"]);
    let found = store
        .api_key_by_hash(&"ab".repeat(32))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, created);
    assert_eq!(store.api_key_by_hash(&"cd".repeat(32)).await.unwrap(), None);
    // The same hash cannot be stored twice.
    let mut same_hash = key.clone();
    same_hash.key_id = "k2".into();
    assert!(store.create_api_key(same_hash).await.is_err());
    assert!(store.revoke_api_key("k1", day(2)).await.unwrap());
    assert!(!store.revoke_api_key("k1", day(3)).await.unwrap());
    assert!(!store.revoke_api_key("nope", day(3)).await.unwrap());
    let listed = store.api_keys().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].revoked_at, Some(day(2)));
    store.close().await;
}

/// A setting keeps the first value stored.
async fn settings_keep_the_first_value(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    assert_eq!(store.setting_or_insert("s", "one").await.unwrap(), "one");
    assert_eq!(store.setting_or_insert("s", "two").await.unwrap(), "one");
    store.close().await;
    let reopened = ctx.open(StoreOptions::default()).await;
    assert_eq!(
        reopened.setting_or_insert("s", "three").await.unwrap(),
        "one"
    );
    reopened.close().await;
}

/// Reviewer names are unique, and a disabled or unknown name signs nobody in.
async fn reviewers_round_trip(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let rita = NewReviewer {
        name: "rita".into(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        role: "reviewer".into(),
        created_at: day(0),
    };
    assert!(store.create_reviewer(rita.clone()).await.unwrap());
    let mut again = rita.clone();
    again.password_hash = "another".into();
    assert!(
        !store.create_reviewer(again).await.unwrap(),
        "the name is taken"
    );
    let stored = store.reviewer("rita").await.unwrap().expect("stored");
    assert_eq!(
        stored.password_hash, rita.password_hash,
        "the first account stays"
    );
    assert_eq!(stored.role, "reviewer");
    assert!(store.reviewer("nobody").await.unwrap().is_none());
    let names: Vec<String> = store
        .reviewers()
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.name)
        .collect();
    assert_eq!(names, ["rita"]);
    let mut bad = rita.clone();
    bad.name = String::new();
    assert!(matches!(
        store.create_reviewer(bad).await,
        Err(Error::InvalidEvent { .. })
    ));
}

/// A session is found by its token hash until it expires or is deleted.
async fn sessions_expire_and_end(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let reviewer = NewReviewer {
        name: "sam".into(),
        password_hash: "hash".into(),
        role: "admin".into(),
        created_at: day(0),
    };
    store.create_reviewer(reviewer).await.unwrap();
    let session = ConsoleSession {
        token_hash: "ab".repeat(32),
        reviewer: "sam".into(),
        csrf_token: "csrf-1".into(),
        created_at: day(1),
        expires_at: day(2),
    };
    store.create_session(session.clone()).await.unwrap();
    let found = store.session(&session.token_hash, day(1)).await.unwrap();
    assert_eq!(found, Some(session.clone()));
    assert_eq!(
        store.session(&session.token_hash, day(3)).await.unwrap(),
        None,
        "expired"
    );
    assert_eq!(store.session("cd", day(1)).await.unwrap(), None, "unknown");
    store.delete_session(&session.token_hash).await.unwrap();
    assert_eq!(
        store.session(&session.token_hash, day(1)).await.unwrap(),
        None,
        "signed out"
    );
}

/// Evidence is written with the first answer only, and read back by event id.
async fn evidence_is_kept_with_the_first_answer(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let mut first = decision("m-ev", "{\"action\":\"hold\"}");
    first.evidence = Some("{\"text\":\"mail alex at gmail dot com\"}".into());
    store
        .record_decision(first, vec![violation_of("m-ev", "alice")])
        .await
        .unwrap();
    let mut retry = decision("m-ev", "{\"action\":\"allow\"}");
    retry.evidence = Some("{\"text\":\"something else\"}".into());
    assert!(
        store
            .record_decision(retry, vec![])
            .await
            .unwrap()
            .duplicate
    );
    let evidence = store.evidence("m-ev").await.unwrap().expect("stored");
    assert_eq!(
        evidence.content,
        "{\"text\":\"mail alex at gmail dot com\"}"
    );
    assert_eq!((evidence.account.as_str(), evidence.at), ("alice", day(0)));
    assert!(store.evidence("m-none").await.unwrap().is_none());
    let recent = store.decisions_since(day(0), 10).await.unwrap();
    assert_eq!(recent, vec![(day(0), "{\"action\":\"hold\"}".to_string())]);
    assert!(store.decisions_since(day(1), 10).await.unwrap().is_empty());
}

macro_rules! on_both_backends {
    ($($check:ident),* $(,)?) => {
        mod sqlite {
            use crate::support::Ctx;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $check() {
                    super::$check(&Ctx::sqlite()).await;
                }
            )*
        }

        /// Every check against one PostgreSQL server the test starts itself, each in a
        /// database of its own.
        #[test]
        fn postgres_backend() {
            let Some(server) = TempPostgres::start_or_skip() else {
                return;
            };
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            let mut failed: Vec<&str> = Vec::new();
            $(
                let ctx = runtime.block_on(server.database(stringify!($check)));
                let outcome = runtime.block_on(runtime.spawn(async move { $check(&ctx).await }));
                eprintln!("postgres::{} ... {}", stringify!($check), if outcome.is_ok() { "ok" } else { "FAILED" });
                if outcome.is_err() {
                    failed.push(stringify!($check));
                }
            )*
            drop(server);
            assert!(failed.is_empty(), "PostgreSQL checks failed: {failed:?}");
        }
    };
}

on_both_backends!(
    first_answer_wins,
    concurrent_writers_agree,
    bad_decisions_change_nothing,
    api_keys_round_trip,
    settings_keep_the_first_value,
    reviewers_round_trip,
    sessions_expire_and_end,
    evidence_is_kept_with_the_first_answer,
);
