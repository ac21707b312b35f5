//! The policy file: POLICY.md as data.
//!
//! A policy is read from a TOML string (this crate does no file I/O) with every table
//! `deny_unknown_fields`, then checked as a whole: confidence bands in order, each finding
//! kind in at most one rule, exactly one action for every (violation, surface) pair that can
//! occur, a ladder whose steps increase. Every error says where: the line and column, and
//! the key, so a user editing the file can find the mistake. The shipped default,
//! [`DEFAULT_POLICY_TOML`], is what [`Policy::default`] parses and what `offside policy
//! show` prints.

use std::fmt;
use std::ops::Range;

use offside_detect::Kind;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::event::{AttachmentKind, EventError, Role, Surface, Time};
use crate::ladder::Ladder;

/// The default policy, commented, exactly as shipped.
pub const DEFAULT_POLICY_TOML: &str = include_str!("default_policy.toml");

/// A whole policy.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Where the confidence bands start.
    pub confidence: ConfidenceBands,
    /// The two rules of POLICY.md.
    pub rules: Rules,
    /// The documented exceptions.
    pub exceptions: Exceptions,
    /// What to do with each violation, by surface and confidence band.
    pub actions: Vec<ActionRow>,
    /// The sanction ladder the ledger applies; [`Ladder::default`] when the file has none.
    #[serde(default)]
    pub ladder: Ladder,
    /// Which event times are accepted; the defaults when the file has no `[events]`.
    #[serde(default)]
    pub events: EventBounds,
    /// How long evidence is kept; the defaults when the file has no `[privacy]`.
    #[serde(default)]
    pub privacy: Privacy,
}

/// Which event times are accepted. An event dated in year 1 or next century would count on
/// the ladder as if it were real; one dated slightly ahead is a clock off by a little.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventBounds {
    /// Events dated more than this many hours after the moment they are decided are refused.
    #[serde(default = "default_future_skew_hours")]
    pub max_future_skew_hours: u32,
    /// Events dated before 1 January of this year (UTC) are refused.
    #[serde(default = "default_earliest_year")]
    pub earliest_year: i16,
}

fn default_future_skew_hours() -> u32 {
    24
}

fn default_earliest_year() -> i16 {
    2000
}

impl Default for EventBounds {
    fn default() -> EventBounds {
        EventBounds {
            max_future_skew_hours: default_future_skew_hours(),
            earliest_year: default_earliest_year(),
        }
    }
}

/// How long what identifies people is kept.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// Evidence (the raw text of a message that broke a rule) is purged this many days
    /// after the message (`offside purge`).
    #[serde(default = "default_retention_days")]
    pub evidence_retention_days: u32,
}

fn default_retention_days() -> u32 {
    180
}

impl Default for Privacy {
    fn default() -> Privacy {
        Privacy {
            evidence_retention_days: default_retention_days(),
        }
    }
}

/// Where the confidence bands start. A finding at or above `high` is high confidence, at
/// or above `medium` medium, and low below.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceBands {
    /// The lowest confidence that counts as high.
    pub high: f32,
    /// The lowest confidence that counts as medium.
    pub medium: f32,
}

/// A confidence band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// Below `confidence.medium`.
    Low,
    /// From `confidence.medium` up to `confidence.high`.
    Medium,
    /// From `confidence.high`.
    High,
}

impl ConfidenceBands {
    /// The band a confidence falls in.
    pub fn band(&self, confidence: f32) -> Band {
        if confidence >= self.high {
            Band::High
        } else if confidence >= self.medium {
            Band::Medium
        } else {
            Band::Low
        }
    }
}

/// The rules.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// No contact details before a contract; never on public surfaces.
    pub contact: ContactRule,
    /// No payment off the platform, for the window after the first contract.
    pub payment: PaymentRuleConfig,
}

