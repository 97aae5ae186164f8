//! The `lost_chapter` pass over the finished tree: chapter headings whose number the source lost.
//!
//! Exports of laws and measures drop chapter markup in two ways, seen in hundreds of the 3,500 legal texts of the scale
//! corpus and in the shared documents:
//! - a chapter keeps its title but loses its number: `规划和建设` stands alone between two articles, and the chapter
//!   numbers then skip one (`第一章 … 第三章`);
//! - the first chapter loses its heading line entirely (`第一章　总则` is gone): articles `第一条`–`第五条` stand before
//!   `第二章`.
//!
//! Chapters (and 篇, 编, 节) are numbered by design, so a gap says how many headings were lost. When the titles
//! standing alone between articles in the gap are exactly that many, each becomes the lost heading, its number put
//! back (`heading.lost_number`), and the articles after it move under it. When one title fewer stands there and the
//! gap is at the start (the articles before it start the container, or at `第一条`), the articles before the first
//! title are the first member, whose heading is missing (`heading.lost_first`): a section with an empty title and an
//! empty heading span where its first article starts. Any other count leaves the tree alone (a gap that the source
//! really has).

use std::collections::HashMap;

use guihua_model::{Diagnostic, Node, Paragraph, Section, Severity, Span};

use crate::heading::{self, Style};
use crate::text::LineIndex;

/// Longest title read as a lost heading.
const TITLE_CHARS: usize = 20;

/// Punctuation a lost heading's title never holds.
const PUNCTUATION: &str = "。，；：！？“”‘’（）()《》〈〉【】—…·．,.;:!?";

/// Endings of a document's own title (`…条例`), which may stand alone before the first article at the top.
const DOCUMENT_KINDS: [&str; 12] =
    ["条例", "办法", "规定", "细则", "决定", "法", "规则", "意见", "方案", "计划", "通知", "章程"];

/// Restores lost chapter headings everywhere in `outline` (see the module documentation).
pub(crate) fn restore(
    outline: &mut Vec<Node>,
    index: &LineIndex,
    sections: &mut usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut pass = Pass { index, sections, diagnostics, seen: HashMap::new() };
    pass.container(outline, true);
}

struct Pass<'a> {
    index: &'a LineIndex,
    /// The section id counter of the builder.
    sections: &'a mut usize,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// The last ordinal of each ranked style so far, in document order: a first chapter that continues one before
    /// it (chapters run on through 篇) is no gap.
    seen: HashMap<Style, u32>,
}

/// A title standing alone in a gap, by the index of what holds it: an article whose last child it is (with an
/// article after it), or itself (`lead`: the paragraph right before the first article).
#[derive(Clone, Copy)]
struct Title {
    at: usize,
    lead: bool,
}

