//! An account's standing, derived from its events by a pure fold: no storage, no clock.
//!
//! The same function serves the store (over `events_for(account)`), replay (over every event
//! ever recorded) and property tests, so "standing can be rebuilt from the ledger" is true by
//! construction. The fold accepts any superset of the account's events, in any order: it
//! picks the account's own events by id and sorts them by time.
//!
//! How the ladder is applied:
//! - a violation counts while it is *live*: not shadow, not dismissed by a reviewer (the last
//!   verdict wins), not overturned by an upheld appeal, and — when its message was held for
//!   review — confirmed by a reviewer;
//! - `points` at a moment is the sum of `ladder.decayed(weight, age)` over live violations;
//! - at each live violation the account's points (all earlier live violations, decayed to
//!   that moment, plus this one) *reach* a step of the ladder and every lighter step; a
//!   step reached by a violation before the last lift does not count any more;
//! - a reached step is in force: a suspension until a reviewer lifts it; a step with
//!   `duration_days` for that many days from the violation that reached it; a step without a
//!   duration (the warning) while the points are still at its threshold;
//! - the sanction is the heaviest step in force, except that a suspension holds the account
//!   at restriction (without an end) until a reviewer confirms it with a
//!   `suspension_confirmed` event made after it was reached; a lift ends either.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use offside_policy::ladder::{Ladder, Sanction};
use serde::Serialize;

use crate::event::{AppealOutcome, Event, EventBody, Rule, Verdict, Violation};

/// Where a violation stands after reviews and appeals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ViolationStatus {
    /// Counts; no reviewer has looked at it.
    Live,
    /// Its message was held for a reviewer, who has not judged it yet: counts only once
    /// confirmed (the sender is not sanctioned for what nobody received).
    Pending,
    /// Counts; a reviewer confirmed it.
    Confirmed,
    /// Recorded by a shadow run: never counts.
    Shadow,
    /// A reviewer dismissed it: never counts.
    Dismissed,
    /// An appeal against it was upheld: never counts.
    Overturned,
}

impl ViolationStatus {
    /// Whether a violation with this status adds points.
    pub fn counts(self) -> bool {
        matches!(self, ViolationStatus::Live | ViolationStatus::Confirmed)
    }
}

/// One violation as the account's standing shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViolationSummary {
    /// The violation's event id.
    pub event_id: String,
    /// When it was recorded.
    pub at: DateTime<Utc>,
    /// The rule broken.
    pub rule: Rule,
    /// The policy's rule id.
    pub rule_id: String,
    /// What was found.
    pub kinds: Vec<String>,
    /// Its weight before decay.
    pub weight: f64,
    /// The points it still adds now (0 unless it counts).
    pub points_now: f64,
    /// After reviews and appeals.
    pub status: ViolationStatus,
    /// The message it was found in.
    pub source_message_id: String,
    /// An appeal against it waits for a decision.
    pub appeal_pending: bool,
}

/// An account's standing at a moment, derived from its events.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Standing {
    /// The account.
    pub account: String,
    /// The moment the standing was computed for; later events are ignored.
    pub as_of: DateTime<Utc>,
    /// The sanction in force.
    pub sanction: Sanction,
    /// When the sanction in force was reached (the violation that reached it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanction_since: Option<DateTime<Utc>>,
    /// When the sanction in force ends by itself; absent for a suspension (only a reviewer
    /// lifts it), a warning and no sanction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sanction_until: Option<DateTime<Utc>>,
    /// Live points after decay.
    pub points: f64,
    /// Every violation recorded against the account, oldest first, whatever its status.
    pub violations: Vec<ViolationSummary>,
    /// Reports this account filed about messages it received: marks in its favour.
    pub reports_filed: u32,
    /// Of those, how many a reviewer confirmed.
    pub reports_confirmed: u32,
    /// Appeals filed by the account that wait for a decision.
    pub appeals_pending: u32,
    /// The last time a reviewer lifted the account's sanction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_lifted_at: Option<DateTime<Utc>>,
    /// The ladder reached suspension and a reviewer has not confirmed it yet: the account
    /// is held at restriction (see [`crate::SuspensionConfirmed`]).
    pub suspension_pending_review: bool,
}

