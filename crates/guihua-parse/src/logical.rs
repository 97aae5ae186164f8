//! The logical-lines pass: physical lines in, the lines the builder reads out.
//!
//! Real files do not always put one heading or paragraph on one line. Text copied from PDF and OCR glues a heading to
//! the next heading or to its first paragraph (`第一篇  X     第一章  Y     正文`), or to the end of the sentence before
//! it (`…体系。（二）加快…`); a chapter line may also carry its first article (`第一章 总则 第一条 为了…`). This pass cuts
//! such lines into several logical lines, each a slice of the source (so spans stay byte offsets into it), and each
//! piece is then read by the builder as a line of its own, which may be cut again.
//!
//! The `glued_heading` heuristic decides where to cut:
//! - after a run of two or more blanks (ASCII spaces, U+3000, NBSP …) when what follows reads as a heading number
//!   that starts a numbering (1) or continues the numbering of its style seen so far at line starts;
//! - after a sentence end (`。！？；`) when what follows is a heading number that continues its style, or a first one
//!   whose short title ends the line (`…如下。（一）甲；（二）乙` mid-line is an inline list), with a `heading.glued`
//!   warning, since a heading in the middle of a line usually means the source lost a line break;
//! - after a chapter, section or part heading when what follows (after any blank) is an article `第N条`, and after a
//!   sentence end when an article goes on with the numbering and a blank sets it off (`…方式。 第十条 麻醉…`);
//! - at the very end of a line, after any character, a continuing number whose short title (15 characters, no
//!   punctuation) ends the line (`…两部分组成，（三）基础共性标准`), with a `heading.glued` warning.
//!
//! The piece after a blank run keeps the blanks before it, so that it reads as an indented line. And the
//! `indent_line` rule: a line of nothing but indentation marks the flush-left line after it as indented, as some
//! exports (government work reports among them) write every paragraph so. When such a line follows a blank line and
//! the flush-left lines under it run to the next blank line, the `detached_indent` rule marks them as the rest of one
//! paragraph (the export broke it at bold text or a link, not at sentences): the builder joins them whatever they
//! end with.

use crate::heading::{self, Numbered, Style};
use crate::text::{Line, is_blank};

/// A line cut by the `glued_heading` heuristic mid-sentence: the byte offset where the heading starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GluedAfterSentence {
    /// Byte offset of the heading number in the text.
    pub start: usize,
    /// Byte offset of the end of the heading number.
    pub end: usize,
}

/// The logical lines of `physical`, and where headings were cut out of the middle of a sentence.
pub(crate) fn logical_lines<'a>(physical: &[Line<'a>]) -> (Vec<Line<'a>>, Vec<GluedAfterSentence>) {
    let mut out = Vec::with_capacity(physical.len());
    let mut glued = Vec::new();
    let mut seen = Seen::default();
    let mut after_indent_line = false;
    let mut block_until = 0; // physical lines before this index are the rest of a detached-indent block
    for (i, &line) in physical.iter().enumerate() {
        // The `indent_line` rule: a line of nothing but indentation (U+3000, NBSP) gives its indentation to the
        // flush-left line right after it.
        let indent_line = after_indent_line && !line.text.starts_with(is_blank);
        if indent_line && physical[..i - 1].last().is_none_or(|before| before.text.chars().all(is_blank)) {
            block_until = detached_block(physical, i);
        }
        let line = Line { indent_line, block_rest: !indent_line && i < block_until, ..line };
        after_indent_line = is_indent_line(line.text);
        // Only a line that opens with `目` may be one (the look-ahead is not paid for every line).
        let contents = line.text.starts_with('目')
            || (line.text.starts_with(is_blank) && line.text.trim_start_matches(is_blank).starts_with('目'));
        let next = || physical[i + 1..].iter().map(|l| l.content().0).find(|c| !c.is_empty());
        if let Some(cut) = glued_contents_heading(line, contents.then(next).flatten()) {
            out.push(piece(line, 0, cut));
            split_line(piece(line, cut, line.text.len()), &mut seen, &mut out, &mut glued);
            continue;
        }
        split_line(line, &mut seen, &mut out, &mut glued);
    }
    (out, glued)
}

