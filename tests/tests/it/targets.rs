//! Targets from the seed's prose, the precision rule on every corpus document, and the CSV/JSON exports.

use guihua_model::{Bound, Direction, Target, TargetKind, TargetStatus};

use crate::support::{guihua, seed, seed_path, shared_corpus};

fn target<'a>(all: &'a [Target], subject: &str, value: f64) -> &'a Target {
    all.iter().find(|t| t.subject == subject && t.value == value).unwrap_or_else(|| {
        panic!("no target {subject} {value}: {:#?}", all.iter().map(|t| (&t.subject, t.value)).collect::<Vec<_>>())
    })
}

#[test]
fn the_goals_and_the_sector_and_programme_targets_of_the_seed() {
    let (doc, text) = seed();
    let all = &doc.targets;
    let output = target(all, "规模以上工业增加值", 1.7);
    assert_eq!((output.normalized, output.unit.as_deref(), output.year), (1.7e12, Some("元"), Some(2020)));
    assert_eq!(&text[output.span.start..output.span.end], "1.7万亿元");
    let investment = target(all, "技改投资占工业投资比重", 60.0);
    assert_eq!((investment.bound, investment.kind), (Bound::AtLeast, TargetKind::Share));
    let productivity = target(all, "规模以上工业企业全员劳动生产率", 12.0);
    assert_eq!((productivity.unit.as_deref(), productivity.normalized), (Some("元/人"), 120_000.0));
    let rate = target(all, "工业增加值率", 2.0);
    assert_eq!(
        (rate.unit.as_deref(), rate.direction, rate.base_year),
        (Some("个百分点"), Some(Direction::Increase), Some(2015))
    );
    assert_eq!(target(all, "制造业质量竞争力指数", 82.5).kind, TargetKind::Level);
    assert_eq!(target(all, "有效发明专利拥有量", 13.0).kind, TargetKind::Growth);
    assert_eq!(target(all, "有效发明专利拥有量", 10000.0).bound, Bound::AtLeast);
    assert_eq!(target(all, "数字化研发设计工具普及率", 65.0).unit.as_deref(), Some("%"));
    assert_eq!(target(all, "关键工序制造装备数控化率", 52.0).kind, TargetKind::Share);
    for (subject, value) in [("规模以上工业万元增加值能耗", 18.0), ("单位工业增加值用水量", 23.0)]
    {
        let t = target(all, subject, value);
        assert_eq!((t.kind, t.direction, t.base_year), (TargetKind::Change, Some(Direction::Decrease), Some(2015)));
    }
    assert_eq!(target(all, "固体废弃物综合利用率", 73.0).kind, TargetKind::Share);
    for (subject, value) in [
        ("装备制造业工业增加值", 5000.0),
        ("电子信息产业主营业务收入", 3000.0),
        ("石化产业增加值", 2200.0),
        ("消费品工业增加值", 4500.0),
        ("建材工业增加值", 700.0),
    ] {
        let t = target(all, subject, value);
        assert_eq!((t.multiplier.as_deref(), t.unit.as_deref(), t.normalized), (Some("亿"), Some("元"), value * 1e8));
    }
    assert_eq!(target(all, "电子信息产业主营业务收入", 3000.0).bound, Bound::AtLeast);
    let factories = target(all, "智能工厂（教字化车间）", 1500.0);
    assert_eq!((factories.kind, factories.unit.as_deref()), (TargetKind::Count, Some("家")));
    let robots = target(all, "工业机器人密度", 60.0);
    assert_eq!((robots.per.as_deref(), robots.unit.as_deref()), (Some("每万名员工使用机器人"), Some("台")));
    assert!(doc.walk().iter().any(|(_, n)| n.id() == robots.node && n.kind() == "panel"), "专项 text is read");
    assert!(guihua_parse::span_errors(&doc, &text).is_empty());
}

/// The precision rule, on every document: a target is never a date, a document number, a name with digits or an
/// ordinal, and always has a subject. A number without a unit stands before no word, unless `万` or `亿` counts that
/// word (`350万青壮年文盲`).
fn assert_precise(targets: &[Target], text: &str, name: &str) {
    for t in targets {
        let after = text[t.span.end..].chars().next();
        let before = text[..t.span.start].chars().next_back();
        assert!(!t.subject.is_empty(), "{name}: {t:?}");
        assert!(!matches!(after, Some('年' | '月' | '日' | '号' | '代' | '届')), "{name}: a date or ordinal: {t:?}");
        assert!(!matches!(before, Some('第' | '〔' | '[')), "{name}: an ordinal or document number: {t:?}");
        let unknown_measure = t.unit.is_none()
            && t.multiplier.is_none()
            && t.kind != TargetKind::Ratio
            && after.is_some_and(char::is_alphanumeric);
        assert!(!unknown_measure, "{name}: a number with an unknown measure: {t:?}");
    }
}

#[test]
fn no_target_is_a_date_a_document_number_or_an_ordinal() {
    let (doc, text) = seed();
    assert_precise(&doc.targets, &text, "seed");
    let Some(dir) = shared_corpus() else { return };
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let parsed =
            guihua_parse::parse_bytes(&std::fs::read(&path).unwrap(), &guihua_parse::Options::default()).unwrap();
        assert_precise(&parsed.document.targets, &parsed.text, &path.display().to_string());
    }
}

#[test]
fn exports_read_back_as_csv_and_json() {
    let output = guihua().args(["targets", "--excel"]).arg(seed_path()).output().expect("guihua runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stdout.starts_with("\u{FEFF}".as_bytes()), "--excel starts with a BOM");
    let mut reader = csv::Reader::from_reader(&output.stdout[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "document");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let (doc, _) = seed();
    let goals = doc.targets.iter().filter(|t| t.status == TargetStatus::Goal).count();
    assert_eq!(rows.len(), goals, "goals by default");
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    assert!(rows.iter().all(|r| &r[column("status")] == "goal"));
    let all = guihua().args(["targets", "--status", "all", "--format", "json"]).arg(seed_path()).output().unwrap();
    let all: Vec<serde_json::Value> =
        String::from_utf8_lossy(&all.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(all.len(), doc.targets.len());
    let achieved = all.iter().filter(|r| r["status"] == "achieved").count();
    assert_eq!(achieved, doc.targets.len() - goals, "every target is a goal or an achievement");
    let first = &rows[0];
    assert_eq!(&first[column("subject")], "规模以上工业增加值");
    assert_eq!(&first[column("raw")], "1.7万亿元");
    assert_eq!(&first[column("section_path")], "一、指导思想和发展目标 › （三）发展目标");

    let indicators = guihua().args(["indicators"]).arg(seed_path()).output().unwrap();
    let mut reader = csv::Reader::from_reader(indicators.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 17);
    let name = headers.iter().position(|h| h == "name").unwrap();
    let cumulative = headers.iter().position(|h| h == "target_cumulative").unwrap();
    let energy = rows.iter().find(|r| &r[name] == "规模以上工业万元增加值能耗比2015年降低").unwrap();
    assert_eq!(&energy[cumulative], "true");

    let projects = guihua().args(["projects", "--format", "json"]).arg(seed_path()).output().unwrap();
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&projects.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 171);
    assert_eq!(rows[0]["panel_title"], "先进装备制造重点项目");
    assert_eq!(rows[0]["section_path"], "二、重点发展领域 › （一）培育壮大战略性新兴产业 › 1.先进装备制造");
    let missing = guihua().args(["targets", "no/such.txt"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
