//! Layout clues that are not headings: page numbers, tables of contents, attachment markers, part titles, and the
//! width at which text extracted from PDF was hard-wrapped.

use regex::Regex;
use std::sync::LazyLock;

use crate::text::{Line, is_blank};

/// A bare page number on a line of its own: `12`, `- 12 -`, `—12—`, `·12·`, `第12页`, `第 3 页 共 80 页`, `12/80`; the
/// Roman numbers of front matter (`II`, `iv`); and a Markdown thematic break (`* * *`, `---`), which exports from PDF
/// write for a page break (`page_break`).
pub(crate) fn is_page_number(content: &str) -> bool {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[-—–－·•∙・]\s*\d{1,4}\s*[-—–－·•∙・]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[IVX]{1,5}|[ivx]{1,5}|(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$",
        )
        .expect("the page number pattern is valid")
    });
    // Most short lines are text: only these characters can open a page number or a break.
    let opens = content.starts_with(|c: char| {
        c.is_ascii_digit()
            || matches!(c, '-' | '—' | '–' | '－' | '·' | '•' | '∙' | '・' | '第' | '*' | '_')
            || matches!(c, 'I' | 'V' | 'X' | 'i' | 'v' | 'x')
    });
    content.len() <= 40 && opens && PAGE.is_match(content)
}

/// Whether a line is the heading of a table of contents: `目录`, `目　录`, `目 录`.
pub(crate) fn is_toc_heading(content: &str) -> bool {
    if !content.starts_with('目') || content.len() > 24 {
        return false;
    }
    let compact: String = content.chars().filter(|&c| !is_blank(c)).collect();
    compact == "目录" || compact == "目次"
}

/// A table-of-contents entry with dot leaders and a page number: `第一章 总体要求……………3`, `一、背景 ........ 12`;
/// or with long leaders and the page number lost (`三、建设内容........................`).
pub(crate) fn is_leader_entry(content: &str) -> bool {
    static LEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\.{3,}|…{2,}|·{3,}|．{3,}|-{4,}|_{3,}|—{3,})\s*\d{1,4}$|(?:\.{8,}|…{4,}|·{8,}|．{8,})$")
            .expect("the leader pattern is valid")
    });
    // Most lines end in text: only a digit, a blank or a leader character can end an entry.
    let ends_like_entry = content.chars().next_back().is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '.' | '…' | '·' | '．' | '-' | '_' | '—') || crate::text::is_blank(c)
    });
    ends_like_entry
        && content.chars().filter(|c| !matches!(c, '.' | '…' | '·' | '．')).count() <= 80
        && LEADER.is_match(content)
}

/// A line of contents leaders alone, a page number perhaps after them (`...................`, `……… 12`): the leaders of
/// an entry whose title stands on a line above.
pub(crate) fn is_leaders_only(content: &str) -> bool {
    let body = content.trim_end_matches(|c: char| c.is_ascii_digit() || crate::text::is_blank(c));
    body.chars().count() >= 3 && body.chars().all(|c| matches!(c, '.' | '…' | '·' | '．'))
}

/// A contents entry whose leaders were lost: a heading number and a short title, a blank and a page number
/// (`1．推进公共服务领域专用充电及换电基础设施建设 20`).
pub(crate) fn is_page_entry(content: &str) -> bool {
    let title = content.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = content.len() - title.len();
    let title = title.trim_end_matches(is_blank);
    (1..=3).contains(&digits)
        && title.len() < content.len() - digits
        && title.chars().count() <= 40
        && !title.contains(['。', '，', '；'])
        && crate::heading::numbered(title).is_some()
}

/// The key of a contents entry or a heading for telling the two apart: no spaces, leaders or trailing page number.
pub(crate) fn entry_key(content: &str) -> String {
    let text = content.trim_end_matches(|c: char| c.is_ascii_digit() || is_blank(c));
    text.chars().filter(|&c| !is_blank(c) && !matches!(c, '.' | '…' | '·' | '．' | '-' | '_' | '—')).collect()
}

/// An attachment marker on a line of its own: `附件`, `附件：`, `附件2`, `附件 1：`.
pub(crate) fn is_appendix_marker(content: &str) -> bool {
    static APPENDIX: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*[:：]?$").expect("valid"));
    APPENDIX.is_match(content)
}

