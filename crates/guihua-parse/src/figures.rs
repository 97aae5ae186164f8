//! Figures as real files write them, rewritten the way the target patterns read them, with a map back to the source.
//!
//! The `figure_spacing` rule: PDF text puts blanks between digits and Chinese (`到 2025 年`, `超过 50%`), OCR text
//! between the digits themselves (`1 2 %`, `6 .5 %`, `1 9 9 7 年`); a blank run with a digit on one side and a digit,
//! decimal point, percent sign or Chinese character on the other is dropped. Full-width digits, `．` and `％` become
//! ASCII; a `，` or `,` between a digit and exactly three digits is a thousands separator (`16，770亿元`) and goes.
//!
//! The `chinese_figure` rule: figures written in Chinese numerals become Arabic where they measure something —
//! `百分之七十七点五` → `77.5%`, `一千二百万吨` → `1200万吨`, `二点五倍` → `2.5倍`, `一九九七年` → `1997年` — but a
//! numeral that names (`“十三五”`, `第一`, `一批`, `一个`) stays: a run must hold two numerals or more (or a `点`)
//! and stand before a unit, or follow `百分之`.

use std::sync::LazyLock;

use crate::text::is_blank;

/// Text with its figures rewritten, and where each of its bytes comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Normalized {
    /// The rewritten text.
    pub text: String,
    /// Where the pieces of `text` come from, in order: most of it is copied as it stands.
    segments: Vec<Segment>,
    /// The length of the source.
    source_len: usize,
}

/// A piece of the rewritten text: copied from the source byte for byte, or written for the source range `src..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Where the piece starts in the rewritten text.
    out: usize,
    src: usize,
    end: usize,
    copied: bool,
}

impl Normalized {
    /// The segment that holds byte `at` of the rewritten text.
    fn segment(&self, at: usize) -> Option<&Segment> {
        if at >= self.text.len() {
            return None;
        }
        let k = self.segments.partition_point(|s| s.out <= at).checked_sub(1)?;
        self.segments.get(k)
    }

    /// The source byte offset where byte `at` of the rewritten text comes from (the end of the source at the end).
    pub fn source(&self, at: usize) -> usize {
        match self.segment(at) {
            Some(s) if s.copied => s.src + (at - s.out),
            Some(s) => s.src,
            None => self.source_len,
        }
    }

    /// The source byte offset where a range of the rewritten text that ends before byte `to` (a character boundary)
    /// ends.
    pub fn source_end(&self, to: usize) -> usize {
        match to.checked_sub(1).and_then(|k| self.segment(k)) {
            Some(s) if s.copied => s.src + (to - s.out),
            Some(s) => s.end,
            None => self.source(to),
        }
    }

    /// Nothing yet, for a source of `source`'s length.
    fn empty(source: &str) -> Normalized {
        Normalized { text: String::new(), segments: Vec::new(), source_len: source.len() }
    }

    /// Appends the rewriting of a chunk of the source that starts at byte `at`.
    fn append(&mut self, chunk: &Normalized, at: usize) {
        for (k, s) in chunk.segments.iter().enumerate() {
            let out_end = chunk.segments.get(k + 1).map_or(chunk.text.len(), |next| next.out);
            self.push(&chunk.text[s.out..out_end], at + s.src, at + s.end, s.copied);
        }
    }

    /// Appends `written` for the source range `src..end`, copied when it is what the source says.
    fn push(&mut self, written: &str, src: usize, end: usize, copied: bool) {
        let out = self.text.len();
        self.text.push_str(written);
        match self.segments.last_mut() {
            Some(last) if copied && last.copied && last.end == src && last.out + (last.end - last.src) == out => {
                last.end = end;
            }
            _ => self.segments.push(Segment { out, src, end, copied }),
        }
    }
}

/// Units a Chinese-numeral figure may stand before (the start of the word is enough).
const UNITS: [&str; 33] = [
    "个百分点",
    "百分点",
    "倍",
    "%",
    "％",
    "万",
    "亿",
    "元",
    "吨",
    "公里",
    "千米",
    "公斤",
    "斤",
    "人",
    "户",
    "亩",
    "公顷",
    "千瓦",
    "台",
    "辆",
    "所",
    "座",
    "项",
    "家",
    "个",
    "条",
    "种",
    "平方",
    "立方",
    "年",
    "米",
    "成",
    "岁",
];

