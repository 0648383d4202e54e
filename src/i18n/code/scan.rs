//! The test that keeps codes declared once: no string literal in `src/`
//! spells a declared code, except inside a `declare_codes!` block and in the
//! catalogue (`src/i18n/catalogue/`, whose messages are keyed by them), and
//! no format string builds one from parts (`"ui.gen.ttl.{kind}"`): such a
//! code escapes the compiler, so a match on the declared constants takes its
//! place.
//!
//! A small Rust lexer finds the literals: comments, char literals, lifetimes
//! and raw strings are skipped or read whole, so a quote inside them does not
//! start a string.

use super::DECLARED;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Ident(&'a str),
    Punct(char),
    /// A string literal's text between its quotes (escapes left as written),
    /// and its line.
    Str(&'a str, usize),
}

fn tokens(src: &str) -> Vec<Token<'_>> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let is_ident = |c: u8| c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80;
    while i < b.len() {
        let c = b[i];
        let rest = &b[i..];
        if c == b'\n' {
            line += 1;
            i += 1;
        } else if c.is_ascii_whitespace() {
            i += 1;
        } else if rest.starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(b[i] == b'\n');
                    i += 1;
                }
            }
        } else if let Some((prefix, hashes)) = string_start(rest) {
            let raw = prefix.contains('r');
            let start = i + prefix.len() + hashes + 1;
            let (first_line, mut j) = (line, start);
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'\n' {
                    line += 1;
                }
                if !raw && b[j] == b'\\' {
                    line += usize::from(b.get(j + 1) == Some(&b'\n'));
                    j += 2;
                    continue;
                }
                if b[j] == b'"' && b[j + 1..].iter().take(hashes).filter(|&&h| h == b'#').count() == hashes {
                    break;
                }
                j += 1;
            }
            let end = j.min(b.len());
            if prefix.is_empty() || prefix == "r" {
                out.push(Token::Str(&src[start..end], first_line));
            }
            i = end + 1 + hashes;
        } else if c == b'\'' {
            // A char literal ('x', '\'', '\u{2014}', 'é') or a lifetime ('a).
            let next_len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
            if b.get(i + 1) == Some(&b'\\') {
                let mut j = i + 3;
                while j < b.len() && b[j] != b'\'' {
                    j += 1;
                }
                i = j + 1;
            } else if b.get(i + 1 + next_len) == Some(&b'\'') {
                i += next_len + 2;
            } else {
                i += 1;
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
            }
        } else if is_ident(c) {
            let start = i;
            while i < b.len() && is_ident(b[i]) {
                i += 1;
            }
            out.push(Token::Ident(&src[start..i]));
        } else {
            out.push(Token::Punct(char::from(c)));
            i += 1;
        }
    }
    out
}

/// `"`, `r"`, `r#"`, `b"`, `br#"`, `c"`: the prefix and the number of `#`,
/// when a string literal starts here.
fn string_start(rest: &[u8]) -> Option<(&'static str, usize)> {
    for prefix in ["", "r", "b", "br", "c", "cr"] {
        if let Some(after) = rest.strip_prefix(prefix.as_bytes()) {
            let hashes = after.iter().take_while(|&&h| h == b'#').count();
            if after.get(hashes) == Some(&b'"') && (hashes == 0 || prefix.contains('r')) {
                return Some((prefix, hashes));
            }
        }
    }
    None
}

/// Whether `template` (a format string with `{...}` holes) can spell `code`,
/// each hole standing for one or more characters. Only a template that
/// starts with two segments of a code (`ui.gen.{k}`, `spf.result.{r}`) is
/// taken for one: `spf.{key}` and `{field}.name` build the plan's field
/// paths, which share the dotted style.
fn template_spells(template: &str, code: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        parts.push(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => return false,
        }
    }
    parts.push(rest);
    if parts.len() == 1 || parts[0].matches('.').count() < 2 {
        return false;
    }
    fn matches(parts: &[&str], code: &str) -> bool {
        match parts {
            [] => code.is_empty(),
            [last] => code == *last,
            [first, more @ ..] => {
                let Some(after) = code.strip_prefix(first) else {
                    return false;
                };
                // The hole after `first` takes at least one character.
                (1..=after.len()).any(|k| after.is_char_boundary(k) && matches(more, &after[k..]))
            }
        }
    }
    matches(&parts, code)
}

