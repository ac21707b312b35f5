//! Context.
use crate::normalize::Normalized;
use crate::Finding;
/// Resolves overlaps and context.
pub fn resolve(_text: &Normalized<'_>, _findings: &mut Vec<Finding>) {}
