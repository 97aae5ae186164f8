//! The span invariants, checked: for tests, fuzz targets and tools that want to trust a document against its text.

use guihua_model::{Document, Node, Piece, Span};

use crate::text::{LineIndex, is_blank};

/// Checks every span of `document` against the `text` it was parsed from; returns one message per violation.
///
/// The invariants: every span lies within the text, on character boundaries, with the lines of its ends; a node's
/// text as written is found inside its span (a paragraph's span is exactly its text; a section's heading span holds
/// its number and title; a table's and a panel's pieces hold their cells' and paragraphs' text, in order); a
/// project's span holds its name once box borders and padding are taken out; children lie inside their section.
pub fn span_errors(document: &Document, text: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let index = LineIndex::new(text);
    let mut check = |what: &str, span: Span| check_span(what, span, text, &index, &mut errors);
    for (_, node) in document.walk() {
        check(node.id(), node.span());
        if let Node::Section(s) = node {
            check(&s.id, s.heading_span);
        }
        if let Node::Part(p) = node
            && let Some(span) = p.title_span
        {
            check(&p.id, span);
        }
    }
    for project in &document.projects {
        check(&project.id, project.span);
    }
    for indicator in &document.indicators {
        check(&indicator.id, indicator.span);
    }
    for diagnostic in &document.diagnostics {
        if let Some(span) = diagnostic.span {
            check(&diagnostic.code, span);
        }
    }
    if !errors.is_empty() {
        return errors;
    }
    for (_, node) in document.walk() {
        node_text_errors(node, text, &mut errors);
    }
    for project in &document.projects {
        let written: String = text[project.span.start..project.span.end]
            .chars()
            .filter(|&c| !crate::grid::is_box_char(c) && !is_blank(c))
            .collect();
        let name: String = project.name.chars().filter(|&c| !crate::grid::is_box_char(c) && !is_blank(c)).collect();
        if written != name {
            errors.push(format!("{}: span holds `{written}`, not `{}`", project.id, project.name));
        }
    }
    errors
}

fn check_span(what: &str, span: Span, text: &str, index: &LineIndex, errors: &mut Vec<String>) {
    if span.start > span.end || span.end > text.len() {
        errors.push(format!("{what}: span {}..{} is outside the text ({} bytes)", span.start, span.end, text.len()));
    } else if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        errors.push(format!("{what}: span {}..{} splits a character", span.start, span.end));
    } else if index.span(span.start, span.end) != span {
        errors.push(format!("{what}: lines {}..{} do not match its bytes", span.line, span.end_line));
    }
}

/// Whether `written` holds `title`: as it is, or set over lines (`title_wrapped`), without the breaks between them.
fn holds_title(written: &str, title: &str) -> bool {
    // Lines end with `\n`, `\r\n` or a lone `\r`.
    written == title
        || written.split(['\n', '\r']).map(|l| l.trim_matches(crate::text::is_blank)).collect::<String>() == title
}

fn pieces_text(pieces: &[Piece], text: &str) -> Option<String> {
    pieces.iter().map(|p| text.get(p.start..p.end)).collect()
}

/// Whether a text joined from lines (with `\n` between lines that each held a sentence) is its pieces, all inside
/// the node's span.
fn joined_from(pieces: &[Piece], joined: &str, text: &str, inside: impl Fn(&Piece) -> bool) -> bool {
    pieces.iter().all(inside) && pieces_text(pieces, text).as_deref() == Some(&joined.replace('\n', ""))
}

