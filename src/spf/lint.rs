//! Static SPF lint (RFC 7208): placeholder.
use crate::finding::Finding;
pub fn lint_record(_name: &str, _text: &str) -> Vec<Finding> {
    Vec::new()
}
pub fn lint_txt_set(_name: &str, _texts: &[String]) -> Vec<Finding> {
    Vec::new()
}
