//! Box-drawing grids: visual rows, boxes, and the cells of a box read by display width.
//!
//! The grammar, for any layout: a box opens with a top border row (`┌─┬─┐`) whose non-horizontal characters give the
//! column boundaries in display columns; every later row of the box has the same display width; a content row's
//! vertical bars (`│`) stand on those boundaries; a rule row (`├─┼─┤`, or `│　　├─┼─┤` with no rule under a column)
//! closes the cells of the columns it rules and leaves the others open (a row span); the bottom row (`└─┴─┘`) closes
//! the box. Visual rows may each stand on their own physical line, or several may share one line joined by white
//! space: rows are cut by width, so both layouts read the same.

use guihua_model::Piece;

use crate::text::{is_blank, width};

/// What a visual row of a box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RowKind {
    /// `┌──┬──┐`
    Top,
    /// `│text│text│`
    Content,
    /// `├──┼──┤`, possibly partial: `│　　├──┤`.
    Rule,
    /// `└──┴──┘`
    Bottom,
}

/// One visual row: its text and where it starts in the source.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VisualRow<'a> {
    pub text: &'a str,
    pub start: usize,
    pub kind: RowKind,
}

impl VisualRow<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// A box: the rows from a top border to a bottom border.
#[derive(Debug, Clone)]
pub(crate) struct BoxRows<'a> {
    pub rows: Vec<VisualRow<'a>>,
    /// Display-column positions of the vertical boundaries, from the top border: first is the left edge.
    pub boundaries: Vec<usize>,
    /// Whether a bottom border closed the box.
    pub closed: bool,
}

impl BoxRows<'_> {
    pub fn start(&self) -> usize {
        self.rows.first().map_or(0, |r| r.start)
    }

    pub fn end(&self) -> usize {
        self.rows.last().map_or(0, |r| r.end())
    }

    /// Number of columns the top border declares.
    pub fn columns(&self) -> usize {
        self.boundaries.len().saturating_sub(1)
    }
}

/// A problem found while reading a grid, as a byte range and a message; the caller turns it into a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GridIssue {
    pub code: &'static str,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// Whether `c` is a box-drawing character (U+2500–U+257F).
pub(crate) fn is_box_char(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c)
}

/// Whether a line opens a box or a box row: with a corner, a bar or a junction, or with a horizontal rule that runs
/// into one (`────┬────`) or fills the line. A run of rule characters before text (`─────数字技术…`, a dash some
/// exports draw with box characters) is punctuation, not a box.
pub(crate) fn opens_box(content: &str) -> bool {
    match content.chars().next() {
        Some(c) if is_horizontal(c) => {
            let rest = content.trim_start_matches(is_horizontal);
            rest.is_empty() || rest.starts_with(is_box_char)
        }
        Some(c) => is_box_char(c),
        None => false,
    }
}

