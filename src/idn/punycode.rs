//! Punycode decoding, RFC 3492: the ASCII-compatible encoding behind an
//! A-label (`xn--` followed by the Punycode of the U-label, RFC 5891 §4.4).
//!
//! Only the decoder is here: turning a name into its A-labels is UTS #46
//! processing, which needs the Unicode tables (mapping, normalization, Bidi,
//! joiners); [`super`] leaves that to the `idna` crate natively and to the
//! browser on wasm32. Decoding needs no table, so both targets share this one.
//!
//! The procedure is RFC 3492 §6.2 step by step, with the Punycode parameters
//! of §5 and the bias adaptation of §6.1; "fail on overflow" (§6.4) is done
//! with checked 32-bit arithmetic.

/// RFC 3492 §5: the Punycode parameter values.
const BASE: u32 = 36;
const TMIN: u32 = 1;
const TMAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 0x80;
const DELIMITER: char = '-';

/// Why a Punycode string did not decode. `pos` is a byte offset into it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PunycodeError {
    /// A code point before the last delimiter is not basic (not ASCII).
    NonBasic { pos: usize },
    /// A code point after the last delimiter has no digit value (§5: a-z,
    /// A-Z are 0-25, 0-9 are 26-35).
    BadDigit { pos: usize },
    /// The input ends inside a variable-length integer (§3.3).
    Truncated,
    /// A value does not fit in 32 bits (§6.4).
    Overflow,
    /// A decoded code point is a surrogate or lies past U+10FFFF.
    NotAScalar { code_point: u32 },
}

/// RFC 3492 §5: "digit-values ... 0..25 are represented by a..z or A..Z,
/// 26..35 by 0..9".
fn digit_value(byte: u8) -> Option<u32> {
    match byte {
        b'a'..=b'z' => Some(u32::from(byte - b'a')),
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 26),
        _ => None,
    }
}

/// RFC 3492 §6.1, the bias adaptation function.
fn adapt(delta: u32, numpoints: u32, first_time: bool) -> u32 {
    // "if firsttime then let delta = delta div damp else let delta = delta div 2"
    let mut delta = if first_time { delta / DAMP } else { delta / 2 };
    // "let delta = delta + (delta div numpoints)"
    delta += delta / numpoints;
    let mut k = 0;
    // "while delta > ((base - tmin) * tmax) div 2 do ..."
    while delta > ((BASE - TMIN) * TMAX) / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    // "return k + (((base - tmin + 1) * delta) div (delta + skew))"
    k + ((BASE - TMIN + 1) * delta) / (delta + SKEW)
}

