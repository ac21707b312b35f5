//! The tables a service keeps next to the ledger (answers by event id, API keys, settings),
//! on both backends: a temporary SQLite file (one test each, `sqlite::NAME`) and a throwaway
//! PostgreSQL server started by the test (`postgres_backend`).

mod support;

use chrono::{DateTime, Duration, Utc};
use offside_ledger::{
    ContactHasher, Error, Event, EventBody, NewApiKey, NewDecision, Rule, Store, StoreOptions,
    Violation,
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
        }),
    }
}

fn decision(event_id: &str, response: &str) -> NewDecision {
    NewDecision {
        event_id: event_id.into(),
        account: "alice".into(),
        at: day(0),
        response: response.into(),
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
);
