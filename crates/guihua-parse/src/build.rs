//! The line-by-line builder: classifies each physical line and assembles the outline.

use guihua_model::{
    Diagnostic, Document, Figure, Item, Meta, Node, Notice, Panel, PanelKind, Paragraph, Part, PartKind, Piece,
    Project, Section, Severity, Span, Table, TargetStatus, Title, Toc,
};
use regex::Regex;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, mpsc};

use crate::ascii;
use crate::front::{self, FrontLine};
use crate::furniture;
use crate::grid::{self, BoxRows, GridIssue};
use crate::heading::{self, Numbered, Style};
use crate::indicator;
use crate::layout;
use crate::logical;
use crate::markup;
use crate::panel;
use crate::target;
use crate::text::{Line, LineIndex, floor_char_boundary, is_blank, lines};

/// Parses plan text into a document and the diagnostics found on the way. Never fails, never panics.
///
/// The document's `source` is left empty and its `diagnostics` list too: the diagnostics are returned beside it.
/// [`crate::parse_bytes`] fills in both.
pub fn parse(text: &str) -> (Document, Vec<Diagnostic>) {
    parse_with(text, Reading::Everything)
}

/// What a parse reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The tree, indicators, projects and targets.
    Everything,
    /// All but the targets.
    Structure,
    /// All but the targets, giant paragraphs left in the source (`giant_text_by_span`).
    StructureBySpan,
}

/// Paragraphs longer than this on one line are left in the source with [`crate::Options::giant_text_by_span`]
/// (`Reading::StructureBySpan`): no real paragraph comes near it, and a file of one such paragraph is not held twice.
pub const GIANT_TEXT: usize = 1 << 20;

/// [`parse`], reading what `reading` says.
pub(crate) fn parse_with(text: &str, reading: Reading) -> (Document, Vec<Diagnostic>) {
    let mut builder = Builder::new(text);
    builder.giant_text_by_span = reading == Reading::StructureBySpan;
    builder.run();
    builder.finish(reading)
}

/// A section whose heading has been read and whose content is still being collected.
struct OpenSection {
    style: Style,
    /// The number's value (0 for an unnumbered title).
    ordinal: u32,
    section: Section,
}

#[derive(Default)]
struct Counters {
    section: usize,
    paragraph: usize,
    item: usize,
    table: usize,
    panel: usize,
    figure: usize,
    part: usize,
    toc: usize,
}

/// The paragraph that the next line may continue: the last node pushed, while nothing but page numbers (and, after a
/// page number, blank lines) came after it.
#[derive(Debug, Clone, Copy)]
struct OpenParagraph {
    /// Display columns of its last line.
    last_width: usize,
    /// Whether its last line ends a sentence.
    ends_sentence: bool,
    /// Whether its first line was indented (the continuation lines of an indented paragraph are flush left).
    indented: bool,
    /// Whether a page number was dropped since its last line.
    page_break: bool,
    /// Whether it was read with a lead phrase.
    with_lead: bool,
    /// Whether its last line ends with an opening bracket or quote (`…修订《`): the text goes on after it.
    ends_open: bool,
    /// Whether its last line ends inside a word: a letter, ideograph or digit, no punctuation.
    ends_in_word: bool,
    /// Whether its last line ends with an opening quote itself (`…逐步逐步”“`): what follows is quoted, whatever it
    /// opens with.
    ends_opening: bool,
}

