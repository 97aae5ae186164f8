//! The shared corpus of real documents (`../shared/corpus`): every file parses, and every span holds.

use crate::support::shared_corpus;

#[test]
fn every_shared_document_parses_with_sound_spans() {
    let Some(dir) = shared_corpus() else { return };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the shared corpus is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "expected the ten corpus documents, found {}", files.len());
    for path in files {
        let bytes = std::fs::read(&path).expect("readable");
        let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let errors = guihua_parse::span_errors(&parsed.document, &parsed.text);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        assert!(!parsed.document.outline.is_empty(), "{} parsed to nothing", path.display());
    }
}

#[test]
fn documents_with_a_bom_decode_without_it() {
    let Some(dir) = shared_corpus() else { return };
    let bytes = std::fs::read(dir.join("zhongyang-rural-revitalization-opinion-2018.txt")).expect("readable");
    let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes");
    assert!(parsed.document.source.bom);
    assert!(!parsed.text.starts_with('\u{FEFF}'));
    assert_eq!(parsed.document.meta.title.as_deref(), Some("中共中央 国务院关于实施乡村振兴战略的意见"));
}

#[test]
fn panels_without_borders_in_the_anhui_and_ai_plans() {
    let Some(dir) = shared_corpus() else { return };
    let panels = |name: &str| -> Vec<(Option<u32>, String, usize)> {
        let bytes = std::fs::read(dir.join(name)).expect("readable");
        let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes");
        parsed
            .document
            .walk()
            .into_iter()
            .filter_map(|(_, n)| match n {
                guihua_model::Node::Panel(p) => Some((p.number, p.title.clone(), p.paragraphs.len())),
                _ => None,
            })
            .collect()
    };
    let anhui = panels("anhui-industrial-internet-2021.txt");
    assert_eq!(anhui.iter().map(|p| p.0.unwrap()).collect::<Vec<_>>(), (1..=12).collect::<Vec<_>>());
    assert_eq!(anhui[0].1, "工业互联网网络互联互通工程");
    let ai = panels("stcouncil-new-gen-ai-plan-2017.txt");
    let ai: Vec<_> = ai.iter().map(|(n, t, k)| (n.unwrap(), t.as_str(), *k)).collect();
    assert_eq!(ai, [(1, "基础理论", 8), (2, "关键共性技术", 8), (3, "基础支撑平台", 5), (4, "智能化基础设施", 3)]);
}

#[test]
fn the_markdown_pipe_table_of_the_crime_names_file() {
    let Some(dir) = shared_corpus() else { return };
    let bytes = std::fs::read(dir.join("spc-crime-names-supp6-2015-mdtable.md")).expect("readable");
    let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes");
    let tables: Vec<_> = parsed
        .document
        .walk()
        .into_iter()
        .filter_map(|(_, n)| if let guihua_model::Node::Table(t) = n { Some(t.clone()) } else { None })
        .collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].columns, ["刑法条文", "罪名"]);
    assert_eq!(tables[0].rows, 33, "a header and 32 rows");
    assert!(tables[0].cells.iter().any(|c| c.text.contains("（《刑法修正案（九）》第六条）")));
}

