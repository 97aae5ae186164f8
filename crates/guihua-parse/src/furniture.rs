//! The furniture pass: lines that export tools and web pages add around a document, which are not its text.
//!
//! - banners of legal databases: `【法宝引证码】 CLI.11.1535062`, `原文链接：https://…`;
//! - archive codes and newspaper mastheads among the first three lines (`分类号:BH6 6`, `云南日报 / 2 0 0 1年 / … 版 /`);
//! - HTML comments on a line of their own (`<!-- INFO END -->`) and Markdown front matter (`---` … `---` at the top),
//!   and a scraper's note quoted above a Markdown title (`> 本文正文由脚本…提取`);
//! - the underlines of Markdown setext headings (`第一章　总则` / `------`);
//! - a licence block after the last sentence (`本作品是中华人民共和国的法律、法规…属于公有领域。`, a wiki's notice):
//!   from the first line in the last 150 lines that names a licence to the end, when no heading follows it.
//!
//! Furniture lines read as blank lines (so nothing joins across them); the builder reports each block in a
//! `layout.furniture` diagnostic, so the text is never silently lost.

use crate::heading;
use crate::text::{Line, is_blank};

/// A run of furniture lines: the first and last line index (inclusive) and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    pub first: usize,
    pub last: usize,
    pub what: &'static str,
}

/// Words that only a licence notice uses.
const LICENCE: [&str; 7] =
    ["公有领域", "本作品", "版权失效", "知识共享", "Creative Commons", "Public domain", "维基文库"];

/// The furniture blocks of a document, in order.
pub(crate) fn blocks(lines: &[Line<'_>]) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some(block) = front_matter(lines) {
        out.push(block);
    }
    let from = out.last().map_or(0, |b| b.last + 1);
    if let Some(block) = top_quote(lines, from) {
        out.push(block);
    }
    let from = out.last().map_or(0, |b| b.last + 1);
    // Archive codes and newspaper mastheads above a document's title: among its first three lines.
    let top: Vec<usize> = (from..lines.len()).filter(|&i| !lines[i].content().0.is_empty()).take(3).collect();
    for &i in &top {
        if is_archive_line(lines[i].content().0) {
            out.push(Block { first: i, last: i, what: "archive line" });
        }
    }
    for (i, line) in lines.iter().enumerate().skip(from) {
        let content = line.content().0;
        let banner = content.starts_with("【法宝引证码】")
            || content.starts_with("原文链接：")
            || content.starts_with("原文链接:")
            || (content.starts_with("<!--") && content.ends_with("-->"));
        if banner {
            out.push(Block { first: i, last: i, what: "banner" });
        } else if i > from && is_setext_underline(content, lines[i - 1].content().0) {
            out.push(Block { first: i, last: i, what: "Markdown heading underline" });
        }
    }
    if let Some(block) = trailing_licence(lines) {
        out.retain(|b| b.last < block.first);
        out.push(block);
    }
    out
}

/// The `setext_underline` rule: a line of three `=` or `-` or more right under a line of text (60 characters at
/// most, not ending a sentence or clause) underlines it as a Markdown heading (`第一章　总则` / `------------`), as
/// CommonMark reads it: markup, not a thematic break (which a blank line parts from the text above) nor a page break.
fn is_setext_underline(content: &str, above: &str) -> bool {
    let underline = content.len() >= 3 && (content.bytes().all(|b| b == b'=') || content.bytes().all(|b| b == b'-'));
    underline
        && !above.is_empty()
        && above.chars().nth(60).is_none()
        && !above.ends_with(['。', '；', '，', '：', '！', '？'])
        && !above.bytes().all(|b| matches!(b, b'=' | b'-' | b'*' | b'_' | b' ' | b'|' | b'+'))
}

