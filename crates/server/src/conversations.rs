//! The last messages of each conversation, so that a value split over several requests
//! ("my number is 415 555" then "2671") is caught when its last part arrives.
//!
//! This is a cache, not a record: it lives in the process's memory, is bounded (the last
//! [`MESSAGES_KEPT`] messages of at most [`MAX_CONVERSATIONS`] conversations, each message cut
//! to its last [`MAX_KEPT_BYTES`] bytes, and all of it within a byte budget, by default
//! [`DEFAULT_CACHE_BYTES`]), and losing it loses nothing acknowledged — only the chance to
//! join a split value across a restart. Deployments with several processes route a
//! conversation to one process (see the scale notes in docs/ARCHITECTURE.md).
//!
//! The budget counts what an entry holds: its id (kept once, shared by the map and the
//! eviction order), each kept message's text and sender id, and a fixed overhead per
//! conversation and per message for the collections themselves. The least recently started
//! conversations are forgotten first when either bound is reached.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use offside_policy::event::{ConversationMessage, PartyId};

/// How many messages of a conversation are kept: the detector joins values split over up
/// to four consecutive messages.
pub const MESSAGES_KEPT: usize = 4;

/// How many conversations are kept; the least recently started are forgotten first.
pub const MAX_CONVERSATIONS: usize = 100_000;

/// How much of each kept message is kept, from its end: a split value's first part is at
/// the end of its message.
pub const MAX_KEPT_BYTES: usize = 2048;

/// The default byte budget of the whole cache.
pub const DEFAULT_CACHE_BYTES: usize = 64 << 20;

/// What a conversation costs besides its id and messages: the map slot, the order slot,
/// the message queue.
const CONVERSATION_OVERHEAD: usize = 128;
/// What a kept message costs besides its text and sender id.
const MESSAGE_OVERHEAD: usize = 64;

/// The recent messages of each conversation.
pub struct ConversationBuffer {
    inner: Mutex<Inner>,
    budget: usize,
}

impl Default for ConversationBuffer {
    fn default() -> ConversationBuffer {
        ConversationBuffer::new(DEFAULT_CACHE_BYTES)
    }
}

#[derive(Default)]
struct Inner {
    messages: HashMap<Arc<str>, Kept>,
    /// Conversation ids, oldest first, for eviction.
    order: VecDeque<Arc<str>>,
    /// What everything kept costs, as [`ConversationBuffer`] counts it.
    bytes: usize,
}

struct Kept {
    messages: VecDeque<ConversationMessage>,
    bytes: usize,
}

fn message_cost(message: &ConversationMessage) -> usize {
    MESSAGE_OVERHEAD + message.text.len() + message.from.0.len()
}

impl ConversationBuffer {
    /// A cache holding at most `budget` bytes (as counted in the module header).
    pub fn new(budget: usize) -> ConversationBuffer {
        ConversationBuffer {
            inner: Mutex::new(Inner::default()),
            budget,
        }
    }

    /// The kept messages of a conversation, oldest first (at most `MESSAGES_KEPT - 1`, so
    /// that with the new message the conversation has at most `MESSAGES_KEPT`).
    pub fn recent(&self, conversation_id: &str) -> Vec<ConversationMessage> {
        let inner = self.lock();
        let Some(kept) = inner.messages.get(conversation_id) else {
            return Vec::new();
        };
        let skip = kept.messages.len().saturating_sub(MESSAGES_KEPT - 1);
        kept.messages.iter().skip(skip).cloned().collect()
    }

    /// Adds a message to a conversation, then forgets the oldest conversations until the
    /// cache is within its bounds.
    pub fn push(&self, conversation_id: &str, from: &PartyId, text: &str) {
        let mut inner = self.lock();
        let Inner {
            messages,
            order,
            bytes,
        } = &mut *inner;
        let kept = match messages.get_mut(conversation_id) {
            Some(kept) => kept,
            None => {
                let id: Arc<str> = Arc::from(conversation_id);
                order.push_back(id.clone());
                let cost = CONVERSATION_OVERHEAD + id.len();
                *bytes += cost;
                messages.entry(id).or_insert(Kept {
                    messages: VecDeque::with_capacity(MESSAGES_KEPT),
                    bytes: cost,
                })
            }
        };
        if kept.messages.len() == MESSAGES_KEPT {
            if let Some(dropped) = kept.messages.pop_front() {
                let cost = message_cost(&dropped);
                kept.bytes -= cost;
                *bytes -= cost;
            }
        }
        let message = ConversationMessage {
            from: from.clone(),
            text: tail(text, MAX_KEPT_BYTES).to_string(),
        };
        let cost = message_cost(&message);
        kept.bytes += cost;
        *bytes += cost;
        kept.messages.push_back(message);
        while order.len() > MAX_CONVERSATIONS || (*bytes > self.budget && !order.is_empty()) {
            if let Some(oldest) = order.pop_front() {
                if let Some(gone) = messages.remove(&oldest) {
                    *bytes -= gone.bytes;
                }
            }
        }
        metrics::gauge!("offside_conversation_cache_bytes").set(*bytes as f64);
        metrics::gauge!("offside_conversation_cache_conversations").set(order.len() as f64);
    }

    /// What the cache holds now, in bytes as counted against its budget.
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        self.lock().bytes
    }

    /// How many conversations the cache holds now.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().order.len()
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
    fn the_byte_budget_holds_and_the_newest_conversations_stay() {
        let budget = 100_000;
        let buffer = ConversationBuffer::new(budget);
        let alice = PartyId("alice".into());
        let text = "x".repeat(MAX_KEPT_BYTES * 2);
        for n in 0..1000 {
            let id = format!("{n:0>256}");
            buffer.push(&id, &alice, &text);
            assert!(buffer.bytes() <= budget, "{} bytes", buffer.bytes());
        }
        assert!(buffer.len() < 1000 && buffer.len() > 10, "{}", buffer.len());
        assert_eq!(buffer.recent(&format!("{:0>256}", 999)).len(), 1);
        assert!(buffer.recent(&format!("{:0>256}", 0)).is_empty());
        // Emptying a conversation's slot by eviction returns its bytes exactly.
        let tiny = ConversationBuffer::new(0);
        tiny.push("c", &alice, "hello");
        assert_eq!((tiny.len(), tiny.bytes()), (0, 0));
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
