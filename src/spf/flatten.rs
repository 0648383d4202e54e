//! Flattening: placeholder.
pub struct FlattenSuggestion;
pub fn flatten() {}
