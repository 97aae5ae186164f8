//! Heading numbers: the GB/T 9704 ladder `一、` → `（一）` → `1.` → `（1）` → `①`, `第一篇/第一章/第一节`, and the
//! variants real files use (half-width brackets, `1．`, `1﹒`, `1、`, OCR brackets such as `〈一）`).

use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::{anychar, one_of, satisfy};
use nom::combinator::{not, opt, peek, recognize, verify};

use crate::figures::is_cjk;
use crate::numbers::{digit_value, is_chinese_numeral_char, parse_number};
use crate::text::is_blank;

/// A numbering style. Styles, not fixed levels: the outline gives each style the level at which it first appears.
/// The variants are declared in the order of the GB/T 9704 ladder, outermost first, which `Ord` follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Style {
    /// An unnumbered title standing on its own (`结束语`, `过去五年的回顾`; see the `standalone_title` rule): above
    /// every numbered level.
    Unnumbered,
    /// `第一篇`, `第一部分`
    Part,
    /// `第一编` (a book of a code or a long law: 刑法 and 民法典 number their chapters again in each)
    Book,
    /// `第一分编` (a sub-book of 民法典)
    SubBook,
    /// `第一章`
    Chapter,
    /// `第一节`
    Division,
    /// `第一条` (an article of a law or of measures: no title, the text runs on)
    Article,
    /// `一、`
    ChineseComma,
    /// `（一）`, `(一)`
    ParenChinese,
    /// `1.`, `1．`, `1﹒`
    ArabicDot,
    /// `1.1`: a decimal number of two parts (the `decimal_number` rule), the second counting under the first
    Decimal2,
    /// `1.1.1`: a decimal number of three parts
    Decimal3,
    /// `1.1.1.1`: a decimal number of four parts
    Decimal4,
    /// `1、`
    ArabicComma,
    /// `（1）`, `(1)`
    ParenArabic,
    /// `①`
    Circled,
    /// `第一，`, `第一、`: an ordinal that opens a paragraph-long point (`第一，必须坚持解放思想。…`), last in the
    /// order so that it never closes a numbered level.
    Ordinal,
    /// `一是`: a point standing alone on its line as a title (`一是推进农业结构调整。`, see the `standalone_point` rule),
    /// never a number of [`numbered`].
    Point,
    /// `行动1：`, `应用一：`: a number that a word names (see [`named`] and the `named_number` rule), the outer of two
    /// such words.
    Named,
    /// `——任务4：` under `行动2：`: the inner of two named numbers.
    NamedInner,
}

/// A line that opens with a heading number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Numbered<'a> {
    pub style: Style,
    pub ordinal: u32,
    /// The number as written, `（一）`.
    pub number: &'a str,
    /// The title: up to the first `。` (excluded), or up to a run of two or more spaces, or the whole rest.
    pub title: &'a str,
    /// Byte offset of `title` in the line.
    pub title_at: usize,
    /// Text after the title on the same line (a run-in heading's first paragraph), and its byte offset in the line.
    pub body: Option<(&'a str, usize)>,
    /// Whether the number's brackets or numeral were look-alikes (`〈一）`, `（五〕`, `第三十－条`) read as the intended
    /// ones.
    pub ocr_brackets: bool,
}

const OPEN: &str = "（(〈〔［[";
const CLOSE: &str = "）)〉〕］]";

/// Opening brackets that are not parentheses at all: OCR's reading of `（` (`〈一）`, `〔二）`).
const LOOK_ALIKE_OPEN: [char; 4] = ['〈', '〔', '［', '['];

/// The `cited_bracket` rule: the number a reader cites for one whose opening bracket OCR misread as another bracket
/// (`〈二）` is `（二）`), or `None` when it is written as cited. The heading span still covers what is written.
pub(crate) fn cited(number: &str, style: Style) -> Option<String> {
    // Blanks inside a ranked number (`第三  节`) are the extraction's; so are the line breaks of a number that PDF
    // text split over lines (`（` / `二` / `）`, see the `shattered_number` rule).
    if number.starts_with('第') && number.contains(is_blank) {
        return Some(number.chars().filter(|&c| !is_blank(c)).collect());
    }
    if number.contains('\n') {
        let joined: String = number.chars().filter(|&c| !is_blank(c) && c != '\n' && c != '\r').collect();
        return Some(cited(&joined, style).unwrap_or(joined));
    }
    if !matches!(style, Style::ParenChinese | Style::ParenArabic) {
        return None;
    }
    let open = number.chars().next()?;
    let inner = &number[open.len_utf8()..];
    let close = inner.chars().next_back().filter(|&c| CLOSE.contains(c));
    let inner = close.map_or(inner, |c| &inner[..inner.len() - c.len_utf8()]);
    // `(l)`, `（I）`: a 1 that OCR read as a letter.
    let letter_one = inner.chars().all(|c| LETTER_ONE.contains(c));
    if !LOOK_ALIKE_OPEN.contains(&open) && !letter_one {
        return None;
    }
    let (open, close) = match (open, close) {
        ('(', Some(')')) => ('(', ')'),
        _ => ('（', '）'),
    };
    Some(format!("{open}{}{close}", if letter_one { "1" } else { inner }))
}

fn digits(i: &str) -> IResult<&str, &str> {
    take_while1(|c| digit_value(c).is_some()).parse(i)
}

fn chinese(i: &str) -> IResult<&str, &str> {
    take_while_m_n(1, 4, is_chinese_numeral_char).parse(i)
}

