//! The one door from user input to a command line: a host name becomes a
//! [`HostWord`] only if it is a plain DNS host name in A-label form (RFC 1123
//! §2.1 LDH labels, RFC 5891 §4 for IDN), and an address only ever arrives as
//! an [`IpAddr`], whose `Display` prints digits, hex, `.` and `:`. Anything
//! else is refused, so `;`, spaces, `$`, backticks, quotes or a leading `-`
//! (an option to the program) can never reach a command.
//!
//! A [`Command`] is kept as its words (argv), not as a string; its
//! `Display` joins them for a POSIX shell and quotes any word that is not
//! plainly safe (defence in depth: with the checks above no input-derived
//! word ever needs it).

use crate::model::name::{Name, NameError};
use serde::Serialize;
use std::fmt;

/// A host name safe to put on a command line: lowercase LDH labels joined
/// by dots, no leading hyphen, no trailing dot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HostWord(String);

impl HostWord {
    /// Reads a host name as typed (Unicode is converted to its A-label
    /// form). An IP literal is refused (`NameError::IpLiteral`): an MX names
    /// a host (RFC 5321 §5.1), and its addresses are given apart.
    pub fn parse(input: &str) -> Result<HostWord, NameError> {
        HostWord::from_name(&Name::host(input)?)
    }

    /// A host name the plan already validated, checked again at this
    /// boundary: only `a-z 0-9 - .`, and neither empty nor starting with `-`.
    pub fn from_name(name: &Name) -> Result<HostWord, NameError> {
        let s = name.as_str();
        if s.is_empty() {
            return Err(NameError::Empty);
        }
        if let Some((pos, ch)) = s
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '.'))
        {
            return Err(NameError::BadChar { ch, pos });
        }
        if s.starts_with('-') || s.starts_with('.') {
            let label = s.split('.').next().unwrap_or_default().to_string();
            return Err(NameError::HyphenEdge { label, pos: 0 });
        }
        Ok(HostWord(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HostWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Bytes a POSIX shell gives no meaning to inside a word.
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.:@/+=,".contains(&b)
}

/// True if `word` needs no quoting: non-empty, and only [`is_plain`] bytes.
pub fn is_plain_word(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(is_plain)
}

/// `word` as one POSIX shell word: as it is when plain, else in single
/// quotes (a `'` inside written as `'\''`).
pub fn quote(word: &str) -> String {
    if is_plain_word(word) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// One command to run: the program and its arguments, one word each.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Command {
    pub argv: Vec<String>,
    /// Read standard input from `/dev/null`: `openssl s_client` otherwise
    /// waits for the user to type.
    pub stdin_null: bool,
}

impl Command {
    pub fn new<I, S>(argv: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Command {
            argv: argv.into_iter().map(Into::into).collect(),
            stdin_null: false,
        }
    }

    pub fn stdin_null(mut self) -> Command {
        self.stdin_null = true;
        self
    }
}

impl fmt::Display for Command {
    /// The line to paste into a POSIX shell.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words: Vec<String> = self.argv.iter().map(|w| quote(w)).collect();
        f.write_str(&words.join(" "))?;
        if self.stdin_null {
            f.write_str(" </dev/null")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_host_names_become_words() {
        assert_eq!(
            HostWord::parse("MX1.Example.COM.").map(|w| w.0),
            Ok("mx1.example.com".into())
        );
        for bad in [
            "",
            "mx.example.com; rm -rf /",
            "mx.example.com rm",
            "$(id).example.com",
            "`id`.example.com",
            "-oProxyCommand=x",
            "mx.example.com|nc",
            "mx'.example.com",
            "mx\".example.com",
            "mx\n.example.com",
            "192.0.2.1",
            "2001:db8::1",
            "[2001:db8::1]",
            "*.example.com",
            "_25._tcp.example.com",
        ] {
            assert!(HostWord::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn words_are_quoted_unless_plain() {
        assert_eq!(quote("mx.example.com:25"), "mx.example.com:25");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
        let c = Command::new(["openssl", "s_client", "-connect", "mx.example.com:25"]).stdin_null();
        assert_eq!(
            c.to_string(),
            "openssl s_client -connect mx.example.com:25 </dev/null"
        );
    }
}