struct Builder<'a> {
    text: &'a str,
    index: LineIndex,
    lines: Vec<Line<'a>>,
    diagnostics: Vec<Diagnostic>,
    counters: Counters,
    root: Vec<Node>,
    stack: Vec<OpenSection>,
    /// Only blank lines or notes since the last table: a note or a continued table belongs to it.
    after_table: bool,
    meta: Meta,
    /// Byte offset of the first heading, which ends the introduction searched for the plan period.
    first_heading: Option<usize>,
    /// The document being read, once the file turned out to hold several: its nodes collect here, not in `root`.
    part: Option<Part>,
    /// The last ordinal of each numbering style among closed sections: `3﹒` under `（二）` continues `2﹒` under
    /// `（一）`, and `第五十七条` under `第三章 › 第一节` continues `第五十六条` under `第二章`.
    closed: HashMap<Style, u32>,
    /// Styles whose numbering was seen continuing across sections (said once per style).
    continuing: HashSet<Style>,
    /// The paragraph the next line may continue.
    open_paragraph: Option<OpenParagraph>,
    /// Whether the line being read is indented.
    indented: bool,
    /// Whether the line being read goes on the paragraph before it by the `detached_indent` rule.
    block_rest: bool,
    /// Whether most lines of text are indented (the layout profile the `standalone_title` rule reads).
    indented_paragraphs: bool,
    /// Whether nearly every line of text has a blank line after it (web captures that set a blank line after each
    /// line, and after each piece of a line broken at a link: the `blank_link` rule reads it).
    double_spaced: bool,
    /// Display columns of the line being read, indentation excluded.
    line_width: usize,
    /// The width at which the text was hard-wrapped (see [`layout::wrap_width`]).
    wrap_width: Option<usize>,
    /// Page numbers dropped, and the first one's place.
    page_numbers: (usize, Option<(usize, usize)>),
    /// The index of the line after the one being read.
    next_line: usize,
    /// Whether the heading being accepted opens its level at 2 (see [`Builder::lost_first`]).
    opens_at_two: bool,
    /// Whether a paragraph of over [`GIANT_TEXT`] bytes keeps an empty text (`giant_text_by_span`).
    giant_text_by_span: bool,
    /// The projects of each boxed 专栏, read with it (see [`panel::PanelParts::projects`]), by panel id.
    panel_projects: HashMap<String, Vec<Vec<panel::ProjectItem>>>,
    /// Boxes read ahead on another thread (see [`read_boxes_ahead`]), and the one received but not yet asked for.
    boxes_ahead: Option<(mpsc::Receiver<BoxesRead<'a>>, Option<BoxesRead<'a>>)>,
    /// The depth of the stack when a point run in with its passage was opened (see [`Builder::run_in_point`]): the
    /// point holds its own paragraph only.
    run_in_open: Option<usize>,
    /// Inside a table flattened one cell per line (see [`Builder::flattened_table`]), with the outermost numbering
    /// style its cells showed.
    flat_table: Option<Option<Style>>,
    /// The words whose numbers run through the document as headings (see [`named_runs`]): the outer, and the inner.
    named_words: [Option<&'a str>; 2],
    /// The heads of documents issued further down the file (see [`issued_heads`]), and the next one to come.
    issued_heads: Vec<IssuedHead>,
    next_head: usize,
    /// How many lead lines with their paragraphs the document holds (`lead_sentence`), counted when first asked.
    lead_pairs: Option<usize>,
    /// The byte range of the title a Markdown front matter sets (`title: …`), read when the text has none.
    front_matter_title: Option<(usize, usize)>,
    /// A document issued inside the file began and no heading was read in it yet: the document it issues may
    /// follow under a title of its own (see [`Builder::issued_title`]).
    awaiting_issued: bool,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str) -> Builder<'a> {
        Builder {
            text,
            index: LineIndex::new(text),
            lines: lines(text).collect(),
            diagnostics: Vec::new(),
            counters: Counters::default(),
            root: Vec::new(),
            stack: Vec::new(),
            after_table: false,
            run_in_open: None,
            flat_table: None,
            named_words: [None, None],
            issued_heads: Vec::new(),
            next_head: 0,
            awaiting_issued: false,
            front_matter_title: None,
            lead_pairs: None,
            meta: Meta::default(),
            first_heading: None,
            part: None,
            closed: HashMap::new(),
            continuing: HashSet::new(),
            open_paragraph: None,
            indented: false,
            block_rest: false,
            indented_paragraphs: false,
            double_spaced: false,
            line_width: 0,
            wrap_width: None,
            page_numbers: (0, None),
            next_line: 0,
            opens_at_two: false,
            giant_text_by_span: false,
            panel_projects: HashMap::new(),
            boxes_ahead: None,
        }
    }

    fn run(&mut self) {
        for block in furniture::blocks(&self.lines) {
            let (first, last) = (self.lines[block.first], self.lines[block.last]);
            if block.what == furniture::FRONT_MATTER {
                self.front_matter_title = furniture::front_matter_title(&self.lines[block.first..=block.last]);
            }
            let count = block.last - block.first + 1;
            let message = format!("{} is not document text: {count} line(s) left out", block.what);
            self.diagnose("layout.furniture", Severity::Info, message, first.start, last.start + last.text.len());
            for line in &mut self.lines[block.first..=block.last] {
                line.text = &line.text[..0];
            }
        }
        if markup::has_markup(self.text) {
            let read = markup::markup_lines(&self.lines);
            let changed = read.len() != self.lines.len()
                || read.iter().zip(&self.lines).any(|(after, before)| after.text.len() != before.text.len());
            if changed {
                let message = format!(
                    "HTML markup read: its tags and blank entities at line edges left out, {} lines read as {}",
                    self.lines.len(),
                    read.len()
                );
                self.diagnose("layout.markup", Severity::Info, message, 0, 0);
            }
            self.lines = read;
        }
        self.wrap_width = layout::wrap_width(&self.lines);
        let (logical, glued) = logical::logical_lines(&self.lines);
        self.lines = logical;
        let text_lines = self.lines.iter().filter(|l| !l.content().0.is_empty());
        let (lines, indented) = text_lines.fold((0, 0), |(n, k), l| (n + 1, k + usize::from(l.is_indented())));
        self.indented_paragraphs = indented * 5 >= lines * 3;
        let followed_by_blank =
            self.lines.windows(2).filter(|w| !w[0].content().0.is_empty() && w[1].content().0.is_empty());
        self.double_spaced = lines >= 20 && followed_by_blank.count() * 10 >= lines * 9;
        self.named_words = named_runs(&self.lines);
        self.issued_heads = issued_heads(&self.lines);
        for g in glued {
            let heading = &self.text[g.start..g.end];
            let message = format!("heading number `{heading}` stands mid-line: a line break was lost before it");
            self.diagnose("heading.glued", Severity::Warning, message, g.start, g.end);
        }
        // The `boxes_ahead` rule: in a long text with tables, the box lines are read on another thread while this one
        // reads the rest (both only read the lines, which no longer change).
        let box_bytes: usize = if self.text.len() >= PARALLEL_FROM {
            self.lines.iter().map(|l| l.content().0).filter(|c| grid::opens_box(c)).map(str::len).sum()
        } else {
            0
        };
        if box_bytes < PARALLEL_FROM / 8 {
            self.body();
            return;
        }
        let lines = self.lines.clone();
        std::thread::scope(|scope| {
            let (sender, receiver) = mpsc::channel();
            scope.spawn(move || read_boxes_ahead(&lines, &sender));
            self.boxes_ahead = Some((receiver, None));
            self.body();
            // Dropping the receiver stops the reader at its next box.
            self.boxes_ahead = None;
        });
    }

    /// The lines after the passes, one at a time.
    fn body(&mut self) {
        let mut i = self.front_matter();
        let mut blank = false;
        while i < self.lines.len() {
            let line = self.lines[i];
            let (content, offset) = line.content();
            i += 1;
            self.next_line = i;
            self.indented = line.is_indented();
            self.block_rest = line.block_rest;
            // Widths matter only to hard-wrapped text.
            self.line_width = if self.wrap_width.is_some() { layout::columns(content) } else { 0 };
            if content.is_empty() {
                blank = true;
                continue;
            }
            if layout::is_page_number(content) {
                self.page_number(offset, content.len());
                blank = false;
                continue;
            }
            if std::mem::take(&mut blank)
                && let Some(open) = self.open_paragraph
                && !open.page_break
            {
                // A blank line ends a paragraph, unless it only surrounds a page number or cuts a word.
                self.open_paragraph =
                    self.blank_link(&open, &line).then_some(OpenParagraph { page_break: true, ..open });
            }
            while self.issued_heads.get(self.next_head).is_some_and(|h| h.first < i - 1) {
                self.next_head += 1;
            }
            if let Some(&head) = self.issued_heads.get(self.next_head).filter(|h| h.first == i - 1)
                && self.first_heading.is_some()
            {
                self.next_head += 1;
                i = self.issued_document(head);
                continue;
            }
            if self.continues_paragraph(content) {
                self.extend_paragraph(content, offset);
                continue;
            }
            self.open_paragraph = None;
            if self.run_in_open.is_some() && !heading::opens_point(strip_atx(content, 0).0) {
                self.close_run_in_point();
            }
            if layout::is_toc_heading(content)
                || (layout::is_leader_entry(content) && self.next_content(i).is_some_and(layout::is_leader_entry))
            {
                i = self.toc(i - 1);
                continue;
            }
            if layout::is_appendix_marker(content) && self.appendix_follows(i) {
                self.flat_table = None;
                i = self.appendix(i - 1);
                continue;
            }
            if grid::opens_box(content) {
                i = self.boxes(i - 1);
                continue;
            }
            if self.flat_table.is_some() && is_note(content) && content.chars().nth(39).is_some() {
                // A note of 40 characters or more stands under the table; a short one may be a cell (`注：以…为准。`).
                self.flat_table = None;
            }
            if self.after_table && is_note(content) {
                self.note(content, offset);
                continue;
            }
            self.after_table = false;
            if FIGURE.is_match(content) {
                let id = next_id("figure", &mut self.counters.figure);
                let span = self.index.span(offset, offset + content.len());
                self.push(Node::Figure(Figure { id, span, text: content.to_owned() }));
                continue;
            }
            if ascii::is_border(content) {
                i = self.ascii_table(i - 1);
                continue;
            }
            if content.starts_with('|') && self.lines.get(i).is_some_and(|next| is_pipe_rule(next.content().0)) {
                i = self.pipe_table(i - 1);
                continue;
            }
            if !line.is_indented() && borderless_title(content).is_some() {
                i = self.borderless_panel(i - 1);
                continue;
            }
            // Contents stand near the top: looking for them further down would make a long text without headings
            // quadratic.
            if self.first_heading.is_none()
                && i <= 1000
                && let Some(next) = self.repeated_contents(i - 1)
            {
                i = next;
                continue;
            }
            if self.flat_table.is_none() && self.flattened_table(i - 1) {
                self.flat_table = Some(None);
                let message = "a table flattened one cell per line: the numbers in its cells are no headings";
                self.diagnose(
                    "layout.flattened_table",
                    Severity::Info,
                    message.to_owned(),
                    offset,
                    offset + content.len(),
                );
            }
            if self.flat_table.is_none() && self.standalone_title(i - 1) {
                self.open_unnumbered(content, offset);
                continue;
            }
            // A Markdown heading marker (`## 第一章 总则`) is markup: the number follows it.
            let (marked, mut at) = strip_atx(content, offset);
            let mut numbered = heading::numbered(marked)
                .filter(|n| self.decimal_fits(n))
                .or_else(|| self.lost_numeral(content, offset));
            let mut title_line = None;
            if numbered.is_none()
                && let Some(named) = self.named_heading(marked)
            {
                // The heading starts at its word, after any dashes that lead it (`——任务1：`).
                at += named.number.as_ptr() as usize - marked.as_ptr() as usize;
                numbered = Some(named);
            }
            if numbered.is_none()
                && let Some(point) = heading::point(marked).filter(|p| self.standalone_point(p, i))
            {
                numbered = Some(point);
            }
            if numbered.is_none()
                && let Some(ordinal) = self.lead_sentence(marked, i)
            {
                let title = marked.strip_suffix('。').unwrap_or(marked);
                numbered = Some(Numbered {
                    style: Style::Point,
                    ordinal,
                    number: &marked[..0],
                    title,
                    title_at: 0,
                    body: None,
                    ocr_brackets: false,
                });
            }
            let mut run_in = false;
            if numbered.is_none()
                && let Some(point) = heading::run_in_point(marked, true).filter(|p| self.run_in_point(p, i))
            {
                numbered = Some(point);
                run_in = true;
            }
            if numbered.is_none()
                && let Some((n, next)) = self.shattered_number(i - 1, content, offset).filter(|(n, _)| {
                    // Lower numbers split so are mostly a list's (`（` / `1` / `）对于…` after `…条件：`), which only
                    // whole lines can make (`list_item`).
                    matches!(n.style, Style::ChineseComma | Style::ParenChinese) && !self.lead_in_before()
                })
            {
                numbered = Some(n);
                title_line = Some(next);
            }
            if numbered.is_none()
                && let Some((n, next)) = self.number_over_title(marked, at, i)
            {
                numbered = Some(n);
                title_line = Some(next);
            }
            if numbered.is_none()
                && let Some(digits) = self.glued_page_number(marked)
            {
                numbered = heading::numbered(&marked[digits..]);
                let message = format!("page number `{}` glued to the heading after it: left out", &marked[..digits]);
                self.diagnose("layout.page_number_glued", Severity::Info, message, at, at + digits);
                at += digits;
            }
            if let (Some(outermost), Some(n)) = (self.flat_table, numbered.as_ref()) {
                // A heading that goes on with an open level, or ranks above every number of the cells, ends the table.
                // Before any numbered cell, only `一、` and the ranked levels do.
                let goes_on = self.stack.iter().any(|open| open.style == n.style && open.ordinal + 1 == n.ordinal);
                if goes_on || outermost.map_or(n.style <= Style::ChineseComma, |o| n.style < o) {
                    self.flat_table = None;
                } else {
                    self.flat_table = Some(Some(outermost.map_or(n.style, |o| o.min(n.style))));
                    self.paragraph(content, offset, false);
                    continue;
                }
            }
            let at = if numbered.as_ref().is_some_and(|n| n.number != "、") { at } else { offset };
            let marked_up = marked.len() < content.len();
            if !marked_up
                && let Some(n) = numbered.as_ref()
                && !matches!(n.style, Style::Point | Style::Named | Style::NamedInner)
                && let Some(members) = self.list_run(i - 1, n)
            {
                i = self.list(members);
                continue;
            }
            if let Some(numbered) = numbered
                && let Some((depth, restart)) =
                    self.accept_heading(&numbered, at, content.len() - (at - offset), marked_up)
            {
                if restart {
                    self.restart_part();
                }
                if std::mem::take(&mut self.awaiting_issued) && self.stack.is_empty() {
                    self.issued_title();
                }
                self.open_section(depth, &numbered, at);
                if run_in {
                    self.run_in_open = Some(self.stack.len());
                }
                if let Some(next) = title_line {
                    i = next;
                }
                continue;
            }
            self.paragraph(content, offset, true);
        }
    }

    /// Reads the notice and the title; returns the index of the first line after them.
    fn front_matter(&mut self) -> usize {
        let mut candidates = Vec::new();
        for (index, line) in self.lines.iter().enumerate() {
            let (text, start) = line.content();
            if text.is_empty() {
                continue;
            }
            let body_starts = grid::opens_box(text)
                || text.starts_with('|')
                || ascii::is_border(text)
                || heading::numbered(strip_atx(text, 0).0).is_some()
                || self.named_heading(strip_atx(text, 0).0).is_some()
                || heading::lost_numeral_title(text).is_some()
                || layout::is_toc_heading(text)
                || layout::is_leader_entry(text);
            if candidates.len() >= 15 || body_starts {
                break;
            }
            candidates.push(FrontLine { index, text, start });
        }
        let found = front::detect(&candidates);
        let mut next = 0;
        if let Some((first, last)) = found.notice {
            let (from, to) = (candidates[first], candidates[last]);
            let span = self.index.span(from.start, to.start + to.text.len());
            let lines = candidates[first..=last].iter().map(|l| l.text.to_owned()).collect();
            self.root.push(Node::Notice(Notice { id: "notice-1".into(), span, lines }));
            next = to.index + 1;
        }
        if let Some(t) = found.title {
            let line = candidates[t];
            // A Markdown heading marker (`# 标题`) is markup, not part of the title.
            let text = line.text.trim_start_matches('#');
            let text =
                if text.len() < line.text.len() && text.starts_with(' ') { text.trim_start() } else { line.text };
            let start = line.start + (line.text.len() - text.len());
            // Only blank lines may stand between the two lines: not furniture left out of the text.
            let between = |rest: &&FrontLine<'_>| {
                self.text[start + text.len()..rest.start].chars().all(|c| is_blank(c) || c == '\n' || c == '\r')
            };
            let (span, text, last) = match candidates.get(t + 1).filter(|_| found.title_wrapped).filter(between) {
                // `title_wrapped`: the title goes on over the next line; its text leaves the line break out.
                Some(rest) => {
                    (self.index.span(start, rest.start + rest.text.len()), format!("{text}{}", rest.text), rest)
                }
                None => (self.index.span(start, start + text.len()), text.to_owned(), &line),
            };
            self.root.push(Node::Title(Title { id: "title-1".into(), span, text: text.clone() }));
            self.meta.title = Some(text);
            next = last.index + 1;
        } else if let Some((start, end)) = self.front_matter_title {
            // A Markdown page that sets its title in its front matter only (`title: 危险废物转移管理办法`).
            let text = self.text[start..end].to_owned();
            self.root.push(Node::Title(Title {
                id: "title-1".into(),
                span: self.index.span(start, end),
                text: text.clone(),
            }));
            self.meta.title = Some(text);
        }
        self.meta.issuer = found.issuer;
        self.meta.issued = found.issued;
        self.meta.addressees = found.addressees;
        next
    }

    /// Reads the boxes that start on line `i` and the lines of box rows that follow; returns the next line index.
    fn boxes(&mut self, i: usize) -> usize {
        let (BoxLines { boxes, mut issues, trailing, next }, mut reads) = match self.boxes_read_ahead(i) {
            Some(read) => (read.lines, read.boxes),
            None => (box_lines(&self.lines, i), Vec::new()),
        };
        let mut reads = reads.drain(..);
        for b in boxes {
            match reads.next().unwrap_or_else(|| read_box(&b)) {
                BoxRead::Panel(parts) => self.panel(&b, parts),
                BoxRead::Table(grid, grid_issues) => self.table(&b, (grid, grid_issues), &mut issues),
            }
        }
        for issue in issues {
            self.grid_issue(issue);
        }
        if let Some((text, offset)) = trailing {
            self.after_table = false;
            self.paragraph(text, offset, false);
        }
        next
    }

    /// The boxes starting on line `i` as read ahead, if the reader got there; what it read before `i` is not needed
    /// (the lines were read otherwise), what it read after is kept for later.
    fn boxes_read_ahead(&mut self, i: usize) -> Option<BoxesRead<'a>> {
        let (receiver, kept) = self.boxes_ahead.as_mut()?;
        loop {
            let read = match kept.take() {
                Some(read) => read,
                None => receiver.recv().ok()?,
            };
            match read.first.cmp(&i) {
                Ordering::Less => continue,
                Ordering::Equal => return Some(read),
                Ordering::Greater => {
                    *kept = Some(read);
                    return None;
                }
            }
        }
    }

    fn grid_issue(&mut self, issue: GridIssue) {
        let severity = if issue.code == "table.unclosed" { Severity::Error } else { Severity::Warning };
        self.diagnose(issue.code, severity, issue.message, issue.start, issue.end);
    }

    fn table(
        &mut self,
        b: &BoxRows<'_>,
        (grid, grid_issues): (grid::Grid, Vec<GridIssue>),
        issues: &mut Vec<GridIssue>,
    ) {
        issues.extend(grid_issues);
        // The header text of each column: a header cell spanning columns heads each of them.
        let mut columns = vec![String::new(); grid.columns as usize];
        for cell in grid.cells.iter().filter(|c| c.row == 0) {
            let first = cell.col as usize;
            let last = (first + cell.col_span as usize).min(columns.len());
            for column in columns.iter_mut().take(last).skip(first) {
                column.clone_from(&cell.text);
            }
        }
        let cells: Vec<guihua_model::Cell> = grid
            .cells
            .into_iter()
            .map(|c| guihua_model::Cell {
                row: c.row,
                col: c.col,
                row_span: c.row_span,
                col_span: c.col_span,
                text: c.text,
                pieces: c.pieces,
                line: 0, // set with the others in `cell_lines`
            })
            .collect();
        let end = b.end();
        let end_line = self.index.line_of(end.saturating_sub(1));
        if self.after_table
            && columns.iter().any(|c| !c.is_empty())
            && let Some(Node::Table(previous)) = self.container().last_mut()
            && previous.columns == columns
        {
            continue_table(previous, cells, grid.rows);
            previous.span.end = end;
            previous.span.end_line = end_line;
            return;
        }
        let id = next_id("table", &mut self.counters.table);
        let span = self.index.span(b.start(), end);
        self.push(Node::Table(Table { id, span, columns, rows: grid.rows, cells, notes: Vec::new() }));
        self.after_table = true;
    }

    fn panel(&mut self, b: &BoxRows<'_>, parts: panel::PanelParts) {
        self.after_table = false;
        let id = next_id("panel", &mut self.counters.panel);
        let span = self.index.span(b.start(), b.end());
        if !parts.projects.is_empty() {
            self.panel_projects.insert(id.clone(), parts.projects);
        }
        let (paragraphs, paragraph_pieces) = parts.paragraphs.into_iter().map(|p| (p.text, p.pieces)).unzip();
        self.push(Node::Panel(Panel {
            id,
            span,
            kind: parts.kind,
            number: parts.number,
            title: parts.title,
            paragraphs,
            paragraph_pieces,
        }));
    }

    /// Reads a panel written without borders: a flush-left title line `专栏1  标题` (or `专栏1：`, `专栏 1 `), then its
    /// body, blank lines between them allowed. The body keeps the indentation of its first line (flush left in some
    /// plans, indented in others) and ends at a line of the other indentation (unless the line after that one
    /// returns to the body's: a slip of the source), a box, the next panel title, or a heading of the outer ladder
    /// (`一、`, `（一）`, 章/节/篇). Numbered items inside (`1.大数据智能理论。…`, numbered like the headings around the
    /// panel) stay panel text. Returns the next line index.
    fn borderless_panel(&mut self, i: usize) -> usize {
        let (title_text, title_offset) = self.lines[i].content();
        let Some((kind, number, title)) = borderless_title(title_text) else { return i + 1 };
        let mut paragraphs = Vec::new();
        let mut pieces = Vec::new();
        let mut end = title_offset + title_text.len();
        let mut body_indented = None;
        let mut j = i + 1;
        while j < self.lines.len() {
            let line = self.lines[j];
            let (content, offset) = line.content();
            if content.is_empty() {
                j += 1;
                continue;
            }
            let indented = line.is_indented();
            let outer_heading = heading::numbered(strip_atx(content, 0).0).is_some_and(|n| {
                matches!(
                    n.style,
                    Style::ChineseComma
                        | Style::ParenChinese
                        | Style::Part
                        | Style::Book
                        | Style::SubBook
                        | Style::Chapter
                        | Style::Division
                )
            });
            let body_indented = *body_indented.get_or_insert(indented);
            let other_indentation = indented != body_indented && !self.body_resumes(j + 1, body_indented);
            if other_indentation || outer_heading || grid::opens_box(content) || borderless_title(content).is_some() {
                break;
            }
            paragraphs.push(content.to_owned());
            pieces.push(vec![guihua_model::Piece { start: offset, end: offset + content.len() }]);
            end = offset + content.len();
            j += 1;
        }
        self.after_table = false;
        let id = next_id("panel", &mut self.counters.panel);
        let span = self.index.span(title_offset, end);
        self.push(Node::Panel(Panel { id, span, kind, number, title, paragraphs, paragraph_pieces: pieces }));
        j
    }

    /// Whether the next non-blank line from line `j` on has the indentation of a panel's body and is no heading, panel
    /// title or box.
    fn body_resumes(&self, j: usize, body_indented: bool) -> bool {
        self.lines[j.min(self.lines.len())..].iter().find(|l| !l.content().0.is_empty()).is_some_and(|l| {
            let content = l.content().0;
            l.is_indented() == body_indented
                && heading::numbered(strip_atx(content, 0).0).is_none()
                && borderless_title(content).is_none()
                && !grid::opens_box(content)
        })
    }

    /// Reads an ASCII grid table (`+---+`, `|`) from its top border on line `i` (see [`ascii::read`]); a border with
    /// no row under it is text. Returns the next line index.
    fn ascii_table(&mut self, i: usize) -> usize {
        let rows: Vec<(&str, usize)> =
            self.lines[i..].iter().map(|l| l.content()).take_while(|(c, _)| c.starts_with(['+', '|'])).collect();
        let Some(table) = ascii::read(&rows).filter(|t| t.lines >= 2 && !t.cells.is_empty()) else {
            let (content, offset) = rows[0];
            self.paragraph(content, offset, false);
            return i + 1;
        };
        let (first, last) = (rows[0], rows[table.lines - 1]);
        let (start, end) = (first.1, last.1 + last.0.len());
        if !table.closed {
            let message = "the ASCII table has no closing border: it ends at its last row".to_owned();
            self.diagnose("table.unclosed", Severity::Warning, message, start, end);
        }
        let mut columns = vec![String::new(); table.columns];
        for cell in table.cells.iter().filter(|c| c.row == 0) {
            if let Some(slot) = columns.get_mut(cell.col as usize) {
                slot.clone_from(&cell.text);
            }
        }
        let id = next_id("table", &mut self.counters.table);
        let span = self.index.span(start, end);
        let rows = table.rows;
        self.push(Node::Table(Table { id, span, columns, rows, cells: table.cells, notes: Vec::new() }));
        self.after_table = true;
        i + table.lines
    }

    /// Reads a Markdown pipe table: a header row, a rule row (`|-----|-----|`), then one row per line while lines
    /// start with `|`. Returns the next line index.
    fn pipe_table(&mut self, i: usize) -> usize {
        let mut rows: Vec<Vec<(String, usize)>> = Vec::new();
        let mut end = 0;
        let mut j = i;
        while j < self.lines.len() {
            let (content, offset) = self.lines[j].content();
            if !content.starts_with('|') {
                break;
            }
            j += 1;
            end = offset + content.len();
            if j == i + 2 && is_pipe_rule(content) {
                continue;
            }
            rows.push(pipe_cells(content, offset));
        }
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut cells = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            for (c, (text, start)) in row.iter().enumerate() {
                let pieces = if text.is_empty() {
                    Vec::new()
                } else {
                    vec![guihua_model::Piece { start: *start, end: start + text.len() }]
                };
                cells.push(guihua_model::Cell {
                    row: r as u32,
                    col: c as u32,
                    row_span: 1,
                    col_span: 1,
                    text: text.clone(),
                    pieces,
                    line: 0, // set with the others in `cell_lines`
                });
            }
        }
        let header = rows.first().map(|r| r.iter().map(|(t, _)| t.clone()).collect::<Vec<_>>()).unwrap_or_default();
        let mut columns_text = header;
        columns_text.resize(columns, String::new());
        let id = next_id("table", &mut self.counters.table);
        let start = self.lines[i].content().1;
        let span = self.index.span(start, end);
        let rows = rows.len() as u32;
        self.push(Node::Table(Table { id, span, columns: columns_text, rows, cells, notes: Vec::new() }));
        self.after_table = true;
        j
    }

    fn note(&mut self, content: &str, offset: usize) {
        let end = offset + content.len();
        let end_line = self.index.line_of(end.saturating_sub(1));
        if let Some(Node::Table(table)) = self.container().last_mut() {
            table.notes.push(content.to_owned());
            table.span.end = end;
            table.span.end_line = end_line;
        }
    }

    /// Decides whether a numbered line is a heading, from the numbering seen so far; returns its depth (0-based).
    ///
    /// The `heading_sequence` rule: a number continues the sequence of its style when it is one more than the last
    /// number of that style among the open sections; a style not open yet starts a deeper level with 1. A number up to
    /// two past the expected one is still a heading when its title is short (`heading.numbering_gap`); `1` in the
    /// outermost style, after a sequence that reached 2 at least, restarts the numbering (a second document in the
    /// file); `1` in an inner style with a short title starts it over under the same parent (a heading above it was
    /// lost: `heading.missing_parent`). Anything else is body text.
    fn accept_heading(
        &mut self,
        n: &Numbered<'_>,
        offset: usize,
        len: usize,
        marked_up: bool,
    ) -> Option<(usize, bool)> {
        let short_title = n.title.chars().count() <= 40;
        let mut restart = false;
        // The same style may be open twice (`一、` numbered again inside `二、`): the deepest one that this number
        // continues takes it, so that `三、` after an inner `一、`–`五、` closes them under the outer `二、`.
        let successor = |open: &OpenSection| {
            open.style == n.style
                && (n.ordinal == open.ordinal + 1 || (n.ordinal == open.ordinal && n.number.contains('之')))
        };
        let position = self
            .stack
            .iter()
            .rposition(successor)
            .or_else(|| self.stack.iter().rposition(|open| open.style == n.style));
        let depth = match position {
            Some(depth) => {
                let last = self.stack[depth].ordinal;
                // `第二百九十三条之一` stands after `第二百九十三条` with the same ordinal.
                if n.ordinal == last + 1 || (n.ordinal == last && n.number.contains('之')) {
                    depth
                } else if n.ordinal > last + 1 && n.ordinal <= last + 3 && short_title {
                    let message = format!(
                        "heading `{}` follows `{}`: numbering skips {}",
                        n.number,
                        self.stack[depth].section.number,
                        n.ordinal - last - 1
                    );
                    self.diagnose("heading.numbering_gap", Severity::Warning, message, offset, offset + len);
                    depth
                } else if n.style == Style::Point && n.ordinal == 1 {
                    depth // the points of another passage: each passage numbers its own
                } else if n.ordinal == 1 && depth > 0 && last >= 2 && short_title && !n.title.contains('，') {
                    let message = format!(
                        "heading `{}` starts its numbering over under `{}`: a second list, or a heading above it was lost",
                        n.number,
                        self.stack[depth - 1].section.number
                    );
                    self.diagnose("heading.missing_parent", Severity::Info, message, offset, offset + len);
                    depth
                } else if n.ordinal == 1
                    && last >= 2
                    && !self.title_before()
                    && (self.lead_in_before() || n.title.chars().count() > 15)
                    && (short_title || self.run_continues(n))
                {
                    // The `nested_numbering` rule: after a lead-in (`…以下几个问题。`), or with a sentence for a
                    // title, and with no title line before it, `一、` numbered again inside `二、` is a level of
                    // its own under it.
                    let inside = if self.current_last().is_none() { self.stack.len() - 1 } else { depth };
                    let message = format!(
                        "heading `{}` starts a numbering of its own inside `{}`",
                        n.number, self.stack[inside].section.number
                    );
                    self.diagnose("heading.nested_numbering", Severity::Info, message, offset, offset + len);
                    // Under the heading that leads in (`heading_lead_in`), else under the open `二、`.
                    if self.current_last().is_none() { self.stack.len() } else { depth + 1 }
                } else if n.ordinal == 1 && last >= 2 && self.numbering_resumes(n, last) {
                    // The `resumed_numbering` rule: the numbering of the open level goes on after this run.
                    let message = format!(
                        "heading `{}` starts a numbering of its own inside `{}`: `{}` numbering resumes after it",
                        n.number,
                        self.stack[self.stack.len() - 1].section.number,
                        self.stack[depth].section.number
                    );
                    self.diagnose("heading.nested_numbering", Severity::Info, message, offset, offset + len);
                    self.stack.len()
                } else if n.ordinal == 1 && depth == 0 && last >= 2 && short_title {
                    let message = format!("heading `{}` restarts the numbering of the outermost level", n.number);
                    self.diagnose("heading.numbering_restart", Severity::Info, message, offset, offset + len);
                    restart = true;
                    0
                } else {
                    return None;
                }
            }
            // `一、` under `（一）` as the outermost numbering: a document of its own may begin (see `restart_part`).
            None if n.ordinal == 1 && self.stack.first().is_some_and(|outer| n.style < outer.style) => {
                restart = true;
                self.stack.len()
            }
            // The outermost numbering starts over after a list of its style at the top (a notice's items).
            None if n.ordinal == 1
                && self.stack.is_empty()
                && is_top_style(n.style)
                && self.closed.get(&n.style).is_some_and(|&last| last >= 2) =>
            {
                restart = true;
                0
            }
            None if n.ordinal == 1 => self.rank_depth(n.style, false),
            None if !self.stack.is_empty() && self.closed.get(&n.style) == Some(&(n.ordinal - 1)) => {
                if self.continuing.insert(n.style) && !by_design_continuing(n.style) {
                    let message = format!("heading `{}` continues the numbering of the section before", n.number);
                    self.diagnose("heading.numbering_continues", Severity::Info, message, offset, offset + len);
                }
                self.rank_depth(n.style, false)
            }
            None if self.stack.is_empty() && n.ordinal <= 3 && short_title && is_top_style(n.style) => {
                let message = format!("the first heading `{}` is not numbered 1", n.number);
                self.diagnose("heading.numbering_gap", Severity::Warning, message, offset, offset + len);
                0
            }
            None if marked_up || (short_title && self.run_continues(n)) => {
                let message = format!(
                    "heading `{}` opens its level at {}: the headings before it were lost or never numbered",
                    n.number, n.ordinal
                );
                self.diagnose("heading.numbering_late", Severity::Warning, message, offset, offset + len);
                self.opens_at_two = n.ordinal == 2;
                self.rank_depth(n.style, true)
            }
            None => return None,
        };
        if n.ocr_brackets && is_legal_style(n.style) {
            let message = format!("heading number `{}` has a look-alike character in its numeral", n.number);
            self.diagnose("heading.ocr_numeral", Severity::Info, message, offset, offset + n.number.len());
        } else if n.ocr_brackets {
            let message = format!("heading number `{}` has mismatched or look-alike brackets", n.number);
            self.diagnose("heading.ocr_bracket", Severity::Info, message, offset, offset + n.number.len());
        }
        Some((depth, restart))
    }

    /// `line` as a heading of the `named_number` rule (see [`named_runs`]), with the style of its word.
    fn named_heading<'l>(&self, line: &'l str) -> Option<Numbered<'l>> {
        let [outer, inner] = self.named_words;
        outer?;
        let named = heading::named(line)?;
        let style = if Some(named.word) == outer {
            Style::Named
        } else if Some(named.word) == inner {
            Style::NamedInner
        } else {
            return None;
        };
        Some(Numbered { style, ..named.heading })
    }

    /// Whether a title-like paragraph stands among the last nodes read (see [`Builder::restart_part`]).
    fn title_before(&self) -> bool {
        let Some(container) = self.stack.last().map(|open| &open.section.children) else { return false };
        let from = container.len().saturating_sub(4);
        container[from..].iter().any(|node| {
            matches!(node, Node::Paragraph(p) if layout::is_title_like(&p.text) && p.pieces.is_empty()
                && heading::numbered(&p.text).is_none())
        })
    }

    /// Whether the last node read is a paragraph that leads in a list (see [`leads_in`]), or nothing was read yet under
    /// a heading that leads in.
    fn lead_in_before(&self) -> bool {
        match self.current_last() {
            Some(Node::Paragraph(p)) => leads_in(&p.text),
            // The `heading_lead_in` rule: a heading that leads in (`第二，关于农业的增产措施，…现在我提出以下几点：`)
            // with nothing under it yet.
            // A glossary's title (`名词解释`) leads in its numbered definitions.
            None => self.stack.last().is_some_and(|open| {
                leads_in(&open.section.title)
                    || (open.style == Style::Unnumbered
                        && framing_title(&open.section.title) == Some(FramingTitle::Glossary))
            }),
            _ => false,
        }
    }

    /// The `nominal_rank` rule: where a style not open yet stands. 篇, 编, 章, 节 and 条 rank by design, whatever came
    /// first: a 章 after articles closes them and stands where the first of them stood (a missing level does not
    /// make its children parents). Other styles open one level below the deepest open section, unless the level
    /// opens late (`both_ladders`): then `一、` > `（一）` > `1.` rank too (`二、` whose `一、` was never numbered does not
    /// nest under `2.`).
    fn rank_depth(&self, style: Style, both_ladders: bool) -> usize {
        let same_ladder = |other: Style| is_legal_style(other) == is_legal_style(style);
        let ranked = both_ladders || is_legal_style(style);
        let outranked = |open: &OpenSection| same_ladder(open.style) && open.style > style;
        // A preface (`前言`, see `framing_title`) holds no numbered level: the first number closes it.
        if let [open] = self.stack.as_slice()
            && open.style == Style::Unnumbered
            && framing_title(&open.section.title) == Some(FramingTitle::Opening)
        {
            return 0;
        }
        ranked.then(|| self.stack.iter().position(outranked)).flatten().unwrap_or(self.stack.len())
    }

    /// The `list_item` rule: whether the numbered line `i` opens a list, and if so its members. A run of numbers of
    /// one style counting up from this one, each member on lines of its own with nothing but blank lines (and, in
    /// hard-wrapped text, the wrapped rest of the member; the rest of a detached-indent block; the text under a
    /// number alone on its line) between them, is a list of items rather than a level of headings when
    /// - a paragraph ending with `：` leads it in, the run starts at 1, and it has two members that are not all short
    ///   titles, or every member is a whole sentence; or
    /// - it has two members or more, at least two in three of them whole sentences (a first clause over 30
    ///   characters, or over 20 with a `，`, or one that ends with `；`), its style is not a heading level open here nor `一、`, and it starts at 1 or
    ///   continues the numbering of its style.
    fn list_run(&self, i: usize, first: &Numbered<'_>) -> Option<Vec<Member>> {
        // Decimal numbers (`4.1 本合同交易结算电量以…`) number the clauses of a standard or a contract under their
        // section, as articles do: provisions, not a list.
        if first.style == Style::Article
            || is_legal_style(first.style)
            || matches!(first.style, Style::Decimal2 | Style::Decimal3 | Style::Decimal4)
        {
            return None;
        }
        let open = self.stack.iter().any(|o| o.style == first.style);
        let continues = self.closed.get(&first.style) == Some(&(first.ordinal - 1));
        let head = if first.ordinal > 1 && !continues { self.lost_head(first) } else { Vec::new() };
        let starts = first.ordinal == 1 || (!open && continues) || !head.is_empty();
        if !starts {
            return None;
        }
        let lead_in = self.lead_in_before() || !head.is_empty();
        if !lead_in && open {
            return None;
        }
        // `一、` tops the ladder of plans: only a lead-in makes its numbers items.
        if !lead_in && first.style == Style::ChineseComma {
            return None;
        }
        let mut members = self.run_members(i, first);
        if !head.is_empty() {
            // A lone written member was not described by `run_members`; the members put back before it were.
            if members.len() == 1 {
                self.describe(&mut members[0]);
            }
            members.splice(0..0, head);
        }
        // Numbering that goes on after text makes headings with bodies, unless the members cite documents: a list
        // of the documents a plan rests on (`1. 《中华人民共和国城乡规划法》（2019年修正）`) is one whatever leads it in
        // or breaks it (the `reference_list` rule).
        let references = members.iter().all(|m| cites_a_document(&m.text));
        if members.len() < 2 || (!references && self.run_goes_on(&members, first.style)) {
            return None;
        }
        // Most members whole sentences: a short one among them (`63．初步建成三维地理空间信息平台`) is an item too.
        let sentences = members.iter().filter(|m| m.sentence).count();
        let mostly_sentences = sentences * 3 >= members.len() * 2;
        // After `附件：` the numbers name the attachments.
        let attachments =
            matches!(self.current_last(), Some(Node::Paragraph(p)) if layout::is_appendix_marker(&p.text));
        // The `article_items` rule: an article (第N条) holds paragraphs (款) and items (项), never titled parts; a run
        // of numbers right under one is a list whatever its members read like.
        let under_article = self.stack.last().is_some_and(|open| open.style == Style::Article);
        let is_list = if attachments || under_article || references {
            true
        } else if lead_in && members[0].ordinal == 1 {
            // Short titles ending in `。` with nothing after them (`（一）信息基础设施建设要求。`) are headings.
            !members.iter().all(|m| m.title_like) || mostly_sentences
        } else {
            mostly_sentences
        };
        // Each a passage under a title (`titled_passage`): headings whose text runs in, whatever leads them in. A
        // member whose short title runs in with one sentence (`2.审核及发布。经政府主管部门审核同意后，…。`) is one of
        // them when another has a passage.
        let titled = members.iter().any(|m| heading::titled_passage(&m.text))
            && members.iter().all(|m| heading::titled_passage(&m.text) || heading::short_run_in_title(&m.text));
        let is_list = is_list && (attachments || under_article || references || !titled);
        is_list.then_some(members)
    }

    /// The members of the run of numbers that starts on line `i` (see [`Builder::list_run`]).
    fn run_members(&self, i: usize, first: &Numbered<'_>) -> Vec<Member> {
        let mut members: Vec<Member> = Vec::new();
        let mut expected = first.ordinal;
        let mut j = i;
        let mut last_width = 0;
        let mut last_indented = false;
        let mut last_ends_sentence = true;
        let mut last_in_word = false;
        let mut last_bare = false;
        // A member ending with `：` leads in a list of its own whose lines carry no number read as one
        // (`（一）…需提供以下材料：` `1。…；` `2。…。`, PDF text): they belong to it up to the line that ends with `。` (the
        // `member_sublist` rule). A numbered list under a member ends the run: its members stay items of their own.
        let mut sublist = false;
        // A line that leaves a `《` or `（` open goes on in the next one (a title or note its line breaks); read only
        // when nothing else decides, for the line before.
        let mut left_open = false;
        let under_article = self.stack.last().is_some_and(|open| open.style == Style::Article);
        // The `article_sublist` rule: under an article, a member ending with `：` may lead in a numbered list of its
        // own (`（二）与输配电业务无关的费用。包括：` `1.…；` `2.…。` `（三）…`): its members are items too, after it, and
        // the run goes on after them. The style and next ordinal of that inner list.
        let mut inner: Option<(Style, u32)> = None;
        while j < self.lines.len() && members.len() < 500 {
            let (content, offset) = self.lines[j].content();
            // A page number between members (PDF text) is the page's, not the list's end.
            if content.is_empty() || (!members.is_empty() && layout::is_page_number(content)) {
                j += 1;
                continue;
            }
            // A number alone on its line (`一、`) takes its text from the lines after it.
            let numbered = heading::numbered(content)
                .map(|n| {
                    match heading::first_part(content, &n).filter(|p| p.style == first.style && p.ordinal == expected) {
                        Some(p) => (p.style, p.ordinal, p.number, Some(p.title_at)), // the `decimal_lookalike` rule
                        None => (n.style, n.ordinal, n.number, Some(n.title_at)),
                    }
                })
                .or_else(|| {
                    heading::bare_number(content).map(|(style, ordinal, number)| (style, ordinal, number, None))
                });
            let is_member_line = numbered.is_some();
            let bare = last_bare;
            last_bare = false;
            match numbered {
                Some((style, ordinal, number, title_at))
                    if under_article
                        && style != first.style
                        && inner.map_or(sublist && ordinal == 1, |(s, next)| s == style && next == ordinal) =>
                {
                    last_bare = title_at.is_none();
                    let pieces = title_at.map(|at| vec![(offset + at, offset + content.len())]).unwrap_or_default();
                    members.push(Member::written(style, number, ordinal, offset, j + 1, pieces, true));
                    inner = Some((style, ordinal + 1));
                }
                Some((style, ordinal, number, title_at)) if style == first.style && ordinal == expected => {
                    inner = None;
                    last_bare = title_at.is_none();
                    let pieces = title_at.map(|at| vec![(offset + at, offset + content.len())]).unwrap_or_default();
                    members.push(Member::written(style, number, ordinal, offset, j + 1, pieces, false));
                    expected += 1;
                }
                // The wrapped rest of a member: a full line before it in hard-wrapped text, or a flush-left line
                // under an indented member that ends no sentence (text whose `。` became line breaks).
                None if !members.is_empty()
                    && !grid::opens_box(content)
                    && !layout::is_page_number(content)
                    && !layout::is_appendix_marker(content)
                    && (bare
                        || sublist
                        || (!last_ends_sentence && (left_open || is_link_word(content)))
                        || (last_in_word && is_cut_rest(content))
                        || starts_closed(content)
                        || (under_article && !last_ends_sentence && !self.lines[j].is_indented())
                        || (under_article && self.member_follows(j, first.style, expected))
                        || self.lines[j].block_rest
                        || self.wrap_width.is_some_and(|w| last_width + 2 >= w)
                        // A member's first line is short by the indentation the extraction lost (two characters).
                        || (!last_ends_sentence
                            && !self.lines[j].is_indented()
                            && self.wrap_width.is_some_and(|w| last_width + 6 >= w))
                        || (last_indented
                            && !last_ends_sentence
                            && !self.lines[j].is_indented()
                            && heading::bare_number(content).is_none())) =>
                {
                    // Lines broken at a link (`broken_link`) join without a break, as wrapped lines do.
                    let link = starts_closed(content)
                        || (!last_ends_sentence && (left_open || is_link_word(content)))
                        || (last_in_word && is_cut_rest(content));
                    if let Some(m) = members.last_mut() {
                        m.pieces.push((offset, offset + content.len()));
                        m.after = j + 1;
                        m.joiner =
                            if self.wrap_width.is_some() || self.lines[j].block_rest || link { "" } else { "\n" };
                    }
                }
                None if !members.is_empty()
                    && let Some(lost) = self.lost_members(j, first, expected) =>
                {
                    for k in lost {
                        let (content, offset) = self.lines[k].content();
                        members.push(Member::restored(first, expected, offset, content, k + 1));
                        expected += 1;
                        j = k;
                    }
                    last_ends_sentence = true;
                    j += 1;
                    continue;
                }
                _ => break,
            }
            last_width = if self.wrap_width.is_some() { layout::columns(content) } else { 0 };
            last_ends_sentence = layout::ends_sentence(content);
            last_in_word = ends_in_word(content);
            sublist =
                if is_member_line { content.ends_with(['：', ':']) } else { sublist && !content.ends_with('。') };
            // A link's word alone on its line (`“双向` / `揭榜` / `挂帅”…`) leaves the quote open.
            // Read only where it matters: after a line that ends no sentence.
            left_open = !last_ends_sentence
                && (leaves_open(content) || (left_open && !is_member_line && is_link_word(content)));
            if is_member_line {
                last_indented = self.lines[j].is_indented();
            }
            j += 1;
        }
        if members.len() < 2 {
            return members; // no list unless lost members join it: described then (see `list_run`)
        }
        for m in &mut members {
            self.describe(m);
        }
        members
    }

    /// The `article_passage` rule: under an article, a paragraph between two items of its list (`（二）…。` / `内部关联方
    /// 交易是指…。` / `（三）…`) belongs to the item before it: an article holds no heading its items could fall under.
    /// Whether the next numbered line within twelve lines of text after line `j` (page numbers aside) is the list's
    /// next member.
    fn member_follows(&self, j: usize, style: Style, expected: u32) -> bool {
        let mut text =
            self.lines[j + 1..].iter().map(|l| l.content().0).filter(|c| !c.is_empty() && !layout::is_page_number(c));
        for line in text.by_ref().take(12) {
            if let Some(n) = heading::numbered(line) {
                return n.style == style && n.ordinal == expected;
            }
        }
        false
    }

    /// Reads a list member's text from its pieces and what it reads like: a whole sentence, or a short title.
    fn describe(&self, m: &mut Member) {
        m.text = m.pieces.iter().map(|&(a, b)| &self.text[a..b]).collect::<Vec<_>>().join(m.joiner);
        let text = &m.text;
        let first_clause = text.split(['。', '；', ';']).next().unwrap_or_default();
        let clause_chars = first_clause.chars().count();
        // A clause that binds a subject (`医疗机构应当…`, `…人员不得…`) states a rule: a sentence, not a title (the
        // `binding_clause` rule). A slogan that opens with the verb (`必须坚持全面改革`) may title a section.
        let binds = first_clause.contains(['应', '必', '不', '须'])
            && (["应当", "必须", "不得", "应按", "须经"]
                .iter()
                .any(|w| first_clause.find(w).is_some_and(|at| first_clause[..at].chars().count() >= 2))
                || binding_ying(first_clause));
        m.sentence = clause_chars > 30
            || (clause_chars > 20 && first_clause.contains(['，', ',']))
            || text.ends_with(['；', ';'])
            || (binds && clause_chars > 8 && text.ends_with('。'));
        let title = text.trim_end_matches('。');
        m.title_like = title.chars().count() <= 15 && !title.contains(['，', '。', '；', '：', ',']);
    }

    /// Whether the numbering of a run goes on after text that is not a member, before any heading of a style open
    /// here: then its members are headings with bodies, not items.
    fn run_goes_on(&self, members: &[Member], style: Style) -> bool {
        let (Some(last), Some(after)) = (members.last(), members.last().map(|m| m.after)) else { return false };
        for line in self.lines[after.min(self.lines.len())..].iter().take(400) {
            let Some(n) = heading::numbered(line.content().0) else { continue };
            if n.style == style {
                return n.ordinal == last.ordinal + 1;
            }
            if self.stack.iter().any(|open| open.style == n.style) {
                return false;
            }
        }
        false
    }

    /// The `lost_item_number` rule, inside a list: the lines from `j` on that are clauses (`…的；`) without a number,
    /// when the number after them is the one that counts them too (`（一）` `…；` `（三）`): members whose numbers the
    /// source lost. At most five, each on a line of its own.
    fn lost_members(&self, j: usize, first: &Numbered<'_>, expected: u32) -> Option<Vec<usize>> {
        let mut lost = Vec::new();
        for (k, line) in self.lines.iter().enumerate().skip(j).take(20) {
            let (content, _) = line.content();
            if content.is_empty() {
                continue;
            }
            if let Some(n) = heading::numbered(content) {
                let counted = expected + u32::try_from(lost.len()).unwrap_or(u32::MAX);
                return (!lost.is_empty() && n.style == first.style && n.ordinal == counted).then_some(lost);
            }
            if lost.len() == 5 || !is_lost_member(content) || line.is_indented() != self.lines[j].is_indented() {
                return None;
            }
            lost.push(k);
        }
        None
    }

    /// The `lost_item_number` rule, at the head of a list: a list that opens at `（k）` right after `k - 1` paragraphs
    /// that are clauses (`…的；`) without a number, after a lead-in (`…下列区域：`): those clauses are its first members,
    /// their numbers lost. Up to nine.
    fn lost_head(&self, first: &Numbered<'_>) -> Vec<Member> {
        let before = usize::try_from(first.ordinal - 1).unwrap_or(usize::MAX);
        let container = self.container_ref();
        if !(1..=9).contains(&before) || container.len() <= before {
            return Vec::new();
        }
        let (lead, clauses) = container[container.len() - before - 1..].split_at(1);
        let lead_in = matches!(&lead[0], Node::Paragraph(p) if leads_in(&p.text));
        let clauses: Vec<&Paragraph> = clauses
            .iter()
            .filter_map(|n| match n {
                Node::Paragraph(p) if p.pieces.is_empty() && p.lead.is_none() && is_lost_member(&p.text) => Some(p),
                _ => None,
            })
            .collect();
        if !lead_in || clauses.len() != before {
            return Vec::new();
        }
        let mut head = Vec::new();
        for (p, ordinal) in clauses.into_iter().zip(1..) {
            let mut m = Member::restored(first, ordinal, p.span.start, &p.text, 0);
            m.read = true;
            head.push(m);
        }
        if head.iter().any(|m| m.number.is_empty()) { Vec::new() } else { head }
    }

    /// Pushes the items of a list; returns the line after its last member.
    fn list(&mut self, members: Vec<Member>) -> usize {
        let mut next = self.next_line;
        // Clauses read as paragraphs before the list showed that their numbers were lost: they are items now.
        for _ in members.iter().filter(|m| m.read) {
            self.container().pop();
        }
        for m in members {
            if m.restored {
                let message =
                    format!("`{}` put back: the clause stands where the numbering of its list skips", m.number);
                let end = m.pieces.last().map_or(m.start, |&(_, end)| end);
                self.diagnose("item.lost_number", Severity::Warning, message, m.start, end);
            }
            // A number alone on its line with nothing after it is an item without text.
            let end = m.pieces.last().map_or(m.start + m.number.len(), |&(_, end)| end);
            // Text on the lines after its number (`一、` alone on its line) is recorded as pieces too.
            let apart = m.pieces.first().is_some_and(|&(start, _)| self.text[m.start..start].contains(['\n', '\r']));
            // A number put back is not written, nor is one cited for a look-alike bracket: the pieces say where the
            // text stands.
            let cited = heading::cited(&m.number, m.style);
            let pieces = if m.pieces.len() > 1 || apart || m.restored || cited.is_some() {
                m.pieces.iter().map(|&(start, end)| Piece { start, end }).collect()
            } else {
                Vec::new()
            };
            if !m.inner {
                self.closed.insert(m.style, m.ordinal);
            }
            let id = next_id("item", &mut self.counters.item);
            let span = self.index.span(m.start, end);
            if let Some(cited) = &cited {
                let message = format!("item number `{}` has a look-alike character: read as `{cited}`", m.number);
                self.diagnose("item.ocr_number", Severity::Info, message, m.start, m.start + m.number.len());
            }
            let number = cited.unwrap_or(m.number);
            let item = Item { id, span, number, ordinal: m.ordinal, text: m.text, pieces, children: Vec::new() };
            // An item of an item's own list (`article_sublist`) goes under it; the outer item's span then runs to
            // the end of its list, and its pieces say where its own text stands.
            let outer_start = match self.current_last() {
                Some(Node::Item(outer)) if m.inner => Some(outer.span.start),
                _ => None,
            };
            match outer_start {
                Some(start) => {
                    let outer_span = self.index.span(start, span.end);
                    if let Some(Node::Item(outer)) = self.container().last_mut() {
                        if outer.pieces.is_empty() {
                            let end = outer.span.end;
                            outer.pieces = vec![Piece { start: end - outer.text.len(), end }];
                        }
                        outer.span = outer_span;
                        outer.children.push(Node::Item(item));
                    }
                }
                None => self.push(Node::Item(item)),
            }
            if !m.read {
                next = m.after;
            }
        }
        next
    }

    /// The container being filled.
    fn container_ref(&self) -> &[Node] {
        match (self.stack.last(), self.part.as_ref()) {
            (Some(open), _) => &open.section.children,
            (None, Some(part)) => &part.children,
            (None, None) => &self.root,
        }
    }

    /// The last node of the container being filled.
    fn current_last(&self) -> Option<&Node> {
        match (self.stack.last(), self.part.as_ref()) {
            (Some(open), _) => open.section.children.last(),
            (None, Some(part)) => part.children.last(),
            (None, None) => self.root.last(),
        }
    }

    /// The `late_start` rule: a number that opens its style late (`第二章` with no `第一章`, `（二）` whose `（一）` lost
    /// its number) still opens a level when the next number of that style further on is the one after it.
    fn run_continues(&self, n: &Numbered<'_>) -> bool {
        self.lines[self.next_line.min(self.lines.len())..]
            .iter()
            .take(2000)
            .filter_map(|l| heading::numbered(strip_atx(l.content().0, 0).0))
            .find(|m| m.style == n.style)
            .is_some_and(|m| m.ordinal == n.ordinal + 1 && m.title.chars().count() <= 40)
    }

    /// The `resumed_numbering` rule: a `1` of a style whose open level stands at `last` (`一、` after `三、`) is a
    /// numbering of its own inside the open section, not a restart of that level, when further on the level's own
    /// numbering resumes (`四、`) after this run (`一、` … `五、`) ends.
    fn numbering_resumes(&self, n: &Numbered<'_>, last: u32) -> bool {
        let mut expected = n.ordinal + 1;
        for line in self.lines[self.next_line.min(self.lines.len())..].iter().take(3000) {
            let content = strip_atx(line.content().0, 0).0;
            if !content.starts_with(heading::may_open_number) {
                continue;
            }
            let ordinal = match heading::numbered(content).map(|m| (m.style, m.ordinal)) {
                Some((style, ordinal)) => (style == n.style).then_some(ordinal),
                None => heading::bare_number(content).filter(|b| b.0 == n.style).map(|b| b.1),
            };
            match ordinal {
                Some(o) if o == expected => expected += 1,
                Some(o) => return o == last + 1,
                None => {}
            }
        }
        false
    }

    /// The `repeated_contents` rule: a block of three or more short lines at the top, before any heading, whose first
    /// two entries reappear later in the same order, is a table of contents (written without leaders or a `目录`
    /// line); the later occurrences are the headings. Returns the line after the block.
    fn repeated_contents(&mut self, i: usize) -> Option<usize> {
        let mut keys = Vec::new();
        let mut j = i;
        while j < self.lines.len() && keys.len() < 200 {
            let (content, _) = self.lines[j].content();
            if content.is_empty() {
                j += 1;
                continue;
            }
            let entry = strip_atx(content, 0).0;
            if entry.chars().count() > 40 || entry.contains(['。', '，', '；']) || heading::numbered(entry).is_none()
            {
                break;
            }
            let key = layout::entry_key(entry);
            if keys.first() == Some(&key) {
                break; // the body starts over
            }
            keys.push(key);
            j += 1;
        }
        if keys.len() < 3 {
            return None;
        }
        let mut later = self.lines[j..].iter().take(20_000).map(|l| layout::entry_key(strip_atx(l.content().0, 0).0));
        later.position(|k| k == keys[0])?;
        later.position(|k| k == keys[1])?;
        let (_, start) = self.lines[i].content();
        let (last, last_start) = self.lines[j - 1].content();
        let entries = self.lines[i..j].iter().map(|l| l.content().0).filter(|c| !c.is_empty()).map(str::to_owned);
        let entries = entries.collect();
        let id = next_id("toc", &mut self.counters.toc);
        let span = self.index.span(start, last_start + last.len());
        self.push(Node::Toc(Toc { id, span, entries }));
        Some(j)
    }

    fn open_section(&mut self, depth: usize, n: &Numbered<'_>, offset: usize) {
        while self.stack.len() > depth {
            self.close_section();
        }
        if std::mem::take(&mut self.opens_at_two) {
            self.lost_first(depth, n.style);
        }
        self.first_heading.get_or_insert(offset);
        let title_end = offset + n.title_at + n.title.len();
        // The heading span takes in the `。` that closes the title, when there is one.
        let closing = if self.text[title_end..].starts_with('。') { '。'.len_utf8() } else { 0 };
        let heading_end = title_end + closing;
        let heading_span = self.index.span(offset, heading_end);
        let section = Section {
            id: next_id("section", &mut self.counters.section),
            span: heading_span,
            level: u32::try_from(depth + 1).unwrap_or(u32::MAX),
            number: match n.number {
                "、" => restored_numeral(n.ordinal),
                number => heading::cited(number, n.style).unwrap_or_else(|| number.to_owned()),
            },
            // A lead sentence (`lead_sentence`) is counted for the sequence rule, but has no number.
            ordinal: (n.style != Style::Unnumbered && !n.number.is_empty()).then_some(n.ordinal),
            title: n.title.to_owned(),
            heading_span,
            children: Vec::new(),
        };
        self.stack.push(OpenSection { style: n.style, ordinal: n.ordinal, section });
        if let Some((body, at)) = n.body {
            self.paragraph(body, offset + at, false);
        }
    }

    /// The `standalone_title` rule: in a document whose lines of text are mostly indented, a short flush-left line
    /// without punctuation or digits, with two blank lines or more before it and one after, is a title of its own
    /// even without a number (`结束语`, `过去五年的回顾`, `今后五年的主要任务` in the wiki exports of work reports):
    /// a section above every numbered level (its `ordinal` null), under which the numbered headings after it nest.
    ///
    /// In text whose paragraphs are flush left and parted by one blank line, the same line is a title when the text
    /// before it ends a sentence, a paragraph of some length follows, and no numbered section is open (`关于九大路线` in a wiki export of a party
    /// congress report). A year may stand in the title (`首先报告２００１年的工作`), not a date or a name spaced out
    /// (`习　近　平`).
    fn standalone_title(&self, i: usize) -> bool {
        let line = self.lines[i];
        let (content, _) = line.content();
        // The `framing_title` rule: `前言`, `结束语` and the like, letter-spaced or not, alone on a line that does not
        // continue a sentence.
        if framing_title(content).is_some() {
            let before = self.lines[..i].last().map(|l| l.content()).filter(|(c, _)| ends_in_word(c));
            let cut_sentence = before.is_some_and(
                |(c, at)| matches!(self.current_last(), Some(Node::Paragraph(p)) if p.span.end == at + c.len()),
            );
            return !line.block_rest && !cut_sentence;
        }
        // A title is 20 characters at most: 80 bytes.
        if line.is_indented() || line.block_rest || content.len() > 80 {
            return false;
        }
        let blank = |l: &Line<'_>| l.content().0.is_empty();
        let dense = i > 0 && !blank(&self.lines[i - 1]) && self.lines.get(i + 1).is_some_and(|l| !blank(l));
        if dense {
            return self.dense_title(i);
        }
        // Text that sets a blank line after every line is dense text spaced out: where the blank lines tell nothing,
        // its titles are read as in dense text.
        self.spaced_title(i, content) || (self.double_spaced && self.dense_title(i))
    }

    /// The `standalone_title` rule in text with blank lines (see [`Builder::standalone_title`]).
    fn spaced_title(&self, i: usize, content: &str) -> bool {
        let blank = |l: &Line<'_>| l.content().0.is_empty();
        let chars = content.chars().count();
        if !(2..=16).contains(&chars) {
            return false;
        }
        let plain = content.chars().all(|c| !c.is_ascii() && !is_blank(c) && !TITLE_PUNCTUATION.contains(c))
            && !content.ends_with(['日', '月'])
            && heading::numbered(content).is_none()
            && !layout::is_appendix_marker(content);
        let blanks_before = self.lines[..i].iter().rev().take_while(|l| blank(l)).count();
        if !(plain && blanks_before >= 2 && self.lines.get(i + 1).is_some_and(blank)) {
            return false;
        }
        if self.indented_paragraphs {
            return true;
        }
        // Flush-left text: a title above the numbered headings stands before the first of them or closes the text
        // (`结束语`); one among them titles a part of a numbered section (`二、…` `关于教育改革问题`), which this rule
        // leaves as text.
        let closing = matches!(content, "结束语" | "结语");
        let numbered_open = self.stack.iter().any(|open| open.style != Style::Unnumbered);
        if closing || numbered_open {
            return closing;
        }
        let before = self.lines[..i].iter().rev().map(|l| l.content().0).find(|c| !c.is_empty());
        // A salutation may open the part (`同志们！`, `各位代表：`): the text after it tells.
        let mut after_lines = self.lines[i + 1..].iter().map(|l| l.content().0).filter(|c| !c.is_empty());
        let after = after_lines.next().and_then(|a| if is_salutation(a) { after_lines.next() } else { Some(a) });
        let ends_sentence = before.is_none_or(|b| layout::ends_sentence(b) || b.ends_with(['！', '!']));
        ends_sentence && after.is_some_and(|a| a.chars().count() >= 40 || heading::numbered(a).is_some())
    }

    /// The `standalone_title` rule in text without blank lines, a paragraph a line (web captures of work reports): a
    /// line of 4 to 24 characters without sentence punctuation (quotes and a year may stand in it: `“十五五”时期的主要目标任务`,
    /// `2026年重点工作`) between a paragraph of 40 characters or more that ends a sentence and one of 40 or more, with no
    /// numbered section open, is a title above the numbered headings.
    fn dense_title(&self, i: usize) -> bool {
        let (content, _) = self.lines[i].content();
        let chars = content.chars().count();
        let plain = (4..=24).contains(&chars)
            && !content
                .contains(['。', '，', '；', '：', '！', '？', '、', '（', '）', '《', '》', ',', ';', ':', '!', '?'])
            && !content.contains(is_blank)
            && content.chars().filter(char::is_ascii).all(|c| c.is_ascii_digit())
            && !content.ends_with(['日', '月'])
            && heading::numbered(content).is_none()
            && !layout::is_appendix_marker(content);
        // Under a title of this kind, numbered sections open, a second one is its sibling (`2003年工作回顾` …
        // `2004年主要工作及措施`) when the numbering under the first starts over after it: the `title_sibling` rule. A
        // bold lead line among the numbered sections is text (the numbering goes on after it), and so is a word of six
        // letters or fewer alone on its line (more likely a link's text: `经济和社会发` / `展的好形势，…`).
        let numbered_open = self.stack.iter().any(|open| open.style != Style::Unnumbered);
        if !plain
            || (numbered_open
                && (!self.under_unnumbered_title() || is_link_word(content) || !self.numbering_starts_over(i)))
        {
            return false;
        }
        // The lines of text next to it (in double-spaced text, over the blank lines).
        let long = |line: Option<&Line<'a>>| Some(line?.content().0).filter(|c| c.chars().nth(39).is_some());
        let text_line = |l: &&Line<'a>| !l.content().0.is_empty();
        let before = long(self.lines[i.saturating_sub(3)..i].iter().rev().find(text_line));
        let after = long(self.lines[(i + 1).min(self.lines.len())..].iter().take(3).find(text_line));
        before.is_some_and(|b| layout::ends_sentence(b) || b.ends_with(['！', '!']))
            && after.is_some()
            && !self.lost_first_member(i)
    }

    /// Whether the first number after line `i` of a style open here is a 1: the numbering starts over (see
    /// `title_sibling`).
    fn numbering_starts_over(&self, i: usize) -> bool {
        let open_style = |n: &Numbered<'_>| self.stack.iter().any(|open| open.style == n.style);
        self.number_after(i, 200, open_style).is_some_and(|n| n.ordinal == 1)
    }

    /// Whether the numbering after line `i` opens at 2 in a style that is neither open nor closed here (`爱卫会的性质和任务`
    /// … `## 二、爱卫会的组织`): the line is then the first member that lost its number, not a title above them.
    fn lost_first_member(&self, i: usize) -> bool {
        self.number_after(i, 60, |_| true).is_some_and(|n| {
            n.ordinal == 2
                && !self.stack.iter().any(|open| open.style == n.style)
                && !self.closed.contains_key(&n.style)
        })
    }

    /// The first heading number that `wanted` accepts at the start of one of the `within` lines after line `i`.
    fn number_after(&self, i: usize, within: usize, wanted: impl Fn(&Numbered<'_>) -> bool) -> Option<Numbered<'a>> {
        self.lines[(i + 1).min(self.lines.len())..]
            .iter()
            .take(within)
            .find_map(|l| heading::numbered(strip_atx(l.content().0, 0).0).filter(|n| wanted(n)))
    }

    /// The `title_sibling` rule: whether the outermost open section is an unnumbered title that is no preface or closing
    /// (`2003年工作回顾`, read by `standalone_title`): a line read as a title of its kind after numbered sections under
    /// it opens its sibling, as a report's second part follows its first.
    fn under_unnumbered_title(&self) -> bool {
        self.stack.first().is_some_and(|open| {
            open.style == Style::Unnumbered
                && open.section.number.is_empty()
                && framing_title(&open.section.title).is_none()
        })
    }

    /// The `standalone_point` rule: a point of an enumeration (`一是推进农业结构调整。`, see [`heading::point`]) alone on
    /// its line, with the text it leads below it, is the title of that text, as a bold lead line is in the source
    /// (work reports set their points so). It is text when the line after it is another point or a heading (a list of
    /// points, each a paragraph), when nothing follows, and when the point before it was not read so (`二是` after an
    /// `一是` that runs on in its paragraph). `next` is the index of the line after the point's.
    fn standalone_point(&self, point: &Numbered<'_>, next: usize) -> bool {
        let leads_text = self.next_content(next).is_some_and(|after| {
            let after = strip_atx(after, 0).0;
            !heading::opens_point(after) && heading::numbered(after).is_none()
        });
        leads_text
            && (point.ordinal == 1
                || self.stack.iter().any(|open| {
                    open.style == Style::Point && open.ordinal < point.ordinal && point.ordinal <= open.ordinal + 2
                }))
    }

    /// The `lead_sentence` rule: in a numbered section of a web capture, one short sentence alone on its line with a
    /// paragraph of its own after it (`加强生态系统保护修复。` / `实施自然保护地整合优化，…`), one after the other, are the
    /// lead lines the page set in bold over their text: sections under the open one, numbered by their order and
    /// without a number. A run needs three such pairs in a row, or two where the document has six or more; a lead
    /// may hold a clause (`这一年，我们感恩奋进、埋头苦干，封关运作如期实现。`, `聚焦对外开放，高标准建设…。`) when three
    /// leads or more in a row open with the same two characters. Not in
    /// hard-wrapped text, and not where a detached-indent block joins the lead to its text (`detached_indent`: a
    /// paragraph with a bold first sentence), nor under an article. Returns the lead's ordinal in its run. `next` is the index of the line
    /// after the lead's.
    fn lead_sentence(&mut self, content: &str, next: usize) -> Option<u32> {
        // Articles hold clauses (款), never lead lines.
        if self.wrap_width.is_some()
            || self.stack.is_empty()
            || self.stack.iter().any(|o| o.style == Style::Article)
            || !is_lead_form(content, true)
        {
            return None;
        }
        let pairs = *self.lead_pairs.get_or_insert_with(|| lead_pairs(&self.lines, 0, usize::MAX, None));
        let open = self.stack.last().filter(|o| o.style == Style::Point && o.section.number.is_empty());
        if let Some(open) = open {
            // The run goes on with a lead of its form: plain, or opening as the open lead opens.
            let opening = open.section.title.contains(['，', ',']).then(|| opening_of(&open.section.title));
            if lead_pairs(&self.lines, next - 1, 1, opening) == 1 {
                return Some(open.ordinal + 1);
            }
        }
        let run = lead_pairs(&self.lines, next - 1, 3, None);
        let starts = run >= 3
            || (run == 2 && pairs >= 6)
            || lead_pairs(&self.lines, next - 1, 3, Some(opening_of(content))) >= 3;
        starts.then_some(1)
    }

    /// The `run_in_point` rule: points run in with their passages (`一是准确把握政策，找准投资方向。紧密结合…`, see
    /// [`heading::run_in_point`]), each opening a paragraph of its own, one after the other from `一是`, are headings
    /// under the open heading, as their bold title sentences are in the source. Each holds its own paragraph only: the
    /// text after the last point belongs to the heading above again, for points often number the steps of a topic
    /// that itself has no number (`加快完善社会保障体系。…`) and the next topic follows them. The whole run is read at
    /// `一是`: at least two points, none with a paragraph between them, and no point of the next number in the three
    /// lines after the run (an enumeration interrupted by a paragraph stays text); half of them or more have a title
    /// and passage as [`heading::titled_passage`] reads them, the others at least the loose form
    /// ([`heading::loose_passage`]: a title of at most 40 characters and one sentence after it). `next` is the index
    /// of the line after the point's.
    fn run_in_point(&self, point: &Numbered<'_>, next: usize) -> bool {
        if point.ordinal > 1 {
            return self.run_in_open == Some(self.stack.len())
                && self
                    .stack
                    .last()
                    .is_some_and(|open| open.style == Style::Point && open.ordinal + 1 == point.ordinal);
        }
        let strict = |line: &str| heading::run_in_point(line, false).is_some();
        let line = strip_atx(self.lines[next - 1].content().0, 0).0;
        let mut strict_points = usize::from(strict(line));
        let mut expected = 2;
        let mut rest = self.lines[next.min(self.lines.len())..].iter().map(|l| l.content().0).filter(|c| !c.is_empty());
        for content in rest.by_ref() {
            let line = strip_atx(content, 0).0;
            match heading::run_in_point(line, true) {
                Some(p) if p.ordinal == expected => {
                    strict_points += usize::from(strict(line));
                    expected += 1;
                }
                _ => {
                    if heading::point_ordinal(line) == Some(expected) {
                        return false;
                    }
                    break;
                }
            }
        }
        let points = expected as usize - 1;
        expected >= 3
            && strict_points * 2 >= points
            && !rest.take(2).any(|c| heading::point_ordinal(strip_atx(c, 0).0) == Some(expected))
    }

    /// The `flattened_table` rule: a web page's table exported one cell per line (`序号` / `指标名称` / `单位` / … and then
    /// the rows, a cell a line) starts at a run of five short cells or more — lines of at most 12 characters without
    /// sentence punctuation or a heading number — two of which are the words of a table's header (`序号`, `类别`,
    /// `单位`, `牵头单位`, `完成时限`, …). Numbers in its cells (`（一）`, `1、改善城市道路环境`, `（1）建设精品道路300条。`)
    /// are no headings: the cells are paragraphs up to a heading that goes on with an open level, ranks above every
    /// number of the cells (`一、` or a ranked one before any), or a note of 40 characters or more under the table
    /// (`注：1.调整改造绿地不含…`; a short one may be a cell of a `备注` column), or an attachment marker.
    fn flattened_table(&self, i: usize) -> bool {
        let cell = |c: &str| {
            let c = c.trim_matches(is_blank);
            c.len() <= 12 * 4
                && (1..=12).contains(&c.chars().count())
                && !c.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':'])
                && heading::numbered(c).is_none()
        };
        if !cell(self.lines[i].content().0) {
            return false;
        }
        let mut cells = 0;
        let mut header_words = 0;
        for line in &self.lines[i..] {
            let content = line.content().0.trim_matches(is_blank);
            if content.is_empty() {
                continue;
            }
            if !cell(content) || cells >= 40 {
                break;
            }
            cells += 1;
            header_words += usize::from(TABLE_HEADER_WORDS.contains(&content));
        }
        cells >= 5 && header_words >= 2
    }

    /// Closes the point run in with its passage that is open (see [`Builder::run_in_point`]), when it is still the
    /// innermost section.
    fn close_run_in_point(&mut self) {
        if self.run_in_open.take() == Some(self.stack.len())
            && self.stack.last().is_some_and(|o| o.style == Style::Point)
        {
            self.close_section();
        }
    }

    /// The `lost_first` rule: when a level opens at 2 (`（二）` under `三、` with no `（一）`), and what stands before it
    /// under the same parent is one paragraph (with, perhaps, sections of lower levels after it), that paragraph is
    /// the first member whose number the source lost: a short title alone on its line (`研发设计` before `1.…`), or a
    /// paragraph that opens with a lead phrase (`实施重点企业链式培育工程。围绕…`). It becomes section 1 of the level,
    /// its number put back, and what followed it goes under it; with a warning.
    fn lost_first(&mut self, depth: usize, style: Style) {
        let Some(number) = first_number(style) else { return };
        let children = self.container();
        let paragraphs = children.iter().filter(|c| !matches!(c, Node::Section(_))).count();
        let Some(Node::Paragraph(first)) = children.first() else { return };
        if paragraphs != 1 {
            return;
        }
        let chars = first.text.chars().count();
        let alone = first.pieces.is_empty()
            && (2..=15).contains(&chars)
            && !first.text.contains(|c: char| TITLE_PUNCTUATION.contains(c) || c.is_ascii_digit())
            && heading::numbered(&first.text).is_none();
        // A lead phrase stands at the start of the paragraph's first line.
        let lead = first.lead.as_deref().filter(|lead| {
            first.pieces.first().is_none_or(|piece| piece.end - piece.start > lead.len())
                && first.text.starts_with(lead)
        });
        let (title, heading_end, keep_first) = match (alone, lead) {
            (true, _) => (first.text.clone(), first.span.end, false),
            (false, Some(lead)) => (lead.to_owned(), first.span.start + lead.len() + '。'.len_utf8(), true),
            (false, None) => return,
        };
        let start = first.span.start;
        let moved: Vec<Node> = std::mem::take(children).into_iter().skip(usize::from(!keep_first)).collect();
        let heading_span = self.index.span(start, heading_end);
        let end = moved.last().map_or(heading_end, |c| c.span().end);
        let message =
            format!("`{title}` reads as heading `{number}`: the level opens at 2 and its first number was lost");
        self.diagnose("heading.lost_first", Severity::Warning, message, start, heading_end);
        let section = Section {
            id: next_id("section", &mut self.counters.section),
            span: self.index.span(start, end),
            level: u32::try_from(depth + 1).unwrap_or(u32::MAX),
            number: number.to_owned(),
            ordinal: Some(1),
            title,
            heading_span,
            children: moved,
        };
        self.container().push(Node::Section(section));
    }

    /// Opens a section for an unnumbered title (see [`Builder::standalone_title`]) at the top of the tree.
    fn open_unnumbered(&mut self, title: &str, offset: usize) {
        let numbered = Numbered {
            style: Style::Unnumbered,
            ordinal: 0,
            number: "",
            title,
            title_at: 0,
            body: None,
            ocr_brackets: false,
        };
        self.open_section(0, &numbered, offset);
    }

    fn close_section(&mut self) {
        let Some(open) = self.stack.pop() else { return };
        self.closed.insert(open.style, open.ordinal);
        let mut section = open.section;
        let end = section.children.last().map_or(0, |c| c.span().end).max(section.heading_span.end);
        section.span = self.index.span(section.heading_span.start, end);
        self.container().push(Node::Section(section));
    }

    fn paragraph(&mut self, content: &str, offset: usize, with_lead: bool) {
        let id = next_id("paragraph", &mut self.counters.paragraph);
        let span = self.index.span(offset, offset + content.len());
        let lead = if with_lead { lead_phrase(content).map(str::to_owned) } else { None };
        let text =
            if self.giant_text_by_span && content.len() > GIANT_TEXT { String::new() } else { content.to_owned() };
        self.push(Node::Paragraph(Paragraph { id, span, text, lead, pieces: Vec::new() }));
        self.open_paragraph = Some(OpenParagraph {
            last_width: self.line_width,
            ends_sentence: layout::ends_sentence(content),
            indented: self.indented,
            page_break: false,
            with_lead,
            ends_open: ends_open(content),
            ends_in_word: ends_in_word(content),
            ends_opening: ends_opening(content),
        });
    }

    /// The `continued_line` rule: a line continues the paragraph before it, rather than starting one, when nothing
    /// but page numbers stands between them and either the text is hard-wrapped and the line before is full, or the
    /// line before ends no sentence while this line is flush left under an indented first line (text whose `。` were
    /// replaced by line breaks; a paragraph cut by a page break), or under a line of hard-wrapped text that fills
    /// seven tenths of the width or more (the first line of a paragraph, short by its lost indentation). A line of a
    /// block that the `detached_indent` rule marked goes on whatever the line before ends with.
    fn continues_paragraph(&self, content: &str) -> bool {
        let Some(open) = self.open_paragraph else { return false };
        if grid::opens_box(content) || borderless_title(content).is_some() {
            return false;
        }
        // After an opening quote a line is quoted text even when it opens like a heading (`”“` /
        // `一、两年之内逐步活跃起来…`): no heading stands inside a quotation.
        if open.ends_opening && !self.indented {
            return true;
        }
        let full_line = self.wrap_width.is_some_and(|width| open.last_width + 2 >= width);
        // A line opened by `、` is a heading whose numeral OCR lost, unless it goes on with the line before: a full
        // line of wrapped text does, and so does a line ending inside a word when the `、` line is a clause that would
        // make an empty heading, a heading following it at once (the `enumeration_wrap` rule: `…使计划生育户在扶贫济困`
        // `、社会保障等方面得到实惠。` `第十九章…`).
        let starts_anew = heading::numbered(content).is_some_and(|n| self.decimal_fits(&n))
            || self.named_heading(content).is_some()
            || self.glued_page_number(content).is_some()
            || heading::lost_numeral_title(content).is_some_and(|n| {
                (n.body.is_none() || self.under_chapter())
                    && !full_line
                    && !(open.ends_in_word && n.body.is_none() && self.heading_follows())
            })
            || layout::is_appendix_marker(content)
            || layout::is_toc_heading(content)
            || FIGURE.is_match(content);
        if starts_anew {
            return false;
        }
        // A line that opens with indentation starts a paragraph even after an opening mark (`…措施是《` in OCR).
        if self.block_rest || (open.ends_open && !self.indented) || starts_closed(content) {
            return true;
        }
        let flush_under_indent = open.indented && !self.indented;
        let across_page = open.page_break && !self.indented;
        // In hard-wrapped text a paragraph's first line is short by the indentation the extraction lost: a line of
        // most of the width that ends no sentence goes on too (a short one is a title).
        let wrapped_on = self.wrap_width.is_some_and(|width| open.last_width * 10 >= width * 7) && !self.indented;
        full_line || (!open.ends_sentence && (flush_under_indent || across_page || wrapped_on))
    }

    /// The `blank_link` rule: in double-spaced text (a blank line after nearly every line), a paragraph of 40 characters
    /// or more whose last line ends inside a word goes on over the blank line to a line of 12 characters at most (a
    /// link's text, or the rest of the word after it), as the export broke it at a link (`…要全面完成今年` /
    /// `经济和社会发` / `展的各项任务。`), unless that line is indented or opens a heading, a table or an attachment. The
    /// pieces join without a break. A law's record lines (`2010年9月17日 …第二十一次会议修正`, no sentence in them)
    /// each stay, and so do the lines after them (a date, `总则`).
    fn blank_link(&self, open: &OpenParagraph, line: &Line<'_>) -> bool {
        if !self.double_spaced || !open.ends_in_word || line.is_indented() {
            return false;
        }
        let Some(Node::Paragraph(p)) = self.current_last() else { return false };
        let content = line.content().0;
        if p.span.end - p.span.start < 120 || content.len() > 12 * 4 || content.chars().count() > 12 {
            return false;
        }
        let letters: String = content.chars().filter(|&c| !is_blank(c)).collect();
        !content.starts_with(|c: char| c.is_ascii_digit())
            && !matches!(letters.as_str(), "总则" | "分则" | "附则")
            && heading::numbered(content).is_none()
            && heading::lost_numeral_title(content).is_none()
            && !heading::opens_point(content)
            && !layout::is_appendix_marker(content)
            && !layout::is_page_number(content)
            && !grid::opens_box(content)
            && !content.starts_with(['|', '#', '>', '-', '*'])
            && p.text_in(self.text).contains(['，', '。'])
    }

    /// Appends a line to the open paragraph, recording the lines as `pieces`: hard-wrapped lines and the two halves of
    /// a paragraph cut by a page number join directly; lines that each hold a sentence (their `。` replaced by the line
    /// break) join with `\n`, whatever the line ends of the file; the lines of a detached-indent block join directly.
    fn extend_paragraph(&mut self, content: &str, offset: usize) {
        let Some(open) = self.open_paragraph else { return };
        let end = offset + content.len();
        let markup = self.block_rest || (open.ends_open && !self.indented) || starts_closed(content);
        let joiner = if self.wrap_width.is_some() || open.page_break || markup { "" } else { "\n" };
        let Some(Node::Paragraph(p)) = self.container().last() else { return };
        let start = p.span.start;
        let span = self.index.span(start, end);
        let source = self.text;
        let Some(Node::Paragraph(p)) = self.container().last_mut() else { return };
        if p.text_by_span() {
            p.text = p.text_in(source).to_owned(); // joined from pieces now: the text must be its own
        }
        if p.pieces.is_empty() {
            p.pieces.push(Piece { start: p.span.start, end: p.span.end });
        }
        p.pieces.push(Piece { start: offset, end });
        p.text.push_str(joiner);
        p.text.push_str(content);
        p.span = span;
        if open.with_lead {
            p.lead = lead_phrase(&p.text).map(str::to_owned);
        }
        self.open_paragraph = Some(OpenParagraph {
            last_width: self.line_width,
            ends_sentence: layout::ends_sentence(content),
            page_break: false,
            // A link's word alone on its line leaves the quote or bracket before it open.
            ends_open: ends_open(content) || (open.ends_open && is_link_word(content)),
            ends_in_word: ends_in_word(content),
            ends_opening: ends_opening(content),
            ..open
        });
    }

    /// The `number_over_title` rule: a heading number alone on its line (`（一）`) takes the next non-blank line as its
    /// title line (text from PDF often breaks the line after the number). Returns the heading read from both lines,
    /// with offsets relative to the number's line, and the index of the line after the title line.
    fn number_over_title(&self, marked: &'a str, at: usize, i: usize) -> Option<(Numbered<'a>, usize)> {
        let (style, ordinal, number) = heading::bare_number(marked)?;
        self.title_below(style, ordinal, number, at, i)
    }

    /// The heading of a number at `at` whose title stands on the next non-blank line from line `i` (see
    /// [`Builder::number_over_title`]), and the index of the line after the title.
    fn title_below(
        &self,
        style: Style,
        ordinal: u32,
        number: &'a str,
        at: usize,
        i: usize,
    ) -> Option<(Numbered<'a>, usize)> {
        let mut j = i;
        while j < self.lines.len() && self.lines[j].content().0.is_empty() {
            j += 1;
        }
        let (next, next_offset) = self.lines.get(j)?.content();
        if heading::numbered(next).is_some() || heading::bare_number(next).is_some() || grid::opens_box(next) {
            return None;
        }
        let (title, body) = heading::split_run_in(next);
        let base = next_offset - at;
        let body = body.map(|(text, b)| (text, base + b));
        Some((Numbered { style, ordinal, number, title, title_at: base, body, ocr_brackets: false }, j + 1))
    }

    /// The `shattered_number` rule: PDF text that sets each run of text on a line of its own splits a heading number
    /// over lines: `（` / `二` / `）` / `健全完善…`, `四` / `、保障措施`, `1` / `．需求…`. From line `i`, a fragment of at most
    /// two characters that can open a number, up to three more short lines are read as one, without their line breaks,
    /// until they make a number and a title; the number keeps its line breaks in the source, the title is the rest of
    /// the last line read or, when that line ends with the number, the next line (as in `number_over_title`). Returns
    /// the heading and the index of the line after it. The caller keeps the upper styles only (`一、`, `（一）`).
    /// `first` and `start` are the content of line `i` and its offset, as the caller read them.
    fn shattered_number(&self, i: usize, first: &'a str, start: usize) -> Option<(Numbered<'a>, usize)> {
        let fragment = |c: &str| {
            // Two characters are 8 bytes at most: a paragraph line is not counted through.
            c.len() <= 8
                && (1..=2).contains(&c.chars().count())
                && c.chars().all(|c| "（(".contains(c) || heading::may_open_number(c) || c.is_ascii_digit())
        };
        if !fragment(first) {
            return None;
        }
        // The fragments read so far: (content, offset in the text, offset in `joined`).
        let mut joined = String::from(first);
        let mut pieces = vec![(first, start, 0)];
        let mut j = i + 1;
        while pieces.len() < 4 {
            while j < self.lines.len() && self.lines[j].content().0.is_empty() {
                j += 1;
            }
            let (content, offset) = self.lines.get(j)?.content();
            pieces.push((content, offset, joined.len()));
            joined.push_str(content);
            j += 1;
            let (last, last_offset, last_at) = *pieces.last()?;
            if let Some((style, ordinal, _)) = heading::bare_number(&joined) {
                // The number is whole and ends the line: its title is on the next line.
                let number = &self.text[start..last_offset + last.len()];
                return self.title_below(style, ordinal, number, start, j);
            }
            if let Some(n) = heading::numbered(&joined) {
                // The number must end in the last line read, after its first character.
                let number_end = n.number.len();
                if number_end <= last_at || n.title_at < last_at {
                    return None;
                }
                let number = &self.text[start..last_offset + (number_end - last_at)];
                let title_in_last = n.title_at - last_at;
                let (title, body) = heading::split_run_in(&last[title_in_last..]);
                let title_at = last_offset + title_in_last - start;
                let body = body.map(|(text, b)| (text, title_at + b));
                let numbered = Numbered { number, title, title_at, body, ..n };
                return Some((numbered, j));
            }
            if !fragment(last) {
                return None;
            }
        }
        None
    }

    /// A line `、标题` (or `、标题。正文…`) read as the next `一、`-style heading (see [`heading::lost_numeral_title`]),
    /// with a warning. The number is the one after the open `一、` section's; with none open, the one after the last
    /// at the top, or `一、` under the chapter being filled (a level opening there).
    fn lost_numeral(&mut self, content: &'a str, offset: usize) -> Option<Numbered<'a>> {
        let heading::LostNumeral { title, title_at, body } = heading::lost_numeral_title(content)?;
        let under_chapter = self.under_chapter();
        let last = match self.stack.iter().rfind(|open| open.style == Style::ChineseComma) {
            Some(open) => open.ordinal,
            None if self.stack.is_empty() => self.closed.get(&Style::ChineseComma).copied().unwrap_or(0),
            None if under_chapter => 0,
            None => return None,
        };
        // Outside chapters only a title alone, and only the thin numerals (一, 二, 三) that OCR loses most; under a
        // chapter (篇, 章, 节), whose own numbering shows the levels, a title with its run-in body and any number.
        if !under_chapter && (body.is_some() || last >= 3) {
            return None;
        }
        let numeral = restored_numeral(last + 1);
        let message = format!("`{content}` reads as heading `{numeral}`, its numeral lost");
        self.diagnose("heading.ocr_numeral", Severity::Warning, message, offset, offset + '、'.len_utf8());
        let (number, _) = content.split_at('、'.len_utf8());
        Some(Numbered {
            style: Style::ChineseComma,
            ordinal: last + 1,
            number,
            title,
            title_at,
            body,
            ocr_brackets: false,
        })
    }

    /// Whether the next non-blank line opens with a heading number, written or lost (a heading read on the line before
    /// would hold nothing).
    fn heading_follows(&self) -> bool {
        self.next_content(self.next_line)
            .is_some_and(|next| heading::numbered(next).is_some() || heading::lost_numeral_title(next).is_some())
    }

    /// The `decimal_number` rule: a decimal number (`1.1`, `1.1.1`) is a heading only where the numbering puts it:
    /// its first part is the number of the open section above the decimal levels (`3.` or `三、` for `3.1`), or its
    /// first parts are the open `1.1` for `1.1.1`; and its last part is 1 or follows the open one of its level. Else
    /// it is a figure (`2.69 万亿元` at the start of a wrapped line). Other styles always fit.
    fn decimal_fits(&self, n: &Numbered<'_>) -> bool {
        if !heading::is_decimal(n.style) {
            return true;
        }
        let parts = decimal_parts(n.number);
        let (Some((&last, prefix)), true) = (parts.split_last(), (2..=4).contains(&parts.len())) else { return false };
        let same = self.stack.iter().rfind(|open| open.style == n.style);
        let follows = last == 1 && same.is_none_or(|open| open.section.number.trim_end_matches(is_blank) != n.number)
            || same.is_some_and(|open| open.ordinal + 1 == last && decimal_prefix(&open.section.number) == prefix);
        let parent = match n.style {
            Style::Decimal3 | Style::Decimal4 => {
                let above = if n.style == Style::Decimal3 { Style::Decimal2 } else { Style::Decimal3 };
                let open = self.stack.iter().rfind(|open| open.style == above);
                open.map(|open| decimal_parts(&open.section.number) == prefix)
            }
            _ => {
                // The section above the decimal levels: items numbered under a decimal section (`1．` under `2.2.2`)
                // do not count.
                let outside = self.stack.iter().position(|open| heading::is_decimal(open.style));
                let above = &self.stack[..outside.unwrap_or(self.stack.len())];
                let open =
                    above.iter().rfind(|open| !heading::is_decimal(open.style) && open.style != Style::Unnumbered);
                open.map(|open| open.ordinal == prefix[0])
            }
        };
        follows && parent.unwrap_or(prefix.iter().all(|&p| p == 1))
    }

    /// The `glued_page_number` rule: text extracted from PDF may glue a page's number to the first line of the next
    /// page (`15三、强化…`, `425.1.3 促进…` for page 42 and `5.1.3`). When one to three digits open a line and what
    /// follows them is the next `一、` heading or a decimal heading that fits its numbering (see
    /// [`Builder::decimal_fits`]), the digits are a page number: returns how many bytes they take.
    fn glued_page_number(&self, content: &str) -> Option<usize> {
        let run = content.bytes().take_while(u8::is_ascii_digit).count();
        if run == 0 || run > 5 {
            return None;
        }
        let next_comma = self.stack.iter().rfind(|open| open.style == Style::ChineseComma).map(|open| open.ordinal);
        let next_comma = next_comma.or_else(|| self.closed.get(&Style::ChineseComma).copied()).map(|o| o + 1);
        (1..=run.min(3)).find(|&k| {
            let Some(n) = heading::numbered(&content[k..]) else { return false };
            match n.style {
                Style::ChineseComma => k == run && next_comma == Some(n.ordinal),
                Style::Decimal2 | Style::Decimal3 | Style::Decimal4 => self.decimal_fits(&n),
                _ => false,
            }
        })
    }

    /// Whether a chapter (篇, 编, 章, 节, 条) is open: its numbering by design shows where the levels under it stand.
    fn under_chapter(&self) -> bool {
        self.stack.iter().any(|open| is_legal_style(open.style))
    }

    /// Drops a bare page number, keeping the paragraph it interrupts open.
    fn page_number(&mut self, offset: usize, len: usize) {
        self.page_numbers.0 += 1;
        self.page_numbers.1.get_or_insert((offset, offset + len));
        if let Some(open) = self.open_paragraph.as_mut() {
            open.page_break = true;
        }
    }

    /// The content of the next non-blank line from line `i` on.
    fn next_content(&self, i: usize) -> Option<&'a str> {
        self.lines[i.min(self.lines.len())..].iter().map(|l| l.content().0).find(|c| !c.is_empty())
    }

    /// Reads a table of contents from line `i`: a run of entries with dot leaders and page numbers, or a `目录` line
    /// and the entries after it — with leaders when the first has them, else short lines (OCR loses leaders). The
    /// contents end before a line of another kind (a long line, a sentence), and before a line that repeats the first
    /// entry (the body starting over). Returns the next line index.
    fn toc(&mut self, i: usize) -> usize {
        let (first, start) = self.lines[i].content();
        let headed = layout::is_toc_heading(first);
        let mut entries = vec![first.to_owned()];
        let mut end = start + first.len();
        let mut first_key: Option<String> = (!headed).then(|| layout::entry_key(first));
        let mut j = i + 1;
        while j < self.lines.len() {
            let (content, offset) = self.lines[j].content();
            // Contents running over pages keep their page numbers and page breaks.
            if content.is_empty() || (entries.len() > 1 && layout::is_page_number(content)) {
                j += 1;
                continue;
            }
            let key = layout::entry_key(content);
            // Entries with leaders set the pattern: after them, a line without leaders is the text, unless it is a
            // heading with its page number after a blank (`1．推进…建设 20`: the leaders were lost).
            let leaders = entries.iter().skip(usize::from(headed)).any(|e| layout::is_leader_entry(e));
            // PDF text with every run on a line of its own puts an entry's leaders on the lines after its title
            // (`二、实施方式` / `....` / `- 1 -`), and may split the title too (`附录` / `1` / `：方案实施流程图` / `....`).
            let leaders_below = || {
                content.chars().count() <= 30
                    && !content.contains('。')
                    && self.lines[j + 1..]
                        .iter()
                        .map(|l| l.content().0)
                        .filter(|c| !c.is_empty())
                        .take(3)
                        .any(layout::is_leaders_only)
            };
            let is_entry = layout::is_leader_entry(content)
                || (leaders && layout::is_page_entry(content))
                || (headed && !leaders && content.chars().count() <= 40 && !content.contains('。'))
                || (leaders && leaders_below());
            if !is_entry || first_key.as_ref().is_some_and(|k| *k == key && entries.len() > 2) {
                break;
            }
            first_key.get_or_insert(key);
            entries.push(content.to_owned());
            end = offset + content.len();
            j += 1;
        }
        if headed && entries.len() == 1 {
            self.paragraph(first, start, false); // a lone `目录` line
            return i + 1;
        }
        let id = next_id("toc", &mut self.counters.toc);
        let span = self.index.span(start, end);
        self.push(Node::Toc(Toc { id, span, entries }));
        j
    }

    /// Whether the `附件` line before line `i` opens an attachment: its title follows, and no second `附件` line right
    /// after that (a list of attachments in the body: `附件：` + names, with the attachments themselves further on).
    fn appendix_follows(&self, i: usize) -> bool {
        let mut rest = self.lines[i.min(self.lines.len())..].iter().map(|l| l.content().0).filter(|c| !c.is_empty());
        let title = rest.next();
        let after = rest.next();
        // `附件：` + `1.实施方案` `2.申报书`: a numbered list of the attachments, not an attachment.
        let numbered_list = title.is_some_and(|t| heading::numbered(t).is_some_and(|n| n.ordinal == 1));
        title.is_some() && !numbered_list && !after.is_some_and(layout::is_appendix_marker)
    }

    /// Starts an attachment at its `附件` line `i`, titled by the next line when that reads as a title. Returns the
    /// next line index.
    fn appendix(&mut self, i: usize) -> usize {
        let (_, start) = self.lines[i].content();
        let mut next = i + 1;
        while next < self.lines.len() && self.lines[next].content().0.is_empty() {
            next += 1;
        }
        let title = self.lines.get(next).map(|l| l.content()).filter(|(t, _)| layout::is_title_like(t));
        let title = title.map(|(t, at)| (t.to_owned(), self.index.span(at, at + t.len())));
        let next = if title.is_some() { next + 1 } else { i + 1 };
        self.start_part(PartKind::Appendix, start, title, Vec::new());
        next
    }

    /// The `issued_head` rule: begins the document whose head starts at line `head.first` (see [`issued_heads`]),
    /// titled by its title lines when it has them. Returns the index of the line after the title (the document
    /// number's line, read as text of the new part).
    fn issued_document(&mut self, head: IssuedHead) -> usize {
        let title = head.title.map(|(first, last)| {
            let text: String = self.lines[first..=last].iter().map(|l| l.content().0).collect();
            let (start, end) = (self.lines[first].content().1, self.lines[last].content());
            (text, self.index.span(start, end.1 + end.0.len()))
        });
        let start = self.lines[head.first].content().1;
        self.flat_table = None;
        self.start_part(PartKind::Document, start, title, Vec::new());
        self.awaiting_issued = true;
        head.title.map_or(head.first, |(_, last)| last + 1)
    }

    /// The `issued_head` rule, second half: in a document issued inside the file, a title alone before its first
    /// heading, after the notice's text (`…二〇一一年一月三十日` / `医疗机构药事管理规定` / `第一章 总则`), or before
    /// the one paragraph that opens it (`…指导意见` / `为深入贯彻…，制定本意见。` / `一、…`), titles the document the
    /// notice issues, which begins there.
    fn issued_title(&mut self) {
        let title_alone = |node: &Node| {
            matches!(node, Node::Paragraph(p) if layout::is_title_like(&p.text)
                && p.pieces.is_empty()
                && heading::numbered(&p.text).is_none()
                && !layout::is_document_number(&p.text)
                && front::iso_date(&p.text).is_none())
        };
        let container = self.container();
        let n = container.len();
        let at = if n >= 2 && title_alone(&container[n - 1]) {
            n - 1
        } else if n >= 3
            && title_alone(&container[n - 2])
            && matches!(&container[n - 1], Node::Paragraph(p) if p.text.chars().nth(40).is_some())
        {
            n - 2
        } else {
            return;
        };
        let mut moved = container.split_off(at);
        let Node::Paragraph(title) = moved.remove(0) else { unreachable!("a paragraph") };
        self.start_part(PartKind::Document, title.span.start, Some((title.text, title.span)), moved);
    }

    /// A numbering restart, or an outer numbering style opening under an inner one: when a title-like paragraph
    /// stands among the last four nodes read, a new document begins at the first such (it and whatever follows it
    /// move into the new part); otherwise the heading just opens at the outermost level.
    fn restart_part(&mut self) {
        let container = self.container();
        let from = container.len().saturating_sub(4);
        let found = (from..container.len()).find(|&k| match &container[k] {
            Node::Paragraph(p) => {
                layout::is_title_like(&p.text) && p.pieces.is_empty() && heading::numbered(&p.text).is_none()
            }
            _ => false,
        });
        let trailing_paragraphs = found.is_some_and(|k| container[k..].iter().all(|n| matches!(n, Node::Paragraph(_))));
        let (title, moved) = match found {
            Some(k) if trailing_paragraphs => {
                let mut moved = container.split_off(k);
                let Node::Paragraph(title) = moved.remove(0) else { unreachable!("found a paragraph") };
                (Some((title.text, title.span)), moved)
            }
            _ => return,
        };
        let start = title.as_ref().map(|t| t.1.start).or_else(|| moved.first().map(|n| n.span().start));
        let start = start.unwrap_or_else(|| self.stack.last().map_or(0, |s| s.section.span.end));
        self.start_part(PartKind::Document, start, title, moved);
    }

    /// Closes everything open and begins a new part; the nodes read so far become the first part when the file had
    /// none yet.
    fn start_part(&mut self, kind: PartKind, start: usize, title: Option<(String, Span)>, children: Vec<Node>) {
        while !self.stack.is_empty() {
            self.close_section();
        }
        self.closed.clear();
        self.continuing.clear();
        self.open_paragraph = None;
        self.after_table = false;
        match self.part.take() {
            Some(part) => self.root.push(Node::Part(self.finish_part(part))),
            None => {
                let first = self.root.iter().position(|n| !matches!(n, Node::Notice(_))).unwrap_or(self.root.len());
                let mut nodes = self.root.split_off(first);
                if !nodes.is_empty() {
                    let title = match nodes.first() {
                        Some(Node::Title(t)) => Some((t.text.clone(), t.span)),
                        _ => None,
                    };
                    if title.is_some() {
                        nodes.remove(0);
                    }
                    let part = self.new_part(PartKind::Document, nodes.first().map_or(0, |n| n.span().start), title);
                    let part = Part { children: nodes, ..part };
                    self.root.push(Node::Part(self.finish_part(part)));
                }
            }
        }
        let part = self.new_part(kind, start, title);
        self.part = Some(Part { children, ..part });
    }

    /// A file of several documents is titled by the notice that issues them (`…关于印发…的通知`), when it names one.
    fn title_from_notice(&mut self) {
        if !self.root.iter().any(|n| matches!(n, Node::Part(_))) {
            return;
        }
        let Some(Node::Notice(notice)) = self.root.first() else { return };
        let issuing =
            notice.lines.iter().find(|l| l.contains("关于") && l.ends_with("通知") && l.chars().count() <= 200);
        if let Some(line) = issuing {
            // A Markdown heading marker (`# 关于…的通知`) is markup, not part of the title.
            let (title, _) = strip_atx(line, 0);
            self.meta.title = Some(title.to_owned());
        }
    }

    fn new_part(&mut self, kind: PartKind, start: usize, title: Option<(String, Span)>) -> Part {
        let id = next_id("part", &mut self.counters.part);
        let start = title.as_ref().map_or(start, |t| t.1.start.min(start));
        let (title, title_span) = title.map_or((None, None), |(t, s)| (Some(t), Some(s)));
        let span = self.index.span(start, title_span.map_or(start, |s| s.end));
        Part { id, span, kind, title, title_span, children: Vec::new() }
    }

    fn finish_part(&self, mut part: Part) -> Part {
        let end = part.children.iter().map(|c| c.span().end).max().unwrap_or(0).max(part.span.end);
        part.span = self.index.span(part.span.start, end);
        part
    }

    fn container(&mut self) -> &mut Vec<Node> {
        match (self.stack.last_mut(), self.part.as_mut()) {
            (Some(open), _) => &mut open.section.children,
            (None, Some(part)) => &mut part.children,
            (None, None) => &mut self.root,
        }
    }

    fn push(&mut self, node: Node) {
        self.open_paragraph = None;
        self.container().push(node);
    }

    fn diagnose(&mut self, code: &str, severity: Severity, message: String, start: usize, end: usize) {
        let span = Some(self.index.span(start, end));
        self.diagnostics.push(Diagnostic { code: code.to_owned(), severity, message, span });
    }

    fn finish(mut self, reading: Reading) -> (Document, Vec<Diagnostic>) {
        while !self.stack.is_empty() {
            self.close_section();
        }
        if let Some(part) = self.part.take() {
            let part = self.finish_part(part);
            self.root.push(Node::Part(part));
        }
        crate::lost::restore(&mut self.root, &self.index, &mut self.counters.section, &mut self.diagnostics);
        self.title_from_notice();
        if let (count, Some((start, end))) = self.page_numbers {
            let message = format!("{count} bare page number line(s) dropped, the first here");
            self.diagnose("layout.page_numbers", Severity::Info, message, start, end);
        }
        let intro_end = floor_char_boundary(self.text, self.first_heading.unwrap_or(self.text.len()).min(8192));
        self.meta.period = front::period(self.meta.title.as_deref(), &self.text[..intro_end]);
        let mut document =
            Document { outline: std::mem::take(&mut self.root), meta: self.meta.clone(), ..Document::default() };
        cell_lines(&mut document.outline, &self.index);
        collect_indicators(&mut document, &self.index);
        collect_projects(&mut document, &self.index, &mut self.panel_projects);
        if reading == Reading::Everything {
            collect_targets(&mut document, &self.index, crate::figures::writes_chinese_figures(self.text));
        }
        if let Some((span, tail)) = truncation(&document) {
            let message = format!("the text ends mid-sentence (`…{tail}`): the file may be truncated");
            self.diagnose("layout.truncated", Severity::Warning, message, span.start, span.end);
        }
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| d.span.map_or((0, 0), |s| (s.start, s.end)));
        (document, diagnostics)
    }
}

