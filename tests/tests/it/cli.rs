//! `guihua parse` end to end: formats, several files, errors and exit codes.

use crate::support::{guihua, seed_path};

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("guihua-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

#[test]
fn parse_prints_the_document_as_json() {
    let output = guihua().arg("parse").arg(seed_path()).output().expect("guihua runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(text.lines().count(), 1, "one document, one line");
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["meta"]["title"], "河北省工业转型升级“十三五”规划");
    assert_eq!(json["source"]["path"], seed_path().display().to_string());
    assert_eq!(json["source"]["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(json["indicators"].as_array().map(Vec::len), Some(17));
}

#[test]
fn several_files_give_json_lines_and_pretty_is_for_one() {
    let output = guihua().args(["parse", "--pretty"]).arg(seed_path()).arg(seed_path()).output().expect("guihua runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    let docs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(docs.len(), 2);
    let pretty = guihua().args(["parse", "--pretty"]).arg(seed_path()).output().expect("guihua runs");
    assert!(String::from_utf8_lossy(&pretty.stdout).lines().count() > 1000);
}

#[test]
fn outline_shows_structure_at_a_glance() {
    let output = guihua().args(["parse", "--format", "outline"]).arg(seed_path()).output().expect("guihua runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(text.starts_with("河北省工业转型升级“十三五”规划\n"));
    assert!(text.contains("\n  （三）发展目标  @18\n"));
    assert!(text.contains("table 18×4 [类别 | 指标 | 2015年 | 2020年], 17 indicators, 1 note(s)  @25"));
    assert!(text.contains("专栏1 先进装备制造重点项目 — 5 paragraph(s), 28 projects  @39"));
}

#[test]
fn output_file_and_gbk_input() {
    let dir = temp_dir("gbk");
    let gbk = dir.join("seed-gbk.txt");
    let text = std::fs::read_to_string(seed_path()).expect("the seed");
    let (bytes, _, lossy) = encoding_rs::GB18030.encode(&text);
    assert!(!lossy);
    std::fs::write(&gbk, bytes).expect("write");
    let out = dir.join("out.json");
    let status = guihua().arg("parse").arg(&gbk).arg("-o").arg(&out).status().expect("guihua runs");
    assert!(status.success());
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("JSON");
    assert_eq!(json["source"]["encoding"], "gb18030");
    assert_eq!(json["projects"].as_array().map(Vec::len), Some(171));
    let forced = guihua().args(["parse", "--encoding", "gbk"]).arg(&gbk).output().expect("guihua runs");
    let json: serde_json::Value = serde_json::from_slice(&forced.stdout).expect("JSON");
    assert_eq!(json["source"]["encoding"], "GBK");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn errors_name_the_file_and_exit_2() {
    let missing = guihua().args(["parse", "no/such/plan.txt"]).output().expect("guihua runs");
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("no/such/plan.txt"), "{stderr}");

    let dir = temp_dir("binary");
    let binary = dir.join("archive.txt");
    std::fs::write(&binary, b"PK\x03\x04\x00\x00\x00").expect("write");
    let output = guihua().arg("parse").arg(&binary).arg(seed_path()).output().expect("guihua runs");
    assert_eq!(output.status.code(), Some(2), "one bad file fails the run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("archive.txt: not a text document"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1, "the good file is still parsed");
    std::fs::remove_dir_all(dir).ok();

    let unknown = guihua().args(["parse", "--encoding", "klingon"]).arg(seed_path()).output().expect("guihua runs");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown encoding `klingon`"));
}

#[test]
fn help_and_no_arguments() {
    let help = guihua().arg("--help").output().expect("guihua runs");
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("parse"));
    let bare = guihua().output().expect("guihua runs");
    assert_eq!(bare.status.code(), Some(2));
}