/// `text` with its figures rewritten (see the module documentation), or `None` when nothing needs rewriting (the
/// common case, which costs one pass over the bytes and no allocation). Runs of Chinese numerals are read only when
/// `numerals` (see [`writes_chinese_figures`]).
pub(crate) fn normalize(text: &str, numerals: bool) -> Option<Normalized> {
    if text.len() <= NORMALIZE_CHUNK {
        return normalize_chunk(text, numerals);
    }
    // A long text is read a chunk at a time, each ending after a `。`: no rule looks across a sentence end, and the
    // characters of one chunk (sixteen bytes each) are all that is held at once.
    let mut out: Option<Normalized> = None;
    let mut start = 0;
    while start < text.len() {
        let end = chunk_end(text, start);
        let chunk = &text[start..end];
        match (normalize_chunk(chunk, numerals), out.as_mut()) {
            (None, None) => {}
            (Some(rewritten), None) => {
                let mut first = Normalized { text: String::with_capacity(text.len()), ..Normalized::empty(text) };
                first.push(&text[..start], 0, start, true);
                first.append(&rewritten, start);
                out = Some(first);
            }
            (rewritten, Some(so_far)) => match rewritten {
                Some(rewritten) => so_far.append(&rewritten, start),
                None => so_far.push(chunk, start, end, true),
            },
        }
        start = end;
    }
    out
}

/// The most bytes [`normalize`] reads at once, unless a sentence is longer.
const NORMALIZE_CHUNK: usize = 64 * 1024;

/// Where the chunk of `text` from `start` ends: after the last `。` within [`NORMALIZE_CHUNK`] bytes, else after the
/// first one beyond, else at the end.
fn chunk_end(text: &str, start: usize) -> usize {
    const STOP: &str = "。";
    if text.len() - start <= NORMALIZE_CHUNK {
        return text.len();
    }
    let limit = crate::text::floor_char_boundary(text, start + NORMALIZE_CHUNK);
    if let Some(at) = text[start..limit].rfind(STOP).filter(|&at| at > 0) {
        return start + at + STOP.len();
    }
    text[limit..].find(STOP).map_or(text.len(), |at| limit + at + STOP.len())
}