/// Sets every table cell's line: where its text starts, or its table's first line when it has none. A hit in a cell
/// points a reader at its row, not at the table's top.
fn cell_lines(nodes: &mut [Node], index: &LineIndex) {
    for node in nodes {
        match node {
            Node::Table(t) => {
                for cell in &mut t.cells {
                    cell.line = cell.pieces.first().map_or(t.span.line, |p| index.line_of(p.start));
                }
            }
            Node::Section(s) => cell_lines(&mut s.children, index),
            Node::Part(p) => cell_lines(&mut p.children, index),
            _ => {}
        }
    }
}

/// Where the text ends mid-sentence (`layout.truncated`), and its last characters: the last paragraph or item, when it
/// ends with a comma, an
/// open bracket or quote (an end that no sentence, title or list item has) while most paragraphs end a sentence
/// (text whose `。` were stripped says nothing).
fn truncation(document: &Document) -> Option<(Span, String)> {
    let texts: Vec<(&str, Span)> = document
        .walk()
        .into_iter()
        .filter_map(|(_, node)| match node {
            Node::Paragraph(p) => Some((p.text.as_str(), p.span)),
            Node::Item(i) => Some((i.text.as_str(), i.span)),
            _ => None,
        })
        .collect();
    let ending = texts.iter().filter(|(t, _)| layout::ends_sentence(t)).count();
    let &(last, span) = texts.last()?;
    let cut = last.trim_end().ends_with(['，', '、', ',', '（', '(', '“', '《']);
    let tail = || last.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    (texts.len() >= 5 && ending * 10 >= texts.len() * 6 && cut).then(|| (span, tail()))
}

