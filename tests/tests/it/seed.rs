//! Every fact the parser must get exactly right on the seed plan, 《河北省工业转型升级“十三五”规划》.

use guihua_model::{Bound, Indicator, Node, PanelKind};

use crate::support::{panels, sections, seed};

#[test]
fn meta_from_the_notice_and_the_title() {
    let (doc, _) = seed();
    let meta = &doc.meta;
    assert_eq!(meta.title.as_deref(), Some("河北省工业转型升级“十三五”规划"));
    assert_eq!(meta.issuer.as_deref(), Some("河北省人民政府办公厅"));
    assert_eq!(meta.issued.as_deref(), Some("2016-09-30"));
    assert_eq!(meta.addressees, ["各市（含定州、辛集市）人民政府", "各县（市、区）人民政府", "省政府各部门"]);
    let period = meta.period.expect("the seed states its period");
    assert_eq!((period.start, period.end), (2016, 2020));
    assert_eq!(doc.source.encoding, "UTF-8");
    assert_eq!(doc.source.bytes, 119_678);
    assert!(doc.diagnostics.is_empty(), "{:#?}", doc.diagnostics);
}

#[test]
fn sections_at_each_level() {
    let (doc, _) = seed();
    let all = sections(&doc);
    let count = |level| all.iter().filter(|(_, s)| s.level == level).count();
    assert_eq!((count(1), count(2), count(3), count(4)), (4, 23, 42, 0));
    let top: Vec<_> = all.iter().filter(|(_, s)| s.level == 1).map(|(_, s)| s.title.as_str()).collect();
    assert_eq!(top, ["指导思想和发展目标", "重点发展领域", "主要任务和重大专项", "组织实施和保障措施"]);
    let (_, first) = all.iter().find(|(_, s)| s.number == "（一）").expect("（一） exists");
    assert_eq!((first.title.as_str(), first.ordinal, first.level), ("指导思想", Some(1), 2));
    let Node::Paragraph(opening) = &first.children[0] else { panic!("the run-in text is a paragraph") };
    assert!(opening.text.starts_with("全面贯彻党的十八大"));
    let (_, principles) = all.iter().find(|(_, s)| s.title == "基本原则").expect("基本原则 exists");
    assert_eq!(principles.children.len(), 6, "基本原则 stands alone and holds 1. to 6.");
}

