// The SQL store, written once for both backends.
//
// `sqlite.rs` and `postgres.rs` each `include!` this file after defining `Db` (the sqlx
// database type), `StoreType` (their store struct, with `pool` and `options` fields), `BACKEND`
// (its name for logs),
// `begin_write`, `lock_schema` and `MIGRATIONS`. Every statement here is in the dialect both
// databases accept ($N placeholders, ON CONFLICT ... DO NOTHING, RETURNING). Including the
// text twice gives concrete types in each backend; code generic over `sqlx::Database` needs a
// wall of higher-ranked bounds and tends to lose `Send` on the futures an axum server needs.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use offside_policy::ladder::Ladder;
use sqlx::{Pool, Row, Transaction};

use crate::console::{ConsoleSession, Evidence, NewReviewer, Reviewer};
use crate::error::Error;
use crate::event::{sortable_time, Event, EventBody};
use crate::service::{check_field, ApiKey, NewApiKey, NewDecision, StoredDecision};
use crate::store::{
    EventPage, LinkedAccount, Recorded, ReviewItem, ReviewItemKind, SharedKind, Store,
};

/// One step of the schema, applied once, in order, inside the transaction that records it
/// in `ledger_schema`.
struct Migration {
    version: i64,
    name: &'static str,
    sql: &'static str,
}

/// The settings row holding the contact-hash secret's fingerprint.
const FINGERPRINT_SETTING: &str = "contact_hash_fingerprint";

/// The settings row where older versions kept a generated secret.
const LEGACY_SECRET_SETTING: &str = "contact_hash_secret";

/// Where the contact-hash secret is configured.
const HASH_SECRET_ENV: &str = "OFFSIDE_HASH_SECRET";

/// Answers a repeated event id: the first answer when the body is the same (or either
/// side has no body hash), a conflict when it differs.
fn same_request(first: StoredDecision, decision: &NewDecision) -> Result<StoredDecision, Error> {
    match (&first.request_hash, &decision.request_hash) {
        (Some(first_hash), Some(hash)) if first_hash != hash => Err(Error::Conflict {
            event_id: decision.event_id.clone(),
        }),
        _ => Ok(first),
    }
}

/// The most rows one page of `events_page` or `open_review_items` returns.
const MAX_PAGE: u32 = 10_000;

/// Applies the migrations this database has not seen, all in one transaction: a failure
/// leaves the schema as it was.
async fn apply_migrations(pool: &Pool<Db>) -> Result<(), Error> {
    let mut tx = begin_write(pool).await?;
    lock_schema(&mut tx).await?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS ledger_schema (version BIGINT PRIMARY KEY, name TEXT NOT NULL)",
    )
    .execute(&mut *tx)
    .await?;
    let current: i64 =
        sqlx::query("SELECT COALESCE(MAX(version), 0) AS version FROM ledger_schema")
            .fetch_one(&mut *tx)
            .await?
            .try_get("version")?;
    let known = MIGRATIONS.last().map_or(0, |migration| migration.version);
    if current > known {
        return Err(Error::SchemaTooNew {
            found: current,
            known,
        });
    }
    for migration in MIGRATIONS.iter().filter(|m| m.version > current) {
        let failed = |source| Error::Migration {
            version: migration.version,
            name: migration.name,
            source,
        };
        sqlx::raw_sql(migration.sql)
            .execute(&mut *tx)
            .await
            .map_err(failed)?;
        sqlx::query("INSERT INTO ledger_schema (version, name) VALUES ($1, $2)")
            .bind(migration.version)
            .bind(migration.name)
            .execute(&mut *tx)
            .await
            .map_err(failed)?;
    }
    tx.commit().await?;
    Ok(())
}

/// The event that a verdict, appeal or decision acts on, as far as recording needs it.
struct Subject {
    account: String,
    /// The message of a violation (used to close reports about the same message).
    message_id: Option<String>,
    /// The report, when the subject is one.
    report: Option<crate::event::Report>,
}

impl StoreType {
    /// Validates an event and strips raw contact values unless the store keeps them.
    fn prepare(&self, mut event: Event) -> Result<Event, Error> {
        event.validate()?;
        if !self.options.keep_raw_contacts {
            if let EventBody::ViolationRecorded(violation) = &mut event.body {
                for contact in &mut violation.contacts {
                    contact.raw = None;
                }
            }
        }
        Ok(event)
    }
}