/// [`normalize`] of one chunk.
fn normalize_chunk(text: &str, numerals: bool) -> Option<Normalized> {
    if !needs_rewriting(text, numerals) {
        return None;
    }
    let mut out = Normalized { text: String::with_capacity(text.len()), segments: Vec::new(), source_len: text.len() };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    // Where the run of characters copied as they stand began: most are, since none of the rules below starts at them.
    let mut run = None;
    while i < chars.len() {
        let (at, c) = chars[i];
        let plain =
            !is_blank(c) && !matches!(c, '，' | ',' | '０'..='９' | '．' | '％' | '百' | '万') && !is_numeral(c);
        if plain {
            run.get_or_insert(at);
            i += 1;
            continue;
        }
        if let Some(start) = run.take() {
            out.push(&text[start..at], start, at, true);
        }
        // A run of blanks between figure characters.
        if is_blank(c) {
            let mut j = i;
            while j < chars.len() && is_blank(chars[j].1) {
                j += 1;
            }
            if drops_blank(&chars, i, j) {
                i = j;
                continue;
            }
        }
        // A thousands separator.
        if matches!(c, '，' | ',')
            && i > 0
            && is_digit(chars[i - 1].1)
            && (1..=3).all(|k| chars.get(i + k).is_some_and(|&(_, d)| is_digit(d)))
            && chars.get(i + 4).is_none_or(|&(_, d)| !is_digit(d) && !matches!(d, '，' | ','))
            && !chars.get(i + 4).is_some_and(|&(_, d)| d == '．' || d == '.')
        {
            i += 1;
            continue;
        }
        // A figure in Chinese numerals.
        if let Some((written, next)) = chinese_figure(&chars, i, numerals) {
            let end = chars.get(next).map_or(text.len(), |&(e, _)| e);
            out.push(&written, at, end, false);
            i = next;
            continue;
        }
        let ascii = match c {
            '０'..='９' => Some(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '．' if out.text.chars().next_back().is_some_and(is_digit)
                && chars.get(i + 1).is_some_and(|&(_, d)| is_digit(d)) =>
            {
                Some('.')
            }
            '％' => Some('%'),
            _ => None,
        };
        let end = at + c.len_utf8();
        match ascii {
            Some(a) => out.push(a.encode_utf8(&mut [0; 4]), at, end, false),
            None => out.push(&text[at..end], at, end, true),
        }
        i += 1;
    }
    if let Some(start) = run {
        out.push(&text[start..], start, text.len(), true);
    }
    Some(out)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A CJK unified ideograph (the basic block).
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether the blank run `chars[from..to]` splits a figure (see the module documentation). Between two digits only a
/// single blank between short digit groups goes (`1 2 %`, `7 4 7 7 2亿元`), so that figures set side by side (`2015
/// 2020`, `1.2 1.5`) stay apart.
fn drops_blank(chars: &[(usize, char)], from: usize, to: usize) -> bool {
    let (Some(&(_, b)), Some(&(_, a))) = (from.checked_sub(1).and_then(|k| chars.get(k)), chars.get(to)) else {
        return false;
    };
    let point_or_percent = |c: char| matches!(c, '.' | '．' | '%' | '％' | '‰');
    if is_digit(b) && is_digit(a) {
        let before = chars[..from].iter().rev().take_while(|&&(_, c)| is_digit(c)).count();
        let after = chars[to..].iter().take_while(|&&(_, c)| is_digit(c)).count();
        let decimal = (from - before).checked_sub(1).is_some_and(|k| point_or_percent(chars[k].1));
        // After a decimal point only when a unit follows (`1 0 ．0 6 ‰`), so that `1.2 1.5` stays apart.
        let unit_after = chars[to + after..]
            .iter()
            .find(|&&(_, c)| !is_blank(c))
            .is_some_and(|&(_, c)| matches!(c, '%' | '％' | '‰') || is_cjk(c));
        return to - from == 1 && before <= 2 && after <= 2 && (!decimal || unit_after);
    }
    (is_digit(b) && (point_or_percent(a) || is_cjk(a))) || (is_digit(a) && (point_or_percent(b) || is_cjk(b)))
}

/// Whether anything in `text` may need rewriting: one automaton for Chinese figures, a look at the neighbours of the
/// Arabic digits. Texts that write their figures in Arabic digits write them all so, save magnitude words (`千项`,
/// `万亿元`), doublings (`翻一番`) and `百分之`: runs of numerals are read only in text without Arabic digits.
fn needs_rewriting(text: &str, numerals: bool) -> bool {
    let digits = has_ascii_digit(text);
    chinese_figures(text, digits || !numerals) || full_width_figures(text) || (digits && digits_need_rewriting(text))
}

/// The `figure_style` profile of a whole document: whether it writes figures in Chinese numerals — it has no Arabic
/// digit at all, or says `百分之` three times or more (old reports and compendia, some laws). Only then are runs of
/// numerals read as figures (see [`normalize`]); magnitude words and `百分之` are read everywhere.
pub(crate) fn writes_chinese_figures(text: &str) -> bool {
    !has_ascii_digit(text) || memchr::memmem::find_iter(text.as_bytes(), "百分之".as_bytes()).nth(2).is_some()
}

/// Whether `text` holds an ASCII digit: sixteen bytes at a time, which the compiler turns into vector compares.
pub(crate) fn has_ascii_digit(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(16);
    let any = |chunk: &[u8]| chunk.iter().fold(false, |found, b| found | b.is_ascii_digit());
    chunks.by_ref().any(any) || any(chunks.remainder())
}

/// Whether `text` writes full-width digits or `％` (EF BC 90–99, EF BC 85): a search for the lead byte of full-width
/// forms.
fn full_width_figures(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xEF, bytes).any(|i| {
        bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2).is_some_and(|&c| (0x90..=0x99).contains(&c) || c == 0x85)
    })
}

/// Blanks next to ASCII digits and separators between them: a look at the neighbours of each.
fn digits_need_rewriting(text: &str) -> bool {
    let bytes = text.as_bytes();
    let blank_at = |i: usize| {
        matches!(bytes.get(i), Some(b' ' | b'\t'))
            || bytes.get(i..i + 3) == Some("\u{3000}".as_bytes())
            || bytes.get(i..i + 2) == Some("\u{a0}".as_bytes())
    };
    // Digits are rare in prose: sixteen bytes without one are passed over at once.
    let mut digit_at = bytes
        .chunks(16)
        .enumerate()
        .filter(|(_, chunk)| chunk.iter().fold(false, |f, b| f | b.is_ascii_digit()))
        .flat_map(|(k, chunk)| {
            chunk.iter().enumerate().filter(|(_, b)| b.is_ascii_digit()).map(move |(j, _)| k * 16 + j)
        });
    digit_at.any(|i| {
        let next = i + 1;
        let after_digit = blank_at(next)
            || bytes.get(next) == Some(&b',')
            || bytes.get(next..next + 3) == Some("，".as_bytes())
            || bytes.get(next..next + 3) == Some("．".as_bytes());
        let before_digit = i > 0
            && (matches!(bytes[i - 1], b' ' | b'\t') || (i >= 3 && blank_at(i - 3)) || (i >= 2 && blank_at(i - 2)));
        after_digit || before_digit
    })
}