/// The literals of `src` that spell a code, or build one, outside a
/// `declare_codes!` block: `(line, literal)`.
fn offending<'a>(src: &'a str, declared: &HashSet<&str>) -> Vec<(usize, &'a str)> {
    let toks = tokens(src);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == Token::Ident("declare_codes") && toks.get(i + 1) == Some(&Token::Punct('!')) {
            // Skip the macro's brackets.
            let mut depth = 0;
            i += 2;
            while i < toks.len() {
                match toks[i] {
                    Token::Punct('(' | '[' | '{') => depth += 1,
                    Token::Punct(')' | ']' | '}') => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
            continue;
        }
        if let Token::Str(text, line) = toks[i] {
            let builds = text.contains('{')
                && text.contains('.')
                && declared.iter().any(|code| template_spells(text, code));
            if declared.contains(text) || builds {
                out.push((line, text));
            }
        }
        i += 1;
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_code_is_spelt_outside_its_declaration() {
    let declared: HashSet<&str> = DECLARED
        .iter()
        .flat_map(|(_, codes)| codes.iter().copied())
        .collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let catalogue = src.join("i18n").join("catalogue");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let (mut passed, mut failed) = (0, Vec::new());
    for path in files.iter().filter(|p| !p.starts_with(&catalogue)) {
        let text = std::fs::read_to_string(path).expect("read a source file");
        let found = offending(&text, &declared);
        if found.is_empty() {
            passed += 1;
        }
        let shown = path.strip_prefix(&src).unwrap_or(path).display().to_string();
        failed.extend(
            found
                .into_iter()
                .map(|(line, lit)| format!("src/{shown}:{line}: \"{lit}\"")),
        );
    }
    println!("code literals: {passed} passed, {} failed", failed.len());
    assert!(
        failed.is_empty(),
        "name these codes by their declared constant (crate::i18n::code::<area>::<NAME>):\n{}",
        failed.join("\n")
    );
}

mod tests {
    use super::*;

    #[test]
    fn lexer_reads_strings_and_skips_the_rest() {
        let src = "// \"a.b\"\n/* \"a.b\" /* nested */ */ let c = '\"'; let l: &'a str = r#\"x\"y\"#;\nf(\"a.b\", b\"a.b\", '\\'', \"esc\\\"q\")";
        let strs: Vec<_> = tokens(src)
            .into_iter()
            .filter_map(|t| match t {
                Token::Str(s, line) => Some((s, line)),
                _ => None,
            })
            .collect();
        assert_eq!(strs, [("x\"y", 2), ("a.b", 3), ("esc\\\"q", 3)]);
    }

    #[test]
    fn finds_codes_and_templates_but_not_declarations() {
        let declared: HashSet<&str> = ["zz.b", "zz.x.one", "zz.x.two"].into_iter().collect();
        let src = "declare_codes! { B = \"zz.b\", }\nlet x = \"zz.b\";\nformat!(\"zz.x.{n}\");\nformat!(\"zz.{n}\");\n\"zz.x.\"";
        assert_eq!(offending(src, &declared), [(2, "zz.b"), (3, "zz.x.{n}")]);
    }

    #[test]
    fn templates_need_two_segments_and_a_character_per_hole() {
        assert!(template_spells("zz.gen.ttl.{kind}", "zz.gen.ttl.mx"));
        assert!(template_spells("zz.gen.{p}.add", "zz.gen.hosts.add"));
        assert!(!template_spells("zz.gen.{p}.add", "zz.gen..add"));
        assert!(!template_spells("zz.{key}", "zz.ip4"));
        assert!(!template_spells("zz.ip4[{i}]", "zz.ip4"));
        assert!(!template_spells("{field}.name", "zz.host.name"));
    }
}