/// The `glued_contents` rule: `目录` glued to the first entry (`目录序言`, `目 录前言`) before a line that opens with a
/// heading number is the contents heading and an entry. Returns the byte offset in `line.text` after `目录`.
fn glued_contents_heading(line: Line<'_>, next: Option<&str>) -> Option<usize> {
    let (content, offset) = line.content();
    let rest = content.strip_prefix('目')?.trim_start_matches(is_blank);
    let rest = rest.strip_prefix(['录', '次'])?;
    let entry = rest.trim_start_matches(is_blank);
    let chars = entry.chars().count();
    let title_like = (1..=6).contains(&chars) && entry.chars().all(char::is_alphanumeric);
    (title_like && next.is_some_and(|n| heading::numbered(n).is_some()))
        .then(|| offset - line.start + content.len() - rest.len())
}

/// A line of nothing but indentation: blanks with a U+3000 or NBSP among them.
fn is_indent_line(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_blank) && text.contains(['\u{3000}', '\u{a0}'])
}

/// The `detached_indent` rule: where an indentation line after a blank line (or at the top) opens a block of
/// flush-left lines that a blank line ends, the block is one paragraph the export broke at emphasis or link markup
/// (`一、` on a line of its own, a bold first sentence, a `《…》` link: wiki and web exports of work reports); its
/// lines after the first go on it whatever they end with. Returns the index after the block's last line, or `first`
/// when the block does not end at a blank line.
fn detached_block(physical: &[Line<'_>], first: usize) -> usize {
    let mut j = first + 1;
    while j < physical.len() && !physical[j].text.is_empty() && !physical[j].text.starts_with(is_blank) {
        j += 1;
    }
    let ends_blank = physical.get(j).is_none_or(|l| l.text.chars().all(is_blank));
    if ends_blank { j } else { first }
}

/// Cuts one physical line at every glued heading; pushes the pieces.
fn split_line<'a>(line: Line<'a>, seen: &mut Seen, out: &mut Vec<Line<'a>>, glued: &mut Vec<GluedAfterSentence>) {
    let text = line.text;
    let (content, offset) = line.content();
    let leading = heading::numbered(content);
    if let Some(n) = &leading {
        seen.set(n.style, n.ordinal);
    }
    // Tables and rows are read by their own readers.
    if content.is_empty() || content.starts_with(['┌', '├', '│', '└', '|', '+', '╔', '║']) {
        out.push(line);
        return;
    }
    let lead = offset - line.start;
    if let Some(n) = &leading
        && let Some(at) = glued_rank(content, n, seen)
    {
        let cut = lead + at;
        split_line(piece(line, 0, cut), seen, out, glued);
        split_line(piece(line, cut, text.len()), seen, out, glued);
        return;
    }
    // The `bold_run_in` rule: `**1．国际发展现状** 当前…`, a Markdown heading in bold with its first paragraph run
    // in after it: the text starts after the closing `**`.
    if let Some(cut) = bold_run_in(content) {
        out.push(piece(line, 0, lead + cut));
        split_line(piece(line, lead + cut, text.len()), seen, out, glued);
        return;
    }
    // `附件：1.实施方案`: the list of attachments starts after the colon.
    if let Some(after) = content.strip_prefix("附件：").or_else(|| content.strip_prefix("附件:"))
        && heading::numbered(after.trim_start_matches(is_blank)).is_some_and(|n| n.ordinal == 1)
    {
        let cut = lead + (content.len() - after.len());
        out.push(piece(line, 0, cut));
        split_line(piece(line, cut, text.len()), seen, out, glued);
        return;
    }
    let mut local = *seen;
    let leading_style = leading.as_ref().map(|n| n.style);
    // The blanks that part a heading from the text before it: two, or one in a line of joined paragraphs.
    let parting_blanks = if joined_paragraphs(content) { 1 } else { 2 };
    let mut piece_start = 0; // in `text`
    if parting_blanks == 1
        && let Some(end) = leading.as_ref().and_then(title_end)
    {
        let end = lead + leading.as_ref().map_or(0, |n| n.title_at) + end;
        out.push(piece(line, 0, end));
        piece_start = end;
    }
    let mut blank_run: Option<(usize, usize)> = None; // (byte start, chars)
    let mut after_sentence = false;
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // The common case, a CJK ideograph (lead byte E4–E9) with no blank or sentence end before it, cuts nothing.
        if blank_run.is_none() && !after_sentence && (0xE4..=0xE9).contains(&bytes[i]) {
            i += 3;
            continue;
        }
        let (class, len) = class_at(bytes, i);
        let at = lead + i; // in `text`
        match class {
            Class::Blank => {
                blank_run = match blank_run {
                    Some((start, chars)) => Some((start, chars + 1)),
                    None => Some((at, 1)),
                };
                i += len;
                continue;
            }
            Class::SentenceEnd => {
                blank_run = None;
                after_sentence = true;
                i += len;
                continue;
            }
            Class::Other => {}
        }
        let run = blank_run.take();
        let after = std::mem::take(&mut after_sentence);
        // Only a number after blanks or after a sentence end can be cut out.
        if (run.is_none() && !after) || !content[i..].starts_with(heading::may_open_number) {
            i += len;
            continue;
        }
        let number = if i == 0 { None } else { heading::numbered(&content[i..]) };
        let cut = match (&number, run) {
            (Some(n), run) if after && may_stand(n, &local, true) => {
                glued.push(GluedAfterSentence { start: line.start + at, end: line.start + at + n.number.len() });
                Some(run.map_or(at, |(run_start, _)| run_start))
            }
            (Some(n), Some((run_start, chars))) => {
                let after_blanks = chars >= parting_blanks && may_stand(n, &local, false);
                let chapter_line = leading_style.is_some_and(|s| {
                    matches!(s, Style::Part | Style::Book | Style::SubBook | Style::Chapter | Style::Division)
                });
                let article = chapter_line && piece_start == 0 && n.style == Style::Article;
                (after_blanks || article).then_some(run_start)
            }
            _ => None,
        };
        // A title cut from its text (`title_end`) may end where this heading starts (no empty piece between), or
        // after it (`（一）甲！（二）乙 丙`: the title ran on over the second number, which stays in it).
        if let (Some(cut), Some(n)) = (cut, number)
            && cut >= piece_start
        {
            if cut > piece_start {
                out.push(piece(line, piece_start, cut));
            }
            piece_start = cut;
            local.set(n.style, n.ordinal);
            if parting_blanks == 1
                && let Some(end) = title_end(&n)
            {
                let end = at + n.title_at + end;
                out.push(piece(line, piece_start, end));
                piece_start = end;
            }
        }
        i += len;
    }
    // A short heading glued to the very end of a line after any character (`…两部分组成，（三）基础共性标准`): a
    // continuing number whose title, 15 characters at most and without punctuation, ends the line. PDF text loses
    // the line break before such headings; only the end of the line is read (see `tail_heading`).
    if let Some((at, n)) = tail_heading(content, piece_start.saturating_sub(lead), &local) {
        let cut = lead + at;
        glued.push(GluedAfterSentence { start: line.start + cut, end: line.start + cut + n.number.len() });
        out.push(piece(line, piece_start, cut));
        piece_start = cut;
        local.set(n.style, n.ordinal);
    }
    out.push(piece(line, piece_start, text.len()));
    *seen = local;
}