/// Every box of `text` as a table (a one-column box too), with the grid diagnostics.
pub(crate) fn read_grids(text: &str) -> (Vec<Table>, Vec<Diagnostic>) {
    let mut builder = Builder::new(text);
    let mut i = 0;
    while i < builder.lines.len() {
        if !grid::opens_box(builder.lines[i].content().0) {
            i += 1;
            continue;
        }
        let BoxLines { boxes, mut issues, next, .. } = box_lines(&builder.lines, i);
        for b in boxes {
            builder.after_table = false;
            builder.table(&b, read_grid(&b), &mut issues);
        }
        for issue in issues {
            builder.grid_issue(issue);
        }
        i = next;
    }
    let tables = builder.root.into_iter().filter_map(|n| if let Node::Table(t) = n { Some(t) } else { None }).collect();
    (tables, builder.diagnostics)
}

/// One member of a list being read (see [`Builder::list_run`]).
struct Member {
    style: Style,
    /// The logical line after its last line.
    after: usize,
    number: String,
    ordinal: u32,
    /// Where the number starts.
    start: usize,
    /// The byte ranges of its text: after the number on its first line, then its wrapped lines.
    pieces: Vec<(usize, usize)>,
    /// Whether it reads as a whole sentence rather than a title.
    sentence: bool,
    /// Whether it reads as a short title: 15 characters or fewer, no clause inside, nothing after a closing `。`.
    title_like: bool,
    /// What joins its lines: nothing for hard-wrapped lines, `\n` for lines that each held a sentence.
    joiner: &'static str,
    /// Its pieces joined, read once the run has two members.
    text: String,
    /// Whether its number was put back (`lost_item_number`): the clause stands where the list's numbering skips.
    restored: bool,
    /// Whether it was read as a paragraph already (a lost number at the head of a list), which it replaces.
    read: bool,
    /// Whether it belongs to the list the member before it leads in (`article_sublist`).
    inner: bool,
}

/// Whether a paragraph leads in a list: it ends with a colon (closing quotes aside: `…有下列情形之一的：`), or its last
/// sentence announces what follows (`…作出了以下规定。`, `…着重研究了如下几个问题。`).
fn leads_in(text: &str) -> bool {
    let text = text.trim_end_matches(['”', '’', '"']);
    if text.ends_with(['：', ':']) {
        return true;
    }
    let Some(body) = text.strip_suffix('。') else { return false };
    let last_sentence = body.rsplit(['。', '！', '？']).next().unwrap_or(body);
    let tail: String = last_sentence.chars().rev().take(16).collect::<Vec<_>>().into_iter().rev().collect();
    ["以下", "如下", "下列"].iter().any(|w| tail.contains(w))
}

/// Texts (or, for targets, the paragraphs of a text) shorter than this are read on one thread (`boxes_ahead`,
/// `parallel_targets`): starting another costs more than it saves.
const PARALLEL_FROM: usize = 256 * 1024;

/// The boxes drawn on line `i` of `lines` and the box lines after it.
fn box_lines<'a>(lines: &[Line<'a>], i: usize) -> BoxLines<'a> {
    let mut rows = Vec::new();
    let mut issues = Vec::new();
    let mut row_width = None;
    let mut trailing = None;
    let mut next = i;
    while next < lines.len() {
        let (content, offset) = lines[next].content();
        if !grid::opens_box(content) {
            break;
        }
        let (line_rows, rest) = grid::split_rows(content, offset, &mut row_width, &mut issues);
        rows.extend(line_rows);
        next += 1;
        if rest.is_some() {
            trailing = rest;
            break;
        }
    }
    let boxes = grid::group_boxes(rows, &mut issues);
    BoxLines { boxes, issues, trailing, next }
}

/// The grid of a box of two columns or more, with what reading it found wrong.
fn read_grid(b: &BoxRows<'_>) -> (grid::Grid, Vec<GridIssue>) {
    let mut issues = Vec::new();
    let grid = grid::read_grid(b, &mut issues);
    (grid, issues)
}

/// What a box holds: a one-column box is a panel (专栏), a wider one a table.
enum BoxRead {
    Panel(panel::PanelParts),
    Table(grid::Grid, Vec<GridIssue>),
}

/// Reads a box (see [`BoxRead`]).
fn read_box(b: &BoxRows<'_>) -> BoxRead {
    if b.columns() <= 1 {
        BoxRead::Panel(panel::read_panel(b))
    } else {
        let (grid, issues) = read_grid(b);
        BoxRead::Table(grid, issues)
    }
}

/// The boxes of a run of box lines read ahead (see [`read_boxes_ahead`]), with what each holds, in order.
struct BoxesRead<'a> {
    first: usize,
    lines: BoxLines<'a>,
    boxes: Vec<BoxRead>,
}

/// Reads every run of box lines in `lines`, in order, as [`Builder::boxes`] would when it meets the run's first line;
/// stops when the builder no longer listens.
fn read_boxes_ahead<'a>(lines: &[Line<'a>], sender: &mpsc::Sender<BoxesRead<'a>>) {
    let mut i = 0;
    while i < lines.len() {
        if !grid::opens_box(lines[i].content().0) {
            i += 1;
            continue;
        }
        let read = box_lines(lines, i);
        let boxes = read.boxes.iter().map(read_box).collect();
        let next = read.next.max(i + 1);
        if sender.send(BoxesRead { first: i, lines: read, boxes }).is_err() {
            return;
        }
        i = next;
    }
}

/// The boxes read from a run of box lines.
struct BoxLines<'a> {
    boxes: Vec<BoxRows<'a>>,
    issues: Vec<GridIssue>,
    /// Text after the last box on its line, with its offset.
    trailing: Option<(&'a str, usize)>,
    /// The first line after the run.
    next: usize,
}

/// The number of a heading whose thin numeral OCR lost (`、指导思想`, see [`heading::lost_numeral_title`]), with the
/// numeral put back (`一、`): the number a reader cites. The heading's span still covers what is written.
fn restored_numeral(ordinal: u32) -> String {
    format!("{}、", crate::numbers::write_chinese_numeral(ordinal))
}

/// The number of the first member of a level of `style`, for the levels whose first number a source may lose.
fn first_number(style: Style) -> Option<&'static str> {
    match style {
        Style::ChineseComma => Some("一、"),
        Style::ParenChinese => Some("（一）"),
        Style::ArabicDot => Some("1."),
        Style::ParenArabic => Some("（1）"),
        _ => None,
    }
}

impl Member {
    /// A member with its number written at `start`, its text in `pieces`, its last line before line `after`.
    fn written(
        style: Style,
        number: &str,
        ordinal: u32,
        start: usize,
        after: usize,
        pieces: Vec<(usize, usize)>,
        inner: bool,
    ) -> Member {
        Member {
            style,
            after,
            number: number.to_owned(),
            ordinal,
            start,
            pieces,
            sentence: false,
            title_like: false,
            joiner: "",
            text: String::new(),
            restored: false,
            read: false,
            inner,
        }
    }

    /// A member whose number the source lost (`lost_item_number`): `text` at `start`, numbered `ordinal` in the style
    /// of `like`; an empty number when that style cannot be written again.
    fn restored(like: &Numbered<'_>, ordinal: u32, start: usize, text: &str, after: usize) -> Member {
        Member {
            style: like.style,
            after,
            number: renumbered(like.number, ordinal).unwrap_or_default(),
            ordinal,
            start,
            pieces: vec![(start, start + text.len())],
            sentence: true,
            title_like: false,
            joiner: "",
            text: text.to_owned(),
            restored: true,
            read: false,
            inner: false,
        }
    }
}

/// Whether a line without a number may be a list member whose number was lost: one clause that ends with `；`.
fn is_lost_member(text: &str) -> bool {
    let chars = text.chars().count();
    text.ends_with(['；', ';'])
        && (4..=200).contains(&chars)
        && heading::numbered(text).is_none()
        && !text.trim_end_matches(['；', ';']).contains(['；', ';', '。'])
}

/// `number` (`（六）`, `6.`) with its numeral replaced by `ordinal`'s, in the same kind of numeral.
fn renumbered(number: &str, ordinal: u32) -> Option<String> {
    let at = number.find(|c: char| c.is_ascii_digit() || crate::numbers::is_chinese_numeral_char(c))?;
    let rest = &number[at..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        return Some(format!("{}{ordinal}{}", &number[..at], &rest[end..]));
    }
    let end = rest.find(|c: char| !crate::numbers::is_chinese_numeral_char(c)).unwrap_or(rest.len());
    Some(format!("{}{}{}", &number[..at], crate::numbers::write_chinese_numeral(ordinal), &rest[end..]))
}

/// Where an unnumbered part title stands (see [`framing_title`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FramingTitle {
    /// `前言`, `序言`, `引言`, `导言`: before the numbered headings, which close it.
    Opening,
    /// `结束语`, `结语`: after them.
    Closing,
    /// A plan's glossary (`名词解释`, `名词注释`, `术语解释`): after them too, and it leads in its numbered definitions.
    Glossary,
}

/// The `framing_title` rule: the unnumbered titles that open or close the text of a plan or report, as written alone on
/// a line, also letter-spaced (`前　言`, `结 束 语`): a preface, a closing word, the glossary at the end of a plan.
fn framing_title(content: &str) -> Option<FramingTitle> {
    if content.len() > 4 * 3 * 4 {
        return None; // at most four characters with blanks between them
    }
    let mut letters = [0 as char; 4];
    let mut count = 0;
    for c in content.chars().filter(|&c| !is_blank(c)) {
        *letters.get_mut(count)? = c;
        count += 1;
    }
    match &letters[..count] {
        ['前', '言'] | ['序', '言'] | ['引', '言'] | ['导', '言'] => Some(FramingTitle::Opening),
        ['结', '束', '语'] | ['结', '语'] => Some(FramingTitle::Closing),
        ['名', '词', '解' | '注', '释'] | ['术', '语', '解', '释'] => Some(FramingTitle::Glossary),
        _ => None,
    }
}

/// The cells of a table's header row (see [`Builder::flattened_table`]).
const TABLE_HEADER_WORDS: [&str; 36] = [
    "序号",
    "类别",
    "类型",
    "分类",
    "单位",
    "属性",
    "指标",
    "指标名称",
    "一级指标",
    "二级指标",
    "任务",
    "重点任务",
    "主要任务",
    "工作任务",
    "具体任务",
    "牵头单位",
    "责任单位",
    "配合单位",
    "牵头部门",
    "责任部门",
    "配合部门",
    "完成时限",
    "完成时间",
    "时间节点",
    "备注",
    "名称",
    "项目名称",
    "建设内容",
    "主要内容",
    "目标值",
    "牵头",
    "配合",
    "部门",
    "主体",
    "指标单位",
    "年份",
];

/// Punctuation that a standalone title never holds (see [`Builder::standalone_title`]).
const TITLE_PUNCTUATION: &str = "。，；：！？、“”‘’（）《》〈〉【】—…·．";

/// Whether a line leaves a `《` or a bracket open (more open than close), or a quote: its last quote mark opens.
fn leaves_open(line: &str) -> bool {
    let opens = line.matches(['《', '（', '(']).count();
    (opens > 0 && opens > line.matches(['》', '）', ')']).count())
        || line.rfind(['“', '”']).is_some_and(|at| line[at..].starts_with('“'))
}

/// A word alone on its line, as web exports leave a link's text (`揭榜`): up to six letters, no punctuation.
fn is_link_word(line: &str) -> bool {
    (1..=6).contains(&line.chars().count()) && line.chars().all(char::is_alphanumeric)
}

