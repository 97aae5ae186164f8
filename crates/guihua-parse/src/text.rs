//! Physical lines, spans and display widths.

use guihua_model::Span;
use unicode_width::UnicodeWidthChar;

/// Byte offsets of line starts, to turn byte ranges into [`Span`]s with line numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The 0-based line of the last lookup: the parser asks in source order, so most lookups are answered from here
    /// or the next line without a search, which keeps documents of many lines linear.
    hint: std::cell::Cell<usize>,
}

impl LineIndex {
    /// Indexes `text`, counting CRLF, a bare CR and a bare LF each as one line end.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(lines(text).skip(1).map(|line| line.start));
        LineIndex { starts, hint: std::cell::Cell::new(0) }
    }

    /// The 1-based line that byte `offset` falls on.
    pub fn line_of(&self, offset: usize) -> u32 {
        let on = |i: usize| {
            self.starts.get(i).is_some_and(|&s| s <= offset) && self.starts.get(i + 1).is_none_or(|&next| offset < next)
        };
        let hint = self.hint.get();
        let line = if on(hint) {
            hint
        } else if on(hint + 1) {
            hint + 1
        } else {
            self.starts.partition_point(|&start| start <= offset).saturating_sub(1)
        };
        self.hint.set(line);
        u32::try_from(line + 1).unwrap_or(u32::MAX)
    }

    /// The span of `start..end`; an empty range lies on the line of `start`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let end = end.max(start);
        let line = self.line_of(start);
        let end_line = if end > start { self.line_of(end - 1) } else { line };
        Span { start, end, line, end_line }
    }
}

/// A physical line: its text without the line end, and where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The text, without the line end.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Whether a line of nothing but indentation stands right before this flush-left line, which then counts as
    /// indented (some exports put a paragraph's indentation on a line of its own).
    pub indent_line: bool,
    /// Whether this flush-left line goes on the paragraph that an indentation line opened (the `detached_indent`
    /// rule of the logical-lines pass): the export broke the paragraph at emphasis or link markup, not at a sentence.
    pub block_rest: bool,
}

impl<'a> Line<'a> {
    /// Whether the line is indented: it opens with blanks, or the line before it was its indentation.
    pub fn is_indented(&self) -> bool {
        self.indent_line || self.text.starts_with(is_blank)
    }

    /// The text without indentation and trailing white space, with its byte offset.
    pub fn content(&self) -> (&'a str, usize) {
        let trimmed_start = self.text.trim_start_matches(is_blank);
        let offset = self.start + (self.text.len() - trimmed_start.len());
        (trimmed_start.trim_end_matches(is_blank), offset)
    }
}

/// Splits `text` into physical lines at CRLF, a bare CR or a bare LF. A final line end yields no empty last line.
pub fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let rest = &bytes[start..];
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(i) => {
                let end = start + i;
                pos = end + 1;
                if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    pos += 1;
                }
                Some(Line { text: &text[start..end], start, indent_line: false, block_rest: false })
            }
            None => {
                pos = bytes.len();
                Some(Line { text: &text[start..], start, indent_line: false, block_rest: false })
            }
        }
    })
}

/// White space that pads and indents plan text: ASCII space and tab, the form feed of a page break, U+3000 (全角空格),
/// the typographic spaces U+2000–U+200B (EN SPACE, zero-width space, …), the zero-width (non-)joiners U+200C and
/// U+200D and the word joiner U+2060 (web pages scatter them; Chinese text joins nothing with them), NBSP and the BOM
/// as a zero-width no-break space.
pub fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{000C}' | '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// Display columns of `c` in a CJK terminal: East Asian Wide, Full-width and Ambiguous characters (box drawing
/// among them) take 2, other printable characters 1, control and zero-width characters 0.
pub fn width(c: char) -> usize {
    if c.is_ascii() {
        return usize::from(!c.is_ascii_control());
    }
    // The blocks plan text is made of, without a table lookup: box drawing, CJK punctuation, ideographs, full-width
    // forms (the test below checks them against the tables).
    if matches!(c, '\u{2500}'..='\u{254B}' | '\u{2550}'..='\u{2574}' | '\u{3000}'..='\u{3029}' | '\u{3030}'..='\u{303E}' | '\u{4E00}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF60}')
    {
        return 2;
    }
    c.width_cjk().unwrap_or(0)
}

/// The largest character boundary of `text` at or before byte `at` (`at` at most the length).
pub(crate) fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_the_common_blocks_agree_with_the_tables() {
        for range in
            ['\u{2400}'..='\u{25FF}', '\u{3000}'..='\u{303F}', '\u{4E00}'..='\u{9FFF}', '\u{FF00}'..='\u{FF65}']
        {
            for c in range {
                assert_eq!(width(c), c.width_cjk().unwrap_or(0), "{c:?}");
            }
        }
    }

    #[test]
    fn lines_split_on_crlf_cr_and_lf() {
        let text = "一\r\n二\r三\n四";
        let got: Vec<_> = lines(text).map(|l| (l.text, l.start)).collect();
        assert_eq!(got, [("一", 0), ("二", 5), ("三", 9), ("四", 13)]);
        let index = LineIndex::new(text);
        assert_eq!(index.line_of(0), 1);
        assert_eq!(index.line_of(9), 3);
        assert_eq!(index.span(13, 16), Span { start: 13, end: 16, line: 4, end_line: 4 });
        assert_eq!(index.span(0, 16).end_line, 4);
    }

    #[test]
    fn content_drops_indentation_and_padding() {
        let line =
            Line {
                text: "\u{3000}\u{3000}一、总体要求 \u{3000}", start: 10, indent_line: false, block_rest: false
            };
        assert_eq!(line.content(), ("一、总体要求", 16));
        // A salutation with a zero-width joiner a web page left after it.
        let line = Line { text: "各位代表：\u{200D}", start: 0, indent_line: false, block_rest: false };
        assert_eq!(line.content(), ("各位代表：", 0));
    }

    #[test]
    fn widths_follow_east_asian_width_with_ambiguous_wide() {
        assert_eq!(width('a'), 1);
        assert_eq!(width('规'), 2);
        assert_eq!(width('│'), 2);
        assert_eq!(width('\u{3000}'), 2);
        assert_eq!(width('•'), 2);
        assert_eq!(width('\u{200B}'), 0);
    }
}
