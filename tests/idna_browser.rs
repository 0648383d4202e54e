//! International names through the page's IDNA converter. On wasm32 (headless
//! Chromium, run by scripts/test.sh, which prints `idna browser: N passed, M
//! failed`) that is the browser's URL parser, installed as the page installs
//! it (`maildns::web::idn::install`); natively it is the `idna` crate. The
//! expected A-labels are what `idna::domain_to_ascii` gives (UTS #46,
//! nontransitional), so the table passing on both targets means the page
//! converts names as the native build and `cargo test` do.

use maildns::model::name::Name;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;
#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

/// Installs the browser's converter, as the page does at start-up (the
/// first install wins, so every test may call it). Nothing to do natively.
fn install() {
    #[cfg(target_arch = "wasm32")]
    maildns::web::idn::install();
}

fn to_ascii(name: &str) -> Option<String> {
    install();
    maildns::idn::to_ascii(name).ok()
}

/// One test per name, so that the runner's count is the number of names.
macro_rules! idn_cases {
    ($($test:ident: $name:expr => $want:expr;)*) => {$(
        #[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
        #[cfg_attr(not(target_arch = "wasm32"), test)]
        fn $test() {
            assert_eq!(to_ascii($name).as_deref(), $want, "{:?}", $name);
        }
    )*};
}

idn_cases! {
    latin: "bücher.example" => Some("xn--bcher-kva.example");
    mixed_case: "BüCHER.Example" => Some("xn--bcher-kva.example");
    // Nontransitional processing keeps ß (IDNA 2003 made it "ss").
    sharp_s_is_kept: "faß.de" => Some("xn--fa-hia.de");
    greek_case_folding: "ΌΣΟΣ.gr" => Some("xn--0xahb7a.gr");
    cyrillic_case_folding: "ПРИМЕР.РФ" => Some("xn--e1afmkfd.xn--p1ai");
    chinese: "例子.测试" => Some("xn--fsqu00a.xn--0zwm56d");
    chinese_mail: "邮件.中国" => Some("xn--5nq051n.xn--fiqs8s");
    ideographic_full_stop: "例子。测试" => Some("xn--fsqu00a.xn--0zwm56d");
    fullwidth_full_stop: "例子．测试" => Some("xn--fsqu00a.xn--0zwm56d");
    halfwidth_ideographic_full_stop: "例子｡测试" => Some("xn--fsqu00a.xn--0zwm56d");
    fullwidth_letters: "ｂüｃｈｅｒ。ｄｅ" => Some("xn--bcher-kva.de");
    ligature: "ﬁnd.例子" => Some("find.xn--fsqu00a");
    arabic: "مثال.إختبار" => Some("xn--mgbh0fb.xn--kgbechtv");
    underscore_label: "_dmarc.bücher.example" => Some("_dmarc.xn--bcher-kva.example");
    dkim_key_name: "s1._domainkey.bücher.example" => Some("s1._domainkey.xn--bcher-kva.example");
    wildcard: "*.bücher.example" => Some("*.xn--bcher-kva.example");
    trailing_dot: "bücher.de." => Some("xn--bcher-kva.de.");
    a_label_beside_u_label: "xn--bcher-kva.ü" => Some("xn--bcher-kva.xn--tda");
    fullwidth_address_as_written: "１９２．０．２．１" => Some("192.0.2.1");
    // UTS #46 refuses these: the joiner rule (RFC 5892 A.1), the Bidi rule
    // (RFC 5893 §2), an A-label that is not Punycode, one that decodes to
    // ASCII only.
    refused_zero_width_non_joiner: "a\u{200C}b.de" => None;
    refused_bidi_rule: "١٢٣.ü" => None;
    refused_bad_punycode: "xn--zz.ü" => None;
    refused_ascii_a_label: "ü.xn--abc-" => None;
}

// Where the page refuses what `idna` converts (the module doc of
// `maildns::idn` lists why): URL syntax, and a host the URL parser reads as
// IPv4. Natively these become names that the label rules refuse later.
#[cfg(target_arch = "wasm32")]
idn_cases! {
    browser_refuses_a_path: "bü/cher.de" => None;
    browser_refuses_user_info: "user@bü.de" => None;
    browser_refuses_a_percent: "bü%41.de" => None;
    browser_refuses_an_address_it_made: "１２７.１" => None;
    browser_refuses_a_numeric_last_label: "bücher.123" => None;
    browser_refuses_punctuation: "bü$.de" => None;
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn names_parse_and_display_through_the_converter() {
    install();
    let n = Name::host("Bücher.Example").expect("an international host name");
    assert_eq!(n.as_str(), "xn--bcher-kva.example");
    assert_eq!(n.to_unicode(), "bücher.example");
    // An A-label is accepted after its U-label converts back to it.
    assert_eq!(
        Name::host("XN--BCHER-KVA.de").map(|n| n.to_unicode()),
        Ok("bücher.de".to_string())
    );
    assert!(Name::host("xn--xn--A-8x9a").is_err());
    assert_eq!(
        Name::service("_dmarc.例子。测试").map(|n| n.as_str().to_string()),
        Ok("_dmarc.xn--fsqu00a.xn--0zwm56d".to_string())
    );
    assert_eq!(
        Name::host("a\u{200C}b.de").map_err(|e| e.code()),
        Err(maildns::i18n::code::name::BAD_IDN)
    );
}