/// Rule 1 of POLICY.md.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRule {
    /// The finding kinds this rule is about.
    pub kinds: Vec<KindName>,
    /// Surfaces that are public: contact details are never allowed there.
    pub public_surfaces: Vec<Surface>,
    /// The heaviest action for a link the detector could not place (its role is
    /// `unknown`: neither the sender's own site or contact page nor third-party material),
    /// on a private surface before a contract. Links to third-party material (`reference`)
    /// are never contact information.
    #[serde(default = "default_unknown_link_action")]
    pub unknown_link_action: Action,
}

fn default_unknown_link_action() -> Action {
    Action::Block
}

/// Rule 2 of POLICY.md.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PaymentRuleConfig {
    /// The finding kinds this rule is about.
    pub kinds: Vec<KindName>,
    /// How long after the first contract the rule still holds, in calendar months.
    pub window_months: u32,
}

/// The documented exceptions, each with what it covers and where.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exceptions {
    /// The platform's own tools.
    pub platform_tools: PlatformTools,
    /// Legal documents.
    pub legal_document: LegalDocument,
    /// Access for scoping.
    pub scoping_access: ScopingAccess,
    /// Enterprise plans.
    pub enterprise_plan: EnterprisePlan,
    /// Portfolio links.
    pub portfolio_link: PortfolioLink,
}

/// The platform's own tools: links on its hosts.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformTools {
    /// The platform's hosts; a subdomain of one matches too.
    pub hosts: Vec<String>,
    /// The finding kinds excused.
    pub covers: Vec<KindName>,
    /// Where.
    pub surfaces: Vec<Surface>,
}

/// Legal documents may carry contact details.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LegalDocument {
    /// The attachment kinds that are legal documents.
    pub attachment_kinds: Vec<AttachmentKind>,
    /// The finding kinds excused.
    pub covers: Vec<KindName>,
    /// Where.
    pub surfaces: Vec<Surface>,
    /// Words that, in a refused message, make the notice suggest an attachment instead.
    pub hint_words: Vec<String>,
}

/// Access for scoping: an address shared to be invited to a system.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScopingAccess {
    /// The finding kinds excused.
    pub covers: Vec<KindName>,
    /// Where.
    pub surfaces: Vec<Surface>,
    /// Systems one may be invited to (whole words, any case).
    pub systems: Vec<String>,
    /// Words that say the address is for an invitation (whole words, any case).
    pub access_words: Vec<String>,
}

/// Plans that allow direct contact.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnterprisePlan {
    /// The plans.
    pub plans: Vec<String>,
    /// Whose plan counts.
    pub parties: Vec<PartyRole>,
    /// The finding kinds excused.
    pub covers: Vec<KindName>,
    /// Where.
    pub surfaces: Vec<Surface>,
}

/// A side of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// The author.
    Sender,
    /// The addressee.
    Recipient,
}

/// Links to one's own work.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PortfolioLink {
    /// Portfolio hosts; a subdomain of one matches too.
    pub hosts: Vec<String>,
    /// Social networks (the value of a `social` finding) that are portfolios.
    pub networks: Vec<String>,
    /// Path segments of a page on the sender's own site that shows work (`portfolio`,
    /// `case-studies`, `reel`): such a link is a portfolio link.
    #[serde(default)]
    pub work_paths: Vec<String>,
    /// Path segments of a page for getting in touch (`contact`, `book`): never a
    /// portfolio, whatever else the path says.
    #[serde(default)]
    pub contact_paths: Vec<String>,
    /// Hosts of link-in-bio pages (a list of one's channels): never a portfolio.
    #[serde(default)]
    pub link_in_bio_hosts: Vec<String>,
    /// Words that offer the link as a way to get in touch ("reach me there"): a link sent
    /// with one is contact information, not a portfolio.
    #[serde(default)]
    pub contact_cues: Vec<String>,
    /// Who may send portfolio links.
    pub roles: Vec<Role>,
    /// The finding kinds excused.
    pub covers: Vec<KindName>,
    /// Where.
    pub surfaces: Vec<Surface>,
}

