//! Index safety: an update killed at any moment leaves the previous index searchable, searches run during an update,
//! the next run completes it, and folders that are not guihua indexes are neither used nor touched.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::support::{guihua, seed_path};

fn count(index: &Path, query: &str) -> (Option<i32>, String) {
    let output: Output = guihua().args(["search", query, "--count", "--index"]).arg(index).output().expect("runs");
    (output.status.code(), String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[test]
fn killing_the_indexer_fifty_times_never_loses_the_index() {
    let dir = std::env::temp_dir().join(format!("guihua-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::copy(seed_path(), docs.join("seed.txt")).unwrap();
    let growing = docs.join("growing.txt");
    std::fs::write(&growing, "一、总则\n发展产业。\n").unwrap();
    let index = dir.join("index");
    let first = guihua().arg("index").arg(&docs).arg("--index").arg(&index).output().unwrap();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let (code, before) = count(&index, "产业");
    assert_eq!(code, Some(0));
    let base: u64 = before.parse().unwrap();
    let mut last = base;

    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for round in 0..50 {
        // Each round adds a line with the query to one file: a completed update counts every line added so far.
        let mut text = std::fs::read_to_string(&growing).unwrap();
        text.push_str(&format!("第{round}轮新增产业内容。\n"));
        std::fs::write(&growing, text).unwrap();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let delay = Duration::from_millis(state % 700);
        let mut child = guihua()
            .arg("index")
            .arg(&docs)
            .arg("--index")
            .arg(&index)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay / 2);
        let (code, during) = count(&index, "产业");
        assert_eq!(code, Some(0), "round {round}: a search during the update failed");
        let during: u64 = during.parse().unwrap();
        let complete = base + round + 1;
        assert!(during == last || during == complete, "round {round}: {during} after {last}");
        std::thread::sleep(delay / 2);
        let _ = child.kill();
        let _ = child.wait();
        let (code, after) = count(&index, "产业");
        assert_eq!(code, Some(0), "round {round}: the index is not searchable after a kill");
        let after: u64 = after.parse().unwrap();
        assert!(after == last || after == complete, "round {round}: {after} after {last}");
        last = after;
    }
    let done = guihua().arg("index").arg(&docs).arg("--index").arg(&index).output().unwrap();
    assert!(done.status.success());
    let (_, final_count) = count(&index, "产业");
    assert_eq!(final_count.parse::<u64>().unwrap(), base + 50, "the next run completes");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn folders_that_are_not_indexes_are_refused_and_incompatible_ones_explained() {
    let dir = std::env::temp_dir().join(format!("guihua-notindex-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "my notes").unwrap();
    let output = guihua().arg("index").arg(seed_path()).arg("--index").arg(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("holds no guihua index"));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "nothing was written there");

    let missing = dir.join("nowhere");
    let search = guihua().args(["search", "数据", "--index"]).arg(&missing).output().unwrap();
    assert_eq!(search.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&search.stderr).contains("no index at"));
    assert!(!missing.exists(), "searching creates no folder");

    // An index of another format: the manifest payload says so.
    let index = dir.join("index");
    assert!(guihua().arg("index").arg(seed_path()).arg("--index").arg(&index).status().unwrap().success());
    let meta = index.join("meta.json");
    // The manifest stands in a file of its own, named in the commit's payload; the commit's metadata stays small.
    let manifests = |index: &std::path::Path| {
        std::fs::read_dir(index)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("guihua-manifest-"))
            .count()
    };
    assert_eq!(manifests(&index), 1);
    let text = std::fs::read_to_string(&meta).unwrap();
    assert!(!text.contains("sha256"), "the manifest is not in the commit's metadata");
    assert!(guihua().arg("index").arg(seed_path()).arg("--index").arg(&index).status().unwrap().success());
    assert_eq!(manifests(&index), 1, "the manifests of earlier commits are removed");
    let text = std::fs::read_to_string(&meta).unwrap().replace("\\\"format\\\":2", "\\\"format\\\":999");
    std::fs::write(&meta, text).unwrap();
    let stale = guihua().args(["search", "数据", "--index"]).arg(&index).output().unwrap();
    assert_eq!(stale.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&stale.stderr).contains("rebuild it with `guihua index --rebuild`"));
    let rebuilt = guihua().arg("index").arg(seed_path()).arg("--rebuild").arg("--index").arg(&index).output().unwrap();
    assert!(rebuilt.status.success(), "{}", String::from_utf8_lossy(&rebuilt.stderr));
    assert_eq!(count(&index, "大数据").1, "26");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn walking_reports_and_skips_loops_and_binary_files() {
    let dir = std::env::temp_dir().join(format!("guihua-walk-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let docs = dir.join("docs");
    std::fs::create_dir_all(docs.join("nested")).unwrap();
    std::fs::write(docs.join("nested/good.txt"), "一、总则\n发展数据产业。\n").unwrap();
    std::fs::write(docs.join("binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    std::fs::write(docs.join("notes.pdf"), "ignored by extension").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&docs, docs.join("nested/loop")).unwrap();
    let index = dir.join("index");
    let output = guihua().arg("index").arg(&docs).arg("--index").arg(&index).output().unwrap();
    assert!(output.status.success(), "skips are reported, the rest is indexed");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("binary.txt: not a text document"), "{stderr}");
    #[cfg(unix)]
    assert!(stderr.contains("2 skipped: 1 folder already visited (a symlink loop), 1 not a text document"), "{stderr}");
    assert!(stderr.contains("indexed 1 documents"), "{stderr}");
    assert_eq!(count(&index, "数据").1, "1");

    let bad = guihua().args(["search", "\"数据", "--json", "--index"]).arg(&index).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let error: serde_json::Value = serde_json::from_slice(&bad.stderr).expect("a JSON error");
    assert!(error["error"].as_str().unwrap().contains("column 1"), "{error}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn an_index_whose_manifest_is_in_the_payload_is_searched_and_upgraded() {
    // Format 1 kept the whole manifest in the commit's payload: such an index is still searched, and the next
    // `guihua index` finds its files unchanged and moves the manifest into a file of its own.
    let dir = std::env::temp_dir().join(format!("guihua-format1-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let seed = seed_path();
    let bytes = std::fs::read(&seed).unwrap();
    let key = seed.display().to_string();
    let parsed =
        guihua_parse::parse_bytes(&bytes, &guihua_parse::Options { path: Some(key.clone()), ..Default::default() })
            .unwrap();
    let mut library = guihua_index::Library::open_or_create(&dir).unwrap();
    let info = guihua_index::DocumentInfo {
        doc_id: "hebei-industry-transformation-13th-2016".into(),
        title: parsed.document.meta.title.clone().unwrap_or_default(),
        path: key.clone(),
        ..Default::default()
    };
    let units = library.add(&info, &parsed.document).unwrap();
    let sha = guihua_parse::hex_sha256(&bytes);
    let payload = serde_json::json!({"format": 1, "documents": {
        key: {"sha256": sha, "doc_id": info.doc_id, "title": info.title, "units": units}
    }});
    library.commit_with_payload(Some(&payload.to_string())).unwrap();
    drop(library);
    assert_eq!(count(&dir, "大数据"), (Some(0), "26".to_owned()));
    let again = guihua().arg("index").arg(&seed).arg("--index").arg(&dir).output().unwrap();
    assert!(again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("1 unchanged"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    let manifest = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("guihua-manifest-"))
        .expect("the manifest moved into a file");
    let text = std::fs::read_to_string(manifest.path()).unwrap();
    assert!(text.contains(&sha));
    assert_eq!(count(&dir, "大数据"), (Some(0), "26".to_owned()));
    std::fs::remove_dir_all(dir).ok();
}
