//! The structural health of the parse on every real document of `../shared/wild` and `../shared/corpus`, measured
//! as `../shared/tools/health.py` measures it, with no hand-made truth:
//! - breaks: a section or item whose ordinal does not follow from its same-style siblings (the first of a style under
//!   a parent must be 1 or continue that style's last ordinal in its part; each next one must be one more);
//! - coverage: of the lines that open with an unmistakable heading number (`第X篇/章/节/编/部分`, `一、`, `（一）`),
//!   outside tables, panels and contents, the share on which a section or an item starts.
//!
//! A document is clean when it has no break and coverage ≥ 0.95. The floors asserted here are what the reader
//! reaches today; they only ever go up. Every node's span is also checked against the text of every document.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use guihua_model::{Document, Node};

use crate::support::{root, shared_corpus};

/// Clean documents, out of all, that the reader must keep at least.
const CLEAN_FLOOR: f64 = 0.93;
/// Share of the unmistakable heading lines that must start a section or an item.
const COVERAGE_FLOOR: f64 = 0.998;

/// The style of a heading number, as health.py groups them.
fn style(number: &str) -> String {
    const CN: &str = "一二三四五六七八九十百零〇两";
    let n = number.trim();
    for suffix in ["篇", "章", "节", "编", "部分", "条"] {
        if n.starts_with('第') && n.ends_with(suffix) {
            return suffix.to_owned();
        }
    }
    let first = n.chars().next().unwrap_or(' ');
    let second = n.chars().nth(1).unwrap_or(' ');
    if n.ends_with(['、', '．', '.', '﹒']) && n.chars().count() > 1 && CN.contains(first) {
        return "cn、".to_owned();
    }
    if "（(".contains(first) && CN.contains(second) {
        return "(cn)".to_owned();
    }
    if "（(".contains(first) && second.is_ascii_digit() {
        return "(n)".to_owned();
    }
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        return "n.".to_owned();
    }
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return "circled".to_owned();
    }
    format!("other:{first}")
}

/// A numbered node in document order: its number, ordinal, first line, parent and part (by address).
struct Numbered<'a> {
    number: &'a str,
    /// None for an unnumbered title, which health.py skips as it skips a null ordinal.
    ordinal: Option<u32>,
    line: u32,
    parent: usize,
    part: usize,
}

fn walk<'a>(nodes: &'a [Node], parent: usize, part: usize, out: &mut Vec<Numbered<'a>>, skip: &mut HashSet<u32>) {
    for node in nodes {
        match node {
            Node::Section(s) => {
                out.push(Numbered { number: &s.number, ordinal: s.ordinal, line: s.heading_span.line, parent, part });
                walk(&s.children, node as *const Node as usize, part, out, skip);
            }
            Node::Item(i) => {
                out.push(Numbered { number: &i.number, ordinal: Some(i.ordinal), line: i.span.line, parent, part })
            }
            Node::Part(p) => {
                let id = node as *const Node as usize;
                walk(&p.children, id, id, out, skip);
            }
            Node::Table(_) | Node::Panel(_) | Node::Toc(_) => {
                let span = node.span();
                skip.extend(span.line..=span.end_line);
            }
            _ => {}
        }
    }
}