/// A document number alone on its line: the issuer's abbreviation, the year in brackets and the number, bracketed or
/// not (`（医保办发〔2019〕36 号）`, `国发〔2017〕35号`, `（国食药监安[2011]442 号）`, `豫政〔2023〕第5号`).
pub(crate) fn is_document_number(content: &str) -> bool {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let text = content.trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    let Some(rest) = text.strip_suffix('号') else { return false };
    let rest = rest.trim_end_matches(is_blank);
    let before_number = rest.trim_end_matches(is_digit);
    let digits = rest[before_number.len()..].chars().count();
    let rest = before_number.trim_end_matches(is_blank).trim_end_matches('第');
    let Some(rest) = rest.strip_suffix(['〕', ']', '］', '】', ')', '）']) else { return false };
    let Some(year) = rest.get(rest.len().saturating_sub(4)..) else { return false };
    let issuer = rest[..rest.len() - year.len()].trim_end_matches(is_blank);
    let Some(issuer) = issuer.strip_suffix(['〔', '[', '［', '【', '(', '（']) else { return false };
    let issuer = issuer.trim_end_matches(is_blank);
    (1..=4).contains(&digits)
        && year.bytes().all(|b| b.is_ascii_digit())
        && (year.starts_with("19") || year.starts_with("20"))
        && (1..=12).contains(&issuer.chars().count())
        && issuer.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The `part_title` heuristic: a line can title a document of its own when it is 4 to 60 characters long, no
/// sentence (no `。，；：！？`, full or half width, anywhere) and opens with a letter, a digit, `《`, `“` or a bracket,
/// not with a dash or a stray `、` (a heading whose number was lost).
pub(crate) fn is_title_like(text: &str) -> bool {
    let chars = text.chars().count();
    (4..=60).contains(&chars)
        && !text.contains(['。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?'])
        && text.starts_with(|c: char| c.is_alphanumeric() || "《“（(【".contains(c))
}

/// Whether text ends a sentence or a clause that a list follows: `。！？；：` and their half-width forms, possibly
/// followed by closing quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['”', '’', '」', '』', '）', ')', '"', '\'']);
    trimmed.ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':'])
}

/// The display width of a line in columns: CJK and full-width characters take 2, ASCII 1 (as
/// [`crate::text::width`] has it for plan text). PDF text is wrapped by width on the page, so lines with digits or Latin letters hold more
/// characters than lines of Chinese only: columns, not characters, are what a wrapped line fills.
pub(crate) fn columns(content: &str) -> usize {
    // Counted on bytes, for speed: an ASCII byte is one column, any other character two (in plan text nearly every
    // non-ASCII character is wide: CJK, full-width forms, and quotes and dashes of ambiguous width).
    let ascii = content.bytes().filter(u8::is_ascii).count();
    2 * content.chars().count() - ascii
}