/// A longer Chinese numeral, for chapters and articles (`第一百二十三条`). A full-width hyphen `－` stands for `一`
/// after another numeral: a typing or OCR slip (`第三十－条`) that would otherwise lose every later article.
fn chinese_long(i: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 1, is_chinese_numeral_char),
        take_while_m_n(0, 7, |c| is_chinese_numeral_char(c) || c == '－'),
    ))
    .parse(i)
}

/// A `1` that OCR read as a letter (`(l)`, `（I）`), in brackets: the look-alike of `（1）`.
fn letter_one(i: &str) -> IResult<&str, &str> {
    recognize(one_of(LETTER_ONE)).parse(i)
}

/// Letters that OCR reads for the digit 1.
const LETTER_ONE: &str = "lIｌＩ";

fn bracketed<'a>(
    inner: fn(&'a str) -> IResult<&'a str, &'a str>,
) -> impl Parser<&'a str, Output = (char, &'a str, char), Error = nom::error::Error<&'a str>> {
    (one_of(OPEN), inner, one_of(CLOSE))
}

/// `1.1 指导思想`, `3.1.1模型算法安全风险`, `4.4.1.1大渡口区`: a decimal number of two to four parts of one or two digits, then a title
/// (a Chinese character or an opening quote, after any blanks); not `2.69 万亿元`'s figure, which the builder tells
/// apart by the numbering (see `Builder::decimal_fits`).
fn decimal_number(line: &str) -> IResult<&str, (Style, &str, bool)> {
    let part = || take_while_m_n(1, 2, |c| digit_value(c).is_some());
    let (rest, n) =
        recognize((part(), one_of(".．"), part(), opt((one_of(".．"), part(), opt((one_of(".．"), part()))))))
            .parse(line)?;
    let parts = n.split(['.', '．']).count();
    // Only a number of two parts can be a figure: `1.7万亿元`, but `4.4.2.1万州区`.
    let figure_unit = |c: char| parts == 2 && FIGURE_UNIT.contains(c);
    peek((take_while(is_blank), satisfy(|c| (is_cjk(c) && !figure_unit(c)) || matches!(c, '“' | '《' | '"'))))
        .parse(rest)?;
    let last = n.rsplit(['.', '．']).next().unwrap_or(n);
    let style = match parts {
        2 => Style::Decimal2,
        3 => Style::Decimal3,
        _ => Style::Decimal4,
    };
    Ok((rest, (style, last, false)))
}

/// Parses the number at the start of `line`, returning the style, the numeral and what follows.
fn number(line: &str) -> IResult<&str, (Style, &str, bool)> {
    // Dispatched on the first character: the styles start with characters no other style starts with (`第`, an
    // opening bracket, a digit, a Chinese numeral, a circled number), so only the parsers that can match are tried.
    // One `alt` of all of them re-read each numbered line up to ten times.
    let Some(first) = line.chars().next() else {
        return Err(nom::Err::Error(nom::error::Error::new(line, nom::error::ErrorKind::Alt)));
    };
    if first == '第' {
        // Extraction may put blanks between the numeral and its unit (`第三  节`, `第七十五 条`), and a web page's
        // wrapping one between `第` and the numeral (`第 二，打造新的区域经济增长极。`).
        let chapter = (
            (tag("第"), take_while_m_n(0, 2, is_blank)),
            alt((chinese_long, digits)),
            take_while_m_n(0, 4, is_blank),
            alt((tag("部分"), tag("篇"), tag("分编"), tag("编"), tag("章"), tag("节"), tag("条"))),
        );
        return alt((
            chapter.map(|(_, n, _, kind)| {
                let style = match kind {
                    "篇" | "部分" => Style::Part,
                    "编" => Style::Book,
                    "分编" => Style::SubBook,
                    "章" => Style::Chapter,
                    "节" => Style::Division,
                    _ => Style::Article,
                };
                (style, n, n.contains('－'))
            }),
            ((tag("第"), take_while_m_n(0, 2, is_blank)), chinese, alt((tag("，"), tag("、"))))
                .map(|(_, n, _)| (Style::Ordinal, n, false)),
        ))
        .parse(line);
    }
    if is_chinese_numeral_char(first) {
        return alt((
            // `一、`, and `一．` as some sources write it (not `一.5`: no digit may follow).
            // Not `二、九七一公里`: old texts separate thousands with `、` in figures written in Chinese numerals (a
            // year, `一、一九九四年工作回顾`, is a title).
            (chinese, tag("、"), peek(not((take_while_m_n(3, 8, is_chinese_digit), not(tag("年"))))))
                .map(|(n, _, _)| (Style::ChineseComma, n, false)),
            (chinese, tag("．"), peek(not(satisfy(|c| digit_value(c).is_some()))))
                .map(|(n, _, _)| (Style::ChineseComma, n, false)),
        ))
        .parse(line);
    }
    if OPEN.contains(first) {
        return alt((
            bracketed(chinese).map(|(o, n, c)| (Style::ParenChinese, n, !canonical(o, c))),
            bracketed(digits).map(|(o, n, c)| (Style::ParenArabic, n, !canonical(o, c))),
            bracketed(letter_one).map(|(_, n, _)| (Style::ParenArabic, n, true)),
        ))
        .parse(line);
    }
    if digit_value(first).is_some() {
        // A decimal number (`3.1`) is looked for only where a digit follows the first point: most numbers are `1.`.
        let after_digits = line.trim_start_matches(|c: char| digit_value(c).is_some());
        let decimal =
            after_digits.strip_prefix(['.', '．']).is_some_and(|r| r.starts_with(|c: char| digit_value(c).is_some()));
        if decimal && let Ok(found) = decimal_number(line) {
            return Ok(found);
        }
        return alt((
            // `1.2025年底前…`: an item that opens with a year (no number has four decimals and then 年).
            (digits, one_of(".．﹒"), peek((take_while_m_n(4, 4, |c| digit_value(c).is_some()), tag("年"))))
                .map(|(n, _, _)| (Style::ArabicDot, n, false)),
            // `1.7万亿元`, and `1. 8亿亩` (a decimal point OCR set apart), are numbers, not headings.
            (digits, one_of(".．﹒"), peek(not((take_while(is_blank), satisfy(|c| digit_value(c).is_some())))))
                .map(|(n, _, _)| (Style::ArabicDot, n, false)),
            (digits, tag("、")).map(|(n, _)| (Style::ArabicComma, n, false)),
        ))
        .parse(line);
    }
    recognize(verify(anychar, |c| ('\u{2460}'..='\u{2473}').contains(c)))
        .map(|n: &str| (Style::Circled, n, false))
        .parse(line)
}

