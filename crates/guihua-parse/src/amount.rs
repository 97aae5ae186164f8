//! The amount grammar, read by hand: a number with its ratio, magnitude, unit and bound (`1.7万亿元`, `60%以上`,
//! `3:7`, `10000件以上`, `800余家`). Targets and indicator cells are built on it.
//!
//! ```text
//! amount    = number [ ("：" | ":" | "∶" | "/") digits ] [ "多" | "余" ] [ magnitude ] [ unit ] [ bound ]
//! number    = ascii{1,3} ("," ascii{3})+ | digits ; then [ ("." | "．") digits ]
//! digits    = ( "0"–"9" | "０"–"９" )+
//! magnitude = 万亿 | 千亿 | 百亿 | 亿 | 千万 | 百万 | 万 | 千
//! unit      = 个百分点 | 百分点 | % | ％ | ‰ | word [ "/人" | "/年" | "/吨" ]      (word: see UNIT_WORDS)
//! bound     = 以上 | 以下 | 左右 | 以内
//! ```
//!
//! Alternatives are tried in the order written and optional parts are taken when they match (the longest magnitude,
//! the first unit word that fits). This was a regular expression run with captures on every clause with a digit; by
//! hand it is a few byte comparisons per number, which keeps target reading inside the parse budget. Where a pattern
//! needs text after the amount (`培育3家企业`), [`amount_then`] also tries the shorter readings a backtracking regex
//! would, in the same order.

/// A byte range of the text.
pub(crate) type Range = (usize, usize);

/// One amount: the byte ranges of its parts in the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Amount {
    pub start: usize,
    pub end: usize,
    /// The number, with its decimals and thousands separators.
    pub num: Range,
    /// The second term of a ratio (`3:7`).
    pub den: Option<Range>,
    pub mult: Option<Range>,
    pub unit: Option<Range>,
    pub bound: Option<Range>,
}

const MAGNITUDES: [&str; 8] = ["万亿", "千亿", "百亿", "亿", "千万", "百万", "万", "千"];

/// Unit words, in the order they are tried (`千瓦时` before `千瓦`; `万吨` and `亿元` are reached only when a shorter
/// reading leaves out the magnitude, see [`amount_then`]).
const UNIT_WORDS: [&str; 45] = [
    "美元",
    "元",
    "吨标准煤",
    "万吨",
    "吨",
    "人次",
    "人年",
    "名",
    "人",
    "个",
    "家",
    "项",
    "件",
    "台",
    "套",
    "座",
    "辆",
    "户",
    "处",
    "条",
    "公里",
    "千米",
    "平方米",
    "米",
    "亩",
    "公顷",
    "千瓦时",
    "千瓦",
    "兆瓦",
    "GW",
    "MW",
    "kW",
    "立方米",
    "小时",
    "分钟",
    "倍",
    "次",
    "张",
    "部",
    "种",
    "所",
    "亿元",
    "千瓦",
    "岁",
    "番",
];

const PER_SUFFIXES: [&str; 3] = ["/人", "/年", "/吨"];

const BOUNDS: [&str; 4] = ["以上", "以下", "左右", "以内"];

/// Whether `c` is a digit of the grammar: ASCII or full-width.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The byte length of the run of digits at the start of `s`.
fn digit_run(s: &str) -> usize {
    s.char_indices().find(|&(_, c)| !is_digit(c)).map_or(s.len(), |(i, _)| i)
}

