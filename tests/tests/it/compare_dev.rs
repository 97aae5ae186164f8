//! Precision and recall of `compare --sections` on the development gold alignment (`tests/data/compare/*.tsv`): four
//! pairs of different plans from `../shared` — two pairs of government work reports a year apart, the 9th and 10th
//! national five-year plans (parts and chapters), and two industries' smart-manufacturing standards guides — each
//! link between an old and a new section labelled by reading the section bodies (see
//! `tests/data/compare/README.md`). A link is an (old section, new section) pair of a `same`, `split` or `merged`
//! row; a predicted link counts when the gold has it, whatever the relation. Pairs whose documents are absent are
//! skipped with a message. `GUIHUA_COMPARE_DUMP=1` prints every pair's similarity with its gold and predicted flags
//! (lines starting `DUMP`), for tuning the constants of `guihua_diff::topics`.

use std::collections::HashSet;
use std::path::PathBuf;

use guihua_model::{Document, Node, Relation, Section};

use crate::support::root;

/// One development pair: its gold file, the two documents, and the deepest level the gold covers.
struct Pair {
    gold: &'static str,
    old: &'static str,
    new: &'static str,
    max_level: u32,
}

const PAIRS: [Pair; 4] = [
    Pair {
        gold: "gwr-2015-2016",
        old: "wild/docs/044-gwr-central-2015.txt",
        new: "corpus/gov-work-report-2016.txt",
        max_level: 9,
    },
    Pair {
        gold: "gwr-2016-2017",
        old: "corpus/gov-work-report-2016.txt",
        new: "wild/docs/045-gwr-central-2017.txt",
        max_level: 9,
    },
    Pair {
        gold: "fyp-9-10",
        old: "wild/docs/004-fyp-national-9th-1996-sentsplit.txt",
        new: "wild/docs/005-fyp-national-10th-2001-sentsplit.txt",
        max_level: 2,
    },
    Pair {
        gold: "smart-mfg-standards",
        old: "wild/docs/114-cn-miit-guidelines-construction-smart-manufacturing-standa-2022.txt",
        new: "wild/docs/129-cn-comments-guidelines-construction-smart-manufacturing-st-2021.txt",
        max_level: 9,
    },
];

fn sections(doc: &Document) -> Vec<&Section> {
    fn visit<'a>(nodes: &'a [Node], out: &mut Vec<&'a Section>) {
        for node in nodes {
            match node {
                Node::Section(s) => {
                    out.push(s);
                    visit(&s.children, out);
                }
                Node::Part(p) => visit(&p.children, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    visit(&doc.outline, &mut out);
    out
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The section a gold end names: its heading line, and where a part and its first chapter share the line, the one
/// whose number and title begin like the gold title.
fn resolve<'a>(all: &[&'a Section], line: &str, title: &str) -> Option<&'a Section> {
    let line: u32 = line.parse().ok()?;
    let on_line: Vec<&Section> = all.iter().copied().filter(|s| s.heading_span.line == line).collect();
    let gold: String = squeeze(title).chars().take(8).collect();
    on_line
        .iter()
        .copied()
        .find(|s| squeeze(&format!("{}{}", s.number, s.title)).starts_with(&gold))
        .or_else(|| (on_line.len() == 1).then(|| on_line[0]))
}

/// The gold links of a pair, as (old node id, new node id).
fn gold_links(pair: &Pair, old: &Document, new: &Document) -> HashSet<(String, String)> {
    let tsv =
        std::fs::read_to_string(root().join(format!("tests/data/compare/{}.tsv", pair.gold))).expect("a gold file");
    let (old_all, new_all) = (sections(old), sections(new));
    let mut links = HashSet::new();
    for row in tsv.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert!(cols.len() >= 5, "{}: five columns or more: {row}", pair.gold);
        if !matches!(cols[0], "same" | "split" | "merged") {
            continue;
        }
        let o = resolve(&old_all, cols[1], cols[3]).unwrap_or_else(|| panic!("{}: old end of {row}", pair.gold));
        let n = resolve(&new_all, cols[2], cols[4]).unwrap_or_else(|| panic!("{}: new end of {row}", pair.gold));
        links.insert((o.id.clone(), n.id.clone()));
    }
    links
}