/// A digit of a figure written in Chinese numerals (`一九五七`, `二、九七一`): no unit characters (十, 百).
fn is_chinese_digit(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九')
}

/// Characters that follow a figure (`1.7万亿元`, `3.5倍`, `2.5米`), not a decimal heading number.
const FIGURE_UNIT: &str = "万亿元倍米吨个项亩辆座件只克升年月日";

/// How many numbering styles there are (`NamedInner` is the last).
pub(crate) const STYLES: usize = Style::NamedInner as usize + 1;

/// The `titled_passage` rule: whether `text` reads as a run-in heading and its text rather than as a clause or the
/// sentence or two of a list item: a first sentence with no `：` or `；` that a passage of its own follows (two
/// sentences more, or one of 60 characters and more), and the first sentence short (30 characters at most:
/// `坚持改革开放，不断完善社会主义市场经济体制。`) or the passage long (three sentences and more under a first sentence of
/// at most 60 characters: a work report's tasks).
pub(crate) fn titled_passage(text: &str) -> bool {
    // A title of 60 characters is 240 bytes at most; the passage is read up to its third sentence only.
    let Some((title, passage)) = text.split_once('。').filter(|(title, _)| title.len() <= 240) else { return false };
    let title_chars = title.chars().count();
    let passage = passage.trim_matches(|c: char| is_blank(c) || c == '\n');
    if title_chars > 60
        || title.contains(['：', '；', ':', ';'])
        || !passage.ends_with(['。', '！', '？', '”', '!', '?'])
    {
        return false;
    }
    let sentences = |at_least: usize| passage.matches(['。', '！', '？', '!', '?']).take(at_least).count() >= at_least;
    if title_chars <= 30 { passage.chars().nth(59).is_some() || sentences(2) } else { sentences(3) }
}

/// The loose form of [`titled_passage`] that a run of points reads among its others: a title sentence of at most 40
/// characters with no `：` or `；`, and a passage of one sentence of 30 characters or more after it
/// (`六是坚持以文化人、以文惠民、以文润城、以文兴业，推动文化传承发展。…`).
pub(crate) fn loose_passage(text: &str) -> bool {
    let Some((title, passage)) = text.split_once('。').filter(|(title, _)| title.len() <= 160) else { return false };
    let passage = passage.trim_matches(|c: char| is_blank(c) || c == '\n');
    title.chars().count() <= 40
        && !title.contains(['：', '；', ':', ';'])
        && passage.chars().nth(29).is_some()
        && passage.ends_with(['。', '！', '？', '”', '!', '?'])
}

/// Whether `text` opens with a short title run in with a sentence (`审核及发布。经政府主管部门审核同意后，由…发布。`): a
/// first sentence of 12 characters at most, no clause in it, and a sentence after it.
pub(crate) fn short_run_in_title(text: &str) -> bool {
    let Some((title, passage)) = text.split_once('。').filter(|(title, _)| title.len() <= 36) else { return false };
    let passage = passage.trim_matches(|c: char| is_blank(c) || c == '\n');
    (2..=12).contains(&title.chars().count())
        && !title.contains(['，', '、', '：', '；', ',', ':', ';'])
        && passage.chars().nth(9).is_some()
        && passage.ends_with(['。', '！', '？', '”', '!', '?'])
}

/// The ordinal of the point `line` opens with (`三是…` → 3).
pub(crate) fn point_ordinal(line: &str) -> Option<u32> {
    point_numeral(line).and_then(|(_, numeral)| parse_number(numeral))
}

/// Whether `line` opens with the numeral of a point, `一是`, `二是` (whole or not).
pub(crate) fn opens_point(line: &str) -> bool {
    point_numeral(line).is_some()
}

/// The numeral of a point at the start of `line`, and what follows `是` (`一是…`) or `要` (`一要转变作风提高执行力。…`,
/// the points of a report's closing demands).
fn point_numeral(line: &str) -> Option<(&str, &str)> {
    if !line.starts_with(is_chinese_numeral_char) {
        return None;
    }
    let (rest, numeral) = chinese(line).ok()?;
    Some((rest.strip_prefix(['是', '要'])?, numeral))
}

/// A number that a word names, read by [`named`]: the word (`行动`), and the heading with [`Style::Named`] for a style
/// that the caller sets.
pub(crate) struct NamedNumber<'a> {
    pub word: &'a str,
    pub heading: Numbered<'a>,
}