/// The number at `at`: `ascii{1,3}(,ascii{3})+` when it fits, else a run of digits; then its decimals.
fn number(text: &str, at: usize) -> Option<Range> {
    let rest = &text[at..];
    let ascii = rest.bytes().take_while(u8::is_ascii_digit).count();
    let mut end = 0;
    if (1..=3).contains(&ascii) {
        let bytes = rest.as_bytes();
        let mut k = ascii;
        while bytes.get(k) == Some(&b',') && bytes.get(k + 1..k + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit)) {
            k += 4;
        }
        if k > ascii {
            end = k;
        }
    }
    if end == 0 {
        end = digit_run(rest);
    }
    if end == 0 {
        return None;
    }
    let after = &rest[end..];
    let point = if after.starts_with('.') {
        1
    } else if after.starts_with('．') {
        '．'.len_utf8()
    } else {
        0
    };
    if point > 0 {
        let decimals = digit_run(&after[point..]);
        if decimals > 0 {
            end += point + decimals;
        }
    }
    Some((at, at + end))
}

/// The first of `words` that `text[at..]` starts with, as a range.
fn word_at(text: &str, at: usize, words: &[&str]) -> Option<Range> {
    words.iter().find(|w| text[at..].starts_with(**w)).map(|w| (at, at + w.len()))
}

/// Every reading of the amount at `at` after its number and ratio, in the order a backtracking matcher tries them,
/// until `accept` takes one. The number and ratio are read greedily only: a shorter reading of either leaves a digit,
/// a point or a separator next, which no later part and no text a caller asks for can start with.
fn readings(text: &str, at: usize, accept: &mut dyn FnMut(&Amount) -> bool) -> Option<Amount> {
    let num = number(text, at)?;
    let mut end = num.1;
    let mut den = None;
    if let Some(sep) = ['：', ':', '∶', '/'].iter().find(|s| text[end..].starts_with(**s)) {
        let from = end + sep.len_utf8();
        let run = digit_run(&text[from..]);
        if run > 0 {
            den = Some((from, from + run));
            end = from + run;
        }
    }
    let base = Amount { start: at, end, num, den, mult: None, unit: None, bound: None };
    // 多|余, then the magnitude, the unit and the bound: each taken first, then left out.
    let approx = text[end..].starts_with('多') || text[end..].starts_with('余');
    let taken = approx.then_some(end + '多'.len_utf8());
    for after_approx in taken.into_iter().chain([end]) {
        if let Some(found) = magnitudes(text, Amount { end: after_approx, ..base }, accept) {
            return Some(found);
        }
    }
    None
}

fn magnitudes(text: &str, amount: Amount, accept: &mut dyn FnMut(&Amount) -> bool) -> Option<Amount> {
    let at = amount.end;
    for word in MAGNITUDES.iter().filter(|w| text[at..].starts_with(**w)) {
        let mult = (at, at + word.len());
        if let Some(found) = units(text, Amount { end: mult.1, mult: Some(mult), ..amount }, accept) {
            return Some(found);
        }
    }
    units(text, amount, accept)
}

fn units(text: &str, amount: Amount, accept: &mut dyn FnMut(&Amount) -> bool) -> Option<Amount> {
    let at = amount.end;
    let rest = &text[at..];
    for word in ["个百分点", "百分点", "%", "％", "‰"] {
        if rest.starts_with(word) {
            let unit = (at, at + word.len());
            if let Some(found) = bounds(text, Amount { end: unit.1, unit: Some(unit), ..amount }, accept) {
                return Some(found);
            }
        }
    }
    for word in UNIT_WORDS.iter().filter(|w| rest.starts_with(**w)) {
        let word_end = at + word.len();
        if let Some(per) = word_at(text, word_end, &PER_SUFFIXES) {
            let unit = (at, per.1);
            if let Some(found) = bounds(text, Amount { end: unit.1, unit: Some(unit), ..amount }, accept) {
                return Some(found);
            }
        }
        let unit = (at, word_end);
        if let Some(found) = bounds(text, Amount { end: unit.1, unit: Some(unit), ..amount }, accept) {
            return Some(found);
        }
    }
    bounds(text, amount, accept)
}

fn bounds(text: &str, amount: Amount, accept: &mut dyn FnMut(&Amount) -> bool) -> Option<Amount> {
    if let Some(bound) = word_at(text, amount.end, &BOUNDS) {
        let taken = Amount { end: bound.1, bound: Some(bound), ..amount };
        if accept(&taken) {
            return Some(taken);
        }
    }
    accept(&amount).then_some(amount)
}