/// Reads a `(seq, payload)` row back into an event, naming the row if it is damaged.
fn event_from_row(row: &<Db as sqlx::Database>::Row) -> Result<(i64, Event), Error> {
    let seq: i64 = row.try_get("seq")?;
    let corrupt = |reason: String| Error::CorruptRow {
        table: "events",
        key: format!("seq {seq}"),
        reason,
    };
    let payload: String = row
        .try_get("payload")
        .map_err(|error| corrupt(format!("payload is unreadable: {error}")))?;
    let event: Event = serde_json::from_str(&payload)
        .map_err(|error| corrupt(format!("payload is not a ledger event: {error}")))?;
    Ok((seq, event))
}

/// Records `event` (already prepared) inside `tx`: the first record with `duplicate: true`
/// when the id is already there, `None` when another writer inserted the same id between the
/// look-up and the insert (the transaction is still usable).
async fn record_in(
    tx: &mut Transaction<'static, Db>,
    event: Event,
    ladder: &Ladder,
) -> Result<Option<Recorded>, Error> {
    if let Some(first) = find_event(tx, &event.id).await? {
        return Ok(Some(first));
    }
    let (account, subject) = match event.body.own_account() {
        Some(account) => (account.to_string(), None),
        None => {
            let subject = resolve_subject(tx, &event).await?;
            (subject.account.clone(), Some(subject))
        }
    };
    let Some(seq) = insert_and_index(tx, &event, &account, subject.as_ref(), ladder).await? else {
        return Ok(None);
    };
    // A reviewer who confirms a report records the violation against the reported
    // message's sender, crediting the reporter, whichever path recorded the message.
    if let (EventBody::ReviewVerdict(verdict), Some(report)) = (
        &event.body,
        subject.as_ref().and_then(|subject| subject.report.as_ref()),
    ) {
        if verdict.verdict == crate::event::Verdict::Confirm {
            if let Some(sender) = &report.about_account {
                record_reported_violation(tx, &event, report, sender, ladder).await?;
            }
        }
    }
    Ok(Some(Recorded {
        event,
        seq,
        duplicate: false,
        account,
    }))
}

/// Inserts an event (already checked to be new) and updates the projections; `None` when
/// another writer inserted the same id first.
async fn insert_and_index(
    tx: &mut Transaction<'static, Db>,
    event: &Event,
    account: &str,
    subject: Option<&Subject>,
    ladder: &Ladder,
) -> Result<Option<i64>, Error> {
    let inserted: Option<i64> = sqlx::query(
        "INSERT INTO events (event_id, kind, account, subject_id, message_id, occurred_at, payload) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (event_id) DO NOTHING RETURNING seq",
    )
    .bind(&event.id)
    .bind(event.body.type_name())
    .bind(account)
    .bind(event.body.subject_id())
    .bind(event.body.message_id())
    .bind(sortable_time(event.at))
    .bind(event.to_json()?)
    .fetch_optional(&mut **tx)
    .await?
    .map(|row| row.try_get("seq"))
    .transpose()?;
    let Some(seq) = inserted else {
        return Ok(None);
    };
    index_event(tx, seq, account, event, subject).await?;
    if let EventBody::ViolationRecorded(violation) = &event.body {
        if !violation.shadow {
            open_suspension_review(tx, seq, account, event, ladder).await?;
        }
    }
    Ok(Some(seq))
}

/// The violation a confirmed report records: the same id the engine gives a violation of
/// that rule in that message, so a message the engine already judged is not counted twice.
async fn record_reported_violation(
    tx: &mut Transaction<'static, Db>,
    verdict: &Event,
    report: &crate::event::Report,
    sender: &str,
    ladder: &Ladder,
) -> Result<(), Error> {
    let already: Option<String> = sqlx::query(
        "SELECT event_id FROM events WHERE kind = 'violation_recorded' AND account = $1 AND message_id = $2",
    )
    .bind(sender)
    .bind(&report.message_id)
    .fetch_optional(&mut **tx)
    .await?
    .map(|row| row.try_get("event_id"))
    .transpose()?;
    if already.is_some() {
        return Ok(());
    }
    let rule = report.rule.unwrap_or(crate::event::Rule::Contact);
    let (rule_id, weight) = match rule {
        crate::event::Rule::Contact => ("contact.before_contract", ladder.weights.contact),
        crate::event::Rule::Payment => ("payment.off_platform", ladder.weights.payment),
    };
    let violation = Event {
        id: format!("{}#{rule_id}", report.message_id),
        at: verdict.at,
        body: EventBody::ViolationRecorded(crate::event::Violation {
            account: sender.to_string(),
            rule,
            rule_id: rule_id.to_string(),
            kinds: Vec::new(),
            weight,
            source_message_id: report.message_id.clone(),
            shadow: false,
            held: false,
            contacts: Vec::new(),
            reported_by: Some(report.reporter.clone()),
        }),
    };
    violation.validate()?;
    if find_event(tx, &violation.id).await?.is_none() {
        insert_and_index(tx, &violation, sender, None, ladder).await?;
    }
    Ok(())
}

