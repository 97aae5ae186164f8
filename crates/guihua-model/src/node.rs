use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a node stands in the decoded source text.
///
/// `start..end` are byte offsets into the decoded text (UTF-8, BOM removed, line ends as in the source), always on
/// character boundaries; `line` and `end_line` are the 1-based lines of the first and the last byte.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// 1-based line of the last byte (equal to `line` for a one-line node).
    pub end_line: u32,
}

/// One visual piece of text that a rebuilt value (a table cell, a panel paragraph) was joined from: a byte range of
/// the decoded source, as written there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Piece {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A node of the document tree. The JSON carries the variant in `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Node {
    /// The issuing notice that opens many plans: `各市人民政府…：` … `河北省人民政府办公厅` `2016年9月30日`.
    Notice(Notice),
    /// The document's title line: `河北省工业转型升级“十三五”规划`.
    Title(Title),
    /// One of several documents in one file: the policy and the action plan a notice issues, an attachment (`附件`).
    /// Only files that hold more than one document have parts; each part has its own heading numbering.
    Part(Part),
    /// A table of contents (`目录`, entries with dot leaders or page numbers): kept apart from the real headings.
    Toc(Toc),
    /// A numbered heading and everything under it: `（一）指导思想。`.
    Section(Section),
    /// A paragraph of body text, possibly opened by a lead phrase: `工业经济平稳增长。规模以上…`.
    Paragraph(Paragraph),
    /// A numbered item of a list: `（一）擅自占用规划确定的道路、广场进行建设的；` after `…有下列情形之一的：`.
    Item(Item),
    /// A grid table, drawn with box-drawing characters or otherwise.
    Table(Table),
    /// A boxed 专栏 or 专项: `专栏1先进装备制造重点项目`.
    Panel(Panel),
    /// A placeholder for an omitted figure: `（图略）`.
    Figure(Figure),
}

impl Node {
    /// The node's stable id.
    pub fn id(&self) -> &str {
        match self {
            Node::Notice(n) => &n.id,
            Node::Title(n) => &n.id,
            Node::Part(n) => &n.id,
            Node::Toc(n) => &n.id,
            Node::Section(n) => &n.id,
            Node::Paragraph(n) => &n.id,
            Node::Item(n) => &n.id,
            Node::Table(n) => &n.id,
            Node::Panel(n) => &n.id,
            Node::Figure(n) => &n.id,
        }
    }

    /// Where the node stands in the source.
    pub fn span(&self) -> Span {
        match self {
            Node::Notice(n) => n.span,
            Node::Title(n) => n.span,
            Node::Part(n) => n.span,
            Node::Toc(n) => n.span,
            Node::Section(n) => n.span,
            Node::Paragraph(n) => n.span,
            Node::Item(n) => n.span,
            Node::Table(n) => n.span,
            Node::Panel(n) => n.span,
            Node::Figure(n) => n.span,
        }
    }

    /// The node's children: a part's or a section's content, an item's own list, nothing for the other kinds.
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Part(p) => &p.children,
            Node::Section(s) => &s.children,
            Node::Item(i) => &i.children,
            _ => &[],
        }
    }

    /// The `type` tag the node carries in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Notice(_) => "notice",
            Node::Title(_) => "title",
            Node::Part(_) => "part",
            Node::Toc(_) => "toc",
            Node::Section(_) => "section",
            Node::Paragraph(_) => "paragraph",
            Node::Item(_) => "item",
            Node::Table(_) => "table",
            Node::Panel(_) => "panel",
            Node::Figure(_) => "figure",
        }
    }
}

/// The issuing notice: the lines before the title that address, approve and sign the plan.
///
/// Its parsed parts are in [`crate::Meta`]; the node keeps the lines as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Notice {
    /// Stable id.
    pub id: String,
    /// Where it stands.
    pub span: Span,
    /// The notice's non-blank lines, without indentation, as written.
    pub lines: Vec<String>,
}

/// The title line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Title {
    /// Stable id.
    pub id: String,
    /// Where it stands.
    pub span: Span,
    /// The title as written.
    pub text: String,
}