impl Pass<'_> {
    fn container(&mut self, nodes: &mut Vec<Node>, top: bool) {
        // Each number is read once for the styles present here; a style with no member has no gap to fill.
        let mut present = [false; heading::STYLES];
        for node in nodes.iter() {
            if let Node::Section(s) = node
                && let Some(style) = style_of(&s.number)
            {
                present[style as usize] = true;
            }
        }
        for style in [Style::Part, Style::Book, Style::SubBook, Style::Chapter, Style::Division] {
            if present[style as usize] {
                self.fill_gaps(nodes, style, top);
            }
        }
        for node in nodes.iter_mut() {
            match node {
                Node::Section(s) => self.container(&mut s.children, false),
                Node::Part(p) => self.container(&mut p.children, true),
                _ => {}
            }
        }
    }

    /// Fills the gaps in the numbering of `style` among the sections of `nodes`.
    fn fill_gaps(&mut self, nodes: &mut Vec<Node>, style: Style, top: bool) {
        let mut previous: Option<(usize, u32)> = None;
        let mut i = 0;
        while i < nodes.len() {
            let Some(ordinal) = ranked(&nodes[i], style) else {
                i += 1;
                continue;
            };
            match previous {
                Some((at, last)) if ordinal > last + 1 => i += self.after(nodes, at, last, ordinal, i),
                None if ordinal > 1 && !self.seen.contains_key(&style) => {
                    i = i.saturating_add_signed(self.before(nodes, ordinal, i, top));
                }
                _ => {}
            }
            previous = Some((i, ordinal));
            self.seen.insert(style, ordinal);
            i += 1;
        }
    }

    /// The gap between the member at `at` (numbered `last`) and the one at `next` (numbered `ordinal`): the titles
    /// must stand among the articles of the member at `at`. Returns the number of sections inserted.
    fn after(&mut self, nodes: &mut Vec<Node>, at: usize, last: u32, ordinal: u32, next: usize) -> usize {
        let missing = usize::try_from(ordinal - last - 1).unwrap_or(usize::MAX);
        let Node::Section(member) = &mut nodes[at] else { return 0 };
        let titles = titles_in(&member.children, 0);
        if titles.len() != missing {
            return 0;
        }
        let (level, like) = (member.level, member.number.clone());
        let (head, members) = cut(std::mem::take(&mut member.children), &titles, self.index);
        member.children = head;
        refit(member, self.index);
        self.forget_gap_diagnostics(&nodes[next]);
        let restored: Vec<Node> = members
            .into_iter()
            .zip(last + 1..)
            .map(|((title, children), n)| Node::Section(self.titled(&like, n, title, level, children)))
            .collect();
        let count = restored.len();
        nodes.splice(at + 1..at + 1, restored);
        count
    }

    /// The gap before the first member of the style in `nodes`, at `first` (numbered `ordinal`), when no member of
    /// it came before in the document. Returns the number of sections inserted less the nodes they took in.
    fn before(&mut self, nodes: &mut Vec<Node>, ordinal: u32, first: usize, top: bool) -> isize {
        let missing = usize::try_from(ordinal - 1).unwrap_or(usize::MAX);
        let Some(start) = nodes[..first].iter().position(is_article) else { return 0 };
        let mut titles = titles_in(&nodes[start..first], start);
        // A title right before the first article: the first member's own (`总则`), unless it is the document's.
        let lead = start.checked_sub(1).filter(|&l| {
            matches!(&nodes[l], Node::Paragraph(p) if title_shaped(p)
                && !(top && DOCUMENT_KINDS.iter().any(|kind| p.text.ends_with(kind))))
        });
        match lead {
            Some(lead) if titles.len() + 1 == missing => titles.insert(0, Title { at: lead, lead: true }),
            // No title at all for the first member: only where its articles plainly start the container.
            None if titles.len() + 1 == missing
                && (if top { first_article_ordinal(&nodes[start]) == Some(1) } else { start == 0 }) => {}
            _ => return 0,
        }
        let Node::Section(member) = &nodes[first] else { return 0 };
        let (level, like) = (member.level, member.number.clone());
        self.forget_gap_diagnostics(&nodes[first]);
        let from = lead.unwrap_or(start);
        let mut run: Vec<Node> = nodes.drain(from..first).collect();
        for node in &mut run {
            deepen(node);
        }
        let titles: Vec<Title> = titles.into_iter().map(|t| Title { at: t.at - from, lead: t.lead }).collect();
        let (head, members) = cut(run, &titles, self.index);
        let mut restored = Vec::new();
        if !head.is_empty() {
            // The untitled first member: the articles before the first title.
            let at = head[0].span().start;
            let heading_span = self.index.span(at, at);
            let number = numbered_like(&like, 1);
            let message = format!(
                "the articles before `{like}` are taken as `{number}`, whose heading the source lost: `{like}` opens its level with nothing before it"
            );
            self.diagnose("heading.lost_first", message, heading_span);
            restored.push(Node::Section(self.section(number, 1, String::new(), heading_span, level, head)));
        }
        let next = u32::try_from(restored.len()).unwrap_or(u32::MAX) + 1;
        for ((title, children), n) in members.into_iter().zip(next..) {
            restored.push(Node::Section(self.titled(&like, n, title, level, children)));
        }
        let count = isize::try_from(restored.len()).unwrap_or(0) - isize::try_from(first - from).unwrap_or(0);
        nodes.splice(from..from, restored);
        count
    }

    /// A lost heading with its title: the paragraph that stood alone.
    fn titled(&mut self, like: &str, n: u32, title: Paragraph, level: u32, children: Vec<Node>) -> Section {
        let number = numbered_like(like, n);
        let message = format!(
            "`{}` reads as heading `{number}`: it stands alone between articles where the numbering before `{like}` skips",
            title.text
        );
        self.diagnose("heading.lost_number", message, title.span);
        self.section(number, n, title.text, title.span, level, children)
    }

    fn section(
        &mut self,
        number: String,
        ordinal: u32,
        title: String,
        heading_span: Span,
        level: u32,
        children: Vec<Node>,
    ) -> Section {
        *self.sections += 1;
        let mut section = Section {
            id: format!("section-{}", self.sections),
            span: heading_span,
            level,
            number,
            ordinal: Some(ordinal),
            title,
            heading_span,
            children,
        };
        refit(&mut section, self.index);
        section
    }

    /// The builder warned that the numbering skips or opens late at `member`: the lost headings explain that now.
    fn forget_gap_diagnostics(&mut self, member: &Node) {
        let Node::Section(member) = member else { return };
        let at = member.heading_span.start;
        self.diagnostics.retain(|d| {
            !(matches!(d.code.as_str(), "heading.numbering_gap" | "heading.numbering_late")
                && d.span.is_some_and(|s| s.start == at))
        });
    }

    fn diagnose(&mut self, code: &str, message: String, span: Span) {
        let diagnostic = Diagnostic { code: code.to_owned(), severity: Severity::Warning, message, span: Some(span) };
        self.diagnostics.push(diagnostic);
    }
}