#[test]
#[allow(clippy::print_stderr)] // skipped pairs say why; the measured figures are reported
fn section_alignment_on_the_development_pairs() {
    let segmenter = guihua_index::Segmenter::new();
    let words = |text: &str| segmenter.cut_words(text);
    let (mut hits, mut predicted, mut gold_total) = (0, 0, 0);
    let mut report = Vec::new();
    for pair in &PAIRS {
        let (old_path, new_path): (PathBuf, PathBuf) =
            (root().join("../shared").join(pair.old), root().join("../shared").join(pair.new));
        if !old_path.is_file() || !new_path.is_file() {
            eprintln!("skipped {}: {} or {} is absent", pair.gold, old_path.display(), new_path.display());
            continue;
        }
        let read = |p: &PathBuf| guihua_parse::parse(&std::fs::read_to_string(p).expect("a document")).0;
        let (old, new) = (read(&old_path), read(&new_path));
        let gold = gold_links(pair, &old, &new);
        let rows =
            guihua_diff::align_sections(&guihua_diff::profile(&old, &words), &guihua_diff::profile(&new, &words));
        let links: HashSet<(String, String)> = rows
            .iter()
            .filter(|r| matches!(r.relation, Relation::Same | Relation::Split | Relation::Merged))
            .filter_map(|r| Some((r.old.as_ref()?, r.new.as_ref()?)))
            .filter(|(o, n)| o.level <= pair.max_level && n.level <= pair.max_level)
            .map(|(o, n)| (o.node.clone(), n.node.clone()))
            .collect();
        if std::env::var_os("GUIHUA_COMPARE_DUMP").is_some() {
            let sims =
                guihua_diff::similarities(&guihua_diff::profile(&old, &words), &guihua_diff::profile(&new, &words));
            let level = |d: &Document, id: &str| sections(d).iter().find(|s| s.id == id).map_or(0, |s| s.level);
            for (o, n, c) in sims {
                if level(&old, &o) <= pair.max_level && level(&new, &n) <= pair.max_level {
                    let g = gold.contains(&(o.clone(), n.clone()));
                    let p = links.contains(&(o.clone(), n.clone()));
                    eprintln!("DUMP\t{}\t{o}\t{n}\t{c:.3}\t{g}\t{p}", pair.gold);
                }
            }
        }
        let hit = links.intersection(&gold).count();
        report.push(format!(
            "{}: precision {hit}/{} = {:.2}, recall {hit}/{} = {:.2}",
            pair.gold,
            links.len(),
            hit as f64 / links.len().max(1) as f64,
            gold.len(),
            hit as f64 / gold.len().max(1) as f64
        ));
        for missed in gold.difference(&links) {
            report.push(format!("  missed {missed:?}"));
        }
        for wrong in links.difference(&gold) {
            report.push(format!("  not in gold {wrong:?}"));
        }
        hits += hit;
        predicted += links.len();
        gold_total += gold.len();
    }
    if gold_total == 0 {
        eprintln!("skipped: no development pair is present");
        return;
    }
    let precision = hits as f64 / predicted.max(1) as f64;
    let recall = hits as f64 / gold_total as f64;
    eprintln!("{}\nall pairs: precision {precision:.3}, recall {recall:.3}", report.join("\n"));
    // Floors that only go up (0.729 and 0.431 when set). On 2026-11-30 the list members of 129 after a lead-in
    // (`如下：` `1. 基础共性标准包括…`) became items, and the 31 gold rows whose new end they were left the scored
    // scope (relation `item-split`, …): precision went from 0.709 to 0.699, recall from 0.424 to 0.513.
    assert!(precision >= 0.69, "link precision {precision:.3} fell under 0.69");
    assert!(recall >= 0.50, "link recall {recall:.3} fell under 0.50");
}