/// The `glued_rank` rule: a line that opens with a ranked heading (篇, 编, 章, 节) and holds a second one glued to its
/// title with no blank between (`第三篇推进改革开放第十三章深化各项改革`, and contents with several entries on a
/// line: `第一章…第二章…第二篇…`) is cut before the second when that one continues the numbering of its style, or opens a
/// lower rank at 1, and its title has no sentence in it (newspaper and PDF text lose these line breaks). A reference
/// (`依照第三章`, `本法第三章`) is left whole. Returns the byte offset of the cut in `content`.
fn glued_rank(content: &str, leading: &Numbered<'_>, seen: &Seen) -> Option<usize> {
    const RANKED: [Style; 5] = [Style::Part, Style::Book, Style::SubBook, Style::Chapter, Style::Division];
    const BEFORE_REFERENCE: &str = "本法照据见和与及、至或于按依由在将把同自从到即为";
    if !RANKED.contains(&leading.style) || leading.body.is_some() || content.contains(['。', '；', '：', ';', ':']) {
        return None;
    }
    let start = leading.number.len();
    for (at, _) in content[start..].match_indices('第').map(|(i, m)| (start + i, m)) {
        let before = content[..at].chars().next_back()?;
        if is_blank(before) || BEFORE_REFERENCE.contains(before) {
            continue;
        }
        let Some(n) = heading::numbered(&content[at..]) else { continue };
        // A title follows the number (`第八节，第一百二十三条…` is a sentence about numbers).
        let titled = n.title.chars().next().is_some_and(|c| !"，,、．.）)》”’".contains(c));
        if !RANKED.contains(&n.style) || !titled {
            continue;
        }
        let continues = seen.get(n.style).is_some_and(|last| n.ordinal == last + 1);
        let opens_lower = n.ordinal == 1 && n.style > leading.style;
        if continues || opens_lower {
            return Some(at);
        }
    }
    None
}

