//! Section matching and sentence-level text changes.

use std::collections::{HashMap, HashSet};

use guihua_model::{
    ChangeKind, Document, Edit, EditOp, Node, PlanDiff, Project, SectionChange, SectionRef, TextChange,
};
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff, capture_diff_slices};

use crate::keys::title_key;

/// A section with what matching needs.
struct Flat {
    reference: SectionRef,
    parent: Option<usize>,
    key: String,
    /// The section's own sentences: those of its paragraphs, panels and non-indicator cells, not its subsections'.
    sentences: Vec<String>,
}

/// The text that belongs to a section itself. Panel paragraphs that list projects are left to the project diff, so
/// that a renamed project is reported once.
fn own_text(children: &[Node], projects: &[Project]) -> Vec<String> {
    let mut texts = Vec::new();
    for child in children {
        match child {
            Node::Paragraph(p) => texts.push(p.text.clone()),
            Node::Item(i) => {
                texts.push(format!("{}{}", i.number, i.text));
                texts.extend(own_text(&i.children, projects));
            }
            Node::Panel(p) => {
                texts.push(p.title.clone());
                for (text, pieces) in p.paragraphs.iter().zip(&p.paragraph_pieces) {
                    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else { continue };
                    let lists_projects = projects
                        .iter()
                        .any(|x| x.panel == p.id && first.start <= x.span.start && x.span.start < last.end);
                    if !lists_projects {
                        texts.push(text.clone());
                    }
                }
            }
            Node::Figure(f) => texts.push(f.text.clone()),
            Node::Table(t) => texts.extend(t.notes.iter().cloned()),
            _ => {}
        }
    }
    texts.iter().flat_map(|t| sentences(t)).collect()
}

/// Sentences, each with its closing punctuation.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '。' | '！' | '？' | '；') {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

