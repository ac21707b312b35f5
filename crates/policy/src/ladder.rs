//! The sanction ladder, as the policy file describes it: how much each violation weighs,
//! how fast old violations decay, and which sanction each level of points brings.
//!
//! The ledger computes an account's points from its history; these types only say what the
//! points mean, so that the same ladder can be read from the policy file, shown to a
//! reviewer and backtested.

use serde::{Deserialize, Serialize};

/// A rung of the ladder, from lightest to heaviest. Ordered: `Warning < BadgeLoss < ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sanction {
    /// No sanction: the account is in good standing.
    None,
    /// A warning with an explanation of the rule (education first).
    Warning,
    /// Loss of badges ("Top Rated") for a period.
    BadgeLoss,
    /// No new messages or proposals for a period.
    Restriction,
    /// Account access suspended, pending human review. Never lifted by time alone.
    Suspension,
}

impl Sanction {
    /// The snake-case name used in JSON and in the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            Sanction::None => "none",
            Sanction::Warning => "warning",
            Sanction::BadgeLoss => "badge_loss",
            Sanction::Restriction => "restriction",
            Sanction::Suspension => "suspension",
        }
    }
}

/// How many points a violation of each rule adds to the sender's account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Sharing contact details (or asking for them) before a contract.
    pub contact: f64,
    /// Taking, or offering, payment off the platform. Weighs more than contact sharing.
    pub payment: f64,
}

/// One step of the ladder: reached when the account's live points reach `at_points`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The sanction this step brings.
    pub sanction: Sanction,
    /// Points (after decay) at which this step applies.
    pub at_points: f64,
    /// How long the sanction lasts from the violation that triggered it, in days; `None`
    /// for sanctions that only a reviewer lifts (suspension) or that have no duration
    /// (warning).
    #[serde(default)]
    pub duration_days: Option<u32>,
}

/// The whole ladder: weights, decay and steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ladder {
    /// Points per violation, by rule.
    pub weights: Weights,
    /// A violation's points halve every `half_life_days` days.
    pub half_life_days: f64,
    /// A violation older than this no longer counts at all.
    pub forget_after_days: u32,
    /// The steps, lightest first; `at_points` must increase.
    pub steps: Vec<Step>,
}

impl Default for Ladder {
    fn default() -> Ladder {
        Ladder {
            weights: Weights {
                contact: 1.0,
                payment: 2.0,
            },
            half_life_days: 90.0,
            forget_after_days: 365,
            steps: vec![
                // Half a contact violation: a first violation's warning stays in force for
                // one half-life (90 days), not only until its points start to decay.
                Step {
                    sanction: Sanction::Warning,
                    at_points: 0.5,
                    duration_days: None,
                },
                Step {
                    sanction: Sanction::BadgeLoss,
                    at_points: 2.5,
                    duration_days: Some(30),
                },
                Step {
                    sanction: Sanction::Restriction,
                    at_points: 4.0,
                    duration_days: Some(7),
                },
                Step {
                    sanction: Sanction::Suspension,
                    at_points: 6.0,
                    duration_days: None,
                },
            ],
        }
    }
}

impl Ladder {
    /// The points a violation of weight `weight` still carries `age_days` after it was
    /// recorded: halving every `half_life_days`, zero after `forget_after_days`.
    pub fn decayed(&self, weight: f64, age_days: f64) -> f64 {
        if age_days < 0.0 {
            return weight;
        }
        if age_days >= f64::from(self.forget_after_days) {
            return 0.0;
        }
        weight * 0.5f64.powf(age_days / self.half_life_days)
    }

    /// The heaviest step whose threshold `points` reaches, if any.
    pub fn step_for(&self, points: f64) -> Option<&Step> {
        self.steps
            .iter()
            .rev()
            .find(|step| points >= step.at_points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decay_halves_then_forgets() {
        let ladder = Ladder::default();
        assert_eq!(ladder.decayed(2.0, 0.0), 2.0);
        assert!((ladder.decayed(2.0, 90.0) - 1.0).abs() < 1e-9);
        assert_eq!(ladder.decayed(2.0, 365.0), 0.0);
    }

    #[test]
    fn steps_by_points() {
        let ladder = Ladder::default();
        assert_eq!(ladder.step_for(0.4), None);
        assert_eq!(
            ladder.step_for(0.5).map(|s| s.sanction),
            Some(Sanction::Warning)
        );
        assert_eq!(
            ladder.step_for(1.0).map(|s| s.sanction),
            Some(Sanction::Warning)
        );
        assert_eq!(
            ladder.step_for(4.2).map(|s| s.sanction),
            Some(Sanction::Restriction)
        );
        assert_eq!(
            ladder.step_for(9.0).map(|s| s.sanction),
            Some(Sanction::Suspension)
        );
    }
}