/// One document of several in one file.
///
/// A notice that issues two documents (`支持工业互联网发展若干政策` and `…行动计划（2021-2023年）`) gives two parts, each
/// with its own `一、` sequence; an attachment (`附件` + its title) gives a part of kind `appendix`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Part {
    /// Stable id.
    pub id: String,
    /// From the title (or the first child) to the end of the last child.
    pub span: Span,
    /// `document` or `appendix`.
    pub kind: PartKind,
    /// The part's title line as written, when it has one (`附件` lines are not titles: the line after them is).
    pub title: Option<String>,
    /// Where the title stands.
    pub title_span: Option<Span>,
    /// The part's content.
    pub children: Vec<Node>,
}

/// What a [`Part`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// A document of its own: a policy, a plan, an action plan.
    Document,
    /// An attachment introduced by `附件`.
    Appendix,
}

/// A table of contents: the `目录` line and the entries after it, as written, one per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Toc {
    /// Stable id.
    pub id: String,
    /// From the first to the last line of the contents.
    pub span: Span,
    /// The entries, trimmed, leaders and page numbers included as written.
    pub entries: Vec<String>,
}

/// A numbered heading and the nodes under it.
///
/// `（一）指导思想。全面贯彻…` gives `number` `（一）`, `ordinal` 1, `title` `指导思想`, and a first child paragraph
/// `全面贯彻…`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// Stable id.
    pub id: String,
    /// From the heading's first byte to the end of the section's last child.
    pub span: Span,
    /// Depth in the outline, 1 for the outermost numbering style (`一、` in most plans).
    pub level: u32,
    /// The number as written: `一、`, `（一）`, `1.`, `（1）`, `①`, `第一章`, and decimal numbers `1.1`, `3.1.2` (under the
    /// section their first parts number). A numeral that OCR lost is put back
    /// (`、指导思想` reads as `一、`, with a `heading.ocr_numeral` warning), and so is the whole number of a level's
    /// first member when the level opens at 2 (`heading.lost_first`), and that of a chapter (篇, 编, 节) whose title
    /// stands alone where the numbering skips (`heading.lost_number`); an opening bracket that OCR misread as
    /// another bracket is cited as a parenthesis (`〈二）` as `（二）`, `heading.ocr_bracket`), and a `1` read as a letter
    /// as the digit (`(l)` as `(1)`). The heading span
    /// covers what is written.
    pub number: String,
    /// The number's value: 1 for `一、`, `（一）`, `1.`, `①`; null for a title that stands without a number
    /// (`结束语`), whose `number` is empty.
    pub ordinal: Option<u32>,
    /// The heading text without its number and without a closing `。`. Empty for a first chapter whose heading line
    /// the source lost entirely (the articles before `第二章`, from `第一条`: `heading.lost_first`).
    pub title: String,
    /// Where the heading itself (number and title) stands; empty, where the first child starts, for a section whose
    /// heading line the source lost.
    pub heading_span: Span,
    /// The section's content.
    pub children: Vec<Node>,
}

/// A paragraph of body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// Stable id.
    pub id: String,
    /// Where the text stands.
    pub span: Span,
    /// The text as written, without indentation.
    pub text: String,
    /// An unnumbered lead phrase that labels the paragraph (`先进轨道交通装备` in `先进轨道交通装备。重点发展…`).
    pub lead: Option<String>,
    /// For a paragraph joined from several lines: the lines it was joined from, without line ends, page numbers or
    /// indentation. `text` is their concatenation, with `\n` between lines that each held a sentence (text whose `。`
    /// were replaced by line breaks) and nothing between lines hard-wrapped at a fixed width (text from PDF). Empty
    /// when `text` is exactly the source within `span`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<Piece>,
}

impl Paragraph {
    /// Whether `text` was left empty for the caller to read from the source by `span` (a paragraph of over 1 MiB on
    /// one line, parsed with `giant_text_by_span`): the paragraph is then not held twice.
    pub fn text_by_span(&self) -> bool {
        self.text.is_empty() && self.pieces.is_empty() && self.span.end > self.span.start
    }

    /// The paragraph's text: `text`, or the source within `span` when it was left there (see
    /// [`Paragraph::text_by_span`]). `source` is the decoded text the spans point into.
    pub fn text_in<'a>(&'a self, source: &'a str) -> &'a str {
        if self.text_by_span() { source.get(self.span.start..self.span.end).unwrap_or_default() } else { &self.text }
    }
}

