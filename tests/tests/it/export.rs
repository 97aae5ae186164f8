//! `guihua export --ndjson` against the mappings published in docs/scale-out.md.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::{guihua, root};

fn block<'a>(doc: &'a str, fence: &str) -> &'a str {
    let start = doc.find(fence).unwrap_or_else(|| panic!("{fence} block in docs/scale-out.md")) + fence.len();
    let end = doc[start..].find("```").expect("the block closes") + start;
    &doc[start..end]
}

/// Field name → the JSON kind it must hold (`string`, `number`, `array`), from the Elasticsearch mapping.
fn elasticsearch_fields(doc: &str) -> BTreeMap<String, &'static str> {
    let mapping: Value = serde_json::from_str(block(doc, "```json")).expect("the Elasticsearch mapping is JSON");
    let properties = mapping["mappings"]["properties"].as_object().expect("properties");
    properties
        .iter()
        .map(|(name, spec)| {
            let kind = match spec["type"].as_str() {
                Some("integer" | "long") => "number",
                Some("keyword" | "text") => "string or array",
                other => panic!("unexpected type {other:?}"),
            };
            (name.clone(), kind)
        })
        .collect()
}

/// Field name → JSON kind, from the Quickwit doc mapping.
fn quickwit_fields(doc: &str) -> BTreeMap<String, &'static str> {
    block(doc, "```yaml")
        .lines()
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("- {name: ")?;
            let (name, rest) = rest.split_once(", type: ")?;
            let ty = rest.split([',', '}']).next()?;
            let kind = match ty {
                "u64" | "i64" => "number",
                "text" => "string",
                t if t.starts_with("array<") => "array",
                other => panic!("unexpected type {other}"),
            };
            Some((name.to_owned(), kind))
        })
        .collect()
}

fn fits(kind: &str, value: &Value) -> bool {
    match kind {
        "number" => value.is_u64(),
        "string" => value.is_string(),
        "array" => value.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        "string or array" => value.is_string() || value.as_array().is_some_and(|a| a.iter().all(Value::is_string)),
        _ => false,
    }
}

#[test]
fn exported_units_match_both_published_mappings() {
    let doc = std::fs::read_to_string(root().join("docs/scale-out.md")).expect("docs/scale-out.md");
    let mappings = [elasticsearch_fields(&doc), quickwit_fields(&doc)];
    assert_eq!(mappings[0].len(), 10);
    assert_eq!(mappings[0].keys().collect::<Vec<_>>(), mappings[1].keys().collect::<Vec<_>>());

    let output = guihua().args(["export", "--ndjson"]).output().expect("guihua runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let units: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(units.len() > 300, "{} units", units.len());
    let mut ids = std::collections::HashSet::new();
    for unit in &units {
        let object = unit.as_object().expect("an object");
        for mapping in &mappings {
            assert_eq!(object.keys().collect::<Vec<_>>(), mapping.keys().collect::<Vec<_>>());
            for (name, kind) in mapping {
                assert!(fits(kind, &unit[name]), "{name} = {} is not {kind}", unit[name]);
            }
        }
        assert!(ids.insert(unit["id"].as_str().unwrap().to_owned()), "duplicate id {}", unit["id"]);
    }
    let paragraph =
        units.iter().find(|u| u["text"].as_str().is_some_and(|t| t.starts_with("推进大数据产业聚集发展"))).unwrap();
    let words: Vec<&str> = paragraph["words"].as_str().unwrap().split(' ').collect();
    assert_eq!(&words[..4], ["推进", "大数据", "产业", "聚集"]);
}

#[test]
fn bulk_output_alternates_actions_and_documents() {
    let output = guihua().args(["export", "--ndjson", "--bulk-index", "plans"]).output().expect("guihua runs");
    assert!(output.status.success());
    let lines: Vec<Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len() % 2, 0);
    for pair in lines.chunks(2) {
        assert_eq!(pair[0]["index"]["_index"], "plans");
        assert_eq!(pair[0]["index"]["_id"], pair[1]["id"]);
    }
    let missing_format = guihua().args(["export"]).output().unwrap();
    assert_eq!(missing_format.status.code(), Some(2));
}
