//! Conversations.
use crate::{Engine, Finding, Region};
/// Scans a conversation.
pub fn scan(engine: &Engine, messages: &[&str], region: Option<Region>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, m) in messages.iter().enumerate() {
        for mut f in engine.scan(m, region) {
            f.message = Some(i);
            f.messages = vec![i];
            out.push(f);
        }
    }
    out
}