/// (breaks, covered, strict lines) of one document.
fn health(doc: &Document, text: &str) -> (usize, usize, usize) {
    let mut numbered = Vec::new();
    let mut skip = HashSet::new();
    walk(&doc.outline, 0, 0, &mut numbered, &mut skip);
    let mut breaks = 0;
    let mut last_in_part: HashMap<(usize, String), u32> = HashMap::new();
    let mut last_sibling: HashMap<(usize, String), u32> = HashMap::new();
    let mut heading_lines = HashSet::new();
    for n in &numbered {
        heading_lines.insert(n.line);
        let st = style(n.number);
        let Some(ordinal) = n.ordinal.filter(|_| !st.starts_with("other")) else { continue };
        match last_sibling.get(&(n.parent, st.clone())) {
            Some(&last) if ordinal != last + 1 => breaks += 1,
            Some(_) => {}
            None => {
                let continues = last_in_part.get(&(n.part, st.clone())).is_some_and(|&last| ordinal == last + 1);
                if ordinal != 1 && !continues {
                    breaks += 1;
                }
            }
        }
        last_sibling.insert((n.parent, st.clone()), ordinal);
        last_in_part.insert((n.part, st), ordinal);
    }
    let strict = regex::Regex::new(
        r"^(第[一二三四五六七八九十百零〇两]+[篇章节编]|第[一二三四五六七八九十百零〇两]+部分|[一二三四五六七八九十百零〇两]{1,3}、|（[一二三四五六七八九十百零〇两]{1,3}）)",
    )
    .expect("valid");
    let (mut lines, mut covered) = (0, 0);
    for (i, line) in text.split("\r\n").flat_map(|l| l.split(['\r', '\n'])).enumerate() {
        let line_no = u32::try_from(i + 1).expect("fewer lines than u32::MAX");
        if skip.contains(&line_no) {
            continue;
        }
        let s = line.trim_start_matches(|c: char| {
            matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{feff}' | '#' | '*')
                || c.is_whitespace()
        });
        if strict.is_match(s) {
            lines += 1;
            covered += usize::from(heading_lines.contains(&line_no));
        }
    }
    (breaks, covered, lines)
}

#[allow(clippy::print_stderr)] // a skipped test says why
fn documents() -> Option<Vec<PathBuf>> {
    let corpus = shared_corpus()?;
    let wild = root().join("../shared/wild/docs");
    if !wild.is_dir() {
        eprintln!("skipped: {} is absent (the shared documents sit beside the repository)", wild.display());
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&wild)
        .into_iter()
        .flatten()
        .chain(std::fs::read_dir(&corpus).into_iter().flatten())
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || (e == "md" && p.starts_with(&wild))))
        .collect();
    files.sort();
    Some(files)
}

#[test]
#[allow(clippy::print_stderr)] // the measured figures are reported
fn the_real_documents_parse_into_healthy_trees() {
    let Some(files) = documents() else { return };
    let (mut clean, mut covered, mut lines) = (0, 0, 0);
    let mut unclean = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).expect("readable");
        let parsed = guihua_parse::parse_bytes(&bytes, &guihua_parse::Options::default()).expect("decodes");
        let errors = guihua_parse::span_errors(&parsed.document, &parsed.text);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let (breaks, c, l) = health(&parsed.document, &parsed.text);
        covered += c;
        lines += l;
        let coverage = if l == 0 { 1.0 } else { c as f64 / l as f64 };
        if breaks == 0 && coverage >= 0.95 {
            clean += 1;
        } else {
            unclean.push(format!("{} (breaks {breaks}, coverage {coverage:.3})", path.display()));
        }
    }
    let share = clean as f64 / files.len() as f64;
    let coverage = covered as f64 / lines.max(1) as f64;
    eprintln!("{clean}/{} clean ({share:.3}); heading lines covered {covered}/{lines} = {coverage:.3}", files.len());
    assert!(files.len() >= 150, "the shared documents are all there: {}", files.len());
    assert!(share >= CLEAN_FLOOR, "{clean}/{} clean; not clean:\n{}", files.len(), unclean.join("\n"));
    assert!(coverage >= COVERAGE_FLOOR, "heading lines covered {covered}/{lines}");
}

#[test]
fn the_style_groups_follow_health_py() {
    assert_eq!(style("第十二章"), "章");
    assert_eq!(style("一、"), "cn、");
    assert_eq!(style("（一）"), "(cn)");
    assert_eq!(style("(3)"), "(n)");
    assert_eq!(style("１１．"), "n.");
    assert_eq!(style("②"), "circled");
    assert_eq!(style("、"), "other:、");
}