#[test]
fn the_goals_section_has_six_lead_paragraphs() {
    let (doc, _) = seed();
    let all = sections(&doc);
    let (_, goals) = all.iter().find(|(_, s)| s.title == "发展目标").expect("发展目标 exists");
    let leads: Vec<_> = goals
        .children
        .iter()
        .filter_map(|n| match n {
            Node::Paragraph(p) => p.lead.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(
        leads,
        [
            "工业经济平稳增长",
            "质量效益显著提升",
            "产业结构进一步优化",
            "创新能力持续增强",
            "两化融合水平大幅提升",
            "绿色发展取得明显成效"
        ]
    );
}

#[test]
fn one_figure_placeholder() {
    let (doc, _) = seed();
    let figures: Vec<_> = doc
        .walk()
        .into_iter()
        .filter_map(|(_, n)| match n {
            Node::Figure(f) => Some(f.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(figures, ["（图略）"]);
}

#[test]
fn twenty_four_panels_under_their_sections() {
    let (doc, _) = seed();
    let all = panels(&doc);
    assert_eq!(all.len(), 24);
    let features: Vec<_> = all.iter().filter(|(_, p)| p.kind == PanelKind::Feature).collect();
    let programmes: Vec<_> = all.iter().filter(|(_, p)| p.kind == PanelKind::Programme).collect();
    assert_eq!(features.iter().map(|(_, p)| p.number.unwrap()).collect::<Vec<_>>(), (1..=10).collect::<Vec<_>>());
    assert_eq!(programmes.iter().map(|(_, p)| p.number.unwrap()).collect::<Vec<_>>(), (1..=14).collect::<Vec<_>>());
    let (path, first) = features[0];
    assert_eq!(path, &["重点发展领域", "培育壮大战略性新兴产业", "先进装备制造"]);
    assert_eq!(first.title, "先进装备制造重点项目");
    assert_eq!(features[7].1.title, "铜铁产业重点项目", "the source's typo is kept");
    assert_eq!(programmes[7].1.title, "“互联网＋”协同制造专项");
    let counts: Vec<_> = features.iter().map(|(_, p)| p.paragraphs.len()).collect();
    assert_eq!(counts, [5, 2, 4, 3, 1, 1, 1, 1, 1, 3]);
    let counts: Vec<_> = programmes.iter().map(|(_, p)| p.paragraphs.len()).collect();
    assert_eq!(counts, [3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
}

#[test]
fn panel_text_is_rejoined_without_borders_or_padding() {
    let (doc, _) = seed();
    let all = panels(&doc);
    let programme8 =
        all.iter().find(|(_, p)| p.kind == PanelKind::Programme && p.number == Some(8)).expect("专项8 exists");
    assert!(programme8.1.paragraphs[0].contains("到2020年，培育省级试点示范项目100个。"));
    for (_, panel) in &all {
        for text in panel.paragraphs.iter().chain([&panel.title]) {
            assert!(!text.contains(['│', '\u{3000}']), "{text}");
        }
    }
}

#[test]
fn projects_per_panel_with_categories() {
    let (doc, _) = seed();
    assert_eq!(doc.projects.len(), 171);
    let features: Vec<_> = panels(&doc).into_iter().filter(|(_, p)| p.kind == PanelKind::Feature).collect();
    let per_panel: Vec<_> =
        features.iter().map(|(_, p)| doc.projects.iter().filter(|x| x.panel == p.id).count()).collect();
    assert_eq!(per_panel, [28, 28, 17, 16, 12, 11, 16, 10, 12, 21]);

    let first_panel = &features[0].1.id;
    let mut runs: Vec<(Option<&str>, usize)> = Vec::new();
    for project in doc.projects.iter().filter(|p| &p.panel == first_panel) {
        match runs.last_mut() {
            Some((category, n)) if *category == project.category.as_deref() => *n += 1,
            _ => runs.push((project.category.as_deref(), 1)),
        }
    }
    assert_eq!(
        runs,
        [
            (Some("先进轨道交通装备"), 2),
            (Some("通用航空"), 5),
            (Some("智能制造装备"), 5),
            (Some("汽车"), 11),
            (Some("专用装备和成套装备"), 5)
        ]
    );
    for (_, panel) in &features[4..9] {
        assert!(doc.projects.iter().filter(|p| p.panel == panel.id).all(|p| p.category.is_none()));
    }
    let names: Vec<_> = doc.projects.iter().map(|p| p.name.as_str()).collect();
    for whole in [
        "中国（衡水）交通装备制造基地",
        "固安第六代有源矩阵有机发光二极体面板（AMOLED）生产线",
        "光为绿色新能源150MW分布式发电示范",
        "国家电网风光储二期",
        "河北建投新能源沽源风电制氢综合示范",
        "保定中国航空向阳装备生产基地",
        "平泉通用航空产业园",
    ] {
        assert!(names.contains(&whole), "{whole} is missing");
    }
}

#[test]
fn one_logical_indicator_table() {
    let (doc, _) = seed();
    let tables: Vec<_> = doc
        .walk()
        .into_iter()
        .filter_map(|(_, n)| match n {
            Node::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "the two boxes of line 25 are one table");
    let table = tables[0];
    assert_eq!(table.columns, ["类别", "指标", "2015年", "2020年"]);
    assert_eq!(table.notes, ["注：带[　]内为5年累计数。"]);
    assert_eq!(table.rows, 18);
}

fn indicator<'a>(all: &'a [Indicator], name: &str) -> &'a Indicator {
    all.iter().find(|i| i.name == name).unwrap_or_else(|| panic!("indicator {name} is missing"))
}

#[test]
fn seventeen_indicators() {
    let (doc, _) = seed();
    let all = &doc.indicators;
    assert_eq!(all.len(), 17);
    let per_category = |c: &str| all.iter().filter(|i| i.category.as_deref() == Some(c)).count();
    assert_eq!(["创新能力", "质量效益", "两化融合", "结构优化", "绿色发展"].map(per_category), [3, 3, 3, 3, 5]);

    let research = indicator(all, "规模以上工业企业建立研发机构的比例");
    assert_eq!(research.unit.as_deref(), Some("%"));
    assert_eq!((research.baseline.value, research.target.value), (Some(6.73), Some(80.0)));

    let quality = indicator(all, "制造业质量竞争力指数");
    assert_eq!((quality.baseline.value, quality.baseline.year), (Some(81.13), Some(2014)));
    assert_eq!((quality.target.value, quality.target.year), (Some(82.5), Some(2020)));

    let value_added = indicator(all, "制造业增加值率提高");
    assert_eq!(value_added.baseline.value, None);
    assert_eq!((value_added.target.value, value_added.target.cumulative), (Some(2.0), true));

    let emerging = indicator(all, "战略性新兴产业工业增加值占规模以上工业比重");
    assert_eq!((emerging.baseline.value, emerging.target.value), (Some(11.5), Some(20.0)));
    assert_eq!(emerging.target.bound, Bound::AtLeast);

    let heavy = indicator(all, "六大高耗能行业工业增加值占规模以上工业比重");
    assert_eq!((heavy.baseline.value, heavy.target.value, heavy.target.bound), (Some(37.9), Some(35.0), Bound::AtMost));

    let factories = indicator(all, "智能工厂（车间）数量");
    assert_eq!((factories.unit.as_deref(), factories.target.value), (Some("个"), Some(1500.0)));

    let energy = indicator(all, "规模以上工业万元增加值能耗比2015年降低");
    assert_eq!(energy.category.as_deref(), Some("绿色发展"), "the merged cell's text sits in its middle row");
    assert_eq!(energy.unit.as_deref(), Some("%"));
    assert_eq!((energy.target.value, energy.target.cumulative), (Some(18.0), true));
    assert_eq!(energy.baseline.raw, "-");
}