/// The amount at byte `at` of `text`, read greedily; `None` unless a digit stands there.
pub(crate) fn amount_at(text: &str, at: usize) -> Option<Amount> {
    readings(text, at, &mut |_| true)
}

/// The first reading of the amount at `at` (see [`readings`]) that `accept` takes.
pub(crate) fn amount_then(text: &str, at: usize, accept: &mut dyn FnMut(&Amount) -> bool) -> Option<Amount> {
    readings(text, at, accept)
}

/// Every amount in `text`, left to right, none overlapping: each starts at the first digit after the one before.
pub(crate) fn amounts(text: &str) -> impl Iterator<Item = Amount> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (i, _) = text[from..].char_indices().find(|&(_, c)| is_digit(c))?;
        let found = amount_at(text, from + i)?;
        from = found.end;
        Some(found)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<Vec<Option<&str>>> {
        let s = |r: Option<Range>| r.map(|(a, b)| &text[a..b]);
        amounts(text)
            .map(|a| vec![Some(&text[a.start..a.end]), s(Some(a.num)), s(a.den), s(a.mult), s(a.unit), s(a.bound)])
            .collect()
    }

    #[test]
    fn numbers_units_and_bounds() {
        assert_eq!(
            parts("达到1.7万亿元，60%以上，3:7，10000件以上，800余家"),
            vec![
                vec![Some("1.7万亿元"), Some("1.7"), None, Some("万亿"), Some("元"), None],
                vec![Some("60%以上"), Some("60"), None, None, Some("%"), Some("以上")],
                vec![Some("3:7"), Some("3"), Some("7"), None, None, None],
                vec![Some("10000件以上"), Some("10000"), None, None, Some("件"), Some("以上")],
                vec![Some("800余家"), Some("800"), None, None, Some("家"), None],
            ]
        );
        assert_eq!(parts("1,234,5678")[0][1], Some("1,234,567"), "thousands groups of three");
        assert_eq!(parts("1234,567")[0][1], Some("1234"), "no group after four digits");
        assert_eq!(parts("１２．５％")[0][0], Some("１２．５％"), "full-width digits, point and sign");
        assert_eq!(parts("2.个")[0][0], Some("2"), "a point without decimals ends the number");
        assert_eq!(parts("5千瓦时")[0][3..5], [Some("千"), None], "the magnitude is read first, and 瓦时 is no unit");
        assert_eq!(parts("5兆瓦")[0][4], Some("兆瓦"));
        assert_eq!(parts("3吨/年")[0][4], Some("吨/年"), "a unit per year");
        assert_eq!(parts("10个百分点")[0][4], Some("个百分点"));
        assert!(parts("数据").is_empty());
    }

    #[test]
    fn shorter_readings_in_backtracking_order() {
        let text = "5万亿元企业";
        let leaving = |n: usize| amount_then(text, 0, &mut |a| text[a.end..].chars().count() >= n).map(|a| a.end);
        assert_eq!(leaving(2), Some("5万亿元".len()), "the greedy reading first");
        assert_eq!(leaving(3), Some("5万亿".len()), "then without the unit");
        assert_eq!(leaving(4), Some("5万".len()), "then 万 with 亿元, then 万 alone");
        assert_eq!(leaving(6), None);
        let found = amount_then("5家以上，", 0, &mut |a| a.bound.is_none()).expect("the bound can be left out");
        assert_eq!((found.start, found.end), (0, 4));
    }

    #[test]
    fn odd_text_never_panics() {
        for text in ["9", "9.", "9．", "9:", "9／", "1,", "1,23", "9多", "9万", "9个百", "٣", "9\u{feff}%"] {
            let _ = amounts(text).count();
        }
    }
}
