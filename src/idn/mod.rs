//! International domain names (IDNA): converting a name between its Unicode
//! form (U-labels) and its ASCII form (A-labels, `xn--…`).

pub mod punycode;
