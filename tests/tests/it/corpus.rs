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