/// Whether a list member's text is the title of a document and nothing more than a note in brackets after it
/// (`《北京市湿地保护条例》（2019年修正）`, `《全国主体功能区规划》；`) or a few words, or a title that its line breaks.
fn cites_a_document(text: &str) -> bool {
    let text = text.trim_end_matches(['。', '；', ';', '，', ',', '、']).trim_end_matches(is_blank);
    let Some(rest) = text.strip_prefix('《') else { return false };
    // A title that a wrapped line breaks goes on in the next line.
    let Some(close) = rest.rfind('》') else { return !rest.contains(['。', '，', '；']) };
    let after = rest[close + '》'.len_utf8()..].trim_matches(is_blank);
    // A note in brackets, which the line's end may cut (`（2019`), or a few words (`及党中央、国务院批复`).
    after.chars().count() <= 30 && !after.contains(['。', '；', '，', ';', ','])
}

/// The parts of a decimal number (`3.1.2` → 3, 1, 2).
fn decimal_parts(number: &str) -> Vec<u32> {
    number.trim_end_matches(is_blank).split(['.', '．']).filter_map(crate::numbers::parse_number).collect()
}

/// The parts of a decimal number before its last.
fn decimal_prefix(number: &str) -> Vec<u32> {
    let mut parts = decimal_parts(number);
    parts.pop();
    parts
}

/// Whether a line ends inside a word (a letter, ideograph or digit): its sentence goes on in the next line.
/// The `cut_rest` rule: a short line (12 characters at most) that ends the sentence a member's line broke off inside a
/// word (`3.医护人员应当…动态调整护` / `理级别。`, PDF text): the rest of that member, joined without a break.
fn is_cut_rest(content: &str) -> bool {
    content.chars().nth(12).is_none()
        && layout::ends_sentence(content)
        && !content.starts_with(|c: char| c.is_ascii_digit())
        && heading::numbered(content).is_none()
        && heading::lost_numeral_title(content).is_none()
}

fn ends_in_word(line: &str) -> bool {
    // Ideographs and CJK punctuation first: `is_alphanumeric` looks every other non-ASCII character up in a table.
    line.trim_end_matches(is_blank).chars().next_back().is_some_and(|c| match c {
        '\u{4e00}'..='\u{9fff}' => true,
        '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' => false,
        _ => c.is_alphanumeric(),
    })
}

/// The `broken_link` rule: a line that ends with an opening bracket or quote (`…依法修订《`) or inside a bracket opened
/// a few letters before (`…细颗粒物（PM`), or a line that opens
/// with a closing one or with punctuation that continues a sentence (`》，制定《`, `，并…`), is no paragraph's edge
/// (unless the next line is indented): web and wiki exports break lines at the links inside book titles. The pieces
/// join without a break.
fn ends_open(line: &str) -> bool {
    if line.ends_with(['《', '“', '‘', '（', '(', '【', '「', '『', '〈']) {
        return true;
    }
    // A bracket opened a few characters before the end and not closed: exports break lines at sub- and superscripts
    // too (`细颗粒物（PM` / `2.5` / `）平均浓度…`).
    // Only the last seven characters are read: every line of a paragraph asks.
    let window = line.char_indices().rev().nth(6).map_or(line, |(at, _)| &line[at..]);
    let tail = window.rsplit_once(['（', '(', '“']).map(|(_, tail)| tail);
    tail.is_some_and(|t| !t.contains(['）', ')', '”']) && t.chars().all(|c| c.is_alphanumeric() || c == '、'))
}

/// Whether `line` ends with an opening quote itself (see [`ends_open`]). Not a bracket: OCR reads a colon as `《`
/// (`…主要任务是《` / `（一） 完善…`).
fn ends_opening(line: &str) -> bool {
    line.ends_with(['“', '‘', '「', '『'])
}

/// See [`ends_open`].
fn starts_closed(line: &str) -> bool {
    line.starts_with(['》', '”', '’', '）', ')', '】', '」', '』', '〉', '，', '、', '；', '：', '。'])
}

fn next_id(kind: &str, counter: &mut usize) -> String {
    *counter += 1;
    format!("{kind}-{counter}")
}

/// The styles of laws and long plans, which rank by design: 篇 > 编 > 分编 > 章 > 节 > 条.
pub(crate) fn is_legal_style(style: Style) -> bool {
    matches!(style, Style::Part | Style::Book | Style::SubBook | Style::Chapter | Style::Division | Style::Article)
}

/// A line that may lead the text after it (`lead_sentence`): one sentence of 4 to 25 characters, ending with `。`, no
/// clause, no number; or, `with_clauses`, of up to 30 characters with commas in it.
fn is_lead_form(text: &str, with_clauses: bool) -> bool {
    let Some(sentence) = text.strip_suffix('。') else { return false };
    let chars = sentence.chars().count();
    let clauses = sentence.contains(['，', ',']);
    (3..=if clauses { 29 } else { 24 }).contains(&chars)
        && (with_clauses || !clauses)
        && !sentence.contains(['。', '；', '：', '？', '！', ';', ':', '?', '!'])
        && heading::numbered(text).is_none()
        && !heading::opens_point(text)
}

/// The first two characters of a lead, which the leads of a run with clauses share (`lead_sentence`).
fn opening_of(text: &str) -> &str {
    let end = text.char_indices().nth(2).map_or(text.len(), |(at, _)| at);
    &text[..end]
}

/// How many lead lines with their paragraphs (`lead_sentence`) follow one another from line `from`, at most `most`:
/// each a line of the lead form, then a paragraph of 30 characters or more, longer than the lead, on a line of its
/// own (not the rest of a detached-indent block). With an `opening`, leads may hold clauses and all open with it.
fn lead_pairs(lines: &[Line<'_>], from: usize, most: usize, opening: Option<&str>) -> usize {
    let mut count = 0;
    let mut text = lines[from.min(lines.len())..].iter().filter(|l| !l.content().0.is_empty());
    let form = |lead: &str| match opening {
        Some(opening) => is_lead_form(lead, true) && lead.starts_with(opening),
        None => is_lead_form(lead, false),
    };
    while count < most {
        let Some(lead) = text.next() else { break };
        let lead = lead.content().0;
        if !form(lead) {
            if most == usize::MAX {
                continue;
            }
            break;
        }
        let Some(after) = text.next() else { break };
        let body = after.content().0;
        let long = body.chars().nth(29).is_some() && body.len() > lead.len();
        if after.block_rest || !long || is_lead_form(body, true) || heading::numbered(body).is_some() {
            if most == usize::MAX {
                continue;
            }
            break;
        }
        count += 1;
    }
    count
}

/// The head of a document issued inside a file of several (see [`issued_heads`]).
#[derive(Debug, Clone, Copy)]
struct IssuedHead {
    /// The index of its first line: its title's, or the document number's.
    first: usize,
    /// The indexes of its first and last title lines.
    title: Option<(usize, usize)>,
}

/// The `issued_head` rule: in a file that collects several issued documents (PDF compendia of rules, a notice
/// printed twice), a document number alone on its line (`（医保办发〔2019〕36 号）`, see
/// [`layout::is_document_number`]) with an addressee line after it (`各省、自治区、直辖市…：`) heads a document of
/// its own. Its title is the one to three title lines right above the number, from the nearest line holding `关于`,
/// that end with the kind of document (`国家医疗保障局办公室关于印发` / `《…规程（2025 版）》的通知`), and the issuer's
/// names on the line above a title that opens with `关于` (`国家医保局 财政部` / `关于进一步加强…的通知`); another line
/// above them, such as a running header with the same title, is not part of it. Without such a title the document
/// begins at the number.
fn issued_heads(lines: &[Line<'_>]) -> Vec<IssuedHead> {
    let mut heads = Vec::new();
    for (j, line) in lines.iter().enumerate() {
        let text = line.content().0;
        if !text.ends_with(['号', '）', ')']) || !layout::is_document_number(text) {
            continue;
        }
        let mut after = lines[j + 1..].iter().map(|l| l.content().0).filter(|t| !t.is_empty());
        if !after.next().is_some_and(|t| t.ends_with(['：', ':']) && t.chars().count() <= 400) {
            continue;
        }
        let above: Vec<usize> = (0..j)
            .rev()
            .filter(|&k| !lines[k].content().0.is_empty())
            .take(4)
            .take_while(|&k| {
                let t = lines[k].content().0;
                t.chars().count() <= 60 && !t.contains(['。', '；', '：', ';', ':'])
            })
            .collect();
        let opening = above.iter().position(|&k| lines[k].content().0.contains("关于"));
        // The issuer on the line above a title that opens with `关于` is the title's beginning
        // (`国家医保局 财政部` / `关于进一步加强…的通知`): a short line of names, no date or figure in it.
        let issuer = |o: usize| {
            let above_title = *above.get(o + 1)?;
            let text = lines[above_title].content().0;
            let names = text.chars().count() <= 30
                && !text.contains(['，', '、', '。', '（', '(', '关'])
                && !text.contains(|c: char| c.is_ascii_digit() || "年月日〇○".contains(c));
            (lines[above[o]].content().0.starts_with("关于") && names).then_some(above_title)
        };
        let title = opening.map(|o| (issuer(o).unwrap_or(above[o]), above[0])).filter(|&(first, last)| {
            let last_text = lines[last].content().0;
            lines[first..=last].iter().all(|l| l.content().0.chars().count() <= 60) && front::ends_with_kind(last_text)
        });
        heads.push(IssuedHead { first: title.map_or(j, |t| t.0), title });
    }
    heads
}

/// Styles numbered straight through their parents by design: 章 through 篇, 条 through 章 and 节.
fn by_design_continuing(style: Style) -> bool {
    matches!(style, Style::Chapter | Style::Article | Style::Named | Style::NamedInner)
}

/// The `named_number` rule: the words whose numbers run through the document as headings (`行动1：…` to `行动10：…`,
/// `——任务1：…` under them, `应用一：…`; see [`heading::named`] for the form). A word qualifies when its numbers, in
/// the order of the text, count 1, 2, 3 and on without a gap or a repeat, three of them at least; its numbers may go
/// on across the sections above them (`任务4` opens `行动2`). The first word to appear is the outer; a second one is
/// the inner only when one of its numbers stands between two of the outer's (`任务` under `行动`), and is else left
/// alone: two runs one after the other would need ranks the text does not show.
fn named_runs<'a>(lines: &[Line<'a>]) -> [Option<&'a str>; 2] {
    struct Run<'a> {
        word: &'a str,
        last: u32,
        count: usize,
        broken: bool,
        lines: (usize, usize),
    }
    let mut runs: Vec<Run<'a>> = Vec::new();
    // Where each word's run is in `runs`: a text may name many words once each.
    let mut by_word: HashMap<&'a str, usize> = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        // Trailing blanks do not matter to the form (a title is trimmed).
        let content = line.text.trim_start_matches(is_blank);
        if !content.starts_with(|c: char| crate::figures::is_cjk(c) || matches!(c, '—' | '－' | '-' | '#')) {
            continue;
        }
        let Some(named) = heading::named(strip_atx(content, 0).0) else { continue };
        let ordinal = named.heading.ordinal;
        match by_word.get(named.word).map(|&k| &mut runs[k]) {
            Some(run) if !run.broken && ordinal == run.last + 1 => {
                run.last = ordinal;
                run.count += 1;
                run.lines.1 = index;
            }
            Some(run) => run.broken = true,
            None => {
                by_word.insert(named.word, runs.len());
                runs.push(Run {
                    word: named.word,
                    last: ordinal,
                    count: 1,
                    broken: ordinal != 1,
                    lines: (index, index),
                });
            }
        }
    }
    let mut qualified = runs.iter().filter(|run| !run.broken && run.count >= 3);
    let Some(outer) = qualified.next() else { return [None, None] };
    let inner = qualified.find(|run| run.lines.0 > outer.lines.0 && run.lines.0 < outer.lines.1);
    [Some(outer.word), inner.map(|run| run.word)]
}

fn is_top_style(style: Style) -> bool {
    matches!(style, Style::ChineseComma | Style::Part | Style::Book | Style::Chapter)
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(](?:图|图表|附图|表|照片)[^（()）]{0,8}略[）)]$").expect("the figure pattern is valid")
});

/// The rule under a Markdown table's header: `|-----|:---:|`.
fn is_pipe_rule(text: &str) -> bool {
    let cells: Vec<&str> = text.trim_matches('|').split('|').map(str::trim).collect();
    !cells.is_empty()
        && cells.iter().all(|c| {
            let dashes = c.trim_matches(':');
            dashes.len() >= 3 && dashes.chars().all(|ch| ch == '-')
        })
}

/// The cells of a Markdown table row, trimmed, with the byte offset of each cell's text.
fn pipe_cells(row: &str, offset: usize) -> Vec<(String, usize)> {
    let inner_start = usize::from(row.starts_with('|'));
    let inner_end = if row.len() > inner_start && row.ends_with('|') { row.len() - 1 } else { row.len() };
    let inner = &row[inner_start..inner_end.max(inner_start)];
    let mut out = Vec::new();
    let mut at = inner_start;
    for cell in inner.split('|') {
        let lead = cell.len() - cell.trim_start_matches(is_blank).len();
        out.push((cell.trim_matches(is_blank).to_owned(), offset + at + lead));
        at += cell.len() + 1;
    }
    out
}

/// A borderless panel's title line: `专栏1  工业互联网网络互联互通工程`, `专栏1　基础理论`, `专项2：…`: 专栏 or 专项, a
/// number, and a short title that is no sentence.
fn borderless_title(text: &str) -> Option<(PanelKind, Option<u32>, String)> {
    // Markdown may mark the title as a heading (`#### 专栏1 算力互联筑基行动`).
    let text = if text.starts_with(['#', '*']) { strip_atx(text, 0).0 } else { text };
    if !(text.starts_with("专栏") || text.starts_with("专项")) || text.contains('。') || text.chars().count() > 50
    {
        return None;
    }
    let (kind, number, title) = panel::parse_title(text);
    (kind != PanelKind::Box && number.is_some() && !title.is_empty()).then_some((kind, number, title))
}

/// A Markdown heading's text and offset without its markup: the ATX marker (`## 第一章 总则` → `第一章 总则`) and
/// bold around the whole line (`**一、总体要求**` → `一、总体要求`); other lines as they are.
fn strip_atx(content: &str, offset: usize) -> (&str, usize) {
    let mut text = content;
    let after_hashes = text.trim_start_matches('#');
    let hashes = text.len() - after_hashes.len();
    if (1..=6).contains(&hashes) && after_hashes.starts_with(' ') {
        text = after_hashes.trim_start_matches(is_blank);
    }
    if let Some(inner) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**")).filter(|t| !t.is_empty()) {
        text = inner;
    }
    // `text` is a slice of `content`: its offset is where it starts in it.
    (text, offset + (text.as_ptr() as usize - content.as_ptr() as usize))
}

/// The `binding_clause` rule's modal `应` standing alone after a subject of two characters or more (`疑难病例均应由科室…`,
/// `医疗机构应统一…`), not the `应` of a word (`应急`, `供应`, `响应`, `适应`, `相应`, `对应`, `应用`).
fn binding_ying(clause: &str) -> bool {
    clause.match_indices('应').any(|(at, _)| {
        let before = clause[..at].chars().next_back();
        let after = clause[at + '应'.len_utf8()..].chars().next();
        clause[..at].chars().nth(1).is_some()
            && !before.is_some_and(|c| "供响适相对反效回呼感顺答".contains(c))
            && !after.is_some_and(|c| "急用对变答聘届收付激".contains(c))
    })
}

/// A salutation alone on its line (`同志们！`, `各位代表：`): eight characters at most, ending with `！` or `：`.
fn is_salutation(line: &str) -> bool {
    line.ends_with(['！', '：', '!', ':']) && line.chars().nth(8).is_none() && !line.contains(['，', '。'])
}

/// Whether a line is a note on the table above it: `注：…`, `备注：…`, `说明：…`, `资料来源：…`.
fn is_note(text: &str) -> bool {
    ["注：", "注:", "备注", "说明：", "说明:", "资料来源", "数据来源"].iter().any(|p| text.starts_with(p))
}

/// The `lead_phrase` heuristic: a paragraph opens with a lead phrase when its first sentence, up to `。`, is 2 to 20
/// characters long, has no `，`, `；` or `：` (so it is a label, not a clause), does not open with a time phrase
/// (`到2020年`), and more text follows it.
pub(crate) fn lead_phrase(text: &str) -> Option<&str> {
    let end = text.find('。')?;
    let lead = &text[..end];
    let chars = lead.chars().count();
    let rest = &text[end + '。'.len_utf8()..];
    let clause = lead.contains(['，', '；', '：', ',', ';', ':', '\n']);
    let time_phrase = lead.starts_with('到') || lead.starts_with("截至");
    ((2..=20).contains(&chars) && !clause && !time_phrase && !rest.trim().is_empty()).then_some(lead)
}

/// Appends the rows of a table's continuation (a second box that repeats the header) to the table.
fn continue_table(table: &mut Table, cells: Vec<guihua_model::Cell>, rows: u32) {
    let offset = table.rows.saturating_sub(1);
    for mut cell in cells {
        if cell.row == 0 {
            if cell.row_span <= 1 {
                continue; // the repeated header
            }
            cell.row_span -= 1;
            cell.row = 1;
        }
        cell.row += offset;
        table.cells.push(cell);
    }
    table.rows += rows.saturating_sub(1);
}

fn collect_indicators(document: &mut Document, index: &LineIndex) {
    let mut indicators = Vec::new();
    for (_, node) in document.walk() {
        if let Node::Table(table) = node {
            indicators.extend(indicator::read_indicators(table, index));
        }
    }
    for (n, indicator) in indicators.iter_mut().enumerate() {
        indicator.id = format!("indicator-{}", n + 1);
    }
    document.indicators = indicators;
}

/// The source offset of byte `at` of a paragraph's text, through its pieces when it was joined from several lines
/// (a `\n` between two pieces stands for the line break, and maps to the end of the line before it).
fn source_offset(text: &str, text_start: usize, pieces: &[Piece], end: usize, at: usize) -> usize {
    if pieces.is_empty() {
        return text_start + at;
    }
    let mut cursor = 0;
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 && text.as_bytes().get(cursor) == Some(&b'\n') {
            if at == cursor {
                return pieces[i - 1].end;
            }
            cursor += 1;
        }
        let len = piece.end - piece.start;
        if at <= cursor + len {
            return piece.start + (at - cursor);
        }
        cursor += len;
    }
    end
}

/// Targets from every paragraph and panel paragraph; where the text names no year, the plan period's end.
fn collect_targets(document: &mut Document, index: &LineIndex, chinese_numerals: bool) {
    let mut context = target::Context {
        default_year: document.meta.period.map(|p| p.end),
        document_year: document_year(document),
        section: None,
        chinese_numerals,
    };
    let mut targets = Vec::new();
    // A number inside the name of a key project (`年产1200万套有源光缆`, `1.5GW组件`) names the project's capacity.
    let mut names: Vec<(usize, usize)> = document.projects.iter().map(|p| (p.span.start, p.span.end)).collect();
    names.sort_unstable();
    let mut push = |found: Vec<target::Found>, node: &str, ranges: Vec<(usize, usize)>| {
        for (f, (start, end)) in found.into_iter().zip(ranges) {
            // Names do not overlap: the one that starts last at or before `start` is the only one that can hold it.
            let candidate = names.partition_point(|&(a, _)| a <= start).checked_sub(1).map(|k| names[k]);
            if candidate.is_some_and(|(_, b)| end <= b) {
                continue;
            }
            let mut t = f.target;
            t.id = format!("target-{}", targets.len() + 1);
            t.node = node.to_owned();
            t.span = index.span(start, end);
            targets.push(t);
        }
    };
    // The sections a node stands in, with what each title makes of numbers (`section_status`). First every text
    // to read with its context, in document order; then the reading, which is most of the work and independent
    // between texts; then the targets, in document order again.
    let mut open: Vec<(usize, Option<TargetStatus>)> = Vec::new();
    let mut jobs: Vec<TargetJob<'_>> = Vec::new();
    for (depth, node) in document.walk() {
        while open.last().is_some_and(|&(d, _)| d >= depth) {
            open.pop();
        }
        context.section = open.iter().rev().find_map(|&(_, status)| status);
        match node {
            Node::Section(s) => open.push((depth, target::section_status(&s.title))),
            Node::Part(_) => open.push((depth, None)),
            Node::Paragraph(p) => jobs.push(TargetJob { text: &p.text, context, node, pieces: &[] }),
            Node::Item(i) => jobs.push(TargetJob { text: &i.text, context, node, pieces: &[] }),
            Node::Panel(p) => {
                let paragraphs = p.paragraphs.iter().zip(&p.paragraph_pieces);
                jobs.extend(paragraphs.map(|(text, pieces)| TargetJob { text, context, node, pieces }));
            }
            _ => {}
        }
    }
    let found = read_in_parallel(&jobs);
    for (job, found) in jobs.iter().zip(found) {
        match job.node {
            Node::Paragraph(p) => {
                let at = |k| source_offset(&p.text, p.span.start, &p.pieces, p.span.end, k);
                let ranges = found.iter().map(|f| (at(f.from), at(f.to))).collect();
                push(found, &p.id, ranges);
            }
            Node::Item(i) => {
                let start = i.span.end.saturating_sub(i.text.len());
                let at = |k| source_offset(&i.text, start, &i.pieces, i.span.end, k);
                let ranges = found.iter().map(|f| (at(f.from), at(f.to))).collect();
                push(found, &i.id, ranges);
            }
            Node::Panel(p) => {
                let ranges =
                    panel::source_ranges(job.pieces, &found.iter().map(|f| (f.from, f.to)).collect::<Vec<_>>());
                push(found, &p.id, ranges);
            }
            _ => {}
        }
    }
    document.targets = targets;
}

/// A text whose targets are to be read, with what surrounds it.
struct TargetJob<'d> {
    text: &'d str,
    context: target::Context,
    node: &'d Node,
    /// Where a panel paragraph's text comes from (empty for other nodes, which hold their own).
    pieces: &'d [Piece],
}