/// Words that name numbered things that are not parts of the text: attachments, tables, figures, notes, boxes (read
/// by their own rules), and examples; also as the end of a longer word (`任务专栏1`, `典型案例2`).
const NOT_NAMED_PARTS: [&str; 10] = ["附件", "附表", "附录", "附图", "表", "图", "注", "专栏", "例", "案例"];

/// The longest title of a named number, in characters.
const NAMED_TITLE: usize = 40;

/// Reads `line` as a named number opening a title, the form of the `named_number` rule: a dash or two (`——`) may lead;
/// a word of one to four ideographs, none of them a numeral (`行动`, `专项行动`, `应用`); its number in Arabic or Chinese
/// numerals (`1`, `十二`); `：`, `:` or a blank; and a title of at most [`NAMED_TITLE`] characters up to the first `。`,
/// the rest of the line being its text (`行动1：加强规划引领与任务统筹`, `——任务3：制定…报告`, `应用一：形式审查`). Whether it
/// is a heading is the rule's to say (the word must number a run through the document): this reads the form only.
/// The heading's offsets (`title_at`, the body's) count from the word, not from the start of `line`.
pub(crate) fn named(line: &str) -> Option<NamedNumber<'_>> {
    let start = line.len() - line.trim_start_matches(['—', '－', '-']).len();
    let rest = line[start..].trim_start_matches(is_blank);
    // Four ideographs at most: a sentence's words run on, and its line is looked at no further.
    let (word_len, _) = rest.char_indices().take(5).find(|&(_, c)| !is_cjk(c) || is_chinese_numeral_char(c))?;
    let word = &rest[..word_len];
    if word.is_empty() || word.starts_with('第') || NOT_NAMED_PARTS.iter().any(|part| word.ends_with(part)) {
        return None;
    }
    let after_word = &rest[word_len..];
    let (after_number, numeral) =
        alt((take_while_m_n(1, 3, |c| digit_value(c).is_some()), chinese)).parse(after_word).ok()?;
    let ordinal = parse_number(numeral).filter(|&n| n >= 1)?;
    let separator = after_number.chars().next()?;
    if !(matches!(separator, '：' | ':') || is_blank(separator)) {
        return None;
    }
    let title_from = after_number[separator.len_utf8()..].trim_start_matches(is_blank);
    // Offsets count from the word: the heading starts there, after the dashes.
    let title_at = rest.len() - title_from.len();
    let (title, body) = match title_from.split_once('。') {
        Some((title, after)) => {
            let body = after.trim_start_matches(is_blank);
            (title, (!body.is_empty()).then(|| (body, rest.len() - body.len())))
        }
        None => (title_from.trim_end_matches(is_blank), None),
    };
    if title.is_empty()
        || title.starts_with(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation())
        || title.chars().count() > NAMED_TITLE
    {
        return None;
    }
    let number = rest[..rest.len() - title_from.len()].trim_end_matches(is_blank);
    let heading = Numbered { style: Style::Named, ordinal, number, title, title_at, body, ocr_brackets: false };
    Some(NamedNumber { word, heading })
}

/// The longest title of a point standing alone (see [`point`]), in characters.
const POINT_TITLE: usize = 45;

/// Reads `line` as a whole point of an enumeration, `一是推进农业结构调整。`: `一是` to `二十是`, then one sentence of at
/// most [`POINT_TITLE`] characters that ends the line with `。` and holds no `；`, `：` or second sentence. Whether it is a
/// heading is the `standalone_point` rule's to say (a point within a paragraph is text): this reads the form only.
///
/// A point run in its paragraph (`一是培育创新主体。打造一批…。`) is read by [`run_in_point`].
pub(crate) fn point(line: &str) -> Option<Numbered<'_>> {
    let (rest, numeral) = point_numeral(line)?;
    let ordinal = parse_number(numeral).filter(|&n| (1..=20).contains(&n))?;
    let title = rest.trim_end_matches(is_blank).strip_suffix('。')?;
    if title.is_empty()
        || title.starts_with(is_blank)
        || title.contains(['。', '；', '：', ';', ':', '？', '！'])
        || title.chars().count() > POINT_TITLE
    {
        return None;
    }
    Some(point_heading(line, rest, ordinal, title, None))
}

/// A point's heading: its number is `line` up to `rest`, its title follows the number.
fn point_heading<'a>(
    line: &'a str,
    rest: &str,
    ordinal: u32,
    title: &'a str,
    body: Option<(&'a str, usize)>,
) -> Numbered<'a> {
    let number = &line[..line.len() - rest.len()];
    Numbered { style: Style::Point, ordinal, number, title, title_at: number.len(), body, ocr_brackets: false }
}

/// Reads `line` as a point run in with its passage (`一是准确把握政策，找准投资方向。紧密结合…。`): `一是` to `二十是`, a
/// title sentence and a passage of its own after it, as [`titled_passage`] reads them, or, `loose`, as
/// [`loose_passage`] does. Whether it is a heading is the `run_in_point` rule's to say: this reads the form only.
pub(crate) fn run_in_point(line: &str, loose: bool) -> Option<Numbered<'_>> {
    let (rest, numeral) = point_numeral(line)?;
    let ordinal = parse_number(numeral).filter(|&n| (1..=20).contains(&n))?;
    if rest.starts_with(is_blank) || !(titled_passage(rest) || (loose && loose_passage(rest))) {
        return None;
    }
    let (title, after) = rest.split_once('。')?;
    let body = after.trim_start_matches(is_blank).trim_end_matches(is_blank);
    let body_at = line.len() - after.trim_start_matches(is_blank).len();
    Some(point_heading(line, rest, ordinal, title, (!body.is_empty()).then_some((body, body_at))))
}