/// The ordinal of `node` when it is a section numbered in `style`.
fn ranked(node: &Node, style: Style) -> Option<u32> {
    let Node::Section(s) = node else { return None };
    (style_of(&s.number) == Some(style)).then_some(s.ordinal?)
}

/// The ranked style of a number as sections hold it (`第三章`, `第二分编`, `第十条`).
fn style_of(number: &str) -> Option<Style> {
    heading::style_of_number(number).filter(|&style| crate::build::is_legal_style(style))
}

fn is_article(node: &Node) -> bool {
    matches!(node, Node::Section(s) if style_of(&s.number) == Some(Style::Article))
}

fn first_article_ordinal(node: &Node) -> Option<u32> {
    match node {
        Node::Section(s) if is_article(node) => s.ordinal,
        _ => None,
    }
}

/// The titles standing alone among the articles of `run`: each the last paragraph of an article (or of a section that
/// ends with one) that another article or a section of a lower rank follows (`…第十一条…` `规划和建设` `第十二条…`, or
/// `道路运输经营` `第一节…`). `offset` is added to the indices (the run's place in its container).
fn titles_in(run: &[Node], offset: usize) -> Vec<Title> {
    let mut titles = Vec::new();
    for (k, pair) in run.windows(2).enumerate() {
        if !matches!(&pair[0], Node::Section(_)) || !matches!(&pair[1], Node::Section(_)) {
            continue;
        }
        if last_title(&pair[0]).is_some() {
            titles.push(Title { at: offset + k, lead: false });
        }
    }
    titles
}

/// The title-shaped paragraph that ends `node`, following the last children down: never a section's only child.
fn last_title(node: &Node) -> Option<&Paragraph> {
    let Node::Section(s) = node else { return None };
    match s.children.last()? {
        Node::Paragraph(p) if title_shaped(p) && s.children.len() > 1 && is_article(node) => Some(p),
        last @ Node::Section(_) => last_title(last),
        _ => None,
    }
}