/// The `hard_wrap` heuristic: the width (in display columns) at which a document's text lines were wrapped. The
/// commonest width between 30 and 160 (within two columns, ten lines or more) is the wrap width when half or more
/// of the lines of at least half that width lie within 15% of it and 15% or fewer run past it by half. Measured on
/// the shared documents, wrapped PDF text has 68–94% of its lines there, other text 61% at most (and then of very
/// few lines): a paragraph per line never looks like this, because its lines are as long as their paragraphs.
pub(crate) fn wrap_width(lines: &[Line<'_>]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .iter()
        .map(|l| l.content().0)
        .filter(|c| !c.is_empty() && !crate::grid::opens_box(c))
        // A line of more than 510 bytes holds more than 170 characters: no wrap width is that long, and its exact
        // width does not matter.
        .map(|c| if c.len() > 510 { 1000 } else { columns(c) })
        .collect();
    let mut histogram = [0usize; 170];
    for &w in &widths {
        if w < histogram.len() {
            histogram[w] += 1;
        }
    }
    let near = |w: usize| histogram[w - 2..=w + 2].iter().sum::<usize>();
    let width = (30..=160).max_by_key(|&w| (near(w), histogram[w]))?;
    let near = near(width);
    // Justified PDF lines scatter around the width (narrow digits, squeezed punctuation): half or more of the lines
    // of at least half the width lie within 15% of it, and hardly any runs far past it. Short lines (headings,
    // page numbers, table cells one per line) say nothing about wrapping; a paragraph per line scatters widely.
    let long_lines = widths.iter().filter(|&&w| w * 2 >= width).count();
    let cluster = widths.iter().filter(|&&w| w * 100 >= width * 85 && w * 100 <= width * 115).count();
    let longer = widths.iter().filter(|&&w| w * 2 > width * 3).count();
    // The width a full line fills: the commonest width at the top of the cluster (a cluster of 48, 50 and 52 is
    // text wrapped at 52 whose shorter lines end a sentence or hold narrow characters).
    let full = (width - 2..=width + 6).max_by_key(|&w| (histogram[w], w)).unwrap_or(width);
    (near >= 10 && cluster * 2 >= long_lines && longer * 100 <= long_lines * 15).then_some(full)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    #[test]
    fn page_numbers() {
        for yes in [
            "12",
            "- 12 -",
            "—3—",
            "·12·",
            "• 7 •",
            "第12页",
            "第 3 页 共 80 页",
            "12/80",
            "374",
            "II",
            "iv",
            "* * *",
            "---",
        ] {
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["12345", "1.5", "一", "2020年", "第十二页", "12个", "IT", "VI型", "**", "--", "* 一"] {
            assert!(!is_page_number(no), "{no}");
        }
    }

    #[test]
    fn contents_entries_and_keys() {
        assert!(is_toc_heading("目　录"));
        assert!(is_toc_heading("目\t录"));
        assert!(is_leader_entry("第一章 总体要求……………3"));
        assert!(is_leader_entry("一、发展基础 ........ 12"));
        assert!(!is_leader_entry("到2025年，产值达到1000亿元"));
        assert!(is_leader_entry("三、建设内容................................"));
        assert!(!is_leader_entry("等等..."));
        assert_eq!(entry_key("第一章 总体要求……………3"), "第一章总体要求");
        assert_eq!(entry_key("第一章　总体要求"), "第一章总体要求");
    }

    #[test]
    fn appendix_markers_and_titles() {
        assert!(is_appendix_marker("附件"));
        assert!(is_appendix_marker("附件："));
        assert!(is_appendix_marker("附件2"));
        assert!(!is_appendix_marker("附件1：重点项目表"));
        assert!(is_title_like("安徽省工业互联网创新发展行动计划（2021-2023年）"));
        assert!(!is_title_like("本政策自2021年开始执行，由省经济和信息化厅负责解释。"));
        assert!(!is_title_like("——平台建设长足进步"));
    }

    #[test]
    fn document_numbers() {
        assert!(is_document_number("（医保办发〔2019〕36 号）"));
        assert!(is_document_number("国发〔2017〕35号"));
        assert!(is_document_number("（国食药监安[2011]442 号）"));
        assert!(is_document_number("豫政〔2023〕第5号"));
        assert!(is_document_number("（市监标技发〔2022〕34号）"));
        assert!(!is_document_number("（第19号）"));
        assert!(!is_document_number("国务院令第5号"));
        assert!(!is_document_number("按照〔2019〕36号文件要求办理的相关事项共36号"));
        assert!(!is_document_number("国发〔17〕35号"));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("负责解释。"));
        assert!(ends_sentence("如下：”"));
        assert!(!ends_sentence("进程中，"));
        assert!(!ends_sentence("努力开创科学发展新局面"));
    }

    #[test]
    fn a_wrapped_text_has_a_wrap_width_and_a_text_of_paragraph_lines_has_none() {
        let paragraph = "推动制造业高质量发展，加快建设制造强省和网络强省，构建现代产业体系。".repeat(9);
        let wrapped: String =
            paragraph.chars().collect::<Vec<_>>().chunks(30).map(|c| c.iter().collect::<String>() + "\n").collect();
        let text = wrapped.repeat(3);
        assert_eq!(wrap_width(&lines(&text).collect::<Vec<_>>()), Some(60), "30 characters are 60 columns");
        // Digits and Latin letters take one column: a wrapped line that holds some is longer in characters only.
        let mixed = wrapped.replace("推动制造", "2021年版");
        assert_eq!(wrap_width(&lines(&mixed.repeat(3)).collect::<Vec<_>>()), Some(60));
        let unwrapped = format!("{paragraph}\n").repeat(12);
        assert_eq!(wrap_width(&lines(&unwrapped).collect::<Vec<_>>()), None);
    }
}