/// The `archive_line` rule: a classification or index code (`分类号:BH6 6`, `索引号：…`) or a newspaper masthead
/// (`云南日报 / 2 0 0 1年 / 0 2月 / 2 0日 / 第 A0 1版 /`: fields split by ` / `, a page `版`), which archives print
/// above a document's title.
fn is_archive_line(content: &str) -> bool {
    let code = ["分类号", "索引号", "档号"]
        .iter()
        .any(|k| content.strip_prefix(k).is_some_and(|rest| rest.trim_start().starts_with([':', '：'])));
    let masthead = content.matches(" / ").count() >= 3 && content.contains('版') && content.contains('报');
    (code && content.chars().count() <= 40) || (masthead && content.chars().count() <= 80)
}

/// Markdown front matter: `---` as the first non-blank line, YAML lines, and a closing `---` within 30 lines. A YAML
/// line is `key: value` with a key of one word (`title`, `标题`, `发布日期`; a full-width `：` too), a list entry
/// (`- 环境`) or an indented continuation.
fn front_matter(lines: &[Line<'_>]) -> Option<Block> {
    let first = lines.iter().position(|l| !l.content().0.is_empty())?;
    if lines[first].content().0 != "---" {
        return None;
    }
    let close = lines.iter().enumerate().skip(first + 1).take(30).find(|(_, l)| l.content().0 == "---")?.0;
    let keyed = lines[first + 1..close].iter().filter(|l| !l.content().0.is_empty()).all(|l| {
        let content = l.content().0;
        let key = content.split_once([':', '：']).map(|(key, _)| key);
        let one_word = key.is_some_and(|key| {
            !key.is_empty()
                && key.chars().count() <= 20
                && key.chars().all(|k| k.is_alphanumeric() || k == '_' || k == '-')
        });
        one_word || content.starts_with("- ") || l.is_indented()
    });
    keyed.then_some(Block { first, last: close, what: FRONT_MATTER })
}

/// What a front matter block is called.
pub(crate) const FRONT_MATTER: &str = "front matter";

/// The byte range of the value of a front matter's `title:` key, quotes left out: the title of a Markdown page that
/// sets it there only.
pub(crate) fn front_matter_title(block: &[Line<'_>]) -> Option<(usize, usize)> {
    block.iter().find_map(|line| {
        let (content, offset) = line.content();
        let value = content.strip_prefix("title")?.trim_start_matches(is_blank).strip_prefix([':', '：'])?;
        let value = value.trim_matches(is_blank);
        let value = value.strip_prefix(['"', '\'']).and_then(|v| v.strip_suffix(['"', '\''])).unwrap_or(value);
        let at = offset + (value.as_ptr() as usize - content.as_ptr() as usize);
        (1..=80).contains(&value.chars().count()).then_some((at, at + value.len()))
    })
}

/// A scraper's note quoted above a Markdown document's title (`> 本文正文由脚本自…页面提取，仅供检索查阅`): Markdown
/// quote lines from the first line (after front matter) on, when the next line of text after them is a `#` heading.
fn top_quote(lines: &[Line<'_>], from: usize) -> Option<Block> {
    let first = (from..lines.len()).find(|&i| !lines[i].content().0.is_empty())?;
    if !lines[first].content().0.starts_with('>') {
        return None;
    }
    let last = (first..lines.len())
        .take_while(|&i| lines[i].content().0.is_empty() || lines[i].content().0.starts_with('>'))
        .filter(|&i| !lines[i].content().0.is_empty())
        .last()?;
    let titled = lines[last + 1..].iter().map(|l| l.content().0).find(|c| !c.is_empty())?.starts_with("# ");
    titled.then_some(Block { first, last, what: "quoted note" })
}

/// A licence notice after the last sentence: the first line among the last 150 non-blank ones that names a licence,
/// to the end, when no numbered heading stands after it.
fn trailing_licence(lines: &[Line<'_>]) -> Option<Block> {
    let non_blank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].content().0.is_empty()).collect();
    let tail = &non_blank[non_blank.len().saturating_sub(150)..];
    // A notice's lines are short (its links split it); a paragraph of the document is not read through.
    let first = *tail.iter().find(|&&i| {
        let content = lines[i].content().0;
        content.len() <= 300 && LICENCE.iter().any(|w| content.contains(w))
    })?;
    // Only the tail of the document: a licence named in the middle of the text is text.
    if first * 10 < lines.len() * 7 {
        return None;
    }
    let headings_after =
        tail.iter().filter(|&&i| i > first).any(|&i| heading::numbered(lines[i].content().0).is_some());
    (!headings_after).then_some(Block { first, last: lines.len() - 1, what: "licence notice" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn found(text: &str) -> Vec<(usize, usize, &'static str)> {
        let lines: Vec<Line<'_>> = lines(text).collect();
        blocks(&lines).into_iter().map(|b| (b.first, b.last, b.what)).collect()
    }

    #[test]
    fn banners_comments_and_front_matter() {
        let text = "    【法宝引证码】 CLI.11.1535062\n原文链接：https://example/1.html\n某某管理办法\n第一条 为了规范，制定本办法。\n";
        assert_eq!(found(text), [(0, 0, "banner"), (1, 1, "banner")]);
        assert_eq!(found("# 条例\n\n<!-- INFO END -->\n\n第一条 正文。\n"), [(2, 2, "banner")]);
        assert_eq!(found("---\ntitle: 条例\ndate: 2020-01-01\n---\n第一条 正文。\n"), [(0, 3, "front matter")]);
        assert!(found("---\n第一条 正文。\n---\n").is_empty(), "a rule is no front matter");
        // Keys in Chinese, a full-width colon, a list.
        let text = "---\n标题: 关于印发某办法的通知\n发布日期：2024-10-28\ntags:\n  - 交通\n- 安全\n---\n\n# 通知\n";
        assert_eq!(found(text), [(0, 6, "front matter")]);
        assert!(found("---\n各区人民政府，市政府各委、办、局：\n---\n").is_empty(), "an addressee line is no key");
        // A scraper's note quoted above the title.
        let text = "---\ntitle: 通知\n---\n\n> 本文正文由脚本提取，仅供检索查阅\n> 依法属于公有领域。\n\n# 关于某事的通知\n正文。\n";
        assert_eq!(found(text), [(0, 2, "front matter"), (4, 5, "quoted note")]);
        assert!(found("> 引言一句。\n正文。\n").is_empty(), "a quote with no title after it is text");
    }

    #[test]
    fn setext_underlines_are_markup() {
        let text = "中华人民共和国治安管理处罚法\n==========\n\n目录\n----\n第一章　总则\n第一章　总则\n------------\n第一条　为了维护社会治安秩序，制定本法。\n";
        assert_eq!(
            found(text),
            [
                (1, 1, "Markdown heading underline"),
                (4, 4, "Markdown heading underline"),
                (7, 7, "Markdown heading underline")
            ]
        );
        // A break after a blank line, a table's rule, and a line of dashes under another are no underlines.
        assert!(found("正文。\n\n----\n正文。\n").is_empty());
        assert!(found("| 甲 | 乙 |\n|---|---|\n").is_empty());
        assert!(found("----\n----\n").is_empty());
    }

    #[test]
    fn archive_codes_and_mastheads_above_the_title() {
        let text = "分类号:BH6 6\n云南日报 / 2 0 0 1年 / 0 2月 / 2 0日 / 第 A0 1版 /\n云南省国民经济和社会发展第十个五年计划纲要\n正文。\n";
        assert_eq!(found(text), [(0, 0, "archive line"), (1, 1, "archive line")]);
        // Further down, or a sentence that names a code, it is text.
        assert!(found("标题\n正文。\n一、甲\n分类号:BH6 6\n").is_empty());
        assert!(found("分类号应当按照国家标准编制。\n").is_empty());
    }

    #[test]
    fn a_licence_after_the_last_sentence() {
        let body = "一、总体要求\n正文。\n".repeat(20);
        let text = format!("{body}\n本作品是中华人民共和国的\n法律\n，属于\n公有领域\n。\n");
        let lines_count = text.lines().count();
        assert_eq!(found(&text), [(40 + 1, lines_count - 1, "licence notice")]);
        // A licence named in the text, with headings after it, is text.
        let text = format!("一、甲\n作品进入公有领域的条件。\n{body}");
        assert!(found(&text).is_empty());
    }
}
