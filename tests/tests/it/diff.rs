//! `guihua diff` and `guihua compare`: layout is not content, and known edits come out exactly.

use guihua_model::{ChangeKind, Document};
use unicode_width::UnicodeWidthChar;

use crate::support::{guihua, seed_path};

fn parse(text: &str) -> Document {
    guihua_parse::parse(text).0
}

fn seed_text() -> String {
    std::fs::read_to_string(seed_path()).expect("the seed")
}

/// The seed with every box drawn one visual row per physical line, rows cut by display width.
fn one_row_per_line(text: &str) -> String {
    let width = |c: char| if c.is_ascii() { 1 } else { c.width_cjk().unwrap_or(0) };
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let content = line.trim_start_matches('\u{3000}');
        if !content.starts_with('┌') {
            out.push_str(line);
            continue;
        }
        let mut rest = content.trim_end_matches('\n');
        let mut row_width = 0;
        while !rest.is_empty() {
            if rest.starts_with('┌') {
                row_width = rest.chars().take_while(|&c| c != '┐').map(width).sum::<usize>() + 2;
            }
            let mut taken = 0;
            let mut end = 0;
            for (i, c) in rest.char_indices() {
                taken += width(c);
                end = i + c.len_utf8();
                if taken >= row_width {
                    break;
                }
            }
            out.push_str("\u{3000}\u{3000}");
            out.push_str(&rest[..end]);
            out.push('\n');
            rest = rest[end..].trim_start_matches('\u{3000}');
        }
    }
    out
}

#[test]
fn the_same_plan_in_another_layout_or_encoding_diffs_as_identical() {
    let text = seed_text();
    let seed = parse(&text);
    assert!(guihua_diff::diff(&seed, &seed).is_empty());
    let crlf = parse(&text.replace('\n', "\r\n"));
    assert!(guihua_diff::diff(&seed, &crlf).is_empty());
    let relaid = one_row_per_line(&text);
    assert!(relaid.lines().count() > 400, "the boxes were re-laid out: {} lines", relaid.lines().count());
    let relaid = parse(&relaid);
    assert_eq!(relaid.indicators.len(), 17);
    assert_eq!(relaid.projects.len(), 171);
    let d = guihua_diff::diff(&seed, &relaid);
    assert!(d.is_empty(), "{:#?}", d.summary);
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let gbk = guihua_parse::parse_bytes(&gbk, &guihua_parse::Options::default()).unwrap().document;
    assert!(guihua_diff::diff(&seed, &gbk).is_empty());
}

/// The seed with five known edits.
fn edited() -> String {
    let text = seed_text();
    let text = text.replacen("│1.2　　　　　　 │", "│1.5　　　　　　 │", 1);
    let text = text.replacen("中车石家庄城轨车辆", "中车保定市城轨车辆", 1);
    let text = text.replacen("（三）改善产业发展环境。", "（三）优化产业发展环境。", 1);
    let text = text.replacen(
        "技改投资占工业投资比重达到60%以上。",
        "技改投资占工业投资比重达到60%以上。新增一句测试文本。",
        1,
    );
    // A section inserted as （二） of part 四 renumbers （二）…（九） to （三）…（十）.
    let numerals = ["二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for line in lines.iter_mut().skip(200).take(8) {
        for k in (0..8).rev() {
            let from = format!("\u{3000}\u{3000}（{}）", numerals[k]);
            if line.starts_with(&from) {
                *line = line.replacen(&from, &format!("\u{3000}\u{3000}（{}）", numerals[k + 1]), 1);
                break;
            }
        }
    }
    lines.insert(200, "\u{3000}\u{3000}（二）新增测试保障措施。建立测试机制。".to_owned());
    lines.join("\n")
}

