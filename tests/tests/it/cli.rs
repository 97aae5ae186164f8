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

/// Three small plans: a renamed section, a split, a merge, a dropped and a new topic.
fn compare_plans() -> Vec<std::path::PathBuf> {
    let dir = temp_dir("compare-sections");
    let plans = [
        "一、发展目标\n全省粮食产量稳定在700亿斤，农民收入持续增长，农村基础设施明显改善。\n二、科技创新与人才培养\n加强基础研究和关键核心技术攻关，建设国家实验室。培养高层次科技人才，完善人才引进政策。\n三、生态环境保护\n治理大气污染，削减燃煤消费总量。\n",
        "一、总体目标\n全省粮食产量稳定在700亿斤以上，农民收入持续较快增长，农村基础设施全面改善。\n二、科技创新\n加强基础研究和关键核心技术攻关，建设国家实验室。\n三、人才队伍\n培养高层次科技人才，完善人才引进政策。\n四、数字经济\n发展大数据和人工智能，建设数据中心。\n",
        "一、总体目标\n全省粮食产量稳定在700亿斤以上，农民收入持续较快增长。\n二、数字经济\n发展大数据和人工智能，建设数据中心和算力网络。\n",
    ];
    plans
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let path = dir.join(format!("plan{}.txt", k + 1));
            std::fs::write(&path, text).expect("a plan file");
            path
        })
        .collect()
}

#[test]
fn compare_sections_gives_one_json_row_per_relation() {
    let plans = compare_plans();
    let output =
        guihua().args(["compare", "--sections", "--format", "json"]).args(&plans[..2]).output().expect("guihua runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let find = |relation: &str, new_title: &str| {
        rows.iter()
            .find(|r| {
                r["relation"] == relation
                    && (r["new"]["title"] == new_title || (new_title.is_empty() && r["new"].is_null()))
            })
            .unwrap_or_else(|| panic!("a {relation} row for {new_title:?}: {rows:#?}"))
    };
    let same = find("same", "总体目标");
    assert_eq!(same["old"]["title"], "发展目标");
    assert_eq!(
        (same["old"]["number"].as_str(), same["old"]["level"].as_u64(), same["old"]["line"].as_u64()),
        (Some("一、"), Some(1), Some(1))
    );
    assert_eq!((same["new"]["node"].as_str(), same["new"]["line"].as_u64()), (Some("section-1"), Some(1)));
    assert!(same["score"].as_f64().is_some_and(|s| (0.0..=1.0).contains(&s)));
    assert!(same["terms"].as_array().is_some_and(|t| !t.is_empty()), "shared terms justify the pair: {same}");
    assert_eq!(find("split", "科技创新")["old"]["title"], "科技创新与人才培养");
    assert_eq!(find("split", "人才队伍")["old"]["title"], "科技创新与人才培养");
    assert!(find("new-only", "数字经济")["old"].is_null());
    let dropped = rows.iter().find(|r| r["relation"] == "old-only").expect("an old-only row");
    assert_eq!((dropped["old"]["title"].as_str(), dropped["score"].as_f64()), (Some("生态环境保护"), Some(0.0)));
    assert_eq!((same["old_plan"].as_str(), same["new_plan"].as_str()), (Some("plan1"), Some("plan2")));
    assert!(rows.iter().filter(|r| r.get("old").is_some()).all(|r| r["kind"].is_string()), "every row says its kind");
}

#[test]
fn compare_sections_puts_reworded_indicators_and_goals_side_by_side() {
    let dir = temp_dir("compare-values");
    let (old, new) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&old, "一、主要目标\n到2020年，研究与试验发展经费投入强度达到2.5%，森林覆盖率达到35%。\n")
        .expect("a plan");
    std::fs::write(&new, "一、主要目标\n到2025年，研发经费投入强度达到3%，城镇化率达到65%。\n").expect("a plan");
    let output =
        guihua().args(["compare", "--sections", "--format", "json"]).arg(&old).arg(&new).output().expect("guihua runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let rows: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let goal = rows
        .iter()
        .find(|r| r["kind"] == "target" && r["relation"] == "same")
        .unwrap_or_else(|| panic!("a matched goal: {rows:#?}"));
    assert_eq!(goal["old"]["title"], "研究与试验发展经费投入强度");
    assert_eq!(goal["new"]["title"], "研发经费投入强度");
    assert_eq!(
        (goal["old"]["value"].as_str(), goal["new"]["value"].as_str()),
        (Some("2.5%（2020）"), Some("3%（2025）"))
    );
    assert_eq!((goal["old"]["line"].as_u64(), goal["new"]["unit"].as_str()), (Some(2), Some("%")));
    let text = guihua().args(["compare", "--sections"]).arg(&old).arg(&new).output().expect("guihua runs");
    let text = String::from_utf8(text.stdout).expect("UTF-8");
    assert!(text.contains("goals: 1 in both, 1 only in old, 1 only in new"), "{text}");
}

#[test]
fn compare_sections_chains_plans_and_writes_every_format() {
    let plans = compare_plans();
    let json = guihua().args(["compare", "--sections", "--format", "json"]).args(&plans).output().expect("guihua runs");
    assert!(json.status.success());
    let text = String::from_utf8(json.stdout).expect("UTF-8");
    let chain: Vec<(String, String)> = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .map(|r| (r["old_plan"].as_str().unwrap_or("").to_owned(), r["new_plan"].as_str().unwrap_or("").to_owned()))
        .collect();
    assert!(chain.contains(&("plan1".into(), "plan2".into())) && chain.contains(&("plan2".into(), "plan3".into())));
    assert!(!chain.contains(&("plan1".into(), "plan3".into())), "each plan with the next");
    let run = |format: &str| {
        let out = guihua()
            .args(["compare", "--sections", "--format", format])
            .args(&plans[..2])
            .output()
            .expect("guihua runs");
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let text = run("text");
    assert!(text.starts_with("plan1 → plan2: 1 same, 2 split, 0 merged, 1 old-only, 1 new-only\n"), "{text}");
    assert!(text.contains("一、发展目标 (line 1) ⇒ 一、总体目标 (line 1)"), "{text}");
    let markdown = run("markdown");
    assert!(markdown.contains("| relation | score | plan1 | plan2 | shared terms |"), "{markdown}");
    let csv = run("csv");
    assert!(
        csv.starts_with("kind,old_plan,new_plan,relation,score,old_number,old_title,old_level,old_line,old_value,"),
        "{csv}"
    );
    assert_eq!(csv.lines().filter(|l| l.starts_with("section,")).count(), 5, "five section rows: {csv}");
    let one = guihua().args(["compare", "--sections"]).arg(&plans[0]).output().expect("guihua runs");
    assert_eq!(one.status.code(), Some(2), "one plan is a usage error");
    assert!(String::from_utf8_lossy(&one.stderr).contains("two or more plans"));
}