fn is_horizontal(c: char) -> bool {
    matches!(c, '─' | '━' | '═' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍')
}

fn is_vertical(c: char) -> bool {
    matches!(c, '│' | '┃' | '║' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏')
}

fn is_junction(c: char) -> bool {
    matches!(c, '├' | '┼' | '┤' | '┣' | '╋' | '┫' | '╠' | '╬' | '╣' | '╞' | '╪' | '╡' | '╟' | '╫' | '╢')
}

fn is_top_left(c: char) -> bool {
    matches!(c, '┌' | '┏' | '╔' | '╭' | '╒' | '╓')
}

fn is_top_right(c: char) -> bool {
    matches!(c, '┐' | '┓' | '╗' | '╮' | '╕' | '╖')
}

fn is_bottom_left(c: char) -> bool {
    matches!(c, '└' | '┗' | '╚' | '╰' | '╘' | '╙')
}

fn row_kind(text: &str) -> RowKind {
    let first = text.chars().next().unwrap_or(' ');
    if is_top_left(first) {
        RowKind::Top
    } else if is_bottom_left(first) {
        RowKind::Bottom
    } else if memchr::memchr_iter(0xE2, text.as_bytes()).any(|k| text[k..].starts_with(is_junction)) {
        RowKind::Rule
    } else {
        RowKind::Content
    }
}

/// Cuts one line's content (indentation already removed) into visual rows.
///
/// `row_width` carries the width of the open box from line to line; a top border sets it. Returns the rows and the
/// text left over after the last row, if the line goes on with something that is not a box (with its offset).
pub(crate) fn split_rows<'a>(
    content: &'a str,
    offset: usize,
    row_width: &mut Option<usize>,
    issues: &mut Vec<GridIssue>,
) -> (Vec<VisualRow<'a>>, Option<(&'a str, usize)>) {
    let mut rows = Vec::new();
    let mut pos = 0;
    loop {
        let rest = &content[pos..];
        let trimmed = rest.trim_start_matches(is_blank);
        pos += rest.len() - trimmed.len();
        let Some(first) = trimmed.chars().next() else {
            break;
        };
        if !is_box_char(first) {
            return (rows, Some((trimmed, offset + pos)));
        }
        if is_top_left(first) {
            *row_width = Some(top_width(trimmed));
        }
        let (len, got) = match *row_width {
            Some(w) => cut_row(trimmed, w),
            None => (trimmed.len(), 0),
        };
        let text = &trimmed[..len];
        if let Some(w) = *row_width
            && got != w
        {
            issues.push(GridIssue {
                code: "table.ragged_row",
                message: format!("box row is {got} columns wide where its top border is {w}: `{}`", clip(text)),
                start: offset + pos,
                end: offset + pos + len,
            });
        }
        rows.push(VisualRow { text, start: offset + pos, kind: row_kind(text) });
        pos += len;
    }
    (rows, None)
}

/// Width of a top border: up to and including its top-right corner, or the whole run of box characters.
fn top_width(text: &str) -> usize {
    let mut w = 0;
    for c in text.chars() {
        if !is_box_char(c) {
            break;
        }
        w += width(c);
        if is_top_right(c) {
            break;
        }
    }
    w
}

/// Byte length and display width of the row that starts `text`, `w` display columns wide. A row must end on a box
/// character: if the width lands inside text (a ragged row), the row runs on to the next border that is followed by
/// white space or the end, which is where a joined row ends.
fn cut_row(text: &str, w: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut acc = 0;
    let mut i = 0;
    while i < bytes.len() {
        // U+5000–U+9FFF (lead bytes E5–E9): ideographs, two columns wide and no box character, passed over undecoded.
        if (0xE5..=0xE9).contains(&bytes[i]) {
            acc += 2;
            i += 3;
            continue;
        }
        // U+2500–U+257F (E2 94 xx, E2 95 xx): a box character, read from its bytes; two columns but for the dashed and
        // half lines U+254C–U+254F and U+2575–U+257F (`text::width`).
        let (end, columns, boxed) = match bytes[i..] {
            [0xE2, second @ (0x94 | 0x95), third, ..] => {
                let narrow = second == 0x95 && matches!(third, 0x8C..=0x8F | 0xB5..=0xBF);
                (i + 3, if narrow { 1 } else { 2 }, true)
            }
            _ => {
                let Some(c) = text[i..].chars().next() else { break };
                (i + c.len_utf8(), width(c), is_box_char(c))
            }
        };
        acc += columns;
        if acc >= w && boxed && text[end..].chars().next().is_none_or(|n| is_blank(n) || acc == w) {
            return (end, acc);
        }
        i = end;
    }
    (text.len(), acc)
}

fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(24).collect();
    if text.chars().nth(24).is_some() {
        out.push('…');
    }
    out
}

/// Groups visual rows into boxes, each from a top border to a bottom border.
pub(crate) fn group_boxes<'a>(rows: Vec<VisualRow<'a>>, issues: &mut Vec<GridIssue>) -> Vec<BoxRows<'a>> {
    let mut boxes: Vec<BoxRows<'a>> = Vec::new();
    let mut current: Option<BoxRows<'a>> = None;
    for row in rows {
        match row.kind {
            RowKind::Top => {
                if let Some(open) = current.take() {
                    issues.push(unclosed(&open));
                    boxes.push(open);
                }
                current = Some(BoxRows { boundaries: boundaries(row.text), rows: vec![row], closed: false });
            }
            RowKind::Bottom => {
                let mut open = current.take().unwrap_or_else(|| headless(row, issues));
                open.rows.push(row);
                open.closed = true;
                boxes.push(open);
            }
            RowKind::Content | RowKind::Rule => {
                current.get_or_insert_with(|| headless(row, issues)).rows.push(row);
            }
        }
    }
    if let Some(open) = current {
        issues.push(unclosed(&open));
        boxes.push(open);
    }
    boxes
}

