//! One suite, two backends: every check below runs against a temporary SQLite file (one test
//! each, `sqlite::NAME`) and against a throwaway PostgreSQL server started by the test
//! (`postgres_backend`, each check in a database of its own).

mod support;

use chrono::{DateTime, Duration, Utc};
use offside_ledger::standing::standing;
use offside_ledger::{
    AppealDecided, AppealFiled, AppealOutcome, ContactHasher, ContactValue, Error, Event,
    EventBody, Ledger, NewDecision, Report, ReviewItemKind, ReviewVerdict, Rule, SanctionLifted,
    StoreOptions, SuspensionConfirmed, Verdict, Violation, ViolationStatus,
};
use offside_policy::ladder::{Ladder, Sanction};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use support::{Ctx, Databases, TempPostgres};

// ---------------------------------------------------------------------------------------
// Event builders

fn day(n: i64) -> DateTime<Utc> {
    "2026-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::days(n)
}

fn hasher() -> ContactHasher {
    ContactHasher::new(b"test-secret-0123456789abcdef", false).unwrap()
}

fn violation(id: &str, account: &str, rule: Rule, at: DateTime<Utc>) -> Event {
    let ladder = Ladder::default();
    Event {
        id: id.into(),
        at,
        body: EventBody::ViolationRecorded(Violation {
            account: account.into(),
            rule,
            rule_id: format!("{}/before_contract", rule.as_str()),
            kinds: vec![match rule {
                Rule::Contact => "email".into(),
                Rule::Payment => "payment".into(),
            }],
            weight: match rule {
                Rule::Contact => ladder.weights.contact,
                Rule::Payment => ladder.weights.payment,
            },
            source_message_id: format!("msg-{id}"),
            shadow: false,
            held: false,
            contacts: vec![],
            reported_by: None,
        }),
    }
}

fn with(mut event: Event, change: impl FnOnce(&mut Violation)) -> Event {
    if let EventBody::ViolationRecorded(violation) = &mut event.body {
        change(violation);
    }
    event
}

fn verdict(id: &str, subject: &str, verdict: Verdict, at: DateTime<Utc>) -> Event {
    Event {
        id: id.into(),
        at,
        body: EventBody::ReviewVerdict(ReviewVerdict {
            subject_id: subject.into(),
            verdict,
            reviewer: "rita".into(),
            note: Some("checked the thread".into()),
        }),
    }
}

fn appeal(id: &str, violation_id: &str, at: DateTime<Utc>) -> Event {
    Event {
        id: id.into(),
        at,
        body: EventBody::AppealFiled(AppealFiled {
            violation_id: violation_id.into(),
            note: Some("it was a Telegram bot job".into()),
        }),
    }
}

fn decision(id: &str, appeal_id: &str, outcome: AppealOutcome, at: DateTime<Utc>) -> Event {
    Event {
        id: id.into(),
        at,
        body: EventBody::AppealDecided(AppealDecided {
            appeal_id: appeal_id.into(),
            outcome,
            reviewer: "rita".into(),
            note: None,
        }),
    }
}

fn report(id: &str, reporter: &str, message_id: &str, at: DateTime<Utc>) -> Event {
    Event {
        id: id.into(),
        at,
        body: EventBody::ReportFiled(Report {
            reporter: reporter.into(),
            message_id: message_id.into(),
            about_account: None,
            reason: Some("asked for my WhatsApp".into()),
            rule: None,
        }),
    }
}

fn lift(id: &str, account: &str, at: DateTime<Utc>) -> Event {
    Event {
        id: id.into(),
        at,
        body: EventBody::SanctionLifted(SanctionLifted {
            account: account.into(),
            reviewer: "rita".into(),
            note: None,
        }),
    }
}

fn confirm_suspension(id: &str, account: &str, at: DateTime<Utc>) -> Event {
    Event {
        id: id.into(),
        at,
        body: EventBody::SuspensionConfirmed(SuspensionConfirmed {
            account: account.into(),
            reviewer: "rita".into(),
            note: None,
        }),
    }
}

async fn record_all(store: &Ledger, events: &[Event]) {
    for event in events {
        let recorded = store
            .record(event.clone())
            .await
            .unwrap_or_else(|error| panic!("recording {}: {error}", event.id));
        assert!(!recorded.duplicate, "{} was new", event.id);
    }
}

// ---------------------------------------------------------------------------------------
// The checks, written once against the `Store` trait.

