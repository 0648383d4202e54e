use super::*;
use std::cell::Cell;

/// Names and their A-label form, as `idna::domain_to_ascii` gives them
/// (UTS #46 nontransitional). The same names go through the browser's URL
/// parser in `tests/idna_browser.rs`.
const CONVERTED: &[(&str, &str)] = &[
    ("bücher.example", "xn--bcher-kva.example"),
    ("Bücher.Example", "xn--bcher-kva.example"),
    // Nontransitional: ß stays (it would become "ss" in IDNA 2003).
    ("faß.de", "xn--fa-hia.de"),
    ("ΌΣΟΣ.gr", "xn--0xahb7a.gr"),
    ("ПРИМЕР.РФ", "xn--e1afmkfd.xn--p1ai"),
    ("例子.测试", "xn--fsqu00a.xn--0zwm56d"),
    // UTS #46 §4 step 1 maps the ideographic and full-width full stops to `.`.
    ("例子。测试", "xn--fsqu00a.xn--0zwm56d"),
    ("例子．测试", "xn--fsqu00a.xn--0zwm56d"),
    ("ｂüｃｈｅｒ。ｄｅ", "xn--bcher-kva.de"),
    ("_dmarc.bücher.example", "_dmarc.xn--bcher-kva.example"),
    ("*.bücher.example", "*.xn--bcher-kva.example"),
    ("bücher.de.", "xn--bcher-kva.de."),
    ("xn--bcher-kva.ü", "xn--bcher-kva.xn--tda"),
    ("مثال.إختبار", "xn--mgbh0fb.xn--kgbechtv"),
    ("ﬁnd.例子", "find.xn--fsqu00a"),
];

/// Names UTS #46 refuses (the joiner rule, the Bidi rule, an `xn--` label
/// that is not Punycode).
const REFUSED: &[&str] = &["a\u{200C}b.de", "١٢٣.ü", "xn--zz.ü"];

#[test]
fn converts_international_names() {
    for (name, want) in CONVERTED {
        assert_eq!(to_ascii(name).as_deref(), Ok(*want), "{name}");
    }
    for name in REFUSED {
        assert!(to_ascii(name).is_err(), "{name}");
    }
}

#[test]
fn ascii_is_lowercased_and_its_a_labels_checked() {
    assert_eq!(to_ascii("Mail.Example.COM.").as_deref(), Ok("mail.example.com."));
    assert_eq!(to_ascii("XN--BCHER-KVA.de").as_deref(), Ok("xn--bcher-kva.de"));
    assert_eq!(to_ascii("_dmarc.a_b.*").as_deref(), Ok("_dmarc.a_b.*"));
    for bad in ["xn--zz.com", "xn--", "a.xn--abc-", "xn---abc"] {
        assert!(matches!(to_ascii(bad), Err(IdnError::BadALabel { .. })), "{bad}");
    }
}

#[test]
fn decodes_a_labels_and_keeps_the_rest() {
    for (ascii, want) in [
        ("xn--bcher-kva.example", "bücher.example"),
        ("xn--5nq051n.xn--fiqs8s", "邮件.中国"),
        ("_dmarc.xn--fa-hia.de.", "_dmarc.faß.de."),
        ("mail.example.com", "mail.example.com"),
        ("", ""),
    ] {
        assert_eq!(decode(ascii).as_deref(), Ok(want), "{ascii}");
        assert_eq!(to_unicode(ascii), want, "{ascii}");
    }
    // No mapping: basic code points keep their case (RFC 3492 §3.1); the
    // round trip through to_ascii is what refuses such a label.
    assert_eq!(decode("XN--BCHER-KVA.de").as_deref(), Ok("BüCHER.de"));
    // Every converted name reads back as its mapped Unicode form.
    for (name, ascii) in CONVERTED {
        let unicode = to_unicode(ascii);
        assert_eq!(to_ascii(&unicode).as_deref(), Ok(*ascii), "{name}");
    }
}

#[test]
fn display_keeps_the_ascii_form_of_what_no_u_label_holds() {
    for ascii in [
        "xn--zz.com",        // not Punycode
        "xn--abc-.com",      // decodes to ASCII only
        "xn--abc-4q0a.com",  // U+202E RIGHT-TO-LEFT OVERRIDE, then "abc"
        "xn--abcd-rw3c.com", // U+3002 inside a label
        "xn--a b-bma.com",   // a space
        "xn--x-eha569u.com", // U+200B ZERO WIDTH SPACE
    ] {
        assert_eq!(to_unicode(ascii), ascii, "{ascii}");
    }
}

