//! Normalisation (placeholder while the real layer lands).
/// A normalised text.
pub struct Normalized<'a> {
    /// The original text.
    pub original: &'a str,
}
impl<'a> Normalized<'a> {
    /// Normalises `original`.
    pub fn new(original: &'a str) -> Normalized<'a> {
        Normalized { original }
    }
}
