//! Search over the seed: the recall of grep, the ranking asked for, and hits that point at the right place.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use guihua_index::{DocumentInfo, Library, normalize, units};
use guihua_model::Node;

use crate::support::{guihua, seed, seed_path};

fn library() -> &'static (Library, guihua_model::Document) {
    static LIBRARY: OnceLock<(Library, guihua_model::Document)> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let (doc, _) = seed();
        let mut library = Library::in_memory().expect("an in-memory index");
        let info =
            DocumentInfo {
                doc_id: "seed".into(), title: "河北".into(), path: "seed.txt".into(), ..Default::default()
            };
        library.add(&info, &doc).expect("the seed indexes");
        library.commit().expect("commit");
        (library, doc)
    })
}

#[test]
fn recall_equals_grep_for_every_short_substring_of_sampled_units() {
    let (library, doc) = library();
    let all = units(doc);
    let texts: Vec<String> = all.iter().map(|u| normalize(&u.text)).collect();
    let mut queries = BTreeSet::new();
    for text in texts.iter().step_by(23) {
        let chars: Vec<char> = text.chars().collect();
        for start in (0..chars.len()).step_by(2) {
            for len in 1..=4 {
                let Some(window) = chars.get(start..start + len) else {
                    break;
                };
                if window.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
                    queries.insert(window.iter().collect::<String>());
                }
            }
        }
    }
    assert!(queries.len() > 500, "only {} queries", queries.len());
    for query in &queries {
        let expected = texts.iter().filter(|t| t.contains(query.as_str())).count();
        let got = library.search(query, 0).expect("a valid query").total;
        assert_eq!(got, expected, "query {query}");
    }
}

#[test]
fn terms_are_anded_with_grep_recall() {
    let (library, doc) = library();
    let texts: Vec<String> = units(doc).iter().map(|u| normalize(&u.text)).collect();
    for (a, b) in [("数据", "中心"), ("钢铁", "水泥"), ("产业", "基地"), ("创新", "企业")] {
        let expected = texts.iter().filter(|t| t.contains(a) && t.contains(b)).count();
        assert_eq!(library.search(&format!("{a} {b}"), 0).unwrap().total, expected, "{a} {b}");
        let either = texts.iter().filter(|t| t.contains(a) || t.contains(b)).count();
        assert_eq!(library.search(&format!("{a} OR {b}"), 0).unwrap().total, either, "{a} OR {b}");
        let without = texts.iter().filter(|t| t.contains(a) && !t.contains(b)).count();
        assert_eq!(library.search(&format!("{a} -{b}"), 0).unwrap().total, without, "{a} -{b}");
    }
}

#[test]
fn phrases_with_punctuation_are_exact_with_or_and_exclusion() {
    let (library, doc) = library();
    let texts: Vec<String> = units(doc).iter().map(|u| normalize(&u.text)).collect();
    let count = |f: &dyn Fn(&str) -> bool| texts.iter().filter(|t| f(t)).count();
    let phrase = "钢铁、水泥";
    assert!(count(&|t| t.contains(phrase)) > 0);
    assert_eq!(library.search("\"钢铁、水泥\"", 0).unwrap().total, count(&|t| t.contains(phrase)));
    assert_eq!(
        library.search("\"钢铁、水泥\" OR 大数据", 0).unwrap().total,
        count(&|t| t.contains(phrase) || t.contains("大数据"))
    );
    assert_eq!(
        library.search("产业 -\"钢铁、水泥\"", 0).unwrap().total,
        count(&|t| t.contains("产业") && !t.contains(phrase))
    );
    assert_eq!(
        library.search("产业 -钢铁、水泥", 0).unwrap().total,
        count(&|t| t.contains("产业") && !(t.contains("钢铁") && t.contains("水泥")))
    );
}

#[test]
fn a_whole_word_ranks_above_a_word_inside_a_longer_term() {
    let (library, _) = library();
    let result = library.search("数据", 1000).unwrap();
    assert_eq!(result.hits.len(), result.total);
    // Judged on the text: a unit whose 数据 all stand inside 大数据 must come after every unit with another 数据.
    let only_inside: Vec<bool> =
        result.hits.iter().map(|h| !full_text(h).replace("大数据", "").contains("数据")).collect();
    let first_inside = only_inside.iter().position(|&b| b).expect("some units have only 大数据");
    let last_word = only_inside.iter().rposition(|&b| !b).expect("some units have the word 数据");
    assert!(
        last_word < first_inside,
        "a unit with only 大数据 ranks {first_inside}, above a unit with 数据 at {last_word}"
    );
}