/// Bytes `from..to` of a physical line as a line of their own; only the first piece keeps the line's indentation
/// mark (and its place in a detached-indent block), a later one starts at the blanks before it (if any), which indent it.
/// Where the bold heading of a line in the `bold_run_in` layout ends (after its closing `**`), when text follows it:
/// a heading number and a title of up to 40 characters in bold.
fn bold_run_in(content: &str) -> Option<usize> {
    let inner = content.strip_prefix("**")?;
    let close = inner.find("**").filter(|&at| at > 0)?;
    let title = &inner[..close];
    let rest = inner[close + 2..].trim_start_matches(is_blank);
    let short = title.chars().count() <= 40 && !title.contains('；');
    let heading = heading::numbered(title).is_some_and(|n| n.body.is_none());
    (short && heading && !rest.is_empty() && !rest.starts_with('*')).then_some(2 + close + 2)
}

fn piece<'a>(line: Line<'a>, from: usize, to: usize) -> Line<'a> {
    let first = from == 0;
    Line {
        text: &line.text[from..to],
        start: line.start + from,
        indent_line: first && line.indent_line,
        block_rest: first && line.block_rest,
    }
}

/// Where a continuing heading with a short title ends `content` (see the end of [`split_line`]), as a byte offset
/// after `from`. Only the end of the line is read: the title is what follows the last punctuation mark, which must
/// close a number (`、`, `．`, `.`, `）`), so a line that ends a sentence costs one step.
fn tail_heading<'a>(content: &'a str, from: usize, seen: &Seen) -> Option<(usize, Numbered<'a>)> {
    const PUNCTUATION: &str = "，。；：！？、,.;:!?（）()《》“”‘’．﹒";
    let (mark_at, mark) = content.char_indices().rev().take(16).find(|&(_, c)| PUNCTUATION.contains(c))?;
    if !matches!(mark, '、' | '．' | '.' | '﹒' | '）' | ')') {
        return None;
    }
    let title_at = mark_at + mark.len_utf8();
    let title_chars = content[title_at..].chars().count();
    if !(1..=15).contains(&title_chars) {
        return None;
    }
    // The number starts at most six characters before its closing mark.
    let starts = content[..mark_at].char_indices().rev().take(6).map(|(i, _)| i);
    for at in starts.filter(|&at| at > from) {
        let rest = &content[at..];
        let Some(n) = heading::numbered(rest) else { continue };
        if at + n.number.len() != title_at
            || n.style == Style::Article
            || heading::is_decimal(n.style)
            || n.body.is_some()
        {
            continue;
        }
        let continues = seen.get(n.style).is_some_and(|last| n.ordinal == last + 1);
        let before = content[..at].chars().next_back();
        let reference = before.is_some_and(|c| c.is_ascii_digit() || c == '第');
        // Markup before the number (`## 五、其他规定`) is the line's own heading, not text before one.
        let text_before = content[from.min(at)..at].chars().any(char::is_alphanumeric);
        if continues && !reference && text_before {
            return Some((at, n));
        }
    }
    None
}

/// The `joined_paragraphs` rule: a long line (300 characters and more) in which three sentence ends or more are each
/// followed by one blank and more text holds several paragraphs whose line breaks the extraction turned into blanks
/// (PDF text with a page a line, web captures with the body on one line: `…美好的生活。 一、总体要求 （一）指导思想。…`).
/// There one blank parts a heading from the text before it, as two do elsewhere.
fn joined_paragraphs(content: &str) -> bool {
    if content.len() < 900 {
        return false;
    }
    // Most long lines are paragraphs without a blank in them: one byte search tells them.
    if !content.as_bytes().contains(&b' ') && !content.contains('\u{3000}') {
        return false;
    }
    let parted = content
        .match_indices('。')
        .filter(|&(at, _)| {
            let mut after = content[at + '。'.len_utf8()..].chars();
            after.next().is_some_and(is_blank) && after.next().is_some_and(|c| !is_blank(c))
        })
        .take(3)
        .count();
    // Hard-wrapped lines joined with a blank each (`…是实 现碳达峰…`): one blank between two ideographs, five times.
    let wrapped = || {
        let (mut before, mut blank, mut count) = (None, false, 0);
        for c in content.chars() {
            if is_blank(c) {
                blank = before.is_some_and(crate::figures::is_cjk) && !blank;
                before = Some(c);
                continue;
            }
            if blank && crate::figures::is_cjk(c) {
                count += 1;
                if count == 5 {
                    return true;
                }
            }
            blank = false;
            before = Some(c);
        }
        false
    };
    parted == 3 || (parted >= 1 && wrapped())
}