/// What happens to a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Deliver it.
    Allow,
    /// Deliver it and show the sender the notice.
    Warn,
    /// Deliver it with the violating details masked.
    Redact,
    /// Keep it for a moderator before delivery.
    Hold,
    /// Do not deliver it.
    Block,
}

impl Action {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Allow => "allow",
            Action::Warn => "warn",
            Action::Redact => "redact",
            Action::Hold => "hold",
            Action::Block => "block",
        }
    }
}

/// A violation: which rule, and which case of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ViolationId {
    /// Contact details on a private surface before any contract.
    #[serde(rename = "contact.before_contract")]
    ContactBeforeContract,
    /// Contact details on a public surface.
    #[serde(rename = "contact.public_surface")]
    ContactPublicSurface,
    /// Payment outside the platform while the payment rule applies.
    #[serde(rename = "payment.off_platform")]
    PaymentOffPlatform,
}

impl ViolationId {
    /// Every violation id.
    pub const ALL: [ViolationId; 3] = [
        ViolationId::ContactBeforeContract,
        ViolationId::ContactPublicSurface,
        ViolationId::PaymentOffPlatform,
    ];

    /// The id as written in decisions and the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationId::ContactBeforeContract => "contact.before_contract",
            ViolationId::ContactPublicSurface => "contact.public_surface",
            ViolationId::PaymentOffPlatform => "payment.off_platform",
        }
    }

    /// The rule it breaks.
    pub fn rule(self) -> RuleName {
        match self {
            ViolationId::ContactBeforeContract | ViolationId::ContactPublicSurface => {
                RuleName::Contact
            }
            ViolationId::PaymentOffPlatform => RuleName::Payment,
        }
    }
}

/// The two rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RuleName {
    /// No contact details before a contract.
    Contact,
    /// No payment off the platform.
    Payment,
}

/// An exception, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExceptionId {
    /// The platform's own tools.
    PlatformTools,
    /// A legal document.
    LegalDocument,
    /// Access for scoping.
    ScopingAccess,
    /// A portfolio link.
    PortfolioLink,
    /// An enterprise plan.
    EnterprisePlan,
}

impl ExceptionId {
    /// The id as written in decisions and the policy file.
    pub fn as_str(self) -> &'static str {
        match self {
            ExceptionId::PlatformTools => "platform_tools",
            ExceptionId::LegalDocument => "legal_document",
            ExceptionId::ScopingAccess => "scoping_access",
            ExceptionId::PortfolioLink => "portfolio_link",
            ExceptionId::EnterprisePlan => "enterprise_plan",
        }
    }
}

/// One row of the action table.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ActionRow {
    /// The violation.
    pub violation: ViolationId,
    /// The surfaces the row is for.
    pub surfaces: Vec<Surface>,
    /// The action for a high-confidence violation.
    pub high: Action,
    /// The action for a medium-confidence violation.
    pub medium: Action,
    /// The action for a low-confidence violation.
    pub low: Action,
}

impl ActionRow {
    /// The action for a band.
    pub fn for_band(&self, band: Band) -> Action {
        match band {
            Band::High => self.high,
            Band::Medium => self.medium,
            Band::Low => self.low,
        }
    }
}

/// A finding kind as named in the policy file (`"email"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KindName(pub Kind);

impl<'de> Deserialize<'de> for KindName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<KindName, D::Error> {
        let name = String::deserialize(deserializer)?;
        Kind::from_name(&name).map(KindName).ok_or_else(|| {
            let known: Vec<&str> = Kind::ALL.iter().map(|kind| kind.as_str()).collect();
            de::Error::custom(format!(
                "unknown finding kind {name:?}, expected one of {}",
                known.join(", ")
            ))
        })
    }
}

impl Serialize for KindName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

/// A line and column in the policy file, both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
}