fn full_text(hit: &guihua_index::Hit) -> String {
    let (_, doc) = library();
    units(doc)
        .into_iter()
        .filter(|u| u.node_id == hit.node_id)
        .map(|u| u.text.into_owned())
        .find(|t| t.contains(hit.snippet.trim_matches('…').split('…').next().unwrap_or_default()))
        .unwrap_or_default()
}

#[test]
fn steel_finds_the_panel_titled_with_a_typo_through_its_body() {
    let (library, _) = library();
    let result = library.search("钢铁", 50).unwrap();
    let panel = result
        .hits
        .iter()
        .find(|h| h.kind == "panel" && h.section_path.last().map(String::as_str) == Some("专栏8"))
        .expect("专栏8 is found");
    assert!(panel.snippet.contains("钢铁"));
}

#[test]
fn hits_point_at_their_node_line_and_highlight_the_query() {
    let (library, doc) = library();
    let lines: Vec<(String, u32)> = doc
        .walk()
        .into_iter()
        .map(|(_, n)| (n.id().to_owned(), n.span().line))
        .chain(doc.projects.iter().map(|p| (p.id.clone(), p.span.line)))
        .chain(doc.indicators.iter().map(|i| (i.id.clone(), i.span.line)))
        .collect();
    let result = library.search("产业", 1000).unwrap();
    assert_eq!(result.hits.len(), result.total);
    for hit in &result.hits {
        let line = lines.iter().find(|(id, _)| *id == hit.node_id).map(|(_, l)| *l);
        let is_heading =
            matches!(doc.walk().into_iter().find(|(_, n)| n.id() == hit.node_id), Some((_, Node::Section(_))));
        assert!(line == Some(hit.line) || is_heading, "{} at line {}", hit.node_id, hit.line);
        assert!(!hit.highlights.is_empty(), "{}", hit.snippet);
        for &(start, end) in &hit.highlights {
            // A match cut by the end of the snippet window is highlighted as far as it goes.
            let marked = &hit.snippet[start..end];
            assert!(marked == "产业" || (marked == "产" && hit.snippet[end..].starts_with('…')), "{}", hit.snippet);
        }
    }
    let (_, first) = result.hits.iter().map(|h| (h.score, h)).next().unwrap();
    assert_eq!(first.doc_title, "河北");
}

#[test]
fn filters_by_type_and_document() {
    let (library, doc) = library();
    let indicators = library.search("工业 type:indicator", 100).unwrap();
    let expected = doc
        .indicators
        .iter()
        .filter(|i| format!("{} {}", i.category.clone().unwrap_or_default(), i.name).contains("工业"))
        .count();
    assert_eq!(indicators.total, expected);
    assert!(indicators.hits.iter().all(|h| h.kind == "indicator"));
    assert_eq!(library.search("钢铁 doc:seed", 0).unwrap().total, library.search("钢铁", 0).unwrap().total);
    assert_eq!(library.search("钢铁 doc:nothing", 0).unwrap().total, 0);
    assert!(library.search("\"钢铁 水泥", 0).is_err());
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("guihua-search-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

#[test]
fn cli_searches_the_bundled_plan_without_an_index() {
    let home = temp_dir("home");
    let output = guihua()
        .args(["search", "大数据", "--limit", "3"])
        .env("HOME", &home)
        .env_remove("GUIHUA_INDEX")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("guihua runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[大数据]"), "{text}");
    assert!(text.contains("corpus/hebei-industry-transformation-13th-2016.txt:"), "{text}");
    let excluded = guihua()
        .args(["search", "产业", "-钢铁", "--count"])
        .env("HOME", &home)
        .env_remove("GUIHUA_INDEX")
        .env_remove("XDG_DATA_HOME")
        .output()
        .expect("guihua runs");
    let (library, _) = library();
    let expected = library.search("产业 -钢铁", 0).unwrap().total.to_string();
    assert_eq!(String::from_utf8_lossy(&excluded.stdout).trim(), expected, "`-钢铁` on the command line excludes");
    let none = guihua().args(["search", "量子纠缠"]).env("HOME", &home).env_remove("GUIHUA_INDEX").output().unwrap();
    assert_eq!(none.status.code(), Some(1), "no match exits 1 like grep");
    let bad = guihua().args(["search", "\"大数据"]).env("HOME", &home).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("column 1"));
    std::fs::remove_dir_all(home).ok();
}

