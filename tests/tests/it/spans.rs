//! Every span of the seed points at the text it stands for.

use crate::support::seed;

#[test]
fn every_span_of_the_seed_round_trips() {
    let (doc, text) = seed();
    let errors = guihua_parse::span_errors(&doc, &text);
    assert!(errors.is_empty(), "{errors:#?}");
    // The checker is not vacuous: a shifted span is caught.
    let mut broken = doc.clone();
    broken.projects[0].span.start += 3;
    assert!(!guihua_parse::span_errors(&broken, &text).is_empty());
}

#[test]
fn spans_count_bytes_of_crlf_text() {
    let (_, text) = seed();
    let crlf = text.replace('\n', "\r\n");
    let (doc, diagnostics) = guihua_parse::parse(&crlf);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(doc.projects.len(), 171);
    let errors = guihua_parse::span_errors(&doc, &crlf);
    assert!(errors.is_empty(), "{errors:#?}");
}