/// A numbered item of a list.
///
/// Lists are clauses after a lead-in that ends with `：` (`…有下列情形之一的：` + `（一）…的；` `（二）…的。`), or runs of
/// numbered sentences that are whole items rather than headings with titles. They stay in the parent of the
/// paragraph that leads them in, beside it; the text after the list belongs to that parent again. Items keep their
/// numbers, so that 第十条第（三）项 can be cited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Item {
    /// Stable id.
    pub id: String,
    /// From the number to the end of the text (from the text, for a number put back).
    pub span: Span,
    /// The number as written: `（一）`, `1.`, `（1）`, `①`. A number the source lost is put back when the list's own
    /// numbering counts the clause (`自然保护区；` before `（二）`, after a lead-in: `（一）`), with an
    /// `item.lost_number` warning; the span and pieces then hold the text alone.
    pub number: String,
    /// The number's value: 1 for `（一）`, `1.`, `①`.
    pub ordinal: u32,
    /// The item's text after its number, as written.
    pub text: String,
    /// For an item joined from several lines: the lines it was joined from (the first starts with the text, after
    /// the number). `text` is their concatenation, with `\n` between lines that each held a sentence and nothing
    /// between hard-wrapped lines, as in [`Paragraph::pieces`]. Empty when `text` is exactly the source at the end of
    /// `span` after a written number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<Piece>,
    /// The items of the list this item leads in (`（二）与输配电业务无关的费用。包括：` then `1.…；` `2.…。`, the 目 of a
    /// 项): items only. The span then runs to the end of the last of them, and `pieces` say where the item's own text
    /// stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Node>,
}

/// A grid table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// Stable id.
    pub id: String,
    /// From the first border to the last (the notes stand after it).
    pub span: Span,
    /// The header texts, one per column (the first logical row).
    pub columns: Vec<String>,
    /// Number of logical rows, the header included.
    pub rows: u32,
    /// The cells, in row-major order of their top-left corner.
    pub cells: Vec<Cell>,
    /// Notes that follow the table: `注：带[　]内为5年累计数。`.
    pub notes: Vec<String>,
}

/// A cell of a [`Table`]: a rectangle of the grid with the text written in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    /// 0-based logical row of the top-left corner.
    pub row: u32,
    /// 0-based column of the top-left corner.
    pub col: u32,
    /// How many logical rows the cell covers.
    pub row_span: u32,
    /// How many columns the cell covers.
    pub col_span: u32,
    /// The text, its visual lines joined without a separator, padding removed.
    pub text: String,
    /// The visual pieces the text was joined from, in order.
    pub pieces: Vec<Piece>,
    /// The 1-based source line where the cell's text starts (the table's first line for an empty cell). Added in
    /// 2.1.0; 0 when read from an older document.
    #[serde(default)]
    pub line: u32,
}

/// A boxed 专栏 or 专项.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Panel {
    /// Stable id.
    pub id: String,
    /// The whole box.
    pub span: Span,
    /// 专栏 (a feature box, usually a list of projects) or 专项 (a special programme).
    pub kind: PanelKind,
    /// The number after 专栏/专项, when there is one.
    pub number: Option<u32>,
    /// The title without `专栏N`: `先进装备制造重点项目`.
    pub title: String,
    /// The paragraphs, rebuilt from wrapped visual lines.
    pub paragraphs: Vec<String>,
    /// For each paragraph, the visual pieces it was joined from.
    pub paragraph_pieces: Vec<Vec<Piece>>,
}

/// What kind of box a [`Panel`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[non_exhaustive]
pub enum PanelKind {
    /// 专栏: a feature box, often a list of key projects.
    #[serde(rename = "专栏")]
    Feature,
    /// 专项: a special programme with its targets.
    #[serde(rename = "专项")]
    Programme,
    /// A one-column box without a 专栏/专项 title.
    #[serde(rename = "box")]
    Box,
}

impl PanelKind {
    /// The word as written in the source (`专栏`, `专项`), or `box`.
    pub fn as_str(self) -> &'static str {
        match self {
            PanelKind::Feature => "专栏",
            PanelKind::Programme => "专项",
            PanelKind::Box => "box",
        }
    }
}

/// A placeholder for an omitted figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// Stable id.
    pub id: String,
    /// Where it stands.
    pub span: Span,
    /// The placeholder as written: `（图略）`.
    pub text: String,
}