#[test]
fn known_edits_come_out_exactly() {
    let d = guihua_diff::diff(&parse(&seed_text()), &parse(&edited()));
    let s = d.summary;
    assert_eq!((s.indicators_added, s.indicators_removed, s.indicators_changed), (0, 0, 1), "{s:#?}");
    assert_eq!((s.projects_added, s.projects_removed, s.projects_renamed, s.projects_moved), (0, 0, 1, 0), "{s:#?}");
    assert_eq!(
        (s.sections_added, s.sections_removed, s.sections_renamed, s.sections_moved, s.sections_text_changed),
        (1, 0, 1, 0, 1),
        "{:#?}",
        d.sections
    );
    assert_eq!(s.sentences_changed, 1, "{:#?}", d.text);

    let indicator = &d.indicators[0];
    assert_eq!(indicator.name, "规模以上工业企业R&D经费支出占主营业务收入比");
    assert_eq!(indicator.fields, ["target"]);
    assert_eq!(indicator.new.as_ref().unwrap().target.value, Some(1.5));
    let project = &d.projects[0];
    assert_eq!(project.old.as_ref().unwrap().name, "中车石家庄城轨车辆");
    assert_eq!(project.new.as_ref().unwrap().name, "中车保定市城轨车辆");
    let renamed = d.sections.iter().find(|c| c.change == ChangeKind::Renamed).unwrap();
    assert_eq!(renamed.old.as_ref().unwrap().title, "改善产业发展环境");
    assert_eq!(renamed.new.as_ref().unwrap().number, "（四）", "the follower was renumbered");
    let added = d.sections.iter().find(|c| c.change == ChangeKind::Added).unwrap();
    assert_eq!(added.new.as_ref().unwrap().title, "新增测试保障措施");
    let text = &d.text[0];
    assert_eq!(text.section_path.last().map(String::as_str), Some("发展目标"));
    let inserted: String =
        text.edits.iter().filter(|e| e.op == guihua_model::EditOp::Insert).map(|e| e.text.as_str()).collect();
    assert_eq!(inserted, "新增一句测试文本。");
}

#[test]
fn cli_diff_exit_codes_formats_and_compare() {
    let dir = std::env::temp_dir().join(format!("guihua-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let edited_path = dir.join("edited.txt");
    std::fs::write(&edited_path, edited()).unwrap();
    let same = guihua().arg("diff").arg(seed_path()).arg(seed_path()).output().unwrap();
    assert_eq!(same.status.code(), Some(0));
    let text = guihua().arg("diff").arg(seed_path()).arg(&edited_path).output().unwrap();
    assert_eq!(text.status.code(), Some(1));
    let report = String::from_utf8_lossy(&text.stdout);
    assert!(report.contains("indicators: 0 added, 0 removed, 1 changed"), "{report}");
    assert!(report.contains("target 1.2 → 1.5"), "{report}");
    assert!(report.contains("{+新增一句测试文本。+}"), "{report}");
    let json = guihua().args(["diff", "--format", "json"]).arg(seed_path()).arg(&edited_path).output().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["schema_version"], guihua_model::SCHEMA_VERSION);
    assert_eq!(value["summary"]["projects_renamed"], 1);
    let markdown = guihua().args(["diff", "--format", "markdown"]).arg(seed_path()).arg(&edited_path).output().unwrap();
    assert!(String::from_utf8_lossy(&markdown.stdout).contains("## Indicators"));
    let missing = guihua().arg("diff").arg(seed_path()).arg(dir.join("none.txt")).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));

    let compare = guihua().args(["compare", "--indicators"]).arg(seed_path()).arg(&edited_path).output().unwrap();
    assert!(compare.status.success());
    let mut reader = csv::Reader::from_reader(compare.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 17);
    let rd = rows.iter().find(|r| r[0].starts_with("规模以上工业企业R&D")).unwrap();
    assert_eq!((&rd[1], &rd[2]), ("1.2", "1.5"));
    let projects = guihua()
        .args(["compare", "--projects", "--format", "markdown"])
        .arg(seed_path())
        .arg(&edited_path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&projects.stdout).starts_with("| project |"));
    std::fs::remove_dir_all(dir).ok();
}