/// Opens a review item when a violation brings its account to the suspension step: the
/// account is held at restriction until a reviewer confirms or lifts it.
async fn open_suspension_review(
    tx: &mut Transaction<'static, Db>,
    seq: i64,
    account: &str,
    event: &Event,
    ladder: &Ladder,
) -> Result<(), Error> {
    let rows = sqlx::query("SELECT seq, payload FROM events WHERE account = $1 ORDER BY seq")
        .bind(account)
        .fetch_all(&mut **tx)
        .await?;
    let events = rows
        .iter()
        .map(|row| event_from_row(row).map(|(_, event)| event))
        .collect::<Result<Vec<_>, _>>()?;
    let standing = crate::standing::standing(account, &events, ladder, event.at);
    if !standing.suspension_pending_review {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO review_items (item_id, item_kind, account, message_id, opened_at, opened_seq) \
         SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS \
         (SELECT 1 FROM review_items WHERE item_kind = $2 AND account = $3 AND closed_by IS NULL) \
         ON CONFLICT (item_id) DO NOTHING",
    )
    .bind(format!("{}#suspension-review", event.id))
    .bind(ReviewItemKind::Suspension.as_str())
    .bind(account)
    .bind(event.body.message_id())
    .bind(sortable_time(event.at))
    .bind(seq)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The first record of `event_id`, if there is one.
async fn find_event(
    tx: &mut Transaction<'static, Db>,
    event_id: &str,
) -> Result<Option<Recorded>, Error> {
    let row = sqlx::query("SELECT seq, account, payload FROM events WHERE event_id = $1")
        .bind(event_id)
        .fetch_optional(&mut **tx)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let (seq, event) = event_from_row(&row)?;
    Ok(Some(Recorded {
        event,
        seq,
        duplicate: true,
        account: row.try_get("account")?,
    }))
}

/// Finds the event a verdict, appeal or decision acts on, and checks it is of a type that
/// event may act on.
async fn resolve_subject(
    tx: &mut Transaction<'static, Db>,
    event: &Event,
) -> Result<Subject, Error> {
    let (subject_id, expected, allowed): (&str, &'static str, &[&str]) = match &event.body {
        EventBody::ReviewVerdict(verdict) => (
            &verdict.subject_id,
            "a violation_recorded or report_filed",
            &["violation_recorded", "report_filed"],
        ),
        EventBody::AppealFiled(appeal) => (
            &appeal.violation_id,
            "a violation_recorded",
            &["violation_recorded"],
        ),
        EventBody::AppealDecided(decision) => {
            (&decision.appeal_id, "an appeal_filed", &["appeal_filed"])
        }
        EventBody::ViolationRecorded(_)
        | EventBody::ReportFiled(_)
        | EventBody::SanctionLifted(_)
        | EventBody::SuspensionConfirmed(_) => {
            return Err(Error::InvalidEvent {
                event_id: event.id.clone(),
                reason: "this event type names its account itself".into(),
            })
        }
    };
    let row = sqlx::query("SELECT kind, account, message_id, payload FROM events WHERE event_id = $1")
        .bind(subject_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| Error::UnknownSubject {
            event_id: event.id.clone(),
            subject_id: subject_id.to_string(),
        })?;
    let kind: String = row.try_get("kind")?;
    if !allowed.contains(&kind.as_str()) {
        return Err(Error::WrongSubject {
            event_id: event.id.clone(),
            subject_id: subject_id.to_string(),
            expected,
            found: kind,
        });
    }
    let message_id: Option<String> = row.try_get("message_id")?;
    let report = if kind == "report_filed" {
        let payload: String = row.try_get("payload")?;
        match serde_json::from_str::<Event>(&payload) {
            Ok(Event {
                body: EventBody::ReportFiled(report),
                ..
            }) => Some(report),
            _ => None,
        }
    } else {
        None
    };
    Ok(Subject {
        report,
        account: row.try_get("account")?,
        message_id: if kind == "violation_recorded" {
            message_id
        } else {
            None
        },
    })
}

/// Updates the projections (contact hashes, review queue) for a newly recorded event.
async fn index_event(
    tx: &mut Transaction<'static, Db>,
    seq: i64,
    account: &str,
    event: &Event,
    subject: Option<&Subject>,
) -> Result<(), Error> {
    let at = sortable_time(event.at);
    let open_item = |kind: ReviewItemKind, message_id: Option<&str>| {
        sqlx::query(
            "INSERT INTO review_items (item_id, item_kind, account, message_id, opened_at, opened_seq) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (item_id) DO NOTHING",
        )
        .bind(event.id.clone())
        .bind(kind.as_str())
        .bind(account.to_string())
        .bind(message_id.map(str::to_string))
        .bind(at.clone())
        .bind(seq)
    };
    match &event.body {
        EventBody::ViolationRecorded(violation) => {
            for contact in &violation.contacts {
                sqlx::query(
                    "INSERT INTO contact_hashes (account, kind, hash, first_event_id, first_seen) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account, kind, hash) DO NOTHING",
                )
                .bind(account)
                .bind(&contact.kind)
                .bind(&contact.hash)
                .bind(&event.id)
                .bind(&at)
                .execute(&mut **tx)
                .await?;
            }
            if violation.held {
                open_item(
                    ReviewItemKind::HeldViolation,
                    Some(&violation.source_message_id),
                )
                .execute(&mut **tx)
                .await?;
            }
        }
        EventBody::ReportFiled(report) => {
            open_item(ReviewItemKind::Report, Some(&report.message_id))
                .execute(&mut **tx)
                .await?;
        }
        EventBody::AppealFiled(_) => {
            open_item(ReviewItemKind::Appeal, None)
                .execute(&mut **tx)
                .await?;
        }
        EventBody::ReviewVerdict(verdict) => {
            // A verdict on a violation also settles reports about the same message.
            sqlx::query(
                "UPDATE review_items SET closed_by = $1 \
                 WHERE closed_by IS NULL AND (item_id = $2 OR (item_kind = 'report' AND message_id = $3))",
            )
            .bind(&event.id)
            .bind(&verdict.subject_id)
            .bind(subject.and_then(|subject| subject.message_id.as_deref()))
            .execute(&mut **tx)
            .await?;
        }
        EventBody::AppealDecided(decision) => {
            sqlx::query(
                "UPDATE review_items SET closed_by = $1 WHERE closed_by IS NULL AND item_id = $2",
            )
            .bind(&event.id)
            .bind(&decision.appeal_id)
            .execute(&mut **tx)
            .await?;
        }
        EventBody::SanctionLifted(_) | EventBody::SuspensionConfirmed(_) => {
            // Either settles the account's suspension review.
            sqlx::query(
                "UPDATE review_items SET closed_by = $1 \
                 WHERE closed_by IS NULL AND item_kind = $2 AND account = $3",
            )
            .bind(&event.id)
            .bind(ReviewItemKind::Suspension.as_str())
            .bind(account)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// Reads a stored time back, naming the row if it is damaged.
fn stored_time(table: &'static str, key: &str, text: &str) -> Result<DateTime<Utc>, Error> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|error| Error::CorruptRow {
            table,
            key: key.to_string(),
            reason: format!("{text:?} is not an RFC 3339 time: {error}"),
        })
}

/// The stored answer for `event_id`, if there is one.
async fn find_decision(
    tx: &mut Transaction<'static, Db>,
    event_id: &str,
) -> Result<Option<StoredDecision>, Error> {
    let row = sqlx::query(
        "SELECT account, response, request_hash FROM decisions WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(StoredDecision {
        event_id: event_id.to_string(),
        account: row.try_get("account")?,
        response: row.try_get("response")?,
        request_hash: row.try_get("request_hash")?,
        duplicate: true,
    }))
}