/// Magnitude words and doublings, and `百分` (see [`chinese_figure`]), by the character that opens them (not `千万`,
/// an adverb as often as a number).
const MAGNITUDES: [(&str, &[&str]); 4] = [
    ("千", &["项", "亿", "家", "个"]),
    ("百", &["亿", "项", "个", "万", "分"]),
    ("万", &["亿"]),
    ("翻", &["一番", "两番", "三番"]),
];

/// The numerals that may open a run (`十三五` names a plan, `七十七点五` measures).
static NUMERALS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new([
        "〇", "○", "零", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "千",
    ])
    .expect("the numerals build an automaton")
});

/// Whether `text` holds a figure in Chinese: a magnitude word on its own (`千项`, not `1.7万亿元`), `百分`, or — where
/// the text has no Arabic digits — a run of two numerals or more before a unit or ending in `万`/`亿`.
fn chinese_figures(text: &str, arabic_digits: bool) -> bool {
    // One vector search per opening character: they are rarer than any automaton's start bytes.
    static HEADS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        LazyLock::new(|| MAGNITUDES.iter().map(|(head, _)| memchr::memmem::Finder::new(head.as_bytes())).collect());
    let magnitude = MAGNITUDES.iter().zip(HEADS.iter()).any(|(&(head, tails), finder)| {
        finder.find_iter(text.as_bytes()).any(|at| {
            let rest = &text[at + head.len()..];
            let before = text[..at].chars().next_back();
            tails.iter().any(|t| rest.starts_with(t))
                && (rest.starts_with('分')
                    || before.is_none_or(|c| !is_digit(c) && !is_numeral(c) && c != '.' && c != '．'))
        })
    });
    if magnitude || arabic_digits {
        return magnitude;
    }
    let bytes = text.as_bytes();
    let mut from = 0;
    for m in NUMERALS.find_iter(text) {
        if m.start() < from {
            continue; // inside the run read last
        }
        let mut j = m.end();
        let mut run = 1;
        while matches!(decode3(bytes, j), n if is_numeral(n) || matches!(n, '百' | '点' | '万' | '亿')) {
            j += 3;
            run += 1;
        }
        from = j;
        if run < 2 {
            continue;
        }
        let last = decode3(bytes, j - 3);
        if last == '万' || last == '亿' || text.get(j..).is_some_and(|rest| UNITS.iter().any(|u| rest.starts_with(u)))
        {
            return true;
        }
    }
    false
}

/// The three-byte character at `bytes[i..]` (or a space where there is none).
fn decode3(bytes: &[u8], i: usize) -> char {
    match bytes.get(i..i + 3) {
        Some(&[a, b, c]) if (0xE0..=0xEF).contains(&a) => {
            let code = (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F);
            char::from_u32(code).unwrap_or(' ')
        }
        _ => ' ',
    }
}

/// A character of a Chinese-numeral figure: digits, `十百千`, inner `万亿`, `两`, `〇`, and `点` for the decimal point.
fn is_numeral(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '千')
}

/// The value of a Chinese digit (`两` is 2), widened for figures.
fn chinese_digit(c: char) -> Option<u64> {
    crate::numbers::chinese_digit(c).map(u64::from)
}

