//! The markup pass: HTML that web exports and static-site Markdown leave in the text (the `html_markup` rule).
//!
//! A law site built with VuePress writes each article as `<p id="t1">&emsp;&emsp;<b>第一条</b>&emsp;为…。<br>` and
//! its chapters as `## 第一章&emsp;总&emsp;则{align="center"}`; a scraper may keep a whole notice in one Markdown table
//! cell, its lines joined with `<br>`. In a document with such markup (three HTML tags or blank entities such as
//! `&emsp;` or more):
//!
//! - block tags (`<p>`, `</p>`, `<br>`, `<div>`, `<li>`, `<h2>`, …) end a line: the text between them are lines of
//!   their own, except in a row of a pipe table of two columns or more, whose `<br>` break lines inside a cell;
//! - inline tags (`<b>`, `</strong>`, `<span …>`, …) and blank entities (`&emsp;`, `&nbsp;`, `&#12288;`) that open or
//!   close a line are left out of it, as indentation and padding are; blank entities that open it indent it;
//! - a heading number set apart by an inline tag and blanks (`<b>第一条</b>&emsp;为…`) is cut from the text after it,
//!   as a line of its own;
//! - a Markdown attribute list closing a line (`{align="center"}`) is left out too;
//! - VuePress container fences (`:::`, `::: tip 修订信息`), `[[toc]]` and `@tab …` lines are no text.
//!
//! Lines stay slices of the source, so spans stay byte offsets. Markup inside a sentence (`提高<b>质量</b>水平`) is
//! kept in the text: it is rare, and a slice cannot leave it out.

use crate::heading;
use crate::text::{Line, is_blank};

/// Tags that end a line.
const BLOCK_TAGS: [&str; 18] = [
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "center", "hr", "tr", "td", "th", "section",
];

/// Tags that mark up text inside a line.
const INLINE_TAGS: [&str; 13] =
    ["b", "strong", "span", "i", "em", "u", "font", "a", "sup", "sub", "small", "big", "mark"];

/// Entities that stand for a blank.
const BLANK_ENTITIES: [&str; 8] =
    ["&emsp;", "&ensp;", "&nbsp;", "&thinsp;", "&#12288;", "&#160;", "&#8195;", "&#x3000;"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// Text, from and to a byte offset in the line.
    Text(usize, usize),
    /// A blank: a blank character or a blank entity.
    Blank(usize, usize),
    /// An inline tag; whether it closes (`</b>`).
    Inline(usize, usize, bool),
    /// A block tag.
    Block(usize, usize),
}

/// `text` without the blanks and blank entities (`&emsp;`) that open it.
pub(crate) fn trim_blanks_start(text: &str) -> &str {
    let mut rest = text.trim_start_matches(is_blank);
    while rest.starts_with('&')
        && let Some(entity) = BLANK_ENTITIES.iter().find(|e| rest.starts_with(**e))
    {
        rest = rest[entity.len()..].trim_start_matches(is_blank);
    }
    rest
}

/// Whether the text carries HTML markup: three known tags or blank entities or more. One pass over the bytes for
/// `<` and `&`.
pub(crate) fn has_markup(text: &str) -> bool {
    memchr::memchr2_iter(b'<', b'&', text.as_bytes())
        .filter(|&at| {
            let rest = &text[at..];
            tag(rest).is_some() || BLANK_ENTITIES.iter().any(|e| rest.starts_with(e))
        })
        .nth(2)
        .is_some()
}

/// The lines with their markup read (see the module): more lines than before where block tags cut them.
pub(crate) fn markup_lines<'a>(lines: &[Line<'a>]) -> Vec<Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    for &line in lines {
        if !line.text.contains(['<', '&', '{', ':', '[', '@']) {
            out.push(line);
            continue;
        }
        if is_site_syntax(line.text.trim_matches(is_blank)) {
            out.push(Line { text: &line.text[..0], ..line });
            continue;
        }
        // A row of a pipe table of two columns or more keeps its `<br>`: they break lines inside a cell
        // (`| 年份 | 全市机动车<br>总量<br>（万辆） |`). A table of one cell may hold a whole document.
        let trimmed = line.text.trim_matches(is_blank);
        if trimmed.starts_with('|') && trimmed.matches('|').nth(2).is_some() {
            out.push(line);
            continue;
        }
        let tokens = tokens(line.text);
        let markup = |t: &Token| match *t {
            Token::Inline(..) | Token::Block(..) => true,
            Token::Blank(a, b) => line.text[a..b].contains('&'),
            Token::Text(..) => false,
        };
        if !tokens.iter().any(markup) {
            out.push(line);
            continue;
        }
        let before = out.len();
        let mut segment: Vec<Token> = Vec::new();
        for token in tokens.into_iter().chain(std::iter::once(Token::Block(line.text.len(), line.text.len()))) {
            if let Token::Block(..) = token {
                push_segment(line, &segment, &mut out);
                segment.clear();
            } else {
                segment.push(token);
            }
        }
        if out.len() == before {
            // A line of nothing but markup reads as a blank line.
            out.push(Line { text: &line.text[..0], ..line });
        }
    }
    out
}