#[test]
fn cli_indexes_reindexes_only_changes_and_searches_as_json() {
    let dir = temp_dir("index");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::copy(seed_path(), docs.join("seed.txt")).unwrap();
    std::fs::write(docs.join("short.txt"), "一、发展数据产业\n支持数据应用。\n").unwrap();
    let index = dir.join("index");
    let run = |args: &[&str]| guihua().args(args).arg("--index").arg(&index).output().expect("guihua runs");
    let first = run(&["index", docs.to_str().unwrap()]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stderr).contains("indexed 2 documents (2 new or changed, 0 unchanged"));
    let again = run(&["index", docs.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("(0 new or changed, 2 unchanged, 0 removed"));
    std::fs::remove_file(docs.join("short.txt")).unwrap();
    let after = run(&["index", docs.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&after.stderr)
            .contains("indexed 1 documents (0 new or changed, 1 unchanged, 1 removed")
    );

    let output = run(&["search", "大数据", "--json", "--limit", "2"]);
    assert!(output.status.success());
    let hits: Vec<serde_json::Value> =
        String::from_utf8_lossy(&output.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(hits.len(), 2);
    for key in
        ["doc_id", "doc_title", "path", "line", "node_id", "type", "section_path", "snippet", "highlights", "score"]
    {
        assert!(hits[0].get(key).is_some(), "{key} is missing");
    }
    assert_eq!(hits[0]["doc_title"], "河北省工业转型升级“十三五”规划");
    let count = run(&["search", "大数据", "--count"]);
    assert_eq!(String::from_utf8_lossy(&count.stdout).trim(), "26");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn the_shared_corpus_has_the_recall_of_grep() {
    let Some(dir) = crate::support::shared_corpus() else { return };
    let mut library = Library::in_memory().unwrap();
    let mut texts = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    for path in &files {
        let parsed =
            guihua_parse::parse_bytes(&std::fs::read(path).unwrap(), &guihua_parse::Options::default()).unwrap();
        let info = DocumentInfo {
            doc_id: path.file_stem().unwrap().to_string_lossy().into_owned(),
            title: parsed.document.meta.title.clone().unwrap_or_default(),
            path: path.display().to_string(),
            ..Default::default()
        };
        library.add(&info, &parsed.document).unwrap();
        texts.extend(units(&parsed.document).iter().map(|u| normalize(&u.text)));
    }
    library.commit().unwrap();
    for query in ["数据", "制造", "能源", "人工智能", "乡村振兴", "教育", "改革开放", "五年", "农"]
    {
        let expected = texts.iter().filter(|t| t.contains(query)).count();
        assert_eq!(library.search(query, 0).unwrap().total, expected, "{query}");
        assert!(expected > 0, "{query} occurs in the corpus");
    }
    let ai = library.search("人工智能 doc:stcouncil-new-gen-ai-plan-2017", 0).unwrap().total;
    assert!(ai > 0 && ai < library.search("人工智能", 0).unwrap().total);
}

#[test]
fn a_hit_in_a_table_cell_points_at_its_row() {
    let text =
        "一、名单\n| 罪名 | 条款 |\n|---|---|\n| 危险驾驶罪 | 第一百三十三条 |\n| 非法经营罪 | 第二百二十五条 |\n";
    let (doc, _) = guihua_parse::parse(text);
    let units = guihua_index::units(&doc);
    let line_of = |needle: &str| units.iter().find(|u| u.kind == "cell" && u.text.contains(needle)).map(|u| u.line);
    assert_eq!(line_of("罪名"), Some(2), "the header row");
    assert_eq!(line_of("危险驾驶罪"), Some(4));
    assert_eq!(line_of("第二百二十五条"), Some(5), "not the table's first line");
}
