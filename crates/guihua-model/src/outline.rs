//! A plain-text outline of a document, for people: headings with their numbers, tables as sizes, panels with their
//! item counts, diagnostics at the end.

use std::fmt::Write;

use crate::{Document, Node, Severity};

/// Renders the outline of `document` as indented lines.
///
/// Sections show their number and title; runs of plain paragraphs collapse to `¶ ×N`; paragraphs with a lead phrase
/// show it; tables show their size and header; panels their title, paragraph count and project count. Every line ends
/// with the source line it starts on.
pub fn render_outline(document: &Document) -> String {
    let mut out = String::new();
    let meta = &document.meta;
    let title = meta.title.as_deref().unwrap_or("(untitled)");
    let _ = writeln!(out, "{title}");
    let mut facts = Vec::new();
    if let Some(issued) = &meta.issued {
        facts.push(format!("issued {issued}"));
    }
    if let Some(issuer) = &meta.issuer {
        facts.push(format!("by {issuer}"));
    }
    if let Some(period) = meta.period {
        facts.push(format!("period {}–{}", period.start, period.end));
    }
    facts.push(format!(
        "{} indicators, {} projects, {} diagnostics",
        document.indicators.len(),
        document.projects.len(),
        document.diagnostics.len()
    ));
    let _ = writeln!(out, "  {}", facts.join(" · "));
    render_nodes(document, &document.outline, 0, &mut out);
    if !document.diagnostics.is_empty() {
        let _ = writeln!(out, "diagnostics:");
        for d in &document.diagnostics {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let at = d.span.map_or_else(String::new, |s| format!("line {}: ", s.line));
            let _ = writeln!(out, "  {at}{severity}[{}] {}", d.code, d.message);
        }
    }
    out
}

fn render_nodes(document: &Document, nodes: &[Node], depth: usize, out: &mut String) {
    let indent = "  ".repeat(depth);
    let mut plain_run: Option<(usize, u32)> = None;
    let flush = |run: &mut Option<(usize, u32)>, out: &mut String| {
        if let Some((count, line)) = run.take() {
            let _ = writeln!(out, "{indent}¶ ×{count}  @{line}");
        }
    };
    for node in nodes {
        if let Node::Paragraph(p) = node
            && p.lead.is_none()
        {
            let entry = plain_run.get_or_insert((0, p.span.line));
            entry.0 += 1;
            continue;
        }
        flush(&mut plain_run, out);
        let line = node.span().line;
        match node {
            Node::Notice(n) => {
                let _ = writeln!(out, "{indent}notice ({} lines)  @{line}", n.lines.len());
            }
            Node::Title(t) => {
                let _ = writeln!(out, "{indent}title {}  @{line}", t.text);
            }
            Node::Part(p) => {
                let kind = match p.kind {
                    crate::PartKind::Document => "part",
                    crate::PartKind::Appendix => "appendix",
                };
                let title = p.title.as_deref().unwrap_or("(untitled)");
                let _ = writeln!(out, "{indent}{kind} {title}  @{line}");
                render_nodes(document, &p.children, depth + 1, out);
            }
            Node::Toc(t) => {
                let _ = writeln!(out, "{indent}contents ({} entries)  @{line}", t.entries.len());
            }
            Node::Section(s) => {
                // `第一章` and its title are written apart in the source; `一、` and `（一）` run on.
                let gap = if s.number.ends_with(['篇', '编', '章', '节', '分']) { " " } else { "" };
                let _ = writeln!(out, "{indent}{}{gap}{}  @{line}", s.number, s.title);
                render_nodes(document, &s.children, depth + 1, out);
            }
            Node::Paragraph(p) => {
                let _ = writeln!(out, "{indent}¶ {}。…  @{line}", p.lead.as_deref().unwrap_or_default());
            }
            Node::Item(i) => {
                let text: String = i.text.chars().take(24).collect();
                let more = if text.len() < i.text.len() { "…" } else { "" };
                let _ = writeln!(out, "{indent}• {}{text}{more}  @{line}", i.number);
                render_nodes(document, &i.children, depth + 1, out);
            }
            Node::Table(t) => {
                let indicators = document.indicators.iter().filter(|i| i.table == t.id).count();
                let mut extra = String::new();
                if indicators > 0 {
                    let _ = write!(extra, ", {indicators} indicators");
                }
                if !t.notes.is_empty() {
                    let _ = write!(extra, ", {} note(s)", t.notes.len());
                }
                let _ = writeln!(
                    out,
                    "{indent}table {}×{} [{}]{extra}  @{line}",
                    t.rows,
                    t.columns.len(),
                    t.columns.join(" | ")
                );
            }
            Node::Panel(p) => {
                let number = p.number.map_or_else(String::new, |n| n.to_string());
                let projects = document.projects.iter().filter(|x| x.panel == p.id).count();
                let projects = if projects > 0 { format!(", {projects} projects") } else { String::new() };
                let _ = writeln!(
                    out,
                    "{indent}{}{number} {} — {} paragraph(s){projects}  @{line}",
                    p.kind.as_str(),
                    p.title,
                    p.paragraphs.len()
                );
            }
            Node::Figure(f) => {
                let _ = writeln!(out, "{indent}figure {}  @{line}", f.text);
            }
        }
    }
    flush(&mut plain_run, out);
}