impl Location {
    fn of(source: &str, byte: usize) -> Location {
        let byte = byte.min(source.len());
        let before = source.get(..byte).unwrap_or(source);
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// Why a policy file was refused. Each names where: the line and column, and the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// The file is not TOML.
    #[error("line {}, column {}: invalid TOML: {message}", .location.line, .location.column)]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// What it expected.
        message: String,
    },
    /// The file is TOML, but a key is unknown, missing or has the wrong type.
    #[error("{}key `{key}`: {message}", location_prefix(.location))]
    Schema {
        /// Where, when known.
        location: Option<Location>,
        /// The dotted key (`actions[2].high`); the table that lacks a missing key.
        key: String,
        /// What was wrong.
        message: String,
    },
    /// Every key is well-formed, but they do not fit together.
    #[error("{}key `{key}`: {message}", location_prefix(.location))]
    Inconsistent {
        /// Where, when known.
        location: Option<Location>,
        /// The dotted key.
        key: String,
        /// What does not fit.
        message: String,
    },
}

fn location_prefix(location: &Option<Location>) -> String {
    match location {
        Some(location) => format!("line {}, column {}: ", location.line, location.column),
        None => String::new(),
    }
}

impl Default for Policy {
    /// The shipped policy, [`DEFAULT_POLICY_TOML`].
    fn default() -> Policy {
        // The shipped file is checked by a unit test; failing here is a build defect, not
        // a user error.
        Policy::from_toml(DEFAULT_POLICY_TOML).expect("the shipped default policy is valid")
    }
}

impl Policy {
    /// Reads and checks a policy file's text.
    pub fn from_toml(source: &str) -> Result<Policy, PolicyError> {
        let document = toml::de::Deserializer::parse(source).map_err(|error| {
            let span = error.span().unwrap_or(0..0);
            PolicyError::Syntax {
                location: Location::of(source, span.start),
                message: error.message().trim().to_owned(),
            }
        })?;
        let policy: Policy = serde_path_to_error::deserialize(document).map_err(|error| {
            let key = error.path().to_string();
            let inner = error.into_inner();
            let location = inner
                .span()
                .map(|span| Location::of(source, span.start))
                .or_else(|| locate_key(source, &key));
            PolicyError::Schema {
                location,
                key,
                message: inner.message().trim().to_owned(),
            }
        })?;
        policy.validate().map_err(|(key, message)| {
            let location = locate_key(source, &key);
            PolicyError::Inconsistent {
                location,
                key,
                message,
            }
        })?;
        Ok(policy)
    }

    /// The rule a finding kind falls under, if any.
    pub fn rule_of(&self, kind: Kind) -> Option<RuleName> {
        if self.rules.contact.kinds.contains(&KindName(kind)) {
            Some(RuleName::Contact)
        } else if self.rules.payment.kinds.contains(&KindName(kind)) {
            Some(RuleName::Payment)
        } else {
            None
        }
    }

    /// Whether a surface is public.
    pub fn is_public(&self, surface: Surface) -> bool {
        self.rules.contact.public_surfaces.contains(&surface)
    }

    /// Whether a violation can occur on a surface at all (and so needs an action row).
    pub fn can_occur(&self, violation: ViolationId, surface: Surface) -> bool {
        match violation {
            ViolationId::ContactBeforeContract => !self.is_public(surface),
            ViolationId::ContactPublicSurface => self.is_public(surface),
            ViolationId::PaymentOffPlatform => true,
        }
    }

    /// The action for a violation on a surface in a band. The table is complete (checked
    /// when the policy is read), so the fallback, `hold`, only guards against a policy
    /// built in code without [`Policy::from_toml`].
    pub fn action(&self, violation: ViolationId, surface: Surface, band: Band) -> Action {
        self.actions
            .iter()
            .find(|row| row.violation == violation && row.surfaces.contains(&surface))
            .map_or(Action::Hold, |row| row.for_band(band))
    }

