//! ASCII grid tables, as text tools draw them:
//!
//! ```text
//! +--------+----------+
//! | 指标   | 2025年   |
//! +========+==========+
//! | 产值   | 1000亿元 |
//! |        +----------+
//! |        | 以上     |
//! +--------+----------+
//! ```
//!
//! The grammar is the box-drawing one with other characters: the top border's `+` give the column boundaries in
//! display columns; every row has the border's display width; a content row's `|` stand on boundaries (a missing one
//! joins two columns); a rule row (`-` or `=` between `+`) closes the cells of the columns it rules and leaves the
//! others open (a row span); content rows with no rule between them are one cell wrapped over several lines.

use guihua_model::{Cell, Piece};

use crate::text::{is_blank, width};

/// Whether a line is an ASCII table border: `+---+---+`, `+===+`, `+:--+`.
pub(crate) fn is_border(content: &str) -> bool {
    content.len() >= 3
        && content.starts_with('+')
        && content.ends_with('+')
        && content.contains('-')
        && content.chars().all(|c| matches!(c, '+' | '-' | '=' | ':'))
}

/// A table read from lines: its cells, logical rows, and how many of the lines it took.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AsciiTable {
    pub cells: Vec<Cell>,
    pub rows: u32,
    pub columns: usize,
    /// Lines taken, the top border included.
    pub lines: usize,
    /// Whether the last line taken is a border (the table was closed).
    pub closed: bool,
}

fn is_rule(content: &str) -> bool {
    content.contains(['-', '='])
        && content.contains('+')
        && content.chars().all(|c| matches!(c, '+' | '-' | '=' | ':' | '|') || is_blank(c))
}

/// Display columns of each character of `text`: `(display column, byte offset, char)`.
fn columns_of(text: &str) -> Vec<(usize, usize, char)> {
    let mut column = 0;
    text.char_indices()
        .map(|(at, c)| {
            let here = column;
            column += width(c);
            (here, at, c)
        })
        .collect()
}

fn display_width(text: &str) -> usize {
    text.chars().map(width).sum()
}

/// Reads the table whose top border is `lines[0]`; `lines` are `(content, offset)` pairs, indentation removed. The
/// table ends before the first line that is not a row of its width.
pub(crate) fn read(lines: &[(&str, usize)]) -> Option<AsciiTable> {
    let &(border, _) = lines.first()?;
    if !is_border(border) {
        return None;
    }
    let boundaries: Vec<usize> =
        columns_of(border).into_iter().filter(|&(_, _, c)| c == '+').map(|(col, _, _)| col).collect();
    let total = display_width(border);
    let ncols = boundaries.len().checked_sub(1).filter(|&n| n > 0)?;
    let mut cells: Vec<Cell> = Vec::new();
    let mut open: Vec<Option<usize>> = vec![None; ncols];
    let mut row = 0u32;
    let mut taken = 1;
    let mut closed = false;
    for &(content, offset) in &lines[1..] {
        let is_row = content.starts_with(['|', '+']) && display_width(content) == total;
        if !is_row {
            break;
        }
        taken += 1;
        let chars = columns_of(content);
        let at_column = |column: usize| chars.iter().find(|&&(col, _, _)| col == column).map(|&(_, at, c)| (at, c));
        if is_rule(content) {
            let mut any = false;
            for (c, slot) in open.iter_mut().enumerate() {
                let inside = chars.iter().filter(|&&(col, _, _)| col > boundaries[c] && col < boundaries[c + 1]);
                let ruled = inside.clone().any(|&(_, _, ch)| matches!(ch, '-' | '='));
                if ruled {
                    if let Some(index) = slot.take() {
                        cells[index].row_span = row + 1 - cells[index].row;
                    }
                    any = true;
                }
            }
            closed = border_only(content);
            if any {
                row += 1;
            }
            continue;
        }
        closed = false;
        // The segments of this line: from one bar on a boundary to the next.
        let bars: Vec<usize> =
            (0..=ncols).filter(|&k| at_column(boundaries[k]).is_some_and(|(_, c)| c == '|')).collect();
        if bars.first() != Some(&0) || bars.last() != Some(&ncols) {
            taken -= 1;
            break;
        }
        for pair in bars.windows(2) {
            let (from, to) = (pair[0], pair[1]);
            let start = at_column(boundaries[from]).map_or(0, |(at, _)| at + 1);
            let end = at_column(boundaries[to]).map_or(content.len(), |(at, _)| at);
            let raw = &content[start..end];
            let text = raw.trim_matches(is_blank);
            let text_start = offset + start + (raw.len() - raw.trim_start_matches(is_blank).len());
            let index = match open[from] {
                Some(index) if cells[index].col_span as usize == to - from => index,
                _ => {
                    for slot in &mut open[from..to] {
                        if let Some(index) = slot.take() {
                            cells[index].row_span = (row + 1).saturating_sub(cells[index].row).max(1);
                        }
                    }
                    cells.push(Cell {
                        row,
                        col: from as u32,
                        row_span: 1,
                        col_span: (to - from) as u32,
                        text: String::new(),
                        pieces: Vec::new(),
                        line: 0, // set with the others in `cell_lines`
                    });
                    let index = cells.len() - 1;
                    open[from..to].iter_mut().for_each(|slot| *slot = Some(index));
                    index
                }
            };
            if !text.is_empty() {
                cells[index].text.push_str(text);
                cells[index].pieces.push(Piece { start: text_start, end: text_start + text.len() });
            }
        }
    }
    for index in open.into_iter().flatten() {
        cells[index].row_span = (row + 1).saturating_sub(cells[index].row).max(1);
    }
    cells.sort_by_key(|c| (c.row, c.col));
    cells.dedup_by_key(|c| (c.row, c.col));
    let rows = cells.iter().map(|c| c.row + c.row_span).max().unwrap_or(0);
    Some(AsciiTable { cells, rows, columns: ncols, lines: taken, closed })
}