/// Derives `account`'s standing at `now` from `events`, which may hold other accounts'
/// events too (they are skipped) and may be in any order (they are sorted by time, ties
/// kept in the order given). Events after `now` are ignored.
pub fn standing(account: &str, events: &[Event], ladder: &Ladder, now: DateTime<Utc>) -> Standing {
    let mut timeline: Vec<&Event> = events.iter().filter(|event| event.at <= now).collect();
    timeline.sort_by_key(|event| event.at);

    // The account's own violations and reports first, so that acting events can be
    // matched to them by id whatever the order of the input.
    let mut violation_ids: HashSet<&str> = HashSet::new();
    let mut report_ids: HashSet<&str> = HashSet::new();
    for event in &timeline {
        match &event.body {
            EventBody::ViolationRecorded(violation) if violation.account == account => {
                violation_ids.insert(&event.id);
            }
            EventBody::ReportFiled(report) if report.reporter == account => {
                report_ids.insert(&event.id);
            }
            _ => {}
        }
    }
    // Appeal id -> violation id, for the account's violations only.
    let mut appeal_to_violation: HashMap<&str, &str> = HashMap::new();
    for event in &timeline {
        if let EventBody::AppealFiled(appeal) = &event.body {
            if violation_ids.contains(appeal.violation_id.as_str()) {
                appeal_to_violation.insert(&event.id, &appeal.violation_id);
            }
        }
    }

    // Later events overwrite earlier ones: the last verdict and the last decision win.
    let mut last_verdict: HashMap<&str, Verdict> = HashMap::new();
    let mut appeal_outcome: HashMap<&str, AppealOutcome> = HashMap::new();
    let mut last_lift_position: Option<usize> = None;
    let mut last_lifted_at = None;
    for (position, event) in timeline.iter().enumerate() {
        match &event.body {
            EventBody::ReviewVerdict(verdict)
                if violation_ids.contains(verdict.subject_id.as_str())
                    || report_ids.contains(verdict.subject_id.as_str()) =>
            {
                last_verdict.insert(&verdict.subject_id, verdict.verdict);
            }
            EventBody::AppealDecided(decision)
                if appeal_to_violation.contains_key(decision.appeal_id.as_str()) =>
            {
                appeal_outcome.insert(&decision.appeal_id, decision.outcome);
            }
            EventBody::SanctionLifted(lift) if lift.account == account => {
                last_lift_position = Some(position);
                last_lifted_at = Some(event.at);
            }
            _ => {}
        }
    }
    let overturned: HashSet<&str> = appeal_outcome
        .iter()
        .filter(|(_, outcome)| **outcome == AppealOutcome::Upheld)
        .filter_map(|(appeal_id, _)| appeal_to_violation.get(appeal_id).copied())
        .collect();
    let pending_appeals: Vec<&str> = appeal_to_violation
        .iter()
        .filter(|(appeal_id, _)| !appeal_outcome.contains_key(*appeal_id))
        .map(|(_, violation_id)| *violation_id)
        .collect();
    let violations_with_pending_appeal: HashSet<&str> = pending_appeals.iter().copied().collect();

    let status_of = |event_id: &str, violation: &Violation| {
        if violation.shadow {
            ViolationStatus::Shadow
        } else if overturned.contains(event_id) {
            ViolationStatus::Overturned
        } else {
            match last_verdict.get(event_id) {
                Some(Verdict::Dismiss) => ViolationStatus::Dismissed,
                Some(Verdict::Confirm) => ViolationStatus::Confirmed,
                None if violation.held => ViolationStatus::Pending,
                None => ViolationStatus::Live,
            }
        }
    };

    // Walk the live violations in time order and note, for each step of the ladder, the
    // last violation after the last lift whose points reached it.
    let mut live: Vec<(usize, DateTime<Utc>, f64)> = Vec::new();
    let mut step_reached_at: Vec<Option<DateTime<Utc>>> = vec![None; ladder.steps.len()];
    let mut violations = Vec::new();
    for (position, event) in timeline.iter().enumerate() {
        let EventBody::ViolationRecorded(violation) = &event.body else {
            continue;
        };
        if violation.account != account {
            continue;
        }
        let status = status_of(&event.id, violation);
        let mut points_now = 0.0;
        if status.counts() {
            live.push((position, event.at, violation.weight));
            points_now = ladder.decayed(violation.weight, age_days(event.at, now));
            let after_lift = last_lift_position.is_none_or(|lift| position > lift);
            if after_lift {
                let points_then: f64 = live
                    .iter()
                    .map(|(_, at, weight)| ladder.decayed(*weight, age_days(*at, event.at)))
                    .sum();
                for (step_idx, step) in ladder.steps.iter().enumerate() {
                    if points_then >= step.at_points {
                        step_reached_at[step_idx] = Some(event.at);
                    }
                }
            }
        }
        violations.push(ViolationSummary {
            event_id: event.id.clone(),
            at: event.at,
            rule: violation.rule,
            rule_id: violation.rule_id.clone(),
            kinds: violation.kinds.clone(),
            weight: violation.weight,
            points_now,
            status,
            source_message_id: violation.source_message_id.clone(),
            appeal_pending: violations_with_pending_appeal.contains(event.id.as_str()),
        });
    }
    let points: f64 = violations.iter().map(|summary| summary.points_now).sum();

    let mut sanction = Sanction::None;
    let mut sanction_since = None;
    let mut sanction_until = None;
    for (step, reached_at) in ladder.steps.iter().zip(&step_reached_at) {
        let Some(reached_at) = *reached_at else {
            continue;
        };
        let (in_force, until) = match (step.sanction, step.duration_days) {
            (Sanction::Suspension, _) => (true, None),
            (_, Some(days)) => {
                let until = reached_at + Duration::days(i64::from(days));
                (now < until, Some(until))
            }
            (_, None) => (points >= step.at_points, None),
        };
        if in_force && step.sanction >= sanction {
            sanction = step.sanction;
            sanction_since = Some(reached_at);
            sanction_until = until;
        }
    }

    // Permanent loss of access comes only after human review: a suspension reached by the
    // ladder holds the account at restriction, with no end, until a reviewer confirms it
    // (or lifts it).
    let mut suspension_pending_review = false;
    if sanction == Sanction::Suspension {
        let reached_at = sanction_since.unwrap_or(now);
        let confirmed = timeline.iter().enumerate().any(|(position, event)| {
            matches!(&event.body, EventBody::SuspensionConfirmed(c) if c.account == account)
                && event.at >= reached_at
                && last_lift_position.is_none_or(|lift| position > lift)
        });
        if !confirmed {
            sanction = Sanction::Restriction;
            sanction_until = None;
            suspension_pending_review = true;
        }
    }

    let reports_filed = saturating_u32(report_ids.len());
    let reports_confirmed = saturating_u32(
        report_ids
            .iter()
            .filter(|id| last_verdict.get(*id) == Some(&Verdict::Confirm))
            .count(),
    );
    Standing {
        account: account.to_string(),
        as_of: now,
        sanction,
        sanction_since,
        sanction_until,
        points,
        violations,
        reports_filed,
        reports_confirmed,
        appeals_pending: saturating_u32(pending_appeals.len()),
        last_lifted_at,
        suspension_pending_review,
    }
}