/// What a reader counts in each corpus document (numbered headings by style, panels, tables, contents, parts),
/// counted on the source text with the numbering patterns, not taken from the parser: `(file, [(style, count)])`.
/// Styles: `一、`, `（一）`, `1.`, `（1）`, `篇`, `章`, `节`, and `panel`, `table`, `toc`, `part`, `appendix`.
const STRUCTURE: [(&str, &[(&str, usize)]); 10] = [
    // Two documents (8 + 4 一、) and an attachment; 1﹒–24﹒ run through the action plan; 专栏1–12.
    (
        "anhui-industrial-internet-2021.txt",
        &[("一、", 12), ("（一）", 20), ("1.", 24), ("panel", 12), ("part", 2), ("appendix", 1)],
    ),
    // The method (4 一、) and its attachment (7 一、, 27 （一）, items 1．–90．).
    ("baotou-digital-2022.txt", &[("一、", 11), ("（一）", 31), ("1.", 90), ("part", 1), ("appendix", 1)]),
    ("gov-work-report-2016.txt", &[("一、", 3), ("（一）", 8)]),
    ("national-12th-fyp-2011-sentsplit.txt", &[("篇", 16), ("章", 62), ("节", 167)]),
    // 一、 to 九、 (一、 to 三、 read from `、…` lines; 五、 glued to the end of the sentence before it), 49 （一） after
    // the contents (〈九） glued the same way), 1. twice (items 2. to 7. lost their numbers, so 8． is no heading),
    // （1）–（8）; then the report on the plan (its first 一、) as a second document.
    ("national-8th-fyp-1991.txt", &[("一、", 10), ("（一）", 49), ("1.", 2), ("（1）", 8), ("toc", 1), ("part", 2)]),
    ("shandong-education-14th.txt", &[("一、", 11), ("（一）", 59)]),
    ("shandong-sci-tech-innovation-14th-trunc.txt", &[("一、", 15), ("（一）", 48), ("1.", 65), ("（1）", 27)]),
    // 36 lines open with `1.`-style numbers; 24 of them are items inside the four 专栏 (8, 8, 5, 3).
    ("stcouncil-new-gen-ai-plan-2017.txt", &[("一、", 6), ("（一）", 23), ("1.", 12), ("panel", 4)]),
    ("zhongyang-rural-revitalization-opinion-2018.txt", &[("一、", 12), ("（一）", 49)]),
    ("spc-crime-names-supp6-2015-mdtable.md", &[("table", 1)]),
];

fn structure(document: &guihua_model::Document) -> std::collections::BTreeMap<&'static str, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for (_, node) in document.walk() {
        let key = match node {
            // Numbered lines are counted by style, whether they head sections or are items of lists.
            guihua_model::Node::Section(guihua_model::Section { number, .. })
            | guihua_model::Node::Item(guihua_model::Item { number, .. }) => {
                let n = number.as_str();
                if n.ends_with('篇') {
                    "篇"
                } else if n.ends_with('章') {
                    "章"
                } else if n.ends_with('节') {
                    "节"
                } else if n.ends_with('、') && !n.starts_with(|c: char| c.is_ascii_digit()) {
                    "一、"
                } else if n.starts_with(['（', '(']) && n.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
                    "（1）"
                } else if n.starts_with(|c: char| c.is_ascii_digit()) {
                    "1."
                } else {
                    "（一）"
                }
            }
            guihua_model::Node::Panel(_) => "panel",
            guihua_model::Node::Table(_) => "table",
            guihua_model::Node::Toc(_) => "toc",
            guihua_model::Node::Part(p) if p.kind == guihua_model::PartKind::Appendix => "appendix",
            guihua_model::Node::Part(_) => "part",
            _ => continue,
        };
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// A document of the shared corpus, parsed from its bytes as the CLI does.
fn parse_shared(dir: &std::path::Path, name: &str) -> guihua_model::Document {
    let bytes = std::fs::read(dir.join(name)).expect("readable");
    guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes").document
}

#[test]
fn each_corpus_document_has_the_structure_a_reader_counts() {
    let Some(dir) = shared_corpus() else { return };
    for (name, expected) in STRUCTURE {
        let got = structure(&parse_shared(&dir, name));
        let expected: std::collections::BTreeMap<&str, usize> = expected.iter().copied().collect();
        assert_eq!(got, expected, "{name}");
    }
}

/// The outline of every corpus document, reviewed line by line against its source (`cargo insta review` after a
/// change; known defects are listed in `corpus/README.md`).
#[test]
fn corpus_outlines() {
    let Some(dir) = shared_corpus() else { return };
    for (name, _) in STRUCTURE {
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        insta::assert_snapshot!(
            format!("corpus_outline_{stem}"),
            guihua_model::render_outline(&parse_shared(&dir, name))
        );
    }
}
