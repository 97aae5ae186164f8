//! Decoder and parser: no panic; every span in bounds and on character boundaries; the JSON round-trips; parsing
//! twice gives the same document.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(parsed) = guihua_parse::parse_bytes(bytes, &guihua_parse::Options::default()) else { return };
    let errors = guihua_parse::span_errors(&parsed.document, &parsed.text);
    assert!(errors.is_empty(), "{errors:?}");
    let json = serde_json::to_string(&parsed.document).expect("a document serialises");
    let back: guihua_model::Document = serde_json::from_str(&json).expect("and deserialises");
    assert_eq!(back, parsed.document);
    let again = guihua_parse::parse_bytes(bytes, &guihua_parse::Options::default()).expect("decoded once");
    assert_eq!(again.document, parsed.document);
});
