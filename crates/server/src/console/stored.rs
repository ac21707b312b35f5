//! What the console reads back from the ledger, typed: a stored answer (the JSON the service
//! answered a recorded event with, `offside_ledger::DecisionAnswer`, values masked) and the
//! evidence kept for its message (`offside::decide`'s sender's words and the findings'
//! canonical values).
//!
//! These are read-side views of formats written elsewhere with `Serialize`: only the fields
//! the console shows, every one of them optional or defaulted where the writer may leave it
//! out, so that an answer stored by an older version still reads.

use serde::Deserialize;

/// A stored answer: the decision's fields the console shows.
#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct StoredAnswer {
    /// The action taken (`allow`, `redact`, `hold`...).
    #[serde(default)]
    pub action: Option<String>,
    /// What the sender was told.
    #[serde(default)]
    pub notice: Option<String>,
    /// A redacted text as delivered.
    #[serde(default)]
    pub redacted_text: Option<String>,
    /// The rules broken.
    #[serde(default)]
    pub violations: Vec<StoredViolation>,
    /// The exceptions that applied.
    #[serde(default)]
    pub exceptions: Vec<StoredException>,
}

impl StoredAnswer {
    /// Reads a stored answer; `None` when it is not one.
    pub fn parse(json: &str) -> Option<StoredAnswer> {
        serde_json::from_str(json).ok()
    }

    /// Every violating finding, violation by violation.
    pub fn findings(&self) -> impl Iterator<Item = &StoredFinding> {
        self.violations
            .iter()
            .flat_map(|violation| &violation.findings)
    }
}

/// One rule broken.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct StoredViolation {
    /// The violation id (`contact.before_contract`...).
    pub id: String,
    /// The kinds of its findings.
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Its findings.
    #[serde(default)]
    pub findings: Vec<StoredFinding>,
}

/// One exception that applied.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct StoredException {
    /// Its id (`platform_tools`...).
    pub id: String,
}

/// A finding as a decision writes it (`offside_policy::FindingJson::decision`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub(super) struct StoredFinding {
    /// Its kind.
    pub kind: String,
    /// Its value: masked in a stored answer, canonical in the evidence.
    pub value: String,
    /// Byte offsets in the original text (in a conversation, in message `message`).
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// The detector's confidence.
    #[serde(default)]
    pub confidence: Option<f64>,
    /// The detector's rule.
    #[serde(default)]
    pub rule: String,
    /// In a conversation: the message it starts in.
    #[serde(default)]
    pub message: Option<usize>,
}

impl StoredFinding {
    /// Whether `other` is the same finding (the same kind at the same place), whatever its
    /// value is written as.
    pub fn same_place(&self, other: &StoredFinding) -> bool {
        (self.kind.as_str(), self.start, self.end, self.message)
            == (other.kind.as_str(), other.start, other.end, other.message)
    }
}

/// The evidence kept for a message: the sender's words and the findings' canonical values.
#[derive(Debug, Clone, Default, Deserialize)]
pub(super) struct StoredEvidence {
    /// The surface the message was sent on.
    #[serde(default)]
    pub surface: Option<String>,
    /// A single message's text.
    #[serde(default)]
    pub text: Option<String>,
    /// A conversation's messages (other parties' words replaced by a placeholder).
    #[serde(default)]
    pub conversation: Vec<EvidenceMessage>,
    /// The violating findings, with their values as written.
    #[serde(default)]
    pub findings: Vec<StoredFinding>,
}

impl StoredEvidence {
    /// Reads kept evidence; `None` when it is not evidence.
    pub fn parse(json: &str) -> Option<StoredEvidence> {
        serde_json::from_str(json).ok()
    }
}

/// One message of a kept conversation.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct EvidenceMessage {
    /// Its author's id.
    #[serde(default)]
    pub from: Option<String>,
    /// Its text.
    #[serde(default)]
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The formats as written: a stored answer with a conversation finding, and evidence.
    #[test]
    fn reads_what_the_writers_write() {
        let answer = StoredAnswer::parse(
            r#"{"id":"e1","action":"hold","violations":[{"rule":"contact","id":"contact.before_contract","kinds":["phone"],
                "findings":[{"kind":"phone","value":"+1 4•• ••• ••16","start":3,"end":18,"confidence":0.9,"rule":"phone/matcher","message":1}],
                "severity":1.0,"band":"high","action":"hold"}],"exceptions":[],"notice":"n","recorded":["e1#v"]}"#,
        )
        .unwrap();
        assert_eq!(answer.action.as_deref(), Some("hold"));
        assert_eq!(answer.violations[0].id, "contact.before_contract");
        let finding = answer.findings().next().unwrap();
        assert_eq!(
            (finding.start, finding.end, finding.message),
            (3, 18, Some(1))
        );
        let evidence = StoredEvidence::parse(
            r#"{"surface":"message","conversation":[{"from":"u1","text":"hi"},{"from":"u1","text":"at +1 415 839 2716"}],
                "findings":[{"kind":"phone","value":"+14158392716","start":3,"end":18,"confidence":0.9,"rule":"phone/matcher","message":1}]}"#,
        )
        .unwrap();
        assert_eq!(evidence.conversation.len(), 2);
        assert!(evidence.findings[0].same_place(finding));
        assert!(StoredAnswer::parse("not json").is_none());
    }
}