/// The `decimal_lookalike` rule: a line whose decimal number is a member's number and the figure its text opens with
/// (`6.15分钟出海服务圈…` in a list at `6.`) read as that `1.`-style number and its text, when the list expects it.
pub(crate) fn first_part<'a>(line: &'a str, n: &Numbered<'a>) -> Option<Numbered<'a>> {
    if n.style != Style::Decimal2 {
        return None;
    }
    let dot = n.number.find(['.', '．'])?;
    let dot_end = dot + n.number[dot..].chars().next()?.len_utf8();
    let ordinal = parse_number(&n.number[..dot]).filter(|&o| o > 0)?;
    let rest = &line[dot_end..];
    let (title, body) = split_run_in(rest);
    let body = body.map(|(text, at)| (text, dot_end + at));
    Some(Numbered {
        style: Style::ArabicDot,
        ordinal,
        number: &line[..dot_end],
        title,
        title_at: dot_end,
        body,
        ocr_brackets: false,
    })
}

/// Whether a style is a decimal number (`1.1`, `1.1.1`, `1.1.1.1`).
pub(crate) fn is_decimal(style: Style) -> bool {
    matches!(style, Style::Decimal2 | Style::Decimal3 | Style::Decimal4)
}

/// Whether `c` can open a heading number: `第`, an opening bracket, a digit, a Chinese numeral, a circled number.
pub(crate) fn may_open_number(c: char) -> bool {
    // The brackets of `OPEN`, spelt out: a match is cheaper than a search of the string.
    matches!(c, '第' | '0'..='9' | '０'..='９' | '\u{2460}'..='\u{2473}' | '（' | '(' | '〈' | '〔' | '［' | '[')
        || is_chinese_numeral_char(c)
}

fn canonical(open: char, close: char) -> bool {
    matches!((open, close), ('（', '）') | ('(', ')'))
}

/// Reads a heading number and title at the start of `line` (indentation already removed). Returns `None` when the
/// line does not open with a number followed by text.
pub(crate) fn numbered(line: &str) -> Option<Numbered<'_>> {
    if !line.starts_with(may_open_number) {
        return None; // most lines: no parser needs to run
    }
    let (rest, (style, numeral, ocr_brackets)) = number(line).ok()?;
    // `[1](#t1)`: a Markdown link whose text is a number (a site's list of article anchors), not `（1）`.
    if line.starts_with('[') && rest.starts_with('(') {
        return None;
    }
    let ordinal = match style {
        Style::Circled => numeral.chars().next().map(|c| c as u32 - 0x2460 + 1)?,
        // `(l)` before Latin text is a word in brackets, not a number.
        _ if numeral.chars().all(|c| LETTER_ONE.contains(c)) => {
            if rest.trim_start_matches(is_blank).starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return None;
            }
            1
        }
        _ if numeral.contains('－') => parse_number(&numeral.replace('－', "一"))?,
        _ => parse_number(numeral)?,
    };
    // The `standard_part` rule: `第1部分：系统要求` in Arabic digits and with a colon names a part of a standard or
    // the segments of a code (`第2部分：西药药品类别码，…`), never a part of the document, which is `第一部分`.
    if style == Style::Part && numeral.starts_with(|c: char| c.is_ascii_digit()) && rest.starts_with(['：', ':']) {
        return None;
    }
    if ordinal == 0 {
        return None;
    }
    // An article inserted by an amendment: `第二百九十三条之一`, numbered with the article it follows.
    let rest = match style {
        Style::Article => rest.strip_prefix('之').and_then(|r| chinese(r).ok().map(|(after, _)| after)).unwrap_or(rest),
        _ => rest,
    };
    let number = &line[..line.len() - rest.len()];
    // A blank entity of HTML markup (`第一章&emsp;总&emsp;则`) parts the number from its title as a blank does.
    let trimmed = crate::markup::trim_blanks_start(rest);
    let title_at = line.len() - trimmed.len();
    if style == Style::Article {
        // An article has no title: everything after its number is its text (`第一条　为了…，制定本办法。`).
        // `第一条件` is a word, not an article; `第五条生产企业应…。` is an article whose blank was lost; `第一条，反对；`
        // counts points in a sentence.
        let glued_article = rest.chars().count() >= 10
            && !rest.starts_with(['件', '款', '例', '约', '目', '线', '幅', '形', '路', '规', '文'])
            && !rest.starts_with(['，', '；', '、', '。', ',', ';'])
            && rest.contains(['。', '，', '：', '；']);
        // `第十一条（施行日期）`: a caption in brackets, not a numbered clause cited (`第三条（一）项`).
        let caption = rest.strip_prefix(['（', '(']).is_some_and(|c| !c.starts_with(|c: char| may_open_number(c)));
        if !rest.is_empty() && trimmed.len() == rest.len() && !glued_article && !caption {
            return None;
        }
        let body = (!trimmed.is_empty()).then_some((trimmed.trim_end_matches(is_blank), title_at));
        return Some(Numbered { style, ordinal, number, title: "", title_at, body, ocr_brackets });
    }
    if trimmed.is_empty() {
        return None;
    }
    let (title, body) = split_run_in(trimmed);
    let body = body.map(|(text, at)| (text, title_at + at));
    Some(Numbered { style, ordinal, number, title, title_at, body, ocr_brackets })
}