/// VuePress syntax on a line of its own: container fences (`:::`, `::: tip 修订信息`, `::: details 目录`), `[[toc]]`,
/// `@tab 章节`.
fn is_site_syntax(text: &str) -> bool {
    let fence = text.strip_prefix(":::").is_some_and(|rest| {
        rest.is_empty() || (rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| c.is_ascii_alphabetic()))
    });
    fence || text == "[[toc]]" || text.strip_prefix("@tab").is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// Pushes the line a segment of tokens makes, its leading and trailing markup left out; a heading number an inline
/// tag and blanks set apart is a line of its own.
fn push_segment<'a>(line: Line<'a>, segment: &[Token], out: &mut Vec<Line<'a>>) {
    let is_text = |t: &Token| matches!(t, Token::Text(..));
    let (Some(first), Some(last)) = (segment.iter().position(is_text), segment.iter().rposition(is_text)) else {
        return;
    };
    let indented = line.is_indented() || segment[..first].iter().any(|t| matches!(t, Token::Blank(..)));
    let start = |t: &Token| match *t {
        Token::Text(a, _) | Token::Blank(a, _) | Token::Inline(a, _, _) | Token::Block(a, _) => a,
    };
    let end = |t: &Token| match *t {
        Token::Text(_, b) | Token::Blank(_, b) | Token::Inline(_, b, _) | Token::Block(_, b) => b,
    };
    let mut from = start(&segment[first]);
    let to = attribute_list_start(&line.text[from..end(&segment[last])]).map_or(end(&segment[last]), |at| from + at);
    // `<b>第一条</b>&emsp;为…`: the number, a closing inline tag, blanks, then text.
    if let [Token::Text(a, b), Token::Inline(_, _, true), rest @ ..] = &segment[first..=last]
        && heading::numbered(&line.text[*a..*b]).is_some_and(|n| n.title.is_empty() && n.body.is_none())
        && let Some(next) = rest.iter().position(is_text)
        && rest[..next].iter().any(|t| matches!(t, Token::Blank(..)))
    {
        out.push(slice(line, *a, *b, indented));
        from = start(&rest[next]);
    }
    out.push(slice(line, from, to.max(from), indented && from == start(&segment[first])));
}

fn slice<'a>(line: Line<'a>, from: usize, to: usize, indented: bool) -> Line<'a> {
    Line { text: &line.text[from..to], start: line.start + from, indent_line: indented, block_rest: false }
}

/// Where a Markdown attribute list closing `text` starts (`{align="center"}`, `{#id .class}`).
fn attribute_list_start(text: &str) -> Option<usize> {
    let inner = text.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let list = &inner[open + 1..];
    let attributes = list.contains('=') || list.starts_with(['#', '.']);
    (attributes && list.len() <= 80 && !list.contains(['{', '}'])).then_some(open)
}