fn node_text_errors(node: &Node, text: &str, errors: &mut Vec<String>) {
    let span = node.span();
    let written = &text[span.start..span.end];
    let inside = |p: &Piece| span.start <= p.start && p.end <= span.end;
    match node {
        Node::Paragraph(p) if p.pieces.is_empty() && written != p.text => {
            errors.push(format!("{}: span holds `{written}`, not its text", p.id));
        }
        Node::Paragraph(p) if !p.pieces.is_empty() && !joined_from(&p.pieces, &p.text, text, inside) => {
            errors.push(format!("{}: text is not its pieces", p.id));
        }
        Node::Item(i) if i.pieces.is_empty() && !(written.starts_with(&i.number) && written.ends_with(&i.text)) => {
            errors.push(format!("{}: span holds `{written}`, not its number and text", i.id));
        }
        Node::Item(i) if !i.pieces.is_empty() && !joined_from(&i.pieces, &i.text, text, inside) => {
            errors.push(format!("{}: text is not its pieces", i.id));
        }
        // A title set over two lines (`title_wrapped`) is its lines without the break between them.
        Node::Title(t) if !holds_title(written, &t.text) => {
            errors.push(format!("{}: span does not hold the title", t.id));
        }
        Node::Figure(f) if written != f.text => errors.push(format!("{}: span does not hold the figure", f.id)),
        Node::Part(p) => {
            if let (Some(title), Some(at)) = (&p.title, p.title_span)
                && !text.get(at.start..at.end).is_some_and(|written| holds_title(written, title))
            {
                errors.push(format!("{}: title span does not hold the title", p.id));
            }
            for child in &p.children {
                let c = child.span();
                if c.start < span.start || c.end > span.end {
                    errors.push(format!("{}: child {} lies outside the part", p.id, child.id()));
                }
            }
        }
        Node::Toc(t) => {
            for entry in &t.entries {
                if !written.contains(entry.as_str()) {
                    errors.push(format!("{}: entry `{entry}` lies outside the contents", t.id));
                }
            }
        }
        Node::Section(s) => {
            let heading = &text[s.heading_span.start..s.heading_span.end];
            // A numeral OCR lost is put back in the number (`、标题` → `一、`), not in the text; so is a whole first
            // number the source lost (`lost_first`: the heading is the title alone).
            let restored = s.number.ends_with('、') && s.number.len() > '、'.len_utf8() && heading.starts_with('、');
            let lost = heading.trim_end_matches('。') == s.title;
            // A look-alike is cited as the number it stands for (`〈二）` as `（二）`, `(l)` as `(1)`).
            let written = crate::heading::numbered(heading)
                .map(|n| (n.number, n.style))
                .or_else(|| crate::heading::bare_number(heading).map(|(style, _, number)| (number, style)));
            let cited = written.is_some_and(|(number, style)| {
                crate::heading::cited(number, style).as_deref() == Some(s.number.as_str())
            });
            // Blanks inside a ranked number (`第三  节`) are left out of it, and so are the line breaks of a number
            // split over lines (`（` / `二` / `）`).
            let spaced = || {
                heading
                    .chars()
                    .filter(|&c| !crate::text::is_blank(c) && c != '\n' && c != '\r')
                    .collect::<String>()
                    .starts_with(&s.number)
            };
            if !(heading.starts_with(&s.number) || restored || lost || cited || spaced()) || !heading.contains(&s.title)
            {
                errors.push(format!("{}: heading span holds `{heading}`", s.id));
            }
            for child in &s.children {
                let c = child.span();
                if c.start < span.start || c.end > span.end {
                    errors.push(format!("{}: child {} lies outside the section", s.id, child.id()));
                }
            }
        }
        Node::Table(t) => {
            for cell in &t.cells {
                if !cell.pieces.iter().all(inside) || pieces_text(&cell.pieces, text).as_deref() != Some(&cell.text) {
                    errors.push(format!("{}: cell ({}, {}) is not its pieces", t.id, cell.row, cell.col));
                }
            }
            for note in &t.notes {
                if !written.contains(note.as_str()) {
                    errors.push(format!("{}: note `{note}` lies outside the table", t.id));
                }
            }
        }
        Node::Panel(p) => {
            // A title may wrap over several rows of the box: its characters stand in the span in order.
            if !is_subsequence(&p.title, written) {
                errors.push(format!("{}: title lies outside the panel", p.id));
            }
            for (paragraph, pieces) in p.paragraphs.iter().zip(&p.paragraph_pieces) {
                if !pieces.iter().all(inside) || pieces_text(pieces, text).as_deref() != Some(paragraph) {
                    errors.push(format!("{}: paragraph `{paragraph}` is not its pieces", p.id));
                }
            }
        }
        Node::Notice(n) => {
            for line in &n.lines {
                if !written.contains(line.as_str()) {
                    errors.push(format!("{}: line `{line}` lies outside the notice", n.id));
                }
            }
        }
        _ => {}
    }
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|c| rest.any(|h| h == c))
}