/// Days from `from` to `to`, fractional; negative if `to` is earlier.
fn age_days(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    let elapsed = to.signed_duration_since(from);
    elapsed.num_milliseconds() as f64 / 86_400_000.0
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{AppealDecided, AppealFiled, ReviewVerdict, SanctionLifted};

    fn day(n: i64) -> DateTime<Utc> {
        "2026-01-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::days(n)
    }

    fn violation(id: &str, account: &str, rule: Rule, at: i64) -> Event {
        let weight = match rule {
            Rule::Contact => 1.0,
            Rule::Payment => 2.0,
        };
        Event {
            id: id.into(),
            at: day(at),
            body: EventBody::ViolationRecorded(Violation {
                account: account.into(),
                rule,
                rule_id: format!("{}/test", rule.as_str()),
                kinds: vec!["email".into()],
                weight,
                source_message_id: format!("msg-{id}"),
                shadow: false,
                held: false,
                contacts: vec![],
                reported_by: None,
            }),
        }
    }

    fn at(account: &str, events: &[Event], n: i64) -> Standing {
        standing(account, events, &Ladder::default(), day(n))
    }

    #[test]
    fn ladder_climbs_and_timed_steps_expire() {
        let events = vec![
            violation("v1", "alice", Rule::Payment, 0),
            violation("v2", "alice", Rule::Payment, 0),
        ];
        let now = at("alice", &events, 1);
        assert_eq!(now.sanction, Sanction::Restriction);
        assert_eq!(now.sanction_until, Some(day(7)));
        // After the 7-day restriction, the 30-day badge loss reached by the same violation.
        let later = at("alice", &events, 10);
        assert_eq!(later.sanction, Sanction::BadgeLoss);
        assert_eq!(later.sanction_until, Some(day(30)));
        // Then a warning while points are still >= 0.5, then nothing.
        assert_eq!(at("alice", &events, 100).sanction, Sanction::Warning);
        assert_eq!(at("alice", &events, 200).sanction, Sanction::Warning);
        assert_eq!(at("alice", &events, 300).sanction, Sanction::None);
        assert_eq!(at("alice", &events, 400).points, 0.0);
    }

    #[test]
    fn suspension_waits_for_a_reviewer_then_stays_until_lifted() {
        let mut events: Vec<Event> = (0..3)
            .map(|n| violation(&format!("v{n}"), "bob", Rule::Payment, 0))
            .collect();
        // Reached by the ladder: held at restriction, without an end, pending review.
        let held = at("bob", &events, 1);
        assert_eq!(held.sanction, Sanction::Restriction);
        assert_eq!(held.sanction_until, None);
        assert!(held.suspension_pending_review);
        assert_eq!(at("bob", &events, 1000).sanction, Sanction::Restriction);
        events.push(Event {
            id: "confirm".into(),
            at: day(0),
            body: EventBody::SuspensionConfirmed(crate::event::SuspensionConfirmed {
                account: "bob".into(),
                reviewer: "rita".into(),
                note: None,
            }),
        });
        assert_eq!(at("bob", &events, 1).sanction, Sanction::Suspension);
        assert!(!at("bob", &events, 1).suspension_pending_review);
        assert_eq!(at("bob", &events, 1000).sanction, Sanction::Suspension);
        events.push(Event {
            id: "lift".into(),
            at: day(2),
            body: EventBody::SanctionLifted(SanctionLifted {
                account: "bob".into(),
                reviewer: "rita".into(),
                note: None,
            }),
        });
        assert_eq!(at("bob", &events, 1).sanction, Sanction::Suspension);
        assert_eq!(at("bob", &events, 3).sanction, Sanction::None);
        assert_eq!(at("bob", &events, 3).last_lifted_at, Some(day(2)));
    }

    #[test]
    fn dismissed_and_overturned_do_not_count() {
        let events = vec![
            violation("v1", "carol", Rule::Payment, 0),
            violation("v2", "carol", Rule::Payment, 0),
            Event {
                id: "r1".into(),
                at: day(1),
                body: EventBody::ReviewVerdict(ReviewVerdict {
                    subject_id: "v1".into(),
                    verdict: Verdict::Dismiss,
                    reviewer: "rita".into(),
                    note: None,
                }),
            },
            Event {
                id: "a1".into(),
                at: day(1),
                body: EventBody::AppealFiled(AppealFiled {
                    violation_id: "v2".into(),
                    note: None,
                }),
            },
        ];
        let pending = at("carol", &events, 2);
        assert_eq!(pending.appeals_pending, 1);
        assert_eq!(pending.points, ladder_decayed(2.0, 2.0));
        let mut decided = events.clone();
        decided.push(Event {
            id: "d1".into(),
            at: day(3),
            body: EventBody::AppealDecided(AppealDecided {
                appeal_id: "a1".into(),
                outcome: AppealOutcome::Upheld,
                reviewer: "rita".into(),
                note: None,
            }),
        });
        let after = at("carol", &decided, 4);
        assert_eq!(after.points, 0.0);
        assert_eq!(after.sanction, Sanction::None);
        assert_eq!(after.appeals_pending, 0);
        let statuses: Vec<_> = after.violations.iter().map(|v| v.status).collect();
        assert_eq!(
            statuses,
            [ViolationStatus::Dismissed, ViolationStatus::Overturned]
        );
    }

    fn ladder_decayed(weight: f64, days: f64) -> f64 {
        Ladder::default().decayed(weight, days)
    }

    #[test]
    fn other_accounts_and_future_events_are_ignored() {
        let events = vec![
            violation("v1", "dave", Rule::Contact, 0),
            violation("v2", "erin", Rule::Payment, 0),
            violation("v3", "dave", Rule::Payment, 10),
        ];
        let first_day = at("dave", &events, 0);
        assert_eq!(first_day.violations.len(), 1);
        assert_eq!(first_day.sanction, Sanction::Warning);
        // One contact violation keeps its warning for one half-life; the payment
        // violation of day 10 is not there yet on day 9.
        let day_nine = at("dave", &events, 9);
        assert_eq!(day_nine.sanction, Sanction::Warning);
        assert_eq!(day_nine.violations.len(), 1);
    }
}
