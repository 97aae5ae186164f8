//! Searchable units: the pieces of a parsed document that a hit can point at.

use std::borrow::Cow;
use std::collections::HashMap;

use guihua_model::{Document, Node, Span};

/// One searchable piece of a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit<'a> {
    /// The node the unit comes from (`paragraph-12`, `panel-3`, `indicator-4`, `project-17`).
    pub node_id: String,
    /// `section`, `paragraph`, `panel`, `project`, `indicator`, `cell`, `title`, `notice`, `figure`.
    pub kind: &'static str,
    /// The headings above the unit, outermost first, each with its number (`（一）培育壮大战略性新兴产业`); a panel's
    /// own units end with the panel (`专栏1`).
    pub section_path: Vec<String>,
    /// The text as written: borrowed from the document where it is written there as it is.
    pub text: Cow<'a, str>,
    /// A label that ranks above body text: a section's title, a paragraph's lead phrase, a panel's title.
    pub heading: String,
    /// The 1-based source line where the unit starts.
    pub line: u32,
}

/// Cuts a document into units, in source order.
pub fn units(document: &Document) -> Vec<Unit<'_>> {
    units_in(document, "")
}

/// [`units`], reading the paragraphs whose text was left in `source` by their spans (see
/// [`guihua_model::Paragraph::text_in`]).
pub fn units_in<'a>(document: &'a Document, source: &'a str) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    // The breadcrumb of every panel and table, for the projects and indicators read from them.
    let mut container_paths: HashMap<String, Vec<String>> = HashMap::new();
    let indicator_tables: Vec<&str> = document.indicators.iter().map(|i| i.table.as_str()).collect();
    collect(&document.outline, source, &indicator_tables, &mut path, &mut out, &mut container_paths);
    let path_of = |id: &str| container_paths.get(id).cloned().unwrap_or_default();
    for project in &document.projects {
        let section_path = path_of(&project.panel);
        let text = match &project.category {
            Some(category) => format!("{}（{category}）", project.name),
            None => project.name.clone(),
        };
        out.push(unit(&project.id, "project", section_path, text, project.name.clone(), project.span));
    }
    for indicator in &document.indicators {
        let section_path = path_of(&indicator.table);
        let mut parts = Vec::new();
        parts.extend(indicator.category.clone());
        parts.push(indicator.name.clone());
        parts.extend(indicator.unit.as_ref().map(|u| format!("（{u}）")));
        parts.push(format!("{} → {}", indicator.baseline.raw, indicator.target.raw));
        out.push(unit(
            &indicator.id,
            "indicator",
            section_path,
            parts.join(" "),
            indicator.name.clone(),
            indicator.span,
        ));
    }
    out
}

fn unit<'a>(
    id: &str,
    kind: &'static str,
    section_path: Vec<String>,
    text: impl Into<Cow<'a, str>>,
    heading: String,
    span: Span,
) -> Unit<'a> {
    Unit { node_id: id.to_owned(), kind, section_path, text: text.into(), heading, line: span.line }
}

fn collect<'a>(
    nodes: &'a [Node],
    source: &'a str,
    indicator_tables: &[&str],
    path: &mut Vec<String>,
    out: &mut Vec<Unit<'a>>,
    container_paths: &mut HashMap<String, Vec<String>>,
) {
    for node in nodes {
        match node {
            Node::Section(s) => {
                let label = format!("{}{}", s.number, s.title);
                out.push(unit(&s.id, "section", path.clone(), label.clone(), s.title.clone(), s.heading_span));
                path.push(label);
                collect(&s.children, source, indicator_tables, path, out, container_paths);
                path.pop();
            }
            Node::Paragraph(p) => {
                let heading = p.lead.clone().unwrap_or_default();
                out.push(unit(&p.id, "paragraph", path.clone(), p.text_in(source), heading, p.span));
            }
            Node::Item(i) => {
                let text = format!("{}{}", i.number, i.text);
                out.push(unit(&i.id, "paragraph", path.clone(), text, String::new(), i.span));
                collect(&i.children, source, indicator_tables, path, out, container_paths);
            }
            Node::Panel(p) => {
                let label = match p.number {
                    Some(n) => format!("{}{n}", p.kind.as_str()),
                    None => p.title.clone(),
                };
                let mut panel_path = path.clone();
                panel_path.push(label);
                out.push(unit(&p.id, "panel", panel_path.clone(), p.title.clone(), p.title.clone(), p.span));
                for text in &p.paragraphs {
                    out.push(unit(&p.id, "panel", panel_path.clone(), text.as_str(), String::new(), p.span));
                }
                container_paths.insert(p.id.clone(), panel_path);
            }
            Node::Table(t) => {
                container_paths.insert(t.id.clone(), path.clone());
                let has_indicators = indicator_tables.contains(&t.id.as_str());
                for cell in t.cells.iter().filter(|c| !c.text.is_empty()) {
                    if has_indicators && cell.row > 0 {
                        continue; // the rows of an indicator table are indexed as indicators
                    }
                    // The cell's own line (documents older than 2.1.0 have none: the table's first line).
                    let span = if cell.line > 0 { Span { line: cell.line, ..t.span } } else { t.span };
                    out.push(unit(&t.id, "cell", path.clone(), cell.text.as_str(), String::new(), span));
                }
                for note in &t.notes {
                    out.push(unit(&t.id, "cell", path.clone(), note.as_str(), String::new(), t.span));
                }
            }
            Node::Part(p) => {
                let title = p.title.clone().unwrap_or_default();
                if !title.is_empty() {
                    out.push(unit(
                        &p.id,
                        "part",
                        path.clone(),
                        title.clone(),
                        title.clone(),
                        p.title_span.unwrap_or(p.span),
                    ));
                }
                // An untitled part adds nothing to the breadcrumb.
                let titled = !title.is_empty();
                if titled {
                    path.push(title);
                }
                collect(&p.children, source, indicator_tables, path, out, container_paths);
                if titled {
                    path.pop();
                }
            }
            Node::Toc(t) => out.push(unit(&t.id, "toc", path.clone(), t.entries.join("\n"), String::new(), t.span)),
            Node::Title(t) => out.push(unit(&t.id, "title", Vec::new(), t.text.clone(), t.text.clone(), t.span)),
            Node::Notice(n) => out.push(unit(&n.id, "notice", Vec::new(), n.lines.join("\n"), String::new(), n.span)),
            Node::Figure(f) => out.push(unit(&f.id, "figure", path.clone(), f.text.as_str(), String::new(), f.span)),
            _ => {}
        }
    }
}