/// Takes the paragraph [`last_title`] finds out of `node`, refitting the spans of the sections that held it.
fn pop_title(node: &mut Node, index: &LineIndex) -> Option<Paragraph> {
    last_title(node)?;
    let Node::Section(s) = node else { return None };
    let paragraph = match s.children.last_mut()? {
        Node::Paragraph(_) => match s.children.pop() {
            Some(Node::Paragraph(p)) => p,
            _ => return None,
        },
        last => pop_title(last, index)?,
    };
    refit(s, index);
    Some(paragraph)
}

/// A title standing alone: one line of 2–20 characters with no punctuation but `、`, no digits and no heading number.
fn title_shaped(p: &Paragraph) -> bool {
    let chars = p.text.chars().count();
    p.pieces.is_empty()
        && p.lead.is_none()
        && (2..=TITLE_CHARS).contains(&chars)
        && !p.text.contains(|c: char| c.is_ascii_alphanumeric() || c.is_whitespace() || PUNCTUATION.contains(c))
        && heading::numbered(&p.text).is_none()
}

/// `like` (`第三章`) with its numeral replaced by `ordinal`'s.
fn numbered_like(like: &str, ordinal: u32) -> String {
    let suffix = like.trim_start_matches('第').trim_start_matches(crate::numbers::is_chinese_numeral_char);
    format!("第{}{suffix}", crate::numbers::write_chinese_numeral(ordinal))
}

/// Cuts `run` at each title: what stands before the first title, and each title with what follows it up to the next.
/// An article that holds a title gives it up (and stays before it).
fn cut(run: Vec<Node>, titles: &[Title], index: &LineIndex) -> (Vec<Node>, Vec<(Paragraph, Vec<Node>)>) {
    let mut head = Vec::new();
    let mut members: Vec<(Paragraph, Vec<Node>)> = Vec::new();
    let mut titles = titles.iter().peekable();
    for (i, mut node) in run.into_iter().enumerate() {
        let title = titles.next_if(|t| t.at == i);
        let title = match (title, &mut node) {
            (Some(t), Node::Paragraph(p)) if t.lead => Some(p.clone()),
            (Some(_), held) => pop_title(held, index),
            _ => None,
        };
        let lead = title.is_some() && matches!(node, Node::Paragraph(_));
        if !lead {
            match members.last_mut() {
                Some((_, children)) => children.push(node),
                None => head.push(node),
            }
        }
        if let Some(title) = title {
            members.push((title, Vec::new()));
        }
    }
    (head, members)
}

/// Moves a node one level deeper (its sections' levels, and theirs).
fn deepen(node: &mut Node) {
    if let Node::Section(s) = node {
        s.level += 1;
        for child in &mut s.children {
            deepen(child);
        }
    }
}

/// Sets a section's span from its heading to its last child.
fn refit(section: &mut Section, index: &LineIndex) {
    let end = section.children.last().map_or(section.heading_span.end, |c| c.span().end);
    section.span = index.span(section.heading_span.start, end.max(section.heading_span.end));
}

#[cfg(test)]
mod tests {
    use guihua_model::Node;

    use crate::numbers::write_chinese_numeral as chinese_numeral;
    use crate::parse;

    /// `depth:number title` of each section, and the diagnostic codes; the spans checked on the way.
    fn outline(text: &str) -> (Vec<String>, Vec<String>) {
        let (doc, diagnostics) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let nodes = doc
            .walk()
            .into_iter()
            .filter_map(|(depth, node)| match node {
                Node::Section(s) => Some(format!("{depth}:{}{}", s.number, s.title)),
                _ => None,
            })
            .collect();
        (nodes, diagnostics.into_iter().map(|d| d.code).collect())
    }