    /// Checks an event's time against the policy's bounds, `now` being the moment it is
    /// decided (the policy has no clock of its own).
    pub fn check_time(&self, at: Time, now: Time) -> Result<(), EventError> {
        let bounds = &self.events;
        let earliest = jiff::civil::Date::new(bounds.earliest_year, 1, 1)
            .and_then(|date| date.to_zoned(jiff::tz::TimeZone::UTC))
            .map_or(jiff::Timestamp::MIN, |zoned| zoned.timestamp());
        if at.0 < earliest {
            return Err(EventError::TooEarly {
                at,
                earliest_year: bounds.earliest_year,
            });
        }
        let skew = jiff::SignedDuration::from_hours(i64::from(bounds.max_future_skew_hours));
        let latest = now.0.checked_add(skew).unwrap_or(jiff::Timestamp::MAX);
        if at.0 > latest {
            return Err(EventError::TooFarInFuture {
                at,
                now,
                max_hours: bounds.max_future_skew_hours,
            });
        }
        Ok(())
    }

    /// The points a violation of `rule` adds on the ladder.
    pub fn weight(&self, rule: RuleName) -> f64 {
        match rule {
            RuleName::Contact => self.ladder.weights.contact,
            RuleName::Payment => self.ladder.weights.payment,
        }
    }

    /// Checks that the parts fit together; the error is (key, message).
    fn validate(&self) -> Result<(), (String, String)> {
        let bands = self.confidence;
        let in_unit = |x: f32| (0.0..=1.0).contains(&x);
        if !in_unit(bands.high) || !in_unit(bands.medium) || bands.medium > bands.high {
            return Err((
                "confidence".to_owned(),
                format!(
                    "expected 0 <= medium <= high <= 1, found medium = {} and high = {}",
                    bands.medium, bands.high
                ),
            ));
        }
        for kind in &self.rules.contact.kinds {
            if self.rules.payment.kinds.contains(kind) {
                return Err((
                    "rules.payment.kinds".to_owned(),
                    format!(
                        "kind \"{}\" is in both rules.contact.kinds and rules.payment.kinds",
                        kind.0
                    ),
                ));
            }
        }
        let mut covered: Vec<(ViolationId, Surface, usize)> = Vec::new();
        for (row_idx, row) in self.actions.iter().enumerate() {
            for &surface in &row.surfaces {
                let key = format!("actions[{row_idx}].surfaces");
                if !self.can_occur(row.violation, surface) {
                    return Err((
                        key,
                        format!(
                            "{} cannot occur on {} (public surfaces: see rules.contact.public_surfaces)",
                            row.violation.as_str(),
                            surface.as_str()
                        ),
                    ));
                }
                if let Some((_, _, earlier)) = covered
                    .iter()
                    .find(|(v, s, _)| *v == row.violation && *s == surface)
                {
                    return Err((
                        key,
                        format!(
                            "{} on {} already has an action in actions[{earlier}]",
                            row.violation.as_str(),
                            surface.as_str()
                        ),
                    ));
                }
                covered.push((row.violation, surface, row_idx));
            }
        }
        for violation in ViolationId::ALL {
            for surface in Surface::ALL {
                let is_covered = covered
                    .iter()
                    .any(|(v, s, _)| *v == violation && *s == surface);
                if self.can_occur(violation, surface) && !is_covered {
                    return Err((
                        "actions".to_owned(),
                        format!(
                            "no action for {} on {}: add it to the surfaces of an [[actions]] row",
                            violation.as_str(),
                            surface.as_str()
                        ),
                    ));
                }
            }
        }
        if !(1..=9999).contains(&self.events.earliest_year) {
            return Err((
                "events.earliest_year".to_owned(),
                "must be a year from 1 to 9999".to_owned(),
            ));
        }
        let ladder = &self.ladder;
        if ladder.half_life_days.is_nan() || ladder.half_life_days <= 0.0 {
            return Err((
                "ladder.half_life_days".to_owned(),
                "must be more than 0".to_owned(),
            ));
        }
        for (step_idx, pair) in ladder.steps.windows(2).enumerate() {
            if pair[1].at_points <= pair[0].at_points {
                return Err((
                    format!("ladder.steps[{}].at_points", step_idx + 1),
                    "steps must be listed lightest first, with increasing at_points".to_owned(),
                ));
            }
        }
        Ok(())
    }
}