/// A box whose top border is missing: its boundaries are read from the first row's vertical characters.
fn headless<'a>(row: VisualRow<'a>, issues: &mut Vec<GridIssue>) -> BoxRows<'a> {
    issues.push(GridIssue {
        code: "table.missing_top",
        message: format!("box row without a top border: `{}`", clip(row.text)),
        start: row.start,
        end: row.end(),
    });
    BoxRows { boundaries: boundaries(row.text), rows: Vec::new(), closed: false }
}

fn unclosed(open: &BoxRows<'_>) -> GridIssue {
    GridIssue {
        code: "table.unclosed",
        message: "box has no bottom border: read up to its last row".to_owned(),
        start: open.start(),
        end: open.end(),
    }
}

/// Display positions of a row's characters that are neither horizontal lines nor text: the column boundaries.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut x = 0;
    for c in text.chars() {
        if is_box_char(c) && !is_horizontal(c) {
            out.push(x);
        }
        x += width(c);
    }
    out
}

/// A cell read from a box: grid position and the pieces of text written in it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GridCell {
    pub row: u32,
    pub col: u32,
    pub row_span: u32,
    pub col_span: u32,
    pub text: String,
    pub pieces: Vec<Piece>,
}

/// The cells of a box, and how many logical rows it has.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Grid {
    pub cells: Vec<GridCell>,
    pub rows: u32,
    pub columns: u32,
}

/// A segment of a content row: the columns it covers and its text without padding.
struct Segment<'a> {
    first_col: usize,
    last_col: usize,
    text: &'a str,
    start: usize,
}

/// Reads the cells of a box.
pub(crate) fn read_grid(b: &BoxRows<'_>, issues: &mut Vec<GridIssue>) -> Grid {
    let columns = b.columns().max(1);
    let mut cells: Vec<GridCell> = Vec::new();
    let mut open: Vec<Option<usize>> = vec![None; columns];
    let mut row: u32 = 0;
    // Whether a cell started in the current logical row: a rule row only begins a new row after one did.
    let mut row_started = false;
    for visual in &b.rows {
        match visual.kind {
            RowKind::Top => {}
            RowKind::Content => {
                for seg in segments(visual, &b.boundaries, issues) {
                    let span = (seg.last_col - seg.first_col + 1) as u32;
                    let fits = open[seg.first_col]
                        .filter(|&i| cells[i].col as usize == seg.first_col && cells[i].col_span == span);
                    // A cell of this logical row already covers part of the segment: the bars of the row do not
                    // line up with those above. The text goes into that cell rather than an overlapping one.
                    let same_row =
                        (seg.first_col..=seg.last_col).find_map(|col| open[col].filter(|&i| cells[i].row == row));
                    let index = match (fits, same_row) {
                        (Some(i), _) => i,
                        (None, Some(i)) => {
                            issues.push(GridIssue {
                                code: "table.misaligned_border",
                                message: format!(
                                    "the bars of a box row do not line up with the row above: `{}`",
                                    clip(visual.text)
                                ),
                                start: visual.start,
                                end: visual.end(),
                            });
                            i
                        }
                        (None, None) => {
                            // Cells spanning from rows above end at the row above.
                            for col in seg.first_col..=seg.last_col {
                                if let Some(i) = open[col] {
                                    close(&mut cells[i], row.saturating_sub(1), &mut open);
                                }
                            }
                            cells.push(GridCell {
                                row,
                                col: seg.first_col as u32,
                                row_span: 1,
                                col_span: span,
                                text: String::new(),
                                pieces: Vec::new(),
                            });
                            let i = cells.len() - 1;
                            row_started = true;
                            open[seg.first_col..=seg.last_col].iter_mut().for_each(|o| *o = Some(i));
                            i
                        }
                    };
                    if !seg.text.is_empty() {
                        let cell = &mut cells[index];
                        cell.text.push_str(seg.text);
                        cell.pieces.push(Piece { start: seg.start, end: seg.start + seg.text.len() });
                    }
                }
            }
            RowKind::Rule | RowKind::Bottom => {
                let ruled = ruled_columns(visual, &b.boundaries, visual.kind == RowKind::Bottom);
                let mut any = false;
                let mut closed = false;
                for (col, is_ruled) in ruled.iter().enumerate().take(columns) {
                    if *is_ruled {
                        any = true;
                        if let Some(i) = open[col] {
                            close(&mut cells[i], row, &mut open);
                            closed = true;
                        }
                    }
                }
                // A closed cell ends in this row, so what follows starts the next one.
                if closed || (any && row_started) {
                    row += 1;
                    row_started = false;
                }
            }
        }
    }
    // A box that never closed: whatever is still open ends at the last row read.
    let last = cells.iter().map(|c| c.row).max().unwrap_or(0);
    let mut still_open: Vec<usize> = open.iter().flatten().copied().collect();
    still_open.dedup();
    for i in still_open {
        close(&mut cells[i], last, &mut open);
    }
    let rows = cells.iter().map(|c| c.row + c.row_span).max().unwrap_or(0);
    cells.sort_by_key(|c| (c.row, c.col));
    Grid { cells, rows, columns: columns as u32 }
}