fn api_key_from_row(row: &<Db as sqlx::Database>::Row) -> Result<ApiKey, Error> {
    let key_id: String = row.try_get("key_id")?;
    let scopes: String = row.try_get("scopes")?;
    let created_at: String = row.try_get("created_at")?;
    let revoked_at: Option<String> = row.try_get("revoked_at")?;
    Ok(ApiKey {
        name: row.try_get("name")?,
        scopes: scopes.split_whitespace().map(str::to_string).collect(),
        created_at: stored_time("api_keys", &key_id, &created_at)?,
        revoked_at: revoked_at
            .map(|text| stored_time("api_keys", &key_id, &text))
            .transpose()?,
        key_id,
    })
}

#[async_trait::async_trait]
impl Store for StoreType {
    fn backend(&self) -> &'static str {
        BACKEND
    }

    fn ladder(&self) -> &Ladder {
        &self.options.ladder
    }

    async fn close(&self) {
        self.pool.close().await;
    }

    async fn record(&self, event: Event) -> Result<Recorded, Error> {
        let event = self.prepare(event)?;
        let event_id = event.id.clone();
        let mut tx = begin_write(&self.pool).await?;
        match record_in(&mut tx, event, &self.options.ladder).await? {
            Some(recorded) if recorded.duplicate => {
                tx.rollback().await?;
                Ok(recorded)
            }
            Some(recorded) => {
                tx.commit().await?;
                Ok(recorded)
            }
            None => {
                // Another writer recorded the same id between our look-up and our insert.
                tx.rollback().await?;
                let mut tx = begin_write(&self.pool).await?;
                let first = find_event(&mut tx, &event_id).await?;
                tx.rollback().await?;
                first.ok_or_else(|| Error::CorruptRow {
                    table: "events",
                    key: event_id,
                    reason: "the id conflicted on insert but cannot be read".into(),
                })
            }
        }
    }

    async fn events_for(&self, account: &str) -> Result<Vec<Event>, Error> {
        let rows = sqlx::query("SELECT seq, payload FROM events WHERE account = $1 ORDER BY seq")
            .bind(account)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| event_from_row(row).map(|(_, event)| event))
            .collect()
    }

    async fn events_page(&self, after: Option<i64>, limit: u32) -> Result<EventPage, Error> {
        let limit = limit.clamp(1, MAX_PAGE);
        let rows =
            sqlx::query("SELECT seq, payload FROM events WHERE seq > $1 ORDER BY seq LIMIT $2")
                .bind(after.unwrap_or(i64::MIN))
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await?;
        let mut events = Vec::with_capacity(rows.len());
        let mut last_seq = None;
        for row in &rows {
            let (seq, event) = event_from_row(row)?;
            last_seq = Some(seq);
            events.push(event);
        }
        let full = rows.len() == limit as usize;
        Ok(EventPage {
            events,
            next_after: if full { last_seq } else { None },
        })
    }

    async fn linked_accounts(&self, account: &str) -> Result<Vec<LinkedAccount>, Error> {
        let rows = sqlx::query(
            "SELECT other.account AS account, other.kind AS kind, COUNT(*) AS n_values \
             FROM contact_hashes mine \
             JOIN contact_hashes other ON other.kind = mine.kind AND other.hash = mine.hash \
             WHERE mine.account = $1 AND other.account <> $1 \
             GROUP BY other.account, other.kind",
        )
        .bind(account)
        .fetch_all(&self.pool)
        .await?;
        let mut linked: BTreeMap<String, Vec<SharedKind>> = BTreeMap::new();
        for row in &rows {
            let other: String = row.try_get("account")?;
            let kind: String = row.try_get("kind")?;
            let n_values: i64 = row.try_get("n_values")?;
            linked.entry(other).or_default().push(SharedKind {
                kind,
                n_values: u32::try_from(n_values).unwrap_or(u32::MAX),
            });
        }
        let mut linked: Vec<LinkedAccount> = linked
            .into_iter()
            .map(|(account, mut by_kind)| {
                by_kind.sort_by(|a, b| a.kind.cmp(&b.kind));
                let n_values = by_kind.iter().map(|shared| shared.n_values).sum();
                LinkedAccount {
                    account,
                    n_values,
                    by_kind,
                }
            })
            .collect();
        linked.sort_by(|a, b| {
            b.n_values
                .cmp(&a.n_values)
                .then_with(|| a.account.cmp(&b.account))
        });
        Ok(linked)
    }

    async fn open_review_items(&self, limit: u32) -> Result<Vec<ReviewItem>, Error> {
        let rows = sqlx::query(
            "SELECT item_id, item_kind, account, message_id, opened_at FROM review_items \
             WHERE closed_by IS NULL ORDER BY opened_at, opened_seq LIMIT $1",
        )
        .bind(i64::from(limit.clamp(1, MAX_PAGE)))
        .fetch_all(&self.pool)
        .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in &rows {
            let item_id: String = row.try_get("item_id")?;
            let corrupt = |reason: String| Error::CorruptRow {
                table: "review_items",
                key: item_id.clone(),
                reason,
            };
            let kind_name: String = row.try_get("item_kind")?;
            let kind = ReviewItemKind::parse(&kind_name)
                .ok_or_else(|| corrupt(format!("unknown item_kind {kind_name:?}")))?;
            let opened_at: String = row.try_get("opened_at")?;
            let opened_at = DateTime::parse_from_rfc3339(&opened_at)
                .map_err(|error| {
                    corrupt(format!("opened_at {opened_at:?} is not RFC 3339: {error}"))
                })?
                .with_timezone(&Utc);
            items.push(ReviewItem {
                account: row.try_get("account")?,
                message_id: row.try_get("message_id")?,
                item_id,
                kind,
                opened_at,
            });
        }
        Ok(items)
    }

    async fn record_decision(
        &self,
        decision: NewDecision,
        events: Vec<Event>,
    ) -> Result<StoredDecision, Error> {
        check_field(&decision.event_id, "event_id", &decision.event_id)?;
        check_field(&decision.event_id, "account", &decision.account)?;
        let events = events
            .into_iter()
            .map(|event| self.prepare(event))
            .collect::<Result<Vec<_>, _>>()?;
        let mut tx = begin_write(&self.pool).await?;
        if let Some(first) = find_decision(&mut tx, &decision.event_id).await? {
            tx.rollback().await?;
            return same_request(first, &decision);
        }
        for event in events {
            // A duplicate or a concurrent insert of the same id: already recorded, which is
            // all this needs.
            record_in(&mut tx, event, &self.options.ladder).await?;
        }
        let inserted = sqlx::query(
            "INSERT INTO decisions (event_id, account, occurred_at, response, request_hash) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING RETURNING event_id",
        )
        .bind(&decision.event_id)
        .bind(&decision.account)
        .bind(sortable_time(decision.at))
        .bind(&decision.response)
        .bind(&decision.request_hash)
        .fetch_optional(&mut *tx)
        .await?;
        if inserted.is_none() {
            // Another writer stored an answer for the same id first; theirs is the answer.
            tx.rollback().await?;
            let mut tx = begin_write(&self.pool).await?;
            let first = find_decision(&mut tx, &decision.event_id).await?;
            tx.rollback().await?;
            let first = first.ok_or_else(|| Error::CorruptRow {
                table: "decisions",
                key: decision.event_id.clone(),
                reason: "the id conflicted on insert but cannot be read".into(),
            })?;
            return same_request(first, &decision);
        }
        if let Some(content) = &decision.evidence {
            sqlx::query(
                "INSERT INTO evidence (event_id, account, occurred_at, content) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING",
            )
            .bind(&decision.event_id)
            .bind(&decision.account)
            .bind(sortable_time(decision.at))
            .bind(content)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(StoredDecision {
            event_id: decision.event_id,
            account: decision.account,
            response: decision.response,
            request_hash: decision.request_hash,
            duplicate: false,
        })
    }

    async fn bind_hash_secret(&self, hasher: &crate::ContactHasher) -> Result<(), Error> {
        let fingerprint = hasher.fingerprint();
        let mut tx = begin_write(&self.pool).await?;
        let setting = |name: &'static str| {
            sqlx::query("SELECT value FROM settings WHERE name = $1").bind(name)
        };
        let stored: Option<String> = setting(FINGERPRINT_SETTING)
            .fetch_optional(&mut *tx)
            .await?
            .map(|row| row.try_get("value"))
            .transpose()?;
        if let Some(stored) = stored {
            tx.rollback().await?;
            if stored != fingerprint {
                return Err(Error::HashSecret(format!(
                    "the configured contact-hash secret is not the one this ledger's hashes were \
                     made with (its fingerprint is {}…, the configured secret's {}…); set \
                     {HASH_SECRET_ENV} (or --hash-secret) to the original secret",
                    &stored[..12.min(stored.len())],
                    &fingerprint[..12]
                )));
            }
            return Ok(());
        }
        let legacy: Option<String> = setting(LEGACY_SECRET_SETTING)
            .fetch_optional(&mut *tx)
            .await?
            .map(|row| row.try_get("value"))
            .transpose()?;
        if let Some(legacy) = legacy {
            let same = crate::ContactHasher::new(legacy.as_bytes(), false)
                .map(|old| old.fingerprint() == fingerprint)
                .unwrap_or(false);
            if !same {
                tx.rollback().await?;
                return Err(Error::HashSecret(format!(
                    "this ledger's contact hashes were made with a secret an older version \
                     generated and kept in the database (settings row \"{LEGACY_SECRET_SETTING}\"); \
                     set {HASH_SECRET_ENV} to that value once and start again: the row is then \
                     replaced by a fingerprint and the secret lives only in your configuration"
                )));
            }
            sqlx::query("DELETE FROM settings WHERE name = $1")
                .bind(LEGACY_SECRET_SETTING)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(FINGERPRINT_SETTING)
            .bind(&fingerprint)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn purge_evidence(&self, before: DateTime<Utc>) -> Result<u64, Error> {
        let done = sqlx::query("DELETE FROM evidence WHERE occurred_at < $1")
            .bind(sortable_time(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn decision(&self, event_id: &str) -> Result<Option<StoredDecision>, Error> {
        let mut tx = self.pool.begin().await?;
        let found = find_decision(&mut tx, event_id).await?;
        tx.rollback().await?;
        Ok(found)
    }

    async fn create_api_key(&self, key: NewApiKey) -> Result<ApiKey, Error> {
        check_field(&key.key_id, "key_id", &key.key_id)?;
        check_field(&key.key_id, "name", &key.name)?;
        check_field(&key.key_id, "key_hash", &key.key_hash)?;
        let scopes = key.scopes.join(" ");
        check_field(&key.key_id, "scopes", &scopes)?;
        sqlx::query(
            "INSERT INTO api_keys (key_id, key_hash, name, scopes, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&key.key_id)
        .bind(&key.key_hash)
        .bind(&key.name)
        .bind(&scopes)
        .bind(sortable_time(key.created_at))
        .execute(&self.pool)
        .await?;
        Ok(ApiKey {
            key_id: key.key_id,
            name: key.name,
            scopes: key.scopes,
            created_at: key.created_at,
            revoked_at: None,
        })
    }

    async fn api_key_by_hash(&self, key_hash: &str) -> Result<Option<ApiKey>, Error> {
        let row = sqlx::query(
            "SELECT key_id, name, scopes, created_at, revoked_at FROM api_keys WHERE key_hash = $1",
        )
        .bind(key_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(api_key_from_row).transpose()
    }

    async fn api_keys(&self) -> Result<Vec<ApiKey>, Error> {
        let rows = sqlx::query(
            "SELECT key_id, name, scopes, created_at, revoked_at FROM api_keys \
             ORDER BY created_at, key_id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(api_key_from_row).collect()
    }

    async fn revoke_api_key(&self, key_id: &str, at: DateTime<Utc>) -> Result<bool, Error> {
        let done = sqlx::query(
            "UPDATE api_keys SET revoked_at = $1 WHERE key_id = $2 AND revoked_at IS NULL",
        )
        .bind(sortable_time(at))
        .bind(key_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn setting_or_insert(&self, name: &str, value: &str) -> Result<String, Error> {
        let mut tx = begin_write(&self.pool).await?;
        sqlx::query("INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(value)
            .execute(&mut *tx)
            .await?;
        let stored: String = sqlx::query("SELECT value FROM settings WHERE name = $1")
            .bind(name)
            .fetch_one(&mut *tx)
            .await?
            .try_get("value")?;
        tx.commit().await?;
        Ok(stored)
    }

    async fn create_reviewer(&self, reviewer: NewReviewer) -> Result<bool, Error> {
        check_field(&reviewer.name, "name", &reviewer.name)?;
        check_field(&reviewer.name, "role", &reviewer.role)?;
        let inserted = sqlx::query(
            "INSERT INTO reviewers (name, password_hash, role, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING name",
        )
        .bind(&reviewer.name)
        .bind(&reviewer.password_hash)
        .bind(&reviewer.role)
        .bind(sortable_time(reviewer.created_at))
        .fetch_optional(&self.pool)
        .await?;
        Ok(inserted.is_some())
    }

    async fn reviewer(&self, name: &str) -> Result<Option<Reviewer>, Error> {
        let row = sqlx::query(
            "SELECT name, password_hash, role, created_at FROM reviewers \
             WHERE name = $1 AND disabled_at IS NULL",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let created_at: String = row.try_get("created_at")?;
        Ok(Some(Reviewer {
            name: row.try_get("name")?,
            password_hash: row.try_get("password_hash")?,
            role: row.try_get("role")?,
            created_at: stored_time("reviewers", name, &created_at)?,
        }))
    }

    async fn create_session(&self, session: ConsoleSession) -> Result<(), Error> {
        sqlx::query(
            "INSERT INTO console_sessions (token_hash, reviewer, csrf_token, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&session.token_hash)
        .bind(&session.reviewer)
        .bind(&session.csrf_token)
        .bind(sortable_time(session.created_at))
        .bind(sortable_time(session.expires_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<ConsoleSession>, Error> {
        let row = sqlx::query(
            "SELECT s.reviewer, s.csrf_token, s.created_at, s.expires_at \
             FROM console_sessions s JOIN reviewers r ON r.name = s.reviewer \
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND r.disabled_at IS NULL",
        )
        .bind(token_hash)
        .bind(sortable_time(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let created_at: String = row.try_get("created_at")?;
        let expires_at: String = row.try_get("expires_at")?;
        Ok(Some(ConsoleSession {
            token_hash: token_hash.to_string(),
            reviewer: row.try_get("reviewer")?,
            csrf_token: row.try_get("csrf_token")?,
            created_at: stored_time("console_sessions", token_hash, &created_at)?,
            expires_at: stored_time("console_sessions", token_hash, &expires_at)?,
        }))
    }

    async fn disable_reviewer(&self, name: &str, at: DateTime<Utc>) -> Result<bool, Error> {
        let mut tx = begin_write(&self.pool).await?;
        let done = sqlx::query(
            "UPDATE reviewers SET disabled_at = $1 WHERE name = $2 AND disabled_at IS NULL",
        )
        .bind(sortable_time(at))
        .bind(name)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM console_sessions WHERE reviewer = $1")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), Error> {
        sqlx::query("DELETE FROM console_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn evidence(&self, event_id: &str) -> Result<Option<Evidence>, Error> {
        let row = sqlx::query(
            "SELECT account, occurred_at, content FROM evidence WHERE event_id = $1",
        )
        .bind(event_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let at: String = row.try_get("occurred_at")?;
        Ok(Some(Evidence {
            event_id: event_id.to_string(),
            account: row.try_get("account")?,
            at: stored_time("evidence", event_id, &at)?,
            content: row.try_get("content")?,
        }))
    }

    async fn decisions_since(
        &self,
        since: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<(DateTime<Utc>, String)>, Error> {
        let rows = sqlx::query(
            "SELECT event_id, occurred_at, response FROM decisions WHERE occurred_at >= $1 \
             ORDER BY occurred_at LIMIT $2",
        )
        .bind(sortable_time(since))
        .bind(i64::from(limit.min(MAX_PAGE)))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let event_id: String = row.try_get("event_id")?;
                let at: String = row.try_get("occurred_at")?;
                Ok((
                    stored_time("decisions", &event_id, &at)?,
                    row.try_get("response")?,
                ))
            })
            .collect()
    }

    async fn reviewers(&self) -> Result<Vec<Reviewer>, Error> {
        let rows = sqlx::query(
            "SELECT name, password_hash, role, created_at FROM reviewers \
             WHERE disabled_at IS NULL ORDER BY name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let name: String = row.try_get("name")?;
                let created_at: String = row.try_get("created_at")?;
                Ok(Reviewer {
                    created_at: stored_time("reviewers", &name, &created_at)?,
                    password_hash: row.try_get("password_hash")?,
                    role: row.try_get("role")?,
                    name,
                })
            })
            .collect()
    }
}