/// Decodes a Punycode string (the part of an A-label after `xn--`) into the
/// Unicode string it represents, RFC 3492 §6.2. Letters before the last
/// delimiter are copied as they are (§3.1, basic code point segregation);
/// no case folding or validation beyond the algorithm's own failures.
pub fn decode(input: &str) -> Result<String, PunycodeError> {
    // §6.2: "consume all code points before the last delimiter (if there is
    // one) and copy them to output, fail on any non-basic code point; if more
    // than zero code points were consumed then consume one more (which will
    // be the last delimiter)". A delimiter at position 0 consumes nothing and
    // is then read as a digit, which fails.
    let (basic, extended, offset) = match input.rfind(DELIMITER) {
        Some(d) if d > 0 => (&input[..d], &input[d + 1..], d + 1),
        _ => ("", input, 0),
    };
    if let Some(pos) = basic.bytes().position(|b| !b.is_ascii()) {
        return Err(PunycodeError::NonBasic { pos });
    }
    let mut output: Vec<char> = basic.chars().collect();
    let mut n = INITIAL_N;
    let mut i: u32 = 0;
    let mut bias = INITIAL_BIAS;
    let mut digits = extended.bytes().enumerate().peekable();
    // "while the input is not exhausted do begin"
    while digits.peek().is_some() {
        let old_i = i;
        let mut w: u32 = 1;
        // "for k = base to infinity in steps of base do begin"
        let mut k = BASE;
        loop {
            // "consume a code point, or fail if there was none to consume"
            let (at, byte) = digits.next().ok_or(PunycodeError::Truncated)?;
            // "let digit = the code point's digit-value, fail if it has none"
            let digit = digit_value(byte).ok_or(PunycodeError::BadDigit { pos: offset + at })?;
            // "let i = i + digit * w, fail on overflow"
            i = digit
                .checked_mul(w)
                .and_then(|dw| i.checked_add(dw))
                .ok_or(PunycodeError::Overflow)?;
            // "let t = tmin if k <= bias {+ tmin}, or tmax if k >= bias +
            // tmax, or k - bias otherwise" (the braced `+ tmin` is optional,
            // §6.2 note; the sample implementation of appendix C omits it).
            let t = if k <= bias {
                TMIN
            } else if k >= bias + TMAX {
                TMAX
            } else {
                k - bias
            };
            // "if digit < t then break"
            if digit < t {
                break;
            }
            // "let w = w * (base - t), fail on overflow"
            w = w.checked_mul(BASE - t).ok_or(PunycodeError::Overflow)?;
            k = k.checked_add(BASE).ok_or(PunycodeError::Overflow)?;
        }
        let len = u32::try_from(output.len() + 1).map_err(|_| PunycodeError::Overflow)?;
        // "let bias = adapt(i - oldi, length(output) + 1, test oldi is 0?)"
        bias = adapt(i - old_i, len, old_i == 0);
        // "let n = n + i div (length(output) + 1), fail on overflow"
        n = n.checked_add(i / len).ok_or(PunycodeError::Overflow)?;
        // "let i = i mod (length(output) + 1)"
        i %= len;
        // "{if n is a basic code point then fail}": never true for Punycode,
        // n starts at initial_n = 0x80 and only grows (§6.2 note). A value
        // that is no Unicode scalar value cannot be output at all.
        let ch = char::from_u32(n).ok_or(PunycodeError::NotAScalar { code_point: n })?;
        // "insert n into output at position i; increment i". `i` is at most
        // the output's length, so the index is in range.
        output.insert(i as usize, ch);
        i += 1;
    }
    Ok(output.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(code_points: &[u32]) -> String {
        code_points.iter().filter_map(|&c| char::from_u32(c)).collect()
    }

    /// RFC 3492 §7.1, the sample strings (A) to (S): the Unicode string as
    /// the RFC lists it (code points) and its Punycode.
    #[test]
    fn rfc3492_sample_strings_decode() {
        #[rustfmt::skip]
        let samples: &[(&str, &[u32], &str)] = &[
            ("(A) Arabic (Egyptian)", &[
                0x0644, 0x064A, 0x0647, 0x0645, 0x0627, 0x0628, 0x062A, 0x0643, 0x0644,
                0x0645, 0x0648, 0x0634, 0x0639, 0x0631, 0x0628, 0x064A, 0x061F,
            ], "egbpdaj6bu4bxfgehfvwxn"),
            ("(B) Chinese (simplified)", &[
                0x4ED6, 0x4EEC, 0x4E3A, 0x4EC0, 0x4E48, 0x4E0D, 0x8BF4, 0x4E2D, 0x6587,
            ], "ihqwcrb4cv8a8dqg056pqjye"),
            ("(C) Chinese (traditional)", &[
                0x4ED6, 0x5011, 0x7232, 0x4EC0, 0x9EBD, 0x4E0D, 0x8AAA, 0x4E2D, 0x6587,
            ], "ihqwctvzc91f659drss3x8bo0yb"),
            ("(D) Czech", &[
                0x0050, 0x0072, 0x006F, 0x010D, 0x0070, 0x0072, 0x006F, 0x0073, 0x0074,
                0x011B, 0x006E, 0x0065, 0x006D, 0x006C, 0x0075, 0x0076, 0x00ED, 0x010D,
                0x0065, 0x0073, 0x006B, 0x0079,
            ], "Proprostnemluvesky-uyb24dma41a"),
            ("(E) Hebrew", &[
                0x05DC, 0x05DE, 0x05D4, 0x05D4, 0x05DD, 0x05E4, 0x05E9, 0x05D5, 0x05D8,
                0x05DC, 0x05D0, 0x05DE, 0x05D3, 0x05D1, 0x05E8, 0x05D9, 0x05DD, 0x05E2,
                0x05D1, 0x05E8, 0x05D9, 0x05EA,
            ], "4dbcagdahymbxekheh6e0a7fei0b"),
            ("(F) Hindi (Devanagari)", &[
                0x092F, 0x0939, 0x0932, 0x094B, 0x0917, 0x0939, 0x093F, 0x0928, 0x094D,
                0x0926, 0x0940, 0x0915, 0x094D, 0x092F, 0x094B, 0x0902, 0x0928, 0x0939,
                0x0940, 0x0902, 0x092C, 0x094B, 0x0932, 0x0938, 0x0915, 0x0924, 0x0947,
                0x0939, 0x0948, 0x0902,
            ], "i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd"),
            ("(G) Japanese (kanji and hiragana)", &[
                0x306A, 0x305C, 0x307F, 0x3093, 0x306A, 0x65E5, 0x672C, 0x8A9E, 0x3092,
                0x8A71, 0x3057, 0x3066, 0x304F, 0x308C, 0x306A, 0x3044, 0x306E, 0x304B,
            ], "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa"),
            ("(H) Korean (Hangul syllables)", &[
                0xC138, 0xACC4, 0xC758, 0xBAA8, 0xB4E0, 0xC0AC, 0xB78C, 0xB4E4, 0xC774,
                0xD55C, 0xAD6D, 0xC5B4, 0xB97C, 0xC774, 0xD574, 0xD55C, 0xB2E4, 0xBA74,
                0xC5BC, 0xB9C8, 0xB098, 0xC88B, 0xC744, 0xAE4C,
            ], "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c"),
            ("(I) Russian (Cyrillic)", &[
                0x043F, 0x043E, 0x0447, 0x0435, 0x043C, 0x0443, 0x0436, 0x0435, 0x043E,
                0x043D, 0x0438, 0x043D, 0x0435, 0x0433, 0x043E, 0x0432, 0x043E, 0x0440,
                0x044F, 0x0442, 0x043F, 0x043E, 0x0440, 0x0443, 0x0441, 0x0441, 0x043A,
                0x0438,
            ], "b1abfaaepdrnnbgefbadotcwatmq2g4l"),
            ("(J) Spanish", &[
                0x0050, 0x006F, 0x0072, 0x0071, 0x0075, 0x00E9, 0x006E, 0x006F, 0x0070,
                0x0075, 0x0065, 0x0064, 0x0065, 0x006E, 0x0073, 0x0069, 0x006D, 0x0070,
                0x006C, 0x0065, 0x006D, 0x0065, 0x006E, 0x0074, 0x0065, 0x0068, 0x0061,
                0x0062, 0x006C, 0x0061, 0x0072, 0x0065, 0x006E, 0x0045, 0x0073, 0x0070,
                0x0061, 0x00F1, 0x006F, 0x006C,
            ], "PorqunopuedensimplementehablarenEspaol-fmd56a"),
            ("(K) Vietnamese", &[
                0x0054, 0x1EA1, 0x0069, 0x0073, 0x0061, 0x006F, 0x0068, 0x1ECD, 0x006B,
                0x0068, 0x00F4, 0x006E, 0x0067, 0x0074, 0x0068, 0x1EC3, 0x0063, 0x0068,
                0x1EC9, 0x006E, 0x00F3, 0x0069, 0x0074, 0x0069, 0x1EBF, 0x006E, 0x0067,
                0x0056, 0x0069, 0x1EC7, 0x0074,
            ], "TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g"),
            ("(L) 3<nen>B<gumi><kinpachi><sensei>", &[
                0x0033, 0x5E74, 0x0042, 0x7D44, 0x91D1, 0x516B, 0x5148, 0x751F,
            ], "3B-ww4c5e180e575a65lsy2b"),
            ("(M) <amuro><namie>-with-SUPER-MONKEYS", &[
                0x5B89, 0x5BA4, 0x5948, 0x7F8E, 0x6075, 0x002D, 0x0077, 0x0069, 0x0074,
                0x0068, 0x002D, 0x0053, 0x0055, 0x0050, 0x0045, 0x0052, 0x002D, 0x004D,
                0x004F, 0x004E, 0x004B, 0x0045, 0x0059, 0x0053,
            ], "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"),
            ("(N) Hello-Another-Way-<sorezore><no><basho>", &[
                0x0048, 0x0065, 0x006C, 0x006C, 0x006F, 0x002D, 0x0041, 0x006E, 0x006F,
                0x0074, 0x0068, 0x0065, 0x0072, 0x002D, 0x0057, 0x0061, 0x0079, 0x002D,
                0x305D, 0x308C, 0x305E, 0x308C, 0x306E, 0x5834, 0x6240,
            ], "Hello-Another-Way--fc4qua05auwb3674vfr0b"),
            ("(O) <hitotsu><yane><no><shita>2", &[
                0x3072, 0x3068, 0x3064, 0x5C4B, 0x6839, 0x306E, 0x4E0B, 0x0032,
            ], "2-u9tlzr9756bt3uc0v"),
            ("(P) Maji<de>Koi<suru>5<byou><mae>", &[
                0x004D, 0x0061, 0x006A, 0x0069, 0x3067, 0x004B, 0x006F, 0x0069, 0x3059,
                0x308B, 0x0035, 0x79D2, 0x524D,
            ], "MajiKoi5-783gue6qz075azm5e"),
            ("(Q) <pafii>de<runba>", &[
                0x30D1, 0x30D5, 0x30A3, 0x30FC, 0x0064, 0x0065, 0x30EB, 0x30F3, 0x30D0,
            ], "de-jg4avhby1noc0d"),
            ("(R) <sono><supiido><de>", &[
                0x305D, 0x306E, 0x30B9, 0x30D4, 0x30FC, 0x30C9, 0x3067,
            ], "d9juau41awczczp"),
            ("(S) -> $1.00 <-", &[
                0x002D, 0x003E, 0x0020, 0x0024, 0x0031, 0x002E, 0x0030, 0x0030, 0x0020,
                0x003C, 0x002D,
            ], "-> $1.00 <--"),
        ];
        for (name, code_points, punycode) in samples {
            assert_eq!(
                decode(punycode).as_deref(),
                Ok(text(code_points).as_str()),
                "{name}"
            );
        }
    }

    #[test]
    fn common_labels_decode() {
        for (punycode, want) in [
            ("bcher-kva", "bücher"),
            ("fa-hia", "faß"),
            ("5nq051n", "邮件"),
            ("fiqs8s", "中国"),
            ("tda", "ü"),
            ("", ""),
            ("abc-", "abc"),
            // Digits are case-insensitive (§5); basic code points are kept.
            ("BCHER-KVA", "BüCHER"),
        ] {
            assert_eq!(decode(punycode).as_deref(), Ok(want), "{punycode}");
        }
    }

    #[test]
    fn malformed_input_fails_without_panicking() {
        for (punycode, want) in [
            ("zz", PunycodeError::Truncated),
            ("z", PunycodeError::Truncated),
            ("ü-tda", PunycodeError::NonBasic { pos: 0 }),
            ("abc-!", PunycodeError::BadDigit { pos: 4 }),
            ("a-b-ü", PunycodeError::BadDigit { pos: 4 }),
            // A delimiter at position 0 is read as a digit (§6.2).
            ("-abc", PunycodeError::BadDigit { pos: 0 }),
            ("99999999999", PunycodeError::Overflow),
            // A lone surrogate (what an encoder given U+D800 writes).
            ("ib9b", PunycodeError::NotAScalar { code_point: 0xD800 }),
        ] {
            assert_eq!(decode(punycode), Err(want), "{punycode}");
        }
    }

    proptest::proptest! {
        /// Nothing a user or a DNS answer can hold panics the decoder.
        #[test]
        fn never_panics(s in "[a-zA-Z0-9-]{0,40}|\\PC{0,40}") {
            let _ = decode(&s);
        }
    }
}