/// A rule row drawn edge to edge with `+` at both ends: the bottom border when nothing follows.
fn border_only(content: &str) -> bool {
    content.starts_with('+') && content.ends_with('+')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> AsciiTable {
        let mut offset = 0;
        let lines: Vec<(&str, usize)> = text
            .lines()
            .map(|l| {
                let at = offset;
                offset += l.len() + 1;
                (l, at)
            })
            .collect();
        read(&lines).expect("a table")
    }

    fn texts(t: &AsciiTable) -> Vec<(u32, u32, u32, u32, &str)> {
        t.cells.iter().map(|c| (c.row, c.col, c.row_span, c.col_span, c.text.as_str())).collect()
    }

    #[test]
    fn a_grid_with_a_header_rule_a_wrapped_cell_and_a_row_span() {
        let text = "+--------+----------+\n| 指标   | 2025年   |\n+========+==========+\n| 产值   | 1000亿元 |\n|        +----------+\n|        | 以上     |\n+--------+----------+\n| 研发投 | 3%       |\n| 入强度 |          |\n+--------+----------+\n正文";
        let t = table(text);
        assert_eq!(t.lines, 10);
        assert!(t.closed);
        assert_eq!((t.rows, t.columns), (4, 2));
        assert_eq!(
            texts(&t),
            [
                (0, 0, 1, 1, "指标"),
                (0, 1, 1, 1, "2025年"),
                (1, 0, 2, 1, "产值"),
                (1, 1, 1, 1, "1000亿元"),
                (2, 1, 1, 1, "以上"),
                (3, 0, 1, 1, "研发投入强度"),
                (3, 1, 1, 1, "3%"),
            ]
        );
        for cell in &t.cells {
            let joined: String = cell.pieces.iter().map(|p| &text[p.start..p.end]).collect();
            assert_eq!(joined, cell.text);
        }
    }

    #[test]
    fn a_missing_bar_joins_columns_and_a_ragged_row_ends_the_table() {
        let t = table("+----+----+\n|合计项目 |\n+----+----+\n| a  | b  |\n| too long |  x\n");
        assert_eq!(texts(&t), [(0, 0, 1, 2, "合计项目"), (1, 0, 1, 1, "a"), (1, 1, 1, 1, "b")]);
        assert_eq!(t.lines, 4, "the ragged line is left to the text");
        assert!(!t.closed);
        assert!(!is_border("+"));
        assert!(!is_border("+++"));
        assert!(is_border("+--+"));
    }
}
