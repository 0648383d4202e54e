//! MTA-STS (RFC 8461): the `_mta-sts` discovery record (§3.1) and the policy
//! file served over HTTPS (§3.2), with MX matching (§4.1) and a coverage lint
//! that compares the policy with the domain's MX hosts.

pub mod kit;
pub mod live;
pub mod policy;
pub mod txt;

pub use policy::{check_mx_coverage, policy_matches_mx, Mode, MtaStsPolicy, MxPattern, PolicyError};
pub use txt::{MtaStsError, MtaStsRecord};