fn close(cell: &mut GridCell, row: u32, open: &mut [Option<usize>]) {
    cell.row_span = row.saturating_sub(cell.row) + 1;
    let first = cell.col as usize;
    let last = (first + cell.col_span as usize).min(open.len());
    open[first..last].iter_mut().for_each(|o| *o = None);
}

/// Which columns a rule row draws a horizontal line under. The bottom border closes every column.
fn ruled_columns(visual: &VisualRow<'_>, boundaries: &[usize], bottom: bool) -> Vec<bool> {
    let columns = boundaries.len().saturating_sub(1).max(1);
    if bottom {
        return vec![true; columns];
    }
    let mut ruled = vec![false; columns];
    let mut x = 0;
    for c in visual.text.chars() {
        if is_horizontal(c)
            && let Some(col) = column_at(boundaries, x)
        {
            ruled[col] = true;
        }
        x += width(c);
    }
    ruled
}

/// The column whose interior holds display position `x`.
fn column_at(boundaries: &[usize], x: usize) -> Option<usize> {
    let i = boundaries.partition_point(|&b| b <= x);
    (i >= 1 && i < boundaries.len()).then(|| i - 1)
}

/// Splits a content row at its vertical bars into segments, each mapped to the columns between the bars.
fn segments<'a>(visual: &VisualRow<'a>, boundaries: &[usize], issues: &mut Vec<GridIssue>) -> Vec<Segment<'a>> {
    let mut bars: Vec<(usize, usize, usize)> = Vec::new(); // (boundary index, byte start, byte end)
    let mut x = 0;
    for (i, c) in visual.text.char_indices() {
        if is_vertical(c) {
            match nearest_boundary(boundaries, x) {
                Some((b, exact)) => {
                    if !exact {
                        issues.push(GridIssue {
                            code: "table.misaligned_border",
                            message: format!(
                                "a `{c}` stands at display column {x}, off the column boundaries of its box"
                            ),
                            start: visual.start + i,
                            end: visual.start + i + c.len_utf8(),
                        });
                    }
                    bars.push((b, i, i + c.len_utf8()));
                }
                None => bars.push((boundaries.len().saturating_sub(1), i, i + c.len_utf8())),
            }
        }
        x += width(c);
    }
    // Text between two bars goes to the columns between them. A bar that does not move right of the one before (two
    // bars snapped to one boundary) stays text of its segment, and text before the first bar or after the last one
    // goes to the first or the last column: a misdrawn row loses nothing.
    let columns = boundaries.len().saturating_sub(1).max(1);
    let mut out = Vec::new();
    let mut push = |first_col: usize, last_col: usize, from: usize, to: usize| {
        let raw = &visual.text[from..to];
        let text = raw.trim_matches(is_blank);
        if first_col > last_col {
            return;
        }
        let lead = raw.len() - raw.trim_start_matches(is_blank).len();
        out.push(Segment { first_col, last_col, text, start: visual.start + from + lead });
    };
    let mut open: Option<(usize, usize)> = None; // (boundary index, byte offset after its bar)
    for &(b, bar_start, bar_end) in &bars {
        match open {
            None => {
                if !visual.text[..bar_start].trim_matches(is_blank).is_empty() {
                    push(0, b.saturating_sub(1).min(columns - 1), 0, bar_start);
                }
                open = Some((b, bar_end));
            }
            Some((b0, text_start)) if b > b0 => {
                push(b0.min(columns - 1), (b - 1).min(columns - 1), text_start, bar_start);
                open = Some((b, bar_end));
            }
            Some(_) => {}
        }
    }
    match open {
        Some((b0, text_start)) if !visual.text[text_start..].trim_matches(is_blank).is_empty() => {
            push(b0.min(columns - 1), columns - 1, text_start, visual.text.len());
        }
        None if !visual.text.trim_matches(is_blank).is_empty() => push(0, columns - 1, 0, visual.text.len()),
        _ => {}
    }
    out
}

