//! The last messages of each conversation, so that a value split over several requests
//! ("my number is 415 555" then "2671") is caught when its last part arrives.
//!
//! This is a cache, not a record: it lives in the process's memory, is bounded (the last
//! [`MESSAGES_KEPT`] messages of at most [`MAX_CONVERSATIONS`] conversations, each message cut
//! to its last [`MAX_KEPT_BYTES`] bytes), and losing it loses nothing acknowledged — only the
//! chance to join a split value across a restart. Deployments with several processes route
//! a conversation to one process (see the scale notes in docs/ARCHITECTURE.md).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use offside_policy::event::{ConversationMessage, PartyId};

/// How many messages of a conversation are kept: the detector joins values split over up
/// to four consecutive messages.
pub const MESSAGES_KEPT: usize = 4;

/// How many conversations are kept; the least recently started are forgotten first.
pub const MAX_CONVERSATIONS: usize = 100_000;

/// How much of each kept message is kept, from its end: a split value's first part is at
/// the end of its message.
pub const MAX_KEPT_BYTES: usize = 2048;

/// The recent messages of each conversation.
#[derive(Default)]
pub struct ConversationBuffer {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    messages: HashMap<String, VecDeque<ConversationMessage>>,
    /// Conversation ids, oldest first, for eviction.
    order: VecDeque<String>,
}

impl ConversationBuffer {
    /// The kept messages of a conversation, oldest first (at most `MESSAGES_KEPT - 1`, so
    /// that with the new message the conversation has at most `MESSAGES_KEPT`).
    pub fn recent(&self, conversation_id: &str) -> Vec<ConversationMessage> {
        let inner = self.lock();
        let Some(messages) = inner.messages.get(conversation_id) else {
            return Vec::new();
        };
        let skip = messages.len().saturating_sub(MESSAGES_KEPT - 1);
        messages.iter().skip(skip).cloned().collect()
    }

    /// Adds a message to a conversation.
    pub fn push(&self, conversation_id: &str, from: &PartyId, text: &str) {
        let mut inner = self.lock();
        let Inner { messages, order } = &mut *inner;
        let kept = messages
            .entry(conversation_id.to_string())
            .or_insert_with(|| {
                order.push_back(conversation_id.to_string());
                VecDeque::with_capacity(MESSAGES_KEPT)
            });
        if kept.len() == MESSAGES_KEPT {
            kept.pop_front();
        }
        kept.push_back(ConversationMessage {
            from: from.clone(),
            text: tail(text, MAX_KEPT_BYTES).to_string(),
        });
        while order.len() > MAX_CONVERSATIONS {
            if let Some(oldest) = order.pop_front() {
                messages.remove(&oldest);
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner
            .lock()
            .unwrap_or_else(|poison| poison.into_inner())
    }
}

/// The last `max_bytes` bytes of `text` or a little less, cut at a character boundary.
fn tail(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut start = text.len() - max_bytes;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_three_before_the_new_one() {
        let buffer = ConversationBuffer::default();
        let alice = PartyId("alice".into());
        for n in 0..6 {
            buffer.push("c1", &alice, &format!("message {n}"));
        }
        let texts: Vec<String> = buffer.recent("c1").into_iter().map(|m| m.text).collect();
        assert_eq!(texts, ["message 3", "message 4", "message 5"]);
        assert!(buffer.recent("c2").is_empty());
    }

    #[test]
    fn long_messages_keep_their_end_on_a_char_boundary() {
        let text = format!("{}é415", "x".repeat(MAX_KEPT_BYTES));
        let kept = tail(&text, MAX_KEPT_BYTES);
        assert!(kept.ends_with("é415"));
        assert!(kept.len() <= MAX_KEPT_BYTES);
        let cut = tail("aé", 1);
        assert_eq!(cut, "");
    }
}