/// A heading number alone on its line (`（一）`, `一、`, `1.`), whose title the source put on the next line: its style,
/// ordinal and the number as written.
pub(crate) fn bare_number(line: &str) -> Option<(Style, u32, &str)> {
    // `首先，` alone on its line opens the ordinals `第二，` `第三，` that follow it so (a speech's bold lead words).
    let trimmed = line.trim_end_matches(is_blank);
    if matches!(trimmed, "首先，" | "首先,") {
        return Some((Style::Ordinal, 1, trimmed));
    }
    if !line.starts_with(may_open_number) {
        return None;
    }
    let (rest, (style, numeral, _)) = number(line).ok()?;
    if !rest.trim_matches(is_blank).is_empty() || style == Style::Article {
        return None;
    }
    let ordinal = match style {
        Style::Circled => numeral.chars().next().map(|c| c as u32 - 0x2460 + 1)?,
        _ => parse_number(numeral)?,
    };
    (ordinal > 0).then_some((style, ordinal, line.trim_end_matches(is_blank)))
}

/// The `ocr_lost_numeral` heuristic: a line that opens with `、` followed by a short title (`、“八五”计划的基本任务`),
/// or by a short title closed with `。` and its run-in body (`、国民收入。五年内…`), is an `一、`-style heading whose
/// numeral OCR dropped. Returns the title with its offset in `line` and, after the title's `。`, the body with its.
pub(crate) fn lost_numeral_title(line: &str) -> Option<LostNumeral<'_>> {
    let rest = line.strip_prefix('、')?;
    let title = rest.trim_start_matches(is_blank);
    let title_at = line.len() - title.len();
    // No clause inside, and no bracket closed that the title did not open (`、兩岸四地、馬來西亞）屬於`).
    let plain = |t: &str| {
        !t.contains(['。', '；', '，', '：', ';', ',', ':'])
            && t.matches(['）', ')']).count() <= t.matches(['（', '(']).count()
    };
    if let Some(end) = title.find('。') {
        let (head, tail) = (&title[..end], &title[end + '。'.len_utf8()..]);
        let chars = head.chars().count();
        let body = tail.trim_start_matches(is_blank);
        let body_at = line.len() - body.len();
        let body = (!body.is_empty()).then_some((body.trim_end_matches(is_blank), body_at));
        return ((2..=30).contains(&chars) && plain(head)).then_some(LostNumeral { title: head, title_at, body });
    }
    let chars = title.chars().count();
    ((4..=40).contains(&chars) && plain(title)).then_some(LostNumeral { title, title_at, body: None })
}

/// A heading whose numeral OCR dropped (see [`lost_numeral_title`]).
pub(crate) struct LostNumeral<'a> {
    pub title: &'a str,
    /// Where the title starts in the line.
    pub title_at: usize,
    /// The run-in body after the title's `。`, with its offset in the line.
    pub body: Option<(&'a str, usize)>,
}

/// The style of a number as a section holds it (`第三章`, `第十条`, `（二）`): the number and nothing else.
pub(crate) fn style_of_number(written: &str) -> Option<Style> {
    let (rest, (style, _, _)) = number(written).ok()?;
    rest.is_empty().then_some(style)
}

/// Splits a heading's text into the title and a run-in body: the title ends at the first `。` (which belongs to
/// neither), or at a run of two or more spaces that joins a heading to its first paragraph — unless the title so far
/// is one character, which makes the title letter-spaced (`总  则`).
pub(crate) fn split_run_in(text: &str) -> (&str, Option<(&str, usize)>) {
    let mut blank_run_start = None;
    let mut blanks = 0;
    for (i, c) in text.char_indices() {
        if c == '。' {
            let body = &text[i + c.len_utf8()..];
            return (&text[..i], non_empty(body, i + c.len_utf8()));
        }
        if is_blank(c) {
            if blanks == 0 {
                blank_run_start = Some(i);
            }
            blanks += 1;
        } else {
            // A letter-spaced title (`总  则`, `附　　则`) is one word, not a title and a body.
            let letter_spaced = blank_run_start.is_some_and(|start| text[..start].chars().count() == 1);
            if blanks >= 2
                && !letter_spaced
                && let Some(start) = blank_run_start
            {
                return (&text[..start], non_empty(&text[i..], i));
            }
            blanks = 0;
        }
    }
    (text.trim_end_matches(is_blank), None)
}