/// Recording an id again returns the first record and changes nothing, even if the second
/// event differs; concurrent writers of one id get exactly one insert.
async fn duplicate_id_changes_nothing(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let first = with(violation("v1", "alice", Rule::Payment, day(0)), |v| {
        v.held = true
    });
    let recorded = store.record(first.clone()).await.unwrap();
    assert!(!recorded.duplicate);
    let before = store.standing("alice", day(1)).await.unwrap();
    let n_items = store.open_review_items(100).await.unwrap().len();

    let again = store.record(first.clone()).await.unwrap();
    assert!(again.duplicate);
    assert_eq!(again.event, first);
    assert_eq!(again.seq, recorded.seq);
    // Same id, other content (another account, another rule): still the first record.
    let impostor = violation("v1", "bob", Rule::Contact, day(0));
    let again = store.record(impostor).await.unwrap();
    assert!(again.duplicate);
    assert_eq!(again.event, first);
    assert_eq!(again.account, "alice");

    assert_eq!(store.all_events().await.unwrap(), vec![first.clone()]);
    assert_eq!(store.standing("alice", day(1)).await.unwrap(), before);
    assert!(store.events_for("bob").await.unwrap().is_empty());
    assert_eq!(store.open_review_items(100).await.unwrap().len(), n_items);

    // Eight writers race on one new id: one inserts, seven see a duplicate.
    let racers: Vec<_> = (0..8)
        .map(|_| {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .record(violation("race", "carol", Rule::Contact, day(2)))
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut n_new = 0;
    for racer in racers {
        n_new += usize::from(!racer.await.unwrap().duplicate);
    }
    assert_eq!(n_new, 1);
    assert_eq!(store.events_for("carol").await.unwrap().len(), 1);
    store.close().await;
}

/// Two payment violations on one day climb to a restriction; far later the ladder moves
/// down step by step exactly as the ladder's config says.
async fn decay_moves_down_the_ladder(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let ladder = Ladder::default();
    record_all(
        &store,
        &[
            violation("v1", "alice", Rule::Payment, day(0)),
            violation("v2", "alice", Rule::Payment, day(0)),
        ],
    )
    .await;
    let at = |n| {
        let store = store.clone();
        async move { store.standing("alice", day(n)).await.unwrap() }
    };
    let restricted = at(1).await;
    assert_eq!(restricted.sanction, Sanction::Restriction);
    assert_eq!(restricted.sanction_until, Some(day(7)));
    assert_eq!(restricted.points, 2.0 * ladder.decayed(2.0, 1.0));
    // The restriction lasts its 7 days; the badge loss reached with it, its 30.
    let badge_loss = at(10).await;
    assert_eq!(badge_loss.sanction, Sanction::BadgeLoss);
    assert_eq!(badge_loss.sanction_until, Some(day(30)));
    // After that only the warning is left, for as long as the points stay at its
    // threshold. At day 60 the points (2.52) are still at the badge-loss threshold (2.5),
    // but a timed step lasts its duration from the violation that reached it, not longer.
    let warning_at = ladder.steps[0].at_points;
    for (n, expected) in [
        (60, Sanction::Warning),
        (120, Sanction::Warning),
        (180, Sanction::Warning), // exactly 1.0 point: two half-lives
        (200, Sanction::Warning),
        (270, Sanction::Warning), // exactly 0.5 point, the warning's threshold
        (300, Sanction::None),
        (364, Sanction::None),
        (365, Sanction::None), // forgotten
        (1000, Sanction::None),
    ] {
        let standing = at(n).await;
        let expected_points = 2.0 * ladder.decayed(2.0, n as f64);
        assert_eq!(standing.points, expected_points, "day {n}");
        assert_eq!(standing.sanction, expected, "day {n}");
        assert_eq!(
            standing.sanction == Sanction::Warning,
            expected_points >= warning_at,
            "day {n}"
        );
    }
    assert_eq!(at(365).await.points, 0.0);

    // Another ladder, another history: a 10-day half-life forgets a suspension-level
    // burst... except that a suspension stays until a reviewer lifts it.
    let fast = Ladder {
        half_life_days: 10.0,
        forget_after_days: 60,
        ..Ladder::default()
    };
    let store = ctx
        .open(StoreOptions {
            ladder: fast,
            ..StoreOptions::default()
        })
        .await;
    record_all(
        &store,
        &(0..3)
            .map(|n| violation(&format!("s{n}"), "sam", Rule::Payment, day(0)))
            .collect::<Vec<_>>(),
    )
    .await;
    // The ladder reached suspension: held at restriction, without an end, until a reviewer
    // confirms it.
    let held = store.standing("sam", day(1)).await.unwrap();
    assert_eq!(held.sanction, Sanction::Restriction);
    assert!(held.suspension_pending_review);
    assert_eq!(held.sanction_until, None);
    let queue = store.open_review_items(10).await.unwrap();
    assert_eq!(queue.len(), 1, "{queue:?}");
    assert_eq!(queue[0].kind, ReviewItemKind::Suspension);
    assert_eq!(queue[0].account, "sam");
    record_all(&store, &[confirm_suspension("cs1", "sam", day(2))]).await;
    assert!(store.open_review_items(10).await.unwrap().is_empty());
    let suspended = store.standing("sam", day(100)).await.unwrap();
    assert_eq!(suspended.points, 0.0);
    assert_eq!(suspended.sanction, Sanction::Suspension);
    assert_eq!(suspended.sanction_until, None);
    record_all(&store, &[lift("l1", "sam", day(101))]).await;
    let lifted = store.standing("sam", day(102)).await.unwrap();
    assert_eq!(lifted.sanction, Sanction::None);
    assert_eq!(lifted.last_lifted_at, Some(day(101)));
    // Before the lift (as of day 100) the suspension is still what the ledger says.
    assert_eq!(
        store.standing("sam", day(100)).await.unwrap().sanction,
        Sanction::Suspension
    );
    store.close().await;
}

/// An upheld appeal undoes its violation's effect exactly; a denied one changes nothing.
async fn upheld_appeal_removes_the_violation(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let history = |account: &str, prefix: &str| {
        (0..3)
            .map(|n| violation(&format!("{prefix}{n}"), account, Rule::Payment, day(0)))
            .collect::<Vec<_>>()
    };
    record_all(&store, &history("alice", "a")).await;
    record_all(&store, &history("bob", "b")[..2]).await; // bob never sent the third
    record_all(&store, &history("dora", "d")).await;
    assert!(
        store
            .standing("alice", day(5))
            .await
            .unwrap()
            .suspension_pending_review
    );

    record_all(&store, &[appeal("ap1", "a2", day(3))]).await;
    let pending = store.standing("alice", day(4)).await.unwrap();
    assert!(pending.suspension_pending_review, "filing changes nothing");
    assert_eq!(pending.appeals_pending, 1);
    assert!(pending.violations[2].appeal_pending);
    let queue: Vec<_> = store
        .open_review_items(10)
        .await
        .unwrap()
        .into_iter()
        .filter(|item| item.kind == ReviewItemKind::Appeal)
        .collect();
    assert_eq!(queue.len(), 1);
    assert_eq!(
        (
            queue[0].kind,
            queue[0].item_id.as_str(),
            queue[0].account.as_str()
        ),
        (ReviewItemKind::Appeal, "ap1", "alice")
    );

    record_all(
        &store,
        &[decision("dc1", "ap1", AppealOutcome::Upheld, day(4))],
    )
    .await;
    let after = store.standing("alice", day(5)).await.unwrap();
    let without = store.standing("bob", day(5)).await.unwrap();
    assert_eq!(after.points, without.points);
    assert_eq!(after.sanction, without.sanction);
    assert_eq!(after.sanction_until, without.sanction_until);
    assert_ne!(after.sanction, Sanction::Suspension);
    assert!(!after.suspension_pending_review);
    assert_eq!(after.violations[2].status, ViolationStatus::Overturned);
    assert_eq!(after.violations[2].points_now, 0.0);
    assert_eq!(after.appeals_pending, 0);
    assert!(!store
        .open_review_items(10)
        .await
        .unwrap()
        .iter()
        .any(|item| item.kind == ReviewItemKind::Appeal));

    // Dora's appeal is denied: her standing is what it was.
    let before = store.standing("dora", day(5)).await.unwrap();
    record_all(
        &store,
        &[
            appeal("ap2", "d2", day(3)),
            decision("dc2", "ap2", AppealOutcome::Denied, day(4)),
        ],
    )
    .await;
    let denied = store.standing("dora", day(5)).await.unwrap();
    assert_eq!(denied.sanction, before.sanction);
    assert_eq!(denied.points, before.points);
    store.close().await;
}

/// Held violations wait in the queue and count for nothing until a reviewer judges them: a
/// dismissal keeps them out for good, a confirmation makes them count from when they were
/// sent.
async fn dismissed_review_removes_the_violation(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    record_all(
        &store,
        &[
            with(violation("v1", "alice", Rule::Payment, day(0)), |v| {
                v.held = true
            }),
            with(violation("v2", "alice", Rule::Payment, day(0)), |v| {
                v.held = true
            }),
        ],
    )
    .await;
    let pending = store.standing("alice", day(1)).await.unwrap();
    assert_eq!(pending.sanction, Sanction::None);
    assert_eq!(pending.points, 0.0);
    assert!(pending
        .violations
        .iter()
        .all(|v| v.status == ViolationStatus::Pending));
    let queue = store.open_review_items(10).await.unwrap();
    assert_eq!(
        queue
            .iter()
            .map(|item| item.item_id.as_str())
            .collect::<Vec<_>>(),
        ["v1", "v2"]
    );
    assert!(queue
        .iter()
        .all(|item| item.kind == ReviewItemKind::HeldViolation));

    record_all(&store, &[verdict("r1", "v1", Verdict::Dismiss, day(1))]).await;
    let after = store.standing("alice", day(1)).await.unwrap();
    assert_eq!(after.points, 0.0);
    assert_eq!(after.sanction, Sanction::None);
    assert_eq!(after.violations[0].status, ViolationStatus::Dismissed);
    record_all(&store, &[verdict("r2", "v2", Verdict::Confirm, day(1))]).await;
    let confirmed = store.standing("alice", day(1)).await.unwrap();
    assert_eq!(confirmed.violations[1].status, ViolationStatus::Confirmed);
    assert_eq!(confirmed.points, Ladder::default().decayed(2.0, 1.0));
    assert_eq!(confirmed.sanction, Sanction::Warning);
    assert!(store.open_review_items(10).await.unwrap().is_empty());
    // The verdicts are filed under the violation's sender, not the reviewer.
    assert_eq!(store.events_for("alice").await.unwrap().len(), 4);
    assert!(store.events_for("rita").await.unwrap().is_empty());
    store.close().await;
}

/// Shadow violations are recorded (and shown) but never move standing.
async fn shadow_violations_do_not_count(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let events: Vec<Event> = (0..5)
        .map(|n| {
            with(
                violation(&format!("sh{n}"), "alice", Rule::Payment, day(0)),
                |v| v.shadow = true,
            )
        })
        .collect();
    record_all(&store, &events).await;
    let standing = store.standing("alice", day(1)).await.unwrap();
    assert_eq!(standing.points, 0.0);
    assert_eq!(standing.sanction, Sanction::None);
    assert_eq!(standing.violations.len(), 5);
    assert!(standing
        .violations
        .iter()
        .all(|v| v.status == ViolationStatus::Shadow));
    store.close().await;
}

/// A report is a mark in the reporter's favour: counted, queued for a reviewer, never a
/// violation on them; a verdict on the reported violation settles the report.
async fn reports_count_for_the_reporter(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    record_all(
        &store,
        &[
            violation("v1", "sender", Rule::Contact, day(0)),
            report("rep1", "recipient", "msg-v1", day(1)),
            report("rep2", "recipient", "msg-elsewhere", day(2)),
        ],
    )
    .await;
    let recipient = store.standing("recipient", day(3)).await.unwrap();
    assert_eq!(recipient.reports_filed, 2);
    assert_eq!(recipient.points, 0.0);
    assert_eq!(recipient.sanction, Sanction::None);
    assert!(recipient.violations.is_empty());
    let sender = store.standing("sender", day(0)).await.unwrap();
    assert_eq!(sender.violations.len(), 1, "a report adds no violation");
    assert_eq!(sender.reports_filed, 0);

    let queue = store.open_review_items(10).await.unwrap();
    assert_eq!(
        queue
            .iter()
            .map(|item| item.item_id.as_str())
            .collect::<Vec<_>>(),
        ["rep1", "rep2"]
    );
    assert!(queue
        .iter()
        .all(|item| item.kind == ReviewItemKind::Report && item.account == "recipient"));

    // Confirming the sender's violation settles the report about the same message.
    record_all(&store, &[verdict("r1", "v1", Verdict::Confirm, day(3))]).await;
    let queue = store.open_review_items(10).await.unwrap();
    assert_eq!(
        queue
            .iter()
            .map(|item| item.item_id.as_str())
            .collect::<Vec<_>>(),
        ["rep2"]
    );
    // A verdict on the report itself is filed under the reporter and counts for them.
    let recorded = store
        .record(verdict("r2", "rep2", Verdict::Confirm, day(4)))
        .await
        .unwrap();
    assert_eq!(recorded.account, "recipient");
    let recipient = store.standing("recipient", day(5)).await.unwrap();
    assert_eq!(recipient.reports_confirmed, 1);
    assert!(recipient.violations.is_empty());
    assert_eq!(recipient.sanction, Sanction::None);
    assert!(store.open_review_items(10).await.unwrap().is_empty());
    store.close().await;
}

/// The review queue lists open items oldest first, whatever order they were recorded in.
async fn review_queue_is_oldest_first(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    record_all(
        &store,
        &[
            report("rep", "bob", "msg-x", day(3)),
            with(violation("held", "alice", Rule::Contact, day(1)), |v| {
                v.held = true
            }),
            violation("plain", "alice", Rule::Contact, day(0)),
            appeal("ap", "plain", day(2)),
        ],
    )
    .await;
    let queue = store.open_review_items(10).await.unwrap();
    let order: Vec<_> = queue
        .iter()
        .map(|item| (item.item_id.as_str(), item.kind, item.opened_at))
        .collect();
    assert_eq!(
        order,
        [
            ("held", ReviewItemKind::HeldViolation, day(1)),
            ("ap", ReviewItemKind::Appeal, day(2)),
            ("rep", ReviewItemKind::Report, day(3)),
        ]
    );
    assert_eq!(store.open_review_items(1).await.unwrap().len(), 1);
    store.close().await;
}

/// Accounts that used the same contact value are found through the keyed hashes, and the
/// raw value is stored nowhere: not in a table, not in any file the database wrote.
async fn linked_accounts_without_raw_values(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let secret_email = "linked.person.7f3a@example.org";
    let secret_phone = "+14155550137";
    let hasher = hasher();
    let contacts = |values: &[(&str, &str)]| -> Vec<ContactValue> {
        values
            .iter()
            .map(|(kind, value)| hasher.hash(kind, value))
            .collect()
    };
    // A hasher configured to keep raw values; the store is not, so it strips them.
    let leaky = ContactHasher::new(b"test-secret-0123456789abcdef", true).unwrap();
    record_all(
        &store,
        &[
            with(violation("v1", "alice", Rule::Contact, day(0)), |v| {
                v.contacts = vec![
                    leaky.hash("email", secret_email),
                    leaky.hash("phone", secret_phone),
                ]
            }),
            with(violation("v2", "carol", Rule::Contact, day(1)), |v| {
                v.contacts = contacts(&[("email", "Linked.Person.7f3a@example.org ")])
            }),
            with(violation("v3", "dave", Rule::Contact, day(2)), |v| {
                v.contacts = contacts(&[("phone", secret_phone), ("email", secret_email)])
            }),
            with(violation("v4", "dave", Rule::Contact, day(3)), |v| {
                v.contacts = contacts(&[("email", secret_email)]) // same value again
            }),
            with(violation("v5", "erin", Rule::Contact, day(4)), |v| {
                v.contacts = contacts(&[("email", "someone.else@example.org")])
            }),
        ],
    )
    .await;
    let linked = store.linked_accounts("alice").await.unwrap();
    let summary: Vec<_> = linked
        .iter()
        .map(|link| {
            (
                link.account.as_str(),
                link.n_values,
                link.by_kind
                    .iter()
                    .map(|shared| (shared.kind.as_str(), shared.n_values))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("dave", 2, vec![("email", 1), ("phone", 1)]),
            ("carol", 1, vec![("email", 1)]),
        ]
    );
    assert!(store.linked_accounts("erin").await.unwrap().is_empty());
    let stored = store.events_for("alice").await.unwrap();
    let EventBody::ViolationRecorded(stored) = &stored[0].body else {
        panic!("not a violation");
    };
    assert!(stored.contacts.iter().all(|contact| contact.raw.is_none()));

    let tables = ctx.dump_tables().await;
    assert!(tables.contains(&hasher.hash("email", secret_email).hash));
    for raw in [secret_email, secret_phone, "4155550137"] {
        assert!(!tables.contains(raw), "{raw} found in a table");
    }
    store.close().await;
    assert!(
        !ctx.files_contain(secret_email).await,
        "the raw e-mail is in a database file"
    );
    assert!(!ctx.files_contain(secret_phone).await);

    // The file scan can see values: a store configured to keep raw values keeps them.
    let keeping = ctx
        .open(StoreOptions {
            keep_raw_contacts: true,
            ..StoreOptions::default()
        })
        .await;
    let kept_value = "kept.on.purpose.91c2@example.org";
    record_all(
        &keeping,
        &[with(violation("v6", "fay", Rule::Contact, day(5)), |v| {
            v.contacts = vec![leaky.hash("email", kept_value)]
        })],
    )
    .await;
    keeping.close().await;
    assert!(ctx.files_contain(kept_value).await);
}

/// Everything recorded is there after the store is closed and opened again; reopening
/// does not apply the migrations again.
async fn data_survives_reopening(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let events = vec![
        violation("v1", "alice", Rule::Payment, day(0)),
        with(violation("v2", "alice", Rule::Contact, day(1)), |v| {
            v.held = true
        }),
        report("rep", "bob", "msg-v1", day(2)),
        appeal("ap", "v1", day(3)),
    ];
    record_all(&store, &events).await;
    let before = store.standing("alice", day(4)).await.unwrap();
    if let Some(mode) = ctx.sqlite_journal_mode().await {
        assert_eq!(mode, "wal", "the SQLite file is in WAL mode");
    }
    store.close().await;
    drop(store);

    let reopened = ctx.open(StoreOptions::default()).await;
    assert_eq!(reopened.all_events().await.unwrap(), events);
    assert_eq!(reopened.standing("alice", day(4)).await.unwrap(), before);
    assert_eq!(reopened.open_review_items(10).await.unwrap().len(), 3);
    assert!(reopened.record(events[0].clone()).await.unwrap().duplicate);
    reopened.close().await;
    // A third open over the same data, through a second pool at the same time.
    let one = ctx.open(StoreOptions::default()).await;
    let two = ctx.open(StoreOptions::default()).await;
    record_all(&one, &[violation("v3", "alice", Rule::Contact, day(5))]).await;
    assert_eq!(two.events_for("alice").await.unwrap().len(), 4);
    one.close().await;
    two.close().await;
}

/// Bad input is refused with an error that names it, and leaves the ledger unchanged;
/// a damaged row is reported, not panicked on.
async fn bad_input_is_an_error(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    record_all(
        &store,
        &[
            violation("v1", "alice", Rule::Contact, day(0)),
            report("rep", "bob", "msg-v1", day(0)),
        ],
    )
    .await;
    let unknown = store
        .record(verdict("r1", "nope", Verdict::Dismiss, day(1)))
        .await;
    assert!(
        matches!(&unknown, Err(Error::UnknownSubject { subject_id, .. }) if subject_id == "nope"),
        "{unknown:?}"
    );
    let wrong = store.record(appeal("ap", "rep", day(1))).await;
    assert!(
        matches!(&wrong, Err(Error::WrongSubject { found, .. }) if found == "report_filed"),
        "{wrong:?}"
    );
    let wrong = store
        .record(decision("d", "v1", AppealOutcome::Upheld, day(1)))
        .await;
    assert!(
        matches!(wrong, Err(Error::WrongSubject { .. })),
        "{wrong:?}"
    );
    let empty = store
        .record(violation("v2", "", Rule::Contact, day(1)))
        .await;
    assert!(
        matches!(&empty, Err(Error::InvalidEvent { reason, .. }) if reason.contains("account")),
        "{empty:?}"
    );
    let nul = store
        .record(violation("v3", "ali\0ce", Rule::Contact, day(1)))
        .await;
    assert!(matches!(nul, Err(Error::InvalidEvent { .. })), "{nul:?}");
    let nan = store
        .record(with(violation("v4", "alice", Rule::Contact, day(1)), |v| {
            v.weight = f64::NAN
        }))
        .await;
    assert!(matches!(nan, Err(Error::InvalidEvent { .. })), "{nan:?}");
    let bad_hash = store
        .record(with(violation("v5", "alice", Rule::Contact, day(1)), |v| {
            v.contacts = vec![ContactValue {
                kind: "email".into(),
                hash: "not-a-hash".into(),
                raw: None,
            }]
        }))
        .await;
    assert!(
        matches!(bad_hash, Err(Error::InvalidEvent { .. })),
        "{bad_hash:?}"
    );
    assert_eq!(
        store.all_events().await.unwrap().len(),
        2,
        "nothing recorded"
    );
    assert!(matches!(
        Ledger::open("mysql://localhost/x", StoreOptions::default()).await,
        Err(Error::UnsupportedUrl(_))
    ));

    // The events table refuses updates and deletes.
    let update = store_execute_fails(ctx, "UPDATE events SET account = 'mallory'").await;
    assert!(update.contains("append-only"), "{update}");
    let delete = store_execute_fails(ctx, "DELETE FROM events").await;
    assert!(delete.contains("append-only"), "{delete}");

    // A row written around the store with a damaged payload is reported by position.
    ctx.execute_raw(
        "INSERT INTO events (event_id, kind, account, occurred_at, payload) \
         VALUES ('broken', 'violation_recorded', 'alice', 'yesterday', '{\"id\": \"broken\", \"at\": \"yesterday\"')",
    )
    .await;
    let corrupt = store.events_for("alice").await;
    assert!(
        matches!(
            &corrupt,
            Err(Error::CorruptRow {
                table: "events",
                ..
            })
        ),
        "{corrupt:?}"
    );
    let message = corrupt.unwrap_err().to_string();
    assert!(message.contains("seq"), "{message}");
    assert!(store.all_events().await.is_err());
    // Other accounts still read fine.
    assert_eq!(store.events_for("bob").await.unwrap().len(), 1);
    store.close().await;
}

async fn store_execute_fails(ctx: &Ctx, sql: &'static str) -> String {
    let ctx_url = ctx.url.clone();
    let outcome = tokio::spawn(async move {
        use sqlx::Connection;
        if ctx_url.starts_with("sqlite:") {
            let mut conn = sqlx::SqliteConnection::connect(&ctx_url).await.unwrap();
            sqlx::raw_sql(sql).execute(&mut conn).await.map(|_| ())
        } else {
            let mut conn = sqlx::PgConnection::connect(&ctx_url).await.unwrap();
            sqlx::raw_sql(sql).execute(&mut conn).await.map(|_| ())
        }
    })
    .await
    .unwrap();
    match outcome {
        Ok(()) => panic!("{sql} succeeded"),
        Err(error) => error.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// The property: replay over all events gives the store's standing; recording everything a
// second time changes nothing; nobody but a sender ever gets a violation.

#[derive(Debug, Clone)]
enum Op {
    Violation {
        sender: usize,
        payment: bool,
        day: i64,
        shadow: bool,
        held: bool,
        contact: Option<usize>,
    },
    Report {
        reporter: usize,
        of_op: usize,
        day: i64,
    },
    Verdict {
        of_op: usize,
        dismiss: bool,
        day: i64,
    },
    Appeal {
        of_op: usize,
        day: i64,
    },
    Decision {
        of_op: usize,
        upheld: bool,
        day: i64,
    },
    Lift {
        account: usize,
        day: i64,
    },
    /// Record an earlier op's event id again.
    Duplicate {
        of_op: usize,
    },
}

const ACCOUNTS: [&str; 3] = ["ann", "ben", "cat"];

/// The days standing is compared at: the start, inside the decay, past forgetting.
const MOMENTS: [i64; 5] = [0, 45, 200, 420, 2000];

fn op_strategy() -> impl Strategy<Value = Op> {
    let day = 0i64..400;
    prop_oneof![
        4 => (0..3usize, any::<bool>(), day.clone(), prop::bool::weighted(0.2), any::<bool>(), prop::option::of(0..4usize))
            .prop_map(|(sender, payment, day, shadow, held, contact)| Op::Violation { sender, payment, day, shadow, held, contact }),
        1 => (0..3usize, any::<usize>(), day.clone()).prop_map(|(reporter, of_op, day)| Op::Report { reporter, of_op, day }),
        1 => (any::<usize>(), any::<bool>(), day.clone()).prop_map(|(of_op, dismiss, day)| Op::Verdict { of_op, dismiss, day }),
        1 => (any::<usize>(), day.clone()).prop_map(|(of_op, day)| Op::Appeal { of_op, day }),
        1 => (any::<usize>(), any::<bool>(), day.clone()).prop_map(|(of_op, upheld, day)| Op::Decision { of_op, upheld, day }),
        1 => (0..3usize, day).prop_map(|(account, day)| Op::Lift { account, day }),
        1 => any::<usize>().prop_map(|of_op| Op::Duplicate { of_op }),
    ]
}

/// Turns ops into events (ids unique to `case`), dropping acting ops with nothing to act on.
/// Returns every event to record, in order, duplicates included.
fn events_of(case: usize, ops: &[Op]) -> Vec<Event> {
    let hasher = hasher();
    let account = |n: usize| format!("c{case}-{}", ACCOUNTS[n]);
    let mut events: Vec<Event> = Vec::new();
    let mut violations: Vec<usize> = Vec::new(); // indexes into events
    let mut appeals: Vec<usize> = Vec::new();
    for (n, op) in ops.iter().enumerate() {
        let id = format!("c{case}-e{n}");
        let pick = |list: &Vec<usize>, k: usize| (!list.is_empty()).then(|| list[k % list.len()]);
        let event = match op {
            Op::Violation {
                sender,
                payment,
                day: d,
                shadow,
                held,
                contact,
            } => {
                let rule = if *payment {
                    Rule::Payment
                } else {
                    Rule::Contact
                };
                violations.push(events.len());
                with(violation(&id, &account(*sender), rule, day(*d)), |v| {
                    v.shadow = *shadow;
                    v.held = *held;
                    v.contacts = contact
                        .map(|c| vec![hasher.hash("phone", &format!("+1415555010{c}"))])
                        .unwrap_or_default();
                })
            }
            Op::Report {
                reporter,
                of_op,
                day: d,
            } => {
                let message = pick(&violations, *of_op)
                    .and_then(|i| events[i].body.message_id().map(str::to_string))
                    .unwrap_or_else(|| "msg-unknown".into());
                report(&id, &account(*reporter), &message, day(*d))
            }
            Op::Verdict {
                of_op,
                dismiss,
                day: d,
            } => {
                let Some(target) = pick(&violations, *of_op) else {
                    continue;
                };
                let v = if *dismiss {
                    Verdict::Dismiss
                } else {
                    Verdict::Confirm
                };
                verdict(&id, &events[target].id.clone(), v, day(*d))
            }
            Op::Appeal { of_op, day: d } => {
                let Some(target) = pick(&violations, *of_op) else {
                    continue;
                };
                appeals.push(events.len());
                appeal(&id, &events[target].id.clone(), day(*d))
            }
            Op::Decision {
                of_op,
                upheld,
                day: d,
            } => {
                let Some(target) = pick(&appeals, *of_op) else {
                    continue;
                };
                let outcome = if *upheld {
                    AppealOutcome::Upheld
                } else {
                    AppealOutcome::Denied
                };
                decision(&id, &events[target].id.clone(), outcome, day(*d))
            }
            Op::Lift { account: a, day: d } => lift(&id, &account(*a), day(*d)),
            Op::Duplicate { of_op } => {
                if events.is_empty() {
                    continue;
                }
                // Same id, other content: must be ignored.
                let mut again = events[of_op % events.len()].clone();
                again.at = day(999);
                again
            }
        };
        events.push(event);
    }
    events
}

/// Replay equals the store, and recording twice is a no-op, over random histories.
fn replay_matches_store(ctx: &Ctx) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let store = runtime.block_on(ctx.open(StoreOptions::default()));
    let ladder = Ladder::default();
    let n_cases = std::sync::atomic::AtomicUsize::new(0);
    let mut runner = TestRunner::new(Config {
        cases: 48,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&prop::collection::vec(op_strategy(), 1..40), |ops| {
        // Each case (and each shrinking step) gets ids and accounts of its own.
        let case = n_cases.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let events = events_of(case, &ops);
        runtime.block_on(async {
            let mut first_seen = std::collections::HashMap::new();
            let mut unique = Vec::new();
            for event in &events {
                let recorded = store.record(event.clone()).await.unwrap();
                let expected_duplicate = first_seen.contains_key(&event.id);
                prop_assert_eq!(recorded.duplicate, expected_duplicate, "{}", event.id);
                if expected_duplicate {
                    prop_assert_eq!(&recorded.event, &first_seen[&event.id]);
                } else {
                    first_seen.insert(event.id.clone(), event.clone());
                    unique.push(event.clone());
                }
            }
            let replayed = store.all_events().await.unwrap();
            let mut before = Vec::new();
            for name in ACCOUNTS {
                let account = format!("c{case}-{name}");
                for now in MOMENTS.map(day) {
                    let live = store.standing(&account, now).await.unwrap();
                    // Replay over the whole ledger, over just this case's events, and the
                    // store's incremental answer all agree.
                    prop_assert_eq!(&standing(&account, &replayed, &ladder, now), &live);
                    prop_assert_eq!(&standing(&account, &unique, &ladder, now), &live);
                    // Only a sender ever has violations, one per violation it sent.
                    let n_sent = unique
                        .iter()
                        .filter(|e| e.at <= now && matches!(&e.body, EventBody::ViolationRecorded(v) if v.account == account))
                        .count();
                    prop_assert_eq!(live.violations.len(), n_sent);
                    before.push(live);
                }
            }
            // Everything again: all duplicates, nothing changes.
            let n_before = replayed.len();
            for event in &events {
                prop_assert!(store.record(event.clone()).await.unwrap().duplicate);
            }
            prop_assert_eq!(store.all_events().await.unwrap().len(), n_before);
            let mut after = Vec::new();
            for name in ACCOUNTS {
                let account = format!("c{case}-{name}");
                for now in MOMENTS.map(day) {
                    after.push(store.standing(&account, now).await.unwrap());
                }
            }
            prop_assert_eq!(before, after);
            Ok(())
        })
    });
    runtime.block_on(store.close());
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

/// A reviewer who confirms a report records a violation against the reported message's
/// sender, crediting the reporter; a message that already has one is not counted twice.
async fn a_confirmed_report_records_a_violation(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let reported = |id: &str, message: &str| Event {
        id: id.into(),
        at: day(1),
        body: EventBody::ReportFiled(Report {
            reporter: "carol".into(),
            message_id: message.into(),
            about_account: Some("sam".into()),
            reason: None,
            rule: Some(Rule::Payment),
        }),
    };
    record_all(&store, &[reported("r1", "m-1")]).await;
    record_all(
        &store,
        &[verdict("r1#verdict", "r1", Verdict::Confirm, day(2))],
    )
    .await;
    let sam = store.standing("sam", day(3)).await.unwrap();
    assert_eq!(sam.violations.len(), 1, "{sam:?}");
    assert_eq!(sam.violations[0].event_id, "m-1#payment.off_platform");
    assert_eq!(sam.violations[0].rule, Rule::Payment);
    let events = store.events_for("sam").await.unwrap();
    assert!(matches!(
        &events[0].body,
        EventBody::ViolationRecorded(v) if v.reported_by.as_deref() == Some("carol")
    ));
    let carol = store.standing("carol", day(3)).await.unwrap();
    assert_eq!((carol.reports_confirmed, carol.violations.len()), (1, 0));
    // The engine already recorded a violation in m-2: confirming a report on it adds none.
    let mut engine_found = violation("m-2#contact.before_contract", "sam", Rule::Contact, day(1));
    if let EventBody::ViolationRecorded(v) = &mut engine_found.body {
        v.source_message_id = "m-2".into();
    }
    record_all(&store, &[engine_found, reported("r2", "m-2")]).await;
    record_all(
        &store,
        &[verdict("r2#verdict", "r2", Verdict::Confirm, day(2))],
    )
    .await;
    assert_eq!(
        store
            .standing("sam", day(3))
            .await
            .unwrap()
            .violations
            .len(),
        2
    );
    // A dismissed report records nothing.
    record_all(&store, &[reported("r3", "m-3")]).await;
    record_all(
        &store,
        &[verdict("r3#verdict", "r3", Verdict::Dismiss, day(2))],
    )
    .await;
    assert_eq!(
        store
            .standing("sam", day(3))
            .await
            .unwrap()
            .violations
            .len(),
        2
    );
    store.close().await;
}

/// Ids ending in a rule id are reserved for violations: no appeal, report or verdict can
/// take the place of a violation not yet recorded.
async fn client_ids_cannot_take_a_violations_place(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    record_all(&store, &[violation("v1", "sam", Rule::Contact, day(0))]).await;
    let error = store
        .record(appeal("m-9#contact.before_contract", "v1", day(1)))
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("reserved for violations"), "{error}");
    store.close().await;
}

/// The same event id with another body is a conflict and records nothing; the same body
/// gets the first answer.
async fn a_repeated_id_with_another_body_conflicts(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let answer = |hash: &str, response: &str| NewDecision {
        event_id: "e-1".into(),
        account: "sam".into(),
        at: day(0),
        response: response.into(),
        evidence: None,
        request_hash: Some(hash.into()),
    };
    let first = store
        .record_decision(answer("h1", "first"), vec![])
        .await
        .unwrap();
    assert!(!first.duplicate);
    let again = store
        .record_decision(answer("h1", "second"), vec![])
        .await
        .unwrap();
    assert_eq!((again.duplicate, again.response.as_str()), (true, "first"));
    let conflict = store
        .record_decision(
            answer("h2", "third"),
            vec![violation(
                "e-1#contact.before_contract",
                "sam",
                Rule::Contact,
                day(0),
            )],
        )
        .await
        .unwrap_err();
    assert!(matches!(conflict, Error::Conflict { .. }), "{conflict}");
    assert!(store.events_for("sam").await.unwrap().is_empty());
    store.close().await;
}

/// The ledger keeps the secret's fingerprint, never the secret, and refuses another one.
async fn the_hash_secret_is_bound_by_fingerprint(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    let one = ContactHasher::new(b"first secret 0123456789", false).unwrap();
    let two = ContactHasher::new(b"second secret 0123456789", false).unwrap();
    store.bind_hash_secret(&one).await.unwrap();
    store.bind_hash_secret(&one).await.unwrap();
    let error = store.bind_hash_secret(&two).await.unwrap_err().to_string();
    assert!(error.contains("not the one this ledger"), "{error}");
    assert!(!ctx.dump_tables().await.contains("first secret"));
    // A secret an older version generated into the settings is taken over once.
    ctx.execute_raw(
        "DELETE FROM settings; INSERT INTO settings (name, value) VALUES ('contact_hash_secret', 'generated-secret-0123456789')",
    )
    .await;
    let generated = ContactHasher::new(b"generated-secret-0123456789", false).unwrap();
    let error = store.bind_hash_secret(&one).await.unwrap_err().to_string();
    assert!(error.contains("OFFSIDE_HASH_SECRET"), "{error}");
    store.bind_hash_secret(&generated).await.unwrap();
    assert!(!ctx.dump_tables().await.contains("generated-secret"));
    store.bind_hash_secret(&generated).await.unwrap();
    store.close().await;
}

/// Accounts are linked through concrete values only: naming the same app links nobody.
async fn linking_only_through_concrete_values(ctx: &Ctx) {
    use offside_detect::{Finding, Kind};
    let store = ctx.open(StoreOptions::default()).await;
    let policy = offside_policy::Policy::default();
    let event = |sender: &str| -> offside_policy::Event<u64> {
        serde_json::from_value(serde_json::json!({
            "id": 1, "text": "x", "surface": "message", "at": "2026-05-06T10:00:00Z",
            "sender": {"id": sender, "role": "freelancer"}, "relationship": {"state": "none"}}))
        .unwrap()
    };
    let hasher = hasher();
    let mut n = 0;
    let mut record = |sender: &'static str, findings: Vec<Finding>| {
        n += 1;
        let decision = offside_policy::decide(&event(sender), &findings, &policy).unwrap();
        offside_ledger::violation_events(
            &decision,
            offside_ledger::RecordDecision {
                source_id: &format!("msg-{sender}-{n}"),
                sender,
                at: day(0),
                hasher: &hasher,
                shadow: false,
            },
        )
    };
    let app = |value: &str| Finding::new(Kind::Messenger, Some(value.into()), 0, 1, 0.95, "t");
    let pay = |value: &str| Finding::new(Kind::Payment, Some(value.into()), 0, 1, 0.95, "t");
    let email = Finding::new(Kind::Email, Some("sam@x.com".into()), 0, 1, 0.97, "t");
    let mut events = record("ann", vec![app("whatsapp"), pay("paypal")]);
    events.extend(record("bob", vec![app("whatsapp"), pay("paypal")]));
    record_all(&store, &events).await;
    assert!(store.linked_accounts("ann").await.unwrap().is_empty());
    let mut events = record("ann", vec![email.clone()]);
    events.extend(record("bob", vec![email]));
    record_all(&store, &events).await;
    let linked = store.linked_accounts("ann").await.unwrap();
    assert_eq!(linked.len(), 1);
    assert_eq!(linked[0].by_kind[0].kind, "email");
    store.close().await;
}

/// Evidence older than the retention period goes; the rest stays.
async fn evidence_is_purged_after_retention(ctx: &Ctx) {
    let store = ctx.open(StoreOptions::default()).await;
    for (id, at) in [("old", day(0)), ("new", day(200))] {
        store
            .record_decision(
                NewDecision {
                    event_id: id.into(),
                    account: "sam".into(),
                    at,
                    response: "{}".into(),
                    evidence: Some("{\"text\": \"mail me at sam@x.com\"}".into()),
                    request_hash: None,
                },
                vec![],
            )
            .await
            .unwrap();
    }
    assert_eq!(store.purge_evidence(day(20)).await.unwrap(), 1);
    assert!(store.evidence("old").await.unwrap().is_none());
    assert!(store.evidence("new").await.unwrap().is_some());
    store.close().await;
}

// ---------------------------------------------------------------------------------------
// Running the checks on both backends.

macro_rules! on_both_backends {
    (async: [$($check:ident),* $(,)?], sync: [$($sync_check:ident),* $(,)?] $(,)?) => {
        mod sqlite {
            use crate::support::Ctx;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $check() {
                    super::$check(&Ctx::sqlite()).await;
                }
            )*
            $(
                #[test]
                fn $sync_check() {
                    super::$sync_check(&Ctx::sqlite());
                }
            )*
        }

        /// Every check against one PostgreSQL server the test starts and stops itself;
        /// each check gets a database of its own, and a failing check does not hide the
        /// others.
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
            let mut n_passed = 0;
            $(
                let ctx = runtime.block_on(server.database(stringify!($check)));
                let outcome = runtime.block_on(runtime.spawn(async move { $check(&ctx).await }));
                report_check(stringify!($check), outcome.is_ok(), &mut failed, &mut n_passed);
            )*
            $(
                let ctx = runtime.block_on(server.database(stringify!($sync_check)));
                let outcome = std::thread::spawn(move || $sync_check(&ctx)).join();
                report_check(stringify!($sync_check), outcome.is_ok(), &mut failed, &mut n_passed);
            )*
            drop(server);
            assert!(failed.is_empty(), "PostgreSQL checks failed: {failed:?}");
            eprintln!("postgres: {n_passed} checks passed");
        }
    };
}

fn report_check<'a>(name: &'a str, ok: bool, failed: &mut Vec<&'a str>, n_passed: &mut usize) {
    eprintln!("postgres::{name} ... {}", if ok { "ok" } else { "FAILED" });
    if ok {
        *n_passed += 1;
    } else {
        failed.push(name);
    }
}

on_both_backends!(
    async: [
        duplicate_id_changes_nothing,
        decay_moves_down_the_ladder,
        upheld_appeal_removes_the_violation,
        dismissed_review_removes_the_violation,
        shadow_violations_do_not_count,
        reports_count_for_the_reporter,
        review_queue_is_oldest_first,
        linked_accounts_without_raw_values,
        data_survives_reopening,
        bad_input_is_an_error,
        a_confirmed_report_records_a_violation,
        client_ids_cannot_take_a_violations_place,
        a_repeated_id_with_another_body_conflicts,
        the_hash_secret_is_bound_by_fingerprint,
        linking_only_through_concrete_values,
        evidence_is_purged_after_retention,
    ],
    sync: [replay_matches_store],
);