fn flatten(document: &Document) -> Vec<Flat> {
    fn visit(nodes: &[Node], projects: &[Project], parent: Option<usize>, path: &mut Vec<String>, out: &mut Vec<Flat>) {
        for node in nodes {
            if let Node::Part(p) = node {
                let titled = p.title.is_some();
                path.extend(p.title.clone());
                visit(&p.children, projects, parent, path, out);
                if titled {
                    path.pop();
                }
            }
            if let Node::Section(s) = node {
                let index = out.len();
                out.push(Flat {
                    reference: SectionRef {
                        id: s.id.clone(),
                        number: s.number.clone(),
                        title: s.title.clone(),
                        path: path.clone(),
                        span: s.heading_span,
                    },
                    parent,
                    key: title_key(&s.title),
                    sentences: own_text(&s.children, projects),
                });
                // An untitled section (an article, `第三条`) is named by its number.
                path.push(if s.title.is_empty() { s.number.clone() } else { s.title.clone() });
                visit(&s.children, projects, Some(index), path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    visit(&document.outline, &document.projects, None, &mut Vec::new(), &mut out);
    out
}

/// Character-bigram overlap of two sentence lists, 0 to 1.
fn similarity(a: &[String], b: &[String]) -> f64 {
    let grams = |s: &[String]| -> HashSet<(char, char)> {
        s.iter().flat_map(|t| t.chars().zip(t.chars().skip(1)).collect::<Vec<_>>()).collect()
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() && gb.is_empty() {
        return 1.0;
    }
    let common = ga.intersection(&gb).count() as f64;
    common / (ga.len() + gb.len()) as f64 * 2.0
}

/// Content similarity above which two unmatched sibling sections are the same section renamed.
const SAME_CONTENT: f64 = 0.6;

pub(crate) fn diff_sections(old: &Document, new: &Document, out: &mut PlanDiff) {
    let (old_flat, new_flat) = (flatten(old), flatten(new));
    let mut to_new: Vec<Option<usize>> = vec![None; old_flat.len()];
    let mut to_old: Vec<Option<usize>> = vec![None; new_flat.len()];

    // Pass 1: same title, preferring the one under the match of the parent.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, s) in new_flat.iter().enumerate() {
        by_key.entry(s.key.as_str()).or_default().push(j);
    }
    for (i, s) in old_flat.iter().enumerate() {
        let Some(candidates) = by_key.get(s.key.as_str()) else { continue };
        let parent_match = s.parent.and_then(|p| to_new[p]);
        let free = candidates.iter().copied().filter(|&j| to_old[j].is_none());
        let best = free.clone().find(|&j| new_flat[j].parent == parent_match).or_else(|| free.clone().next());
        if let Some(j) = best {
            to_new[i] = Some(j);
            to_old[j] = Some(i);
        }
    }
    // Pass 2: among the unmatched children of matched parents (or of the root), the same content. Only siblings are
    // compared, so the cost stays near linear in the plans' size.
    let mut children: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    for (j, s) in new_flat.iter().enumerate() {
        children.entry(s.parent).or_default().push(j);
    }
    for i in 0..old_flat.len() {
        if to_new[i].is_some() {
            continue;
        }
        let new_parent = match old_flat[i].parent {
            None => None,
            Some(p) => match to_new[p] {
                Some(q) => Some(q),
                None => continue,
            },
        };
        let siblings = children.get(&new_parent).map_or(&[][..], Vec::as_slice);
        let best = siblings
            .iter()
            .copied()
            .filter(|&j| to_old[j].is_none())
            .map(|j| (j, similarity(&old_flat[i].sentences, &new_flat[j].sentences)))
            .filter(|&(_, score)| score >= SAME_CONTENT)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, _)) = best {
            to_new[i] = Some(j);
            to_old[j] = Some(i);
        }
    }

    for (i, o) in old_flat.iter().enumerate() {
        let Some(j) = to_new[i] else {
            out.summary.sections_removed += 1;
            out.sections.push(SectionChange { change: ChangeKind::Removed, old: Some(o.reference.clone()), new: None });
            continue;
        };
        let n = &new_flat[j];
        let moved = o.parent.map(|p| to_new[p]) != n.parent.map(Some) && !(o.parent.is_none() && n.parent.is_none());
        let renamed = o.key != n.key;
        let change = if moved {
            out.summary.sections_moved += 1;
            Some(ChangeKind::Moved)
        } else if renamed {
            out.summary.sections_renamed += 1;
            Some(ChangeKind::Renamed)
        } else {
            None
        };
        if let Some(change) = change {
            out.sections.push(SectionChange { change, old: Some(o.reference.clone()), new: Some(n.reference.clone()) });
        }
        if o.sentences != n.sentences {
            out.summary.sections_text_changed += 1;
            if change.is_none() {
                out.sections.push(SectionChange {
                    change: ChangeKind::TextChanged,
                    old: Some(o.reference.clone()),
                    new: Some(n.reference.clone()),
                });
            }
            let mut path = n.reference.path.clone();
            let name = if n.reference.title.is_empty() { &n.reference.number } else { &n.reference.title };
            path.push(name.clone());
            text_changes(&o.sentences, &n.sentences, &path, out);
        }
    }
    for (j, n) in new_flat.iter().enumerate() {
        if to_old[j].is_none() {
            out.summary.sections_added += 1;
            out.sections.push(SectionChange { change: ChangeKind::Added, old: None, new: Some(n.reference.clone()) });
        }
    }
}

/// The changed sentences between two sentence lists, each with its character edits.
fn text_changes(old: &[String], new: &[String], path: &[String], out: &mut PlanDiff) {
    for op in capture_diff_slices(Algorithm::Myers, old, new) {
        let (old_range, new_range) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete { old_index, old_len, new_index } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert { old_index, new_index, new_len } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                (old_index..old_index + old_len, new_index..new_index + new_len)
            }
        };
        let old_text: String = old[old_range].concat();
        let new_text: String = new[new_range].concat();
        let edits = TextDiff::from_chars(old_text.as_str(), new_text.as_str()).iter_all_changes().fold(
            Vec::<Edit>::new(),
            |mut edits, change| {
                let op = match change.tag() {
                    ChangeTag::Equal => EditOp::Equal,
                    ChangeTag::Insert => EditOp::Insert,
                    ChangeTag::Delete => EditOp::Delete,
                };
                match edits.last_mut() {
                    Some(last) if last.op == op => last.text.push_str(change.value()),
                    _ => edits.push(Edit { op, text: change.value().to_owned() }),
                }
                edits
            },
        );
        out.summary.sentences_changed += 1;
        out.text.push(TextChange { section_path: path.to_vec(), old: old_text, new: new_text, edits });
    }
}