/// In a line of joined paragraphs, where the title of heading `n` ends when one blank parts it from its text
/// (`（一）指导思想 以习近平…`, the title's line break turned into a blank): the byte offset of the blank in the title,
/// when the title before it is 2 to 40 characters without a `；` or `：` and the number is `（一）` or ranks above it.
/// `None` when no blank stands in the title.
fn title_end(n: &Numbered<'_>) -> Option<usize> {
    // Lower numbers (`（1）`, `1.`) number clauses more often than titles: a blank in one is a wrapped line's.
    if n.style > Style::ParenChinese {
        return None;
    }
    let end = n.title.find(is_blank)?;
    let title = &n.title[..end];
    let chars = title.chars().count();
    ((2..=40).contains(&chars) && !title.contains(['；', '：', ';', ':'])).then_some(end)
}

/// What a character is to the cutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A blank of [`is_blank`].
    Blank,
    /// `。！？；`
    SentenceEnd,
    /// Anything else.
    Other,
}

/// The class of the character at byte `i` of `bytes` (valid UTF-8, `i` on a character boundary) and its length,
/// read from its UTF-8 bytes without decoding it: this loop sees every character of the text.
fn class_at(bytes: &[u8], i: usize) -> (Class, usize) {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        b' ' | b'\t' | 0x0C => (Class::Blank, 1),
        0x00..=0x7F => (Class::Other, 1),
        0xC2 if next(1) == 0xA0 => (Class::Blank, 2), // NBSP
        0x80..=0xDF => (Class::Other, 2),
        0xE2 if next(1) == 0x80 && next(2) <= 0x8D => (Class::Blank, 3), // U+2000–U+200D
        0xE2 if next(1) == 0x81 && next(2) == 0xA0 => (Class::Blank, 3), // U+2060
        0xE3 if next(1) == 0x80 && next(2) == 0x80 => (Class::Blank, 3), // U+3000
        0xE3 if next(1) == 0x80 && next(2) == 0x82 => (Class::SentenceEnd, 3), // 。
        0xEF if next(1) == 0xBB && next(2) == 0xBF => (Class::Blank, 3), // U+FEFF
        0xEF if next(1) == 0xBC && matches!(next(2), 0x81 | 0x9B | 0x9F) => (Class::SentenceEnd, 3), // ！；？
        0xE0..=0xEF => (Class::Other, 3),
        _ => (Class::Other, 4),
    }
}

/// The last ordinal of each numbering style seen at a line start (0 for none).
#[derive(Debug, Clone, Copy, Default)]
struct Seen([u32; heading::STYLES]);

impl Seen {
    fn set(&mut self, style: Style, ordinal: u32) {
        self.0[style as usize] = ordinal;
    }

    fn get(&self, style: Style) -> Option<u32> {
        Some(self.0[style as usize]).filter(|&o| o > 0)
    }
}