/// A figure in Chinese numerals starting at `chars[i]`: its Arabic form and the index after it.
fn chinese_figure(chars: &[(usize, char)], i: usize, numerals: bool) -> Option<(String, usize)> {
    let c = chars[i].1;
    let percent = c == '百'
        && chars.get(i + 1).is_some_and(|&(_, c)| c == '分')
        && chars.get(i + 2).is_some_and(|&(_, c)| c == '之');
    let start = if percent { i + 3 } else { i };
    if !percent && !is_numeral(c) && c != '百' && c != '万' {
        return None;
    }
    // `翻一番`, `翻两番`: a doubling, counted.
    if i > 0 && chars[i - 1].1 == '翻' && chars.get(i + 1).is_some_and(|&(_, n)| n == '番') {
        return chinese_digit(c).map(|d| (d.to_string(), i + 1));
    }
    // A magnitude word alone: `千项`, `千亿级`, `百亿元`, `万亿元` (one 万 before 亿), but not `千家万户`, `百家`.
    let previous = i.checked_sub(1).map(|k| chars[k].1);
    if !percent && previous.is_none_or(|p| !is_numeral(p) && !is_digit(p) && !matches!(p, '第' | '.' | '．')) {
        let next = chars.get(i + 1).map(|&(_, n)| n);
        let follows =
            |word: &str| word.chars().enumerate().all(|(k, w)| chars.get(i + 1 + k).is_some_and(|&(_, c)| c == w));
        let magnitude = match c {
            '千' => Some("1000"),
            '百' => Some("100"),
            '万' if next == Some('亿') => Some("1万"),
            _ => None,
        };
        let idiom = follows("家万户") || (c == '百' && next == Some('家'));
        let unit = next.is_some_and(|n| matches!(n, '项' | '亿' | '家' | '个' | '万'));
        if let Some(m) = magnitude
            && unit
            && !idiom
        {
            return Some((m.to_owned(), i + 1));
        }
    }
    // Past magnitude words, only `百分之` is read in text that writes its figures in Arabic digits.
    if c == '万' || (!percent && !numerals) {
        return None;
    }
    // Not a numeral that names: `第一`, and not the middle of a word run of numerals.
    if !percent && i > 0 && (chars[i - 1].1 == '第' || is_numeral(chars[i - 1].1) || chars[i - 1].1 == '百') {
        return None;
    }
    let mut j = start;
    while j < chars.len() && (is_numeral(chars[j].1) || matches!(chars[j].1, '百' | '点' | '万' | '亿')) {
        j += 1;
    }
    // A trailing `万`/`亿` is a multiplier the patterns read themselves.
    let mut end = j;
    while end > start && matches!(chars[end - 1].1, '万' | '亿' | '点') {
        end -= 1;
    }
    if end == start {
        return None;
    }
    let run: String = chars[start..end].iter().map(|&(_, c)| c).collect();
    let rest: String = chars[end..chars.len().min(end + 4)].iter().map(|&(_, c)| c).collect();
    let value = chinese_value(&run)?;
    if percent {
        return Some((format!("{value}%"), end));
    }
    if !numerals {
        return None;
    }
    let numerals = run.chars().count();
    // A year in digit numerals: `一九九七年`.
    if numerals == 4 && run.chars().all(|c| chinese_digit(c).is_some()) && rest.starts_with('年') {
        return Some((value, end));
    }
    let before_unit = UNITS.iter().any(|u| rest.starts_with(u)) && !rest.starts_with("年代");
    // Before `年` only a count of years (`十五年`): digit runs before it are years, read above.
    let years_count = !rest.starts_with('年') || run.contains('十');
    if numerals >= 2 && before_unit && years_count {
        return Some((value, end));
    }
    None
}

/// The value of a Chinese numeral run (`七十七点五` → `77.5`, `一千二百` → `1200`, `一九九七` → `1997`, `两万三千` →
/// `23000`), as Arabic digits; `None` when it is no number (`十三五`).
fn chinese_value(run: &str) -> Option<String> {
    let (whole, fraction) = match run.split_once('点') {
        Some((w, f)) => (w, Some(f)),
        None => (run, None),
    };
    let integer = if whole.chars().all(|c| chinese_digit(c).is_some()) && whole.chars().count() > 1 {
        // Digit by digit: `一九九七`.
        whole.chars().map(|c| chinese_digit(c).map(|d| char::from(b'0' + d as u8))).collect::<Option<String>>()?
    } else {
        positional(whole)?.to_string()
    };
    match fraction {
        Some(f) if !f.is_empty() => {
            let digits: Option<String> =
                f.chars().map(|c| chinese_digit(c).map(|d| char::from(b'0' + d as u8))).collect();
            Some(format!("{integer}.{}", digits?))
        }
        Some(_) => None,
        None => Some(integer),
    }
}