/// The `parallel_targets` rule: the targets of each job, in order. Texts are independent, so a long document's are
/// read on up to four threads, each taking a contiguous run of jobs of about equal bytes.
fn read_in_parallel(jobs: &[TargetJob<'_>]) -> Vec<Vec<target::Found>> {
    let read = |jobs: &[TargetJob<'_>]| -> Vec<Vec<target::Found>> {
        jobs.iter().map(|job| target::find_targets(job.text, &job.context)).collect()
    };
    let total: usize = jobs.iter().map(|job| job.text.len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    if total < PARALLEL_FROM || threads < 2 {
        return read(jobs);
    }
    // Cut the jobs into `threads` runs of about `total / threads` bytes each.
    let mut runs = Vec::with_capacity(threads);
    let (mut start, mut bytes) = (0, 0);
    for (k, job) in jobs.iter().enumerate() {
        bytes += job.text.len();
        if bytes * threads >= total * (runs.len() + 1) && runs.len() + 1 < threads {
            runs.push(&jobs[start..=k]);
            start = k + 1;
        }
    }
    runs.push(&jobs[start..]);
    std::thread::scope(|scope| {
        let (first, rest) = runs.split_first().expect("at least one run");
        let handles: Vec<_> = rest.iter().map(|run| scope.spawn(|| read(run))).collect();
        let mut out = read(first);
        for handle in handles {
            // A panic in a reader is a bug; let it surface as one, as it would on one thread.
            out.extend(handle.join().unwrap_or_else(|payload| std::panic::resume_unwind(payload)));
        }
        out
    })
}

/// The year a document was written in: its date, else the start of its period, else the latest year a section title
/// names (`三、2016年重点工作`, `二、关于1 9 9 8 年政府工作的建议`), which a work report without a date gives.
fn document_year(document: &Document) -> Option<i32> {
    if let Some(year) = document.meta.issued.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()) {
        return Some(year);
    }
    if let Some(period) = document.meta.period {
        return Some(period.start);
    }
    static TITLE_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").expect("the title year pattern is valid"));
    document
        .walk()
        .into_iter()
        .filter_map(|(_, node)| match node {
            Node::Section(s) => Some(s.title.as_str()),
            _ => None,
        })
        .filter_map(|title| {
            let normalized = crate::figures::normalize(title, false);
            let title = normalized.as_ref().map_or(title, |n| n.text.as_str());
            TITLE_YEAR.captures_iter(title).filter_map(|c| c[1].parse::<i32>().ok()).max()
        })
        .max()
}

/// The projects of every 专栏: those read with their boxes (`read`, by panel id), the others split here.
fn collect_projects(
    document: &mut Document,
    index: &LineIndex,
    read: &mut HashMap<String, Vec<Vec<panel::ProjectItem>>>,
) {
    let mut projects = Vec::new();
    for (_, node) in document.walk() {
        let Node::Panel(p) = node else { continue };
        if p.kind != PanelKind::Feature {
            continue;
        }
        let mut read = read.remove(&p.id).map(Vec::into_iter);
        for (text, pieces) in p.paragraphs.iter().zip(&p.paragraph_pieces) {
            let items = read.as_mut().and_then(Iterator::next).unwrap_or_else(|| panel::split_projects(text));
            let ranges: Vec<(usize, usize)> = items.iter().map(|item| (item.from, item.to)).collect();
            for (item, (start, end)) in items.into_iter().zip(panel::source_ranges(pieces, &ranges)) {
                projects.push(Project {
                    id: format!("project-{}", projects.len() + 1),
                    name: item.name,
                    category: item.category,
                    panel: p.id.clone(),
                    span: index.span(start, end),
                });
            }
        }
    }
    document.projects = projects;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_document_reads_the_same_targets_on_several_threads() {
        // One section with a goal, a panel with a project count and an achievement, repeated past the size from
        // which targets are read in parallel.
        let one = concat!(
            "一、发展目标\n",
            "　　到2025年，全省工业增加值达到1.7万亿元，研发投入强度达到2.5%。\n",
            "　　2020年，全省工业增加值增长6.9%。\n",
        );
        let copies = PARALLEL_FROM / one.len() + 2;
        let text = one.repeat(copies);
        let (document, _) = parse(&text);
        let (single, _) = parse(one);
        assert_eq!(single.targets.len(), 3);
        assert_eq!(document.targets.len(), 3 * copies);
        // In document order, numbered in that order, each span the text of its value.
        for (k, t) in document.targets.iter().enumerate() {
            assert_eq!(t.id, format!("target-{}", k + 1));
            let model = &single.targets[k % 3];
            assert_eq!((&t.raw, t.value, t.status), (&model.raw, model.value, model.status));
            assert_eq!(&text[t.span.start..t.span.end], t.raw);
        }
        assert!(document.targets.windows(2).all(|w| w[0].span.start < w[1].span.start));
    }

    #[test]
    fn boxes_read_ahead_are_the_boxes_read_in_line() {
        // The seed has a box table and 24 专栏 boxes; three copies pass the size from which boxes are read ahead.
        let seed = include_str!("../../../corpus/hebei-industry-transformation-13th-2016.txt");
        let text = seed.repeat(3);
        assert!(text.len() >= PARALLEL_FROM);
        // Columns, row count, and each cell's place, spans and text.
        type Shape = (Vec<String>, u32, Vec<(u32, u32, u32, u32, String)>);
        let tables = |document: &Document| -> Vec<Shape> {
            let cells =
                |t: &Table| t.cells.iter().map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.clone())).collect();
            let walk = document.walk();
            walk.iter()
                .filter_map(|(_, node)| match node {
                    Node::Table(t) => Some((t.columns.clone(), t.rows, cells(t))),
                    _ => None,
                })
                .collect()
        };
        let codes = |diagnostics: &[Diagnostic]| -> Vec<String> {
            diagnostics.iter().map(|d| d.code.to_string()).filter(|c| c.starts_with("table.")).collect()
        };
        let (one, one_diagnostics) = parse(seed);
        let (three, three_diagnostics) = parse(&text);
        let one_tables = tables(&one);
        assert!(!one_tables.is_empty(), "the seed has its indicator table");
        assert_eq!(tables(&three), [one_tables.clone(), one_tables.clone(), one_tables].concat());
        let one_codes = codes(&one_diagnostics);
        assert_eq!(codes(&three_diagnostics), [one_codes.clone(), one_codes.clone(), one_codes].concat());
        assert_eq!(one.projects.len(), 171);
        assert_eq!(three.projects.len(), one.projects.len() * 3);
        assert_eq!(three.indicators.len(), one.indicators.len() * 3);
    }

    #[test]
    fn a_giant_paragraph_is_left_in_the_source_when_asked() {
        let giant = "推动产业转型升级。".repeat(GIANT_TEXT / 27 + 1);
        let text = format!("一、总体要求\n{giant}\n短段落。\n");
        let (doc, _) = parse_with(&text, Reading::StructureBySpan);
        let paragraphs: Vec<&Paragraph> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| if let Node::Paragraph(p) = n { Some(p) } else { None })
            .collect();
        assert!(paragraphs[0].text_by_span());
        assert_eq!(paragraphs[0].text_in(&text), giant);
        assert_eq!(paragraphs[1].text, "短段落。", "an ordinary paragraph holds its text");
        // Read as a whole, the same tree with the text copied.
        let (whole, _) = parse_with(&text, Reading::Structure);
        let Node::Section(s) = &whole.outline[0] else { panic!("a section") };
        assert!(matches!(&s.children[0], Node::Paragraph(p) if p.text == giant));
        // A line that goes on a giant paragraph (hard-wrapped text) makes it hold its own text, joined.
        let wrapped = format!("\u{3000}\u{3000}{giant}并且\n继续推进。\n");
        let (doc, _) = parse_with(&wrapped, Reading::StructureBySpan);
        let Some(Node::Paragraph(p)) = doc.outline.first() else { panic!("a paragraph") };
        assert_eq!(p.pieces.len(), 2);
        assert_eq!(p.text, format!("{giant}并且\n继续推进。"));
    }

    #[test]
    fn reading_the_structure_is_reading_everything_but_the_targets() {
        let seed = include_str!("../../../corpus/hebei-industry-transformation-13th-2016.txt");
        let (mut everything, diagnostics) = parse(seed);
        let (structure, structure_diagnostics) = parse_with(seed, Reading::Structure);
        assert!(!everything.targets.is_empty());
        assert!(structure.targets.is_empty());
        everything.targets.clear();
        assert_eq!(structure, everything);
        assert_eq!(structure_diagnostics, diagnostics);
    }

    #[test]
    fn lead_phrases_are_short_labels() {
        assert_eq!(lead_phrase("先进轨道交通装备。重点发展高速动车组。"), Some("先进轨道交通装备"));
        assert_eq!(lead_phrase("到2020年，工业转型升级取得重大进展。其余"), None);
        assert_eq!(lead_phrase("到2020年基本实现。其余"), None);
        assert_eq!(lead_phrase("工业经济平稳增长。"), None);
        assert_eq!(lead_phrase("坚持市场主导、政府引导，深化经济体制改革。其余"), None);
    }

    /// The number and text of every item of a document, in order.
    fn items(doc: &Document) -> Vec<(String, String)> {
        doc.walk()
            .into_iter()
            .filter_map(|(_, n)| match n {
                Node::Item(i) => Some((i.number.clone(), i.text.clone())),
                _ => None,
            })
            .collect()
    }

    /// The sections of `text` as `depth:number title` (and items as `depth:item`), its spans checked.
    fn headings(text: &str) -> Vec<String> {
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        nodes_of(&doc).into_iter().filter(|n| !n.ends_with("paragraph")).collect()
    }

    fn outline(text: &str) -> (Vec<String>, Vec<String>) {
        let (doc, diagnostics) = parse(text);
        (nodes_of(&doc), diagnostics.into_iter().map(|d| d.code).collect())
    }

    /// Every node of a document as `depth:number title` for sections, `depth:kind` for the others.
    fn nodes_of(doc: &Document) -> Vec<String> {
        doc.walk()
            .into_iter()
            .map(|(depth, node)| match node {
                Node::Section(s) => format!("{depth}:{}{}", s.number, s.title),
                other => format!("{depth}:{}", other.kind()),
            })
            .collect()
    }

    #[test]
    fn a_point_alone_on_its_line_titles_the_text_under_it() {
        // The `standalone_point` rule: `一是…。` alone on its line, with its text below, is a heading under the open
        // section; a second passage numbers its points again beside the first.
        let text = concat!(
            "（三）巩固农业基础\n　　一是推进农业结构调整。\n　　通过政策支持，引导农民调整种植结构。\n",
            "　　二是深化粮棉流通体制改革，稳定农民收入。\n　　购销市场化是根本方向。\n",
            "（四）推进国有企业改革\n　　一是加快现代企业制度建设。\n　　继续推进公司制改革。\n",
        );
        assert_eq!(
            headings(text),
            [
                "0:（三）巩固农业基础",
                "1:一是推进农业结构调整",
                "1:二是深化粮棉流通体制改革，稳定农民收入",
                "0:（四）推进国有企业改革",
                "1:一是加快现代企业制度建设",
            ]
        );
    }

    #[test]
    fn numbers_named_by_a_word_that_run_through_the_text_are_headings() {
        // The `named_number` rule: `行动1：` runs on across `一、`, `——任务N：` stands under it and counts on across
        // actions; a word whose numbers do not run 1, 2, 3 (`目标`) and a word that names attachments stay text.
        let text = concat!(
            "一、统筹更新任务\n行动1：加强规划引领\n——任务1：协同编制专项规划\n。强化规划引领。\n",
            "——任务2：推进名城保护规划\n。完成规划报批。\n行动2：发挥联创机制作用\n——任务3：推动重点地区更新\n",
            "。加快推进滨江地区功能提升。\n二、统筹更新政策\n行动3：建立政策法规\n——任务4：完善相关法规\n",
            "。配合开展修法调研。\n目标1：全年完成20个项目\n目标3：年底前建成平台\n附件1：项目清单\n",
        );
        assert_eq!(
            headings(text),
            [
                "0:一、统筹更新任务",
                "1:行动1：加强规划引领",
                "2:任务1：协同编制专项规划",
                "2:任务2：推进名城保护规划",
                "1:行动2：发挥联创机制作用",
                "2:任务3：推动重点地区更新",
                "0:二、统筹更新政策",
                "1:行动3：建立政策法规",
                "2:任务4：完善相关法规",
            ]
        );
        // Two numbers are no run.
        let two = "一、总体要求\n行动1：加强规划引领\n。强化规划引领。\n行动2：发挥联创机制作用\n。加快推进。\n";
        assert_eq!(headings(two), ["0:一、总体要求"]);
    }

    #[test]
    fn the_numbers_in_a_flattened_table_are_no_headings() {
        // The `flattened_table` rule: a header row of short cells, then rows a cell a line; the table's `（一）`, `1、`
        // and `（1）` are cells, and `二、` going on with the open `一、` ends it.
        let text = concat!(
            "一、重点任务\n（一）改善道路环境\n正文。\n任务分解表\n序号\n任务\n2024年计划\n牵头\n部门\n",
            "（一）\n提升交通设施环境品质\n1、改善城市道路环境\n（1）建设精品道路300条。\n建设精品道路100条。\n设施养护处\n",
            "二、保障措施\n（一）加强组织领导\n正文。\n",
        );
        let (doc, diagnostics) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        assert_eq!(
            headings(text),
            ["0:一、重点任务", "1:（一）改善道路环境", "0:二、保障措施", "1:（一）加强组织领导"]
        );
        assert!(diagnostics.iter().any(|d| d.code == "layout.flattened_table"));
        // A long note under the table ends it: the `（一）` after it is a heading again; a short note is a cell.
        let table = "一、发展基础\n表1 指标完成情况\n序号\n类目\n指标名称\n单位\n目标值\n完成情况\n1\n绿化建设\n新建绿地\n万平方米\n";
        let text = format!(
            "{table}注：以规划为准。\n（一）新建绿地\n完成\n注：1.调整改造绿地不含长风公园改造项目，该项目于2024年开工，计划于2026年完成改造并对外开放。\n（一）多维建绿，全面提升绿地品质\n围绕提升绿地品质功能，以建园增绿为抓手。\n"
        );
        assert_eq!(headings(&text), ["0:一、发展基础", "1:（一）多维建绿，全面提升绿地品质"]);
        // Short lines without header words (the bodies that issue a notice) are no table.
        let text =
            "某某实施方案\n工业和信息化部\n国家发展改革委\n财政部\n生态环境部\n交通运输部\n一、总体要求\n正文。\n";
        assert_eq!(headings(text), ["0:title", "0:一、总体要求"]);
    }

    #[test]
    fn points_run_in_with_their_passages_hold_their_own_paragraphs() {
        // The `run_in_point` rule: `一是…。` opening paragraphs of their own one after the other are headings; each
        // holds its own paragraph, and the text after the last point belongs to the heading above again.
        let text = concat!(
            "（一）狠抓投资融资和项目建设\n坚持把投资作为稳增长、促发展的第一动力。\n",
            "一是准确把握政策，找准投资方向。紧密结合供给侧结构性改革，围绕国家投资重点谋划项目。争取更多资金支持。\n",
            "二是创新招商、融资方式，激发发展动力。要主动适应政策变化，拓宽融资渠道。吸引社会资本参与建设。\n",
            "全年完成固定资产投资一百亿元。\n",
            "（二）积极调整产业结构\n",
        );
        assert_eq!(
            nodes_of(&parse(text).0),
            [
                "0:（一）狠抓投资融资和项目建设",
                "1:paragraph",
                "1:一是准确把握政策，找准投资方向",
                "2:paragraph",
                "1:二是创新招商、融资方式，激发发展动力",
                "2:paragraph",
                "1:paragraph",
                "0:（二）积极调整产业结构",
            ]
        );
        // A report's closing demands number their points so too (`一要转变作风提高执行力。…`).
        let demands = concat!(
            "（一）加强政府自身建设\n一要转变作风提高执行力。严格执行中央规定，大力弘扬务实作风。坚决整治庸懒散。\n",
            "二要依法行政提升公信力。坚持依法行政，自觉接受监督。提高政府公信力。\n",
        );
        assert_eq!(
            headings(demands),
            ["0:（一）加强政府自身建设", "1:一要转变作风提高执行力", "1:二要依法行政提升公信力"]
        );
        // A point with a paragraph of its own between it and the next stays text, and so do the others of its run;
        // so does a point whose passage is one short clause.
        for text in [
            concat!(
                "（一）扩大内需\n一是扩大消费尤其是居民消费。继续调整国民收入分配格局，提高城乡居民收入水平，增强消费能力。\n",
                "要培育消费热点，拓展消费空间。\n",
                "二是保持投资较快增长和优化投资结构。要抓紧研究出台鼓励引导社会投资的优惠政策，增加有效投资。\n",
            ),
            concat!(
                "（一）稳定粮食生产\n一是稳定发展粮食生产。切实稳定种植面积，着力提高单产。\n",
                "二是调整农业结构。支持重要紧缺农产品生产。\n",
            ),
        ] {
            assert_eq!(headings(text).len(), 1, "{text}");
        }
        // Among points with a title and a passage, one whose title is long or whose passage is a single sentence is
        // one of them (the loose form); points of the loose form alone stay text.
        let mixed = concat!(
            "二、主要目标\n实现上述目标，重点从以下几个方面把握：\n",
            "一是始终坚持以习近平总书记关于西藏工作的重要指示和新时代党的治藏方略为根本遵循。全面贯彻落实党中央各项决策部署，坚持稳中求进工作总基调，推动各项工作取得新成效。\n",
            "二是始终坚持把维护稳定作为第一位的工作任务。坚定不移贯彻总体国家安全观。深化反分裂斗争。\n",
            "三是始终坚持以因地制宜推动高原经济高质量发展为鲜明主题。把新发展理念贯彻到各领域全过程。加快构建现代化产业体系。\n",
        );
        assert_eq!(headings(mixed).len(), 4, "{:?}", headings(mixed));
        let loose = concat!(
            "二、主要目标\n",
            "一是坚持以文化人、以文惠民、以文润城、以文兴业，推动文化传承发展。深化文明城市创建，繁荣发展文化事业和文化产业。\n",
            "二是加快经济社会发展全面绿色转型，建设美丽天津。深入打好污染防治攻坚战，推进生态保护修复和资源节约集约利用。\n",
            "三是提升城市治理现代化水平，建设更高水平平安天津。深化大城细管、大城众管、大城智管，提升城市精细化管理水平。\n",
        );
        assert_eq!(headings(loose).len(), 1, "{:?}", headings(loose));
    }

    #[test]
    fn numbered_passages_with_run_in_titles_are_headings_not_items() {
        // The `titled_passage` rule: each member a short title sentence and a passage of its own, on its line or
        // below it.
        let same_line = concat!(
            "一、基本经验\n十年来的实践，积累了十分宝贵的经验。\n",
            "（一）坚持理论创新。理论是旗帜。无论遇到什么困难，都要坚持。\n",
            "（二）坚持以经济建设为中心，用发展的办法解决问题。发展是硬道理，是解决中国所有问题的关键，必须抓住机遇加快发展。\n",
        );
        assert_eq!(
            headings(same_line),
            ["0:一、基本经验", "1:（一）坚持理论创新", "1:（二）坚持以经济建设为中心，用发展的办法解决问题"]
        );
        let below = concat!(
            "一、建设廉洁政府\n依法治国，是基本方略。\n",
            "　　\n第一，依法整顿经济秩序。\n要加大执法力度，坚决改变有法不依的现象。要严厉打击走私。\n",
            "　　\n第二，搞好社会治安综合治理。\n各级政府必须把维护稳定的工作放在突出位置。各部门要各负其责。\n",
        );
        let found = headings(below);
        assert_eq!(found, ["0:一、建设廉洁政府", "1:第一，依法整顿经济秩序", "1:第二，搞好社会治安综合治理"]);
        // A work report's tasks after a lead-in: long titles, each over a passage of several sentences.
        let tasks = concat!(
            "二、今年的主要任务\n为实现上述目标，要重点抓好以下两方面工作：\n",
            "（一）以工业集聚为助推，促进多元发展，确保工业经济实现新提升和新跨越。一是支持园区。二是推进项目。三是培育企业。\n",
            "（二）以物流园区建设为重点，做强现代服务业，确保第三产业实现新突破和新发展。一是建设园区。二是发展商贸。三是搞活流通。\n",
        );
        assert_eq!(headings(tasks).len(), 3, "{:?}", headings(tasks));
        // Clauses, and sentences with a short second one, stay items.
        let clauses =
            "第九条　有下列情形之一的，不予登记：\n（一）未取得许可的。\n（二）材料不全的。申请人应当补正。\n";
        assert_eq!(items(&parse(clauses).0).len(), 2);
    }

    #[test]
    fn heading_numbers_split_over_lines_are_read_whole() {
        // The `shattered_number` rule: PDF text with every run of text on a line of its own.
        let text = concat!(
            "一、总体要求\n正文。\n（\n一\n）\n健全完善现货市场交易规则。\n正文。\n",
            "（\n二\n）完善中长期市场交易规则。\n正文，参与用户需符合以下条件：\n（\n1\n）\n对于连续参与的用户。\n",
            "二\n、保障措施\n正文。\n",
        );
        assert_eq!(
            headings(text),
            ["0:一、总体要求", "1:（一）健全完善现货市场交易规则", "1:（二）完善中长期市场交易规则", "0:二、保障措施"]
        );
    }

    #[test]
    fn first_of_all_alone_on_its_line_opens_the_ordinals() {
        let text = concat!(
            "一、节约问题\n为着厉行节约，必须做到以下几点。\n首先，\n我们必须大大地削减非生产性建设的支出。\n正文。\n",
            "第二，\n我们必须大大地降低生产性建设的成本。\n正文。\n",
        );
        assert_eq!(
            headings(text),
            [
                "0:一、节约问题",
                "1:首先，我们必须大大地削减非生产性建设的支出",
                "1:第二，我们必须大大地降低生产性建设的成本"
            ]
        );
        // Run in its paragraph, it is a word of the sentence.
        assert_eq!(headings("一、节约问题\n首先，我们必须削减支出。\n正文。\n"), ["0:一、节约问题"]);
    }

    #[test]
    fn points_that_are_paragraphs_stay_text() {
        // A list of points, one paragraph each; a point that runs on in its paragraph, and the `二是` after it; a
        // point with nothing after it.
        for text in [
            "一、工作回顾\n主要措施：\n一是加强组织领导。\n二是完善政策体系。\n三是强化督促检查。\n此外还做了别的。\n",
            "一、工作回顾\n一是加强组织领导。各地要建立机制。\n二是完善政策体系。\n正文。\n",
            "一、工作回顾\n正文。\n一是加强组织领导。\n",
            "一、工作回顾\n一是加强组织领导。\n（一）目标\n",
        ] {
            assert!(!headings(text).iter().any(|h| h.contains('是')), "{text}: {:?}", headings(text));
        }
    }

    #[test]
    fn numbers_out_of_sequence_are_body_text() {
        let (nodes, codes) = outline("一、总体要求\n1.7万亿元的产值。\n2.不是标题\n（一）目标\n");
        assert_eq!(nodes, ["0:一、总体要求", "1:paragraph", "1:paragraph", "1:（一）目标"]);
        assert!(codes.is_empty());
    }

    #[test]
    fn a_small_numbering_gap_is_a_heading_with_a_warning() {
        let (nodes, codes) = outline("一、甲\n（一）乙\n（三）丙\n二、丁\n");
        assert_eq!(nodes, ["0:一、甲", "1:（一）乙", "1:（三）丙", "0:二、丁"]);
        assert_eq!(codes, ["heading.numbering_gap"]);
    }

    #[test]
    fn a_run_in_heading_opens_its_section_with_a_paragraph() {
        let text = "一、总体要求\n（一）指导思想。全面贯彻。\n";
        let (doc, _) = parse(text);
        let Node::Section(top) = &doc.outline[0] else { panic!("a section") };
        let Node::Section(s) = &top.children[0] else { panic!("a section") };
        assert_eq!(&text[s.heading_span.start..s.heading_span.end], "（一）指导思想。");
        let Node::Paragraph(p) = &s.children[0] else { panic!("a paragraph") };
        assert_eq!((p.text.as_str(), p.lead.as_deref()), ("全面贯彻。", None));
    }

    #[test]
    fn a_continued_table_merges_and_takes_its_note() {
        let one = "┌──┬───┐\u{3000}\u{3000}│指标│2020年│\u{3000}\u{3000}├──┼───┤\u{3000}\u{3000}│甲　│1　　 │\u{3000}\u{3000}└──┴───┘";
        let two = one.replace('甲', "乙").replace('1', "2");
        let text = format!("{one}{two}\n\n注：带[　]内为5年累计数。\n正文。\n");
        let (doc, diagnostics) = parse(&text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let Node::Table(table) = &doc.outline[0] else { panic!("a table") };
        assert_eq!(table.rows, 3);
        assert_eq!(table.notes, ["注：带[　]内为5年累计数。"]);
        let names: Vec<_> = doc.indicators.iter().map(|i| (i.name.as_str(), i.target.value)).collect();
        assert_eq!(names, [("甲", Some(1.0)), ("乙", Some(2.0))]);
        assert!(matches!(doc.outline[1], Node::Paragraph(_)));
    }

    #[test]
    fn a_table_laid_out_one_row_per_line_reads_the_same() {
        let joined = "┌──┬───┐\u{3000}\u{3000}│指标│2020年│\u{3000}\u{3000}├──┼───┤\u{3000}\u{3000}│甲　│[18]　│\u{3000}\u{3000}└──┴───┘\n";
        let per_line = joined.replace("\u{3000}\u{3000}", "\n");
        let (a, _) = parse(joined);
        let (b, diagnostics) = parse(&per_line);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let strip = |d: &Document| d.indicators.iter().map(|i| (i.name.clone(), i.target.clone())).collect::<Vec<_>>();
        assert_eq!(strip(&a), strip(&b));
        assert_eq!(strip(&a)[0].1.value, Some(18.0));
    }

    #[test]
    fn a_panel_stands_in_its_section_and_lists_projects() {
        let text = "一、重点领域\n┌─────────┐\u{3000}\u{3000}│专栏1重点项目　　 │\u{3000}\u{3000}├─────────┤\u{3000}\u{3000}│甲基地、乙园区等汽│\u{3000}\u{3000}│车项目。　　　　　│\u{3000}\u{3000}└─────────┘\n";
        let (doc, diagnostics) = parse(text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        let Node::Panel(p) = &s.children[0] else { panic!("a panel") };
        assert_eq!((p.number, p.title.as_str()), (Some(1), "重点项目"));
        assert_eq!(p.paragraphs, ["甲基地、乙园区等汽车项目。"]);
        let projects: Vec<_> = doc.projects.iter().map(|x| (x.name.as_str(), x.category.as_deref())).collect();
        assert_eq!(projects, [("甲基地", Some("汽车")), ("乙园区", Some("汽车"))]);
    }

    #[test]
    fn a_markdown_pipe_table() {
        let text = "<!-- TABLE -->\n| 刑法条文 |罪名 |\n|-----|-----|\n| 第一百二十条之一 |帮助恐怖活动罪 |\n| 第二百条 |单位行贿罪|\n正文。\n";
        let (doc, diagnostics) = parse(text);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(codes, ["layout.furniture"], "the HTML comment is left out, and said so");
        let table = doc.outline.iter().find_map(|n| if let Node::Table(t) = n { Some(t) } else { None }).unwrap();
        assert_eq!(table.columns, ["刑法条文", "罪名"]);
        assert_eq!(table.rows, 3);
        let cells: Vec<_> = table.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["刑法条文", "罪名", "第一百二十条之一", "帮助恐怖活动罪", "第二百条", "单位行贿罪"]);
        let piece = table.cells[3].pieces[0];
        assert_eq!(&text[piece.start..piece.end], "帮助恐怖活动罪");
    }

    #[test]
    fn a_panel_without_borders_runs_to_the_next_indented_line() {
        let text = "一、任务\n\u{3000}\u{3000}开展研究。\n\n专栏1\u{3000}基础理论\n\n1.大数据智能理论。研究数据驱动。\n\n2.跨媒体感知计算理论。研究感知。\n\n\u{3000}\u{3000}重点突破。\n专栏2  关键技术\n优化网络。\n（一）下一节\n";
        let (doc, diagnostics) = parse(text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        let panels: Vec<_> = s
            .children
            .iter()
            .filter_map(|n| {
                if let Node::Panel(p) = n { Some((p.number, p.title.as_str(), p.paragraphs.len())) } else { None }
            })
            .collect();
        assert_eq!(panels, [(Some(1), "基础理论", 2), (Some(2), "关键技术", 1)]);
        assert!(matches!(s.children[2], Node::Paragraph(_)), "the indented line after the panel is body text again");
        assert!(matches!(s.children.last(), Some(Node::Section(_))), "a heading ends a panel");
    }

    #[test]
    fn a_panel_titled_as_a_markdown_heading() {
        // `#### 专栏1 …` is a borderless panel; the Markdown heading `### （二）…` after it ends it.
        let text = "## 二、重点任务\n### （一）筑牢基础\n1. 攻关核心技术。加强研发。\n\n#### 专栏1 算力互联筑基行动\n一是推动技术攻关。发布目录。\n\n### （二）优化设施\n2. 加速节点内互联。发挥作用。\n";
        let (doc, _) = parse(text);
        assert!(crate::span_errors(&doc, text).is_empty());
        let panels: Vec<_> = doc
            .walk()
            .into_iter()
            .filter_map(
                |(depth, n)| if let Node::Panel(p) = n { Some((depth, p.number, p.title.clone())) } else { None },
            )
            .collect();
        assert_eq!(panels, [(3, Some(1), "算力互联筑基行动".to_owned())]);
        let (nodes, _) = outline(text);
        assert!(nodes.contains(&"1:（二）优化设施".to_owned()), "{nodes:?}");
    }

    #[test]
    fn a_panel_whose_body_is_indented_in_flush_left_text() {
        // The main text is flush left, the panel's body indented; one body line slipped to the margin.
        let text = "（一）提升能力\n1﹒推进芯片设计。正文。\n专栏1：重点突破的技术领域\n    声学传感器。研发芯片。\n    压力传感器。研发芯片。\n惯性传感器。研发产品。\n    车载传感器。研发雷达。\n（二）补齐短板\n2﹒强化材料支撑。正文。\n";
        let (doc, _) = parse(text);
        let panels: Vec<_> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| if let Node::Panel(p) = n { Some(p.paragraphs.len()) } else { None })
            .collect();
        assert_eq!(panels, [4], "the slipped line stays in the panel, the next heading ends it");
        assert!(crate::span_errors(&doc, text).is_empty());
    }

    #[test]
    fn a_text_that_stops_after_a_comma_is_said_to_be_truncated() {
        let whole = "一、甲\n\u{3000}\u{3000}第一句。\n\u{3000}\u{3000}第二句。\n\u{3000}\u{3000}第三句。\n\u{3000}\u{3000}第四句。\n";
        let (_, codes) = outline(&format!("{whole}\u{3000}\u{3000}到2025年，全省工业增加值达到，\n"));
        assert_eq!(codes, ["layout.truncated"]);
        let (_, codes) = outline(&format!("{whole}\u{3000}\u{3000}（省发展改革委负责）\n"));
        assert!(codes.is_empty(), "a closing tag is no cut: {codes:?}");
    }

    #[test]
    fn a_numbered_list_of_attachments_is_no_attachment() {
        // `附件：1.…` names the attachments (items); the `附件1` line further on opens the first of them.
        let text = "第一条 本办法自公布之日起施行。\n附件：1.检测项目\n\u{3000}\u{3000}\u{3000}2.测试通知书\n附件1\n检测项目\n1、标注的项目为选测项目。\n";
        let (doc, _) = parse(text);
        let kinds: Vec<String> = doc.walk().into_iter().map(|(d, n)| format!("{d}:{}", n.kind())).collect();
        assert_eq!(
            kinds,
            ["0:part", "1:section", "2:paragraph", "2:paragraph", "2:item", "2:item", "0:part", "1:section"]
        );
        let Some(Node::Part(appendix)) = doc.outline.last() else { panic!("an appendix") };
        assert_eq!(appendix.title.as_deref(), Some("检测项目"));
        assert!(crate::span_errors(&doc, text).is_empty());
    }

    #[test]
    fn a_numbering_restart_after_a_title_begins_a_part() {
        let text = "总则\n一、甲\n\u{3000}\u{3000}正文。\n二、乙\n\u{3000}\u{3000}正文。\n某某行动计划（2021-2023年）\n\u{3000}\u{3000}为推进工作，制定本计划。\n一、丙\n\u{3000}\u{3000}正文。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:part",
                "1:一、甲",
                "2:paragraph",
                "1:二、乙",
                "2:paragraph",
                "0:part",
                "1:paragraph",
                "1:一、丙",
                "2:paragraph"
            ]
        );
        assert_eq!(codes, ["heading.numbering_restart"]);
        let (doc, _) = parse(text);
        let Node::Part(second) = &doc.outline[1] else { panic!("a part") };
        assert_eq!(second.title.as_deref(), Some("某某行动计划（2021-2023年）"));
        // Without a title line the numbering restarts in the same document.
        let (nodes, _) = outline("一、甲\n正文。\n二、乙\n正文。\n一、丙\n正文。\n");
        assert!(!nodes.iter().any(|n| n.ends_with("part")), "{nodes:?}");
    }

    #[test]
    fn members_of_hard_wrapped_text_go_on_after_a_first_line_short_by_its_indentation() {
        // PDF text wrapped at 26 characters (52 columns), each paragraph's first line two characters short: the
        // members of a list go on over their wrapped lines as paragraphs do, so the clauses are items, not headings
        // titled by their first line.
        let body: String = "一二三四五六七八九十甲乙"
            .chars()
            .map(|c| format!("保底售电公司一经确认年度内原则上不予变更若第{c}家公\n"))
            .collect();
        let text = format!(
            "一、总体安排\n（一）服务内容\n{body}1.批发市场\n（1）保底售电公司按原合同价格承接原售电公司的批发\n合同电量和电价不再另行签订协议。\n（2）保底售电公司承接保底售电业务后根据承接保底用\n户的用电情况作为独立交易单元参与批发市场交易。\n2.零售市场\n（1）保底用户依照保底零售合同文本执行保底零售价格\n双方不再另行签订协议。\n（2）当保底零售用户无工商业用电档案时，不开展保\n底售电结算。\n"
        );
        let (nodes, _) = outline(&text);
        assert_eq!(
            nodes,
            [
                "0:一、总体安排",
                "1:（一）服务内容",
                "2:paragraph",
                "2:1.批发市场",
                "3:item",
                "3:item",
                "2:2.零售市场",
                "3:item",
                "3:item"
            ]
        );
        let (doc, _) = parse(&text);
        let item =
            doc.walk().into_iter().find_map(|(_, n)| if let Node::Item(i) = n { Some(i.text.clone()) } else { None });
        assert_eq!(
            item.as_deref(),
            Some("保底售电公司按原合同价格承接原售电公司的批发合同电量和电价不再另行签订协议。")
        );
    }

    #[test]
    fn lead_sentences_alone_over_their_paragraphs_are_sections() {
        // The `lead_sentence` rule: a web capture's bold lead lines, each one short sentence over its paragraph.
        let text = concat!(
            "（一）聚焦“双碳”引领，推动全面绿色转型\n加强生态系统保护修复。\n",
            "实施自然保护地整合优化，提升国家公园建设管理水平，推进重点区域生态保护修复工程。\n",
            "深入打好蓝天碧水净土保卫战。\n统筹推进美丽系列建设，开展空气质量持续改善行动，加强重点流域水污染防治。\n",
            "纵深推进碳达峰专项行动。\n落实碳排放总量和强度双控制度，加快推进重点行业节能降碳改造升级。\n",
            "（二）聚焦扩大内需，更好融入强大国内市场\n",
        );
        assert_eq!(
            headings(text),
            [
                "0:（一）聚焦“双碳”引领，推动全面绿色转型",
                "1:加强生态系统保护修复",
                "1:深入打好蓝天碧水净土保卫战",
                "1:纵深推进碳达峰专项行动",
                "0:（二）聚焦扩大内需，更好融入强大国内市场"
            ]
        );
        let (doc, _) = parse(text);
        let lead = doc.walk().into_iter().find_map(|(_, n)| match n {
            Node::Section(s) if s.title == "加强生态系统保护修复" => Some((s.number.clone(), s.ordinal)),
            _ => None,
        });
        assert_eq!(lead, Some((String::new(), None)));
        // Two pairs in a document with no others, or a lead whose text is the rest of its detached-indent block
        // (a paragraph with a bold first sentence), stay text.
        let two = concat!(
            "（一）总体要求\n加强生态系统保护修复。\n实施自然保护地整合优化，提升国家公园建设管理水平，推进重点区域生态保护修复工程。\n",
            "深入打好蓝天碧水净土保卫战。\n统筹推进美丽系列建设，开展空气质量持续改善行动，加强重点流域水污染防治。\n",
        );
        assert_eq!(headings(two), ["0:（一）总体要求"]);
        // Leads with a clause in them, when three or more in a row open alike (`这一年，我们…。`).
        let clauses = concat!(
            "一、2025年工作回顾\n刚刚过去的2025年，是收官之年，也是极不平凡的一年，全省上下团结奋斗，取得新的成绩。\n",
            "这一年，我们感恩奋进、埋头苦干，封关运作如期实现。\n封关准备重点任务和软硬件建设全面完成，各项政策落地见效，开放水平不断提高。\n",
            "这一年，我们敢闯敢试、敢为人先，改革开放步伐加快。\n跨境电子商务综合试验区抓紧建设，积极对接国际高标准经贸规则，制度创新成果丰硕。\n",
            "这一年，我们迎难而上、聚力攻坚，经济运行顶压行稳。\n优化按季抓、月跟踪和最佳实践奖机制，充分调动各方面积极性，经济运行稳中有进。\n",
        );
        assert_eq!(headings(clauses).len(), 4, "{:?}", headings(clauses));
        let unlike = clauses.replace("这一年，我们敢闯", "今年我们还敢闯");
        assert_eq!(headings(&unlike).len(), 1, "{:?}", headings(&unlike));
        let blocks = text
            .replace("\n加强", "\n\u{3000}\u{3000}\n加强")
            .replace("\n深入", "\n\n\u{3000}\u{3000}\n深入")
            .replace("\n纵深", "\n\n\u{3000}\u{3000}\n纵深");
        assert_eq!(headings(&blocks).len(), 2, "{:?}", headings(&blocks));
    }

    #[test]
    fn html_markup_of_a_static_site_is_read_around() {
        // The `html_markup` rule on a VuePress law page: the title in the front matter only, a record note in a
        // container, chapters with an attribute list, one `<p>` an article with `<br>` between its paragraphs.
        let text = concat!(
            "---\ntitle: 环境监测管理办法\ncategory:\n  - 规章\n---\n\n::: tip 修订信息\n\n",
            "（2007年7月25日国家环境保护总局令第39号发布&emsp;自2007年9月1日起施行）\n\n:::\n\n",
            "## 第一章&emsp;总&emsp;则{align=\"center\"}\n\n",
            "<p id=\"t1\">&emsp;&emsp;<b>第一条</b>&emsp;为加强环境监测管理，制定本办法。</p>\n",
            "<p id=\"t2\">&emsp;&emsp;<b>第二条</b>&emsp;本办法适用于下列环境监测活动的管理：<br>\n",
            "&emsp;&emsp;（一）环境质量监测；<br>\n&emsp;&emsp;（二）污染源监督性监测。</p>\n",
        );
        let (doc, diagnostics) = parse(text);
        assert_eq!(doc.meta.title.as_deref(), Some("环境监测管理办法"));
        assert_eq!(
            nodes_of(&doc),
            [
                "0:title",
                "0:paragraph",
                "0:第一章总&emsp;则",
                "1:第一条",
                "2:paragraph",
                "1:第二条",
                "2:paragraph",
                "2:item",
                "2:item"
            ]
        );
        let first = doc.walk().into_iter().find_map(|(_, n)| match n {
            Node::Paragraph(p) if p.text.starts_with("为加强") => Some(p.text.clone()),
            _ => None,
        });
        assert_eq!(first.as_deref(), Some("为加强环境监测管理，制定本办法。"));
        assert!(diagnostics.iter().any(|d| d.code == "layout.markup"));
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
    }

    #[test]
    fn an_item_of_an_article_leads_in_a_numbered_list_of_its_own() {
        // The `article_sublist` rule: `（二）…包括：` under an article leads in `1.` `2.`: they are items under it, and
        // the article's run goes on after them.
        let text = concat!(
            "第十条 下列费用不得计入定价成本：\n（一）不符合有关法律法规规定的费用。\n",
            "（二）与输配电业务无关的费用。包括：\n1.宾馆、招待所等辅助性业务单位的成本费用；\n",
            "2.独立核算的售电公司的成本费用；\n3.其他与输配电业务无关的费用。\n",
            "（三）各类捐赠、赞助、滞纳金和罚款。\n第十一条 本办法自发布之日起施行。\n",
        );
        let (doc, _) = parse(text);
        let items: Vec<_> = doc
            .walk()
            .into_iter()
            .filter_map(|(d, n)| if let Node::Item(i) = n { Some((d, i.number.clone())) } else { None })
            .collect();
        assert_eq!(
            items,
            [(1, "（一）"), (1, "（二）"), (2, "1."), (2, "2."), (2, "3."), (1, "（三）")]
                .map(|(d, n)| (d, n.to_owned()))
        );
        let sections: Vec<_> = doc.walk().into_iter().filter(|(_, n)| matches!(n, Node::Section(_))).collect();
        assert_eq!(sections.len(), 2);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        // The `article_passage` rule: a paragraph between two items of an article belongs to the item before it.
        let text = concat!(
            "第十八条 其他运营费用。\n（一）管理类费用。按剔除不合理因素后的监审期间最低费率核定。\n",
            "（二）生产经营类费用。按剔除不合理因素后的监审期间平均值核定。\n",
            "内部关联方交易是指各级电网企业与关联方之间转移、交易资产等所发生的各类行为。\n",
            "（三）其他费用。按剔除不合理因素后的监审期间平均值核定。\n第十九条 本办法自发布之日起施行。\n",
        );
        let (doc, _) = parse(text);
        let items: Vec<_> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| if let Node::Item(i) = n { Some(i.text.clone()) } else { None })
            .collect();
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(items[1].ends_with("\n内部关联方交易是指各级电网企业与关联方之间转移、交易资产等所发生的各类行为。"));
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
    }

    #[test]
    fn decimal_clauses_are_provisions_and_short_run_in_titles_are_headings() {
        // `1.1 …。` sentences under `第一章` number a contract's clauses as articles do: sections, not a list.
        let text = "第一章 电能计量\n1.1 本合同交易结算电量以甲方与供电企业签订的合同为准。\n1.2 本合同涉及的电能计量装置要求按有关规定执行。\n";
        let (nodes, _) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:第一章电能计量",
                "1:1.1本合同交易结算电量以甲方与供电企业签订的合同为准",
                "1:1.2本合同涉及的电能计量装置要求按有关规定执行"
            ]
        );
        // Members that open with a short title run in with their text, one with a passage of its own and one with a
        // single sentence, are run-in headings whatever leads them in.
        let text = "每年确定下一年度保底售电公司，具体流程如下：\n1.遴选及意向征集。电力交易机构根据选取条件对符合条件的售电公司排序。向排序前三的售电公司发出意向征集通知，如均有意愿则报送主管部门。\n2.审核及发布。经政府主管部门审核同意后，由电力交易机构发布名单。\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes, ["0:paragraph", "0:1.遴选及意向征集", "1:paragraph", "0:2.审核及发布", "1:paragraph"]);
    }

    #[test]
    fn a_document_issued_further_down_the_file_is_a_part_of_its_own() {
        // A compendium: a first rule, then a notice with its title over two lines, its number and addressee, which
        // issues a second rule under a title of its own; a line above a notice title that names its issuer already
        // is no part of it.
        let text = "第一章 总则\n第一条 甲。\n第二条 乙。\n国家某某局\n国家某某局办公室关于印发\n《某某管理规程》的通知\n（某办发〔2025〕2 号）\n各省、自治区、直辖市某某局：\n现将《某某管理规程》印发给你们，请遵照执行。\n国家某某局办公室\n2025年1月26日\n某某管理规程\n第一章 总则\n第一条 丙。\n";
        let (doc, diagnostics) = parse(text);
        let parts: Vec<_> = doc
            .outline
            .iter()
            .filter_map(|n| if let Node::Part(p) = n { Some((p.title.clone(), p.span.line)) } else { None })
            .collect();
        assert_eq!(
            parts,
            [
                (None, 1),
                (Some("国家某某局办公室关于印发《某某管理规程》的通知".to_owned()), 5),
                (Some("某某管理规程".to_owned()), 12)
            ]
        );
        assert!(diagnostics.iter().all(|d| d.code != "heading.numbering_restart"), "{diagnostics:?}");
        let Node::Part(notice) = &doc.outline[1] else { panic!("a part") };
        let texts: Vec<_> = notice
            .children
            .iter()
            .filter_map(|n| if let Node::Paragraph(p) = n { Some(p.text.as_str()) } else { None })
            .collect();
        assert_eq!(texts.first(), Some(&"（某办发〔2025〕2 号）"));
        assert_eq!(texts.last(), Some(&"2025年1月26日"));
        // The issuer's names over a title that opens with `关于` are its beginning.
        let text = "第一条 甲。\n第二条 乙。\n国家医保局 财政部\n关于进一步加强某某管理服务的通知\n（医保发〔2024〕21 号）\n各省医疗保障局、财政厅：\n为贯彻落实有关部署，现就有关事项通知如下。\n一、总体要求\n";
        let (doc, _) = parse(text);
        let titles: Vec<_> =
            doc.outline.iter().filter_map(|n| if let Node::Part(p) = n { p.title.clone() } else { None }).collect();
        assert_eq!(titles, ["国家医保局 财政部关于进一步加强某某管理服务的通知"]);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        // A document number with no addressee after it is text.
        let text = "一、甲\n正文。\n关于印发某某方案的通知\n（某办发〔2025〕2 号）\n二、乙\n正文。\n";
        assert!(!parse(text).0.outline.iter().any(|n| matches!(n, Node::Part(_))));
    }

    #[test]
    fn an_attachment_is_a_part_and_a_list_of_attachments_is_not() {
        let text = "一、甲\n\u{3000}\u{3000}正文。\n附件：\n名单\n附件\n工作组名单\n\u{3000}\u{3000}组长：某某\n";
        let (doc, _) = parse(text);
        let parts: Vec<_> = doc
            .outline
            .iter()
            .filter_map(
                |n| if let Node::Part(p) = n { Some((p.kind, p.title.clone(), p.children.len())) } else { None },
            )
            .collect();
        assert_eq!(parts, [(PartKind::Document, None, 1), (PartKind::Appendix, Some("工作组名单".to_owned()), 1)]);
    }

    #[test]
    fn numbering_continues_into_the_next_section() {
        let (nodes, codes) = outline("（一）甲\n1.子一\n2.子二\n（二）乙\n3.子三\n4.子四\n");
        assert_eq!(nodes, ["0:（一）甲", "1:1.子一", "1:2.子二", "0:（二）乙", "1:3.子三", "1:4.子四"]);
        assert_eq!(codes, ["heading.numbering_continues"]);
        let (nodes, _) = outline("（一）甲\n1.子一\n2.子二\n（二）乙\n5.子五\n");
        assert_eq!(nodes.last().map(String::as_str), Some("1:paragraph"), "a jump is no continuation");
    }

    #[test]
    fn contents_with_leaders_or_under_a_contents_heading() {
        let (nodes, _) = outline("目　录\n一、总体要求……1\n二、重点任务……5\n\n一、总体要求\n\u{3000}\u{3000}正文。\n");
        assert_eq!(nodes, ["0:toc", "0:一、总体要求", "1:paragraph"]);
        let (nodes, _) = outline("一、总体要求........1\n二、重点任务........5\n一、总体要求\n正文。\n");
        assert_eq!(nodes, ["0:toc", "0:一、总体要求", "1:paragraph"]);
        let (doc, _) =
            parse("目录\n序\n一、总体要求\n（一）指导思想\n序\n本规划是今后五年的行动纲领，必须全面贯彻落实。\n");
        let Node::Toc(toc) = &doc.outline[0] else { panic!("contents first") };
        assert_eq!(toc.entries, ["目录", "序", "一、总体要求", "（一）指导思想"], "the body starts over at `序`");
        assert!(matches!(&doc.outline[1], Node::Paragraph(p) if p.text == "序"));
    }

    /// The paragraph texts directly under the document's first node, a section.
    fn first_section_paragraphs(doc: &Document) -> Vec<&str> {
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        s.children
            .iter()
            .filter_map(|n| if let Node::Paragraph(p) = n { Some(p.text.as_str()) } else { None })
            .collect()
    }

    #[test]
    fn page_numbers_are_dropped_and_the_paragraph_they_cut_is_joined() {
        let text = "一、甲\n\u{3000}\u{3000}本世纪最后十年是非常关键的时期，今\n\n- 12 -\n\n后十年的发展至关重要。\n\u{3000}\u{3000}下一段。\n";
        let (doc, diagnostics) = parse(text);
        let texts = first_section_paragraphs(&doc);
        assert_eq!(texts, ["本世纪最后十年是非常关键的时期，今后十年的发展至关重要。", "下一段。"]);
        assert_eq!(diagnostics.iter().map(|d| d.code.as_str()).collect::<Vec<_>>(), ["layout.page_numbers"]);
        assert!(crate::span_errors(&doc, text).is_empty());
    }

    #[test]
    fn sentences_on_lines_of_their_own_join_their_paragraph() {
        let text = "一、甲\n\u{3000}\u{3000}第一句\n第二句\n第三句\n\u{3000}\u{3000}新段落\n";
        let (doc, _) = parse(text);
        let texts = first_section_paragraphs(&doc);
        assert_eq!(texts, ["第一句\n第二句\n第三句", "新段落"]);
        let crlf = text.replace('\n', "\r\n");
        let (doc, _) = parse(&crlf);
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        let Node::Paragraph(p) = &s.children[0] else { panic!("a paragraph") };
        assert_eq!(p.text, "第一句\n第二句\n第三句", "the joiner does not depend on the line ends");
        assert!(crate::span_errors(&doc, &crlf).is_empty());
    }

    #[test]
    fn clauses_after_a_colon_lead_in_are_items() {
        let text = "第一条 有下列情形之一的，责令改正：\n（一）擅自占用规划确定的道路进行建设的；\n（二）未按规定进行工程报建的；\n（三）拒绝检查的。\n前款规定的情形，由主管部门处理。\n第二条 本条例自公布之日起施行。\n";
        let (doc, diagnostics) = parse(text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let Node::Section(article) = &doc.outline[0] else { panic!("an article") };
        let kinds: Vec<&str> = article.children.iter().map(Node::kind).collect();
        assert_eq!(
            kinds,
            ["paragraph", "item", "item", "item", "paragraph"],
            "the text after the list is the article's"
        );
        let Node::Item(third) = &article.children[3] else { panic!("an item") };
        assert_eq!((third.number.as_str(), third.ordinal, third.text.as_str()), ("（三）", 3, "拒绝检查的。"));
        assert_eq!(&text[third.span.start..third.span.end], "（三）拒绝检查的。");
        assert!(crate::span_errors(&doc, text).is_empty());
        assert!(matches!(doc.outline[1], Node::Section(_)), "the next article is a section again");
    }

    #[test]
    fn numbered_whole_sentences_are_items_and_numbered_titles_are_headings() {
        let text = "（一）深度融入全球创新网络\n1.加强与创新型国家合作\n（1）开展差异化、有特色的科技创新合作，拓展全球科技合作伙伴关系网络，推进协调合作。\n（2）推进自由贸易试验区、国际合作产业园等重大科技合作载体发展，加快建设国际联合创新基地。\n2.深耕与日韩科技合作\n";
        let (nodes, _) = outline(text);
        assert_eq!(
            nodes,
            ["0:（一）深度融入全球创新网络", "1:1.加强与创新型国家合作", "2:item", "2:item", "1:2.深耕与日韩科技合作"]
        );
        // Short titles after a colon, each with its own body further on, are headings.
        let text =
            "具体要求如下：\n（一）信息基础设施建设要求。\n1.宽带基础设施\n正文。\n（二）服务精准化要求\n正文。\n";
        let (nodes, _) = outline(text);
        assert!(nodes.contains(&"0:（一）信息基础设施建设要求".to_owned()), "{nodes:?}");
        // A run whose numbering goes on after a body is a level of headings, however long its titles.
        let text = "一、任务\n（一）根据现在国内和国际条件及总的趋势来说，我们有可能完成计划。\n（二）由于生产的增长，劳动生产率的提高和各部门的厉行节约，收入有可能增加。\n正文。\n（三）我国第二个五年计划的中心任务仍然是优先发展重工业，这是主要标志。\n";
        let (nodes, _) = outline(text);
        assert!(!nodes.iter().any(|n| n.ends_with("item")), "{nodes:?}");
    }

    #[test]
    fn a_number_alone_on_its_line_takes_the_next_line_as_its_title() {
        let text =
            "一、主要任务\n\u{3000}\u{3000}\n（一）\n进一步改革。创造良好环境。\n\n（二）\n保持经济增长\n正文。\n";
        let (nodes, _) = outline(text);
        assert_eq!(
            nodes,
            ["0:一、主要任务", "1:（一）进一步改革", "2:paragraph", "1:（二）保持经济增长", "2:paragraph"]
        );
        let (doc, _) = parse(text);
        assert!(crate::span_errors(&doc, text).is_empty());
    }

    #[test]
    fn an_item_keeps_the_sentences_of_its_own_lines() {
        // Text whose `。` became line breaks: a flush-left line under an indented item continues it.
        let text = "一、规定\n\u{3000}\u{3000}为了控制规模，规定：\n\u{3000}\u{3000}（一）固定资产投资总规模，都必须由国家计委进行综合平衡\n不论哪个地区，都要追究责任\n\u{3000}\u{3000}（二）大中型基本建设项目，一律由国家计委审批，小型项目由省计委审批\n\u{3000}\u{3000}这些规定必须执行\n";
        let (doc, _) = parse(text);
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        let kinds: Vec<&str> = s.children.iter().map(Node::kind).collect();
        assert_eq!(kinds, ["paragraph", "item", "item", "paragraph"]);
        let Node::Item(first) = &s.children[1] else { panic!("an item") };
        assert_eq!(first.text, "固定资产投资总规模，都必须由国家计委进行综合平衡\n不论哪个地区，都要追究责任");
        assert_eq!(first.pieces.len(), 2);
        assert!(crate::span_errors(&doc, text).is_empty());
    }

    #[test]
    fn a_numbering_started_again_inside_its_own_style_after_a_lead_in() {
        let text = "一、回顾\n正文。\n二、基本任务\n（一）改革\n正文。\n着重研究了以下几个问题。\n一、确定适度的经济增长率\n正文。\n二、规定恰当的投资规模\n正文。\n三、合理调整投资结构\n四、经济体制改革\n正文。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:一、回顾",
                "1:paragraph",
                "0:二、基本任务",
                "1:（一）改革",
                "2:paragraph",
                "2:paragraph",
                "1:一、确定适度的经济增长率",
                "2:paragraph",
                "1:二、规定恰当的投资规模",
                "2:paragraph",
                "1:三、合理调整投资结构",
                "1:四、经济体制改革",
                "2:paragraph"
            ]
        );
        assert_eq!(codes, ["heading.nested_numbering"]);
        // The deepest numbering that a number continues takes it: `三、` after the inner `二、` is the inner one's, and
        // a number that continues only the outer one closes the inner level.
        let text = "一、回顾\n二、任务\n研究了以下几个问题。\n一、增长率\n二、投资规模\n三、结构调整\n四、技术改造\n三、体制改革\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes.last().map(String::as_str), Some("0:三、体制改革"));
    }

    #[test]
    fn lead_ins() {
        assert!(leads_in("有下列情形之一的，责令改正："));
        assert!(leads_in("国务院作出了以下规定。"));
        assert!(leads_in("主要任务如下。”"));
        assert!(!leads_in("以下简称本规划。各地要认真落实，确保各项任务完成。"));
        assert!(!leads_in("全面贯彻新发展理念。"));
    }

    #[test]
    fn a_line_of_indentation_indents_the_line_after_it() {
        // Each paragraph's indentation stands on a line of its own; the flush-left line under it starts a paragraph
        // and the flush-left line under that continues it.
        let text = "一、甲\n\u{3000}\u{3000}\n第一句\n第二句\n\u{3000}\u{3000}\n新段落\n";
        let (doc, _) = parse(text);
        assert_eq!(first_section_paragraphs(&doc), ["第一句\n第二句", "新段落"]);
    }

    #[test]
    fn a_paragraph_broken_at_markup_after_its_indentation_line() {
        // The `detached_indent` rule: after a blank line, a line of indentation opens a block of flush-left lines
        // that a blank line ends; the block is one paragraph, whatever its lines end with, joined without a break.
        let text = "一、甲\n\n\u{3000}\u{3000}\n加强管理。\n要依法治税，贯彻《\n会计法\n》。\n\n\u{3000}\u{3000}\n新段落。\n\u{3000}\u{3000}第二段。\n";
        let (doc, _) = parse(text);
        assert_eq!(first_section_paragraphs(&doc), ["加强管理。要依法治税，贯彻《会计法》。", "新段落。", "第二段。"]);
        assert!(crate::span_errors(&doc, text).is_empty());
        // Numbers alone on their lines, each in such a block, after a lead-in: items with the text of the next line.
        let text = "一、甲\n方向是：\n\n\u{3000}\u{3000}\n一、\n增加投资，适当增加农业、科学、教育事业的投资。\n\n\u{3000}\u{3000}\n二、\n控制非生产性建设投资的增长，形成更多的生产能力。\n\n\u{3000}\u{3000}正文。\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes, ["0:一、甲", "1:paragraph", "1:item", "1:item", "1:paragraph"]);
        let (doc, _) = parse(text);
        assert!(crate::span_errors(&doc, text).is_empty());
        let items: Vec<_> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| match n {
                Node::Item(i) => Some(i.text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(items[0], "增加投资，适当增加农业、科学、教育事业的投资。");
    }

    #[test]
    fn lines_broken_at_a_link_join() {
        // The `broken_link` rule: a line ending with `《` and a line opening with `》` or `，` are no paragraph edges.
        let text = "一、甲\n依法修订《\n传染病防治法\n》，制定《\n应急条例\n》。\n新的一段。\n\u{3000}\u{3000}措施是《\n\u{3000}\u{3000}另起一段。\n";
        let (doc, _) = parse(text);
        assert_eq!(
            first_section_paragraphs(&doc),
            ["依法修订《传染病防治法》，制定《应急条例》。", "新的一段。", "措施是《", "另起一段。"]
        );
        assert!(crate::span_errors(&doc, text).is_empty());
        // A line that ends inside a bracket opened a few letters before: a subscript on a line of its own.
        let text = "一、甲\n重点城市细颗粒物（PM\n2.5\n）浓度下降9.1%。\n新的一段（一\n二、乙\n";
        let (doc, _) = parse(text);
        assert_eq!(first_section_paragraphs(&doc), ["重点城市细颗粒物（PM2.5）浓度下降9.1%。", "新的一段（一"]);
        assert!(crate::span_errors(&doc, text).is_empty());
    }

    #[test]
    fn numbers_right_under_an_article_are_items() {
        // The `article_items` rule: an article holds items (项), whatever they read like, here short titles after a
        // lead-in that ends with `。`; and the `member_sublist` rule: an item ending with `：` keeps the lines of its
        // own list, whose numbers PDF text garbled (`1。`), up to the line that ends with `。`.
        let text = "第一章 总则\n第七条 参加基本医疗保险的下列人员，可以申请办理直接结算。\n（一）跨省异地长期居住人员，包括异地安置退休人员等长期在参保省外工作、居住、生活\n的人员。\n（二）跨省临时外出就医人员。\n第八条 参保地经办机构为参保人员办理登记备案手续。\n（一）异地安置退休人员需提供以下材料：\n1。医保电子凭证或社会保障卡；\n2。异地安置认定材料。\n（二）异地急诊抢救人员视同已备案。\n第九条 参保人员可在窗口办理。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let items = items(&doc);
        assert_eq!(
            items,
            [
                // The rest of the line cut inside a word joins without a break (`cut_rest`).
                (
                    "（一）".into(),
                    "跨省异地长期居住人员，包括异地安置退休人员等长期在参保省外工作、居住、生活的人员。".into()
                ),
                ("（二）".into(), "跨省临时外出就医人员。".into()),
                (
                    "（一）".into(),
                    "异地安置退休人员需提供以下材料：\n1。医保电子凭证或社会保障卡；\n2。异地安置认定材料。".into()
                ),
                ("（二）".into(), "异地急诊抢救人员视同已备案。".into()),
            ]
        );
        let (nodes, _) = outline(text);
        assert!(nodes.contains(&"1:第九条".to_owned()), "{nodes:?}");
    }

    #[test]
    fn decimal_numbers_under_their_parents() {
        // The `decimal_number` rule: `3.1` under `3.` (or `三、`), `3.1.1` under `3.1`; a figure at the start of a
        // wrapped line (`2.69 万亿元…`) is text, and so is a decimal that does not fit the numbering.
        let text = "1.治理原则\n1.1 包容审慎。鼓励发展创新。\n1.2 风险导向。密切跟踪。\n2.框架构成\n2.1安全风险\n2.1.1 模型算法安全风险\n全市生产总值从\n2.69 万亿元上升到 3.87 万亿元。\n2.1.2数据安全风险\n2.2技术应对\n3.7 倍于全国\n";
        assert_eq!(
            headings(text),
            [
                "0:1.治理原则",
                "1:1.1包容审慎",
                "1:1.2风险导向",
                "0:2.框架构成",
                "1:2.1安全风险",
                "2:2.1.1模型算法安全风险",
                "2:2.1.2数据安全风险",
                "1:2.2技术应对"
            ]
        );
        // Under `一、` as in a municipal plan.
        let (nodes, _) = outline(
            "一、新阶段新起点\n1.1 “五个中心”建设既定目标如期实现\n正文。\n1.1.1 综合经济实力大幅提升。全市生产总值增长。\n二、指导方针\n2.1 指导思想\n正文。\n",
        );
        let headings: Vec<&String> = nodes.iter().filter(|n| !n.ends_with("paragraph")).collect();
        assert_eq!(
            headings,
            [
                "0:一、新阶段新起点",
                "1:1.1“五个中心”建设既定目标如期实现",
                "2:1.1.1综合经济实力大幅提升",
                "0:二、指导方针",
                "1:2.1指导思想"
            ]
        );
    }

    #[test]
    fn decimal_numbers_of_four_parts_and_their_place() {
        // `1.1.1.1` under `1.1.1`, a new `x.y.z.1` under each new `x.y.z`; `1.2.1万州区` is a heading (only two parts
        // make a figure: `1.7万亿元`); items numbered under a decimal section (`1．` under `2.2.2`) leave the next
        // `2.3` under the chapter.
        let text = "第一章 布局\n1.1 中心城区\n1.1.1 主城\n1.1.1.1大渡口区\n文字。\n1.1.2 其他区县\n1.1.2.1万州区\n文字。\n1.1.2.2黔江区\n文字。\n1.2 原则\n1.2.1 规划原则\n1．合理增长，总量控制。以期末为基数。\n2．统筹城乡、均衡布局。结合规划。\n1.3规划期限\n1.7万亿元的产值。\n";
        assert_eq!(
            headings(text),
            [
                "0:第一章布局",
                "1:1.1中心城区",
                "2:1.1.1主城",
                "3:1.1.1.1大渡口区",
                "2:1.1.2其他区县",
                "3:1.1.2.1万州区",
                "3:1.1.2.2黔江区",
                "1:1.2原则",
                "2:1.2.1规划原则",
                "3:1．合理增长，总量控制",
                "3:2．统筹城乡、均衡布局",
                "1:1.3规划期限"
            ]
        );
    }

    #[test]
    fn framing_titles_letter_spaced_or_not() {
        // The `framing_title` rule: `前　言` alone on its line is a section of its own, which the first numbered heading
        // closes; `结 束 语` closes the text after them, in flush-left and hard-wrapped text too.
        let text = "某某发展规划\n目 录.....1\n前 言.....1\n一、总体要求.....2\n前　言\n石化行业是我国国民经济重要的支柱产业，是\n业高质量发展的关键领域。\n一、总体要求\n（一）指导思想\n正文。\n二、重点任务\n正文。\n结 束 语\n让我们共同努力。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let (nodes, _) = outline(text);
        let headings: Vec<&String> =
            nodes.iter().filter(|n| !n.ends_with("paragraph") && !n.ends_with("toc")).collect();
        assert_eq!(
            headings,
            ["0:title", "0:前\u{3000}言", "0:一、总体要求", "1:（一）指导思想", "0:二、重点任务", "0:结 束 语"]
        );
        // A plan's glossary closes it too; its numbered definitions are items.
        let text = concat!(
            "一、总体要求\n正文。\n二、保障措施\n（一）加强组织领导\n正文。\n名词解释\n",
            "1.完整社区(第45页)：在居民适宜步行的范围内有完善的基本公共服务设施的社区。\n",
            "2.15分钟出海服务圈(第31页)：以虹桥上城为核心承载区，以15分钟为出海服务半径的服务圈。\n",
            "3.微枢纽(第55页)：是一种集约化、小尺度、多功能的交通接驳设施。\n",
        );
        let (nodes, _) = outline(text);
        assert_eq!(nodes[5..], ["0:名词解释", "1:item", "1:item", "1:item"]);
        // A glossary's title leads its definitions in, and a definition broken at its links (`“双向` / `揭榜` /
        // `挂帅”…`, `带技术` / `揭榜` / `；“成果…`) is one item, its pieces joined without a break.
        let linked = concat!(
            "一、总体要求\n正文。\n名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n",
            "2.“双向揭榜挂帅”：企业找技术、成果找市场“双向\n揭榜\n挂帅”的简称，由技术供给方带团队、带技术\n揭榜\n",
            "；“成果找市场”由成果需求方带资金、带场景\n揭榜\n。\n3.“灯塔工厂”：由世界经济论坛牵头评选的示范性工厂。\n",
        );
        let (doc, _) = parse(linked);
        assert_eq!(crate::span_errors(&doc, linked), Vec::<String>::new());
        let items: Vec<&str> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| if let Node::Item(i) = n { Some(i.text.as_str()) } else { None })
            .collect();
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(items[1].starts_with("“双向揭榜挂帅”：企业找技术、成果找市场“双向揭榜挂帅”的简称"), "{}", items[1]);
        assert!(items[1].ends_with("带资金、带场景揭榜。"), "{}", items[1]);
        // The `decimal_lookalike` rule: `2.15分钟…` at `2.` is that member and a text opening with a figure.
        let (doc, _) = parse(text);
        let second =
            doc.walk().into_iter().filter_map(|(_, n)| if let Node::Item(i) = n { Some(i) } else { None }).nth(1);
        assert_eq!(second.map(|i| (i.number.as_str(), i.text.starts_with("15分钟"))), Some(("2.", true)));
        // Not a title: the word inside a sentence that a line break cut.
        let (nodes, _) = outline("一、总体要求\n本规划的主要内容见\n前言\n部分的说明。\n");
        assert_eq!(nodes, ["0:一、总体要求", "1:paragraph", "1:paragraph", "1:paragraph"]);
    }

    #[test]
    fn contents_whose_leaders_stand_below_their_titles() {
        // PDF text with every run on a line of its own: an entry's leaders (and page number) on the lines after its
        // title, a title split too (`附录` / `1` / `：流程图`); the body's first heading ends the contents.
        let text = concat!(
            "一、实施背景........................\n...................\n- 1 -\n二、实施方式\n....................\n- 1 -\n",
            "附录\n1\n：方案实施流程图\n.................\n- 6 -\n",
            "一、实施背景\n正文。\n二、实施方式\n正文。\n",
        );
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        assert_eq!(headings(text), ["0:toc", "0:一、实施背景", "0:二、实施方式"]);
    }

    #[test]
    fn contents_running_over_pages() {
        // Contents keep their page numbers (`II`), page breaks (`* * *`) and entries whose leaders were lost
        // (`…建设 20`) inside the block; the first heading after them is the body's.
        let text = "目 录\n一、发展现状.....2\n（一）国内现状.....2\n* * *\n二、重点任务 ... 20\n1．推进专用充电设施建设 20\n2．加快城市公共网络建设 ... 20\nII\n* * *\n一、发展现状\n（一）国内现状\n正文。\n二、重点任务\n1．推进专用充电设施建设\n正文。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let (nodes, _) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:toc",
                "0:一、发展现状",
                "1:（一）国内现状",
                "2:paragraph",
                "0:二、重点任务",
                "1:1．推进专用充电设施建设",
                "2:paragraph"
            ]
        );
        let Node::Toc(toc) = &doc.outline[0] else { panic!("contents") };
        assert_eq!(toc.entries.len(), 6);
    }

    #[test]
    fn a_heading_that_leads_in_a_numbering_of_its_own() {
        // The `heading_lead_in` rule: `一、` right under a heading that ends `…以下几点：` starts a numbering under
        // it, not over the outer `三、`; the next `第三，` closes it. And the `resumed_numbering` rule: `一、` after a
        // paragraph that leads in nothing is still a numbering of its own when the outer `四、` comes after its run.
        let text = "一、总任务\n正文。\n二、概要\n正文。\n三、若干问题\n（一）农业问题\n第一，合作化问题。\n正文。\n第二，关于增产措施，现在我提出以下几点：\n一、\n开垦荒地。正文。\n二、\n兴修水利。正文。\n第三，领导问题。\n正文。\n（二）节约问题\n必须严厉地批判各种浪费的思想。\n一、\n必须批判那种“百废俱兴”的想法。正文。\n二、\n必须批判那种“宽打窄用”的想法。正文。\n（三）援助问题\n正文。\n四、为完成计划而奋斗\n正文。\n";
        assert_eq!(
            headings(text),
            [
                "0:一、总任务",
                "0:二、概要",
                "0:三、若干问题",
                "1:（一）农业问题",
                "2:第一，合作化问题",
                "2:第二，关于增产措施，现在我提出以下几点：",
                "3:item",
                "3:item",
                "2:第三，领导问题",
                "1:（二）节约问题",
                "2:一、必须批判那种“百废俱兴”的想法",
                "2:二、必须批判那种“宽打窄用”的想法",
                "1:（三）援助问题",
                "0:四、为完成计划而奋斗"
            ]
        );
    }

    #[test]
    fn a_page_number_glued_to_the_heading_after_it() {
        // The `glued_page_number` rule: PDF text glues a page number to the first line of the next page.
        let text = "一、甲\n1.1 子项\n正文。\n15二、乙\n2.1 子项\n正文。\n422.2 又一子项\n正文。\n7三、丙\n";
        let (doc, diagnostics) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let (nodes, _) = outline(text);
        let headings: Vec<&String> = nodes.iter().filter(|n| !n.ends_with("paragraph")).collect();
        assert_eq!(headings, ["0:一、甲", "1:1.1子项", "0:二、乙", "1:2.1子项", "1:2.2又一子项", "0:三、丙"]);
        assert_eq!(diagnostics.iter().filter(|d| d.code == "layout.page_number_glued").count(), 3);
        let Node::Section(second) = &doc.outline[1] else { panic!("a section") };
        assert_eq!(&text[second.heading_span.start..second.heading_span.end], "二、乙");
        // Digits before a number that does not follow are text.
        let (nodes, _) = outline("一、甲\n正文。\n2020五、乙\n");
        assert_eq!(nodes, ["0:一、甲", "1:paragraph", "1:paragraph"]);
    }

    #[test]
    fn clauses_that_bind_a_subject_are_items() {
        // The `binding_clause` rule: `医疗机构应当…` states a rule, so short numbered clauses under `（二）基本要求` are
        // items; a slogan that opens with its verb (`第一，必须坚持全面改革。…`) still titles a section.
        let text = "一、三级查房制度\n（一）定义\n指患者住院期间的查房。\n（二）基本要求\n1.医疗机构应当明确各级医师的医疗决策和实施权限。\n2.医疗机构应当严格明确查房周期。工作日每天至少查房2次。\n3.开展护理查房的医疗机构应当参照执行。\n二、会诊制度\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes.iter().filter(|n| n.ends_with("item")).count(), 3, "{nodes:?}");
        let text = "一、基本路线\n第一，必须坚持全面改革。社会主义是在改革中前进的社会。\n第二，必须坚持对外开放。当代国际经济关系越来越密切。\n";
        let (nodes, _) = outline(text);
        assert!(!nodes.iter().any(|n| n.ends_with("item")), "{nodes:?}");
        // The modal `应` alone binds too (`疑难病例均应由…`, `医疗机构应统一…`); the `应` of `应急` does not.
        let text = "六、疑难病例讨论制度\n（一）定义\n指对疑难病例的讨论。\n（二）基本要求\n1.医疗机构及临床科室应当明确疑难病例的范围，包括但不限于出现以下情形的患者。\n2.疑难病例均应由科室组织开展讨论。讨论原则上应由科主任主持，全科人员参加。\n3.医疗机构应统一疑难病例讨论记录的格式和模板。讨论内容应专册记录，主持人审核签字。\n4.参加讨论成员中应当至少有2人具有主治以上职务。\n七、急危重患者抢救制度\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes.iter().filter(|n| n.ends_with("item")).count(), 4, "{nodes:?}");
        assert!(binding_ying("疑难病例均应由科室组织开展讨论") && binding_ying("医疗机构应统一格式"));
        assert!(!binding_ying("完善应急管理体系") && !binding_ying("保障能源供应") && !binding_ying("应用"));
    }

    #[test]
    fn the_rest_of_a_member_cut_inside_a_word_joins_it() {
        // The `cut_rest` rule: `3.医护人员应当…动态调整护` / `理级别。` (PDF text) is one member; the list goes on.
        let text = "（二）基本要求\n1.医疗机构应当按照护理服务工作标准，制定本机构分级护理制度。\n2.原则上，护理级别分为特级护理、一级护理、二级护理、三级护理4个级别。\n3.医护人员应当根据患者病情和自理能力变化动态调整护\n理级别。\n4.患者护理级别应当明确标识。\n";
        let (doc, _) = parse(text);
        let members = items(&doc);
        assert_eq!(members.len(), 4, "{members:?}");
        assert_eq!(members[2].1, "医护人员应当根据患者病情和自理能力变化动态调整护理级别。");
    }

    #[test]
    fn a_lone_member_after_a_lost_head_keeps_its_text() {
        // Found by fuzzing: a list of one written member after clauses whose numbers were lost (`lost_item_number`)
        // gave that member no text.
        let text = "第一条 有下列情形之一的，责令改正：\n擅自施工的；\n（二）未按规定报告的\n（三拒绝检查的《\n着重研究了以下几个问题。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let texts: Vec<String> = items(&doc).into_iter().map(|(_, text)| text).collect();
        assert_eq!(texts[0], "擅自施工的；");
        assert!(texts[1].starts_with("未按规定报告的"), "{texts:?}");
    }

    #[test]
    fn a_list_of_the_documents_a_plan_rests_on() {
        // The `reference_list` rule: numbered titles of documents are items, with no lead-in, across a page number
        // and with a title or note that the line breaks going on in the next line (joined without a break, as the
        // `broken_link` rule joins them).
        let text = "三、规划依据\n1.《中华人民共和国城乡规划法》（2019 年修正）\n2.《全国重要生态系统保护和修复重大工程总体规划\n（2021-2035 年）》（2020 年）\n  2  \n3.《北京市实施<中华人民共和国防洪法>办法》（2019\n年修正）\n4.《北京市湿地保护条例》\n四、规划范围\n本规划范围为北京市域。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let items: Vec<String> = items(&doc).into_iter().map(|(_, text)| text).collect();
        assert_eq!(
            items,
            [
                "《中华人民共和国城乡规划法》（2019 年修正）",
                "《全国重要生态系统保护和修复重大工程总体规划（2021-2035 年）》（2020 年）",
                "《北京市实施<中华人民共和国防洪法>办法》（2019年修正）",
                "《北京市湿地保护条例》"
            ]
        );
        let (nodes, _) = outline(text);
        assert_eq!(nodes.iter().filter(|n| n.starts_with("0:")).count(), 2, "{nodes:?}");
    }

    #[test]
    fn a_title_standing_alone_in_flush_left_text() {
        // Flush-left paragraphs parted by one blank line (wiki exports of party congress and work reports): a title
        // stands alone after two blank lines or more, before the numbered headings, or closes the text.
        let long =
            "党的九大是在毛主席亲自发动和领导的无产阶级文化大革命取得伟大胜利的时候召开的，这次大会的路线是正确的。";
        let text = format!(
            "同志们！\n\n{long}\n\n\n\n关于九大路线\n\n\n{long}\n\n{long}\n\n\n\n关于粉碎林彪反党集团的胜利\n\n{long}\n\n\n一、工作回顾\n\n{long}\n\n\n\n关于教育改革问题\n\n{long}\n\n\n结束语\n\n\n各位代表！\n\n习　近　平\n\n"
        );
        let (nodes, _) = outline(&text);
        let titles: Vec<&String> = nodes.iter().filter(|n| !n.ends_with("paragraph")).collect();
        // `一、` nests under the unnumbered title before it; a title among the numbered sections is text; a name
        // spaced out is no title.
        assert_eq!(titles, ["0:关于九大路线", "0:关于粉碎林彪反党集团的胜利", "1:一、工作回顾", "0:结束语"]);
        // A title with a year in it, not a date.
        let text =
            format!("各位代表！\n\n\n\n首先报告２００１年的工作\n\n\n{long}\n\n\n\n２００２年３月５日\n\n\n{long}\n");
        let (nodes, _) = outline(&text);
        assert_eq!(
            nodes.iter().filter(|n| !n.ends_with("paragraph")).collect::<Vec<_>>(),
            ["0:首先报告２００１年的工作"]
        );
    }

    #[test]
    fn a_paragraph_broken_at_a_link_in_double_spaced_text() {
        // The `blank_link` rule: a blank line after every line; a paragraph cut at a link goes on over the blank lines
        // through the link's text and the rest of the word, joined without a break; a law's record lines stay.
        let filler = "各地区各部门认真贯彻落实，扎实推进各项工作，取得了明显成效。\n\n".repeat(20);
        let text = format!(
            "{filler}上述目标是预测性、指导性的，综合考虑了经济发展的需要和可能，我们要团结一致，全面完成今年\n\n经济和社会发\n\n展的各项任务。\n\n2010年9月17日 上海市第十三届人民代表大会常务委员会第二十一次会议修正\n\n总则\n\n"
        );
        let (doc, _) = parse(&text);
        assert_eq!(crate::span_errors(&doc, &text), Vec::<String>::new());
        let texts: Vec<&str> = doc
            .walk()
            .into_iter()
            .filter_map(|(_, n)| if let Node::Paragraph(p) = n { Some(p.text.as_str()) } else { None })
            .skip(20)
            .collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].ends_with("全面完成今年经济和社会发展的各项任务。"), "{}", texts[0]);
    }

    #[test]
    fn a_title_wrapped_over_furniture_stays_one_line() {
        // Found by fuzzing: furniture between a title's two lines (`原文链接：…`) is left out of the text, so the
        // title does not go on over it; every span still holds its text.
        let text = "政府工作报\n原文链接：https://example.com/a\n告\n一、总体要求\n正文。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        assert_eq!(doc.meta.title.as_deref(), Some("政府工作报"));
        // Lines that end with a lone `\r` (found by fuzzing too).
        for text in ["政府工作报\n\n告\n一、总体要求\n正文。\n", "政府工作报\r告\r一、总体要求\r正文。\r"]
        {
            let (doc, _) = parse(text);
            assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
            assert_eq!(doc.meta.title.as_deref(), Some("政府工作报告"));
        }
    }

    #[test]
    fn a_title_standing_alone_in_text_without_blank_lines() {
        // The `standalone_title` rule in a web capture a paragraph a line, with no blank lines (`dense_title`): a short
        // line between long paragraphs, the first ending a sentence, with no numbered section open.
        let long = "过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效。";
        let text = format!(
            "{long}\n“十四五”时期发展成就和2025年工作回顾\n{long}\n{long}\n2026年重点工作\n{long}\n（一）放大促消费扩投资政策效应\n{long}\n加强组合驾驶辅助准入与召回管理\n{long}\n"
        );
        assert_eq!(
            outline(&text).0,
            [
                "0:paragraph",
                "0:“十四五”时期发展成就和2025年工作回顾",
                "1:paragraph",
                "1:paragraph",
                "0:2026年重点工作",
                "1:paragraph",
                "1:（一）放大促消费扩投资政策效应",
                "2:paragraph",
                "2:paragraph",
                "2:paragraph",
            ]
        );
    }

    #[test]
    fn a_title_over_a_salutation_and_a_quotation_that_opens_like_a_heading() {
        // The flush-left `standalone_title` rule reads the text after a salutation (`同志们！`); a line after an opening
        // quote is quoted text, not a heading (`”“` / `一、两年之内逐步活跃起来…`).
        let long = "我们党同四人帮反党集团的斗争，是一场关系到党和国家命运的大决战，我们取得了伟大的胜利。";
        let text = format!(
            "{long}\n\n\n我们党的路线斗争\n\n{long}\n\n毛主席指出：“党的文艺政策应该调整一下，\n”“\n一、两年之内逐步活跃起来，三年、四年、五年也好嘛\n”。{long}\n\n\n形势和任务\n\n同志们！\n\n{long}\n"
        );
        assert_eq!(headings(&text), ["0:我们党的路线斗争", "0:形势和任务"]);
    }

    #[test]
    fn a_second_title_after_numbered_sections_is_a_sibling() {
        // The `title_sibling` rule: under `2003年工作回顾`, after its `（一）`–`（二）`, `2004年主要工作及措施` is the next
        // part when the numbering starts over after it; in double-spaced text (a blank line after every line) too.
        let long = "过去一年，我们坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，经济社会发展取得新成效。";
        // Double-spaced text is told from twenty lines of text on (of several widths: lines of one width are wrapped).
        let more = format!("{long}\n全年地区生产总值增长百分之六，城乡居民收入稳步增长。\n").repeat(2);
        let dense = format!(
            "{long}\n2003年工作回顾\n{more}（一）经济建设出现好形势\n{more}（二）社会事业全面发展\n{long}\n2004年主要工作及措施\n{more}（一）突出加快发展这个主题\n{long}\n"
        );
        let spaced = dense.replace('\n', "\n\n");
        for text in [&dense, &spaced] {
            let headings = headings(text);
            assert_eq!(
                headings,
                [
                    "0:2003年工作回顾",
                    "1:（一）经济建设出现好形势",
                    "1:（二）社会事业全面发展",
                    "0:2004年主要工作及措施",
                    "1:（一）突出加快发展这个主题"
                ],
                "{text}"
            );
        }
        // A title-like line whose numbering goes on after it is a bold lead line: text.
        let text = dense.replace("（一）突出加快发展这个主题", "（三）突出加快发展这个主题");
        assert!(!headings(&text).contains(&"0:2004年主要工作及措施".to_owned()));
        // A line before numbers that open at 2 is the first member that lost its number, not a title above them.
        let text = spaced.replace("2003年工作回顾", "爱卫会的性质和任务").replace("（一）经济", "（二）经济");
        assert!(!headings(&text).iter().any(|h| h.contains("爱卫会")), "{:?}", headings(&text));
    }

    #[test]
    fn a_title_standing_alone_without_a_number() {
        // The `standalone_title` rule: in indented text, a short flush-left line between blank lines (two before).
        let body = "\u{3000}\u{3000}正文一句。\n\n\u{3000}\u{3000}正文二句。\n\n";
        let text = format!(
            "{body}\n\n过去五年的回顾\n\n{body}\n\n今后五年的主要任务\n\n{body}（一）关于经济建设\n\n{body}（二）关于外交\n\n{body}\n\n结束语\n\n{body}"
        );
        let (nodes, _) = outline(&text);
        assert_eq!(
            nodes,
            [
                "0:paragraph",
                "0:paragraph",
                "0:过去五年的回顾",
                "1:paragraph",
                "1:paragraph",
                "0:今后五年的主要任务",
                "1:paragraph",
                "1:paragraph",
                "1:（一）关于经济建设",
                "2:paragraph",
                "2:paragraph",
                "1:（二）关于外交",
                "2:paragraph",
                "2:paragraph",
                "0:结束语",
                "1:paragraph",
                "1:paragraph"
            ]
        );
        let (doc, _) = parse(&text);
        let closing = doc.walk().into_iter().find_map(|(_, n)| match n {
            Node::Section(s) if s.title == "结束语" => Some((s.number.clone(), s.ordinal)),
            _ => None,
        });
        assert_eq!(closing, Some((String::new(), None)), "no number, a null ordinal");
        // `结束语` is a title after a single blank line too (`framing_title`), but not inside a sentence that a line break
        // cut; other titles need two blank lines.
        assert!(outline("正文。\n\n结束语\n\n正文。\n").0.iter().any(|n| n == "0:结束语"));
        assert!(!outline("一、总体要求\n正文见\n结束语\n部分。\n").0.iter().any(|n| n == "0:结束语"));
        let one_blank = format!("{body}今后五年的主要任务\n\n{body}");
        assert!(!outline(&one_blank).0.iter().any(|n| n == "0:今后五年的主要任务"));
        let sentence = format!("{body}\n\n各位代表：\n\n{body}");
        assert!(!outline(&sentence).0.iter().any(|n| n.starts_with("0:各位")));
    }

    #[test]
    fn a_level_whose_first_heading_was_never_numbered() {
        // Articles before the first chapter heading, which the source lacks: 第二章 follows 第三章 further on, so it
        // opens a level, and by the rank of 章 over 条 it stands beside the articles, not under them; the articles
        // from 第一条 are then the untitled 第一章 (the `lost_chapter` pass).
        let text = "第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本省。\n第二章 认定条件\n第三条 申请应当具备条件。\n第三章 附则\n第四条 本办法自公布之日起施行。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:第一章",
                "1:第一条",
                "2:paragraph",
                "1:第二条",
                "2:paragraph",
                "0:第二章认定条件",
                "1:第三条",
                "2:paragraph",
                "0:第三章附则",
                "1:第四条",
                "2:paragraph"
            ]
        );
        assert_eq!(codes, ["heading.lost_first"]);
        // `（一）` lost its number: `（二）` opens the level because `（三）` follows it, and the paragraph before it
        // is the first member (`lost_first`).
        let (nodes, _) =
            outline("一、任务\n实施培育工程。正文。\n（二）实施赋能工程。正文。\n（三）实施提升工程。正文。\n");
        assert_eq!(
            nodes,
            [
                "0:一、任务",
                "1:（一）实施培育工程",
                "2:paragraph",
                "1:（二）实施赋能工程",
                "2:paragraph",
                "1:（三）实施提升工程",
                "2:paragraph"
            ]
        );
        // A lone late number that nothing continues stays text.
        let (nodes, _) = outline("一、任务\n（二）实施赋能工程。正文。\n");
        assert_eq!(nodes, ["0:一、任务", "1:paragraph"]);
        // `二、` whose `一、` was never numbered does not nest under `2.`.
        let (nodes, _) = outline("研发设计\n1.典型场景\n2.典型场景\n二、生产制造\n3.典型场景\n三、运维服务\n");
        assert_eq!(nodes[3], "0:二、生产制造");
    }

    #[test]
    fn contents_repeated_later_without_leaders() {
        let text = "某某条例\n## 第一章 总则\n## 第二章 规划\n## 第三章 附则\n## 第一章 总则\n第一条 为了规范，制定本条例。\n## 第二章 规划\n第二条 规划应当公开。\n## 第三章 附则\n第三条 本条例自公布之日起施行。\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes[..3], ["0:title", "0:toc", "0:第一章总则"]);
        assert_eq!(nodes.iter().filter(|n| n.contains("第一章")).count(), 1);
        // Headings without bodies that do not come back are headings.
        let (nodes, _) = outline("一、甲\n二、乙\n三、丙\n正文。\n");
        assert_eq!(nodes, ["0:一、甲", "0:二、乙", "0:三、丙", "1:paragraph"]);
    }

    #[test]
    fn list_members_whose_numbers_the_source_lost() {
        // At the head: two clauses after the lead-in, then `（三）`: they were `（一）` and `（二）`.
        let text = "第一条　下列区域应当保护：\n\n自然保护区；\n\n饮用水源地；\n\n（三）重要湿地；\n\n（四）其他区域。\n\n第二条　施行。\n";
        let (doc, diagnostics) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let items = items(&doc);
        assert_eq!(items[..2], [("（一）".into(), "自然保护区；".into()), ("（二）".into(), "饮用水源地；".into())]);
        assert_eq!(items.len(), 4);
        assert_eq!(diagnostics.iter().filter(|d| d.code == "item.lost_number").count(), 2);
        // Inside the list: `（二）` lost between `（一）` and `（三）`.
        let text = "第一条　下列行为禁止：\n\n（一）擅自使用他人标识的；\n\n恶意拦截他人链接的；\n\n（三）其他行为。\n\n第二条　施行。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(nodes, ["0:第一条", "1:paragraph", "1:item", "1:item", "1:item", "0:第二条", "1:paragraph"]);
        assert_eq!(codes, ["item.lost_number"]);
        // The count must fit: one clause where two numbers are missing is not a lost member.
        let text = "第一条　下列行为禁止：\n\n（一）甲行为的；\n\n乙行为的；\n\n（四）其他行为。\n\n第二条　施行。\n";
        assert!(!outline(text).1.contains(&"item.lost_number".to_owned()));
        // No lead-in before the clauses: nothing is put back.
        let (_, codes) = outline("第一条　总体要求。\n\n自然保护区；\n\n（二）重要湿地；\n\n（三）其他区域。\n");
        assert!(!codes.contains(&"item.lost_number".to_owned()), "{codes:?}");
    }

    #[test]
    fn a_first_member_whose_number_was_lost() {
        // A paragraph with a lead phrase, then lower levels, then `（二）`: the paragraph was `（一）`.
        let text = "三、重点任务\n实施领军企业培育工程。围绕产业链培育企业。\n1.培育领军企业。支持企业发展。\n\
                    2.引进创新企业。积极引进企业。\n（二）实施场景赋能工程。推动场景开放。\n\
                    （三）实施平台提升工程。建设公共平台。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:三、重点任务",
                "1:（一）实施领军企业培育工程",
                "2:paragraph",
                "2:1.培育领军企业",
                "3:paragraph",
                "2:2.引进创新企业",
                "3:paragraph",
                "1:（二）实施场景赋能工程",
                "2:paragraph",
                "1:（三）实施平台提升工程",
                "2:paragraph"
            ]
        );
        assert!(codes.contains(&"heading.lost_first".to_owned()));
        // A short title alone on its line before `1.`, then `二、`: the title was `一、`.
        let (nodes, _) = outline(
            "第一章　典型场景\n研发设计\n1.设计平台。统一集成。\n2.仿真平台。统一集成。\n二、生产制造\n\
             3.智能产线。导入产线。\n三、质量管理\n4.视觉检测。检测线圈。\n",
        );
        assert_eq!(nodes[..3], ["0:第一章典型场景", "1:一、研发设计", "2:1.设计平台"]);
        assert!(nodes.contains(&"1:二、生产制造".to_owned()), "{nodes:?}");
        // Two paragraphs before `（二）`: which one lost its number is not known, and nothing is made up.
        let text = "三、重点任务\n实施领军企业培育工程。围绕产业链培育企业。\n另有一段说明文字，介绍背景。\n\
                    （二）实施场景赋能工程。推动场景开放。\n（三）实施平台提升工程。建设公共平台。\n";
        let (nodes, codes) = outline(text);
        assert!(!nodes.iter().any(|n| n.contains("（一）")), "{nodes:?}");
        assert!(!codes.contains(&"heading.lost_first".to_owned()));
    }

    #[test]
    fn a_heading_whose_numeral_ocr_lost() {
        let (nodes, codes) = outline("、主要目标和指导方针\n（一）奋斗目标\n正文。\n、基本任务\n正文。\n");
        // The numeral is put back in the number; the heading span is what is written.
        assert_eq!(
            nodes,
            ["0:一、主要目标和指导方针", "1:（一）奋斗目标", "2:paragraph", "0:二、基本任务", "1:paragraph"]
        );
        assert_eq!(codes, ["heading.ocr_numeral", "heading.ocr_numeral"]);
        let text = "、主要目标和指导方针\n正文。\n";
        let (doc, _) = parse(text);
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        assert_eq!(&text[s.heading_span.start..s.heading_span.end], "、主要目标和指导方针");
    }

    #[test]
    fn run_in_headings_whose_numeral_ocr_lost_under_a_chapter() {
        // OCR of a printed plan: under a chapter, `、国民收入。` opens with the run-in title of a `一、` heading whose
        // numeral was lost; the numbers are put back from the sequence, past 三 too.
        let text = "第二章　社会总产品和国民收入\n\u{3000}\u{3000}、社会总产品。五年内平均每年增长4％。\n                    \u{3000}\u{3000}、国民收入。平均每年增长4％。\n\u{3000}\u{3000}、积累和消费。积累率保持在29％。\n                    \u{3000}\u{3000}四、经济效益。提高经济效益。\n\u{3000}\u{3000}、财政收入。逐步增加。\n第三章　财政\n                    \u{3000}\u{3000}、财政收入。逐年增加。\n";
        let (doc, diagnostics) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let (nodes, _) = outline(text);
        let headings: Vec<&String> = nodes.iter().filter(|n| !n.ends_with("paragraph")).collect();
        assert_eq!(
            headings,
            [
                "0:第二章社会总产品和国民收入",
                "1:一、社会总产品",
                "1:二、国民收入",
                "1:三、积累和消费",
                "1:四、经济效益",
                "1:五、财政收入",
                "0:第三章财政",
                "1:一、财政收入"
            ]
        );
        assert_eq!(diagnostics.iter().filter(|d| d.code == "heading.ocr_numeral").count(), 5);
        // Outside chapters a line that opens with `、` and runs on is the rest of the sentence before it.
        let (nodes, codes) = outline("一、工作回顾\n城市轨道交通\n、地下综合管廊建设加快。新开工重大水利工程21项。\n");
        assert_eq!(nodes, ["0:一、工作回顾", "1:paragraph"]);
        assert!(!codes.contains(&"heading.ocr_numeral".to_owned()));
    }

    #[test]
    fn a_wrapped_enumeration_is_no_lost_numeral_heading() {
        // The `enumeration_wrap` rule: a line broken after a word of an enumeration goes on with `、`; read as a
        // heading whose numeral OCR lost, it would be empty, the next chapter following at once.
        let text = "第十八章控制人口增长\n\u{3000}\u{3000}继续坚持计划生育的基本国策。开展少生家庭奖励试点 , 使计划生育户在扶贫济困\n、 社会保障等方面得到实惠 。\n第十九章有效保护资源\n\u{3000}\u{3000}坚持开发与节约并举。\n";
        let (doc, diagnostics) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let (nodes, _) = outline(text);
        assert_eq!(nodes, ["0:第十八章控制人口增长", "1:paragraph", "0:第十九章有效保护资源", "1:paragraph"]);
        assert!(diagnostics.iter().all(|d| d.code != "heading.ocr_numeral"));
        let Node::Section(s) = &doc.outline[0] else { panic!("a section") };
        let Node::Paragraph(p) = &s.children[0] else { panic!("a paragraph") };
        assert!(p.text.ends_with("扶贫济困、 社会保障等方面得到实惠 。"), "{}", p.text);
        // A lost-numeral heading with text under it stays one, whatever the line before ends with.
        let text = "第三章能源\n\u{3000}\u{3000}、石油和天然气。加强勘探，五年内把巨型成煤盆地作为勘探重占\n、积极开展海上石油的对外合作勘探和开发。\n\u{3000}\u{3000}五年内完成十个区块的招标。\n";
        let (nodes, _) = outline(text);
        let headings: Vec<&String> = nodes.iter().filter(|n| !n.ends_with("paragraph")).collect();
        assert_eq!(headings, ["0:第三章能源", "1:一、石油和天然气", "1:二、积极开展海上石油的对外合作勘探和开发"]);
    }

    #[test]
    fn contents_glued_to_their_first_entry_with_several_entries_a_line() {
        // Newspaper text of a provincial plan: `目录` glued to `序言`, the entries run together, and in the body a 篇
        // heading carries its first 章 (the `glued_contents` and `glued_rank` rules).
        let text = "某省国民经济和社会发展第十个五年计划纲要\n目录序言\n第一篇指导思想第一章指导思想第二章主要目标第二篇调整经济结构\n第三章农业第四章基础设施\n序言\n\u{3000}\u{3000}今后五年是重要时期。\n第一篇指导思想\n第一章指导思想\n\u{3000}\u{3000}指导思想是发展。\n第二章主要目标\n\u{3000}\u{3000}目标是增长。\n第二篇调整经济结构第三章农业\n\u{3000}\u{3000}要始终把农业放在首位。\n第四章基础设施\n\u{3000}\u{3000}加快建设。\n";
        let (doc, _) = parse(text);
        assert_eq!(crate::span_errors(&doc, text), Vec::<String>::new());
        let toc = doc.outline.iter().find_map(|n| match n {
            Node::Toc(t) => Some(t),
            _ => None,
        });
        assert_eq!(
            toc.expect("contents").entries,
            [
                "目录",
                "序言",
                "第一篇指导思想",
                "第一章指导思想",
                "第二章主要目标",
                "第二篇调整经济结构",
                "第三章农业",
                "第四章基础设施"
            ]
        );
        let (nodes, codes) = outline(text);
        let headings: Vec<&String> =
            nodes.iter().filter(|n| !n.ends_with("paragraph") && !n.ends_with("toc")).collect();
        assert_eq!(
            headings,
            [
                "0:title",
                "0:序言",
                "0:第一篇指导思想",
                "1:第一章指导思想",
                "1:第二章主要目标",
                "0:第二篇调整经济结构",
                "1:第三章农业",
                "1:第四章基础设施"
            ]
        );
        assert!(!codes.iter().any(|c| c.starts_with("heading.numbering")), "{codes:?}");
    }

    #[test]
    fn markdown_headings_and_articles_numbered_through_chapters() {
        let text = "# 某某办法\n\n## 第一章 总则\n\n第一条 为了保护资源，制定本办法。\n\n第二条 本办法适用于本市。\n\n## 第二章 规划\n\n第三条 规划应当公开。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:title",
                "0:第一章总则",
                "1:第一条",
                "2:paragraph",
                "1:第二条",
                "2:paragraph",
                "0:第二章规划",
                "1:第三条",
                "2:paragraph"
            ]
        );
        assert!(codes.is_empty(), "articles are numbered through chapters by design: {codes:?}");
        let (doc, _) = parse(text);
        assert_eq!(doc.meta.title.as_deref(), Some("某某办法"));
        assert!(crate::span_errors(&doc, text).is_empty());
        // A code in books (刑法, 民法典): `第二编` closes the chapters of the first and numbers its own from 1; articles
        // run on through both; `第一分编` stands between a book and its chapters.
        let text = "## 第一编 总则\n\n### 第一章 任务\n\n第一条 甲。\n\n### 第二章 犯罪\n\n第二条 乙。\n\n## 第二编 分则\n\n#### 第一分编 通则\n\n### 第一章 危害国家安全罪\n\n第三条 丙。\n";
        let (nodes, codes) = outline(text);
        assert_eq!(
            nodes,
            [
                "0:第一编总则",
                "1:第一章任务",
                "2:第一条",
                "3:paragraph",
                "1:第二章犯罪",
                "2:第二条",
                "3:paragraph",
                "0:第二编分则",
                "1:第一分编通则",
                "2:第一章危害国家安全罪",
                "3:第三条",
                "4:paragraph"
            ]
        );
        assert!(codes.is_empty(), "{codes:?}");
        let text = "**一、总体要求**\n正文。\n**二、重点任务**\n正文。\n第三部分 保障\n";
        let (nodes, _) = outline(text);
        assert_eq!(nodes, ["0:一、总体要求", "1:paragraph", "0:二、重点任务", "1:paragraph", "1:paragraph"]);
        let (doc, _) = parse(text);
        assert!(crate::span_errors(&doc, text).is_empty());
    }
}