/// The boundary nearest to `x`, and whether it is exactly there. Bars more than two columns off snap all the same:
/// losing the text of a misdrawn row would be worse than a warning.
fn nearest_boundary(boundaries: &[usize], x: usize) -> Option<(usize, bool)> {
    // Boundaries are sorted: the nearest is one of the two around `x` (a binary search keeps wide boxes linear).
    let after = boundaries.partition_point(|&b| b < x);
    [after.checked_sub(1), Some(after)]
        .into_iter()
        .flatten()
        .filter_map(|i| boundaries.get(i).map(|&b| (i, b)))
        .min_by_key(|&(_, b)| b.abs_diff(x))
        .map(|(i, b)| (i, b == x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_characters_read_from_their_bytes_have_their_width() {
        for c in '\u{2500}'..='\u{257F}' {
            let row = format!("{c}{c}");
            // A row as wide as both characters ends after the second.
            let two = 2 * width(c);
            assert_eq!(cut_row(&row, two), (row.len(), two), "{c:?}");
        }
    }

    #[test]
    fn a_dash_drawn_with_rule_characters_opens_no_box() {
        assert!(opens_box("┌──┬──┐"));
        assert!(opens_box("│甲│乙│"));
        assert!(opens_box("────┬────"));
        assert!(opens_box("────────"));
        assert!(!opens_box("─────数字技术适老化发展基础更加牢固。"));
        assert!(!opens_box("数字"));
    }

    fn read(text: &str) -> (Vec<Grid>, Vec<GridIssue>) {
        let mut issues = Vec::new();
        let mut w = None;
        let mut rows = Vec::new();
        let mut offset = 0;
        for line in text.split('\n') {
            let (r, rest) = split_rows(line, offset, &mut w, &mut issues);
            assert!(rest.is_none(), "unexpected text after the box: {rest:?}");
            rows.extend(r);
            offset += line.len() + 1;
        }
        let boxes = group_boxes(rows, &mut issues);
        let grids = boxes.iter().map(|b| read_grid(b, &mut issues)).collect();
        (grids, issues)
    }

    fn texts(grid: &Grid) -> Vec<(u32, u32, u32, u32, &str)> {
        grid.cells.iter().map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str())).collect()
    }

    #[test]
    fn rows_joined_on_one_line_are_cut_by_width() {
        let line = "┌──┬──┐\u{3000}\u{3000}│甲　│乙　│\u{3000}\u{3000}└──┴──┘";
        let (grids, issues) = read(line);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(texts(&grids[0]), [(0, 0, 1, 1, "甲"), (0, 1, 1, 1, "乙")]);
    }

    #[test]
    fn an_unruled_column_spans_rows_and_its_text_may_sit_in_any_of_them() {
        let text = "┌──┬──┐\n│　　│一　│\n│　　├──┤\n│类　│二　│\n│　　├──┤\n│　　│三　│\n└──┴──┘";
        let (grids, issues) = read(text);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(texts(&grids[0]), [(0, 0, 3, 1, "类"), (0, 1, 1, 1, "一"), (1, 1, 1, 1, "二"), (2, 1, 1, 1, "三")]);
        assert_eq!(grids[0].rows, 3);
    }

    #[test]
    fn content_rows_without_a_rule_between_are_one_wrapped_cell() {
        let text = "┌────┬──┐\n│比例　　│80│\n│（%）　│　　│\n└────┴──┘";
        let (grids, _) = read(text);
        assert_eq!(texts(&grids[0]), [(0, 0, 1, 1, "比例（%）"), (0, 1, 1, 1, "80")]);
        let piece = &grids[0].cells[0].pieces[1];
        assert_eq!(&text[piece.start..piece.end], "（%）");
    }

    #[test]
    fn a_missing_bar_makes_a_column_span() {
        let text = "┌──┬──┐\n│合计　　　│\n├──┼──┤\n│甲　│乙　│\n└──┴──┘";
        let (grids, _) = read(text);
        assert_eq!(texts(&grids[0]), [(0, 0, 1, 2, "合计"), (1, 0, 1, 1, "甲"), (1, 1, 1, 1, "乙")]);
    }

    #[test]
    fn bars_that_do_not_line_up_never_make_overlapping_cells() {
        // Found by the grid fuzz target: a headless box whose second row has a bar off the boundaries.
        let (grids, issues) = read("│\u{3000}\u{3000}│一\u{3000}│\n│㔀┐\u{3000}\u{3000}│");
        let mut seen = std::collections::HashSet::new();
        for cell in &grids[0].cells {
            for row in cell.row..cell.row + cell.row_span {
                for col in cell.col..cell.col + cell.col_span {
                    assert!(seen.insert((row, col)), "two cells at ({row}, {col}): {:?}", grids[0].cells);
                }
            }
        }
        assert!(issues.iter().any(|i| i.code == "table.misaligned_border"), "{issues:?}");
        let text: String = grids[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert!(text.contains('一') && text.contains('㔀'), "no text is lost: {text}");
    }

    #[test]
    fn two_rules_in_a_row_and_text_outside_the_bars_keep_cells_apart_and_text_whole() {
        // Found by the grid fuzz target: a rule row cut in two by width, and rows with text after their last bar.
        let text = "┌──┬──┐\n│\u{3000}\u{3000}│一:㔂\n│\u{3000}\u{3000}├┌──┬──┤\n│續H│\u{FFFD}\u{3000}";
        let (tables, _) = crate::read_grids(text);
        let mut seen = std::collections::HashSet::new();
        for cell in &tables[0].cells {
            for row in cell.row..cell.row + cell.row_span {
                for col in cell.col..cell.col + cell.col_span {
                    assert!(seen.insert((row, col)), "two cells at ({row}, {col}): {:?}", tables[0].cells);
                }
            }
        }
        let all: String = tables[0].cells.iter().map(|c| c.text.as_str()).collect();
        for piece in ["一:㔂", "續H", "\u{FFFD}"] {
            assert!(all.contains(piece), "{piece} is lost: {all}");
        }
    }

    #[test]
    fn odd_widths_are_padded_with_one_ascii_space() {
        let text = "┌───┐\n│R&D　 │\n└───┘";
        let (grids, issues) = read(text);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(grids[0].cells[0].text, "R&D");
    }

    #[test]
    fn ragged_and_unclosed_boxes_are_reported_and_read() {
        let text = "┌──┬──┐\n│甲　│乙　　│\n├──┼──┤\n│丙　│丁　│";
        let (grids, issues) = read(text);
        let codes: Vec<_> = issues.iter().map(|i| i.code).collect();
        assert!(codes.contains(&"table.ragged_row"), "{codes:?}");
        assert!(codes.contains(&"table.unclosed"), "{codes:?}");
        let cells: Vec<_> = grids[0].cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(cells, ["甲", "乙", "丙", "丁"]);
    }
}