/// A positional Chinese numeral (see [`crate::numbers::positional`]).
fn positional(text: &str) -> Option<u64> {
    crate::numbers::positional(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(text: &str) -> String {
        normalize(text, true).map_or_else(|| text.to_owned(), |n| n.text)
    }

    #[test]
    fn spacing_inside_and_around_figures() {
        assert_eq!(norm("到 2025 年，超过 50%"), "到2025年，超过50%");
        assert_eq!(norm("增长 1 2 %，6 .5 %"), "增长12%，6.5%");
        assert_eq!(norm("下降到1 0 ．0 6 ‰"), "下降到10.06‰");
        assert_eq!(norm("1 9 9 7 年国内生产总值达到7 4 7 7 2亿元"), "1997年国内生产总值达到74772亿元");
        assert_eq!(norm("Windows 10 版"), "Windows 10版", "a blank after a word stays");
        assert_eq!(norm("分别为2015 2020和1.2 1.5"), "分别为2015 2020和1.2 1.5", "figures side by side stay apart");
        assert!(normalize("规模以上工业增加值达到1.7万亿元。", true).is_none(), "nothing to rewrite: no allocation");
        assert_eq!(normalize("增长一千二百万吨", false), None, "runs of numerals only where the document writes them");
    }

    #[test]
    fn full_width_and_thousands_separators() {
        assert_eq!(norm("１２．５％"), "12.5%");
        assert_eq!(norm("达到16，770亿元，分别为1，2，3"), "达到16770亿元，分别为1，2，3");
        assert_eq!(norm("1,500家"), "1500家");
    }

    #[test]
    fn chinese_numerals_that_measure() {
        assert_eq!(norm("增长百分之七十七点五"), "增长77.5%");
        assert_eq!(norm("生产一千二百万吨"), "生产1200万吨");
        assert_eq!(norm("提高二点五倍"), "提高2.5倍");
        assert_eq!(norm("一九九七年"), "1997年");
        assert_eq!(norm("两万三千人"), "23000人");
        assert_eq!(
            norm("一亿亿亿亿亿亿一吨"),
            "一亿亿亿亿亿亿一吨",
            "a numeral too large for a figure stays as written"
        );
        assert_eq!(
            norm("比2010年翻一番，实施千项技改，打造千亿级集群，培育万亿元产业"),
            "比2010年翻1番，实施1000项技改，打造1000亿级集群，培育1万亿元产业"
        );
        for text in [
            "“十三五”时期",
            "第一，",
            "一批项目",
            "建设一个中心",
            "三五年内",
            "十年规划",
            "走进千家万户",
            "百家争鸣",
            "万人",
        ] {
            assert_eq!(norm(text), text);
        }
    }

    #[test]
    fn the_map_points_into_the_source() {
        let text = "到 2025 年增长百分之五十";
        let n = normalize(text, true).expect("rewritten");
        let at = n.text.find("50%").expect("the figure");
        assert_eq!(&text[n.source(at)..], "百分之五十");
        let year = n.text.find("2025").expect("the year");
        assert_eq!(&text[n.source(year)..n.source_end(year + 4)], "2025");
        assert_eq!(&text[n.source(at)..n.source_end(at + 3)], "百分之五十");
        assert_eq!(n.source(n.text.len()), text.len());
    }

    #[test]
    fn a_long_text_is_rewritten_a_chunk_at_a_time_as_it_would_be_at_once() {
        // Sentences with and without figures to rewrite; long enough for several chunks, with a chunk that needs
        // nothing between two that do.
        let rewritten = "到 2025 年，产值达到１６，７７０亿元。";
        let plain = "坚持创新驱动发展，推动产业转型升级。";
        let mut text = String::new();
        while text.len() < 3 * NORMALIZE_CHUNK {
            text.push_str(rewritten);
        }
        while text.len() < 5 * NORMALIZE_CHUNK {
            text.push_str(plain);
        }
        while text.len() < 7 * NORMALIZE_CHUNK {
            text.push_str(rewritten);
        }
        let n = normalize(&text, true).expect("rewritten");
        assert_eq!(n.text, text.replace(rewritten, "到2025年，产值达到16770亿元。"));
        // Every figure maps back to its place in the source.
        let mut from = 0;
        for (at, _) in n.text.match_indices("16770") {
            let src = n.source(at);
            let found = text[from..].find("１６，７７０").expect("the source figure") + from;
            assert_eq!(src, found);
            assert_eq!(&text[src..n.source_end(at + 5)], "１６，７７０");
            from = found + "１６，７７０".len();
        }
        assert_eq!(n.source(n.text.len()), text.len());
        assert!(normalize(&plain.repeat(10_000), true).is_none(), "nothing to rewrite in any chunk");
    }
}