/// The guard on the browser's answer, with stand-in converters.
#[test]
fn a_converter_answer_is_kept_only_when_it_is_a_plain_host() {
    let answer = |a: &'static str| move |_: &str| Some(a.to_string());
    assert_eq!(
        convert_with("ü.example", answer("xn--tda.example")).as_deref(),
        Ok("xn--tda.example")
    );
    assert_eq!(
        convert_with("ü..de.", answer("xn--tda..de.")).as_deref(),
        Ok("xn--tda..de.")
    );
    for bad in [
        "XN--TDA.example",
        "xn--tda.exa mple",
        "xn--$-dha.de",
        "*.xn--tda",
        "",
    ] {
        assert_eq!(convert_with("ü", answer(bad)), Err(IdnError::Refused), "{bad:?}");
    }
    // An A-label in the answer must decode, however lax the converter.
    assert_eq!(
        convert_with("ü.xn--abc-", answer("xn--tda.xn--abc-")),
        Err(IdnError::BadALabel {
            label: "xn--abc-".to_string()
        })
    );
    assert_eq!(convert_with("ü", |_: &str| None), Err(IdnError::Refused));
}

/// A leftmost wildcard goes over as `_` (Chromium refuses `*` in a host).
#[test]
fn a_wildcard_label_travels_as_an_underscore() {
    let seen = std::cell::RefCell::new(String::new());
    let convert = |n: &str| {
        seen.replace(n.to_string());
        idna::domain_to_ascii(n).ok()
    };
    assert_eq!(
        convert_with("*.bücher.de", convert).as_deref(),
        Ok("*.xn--bcher-kva.de")
    );
    assert_eq!(seen.borrow().as_str(), "_.bücher.de");
    assert_eq!(
        convert_with("*。例子", |n: &str| idna::domain_to_ascii(n).ok()).as_deref(),
        Ok("*.xn--fsqu00a")
    );
    // `*` anywhere else is not handed over.
    for name in ["a.*.bücher.de", "*ü.de", "ü.*"] {
        assert_eq!(
            convert_with(name, |_: &str| Some("x".to_string())),
            Err(IdnError::Refused),
            "{name}"
        );
    }
}

#[test]
fn an_address_answer_is_kept_only_when_the_input_said_it() {
    let answer = |a: &'static str| move |_: &str| Some(a.to_string());
    // `１９２．０．２．１` maps to `192.0.2.1`: the same text, kept (the
    // caller's label rules then refuse an all-numeric top-level label).
    assert_eq!(
        convert_with("１９２．０．２．１", answer("192.0.2.1")).as_deref(),
        Ok("192.0.2.1")
    );
    // A reinterpretation is refused: `１２７.１` is not `127.0.0.1`.
    assert_eq!(
        convert_with("１２７.１", answer("127.0.0.1")),
        Err(IdnError::Refused)
    );
    assert_eq!(
        convert_with("ü.example", answer("192.0.2.1")),
        Err(IdnError::Refused)
    );
    assert_eq!(
        convert_with("ü.example", answer("192.0.2.1.")),
        Err(IdnError::Refused)
    );
    assert!(ends_in_number("a.0x7f") && ends_in_number("1.2.") && ends_in_number("0x"));
    assert!(!ends_in_number("a.b") && !ends_in_number("1.b") && !ends_in_number("."));
}

#[test]
fn url_syntax_never_reaches_the_converter() {
    for name in [
        "bü/cher.de",
        "bü?x",
        "bü#x",
        "bü\\x",
        "user@bü.de",
        "bü.de:80",
        "bü%41.de",
        "bü cher.de",
        "bü\tcher.de",
        "bü\ncher.de",
        " bü.de",
        "bü$.de",
    ] {
        let called = Cell::new(false);
        let got = convert_with(name, |n: &str| {
            called.set(true);
            idna::domain_to_ascii(n).ok()
        });
        assert_eq!(got, Err(IdnError::Refused), "{name:?}");
        assert!(!called.get(), "{name:?} was handed to the converter");
    }
}

/// With `idna` standing in for the browser, the guard refuses none of the
/// valid names: what the page accepts is what the native build accepts.
#[test]
fn the_guard_keeps_every_valid_conversion() {
    for (name, want) in CONVERTED {
        let got = convert_with(name, |n: &str| idna::domain_to_ascii(n).ok());
        assert_eq!(got.as_deref(), Ok(*want), "{name}");
    }
}

proptest::proptest! {
    /// The decoder agrees with `idna::domain_to_unicode` on every name `idna`
    /// converts and reads back without error; the display form too, unless
    /// the name holds what no name on screen should (`ͺ` maps to a space and
    /// `ι` with UseSTD3ASCIIRules off: shown as its A-label).
    #[test]
    fn decoding_agrees_with_idna(name in "[a-z0-9\u{e0}-\u{24f}\u{370}-\u{3ff}\u{430}-\u{44f}\u{5d0}-\u{5ea}\u{620}-\u{64a}\u{3041}-\u{3096}\u{4e00}-\u{4e40}.-]{1,30}") {
        if let Ok(ascii) = idna::domain_to_ascii(&name) {
            let (unicode, result) = idna::domain_to_unicode(&ascii);
            if result.is_ok() {
                proptest::prop_assert_eq!(decode(&ascii), Ok(unicode.clone()));
                let shown = if unicode.chars().all(is_displayable) { unicode } else { ascii.clone() };
                proptest::prop_assert_eq!(to_unicode(&ascii), shown);
            }
        }
    }
}