/// The tokens of a line: text, blanks, tags. `<` that opens no known tag and `&` that opens no blank entity are text.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    let push_text = |out: &mut Vec<Token>, from: usize, to: usize| {
        if from < to {
            out.push(Token::Text(from, to));
        }
    };
    while i < bytes.len() {
        let found =
            match bytes[i] {
                b'<' => tag(&text[i..]).map(|(len, block, closing)| {
                    if block { Token::Block(i, i + len) } else { Token::Inline(i, i + len, closing) }
                }),
                b'&' => {
                    BLANK_ENTITIES.iter().find(|e| text[i..].starts_with(**e)).map(|e| Token::Blank(i, i + e.len()))
                }
                _ => None,
            };
        match found {
            Some(token) => {
                push_text(&mut out, text_from, i);
                i = match token {
                    Token::Text(_, b) | Token::Blank(_, b) | Token::Inline(_, b, _) | Token::Block(_, b) => b,
                };
                out.push(token);
                text_from = i;
            }
            None => {
                // Blank characters next to markup count with it; elsewhere they are text.
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
            }
        }
    }
    push_text(&mut out, text_from, text.len());
    // Blank characters at the edges of text next to markup are blanks (`<b>第一条</b>　为…`).
    let mut split = Vec::with_capacity(out.len());
    for token in out {
        match token {
            Token::Text(a, b) => {
                let inner = &text[a..b];
                let lead = inner.len() - inner.trim_start_matches(is_blank).len();
                let trail = inner.len() - inner.trim_end_matches(is_blank).len();
                if lead == inner.len() {
                    split.push(Token::Blank(a, b));
                    continue;
                }
                if lead > 0 {
                    split.push(Token::Blank(a, a + lead));
                }
                split.push(Token::Text(a + lead, b - trail));
                if trail > 0 {
                    split.push(Token::Blank(b - trail, b));
                }
            }
            other => split.push(other),
        }
    }
    split
}

/// A known HTML tag at the start of `text`: its length, whether it is a block tag, whether it closes.
fn tag(text: &str) -> Option<(usize, bool, bool)> {
    let rest = text.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = rest[..name_len].to_ascii_lowercase();
    let after = &rest[name_len..];
    // The name ends at `>`, `/>` or a blank before attributes.
    if name.is_empty() || !(after.starts_with(['>', '/', ' '])) {
        return None;
    }
    let end = after.find('>').filter(|&e| e <= 200 && !after[..e].contains(['<', '\n']))?;
    let len = text.len() - after.len() + end + 1;
    if BLOCK_TAGS.contains(&name.as_str()) {
        Some((len, true, closing))
    } else if INLINE_TAGS.contains(&name.as_str()) {
        Some((len, false, closing))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn texts(text: &str) -> Vec<(String, bool)> {
        let physical: Vec<Line<'_>> = lines(text).collect();
        markup_lines(&physical).iter().map(|l| (l.text.to_owned(), l.is_indented())).collect()
    }

    #[test]
    fn block_tags_cut_lines_and_edge_markup_is_left_out() {
        let found = texts(concat!(
            "<p id=\"t2\">&emsp;&emsp;<b>第二条</b>&emsp;本办法适用于境内转移危险废物的活动。<br>\n",
            "&emsp;&emsp;转移符合豁免要求的危险废物的，按照国家相关规定实行豁免管理。</p>\n",
        ));
        assert_eq!(
            found,
            [
                ("第二条".to_owned(), true),
                ("本办法适用于境内转移危险废物的活动。".to_owned(), false),
                ("转移符合豁免要求的危险废物的，按照国家相关规定实行豁免管理。".to_owned(), true),
            ]
        );
    }

    #[test]
    fn attribute_lists_fences_and_a_table_cell_of_lines() {
        assert_eq!(texts("## 第一章&emsp;总&emsp;则{align=\"center\"}\n")[0].0, "## 第一章&emsp;总&emsp;则");
        assert_eq!(texts("::: tip 修订信息\n")[0].0, "");
        assert_eq!(texts(":::\n")[0].0, "");
        assert_eq!(texts("[[toc]]\n")[0].0, "");
        let cell = texts("| # 某某通知<br>国能发法改〔2024〕93号<br>一、新型经营主体的概念和范围。新型经营主体是… |\n");
        let cell: Vec<&str> = cell.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(cell, ["| # 某某通知", "国能发法改〔2024〕93号", "一、新型经营主体的概念和范围。新型经营主体是… |"]);
        let row = "| 年份 | 全市机动车<br>总量<br>（万辆） | 增长率 |";
        assert_eq!(texts(&format!("{row}\n"))[0].0, row);
    }

    #[test]
    fn text_that_only_looks_like_markup_stays() {
        // `<` before no known tag, `&` before no blank entity, markup inside a sentence.
        assert_eq!(texts("指标<5%且A&amp;B\n")[0].0, "指标<5%且A&amp;B");
        assert_eq!(texts("提高<b>质量</b>水平。\n")[0].0, "提高<b>质量</b>水平。");
        assert_eq!(texts("《中国制造2025》<中文版>\n")[0].0, "《中国制造2025》<中文版>");
        assert!(!has_markup("一、总体要求\n（一）指导思想：指标<5%，A&B。\n"));
        assert!(has_markup("<p>甲</p>\n<p>乙</p>\n"));
    }
}
