//! The published JSON Schema is the one the model generates, and the seed's JSON conforms to its shape.

use crate::support::{guihua, root, seed};

#[test]
fn the_committed_schema_is_current() {
    let committed = std::fs::read_to_string(root().join("schema/guihua-document.schema.json"))
        .expect("schema/guihua-document.schema.json is committed");
    let committed: serde_json::Value = serde_json::from_str(&committed).expect("the committed schema is JSON");
    assert_eq!(
        committed,
        guihua_model::json_schema(),
        "the model changed: run `cargo run -- schema > schema/guihua-document.schema.json`, bump SCHEMA_VERSION and add a line to schema/CHANGELOG.md"
    );
}

#[test]
fn guihua_schema_prints_it() {
    let output = guihua().arg("schema").output().expect("guihua runs");
    assert!(output.status.success());
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the schema is JSON");
    assert_eq!(printed, guihua_model::json_schema());
    assert_eq!(printed["title"], "Document");
}

#[test]
fn the_json_round_trips_and_carries_the_version() {
    let (doc, _) = seed();
    let json = serde_json::to_value(&doc).expect("a document serialises");
    assert_eq!(json["schema_version"], guihua_model::SCHEMA_VERSION);
    assert_eq!(json["outline"][0]["type"], "notice");
    let back: guihua_model::Document = serde_json::from_value(json).expect("and deserialises");
    assert_eq!(back, doc);
}

/// A consumer reading the JSON gets the document back exactly, numbers included (found by the `parse` fuzz target:
/// `4.1万亿` scaled as a product of floats did not read back bit for bit).
#[test]
fn every_document_reads_back_from_its_json() {
    let (doc, _) = seed();
    let mut documents = vec![doc];
    if let Some(dir) = crate::support::shared_corpus() {
        for entry in std::fs::read_dir(dir).expect("readable").flatten() {
            let bytes = std::fs::read(entry.path()).expect("readable");
            if let Ok(parsed) = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()) {
                documents.push(parsed.document);
            }
        }
    }
    let (text, _) = guihua_parse::parse("规模以上工业增加值达到4.1万亿元，化学原料药和制剂比调整到3：7。");
    documents.push(text);
    for document in documents {
        let json = serde_json::to_string(&document).expect("serialises");
        let back: guihua_model::Document = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, document, "{:?}", document.source.path);
    }
}