fn non_empty(body: &str, at: usize) -> Option<(&str, usize)> {
    let trimmed = body.trim_start_matches(is_blank);
    let at = at + (body.len() - trimmed.len());
    let trimmed = trimmed.trim_end_matches(is_blank);
    (!trimmed.is_empty()).then_some((trimmed, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str) -> Option<(Style, u32, &str, &str, Option<&str>)> {
        numbered(line).map(|n| (n.style, n.ordinal, n.number, n.title, n.body.map(|b| b.0)))
    }

    #[test]
    fn a_point_is_one_short_sentence_after_its_numeral() {
        let point = |line| point(line).map(|n| (n.style, n.ordinal, n.number, n.title));
        assert_eq!(point("一是推进农业结构调整。"), Some((Style::Point, 1, "一是", "推进农业结构调整")));
        assert_eq!(
            point("七是加强依法行政和社会建设，社会保持和谐稳定。"),
            Some((Style::Point, 7, "七是", "加强依法行政和社会建设，社会保持和谐稳定"))
        );
        // Not a whole sentence on its line, or more than one, or a clause of a list.
        assert_eq!(point("一是适应市场需求，强化技术开发和产品开发"), None);
        assert_eq!(point("一是培育创新主体。打造一批引领创新的数字商务企业。"), None);
        assert_eq!(point("一是对被兼并企业的部分债务实行免息；"), None);
        assert_eq!(point("一是"), None);
        assert_eq!(point("二十一是推进。"), None);
        // Not a point at all.
        assert_eq!(point("一九九八年是改革攻坚的一年。"), None);
        assert_eq!(numbered("一是推进农业结构调整。"), None);
    }

    #[test]
    fn a_named_number_is_a_word_a_number_and_a_title() {
        let named = |line| named(line).map(|n| (n.word, n.heading.ordinal, n.heading.number, n.heading.title));
        assert_eq!(named("行动1：加强规划引领与任务统筹"), Some(("行动", 1, "行动1：", "加强规划引领与任务统筹")));
        assert_eq!(
            named("——任务12：推动完成低效产业用地盘活处置任务"),
            Some(("任务", 12, "任务12：", "推动完成低效产业用地盘活处置任务"))
        );
        assert_eq!(named("应用十一：说明书适老化改造"), Some(("应用", 11, "应用十一：", "说明书适老化改造")));
        assert_eq!(named("专项行动三　数字赋能"), Some(("专项行动", 3, "专项行动三", "数字赋能")));
        let run_in = super::named("行动２：强化保障。各区要加强组织。").expect("a run-in named number");
        assert_eq!((run_in.heading.title, run_in.heading.body.map(|b| b.0)), ("强化保障", Some("各区要加强组织。")));
        // Parts of other kinds, numbers that are no names, and sentences.
        assert!(named("附件1：申报表").is_none());
        assert!(named("专栏2：重点工程").is_none());
        assert!(named("任务专栏1　药品监管云建设").is_none());
        assert!(named("第一章 总则").is_none());
        assert!(named("一、总体要求").is_none());
        assert!(named("到2025年，全市建成").is_none());
        assert!(named("行动1、加强规划").is_none());
        assert!(named("其中1：").is_none());
        assert!(named("全市各区要围绕城市更新目标1：推动重点地区更新").is_none());
        assert!(named(&format!("行动1：{}", "长".repeat(41))).is_none());
    }

    #[test]
    fn every_open_bracket_may_open_a_number() {
        assert!(OPEN.chars().all(may_open_number));
    }

    #[test]
    fn the_ladder() {
        assert_eq!(check("一、指导思想和发展目标"), Some((Style::ChineseComma, 1, "一、", "指导思想和发展目标", None)));
        assert_eq!(
            check("（一）指导思想。全面贯彻党的十八大"),
            Some((Style::ParenChinese, 1, "（一）", "指导思想", Some("全面贯彻党的十八大")))
        );
        assert_eq!(check("（二）基本原则。"), Some((Style::ParenChinese, 2, "（二）", "基本原则", None)));
        assert_eq!(check("12.坚持开放"), Some((Style::ArabicDot, 12, "12.", "坚持开放", None)));
        assert_eq!(check("1．坚持开放"), Some((Style::ArabicDot, 1, "1．", "坚持开放", None)));
        assert_eq!(check("1﹒坚持开放"), Some((Style::ArabicDot, 1, "1﹒", "坚持开放", None)));
        assert_eq!(check("（3）加强"), Some((Style::ParenArabic, 3, "（3）", "加强", None)));
        assert_eq!(check("(3)加强"), Some((Style::ParenArabic, 3, "(3)", "加强", None)));
        assert_eq!(check("②加强"), Some((Style::Circled, 2, "②", "加强", None)));
        assert_eq!(check("十二、附则"), Some((Style::ChineseComma, 12, "十二、", "附则", None)));
    }

    #[test]
    fn chapters_and_joined_headings() {
        assert_eq!(
            check("第一篇　转变方式　开创科学发展新局面　　“十二五”时期是"),
            Some((Style::Part, 1, "第一篇", "转变方式　开创科学发展新局面", Some("“十二五”时期是")))
        );
        assert_eq!(check("第十二章 发展现代产业"), Some((Style::Chapter, 12, "第十二章", "发展现代产业", None)));
        assert_eq!(
            check("第一百二十三条　为了保护水土资源，制定本办法。"),
            Some((Style::Article, 123, "第一百二十三条", "", Some("为了保护水土资源，制定本办法。")))
        );
        assert_eq!(check("第五条"), Some((Style::Article, 5, "第五条", "", None)));
        assert_eq!(check("第一条，反对；第二条，不怕”。"), None, "points counted in a sentence");
        assert_eq!(check("第一章  总  则"), Some((Style::Chapter, 1, "第一章", "总  则", None)));
        assert_eq!(check("第六章　附　　则"), Some((Style::Chapter, 6, "第六章", "附　　则", None)));
        assert_eq!(check("第二部分　主要任务"), Some((Style::Part, 2, "第二部分", "主要任务", None)));
        assert_eq!(check("第二编 分则"), Some((Style::Book, 2, "第二编", "分则", None)));
        assert_eq!(check("第一分编　通则"), Some((Style::SubBook, 1, "第一分编", "通则", None)));
        assert_eq!(check("三．保障措施"), Some((Style::ChineseComma, 3, "三．", "保障措施", None)));
        assert_eq!(check("一、2015年工作回顾"), Some((Style::ChineseComma, 1, "一、", "2015年工作回顾", None)));
        assert_eq!(check("第一条件"), None);
        assert_eq!(
            check("第一，必须坚持解放思想。解放思想是前提。"),
            Some((Style::Ordinal, 1, "第一，", "必须坚持解放思想", Some("解放思想是前提。")))
        );
        assert_eq!(
            check("第三、利用外资要讲求经济效益"),
            Some((Style::Ordinal, 3, "第三、", "利用外资要讲求经济效益", None))
        );
        // A Markdown link whose text is a number is no number.
        assert_eq!(check("[1](#t1)&emsp;[2](#t2)&emsp;[3](#t3)"), None);
        // A web page's wrapping may leave a blank after `第`.
        assert_eq!(
            check("第 二，打造新的区域经济增长极。建设沿海经济社会发展强省。"),
            Some((Style::Ordinal, 2, "第 二，", "打造新的区域经济增长极", Some("建设沿海经济社会发展强省。")))
        );
        assert_eq!(check("第 三 章 总则"), Some((Style::Chapter, 3, "第 三 章", "总则", None)));
        assert_eq!(check("第一条件是要求企业具备资质，并且依法经营。"), None);
        assert_eq!(
            check("第五条生产企业应依法依规提供软件。"),
            Some((Style::Article, 5, "第五条", "", Some("生产企业应依法依规提供软件。")))
        );
        assert_eq!(check("第十一条（施行日期）"), Some((Style::Article, 11, "第十一条", "", Some("（施行日期）"))));
        assert_eq!(check("第三条（一）项规定的情形"), None);
        assert_eq!(
            check("第二百九十三条之一 有下列情形之一的"),
            Some((Style::Article, 293, "第二百九十三条之一", "", Some("有下列情形之一的")))
        );
    }

    #[test]
    fn numbers_that_are_not_headings() {
        assert_eq!(check("1.7万亿元"), None);
        assert_eq!(check("2.69 万亿元上升到"), None);
        assert_eq!(check("3.1.1 模型算法安全风险").map(|n| (n.0, n.1, n.2)), Some((Style::Decimal3, 1, "3.1.1")));
        assert_eq!(check("二、九七一公里"), None);
        assert_eq!(check("一、一带一路建设").map(|n| n.2), Some("一、"));
        assert_eq!(check("一、一九九四年工作回顾").map(|n| n.2), Some("一、"), "a year is no figure");
        assert_eq!(check("1. 8亿亩，新增森林面积"), None);
        assert_eq!(check("1.2025年万亿元"), Some((Style::ArabicDot, 1, "1.", "2025年万亿元", None)));
        assert_eq!(check("1.20年"), None);
        assert_eq!(check("2016年9月30日"), None);
        assert_eq!(check("一、"), None);
        assert_eq!(check("（图略）"), None);
        assert_eq!(check("第一次全国"), None);
        // The `standard_part` rule: a part of a standard or of a code, not of the document.
        assert_eq!(check("第1部分：系统要求国家标准已发布GB/T33008.1-2016"), None);
        assert_eq!(check("第2部分：西药药品类别码，对西药自然属性进行分类"), None);
        assert_eq!(check("第一部分　发展基础").map(|n| (n.0, n.2)), Some((Style::Part, "第一部分")));
    }

    #[test]
    fn a_look_alike_bracket_is_cited_as_a_parenthesis() {
        let n = numbered("〈二）内陆地区的经济发展").unwrap();
        assert_eq!(cited(n.number, n.style).as_deref(), Some("（二）"));
        assert_eq!(cited("〔3〕", Style::ParenArabic).as_deref(), Some("（3）"));
        assert_eq!(cited("（二）", Style::ParenChinese), None);
        assert_eq!(cited("(一）", Style::ParenChinese), None, "mixed parentheses are parentheses");
    }

    #[test]
    fn a_one_that_ocr_read_as_a_letter() {
        let n = numbered("(l)华北的山西、河北：…").unwrap();
        assert_eq!((n.style, n.ordinal, n.ocr_brackets), (Style::ParenArabic, 1, true));
        assert_eq!(cited(n.number, n.style).as_deref(), Some("(1)"));
        let n = numbered("（I）积极地进行关于草本纤维造纸原料的研究").unwrap();
        assert_eq!(cited(n.number, n.style).as_deref(), Some("（1）"));
        assert!(numbered("(I) International cooperation").is_none(), "a Latin word after it");
    }

    #[test]
    fn blanks_between_a_numeral_and_its_unit() {
        let n = numbered("第三  节国营商业和合作社营商业的经营管理").unwrap();
        assert_eq!((n.style, n.ordinal, n.title), (Style::Division, 3, "国营商业和合作社营商业的经营管理"));
        assert_eq!(cited(n.number, n.style).as_deref(), Some("第三节"));
        let n = numbered("第七十五 条体育运动、娱乐活动的组织者应当采取措施，保障安全。").unwrap();
        assert_eq!((n.style, n.ordinal), (Style::Article, 75));
        assert!(numbered("第二 条件成熟时，应当推进。").is_none(), "`条件` is a word");
    }

    #[test]
    fn ocr_brackets_are_read_and_flagged() {
        let n = numbered("〈一）总体要求").unwrap();
        assert_eq!((n.style, n.ordinal, n.ocr_brackets), (Style::ParenChinese, 1, true));
        assert!(!numbered("（一）总体要求").unwrap().ocr_brackets);
        let n = numbered("第三十－条　在城乡规划区内新建建筑。").unwrap();
        assert_eq!((n.style, n.ordinal, n.number, n.ocr_brackets), (Style::Article, 31, "第三十－条", true));
        assert!(numbered("第－条").is_none(), "a hyphen stands for 一 only after another numeral");
    }
}