/// Finds where a dotted key (`actions[2].surfaces`, `ladder.half_life_days`) is written,
/// through toml's spanned document tree; the deepest part of the key that exists wins.
fn locate_key(source: &str, key: &str) -> Option<Location> {
    let root = toml::de::DeTable::parse(source).ok()?;
    let mut span: Range<usize> = root.span();
    let mut value_table = Some(root.get_ref());
    let mut value_array = None;
    for segment in key_segments(key) {
        match segment {
            KeySegment::Name(name) => {
                let table = value_table.take()?;
                let Some((key, value)) = table.iter().find(|(k, _)| k.get_ref() == name) else {
                    break;
                };
                span = key.span();
                value_table = value.get_ref().as_table();
                value_array = value.get_ref().as_array();
            }
            KeySegment::Index(index) => {
                let Some(element) = value_array.take().and_then(|array| array.get(index)) else {
                    break;
                };
                span = element.span();
                value_table = element.get_ref().as_table();
                value_array = element.get_ref().as_array();
            }
        }
    }
    Some(Location::of(source, span.start))
}

enum KeySegment<'k> {
    Name(&'k str),
    Index(usize),
}

/// `actions[2].high` → `actions`, 2, `high`.
fn key_segments(key: &str) -> Vec<KeySegment<'_>> {
    let mut segments = Vec::new();
    for part in key.split('.') {
        let (name, indices) = part.split_once('[').unwrap_or((part, ""));
        if !name.is_empty() {
            segments.push(KeySegment::Name(name));
        }
        for index in indices.split('[') {
            if let Ok(index) = index.trim_end_matches(']').parse() {
                segments.push(KeySegment::Index(index));
            }
        }
    }
    segments
}