    #[test]
    fn a_chapter_title_without_its_number_between_articles() {
        let text = "第一章　总则\n\n第一条　为了规范管理，制定本条例。\n\n第二条　本条例适用于本市。\n\n规划和建设\n\n\
                    第三条　应当编制规划。\n\n运行、改造\n\n第四条　应当运行。\n\n第四章　附则\n\n第五条　本条例自公布之日起施行。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:第一章总则",
                "1:第一条",
                "1:第二条",
                "0:第二章规划和建设",
                "1:第三条",
                "0:第三章运行、改造",
                "1:第四条",
                "0:第四章附则",
                "1:第五条"
            ]
        );
        assert_eq!(codes.iter().filter(|c| *c == "heading.lost_number").count(), 2);
        assert!(!codes.iter().any(|c| c == "heading.numbering_gap"), "the gap is explained: {codes:?}");
    }

    #[test]
    fn a_first_chapter_whose_heading_line_is_gone() {
        let text = "某市条例\n\n第一条　为了规范管理，制定本条例。\n\n第二条　本条例适用于本市。\n\n\
                    第二章　规划\n\n第三条　应当编制规划。\n\n第三章　附则\n\n第四条　施行。\n";
        let (doc, diagnostics) = parse(text);
        let (nodes, _) = outline(text);
        assert_eq!(nodes[..5], ["0:第一章", "1:第一条", "1:第二条", "0:第二章规划", "1:第三条"]);
        let Node::Section(first) = &doc.outline[1] else { panic!("a section: {:?}", doc.outline[1]) };
        assert_eq!(
            (first.heading_span.start, first.heading_span.end),
            (text.find("第一条").unwrap(), text.find("第一条").unwrap())
        );
        assert!(diagnostics.iter().any(|d| d.code == "heading.lost_first"));
        // Articles that do not start at 第一条 (an excerpt) are left where they stand.
        let (nodes, _) =
            outline("第八条　甲。\n\n第九条　乙。\n\n第二章　规划\n\n第十条　丙。\n\n第三章　附则\n\n第十一条　丁。\n");
        assert_eq!(nodes[0], "0:第八条");
    }

    #[test]
    fn a_first_division_title_before_its_articles() {
        // Markdown, as the exports that lose these numbers write it.
        let text = "## 第三章　措施\n\n工业污染防治\n\n第七条　企业应当治理。\n\n第八条　应当处置。\n\n\
                    ### 第二节　城镇污染防治\n\n第九条　城镇应当处理。\n";
        let (nodes, _) = outline(text);
        assert_eq!(
            nodes,
            ["0:第三章措施", "1:第一节工业污染防治", "2:第七条", "2:第八条", "1:第二节城镇污染防治", "2:第九条"]
        );
    }

    #[test]
    fn a_chapter_title_before_the_divisions_of_its_chapter() {
        let text = "第一章　总则\n\n第一条　甲。\n\n第二条　乙。\n\n道路运输经营\n\n第一节　客运\n\n第三条　丙。\n\n\
                    第二节　货运\n\n第四条　丁。\n\n第三章　附则\n\n第五条　戊。\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes[3..6], ["0:第二章道路运输经营", "1:第一节客运", "2:第三条"]);
    }

    #[test]
    fn a_gap_the_titles_do_not_explain_is_left_alone() {
        // Two chapters missing, one title: the source's own gap, said as such.
        let text = "第一章　总则\n\n第一条　甲。\n\n规划\n\n第二条　乙。\n\n第四章　附则\n\n第三条　丙。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(nodes, ["0:第一章总则", "1:第一条", "1:第二条", "0:第四章附则", "1:第三条"]);
        assert!(codes.contains(&"heading.numbering_gap".to_owned()));
        // A sentence is no title.
        let text = "第一章　总则\n\n第一条　甲。\n\n这是一句话。\n\n第二条　乙。\n\n第三章　附则\n\n第三条　丙。\n";
        let (nodes, _) = outline(text);
        assert!(!nodes.iter().any(|n| n.contains("第二章")), "{nodes:?}");
    }

    #[test]
    fn numerals_as_headings_write_them() {
        let cases =
            [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (100, "一百"), (105, "一百零五")];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want);
        }
        assert_eq!(chinese_numeral(115), "一百一十五");
    }
}