/// Whether a heading number found mid-line may stand there: it starts a numbering (unless `continuing_only`) or
/// continues the last number of its style.
fn may_stand(n: &Numbered<'_>, seen: &Seen, continuing_only: bool) -> bool {
    let continues = seen.get(n.style).is_some_and(|last| n.ordinal == last + 1);
    // A first number after a sentence end is cut only when a short title ends the line (`…描述。(1)资产数据标准`):
    // an inline list (`…如下。（一）甲；（二）乙。`) goes on after it.
    let ends_line = n.body.is_none() && n.title.chars().count() <= 20 && !n.title.contains(['，', '；', '：']);
    let starts = n.ordinal == 1 && (!continuing_only || ends_line);
    // An article is cut from a chapter line (see `split_line`), and after a sentence end when it goes on with the
    // numbering and a blank sets it off from its text (`…银行转账方式。 第十条 麻醉药品…`, PDF text that lost the line
    // breaks); elsewhere `第二条` mid-line is a reference (`第二条规定的…`). A decimal number mid-line is a figure
    // (`…增长。1.5 倍于…`).
    if n.style == Style::Article {
        return continuing_only && continues && n.title_at > n.number.len();
    }
    if heading::is_decimal(n.style) {
        return false;
    }
    // A heading after a sentence end must look like one: a short title, or a run-in one.
    let short = n.title.chars().count() <= 40;
    (continues || starts) && (!continuing_only || short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    fn pieces(text: &str) -> Vec<String> {
        let physical: Vec<Line<'_>> = lines(text).collect();
        let (logical, _) = logical_lines(&physical);
        logical.iter().map(|l| l.content().0.to_owned()).collect()
    }

    #[test]
    fn headings_glued_after_blank_runs() {
        let text = "第一篇  转变方式     第一章  发展环境     “十二五”时期是\n";
        assert_eq!(pieces(text), ["第一篇  转变方式", "第一章  发展环境     “十二五”时期是"]);
        let text =
            "\u{a0}\u{a0}一、主要任务\u{a0}\u{a0}\u{a0}\u{a0}第一章\u{a0}\u{a0}主要任务\u{a0}\u{a0}（一）进一步改革\n";
        assert_eq!(pieces(text), ["一、主要任务", "第一章\u{a0}\u{a0}主要任务", "（一）进一步改革"]);
    }

    #[test]
    fn headings_in_a_line_of_joined_paragraphs() {
        // The `joined_paragraphs` rule: a web capture's body on one line, its paragraphs parted by one blank after a
        // sentence end; a heading after one blank is cut out, and a title its text follows after one blank is cut
        // from it.
        let sentence = "农业农村发展取得新的历史性成就，为党和国家战胜各种艰难险阻发挥了压舱石作用。";
        let paragraphs = [sentence; 8].join(" ");
        let text = format!(
            "{paragraphs} 一、总体要求 （一）指导思想。以新思想为指导，全面贯彻落实。 （二）目标任务 到2025年，农业供给侧结构性改革深入推进。{}\n",
            sentence.repeat(2)
        );
        let got = pieces(&text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[1], "一、总体要求");
        assert!(got[2].starts_with("（一）指导思想。以新思想为指导"), "{got:?}");
        assert_eq!(got[3], "（二）目标任务");
        assert!(got[4].starts_with("到2025年，农业供给侧"), "{got:?}");
        // One sentence end parted by a blank in a short line, or in a long one without wrap blanks, cuts nothing.
        let short = format!("{sentence} （一）指导思想 以新思想为指导，全面贯彻落实。\n");
        assert_eq!(pieces(&short).len(), 1);
        let one =
            format!("{} （一）指导思想 以新思想为指导，全面贯彻落实。{}\n", sentence.repeat(8), sentence.repeat(8));
        assert_eq!(pieces(&one).len(), 1);
        // PDF text with a page a line: its wrapped lines joined with a blank each (`…是实 现…`).
        let wrapped = "新型储能是构建新型电力系统的重要技术和基础装备，是实 现碳达峰碳中和目标的重要支撑，也是催生能源新业态、抢 占国际战略新高地的重要领域。";
        let page =
            format!("{} 一、总体要求 （一）指导思想 以新思想为指导，全面贯彻落 实党的精神。\n", wrapped.repeat(5));
        let got = pieces(&page);
        assert_eq!(got[1..], ["一、总体要求", "（一）指导思想", "以新思想为指导，全面贯彻落 实党的精神。"], "{got:?}");
        // A number after a sentence end inside a title that a blank ends stays in that title: no piece twice.
        let inside = format!("{} （一）甲乙！（二）丙丁 戊己庚辛。\n", wrapped.repeat(5));
        let got = pieces(&inside);
        assert!(got.concat().len() < inside.len(), "{got:?}");
        assert_eq!(got.concat().matches("（二）").count(), 1, "{got:?}");
    }

    #[test]
    fn a_piece_after_blanks_reads_as_indented() {
        let physical: Vec<Line<'_>> = lines("第二章\u{3000}经济增长\u{3000}\u{3000}（一）工农业总产值\n").collect();
        let (logical, _) = logical_lines(&physical);
        assert_eq!(logical.len(), 2);
        assert!(!logical[1].text.starts_with(logical[1].content().0), "the blanks before the piece stay with it");
        assert_eq!(logical[1].content().1, "第二章\u{3000}经济增长\u{3000}\u{3000}".len());
    }

    #[test]
    fn a_heading_glued_to_the_sentence_before_it() {
        let text = "（一）完善体系\n加快建设现代产业体系。（二）加快创新。推进改革。\n";
        assert_eq!(pieces(text), ["（一）完善体系", "加快建设现代产业体系。", "（二）加快创新。推进改革。"]);
        let physical: Vec<Line<'_>> = lines(text).collect();
        let (_, glued) = logical_lines(&physical);
        assert_eq!(glued.len(), 1);
        assert_eq!(&text[glued[0].start..glued[0].end], "（二）");
    }

    #[test]
    fn numbers_that_do_not_continue_a_sequence_stay_in_the_sentence() {
        // `（一）` after a sentence end starts no list mid-line; `（三）` does not follow `（一）`.
        assert_eq!(pieces("主要包括以下内容。（一）甲；（二）乙。\n").len(), 1);
        assert_eq!(pieces("（一）甲\n正文。（三）丙\n").len(), 2);
        // A continuing heading glued after any character, its short title ending the line, is cut out.
        assert_eq!(
            pieces("（二）甲\n由两部分组成，（三）基础共性标准\n"),
            ["（二）甲", "由两部分组成，", "（三）基础共性标准"]
        );
        assert_eq!(
            pieces("（二）甲\n依照第（三）项规定处理。\n").len(),
            2,
            "a reference in a sentence is not a heading"
        );
        assert_eq!(pieces("四、甲\n## 五、其他规定\n").len(), 2, "markup is no text before a heading");
        // The list of attachments starts after `附件：`.
        assert_eq!(pieces("附件：1. 实施方案\n2. 申报书\n"), ["附件：", "1. 实施方案", "2. 申报书"]);
        // A first heading whose short title ends the line is cut out.
        assert_eq!(pieces("如图8所示。(1)资产数据及模型标准\n"), ["如图8所示。", "(1)资产数据及模型标准"]);
        // A number in the text after two spaces that is no heading.
        assert_eq!(pieces("增长  1.5倍\n").len(), 1);
    }

    #[test]
    fn ranked_headings_glued_without_a_blank() {
        // The `glued_rank` rule: a 篇 line carrying its first 章, and contents with several entries on a line.
        assert_eq!(
            pieces("第十二章加快城镇化进程\n第三篇推进改革开放第十三章深化各项改革\n"),
            ["第十二章加快城镇化进程", "第三篇推进改革开放", "第十三章深化各项改革"]
        );
        assert_eq!(
            pieces("第一篇指导思想\n第一章指导思想第二章主要目标第二篇调整经济结构\n"),
            ["第一篇指导思想", "第一章指导思想", "第二章主要目标", "第二篇调整经济结构"]
        );
        // A chapter opens its first 节 at 1; a 节 that neither continues nor opens stays in the title.
        assert_eq!(pieces("第三章农业第一节农田水利\n"), ["第三章农业", "第一节农田水利"]);
        assert_eq!(pieces("第三章农业第五节农田水利\n").len(), 1);
        // References and sentences about numbers are left whole.
        assert_eq!(pieces("第七节相应改为第八节，第一百二十三条相应改为第一百二十八条。\n").len(), 1);
        assert_eq!(pieces("第二节依照第三章规定\n").len(), 1);
        assert_eq!(pieces("第一章 总则\n第二章 规划，见第三章\n").len(), 2);
    }

    #[test]
    fn a_bold_heading_with_its_paragraph_run_in() {
        // The `bold_run_in` rule: `**1．标题** 正文` is cut after the closing `**`; a bold phrase that is no
        // numbered heading, or a bold heading alone on its line, is left whole.
        let cut = |text: &str| -> Vec<String> {
            let physical: Vec<Line<'_>> = crate::text::lines(text).collect();
            logical_lines(&physical).0.iter().map(|l| l.text.to_owned()).collect()
        };
        assert_eq!(
            cut("**1．国际发展现状与趋势** 当前电动汽车正改变格局。"),
            ["**1．国际发展现状与趋势**", " 当前电动汽车正改变格局。"]
        );
        assert_eq!(
            cut("**3．完善规划管理，加大土地支持力度** 鼓励各地。"),
            ["**3．完善规划管理，加大土地支持力度**", " 鼓励各地。"]
        );
        assert_eq!(cut("**开发规模迅猛增长。** 截至2020年底。"), ["**开发规模迅猛增长。** 截至2020年底。"]);
        assert_eq!(cut("**（一）指导思想**"), ["**（一）指导思想**"]);
    }

    #[test]
    fn contents_heading_glued_to_its_first_entry() {
        assert_eq!(pieces("目录序言\n第一篇指导思想\n"), ["目录", "序言", "第一篇指导思想"]);
        // Not before a heading, or more than six characters: a word that starts with 目录.
        assert_eq!(pieces("目录管理\n本办法所称目录。\n"), ["目录管理", "本办法所称目录。"]);
        assert_eq!(pieces("目录清单制度的建立\n一、总则\n").len(), 2);
    }

    #[test]
    fn a_chapter_line_carrying_its_first_article() {
        assert_eq!(
            pieces("第一章 总则 第一条 为了规范管理，制定本办法。\n"),
            ["第一章 总则", "第一条 为了规范管理，制定本办法。"]
        );
        // An article referred to in a sentence is not cut out.
        assert_eq!(pieces("依照本法第二条  第三条的规定处理。\n").len(), 1);
    }

    #[test]
    fn articles_run_together_on_one_line() {
        // PDF text and law exports that lost the line breaks: after a sentence end, an article that goes on with the
        // numbering and is set off by a blank is cut out; one that opens a sentence about it, or skips, is not.
        assert_eq!(
            pieces(
                "第九条 购买药品付款应当采取银行转账方式。 第十条 药品入库验收必须货到即验。第十一条　在验收中发现缺少的，应当报告。\n"
            ),
            [
                "第九条 购买药品付款应当采取银行转账方式。",
                "第十条 药品入库验收必须货到即验。",
                "第十一条　在验收中发现缺少的，应当报告。"
            ]
        );
        assert_eq!(pieces("第九条 依照有关规定处理。第十条规定的情形除外。\n").len(), 1);
        assert_eq!(pieces("第九条 依照有关规定处理。 第十二条 另行规定。\n").len(), 1);
    }

    #[test]
    fn a_block_opened_by_an_indentation_line() {
        let flags = |text: &str| -> Vec<(bool, bool)> {
            let physical: Vec<Line<'_>> = lines(text).collect();
            logical_lines(&physical).0.iter().map(|l| (l.indent_line, l.block_rest)).collect()
        };
        let (no, first, rest) = ((false, false), (true, false), (false, true));
        // After a blank line: the flush-left lines up to the next blank line are one block.
        assert_eq!(flags("\n\u{3000}\u{3000}\n一、\n正文\n》。\n\n"), [no, no, first, rest, rest, no]);
        // At the top of the text, too.
        assert_eq!(flags("\u{3000}\n甲\n乙\n"), [no, first, rest]);
        // Not after a line of text (the indentation of a sentence-per-line paragraph), nor when an indented line
        // ends the block instead of a blank line.
        assert_eq!(flags("甲\n\u{3000}\u{3000}\n乙\n丙\n"), [no, no, first, no]);
        assert_eq!(flags("\n\u{3000}\u{3000}\n乙\n丙\n\u{3000}丁\n"), [no, no, first, no, no]);
    }

    #[test]
    fn character_classes_agree_with_is_blank() {
        for c in ['\u{3000}', '\u{a0}', ' ', '\t', '\u{c}', '\u{2002}', '\u{200b}', '\u{feff}'] {
            assert_eq!(class_at(c.to_string().as_bytes(), 0), (Class::Blank, c.len_utf8()), "{c:?}");
        }
        for c in ['。', '！', '？', '；'] {
            assert_eq!(class_at(c.to_string().as_bytes(), 0), (Class::SentenceEnd, 3), "{c}");
        }
        for c in ['，', '、', '一', 'a', '（', '“', '\u{2460}', '𠀀', 'é', '\u{2010}'] {
            assert_eq!(class_at(c.to_string().as_bytes(), 0), (Class::Other, c.len_utf8()), "{c}");
            assert!(!is_blank(c));
        }
    }

    #[test]
    fn tables_are_left_whole() {
        assert_eq!(pieces("│一、甲  │二、乙  │\n").len(), 1);
    }
}