impl fmt::Display for KindName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Surface::*;

    fn kinds(names: &[&str]) -> Vec<KindName> {
        names
            .iter()
            .map(|name| KindName(Kind::from_name(name).unwrap()))
            .collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    const CONTACT: [&str; 7] = [
        "email",
        "phone",
        "url",
        "social",
        "messenger",
        "meeting",
        "solicitation",
    ];

    /// What the code expects the shipped file to say, written out in Rust.
    fn expected_default() -> Policy {
        let shipped = Policy::from_toml(DEFAULT_POLICY_TOML).unwrap();
        Policy {
            confidence: ConfidenceBands {
                high: 0.85,
                medium: 0.7,
            },
            rules: Rules {
                contact: ContactRule {
                    kinds: kinds(&CONTACT),
                    public_surfaces: vec![Profile, JobPost, Review],
                    unknown_link_action: Action::Block,
                },
                payment: PaymentRuleConfig {
                    kinds: kinds(&["payment"]),
                    window_months: 24,
                },
            },
            exceptions: Exceptions {
                platform_tools: PlatformTools {
                    hosts: strings(&["offside.example.com"]),
                    covers: kinds(&["url", "meeting"]),
                    surfaces: Surface::ALL.to_vec(),
                },
                legal_document: LegalDocument {
                    attachment_kinds: vec![
                        AttachmentKind::Nda,
                        AttachmentKind::BusinessLicense,
                        AttachmentKind::IdDocument,
                        AttachmentKind::BackgroundCheck,
                    ],
                    covers: kinds(&["email", "phone"]),
                    surfaces: vec![Attachment],
                    hint_words: shipped.exceptions.legal_document.hint_words.clone(),
                },
                scoping_access: ScopingAccess {
                    covers: kinds(&["email"]),
                    surfaces: vec![Message, Proposal],
                    // The word lists are data to tune; their content is checked below.
                    systems: shipped.exceptions.scoping_access.systems.clone(),
                    access_words: shipped.exceptions.scoping_access.access_words.clone(),
                },
                enterprise_plan: EnterprisePlan {
                    plans: strings(&["enterprise"]),
                    parties: vec![PartyRole::Sender, PartyRole::Recipient],
                    covers: kinds(&CONTACT),
                    surfaces: vec![Message, Proposal, Attachment],
                },
                portfolio_link: PortfolioLink {
                    hosts: shipped.exceptions.portfolio_link.hosts.clone(),
                    networks: strings(&["github", "youtube"]),
                    work_paths: shipped.exceptions.portfolio_link.work_paths.clone(),
                    contact_paths: shipped.exceptions.portfolio_link.contact_paths.clone(),
                    link_in_bio_hosts: shipped.exceptions.portfolio_link.link_in_bio_hosts.clone(),
                    contact_cues: shipped.exceptions.portfolio_link.contact_cues.clone(),
                    roles: vec![Role::Freelancer],
                    covers: kinds(&["url", "social"]),
                    surfaces: vec![Message, Proposal, Profile, Attachment],
                },
            },
            actions: vec![
                ActionRow {
                    violation: ViolationId::ContactBeforeContract,
                    surfaces: vec![Message, Proposal],
                    high: Action::Redact,
                    medium: Action::Redact,
                    low: Action::Warn,
                },
                ActionRow {
                    violation: ViolationId::ContactBeforeContract,
                    surfaces: vec![Attachment],
                    high: Action::Hold,
                    medium: Action::Hold,
                    low: Action::Warn,
                },
                ActionRow {
                    violation: ViolationId::ContactPublicSurface,
                    surfaces: vec![Profile, JobPost, Review],
                    high: Action::Block,
                    medium: Action::Hold,
                    low: Action::Warn,
                },
                ActionRow {
                    violation: ViolationId::PaymentOffPlatform,
                    surfaces: Surface::ALL.to_vec(),
                    high: Action::Block,
                    medium: Action::Hold,
                    low: Action::Warn,
                },
            ],
            ladder: Ladder::default(),
            events: EventBounds::default(),
            privacy: Privacy::default(),
        }
    }

    #[test]
    fn the_shipped_policy_parses_and_is_what_the_code_expects() {
        let shipped = Policy::from_toml(DEFAULT_POLICY_TOML).unwrap();
        assert_eq!(shipped, expected_default());
        assert_eq!(Policy::default(), shipped);
        let scoping = &shipped.exceptions.scoping_access;
        for system in [
            "github",
            "gitlab",
            "bitbucket",
            "google analytics",
            "quickbooks",
            "google drive",
            "docusign",
            "wordpress",
        ] {
            assert!(scoping.systems.iter().any(|s| s == system), "{system}");
        }
        assert!(scoping.access_words.iter().any(|w| w == "invite"));
        let portfolio = &shipped.exceptions.portfolio_link;
        for host in [
            "behance.net",
            "dribbble.com",
            "github.com",
            "youtube.com",
            "vimeo.com",
        ] {
            assert!(portfolio.hosts.iter().any(|h| h == host), "{host}");
        }
        assert!(shipped
            .exceptions
            .legal_document
            .hint_words
            .iter()
            .any(|w| w == "nda"));
    }

    #[test]
    fn low_confidence_never_blocks_in_the_default_policy() {
        let policy = Policy::default();
        for violation in ViolationId::ALL {
            for surface in Surface::ALL {
                if policy.can_occur(violation, surface) {
                    let low = policy.action(violation, surface, Band::Low);
                    let high = policy.action(violation, surface, Band::High);
                    assert!(
                        low < Action::Block && low <= high,
                        "{violation:?} {surface:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_ladder_defaults_when_the_file_has_none() {
        let (before, _) = DEFAULT_POLICY_TOML.split_once("\n[ladder]").unwrap();
        let policy = Policy::from_toml(before).unwrap();
        assert_eq!(policy.ladder, Ladder::default());
    }

    fn error_of(edit: impl Fn(&str) -> String) -> String {
        let source = edit(DEFAULT_POLICY_TOML);
        assert_ne!(source, DEFAULT_POLICY_TOML, "the edit must change the file");
        Policy::from_toml(&source).unwrap_err().to_string()
    }

    fn line_of(needle: &str) -> usize {
        DEFAULT_POLICY_TOML
            .lines()
            .position(|line| line.starts_with(needle))
            .unwrap()
            + 1
    }

    #[test]
    fn bad_files_name_the_line_and_the_key() {
        let high_line = line_of("high = 0.85");
        let table = [
            (
                error_of(|s| s.replace("high = 0.85", "high = \"very\"")),
                format!("line {high_line}, column 8: key `confidence.high`: invalid type: string \"very\", expected f32"),
            ),
            (
                error_of(|s| s.replace("high = 0.85", "hihg = 0.85")),
                format!("line {high_line}, column 1: key `confidence.hihg`: unknown field `hihg`, expected `high` or `medium`"),
            ),
            (
                error_of(|s| s.replacen("high = \"redact\"", "high = \"delete\"", 1)),
                format!("line {}, column 8: key `actions[0].high`: unknown variant `delete`", line_of("high = \"redact\"")),
            ),
            (
                error_of(|s| s.replace("window_months = 24", "window_months = -1")),
                format!("line {}, column 17: key `rules.payment.window_months`", line_of("window_months")),
            ),
            (
                error_of(|s| s.replace("covers = [\"email\", \"phone\"]", "covers = [\"email\", \"fax\"]")),
                format!("line {}, column 10: key `exceptions.legal_document.covers[1]`: unknown finding kind \"fax\"", line_of("covers = [\"email\", \"phone\"]")),
            ),
            (
                error_of(|s| s.replace("medium = 0.7", "medium = 0.9")),
                format!("line {}, column 2: key `confidence`: expected 0 <= medium <= high <= 1", line_of("[confidence]")),
            ),
            (
                error_of(|s| s.replacen("surfaces = [\"message\", \"proposal\"]\nhigh", "surfaces = [\"message\", \"proposal\", \"profile\"]\nhigh", 1)),
                "key `actions[0].surfaces`: contact.before_contract cannot occur on profile".to_owned(),
            ),
            (
                error_of(|s| s.replace("surfaces = [\"attachment\"]\nhigh", "surfaces = []\nhigh")),
                "key `actions`: no action for contact.before_contract on attachment".to_owned(),
            ),
            (
                error_of(|s| s.replace("[rules.payment]\n", "[rules.payment]\nwindow = 3\n")),
                format!("line {}, column 1: key `rules.payment.window`: unknown field `window`", line_of("[rules.payment]") + 1),
            ),
            (
                error_of(|s| s.replace("[confidence]", "[confidence")),
                format!("line {}, column 12: invalid TOML", line_of("[confidence")),
            ),
        ];
        for (message, expected) in table {
            assert!(
                message.contains(&expected),
                "\n  got: {message}\n want: {expected}"
            );
        }
    }

    #[test]
    fn a_missing_key_names_its_table() {
        let source = DEFAULT_POLICY_TOML.replace("window_months = 24\n", "");
        let message = Policy::from_toml(&source).unwrap_err().to_string();
        assert!(message.contains("key `rules.payment`"), "{message}");
        assert!(
            message.contains("missing field `window_months`"),
            "{message}"
        );
        assert!(message.starts_with("line "), "{message}");
    }
}
